/*
 * runtime/builtins_typedarray.h — what the files of the `typedarray`
 * builtin family share: runtime/typedarray.c (the object model side),
 * builtins_arraybuffer.c (ArrayBuffer, SharedArrayBuffer, DataView),
 * builtins_typedarray.c (%TypedArray%, the constructors, the installer)
 * and builtins_typedarray_proto.c (%TypedArray%.prototype's methods).
 * Not an API: nothing outside those files includes it.
 *
 * Invariants:
 *  - Per-VM state lives in one JSArrayStore, the realm's
 *    TypedArrayInternals intrinsic (a GC root), indexed by the TI_* slots
 *    below. A "class" (TC_*) is one of the twelve typed array kinds
 *    (JSTAKind values), DataView, ArrayBuffer or SharedArrayBuffer; each
 *    has a constructor, a prototype, the map of instances with that
 *    prototype, and a one-entry cache (prototype, map) for instances of
 *    one subclass, so that `new class extends Uint8Array {}` objects
 *    share a map too.
 *  - int results: 1 (or 0 where documented) on success, -1 on exception.
 */
#ifndef JSVM_RUNTIME_BUILTINS_TYPEDARRAY_H
#define JSVM_RUNTIME_BUILTINS_TYPEDARRAY_H

#include "runtime/typedarray.h"

/* Classes: the typed array kinds, then these. */
enum {
  TC_DATA_VIEW = JS_TA_DataView,
  TC_ARRAY_BUFFER,
  TC_SHARED_ARRAY_BUFFER,
  TC_COUNT
};

/* Slots of the TypedArrayInternals store. */
enum {
  TI_TYPED_ARRAY,        /* %TypedArray% */
  TI_TYPED_ARRAY_PROTO,  /* %TypedArray.prototype% */
  TI_CTOR,               /* + class: the constructor */
  TI_PROTO = TI_CTOR + TC_COUNT,        /* + class: its prototype */
  TI_MAP = TI_PROTO + TC_COUNT,         /* + class: map of plain instances */
  TI_SUB_PROTO = TI_MAP + TC_COUNT,     /* + class: last subclass prototype */
  TI_SUB_MAP = TI_SUB_PROTO + TC_COUNT, /* + class: its instances' map */
  TI_COUNT = TI_SUB_MAP + TC_COUNT
};

static inline JSValue *js_ta_internals(JSVM *vm) {
  return ((JSArrayStore *)js_heap(js_intrinsic(vm, TypedArrayInternals)))->v;
}

/* The constructor names, by class ("Int8Array", ..., "DataView",
 * "ArrayBuffer", "SharedArrayBuffer"). */
extern const char *const js_ta_class_name[TC_COUNT];

/* js_ta_element_size: bytes per element of kind. */
static inline uint32_t js_ta_element_size(int kind) {
  static const uint8_t shifts[JS_TA_KIND_COUNT] = {
#define JS_TA_SHIFT(name, ctype, shift) shift,
      JS_TYPED_ARRAY_KINDS(JS_TA_SHIFT)
#undef JS_TA_SHIFT
  };
  return 1u << shifts[kind];
}

/* {==== Objects (typedarray.c) ====} */

/* js_ta_proto_from_ctor: GetPrototypeFromConstructor(new_target, the
 * class's intrinsic prototype): JS_EXCEPTION when reading
 * new_target.prototype throws. */
JSValue js_ta_proto_from_ctor(JSVM *vm, JSValue new_target, int cls);

/* js_ta_new_object: a fresh object of class cls with prototype proto
 * (fields zeroed; a view's buffer is undefined until set). */
JSObject *js_ta_new_object(JSVM *vm, int cls, JSValue proto);

/* js_ab_create: the rest of AllocateArrayBuffer /
 * AllocateSharedArrayBuffer once the prototype is known: a zeroed block
 * of len bytes (RangeError "Array buffer allocation failed" when len or
 * max is over JS_ARRAY_BUFFER_MAX_LENGTH or calloc fails). resizable
 * gives [[ArrayBufferMaxByteLength]] max (len <= max checked by the
 * caller). cls is TC_ARRAY_BUFFER or TC_SHARED_ARRAY_BUFFER. */
JSValue js_ab_create(JSVM *vm, int cls, JSValue proto, uint64_t len, bool resizable,
                     uint64_t max);

/* js_ab_resize: set a resizable buffer's byte length (<= its max; the
 * bytes past the old length read as zero). False (RangeError) when the
 * memory cannot be had. */
bool js_ab_resize(JSVM *vm, JSArrayBuffer *b, uint64_t len);

/* js_ab_steal: move b's block into the fresh buffer to (of length
 * to->byte_length, which may differ: the block is reallocated, new
 * bytes zeroed) and detach b. False (RangeError) on allocation failure,
 * with nothing changed. */
bool js_ab_steal(JSVM *vm, JSArrayBuffer *b, JSArrayBuffer *to);

/* js_ta_init_view: point a fresh view at buffer (slots of
 * InitializeTypedArrayFromArrayBuffer's last steps). length/byte_length
 * are ignored when tracking. */
void js_ta_init_view(JSTypedArray *t, int kind, JSValue buffer, uint64_t byte_offset,
                     uint64_t length, bool tracking);

/* js_ta_to_index: ToIndex(v) with V8's RangeError message msg (a
 * printf format taking the value as %s) when out of range. */
bool js_ta_to_index(JSVM *vm, JSValue v, const char *msg, double *out);

/* js_ta_relative: ToIntegerOrInfinity(v) made relative to len (negative
 * counts from the end) and clamped to [0, len]; undefined gives dflt (the
 * start/end arguments of slice, fill, copyWithin, subarray). */
bool js_ta_relative(JSVM *vm, JSValue v, double len, double dflt, double *out);

/* js_ta_same_bits: whether storing any element value of kind src into
 * an element of kind dst keeps its bytes (same kind, or integer kinds of
 * one size, or any byte kind into Int8/Uint8), so a copy can be memcpy. */
bool js_ta_same_bits(int src, int dst);

/* js_ta_incompatible: TypeError "Method <method> called on incompatible
 * receiver <v>" (V8's words; v described as #<Ctor> for objects). */
JSValue js_ta_incompatible(JSVM *vm, const char *method, JSValue v);
/* js_ta_describe: V8's short form of a value in messages, malloc'd:
 * #<Constructor name> for objects, the string of a primitive. NULL when
 * its ToString throws (then pending). */
char *js_ta_describe(JSVM *vm, JSValue v);


/* {==== Creating typed arrays (builtins_typedarray.c) ====} */

/* TypedArrayCreateFromConstructor(ctor, args): argc 1 with a Number is
 * the length form (the result's length is checked against it). */
JSValue js_ta_create_from_ctor(JSVM *vm, JSValue ctor, int argc, JSValue *argv);
/* TypedArraySpeciesCreate(exemplar, args). */
JSValue js_ta_species_create(JSVM *vm, JSValue exemplar, int argc, JSValue *argv);
/* TypedArrayCreateSameType(exemplar, length). */
JSValue js_ta_create_same_type(JSVM *vm, JSValue exemplar, uint64_t length);

/* {==== Installers (called by js_init_typedarray) ====} */

void js_typedarray_install_buffers(JSVM *vm);  /* builtins_arraybuffer.c */
void js_typedarray_install_proto(JSVM *vm, JSValue proto);  /* _proto.c */

#endif
