/*
 * runtime/builtins_disposable.c — the disposable family (ES2026 §27.3,
 * explicit resource management): DisposableStack and
 * AsyncDisposableStack with their prototypes, and the DisposeCapability
 * operations of runtime/disposable.h (AddDisposableResource,
 * DisposeResources, its async form).
 *
 * A stack is an ordinary object (so subclassing and new.target's
 * prototype need nothing special) carrying its internal slots in a
 * private field, as proxy.c does for revoke functions: the field's key is
 * one of two private symbols (one per class, so each class's methods
 * accept only their own instances; proxies and lookalikes lack it), its
 * value a state store: [[DisposableState]] / [[AsyncDisposableState]]
 * and the [[DisposeCapability]]'s resource list.
 *
 * Async disposal (§27.3.2.4 with its Awaits) is a C state machine, as
 * Array.fromAsync's (builtins_array_async.c): its state lives in a heap
 * JSArrayStore (A_* slots) that two reaction natives carry in their
 * home_object; every Await records the phase it resumes, then subscribes
 * them to PromiseResolve(%Promise%, v). The reactions never return an
 * exception: the result promise is settled instead.
 *
 * Invariants:
 *  - The brand symbols are process-wide statics registered as roots (the
 *    heap is process-wide; sharing them across realms keeps brand checks
 *    realm-independent, as internal slots are).
 *  - A stack's state store has ST_COUNT slots; ST_LIST is the resource
 *    list (a JSArrayStore, see disposable.h) or undefined when empty. A
 *    disposed stack's list is undefined and never grows again (every
 *    method that would add to it throws first).
 *  - One Await is pending at a time per async disposal; A_INDEX counts
 *    down the list's values, and a record is consumed (A_INDEX lowered)
 *    before its method is called.
 */
#include <stdlib.h>

#include "orinoco/orinoco.h"
#include "runtime/disposable.h"
#include "runtime/promise.h"
#include "runtime/runtime.h"

/* {==== Stack objects and their state ====} */

// Slots of a stack's state store.
enum {
  ST_DISPOSED,  // JS_TRUE once disposed (or moved from)
  ST_LIST,      // the resource list (JSArrayStore) or undefined
  ST_COUNT
};

// Which class (the natives' magic, and the index of the brand key).
enum { SYNC_STACK, ASYNC_STACK };

static const char *const class_names[] = {"DisposableStack", "AsyncDisposableStack"};

// The private symbols that brand the two classes' instances.
static JSValue brand_key[2];
static bool brand_rooted;

static void set_slot(JSArrayStore *st, int slot, JSValue v) { ORI_STORE(st, v[slot], v); }

// A resource list as a C pointer (NULL for the empty list).
static JSArrayStore *list_of(JSValue v) {
  return js_is_undefined(v) ? NULL : (JSArrayStore *)js_heap(v);
}

static JSValue list_value(JSArrayStore *list) { return list ? js_val(list) : JS_UNDEFINED; }

// A new pending stack of the given class with prototype proto.
static JSValue new_stack(JSVM *vm, int which, JSValue proto) {
  JSValue obj = js_new_object_proto(vm, proto);
  JSArrayStore *st = js_new_store(vm, ST_COUNT);
  st->v[ST_DISPOSED] = JS_FALSE;  // fresh store: raw stores
  st->v[ST_LIST] = JS_UNDEFINED;
  st->used = ST_COUNT;
  if (js_private_define(vm, obj, brand_key[which], js_val(st), 0) < 0) return JS_EXCEPTION;
  return obj;
}

// RequireInternalSlot(self, [[(Async)DisposableState]]): the state store,
// or NULL after V8's TypeError for an incompatible receiver.
static JSArrayStore *state_of(JSVM *vm, JSValue self, int which, const char *method) {
  if (js_is_object(self)) {
    int has = js_private_has(vm, self, brand_key[which]);
    if (has < 0) return NULL;
    if (has) {
      JSValue st = js_private_get(vm, self, brand_key[which]);
      return js_is_exception(st) ? NULL : js_heap(st);
    }
  }
  js_throw_incompatible_receiver(vm, class_names[which], method, self);
  return NULL;
}

