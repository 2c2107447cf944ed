// nested thens registered inside handlers go to the back of the queue
Promise.resolve().then(() => {
  console.log("outer 1");
  Promise.resolve().then(() => console.log("inner 1")).then(() => console.log("inner 2"));
}).then(() => console.log("outer 2")).then(() => console.log("outer 3"));
Promise.resolve().then(() => console.log("other 1")).then(() => console.log("other 2"));
const p = Promise.resolve("shared");
p.then(v => console.log("first", v));
p.then(v => console.log("second", v));
p.then(v => console.log("third", v));

// Output, as node prints it:
// expect: outer 1
// expect: other 1
// expect: first shared
// expect: second shared
// expect: third shared
// expect: inner 1
// expect: outer 2
// expect: other 2
// expect: inner 2
// expect: outer 3
