/*
 * runtime/builtins_array.c — the `array` builtin family's core: the
 * index-access helpers every Array method uses (builtins_array.h), the
 * Array constructor (§23.1.1), its statics Array.from, Array.of,
 * Array.isArray and get Array[@@species] (§23.1.2), ArraySpeciesCreate,
 * and js_init_array, which also calls the installers of
 * builtins_array_proto.c and builtins_array_iter.c and adds
 * Array.prototype[@@unscopables].
 *
 * Invariants: the helpers follow the spec operation they name exactly;
 * their fast paths read or write an element of a dense store directly
 * only when that element is an own, plain (writable, enumerable,
 * configurable) data property of a plain object or Array, which is the
 * one case where [[Get]]/[[Set]]/[[HasProperty]] can run no user code
 * and have no other effect. Proxies never take a fast path (their maps
 * are not plain); IsArray looks through them (runtime/proxy.h).
 */
#include <stdlib.h>

#include "runtime/builtins_array.h"
#include "runtime/dict.h"
#include "runtime/elements.h"
#include "runtime/iterator.h"
#include "runtime/map.h"
#include "runtime/proxy.h"

/* {==== Fast-path tests ====} */

// Objects whose indexed properties are exactly their elements: no string
// data, no mapped arguments, no proxy or typed-array hooks.
static bool plain_object(const JSObject *o) {
  JSType t = js_cell_type(o);
  return (t == JS_TYPE_Object || t == JS_TYPE_ArrayObject) &&
         !(o->map->flags & JS_MAP_EXOTIC_GET);
}

// Nothing on o's prototype chain has elements, so a hole in o reads as
// absent/undefined without reaching any getter.
static bool chain_clean(const JSObject *o) {
  for (JSValue p = o->map->proto; js_is_object(p); p = js_obj(p)->map->proto) {
    const JSObject *po = js_obj(p);
    if (!plain_object(po) || po->elements) return false;
  }
  return true;
}

// The dense store holding own element i of o, if there is one. Such an
// element is a plain data property, so reading, testing or overwriting it
// is all [[Get]]/[[HasProperty]]/[[Set]] would do (no proto walk needed).
static JSArrayStore *own_dense(JSValue o, double i) {
  // Indices from 2^32-1 on are named properties, never elements.
  if (!js_is_object(o) || !(i <= 4294967294.0)) return NULL;
  JSObject *ob = js_obj(o);
  if (!plain_object(ob) || !js_elements_dense(ob)) return NULL;
  JSArrayStore *s = (JSArrayStore *)ob->elements;
  uint32_t k = (uint32_t)i;
  return k < s->length && !js_is_hole(s->v[k]) ? s : NULL;
}

bool js_arr_dense(JSValue o, double len, JSArrayStore **store) {
  // Past 2^32-1 an array-like may hold string-keyed "indices" that the
  // store cannot show: no fast path for such lengths.
  if (!js_is_object(o) || len > JS_MAX_ARRAY_LENGTH) return false;
  JSObject *ob = js_obj(o);
  if (!plain_object(ob) || (ob->elements && !js_elements_dense(ob))) return false;
  if (!chain_clean(ob)) return false;
  *store = (JSArrayStore *)ob->elements;
  return true;
}

/* {==== Index access ====} */

JSValue js_arr_key(JSVM *vm, double i) {
  if (i <= 4294967294.0) return js_index_key((uint32_t)i);
  // Past the index range the key is the canonical numeric string.
  return js_to_property_key(vm, js_from_double(i));
}

JSValue js_arr_get(JSVM *vm, JSValue o, double i) {
  // The common case: an own dense element, returned as is.
  JSArrayStore *s = own_dense(o, i);
  if (s) return s->v[(uint32_t)i];
  // Everything else (holes, getters, wrappers, proxies) takes [[Get]].
  JSValue key = js_arr_key(vm, i);
  if (js_is_exception(key)) return key;
  return js_get(vm, o, key);
}

int js_arr_has(JSVM *vm, JSValue o, double i) {
  // An own element answers without a walk up the prototype chain.
  if (own_dense(o, i)) return 1;
  JSValue key = js_arr_key(vm, i);
  if (js_is_exception(key)) return -1;
  return js_has_property(vm, o, key);
}

