/*
 * runtime/builtins_typedarray_proto.c — %TypedArray%.prototype (ECMA-262
 * 2024 §23.2.3): the buffer/byteLength/byteOffset/length/@@toStringTag
 * getters and every method (at, copyWithin, entries, every, fill, filter,
 * find*, forEach, includes, indexOf, join, keys, lastIndexOf, map,
 * reduce*, reverse, set, slice, some, sort, subarray, toLocaleString,
 * toReversed, toSorted, toString (Array.prototype.toString itself),
 * values = @@iterator, with).
 *
 * Invariants: methods start with ValidateTypedArray and then follow the
 * spec's steps; wherever user code may have run (argument conversions,
 * callbacks, species constructors) element access goes through
 * TypedArrayGetElement / TypedArraySetElement (js_typed_array_get/_set),
 * which re-check the index against the buffer's current length, and raw
 * byte loops re-read js_ta_data and js_ta_length first. The element
 * values of non-BigInt kinds are Numbers, and those of the BigInt kinds
 * travel as their 64 bits in a double (typedarray.h), so C arrays of
 * doubles may hold them across calls (nothing for the collector to see).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/bigint.h"
#include "runtime/builtins_typedarray.h"
#include "runtime/iterator.h"
#include "runtime/numconv.h"

#define PROTO "%TypedArray%.prototype."

// The element at a valid index k of t as a double (non-BigInt kinds).
static double load_double(const JSTypedArray *t, uint64_t k) {
  const uint8_t *p = js_ta_data(t) + (k << t->shift);
  switch ((JSTAKind)t->kind) {
    case JS_TA_Int8: return (int8_t)*p;
    case JS_TA_Uint8:
    case JS_TA_Uint8Clamped: return *p;
    case JS_TA_Int16: { int16_t x; memcpy(&x, p, 2); return x; }
    case JS_TA_Uint16: { uint16_t x; memcpy(&x, p, 2); return x; }
    case JS_TA_Int32: { int32_t x; memcpy(&x, p, 4); return x; }
    case JS_TA_Uint32: { uint32_t x; memcpy(&x, p, 4); return x; }
    case JS_TA_Float16: { uint16_t x; memcpy(&x, p, 2); return js_float16_to_double(x); }
    case JS_TA_Float32: { float x; memcpy(&x, p, 4); return x; }
    case JS_TA_Float64: { double x; memcpy(&x, p, 8); return x; }
    case JS_TA_BigInt64:
    case JS_TA_BigUint64:
    case JS_TA_DataView: break;
  }
  return NAN;
}

// The element at a valid index k of a BigInt-kind array, as its bits.
static uint64_t load_bits(const JSTypedArray *t, uint64_t k) {
  uint64_t x;
  memcpy(&x, js_ta_data(t) + (k << 3), 8);
  return x;
}

// Whether BigInt x is the value of some element of BigInt kind (in the
// int64 range for BigInt64, the uint64 one for BigUint64); *bits gets
// that element's bits.
static bool bigint_element(int kind, JSValue x, uint64_t *bits) {
  const JSBigInt *b = js_bigint(x);
  if (b->nlimbs > 1) return false;
  uint64_t mag = b->nlimbs ? b->limbs[0] : 0;
  bool fits = kind == JS_TA_BigUint64 ? b->sign >= 0
                                      : mag <= (b->sign < 0 ? (uint64_t)1 << 63 : (uint64_t)INT64_MAX);
  *bits = js_bigint_to_uint64(x);
  return fits;
}

// The TypeError of a method whose array went out of bounds while user
// code ran (its buffer detached or shrank).
static JSValue detached(JSVM *vm, const char *method) {
  return js_throw_type_error(vm, "Cannot perform %s on a detached ArrayBuffer", method);
}

/* {==== Getters ====} */

enum { G_BUFFER, G_BYTE_LENGTH, G_BYTE_OFFSET, G_LENGTH };

// get buffer / byteLength / byteOffset / length (§23.2.3.2, .3, .4,
// .21): out-of-bounds views read 0 (no throw), the buffer is always there.
static JSValue ta_getter(JSVM *vm, JSValue self, int argc, JSValue *argv,
                         JSValue new_target) {
  static const char *const names[] = {
      "get %TypedArray%.prototype.buffer", "get %TypedArray%.prototype.byteLength",
      "get %TypedArray%.prototype.byteOffset", "get %TypedArray%.prototype.length"};
  int what = js_native_magic(vm);
  if (!js_is_typed_array(self)) return js_ta_incompatible(vm, names[what], self);
  JSTypedArray *t = js_typed_array(self);
  switch (what) {
    case G_BUFFER: return t->buffer;
    case G_BYTE_LENGTH: return js_from_number((double)(js_ta_length(t) << t->shift));
    case G_BYTE_OFFSET: return js_from_number(js_ta_out_of_bounds(t) ? 0 : (double)t->byte_offset);
    default: return js_from_number((double)js_ta_length(t));
  }
}

// get %TypedArray%.prototype[@@toStringTag] (§23.2.3.38): the name, or
// undefined for anything that is not a typed array.
static JSValue ta_to_string_tag(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                JSValue new_target) {
  if (!js_is_typed_array(self)) return JS_UNDEFINED;
  return js_atom(vm, js_ta_class_name[js_typed_array(self)->kind]);
}

