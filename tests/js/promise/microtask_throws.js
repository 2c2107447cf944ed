// An exception from a queueMicrotask callback is uncaught: the jobs after
// it do not run.
queueMicrotask(() => console.log("first"));
queueMicrotask(() => { throw new TypeError("from a microtask"); });
queueMicrotask(() => console.log("never"));
// expect: first
// expect runtime error: TypeError: from a microtask
