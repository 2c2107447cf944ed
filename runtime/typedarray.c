/*
 * runtime/typedarray.c — the object-model side of ArrayBuffers and their
 * views (see runtime/typedarray.h): backing-store allocation, resizing,
 * detaching; element conversions (GetValueFromBuffer / SetValueInBuffer,
 * binary16); CanonicalNumericIndexString; and the integer-indexed exotic
 * object internal methods (ECMA-262 2024 §10.4.5) that runtime/object.c
 * calls for typed arrays.
 *
 * Invariants (besides the header's): a block is calloc'd with at least
 * one byte, so `data` is never NULL for a live buffer and memcpy/memmove
 * never see NULL; bytes past byte_length up to capacity are zero.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/bigint.h"
#include "runtime/builtins_typedarray.h"
#include "runtime/numconv.h"
#include "runtime/shared_memory.h"

const char *const js_ta_class_name[TC_COUNT] = {
#define JS_TA_NAME(name, ctype, shift) #name "Array",
    JS_TYPED_ARRAY_KINDS(JS_TA_NAME)
#undef JS_TA_NAME
    "DataView", "ArrayBuffer", "SharedArrayBuffer"};

/* {==== binary16 ====} */

double js_float16_to_double(uint16_t h) {
  int e = (h >> 10) & 0x1F;
  int m = h & 0x3FF;
  double v;
  // Subnormals are m * 2^-24; normals (1024 + m) * 2^(e - 25).
  if (e == 0) v = ldexp(m, -24);
  else if (e == 31) v = m ? NAN : INFINITY;
  else v = ldexp(m + 1024, e - 25);
  return (h & 0x8000) ? -v : v;
}

uint16_t js_double_to_float16(double d) {
  if (d != d) return 0x7E00;
  uint16_t sign = signbit(d) ? 0x8000 : 0;
  double a = fabs(d);
  // 65520 is halfway between the largest half (65504, odd significand)
  // and 2^16: ties go to even, which is the overflow to infinity.
  if (a >= 65520.0) return sign | 0x7C00;
  if (a < 0x1p-14) {
    // Subnormal: a multiple of 2^-24; rint rounds half to even (the
    // default rounding mode), and 1024 encodes the smallest normal.
    return sign | (uint16_t)rint(a * 0x1p24);
  }
  int e;
  frexp(a, &e);  // a = f * 2^e, f in [0.5, 1): the unbiased exponent is e - 1
  int exp = e - 1;
  uint32_t mant = (uint32_t)rint(ldexp(a, 10 - exp));  // in [1024, 2048]
  if (mant == 2048) {
    mant = 1024;
    exp++;
  }
  if (exp > 15) return sign | 0x7C00;
  return sign | (uint16_t)((exp + 15) << 10) | (uint16_t)(mant - 1024);
}

/* {==== Element conversions ====} */

// ToUint8Clamp (§7.1.12): clamp, then round half to even.
static uint8_t to_uint8_clamp(double d) {
  if (!(d > 0)) return 0;  // NaN too
  if (d >= 255) return 255;
  return (uint8_t)rint(d);
}

JSValue js_ta_load(JSVM *vm, int kind, const uint8_t *p) {
  // GetValueFromBuffer's RawBytesToNumeric in the host's byte order.
  // memcpy, not a cast: DataView reads at any alignment. Integers up to
  // 32 bits come back int32-tagged where they fit (Uint32 above 2^31-1
  // becomes a double), floats as doubles (NaNs canonicalized).
  switch ((JSTAKind)kind) {
    case JS_TA_Int8: return js_from_int32((int8_t)*p);
    case JS_TA_Uint8:
    case JS_TA_Uint8Clamped: return js_from_int32(*p);
    case JS_TA_Int16: { int16_t x; memcpy(&x, p, 2); return js_from_int32(x); }
    case JS_TA_Uint16: { uint16_t x; memcpy(&x, p, 2); return js_from_int32(x); }
    case JS_TA_Int32: { int32_t x; memcpy(&x, p, 4); return js_from_int32(x); }
    case JS_TA_Uint32: { uint32_t x; memcpy(&x, p, 4); return js_from_number(x); }
    case JS_TA_Float16: { uint16_t x; memcpy(&x, p, 2); return js_from_double(js_float16_to_double(x)); }
    case JS_TA_Float32: { float x; memcpy(&x, p, 4); return js_from_double(x); }
    case JS_TA_Float64: { double x; memcpy(&x, p, 8); return js_from_double(x); }
    // The BigInt kinds read the same 64 bits signed or unsigned.
    case JS_TA_BigInt64: { int64_t x; memcpy(&x, p, 8); return js_bigint_from_int64(vm, x); }
    case JS_TA_BigUint64: { uint64_t x; memcpy(&x, p, 8); return js_bigint_from_uint64(vm, x); }
    case JS_TA_DataView: break;
  }
  return JS_UNDEFINED;  // a DataView has no elements of its own
}

