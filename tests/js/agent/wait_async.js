// flags: --expose-test262
// Atomics.waitAsync across agents (processes): the main agent's promise
// settles when an agent notifies, and an agent's when the main one does.

function getReport() {
  let r;
  while ((r = $262.agent.getReport()) == null) $262.agent.sleep(1);
  return r;
}

$262.agent.start(`
  $262.agent.receiveBroadcast(async function(sab) {
    const i32a = new Int32Array(sab);
    const w = Atomics.waitAsync(i32a, 0, 0);
    Atomics.store(i32a, 1, 1);
    $262.agent.report("agent " + w.async + " " + await w.value);
    const t = Atomics.waitAsync(i32a, 0, 0, 30);
    $262.agent.report("agent " + await t.value);
    while (Atomics.load(i32a, 2) === 0) ;
    $262.agent.report("agent notified " + Atomics.notify(i32a, 3));
    $262.agent.leaving();
  });
`);
const i32a = new Int32Array(new SharedArrayBuffer(16));
$262.agent.broadcast(i32a.buffer);
while (Atomics.load(i32a, 1) !== 1) ;
let n = 0;
while ((n = Atomics.notify(i32a, 0)) === 0) ;
print("main notified", n);  // expect: main notified 1
print(getReport());  // expect: agent true ok
print(getReport());  // expect: agent timed-out

const mine = Atomics.waitAsync(i32a, 3, 0);
const order = [];
mine.value.then(v => order.push("main " + v));
Atomics.store(i32a, 2, 1);
print(getReport());  // expect: agent notified 1
// The promise settles once the timeout job sees the agent's notify.
Promise.resolve().then(function check() {
  if (order.length === 0) return Promise.resolve().then(check);
  print(order[0]);  // expect: main ok
});
