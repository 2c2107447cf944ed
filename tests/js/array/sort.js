// sort and toSorted: default order, comparators, stability, holes, undefined.
print([3, 1, 2].sort().join(), [10, 9, 1, 100].sort().join(), ["b", "a", "c"].sort().join());
// expect: 1,2,3 1,10,100,9 a,b,c
print([3, 1, 2].sort(function (x, y) { return y - x; }).join());
// expect: 3,2,1
print([-1, -2, 3, 0].sort().join(), [0.5, -0.5, 2].sort().join());
// expect: -1,-2,0,3 -0.5,0.5,2
var u = [3, undefined, 1, , 2];
u.sort();
print(u.length, u[3], 3 in u, 4 in u, u.join());
// expect: 5 undefined true false 1,2,3,,
// Stability: equal keys keep their order.
var recs = [];
for (var i = 0; i < 40; i++) recs.push({ k: i % 3, i: i });
recs.sort(function (x, y) { return x.k - y.k; });
var stable = true;
for (var j = 1; j < recs.length; j++)
  if (recs[j - 1].k === recs[j].k && recs[j - 1].i > recs[j].i) stable = false;
print(stable, recs[0].i, recs[39].i);
// expect: true 0 38
// A throwing comparator propagates and leaves the array untouched.
var t = [3, 2, 1];
try { t.sort(function () { throw new Error("cmp"); }); } catch (e) { print(e.message, t.join()); }
// expect: cmp 3,2,1
try { [1, 2].sort(5); } catch (e) { print(e.name); }
// expect: TypeError
try { [1, 2].toSorted("x"); } catch (e) { print(e.name); }
// expect: TypeError
// NaN from the comparator means equal.
print([2, 1].sort(function () { return NaN; }).join());
// expect: 2,1
// toSorted leaves the receiver alone and reads holes as undefined.
var h = [3, , 1];
var hs = h.toSorted();
print(hs.join(), hs.length, 2 in hs, h.join());
// expect: 1,3, 3 true 3,,1
// Generic receivers.
var o = { length: 3, 0: "c", 1: "a", 2: "b" };
Array.prototype.sort.call(o);
print(o[0], o[1], o[2]);
// expect: a b c
var sparseObj = { length: 5, 0: 2, 3: 1 };
Array.prototype.sort.call(sparseObj);
print(sparseObj[0], sparseObj[1], 2 in sparseObj, 3 in sparseObj);
// expect: 1 2 false false
// Objects are compared by their strings.
print([{ toString: function () { return "b"; } }, "a"].sort()[0]);
// expect: a
var big = [];
for (var n = 0; n < 1000; n++) big.push((n * 7919) % 1000);
big.sort(function (x, y) { return x - y; });
var ok = true;
for (var m = 0; m < 1000; m++) if (big[m] !== m) ok = false;
print(ok);
// expect: true
