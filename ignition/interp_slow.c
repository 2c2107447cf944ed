/*
 * ignition/interp_slow.c — what the dispatch loop's fast paths leave to
 * a function call: operators on arbitrary values, property access with
 * inline-cache updates, globals, run-time name lookup, contexts, for-in,
 * arguments objects and closures.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ignition/interp.h"
#include "runtime/bigint.h"
#include "runtime/dict.h"
#include "runtime/map.h"

/* {==== Operators ====} */

static double js_pow(double x, double y) {
  // ECMA-262 differs from C's pow where the result would be 1.
  if (isnan(y)) return NAN;
  if ((x == 1 || x == -1) && isinf(y)) return NAN;
  return pow(x, y);
}

static JSValue number_op(IgnOpcode op, double a, double b) {
  switch ((unsigned)op) {
    case IGN_Add: return js_from_number(a + b);
    case IGN_Sub: return js_from_number(a - b);
    case IGN_Mul: return js_from_number(a * b);
    case IGN_Div: return js_from_number(a / b);
    case IGN_Mod: return js_from_number(fmod(a, b));
    case IGN_Exp: return js_from_number(js_pow(a, b));
    case IGN_BitwiseOr: return js_from_int32(js_double_to_int32(a) | js_double_to_int32(b));
    case IGN_BitwiseXor: return js_from_int32(js_double_to_int32(a) ^ js_double_to_int32(b));
    case IGN_BitwiseAnd: return js_from_int32(js_double_to_int32(a) & js_double_to_int32(b));
    case IGN_ShiftLeft:
      return js_from_int32((int32_t)((uint32_t)js_double_to_int32(a) << (js_double_to_int32(b) & 31)));
    case IGN_ShiftRight: return js_from_int32(js_double_to_int32(a) >> (js_double_to_int32(b) & 31));
    case IGN_ShiftRightLogical:
      return js_from_number((double)((uint32_t)js_double_to_int32(a) >> (js_double_to_int32(b) & 31)));
    default: return JS_UNDEFINED;
  }
}

// The BigInt operator of a binary bytecode.
static JSBigIntOp bigint_op(IgnOpcode op) {
  switch ((unsigned)op) {
    case IGN_Add: return JS_BIGINT_ADD;
    case IGN_Sub: return JS_BIGINT_SUB;
    case IGN_Mul: return JS_BIGINT_MUL;
    case IGN_Div: return JS_BIGINT_DIV;
    case IGN_Mod: return JS_BIGINT_MOD;
    case IGN_Exp: return JS_BIGINT_EXP;
    case IGN_BitwiseOr: return JS_BIGINT_OR;
    case IGN_BitwiseXor: return JS_BIGINT_XOR;
    case IGN_BitwiseAnd: return JS_BIGINT_AND;
    case IGN_ShiftLeft: return JS_BIGINT_SHL;
    case IGN_ShiftRight: return JS_BIGINT_SAR;
    default: return JS_BIGINT_SHR;  // ShiftRightLogical: a TypeError
  }
}

JSValue ign_binary(JSVM *vm, IgnOpcode op, JSValue a, JSValue b) {
  if (op == IGN_Add) {
    JSValue pa = js_to_primitive(vm, a, JS_HINT_DEFAULT);
    if (js_is_exception(pa)) return pa;
    JSValue pb = js_to_primitive(vm, b, JS_HINT_DEFAULT);
    if (js_is_exception(pb)) return pb;
    if (js_is_string(pa) || js_is_string(pb)) {
      JSValue sa = js_to_string(vm, pa);
      if (js_is_exception(sa)) return sa;
      JSValue sb = js_to_string(vm, pb);
      if (js_is_exception(sb)) return sb;
      return js_string_concat(vm, sa, sb);
    }
    a = pa;
    b = pb;
  }
  // ToNumeric of both, left first; BigInts only combine with BigInts.
  JSValue na = js_to_numeric(vm, a);
  if (js_is_exception(na)) return na;
  JSValue nb = js_to_numeric(vm, b);
  if (js_is_exception(nb)) return nb;
  if (js_is_bigint(na) || js_is_bigint(nb)) {
    if (!js_is_bigint(na) || !js_is_bigint(nb)) return js_throw_bigint_mix(vm);
    return js_bigint_binary(vm, bigint_op(op), na, nb);
  }
  return number_op(op, js_number_value(na), js_number_value(nb));
}

