/*
 * runtime/typedarray.h — ArrayBuffer / SharedArrayBuffer objects and the
 * views over them (typed arrays and DataView): their layouts, the element
 * kinds, the buffer witness arithmetic of ES2024 (IsTypedArrayOutOfBounds,
 * TypedArrayLength, IsValidIntegerIndex) and the integer-indexed exotic
 * object hooks that runtime/object.c calls. The builtins themselves live
 * in runtime/builtins_typedarray*.c and runtime/builtins_arraybuffer.c.
 *
 * Invariants:
 *  - An ArrayBuffer is a JSArrayBuffer (JS_TYPE_ArrayBuffer). Its bytes
 *    are malloc'd (calloc: new bytes read as zero), never in the GC heap:
 *    `data` is not a heap pointer and the collector must not trace it.
 *    Backing stores are never freed yet (a detached or dead buffer leaks
 *    its block); the collector issue adds a finalizer that frees `data`.
 *  - A detached buffer has data NULL, byte_length 0 and JS_AB_DETACHED
 *    set; nothing ever re-attaches it.
 *  - `capacity` >= byte_length always; the bytes between byte_length and
 *    capacity are zero (a resize that shrinks clears them), so growing
 *    within the capacity only moves byte_length.
 *  - Typed arrays and DataViews are JSTypedArray (JS_TYPE_TypedArray);
 *    `kind` is JS_TA_DataView for a DataView. `buffer` (the viewed
 *    JSArrayBuffer) is their only JSValue field besides JSObject's.
 *  - A view never caches `data`: every access re-reads the buffer's data
 *    and byte_length, because user code run in between (valueOf, a
 *    species constructor, a callback) may detach or resize the buffer.
 *    C code that holds a data pointer must not call anything that can run
 *    user code or allocate a backing store while holding it.
 *  - Typed arrays never have ordinary elements (o->elements stays NULL):
 *    every CanonicalNumericIndexString key, valid or not, is answered by
 *    the hooks below, as ECMA-262 §10.4.5 requires.
 *  - Element storage uses the host's byte order (little-endian on every
 *    supported target); DataView reads and writes either order.
 *
 * Error convention as runtime.h: JS_EXCEPTION / -1 / false mean an
 * exception is pending in vm->exception.
 */
#ifndef JSVM_RUNTIME_TYPEDARRAY_H
#define JSVM_RUNTIME_TYPEDARRAY_H

#include "runtime/runtime.h"

/* {==== Element kinds ====} */

/* X(Name, C type, log2 of the element size), in the order of ECMA-262's
 * Table 71 (TypedArray Constructors). Float16 is stored as its IEEE
 * binary16 bits. */
#define JS_TYPED_ARRAY_KINDS(X) \
  X(Int8, int8_t, 0)            \
  X(Uint8, uint8_t, 0)          \
  X(Uint8Clamped, uint8_t, 0)   \
  X(Int16, int16_t, 1)          \
  X(Uint16, uint16_t, 1)        \
  X(Int32, int32_t, 2)          \
  X(Uint32, uint32_t, 2)        \
  X(BigInt64, int64_t, 3)       \
  X(BigUint64, uint64_t, 3)     \
  X(Float16, uint16_t, 1)       \
  X(Float32, float, 2)          \
  X(Float64, double, 3)

typedef enum JSTAKind {
#define JS_TA_ENUM(name, ctype, shift) JS_TA_##name,
  JS_TYPED_ARRAY_KINDS(JS_TA_ENUM)
#undef JS_TA_ENUM
  JS_TA_KIND_COUNT,
  JS_TA_DataView = JS_TA_KIND_COUNT   /* a DataView, not a typed array */
} JSTAKind;

/* {==== Layouts ====} */

enum {
  JS_AB_SHARED = 1,     /* a SharedArrayBuffer */
  JS_AB_RESIZABLE = 2,  /* has [[ArrayBufferMaxByteLength]] (growable SAB too) */
  JS_AB_DETACHED = 4,
};

