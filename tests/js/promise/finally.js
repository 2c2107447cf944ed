// finally: passes values through, waits for its callback's promise
Promise.resolve(1).finally(() => console.log("finally 1")).then(v => console.log("after finally:", v));
Promise.reject(new Error("e")).finally(() => console.log("finally 2")).catch(e => console.log("still rejected:", e.message));
Promise.resolve(2).finally(() => { throw new Error("override"); }).catch(e => console.log("finally threw:", e.message));
Promise.resolve(3).finally(() => Promise.reject(new Error("rej"))).catch(e => console.log("finally rejected:", e.message));
Promise.resolve(4).finally(() => 99).then(v => console.log("finally result ignored:", v));
Promise.resolve().then(() => console.log("t1")).then(() => console.log("t2")).then(() => console.log("t3")).then(() => console.log("t4")).then(() => console.log("t5"));

// Output, as node prints it:
// expect: finally 1
// expect: finally 2
// expect: t1
// expect: finally threw: override
// expect: t2
// expect: t3
// expect: after finally: 1
// expect: still rejected: e
// expect: finally rejected: rej
// expect: finally result ignored: 4
// expect: t4
// expect: t5
