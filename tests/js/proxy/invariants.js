// Each invariant of ECMA-262 10.5 against a non-configurable property or
// a non-extensible target throws a TypeError (V8's messages).
function t(label, f) {
  try { var r = f(); print(label, "ok", String(r)); } catch (e) { print(label, e.constructor.name + ": " + e.message); }
}
var o = {};
Object.defineProperty(o, "x", { value: 1 });
Object.defineProperty(o, "y", { get: undefined, set: undefined });
Object.defineProperty(o, "w", { value: 1, writable: true });
var ne = Object.preventExtensions({ z: 1 });
t("get", () => new Proxy(o, { get() { return 2; } }).x);
// expect: get TypeError: 'get' on proxy: property 'x' is a read-only and non-configurable data property on the proxy target but the proxy did not return its actual value (expected '1' but got '2')
t("get same", () => new Proxy(o, { get() { return 1; } }).x);
// expect: get same ok 1
t("get acc", () => new Proxy(o, { get() { return 2; } }).y);
// expect: get acc TypeError: 'get' on proxy: property 'y' is a non-configurable accessor property on the proxy target and does not have a getter function, but the trap did not return 'undefined' (got '2')
t("set", () => Reflect.set(new Proxy(o, { set() { return true; } }), "x", 2));
// expect: set TypeError: 'set' on proxy: trap returned truish for property 'x' which exists in the proxy target as a non-configurable and non-writable data property with a different value
t("set same", () => Reflect.set(new Proxy(o, { set() { return true; } }), "x", 1));
// expect: set same ok true
t("set acc", () => Reflect.set(new Proxy(o, { set() { return true; } }), "y", 2));
// expect: set acc TypeError: 'set' on proxy: trap returned truish for property 'y' which exists in the proxy target as a non-configurable and non-writable accessor property without a setter
t("has nc", () => "x" in new Proxy(o, { has() { return false; } }));
// expect: has nc TypeError: 'has' on proxy: trap returned falsish for property 'x' which exists in the proxy target as non-configurable
t("has ne", () => "z" in new Proxy(ne, { has() { return false; } }));
// expect: has ne TypeError: 'has' on proxy: trap returned falsish for property 'z' but the proxy target is not extensible
t("has absent", () => "q" in new Proxy(ne, { has() { return false; } }));
// expect: has absent ok false
t("delete nc", () => delete new Proxy(o, { deleteProperty() { return true; } }).x);
// expect: delete nc TypeError: 'deleteProperty' on proxy: trap returned truish for property 'x' which is non-configurable in the proxy target
t("delete ne", () => delete new Proxy(ne, { deleteProperty() { return true; } }).z);
// expect: delete ne TypeError: 'deleteProperty' on proxy: trap returned truish for property 'z' but the proxy target is non-extensible
t("define ne", () => Reflect.defineProperty(new Proxy(Object.preventExtensions({}), { defineProperty() { return true; } }), "x", { value: 1 }));
// expect: define ne TypeError: 'defineProperty' on proxy: trap returned truish for adding property 'x'  to the non-extensible proxy target
t("define nc new", () => Reflect.defineProperty(new Proxy({}, { defineProperty() { return true; } }), "x", { value: 1, configurable: false }));
// expect: define nc new TypeError: 'defineProperty' on proxy: trap returned truish for defining non-configurable property 'x' which is either non-existent or configurable in the proxy target
t("define incompatible", () => Reflect.defineProperty(new Proxy(o, { defineProperty() { return true; } }), "x", { value: 2 }));
// expect: define incompatible TypeError: 'defineProperty' on proxy: trap returned truish for adding property 'x'  that is incompatible with the existing property in the proxy target
t("define nc over c", () => Reflect.defineProperty(new Proxy({ x: 1 }, { defineProperty() { return true; } }), "x", { value: 1, configurable: false }));
// expect: define nc over c TypeError: 'defineProperty' on proxy: trap returned truish for defining non-configurable property 'x' which is either non-existent or configurable in the proxy target
t("define nw", () => Reflect.defineProperty(new Proxy(o, { defineProperty() { return true; } }), "w", { value: 1, writable: false, configurable: false }));
// expect: define nw TypeError: 'defineProperty' on proxy: trap returned truish for defining non-configurable property 'w' which cannot be non-writable, unless there exists a corresponding non-configurable, non-writable own property of the target object.
t("gopd type", () => Object.getOwnPropertyDescriptor(new Proxy({}, { getOwnPropertyDescriptor() { return 1; } }), "x"));
// expect: gopd type TypeError: 'getOwnPropertyDescriptor' on proxy: trap returned neither object nor undefined for property 'x'
t("gopd undef nc", () => Object.getOwnPropertyDescriptor(new Proxy(o, { getOwnPropertyDescriptor() {} }), "x"));
// expect: gopd undef nc TypeError: 'getOwnPropertyDescriptor' on proxy: trap returned undefined for property 'x' which is non-configurable in the proxy target
t("gopd undef ne", () => Object.getOwnPropertyDescriptor(new Proxy(ne, { getOwnPropertyDescriptor() {} }), "z"));
// expect: gopd undef ne TypeError: 'getOwnPropertyDescriptor' on proxy: trap returned undefined for property 'z' which exists in the non-extensible proxy target
t("gopd new on ne", () => Object.getOwnPropertyDescriptor(new Proxy(Object.preventExtensions({}), { getOwnPropertyDescriptor() { return { value: 1, configurable: true }; } }), "q"));
// expect: gopd new on ne TypeError: 'getOwnPropertyDescriptor' on proxy: trap returned descriptor for property 'q' that is incompatible with the existing property in the proxy target
t("gopd nc absent", () => Object.getOwnPropertyDescriptor(new Proxy({}, { getOwnPropertyDescriptor() { return { value: 1 }; } }), "q"));
// expect: gopd nc absent TypeError: 'getOwnPropertyDescriptor' on proxy: trap reported non-configurability for property 'q' which is either non-existent or configurable in the proxy target
t("gopd incompatible", () => Object.getOwnPropertyDescriptor(new Proxy(o, { getOwnPropertyDescriptor() { return { value: 2 }; } }), "x"));
// expect: gopd incompatible TypeError: 'getOwnPropertyDescriptor' on proxy: trap returned descriptor for property 'x' that is incompatible with the existing property in the proxy target
t("gopd nc nw", () => Object.getOwnPropertyDescriptor(new Proxy(o, { getOwnPropertyDescriptor() { return { value: 1, writable: false }; } }), "w"));
// expect: gopd nc nw TypeError: 'getOwnPropertyDescriptor' on proxy: trap reported non-configurable and writable for property 'w' which is non-configurable, non-writable in the proxy target
t("gopd ok", () => JSON.stringify(Object.getOwnPropertyDescriptor(new Proxy({}, { getOwnPropertyDescriptor() { return { value: 1, configurable: true }; } }), "q")));
// expect: gopd ok ok {"value":1,"writable":false,"enumerable":false,"configurable":true}
t("ownKeys type", () => Reflect.ownKeys(new Proxy({}, { ownKeys() { return 1; } })));
// expect: ownKeys type TypeError: CreateListFromArrayLike called on non-object
t("ownKeys elem", () => Reflect.ownKeys(new Proxy({}, { ownKeys() { return [1]; } })));
// expect: ownKeys elem TypeError: 1 is not a valid property name
t("ownKeys dup", () => Reflect.ownKeys(new Proxy({}, { ownKeys() { return ["a", "a"]; } })));
// expect: ownKeys dup TypeError: 'ownKeys' on proxy: trap returned duplicate entries
t("ownKeys nc", () => Reflect.ownKeys(new Proxy(o, { ownKeys() { return []; } })));
// expect: ownKeys nc TypeError: 'ownKeys' on proxy: trap result did not include 'x'
t("ownKeys ne missing", () => Reflect.ownKeys(new Proxy(ne, { ownKeys() { return []; } })));
// expect: ownKeys ne missing TypeError: 'ownKeys' on proxy: trap result did not include 'z'
t("ownKeys ne extra", () => Reflect.ownKeys(new Proxy(ne, { ownKeys() { return ["z", "e"]; } })));
// expect: ownKeys ne extra TypeError: 'ownKeys' on proxy: trap returned extra keys but proxy target is non-extensible
t("ownKeys ok", () => Reflect.ownKeys(new Proxy(o, { ownKeys() { return ["y", "x", "w", "extra"]; } })).join());
// expect: ownKeys ok ok y,x,w,extra
t("gpo type", () => Object.getPrototypeOf(new Proxy({}, { getPrototypeOf() { return 1; } })));
// expect: gpo type TypeError: 'getPrototypeOf' on proxy: trap returned neither object nor null
t("gpo ne", () => Object.getPrototypeOf(new Proxy(Object.preventExtensions({}), { getPrototypeOf() { return Array.prototype; } })));
// expect: gpo ne TypeError: 'getPrototypeOf' on proxy: proxy target is non-extensible but the trap did not return its actual prototype
t("gpo ne same", () => Object.getPrototypeOf(new Proxy(Object.preventExtensions({}), { getPrototypeOf() { return Object.prototype; } })) === Object.prototype);
// expect: gpo ne same ok true
t("spo ne", () => Reflect.setPrototypeOf(new Proxy(Object.preventExtensions({}), { setPrototypeOf() { return true; } }), null));
// expect: spo ne TypeError: 'setPrototypeOf' on proxy: trap returned truish for setting a new prototype on the non-extensible proxy target
t("spo false", () => Reflect.setPrototypeOf(new Proxy({}, { setPrototypeOf() { return false; } }), null));
// expect: spo false ok false
t("isExt", () => Object.isExtensible(new Proxy({}, { isExtensible() { return false; } })));
// expect: isExt TypeError: 'isExtensible' on proxy: trap result does not reflect extensibility of proxy target (which is 'true')
t("pe truish", () => Reflect.preventExtensions(new Proxy({}, { preventExtensions() { return true; } })));
// expect: pe truish TypeError: 'preventExtensions' on proxy: trap returned truish but the proxy target is extensible
t("pe false", () => Reflect.preventExtensions(new Proxy({}, { preventExtensions() { return false; } })));
// expect: pe false ok false
t("construct", () => new (new Proxy(function () {}, { construct() { return 1; } }))());
// expect: construct TypeError: 'construct' on proxy: trap returned non-object ('1')
t("construct obj", () => new (new Proxy(function () {}, { construct() { return [5]; } }))()[0]);
// expect: construct obj ok 5
