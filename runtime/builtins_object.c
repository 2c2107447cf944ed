/*
 * runtime/builtins_object.c — the Object constructor, its static functions
 * and Object.prototype (ECMA-262 §20.1), including the Annex B accessors
 * (__proto__, __defineGetter__ and friends).
 *
 * Invariants:
 *  - Objects are reached only through the runtime's internal-method
 *    operations (js_get_own_property, js_define_own_property, js_own_keys,
 *    js_get, js_set, ...), never through maps or slots, so every exotic
 *    object (arrays, string wrappers, later proxies) keeps its own rules
 *    and the observable order of operations is the spec's.
 *  - Lists that outlive a call into user code live in GC-visible stores
 *    (JSArrayStore): the key lists from js_own_keys, and the descriptors
 *    that ObjectDefineProperties reads before applying any of them.
 *  - Keys handed back to JS (keys, entries, getOwnPropertyNames, ...) are
 *    strings or symbols: index keys are spelled out by js_key_to_string.
 *  - Iteration (fromEntries, groupBy) uses runtime/iterator.h; an error
 *    after a value was taken closes the iterator, one from the iterator
 *    itself does not.
 */
#include <stdio.h>
#include <stdlib.h>

#include "runtime/builtins_array.h"
#include "runtime/iterator.h"
#include "runtime/runtime.h"

/* {==== Helpers ====} */

// Render v for an error message the way V8 does: primitives as their
// string (symbols as Symbol(desc)), objects as #<Object>.
static void render(JSVM *vm, JSValue v, char *buf, size_t n) {
  if (js_is_object(v)) {
    snprintf(buf, n, "%s", js_is_callable(v) ? "function" : "#<Object>");
    return;
  }
  JSValue s = v;
  if (js_is_symbol(v)) {
    JSValue d = ((JSSymbol *)js_heap(v))->description;
    s = js_is_string(d) ? d : vm->atom[JS_ATOM_empty];
  } else if (!js_is_string(v)) {
    // Non-symbol primitives convert without running user code.
    s = js_to_string(vm, v);
    if (js_is_exception(s)) {
      js_take_exception(vm);
      s = vm->atom[JS_ATOM_empty];
    }
  }
  char *text = js_string_utf8(vm, s, NULL);
  snprintf(buf, n, js_is_symbol(v) ? "Symbol(%s)" : "%s", text ? text : "");
  free(text);
}

// The TypeError of Object.create / setPrototypeOf / __proto__ for a
// prototype that is neither an object nor null.
static JSValue throw_bad_proto(JSVM *vm, JSValue proto) {
  char buf[128];
  render(vm, proto, buf, sizeof buf);
  return js_throw_type_error(vm, "Object prototype may only be an Object or null: %s", buf);
}

// The TypeError for a refused [[SetPrototypeOf]], in V8's words: the
// immutable %Object.prototype%, a non-extensible object, or a cycle.
static JSValue throw_set_proto_refused(JSVM *vm, JSValue o) {
  if (o.bits == js_intrinsic(vm, ObjectPrototype).bits)
    return js_throw_type_error(vm, "Immutable prototype object 'Object.prototype' cannot "
                                   "have their prototype set");
  if (js_is_extensible(vm, o) == 0) return js_throw_type_error(vm, "#<Object> is not extensible");
  return js_throw_type_error(vm, "Cyclic __proto__ value");
}

// A descriptor with every field absent (values undefined, not +0.0).
static JSPropDesc empty_desc(void) {
  JSPropDesc d = {0};
  d.value = d.get = d.set = JS_UNDEFINED;
  return d;
}

static bool is_accessor(const JSPropDesc *d) { return d->has_get || d->has_set; }

// CreateArrayFromList over a key list, keys spelled as strings. The
// store is ours (fresh from js_own_keys), so it is rewritten in place.
static JSValue keys_to_array(JSVM *vm, JSArrayStore *keys) {
  for (uint32_t i = 0; i < keys->used; i++) {
    JSValue s = js_key_to_string(vm, keys->v[i]);
    if (js_is_exception(s)) return s;
    ORI_STORE(keys, v[i], s);
  }
  return js_new_array_from(vm, keys->used, keys->v);
}

/* {==== The constructor ====} */

// Object(value) (§20.1.1.1). A new.target other than Object itself comes
// from a subclass's super() or Reflect.construct: it picks the prototype.
static JSValue object_ctor(JSVM *vm, JSValue self, int argc, JSValue *argv,
                           JSValue nt) {
  if (!js_is_undefined(nt) && nt.bits != js_native_callee(vm).bits) {
    JSValue proto = js_get_prototype_from_ctor(vm, nt, JS_INTRINSIC_ObjectPrototype);
    if (js_is_exception(proto)) return proto;
    return js_new_object_proto(vm, proto);
  }
  // Object(v) is ToObject(v), except that null and undefined give {}.
  JSValue value = js_arg(0);
  if (js_is_nullish(value)) return js_new_object(vm);
  return js_to_object(vm, value);
}

/* {==== Copying and defining ====} */

