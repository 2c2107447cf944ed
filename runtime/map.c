/*
 * runtime/map.c — hidden classes (see map.h). Objects built the same way
 * share maps, so inline caches can key on a map pointer: a map plus a
 * slot number is a complete description of where a property lives.
 */
#include <stdlib.h>
#include <string.h>

#include "runtime/dict.h"
#include "runtime/map.h"

// A map with room for n descriptors stored right after it.
static JSMap *alloc_map(JSVM *vm, uint32_t ndescs) {
  JSMap *m = ori_alloc_in(ORI_MAP_SPACE,
                          sizeof(JSMap) + ndescs * sizeof(JSDescriptor));
  m->map = vm->meta_map;
  m->descs = (JSDescriptor *)(m + 1);
  m->desc_capacity = ndescs;
  m->id = ++vm->next_map_id;
  return m;
}

JSMap *js_new_map(JSVM *vm, JSType type, JSValue proto, uint32_t size,
                  uint32_t inline_count) {
  JSMap *m = alloc_map(vm, 0);
  m->type = (uint8_t)type;
  m->inline_count = (uint8_t)inline_count;
  m->inline_start = size;
  m->instance_size = size + inline_count * (uint32_t)sizeof(JSValue);
  m->proto = proto;  // raw store: m is fresh
  if (type == JS_TYPE_Function || type == JS_TYPE_BoundFunction)
    m->flags |= JS_MAP_CALLABLE;
  js_note_prototype(vm, proto);
  return m;
}

void js_note_prototype(JSVM *vm, JSValue proto) {
  if (!js_is_object(proto)) return;
  JSObject *p = js_obj(proto);
  p->map->flags |= JS_MAP_PROTOTYPE;
  // Elements (or indices answered by an exotic object) on a prototype:
  // stores that fill holes can no longer skip the chain (see the
  // interpreter's element fast path).
  JSType t = (JSType)p->map->type;
  if (p->elements || t == JS_TYPE_TypedArray || t == JS_TYPE_Proxy ||
      t == JS_TYPE_Arguments || t == JS_TYPE_Primitive)
    vm->proto_elements = true;
}

/* {==== Root maps, cached per prototype ====} */

// A malloc'd table from (prototype, kind of object) to the root map; the
// kind packs the type, the instance size and the in-object slot count.
// The table holds its maps weakly (js_map_cache_sweep): a root map nobody
// uses any more is garbage, and so, then, is its prototype.
static struct {
  struct { uint64_t proto; uint32_t kind; JSMap *map; } *e;
  uint32_t mask, count;
} roots;

static uint32_t root_hash(uint64_t proto, uint32_t kind) {
  uint64_t x = (proto >> 3) ^ ((uint64_t)kind << 32);
  x *= 0x9E3779B97F4A7C15ull;
  return (uint32_t)(x >> 32);
}

static void roots_grow(void) {
  uint32_t old_cap = roots.e ? roots.mask + 1 : 0;
  uint32_t cap = old_cap ? old_cap * 2 : 64;
  __typeof__(roots.e) old = roots.e;
  roots.e = calloc(cap, sizeof *roots.e);
  roots.mask = cap - 1;
  for (uint32_t i = 0; i < old_cap; i++) {
    if (!old[i].map) continue;
    uint32_t j = root_hash(old[i].proto, old[i].kind) & roots.mask;
    while (roots.e[j].map) j = (j + 1) & roots.mask;
    roots.e[j] = old[i];
  }
  free(old);
}

void js_map_cache_trace(OriVisitor *v) {
  for (uint32_t i = 0; roots.e && i <= roots.mask; i++) ORI_VISIT_PTR(v, &roots.e[i].map);
}

void js_map_cache_sweep(OriVisitor *v) {
  if (!roots.e) return;
  uint32_t cap = roots.mask + 1;
  __typeof__(roots.e) old = roots.e;
  roots.e = calloc(cap, sizeof *roots.e);
  if (!roots.e) abort();
  roots.count = 0;
  for (uint32_t i = 0; i < cap; i++) {
    if (!old[i].map) continue;
    JSValue m = js_val(old[i].map);
    if (!v->is_live(v, &m)) continue;
    // The key is the map's prototype, which may have moved: the map's
    // own (traced) field has its current address.
    JSMap *map = js_heap(m);
    uint64_t proto = map->proto.bits;
    uint32_t j = root_hash(proto, old[i].kind) & roots.mask;
    while (roots.e[j].map) j = (j + 1) & roots.mask;
    roots.e[j].proto = proto;
    roots.e[j].kind = old[i].kind;
    roots.e[j].map = map;
    roots.count++;
  }
  free(old);
}