typedef struct JSArrayBuffer {
  JSObject base;
  uint8_t *data;            /* calloc'd bytes (not GC memory); NULL if detached */
  uint64_t byte_length;     /* [[ArrayBufferByteLength]]; 0 when detached */
  uint64_t max_byte_length; /* [[ArrayBufferMaxByteLength]] (resizable only) */
  uint64_t capacity;        /* bytes allocated at data (>= byte_length) */
  uint32_t flags;           /* JS_AB_* */
  uint32_t unused;
} JSArrayBuffer;

typedef struct JSTypedArray {
  JSObject base;
  JSValue buffer;           /* [[ViewedArrayBuffer]]: a JSArrayBuffer */
  uint64_t byte_offset;     /* [[ByteOffset]] */
  uint64_t length;          /* [[ArrayLength]] in elements (unless tracking) */
  uint64_t byte_length;     /* [[ByteLength]] (unless tracking) */
  uint8_t kind;             /* JSTAKind */
  uint8_t shift;            /* log2 of the element size (0 for DataView) */
  uint8_t tracking;         /* [[ArrayLength]]/[[ByteLength]] are auto */
  uint8_t unused[5];
} JSTypedArray;

/* Byte lengths above this are refused with RangeError "Array buffer
 * allocation failed" (V8's limit on 64-bit hosts is about as large; this
 * keeps every element index an int32-sized quantity for Int8Array). */
#define JS_ARRAY_BUFFER_MAX_LENGTH ((uint64_t)1 << 31)

static inline JSArrayBuffer *js_array_buffer(JSValue v) { return (JSArrayBuffer *)js_heap(v); }
static inline JSTypedArray *js_typed_array(JSValue v) { return (JSTypedArray *)js_heap(v); }
static inline bool js_is_array_buffer(JSValue v) { return js_is_type(v, JS_TYPE_ArrayBuffer); }
/* js_is_typed_array: a typed array proper ([[TypedArrayName]]), not a DataView. */
static inline bool js_is_typed_array(JSValue v) {
  return js_is_type(v, JS_TYPE_TypedArray) && js_typed_array(v)->kind < JS_TA_KIND_COUNT;
}
static inline bool js_is_data_view(JSValue v) {
  return js_is_type(v, JS_TYPE_TypedArray) && js_typed_array(v)->kind == JS_TA_DataView;
}
static inline bool js_ta_kind_is_bigint(int kind) {
  return kind == JS_TA_BigInt64 || kind == JS_TA_BigUint64;
}

/* {==== Buffers ====} */

/* js_array_buffer_detach: DetachArrayBuffer(buffer) (the key must match:
 * none is ever set, so it always does). TypeError for a non-ArrayBuffer
 * or a SharedArrayBuffer; false then. What $262.detachArrayBuffer calls. */
bool js_array_buffer_detach(JSVM *vm, JSValue buffer);

/* js_new_array_buffer: AllocateArrayBuffer(%ArrayBuffer%, len): a fresh
 * zeroed, fixed-length buffer, or JS_EXCEPTION (RangeError "Array buffer
 * allocation failed"). For host code (Buffer, fs) and the builtins. */
JSValue js_new_array_buffer(JSVM *vm, uint64_t len);

/* js_new_typed_array: a fresh typed array of kind over a new zeroed
 * buffer of length elements, with the kind's intrinsic prototype. */
JSValue js_new_typed_array(JSVM *vm, JSTAKind kind, uint64_t length);

/* {==== Witness records (ES2024 §10.4.5.9 ff.) ====} */

/* js_ta_out_of_bounds: IsTypedArrayOutOfBounds / IsViewOutOfBounds of a
 * view against its buffer's current length (detached counts as out). */
static inline bool js_ta_out_of_bounds(const JSTypedArray *t) {
  const JSArrayBuffer *b = (const JSArrayBuffer *)js_heap(t->buffer);
  if (b->flags & JS_AB_DETACHED) return true;
  if (t->byte_offset > b->byte_length) return true;
  return !t->tracking && t->byte_offset + t->byte_length > b->byte_length;
}

/* js_ta_length: TypedArrayLength, or 0 when out of bounds (the getter's
 * answer). For a DataView: GetViewByteLength, 0 when out of bounds. */
static inline uint64_t js_ta_length(const JSTypedArray *t) {
  if (js_ta_out_of_bounds(t)) return 0;
  if (!t->tracking) return t->kind == JS_TA_DataView ? t->byte_length : t->length;
  const JSArrayBuffer *b = (const JSArrayBuffer *)js_heap(t->buffer);
  return (b->byte_length - t->byte_offset) >> t->shift;
}

