// $262.createRealm (host/test262.c, runtime/realm.c js_new_realm): a new
// realm has its own global object and intrinsics, its own $262 whose
// evalScript runs scripts there, and shares the agent-wide symbols
// (well-known ones and the Symbol.for registry) with every other realm.
// flags: --expose-test262
var r = $262.createRealm();
var other = r.global;
print(other !== globalThis, other.$262 === r, r.global === other);  // expect: true true true
// Every intrinsic is the realm's own.
print(other.Object !== Object, other.Array !== Array, other.Function !== Function);  // expect: true true true
print(Object.getPrototypeOf(other.Array.prototype) === other.Object.prototype);  // expect: true
print(Object.getPrototypeOf(other.Object.prototype), Object.getPrototypeOf(other.Function) === other.Function.prototype);  // expect: null true
print(other.Error.prototype !== Error.prototype, Object.getPrototypeOf(other.TypeError.prototype) === other.Error.prototype);  // expect: true true
print(typeof other.print, typeof other.JSON.stringify, typeof other.Promise, typeof other.Proxy);  // expect: function function function function
// evalScript runs in that realm: its var and let bindings are its own.
print(r.evalScript("var inOther = 1; let lex = 2; inOther + lex"));  // expect: 3
print(other.inOther, typeof inOther, r.evalScript("typeof lex"), typeof lex);  // expect: 1 undefined number undefined
print(r.evalScript("this") === other, r.evalScript("globalThis") === other);  // expect: true true
print($262.evalScript("this") === globalThis);  // expect: true
// Objects a script there makes come from its intrinsics.
var arr = r.evalScript("[1, 2, 3]");
print(Array.isArray(arr), arr instanceof Array, arr instanceof other.Array);  // expect: true false true
print(Object.prototype.toString.call(arr), JSON.stringify(arr));  // expect: [object Array] [1,2,3]
print(Object.getPrototypeOf(r.evalScript("({})")) === other.Object.prototype);  // expect: true
print(Object.getPrototypeOf(r.evalScript("(function () {})")) === other.Function.prototype);  // expect: true
// A syntax error in evalScript is that realm's SyntaxError.
try { r.evalScript("let let"); } catch (e) { print(e.constructor === other.SyntaxError); }  // expect: true
// Symbols belong to the agent.
print(other.Symbol.iterator === Symbol.iterator, other.Symbol.species === Symbol.species);  // expect: true true
print(other.Symbol.for("k") === Symbol.for("k"), other.Symbol.keyFor(Symbol.for("k")));  // expect: true k
print(other.Symbol("d") !== Symbol("d"), other.Symbol !== Symbol);  // expect: true true
// Realms nest: a realm made from another one is a third realm.
var r3 = r.evalScript("$262.createRealm()");
print(r3.global !== other && r3.global !== globalThis, r3.evalScript("Array") === r3.global.Array);  // expect: true true
print(typeof r3.createRealm, typeof r3.gc, typeof r3.detachArrayBuffer);  // expect: function function function
// $262 functions of a realm belong to it.
print(Object.getPrototypeOf(r.evalScript) === other.Function.prototype);  // expect: true
