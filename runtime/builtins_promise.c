/*
 * runtime/builtins_promise.c — Promise (ECMA-262 2025 §27.2): the
 * constructor, Promise.prototype.then/catch/finally, the statics
 * (resolve, reject, all, allSettled, any, race, withResolvers, try,
 * @@species), the jobs (PromiseReactionJob, PromiseResolveThenableJob),
 * HostPromiseRejectionTracker with node's unhandled-rejection report, and
 * the global queueMicrotask. runtime/promise.h is the exported C API.
 *
 * Invariants:
 *  - Every step follows the spec in order, so that observable effects
 *    (getters, user `then` methods, species lookups) and the number of
 *    job-queue ticks are exactly the spec's (node's, since V8 follows it).
 *  - The spec's built-in closures (resolving functions, the capability
 *    executor, the combinators' element functions, finally's handlers)
 *    are native function objects sharing one JSShared per kind; each
 *    closure's state lives in its JSFunction.env, a JSEnv whose slots are
 *    laid out per kind below (as V8 gives its builtin closures a context).
 *    A pair that shares a record (resolve/reject, allSettled's two
 *    element functions) shares the env.
 *  - A reaction record is a JSArrayStore of RX_COUNT values: the result
 *    capability (promise, resolve, reject) and both handlers (undefined
 *    for the spec's "empty"). It serves as both of the spec's records.
 *  - A capability whose resolve/reject are undefined is an internal one:
 *    its promise is a %Promise% made here whose resolving functions no JS
 *    code can reach, and it is settled through the promise's own
 *    already_resolved flag (promise.h). Only NewPromiseCapability(%Promise%)
 *    makes those, and only when the resolvers stay private; the result is
 *    indistinguishable from the spec's executor dance.
 *  - Per-VM state (the shared code cells, the job functions, the promise
 *    map, the list of rejected-but-unhandled promises) lives in one
 *    JSArrayStore in the realm's PromiseInternals intrinsic (a GC root).
 */
#include <stdlib.h>
#include <string.h>

#include "runtime/iterator.h"
#include "runtime/promise.h"

/* {==== Per-VM state ====} */

// Slots of the PromiseInternals store. PI_SH_* hold JSShared cells, the
// code of one kind of builtin closure each.
enum {
  PI_MAP,               // JSMap of promises with %Promise.prototype%
  PI_REACTION_JOB,      // native: (reaction, argument, fulfilled?)
  PI_THENABLE_JOB,      // native: (promise, thenable, then)
  PI_UNHANDLED,         // JSArrayStore of rejected promises, or undefined
  PI_SH_RESOLVE,        // promise resolve functions
  PI_SH_REJECT,         // promise reject functions
  PI_SH_EXECUTOR,       // GetCapabilitiesExecutor functions
  PI_SH_ALL,            // Promise.all resolve element functions
  PI_SH_SETTLED_OK,     // Promise.allSettled resolve element functions
  PI_SH_SETTLED_ERR,    // Promise.allSettled reject element functions
  PI_SH_ANY,            // Promise.any reject element functions
  PI_SH_THEN_FINALLY,   // finally's thenFinally
  PI_SH_CATCH_FINALLY,  // finally's catchFinally
  PI_SH_VALUE_THUNK,    // finally's returnValue closures
  PI_SH_THROWER,        // finally's throwReason closures
  PI_COUNT
};

// Env slots of the resolving functions: the promise and the shared
// [[AlreadyResolved]] flag (a boolean).
enum { RF_PROMISE, RF_ALREADY_RESOLVED, RF_COUNT };
// Env slots of the capability executor: the captured resolve and reject.
enum { EX_RESOLVE, EX_REJECT, EX_COUNT };
// Env slots of the combinators' element functions.
enum { EL_CALLED, EL_INDEX, EL_RECORD, EL_COUNT };
// Env slots of thenFinally/catchFinally.
enum { FIN_ON_FINALLY, FIN_CTOR, FIN_COUNT };

// A reaction record's slots.
enum { RX_PROMISE, RX_RESOLVE, RX_REJECT, RX_ON_FULFILLED, RX_ON_REJECTED, RX_COUNT };

// A combinator's shared record: remainingElementsCount, the values (or
// errors) list, and the result capability, for its element functions.
enum { REC_REMAINING, REC_VALUES, REC_PROMISE, REC_RESOLVE, REC_REJECT, REC_COUNT };

// The combinators, as the magic of their natives.
enum { COMB_ALL, COMB_ALL_SETTLED, COMB_ANY, COMB_RACE };
static const char *const comb_names[] = {"all", "allSettled", "any", "race"};

// PromiseCapability Record. resolve/reject undefined: internal (see the
// file comment).
typedef struct Capability {
  JSValue promise, resolve, reject;
} Capability;

static JSArrayStore *internals(JSVM *vm) {
  return js_heap(js_intrinsic(vm, PromiseInternals));
}

// A closure's state: an env of n undefined slots.
static JSEnv *new_env(JSVM *vm, uint32_t n) {
  JSEnv *e = ori_alloc(sizeof *e + n * sizeof(JSValue));
  e->map = vm->env_map;
  // Fresh cell: raw stores.
  e->parent = NULL;
  e->scope_info = JS_UNDEFINED;
  e->with_object = JS_UNDEFINED;
  e->extension = JS_UNDEFINED;
  e->length = n;
  for (uint32_t i = 0; i < n; i++) e->slots[i] = JS_UNDEFINED;
  return e;
}

// A builtin closure of kind `which` (a PI_SH_* slot) over env: an
// anonymous, non-constructor native function (CreateBuiltinFunction).
static JSValue closure(JSVM *vm, int which, JSEnv *env) {
  JSShared *s = js_heap(internals(vm)->v[which]);
  JSFunction *f = js_new_function_object(vm, vm->realm->method_map, s);
  f->env = env;  // fresh object: raw store
  return js_val(f);
}

// The env of the closure being run.
static JSEnv *callee_env(JSVM *vm) {
  return js_fn(js_native_callee(vm))->env;
}

/* {==== Describing values in messages ====} */

