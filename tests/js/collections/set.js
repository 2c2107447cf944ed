// Set: constructor, add/has/delete/clear/size, keys === values, forEach.
var s = new Set([1, 2, 2, "2", NaN, NaN, 0, -0]);
print(s.size, s.has(2), s.has("2"), s.has(NaN), s.has(-0), Object.is([...s][4], -0));
// expect: 5 true true true true false
print(s.add(3) === s, s.delete(1), s.delete(1), s.size);
// expect: true true false 5
print([...s].join(), [...s.keys()].join(), [...s.values()].join());
// expect: 2,2,NaN,0,3 2,2,NaN,0,3 2,2,NaN,0,3
print(JSON.stringify([...new Set(["a", "b"]).entries()]));
// expect: [["a","a"],["b","b"]]
print(Set.prototype.keys === Set.prototype.values, Set.prototype[Symbol.iterator] === Set.prototype.values, Set.prototype.keys.name);
// expect: true true values
print(Set.length, Set.prototype.add.length, Set.prototype[Symbol.toStringTag], Set[Symbol.species] === Set);
// expect: 0 1 Set true
var log = [];
new Set(["x", "y"]).forEach(function (v, k, set) { log.push(v + k + set.size); });
print(log.join());
// expect: xx2,yy2
print(new Set("hello").size, [...new Set("hello")].join(""));
// expect: 4 helo
s.clear();
print(s.size, s.has(2));
// expect: 0 false
// The constructor uses this.add (looked up once) and closes the iterator on failure.
var added = [];
var saved = Set.prototype.add;
Set.prototype.add = function (v) { added.push(v); return saved.call(this, v); };
new Set([3, 4]);
Set.prototype.add = saved;
print(added.join());
// expect: 3,4
try { Set.prototype.add = 1; new Set([1]); } catch (e) { print(e.constructor.name); }
// expect: TypeError
Set.prototype.add = saved;
print(new Set(null).size, new Set(undefined).size, new Set().size);
// expect: 0 0 0
try { new Set(5); } catch (e) { print(e.constructor.name); }
// expect: TypeError
try { Set(); } catch (e) { print(e.message); }
// expect: Constructor Set requires 'new'
try { Set.prototype.has.call(new Map(), 1); } catch (e) { print(e.message); }
// expect: Method Set.prototype.has called on incompatible receiver #<Map>
try { Object.getOwnPropertyDescriptor(Set.prototype, "size").get.call({}); } catch (e) { print(e.message); }
// expect: Method get Set.prototype.size called on incompatible receiver #<Object>
console.log(new Set([1, "two", [3]]), new Set());
// expect: Set(3) { 1, 'two', [ 3 ] } Set(0) {}
// A large set: growth, lookups, deletions and shrinking.
var big = new Set();
for (var i = 0; i < 20000; i++) big.add("k" + i);
var hits = 0;
for (var i = 0; i < 20000; i += 3) if (big.has("k" + i)) hits++;
for (var i = 0; i < 20000; i++) if (i % 10) big.delete("k" + i);
print(big.size, hits, big.has("k10"), big.has("k11"), [...big].slice(0, 3).join());
// expect: 2000 6667 true false k0,k10,k20