/* {==== Callback loops ====} */

enum { CB_EVERY, CB_SOME, CB_FOR_EACH, CB_MAP, CB_FILTER, CB_FIND, CB_FIND_INDEX,
       CB_FIND_LAST, CB_FIND_LAST_INDEX };
static const char *const cb_names[] = {
    PROTO "every", PROTO "some", PROTO "forEach", PROTO "map", PROTO "filter",
    PROTO "find", PROTO "findIndex", PROTO "findLast", PROTO "findLastIndex"};

// filter's last steps: a species-made array of the kept values.
static JSValue filter_result(JSVM *vm, JSValue self, JSArrayStore *kept) {
  uint32_t n = kept ? kept->used : 0;
  JSValue arg = js_from_number(n);
  JSValue a = js_ta_species_create(vm, self, 1, &arg);
  if (js_is_exception(a)) return a;
  for (uint32_t j = 0; j < n; j++)
    if (js_typed_array_set(vm, js_obj(a), j, kept->v[j]) < 0) return JS_EXCEPTION;
  return a;
}

// What the loop does with one callback result: 1 go on, 0 stop and
// return *out, -1 exception.
static int cb_step(JSVM *vm, int what, JSValue a, JSArrayStore **kept, double k, JSValue v,
                   JSValue r, JSValue *out) {
  bool b = js_to_boolean(r);
  // what is a CB_* constant (an int: the native's magic number).
  switch (what) {
    case CB_EVERY: *out = JS_FALSE; return b ? 1 : 0;
    case CB_SOME: *out = JS_TRUE; return b ? 0 : 1;
    case CB_MAP: return js_typed_array_set(vm, js_obj(a), k, r) < 0 ? -1 : 1;
    case CB_FILTER:
      if (b) *kept = js_store_push(vm, *kept, v);
      return 1;
    case CB_FIND:
    case CB_FIND_LAST: *out = v; return b ? 0 : 1;
    case CB_FIND_INDEX:
    case CB_FIND_LAST_INDEX: *out = js_from_number(k); return b ? 0 : 1;
  }
  return 1;
}

// every, some, forEach, map, filter, find, findIndex, findLast,
// findLastIndex (§23.2.3.7, .26, .15, .22, .10, .11-.14): one loop, the
// magic says which. Elements are read with TypedArrayGetElement, so a
// callback that shrinks the buffer makes later reads undefined.
static JSValue ta_callback(JSVM *vm, JSValue self, int argc, JSValue *argv,
                           JSValue new_target) {
  int what = js_native_magic(vm);
  uint64_t len;
  if (!js_typed_array_validate(vm, self, cb_names[what], &len)) return JS_EXCEPTION;
  JSValue fn = js_arg(0), this_arg = js_arg(1), a = JS_UNDEFINED, out;
  if (!js_is_callable(fn)) return js_throw_not_callable(vm, fn);
  if (what == CB_MAP) {
    JSValue arg = js_from_number((double)len);
    a = js_ta_species_create(vm, self, 1, &arg);
    if (js_is_exception(a)) return a;
  }
  JSArrayStore *kept = NULL;
  bool backwards = what == CB_FIND_LAST || what == CB_FIND_LAST_INDEX;
  for (uint64_t i = 0; i < len; i++) {
    double k = (double)(backwards ? len - 1 - i : i);
    JSValue v = js_typed_array_get(vm, js_obj(self), k);
    if (js_is_exception(v)) return v;
    JSValue args[3] = {v, js_from_number(k), self};
    JSValue r = js_call(vm, fn, this_arg, 3, args);
    if (js_is_exception(r)) return r;
    int s = cb_step(vm, what, a, &kept, k, v, r, &out);
    if (s < 0) return JS_EXCEPTION;
    if (s == 0) return out;
  }
  switch (what) {
    case CB_EVERY: return JS_TRUE;
    case CB_SOME: return JS_FALSE;
    case CB_MAP: return a;
    case CB_FILTER: return filter_result(vm, self, kept);
    case CB_FIND_INDEX:
    case CB_FIND_LAST_INDEX: return js_from_int32(-1);
    default: return JS_UNDEFINED;
  }
}

// reduce (magic 0) and reduceRight (magic 1) (§23.2.3.23, .24).
static JSValue ta_reduce(JSVM *vm, JSValue self, int argc, JSValue *argv,
                         JSValue new_target) {
  bool right = js_native_magic(vm);
  uint64_t len;
  if (!js_typed_array_validate(vm, self, right ? PROTO "reduceRight" : PROTO "reduce", &len))
    return JS_EXCEPTION;
  // initialValue's presence is argc, not undefined-ness (step 5).
  JSValue fn = js_arg(0);
  if (!js_is_callable(fn)) return js_throw_not_callable(vm, fn);
  if (len == 0 && argc < 2) return js_throw_type_error(vm, "Reduce of empty array with no initial value");
  uint64_t i = 0;
  JSValue acc = argc >= 2 ? argv[1] : js_typed_array_get(vm, js_obj(self), right ? (double)(len - 1) : 0);
  if (js_is_exception(acc)) return acc;
  if (argc < 2) i = 1;
  for (; i < len; i++) {
    double k = (double)(right ? len - 1 - i : i);
    JSValue v = js_typed_array_get(vm, js_obj(self), k);
    if (js_is_exception(v)) return v;
    JSValue args[4] = {acc, v, js_from_number(k), self};
    acc = js_call(vm, fn, JS_UNDEFINED, 4, args);
    if (js_is_exception(acc)) return acc;
  }
  return acc;
}

