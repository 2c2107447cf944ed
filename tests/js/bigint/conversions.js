// The BigInt function, asIntN/asUintN, toString, and conversions between
// BigInt, Number, String and Boolean.
print(BigInt(0), BigInt(-0), BigInt(42), BigInt(-1e21), BigInt(2 ** 64), BigInt(Number.MAX_SAFE_INTEGER));
// expect: 0 0 42 -1000000000000000000000 18446744073709551616 9007199254740991
print(BigInt(true), BigInt(false), BigInt(""), BigInt("  \n12\t"), BigInt("-0"), BigInt("+7"));
// expect: 1 0 0 12 0 7
print(BigInt("0x1F"), BigInt("0o17"), BigInt("0b101"), BigInt("0XfF"), BigInt("123456789012345678901234567890"));
// expect: 31 15 5 255 123456789012345678901234567890
print(BigInt({ valueOf() { return 5n; } }), BigInt({ valueOf() { return 7; } }), BigInt([9]));
// expect: 5 7 9
for (const v of ["1.5", "1e3", "0x", "-0x1", "1n", "1_000", "abc", "Infinity"]) {
  try { BigInt(v); print("no error", v); } catch (e) { print(e.name + ": " + e.message); }
// expect: SyntaxError: Cannot convert 1.5 to a BigInt
// expect: SyntaxError: Cannot convert 1e3 to a BigInt
// expect: SyntaxError: Cannot convert 0x to a BigInt
// expect: SyntaxError: Cannot convert -0x1 to a BigInt
// expect: SyntaxError: Cannot convert 1n to a BigInt
// expect: SyntaxError: Cannot convert 1_000 to a BigInt
// expect: SyntaxError: Cannot convert abc to a BigInt
// expect: SyntaxError: Cannot convert Infinity to a BigInt
}
for (const v of [1.5, NaN, Infinity, -0.5]) {
  try { BigInt(v); } catch (e) { print(e.name + ": " + e.message); }
// expect: RangeError: The number 1.5 cannot be converted to a BigInt because it is not an integer
// expect: RangeError: The number NaN cannot be converted to a BigInt because it is not an integer
// expect: RangeError: The number Infinity cannot be converted to a BigInt because it is not an integer
// expect: RangeError: The number -0.5 cannot be converted to a BigInt because it is not an integer
}
for (const v of [undefined, null, Symbol("s")]) {
  try { BigInt(v); } catch (e) { print(e.name); }
// expect: TypeError
// expect: TypeError
// expect: TypeError
}
try { new BigInt(1); } catch (e) { print(e.name + ": " + e.message); }
// expect: TypeError: BigInt is not a constructor
print(BigInt.asIntN(8, 255n), BigInt.asIntN(8, 128n), BigInt.asIntN(8, 127n), BigInt.asIntN(8, -129n));
// expect: -1 -128 127 127
print(BigInt.asUintN(8, -1n), BigInt.asUintN(8, 256n), BigInt.asUintN(0, 5n), BigInt.asIntN(0, -5n));
// expect: 255 0 0 0
print(BigInt.asIntN(64, 2n ** 63n), BigInt.asIntN(64, 2n ** 63n - 1n), BigInt.asIntN(64, -(2n ** 63n)));
// expect: -9223372036854775808 9223372036854775807 -9223372036854775808
print(BigInt.asUintN(64, -1n), BigInt.asUintN(65, -1n), BigInt.asIntN(1, 1n), BigInt.asIntN(1, 2n));
// expect: 18446744073709551615 36893488147419103231 -1 0
print(BigInt.asIntN(200, -5n), BigInt.asUintN(2 ** 53 - 1, 5n), BigInt.asIntN(2 ** 53 - 1, -5n));
// expect: -5 5 -5
print(BigInt.asIntN("8", "255"), BigInt.asUintN(undefined, 5n));
// expect: -1 0
try { BigInt.asUintN(2 ** 40, -1n); } catch (e) { print(e.name + ": " + e.message); }
// expect: RangeError: Maximum BigInt size exceeded
try { BigInt.asIntN(-1, 1n); } catch (e) { print(e.name); }
// expect: RangeError
try { BigInt.asIntN(2 ** 53, 1n); } catch (e) { print(e.name); }
// expect: RangeError
try { BigInt.asIntN(8, 1); } catch (e) { print(e.name + ": " + e.message); }
// expect: TypeError: Cannot convert 1 to a BigInt
print((255n).toString(16), (-255n).toString(2), (2n ** 64n).toString(36), (10n).toString(), 0n.toString(7));
// expect: ff -11111111 3w5e11264sgsg 10 0
try { 1n.toString(1); } catch (e) { print(e.name + ": " + e.message); }
// expect: RangeError: toString() radix argument must be between 2 and 36
try { BigInt.prototype.toString.call(1); } catch (e) { print(e.name + ": " + e.message); }
// expect: TypeError: BigInt.prototype.toString requires that 'this' be a BigInt
print(Object(3n).valueOf() === 3n, BigInt.prototype.valueOf.call(Object(4n)), (5n).toLocaleString());
// expect: true 4 5
print(String(-12n), `${2n ** 70n}`, "" + 5n, 5n + "", [1n, 2n].join(), [1n, 2n] + "");
// expect: -12 1180591620717411303424 5 5 1,2 1,2
print(Number(2n ** 53n + 1n), Number(-(2n ** 64n)), Number(2n ** 1024n), Number(-(2n ** 1023n) * 3n / 2n));
// expect: 9007199254740992 -18446744073709552000 Infinity -1.348269851146737e+308
print(Number((2n ** 53n + 1n) * 2n ** 100n) === 2 ** 153, Number(2n ** 54n + 3n), Number(0x1fffffffffffff7n));
// expect: true 18014398509481988 144115188075855860
print(parseInt(15n), parseFloat(2n ** 70n), Boolean(0n), Boolean(-1n), !0n, !!1n, 0n ? 1 : 2, 0n || "x", 1n && "y");
// expect: 15 1.1805916207174113e+21 false true true true 2 x y
try { +1n; } catch (e) { print(e.name + ": " + e.message); }
// expect: TypeError: Cannot convert a BigInt value to a number
try { Math.abs(1n); } catch (e) { print(e.name + ": " + e.message); }
// expect: TypeError: Cannot convert a BigInt value to a number
try { 1n + 1; } catch (e) { print(e.name + ": " + e.message); }
// expect: TypeError: Cannot mix BigInt and other types, use explicit conversions
try { 1 * 1n; } catch (e) { print(e.name + ": " + e.message); }
// expect: TypeError: Cannot mix BigInt and other types, use explicit conversions
try { JSON.stringify(1n); } catch (e) { print(e.name + ": " + e.message); }
// expect: TypeError: Do not know how to serialize a BigInt
print(typeof BigInt, BigInt.length, BigInt.name, Object.prototype.toString.call(1n), BigInt.prototype[Symbol.toStringTag]);
// expect: function 1 BigInt [object BigInt] BigInt
print({ 1n: "a" }[1], ({ [2n ** 64n]: 1 })["18446744073709551616"], 1n in [5, 6], [10, 20][1n]);
// expect: a 1 true 20