// Object.assign's inner loop: copy from's own enumerable properties (in
// [[OwnPropertyKeys]] order, re-checked per key: a getter may change the
// rest) onto `to` with [[Set]], throwing on refusal.
static bool assign_from(JSVM *vm, JSValue to, JSValue from) {
  JSArrayStore *keys = js_own_keys(vm, from, JS_KEYS_STRINGS | JS_KEYS_SYMBOLS);
  if (!keys) return false;
  for (uint32_t i = 0; i < keys->used; i++) {
    JSValue key = keys->v[i];
    JSPropDesc d;
    int has = js_get_own_property(vm, from, key, &d);
    if (has < 0) return false;
    if (!has || !(d.attrs & JS_ATTR_ENUMERABLE)) continue;
    JSValue v = js_get(vm, from, key);
    if (js_is_exception(v)) return false;
    if (js_set(vm, to, key, v, true) < 0) return false;
  }
  return true;
}

// Object.assign (§20.1.2.1): ToObject(target) first, then each source in
// argument order; the first failing [[Set]] stops the copy, leaving the
// properties already written in place (no rollback, as specified).
static JSValue object_assign(JSVM *vm, JSValue self, int argc, JSValue *argv,
                             JSValue nt) {
  JSValue to = js_to_object(vm, js_arg(0));
  if (js_is_exception(to)) return to;
  for (int i = 1; i < argc; i++) {
    // null and undefined sources are skipped, not errors.
    if (js_is_nullish(argv[i])) continue;
    JSValue from = js_to_object(vm, argv[i]);
    if (js_is_exception(from)) return from;
    if (!assign_from(vm, to, from)) return JS_EXCEPTION;
  }
  return to;
}

// ObjectDefineProperties keeps each descriptor as five words of a store:
// key, value, get, set, and the attribute/presence bits as an int32.
enum { DESC_WORDS = 5 };
enum { HAS_VALUE = 1 << 8, HAS_GET = 1 << 9, HAS_SET = 1 << 10,
       HAS_WRITABLE = 1 << 11, HAS_ENUMERABLE = 1 << 12, HAS_CONFIGURABLE = 1 << 13 };

static JSArrayStore *pack_desc(JSVM *vm, JSArrayStore *s, JSValue key,
                               const JSPropDesc *d) {
  int32_t bits = d->attrs | (d->has_value ? HAS_VALUE : 0) | (d->has_get ? HAS_GET : 0) |
                 (d->has_set ? HAS_SET : 0) | (d->has_writable ? HAS_WRITABLE : 0) |
                 (d->has_enumerable ? HAS_ENUMERABLE : 0) |
                 (d->has_configurable ? HAS_CONFIGURABLE : 0);
  s = js_store_push(vm, s, key);
  s = js_store_push(vm, s, d->value);
  s = js_store_push(vm, s, d->get);
  s = js_store_push(vm, s, d->set);
  return js_store_push(vm, s, js_from_int32(bits));
}

// The inverse of pack_desc: w points at the five words of one entry.
static void unpack_desc(const JSValue *w, JSPropDesc *d) {
  int32_t bits = js_int32(w[4]);
  *d = empty_desc();
  d->value = w[1];
  d->get = w[2];
  d->set = w[3];
  d->attrs = (uint8_t)(bits & 0xFF);
  d->has_value = bits & HAS_VALUE;
  d->has_get = bits & HAS_GET;
  d->has_set = bits & HAS_SET;
  d->has_writable = bits & HAS_WRITABLE;
  d->has_enumerable = bits & HAS_ENUMERABLE;
  d->has_configurable = bits & HAS_CONFIGURABLE;
}

// ObjectDefineProperties (§20.1.2.3.1): every descriptor is read and
// validated before the first is applied.
static JSValue define_properties(JSVM *vm, JSValue obj, JSValue properties) {
  JSValue props = js_to_object(vm, properties);
  if (js_is_exception(props)) return props;
  JSArrayStore *keys = js_own_keys(vm, props, JS_KEYS_STRINGS | JS_KEYS_SYMBOLS);
  if (!keys) return JS_EXCEPTION;
  // Phase 1: read every enumerable descriptor (getters may run here).
  JSArrayStore *list = js_new_store(vm, 8);
  for (uint32_t i = 0; i < keys->used; i++) {
    JSValue key = keys->v[i];
    JSPropDesc pd;
    int has = js_get_own_property(vm, props, key, &pd);
    if (has < 0) return JS_EXCEPTION;
    if (!has || !(pd.attrs & JS_ATTR_ENUMERABLE)) continue;
    JSValue desc_obj = js_get(vm, props, key);
    if (js_is_exception(desc_obj)) return desc_obj;
    JSPropDesc d;
    if (!js_to_property_descriptor(vm, desc_obj, &d)) return JS_EXCEPTION;
    list = pack_desc(vm, list, key, &d);
  }
  // Phase 2: apply them in key order; the first refusal throws.
  for (uint32_t i = 0; i < list->used; i += DESC_WORDS) {
    JSPropDesc d;
    unpack_desc(&list->v[i], &d);
    if (js_define_own_property(vm, obj, list->v[i], &d, true) < 0) return JS_EXCEPTION;
  }
  return obj;
}

