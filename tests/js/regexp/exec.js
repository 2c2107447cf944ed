// RegExp.prototype.exec: result arrays, lastIndex with g and y, groups, indices (d).
function show(m) {
  if (m === null) return "null";
  var s = JSON.stringify(Array.prototype.slice.call(m)) + " @" + m.index + " in " + JSON.stringify(m.input);
  if (m.groups !== undefined) s += " groups=" + JSON.stringify(m.groups) + " proto=" + Object.getPrototypeOf(m.groups);
  if (m.indices) s += " indices=" + JSON.stringify(Array.prototype.slice.call(m.indices)) + " igroups=" + JSON.stringify(m.indices.groups);
  return s;
}
print(show(/b+/.exec("abbbc")));  // expect: ["bbb"] @1 in "abbbc"
print(show(/(a)(b)?/.exec("xa")));  // expect: ["a","a",null] @1 in "xa"
print(Object.keys(/(a)/.exec("a")).join());  // expect: 0,1,index,input,groups
print(show(/(?<first>\w+) (?<last>\w+)/.exec("Ada Lovelace")));  // expect: ["Ada Lovelace","Ada","Lovelace"] @0 in "Ada Lovelace" groups={"first":"Ada","last":"Lovelace"} proto=null
print(show(/(?<x>a)|(?<y>b)/d.exec("zb")));  // expect: ["b",null,"b"] @1 in "zb" groups={"y":"b"} proto=null indices=[[1,2],null,[1,2]] igroups={"y":[1,2]}
print(show(/a(b)?c/d.exec("ac")));  // expect: ["ac",null] @0 in "ac" indices=[[0,2],null] igroups=undefined
print(show(/z/.exec("abc")));  // expect: null
// lastIndex: ignored without g or y, advanced with them, reset on failure.
var re = /o/g;
print(re.exec("foo boo").index, re.lastIndex, re.exec("foo boo").index, re.lastIndex);  // expect: 1 2 2 3
print(re.exec("foo boo").index, re.exec("foo boo").index, re.exec("foo boo"), re.lastIndex);  // expect: 5 6 null 0
var nog = /o/;
nog.lastIndex = 5;
print(nog.exec("foo").index, nog.lastIndex);  // expect: 1 5
var st = /o/y;
st.lastIndex = 1;
print(show(st.exec("foo")), st.lastIndex);  // expect: ["o"] @1 in "foo" 2
st.lastIndex = 0;
print(st.exec("foo"), st.lastIndex);  // expect: null 0
var big = /a/g;
big.lastIndex = 10;
print(big.exec("aaa"), big.lastIndex);  // expect: null 0
big.lastIndex = -5;
print(big.exec("aaa").index, big.lastIndex);  // expect: 0 1
big.lastIndex = { valueOf: function () { return 2; } };
print(big.exec("aaa").index, big.lastIndex);  // expect: 2 3
// test() shares exec's lastIndex rules.
var t = /a/g;
print(t.test("aa"), t.lastIndex, t.test("aa"), t.lastIndex, t.test("aa"), t.lastIndex);  // expect: true 1 true 2 false 0
// exec with unicode: lastIndex inside a surrogate pair means the pair.
var u = /./gu;
u.lastIndex = 1;
print(show(u.exec("\ud83d\ude00x")), u.lastIndex);  // expect: ["😀"] @0 in "😀x" 2
var nu = /./g;
nu.lastIndex = 1;
print(nu.exec("\ud83d\ude00x")[0].length, nu.lastIndex);  // expect: 1 2
// A user exec is what test/match/replace call.
var custom = /x/;
custom.exec = function (s) { return { 0: "hi", index: 0, length: 1 }; };
print(custom.test("zzz"), "zzz".replace(custom, "[$&]"));  // expect: true [hi]z
custom.exec = function () { return 42; };
try { custom.test("a"); } catch (e) { print(e.name); }  // expect: TypeError
// ToString of the argument.
print(/1/.exec(123).index, /null/.test(null), /undefined/.test());  // expect: 0 true true
// Receiver checks.
try { RegExp.prototype.exec.call({}, ""); } catch (e) { print(e.name + ": " + e.message); }  // expect: TypeError: Method RegExp.prototype.exec called on incompatible receiver #<Object>
try { RegExp.prototype.test.call(1, ""); } catch (e) { print(e.name); }  // expect: TypeError
