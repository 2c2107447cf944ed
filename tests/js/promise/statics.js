// Promise.resolve/reject and the combinators' result shapes
Promise.reject(42).then(null, r => console.log("reject:", r));
Promise.resolve(Promise.reject(new Error("x"))).catch(e => console.log("resolve of rejected:", e.message));
Promise.allSettled([1, Promise.reject("no"), Promise.resolve("yes")]).then(rs => {
  for (const r of rs) console.log(JSON.stringify(r), Object.keys(r).join());
});
Promise.any([]).catch(e => {
  console.log(e instanceof AggregateError, e.message, Array.isArray(e.errors), e.errors.length);
  const d = Object.getOwnPropertyDescriptor(e, "errors");
  console.log(d.writable, d.enumerable, d.configurable);
});
Promise.any([Promise.reject(1), Promise.reject(2), Promise.reject(3)]).catch(e => console.log("errors in order:", e.errors.join()));
Promise.all([Promise.resolve(1), Promise.reject(new Error("first")), Promise.reject(new Error("second"))]).catch(e => console.log("all rejects with the first:", e.message));
Promise.race([Promise.reject(new Error("fast")), Promise.resolve(1)]).catch(e => console.log("race:", e.message));
const values = new Set([Promise.resolve("a"), "b"]);
Promise.all(values).then(v => console.log("iterable:", v.join()));
function* gen() { yield 1; yield Promise.resolve(2); }
Promise.all("xy").then(v => console.log("string iterable:", v.join()));
let thenCalls = 0;
const counting = Promise.resolve(9);
counting.then = function (...args) { thenCalls++; return Promise.prototype.then.apply(this, args); };
Promise.all([counting]).then(() => console.log("then invoked on each element:", thenCalls));

// Output, as node prints it:
// expect: reject: 42
// expect: resolve of rejected: x
// expect: true All promises were rejected true 0
// expect: true false true
// expect: {"status":"fulfilled","value":1} status,value
// expect: {"status":"rejected","reason":"no"} status,reason
// expect: {"status":"fulfilled","value":"yes"} status,value
// expect: errors in order: 1,2,3
// expect: all rejects with the first: first
// expect: race: fast
// expect: iterable: a,b
// expect: string iterable: x,y
// expect: then invoked on each element: 1
