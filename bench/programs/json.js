// json.js - builds a document of nested records (strings with escapes,
// integers, binary fractions, booleans, nulls, arrays), then repeatedly
// JSON.stringify's it, JSON.parse's it back (with and without a reviver),
// edits it, and pretty-prints part of it.
// Measures: the JSON built-ins, string creation, object/array allocation.
// Size: number of stringify/parse rounds.
var DEFAULT_SIZE = 25;
var BENCH_ARG = typeof BENCH_SIZE !== 'undefined' ? BENCH_SIZE
  : typeof process !== 'undefined' && process.argv ? process.argv[2]
  : typeof scriptArgs !== 'undefined' ? scriptArgs[0]
  : typeof arguments !== 'undefined' ? arguments[0] : undefined;
var SIZE = +BENCH_ARG > 0 ? Math.floor(+BENCH_ARG) : DEFAULT_SIZE;
function emit(line) {
  if (typeof console !== 'undefined' && console.log) console.log(line); else print(line);
}

var seed = 2024;
function rand(n) {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed % n;
}

var WORDS = ['alpha', 'beta', 'gamma', 'delta', 'tab\there', 'quote"d', 'back\\slash',
  'new\nline', 'caf\u00e9', 'na\u00efve', '\u65e5\u672c', 'emoji\ud83d\ude00', 'ctrl\u0001x'];

function makeRecord(id, depth) {
  var tags = [];
  for (var i = 0, n = rand(5); i < n; i++) tags.push(WORDS[rand(WORDS.length)]);
  var rec = {
    id: id,
    name: WORDS[rand(WORDS.length)] + '-' + id,
    score: rand(100000) / 64,      // exact binary fraction: prints identically everywhere
    count: rand(1 << 30) - (1 << 29),
    active: rand(2) === 1,
    owner: rand(4) === 0 ? null : { first: WORDS[rand(WORDS.length)], level: rand(10) },
    tags: tags,
    matrix: [[rand(10), rand(10)], [rand(10), rand(10)]]
  };
  if (depth > 0) {
    rec.children = [];
    for (var c = 0, k = 1 + rand(3); c < k; c++) rec.children.push(makeRecord(id * 10 + c, depth - 1));
  }
  return rec;
}

var doc = { version: 3, title: 'inventory', items: [] };
for (var i = 0; i < 200; i++) doc.items.push(makeRecord(i, 2));

function strHash(s, h) {
  for (var i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

var h = 2166136261, totalLen = 0, sumScores = 0;
for (var round = 0; round < SIZE; round++) {
  var text = JSON.stringify(doc);
  totalLen += text.length;
  var copy = JSON.parse(text);
  // edit the copy and carry it forward
  var item = copy.items[round % copy.items.length];
  item.count += round;
  item.tags.push('round' + round);
  delete item.matrix;
  copy.version++;
  // reviver: sum all "score" fields and drop owners below a level
  var revived = JSON.parse(text, function (key, value) {
    if (key === 'score') sumScores += value;
    if (key === 'owner' && value !== null && value.level < 3) return undefined;
    return value;
  });
  var pretty = JSON.stringify(revived.items[round % 17], ['id', 'name', 'owner', 'first', 'children'], 2);
  h = strHash(pretty, h);
  doc = copy;
}
var finalText = JSON.stringify(doc, null, '\t');
h = strHash(finalText, h);
emit('json size=' + SIZE + ' checksum=' + totalLen + ':' + sumScores + ':' + finalText.length + ':' + h.toString(16));
