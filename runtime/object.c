/*
 * runtime/object.c — the essential internal methods of ordinary objects
 * ([[GetOwnProperty]], [[DefineOwnProperty]], [[Get]], [[Set]],
 * [[Delete]], [[OwnPropertyKeys]], prototypes, extensibility) and the
 * exotic cases that live in the object itself: Array's length and String
 * wrappers' indices. Named properties go through maps (map.c) or the
 * object's dict; indexed ones through elements.c.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/dict.h"
#include "runtime/elements.h"
#include "runtime/map.h"
#include "runtime/proxy.h"
#include "runtime/typedarray.h"

/* {==== Allocation ====} */

JSObject *js_new_object_of(JSVM *vm, JSMap *map) {
  JSObject *o = ori_alloc(map->instance_size);
  o->map = map;
  // In-object slots start undefined (fresh object: raw stores).
  JSValue *slots = js_inline_slots(o);
  for (uint32_t i = 0; i < map->inline_count; i++) slots[i] = JS_UNDEFINED;
  return o;
}

JSValue js_new_object(JSVM *vm) {
  return js_val(js_new_object_of(vm, vm->realm->object_map));
}

JSValue js_new_object_proto(JSVM *vm, JSValue proto) {
  return js_val(js_new_object_of(vm, js_map_root(vm, proto, JS_DEFAULT_INLINE)));
}

JSArrayStore *js_new_store(JSVM *vm, uint32_t capacity) {
  JSArrayStore *s = ori_alloc(sizeof *s + (size_t)capacity * sizeof(JSValue));
  s->map = vm->array_store_map;
  s->length = capacity;
  return s;
}

JSArrayStore *js_store_push(JSVM *vm, JSArrayStore *s, JSValue v) {
  if (!s || s->used == s->length) {
    uint32_t cap = s ? s->length * 2 + 4 : 8;
    JSArrayStore *n = js_new_store(vm, cap);
    if (s) {
      memcpy(n->v, s->v, s->used * sizeof(JSValue));  // n is fresh
      n->used = s->used;
    }
    s = n;
  }
  ORI_STORE(s, v[s->used], v);
  s->used++;
  return s;
}

/* {==== Own properties ====} */

// A property key's text for an error message, in buf (cut to fit; "?"
// for symbols, whose key is not a string).
static const char *key_text(JSVM *vm, JSValue key, char *buf, size_t n) {
  JSValue ks = js_key_to_string(vm, key);
  char *s = js_is_string(ks) ? js_string_utf8(vm, ks, NULL) : NULL;
  snprintf(buf, n, "%s", s ? s : "?");
  free(s);
  return buf;
}

static void desc_data(JSPropDesc *d, JSValue v, uint32_t attrs) {
  memset(d, 0, sizeof *d);
  d->has_enumerable = d->has_configurable = true;
  d->attrs = (uint8_t)attrs;
  if (attrs & JS_ATTR_ACCESSOR) {
    JSAccessor *a = js_heap(v);
    d->get = a->getter;
    d->set = a->setter;
    d->has_get = d->has_set = true;
  } else {
    d->value = v;
    d->has_value = d->has_writable = true;
  }
}

// String wrapper objects expose their characters as read-only elements.
static JSValue string_data(JSObject *o) {
  if (o->map->type != JS_TYPE_Primitive) return JS_UNDEFINED;
  JSValue v = ((JSPrimitiveObject *)o)->value;
  return js_is_string(v) ? v : JS_UNDEFINED;
}

// The parameter slot a mapped arguments object's element i aliases.
static JSValue *mapped_slot(JSObject *o, uint32_t i) {
  if (o->map->type != JS_TYPE_Arguments) return NULL;
  JSArgumentsObject *a = (JSArgumentsObject *)o;
  if (!a->env || !a->map || i >= a->map->used || js_is_hole(a->map->v[i])) return NULL;
  return &a->env->slots[js_int32(a->map->v[i])];
}

static void unmap(JSObject *o, uint32_t i) {
  JSArgumentsObject *a = (JSArgumentsObject *)o;
  a->map->v[i] = JS_HOLE;
}

// Named own property lookup; returns the slot pointer and attributes.
static JSValue *find_named(JSObject *o, JSValue key, uint32_t *attrs) {
  JSMap *map = o->map;
  if (map->flags & JS_MAP_DICT) {
    JSDictEntry *e = js_dict_find((JSDict *)o->props, key);
    if (!e) return NULL;
    *attrs = e->attrs;
    return &e->value;
  }
  int i = js_map_lookup(map, key);
  if (i < 0) return NULL;
  *attrs = map->descs[i].attrs;
  return js_object_slot(o, map->descs[i].slot);
}

// [[GetOwnProperty]] for everything but proxies: 1 found, 0 absent.
static int get_own(JSVM *vm, JSObject *o, JSValue key, JSPropDesc *d) {
  uint32_t index;
  double ta_index;
  // Typed arrays answer every numeric key themselves (ECMA-262 10.4.5.1).
  if (o->map->type == JS_TYPE_TypedArray && js_typed_array_key(vm, o, key, &ta_index))
    return js_typed_array_get_own(vm, o, ta_index, d);
  if (js_key_is_index(key, &index)) {
    JSValue s = string_data(o);
    if (!js_is_undefined(s) && index < js_string_length(s)) {
      JSValue ch = js_string_substring(vm, s, index, index + 1);
      desc_data(d, ch, JS_ATTR_ENUMERABLE);
      return 1;
    }
    int r = js_elem_get_own(vm, o, index, d);
    // A mapped argument reads its parameter.
    JSValue *slot = r && !d->has_get ? mapped_slot(o, index) : NULL;
    if (slot) d->value = *slot;
    return r;
  }
  if (key.bits == vm->atom[JS_ATOM_length].bits) {
    if (o->map->type == JS_TYPE_ArrayObject) {
      JSArrayObject *a = (JSArrayObject *)o;
      desc_data(d, js_from_number(a->length),
                a->length_readonly ? 0 : JS_ATTR_WRITABLE);
      return 1;
    }
  }
  uint32_t attrs;
  JSValue *slot = find_named(o, key, &attrs);
  if (!slot) return 0;
  // A function's prototype object is made on first access.
  if (js_is_hole(*slot) && o->map->type == JS_TYPE_Function) {
    JSValue p = js_function_prototype_object(vm, (JSFunction *)o);
    *slot = p;
    ori_write_barrier(o, slot, p);
  }
  desc_data(d, *slot, attrs);
  return 1;
}