// The name of an object's constructor as V8 prints it in "#<Name>": the
// function found as its prototype's own data property `constructor`.
// NULL when there is none (or it has no name).
static const char *ctor_name(JSVM *vm, JSValue obj, char *buf, size_t n) {
  JSValue proto = js_obj(obj)->map->proto;
  JSPropDesc d;
  // Proxies are skipped: their traps would be side effects.
  if (!js_is_type(obj, JS_TYPE_Proxy) && js_is_object(proto) && !js_is_type(proto, JS_TYPE_Proxy)) {
    int found = js_get_own_property(vm, proto, vm->atom[JS_ATOM_constructor], &d);
    if (found < 0) js_take_exception(vm);
    if (found > 0 && d.has_value && js_is_function(d.value)) {
      JSValue name = js_fn(d.value)->shared->name;
      if (js_is_string(name) && js_string_length(name)) {
        char *s = js_string_utf8(vm, name, NULL);
        snprintf(buf, n, "%s", s);
        free(s);
        return buf;
      }
    }
  }
  return NULL;
}

// V8's NoSideEffectsToString, which its messages use: primitives as
// their strings, functions as their source, arrays as [object Array],
// other objects as #<Constructor>. Never throws; the result is malloc'd.
static char *describe(JSVM *vm, JSValue v) {
  char buf[160];
  if (js_is_symbol(v)) {
    JSValue d = ((JSSymbol *)js_heap(v))->description;
    char *s = js_is_string(d) ? js_string_utf8(vm, d, NULL) : strdup("");
    snprintf(buf, sizeof buf, "Symbol(%s)", s);
    free(s);
    return strdup(buf);
  }
  if (js_is_callable(v)) {
    JSValue src = js_function_source(vm, v);
    if (js_is_string(src)) return js_string_utf8(vm, src, NULL);
    JSValue name = js_is_function(v) ? js_fn(v)->shared->name : JS_UNDEFINED;
    char *s = js_is_string(name) ? js_string_utf8(vm, name, NULL) : strdup("");
    snprintf(buf, sizeof buf, "function %s() { [native code] }", s);
    free(s);
    return strdup(buf);
  }
  if (js_is_array(v)) return strdup("[object Array]");
  if (js_is_object(v)) {
    char name[128];
    const char *cn = ctor_name(vm, v, name, sizeof name);
    snprintf(buf, sizeof buf, "#<%s>", cn ? cn : "Object");
    return strdup(buf);
  }
  JSValue s = js_to_string(vm, v);
  if (js_is_exception(s)) {
    js_take_exception(vm);
    return strdup("value");
  }
  return js_string_utf8(vm, s, NULL);
}

// Throw a TypeError whose message has one described value in it.
static JSValue throw_with_value(JSVM *vm, const char *fmt, JSValue v) {
  char *s = describe(vm, v);
  js_throw_type_error(vm, fmt, s);
  free(s);
  return JS_EXCEPTION;
}

static JSValue throw_incompatible(JSVM *vm, const char *method, JSValue self) {
  char *s = describe(vm, self);
  js_throw_type_error(vm, "Method Promise.prototype.%s called on incompatible receiver %s",
                      method, s);
  free(s);
  return JS_EXCEPTION;
}

/* {==== Promise objects and settling ====} */

// A pending promise with prototype proto (OrdinaryCreateFromConstructor's
// object, §27.2.3.1 steps 3-7: every field starts zeroed/undefined).
static JSValue new_promise(JSVM *vm, JSValue proto) {
  JSMap *m = js_heap(internals(vm)->v[PI_MAP]);
  JSPromiseObject *p = (JSPromiseObject *)js_new_object_of(vm, m);
  p->result = JS_UNDEFINED;  // fresh object: raw store; state is pending (0)
  JSValue v = js_val(p);
  // A subclass instance: cannot fail on a fresh, extensible object.
  if (proto.bits != m->proto.bits) js_set_prototype_of(vm, v, proto);
  return v;
}

// HostPromiseRejectionTracker(promise, "reject"): remember it. The
// "handle" operation is implicit: is_handled becomes true and the report
// skips it. The list drops handled entries whenever it would grow, so it
// stays within twice the number of promises that are really unhandled.
static void track_rejection(JSVM *vm, JSPromiseObject *p) {
  JSArrayStore *st = internals(vm);
  JSValue lv = st->v[PI_UNHANDLED];
  JSArrayStore *list = js_is_undefined(lv) ? NULL : js_heap(lv);
  if (list && list->used == list->length) {
    uint32_t n = 0;
    for (uint32_t i = 0; i < list->used; i++) {
      JSPromiseObject *q = js_heap(list->v[i]);
      if (q->is_handled) continue;
      ORI_STORE(list, v[n], list->v[i]);  // (ORI_STORE names its slot twice)
      n++;
    }
    list->used = n;
  }
  list = js_store_push(vm, list, js_val(p));
  ORI_STORE_SLOT(st, &st->v[PI_UNHANDLED], js_val(list));
}

// NewPromiseReactionJob(reaction, argument) + HostEnqueuePromiseJob.
static void enqueue_reaction(JSVM *vm, JSArrayStore *reaction, JSValue arg, bool fulfilled) {
  JSValue args[3] = {js_val(reaction), arg, js_from_bool(fulfilled)};
  js_enqueue_job(vm, internals(vm)->v[PI_REACTION_JOB], 3, args);
}

// FulfillPromise / RejectPromise (§27.2.1.4, §27.2.1.7), then
// TriggerPromiseReactions: one job per reaction, in registration order.
static void settle(JSVM *vm, JSValue promise, JSPromiseState state, JSValue v) {
  JSPromiseObject *p = js_heap(promise);
  JSArrayStore *reactions = p->reactions;
  ORI_STORE(p, result, v);
  ORI_STORE_PTR(p, reactions, NULL);
  p->state = (uint8_t)state;
  if (state == JS_PROMISE_REJECTED && !p->is_handled) track_rejection(vm, p);
  if (!reactions) return;
  for (uint32_t i = 0; i < reactions->used; i++)
    enqueue_reaction(vm, js_heap(reactions->v[i]), v, state == JS_PROMISE_FULFILLED);
}

