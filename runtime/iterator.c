/*
 * runtime/iterator.c — the iteration protocol's abstract operations
 * (GetIterator, IteratorNext, IteratorStepValue, IteratorClose,
 * IteratorToList, CreateIterResultObject), the shared JSIteratorObject
 * allocation, and the `iterator` builtin family, which installs
 * %IteratorPrototype%[@@iterator] (returns this).
 *
 * Invariants: see iterator.h. Iterator maps are made lazily, one per
 * brand per realm (realm->iterator_map), so that all iterators of a
 * brand share one map and inline caches stay monomorphic; the collector
 * must treat those maps as realm roots, like primitive_map.
 */
#include <assert.h>
#include <stdlib.h>

#include "runtime/iterator.h"

static_assert(JS_ITER_BRAND_COUNT <= sizeof(((JSRealm *)0)->iterator_map) /
                                          sizeof(JSMap *),
              "realm->iterator_map holds one map per JSIterBrand");

/* {==== Iterator objects ====} */

// The prototype of each brand's objects, in JSIterBrand order. Wrapper
// and helper prototypes are made by the iterator_helpers family
// (runtime/builtins_iterator_helpers.c) before any such object exists.
static const int brand_proto[JS_ITER_BRAND_COUNT] = {
    [JS_ITER_ARRAY] = JS_INTRINSIC_ArrayIteratorPrototype,
    [JS_ITER_STRING] = JS_INTRINSIC_StringIteratorPrototype,
    [JS_ITER_MAP] = JS_INTRINSIC_MapIteratorPrototype,
    [JS_ITER_SET] = JS_INTRINSIC_SetIteratorPrototype,
    [JS_ITER_REGEXP_STRING] = JS_INTRINSIC_RegExpStringIteratorPrototype,
    [JS_ITER_FOR_IN] = JS_INTRINSIC_IteratorPrototype,
    [JS_ITER_WRAP] = JS_INTRINSIC_WrapForValidIteratorPrototype,
    [JS_ITER_HELPER] = JS_INTRINSIC_IteratorHelperPrototype,
};

// The spec's names for the receiver check's message.
static const char *const brand_name[JS_ITER_BRAND_COUNT] = {
    [JS_ITER_ARRAY] = "Array Iterator",
    [JS_ITER_STRING] = "String Iterator",
    [JS_ITER_MAP] = "Map Iterator",
    [JS_ITER_SET] = "Set Iterator",
    [JS_ITER_REGEXP_STRING] = "RegExp String Iterator",
    [JS_ITER_FOR_IN] = "For-In Iterator",
    [JS_ITER_WRAP] = "Iterator Wrap",
    [JS_ITER_HELPER] = "Iterator Helper",
};

JSValue js_new_iterator(JSVM *vm, JSIterBrand brand, JSValue target,
                        JSIterKind kind) {
  // The brand's map is made on first use: most programs only ever make
  // array iterators, and realm creation stays cheap.
  JSRealm *r = vm->realm;
  if (!r->iterator_map[brand]) {
    // Two in-object slots: enough for a user's expando or two without an
    // out-of-line store (iterators rarely get any).
    r->iterator_map[brand] =
        js_new_map(vm, JS_TYPE_Iterator, r->intrinsic[brand_proto[brand]],
                   sizeof(JSIteratorObject), 2);
  }
  JSIteratorObject *it =
      (JSIteratorObject *)js_new_object_of(vm, r->iterator_map[brand]);
  // Fresh object: raw stores (ori_alloc zeroed the rest).
  it->target = target;
  it->state = JS_UNDEFINED;
  it->brand = (uint8_t)brand;
  it->kind = (uint8_t)kind;
  return js_val(it);
}

JSIteratorObject *js_iterator_this(JSVM *vm, JSValue self, JSIterBrand brand,
                                   const char *method) {
  // The brand stands for the spec's internal slots: an iterator of
  // another kind lacks them, exactly like an ordinary object.
  if (js_is_type(self, JS_TYPE_Iterator)) {
    JSIteratorObject *it = js_heap(self);
    if (it->brand == brand) return it;
  }
  js_throw_incompatible_receiver(vm, brand_name[brand], method, self);
  return NULL;
}