int js_get_own_property(JSVM *vm, JSValue obj, JSValue key, JSPropDesc *d) {
  JSPropDesc tmp;
  if (js_is_proxy(obj)) return js_proxy_get_own_property(vm, obj, key, d ? d : &tmp);
  return get_own(vm, js_obj(obj), key, d ? d : &tmp);
}

int js_has_own_property(JSVM *vm, JSValue obj, JSValue key) {
  JSPropDesc d;
  if (js_is_proxy(obj)) return js_proxy_get_own_property(vm, obj, key, &d);
  return get_own(vm, js_obj(obj), key, &d);
}

/* {==== [[Get]] ====} */

// The prototype a primitive's property lookup starts from.
static JSValue primitive_proto(JSVM *vm, JSValue v) {
  if (js_is_string(v)) return js_intrinsic(vm, StringPrototype);
  if (js_is_number(v)) return js_intrinsic(vm, NumberPrototype);
  if (js_is_bool(v)) return js_intrinsic(vm, BooleanPrototype);
  if (js_is_symbol(v)) return js_intrinsic(vm, SymbolPrototype);
  return js_intrinsic(vm, BigIntPrototype);
}

JSValue js_get_with_receiver(JSVM *vm, JSValue obj, JSValue key, JSValue receiver) {
  if (!js_is_object(obj)) {
    if (js_is_nullish(obj)) {
      char name[128];
      return js_throw_type_error(vm, "Cannot read properties of %s (reading '%s')",
                                 js_is_null(obj) ? "null" : "undefined",
                                 key_text(vm, key, name, sizeof name));
    }
    uint32_t index;
    if (js_is_string(obj)) {
      if (key.bits == vm->atom[JS_ATOM_length].bits)
        return js_from_int32((int32_t)js_string_length(obj));
      if (js_key_is_index(key, &index) && index < js_string_length(obj))
        return js_string_substring(vm, obj, index, index + 1);
    }
    obj = primitive_proto(vm, obj);
  }
  for (;;) {
    JSObject *o = js_obj(obj);
    JSPropDesc d;
    // A proxy anywhere on the chain takes over with its get trap.
    if (o->map->type == JS_TYPE_Proxy) return js_proxy_get(vm, obj, key, receiver);
    // A typed array's numeric keys never reach its prototypes (10.4.5.4).
    double ta_index;
    if (o->map->type == JS_TYPE_TypedArray && js_typed_array_key(vm, o, key, &ta_index))
      return js_typed_array_get(vm, o, ta_index);
    int found = get_own(vm, o, key, &d);
    if (found) {
      if (d.has_get) {
        if (js_is_undefined(d.get)) return JS_UNDEFINED;
        return js_call(vm, d.get, receiver, 0, NULL);
      }
      return d.value;
    }
    JSValue proto = o->map->proto;
    if (!js_is_object(proto)) return JS_UNDEFINED;
    obj = proto;
  }
}

JSValue js_get(JSVM *vm, JSValue obj, JSValue key) {
  return js_get_with_receiver(vm, obj, key, obj);
}

JSValue js_get_index(JSVM *vm, JSValue obj, uint32_t i) {
  return js_get(vm, obj, js_index_key(i));
}

JSValue js_get_atom(JSVM *vm, JSValue obj, int atom) {
  return js_get(vm, obj, vm->atom[atom]);
}

JSValue js_get_str(JSVM *vm, JSValue obj, const char *name) {
  return js_get(vm, obj, js_to_property_key(vm, js_atom(vm, name)));
}

/* {==== Writing properties ====} */

// Store a named property's value with attributes, adding it if absent.
static void put_named(JSVM *vm, JSObject *o, JSValue key, JSValue v, uint32_t attrs) {
  JSMap *map = o->map;
  // A prototype changing shape invalidates caches of inherited lookups.
  bool proto = map->flags & JS_MAP_PROTOTYPE;
  if (proto) vm->proto_epoch++;
  if (!(map->flags & JS_MAP_DICT)) {
    int i = js_map_lookup(map, key);
    if (i >= 0 && map->descs[i].attrs == attrs) {
      JSValue *slot = js_object_slot(o, map->descs[i].slot);
      *slot = v;
      ori_write_barrier(o, slot, v);
      return;
    }
    if (i < 0 && map->nprops < JS_MAX_FAST_PROPERTIES) {
      JSMap *child = js_map_add(vm, map, key, attrs);
      uint32_t slot = map->nprops;
      if (slot >= map->inline_count) {
        // Grow the out-of-line store to hold the new slot.
        uint32_t need = slot - map->inline_count + 1;
        JSArrayStore *ps = (JSArrayStore *)o->props;
        if (!ps || ps->length < need) {
          JSArrayStore *n = js_new_store(vm, need < 4 ? 4 : need * 2);
          if (ps) memcpy(n->v, ps->v, ps->length * sizeof(JSValue));  // fresh
          ORI_STORE_PTR(o, props, (JSCell *)n);
        }
      }
      o->map = child;
      if (proto) child->flags |= JS_MAP_PROTOTYPE;
      JSValue *p = js_object_slot(o, slot);
      *p = v;
      ori_write_barrier(o, p, v);
      return;
    }
    js_object_normalize(vm, o);
  }
  JSDict *d = js_dict_put(vm, (JSDict *)o->props, key, v, attrs);
  ORI_STORE_PTR(o, props, (JSCell *)d);
}

// -1 (RangeError thrown) when an element store could not grow.
static int put_property(JSVM *vm, JSObject *o, JSValue key, JSValue v, uint32_t attrs) {
  uint32_t index;
  if (js_key_is_index(key, &index)) {
    // An element on a prototype: hole-filling stores must look up the chain.
    if (o->map->flags & JS_MAP_PROTOTYPE) vm->proto_elements = true;
    if (!js_elem_define(vm, o, index, v, attrs)) return -1;
    if (o->map->type == JS_TYPE_ArrayObject) {
      JSArrayObject *a = (JSArrayObject *)o;
      if (index >= a->length) a->length = index + 1;
    }
    return 1;
  }
  put_named(vm, o, key, v, attrs);
  return 1;
}