// IsLessThan's numeric steps when a BigInt is involved (the other side a
// BigInt or a Number): 1 true, 0 false, 2 undefined (NaN).
static int bigint_less_than(JSValue a, JSValue b) {
  if (js_is_bigint(a) && js_is_bigint(b)) return js_bigint_compare(a, b) < 0;
  if (js_is_bigint(a)) {
    double y = js_number_value(b);
    return isnan(y) ? 2 : js_bigint_compare_number(a, y) < 0;
  }
  double x = js_number_value(a);
  return isnan(x) ? 2 : js_bigint_compare_number(b, x) > 0;
}

// IsLessThan(a, b): 1 true, 0 false, 2 undefined (NaN), -1 exception.
static int less_than(JSVM *vm, JSValue a, JSValue b, bool left_first) {
  JSValue pa, pb;
  if (left_first) {
    if (js_is_exception(pa = js_to_primitive(vm, a, JS_HINT_NUMBER))) return -1;
    if (js_is_exception(pb = js_to_primitive(vm, b, JS_HINT_NUMBER))) return -1;
  } else {
    if (js_is_exception(pb = js_to_primitive(vm, b, JS_HINT_NUMBER))) return -1;
    if (js_is_exception(pa = js_to_primitive(vm, a, JS_HINT_NUMBER))) return -1;
  }
  if (js_is_string(pa) && js_is_string(pb)) return js_string_compare(vm, pa, pb) < 0;
  // Steps 3-4: a BigInt against a string compares with the string's
  // StringToBigInt, undefined when it has none.
  if (js_is_bigint(pa) && js_is_string(pb)) {
    if (js_is_exception(pb = js_string_to_bigint(vm, pb))) return -1;
    if (js_is_undefined(pb)) return 2;
  } else if (js_is_string(pa) && js_is_bigint(pb)) {
    if (js_is_exception(pa = js_string_to_bigint(vm, pa))) return -1;
    if (js_is_undefined(pa)) return 2;
  }
  JSValue na = js_to_numeric(vm, pa);
  if (js_is_exception(na)) return -1;
  JSValue nb = js_to_numeric(vm, pb);
  if (js_is_exception(nb)) return -1;
  if (js_is_bigint(na) || js_is_bigint(nb)) return bigint_less_than(na, nb);
  double x = js_number_value(na), y = js_number_value(nb);
  if (isnan(x) || isnan(y)) return 2;
  return x < y;
}

JSValue ign_compare(JSVM *vm, IgnOpcode op, JSValue a, JSValue b) {
  int r;
  switch ((unsigned)op) {
    case IGN_TestEqual:
      r = js_loose_equals(vm, a, b);
      return r < 0 ? JS_EXCEPTION : js_from_bool(r);
    case IGN_TestEqualStrict: return js_from_bool(js_strict_equals(vm, a, b));
    case IGN_TestLessThan: r = less_than(vm, a, b, true); break;
    case IGN_TestGreaterThan: r = less_than(vm, b, a, false); break;
    case IGN_TestLessThanOrEqual:
      r = less_than(vm, b, a, false);
      if (r >= 0) r = r == 0;  // undefined (2) and true both give false
      break;
    case IGN_TestGreaterThanOrEqual:
      r = less_than(vm, a, b, true);
      if (r >= 0) r = r == 0;
      break;
    case IGN_TestInstanceOf:
      r = js_instance_of(vm, a, b);
      break;
    case IGN_TestIn: {
      if (!js_is_object(b)) {
        JSValue k = js_to_string(vm, a);
        char *ks = js_is_exception(k) ? NULL : js_string_utf8(vm, k, NULL);
        js_throw_type_error(vm, "Cannot use 'in' operator to search for '%s' in %s",
                            ks ? ks : "?", js_is_string(b) ? "a string" : "a primitive");
        free(ks);
        return JS_EXCEPTION;
      }
      JSValue key = js_to_property_key(vm, a);
      if (js_is_exception(key)) return key;
      r = js_has_property(vm, b, key);
      break;
    }
    default: return JS_UNDEFINED;
  }
  if (r < 0) return JS_EXCEPTION;
  return js_from_bool(r == 1);
}

