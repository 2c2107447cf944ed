// Allocations larger than the heap are RangeErrors where the spec allows
// one, and the program goes on (no fatal out-of-memory exit).
function attempt(f) {
  try { f(); return "ok"; } catch (e) { return e.name + (e instanceof RangeError ? "" : ": " + e.message); }
}
print(attempt(function () { new Array(2 ** 32 - 1).fill(0); }));
// expect: RangeError
print(attempt(function () { "x".repeat(2 ** 30); }));
// expect: RangeError
print(attempt(function () { var s = "abc"; for (var i = 0; i < 40; i++) s = s + s; }));
// expect: RangeError
print(attempt(function () { new ArrayBuffer(2 ** 40); }));
// expect: RangeError
// The heap is still usable afterwards.
var a = new Array(1000).fill(1);
print(a.length, a.reduce(function (x, y) { return x + y; }));
// expect: 1000 1000
