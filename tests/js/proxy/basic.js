// Proxy constructor, Proxy.revocable, and the places that look through
// proxies (typeof, IsArray, Object.prototype.toString, JSON, inspect).
print(typeof Proxy, Proxy.length, Proxy.name, "prototype" in Proxy);
// expect: function 2 Proxy false
print(Object.getOwnPropertyNames(Proxy).join());
// expect: length,name,revocable
try { Proxy({}, {}); } catch (e) { print(e.constructor.name, e.message); }
// expect: TypeError Constructor Proxy requires 'new'
try { new Proxy(1, {}); } catch (e) { print(e.constructor.name, e.message); }
// expect: TypeError Cannot create proxy with a non-object as target or handler
try { new Proxy({}, null); } catch (e) { print(e.constructor.name, e.message); }
// expect: TypeError Cannot create proxy with a non-object as target or handler
var target = { a: 1 };
var p = new Proxy(target, {});
p.b = 2;
print(p.a, p.b, target.b, "a" in p, delete p.a, "a" in target);
// expect: 1 2 2 true true false
print(typeof new Proxy(function () {}, {}), typeof new Proxy(class {}, {}), typeof p);
// expect: function function object
print(Object.prototype.toString.call(new Proxy([], {})), Object.prototype.toString.call(new Proxy(function () {}, {})), Object.prototype.toString.call(p));
// expect: [object Array] [object Function] [object Object]
print(Array.isArray(new Proxy([], {})), Array.isArray(new Proxy(new Proxy([], {}), {})), Array.isArray(p));
// expect: true true false
print(JSON.stringify(new Proxy([1, { x: 2 }], {})), JSON.stringify(new Proxy({ y: [3] }, {})));
// expect: [1,{"x":2}] {"y":[3]}
print(JSON.stringify({ a: 1, b: 2, c: 3 }, new Proxy(["a", "c"], {})));
// expect: {"a":1,"c":3}
var r = Proxy.revocable({}, {});
print(Object.keys(r).join(), typeof r.revoke, r.revoke.length, r.revoke.name === "", "prototype" in r.revoke);
// expect: proxy,revoke function 0 true false
print(r.revoke(), r.revoke());
// expect: undefined undefined
try { r.proxy.x; } catch (e) { print(e.constructor.name, e.message); }
// expect: TypeError Cannot perform 'get' on a proxy that has been revoked
try { Array.isArray(r.proxy); } catch (e) { print(e.constructor.name, e.message); }
// expect: TypeError Cannot perform 'IsArray' on a proxy that has been revoked
try { JSON.stringify([r.proxy]); } catch (e) { print(e.constructor.name, e.message); }
// expect: TypeError Cannot perform 'get' on a proxy that has been revoked
try { new r.revoke(); } catch (e) { print(e.constructor.name); }
// expect: TypeError
var rf = Proxy.revocable(function () { return 7; }, {});
print(rf.proxy(), typeof rf.proxy);
// expect: 7 function
rf.revoke();
try { rf.proxy(); } catch (e) { print(e.message); }
// expect: Cannot perform 'apply' on a proxy that has been revoked
print(typeof rf.proxy);
// expect: function
try { (new Proxy({}, {}))(); } catch (e) { print(e.constructor.name); }
// expect: TypeError
try { new (new Proxy(function () {}.bind(), {}))(); print("bound ok"); } catch (e) { print(e.message); }
// expect: bound ok
try { new (new Proxy(() => 1, {}))(); } catch (e) { print(e.constructor.name); }
// expect: TypeError
console.log(new Proxy({ a: 1 }, { get() { throw 1; }, ownKeys() { throw 2; } }));
// expect: { a: 1 }
console.log(new Proxy([1, 2], {}), r.proxy);
// expect: [ 1, 2 ] <Revoked Proxy>
