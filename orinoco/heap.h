/*
 * orinoco/heap.h — orinoco's internals shared by its files: pages and
 * their bitmaps, the spaces, the heap state and the collector entry
 * points. Nothing outside orinoco/ includes this.
 *
 * Invariants:
 *  - A page is ORI_PAGE_SIZE bytes at an ORI_PAGE_SIZE-aligned address
 *    inside [ori_heap_base, ori_heap_end). Its header (OriPage) comes
 *    first; objects live in [area, end). A large object owns a run of
 *    pages; only the run's first page has a header, and the page table
 *    maps every page of the run to it.
 *  - Bit i of a page's bitmaps is the 8-byte word at page + 8*i.
 *    start: an object begins there (set at allocation, cleared when the
 *    sweeper frees it); mark: reached by the current or last marking
 *    (valid until the page is swept); dirty: the object is in the
 *    remembered set (invariant (a) of orinoco.h).
 *  - Outside a collection every page is swept before marking starts, so a
 *    start bit always names a live or newly allocated object.
 */
#ifndef JSVM_ORINOCO_HEAP_H
#define JSVM_ORINOCO_HEAP_H

#include <stdio.h>

#include "orinoco/orinoco.h"

#define ORI_BITMAP_WORDS (ORI_PAGE_SIZE / 8 / 64)
#define ORI_AREA_OFFSET ((size_t)16384)
/* The copying time a scavenge aims at (ms): the semispace shrinks past
 * it. 4 ms kept splay_100mb.js under 6 ms but cost binarytrees_2gb.js
 * 70% more time (short-lived trees promoted from a small semispace);
 * 8 ms: splay max 8.3 ms, binarytrees as before. */
#define ORI_SCAVENGE_TARGET_MS 8.0
/* Bytes of objects the compactor may move in one incremental cycle's
 * final pause (copying them and updating what points to them), and in a
 * full collection's single pause. */
#define ORI_COMPACT_BUDGET ((size_t)4 << 20)
#define ORI_COMPACT_BUDGET_FULL ((size_t)64 << 20)

enum {
  ORI_PAGE_YOUNG = 1,      /* new space (mirrored in ori_young_map) */
  ORI_PAGE_FROM = 2,       /* during a scavenge: the semispace evacuated */
  ORI_PAGE_PINNED = 4,     /* during a scavenge: promote in place */
  ORI_PAGE_SURVIVOR = 8,   /* young objects here survived one scavenge */
  ORI_PAGE_LARGE = 16,     /* a large object's run */
  ORI_PAGE_UNSWEPT = 32,   /* marked, not swept yet */
  ORI_PAGE_EMPTY = 64,     /* its sweep found nothing live: give it back */
  ORI_PAGE_EVACUATE = 128, /* an evacuation candidate (compactor.c) */
};

typedef struct OriPage {
  uint8_t flags;           /* first byte: the barrier reads it */
  uint8_t space;           /* OriSpace */
  uint16_t unused;
  uint32_t npages;         /* pages in the run (1 unless large) */
  struct OriPage *next;
  struct OriPage *next_unswept;
  char *area, *end;        /* the object area; large: end of the object */
  size_t live;             /* bytes of objects: live after the last sweep,
                              plus those allocated since */
  size_t marked_bytes;     /* bytes marked by the current marking */
  uint64_t start[ORI_BITMAP_WORDS];
  uint64_t mark[ORI_BITMAP_WORDS];
  uint64_t dirty[ORI_BITMAP_WORDS];
} OriPage;

_Static_assert(sizeof(OriPage) <= ORI_AREA_OFFSET, "page header fits");

/* {==== Bitmaps ====} */

static inline size_t ori_bit(const OriPage *pg, const void *p) {
  return (size_t)((const char *)p - (const char *)pg) >> 3;
}
static inline bool ori_test(const uint64_t *bm, size_t i) {
  return (bm[i >> 6] >> (i & 63)) & 1;
}
static inline void ori_set(uint64_t *bm, size_t i) { bm[i >> 6] |= 1ull << (i & 63); }
static inline void ori_clear(uint64_t *bm, size_t i) { bm[i >> 6] &= ~(1ull << (i & 63)); }

/* {==== Walking a page's objects ====} */

/* The objects of page pg in address order: those with a start bit, or,
 * with marked_only, a start and a mark bit. Each bitmap word is read when
 * the walk reaches it, so bits of the object just returned may change.
 *   for (OriObjects it = ori_objects(pg, false); (obj = ori_objects_next(&it));) */
