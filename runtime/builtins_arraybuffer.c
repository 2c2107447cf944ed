/*
 * runtime/builtins_arraybuffer.c — ArrayBuffer (ECMA-262 2024 §25.1, with
 * resizable buffers, transfer and transferToFixedLength), SharedArrayBuffer
 * (§25.2, growable ones included; there is one agent, so "shared" only
 * changes which methods accept the object) and DataView (§25.3, with the
 * Float16 accessors of ES2025).
 *
 * Invariants: every method re-reads a buffer's length and data after any
 * call that can run user code (ToIndex, SpeciesConstructor, Construct),
 * since such code may detach or resize it; checks follow the spec's
 * order step by step, because test262 observes it.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/builtins_typedarray.h"

static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__,
              "typed arrays store elements little-endian (the host order)");

/* {==== Receivers ====} */

// RequireInternalSlot(v, [[ArrayBufferData]]) plus the IsSharedArrayBuffer
// test every method makes: shared says which of the two it wants.
static JSArrayBuffer *this_buffer(JSVM *vm, JSValue v, bool shared, const char *method) {
  if (js_is_array_buffer(v) && !(js_array_buffer(v)->flags & JS_AB_SHARED) == !shared)
    return js_array_buffer(v);
  js_ta_incompatible(vm, method, v);
  return NULL;
}

// GetArrayBufferMaxByteLengthOption (§25.1.3.7): 1 with *max, 0 when
// absent, -1 on exception.
static int max_length_option(JSVM *vm, JSValue options, double *max) {
  if (!js_is_object(options)) return 0;
  JSValue v = js_get_str(vm, options, "maxByteLength");
  if (js_is_exception(v)) return -1;
  if (js_is_undefined(v)) return 0;
  return js_ta_to_index(vm, v, "Invalid array buffer max length%.0s", max) ? 1 : -1;
}

// The constructors of both buffer kinds (§25.1.4.1, §25.2.3.1).
static JSValue buffer_ctor(JSVM *vm, JSValue self, int argc, JSValue *argv,
                           JSValue new_target) {
  int cls = js_native_magic(vm);
  if (js_is_undefined(new_target))
    return js_throw_type_error(vm, "Constructor %s requires 'new'", js_ta_class_name[cls]);
  double len, max = 0;
  if (!js_ta_to_index(vm, js_arg(0), "Invalid array buffer length%.0s", &len)) return JS_EXCEPTION;
  int has_max = max_length_option(vm, js_arg(1), &max);
  if (has_max < 0) return JS_EXCEPTION;
  // AllocateArrayBuffer step 2: before the prototype is read.
  if (has_max && len > max) return js_throw_range_error(vm, "Invalid array buffer max length");
  JSValue proto = js_ta_proto_from_ctor(vm, new_target, cls);
  if (js_is_exception(proto)) return proto;
  return js_ab_create(vm, cls, proto, (uint64_t)len, has_max, (uint64_t)max);
}

// ArrayBuffer.isView (§25.1.5.1): typed arrays and DataViews.
static JSValue array_buffer_is_view(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                    JSValue new_target) {
  return js_from_bool(js_is_type(js_arg(0), JS_TYPE_TypedArray));
}

// get ArrayBuffer[@@species] and friends: the this value.
static JSValue get_species(JSVM *vm, JSValue self, int argc, JSValue *argv,
                           JSValue new_target) {
  return self;
}

/* {==== Accessors ====} */

// The getters of both prototypes share one function; magic selects the
// answer and whether the receiver must be shared.
enum { G_BYTE_LENGTH, G_MAX_BYTE_LENGTH, G_RESIZABLE, G_DETACHED, G_SHARED = 8 };