// Object.create (§20.1.2.2): the prototype check comes before anything
// is allocated; the properties, if any, go through ObjectDefineProperties.
static JSValue object_create(JSVM *vm, JSValue self, int argc, JSValue *argv,
                             JSValue nt) {
  JSValue proto = js_arg(0);
  if (!js_is_object(proto) && !js_is_null(proto)) return throw_bad_proto(vm, proto);
  JSValue obj = js_new_object_proto(vm, proto);
  if (js_is_undefined(js_arg(1))) return obj;
  return define_properties(vm, obj, js_arg(1));
}

// Object.defineProperties (§20.1.2.3): unlike Object.create, a
// non-object target is an error rather than a prototype check.
static JSValue object_define_properties(JSVM *vm, JSValue self, int argc,
                                        JSValue *argv, JSValue nt) {
  JSValue o = js_arg(0);
  if (!js_is_object(o))
    return js_throw_type_error(vm, "Object.defineProperties called on non-object");
  return define_properties(vm, o, js_arg(1));
}

// Object.defineProperty (§20.1.2.4): DefinePropertyOrThrow, so a refused
// definition is a TypeError ("Cannot redefine property: x").
static JSValue object_define_property(JSVM *vm, JSValue self, int argc,
                                      JSValue *argv, JSValue nt) {
  JSValue o = js_arg(0);
  if (!js_is_object(o))
    return js_throw_type_error(vm, "Object.defineProperty called on non-object");
  // Key conversion happens before the descriptor is read (spec order).
  JSValue key = js_to_property_key(vm, js_arg(1));
  if (js_is_exception(key)) return key;
  JSPropDesc d;
  if (!js_to_property_descriptor(vm, js_arg(2), &d)) return JS_EXCEPTION;
  if (js_define_own_property(vm, o, key, &d, true) < 0) return JS_EXCEPTION;
  return o;
}

/* {==== Enumerating own properties ====} */

enum { ENUM_KEYS, ENUM_VALUES, ENUM_ENTRIES };

// One element of EnumerableOwnProperties' result for key (kind by magic).
static int push_enum_entry(JSVM *vm, JSValue result, JSValue obj, JSValue key,
                           int kind) {
  // Index keys are numbers internally; JS sees them as strings.
  JSValue name = js_key_to_string(vm, key);
  if (js_is_exception(name)) return -1;
  if (kind == ENUM_KEYS) return js_array_push(vm, result, name);
  JSValue v = js_get(vm, obj, key);
  if (js_is_exception(v)) return -1;
  if (kind == ENUM_VALUES) return js_array_push(vm, result, v);
  // entries: a fresh [key, value] array per property.
  JSValue pair[2] = {name, v};
  return js_array_push(vm, result, js_new_array_from(vm, 2, pair));
}

// Object.keys / values / entries: EnumerableOwnProperties (§7.3.23).
static JSValue object_enum_own(JSVM *vm, JSValue self, int argc, JSValue *argv,
                               JSValue nt) {
  int kind = js_native_magic(vm);
  // Only string keys: symbols are never listed by keys/values/entries.
  JSValue obj = js_to_object(vm, js_arg(0));
  if (js_is_exception(obj)) return obj;
  // Keys alone run no user code between the steps, so for non-proxies
  // the enumerable filter can be applied while listing.
  if (kind == ENUM_KEYS && !js_is_type(obj, JS_TYPE_Proxy)) {
    JSArrayStore *keys = js_own_keys(vm, obj, JS_KEYS_STRINGS | JS_KEYS_ENUMERABLE_ONLY);
    return keys ? keys_to_array(vm, keys) : JS_EXCEPTION;
  }
  JSArrayStore *keys = js_own_keys(vm, obj, JS_KEYS_STRINGS);
  if (!keys) return JS_EXCEPTION;
  // Values and entries need a Get per key, which may run getters.
  JSValue result = js_new_array(vm, 0);
  for (uint32_t i = 0; i < keys->used; i++) {
    // A getter run for an earlier value may delete or hide this key.
    JSPropDesc d;
    int has = js_get_own_property(vm, obj, keys->v[i], &d);
    if (has < 0) return JS_EXCEPTION;
    if (!has || !(d.attrs & JS_ATTR_ENUMERABLE)) continue;
    if (push_enum_entry(vm, result, obj, keys->v[i], kind) < 0) return JS_EXCEPTION;
  }
  return result;
}

// Object.getOwnPropertyNames / getOwnPropertySymbols (magic: the
// JS_KEYS_* kind): GetOwnPropertyKeys (§20.1.2.11.1).
static JSValue object_own_keys_of_kind(JSVM *vm, JSValue self, int argc,
                                       JSValue *argv, JSValue nt) {
  JSValue obj = js_to_object(vm, js_arg(0));
  if (js_is_exception(obj)) return obj;
  JSArrayStore *keys = js_own_keys(vm, obj, js_native_magic(vm));
  return keys ? keys_to_array(vm, keys) : JS_EXCEPTION;
}

