/*
 * runtime/elements.h — indexed properties: the dense store (holes are
 * JS_HOLE, every element writable/enumerable/configurable), the sparse
 * fallback (a JSDict keyed by numeric index keys, with attributes), and
 * Array's length rules.
 *
 * Invariants: an object's elements are NULL, a JSArrayStore or a JSDict;
 * an Array's length is above every index present; a dense store of an
 * Array has length <= capacity (store->length) and nothing at or past
 * the array's length. Elements with attributes other than the default,
 * or accessors, force the sparse form.
 */
#ifndef JSVM_RUNTIME_ELEMENTS_H
#define JSVM_RUNTIME_ELEMENTS_H

#include "runtime/runtime.h"

static inline bool js_elements_dense(const JSObject *o) {
  return o->elements && o->elements->map->type == JS_TYPE_Array;
}
/* js_elem_get_own: 1 and *d when o has own element i, else 0. */
int js_elem_get_own(JSVM *vm, JSObject *o, uint32_t i, JSPropDesc *d);
/* js_elem_put: store plain data element i (o extensible, or i exists);
 * false (RangeError thrown) when the store cannot grow: the heap has no
 * room for it. */
bool js_elem_put(JSVM *vm, JSObject *o, uint32_t i, JSValue v);
/* js_elem_define: define element i with full attributes (sparse if not
 * the default ones); false as js_elem_put. */
bool js_elem_define(JSVM *vm, JSObject *o, uint32_t i, JSValue v, uint32_t attrs);
/* js_elem_delete: false when the element is non-configurable. */
bool js_elem_delete(JSVM *vm, JSObject *o, uint32_t i);
/* js_elem_keys: append o's element indices in ascending order. */
JSArrayStore *js_elem_keys(JSVM *vm, JSObject *o, JSArrayStore *out, bool enumerable_only);
/* js_array_set_length: ArraySetLength's truncation part: 1, or 0 when a
 * non-configurable element stopped it (length then sits above it). */
int js_array_set_length(JSVM *vm, JSArrayObject *a, uint32_t len);
/* js_elem_ensure: make the dense store hold at least n slots; false
 * (RangeError thrown) when the heap has no room for it. */
bool js_elem_ensure(JSVM *vm, JSObject *o, uint32_t n);

#endif
