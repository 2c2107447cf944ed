// Object's static functions: keys/values/entries, assign, create,
// defineProperty(ies), descriptors, fromEntries, groupBy.
var o = { b: 1, a: 2, 1: "x", 0: "y" };
print(Object.keys(o).join());
// expect: 0,1,b,a
print(Object.values(o).join());
// expect: y,x,1,2
print(Object.entries({ p: 1, q: 2 }).join(";"));
// expect: p,1;q,2
var t = Object.assign({}, { x: 1 }, null, { y: 2 }, "ab");
print(Object.keys(t).join(), t[0], t[1]);
// expect: 0,1,x,y a b
var c = Object.create({ inherited: 1 }, { own: { value: 2, enumerable: true } });
print(c.inherited, c.own, Object.keys(c).join());
// expect: 1 2 own
print(Object.getPrototypeOf(Object.create(null)));
// expect: null
var d = {};
Object.defineProperty(d, "ro", { value: 5 });
var desc = Object.getOwnPropertyDescriptor(d, "ro");
print(desc.value, desc.writable, desc.enumerable, desc.configurable);
// expect: 5 false false false
try { Object.defineProperty(d, "ro", { value: 6 }); } catch (e) { print(e instanceof TypeError); }
// expect: true
try { Object.defineProperty(1, "x", {}); } catch (e) { print(e.message); }
// expect: Object.defineProperty called on non-object
try { Object.create(1); } catch (e) { print(e.message); }
// expect: Object prototype may only be an Object or null: 1
var all = Object.getOwnPropertyDescriptors({ get g() { return 1; }, v: 2 });
print(typeof all.g.get, all.v.value);
// expect: function 2
print(Object.fromEntries([["a", 1], ["b", 2]]).b);
// expect: 2
print(Object.fromEntries(new Map([["k", "v"]])).k);
// expect: v
var g = Object.groupBy([1, 2, 3, 4, 5], function (x) { return x % 2 ? "odd" : "even"; });
print(Object.getPrototypeOf(g), g.odd.join(), g.even.join(), Object.keys(g).join());
// expect: null 1,3,5 2,4 odd,even
var s = Symbol("s");
var withSym = { a: 1 };
withSym[s] = 2;
print(Object.getOwnPropertyNames(withSym).length, Object.getOwnPropertySymbols(withSym)[0] === s);
// expect: 1 true
print(Object.getOwnPropertyNames("ab").join());
// expect: 0,1,length
print(Object.hasOwn({ z: 1 }, "z"), Object.hasOwn({}, "toString"));
// expect: true false
print(Object.is(NaN, NaN), Object.is(0, -0), Object.is("a", "a"));
// expect: true false true