/* {==== Searching ====} */

enum { S_INDEX_OF, S_LAST_INDEX_OF, S_INCLUDES };

// The start index of indexOf/includes (n from fromIndex) and lastIndexOf;
// false with *done set when the answer is "not found" already.
static bool search_start(JSVM *vm, int what, int argc, JSValue *argv, double len,
                         double *k, bool *done) {
  double n;
  *done = false;
  if (what == S_LAST_INDEX_OF) {
    n = len - 1;
    if (argc > 1 && !js_to_integer_or_infinity(vm, argv[1], &n)) return false;
    if (n == -INFINITY) *done = true;
    *k = n >= 0 ? (n < len - 1 ? n : len - 1) : len + n;
    return true;
  }
  if (!js_to_integer_or_infinity(vm, js_arg(1), &n)) return false;
  if (n == INFINITY) *done = true;
  *k = n >= 0 ? n : (len + n < 0 ? 0 : len + n);
  return true;
}

// indexOf, lastIndexOf, includes (§23.2.3.17, .20, .16); magic: S_*.
// fromIndex's conversion may shrink the buffer: indices at or past the
// current length are absent (indexOf skips them) or undefined (includes).
static JSValue ta_search(JSVM *vm, JSValue self, int argc, JSValue *argv,
                         JSValue new_target) {
  static const char *const names[] = {PROTO "indexOf", PROTO "lastIndexOf", PROTO "includes"};
  int what = js_native_magic(vm);
  uint64_t len;
  JSTypedArray *t = js_typed_array_validate(vm, self, names[what], &len);
  if (!t) return JS_EXCEPTION;
  JSValue not_found = what == S_INCLUDES ? JS_FALSE : js_from_int32(-1);
  double k;
  bool done;
  if (len == 0) return not_found;
  if (!search_start(vm, what, argc, argv, (double)len, &k, &done)) return JS_EXCEPTION;
  if (done) return not_found;
  // The comparisons are IsStrictlyEqual (indexOf, lastIndexOf) and
  // SameValueZero (includes): on Numbers they differ only for NaN.
  JSValue search = js_arg(0);
  double cur = (double)js_ta_length(t);  // after the conversion
  // A BigInt array's elements never equal a non-BigInt value, nor a
  // Number array's a non-Number.
  bool big = js_ta_kind_is_bigint(t->kind);
  uint64_t bits;
  if (big ? !js_is_bigint(search) || !bigint_element(t->kind, search, &bits)
          : !js_is_number(search)) {
    // Nothing present can match; includes(undefined) still finds the
    // indices that the conversion cut off (their Get is undefined).
    bool lost = what == S_INCLUDES && js_is_undefined(search) && fmax(k, cur) < (double)len;
    return lost ? JS_TRUE : not_found;
  }
  if (big) {
    // Equal BigInts are equal element bits (no NaN to care about).
    int step = what == S_LAST_INDEX_OF ? -1 : 1;
    if (what == S_LAST_INDEX_OF) k = fmin(k, cur - 1);
    for (; k >= 0 && k < cur && k < (double)len; k += step)
      if (load_bits(t, (uint64_t)k) == bits) return what == S_INCLUDES ? JS_TRUE : js_from_number(k);
    return not_found;
  }
  double x = js_number_value(search);
  if (what == S_LAST_INDEX_OF) {
    // Indices at or past the current length are absent: skipped.
    for (k = fmin(k, cur - 1); k >= 0; k--)
      if (load_double(t, (uint64_t)k) == x) return js_from_number(k);
    return not_found;
  }
  for (; k < cur && k < (double)len; k++) {
    double y = load_double(t, (uint64_t)k);
    if (y == x || (what == S_INCLUDES && x != x && y != y))
      return what == S_INCLUDES ? JS_TRUE : js_from_number(k);
  }
  return not_found;
}

// at (§23.2.3.1).
static JSValue ta_at(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue new_target) {
  uint64_t len;
  if (!js_typed_array_validate(vm, self, PROTO "at", &len)) return JS_EXCEPTION;
  // Relative to the validated length; the Get re-checks the index (the
  // conversion may have shrunk the buffer).
  double rel;
  if (!js_to_integer_or_infinity(vm, js_arg(0), &rel)) return JS_EXCEPTION;
  double k = rel >= 0 ? rel : (double)len + rel;
  if (k < 0 || k >= (double)len) return JS_UNDEFINED;
  return js_typed_array_get(vm, js_obj(self), k);
}

/* {==== join, toLocaleString ====} */

// Append ToString of a Number element to sb (no user code).
static void append_number(JSStrBuf *sb, JSValue v) {
  char buf[JS_DTOA_BUFSIZE];
  js_dtoa(js_number_value(v), buf);
  js_sb_ascii(sb, buf);
}

