// strings.js - string building (concatenation in loops, template literals,
// Array.join, padStart/repeat) and string searching (indexOf, lastIndexOf,
// includes, startsWith, split, replaceAll, charCodeAt scans), plus a naive
// and a Boyer-Moore-Horspool substring search written in JS.
// Measures: string representation (ropes/flattening), search built-ins.
// Size: number of rounds over a ~64 KB generated text.
var DEFAULT_SIZE = 150;
var BENCH_ARG = typeof BENCH_SIZE !== 'undefined' ? BENCH_SIZE
  : typeof process !== 'undefined' && process.argv ? process.argv[2]
  : typeof scriptArgs !== 'undefined' ? scriptArgs[0]
  : typeof arguments !== 'undefined' ? arguments[0] : undefined;
var SIZE = +BENCH_ARG > 0 ? Math.floor(+BENCH_ARG) : DEFAULT_SIZE;
function emit(line) {
  if (typeof console !== 'undefined' && console.log) console.log(line); else print(line);
}

var seed = 7;
function rand(n) {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return (seed >>> 8) % n;
}

var SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'su', 'ta', 'ri', 'on', 'est', 'ver', 'qua', 'zy'];

function makeWord() {
  var w = '';
  for (var i = 0, n = 1 + rand(4); i < n; i++) w += SYLLABLES[rand(SYLLABLES.length)];
  return w;
}

function buildText(words) {
  var out = '';
  for (var i = 0; i < words; i++) {
    out += makeWord();
    out += i % 11 === 10 ? '.\n' : ' ';
  }
  return out;
}

// Boyer-Moore-Horspool search; returns the number of (overlapping) matches
function horspoolCount(text, pat) {
  var m = pat.length, n = text.length;
  var shift = new Int32Array(128).fill(m);
  for (var i = 0; i < m - 1; i++) shift[pat.charCodeAt(i) & 127] = m - 1 - i;
  var count = 0, pos = 0;
  while (pos <= n - m) {
    var j = m - 1;
    while (j >= 0 && text.charCodeAt(pos + j) === pat.charCodeAt(j)) j--;
    if (j < 0) count++;
    pos += shift[text.charCodeAt(pos + m - 1) & 127];
  }
  return count;
}

function naiveCount(text, pat) {
  var count = 0;
  outer: for (var i = 0; i + pat.length <= text.length; i++) {
    for (var j = 0; j < pat.length; j++) {
      if (text[i + j] !== pat[j]) continue outer;
    }
    count++;
  }
  return count;
}

function builtinCount(text, pat) {
  var count = 0, at = text.indexOf(pat);
  while (at !== -1) { count++; at = text.indexOf(pat, at + 1); }
  return count;
}

var text = buildText(12000);
var acc = 0, h = 0;
for (var round = 0; round < SIZE; round++) {
  var pat = makeWord() + ' ' + SYLLABLES[round % SYLLABLES.length];
  var a = horspoolCount(text, pat), b = builtinCount(text, pat);
  if (a !== b) throw new Error('search mismatch ' + a + ' ' + b);
  if (round % 10 === 0 && naiveCount(text, pat) !== a) throw new Error('naive mismatch');
  acc += a;

  // split / join / case / replaceAll
  var sentences = text.split('.\n');
  var longest = '';
  for (var s = 0; s < sentences.length; s++) if (sentences[s].length > longest.length) longest = sentences[s];
  var title = longest.split(' ').map(function (w) {
    return w.length ? w[0].toUpperCase() + w.slice(1) : w;
  }).join(' ');
  acc += title.length + (text.lastIndexOf(SYLLABLES[round % 12]) & 0xffff);
  var replaced = longest.replaceAll(SYLLABLES[round % 12], '<' + round + '>');
  acc += replaced.length;

  // template literals and padding into a table
  var rows = [];
  for (var r = 0; r < 200; r++) {
    var word = sentences[(r * 7 + round) % sentences.length].slice(0, 12);
    rows.push(`${String(r).padStart(4, '0')}|${word.padEnd(12, '.')}|${'*'.repeat(r % 9)}`);
  }
  var table = rows.join('\n');
  for (var c = 0; c < table.length; c += 3) h = (Math.imul(h, 33) + table.charCodeAt(c)) | 0;
  if (table.includes('0199|') && table.startsWith('0000|')) acc++;

  // character classification scan
  var vowels = 0;
  for (var k = 0; k < longest.length; k++) {
    var ch = longest.charCodeAt(k);
    if (ch === 97 || ch === 101 || ch === 105 || ch === 111 || ch === 117) vowels++;
  }
  acc += vowels;
  // rebuild part of the text so strings keep changing
  text = text.slice(4096) + text.slice(0, 4096).toUpperCase().toLowerCase();
}
emit('strings size=' + SIZE + ' checksum=' + acc + ':' + (h >>> 0) + ':' + text.length);
