// Integer-indexed exotic objects: canonical numeric string keys never
// reach the prototype chain or create properties.
var a = new Uint8Array([10, 20]);
Object.prototype["-0"] = "proto";
Object.prototype["2"] = "proto";
Object.prototype["1.5"] = "proto";
console.log(a[-0], a["-0"], a[2], a["1.5"], a["2"], a.foo, a["+1"], a["01"]);
// expect: 10 undefined undefined undefined undefined undefined undefined undefined
console.log("-0" in a, "0" in a, 1 in a, 2 in a, "1.5" in a, "Infinity" in a, "NaN" in a, "1e3" in a);
// expect: false true true false false false false false
a["-0"] = 1; a[5] = 1; a["1.5"] = 1; a[-1] = 1; a.x = 1; a["01"] = 1;
console.log(Object.keys(a).join(), a.length, a.x, a["01"]);
// expect: 0,1,x,01 2 1 1
delete Object.prototype["-0"]; delete Object.prototype["2"]; delete Object.prototype["1.5"];
console.log(delete a[0], delete a[5], delete a["-0"], delete a.x);
// expect: false true true true
"use strict";
(function () {
  "use strict";
  try { delete a[0]; } catch (e) { console.log(e.constructor.name); }
  a[9] = 5;  // out of range: silently ignored even in strict code
  console.log(a[9]);
})();
// expect: TypeError
// expect: undefined

// Descriptors: elements are writable, enumerable, configurable data.
var d = Object.getOwnPropertyDescriptor(a, "1");
console.log(d.value, d.writable, d.enumerable, d.configurable, Object.getOwnPropertyDescriptor(a, "2"));
// expect: 20 true true true undefined
console.log(Reflect.defineProperty(a, "0", { value: 99 }), a[0], Reflect.defineProperty(a, "0", { value: 1, writable: false }),
            Reflect.defineProperty(a, "0", { get() {} }), Reflect.defineProperty(a, "5", { value: 1 }), Reflect.defineProperty(a, "0", { enumerable: false }));
// expect: true 99 false false false false
try { Object.defineProperty(a, "7", { value: 1 }); } catch (e) { console.log(e.constructor.name); }
// expect: TypeError
try { Object.freeze(a); } catch (e) { console.log(e.constructor.name); }
// expect: TypeError
console.log(Object.isFrozen(Object.freeze(new Int8Array(0))));
// expect: true

// [[Set]] with a receiver: a typed array on the prototype chain.
// (Reflect.set for the invalid index: the interpreter's hole-filling
// fast path does not yet know that a prototype may be a typed array.)
var child = Object.create(a);
child[0] = 7;
Reflect.set(child, 3, 8);
console.log(a[0], Object.keys(child).join(), child[0], child[3]);
// expect: 99 0 7 undefined
console.log(Reflect.set(a, 1, 55, {}), a[1], Reflect.set(a, 5, 1), Reflect.set({}, 0, 3, a), a[0]);
// expect: true 20 true true 3

// Values are converted before the index is checked.
var log = [];
a[100] = { valueOf() { log.push("valueOf"); return 1; } };
console.log(log.join());
// expect: valueOf

// Enumeration and spreading.
var e = new Float64Array([1.5, 2.5]);
e.extra = 1;
var ks = [];
for (var k in e) ks.push(k);
console.log(ks.join(), Object.getOwnPropertyNames(e).join(), JSON.stringify(e), JSON.stringify(Object.entries(e)));
// expect: 0,1,extra 0,1,extra {"0":1.5,"1":2.5,"extra":1} [["0",1.5],["1",2.5],["extra",1]]
console.log(Array.prototype.join.call(e, "|"), Array.prototype.slice.call(e, 1).join(), Array.from(e).length);
// expect: 1.5|2.5 2.5 2
