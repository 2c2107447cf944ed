// console.log renders values the way node's util.inspect does.
console.log("top-level strings are printed raw", "even", "several");
console.log(["but quoted inside", "it's", 'say "hi"', "both '\"", "all '\"`"]);
console.log(["escapes \n\t\x01\x7f\x9f\\", "\ud800", "\udc00x", "\ud83d\ude00"]);
console.log(1, -0, 0, 1.5, NaN, -Infinity, 1e21, 1e-7, 123456789012345680000);
console.log(undefined, null, true, false);
console.log(Symbol(), Symbol("desc"), Symbol.iterator, [Symbol("in array")]);
console.log({}, [], { a: 1 }, [1, 2, 3]);
console.log({ a: 1, b: "x", c: [1, { d: 2 }], e: null, f: undefined });
console.log({ "a-b": 1, a_b: 2, 0: 3, "": 4, $x: 5, "it's": 6, ["__proto__"]: 7 });
var sym = Symbol("key");
var withSym = { x: 1 };
withSym[sym] = 2;
console.log(withSym);
console.log({ get a() { return 1; }, set b(v) {}, get c() { return 1; }, set c(v) {} });
// Nesting deeper than two levels is abbreviated.
console.log({ a: { b: { c: { d: 1 } } } }, [[[[1]]]], { a: { b: { c: [] } } });
// Cycles.
var circ = { name: "c" };
circ.self = circ;
circ.list = [circ];
console.log(circ);
var p = {};
var q = { p: p };
p.q = q;
console.log([p, q]);
// Holes and extra properties of arrays.
console.log([, 1, , , 2, , ], new Array(5), [1, 2, 3, , ]);
var extra = [1, 2];
extra.x = "y";
console.log(extra);
var sparse = [];
sparse[150] = 1;
console.log(sparse);
// Functions.
console.log(function () {}, function named() {}, () => 1, Math.max, [function inArray() {}]);
console.log(Math.max.bind(null), function () {}.bind(null));
var fnWithProps = function f() {};
fnWithProps.x = 1;
console.log(fnWithProps);
// Boxed primitives and special prototypes.
console.log(new Number(3), new String("ab"), new Boolean(false), Object(Symbol("s")), new Number(-0));
var boxed = new String("ab");
boxed.extra = 1;
console.log(boxed);
console.log(Object.create(null), Object.create(Object.create(null)));
var nullProto = Object.create(null);
nullProto.a = 1;
console.log(nullProto, [nullProto]);
console.log(Object.prototype, Array.prototype, Number.prototype, Function.prototype);
console.log(JSON, Math);
// Constructor names and Symbol.toStringTag.
function Point(x, y) { this.x = x; this.y = y; }
console.log(new Point(1, 2), [new Point(3, 4)], { deep: { deeper: { p: new Point(5, 6) } } });
function Empty() {}
console.log(new Empty());
var tagged = {};
Object.defineProperty(tagged, Symbol.toStringTag, { value: "Tag" });
tagged.v = 1;
console.log(tagged);
console.log({ [Symbol.toStringTag]: "Own" });
// Errors print their stack; without frames, in brackets.
var err = new TypeError("bad");
err.stack = "TypeError: bad";
console.log(err, { err: err });
err.code = 42;
console.log(err);
var withFrames = new Error("framed");
withFrames.stack = "Error: framed\n    at f (file.js:1:2)\n    at g (file.js:3:4)";
console.log(withFrames);
console.log([withFrames]);
var noStack = new RangeError("r");
noStack.stack = "";
console.log(noStack);
// Line breaking: entries over 72 characters go one per line.
console.log({ aaaaaaaaaaa: 1, bbbbbbbbbbbbb: 2, ccccccccccccc: 3, dddddddddddd: 4, eeeeeeeeeeeee: 5, ffff: 6 });
console.log({ aaaaaaaaaaa: 1, bbbbbbbbbbbbb: 2, ccccccccccccc: 3, dddddddddddd: 4, eeeee: 5 });
console.log({ s: "x".repeat(100) });
console.log({ s: "line1\nline2\nline3 is quite long and it goes on and on and on and on and on" });
console.log([{ a: 1, b: { c: { d: { e: 1 } } } }, [[1, [2, [3]]]]]);
console.log({ x: { y: { z: 1 }, w: [1, 2] }, v: "a".repeat(60) });
// Arrays of more than six short entries are grouped in columns.
console.log(Array.from({ length: 30 }, function (_, i) { return i; }));
console.log(Array.from({ length: 120 }, function (_, i) { return i * 3; }));
console.log(Array.from({ length: 26 }, function (_, i) { return "item" + i; }));
console.log(Array.from({ length: 7 }, function (_, i) { return { a: i }; }));
console.log(Array.from({ length: 40 }, function (_, i) { return i % 3 ? i : "abc"; }));
console.log(Array.from({ length: 10 }, function (_, i) { return "x".repeat(i * 3); }));
console.log({ arr: Array.from({ length: 30 }, function (_, i) { return i; }) });
console.log(["\u4e2d\u6587\u4e2d\u6587", "abc", "abcd", "a", "bb", "ccc", "dd", "e"]);