static JSValue new_accessor(JSVM *vm, JSValue get, JSValue set) {
  JSAccessor *a = ori_alloc(sizeof *a);
  a->map = vm->accessor_map;
  a->getter = get;  // fresh cell: raw stores
  a->setter = set;
  return js_val(a);
}

/* {==== [[DefineOwnProperty]] ====} */

static bool is_accessor_desc(const JSPropDesc *d) { return d->has_get || d->has_set; }
static bool is_data_desc(const JSPropDesc *d) { return d->has_value || d->has_writable; }

static int define_array_length(JSVM *vm, JSArrayObject *a, const JSPropDesc *d);

// ValidateAndApplyPropertyDescriptor's checks against a non-configurable
// current property: true when the change is allowed.
static bool compatible(const JSPropDesc *cur, const JSPropDesc *d) {
  if (cur->attrs & JS_ATTR_CONFIGURABLE) return true;
  if (d->has_configurable && (d->attrs & JS_ATTR_CONFIGURABLE)) return false;
  if (d->has_enumerable &&
      ((d->attrs ^ cur->attrs) & JS_ATTR_ENUMERABLE)) return false;
  bool cur_acc = cur->has_get;
  if (is_accessor_desc(d) && !cur_acc) return false;
  if (is_data_desc(d) && cur_acc) return false;
  if (cur_acc) {
    if (d->has_get && !js_same_value(d->get, cur->get)) return false;
    if (d->has_set && !js_same_value(d->set, cur->set)) return false;
    return true;
  }
  if (!(cur->attrs & JS_ATTR_WRITABLE)) {
    if (d->has_writable && (d->attrs & JS_ATTR_WRITABLE)) return false;
    if (d->has_value && !js_same_value(d->value, cur->value)) return false;
  }
  return true;
}

// Merge d into cur (or into the defaults when absent) and store it: 1,
// or -1 as put_property.
static int apply_desc(JSVM *vm, JSObject *o, JSValue key, const JSPropDesc *cur,
                      const JSPropDesc *d) {
  uint32_t attrs = cur ? cur->attrs & (JS_ATTR_ENUMERABLE | JS_ATTR_CONFIGURABLE) : 0;
  if (d->has_enumerable)
    attrs = (attrs & ~JS_ATTR_ENUMERABLE) | (d->attrs & JS_ATTR_ENUMERABLE);
  if (d->has_configurable)
    attrs = (attrs & ~JS_ATTR_CONFIGURABLE) | (d->attrs & JS_ATTR_CONFIGURABLE);
  bool cur_acc = cur && cur->has_get;
  if (is_accessor_desc(d) || (cur_acc && !is_data_desc(d))) {
    JSValue get = d->has_get ? d->get : cur_acc ? cur->get : JS_UNDEFINED;
    JSValue set = d->has_set ? d->set : cur_acc ? cur->set : JS_UNDEFINED;
    return put_property(vm, o, key, new_accessor(vm, get, set), attrs | JS_ATTR_ACCESSOR);
  }
  bool writable = d->has_writable ? (d->attrs & JS_ATTR_WRITABLE)
                                  : (cur && !cur_acc && (cur->attrs & JS_ATTR_WRITABLE));
  JSValue v = d->has_value ? d->value : (cur && !cur_acc) ? cur->value : JS_UNDEFINED;
  return put_property(vm, o, key, v, attrs | (writable ? JS_ATTR_WRITABLE : 0));
}

static int define_own(JSVM *vm, JSObject *o, JSValue key, const JSPropDesc *d);

// [[DefineOwnProperty]] of mapped arguments (ECMA-262 10.4.4.2).
static int define_mapped(JSVM *vm, JSObject *o, uint32_t index, JSValue *slot,
                         JSValue key, const JSPropDesc *d) {
  JSPropDesc nd = *d;
  bool data = d->has_value || d->has_writable;
  if (data && !d->has_value && d->has_writable && !(d->attrs & JS_ATTR_WRITABLE)) {
    nd.value = *slot;
    nd.has_value = true;
  }
  // The ordinary define, with the map out of the way.
  JSValue saved = ((JSArgumentsObject *)o)->map->v[index];
  unmap(o, index);
  int ok = define_own(vm, o, key, &nd);
  ((JSArgumentsObject *)o)->map->v[index] = saved;
  if (ok <= 0) return ok;
  if (d->has_get || d->has_set) {
    unmap(o, index);
  } else {
    if (d->has_value) {
      *slot = d->value;
      ori_write_barrier(((JSArgumentsObject *)o)->env, slot, d->value);
    }
    if (d->has_writable && !(d->attrs & JS_ATTR_WRITABLE)) unmap(o, index);
  }
  return 1;
}

static int define_own(JSVM *vm, JSObject *o, JSValue key, const JSPropDesc *d) {
  double ta_index;
  if (o->map->type == JS_TYPE_TypedArray && js_typed_array_key(vm, o, key, &ta_index))
    return js_typed_array_define_own(vm, o, ta_index, d);  // 10.4.5.3
  uint32_t index;
  bool is_index = js_key_is_index(key, &index);
  JSValue *mslot = is_index ? mapped_slot(o, index) : NULL;
  if (mslot) return define_mapped(vm, o, index, mslot, key, d);
  if (o->map->type == JS_TYPE_ArrayObject) {
    JSArrayObject *a = (JSArrayObject *)o;
    if (key.bits == vm->atom[JS_ATOM_length].bits) return define_array_length(vm, a, d);
    if (is_index && index >= a->length && a->length_readonly) return 0;
  }
  JSPropDesc cur;
  int has = get_own(vm, o, key, &cur);
  if (!has) {
    if (o->map->flags & JS_MAP_NOT_EXTENSIBLE) return 0;
    return apply_desc(vm, o, key, NULL, d);
  }
  if (!compatible(&cur, d)) return 0;
  // String wrapper characters cannot change; a compatible define is a no-op.
  if (is_index && !js_is_undefined(string_data(o)) &&
      index < js_string_length(string_data(o)))
    return 1;
  return apply_desc(vm, o, key, &cur, d);
}

