// The String constructor and its functions.
print(String());                       // expect:
print(String(Symbol("foo")));          // expect: Symbol(foo)
print(String(1.5));                    // expect: 1.5
var w = new String("abc");
print(typeof w);                       // expect: object
print(w.length, w[1], w.valueOf());    // expect: 3 b abc
print(String.fromCharCode(65, 66 + 65536)); // expect: AB
print(String.fromCodePoint(0x1F600).length); // expect: 2
try { String.fromCodePoint(-1); } catch (e) { print(e.name + ": " + e.message); } // expect: RangeError: Invalid code point -1
print(String.raw`a${1}b${2}c`);        // expect: a1b2c
print(String.raw({ raw: ["x", "y"] }, 1, 2, 3)); // expect: x1y
class MyString extends String {}
var m = new MyString("hi");
print(m instanceof MyString, m.length); // expect: true 2