// The unary bytecodes on a BigInt operand (ToNumeric keeps it).
static JSValue bigint_unary(JSVM *vm, IgnOpcode op, JSValue n) {
  switch ((unsigned)op) {
    case IGN_Inc: return js_bigint_unary(vm, JS_BIGINT_INC, n);
    case IGN_Dec: return js_bigint_unary(vm, JS_BIGINT_DEC, n);
    case IGN_Negate: return js_bigint_unary(vm, JS_BIGINT_NEG, n);
    case IGN_BitwiseNot: return js_bigint_unary(vm, JS_BIGINT_NOT, n);
    default: return n;  // ToNumeric
  }
}

JSValue ign_unary(JSVM *vm, IgnOpcode op, JSValue v) {
  double x;
  if (op == IGN_ToNumber) {
    // Unary + is ToNumber proper: a BigInt refuses.
    if (!js_to_number(vm, v, &x)) return JS_EXCEPTION;
    return js_from_number(x);
  }
  JSValue n = js_to_numeric(vm, v);
  if (js_is_exception(n)) return n;
  if (js_is_bigint(n)) return bigint_unary(vm, op, n);
  x = js_number_value(n);
  switch ((unsigned)op) {
    case IGN_Inc: return js_from_number(x + 1);
    case IGN_Dec: return js_from_number(x - 1);
    case IGN_Negate: return js_from_number(-x);
    case IGN_BitwiseNot: return js_from_int32(~js_double_to_int32(x));
    default: return js_from_number(x);  // ToNumeric
  }
}

/* {==== Inline caches ====} */

static void ic_add(IgnIC *ic, JSMap *map, uint8_t kind, uint32_t data, void *extra) {
  if (ic->state == IGN_IC_MEGA) return;
  JSMap *hm = extra && (kind == IGN_ICK_PROTO_FIELD || kind == IGN_ICK_GETTER)
                  ? ((JSObject *)extra)->map : NULL;
  for (uint32_t i = 0; i < ic->n; i++)
    if (ic->map[i] == map) {
      ic->kind[i] = kind;
      ic->data[i] = data;
      ic->extra[i] = extra;
      ic->holder_map[i] = hm;
      return;
    }
  if (ic->n == IGN_IC_WAYS) {
    ic->state = IGN_IC_MEGA;  // too many shapes: stop caching
    ic->n = 0;
    return;
  }
  ic->map[ic->n] = map;
  ic->kind[ic->n] = kind;
  ic->data[ic->n] = data;
  ic->extra[ic->n] = extra;
  ic->holder_map[ic->n] = hm;
  ic->n++;
  ic->state = ic->n == 1 ? IGN_IC_MONO : IGN_IC_POLY;
}