typedef struct OriObjects {
  OriPage *pg;
  size_t w;
  uint64_t bits;
  bool marked_only;
} OriObjects;

static inline uint64_t ori_objects_word(const OriObjects *it) {
  return it->pg->start[it->w] & (it->marked_only ? it->pg->mark[it->w] : ~0ull);
}

static inline OriObjects ori_objects(OriPage *pg, bool marked_only) {
  OriObjects it = {pg, ori_bit(pg, pg->area) >> 6, 0, marked_only};
  it.bits = ori_objects_word(&it);
  return it;
}

static inline char *ori_objects_next(OriObjects *it) {
  while (!it->bits) {
    if (++it->w == ORI_BITMAP_WORDS) return NULL;
    it->bits = ori_objects_word(it);
  }
  size_t i = (it->w << 6) + (size_t)__builtin_ctzll(it->bits);
  it->bits &= it->bits - 1;
  return (char *)it->pg + i * 8;
}

/* {==== Pages (page.c) ====} */

/* ori_page_of: the page (run head) holding address p, or NULL when p is
 * outside the heap or in a free page. */
OriPage *ori_page_of(const void *p);
/* ori_page_new: a zeroed run of n pages for space. */
OriPage *ori_page_new(OriSpace space, uint32_t n);
/* ori_page_set_young: flag pg young or not (page flag and young map). */
void ori_page_set_young(OriPage *pg, bool young);
/* ori_page_free: give a run back (its memory is released). */
void ori_page_free(OriPage *pg);
/* ori_page_reset: empty a page for reuse in space (bitmaps cleared,
 * area zeroed). */
void ori_page_reset(OriPage *pg, OriSpace space);
/* ori_page_index: the number of the page holding heap address p. */
static inline size_t ori_page_index(const void *p) {
  return ((uintptr_t)p - ori_heap_base) >> ORI_PAGE_BITS;
}
/* ori_object_at: the object containing p (interior pointers resolve to
 * their object), or NULL. */
void *ori_object_at(const void *p);
/* ori_address_order: qsort/bsearch order of an array of pointers. */
int ori_address_order(const void *a, const void *b);
/* ori_pages_committed: bytes of pages in use. */
size_t ori_pages_committed(void);
void ori_pages_init(size_t reserve);

/* {==== The slot set (slot_set.c) ====} */

void ori_slots_init(size_t npages);
/* forget the slots in [start, start + bytes), whole pages */
void ori_slots_clear_range(const void *start, size_t bytes);
/* visit every recorded slot; it stays recorded iff visit returns true */
void ori_slots_visit(bool (*visit)(JSValue *slot, void *ctx), void *ctx);
/* in a full collection's pause: forget slots of objects that died */
void ori_slots_drop_dead(void);
bool ori_slot_recorded(const void *slot);
/* an object moved (compactor.c): its slots' bits move with it */
void ori_slots_move(const void *from, const void *to, size_t bytes);

/* {==== Spaces ====} */

typedef struct OriFree {     /* a free range, written into the range */
  struct OriFree *next;
  size_t size;
} OriFree;

#define ORI_FREE_BUCKETS 24

typedef struct OriSpaceState {
  OriPage *pages;            /* every page of the space */
  char *top, *limit;         /* the linear allocation buffer */
  OriPage *lab_page;         /* the page the buffer is in */
  OriFree *free[ORI_FREE_BUCKETS]; /* by floor(log2(size)) */
  OriPage *unswept;          /* paged spaces: pages left to sweep */
  size_t size;               /* bytes of objects (after the last GC + since) */
  size_t committed;          /* bytes of pages */
  size_t capacity;           /* new space: the semispace's size */
} OriSpaceState;

typedef struct OriHeap {
  OriConfig config;
  OriSpaceState space[ORI_SPACE_COUNT];
  size_t max_old_bytes, max_semi_bytes;
  size_t old_limit;          /* old generation size that triggers a full GC */
  size_t allocated;          /* bytes ever allocated */
  size_t external, external_limit; /* malloc'd bytes owned by objects */
  uint32_t stress_countdown, stress_count;
  bool in_gc, gc_requested, full_requested;
  bool sweeping;             /* some old or code pages are unswept */
  /* the remembered set: dirty old objects */
  void **dirty;
  size_t ndirty, cap_dirty;
  /* old objects allocated since the last scavenge (remembered whole) */
  void **fresh;
  size_t nfresh, cap_fresh;
  const OriLayout *layout;
  uint32_t gc_count, scavenges, mark_compacts;
  double start_ms;           /* process start (for --trace-gc) */
  double total_pause_ms, max_pause_ms;
  void *stack_base;
} OriHeap;