// Object.getOwnPropertyDescriptor (§20.1.2.8): ToObject before
// ToPropertyKey; an absent property gives undefined, not an error.
static JSValue object_get_own_property_descriptor(JSVM *vm, JSValue self, int argc,
                                                  JSValue *argv, JSValue nt) {
  JSValue obj = js_to_object(vm, js_arg(0));
  if (js_is_exception(obj)) return obj;
  JSValue key = js_to_property_key(vm, js_arg(1));
  if (js_is_exception(key)) return key;
  JSPropDesc d;
  int has = js_get_own_property(vm, obj, key, &d);
  if (has < 0) return JS_EXCEPTION;
  return has ? js_from_property_descriptor(vm, &d) : JS_UNDEFINED;
}

// Object.getOwnPropertyDescriptors (§20.1.2.9): one descriptor object per
// own key, strings and symbols alike, on a fresh ordinary object.
static JSValue object_get_own_property_descriptors(JSVM *vm, JSValue self, int argc,
                                                   JSValue *argv, JSValue nt) {
  JSValue obj = js_to_object(vm, js_arg(0));
  if (js_is_exception(obj)) return obj;
  JSArrayStore *keys = js_own_keys(vm, obj, JS_KEYS_STRINGS | JS_KEYS_SYMBOLS);
  if (!keys) return JS_EXCEPTION;
  JSValue result = js_new_object(vm);
  for (uint32_t i = 0; i < keys->used; i++) {
    JSPropDesc d;
    int has = js_get_own_property(vm, obj, keys->v[i], &d);
    if (has < 0) return JS_EXCEPTION;
    // A key that vanished (a proxy's ownKeys lied) is simply skipped.
    if (!has) continue;
    JSValue desc = js_from_property_descriptor(vm, &d);
    if (js_create_data_property_or_throw(vm, result, keys->v[i], desc) < 0)
      return JS_EXCEPTION;
  }
  return result;
}

/* {==== Building objects from iterables ====} */

// IfAbruptCloseIterator: close the iterator (its return() cannot
// replace the pending exception) and propagate.
static JSValue close_throw(JSVM *vm, const JSIterRecord *it) {
  js_iterator_close(vm, it, true);
  return JS_EXCEPTION;
}

// Object.fromEntries (§20.1.2.7): AddEntriesFromIterable with
// CreateDataPropertyOnObject as the adder; any failure after an entry
// was taken closes the iterator.
static JSValue object_from_entries(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                   JSValue nt) {
  // RequireObjectCoercible, with V8's wording for the common mistake.
  JSValue iterable = js_arg(0);
  if (js_is_nullish(iterable))
    return js_throw_type_error(vm, "%s is not iterable",
                               js_is_null(iterable) ? "null" : "undefined");
  // The result exists before iteration starts (spec step 2).
  JSValue obj = js_new_object(vm);
  JSIterRecord it;
  if (!js_get_iterator(vm, iterable, &it)) return JS_EXCEPTION;
  for (;;) {
    JSValue item;
    int r = js_iterator_step_value(vm, &it, &item);
    if (r <= 0) return r < 0 ? JS_EXCEPTION : obj;
    if (!js_is_object(item)) {
      js_throw_type_error(vm, "Iterator value is not an entry object");
      return close_throw(vm, &it);
    }
    // Both Gets come before the key conversion (the spec's order).
    JSValue k = js_get(vm, item, js_index_key(0));
    if (js_is_exception(k)) return close_throw(vm, &it);
    JSValue v = js_get(vm, item, js_index_key(1));
    if (js_is_exception(v)) return close_throw(vm, &it);
    JSValue key = js_to_property_key(vm, k);
    if (js_is_exception(key)) return close_throw(vm, &it);
    if (js_create_data_property_or_throw(vm, obj, key, v) < 0)
      return close_throw(vm, &it);
  }
}

// AddValueToKeyedGroup, with the result object itself as the group list:
// the callback never sees it, and its key order is first-appearance
// order, which is the order the spec creates the properties in.
static int add_to_group(JSVM *vm, JSValue groups, JSValue key, JSValue value) {
  JSPropDesc d;
  int has = js_get_own_property(vm, groups, key, &d);
  if (has < 0) return -1;
  // groups is ours: every own property is a plain array we made.
  if (has) return js_array_push(vm, d.value, value);
  JSValue arr = js_new_array_from(vm, 1, &value);
  return js_create_data_property_or_throw(vm, groups, key, arr);
}

