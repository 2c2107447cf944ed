// Uint8Array.prototype.setFromBase64 and setFromHex: { read, written },
// small targets (maxLength), writes before an error, subarrays, and the
// detached / out-of-bounds checks after the options are read.
var F = 255;
function set(n, s, o) {
  var t = new Uint8Array(n).fill(F);
  try {
    var r = t.setFromBase64(s, o);
    return r.read + "/" + r.written + " [" + t.join() + "]";
  } catch (e) {
    return e.name + " [" + t.join() + "]";
  }
}
var r = new Uint8Array(8).setFromBase64("Zm9v");
print(Object.getPrototypeOf(r) === Object.prototype, JSON.stringify(Object.getOwnPropertyDescriptors(r)));
// expect: true {"read":{"value":4,"writable":true,"enumerable":true,"configurable":true},"written":{"value":3,"writable":true,"enumerable":true,"configurable":true}}
print(set(8, ""), "|", set(8, "Zg=="), "|", set(8, "Zm9vYmFy"));
// expect: 0/0 [255,255,255,255,255,255,255,255] | 4/1 [102,255,255,255,255,255,255,255] | 8/6 [102,111,111,98,97,114,255,255]
// Target smaller than the data: whole chunks only, read stops after the last one.
print(set(5, "Zm9vYmFy"), "|", set(4, "Zm9vYmE="), "|", set(2, "Zm9v"), "|", set(0, "Zm9v"));
// expect: 4/3 [102,111,111,255,255] | 4/3 [102,111,111,255] | 0/0 [255,255] | 0/0 []
// Exactly full: a final partial chunk that fits is taken (with or without padding).
print(set(5, "Zm9vYmE="), "|", set(5, "Zm9vYmE"), "|", set(6, "Zm9vYmFy"), "|", set(4, "Zm9vYg"));
// expect: 8/5 [102,111,111,98,97] | 7/5 [102,111,111,98,97] | 8/6 [102,111,111,98,97,114] | 6/4 [102,111,111,98]
print(set(5, "Zm9vYmE", { lastChunkHandling: "stop-before-partial" }), "|", set(5, "Zm9vYmE=", { lastChunkHandling: "stop-before-partial" }));
// expect: 4/3 [102,111,111,255,255] | 8/5 [102,111,111,98,97]
// Full after a chunk: the rest is not looked at, even junk or whitespace.
print(set(3, "Zm9v!!!!"), "|", set(3, "Zm9v  "), "|", set(3, " Zm9v"), "|", set(3, "Zm9vZ"));
// expect: 4/3 [102,111,111] | 4/3 [102,111,111] | 5/3 [102,111,111] | 4/3 [102,111,111]
// Whitespace inside a chunk is counted in read.
print(set(6, "Zm 9v\nYm"), "|", set(4, "Zm 9v\nYm"));
// expect: 8/4 [102,111,111,98,255,255] | 8/4 [102,111,111,98]
// One byte of room left and a 2-character chunk: stop before the third character.
print(set(4, "Zm9vYmE="), "|", set(4, "Zm9vYg=="), "|", set(1, "Zg=="), "|", set(1, "Zm8="));
// expect: 4/3 [102,111,111,255] | 8/4 [102,111,111,98] | 4/1 [102] | 0/0 [255]
// Errors: bytes of the whole chunks before the error are written.
print(set(9, "Zm9vYmFy$"), "|", set(9, "Zm9vYmF$"), "|", set(9, "Zm9vYg="), "|", set(9, "Zm9vYh==", { lastChunkHandling: "strict" }));
// expect: SyntaxError [102,111,111,98,97,114,255,255,255] | SyntaxError [102,111,111,255,255,255,255,255,255] | SyntaxError [102,111,111,255,255,255,255,255,255] | SyntaxError [102,111,111,255,255,255,255,255,255]
print(set(9, "Zm9vY", { lastChunkHandling: "strict" }), "|", set(9, "Zm9vYmFy=") , "|", set(9, "-_-_", { alphabet: "base64" }));
// expect: SyntaxError [102,111,111,255,255,255,255,255,255] | SyntaxError [102,111,111,98,97,114,255,255,255] | SyntaxError [255,255,255,255,255,255,255,255,255]
print(set(4, "-_-_", { alphabet: "base64url" }), "|", set(4, "+/+/", { alphabet: "base64url" }));
// expect: 4/3 [251,255,191,255] | SyntaxError [255,255,255,255]
// A subarray is written at its offset only.
var base = new Uint8Array(7).fill(F);
r = base.subarray(2, 5).setFromBase64("Zm9vYmFy");
print(r.read, r.written, base.join());
// expect: 4 3 255,255,102,111,111,255,255
// Argument checks: receiver first, then the string, then the options.
var touched = 0;
var spy = { get alphabet() { touched++; return "base64"; } };
function err(f) { try { f(); return "ok"; } catch (e) { return e.name; } }
print(err(function () { Uint8Array.prototype.setFromBase64.call(new Int8Array(4), 5, spy); }), touched);
// expect: TypeError 0
print(err(function () { new Uint8Array(4).setFromBase64(Object("Zg=="), spy); }), touched);
// expect: TypeError 0
print(err(function () { new Uint8Array(4).setFromBase64("Zg==", 1); }), err(function () { new Uint8Array(4).setFromBase64("Zg==", { lastChunkHandling: "lax" }); }));
// expect: TypeError TypeError
var log = [];
new Uint8Array(4).setFromBase64("Zg==", { get lastChunkHandling() { log.push("l"); }, get alphabet() { log.push("a"); }, get omitPadding() { log.push("o"); } });
print(log.join());
// expect: a,l
// Detached before the call, or by an option getter: TypeError after the getters ran.
var t = new Uint8Array(4);
t.buffer.transfer();
print(err(function () { t.setFromBase64("Zg==", spy); }), touched, err(function () { t.setFromHex("aa"); }), err(function () { t.toBase64(); }), err(function () { t.toHex(); }));
// expect: TypeError 1 TypeError TypeError TypeError
t = new Uint8Array(4);
var detaching = { get alphabet() { t.buffer.transfer(); return "base64"; } };
print(err(function () { t.setFromBase64("Zg==", detaching); }));
// expect: TypeError
t = new Uint8Array(4);
print(err(function () { t.toBase64(detaching); }));
// expect: TypeError
// Out of bounds (a resizable buffer shrunk under a fixed-length view), and a
// length-tracking view that follows a resize made by a getter.
var rab = new ArrayBuffer(8, { maxByteLength: 16 });
var fixed = new Uint8Array(rab, 0, 8);
rab.resize(4);
print(err(function () { fixed.setFromHex("00"); }), err(function () { fixed.setFromBase64("AA=="); }), err(function () { fixed.toHex(); }));
// expect: TypeError TypeError TypeError
rab = new ArrayBuffer(2, { maxByteLength: 16 });
var tracking = new Uint8Array(rab);
r = tracking.setFromBase64("Zm9vYmFy", { get alphabet() { rab.resize(6); return "base64"; } });
print(r.read, r.written, tracking.join());
// expect: 8 6 102,111,111,98,97,114
rab = new ArrayBuffer(6, { maxByteLength: 16 });
tracking = new Uint8Array(rab);
print(tracking.fill(65).toBase64({ get alphabet() { rab.resize(3); return "base64"; } }));
// expect: QUFB

