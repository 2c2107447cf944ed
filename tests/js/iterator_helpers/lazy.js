// The lazy helpers (map, filter, take, drop, flatMap): laziness, the
// counter argument, argument validation order, and which errors close
// the underlying iterator (ECMA-262 2025 §27.1.4).
var log = [];
// An iterator over 0..n-1 that logs next/return calls.
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

// Nothing runs until next(); the callback sees (value, counter).
var m = src(3).map(function (v, k) { log.push("f(" + v + "," + k + ")"); return v * v; });
flush();
// expect:
print(m.next().value, m.next().value);
// expect: 0 1
flush();
// expect: src.next f(0,0) src.next f(1,1)
print(Object.prototype.toString.call(m), Object.getPrototypeOf(Object.getPrototypeOf(m)) === Iterator.prototype);
// expect: [object Iterator Helper] true
print(m.toArray().join(), JSON.stringify(m.next()));
// expect: 4 {"done":true}
flush();
// expect: src.next f(2,2) src.next

// filter counts every value, selected or not.
print(src(6).filter(function (v, k) { return v % 2 && k % 3; }).toArray().join());
// expect: 1,5
log = [];

// take closes the underlying iterator once the limit is reached,
// without reading past it; drop skips without reading values.
print(src(5).take(2).toArray().join());
// expect: 0,1
flush();
// expect: src.next src.next src.return
print(src(5).take(0).next().done);
// expect: true
flush();
// expect: src.return
print(src(4).drop(2).toArray().join(), src(3).drop(Infinity).toArray().length);
// expect: 2,3 0
print(src(3).take(Infinity).toArray().join(), src(3).take(2.9).toArray().join(), src(3).drop("1").toArray().join());
// expect: 0,1,2 0,1 1,2
log = [];

// Limits: ToNumber (its errors close the receiver), then RangeError for
// NaN, negative and above 2^53-1 values, each closing it; GetIteratorDirect
// (reading next) only comes after.
var closable = {
  __proto__: Iterator.prototype,
  get next() { log.push("get next"); return function () {}; },
  return: function () { log.push("return"); return {}; },
};
[undefined, NaN, -1, 2 ** 53, { valueOf: function () { throw new SyntaxError("v"); } }].forEach(function (lim) {
  try { closable.take(lim); } catch (e) { log.push(e.name); }
});
flush();
// expect: return RangeError return RangeError return RangeError return RangeError return SyntaxError
closable.drop(-0.5);
closable.take(2 ** 53 - 1);
flush();
// expect: get next get next

// A non-callable callback is a TypeError that closes the receiver; a
// non-object receiver is one that does not.
try { closable.map(1); } catch (e) { log.push(e.message); }
try { Iterator.prototype.filter.call(1, function () {}); } catch (e) { log.push(e.name); }
flush();
// expect: return 1 is not a function TypeError

// A callback's error closes the underlying iterator; the error wins over
// an error from return().
var m2 = src(3).map(function () { throw new EvalError("cb"); });
try { m2.next(); } catch (e) { log.push(e.name); }
print(m2.next().done);
// expect: true
flush();
// expect: src.next src.return EvalError
var bad = src(3);
bad.return = function () { log.push("bad.return"); throw new Error("from return"); };
try { bad.filter(function () { throw new EvalError("cb"); }).next(); } catch (e) { log.push(e.name); }
flush();
// expect: src.next bad.return EvalError

// Errors of the underlying iterator itself never close it.
var thrower = { __proto__: Iterator.prototype, next: function () { throw new URIError("n"); }, return: function () { log.push("closed!"); } };
try { thrower.map(String).next(); } catch (e) { log.push(e.name); }
var nonobj = { __proto__: Iterator.prototype, next: function () { return 1; }, return: function () { log.push("closed!"); } };
try { nonobj.drop(1).next(); } catch (e) { log.push(e.name); }
flush();
// expect: URIError TypeError

// flatMap: iterables and iterators flatten, strings (primitives) do not;
// the inner iterator drains before the outer one moves on.
print(src(3).flatMap(function (v) { return [v, "ab"]; }).toArray().join("|"));
// expect: 0|ab|1|ab|2|ab
log = [];
print(src(2).flatMap(function (v) { return src(v + 1, "in" + v); }).toArray().join());
// expect: 0,0,1
flush();
// expect: src.next in0.next in0.next src.next in1.next in1.next in1.next src.next
var fm = src(2).flatMap(function () { return "str"; });
try { fm.next(); } catch (e) { log.push(e.name); }
var fm2 = src(2).flatMap(function () { return new String("ab"); });
log.push(fm2.toArray().join(""));
flush();
// expect: src.next src.return TypeError src.next src.next src.next abab
