// String.prototype's basic methods: indexing, searching, slicing.
var s = "Hello, World";
print(s.at(-1));                 // expect: d
print(s.at(100));                // expect: undefined
print(s.charAt(1));              // expect: e
print(s.charCodeAt(1));          // expect: 101
print(s.charCodeAt(99));         // expect: NaN
print("\u{1F600}x".codePointAt(0)); // expect: 128512
print("\u{1F600}x".codePointAt(1)); // expect: 56832
print(s.concat("!", 1, null));   // expect: Hello, World!1null
print(s.endsWith("World"));      // expect: true
print(s.endsWith("Hello", 5));   // expect: true
print(s.includes("lo", 4));      // expect: false
print(s.indexOf("o", 5));        // expect: 8
print(s.indexOf("", 100));       // expect: 12
print(s.lastIndexOf("o"));       // expect: 8
print(s.lastIndexOf("o", 5));    // expect: 4
print(s.startsWith("World", 7)); // expect: true
print(s.slice(-5));              // expect: World
print(s.slice(2, -2));           // expect: llo, Wor
print(s.substring(5, 2));        // expect: llo
print(s.substr(-5, 3));          // expect: Wor
print("abc".padStart(10, "12")); // expect: 1212121abc
print("abc".padEnd(6) + "|");    // expect: abc   |
print("ab".repeat(3));           // expect: ababab
print(" \t x \n".trim() + "|");  // expect: x|
print("  x".trimStart());        // expect: x
print(("x  ".trimEnd() + "|"));  // expect: x|
print(String.prototype.trimLeft === String.prototype.trimStart); // expect: true
print("a\uD800b".isWellFormed()); // expect: false
print("a\uD800b".toWellFormed() === "a\uFFFDb"); // expect: true
print("a".localeCompare("b"));   // expect: -1
print("o\u0308".localeCompare("\u00F6")); // expect: 0
try { "ab".repeat(-1); } catch (e) { print(e.name + ": " + e.message); } // expect: RangeError: Invalid count value: -1
try { "ab".repeat(Infinity); } catch (e) { print(e.message); } // expect: Invalid count value: Infinity
try { String.prototype.at.call(null); } catch (e) { print(e.message); } // expect: String.prototype.at called on null or undefined
try { "a".startsWith({ [Symbol.match]: true }); } catch (e) { print(e.name); } // expect: TypeError