void js_ta_store(int kind, uint8_t *p, double v) {
  // The integer kinds are ToInt8 .. ToUint32: the value modulo 2^32 (what
  // js_double_to_int32 computes), then its low bits.
  switch ((JSTAKind)kind) {
    case JS_TA_Int8:
    case JS_TA_Uint8: *p = (uint8_t)js_double_to_int32(v); return;
    case JS_TA_Uint8Clamped: *p = to_uint8_clamp(v); return;
    case JS_TA_Int16:
    case JS_TA_Uint16: { uint16_t x = (uint16_t)js_double_to_int32(v); memcpy(p, &x, 2); return; }
    case JS_TA_Int32:
    case JS_TA_Uint32: { uint32_t x = (uint32_t)js_double_to_int32(v); memcpy(p, &x, 4); return; }
    case JS_TA_Float16: { uint16_t x = js_double_to_float16(v); memcpy(p, &x, 2); return; }
    case JS_TA_Float32: {
      // NaN is stored as the canonical quiet NaN (any NaN is allowed).
      float x = v != v ? NAN : (float)v;
      memcpy(p, &x, 4);
      return;
    }
    case JS_TA_Float64: { double x = v != v ? NAN : v; memcpy(p, &x, 8); return; }
    // v carries the element's bits (typedarray.h): copied as they are.
    case JS_TA_BigInt64:
    case JS_TA_BigUint64: memcpy(p, &v, 8); return;
    case JS_TA_DataView: return;
  }
}

bool js_ta_to_element(JSVM *vm, int kind, JSValue v, double *out) {
  if (!js_ta_kind_is_bigint(kind)) return js_to_number(vm, v, out);
  // ToBigInt64 / ToBigUint64 (§7.1.15-16): ToBigInt, then modulo 2^64;
  // both kinds store the same low 64 bits.
  JSValue b = js_to_bigint(vm, v);
  if (js_is_exception(b)) return false;
  *out = js_ta_from_bits(js_bigint_to_uint64(b));
  return true;
}

/* {==== Buffers ====} */

// A zeroed block of len bytes (at least one), or NULL after RangeError.
static uint8_t *alloc_block(JSVM *vm, uint64_t len) {
  uint8_t *p = len > JS_ARRAY_BUFFER_MAX_LENGTH ? NULL : calloc(1, len ? (size_t)len : 1);
  if (!p) js_throw_range_error(vm, "Array buffer allocation failed");
  return p;
}

JSValue js_ab_create(JSVM *vm, int cls, JSValue proto, uint64_t len, bool resizable,
                     uint64_t max) {
  // The block is checked after the object exists (the spec's order:
  // OrdinaryCreateFromConstructor, then CreateByteDataBlock), but no
  // user code runs in between, so allocating it first is the same.
  if (resizable && max > JS_ARRAY_BUFFER_MAX_LENGTH)
    return js_throw_range_error(vm, "Array buffer allocation failed");
  // A SharedArrayBuffer's block comes from the process-shared arena when
  // there is one (runtime/shared_memory.h: agents are processes), at its
  // maximum length so that it never moves.
  uint64_t cap = resizable ? max : len;
  uint8_t *data = cls == TC_SHARED_ARRAY_BUFFER ? js_shm_alloc(cap) : NULL;
  if (!data) data = alloc_block(vm, cap = len);
  if (!data) return JS_EXCEPTION;
  JSArrayBuffer *b = (JSArrayBuffer *)js_ta_new_object(vm, cls, proto);
  b->data = data;
  b->byte_length = len;
  b->capacity = cap;
  if (js_shm_owns(data)) js_shm_track_buffer(b);
  else js_gc_track_buffer(b);
  b->max_byte_length = resizable ? max : len;
  b->flags = (cls == TC_SHARED_ARRAY_BUFFER ? JS_AB_SHARED : 0) |
             (resizable ? JS_AB_RESIZABLE : 0);
  return js_val(b);
}

