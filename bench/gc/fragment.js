// fragment.js - the compactor's test: rounds of objects are promoted to
// the old generation, then nine in ten die, leaving old pages a tenth
// full. After full collections, how much memory does the old generation
// still hold for what lives? Size: objects per round (default 200000).
// Needs gc(): jsvm --expose-gc, node --expose-gc.
var ARGS = typeof scriptArgs !== 'undefined' ? scriptArgs
  : typeof process !== 'undefined' && process.argv ? process.argv.slice(2) : [];
var PER_ROUND = +ARGS[0] > 0 ? +ARGS[0] : 200000;
function emit(s) { if (typeof console !== 'undefined') console.log(s); else print(s); }

var keep = [];
for (var round = 0; round < 4; round++) {
  var objs = [];
  for (var i = 0; i < PER_ROUND; i++) objs.push({ id: i, round: round, s: 'k' + i, arr: [i, i + 1] });
  gc(); gc();  // (scavenges along the way promote them)
  for (var j = 0; j < objs.length; j += 10) keep.push(objs[j]);
  objs = null;
  gc();
}
gc(); gc(); gc();
var bad = 0;
for (var k = 0; k < keep.length; k++) {
  var o = keep[k];
  if (o.s !== 'k' + o.id || o.arr[1] !== o.id + 1) bad++;
}
emit('fragment kept=' + keep.length + ' bad=' + bad);
if (typeof process !== 'undefined' && process.memoryUsage) {
  var mu = process.memoryUsage();
  emit('node heapUsed ' + (mu.heapUsed / 1048576).toFixed(1) + ' MB, heapTotal ' +
       (mu.heapTotal / 1048576).toFixed(1) + ' MB');
}
