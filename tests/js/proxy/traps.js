// Every trap is called with the spec's arguments, the handler as this,
// and index keys spelled as strings; missing traps forward to the target.
var log = [];
var target = function () {};
var handler = {};
["getPrototypeOf", "setPrototypeOf", "isExtensible", "preventExtensions", "getOwnPropertyDescriptor",
 "defineProperty", "has", "get", "set", "deleteProperty", "ownKeys", "apply", "construct"].forEach(function (n) {
  handler[n] = function (t) {
    var args = [].slice.call(arguments, 1).map(function (a) {
      return typeof a === "symbol" ? a.toString() : a === p ? "proxy" : Array.isArray(a) ? "[" + a + "]" : typeof a === "object" && a ? JSON.stringify(a) : typeof a === "function" ? "fn" : String(a) + ":" + typeof a;
    });
    log.push(n + "(" + (t === target) + (this === handler ? ",h" : "") + (args.length ? "," + args.join(",") : "") + ")");
    return Reflect[n].apply(null, arguments);
  };
});
var p = new Proxy(target, handler);
function flush() { print(log.join(" ")); log = []; }
Object.getPrototypeOf(p); flush();
// expect: getPrototypeOf(true,h)
Object.setPrototypeOf(p, Function.prototype); flush();
// expect: setPrototypeOf(true,h,fn)
Object.isExtensible(p); flush();
// expect: isExtensible(true,h)
Object.getOwnPropertyDescriptor(p, 1); flush();
// expect: getOwnPropertyDescriptor(true,h,1:string)
Object.defineProperty(p, "x", { value: 1, writable: true, enumerable: true, configurable: true }); flush();
// expect: defineProperty(true,h,x:string,{"value":1,"writable":true,"enumerable":true,"configurable":true})
"x" in p; 0 in p; flush();
// expect: has(true,h,x:string) has(true,h,0:string)
p.x; p[5]; p[Symbol.iterator]; flush();
// expect: get(true,h,x:string,proxy) get(true,h,5:string,proxy) get(true,h,Symbol(Symbol.iterator),proxy)
p.y = 2; flush();
// expect: set(true,h,y:string,2:number,proxy) getOwnPropertyDescriptor(true,h,y:string) defineProperty(true,h,y:string,{"value":2,"writable":true,"enumerable":true,"configurable":true})
delete p.y; flush();
// expect: deleteProperty(true,h,y:string)
Reflect.ownKeys(p); flush();
// expect: ownKeys(true,h)
p(1, 2); p.call("t", 3); flush();
// expect: apply(true,h,undefined:undefined,[1,2]) get(true,h,call:string,proxy) apply(true,h,t:string,[3])
new p(4); flush();
// expect: construct(true,h,[4],proxy) get(true,h,prototype:string,proxy)
Reflect.get(p, "x", 42); flush();
// expect: get(true,h,x:string,42:number)
Object.preventExtensions(p); flush();
// expect: preventExtensions(true,h)
print(Object.isFrozen(p)); flush();
// expect: false
// expect: isExtensible(true,h) ownKeys(true,h) getOwnPropertyDescriptor(true,h,length:string)
// Missing traps (undefined or null) forward to the target.
var t2 = { a: 1 };
var p2 = new Proxy(t2, { get: undefined, set: null });
p2.b = 2;
print(p2.a, t2.b, Object.keys(p2).join());
// expect: 1 2 a,b
// A non-callable trap is a TypeError, found when the operation runs.
try { new Proxy({}, { get: 1 }).x; } catch (e) { print(e.constructor.name, e.message); }
// expect: TypeError '1' returned for property 'get' of object '#<Object>' is not a function
try { new Proxy({}, { has: {} }); print("created"); } catch (e) { print(e.message); }
// expect: created
// Trap results are converted: has/set/delete/define booleans.
var conv = new Proxy({}, { has() { return "yes"; }, set() { return 0; }, deleteProperty() { return 1; }, defineProperty() { return ""; } });
print("q" in conv, Reflect.set(conv, "q", 1), delete conv.q, Reflect.defineProperty(conv, "q", {}));
// expect: true false true false
try { (function () { "use strict"; conv.q = 1; })(); } catch (e) { print(e.message); }
// expect: 'set' on proxy: trap returned falsish for property 'q'
try { (function () { "use strict"; delete new Proxy({}, { deleteProperty() { return false; } }).q; })(); } catch (e) { print(e.message); }
// expect: 'deleteProperty' on proxy: trap returned falsish for property 'q'
try { Object.defineProperty(conv, "q", { value: 1 }); } catch (e) { print(e.message); }
// expect: 'defineProperty' on proxy: trap returned falsish for property 'q'
// The handler is read at each operation.
var h = {};
var p3 = new Proxy({ v: 1 }, h);
print(p3.v);
// expect: 1
h.get = function () { return "trapped"; };
print(p3.v);
// expect: trapped
