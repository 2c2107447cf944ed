/*
 * runtime/builtins_typedarray.c — the `typedarray` family's installer and
 * the typed array constructors: %TypedArray% (§23.2.1: it only throws)
 * with from, of and @@species, and the twelve concrete constructors
 * (§23.2.5: Int8Array .. Float64Array, BigInt64Array, BigUint64Array,
 * Float16Array) with their four initialisation paths (from a length, a
 * typed array, an ArrayBuffer, an iterable or array-like), plus
 * TypedArrayCreateFromConstructor / TypedArraySpeciesCreate /
 * TypedArrayCreateSameType for the prototype methods.
 *
 * Invariants: the object is made only once its buffer exists (after
 * every check that can throw before AllocateTypedArrayBuffer), so no view
 * with an undefined buffer is ever reachable; the prototype is read first,
 * as AllocateTypedArray does. Creating with the intrinsic constructor of
 * a kind skips Construct: new_target.prototype of an intrinsic is a
 * non-writable, non-configurable data property, so nothing observable is
 * skipped.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/builtins_typedarray.h"
#include "runtime/iterator.h"

/* {==== Allocation ====} */

// AllocateTypedArrayBuffer (§23.2.5.1.6) for a new view of kind with
// prototype proto and len elements.
static JSValue allocate(JSVM *vm, int kind, JSValue proto, double len) {
  // len is already a ToIndex result (at most 2^53-1), so the product is
  // exact enough to compare with the limit.
  double bytes = len * js_ta_element_size(kind);
  if (bytes > (double)JS_ARRAY_BUFFER_MAX_LENGTH) {
    char buf[32];
    snprintf(buf, sizeof buf, "%.0f", len);
    return js_throw_range_error(vm, "Invalid typed array length: %s", buf);
  }
  JSValue buffer = js_new_array_buffer(vm, (uint64_t)bytes);
  if (js_is_exception(buffer)) return buffer;
  JSTypedArray *t = (JSTypedArray *)js_ta_new_object(vm, kind, proto);
  js_ta_init_view(t, kind, buffer, 0, (uint64_t)len, false);
  return js_val(t);
}

/* {==== The four initialisations (§23.2.5.1.2 ff.) ====} */

// InitializeTypedArrayFromTypedArray.
static JSValue from_typed_array(JSVM *vm, int kind, JSValue proto, JSValue src) {
  // Steps 7-9: the source's current length, refusing a detached or
  // out-of-bounds source.
  JSTypedArray *s = js_typed_array(src);
  if (js_ta_out_of_bounds(s)) {
    bool detached = js_array_buffer(s->buffer)->flags & JS_AB_DETACHED;
    return js_throw_type_error(vm, "Cannot perform Construct on %s",
                               detached ? "a detached ArrayBuffer" : "an out of bounds TypedArray");
  }
  uint64_t len = js_ta_length(s);
  JSValue o = allocate(vm, kind, proto, (double)len);
  if (js_is_exception(o)) return o;
  JSTypedArray *t = js_typed_array(o);
  if (js_ta_kind_is_bigint(kind) != js_ta_kind_is_bigint(s->kind))
    return js_throw_type_error(vm, "Content type of the source does not match the new %s",
                               js_ta_class_name[kind]);
  // Nothing ran since the length was read: both are in bounds.
  if (js_ta_same_bits(s->kind, kind)) {
    // Same type, or a conversion that keeps the bytes.
    memcpy(js_ta_data(t), js_ta_data(s), (size_t)(len << t->shift));
    return o;
  }
  // Element by element through Numbers (GetValueFromBuffer then
  // SetValueInBuffer): no user code, so the data pointers stay valid.
  for (uint64_t i = 0; i < len; i++) {
    JSValue v = js_ta_load(vm, s->kind, js_ta_data(s) + (i << s->shift));
    if (js_is_exception(v)) return v;
    js_ta_store(kind, js_ta_data(t) + (i << t->shift), js_number_value(v));
  }
  return o;
}

