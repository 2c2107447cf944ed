/*
 * runtime/iterator.h — the iteration protocol (ECMA-262 §7.4) as C
 * helpers, and JSIteratorObject: the one layout every built-in iterator
 * object shares (array, string, map, set, regexp-string, for-in, ...).
 *
 * Invariants:
 *  - Every built-in iterator object is a JSIteratorObject of type
 *    JS_TYPE_Iterator; its `brand` says which %XIteratorPrototype% it
 *    belongs to, and only that prototype's methods accept it (a string
 *    iterator's object handed to the array iterator's next is a
 *    TypeError, as the spec's internal-slot checks require).
 *  - An exhausted iterator has `target` undefined: it stays done even if
 *    the iterated object grows later (§23.1.5.1 step 5).
 *  - `target` and `state` are the only JSValue fields; both are written
 *    through ORI_STORE. Owners interpret `index`, `kind`, `flags` and
 *    `state` as they like (documented with each brand below).
 *  - A JSIterRecord is the spec's Iterator Record; it lives in C locals
 *    (the conservative stack scan keeps its values alive).
 *
 * Error convention as runtime.h: JS_EXCEPTION / -1 / false mean an
 * exception is pending in vm->exception.
 */
#ifndef JSVM_RUNTIME_ITERATOR_H
#define JSVM_RUNTIME_ITERATOR_H

#include "runtime/runtime.h"

/* Which prototype an iterator object belongs to. realm->iterator_map has
 * one map per brand, made on first use by js_new_iterator. */
typedef enum JSIterBrand {
  JS_ITER_ARRAY,         /* target: the array-like; index: next index */
  JS_ITER_STRING,        /* target: the string; index: next code unit */
  JS_ITER_MAP,           /* target: the Map; index: next entry */
  JS_ITER_SET,           /* target: the Set; index: next entry */
  JS_ITER_REGEXP_STRING, /* target: the RegExp; state: the string */
  JS_ITER_FOR_IN,        /* target: the object; state: the key list */
  JS_ITER_WRAP,          /* Iterator.from's wrapper: target the record */
  JS_ITER_HELPER,        /* Iterator.prototype helpers' state */
  JS_ITER_BRAND_COUNT
} JSIterBrand;

/* What an array/map/set iterator yields (the spec's "kind"). */
typedef enum JSIterKind {
  JS_ITER_KIND_KEYS,
  JS_ITER_KIND_VALUES,
  JS_ITER_KIND_ENTRIES,
} JSIterKind;

typedef struct JSIteratorObject {
  JSObject base;
  JSValue target;        /* the iterated thing; undefined once done */
  JSValue state;         /* brand-specific extra value (or undefined) */
  uint64_t index;        /* next position (array-likes reach 2^53-1) */
  uint8_t brand;         /* JSIterBrand */
  uint8_t kind;          /* JSIterKind */
  uint16_t flags;        /* brand-specific */
  uint32_t unused;
} JSIteratorObject;

/* The spec's Iterator Record. */
typedef struct JSIterRecord {
  JSValue iterator;      /* the iterator object */
  JSValue next;          /* its next method (may be any value) */
  bool done;
} JSIterRecord;

/* js_new_iterator: a fresh iterator object of brand (its prototype is
 * the brand's %XIteratorPrototype%) over target, index 0, state
 * undefined. */
JSValue js_new_iterator(JSVM *vm, JSIterBrand brand, JSValue target,
                        JSIterKind kind);

/* js_iterator_this: self as an iterator of brand, or NULL after throwing
 * "Method <method> called on incompatible receiver <self>". */
JSIteratorObject *js_iterator_this(JSVM *vm, JSValue self, JSIterBrand brand,
                                   const char *method);

/* js_create_iter_result: CreateIterResultObject(value, done), a plain
 * object { value, done } with Object.prototype. */
JSValue js_create_iter_result(JSVM *vm, JSValue value, bool done);

/* js_get_iterator: GetIterator(obj, sync): false (TypeError "x is not
 * iterable" or the method's error) on failure. */
bool js_get_iterator(JSVM *vm, JSValue obj, JSIterRecord *rec);
/* js_get_iterator_from_method: GetIteratorFromMethod(obj, method). */
bool js_get_iterator_from_method(JSVM *vm, JSValue obj, JSValue method,
                                 JSIterRecord *rec);

/* js_get_iterator_direct: GetIteratorDirect(obj) (obj an object): reads
 * obj.next once; false when that Get throws. */
bool js_get_iterator_direct(JSVM *vm, JSValue obj, JSIterRecord *rec);

/* js_iterator_next: IteratorNext(rec [, value]) (pass argc 0 or 1): the
 * result object, or JS_EXCEPTION (rec->done is set on any failure,
 * including a non-object result). */
JSValue js_iterator_next(JSVM *vm, JSIterRecord *rec, int argc, JSValue *argv);

/* js_iterator_step_value: IteratorStepValue(rec): 1 with *value set, 0
 * when the iterator is done, -1 on exception. rec->done is set whenever
 * the result is not 1, so that callers know not to close it. */
int js_iterator_step_value(JSVM *vm, JSIterRecord *rec, JSValue *value);

/* js_iterator_step: IteratorStep(rec) without reading the value: 1 when
 * the result is not done, 0 when done, -1 on exception (rec->done set
 * whenever the result is not 1, as for js_iterator_step_value). */
int js_iterator_step(JSVM *vm, JSIterRecord *rec);

/* js_iterator_close: IteratorClose(rec, completion). With throwing, the
 * completion is the pending exception: return() is still called, any
 * error it raises is dropped, the original exception stays pending and
 * the result is false. Otherwise true, or false with return()'s error (or
 * a TypeError for a non-object result) pending. */
bool js_iterator_close(JSVM *vm, const JSIterRecord *rec, bool throwing);

/* js_iterator_to_list: IteratorToList(rec): the remaining values in a
 * JSArrayStore (`used` entries), or NULL on exception. */
JSArrayStore *js_iterator_to_list(JSVM *vm, JSIterRecord *rec);

#endif
