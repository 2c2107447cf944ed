// A call runs in the callee's realm (vm->realm is its [[Realm]]) and the
// caller's realm is back after a return, a throw, a generator's
// suspension or an await: globals, object literals, wrapper objects and
// the errors natives and the interpreter throw all follow the realm.
// flags: --expose-test262
var r = $262.createRealm();
var other = r.global;
r.evalScript(`
  var who = "other";
  function getWho() { return who; }
  function sloppyThis() { return this; }
  function makeObj() { return {}; }
  function boom() { null.x; }
  function callBack(f) { return f(); }
  function* gen() { var a = yield {}; yield [who, a]; throw new Error("g"); }
  async function later() { await null; return [who, {}]; }
  var K = class K {};
  var D = class D extends Object { constructor() { super(); return 1; } };
  var E = class E extends Object { constructor() { return undefined; } };
`);
var who = "main";
// Global references resolve in the callee's realm and back.
print(other.getWho(), who);  // expect: other main
print(other.callBack(function () { return who; }), who);  // expect: main main
print(other.callBack(other.getWho), who);  // expect: other main
// OrdinaryCallBindThis: undefined this is the callee realm's global.
print(other.sloppyThis() === other, other.sloppyThis.call(undefined) === other);  // expect: true true
print(other.sloppyThis.call(1) instanceof other.Number);  // expect: true
print(Object.getPrototypeOf(other.makeObj()) === other.Object.prototype);  // expect: true
// Errors: the interpreter's TypeError is the running function's realm's.
try { other.boom(); } catch (e) { print(e instanceof other.TypeError, e instanceof TypeError); }  // expect: true false
// After a throw the caller's realm is current again.
print(Object.getPrototypeOf({}) === Object.prototype, who);  // expect: true main
try { null.y; } catch (e) { print(e instanceof TypeError); }  // expect: true
// A native throws in its own realm.
try { other.Array.prototype.map.call([], 1); } catch (e) { print(e.constructor === other.TypeError); }  // expect: true
try { new other.Array(-1); } catch (e) { print(e.constructor === other.RangeError); }  // expect: true
try { other.JSON.parse("{"); } catch (e) { print(e.constructor === other.SyntaxError); }  // expect: true
// Natives also make their results in their realm.
print(Object.getPrototypeOf(other.Object.keys({a: 1})) === other.Array.prototype);  // expect: true
print(Object.getPrototypeOf(other.Object(1)) === other.Number.prototype);  // expect: true
// A class constructor called without new: the callee realm's TypeError.
try { other.K(); } catch (e) { print(e.constructor === other.TypeError); }  // expect: true
// A derived constructor's bad return throws after its context is gone
// (§10.2.2 steps 9-12): the caller's realm's errors (V8 makes the
// ReferenceError in the callee's realm; node prints false there).
try { new other.D(); } catch (e) { print(e.constructor === TypeError, e.message); }  // expect: true Derived constructors may only return object or undefined
try { new other.E(); } catch (e) { print(e.constructor === ReferenceError, e.message.slice(0, 24)); }  // expect: true Must call super construc
// Generators run in their realm at every resumption.
var g = other.gen();
var first = g.next().value;
print(Object.getPrototypeOf(first) === other.Object.prototype, who);  // expect: true main
var second = g.next("x").value;
print(second[0], second[1], Object.getPrototypeOf(second) === other.Array.prototype);  // expect: other x true
try { g.next(); } catch (e) { print(e instanceof other.Error, e.message, who); }  // expect: true g main
print(Object.getPrototypeOf(g) === other.gen.prototype, Object.getPrototypeOf(other.gen.prototype) === r.evalScript("Object.getPrototypeOf(gen.prototype)"));  // expect: true true
// A body compiled on its first call, made from another realm: its inner
// functions and classes still belong to its realm.
r.evalScript("function outer() { return [function () { return {}; }, class {}, () => []]; }");
var made = other.outer();
print(Object.getPrototypeOf(made[0]()) === other.Object.prototype, Object.getPrototypeOf(made[0]) === other.Function.prototype);  // expect: true true
print(Object.getPrototypeOf(made[1].prototype) === other.Object.prototype, made[2]() instanceof other.Array);  // expect: true true
try { made[1](); } catch (e) { print(e.constructor === other.TypeError); }  // expect: true
// Cross-realm recursion unwinds to the right realm at every level.
r.evalScript("function ping(n, f) { return n === 0 ? who : f(n - 1, ping); }");
function pong(n, f) { return n === 0 ? who : f(n - 1, pong); }
print(other.ping(3, pong), other.ping(4, pong));  // expect: main other
// Async functions resume in their realm from the job queue.
var p = other.later();
print(p instanceof other.Promise);  // expect: true
p.then(function (v) {
  print(v[0], Object.getPrototypeOf(v[1]) === other.Object.prototype, who);  // expect: other true main
});
