// console.log's format string: %s %d %i %f %j %o %O %c %%, then the
// remaining arguments inspected and joined by spaces.
console.log("%s is %d years", "Bob", 42);
console.log("%s|%s|%s", "only one");
console.log("%s", -0, "%d", -0);
console.log("%d|%i|%f", "42.9xyz", "42.9xyz", "3.5e2abc");
console.log("%d %d %d %d", "0x10", null, undefined, {});
console.log("%i %i %i", -7.9, "  12px", "abc");
console.log("%f %f", "1.5.5", Symbol("s"));
console.log("%d %i", Symbol("s"), Symbol("t"));
console.log("%j %j %j", { a: [1, "x"] }, "str", undefined);
var cyc = { a: 1 };
cyc.self = cyc;
console.log("%j", cyc);
console.log("%o", [1, { a: 2 }]);
console.log("%O", { a: { b: { c: { d: 1 } } } });
console.log("%o", { a: { b: { c: { d: { e: { f: 1 } } } } } });
console.log("%c styled %c text", "color: red", "font-weight: bold");
console.log("100%% sure, %s", "yes", "and more");
console.log("%%s stays", "extra");
console.log("%x is not a conversion", 1);
console.log("trailing %", 1);
console.log("%s");
console.log("%%");
console.log("a%", "b");
console.log(1, "%s", 2);
console.log("%s", { a: 1, toString: function () { return "custom"; } });
console.log("%s", { a: 1 }, [1, [2, [3]]]);
console.log("%s", [1, [2, [3, [4]]]]);
console.log("%s", function named() { return 1; });
console.log("%s %s %s", null, undefined, Symbol("sym"));
function Cls() { this.v = 1; }
Cls.prototype.toString = function () { return "Cls!"; };
console.log("%s", new Cls());
function Plain() { this.v = 1; }
console.log("%s", new Plain());
var err = new Error("boom");
err.stack = "Error: boom\n    at here (x.js:1:1)";
console.log("%s", err);
console.log("multi\nline", { o: "bj" });
console.log({ first: "object" }, "%s", "not a format");
console.log("%s:%s", "a", "b", "c", 4);

// Expected output (node 20):
// expect: Bob is 42 years
// expect: only one|%s|%s
// expect: -0 %d -0
// expect: NaN|42|350
// expect: 16 0 NaN NaN
// expect: -7 12 NaN
// expect: 1.5 NaN
// expect: NaN NaN
// expect: {"a":[1,"x"]} "str" undefined
// expect: [Circular]
// expect: [ 1, { a: 2 }, [length]: 2 ]
// expect: { a: { b: { c: [Object] } } }
// expect: {
// expect:   a: {
// expect:     b: { c: { d: { e: [Object] } } }
// expect:   }
// expect: }
// expect:  styled  text
// expect: 100% sure, yes and more
// expect: %s stays extra
// expect: %x is not a conversion 1
// expect: trailing % 1
// expect: %s
// expect: %%
// expect: a% b
// expect: 1 %s 2
// expect: custom
// expect: { a: 1 } [ 1, [ 2, [ 3 ] ] ]
// expect: [ 1, [Array] ]
// expect: function named() { return 1; }
// expect: null undefined Symbol(sym)
// expect: Cls!
// expect: Plain { v: 1 }
// expect: Error: boom
// expect:     at here (x.js:1:1)
// expect: multi
// expect: line { o: 'bj' }
// expect: { first: 'object' } %s not a format
// expect: a:b c 4