JSValue js_new_array_buffer(JSVM *vm, uint64_t len) {
  // %ArrayBuffer.prototype%: what AllocateArrayBuffer(%ArrayBuffer%) uses.
  JSValue proto = js_ta_internals(vm)[TI_PROTO + TC_ARRAY_BUFFER];
  return js_ab_create(vm, TC_ARRAY_BUFFER, proto, len, false, 0);
}

bool js_ab_resize(JSVM *vm, JSArrayBuffer *b, uint64_t len) {
  if (len > b->capacity) {
    // Grow the block; the new tail must read as zero.
    uint8_t *p = realloc(b->data, (size_t)len);
    if (!p) {
      js_throw_range_error(vm, "Array buffer allocation failed");
      return false;
    }
    memset(p + b->capacity, 0, (size_t)(len - b->capacity));
    b->data = p;
    b->capacity = len;
  } else if (len < b->byte_length) {
    // Shrinking keeps the block; clearing the cut-off bytes now keeps the
    // "zero past byte_length" invariant for a later regrow.
    memset(b->data + len, 0, (size_t)(b->byte_length - len));
  }
  b->byte_length = len;
  return true;
}

bool js_ab_steal(JSVM *vm, JSArrayBuffer *b, JSArrayBuffer *to) {
  // ArrayBufferCopyAndDetach's copy without copying: the source is
  // detached right after, so its block can simply change owner. Growing
  // reallocates (new bytes zeroed); shrinking clears the cut-off tail so
  // that a resizable result may grow into zeros later.
  uint64_t len = to->byte_length;
  uint8_t *p = b->data;
  if (len > b->capacity) {
    p = realloc(p, (size_t)len);
    if (!p) {
      js_throw_range_error(vm, "Array buffer allocation failed");
      return false;
    }
    memset(p + b->capacity, 0, (size_t)(len - b->capacity));
    b->capacity = len;
  } else if (len < b->byte_length) {
    memset(p + len, 0, (size_t)(b->byte_length - len));
  }
  // to was allocated with a block of its own: swap it in for b's.
  free(to->data);
  to->data = p;
  to->capacity = b->capacity;
  b->data = NULL;
  b->byte_length = b->capacity = 0;
  b->flags |= JS_AB_DETACHED;
  return true;
}

bool js_array_buffer_detach(JSVM *vm, JSValue buffer) {
  // SharedArrayBuffers can never be detached (§25.1.3.5 step 1).
  if (!js_is_array_buffer(buffer) || (js_array_buffer(buffer)->flags & JS_AB_SHARED)) {
    js_throw_type_error(vm, "Only ArrayBuffers can be detached");
    return false;
  }
  JSArrayBuffer *b = js_array_buffer(buffer);
  // DetachArrayBuffer: [[ArrayBufferData]] null, byte length 0. Nothing
  // else holds the block, so it goes now.
  free(b->data);
  b->data = NULL;
  b->byte_length = b->capacity = 0;
  b->flags |= JS_AB_DETACHED;
  return true;
}

/* {==== Objects ====} */

JSValue js_ta_proto_from_ctor(JSVM *vm, JSValue new_target, int cls) {
  // GetPrototypeFromConstructor: a non-object prototype falls back to the
  // intrinsic of new_target's realm (GetFunctionRealm).
  if (!js_is_object(new_target)) return js_ta_internals(vm)[TI_PROTO + cls];
  JSValue p = js_get(vm, new_target, vm->atom[JS_ATOM_prototype]);
  if (js_is_exception(p) || js_is_object(p)) return p;
  JSRealm *r = js_function_realm(vm, new_target);
  if (!r) return JS_EXCEPTION;
  JSValue internals = r->intrinsic[JS_INTRINSIC_TypedArrayInternals];
  return ((JSArrayStore *)js_heap(internals))->v[TI_PROTO + cls];
}

// The instance size of a class's objects.
static uint32_t class_size(int cls) {
  return cls >= TC_ARRAY_BUFFER ? (uint32_t)sizeof(JSArrayBuffer) : (uint32_t)sizeof(JSTypedArray);
}

