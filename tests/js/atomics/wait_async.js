// Atomics.waitAsync and notify on the main agent: result objects, the
// oldest waiter woken first (its promise resolved from a job), timeouts
// settled by the timeout job in deadline order; the queue stays alive
// until the last finite deadline (node ends without waiting for them).
var i32 = new Int32Array(new SharedArrayBuffer(16)), log = [];
var r1 = Atomics.waitAsync(i32, 0, 0);
var r2 = Atomics.waitAsync(i32, 0, 0, 20);
var r3 = Atomics.waitAsync(i32, 1, 0, 5);
var r4 = Atomics.waitAsync(new BigInt64Array(new SharedArrayBuffer(16)), 1, 0n);
print(r1.async, r1.value instanceof Promise, Object.keys(r1).join(), JSON.stringify(Atomics.waitAsync(i32, 0, 1)), JSON.stringify(Atomics.waitAsync(i32, 0, 0, 0)));
r1.value.then(function (v) { log.push("r1 " + v); });
r2.value.then(function (v) { log.push("r2 " + v); });
r3.value.then(function (v) { log.push("r3 " + v); });
r4.value.then(function (v) { log.push("r4 " + v); });
Promise.all([r1.value, r2.value, r3.value]).then(function () { print(log.join()); });
// notify wakes the oldest waiters of that element first; count clamps at 0.
print(Atomics.notify(i32, 0, 1), Atomics.notify(i32, 2), Atomics.notify(i32, 1, 0), log.length);
print(Atomics.notify(new BigInt64Array(new SharedArrayBuffer(16)), 1));

// expect: true true async,value {"async":false,"value":"not-equal"} {"async":false,"value":"timed-out"}
// expect: 1 0 0 0
// expect: 0
// expect: r1 ok,r3 timed-out,r2 timed-out
