// Function.prototype.call / apply / bind, bound functions' length and name.
function f(a, b, c) { return [this && this.tag, a, b, c].join(); }
var self = { tag: "T" };
print(f.call(self, 1, 2, 3));
// expect: T,1,2,3
print(f.apply(self, [4, 5]));
// expect: T,4,5,
print(f.apply(self, null));
// expect: T,,,
print(f.apply(self, { length: 2, 0: "a", 1: "b" }));
// expect: T,a,b,
var b = f.bind(self, 1);
print(b(2, 3), b.length, b.name);
// expect: T,1,2,3 2 bound f
var bb = b.bind(null, 2);
print(bb(3), bb.length, bb.name);
// expect: T,1,2,3 1 bound bound f
function P(x) { this.x = x; }
var BP = P.bind(null, 7);
var inst = new BP();
print(inst.x, inst instanceof P, inst instanceof BP);
// expect: 7 true true
print(Object.getOwnPropertyNames(b).join());
// expect: length,name
var d = Object.getOwnPropertyDescriptor(b, "length");
print(d.writable, d.enumerable, d.configurable);
// expect: false false true
var arrow = (() => 1).bind(null);
try { new arrow(); } catch (e) { print(e instanceof TypeError); }
// expect: true
try { Function.prototype.bind.call({}); } catch (e) { print(e instanceof TypeError); }
// expect: true
var noLen = function () {};
Object.defineProperty(noLen, "length", { value: Infinity });
print(noLen.bind().length);
// expect: Infinity
Object.defineProperty(noLen, "name", { value: 5 });
print(JSON.stringify(noLen.bind().name));
// expect: "bound "
print(Function.prototype.call.length, Function.prototype.apply.length, Function.prototype.bind.length);
// expect: 1 2 1
