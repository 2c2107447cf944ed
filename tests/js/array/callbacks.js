// Methods taking a callback: every, some, forEach, map, filter, find*, reduce*, flat*.
var a = [1, 2, 3, 4];
function even(x) { return x % 2 === 0; }
print(a.every(function (x) { return x > 0; }), a.every(even), a.some(even), [].some(even), [].every(even));
// expect: true false true false true
var visits = [];
[5, , 7].forEach(function (v, i, arr) { visits.push(i + "=" + v + (arr.length)); });
print(visits.join());
// expect: 0=53,2=73
print(a.map(function (x, i) { return x * i; }).join(), [1, , 3].map(String).hasOwnProperty(1));
// expect: 0,2,6,12 false
print(a.filter(even).join(), a.filter(function () { return this.ok; }, { ok: true }).length);
// expect: 2,4 4
print(a.find(even), a.findIndex(even), a.findLast(even), a.findLastIndex(even));
// expect: 2 1 4 3
print(a.find(function (x) { return x > 9; }), a.findIndex(function () { return false; }));
// expect: undefined -1
var seenHoles = 0;
[, , ].find(function (v) { if (v === undefined) seenHoles++; });
print(seenHoles);
// expect: 2
print(a.reduce(function (s, x) { return s + x; }), a.reduce(function (s, x) { return s + x; }, 10));
// expect: 10 20
print(a.reduceRight(function (s, x) { return s + x; }, ""), [, 5, , ].reduce(function (s, x) { return s + x; }));
// expect: 4321 5
try { [].reduce(even); } catch (e) { print(e.name, e.message); }
// expect: TypeError Reduce of empty array with no initial value
try { [, , ].reduceRight(even); } catch (e) { print(e.name); }
// expect: TypeError
try { a.map(); } catch (e) { print(e.name, e.message); }
// expect: TypeError undefined is not a function
try { a.forEach({}); } catch (e) { print(e.name); }
// expect: TypeError
print([1, [2, [3, [4]]]].flat().length, [1, [2, [3, [4]]]].flat(Infinity).join(), [1, [2]].flat(0).length);
// expect: 3 1,2,3,4 2
print([1, , [2, , 3]].flat().length, [[1], [2]].flat(-1).length);
// expect: 3 2
print([1, 2].flatMap(function (x) { return [x, x * 10]; }).join(), [1].flatMap(function (x) { return [[x]]; })[0].length);
// expect: 1,10,2,20 1
// Elements added during iteration are not visited; deleted ones are skipped.
var grow = [1, 2];
var count = 0;
grow.forEach(function (v) { count++; grow.push(v); });
print(count, grow.length);
// expect: 2 4
var shrink = [1, 2, 3];
var got = [];
shrink.forEach(function (v, i) { got.push(v); if (i === 0) delete shrink[2]; });
print(got.join());
// expect: 1,2
// Generic receivers and callback arguments.
var o = { length: 3, 0: "a", 1: "b", 2: "c" };
print(Array.prototype.map.call(o, function (v, i, t) { return v + i + (t === o); }).join());
// expect: a0true,b1true,c2true
print(Array.prototype.filter.call("hello", function (c) { return c !== "l"; }).join(""));
// expect: heo
// Species: a constructor's Symbol.species decides the result of map/filter/slice.
var arr = [1, 2, 3];
arr.constructor = {};
arr.constructor[Symbol.species] = function (n) { this.made = n; };
var mapped = arr.map(function (x) { return x; });
print(mapped.made, mapped[2], Array.isArray(mapped));
// expect: 3 3 false
arr.constructor[Symbol.species] = null;
print(Array.isArray(arr.filter(Boolean)));
// expect: true
arr.constructor = undefined;
print(Array.isArray(arr.slice()));
// expect: true
arr.constructor = 5;
try { arr.slice(); } catch (e) { print(e.name); }
// expect: TypeError
