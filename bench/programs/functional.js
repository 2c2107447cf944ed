// functional.js - a functional-style workload: closures and higher-order
// functions, currying and composition, Array map/filter/reduce/flatMap/some/
// every, spread and rest arguments, destructuring, arrow functions, an
// immutable-update reducer and a persistent (cons-list) queue.
// Measures: closure allocation and calls, array built-ins with callbacks,
// spread/rest argument handling, short-lived arrays and objects.
// Size: number of rounds.
var DEFAULT_SIZE = 150;
var BENCH_ARG = typeof BENCH_SIZE !== 'undefined' ? BENCH_SIZE
  : typeof process !== 'undefined' && process.argv ? process.argv[2]
  : typeof scriptArgs !== 'undefined' ? scriptArgs[0]
  : typeof arguments !== 'undefined' ? arguments[0] : undefined;
var SIZE = +BENCH_ARG > 0 ? Math.floor(+BENCH_ARG) : DEFAULT_SIZE;
function emit(line) {
  if (typeof console !== 'undefined' && console.log) console.log(line); else print(line);
}

const compose = (...fns) => (x) => fns.reduceRight((v, f) => f(v), x);
const pipe = (...fns) => (x) => fns.reduce((v, f) => f(v), x);
const curry = (f) => {
  const go = (...args) => args.length >= f.length ? f(...args) : (...more) => go(...args, ...more);
  return go;
};
const range = (n) => Array.from({ length: n }, (_, i) => i);
const sum = (xs) => xs.reduce((a, b) => a + b, 0);
const memo = (f) => {
  const cache = new Map();
  return (n) => {
    if (cache.has(n)) return cache.get(n);
    const v = f(n);
    cache.set(n, v);
    return v;
  };
};

const add3 = curry((a, b, c) => a + b + c);
const clamp = curry((lo, hi, x) => Math.max(lo, Math.min(hi, x)));
const inc = (x) => x + 1;
const dbl = (x) => x * 2;
const sq = (x) => x * x;
const mod = (m) => (x) => x % m;

// a persistent list
const nil = null;
const cons = (head, tail) => ({ head, tail });
const listFrom = (xs) => xs.reduceRight((t, x) => cons(x, t), nil);
const foldl = (f, acc, l) => { while (l !== nil) { acc = f(acc, l.head); l = l.tail; } return acc; };
const listMap = (f, l) => l === nil ? nil : cons(f(l.head), listMap(f, l.tail));
const reverse = (l) => foldl((t, x) => cons(x, t), nil, l);

// a reducer with immutable updates
const reducer = (state, action) => {
  switch (action.type) {
    case 'add': return { ...state, items: [...state.items, action.item], count: state.count + 1 };
    case 'drop': return { ...state, items: state.items.filter((it) => it.id !== action.id) };
    case 'bump': return {
      ...state,
      items: state.items.map((it) => it.id % action.every === 0 ? { ...it, qty: it.qty + 1 } : it)
    };
    default: return state;
  }
};

const stats = (...values) => {
  const [first, ...rest] = values;
  const { min, max } = rest.reduce(({ min, max }, v) => ({ min: Math.min(min, v), max: Math.max(max, v) }),
    { min: first, max: first });
  return { min, max, n: values.length };
};

let acc = 0;
const collatzLen = memo((n) => n === 1 ? 1 : 1 + collatzLen(n % 2 === 0 ? n / 2 : 3 * n + 1));

for (let round = 0; round < SIZE; round++) {
  const xs = range(2000).map((i) => (i * 7919 + round) % 1000);
  const f = compose(mod(100003), inc, dbl, sq);
  const g = pipe(dbl, inc, clamp(0, 500));
  acc += sum(xs.map(f)) % 1000003;
  acc += sum(xs.filter((x) => x % 3 === 0).map(g));
  acc += xs.flatMap((x) => x % 10 === 0 ? [x, -x, 1] : []).reduce((a, b) => a + b, 0);
  acc += xs.some((x) => x === round % 1000) ? 1 : 0;
  acc += xs.every((x) => x >= 0) ? 1 : 0;
  acc += add3(round)(1)(2) + add3(1, 2)(round) + add3(round, round, round);

  const { min, max, n } = stats(...xs.slice(0, 500));
  acc += min + max + n;

  const counters = range(50).map((i) => { let c = i; return () => (c += i); });
  for (let k = 0; k < 20; k++) counters.forEach((next) => { acc += next() & 7; });

  let state = { items: [], count: 0 };
  for (let k = 0; k < 120; k++) {
    state = reducer(state, { type: 'add', item: { id: k, qty: k % 5 } });
    if (k % 9 === 8) state = reducer(state, { type: 'drop', id: k - 4 });
    if (k % 13 === 0) state = reducer(state, { type: 'bump', every: 3 });
  }
  acc += state.count + sum(state.items.map(({ qty }) => qty));

  const list = listFrom(xs.slice(0, 300));
  acc += foldl((a, x) => a + x, 0, listMap(inc, reverse(list)));

  const grouped = xs.slice(0, 600).reduce((m, x) => {
    const key = x % 7;
    (m[key] || (m[key] = [])).push(x);
    return m;
  }, {});
  acc += Object.entries(grouped).map(([k, v]) => +k * v.length).reduce((a, b) => a + b);
  acc += collatzLen(27 + round) + Math.max(...xs.slice(round, round + 100));
}
emit('functional size=' + SIZE + ' checksum=' + acc);
