// %AsyncFromSyncIteratorPrototype%: for await and yield* over sync
// iterators; rejected values close the sync iterator, return/throw reach
// it through an async generator's yield*.
function* rejecting() {
  try {
    yield Promise.reject('boom');
  } finally {
    print('closed');
  }
}
(async function () {
  try {
    for await (const x of rejecting());
  } catch (e) {
    print('caught', e);
  }
})();

var log = [];
var sync = {
  [Symbol.iterator]() {
    return {
      next() { log.push('next'); return { value: 1, done: false }; },
      return(v) { log.push('return ' + v); return { value: 'r', done: true }; },
    };
  },
};
async function* outer() { yield* sync; }
var it = outer();
it.next().then(function (r) {
  print('first', r.value, r.done);
  return it.return(5);
}).then(function (r) {
  print('return', r.value, r.done, log.join());
  return it.throw(new Error('late'));
}).catch(function (e) { print('rejected', e.message); });

// No throw method: the iterator is closed, then a TypeError.
var noThrow = {
  [Symbol.iterator]() {
    return {
      next() { return { value: 2, done: false }; },
      return() { print('closing'); return {}; },
    };
  },
};
async function* g2() { yield* noThrow; }
var it2 = g2();
it2.next().then(function () { return it2.throw(1); }).catch(function (e) {
  print(e.constructor.name);
});

// %AsyncIteratorPrototype%[@@asyncDispose] calls return() without arguments.
var AIP = Object.getPrototypeOf(Object.getPrototypeOf(g2.prototype));
var o = Object.create(AIP);
o.return = function () { print('dispose args', arguments.length); return 7; };
o[Symbol.asyncDispose]().then(function (v) { print('disposed', v); });

// Output order follows the microtask ticks of each chain.
// expect: dispose args 0
// expect: closed
// expect: caught boom
// expect: disposed undefined
// expect: first 1 false
// expect: closing
// expect: TypeError
// expect: return r true next,return 5
// expect: rejected late
