/*
 * orinoco/orinoco.h — the heap: allocation, the write barrier, roots,
 * collection. The runtime talks to the collector only through this file.
 *
 * Spaces (V8's names). The heap is one reserved stretch of address space
 * cut into 256 KB pages; a page belongs to one space at a time:
 *   ORI_NEW_SPACE   young objects: bump allocation into the active
 *                   semispace's pages; collected by the scavenger
 *                   (scavenger.c), which copies survivors to the other
 *                   semispace and promotes objects that survive twice.
 *   ORI_OLD_SPACE   promoted and pretenured objects: pages with free lists,
 *                   allocation in linear buffers carved from free ranges;
 *   ORI_CODE_SPACE  compiled-code records (same mechanism);
 *   ORI_MAP_SPACE   maps (same mechanism; maps never move);
 *   ORI_LO_SPACE    objects too big for a page: a run of pages each,
 *                   never moved.
 * The old generation (old, code, map, large) is collected by mark-sweep
 * (mark_compact.c): mark everything reachable, then sweep pages lazily;
 * the emptiest old-space pages are evacuated in the same pause
 * (compactor.c), so old objects move too.
 *
 * Invariants, with the states in which they hold:
 *  - Every heap object is allocated here, is 8-byte aligned, starts with
 *    `JSMap *map`, and its size and pointer fields come from the body
 *    descriptors the runtime registers (ori_set_layout). Memory comes back
 *    zeroed.
 *  - (a) Outside a collection, every old object that may point to a young
 *    one is in the remembered set (it is "dirty"). ORI_STORE keeps (a).
 *    Old objects allocated since the last scavenge are remembered as a
 *    whole (the "fresh" list), which is why a raw store into any object
 *    allocated since the last allocation is allowed.
 *  - (b) Marking is atomic (the mutator does not run while it marks), so
 *    no black-to-white pointer can appear; the marking barrier in
 *    ori_write_barrier is the hook for incremental marking.
 *  - Every object reachable from a root survives. Roots: registered slots
 *    (ori_add_root), root tracers (ori_add_tracer: the VM, realms, the
 *    interpreter's stack and code), root ranges pushed by C code
 *    (ori_push_roots), and the C stack and registers, scanned
 *    conservatively: a word that, as a raw pointer or as a boxed JSValue,
 *    points into an object (interior pointers included) keeps that object
 *    alive and PINS it (it will not move in this collection).
 *  - A heap pointer kept where the collector cannot see it (malloc'd
 *    memory, a static) must be a registered root or reachable from a root
 *    tracer for as long as it is kept; it may be updated when objects move.
 *  - Between collections, objects do not move: a pointer read from the
 *    heap stays valid until the next allocation. Across an allocation it
 *    stays valid only if it is on the C stack (pinned) or in a root. This
 *    holds for old objects as much as young ones: compaction moves them.
 */
#ifndef JSVM_ORINOCO_H
#define JSVM_ORINOCO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "runtime/value.h"

typedef enum OriSpace {
  ORI_NEW_SPACE,
  ORI_OLD_SPACE,
  ORI_CODE_SPACE,
  ORI_MAP_SPACE,
  ORI_LO_SPACE,
  ORI_SPACE_COUNT
} OriSpace;

typedef struct OriConfig {
  size_t max_old_space_mb;   /* 0 = default (4096) */
  size_t max_semi_space_mb;  /* 0 = default (16) */
  bool trace_gc, trace_gc_verbose, trace_gc_nvp, verify_heap;
  uint32_t gc_stress;        /* collect every N allocations; 0 = never */
} OriConfig;

/* {==== Allocation ====} */

/* ori_init: set up the heap; call once before any allocation. */
void ori_init(const OriConfig *config);

/* ori_alloc: a zeroed young object of size bytes (rounded up to 8). May
 * collect first. On exhaustion it prints node's fatal heap-limit message
 * and exits. */
void *ori_alloc(size_t size);

/* ori_alloc_in: the same in a given space (maps, code, big arrays). */
void *ori_alloc_in(OriSpace space, size_t size);

/* ori_try_alloc: NULL instead of the fatal exit, for allocations whose
 * size comes from the program (huge strings, arrays): the caller throws
 * a RangeError. */
void *ori_try_alloc(size_t size);

/* ori_alloc_atomic: an object whose only pointer is its map and whose map
 * is a root anyway (flat strings, byte arrays). Orinoco treats it like any
 * object; the Boehm build allocates it pointer-free. */
void *ori_alloc_atomic(size_t size);

/* {==== Body descriptors ====} */