// The receiver's state, pending: NULL after the brand check's TypeError or
// the ReferenceError for a disposed stack.
static JSArrayStore *pending_state_of(JSVM *vm, JSValue self, int which, const char *method) {
  JSArrayStore *st = state_of(vm, self, which, method);
  if (st && js_bool(st->v[ST_DISPOSED])) {
    js_throw_reference_error(vm, "Cannot call %s.prototype.%s on an already-disposed %s",
                             class_names[which], method, class_names[which]);
    return NULL;
  }
  return st;
}

// Append a record to the state's list (the store may move).
static void push_record(JSVM *vm, JSArrayStore *st, JSValue value, JSValue method, int flags) {
  JSArrayStore *list = list_of(st->v[ST_LIST]);
  list = js_store_push(vm, list, value);
  list = js_store_push(vm, list, method);
  list = js_store_push(vm, list, js_from_int32(flags));
  set_slot(st, ST_LIST, js_val(list));
}

// Take the state's list, leaving it empty (DisposeResources step 6 and
// move()'s NewDisposeCapability).
static JSArrayStore *take_list(JSArrayStore *st) {
  JSArrayStore *list = list_of(st->v[ST_LIST]);
  set_slot(st, ST_LIST, JS_UNDEFINED);
  return list;
}

/* {==== AddDisposableResource and the sync DisposeResources ====} */

// GetDisposeMethod(v, hint) (§27.3.2.2) for an object v: @@asyncDispose,
// falling back to @@dispose (wrapped: *flags gets JS_DISPOSE_WRAP_SYNC)
// for the async hint. Undefined when there is none; JS_EXCEPTION when a
// Get throws or the property is not callable (GetMethod).
static JSValue get_dispose_method(JSVM *vm, JSValue v, bool async, int *flags) {
  if (async) {
    JSValue m = js_get_method(vm, v, vm->symbol[JS_SYMBOL_asyncDispose]);
    if (!js_is_undefined(m)) return m;
    *flags |= JS_DISPOSE_WRAP_SYNC;
  }
  return js_get_method(vm, v, vm->symbol[JS_SYMBOL_dispose]);
}

bool js_add_disposable_resource(JSVM *vm, JSArrayStore **list, JSValue value, bool async) {
  int flags = async ? JS_DISPOSE_ASYNC : 0;
  JSValue method = JS_UNDEFINED;
  if (js_is_nullish(value)) {
    // Step 1.a: nothing to dispose; an await using still awaits once.
    if (!async) return true;
    value = JS_UNDEFINED;
  } else {
    // CreateDisposableResource (§27.3.2.1) step 1.b.
    if (!js_is_object(value)) {
      js_throw_type_error(vm, "%s is not an object",
                          async ? "AsyncDisposableStack resource" : "DisposableStack resource");
      return false;
    }
    method = get_dispose_method(vm, value, async, &flags);
    if (js_is_exception(method)) return false;
    if (js_is_undefined(method)) {
      js_throw_type_error(vm, async ? "Object is not async disposable"
                                    : "Object is not disposable");
      return false;
    }
  }
  *list = js_store_push(vm, *list, value);
  *list = js_store_push(vm, *list, method);
  *list = js_store_push(vm, *list, js_from_int32(flags));
  return true;
}

// Call one record's dispose method: method.call(value), or for adopt()
// the closure F's body, onDispose(value); for a wrapped @@dispose the
// completion becomes a promise (GetDisposeMethod's closure). JS_EXCEPTION
// when the call throws.
static JSValue call_record(JSVM *vm, JSValue value, JSValue method, int flags) {
  if (flags & JS_DISPOSE_ADOPT) return js_call(vm, method, JS_UNDEFINED, 1, &value);
  JSValue r = js_call(vm, method, value, 0, NULL);
  if (!(flags & JS_DISPOSE_WRAP_SYNC)) return r;
  JSValue p = js_promise_new(vm);
  if (js_is_exception(r)) js_promise_reject_fn(vm, p, js_take_exception(vm));
  else js_promise_resolve_fn(vm, p, JS_UNDEFINED);
  return p;
}

