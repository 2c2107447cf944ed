// Reflect: one function per internal method.
var o = { a: 1 };
print(Reflect.has(o, "a"), Reflect.has(o, "toString"), Reflect.get(o, "a"));
// expect: true true 1
print(Reflect.set(o, "b", 2), o.b);
// expect: true 2
Object.freeze(o);
print(Reflect.set(o, "c", 3), Reflect.defineProperty(o, "d", { value: 1 }), Reflect.deleteProperty(o, "a"));
// expect: false false false
print(Reflect.ownKeys({ 1: 0, z: 0, [Symbol.iterator]: 0 }).length, Reflect.ownKeys([5]).join());
// expect: 3 0,length
var getterHost = { get me() { return this.who; } };
print(Reflect.get(getterHost, "me", { who: "receiver" }));
// expect: receiver
var setterHost = { set v(x) { this.got = x; } };
var recv = {};
Reflect.set(setterHost, "v", 9, recv);
print(recv.got, setterHost.got);
// expect: 9 undefined
function C(a, b) { this.sum = a + b; }
print(Reflect.construct(C, [1, 2]).sum);
// expect: 3
function Other() {}
print(Object.getPrototypeOf(Reflect.construct(C, [], Other)) === Other.prototype);
// expect: true
print(Reflect.apply(function (a, b) { return a + b; }, null, [1, 5]));
// expect: 6
try { Reflect.apply(Object.keys, null); } catch (e) { print(e instanceof TypeError); }
// expect: true
try { Reflect.get(1, "a"); } catch (e) { print(e.message); }
// expect: Reflect.get called on non-object
var np = {};
print(Reflect.isExtensible(np), Reflect.preventExtensions(np), Reflect.isExtensible(np));
// expect: true true false
print(Reflect.setPrototypeOf({}, null), Reflect.setPrototypeOf(np, {}), Reflect.getPrototypeOf(np) === Object.prototype);
// expect: true false true
print(Reflect.getOwnPropertyDescriptor({ x: 4 }, "x").value, Reflect.getOwnPropertyDescriptor({}, "x"));
// expect: 4 undefined
print(Object.prototype.toString.call(Reflect), typeof Reflect);
// expect: [object Reflect] object
