// JSON.stringify: values, replacers, space, toJSON, wrappers, escaping,
// cycles (with V8's message) and deep nesting.
function show() {
  try {
    console.log(JSON.stringify.apply(JSON, arguments));
  } catch (e) {
    console.log(e.name + ": " + e.message);
  }
}
show({ a: [1, "two", true, null, { b: false }], c: "x" });
show([undefined, function () {}, Symbol("s"), NaN, Infinity, -0, 1e21, 0.1]);
show({ u: undefined, f: function () {}, s: Symbol("s"), n: null });
show(undefined);
show(function () {});
show(Symbol("top"));
show("str");
show(42);
show(null);
show([]);
show({});
show([[], {}, [[]], { a: {} }]);
// Strings: the short escapes, \u00XX for other controls, lone surrogates.
show("\"\\\b\f\n\r\t\u0000\u001f\u007f/");
show("\ud83d\ude00 \ud800 \udc00 \ud800\ud800 \udc00\ud800");
show({ "key\n\"q\"": 1 });
// Wrappers stand for their primitive.
show([new Number(3), new String("s"), new Boolean(false), Object(Symbol("w"))]);
var n = new Number(1);
n.valueOf = function () { return 99; };
var s = new String("x");
s.toString = function () { return "tostring"; };
show([n, s]);
// toJSON, with the key as argument.
show({ d: { toJSON: function (k) { return "toJSON(" + k + ")"; } }, e: [{ toJSON: function (k) { return k; } }] });
show({ toJSON: function () { return undefined; } });
show({ a: { toJSON: 5 } });
// Replacer functions: called with the holder as this, root key "".
show({ a: 1, b: [1, 2], c: "x" }, function (k, v) {
  if (k === "") return v;
  if (typeof v === "number") return v * 2;
  if (Array.isArray(this)) return v;
  return v;
});
show({ a: 1, b: 2 }, function (k, v) { return k === "a" ? undefined : v; });
show([1, 2], function (k, v) { return k === "0" ? undefined : v; });
show(5, function (k, v) { return k === "" ? { k: k, v: v } : v; });
// Replacer arrays: a property list (strings, numbers, wrappers), no repeats.
show({ a: 1, b: 2, c: 3, 1: "one" }, ["c", "a", "c", 1, new String("b"), {}, null]);
show({ a: { a: 1, b: 2 }, b: 3 }, ["a"]);
show([{ a: 1, b: 2 }], ["b"]);
// space: numbers clamp to 10, strings to ten units.
show({ a: [1, { b: 2 }], c: [] , e: {} }, null, 2);
show([1, [2, [3]]], null, "--");
show({ a: 1 }, null, 20);
show({ a: 1 }, null, "abcdefghijklmnop");
show({ a: 1 }, null, -1);
show({ a: [1] }, null, new Number(3));
show({ a: [1] }, null, new String("\t"));
show({ a: 1 }, null, true);
show([], null, 2);
show({}, null, 2);
show([undefined], null, 1);
// Cycles: V8's TypeError message.
var o = { name: "o" };
o.self = o;
show(o);
var a = [1];
a.push({ inner: a });
show(a);
var long = {};
var cur = long;
for (var i = 0; i < 6; i++) { cur.k = {}; cur = cur.k; }
cur.back = long;
show({ root: long });
var named = {};
named[""] = named;
show(named);
// The same object twice, side by side, is not a cycle.
var shared = { x: 1 };
show([shared, shared, { y: shared }]);
// Getters are read; non-enumerable and symbol keys are skipped.
var g = Object.defineProperty({ v: 1 }, "hidden", { value: 2, enumerable: false });
g[Symbol("sym")] = 3;
Object.defineProperty(g, "got", { get: function () { return "gotten"; }, enumerable: true });
show(g);
show(Object.create({ inherited: 1 }));
show("x".repeat(5).split(""));
show({ 2: "b", 1: "a", z: 1, y: 2 });
// Deep nesting: a RangeError, never a crash.
var deep = [];
for (var j = 0; j < 200000; j++) deep = [deep];
try {
  JSON.stringify(deep);
  console.log("no crash");
} catch (e) {
  console.log(e.name === "RangeError" ? "no crash" : e.name);
}
console.log(JSON.stringify.length, JSON.stringify.name);

// Expected output (node 20):
// expect: {"a":[1,"two",true,null,{"b":false}],"c":"x"}
// expect: [null,null,null,null,null,0,1e+21,0.1]
// expect: {"n":null}
// expect: undefined
// expect: undefined
// expect: undefined
// expect: "str"
// expect: 42
// expect: null
// expect: []
// expect: {}
// expect: [[],{},[[]],{"a":{}}]
// expect: "\"\\\b\f\n\r\t\u0000\u001f/"
// expect: "😀 \ud800 \udc00 \ud800\ud800 \udc00\ud800"
// expect: {"key\n\"q\"":1}
// expect: [3,"s",false,{}]
// expect: [99,"tostring"]
// expect: {"d":"toJSON(d)","e":["0"]}
// expect: undefined
// expect: {"a":{"toJSON":5}}
// expect: {"a":2,"b":[2,4],"c":"x"}
// expect: {"b":2}
// expect: [null,2]
// expect: {"k":"","v":5}
// expect: {"c":3,"a":1,"1":"one","b":2}
// expect: {"a":{"a":1}}
// expect: [{"b":2}]
// expect: {
// expect:   "a": [
// expect:     1,
// expect:     {
// expect:       "b": 2
// expect:     }
// expect:   ],
// expect:   "c": [],
// expect:   "e": {}
// expect: }
// expect: [
// expect: --1,
// expect: --[
// expect: ----2,
// expect: ----[
// expect: ------3
// expect: ----]
// expect: --]
// expect: ]
// expect: {
// expect:           "a": 1
// expect: }
// expect: {
// expect: abcdefghij"a": 1
// expect: }
// expect: {"a":1}
// expect: {
// expect:    "a": [
// expect:       1
// expect:    ]
// expect: }
// expect: {
// expect: 	"a": [
// expect: 		1
// expect: 	]
// expect: }
// expect: {"a":1}
// expect: []
// expect: {}
// expect: [
// expect:  null
// expect: ]
// expect: TypeError: Converting circular structure to JSON
// expect:     --> starting at object with constructor 'Object'
// expect:     --- property 'self' closes the circle
// expect: TypeError: Converting circular structure to JSON
// expect:     --> starting at object with constructor 'Array'
// expect:     |     index 1 -> object with constructor 'Object'
// expect:     --- property 'inner' closes the circle
// expect: TypeError: Converting circular structure to JSON
// expect:     --> starting at object with constructor 'Object'
// expect:     |     property 'k' -> object with constructor 'Object'
// expect:     |     property 'k' -> object with constructor 'Object'
// expect:     |     ...
// expect:     |     property 'k' -> object with constructor 'Object'
// expect:     --- property 'back' closes the circle
// expect: TypeError: Converting circular structure to JSON
// expect:     --> starting at object with constructor 'Object'
// expect:     --- <anonymous> closes the circle
// expect: [{"x":1},{"x":1},{"y":{"x":1}}]
// expect: {"v":1,"got":"gotten"}
// expect: {}
// expect: ["x","x","x","x","x"]
// expect: {"1":"a","2":"b","z":1,"y":2}
// expect: no crash
// expect: 3 stringify
