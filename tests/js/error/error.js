// Error and the native errors: construction, cause, toString, subclassing.
var e = new Error("boom");
print(e.message, e.name, String(e), e instanceof Error);
// expect: boom Error Error: boom true
print(Error("called").message, Object.prototype.hasOwnProperty.call(new Error(), "message"));
// expect: called false
var c = new Error("x", { cause: 42 });
print(c.cause, Object.getOwnPropertyDescriptor(c, "cause").enumerable, "cause" in new Error("y", {}));
// expect: 42 false false
var kinds = [EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError];
print(kinds.map(function (K) { var x = new K("m"); return x.name + ":" + (x instanceof Error) + ":" + (Object.getPrototypeOf(K) === Error); }).join());
// expect: EvalError:true:true,RangeError:true:true,ReferenceError:true:true,SyntaxError:true:true,TypeError:true:true,URIError:true:true
print(TypeError.prototype.message === "", TypeError.prototype.name, String(new RangeError()));
// expect: true TypeError RangeError
var a = new AggregateError([1, 2], "agg");
print(a.errors.join(), a.message, a.name, AggregateError.length, a instanceof Error);
// expect: 1,2 agg AggregateError 2 true
try { new AggregateError(5); } catch (x) { print(x instanceof TypeError); }
// expect: true
print(Error.prototype.toString.call({ name: "N", message: "M" }), Error.prototype.toString.call({}));
// expect: N: M Error
print(Error.prototype.toString.call({ name: "", message: "only" }));
// expect: only
try { Error.prototype.toString.call(1); } catch (x) { print(x instanceof TypeError); }
// expect: true
class MyError extends Error { constructor(m) { super(m); this.name = "MyError"; } }
var m = new MyError("mine");
print(m instanceof MyError, m instanceof Error, String(m), Object.prototype.toString.call(m));
// expect: true true MyError: mine [object Error]
var holder = {};
Error.captureStackTrace(holder);
print(typeof holder.stack, typeof new Error().stack);
// expect: string string
print(Error.length, Error.prototype.constructor === Error, Object.prototype.toString.call(Error.prototype));
// expect: 1 true [object Object]
print(Error.isError(new TypeError()), Error.isError(m), Error.isError({}), Error.isError(Error.prototype));
// expect: true true false false
