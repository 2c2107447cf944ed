/*
 * runtime/builtins_error.c — Error, the NativeError constructors
 * (EvalError, RangeError, ReferenceError, SyntaxError, TypeError,
 * URIError), AggregateError and their prototypes (ECMA-262 §20.5), plus
 * Error.isError, and V8's Error.captureStackTrace and Error.stackTraceLimit.
 *
 * Invariants:
 *  - Every error instance is made by js_new_error (vm.c), so it has the
 *    JS_TYPE_Error layout ([[ErrorData]]) and an own `stack`; a subclass
 *    (new.target with another prototype) only swaps the prototype.
 *  - One native serves Error and the NativeErrors: its magic is the JS_ERR_*
 *    kind, which also indexes the realm's prototypes (ErrorPrototype +
 *    kind, the order of intrinsics.def and of realm->error_map).
 *  - Observable steps run in the spec's order: the prototype lookup on
 *    new.target, then ToString(message), then the cause option, then (for
 *    AggregateError) the errors iterable.
 */
#include "ignition/ignition.h"
#include "runtime/iterator.h"
#include "runtime/runtime.h"

static const char *const error_names[] = {
    "Error", "EvalError", "RangeError", "ReferenceError",
    "SyntaxError", "TypeError", "URIError", "AggregateError"};

/* {==== Creating instances ====} */

// InstallErrorCause (§20.5.8.1): an own, non-enumerable `cause` when the
// options object has one (own or inherited, even if undefined).
static bool install_cause(JSVM *vm, JSValue err, JSValue options) {
  if (!js_is_object(options)) return true;
  int has = js_has_property(vm, options, vm->atom[JS_ATOM_cause]);
  if (has <= 0) return has == 0;
  JSValue cause = js_get(vm, options, vm->atom[JS_ATOM_cause]);
  if (js_is_exception(cause)) return false;
  return js_define_value(vm, err, vm->atom[JS_ATOM_cause], cause, JS_ATTR_METHOD) >= 0;
}

// The shared part of the constructors: OrdinaryCreateFromConstructor,
// the message and the cause. A plain call acts as new with the callee.
static JSValue create_error(JSVM *vm, int kind, JSValue nt, JSValue message,
                            JSValue options) {
  JSValue ctor = js_is_undefined(nt) ? js_native_callee(vm) : nt;
  int intrinsic = JS_INTRINSIC_ErrorPrototype + kind;
  JSValue proto = js_get_prototype_from_ctor(vm, ctor, intrinsic);
  if (js_is_exception(proto)) return proto;
  JSValue msg = JS_UNDEFINED;
  if (!js_is_undefined(message)) {
    msg = js_to_string(vm, message);
    if (js_is_exception(msg)) return msg;
  }
  JSValue err = js_new_error(vm, kind, msg);
  if (proto.bits != vm->realm->intrinsic[intrinsic].bits &&
      js_set_prototype_of(vm, err, proto) < 0)
    return JS_EXCEPTION;
  if (!install_cause(vm, err, options)) return JS_EXCEPTION;
  return err;
}

// Error(message, options) and NativeError(message, options) (§20.5.1.1,
// §20.5.6.1.1); the kind is the magic number.
static JSValue error_ctor(JSVM *vm, JSValue self, int argc, JSValue *argv,
                          JSValue nt) {
  return create_error(vm, js_native_magic(vm), nt, js_arg(0), js_arg(1));
}

// IteratorToList(GetIterator(errors)) as a fresh array. Failures come
// from the iterator itself, so nothing is closed.
static JSValue iterable_to_array(JSVM *vm, JSValue iterable) {
  JSIterRecord it;
  if (!js_get_iterator(vm, iterable, &it)) return JS_EXCEPTION;
  JSArrayStore *list = js_iterator_to_list(vm, &it);
  if (!list) return JS_EXCEPTION;
  return js_new_array_from(vm, list->used, list->v);
}

// AggregateError(errors, message, options) (§20.5.7.1.1).
static JSValue aggregate_error_ctor(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                    JSValue nt) {
  JSValue err = create_error(vm, JS_ERR_AggregateError, nt, js_arg(1), js_arg(2));
  if (js_is_exception(err)) return err;
  JSValue list = iterable_to_array(vm, js_arg(0));
  if (js_is_exception(list)) return list;
  if (js_define_value(vm, err, vm->atom[JS_ATOM_errors], list, JS_ATTR_METHOD) < 0)
    return JS_EXCEPTION;
  return err;
}

/* {==== Error.prototype.toString and stack traces ====} */