// ArraySetLength (ECMA-262 10.4.2.4).
static int define_array_length(JSVM *vm, JSArrayObject *a, const JSPropDesc *d) {
  JSPropDesc cur = {0};
  cur.attrs = a->length_readonly ? 0 : JS_ATTR_WRITABLE;
  cur.has_value = true;
  cur.value = js_from_number(a->length);
  if (!d->has_value) {
    if (!compatible(&cur, d)) return 0;
    if (d->has_writable && !(d->attrs & JS_ATTR_WRITABLE)) a->length_readonly = 1;
    return 1;
  }
  uint32_t len;
  double num;
  if (!js_to_uint32(vm, d->value, &len)) return -1;
  if (!js_to_number(vm, d->value, &num)) return -1;
  if ((double)len != num) {
    js_throw_range_error(vm, "Invalid array length");
    return -1;
  }
  JSPropDesc nd = *d;
  nd.value = js_from_number(len);
  if (len != a->length || (d->has_writable && !(d->attrs & JS_ATTR_WRITABLE)) ||
      (d->has_enumerable || d->has_configurable)) {
    if (!compatible(&cur, &nd)) return 0;
  }
  if (len != a->length && a->length_readonly) return 0;
  int ok = js_array_set_length(vm, a, len);
  if (d->has_writable && !(d->attrs & JS_ATTR_WRITABLE)) a->length_readonly = 1;
  return ok;
}

int js_define_own_property(JSVM *vm, JSValue obj, JSValue key,
                           const JSPropDesc *desc, bool throw_on_fail) {
  if (js_is_proxy(obj)) return js_proxy_define_own_property(vm, obj, key, desc, throw_on_fail);
  JSObject *o = js_obj(obj);
  int r = define_own(vm, o, key, desc);
  if (r == 0 && throw_on_fail) {
    char name[128];
    js_throw_type_error(vm, "Cannot redefine property: %s", key_text(vm, key, name, sizeof name));
    return -1;
  }
  return r;
}

int js_define_value(JSVM *vm, JSValue obj, JSValue key, JSValue v, int attrs) {
  JSObject *o = js_obj(obj);
  // Fast path: a new plain property on an ordinary extensible object.
  if (o->map->type == JS_TYPE_Object && !(o->map->flags & JS_MAP_NOT_EXTENSIBLE) &&
      !js_is_int32(key) && !js_is_double(key)) {
    uint32_t old;
    if (!find_named(o, key, &old)) {
      put_named(vm, o, key, v, (uint32_t)attrs);
      return 1;
    }
  }
  JSPropDesc d = {0};
  d.value = v;
  d.attrs = (uint8_t)attrs;
  d.has_value = d.has_writable = d.has_enumerable = d.has_configurable = true;
  if (o->map->type == JS_TYPE_Proxy) return js_proxy_define_own_property(vm, obj, key, &d, false);
  return define_own(vm, o, key, &d);
}

int js_create_data_property_or_throw(JSVM *vm, JSValue obj, JSValue key, JSValue v) {
  int r = js_define_value(vm, obj, key, v, JS_ATTR_DEFAULT);
  if (r == 0) {
    js_throw_type_error(vm, "Cannot add property, object is not extensible");
    return -1;
  }
  return r;
}

/* {==== [[Set]] ====} */

static int set_refused(JSVM *vm, JSValue key, bool strict, const char *why) {
  if (!strict) return 0;
  char name[128];
  js_throw_type_error(vm, why, key_text(vm, key, name, sizeof name));
  return -1;
}

// OrdinarySet's last step: write V into Receiver's own property.
static int set_on_receiver(JSVM *vm, JSValue key, JSValue v, JSValue receiver,
                           bool strict) {
  if (!js_is_object(receiver))
    return set_refused(vm, key, strict, "Cannot create property '%s' on primitive");
  JSObject *r = js_obj(receiver);
  JSPropDesc cur;
  // A proxy receiver sees its getOwnPropertyDescriptor and defineProperty
  // traps (OrdinarySetWithOwnDescriptor step 2).
  bool proxy = r->map->type == JS_TYPE_Proxy;
  int has = proxy ? js_proxy_get_own_property(vm, receiver, key, &cur) : get_own(vm, r, key, &cur);
  if (has < 0) return -1;
  JSPropDesc d = {0};
  d.value = v;
  d.has_value = true;
  if (has) {
    if (cur.has_get || !(cur.attrs & JS_ATTR_WRITABLE))
      return set_refused(vm, key, strict, "Cannot assign to read only property '%s' of object");
  } else {
    d.attrs = JS_ATTR_DEFAULT;
    d.has_writable = d.has_enumerable = d.has_configurable = true;
  }
  int ok = proxy ? js_proxy_define_own_property(vm, receiver, key, &d, false)
                 : define_own(vm, r, key, &d);
  if (ok == 0) return set_refused(vm, key, strict, "Cannot add property %s, object is not extensible");
  return ok;
}

