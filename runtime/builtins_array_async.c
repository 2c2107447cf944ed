/*
 * runtime/builtins_array_async.c — Array.fromAsync (ES2026, §23.1.2.2):
 * an array built from an async iterable, a sync iterable (through
 * CreateAsyncFromSyncIterator) or an array-like, whose elements (and
 * mapped values) are awaited one at a time.
 *
 * The spec runs the body as an async abstract closure (AsyncFunctionStart);
 * here it is a C state machine. Its state lives in a heap JSArrayStore
 * (slots S_* below) that two reaction natives carry in their home_object
 * slot: every Await stores the phase it resumes in, then subscribes the
 * same two natives to PromiseResolve(%Promise%, v). The reactions never
 * return an exception (an abrupt step rejects the result promise instead),
 * so nothing escapes into the job queue.
 *
 * Invariants:
 *  - One Await is pending at a time per call; the phase names which step
 *    its settlement continues, and each step ends in exactly one of: a new
 *    Await, resolving the promise, rejecting it.
 *  - In the iterator phases an abrupt completion after the iterator's
 *    value was taken (mapfn throws or its result rejects, the element
 *    cannot be defined) closes the iterator (AsyncIteratorClose with a
 *    throw completion: return() is called and its result awaited, then the
 *    original error rejects); errors of next() itself and of the iterator
 *    result do not.
 */
#include "ignition/ignition.h"
#include "runtime/promise.h"
#include "runtime/runtime.h"

/* {==== State ====} */

// Slots of the state store.
enum {
  S_PROMISE,   // the result promise (the closure's capability)
  S_A,         // the array (or C instance) being filled
  S_ITER,      // iterator path: the async iterator
  S_NEXT,      // iterator path: its next method
  S_ITEMS,     // array-like path: ToObject(asyncItems)
  S_MAPFN,     // mapfn or undefined (mapping is false)
  S_THIS,      // thisArg
  S_K,         // the index of the element in flight (a number)
  S_LEN,       // array-like path: the length (a number)
  S_PHASE,     // what the pending Await's settlement continues (PH_*)
  S_ERROR,     // PH_CLOSING: the error that rejects once return() settles
  S_ON_F,      // the reaction natives subscribed by every Await
  S_ON_R,
  S_COUNT
};

// The steps an Await resumes.
enum {
  PH_NEXT,          // iterator: the awaited result of next()
  PH_ITER_MAPPED,   // iterator: the awaited mapfn result
  PH_CLOSING,       // iterator: the awaited result of return() (error pending)
  PH_ELEMENT,       // array-like: the awaited element
  PH_ARRAY_MAPPED,  // array-like: the awaited mapfn result
};

// 2^53 - 1: no array-like or iterator goes past it.
#define MAX_SAFE_INTEGER 9007199254740991.0

static void set_slot(JSArrayStore *st, int slot, JSValue v) { ORI_STORE(st, v[slot], v); }

static double k_of(JSArrayStore *st) { return js_number_value(st->v[S_K]); }

// Reject the result promise with the pending exception.
static void reject_pending(JSVM *vm, JSArrayStore *st) {
  js_promise_reject_fn(vm, st->v[S_PROMISE], js_take_exception(vm));
}

// Await(v): the state's reactions continue at phase once v settles. False
// (exception pending) when PromiseResolve throws (v's constructor getter).
static bool await_value(JSVM *vm, JSArrayStore *st, int phase, JSValue v) {
  JSValue p = js_promise_resolve(vm, v);
  if (js_is_exception(p)) return false;
  set_slot(st, S_PHASE, js_from_int32(phase));
  js_promise_then_native(vm, p, st->v[S_ON_F], st->v[S_ON_R]);
  return true;
}

// The property key of index k (k may pass the array-index range).
static JSValue index_key(JSVM *vm, double k) {
  if (k < 4294967295.0) return js_index_key((uint32_t)k);
  return js_to_property_key(vm, js_from_number(k));
}

// The last step of both paths: Set(A, "length", k, true), then resolve.
static void finish(JSVM *vm, JSArrayStore *st, double len) {
  JSValue a = st->v[S_A];
  if (js_set(vm, a, vm->atom[JS_ATOM_length], js_from_number(len), true) < 0) {
    reject_pending(vm, st);
    return;
  }
  js_promise_resolve_fn(vm, st->v[S_PROMISE], a);
}

/* {==== The iterator path ====} */

// AsyncIteratorClose(record, throw error): return() is called and its
// result awaited (PH_CLOSING), but the error rejects in any case.
static void close_with_error(JSVM *vm, JSArrayStore *st, JSValue error) {
  JSValue it = st->v[S_ITER];
  JSValue ret = js_get_method(vm, it, vm->atom[JS_ATOM_return]);
  JSValue r = js_is_exception(ret) || js_is_undefined(ret) ? ret : js_call(vm, ret, it, 0, NULL);
  if (!js_is_exception(r) && !js_is_undefined(ret)) {
    set_slot(st, S_ERROR, error);
    if (await_value(vm, st, PH_CLOSING, r)) return;
  }
  // A throw completion wins over whatever closing did.
  if (vm->has_exception) js_take_exception(vm);
  js_promise_reject_fn(vm, st->v[S_PROMISE], error);
}

