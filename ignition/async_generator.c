/*
 * ignition/async_generator.c — async generators (ECMA-262 27.6): a queue
 * of next/throw/return requests, each with a promise; the generator runs
 * for the front request until it yields (the request settles with
 * {value, done: false}), awaits (the queue waits for the await's job to
 * resume it), returns or throws (the request settles and the generator is
 * done; later requests settle at once). Also %AsyncFromSyncIteratorPrototype%
 * for `for await` over sync iterables.
 */
#include <stdlib.h>
#include <string.h>

#include "ignition/interp.h"
#include "runtime/iterator.h"
#include "runtime/promise.h"

enum { AG_AWAITING_RETURN = 10 };  /* a state beyond interp.h's */

/* {==== The request queue: a JSArrayStore of (mode, value, promise) ====} */

static void enqueue(JSVM *vm, JSGenerator *g, int mode, JSValue value, JSValue promise) {
  JSArrayStore *q = js_is_heap(g->queue) ? js_heap(g->queue) : NULL;
  q = js_store_push(vm, q, js_from_int32(mode));
  q = js_store_push(vm, q, value);
  q = js_store_push(vm, q, promise);
  g->queue = js_val(q);
}

static bool queue_empty(JSGenerator *g) {
  return !js_is_heap(g->queue) || ((JSArrayStore *)js_heap(g->queue))->used == 0;
}

static JSValue *front(JSGenerator *g) { return ((JSArrayStore *)js_heap(g->queue))->v; }

static void dequeue(JSGenerator *g) {
  JSArrayStore *q = js_heap(g->queue);
  memmove(q->v, q->v + 3, (q->used - 3) * sizeof(JSValue));
  q->used -= 3;
}

// AsyncGeneratorCompleteStep: settle the front request.
static void complete(JSVM *vm, JSGenerator *g, bool is_throw, JSValue value, bool done) {
  JSValue promise = front(g)[2];
  dequeue(g);
  if (is_throw) js_promise_reject_fn(vm, promise, value);
  else js_promise_resolve_fn(vm, promise, js_create_iter_result(vm, value, done));
}

static void resume_next(JSVM *vm, JSGenerator *g);

// What a resumption of the body came back with.
static void after_resume(JSVM *vm, JSGenerator *g, JSValue r) {
  if (g->state == IGN_GEN_SUSPENDED && g->raw == 2) {
    // Suspended at an await: the queue waits for the await's job.
    g->state = IGN_GEN_RUNNING;
    return;
  }
  if (g->state != IGN_GEN_SUSPENDED) {
    // The body finished: a return (also a return box) or a throw.
    g->state = IGN_GEN_DONE;
    if (js_is_exception(r)) {
      JSValue e = js_take_exception(vm);
      if (ign_is_return_box(vm, e)) complete(vm, g, false, ign_return_box_value(e), true);
      else complete(vm, g, true, e, true);
    } else {
      complete(vm, g, false, r, true);
    }
  }
  resume_next(vm, g);
}

static JSValue return_fulfilled(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  JSGenerator *g = js_heap(js_fn(vm->callee)->home_object);
  g->state = IGN_GEN_DONE;
  complete(vm, g, false, js_arg(0), true);
  resume_next(vm, g);
  return JS_UNDEFINED;
}

static JSValue return_rejected(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  JSGenerator *g = js_heap(js_fn(vm->callee)->home_object);
  g->state = IGN_GEN_DONE;
  complete(vm, g, true, js_arg(0), true);
  resume_next(vm, g);
  return JS_UNDEFINED;
}

// return(v) on a finished generator: await v, then settle.
static void await_return(JSVM *vm, JSGenerator *g, JSValue value) {
  g->state = AG_AWAITING_RETURN;
  JSValue p = js_promise_resolve(vm, value);
  if (js_is_exception(p)) {
    g->state = IGN_GEN_DONE;
    complete(vm, g, true, js_take_exception(vm), true);
    return;
  }
  JSValue on_f = js_new_native(vm, "", return_fulfilled, 1, 0);
  JSValue on_r = js_new_native(vm, "", return_rejected, 1, 0);
  js_fn(on_f)->home_object = js_val(g);
  js_fn(on_r)->home_object = js_val(g);
  js_promise_then_native(vm, p, on_f, on_r);
}