// Error.prototype.toString (§20.5.3.4) on any object: "name: message",
// either part alone when the other is empty.
static JSValue error_to_string_of(JSVM *vm, JSValue o) {
  JSValue name = js_get(vm, o, vm->atom[JS_ATOM_name]);
  if (js_is_exception(name)) return name;
  name = js_is_undefined(name) ? js_atom(vm, "Error") : js_to_string(vm, name);
  if (js_is_exception(name)) return name;
  JSValue msg = js_get(vm, o, vm->atom[JS_ATOM_message]);
  if (js_is_exception(msg)) return msg;
  msg = js_is_undefined(msg) ? vm->atom[JS_ATOM_empty] : js_to_string(vm, msg);
  if (js_is_exception(msg)) return msg;
  if (js_string_length(name) == 0) return msg;
  if (js_string_length(msg) == 0) return name;
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  js_sb_string(&sb, name);
  js_sb_ascii(&sb, ": ");
  js_sb_string(&sb, msg);
  return js_sb_finish(&sb);
}

static JSValue error_to_string(JSVM *vm, JSValue self, int argc, JSValue *argv,
                               JSValue nt) {
  if (!js_is_object(self))
    return js_throw_type_error(vm, "Error.prototype.toString requires that 'this' be an Object");
  return error_to_string_of(vm, self);
}

// Error.captureStackTrace(obj [, fn]): V8's API; obj gets an own `stack`
// data property (writable, configurable) with its toString header and
// the current JS frames below the innermost call of fn (when fn is a
// function), at most Error.stackTraceLimit of them.
static JSValue error_capture_stack_trace(JSVM *vm, JSValue self, int argc,
                                         JSValue *argv, JSValue nt) {
  JSValue o = js_arg(0), fn = js_arg(1);
  if (!js_is_object(o)) return js_throw_type_error(vm, "Invalid argument");
  JSValue header = error_to_string_of(vm, o);
  if (js_is_exception(header)) return header;
  JSValue frames = ign_stack_string_above(vm, js_is_callable(fn) ? fn : JS_UNDEFINED);
  JSValue stack = js_string_concat(vm, header, frames);
  if (js_is_exception(stack)) return stack;
  if (js_define_value(vm, o, vm->atom[JS_ATOM_stack], stack, JS_ATTR_METHOD) < 0)
    return JS_EXCEPTION;
  return JS_UNDEFINED;
}

// Error.isError(arg): whether arg has [[ErrorData]] (an error instance
// of any kind or subclass; not Error.prototype, not a lookalike).
static JSValue error_is_error(JSVM *vm, JSValue self, int argc, JSValue *argv,
                              JSValue nt) {
  return js_from_bool(js_is_type(js_arg(0), JS_TYPE_Error));
}

/* {==== Installation ====} */

// One constructor and its prototype's name and message. Every
// constructor but Error inherits from %Error% (§20.5.6.2, §20.5.7.2).
static JSValue install_kind(JSVM *vm, int kind, JSNative fn, int length,
                            JSValue error_ctor_value) {
  JSValue proto = vm->realm->intrinsic[JS_INTRINSIC_ErrorPrototype + kind];
  JSValue ctor = js_new_native_ctor(vm, error_names[kind], fn, length, proto);
  js_fn(ctor)->shared->magic = kind;
  if (kind != JS_ERR_Error) js_set_prototype_of(vm, ctor, error_ctor_value);
  js_def_value(vm, proto, "name", js_atom(vm, error_names[kind]), JS_ATTR_METHOD);
  js_def_value(vm, proto, "message", vm->atom[JS_ATOM_empty], JS_ATTR_METHOD);
  js_def_value(vm, vm->realm->global, error_names[kind], ctor, JS_ATTR_METHOD);
  return ctor;
}

void js_init_error(JSVM *vm) {
  JSValue error = install_kind(vm, JS_ERR_Error, error_ctor, 1, JS_UNDEFINED);
  js_intrinsic(vm, Error) = error;  // stack traces read its stackTraceLimit
  js_def_method(vm, js_intrinsic(vm, ErrorPrototype), "toString", error_to_string, 0);
  js_def_method(vm, error, "captureStackTrace", error_capture_stack_trace, 2);
  js_def_method(vm, error, "isError", error_is_error, 1);
  js_def_value(vm, error, "stackTraceLimit", js_from_int32(10), JS_ATTR_DEFAULT);
  for (int kind = JS_ERR_EvalError; kind <= JS_ERR_URIError; kind++)
    install_kind(vm, kind, error_ctor, 1, error);
  install_kind(vm, JS_ERR_AggregateError, aggregate_error_ctor, 2, error);
}
