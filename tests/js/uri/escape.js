// Annex B escape/unescape: code-unit percent encoding.
print(escape('abc ABZ 09 @*_+-./'));  // expect: abc%20ABZ%2009%20@*_+-./
print(escape('\u00e9\u0100\ud83d\ude00'));  // expect: %E9%u0100%uD83D%uDE00
print(escape(''), escape(12), escape(null));  // expect:  12 null
print(unescape('%41%u0042%u00e9%zz%u12%'));  // expect: ABé%zz%u12%
print(unescape('%uD83D%uDE00') === '\ud83d\ude00');  // expect: true
print(unescape(escape('\u0000\uffff\t')) === '\u0000\uffff\t');  // expect: true
try { escape(Symbol()); } catch (e) { print(e.name); }  // expect: TypeError
print(escape.length, unescape.name, Object.getOwnPropertyDescriptor(globalThis, 'escape').enumerable);  // expect: 1 unescape false
