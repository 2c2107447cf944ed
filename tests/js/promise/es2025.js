// Promise.withResolvers (ES2024) and Promise.try (ES2025); node 20 has
// neither, so these expectations follow the spec by hand.
const { promise, resolve, reject } = Promise.withResolvers();
console.log(promise instanceof Promise, typeof resolve, typeof reject, resolve.length, reject.length);
console.log(Object.keys(Promise.withResolvers()).join());
resolve("resolved");
reject(new Error("ignored: already resolved"));
promise.then(v => console.log("withResolvers:", v));
class Sub extends Promise {}
const wr = Sub.withResolvers();
console.log("subclass:", wr.promise instanceof Sub);
try { Promise.withResolvers.call(1); } catch (e) { console.log(e.constructor.name); }
try { Promise.withResolvers.call({}); } catch (e) { console.log(e.constructor.name); }
console.log(Promise.try.length, Promise.withResolvers.length);
Promise.try((a, b) => a + b, 2, 3).then(v => console.log("try value:", v));
Promise.try(() => { throw new RangeError("sync throw"); }).catch(e => console.log("try threw:", e.name));
Promise.try(() => Promise.resolve("inner")).then(v => console.log("try promise:", v));
Promise.try(5).catch(e => console.log("try non-callable:", e.constructor.name));
let ran = false;
Promise.try(() => { ran = true; });
console.log("callback ran synchronously:", ran);
try { Promise.try.call(1, () => {}); } catch (e) { console.log(e.constructor.name); }
// Output: sync lines first, then the jobs in FIFO order.
// expect: true function function 1 1
// expect: promise,resolve,reject
// expect: subclass: true
// expect: TypeError
// expect: TypeError
// expect: 1 0
// expect: callback ran synchronously: true
// expect: TypeError
// expect: withResolvers: resolved
// expect: try value: 5
// expect: try threw: RangeError
// expect: try non-callable: TypeError
// expect: try promise: inner