// join (§23.2.3.18).
static JSValue ta_join(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue new_target) {
  uint64_t len;
  if (!js_typed_array_validate(vm, self, PROTO "join", &len)) return JS_EXCEPTION;
  // Elements are Numbers or BigInts: their ToString runs no user code.
  JSValue sep = js_arg(0);
  sep = js_is_undefined(sep) ? js_atom(vm, ",") : js_to_string(vm, sep);
  if (js_is_exception(sep)) return sep;
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  for (uint64_t k = 0; k < len; k++) {
    if (k > 0) js_sb_string(&sb, sep);
    // The separator's ToString may have shrunk the buffer: undefined
    // elements read as the empty string.
    JSValue v = js_typed_array_get(vm, js_obj(self), (double)k);
    if (js_is_exception(v)) {
      js_sb_free(&sb);
      return v;
    }
    if (js_is_bigint(v)) {
      // A BigInt's digits (the string may be too long: pending then).
      JSValue s = js_bigint_to_string(vm, v, 10);
      if (js_is_exception(s)) {
        js_sb_free(&sb);
        return s;
      }
      js_sb_string(&sb, s);
    } else if (!js_is_undefined(v)) {
      append_number(&sb, v);
    }
    if (sb.failed) break;
  }
  return js_sb_finish(&sb);
}

// toLocaleString (§23.2.3.31): Array.prototype.toLocaleString's steps
// with TypedArrayLength; each element's own toLocaleString is invoked.
static JSValue ta_to_locale_string(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                   JSValue new_target) {
  uint64_t len;
  if (!js_typed_array_validate(vm, self, PROTO "toLocaleString", &len)) return JS_EXCEPTION;
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  for (uint64_t k = 0; k < len; k++) {
    if (k > 0) js_sb_char(&sb, ',');
    JSValue v = js_typed_array_get(vm, js_obj(self), (double)k);
    if (!js_is_exception(v) && !js_is_nullish(v)) {
      v = js_invoke(vm, v, js_atom(vm, "toLocaleString"), 0, NULL);
      if (!js_is_exception(v)) v = js_to_string(vm, v);
      if (!js_is_exception(v)) js_sb_string(&sb, v);
    }
    if (js_is_exception(v)) {
      js_sb_free(&sb);
      return v;
    }
  }
  return js_sb_finish(&sb);
}

/* {==== Iterators ====} */

// keys (0), values (1), entries (2) (§23.2.3.19, .35, .8): magic is the
// JSIterKind.
static JSValue ta_iterator(JSVM *vm, JSValue self, int argc, JSValue *argv,
                           JSValue new_target) {
  static const char *const names[] = {PROTO "keys", PROTO "values", PROTO "entries"};
  int kind = js_native_magic(vm);
  uint64_t len;
  if (!js_typed_array_validate(vm, self, names[kind], &len)) return JS_EXCEPTION;
  // CreateArrayIterator: %ArrayIteratorPrototype%'s next serves arrays
  // and typed arrays alike.
  return js_new_iterator(vm, JS_ITER_ARRAY, self, (JSIterKind)kind);
}

/* {==== In-place: copyWithin, fill, reverse ====} */

// copyWithin (§23.2.3.6).
static JSValue ta_copy_within(JSVM *vm, JSValue self, int argc, JSValue *argv,
                              JSValue new_target) {
  uint64_t ulen;
  JSTypedArray *t = js_typed_array_validate(vm, self, PROTO "copyWithin", &ulen);
  if (!t) return JS_EXCEPTION;
  // Steps 4-15: target, start and end made relative, in that order.
  double len = (double)ulen, to, from, final;
  if (!js_ta_relative(vm, js_arg(0), len, 0, &to) || !js_ta_relative(vm, js_arg(1), len, 0, &from) ||
      !js_ta_relative(vm, js_arg(2), len, len, &final))
    return JS_EXCEPTION;
  double count = fmin(final - from, len - to);
  if (count <= 0) return self;
  // The conversions may have detached or shrunk the buffer.
  if (js_ta_out_of_bounds(t))
    return detached(vm, PROTO "copyWithin");
  // The spec's byte loop stops at bufferByteLimit, the current end of
  // the array (it may have shrunk): done here as one memmove.
  uint64_t limit = js_ta_length(t) << t->shift;
  uint64_t dst = (uint64_t)to << t->shift, src = (uint64_t)from << t->shift;
  uint64_t n = (uint64_t)count << t->shift;
  uint8_t *p = js_ta_data(t);
  if (src < dst && dst < src + n) {
    // Copied from the end down: either all of it fits or nothing moves.
    if (src + n <= limit && dst + n <= limit) memmove(p + dst, p + src, (size_t)n);
  } else if (src < limit && dst < limit) {
    uint64_t m = n;
    if (limit - src < m) m = limit - src;
    if (limit - dst < m) m = limit - dst;
    memmove(p + dst, p + src, (size_t)m);
  }
  return self;
}

