// Object.prototype methods, toString tags and the Annex B accessors.
var ts = Object.prototype.toString;
print(ts.call([]), ts.call(function () {}), ts.call(new Error("x")));
// expect: [object Array] [object Function] [object Error]
print(ts.call(true), ts.call(1), ts.call("s"), ts.call(null), ts.call(undefined));
// expect: [object Boolean] [object Number] [object String] [object Null] [object Undefined]
print(ts.call((function () { return arguments; })()), ts.call({}));
// expect: [object Arguments] [object Object]
print(ts.call(Symbol()), ts.call(Reflect));
// expect: [object Symbol] [object Reflect]
var tagged = {};
tagged[Symbol.toStringTag] = "Custom";
print(String(tagged));
// expect: [object Custom]
print({ a: 1 }.hasOwnProperty("a"), {}.hasOwnProperty("toString"));
// expect: true false
var base = {};
var derived = Object.create(base);
print(base.isPrototypeOf(derived), derived.isPrototypeOf(base), Object.prototype.isPrototypeOf(1));
// expect: true false false
print([1].propertyIsEnumerable(0), [1].propertyIsEnumerable("length"));
// expect: true false
var o = {};
print(o.valueOf() === o, typeof Object.prototype.valueOf.call(1));
// expect: true object
print({}.toLocaleString());
// expect: [object Object]
print({}.__proto__ === Object.prototype);
// expect: true
var q = {};
q.__proto__ = Array.prototype;
print(Array.isArray(q), q instanceof Array);
// expect: false true
var h = {};
h.__defineGetter__("x", function () { return 42; });
h.__defineSetter__("x", function (v) { this.y = v; });
h.x = 9;
print(h.x, h.y, typeof h.__lookupGetter__("x"), typeof Object.create(h).__lookupSetter__("x"));
// expect: 42 9 function function
print(h.__lookupGetter__("y"));
// expect: undefined
try { Object.prototype.hasOwnProperty.call(null, "x"); } catch (e) { print(e instanceof TypeError); }
// expect: true
print(new Object(1) instanceof Number, Object(null) instanceof Object, typeof Object("s"));
// expect: true true object
class Sub extends Object { constructor() { super(); this.k = 1; } }
print(Object.getPrototypeOf(new Sub()) === Sub.prototype);
// expect: true
