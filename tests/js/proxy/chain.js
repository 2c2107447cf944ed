// Proxies on prototype chains: [[Get]], [[Set]] and [[HasProperty]] hand
// over to the proxy with the original receiver; inline caches never skip
// a trap; for-in and instanceof use [[GetPrototypeOf]].
var log = [];
var proto = new Proxy({ inherited: "i" }, {
  get(t, k, r) { log.push("get " + String(k) + (r === child)); return Reflect.get(t, k, r); },
  set(t, k, v, r) { log.push("set " + String(k) + (r === child)); return Reflect.set(t, k, v, r); },
  has(t, k) { log.push("has " + String(k)); return Reflect.has(t, k); },
});
var child = Object.create(proto);
child.own = 1;
print(child.own, child.inherited, child.missing, log.join());
// expect: 1 i undefined set owntrue,get inheritedtrue,get missingtrue
log = [];
print("inherited" in child, "own" in child, "nope" in child, log.join());
// expect: true true false has inherited,has nope
log = [];
print(Object.keys(child).join(), child.hasOwnProperty("own"), child.hasOwnProperty("inherited"));
// expect: own true false
// The same store site and load site, run many times, trap every time.
var count = 0;
var counting = new Proxy({}, { set(t, k, v, r) { count++; return Reflect.set(t, k, v, r); }, get(t, k, r) { count += 100; return 5; } });
function make() { var o = Object.create(counting); o.x = 1; return o.y; }
for (var i = 0; i < 10; i++) make();
print(count);
// expect: 1010
// An array whose prototype is a proxy: hole writes reach the set trap.
var holes = 0;
var arr = [1, , 3];
Object.setPrototypeOf(arr, new Proxy([], { set(t, k, v, r) { holes++; return Reflect.set(t, k, v, r); } }));
for (var j = 0; j < 3; j++) arr[1] = j;
print(holes, arr[1], arr.length);
// expect: 1 2 3
// for-in walks the proxy's [[GetPrototypeOf]].
var keys = [];
for (var k in new Proxy(Object.create({ up: 1 }, { mine: { value: 1, enumerable: true } }), {})) keys.push(k);
print(keys.join());
// expect: mine,up
// instanceof asks getPrototypeOf.
function F() {}
var liar = new Proxy({}, { getPrototypeOf() { return F.prototype; } });
print(liar instanceof F, F.prototype.isPrototypeOf(liar));
// expect: true true
// Receiver handling: Reflect.set with a proxy receiver defines through its traps.
var traps = [];
var recv = new Proxy({}, {
  getOwnPropertyDescriptor(t, k) { traps.push("gopd " + k); return Reflect.getOwnPropertyDescriptor(t, k); },
  defineProperty(t, k, d) { traps.push("define " + k + " " + JSON.stringify(d)); return Reflect.defineProperty(t, k, d); },
});
print(Reflect.set({}, "z", 3, recv), traps.join("; "));
// expect: true gopd z; define z {"value":3,"writable":true,"enumerable":true,"configurable":true}
traps = [];
recv.z = 4;
print(traps.join("; "));
// expect: gopd z; define z {"value":4}
// A class extending a proxy of a class.
class Base { constructor(v) { this.v = v; } }
var seen = [];
var PBase = new Proxy(Base, { construct(t, args, nt) { seen.push(args.join() + (nt === Derived)); return Reflect.construct(t, args, nt); } });
class Derived extends PBase { constructor() { super(9, 8); } }
var d = new Derived();
print(d.v, d instanceof Derived, d instanceof Base, seen.join());
// expect: 9 true true 9,8true
// Setting the prototype of an object to a proxy that leads back to it.
var a = {};
var pa = new Proxy(a, {});
print(Reflect.setPrototypeOf(a, pa));
// expect: true
try { a.anything; } catch (e) { print(e.constructor.name, e.message); }
// expect: RangeError Maximum call stack size exceeded
