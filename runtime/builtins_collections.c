/*
 * runtime/builtins_collections.c — the keyed collections (ECMA-262 2025
 * §24): the hash tables behind Map, Set, WeakMap and WeakSet (layout and
 * invariants in runtime/collections.h), the four constructors, Map.groupBy,
 * the prototypes' methods including the ES2025 Set methods (union,
 * intersection, difference, symmetricDifference, isSubsetOf, isSupersetOf,
 * isDisjointFrom), getOrInsert / getOrInsertComputed of Map and WeakMap
 * (proposal-upsert, in test262 and V8), and %MapIteratorPrototype% /
 * %SetIteratorPrototype%.
 *
 * Invariants (besides the header's):
 *  - Every walk over a Map or Set that may run user code between steps
 *    (forEach, iterators, the Set methods that call other.has) goes through
 *    a JSCollCursor, never a raw index, so that the collection may change
 *    under it: the spec's "index into [[MapData]], re-read its length"
 *    loops and the cursor see the same entries.
 *  - Natives that share one C function tell the kinds apart by their magic
 *    number: a Kind (MAP, SET, WEAK_MAP, WEAK_SET), the JSType offset from
 *    JS_TYPE_MapObject. Map/Set iterator natives use the brand instead.
 *  - The realm's intrinsic slots MapObjectMap .. WeakSetObjectMap hold the
 *    maps of collections whose prototype is the realm's own; instances of
 *    subclasses get a map of their own (rare, and still fast mode).
 */
#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/bigint.h"
#include "runtime/collections.h"
#include "runtime/iterator.h"

/* {==== Kinds ====} */

// The collection kinds, in JSType order (types.def keeps them adjacent).
typedef enum Kind { MAP, SET, WEAK_MAP, WEAK_SET, KIND_COUNT } Kind;
static_assert(JS_TYPE_SetObject == JS_TYPE_MapObject + SET &&
                  JS_TYPE_WeakMapObject == JS_TYPE_MapObject + WEAK_MAP &&
                  JS_TYPE_WeakSetObject == JS_TYPE_MapObject + WEAK_SET,
              "the collection types are adjacent, in Kind order");
static_assert(JS_INTRINSIC_SetObjectMap == JS_INTRINSIC_MapObjectMap + SET &&
                  JS_INTRINSIC_WeakMapObjectMap == JS_INTRINSIC_MapObjectMap + WEAK_MAP &&
                  JS_INTRINSIC_WeakSetObjectMap == JS_INTRINSIC_MapObjectMap + WEAK_SET,
              "the collection map slots are adjacent, in Kind order");

static const char *const kind_name[KIND_COUNT] = {"Map", "Set", "WeakMap", "WeakSet"};
static const int kind_proto[KIND_COUNT] = {
    JS_INTRINSIC_MapPrototype, JS_INTRINSIC_SetPrototype,
    JS_INTRINSIC_WeakMapPrototype, JS_INTRINSIC_WeakSetPrototype};

static Kind kind_of(JSValue coll) {
  return (Kind)(js_cell_type(js_heap(coll)) - JS_TYPE_MapObject);
}

// Maps and WeakMaps keep a value per key; sets only keys.
static bool kind_has_values(Kind k) { return k == MAP || k == WEAK_MAP; }

/* {==== Tables ====} */

// Header slots of a table (collections.h draws the whole layout).
enum { T_NEXT, T_LIVE, T_USED, T_NBUCKET, T_CAP, T_STRIDE, T_CLEARED, T_HDR };

// The smallest table: eight buckets, eight entries (a new collection
// costs about 200 bytes; most stay small).
#define MIN_CAP 8u
// V8's limit on the entries of one Map or Set (its OrderedHashTable's).
#define MAX_LIVE (1u << 24)

// Tables travel as JSValues (in objects, cursors) and are used as stores.
static inline JSArrayStore *tab(JSValue t) { return (JSArrayStore *)js_heap(t); }

// Header fields are int32-tagged, so the store holds only JSValues and
// the collector needs no special layout for it.
static inline uint32_t hdr(const JSArrayStore *t, int field) {
  return (uint32_t)js_int32(t->v[field]);
}

static inline void set_hdr(JSArrayStore *t, int field, uint32_t x) {
  ORI_STORE_WHOLE(t, &t->v[field], js_from_int32((int32_t)x));
}

// The first value of entry e: its key; the value (if any) follows, the
// chain link is last.
static inline JSValue *entry(JSArrayStore *t, uint32_t e) {
  return &t->v[T_HDR + hdr(t, T_NBUCKET) + e * hdr(t, T_STRIDE)];
}

// An empty table of cap entries (a power of two, at least MIN_CAP) and
// as many buckets: the load factor never exceeds 1 (see collections.h).
static JSArrayStore *table_alloc(JSVM *vm, uint32_t cap, uint32_t stride) {
  uint32_t nb = cap;
  JSArrayStore *t = js_new_store(vm, T_HDR + nb + cap * stride);
  // Its own map: the collector rehashes tables whose keys it moved.
  t->map = vm->hash_table_map;
  // Fresh store: raw stores. Entry slots past USED stay zero bits (the
  // double +0), which nobody reads and the collector sees as no pointer.
  t->v[T_NEXT] = JS_UNDEFINED;
  t->v[T_LIVE] = t->v[T_USED] = t->v[T_CLEARED] = js_from_int32(0);
  t->v[T_NBUCKET] = js_from_int32((int32_t)nb);
  t->v[T_CAP] = js_from_int32((int32_t)cap);
  t->v[T_STRIDE] = js_from_int32((int32_t)stride);
  for (uint32_t b = 0; b < nb; b++) t->v[T_HDR + b] = js_from_int32(-1);
  t->used = t->length;
  return t;
}

// murmur3's 64-bit finalizer: spreads pointers and small integers, whose
// low bits say little, over the buckets.
static uint32_t mix(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdull;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ull;
  x ^= x >> 33;
  return (uint32_t)x;
}

// The hash of a canonical key: strings by content (cached in the string,
// so rehashing never allocates), symbols by their own stable hash,
// BigInts by value, and everything else by its bits (numbers by value,
// since they are canonical).
static uint32_t key_hash(JSVM *vm, JSValue k) {
  if (js_is_string(k)) return js_string_hash(vm, js_str(k));
  if (js_is_symbol(k)) return ((JSSymbol *)js_heap(k))->hash;
  if (js_is_bigint(k)) return js_bigint_hash(k);
  return mix(k.bits);
}

// SameValueZero on canonical keys: equal bits, or equal string contents,
// or equal BigInt values.
static bool key_equal(JSVM *vm, JSValue a, JSValue b) {
  if (a.bits == b.bits) return true;
  if (js_is_bigint(a) && js_is_bigint(b)) return js_bigint_equal(a, b);
  if (!js_is_string(a) || !js_is_string(b)) return false;
  JSString *x = js_str(a), *y = js_str(b);
  if (x->length != y->length) return false;
  // Both hashes are known here (key_hash ran on each); 0 means unknown.
  if (x->hash && y->hash && x->hash != y->hash) return false;
  return js_string_equal(vm, a, b);
}

// CanonicalizeKeyedCollectionKey (§24.5.1) plus our number form: -0
// becomes +0 and every integral number its int32 encoding.
static JSValue canon_key(JSValue k) {
  if (!js_is_double(k)) return k;
  double d = js_double(k);
  return js_from_number(d == 0 ? 0 : d);
}