// The promise resolve function's steps after [[AlreadyResolved]]
// (§27.2.1.3.2 steps 7-16): self-resolution rejects, non-objects and
// objects without a callable `then` fulfill, thenables get a job.
static void resolve_promise(JSVM *vm, JSValue promise, JSValue resolution) {
  if (resolution.bits == promise.bits) {
    js_throw_type_error(vm, "Chaining cycle detected for promise #<Promise>");
    settle(vm, promise, JS_PROMISE_REJECTED, js_take_exception(vm));
    return;
  }
  if (!js_is_object(resolution)) {
    settle(vm, promise, JS_PROMISE_FULFILLED, resolution);
    return;
  }
  JSValue then = js_get(vm, resolution, vm->atom[JS_ATOM_then]);
  if (js_is_exception(then)) {
    settle(vm, promise, JS_PROMISE_REJECTED, js_take_exception(vm));
    return;
  }
  if (!js_is_callable(then)) {
    settle(vm, promise, JS_PROMISE_FULFILLED, resolution);
    return;
  }
  // NewPromiseResolveThenableJob(promise, resolution, then).
  JSValue args[3] = {promise, resolution, then};
  js_enqueue_job(vm, internals(vm)->v[PI_THENABLE_JOB], 3, args);
}

// The internal resolving functions of a promise (promise.h): the first
// call wins.
static void internal_settle(JSVM *vm, JSValue promise, JSValue v, bool reject) {
  JSPromiseObject *p = js_heap(promise);
  if (p->already_resolved || p->state != JS_PROMISE_PENDING) return;
  p->already_resolved = true;
  if (reject)
    settle(vm, promise, JS_PROMISE_REJECTED, v);
  else
    resolve_promise(vm, promise, v);
}

// Call(capability.[[Resolve]] or [[Reject]], undefined, « v »).
static JSValue cap_settle(JSVM *vm, const Capability *c, JSValue v, bool reject) {
  JSValue fn = reject ? c->reject : c->resolve;
  // A capability from JS (a subclass, a custom C) may throw here.
  if (!js_is_undefined(fn)) return js_call(vm, fn, JS_UNDEFINED, 1, &v);
  // Internal: the same steps as its resolving functions, minus the call.
  internal_settle(vm, c->promise, v, reject);
  return JS_UNDEFINED;
}

// IfAbruptRejectPromise(pending exception, capability).
static JSValue reject_abrupt(JSVM *vm, const Capability *c) {
  JSValue err = js_take_exception(vm);
  if (js_is_exception(cap_settle(vm, c, err, true))) return JS_EXCEPTION;
  return c->promise;
}

/* {==== Resolving functions and jobs ====} */

// Promise resolve / reject functions (§27.2.1.3.1-2); the magic says
// which (1: reject).
static JSValue resolving_function(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                  JSValue nt) {
  JSEnv *env = callee_env(vm);
  // Steps 4-5: the pair acts once, whichever of the two is called first.
  if (js_bool(env->slots[RF_ALREADY_RESOLVED])) return JS_UNDEFINED;
  ORI_STORE(env, slots[RF_ALREADY_RESOLVED], JS_TRUE);
  if (js_native_magic(vm))
    settle(vm, env->slots[RF_PROMISE], JS_PROMISE_REJECTED, js_arg(0));
  else
    resolve_promise(vm, env->slots[RF_PROMISE], js_arg(0));
  return JS_UNDEFINED;
}

// CreateResolvingFunctions(promise) (§27.2.1.3): out[0] resolve, out[1]
// reject, sharing one [[AlreadyResolved]].
static void create_resolving_functions(JSVM *vm, JSValue promise, JSValue out[2]) {
  JSEnv *env = new_env(vm, RF_COUNT);
  env->slots[RF_PROMISE] = promise;  // fresh cell: raw stores
  env->slots[RF_ALREADY_RESOLVED] = JS_FALSE;
  out[0] = closure(vm, PI_SH_RESOLVE, env);
  out[1] = closure(vm, PI_SH_REJECT, env);
}

// PromiseReactionJob (§27.2.2.1): args (reaction, argument, fulfilled?).
// Without a capability (Await's reactions) the handler's exception
// propagates out of the job queue.
static JSValue reaction_job(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  JSArrayStore *r = js_heap(argv[0]);
  JSValue arg = argv[1];
  bool fulfilled = js_bool(argv[2]);
  JSValue handler = r->v[fulfilled ? RX_ON_FULFILLED : RX_ON_REJECTED];
  JSValue result = arg;
  bool abrupt = !fulfilled;  // the "empty" handler passes the argument on
  if (!js_is_undefined(handler)) {
    // Steps 1.e-f: HostCallJobCallback(handler, undefined, « argument »).
    result = js_call(vm, handler, JS_UNDEFINED, 1, &arg);
    abrupt = js_is_exception(result);
    if (abrupt && js_is_undefined(r->v[RX_PROMISE])) return JS_EXCEPTION;
    if (abrupt) result = js_take_exception(vm);
  }
  // Step 1.g: no capability, nothing to settle.
  if (js_is_undefined(r->v[RX_PROMISE])) return JS_UNDEFINED;
  // Steps 1.h-i: settle the derived promise with the handler's completion.
  Capability cap = {r->v[RX_PROMISE], r->v[RX_RESOLVE], r->v[RX_REJECT]};
  return cap_settle(vm, &cap, result, abrupt);
}

// PromiseResolveThenableJob (§27.2.2.2): args (promise, thenable, then).
static JSValue thenable_job(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  // Fresh resolvers: the thenable's then may call them at any time, and
  // they must not share the [[AlreadyResolved]] that locked the promise in.
  JSValue fns[2];
  create_resolving_functions(vm, argv[0], fns);
  JSValue r = js_call(vm, argv[2], argv[1], 2, fns);
  if (!js_is_exception(r)) return r;
  // A then that throws rejects, unless it already called a resolver.
  JSValue err = js_take_exception(vm);
  return js_call(vm, fns[1], JS_UNDEFINED, 1, &err);
}

/* {==== Capabilities ====} */

