// The Number constructor, its properties and Number.prototype.
print(Number("0x10"), Number(), Number(" 12 "));  // expect: 16 0 12
print(typeof new Number(5), new Number(5) + 1);   // expect: object 6
print(Number.isInteger(5), Number.isInteger(5.5), Number.isInteger("5")); // expect: true false false
print(Number.isSafeInteger(2 ** 53), Number.isSafeInteger(2 ** 53 - 1)); // expect: false true
print(Number.isNaN(NaN), Number.isNaN("x"), Number.isFinite(1 / 0)); // expect: true false false
print(Number.parseInt === parseInt, Number.parseFloat === parseFloat); // expect: true true
print(Number.parseInt("  ff", 16), Number.parseFloat("3.5e2x")); // expect: 255 350
print(Number.MAX_SAFE_INTEGER, Number.EPSILON);   // expect: 9007199254740991 2.220446049250313e-16
print(Number.MAX_VALUE, Number.MIN_VALUE);        // expect: 1.7976931348623157e+308 5e-324
print((1.005).toFixed(2), (2.5).toFixed(0), (-0).toFixed(2)); // expect: 1.00 3 0.00
print((123456).toExponential(2), (0).toExponential()); // expect: 1.23e+5 0e+0
print((123.456).toPrecision(4), (0.000001234).toPrecision(2)); // expect: 123.5 0.0000012
print((255).toString(16), (255).toString(2), (-255).toString(36)); // expect: ff 11111111 -73
print((0.5).toString(2));                         // expect: 0.1
try { (1).toFixed(101); } catch (e) { print(e.name + ": " + e.message); } // expect: RangeError: toFixed() digits argument must be between 0 and 100
try { (1).toString(1); } catch (e) { print(e.message); } // expect: toString() radix must be between 2 and 36
try { Number.prototype.valueOf.call("x"); } catch (e) { print(e.message); } // expect: Number.prototype.valueOf requires that 'this' be a Number
print(Infinity.toExponential(-1));                // expect: Infinity