// fill (§23.2.3.9): one conversion of the value, then a byte pattern.
static JSValue ta_fill(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue new_target) {
  uint64_t ulen;
  JSTypedArray *t = js_typed_array_validate(vm, self, PROTO "fill", &ulen);
  if (!t) return JS_EXCEPTION;
  double len = (double)ulen, num, start, end;
  if (!js_ta_to_element(vm, t->kind, js_arg(0), &num)) return JS_EXCEPTION;
  if (!js_ta_relative(vm, js_arg(1), len, 0, &start) || !js_ta_relative(vm, js_arg(2), len, len, &end))
    return JS_EXCEPTION;
  if (js_ta_out_of_bounds(t))
    return detached(vm, PROTO "fill");
  end = fmin(end, (double)js_ta_length(t));
  // The value's bytes once, then copied into every element.
  uint32_t size = 1u << t->shift;
  uint8_t elem[8];
  js_ta_store(t->kind, elem, num);
  uint8_t *p = js_ta_data(t);
  if (size == 1 && start < end) {
    memset(p + (uint64_t)start, elem[0], (size_t)(end - start));
    return self;
  }
  for (uint64_t k = (uint64_t)start; (double)k < end; k++) memcpy(p + (k << t->shift), elem, size);
  return self;
}

// reverse (§23.2.3.25): swaps whole elements, no conversions.
static JSValue ta_reverse(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue new_target) {
  uint64_t len;
  JSTypedArray *t = js_typed_array_validate(vm, self, PROTO "reverse", &len);
  if (!t) return JS_EXCEPTION;
  // Swap element bytes pairwise from both ends.
  uint32_t size = 1u << t->shift;
  uint8_t *p = js_ta_data(t), tmp[8];
  for (uint64_t lo = 0, hi = len ? len - 1 : 0; lo < hi; lo++, hi--) {
    memcpy(tmp, p + lo * size, size);
    memcpy(p + lo * size, p + hi * size, size);
    memcpy(p + hi * size, tmp, size);
  }
  return self;
}

/* {==== set ====} */

// SetTypedArrayFromTypedArray (§23.2.3.26.1). The overlapping case
// (same buffer) works on a snapshot of the source, as CloneArrayBuffer.
static JSValue set_from_typed_array(JSVM *vm, JSTypedArray *t, double offset, JSTypedArray *s) {
  if (js_ta_out_of_bounds(t) || js_ta_out_of_bounds(s))
    return detached(vm, PROTO "set");
  uint64_t tlen = js_ta_length(t), slen = js_ta_length(s);
  if (offset == INFINITY || (double)slen + offset > (double)tlen)
    return js_throw_range_error(vm, "offset is out of bounds");
  if (js_ta_kind_is_bigint(t->kind) != js_ta_kind_is_bigint(s->kind))
    return js_throw_type_error(vm, "Content type of the source does not match the target");
  // Step 22: same element type (or bits that convert to themselves) is
  // a byte copy; memmove is the snapshot semantics of CloneArrayBuffer.
  uint8_t *dst = js_ta_data(t) + ((uint64_t)offset << t->shift);
  const uint8_t *src = js_ta_data(s);
  if (js_ta_same_bits(s->kind, t->kind)) {
    memmove(dst, src, (size_t)(slen << s->shift));
    return JS_UNDEFINED;
  }
  uint8_t *copy = NULL;
  if (js_array_buffer(s->buffer) == js_array_buffer(t->buffer)) {
    // Converting in place could read already-written bytes.
    copy = malloc((size_t)(slen << s->shift) + 1);
    if (!copy) return js_throw_range_error(vm, "Array buffer allocation failed");
    memcpy(copy, src, (size_t)(slen << s->shift));
    src = copy;
  }
  for (uint64_t i = 0; i < slen; i++) {
    JSValue v = js_ta_load(vm, s->kind, src + (i << s->shift));
    if (js_is_exception(v)) {
      free(copy);
      return v;
    }
    js_ta_store(t->kind, dst + (i << t->shift), js_number_value(v));
  }
  free(copy);
  return JS_UNDEFINED;
}

// SetTypedArrayFromArrayLike (§23.2.3.26.2).
static JSValue set_from_array_like(JSVM *vm, JSValue target, double offset, JSValue source) {
  // Steps 1-7 in order: target bounds, ToObject, LengthOfArrayLike (a
  // getter may run), then the range checks against the earlier length.
  JSTypedArray *t = js_typed_array(target);
  if (js_ta_out_of_bounds(t))
    return detached(vm, PROTO "set");
  double tlen = (double)js_ta_length(t), slen;
  JSValue src = js_to_object(vm, source);
  if (js_is_exception(src) || !js_length_of_array_like(vm, src, &slen)) return JS_EXCEPTION;
  if (offset == INFINITY || slen + offset > tlen)
    return js_throw_range_error(vm, "offset is out of bounds");
  for (double k = 0; k < slen; k++) {
    JSValue v = js_get(vm, src, js_from_number(k));
    if (js_is_exception(v)) return v;
    if (js_typed_array_set(vm, js_obj(target), offset + k, v) < 0) return JS_EXCEPTION;
  }
  return JS_UNDEFINED;
}

// set (§23.2.3.26).
static JSValue ta_set(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue new_target) {
  // Only RequireInternalSlot up front: the out-of-bounds checks come in
  // the two helpers, after the offset's conversion.
  if (!js_is_typed_array(self)) return js_throw_type_error(vm, "this is not a typed array.");
  double offset;
  if (!js_to_integer_or_infinity(vm, js_arg(1), &offset)) return JS_EXCEPTION;
  if (offset < 0) return js_throw_range_error(vm, "offset is out of bounds");
  JSValue source = js_arg(0);
  if (js_is_typed_array(source))
    return set_from_typed_array(vm, js_typed_array(self), offset, js_typed_array(source));
  return set_from_array_like(vm, self, offset, source);
}

