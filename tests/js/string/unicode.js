// Full case mapping, Final_Sigma, normalization, the string iterator.
print("stra\u00DFe".toUpperCase());   // expect: STRASSE
print("\u0130".toLowerCase().length);  // expect: 2
print("\u039F\u0394\u039F\u03A3".toLowerCase() === "\u03BF\u03B4\u03BF\u03C2"); // expect: true
print("\u03A3".toLowerCase() === "\u03C3"); // expect: true
print("\u0430\u0431\u0432".toUpperCase() === "\u0410\u0411\u0412"); // expect: true
print("\uD801\uDC28".toUpperCase() === "\uD801\uDC00"); // expect: true
print("\u00E9".normalize("NFD").length);   // expect: 2
print("e\u0301".normalize() === "\u00E9"); // expect: true
print("\uFB01".normalize("NFKD"));         // expect: fi
print("\u1E9B\u0323".normalize("NFKC") === "\u1E69"); // expect: true
try { "x".normalize("nfc"); } catch (e) { print(e.name); } // expect: RangeError
var parts = [];
for (var c of "a\u{1F600}b") parts.push(c.length);
print(parts.join(","));                    // expect: 1,2,1
var it = "x"[Symbol.iterator]();
print(Object.prototype.toString.call(it)); // expect: [object String Iterator]
print(it.next().value, it.next().done);    // expect: x true
print("\u0345\u03A3".toLowerCase() === "\u0345\u03C3");     // expect: true
print("\u0391\u0345\u03A3".toLowerCase() === "\u03B1\u0345\u03C2"); // expect: true
