// Annex B legacy static properties (RegExp.$1 and friends), as the
// legacy RegExp features proposal specifies them.
print(JSON.stringify([RegExp.$1, RegExp.input, RegExp.lastMatch, RegExp.leftContext]));  // expect: ["","","",""]
/(\d+)-(\d+)/.exec("tel 123-4567 x");
print(RegExp.$1, RegExp.$2, RegExp.$3 === "", RegExp.lastMatch, RegExp["$&"], RegExp.lastParen, RegExp["$+"]);  // expect: 123 4567 true 123-4567 123-4567 4567 4567
print(JSON.stringify([RegExp.leftContext, RegExp["$`"], RegExp.rightContext, RegExp["$'"], RegExp.input, RegExp.$_]));  // expect: ["tel ","tel "," x"," x","tel 123-4567 x","tel 123-4567 x"]
"a1b2".replace(/(\w)(\d)/g, "");
print(RegExp.$1, RegExp.$2, RegExp.lastMatch, RegExp.leftContext);  // expect: b 2 b2 a1
/(a)|(b)/.test("b");
print(JSON.stringify([RegExp.$1, RegExp.$2, RegExp.lastParen]));  // expect: ["","b","b"]
RegExp.input = "zzz";
print(RegExp.input, RegExp.$_, RegExp.lastMatch);  // expect: zzz zzz b
/x/.test("nope");
print(RegExp.lastMatch);  // expect: b
"x,y".split(/(,)/);
print(RegExp.$1, RegExp.lastMatch);  // expect: , ,

// Only %RegExp% answers; only input and $_ can be set.
var d = Object.getOwnPropertyDescriptor(RegExp, "$1");
print(typeof d.get, d.set, d.enumerable, d.configurable);  // expect: function undefined false true
print(typeof Object.getOwnPropertyDescriptor(RegExp, "$_").set);  // expect: function
try { d.get.call({}); } catch (e) { print(e.name); }  // expect: TypeError
// A match by an instance of a "subclass" makes them unavailable.
function Sub(p) { return Reflect.construct(RegExp, [p], Sub); }
Object.setPrototypeOf(Sub.prototype, RegExp.prototype);
new Sub("a").exec("a");
try { RegExp.$1; } catch (e) { print(e.name); }  // expect: TypeError
/(q)/.exec("q");
print(RegExp.$1);  // expect: q
try { new Sub("a").compile("b"); } catch (e) { print(e.name); }  // expect: TypeError
