// Iterator.concat (iterator-sequencing), Iterator.zip and
// Iterator.zipKeyed (joint-iteration).
var log = [];
function src(n, name) {
  var i = 0;
  return {
    __proto__: Iterator.prototype,
    next: function () { log.push(name + ".next"); return i < n ? { value: name + i++, done: false } : { value: undefined, done: true }; },
    return: function () { log.push(name + ".return"); return {}; },
  };
}
// An iterable whose @@iterator is logged too.
function able(n, name) {
  return { [Symbol.iterator]: function () { log.push(name + ".open"); return src(n, name); } };
}
function flush() { print(log.join(" ")); log = []; }

// concat: @@iterator is read up front, called lazily, one at a time.
print(Iterator.concat.length, Iterator.concat().next().done);
// expect: 0 true
var c = Iterator.concat(able(1, "a"), [1, 2], able(2, "b"));
flush();
// expect:
print(c.toArray().join());
// expect: a0,1,2,b0,b1
flush();
// expect: a.open a.next a.next b.open b.next b.next b.next
try { Iterator.concat([1], 2); } catch (e) { print(e.name); }
// expect: TypeError
try { Iterator.concat({}); } catch (e) { print(e.name); }
// expect: TypeError
// return() closes the iterator being read; before the first next there
// is none.
c = Iterator.concat(able(3, "a"), able(3, "b"));
c.next();
c.return();
c.return();
Iterator.concat(able(3, "x")).return();
flush();
// expect: a.open a.next a.return

// zip: "shortest" (the default) stops at the first done input and closes
// the others, last first.
var z = Iterator.zip([src(2, "a"), src(1, "b"), src(5, "c")]);
print(JSON.stringify(z.toArray()));
// expect: [["a0","b0","c0"]]
flush();
// expect: a.next b.next c.next a.next b.next c.return a.return
print(Iterator.zip([]).next().done, Iterator.zip.length, Iterator.zipKeyed.length);
// expect: true 1 1
// Strings are rejected as inputs, String objects are not.
try { Iterator.zip(["ab"]); } catch (e) { print(e.name); }
// expect: TypeError
print(JSON.stringify(Iterator.zip([new String("ab"), [1, 2, 3]]).toArray()));
// expect: [["a",1],["b",2]]

// "longest" pads finished inputs; padding comes from an iterable.
print(JSON.stringify(Iterator.zip([[1], [2, 3, 4]], { mode: "longest" }).toArray()));
// expect: [[1,2],[null,3],[null,4]]
print(JSON.stringify(Iterator.zip([[1], [2, 3], []], { mode: "longest", padding: ["p", "q"] }).toArray()));
// expect: [[1,2,null],["p",3,null]]
log = [];
Iterator.zip([[1], [2]], { mode: "longest", padding: able(5, "pad") });
flush();
// expect: pad.open pad.next pad.next pad.return

// "strict" wants equal lengths: input 0 ends first and the others must
// end right then.
print(JSON.stringify(Iterator.zip([[1, 2], [3, 4]], { mode: "strict" }).toArray()));
// expect: [[1,3],[2,4]]
try { Iterator.zip([src(1, "a"), src(2, "b")], { mode: "strict" }).toArray(); } catch (e) { log.push(e.name); }
flush();
// expect: a.next b.next a.next b.next b.return TypeError
try { Iterator.zip([src(2, "a"), src(1, "b"), src(5, "c")], { mode: "strict" }).toArray(); } catch (e) { log.push(e.name); }
flush();
// expect: a.next b.next c.next a.next b.next c.return a.return TypeError

// Options: mode must be one of the three strings (no coercion); padding
// an object; both read only as needed.
["", "long", null, new String("strict")].forEach(function (mode) {
  try { Iterator.zip([], { mode: mode }); } catch (e) { log.push(e.name); }
});
try { Iterator.zip([], 1); } catch (e) { log.push(e.name); }
try { Iterator.zip([], { mode: "longest", padding: 1 }); } catch (e) { log.push(e.name); }
Iterator.zip([], { get padding() { log.push("padding read"); } });
flush();
// expect: TypeError TypeError TypeError TypeError TypeError TypeError

// An input that fails to open closes the ones opened before, then the
// outer iterator.
var outer = {
  __proto__: Iterator.prototype, i: 0,
  next: function () { this.i++; return this.i == 1 ? { value: src(1, "a") } : { value: 5 }; },
  return: function () { log.push("outer.return"); return {}; },
};
outer[Symbol.iterator] = function () { return this; };
try { Iterator.zip(outer); } catch (e) { log.push(e.name); }
flush();
// expect: a.return outer.return TypeError

// return() closes every open input, last first, also before the first
// next.
z = Iterator.zip([src(2, "a"), src(2, "b")]);
z.return();
flush();
// expect: b.return a.return

// zipKeyed: enumerable own keys whose values are not undefined, results
// on null-prototype objects.
var obj = { b: [1, 2], a: undefined, [Symbol.for("s")]: [3, 4] };
Object.defineProperty(obj, "hidden", { value: [9], enumerable: false });
var rows = Iterator.zipKeyed(obj).toArray();
print(rows.length, Object.getPrototypeOf(rows[0]), Reflect.ownKeys(rows[0]).map(String).join(), rows[1].b, rows[1][Symbol.for("s")]);
// expect: 2 null b,Symbol(s) 2 4
print(JSON.stringify(Iterator.zipKeyed({ x: [1, 2], y: [3] }, { mode: "longest", padding: { y: "Y" } }).toArray()));
// expect: [{"x":1,"y":3},{"x":2,"y":"Y"}]
try { Iterator.zipKeyed(1); } catch (e) { print(e.name); }
// expect: TypeError