// GetCapabilitiesExecutor functions (§27.2.1.5 step 4).
static JSValue capability_executor(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                   JSValue nt) {
  JSEnv *env = callee_env(vm);
  // Steps 4.a-b: a constructor may call its executor more than once, but
  // only while it has passed nothing but undefined.
  if (!js_is_undefined(env->slots[EX_RESOLVE]) || !js_is_undefined(env->slots[EX_REJECT]))
    return js_throw_type_error(
        vm, "Promise executor has already been invoked with non-undefined arguments");
  ORI_STORE(env, slots[EX_RESOLVE], js_arg(0));
  ORI_STORE(env, slots[EX_REJECT], js_arg(1));
  return JS_UNDEFINED;
}

// NewPromiseCapability(C) (§27.2.1.5). For %Promise% itself the promise
// is made directly (unobservable: the constructor's own steps); its
// resolvers are real functions only when `expose` says JS code may see
// them, and internal otherwise.
static bool new_capability(JSVM *vm, JSValue c, Capability *cap, bool expose) {
  if (c.bits == js_intrinsic(vm, Promise).bits) {
    cap->promise = new_promise(vm, js_intrinsic(vm, PromisePrototype));
    cap->resolve = cap->reject = JS_UNDEFINED;
    if (expose) {
      JSValue fns[2];
      create_resolving_functions(vm, cap->promise, fns);
      cap->resolve = fns[0];
      cap->reject = fns[1];
    }
    return true;
  }
  if (!js_is_constructor(c)) {
    throw_with_value(vm, "%s is not a constructor", c);
    return false;
  }
  // Steps 3-5: the executor records what C's constructor hands it.
  JSEnv *env = new_env(vm, EX_COUNT);
  JSValue executor = closure(vm, PI_SH_EXECUTOR, env);
  JSValue promise = js_construct(vm, c, 1, &executor, c);
  if (js_is_exception(promise)) return false;
  // Steps 6-7: checked once construction is over (the values last seen).
  if (!js_is_callable(env->slots[EX_RESOLVE]) || !js_is_callable(env->slots[EX_REJECT])) {
    js_throw_type_error(vm, "Promise resolve or reject function is not callable");
    return false;
  }
  cap->promise = promise;
  cap->resolve = env->slots[EX_RESOLVE];
  cap->reject = env->slots[EX_REJECT];
  return true;
}

// PromiseResolve(C, x) (§27.2.4.7.1).
static JSValue promise_resolve(JSVM *vm, JSValue c, JSValue x) {
  // Step 1: a promise of that very constructor is passed through (the
  // `constructor` read is observable and stays even for native ones).
  if (js_is_promise(x)) {
    JSValue xc = js_get(vm, x, vm->atom[JS_ATOM_constructor]);
    if (js_is_exception(xc)) return xc;
    if (js_same_value(xc, c)) return x;
  }
  Capability cap;
  if (!new_capability(vm, c, &cap, false)) return JS_EXCEPTION;
  if (js_is_exception(cap_settle(vm, &cap, x, false))) return JS_EXCEPTION;
  return cap.promise;
}

/* {==== then, catch, finally ====} */

// PerformPromiseThen(promise, onFulfilled, onRejected, cap) (§27.2.5.4.1);
// cap NULL: no result capability (undefined is returned).
static JSValue perform_then(JSVM *vm, JSValue promise, JSValue on_fulfilled,
                            JSValue on_rejected, const Capability *cap) {
  JSArrayStore *r = js_new_store(vm, RX_COUNT);
  r->used = RX_COUNT;
  // Fresh store: raw stores. Non-callable handlers are "empty".
  r->v[RX_PROMISE] = cap ? cap->promise : JS_UNDEFINED;
  r->v[RX_RESOLVE] = cap ? cap->resolve : JS_UNDEFINED;
  r->v[RX_REJECT] = cap ? cap->reject : JS_UNDEFINED;
  r->v[RX_ON_FULFILLED] = js_is_callable(on_fulfilled) ? on_fulfilled : JS_UNDEFINED;
  r->v[RX_ON_REJECTED] = js_is_callable(on_rejected) ? on_rejected : JS_UNDEFINED;
  // Steps 9-11: pending promises keep the record, settled ones queue the
  // job at once (with the value or reason they settled with).
  JSPromiseObject *p = js_heap(promise);
  switch ((JSPromiseState)p->state) {
    case JS_PROMISE_PENDING:
      ORI_STORE_PTR(p, reactions, js_store_push(vm, p->reactions, js_val(r)));
      break;
    case JS_PROMISE_FULFILLED:
      enqueue_reaction(vm, r, p->result, true);
      break;
    case JS_PROMISE_REJECTED:
      // HostPromiseRejectionTracker(promise, "handle") is the flag below.
      enqueue_reaction(vm, r, p->result, false);
      break;
  }
  p->is_handled = true;
  return r->v[RX_PROMISE];
}

// Promise.prototype.then (§27.2.5.4).
static JSValue promise_then(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  if (!js_is_promise(self)) return throw_incompatible(vm, "then", self);
  // Steps 3-4: the derived promise comes from the species constructor.
  JSValue c = js_species_constructor(vm, self, js_intrinsic(vm, Promise));
  if (js_is_exception(c)) return c;
  Capability cap;
  if (!new_capability(vm, c, &cap, false)) return JS_EXCEPTION;
  return perform_then(vm, self, js_arg(0), js_arg(1), &cap);
}

// Promise.prototype.catch (§27.2.5.1): Invoke(promise, "then", ...).
static JSValue promise_catch(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  JSValue args[2] = {JS_UNDEFINED, js_arg(0)};
  return js_invoke(vm, self, vm->atom[JS_ATOM_then], 2, args);
}

// thenFinally / catchFinally (§27.2.5.3 steps 6.a-d); magic 1: catch.
// Both call onFinally, wait for PromiseResolve(C, its result), then pass
// the original value on (or throw the original reason).
static JSValue finally_handler(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  JSEnv *env = callee_env(vm);
  bool is_catch = js_native_magic(vm) != 0;
  // onFinally gets no argument: it cannot see the value or reason.
  JSValue result = js_call(vm, env->slots[FIN_ON_FINALLY], JS_UNDEFINED, 0, NULL);
  if (js_is_exception(result)) return result;
  JSValue p = promise_resolve(vm, env->slots[FIN_CTOR], result);
  if (js_is_exception(p)) return p;
  // The thunk carries the original value/reason past onFinally's promise.
  JSEnv *captured = new_env(vm, 1);
  captured->slots[0] = js_arg(0);  // fresh cell: raw store
  JSValue thunk = closure(vm, is_catch ? PI_SH_THROWER : PI_SH_VALUE_THUNK, captured);
  return js_invoke(vm, p, vm->atom[JS_ATOM_then], 1, &thunk);
}

