// resolving with a native promise costs two extra ticks
new Promise(r => r(Promise.resolve("inner"))).then(v => console.log("resolved with promise:", v));
Promise.resolve().then(() => console.log("t1")).then(() => console.log("t2")).then(() => console.log("t3")).then(() => console.log("t4"));
// returning a promise from then also takes two extra ticks
Promise.resolve().then(() => Promise.resolve("r")).then(v => console.log("returned promise:", v));

// Output, as node prints it:
// expect: t1
// expect: t2
// expect: resolved with promise: inner
// expect: t3
// expect: t4
// expect: returned promise: r
