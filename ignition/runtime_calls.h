/*
 * ignition/runtime_calls.h — ids of the CallRuntime functions (from
 * runtime_calls.def) and their table.
 */
#ifndef JSVM_IGNITION_RUNTIME_CALLS_H
#define JSVM_IGNITION_RUNTIME_CALLS_H

#include "runtime/runtime.h"

typedef enum IgnRuntimeId {
#define IGN_RUNTIME(name, nargs) IGN_RT_##name,
#include "ignition/runtime_calls.def"
  IGN_RT_COUNT
} IgnRuntimeId;

struct IgnFrame;
typedef JSValue (*IgnRuntimeFn)(JSVM *vm, JSValue *args, uint32_t n,
                                struct IgnFrame *frame);
extern const IgnRuntimeFn ign_runtime_fn[IGN_RT_COUNT];
extern const char *const ign_runtime_name[IGN_RT_COUNT];

#endif