// Object.groupBy (§20.1.2.12): GroupBy(items, callback, property).
static JSValue object_group_by(JSVM *vm, JSValue self, int argc, JSValue *argv,
                               JSValue nt) {
  JSValue items = js_arg(0), cb = js_arg(1);
  // Both checks come before the iterator is even requested.
  if (js_is_nullish(items))
    return js_throw_type_error(vm, "Object.groupBy called on null or undefined");
  if (!js_is_callable(cb)) return js_throw_type_error(vm, "callback is not a function");
  // A null-prototype result, so group names never collide with
  // inherited properties such as "toString".
  JSValue groups = js_new_object_proto(vm, JS_NULL);
  JSIterRecord it;
  if (!js_get_iterator(vm, items, &it)) return JS_EXCEPTION;
  // k cannot reach 2^53 - 1 in practice (the spec's overflow check).
  for (double k = 0;; k++) {
    JSValue value;
    int r = js_iterator_step_value(vm, &it, &value);
    if (r <= 0) return r < 0 ? JS_EXCEPTION : groups;
    // The callback gets the value and its index, with this undefined.
    JSValue args[2] = {value, js_from_number(k)};
    JSValue key = js_call(vm, cb, JS_UNDEFINED, 2, args);
    if (js_is_exception(key)) return close_throw(vm, &it);
    key = js_to_property_key(vm, key);
    if (js_is_exception(key)) return close_throw(vm, &it);
    if (add_to_group(vm, groups, key, value) < 0) return close_throw(vm, &it);
  }
}

/* {==== Prototypes and integrity ====} */

// Object.getPrototypeOf (§20.1.2.10): primitives are boxed first, so
// Object.getPrototypeOf(1) is Number.prototype.
static JSValue object_get_prototype_of(JSVM *vm, JSValue self, int argc,
                                       JSValue *argv, JSValue nt) {
  JSValue obj = js_to_object(vm, js_arg(0));
  if (js_is_exception(obj)) return obj;
  return js_get_prototype_of(vm, obj);
}

// Object.setPrototypeOf (§20.1.2.23): a refusal (cycle, non-extensible
// object, immutable prototype) is a TypeError, unlike Reflect's false.
static JSValue object_set_prototype_of(JSVM *vm, JSValue self, int argc,
                                       JSValue *argv, JSValue nt) {
  JSValue o = js_arg(0), proto = js_arg(1);
  // RequireObjectCoercible(O), then the prototype's type check.
  if (js_is_nullish(o))
    return js_throw_type_error(vm, "Object.setPrototypeOf called on null or undefined");
  if (!js_is_object(proto) && !js_is_null(proto)) return throw_bad_proto(vm, proto);
  // Primitives have no [[SetPrototypeOf]] of their own: nothing happens.
  if (!js_is_object(o)) return o;
  int r = js_set_prototype_of(vm, o, proto);
  if (r < 0) return JS_EXCEPTION;
  if (r == 0) return throw_set_proto_refused(vm, o);
  return o;
}

// SetIntegrityLevel (§7.3.15): 1 done, 0 refused by the object, -1.
static int set_integrity_level(JSVM *vm, JSValue o, bool frozen) {
  // Extensions stop first, so no property can be added behind the loop.
  int r = js_prevent_extensions(vm, o);
  if (r <= 0) return r;
  JSArrayStore *keys = js_own_keys(vm, o, JS_KEYS_STRINGS | JS_KEYS_SYMBOLS);
  if (!keys) return -1;
  for (uint32_t i = 0; i < keys->used; i++) {
    JSPropDesc d = empty_desc();
    d.has_configurable = true;  // attrs 0: configurable false
    if (frozen) {
      // Freezing also makes data properties read-only; accessors keep
      // their functions and have no writable attribute to clear.
      JSPropDesc cur;
      int has = js_get_own_property(vm, o, keys->v[i], &cur);
      if (has < 0) return -1;
      if (!has) continue;
      if (!is_accessor(&cur)) d.has_writable = true;
    }
    // DefinePropertyOrThrow: a key that refuses ends the whole operation.
    if (js_define_own_property(vm, o, keys->v[i], &d, true) < 0) return -1;
  }
  return 1;
}

// TestIntegrityLevel (§7.3.16): 1 yes, 0 no, -1 exception.
static int test_integrity_level(JSVM *vm, JSValue o, bool frozen) {
  // An extensible object is neither sealed nor frozen, whatever its
  // properties (an empty non-extensible object is both).
  int ext = js_is_extensible(vm, o);
  if (ext != 0) return ext < 0 ? -1 : 0;
  JSArrayStore *keys = js_own_keys(vm, o, JS_KEYS_STRINGS | JS_KEYS_SYMBOLS);
  if (!keys) return -1;
  for (uint32_t i = 0; i < keys->used; i++) {
    JSPropDesc d;
    int has = js_get_own_property(vm, o, keys->v[i], &d);
    if (has < 0) return -1;
    if (!has) continue;
    // Sealed: nothing configurable. Frozen: also no writable data.
    if (d.attrs & JS_ATTR_CONFIGURABLE) return 0;
    if (frozen && !is_accessor(&d) && (d.attrs & JS_ATTR_WRITABLE)) return 0;
  }
  return 1;
}

// Object.freeze (magic 1) and Object.seal (magic 0); non-objects pass.
static JSValue object_freeze_or_seal(JSVM *vm, JSValue self, int argc,
                                     JSValue *argv, JSValue nt) {
  bool frozen = js_native_magic(vm);
  JSValue o = js_arg(0);
  if (!js_is_object(o)) return o;
  int r = set_integrity_level(vm, o, frozen);
  if (r < 0) return JS_EXCEPTION;
  // Ordinary objects never refuse; a refusing exotic object throws.
  if (r == 0) return js_throw_type_error(vm, frozen ? "Cannot freeze" : "Cannot seal");
  return o;
}