typedef struct OriVisitor OriVisitor;
struct OriVisitor {
  /* a JSValue slot: if it holds a heap object, keep it alive (and update
   * the slot when the object moves) */
  void (*value)(OriVisitor *v, JSValue *slot);
  /* a raw pointer slot: may be NULL, point outside the heap (ignored), or
   * point inside an object (kept alive; updated by the same offset) */
  void (*ptr)(OriVisitor *v, void **slot);
  /* a weak holder (WeakMap/WeakSet table, WeakRef): obj's layout says
   * which slots are weak; the collector calls its ephemeron and clear
   * hooks after the strong graph is traced */
  void (*weak_holder)(OriVisitor *v, void *obj);
  /* in ephemeron / clear hooks: is the object at slot alive? (updates the
   * slot to the object's new address) */
  bool (*is_live)(OriVisitor *v, JSValue *slot);
  /* true when the collector implements weakness (a full collection): weak
   * holders report themselves and leave their weak slots alone; false
   * (a scavenge): they trace every slot strongly */
  bool weak_refs;
  /* a JSValue slot whose object must stay alive without its fields being
   * traced (a weak table's backing store) */
  void (*value_no_trace)(OriVisitor *v, JSValue *slot);
};
#define ORI_VISIT(v, slotp) ((v)->value((v), (slotp)))
#define ORI_VISIT_PTR(v, slotp) ((v)->ptr((v), (void **)(slotp)))

typedef struct OriLayout {
  /* the object's size in bytes */
  size_t (*size)(const void *obj);
  /* visit every strong pointer field (the map included) */
  void (*trace)(void *obj, OriVisitor *v);
  /* weak holders: visit the values of entries whose keys are live; true
   * if anything was visited (the collector iterates to a fixpoint) */
  bool (*ephemeron)(void *obj, OriVisitor *v);
  /* weak holders, after tracing: drop entries whose keys died */
  void (*clear_dead)(void *obj, OriVisitor *v);
  /* objects whose trace must see all their slots at once (a table
   * hashed by address): remembered whole, never by slot; their stores
   * use ORI_STORE_WHOLE */
  bool (*remember_whole)(const void *obj);
} OriLayout;

/* ori_set_layout: the runtime's body descriptors; before any allocation. */
void ori_set_layout(const OriLayout *layout);

/* {==== Write barrier ====} */

/* ori_record_write: the old object obj now points to a young object
 * somewhere: it is re-traced whole by the next scavenge. */
void ori_record_write(void *obj);
/* ori_record_slot_ptr: the same found from the address of a raw-pointer
 * slot inside it. */
void ori_record_slot_ptr(const void *slot);

/* The young generation's pages, one byte per page of the reservation:
 * "is p young" is a subtraction, a shift and a load, valid for any
 * address (interior pointers into large objects included). During a
 * scavenge, from-space pages have the value 2. */
extern uintptr_t ori_heap_base, ori_heap_end;
extern uint8_t *ori_young_map;
#define ORI_PAGE_BITS 18
#define ORI_PAGE_SIZE ((size_t)1 << ORI_PAGE_BITS)

/* The slot set (slot_set.c): a bit per heap word, set for a JSValue slot
 * of an old object that holds a young value; a byte per page saying the
 * page has any. */
extern uint64_t *ori_slot_bits;
extern uint8_t *ori_slot_pages;

/* ori_record_slot: the barrier's slow path for a JSValue slot (an old
 * object's, or outside the heap: then nothing to do) now holding a young
 * value. */
static inline void ori_record_slot(const void *slot) {
  uintptr_t a = (uintptr_t)slot - ori_heap_base;
  if (a >= ori_heap_end - ori_heap_base) return;
  ori_slot_bits[a >> 9] |= 1ull << ((a >> 3) & 63);
  ori_slot_pages[a >> ORI_PAGE_BITS] = 1;
}

static inline bool ori_is_young(const void *p) {
  uintptr_t a = (uintptr_t)p - ori_heap_base;
  return a < ori_heap_end - ori_heap_base && ori_young_map[a >> ORI_PAGE_BITS];
}

/* While incremental marking runs, the marking barrier's slow path: greys
 * the old object p (restores invariant (b)), and when p is on a page the
 * collector will evacuate, records where it was stored (a JSValue slot,
 * a raw-pointer slot, or an object remembered whole) so that the
 * reference is updated when p moves. */
extern bool ori_marking;
typedef enum OriStoreKind { ORI_STORE_VALUE, ORI_STORE_POINTER, ORI_STORE_OBJECT } OriStoreKind;
void ori_marking_barrier(const void *where, const void *p, OriStoreKind kind);

/* ori_write_barrier: slot now holds v. Restores invariant (a): the old
 * object holding slot, if v is young, is remembered; and while marking,
 * invariant (b): v is greyed. The object is found from the slot's
 * address, so obj is only documentation (a slot may live in a store
 * hanging off obj). */
static inline void ori_write_barrier(void *obj, void *slot, JSValue v) {
  (void)obj;
#ifndef JSVM_GC_BOEHM
  if (!js_is_heap(v)) return;
  if (ori_is_young(js_heap(v))) {
    if (!ori_is_young(slot)) ori_record_slot(slot);
  } else if (ori_marking) {
    ori_marking_barrier(slot, js_heap(v), ORI_STORE_VALUE);
  }
#else
  (void)slot;
  (void)v;
#endif
}

