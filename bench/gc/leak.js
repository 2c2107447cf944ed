// leak.js - the no-leak test: for SECONDS (default 60) create and drop
// closures, strings, arrays, Maps and objects; the resident set must stay
// flat (bench/gc/run samples it from outside).
var ARGS = typeof scriptArgs !== 'undefined' ? scriptArgs
  : typeof process !== 'undefined' && process.argv ? process.argv.slice(2) : [];
var SECONDS = +ARGS[0] > 0 ? +ARGS[0] : 60;
function emit(s) { if (typeof console !== 'undefined') console.log(s); else print(s); }

var end = Date.now() + SECONDS * 1000, rounds = 0, keep = null;
while (Date.now() < end) {
  for (var i = 0; i < 1000; i++) {
    var x = i;
    var f = function (y) { return x + y; };
    var s = 'item ' + i + ' ' + f(i);
    var a = [s, f, { s: s, n: i }, s.split(' ')];
    var m = new Map([[s, a], [i, f]]);
    keep = { f: f, a: a, m: m, w: new WeakMap([[a, m]]) };
  }
  rounds++;
}
emit('leak rounds=' + (rounds > 0) + ' kept=' + (keep !== null));
