// Interleavings of await, then, queueMicrotask and async generators; the
// expected lines are node's output.
const log = [];
async function a1() { log.push("a1 start"); await null; log.push("a1 after await"); await new Promise(r => r()); log.push("a1 end"); return "a1"; }
async function a2() { log.push("a2 start"); await Promise.resolve(); log.push("a2 after await"); }
async function* gen() { log.push("gen start"); yield 1; log.push("gen after yield"); await null; yield 2; }
Promise.resolve().then(() => log.push("then 1")).then(() => log.push("then 2")).then(() => log.push("then 3"));
queueMicrotask(() => log.push("microtask"));
a1().then(v => log.push("a1 resolved " + v));
a2();
const it = gen();
it.next().then(r => log.push("gen next " + r.value));
it.next().then(r => log.push("gen next " + r.value));
(async () => { for await (const v of [Promise.resolve("x"), "y"]) log.push("for await " + v); })();
const thenable = { then(res) { log.push("thenable then"); res("t"); } };
(async () => { log.push("await thenable " + await thenable); })();
log.push("sync end");
setTimeoutish();
function setTimeoutish() {
  let n = 0;
  const spin = () => { if (++n < 12) Promise.resolve().then(spin); else console.log(log.join("\n")); };
  spin();
}
// expect: a1 start
// expect: a2 start
// expect: gen start
// expect: sync end
// expect: then 1
// expect: microtask
// expect: a1 after await
// expect: a2 after await
// expect: gen after yield
// expect: thenable then
// expect: then 2
// expect: a1 end
// expect: gen next 1
// expect: for await x
// expect: await thenable t
// expect: then 3
// expect: a1 resolved a1
// expect: gen next 2
// expect: for await y
