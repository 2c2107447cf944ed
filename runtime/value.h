/*
 * runtime/value.h — JSValue, the NaN-boxed 64-bit word every part of jsvm
 * passes values in. This header is the only place (with the JIT, which
 * takes its constants from here) that knows the bit layout.
 *
 * Invariants:
 *  - A double is stored as its own IEEE-754 bits. Every NaN is stored as
 *    the one canonical quiet NaN (JS_NAN_BITS), so the negative quiet-NaN
 *    space above it is free to carry tags.
 *  - Everything else lives in that space, told apart by the top 16 bits:
 *        0xFFF9  heap pointer (low 48 bits; user-space x86-64/AArch64
 *                addresses fit and are at least 8-byte aligned)
 *        0xFFFA  int32 (low 32 bits)
 *        0xFFFB  immediate: undefined, null, false, true, the hole (an
 *                absent array element), uninitialized (a let/const/class
 *                binding in its TDZ) and the exception marker (a return
 *                value meaning "thrown", never stored anywhere)
 *    A word is a double iff its top 16 bits are below 0xFFF9.
 *  - Numbers that are int32 values (and not -0) are normally int32-tagged
 *    (js_from_number does that); arithmetic must still accept both forms
 *    for the same mathematical value, since a double may hold an integer.
 *  - Two JSValues are the same value (SameValue without the number cases)
 *    iff their bits are equal; numbers need js_number_value to compare.
 *
 * Callers must never: build a JSValue from raw bits other than through
 * these functions; store a NaN with another payload; rely on a heap
 * pointer's upper 16 bits (they are the tag).
 */
#ifndef JSVM_RUNTIME_VALUE_H
#define JSVM_RUNTIME_VALUE_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

typedef struct JSValue {
  uint64_t bits;
} JSValue;

/* {==== The layout ====} */

#define JS_TAG_SHIFT 48
#define JS_TAG_HEAP 0xFFF9u
#define JS_TAG_INT32 0xFFFAu
#define JS_TAG_IMMEDIATE 0xFFFBu
#define JS_PAYLOAD_MASK 0x0000FFFFFFFFFFFFull
#define JS_NAN_BITS 0x7FF8000000000000ull

/* The immediates' payloads. */
enum {
  JS_IMM_UNDEFINED,
  JS_IMM_NULL,
  JS_IMM_FALSE,
  JS_IMM_TRUE,
  JS_IMM_HOLE,
  JS_IMM_UNINITIALIZED,
  JS_IMM_EXCEPTION,
};

#define JS_TAGGED(tag, payload) \
  ((JSValue){((uint64_t)(tag) << JS_TAG_SHIFT) | (uint64_t)(payload)})

#define JS_UNDEFINED JS_TAGGED(JS_TAG_IMMEDIATE, JS_IMM_UNDEFINED)
#define JS_NULL JS_TAGGED(JS_TAG_IMMEDIATE, JS_IMM_NULL)
#define JS_FALSE JS_TAGGED(JS_TAG_IMMEDIATE, JS_IMM_FALSE)
#define JS_TRUE JS_TAGGED(JS_TAG_IMMEDIATE, JS_IMM_TRUE)
#define JS_HOLE JS_TAGGED(JS_TAG_IMMEDIATE, JS_IMM_HOLE)
#define JS_UNINITIALIZED JS_TAGGED(JS_TAG_IMMEDIATE, JS_IMM_UNINITIALIZED)
/* JS_EXCEPTION: never a JS value. A runtime function returns it to say
 * "an exception is pending in vm->exception"; callers test and propagate. */
#define JS_EXCEPTION JS_TAGGED(JS_TAG_IMMEDIATE, JS_IMM_EXCEPTION)

static inline uint32_t js_tag(JSValue v) { return (uint32_t)(v.bits >> JS_TAG_SHIFT); }

/* {==== Tests ====} */

static inline bool js_is_double(JSValue v) { return js_tag(v) < JS_TAG_HEAP; }
static inline bool js_is_int32(JSValue v) { return js_tag(v) == JS_TAG_INT32; }
static inline bool js_is_number(JSValue v) { return js_is_double(v) || js_is_int32(v); }
static inline bool js_is_heap(JSValue v) { return js_tag(v) == JS_TAG_HEAP; }
static inline bool js_is_undefined(JSValue v) { return v.bits == JS_UNDEFINED.bits; }
static inline bool js_is_null(JSValue v) { return v.bits == JS_NULL.bits; }
static inline bool js_is_nullish(JSValue v) { return js_is_undefined(v) || js_is_null(v); }
static inline bool js_is_bool(JSValue v) {
  // false and true are adjacent payloads: one compare after clearing bit 0.
  return (v.bits & ~1ull) == JS_FALSE.bits;
}
static inline bool js_is_hole(JSValue v) { return v.bits == JS_HOLE.bits; }
static inline bool js_is_uninitialized(JSValue v) { return v.bits == JS_UNINITIALIZED.bits; }
static inline bool js_is_exception(JSValue v) { return v.bits == JS_EXCEPTION.bits; }

/* {==== Construction ====} */

/* js_from_double: any double, NaNs canonicalized (see the invariants). */
static inline JSValue js_from_double(double d) {
  JSValue v;
  if (d != d) {
    v.bits = JS_NAN_BITS;
  } else {
    memcpy(&v.bits, &d, sizeof d);
  }
  return v;
}

static inline JSValue js_from_int32(int32_t i) {
  return JS_TAGGED(JS_TAG_INT32, (uint32_t)i);
}

/* js_from_number: int32-tagged when d is an int32 value other than -0 (so
 * that integer arithmetic stays on the fast path), else a double. */
static inline JSValue js_from_number(double d) {
  if (d >= -2147483648.0 && d <= 2147483647.0) {
    int32_t i = (int32_t)d;
    // -0 == 0 compares equal: tell it apart by its sign bit.
    if ((double)i == d && !(i == 0 && 1.0 / d < 0)) return js_from_int32(i);
  }
  return js_from_double(d);
}

static inline JSValue js_from_bool(bool b) { return b ? JS_TRUE : JS_FALSE; }

/* js_from_heap: p must be a heap object of orinoco's (8-byte aligned, in
 * the low 48 bits of the address space). */
static inline JSValue js_from_heap(const void *p) {
  return JS_TAGGED(JS_TAG_HEAP, (uint64_t)(uintptr_t)p & JS_PAYLOAD_MASK);
}

/* {==== Access (the caller has checked the kind) ====} */

static inline double js_double(JSValue v) {
  double d;
  memcpy(&d, &v.bits, sizeof d);
  return d;
}

static inline int32_t js_int32(JSValue v) { return (int32_t)(uint32_t)v.bits; }

static inline bool js_bool(JSValue v) { return v.bits == JS_TRUE.bits; }

static inline void *js_heap(JSValue v) { return (void *)(uintptr_t)(v.bits & JS_PAYLOAD_MASK); }

/* js_number_value: a number's value as a double, whichever form it has. */
static inline double js_number_value(JSValue v) {
  return js_is_int32(v) ? (double)js_int32(v) : js_double(v);
}

/* js_same_bits: identical words (same immediate, same object, same int32,
 * same double bits). */
static inline bool js_same_bits(JSValue a, JSValue b) { return a.bits == b.bits; }

#endif
