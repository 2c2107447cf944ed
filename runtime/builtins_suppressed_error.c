/*
 * runtime/builtins_suppressed_error.c — SuppressedError (ES2026
 * §20.5.8, explicit resource management): the constructor, its
 * prototype, and js_new_suppressed_error for DisposeResources.
 *
 * SuppressedError behaves like a NativeError without the `cause` option:
 * its instances are JS_TYPE_Error objects ([[ErrorData]], so
 * Error.isError holds) with a `stack`, made from the realm's
 * SuppressedErrorMap; %SuppressedError% inherits from %Error% and its
 * prototype from %Error.prototype%. builtins_error.c is left alone: this
 * family installs after it and only reads %Error%.
 *
 * Invariants:
 *  - Own properties are created in the spec's order (stack first, as an
 *    implementation-defined property, then message, error, suppressed),
 *    all writable, configurable and non-enumerable.
 *  - A subclass instance (new.target with another prototype) only has its
 *    prototype swapped, as builtins_error.c does.
 */
#include "ignition/ignition.h"
#include "runtime/disposable.h"
#include "runtime/runtime.h"

// A fresh SuppressedError of the current realm: [[ErrorData]], and a
// `stack` ("SuppressedError: message" and the frames) before anything
// else. message is a string or undefined.
static JSValue alloc_error(JSVM *vm, JSValue message) {
  JSMap *map = js_heap(js_intrinsic(vm, SuppressedErrorMap));
  JSErrorObject *e = (JSErrorObject *)js_new_object_of(vm, map);
  e->stack_trace = JS_UNDEFINED;  // fresh object: raw store
  JSValue err = js_val(e);
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  js_sb_ascii(&sb, "SuppressedError");
  if (js_is_string(message) && js_string_length(message)) {
    js_sb_ascii(&sb, ": ");
    js_sb_string(&sb, message);
  }
  js_sb_string(&sb, ign_stack_string(vm));
  JSValue stack = js_sb_finish(&sb);
  // A message too long for the header still makes the error (V8 drops
  // the stack rather than fail).
  if (js_is_exception(stack)) js_take_exception(vm);
  else js_define_value(vm, err, vm->atom[JS_ATOM_stack], stack, JS_ATTR_METHOD);
  return err;
}

// CreateNonEnumerableDataPropertyOrThrow on an error this file just
// made: it cannot fail (fresh, extensible, no such property yet).
static void define_hidden(JSVM *vm, JSValue err, const char *name, JSValue v) {
  js_define_value(vm, err, js_to_property_key(vm, js_atom(vm, name)), v, JS_ATTR_METHOD);
}

JSValue js_new_suppressed_error(JSVM *vm, JSValue error, JSValue suppressed) {
  JSValue err = alloc_error(vm, JS_UNDEFINED);
  define_hidden(vm, err, "error", error);
  define_hidden(vm, err, "suppressed", suppressed);
  return err;
}

// SuppressedError(error, suppressed, message) (§20.5.8.1.1): a plain
// call acts as new with the callee; the prototype lookup on new.target
// comes first, then ToString(message).
static JSValue suppressed_error_ctor(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                     JSValue nt) {
  JSValue ctor = js_is_undefined(nt) ? js_native_callee(vm) : nt;
  int intrinsic = JS_INTRINSIC_SuppressedErrorPrototype;
  JSValue proto = js_get_prototype_from_ctor(vm, ctor, intrinsic);
  if (js_is_exception(proto)) return proto;
  JSValue msg = js_arg(2);
  if (!js_is_undefined(msg)) {
    msg = js_to_string(vm, msg);
    if (js_is_exception(msg)) return msg;
  }
  JSValue err = alloc_error(vm, msg);
  if (!js_same_bits(proto, js_intrinsic(vm, SuppressedErrorPrototype)) &&
      js_set_prototype_of(vm, err, proto) < 0)
    return JS_EXCEPTION;
  if (js_is_string(msg)) define_hidden(vm, err, "message", msg);
  define_hidden(vm, err, "error", js_arg(0));
  define_hidden(vm, err, "suppressed", js_arg(1));
  return err;
}

void js_init_suppressed_error(JSVM *vm) {
  JSRealm *r = vm->realm;
  // %SuppressedError.prototype% inherits from %Error.prototype%; its
  // instances get a map of their own with the Error layout (two in-object
  // slots, as the realm's NativeError maps have).
  JSValue proto = js_new_object_proto(vm, r->intrinsic[JS_INTRINSIC_ErrorPrototype]);
  r->intrinsic[JS_INTRINSIC_SuppressedErrorPrototype] = proto;
  JSMap *map = js_new_map(vm, JS_TYPE_Error, proto, sizeof(JSErrorObject), 2);
  r->intrinsic[JS_INTRINSIC_SuppressedErrorMap] = js_val(map);
  JSValue ctor = js_new_native_ctor(vm, "SuppressedError", suppressed_error_ctor, 3, proto);
  js_set_prototype_of(vm, ctor, r->intrinsic[JS_INTRINSIC_Error]);
  js_def_value(vm, proto, "name", js_atom(vm, "SuppressedError"), JS_ATTR_METHOD);
  js_def_value(vm, proto, "message", vm->atom[JS_ATOM_empty], JS_ATTR_METHOD);
  js_def_value(vm, r->global, "SuppressedError", ctor, JS_ATTR_METHOD);
}
