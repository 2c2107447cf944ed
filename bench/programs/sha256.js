// sha256.js - SHA-256 (FIPS 180-4) implemented over Uint32Array words and
// applied repeatedly to a pseudo-random buffer (each digest is fed back into
// the buffer).  Self-checks against the standard "abc" test vector first.
// Measures: 32-bit integer arithmetic (rotates, xor, >>> 0), typed arrays.
// Size: number of 16 KiB buffers hashed.
var DEFAULT_SIZE = 32;
var BENCH_ARG = typeof BENCH_SIZE !== 'undefined' ? BENCH_SIZE
  : typeof process !== 'undefined' && process.argv ? process.argv[2]
  : typeof scriptArgs !== 'undefined' ? scriptArgs[0]
  : typeof arguments !== 'undefined' ? arguments[0] : undefined;
var SIZE = +BENCH_ARG > 0 ? Math.floor(+BENCH_ARG) : DEFAULT_SIZE;
function emit(line) {
  if (typeof console !== 'undefined' && console.log) console.log(line); else print(line);
}

var K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
]);
var H0 = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

function rotr(x, n) { return (x >>> n) | (x << (32 - n)); }

// Process 64-byte blocks of `words` (big-endian 32-bit words) into state h.
function compress(h, words, offset, w) {
  for (var t = 0; t < 16; t++) w[t] = words[offset + t];
  for (var t2 = 16; t2 < 64; t2++) {
    var a15 = w[t2 - 15], a2 = w[t2 - 2];
    var s0 = rotr(a15, 7) ^ rotr(a15, 18) ^ (a15 >>> 3);
    var s1 = rotr(a2, 17) ^ rotr(a2, 19) ^ (a2 >>> 10);
    w[t2] = (w[t2 - 16] + s0 + w[t2 - 7] + s1) | 0;
  }
  var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
  for (var i = 0; i < 64; i++) {
    var S1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
    var ch = (e & f) ^ (~e & g);
    var t1 = (k + S1 + ch + K[i] + w[i]) | 0;
    var S0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
    var maj = (a & b) ^ (a & c) ^ (b & c);
    var t2b = (S0 + maj) | 0;
    k = g; g = f; f = e;
    e = (d + t1) | 0;
    d = c; c = b; b = a;
    a = (t1 + t2b) | 0;
  }
  h[0] = (h[0] + a) | 0; h[1] = (h[1] + b) | 0; h[2] = (h[2] + c) | 0; h[3] = (h[3] + d) | 0;
  h[4] = (h[4] + e) | 0; h[5] = (h[5] + f) | 0; h[6] = (h[6] + g) | 0; h[7] = (h[7] + k) | 0;
}

// SHA-256 of a byte array; returns a Uint32Array(8) digest.
function sha256(bytes) {
  var len = bytes.length;
  var blocks = ((len + 9 + 63) >> 6);
  var words = new Uint32Array(blocks * 16);
  for (var i = 0; i < len; i++) words[i >> 2] |= bytes[i] << (24 - (i & 3) * 8);
  words[len >> 2] |= 0x80 << (24 - (len & 3) * 8);
  var bitLen = len * 8;
  words[blocks * 16 - 1] = bitLen >>> 0;
  words[blocks * 16 - 2] = Math.floor(bitLen / 4294967296);
  var h = new Uint32Array(H0);
  var w = new Uint32Array(64);
  for (var b = 0; b < blocks; b++) compress(h, words, b * 16, w);
  return h;
}

function hex(digest) {
  var s = '';
  for (var i = 0; i < digest.length; i++) s += (digest[i] + 0x100000000).toString(16).slice(1);
  return s;
}

var abc = hex(sha256(new Uint8Array([0x61, 0x62, 0x63])));
if (abc !== 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad') {
  throw new Error('sha256 self-test failed: ' + abc);
}

var buf = new Uint8Array(16384);
var state = 0x12345678;
for (var j = 0; j < buf.length; j++) {
  state = (Math.imul(state, 1103515245) + 12345) >>> 0;
  buf[j] = state >>> 24;
}
var digest = null;
for (var round = 0; round < SIZE; round++) {
  digest = sha256(buf);
  // feed the digest back so every round depends on the previous one
  for (var q = 0; q < 32; q++) buf[(round * 32 + q) % buf.length] ^= (digest[q >> 2] >>> (24 - (q & 3) * 8)) & 255;
}
emit('sha256 size=' + SIZE + ' checksum=' + hex(digest));