// returnValue / throwReason closures (magic 1: throw).
static JSValue finally_thunk(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  JSValue v = callee_env(vm)->slots[0];
  return js_native_magic(vm) ? js_throw(vm, v) : v;
}

// Promise.prototype.finally (§27.2.5.3).
static JSValue promise_finally(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  if (!js_is_object(self))
    return js_throw_type_error(vm, "Promise.prototype.finally called on non-object");
  JSValue c = js_species_constructor(vm, self, js_intrinsic(vm, Promise));
  if (js_is_exception(c)) return c;
  // Step 5: a non-callable onFinally goes to then as is (then ignores it).
  JSValue on_finally = js_arg(0);
  JSValue args[2] = {on_finally, on_finally};
  if (js_is_callable(on_finally)) {
    JSEnv *env = new_env(vm, FIN_COUNT);
    env->slots[FIN_ON_FINALLY] = on_finally;  // fresh cell: raw stores
    env->slots[FIN_CTOR] = c;
    args[0] = closure(vm, PI_SH_THEN_FINALLY, env);
    args[1] = closure(vm, PI_SH_CATCH_FINALLY, env);
  }
  return js_invoke(vm, self, vm->atom[JS_ATOM_then], 2, args);
}

/* {==== The constructor and the simple statics ====} */

// Promise(executor) (§27.2.3.1).
static JSValue promise_ctor(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  if (js_is_undefined(nt))
    return js_throw_type_error(vm, "Promise constructor cannot be invoked without 'new'");
  JSValue executor = js_arg(0);
  if (!js_is_callable(executor))
    return throw_with_value(vm, "Promise resolver %s is not a function", executor);
  JSValue proto = js_get_prototype_from_ctor(vm, nt, JS_INTRINSIC_PromisePrototype);
  if (js_is_exception(proto)) return proto;
  JSValue promise = new_promise(vm, proto);
  // Steps 8-9: the executor runs now, with this undefined.
  JSValue fns[2];
  create_resolving_functions(vm, promise, fns);
  JSValue r = js_call(vm, executor, JS_UNDEFINED, 2, fns);
  if (js_is_exception(r)) {
    // An executor that throws rejects (unless it already resolved).
    JSValue err = js_take_exception(vm);
    if (js_is_exception(js_call(vm, fns[1], JS_UNDEFINED, 1, &err))) return JS_EXCEPTION;
  }
  return promise;
}

// Promise.resolve (§27.2.4.7).
static JSValue promise_static_resolve(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                      JSValue nt) {
  if (!js_is_object(self)) return js_throw_type_error(vm, "PromiseResolve called on non-object");
  return promise_resolve(vm, self, js_arg(0));
}

// Promise.reject (§27.2.4.6).
static JSValue promise_static_reject(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                     JSValue nt) {
  if (!js_is_object(self)) return js_throw_type_error(vm, "PromiseReject called on non-object");
  Capability cap;
  if (!new_capability(vm, self, &cap, false)) return JS_EXCEPTION;
  if (js_is_exception(cap_settle(vm, &cap, js_arg(0), true))) return JS_EXCEPTION;
  return cap.promise;
}

// Promise.withResolvers (§27.2.4.8): the capability as a plain object.
static JSValue promise_with_resolvers(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                      JSValue nt) {
  if (!js_is_object(self))
    return js_throw_type_error(vm, "Promise.withResolvers called on non-object");
  Capability cap;
  if (!new_capability(vm, self, &cap, true)) return JS_EXCEPTION;
  JSValue obj = js_new_object(vm);
  // A fresh ordinary object: CreateDataPropertyOrThrow cannot fail.
  js_define_value(vm, obj, js_to_property_key(vm, js_atom(vm, "promise")), cap.promise,
                  JS_ATTR_DEFAULT);
  js_define_value(vm, obj, vm->atom[JS_ATOM_resolve], cap.resolve, JS_ATTR_DEFAULT);
  js_define_value(vm, obj, js_to_property_key(vm, js_atom(vm, "reject")), cap.reject,
                  JS_ATTR_DEFAULT);
  return obj;
}

// Promise.try (§27.2.4.8, ES2025): run callback now, settle with its
// completion.
static JSValue promise_try(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  if (!js_is_object(self)) return js_throw_type_error(vm, "Promise.try called on non-object");
  Capability cap;
  if (!new_capability(vm, self, &cap, false)) return JS_EXCEPTION;
  // A non-callable callback is not checked first: Call's TypeError is the
  // completion, and rejects the promise.
  JSValue status = js_call(vm, js_arg(0), JS_UNDEFINED, argc > 1 ? argc - 1 : 0, argv + 1);
  bool abrupt = js_is_exception(status);
  if (abrupt) status = js_take_exception(vm);
  if (js_is_exception(cap_settle(vm, &cap, status, abrupt))) return JS_EXCEPTION;
  return cap.promise;
}

// get Promise[@@species] (§27.2.4.9).
static JSValue promise_species(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  return self;
}

/* {==== Combinators: all, allSettled, any, race ====} */

// The remaining-elements counter of a combinator record, changed by
// delta; the new count.
static double add_remaining(JSArrayStore *rec, double delta) {
  double n = js_number_value(rec->v[REC_REMAINING]) + delta;
  ORI_STORE(rec, v[REC_REMAINING], js_from_number(n));
  return n;
}

// The values/errors list as a fresh array (CreateArrayFromList).
static JSValue list_to_array(JSVM *vm, JSArrayStore *rec) {
  JSValue lv = rec->v[REC_VALUES];
  if (js_is_undefined(lv)) return js_new_array(vm, 0);
  JSArrayStore *list = js_heap(lv);
  return js_new_array_from(vm, list->used, list->v);
}

