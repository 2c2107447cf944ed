// splay.js - a large self-adjusting (splay) tree kept live while keys are
// inserted and removed; every node carries a small payload object graph.
// Measures: GC behaviour with a big, constantly mutating old generation
// (pause times: run with --trace-gc and bench/gcstats), plus pointer chasing.
// Size: thousands of insert/remove operations after the initial fill.
var DEFAULT_SIZE = 12;
var BENCH_ARG = typeof BENCH_SIZE !== 'undefined' ? BENCH_SIZE
  : typeof process !== 'undefined' && process.argv ? process.argv[2]
  : typeof scriptArgs !== 'undefined' ? scriptArgs[0]
  : typeof arguments !== 'undefined' ? arguments[0] : undefined;
var SIZE = +BENCH_ARG > 0 ? Math.floor(+BENCH_ARG) : DEFAULT_SIZE;
function emit(line) {
  if (typeof console !== 'undefined' && console.log) console.log(line); else print(line);
}

var TREE_SIZE = 8000;
var PAYLOAD_DEPTH = 4;

var seed = 49734321;
function nextRandom() {
  // 32-bit xorshift, good enough to scatter keys
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 4294967296;
}

class Node {
  constructor(key, value) {
    this.key = key;
    this.value = value;
    this.left = null;
    this.right = null;
  }
}

class SplayTree {
  constructor() { this.root = null; this.size = 0; }
  // Top-down splay: afterwards the node with key (or its neighbour) is root.
  splay(key) {
    if (this.root === null) return;
    var header = new Node(0, null);
    var left = header, right = header;
    var t = this.root;
    for (;;) {
      if (key < t.key) {
        if (t.left === null) break;
        if (key < t.left.key) {
          var y = t.left;
          t.left = y.right;
          y.right = t;
          t = y;
          if (t.left === null) break;
        }
        right.left = t;
        right = t;
        t = t.left;
      } else if (key > t.key) {
        if (t.right === null) break;
        if (key > t.right.key) {
          var z = t.right;
          t.right = z.left;
          z.left = t;
          t = z;
          if (t.right === null) break;
        }
        left.right = t;
        left = t;
        t = t.right;
      } else {
        break;
      }
    }
    left.right = t.left;
    right.left = t.right;
    t.left = header.right;
    t.right = header.left;
    this.root = t;
  }
  insert(key, value) {
    if (this.root === null) { this.root = new Node(key, value); this.size++; return; }
    this.splay(key);
    if (this.root.key === key) return;
    var node = new Node(key, value);
    if (key > this.root.key) {
      node.left = this.root;
      node.right = this.root.right;
      this.root.right = null;
    } else {
      node.right = this.root;
      node.left = this.root.left;
      this.root.left = null;
    }
    this.root = node;
    this.size++;
  }
  remove(key) {
    this.splay(key);
    var removed = this.root;
    if (this.root.left === null) {
      this.root = this.root.right;
    } else {
      var right = this.root.right;
      this.root = this.root.left;
      this.splay(key);   // brings the maximum of the left subtree to the root
      this.root.right = right;
    }
    this.size--;
    return removed;
  }
  find(key) {
    if (this.root === null) return null;
    this.splay(key);
    return this.root.key === key ? this.root : null;
  }
  findMax(start) {
    var t = start || this.root;
    while (t.right !== null) t = t.right;
    return t;
  }
  findGreatestLessThan(key) {
    if (this.root === null) return null;
    this.splay(key);
    if (this.root.key < key) return this.root;
    if (this.root.left !== null) return this.findMax(this.root.left);
    return null;
  }
  forEach(fn) {
    var stack = [], t = this.root;
    while (t !== null || stack.length > 0) {
      while (t !== null) { stack.push(t); t = t.left; }
      t = stack.pop();
      fn(t);
      t = t.right;
    }
  }
}

function makePayload(depth, tag) {
  if (depth === 0) return { array: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], text: 'leaf-' + tag };
  return { left: makePayload(depth - 1, tag), right: makePayload(depth - 1, tag) };
}

function insertNew(tree) {
  var key;
  do { key = nextRandom(); } while (tree.find(key) !== null);
  tree.insert(key, makePayload(PAYLOAD_DEPTH, String(key).length));
  return key;
}

var tree = new SplayTree();
for (var i = 0; i < TREE_SIZE; i++) insertNew(tree);

var removedTextLength = 0;
for (var round = 0; round < SIZE; round++) {
  for (var j = 0; j < 1000; j++) {
    var key = insertNew(tree);
    var victim = tree.findGreatestLessThan(key);
    if (victim === null) victim = tree.findMax();
    var removed = tree.remove(victim.key);
    removedTextLength += removed.value.left.left.left.left.text.length;
  }
}

// checksum: size, in-order key order check, and a hash of quantised keys
var count = 0, prev = -1, sorted = true, h = 0;
tree.forEach(function (node) {
  if (node.key <= prev) sorted = false;
  prev = node.key;
  h = (Math.imul(h, 31) + Math.floor(node.key * 1048576)) | 0;
  count++;
});
emit('splay size=' + SIZE + ' checksum=' + count + ':' + sorted + ':' + (h >>> 0) + ':' + removedTextLength);
