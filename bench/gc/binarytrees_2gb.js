// binarytrees_2gb.js - the collector's throughput test: one long-lived
// binary tree (about 50 MB in jsvm) stays reachable while short-lived
// trees are built and walked until about 2 GB have been allocated.
// Size: the long-lived tree's depth (default 19); argument 2 scales the
// short-lived work (default 1).
var ARGS = typeof scriptArgs !== 'undefined' ? scriptArgs
  : typeof process !== 'undefined' && process.argv ? process.argv.slice(2) : [];
var DEPTH = +ARGS[0] > 0 ? +ARGS[0] : 19;
var SCALE = +ARGS[1] > 0 ? +ARGS[1] : 1;
function emit(s) { if (typeof console !== 'undefined') console.log(s); else print(s); }

function Node(left, right) { this.left = left; this.right = right; }
function make(d) { return d > 0 ? new Node(make(d - 1), make(d - 1)) : new Node(null, null); }
function check(n) { return n.left === null ? 1 : 1 + check(n.left) + check(n.right); }

var longLived = make(DEPTH);
var sum = 0;
// 2^15 - 1 nodes per short-lived tree; 1100 of them make about 2 GB of
// 56-byte nodes in jsvm (node's nodes are smaller).
var rounds = Math.round(1100 * SCALE);
for (var i = 0; i < rounds; i++) sum += check(make(14));
emit('binarytrees_2gb depth=' + DEPTH + ' live=' + check(longLived) + ' sum=' + sum);
