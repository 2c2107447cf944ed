/*
 * runtime/disposable.h — explicit resource management (ES2026 §27.3-4,
 * §20.5.8): the DisposeCapability machinery shared by DisposableStack,
 * AsyncDisposableStack (runtime/builtins_disposable.c) and the
 * SuppressedError objects disposal creates
 * (runtime/builtins_suppressed_error.c).
 *
 * Invariants:
 *  - A DisposeCapability's [[DisposableResourceStack]] is a JSArrayStore
 *    of JS_DISPOSE_RECORD values per resource (its `used` counts values,
 *    so used / JS_DISPOSE_RECORD resources), oldest first; NULL stands
 *    for the empty list. Each record is: the resource value, the dispose
 *    method (undefined only for a null/undefined resource of an
 *    async-dispose `use`), and an int32 of JS_DISPOSE_* flags.
 *  - The lists are only appended to, then disposed once; disposal reads
 *    them in reverse and never writes them.
 *
 * Error convention as runtime.h: JS_EXCEPTION / false mean an exception
 * is pending in vm->exception.
 */
#ifndef JSVM_RUNTIME_DISPOSABLE_H
#define JSVM_RUNTIME_DISPOSABLE_H

#include "runtime/runtime.h"

/* Values per resource record in a resource list. */
#define JS_DISPOSE_RECORD 3

/* Record flags. */
enum {
  /* [[Hint]] is async-dispose (else sync-dispose) */
  JS_DISPOSE_ASYNC = 1,
  /* adopt(): call method(undefined, value) (the spec's closure F) rather
   * than method.call(value) */
  JS_DISPOSE_ADOPT = 2,
  /* async hint, method found under @@dispose: the spec's wrapper closure
   * (GetDisposeMethod step 1.b): the call's completion becomes a promise
   * resolved with undefined or rejected with the error */
  JS_DISPOSE_WRAP_SYNC = 4,
};

/* js_new_suppressed_error: a newly created SuppressedError of the
 * current realm with own `error` and `suppressed` (DisposeResources step
 * 3.e.iii.1); no message. Never throws. */
JSValue js_new_suppressed_error(JSVM *vm, JSValue error, JSValue suppressed);

/* js_add_disposable_resource: AddDisposableResource(list, value, hint)
 * (§27.3.2.3, no method given): a nullish value is skipped for the sync
 * hint and recorded without method for the async one; anything else must
 * be an object with a callable @@asyncDispose / @@dispose (TypeError
 * otherwise). *list is updated when the store grows (it may move);
 * false with the exception pending. */
bool js_add_disposable_resource(JSVM *vm, JSArrayStore **list, JSValue value,
                                bool async);

/* js_dispose_resources: DisposeResources(list, completion) for a list
 * of sync-dispose records: every method runs, newest first; errors chain
 * into SuppressedErrors. With throwing, the completion is the pending
 * exception. True for a normal completion, false with the final error
 * pending. */
bool js_dispose_resources(JSVM *vm, JSArrayStore *list, bool throwing);

/* js_dispose_resources_async: the same run as an async closure (Awaits
 * between async disposals, per §27.3.2.4): a %Promise% fulfilled with
 * undefined or rejected with the final error. With throwing, the
 * completion is the pending exception (taken). Never throws. */
JSValue js_dispose_resources_async(JSVM *vm, JSArrayStore *list, bool throwing);

#endif
