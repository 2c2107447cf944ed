// Symbol(), the registry, well-known symbols and Symbol.prototype.
var s = Symbol("desc");
print(typeof s, s.toString(), s.description, Symbol().description);
// expect: symbol Symbol(desc) desc undefined
print(Symbol("").description === "", String(Symbol("x")));
// expect: true Symbol(x)
try { new Symbol(); } catch (e) { print(e.message); }
// expect: Symbol is not a constructor
print(Symbol.for("k") === Symbol.for("k"), Symbol.keyFor(Symbol.for("k")), Symbol.keyFor(s));
// expect: true k undefined
try { Symbol.keyFor("k"); } catch (e) { print(e instanceof TypeError); }
// expect: true
print(typeof Symbol.iterator, Symbol.iterator.toString(), Symbol.asyncIterator.description);
// expect: symbol Symbol(Symbol.iterator) Symbol.asyncIterator
var d = Object.getOwnPropertyDescriptor(Symbol, "iterator");
print(d.writable, d.enumerable, d.configurable);
// expect: false false false
var w = Object(s);
print(typeof w, w.valueOf() === s, w[Symbol.toPrimitive]() === s, w.description);
// expect: object true true desc
print(Object.prototype.toString.call(s), Symbol.prototype[Symbol.toStringTag]);
// expect: [object Symbol] Symbol
try { s + ""; } catch (e) { print(e instanceof TypeError); }
// expect: true
try { Symbol.prototype.valueOf.call({}); } catch (e) { print(e instanceof TypeError); }
// expect: true
print(Symbol.length, Symbol.for.length, Symbol.prototype.constructor === Symbol);
// expect: 0 1 true
print(typeof Symbol.dispose, Symbol.asyncDispose.description, Symbol.keyFor(Symbol.dispose));
// expect: symbol Symbol.asyncDispose undefined
