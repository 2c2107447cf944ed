/*
 * runtime/elements.c — indexed properties (see elements.h). Dense stores
 * grow by half again; a write far past the end (more than 1024 + 2x the
 * capacity) or an element with unusual attributes moves the object to
 * the sparse dict, which it never leaves. A store the heap cannot hold
 * (new Array(2**32 - 1).fill(0)) is a RangeError, not a fatal error:
 * growth allocates with ori_try_alloc.
 */
#include <stdlib.h>
#include <string.h>

#include "runtime/dict.h"
#include "runtime/elements.h"

#define SPARSE_GAP 1024

static JSArrayStore *new_store(JSVM *vm, uint32_t cap) {
  JSArrayStore *s = ori_try_alloc(sizeof *s + (size_t)cap * sizeof(JSValue));
  if (!s) {
    js_throw_range_error(vm, "Invalid array length: out of memory for %u elements", cap);
    return NULL;
  }
  s->map = vm->array_store_map;
  s->length = cap;
  for (uint32_t i = 0; i < cap; i++) s->v[i] = JS_HOLE;  // fresh store
  return s;
}

bool js_elem_ensure(JSVM *vm, JSObject *o, uint32_t n) {
  JSArrayStore *old = (JSArrayStore *)o->elements;
  uint32_t cap = old ? old->length : 0;
  if (n <= cap) return true;
  uint32_t want = cap + cap / 2 + 4;
  if (want < n || want < cap) want = n;  // (or the sum wrapped)
  JSArrayStore *s = new_store(vm, want);
  if (!s) return false;
  old = (JSArrayStore *)o->elements;  // (a collection may have moved it)
  if (old) memcpy(s->v, old->v, cap * sizeof(JSValue));  // s is fresh
  ORI_STORE_PTR(o, elements, (JSCell *)s);
  return true;
}

// Move dense elements into a dict (for sparse writes or attributes).
static JSDict *make_sparse(JSVM *vm, JSObject *o) {
  if (o->elements && !js_elements_dense(o)) return (JSDict *)o->elements;
  JSArrayStore *s = (JSArrayStore *)o->elements;
  JSDict *d = js_dict_new(vm, 8);
  for (uint32_t i = 0; s && i < s->length; i++)
    if (!js_is_hole(s->v[i]))
      d = js_dict_put(vm, d, js_index_key(i), s->v[i], JS_ATTR_DEFAULT);
  ORI_STORE_PTR(o, elements, (JSCell *)d);
  o->map->flags |= JS_MAP_HAS_INDEXED_ACCESSORS;
  return d;
}

int js_elem_get_own(JSVM *vm, JSObject *o, uint32_t i, JSPropDesc *d) {
  (void)vm;
  if (!o->elements) return 0;
  JSValue v;
  uint32_t attrs = JS_ATTR_DEFAULT;
  if (js_elements_dense(o)) {
    JSArrayStore *s = (JSArrayStore *)o->elements;
    if (i >= s->length || js_is_hole(s->v[i])) return 0;
    v = s->v[i];
  } else {
    JSDictEntry *e = js_dict_find((JSDict *)o->elements, js_index_key(i));
    if (!e) return 0;
    v = e->value;
    attrs = e->attrs;
  }
  if (!d) return 1;
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
  return 1;
}

bool js_elem_define(JSVM *vm, JSObject *o, uint32_t i, JSValue v, uint32_t attrs) {
  // Sparse stores keep attributes, so any define there goes to the dict.
  if (attrs != JS_ATTR_DEFAULT || (o->elements && !js_elements_dense(o))) {
    JSDict *d = make_sparse(vm, o);
    d = js_dict_put(vm, d, js_index_key(i), v, attrs);
    ORI_STORE_PTR(o, elements, (JSCell *)d);
    return true;
  }
  return js_elem_put(vm, o, i, v);
}