static JSValue yield_return_settled(JSVM *vm, JSValue value, int mode) {
  JSGenerator *g = js_heap(js_fn(vm->callee)->home_object);
  g->state = IGN_GEN_SUSPENDED;
  g->raw = 0;
  JSValue r = ign_resume(vm, g, value, mode);
  if (g->state == IGN_GEN_DONE) g->state = IGN_GEN_RUNNING;
  after_resume(vm, g, r);
  return JS_UNDEFINED;
}

static JSValue yield_return_fulfilled(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  return yield_return_settled(vm, js_arg(0), IGN_RESUME_RETURN);
}

static JSValue yield_return_rejected(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  return yield_return_settled(vm, js_arg(0), IGN_RESUME_THROW);
}

// return(v) reaching a suspended yield: await v, then resume the body
// with a return of the result (or a throw of the rejection).
static void return_at_yield(JSVM *vm, JSGenerator *g, JSValue value) {
  g->state = IGN_GEN_RUNNING;
  JSValue p = js_promise_resolve(vm, value);
  if (js_is_exception(p)) {
    JSValue e = js_take_exception(vm);
    g->state = IGN_GEN_SUSPENDED;
    JSValue r = ign_resume(vm, g, e, IGN_RESUME_THROW);
    if (g->state == IGN_GEN_DONE) g->state = IGN_GEN_RUNNING;
    after_resume(vm, g, r);
    return;
  }
  JSValue on_f = js_new_native(vm, "", yield_return_fulfilled, 1, 0);
  JSValue on_r = js_new_native(vm, "", yield_return_rejected, 1, 0);
  js_fn(on_f)->home_object = js_val(g);
  js_fn(on_r)->home_object = js_val(g);
  js_promise_then_native(vm, p, on_f, on_r);
}

// AsyncGeneratorResumeNext: serve requests while the body is not running.
static void resume_next(JSVM *vm, JSGenerator *g) {
  while (!queue_empty(g)) {
    if (g->state == IGN_GEN_RUNNING || g->state == AG_AWAITING_RETURN) return;
    int mode = js_int32(front(g)[0]);
    JSValue value = front(g)[1];
    if (mode != IGN_RESUME_NEXT && g->state == IGN_GEN_START) g->state = IGN_GEN_DONE;
    if (g->state == IGN_GEN_DONE) {
      if (mode == IGN_RESUME_RETURN) {
        await_return(vm, g, value);
        return;
      }
      complete(vm, g, mode == IGN_RESUME_THROW, mode == IGN_RESUME_THROW ? value : JS_UNDEFINED, true);
      continue;
    }
    if (mode == IGN_RESUME_RETURN && g->state == IGN_GEN_SUSPENDED && !(g->raw & 1)) {
      // A return at a yield awaits its value first (27.6.3.8 step 9).
      return_at_yield(vm, g, value);
      return;
    }
    // (g->raw still says how the body suspended: at a yield*, which sees
    // every mode as a value, ign_resume needs to know.)
    JSValue r = ign_resume(vm, g, value, mode);
    // ign_resume marks a finished body DONE; undo that for after_resume.
    if (g->state == IGN_GEN_DONE) g->state = IGN_GEN_RUNNING;
    after_resume(vm, g, r);
    return;
  }
}

void ign_async_generator_resumed(JSVM *vm, JSGenerator *g, JSValue r) {
  if (g->state == IGN_GEN_DONE) g->state = IGN_GEN_RUNNING;
  after_resume(vm, g, r);
}

// yield in an async generator (after its await): settle the front request.
JSValue ign_async_generator_yield(JSVM *vm, JSValue genv, JSValue value) {
  JSGenerator *g = js_heap(genv);
  complete(vm, g, false, value, false);
  return value;
}