extern OriHeap ori_heap;

/* new_space.c */
void *ori_new_space_alloc(size_t size);
void ori_new_space_init(void);
/* old_space.c (old, code and map spaces) */
void *ori_paged_alloc(OriSpace space, size_t size);
void ori_paged_give_back_lab(OriSpace space);
void ori_sweep_page(OriPage *pg);
void ori_finish_sweeping(void);
/* sweep up to npages of the old and code spaces' unswept pages each (the
 * mutator's share of lazy sweeping); true if some are left */
bool ori_sweep_step(size_t npages);
void ori_free_lists_clear(OriSpace space);
/* large_object_space.c */
void *ori_lo_alloc(size_t size);
void ori_lo_sweep(void);

/* roots.c */
void ori_visit_roots(OriVisitor *v);
/* ori_scan_stack: report objects the C stack points into; with
 * young_only, only objects in new-space pages. */
void ori_scan_stack(void (*hit)(void *obj, void *ctx), void *ctx, bool young_only);
/* weak hooks (roots.c) */
void ori_run_weak_hooks(OriVisitor *v);

/* scavenger.c / mark_compact.c */
void ori_scavenge(const char *reason);
void ori_mark_compact(const char *reason);
void ori_marking_start(const char *reason);
void ori_marking_step(size_t budget);
/* obj (size bytes, maybe not initialized yet) was allocated old while
 * marking: black, re-traced in the final pause */
void ori_marking_note_black(void *obj, size_t size);
/* obj (initialized) is marked black without a re-trace: the caller
 * greys what it holds (the scavenger, for what it promotes) */
void ori_marking_blacken(void *obj, size_t size);
/* grey old object p (interior pointers resolve), even inside a GC */
void ori_marking_grey(const void *p);
void ori_sweep_space_now(OriSpace space);
/* heap.c: the old generation's limit from what a full collection kept */
void ori_after_full_gc(void);
void ori_note_fresh(void *obj);

/* compactor.c: evacuation of fragmented old-space pages */
/* true from candidate selection until evacuation: references into
 * candidates are being recorded */
extern bool ori_compacting;
/* at the start of marking (every page swept): choose the old-space pages
 * to evacuate, emptiest first, up to budget bytes of objects; their free
 * ranges leave the free lists so that nothing new lands there */
void ori_compact_select(size_t budget);
static inline bool ori_on_candidate(const void *p) {
  OriPage *pg = ori_page_of(p);
  return pg && (pg->flags & ORI_PAGE_EVACUATE);
}
/* a reference to a candidate's object, to update after evacuation: a
 * JSValue slot, a raw-pointer slot, or an object to re-trace whole (it
 * must be live) */
void ori_compact_record(void *where, OriStoreKind kind);
/* the mutator stored a candidate's object at where (marking barrier) */
void ori_compact_note_store(const void *where, OriStoreKind kind);
/* the C stack points into obj: its page is not evacuated */
void ori_compact_pin(const void *obj);
/* in the final pause, marking done: copy the candidates' marked objects
 * to fresh pages and update every reference to them (recorded ones, the
 * roots, the remembered set) */
void ori_compact_evacuate(void);
/* where a moved object now is (p itself if it did not move); interior
 * pointers follow their object */
void *ori_compact_forward(const void *p);
/* after the weak hooks: give the evacuated pages back */
void ori_compact_release(void);
/* --trace-gc-verbose's line at exit */
void ori_compact_report(void);

/* heap.c: append p to a malloc'd array of pointers, growing it (the
 * collector's work lists; running out of memory is fatal) */
void ori_push(void ***a, size_t *n, size_t *cap, void *p);

/* verify.c */
void ori_verify_heap(const char *when);

/* heap.c: object sizes and tracing through the layout */
static inline size_t ori_size_of(const void *obj) {
  return (ori_heap.layout->size(obj) + 7) & ~(size_t)7;
}
/* whether obj's JSValue slots go to the slot set (else it is remembered
 * whole: the layout's remember_whole) */
static inline bool ori_remembered_by_slot(const void *obj) {
  return !ori_heap.layout->remember_whole || !ori_heap.layout->remember_whole(obj);
}
void ori_trace_line(const char *kind, double before_mb, double after_mb,
                    double ms, const char *reason);
double ori_now_ms(void);
void ori_fatal_heap_limit(void) __attribute__((noreturn));

#endif