// The AggregateError Promise.any rejects with: errors is the list.
static JSValue aggregate_error(JSVM *vm, JSArrayStore *rec) {
  JSValue msg = js_string_from_cstr(vm, "All promises were rejected");
  JSValue err = js_new_error(vm, JS_ERR_AggregateError, msg);
  JSValue errors = list_to_array(vm, rec);
  js_define_value(vm, err, vm->atom[JS_ATOM_errors], errors, JS_ATTR_METHOD);
  return err;
}

// An allSettled result object: { status, value } or { status, reason }.
static JSValue settled_object(JSVM *vm, bool fulfilled, JSValue x) {
  JSValue obj = js_new_object(vm);
  // A fresh ordinary object: CreateDataPropertyOrThrow cannot fail.
  js_define_value(vm, obj, vm->atom[JS_ATOM_status],
                  vm->atom[fulfilled ? JS_ATOM_fulfilled : JS_ATOM_rejected], JS_ATTR_DEFAULT);
  js_define_value(vm, obj, vm->atom[fulfilled ? JS_ATOM_value : JS_ATOM_reason], x,
                  JS_ATTR_DEFAULT);
  return obj;
}

// The element functions (§27.2.4.1.3, §27.2.4.2.2-3, §27.2.4.3.2): store
// the (wrapped) argument at the element's index; the last one settles
// the result capability. The magic is the PI_SH_* kind.
static JSValue element_function(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                JSValue nt) {
  JSEnv *env = callee_env(vm);
  if (js_bool(env->slots[EL_CALLED])) return JS_UNDEFINED;
  ORI_STORE(env, slots[EL_CALLED], JS_TRUE);
  int kind = js_native_magic(vm);
  JSValue x = js_arg(0);
  if (kind == PI_SH_SETTLED_OK || kind == PI_SH_SETTLED_ERR)
    x = settled_object(vm, kind == PI_SH_SETTLED_OK, x);
  // The list may have been replaced by a bigger one since this function
  // was made: read it through the record.
  JSArrayStore *rec = js_heap(env->slots[EL_RECORD]);
  JSArrayStore *values = js_heap(rec->v[REC_VALUES]);
  uint32_t index = (uint32_t)js_number_value(env->slots[EL_INDEX]);
  ORI_STORE(values, v[index], x);
  // The last element to settle settles the result (steps 10-11 / 12-14).
  if (add_remaining(rec, -1) != 0) return JS_UNDEFINED;
  bool any = kind == PI_SH_ANY;
  JSValue result = any ? aggregate_error(vm, rec) : list_to_array(vm, rec);
  Capability cap = {rec->v[REC_PROMISE], rec->v[REC_RESOLVE], rec->v[REC_REJECT]};
  return cap_settle(vm, &cap, result, any);
}

// The env of the element function(s) for index: allSettled's pair
// shares it, and with it [[AlreadyCalled]].
static JSEnv *element_env(JSVM *vm, JSArrayStore *rec, uint32_t index) {
  JSEnv *env = new_env(vm, EL_COUNT);
  // Fresh cell: raw stores.
  env->slots[EL_CALLED] = JS_FALSE;
  env->slots[EL_INDEX] = js_from_number(index);
  env->slots[EL_RECORD] = js_val(rec);
  return env;
}

// The (onFulfilled, onRejected) pair a combinator passes to `then` for
// the element at index (PerformPromiseAll/AllSettled/Any steps e-i).
static void element_handlers(JSVM *vm, int kind, JSArrayStore *rec, uint32_t index,
                             JSValue out[2]) {
  JSEnv *env = element_env(vm, rec, index);
  if (kind == COMB_ALL) {
    out[0] = closure(vm, PI_SH_ALL, env);
    out[1] = rec->v[REC_REJECT];
  } else if (kind == COMB_ALL_SETTLED) {
    out[0] = closure(vm, PI_SH_SETTLED_OK, env);
    out[1] = closure(vm, PI_SH_SETTLED_ERR, env);
  } else {
    out[0] = rec->v[REC_RESOLVE];
    out[1] = closure(vm, PI_SH_ANY, env);
  }
}

// PerformPromiseAll / AllSettled / Any (§27.2.4.1.2, §27.2.4.2.1,
// §27.2.4.3.1): they differ only in the handlers and the final step.
static JSValue perform_all(JSVM *vm, JSIterRecord *it, JSValue c, const Capability *cap,
                           JSValue resolve_fn, int kind) {
  JSArrayStore *rec = js_new_store(vm, REC_COUNT);
  rec->used = REC_COUNT;
  // Fresh store: raw stores. The count starts at 1 for the loop itself.
  rec->v[REC_REMAINING] = js_from_int32(1);
  rec->v[REC_VALUES] = js_val(js_new_store(vm, 4));
  rec->v[REC_PROMISE] = cap->promise;
  rec->v[REC_RESOLVE] = cap->resolve;
  rec->v[REC_REJECT] = cap->reject;
  for (uint32_t index = 0;; index++) {
    JSValue next;
    int step = js_iterator_step_value(vm, it, &next);
    if (step < 0) return JS_EXCEPTION;
    if (step == 0) {
      // Step 4.b: drop the loop's own count; zero means every element
      // already settled (or there were none).
      if (add_remaining(rec, -1) != 0) return cap->promise;
      if (kind == COMB_ANY) return js_throw(vm, aggregate_error(vm, rec));
      if (js_is_exception(cap_settle(vm, cap, list_to_array(vm, rec), false)))
        return JS_EXCEPTION;
      return cap->promise;
    }
    // Steps 4.c-d: reserve the slot, then C.resolve(next).
    JSArrayStore *values = js_store_push(vm, js_heap(rec->v[REC_VALUES]), JS_UNDEFINED);
    ORI_STORE(rec, v[REC_VALUES], js_val(values));
    JSValue next_promise = js_call(vm, resolve_fn, c, 1, &next);
    if (js_is_exception(next_promise)) return next_promise;
    // Steps 4.e-k: count the element before `then` can settle it.
    JSValue handlers[2];
    element_handlers(vm, kind, rec, index, handlers);
    add_remaining(rec, 1);
    if (js_is_exception(js_invoke(vm, next_promise, vm->atom[JS_ATOM_then], 2, handlers)))
      return JS_EXCEPTION;
  }
}