// The entry holding canonical key k (hash h) in t, or -1.
static int32_t table_find(JSVM *vm, JSArrayStore *t, JSValue k, uint32_t h) {
  uint32_t nb = hdr(t, T_NBUCKET), stride = hdr(t, T_STRIDE);
  int32_t e = js_int32(t->v[T_HDR + (h & (nb - 1))]);
  while (e >= 0) {
    JSValue *p = entry(t, (uint32_t)e);
    // Tombstones (JS_HOLE) never equal a key: they stay in the chain.
    if (key_equal(vm, p[0], k)) return e;
    e = js_int32(p[stride - 1]);
  }
  return -1;
}

/* {==== Collector support (collections.h) ====} */

// A key's hash without a VM: table keys had key_hash run on them when
// they went in, so a string's hash is cached.
static uint32_t cached_key_hash(JSValue k) {
  if (js_is_string(k)) return js_str(k)->hash;
  if (js_is_symbol(k)) return ((JSSymbol *)js_heap(k))->hash;
  // BigInts hash by value wherever they live (key_hash's rule).
  if (js_is_bigint(k)) return js_bigint_hash(k);
  return mix(k.bits);
}

void js_table_rehash(JSArrayStore *t) {
  uint32_t nb = hdr(t, T_NBUCKET), stride = hdr(t, T_STRIDE), used = hdr(t, T_USED);
  // Only int32 chain links change: no barrier is needed.
  for (uint32_t b = 0; b < nb; b++) t->v[T_HDR + b] = js_from_int32(-1);
  for (uint32_t e = 0; e < used; e++) {
    JSValue *p = entry(t, e);
    // Tombstones leave the chains: lookups never match them anyway.
    if (js_is_hole(p[0])) continue;
    JSValue *bucket = &t->v[T_HDR + (cached_key_hash(p[0]) & (nb - 1))];
    p[stride - 1] = *bucket;
    *bucket = js_from_int32((int32_t)e);
  }
}

void js_table_trace(JSArrayStore *t, OriVisitor *v) {
  uint32_t nb = hdr(t, T_NBUCKET), stride = hdr(t, T_STRIDE), used = hdr(t, T_USED);
  ORI_VISIT(v, &t->v[T_NEXT]);
  bool moved = false;
  for (uint32_t e = 0; e < used; e++) {
    JSValue *p = &t->v[T_HDR + nb + e * stride];
    uint64_t before = p[0].bits;
    ORI_VISIT(v, &p[0]);
    // Object keys hash by address: a moved key needs new chains (strings,
    // symbols and BigInts hash by content).
    if (p[0].bits != before && !js_is_string(p[0]) && !js_is_symbol(p[0]) && !js_is_bigint(p[0]))
      moved = true;
    if (stride == 3) ORI_VISIT(v, &p[1]);
  }
  if (moved) js_table_rehash(t);
}

bool js_table_ephemeron(JSArrayStore *t, OriVisitor *v) {
  uint32_t nb = hdr(t, T_NBUCKET), stride = hdr(t, T_STRIDE), used = hdr(t, T_USED);
  bool any = false;
  if (stride != 3) return false;  // WeakSet: no values
  for (uint32_t e = 0; e < used; e++) {
    JSValue *p = &t->v[T_HDR + nb + e * stride];
    if (!js_is_heap(p[0]) || !v->is_live(v, &p[0])) continue;
    if (js_is_heap(p[1]) && !v->is_live(v, &p[1])) any = true;
    ORI_VISIT(v, &p[1]);
  }
  return any;
}

void js_table_clear_dead(JSArrayStore *t, OriVisitor *v) {
  uint32_t nb = hdr(t, T_NBUCKET), stride = hdr(t, T_STRIDE), used = hdr(t, T_USED);
  uint32_t live = hdr(t, T_LIVE);
  bool young = false;
  for (uint32_t e = 0; e < used; e++) {
    JSValue *p = &t->v[T_HDR + nb + e * stride];
    if (js_is_heap(p[0]) && !v->is_live(v, &p[0])) {
      // A dead key: the entry becomes a tombstone, as delete makes one.
      p[0] = JS_HOLE;
      if (stride == 3) p[1] = JS_UNDEFINED;
      live--;
    }
    young |= js_is_heap(p[0]) && ori_is_young(js_heap(p[0]));
    young |= stride == 3 && js_is_heap(p[1]) && ori_is_young(js_heap(p[1]));
  }
  t->v[T_LIVE] = js_from_int32((int32_t)live);
  // Values marked through the ephemeron pass were not seen as slots of
  // the table: remember it if it points into the young generation.
  if (young) ori_remember(t);
}

// Replace c's table t by a new one of capacity cap holding t's live
// entries in order. t becomes obsolete: NEXT points at the new table, and
// cursors on t find their place there by counting t's tombstones.
static JSArrayStore *table_resize(JSVM *vm, JSCollection *c, JSArrayStore *t,
                                  uint32_t cap) {
  uint32_t stride = hdr(t, T_STRIDE), used = hdr(t, T_USED);
  JSArrayStore *n = table_alloc(vm, cap, stride);
  // One bucket per entry slot, as table_alloc made them.
  uint32_t mask = cap - 1, out = 0;
  for (uint32_t e = 0; e < used; e++) {
    JSValue *src = entry(t, e);
    if (js_is_hole(src[0])) continue;
    JSValue *dst = entry(n, out);
    JSValue *bucket = &n->v[T_HDR + (key_hash(vm, src[0]) & mask)];
    ORI_STORE_WHOLE(n, &dst[0], src[0]);
    if (stride == 3) ORI_STORE_WHOLE(n, &dst[1], src[1]);
    // Prepend to the bucket's chain: chain order does not matter.
    ORI_STORE_WHOLE(n, &dst[stride - 1], *bucket);
    ORI_STORE_WHOLE(n, bucket, js_from_int32((int32_t)out));
    out++;
  }
  set_hdr(n, T_LIVE, out);
  set_hdr(n, T_USED, out);
  ORI_STORE_WHOLE(t, &t->v[T_NEXT], js_val(n));
  ORI_STORE(c, table, js_val(n));
  return n;
}

// Append canonical key k (absent; hash h) with value v. False with a
// RangeError pending when the collection is full.
static bool table_add(JSVM *vm, JSCollection *c, JSValue k, JSValue v, uint32_t h) {
  JSArrayStore *t = tab(c->table);
  uint32_t live = hdr(t, T_LIVE), cap = hdr(t, T_CAP);
  if (live >= MAX_LIVE) {
    Kind kind = kind_of(js_val(c));
    js_throw_range_error(vm, "%s maximum size exceeded", kind_name[kind]);
    return false;
  }
  if (hdr(t, T_USED) == cap) {
    // Full: double when at least half the entries are live, else the same
    // size again, which just drops the tombstones.
    t = table_resize(vm, c, t, live >= cap / 2 ? cap * 2 : cap);
  }
  uint32_t e = hdr(t, T_USED), stride = hdr(t, T_STRIDE);
  JSValue *p = entry(t, e);
  JSValue *bucket = &t->v[T_HDR + (h & (hdr(t, T_NBUCKET) - 1))];
  ORI_STORE_WHOLE(t, &p[0], k);
  if (stride == 3) ORI_STORE_WHOLE(t, &p[1], v);
  ORI_STORE_WHOLE(t, &p[stride - 1], *bucket);
  ORI_STORE_WHOLE(t, bucket, js_from_int32((int32_t)e));
  set_hdr(t, T_USED, e + 1);
  set_hdr(t, T_LIVE, live + 1);
  return true;
}

