/*
 * runtime/builtins_weakref.c — WeakRef (§26.1) and FinalizationRegistry
 * (§26.2): constructors, WeakRef.prototype.deref, register and
 * unregister with their validation, and the cleanup step the collector's
 * jobs run (runtime/weakref.h has the layouts and their invariants).
 *
 * Invariants: instances get one root map per prototype (js_map_root_of),
 * so WeakRefs of a realm share a map; a registry's cell store grows by
 * js_store_push and is compacted in place by unregister and cleanup, so
 * the cells keep their registration order.
 */
#include <stdlib.h>

#include "runtime/map.h"
#include "runtime/weakref.h"

bool js_can_be_held_weakly(JSValue v) {
  if (js_is_object(v)) return true;
  return js_is_symbol(v) && !(((JSSymbol *)js_heap(v))->flags & JS_SYM_REGISTERED);
}

// A receiver or argument as V8 shows it in messages: "#<Object>" for
// objects, the descriptive string for symbols, ToString otherwise.
static char *value_text(JSVM *vm, JSValue v) {
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  if (js_is_object(v)) {
    js_sb_ascii(&sb, js_is_callable(v) ? "function" : "#<Object>");
  } else if (js_is_symbol(v)) {
    JSValue d = ((JSSymbol *)js_heap(v))->description;
    js_sb_ascii(&sb, "Symbol(");
    if (js_is_string(d)) js_sb_string(&sb, d);
    js_sb_char(&sb, ')');
  } else {
    js_sb_string(&sb, js_to_string(vm, v));  // cannot throw for these
  }
  JSValue s = js_sb_finish(&sb);
  if (js_is_exception(s)) {
    js_take_exception(vm);  // too long to show: only the message loses it
    return NULL;
  }
  return js_string_utf8(vm, s, NULL);
}

// A TypeError whose message names v ("... %s ...").
static JSValue throw_with_value(JSVM *vm, const char *fmt, JSValue v) {
  char *t = value_text(vm, v);
  js_throw_type_error(vm, fmt, t ? t : "");
  free(t);
  return JS_EXCEPTION;
}

// RequireInternalSlot: self if it is of type, else V8's TypeError naming
// the method.
static bool require_type(JSVM *vm, JSValue self, JSType type, const char *method) {
  if (js_is_type(self, type)) return true;
  char *t = value_text(vm, self);
  js_throw_type_error(vm, "Method %s called on incompatible receiver %s", method, t ? t : "");
  free(t);
  return false;
}

/* {==== WeakRef ====} */

// new WeakRef(target) (§26.1.1.1).
static JSValue weakref_ctor(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  if (js_is_undefined(nt)) return js_throw_type_error(vm, "Constructor WeakRef requires 'new'");
  JSValue target = js_arg(0);
  if (!js_can_be_held_weakly(target)) return js_throw_type_error(vm, "WeakRef: invalid target");
  JSValue proto = js_get_prototype_from_ctor(vm, nt, JS_INTRINSIC_WeakRefPrototype);
  if (js_is_exception(proto)) return proto;
  JSMap *m = js_map_root_of(vm, JS_TYPE_WeakRef, sizeof(JSWeakRef), proto, 2);
  JSWeakRef *w = (JSWeakRef *)js_new_object_of(vm, m);
  w->target = target;  // fresh object: raw store
  js_keep_during_job(vm, target);  // AddToKeptObjects (§26.1.1.1 step 4)
  return js_val(w);
}

// WeakRef.prototype.deref() (§26.1.3.2): the target, or undefined once
// it was collected.
static JSValue weakref_deref(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  if (!require_type(vm, self, JS_TYPE_WeakRef, "WeakRef.prototype.deref")) return JS_EXCEPTION;
  JSValue target = ((JSWeakRef *)js_heap(self))->target;
  js_keep_during_job(vm, target);  // WeakRefDeref: AddToKeptObjects
  return target;
}

/* {==== FinalizationRegistry ====} */

static JSFinalizationRegistry *registry(JSValue v) { return js_heap(v); }

// new FinalizationRegistry(cleanupCallback) (§26.2.1.1).
static JSValue registry_ctor(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  if (js_is_undefined(nt))
    return js_throw_type_error(vm, "Constructor FinalizationRegistry requires 'new'");
  JSValue cb = js_arg(0);
  if (!js_is_callable(cb))
    return js_throw_type_error(vm, "FinalizationRegistry: cleanup must be callable");
  JSValue proto = js_get_prototype_from_ctor(vm, nt, JS_INTRINSIC_FinalizationRegistryPrototype);
  if (js_is_exception(proto)) return proto;
  JSArrayStore *cells = js_new_store(vm, 3 * JS_CELL_SIZE);
  cells->used = 0;
  JSMap *m = js_map_root_of(vm, JS_TYPE_FinalizationRegistry, sizeof(JSFinalizationRegistry),
                            proto, 2);
  JSFinalizationRegistry *r = (JSFinalizationRegistry *)js_new_object_of(vm, m);
  r->cells = js_val(cells);  // fresh object: raw stores
  r->cleanup = cb;
  return js_val(r);
}