/* js_ta_data: the address of the view's first byte (valid until user
 * code runs or a buffer is allocated; the view must be in bounds). */
static inline uint8_t *js_ta_data(const JSTypedArray *t) {
  return ((const JSArrayBuffer *)js_heap(t->buffer))->data + t->byte_offset;
}

/* js_typed_array_validate: ValidateTypedArray(v): the typed array, or
 * NULL after a TypeError (not a typed array: "this is not a typed
 * array."; detached or out of bounds: "Cannot perform <method> on a
 * detached ArrayBuffer" / "... on an out of bounds TypedArray"). *len
 * gets TypedArrayLength. */
JSTypedArray *js_typed_array_validate(JSVM *vm, JSValue v, const char *method,
                                      uint64_t *len);

/* {==== Elements ====} */

/* js_ta_load / js_ta_store: GetValueFromBuffer / SetValueInBuffer of one
 * element of kind at p (aligned for typed arrays; any address works).
 * store takes the value already converted (js_ta_to_element). load gives
 * a Number, or for the BigInt kinds a fresh BigInt (it allocates).
 *
 * Element doubles of the BigInt kinds: wherever an element value travels
 * as a double (store's v, to_element's *out), a BigInt64/BigUint64
 * element carries its 64 bits (the two's complement of ToBigInt64 /
 * ToBigUint64, one and the same) copied into the double's bytes, never
 * used as a number: see js_ta_bits / js_ta_from_bits. */
JSValue js_ta_load(JSVM *vm, int kind, const uint8_t *p);
void js_ta_store(int kind, uint8_t *p, double v);

/* js_ta_to_element: ToNumber (or ToBigInt for BigInt kinds, then its low
 * 64 bits as above) of a value to be stored into an element of kind;
 * false on exception. */
bool js_ta_to_element(JSVM *vm, int kind, JSValue v, double *out);

/* js_ta_bits / js_ta_from_bits: the 64 bits a BigInt-kind element double
 * carries, and the double carrying given bits. */
static inline uint64_t js_ta_bits(double d) {
  uint64_t u;
  memcpy(&u, &d, sizeof u);
  return u;
}
static inline double js_ta_from_bits(uint64_t u) {
  double d;
  memcpy(&d, &u, sizeof d);
  return d;
}

/* js_float16_to_double / js_double_to_float16: binary16 conversions
 * (roundTiesToEven, as Math.f16round). */
double js_float16_to_double(uint16_t h);
uint16_t js_double_to_float16(double d);

/* {==== Integer-indexed exotic objects (hooks for runtime/object.c) ====}
 *
 * object.c calls these at the top of [[GetOwnProperty]] (get_own),
 * [[DefineOwnProperty]] (define_own), the [[Get]]/[[Set]] loops, has,
 * delete and own-keys, guarded by `o->map->type == JS_TYPE_TypedArray &&
 * js_typed_array_key(vm, o, key, &index)`, so ordinary objects pay one
 * type compare. */

/* js_typed_array_key: whether o is a typed array (not a DataView) and key
 * a CanonicalNumericIndexString (an array index number, or an interned
 * string such as "-0", "1.5", "-1", "NaN", "Infinity", "4294967295");
 * *index gets its numeric value. Never throws. */
bool js_typed_array_key(JSVM *vm, const JSObject *o, JSValue key, double *index);
/* js_typed_array_valid_index: IsValidIntegerIndex(o, index). */
bool js_typed_array_valid_index(const JSObject *o, double index);
/* [[GetOwnProperty]]: 1 (*d: a writable, enumerable, configurable data
 * property), 0 (invalid index), -1. */
int js_typed_array_get_own(JSVM *vm, JSObject *o, double index, JSPropDesc *d);
/* [[DefineOwnProperty]]: 1, 0 (refused), -1. */
int js_typed_array_define_own(JSVM *vm, JSObject *o, double index, const JSPropDesc *d);
/* TypedArrayGetElement: the value, undefined, or JS_EXCEPTION. */
JSValue js_typed_array_get(JSVM *vm, JSObject *o, double index);
/* TypedArraySetElement: ToNumber/ToBigInt, then a store when the index is
 * (still) valid. 1, or -1 on exception. */