// InitializeTypedArrayFromArrayBuffer.
static JSValue from_array_buffer(JSVM *vm, int kind, JSValue proto, JSValue buffer,
                                 JSValue byte_offset, JSValue length) {
  uint32_t size = js_ta_element_size(kind);
  const char *name = js_ta_class_name[kind];
  double offset, new_len = 0;
  if (!js_ta_to_index(vm, byte_offset, "Start offset %s is outside the bounds of the buffer", &offset))
    return JS_EXCEPTION;
  if (fmod(offset, size) != 0)
    return js_throw_range_error(vm, "start offset of %s should be a multiple of %u", name, size);
  // Step 4: fixedness is read before length's ToIndex, which may run
  // user code (it cannot change it, but the spec reads it here).
  JSArrayBuffer *b = js_array_buffer(buffer);
  bool fixed = !(b->flags & JS_AB_RESIZABLE);
  if (!js_is_undefined(length) &&
      !js_ta_to_index(vm, length, "Invalid typed array length: %s", &new_len))
    return JS_EXCEPTION;
  if (b->flags & JS_AB_DETACHED)
    return js_throw_type_error(vm, "Cannot perform Construct on a detached ArrayBuffer");
  // Step 8: no length on a resizable buffer makes a length-tracking view;
  // step 9: otherwise the view's extent must fit the buffer now.
  double blen = (double)b->byte_length;
  bool tracking = js_is_undefined(length) && !fixed;
  if (tracking) {
    if (offset > blen)
      return js_throw_range_error(vm, "Start offset %.0f is outside the bounds of the buffer", offset);
  } else if (js_is_undefined(length)) {
    if (fmod(blen, size) != 0)
      return js_throw_range_error(vm, "byte length of %s should be a multiple of %u", name, size);
    if (blen - offset < 0)
      return js_throw_range_error(vm, "Start offset %.0f is outside the bounds of the buffer", offset);
    new_len = (blen - offset) / size;
  } else if (offset + new_len * size > blen) {
    return js_throw_range_error(vm, "Invalid typed array length: %.0f", new_len);
  }
  JSTypedArray *t = (JSTypedArray *)js_ta_new_object(vm, kind, proto);
  js_ta_init_view(t, kind, buffer, (uint64_t)offset, (uint64_t)new_len, tracking);
  return js_val(t);
}

// InitializeTypedArrayFromList / FromArrayLike: allocate, then Set each
// element (values from a list, or Get from the array-like).
static JSValue from_values(JSVM *vm, int kind, JSValue proto, JSValue src,
                           JSArrayStore *list, double len) {
  JSValue o = allocate(vm, kind, proto, len);
  if (js_is_exception(o)) return o;
  // Set(O, k, v, true) on a fresh typed array is TypedArraySetElement:
  // ToNumber may run user code, but O is not reachable from it.
  for (double k = 0; k < len; k++) {
    JSValue v = list ? list->v[(uint32_t)k] : js_get(vm, src, js_from_number(k));
    if (js_is_exception(v)) return v;
    if (js_typed_array_set(vm, js_obj(o), k, v) < 0) return JS_EXCEPTION;
  }
  return o;
}

// A typed array constructor's object-argument path (§23.2.5.1 step 6.b).
static JSValue from_object(JSVM *vm, int kind, JSValue proto, int argc, JSValue *argv) {
  // The internal slots decide first; only other objects are iterated
  // (GetMethod(@@iterator)) or read as array-likes.
  JSValue first = argv[0];
  if (js_is_typed_array(first)) return from_typed_array(vm, kind, proto, first);
  if (js_is_array_buffer(first)) return from_array_buffer(vm, kind, proto, first, js_arg(1), js_arg(2));
  JSValue method = js_get_method(vm, first, vm->symbol[JS_SYMBOL_iterator]);
  if (js_is_exception(method)) return method;
  if (!js_is_undefined(method)) {
    JSIterRecord rec;
    if (!js_get_iterator_from_method(vm, first, method, &rec)) return JS_EXCEPTION;
    JSArrayStore *list = js_iterator_to_list(vm, &rec);
    if (!list) return JS_EXCEPTION;
    return from_values(vm, kind, proto, first, list, list->used);
  }
  double len;
  if (!js_length_of_array_like(vm, first, &len)) return JS_EXCEPTION;
  return from_values(vm, kind, proto, first, NULL, len);
}

// Int8Array .. Float64Array (§23.2.5.1); magic: the kind.
static JSValue typed_array_ctor(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                JSValue new_target) {
  int kind = js_native_magic(vm);
  if (js_is_undefined(new_target))
    return js_throw_type_error(vm, "Constructor %s requires 'new'", js_ta_class_name[kind]);
  if (argc > 0 && js_is_object(argv[0])) {
    JSValue proto = js_ta_proto_from_ctor(vm, new_target, kind);
    if (js_is_exception(proto)) return proto;
    return from_object(vm, kind, proto, argc, argv);
  }
  // A primitive (or nothing) is a length: ToIndex before the prototype.
  double len;
  if (!js_ta_to_index(vm, js_arg(0), "Invalid typed array length: %s", &len)) return JS_EXCEPTION;
  JSValue proto = js_ta_proto_from_ctor(vm, new_target, kind);
  if (js_is_exception(proto)) return proto;
  return allocate(vm, kind, proto, len);
}

