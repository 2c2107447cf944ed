// Enough live data to promote many objects and run full collections
// (mark-sweep, lazy sweeping) while the program keeps mutating the old
// generation: old objects pointing to new ones must be remembered, and
// everything reachable must survive.
let tree = null;
function insert(t, k) {
  if (t === null) return { k, l: null, r: null, pay: "v" + k };
  if (k < t.k) t.l = insert(t.l, k); else t.r = insert(t.r, k);
  return t;
}
let seed = 7;
function rnd() { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed; }
for (let i = 0; i < 60000; i++) tree = insert(tree, rnd());
// Replace payloads in old nodes with fresh objects (old-to-young stores).
function walk(t, f) { while (t !== null) { f(t); walk(t.l, f); t = t.r; } }
for (let round = 0; round < 3; round++) {
  walk(tree, (n) => { n.pay = { round, text: "p" + n.k, list: [n.k, round] }; });
  for (let i = 0; i < 200000; i++) ({ i, s: "x" + i });
}
let count = 0, good = 0;
walk(tree, (n) => { count++; if (n.pay.round === 2 && n.pay.text === "p" + n.k && n.pay.list[0] === n.k) good++; });
print(count === good, count > 59000);
// expect: true true
