/*
 * runtime/call.c — [[Call]] and [[Construct]] from C: natives are called
 * directly (with a C stack check, since they may recurse), bytecode
 * functions go to the interpreter (ign_call), bound functions unwrap.
 * A call runs in the callee's [[Realm]] (vm->realm) and gives the
 * caller's back when it returns or throws; bound functions and proxies
 * have no realm of their own and do not switch.
 */
#include <stdlib.h>
#include <string.h>

#include "ignition/ignition.h"
#include "runtime/proxy.h"
#include "runtime/runtime.h"

// A short description of a value for "x is not a function" messages.
static void describe(JSVM *vm, JSValue v, char *buf, size_t n) {
  if (js_is_string(v)) {
    char *s = js_string_utf8(vm, v, NULL);
    snprintf(buf, n, "\"%s\"", s);
    free(s);
  } else if (js_is_object(v)) {
    snprintf(buf, n, "%s", js_is_array(v) ? "object array" : "object");
  } else if (js_is_symbol(v)) {
    snprintf(buf, n, "Symbol()");
  } else {
    JSValue s = js_to_string(vm, v);
    if (js_is_exception(s)) {
      js_take_exception(vm);
      snprintf(buf, n, "value");
      return;
    }
    char *t = js_string_utf8(vm, s, NULL);
    snprintf(buf, n, "%s", t);
    free(t);
  }
}

JSValue js_throw_not_callable(JSVM *vm, JSValue v) {
  char buf[128];
  describe(vm, v, buf, sizeof buf);
  return js_throw_type_error(vm, "%s is not a function", buf);
}

static JSValue call_native(JSVM *vm, JSFunction *f, JSValue self, int argc,
                           JSValue *argv, JSValue new_target) {
  if (!js_check_stack(vm)) return JS_EXCEPTION;
  JSValue saved = vm->callee;
  vm->callee = js_val(f);
  // A built-in runs in its own realm (its execution context's Realm is
  // F.[[Realm]]): what it creates and throws comes from there. The
  // caller's realm is back on return and on a throw alike.
  JSRealm *caller_realm = vm->realm;
  vm->realm = f->shared->realm;
  JSValue r = f->shared->native(vm, self, argc, argv, new_target);
  vm->realm = caller_realm;
  vm->callee = saved;
  return r;
}

// Bound function: [[BoundArguments]] followed by the call's arguments.
static JSValue *bound_args(JSBoundFunction *b, int argc, JSValue *argv, int *n) {
  uint32_t k = b->args ? b->args->used : 0;
  JSValue *all = malloc((k + (uint32_t)argc + 1) * sizeof *all);
  if (k) memcpy(all, b->args->v, k * sizeof *all);
  if (argc) memcpy(all + k, argv, (size_t)argc * sizeof *all);
  *n = (int)k + argc;
  return all;
}

JSValue js_call(JSVM *vm, JSValue fn, JSValue self, int argc, JSValue *argv) {
  if (!js_is_heap(fn)) return js_throw_not_callable(vm, fn);
  JSType t = js_cell_type(js_heap(fn));
  if (t == JS_TYPE_Function) {
    JSFunction *f = js_fn(fn);
    if ((f->shared->flags & (JS_FN_NATIVE | JS_FN_CLASS)) == JS_FN_NATIVE)
      return call_native(vm, f, self, argc, argv, JS_UNDEFINED);
    if (f->shared->flags & JS_FN_CLASS) {
      // The TypeError is made in the callee's context: its realm's.
      char *name = js_string_utf8(vm, f->shared->name, NULL);
      JSRealm *caller_realm = vm->realm;
      vm->realm = f->shared->realm;
      js_throw_type_error(vm, "Class constructor %s cannot be invoked without 'new'", name);
      vm->realm = caller_realm;
      free(name);
      return JS_EXCEPTION;
    }
    return ign_call(vm, fn, self, argc, argv, JS_UNDEFINED);
  }
  if (t == JS_TYPE_BoundFunction) {
    JSBoundFunction *b = js_heap(fn);
    int n;
    JSValue *all = bound_args(b, argc, argv, &n);
    // The arguments live in malloc'd memory for the call: a root range.
    uint32_t count = (uint32_t)n;
    ori_push_roots(&all, &count);
    JSValue r = js_check_stack(vm) ? js_call(vm, b->target, b->this_value, n, all) : JS_EXCEPTION;
    ori_pop_roots();
    free(all);
    return r;
  }
  // A callable proxy runs its apply trap (a non-callable one has no [[Call]]).
  if (t == JS_TYPE_Proxy && js_is_callable(fn)) return js_proxy_call(vm, fn, self, argc, argv);
  return js_throw_not_callable(vm, fn);
}

JSValue js_construct(JSVM *vm, JSValue fn, int argc, JSValue *argv, JSValue new_target) {
  if (!js_is_constructor(fn)) {
    char buf[128];
    describe(vm, fn, buf, sizeof buf);
    return js_throw_type_error(vm, "%s is not a constructor", buf);
  }
  JSType t = js_cell_type(js_heap(fn));
  if (t == JS_TYPE_Function) {
    JSFunction *f = js_fn(fn);
    if (f->shared->flags & JS_FN_NATIVE) return call_native(vm, f, JS_UNDEFINED, argc, argv, new_target);
    return ign_call(vm, fn, JS_UNDEFINED, argc, argv, new_target);
  }
  if (t == JS_TYPE_BoundFunction) {
    JSBoundFunction *b = js_heap(fn);
    if (new_target.bits == fn.bits) new_target = b->target;
    int n;
    JSValue *all = bound_args(b, argc, argv, &n);
    // The arguments live in malloc'd memory for the call: a root range.
    uint32_t count = (uint32_t)n;
    ori_push_roots(&all, &count);
    JSValue r = js_check_stack(vm) ? js_construct(vm, b->target, n, all, new_target) : JS_EXCEPTION;
    ori_pop_roots();
    free(all);
    return r;
  }
  if (t == JS_TYPE_Proxy) return js_proxy_construct(vm, fn, argc, argv, new_target);
  return js_throw_type_error(vm, "not a constructor");
}

JSValue js_invoke(JSVM *vm, JSValue obj, JSValue key, int argc, JSValue *argv) {
  JSValue f = js_get(vm, obj, key);
  if (js_is_exception(f)) return f;
  return js_call(vm, f, obj, argc, argv);
}
