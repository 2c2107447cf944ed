// flags: --expose-test262
// $262.agent (host/test262_agent.c): agents are forked processes sharing
// SharedArrayBuffer memory; Atomics.wait / notify work across them.

function getReport() {
  let r;
  while ((r = $262.agent.getReport()) == null) $262.agent.sleep(1);
  return r;
}

print($262.agent.getReport());  // expect: null

// Two agents started before the buffer exists: a buffer made later is
// still shared with them.
for (let i = 0; i < 2; i++) {
  $262.agent.start(`
    $262.agent.receiveBroadcast(function(sab, n) {
      const i32a = new Int32Array(sab);
      Atomics.add(i32a, 1, 1);
      $262.agent.report("n=" + n + " value=" + Atomics.load(i32a, 2));
      $262.agent.report(Atomics.wait(i32a, 0, 0));
      $262.agent.leaving();
    });
  `);
}
const i32a = new Int32Array(new SharedArrayBuffer(16));
Atomics.store(i32a, 2, 42);
$262.agent.broadcast(i32a.buffer, 7);
while (Atomics.load(i32a, 1) !== 2) ;
print(getReport());  // expect: n=7 value=42
print(getReport());  // expect: n=7 value=42

// Wait until both agents sleep in Atomics.wait, then wake them one by one.
let woken = 0;
while (woken < 2) woken += Atomics.notify(i32a, 0, 1);
print(woken);  // expect: 2
print(getReport(), getReport());  // expect: ok ok
print(Atomics.notify(i32a, 0));  // expect: 0
print($262.agent.getReport());  // expect: null

// A BigInt64Array, a BigInt broadcast, and a wait that times out.
$262.agent.start(`
  $262.agent.receiveBroadcast(function(sab, n) {
    const b = new BigInt64Array(sab);
    $262.agent.report(typeof n + " " + n);
    $262.agent.report(Atomics.wait(b, 0, 1n));
    const t0 = $262.agent.monotonicNow();
    const r = Atomics.wait(b, 0, 0n, 50);
    $262.agent.report(r + " " + ($262.agent.monotonicNow() - t0 >= 49));
    Atomics.store(b, 1, 5n);
    $262.agent.leaving();
  });
`);
const b64 = new BigInt64Array(new SharedArrayBuffer(16));
$262.agent.broadcast(b64.buffer, 12n);
print(getReport());  // expect: bigint 12
print(getReport());  // expect: not-equal
print(getReport());  // expect: timed-out true
while (Atomics.load(b64, 1) !== 5n) ;
print("done");  // expect: done
