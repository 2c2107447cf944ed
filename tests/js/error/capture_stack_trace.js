// Error.captureStackTrace(obj[, fn]) and Error.stackTraceLimit (V8's API).
function inner(o, f) { Error.captureStackTrace(o, f); }
function middle(o, f) { inner(o, f); }
function outer(o, f) { middle(o, f); }
var o = {};
outer(o);
print(o.stack.split('\n').length, o.stack.split('\n')[0]);  // expect: 5 Error
print(o.stack.split('\n')[1].trim().split(' (')[0]);  // expect: at inner
var d = Object.getOwnPropertyDescriptor(o, 'stack');
print(d.writable, d.enumerable, d.configurable);  // expect: true false true

// fn: its frame and everything above it are left out.
var o2 = { name: 'Custom', message: 'hi' };
outer(o2, middle);
print(o2.stack.split('\n').slice(0, 2).join('|').replace(/ \(.*/, ''));  // expect: Custom: hi|    at outer
// A function that is not running leaves no frames.
var o3 = {};
outer(o3, function notRunning() {});
print(JSON.stringify(o3.stack));  // expect: "Error"

// The usual subclass idiom hides the constructor.
class MyError extends Error {
  constructor(m) { super(m); Error.captureStackTrace(this, MyError); }
}
function thrower() { throw new MyError('boom'); }
try { thrower(); } catch (e) { print(e.stack.split('\n')[1].trim().split(' (')[0]); }  // expect: at thrower

try { Error.captureStackTrace(1); } catch (e) { print(e.name); }  // expect: TypeError

// stackTraceLimit bounds every trace; a non-number shows no frames.
Error.stackTraceLimit = 1;
print(new Error('x').stack.split('\n').length);  // expect: 2
function deep(n) { return n ? deep(n - 1) : new Error('d').stack; }
print(deep(5).split('\n').length);  // expect: 2
Error.stackTraceLimit = 0;
print(JSON.stringify(new Error('y').stack));  // expect: "Error: y"
Error.stackTraceLimit = 'many';
print(JSON.stringify(deep(3)));  // expect: "Error: d"
Error.stackTraceLimit = 3;
print(deep(10).split('\n').length);  // expect: 4
