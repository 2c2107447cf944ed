// Math's functions and their spec edge cases.
print(Math.round(2.5), Math.round(-2.5), Math.round(0.49999999999999994)); // expect: 3 -2 0
print(Object.is(Math.round(-0.2), -0), Object.is(Math.round(0.2), 0)); // expect: true true
print(Math.max(), Math.min());                     // expect: -Infinity Infinity
print(Object.is(Math.max(-0, 0), 0), Object.is(Math.min(0, -0), -0)); // expect: true true
print(Math.max(1, NaN, 3), Math.min("2", 1));     // expect: NaN 1
print(Math.pow(1, Infinity), Math.pow(NaN, 0), Math.pow(2, 10)); // expect: NaN 1 1024
print(Math.hypot(3, 4), Math.hypot(NaN, -Infinity), Math.hypot()); // expect: 5 Infinity 0
print(Math.clz32(1), Math.clz32(0), Math.imul(0xffffffff, 5)); // expect: 31 32 -5
print(Math.sign(-3), Object.is(Math.sign(-0), -0)); // expect: -1 true
print(Math.cbrt(27), Math.trunc(-4.7), Math.ceil(-0.5)); // expect: 3 -4 0
print(Math.fround(5.05), Math.f16round(5.05));    // expect: 5.050000190734863 5.05078125
print(Math.f16round(65520), Math.f16round(65519)); // expect: Infinity 65504
print(Math.abs(-2), Math.sqrt(16), Math.atan2(0, -1) === Math.PI); // expect: 2 4 true
var r = Math.random();
print(r >= 0 && r < 1);                            // expect: true
print(Object.prototype.toString.call(Math));       // expect: [object Math]
print(Math.PI, Math.E);                            // expect: 3.141592653589793 2.718281828459045
print(Math.sumPrecise([1e20, 0.1, -1e20]), Math.sumPrecise([0.1, 0.2])); // expect: 0.1 0.30000000000000004
print(Object.is(Math.sumPrecise([]), -0), Math.sumPrecise([Infinity, -Infinity])); // expect: true NaN
print(Math.sumPrecise([1.7976931348623157e308, 1.7976931348623157e308, -1.7976931348623157e308])); // expect: 1.7976931348623157e+308
try { Math.sumPrecise([1, "2"]); } catch (e) { print(e.name); } // expect: TypeError