static JSValue enqueue_request(JSVM *vm, JSValue self, JSValue value, int mode) {
  JSValue promise = js_promise_new(vm);
  if (!js_is_type(self, JS_TYPE_Generator) ||
      ((JSGenerator *)js_heap(self))->kind != IGN_GEN_ASYNC_GENERATOR) {
    JSValue err = js_new_error(vm, JS_ERR_TypeError,
                               js_string_from_cstr(vm, "AsyncGenerator method called on incompatible receiver"));
    js_promise_reject_fn(vm, promise, err);
    return promise;
  }
  JSGenerator *g = js_heap(self);
  enqueue(vm, g, mode, value, promise);
  if (g->state != IGN_GEN_RUNNING && g->state != AG_AWAITING_RETURN) resume_next(vm, g);
  return promise;
}

static JSValue ag_next(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  return enqueue_request(vm, self, js_arg(0), IGN_RESUME_NEXT);
}
static JSValue ag_return(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  return enqueue_request(vm, self, js_arg(0), IGN_RESUME_RETURN);
}
static JSValue ag_throw(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  return enqueue_request(vm, self, js_arg(0), IGN_RESUME_THROW);
}

/* {==== %AsyncFromSyncIteratorPrototype% (§27.1.6) ====} */

// The wrapped [[SyncIteratorRecord]] rides under a private symbol of the
// VM, as a two-element array [iterator, next method].
static JSValue sync_key(JSVM *vm) {
  IgnState *st = ign_state(vm);
  if (!js_is_symbol(st->async_from_sync_key)) {
    st->async_from_sync_key = js_new_symbol(vm, js_string_from_cstr(vm, "#syncIterator"));
    ((JSSymbol *)js_heap(st->async_from_sync_key))->flags |= JS_SYM_PRIVATE;
    ori_add_root(&st->async_from_sync_key);
  }
  return st->async_from_sync_key;
}

// Async-from-Sync Iterator Value Unwrap: {value, done} with the [[Done]]
// of the continuation (the magic number).
static JSValue unwrap_value(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  return js_create_iter_result(vm, js_arg(0), js_native_magic(vm) != 0);
}

// IteratorClose(syncIteratorRecord, completion): a throw completion
// (is_throw) survives whatever `return` does; a normal one is replaced by
// an abrupt GetMethod/Call or by a non-object result (TypeError). Returns
// false with the exception pending when the close completes abruptly.
static bool close_sync(JSVM *vm, JSValue it, bool is_throw) {
  JSValue ret = js_get_method(vm, it, vm->atom[JS_ATOM_return]);
  JSValue r = js_is_exception(ret) || js_is_undefined(ret) ? ret : js_call(vm, ret, it, 0, NULL);
  if (is_throw) {
    if (vm->has_exception) js_take_exception(vm);
    return true;
  }
  if (js_is_exception(r)) return false;
  if (!js_is_undefined(ret) && !js_is_object(r)) {
    js_throw_type_error(vm, "Iterator result of return() is not an object");
    return false;
  }
  return true;
}

// The closeIterator closure of a continuation: a rejected value closes
// the sync iterator (the closure's home_object), then rethrows.
static JSValue close_rejected(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  close_sync(vm, js_fn(vm->callee)->home_object, true);
  return js_throw(vm, js_arg(0));
}

// The pending exception rejects promise, which is returned (the spec's
// IfAbruptRejectPromise).
static JSValue reject_pending(JSVM *vm, JSValue promise) {
  js_promise_reject_fn(vm, promise, js_take_exception(vm));
  return promise;
}