/* {==== slice, subarray ====} */

// slice (§23.2.3.27).
static JSValue ta_slice(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue new_target) {
  uint64_t ulen;
  JSTypedArray *t = js_typed_array_validate(vm, self, PROTO "slice", &ulen);
  if (!t) return JS_EXCEPTION;
  double len = (double)ulen, start, end;
  if (!js_ta_relative(vm, js_arg(0), len, 0, &start) || !js_ta_relative(vm, js_arg(1), len, len, &end))
    return JS_EXCEPTION;
  // Step 13: the result is made before anything is copied; the species
  // constructor may shrink or detach this array (steps 14.a-d re-check).
  double count = end - start > 0 ? end - start : 0;
  JSValue arg = js_from_number(count);
  JSValue a = js_ta_species_create(vm, self, 1, &arg);
  if (js_is_exception(a) || count <= 0) return a;
  if (js_ta_out_of_bounds(t))
    return detached(vm, PROTO "slice");
  end = fmin(end, (double)js_ta_length(t));
  count = end - start > 0 ? end - start : 0;
  JSTypedArray *r = js_typed_array(a);
  if (r->kind == t->kind) {
    // A byte copy, front to back (the spec's loop: with overlapping
    // views of one buffer a forward copy repeats bytes, memmove doesn't).
    uint8_t *dst = js_ta_data(r), *src = js_ta_data(t) + ((uint64_t)start << t->shift);
    size_t n = (size_t)count << t->shift;
    if (dst > src && dst < src + n) {
      for (size_t i = 0; i < n; i++) dst[i] = src[i];
    } else {
      memmove(dst, src, n);
    }
    return a;
  }
  // Different types: element by element through Numbers (step 14.h).
  for (double k = start, n = 0; k < end; k++, n++) {
    JSValue v = js_typed_array_get(vm, js_obj(self), k);
    if (js_is_exception(v) || js_typed_array_set(vm, js_obj(a), n, v) < 0) return JS_EXCEPTION;
  }
  return a;
}

// subarray (§23.2.3.28): a species-made view of the same buffer.
static JSValue ta_subarray(JSVM *vm, JSValue self, int argc, JSValue *argv,
                           JSValue new_target) {
  if (!js_is_typed_array(self)) return js_throw_type_error(vm, "this is not a typed array.");
  // An out-of-bounds source counts as empty here (no throw: the species
  // constructor decides what to make of the arguments).
  JSTypedArray *t = js_typed_array(self);
  double len = (double)js_ta_length(t), start, end;
  if (!js_ta_relative(vm, js_arg(0), len, 0, &start)) return JS_EXCEPTION;
  double begin = (double)t->byte_offset + start * (1u << t->shift);
  // Step 13: a length-tracking source with no end gives a tracking view.
  JSValue args[3] = {t->buffer, js_from_number(begin), JS_UNDEFINED};
  if (t->tracking && js_is_undefined(js_arg(1)))
    return js_ta_species_create(vm, self, 2, args);
  if (!js_ta_relative(vm, js_arg(1), len, len, &end)) return JS_EXCEPTION;
  args[2] = js_from_number(end - start > 0 ? end - start : 0);
  return js_ta_species_create(vm, self, 3, args);
}

/* {==== Sorting ====} */

// The default order (§23.2.4.7 without comparefn): numeric, -0 before
// +0, NaN last.
static int default_compare(const void *pa, const void *pb) {
  double x = *(const double *)pa, y = *(const double *)pb;
  if (x != x) return y != y ? 0 : 1;
  if (y != y) return -1;
  if (x < y) return -1;
  if (x > y) return 1;
  if (x == 0 && y == 0) return signbit(x) && !signbit(y) ? -1 : (!signbit(x) && signbit(y));
  return 0;
}

// The default order of the BigInt kinds, on the elements' bits (read as
// int64_t for BigInt64, uint64_t for BigUint64).
static int compare_int64(const void *pa, const void *pb) {
  int64_t x, y;
  memcpy(&x, pa, 8);
  memcpy(&y, pb, 8);
  return (x > y) - (x < y);
}
static int compare_uint64(const void *pa, const void *pb) {
  uint64_t x, y;
  memcpy(&x, pa, 8);
  memcpy(&y, pb, 8);
  return (x > y) - (x < y);
}

// An element double of kind as the value comparefn receives: the Number,
// or for the BigInt kinds a BigInt made from the bits it carries.
static JSValue element_value(JSVM *vm, int kind, double x) {
  if (kind == JS_TA_BigInt64) return js_bigint_from_int64(vm, (int64_t)js_ta_bits(x));
  if (kind == JS_TA_BigUint64) return js_bigint_from_uint64(vm, js_ta_bits(x));
  return js_from_number(x);
}

