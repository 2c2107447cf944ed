// 1 MB through every codec and back (the decoders' fast path for whole
// chunks, and the general path with line breaks every 76 characters).
var N = 1 << 20;
var data = new Uint8Array(N);
var x = 12345;
for (var i = 0; i < N; i++) {
  x = (x * 1103515245 + 12345) >>> 0;
  data[i] = x >>> 24;
}
function same(a, b) {
  if (a.length !== b.length) return false;
  for (var i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
var b64 = data.toBase64();
print(b64.length, b64.slice(-4), same(Uint8Array.fromBase64(b64), data));
// expect: 1398104 Sg== true
var url = data.toBase64({ alphabet: "base64url", omitPadding: true });
print(url.length, /[+\/=]/.test(url), same(Uint8Array.fromBase64(url, { alphabet: "base64url" }), data));
// expect: 1398102 false true
print(same(Uint8Array.fromBase64(url, { alphabet: "base64url", lastChunkHandling: "stop-before-partial" }), data.subarray(0, N - 1)));
// expect: true
var hex = data.toHex();
print(hex.length, same(Uint8Array.fromHex(hex), data));
// expect: 2097152 true
// MIME-style lines.
var lines = [];
for (var i = 0; i < b64.length; i += 76) lines.push(b64.slice(i, i + 76));
var mime = lines.join("\r\n");
print(lines.length, same(Uint8Array.fromBase64(mime), data));
// expect: 18397 true
// Into a target, whole and in two halves (the first half ends with two
// bytes of room, too few for a whole chunk: it stops at 524286).
var target = new Uint8Array(N);
var r = target.setFromBase64(b64);
print(r.read, r.written, same(target, data));
// expect: 1398104 1048576 true
target = new Uint8Array(N);
r = target.subarray(0, N / 2).setFromBase64(mime);
var r2 = target.subarray(r.written).setFromBase64(mime.slice(r.read));
print(r.written, r.written + r2.written, same(target, data));
// expect: 524286 1048576 true
r = new Uint8Array(N).setFromHex(hex);
print(r.read, r.written);
// expect: 2097152 1048576
// An error near the end still costs one pass.
try { Uint8Array.fromBase64(b64.slice(0, -4) + "*"); } catch (e) { print(e.name); }
// expect: SyntaxError
