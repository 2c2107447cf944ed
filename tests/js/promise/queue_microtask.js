// queueMicrotask shares the promise job queue (FIFO)
queueMicrotask(() => console.log("m1"));
Promise.resolve().then(() => { console.log("p1"); queueMicrotask(() => console.log("m3")); });
queueMicrotask(() => { console.log("m2"); Promise.resolve().then(() => console.log("p3")); });
Promise.resolve().then(() => console.log("p2"));
console.log("sync");
try { queueMicrotask(1); } catch (e) { console.log(e.name, e.message); }
try { queueMicrotask(); } catch (e) { console.log(e.message); }
try { queueMicrotask({}); } catch (e) { console.log(e.message); }
try { queueMicrotask("some long string value here"); } catch (e) { console.log(e.message); }
console.log(queueMicrotask.length, queueMicrotask.name);

// Output, as node prints it:
// expect: sync
// expect: TypeError The "callback" argument must be of type function. Received type number (1)
// expect: The "callback" argument must be of type function. Received undefined
// expect: The "callback" argument must be of type function. Received an instance of Object
// expect: The "callback" argument must be of type function. Received type string ('some long string value here')
// expect: 1 queueMicrotask
// expect: m1
// expect: p1
// expect: m2
// expect: p2
// expect: m3
// expect: p3