static JSValue buffer_getter(JSVM *vm, JSValue self, int argc, JSValue *argv,
                             JSValue new_target) {
  static const char *const names[2][4] = {
      {"get ArrayBuffer.prototype.byteLength", "get ArrayBuffer.prototype.maxByteLength",
       "get ArrayBuffer.prototype.resizable", "get ArrayBuffer.prototype.detached"},
      {"get SharedArrayBuffer.prototype.byteLength", "get SharedArrayBuffer.prototype.maxByteLength",
       "get SharedArrayBuffer.prototype.growable", "?"}};
  int magic = js_native_magic(vm);
  bool shared = magic & G_SHARED;
  int what = magic & 7;
  JSArrayBuffer *b = this_buffer(vm, self, shared, names[shared][what]);
  if (!b) return JS_EXCEPTION;
  // byteLength of a detached buffer is 0 (it is stored as 0); a fixed
  // buffer's maxByteLength is its byteLength (§25.1.6.4).
  bool resizable = b->flags & JS_AB_RESIZABLE;
  switch (what) {
    case G_BYTE_LENGTH: return js_from_number((double)b->byte_length);
    case G_MAX_BYTE_LENGTH:
      // A detached buffer reads 0 (byte_length is 0 then).
      if (b->flags & JS_AB_DETACHED) return js_from_int32(0);
      return js_from_number((double)(resizable ? b->max_byte_length : b->byte_length));
    case G_RESIZABLE: return js_from_bool(resizable);
    default: return js_from_bool(b->flags & JS_AB_DETACHED);
  }
}

/* {==== Resizing ====} */

// ArrayBuffer.prototype.resize (§25.1.6.6) and SharedArrayBuffer's grow
// (§25.2.5.3, magic 1: shared, and it may not shrink).
static JSValue buffer_resize(JSVM *vm, JSValue self, int argc, JSValue *argv,
                             JSValue new_target) {
  bool shared = js_native_magic(vm);
  const char *name = shared ? "SharedArrayBuffer.prototype.grow" : "ArrayBuffer.prototype.resize";
  // RequireInternalSlot(O, [[ArrayBufferMaxByteLength]]) then the kind.
  if (!js_is_array_buffer(self) || !(js_array_buffer(self)->flags & JS_AB_RESIZABLE))
    return js_ta_incompatible(vm, name, self);
  if (!this_buffer(vm, self, shared, name)) return JS_EXCEPTION;
  double len;
  if (!js_ta_to_index(vm, js_arg(0), "Invalid array buffer length%.0s", &len)) return JS_EXCEPTION;
  // The conversion ran user code: detached is checked now (step 5), then
  // the range; a growable SharedArrayBuffer never shrinks.
  JSArrayBuffer *b = js_array_buffer(self);
  if (b->flags & JS_AB_DETACHED)
    return js_throw_type_error(vm, "Cannot perform %s on a detached ArrayBuffer", name);
  if (len > (double)b->max_byte_length || (shared && len < (double)b->byte_length))
    return js_throw_range_error(vm, "%s: Invalid length parameter", name);
  if (!js_ab_resize(vm, b, (uint64_t)len)) return JS_EXCEPTION;
  return JS_UNDEFINED;
}

// ArrayBufferCopyAndDetach (§25.1.3.3): transfer (magic 1: keeps
// resizability) and transferToFixedLength (magic 0).
static JSValue buffer_transfer(JSVM *vm, JSValue self, int argc, JSValue *argv,
                               JSValue new_target) {
  bool preserve = js_native_magic(vm);
  const char *name = preserve ? "ArrayBuffer.prototype.transfer"
                              : "ArrayBuffer.prototype.transferToFixedLength";
  JSArrayBuffer *b = this_buffer(vm, self, false, name);
  if (!b) return JS_EXCEPTION;
  // Step 3: no argument keeps the current length; step 4: detached is
  // checked after the conversion (which may detach it).
  double len = (double)b->byte_length;
  if (!js_is_undefined(js_arg(0)) &&
      !js_ta_to_index(vm, js_arg(0), "Invalid array buffer length%.0s", &len))
    return JS_EXCEPTION;
  if (b->flags & JS_AB_DETACHED)
    return js_throw_type_error(vm, "Cannot perform %s on a detached ArrayBuffer", name);
  bool resizable = preserve && (b->flags & JS_AB_RESIZABLE);
  if (resizable && len > (double)b->max_byte_length)
    return js_throw_range_error(vm, "%s: Invalid length parameter", name);
  // AllocateArrayBuffer(%ArrayBuffer%, ...): the intrinsic prototype,
  // whatever this buffer's subclass was.
  JSValue proto = js_ta_internals(vm)[TI_PROTO + TC_ARRAY_BUFFER];
  JSValue nb = js_ab_create(vm, TC_ARRAY_BUFFER, proto, (uint64_t)len, resizable,
                            b->max_byte_length);
  if (js_is_exception(nb)) return nb;
  // The block moves over (copyLength = min(new, old) bytes survive; the
  // rest reads as zero), and the old buffer is detached.
  if (!js_ab_steal(vm, b, js_array_buffer(nb))) return JS_EXCEPTION;
  return nb;
}