// Turn entry e of c's current table t into a tombstone; shrink the table
// when it has become mostly empty.
static void table_remove(JSVM *vm, JSCollection *c, JSArrayStore *t, uint32_t e) {
  JSValue *p = entry(t, e);
  ORI_STORE_WHOLE(t, &p[0], JS_HOLE);
  if (hdr(t, T_STRIDE) == 3) ORI_STORE_WHOLE(t, &p[1], JS_UNDEFINED);
  uint32_t live = hdr(t, T_LIVE) - 1, cap = hdr(t, T_CAP);
  set_hdr(t, T_LIVE, live);
  if (cap > MIN_CAP && live < cap / 4) table_resize(vm, c, t, cap / 2);
}

/* {==== The C API (collections.h) ====} */

JSValue js_collection_new(JSVM *vm, JSType type, JSValue proto) {
  Kind k = (Kind)(type - JS_TYPE_MapObject);
  JSValue shared = vm->realm->intrinsic[JS_INTRINSIC_MapObjectMap + k];
  JSMap *map = js_heap(shared);
  // A subclass's prototype: a map of this object's own, still fast.
  if (proto.bits != map->proto.bits)
    map = js_new_map(vm, type, proto, sizeof(JSCollection), 2);
  JSArrayStore *t = table_alloc(vm, MIN_CAP, kind_has_values(k) ? 3 : 2);
  JSCollection *c = (JSCollection *)js_new_object_of(vm, map);
  c->table = js_val(t);  // fresh object: raw store
  return js_val(c);
}

// Size is the live count: tombstones do not count (§24.1.3.10 skips
// empty entries).
uint32_t js_collection_size(JSValue coll) {
  JSCollection *c = js_heap(coll);
  return hdr(tab(c->table), T_LIVE);
}

// Where key lives in coll's current table (-1: absent); *k gets the
// canonical key and *h its hash, ready for table_add.
static int32_t lookup(JSVM *vm, JSValue coll, JSValue key, JSValue *k, uint32_t *h) {
  *k = canon_key(key);
  *h = key_hash(vm, *k);
  JSCollection *c = js_heap(coll);
  return table_find(vm, tab(c->table), *k, *h);
}

// A Set answers with its canonical element: callers only test for the
// hole, or (getOrInsert) never reach a Set.
JSValue js_collection_get(JSVM *vm, JSValue coll, JSValue key) {
  JSValue k;
  uint32_t h;
  int32_t e = lookup(vm, coll, key, &k, &h);
  if (e < 0) return JS_HOLE;
  JSArrayStore *t = tab(((JSCollection *)js_heap(coll))->table);
  JSValue *p = entry(t, (uint32_t)e);
  return hdr(t, T_STRIDE) == 3 ? p[1] : p[0];
}

bool js_collection_put(JSVM *vm, JSValue coll, JSValue key, JSValue value) {
  JSValue k;
  uint32_t h;
  int32_t e = lookup(vm, coll, key, &k, &h);
  JSCollection *c = js_heap(coll);
  JSArrayStore *t = tab(c->table);
  if (e < 0) return table_add(vm, c, k, value, h);
  // Present: a map's value is replaced in place (the entry keeps its
  // position); a set has nothing to change.
  if (hdr(t, T_STRIDE) == 3) ORI_STORE_WHOLE(t, &entry(t, (uint32_t)e)[1], value);
  return true;
}

// The entry becomes a tombstone in place, so that cursors' indices into
// this table stay right; table_remove may then replace the table.
bool js_collection_delete(JSVM *vm, JSValue coll, JSValue key) {
  JSValue k;
  uint32_t h;
  int32_t e = lookup(vm, coll, key, &k, &h);
  if (e < 0) return false;
  JSCollection *c = js_heap(coll);
  table_remove(vm, c, tab(c->table), (uint32_t)e);
  return true;
}

void js_collection_clear(JSVM *vm, JSValue coll) {
  JSCollection *c = js_heap(coll);
  JSArrayStore *t = tab(c->table);
  // Nothing was ever added: every cursor is at 0 already.
  if (hdr(t, T_USED) == 0) return;
  JSArrayStore *n = table_alloc(vm, MIN_CAP, hdr(t, T_STRIDE));
  // t keeps its entries, but nothing reads them again: CLEARED sends
  // every cursor on t to the start of the new, empty table (the spec's
  // clear() empties every entry, and a walk skips them all).
  // Wiping them would only matter to the collector, which will free t
  // as soon as no cursor holds it.
  set_hdr(t, T_CLEARED, 1);
  ORI_STORE_WHOLE(t, &t->v[T_NEXT], js_val(n));
  ORI_STORE(c, table, js_val(n));
}

// A cursor starts at entry 0 of the current table; any later resize or
// clear is caught up with lazily by js_collection_step.
void js_collection_cursor(JSValue coll, JSCollCursor *c) {
  c->table = ((JSCollection *)js_heap(coll))->table;
  c->index = 0;
}

// Where index i of obsolete table t lands in t's successor: 0 after a
// clear(), else i minus the tombstones the resize dropped before it.
static uint32_t moved_index(JSArrayStore *t, uint32_t i) {
  if (hdr(t, T_CLEARED)) return 0;
  uint32_t holes = 0;
  for (uint32_t e = 0; e < i; e++) holes += js_is_hole(entry(t, e)[0]);
  return i - holes;
}

bool js_collection_step(JSCollCursor *c, JSValue *key, JSValue *value) {
  JSArrayStore *t = tab(c->table);
  uint32_t i = c->index;
  // Catch up with every resize and clear since the cursor last moved.
  while (!js_is_undefined(t->v[T_NEXT])) {
    i = moved_index(t, i);
    t = tab(t->v[T_NEXT]);
  }
  // Remember the current table, so the chain is walked only once and the
  // old tables can die.
  c->table = js_val(t);
  uint32_t used = hdr(t, T_USED), stride = hdr(t, T_STRIDE);
  for (; i < used; i++) {
    JSValue *p = entry(t, i);
    if (js_is_hole(p[0])) continue;
    *key = p[0];
    *value = stride == 3 ? p[1] : p[0];
    c->index = i + 1;
    return true;
  }
  // At the end: a later step looks again from here, which is what the
  // spec's loops (that re-read the entry count) need.
  c->index = used;
  return false;
}

/* {==== Receivers and messages ====} */

// The name of the constructor found as a data property "constructor" on
// v or its prototypes, read without running user code (no getters, no
// proxies), or NULL: V8's #<Ctor> receiver text. malloc'd.
static char *ctor_name(JSVM *vm, JSValue v) {
  for (int depth = 0; js_is_object(v) && depth < 64; depth++) {
    if (js_is_type(v, JS_TYPE_Proxy)) return NULL;
    JSPropDesc d;
    int r = js_get_own_property(vm, v, vm->atom[JS_ATOM_constructor], &d);
    if (r < 0) {
      js_take_exception(vm);  // cannot happen for ordinary objects
      return NULL;
    }
    if (r == 0) {
      v = js_obj(v)->map->proto;
      continue;
    }
    if (d.has_value) {
      if (!js_is_function(d.value)) return NULL;
      JSValue name = js_fn(d.value)->shared->name;
      return js_is_string(name) && js_string_length(name) ? js_string_utf8(vm, name, NULL) : NULL;
    }
    return NULL;  // an accessor: V8 does not call it either
  }
  return NULL;
}

