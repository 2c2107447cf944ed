// then chains interleave one tick per step
const log = [];
Promise.resolve().then(() => console.log("a1")).then(() => console.log("a2")).then(() => console.log("a3"));
Promise.resolve().then(() => console.log("b1")).then(() => console.log("b2")).then(() => console.log("b3"));
console.log("sync");

// Output, as node prints it:
// expect: sync
// expect: a1
// expect: b1
// expect: a2
// expect: b2
// expect: a3
// expect: b3