// Remember where key was found for objects of obj's map.
static void ic_learn_load(JSVM *vm, IgnIC *ic, JSValue obj, JSValue key) {
  if (!ic || !js_is_object(obj)) return;
  JSObject *o = js_obj(obj);
  JSMap *m = o->map;
  if (m->type == JS_TYPE_ArrayObject && key.bits == vm->atom[JS_ATOM_length].bits) {
    ic_add(ic, m, IGN_ICK_ARRAY_LENGTH, 0, NULL);
    return;
  }
  if (m->flags & JS_MAP_DICT) return;
  int i = js_map_lookup(m, key);
  if (i >= 0) {
    bool acc = m->descs[i].attrs & JS_ATTR_ACCESSOR;
    ic_add(ic, m, acc ? IGN_ICK_GETTER : IGN_ICK_FIELD, m->descs[i].slot, NULL);
    return;
  }
  // Inherited: the first prototype holding it (up to 4 levels), cached
  // against the prototype epoch and the holder's map.
  JSValue p = m->proto;
  for (int depth = 0; depth < 4 && js_is_object(p); depth++) {
    JSObject *h = js_obj(p);
    if (h->map->type == JS_TYPE_Proxy) return;
    if (!(h->map->flags & JS_MAP_DICT)) {
      int j = js_map_lookup(h->map, key);
      if (j >= 0) {
        bool acc = h->map->descs[j].attrs & JS_ATTR_ACCESSOR;
        if (ic->n && ic->epoch != vm->proto_epoch) ic->n = 0;  // stale ways
        ic_add(ic, m, acc ? IGN_ICK_GETTER : IGN_ICK_PROTO_FIELD, h->map->descs[j].slot, h);
        ic->epoch = vm->proto_epoch;
        return;
      }
    } else if (js_dict_find((JSDict *)h->props, key)) {
      return;
    }
    p = h->map->proto;
  }
}

JSValue ign_get_named(JSVM *vm, JSValue obj, JSValue key, IgnIC *ic) {
  JSValue v = js_get(vm, obj, key);
  if (!js_is_exception(v)) ic_learn_load(vm, ic, obj, key);
  return v;
}

// A null or undefined base throws before the key is converted.
static JSValue nullish_base(JSVM *vm, JSValue obj, JSValue key, const char *what) {
  JSValue ks = js_is_string(key) || js_is_number(key) ? js_to_string(vm, key) : JS_UNDEFINED;
  char *k = js_is_string(ks) ? js_string_utf8(vm, ks, NULL) : NULL;
  if (k) js_throw_type_error(vm, "Cannot %s properties of %s (%s '%s')", what,
                             js_is_null(obj) ? "null" : "undefined",
                             *what == 'r' ? "reading" : "setting", k);
  else js_throw_type_error(vm, "Cannot %s properties of %s", what, js_is_null(obj) ? "null" : "undefined");
  free(k);
  return JS_EXCEPTION;
}

JSValue ign_get_keyed(JSVM *vm, JSValue obj, JSValue key, IgnIC *ic) {
  (void)ic;
  if (js_is_nullish(obj)) return nullish_base(vm, obj, key, "read");
  JSValue k = js_to_property_key(vm, key);
  if (js_is_exception(k)) return k;
  return js_get(vm, obj, k);
}

// Whether a proxy sits on map's prototype chain: its set trap must see
// every store that reaches it, so no transition is cached past it.
static bool chain_has_proxy(const JSMap *map) {
  for (JSValue p = map->proto; js_is_object(p); p = js_obj(p)->map->proto)
    if (js_obj(p)->map->type == JS_TYPE_Proxy) return true;
  return false;
}

bool ign_set_named(JSVM *vm, JSValue obj, JSValue key, JSValue v, IgnIC *ic, bool strict) {
  JSMap *before = js_is_object(obj) ? js_obj(obj)->map : NULL;
  if (js_set(vm, obj, key, v, strict) < 0) return false;
  if (!ic || !before || (before->flags & JS_MAP_DICT)) return true;
  JSObject *o = js_obj(obj);
  JSMap *after = o->map;
  if (after == before) {
    int i = js_map_lookup(after, key);
    uint32_t a = i >= 0 ? after->descs[i].attrs : 0;
    if (i >= 0 && (a & JS_ATTR_WRITABLE) && !(a & JS_ATTR_ACCESSOR))
      ic_add(ic, before, IGN_ICK_FIELD, after->descs[i].slot, NULL);
  } else if (after->back == before && after->nprops == before->nprops + 1 &&
             after->descs[before->nprops].key.bits == key.bits && !chain_has_proxy(before)) {
    // Adding the property moved the object along a transition.
    ic_add(ic, before, IGN_ICK_TRANSITION, before->nprops, after);
    ic->epoch = vm->proto_epoch;
  }
  return true;
}

