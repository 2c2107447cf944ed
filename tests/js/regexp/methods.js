// String methods through RegExp's Symbol methods; constructor, source,
// flags, toString, species.
print("a1b22c333".replace(/\d+/, "#"), "a1b22c333".replace(/\d+/g, "#"), "aaa".replace(/a*?/g, "-"));  // expect: a#b22c333 a#b#c# -a-a-a-
print("abc".replace(/(?:)/g, "-"), "x-y".replace(/(\w)-(\w)/, "$2-$1"), "ab".replace(/b/, "[$`|$&|$'|$$]"));  // expect: -a-b-c- y-x a[a|b||$]
print("a1b2".replace(/(\d)/g, "[$1|$01|$2|$10|$<n>]"), "abc".replace(/(?<n>b)/, "[$<n>|$<x>]"));  // expect: a[1|1|$2|10|$<n>]b[2|2|$2|20|$<n>] a[b|]c
print("abc".replace(/b/g, function (m, i, s) { return m.toUpperCase() + i + s; }));  // expect: aB1abcc
print("2024-05".replace(/(?<y>\d+)-(?<m>\d+)/, function () { var g = arguments[arguments.length - 1]; return g.m + "/" + g.y; }));  // expect: 05/2024
print("aXbX".replaceAll(/x/gi, "_"), "abc".replace(/B/i, "$&$&"));  // expect: a_b_ abbc
try { "a".replaceAll(/a/, "b"); } catch (e) { print(e.name); }  // expect: TypeError
print("a-b_c".split(/[-_]/).join("|"), "abc".split(/(b)/).join("|"), "abc".split(/(?:)/).join("|"), "".split(/x/).length, "".split(/(?:)/).length);  // expect: a|b|c a|b|c a|b|c 1 0
print("a,b,c".split(/,/, 2).join("|"), "a1b2c3".split(/(\d)/, 4).join("|"), "test".split(/(t)?/).join("|"));  // expect: a|b a|1|b|2 |t|e||s|t|
print("x".split(/(x)(y)?/).length, "A<B>bold</B>and<CODE>coded</CODE>".split(/<(\/)?([^<>]+)>/).join("|"));  // expect: 4 A||B|bold|/|B|and||CODE|coded|/|CODE|
print("test".search(/s/), "test".search(/x/), "test".search("e"), "aXbX".match(/x/gi).join(), "abc".match(/z/g));  // expect: 2 -1 1 X,X null
print("abc".match(/b/).index, "a.b".match("."), "abc".match(/(?:)/g).length);  // expect: 1 a 4
var all = [];
var it = "a1b22c333".matchAll(/\d+/g), r;
while (!(r = it.next()).done) all.push(r.value[0] + "@" + r.value.index);
print(all.join(), Object.prototype.toString.call("x".matchAll(/x/g)));  // expect: 1@1,22@3,333@6 [object RegExp String Iterator]
try { "a".matchAll(/a/); } catch (e) { print(e.name); }  // expect: TypeError
var empties = [];
var it2 = "ab".matchAll(/(?:)/g);
while (!(r = it2.next()).done) empties.push(r.value.index);
print(empties.join());  // expect: 0,1,2
// lastIndex is left as the spec says.
var g = /a/g;
g.lastIndex = 3;
print("aaa".replace(g, "b"), g.lastIndex, "aaa".search(g), g.lastIndex);  // expect: bbb 0 0 0
var y = /b/y;
print("abb".replace(y, "X"), y.lastIndex, "bba".replace(/b/gy, "X"), "abab".split(/b/y).join("|"));  // expect: abb 0 XXa a|a|
// Constructor forms.
var re = /x/gi;
print(RegExp(re) === re, new RegExp(re) === re, new RegExp(re, "m").flags, RegExp(re, "y").flags, String(RegExp("a|b", "g")));  // expect: true false m y /a|b/g
print(String(new RegExp()), String(new RegExp(undefined)), String(new RegExp(null)), String(new RegExp(1, undefined)));  // expect: /(?:)/ /(?:)/ /null/ /1/
var fake = { source: "q+", flags: "m" };
fake[Symbol.match] = true;
print(String(new RegExp(fake)), String(RegExp(fake, "g")), RegExp(fake) === fake);  // expect: /q+/m /q+/g false
fake.constructor = RegExp;
print(RegExp(fake) === fake);  // expect: true
// source and toString.
print(new RegExp("/").source, new RegExp("a/b").source, new RegExp("[/]").source, new RegExp("\\/").source);  // expect: \/ a\/b [/] \/
print(new RegExp("\n").source, new RegExp("\\\n").source, new RegExp("\u2028").source, new RegExp("").source);  // expect: \n \n \u2028 (?:)
print(String(/a/gimsuyd), /a/v.flags, RegExp.prototype.source, RegExp.prototype.flags, String(RegExp.prototype));  // expect: /a/dgimsuy v (?:)  /(?:)/
print(RegExp.prototype.global, RegExp.prototype.sticky, Object.prototype.toString.call(/x/));  // expect: undefined undefined [object RegExp]
try { Object.getOwnPropertyDescriptor(RegExp.prototype, "global").get.call({}); } catch (e) { print(e.name); }  // expect: TypeError
print(RegExp.prototype.toString.call({ source: "S", flags: "F" }));  // expect: /S/F
var fl = [];
var spy = {};
["hasIndices", "global", "ignoreCase", "multiline", "dotAll", "unicode", "unicodeSets", "sticky"].forEach(function (k) {
  Object.defineProperty(spy, k, { get: function () { fl.push(k); return true; } });
});
// The getters run in the spec order (node 20 reads sticky before unicodeSets).
print(Object.getOwnPropertyDescriptor(RegExp.prototype, "flags").get.call(spy), fl.join());  // expect: dgimsuvy hasIndices,global,ignoreCase,multiline,dotAll,unicode,unicodeSets,sticky
// lastIndex is an own, non-enumerable, non-configurable data property.
var d = Object.getOwnPropertyDescriptor(/x/, "lastIndex");
print(d.value, d.writable, d.enumerable, d.configurable, Object.getOwnPropertyNames(/x/).join());  // expect: 0 true false false lastIndex
var ro = /a/g;
Object.defineProperty(ro, "lastIndex", { writable: false });
try { ro.exec("a"); } catch (e) { print(e.name); }  // expect: TypeError
try { ro.test("b"); } catch (e) { print(e.name); }  // expect: TypeError
// Species: a RegExp "subclass" made without class syntax.
function MyRE(p, f) { return Reflect.construct(RegExp, [p, f], MyRE); }
Object.setPrototypeOf(MyRE.prototype, RegExp.prototype);
Object.setPrototypeOf(MyRE, RegExp);
var mine = new MyRE("b", "g");
print(mine instanceof MyRE, mine instanceof RegExp, "abcb".split(mine).join("|"), RegExp[Symbol.species] === RegExp);  // expect: true true a|c| true
var made = [];
function Spy(p, f) { made.push(String(f)); return new RegExp(p, f); }
var sre = /,/;
sre.constructor = {};
sre.constructor[Symbol.species] = Spy;
print("a,b".split(sre).join("|"), made.join());  // expect: a|b y
// Annex B compile.
var c = /a/g;
c.lastIndex = 2;
print(c.compile("b+", "i") === c, String(c), c.lastIndex, String(c.compile(/x/m)));  // expect: true /b+/i 0 /x/m
try { c.compile(/x/, "g"); } catch (e) { print(e.name); }  // expect: TypeError
// The literal makes a new object each time it is evaluated.
function lit() { return /a/g; }
print(lit() === lit(), lit().lastIndex, Object.getPrototypeOf(lit()) === RegExp.prototype);  // expect: false 0 true