// An object as V8 shows a receiver it rejects: arrays as [object Array],
// functions by their source, others as #<Ctor> (or [object Object]).
static char *object_text(JSVM *vm, JSValue v) {
  if (js_is_array(v)) return strdup("[object Array]");
  if (js_is_callable(v)) {
    JSValue src = js_function_source(vm, v);
    return js_is_string(src) ? js_string_utf8(vm, src, NULL) : strdup("function");
  }
  char *name = ctor_name(vm, v);
  if (!name) return strdup("[object Object]");
  size_t n = strlen(name) + 4;
  char *text = malloc(n);
  snprintf(text, n, "#<%s>", name);
  free(name);
  return text;
}

// A short text for v in an error message, as V8 writes it: primitives as
// their ToString (symbols as Symbol(desc)), objects by object_text.
// malloc'd.
static char *value_text(JSVM *vm, JSValue v) {
  if (js_is_object(v)) return object_text(vm, v);
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  if (js_is_symbol(v)) {
    // Symbols refuse ToString; their descriptive string is what V8 shows.
    JSValue d = ((JSSymbol *)js_heap(v))->description;
    js_sb_ascii(&sb, "Symbol(");
    if (js_is_string(d)) js_sb_string(&sb, d);
    js_sb_char(&sb, ')');
  } else {
    // Other primitives have a ToString that cannot throw.
    js_sb_string(&sb, js_to_string(vm, v));
  }
  JSValue s = js_sb_finish(&sb);
  if (js_is_exception(s)) {
    js_take_exception(vm);  // too long to show: the message loses it only
    return strdup("");
  }
  return js_string_utf8(vm, s, NULL);
}

// RequireInternalSlot(self, [[MapData]] etc.): the collection, or NULL
// after V8's TypeError naming the method (member of kind's prototype).
static JSCollection *this_kind(JSVM *vm, JSValue self, Kind kind, const char *member) {
  if (js_is_type(self, (JSType)(JS_TYPE_MapObject + kind))) return js_heap(self);
  char *what = value_text(vm, self);
  // The size accessor's own name is "get size".
  js_throw_type_error(vm, "Method %s%s.prototype.%s called on incompatible receiver %s",
                      strcmp(member, "size") ? "" : "get ", kind_name[kind], member, what);
  free(what);
  return NULL;
}

// CanBeHeldWeakly (§9.13): objects, and symbols not made by Symbol.for.
static bool can_be_held_weakly(JSValue v) {
  if (js_is_object(v)) return true;
  return js_is_symbol(v) && !(((JSSymbol *)js_heap(v))->flags & JS_SYM_REGISTERED);
}

/* {==== Constructors ====} */

// The [k, v] half of AddEntriesFromIterable (§24.1.1.2) for one item:
// Get(item, "0"), Get(item, "1"), Call(adder, target, « k, v »).
static JSValue add_entry(JSVM *vm, JSValue target, JSValue adder, JSValue item) {
  if (!js_is_object(item)) {
    char *what = value_text(vm, item);
    js_throw_type_error(vm, "Iterator value %s is not an entry object", what);
    free(what);
    return JS_EXCEPTION;
  }
  // Two separate Gets, in order: an entry may be any object with getters.
  JSValue kv[2];
  kv[0] = js_get_index(vm, item, 0);
  if (js_is_exception(kv[0])) return kv[0];
  kv[1] = js_get_index(vm, item, 1);
  if (js_is_exception(kv[1])) return kv[1];
  return js_call(vm, adder, target, 2, kv);
}

// AddEntriesFromIterable for the maps, and the sets' loop of
// Call(adder, set, « next »): any failure after the iterator is open
// closes it (IfAbruptCloseIterator) and propagates.
static JSValue add_from_iterable(JSVM *vm, JSValue target, JSValue iterable,
                                 JSValue adder, bool pairs) {
  JSIterRecord rec;
  if (!js_get_iterator(vm, iterable, &rec)) return JS_EXCEPTION;
  for (;;) {
    JSValue next;
    int r = js_iterator_step_value(vm, &rec, &next);
    if (r < 0) return JS_EXCEPTION;
    if (r == 0) return target;
    // The adder is called even when it is the intrinsic one: a user's
    // subclass may observe or override it, and V8 skips it only when it
    // can prove nobody looks.
    JSValue status = pairs ? add_entry(vm, target, adder, next)
                           : js_call(vm, adder, target, 1, &next);
    if (js_is_exception(status)) {
      js_iterator_close(vm, &rec, true);
      return JS_EXCEPTION;
    }
  }
}

// Map (§24.1.1.1), Set (§24.2.2.1), WeakMap (§24.3.1.1), WeakSet
// (§24.4.1.1): OrdinaryCreateFromConstructor, then the iterable's items
// through this.set / this.add, looked up once.
static JSValue construct(JSVM *vm, Kind kind, JSValue nt, JSValue iterable) {
  if (js_is_undefined(nt))
    return js_throw_type_error(vm, "Constructor %s requires 'new'", kind_name[kind]);
  JSValue proto = js_get_prototype_from_ctor(vm, nt, kind_proto[kind]);
  if (js_is_exception(proto)) return proto;
  JSValue obj = js_collection_new(vm, (JSType)(JS_TYPE_MapObject + kind), proto);
  // Step 5 of each: no iterable, no lookup of the adder at all.
  if (js_is_nullish(iterable)) return obj;
  bool pairs = kind_has_values(kind);
  JSValue adder = js_get(vm, obj, vm->atom[pairs ? JS_ATOM_set : JS_ATOM_add]);
  if (js_is_exception(adder)) return adder;
  // V8's message names the property and the object that lacked it.
  if (!js_is_callable(adder)) {
    char *what = value_text(vm, adder);
    js_throw_type_error(vm, "'%s' returned for property '%s' of object '#<%s>' is not a function",
                        what, pairs ? "set" : "add", kind_name[kind]);
    free(what);
    return JS_EXCEPTION;
  }
  return add_from_iterable(vm, obj, iterable, adder, pairs);
}

// One native per constructor: js_new_native_ctor gives no magic number,
// and the constructor's kind must not depend on new.target (a subclass).
static JSValue map_ctor(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  return construct(vm, MAP, nt, js_arg(0));
}

static JSValue set_ctor(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  return construct(vm, SET, nt, js_arg(0));
}

static JSValue weak_map_ctor(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  return construct(vm, WEAK_MAP, nt, js_arg(0));
}

static JSValue weak_set_ctor(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  return construct(vm, WEAK_SET, nt, js_arg(0));
}

// get Map[@@species] / get Set[@@species] (§24.1.2.3, §24.2.3.2). No
// method of ours consults it (the Set methods make plain Sets), but
// subclasses and user code read it.
static JSValue coll_species(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  return self;
}