// PerformPromiseRace (§27.2.4.5.1).
static JSValue perform_race(JSVM *vm, JSIterRecord *it, JSValue c, const Capability *cap,
                            JSValue resolve_fn) {
  for (;;) {
    JSValue next;
    int step = js_iterator_step_value(vm, it, &next);
    if (step < 0) return JS_EXCEPTION;
    if (step == 0) return cap->promise;
    JSValue next_promise = js_call(vm, resolve_fn, c, 1, &next);
    if (js_is_exception(next_promise)) return next_promise;
    // The first element to settle settles the result; later ones find
    // the resolvers already used.
    JSValue handlers[2] = {cap->resolve, cap->reject};
    if (js_is_exception(js_invoke(vm, next_promise, vm->atom[JS_ATOM_then], 2, handlers)))
      return JS_EXCEPTION;
  }
}

// Promise.all / allSettled / any / race (§27.2.4.1-3, 5): the common
// frame (capability, GetPromiseResolve, GetIterator, closing the iterator
// and rejecting on an abrupt completion). The magic is the COMB_* kind.
static JSValue promise_combinator(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                  JSValue nt) {
  int kind = js_native_magic(vm);
  if (!js_is_object(self))
    return js_throw_type_error(vm, "Promise.%s called on non-object", comb_names[kind]);
  // The capability's resolvers reach JS code through `then` calls.
  Capability cap;
  if (!new_capability(vm, self, &cap, true)) return JS_EXCEPTION;
  // GetPromiseResolve(C).
  JSValue resolve_fn = js_get(vm, self, vm->atom[JS_ATOM_resolve]);
  if (js_is_exception(resolve_fn)) return reject_abrupt(vm, &cap);
  if (!js_is_callable(resolve_fn)) {
    js_throw_type_error(vm, "resolve is not a function");
    return reject_abrupt(vm, &cap);
  }
  // Errors from here on reject the result instead of throwing.
  JSIterRecord it;
  if (!js_get_iterator(vm, js_arg(0), &it)) return reject_abrupt(vm, &cap);
  JSValue r = kind == COMB_RACE ? perform_race(vm, &it, self, &cap, resolve_fn)
                                : perform_all(vm, &it, self, &cap, resolve_fn, kind);
  if (!js_is_exception(r)) return r;
  // IteratorClose keeps the original exception pending.
  if (!it.done) js_iterator_close(vm, &it, true);
  return reject_abrupt(vm, &cap);
}

/* {==== The C API (promise.h) ====} */

JSValue js_promise_new(JSVM *vm) {
  return new_promise(vm, js_intrinsic(vm, PromisePrototype));
}

void js_promise_resolve_fn(JSVM *vm, JSValue promise, JSValue value) {
  internal_settle(vm, promise, value, false);
}

void js_promise_reject_fn(JSVM *vm, JSValue promise, JSValue reason) {
  internal_settle(vm, promise, reason, true);
}

JSValue js_promise_resolve(JSVM *vm, JSValue value) {
  return promise_resolve(vm, js_intrinsic(vm, Promise), value);
}

void js_promise_then_native(JSVM *vm, JSValue promise, JSValue on_fulfilled,
                            JSValue on_rejected) {
  perform_then(vm, promise, on_fulfilled, on_rejected, NULL);
}

JSValue js_promise_then_derived(JSVM *vm, JSValue promise, JSValue on_fulfilled,
                                JSValue on_rejected) {
  // NewPromiseCapability(%Promise%) cannot fail, and its resolvers stay
  // internal.
  Capability cap;
  new_capability(vm, js_intrinsic(vm, Promise), &cap, false);
  return perform_then(vm, promise, on_fulfilled, on_rejected, &cap);
}

/* {==== Unhandled rejections ====} */

// node's report for a rejection reason: an error's stack, else its
// UnhandledPromiseRejection message naming the reason.
static void print_rejection(JSVM *vm, JSValue reason) {
  fflush(vm->out);
  if (js_is_type(reason, JS_TYPE_Error)) {
    JSValue text = js_get(vm, reason, vm->atom[JS_ATOM_stack]);
    if (js_is_exception(text) || !js_is_string(text)) {
      if (js_is_exception(text)) js_take_exception(vm);
      text = js_inspect(vm, reason);
    }
    if (js_is_exception(text)) text = js_take_exception(vm), text = js_atom(vm, "Error");
    char *s = js_string_utf8(vm, text, NULL);
    fprintf(vm->err, "%s\n", s);
    free(s);
    return;
  }
  char *what = describe(vm, reason);
  fprintf(vm->err,
          "UnhandledPromiseRejection: This error originated either by throwing inside of an "
          "async function without a catch block, or by rejecting a promise which was not "
          "handled with .catch(). The promise rejected with the reason \"%s\".\n",
          what);
  free(what);
}

bool js_promise_report_unhandled(JSVM *vm) {
  JSArrayStore *st = internals(vm);
  JSValue lv = st->v[PI_UNHANDLED];
  if (js_is_undefined(lv)) return false;
  // Every listed promise is reported now or never (it was handled).
  ORI_STORE_SLOT(st, &st->v[PI_UNHANDLED], JS_UNDEFINED);
  JSArrayStore *list = js_heap(lv);
  // The oldest rejection that nothing handled by now, as node picks it.
  for (uint32_t i = 0; i < list->used; i++) {
    JSPromiseObject *p = js_heap(list->v[i]);
    if (p->is_handled) continue;
    print_rejection(vm, p->result);
    return true;
  }
  return false;
}

/* {==== queueMicrotask ====} */

