// ArrayBuffer: slice, isView, resize, transfer, detached, species;
// SharedArrayBuffer basics.
var ab = new ArrayBuffer(8);
new Uint8Array(ab).set([1, 2, 3, 4, 5, 6, 7, 8]);
console.log(ab.byteLength, ab.maxByteLength, ab.resizable, ab.detached);
// expect: 8 8 false false
console.log(new Uint8Array(ab.slice(2, -2)).join(), new Uint8Array(ab.slice(-3)).join(), ab.slice(5, 2).byteLength);
// expect: 3,4,5,6 6,7,8 0
console.log(ArrayBuffer.isView(new DataView(ab)), ArrayBuffer.isView(new Int8Array(1)), ArrayBuffer.isView(ab), ArrayBuffer.isView({}));
// expect: true true false false
console.log(ArrayBuffer[Symbol.species] === ArrayBuffer, Object.prototype.toString.call(ab), ArrayBuffer.length);
// expect: true [object ArrayBuffer] 1

// Resizable buffers.
var rab = new ArrayBuffer(4, { maxByteLength: 12 });
console.log(rab.byteLength, rab.maxByteLength, rab.resizable);
// expect: 4 12 true
new Uint8Array(rab).fill(9);
rab.resize(8);
console.log(new Uint8Array(rab).join());
// expect: 9,9,9,9,0,0,0,0
rab.resize(2);
rab.resize(4);
console.log(new Uint8Array(rab).join());
// expect: 9,9,0,0
try { rab.resize(13); } catch (e) { console.log(e.constructor.name); }
// expect: RangeError
try { ab.resize(4); } catch (e) { console.log(e.constructor.name); }
// expect: TypeError
try { new ArrayBuffer(8, { maxByteLength: 4 }); } catch (e) { console.log(e.constructor.name); }
// expect: RangeError

// transfer moves the contents and detaches the source.
var src = new ArrayBuffer(4, { maxByteLength: 8 });
new Uint8Array(src).set([1, 2, 3, 4]);
var moved = src.transfer(6);
console.log(src.detached, src.byteLength, src.maxByteLength, moved.byteLength, moved.resizable, new Uint8Array(moved).join());
// expect: true 0 0 6 true 1,2,3,4,0,0
var fixed = moved.transferToFixedLength(3);
console.log(fixed.resizable, fixed.byteLength, new Uint8Array(fixed).join(), moved.detached);
// expect: false 3 1,2,3 true
try { moved.slice(0); } catch (e) { console.log(e.constructor.name); }
// expect: TypeError
try { src.transfer(); } catch (e) { console.log(e.constructor.name); }
// expect: TypeError

// A species constructor decides what slice returns.
class Big extends ArrayBuffer {
  static get [Symbol.species]() { return function (n) { return new ArrayBuffer(n + 2); }; }
}
var big = new Big(4);
console.log(big instanceof Big, big.slice(1).byteLength);
// expect: true 5

// SharedArrayBuffer: its own prototype; the ArrayBuffer methods refuse it.
var sab = new SharedArrayBuffer(4);
console.log(sab.byteLength, sab.growable, Object.prototype.toString.call(sab), new Uint8Array(sab).length);
// expect: 4 false [object SharedArrayBuffer] 4
try { ArrayBuffer.prototype.slice.call(sab); } catch (e) { console.log(e.constructor.name); }
// expect: TypeError
var gsab = new SharedArrayBuffer(2, { maxByteLength: 6 });
gsab.grow(5);
console.log(gsab.growable, gsab.byteLength, gsab.maxByteLength);
// expect: true 5 6
try { gsab.grow(1); } catch (e) { console.log(e.constructor.name); }
// expect: RangeError
console.log(new Uint8Array(sab.slice(1)).length);
// expect: 3
