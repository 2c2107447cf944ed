// Uint8Array.prototype.toBase64 and toHex: RFC 4648 vectors, both
// alphabets, omitPadding, subarrays, and the property shapes.
var bytes = [102, 111, 111, 98, 97, 114];
for (var n = 0; n <= 6; n++) print(JSON.stringify(new Uint8Array(bytes.slice(0, n)).toBase64()));
// expect: ""
// expect: "Zg=="
// expect: "Zm8="
// expect: "Zm9v"
// expect: "Zm9vYg=="
// expect: "Zm9vYmE="
// expect: "Zm9vYmFy"
var odd = new Uint8Array([0xfb, 0xff, 0xbf, 0xfe]);
print(odd.toBase64(), odd.toBase64({ alphabet: "base64" }), odd.toBase64({ alphabet: "base64url" }));
// expect: +/+//g== +/+//g== -_-__g==
print(odd.toBase64({ omitPadding: true }), odd.toBase64({ alphabet: "base64url", omitPadding: 1 }));
// expect: +/+//g -_-__g
print(new Uint8Array([1, 2]).toBase64({ omitPadding: "" }), new Uint8Array([1, 2]).toBase64({ omitPadding: {} }));
// expect: AQI= AQI
print(new Uint8Array([0, 1, 15, 16, 127, 128, 254, 255]).toHex(), JSON.stringify(new Uint8Array(0).toHex()));
// expect: 00010f107f80feff ""
// Views: only the subarray's bytes, at its offset.
var base = new Uint8Array([1, 2, 3, 4, 5, 6]);
print(base.subarray(2, 5).toHex(), base.subarray(2, 5).toBase64(), new Uint8Array(base.buffer, 4).toHex());
// expect: 030405 AwQF 0506
// Options object: undefined is fine, other primitives are TypeErrors,
// and the alphabet must be a String (no ToString).
print(new Uint8Array([1]).toBase64(undefined));
// expect: AQ==
[null, 1, "x", true].forEach(function (o) {
  try { new Uint8Array(1).toBase64(o); } catch (e) { print(e.name); }
});
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
[Object("base64"), "BASE64", "base64 ", null, 64].forEach(function (a) {
  try { new Uint8Array(1).toBase64({ alphabet: a }); } catch (e) { print(e.name); }
});
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// expect: TypeError
// Getter order: alphabet, then omitPadding, each read once.
var log = [];
var opts = {
  get alphabet() { log.push("alphabet"); return "base64url"; },
  get omitPadding() { log.push("omitPadding"); return true; },
  get lastChunkHandling() { log.push("lastChunkHandling"); return "strict"; },
};
print(new Uint8Array([255]).toBase64(opts), log.join());
// expect: _w alphabet,omitPadding
// Inherited options count (it is a plain Get).
print(new Uint8Array([255]).toBase64(Object.create({ alphabet: "base64url" })));
// expect: _w==
// Receivers: only Uint8Array, not Uint8ClampedArray, other kinds, or plain objects.
[new Uint8ClampedArray(1), new Int8Array(1), new Uint16Array(1), [1], {}, "ab", undefined].forEach(function (r) {
  var e1 = "", e2 = "";
  try { Uint8Array.prototype.toBase64.call(r); } catch (e) { e1 = e.name; }
  try { Uint8Array.prototype.toHex.call(r); } catch (e) { e2 = e.name; }
  print(e1, e2);
});
// expect: TypeError TypeError
// expect: TypeError TypeError
// expect: TypeError TypeError
// expect: TypeError TypeError
// expect: TypeError TypeError
// expect: TypeError TypeError
// expect: TypeError TypeError
try { Uint8Array.prototype.toHex.call(new Int8Array(1)); } catch (e) { print(e.message); }
// expect: Method Uint8Array.prototype.toHex called on incompatible receiver #<Int8Array>
// A subclass instance is still a Uint8Array.
class Sub extends Uint8Array {}
print(new Sub([104, 105]).toBase64(), new Sub([104, 105]).toHex());
// expect: aGk= 6869
// Property shapes: methods on the constructor and prototype.
function shape(o, k) {
  var d = Object.getOwnPropertyDescriptor(o, k);
  return k + ":" + typeof d.value + "," + d.value.length + "," + d.value.name + "," + d.writable + d.enumerable + d.configurable;
}
print(shape(Uint8Array.prototype, "toBase64"), shape(Uint8Array.prototype, "toHex"));
// expect: toBase64:function,0,toBase64,truefalsetrue toHex:function,0,toHex,truefalsetrue
print(shape(Uint8Array.prototype, "setFromBase64"), shape(Uint8Array.prototype, "setFromHex"));
// expect: setFromBase64:function,1,setFromBase64,truefalsetrue setFromHex:function,1,setFromHex,truefalsetrue
print(shape(Uint8Array, "fromBase64"), shape(Uint8Array, "fromHex"));
// expect: fromBase64:function,1,fromBase64,truefalsetrue fromHex:function,1,fromHex,truefalsetrue
print("toBase64" in Int8Array.prototype, "fromBase64" in Int8Array, "toHex" in Uint8ClampedArray.prototype);
// expect: false false false
try { new Uint8Array.prototype.toBase64(); } catch (e) { print(e.name); }
// expect: TypeError
try { new Uint8Array.fromHex(""); } catch (e) { print(e.name); }
// expect: TypeError
