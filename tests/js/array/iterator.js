// Array iterators: keys, values, entries, Symbol.iterator and %ArrayIteratorPrototype%.
print(Array.prototype[Symbol.iterator] === Array.prototype.values, Array.prototype.values.name);
// expect: true values
var it = ["a", "b"].entries();
var r = it.next();
print(r.value.join(), r.done, it.next().value[1], it.next().done, it.next().value);
// expect: 0,a false b true undefined
print(Object.prototype.toString.call(it), it[Symbol.toStringTag]);
// expect: [object Array Iterator] Array Iterator
var proto = Object.getPrototypeOf(it);
print(Object.getPrototypeOf(proto)[Symbol.iterator].call(5) === 5, it[Symbol.iterator]() === it);
// expect: true true
print(proto.hasOwnProperty("next"), proto.next.length, proto.next.name);
// expect: true 0 next
try { proto.next.call({}); } catch (e) { print(e.name); }
// expect: TypeError
var keys = [];
for (var k of [7, 8, 9].keys()) keys.push(k);
print(keys.join());
// expect: 0,1,2
var vals = [];
for (var v of [1, , 3]) vals.push(v);
print(vals.length, vals[1]);
// expect: 3 undefined
// An exhausted iterator stays done even if the array grows.
var arr = [1];
var vi = arr.values();
vi.next();
print(vi.next().done);
// expect: true
arr.push(2);
print(vi.next().done);
// expect: true
// Iterators see growth before they finish, and work on array-likes.
var g = [1];
var gi = g.values();
gi.next();
g.push(2);
print(gi.next().value);
// expect: 2
var alike = Array.prototype.values.call({ length: 2, 0: "x", 1: "y" });
print(alike.next().value, alike.next().value, alike.next().done);
// expect: x y true
var unscop = Array.prototype[Symbol.unscopables];
print(Object.getPrototypeOf(unscop), unscop.flat, unscop.toSorted, unscop.push);
// expect: null true true undefined
var values = [];
with ([1, 2]) { values.push(typeof keys, typeof push); }
print(values.join());
// expect: object,function

// A throwing element getter ends the iterator: the spec's array iterator
// is a generator closure, and an abrupt completion finishes it.
var thrower = [1, 2];
Object.defineProperty(thrower, 0, { get: function () { throw new Error("getter"); } });
var ti = thrower.values();
try { ti.next(); } catch (e) { print(e.message); }
// expect: getter
var after = ti.next();
print(after.done, after.value);
// expect: true undefined
