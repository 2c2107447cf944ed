// The eager methods: reduce, toArray, forEach, some, every, find,
// includes (ECMA-262 2025 §27.1.4, iterator-includes).
var log = [];
function src(n) {
  var i = 0;
  return {
    __proto__: Iterator.prototype,
    next: function () { log.push("next"); return i < n ? { value: i++, done: false } : { value: undefined, done: true }; },
    return: function () { log.push("return"); return {}; },
  };
}
function flush() { print(log.join(" ")); log = []; }

// reduce: the first value seeds the accumulator unless one is given;
// the counter starts at 1 or 0 accordingly.
print(src(4).reduce(function (a, v, k) { return a + "," + v + ":" + k; }));
// expect: 0,1:1,2:2,3:3
print(src(2).reduce(function (a, v, k) { return a + "," + v + ":" + k; }, "s"));
// expect: s,0:0,1:1
print(src(0).reduce(function () {}, "empty"));
// expect: empty
try { src(0).reduce(function () {}); } catch (e) { print(e.name + ": " + e.message); }
// expect: TypeError: Reduce of a done iterator with no initial value
print(src(2).reduce(function () {}, undefined));
// expect: undefined
log = [];

// toArray takes everything; forEach returns undefined.
print(JSON.stringify(src(3).toArray()), src(2).forEach(function (v, k) { log.push(v + "@" + k); }));
// expect: [0,1,2] undefined
flush();
// expect: next next next next next 0@0 next 1@1 next

// some/every/find stop early and close (normally); running out does not
// close.
print(src(5).some(function (v) { return v == 1; }), src(2).some(function () { return 0; }));
// expect: true false
flush();
// expect: next next return next next next
print(src(5).every(function (v) { return v < 1; }), src(2).every(function () { return "y"; }));
// expect: false true
flush();
// expect: next next return next next next
print(src(5).find(function (v, k) { return k == 3; }), src(2).find(function () {}));
// expect: 3 undefined
flush();
// expect: next next next next return next next next

// A normal close reports return()'s errors.
var s = src(3);
s.return = function () { return null; };
try { s.find(function () { return true; }); } catch (e) { print(e.name); }
// expect: TypeError
log = [];

// Argument checks: non-callable callbacks close the receiver (next unread).
var closable = {
  __proto__: Iterator.prototype,
  get next() { log.push("get next"); return function () {}; },
  return: function () { log.push("return"); return {}; },
};
["reduce", "forEach", "some", "every", "find"].forEach(function (m) {
  try { closable[m]({}); } catch (e) { log.push(m + ":" + e.name); }
});
flush();
// expect: return reduce:TypeError return forEach:TypeError return some:TypeError return every:TypeError return find:TypeError
try { Iterator.prototype.toArray.call("abc"); } catch (e) { print(e.name); }
// expect: TypeError

// includes: SameValueZero, after skipping skippedElements values (an
// integral Number or +-Infinity, never coerced).
print(src(3).includes(2), src(3).includes("2"), [NaN].values().includes(NaN), [-0].values().includes(0));
// expect: true false true true
print(src(3).includes(0, 1), src(3).includes(1, 1), src(3).includes(1, Infinity));
// expect: false true false
log = [];
["1", 0.5, NaN, null].forEach(function (k) {
  try { closable.includes(0, k); } catch (e) { log.push(e.name); }
});
[-1, -Infinity].forEach(function (k) {
  try { closable.includes(0, k); } catch (e) { log.push(e.name); }
});
flush();
// expect: return TypeError return TypeError return TypeError return TypeError return RangeError return RangeError
// The iterator's own errors (here a non-object result) do not close it.
print(src(3).includes(1));
// expect: true
try { closable.includes(0, undefined); } catch (e) { log.push(e.name); }
flush();
// expect: next next return get next TypeError