JSMap *js_map_root_of(JSVM *vm, JSType type, uint32_t size, JSValue proto,
                      uint32_t inline_count) {
  if (inline_count > 64) inline_count = 64;
  uint32_t kind = ((uint32_t)type << 24) | (size << 8) | inline_count;
  if ((roots.count + 1) * 2 > (roots.e ? roots.mask + 1 : 0)) roots_grow();
  uint32_t i = root_hash(proto.bits, kind) & roots.mask;
  for (; roots.e[i].map; i = (i + 1) & roots.mask)
    if (roots.e[i].proto == proto.bits && roots.e[i].kind == kind) return roots.e[i].map;
  JSMap *m = js_new_map(vm, type, proto, size, inline_count);
  // Making the map may have collected, which rebuilds the table: probe
  // again for a free slot (proto is on the C stack, so it did not move).
  if ((roots.count + 1) * 2 > roots.mask + 1) roots_grow();
  i = root_hash(proto.bits, kind) & roots.mask;
  while (roots.e[i].map) i = (i + 1) & roots.mask;
  roots.e[i].proto = proto.bits;
  roots.e[i].kind = kind;
  roots.e[i].map = m;
  roots.count++;
  return m;
}

JSMap *js_map_root(JSVM *vm, JSValue proto, uint32_t inline_count) {
  return js_map_root_of(vm, JS_TYPE_Object, sizeof(JSObject), proto, inline_count);
}

/* {==== Descriptors and transitions ====} */

int js_map_lookup(const JSMap *map, JSValue key) {
  const JSDescriptor *d = map->descs;
  // Newest first: recently added properties are looked up most.
  for (int i = (int)map->nprops - 1; i >= 0; i--)
    if (d[i].key.bits == key.bits) return i;
  return -1;
}

static JSMap *find_transition(const JSMap *map, JSValue key, uint32_t attrs) {
  const JSTransitions *t = map->transitions;
  if (!t) return NULL;
  for (uint32_t i = 0; i < t->count; i++)
    if (t->t[i].key.bits == key.bits && t->t[i].attrs == attrs)
      return t->t[i].target;
  return NULL;
}

static void record_transition(JSVM *vm, JSMap *map, JSValue key,
                              uint32_t attrs, JSMap *child) {
  JSTransitions *t = map->transitions;
  if (!t || t->count == t->capacity) {
    uint32_t cap = t ? t->capacity * 2 : 2;
    JSTransitions *n = ori_alloc(sizeof *n + cap * sizeof n->t[0]);
    n->map = vm->transitions_map;
    n->capacity = cap;
    if (t) {
      n->count = t->count;
      memcpy(n->t, t->t, t->count * sizeof t->t[0]);  // n is fresh
    }
    ORI_STORE_PTR(map, transitions, n);
    t = n;
  }
  ORI_STORE(t, t[t->count].key, key);
  t->t[t->count].attrs = attrs;
  t->t[t->count].target = child;
  t->count++;
}

JSMap *js_map_add(JSVM *vm, JSMap *map, JSValue key, uint32_t attrs) {
  JSMap *child = find_transition(map, key, attrs);
  if (child) return child;
  child = alloc_map(vm, map->nprops + 1);
  uint32_t id = child->id;
  JSDescriptor *descs = child->descs;
  memcpy(child, map, sizeof *child);  // same type, proto, layout
  child->map = vm->meta_map;
  child->id = id;
  child->descs = descs;
  child->desc_capacity = map->nprops + 1;
  child->transitions = NULL;
  child->back = map;
  child->flags &= ~JS_MAP_PROTOTYPE;
  memcpy(descs, map->descs, map->nprops * sizeof *descs);
  descs[map->nprops] = (JSDescriptor){key, attrs, map->nprops};
  child->nprops = map->nprops + 1;
  if (!(attrs & JS_ATTR_WRITABLE) || (attrs & JS_ATTR_ACCESSOR))
    child->flags |= JS_MAP_HAS_FROZEN;
  record_transition(vm, map, key, attrs, child);
  return child;
}

/* {==== Dictionary mode ====} */

JSMap *js_map_copy_dict(JSVM *vm, const JSMap *map) {
  JSMap *m = alloc_map(vm, 0);
  uint32_t id = m->id;
  memcpy(m, map, sizeof *m);
  m->map = vm->meta_map;
  m->id = id;
  m->descs = (JSDescriptor *)(m + 1);
  m->desc_capacity = 0;
  m->nprops = 0;
  m->back = NULL;
  m->transitions = NULL;
  m->flags |= JS_MAP_DICT | JS_MAP_HAS_FROZEN;
  return m;
}

void js_object_normalize(JSVM *vm, JSObject *o) {
  JSMap *map = o->map;
  if (map->flags & JS_MAP_DICT) return;
  JSDict *d = js_dict_new(vm, map->nprops + 4);
  for (uint32_t i = 0; i < map->nprops; i++) {
    JSDescriptor *desc = &map->descs[i];
    d = js_dict_put(vm, d, desc->key, *js_object_slot(o, desc->slot), desc->attrs);
  }
  JSMap *m = js_map_copy_dict(vm, map);
  // The in-object slots stay allocated but unused: dictionary objects
  // keep everything in the dict, so their slot count is irrelevant now.
  o->map = m;
  ORI_STORE_PTR(o, props, (JSCell *)d);
}
