// BigInts through scavenges: cells move (their limbs with them), and Map
// and Set tables keyed by BigInts still find them afterwards (they hash by
// value, not by address, so moving a key never needs a rehash).
const m = new Map(), s = new Set(), keep = [];
for (let i = 0; i < 20000; i++) {
  m.set(BigInt(i) << 70n, i);
  if (i % 10 === 0) s.add(-(2n ** 64n) - BigInt(i));
  if (i < 3000) keep.push((2n ** 100n + BigInt(i)) * -3n);
  // Garbage between the keys spreads them over many young pages.
  for (let j = 0; j < 20; j++) ({ a: j, b: [j, j] });
}
for (let i = 0; i < 300000; i++) ({ a: i, b: [i] });
let found = 0, members = 0, sum = 0n;
for (let i = 0; i < 20000; i++) {
  if (m.get(BigInt(i) << 70n) === i) found++;
  if (s.has(-(2n ** 64n) - BigInt(i))) members++;
}
for (const x of keep) sum += x;
print(found, members, m.size, s.size);
// expect: 20000 2000 20000 2000
print(sum, keep[2999] === (2n ** 100n + 2999n) * -3n);
// expect: -11408855402054064613470328861879500 true
