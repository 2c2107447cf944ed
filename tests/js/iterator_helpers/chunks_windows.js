// Iterator.prototype.chunks and windows (iterator-chunking).
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
function show(it) { return JSON.stringify(it.toArray()); }

print(show(src(5).chunks(2)), show(src(4).chunks(2)), show(src(2).chunks(5)), show(src(0).chunks(1)));
// expect: [[0,1],[2,3],[4]] [[0,1],[2,3]] [[0,1]] []
print(show(src(4).windows(2)), show(src(2).windows(3)), show(src(2).windows(3, "allow-partial")));
// expect: [[0,1],[1,2],[2,3]] [] [[0,1]]
print(show(src(3).windows(3, "allow-partial")), show(src(0).windows(1, "allow-partial")));
// expect: [[0,1,2]] []
// Each chunk and window is a fresh array.
var w = src(3).windows(2);
var w1 = w.next().value;
w1.push("x");
print(JSON.stringify(w1), JSON.stringify(w.next().value));
// expect: [0,1,"x"] [1,2]
log = [];

// Sizes are Numbers, never coerced: TypeError for non-integral ones,
// RangeError outside 1..2^32-1; both close the receiver before next is
// read. undersized must be one of the two strings.
var closable = {
  __proto__: Iterator.prototype,
  get next() { log.push("get next"); return function () {}; },
  return: function () { log.push("return"); return {}; },
};
["2", 1.5, NaN, Infinity, 0, -1, 2 ** 32].forEach(function (n) {
  try { closable.chunks(n); } catch (e) { log.push(e.name); }
});
flush();
// expect: return TypeError return TypeError return TypeError return TypeError return RangeError return RangeError return RangeError
try { closable.windows(2, "partial"); } catch (e) { log.push(e.name); }
closable.windows(2 ** 32 - 1, "only-full");
flush();
// expect: return TypeError get next

// return() is forwarded while the source is open, not after it ended
// (even while the last partial chunk is pending).
var c = src(5).chunks(2);
c.next();
c.return();
flush();
// expect: next next return
c = src(3).chunks(2);
c.next(); c.next();
c.return();
flush();
// expect: next next next next
