/*
 * runtime/vm.c — creating the VM and its realm, exceptions, and the
 * helpers that make builtin function objects. The realm is built in the
 * order the intrinsics depend on each other: the two root prototypes,
 * then the maps of functions, then each builtin family (runtime.h's
 * JS_BUILTIN_FAMILIES), which installs its constructors and prototypes.
 */
#include <stdlib.h>
#include <string.h>

#include "ignition/ignition.h"
#include "runtime/dict.h"
#include "runtime/map.h"
#include "runtime/runtime.h"

/* {==== Exceptions ====} */

JSValue js_throw(JSVM *vm, JSValue v) {
  vm->exception = v;
  vm->has_exception = true;
  return JS_EXCEPTION;
}

JSValue js_take_exception(JSVM *vm) {
  JSValue v = vm->exception;
  vm->exception = JS_UNDEFINED;
  vm->has_exception = false;
  return v;
}

static const char *const error_names[] = {
    "Error", "EvalError", "RangeError", "ReferenceError",
    "SyntaxError", "TypeError", "URIError", "AggregateError"};

// The stack property: "Name: message" then the frames, as V8 writes it.
static void attach_stack(JSVM *vm, JSValue err, JSValue message, int kind) {
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  js_sb_ascii(&sb, error_names[kind]);
  if (js_is_string(message) && js_string_length(message)) {
    js_sb_ascii(&sb, ": ");
    js_sb_string(&sb, message);
  }
  js_sb_string(&sb, ign_stack_string(vm));
  JSValue stack = js_sb_finish(&sb);
  if (!js_is_exception(stack))
    js_define_value(vm, err, vm->atom[JS_ATOM_stack], stack, JS_ATTR_METHOD);
}

JSValue js_new_error(JSVM *vm, int kind, JSValue message) {
  JSObject *o = js_new_object_of(vm, vm->realm->error_map[kind]);
  JSValue err = js_val(o);
  if (js_is_string(message))
    js_define_value(vm, err, vm->atom[JS_ATOM_message], message, JS_ATTR_METHOD);
  attach_stack(vm, err, message, kind);
  return err;
}

JSValue js_throw_error(JSVM *vm, int kind, const char *fmt, va_list ap) {
  char buf[512];
  vsnprintf(buf, sizeof buf, fmt, ap);
  JSValue msg = js_string_from_utf8(vm, buf, strlen(buf));
  return js_throw(vm, js_new_error(vm, kind, msg));
}

#define DEFINE_THROWER(fn, kind)                          \
  JSValue fn(JSVM *vm, const char *fmt, ...) {            \
    va_list ap;                                           \
    va_start(ap, fmt);                                    \
    JSValue r = js_throw_error(vm, kind, fmt, ap);        \
    va_end(ap);                                           \
    return r;                                             \
  }
DEFINE_THROWER(js_throw_type_error, JS_ERR_TypeError)
DEFINE_THROWER(js_throw_range_error, JS_ERR_RangeError)
DEFINE_THROWER(js_throw_reference_error, JS_ERR_ReferenceError)
DEFINE_THROWER(js_throw_syntax_error, JS_ERR_SyntaxError)

JSValue js_throw_incompatible_receiver(JSVM *vm, const char *cls, const char *method,
                                       JSValue self) {
  // V8 spells the receiver with its ToString only for primitives.
  const char *what = "#<Object>";
  char *text = NULL;
  if (!js_is_object(self) && !js_is_symbol(self)) {
    JSValue s = js_to_string(vm, self);
    if (js_is_exception(s)) return s;
    what = text = js_string_utf8(vm, s, NULL);
  }
  js_throw_type_error(vm, "Method %s.prototype.%s called on incompatible receiver %s", cls,
                      method, what);
  free(text);
  return JS_EXCEPTION;
}

bool js_check_stack(JSVM *vm) {
  char here;
  if (&here > vm->c_stack_limit) return true;
  js_throw_range_error(vm, "Maximum call stack size exceeded");
  return false;
}

/* {==== Function objects ====} */

JSShared *js_new_shared(JSVM *vm, JSValue name, uint32_t flags, int length) {
  JSShared *s = ori_alloc(sizeof *s);
  s->map = vm->shared_map;
  s->name = name;  // fresh cell: raw stores
  s->source = JS_UNDEFINED;
  s->script_name = JS_UNDEFINED;
  s->flags = flags;
  s->length = (uint16_t)length;
  // [[Realm]] of its functions: built-ins are made by their realm's
  // installers (or by natives, which run in their own realm) and function
  // code is compiled while its realm is current (OrdinaryFunctionCreate,
  // CreateBuiltinFunction).
  s->realm = vm->realm;
  return s;
}

JSFunction *js_new_function_object(JSVM *vm, JSMap *map, JSShared *shared) {
  JSFunction *f = (JSFunction *)js_new_object_of(vm, map);
  f->shared = shared;
  f->home_object = f->this_value = f->new_target = f->fields = JS_UNDEFINED;
  JSValue *slots = js_inline_slots(&f->base);
  // The maps of functions list length, name [, prototype] in slots 0..2;
  // the prototype object is made on first access (see object.c).
  slots[0] = js_from_int32(shared->length);
  slots[1] = shared->name;
  if (map->nprops > 2) slots[2] = JS_HOLE;
  return f;
}

