// Comparisons and equality of BigInts with BigInts, Numbers, Strings and
// Booleans; SameValue in Object.is, Map, Set, includes and indexOf.
print(1n < 2n, 2n ** 64n > 2n ** 63n, -(2n ** 64n) < -1n, 1n <= 1n, 2n >= 3n);
// expect: true true true true false
print(1n < 1.5, 2n > 1.5, 1n == 1, 1n == 1.5, 2n ** 53n + 1n > 2 ** 53, 2n ** 53n + 1n == 2 ** 53);
// expect: true true true false true false
print(1n < Infinity, 1n > -Infinity, 1n < NaN, 1n >= NaN, 1n == NaN, 2n ** 1024n < Infinity);
// expect: true true false false false true
print(1n == "1", 1n == " 1 ", 1n == "1.0", 1n == "x", 10n == "0xa", -1n == "-1", 0n == "");
// expect: true true false false true true true
print(1n < "2", "3" > 2n, 1n < "x", 1n >= "x", "0b11" > 2n, 1n < "1.5");
// expect: true true false false true false
print(1n == true, 0n == false, 2n == true, 1n === 1, 1n === 1n, 2n ** 64n === 2n ** 64n, 1n !== 1n);
// expect: true true false false true true false
print(1n == Object(1n), Object(1n) == Object(1n), 1n == { valueOf() { return 1n; } }, 1n == [1]);
// expect: true false true true
print(Object.is(1n, 1n), Object.is(0n, -0n), Object.is(1n, 1), [1n, 2n ** 70n].includes(2n ** 70n), [1n, 2n].indexOf(2n));
// expect: true true false true 1
print([0n].includes(-0n), [5n].lastIndexOf(5n), [1n, 1].indexOf(1), new Set([1n, 1n, 1, "1"]).size);
// expect: true 0 1 3
let m = new Map([[2n ** 64n, "big"], [1n, "one"]]);
print(m.get(2n ** 64n), m.get(1n), m.has(1), m.has(18446744073709551616n), m.delete(1n), m.size);
// expect: big one false true true 1
switch (2n ** 65n) { case 2n ** 65n: print("switch by value"); break; default: print("wrong"); }
// expect: switch by value
print([3n, 1n, 2n ** 64n, -5n].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join());
// expect: -5,1,3,18446744073709551616
print(typeof (1n < 2), 5n > 4 && 5n < 6, (1n > 0) === true);
// expect: boolean true true
