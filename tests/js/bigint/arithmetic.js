// BigInt arithmetic (ECMA-262 6.1.6.2): big values, truncating division
// and remainder, exponentiation, increments, and the size limit.
print(typeof 1n, typeof Object(1n), 0n, -0n, 123456789012345678901234567890n);
// expect: bigint object 0 0 123456789012345678901234567890
print(2n ** 64n, -(2n ** 64n), 2n ** 64n - 1n, 2n ** 200n);
// expect: 18446744073709551616 -18446744073709551616 18446744073709551615 1606938044258990275541962092341162602522202993782792835301376
print(12345678901234567890n * 98765432109876543210n);
// expect: 1219326311370217952237463801111263526900
print(0xffffffffffffffffn + 1n, 1n - 0x10000000000000000n);
// expect: 18446744073709551616 -18446744073709551615
print(7n / 2n, -7n / 2n, 7n / -2n, -7n / -2n, 1n / 3n, -1n / 3n);
// expect: 3 -3 -3 3 0 0
print(7n % 2n, -7n % 2n, 7n % -2n, -7n % -2n, 0n % 5n, -(2n ** 70n) % 3n);
// expect: 1 -1 1 -1 0 -1
print((2n ** 130n) / (2n ** 65n), (2n ** 130n + 5n) % (2n ** 65n));
// expect: 36893488147419103232 5
print(0n ** 0n, 0n ** 5n, 1n ** (2n ** 80n), (-1n) ** (2n ** 80n), (-1n) ** (2n ** 80n + 1n));
// expect: 1 0 1 1 -1
print((-2n) ** 63n, (-3n) ** 3n, 10n ** 30n);
// expect: -9223372036854775808 -27 1000000000000000000000000000000
let i = 2n ** 64n - 1n; i++; print(i);
// expect: 18446744073709551616
let d = -(2n ** 64n); d--; print(d);
// expect: -18446744073709551617
let z = 0n; print(z++, z, ++z, z--, --z);
// expect: 0 1 2 2 0
let c = 5n; c += 10n; c *= 2n; c -= 1n; c /= 2n; c **= 2n; c %= 100n; print(c);
// expect: 96
print(-(-(2n ** 64n)), -0n === 0n, Object.is(-0n, 0n));
// expect: 18446744073709551616 true true
try { 1n / 0n; } catch (e) { print(e.name + ": " + e.message); }
// expect: RangeError: Division by zero
try { 1n % 0n; } catch (e) { print(e.name + ": " + e.message); }
// expect: RangeError: Division by zero
try { 2n ** -1n; } catch (e) { print(e.name + ": " + e.message); }
// expect: RangeError: Exponent must be non-negative
try { 10n ** (10n ** 9n); } catch (e) { print(e.name + ": " + e.message); }
// expect: RangeError: Maximum BigInt size exceeded
print((10n ** 10000n).toString().length, (2n ** 100000n).toString(16).length);
// expect: 10001 25001