/* {==== Abstract operations (§7.4) ====} */

JSValue js_create_iter_result(JSVM *vm, JSValue value, bool done) {
  // Always the same two additions from a fresh object, so every result
  // object ends up on one shared map through the transition tree.
  JSValue o = js_new_object(vm);
  js_define_value(vm, o, vm->atom[JS_ATOM_value], value, JS_ATTR_DEFAULT);
  js_define_value(vm, o, vm->atom[JS_ATOM_done], js_from_bool(done), JS_ATTR_DEFAULT);
  return o;
}

// V8's wording for a value without an @@iterator method (the runtime has
// no call site to print, so it names the value's type as V8 does then).
static bool throw_not_iterable(JSVM *vm, JSValue obj) {
  const char *tail = " is not iterable (cannot read property Symbol(Symbol.iterator))";
  if (js_is_nullish(obj) || js_is_object(obj) || js_is_symbol(obj)) {
    const char *what = js_is_undefined(obj) ? "undefined"
                       : js_is_null(obj)    ? "object null"
                       : js_is_symbol(obj)  ? "symbol"
                                            : "object";
    js_throw_type_error(vm, "%s%s", what, tail);
    return false;
  }
  JSValue s = js_to_string(vm, obj);
  if (js_is_exception(s)) return false;
  JSValue type = js_typeof(vm, obj);
  char *ts = js_string_utf8(vm, type, NULL), *vs = js_string_utf8(vm, s, NULL);
  js_throw_type_error(vm, "%s %s%s", ts, vs, tail);
  free(ts);
  free(vs);
  return false;
}

bool js_get_iterator_from_method(JSVM *vm, JSValue obj, JSValue method,
                                 JSIterRecord *rec) {
  // js_call throws "x is not a function" for a non-callable method.
  JSValue it = js_call(vm, method, obj, 0, NULL);
  if (js_is_exception(it)) return false;
  if (!js_is_object(it)) {
    js_throw_type_error(vm, "Result of the Symbol.iterator method is not an object");
    return false;
  }
  // next is read once, here, and not checked: calling a non-callable
  // next is what throws, at the first step (as the spec orders it).
  JSValue next = js_get(vm, it, vm->atom[JS_ATOM_next]);
  if (js_is_exception(next)) return false;
  rec->iterator = it;
  rec->next = next;
  rec->done = false;
  return true;
}

bool js_get_iterator(JSVM *vm, JSValue obj, JSIterRecord *rec) {
  // GetMethod: a nullish obj already throws "Cannot read properties".
  JSValue method = js_get_method(vm, obj, vm->symbol[JS_SYMBOL_iterator]);
  if (js_is_exception(method)) return false;
  if (js_is_undefined(method)) return throw_not_iterable(vm, obj);
  return js_get_iterator_from_method(vm, obj, method, rec);
}

// V8's message for a next() or return() result that is not an object.
static JSValue throw_not_object(JSVM *vm, JSValue r) {
  // Symbols have no ToString; the other primitives print as themselves.
  JSValue s = js_is_symbol(r) ? JS_UNDEFINED : js_to_string(vm, r);
  if (js_is_exception(s)) return s;
  char *text = js_is_string(s) ? js_string_utf8(vm, s, NULL) : NULL;
  js_throw_type_error(vm, "Iterator result %s is not an object", text ? text : "Symbol()");
  free(text);
  return JS_EXCEPTION;
}

JSValue js_iterator_next(JSVM *vm, JSIterRecord *rec, int argc, JSValue *argv) {
  // Any failure marks the record done: callers must not close an
  // iterator whose own next() misbehaved (IfAbruptCloseIterator does
  // not apply to errors from the iterator itself).
  JSValue r = js_call(vm, rec->next, rec->iterator, argc, argv);
  if (js_is_exception(r)) {
    rec->done = true;
    return r;
  }
  if (!js_is_object(r)) {
    rec->done = true;
    return throw_not_object(vm, r);
  }
  return r;
}

