// Sparse arrays and huge lengths: absent elements are skipped without
// visiting every index (the results are the spec's; the speed is ours).
var sp = [];
sp[4294967294] = "last";
sp[7] = "seven";
print(sp.length, sp.indexOf("last"), sp.lastIndexOf("last"), sp.indexOf("seven"));
// expect: 4294967295 4294967294 4294967294 7
print(sp.includes("last"), sp.includes(undefined), sp.lastIndexOf("seven", 100));
// expect: true true 7
var visited = [];
sp.forEach(function (v, i) { visited.push(i); });
print(visited.join());
// expect: 7,4294967294
print(sp.reduce(function (acc, v) { return acc + v; }, ""), sp.reduceRight(function (acc, v) { return acc + v; }, ""));
// expect: sevenlast lastseven
print(sp.some(function (v) { return v === "last"; }), sp.every(function (v) { return typeof v === "string"; }));
// expect: true true
print(sp.filter(function () { return true; }).join("|"));
// expect: seven|last
print(sp.map(function (v) { return v.length; })[4294967294], sp.map(String).length);
// expect: 4 4294967295
sp.sort();
print(sp[0], sp[1], 7 in sp, 4294967294 in sp, sp.length);
// expect: last seven false false 4294967295
print(sp.pop(), sp.length);
// expect: undefined 4294967294
var holes = [1, , 3];
holes.shift();
print(holes.length, 0 in holes, holes[1]);
// expect: 2 false 3
var big = [];
big.length = 4294967295;
big[100] = "x";
print(big.slice(95, 105).length, big.slice(95, 105).indexOf("x"));
// expect: 10 5
// concat reaches index 2^32-1 (a plain property), then length 2^32 fails.
try { big.concat([1]); } catch (e) { print(e.name); }
// expect: RangeError
var joined = big.slice(98, 102).join("-");
print(joined);
// expect: --x-
// Array-likes with lengths past 2^32-1 use string keys.
var al = { length: 9007199254740991 };
al[9007199254740990] = "top";
print(Array.prototype.lastIndexOf.call(al, "top"), Array.prototype.at.call(al, -1));
// expect: 9007199254740990 top
print(Array.prototype.indexOf.call(al, "top", 9007199254740989));
// expect: 9007199254740990
Array.prototype.fill.call(al, "f", 9007199254740989);
print(al[9007199254740989], al[9007199254740990]);
// expect: f f