int js_set_with_receiver(JSVM *vm, JSValue obj, JSValue key, JSValue v,
                         JSValue receiver, bool strict) {
  if (!js_is_object(obj)) {
    if (js_is_nullish(obj)) {
      char name[128];
      js_throw_type_error(vm, "Cannot set properties of %s (setting '%s')",
                          js_is_null(obj) ? "null" : "undefined",
                          key_text(vm, key, name, sizeof name));
      return -1;
    }
    obj = primitive_proto(vm, obj);
  }
  for (;;) {
    JSObject *o = js_obj(obj);
    // A proxy anywhere on the chain takes over with its set trap.
    if (o->map->type == JS_TYPE_Proxy) return js_proxy_set(vm, obj, key, v, receiver, strict);
    // Typed arrays (10.4.5.5): numeric keys store into the receiver
    // itself, or end the walk when invalid; valid ones found on another
    // receiver's chain continue as OrdinarySet.
    double ta_index;
    if (o->map->type == JS_TYPE_TypedArray && js_typed_array_key(vm, o, key, &ta_index)) {
      if (obj.bits == receiver.bits) return js_typed_array_set(vm, o, ta_index, v);
      if (!js_typed_array_valid_index(o, ta_index)) return 1;
    }
    // Fast path: own writable data property of the receiver itself.
    if (obj.bits == receiver.bits && !(o->map->flags & JS_MAP_DICT) &&
        !js_is_int32(key) && !js_is_double(key)) {
      int i = js_map_lookup(o->map, key);
      if (i >= 0 && o->map->descs[i].attrs & JS_ATTR_WRITABLE &&
          !(o->map->descs[i].attrs & JS_ATTR_ACCESSOR)) {
        JSValue *slot = js_object_slot(o, o->map->descs[i].slot);
        *slot = v;
        ori_write_barrier(o, slot, v);
        return 1;
      }
    }
    JSPropDesc d;
    if (get_own(vm, o, key, &d)) {
      if (d.has_get) {
        if (js_is_undefined(d.set))
          return set_refused(vm, key, strict, "Cannot set property %s which has only a getter");
        JSValue r = js_call(vm, d.set, receiver, 1, &v);
        return js_is_exception(r) ? -1 : 1;
      }
      if (!(d.attrs & JS_ATTR_WRITABLE))
        return set_refused(vm, key, strict, "Cannot assign to read only property '%s' of object");
      return set_on_receiver(vm, key, v, receiver, strict);
    }
    JSValue proto = o->map->proto;
    if (!js_is_object(proto)) return set_on_receiver(vm, key, v, receiver, strict);
    obj = proto;
  }
}

int js_set(JSVM *vm, JSValue obj, JSValue key, JSValue v, bool strict) {
  return js_set_with_receiver(vm, obj, key, v, obj, strict);
}

int js_set_index(JSVM *vm, JSValue obj, uint32_t i, JSValue v, bool strict) {
  return js_set(vm, obj, js_index_key(i), v, strict);
}

/* {==== has, delete, keys ====} */

int js_has_property(JSVM *vm, JSValue obj, JSValue key) {
  while (js_is_object(obj)) {
    JSPropDesc d;
    double ta_index;
    // A proxy anywhere on the chain takes over with its has trap.
    if (js_is_proxy(obj)) return js_proxy_has(vm, obj, key);
    if (js_obj(obj)->map->type == JS_TYPE_TypedArray &&
        js_typed_array_key(vm, js_obj(obj), key, &ta_index))
      return js_typed_array_valid_index(js_obj(obj), ta_index);  // 10.4.5.2
    if (get_own(vm, js_obj(obj), key, &d)) return 1;
    obj = js_obj(obj)->map->proto;
  }
  return 0;
}

// Deleting the newest property of a fast object steps back along the
// transition tree instead of going to dictionary mode.
static bool delete_named(JSVM *vm, JSObject *o, JSValue key) {
  uint32_t attrs;
  JSValue *slot = find_named(o, key, &attrs);
  if (!slot) return true;
  if (!(attrs & JS_ATTR_CONFIGURABLE)) return false;
  JSMap *map = o->map;
  if (map->flags & JS_MAP_PROTOTYPE) vm->proto_epoch++;
  if (!(map->flags & JS_MAP_DICT) && map->back && map->nprops > 0 &&
      map->descs[map->nprops - 1].key.bits == key.bits) {
    *slot = JS_UNDEFINED;
    o->map = map->back;
    return true;
  }
  js_object_normalize(vm, o);
  js_dict_remove((JSDict *)o->props, key);
  return true;
}

int js_delete_property(JSVM *vm, JSValue obj, JSValue key, bool strict) {
  if (js_is_proxy(obj)) return js_proxy_delete(vm, obj, key, strict);
  JSObject *o = js_obj(obj);
  uint32_t index;
  bool ok;
  double ta_index;
  if (o->map->type == JS_TYPE_TypedArray && js_typed_array_key(vm, o, key, &ta_index)) {
    ok = !js_typed_array_valid_index(o, ta_index);  // 10.4.5.6
  } else if (js_key_is_index(key, &index)) {
    JSValue s = string_data(o);
    ok = !js_is_undefined(s) && index < js_string_length(s) ? false
                                                              : js_elem_delete(vm, o, index);
    if (ok && mapped_slot(o, index)) unmap(o, index);
  } else if (o->map->type == JS_TYPE_ArrayObject &&
             key.bits == vm->atom[JS_ATOM_length].bits) {
    ok = false;
  } else {
    ok = delete_named(vm, o, key);
  }
  if (!ok && strict) {
    char name[128];
    js_throw_type_error(vm, "Cannot delete property '%s' of object",
                        key_text(vm, key, name, sizeof name));
    return -1;
  }
  return ok;
}

static bool is_private(JSValue key) {
  return js_is_symbol(key) && (((JSSymbol *)js_heap(key))->flags & JS_SYM_PRIVATE);
}

// Append the named keys of one kind (strings or symbols) in order.
static JSArrayStore *named_keys(JSVM *vm, JSObject *o, JSArrayStore *out,
                                bool symbols, bool enumerable_only) {
  JSMap *map = o->map;
  if (!(map->flags & JS_MAP_DICT)) {
    for (uint32_t i = 0; i < map->nprops; i++) {
      JSDescriptor *d = &map->descs[i];
      if (js_is_symbol(d->key) != symbols || is_private(d->key)) continue;
      if (enumerable_only && !(d->attrs & JS_ATTR_ENUMERABLE)) continue;
      out = js_store_push(vm, out, d->key);
    }
    return out;
  }
  JSDict *dict = (JSDict *)o->props;
  uint32_t n;
  uint32_t *order = js_dict_sorted(dict, &n);
  for (uint32_t k = 0; k < n; k++) {
    JSDictEntry *e = &dict->e[order[k]];
    if (js_is_symbol(e->key) != symbols || is_private(e->key)) continue;
    if (enumerable_only && !(e->attrs & JS_ATTR_ENUMERABLE)) continue;
    out = js_store_push(vm, out, e->key);
  }
  free(order);
  return out;
}