// Map.groupBy(items, callbackfn) (§24.1.2.1): GroupBy with the "zero"
// key coercion, its groups kept directly in the result Map (insertion
// order is the order of each key's first appearance, as the spec's list).
static JSValue map_group_by(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  JSValue items = js_arg(0), fn = js_arg(1);
  if (js_is_nullish(items))
    return js_throw_type_error(vm, "Map.groupBy called on null or undefined");
  if (!js_is_callable(fn)) return js_throw_not_callable(vm, fn);
  // Made before the iteration starts: no user code can see it until it is
  // returned, so filling it as the spec fills its list is equivalent.
  JSValue map = js_collection_new(vm, JS_TYPE_MapObject, js_intrinsic(vm, MapPrototype));
  JSIterRecord rec;
  if (!js_get_iterator(vm, items, &rec)) return JS_EXCEPTION;
  // k cannot reach 2^53-1 (the spec's TypeError) in any real run.
  for (double k = 0;; k++) {
    JSValue v;
    int r = js_iterator_step_value(vm, &rec, &v);
    if (r < 0) return JS_EXCEPTION;
    if (r == 0) return map;
    JSValue args[2] = {v, js_from_number(k)};
    JSValue key = js_call(vm, fn, JS_UNDEFINED, 2, args);
    if (js_is_exception(key)) goto close;
    // js_collection_get/put canonicalize -0 to +0 themselves.
    JSValue group = js_collection_get(vm, map, key);
    if (js_is_hole(group)) {
      group = js_new_array(vm, 0);
      if (!js_collection_put(vm, map, key, group)) goto close;
    }
    if (js_array_push(vm, group, v) < 0) goto close;
  }
close:
  // IfAbruptCloseIterator: return() runs, the original error stays.
  js_iterator_close(vm, &rec, true);
  return JS_EXCEPTION;
}

/* {==== Map.prototype and Set.prototype: the common methods ====} */

// get (§24.1.3.6) for Map (magic MAP) and WeakMap (WEAK_MAP): the value,
// or undefined.
static JSValue coll_get(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  Kind kind = (Kind)js_native_magic(vm);
  if (!this_kind(vm, self, kind, "get")) return JS_EXCEPTION;
  if (kind == WEAK_MAP && !can_be_held_weakly(js_arg(0))) return JS_UNDEFINED;
  JSValue v = js_collection_get(vm, self, js_arg(0));
  return js_is_hole(v) ? JS_UNDEFINED : v;
}

// has (§24.1.3.7, §24.2.4.8, §24.3.3.4, §24.4.3.4), every kind.
static JSValue coll_has(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  Kind kind = (Kind)js_native_magic(vm);
  if (!this_kind(vm, self, kind, "has")) return JS_EXCEPTION;
  // A value that cannot be a weak key is in no weak collection.
  if (kind >= WEAK_MAP && !can_be_held_weakly(js_arg(0))) return JS_FALSE;
  return js_from_bool(!js_is_hole(js_collection_get(vm, self, js_arg(0))));
}

// delete (§24.1.3.3, §24.2.4.4, §24.3.3.2, §24.4.3.3), every kind.
static JSValue coll_delete(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  Kind kind = (Kind)js_native_magic(vm);
  if (!this_kind(vm, self, kind, "delete")) return JS_EXCEPTION;
  if (kind >= WEAK_MAP && !can_be_held_weakly(js_arg(0))) return JS_FALSE;
  return js_from_bool(js_collection_delete(vm, self, js_arg(0)));
}

// set (§24.1.3.9, §24.3.3.5) for Map and WeakMap: returns this.
static JSValue coll_set(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  Kind kind = (Kind)js_native_magic(vm);
  if (!this_kind(vm, self, kind, "set")) return JS_EXCEPTION;
  if (kind == WEAK_MAP && !can_be_held_weakly(js_arg(0)))
    return js_throw_type_error(vm, "Invalid value used as weak map key");
  if (!js_collection_put(vm, self, js_arg(0), js_arg(1))) return JS_EXCEPTION;
  return self;
}

// getOrInsert(key, value) (proposal-upsert, ES2026) for Map and
// WeakMap: the present value, else value, stored under key.
static JSValue coll_get_or_insert(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                  JSValue nt) {
  Kind kind = (Kind)js_native_magic(vm);
  if (!this_kind(vm, self, kind, "getOrInsert")) return JS_EXCEPTION;
  if (kind == WEAK_MAP && !can_be_held_weakly(js_arg(0)))
    return js_throw_type_error(vm, "Invalid value used as weak map key");
  JSValue v = js_collection_get(vm, self, js_arg(0));
  if (!js_is_hole(v)) return v;
  // Absent: nothing ran since the lookup, so put appends.
  if (!js_collection_put(vm, self, js_arg(0), js_arg(1))) return JS_EXCEPTION;
  return js_arg(1);
}

// getOrInsertComputed(key, callbackfn) (proposal-upsert): the present
// value, else callbackfn(key)'s result, stored under key even if the
// callback added the key meanwhile (then its value is overwritten).
static JSValue coll_get_or_insert_computed(JSVM *vm, JSValue self, int argc,
                                           JSValue *argv, JSValue nt) {
  Kind kind = (Kind)js_native_magic(vm);
  if (!this_kind(vm, self, kind, "getOrInsertComputed")) return JS_EXCEPTION;
  if (kind == WEAK_MAP && !can_be_held_weakly(js_arg(0)))
    return js_throw_type_error(vm, "Invalid value used as weak map key");
  JSValue fn = js_arg(1), key = canon_key(js_arg(0));
  if (!js_is_callable(fn)) return js_throw_not_callable(vm, fn);
  JSValue v = js_collection_get(vm, self, key);
  if (!js_is_hole(v)) return v;
  // The callback sees the canonical key (+0 for -0) and may change the
  // map; put then looks the key up again, as the spec's second loop.
  v = js_call(vm, fn, JS_UNDEFINED, 1, &key);
  if (js_is_exception(v)) return v;
  if (!js_collection_put(vm, self, key, v)) return JS_EXCEPTION;
  return v;
}

// add (§24.2.4.1, §24.4.3.1) for Set and WeakSet: returns this.
static JSValue coll_add(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  Kind kind = (Kind)js_native_magic(vm);
  if (!this_kind(vm, self, kind, "add")) return JS_EXCEPTION;
  if (kind == WEAK_SET && !can_be_held_weakly(js_arg(0)))
    return js_throw_type_error(vm, "Invalid value used in weak set");
  if (!js_collection_put(vm, self, js_arg(0), JS_UNDEFINED)) return JS_EXCEPTION;
  return self;
}

// clear (§24.1.3.1, §24.2.4.2) for Map and Set.
static JSValue coll_clear(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  if (!this_kind(vm, self, (Kind)js_native_magic(vm), "clear")) return JS_EXCEPTION;
  js_collection_clear(vm, self);
  return JS_UNDEFINED;
}

// get size (§24.1.3.10, §24.2.4.14) for Map and Set.
static JSValue coll_size(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  if (!this_kind(vm, self, (Kind)js_native_magic(vm), "size")) return JS_EXCEPTION;
  return js_from_int32((int32_t)js_collection_size(self));
}

