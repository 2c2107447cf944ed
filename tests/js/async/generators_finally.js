// Async functions and generators with try/finally, return() and throw(),
// against plain promise chains; the expected lines are node's output.
const log = [];
async function* g() {
  try { yield "a"; yield "b"; } finally { log.push("g finally"); await null; log.push("g finally after await"); }
}
async function run() {
  const it = g();
  log.push("next " + (await it.next()).value);
  log.push("return " + JSON.stringify(await it.return("r")));
  log.push("next after return " + JSON.stringify(await it.next()));
  const it2 = g();
  await it2.next();
  try { await it2.throw(new Error("E")); } catch (e) { log.push("throw -> " + e.message); }
}
async function f(x) { try { if (x) throw new Error("f" + x); return "ok"; } finally { log.push("f finally " + x); } }
run();
f(0).then(v => log.push("f0 " + v));
f(1).catch(e => log.push("f1 " + e.message));
Promise.all([f(0), Promise.resolve(2), (async () => 3)()]).then(v => log.push("all " + v.join(",")));
Promise.race([new Promise(r => r("slow")), "fast"]).then(v => log.push("race " + v));
(async () => { await 1; log.push("await 1"); await 2; log.push("await 2"); })();
let n = 0; const spin = () => { if (++n < 20) Promise.resolve().then(spin); else console.log(log.join("\n")); }; spin();
// expect: f finally 0
// expect: f finally 1
// expect: f finally 0
// expect: f0 ok
// expect: f1 f1
// expect: await 1
// expect: next a
// expect: all ok,2,3
// expect: race slow
// expect: await 2
// expect: g finally
// expect: g finally after await
// expect: return {"value":"r","done":true}
// expect: next after return {"done":true}
// expect: g finally
// expect: g finally after await
// expect: throw -> E
