/*
 * runtime/dict.c — JSDict (see dict.h): linear probing over a power-of-two
 * table, tombstones on delete, rebuilt when live + deleted passes 3/4.
 */
#define _GNU_SOURCE  // qsort_r
#include <stdlib.h>

#include "runtime/dict.h"

JSDict *js_dict_new(JSVM *vm, uint32_t capacity) {
  uint32_t cap = 8;
  while (cap < capacity * 2) cap <<= 1;
  JSDict *d = ori_alloc(sizeof(JSDict) + cap * sizeof(JSDictEntry));
  d->map = vm->dict_map;
  d->capacity = cap;
  return d;
}

// Keys are interned, so a string's cached hash is already there; symbols
// carry one; numbers mix their bits.
uint32_t js_key_hash(JSValue key) {
  if (js_is_heap(key)) {
    JSCell *c = js_heap(key);
    if (c->map->type == JS_TYPE_String) return ((JSString *)c)->hash;
    if (c->map->type == JS_TYPE_Symbol) return ((JSSymbol *)c)->hash;
    uint64_t p = (uint64_t)(uintptr_t)c;
    return (uint32_t)((p >> 3) * 0x9E3779B1u);
  }
  uint64_t x = key.bits;
  x ^= x >> 29;
  x *= 0xBF58476D1CE4E5B9ull;
  return (uint32_t)(x ^ (x >> 32));
}

JSDictEntry *js_dict_find(JSDict *d, JSValue key) {
  uint32_t mask = d->capacity - 1;
  for (uint32_t i = js_key_hash(key) & mask;; i = (i + 1) & mask) {
    JSDictEntry *e = &d->e[i];
    if (e->key.bits == key.bits) return e;
    if (e->key.bits == 0) return NULL;  // an empty slot ends the probe
  }
}

// Reinsert the live entries into a table sized for them, keeping their
// order numbers so enumeration order survives the rebuild.
static JSDict *rebuild(JSVM *vm, JSDict *d, uint32_t want) {
  JSDict *n = js_dict_new(vm, want);
  uint32_t mask = n->capacity - 1;
  for (uint32_t i = 0; i < d->capacity; i++) {
    JSDictEntry *e = &d->e[i];
    if (!js_dict_live(e)) continue;
    uint32_t j = js_key_hash(e->key) & mask;
    while (n->e[j].key.bits != 0) j = (j + 1) & mask;
    n->e[j] = *e;  // raw copy: n is fresh
  }
  n->count = n->used = d->count;
  n->next_order = d->next_order;
  return n;
}

JSDict *js_dict_put(JSVM *vm, JSDict *d, JSValue key, JSValue v, uint32_t attrs) {
  JSDictEntry *e = js_dict_find(d, key);
  if (e) {
    ORI_STORE_SLOT(d, &e->value, v);
    e->attrs = attrs;
    return d;
  }
  if ((d->used + 1) * 4 > d->capacity * 3) d = rebuild(vm, d, d->count + 1);
  uint32_t mask = d->capacity - 1;
  uint32_t i = js_key_hash(key) & mask;
  // Reuse the first tombstone on the probe path, else the empty slot.
  while (d->e[i].key.bits != 0 && !js_is_hole(d->e[i].key)) i = (i + 1) & mask;
  e = &d->e[i];
  if (e->key.bits == 0) d->used++;
  ORI_STORE_SLOT(d, &e->key, key);
  ORI_STORE_SLOT(d, &e->value, v);
  e->attrs = attrs;
  e->order = d->next_order++;
  d->count++;
  return d;
}

void js_dict_remove(JSDict *d, JSValue key) {
  JSDictEntry *e = js_dict_find(d, key);
  if (!e) return;
  e->key = JS_HOLE;  // tombstone: keeps later probes of this chain alive
  e->value = JS_UNDEFINED;
  d->count--;
}

static int cmp_order(const void *a, const void *b, void *d) {
  const JSDict *dict = d;
  uint32_t x = dict->e[*(const uint32_t *)a].order;
  uint32_t y = dict->e[*(const uint32_t *)b].order;
  return x < y ? -1 : x > y;
}

uint32_t *js_dict_sorted(JSDict *d, uint32_t *n) {
  uint32_t *idx = malloc((d->count + 1) * sizeof *idx);
  uint32_t k = 0;
  for (uint32_t i = 0; i < d->capacity; i++)
    if (js_dict_live(&d->e[i])) idx[k++] = i;
  qsort_r(idx, k, sizeof *idx, cmp_order, d);
  *n = k;
  return idx;
}