int js_arr_set(JSVM *vm, JSValue o, double i, JSValue v) {
  JSArrayStore *s = own_dense(o, i);
  if (s) {
    // An own plain data element: [[Set]] just replaces its value.
    ORI_STORE(s, v[(uint32_t)i], v);
    return 1;
  }
  JSValue key = js_arr_key(vm, i);
  if (js_is_exception(key)) return -1;
  return js_set(vm, o, key, v, true) < 0 ? -1 : 1;
}

int js_arr_delete(JSVM *vm, JSValue o, double i) {
  JSValue key = js_arr_key(vm, i);
  if (js_is_exception(key)) return -1;
  // Strict: a non-configurable property throws (DeletePropertyOrThrow).
  return js_delete_property(vm, o, key, true) < 0 ? -1 : 1;
}

int js_arr_create(JSVM *vm, JSValue o, double i, JSValue v) {
  if (js_is_array(o) && i <= 4294967294.0) {
    JSArrayObject *a = js_heap(o);
    JSObject *ob = &a->base;
    // An extensible Array with plain elements and a writable length:
    // defining an element can neither fail nor meet an odd attribute
    // (a dense element is always writable, enumerable, configurable).
    // Prototypes take the core's path, which keeps the interpreter's
    // note of prototypes with elements up to date.
    if (!a->length_readonly &&
        !(ob->map->flags & (JS_MAP_NOT_EXTENSIBLE | JS_MAP_PROTOTYPE)) &&
        (!ob->elements || js_elements_dense(ob))) {
      uint32_t k = (uint32_t)i;
      if (!js_elem_put(vm, ob, k, v)) return -1;
      if (k >= a->length) a->length = k + 1;
      return 1;
    }
  }
  JSValue key = js_arr_key(vm, i);
  if (js_is_exception(key)) return -1;
  if (js_create_data_property_or_throw(vm, o, key, v) < 0) return -1;
  return 1;
}

int js_arr_set_length(JSVM *vm, JSValue o, double len) {
  // Arrays validate through ArraySetLength (RangeError past 2^32-1, a
  // TypeError for a read-only length); array-likes take any number.
  int r = js_set(vm, o, vm->atom[JS_ATOM_length], js_from_number(len), true);
  return r < 0 ? -1 : 1;
}

// The smallest own element index of o in [k, limit), or limit.
static double next_element(const JSObject *o, double k, double limit) {
  if (!o->elements) return limit;
  if (js_elements_dense(o)) {
    const JSArrayStore *s = (const JSArrayStore *)o->elements;
    for (uint32_t i = (uint32_t)k; i < s->length && i < limit; i++)
      if (!js_is_hole(s->v[i])) return i;
    return limit;
  }
  // Sparse: one pass over the dict for the least index at or above k.
  // O(capacity) per call, paid once per present element: sparse arrays
  // are small by construction (a dense store would hold them otherwise).
  const JSDict *d = (const JSDict *)o->elements;
  double best = limit;
  for (uint32_t j = 0; j < d->capacity; j++) {
    uint32_t idx;
    if (!js_dict_live(&d->e[j]) || !js_key_is_index(d->e[j].key, &idx)) continue;
    if (idx >= k && idx < best) best = idx;
  }
  return best;
}

double js_arr_next_present(JSVM *vm, JSValue o, double k, double len) {
  (void)vm;
  if (k >= len || k > 4294967294.0 || !js_is_object(o)) return k;
  // Only when every HasProperty below would consult o's elements alone
  // (and the prototypes have none) is an element-less index provably
  // absent; otherwise the caller tests each index itself.
  const JSObject *ob = js_obj(o);
  if (!plain_object(ob) || !chain_clean(ob)) return k;
  // Indices from 2^32-1 on are named properties: never skip past them.
  double limit = len < JS_MAX_ARRAY_LENGTH ? len : JS_MAX_ARRAY_LENGTH;
  return next_element(ob, k, limit);
}

// The largest own element index of o in [0, k], or -1.
static double prev_element(const JSObject *o, double k) {
  if (!o->elements) return -1;
  if (js_elements_dense(o)) {
    const JSArrayStore *s = (const JSArrayStore *)o->elements;
    double i = k < s->length ? k : (double)s->length - 1;
    for (; i >= 0; i--)
      if (!js_is_hole(s->v[(uint32_t)i])) return i;
    return -1;
  }
  const JSDict *d = (const JSDict *)o->elements;
  double best = -1;
  for (uint32_t j = 0; j < d->capacity; j++) {
    uint32_t idx;
    if (!js_dict_live(&d->e[j]) || !js_key_is_index(d->e[j].key, &idx)) continue;
    if (idx <= k && idx > best) best = idx;
  }
  return best;
}

