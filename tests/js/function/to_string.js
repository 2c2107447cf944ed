// Function.prototype.toString: source text, native and bound forms; @@hasInstance.
function add(a, b) { return a + b; }
print(add.toString());
// expect: function add(a, b) { return a + b; }
print(Object.keys.toString());
// expect: function keys() { [native code] }
print(add.bind(null).toString());
// expect: function () { [native code] }
print(Object.getOwnPropertyDescriptor(Object.prototype, "__proto__").get.toString());
// expect: function get __proto__() { [native code] }
try { Function.prototype.toString.call({}); } catch (e) { print(e instanceof TypeError); }
// expect: true
print(Function.prototype[Symbol.hasInstance].call(add, new add()));
// expect: true
var hi = Object.getOwnPropertyDescriptor(Function.prototype, Symbol.hasInstance);
print(hi.writable, hi.enumerable, hi.configurable, hi.value.name);
// expect: false false false [Symbol.hasInstance]
print(typeof Function.prototype, Function.prototype(), Function.prototype.length, Function.prototype.name === "");
// expect: function undefined 0 true
try { Function.prototype.caller; } catch (e) { print(e instanceof TypeError); }
// expect: true
print(Function.prototype.constructor === Function, Object.getPrototypeOf(Function) === Function.prototype);
// expect: true true
