/*
 * runtime/weakref.h — WeakRef and FinalizationRegistry objects (ECMA-262
 * §26.1, §26.2): their layouts, for runtime/builtins_weakref.c and for
 * the collector, which clears dead targets and schedules cleanup.
 *
 * Invariants:
 *  - A WeakRef is a JSWeakRef of type JS_TYPE_WeakRef; `target` is an
 *    object or a symbol satisfying CanBeHeldWeakly while it lives, and
 *    undefined once the collector cleared it (deref then answers
 *    undefined). Until the collector treats it as weak it is an ordinary
 *    strong field, which is a legal implementation (collection is never
 *    guaranteed).
 *  - A FinalizationRegistry is a JSFinalizationRegistry of type
 *    JS_TYPE_FinalizationRegistry. `cells` is a JSArrayStore whose `used`
 *    is 3 * the live cell count, each cell three values in a row:
 *    JS_CELL_TARGET (weak: an object or symbol, undefined once the
 *    collector found it dead), JS_CELL_HELD (strong: any value) and
 *    JS_CELL_TOKEN (weak: the unregister token, or undefined for none; a
 *    dead token is cleared to undefined). `cleanup` is the callback.
 *  - Cells are only appended (register), removed (unregister, cleanup) and
 *    compacted in order; no other code edits them.
 *  - For the collector: a JSWeakRef's only reference field besides
 *    JSObject's is `target`; a registry's are `cells` and `cleanup`.
 */
#ifndef JSVM_RUNTIME_WEAKREF_H
#define JSVM_RUNTIME_WEAKREF_H

#include "runtime/runtime.h"

typedef struct JSWeakRef {
  JSObject base;
  JSValue target;        /* [[WeakRefTarget]] (weak), or undefined */
} JSWeakRef;

typedef struct JSFinalizationRegistry {
  JSObject base;
  JSValue cells;         /* JSArrayStore of cells (see above) */
  JSValue cleanup;       /* [[CleanupCallback]] */
} JSFinalizationRegistry;

/* The slots of one cell in `cells`. */
enum { JS_CELL_TARGET, JS_CELL_HELD, JS_CELL_TOKEN, JS_CELL_SIZE };

/* js_can_be_held_weakly: CanBeHeldWeakly(v) (§9.13): an object, or a
 * symbol not made by Symbol.for. */
bool js_can_be_held_weakly(JSValue v);

/* js_finalization_registry_cleanup: CleanupFinalizationRegistry (§9.9.4.1)
 * for the collector's cleanup job: every cell whose target was cleared is
 * removed and the callback called with its held value, in cell order.
 * JS_EXCEPTION when a callback throws (the cells not reached yet stay);
 * undefined otherwise. */
JSValue js_finalization_registry_cleanup(JSVM *vm, JSValue registry);

#endif
