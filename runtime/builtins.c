/*
 * runtime/builtins.c — installs the builtin families into a new realm.
 * The list is runtime.h's JS_BUILTIN_FAMILIES; a family's installer may
 * rely on every intrinsic prototype existing (realm.c makes them first)
 * but not on another family having run.
 */
#include "runtime/runtime.h"

void js_init_builtins(JSVM *vm) {
#define JS_CALL_INIT(f) js_init_##f(vm);
  JS_BUILTIN_FAMILIES(JS_CALL_INIT)
#undef JS_CALL_INIT
}