/* {==== slice ====} */

// The checks on the species constructor's result (§25.1.6.7 steps 16-20,
// §25.2.5.6 steps 16-19): NULL after a TypeError.
static JSArrayBuffer *check_slice_result(JSVM *vm, JSValue nb, JSArrayBuffer *src,
                                         bool shared, double len) {
  const char *name = shared ? "SharedArrayBuffer.prototype.slice" : "ArrayBuffer.prototype.slice";
  if (!js_is_array_buffer(nb) || !(js_array_buffer(nb)->flags & JS_AB_SHARED) != !shared) {
    js_throw_type_error(vm, "%s: species constructor did not return a%s", name,
                        shared ? " SharedArrayBuffer" : "n ArrayBuffer");
    return NULL;
  }
  JSArrayBuffer *t = js_array_buffer(nb);
  if (t->flags & JS_AB_DETACHED) {
    js_throw_type_error(vm, "Cannot perform %s on a detached ArrayBuffer", name);
    return NULL;
  }
  if (t == src || (shared && t->data == src->data)) {
    js_throw_type_error(vm, "%s: species constructor returned the same buffer", name);
    return NULL;
  }
  if ((double)t->byte_length < len) {
    js_throw_type_error(vm, "%s: species constructor returned a buffer that is too small", name);
    return NULL;
  }
  return t;
}

// ArrayBuffer.prototype.slice (§25.1.6.7) and SharedArrayBuffer's
// (§25.2.5.6, magic 1).
static JSValue buffer_slice(JSVM *vm, JSValue self, int argc, JSValue *argv,
                            JSValue new_target) {
  bool shared = js_native_magic(vm);
  const char *name = shared ? "SharedArrayBuffer.prototype.slice" : "ArrayBuffer.prototype.slice";
  JSArrayBuffer *b = this_buffer(vm, self, shared, name);
  if (!b) return JS_EXCEPTION;
  if (b->flags & JS_AB_DETACHED)
    return js_throw_type_error(vm, "Cannot perform %s on a detached ArrayBuffer", name);
  double len = (double)b->byte_length, first, final;
  if (!js_ta_relative(vm, js_arg(0), len, 0, &first) ||
      !js_ta_relative(vm, js_arg(1), len, len, &final))
    return JS_EXCEPTION;
  // Steps 14-15: new ctor(newLen) through the species constructor.
  double new_len = final - first > 0 ? final - first : 0;
  int cls = shared ? TC_SHARED_ARRAY_BUFFER : TC_ARRAY_BUFFER;
  JSValue ctor = js_species_constructor(vm, self, js_ta_internals(vm)[TI_CTOR + cls]);
  if (js_is_exception(ctor)) return ctor;
  JSValue arg = js_from_number(new_len);
  JSValue nb = js_construct(vm, ctor, 1, &arg, ctor);
  if (js_is_exception(nb)) return nb;
  JSArrayBuffer *t = check_slice_result(vm, nb, b, shared, new_len);
  if (!t) return JS_EXCEPTION;
  // The constructor may have detached or shrunk this buffer.
  if (b->flags & JS_AB_DETACHED)
    return js_throw_type_error(vm, "Cannot perform %s on a detached ArrayBuffer", name);
  // Steps 25-26: copy what is left of [first, first + newLen).
  double cur = (double)b->byte_length;
  if (first < cur) {
    double count = cur - first < new_len ? cur - first : new_len;
    memcpy(t->data, b->data + (uint64_t)first, (size_t)count);
  }
  return nb;
}

/* {==== DataView ====} */

