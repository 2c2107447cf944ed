// BigInt64Array, BigUint64Array and DataView's BigInt accessors:
// ToBigInt64/ToBigUint64 wrapping, content types, searching and sorting.
let a = new BigInt64Array([1n, -2n, 2n ** 63n, 2n ** 64n + 5n]);
print(a.join(), a.length, a.BYTES_PER_ELEMENT, Object.prototype.toString.call(a));
// expect: 1,-2,-9223372036854775808,5 4 8 [object BigInt64Array]
let u = new BigUint64Array([-1n, 2n ** 64n, 2n ** 63n]);
print(u.join(), u[0] === 2n ** 64n - 1n, typeof u[0]);
// expect: 18446744073709551615,0,9223372036854775808 true bigint
u[1] = -2n; u[2] = "7"; print(u[1], u[2]);
// expect: 18446744073709551614 7
u[1] = true; print(u[1]);
// expect: 1
for (const v of [1, undefined, null, "x", Symbol()]) {
  try { u[0] = v; print("stored"); } catch (e) { print(e.name); }
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: SyntaxError
// expect: TypeError
}
print(new BigUint64Array(new BigInt64Array([-1n])).join(), new BigInt64Array(new BigUint64Array([2n ** 64n - 2n])).join());
// expect: 18446744073709551615 -2
try { new BigInt64Array([1, 2]); } catch (e) { print(e.name); }
// expect: TypeError
try { new BigInt64Array(new Uint8Array(1)); } catch (e) { print(e.name + ": " + e.message); }
// expect: TypeError: Content type of the source does not match the new BigInt64Array
try { new Float64Array(new BigInt64Array(1)); } catch (e) { print(e.name); }
// expect: TypeError
try { new Int8Array(1).set(new BigInt64Array(1)); } catch (e) { print(e.name); }
// expect: TypeError
try { new BigInt64Array(1).set([1]); } catch (e) { print(e.name); }
// expect: TypeError
let b = new BigInt64Array(4); b.set([1n, 2n]); b.set(new BigUint64Array([2n ** 64n - 1n]), 3); print(b.join());
// expect: 1,2,0,-1
let c = new BigInt64Array([5n, -3n, 2n ** 62n, 0n, -(2n ** 63n)]);
print(c.includes(-3n), c.includes(-3), c.indexOf(0n), c.lastIndexOf(5n), c.includes(2n ** 64n), c.indexOf(-(2n ** 63n)));
// expect: true false 3 0 false 4
print(new BigUint64Array([2n ** 64n - 1n]).includes(-1n), new BigUint64Array([2n ** 64n - 1n]).includes(2n ** 64n - 1n));
// expect: false true
print(c.slice().sort().join(), new BigUint64Array([3n, 2n ** 64n - 1n, 0n]).sort().join());
// expect: -9223372036854775808,-3,0,5,4611686018427387904 0,3,18446744073709551615
print(c.slice().sort((x, y) => (x < y ? 1 : x > y ? -1 : 0)).join());
// expect: 4611686018427387904,5,0,-3,-9223372036854775808
print(c.map((x) => x * 2n).join(), c.filter((x) => x > 0n).join(), c.reduce((s, x) => s + x, 0n));
// expect: 10,-6,-9223372036854775808,0,0 5,4611686018427387904 -4611686018427387902
print(c.fill(7n, 1, 3).join(), c.with(0, -1n).join(), c.at(-1), c.toReversed().join());
// expect: 5,7,7,0,-9223372036854775808 -1,7,7,0,-9223372036854775808 -9223372036854775808 -9223372036854775808,0,7,7,5
print(Array.from(new BigInt64Array([1n, 2n]), (x) => x + 1n).join(), [...new BigUint64Array([9n])].join());
// expect: 2,3 9
print(BigInt64Array.from(["1", true, 3n]).join(), BigUint64Array.of(1n, -1n).join());
// expect: 1,1,3 1,18446744073709551615
let dv = new DataView(new ArrayBuffer(16));
dv.setBigInt64(0, -2n);
print(dv.getBigInt64(0), dv.getBigUint64(0), dv.getBigInt64(0, true), dv.getUint8(7));
// expect: -2 18446744073709551614 -72057594037927937 254
dv.setBigUint64(8, 0x0102030405060708n, true);
print(dv.getUint8(8), dv.getBigUint64(8, true).toString(16), dv.getBigUint64(8).toString(16));
// expect: 8 102030405060708 807060504030201
dv.setBigInt64(0, 2n ** 64n + 3n, true); print(dv.getBigInt64(0, true));
// expect: 3
try { dv.setBigInt64(0, 1); } catch (e) { print(e.name + ": " + e.message); }
// expect: TypeError: Cannot convert 1 to a BigInt
try { dv.getBigInt64(9); } catch (e) { print(e.name); }
// expect: RangeError
print(dv.setBigUint64.length, dv.getBigInt64.length);
// expect: 2 1
