// Array.fromAsync: async iterables, sync iterables (values awaited),
// array-likes, mapping, subclass constructors, and rejections.
function show(label) {
  return function (a) { print(label, Array.isArray(a), JSON.stringify(a)); };
}
function fail(label) {
  return function (e) { print(label, e.constructor.name, e.message); };
}

async function* agen() { yield 1; yield Promise.resolve(2); yield 3; }
var p = Array.fromAsync(agen());
print(p instanceof Promise);  // expect: true
p.then(show('async'));
Array.fromAsync([Promise.resolve('a'), 'b']).then(show('sync'));
Array.fromAsync({ length: 2, 0: 'x', 1: Promise.resolve('y') }).then(show('arraylike'));
Array.fromAsync([1, 2], async function (v, k) { return v * 10 + k + this.d; }, { d: 0.5 })
    .then(show('mapped'));

// this: a constructor builds the result (with the length for array-likes).
function C(n) { this.args = arguments.length; }
Array.fromAsync.call(C, { length: 1, 0: 'z' }).then(function (r) {
  print('ctor', r instanceof C, r.args, r.length, r[0]);
});
Array.fromAsync.call({}, new Set([4])).then(show('non-ctor'));

// Errors reject the promise, never throw synchronously.
Array.fromAsync([1], 'nope').catch(fail('mapfn'));
Array.fromAsync(null).catch(function (e) { print('null', e.constructor.name); });

// A throwing mapfn closes the iterator.
var closed = 0;
var it = {
  [Symbol.iterator]() {
    return {
      next() { return { value: 1, done: false }; },
      return() { closed++; return {}; },
    };
  },
};
Array.fromAsync(it, function () { throw new RangeError('m'); })
    .catch(function (e) { print('closed', closed, e.message); });
// A rejected element of a sync iterable closes it too.
var closed2 = 0;
function* rej() { try { yield Promise.reject(new Error('r')); } finally { closed2++; } }
Array.fromAsync(rej()).catch(function (e) { print('closed2', closed2, e.message); });

print(Array.fromAsync.length, Array.fromAsync.name);  // expect: 1 fromAsync
// Settlement order follows each chain's ticks.
// expect: mapfn TypeError Array.fromAsync: mapper is not a function
// expect: null TypeError
// expect: ctor true 1 1 z
// expect: arraylike true ["x","y"]
// expect: closed2 1 r
// expect: non-ctor true [4]
// expect: closed 1 m
// expect: sync true ["a","b"]
// expect: async true [1,2,3]
// expect: mapped true [10.5,21.5]