JSArrayStore *js_own_keys(JSVM *vm, JSValue obj, int flags) {
  if (js_is_proxy(obj)) return js_proxy_own_keys(vm, obj, flags);
  JSObject *o = js_obj(obj);
  JSArrayStore *out = js_new_store(vm, 8);
  bool en = flags & JS_KEYS_ENUMERABLE_ONLY;
  if (flags & JS_KEYS_STRINGS) {
    JSValue s = string_data(o);
    uint32_t n = js_is_undefined(s) ? 0 : js_string_length(s);
    for (uint32_t i = 0; i < n; i++) out = js_store_push(vm, out, js_index_key(i));
    if (o->map->type == JS_TYPE_TypedArray) out = js_typed_array_keys(vm, o, out);
    out = js_elem_keys(vm, o, out, en);
    if (o->map->type == JS_TYPE_ArrayObject && !en)
      out = js_store_push(vm, out, vm->atom[JS_ATOM_length]);
    out = named_keys(vm, o, out, false, en);
  }
  if (flags & JS_KEYS_SYMBOLS) out = named_keys(vm, o, out, true, en);
  return out;
}

/* {==== Prototypes and extensibility ====} */

JSValue js_get_prototype_of(JSVM *vm, JSValue obj) {
  if (js_is_proxy(obj)) return js_proxy_get_prototype_of(vm, obj);
  return js_obj(obj)->map->proto;
}

int js_set_prototype_of(JSVM *vm, JSValue obj, JSValue proto) {
  if (js_is_proxy(obj)) return js_proxy_set_prototype_of(vm, obj, proto);
  JSObject *o = js_obj(obj);
  if (o->map->proto.bits == proto.bits) return 1;
  vm->proto_epoch++;
  if (o->map->flags & JS_MAP_NOT_EXTENSIBLE) return 0;
  // Immutable prototype exotic: Object.prototype.
  if (obj.bits == js_intrinsic(vm, ObjectPrototype).bits) return 0;
  // A proxy ends the cycle check (OrdinarySetPrototypeOf step 8.c.i).
  for (JSValue p = proto; js_is_object(p) && !js_is_proxy(p); p = js_obj(p)->map->proto)
    if (p.bits == obj.bits) return 0;  // would make a cycle
  if (o->map->type == JS_TYPE_Object && o->map->nprops == 0 &&
      !(o->map->flags & JS_MAP_DICT)) {
    o->map = js_map_root(vm, proto, o->map->inline_count);
    js_note_prototype(vm, proto);
    return 1;
  }
  // Otherwise the object gets a map of its own with the new prototype.
  if (!(o->map->flags & JS_MAP_DICT)) js_object_normalize(vm, o);
  ORI_STORE(o->map, proto, proto);
  js_note_prototype(vm, proto);
  return 1;
}

int js_prevent_extensions(JSVM *vm, JSValue obj) {
  if (js_is_proxy(obj)) return js_proxy_prevent_extensions(vm, obj);
  JSObject *o = js_obj(obj);
  if (o->map->flags & JS_MAP_NOT_EXTENSIBLE) return 1;
  if (!(o->map->flags & JS_MAP_DICT)) js_object_normalize(vm, o);
  o->map->flags |= JS_MAP_NOT_EXTENSIBLE;
  // Dense elements can no longer grow, so make them sparse: every later
  // element write goes through the checked path.
  if (o->elements && js_elements_dense(o)) {
    JSPropDesc d;
    (void)d;
    JSArrayStore *s = (JSArrayStore *)o->elements;
    JSDict *dict = js_dict_new(vm, 8);
    for (uint32_t i = 0; i < s->length; i++)
      if (!js_is_hole(s->v[i]))
        dict = js_dict_put(vm, dict, js_index_key(i), s->v[i], JS_ATTR_DEFAULT);
    ORI_STORE_PTR(o, elements, (JSCell *)dict);
  }
  return 1;
}

int js_is_extensible(JSVM *vm, JSValue obj) {
  if (js_is_proxy(obj)) return js_proxy_is_extensible(vm, obj);
  return !(js_obj(obj)->map->flags & JS_MAP_NOT_EXTENSIBLE);
}

/* {==== Descriptor objects ====} */

JSValue js_from_property_descriptor(JSVM *vm, const JSPropDesc *d) {
  JSValue o = js_new_object(vm);
  if (d->has_value) js_define_value(vm, o, vm->atom[JS_ATOM_value], d->value, JS_ATTR_DEFAULT);
  if (d->has_writable)
    js_define_value(vm, o, vm->atom[JS_ATOM_writable],
                    js_from_bool(d->attrs & JS_ATTR_WRITABLE), JS_ATTR_DEFAULT);
  if (d->has_get) js_define_value(vm, o, vm->atom[JS_ATOM_get], d->get, JS_ATTR_DEFAULT);
  if (d->has_set) js_define_value(vm, o, vm->atom[JS_ATOM_set], d->set, JS_ATTR_DEFAULT);
  if (d->has_enumerable)
    js_define_value(vm, o, vm->atom[JS_ATOM_enumerable],
                    js_from_bool(d->attrs & JS_ATTR_ENUMERABLE), JS_ATTR_DEFAULT);
  if (d->has_configurable)
    js_define_value(vm, o, vm->atom[JS_ATOM_configurable],
                    js_from_bool(d->attrs & JS_ATTR_CONFIGURABLE), JS_ATTR_DEFAULT);
  return o;
}

// One field of ToPropertyDescriptor: 1 present (*v set), 0 absent, -1.
static int desc_field(JSVM *vm, JSValue obj, int atom, JSValue *v) {
  int has = js_has_property(vm, obj, vm->atom[atom]);
  if (has <= 0) return has;
  *v = js_get(vm, obj, vm->atom[atom]);
  return js_is_exception(*v) ? -1 : 1;
}

static bool desc_flag(JSVM *vm, JSValue obj, int atom, uint8_t bit, bool *has,
                      JSPropDesc *d) {
  JSValue v;
  int r = desc_field(vm, obj, atom, &v);
  if (r < 0) return false;
  *has = r;
  if (r && js_to_boolean(v)) d->attrs |= bit;
  return true;
}

