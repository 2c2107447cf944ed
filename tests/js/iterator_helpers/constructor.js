// %Iterator%, Iterator.prototype's accessor properties, Iterator.from and
// %WrapForValidIteratorPrototype% (ECMA-262 2025 §27.1.3).
print(typeof Iterator, Iterator.length, Iterator.name);
// expect: function 0 Iterator
var ip = Object.getPrototypeOf(Object.getPrototypeOf([].values()));
print(Iterator.prototype === ip);
// expect: true
var d = Object.getOwnPropertyDescriptor(Iterator, "prototype");
print(d.writable, d.enumerable, d.configurable);
// expect: false false false

// Abstract: a plain call or `new Iterator` throws; subclasses construct.
try { Iterator(); } catch (e) { print(e.name); }
// expect: TypeError
try { new Iterator(); } catch (e) { print(e.message); }
// expect: Abstract class Iterator not directly constructable
class Count extends Iterator {
  constructor(n) { super(); this.i = 0; this.n = n; }
  next() { return this.i < this.n ? { value: this.i++, done: false } : { value: undefined, done: true }; }
}
var c = new Count(3);
print(c instanceof Iterator, Object.getPrototypeOf(Count.prototype) === Iterator.prototype);
// expect: true true
print(c.map(function (x) { return x * 10; }).toArray().join());
// expect: 0,10,20
print(Reflect.construct(Iterator, [], Count) instanceof Count);
// expect: true

// constructor and @@toStringTag are accessors whose setters ignore the
// prototype: assigning on Iterator.prototype throws, on an heir it makes
// an own data property.
var cd = Object.getOwnPropertyDescriptor(Iterator.prototype, "constructor");
print(typeof cd.get, typeof cd.set, cd.enumerable, cd.configurable, cd.get.name, cd.set.name);
// expect: function function false true get constructor set constructor
print(Iterator.prototype.constructor === Iterator);
// expect: true
var td = Object.getOwnPropertyDescriptor(Iterator.prototype, Symbol.toStringTag);
print(td.get.call(1), td.get.name, td.set.name);
// expect: Iterator get [Symbol.toStringTag] set [Symbol.toStringTag]
print(Object.prototype.toString.call(new Count(0)));
// expect: [object Iterator]
try { Iterator.prototype[Symbol.toStringTag] = "x"; } catch (e) { print(e.name); }
// expect: TypeError
try { td.set.call(1, "x"); } catch (e) { print(e.name); }
// expect: TypeError
var heir = Object.create(Iterator.prototype);
heir[Symbol.toStringTag] = "Mine";
heir.constructor = 42;
var hd = Object.getOwnPropertyDescriptor(heir, "constructor");
print(String(heir), hd.value, hd.writable, hd.enumerable, hd.configurable);
// expect: [object Mine] 42 true true true
heir.constructor = 43;  // now an ordinary [[Set]] of the own property
print(heir.constructor, Iterator.prototype.constructor === Iterator);
// expect: 43 true

// Iterator.from: heirs of Iterator.prototype come back as they are;
// anything else is wrapped; strings iterate; other primitives throw.
var gen = (function* () { yield 1; })();
print(Iterator.from(gen) === gen, Iterator.from(c) === c);
// expect: true true
var plain = { i: 0, next: function () { return { value: this.i++, done: this.i > 2 }; } };
var w = Iterator.from(plain);
print(w === plain, w instanceof Iterator, w.toArray().join());
// expect: false true 0,1
print(Iterator.from("a\u{1F600}b").toArray().length);
// expect: 3
try { Iterator.from(5); } catch (e) { print(e.name); }
// expect: TypeError
try { Iterator.from({ [Symbol.iterator]: function () { return 1; } }); } catch (e) { print(e.name); }
// expect: TypeError

// The wrapper's next passes results through unchecked; return() forwards
// or makes a done result when there is no return method.
var wp = Object.getPrototypeOf(Iterator.from({ next: null }));
print(Object.getPrototypeOf(wp) === Iterator.prototype, Object.getOwnPropertyNames(wp).join());
// expect: true next,return
print(Iterator.from({ next: function () { return 7; } }).next());
// expect: 7
var r = Iterator.from({ next: function () {} }).return();
print(r.value, r.done);
// expect: undefined true
print(Iterator.from({ next: function () {}, return: function () { return "ret"; } }).return());
// expect: ret
try { wp.next.call({}); } catch (e) { print(e.name); }
// expect: TypeError