// Step 3.e.iii: a new error e joins the completion so far (*err when
// *has_err): the first error stands alone, later ones suppress it.
static JSValue chain_error(JSVM *vm, bool has_err, JSValue err, JSValue e) {
  return has_err ? js_new_suppressed_error(vm, e, err) : e;
}

bool js_dispose_resources(JSVM *vm, JSArrayStore *list, bool throwing) {
  bool has_err = throwing;
  JSValue err = throwing ? js_take_exception(vm) : JS_UNDEFINED;
  // Newest first; the list is never written while it is disposed.
  for (uint32_t i = list ? list->used : 0; i >= JS_DISPOSE_RECORD; i -= JS_DISPOSE_RECORD) {
    JSValue value = list->v[i - 3], method = list->v[i - 2];
    int flags = js_int32(list->v[i - 1]);
    if (js_is_undefined(method)) continue;
    if (js_is_exception(call_record(vm, value, method, flags))) {
      err = chain_error(vm, has_err, err, js_take_exception(vm));
      has_err = true;
    }
  }
  if (!has_err) return true;
  js_throw(vm, err);
  return false;
}

/* {==== The async DisposeResources ====} */

// Slots of an async disposal's state store.
enum {
  A_PROMISE,      // the result promise
  A_LIST,         // the resource list (JSArrayStore or undefined)
  A_INDEX,        // int32: values of the list not yet consumed
  A_HAS_ERROR,    // bool: the completion is a throw completion
  A_ERROR,        // its value
  A_NEEDS_AWAIT,  // bool: needsAwait
  A_HAS_AWAITED,  // bool: hasAwaited
  A_PHASE,        // int32: what the pending Await resumes (PH_*)
  A_ON_F,         // the reaction natives every Await subscribes
  A_ON_R,
  A_COUNT
};

// What an Await's settlement continues.
enum {
  PH_CALLED,  // an async-dispose method's result (step 3.e.ii)
  PH_RESUME,  // Await(undefined) before a sync-dispose record (step 3.d)
  PH_FINISH,  // the last Await(undefined) (step 4)
};

// Await(v): the reactions continue at phase once v settles. False with the
// exception pending when PromiseResolve throws (v.constructor's getter).
static bool await_value(JSVM *vm, JSArrayStore *st, int phase, JSValue v) {
  JSValue p = js_promise_resolve(vm, v);
  if (js_is_exception(p)) return false;
  set_slot(st, A_PHASE, js_from_int32(phase));
  js_promise_then_native(vm, p, st->v[A_ON_F], st->v[A_ON_R]);
  return true;
}

// The completion takes in error e (step 3.e.iii).
static void add_error(JSVM *vm, JSArrayStore *st, JSValue e) {
  bool has = js_bool(st->v[A_HAS_ERROR]);
  set_slot(st, A_ERROR, chain_error(vm, has, st->v[A_ERROR], e));
  set_slot(st, A_HAS_ERROR, JS_TRUE);
}

// Steps 6-7: settle the result promise with the completion.
static void async_finish(JSVM *vm, JSArrayStore *st) {
  set_slot(st, A_LIST, JS_UNDEFINED);
  if (js_bool(st->v[A_HAS_ERROR])) js_promise_reject_fn(vm, st->v[A_PROMISE], st->v[A_ERROR]);
  else js_promise_resolve_fn(vm, st->v[A_PROMISE], JS_UNDEFINED);
}

