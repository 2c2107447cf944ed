// A catch parameter that lives in a context (captured, or visible to a
// direct eval) holds the exception, not the context.
var fs = [];
for (var i = 0; i < 2; i++) { try { throw i; } catch (e) { fs.push(() => e); } }
console.log(fs.map(f => f()).join(","));
// expect: 0,1
try { throw 1; } catch (e) { eval("var z"); console.log(typeof e, e); }
// expect: number 1
function f() { try { throw { x: 2 }; } catch ({ x }) { return () => x; } }
console.log(f()());
// expect: 2