JSObject *js_ta_new_object(JSVM *vm, int cls, JSValue proto) {
  // Instances with the intrinsic prototype share the class's map, so the
  // interpreter's inline caches see one map per kind.
  JSValue *in = js_ta_internals(vm);
  JSArrayStore *st = js_heap(js_intrinsic(vm, TypedArrayInternals));
  JSMap *map = js_heap(in[TI_MAP + cls]);
  if (proto.bits != map->proto.bits) {
    // A subclass instance: reuse the map made for the last subclass.
    if (in[TI_SUB_PROTO + cls].bits == proto.bits) {
      map = js_heap(in[TI_SUB_MAP + cls]);
    } else {
      JSType type = cls >= TC_ARRAY_BUFFER ? JS_TYPE_ArrayBuffer : JS_TYPE_TypedArray;
      map = js_new_map(vm, type, proto, class_size(cls), 2);
      ORI_STORE_SLOT(st, &st->v[TI_SUB_PROTO + cls], proto);
      ORI_STORE_SLOT(st, &st->v[TI_SUB_MAP + cls], js_val(map));
    }
  }
  JSObject *o = js_new_object_of(vm, map);
  if (cls < TC_ARRAY_BUFFER) ((JSTypedArray *)o)->buffer = JS_UNDEFINED;  // fresh: raw
  return o;
}

void js_ta_init_view(JSTypedArray *t, int kind, JSValue buffer, uint64_t byte_offset,
                     uint64_t length, bool tracking) {
  // A DataView counts bytes: its "length" is its byte length (shift 0).
  uint32_t shift = kind == JS_TA_DataView ? 0 : (uint32_t)__builtin_ctz(js_ta_element_size(kind));
  ORI_STORE(t, buffer, buffer);
  t->kind = (uint8_t)kind;
  t->shift = (uint8_t)shift;
  t->tracking = tracking;
  t->byte_offset = byte_offset;
  t->length = tracking ? 0 : length;
  t->byte_length = tracking ? 0 : length << shift;
}

JSValue js_new_typed_array(JSVM *vm, JSTAKind kind, uint64_t length) {
  // The length check first: length * size must not wrap around.
  uint64_t bytes = length * js_ta_element_size(kind);
  if (length > JS_ARRAY_BUFFER_MAX_LENGTH) return js_throw_range_error(vm, "Array buffer allocation failed");
  JSValue buf = js_new_array_buffer(vm, bytes);
  if (js_is_exception(buf)) return buf;
  JSObject *o = js_ta_new_object(vm, kind, js_ta_internals(vm)[TI_PROTO + kind]);
  js_ta_init_view((JSTypedArray *)o, kind, buf, 0, length, false);
  return js_val(o);
}

bool js_ta_to_index(JSVM *vm, JSValue v, const char *msg, double *out) {
  // ToIndex (§7.1.22): undefined is 0, then an integer in 0..2^53-1.
  double d = 0;
  if (!js_is_undefined(v) && !js_to_integer_or_infinity(vm, v, &d)) return false;
  if (d < 0 || d > 9007199254740991.0) {
    char buf[JS_DTOA_BUFSIZE];
    double x;
    // The message shows the argument as a number, as V8 does.
    if (!js_to_number(vm, v, &x)) return false;
    js_dtoa(x, buf);
    js_throw_range_error(vm, msg, buf);
    return false;
  }
  *out = d;
  return true;
}

JSTypedArray *js_typed_array_validate(JSVM *vm, JSValue v, const char *method,
                                      uint64_t *len) {
  // ValidateTypedArray (§23.2.4.4): RequireInternalSlot, then the witness
  // record's out-of-bounds test (which covers a detached buffer).
  if (!js_is_typed_array(v)) {
    js_throw_type_error(vm, "this is not a typed array.");
    return NULL;
  }
  JSTypedArray *t = js_typed_array(v);
  if (js_ta_out_of_bounds(t)) {
    bool detached = js_array_buffer(t->buffer)->flags & JS_AB_DETACHED;
    js_throw_type_error(vm, "Cannot perform %s on %s", method,
                        detached ? "a detached ArrayBuffer" : "an out of bounds TypedArray");
    return NULL;
  }
  *len = js_ta_length(t);
  return t;
}

