// TypeErrors from the methods and statics, and rejections through combinators
const tryMsg = f => { try { f(); console.log("no error"); } catch (e) { console.log(e.constructor.name + ": " + e.message); } };
tryMsg(() => Promise.prototype.then.call({}));
tryMsg(() => Promise.prototype.then.call(1));
tryMsg(() => Promise.prototype.finally.call(1));
tryMsg(() => Promise.prototype.catch.call(1));
tryMsg(() => Promise.resolve.call(1));
tryMsg(() => Promise.reject.call(1));
tryMsg(() => Promise.resolve.call({}));
tryMsg(() => Promise.all.call(1));
tryMsg(() => Promise.race.call(() => {}));
tryMsg(() => Promise.any.call(undefined));
tryMsg(() => Promise.allSettled.call(null));
tryMsg(() => { const p = Promise.resolve(); p.constructor = { [Symbol.species]: 1 }; p.then(); });
tryMsg(() => { const p = Promise.resolve(); p.constructor = { [Symbol.species]: function () {} }; p.then(); });
tryMsg(() => Promise.resolve.call(function (ex) { ex(1, 2); ex(1, 2); }));
Promise.all(5).catch(e => console.log("all(5):", e.constructor.name));
Promise.race({ [Symbol.iterator]() { throw new Error("iter"); } }).catch(e => console.log("race iter:", e.message));
const C = function (ex) { ex(() => {}, e => console.log("custom reject:", e.message)); };
C.resolve = 1;
Promise.all.call(C, []);
let closed = false;
const iter = { [Symbol.iterator]() { return { next() { return { value: 1, done: false }; }, return() { closed = true; return {}; } }; } };
const Bad = function (ex) { ex(() => {}, () => {}); };
Bad.resolve = function () { throw new Error("resolve threw"); };
Promise.all.call(Bad, iter);
console.log("iterator closed:", closed);

// Output, as node prints it:
// expect: TypeError: Method Promise.prototype.then called on incompatible receiver #<Object>
// expect: TypeError: Method Promise.prototype.then called on incompatible receiver 1
// expect: TypeError: Promise.prototype.finally called on non-object
// expect: TypeError: undefined is not a function
// expect: TypeError: PromiseResolve called on non-object
// expect: TypeError: PromiseReject called on non-object
// expect: TypeError: #<Object> is not a constructor
// expect: TypeError: Promise.all called on non-object
// expect: TypeError: () => {} is not a constructor
// expect: TypeError: Promise.any called on non-object
// expect: TypeError: Promise.allSettled called on non-object
// expect: TypeError: object.constructor[Symbol.species] is not a constructor
// expect: TypeError: Promise resolve or reject function is not callable
// expect: TypeError: Promise executor has already been invoked with non-undefined arguments
// expect: custom reject: resolve is not a function
// expect: iterator closed: true
// expect: all(5): TypeError
// expect: race iter: iter