// DataView (§25.3.2.1).
static JSValue data_view_ctor(JSVM *vm, JSValue self, int argc, JSValue *argv,
                              JSValue new_target) {
  if (js_is_undefined(new_target))
    return js_throw_type_error(vm, "Constructor DataView requires 'new'");
  // Steps 2-9: everything that can be checked before the prototype is
  // read; steps 11-14 repeat the buffer checks after it (user code).
  JSValue buffer = js_arg(0);
  if (!js_is_array_buffer(buffer))
    return js_throw_type_error(vm, "First argument to DataView constructor must be an ArrayBuffer");
  double offset, view_len = 0;
  if (!js_ta_to_index(vm, js_arg(1), "Start offset %s is outside the bounds of the buffer", &offset))
    return JS_EXCEPTION;
  JSArrayBuffer *b = js_array_buffer(buffer);
  if (b->flags & JS_AB_DETACHED)
    return js_throw_type_error(vm, "Cannot perform DataView constructor on a detached ArrayBuffer");
  if (offset > (double)b->byte_length)
    return js_throw_range_error(vm, "Start offset %.0f is outside the bounds of the buffer", offset);
  // No byteLength on a resizable buffer: the view tracks its length.
  bool tracking = js_is_undefined(js_arg(2)) && (b->flags & JS_AB_RESIZABLE);
  if (js_is_undefined(js_arg(2))) {
    view_len = (double)b->byte_length - offset;
  } else {
    if (!js_ta_to_index(vm, js_arg(2), "Invalid DataView length %s", &view_len)) return JS_EXCEPTION;
    if (offset + view_len > (double)b->byte_length)
      return js_throw_range_error(vm, "Invalid DataView length %.0f", view_len);
  }
  JSValue proto = js_ta_proto_from_ctor(vm, new_target, TC_DATA_VIEW);
  if (js_is_exception(proto)) return proto;
  // Reading the prototype may have detached or shrunk the buffer.
  if (b->flags & JS_AB_DETACHED)
    return js_throw_type_error(vm, "Cannot perform DataView constructor on a detached ArrayBuffer");
  if (offset > (double)b->byte_length)
    return js_throw_range_error(vm, "Start offset %.0f is outside the bounds of the buffer", offset);
  if (!js_is_undefined(js_arg(2)) && offset + view_len > (double)b->byte_length)
    return js_throw_range_error(vm, "Invalid DataView length %.0f", view_len);
  JSTypedArray *v = (JSTypedArray *)js_ta_new_object(vm, TC_DATA_VIEW, proto);
  js_ta_init_view(v, JS_TA_DataView, buffer, (uint64_t)offset, (uint64_t)view_len, tracking);
  return js_val(v);
}

// The DataView getters: buffer (0), byteLength (1), byteOffset (2).
static JSValue data_view_getter(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                JSValue new_target) {
  static const char *const names[] = {"get DataView.prototype.buffer",
                                      "get DataView.prototype.byteLength",
                                      "get DataView.prototype.byteOffset"};
  int what = js_native_magic(vm);
  if (!js_is_data_view(self)) return js_ta_incompatible(vm, names[what], self);
  JSTypedArray *v = js_typed_array(self);
  if (what == 0) return v->buffer;
  // byteLength and byteOffset refuse a view that no longer fits.
  if (js_ta_out_of_bounds(v)) {
    bool detached = js_array_buffer(v->buffer)->flags & JS_AB_DETACHED;
    return js_throw_type_error(vm, "Cannot perform %s on %s", names[what],
                               detached ? "a detached ArrayBuffer" : "an out of bounds DataView");
  }
  return js_from_number((double)(what == 1 ? js_ta_length(v) : v->byte_offset));
}

static void reverse_bytes(uint8_t *p, uint32_t n) {
  for (uint32_t i = 0; i < n / 2; i++) {
    uint8_t c = p[i];
    p[i] = p[n - 1 - i];
    p[n - 1 - i] = c;
  }
}

static const char *const accessor_names[2][JS_TA_KIND_COUNT] = {
    {
#define JS_TA_GET_NAME(name, ctype, shift) "DataView.prototype.get" #name,
        JS_TYPED_ARRAY_KINDS(JS_TA_GET_NAME)
#undef JS_TA_GET_NAME
    },
    {
#define JS_TA_SET_NAME(name, ctype, shift) "DataView.prototype.set" #name,
        JS_TYPED_ARRAY_KINDS(JS_TA_SET_NAME)
#undef JS_TA_SET_NAME
    }};