// setFromHex.
function sethex(n, s) {
  var t = new Uint8Array(n).fill(F);
  try {
    var r = t.setFromHex(s);
    return r.read + "/" + r.written + " [" + t.join() + "]";
  } catch (e) {
    return e.name + " [" + t.join() + "]";
  }
}
print(sethex(4, ""), "|", sethex(4, "0a0B"), "|", sethex(2, "aabbcc"), "|", sethex(0, "aa"));
// expect: 0/0 [255,255,255,255] | 4/2 [10,11,255,255] | 4/2 [170,187] | 0/0 []
// An odd length (spaces count) fails before anything is written; a bad
// digit after the good pairs are written.
print(sethex(4, "aab"), "|", sethex(4, "aabbzz"), "|", sethex(4, "aa bb"), "|", sethex(1, "aazz"));
// expect: SyntaxError [255,255,255,255] | SyntaxError [170,187,255,255] | SyntaxError [255,255,255,255] | 2/1 [170]
print(sethex(0, "a"), "|", sethex(2, "aab"));
// expect: SyntaxError [] | SyntaxError [255,255]
base = new Uint8Array(6).fill(0);
r = base.subarray(1, 3).setFromHex("010203");
print(r.read, r.written, base.join());
// expect: 4 2 0,1,2,0,0,0
print(err(function () { Uint8Array.prototype.setFromHex.call(new Uint8ClampedArray(2), "aa"); }), err(function () { new Uint8Array(2).setFromHex(0xaa); }));
// expect: TypeError TypeError