int js_typed_array_set(JSVM *vm, JSObject *o, double index, JSValue v);
/* [[OwnPropertyKeys]]'s first part: append the indices 0..length-1 (none
 * when out of bounds; DataViews append nothing). */
JSArrayStore *js_typed_array_keys(JSVM *vm, JSObject *o, JSArrayStore *out);

/* js_typed_array_iter_length: the length %ArrayIteratorPrototype%.next
 * must use for a typed array (ES2024 §23.1.5.1, the closure's step
 * b.ii-iv): TypedArrayLength, or false after a TypeError when the array
 * is out of bounds or its buffer detached (reading "length" instead would
 * answer 0 and end the iteration quietly). */
bool js_typed_array_iter_length(JSVM *vm, JSValue ta, double *len);

/* {==== Interpreter fast paths (ignition/interp.c) ====} */

/* js_typed_array_fast_get: o[i] for an int32 key on a typed array when
 * i is a valid index of a non-BigInt kind; false: take the slow path. */
static inline bool js_typed_array_fast_get(JSObject *o, int32_t i, JSValue *out) {
  JSTypedArray *t = (JSTypedArray *)o;
  if (i < 0 || (uint64_t)i >= js_ta_length(t)) return false;
  const uint8_t *p = js_ta_data(t) + ((size_t)i << t->shift);
  switch ((JSTAKind)t->kind) {
    case JS_TA_Int8: *out = js_from_int32(*(const int8_t *)p); return true;
    case JS_TA_Uint8:
    case JS_TA_Uint8Clamped: *out = js_from_int32(*p); return true;
    case JS_TA_Int16: *out = js_from_int32(*(const int16_t *)p); return true;
    case JS_TA_Uint16: *out = js_from_int32(*(const uint16_t *)p); return true;
    case JS_TA_Int32: *out = js_from_int32(*(const int32_t *)p); return true;
    case JS_TA_Uint32: *out = js_from_number(*(const uint32_t *)p); return true;
    case JS_TA_Float32: *out = js_from_double(*(const float *)p); return true;
    case JS_TA_Float64: *out = js_from_double(*(const double *)p); return true;
    case JS_TA_Float16:
    case JS_TA_BigInt64:
    case JS_TA_BigUint64:
    case JS_TA_DataView: return false;
  }
  return false;
}

/* js_typed_array_fast_set: o[i] = v for an int32 key and a Number v (no
 * conversion can run user code) when i is a valid index of a non-BigInt
 * kind; false: take the slow path. */
static inline bool js_typed_array_fast_set(JSObject *o, int32_t i, JSValue v) {
  JSTypedArray *t = (JSTypedArray *)o;
  if (!js_is_number(v) || i < 0 || (uint64_t)i >= js_ta_length(t)) return false;
  uint8_t *p = js_ta_data(t) + ((size_t)i << t->shift);
  if (js_is_int32(v)) {
    // The integer kinds take the low bits of an int32 (ToInt8 etc.).
    int32_t x = js_int32(v);
    switch ((JSTAKind)t->kind) {
      case JS_TA_Int8:
      case JS_TA_Uint8: *p = (uint8_t)x; return true;
      case JS_TA_Int16:
      case JS_TA_Uint16: *(uint16_t *)p = (uint16_t)x; return true;
      case JS_TA_Int32:
      case JS_TA_Uint32: *(uint32_t *)p = (uint32_t)x; return true;
      case JS_TA_Float64: *(double *)p = x; return true;
      case JS_TA_Uint8Clamped:
      case JS_TA_Float16:
      case JS_TA_Float32:
      case JS_TA_BigInt64:
      case JS_TA_BigUint64:
      case JS_TA_DataView: break;
    }
  }
  if (t->kind == JS_TA_DataView || js_ta_kind_is_bigint(t->kind)) return false;
  js_ta_store(t->kind, p, js_number_value(v));
  return true;
}

/* js_gc_track_buffer: b's block is freed when b dies (heap_roots.c). */
void js_gc_track_buffer(JSArrayBuffer *b);

#endif
