// BigInt bitwise operators and shifts: two's complement semantics for
// negatives, shifts by negative and huge amounts, and >>> refused.
print(5n & 3n, 5n | 3n, 5n ^ 3n, ~5n, ~-1n, ~0n);
// expect: 1 7 6 -6 0 -1
print(-1n & 0xffn, -256n | 15n, -5n ^ 3n, -6n & -3n, -6n | -3n, -6n ^ -3n);
// expect: 255 -241 -8 -8 -1 7
print((2n ** 100n - 1n) & (2n ** 64n + 5n), -(2n ** 100n) | 1n, (2n ** 70n) ^ -1n);
// expect: 18446744073709551621 -1267650600228229401496703205375 -1180591620717411303425
print(1n << 64n, 1n << 100n, -1n << 70n, 3n << 0n, 0n << 1000000000000n);
// expect: 18446744073709551616 1267650600228229401496703205376 -1180591620717411303424 3 0
print(1024n >> 3n, -1024n >> 3n, -1n >> 100n, 5n >> 1n, -5n >> 1n, -5n >> 100000000000000000000n);
// expect: 128 -128 -1 2 -3 -1
print(5n >> 100n, 5n << -1n, -5n << -1n, 5n >> -2n, -(2n ** 80n) >> 79n);
// expect: 0 2 -3 20 -2
print((2n ** 200n) >> 150n, ((1n << 128n) - 1n) >> 64n);
// expect: 1125899906842624 18446744073709551615
try { 1n >>> 0n; } catch (e) { print(e.name + ": " + e.message); }
// expect: TypeError: BigInts have no unsigned right shift, use >> instead
try { 1n << (1n << 40n); } catch (e) { print(e.name + ": " + e.message); }
// expect: RangeError: Maximum BigInt size exceeded
try { 1n << 1073741824n; } catch (e) { print(e.name + ": " + e.message); }
// expect: RangeError: Maximum BigInt size exceeded
let b = 6n; b &= 3n; b |= 8n; b ^= 1n; b <<= 2n; b >>= 1n; print(b);
// expect: 22
