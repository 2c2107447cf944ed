// binarytrees.js - allocates and walks many perfect binary trees of varying
// depth while one long-lived tree stays reachable.
// Measures: allocation throughput and young-generation garbage collection.
// Size: maximum tree depth.
var DEFAULT_SIZE = 14;
var BENCH_ARG = typeof BENCH_SIZE !== 'undefined' ? BENCH_SIZE
  : typeof process !== 'undefined' && process.argv ? process.argv[2]
  : typeof scriptArgs !== 'undefined' ? scriptArgs[0]
  : typeof arguments !== 'undefined' ? arguments[0] : undefined;
var SIZE = +BENCH_ARG > 0 ? Math.floor(+BENCH_ARG) : DEFAULT_SIZE;
function emit(line) {
  if (typeof console !== 'undefined' && console.log) console.log(line); else print(line);
}

class TreeNode {
  constructor(left, right) {
    this.left = left;
    this.right = right;
  }
  check() {
    return this.left === null ? 1 : 1 + this.left.check() + this.right.check();
  }
}

function bottomUp(depth) {
  return depth > 0 ? new TreeNode(bottomUp(depth - 1), bottomUp(depth - 1))
                   : new TreeNode(null, null);
}

var minDepth = 4;
var maxDepth = Math.max(minDepth + 2, SIZE);
var parts = [];
parts.push(bottomUp(maxDepth + 1).check());
var longLived = bottomUp(maxDepth);
for (var d = minDepth; d <= maxDepth; d += 2) {
  var iterations = 1 << (maxDepth - d + minDepth);
  var sum = 0;
  for (var i = 0; i < iterations; i++) sum += bottomUp(d).check();
  parts.push(iterations + '/' + sum);
}
parts.push(longLived.check());
emit('binarytrees size=' + SIZE + ' checksum=' + parts.join(':'));
