// structuredClone: the HTML structured clone algorithm for plain data,
// with cycles, shared references and ArrayBuffer transfer.
var o = { n: 1, s: 'x', b: true, u: undefined, nil: null, arr: [1, , 3], nested: { d: 2 } };
o.self = o;
o.twice = [o.nested, o.nested];
var c = structuredClone(o);
print(c !== o, c.self === c, c.twice[0] === c.twice[1], c.twice[0] === c.nested);  // expect: true true true true
print(JSON.stringify(c.arr), 1 in c.arr, c.arr.length, 'u' in c);  // expect: [1,null,3] false 3 true

// Getters run; only own enumerable string keys are copied; prototypes drop.
var src = { get g() { return 'got'; } };
Object.defineProperty(src, 'hidden', { value: 1 });
src[Symbol('s')] = 2;
class K { constructor() { this.a = 1; } }
var ck = structuredClone(new K());
print(JSON.stringify(structuredClone(src)), Object.getPrototypeOf(ck) === Object.prototype);  // expect: {"g":"got"} true
print(Object.getOwnPropertyDescriptor(structuredClone(src), 'g').writable);  // expect: true

// Wrappers, Date, RegExp.
print(typeof structuredClone(Object(5)), structuredClone(Object(5)).valueOf());  // expect: object 5
print(structuredClone(Object('str')).length, structuredClone(Object(false)).valueOf());  // expect: 3 false
print(structuredClone(new Date(86400000)).toISOString());  // expect: 1970-01-02T00:00:00.000Z
var re = /a+/gi;
re.lastIndex = 4;
var rc = structuredClone(re);
print(rc.source, rc.flags, rc.lastIndex, rc !== re);  // expect: a+ gi 0 true

// Map and Set: keys and values are cloned, shared identity kept.
var key = { k: 1 };
var m = structuredClone(new Map([[key, key], ['s', new Set([key, 2])]]));
var mk = m.keys().next().value;
print(m.size, m.get(mk) === mk, m.get('s').has(mk), mk !== key);  // expect: 2 true true true

// Errors: the seven native kinds keep their prototype, others become Error.
var e = new RangeError('bad', { cause: { why: 1 } });
var ec = structuredClone(e);
print(ec instanceof RangeError, ec.message, ec.cause.why, ec.cause !== e.cause);  // expect: true bad 1 true
class MyError extends TypeError {}
print(Object.getPrototypeOf(structuredClone(new MyError('z'))) === TypeError.prototype);  // expect: true
print(Object.getPrototypeOf(structuredClone(new AggregateError([], 'a'))) === Error.prototype);  // expect: true

// ArrayBuffers and views: bytes copied, views share the cloned buffer.
var buf = new ArrayBuffer(8);
var view = new Uint8Array(buf, 2, 4);
view[0] = 7;
var pair = structuredClone([view, buf, new DataView(buf, 1)]);
print(pair[0].buffer === pair[1], pair[2].buffer === pair[1], pair[0][0], pair[0].byteOffset);  // expect: true true 7 2
print(pair[1] !== buf, new Uint8Array(pair[1])[2]);  // expect: true 7
var rab = new ArrayBuffer(2, { maxByteLength: 16 });
print(structuredClone(rab).resizable, structuredClone(rab).maxByteLength);  // expect: true 16

// Transfer moves the block and detaches the source.
var tb = new ArrayBuffer(4);
new Uint8Array(tb)[0] = 9;
var moved = structuredClone({ tb: tb, v: new Uint8Array(tb) }, { transfer: [tb] });
print(tb.byteLength, tb.detached, moved.tb.byteLength, moved.v[0], moved.v.buffer === moved.tb);  // expect: 0 true 4 9 true

// What cannot be cloned throws a DataCloneError.
function f() {}
[f, Symbol('q'), new WeakMap(), Promise.resolve(), new Proxy({}, {}), { fn: f }].forEach(function (v) {
  try {
    structuredClone(v);
  } catch (err) {
    print(err.name, err.code, err instanceof Error, err.message);
  }
});
// expect: DataCloneError 25 true function f() {} could not be cloned.
// expect: DataCloneError 25 true Symbol(q) could not be cloned.
// expect: DataCloneError 25 true #<WeakMap> could not be cloned.
// expect: DataCloneError 25 true #<Promise> could not be cloned.
// expect: DataCloneError 25 true #<Object> could not be cloned.
// expect: DataCloneError 25 true function f() {} could not be cloned.
try { structuredClone(tb); } catch (err) { print(err.name, err.message); }
// expect: DataCloneError An ArrayBuffer is detached and could not be cloned.
try { structuredClone(1, { transfer: [buf, buf] }); } catch (err) { print(err.name, err.message); }
// expect: DataCloneError Transfer list contains duplicate ArrayBuffer
try { structuredClone(1, { transfer: [{}] }); } catch (err) { print(err.name, err.message); }
// expect: TypeError Found invalid object in transferList
try { structuredClone(); } catch (err) { print(err.name, err.message); }
// expect: TypeError The value argument must be specified
print(structuredClone.length, structuredClone('prim'));  // expect: 1 prim