// forEach (§24.1.3.5, §24.2.4.7): callbackfn(value, key, M) for each
// entry in order, seeing additions and deletions made by the callbacks
// (for a Set, value and key are both the element).
static JSValue coll_for_each(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  if (!this_kind(vm, self, (Kind)js_native_magic(vm), "forEach")) return JS_EXCEPTION;
  JSValue fn = js_arg(0), this_arg = js_arg(1);
  if (!js_is_callable(fn)) return js_throw_not_callable(vm, fn);
  JSCollCursor cur;
  js_collection_cursor(self, &cur);
  // The cursor fills in (key, value); callbacks get (value, key, M).
  JSValue args[3];
  args[2] = self;
  while (js_collection_step(&cur, &args[1], &args[0])) {
    if (js_is_exception(js_call(vm, fn, this_arg, 3, args))) return JS_EXCEPTION;
  }
  return JS_UNDEFINED;
}

/* {==== Iterators (§24.1.5, §24.2.6) ====} */

// keys / values / entries of Map and Set: CreateMapIterator and
// CreateSetIterator. magic = kind | brand << 2, brand 0 Map, 1 Set.
static JSValue coll_iterator(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  static const char *const names[] = {"keys", "values", "entries"};
  int magic = js_native_magic(vm);
  JSIterKind kind = (JSIterKind)(magic & 3);
  bool set = magic >> 2;
  JSCollection *c = this_kind(vm, self, set ? SET : MAP, names[kind]);
  if (!c) return JS_EXCEPTION;
  JSValue it = js_new_iterator(vm, set ? JS_ITER_SET : JS_ITER_MAP, self, kind);
  // The iterator's cursor: state is the table, index the entry (0).
  ORI_STORE((JSIteratorObject *)js_heap(it), state, c->table);
  return it;
}

// %MapIteratorPrototype%.next (§24.1.5.2.1) and, with magic 1,
// %SetIteratorPrototype%.next (§24.2.6.2.1). Once done (target
// undefined) the iterator stays done, as the spec's finished generator.
static JSValue coll_iterator_next(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                  JSValue nt) {
  JSIteratorObject *it =
      js_iterator_this(vm, self, js_native_magic(vm) ? JS_ITER_SET : JS_ITER_MAP, "next");
  if (!it) return JS_EXCEPTION;
  if (js_is_undefined(it->target)) return js_create_iter_result(vm, JS_UNDEFINED, true);
  // Work on a C copy of the cursor, then store it back with barriers.
  JSCollCursor cur = {it->state, (uint32_t)it->index};
  JSValue kv[2];
  if (!js_collection_step(&cur, &kv[0], &kv[1])) {
    // Let go of the collection and its tables.
    ORI_STORE(it, target, JS_UNDEFINED);
    ORI_STORE(it, state, JS_UNDEFINED);
    return js_create_iter_result(vm, JS_UNDEFINED, true);
  }
  ORI_STORE(it, state, cur.table);
  it->index = cur.index;
  // A Set's cursor gives the element as both key and value, so entries
  // are [e, e] and keys/values both e, as CreateSetIterator yields.
  switch ((JSIterKind)it->kind) {
    case JS_ITER_KIND_KEYS: return js_create_iter_result(vm, kv[0], false);
    case JS_ITER_KIND_VALUES: return js_create_iter_result(vm, kv[1], false);
    case JS_ITER_KIND_ENTRIES: break;
  }
  return js_create_iter_result(vm, js_new_array_from(vm, 2, kv), false);
}

JSArrayStore *js_collection_iterator_items(JSVM *vm, JSValue v, bool *pairs) {
  if (!js_is_type(v, JS_TYPE_Iterator)) return NULL;
  JSIteratorObject *it = js_heap(v);
  if (it->brand != JS_ITER_MAP && it->brand != JS_ITER_SET) return NULL;
  *pairs = it->kind == JS_ITER_KIND_ENTRIES;
  JSArrayStore *out = js_new_store(vm, 8);
  if (js_is_undefined(it->target)) return out;
  // A copy of the iterator's cursor walks on; the iterator stays put.
  JSCollCursor cur = {it->state, (uint32_t)it->index};
  JSValue k, val;
  while (js_collection_step(&cur, &k, &val)) {
    if (*pairs) out = js_store_push(vm, out, k);
    out = js_store_push(vm, out, it->kind == JS_ITER_KIND_KEYS ? k : val);
  }
  return out;
}

/* {==== The Set methods (§24.2.4: union .. isDisjointFrom) ====} */

// A Set Record (§24.2.1.2).
typedef struct SetRecord {
  JSValue set;
  double size;           // an integer or +Infinity
  JSValue has, keys;
} SetRecord;

// GetSetRecord(obj) (§24.2.1.3), with V8's messages.
static bool get_set_record(JSVM *vm, JSValue obj, const char *method, SetRecord *r) {
  if (!js_is_object(obj)) {
    js_throw_type_error(vm, "Set.prototype.%s argument must be an object", method);
    return false;
  }
  JSValue raw = js_get(vm, obj, vm->atom[JS_ATOM_size]);
  double num;
  if (js_is_exception(raw) || !js_to_number(vm, raw, &num)) return false;
  if (isnan(num)) {
    js_throw_type_error(vm, "The .size property is NaN");
    return false;
  }
  // ToIntegerOrInfinity: truncation (-0.5 becomes -0, which is fine).
  double size = trunc(num);
  if (size < 0) {
    JSValue text = js_number_to_string(vm, size);
    char *s = js_is_exception(text) ? NULL : js_string_utf8(vm, text, NULL);
    js_throw_range_error(vm, "'%s' is an invalid size", s ? s : "");
    free(s);
    return false;
  }
  // has and keys are fetched (and checked) once, before any is called.
  r->set = obj;
  r->size = size;
  r->has = js_get(vm, obj, vm->atom[JS_ATOM_has]);
  if (js_is_exception(r->has)) return false;
  if (!js_is_callable(r->has)) {
    js_throw_not_callable(vm, r->has);
    return false;
  }
  r->keys = js_get_str(vm, obj, "keys");
  if (js_is_exception(r->keys)) return false;
  if (!js_is_callable(r->keys)) {
    js_throw_not_callable(vm, r->keys);
    return false;
  }
  return true;
}

// ToBoolean(? Call(rec.[[Has]], rec.[[SetObject]], « e »)): 1, 0 or -1.
static int other_has(JSVM *vm, const SetRecord *r, JSValue e) {
  JSValue res = js_call(vm, r->has, r->set, 1, &e);
  if (js_is_exception(res)) return -1;
  return js_to_boolean(res);
}

// The this value of a Set method and GetSetRecord(other), in spec order.
static bool set_method_start(JSVM *vm, JSValue self, JSValue other, const char *method,
                             SetRecord *r) {
  if (!this_kind(vm, self, SET, method)) return false;
  return get_set_record(vm, other, method, r);
}

// A new Set (with %Set.prototype%) holding a copy of src's elements.
static JSValue copy_set(JSVM *vm, JSValue src) {
  JSValue res = js_collection_new(vm, JS_TYPE_SetObject, js_intrinsic(vm, SetPrototype));
  JSCollCursor cur;
  js_collection_cursor(src, &cur);
  JSValue k, v;
  // The copy is never larger than src: put cannot fail.
  while (js_collection_step(&cur, &k, &v)) js_collection_put(vm, res, k, v);
  return res;
}

// SetDataHas(set.[[SetData]], e): no user code runs.
static bool set_has(JSVM *vm, JSValue set, JSValue e) {
  return !js_is_hole(js_collection_get(vm, set, e));
}

