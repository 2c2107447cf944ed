// The u and v flags: code points, case folding, property escapes, sets.
function m(re, s) { var r = re.exec(s); return r === null ? "null" : JSON.stringify(Array.prototype.slice.call(r)) + "@" + r.index; }
// Code points versus code units.
print(m(/^.$/u, "\ud83d\ude00"), m(/^.$/, "\ud83d\ude00"), m(/^..$/, "\ud83d\ude00"));  // expect: ["😀"]@0 null ["😀"]@0
print(m(/\u{1F600}{2}/u, "\ud83d\ude00\ud83d\ude00"), m(/[\u{1F600}-\u{1F64F}]/u, "x\ud83d\ude03"));  // expect: ["😀😀"]@0 ["😃"]@1
print(m(/\ud83d/u, "\ud83d\ude00"), m(/\ude00/u, "\ud83d\ude00"), m(/\ud83d/, "\ud83d\ude00"), m(/\ud83d/u, "\ud83dx"));  // expect: null null ["\ud83d"]@0 ["\ud83d"]@0
print(m(/[^a]/u, "\ud83d\ude00"), m(/[^a]/, "\ud83d\ude00"), m(/\S+/u, "\ud83d\ude00\ud83d\ude01 "));  // expect: ["😀"]@0 ["\ud83d"]@0 ["😀😁"]@0
print(m(/(?<=\ud83d\ude00)x/u, "\ud83d\ude00x"), m(/(?<=.)x/u, "\ud83d\ude00x"));  // expect: ["x"]@2 ["x"]@2
print("\ud83d\ude00\ud83d\ude00".replace(/(?:)/gu, "-"), "\ud83d\ude00".replace(/(?:)/g, "-").length);  // expect: -😀-😀- 5
print("\ud83d\ude00\ud83d\ude00".split(/(?:)/u).length, "\ud83d\ude00\ud83d\ude00".split("").length);  // expect: 2 4
// Case-insensitive matching without u: toUpperCase, never non-ASCII to ASCII.
print(m(/\u017f/i, "s"), m(/s/i, "\u017f"), m(/\u212a/i, "k"), m(/k/i, "\u212a"), m(/\u00e5/i, "\u00c5"));  // expect: null null null null ["Å"]@0
print(m(/\u0390/i, "\u1fd3"), m(/\u03c3/i, "\u03a3"), m(/\u03c2/i, "\u03a3"), m(/\u00df/i, "SS"), m(/[a-z]+/i, "HeLLo"));  // expect: null ["Σ"]@0 ["Σ"]@0 null ["HeLLo"]@0
// With u: simple case folding.
print(m(/\u017f/iu, "S"), m(/s/iu, "\u017f"), m(/\u212a/iu, "k"), m(/[k]/iu, "\u212a"), m(/\u1e9e/iu, "\u00df"));  // expect: ["S"]@0 ["ſ"]@0 ["k"]@0 ["K"]@0 ["ß"]@0
print(m(/\w/iu, "\u017f"), m(/\w/i, "\u017f"), m(/\W/iu, "S"), m(/[^\W]/iu, "\u212a"), m(/\bs/iu, "\u017f"));  // expect: ["ſ"]@0 null null ["K"]@0 ["ſ"]@0
print(m(/\u{10400}/iu, "\u{10428}"), m(/[\u{10400}-\u{10402}]/iu, "\u{10429}"));  // expect: ["𐐨"]@0 ["𐐩"]@0
// Backreferences compare case-insensitively by the same rules.
print(m(/(a)\1/i, "aA"), m(/(\u017f)\1/iu, "\u017fs"), m(/(\u017f)\1/i, "\u017fs"));  // expect: ["aA","a"]@0 ["ſs","ſ"]@0 null
// Property escapes.
print(m(/\p{Lu}+/u, "abCDe"), m(/\P{L}+/u, "ab12c"), m(/\p{General_Category=Nd}+/u, "x42"), m(/\p{gc=Zs}/u, "a b"));  // expect: ["CD"]@2 ["12"]@2 ["42"]@1 [" "]@1
print(m(/\p{Script=Greek}+/u, "abc\u03b1\u03b2"), m(/\p{sc=Cyrl}/u, "\u0436"), m(/\p{scx=Hira}/u, "\u30fc"));  // expect: ["αβ"]@3 ["ж"]@0 ["ー"]@0
print(m(/\p{ASCII_Hex_Digit}+/u, "xyzBEEFg"), m(/\p{Any}/u, "\ud83d\ude00"), m(/\p{ASCII}+/u, "\u00e9ab"), m(/\p{Assigned}/u, "\u0378a"));  // expect: ["BEEF"]@3 ["😀"]@0 ["ab"]@1 ["a"]@1
print(m(/[\p{L}\p{N}]+/u, "-a1\u00e9-"), m(/[^\p{L}]+/u, "ab12c"), m(/\p{Lu}/iu, "a"), m(/\P{Lu}/iu, "A"));  // expect: ["a1é"]@1 ["12"]@2 ["a"]@0 ["A"]@0
print(m(/\p{Emoji_Presentation}/u, "a\u231a"), m(/\p{White_Space}+/u, "a \t\u3000b"));  // expect: ["⌚"]@1 [" \t　"]@1
// Sets (v): nested classes, difference, intersection, strings.
print(m(/[\p{L}--[a-z]]+/v, "abCDe"), m(/[[a-z]&&[^aeiou]]+/v, "strength"), m(/[\w--\d]+/v, "12ab3"));  // expect: ["CD"]@2 ["str"]@0 ["ab"]@2
print(m(/[\q{abc|d}x]+/v, "xabcdq"), m(/^[\q{abc|ab|a}]$/v, "ab"), m(/[\q{}a]/v, "b"), m(/[[abc]--\q{b}]+/v, "abc"));  // expect: ["xabcd"]@0 ["ab"]@0 [""]@0 ["a"]@0
print(m(/\p{RGI_Emoji}/v, "a\u{1F468}\u200d\u{1F469}\u200d\u{1F467}b")[0] === undefined, m(/^\p{RGI_Emoji_Flag_Sequence}$/v, "\u{1F1EB}\u{1F1F7}"));  // expect: false ["🇫🇷"]@0
print(m(/[\p{ASCII}--\p{L}--\p{N}]+/v, "ab!?c"), m(/[\[\]\-]+/v, "a[-]b"), m(/[\&\!]+/v, "&!"));  // expect: ["!?"]@2 ["[-]"]@1 ["&!"]@0
print(m(/[\p{Ll}]/vi, "A"), m(/[^\p{Ll}]/vi, "A"), m(/[^\p{Ll}]/ui, "A"), m(/\P{Ll}/vi, "a"), m(/\P{Ll}/ui, "a"));  // expect: ["A"]@0 null null null ["a"]@0
print(m(/[^x]/v, "\ud83d\ude00"), m(/[\d--[5]]+/v, "12567"), m(/[[a-z]&&[k-z]&&[^m]]+/v, "almost"));  // expect: ["😀"]@0 ["12"]@0 ["l"]@1
print(/[\p{L}]/v.unicodeSets, /a/v.flags, /a/v.unicode);  // expect: true v false
