// The ES2025 Set methods: union, intersection, difference, symmetricDifference,
// isSubsetOf, isSupersetOf, isDisjointFrom (GetSetRecord, set-likes, order).
function show(s) { return "{" + [...s].join() + "}"; }
var a = new Set([1, 2, 3]), b = new Set([3, 4]);
print(show(a.union(b)), show(a.intersection(b)), show(a.difference(b)), show(a.symmetricDifference(b)));
// expect: {1,2,3,4} {3} {1,2} {1,2,4}
print(show(a), show(b), a.union(b) instanceof Set, a.union(b) !== a);
// expect: {1,2,3} {3,4} true true
print(a.isSubsetOf(new Set([1, 2, 3, 4])), a.isSubsetOf(b), a.isSupersetOf(new Set([2])), a.isSupersetOf(b));
// expect: true false true false
print(a.isDisjointFrom(new Set([7, 8])), a.isDisjointFrom(b), new Set().isSubsetOf(new Set()));
// expect: true false true
// Intersection order: walks this when it is no larger, else other's keys.
print(show(new Set([1, 2, 3]).intersection(new Set([3, 2, 1]))), show(new Set([1, 2, 3]).intersection(new Set([3, 2]))));
// expect: {1,2,3} {3,2}
// A Map is set-like (size, has, keys).
print(show(new Set(["x", 9]).union(new Map([[9, "nine"], ["y", 0]]))));
// expect: {x,9,y}
// Set-like objects: size is read and converted first, then has, then keys.
var log = [];
var setLike = {
  get size() { log.push("size"); return { valueOf: function () { log.push("valueOf"); return 2; } }; },
  get has() { log.push("get has"); return function (v) { log.push("has(" + v + ")"); return v === 1; }; },
  get keys() {
    log.push("get keys");
    return function () {
      log.push("keys()");
      var items = [1, 5], i = 0;
      return { next: function () { log.push("next"); return i < items.length ? { value: items[i++], done: false } : { done: true }; } };
    };
  },
};
print(show(new Set([1, 2, 3]).intersection(setLike)), log.join());
// expect: {1} size,valueOf,get has,get keys,keys(),next,next,next
log = [];
print(show(new Set([1]).intersection(setLike)), log.join());
// expect: {1} size,valueOf,get has,get keys,has(1)
log = [];
print(show(new Set([1, 3]).difference(setLike)), log.join());
// expect: {3} size,valueOf,get has,get keys,has(1),has(3)
log = [];
print(new Set([1, 5, 7]).isSupersetOf(setLike), log.join());
// expect: true size,valueOf,get has,get keys,keys(),next,next,next
// -0 from other's keys is canonicalized to +0.
var minusZero = { size: 1, has: function () { return false; }, keys: function () { return [-0].values(); } };
print(Object.is([...new Set([1]).union(minusZero)][1], 0), Object.is([...new Set([5]).symmetricDifference(minusZero)][1], 0));
// expect: true true
// isSupersetOf / isDisjointFrom close other's iterator when they stop early.
var returned = 0;
var early = {
  size: 1, has: function () { return true; },
  keys: function () {
    return { next: function () { return { value: 42, done: false }; }, return: function () { returned++; return {}; } };
  },
};
print(new Set([1, 2]).isSupersetOf(early), returned, new Set([42, 1]).isDisjointFrom(early), returned);
// expect: false 1 false 2
print(new Set([1, 2, 42]).isDisjointFrom({ size: 1, has: function () { return false; }, keys: early.keys }), returned);
// expect: false 3
// GetSetRecord's checks.
function err(f) { try { f(); return "no error"; } catch (e) { return e.constructor.name + ": " + e.message; } }
print(err(function () { a.union([1]); }));
// expect: TypeError: The .size property is NaN
print(err(function () { a.union({ size: -1, has: function () {}, keys: function () {} }); }));
// expect: RangeError: '-1' is an invalid size
print(err(function () { a.union({ size: 1, has: 1, keys: function () {} }); }));
// expect: TypeError: 1 is not a function
print(err(function () { a.union({ size: 1, has: function () {}, keys: undefined }); }));
// expect: TypeError: undefined is not a function
print(err(function () { a.union(1); }));
// expect: TypeError: Set.prototype.union argument must be an object
print(err(function () { Set.prototype.union.call(new Map(), a); }));
// expect: TypeError: Method Set.prototype.union called on incompatible receiver #<Map>
print(err(function () { a.union({ size: 1, has: function () {}, keys: function () { return 1; } }); }).split(":")[0]);
// expect: TypeError
// size may be Infinity; has() may mutate this set while intersection walks it.
var grow = new Set([1, 2]);
var inf = { size: Infinity, has: function (v) { if (v === 1) { grow.delete(2); grow.add(3); } return true; }, keys: function () {} };
print(show(grow.intersection(inf)), show(grow));
// expect: {1,3} {1,3}
print(Set.prototype.union.length, Set.prototype.isDisjointFrom.name);
// expect: 1 isDisjointFrom
