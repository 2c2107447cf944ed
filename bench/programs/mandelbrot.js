// mandelbrot.js - renders the Mandelbrot set on an n x n grid into a 1-bit
// bitmap (8 pixels per byte) and hashes the bitmap.
// Measures: floating-point inner loops, bit twiddling, Uint8Array stores.
// Size: n (pixels per side).
var DEFAULT_SIZE = 464;
var BENCH_ARG = typeof BENCH_SIZE !== 'undefined' ? BENCH_SIZE
  : typeof process !== 'undefined' && process.argv ? process.argv[2]
  : typeof scriptArgs !== 'undefined' ? scriptArgs[0]
  : typeof arguments !== 'undefined' ? arguments[0] : undefined;
var SIZE = +BENCH_ARG > 0 ? Math.floor(+BENCH_ARG) : DEFAULT_SIZE;
function emit(line) {
  if (typeof console !== 'undefined' && console.log) console.log(line); else print(line);
}

function mandelbrot(n) {
  var rowBytes = (n + 7) >> 3;
  var bits = new Uint8Array(rowBytes * n);
  var limit = 50;
  for (var y = 0; y < n; y++) {
    var ci = 2 * y / n - 1;
    for (var x = 0; x < n; x++) {
      var cr = 2 * x / n - 1.5;
      var zr = 0, zi = 0, tr = 0, ti = 0;
      var i = 0;
      while (i < limit && tr + ti <= 4) {
        zi = 2 * zr * zi + ci;
        zr = tr - ti + cr;
        tr = zr * zr;
        ti = zi * zi;
        i++;
      }
      if (tr + ti <= 4) bits[y * rowBytes + (x >> 3)] |= 0x80 >> (x & 7);
    }
  }
  return bits;
}

var bitmap = mandelbrot(SIZE);
var h = 2166136261, inside = 0;
for (var k = 0; k < bitmap.length; k++) {
  var b = bitmap[k];
  h = Math.imul(h ^ b, 16777619) >>> 0;
  while (b) { inside += b & 1; b >>= 1; }
}
emit('mandelbrot size=' + SIZE + ' checksum=' + inside + ':' + h.toString(16));
