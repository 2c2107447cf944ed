// Pattern syntax: escapes, classes, quantifiers, Annex B forms, errors.
function m(re, s) { var r = re.exec(s); return r === null ? "null" : JSON.stringify(Array.prototype.slice.call(r)) + "@" + r.index; }
print(m(/\d\D\s\S\w\W/, "1a b_!"), m(/[\d-]+/, "1-2x"), m(/[^\s]+/, "  ab "));  // expect: ["1a b_!"]@0 ["1-2"]@0 ["ab"]@2
print(m(/\x41\u0042\103/, "ABC"), m(/\0/, "a\0"), m(/\cJ/, "\n"), m(/[\b]/, "a\bb"));  // expect: ["ABC"]@0 ["\u0000"]@1 ["\n"]@0 ["\b"]@1
print(m(/a{2}/, "aaa"), m(/a{2,}/, "aaaa"), m(/a{1,2}/, "aaa"), m(/a{0}/, "a"), m(/a{3,5}?/, "aaaaa"));  // expect: ["aa"]@0 ["aaaa"]@0 ["aa"]@0 [""]@0 ["aaa"]@0
print(m(/^abc$/, "abc"), m(/^b/m, "a\nb"), m(/a$/m, "a\nb"), m(/a.c/, "a\nc"), m(/a.c/s, "a\nc"));  // expect: ["abc"]@0 ["b"]@2 ["a"]@0 null ["a\nc"]@0
print(m(/\bb/, "a b"), m(/\Bb/, "ab"), m(/a\b/, "a"), m(/\B/, "ab"));  // expect: ["b"]@2 ["b"]@1 ["a"]@0 [""]@1
// Annex B: literal braces and brackets, octal escapes, identity escapes.
print(m(/a{,2}/, "a{,2}"), m(/{/, "{"), m(/x{a}/, "x{a}"), m(/]/, "]"), m(/}/, "}"));  // expect: ["a{,2}"]@0 ["{"]@0 ["x{a}"]@0 ["]"]@0 ["}"]@0
print(m(/\8\9/, "89"), m(/\12/, "\n"), m(/\101/, "A"), m(/(a)\1/, "aa"), m(/(a)\2/, "a\x02"));  // expect: ["89"]@0 ["\n"]@0 ["A"]@0 ["aa","a"]@0 ["a\u0002","a"]@0
print(m(/\c/, "\\c"), m(/[\c]/, "c"), m(/[\c1]/, "\x11"), m(/\k/, "k"), m(/\q/, "q"));  // expect: ["\\c"]@0 ["c"]@0 ["\u0011"]@0 ["k"]@0 ["q"]@0
print(m(/[\d-z]+/, "1-z"), m(/[a-\s]+/, "a- "), m(/\u{3}/, "uuu"), m(/\x4/, "x4"));  // expect: ["1-z"]@0 ["a- "]@0 ["uuu"]@0 ["x4"]@0
print(m(/(?=a)*a/, "a"), m(/(?!b)+a/, "a"));  // expect: ["a"]@0 ["a"]@0
// Classes.
print(m(/[a-c]+/, "xabcd"), m(/[^a-c]+/, "abxyc"), m(/[]/, "a"), m(/[^]/, "\n"), m(/[-a]+/, "a-"), m(/[a-]+/, "-a"));  // expect: ["abc"]@1 ["xy"]@2 null ["\n"]@0 ["a-"]@0 ["-a"]@0
print(m(/[\]\\]+/, "]\\"), m(/[.*+?]+/, "a.*+?"), m(/[\u0041-\u0043]+/, "ABCD"));  // expect: ["]\\"]@0 [".*+?"]@1 ["ABC"]@0
// Errors come from the same check as literals.
function err(src, flags) {
  try { new RegExp(src, flags); return "no error"; } catch (e) { return e.name + ": " + e.message; }
}
print(err("("));  // expect: SyntaxError: Invalid regular expression: /(/: Unterminated group
print(err(")"));  // expect: SyntaxError: Invalid regular expression: /)/: Unmatched ')'
print(err("["));  // expect: SyntaxError: Invalid regular expression: /[/: Unterminated character class
print(err("a**"));  // expect: SyntaxError: Invalid regular expression: /a**/: Nothing to repeat
print(err("a{2,1}"));  // expect: SyntaxError: Invalid regular expression: /a{2,1}/: numbers out of order in {} quantifier
print(err("\\"));  // expect: SyntaxError: Invalid regular expression: /\/: \ at end of pattern
print(err("(?<a>x)(?<a>y)"));  // expect: SyntaxError: Invalid regular expression: /(?<a>x)(?<a>y)/: Duplicate capture group name
print(err("[z-a]"));  // expect: SyntaxError: Invalid regular expression: /[z-a]/: Range out of order in character class
print(err("(?<1>x)"));  // expect: SyntaxError: Invalid regular expression: /(?<1>x)/: Invalid capture group name
print(err("\\k<x>(?<y>.)"));  // expect: SyntaxError: Invalid regular expression: /\k<x>(?<y>.)/: Invalid named capture referenced
print(err("\\u{110000}", "u"));  // expect: SyntaxError: Invalid regular expression: /\u{110000}/u: Invalid Unicode escape
print(err("\\-", "u"));  // expect: SyntaxError: Invalid regular expression: /\-/u: Invalid escape
print(err("[\\d-z]", "u"));  // expect: SyntaxError: Invalid regular expression: /[\d-z]/u: Invalid character class
print(err("a{", "u"));  // expect: SyntaxError: Invalid regular expression: /a{/u: Incomplete quantifier
print(err("\\p{Nope}", "u"));  // expect: SyntaxError: Invalid regular expression: /\p{Nope}/u: Invalid property name
print(err("\\1", "u"));  // expect: SyntaxError: Invalid regular expression: /\1/u: Invalid escape
print(err("a", "uv"));  // expect: SyntaxError: Invalid flags supplied to RegExp constructor 'uv'
print(err("a", "x"));  // expect: SyntaxError: Invalid flags supplied to RegExp constructor 'x'
print(err("a", "gg"));  // expect: SyntaxError: Invalid flags supplied to RegExp constructor 'gg'
