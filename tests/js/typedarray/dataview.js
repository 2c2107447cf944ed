// DataView: every accessor in both byte orders, bounds and detach checks.
var buf = new ArrayBuffer(16);
var dv = new DataView(buf, 2, 12);
console.log(dv.byteOffset, dv.byteLength, dv.buffer === buf, Object.prototype.toString.call(dv));
// expect: 2 12 true [object DataView]
dv.setInt8(0, -2);
dv.setUint8(1, 300);
dv.setInt16(2, -2);
dv.setUint16(4, 0xABCD, true);
console.log(dv.getInt8(0), dv.getUint8(0), dv.getUint8(1), dv.getInt16(2), dv.getUint16(2), dv.getUint16(4, true), dv.getUint16(4));
// expect: -2 254 44 -2 65534 43981 52651
dv.setInt32(0, -123456789);
console.log(dv.getInt32(0), dv.getInt32(0, true), dv.getUint32(0), dv.getUint32(0, true));
// expect: -123456789 -349002504 4171510507 3945964792
dv.setFloat32(4, 1.1, true);
console.log(dv.getFloat32(4, true), dv.getFloat32(4));
// expect: 1.100000023841858 -428967904
dv.setFloat64(4, Math.PI);
console.log(dv.getFloat64(4), dv.getFloat64(4, true), new Uint8Array(buf, 6, 8).join());
// expect: 3.141592653589793 3.207375630676366e-192 64,9,33,251,84,68,45,24
// Unaligned and at the very end.
dv.setUint32(7, 0x01020304);
console.log(dv.getUint32(7).toString(16), dv.getUint8(10));
// expect: 1020304 4
for (var f of [() => dv.getUint32(10), () => dv.setInt8(12, 0), () => dv.getInt8(-1), () => new DataView(buf, 17), () => new DataView(buf, 8, 9)]) {
  try { f(); console.log("no error"); } catch (e) { console.log(e.constructor.name, e.message); }
}
// expect: RangeError Offset is outside the bounds of the DataView
// expect: RangeError Offset is outside the bounds of the DataView
// expect: RangeError Offset is outside the bounds of the DataView
// expect: RangeError Start offset 17 is outside the bounds of the buffer
// expect: RangeError Invalid DataView length 9
try { DataView(buf); } catch (e) { console.log(e.constructor.name, e.message); }
// expect: TypeError Constructor DataView requires 'new'
try { new DataView({}); } catch (e) { console.log(e.constructor.name, e.message); }
// expect: TypeError First argument to DataView constructor must be an ArrayBuffer
// The value converts before the bounds check.
var order = [];
try { dv.setInt8(100, { valueOf() { order.push("valueOf"); return 1; } }); } catch (e) { order.push(e.constructor.name); }
console.log(order.join());
// expect: valueOf,RangeError
// DataViews are not typed arrays: indices are ordinary properties.
dv[0] = 5;
console.log(dv[0], Object.keys(dv).join());
// expect: 5 0

// A DataView over a resizable buffer tracks its length.
var rab = new ArrayBuffer(4, { maxByteLength: 8 });
var tracking = new DataView(rab, 1), fixed = new DataView(rab, 0, 4);
rab.resize(8);
console.log(tracking.byteLength, fixed.byteLength);
// expect: 7 4
rab.resize(2);
console.log(tracking.byteLength);
// expect: 1
try { fixed.byteLength; } catch (e) { console.log(e.constructor.name); }
// expect: TypeError
try { fixed.getInt8(0); } catch (e) { console.log(e.constructor.name); }
// expect: TypeError
