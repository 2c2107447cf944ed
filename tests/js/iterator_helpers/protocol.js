// %IteratorHelperPrototype%: next/return as a generator's, with the
// states suspended-start, suspended-yield, executing and completed
// (ECMA-262 2025 §27.1.2.1).
var log = [];
function src(n, name) {
  name = name || "src";
  var i = 0;
  return {
    __proto__: Iterator.prototype,
    next: function () { log.push(name + ".next"); return i < n ? { value: i++, done: false } : { value: undefined, done: true }; },
    return: function () { log.push(name + ".return"); return {}; },
  };
}
function flush() { print(log.join(" ")); log = []; }
function id(x) { return x; }

var hp = Object.getPrototypeOf([].values().map(id));
print(Object.getOwnPropertyNames(hp).join(), hp[Symbol.toStringTag], Object.getPrototypeOf(hp) === Iterator.prototype);
// expect: next,return Iterator Helper true
var td = Object.getOwnPropertyDescriptor(hp, Symbol.toStringTag);
print(td.writable, td.enumerable, td.configurable);
// expect: false false true
print(Object.getOwnPropertyNames(Iterator.prototype).sort().join());
// expect: chunks,constructor,drop,every,filter,find,flatMap,forEach,includes,map,reduce,some,take,toArray,windows
print(typeof Iterator.prototype[Symbol.iterator], typeof Iterator.prototype[Symbol.dispose]);
// expect: function function

// return() before the first next closes the underlying iterator; later
// calls do nothing.
var h = src(3).map(id);
var r = h.return();
print(r.value, r.done, h.next().done);
// expect: undefined true true
h.return();
flush();
// expect: src.return

// return() after a yield is forwarded; after exhaustion it is not.
h = src(3).filter(id);
h.next();
h.return();
flush();
// expect: src.next src.next src.return
h = src(1).take(5);
h.next(); h.next(); h.return();
flush();
// expect: src.next src.next

// return()'s error and a non-object result surface (normal completion).
var s = src(2);
s.return = function () { return 5; };
try { s.drop(0).return(); } catch (e) { print(e.name); }
// expect: TypeError
s = src(2);
s.return = function () { throw new RangeError("r"); };
h = s.map(id);
h.next();
try { h.return(); } catch (e) { print(e.name, h.next().done); }
// expect: RangeError true
log = [];

// Re-entering a running helper throws; in suspended-start return()
// completes before closing, so a next() from inside return() just sees
// a finished helper.
var inner;
h = src(2).map(function () { return inner.next(); });
inner = h;
try { h.next(); } catch (e) { print(e.message); }
// expect: Generator is already running
h = src(2).filter(function () { return inner.return(); });
inner = h;
try { h.next(); } catch (e) { print(e.message); }
// expect: Generator is already running
flush();
// expect: src.next src.return src.next src.return
var s2 = src(2);
s2.return = function () { var r = h2.next(); log.push("inner next done=" + r.done); return {}; };
var h2 = s2.map(id);
h2.return();
flush();
// expect: inner next done=true
// ... but in suspended-yield the helper is running while it closes.
s2 = src(2);
s2.return = function () { try { h2.next(); } catch (e) { log.push(e.name); } return {}; };
h2 = s2.map(id);
h2.next();
h2.return();
flush();
// expect: src.next TypeError

// The receiver checks: a generator is not a helper.
function* g() { yield 1; }
try { hp.next.call(g()); } catch (e) { print(e.name); }
// expect: TypeError
try { hp.return.call({}); } catch (e) { print(e.name); }
// expect: TypeError

// flatMap's return(): the inner iterator closes first; if that throws,
// the outer one is closed with its error.
h = src(2, "outer").flatMap(function () { return src(3, "in"); });
h.next();
h.return();
flush();
// expect: outer.next in.next in.return outer.return
h = src(2, "outer").flatMap(function () {
  var it = src(3, "in");
  it.return = function () { log.push("in.return"); throw new EvalError("in"); };
  return it;
});
h.next();
try { h.return(); } catch (e) { log.push(e.name); }
flush();
// expect: outer.next in.next in.return outer.return EvalError

// next is read once, at creation; the helper keeps using that one.
var counting = { __proto__: Iterator.prototype, n: 0 };
Object.defineProperty(counting, "next", { get: function () { log.push("get next"); return function () { return { done: this.n++ > 1, value: this.n }; }; } });
print(counting.map(id).toArray().join());
// expect: 1,2
flush();
// expect: get next

// Iterator.prototype[@@dispose] calls return() if there is one.
var d = src(1);
d[Symbol.dispose]();
print(Iterator.prototype[Symbol.dispose].call({}), Iterator.prototype[Symbol.dispose].name);
// expect: undefined [Symbol.dispose]
flush();
// expect: src.return