bool ign_define_named(JSVM *vm, JSValue obj, JSValue key, JSValue v, IgnIC *ic) {
  JSMap *before = js_obj(obj)->map;
  if (js_define_value(vm, obj, key, v, JS_ATTR_DEFAULT) < 0) return false;
  JSMap *after = js_obj(obj)->map;
  if (ic && !(before->flags & JS_MAP_DICT) && after->back == before &&
      after->nprops == before->nprops + 1 && after->descs[before->nprops].key.bits == key.bits) {
    ic_add(ic, before, IGN_ICK_TRANSITION, before->nprops, after);
    ic->epoch = vm->proto_epoch;
  }
  return true;
}

bool ign_set_keyed(JSVM *vm, JSValue obj, JSValue key, JSValue v, bool strict) {
  if (js_is_nullish(obj)) return !js_is_exception(nullish_base(vm, obj, key, "set"));
  JSValue k = js_to_property_key(vm, key);
  if (js_is_exception(k)) return false;
  return js_set(vm, obj, k, v, strict) >= 0;
}

/* {==== Globals ====} */

static JSValue not_defined(JSVM *vm, JSValue name) {
  char *n = js_string_utf8(vm, name, NULL);
  js_throw_reference_error(vm, "%s is not defined", n);
  free(n);
  return JS_EXCEPTION;
}

JSValue ign_throw_hole(JSVM *vm, JSValue name) {
  char *n = js_string_utf8(vm, name, NULL);
  js_throw_reference_error(vm, "Cannot access '%s' before initialization", n);
  free(n);
  return JS_EXCEPTION;
}

JSValue ign_load_global(JSVM *vm, JSValue name, IgnIC *ic, bool inside_typeof) {
  JSRealm *r = vm->realm;
  JSDict *lex = js_heap(r->global_lexicals);
  JSDictEntry *e = js_dict_find(lex, name);
  if (e) {
    if (js_is_hole(e->value)) return ign_throw_hole(vm, name);
    return e->value;
  }
  JSObject *g = js_obj(r->global);
  // Cache the global object's dict entry (see ign_execute's LdaGlobal).
  if (ic && (g->map->flags & JS_MAP_DICT)) {
    JSDictEntry *ge = js_dict_find((JSDict *)g->props, name);
    if (ge && !(ge->attrs & JS_ATTR_ACCESSOR)) {
      ic->map[0] = (JSMap *)g->props;
      ic->extra[0] = ge;
      ic->epoch = vm->proto_epoch;
      ic->state = IGN_IC_MONO;
    }
  }
  int has = js_has_property(vm, r->global, name);
  if (has < 0) return JS_EXCEPTION;
  if (!has) return inside_typeof ? JS_UNDEFINED : not_defined(vm, name);
  return js_get(vm, r->global, name);
}

bool ign_store_global(JSVM *vm, JSValue name, JSValue v, IgnIC *ic, bool strict) {
  (void)ic;
  JSRealm *r = vm->realm;
  JSDict *lex = js_heap(r->global_lexicals);
  JSDictEntry *e = js_dict_find(lex, name);
  if (e) {
    if (js_is_hole(e->value)) {
      ign_throw_hole(vm, name);
      return false;
    }
    if (!(e->attrs & JS_ATTR_WRITABLE)) {
      js_throw_type_error(vm, "Assignment to constant variable.");
      return false;
    }
    ORI_STORE_SLOT(lex, &e->value, v);
    return true;
  }
  if (strict) {
    int has = js_has_property(vm, r->global, name);
    if (has < 0) return false;
    if (!has) {
      not_defined(vm, name);
      return false;
    }
  }
  return js_set(vm, r->global, name, v, strict) >= 0;
}