// The view's checks shared by GetViewValue and SetViewValue (§25.3.1.5
// steps 6-12): the byte address of the access, or NULL after throwing.
static uint8_t *view_address(JSVM *vm, JSTypedArray *v, double index, uint32_t size,
                             const char *name) {
  if (js_ta_out_of_bounds(v)) {
    bool detached = js_array_buffer(v->buffer)->flags & JS_AB_DETACHED;
    js_throw_type_error(vm, "Cannot perform %s on %s", name,
                        detached ? "a detached ArrayBuffer" : "an out of bounds DataView");
    return NULL;
  }
  // GetViewByteLength: a length-tracking view ends where the buffer does.
  if (index + size > (double)js_ta_length(v)) {
    js_throw_range_error(vm, "Offset is outside the bounds of the DataView");
    return NULL;
  }
  return js_ta_data(v) + (uint64_t)index;
}

// DataView.prototype.getInt8 .. getFloat64 (GetViewValue); magic: kind.
static JSValue data_view_get(JSVM *vm, JSValue self, int argc, JSValue *argv,
                             JSValue new_target) {
  int kind = js_native_magic(vm);
  const char *name = accessor_names[0][kind];
  if (!js_is_data_view(self)) return js_ta_incompatible(vm, name, self);
  double index;
  if (!js_ta_to_index(vm, js_arg(0), "Offset is outside the bounds of the DataView%.0s", &index))
    return JS_EXCEPTION;
  bool little = js_to_boolean(js_arg(1));
  uint32_t size = js_ta_element_size(kind);
  uint8_t *p = view_address(vm, js_typed_array(self), index, size, name);
  if (!p) return JS_EXCEPTION;
  // Elements are stored little-endian (the host order): big-endian
  // reads reverse the bytes first.
  uint8_t tmp[8];
  memcpy(tmp, p, size);
  if (!little) reverse_bytes(tmp, size);
  return js_ta_load(vm, kind, tmp);
}

// DataView.prototype.setInt8 .. setFloat64 (SetViewValue); magic: kind.
static JSValue data_view_set(JSVM *vm, JSValue self, int argc, JSValue *argv,
                             JSValue new_target) {
  int kind = js_native_magic(vm);
  const char *name = accessor_names[1][kind];
  if (!js_is_data_view(self)) return js_ta_incompatible(vm, name, self);
  double index, num;
  if (!js_ta_to_index(vm, js_arg(0), "Offset is outside the bounds of the DataView%.0s", &index))
    return JS_EXCEPTION;
  // The value converts before the bounds checks (it may detach).
  if (!js_ta_to_element(vm, kind, js_arg(1), &num)) return JS_EXCEPTION;
  bool little = js_to_boolean(js_arg(2));
  uint32_t size = js_ta_element_size(kind);
  uint8_t *p = view_address(vm, js_typed_array(self), index, size, name);
  if (!p) return JS_EXCEPTION;
  // Encode in the host order, then flip for big-endian.
  uint8_t tmp[8];
  js_ta_store(kind, tmp, num);
  if (!little) reverse_bytes(tmp, size);
  memcpy(p, tmp, size);
  return JS_UNDEFINED;
}

/* {==== Installation ====} */

// A class's prototype (ordinary, %Object.prototype% parent), constructor
// and instance map, recorded in the internals store.
static JSValue install_class(JSVM *vm, int cls, JSNative fn, int length, int magic) {
  // The constructor's magic is its class, so one native serves both
  // buffer kinds; the map gets two in-object slots for expandos.
  JSArrayStore *st = js_heap(js_intrinsic(vm, TypedArrayInternals));
  JSValue proto = js_new_object(vm);
  JSValue ctor = js_new_native_ctor(vm, js_ta_class_name[cls], fn, length, proto);
  js_fn(ctor)->shared->magic = magic;
  JSType type = cls == TC_DATA_VIEW ? JS_TYPE_TypedArray : JS_TYPE_ArrayBuffer;
  JSMap *map = js_new_map(vm, type, proto,
                          type == JS_TYPE_TypedArray ? sizeof(JSTypedArray) : sizeof(JSArrayBuffer), 2);
  ORI_STORE_SLOT(st, &st->v[TI_CTOR + cls], ctor);
  ORI_STORE_SLOT(st, &st->v[TI_PROTO + cls], proto);
  ORI_STORE_SLOT(st, &st->v[TI_MAP + cls], js_val(map));
  js_define_value(vm, proto, vm->symbol[JS_SYMBOL_toStringTag],
                  js_atom(vm, js_ta_class_name[cls]), JS_ATTR_CONFIGURABLE);
  js_def_value(vm, vm->realm->global, js_ta_class_name[cls], ctor, JS_ATTR_METHOD);
  return ctor;
}

