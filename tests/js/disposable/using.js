// using declarations: each block disposes its resources, newest first,
// when it exits by any path (fall through, break, continue, return,
// throw). for-of heads (`for (using x of ...)`) are not covered yet.
const log = [];
function res(name) { return { [Symbol.dispose]() { log.push("dispose " + name); } }; }
function flush() { print(log.join(", ")); log.length = 0; }

{
  using a = res("a"), b = res("b");
  using n = null, u = undefined;  // nothing to dispose
  log.push("body");
}
flush();  // expect: body, dispose b, dispose a

function early() {
  using x = res("x");
  for (;;) {
    using y = res("y");
    return "returned";
  }
}
print(early());  // expect: returned
flush();         // expect: dispose y, dispose x

loop: for (let i = 0; i < 3; i++) {
  using z = res("z" + i);
  if (i === 0) continue;
  if (i === 1) break loop;
}
flush();  // expect: dispose z0, dispose z1

// A throw completion is suppressed by a disposal error; disposal errors
// chain; a bad resource throws before the binding is initialized.
try {
  using e = { [Symbol.dispose]() { throw new Error("in dispose"); } };
  throw new Error("in body");
} catch (e) {
  print(e.constructor.name, e.error.message, e.suppressed.message);  // expect: SuppressedError in dispose in body
}
try {
  using a = res("first"), bad = 1;
} catch (e) {
  print(e.name);  // expect: TypeError
}
flush();  // expect: dispose first
try {
  using bad = { [Symbol.dispose]: "no" };
} catch (e) {
  print(e.name);  // expect: TypeError
}

// The value is bound as a const and disposed with this = the value.
const r = { [Symbol.dispose]() { log.push(this === r ? "this ok" : "bad this"); } };
{
  using v = r;
  print(v === r);  // expect: true
  try { v = 1; } catch (e) { print(e.name); }  // expect: TypeError
}
flush();  // expect: this ok

// Symbol.dispose is read once, at the declaration.
let reads = 0;
{
  using g = { get [Symbol.dispose]() { reads++; return () => log.push("got"); } };
}
print(reads, log.pop());  // expect: 1 got

// Generators dispose when closed early.
function* gen() {
  using q = res("gen");
  yield 1;
  yield 2;
}
for (const v of gen()) { log.push("v" + v); break; }
flush();  // expect: v1, dispose gen
