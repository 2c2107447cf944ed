// thenables: then is called in a job, its resolve drives the promise
const thenable = { then(res, rej) { console.log("then called"); res("from thenable"); } };
Promise.resolve(thenable).then(v => console.log(v));
Promise.resolve().then(() => console.log("tick 1")).then(() => console.log("tick 2")).then(() => console.log("tick 3"));
const getterThen = { get then() { console.log("get then"); return undefined; } };
Promise.resolve(getterThen).then(v => console.log("non-callable then:", v === getterThen));
const throwing = { get then() { throw new Error("boom"); } };
Promise.resolve(throwing).catch(e => console.log("poisoned then:", e.message));
const late = { then(res) { res(1); res(2); throw new Error("ignored"); } };
Promise.resolve(late).then(v => console.log("first resolve wins:", v));
console.log("sync done");

// Output, as node prints it:
// expect: get then
// expect: sync done
// expect: then called
// expect: tick 1
// expect: non-callable then: true
// expect: poisoned then: boom
// expect: from thenable
// expect: tick 2
// expect: first resolve wins: 1
// expect: tick 3
