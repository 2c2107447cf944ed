// parseInt, parseFloat, isNaN, isFinite and the URI functions.
print(parseInt("  42px"), parseInt("0x1f"), parseInt("11", 2), parseInt("z", 37), parseInt(""));
// expect: 42 31 3 NaN NaN
print(1 / parseInt("-0"), parseFloat("3.5e2x"), parseFloat(".5"), parseFloat("-Infinityx"));
// expect: -Infinity 350 0.5 -Infinity
print(isNaN("abc"), isNaN("12"), isFinite("1e308"), isFinite(Infinity));
// expect: true false true false
print(encodeURIComponent("a b&c/d?é€😀"));
// expect: a%20b%26c%2Fd%3F%C3%A9%E2%82%AC%F0%9F%98%80
print(encodeURI("http://x.y/a b?q=1&r=é#h"));
// expect: http://x.y/a%20b?q=1&r=%C3%A9#h
try { encodeURI("\uD800"); } catch (e) { print(e.name, e.message); }
// expect: URIError URI malformed
print(decodeURIComponent("a%20b%26%C3%A9%F0%9F%98%80"));
// expect: a b&é😀
print(decodeURI("%3B%2f%20%23x"));
// expect: %3B%2f %23x
var bad = ["%", "%A", "%ZZ", "%C3", "%C3%28", "%C0%80", "%ED%A0%80", "%F4%90%80%80", "%80"];
print(bad.map(function (s) { try { decodeURIComponent(s); return "ok"; } catch (e) { return e.name; } }).join());
// expect: URIError,URIError,URIError,URIError,URIError,URIError,URIError,URIError,URIError
print(parseInt.length, parseFloat.length, encodeURI.length);
// expect: 2 1 1
