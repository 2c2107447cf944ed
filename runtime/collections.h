/*
 * runtime/collections.h — the keyed collections (ECMA-262 §24): Map, Set,
 * WeakMap and WeakSet objects, their hash tables, and a cursor that walks
 * a Map or Set in insertion order while it changes. The builtins live in
 * runtime/builtins_collections.c; runtime/inspect.c and host code may use
 * the C API below to read (or build) collections without calling JS.
 *
 * Layout. A collection object is a JSCollection: an ordinary object plus
 * `table`, a JSArrayStore of JSValues (integers int32-tagged) laid out as
 *
 *     [0] NEXT     the table that replaced this one, or undefined
 *     [1] LIVE     live entries
 *     [2] USED     entries appended so far (live + deleted)
 *     [3] NBUCKET  buckets (a power of two)
 *     [4] CAP      entry capacity (= NBUCKET: chains stay short, about
 *                  one entry, which matters more than the 8 bytes a
 *                  bucket costs because a lookup is cache misses)
 *     [5] STRIDE   values per entry: 3 for Map and WeakMap (key, value,
 *                  chain), 2 for Set and WeakSet (key, chain)
 *     [6] CLEARED  1 when clear() replaced this table, else 0
 *     [7 .. 7+NBUCKET)           bucket heads: entry index, or -1
 *     [7+NBUCKET ..)             CAP entries of STRIDE values each:
 *                                key, [value,] chain (next index or -1)
 *
 * Invariants:
 *  - Entries are appended in insertion order. Deleting one turns its key
 *    into JS_HOLE (a tombstone; the value becomes undefined) and leaves it
 *    in its chain: lookups skip it because no key equals the hole.
 *  - Keys are canonical: a Number is stored as js_from_number would make
 *    it, with -0 turned into +0, so two numeric keys are SameValueZero iff
 *    their bits are equal (1 and 1.0 are the same int32; every NaN is the
 *    canonical one). Strings compare by content (their hash is the
 *    content hash js_string_hash caches in the string); every other key
 *    compares by bits (objects and symbols by identity).
 *  - A table is never mutated in place in a way that moves entries. When
 *    it must grow, shrink, drop tombstones or be cleared, a new table is
 *    made, the collection points at it, and the old one gets NEXT = the
 *    new table (CLEARED = 1 for clear()). An old table is not written to
 *    again (except NEXT, CLEARED), so a cursor left on it can follow
 *    the NEXT chain: index i of a compacted table moves to i minus the
 *    tombstones before i; of a cleared one, to 0. This is how iterators
 *    and forEach stay valid while the collection changes: entries deleted
 *    before being reached are skipped, entries added are visited, and
 *    clear() leaves them at the (new, empty) end.
 *  - Object keys hash by address. Tables have their own type
 *    (JS_TYPE_HashTable) so that the collector, which moves young objects,
 *    rehashes a table in place when it moved one of its keys
 *    (js_table_trace); entries never move, so cursors stay valid.
 *  - WeakMap and WeakSet tables are ephemeron tables in full collections:
 *    an entry's value is traced only once its key is reachable from
 *    elsewhere, and entries whose keys died become tombstones. Keys
 *    satisfy CanBeHeldWeakly (an object, or a symbol not in the
 *    Symbol.for registry). Scavenges trace them strongly.
 *  - BigInt keys hash and compare by value (js_bigint_hash and
 *    js_bigint_equal), so 1n finds an entry made with another 1n.
 *  - Stores into tables and objects go through ORI_STORE / ORI_STORE_SLOT,
 *    except into a table just allocated.
 */
#ifndef JSVM_RUNTIME_COLLECTIONS_H
#define JSVM_RUNTIME_COLLECTIONS_H

#include "runtime/runtime.h"

typedef struct JSCollection {
  JSObject base;
  JSValue table;         /* JSArrayStore laid out as described above */
} JSCollection;

/* js_is_collection: whether v is a Map, Set, WeakMap or WeakSet. */
static inline bool js_is_collection(JSValue v) {
  if (!js_is_heap(v)) return false;
  JSType t = js_cell_type(js_heap(v));
  return t == JS_TYPE_MapObject || t == JS_TYPE_SetObject ||
         t == JS_TYPE_WeakMapObject || t == JS_TYPE_WeakSetObject;
}

/* Collector support (tables are JS_TYPE_HashTable stores): trace a table
 * (rehashing it when the collector moved object keys), mark a weak
 * table's values whose keys are live (true if one was not yet), turn
 * entries with dead keys into tombstones. */
void js_table_rehash(JSArrayStore *t);
void js_table_trace(JSArrayStore *t, OriVisitor *v);
bool js_table_ephemeron(JSArrayStore *t, OriVisitor *v);
void js_table_clear_dead(JSArrayStore *t, OriVisitor *v);

/* js_collection_new: an empty collection of type (JS_TYPE_MapObject,
 * SetObject, WeakMapObject or WeakSetObject) with prototype proto (an
 * object; the realm's %Map.prototype% etc. shares one map). */
JSValue js_collection_new(JSVM *vm, JSType type, JSValue proto);

/* js_collection_size: the number of live entries of a collection. */
uint32_t js_collection_size(JSValue coll);

/* js_collection_get: the value stored under key (a Map's or WeakMap's
 * value; a Set's key itself), or JS_HOLE when key is absent. Never runs
 * user code. */
JSValue js_collection_get(JSVM *vm, JSValue coll, JSValue key);

/* js_collection_put: add key (canonicalized: -0 becomes +0), or replace
 * its value when present. value is ignored for Set and WeakSet. The
 * caller has checked CanBeHeldWeakly for weak collections. False (a
 * RangeError "Map maximum size exceeded", as V8 says past 2^24 entries,
 * pending) when the collection is full. */
bool js_collection_put(JSVM *vm, JSValue coll, JSValue key, JSValue value);

/* js_collection_delete: remove key; whether it was present. */
bool js_collection_delete(JSVM *vm, JSValue coll, JSValue key);

/* js_collection_clear: remove every entry (live cursors end). */
void js_collection_clear(JSVM *vm, JSValue coll);

/* A position in a Map or Set that survives mutation (see the invariants):
 * start with js_collection_cursor, then call js_collection_step until it
 * returns false. table and index must stay where the GC can see them (a
 * C local is fine; a heap object's fields need ORI_STORE). */
typedef struct JSCollCursor {
  JSValue table;         /* a table of the collection, maybe an old one */
  uint32_t index;        /* next entry to look at */
} JSCollCursor;

void js_collection_cursor(JSValue coll, JSCollCursor *c);
/* js_collection_step: the next live entry at or after the cursor, in
 * insertion order: true with *key and *value set (a Set's value is its
 * key), the cursor moved past it; false at the end (the cursor then
 * stays at the end, and sees entries added later). Never runs user code
 * or allocates. */
bool js_collection_step(JSCollCursor *c, JSValue *key, JSValue *value);

/* js_collection_iterator_items: what a Map or Set iterator object (a
 * runtime/iterator.h JSIteratorObject of brand JS_ITER_MAP or
 * JS_ITER_SET) has yet to yield, without advancing it: node's
 * previewEntries, for util.inspect. One value per item (the key or the
 * value, by the iterator's kind), or key and value alternately when
 * *pairs is set (an entries iterator). A finished iterator gives an empty
 * list; `used` counts the values. NULL when v is no such iterator. Never
 * runs user code. */
JSArrayStore *js_collection_iterator_items(JSVM *vm, JSValue v, bool *pairs);

#endif