// Expected output (node 20):
// expect: top-level strings are printed raw even several
// expect: [ 'but quoted inside', "it's", 'say "hi"', `both '"`, 'all \'"`' ]
// expect: [ 'escapes \n\t\x01\x7F\x9F\\', '\ud800', '\udc00x', '😀' ]
// expect: 1 -0 0 1.5 NaN -Infinity 1e+21 1e-7 123456789012345680000
// expect: undefined null true false
// expect: Symbol() Symbol(desc) Symbol(Symbol.iterator) [ Symbol(in array) ]
// expect: {} [] { a: 1 } [ 1, 2, 3 ]
// expect: { a: 1, b: 'x', c: [ 1, { d: 2 } ], e: null, f: undefined }
// expect: {
// expect:   '0': 3,
// expect:   'a-b': 1,
// expect:   a_b: 2,
// expect:   '': 4,
// expect:   '$x': 5,
// expect:   "it's": 6,
// expect:   ['__proto__']: 7
// expect: }
// expect: { x: 1, [Symbol(key)]: 2 }
// expect: { a: [Getter], b: [Setter], c: [Getter/Setter] }
// expect: { a: { b: { c: [Object] } } } [ [ [ [Array] ] ] ] { a: { b: { c: [] } } }
// expect: <ref *1> { name: 'c', self: [Circular *1], list: [ [Circular *1] ] }
// expect: [
// expect:   <ref *1> { q: { p: [Circular *1] } },
// expect:   <ref *2> { p: <ref *1> { q: [Circular *2] } }
// expect: ]
// expect: [ <1 empty item>, 1, <2 empty items>, 2, <1 empty item> ] [ <5 empty items> ] [ 1, 2, 3, <1 empty item> ]
// expect: [ 1, 2, x: 'y' ]
// expect: [ <150 empty items>, 1 ]
// expect: [Function (anonymous)] [Function: named] [Function (anonymous)] [Function: max] [ [Function: inArray] ]
// expect: [Function: bound max] [Function: bound ]
// expect: [Function: f] { x: 1 }
// expect: [Number: 3] [String: 'ab'] [Boolean: false] [Symbol: Symbol(s)] [Number: -0]
// expect: [String: 'ab'] { extra: 1 }
// expect: [Object: null prototype] {} Object <[Object: null prototype] {}> {}
// expect: [Object: null prototype] { a: 1 } [ [Object: null prototype] { a: 1 } ]
// expect: [Object: null prototype] {} Object(0) [] {} [Function (anonymous)] Object
// expect: Object [JSON] {} Object [Math] {}
// expect: Point { x: 1, y: 2 } [ Point { x: 3, y: 4 } ] { deep: { deeper: { p: [Point] } } }
// expect: Empty {}
// expect: Object [Tag] { v: 1 }
// expect: { [Symbol(Symbol.toStringTag)]: 'Own' }
// expect: [TypeError: bad] { err: [TypeError: bad] }
// expect: [TypeError: bad] { code: 42 }
// expect: Error: framed
// expect:     at f (file.js:1:2)
// expect:     at g (file.js:3:4)
// expect: [
// expect:   Error: framed
// expect:       at f (file.js:1:2)
// expect:       at g (file.js:3:4)
// expect: ]
// expect: [RangeError: r]
// expect: {
// expect:   aaaaaaaaaaa: 1,
// expect:   bbbbbbbbbbbbb: 2,
// expect:   ccccccccccccc: 3,
// expect:   dddddddddddd: 4,
// expect:   eeeeeeeeeeeee: 5,
// expect:   ffff: 6
// expect: }
// expect: {
// expect:   aaaaaaaaaaa: 1,
// expect:   bbbbbbbbbbbbb: 2,
// expect:   ccccccccccccc: 3,
// expect:   dddddddddddd: 4,
// expect:   eeeee: 5
// expect: }
// expect: {
// expect:   s: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'
// expect: }
// expect: {
// expect:   s: 'line1\nline2\nline3 is quite long and it goes on and on and on and on and on'
// expect: }
// expect: [ { a: 1, b: { c: [Object] } }, [ [ 1, [Array] ] ] ]
// expect: {
// expect:   x: { y: { z: 1 }, w: [ 1, 2 ] },
// expect:   v: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'
// expect: }
// expect: [
// expect:    0,  1,  2,  3,  4,  5,  6,  7,  8,
// expect:    9, 10, 11, 12, 13, 14, 15, 16, 17,
// expect:   18, 19, 20, 21, 22, 23, 24, 25, 26,
// expect:   27, 28, 29
// expect: ]
// expect: [
// expect:     0,   3,   6,   9,  12,  15,  18,  21,  24,  27,  30,  33,
// expect:    36,  39,  42,  45,  48,  51,  54,  57,  60,  63,  66,  69,
// expect:    72,  75,  78,  81,  84,  87,  90,  93,  96,  99, 102, 105,
// expect:   108, 111, 114, 117, 120, 123, 126, 129, 132, 135, 138, 141,
// expect:   144, 147, 150, 153, 156, 159, 162, 165, 168, 171, 174, 177,
// expect:   180, 183, 186, 189, 192, 195, 198, 201, 204, 207, 210, 213,
// expect:   216, 219, 222, 225, 228, 231, 234, 237, 240, 243, 246, 249,
// expect:   252, 255, 258, 261, 264, 267, 270, 273, 276, 279, 282, 285,
// expect:   288, 291, 294, 297,
// expect:   ... 20 more items
// expect: ]
// expect: [
// expect:   'item0',  'item1',  'item2',
// expect:   'item3',  'item4',  'item5',
// expect:   'item6',  'item7',  'item8',
// expect:   'item9',  'item10', 'item11',
// expect:   'item12', 'item13', 'item14',
// expect:   'item15', 'item16', 'item17',
// expect:   'item18', 'item19', 'item20',
// expect:   'item21', 'item22', 'item23',
// expect:   'item24', 'item25'
// expect: ]
// expect: [
// expect:   { a: 0 }, { a: 1 },
// expect:   { a: 2 }, { a: 3 },
// expect:   { a: 4 }, { a: 5 },
// expect:   { a: 6 }
// expect: ]
// expect: [
// expect:   'abc', 1,  2,  'abc', 4,  5,
// expect:   'abc', 7,  8,  'abc', 10, 11,
// expect:   'abc', 13, 14, 'abc', 16, 17,
// expect:   'abc', 19, 20, 'abc', 22, 23,
// expect:   'abc', 25, 26, 'abc', 28, 29,
// expect:   'abc', 31, 32, 'abc', 34, 35,
// expect:   'abc', 37, 38, 'abc'
// expect: ]
// expect: [
// expect:   '',
// expect:   'xxx',
// expect:   'xxxxxx',
// expect:   'xxxxxxxxx',
// expect:   'xxxxxxxxxxxx',
// expect:   'xxxxxxxxxxxxxxx',
// expect:   'xxxxxxxxxxxxxxxxxx',
// expect:   'xxxxxxxxxxxxxxxxxxxxx',
// expect:   'xxxxxxxxxxxxxxxxxxxxxxxx',
// expect:   'xxxxxxxxxxxxxxxxxxxxxxxxxxx'
// expect: ]
// expect: {
// expect:   arr: [
// expect:      0,  1,  2,  3,  4,  5,  6,  7,  8,
// expect:      9, 10, 11, 12, 13, 14, 15, 16, 17,
// expect:     18, 19, 20, 21, 22, 23, 24, 25, 26,
// expect:     27, 28, 29
// expect:   ]
// expect: }
// expect: [ '中文中文', 'abc', 'abcd', 'a', 'bb', 'ccc', 'dd', 'e' ]
