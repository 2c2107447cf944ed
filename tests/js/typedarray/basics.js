// Typed array constructors, element conversions and the length forms.
var kinds = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array,
             Int32Array, Uint32Array, Float32Array, Float64Array];
var values = [0, -1, 1.5, 2.5, -2.5, 255, 256, 300, -129, 65535, 65536, 2147483648,
              4294967295, 1e20, -0, NaN, Infinity, -Infinity, 0.1];
for (var K of kinds) {
  var a = new K(values);
  console.log(K.name, K.BYTES_PER_ELEMENT, a.length, a.byteLength, Array.from(a).join(" "));
}
// expect: Int8Array 1 19 19 0 -1 1 2 -2 -1 0 44 127 -1 0 0 -1 0 0 0 0 0 0
// expect: Uint8Array 1 19 19 0 255 1 2 254 255 0 44 127 255 0 0 255 0 0 0 0 0 0
// expect: Uint8ClampedArray 1 19 19 0 0 2 2 0 255 255 255 0 255 255 255 255 255 0 0 255 0 0
// expect: Int16Array 2 19 38 0 -1 1 2 -2 255 256 300 -129 -1 0 0 -1 0 0 0 0 0 0
// expect: Uint16Array 2 19 38 0 65535 1 2 65534 255 256 300 65407 65535 0 0 65535 0 0 0 0 0 0
// expect: Int32Array 4 19 76 0 -1 1 2 -2 255 256 300 -129 65535 65536 -2147483648 -1 1661992960 0 0 0 0 0
// expect: Uint32Array 4 19 76 0 4294967295 1 2 4294967294 255 256 300 4294967167 65535 65536 2147483648 4294967295 1661992960 0 0 0 0 0
// expect: Float32Array 4 19 76 0 -1 1.5 2.5 -2.5 255 256 300 -129 65535 65536 2147483648 4294967296 100000002004087730000 0 NaN Infinity -Infinity 0.10000000149011612
// expect: Float64Array 8 19 152 0 -1 1.5 2.5 -2.5 255 256 300 -129 65535 65536 2147483648 4294967295 100000000000000000000 0 NaN Infinity -Infinity 0.1
console.log(Object.is(new Float64Array([-0])[0], -0), Object.is(new Int8Array([-0])[0], 0));
// expect: true true

// Lengths, typed arrays, array-likes, iterables and buffers as arguments.
console.log(new Int16Array().length, new Int16Array(3).length, new Int16Array("2").length);
// expect: 0 3 2
console.log(Array.from(new Uint8Array(new Int16Array([1, -1, 258]))).join());
// expect: 1,255,2
console.log(Array.from(new Float32Array({ length: 2, 0: "3", 1: "x" })).join());
// expect: 3,NaN
console.log(Array.from(new Int8Array(new Set([5, 6]))).join());
// expect: 5,6
var buf = new ArrayBuffer(8);
var u8 = new Uint8Array(buf), u16 = new Uint16Array(buf, 2, 2), i32 = new Int32Array(buf, 4);
u16[0] = 0x1234;
i32[0] = -1;
console.log(u8.join(), u16.byteOffset, u16.length, i32.length, u16.buffer === buf);
// expect: 0,0,52,18,255,255,255,255 2 2 1 true
for (var bad of [-1, 1.5e300]) {
  try { new Uint8Array(bad); } catch (e) { console.log(e.constructor.name); }
}
// expect: RangeError
// expect: RangeError
try { new Int32Array(buf, 3); } catch (e) { console.log(e.constructor.name, e.message); }
// expect: RangeError start offset of Int32Array should be a multiple of 4
try { new Int32Array(new ArrayBuffer(7)); } catch (e) { console.log(e.constructor.name, e.message); }
// expect: RangeError byte length of Int32Array should be a multiple of 4
try { new Int32Array(buf, 0, 3); } catch (e) { console.log(e.constructor.name, e.message); }
// expect: RangeError Invalid typed array length: 3
try { Uint8Array(2); } catch (e) { console.log(e.constructor.name, e.message); }
// expect: TypeError Constructor Uint8Array requires 'new'
try { new (Object.getPrototypeOf(Int8Array))(); } catch (e) { console.log(e.constructor.name, e.message); }
// expect: TypeError Abstract class TypedArray not directly constructable

// Constructors and prototypes hang off %TypedArray%.
var TA = Object.getPrototypeOf(Int8Array);
console.log(TA.name, TA.length, Int8Array.length, Object.getPrototypeOf(Int8Array.prototype) === TA.prototype);
// expect: TypedArray 0 3 true
console.log(TA.prototype.toString === Array.prototype.toString,
            TA.prototype[Symbol.iterator] === TA.prototype.values,
            Int8Array.prototype.BYTES_PER_ELEMENT, Float64Array[Symbol.species] === Float64Array);
// expect: true true 1 true
console.log(Object.prototype.toString.call(new Uint8ClampedArray(1)),
            TA.prototype[Symbol.toStringTag], new Float32Array(0)[Symbol.toStringTag]);
// expect: [object Uint8ClampedArray] undefined Float32Array

// Subclasses keep their prototype, and species-created results follow it.
class Bytes extends Uint8Array {
  sum() { return this.reduce((a, b) => a + b, 0); }
}
var b = new Bytes([1, 2, 3]);
console.log(b.sum(), b instanceof Uint8Array, b.map(x => x * 2) instanceof Bytes, b.length);
// expect: 6 true true 3
console.log(Int16Array.of(1, 2, 70000).join(), Uint8Array.from([1, 2, 3], x => x * 10).join());
// expect: 1,2,4464 10,20,30
console.log(Uint8Array.from({ length: 3, 0: 7 }).join());
// expect: 7,0,0
