// freeze, seal, preventExtensions and their tests; setPrototypeOf.
var o = { a: 1 };
print(Object.isFrozen(o), Object.isSealed(o), Object.isExtensible(o));
// expect: false false true
Object.freeze(o);
o.a = 2;
o.b = 3;
print(o.a, o.b, Object.isFrozen(o), Object.isSealed(o), Object.isExtensible(o));
// expect: 1 undefined true true false
var s = Object.seal({ x: 1 });
s.x = 5;
delete s.x;
print(s.x, Object.isSealed(s), Object.isFrozen(s));
// expect: 5 true false
var arr = Object.freeze([1, 2]);
print(Object.isFrozen(arr), Object.getOwnPropertyDescriptor(arr, "length").writable);
// expect: true false
var acc = Object.freeze({ get g() { return 7; } });
print(acc.g, Object.isFrozen(acc));
// expect: 7 true
print(Object.isFrozen(1), Object.isSealed("x"), Object.isExtensible(1), Object.freeze(1));
// expect: true true false 1
var p = Object.preventExtensions({ q: 1 });
p.r = 1;
print(Object.isExtensible(p), p.r, Object.isSealed(p));
// expect: false undefined false
print(Object.isFrozen(Object.preventExtensions({})));
// expect: true
var proto = { hello: function () { return "hi"; } };
var child = Object.setPrototypeOf({}, proto);
print(child.hello(), Object.getPrototypeOf(child) === proto);
// expect: hi true
try { Object.setPrototypeOf(proto, child); } catch (e) { print(e.message); }
// expect: Cyclic __proto__ value
try { Object.setPrototypeOf(Object.preventExtensions({}), {}); } catch (e) { print(e instanceof TypeError); }
// expect: true
print(Object.setPrototypeOf(1, null));
// expect: 1
