/*
 * runtime/builtins_boolean.c — the Boolean constructor and
 * Boolean.prototype (ECMA-262 §20.3).
 *
 * Invariants: a Boolean object is a JSPrimitiveObject whose value is a
 * boolean ([[BooleanData]]); Boolean.prototype is one (realm.c makes it,
 * holding false). Wrappers with the standard prototype share the realm's
 * cached wrapper map (js_to_object); a subclass instance gets its own
 * prototype afterwards.
 */
#include "runtime/runtime.h"

// Boolean(value) (§20.3.1.1): a plain call converts; new wraps, with the
// prototype taken from new.target (OrdinaryCreateFromConstructor).
static JSValue boolean_ctor(JSVM *vm, JSValue self, int argc, JSValue *argv,
                            JSValue nt) {
  JSValue b = js_from_bool(js_to_boolean(js_arg(0)));
  if (js_is_undefined(nt)) return b;
  JSValue proto = js_get_prototype_from_ctor(vm, nt, JS_INTRINSIC_BooleanPrototype);
  if (js_is_exception(proto)) return proto;
  JSValue o = js_to_object(vm, b);
  if (js_is_exception(o)) return o;
  if (proto.bits != js_intrinsic(vm, BooleanPrototype).bits &&
      js_set_prototype_of(vm, o, proto) < 0)
    return JS_EXCEPTION;
  return o;
}

// thisBooleanValue (§20.3.3.3.1): a boolean or a wrapper's [[BooleanData]].
static bool this_boolean(JSVM *vm, JSValue v, JSValue *out, const char *method) {
  if (js_is_type(v, JS_TYPE_Primitive)) v = ((JSPrimitiveObject *)js_heap(v))->value;
  if (js_is_bool(v)) {
    *out = v;
    return true;
  }
  js_throw_type_error(vm, "%s requires that 'this' be a Boolean", method);
  return false;
}

static JSValue boolean_to_string(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                 JSValue nt) {
  JSValue b;
  if (!this_boolean(vm, self, &b, "Boolean.prototype.toString")) return JS_EXCEPTION;
  return vm->atom[js_bool(b) ? JS_ATOM_true : JS_ATOM_false];
}

static JSValue boolean_value_of(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                JSValue nt) {
  JSValue b;
  if (!this_boolean(vm, self, &b, "Boolean.prototype.valueOf")) return JS_EXCEPTION;
  return b;
}

void js_init_boolean(JSVM *vm) {
  JSValue proto = js_intrinsic(vm, BooleanPrototype);
  JSValue ctor = js_new_native_ctor(vm, "Boolean", boolean_ctor, 1, proto);
  js_def_method(vm, proto, "toString", boolean_to_string, 0);
  js_def_method(vm, proto, "valueOf", boolean_value_of, 0);
  js_def_value(vm, vm->realm->global, "Boolean", ctor, JS_ATTR_METHOD);
}
