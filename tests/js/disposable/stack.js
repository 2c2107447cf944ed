// DisposableStack: resources are disposed newest first, each the way it
// was added (use: value[Symbol.dispose]() with this = value; adopt:
// onDispose(value); defer: onDispose()), once.
const log = [];
const stack = new DisposableStack();
const res = { name: "res", [Symbol.dispose]() { log.push("use " + this.name); } };
print(stack.use(res) === res);                         // expect: true
print(stack.adopt(7, function (v) { "use strict"; log.push("adopt " + v + " " + (this === undefined)); }));  // expect: 7
print(stack.defer(() => log.push("defer")));           // expect: undefined
print(stack.use(null), stack.use(undefined));          // expect: null undefined
print(stack.disposed);                                 // expect: false
print(stack.dispose());                                // expect: undefined
print(log.join(", "));                                 // expect: defer, adopt 7 true, use res
print(stack.disposed);                                 // expect: true
stack.dispose();                                       // a second time: nothing
print(log.length);                                     // expect: 3
print(stack[Symbol.dispose] === stack.dispose);        // expect: true
print(Object.prototype.toString.call(stack));          // expect: [object DisposableStack]

// Symbol.dispose is read once, when the resource is added.
let reads = 0;
const counted = { get [Symbol.dispose]() { reads++; return () => log.push("counted"); } };
const s2 = new DisposableStack();
s2.use(counted);
s2.dispose();
print(reads, log.at(-1));                              // expect: 1 counted

// A disposed stack refuses new resources with a ReferenceError.
for (const m of ["use", "adopt", "defer", "move"]) {
  try { stack[m]({ [Symbol.dispose]() {} }, () => {}); } catch (e) { print(m, e.name); }
}
// expect: use ReferenceError
// expect: adopt ReferenceError
// expect: defer ReferenceError
// expect: move ReferenceError

// Bad resources and callbacks are TypeErrors.
const s3 = new DisposableStack();
for (const f of [() => s3.use(1), () => s3.use({}), () => s3.use({ [Symbol.dispose]: 1 }),
                 () => s3.adopt(1, 2), () => s3.defer({})]) {
  try { f(); } catch (e) { print(e.name); }
}
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError

// Brand checks: other objects (proxies, the other class) are refused.
for (const self of [{}, new Proxy(new DisposableStack(), {}), new AsyncDisposableStack(), 1]) {
  try { DisposableStack.prototype.dispose.call(self); } catch (e) { print(e.constructor.name, e.message); }
}
// expect: TypeError Method DisposableStack.prototype.dispose called on incompatible receiver #<Object>
// expect: TypeError Method DisposableStack.prototype.dispose called on incompatible receiver #<Object>
// expect: TypeError Method DisposableStack.prototype.dispose called on incompatible receiver #<Object>
// expect: TypeError Method DisposableStack.prototype.dispose called on incompatible receiver 1
try { DisposableStack(); } catch (e) { print(e.message); }  // expect: Constructor DisposableStack requires 'new'

// move(): the resources go to a fresh DisposableStack (never a subclass);
// the old stack is disposed without disposing them.
class MyStack extends DisposableStack {}
const s4 = new MyStack();
print(s4 instanceof MyStack, s4 instanceof DisposableStack);  // expect: true true
s4.defer(() => log.push("moved"));
const s5 = s4.move();
print(s4.disposed, s5.disposed, s5 instanceof MyStack, s5.constructor === DisposableStack);  // expect: true false false true
print(log.at(-1));                                     // expect: counted
s5.dispose();
print(log.at(-1));                                     // expect: moved

// Errors: every disposer runs; later errors suppress earlier ones.
const s6 = new DisposableStack();
s6.defer(() => { throw new Error("first added"); });
s6.defer(() => log.push("still runs"));
s6.defer(() => { throw new Error("second added"); });
try {
  s6.dispose();
} catch (e) {
  print(e.constructor.name, e.error.message, e.suppressed.message);  // expect: SuppressedError first added second added
  print(Object.keys(e).length, e.hasOwnProperty("message"));         // expect: 0 false
}
print(log.at(-1));                                     // expect: still runs
const s7 = new DisposableStack();
s7.defer(() => { throw 1; });
try { s7.dispose(); } catch (e) { print(e); }          // expect: 1

// Subclass prototypes come from new.target.
function F() {}
F.prototype = Array.prototype;
const s8 = Reflect.construct(DisposableStack, [], F);
print(Object.getPrototypeOf(s8) === Array.prototype, typeof s8.dispose);  // expect: true undefined
print(DisposableStack.prototype.dispose.call(s8));     // expect: undefined
