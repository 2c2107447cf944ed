// Backtracking: quantifiers, alternation order, captures in loops,
// lookaround, backreferences, and patterns that must not exhaust memory.
function m(re, s) { var r = re.exec(s); return r === null ? "null" : JSON.stringify(Array.prototype.slice.call(r)) + "@" + r.index; }
print(m(/a*?b/, "aaab"), m(/a+?/, "aaa"), m(/a??b/, "ab"), m(/(a+)(a+)/, "aaaa"), m(/(a+?)(a+)/, "aaaa"));  // expect: ["aaab"]@0 ["a"]@0 ["ab"]@0 ["aaaa","aaa","a"]@0 ["aaaa","a","aaa"]@0
print(m(/(a|ab)(c|bcd)(d*)/, "abcd"), m(/a|ab/, "abc"), m(/((a)|b)+/, "ab"), m(/(z)((a+)?(b+)?(c))*/, "zaacbbbcac"));  // expect: ["abcd","a","bcd",""]@0 ["a"]@0 ["ab","b",null]@0 ["zaacbbbcac","z","ac","a",null,"c"]@0
print(m(/(a*)*/, "b"), m(/(a*)+/, "b"), m(/(?:a?)*?b/, "ab"), m(/(a?)*?/, "a"), m(/(?:(a)|b)*/, "ab"));  // expect: ["",null]@0 ["",""]@0 ["ab"]@0 ["",null]@0 ["ab",null]@0
print(m(/^(?:a+|b)*$/, "aab"), m(/(x*)*y/, "xxy"), m(/(?:x|)*y/, "xy"), m(/(a{0,2}){3}/, "aaaaa"));  // expect: ["aab"]@0 ["xxy","xx"]@0 ["xy"]@0 ["aaaaa","a"]@0
print(m(/(?=(a+))a*b\1/, "baaabac"), m(/(?=(a+))/, "baaabac"), m(/(.*?)a(?!(a+)b\2c)\2(.*)/, "baaabaac"));  // expect: ["aba","a"]@3 ["","aaa"]@1 ["baaabaac","ba",null,"abaac"]@0
print(m(/(?!(a))\1b/, "b"), m(/(?=(a))\1?b/, "ab"), m(/(?=(\w+))\1:/, "abc:"), m(/a(?=b)/, "acab"));  // expect: ["b",null]@0 ["ab","a"]@0 ["abc:","abc"]@0 ["a"]@2
print(m(/(?<=\$)\d+/, "cost $42"), m(/(?<!\$)\b\d+/, "$4 7"), m(/(?<=(\d+)(\d+))$/, "1053"), m(/(?<=\1(a))b/, "aab"));  // expect: ["42"]@6 ["7"]@3 ["","1","053"]@4 ["b","a"]@2
print(m(/(?<=a(?=b)b)c/, "abc"), m(/(?<=(?<!x)a)b/, "xab ab"), m(/(?<=^|,)\w+/, "x,yz"), m(/(?<=a{2})b/, "aab"));  // expect: ["c"]@2 ["b"]@5 ["x"]@0 ["b"]@2
print(m(/(a)\1/, "aa"), m(/(a)?\1b/, "b"), m(/\1(a)/, "aa"), m(/(a)|\1b/, "b"), m(/(?:(a)|\1b)*/, "ab"));  // expect: ["aa","a"]@0 ["b",null]@0 ["a","a"]@0 ["b",null]@0 ["ab",null]@0
print(m(/(?<q>['"]).*?\k<q>/, "say 'hi' \"x\""), m(/(\w)(\w)\2\1/, "abba"), m(/(.)\1{2}/, "abbbc"));  // expect: ["'hi'","'"]@4 ["abba","a","b"]@0 ["bbb","b"]@1
print(m(/x*y+$/, "xxyyz"), m(/[ab]*c/, "ababac"), m(/.*foo/, "xfooyfoo"), m(/.*?foo/, "xfooyfoo"));  // expect: null ["ababac"]@0 ["xfooyfoo"]@0 ["xfoo"]@0
print(m(/a{2}b{1,}?/, "aabbb"), m(/(ab){2}/, "ababab"), m(/(?:ab){2,}?/, "ababab"), m(/(a|b){3}/, "abab"));  // expect: ["aab"]@0 ["abab","ab"]@0 ["abab"]@0 ["aba","a"]@0
// Big inputs: loops run on an explicit stack.
var s = "ab".repeat(200000);
print(m(/(?:a|b)*/, s).length, /(a|b)*/.exec(s)[1], /^(?:ab)+$/.test(s), /^[ab]*$/.test(s));  // expect: 400006 b true true
var long = "x".repeat(100000) + "y";
print(/x*y/.exec(long)[0].length, /.*y/.exec(long)[0].length, /y/.exec(long).index, /(x)*?y/.exec(long)[1]);  // expect: 100001 100001 100000 x
try { /(a|b)*/.exec("ab".repeat(5e6)); print("done"); } catch (e) { print(e.name + ": " + e.message); }  // expect: RangeError: Maximum call stack size exceeded
// Catastrophic-looking patterns that are cheap with the empty check.
print(m(/(a*)*b/, "aaac"), m(/(?:a?){20}a{20}/, "a".repeat(20)).length);  // expect: null 26
