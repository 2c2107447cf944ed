/*
 * runtime/job.c — the job (microtask) queue: a ring of pending calls run
 * in FIFO order. The ring is malloc'd; runtime/heap_roots.c traces its
 * live entries. When the queue drains, WeakRef targets kept during the
 * job are released and FinalizationRegistry cleanups run (host jobs).
 */
#include <stdlib.h>
#include <string.h>

#include "runtime/runtime.h"
#include "runtime/weakref.h"

static void grow(JSVM *vm) {
  uint32_t cap = vm->job_cap ? vm->job_cap * 2 : 64;
  JSJob *jobs = calloc(cap, sizeof *jobs);
  // Unwrap the ring into the new array, oldest first.
  for (uint32_t i = 0; i < vm->job_count; i++) jobs[i] = vm->jobs[(vm->job_head + i) % vm->job_cap];
  free(vm->jobs);
  vm->jobs = jobs;
  vm->job_cap = cap;
  vm->job_head = 0;
}

void js_enqueue_job(JSVM *vm, JSValue fn, int argc, const JSValue *args) {
  if (vm->job_count == vm->job_cap) grow(vm);
  JSJob *j = &vm->jobs[(vm->job_head + vm->job_count++) % vm->job_cap];
  j->fn = fn;
  j->argc = argc > 3 ? 3 : argc;
  for (int i = 0; i < j->argc; i++) j->args[i] = args[i];
}

bool js_run_jobs(JSVM *vm) {
  for (;;) {
    while (vm->job_count) {
      JSJob j = vm->jobs[vm->job_head];
      vm->job_head = (vm->job_head + 1) % vm->job_cap;
      vm->job_count--;
      JSValue r = js_call(vm, j.fn, JS_UNDEFINED, j.argc, j.args);
      if (js_is_exception(r)) return false;
    }
    // The synchronous sequence is over: ClearKeptObjects, then the
    // cleanup callbacks of registries whose targets died (each may queue
    // more jobs).
    js_clear_kept_objects(vm);
    JSValue reg;
    if (!js_gc_take_cleanup(vm, &reg)) return true;
    if (js_is_exception(js_finalization_registry_cleanup(vm, reg))) return false;
  }
}
