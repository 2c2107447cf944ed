/*
 * runtime/builtins_reflect.c — the Reflect namespace (ECMA-262 §28.1):
 * one function per essential internal method, each a thin check plus the
 * matching runtime operation.
 *
 * Invariants:
 *  - Every function but apply and construct requires an object target and
 *    throws a TypeError otherwise; results that are completion flags in
 *    the spec ([[DefineOwnProperty]], [[Set]], ...) come back as booleans,
 *    never as exceptions: the non-throwing runtime variants are used.
 *  - Key conversion (ToPropertyKey) happens after the target check and
 *    before any other step, as the spec orders it.
 */
#include "runtime/runtime.h"

// The TypeError for a non-object target, naming the function.
static JSValue not_object(JSVM *vm, const char *fn) {
  return js_throw_type_error(vm, "Reflect.%s called on non-object", fn);
}

// Reflect.apply (§28.1.1): Call(target, thisArgument, args), where the
// arguments list must be an array-like object.
static JSValue reflect_apply(JSVM *vm, JSValue self, int argc, JSValue *argv,
                             JSValue nt) {
  JSValue target = js_arg(0);
  if (!js_is_callable(target))
    return js_throw_type_error(vm, "Function.prototype.apply was called on a non-function");
  // Unlike Function.prototype.apply, a missing list is an error here.
  JSArrayStore *list = js_list_from_array_like(vm, js_arg(2));
  if (!list) return JS_EXCEPTION;
  return js_call(vm, target, js_arg(1), (int)list->used, list->v);
}

// Reflect.construct (§28.1.2): [[Construct]] with an explicit new.target,
// which is how a builtin subclass instance is made without `class`.
static JSValue reflect_construct(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                 JSValue nt) {
  JSValue target = js_arg(0);
  if (!js_is_constructor(target))
    return js_throw_type_error(vm, "Reflect.construct target is not a constructor");
  // newTarget defaults to target, and must itself be a constructor.
  JSValue new_target = argc > 2 ? argv[2] : target;
  if (!js_is_constructor(new_target))
    return js_throw_type_error(vm, "Reflect.construct newTarget is not a constructor");
  // The list is read only after both constructor checks.
  JSArrayStore *list = js_list_from_array_like(vm, js_arg(1));
  if (!list) return JS_EXCEPTION;
  return js_construct(vm, target, (int)list->used, list->v, new_target);
}

// Reflect.defineProperty (§28.1.3): [[DefineOwnProperty]]'s boolean; a
// malformed descriptor still throws (ToPropertyDescriptor).
static JSValue reflect_define_property(JSVM *vm, JSValue self, int argc,
                                       JSValue *argv, JSValue nt) {
  JSValue target = js_arg(0);
  if (!js_is_object(target)) return not_object(vm, "defineProperty");
  JSValue key = js_to_property_key(vm, js_arg(1));
  if (js_is_exception(key)) return key;
  JSPropDesc d;
  if (!js_to_property_descriptor(vm, js_arg(2), &d)) return JS_EXCEPTION;
  // throw_on_fail false: refusal is the answer, not an exception.
  int r = js_define_own_property(vm, target, key, &d, false);
  return r < 0 ? JS_EXCEPTION : js_from_bool(r);
}

// Reflect.deleteProperty (§28.1.4): false for a non-configurable property
// instead of strict mode's TypeError.
static JSValue reflect_delete_property(JSVM *vm, JSValue self, int argc,
                                       JSValue *argv, JSValue nt) {
  JSValue target = js_arg(0);
  if (!js_is_object(target)) return not_object(vm, "deleteProperty");
  JSValue key = js_to_property_key(vm, js_arg(1));
  if (js_is_exception(key)) return key;
  // Non-strict delete: a refusal comes back as 0.
  int r = js_delete_property(vm, target, key, false);
  return r < 0 ? JS_EXCEPTION : js_from_bool(r);
}

// Reflect.get (§28.1.5): [[Get]] with an optional receiver, the `this`
// of any getter found.
static JSValue reflect_get(JSVM *vm, JSValue self, int argc, JSValue *argv,
                           JSValue nt) {
  JSValue target = js_arg(0);
  if (!js_is_object(target)) return not_object(vm, "get");
  JSValue key = js_to_property_key(vm, js_arg(1));
  if (js_is_exception(key)) return key;
  // An explicit receiver (even undefined) replaces target as this.
  JSValue receiver = argc > 2 ? argv[2] : target;
  return js_get_with_receiver(vm, target, key, receiver);
}

// Reflect.getOwnPropertyDescriptor (§28.1.6): like Object's, but no
// ToObject: a primitive target is a TypeError.
static JSValue reflect_get_own_property_descriptor(JSVM *vm, JSValue self, int argc,
                                                   JSValue *argv, JSValue nt) {
  JSValue target = js_arg(0);
  if (!js_is_object(target)) return not_object(vm, "getOwnPropertyDescriptor");
  JSValue key = js_to_property_key(vm, js_arg(1));
  if (js_is_exception(key)) return key;
  JSPropDesc d;
  int has = js_get_own_property(vm, target, key, &d);
  if (has < 0) return JS_EXCEPTION;
  return has ? js_from_property_descriptor(vm, &d) : JS_UNDEFINED;
}

// Reflect.getPrototypeOf (§28.1.7): [[GetPrototypeOf]] of an object.
static JSValue reflect_get_prototype_of(JSVM *vm, JSValue self, int argc,
                                        JSValue *argv, JSValue nt) {
  JSValue target = js_arg(0);
  if (!js_is_object(target)) return not_object(vm, "getPrototypeOf");
  return js_get_prototype_of(vm, target);
}