// AsyncFromSyncIteratorContinuation(result, capability, record,
// closeOnRejection): a promise for {await value, done}. When the value
// rejects (or is a promise whose `constructor` throws) and the sync
// iterator is not done, it is closed first if close_on_rejection.
static JSValue continuation(JSVM *vm, JSValue result, JSValue promise, JSValue it,
                            bool close_on_rejection) {
  JSValue done_v = js_get(vm, result, vm->atom[JS_ATOM_done]);
  if (js_is_exception(done_v)) return reject_pending(vm, promise);
  bool done = js_to_boolean(done_v);
  JSValue value = js_get(vm, result, vm->atom[JS_ATOM_value]);
  if (js_is_exception(value)) return reject_pending(vm, promise);
  JSValue wrapper = js_promise_resolve(vm, value);
  if (js_is_exception(wrapper)) {
    if (!done && close_on_rejection) {
      JSValue e = js_take_exception(vm);
      close_sync(vm, it, true);
      js_throw(vm, e);
    }
    return reject_pending(vm, promise);
  }
  JSValue on_f = js_new_native(vm, "", unwrap_value, 1, done);
  JSValue on_r = JS_UNDEFINED;
  if (!done && close_on_rejection) {
    on_r = js_new_native(vm, "", close_rejected, 1, 0);
    js_fn(on_r)->home_object = it;  // fresh native: raw store
  }
  // The derived promise is the result (PerformPromiseThen with the
  // capability): resolving another promise with it would cost two ticks.
  return js_promise_then_derived(vm, wrapper, on_f, on_r);
}

// throw(value) on a sync iterator without `throw`: close it (an abrupt
// close rejects with its error), then reject with a TypeError for the
// protocol violation (§27.1.6.2.3 step 8).
static JSValue throw_missing(JSVM *vm, JSValue it, JSValue promise) {
  if (!close_sync(vm, it, false)) return reject_pending(vm, promise);
  js_throw_type_error(vm, "The iterator does not provide a 'throw' method");
  return reject_pending(vm, promise);
}

// next(v) / return(v) / throw(v) (magic 0, 1, 2; §27.1.6.2.1-3).
static JSValue from_sync_step(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  int which = js_native_magic(vm);
  JSValue promise = js_promise_new(vm);
  JSValue rec = js_private_get(vm, self, sync_key(vm));
  if (js_is_exception(rec)) return reject_pending(vm, promise);
  JSValue it = js_get_index(vm, rec, 0), r;
  if (which == 0) {
    // IteratorNext with the recorded next method.
    r = js_call(vm, js_get_index(vm, rec, 1), it, argc ? 1 : 0, argv);
  } else {
    JSValue m = js_get_method(vm, it, vm->atom[which == 1 ? JS_ATOM_return : JS_ATOM_throw]);
    if (js_is_exception(m)) return reject_pending(vm, promise);
    if (js_is_undefined(m) && which == 2) return throw_missing(vm, it, promise);
    if (js_is_undefined(m)) {
      js_promise_resolve_fn(vm, promise, js_create_iter_result(vm, js_arg(0), true));
      return promise;
    }
    r = js_call(vm, m, it, argc ? 1 : 0, argv);
  }
  if (js_is_exception(r)) return reject_pending(vm, promise);
  if (!js_is_object(r)) {
    js_throw_type_error(vm, "Iterator result %s is not an object",
                        which == 0 ? "of next()" : which == 1 ? "of return()" : "of throw()");
    return reject_pending(vm, promise);
  }
  return continuation(vm, r, promise, it, which != 1);
}

// GetIterator(obj, async): @@asyncIterator, else the sync iterator wrapped
// by CreateAsyncFromSyncIterator (ign_async_from_sync_iterator).
JSValue ign_get_async_iterator(JSVM *vm, JSValue obj) {
  JSValue m = js_get_method(vm, obj, vm->symbol[JS_SYMBOL_asyncIterator]);
  if (js_is_exception(m)) return m;
  if (!js_is_undefined(m)) {
    JSValue it = js_call(vm, m, obj, 0, NULL);
    if (js_is_exception(it) || js_is_object(it)) return it;
    return js_throw_type_error(vm, "Result of the Symbol.asyncIterator method is not an object");
  }
  JSValue sync = ign_get_iterator(vm, obj);
  if (js_is_exception(sync)) return sync;
  JSValue next = js_get(vm, sync, vm->atom[JS_ATOM_next]);
  if (js_is_exception(next)) return next;
  return ign_async_from_sync_iterator(vm, sync, next);
}

