/*
 * runtime/builtins_global.c — the global object's own properties that
 * belong to no other family: globalThis, NaN, Infinity, undefined, and
 * print (the shell's output function: its arguments' strings joined by a
 * space, then a newline).
 */
#include <stdlib.h>

#include "runtime/runtime.h"

static JSValue global_print(JSVM *vm, JSValue self, int argc, JSValue *argv,
                            JSValue nt) {
  for (int i = 0; i < argc; i++) {
    JSValue s = js_to_string(vm, argv[i]);
    if (js_is_exception(s)) return s;
    size_t len;
    char *text = js_string_utf8(vm, s, &len);
    if (i) fputc(' ', vm->out);
    fwrite(text, 1, len, vm->out);
    free(text);
  }
  fputc('\n', vm->out);
  return JS_UNDEFINED;
}

void js_init_global(JSVM *vm) {
  JSValue g = vm->realm->global;
  js_def_value(vm, g, "globalThis", g, JS_ATTR_METHOD);
  js_def_value(vm, g, "NaN", js_from_double(0.0 / 0.0), 0);
  js_def_value(vm, g, "Infinity", js_from_double(1.0 / 0.0), 0);
  js_def_value(vm, g, "undefined", JS_UNDEFINED, 0);
  js_def_method(vm, g, "print", global_print, 1);
}
