// %TypedArray%.prototype methods.
var a = new Int16Array([5, -3, 8, 0, 8, -1]);
console.log(a.at(-1), a.at(10), a.indexOf(8), a.lastIndexOf(8), a.indexOf(8, -1), a.includes(-3), a.includes(NaN));
// expect: -1 undefined 2 4 -1 true false
console.log(new Float32Array([NaN]).includes(NaN), new Float32Array([NaN]).indexOf(NaN), new Float64Array([-0]).indexOf(0));
// expect: true -1 0
console.log(a.join(), a.join(" "), a.toString(), a.toLocaleString());
// expect: 5,-3,8,0,8,-1 5 -3 8 0 8 -1 5,-3,8,0,8,-1 5,-3,8,0,8,-1
console.log(a.every(x => x > -5), a.some(x => x > 7), a.find(x => x > 5), a.findIndex(x => x > 5), a.findLast(x => x > 5), a.findLastIndex(x => x < -5));
// expect: true true 8 2 8 -1
var seen = [];
a.forEach(function (v, i, arr) { seen.push(i + ":" + v + ":" + (arr === a) + ":" + this.tag); }, { tag: "t" });
console.log(seen.join(" "));
// expect: 0:5:true:t 1:-3:true:t 2:8:true:t 3:0:true:t 4:8:true:t 5:-1:true:t
console.log(a.map(x => x * 1000).join(), a.filter(x => x > 0).join(), a.filter(x => x > 100).length);
// expect: 5000,-3000,8000,0,8000,-1000 5,8,8 0
console.log(a.reduce((s, x) => s + x), a.reduceRight((s, x) => s + "," + x, "r"));
// expect: 17 r,-1,8,0,8,-3,5
try { new Uint8Array(0).reduce((s, x) => s); } catch (e) { console.log(e.constructor.name, e.message); }
// expect: TypeError Reduce of empty array with no initial value

// Sorting: numeric by default (-0 before +0, NaN last), stable with a comparator.
console.log(new Float64Array([3, NaN, -0, 0, -Infinity, 1e-9, -2]).sort().join());
// expect: -Infinity,-2,0,0,1e-9,3,NaN
console.log(Object.is(new Float64Array([0, -0]).sort()[0], -0));
// expect: true
var s = new Uint8Array([21, 12, 31, 13, 22, 11]);
console.log(s.toSorted((x, y) => (x % 10) - (y % 10)).join(), s.join());
// expect: 21,31,11,12,22,13 21,12,31,13,22,11
console.log(s.sort((x, y) => y - x).join(), new Int32Array([10, 9, 1, 100]).sort().join());
// expect: 31,22,21,13,12,11 1,9,10,100

// In place: reverse, fill, copyWithin, set.
var r = new Uint32Array([1, 2, 3, 4, 5]);
console.log(r.reverse().join(), r.toReversed().join(), r.join());
// expect: 5,4,3,2,1 1,2,3,4,5 5,4,3,2,1
console.log(r.fill(7, 1, -1).join(), r.fill(-1).join());
// expect: 5,7,7,7,1 4294967295,4294967295,4294967295,4294967295,4294967295
var c = new Int8Array([1, 2, 3, 4, 5]);
console.log(c.copyWithin(0, 3).join(), c.copyWithin(1, 0, 3).join(), c.copyWithin(-2, -4, -3).join());
// expect: 4,5,3,4,5 4,4,5,3,5 4,4,5,4,5
var t = new Float32Array(6);
t.set([1.5, 2.5], 1);
t.set(new Int8Array([-1, -2]), 4);
console.log(t.join());
// expect: 0,1.5,2.5,0,-1,-2
try { t.set([1, 2, 3], 4); } catch (e) { console.log(e.constructor.name); }
// expect: RangeError
try { t.set([1], -1); } catch (e) { console.log(e.constructor.name); }
// expect: RangeError
// set between overlapping views of one buffer converts from a snapshot.
var shared = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]);
new Uint16Array(shared.buffer, 2, 2).set(new Uint8Array(shared.buffer, 0, 2));
console.log(shared.join());
// expect: 1,2,1,0,2,0,7,8

// slice copies, subarray shares.
var base = new Int16Array([10, 20, 30, 40, 50]);
var sl = base.slice(1, -1), sub = base.subarray(1, -1);
base[2] = 99;
console.log(sl.join(), sub.join(), sub.byteOffset, sub.length, sub.buffer === base.buffer, base.slice(-2).join());
// expect: 20,30,40 20,99,40 2 3 true 40,50
console.log(base.subarray(-2).join(), base.subarray(3, 1).length, base.subarray().length);
// expect: 40,50 0 5

// with, entries, keys, values.
var w = new Uint8Array([1, 2, 3]);
console.log(w.with(-1, 300).join(), w.join());
// expect: 1,2,44 1,2,3
try { w.with(3, 0); } catch (e) { console.log(e.constructor.name); }
// expect: RangeError
console.log([...w.keys()].join(), [...w.values()].join(), JSON.stringify([...w.entries()]));
// expect: 0,1,2 1,2,3 [[0,1],[1,2],[2,3]]
var [x, ...rest] = w;
console.log(x, rest.length, Math.max(...w));
// expect: 1 2 3

// The methods refuse anything but a typed array.
try { Int8Array.prototype.fill.call([1, 2], 0); } catch (e) { console.log(e.constructor.name, e.message); }
// expect: TypeError this is not a typed array.
console.log(Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Int8Array.prototype), "length").get.call(new Int8Array(3)));
// expect: 3
