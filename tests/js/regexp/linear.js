// The linear-time matcher alone (a budget of 0 backtracks): the same
// results as the backtracker (tests/js/regexp/backtrack.js and node) on
// patterns without backreferences or lookarounds: quantifiers unrolled,
// empty checks, group resets, flags, sticky/global starts, code points.
// flags: --regexp-backtracks-before-fallback=0
function m(re, s, li) {
  if (li !== undefined) re.lastIndex = li;
  var r = re.exec(s);
  if (r === null) return "null" + (re.global || re.sticky ? "/" + re.lastIndex : "");
  var out = JSON.stringify(Array.prototype.slice.call(r)) + "@" + r.index;
  if (r.groups) out += JSON.stringify(r.groups);
  if (r.indices) out += JSON.stringify(Array.prototype.slice.call(r.indices));
  if (re.global || re.sticky) out += "/" + re.lastIndex;
  return out;
}
// Quantifiers: greedy, lazy, counted, nested; alternation in priority order.
print(m(/a*?b/, "aaab"), m(/a+?/, "aaa"), m(/a??b/, "ab"), m(/(a+)(a+)/, "aaaa"), m(/(a+?)(a+)/, "aaaa"));
// expect: ["aaab"]@0 ["a"]@0 ["ab"]@0 ["aaaa","aaa","a"]@0 ["aaaa","a","aaa"]@0
print(m(/(a|ab)(c|bcd)(d*)/, "abcd"), m(/a|ab/, "abc"), m(/((a)|b)+/, "ab"), m(/(z)((a+)?(b+)?(c))*/, "zaacbbbcac"));
// expect: ["abcd","a","bcd",""]@0 ["a"]@0 ["ab","b",null]@0 ["zaacbbbcac","z","ac","a",null,"c"]@0
print(m(/a{2,4}/, "aaaaa"), m(/a{2,4}?/, "aaaaa"), m(/a{3}/, "aa"), m(/(?:ab){2,}/, "abababa"), m(/(?:ab){2,}?/, "ababab"));
// expect: ["aaaa"]@0 ["aa"]@0 null ["ababab"]@0 ["abab"]@0
print(m(/(a|b){3}/, "abab"), m(/(\d{1,3}\.){3}\d{1,3}/, "ip 192.168.1.25 x"), m(/x{0}y/, "xy"), m(/(a){0}b/, "ab"));
// expect: ["aba","a"]@0 ["192.168.1.25","1."]@3 ["y"]@1 ["b",null]@1
print(m(/(a{1,2}?){2,3}/, "aaaaaa"), m(/((a{1,2}){2}){2}/, "aaaaaaaa"), m(/(?:(a)|(b)|(c))+/, "abcab"), m(/(a|b)*?c/, "abac"));
// expect: ["aaa","a"]@0 ["aaaaaaaa","aaaa","aa"]@0 ["abcab",null,"b",null]@0 ["abac","a"]@0
// Loops whose body can match empty: an empty iteration past the minimum is refused.
print(m(/(a*)*/, "b"), m(/(a*)+/, "b"), m(/(?:a?)*?b/, "ab"), m(/(a?)*?/, "a"), m(/(?:(a)|b)*/, "ab"));
// expect: ["",null]@0 ["",""]@0 ["ab"]@0 ["",null]@0 ["ab",null]@0
print(m(/^(?:a+|b)*$/, "aab"), m(/(x*)*y/, "xxy"), m(/(?:x|)*y/, "xy"), m(/(a{0,2}){3}/, "aaaaa"), m(/(a*?){2,}/, "aa"));
// expect: ["aab"]@0 ["xxy","xx"]@0 ["xy"]@0 ["aaaaa","a"]@0 ["aa","a"]@0
print(m(/(|a)+/, "aa"), m(/(a|)+/, "aa"), m(/(|a)*b/, "aab"), m(/(?:(a)|())*?b/, "aab"), m(/((a)|(b)|())*/, "ab"));
// expect: ["aa","a"]@0 ["aa","a"]@0 ["aab","a"]@0 ["aab","a",null]@0 ["ab","b",null,"b",null]@0
print(m(/(?:a*|b)*c/, "abbac"), m(/((a*)b*)*/, "aabbab"), m(/(\b)*a/, "a"), m(/(?:$|a)*/, "aa"), m(/(?:^a|b)+/, "abab"));
// expect: ["abbac"]@0 ["aabbab","ab","a"]@0 ["a",null]@0 ["aa"]@0 ["ab"]@0
// Groups are reset at each iteration; the last one wins.
print(m(/(?:(a)|b)+/, "ab"), m(/((a)|(b))+/, "abba"), m(/(?:(\d)x|(\w)y)*/, "1x2yay3x"), m(/(a(b)?)+/, "aba"));
// expect: ["ab",null]@0 ["abba","a","a",null]@0 ["1x2yay3x","3",null]@0 ["aba","a",null]@0
// Anchors, word boundaries, multiline, dotAll.
print(m(/^abc$/, "abc"), m(/^b/, "ab"), m(/b$/m, "ab\ncd"), m(/^c/m, "ab\ncd"), m(/\bfoo\b/, "a foo b"), m(/\Boo/, "foo"));
// expect: ["abc"]@0 null ["b"]@1 ["c"]@3 ["foo"]@2 ["oo"]@1
print(m(/a.c/, "a\nc"), m(/a.c/s, "a\nc"), m(/.+/, "ab\ncd"), m(/[^]+/, "ab\ncd"), m(/^$/m, "a\n\nb"), m(/$/, "ab"));
// expect: null ["a\nc"]@0 ["ab"]@0 ["ab\ncd"]@0 [""]@2 [""]@2
// Global, sticky and lastIndex.
var g = /a(b)?/g;
print(m(g, "xabxa"), m(g, "xabxa"), m(g, "xabxa"), m(/b/y, "ab"), m(/b/y, "ab", 1), m(/a|/gy, "ba", 1), m(/$/g, "ab", 2));
// expect: ["ab","b"]@1/3 ["a",null]@4/5 null/0 null/0 ["b"]@1/2 ["a"]@1/2 [""]@2/2
print("aXbXc".split(/x/i), "a1b22c".replace(/\d+/g, "#"), "2024-01-15".replace(/(\d+)-(\d+)-(\d+)/, "$3/$2/$1"));
// expect: a,b,c a#b#c 15/01/2024
print(Array.from("a1b2c3".matchAll(/[a-z](\d)/g), function (x) { return x[1] + "@" + x.index; }).join(), "aaa".replace(/a*?/g, "-"));
// expect: 1@0,2@2,3@4 -a-a-a-
print("x".replace(/(?:)/g, "-"), "abc".split(/(?:)/), "a,b;;c".split(/[,;]/), "a1b".split(/(\d)/), "test".search(/s/));
// expect: -x- a,b,c a,b,,c a,1,b 2
// Case-insensitive, including Unicode simple case folding with u.
print(m(/ABC/i, "xabcx"), m(/[a-c]+/i, "xABCx"), m(/\u017f/i, "S"), m(/\u017f/iu, "s"), m(/\u212a/iu, "k"), m(/[^k]/iu, "\u212a"));
// expect: ["abc"]@1 ["ABC"]@1 null ["s"]@0 ["k"]@0 null
print(m(/\w/iu, "\u017f"), m(/\W/iu, "\u017f"), m(/\bx/iu, "\u017fx"), m(/(?i:a)b/, "Ab"), m(/(?i:a)b/, "AB"), m(/a(?-i:b)/i, "AB"));
// expect: ["ſ"]@0 null null ["Ab"]@0 null null
// Unicode: characters are code points.
print(m(/./u, "\ud83d\ude00"), m(/./, "\ud83d\ude00"), m(/^.$/u, "\ud83d\ude00"), m(/\ud83d/u, "\ud83d\ude00"), m(/\ude00/u, "\ud83d\ude00"));
// expect: ["😀"]@0 ["\ud83d"]@0 ["😀"]@0 null null
print(m(/[\u{1F600}-\u{1F64F}]+/u, "x\u{1F600}\u{1F601}y"), m(/\u{1F600}{2}/u, "\u{1F600}\u{1F600}"), m(/\p{Lu}+/u, "abCDe"), m(/[\p{L}--[a-z]]+/v, "abCDe"));
// expect: ["😀😁"]@1 ["😀😀"]@0 ["CD"]@2 ["CD"]@2
print(m(/(?:)/gu, "\ud83d\ude00", 1), m(/\ude00/gu, "\ud83d\ude00", 1), m(/./gu, "a\ud83d\ude00", 1), m(/^[^x]/u, "\ud83d\ude00"));
// expect: [""]@0/0 null/0 ["😀"]@1/3 ["😀"]@0
print(m(/[\q{abc|ab}x]+/v, "abcab"), m(/[\q{}a]b/v, "b"), m(/\p{RGI_Emoji_Flag_Sequence}/v, "x\u{1F1FA}\u{1F1F8}"));
// expect: ["abcab"]@0 ["b"]@0 ["🇺🇸"]@1
// Named groups, duplicate names in alternatives, the d flag.
print(m(/(?<y>\d{4})-(?<m>\d\d)/, "on 2024-05"), m(/(?<a>x)|(?<a>y)/, "y"), m(/(?<a>x)|(?<a>y)/d, "zy"), m(/a(b)?c/d, "ac"));
// expect: ["2024-05","2024","05"]@3{"y":"2024","m":"05"} ["y",null,"y"]@0{"a":"y"} ["y",null,"y"]@1{"a":"y"}[[1,2],null,[1,2]] ["ac",null]@0[[0,2],null]
print(m(/(a)(?:b(c))*/d, "abcb"), m(/(?<w>\w+) (?<n>\d+)/dg, "ab 12 cd 34", 3), RegExp.$1, RegExp.lastMatch);
// expect: ["abc","a","c"]@0[[0,3],[0,1],[2,3]] ["cd 34","cd","34"]@6{"w":"cd","n":"34"}[[6,11],[6,8],[9,11]]/11 cd cd 34