// Object.isFrozen (magic 1) and Object.isSealed (magic 0).
static JSValue object_is_frozen_or_sealed(JSVM *vm, JSValue self, int argc,
                                          JSValue *argv, JSValue nt) {
  JSValue o = js_arg(0);
  // Primitives count as frozen and sealed (they have no properties to
  // change), the mirror of freeze returning them unchanged.
  if (!js_is_object(o)) return JS_TRUE;
  int r = test_integrity_level(vm, o, js_native_magic(vm));
  return r < 0 ? JS_EXCEPTION : js_from_bool(r);
}

// Object.isExtensible (§20.1.2.16): primitives are simply not extensible.
static JSValue object_is_extensible(JSVM *vm, JSValue self, int argc,
                                    JSValue *argv, JSValue nt) {
  JSValue o = js_arg(0);
  if (!js_is_object(o)) return JS_FALSE;
  int r = js_is_extensible(vm, o);
  return r < 0 ? JS_EXCEPTION : js_from_bool(r);
}

// Object.preventExtensions (§20.1.2.20): primitives pass through; an
// object that refuses (a proxy, later) is a TypeError.
static JSValue object_prevent_extensions(JSVM *vm, JSValue self, int argc,
                                         JSValue *argv, JSValue nt) {
  JSValue o = js_arg(0);
  if (!js_is_object(o)) return o;
  int r = js_prevent_extensions(vm, o);
  if (r < 0) return JS_EXCEPTION;
  if (r == 0) return js_throw_type_error(vm, "Cannot prevent extensions");
  return o;
}

/* {==== Small statics ====} */

static JSValue object_has_own(JSVM *vm, JSValue self, int argc, JSValue *argv,
                              JSValue nt) {
  // ToObject before ToPropertyKey here (hasOwnProperty does the reverse).
  JSValue obj = js_to_object(vm, js_arg(0));
  if (js_is_exception(obj)) return obj;
  JSValue key = js_to_property_key(vm, js_arg(1));
  if (js_is_exception(key)) return key;
  int r = js_has_own_property(vm, obj, key);
  return r < 0 ? JS_EXCEPTION : js_from_bool(r);
}

// Object.is (§20.1.2.14): SameValue, which tells -0 from +0 and finds NaN
// equal to itself.
static JSValue object_is(JSVM *vm, JSValue self, int argc, JSValue *argv,
                         JSValue nt) {
  return js_from_bool(js_same_value(js_arg(0), js_arg(1)));
}

/* {==== Object.prototype ====} */

// Object.prototype.hasOwnProperty (§20.1.3.2): ToPropertyKey runs before
// ToObject(this), so a throwing key wins over a null this.
static JSValue proto_has_own_property(JSVM *vm, JSValue self, int argc,
                                      JSValue *argv, JSValue nt) {
  JSValue key = js_to_property_key(vm, js_arg(0));
  if (js_is_exception(key)) return key;
  JSValue o = js_to_object(vm, self);
  if (js_is_exception(o)) return o;
  int r = js_has_own_property(vm, o, key);
  return r < 0 ? JS_EXCEPTION : js_from_bool(r);
}

// Object.prototype.isPrototypeOf (§20.1.3.3): walks V's chain through
// [[GetPrototypeOf]] (observable on proxies), comparing by identity.
static JSValue proto_is_prototype_of(JSVM *vm, JSValue self, int argc,
                                     JSValue *argv, JSValue nt) {
  JSValue v = js_arg(0);
  // A primitive argument answers false before this is even checked.
  if (!js_is_object(v)) return JS_FALSE;
  JSValue o = js_to_object(vm, self);
  if (js_is_exception(o)) return o;
  for (;;) {
    v = js_get_prototype_of(vm, v);
    if (js_is_exception(v)) return v;
    if (!js_is_object(v)) return JS_FALSE;
    if (v.bits == o.bits) return JS_TRUE;
  }
}

// Object.prototype.propertyIsEnumerable (§20.1.3.4): own properties only;
// an inherited enumerable property answers false.
static JSValue proto_property_is_enumerable(JSVM *vm, JSValue self, int argc,
                                            JSValue *argv, JSValue nt) {
  JSValue key = js_to_property_key(vm, js_arg(0));
  if (js_is_exception(key)) return key;
  JSValue o = js_to_object(vm, self);
  if (js_is_exception(o)) return o;
  JSPropDesc d;
  int has = js_get_own_property(vm, o, key, &d);
  if (has < 0) return JS_EXCEPTION;
  return js_from_bool(has && (d.attrs & JS_ATTR_ENUMERABLE));
}

// toLocaleString: Invoke(this, "toString") with this left as it is.
static JSValue proto_to_locale_string(JSVM *vm, JSValue self, int argc,
                                      JSValue *argv, JSValue nt) {
  JSValue f = js_get(vm, self, vm->atom[JS_ATOM_toString]);
  if (js_is_exception(f)) return f;
  if (!js_is_callable(f)) return js_throw_type_error(vm, "toString is not a function");
  return js_call(vm, f, self, 0, NULL);
}

