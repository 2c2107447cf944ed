// Iterators and forEach stay valid while the collection changes.
var m = new Map();
for (var i = 0; i < 10; i++) m.set(i, i * i);
var seen = [];
for (var [k, v] of m) {
  seen.push(k);
  if (k === 2) { m.delete(3); m.delete(5); m.set(10, 100); }
  if (k === 10) m.set(11, 0);
}
print(seen.join());
// expect: 0,1,2,4,6,7,8,9,10,11
// Mass deletion shrinks the table under a live iterator.
var s = new Set();
for (var i = 0; i < 1000; i++) s.add(i);
var out = [];
for (var x of s) {
  out.push(x);
  if (x === 0) for (var j = 1; j < 990; j++) s.delete(j);
}
print(out.length, out.slice(0, 3).join(), s.size);
// expect: 11 0,990,991 11
// Growth while iterating: every added element is visited.
var g = new Set([0]);
var n = 0;
for (var x of g) { if (x < 500) g.add(x + 1); n++; }
print(n, g.size);
// expect: 501 501
// clear() ends the walk over old entries; entries added later are seen.
var c = new Map([[1, 1], [2, 2], [3, 3]]);
var it = c.entries();
print(JSON.stringify(it.next()));
// expect: {"value":[1,1],"done":false}
c.clear();
c.set(7, 7);
print(JSON.stringify(it.next()), it.next().done);
// expect: {"value":[7,7],"done":false} true
c.set(8, 8);
print(it.next().done);
// expect: true
// A finished iterator stays finished.
var d = new Set([1]);
var di = d.values();
di.next();
print(di.next().done);
// expect: true
d.add(2);
print(di.next().done);
// expect: true
// Deleted then re-added: visited again, at the end.
var f = new Set([1, 2, 3]);
var order = [];
f.forEach(function (v) { order.push(v); if (v === 1 && order.length === 1) { f.delete(1); f.add(1); } });
print(order.join());
// expect: 1,2,3,1
// An iterator created before any entry exists sees later additions.
var e = new Map();
var ei = e.keys();
e.set("a", 1);
print(ei.next().value, ei.next().done);
// expect: a true
// Entries deleted and the map refilled many times under one iterator.
var r = new Map([[0, 0]]);
var ri = r.keys();
for (var round = 1; round <= 50; round++) { r.delete(round - 1); r.set(round, round); }
print(ri.next().value, r.size);
// expect: 50 1
// Iterator objects and their prototypes.
var mi = new Map().entries(), si = new Set().values();
var MapIter = Object.getPrototypeOf(mi), SetIter = Object.getPrototypeOf(si);
print(MapIter[Symbol.toStringTag], SetIter[Symbol.toStringTag], Object.prototype.toString.call(mi));
// expect: Map Iterator Set Iterator [object Map Iterator]
print(Object.getPrototypeOf(MapIter) === Object.getPrototypeOf(SetIter), mi[Symbol.iterator]() === mi, MapIter.next.length);
// expect: true true 0
try { MapIter.next.call(si); } catch (e) { print(e.constructor.name, e.message); }
// expect: TypeError Method Map Iterator.prototype.next called on incompatible receiver #<Object>
print(JSON.stringify(Array.from(new Map([["k", "v"]]).keys())), JSON.stringify(Array.from(new Map([["k", "v"]]).values())));
// expect: ["k"] ["v"]
