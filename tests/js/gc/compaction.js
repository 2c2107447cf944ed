// flags: --expose-gc
// Old-space compaction: survivors scattered over mostly empty old pages
// are moved to fresh pages by full collections. Everything that refers to
// a moved object must follow it: properties and elements, Map/Set keys
// hashed by address, WeakMap/WeakSet/WeakRef targets, closures'
// contexts, prototypes that inline caches remember, the global object's
// properties, suspended generators, pending promises, bound functions,
// proxies, private fields, typed arrays.

function Point(x, y) { this.x = x; this.y = y; }
Point.prototype.norm1 = function () { return Math.abs(this.x) + Math.abs(this.y); };

class Secret {
  #v;
  constructor(v) { this.#v = v; }
  get v() { return this.#v; }
}

function* counter(from) { let n = from; for (;;) yield n++; }

const map = new Map(), set = new Set(), weak = new WeakMap(), wset = new WeakSet();
const kept = [], refs = [], closures = [], gens = [], protos = [];
const promises = [];
let resolved = 0;

// Each round allocates survivors among nine times as much garbage, and
// keeps the survivors long enough for scavenges to promote them: their
// old pages end up mostly empty once the garbage dies.
function round(r) {
  const tmp = [];
  for (let i = 0; i < 2000; i++) {
    const k = r * 2000 + i;
    const o = { k, s: "s" + k, arr: [k, k * 2], p: new Point(k, -k) };
    if (k % 3 === 0) o.rope = "r" + k + "-" + "x".repeat(k % 7);
    if (k % 5 === 0) { for (let j = 0; j < 12; j++) o["f" + j] = j + k; }  // out-of-line
    if (k % 7 === 0) { o.d = { a: k }; delete o.d.a; o.d["b" + k] = k; }   // dictionary
    tmp.push(o, [k, "g"], { g: k }, "garbage" + k, { h: [k] }, [k, k], { m: k }, { n: k },
             { o: k });
  }
  for (let i = 0; i < 40000; i++) ({ churn: i });  // scavenges promote tmp
  for (let i = 0; i < tmp.length; i += 9) {
    const o = tmp[i];
    kept.push(o);
    map.set(o, o.k);
    if (o.k % 2 === 0) set.add(o.p);
    weak.set(o.p, o.s);
    wset.add(o.arr);
    if (o.k % 50 === 0) {
      refs.push(new WeakRef(o));
      let count = o.k;
      closures.push(() => ++count);
      const g = counter(o.k);
      g.next();
      gens.push(g);
      protos.push(Object.create(o));
      promises.push(new Promise((res) => setTimeoutless.push(() => res(o))).then((v) => {
        if (v.k === o.k && v.s === "s" + o.k) resolved++;
      }));
    }
  }
}
const setTimeoutless = [];

for (let r = 0; r < 4; r++) {
  round(r);
  gc();
}

// Globals: an inline cache may point into the global object's property
// storage, which can move.
globalThis.compactionGlobal = { tag: "global" };
function readGlobal() { return compactionGlobal.tag; }
for (let i = 0; i < 10; i++) readGlobal();

const secret = new Secret(kept[0]);
const bound = function (a) { return this.k + a; }.bind(kept[1]);
const proxy = new Proxy(kept[2], { get: (t, k) => (k === "twice" ? t.k * 2 : t[k]) });
const bytes = new Uint8Array(16).fill(7);
const bytesHolder = { bytes };
const symbolKey = Symbol("key");
kept[3][symbolKey] = kept[4];

gc();
gc();

let bad = 0;
function check(cond) { if (!cond) bad++; }
for (const o of kept) {
  check(o.s === "s" + o.k);
  check(o.arr[0] === o.k && o.arr[1] === o.k * 2);
  check(o.p.x === o.k && o.p.y === -o.k && o.p.norm1() === 2 * o.k);
  if (o.rope !== undefined) check(o.rope === "r" + o.k + "-" + "x".repeat(o.k % 7));
  if (o.k % 5 === 0) check(o.f11 === 11 + o.k);
  if (o.k % 7 === 0) check(o.d["b" + o.k] === o.k && !("a" in o.d));
  check(map.get(o) === o.k);
  check(set.has(o.p) === (o.k % 2 === 0));
  check(weak.get(o.p) === o.s);
  check(wset.has(o.arr));
}
// A prototype method changed after the move is seen through the caches.
Point.prototype.norm1 = function () { return -1; };
check(kept[5].p.norm1() === -1);
for (const w of refs) check(w.deref() !== undefined && map.has(w.deref()));
for (let i = 0; i < closures.length; i++) check(closures[i]() === i * 50 + 1);
for (let i = 0; i < gens.length; i++) check(gens[i].next().value === i * 50 + 1);
for (let i = 0; i < protos.length; i++) check(protos[i].k === i * 50 && protos[i].s === "s" + i * 50);
check(readGlobal() === "global");
compactionGlobal = { tag: "changed" };
check(readGlobal() === "changed");
check(secret.v === kept[0]);
check(bound(1) === kept[1].k + 1);
check(proxy.twice === kept[2].k * 2);
check(bytesHolder.bytes[15] === 7 && bytesHolder.bytes.length === 16);
check(kept[3][symbolKey] === kept[4]);
check(map.size === kept.length);

for (const f of setTimeoutless) f();
Promise.all(promises).then(() => {
  gc();
  print(kept.length, bad, resolved, promises.length);
});
// expect: 8000 0 160 160
