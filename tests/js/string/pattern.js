// replace, replaceAll, split with string patterns; @@replace/@@split.
var s = "Hello, World";
print(s.replace("o", "[$&|$`|$'|$$|$1]")); // expect: Hell[o|Hell|, World|$|$1], World
print(s.replaceAll("o", "0"));             // expect: Hell0, W0rld
print("abc".replaceAll("", "-"));          // expect: -a-b-c-
print("aaa".replace("a", function (m, p, str) { return m + p + str; })); // expect: a0aaaaa
print("a,b,,c".split(","));                // expect: a,b,,c
print("a,b,,c".split(",").length);         // expect: 4
print("abc".split("").join("|"));          // expect: a|b|c
print("abc".split("", 2).join("|"));       // expect: a|b
print("abc".split(undefined)[0]);          // expect: abc
print("abc".split("b", 0).length);         // expect: 0
var splitter = { [Symbol.split](str, lim) { return "split:" + str + ":" + lim; } };
print("xyz".split(splitter, 3));           // expect: split:xyz:3
var replacer = { [Symbol.replace](str, r) { return "rep:" + str + ":" + r; } };
print("xyz".replace(replacer, "q"));       // expect: rep:xyz:q