// node's ERR_INVALID_ARG_TYPE wording for what was received.
static JSValue received_text(JSVM *vm, JSValue v) {
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  char name[128];
  const char *cn = js_is_object(v) ? ctor_name(vm, v, name, sizeof name) : NULL;
  if (js_is_nullish(v)) {
    js_sb_ascii(&sb, js_is_null(v) ? "null" : "undefined");
    return js_sb_finish(&sb);
  }
  if (cn) {
    js_sb_ascii(&sb, "an instance of ");
    js_sb_ascii(&sb, cn);
    return js_sb_finish(&sb);
  }
  // node cuts strings past 28 characters to 25 and an ellipsis.
  JSValue shown = v;
  if (js_is_string(v) && js_string_length(v) > 28) {
    shown = js_string_concat(vm, js_string_substring(vm, v, 0, 25), js_atom(vm, "..."));
    if (js_is_exception(shown)) return shown;
  }
  JSValue text = js_inspect(vm, shown);
  if (js_is_exception(text)) {
    js_sb_free(&sb);
    return text;
  }
  if (!js_is_object(v)) {
    js_sb_ascii(&sb, "type ");
    js_sb_string(&sb, js_typeof(vm, v));
    js_sb_ascii(&sb, " (");
  }
  js_sb_string(&sb, text);
  if (!js_is_object(v)) js_sb_char(&sb, ')');
  return js_sb_finish(&sb);
}

// queueMicrotask(callback) (HTML; node's checks and message): the
// callback runs as a job of its own; what it throws is uncaught.
static JSValue queue_microtask(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  JSValue cb = js_arg(0);
  if (js_is_callable(cb)) {
    // The same FIFO as promise jobs, so the two interleave as in node.
    js_enqueue_job(vm, cb, 0, NULL);
    return JS_UNDEFINED;
  }
  JSValue got = received_text(vm, cb);
  if (js_is_exception(got)) return got;
  char *s = js_string_utf8(vm, got, NULL);
  js_throw_type_error(vm, "The \"callback\" argument must be of type function. Received %s", s);
  free(s);
  // node's errors carry their code.
  JSValue err = vm->exception;
  js_define_value(vm, err, js_to_property_key(vm, js_atom(vm, "code")),
                  js_string_from_cstr(vm, "ERR_INVALID_ARG_TYPE"), JS_ATTR_DEFAULT);
  return JS_EXCEPTION;
}

/* {==== Installation ====} */

// The shared code of each builtin closure kind: anonymous natives.
static const struct {
  int slot;
  JSNative fn;
  int length, magic;
} closure_kinds[] = {
    {PI_SH_RESOLVE, resolving_function, 1, 0},
    {PI_SH_REJECT, resolving_function, 1, 1},
    {PI_SH_EXECUTOR, capability_executor, 2, 0},
    {PI_SH_ALL, element_function, 1, PI_SH_ALL},
    {PI_SH_SETTLED_OK, element_function, 1, PI_SH_SETTLED_OK},
    {PI_SH_SETTLED_ERR, element_function, 1, PI_SH_SETTLED_ERR},
    {PI_SH_ANY, element_function, 1, PI_SH_ANY},
    {PI_SH_THEN_FINALLY, finally_handler, 1, 0},
    {PI_SH_CATCH_FINALLY, finally_handler, 1, 1},
    {PI_SH_VALUE_THUNK, finally_thunk, 0, 0},
    {PI_SH_THROWER, finally_thunk, 0, 1},
};

static void init_internals(JSVM *vm, JSValue proto) {
  // The store first, so that everything below is reachable from a root.
  JSArrayStore *st = js_new_store(vm, PI_COUNT);
  st->used = PI_COUNT;
  vm->realm->intrinsic[JS_INTRINSIC_PromiseInternals] = js_val(st);
  for (int i = 0; i < PI_COUNT; i++) st->v[i] = JS_UNDEFINED;  // fresh: raw stores
  // Two in-object slots for the odd expando (test harnesses add some).
  JSMap *m = js_new_map(vm, JS_TYPE_Promise, proto, sizeof(JSPromiseObject), 2);
  ORI_STORE(st, v[PI_MAP], js_val(m));
  ORI_STORE(st, v[PI_REACTION_JOB], js_new_native(vm, "PromiseReactionJob", reaction_job, 3, 0));
  ORI_STORE(st, v[PI_THENABLE_JOB],
            js_new_native(vm, "PromiseResolveThenableJob", thenable_job, 3, 0));
  // Anonymous (name ""), strict natives, as CreateBuiltinFunction makes.
  for (size_t i = 0; i < sizeof closure_kinds / sizeof *closure_kinds; i++) {
    JSShared *s = js_new_shared(vm, vm->atom[JS_ATOM_empty], JS_FN_NATIVE | JS_FN_STRICT,
                                closure_kinds[i].length);
    s->native = closure_kinds[i].fn;
    s->magic = closure_kinds[i].magic;
    ORI_STORE(st, v[closure_kinds[i].slot], js_val(s));
  }
}

void js_init_promise(JSVM *vm) {
  JSValue proto = js_intrinsic(vm, PromisePrototype);
  init_internals(vm, proto);
  JSValue ctor = js_new_native_ctor(vm, "Promise", promise_ctor, 1, proto);
  vm->realm->intrinsic[JS_INTRINSIC_Promise] = ctor;
  js_def_method_magic(vm, ctor, "all", promise_combinator, 1, COMB_ALL);
  js_def_method_magic(vm, ctor, "allSettled", promise_combinator, 1, COMB_ALL_SETTLED);
  js_def_method_magic(vm, ctor, "any", promise_combinator, 1, COMB_ANY);
  js_def_method_magic(vm, ctor, "race", promise_combinator, 1, COMB_RACE);
  js_def_method(vm, ctor, "reject", promise_static_reject, 1);
  js_def_method(vm, ctor, "resolve", promise_static_resolve, 1);
  js_def_method(vm, ctor, "try", promise_try, 1);
  js_def_method(vm, ctor, "withResolvers", promise_with_resolvers, 0);
  js_def_getter_key(vm, ctor, vm->symbol[JS_SYMBOL_species], "[Symbol.species]",
                    promise_species, NULL);
  js_def_method(vm, proto, "catch", promise_catch, 1);
  js_def_method(vm, proto, "finally", promise_finally, 1);
  js_def_method(vm, proto, "then", promise_then, 2);
  js_define_value(vm, proto, vm->symbol[JS_SYMBOL_toStringTag], js_atom(vm, "Promise"),
                  JS_ATTR_CONFIGURABLE);
  JSValue global = vm->realm->global;
  js_def_value(vm, global, "Promise", ctor, JS_ATTR_METHOD);
  js_def_method(vm, global, "queueMicrotask", queue_microtask, 1);
}