// GetIteratorFromMethod(rec.[[SetObject]], rec.[[Keys]]).
static bool open_keys(JSVM *vm, const SetRecord *r, JSIterRecord *it) {
  return js_get_iterator_from_method(vm, r->set, r->keys, it);
}

// Set.prototype.union(other) (§24.2.4.19).
static JSValue set_union(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  SetRecord r;
  JSIterRecord it;
  if (!set_method_start(vm, self, js_arg(0), "union", &r) || !open_keys(vm, &r, &it))
    return JS_EXCEPTION;
  // Copied only now: keys() may have changed this set, and the spec
  // copies after calling it.
  JSValue res = copy_set(vm, self);
  for (;;) {
    JSValue next;
    int s = js_iterator_step_value(vm, &it, &next);
    if (s < 0) return JS_EXCEPTION;
    if (s == 0) return res;
    // put canonicalizes and leaves a present element where it is.
    if (!js_collection_put(vm, res, next, JS_UNDEFINED)) return JS_EXCEPTION;
  }
}

// Set.prototype.intersection(other) (§24.2.4.9): by other.has when this
// is no larger, else by other.keys(). Result order follows the walk.
static JSValue set_intersection(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                JSValue nt) {
  SetRecord r;
  if (!set_method_start(vm, self, js_arg(0), "intersection", &r)) return JS_EXCEPTION;
  JSValue res = js_collection_new(vm, JS_TYPE_SetObject, js_intrinsic(vm, SetPrototype));
  JSValue e, unused;
  if (js_collection_size(self) <= r.size) {
    // has() may change this set: the cursor sees it as the spec's loop.
    JSCollCursor cur;
    js_collection_cursor(self, &cur);
    while (js_collection_step(&cur, &e, &unused)) {
      int in = other_has(vm, &r, e);
      if (in < 0) return JS_EXCEPTION;
      if (in && !js_collection_put(vm, res, e, JS_UNDEFINED)) return JS_EXCEPTION;
    }
    return res;
  }
  // Other is smaller: keep its keys that this set has, in its order.
  JSIterRecord it;
  if (!open_keys(vm, &r, &it)) return JS_EXCEPTION;
  for (;;) {
    int s = js_iterator_step_value(vm, &it, &e);
    if (s < 0) return JS_EXCEPTION;
    if (s == 0) return res;
    if (set_has(vm, self, e) && !js_collection_put(vm, res, e, JS_UNDEFINED))
      return JS_EXCEPTION;
  }
}

// Set.prototype.difference(other) (§24.2.4.5): a copy of this minus the
// elements other has (asked element by element over the copy, which user
// code cannot reach) or lists.
static JSValue set_difference(JSVM *vm, JSValue self, int argc, JSValue *argv,
                              JSValue nt) {
  SetRecord r;
  if (!set_method_start(vm, self, js_arg(0), "difference", &r)) return JS_EXCEPTION;
  JSValue res = copy_set(vm, self), e, unused;
  if (js_collection_size(self) <= r.size) {
    // Deleting from res under its own cursor is safe: a tombstone keeps
    // the indices, and a shrink is followed through NEXT.
    JSCollCursor cur;
    js_collection_cursor(res, &cur);
    while (js_collection_step(&cur, &e, &unused)) {
      int in = other_has(vm, &r, e);
      if (in < 0) return JS_EXCEPTION;
      if (in) js_collection_delete(vm, res, e);
    }
    return res;
  }
  // Other is smaller: remove what its keys() lists (canonicalized by
  // the lookup; absent keys are no-ops).
  JSIterRecord it;
  if (!open_keys(vm, &r, &it)) return JS_EXCEPTION;
  for (;;) {
    int s = js_iterator_step_value(vm, &it, &e);
    if (s < 0) return JS_EXCEPTION;
    if (s == 0) return res;
    js_collection_delete(vm, res, e);
  }
}

// Set.prototype.symmetricDifference(other) (§24.2.4.17): other's keys
// that this has leave the copy; the others join it.
static JSValue set_symmetric_difference(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                        JSValue nt) {
  SetRecord r;
  JSIterRecord it;
  if (!set_method_start(vm, self, js_arg(0), "symmetricDifference", &r) ||
      !open_keys(vm, &r, &it))
    return JS_EXCEPTION;
  JSValue res = copy_set(vm, self);
  for (;;) {
    JSValue next;
    int s = js_iterator_step_value(vm, &it, &next);
    if (s < 0) return JS_EXCEPTION;
    if (s == 0) return res;
    // A key met twice: the first time decided; delete/put are no-ops now.
    if (set_has(vm, self, next)) {
      js_collection_delete(vm, res, next);
    } else if (!js_collection_put(vm, res, next, JS_UNDEFINED)) {
      return JS_EXCEPTION;
    }
  }
}

// Whether every element of self satisfies other.has (want 1) or none
// does (want 0): 1 yes, 0 no, -1 exception. Shared by isSubsetOf and
// isDisjointFrom's first branch.
static int all_have(JSVM *vm, JSValue self, const SetRecord *r, int want) {
  JSCollCursor cur;
  js_collection_cursor(self, &cur);
  JSValue e, unused;
  while (js_collection_step(&cur, &e, &unused)) {
    int in = other_has(vm, r, e);
    if (in < 0) return -1;
    if (in != want) return 0;
  }
  return 1;
}

// Whether every key other.keys() yields is in self (want 1) or none is
// (want 0); on the first miss the iterator is closed normally. 1, 0, -1.
static int all_keys_in(JSVM *vm, JSValue self, const SetRecord *r, int want) {
  JSIterRecord it;
  if (!open_keys(vm, r, &it)) return -1;
  for (;;) {
    JSValue next;
    int s = js_iterator_step_value(vm, &it, &next);
    if (s <= 0) return s < 0 ? -1 : 1;
    if (set_has(vm, self, next) != want) return js_iterator_close(vm, &it, false) ? 0 : -1;
  }
}

// The 1 / 0 / -1 answers above as a native's result.
static JSValue bool_or_exception(int r) {
  return r < 0 ? JS_EXCEPTION : js_from_bool(r);
}

// Set.prototype.isSubsetOf(other) (§24.2.4.12).
static JSValue set_is_subset_of(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                JSValue nt) {
  SetRecord r;
  if (!set_method_start(vm, self, js_arg(0), "isSubsetOf", &r)) return JS_EXCEPTION;
  // More elements than other claims to have: no call to other at all.
  if (js_collection_size(self) > r.size) return JS_FALSE;
  return bool_or_exception(all_have(vm, self, &r, 1));
}

// Set.prototype.isSupersetOf(other) (§24.2.4.13).
static JSValue set_is_superset_of(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                  JSValue nt) {
  SetRecord r;
  if (!set_method_start(vm, self, js_arg(0), "isSupersetOf", &r)) return JS_EXCEPTION;
  if (js_collection_size(self) < r.size) return JS_FALSE;
  return bool_or_exception(all_keys_in(vm, self, &r, 1));
}

// Set.prototype.isDisjointFrom(other) (§24.2.4.11).
static JSValue set_is_disjoint_from(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                    JSValue nt) {
  SetRecord r;
  if (!set_method_start(vm, self, js_arg(0), "isDisjointFrom", &r)) return JS_EXCEPTION;
  // Walk the smaller side, as intersection does.
  if (js_collection_size(self) <= r.size) return bool_or_exception(all_have(vm, self, &r, 0));
  return bool_or_exception(all_keys_in(vm, self, &r, 0));
}