// The builtinTag of Object.prototype.toString (§20.1.3.6 steps 6-14) for
// an object that is not an array.
static const char *builtin_tag(JSValue o) {
  JSType t = js_cell_type(js_heap(o));
  if (t == JS_TYPE_Arguments) return "Arguments";
  if (js_is_callable(o)) return "Function";
  if (t == JS_TYPE_Error) return "Error";
  if (t == JS_TYPE_Date) return "Date";
  if (t == JS_TYPE_RegExp) return "RegExp";
  if (t == JS_TYPE_Primitive) {
    // Only Boolean, Number and String data have tags of their own.
    JSValue v = ((JSPrimitiveObject *)js_heap(o))->value;
    if (js_is_bool(v)) return "Boolean";
    if (js_is_number(v)) return "Number";
    if (js_is_string(v)) return "String";
  }
  return "Object";
}

// Object.prototype.toString (§20.1.3.6): "[object " tag "]", the tag from
// @@toStringTag when that is a string, else the builtin tag. undefined
// and null answer before ToObject (which would throw for them).
static JSValue proto_to_string(JSVM *vm, JSValue self, int argc, JSValue *argv,
                               JSValue nt) {
  if (js_is_undefined(self)) return js_string_from_cstr(vm, "[object Undefined]");
  if (js_is_null(self)) return js_string_from_cstr(vm, "[object Null]");
  JSValue o = js_to_object(vm, self);
  if (js_is_exception(o)) return o;
  // The builtin tag is decided before @@toStringTag is read. IsArray is
  // the Array family's (it will look through proxies, and can throw).
  int is_array = js_arr_is_array(vm, o);
  if (is_array < 0) return JS_EXCEPTION;
  const char *builtin = is_array ? "Array" : builtin_tag(o);
  // A string @@toStringTag (own or inherited) overrides the builtin tag.
  JSValue tag = js_get(vm, o, vm->symbol[JS_SYMBOL_toStringTag]);
  if (js_is_exception(tag)) return tag;
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  js_sb_ascii(&sb, "[object ");
  if (js_is_string(tag)) {
    js_sb_string(&sb, tag);
  } else {
    js_sb_ascii(&sb, builtin);
  }
  js_sb_char(&sb, ']');
  return js_sb_finish(&sb);
}

// Object.prototype.valueOf (§20.1.3.7): ToObject(this), boxing primitives.
static JSValue proto_value_of(JSVM *vm, JSValue self, int argc, JSValue *argv,
                              JSValue nt) {
  return js_to_object(vm, self);
}

/* {==== Annex B: __proto__ and the legacy accessor methods ====} */

// get Object.prototype.__proto__ (§B.2.2.1.1): boxes primitives, so
// (1).__proto__ is Number.prototype.
static JSValue proto_get_proto(JSVM *vm, JSValue self, int argc, JSValue *argv,
                               JSValue nt) {
  JSValue o = js_to_object(vm, self);
  if (js_is_exception(o)) return o;
  return js_get_prototype_of(vm, o);
}

// set Object.prototype.__proto__ (§B.2.2.1.2): only objects and null are
// accepted as prototypes, and only object receivers change; everything
// else is ignored without error (except a null or undefined this).
static JSValue proto_set_proto(JSVM *vm, JSValue self, int argc, JSValue *argv,
                               JSValue nt) {
  JSValue proto = js_arg(0);
  if (js_is_nullish(self))
    return js_throw_type_error(vm, "Object.prototype.__proto__ called on null or undefined");
  // Non-object prototypes and primitive receivers are silently ignored.
  if ((!js_is_object(proto) && !js_is_null(proto)) || !js_is_object(self)) return JS_UNDEFINED;
  int r = js_set_prototype_of(vm, self, proto);
  if (r < 0) return JS_EXCEPTION;
  if (r == 0) return throw_set_proto_refused(vm, self);
  return JS_UNDEFINED;
}

// __defineGetter__ (magic 0) and __defineSetter__ (magic 1) (§B.2.2.2-3):
// an enumerable, configurable accessor half, defined or throw.
static JSValue proto_define_accessor(JSVM *vm, JSValue self, int argc,
                                     JSValue *argv, JSValue nt) {
  bool setter = js_native_magic(vm);
  JSValue o = js_to_object(vm, self);
  if (js_is_exception(o)) return o;
  JSValue fn = js_arg(1);
  if (!js_is_callable(fn))
    return js_throw_type_error(vm, "Object.prototype.__define%sr__: Expecting function",
                               setter ? "Sette" : "Gette");
  // Only one half is given; [[DefineOwnProperty]] keeps the other half
  // of an existing accessor (a data property is replaced outright).
  JSPropDesc d = empty_desc();
  if (setter) {
    d.set = fn;
    d.has_set = true;
  } else {
    d.get = fn;
    d.has_get = true;
  }
  d.attrs = JS_ATTR_ENUMERABLE | JS_ATTR_CONFIGURABLE;
  d.has_enumerable = d.has_configurable = true;
  // The key is converted only after the function check (spec order).
  JSValue key = js_to_property_key(vm, js_arg(0));
  if (js_is_exception(key)) return key;
  if (js_define_own_property(vm, o, key, &d, true) < 0) return JS_EXCEPTION;
  return JS_UNDEFINED;
}

