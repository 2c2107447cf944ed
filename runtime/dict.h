/*
 * runtime/dict.h — JSDict: the open-addressing hash table behind
 * dictionary-mode objects, sparse elements, Symbol.for's registry and
 * script-level lexical bindings.
 *
 * Invariants: keys are property keys (interned strings, symbols, numeric
 * indices) compared by bits, or any value the owner hashes the same way;
 * a deleted entry keeps JS_HOLE as its key (a tombstone) and an empty one
 * JS_UNDEFINED... no: an empty entry has key bits 0 (a +0.0 double never
 * is a key: index 0 is the int32 0). Enumeration follows `order`.
 * Tables grow by replacement: every mutator returns the (maybe new) dict
 * and the owner stores it back through ORI_STORE_PTR.
 */
#ifndef JSVM_RUNTIME_DICT_H
#define JSVM_RUNTIME_DICT_H

#include "runtime/runtime.h"

JSDict *js_dict_new(JSVM *vm, uint32_t capacity);
/* js_dict_find: the entry for key, or NULL. */
JSDictEntry *js_dict_find(JSDict *d, JSValue key);
/* js_dict_put: set key's value and attrs (adding it when absent). */
JSDict *js_dict_put(JSVM *vm, JSDict *d, JSValue key, JSValue v, uint32_t attrs);
/* js_dict_remove: delete key if present. */
void js_dict_remove(JSDict *d, JSValue key);
/* js_dict_sorted: the live entries in insertion order (malloc'd array of
 * indices into d->e; *n set). */
uint32_t *js_dict_sorted(JSDict *d, uint32_t *n);
uint32_t js_key_hash(JSValue key);

static inline bool js_dict_live(const JSDictEntry *e) {
  return e->key.bits != 0 && !js_is_hole(e->key);
}

#endif
