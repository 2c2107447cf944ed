// A named function expression sees its own name: the closure itself
// (recursion from inside if, loops and nested arrows), shadowed by a
// parameter or var of the same name, immutable (silently in sloppy code).
print((function fact(n) { return n <= 1 ? 1 : n * fact(n - 1); })(5));
let f = function walk(t) { let c = 0; while (t !== null) { c++; c += walk(t.l); t = t.r; } return c; };
print(f({ l: { l: null, r: null }, r: { l: null, r: null } }));
print((function g() { return (() => typeof g)(); })());
print((function h(h) { return h; })(42));
print((function k() { var k = 7; return k; })());
print((function m() { m = 1; return typeof m; })());
print((function n() { "use strict"; try { n = 1; } catch (e) { return e.name; } })());
// expect: 120
// expect: 3
// expect: function
// expect: 42
// expect: 7
// expect: function
// expect: TypeError
