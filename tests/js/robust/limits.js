// Runaway recursion, huge literals and deep nesting end in a result or a
// JS exception, never a crash.
function down(n) { return down(n + 1) + 1; }
try { down(0); } catch (e) { console.log(e instanceof RangeError, e.message); }
// expect: true Maximum call stack size exceeded

// Recursion through native code (a callback of Array.prototype.map).
function viaNative(a) { return a.map(() => viaNative(a)); }
try { viaNative([1]); } catch (e) { console.log(e instanceof RangeError); }
// expect: true

// Recursion through getters and toString.
const o = { get x() { return this.x; } };
try { o.x; } catch (e) { console.log(e.name); }
// expect: RangeError
const t = { toString() { return "" + this; } };
try { String(t); } catch (e) { console.log(e.name); }
// expect: RangeError

// A 10 MB string literal and a 100,000-element array literal, compiled
// at run time.
const big = eval('"' + "x".repeat(10 * 1024 * 1024) + '"');
console.log(big.length);
// expect: 10485760
const arr = eval("[" + Array.from({ length: 100000 }, (_, i) => i).join(",") + "]");
console.log(arr.length, arr[99999]);
// expect: 100000 99999

// JSON.parse of deeply nested input.
const deep = "[".repeat(100000) + "]".repeat(100000);
let depth = 0;
for (let v = JSON.parse(deep); Array.isArray(v) && v.length; v = v[0]) depth++;
console.log(depth);
// expect: 99999

// The stack is usable again after an overflow.
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
console.log(fib(20));
// expect: 6765