// The pending exception closes the iterator, then rejects.
static void close_pending(JSVM *vm, JSArrayStore *st) {
  close_with_error(vm, st, js_take_exception(vm));
}

// Steps h.iv.1-4: call next() and await its result.
static void iterator_step(JSVM *vm, JSArrayStore *st) {
  if (k_of(st) >= MAX_SAFE_INTEGER) {
    js_throw_type_error(vm, "Array.fromAsync: too many elements");
    close_pending(vm, st);
    return;
  }
  JSValue r = js_call(vm, st->v[S_NEXT], st->v[S_ITER], 0, NULL);
  if (js_is_exception(r) || !await_value(vm, st, PH_NEXT, r)) reject_pending(vm, st);
}

// Steps h.iv.11-13: define A[k] (closing the iterator on failure), then
// go on with k + 1.
static void iterator_define(JSVM *vm, JSArrayStore *st, JSValue v) {
  double k = k_of(st);
  if (js_create_data_property_or_throw(vm, st->v[S_A], index_key(vm, k), v) < 0) {
    close_pending(vm, st);
    return;
  }
  set_slot(st, S_K, js_from_number(k + 1));
  iterator_step(vm, st);
}

static void iterator_map(JSVM *vm, JSArrayStore *st, JSValue value);

// Steps h.iv.5-10 on the awaited result of next().
static void iterator_result(JSVM *vm, JSArrayStore *st, JSValue result) {
  if (!js_is_object(result)) {
    js_throw_type_error(vm, "Iterator result of next() is not an object");
    reject_pending(vm, st);
    return;
  }
  JSValue done = js_get(vm, result, vm->atom[JS_ATOM_done]);
  JSValue value = js_is_exception(done) || js_to_boolean(done)
                      ? done : js_get(vm, result, vm->atom[JS_ATOM_value]);
  if (js_is_exception(value)) {
    reject_pending(vm, st);
  } else if (js_to_boolean(done)) {
    finish(vm, st, k_of(st));
  } else if (js_is_undefined(st->v[S_MAPFN])) {
    iterator_define(vm, st, value);
  } else {
    iterator_map(vm, st, value);
  }
}

// Step h.iv.9: mapfn(value, k), awaited; either failing closes the iterator.
static void iterator_map(JSVM *vm, JSArrayStore *st, JSValue value) {
  JSValue args[2] = {value, st->v[S_K]};
  JSValue mapped = js_call(vm, st->v[S_MAPFN], st->v[S_THIS], 2, args);
  if (js_is_exception(mapped) || !await_value(vm, st, PH_ITER_MAPPED, mapped))
    close_pending(vm, st);
}

/* {==== The array-like path ====} */

// Steps i.vii.1-3: await element k, or finish at the length.
static void array_step(JSVM *vm, JSArrayStore *st) {
  double k = k_of(st), len = js_number_value(st->v[S_LEN]);
  if (k >= len) {
    finish(vm, st, len);
    return;
  }
  JSValue v = js_get(vm, st->v[S_ITEMS], index_key(vm, k));
  if (js_is_exception(v) || !await_value(vm, st, PH_ELEMENT, v)) reject_pending(vm, st);
}

// Steps i.vii.6-7: define A[k], then go on with k + 1.
static void array_define(JSVM *vm, JSArrayStore *st, JSValue v) {
  double k = k_of(st);
  if (js_create_data_property_or_throw(vm, st->v[S_A], index_key(vm, k), v) < 0) {
    reject_pending(vm, st);
    return;
  }
  set_slot(st, S_K, js_from_number(k + 1));
  array_step(vm, st);
}

// Steps i.vii.4 on the awaited element: map it (awaiting the result).
static void array_element(JSVM *vm, JSArrayStore *st, JSValue v) {
  if (js_is_undefined(st->v[S_MAPFN])) {
    array_define(vm, st, v);
    return;
  }
  JSValue args[2] = {v, st->v[S_K]};
  JSValue mapped = js_call(vm, st->v[S_MAPFN], st->v[S_THIS], 2, args);
  if (js_is_exception(mapped) || !await_value(vm, st, PH_ARRAY_MAPPED, mapped))
    reject_pending(vm, st);
}

/* {==== Reactions ====} */

// The settlement of the pending Await (magic 0 fulfilled, 1 rejected)
// continues the step its phase names.
static JSValue reaction(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  JSArrayStore *st = js_heap(js_fn(js_native_callee(vm))->home_object);
  bool rejected = js_native_magic(vm) != 0;
  JSValue v = js_arg(0);
  int phase = js_int32(st->v[S_PHASE]);
  if (phase == PH_CLOSING) {
    // The return() result settled: the saved error rejects either way.
    js_promise_reject_fn(vm, st->v[S_PROMISE], st->v[S_ERROR]);
  } else if (rejected) {
    // Only a rejected mapfn result closes the iterator (IfAbruptClose...).
    if (phase == PH_ITER_MAPPED) close_with_error(vm, st, v);
    else js_promise_reject_fn(vm, st->v[S_PROMISE], v);
  } else if (phase == PH_NEXT) {
    iterator_result(vm, st, v);
  } else if (phase == PH_ITER_MAPPED) {
    iterator_define(vm, st, v);
  } else if (phase == PH_ELEMENT) {
    array_element(vm, st, v);
  } else {
    array_define(vm, st, v);
  }
  return JS_UNDEFINED;
}

