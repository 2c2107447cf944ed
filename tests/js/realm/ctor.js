// GetFunctionRealm and the places that use it: GetPrototypeFromConstructor
// falls back to the intrinsic of new.target's realm (through bound
// functions and proxies; a revoked proxy throws), ArraySpeciesCreate
// treats another realm's %Array% as this realm's, a function's lazily
// made prototype object comes from its own realm, and every realm has
// its own %ThrowTypeError%.
// flags: --expose-test262
var other = $262.createRealm().global;
// new.target whose prototype is not an object: its realm's intrinsic.
var C = new other.Function();
C.prototype = null;
function F() {}
print(Object.getPrototypeOf(Reflect.construct(F, [], C)) === other.Object.prototype);  // expect: true
print(Object.getPrototypeOf(Reflect.construct(Array, [], C)) === other.Array.prototype);  // expect: true
print(Object.getPrototypeOf(Reflect.construct(Error, [], C)) === other.Error.prototype);  // expect: true
print(Object.getPrototypeOf(Reflect.construct(RangeError, [], C)) === other.RangeError.prototype);  // expect: true
print(Object.getPrototypeOf(Reflect.construct(Promise, [function () {}], C)) === other.Promise.prototype);  // expect: true
print(Object.getPrototypeOf(Reflect.construct(Map, [], C)) === other.Map.prototype);  // expect: true
print(Object.getPrototypeOf(Reflect.construct(Date, [], C)) === other.Date.prototype);  // expect: true
print(Object.getPrototypeOf(Reflect.construct(Function, [], C)) === other.Function.prototype);  // expect: true
print(Object.getPrototypeOf(Reflect.construct(class {}, [], C)) === other.Object.prototype);  // expect: true
print(Object.getPrototypeOf(Reflect.construct(Number, [], C)) === other.Number.prototype);  // expect: true
print(Object.getPrototypeOf(Reflect.construct(ArrayBuffer, [8], C)) === other.ArrayBuffer.prototype);  // expect: true
print(Object.getPrototypeOf(Reflect.construct(Uint8Array, [2], C)) === other.Uint8Array.prototype);  // expect: true
print(Object.getPrototypeOf(Reflect.construct(DataView, [new ArrayBuffer(4)], C)) === other.DataView.prototype);  // expect: true
// Through a bound function: the target's realm.
var B = Function.prototype.bind.call(C);
print(Object.getPrototypeOf(Reflect.construct(Array, [], B)) === other.Array.prototype);  // expect: true
var B2 = other.Function.prototype.bind.call(function () {});
Object.defineProperty(B2, "prototype", {value: 1});
print(Object.getPrototypeOf(Reflect.construct(Array, [], B2)) === Array.prototype);  // expect: true
// Through a proxy: the target's realm; a revoked one throws a TypeError
// (the realm of the constructor doing the lookup).
var P = new Proxy(C, {});
print(Object.getPrototypeOf(Reflect.construct(Object, [], P)) === other.Object.prototype);  // expect: true
var rev = other.Proxy.revocable(function () {}, {
  get: function (t, k) { if (k === "prototype") rev.revoke(); return undefined; }
});
try { Reflect.construct(Array, [], rev.proxy); } catch (e) { print(e.constructor === TypeError, e.message); }  // expect: true Cannot perform 'GetFunctionRealm' on a proxy that has been revoked
// An object prototype is used as it is, whatever the realm.
var D = new other.Function();
print(Object.getPrototypeOf(Reflect.construct(Array, [], D)) === D.prototype);  // expect: true
// ArraySpeciesCreate: another realm's Array as constructor means this
// realm's Array.
var oa = new other.Array(1, 2, 3);
print(Object.getPrototypeOf(Array.prototype.map.call(oa, function (x) { return x; })) === Array.prototype);  // expect: true
print(Object.getPrototypeOf(Array.prototype.slice.call(oa)) === Array.prototype);  // expect: true
print(Object.getPrototypeOf(other.Array.prototype.slice.call(oa)) === other.Array.prototype);  // expect: true
print(Object.getPrototypeOf(other.Array.prototype.filter.call([1], function () { return true; })) === other.Array.prototype);  // expect: true
// ...but another realm's Array found through @@species is used.
var arr = [];
arr.constructor = {};
arr.constructor[Symbol.species] = other.Array;
print(Object.getPrototypeOf(arr.concat()) === other.Array.prototype);  // expect: true
// A function's prototype object is made in the function's realm, even
// when first read from another realm.
var fn = other.eval("(function () {})");
print(Object.getPrototypeOf(fn.prototype) === other.Object.prototype);  // expect: true
var gf = other.eval("(function* () {})");
print(Object.getPrototypeOf(Object.getPrototypeOf(gf.prototype)) === Object.getPrototypeOf(other.eval("(function* () {})").prototype.__proto__));  // expect: true
// %ThrowTypeError% is one per realm.
function tte(g) { return g.Object.getOwnPropertyDescriptor(g.Function.prototype, "caller").get; }
print(tte(other) !== tte(globalThis), Object.getPrototypeOf(tte(other)) === other.Function.prototype);  // expect: true true
try { tte(other)(); } catch (e) { print(e.constructor === other.TypeError); }  // expect: true
var strictArgs = other.eval("(function () { 'use strict'; return arguments; })()");
print(Object.getOwnPropertyDescriptor(strictArgs, "callee").get === tte(other));  // expect: true
// Object.prototype.toString and Array.isArray see arrays of any realm.
print(Object.prototype.toString.call(oa), Array.isArray(oa), Array.isArray(new Proxy(oa, {})));  // expect: [object Array] true true
// The Function constructor of a realm compiles into that realm.
var f2 = other.Function("return this");
print(f2() === other, new other.Function("return []")() instanceof other.Array);  // expect: true true
// Indirect eval runs in the eval function's realm.
print(other.eval("this") === other, (0, other.eval)("var viaEval = 5; viaEval"), other.viaEval, typeof viaEval);  // expect: true 5 5 undefined