bool js_to_property_descriptor(JSVM *vm, JSValue obj, JSPropDesc *d) {
  memset(d, 0, sizeof *d);
  d->value = d->get = d->set = JS_UNDEFINED;
  if (!js_is_object(obj)) {
    js_throw_type_error(vm, "Property description must be an object");
    return false;
  }
  int r;
  if (!desc_flag(vm, obj, JS_ATOM_enumerable, JS_ATTR_ENUMERABLE, &d->has_enumerable, d) ||
      !desc_flag(vm, obj, JS_ATOM_configurable, JS_ATTR_CONFIGURABLE, &d->has_configurable, d))
    return false;
  if ((r = desc_field(vm, obj, JS_ATOM_value, &d->value)) < 0) return false;
  d->has_value = r;
  if (!desc_flag(vm, obj, JS_ATOM_writable, JS_ATTR_WRITABLE, &d->has_writable, d))
    return false;
  if ((r = desc_field(vm, obj, JS_ATOM_get, &d->get)) < 0) return false;
  d->has_get = r;
  if (r && !js_is_undefined(d->get) && !js_is_callable(d->get)) {
    js_throw_type_error(vm, "Getter must be a function");
    return false;
  }
  if ((r = desc_field(vm, obj, JS_ATOM_set, &d->set)) < 0) return false;
  d->has_set = r;
  if (r && !js_is_undefined(d->set) && !js_is_callable(d->set)) {
    js_throw_type_error(vm, "Setter must be a function");
    return false;
  }
  if ((d->has_get || d->has_set) && (d->has_value || d->has_writable)) {
    js_throw_type_error(vm, "Invalid property descriptor. Cannot both specify "
                            "accessors and a value or writable attribute");
    return false;
  }
  return true;
}

/* {==== Operations on objects (ECMA-262 7.3) ====} */

JSValue js_get_method(JSVM *vm, JSValue v, JSValue key) {
  JSValue f = js_get(vm, v, key);
  if (js_is_exception(f) || js_is_nullish(f)) return js_is_exception(f) ? f : JS_UNDEFINED;
  if (!js_is_callable(f)) return js_throw_type_error(vm, "Method is not a function");
  return f;
}

int js_ordinary_has_instance(JSVM *vm, JSValue c, JSValue v) {
  if (!js_is_callable(c)) return 0;
  if (js_is_type(c, JS_TYPE_BoundFunction))
    return js_instance_of(vm, v, ((JSBoundFunction *)js_heap(c))->target);
  if (!js_is_object(v)) return 0;
  JSValue proto = js_get(vm, c, vm->atom[JS_ATOM_prototype]);
  if (js_is_exception(proto)) return -1;
  if (!js_is_object(proto)) {
    js_throw_type_error(vm, "Function has non-object prototype in instanceof check");
    return -1;
  }
  // [[GetPrototypeOf]] at each step: a proxy on the chain sees its trap.
  // Only proxies can make the chain endless; past 100000 of them it
  // ends as V8 ends it.
  uint32_t proxies = 0;
  for (JSValue p = js_get_prototype_of(vm, v); !js_is_null(p); p = js_get_prototype_of(vm, p)) {
    if (js_is_exception(p)) return -1;
    if (p.bits == proto.bits) return 1;
    if (js_is_proxy(p) && ++proxies > 100000) {
      js_throw_range_error(vm, "Maximum call stack size exceeded");
      return -1;
    }
  }
  return 0;
}

int js_instance_of(JSVM *vm, JSValue v, JSValue target) {
  if (!js_is_object(target)) {
    js_throw_type_error(vm, "Right-hand side of 'instanceof' is not an object");
    return -1;
  }
  JSValue h = js_get_method(vm, target, vm->symbol[JS_SYMBOL_hasInstance]);
  if (js_is_exception(h)) return -1;
  if (!js_is_undefined(h)) {
    JSValue r = js_call(vm, h, target, 1, &v);
    return js_is_exception(r) ? -1 : js_to_boolean(r);
  }
  if (!js_is_callable(target)) {
    js_throw_type_error(vm, "Right-hand side of 'instanceof' is not callable");
    return -1;
  }
  return js_ordinary_has_instance(vm, target, v);
}

JSValue js_species_constructor(JSVM *vm, JSValue o, JSValue dflt) {
  JSValue c = js_get(vm, o, vm->atom[JS_ATOM_constructor]);
  if (js_is_exception(c) || js_is_undefined(c)) return js_is_exception(c) ? c : dflt;
  if (!js_is_object(c)) return js_throw_type_error(vm, "object.constructor is not an object");
  JSValue s = js_get(vm, c, vm->symbol[JS_SYMBOL_species]);
  if (js_is_exception(s) || js_is_nullish(s)) return js_is_exception(s) ? s : dflt;
  if (js_is_constructor(s)) return s;
  return js_throw_type_error(vm, "object.constructor[Symbol.species] is not a constructor");
}

JSRealm *js_function_realm(JSVM *vm, JSValue obj) {
  // A loop rather than the spec's recursion: bound functions and proxies
  // may nest deeply.
  for (;;) {
    if (js_is_function(obj)) return js_fn(obj)->shared->realm;
    if (js_is_type(obj, JS_TYPE_BoundFunction)) {
      obj = ((JSBoundFunction *)js_heap(obj))->target;
      continue;
    }
    if (!js_is_proxy(obj)) return vm->realm;
    JSProxyObject *p = js_heap(obj);
    if (js_is_null(p->handler)) {
      js_throw_type_error(vm, "Cannot perform 'GetFunctionRealm' on a proxy that has been revoked");
      return NULL;
    }
    obj = p->target;
  }
}

JSValue js_get_prototype_from_ctor(JSVM *vm, JSValue new_target, int intrinsic) {
  if (!js_is_object(new_target)) return vm->realm->intrinsic[intrinsic];
  JSValue p = js_get(vm, new_target, vm->atom[JS_ATOM_prototype]);
  if (js_is_exception(p) || js_is_object(p)) return p;
  // Step 4: the fallback is the intrinsic of the constructor's realm.
  JSRealm *r = js_function_realm(vm, new_target);
  return r ? r->intrinsic[intrinsic] : JS_EXCEPTION;
}

/* {==== Arrays ====} */

JSValue js_new_array(JSVM *vm, uint32_t length) {
  JSArrayObject *a = (JSArrayObject *)js_new_object_of(vm, vm->realm->array_map);
  a->length = length;
  // (At most 1024 slots: only a heap already full fails, and then the
  // array simply starts without a store.)
  if (length && length <= 1024 && !js_elem_ensure(vm, &a->base, length))
    (void)js_take_exception(vm);
  return js_val(a);
}