/* {==== Integer-indexed exotic objects ====} */

// CanonicalNumericIndexString (§7.1.21) of a string key: "-0", or a
// string that ToString(ToNumber(s)) gives back unchanged. Such strings
// are short ASCII starting with a digit, '-', 'I'(nfinity) or 'N'(aN).
static bool canonical_numeric(JSVM *vm, JSValue key, double *out) {
  JSString *s = js_string_flat(vm, js_str(key));
  uint32_t n = s->length;
  if (n == 0 || n >= JS_DTOA_BUFSIZE) return false;
  uint16_t c0 = js_flat_char(s, 0);
  if (!((c0 >= '0' && c0 <= '9') || c0 == '-' || c0 == 'I' || c0 == 'N')) return false;
  uint8_t text[JS_DTOA_BUFSIZE];
  for (uint32_t i = 0; i < n; i++) {
    uint16_t c = js_flat_char(s, i);
    if (c > 0x7F) return false;
    text[i] = (uint8_t)c;
  }
  // "-0" is the one canonical string ToString does not give back.
  if (n == 2 && text[0] == '-' && text[1] == '0') {
    *out = -0.0;
    return true;
  }
  // Round trip: "1.50", "1e3", " 1" and "0x1" are numbers, but not
  // canonical ones (ordinary property names); "1.5", "-1", "NaN" are.
  double d = js_string_to_number_latin1(text, n);
  char back[JS_DTOA_BUFSIZE];
  int m = js_dtoa(d, back);
  if ((uint32_t)m != n || memcmp(back, text, n) != 0) return false;
  *out = d;
  return true;
}

bool js_typed_array_key(JSVM *vm, const JSObject *o, JSValue key, double *index) {
  // DataViews share the type but are ordinary objects.
  if (((const JSTypedArray *)o)->kind == JS_TA_DataView) return false;
  // Array indices arrive as numbers; every other canonical numeric
  // string as an interned string; symbols never are numeric.
  uint32_t i;
  if (js_key_is_index(key, &i)) {
    *index = i;
    return true;
  }
  return js_is_string(key) && canonical_numeric(vm, key, index);
}

bool js_typed_array_valid_index(const JSObject *o, double index) {
  const JSTypedArray *t = (const JSTypedArray *)o;
  // Not an integer (NaN, ±Infinity, 1.5), or -0: never an element.
  if (!(index >= 0) || index != floor(index) || (index == 0 && signbit(index))) return false;
  // js_ta_length is 0 for a detached or out-of-bounds array.
  return index < (double)js_ta_length(t);
}

// The address of valid element index of t.
static uint8_t *element_at(const JSTypedArray *t, double index) {
  return js_ta_data(t) + ((uint64_t)index << t->shift);
}

JSValue js_typed_array_get(JSVM *vm, JSObject *o, double index) {
  // TypedArrayGetElement (§10.4.5.15): no prototype lookup, ever.
  if (!js_typed_array_valid_index(o, index)) return JS_UNDEFINED;
  const JSTypedArray *t = (const JSTypedArray *)o;
  return js_ta_load(vm, t->kind, element_at(t, index));
}

int js_typed_array_set(JSVM *vm, JSObject *o, double index, JSValue v) {
  JSTypedArray *t = (JSTypedArray *)o;
  double num;
  // The conversion may run user code that detaches or shrinks the
  // buffer: validity is decided afterwards (§10.4.5.16).
  if (!js_ta_to_element(vm, t->kind, v, &num)) return -1;
  if (js_typed_array_valid_index(o, index)) js_ta_store(t->kind, element_at(t, index), num);
  return 1;
}

int js_typed_array_get_own(JSVM *vm, JSObject *o, double index, JSPropDesc *d) {
  // §10.4.5.1: an element is a plain data property while it exists.
  if (!js_typed_array_valid_index(o, index)) return 0;
  JSValue v = js_typed_array_get(vm, o, index);
  if (js_is_exception(v)) return -1;
  memset(d, 0, sizeof *d);
  d->value = v;
  d->attrs = JS_ATTR_DEFAULT;
  d->has_value = d->has_writable = d->has_enumerable = d->has_configurable = true;
  return 1;
}

