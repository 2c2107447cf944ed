// SuppressedError(error, suppressed, message): a NativeError-like
// constructor without the cause option.
const e = new SuppressedError("err", "sup", "msg");
print(e.error, e.suppressed, e.message);          // expect: err sup msg
print(e instanceof SuppressedError, e instanceof Error, Error.isError(e));  // expect: true true true
print(String(e), e.name);                         // expect: SuppressedError: msg SuppressedError
print(Object.getOwnPropertyNames(e).join());      // expect: stack,message,error,suppressed
print(e.stack.split("\n")[0]);                    // expect: SuppressedError: msg
print(Object.getPrototypeOf(SuppressedError) === Error);  // expect: true
print(Object.getPrototypeOf(SuppressedError.prototype) === Error.prototype);  // expect: true
print(SuppressedError.length, SuppressedError.name);  // expect: 3 SuppressedError
print(SuppressedError.prototype.message === "");  // expect: true

// Without message there is no own message; called without new it still
// constructs; options are not read (no cause).
const f = SuppressedError(1, 2, undefined, { cause: 3 });
print(f.hasOwnProperty("message"), f.hasOwnProperty("cause"), f.error, f.suppressed);  // expect: false false 1 2
print(Object.prototype.toString.call(f));         // expect: [object Error]

// Subclasses and new.target's prototype.
class MyError extends SuppressedError {}
const g = new MyError(null, undefined, 42);
print(g instanceof MyError, g.message, g.error, g.suppressed);  // expect: true 42 null undefined
try { new SuppressedError(0, 0, { toString() { throw new RangeError("no"); } }); } catch (x) { print(x.name); }  // expect: RangeError
