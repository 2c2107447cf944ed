// Atomics (ECMA-262 §25.4): every operation on every integer kind, the
// conversions (store returns its converted value), validation in the
// spec's order with V8's messages, detaching and shrinking buffers from
// valueOf, wait on the main agent (not-equal, timed-out), isLockFree,
// notify without waiters. Expectations from node where it has the
// feature (its 20 lacks ArrayBuffer.prototype.transfer and pause, and
// says TypeError for the shrunk length-tracking array: the spec's
// RevalidateAtomicAccess gives RangeError there).
function t(f) { try { return String(f()); } catch (e) { return e.name + ": " + e.message; } }
var kinds = [Int8Array, Uint8Array, Int16Array, Uint16Array, Int32Array, Uint32Array];
// Every read-modify-write on every integer kind: the old value back, the
// new one wrapped to the element size.
kinds.forEach(function (K) {
  var a = new K(new SharedArrayBuffer(K.BYTES_PER_ELEMENT * 4)), r = [];
  a[1] = 5;
  r.push(Atomics.add(a, 1, 300), a[1], Atomics.sub(a, 1, 6), a[1], Atomics.and(a, 1, 0x5f), a[1]);
  r.push(Atomics.or(a, 1, 0x80), a[1], Atomics.xor(a, 1, -1), a[1], Atomics.exchange(a, 1, 7.9), a[1]);
  r.push(Atomics.compareExchange(a, 1, 8, 1), a[1], Atomics.compareExchange(a, 1, 7, 2), a[1]);
  r.push(Atomics.store(a, 2, -1), Atomics.load(a, 2), Atomics.store(a, 3, 3.7), Atomics.store(a, 3, -0), Object.is(Atomics.store(a, 3, -0), 0));
  print(K.name, r.join(" "));
});
// BigInt kinds.
var b = new BigInt64Array(4), u = new BigUint64Array(new SharedArrayBuffer(32));
print(Atomics.add(b, 0, 5n), Atomics.sub(b, 0, 7n), b[0], Atomics.store(b, 1, 2n ** 64n + 5n), b[1], Atomics.exchange(u, 0, -1n), u[0]);
print(Atomics.compareExchange(u, 0, -1n, 3n), u[0], Atomics.xor(u, 0, 1n), Atomics.load(u, 0), Atomics.and(b, 0, 0xffn), Atomics.or(b, 0, 256n), b[0]);
print(t(function () { return Atomics.add(b, 0, 1); }), t(function () { return Atomics.add(new Int32Array(2), 0, 1n); }));
// Validation, in the spec's order, with V8's messages.
print(t(function () { return Atomics.add([], 0, 0); }));
print(t(function () { return Atomics.load(new Float64Array(4), 0); }));
print(t(function () { return Atomics.store(new Uint8ClampedArray(4), 0, 0); }));
print(t(function () { return Atomics.add(new Int8Array(4), 4, 0); }), t(function () { return Atomics.add(new Int8Array(4), -1, 0); }));
print(t(function () { return Atomics.load(new Int8Array(4), "1"); }), t(function () { return Atomics.load(new Int8Array(4), 2 ** 53); }));
var order = [];
print(t(function () { return Atomics.add(new Float32Array(4), { valueOf: function () { order.push("index"); return 0; } }, 0); }), order.length);
print(t(function () {
  var a = new Int32Array(4);
  return Atomics.store(a, { valueOf: function () { order.push("index"); return 0; } }, { valueOf: function () { order.push("value"); return 1; } });
}), order.join());
print(t(function () { var a = new Int32Array(4); return Atomics.load(a, { valueOf: function () { a.buffer.transfer(); return 0; } }); }));
print(t(function () { var a = new Int32Array(4); return Atomics.add(a, 0, { valueOf: function () { a.buffer.transfer(); return 1; } }); }));
print(t(function () {
  var rab = new ArrayBuffer(16, { maxByteLength: 16 }), a = new Int32Array(rab);
  return Atomics.exchange(a, 3, { valueOf: function () { rab.resize(8); return 1; } });
}));
print(t(function () { var a = new Int32Array(4); a.buffer.transfer(); return Atomics.load(a, 0); }));
// wait: shared Int32/BigInt64 only; the main agent may block, nobody can notify it.
var i32 = new Int32Array(new SharedArrayBuffer(16)), i64 = new BigInt64Array(new SharedArrayBuffer(32));
print(t(function () { return Atomics.wait(new Int32Array(4), 0, 0, 0); }), t(function () { return Atomics.wait(new Int16Array(new SharedArrayBuffer(8)), 0, 0, 0); }));
print(Atomics.wait(i32, 0, 1), Atomics.wait(i32, 0, 0, 0), Atomics.wait(i32, 0, 0, 2), Atomics.wait(i64, 0, 0n, -5), Atomics.wait(i32, 0, 0, -Infinity));
print(Atomics.isLockFree(1), Atomics.isLockFree(2), Atomics.isLockFree(3), Atomics.isLockFree(4), Atomics.isLockFree(8), Atomics.isLockFree(16));
print(Atomics.notify(new Int32Array(4), 0), Atomics.notify(i32, 0), Atomics.notify(i32, 0, -3), t(function () { return Atomics.notify(i32, 4); }));
print(Object.prototype.toString.call(Atomics), typeof Atomics, Object.getOwnPropertyNames(Atomics).join());
print(Atomics.add.length, Atomics.compareExchange.length, Atomics.wait.length, Atomics.notify.length, Atomics.isLockFree.length);

