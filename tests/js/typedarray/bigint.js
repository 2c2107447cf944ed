// BigInt64Array / BigUint64Array objects: lengths, offsets and the
// refusals of Numbers (their values: tests/js/bigint/typedarray.js).
var a = new BigInt64Array(3), b = new BigUint64Array(new ArrayBuffer(16), 8);
console.log(a.length, a.byteLength, BigInt64Array.BYTES_PER_ELEMENT, b.length, b.byteOffset, a[3], "1" in a);
// expect: 3 24 8 1 8 undefined true
try { a[0] = 1; } catch (e) { console.log(e.constructor.name, e.message); }
// expect: TypeError Cannot convert 1 to a BigInt
try { new BigInt64Array([1]); } catch (e) { console.log(e.constructor.name, e.message); }
// expect: TypeError Cannot convert 1 to a BigInt
try { new BigInt64Array(new Int8Array(1)); } catch (e) { console.log(e.constructor.name); }
// expect: TypeError
try { new Int8Array(a); } catch (e) { console.log(e.constructor.name); }
// expect: TypeError
try { new DataView(new ArrayBuffer(8)).setBigInt64(0, 1); } catch (e) { console.log(e.constructor.name, e.message); }
// expect: TypeError Cannot convert 1 to a BigInt
console.log(Object.keys(b).join(), a.slice(1).length, a.subarray(2).byteOffset, new BigUint64Array(a.buffer).length);
// expect: 0 2 16 3
