/*
 * runtime/builtins_eval.c — the eval family: the global eval function.
 * Eval compiles and runs code, so its machinery lives with the
 * interpreter (ignition/eval.c).
 */
#include "runtime/runtime.h"

void ign_install_eval(JSVM *vm);

void js_init_eval(JSVM *vm) { ign_install_eval(vm); }