// %TypedArray% (§23.2.1.1): abstract, never constructible directly.
static JSValue typed_array_abstract(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                    JSValue new_target) {
  return js_throw_type_error(vm, "Abstract class TypedArray not directly constructable");
}

/* {==== Creating from constructors (§23.2.4) ====} */

JSValue js_ta_create_from_ctor(JSVM *vm, JSValue ctor, int argc, JSValue *argv) {
  JSValue *in = js_ta_internals(vm);
  // The intrinsic constructors with a length: no Construct needed.
  for (int k = 0; k < JS_TA_KIND_COUNT && argc == 1 && js_is_number(argv[0]); k++) {
    if (in[TI_CTOR + k].bits != ctor.bits) continue;
    double len;
    if (!js_ta_to_index(vm, argv[0], "Invalid typed array length: %s", &len)) return JS_EXCEPTION;
    return allocate(vm, k, in[TI_PROTO + k], len);
  }
  // Any other constructor: its result must be an in-bounds typed array,
  // and at least as long as asked for (step 3).
  JSValue r = js_construct(vm, ctor, argc, argv, ctor);
  if (js_is_exception(r)) return r;
  uint64_t len;
  if (!js_typed_array_validate(vm, r, "TypedArrayCreate", &len)) return JS_EXCEPTION;
  if (argc == 1 && js_is_number(argv[0]) && (double)len < js_number_value(argv[0]))
    return js_throw_type_error(vm, "Derived TypedArray constructor created an array which was too small");
  return r;
}

JSValue js_ta_species_create(JSVM *vm, JSValue exemplar, int argc, JSValue *argv) {
  // §23.2.4.1: the default is the exemplar's own intrinsic constructor,
  // and the result may be of another kind, but not of another content
  // type (Number vs BigInt).
  int kind = js_typed_array(exemplar)->kind;
  JSValue ctor = js_species_constructor(vm, exemplar, js_ta_internals(vm)[TI_CTOR + kind]);
  if (js_is_exception(ctor)) return ctor;
  JSValue r = js_ta_create_from_ctor(vm, ctor, argc, argv);
  if (js_is_exception(r)) return r;
  if (js_ta_kind_is_bigint(js_typed_array(r)->kind) != js_ta_kind_is_bigint(kind))
    return js_throw_type_error(vm, "Content type of the species constructor's result does not match");
  return r;
}

JSValue js_ta_create_same_type(JSVM *vm, JSValue exemplar, uint64_t length) {
  // §23.2.4.3: always the intrinsic constructor (no species lookup).
  int kind = js_typed_array(exemplar)->kind;
  return allocate(vm, kind, js_ta_internals(vm)[TI_PROTO + kind], (double)length);
}

/* {==== %TypedArray%.from, .of, @@species ====} */

// V8's "#<Object> is not a constructor" for from/of's this value.
static JSValue not_constructor(JSVM *vm, JSValue v) {
  char *what = js_ta_describe(vm, v);
  if (!what) return JS_EXCEPTION;
  js_throw_type_error(vm, "%s is not a constructor", what);
  free(what);
  return JS_EXCEPTION;
}

// %TypedArray%.from (§23.2.2.1).
static JSValue typed_array_from(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                JSValue new_target) {
  JSValue source = js_arg(0), mapfn = js_arg(1), this_arg = js_arg(2);
  if (!js_is_constructor(self)) return not_constructor(vm, self);
  bool mapping = !js_is_undefined(mapfn);
  if (mapping && !js_is_callable(mapfn)) return js_throw_not_callable(vm, mapfn);
  JSValue method = js_get_method(vm, source, vm->symbol[JS_SYMBOL_iterator]);
  if (js_is_exception(method)) return method;
  JSArrayStore *list = NULL;
  double len;
  if (!js_is_undefined(method)) {
    JSIterRecord rec;
    if (!js_get_iterator_from_method(vm, source, method, &rec)) return JS_EXCEPTION;
    if (!(list = js_iterator_to_list(vm, &rec))) return JS_EXCEPTION;
    len = list->used;
  } else {
    // Not iterable: an array-like (ToObject cannot fail: GetMethod
    // already refused null and undefined).
    source = js_to_object(vm, source);
    if (js_is_exception(source) || !js_length_of_array_like(vm, source, &len)) return JS_EXCEPTION;
  }
  // Set(targetObj, Pk, v, true) goes through the target's own [[Set]]:
  // it may be a subclass instance (or anything a species constructor
  // made), so the generic js_set it is.
  JSValue arg = js_from_number(len);
  JSValue target = js_ta_create_from_ctor(vm, self, 1, &arg);
  if (js_is_exception(target)) return target;
  for (double k = 0; k < len; k++) {
    JSValue key = js_from_number(k);
    JSValue v = list ? list->v[(uint32_t)k] : js_get(vm, source, key);
    if (js_is_exception(v)) return v;
    if (mapping) {
      JSValue args[2] = {v, key};
      v = js_call(vm, mapfn, this_arg, 2, args);
      if (js_is_exception(v)) return v;
    }
    if (js_set(vm, target, key, v, true) < 0) return JS_EXCEPTION;
  }
  return target;
}

