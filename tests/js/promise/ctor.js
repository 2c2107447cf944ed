// the constructor: executor arguments, errors, property shapes
let res, rej;
const p = new Promise(function (a, b) {
  res = a; rej = b;
  console.log("executor this:", this === undefined, arguments.length);
});
console.log(typeof res, res.length, JSON.stringify(res.name), rej.length, "prototype" in res);
try { new res(); } catch (e) { console.log(e.constructor.name); }
res("first"); res("second"); rej(new Error("ignored"));
p.then(v => console.log("settled with", v));
try { Promise(() => {}); } catch (e) { console.log(e.message); }
for (const bad of [undefined, 1, "s", {}, [1]]) {
  try { new Promise(bad); } catch (e) { console.log(e.message); }
}
const thrower = new Promise(() => { throw new RangeError("in executor"); });
thrower.catch(e => console.log("executor threw:", e.name, e.message));
const resolvedThenThrow = new Promise(r => { r("kept"); throw new Error("lost"); });
resolvedThenThrow.then(v => console.log("throw after resolve:", v));
let self;
self = new Promise(r => setTimeoutless(() => r(self)));
function setTimeoutless(f) { queueMicrotask(f); }
self.catch(e => console.log(e.constructor.name, e.message));
console.log(Promise.length, Promise.name, Promise.prototype.then.length, Promise.prototype.catch.length, Promise.prototype.finally.length);
console.log(Object.getOwnPropertyNames(Promise.prototype).sort().join());
console.log(["all", "allSettled", "any", "race", "reject", "resolve"].every(k => typeof Promise[k] === "function"));

// Output, as node prints it:
// expect: executor this: false 2
// expect: function 1 "" 1 false
// expect: TypeError
// expect: Promise constructor cannot be invoked without 'new'
// expect: Promise resolver undefined is not a function
// expect: Promise resolver 1 is not a function
// expect: Promise resolver s is not a function
// expect: Promise resolver #<Object> is not a function
// expect: Promise resolver [object Array] is not a function
// expect: 1 Promise 2 1 1
// expect: catch,constructor,finally,then
// expect: true
// expect: settled with first
// expect: executor threw: RangeError in executor
// expect: throw after resolve: kept
// expect: TypeError Chaining cycle detected for promise #<Promise>