bool js_get_iterator_direct(JSVM *vm, JSValue obj, JSIterRecord *rec) {
  // next is read once and not checked (a non-callable one throws when
  // it is first called, as the spec orders it).
  JSValue next = js_get(vm, obj, vm->atom[JS_ATOM_next]);
  if (js_is_exception(next)) return false;
  rec->iterator = obj;
  rec->next = next;
  rec->done = false;
  return true;
}

int js_iterator_step(JSVM *vm, JSIterRecord *rec) {
  JSValue r = js_iterator_next(vm, rec, 0, NULL);
  if (js_is_exception(r)) return -1;
  // IteratorComplete only: the value is never read.
  JSValue done = js_get(vm, r, vm->atom[JS_ATOM_done]);
  if (js_is_exception(done) || js_to_boolean(done)) {
    rec->done = true;
    return js_is_exception(done) ? -1 : 0;
  }
  return 1;
}

int js_iterator_step_value(JSVM *vm, JSIterRecord *rec, JSValue *value) {
  JSValue r = js_iterator_next(vm, rec, 0, NULL);
  if (js_is_exception(r)) return -1;
  // IteratorComplete, then IteratorValue; either getter may throw, and
  // then the iterator counts as done (it is not closed).
  JSValue done = js_get(vm, r, vm->atom[JS_ATOM_done]);
  if (js_is_exception(done)) {
    rec->done = true;
    return -1;
  }
  if (js_to_boolean(done)) {
    rec->done = true;
    return 0;
  }
  JSValue v = js_get(vm, r, vm->atom[JS_ATOM_value]);
  if (js_is_exception(v)) {
    rec->done = true;
    return -1;
  }
  *value = v;
  return 1;
}

bool js_iterator_close(JSVM *vm, const JSIterRecord *rec, bool throwing) {
  // A throw completion wins over anything return() does: set it aside.
  JSValue pending = throwing ? js_take_exception(vm) : JS_UNDEFINED;
  JSValue it = rec->iterator;
  // GetMethod(iterator, "return"): undefined/null mean "nothing to call".
  JSValue ret = js_get_method(vm, it, vm->atom[JS_ATOM_return]);
  JSValue inner = ret;
  if (!js_is_exception(ret) && !js_is_undefined(ret))
    inner = js_call(vm, ret, it, 0, NULL);
  if (throwing) {
    if (js_is_exception(inner)) js_take_exception(vm);
    js_throw(vm, pending);
    return false;
  }
  // A normal completion: return()'s own error, then its result's type.
  if (js_is_exception(inner)) return false;
  if (js_is_undefined(ret)) return true;
  if (!js_is_object(inner)) {
    throw_not_object(vm, inner);
    return false;
  }
  return true;
}

JSArrayStore *js_iterator_to_list(JSVM *vm, JSIterRecord *rec) {
  // A heap store (not malloc) so that the collector sees the values;
  // js_store_push may replace it as it grows.
  JSArrayStore *list = js_new_store(vm, 8);
  for (;;) {
    JSValue v;
    int r = js_iterator_step_value(vm, rec, &v);
    if (r < 0) return NULL;
    if (r == 0) return list;
    list = js_store_push(vm, list, v);
  }
}

/* {==== The family: %IteratorPrototype% ====} */

// %IteratorPrototype%[@@iterator] (§27.1.2.1): return this.
static JSValue iterator_proto_iterator(JSVM *vm, JSValue self, int argc,
                                       JSValue *argv, JSValue new_target) {
  return self;
}

void js_init_iterator(JSVM *vm) {
  // %IteratorPrototype% itself is made by realm.c; every built-in
  // iterator prototype inherits this method from it.
  js_def_method_key(vm, js_intrinsic(vm, IteratorPrototype),
                    vm->symbol[JS_SYMBOL_iterator], "[Symbol.iterator]",
                    iterator_proto_iterator, 0);
}