// One record, newest first (step 3 a-f). True when an Await is now
// pending (the reactions go on from there).
static bool async_record(JSVM *vm, JSArrayStore *st, int32_t i) {
  JSArrayStore *list = list_of(st->v[A_LIST]);
  JSValue value = list->v[i - 3], method = list->v[i - 2];
  int flags = js_int32(list->v[i - 1]);
  bool async = flags & JS_DISPOSE_ASYNC;
  // Step 3.d: a sync disposal after a skipped await-using null waits a
  // turn first (the record is not consumed: the settlement resumes it).
  if (!async && js_bool(st->v[A_NEEDS_AWAIT]) && !js_bool(st->v[A_HAS_AWAITED])) {
    set_slot(st, A_NEEDS_AWAIT, JS_FALSE);
    return await_value(vm, st, PH_RESUME, JS_UNDEFINED);
  }
  set_slot(st, A_INDEX, js_from_int32(i - JS_DISPOSE_RECORD));
  if (js_is_undefined(method)) {
    set_slot(st, A_NEEDS_AWAIT, JS_TRUE);  // step 3.f
    return false;
  }
  JSValue r = call_record(vm, value, method, flags);
  if (!js_is_exception(r) && async) {
    // Step 3.e.ii: Await the result; hasAwaited even if that fails.
    set_slot(st, A_HAS_AWAITED, JS_TRUE);
    if (await_value(vm, st, PH_CALLED, r)) return true;
  }
  if (vm->has_exception) add_error(vm, st, js_take_exception(vm));
  return false;
}

// Run records until an Await is pending or the list is done (then step 4's
// Await, or the settlement).
static void async_run(JSVM *vm, JSArrayStore *st) {
  for (int32_t i; (i = js_int32(st->v[A_INDEX])) > 0;)
    if (async_record(vm, st, i)) return;
  if (js_bool(st->v[A_NEEDS_AWAIT]) && !js_bool(st->v[A_HAS_AWAITED])) {
    set_slot(st, A_NEEDS_AWAIT, JS_FALSE);
    if (await_value(vm, st, PH_FINISH, JS_UNDEFINED)) return;
  }
  async_finish(vm, st);
}

// The settlement of the pending Await (magic 0 fulfilled, 1 rejected).
// Only an awaited method result can reject; it joins the completion.
static JSValue async_reaction(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  JSArrayStore *st = js_heap(js_fn(js_native_callee(vm))->home_object);
  int phase = js_int32(st->v[A_PHASE]);
  if (js_native_magic(vm) != 0) add_error(vm, st, js_arg(0));
  if (phase == PH_FINISH) async_finish(vm, st);
  else async_run(vm, st);
  return JS_UNDEFINED;
}

static JSValue new_reaction(JSVM *vm, JSArrayStore *st, int magic) {
  JSValue f = js_new_native(vm, "", async_reaction, 1, magic);
  js_fn(f)->home_object = js_val(st);  // fresh native: raw store
  return f;
}

JSValue js_dispose_resources_async(JSVM *vm, JSArrayStore *list, bool throwing) {
  JSValue err = throwing ? js_take_exception(vm) : JS_UNDEFINED;
  JSArrayStore *st = js_new_store(vm, A_COUNT);
  for (int i = 0; i < A_COUNT; i++) st->v[i] = JS_UNDEFINED;  // fresh store: raw stores
  st->used = A_COUNT;
  set_slot(st, A_PROMISE, js_promise_new(vm));
  set_slot(st, A_LIST, list_value(list));
  set_slot(st, A_INDEX, js_from_int32(list ? (int32_t)list->used : 0));
  set_slot(st, A_HAS_ERROR, js_from_bool(throwing));
  set_slot(st, A_ERROR, err);
  set_slot(st, A_NEEDS_AWAIT, JS_FALSE);
  set_slot(st, A_HAS_AWAITED, JS_FALSE);
  set_slot(st, A_ON_F, new_reaction(vm, st, 0));
  set_slot(st, A_ON_R, new_reaction(vm, st, 1));
  async_run(vm, st);
  return st->v[A_PROMISE];
}

/* {==== Constructors ====} */

