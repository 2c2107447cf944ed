/*
 * runtime/builtins_generator.c — the generator family: the prototypes of
 * generators and generator functions. The machinery lives with the
 * interpreter (ignition/generator.c), which moves frames in and out of
 * generator objects.
 */
#include "runtime/runtime.h"

void ign_install_generators(JSVM *vm);

void js_init_generator(JSVM *vm) { ign_install_generators(vm); }