/* {==== Installation ====} */

// @@toStringTag values are non-writable, non-enumerable, configurable.
static void def_tag(JSVM *vm, JSValue obj, const char *tag) {
  js_define_value(vm, obj, vm->symbol[JS_SYMBOL_toStringTag], js_atom(vm, tag),
                  JS_ATTR_CONFIGURABLE);
}

// The constructor of kind with its prototype's tag, on the global object.
static JSValue install_ctor(JSVM *vm, Kind kind, JSNative fn) {
  JSValue proto = vm->realm->intrinsic[kind_proto[kind]];
  JSValue ctor = js_new_native_ctor(vm, kind_name[kind], fn, 0, proto);
  def_tag(vm, proto, kind_name[kind]);
  // The shared map of instances whose prototype is this realm's own.
  JSMap *m = js_new_map(vm, (JSType)(JS_TYPE_MapObject + kind), proto,
                        sizeof(JSCollection), 2);
  vm->realm->intrinsic[JS_INTRINSIC_MapObjectMap + kind] = js_val(m);
  js_def_value(vm, vm->realm->global, kind_name[kind], ctor, JS_ATTR_METHOD);
  return ctor;
}

// keys/values/entries of Map (set false) or Set, @@iterator (the same
// function object as entries for Map, values for Set), and the iterator
// prototype's next and tag. Magic: kind | brand << 2.
static void install_iterators(JSVM *vm, JSValue proto, bool set) {
  int b = set << 2;
  JSValue values = js_def_method_magic(vm, proto, "values", coll_iterator, 0,
                                       b | JS_ITER_KIND_VALUES);
  JSValue entries = js_def_method_magic(vm, proto, "entries", coll_iterator, 0,
                                        b | JS_ITER_KIND_ENTRIES);
  // Set.prototype.keys is the very function object of values (§24.2.4.10).
  if (set)
    js_def_value(vm, proto, "keys", values, JS_ATTR_METHOD);
  else
    js_def_method_magic(vm, proto, "keys", coll_iterator, 0, b | JS_ITER_KIND_KEYS);
  JSValue iter = set ? values : entries;
  js_define_value(vm, proto, vm->symbol[JS_SYMBOL_iterator], iter, JS_ATTR_METHOD);
  // %MapIteratorPrototype% / %SetIteratorPrototype%.
  JSValue ip = set ? js_intrinsic(vm, SetIteratorPrototype) : js_intrinsic(vm, MapIteratorPrototype);
  js_def_method_magic(vm, ip, "next", coll_iterator_next, 0, set);
  def_tag(vm, ip, set ? "Set Iterator" : "Map Iterator");
}

// What Map.prototype and Set.prototype share.
static void install_common(JSVM *vm, JSValue proto, Kind kind) {
  js_def_method_magic(vm, proto, "clear", coll_clear, 0, kind);
  js_def_method_magic(vm, proto, "delete", coll_delete, 1, kind);
  js_def_method_magic(vm, proto, "forEach", coll_for_each, 1, kind);
  js_def_method_magic(vm, proto, "has", coll_has, 1, kind);
  // The size accessor by hand: js_def_getter has no magic number.
  JSValue size = js_new_native(vm, "get size", coll_size, 0, kind);
  JSPropDesc d = {0};
  d.get = size;
  d.set = JS_UNDEFINED;
  d.has_get = d.has_set = d.has_enumerable = d.has_configurable = true;
  d.attrs = JS_ATTR_CONFIGURABLE;
  js_define_own_property(vm, proto, vm->atom[JS_ATOM_size], &d, false);
  install_iterators(vm, proto, kind == SET);
}

// Map, Map.groupBy, Map[@@species] and Map.prototype (§24.1.2, §24.1.3).
static void install_map(JSVM *vm) {
  JSValue ctor = install_ctor(vm, MAP, map_ctor), proto = js_intrinsic(vm, MapPrototype);
  js_def_method(vm, ctor, "groupBy", map_group_by, 2);
  js_def_getter_key(vm, ctor, vm->symbol[JS_SYMBOL_species], "[Symbol.species]",
                    coll_species, NULL);
  install_common(vm, proto, MAP);
  js_def_method_magic(vm, proto, "get", coll_get, 1, MAP);
  js_def_method_magic(vm, proto, "getOrInsert", coll_get_or_insert, 2, MAP);
  js_def_method_magic(vm, proto, "getOrInsertComputed", coll_get_or_insert_computed, 2, MAP);
  js_def_method_magic(vm, proto, "set", coll_set, 2, MAP);
}

// Set, Set[@@species] and Set.prototype with the ES2025 set methods
// (§24.2.3, §24.2.4).
static void install_set(JSVM *vm) {
  JSValue ctor = install_ctor(vm, SET, set_ctor), proto = js_intrinsic(vm, SetPrototype);
  js_def_getter_key(vm, ctor, vm->symbol[JS_SYMBOL_species], "[Symbol.species]",
                    coll_species, NULL);
  install_common(vm, proto, SET);
  js_def_method_magic(vm, proto, "add", coll_add, 1, SET);
  js_def_method(vm, proto, "union", set_union, 1);
  js_def_method(vm, proto, "intersection", set_intersection, 1);
  js_def_method(vm, proto, "difference", set_difference, 1);
  js_def_method(vm, proto, "symmetricDifference", set_symmetric_difference, 1);
  js_def_method(vm, proto, "isSubsetOf", set_is_subset_of, 1);
  js_def_method(vm, proto, "isSupersetOf", set_is_superset_of, 1);
  js_def_method(vm, proto, "isDisjointFrom", set_is_disjoint_from, 1);
}

// WeakMap and WeakSet with their prototypes (§24.3, §24.4): no size,
// no iteration, no clear, as the spec leaves them.
static void install_weak(JSVM *vm) {
  install_ctor(vm, WEAK_MAP, weak_map_ctor);
  JSValue wm = js_intrinsic(vm, WeakMapPrototype);
  js_def_method_magic(vm, wm, "delete", coll_delete, 1, WEAK_MAP);
  js_def_method_magic(vm, wm, "get", coll_get, 1, WEAK_MAP);
  js_def_method_magic(vm, wm, "getOrInsert", coll_get_or_insert, 2, WEAK_MAP);
  js_def_method_magic(vm, wm, "getOrInsertComputed", coll_get_or_insert_computed, 2, WEAK_MAP);
  js_def_method_magic(vm, wm, "has", coll_has, 1, WEAK_MAP);
  js_def_method_magic(vm, wm, "set", coll_set, 2, WEAK_MAP);
  install_ctor(vm, WEAK_SET, weak_set_ctor);
  JSValue ws = js_intrinsic(vm, WeakSetPrototype);
  js_def_method_magic(vm, ws, "add", coll_add, 1, WEAK_SET);
  js_def_method_magic(vm, ws, "delete", coll_delete, 1, WEAK_SET);
  js_def_method_magic(vm, ws, "has", coll_has, 1, WEAK_SET);
}

// The family's installer (runtime.h's JS_BUILTIN_FAMILIES): the four
// constructors on the global object, their prototypes, and the two
// iterator prototypes. The instance maps are made here too, so nothing
// can create a collection before it runs.
void js_init_collections(JSVM *vm) {
  install_map(vm);
  install_set(vm);
  install_weak(vm);
}