// DisposableStack() / AsyncDisposableStack() (§27.3.1.1, §27.4.1.1):
// new only; the prototype comes from new.target (magic: the class).
static JSValue stack_ctor(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  int which = js_native_magic(vm);
  if (js_is_undefined(nt))
    return js_throw_type_error(vm, "Constructor %s requires 'new'", class_names[which]);
  int intrinsic = which == SYNC_STACK ? JS_INTRINSIC_DisposableStackPrototype
                                      : JS_INTRINSIC_AsyncDisposableStackPrototype;
  JSValue proto = js_get_prototype_from_ctor(vm, nt, intrinsic);
  if (js_is_exception(proto)) return proto;
  return new_stack(vm, which, proto);
}

/* {==== The shared prototype methods (magic: the class) ====} */

// use(value) (§27.3.3.7, §27.4.3.7): AddDisposableResource(value, hint).
static JSValue stack_use(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  int which = js_native_magic(vm);
  JSArrayStore *st = pending_state_of(vm, self, which, "use");
  if (!st) return JS_EXCEPTION;
  JSArrayStore *list = list_of(st->v[ST_LIST]);
  if (!js_add_disposable_resource(vm, &list, js_arg(0), which == ASYNC_STACK))
    return JS_EXCEPTION;
  set_slot(st, ST_LIST, list_value(list));
  return js_arg(0);
}

// adopt(value, onDispose) (§27.3.3.1, §27.4.3.1): onDispose(value) at
// disposal, whatever value is.
static JSValue stack_adopt(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  int which = js_native_magic(vm);
  JSArrayStore *st = pending_state_of(vm, self, which, "adopt");
  if (!st) return JS_EXCEPTION;
  JSValue on_dispose = js_arg(1);
  if (!js_is_callable(on_dispose)) return js_throw_not_callable(vm, on_dispose);
  int flags = JS_DISPOSE_ADOPT | (which == ASYNC_STACK ? JS_DISPOSE_ASYNC : 0);
  push_record(vm, st, js_arg(0), on_dispose, flags);
  return js_arg(0);
}

// defer(onDispose) (§27.3.3.3, §27.4.3.3): onDispose() at disposal.
static JSValue stack_defer(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  int which = js_native_magic(vm);
  JSArrayStore *st = pending_state_of(vm, self, which, "defer");
  if (!st) return JS_EXCEPTION;
  JSValue on_dispose = js_arg(0);
  if (!js_is_callable(on_dispose)) return js_throw_not_callable(vm, on_dispose);
  push_record(vm, st, JS_UNDEFINED, on_dispose, which == ASYNC_STACK ? JS_DISPOSE_ASYNC : 0);
  return JS_UNDEFINED;
}

// move() (§27.3.3.6, §27.4.3.6): a new pending stack of the intrinsic
// prototype (not this one's class) takes the resources; this one ends
// up disposed without disposing anything.
static JSValue stack_move(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  int which = js_native_magic(vm);
  JSArrayStore *st = pending_state_of(vm, self, which, "move");
  if (!st) return JS_EXCEPTION;
  JSValue proto = which == SYNC_STACK ? js_intrinsic(vm, DisposableStackPrototype)
                                      : js_intrinsic(vm, AsyncDisposableStackPrototype);
  JSValue moved = new_stack(vm, which, proto);
  if (js_is_exception(moved)) return moved;
  JSArrayStore *mst = js_heap(js_private_get(vm, moved, brand_key[which]));
  set_slot(mst, ST_LIST, list_value(take_list(st)));
  set_slot(st, ST_DISPOSED, JS_TRUE);
  return moved;
}

// get disposed (§27.3.3.4, §27.4.3.4).
static JSValue disposed_get(JSVM *vm, JSValue self, int which) {
  JSArrayStore *st = state_of(vm, self, which, "disposed");
  return st ? st->v[ST_DISPOSED] : JS_EXCEPTION;
}

static JSValue sync_disposed(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  return disposed_get(vm, self, SYNC_STACK);
}

static JSValue async_disposed(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  return disposed_get(vm, self, ASYNC_STACK);
}

/* {==== dispose / disposeAsync ====} */

