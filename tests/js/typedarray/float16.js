// Float16Array and DataView's Float16 accessors (ES2025). node 20 has
// neither; the expected values are IEEE binary16 with ties to even
// (Python's struct 'e' format agrees).
var f = new Float16Array([1.0009765625, 65504, 65519.99, 65520, 0.1, 1 / 3, 2 ** -24, 2 ** -25, 2 ** -25 * 1.0000001, -0, NaN, -Infinity, 1 + 2 ** -11, 1 + 3 * 2 ** -11]);
console.log(Float16Array.BYTES_PER_ELEMENT, f.byteLength, Array.from(f).join(" "));
// expect: 2 28 1.0009765625 65504 65504 Infinity 0.0999755859375 0.333251953125 5.960464477539063e-8 0 5.960464477539063e-8 0 NaN -Infinity 1 1.001953125
console.log(Object.is(f[9], -0), new Uint16Array(f.buffer, 0, 4).join());
// expect: true 15361,31743,31743,31744
var dv = new DataView(new ArrayBuffer(4));
dv.setFloat16(0, 1.5);
dv.setFloat16(2, -2, true);
console.log(dv.getUint8(0), dv.getUint8(1), dv.getFloat16(0), dv.getFloat16(2, true), dv.getFloat16(2));
// expect: 62 0 1.5 -2 0.000011444091796875
console.log(new Float16Array([70000]).join(), Float16Array.from([0.5, 2]).map(x => x * 3).join(), Object.getPrototypeOf(Float16Array).name);
// expect: Infinity 1.5,6 TypedArray
