// splay_100mb.js - the collector's pause test: a splay tree of about
// 100 MB of live nodes (in jsvm) under constant replacement, after
// Octane's splay: every operation inserts a node with a fresh payload and
// removes another, so old objects die and new ones are promoted all the
// time. Size: nodes in the tree (default 250000); argument 2: operations
// (default 400000).
var ARGS = typeof scriptArgs !== 'undefined' ? scriptArgs
  : typeof process !== 'undefined' && process.argv ? process.argv.slice(2) : [];
var NODES = +ARGS[0] > 0 ? +ARGS[0] : 250000;
var OPS = +ARGS[1] > 0 ? +ARGS[1] : 400000;
function emit(s) { if (typeof console !== 'undefined') console.log(s); else print(s); }

var seed = 49734321;
function random() {
  // Robert Jenkins' 32-bit integer hash, as Octane uses: deterministic.
  seed = ((seed + 0x7ed55d16) + (seed << 12)) & 0xffffffff;
  seed = ((seed ^ 0xc761c23c) ^ (seed >>> 19)) & 0xffffffff;
  seed = ((seed + 0x165667b1) + (seed << 5)) & 0xffffffff;
  seed = ((seed + 0xd3a2646c) ^ (seed << 9)) & 0xffffffff;
  seed = ((seed + 0xfd7046c5) + (seed << 3)) & 0xffffffff;
  seed = ((seed ^ 0xb55a4f09) ^ (seed >>> 16)) & 0xffffffff;
  return (seed & 0xfffffff) / 0x10000000;
}
function payload(key) {
  return { array: [key, key + 1, key + 2, key + 3, key + 4, key + 5, key + 6, key + 7],
           string: 'payload ' + key };
}
function Node(key, value) { this.key = key; this.value = value; this.left = null; this.right = null; }

var root = null;
function splay(key) {
  if (root === null) return;
  var dummy = new Node(null, null), left = dummy, right = dummy, current = root;
  while (true) {
    if (key < current.key) {
      if (current.left === null) break;
      if (key < current.left.key) {
        var tmp = current.left; current.left = tmp.right; tmp.right = current; current = tmp;
        if (current.left === null) break;
      }
      right.left = current; right = current; current = current.left;
    } else if (key > current.key) {
      if (current.right === null) break;
      if (key > current.right.key) {
        var tmp2 = current.right; current.right = tmp2.left; tmp2.left = current; current = tmp2;
        if (current.right === null) break;
      }
      left.right = current; left = current; current = current.right;
    } else break;
  }
  left.right = current.left; right.left = current.right;
  current.left = dummy.right; current.right = dummy.left;
  root = current;
}
function insert(key, value) {
  if (root === null) { root = new Node(key, value); return; }
  splay(key);
  if (root.key === key) return;
  var node = new Node(key, value);
  if (key > root.key) { node.left = root; node.right = root.right; root.right = null; }
  else { node.right = root; node.left = root.left; root.left = null; }
  root = node;
}
function remove(key) {
  if (root === null) return;
  splay(key);
  if (root.key !== key) return;
  if (root.left === null) { root = root.right; return; }
  var right = root.right;
  root = root.left;
  splay(key);
  root.right = right;
}
function findGreatestLessThan(key) {
  if (root === null) return null;
  splay(key);
  if (root.key < key) return root;
  if (root.left !== null) { var n = root.left; while (n.right !== null) n = n.right; return n; }
  return null;
}

for (var i = 0; i < NODES; i++) { var k = random(); insert(k, payload(k)); }
for (var j = 0; j < OPS; j++) {
  var key = random();
  insert(key, payload(key));
  var g = findGreatestLessThan(key);
  remove(g === null ? key : g.key);
}
var count = 0;
(function walk(n) { while (n !== null) { count++; walk(n.left); n = n.right; } })(root);
emit('splay_100mb nodes=' + count);