/* {==== Names looked up at run time (with, sloppy eval) ====} */

// Whether a with object's binding for name is hidden by @@unscopables.
static int unscopable(JSVM *vm, JSValue obj, JSValue name) {
  JSValue u = js_get(vm, obj, vm->symbol[JS_SYMBOL_unscopables]);
  if (js_is_exception(u)) return -1;
  if (!js_is_object(u)) return 0;
  JSValue b = js_get(vm, u, name);
  if (js_is_exception(b)) return -1;
  return js_to_boolean(b);
}

// Find name in env's chain: 1 and *slot (context) or *obj (with), 0
// when it is not there (global), -1 on exception.
static int find_binding(JSVM *vm, JSEnv *env, JSValue name, JSValue **slot, JSValue *obj,
                        JSEnv **owner) {
  for (JSEnv *e = env; e; e = e->parent) {
    if (js_is_object(e->with_object)) {
      int has = js_has_property(vm, e->with_object, name);
      if (has < 0) return -1;
      if (has) {
        int u = unscopable(vm, e->with_object, name);
        if (u < 0) return -1;
        if (!u) {
          *obj = e->with_object;
          return 1;
        }
      }
      continue;
    }
    if (js_is_heap(e->scope_info)) {
      JSArrayStore *names = js_heap(e->scope_info);
      for (uint32_t i = 0; i < names->used && i < e->length; i++)
        if (names->v[i].bits == name.bits) {
          *slot = &e->slots[i];
          *owner = e;
          return 1;
        }
    }
    // Vars a sloppy direct eval declared in this function.
    if (js_is_object(e->extension)) {
      int has = js_has_own_property(vm, e->extension, name);
      if (has < 0) return -1;
      if (has) {
        *obj = e->extension;
        return 1;
      }
    }
  }
  return 0;
}

JSValue ign_lookup(JSVM *vm, JSEnv *env, JSValue name, bool inside_typeof) {
  JSValue *slot = NULL, obj = JS_UNDEFINED;
  JSEnv *owner = NULL;
  int r = find_binding(vm, env, name, &slot, &obj, &owner);
  if (r < 0) return JS_EXCEPTION;
  if (r == 0) return ign_load_global(vm, name, NULL, inside_typeof);
  if (slot) return js_is_hole(*slot) ? ign_throw_hole(vm, name) : *slot;
  return js_get(vm, obj, name);
}

bool ign_store_lookup(JSVM *vm, JSEnv *env, JSValue name, JSValue v, bool strict) {
  JSValue *slot = NULL, obj = JS_UNDEFINED;
  JSEnv *owner = NULL;
  int r = find_binding(vm, env, name, &slot, &obj, &owner);
  if (r < 0) return false;
  if (r == 0) return ign_store_global(vm, name, v, NULL, strict);
  if (slot) {
    if (js_is_hole(*slot)) {
      ign_throw_hole(vm, name);
      return false;
    }
    *slot = v;
    ori_write_barrier(owner, slot, v);
    return true;
  }
  return js_set(vm, obj, name, v, strict) >= 0;
}

/* {==== Contexts ====} */

JSEnv *ign_new_env(JSVM *vm, JSEnv *parent, JSValue scope_info, uint32_t slots) {
  JSEnv *e = ori_alloc(sizeof *e + slots * sizeof(JSValue));
  e->map = vm->env_map;
  e->parent = parent;  // fresh cell: raw stores
  e->scope_info = scope_info;
  e->with_object = JS_UNDEFINED;
  e->extension = JS_UNDEFINED;
  e->length = slots;
  for (uint32_t i = 0; i < slots; i++) e->slots[i] = JS_UNDEFINED;
  return e;
}