double js_arr_prev_present(JSVM *vm, JSValue o, double k) {
  (void)vm;
  // The mirror of js_arr_next_present; above the index range k stays.
  if (k < 0 || k > 4294967294.0 || !js_is_object(o)) return k;
  const JSObject *ob = js_obj(o);
  if (!plain_object(ob) || !chain_clean(ob)) return k;
  return prev_element(ob, k);
}

/* {==== Receivers and arguments ====} */

JSValue js_arr_this(JSVM *vm, JSValue self, const char *method, double *len) {
  // ToObject would say "Cannot convert undefined or null to object";
  // V8 names the method instead, which is the more useful message.
  if (js_is_nullish(self))
    return js_throw_type_error(vm, "%s called on null or undefined", method);
  JSValue o = js_to_object(vm, self);
  if (js_is_exception(o)) return o;
  if (!js_length_of_array_like(vm, o, len)) return JS_EXCEPTION;
  return o;
}

bool js_arr_relative(JSVM *vm, JSValue v, double len, double dflt, double *out) {
  if (js_is_undefined(v)) {
    *out = dflt;
    return true;
  }
  double r;
  if (!js_to_integer_or_infinity(vm, v, &r)) return false;
  // Negative counts from the end; both directions clamp to [0, len].
  if (r < 0) {
    r += len;
    if (r < 0) r = 0;
  } else if (r > len) {
    r = len;
  }
  *out = r;
  return true;
}

int js_arr_is_array(JSVM *vm, JSValue v) {
  // A proxy answers for its target; a revoked one throws a TypeError.
  if (js_is_proxy(v)) return js_proxy_is_array(vm, v);
  return js_is_array(v);
}

/* {==== Creating arrays ====} */

// ArrayCreate(len, proto) for len <= 2^32-1. Arrays with the default
// prototype share the realm's map; others share one map per prototype.
static JSValue array_with_proto(JSVM *vm, JSValue proto, uint32_t len) {
  if (proto.bits == js_intrinsic(vm, ArrayPrototype).bits) return js_new_array(vm, len);
  JSMap *m = js_map_root_of(vm, JS_TYPE_ArrayObject, sizeof(JSArrayObject), proto, 0);
  JSArrayObject *a = (JSArrayObject *)js_new_object_of(vm, m);
  a->length = len;
  return js_val(a);
}

JSValue js_arr_create_array(JSVM *vm, double len) {
  // ArrayCreate step 1: the only failure an ArrayCreate can have.
  if (len > JS_MAX_ARRAY_LENGTH) return js_throw_range_error(vm, "Invalid array length");
  return js_new_array(vm, (uint32_t)len);
}

JSValue js_arr_species_create(JSVM *vm, JSValue original, double len) {
  int is_array = js_arr_is_array(vm, original);
  if (is_array < 0) return JS_EXCEPTION;
  if (!is_array) return js_arr_create_array(vm, len);
  JSValue c = js_get(vm, original, vm->atom[JS_ATOM_constructor]);
  if (js_is_exception(c)) return c;
  // Step 4: another realm's %Array% stands for this realm's (an array
  // made there and handed here species-creates arrays of this realm).
  if (js_is_constructor(c)) {
    JSRealm *rc = js_function_realm(vm, c);
    if (!rc) return JS_EXCEPTION;
    if (rc != vm->realm && c.bits == rc->intrinsic[JS_INTRINSIC_Array].bits) c = JS_UNDEFINED;
  }
  if (js_is_object(c)) {
    c = js_get(vm, c, vm->symbol[JS_SYMBOL_species]);
    if (js_is_exception(c)) return c;
    if (js_is_null(c)) c = JS_UNDEFINED;
  }
  if (js_is_undefined(c)) return js_arr_create_array(vm, len);
  if (!js_is_constructor(c))
    return js_throw_type_error(vm, "object.constructor[Symbol.species] is not a constructor");
  // new C(len): the species decides what the method returns.
  JSValue arg = js_from_number(len);
  return js_construct(vm, c, 1, &arg, c);
}

/* {==== The constructor (§23.1.1.1) ====} */