// %TypedArray%.of (§23.2.2.2).
static JSValue typed_array_of(JSVM *vm, JSValue self, int argc, JSValue *argv,
                              JSValue new_target) {
  if (!js_is_constructor(self)) return not_constructor(vm, self);
  JSValue arg = js_from_int32(argc);
  JSValue target = js_ta_create_from_ctor(vm, self, 1, &arg);
  if (js_is_exception(target)) return target;
  for (int k = 0; k < argc; k++)
    if (js_set(vm, target, js_from_int32(k), argv[k], true) < 0) return JS_EXCEPTION;
  return target;
}

static JSValue typed_array_species(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                   JSValue new_target) {
  return self;
}

/* {==== Installation ====} */

// One concrete constructor: prototype inheriting %TypedArray.prototype%,
// [[Prototype]] %TypedArray%, BYTES_PER_ELEMENT on both.
static void install_kind(JSVM *vm, int kind) {
  JSValue *in = js_ta_internals(vm);
  JSArrayStore *st = js_heap(js_intrinsic(vm, TypedArrayInternals));
  JSValue proto = js_new_object_proto(vm, in[TI_TYPED_ARRAY_PROTO]);
  JSValue ctor = js_new_native_ctor(vm, js_ta_class_name[kind], typed_array_ctor, 3, proto);
  js_fn(ctor)->shared->magic = kind;
  js_set_prototype_of(vm, ctor, in[TI_TYPED_ARRAY]);
  JSValue size = js_from_int32((int32_t)js_ta_element_size(kind));
  js_def_value(vm, ctor, "BYTES_PER_ELEMENT", size, 0);
  js_def_value(vm, proto, "BYTES_PER_ELEMENT", size, 0);
  JSMap *map = js_new_map(vm, JS_TYPE_TypedArray, proto, sizeof(JSTypedArray), 2);
  ORI_STORE_SLOT(st, &st->v[TI_CTOR + kind], ctor);
  ORI_STORE_SLOT(st, &st->v[TI_PROTO + kind], proto);
  ORI_STORE_SLOT(st, &st->v[TI_MAP + kind], js_val(map));
  js_def_value(vm, vm->realm->global, js_ta_class_name[kind], ctor, JS_ATTR_METHOD);
}

// The family's installer (runtime.h JS_BUILTIN_FAMILIES): the buffers
// and DataView first, then %TypedArray% and the twelve constructors. The
// array family runs before it (toString is Array.prototype.toString).
void js_init_typedarray(JSVM *vm) {
  // The store first, so that everything below is reachable from a root.
  JSArrayStore *st = js_new_store(vm, TI_COUNT);
  st->used = TI_COUNT;
  for (int i = 0; i < TI_COUNT; i++) st->v[i] = JS_UNDEFINED;  // fresh: raw stores
  vm->realm->intrinsic[JS_INTRINSIC_TypedArrayInternals] = js_val(st);
  js_typedarray_install_buffers(vm);
  JSValue proto = js_new_object(vm);
  JSValue ctor = js_new_native_ctor(vm, "TypedArray", typed_array_abstract, 0, proto);
  ORI_STORE_SLOT(st, &st->v[TI_TYPED_ARRAY], ctor);
  ORI_STORE_SLOT(st, &st->v[TI_TYPED_ARRAY_PROTO], proto);
  js_def_method(vm, ctor, "from", typed_array_from, 1);
  js_def_method(vm, ctor, "of", typed_array_of, 0);
  js_def_getter_key(vm, ctor, vm->symbol[JS_SYMBOL_species], "[Symbol.species]",
                    typed_array_species, NULL);
  js_typedarray_install_proto(vm, proto);
  for (int k = 0; k < JS_TA_KIND_COUNT; k++) install_kind(vm, k);
}
