/*
 * runtime/builtins_array.h — what the files of the `array` builtin family
 * share (builtins_array.c: helpers, the constructor and its statics;
 * builtins_array_proto.c: the prototype's accessors and mutators;
 * builtins_array_iter.c: the callback methods, sorting and the array
 * iterator). Not an API: nothing outside those files includes it.
 *
 * Invariants:
 *  - Indices are doubles: the generic methods work on any array-like, whose
 *    length can reach 2^53-1 (JS_MAX_SAFE_INTEGER). js_arr_key turns one
 *    into a property key (a number below 2^32-1, a string above).
 *  - The js_arr_* accessors are the spec's Get/Set/HasProperty/
 *    DeletePropertyOrThrow/CreateDataPropertyOrThrow on an index. Their
 *    fast paths (an own element of a dense store) only skip work whose
 *    result is already known; they never change what user code sees.
 *  - js_arr_next_present / js_arr_prev_present may skip indices only when
 *    HasProperty is provably false for them without running user code.
 *  - int results: 1 (or 0 where documented) on success, -1 on exception.
 */
#ifndef JSVM_RUNTIME_BUILTINS_ARRAY_H
#define JSVM_RUNTIME_BUILTINS_ARRAY_H

#include "runtime/runtime.h"

#define JS_MAX_SAFE_INTEGER 9007199254740991.0
/* The largest array index plus one: array lengths are at most this. */
#define JS_MAX_ARRAY_LENGTH 4294967295.0

/* {==== Index access (builtins_array.c) ====} */

/* js_arr_key: the property key of index i (0 <= i <= 2^53-1). */
JSValue js_arr_key(JSVM *vm, double i);
/* Get(O, i). */
JSValue js_arr_get(JSVM *vm, JSValue o, double i);
/* HasProperty(O, i): 1, 0 or -1. */
int js_arr_has(JSVM *vm, JSValue o, double i);
/* Set(O, i, v, true): 1 or -1. */
int js_arr_set(JSVM *vm, JSValue o, double i, JSValue v);
/* DeletePropertyOrThrow(O, i): 1 or -1. */
int js_arr_delete(JSVM *vm, JSValue o, double i);
/* CreateDataPropertyOrThrow(O, i, v): 1 or -1. */
int js_arr_create(JSVM *vm, JSValue o, double i, JSValue v);
/* Set(O, "length", len, true): 1 or -1. */
int js_arr_set_length(JSVM *vm, JSValue o, double len);

/* js_arr_next_present: the smallest j in [k, len) that may be an own or
 * inherited property of o, or len; k itself when nothing can be proved.
 * js_arr_prev_present: the largest j in [0, k] likewise, or -1. */
double js_arr_next_present(JSVM *vm, JSValue o, double k, double len);
double js_arr_prev_present(JSVM *vm, JSValue o, double k);

/* js_arr_dense: whether reading o[0..len) needs no user code and no
 * prototype lookup can find an element: o is a plain object or Array
 * whose elements are absent or dense, len <= 2^32-1, and nothing on its
 * prototype chain has indexed properties. *store is then o's dense store
 * (NULL: no elements); a hole means "absent", and so does every index
 * past the store. Valid only until the next call that may run user code.
 */
bool js_arr_dense(JSValue o, double len, JSArrayStore **store);

/* {==== Receivers and arguments ====} */

/* js_arr_this: ToObject(this) and LengthOfArrayLike into *len; method
 * names the caller for V8's "X called on null or undefined" message. */
JSValue js_arr_this(JSVM *vm, JSValue self, const char *method, double *len);
/* js_arr_relative: ToIntegerOrInfinity(v) made relative to len and
 * clamped to [0, len] (the start/end arguments of slice, fill, ...);
 * v undefined gives dflt. False on exception. */
bool js_arr_relative(JSVM *vm, JSValue v, double len, double dflt, double *out);

/* js_arr_is_array: IsArray (§7.2.2): 1, 0, or -1 on exception. Every
 * spec use of IsArray in the family goes through it, so that proxies
 * (which must answer for their target, and throw once revoked) need
 * one change only; today only Array exotic objects answer 1. */
int js_arr_is_array(JSVM *vm, JSValue v);

/* {==== Creating arrays ====} */

/* ArrayCreate(len) with %Array.prototype%: RangeError "Invalid array
 * length" above 2^32-1. */
JSValue js_arr_create_array(JSVM *vm, double len);
/* ArraySpeciesCreate(original, len). */
JSValue js_arr_species_create(JSVM *vm, JSValue original, double len);

/* {==== The other files' installers (called by js_init_array) ====} */

void js_array_install_proto(JSVM *vm, JSValue proto);  /* _proto.c */
void js_array_install_iter(JSVM *vm, JSValue proto);   /* _iter.c */

#endif
