// ES2025 additions node 20 lacks: duplicate named groups, modifiers,
// RegExp.escape. Expectations checked against the spec by hand.
function m(re, s) {
  var r = re.exec(s);
  if (r === null) return "null";
  var out = JSON.stringify(Array.prototype.slice.call(r)) + "@" + r.index;
  if (r.groups) out += " " + JSON.stringify(r.groups);
  if (r.indices) out += " " + JSON.stringify(r.indices.groups);
  return out;
}
// Duplicate names in different alternatives: the group that matched.
print(m(/(?<a>x)|(?<a>y)/, "y"));  // expect: ["y",null,"y"]@0 {"a":"y"}
print(m(/(?<a>x)|(?<a>y)/d, "x"));  // expect: ["x","x",null]@0 {"a":"x"} {"a":[0,1]}
print(m(/(?:(?<a>x)|(?<a>y))\k<a>/, "yy"));  // expect: ["yy",null,"y"]@0 {"a":"y"}
print(m(/(?:(?<a>x)|(?<a>y))+/, "xy"));  // expect: ["xy",null,"y"]@0 {"a":"y"}
print(Object.keys(/(?<b>.)|(?<a>.)|(?<b>x)/.exec("q").groups).join());  // expect: b,a
print("xy".replace(/(?<a>x)|(?<a>y)/g, "[$<a>]"));  // expect: [x][y]
// Modifiers: flags for part of a pattern.
print(m(/(?i:a)b/, "Ab"), m(/(?i:a)b/, "AB"));  // expect: ["Ab"]@0 null
print(m(/(?-i:a)b/i, "aB"), m(/(?-i:a)b/i, "AB"));  // expect: ["aB"]@0 null
print(m(/(?m:^b)/, "a\nb"), m(/^b/, "a\nb"), m(/(?s:.)./, "\n\n"), m(/(?i-s:a.)/s, "A\n"));  // expect: ["b"]@2 null null null
print(m(/(?i:\w)/u, "\u017f"), m(/(?i:[^a])/, "A"), m(/(?i:(a))\1/, "Aa"), m(/(a)(?i:\1)/, "aA"));  // expect: ["ſ"]@0 null null ["aA","a"]@0
// RegExp.escape.
print(RegExp.escape("foo.bar?"));  // expect: \x66oo\.bar\?
print(RegExp.escape("1 + 1 = 2"));  // expect: \x31\x20\+\x201\x20\x3d\x202
print(RegExp.escape("(a|b)/[c]{d}^$\\"));  // expect: \(a\|b\)\/\[c\]\{d\}\^\$\\
print(RegExp.escape("\n\t,-_\u2028\ud800\u00e9"));  // expect: \n\t\x2c\x2d_\u2028\ud800é
print(new RegExp(RegExp.escape("a.b*c")).test("a.b*c"), new RegExp(RegExp.escape("a.b*c")).test("axbbc"));  // expect: true false
try { RegExp.escape(1); } catch (e) { print(e.name); }  // expect: TypeError
print(RegExp.escape.length, RegExp.escape.name);  // expect: 1 escape