// comparefn(x, y) as CompareTypedArrayElements uses it: its ToNumber,
// NaN as +0. False on exception.
static bool user_compare(JSVM *vm, JSValue fn, int kind, double x, double y, double *out) {
  JSValue args[2] = {element_value(vm, kind, x), element_value(vm, kind, y)};
  JSValue r = js_call(vm, fn, JS_UNDEFINED, 2, args);
  if (js_is_exception(r) || !js_to_number(vm, r, out)) return false;
  if (*out != *out) *out = 0;
  return true;
}

// Stable merge sort of a[0..n) with comparefn (tmp: n doubles).
static bool merge_sort(JSVM *vm, JSValue fn, int kind, double *a, double *tmp, size_t n) {
  for (size_t width = 1; width < n; width *= 2) {
    for (size_t lo = 0; lo < n; lo += 2 * width) {
      size_t mid = lo + width < n ? lo + width : n, hi = lo + 2 * width < n ? lo + 2 * width : n;
      size_t i = lo, j = mid, o = lo;
      while (i < mid && j < hi) {
        double c;
        if (!user_compare(vm, fn, kind, a[j], a[i], &c)) return false;
        // Take the right element only when strictly smaller: stable.
        tmp[o++] = c < 0 ? a[j++] : a[i++];
      }
      while (i < mid) tmp[o++] = a[i++];
      while (j < hi) tmp[o++] = a[j++];
    }
    memcpy(a, tmp, n * sizeof *a);
  }
  return true;
}

// SortIndexedProperties over t's first len elements into a malloc'd
// array (NULL on exception).
static double *sorted_values(JSVM *vm, JSTypedArray *t, uint64_t len, JSValue fn) {
  // Every value is read before the first comparison (SortIndexedProperties
  // step 3), so a comparator that resizes the buffer cannot change them.
  double *a = malloc((size_t)(len + 1) * sizeof *a), *tmp = NULL;
  if (!a) return js_throw_range_error(vm, "Array buffer allocation failed"), NULL;
  // BigInt kinds keep their elements' bits in the doubles (typedarray.h).
  bool big = js_ta_kind_is_bigint(t->kind);
  for (uint64_t k = 0; k < len; k++) a[k] = big ? js_ta_from_bits(load_bits(t, k)) : load_double(t, k);
  // Without a comparator nothing observable happens while sorting, and
  // equal values are indistinguishable: qsort's instability is harmless.
  if (js_is_undefined(fn)) {
    qsort(a, (size_t)len, sizeof *a,
          !big ? default_compare : t->kind == JS_TA_BigInt64 ? compare_int64 : compare_uint64);
    return a;
  }
  tmp = malloc((size_t)(len + 1) * sizeof *a);
  if (!tmp || !merge_sort(vm, fn, t->kind, a, tmp, (size_t)len)) {
    if (!tmp) js_throw_range_error(vm, "Array buffer allocation failed");
    free(a);
    free(tmp);
    return NULL;
  }
  free(tmp);
  return a;
}

// sort (magic 0, §23.2.3.29) and toSorted (magic 1, §23.2.3.33).
static JSValue ta_sort(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue new_target) {
  bool copy = js_native_magic(vm);
  JSValue fn = js_arg(0);
  if (!js_is_undefined(fn) && !js_is_callable(fn))
    return js_throw_type_error(vm, "The comparison function must be either a function or undefined");
  uint64_t len;
  JSTypedArray *t = js_typed_array_validate(vm, self, copy ? PROTO "toSorted" : PROTO "sort", &len);
  if (!t) return JS_EXCEPTION;
  JSValue target = self;
  if (copy && js_is_exception(target = js_ta_create_same_type(vm, self, len))) return target;
  double *a = sorted_values(vm, t, len, fn);
  if (!a) return JS_EXCEPTION;
  // Write back through the current length: a comparator may have shrunk
  // the buffer (the spec's Set then does nothing past the end).
  JSTypedArray *r = js_typed_array(target);
  uint64_t cur = js_ta_length(r), n = cur < len ? cur : len;
  for (uint64_t k = 0; k < n; k++) js_ta_store(r->kind, js_ta_data(r) + (k << r->shift), a[k]);
  free(a);
  return target;
}

/* {==== Copying: toReversed, with ====} */

// toReversed (§23.2.3.32).
static JSValue ta_to_reversed(JSVM *vm, JSValue self, int argc, JSValue *argv,
                              JSValue new_target) {
  uint64_t len;
  JSTypedArray *t = js_typed_array_validate(vm, self, PROTO "toReversed", &len);
  if (!t) return JS_EXCEPTION;
  JSValue a = js_ta_create_same_type(vm, self, len);
  if (js_is_exception(a)) return a;
  // A is fresh and O untouched since validation: whole elements move.
  uint32_t size = 1u << t->shift;
  uint8_t *dst = js_ta_data(js_typed_array(a));
  const uint8_t *src = js_ta_data(t);
  for (uint64_t k = 0; k < len; k++) memcpy(dst + k * size, src + (len - 1 - k) * size, size);
  return a;
}

