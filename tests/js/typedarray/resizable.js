// Views over resizable buffers: length tracking and out-of-bounds views
// (ES2024 IsTypedArrayOutOfBounds), detached buffers.
var rab = new ArrayBuffer(8, { maxByteLength: 16 });
var track = new Uint16Array(rab), fixed = new Uint16Array(rab, 2, 2), tail = new Uint8Array(rab, 4);
track.set([1, 2, 3, 4]);
console.log(track.length, fixed.length, tail.length, fixed.join());
// expect: 4 2 4 2,3
rab.resize(12);
console.log(track.length, track.byteLength, fixed.length, tail.length, track.join());
// expect: 6 12 2 8 1,2,3,4,0,0
rab.resize(5);
console.log(track.length, track.join(), fixed.length, fixed.byteLength, fixed.byteOffset, fixed[0], tail.length);
// expect: 2 1,2 0 0 0 undefined 1
try { fixed.join(); } catch (e) { console.log(e.constructor.name); }
// expect: TypeError
console.log(Object.keys(fixed).length, 0 in fixed, Object.keys(track).join());
// expect: 0 false 0,1
rab.resize(3);
console.log(tail.length, tail.byteOffset, track.length);
// expect: 0 0 1
rab.resize(8);
console.log(fixed.length, fixed.join(), tail.length, track.length);
// expect: 2 2,0 4 4
// Iteration sees growth and shrinking.
var grow = new ArrayBuffer(2, { maxByteLength: 4 });
var g = new Uint8Array(grow), seen = [];
for (var v of g) { seen.push(v); if (seen.length === 1) grow.resize(4); }
console.log(seen.length);
// expect: 4
// subarray of a tracking array without an end tracks too.
var sub = track.subarray(1);
rab.resize(16);
console.log(sub.length, track.subarray(1, 3).length);
// expect: 7 2

// Detaching (through transfer) empties every view.
var buf = new ArrayBuffer(4);
var view = new Int8Array(buf);
view[0] = 1;
buf.transfer();
console.log(view.length, view.byteLength, view.byteOffset, view[0], 0 in view, Object.keys(view).length);
// expect: 0 0 0 undefined false 0
view[0] = 5;
try { view.fill(0); } catch (e) { console.log(e.constructor.name); }
// expect: TypeError
try { new Int8Array(buf); } catch (e) { console.log(e.constructor.name); }
// expect: TypeError