// new Array(len): a length, not an element, when len is a number.
static JSValue array_ctor_length(JSVM *vm, JSValue proto, JSValue len) {
  if (!js_is_number(len)) {
    JSValue a = array_with_proto(vm, proto, 0);
    if (js_arr_create(vm, a, 0, len) < 0) return JS_EXCEPTION;
    return a;
  }
  double d = js_number_value(len);
  uint32_t n = (uint32_t)js_double_to_int32(d);
  // ToUint32(len) must give len back (SameValueZero): no fractions,
  // negatives, NaN or values past 2^32-1.
  if ((double)n != d) return js_throw_range_error(vm, "Invalid array length");
  return array_with_proto(vm, proto, n);
}

static JSValue array_ctor(JSVM *vm, JSValue self, int argc, JSValue *argv,
                          JSValue new_target) {
  // A plain call acts as new Array(...): NewTarget is Array itself.
  JSValue proto = js_get_prototype_from_ctor(vm, new_target, JS_INTRINSIC_ArrayPrototype);
  if (js_is_exception(proto)) return proto;
  // One argument is a length (or a lone element); zero or several are
  // the elements themselves.
  if (argc == 1) return array_ctor_length(vm, proto, argv[0]);
  JSValue a = array_with_proto(vm, proto, 0);
  if (argc > 0) {
    // A fresh array: its elements are plain stores into a dense store.
    JSObject *o = js_obj(a);
    if (!js_elem_ensure(vm, o, (uint32_t)argc)) return JS_EXCEPTION;
    JSArrayStore *s = (JSArrayStore *)o->elements;
    for (int i = 0; i < argc; i++) ORI_STORE(s, v[i], argv[i]);
    ((JSArrayObject *)o)->length = (uint32_t)argc;
  }
  return a;
}

/* {==== Statics (§23.1.2) ====} */

// Array.from's result for an iterable: Construct(C) or ArrayCreate(0).
static JSValue from_target(JSVM *vm, JSValue c, int argc, JSValue *len) {
  // Any constructor may be the this value (subclasses, or a plain
  // function); anything else falls back to a real Array.
  if (js_is_constructor(c)) return js_construct(vm, c, argc, len, c);
  return js_arr_create_array(vm, argc ? js_number_value(*len) : 0);
}

// Array.from steps 5.e-f: fill A from the iterator, mapping each value.
static JSValue from_iterable(JSVM *vm, JSValue c, JSValue items, JSValue method,
                             JSValue mapfn, JSValue this_arg) {
  JSValue a = from_target(vm, c, 0, NULL);
  if (js_is_exception(a)) return a;
  JSIterRecord rec;
  if (!js_get_iterator_from_method(vm, items, method, &rec)) return JS_EXCEPTION;
  for (double k = 0;; k++) {
    if (k >= JS_MAX_SAFE_INTEGER) {
      js_throw_type_error(vm, "Array.from: too many elements");
      js_iterator_close(vm, &rec, true);
      return JS_EXCEPTION;
    }
    // An error from the iterator itself does not close it (it is done).
    JSValue v;
    int r = js_iterator_step_value(vm, &rec, &v);
    if (r < 0) return JS_EXCEPTION;
    if (r == 0) return js_arr_set_length(vm, a, k) < 0 ? JS_EXCEPTION : a;
    if (!js_is_undefined(mapfn)) {
      JSValue args[2] = {v, js_from_number(k)};
      v = js_call(vm, mapfn, this_arg, 2, args);
    }
    // IfAbruptCloseIterator for the mapping and the definition.
    if (js_is_exception(v) || js_arr_create(vm, a, k, v) < 0) {
      js_iterator_close(vm, &rec, true);
      return JS_EXCEPTION;
    }
  }
}

// Array.from steps 6-13: an array-like source.
static JSValue from_array_like(JSVM *vm, JSValue c, JSValue items, JSValue mapfn,
                               JSValue this_arg) {
  JSValue o = js_to_object(vm, items);
  if (js_is_exception(o)) return o;
  double len;
  if (!js_length_of_array_like(vm, o, &len)) return JS_EXCEPTION;
  // Here the constructor is told the length up front: new C(len).
  JSValue lenv = js_from_number(len);
  JSValue a = from_target(vm, c, 1, &lenv);
  if (js_is_exception(a)) return a;
  for (double k = 0; k < len; k++) {
    JSValue v = js_arr_get(vm, o, k);
    if (js_is_exception(v)) return v;
    if (!js_is_undefined(mapfn)) {
      JSValue args[2] = {v, js_from_number(k)};
      v = js_call(vm, mapfn, this_arg, 2, args);
      if (js_is_exception(v)) return v;
    }
    if (js_arr_create(vm, a, k, v) < 0) return JS_EXCEPTION;
  }
  return js_arr_set_length(vm, a, len) < 0 ? JS_EXCEPTION : a;
}