JSValue ign_async_from_sync_iterator(JSVM *vm, JSValue iterator, JSValue next) {
  JSValue pair[2] = {iterator, next};
  JSValue rec = js_new_array_from(vm, 2, pair);
  JSValue w = js_new_object_proto(vm, js_intrinsic(vm, AsyncFromSyncIteratorPrototype));
  if (js_private_define(vm, w, sync_key(vm), rec, 0) < 0) return JS_EXCEPTION;
  return w;
}

static JSValue return_undefined(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  return JS_UNDEFINED;
}

// %AsyncIteratorPrototype%[@@asyncDispose]() (explicit resource
// management): a promise for the completion of this.return(),
// fulfilled with undefined; every abrupt step rejects it instead.
static JSValue async_dispose(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  JSValue promise = js_promise_new(vm);
  JSValue ret = js_get_method(vm, self, vm->atom[JS_ATOM_return]);
  if (js_is_exception(ret)) return reject_pending(vm, promise);
  if (js_is_undefined(ret)) {
    js_promise_resolve_fn(vm, promise, JS_UNDEFINED);
    return promise;
  }
  JSValue r = js_call(vm, ret, self, 0, NULL);
  if (js_is_exception(r)) return reject_pending(vm, promise);
  JSValue wrapper = js_promise_resolve(vm, r);
  if (js_is_exception(wrapper)) return reject_pending(vm, promise);
  JSValue on_f = js_new_native(vm, "", return_undefined, 1, 0);
  return js_promise_then_derived(vm, wrapper, on_f, JS_UNDEFINED);
}

static JSValue return_this(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  return self;
}

void ign_install_async_generators(JSVM *vm) {
  JSRealm *r = vm->realm;
  JSValue agp = r->intrinsic[JS_INTRINSIC_AsyncGeneratorPrototype];
  JSValue agfp = r->intrinsic[JS_INTRINSIC_AsyncGeneratorFunctionPrototype];
  js_def_method(vm, agp, "next", ag_next, 1);
  js_def_method(vm, agp, "return", ag_return, 1);
  js_def_method(vm, agp, "throw", ag_throw, 1);
  js_define_value(vm, agp, vm->symbol[JS_SYMBOL_toStringTag], js_atom(vm, "AsyncGenerator"),
                  JS_ATTR_CONFIGURABLE);
  js_define_value(vm, agp, vm->atom[JS_ATOM_constructor], agfp, JS_ATTR_CONFIGURABLE);
  js_define_value(vm, agfp, vm->atom[JS_ATOM_prototype], agp, JS_ATTR_CONFIGURABLE);
  js_define_value(vm, agfp, vm->symbol[JS_SYMBOL_toStringTag], js_atom(vm, "AsyncGeneratorFunction"),
                  JS_ATTR_CONFIGURABLE);
  js_define_value(vm, r->intrinsic[JS_INTRINSIC_AsyncFunctionPrototype], vm->symbol[JS_SYMBOL_toStringTag],
                  js_atom(vm, "AsyncFunction"), JS_ATTR_CONFIGURABLE);
  js_def_method_key(vm, r->intrinsic[JS_INTRINSIC_AsyncIteratorPrototype],
                    vm->symbol[JS_SYMBOL_asyncIterator], "[Symbol.asyncIterator]", return_this, 0);
  js_def_method_key(vm, r->intrinsic[JS_INTRINSIC_AsyncIteratorPrototype],
                    vm->symbol[JS_SYMBOL_asyncDispose], "[Symbol.asyncDispose]", async_dispose, 0);
  JSValue afs = r->intrinsic[JS_INTRINSIC_AsyncFromSyncIteratorPrototype];
  js_def_method_magic(vm, afs, "next", from_sync_step, 1, 0);
  js_def_method_magic(vm, afs, "return", from_sync_step, 1, 1);
  js_def_method_magic(vm, afs, "throw", from_sync_step, 1, 2);
}