/* {==== Array.fromAsync ====} */

// The closure's synchronous part for an iterable: the iterator record
// (sync ones wrapped), then A = Construct(C) or ArrayCreate(0).
static bool start_iterator(JSVM *vm, JSArrayStore *st, JSValue c, JSValue items,
                           JSValue method, bool async) {
  JSValue it = js_call(vm, method, items, 0, NULL);
  if (js_is_exception(it)) return false;
  if (!js_is_object(it)) {
    js_throw_type_error(vm, "Result of the Symbol.%s method is not an object",
                        async ? "asyncIterator" : "iterator");
    return false;
  }
  JSValue next = js_get(vm, it, vm->atom[JS_ATOM_next]);
  if (js_is_exception(next)) return false;
  if (!async) {
    it = ign_async_from_sync_iterator(vm, it, next);
    if (js_is_exception(it)) return false;
    next = js_get(vm, it, vm->atom[JS_ATOM_next]);
    if (js_is_exception(next)) return false;
  }
  set_slot(st, S_ITER, it);
  set_slot(st, S_NEXT, next);
  JSValue a = js_is_constructor(c) ? js_construct(vm, c, 0, NULL, c) : js_new_array(vm, 0);
  if (js_is_exception(a)) return false;
  set_slot(st, S_A, a);
  iterator_step(vm, st);
  return true;
}

// The closure's synchronous part for an array-like: the length, then
// A = Construct(C, len) or ArrayCreate(len).
static bool start_array_like(JSVM *vm, JSArrayStore *st, JSValue c, JSValue items) {
  JSValue obj = js_to_object(vm, items);
  if (js_is_exception(obj)) return false;
  double len;
  if (!js_length_of_array_like(vm, obj, &len)) return false;
  JSValue lenv = js_from_number(len), a;
  if (js_is_constructor(c)) {
    a = js_construct(vm, c, 1, &lenv, c);
  } else if (len > 4294967295.0) {
    a = js_throw_range_error(vm, "Invalid array length");
  } else {
    a = js_new_array(vm, (uint32_t)len);
  }
  if (js_is_exception(a)) return false;
  set_slot(st, S_ITEMS, obj);
  set_slot(st, S_LEN, lenv);
  set_slot(st, S_A, a);
  array_step(vm, st);
  return true;
}

// The reaction natives, carrying the state.
static JSValue new_reaction(JSVM *vm, JSArrayStore *st, int magic) {
  JSValue f = js_new_native(vm, "", reaction, 1, magic);
  js_fn(f)->home_object = js_val(st);  // fresh native: raw store
  return f;
}

// Array.fromAsync(asyncItems [, mapfn [, thisArg]]): a promise for the
// array; everything the closure throws before its first Await rejects it.
static JSValue array_from_async(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  JSValue items = js_arg(0), mapfn = js_arg(1);
  JSArrayStore *st = js_new_store(vm, S_COUNT);
  for (int i = 0; i < S_COUNT; i++) st->v[i] = JS_UNDEFINED;  // fresh store: raw stores
  st->used = S_COUNT;
  set_slot(st, S_PROMISE, js_promise_new(vm));
  set_slot(st, S_MAPFN, mapfn);
  set_slot(st, S_THIS, js_arg(2));
  set_slot(st, S_K, js_from_int32(0));
  set_slot(st, S_ON_F, new_reaction(vm, st, 0));
  set_slot(st, S_ON_R, new_reaction(vm, st, 1));
  bool ok = false;
  if (!js_is_undefined(mapfn) && !js_is_callable(mapfn)) {
    js_throw_type_error(vm, "Array.fromAsync: mapper is not a function");
  } else {
    // GetMethod(@@asyncIterator), then (if undefined) GetMethod(@@iterator).
    JSValue m = js_get_method(vm, items, vm->symbol[JS_SYMBOL_asyncIterator]), sm = JS_UNDEFINED;
    if (!js_is_exception(m) && js_is_undefined(m))
      sm = js_get_method(vm, items, vm->symbol[JS_SYMBOL_iterator]);
    if (js_is_exception(m) || js_is_exception(sm)) ok = false;
    else if (!js_is_undefined(m)) ok = start_iterator(vm, st, self, items, m, true);
    else if (!js_is_undefined(sm)) ok = start_iterator(vm, st, self, items, sm, false);
    else ok = start_array_like(vm, st, self, items);
  }
  if (!ok) reject_pending(vm, st);
  return st->v[S_PROMISE];
}

/* {==== Installation ====} */

void js_init_array_async(JSVM *vm) {
  js_def_method(vm, js_intrinsic(vm, Array), "fromAsync", array_from_async, 1);
}