// register(target, heldValue [, unregisterToken]) (§26.2.3.2).
static JSValue registry_register(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  if (!require_type(vm, self, JS_TYPE_FinalizationRegistry,
                    "FinalizationRegistry.prototype.register"))
    return JS_EXCEPTION;
  JSValue target = js_arg(0), held = js_arg(1), token = js_arg(2);
  if (!js_can_be_held_weakly(target))
    return js_throw_type_error(vm, "FinalizationRegistry.prototype.register: invalid target");
  if (js_same_value(target, held))
    return js_throw_type_error(vm, "FinalizationRegistry.prototype.register: target and "
                                   "holdings must not be same");
  if (!js_can_be_held_weakly(token) && !js_is_undefined(token))
    return throw_with_value(vm, "Invalid unregisterToken ('%s')", token);
  JSFinalizationRegistry *r = registry(self);
  JSArrayStore *cells = js_heap(r->cells);
  cells = js_store_push(vm, cells, target);
  cells = js_store_push(vm, cells, held);
  cells = js_store_push(vm, cells, token);
  ORI_STORE(r, cells, js_val(cells));  // the store may have moved
  return JS_UNDEFINED;
}

// Drop the cells from `to` up to `from` by moving the later ones down
// (in order, through the barrier: the slots change), then clear the
// vacated tail so that it references nothing.
static void compact(JSArrayStore *cells, uint32_t to, uint32_t from) {
  while (from < cells->used) {
    ORI_STORE(cells, v[to], cells->v[from]);
    to++;
    from++;
  }
  for (uint32_t i = to; i < cells->used; i++) ORI_STORE(cells, v[i], JS_UNDEFINED);
  cells->used = to;
}

// Remove the cells whose unregister token is token, keeping the others in
// order; true if one was removed.
static bool remove_cells(JSFinalizationRegistry *r, JSValue token) {
  JSArrayStore *cells = js_heap(r->cells);
  uint32_t to = 0;
  bool removed = false;
  for (uint32_t i = 0; i < cells->used; i += JS_CELL_SIZE) {
    JSValue t = cells->v[i + JS_CELL_TOKEN];
    if (!js_is_undefined(t) && js_same_value(t, token)) {
      removed = true;
      continue;
    }
    for (uint32_t j = 0; j < JS_CELL_SIZE; j++) ORI_STORE(cells, v[to + j], cells->v[i + j]);
    to += JS_CELL_SIZE;
  }
  compact(cells, to, cells->used);
  return removed;
}

// unregister(unregisterToken) (§26.2.3.3): whether cells were removed.
static JSValue registry_unregister(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  if (!require_type(vm, self, JS_TYPE_FinalizationRegistry,
                    "FinalizationRegistry.prototype.unregister"))
    return JS_EXCEPTION;
  JSValue token = js_arg(0);
  if (!js_can_be_held_weakly(token))
    return throw_with_value(vm, "Invalid unregisterToken ('%s')", token);
  return js_from_bool(remove_cells(registry(self), token));
}

// CleanupFinalizationRegistry: one cell with a cleared target at a time
// (the callback may register or unregister, so the scan restarts from the
// cell's position after each call).
JSValue js_finalization_registry_cleanup(JSVM *vm, JSValue reg) {
  JSFinalizationRegistry *r = registry(reg);
  uint32_t i = 0;
  for (;;) {
    JSArrayStore *cells = js_heap(r->cells);
    while (i < cells->used && !js_is_undefined(cells->v[i + JS_CELL_TARGET])) i += JS_CELL_SIZE;
    if (i >= cells->used) return JS_UNDEFINED;
    JSValue held = cells->v[i + JS_CELL_HELD];
    // Remove the cell first, so that a throwing callback leaves it out.
    compact(cells, i, i + JS_CELL_SIZE);
    if (js_is_exception(js_call(vm, r->cleanup, JS_UNDEFINED, 1, &held))) return JS_EXCEPTION;
  }
}

/* {==== Installation ====} */

static void install(JSVM *vm, const char *name, JSNative ctor_fn, int proto_id) {
  JSValue proto = js_new_object(vm);
  vm->realm->intrinsic[proto_id] = proto;
  JSValue ctor = js_new_native_ctor(vm, name, ctor_fn, 1, proto);
  js_define_value(vm, proto, vm->symbol[JS_SYMBOL_toStringTag], js_atom(vm, name),
                  JS_ATTR_CONFIGURABLE);
  js_def_value(vm, vm->realm->global, name, ctor, JS_ATTR_METHOD);
}

void js_init_weakref(JSVM *vm) {
  install(vm, "WeakRef", weakref_ctor, JS_INTRINSIC_WeakRefPrototype);
  js_def_method(vm, js_intrinsic(vm, WeakRefPrototype), "deref", weakref_deref, 0);
  install(vm, "FinalizationRegistry", registry_ctor, JS_INTRINSIC_FinalizationRegistryPrototype);
  JSValue fp = js_intrinsic(vm, FinalizationRegistryPrototype);
  js_def_method(vm, fp, "register", registry_register, 2);
  js_def_method(vm, fp, "unregister", registry_unregister, 1);
}
