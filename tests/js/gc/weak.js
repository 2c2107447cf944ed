// flags: --expose-gc
// Weak references through a full collection: a FinalizationRegistry's
// cleanup runs (as a job, once the queue drains) for targets that died,
// not for one still held; a WeakRef made in this job keeps its target
// until the job ends; WeakMap entries whose keys died vanish, the others
// keep their values (ephemerons: a value is live only through its key).
let reg = new FinalizationRegistry(h => print("cleaned " + h));
function drop(n) { for (let i = 0; i < n; i++) reg.register({ i }, "dropped " + i); }
drop(3);
let kept = { name: "kept" };
reg.register(kept, "kept");
let ref = new WeakRef({ name: "referenced" });
let wm = new WeakMap();
let key = { k: 1 };
wm.set(key, { value: "through key" });
function cycle() { const k = {}; wm.set(k, { back: k }); }
cycle();
gc();
print(ref.deref().name, wm.get(key).value, kept.name);
Promise.resolve().then(() => print("job ran"));
print("script done");
// expect: referenced through key kept
// expect: script done
// expect: job ran
// expect: cleaned dropped 0
// expect: cleaned dropped 1
// expect: cleaned dropped 2