/* {==== for-in ====} */

// The enumerator is a JSArrayStore: [object, keys (JSArrayStore), index].
// Keys are the enumerable string keys of the object and its prototypes,
// each name once (a non-enumerable own property hides an inherited one).
JSValue ign_for_in_enumerate(JSVM *vm, JSValue obj) {
  JSValue o = js_to_object(vm, obj);
  if (js_is_exception(o)) return o;
  JSDict *seen = js_dict_new(vm, 16);
  JSArrayStore *keys = js_new_store(vm, 8);
  // The walk uses [[GetPrototypeOf]] (a proxy's trap runs; its map has
  // no prototype of its own). Only proxies can make it endless: past
  // 100000 of them it ends as V8 ends it.
  uint32_t proxies = 0;
  for (JSValue p = o; js_is_object(p);) {
    if (js_obj(p)->map->type == JS_TYPE_Proxy && ++proxies > 100000)
      return js_throw_range_error(vm, "Maximum call stack size exceeded");
    JSArrayStore *own = js_own_keys(vm, p, JS_KEYS_STRINGS);
    if (!own) return JS_EXCEPTION;
    for (uint32_t i = 0; i < own->used; i++) {
      JSValue k = own->v[i];
      if (js_dict_find(seen, k)) continue;
      seen = js_dict_put(vm, seen, k, JS_TRUE, 0);
      JSPropDesc d;
      int r = js_get_own_property(vm, p, k, &d);
      if (r < 0) return JS_EXCEPTION;
      if (r && (d.attrs & JS_ATTR_ENUMERABLE)) keys = js_store_push(vm, keys, k);
    }
    p = js_get_prototype_of(vm, p);
    if (js_is_exception(p)) return p;
  }
  JSArrayStore *e = js_new_store(vm, 3);
  e->v[0] = o;  // fresh store: raw stores
  e->v[1] = js_val(keys);
  e->v[2] = js_from_int32(0);
  e->used = 3;
  return js_val(e);
}

JSValue ign_for_in_next(JSVM *vm, JSValue enumerator) {
  JSArrayStore *e = js_heap(enumerator);
  JSArrayStore *keys = js_heap(e->v[1]);
  for (int32_t i = js_int32(e->v[2]); (uint32_t)i < keys->used; i++) {
    JSValue k = keys->v[i];
    e->v[2] = js_from_int32(i + 1);
    // Properties deleted before being visited are skipped.
    int has = js_has_property(vm, e->v[0], k);
    if (has < 0) return JS_EXCEPTION;
    if (has) return js_key_to_string(vm, k);
  }
  return JS_HOLE;
}

JSValue ign_get_iterator(JSVM *vm, JSValue obj) {
  JSValue method = js_get_method(vm, obj, vm->symbol[JS_SYMBOL_iterator]);
  if (js_is_exception(method)) return method;
  if (js_is_undefined(method)) {
    JSValue s = js_is_object(obj) ? js_string_from_cstr(vm, "object") : js_to_string(vm, obj);
    char *t = js_is_exception(s) ? NULL : js_string_utf8(vm, s, NULL);
    if (js_is_exception(s)) js_take_exception(vm);
    js_throw_type_error(vm, "%s is not iterable", t ? t : "value");
    free(t);
    return JS_EXCEPTION;
  }
  JSValue it = js_call(vm, method, obj, 0, NULL);
  if (js_is_exception(it)) return it;
  if (!js_is_object(it)) return js_throw_type_error(vm, "Result of the Symbol.iterator method is not an object");
  return it;
}

/* {==== Arguments, rest, closures ====} */

static JSValue throw_type_error_native(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                       JSValue nt) {
  return js_throw_type_error(vm, "'caller', 'callee', and 'arguments' properties may not be "
                                 "accessed on strict mode functions or the arguments objects for calls to them");
}

