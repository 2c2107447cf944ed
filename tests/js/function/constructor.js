// The Function constructor: source assembly, global scope, early errors.
var f = Function("a", "b", "return a + b");
print(f(1, 2), f.name, f.length, typeof f.prototype);
// expect: 3 anonymous 2 object
print(JSON.stringify(f.toString()));
// expect: "function anonymous(a,b\n) {\nreturn a + b\n}"
var x = "global";
print((function () { var x = "local"; return Function("return x")(); })());
// expect: global
print(new Function()(), Function("return this")() === globalThis);
// expect: undefined true
print(Function("a,b", "c", "return a + b + c")(1, 2, 3));
// expect: 6
try { Function("}), (function(){"); } catch (e) { print(e.name); }
// expect: SyntaxError
try { Function("/*", "*/){"); } catch (e) { print(e.name); }
// expect: SyntaxError
try { Function("a = 1", "'use strict';"); } catch (e) { print(e.name); }
// expect: SyntaxError
var order = [];
Function({ toString: function () { order.push("p"); return "a"; } },
         { toString: function () { order.push("b"); return ""; } });
print(order.join());
// expect: p,b
print(Function.length, Object.getPrototypeOf(Function("")) === Function.prototype);
// expect: 1 true