bool js_elem_put(JSVM *vm, JSObject *o, uint32_t i, JSValue v) {
  if (!o->elements || js_elements_dense(o)) {
    JSArrayStore *s = (JSArrayStore *)o->elements;
    uint32_t cap = s ? s->length : 0;
    if (i < cap) {
      ORI_STORE(s, v[i], v);
      return true;
    }
    if (i <= cap * 2 + SPARSE_GAP) {
      if (!js_elem_ensure(vm, o, i + 1)) return false;
      s = (JSArrayStore *)o->elements;
      ORI_STORE(s, v[i], v);
      return true;
    }
  }
  JSDict *d = make_sparse(vm, o);
  JSDictEntry *e = js_dict_find(d, js_index_key(i));
  uint32_t attrs = e ? e->attrs : JS_ATTR_DEFAULT;
  d = js_dict_put(vm, d, js_index_key(i), v, attrs);
  ORI_STORE_PTR(o, elements, (JSCell *)d);
  return true;
}

bool js_elem_delete(JSVM *vm, JSObject *o, uint32_t i) {
  (void)vm;
  if (!o->elements) return true;
  if (js_elements_dense(o)) {
    JSArrayStore *s = (JSArrayStore *)o->elements;
    if (i < s->length) s->v[i] = JS_HOLE;
    return true;
  }
  JSDict *d = (JSDict *)o->elements;
  JSDictEntry *e = js_dict_find(d, js_index_key(i));
  if (!e) return true;
  if (!(e->attrs & JS_ATTR_CONFIGURABLE)) return false;
  js_dict_remove(d, js_index_key(i));
  return true;
}

static int cmp_u32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return x < y ? -1 : x > y;
}

JSArrayStore *js_elem_keys(JSVM *vm, JSObject *o, JSArrayStore *out,
                           bool enumerable_only) {
  if (!o->elements) return out;
  if (js_elements_dense(o)) {
    JSArrayStore *s = (JSArrayStore *)o->elements;
    for (uint32_t i = 0; i < s->length; i++)
      if (!js_is_hole(s->v[i])) out = js_store_push(vm, out, js_index_key(i));
    return out;
  }
  // Sparse: collect the indices, sort them numerically.
  JSDict *d = (JSDict *)o->elements;
  uint32_t *idx = malloc((d->count + 1) * sizeof *idx), n = 0;
  for (uint32_t i = 0; i < d->capacity; i++) {
    JSDictEntry *e = &d->e[i];
    if (!js_dict_live(e)) continue;
    if (enumerable_only && !(e->attrs & JS_ATTR_ENUMERABLE)) continue;
    uint32_t k = 0;
    js_key_is_index(e->key, &k);
    idx[n++] = k;
  }
  qsort(idx, n, sizeof *idx, cmp_u32);
  for (uint32_t i = 0; i < n; i++) out = js_store_push(vm, out, js_index_key(idx[i]));
  free(idx);
  return out;
}

// Truncate from the top; stop above the first non-configurable element.
int js_array_set_length(JSVM *vm, JSArrayObject *a, uint32_t len) {
  JSObject *o = &a->base;
  if (len >= a->length) {
    a->length = len;
    return 1;
  }
  if (!o->elements || js_elements_dense(o)) {
    JSArrayStore *s = (JSArrayStore *)o->elements;
    for (uint32_t i = len; s && i < s->length && i < a->length; i++) s->v[i] = JS_HOLE;
    a->length = len;
    return 1;
  }
  JSDict *d = (JSDict *)o->elements;
  uint32_t n;
  uint32_t *order = js_dict_sorted(d, &n);
  // Find the highest non-configurable index >= len: length stops above it.
  uint32_t floor = len;
  for (uint32_t k = 0; k < n; k++) {
    JSDictEntry *e = &d->e[order[k]];
    uint32_t i = 0;
    js_key_is_index(e->key, &i);
    if (i >= len && !(e->attrs & JS_ATTR_CONFIGURABLE) && i + 1 > floor) floor = i + 1;
  }
  for (uint32_t k = 0; k < n; k++) {
    JSDictEntry *e = &d->e[order[k]];
    uint32_t i = 0;
    if (!js_dict_live(e)) continue;
    js_key_is_index(e->key, &i);
    if (i >= floor) js_dict_remove(d, e->key);
  }
  free(order);
  (void)vm;
  a->length = floor;
  return floor == len;
}