JSValue ign_create_arguments(JSVM *vm, IgnFrame *f, JSValue map) {
  JSRealm *r = vm->realm;
  bool mapped = js_is_heap(map);
  if (!r->arguments_map)
    r->arguments_map = js_new_map(vm, JS_TYPE_Arguments, r->intrinsic[JS_INTRINSIC_ObjectPrototype],
                                  sizeof(JSArgumentsObject), 4);
  JSValue a = js_val(js_new_object_of(vm, r->arguments_map));
  for (int i = 0; i < f->argc; i++) js_define_value(vm, a, js_index_key((uint32_t)i), f->argv[i], JS_ATTR_DEFAULT);
  js_define_value(vm, a, vm->atom[JS_ATOM_length], js_from_int32(f->argc), JS_ATTR_METHOD);
  JSValue values = r->intrinsic[JS_INTRINSIC_ArrayProtoValues];
  if (!js_is_undefined(values))
    js_define_value(vm, a, vm->symbol[JS_SYMBOL_iterator], values, JS_ATTR_METHOD);
  if (mapped) {
    js_define_value(vm, a, vm->atom[JS_ATOM_callee], js_val(f->fn), JS_ATTR_METHOD);
    // Alias the passed parameters to their context slots.
    JSArgumentsObject *ao = js_heap(a);
    JSArrayStore *tmpl = js_heap(map);
    uint32_t n = tmpl->used < (uint32_t)f->argc ? tmpl->used : (uint32_t)f->argc;
    JSValue ctx = f->fp[-(int32_t)f->code->nparams - 2];
    ORI_STORE_PTR(ao, env, js_is_heap(ctx) ? (JSEnv *)js_heap(ctx) : NULL);
    ORI_STORE_PTR(ao, map, js_new_store(vm, n));
    for (uint32_t i = 0; i < n; i++) ao->map->v[i] = tmpl->v[i];  // fresh store
    ao->map->used = n;
  } else {
    JSValue thrower = r->intrinsic[JS_INTRINSIC_ThrowTypeError];
    if (js_is_undefined(thrower)) {
      thrower = js_new_native(vm, "", throw_type_error_native, 0, 0);
      r->intrinsic[JS_INTRINSIC_ThrowTypeError] = thrower;
    }
    JSPropDesc d = {0};
    d.get = d.set = thrower;
    d.has_get = d.has_set = d.has_enumerable = d.has_configurable = true;
    js_define_own_property(vm, a, vm->atom[JS_ATOM_callee], &d, false);
  }
  return a;
}

JSValue ign_create_rest(JSVM *vm, IgnFrame *f) {
  uint32_t n = f->code->nparams;
  if ((uint32_t)f->argc <= n) return js_new_array(vm, 0);
  return js_new_array_from(vm, (uint32_t)f->argc - n, f->argv + n);
}

JSValue ign_new_closure(JSVM *vm, JSShared *shared, JSEnv *env, IgnFrame *f) {
  JSRealm *r = vm->realm;
  uint32_t flags = shared->flags;
  JSMap *map = r->method_map;
  if (flags & JS_FN_CLASS) map = r->class_map;
  else if (flags & JS_FN_CONSTRUCTOR) map = r->function_map;
  else if ((flags & JS_FN_GENERATOR) && (flags & JS_FN_ASYNC)) map = r->async_generator_function_map;
  else if (flags & JS_FN_GENERATOR) map = r->generator_function_map;
  else if (flags & JS_FN_ASYNC) map = r->async_function_map;
  JSFunction *fn = js_new_function_object(vm, map, shared);
  fn->env = env;
  if (flags & JS_FN_ARROW) {
    // Arrows see their creator's this and new.target.
    fn->this_value = f->fp[-(int32_t)f->code->nparams - 1];
    fn->new_target = f->base[0];
    // super.x in an arrow is its enclosing method's.
    fn->home_object = f->fn->home_object;
  }
  return js_val(fn);
}
