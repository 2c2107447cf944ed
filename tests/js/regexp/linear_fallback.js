// Patterns that backtrack exponentially: the backtracker spends its
// budget (proportional to input length x linear code size), then the
// linear-time matcher finishes the search with the same result, as V8
// falls back to its experimental engine. Without the fallback each of
// these would run for hours. Lookbehinds and backreferences keep the
// backtracker alone.
function m(re, s) {
  var r = re.exec(s);
  return r === null ? "null" : JSON.stringify(Array.prototype.slice.call(r)) + "@" + r.index;
}
var a30 = "a".repeat(30), a5k = "a".repeat(5000), x40 = "x".repeat(40);
print(/(a+)+b/.test(a30), /(a+)+b/.test(a5k), /(a|aa)+$/.test(a30 + "!"), /(x+x+)+y/.test(x40), /^(\w+\s?)*$/.test("word ".repeat(30) + "!"));
// expect: false false false false false
print(m(/(a+)+b|(a)/, a30), m(/(a+)+b/, a30 + "!aab"), m(/(?:a|a)*c|(a{3})$/, a30), m(/^(a?){30}a{30}$/, a30));
// expect: ["a",null,"a"]@0 ["aab","aa"]@31 ["aaa","aaa"]@27 ["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",""]@0
print(m(/(.*a){20}b|(\d)/, a30 + "1"), m(/(?<=(a+)+)b/, "aab"));
// expect: ["1",null,"1"]@30 ["b","aa"]@2
print((a30 + "!aab!ab").match(/(a+)+b/g).join(), (a30 + "b").replace(/(a+)+c|b/g, "B").length, (a30 + "!").split(/(a+)+!/).length);
// expect: aab,ab 31 3
var g = /(x+x+)+y/g;
print(g.test(x40 + "xy"), g.lastIndex, g.test(x40), g.lastIndex);
// expect: true 42 false 0
