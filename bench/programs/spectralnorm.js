// spectralnorm.js - the spectral norm of the infinite matrix
// A[i][j] = 1 / ((i + j)(i + j + 1) / 2 + i + 1), truncated to n x n, by the
// power method.  Measures: float arithmetic and Float64Array loops, calls.
// Size: n.
var DEFAULT_SIZE = 370;
var BENCH_ARG = typeof BENCH_SIZE !== 'undefined' ? BENCH_SIZE
  : typeof process !== 'undefined' && process.argv ? process.argv[2]
  : typeof scriptArgs !== 'undefined' ? scriptArgs[0]
  : typeof arguments !== 'undefined' ? arguments[0] : undefined;
var SIZE = +BENCH_ARG > 0 ? Math.floor(+BENCH_ARG) : DEFAULT_SIZE;
function emit(line) {
  if (typeof console !== 'undefined' && console.log) console.log(line); else print(line);
}

function a(i, j) {
  var s = i + j;
  return 1 / ((s * (s + 1)) / 2 + i + 1);
}

function mulAv(n, v, out) {
  for (var i = 0; i < n; i++) {
    var sum = 0;
    for (var j = 0; j < n; j++) sum += a(i, j) * v[j];
    out[i] = sum;
  }
}

function mulAtv(n, v, out) {
  for (var i = 0; i < n; i++) {
    var sum = 0;
    for (var j = 0; j < n; j++) sum += a(j, i) * v[j];
    out[i] = sum;
  }
}

function mulAtAv(n, v, out, tmp) {
  mulAv(n, v, tmp);
  mulAtv(n, tmp, out);
}

function spectralNorm(n) {
  var u = new Float64Array(n).fill(1), v = new Float64Array(n), tmp = new Float64Array(n);
  for (var k = 0; k < 10; k++) {
    mulAtAv(n, u, v, tmp);
    mulAtAv(n, v, u, tmp);
  }
  var vBv = 0, vv = 0;
  for (var i = 0; i < n; i++) {
    vBv += u[i] * v[i];
    vv += v[i] * v[i];
  }
  return Math.sqrt(vBv / vv);
}

emit('spectralnorm size=' + SIZE + ' checksum=' + spectralNorm(SIZE).toFixed(9));