// __lookupGetter__ (magic 0) and __lookupSetter__ (magic 1): the first
// own property along the chain decides; a data property gives undefined.
static JSValue proto_lookup_accessor(JSVM *vm, JSValue self, int argc,
                                     JSValue *argv, JSValue nt) {
  bool setter = js_native_magic(vm);
  JSValue o = js_to_object(vm, self);
  if (js_is_exception(o)) return o;
  JSValue key = js_to_property_key(vm, js_arg(0));
  if (js_is_exception(key)) return key;
  // Walk the chain by [[GetPrototypeOf]]; null ends it.
  while (js_is_object(o)) {
    JSPropDesc d;
    int has = js_get_own_property(vm, o, key, &d);
    if (has < 0) return JS_EXCEPTION;
    if (has) return is_accessor(&d) ? (setter ? d.set : d.get) : JS_UNDEFINED;
    o = js_get_prototype_of(vm, o);
    if (js_is_exception(o)) return o;
  }
  return JS_UNDEFINED;
}

/* {==== Installation ====} */

// One builtin function to install: name, native, length, magic.
typedef struct MethodSpec {
  const char *name;
  JSNative fn;
  int length, magic;
} MethodSpec;

static const MethodSpec object_statics[] = {
    {"assign", object_assign, 2, 0},
    {"create", object_create, 2, 0},
    {"defineProperties", object_define_properties, 2, 0},
    {"defineProperty", object_define_property, 3, 0},
    {"entries", object_enum_own, 1, ENUM_ENTRIES},
    {"freeze", object_freeze_or_seal, 1, 1},
    {"fromEntries", object_from_entries, 1, 0},
    {"getOwnPropertyDescriptor", object_get_own_property_descriptor, 2, 0},
    {"getOwnPropertyDescriptors", object_get_own_property_descriptors, 1, 0},
    {"getOwnPropertyNames", object_own_keys_of_kind, 1, JS_KEYS_STRINGS},
    {"getOwnPropertySymbols", object_own_keys_of_kind, 1, JS_KEYS_SYMBOLS},
    {"getPrototypeOf", object_get_prototype_of, 1, 0},
    {"groupBy", object_group_by, 2, 0},
    {"hasOwn", object_has_own, 2, 0},
    {"is", object_is, 2, 0},
    {"isExtensible", object_is_extensible, 1, 0},
    {"isFrozen", object_is_frozen_or_sealed, 1, 1},
    {"isSealed", object_is_frozen_or_sealed, 1, 0},
    {"keys", object_enum_own, 1, ENUM_KEYS},
    {"preventExtensions", object_prevent_extensions, 1, 0},
    {"seal", object_freeze_or_seal, 1, 0},
    {"setPrototypeOf", object_set_prototype_of, 2, 0},
    {"values", object_enum_own, 1, ENUM_VALUES},
};

static const MethodSpec prototype_methods[] = {
    {"hasOwnProperty", proto_has_own_property, 1, 0},
    {"isPrototypeOf", proto_is_prototype_of, 1, 0},
    {"propertyIsEnumerable", proto_property_is_enumerable, 1, 0},
    {"toLocaleString", proto_to_locale_string, 0, 0},
    {"toString", proto_to_string, 0, 0},
    {"valueOf", proto_value_of, 0, 0},
    {"__defineGetter__", proto_define_accessor, 2, 0},
    {"__defineSetter__", proto_define_accessor, 2, 1},
    {"__lookupGetter__", proto_lookup_accessor, 1, 0},
    {"__lookupSetter__", proto_lookup_accessor, 1, 1},
};

// The Object constructor becomes %Object% (the intrinsic other families
// and the interpreter reach it through); its prototype is the realm's
// pre-made %Object.prototype%.
void js_init_object(JSVM *vm) {
  JSValue op = js_intrinsic(vm, ObjectPrototype);
  JSValue ctor = js_new_native_ctor(vm, "Object", object_ctor, 1, op);
  js_intrinsic(vm, Object) = ctor;
  for (size_t i = 0; i < sizeof object_statics / sizeof *object_statics; i++) {
    const MethodSpec *m = &object_statics[i];
    js_def_method_magic(vm, ctor, m->name, m->fn, m->length, m->magic);
  }
  // Object.prototype's own functions, then the Annex B accessor pair.
  for (size_t i = 0; i < sizeof prototype_methods / sizeof *prototype_methods; i++) {
    const MethodSpec *m = &prototype_methods[i];
    js_def_method_magic(vm, op, m->name, m->fn, m->length, m->magic);
  }
  js_def_getter(vm, op, "__proto__", proto_get_proto, proto_set_proto);
  js_def_value(vm, vm->realm->global, "Object", ctor, JS_ATTR_METHOD);
}
