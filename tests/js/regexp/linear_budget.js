// A budget of 5 backtracks: the backtracker gives up after a few starts
// or partway through a global loop, and the linear matcher finishes
// the search from the start where it stopped. Results as node's.
// flags: --regexp-backtracks-before-fallback=5
function m(re, s, li) {
  if (li !== undefined) re.lastIndex = li;
  var r = re.exec(s);
  if (r === null) return "null" + (re.global || re.sticky ? "/" + re.lastIndex : "");
  return JSON.stringify(Array.prototype.slice.call(r)) + "@" + r.index + (re.global || re.sticky ? "/" + re.lastIndex : "");
}
var text = "GET /a?x=1&yy=22 HTTP/1.1\nPOST /b HTTP/1.0\nfoo@example.com, bar@mail.example.org; x@@y";
print(m(/^(\w+) (\S+?)(?:\?(.*))? HTTP\/(\d)\.(\d)$/m, text), m(/(\w+)@(\w+(?:\.\w+)+)/g, text, 40), m(/(\w+)@(\w+(?:\.\w+)+)/g, text, 61));
// expect: ["GET /a?x=1&yy=22 HTTP/1.1","GET","/a","x=1&yy=22","1","1"]@0 ["foo@example.com","foo","example.com"]@43/58 ["ar@mail.example.org","ar","mail.example.org"]@61/80
print(text.match(/[?&]([^=&]+)=([^& ]*)/g).join(), text.replace(/(\w+)@([\w.]+)/g, "<$2>").length, text.split(/\s+|[,;]\s*/).length);
// expect: ?x=1,&yy=22 82 9
print(m(/(a|ab|abc)*d/, "ababcabd"), m(/(?:(a)|(ab)|(abc))+?c/, "ababc"), m(/(x*)(x*)(x*)y/, "xxxxxxxxxxz xxy"), m(/[a-z]+\d{2,3}?!/y, "abc1234!", 0));
// expect: ["ababcabd","ab"]@0 ["ababc",null,"ab",null]@0 ["xxy","xx","",""]@12 null/0
print(m(/(?:a{2,3}|b{1,2})*$/, "aabbbaaab"), m(/^(?:(\d+)[,.]?)*$/, "1,22.333,4444"), m(/((?:ab)*?)(ab)*c/, "abababc"), m(/(a*)*?b/i, "AAAB"));
// expect: ["aabbbaaab"]@0 ["1,22.333,4444","4444"]@0 ["abababc","","ab"]@0 ["AAAB","AAA"]@0