int js_typed_array_define_own(JSVM *vm, JSObject *o, double index, const JSPropDesc *d) {
  // §10.4.5.3: only a writable, enumerable, configurable data element of
  // a valid index can be (re)defined; its value goes through the store.
  if (!js_typed_array_valid_index(o, index)) return 0;
  if (d->has_configurable && !(d->attrs & JS_ATTR_CONFIGURABLE)) return 0;
  if (d->has_enumerable && !(d->attrs & JS_ATTR_ENUMERABLE)) return 0;
  if (d->has_get || d->has_set) return 0;
  if (d->has_writable && !(d->attrs & JS_ATTR_WRITABLE)) return 0;
  if (d->has_value && js_typed_array_set(vm, o, index, d->value) < 0) return -1;
  return 1;
}

JSArrayStore *js_typed_array_keys(JSVM *vm, JSObject *o, JSArrayStore *out) {
  // §10.4.5.7 step 3: the indices of the current length, ascending (the
  // array's own string and symbol keys follow, added by object.c).
  const JSTypedArray *t = (const JSTypedArray *)o;
  if (t->kind == JS_TA_DataView) return out;
  uint64_t len = js_ta_length(t);
  for (uint64_t i = 0; i < len; i++) out = js_store_push(vm, out, js_index_key((uint32_t)i));
  return out;
}

bool js_typed_array_iter_length(JSVM *vm, JSValue ta, double *len) {
  // The iterator re-validates at every step (§23.1.5.1), unlike Get.
  uint64_t n;
  if (!js_typed_array_validate(vm, ta, "%ArrayIteratorPrototype%.next", &n)) return false;
  *len = (double)n;
  return true;
}

/* {==== Helpers of the builtins ====} */

// The name of the first data property "constructor" on v's chain when it
// is a function with a non-empty string name (no getter ever runs).
static JSValue constructor_name(JSVM *vm, JSValue v) {
  for (JSValue p = v; js_is_object(p); p = js_obj(p)->map->proto) {
    JSPropDesc d;
    if (js_get_own_property(vm, p, vm->atom[JS_ATOM_constructor], &d) != 1) continue;
    if (!d.has_value || !js_is_function(d.value)) break;
    JSPropDesc n;
    if (js_get_own_property(vm, d.value, vm->atom[JS_ATOM_name], &n) == 1 && n.has_value &&
        js_is_string(n.value) && js_string_length(n.value) > 0)
      return n.value;
    break;
  }
  return js_atom(vm, "Object");
}

char *js_ta_describe(JSVM *vm, JSValue v) {
  if (js_is_symbol(v)) return strdup("Symbol()");
  if (!js_is_object(v)) {
    JSValue s = js_to_string(vm, v);
    return js_is_exception(s) ? NULL : js_string_utf8(vm, s, NULL);
  }
  char *name = js_string_utf8(vm, constructor_name(vm, v), NULL);
  size_t n = strlen(name) + 4;
  char *out = malloc(n);
  snprintf(out, n, "#<%s>", name);
  free(name);
  return out;
}

JSValue js_ta_incompatible(JSVM *vm, const char *method, JSValue v) {
  char *what = js_ta_describe(vm, v);
  if (!what) return JS_EXCEPTION;
  js_throw_type_error(vm, "Method %s called on incompatible receiver %s", method, what);
  free(what);
  return JS_EXCEPTION;
}

bool js_ta_relative(JSVM *vm, JSValue v, double len, double dflt, double *out) {
  double d;
  if (js_is_undefined(v)) {
    *out = dflt;
    return true;
  }
  if (!js_to_integer_or_infinity(vm, v, &d)) return false;
  *out = d < 0 ? (d + len < 0 ? 0 : d + len) : (d > len ? len : d);
  return true;
}

bool js_ta_same_bits(int src, int dst) {
  if (src == dst) return true;
  // Clamping changes negative bytes; floats never share integer bits.
  bool src_int = src <= JS_TA_BigUint64, dst_int = dst <= JS_TA_BigUint64 && dst != JS_TA_Uint8Clamped;
  if (dst == JS_TA_Uint8Clamped) return src == JS_TA_Uint8;
  // ToIntN / ToUintN of an integer of the same width keep its bits; that
  // includes BigInt64 <-> BigUint64 (the content types match).
  return src_int && dst_int && js_ta_element_size(src) == js_ta_element_size(dst);
}
