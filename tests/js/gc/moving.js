// Objects move when the scavenger copies them: identity, Map/Set keys
// hashed by address, WeakMap keys, property values, closures and arrays
// all stay right through many collections (young objects are copied, the
// survivors of two scavenges promoted).
const m = new Map(), s = new Set(), wm = new WeakMap(), keys = [];
for (let i = 0; i < 5000; i++) {
  const k = { i };
  keys.push(k);
  m.set(k, i);
  if (i % 2 === 0) s.add(k);
  wm.set(k, [i]);
  for (let j = 0; j < 30; j++) ({ j, pad: [j, j, j] });  // garbage between keys
}
let ok = 0;
for (let r = 0; r < 5; r++) {
  for (let i = 0; i < 200000; i++) ({ r, i, a: [i] });  // several scavenges
  ok = 0;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (m.get(k) === i && s.has(k) === (i % 2 === 0) && wm.get(k)[0] === i && k.i === i) ok++;
  }
}
const adders = [];
for (let i = 0; i < 1000; i++) adders.push((x) => x + i);
for (let i = 0; i < 300000; i++) ({ i });
let sum = 0;
for (const f of adders) sum += f(1);
print(ok, m.size, s.size, sum);
// expect: 5000 5000 2500 500500
