// AsyncDisposableStack: disposeAsync() disposes newest first, awaiting
// each async disposer's result before the next one runs.
const log = [];
const a = new AsyncDisposableStack();
const r1 = { async [Symbol.asyncDispose]() { log.push("r1 " + (this === r1)); } };
a.use(r1);
a.defer(async () => { log.push("r2 start"); await null; log.push("r2 end"); });
a.adopt("v", async (v) => { log.push("adopt " + v); });
const p = a.disposeAsync();
log.push("sync");                     // the first disposer ran synchronously
print(p instanceof Promise, a.disposed);  // expect: true true
print(Object.prototype.toString.call(a), a[Symbol.asyncDispose] === a.disposeAsync);
// expect: [object AsyncDisposableStack] true

async function main() {
  await p;
  print(log.join(", "));  // expect: adopt v, sync, r2 start, r2 end, r1 true
  print(await a.disposeAsync());  // expect: undefined

  // A @@dispose method is the fallback: called with this = the resource,
  // its throw becomes a rejection.
  const b = new AsyncDisposableStack();
  const s = { [Symbol.dispose]() { log.push("sync fallback " + (this === s)); } };
  b.use(s);
  b.use({ [Symbol.dispose]() { throw new Error("from sync"); } });
  b.defer(() => { throw new Error("thrown"); });
  b.defer(async () => { throw new Error("rejected"); });
  try {
    await b.disposeAsync();
  } catch (e) {
    // rejected came first, then thrown, then from sync: each suppresses
    // the completion before it.
    print(e.constructor.name, e.error.message);                  // expect: SuppressedError from sync
    print(e.suppressed.error.message, e.suppressed.suppressed.message);  // expect: thrown rejected
  }
  print(log.at(-1));  // expect: sync fallback true

  // Bad receivers reject (disposeAsync never throws); the other methods throw.
  await AsyncDisposableStack.prototype.disposeAsync.call({}).catch(e => print(e.name));  // expect: TypeError
  try { new AsyncDisposableStack().use(1); } catch (e) { print(e.name); }  // expect: TypeError
  try { new AsyncDisposableStack().use({}); } catch (e) { print(e.name); }  // expect: TypeError
  try { AsyncDisposableStack(); } catch (e) { print(e.message); }  // expect: Constructor AsyncDisposableStack requires 'new'

  // move() hands the resources over.
  const c = new AsyncDisposableStack();
  c.defer(() => log.push("moved"));
  const d = c.move();
  print(c.disposed, d.disposed, d instanceof AsyncDisposableStack);  // expect: true false true
  await c.disposeAsync();
  await d.disposeAsync();
  print(log.at(-1));  // expect: moved
}

// Tick order: an empty stack settles at once; null resources cost one
// Await(undefined) in all, and none once a disposer's result was awaited;
// each async disposer's result is awaited.
function order(label, setup) {
  const st = new AsyncDisposableStack();
  setup(st);
  const seq = [];
  return Promise.all([
    Promise.resolve().then(() => seq.push(1)).then(() => seq.push(2)).then(() => seq.push(3)),
    st.disposeAsync().then(() => seq.push("d")),
  ]).then(() => print(label, seq.join(" ")));
}

main()
  .then(() => order("empty", () => {}))
  .then(() => order("null", (st) => st.use(null)))
  .then(() => order("defer", (st) => st.defer(() => {})))
  .then(() => order("null+defer", (st) => { st.use(null); st.use(undefined); st.defer(() => {}); }))
  .then(() => order("two defers", (st) => { st.defer(() => {}); st.defer(() => {}); }));
// expect: empty 1 d 2 3
// expect: null 1 2 d 3
// expect: defer 1 2 d 3
// expect: null+defer 1 2 d 3
// expect: two defers 1 2 3 d
