// The Array constructor, its statics and subclassing.
print(Array.length, Array.name, typeof Array.prototype.push);
// expect: 1 Array function
print(new Array().length, Array().length, new Array(3).length, 0 in new Array(3));
// expect: 0 0 3 false
print(new Array("3").length, new Array("3")[0], new Array(1, 2, 3).join("|"));
// expect: 1 3 1|2|3
print(Array(4294967295).length);
// expect: 4294967295
try { new Array(-1); } catch (e) { print(e.name, e.message); }
// expect: RangeError Invalid array length
try { new Array(1.5); } catch (e) { print(e.name, e.message); }
// expect: RangeError Invalid array length
try { Array(4294967296); } catch (e) { print(e.name, e.message); }
// expect: RangeError Invalid array length
print(Array.isArray([]), Array.isArray({ length: 0 }), Array.isArray(Array.prototype));
// expect: true false true
print(Array.of(7).length, Array.of(1, 2, 3).join(), Array.of().length);
// expect: 1 1,2,3 0
print(Array.from("héllo").join("."), Array.from({ length: 3, 0: "a", 2: "c" }).join("|"));
// expect: h.é.l.l.o a||c
print(Array.from([1, 2, 3], function (x, i) { return x * 10 + i + this.k; }, { k: 0.5 }).join());
// expect: 10.5,21.5,32.5
print(Array.from(new Set ? [5, 6] : [5, 6]).join());
// expect: 5,6
var iterable = {};
iterable[Symbol.iterator] = function () {
  var n = 0;
  return { next: function () { n++; return { value: n, done: n > 3 }; } };
};
print(Array.from(iterable).join());
// expect: 1,2,3
// A throwing mapper closes the iterator.
var closed = 0;
var it2 = {};
it2[Symbol.iterator] = function () {
  return { next: function () { return { value: 1, done: false }; },
           return: function () { closed++; return {}; } };
};
try { Array.from(it2, function () { throw new Error("boom"); }); } catch (e) { print(e.message, closed); }
// expect: boom 1
try { Array.from([], 5); } catch (e) { print(e.name); }
// expect: TypeError
// Array.of / Array.from with a custom this constructor.
function C(n) { this.args = arguments.length + ":" + n; }
var c = Array.of.call(C, "a", "b");
print(c instanceof C, c.args, c.length, c[1]);
// expect: true 1:2 2 b
var d = Array.from.call(C, { length: 2, 0: "x", 1: "y" });
print(d instanceof C, d.args, d.length, d[0]);
// expect: true 1:2 2 x
var e2 = Array.from.call(C, ["x"]);
print(e2.args, e2.length);
// expect: 0:undefined 1
print(Array.from.call(undefined, [1, 2]).length, Array.of.call(5, 1).length);
// expect: 2 1
// Species getter returns this.
var desc = Object.getOwnPropertyDescriptor(Array, Symbol.species);
print(desc.get.name, desc.set, Array[Symbol.species] === Array);
// expect: get [Symbol.species] undefined true
// Subclasses keep their prototype through species-creating methods.
class MyArray extends Array {}
var m = new MyArray(1, 2, 3);
print(m.length, m instanceof MyArray, Array.isArray(m));
// expect: 3 true true
print(m.map(function (x) { return x * 2; }) instanceof MyArray, m.filter(Boolean).constructor.name);
// expect: true MyArray
print(MyArray.from([1]).constructor === MyArray, MyArray.of(1, 2).length);
// expect: true 2
m.length = 1;
print(m.join(), m.length);
// expect: 1 1