JSValue js_function_prototype_object(JSVM *vm, JSFunction *fn) {
  // Made on first access, possibly from another realm: the function's
  // own realm provides the intrinsics, as when it was created.
  JSRealm *r = fn->shared->realm;
  if (fn->shared->flags & JS_FN_GENERATOR) {
    int id = (fn->shared->flags & JS_FN_ASYNC) ? JS_INTRINSIC_AsyncGeneratorPrototype
                                               : JS_INTRINSIC_GeneratorPrototype;
    return js_new_object_proto(vm, r->intrinsic[id]);
  }
  JSValue p = r == vm->realm ? js_new_object(vm)
                             : js_new_object_proto(vm, r->intrinsic[JS_INTRINSIC_ObjectPrototype]);
  js_define_value(vm, p, vm->atom[JS_ATOM_constructor], js_val(fn), JS_ATTR_METHOD);
  return p;
}

int js_native_magic(JSVM *vm) {
  return js_fn(vm->callee)->shared->magic;
}

JSValue js_new_native(JSVM *vm, const char *name, JSNative fn, int length,
                      int magic) {
  JSShared *s = js_new_shared(vm, js_atom(vm, name), JS_FN_NATIVE | JS_FN_STRICT, length);
  s->native = fn;
  s->magic = magic;
  return js_val(js_new_function_object(vm, vm->realm->method_map, s));
}

JSValue js_new_native_ctor(JSVM *vm, const char *name, JSNative fn, int length,
                           JSValue proto) {
  JSShared *s = js_new_shared(vm, js_atom(vm, name),
                              JS_FN_NATIVE | JS_FN_STRICT | JS_FN_CONSTRUCTOR, length);
  s->native = fn;
  JSFunction *f = js_new_function_object(vm, vm->realm->class_map, s);
  js_inline_slots(&f->base)[2] = proto;  // fresh object: raw store
  JSValue ctor = js_val(f);
  if (js_is_object(proto))
    js_define_value(vm, proto, vm->atom[JS_ATOM_constructor], ctor, JS_ATTR_METHOD);
  return ctor;
}

JSValue js_def_method_magic(JSVM *vm, JSValue obj, const char *name,
                            JSNative fn, int length, int magic) {
  JSValue f = js_new_native(vm, name, fn, length, magic);
  js_define_value(vm, obj, js_to_property_key(vm, js_atom(vm, name)), f, JS_ATTR_METHOD);
  return f;
}

JSValue js_def_method(JSVM *vm, JSValue obj, const char *name, JSNative fn,
                      int length) {
  return js_def_method_magic(vm, obj, name, fn, length, 0);
}

JSValue js_def_method_key(JSVM *vm, JSValue obj, JSValue key,
                          const char *name, JSNative fn, int length) {
  JSValue f = js_new_native(vm, name, fn, length, 0);
  js_define_value(vm, obj, key, f, JS_ATTR_METHOD);
  return f;
}

void js_def_getter_key(JSVM *vm, JSValue obj, JSValue key, const char *name,
                       JSNative get, JSNative set) {
  char buf[128];
  JSPropDesc d = {0};
  d.has_get = d.has_set = d.has_enumerable = d.has_configurable = true;
  d.attrs = JS_ATTR_CONFIGURABLE;
  snprintf(buf, sizeof buf, "get %s", name);
  d.get = get ? js_new_native(vm, buf, get, 0, 0) : JS_UNDEFINED;
  snprintf(buf, sizeof buf, "set %s", name);
  d.set = set ? js_new_native(vm, buf, set, 1, 0) : JS_UNDEFINED;
  js_define_own_property(vm, obj, key, &d, false);
}

void js_def_getter(JSVM *vm, JSValue obj, const char *name, JSNative get,
                   JSNative set) {
  js_def_getter_key(vm, obj, js_to_property_key(vm, js_atom(vm, name)), name, get, set);
}

void js_def_value(JSVM *vm, JSValue obj, const char *name, JSValue v, int attrs) {
  js_define_value(vm, obj, js_to_property_key(vm, js_atom(vm, name)), v, attrs);
}

void js_set_function_name(JSVM *vm, JSValue fn, JSValue key, const char *prefix) {
  JSValue name;
  if (js_is_symbol(key)) {
    JSValue d = ((JSSymbol *)js_heap(key))->description;
    if (js_is_undefined(d)) {
      name = vm->atom[JS_ATOM_empty];
    } else {
      JSStrBuf sb;
      js_sb_init(&sb, vm);
      js_sb_char(&sb, '[');
      js_sb_string(&sb, d);
      js_sb_char(&sb, ']');
      name = js_sb_finish(&sb);
    }
  } else {
    name = js_key_to_string(vm, key);
  }
  if (prefix) {
    JSStrBuf sb;
    js_sb_init(&sb, vm);
    js_sb_ascii(&sb, prefix);
    js_sb_char(&sb, ' ');
    js_sb_string(&sb, name);
    name = js_sb_finish(&sb);
  }
  js_define_value(vm, fn, vm->atom[JS_ATOM_name], name, JS_ATTR_CONFIGURABLE);
}