// DisposableStack.prototype.dispose() (§27.3.3.2), also @@dispose: a
// second call does nothing.
static JSValue stack_dispose(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  JSArrayStore *st = state_of(vm, self, SYNC_STACK, "dispose");
  if (!st) return JS_EXCEPTION;
  if (js_bool(st->v[ST_DISPOSED])) return JS_UNDEFINED;
  set_slot(st, ST_DISPOSED, JS_TRUE);
  return js_dispose_resources(vm, take_list(st), false) ? JS_UNDEFINED : JS_EXCEPTION;
}

// AsyncDisposableStack.prototype.disposeAsync() (§27.4.3.2), also
// @@asyncDispose: always a promise; a bad receiver rejects it.
static JSValue stack_dispose_async(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                   JSValue nt) {
  JSArrayStore *st = state_of(vm, self, ASYNC_STACK, "disposeAsync");
  if (!st || js_bool(st->v[ST_DISPOSED])) {
    JSValue p = js_promise_new(vm);
    if (!st) js_promise_reject_fn(vm, p, js_take_exception(vm));
    else js_promise_resolve_fn(vm, p, JS_UNDEFINED);
    return p;
  }
  set_slot(st, ST_DISPOSED, JS_TRUE);
  return js_dispose_resources_async(vm, take_list(st), false);
}

/* {==== Installation ====} */

// The brand symbols, made once per process and rooted for good.
static void init_brands(JSVM *vm) {
  if (brand_rooted) return;
  for (int i = 0; i < 2; i++) {
    JSValue sym = js_new_symbol(vm, js_atom(vm, i == SYNC_STACK ? "#DisposableState"
                                                                 : "#AsyncDisposableState"));
    ((JSSymbol *)js_heap(sym))->flags |= JS_SYM_PRIVATE;
    brand_key[i] = sym;
    ori_add_root(&brand_key[i]);
  }
  brand_rooted = true;
}

// One class: constructor, prototype methods, the dispose alias under the
// well-known symbol, @@toStringTag, and the global binding.
static void install_class(JSVM *vm, int which) {
  const char *name = class_names[which];
  JSValue proto = js_new_object(vm);
  vm->realm->intrinsic[which == SYNC_STACK ? JS_INTRINSIC_DisposableStackPrototype
                                           : JS_INTRINSIC_AsyncDisposableStackPrototype] = proto;
  JSValue ctor = js_new_native_ctor(vm, name, stack_ctor, 0, proto);
  js_fn(ctor)->shared->magic = which;
  js_def_method_magic(vm, proto, "adopt", stack_adopt, 2, which);
  js_def_method_magic(vm, proto, "defer", stack_defer, 1, which);
  JSValue dispose, key;
  if (which == SYNC_STACK) {
    dispose = js_def_method(vm, proto, "dispose", stack_dispose, 0);
    js_def_getter(vm, proto, "disposed", sync_disposed, NULL);
    key = vm->symbol[JS_SYMBOL_dispose];
  } else {
    dispose = js_def_method(vm, proto, "disposeAsync", stack_dispose_async, 0);
    js_def_getter(vm, proto, "disposed", async_disposed, NULL);
    key = vm->symbol[JS_SYMBOL_asyncDispose];
  }
  js_def_method_magic(vm, proto, "move", stack_move, 0, which);
  js_def_method_magic(vm, proto, "use", stack_use, 1, which);
  // @@dispose / @@asyncDispose is the very same function object.
  js_define_value(vm, proto, key, dispose, JS_ATTR_METHOD);
  js_define_value(vm, proto, vm->symbol[JS_SYMBOL_toStringTag], js_atom(vm, name),
                  JS_ATTR_CONFIGURABLE);
  js_def_value(vm, vm->realm->global, name, ctor, JS_ATTR_METHOD);
}

void js_init_disposable(JSVM *vm) {
  init_brands(vm);
  install_class(vm, SYNC_STACK);
  install_class(vm, ASYNC_STACK);
}