// Reflect.has (§28.1.8): [[HasProperty]], the `in` operator as a function.
static JSValue reflect_has(JSVM *vm, JSValue self, int argc, JSValue *argv,
                           JSValue nt) {
  JSValue target = js_arg(0);
  if (!js_is_object(target)) return not_object(vm, "has");
  JSValue key = js_to_property_key(vm, js_arg(1));
  if (js_is_exception(key)) return key;
  int r = js_has_property(vm, target, key);
  return r < 0 ? JS_EXCEPTION : js_from_bool(r);
}

// Reflect.isExtensible (§28.1.9): [[IsExtensible]] of an object.
static JSValue reflect_is_extensible(JSVM *vm, JSValue self, int argc,
                                     JSValue *argv, JSValue nt) {
  JSValue target = js_arg(0);
  if (!js_is_object(target)) return not_object(vm, "isExtensible");
  int r = js_is_extensible(vm, target);
  return r < 0 ? JS_EXCEPTION : js_from_bool(r);
}

// Reflect.ownKeys: [[OwnPropertyKeys]] as an array, indices spelled out.
static JSValue reflect_own_keys(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                JSValue nt) {
  JSValue target = js_arg(0);
  if (!js_is_object(target)) return not_object(vm, "ownKeys");
  JSArrayStore *keys = js_own_keys(vm, target, JS_KEYS_STRINGS | JS_KEYS_SYMBOLS);
  if (!keys) return JS_EXCEPTION;
  // The store is fresh and ours: rewrite the index keys in place.
  for (uint32_t i = 0; i < keys->used; i++) {
    JSValue s = js_key_to_string(vm, keys->v[i]);
    if (js_is_exception(s)) return s;
    ORI_STORE(keys, v[i], s);
  }
  return js_new_array_from(vm, keys->used, keys->v);
}

// Reflect.preventExtensions (§28.1.11): the boolean result, never a throw
// for refusal.
static JSValue reflect_prevent_extensions(JSVM *vm, JSValue self, int argc,
                                          JSValue *argv, JSValue nt) {
  JSValue target = js_arg(0);
  if (!js_is_object(target)) return not_object(vm, "preventExtensions");
  int r = js_prevent_extensions(vm, target);
  return r < 0 ? JS_EXCEPTION : js_from_bool(r);
}

// Reflect.set (§28.1.12): [[Set]] with an optional receiver, where the
// data property is created or updated (and any setter gets it as this).
static JSValue reflect_set(JSVM *vm, JSValue self, int argc, JSValue *argv,
                           JSValue nt) {
  JSValue target = js_arg(0);
  if (!js_is_object(target)) return not_object(vm, "set");
  JSValue key = js_to_property_key(vm, js_arg(1));
  if (js_is_exception(key)) return key;
  JSValue receiver = argc > 3 ? argv[3] : target;
  // Sloppy [[Set]]: a refusal is the answer false, not a TypeError.
  int r = js_set_with_receiver(vm, target, key, js_arg(2), receiver, false);
  return r < 0 ? JS_EXCEPTION : js_from_bool(r);
}

// Reflect.setPrototypeOf (§28.1.13): false for a cycle or a
// non-extensible target; only a bad prototype value throws.
static JSValue reflect_set_prototype_of(JSVM *vm, JSValue self, int argc,
                                        JSValue *argv, JSValue nt) {
  JSValue target = js_arg(0), proto = js_arg(1);
  if (!js_is_object(target)) return not_object(vm, "setPrototypeOf");
  if (!js_is_object(proto) && !js_is_null(proto))
    return js_throw_type_error(vm, "Object prototype may only be an Object or null");
  int r = js_set_prototype_of(vm, target, proto);
  return r < 0 ? JS_EXCEPTION : js_from_bool(r);
}

// The namespace's functions, in the spec's (alphabetical) order.
static const struct {
  const char *name;
  JSNative fn;
  int length;
} reflect_methods[] = {
    {"apply", reflect_apply, 3},
    {"construct", reflect_construct, 2},
    {"defineProperty", reflect_define_property, 3},
    {"deleteProperty", reflect_delete_property, 2},
    {"get", reflect_get, 2},
    {"getOwnPropertyDescriptor", reflect_get_own_property_descriptor, 2},
    {"getPrototypeOf", reflect_get_prototype_of, 1},
    {"has", reflect_has, 2},
    {"isExtensible", reflect_is_extensible, 1},
    {"ownKeys", reflect_own_keys, 1},
    {"preventExtensions", reflect_prevent_extensions, 1},
    {"set", reflect_set, 3},
    {"setPrototypeOf", reflect_set_prototype_of, 2},
};

void js_init_reflect(JSVM *vm) {
  // Reflect is a plain object, not a function (§28.1).
  JSValue reflect = js_new_object(vm);
  for (size_t i = 0; i < sizeof reflect_methods / sizeof *reflect_methods; i++)
    js_def_method(vm, reflect, reflect_methods[i].name, reflect_methods[i].fn,
                  reflect_methods[i].length);
  js_define_value(vm, reflect, vm->symbol[JS_SYMBOL_toStringTag],
                  js_atom(vm, "Reflect"), JS_ATTR_CONFIGURABLE);
  js_def_value(vm, vm->realm->global, "Reflect", reflect, JS_ATTR_METHOD);
}
