/*
 * runtime/promise.h — Promise objects (ECMA-262 §27.2) and the C API the
 * interpreter's async functions and async generators use to await and to
 * settle their result promises. runtime/builtins_promise.c implements it
 * together with the Promise constructor, its prototype, the combinators
 * and queueMicrotask.
 *
 * Invariants:
 *  - A promise is a JSPromiseObject of type JS_TYPE_Promise; IsPromise(x)
 *    is js_is_promise(x). Its state moves once, from pending to fulfilled
 *    or rejected; `result` is undefined while pending and the value or
 *    reason afterwards.
 *  - `reactions` holds the pending then() registrations in order (each a
 *    reaction record, see builtins_promise.c), or NULL. The spec's two
 *    lists [[PromiseFulfillReactions]] and [[PromiseRejectReactions]] are
 *    always appended to together, so one list in registration order is
 *    equivalent; it is dropped when the promise settles.
 *  - `already_resolved` is the [[AlreadyResolved]] record of the promise's
 *    internal resolving functions: those of a promise made by the runtime
 *    itself whose resolvers are never exposed (then()'s derived promise,
 *    js_promise_new). Resolving functions handed to JS code carry their
 *    own record, as the spec requires (a promise can have several pairs).
 *  - Every job goes through js_enqueue_job; nothing here runs a handler
 *    synchronously.
 *  - For the collector: `result` (a value) and `reactions` (a cell
 *    pointer) are a promise's only references besides JSObject's.
 *
 * Error convention as runtime.h: JS_EXCEPTION means an exception is
 * pending in vm->exception.
 */
#ifndef JSVM_RUNTIME_PROMISE_H
#define JSVM_RUNTIME_PROMISE_H

#include "runtime/runtime.h"

/* [[PromiseState]]. */
typedef enum JSPromiseState {
  JS_PROMISE_PENDING,
  JS_PROMISE_FULFILLED,
  JS_PROMISE_REJECTED,
} JSPromiseState;

typedef struct JSPromiseObject {
  JSObject base;
  JSValue result;             /* [[PromiseResult]]; undefined while pending */
  JSArrayStore *reactions;    /* pending reaction records, `used` of them */
  uint8_t state;              /* JSPromiseState */
  bool is_handled;            /* [[PromiseIsHandled]] */
  bool already_resolved;      /* the internal resolvers' [[AlreadyResolved]] */
  uint8_t unused8;
  uint32_t unused;
} JSPromiseObject;

/* js_is_promise: IsPromise(v) (§27.2.1.6). */
static inline bool js_is_promise(JSValue v) { return js_is_type(v, JS_TYPE_Promise); }

/* js_promise_new: a new pending promise of %Promise% (prototype
 * %Promise.prototype%). Settle it with js_promise_resolve_fn or
 * js_promise_reject_fn, which act as its (internal) resolving functions:
 * only the first call of either has an effect. */
JSValue js_promise_new(JSVM *vm);

/* js_promise_resolve_fn: the promise resolve function applied to value
 * (§27.2.1.3.2): rejects with a TypeError when value is the promise
 * itself, follows thenables through a PromiseResolveThenableJob (a getter
 * on `then` that throws rejects the promise), fulfills otherwise. Never
 * throws. */
void js_promise_resolve_fn(JSVM *vm, JSValue promise, JSValue value);

/* js_promise_reject_fn: the promise reject function (§27.2.1.3.1). */
void js_promise_reject_fn(JSVM *vm, JSValue promise, JSValue reason);

/* js_promise_resolve: PromiseResolve(%Promise%, value) (§27.2.4.7.1):
 * value itself when it is a promise whose `constructor` is %Promise%,
 * else a new promise resolved with value. JS_EXCEPTION when reading
 * value.constructor throws. */
JSValue js_promise_resolve(JSVM *vm, JSValue value);

/* js_promise_then_native: PerformPromiseThen(promise, on_fulfilled,
 * on_rejected) with no result capability (§27.2.5.4.1), as Await uses
 * it. The handlers (usually native functions) are called with one
 * argument from a PromiseReactionJob; their return value is dropped and
 * an exception they return propagates out of js_run_jobs. A handler that
 * is not callable acts as the identity / thrower. Marks the promise
 * handled. */
void js_promise_then_native(JSVM *vm, JSValue promise, JSValue on_fulfilled,
                            JSValue on_rejected);

/* js_promise_then_derived: PerformPromiseThen(promise, on_fulfilled,
 * on_rejected, NewPromiseCapability(%Promise%)): like
 * js_promise_then_native, but the handlers' completion settles the new
 * %Promise% returned (as AsyncFromSyncIteratorContinuation needs).
 * Never throws. */
JSValue js_promise_then_derived(JSVM *vm, JSValue promise, JSValue on_fulfilled,
                                JSValue on_rejected);

/* js_promise_report_unhandled: HostPromiseRejectionTracker's report, for
 * the host to call once the job queue has drained: prints the first
 * promise rejected and still unhandled on vm->err as node does (an
 * error's stack, else node's UnhandledPromiseRejection message), then
 * forgets every tracked promise. True when something was printed. */
bool js_promise_report_unhandled(JSVM *vm);

#endif