// with (§23.2.3.36).
static JSValue ta_with(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue new_target) {
  uint64_t len;
  JSTypedArray *t = js_typed_array_validate(vm, self, PROTO "with", &len);
  if (!t) return JS_EXCEPTION;
  double rel, num;
  if (!js_to_integer_or_infinity(vm, js_arg(0), &rel)) return JS_EXCEPTION;
  // The value converts before the index is checked (steps 6-8), against
  // the array as the conversion left it.
  double index = rel >= 0 ? rel : (double)len + rel;
  if (!js_ta_to_element(vm, t->kind, js_arg(1), &num)) return JS_EXCEPTION;
  if (!js_typed_array_valid_index(&t->base, index)) return js_throw_range_error(vm, "Invalid typed array index");
  JSValue a = js_ta_create_same_type(vm, self, len);
  if (js_is_exception(a)) return a;
  JSTypedArray *r = js_typed_array(a);
  // The value's conversion may have shrunk the source: Get of a lost
  // index is undefined, whose ToNumber is NaN. (For the BigInt kinds the
  // spec's `! Set` cannot fail, yet ToBigInt(undefined) would: 0n.)
  uint64_t cur = js_ta_length(t);
  for (uint64_t k = 0; k < len; k++) {
    uint8_t *p = js_ta_data(r) + (k << r->shift);
    if ((double)k == index) js_ta_store(r->kind, p, num);
    else if (k < cur) memcpy(p, js_ta_data(t) + (k << t->shift), 1u << t->shift);
    else js_ta_store(r->kind, p, js_ta_kind_is_bigint(r->kind) ? 0.0 : NAN);
  }
  return a;
}

/* {==== Installation ====} */

// %TypedArray.prototype%'s properties, in the spec's order (§23.2.3);
// the getters share one native told apart by magic.
void js_typedarray_install_proto(JSVM *vm, JSValue proto) {
  static const char *const getters[] = {"buffer", "byteLength", "byteOffset", "length"};
  for (int i = 0; i < 4; i++) {
    js_def_getter(vm, proto, getters[i], ta_getter, NULL);
    JSPropDesc d;
    js_get_own_property(vm, proto, js_to_property_key(vm, js_atom(vm, getters[i])), &d);
    js_fn(d.get)->shared->magic = i;
  }
  js_def_getter_key(vm, proto, vm->symbol[JS_SYMBOL_toStringTag], "[Symbol.toStringTag]",
                    ta_to_string_tag, NULL);
  js_def_method(vm, proto, "at", ta_at, 1);
  js_def_method(vm, proto, "copyWithin", ta_copy_within, 2);
  js_def_method_magic(vm, proto, "entries", ta_iterator, 0, JS_ITER_KIND_ENTRIES);
  js_def_method_magic(vm, proto, "every", ta_callback, 1, CB_EVERY);
  js_def_method(vm, proto, "fill", ta_fill, 1);
  js_def_method_magic(vm, proto, "filter", ta_callback, 1, CB_FILTER);
  js_def_method_magic(vm, proto, "find", ta_callback, 1, CB_FIND);
  js_def_method_magic(vm, proto, "findIndex", ta_callback, 1, CB_FIND_INDEX);
  js_def_method_magic(vm, proto, "findLast", ta_callback, 1, CB_FIND_LAST);
  js_def_method_magic(vm, proto, "findLastIndex", ta_callback, 1, CB_FIND_LAST_INDEX);
  js_def_method_magic(vm, proto, "forEach", ta_callback, 1, CB_FOR_EACH);
  js_def_method_magic(vm, proto, "includes", ta_search, 1, S_INCLUDES);
  js_def_method_magic(vm, proto, "indexOf", ta_search, 1, S_INDEX_OF);
  js_def_method(vm, proto, "join", ta_join, 1);
  js_def_method_magic(vm, proto, "keys", ta_iterator, 0, JS_ITER_KIND_KEYS);
  js_def_method_magic(vm, proto, "lastIndexOf", ta_search, 1, S_LAST_INDEX_OF);
  js_def_method_magic(vm, proto, "map", ta_callback, 1, CB_MAP);
  js_def_method_magic(vm, proto, "reduce", ta_reduce, 1, 0);
  js_def_method_magic(vm, proto, "reduceRight", ta_reduce, 1, 1);
  js_def_method(vm, proto, "reverse", ta_reverse, 0);
  js_def_method(vm, proto, "set", ta_set, 1);
  js_def_method(vm, proto, "slice", ta_slice, 2);
  js_def_method_magic(vm, proto, "some", ta_callback, 1, CB_SOME);
  js_def_method_magic(vm, proto, "sort", ta_sort, 1, 0);
  js_def_method(vm, proto, "subarray", ta_subarray, 2);
  js_def_method(vm, proto, "toLocaleString", ta_to_locale_string, 0);
  js_def_method(vm, proto, "toReversed", ta_to_reversed, 0);
  js_def_method_magic(vm, proto, "toSorted", ta_sort, 1, 1);
  // toString is Array.prototype.toString itself (§23.2.3.34).
  JSValue to_string = js_get(vm, js_intrinsic(vm, ArrayPrototype), vm->atom[JS_ATOM_toString]);
  js_define_value(vm, proto, vm->atom[JS_ATOM_toString], to_string, JS_ATTR_METHOD);
  JSValue values = js_def_method_magic(vm, proto, "values", ta_iterator, 0, JS_ITER_KIND_VALUES);
  js_define_value(vm, proto, vm->symbol[JS_SYMBOL_iterator], values, JS_ATTR_METHOD);
  js_def_method_magic(vm, proto, "with", ta_with, 2, 0);
}
