// a mix of everything, one log line per job: the interleaving is node's
let n = 0;
const log = s => console.log(++n + " " + s);
const t = Promise.resolve();
t.then(() => log("t.a")).then(() => log("t.b")).then(() => log("t.c")).then(() => log("t.d")).then(() => log("t.e")).then(() => log("t.f"));
Promise.resolve({ then(r) { log("thenable.then"); r({ then(r2) { log("nested thenable"); r2("deep"); } }); } }).then(v => log("deep=" + v));
Promise.reject(new Error("r")).finally(() => log("finally on reject")).catch(e => log("catch " + e.message));
Promise.all([t, { then(r) { log("all thenable"); r(2); } }]).then(v => log("all " + v));
Promise.race([new Promise(r => queueMicrotask(() => r("q"))), t.then(() => "t")]).then(v => log("race " + v));
Promise.allSettled([Promise.reject(1)]).then(() => log("settled"));
Promise.any([Promise.reject(1), t.then(() => "ok")]).then(v => log("any " + v));
queueMicrotask(() => log("micro"));
const sub = class extends Promise {};
sub.resolve(1).finally(() => log("sub finally")).then(() => log("sub after"));
new Promise(r => r(t)).then(() => log("resolved with t"));
t.then(() => t).then(() => log("returned t"));
(function () { const p = Promise.resolve(5); p.then = function (f, r) { log("custom then"); return Promise.prototype.then.call(this, f, r); }; Promise.resolve().then(() => p).then(v => log("custom " + v)); })();

// Output, as node prints it:
// expect: 1 t.a
// expect: 2 thenable.then
// expect: 3 finally on reject
// expect: 4 all thenable
// expect: 5 micro
// expect: 6 sub finally
// expect: 7 t.b
// expect: 8 nested thenable
// expect: 9 settled
// expect: 10 custom then
// expect: 11 t.c
// expect: 12 deep=deep
// expect: 13 all ,2
// expect: 14 race q
// expect: 15 any ok
// expect: 16 resolved with t
// expect: 17 t.d
// expect: 18 catch r
// expect: 19 sub after
// expect: 20 returned t
// expect: 21 custom 5
// expect: 22 t.e
// expect: 23 t.f
