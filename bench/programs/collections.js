// collections.js - sorting and keyed collections: Array.prototype.sort with
// comparators (numbers, strings, records by several keys; stability matters),
// TypedArray sort, a hand-written merge sort, Map word counting, Set
// dedup/intersection/difference, Map iteration order, and deletion churn.
// Measures: sort implementations, hash-table based Map/Set, iterators.
// Size: number of rounds.
var DEFAULT_SIZE = 4;
var BENCH_ARG = typeof BENCH_SIZE !== 'undefined' ? BENCH_SIZE
  : typeof process !== 'undefined' && process.argv ? process.argv[2]
  : typeof scriptArgs !== 'undefined' ? scriptArgs[0]
  : typeof arguments !== 'undefined' ? arguments[0] : undefined;
var SIZE = +BENCH_ARG > 0 ? Math.floor(+BENCH_ARG) : DEFAULT_SIZE;
function emit(line) {
  if (typeof console !== 'undefined' && console.log) console.log(line); else print(line);
}

let seed = 31337;
function rand(n) {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return (seed >>> 8) % n;
}

const LETTERS = 'etaoinshrdlcumwfgypbvkjxqz';
function word() {
  let w = '';
  for (let i = 0, n = 2 + rand(5); i < n; i++) w += LETTERS[Math.min(rand(26), rand(26))];
  return w;
}

function mergeSort(a, cmp) {
  if (a.length < 2) return a;
  const mid = a.length >> 1;
  const l = mergeSort(a.slice(0, mid), cmp), r = mergeSort(a.slice(mid), cmp);
  const out = new Array(a.length);
  let i = 0, j = 0, k = 0;
  while (i < l.length && j < r.length) out[k++] = cmp(r[j], l[i]) < 0 ? r[j++] : l[i++];
  while (i < l.length) out[k++] = l[i++];
  while (j < r.length) out[k++] = r[j++];
  return out;
}

let acc = 0, h = 0;
const mix = (s) => { for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0; };

for (let round = 0; round < SIZE; round++) {
  // numbers
  const nums = [];
  for (let i = 0; i < 20000; i++) nums.push(rand(1000000) - 500000);
  const sortedNums = nums.slice().sort((a, b) => a - b);
  const typed = Int32Array.from(nums).sort();
  for (let i = 0; i < typed.length; i += 97) if (typed[i] !== sortedNums[i]) throw new Error('typed sort mismatch');
  acc += sortedNums[0] + sortedNums[10000] + sortedNums[19999];
  const ms = mergeSort(nums.slice(0, 5000), (a, b) => b - a);
  acc += ms[0] - ms[4999];

  // words: counting with Map, ordering by count then alphabetically
  const words = [];
  for (let i = 0; i < 15000; i++) words.push(word());
  const counts = new Map();
  for (const w of words) counts.set(w, (counts.get(w) || 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  mix(ranked.slice(0, 20).map(([w, c]) => w + c).join(' '));
  acc += counts.size;

  // records: stable sort by one key after another
  const records = words.slice(0, 4000).map((w, i) => ({ name: w, group: i % 13, score: rand(100) }));
  records.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  records.sort((a, b) => a.score - b.score);
  records.sort((a, b) => a.group - b.group);
  mix(records.filter((r, i) => i % 400 === 0).map((r) => r.group + r.name + r.score).join());
  const localeFree = words.slice(0, 3000).sort();
  mix(localeFree[0] + localeFree[1500] + localeFree[2999]);

  // sets
  const a = new Set(words.slice(0, 8000));
  const b = new Set(words.slice(6000, 15000));
  let inter = 0;
  for (const w of a) if (b.has(w)) inter++;
  const diff = [...a].filter((w) => !b.has(w));
  const union = new Set([...a, ...b]);
  acc += inter * 3 + diff.length * 5 + union.size;

  // map churn with numeric and object keys, iteration order checks
  const m = new Map();
  const keys = [];
  for (let i = 0; i < 10000; i++) {
    const key = i % 3 === 0 ? { id: i } : i * 7;
    keys.push(key);
    m.set(key, i);
    if (i % 5 === 4) m.delete(keys[rand(keys.length)]);
  }
  let orderSum = 0, idx = 0;
  for (const [, v] of m) orderSum = (orderSum + v * (idx++ % 17)) % 1000003;
  acc += m.size + orderSum;
  const seen = new Set();
  for (let i = 0; i < 30000; i++) seen.add(rand(20000));
  acc += seen.size;
  const weak = new WeakMap();
  for (let i = 0; i < keys.length; i += 3) weak.set(keys[i], i);
  acc += weak.has(keys[3]) ? 1 : 0;
}
emit('collections size=' + SIZE + ' checksum=' + acc + ':' + (h >>> 0));
