// regexp.js - regular expressions over generated web-server log lines:
// parsing with capture groups, global exec loops, replace with strings and
// callbacks, split on patterns, case-insensitive alternations, lookahead,
// backreferences, sticky and named groups.
// Measures: the regexp compiler/matcher and match-result allocation.
// Size: number of passes over a 2000-line log.
var DEFAULT_SIZE = 35;
var BENCH_ARG = typeof BENCH_SIZE !== 'undefined' ? BENCH_SIZE
  : typeof process !== 'undefined' && process.argv ? process.argv[2]
  : typeof scriptArgs !== 'undefined' ? scriptArgs[0]
  : typeof arguments !== 'undefined' ? arguments[0] : undefined;
var SIZE = +BENCH_ARG > 0 ? Math.floor(+BENCH_ARG) : DEFAULT_SIZE;
function emit(line) {
  if (typeof console !== 'undefined' && console.log) console.log(line); else print(line);
}

var seed = 99;
function rand(n) {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return (seed >>> 8) % n;
}

var METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'HEAD'];
var PATHS = ['/index.html', '/api/v1/users', '/api/v1/users/42/orders', '/static/app.js',
  '/static/style.css', '/login?next=%2Fhome', '/search?q=free+beer&page=2', '/img/logo.png'];
var AGENTS = ['Mozilla/5.0 (X11; Linux x86_64)', 'curl/8.1.2', 'Googlebot/2.1',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 13_4)', 'python-requests/2.31'];
var USERS = ['alice@example.com', 'bob.smith@mail.example.org', '-', 'carol+tag@test.io', 'dave@@broken'];

function makeLine(i) {
  var ip = (10 + rand(200)) + '.' + rand(256) + '.' + rand(256) + '.' + rand(256);
  var day = 1 + rand(28), hour = rand(24), min = rand(60), sec = rand(60);
  var two = function (n) { return n < 10 ? '0' + n : '' + n; };
  return ip + ' - ' + USERS[rand(USERS.length)] + ' [' + two(day) + '/Oct/2023:' + two(hour) + ':' +
    two(min) + ':' + two(sec) + ' +0000] "' + METHODS[rand(METHODS.length)] + ' ' +
    PATHS[rand(PATHS.length)] + ' HTTP/1.1" ' + [200, 200, 200, 301, 404, 500][rand(6)] + ' ' +
    rand(50000) + ' "' + AGENTS[rand(AGENTS.length)] + '" id=' + i + (rand(7) === 0 ? ' ERROR timeout timeout' : '');
}

var lines = [];
for (var i = 0; i < 2000; i++) lines.push(makeLine(i));
var log = lines.join('\n');

var LINE_RE = /^(\d{1,3}(?:\.\d{1,3}){3}) - (\S+) \[(\d\d)\/(\w{3})\/(\d{4}):(\d\d):(\d\d):(\d\d) [+-]\d{4}\] "(\w+) ([^ "]+) HTTP\/[\d.]+" (\d{3}) (\d+) "([^"]*)"(.*)$/;
var EMAIL_RE = /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/;
var BOT_RE = /bot|crawler|spider|curl|python/i;
var QUERY_RE = /[?&]([^=&]+)=([^&]*)/g;
var REPEAT_RE = /\b(\w+) \1\b/;
var NUM_RE = /\d+/g;
var NAMED_RE = /(?<verb>GET|POST) (?<path>\/api\/[^ ]*)/;
var STICKY_RE = /\s*([A-Za-z_]\w*|\d+|\S)/y;

var acc = 0, h = 0;
function mix(s) {
  for (var k = 0; k < s.length; k++) h = (Math.imul(h, 31) + s.charCodeAt(k)) | 0;
}

for (var pass = 0; pass < SIZE; pass++) {
  var statusCount = {};
  for (var j = 0; j < lines.length; j++) {
    var line = lines[j];
    var m = LINE_RE.exec(line);
    if (m === null) throw new Error('unparsed line ' + j);
    statusCount[m[11]] = (statusCount[m[11]] || 0) + 1;
    acc += +m[12] % 97 + +m[6];
    if (EMAIL_RE.test(m[2])) acc += 3;
    if (BOT_RE.test(m[13])) acc += 5;
    QUERY_RE.lastIndex = 0;
    var q;
    while ((q = QUERY_RE.exec(m[10])) !== null) acc += q[1].length + q[2].length;
    if (REPEAT_RE.test(m[14])) acc += 7;
    var named = NAMED_RE.exec(line);
    if (named !== null) acc += named.groups.path.length;
  }
  mix(Object.keys(statusCount).sort().map(function (k) { return k + '=' + statusCount[k]; }).join(','));

  // whole-log operations
  var chunk = lines.slice(pass * 100 % 1500, pass * 100 % 1500 + 400).join('\n');
  var masked = chunk.replace(/(\d+)\.(\d+)\.\d+\.\d+/g, '$1.$2.x.x');
  var redacted = masked.replace(/[\w.+-]+@[\w.-]+/g, function (email) {
    return '<' + email.length + '>';
  });
  acc += redacted.length;
  var nums = chunk.match(NUM_RE);
  acc += nums.length;
  var fields = chunk.split(/\s+|"/);
  acc += fields.length;
  var upper = chunk.replace(/\b(get|post|put)\b/gi, function (w) { return w.toLowerCase(); });
  mix(upper.slice(0, 200));
  var lookahead = chunk.match(/\d+(?= HTTP)/g);
  acc += lookahead === null ? 0 : lookahead.length;

  // a sticky-regexp tokenizer
  var src = 'let x1 = foo(42, bar) + 7 * baz_9 - (qux / 3);'.repeat(20);
  STICKY_RE.lastIndex = 0;
  var tok, tokens = 0;
  while (STICKY_RE.lastIndex < src.length && (tok = STICKY_RE.exec(src)) !== null) {
    tokens++;
    h = (Math.imul(h, 7) + tok[1].charCodeAt(0)) | 0;
  }
  acc += tokens;
}
emit('regexp size=' + SIZE + ' checksum=' + acc + ':' + (h >>> 0));
