// Map: constructor, get/set/has/delete/clear/size, SameValueZero keys, groupBy.
var m = new Map([[1, "a"], [2, "b"]]);
print(m.size, m.get(1), m.get(2), m.get(3), m.has(2), m.has("2"));
// expect: 2 a b undefined true false
print(m.set(3, "c") === m, m.size, m.delete(3), m.delete(3), m.size);
// expect: true 3 true false 2
m.set(-0, "zero");
print(m.get(0), m.get(-0), Object.is([...m.keys()][2], -0));
// expect: zero zero false
m.set(NaN, "nan");
print(m.get(NaN), m.get(0 / 0), m.has(Number("x")));
// expect: nan nan true
m.set(1.0, "one");
print(m.get(1), m.size);
// expect: one 4
var s1 = "ab" + "cd", s2 = ["a", "bcd"].join("");
m.set(s1, "str");
print(m.get(s2), m.get("abcd"), m.has("abc"));
// expect: str str false
var o = {}, sym = Symbol("k");
m.set(o, "obj").set(sym, "sym").set(null, "null").set(undefined, "undef").set(true, "t");
print(m.get(o), m.get({}), m.get(sym), m.get(Symbol("k")), m.get(null), m.get(undefined), m.get(true), m.get(1 === 1));
// expect: obj undefined sym undefined null undef t t
print([...m.keys()].map(String).join());
// expect: 1,2,0,NaN,abcd,[object Object],Symbol(k),null,undefined,true
m.clear();
print(m.size, m.get(1));
// expect: 0 undefined
// Updating a key keeps its position.
var u = new Map([["x", 1], ["y", 2]]);
u.set("x", 3);
print(JSON.stringify([...u]));
// expect: [["x",3],["y",2]]
// The constructor looks up this.set once, and closes the iterator when it throws.
var calls = 0;
var saved = Map.prototype.set;
Map.prototype.set = function (k, v) { calls++; return saved.call(this, k, v); };
new Map([[1, 1], [2, 2]]);
Map.prototype.set = saved;
print(calls);
// expect: 2
var closed = false;
var iterable = {};
iterable[Symbol.iterator] = function () {
  return { next: function () { return { value: 5, done: false }; }, return: function () { closed = true; return {}; } };
};
try { new Map(iterable); } catch (e) { print(e.constructor.name, e.message, closed); }
// expect: TypeError Iterator value 5 is not an entry object true
try { Map(); } catch (e) { print(e.message); }
// expect: Constructor Map requires 'new'
try { Map.prototype.get.call(new Set(), 1); } catch (e) { print(e.message); }
// expect: Method Map.prototype.get called on incompatible receiver #<Set>
try { Map.prototype.has.call([], 1); } catch (e) { print(e.message); }
// expect: Method Map.prototype.has called on incompatible receiver [object Array]
// forEach: value, key, map; thisArg.
var log = [];
new Map([["a", 1], ["b", 2]]).forEach(function (v, k, mm) { log.push(k + v + (mm instanceof Map) + this.tag); }, { tag: "!" });
print(log.join());
// expect: a1true!,b2true!
// Properties of the constructor and prototype.
print(Map.length, Map.prototype.set.length, Map.prototype.forEach.length, Map.groupBy.length);
// expect: 0 2 1 2
print(Map.prototype[Symbol.iterator] === Map.prototype.entries, Map.prototype[Symbol.toStringTag], Map[Symbol.species] === Map);
// expect: true Map true
var size = Object.getOwnPropertyDescriptor(Map.prototype, "size");
print(typeof size.get, size.set, size.get.name, size.enumerable, size.configurable);
// expect: function undefined get size false true
// Map.groupBy: keys by SameValueZero, groups in first-appearance order.
var g = Map.groupBy([1, 2, 3, 4, 5, -0], function (x, i) { return x === 0 ? 0 : x % 2 ? "odd" : "even"; });
print(JSON.stringify([...g]));
// expect: [["odd",[1,3,5]],["even",[2,4]],[0,[0]]]
var idx = [];
Map.groupBy("abc", function (c, i) { idx.push(i); return c; });
print(idx.join());
// expect: 0,1,2
// Subclasses get their prototype from new.target.
class MyMap extends Map {
  constructor(entries) { super(entries); this.extra = true; }
  total() { var t = 0; this.forEach(function (v) { t += v; }); return t; }
}
var mm = new MyMap([["p", 2], ["q", 3]]);
print(mm instanceof MyMap, mm instanceof Map, mm.total(), mm.extra, mm.size);
// expect: true true 5 true 2
console.log(new Map([["a", 1], [{ b: 2 }, [3]]]));
// expect: Map(2) { 'a' => 1, { b: 2 } => [ 3 ] }
console.log(new Map(), mm);
// expect: Map(0) {} MyMap(2) [Map] { 'p' => 2, 'q' => 3, extra: true }
// getOrInsert / getOrInsertComputed (the upsert proposal).
var up = new Map([["a", 1]]);
print(up.getOrInsert("a", 9), up.getOrInsert("b", 2), up.get("b"), up.size);
// expect: 1 2 2 2
var cbArgs = [];
print(up.getOrInsertComputed(-0, function (k) { cbArgs.push(Object.is(k, 0)); return "z"; }), up.getOrInsertComputed(0, function () { return "never"; }), cbArgs.join());
// expect: z z true
print(up.getOrInsertComputed("c", function (k) { up.set("c", "inner"); return "outer"; }), up.get("c"), [...up.keys()].join());
// expect: outer outer a,b,0,c
var wk = {};
var wup = new WeakMap();
print(wup.getOrInsert(wk, 1), wup.getOrInsertComputed(wk, function () { return 2; }), wup.get(wk));
// expect: 1 1 1
