// fannkuch.js - fannkuch-redux: for every permutation of 1..n count the
// "pancake flips" (reverse the first k elements, k = first element) until 1
// comes first; report the maximum and a signed checksum of the flip counts.
// Measures: tight integer loops over small arrays.
// Size: n (the permutation length; each +1 is roughly n times more work).
var DEFAULT_SIZE = 9;
var BENCH_ARG = typeof BENCH_SIZE !== 'undefined' ? BENCH_SIZE
  : typeof process !== 'undefined' && process.argv ? process.argv[2]
  : typeof scriptArgs !== 'undefined' ? scriptArgs[0]
  : typeof arguments !== 'undefined' ? arguments[0] : undefined;
var SIZE = +BENCH_ARG > 0 ? Math.floor(+BENCH_ARG) : DEFAULT_SIZE;
function emit(line) {
  if (typeof console !== 'undefined' && console.log) console.log(line); else print(line);
}

function fannkuch(n) {
  var perm = new Int32Array(n), work = new Int32Array(n), count = new Int32Array(n);
  for (var i = 0; i < n; i++) perm[i] = i;
  var maxFlips = 0, checksum = 0, index = 0;
  for (;;) {
    // count flips for the current permutation
    if (perm[0] !== 0) {
      for (var a = 0; a < n; a++) work[a] = perm[a];
      var flips = 0;
      var first = work[0];
      while (first !== 0) {
        for (var lo = 0, hi = first; lo < hi; lo++, hi--) {
          var t = work[lo]; work[lo] = work[hi]; work[hi] = t;
        }
        flips++;
        first = work[0];
      }
      if (flips > maxFlips) maxFlips = flips;
      checksum += (index & 1) === 0 ? flips : -flips;
    }
    // next permutation in the rotation order used by the benchmark game
    var r = 1;
    for (;;) {
      if (r === n) return [checksum, maxFlips];
      var p0 = perm[0];
      for (var s = 0; s < r; s++) perm[s] = perm[s + 1];
      perm[r] = p0;
      count[r]++;
      if (count[r] <= r) break;
      count[r] = 0;
      r++;
    }
    index++;
  }
}

var res = fannkuch(SIZE);
emit('fannkuch size=' + SIZE + ' checksum=' + res[0] + ':' + res[1]);
