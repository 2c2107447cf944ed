/*
 * runtime/map.h — maps (hidden classes): root maps per prototype, the
 * transition tree, descriptor lookup, and the switch to dictionary mode.
 *
 * Invariants: a fast map's descriptors (stored right after the JSMap)
 * list its properties in creation order with slots 0..nprops-1; a child
 * map has its parent's descriptors plus one. Fast maps are shared and
 * never mutated once used, except for `transitions` (append only) and
 * the PROTOTYPE flag. Dictionary maps (JS_MAP_DICT) belong to one object.
 */
#ifndef JSVM_RUNTIME_MAP_H
#define JSVM_RUNTIME_MAP_H

#include "runtime/runtime.h"

/* Objects with more named properties than this go to dictionary mode. */
#define JS_MAX_FAST_PROPERTIES 128
/* In-object slots of an ordinary object's root map. */
#define JS_DEFAULT_INLINE JS_DEFAULT_INLINE_SLOTS

/* js_map_root: the root map of plain objects with prototype proto
 * (cached per prototype) and the given number of in-object slots. */
JSMap *js_map_root(JSVM *vm, JSValue proto, uint32_t inline_count);
/* js_map_root_of: the same for objects of another type and size (e.g.
 * generators, Array subclass instances): one map per prototype, not one
 * per object. size must stay below 64 KB. */
JSMap *js_map_root_of(JSVM *vm, JSType type, uint32_t size, JSValue proto,
                      uint32_t inline_count);
/* js_map_cache_sweep: after a collection, drop root maps that died and
 * rehash by the prototypes' current addresses. */
void js_map_cache_sweep(OriVisitor *v);
/* js_map_cache_trace: the table's maps as strong roots (the Boehm build,
 * which has no weak hooks). */
void js_map_cache_trace(OriVisitor *v);

/* js_note_prototype: proto is used as a prototype (flags its map; notes
 * prototypes with indexed properties for the element fast paths). */
void js_note_prototype(JSVM *vm, JSValue proto);
/* js_map_lookup: index of key's descriptor in a fast map, or -1. */
int js_map_lookup(const JSMap *map, JSValue key);
/* js_map_add: the child of map that adds key with attrs (shared). */
JSMap *js_map_add(JSVM *vm, JSMap *map, JSValue key, uint32_t attrs);
/* js_map_copy_dict: a fresh dictionary map with map's type, proto, size. */
JSMap *js_map_copy_dict(JSVM *vm, const JSMap *map);
/* js_object_normalize: move o's named properties into a JSDict. */
void js_object_normalize(JSVM *vm, JSObject *o);
/* js_object_slot: where fast-mode property slot lives. */
static inline JSValue *js_object_slot(JSObject *o, uint32_t slot) {
  uint32_t n = o->map->inline_count;
  if (slot < n) return &js_inline_slots(o)[slot];
  return &((JSArrayStore *)o->props)->v[slot - n];
}

#endif