// expect: Int8Array 5 49 49 43 43 11 11 -117 -117 116 116 7 7 7 7 2 -1 -1 3 0 true
// expect: Uint8Array 5 49 49 43 43 11 11 139 139 116 116 7 7 7 7 2 -1 255 3 0 true
// expect: Int16Array 5 305 305 299 299 11 11 139 139 -140 -140 7 7 7 7 2 -1 -1 3 0 true
// expect: Uint16Array 5 305 305 299 299 11 11 139 139 65396 65396 7 7 7 7 2 -1 65535 3 0 true
// expect: Int32Array 5 305 305 299 299 11 11 139 139 -140 -140 7 7 7 7 2 -1 -1 3 0 true
// expect: Uint32Array 5 305 305 299 299 11 11 139 139 4294967156 4294967156 7 7 7 7 2 -1 4294967295 3 0 true
// expect: 0 5 -2 18446744073709551621 5 0 18446744073709551615
// expect: 18446744073709551615 3 3 2 -2 254 510
// expect: TypeError: Cannot convert 1 to a BigInt TypeError: Cannot convert a BigInt value to a number
// expect: TypeError: [object Array] is not an integer typed array.
// expect: TypeError: [object Float64Array] is not an integer typed array.
// expect: TypeError: [object Uint8ClampedArray] is not an integer typed array.
// expect: RangeError: Invalid atomic access index RangeError: Invalid atomic access index
// expect: 0 RangeError: Invalid atomic access index
// expect: TypeError: [object Float32Array] is not an integer typed array. 0
// expect: 1 index,value
// expect: TypeError: Cannot perform Atomics.load on a detached ArrayBuffer
// expect: TypeError: Cannot perform Atomics.add on a detached ArrayBuffer
// expect: RangeError: Invalid atomic access index
// expect: TypeError: Cannot perform Atomics.load on a detached ArrayBuffer
// expect: TypeError: [object Int32Array] is not a shared typed array. TypeError: [object Int16Array] is not an int32 or BigInt64 typed array.
// expect: not-equal timed-out timed-out timed-out timed-out
// expect: true true false true true false
// expect: 0 0 0 RangeError: Invalid atomic access index
// expect: [object Atomics] object load,store,add,sub,and,or,xor,exchange,compareExchange,isLockFree,wait,waitAsync,notify,pause
// expect: 3 4 4 3 1