/* ori_write_barrier_ptr: the same for a raw pointer stored at slot. */
static inline void ori_write_barrier_ptr(void *slot, const void *p) {
#ifndef JSVM_GC_BOEHM
  if (!p) return;
  if (ori_is_young(p)) {
    if (!ori_is_young(slot)) ori_record_slot_ptr(slot);
  } else if (ori_marking) {
    ori_marking_barrier(slot, p, ORI_STORE_POINTER);
  }
#else
  (void)slot;
  (void)p;
#endif
}

/* ORI_STORE: the one way to store a JSValue into a heap object's field. */
#define ORI_STORE(obj, field, v)                      \
  do {                                                \
    JSValue ori_v_ = (v);                             \
    /* the field is evaluated once (it may be v[i++]) */ \
    JSValue *ori_p_ = &(obj)->field;                  \
    *ori_p_ = ori_v_;                                 \
    ori_write_barrier((obj), ori_p_, ori_v_);         \
  } while (0)

/* ORI_STORE_SLOT: store into a JSValue slot of obj given by address (an
 * element of an array inside obj, an entry of a table). */
#define ORI_STORE_SLOT(obj, slotp, v)                 \
  do {                                                \
    JSValue ori_v_ = (v);                             \
    JSValue *ori_p_ = (slotp);                        \
    *ori_p_ = ori_v_;                                 \
    ori_write_barrier((obj), ori_p_, ori_v_);         \
  } while (0)

/* ori_write_barrier_whole: the barrier for objects the layout remembers
 * whole (remember_whole): obj itself is remembered, not the slot. */
static inline void ori_write_barrier_whole(void *obj, JSValue v) {
#ifndef JSVM_GC_BOEHM
  if (!js_is_heap(v)) return;
  if (ori_is_young(js_heap(v))) {
    if (!ori_is_young(obj)) ori_record_write(obj);
  } else if (ori_marking) {
    ori_marking_barrier(obj, js_heap(v), ORI_STORE_OBJECT);
  }
#else
  (void)obj;
  (void)v;
#endif
}

/* ORI_STORE_WHOLE: ORI_STORE_SLOT for objects remembered whole. */
#define ORI_STORE_WHOLE(obj, slotp, v)                \
  do {                                                \
    JSValue ori_v_ = (v);                             \
    *(slotp) = ori_v_;                                \
    ori_write_barrier_whole((obj), ori_v_);           \
  } while (0)

/* ORI_STORE_PTR: the same for a field holding a raw heap pointer. */
#define ORI_STORE_PTR(obj, field, p)                  \
  do {                                                \
    __typeof__((obj)->field) ori_q_ = (p);            \
    (obj)->field = ori_q_;                            \
    ori_write_barrier_ptr(&(obj)->field, ori_q_);     \
  } while (0)

/* ori_remember: obj had raw stores (memcpy/memmove of values into an
 * object that may be old); record it as the barrier would (restores (a)). */
void ori_remember(void *obj);

/* {==== Roots ====} */

/* ori_add_root / ori_remove_root: a JSValue slot outside the heap that
 * the collector must treat as a root (and update if objects move). */
void ori_add_root(JSValue *slot);
void ori_remove_root(JSValue *slot);

/* ori_add_tracer: fn(ctx, v) visits a set of roots at every collection
 * (the VM, a realm, the interpreter). */
typedef void (*OriTracer)(void *ctx, OriVisitor *v);
void ori_add_tracer(OriTracer fn, void *ctx);
void ori_remove_tracer(OriTracer fn, void *ctx);

/* ori_add_weak_hook: fn(ctx, v) runs after each collection's tracing; it
 * drops or updates weak references with v->is_live (the string table,
 * caches keyed by address). */
void ori_add_weak_hook(OriTracer fn, void *ctx);

/* ori_push_roots / ori_pop_roots: *n values at *base (malloc'd memory that
 * may be reallocated, so the collector reads base and n each time) are
 * roots until popped, LIFO. */
void ori_push_roots(JSValue **base, const uint32_t *n);
void ori_pop_roots(void);

/* ori_set_stack_base: the highest address of the C stack to scan. */
void ori_set_stack_base(void *base);

/* ori_set_finalizer: fn(obj) runs once obj is found dead, before its
 * memory is reused (frees what obj owns outside the heap). */
void ori_set_finalizer(void *obj, void (*fn)(void *obj));

/* ori_external_add: bytes malloc'd on behalf of heap objects (array buffer
 * blocks) grew or shrank by delta; enough growth triggers a collection. */
void ori_external_add(ptrdiff_t delta);

/* {==== Collection ====} */

/* ori_collect: a full collection now (gc(), --expose-gc). */
void ori_collect(const char *reason);
/* ori_collect_young: a scavenge now. */
void ori_collect_young(const char *reason);

/* ori_contains: p points into a live heap object (for assertions). */
bool ori_contains(const void *p);

/* Statistics for --trace-gc and tests. */
size_t ori_bytes_allocated(void);
size_t ori_heap_used(void);
uint32_t ori_gc_count(void);

/* ori_report: --trace-gc-verbose's per-space summary (at exit). */
void ori_report(void);

#endif
