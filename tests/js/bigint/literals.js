// BigInt literals (decimal, hex, octal, binary, numeric separators) as
// values and property keys, in eval, and as console.log prints them.
print(0n, 00 + 1, 0x0n, 0xDEAD_BEEFn, 0o7_7n, 0b1111_0000n, 1_000_000n);
// expect: 0 1 0 3735928559 63 240 1000000
print(0xffffffffffffffffffffffffffffffffn, 0b1n << 127n === 0x80000000000000000000000000000000n);
// expect: 340282366920938463463374607431768211455 true
print(999999999999999999999999999999999999999999999999999999999999n + 1n);
// expect: 1000000000000000000000000000000000000000000000000000000000000
const o = { 1n: "one", 0x10n: "sixteen", [3n]: "three" };
print(Object.keys(o).join(), o[1], o[16], o["3"]);
// expect: 1,3,16 one sixteen three
class K { 5n() { return "m"; } static 0b11n = "s"; }
print(new K()[5](), K[3]);
// expect: m s
print(eval("12n * 2n"), typeof eval("1n"), new Function("return 7n")());
// expect: 24 bigint 7
for (const src of ["01n", "1.5n", "1e3n", "0_1n", "1_n", "0xn", "1n_"]) {
  try { eval(src); print("no error", src); } catch (e) { print(e.name, src); }
// expect: SyntaxError 01n
// expect: SyntaxError 1.5n
// expect: SyntaxError 1e3n
// expect: SyntaxError 0_1n
// expect: SyntaxError 1_n
// expect: SyntaxError 0xn
// expect: SyntaxError 1n_
}
print(`${1n}+${-2n}`, String.raw`${3n}`, [1n, -1n].toString(), -1n + "");
// expect: 1+-2 3 1,-1 -1
console.log(1n, (-2n) ** 3n === -8n ? "pow" : "", [1n, [2n]], { big: 2n ** 64n }, Object(5n), new Map([[1n, 2n]]));
// expect: 1n pow [ 1n, [ 2n ] ] { big: 18446744073709551616n } [BigInt: 5n] Map(1) { 1n => 2n }
console.log("%d %i %s", 10n, -3n, 2n ** 70n);
// expect: 10n -3n 1180591620717411303424n