// An accessor property whose getter is fn with a magic number (several
// getters share one native).
static void getter_magic(JSVM *vm, JSValue obj, const char *name, JSNative fn, int magic) {
  js_def_getter(vm, obj, name, fn, NULL);
  JSPropDesc d;
  js_get_own_property(vm, obj, js_to_property_key(vm, js_atom(vm, name)), &d);
  js_fn(d.get)->shared->magic = magic;
}

static void install_array_buffer(JSVM *vm) {
  JSValue ctor = install_class(vm, TC_ARRAY_BUFFER, buffer_ctor, 1, TC_ARRAY_BUFFER);
  JSValue proto = js_ta_internals(vm)[TI_PROTO + TC_ARRAY_BUFFER];
  js_def_method(vm, ctor, "isView", array_buffer_is_view, 1);
  js_def_getter_key(vm, ctor, vm->symbol[JS_SYMBOL_species], "[Symbol.species]", get_species, NULL);
  getter_magic(vm, proto, "byteLength", buffer_getter, G_BYTE_LENGTH);
  getter_magic(vm, proto, "maxByteLength", buffer_getter, G_MAX_BYTE_LENGTH);
  getter_magic(vm, proto, "resizable", buffer_getter, G_RESIZABLE);
  getter_magic(vm, proto, "detached", buffer_getter, G_DETACHED);
  js_def_method_magic(vm, proto, "resize", buffer_resize, 1, 0);
  js_def_method_magic(vm, proto, "slice", buffer_slice, 2, 0);
  js_def_method_magic(vm, proto, "transfer", buffer_transfer, 0, 1);
  js_def_method_magic(vm, proto, "transferToFixedLength", buffer_transfer, 0, 0);
}

static void install_shared_array_buffer(JSVM *vm) {
  JSValue ctor = install_class(vm, TC_SHARED_ARRAY_BUFFER, buffer_ctor, 1, TC_SHARED_ARRAY_BUFFER);
  JSValue proto = js_ta_internals(vm)[TI_PROTO + TC_SHARED_ARRAY_BUFFER];
  js_def_getter_key(vm, ctor, vm->symbol[JS_SYMBOL_species], "[Symbol.species]", get_species, NULL);
  getter_magic(vm, proto, "byteLength", buffer_getter, G_SHARED | G_BYTE_LENGTH);
  js_def_method_magic(vm, proto, "grow", buffer_resize, 1, 1);
  getter_magic(vm, proto, "growable", buffer_getter, G_SHARED | G_RESIZABLE);
  getter_magic(vm, proto, "maxByteLength", buffer_getter, G_SHARED | G_MAX_BYTE_LENGTH);
  js_def_method_magic(vm, proto, "slice", buffer_slice, 2, 1);
}

static void install_data_view(JSVM *vm) {
  install_class(vm, TC_DATA_VIEW, data_view_ctor, 1, 0);
  JSValue proto = js_ta_internals(vm)[TI_PROTO + TC_DATA_VIEW];
  getter_magic(vm, proto, "buffer", data_view_getter, 0);
  getter_magic(vm, proto, "byteLength", data_view_getter, 1);
  getter_magic(vm, proto, "byteOffset", data_view_getter, 2);
  // The spec lists them as getX then setX, in the table's order.
  // Uint8Clamped has no DataView accessor (the table has no such entry).
  for (int k = 0; k < JS_TA_KIND_COUNT; k++) {
    if (k == JS_TA_Uint8Clamped) continue;
    // "DataView.prototype.getInt8" -> "getInt8".
    js_def_method_magic(vm, proto, accessor_names[0][k] + 19, data_view_get, 1, k);
    js_def_method_magic(vm, proto, accessor_names[1][k] + 19, data_view_set, 2, k);
  }
}

// Called first by js_init_typedarray: typed arrays need %ArrayBuffer%.
void js_typedarray_install_buffers(JSVM *vm) {
  install_array_buffer(vm);
  install_shared_array_buffer(vm);
  install_data_view(vm);
}