// Array.from(items [, mapfn [, thisArg]]) (§23.1.2.1).
static JSValue array_from(JSVM *vm, JSValue self, int argc, JSValue *argv,
                          JSValue new_target) {
  JSValue items = js_arg(0), mapfn = js_arg(1), this_arg = js_arg(2);
  // mapfn is checked before items is even looked at (steps 2-3).
  if (!js_is_undefined(mapfn) && !js_is_callable(mapfn))
    return js_throw_not_callable(vm, mapfn);
  // An @@iterator method, even one inherited (strings, arrays), wins
  // over the array-like reading; null and undefined count as absent.
  JSValue method = js_get_method(vm, items, vm->symbol[JS_SYMBOL_iterator]);
  if (js_is_exception(method)) return method;
  if (!js_is_undefined(method))
    return from_iterable(vm, self, items, method, mapfn, this_arg);
  return from_array_like(vm, self, items, mapfn, this_arg);
}

// Array.of(...items) (§23.1.2.3).
static JSValue array_of(JSVM *vm, JSValue self, int argc, JSValue *argv,
                        JSValue new_target) {
  JSValue lenv = js_from_int32(argc);
  JSValue a = from_target(vm, self, 1, &lenv);
  if (js_is_exception(a)) return a;
  // CreateDataPropertyOrThrow: a constructor's read-only or non-
  // configurable element makes this throw, as the spec wants.
  for (int k = 0; k < argc; k++)
    if (js_arr_create(vm, a, k, argv[k]) < 0) return JS_EXCEPTION;
  return js_arr_set_length(vm, a, argc) < 0 ? JS_EXCEPTION : a;
}

// Array.isArray(arg) (§23.1.2.2).
static JSValue array_is_array(JSVM *vm, JSValue self, int argc, JSValue *argv,
                              JSValue new_target) {
  int r = js_arr_is_array(vm, js_arg(0));
  return r < 0 ? JS_EXCEPTION : js_from_bool(r);
}

// get Array[@@species] (§23.1.2.5): the this value.
static JSValue array_species(JSVM *vm, JSValue self, int argc, JSValue *argv,
                             JSValue new_target) {
  return self;
}

/* {==== Installation ====} */

// Array.prototype[@@unscopables] (§23.1.3.41): a null-prototype object
// naming the methods added since ES5, hidden from `with` scopes.
static void install_unscopables(JSVM *vm, JSValue proto) {
  static const char *const names[] = {
      "at", "copyWithin", "entries", "fill", "find", "findIndex", "findLast",
      "findLastIndex", "flat", "flatMap", "includes", "keys", "toReversed",
      "toSorted", "toSpliced", "values"};
  JSValue list = js_new_object_proto(vm, JS_NULL);
  for (size_t i = 0; i < sizeof names / sizeof *names; i++)
    js_def_value(vm, list, names[i], JS_TRUE, JS_ATTR_DEFAULT);
  js_define_value(vm, proto, vm->symbol[JS_SYMBOL_unscopables], list,
                  JS_ATTR_CONFIGURABLE);
}

void js_init_array(JSVM *vm) {
  // realm.c made %Array.prototype% (an Array exotic object of length 0);
  // the constructor's prototype property points at it, read-only.
  JSValue proto = js_intrinsic(vm, ArrayPrototype);
  JSValue ctor = js_new_native_ctor(vm, "Array", array_ctor, 1, proto);
  vm->realm->intrinsic[JS_INTRINSIC_Array] = ctor;
  js_def_method(vm, ctor, "isArray", array_is_array, 1);
  js_def_method(vm, ctor, "from", array_from, 1);
  js_def_method(vm, ctor, "of", array_of, 0);
  js_def_getter_key(vm, ctor, vm->symbol[JS_SYMBOL_species], "[Symbol.species]",
                    array_species, NULL);
  js_array_install_proto(vm, proto);
  js_array_install_iter(vm, proto);
  install_unscopables(vm, proto);
  js_def_value(vm, vm->realm->global, "Array", ctor, JS_ATTR_METHOD);
}
