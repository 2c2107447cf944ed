// WeakMap and WeakSet: keys must be objects or unregistered symbols.
var k1 = {}, k2 = function () {}, sym = Symbol("s");
var wm = new WeakMap([[k1, 1], [k2, 2]]);
print(wm.get(k1), wm.get(k2), wm.has(k1), wm.has({}), wm.get({}));
// expect: 1 2 true false undefined
print(wm.set(sym, "sym") === wm, wm.get(sym), wm.has(Symbol.iterator), wm.set(Symbol.iterator, 3).get(Symbol.iterator));
// expect: true sym false 3
print(wm.delete(k1), wm.delete(k1), wm.has(k1), wm.get(1), wm.has("x"), wm.delete(null));
// expect: true false false undefined false false
function err(f) { try { f(); return "no error"; } catch (e) { return e.constructor.name + ": " + e.message; } }
print(err(function () { wm.set(1, 1); }));
// expect: TypeError: Invalid value used as weak map key
print(err(function () { wm.set(Symbol.for("registered"), 1); }));
// expect: TypeError: Invalid value used as weak map key
print(err(function () { new WeakMap([[1, 2]]); }));
// expect: TypeError: Invalid value used as weak map key
print(err(function () { WeakMap(); }));
// expect: TypeError: Constructor WeakMap requires 'new'
print(err(function () { WeakMap.prototype.get.call(new Map(), k1); }));
// expect: TypeError: Method WeakMap.prototype.get called on incompatible receiver #<Map>
var ws = new WeakSet([k1]);
print(ws.has(k1), ws.add(k2) === ws, ws.has(k2), ws.delete(k2), ws.has(k2), ws.has(1), ws.delete("s"));
// expect: true true true true false false false
print(err(function () { ws.add("str"); }));
// expect: TypeError: Invalid value used in weak set
print(err(function () { new WeakSet([sym, 5]); }));
// expect: TypeError: Invalid value used in weak set
print(err(function () { WeakSet.prototype.has.call(new Set(), k1); }));
// expect: TypeError: Method WeakSet.prototype.has called on incompatible receiver #<Set>
print(WeakMap.length, WeakSet.length, WeakMap.prototype[Symbol.toStringTag], WeakSet.prototype[Symbol.toStringTag]);
// expect: 0 0 WeakMap WeakSet
print("size" in WeakMap.prototype, "forEach" in WeakSet.prototype, "clear" in WeakMap.prototype);
// expect: false false false
console.log(wm, ws);
// expect: WeakMap { <items unknown> } WeakSet { <items unknown> }
// Many keys (identity-hashed).
var keys = [], many = new WeakMap();
for (var i = 0; i < 5000; i++) { keys.push({ i: i }); many.set(keys[i], i); }
var ok = 0;
for (var i = 0; i < 5000; i++) if (many.get(keys[i]) === i) ok++;
print(ok);
// expect: 5000
