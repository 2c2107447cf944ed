// Uint8Array.fromBase64 and fromHex: results, whitespace, both alphabets,
// every lastChunkHandling, the SyntaxErrors and the argument TypeErrors.
function show(s, o) {
  try {
    var a = Uint8Array.fromBase64(s, o);
    return "[" + Array.prototype.join.call(a) + "]";
  } catch (e) {
    return e.name;
  }
}
print(show(""), show("Zg=="), show("Zm8="), show("Zm9v"), show("Zm9vYg=="), show("Zm9vYmE="), show("Zm9vYmFy"));
// expect: [] [102] [102,111] [102,111,111] [102,111,111,98] [102,111,111,98,97] [102,111,111,98,97,114]
var r = Uint8Array.fromBase64("Zm9v");
print(Object.getPrototypeOf(r) === Uint8Array.prototype, r.length, r.buffer.byteLength, r.byteOffset);
// expect: true 3 3 0
// ASCII whitespace (TAB LF FF CR SPACE) is skipped anywhere, even in padding;
// other whitespace is not.
print(show(" Z\tm\n9\fv\r "), show("Zg = ="), show("Zg=\n=\n"), show("\t\n\f\r "));
// expect: [102,111,111] [102] [102] []
print(show("Zm9v\u00a0"), show("Zm9v\u2028"), show("Zm9v\v"), show("Zm9v\ufeff"));
// expect: SyntaxError SyntaxError SyntaxError SyntaxError
// Alphabets.
print(show("-_-__g=="), show("+/+//g=="), show("-_-__g==", { alphabet: "base64url" }), show("+/+//g==", { alphabet: "base64url" }));
// expect: SyntaxError [251,255,191,254] [251,255,191,254] SyntaxError
print(show("x-_y", { alphabet: "base64url" }), show("x+/y"));
// expect: [199,239,242] [199,239,242]
// lastChunkHandling, for each kind of ending.
var endings = ["ZXhhZg==", "ZXhhZg", "ZXhhZh==", "ZXhhZh", "ZXhhZg=", "ZXhhZg===", "ZXhhZmY=", "ZXhhZmY", "ZXhhZmZ=", "ZXhhZ", "ZXhhZ="];
[undefined, "loose", "strict", "stop-before-partial"].forEach(function (l) {
  print(l, endings.map(function (s) { return show(s, { lastChunkHandling: l }); }).join(" "));
});
// expect: undefined [101,120,97,102] [101,120,97,102] [101,120,97,102] [101,120,97,102] SyntaxError SyntaxError [101,120,97,102,102] [101,120,97,102,102] [101,120,97,102,102] SyntaxError SyntaxError
// expect: loose [101,120,97,102] [101,120,97,102] [101,120,97,102] [101,120,97,102] SyntaxError SyntaxError [101,120,97,102,102] [101,120,97,102,102] [101,120,97,102,102] SyntaxError SyntaxError
// expect: strict [101,120,97,102] SyntaxError SyntaxError SyntaxError SyntaxError SyntaxError [101,120,97,102,102] SyntaxError SyntaxError SyntaxError SyntaxError
// expect: stop-before-partial [101,120,97,102] [101,120,97] [101,120,97,102] [101,120,97] [101,120,97] SyntaxError [101,120,97,102,102] [101,120,97] [101,120,97,102,102] [101,120,97] SyntaxError
// Padding in the wrong place, characters after it, and junk.
print(show("="), show("Z="), show("Zg==Zg=="), show("Zm9v=="), show("Zm8==") , show("Zg==="), show("Zm9v!"), show("Zm9v\u0100"));
// expect: SyntaxError SyntaxError SyntaxError SyntaxError SyntaxError SyntaxError SyntaxError SyntaxError
print(show("Zg== "), show("Zm8= \n"), show("Z"), show("Zm9vZ"));
// expect: [102] [102,111] SyntaxError SyntaxError
// Strings cut from wider ones (which may keep two-byte storage) decode the same.
var wide = "Zm9v\u0100".slice(0, 4) + "YmFy";
print(show(wide), show(("\u0100 Zm9v").slice(1)));
// expect: [102,111,111,98,97,114] [102,111,111]
// A rope (concatenation) is flattened first.
var rope = "Zm9v";
for (var i = 0; i < 5; i++) rope = rope + "Zm9v";
print(show(rope).length, Uint8Array.fromBase64(rope).length);
// expect: 73 18
// Errors carry a message.
try { Uint8Array.fromBase64("@@@@"); } catch (e) { print(e instanceof SyntaxError, typeof e.message, e.message.length > 0); }
// expect: true string true
// The argument must be a String (no ToString), checked before the options.
var touched = false;
var spy = { get alphabet() { touched = true; return "base64"; } };
[undefined, null, 12, Object("Zg=="), { toString: function () { return "Zg=="; } }, Symbol()].forEach(function (v) {
  try { Uint8Array.fromBase64(v, spy); } catch (e) { print(e.name, touched); }
});
// expect: TypeError false
// expect: TypeError false
// expect: TypeError false
// expect: TypeError false
// expect: TypeError false
// expect: TypeError false
// Options: getter order, once each, no ToString of the values.
var log = [];
var opts = {
  get alphabet() { log.push("alphabet"); return undefined; },
  get lastChunkHandling() { log.push("lastChunkHandling"); return undefined; },
  get omitPadding() { log.push("omitPadding"); return true; },
};
print(show("Zg==", opts), log.join());
// expect: [102] alphabet,lastChunkHandling
print(show("Zg==", { alphabet: Object("base64") }), show("Zg==", { lastChunkHandling: Object("loose") }), show("Zg==", { lastChunkHandling: "LOOSE" }), show("Zg==", null), show("Zg==", "base64"));
// expect: TypeError TypeError TypeError TypeError TypeError
// An invalid alphabet stops before lastChunkHandling is read.
log = [];
print(show("Zg==", { get alphabet() { log.push("a"); return "hex"; }, get lastChunkHandling() { log.push("l"); return "loose"; } }), log.join());
// expect: TypeError a
// A getter that throws propagates.
try { Uint8Array.fromBase64("", { get lastChunkHandling() { throw new RangeError("boom"); } }); } catch (e) { print(e.name, e.message); }
// expect: RangeError boom
// The receiver is ignored (a plain function call works; the result is a Uint8Array).
var f = Uint8Array.fromBase64;
print(f("Zg==") instanceof Uint8Array, Uint8Array.fromBase64.call(Int8Array, "Zg==").constructor === Uint8Array);
// expect: true true
class Sub extends Uint8Array {}
print(Sub.fromBase64("Zg==").constructor === Uint8Array, Sub.fromHex("66").constructor === Uint8Array);
// expect: true true

// fromHex.
function hex(s) {
  try { return "[" + Array.prototype.join.call(Uint8Array.fromHex(s)) + "]"; } catch (e) { return e.name; }
}
print(hex(""), hex("66"), hex("666f"), hex("666F6f"), hex("00ff80Aa"), hex("0123456789abcdefABCDEF"));
// expect: [] [102] [102,111] [102,111,111] [0,255,128,170] [1,35,69,103,137,171,205,239,171,205,239]
print(hex("6"), hex("666"), hex("6g"), hex(" 66"), hex("66 "), hex("0x"), hex("\u0660\u0661"), hex("6\u0100"));
// expect: SyntaxError SyntaxError SyntaxError SyntaxError SyntaxError SyntaxError SyntaxError SyntaxError
print(hex(undefined), hex(66), hex(Object("66")), hex({ toString: function () { return "66"; } }));
// expect: TypeError TypeError TypeError TypeError
var h = Uint8Array.fromHex("abcd");
print(Object.getPrototypeOf(h) === Uint8Array.prototype, h.buffer.byteLength);
// expect: true 2