JSValue js_new_array_from(JSVM *vm, uint32_t n, const JSValue *v) {
  JSValue arr = js_new_array(vm, 0);
  JSObject *o = js_obj(arr);
  // (Callers hold the n values already: a heap too full for them is out
  // of memory, which js_new_store reports as ori_alloc does.)
  if (n) {
    JSArrayStore *s = js_new_store(vm, n);
    memcpy(s->v, v, n * sizeof(JSValue));  // s is fresh: raw stores
    ORI_STORE_PTR(o, elements, (JSCell *)s);
  }
  ((JSArrayObject *)o)->length = n;
  return arr;
}

int js_array_push(JSVM *vm, JSValue arr, JSValue v) {
  JSArrayObject *a = js_heap(arr);
  if (a->length_readonly || a->length == UINT32_MAX) {
    js_throw_type_error(vm, "Cannot add property %u, object is not extensible", a->length);
    return -1;
  }
  return put_property(vm, &a->base, js_index_key(a->length), v, JS_ATTR_DEFAULT);
}

bool js_length_of_array_like(JSVM *vm, JSValue obj, double *len) {
  if (js_is_array(obj)) {
    *len = ((JSArrayObject *)js_heap(obj))->length;
    return true;
  }
  JSValue v = js_get(vm, obj, vm->atom[JS_ATOM_length]);
  if (js_is_exception(v)) return false;
  return js_to_length(vm, v, len);
}

JSArrayStore *js_list_from_array_like(JSVM *vm, JSValue obj) {
  if (!js_is_object(obj)) {
    js_throw_type_error(vm, "CreateListFromArrayLike called on non-object");
    return NULL;
  }
  double len;
  if (!js_length_of_array_like(vm, obj, &len)) return NULL;
  if (len > 10000000) {
    js_throw_range_error(vm, "Too many arguments in function call");
    return NULL;
  }
  JSArrayStore *s = js_new_store(vm, (uint32_t)len);
  for (uint32_t i = 0; i < (uint32_t)len; i++) {
    JSValue v = js_get_index(vm, obj, i);
    if (js_is_exception(v)) return NULL;
    ORI_STORE(s, v[i], v);
  }
  s->used = (uint32_t)len;
  return s;
}

/* {==== Private names ====} */

// Private elements live on the object under private symbols (which
// [[OwnPropertyKeys]] never lists): fields as writable data, methods as
// read-only data, accessors as accessors. They ignore extensibility.

static JSValue private_missing(JSVM *vm, JSValue sym, const char *what) {
  JSValue d = ((JSSymbol *)js_heap(sym))->description;
  char *n = js_is_string(d) ? js_string_utf8(vm, d, NULL) : NULL;
  js_throw_type_error(vm, "Cannot %s private member %s %s an object whose class did not declare it",
                      what, n ? n : "#?", *what == 'r' ? "from" : "on");
  free(n);
  return JS_EXCEPTION;
}

int js_private_define(JSVM *vm, JSValue obj, JSValue sym, JSValue v, int kind) {
  if (!js_is_object(obj)) {
    js_throw_type_error(vm, "Cannot define private member on a non-object");
    return -1;
  }
  JSObject *o = js_obj(obj);
  uint32_t attrs;
  JSValue *slot = find_named(o, sym, &attrs);
  // A getter and a setter of one name make one accessor.
  if (slot && (kind == 2 || kind == 3) && (attrs & JS_ATTR_ACCESSOR)) {
    JSAccessor *a = js_heap(*slot);
    if (kind == 2) ORI_STORE(a, getter, v);
    else ORI_STORE(a, setter, v);
    return 1;
  }
  if (slot) {
    JSValue d = ((JSSymbol *)js_heap(sym))->description;
    char *n = js_is_string(d) ? js_string_utf8(vm, d, NULL) : NULL;
    js_throw_type_error(vm, "Cannot initialize %s twice on the same object", n ? n : "#?");
    free(n);
    return -1;
  }
  if (kind == 0) put_named(vm, o, sym, v, JS_ATTR_WRITABLE);
  else if (kind == 1) put_named(vm, o, sym, v, 0);
  else put_named(vm, o, sym, new_accessor(vm, kind == 2 ? v : JS_UNDEFINED, kind == 3 ? v : JS_UNDEFINED),
                 JS_ATTR_ACCESSOR);
  return 1;
}

JSValue js_private_get(JSVM *vm, JSValue obj, JSValue sym) {
  uint32_t attrs;
  JSValue *slot = js_is_object(obj) ? find_named(js_obj(obj), sym, &attrs) : NULL;
  if (!slot) return private_missing(vm, sym, "read");
  if (!(attrs & JS_ATTR_ACCESSOR)) return *slot;
  JSAccessor *a = js_heap(*slot);
  if (js_is_undefined(a->getter)) return js_throw_type_error(vm, "'#' private accessor was defined without a getter");
  return js_call(vm, a->getter, obj, 0, NULL);
}

int js_private_set(JSVM *vm, JSValue obj, JSValue sym, JSValue v) {
  uint32_t attrs;
  JSObject *o = js_is_object(obj) ? js_obj(obj) : NULL;
  JSValue *slot = o ? find_named(o, sym, &attrs) : NULL;
  if (!slot) return private_missing(vm, sym, "write"), -1;
  if (attrs & JS_ATTR_ACCESSOR) {
    JSAccessor *a = js_heap(*slot);
    if (js_is_undefined(a->setter)) {
      js_throw_type_error(vm, "'#' private accessor was defined without a setter");
      return -1;
    }
    return js_is_exception(js_call(vm, a->setter, obj, 1, &v)) ? -1 : 1;
  }
  if (!(attrs & JS_ATTR_WRITABLE)) {
    js_throw_type_error(vm, "Private method is not writable");
    return -1;
  }
  *slot = v;
  ori_write_barrier(o, slot, v);
  return 1;
}

int js_private_has(JSVM *vm, JSValue obj, JSValue sym) {
  if (!js_is_object(obj)) {
    js_throw_type_error(vm, "Cannot use 'in' operator to search for a private field in a non-object");
    return -1;
  }
  uint32_t attrs;
  return find_named(js_obj(obj), sym, &attrs) != NULL;
}
