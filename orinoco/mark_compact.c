/*
 * orinoco/mark_compact.c — the old generation's collector: marking, in
 * increments interleaved with allocation or all at once, then the
 * evacuation of the pages compactor.c chose when marking started (the
 * marker records the references into them), then sweeping, lazily for
 * the old and code spaces.
 *
 * Incremental marking traces the old generation only. It starts from the
 * roots, then advances in steps (ori_marking_step, called as new space
 * fills and as old objects are allocated) while the mutator runs. The
 * final atomic pause rescans the roots and the C stack, treats every
 * young object as a root (young objects are never marked incrementally:
 * scavenges move them), re-traces old objects allocated during marking,
 * resolves ephemerons and weak references, and starts sweeping.
 *
 * Invariants:
 *  - Marking starts with every page swept and every mark bit clear.
 *  - While marking (ori_marking): (b) no marked old object points to an
 *    unmarked old object except through slots written since it was
 *    traced; the barrier greys every old value stored (Dijkstra), and the
 *    objects that may take raw stores (old objects allocated during
 *    marking, objects the C stack holds) are re-traced in the final pause.
 *  - Old objects allocated or promoted during marking are marked (black)
 *    and listed for that re-trace.
 *  - After the pause, unswept pages keep their mark bits until swept; a
 *    start bit on an unswept page names a live object only if its mark
 *    bit is set (page.c's ori_object_at checks).
 *  - The remembered set (dirty objects, the slot set) and the fresh list
 *    lose their dead objects in the pause, before sweeping frees them.
 *  - Weak holders are listed only while they cannot move: old ones, and
 *    young ones in the final pause.
 *  - The weak hooks run after evacuation: is_live follows moved objects.
 */
#include <stdlib.h>
#include <string.h>

#include "orinoco/heap.h"

#ifndef JSVM_GC_BOEHM

bool ori_marking;

typedef struct Marker {
  OriVisitor v;
  void **work;
  size_t nwork, cap_work;
  void **holders;              /* weak holders met while tracing */
  size_t nholders, cap_holders;
  void **black;                /* old objects allocated while marking */
  size_t nblack, cap_black;
  bool young_too;              /* atomic marking: young objects are marked */
  bool in_pause;               /* the final pause: nothing moves now */
  void *cur;                   /* the object being traced, or NULL */
  void *last_whole;            /* the last object recorded whole */
  char *near, *near_end;       /* the last object holder_of found */
  size_t traced;               /* bytes traced (step budgets) */
  /* statistics for --trace-gc */
  double start_ms, step_ms, max_step_ms;
  uint32_t steps;
  double before_mb;
  const char *reason;
} Marker;

static Marker marker;

// Set obj's mark bit; true if it was white.
static bool mark(void *obj) {
  OriPage *pg = ori_page_of(obj);
  size_t bit = ori_bit(pg, obj);
  if (ori_test(pg->mark, bit)) return false;
  ori_set(pg->mark, bit);
  return true;
}

static bool is_marked(const void *obj) {
  OriPage *pg = ori_page_of(obj);
  return !pg || ori_test(pg->mark, ori_bit(pg, obj));
}

/* {==== Recording references for the compactor ====} */

// The object around heap address p (cached: the weak passes ask for the
// slots of one table in a row), or NULL outside the heap.
static void *holder_of(Marker *m, const void *p) {
  if ((const char *)p >= m->near && (const char *)p < m->near_end) return m->near;
  if (!ori_page_of(p)) return NULL;
  m->near = ori_object_at(p);
  m->near_end = m->near ? m->near + ori_size_of(m->near) : NULL;
  return m->near;
}

// The reference at where (a slot of m->cur, or, in the weak passes, of
// the object around it) names a live object on an evacuation candidate:
// record it (compactor.c's invariants say which need not be).
static void note_candidate(Marker *m, void *where, OriStoreKind kind) {
  void *holder = m->cur ? m->cur : holder_of(m, where);
  if (!holder || ori_on_candidate(holder)) return;
  if (!m->in_pause && ori_is_young(holder)) return;
  // (A slot a trace visits outside its object is not recorded as a slot:
  // only the object's own memory is sure to stay where it is.)
  bool inside = (char *)where >= (char *)holder &&
                (char *)where < (char *)holder + ori_size_of(holder);
  if (inside && ori_remembered_by_slot(holder)) {
    ori_compact_record(where, kind);
  } else if (holder != m->last_whole) {
    // (once per trace of it, or per run of its slots in a weak pass)
    m->last_whole = holder;
    ori_compact_record(holder, ORI_STORE_OBJECT);
  }
}

// Trace obj, which is marked, as the object the visits come from.
static void trace_one(Marker *m, void *obj) {
  m->cur = obj;
  m->last_whole = NULL;
  ori_heap.layout->trace(obj, &m->v);
  m->cur = NULL;
}

/* {==== The marking visitor ====} */

// Grey obj: mark it and queue it for tracing (young ones only when the
// whole heap is marked at once). Its page, or NULL for a young one left
// alone.
// Mark obj, on page pg, and queue it for tracing, unless it was marked.
static void queue(Marker *m, OriPage *pg, void *obj) {
  size_t bit = ori_bit(pg, obj);
  if (ori_test(pg->mark, bit)) return;
  ori_set(pg->mark, bit);
  ori_push(&m->work, &m->nwork, &m->cap_work, obj);
}

static OriPage *grey(Marker *m, void *obj) {
  if (!m->young_too && ori_is_young(obj)) return NULL;
  OriPage *pg = ori_page_of(obj);
  queue(m, pg, obj);
  return pg;
}

static void visit_value(OriVisitor *v, JSValue *slot) {
  if (!js_is_heap(*slot)) return;
  Marker *m = (Marker *)v;
  OriPage *pg = grey(m, js_heap(*slot));
  if (pg && (pg->flags & ORI_PAGE_EVACUATE) && ori_compacting)
    note_candidate(m, slot, ORI_STORE_VALUE);
}

static void visit_ptr(OriVisitor *v, void **slot) {
  void *p = *slot;
  if (!p || ori_page_of(p) == NULL) return;
  void *obj = ori_object_at(p);
  if (!obj) return;
  Marker *m = (Marker *)v;
  OriPage *pg = grey(m, obj);
  if (pg && (pg->flags & ORI_PAGE_EVACUATE) && ori_compacting)
    note_candidate(m, slot, ORI_STORE_POINTER);
}

static void visit_no_trace(OriVisitor *v, JSValue *slot) {
  Marker *m = (Marker *)v;
  if (!js_is_heap(*slot)) return;
  void *p = js_heap(*slot);
  if (!m->young_too && ori_is_young(p)) return;
  mark(p);
  if (ori_compacting && ori_on_candidate(p)) note_candidate(m, slot, ORI_STORE_VALUE);
}

// A young holder met before the final pause may move before the list is
// read: the pause traces every young object again and lists it then.
static void weak_holder(OriVisitor *v, void *obj) {
  Marker *m = (Marker *)v;
  if (!m->in_pause && ori_is_young(obj)) return;
  ori_push(&m->holders, &m->nholders, &m->cap_holders, obj);
}

// Young objects count as live when they were not marked (incremental
// marking leaves them to the scavenger). A live object on a candidate is
// recorded before evacuation (the weak passes) and followed after (the
// weak hooks).
static bool is_live(OriVisitor *v, JSValue *slot) {
  Marker *m = (Marker *)v;
  if (!js_is_heap(*slot)) return true;
  void *p = js_heap(*slot);
  if (!m->young_too && ori_is_young(p)) return true;
  if (!is_marked(p)) return false;
  if (ori_on_candidate(p)) {
    if (ori_compacting) {
      note_candidate(m, slot, ORI_STORE_VALUE);
    } else {
      *slot = js_from_heap(ori_compact_forward(p));
    }
  }
  return true;
}

// An object the C stack points into: marked, and if old, remembered until
// the next scavenge (the C code may store young values into it without a
// barrier; see scavenger.c's pin) and re-traced (raw stores of old values).
static void stack_hit(void *obj, void *ctx) {
  Marker *m = ctx;
  ori_compact_pin(obj);
  // Incremental cycles trace every young object as a root anyway, and
  // young mark bits belong to the scavenger then.
  if (!m->young_too && ori_is_young(obj)) return;
  if (!ori_is_young(obj)) {
    ori_note_fresh(obj);
    ori_push(&m->black, &m->nblack, &m->cap_black, obj);
  }
  if (mark(obj) || !ori_is_young(obj)) ori_push(&m->work, &m->nwork, &m->cap_work, obj);
}

// Trace queued objects; with a budget, stop after about that many bytes.
static bool drain(Marker *m, size_t budget) {
  size_t start = m->traced;
  while (m->nwork) {
    if (budget && m->traced - start >= budget) return false;
    void *obj = m->work[--m->nwork];
    size_t size = ori_size_of(obj);
    m->traced += size;
    ori_page_of(obj)->marked_bytes += size;
    trace_one(m, obj);
  }
  return true;
}

// Ephemerons: mark the values of entries whose keys are marked, until
// nothing changes; then clear the entries whose keys died.
static void ephemerons(Marker *m) {
  bool progress = true;
  while (progress) {
    progress = false;
    for (size_t i = 0; i < m->nholders; i++) {
      ori_heap.layout->ephemeron(m->holders[i], &m->v);
      if (m->nwork) progress = true;
      drain(m, 0);
    }
  }
  for (size_t i = 0; i < m->nholders; i++) ori_heap.layout->clear_dead(m->holders[i], &m->v);
}

/* {==== Keeping the remembered set clean ====} */

// Drop dead objects from a list of old objects (dirty or fresh).
static size_t keep_marked(void **list, size_t n, bool clear_dirty) {
  size_t out = 0;
  for (size_t i = 0; i < n; i++) {
    if (is_marked(list[i])) {
      list[out++] = list[i];
    } else if (clear_dirty) {
      OriPage *pg = ori_page_of(list[i]);
      ori_clear(pg->dirty, ori_bit(pg, list[i]));
    }
  }
  return out;
}

/* {==== Sweeping ====} */

// Map and large object spaces are swept now; old and code space pages go
// on their space's unswept list, swept as allocation needs room.
static void start_sweeping(void) {
  for (int s = ORI_OLD_SPACE; s <= ORI_MAP_SPACE; s++) {
    OriSpaceState *sp = &ori_heap.space[s];
    ori_free_lists_clear((OriSpace)s);
    sp->unswept = NULL;
    sp->size = 0;
    for (OriPage *pg = sp->pages; pg; pg = pg->next) {
      pg->flags |= ORI_PAGE_UNSWEPT;
      pg->next_unswept = sp->unswept;
      sp->unswept = pg;
      // Until swept, a page counts with the bytes marking found live.
      sp->size += pg->marked_bytes;
    }
  }
  // Maps are read through dead objects' headers only by nobody: sweeping
  // them now is safe (page.c ignores unmarked objects on unswept pages).
  ori_sweep_space_now(ORI_MAP_SPACE);
  ori_lo_sweep();
  ori_heap.sweeping = true;
}

/* {==== The marking cycle ====} */

static void marker_reset(Marker *m, bool young_too, const char *reason) {
  free(m->work);
  free(m->holders);
  free(m->black);
  *m = (Marker){.v = {.value = visit_value, .ptr = visit_ptr, .weak_holder = weak_holder,
                      .is_live = is_live, .weak_refs = true, .value_no_trace = visit_no_trace},
                .young_too = young_too, .reason = reason};
  m->start_ms = ori_now_ms();
  m->before_mb = (double)ori_heap_used() / (1 << 20);
  for (int s = ORI_OLD_SPACE; s < ORI_SPACE_COUNT; s++)
    for (OriPage *pg = ori_heap.space[s].pages; pg; pg = pg->next) pg->marked_bytes = 0;
}

// Young objects are roots of an incremental cycle: their old referents
// live.
static void trace_young_roots(Marker *m) {
  char *obj;
  for (OriPage *pg = ori_heap.space[ORI_NEW_SPACE].pages; pg; pg = pg->next)
    for (OriObjects it = ori_objects(pg, false); (obj = ori_objects_next(&it));) trace_one(m, obj);
}

void ori_marking_start(const char *reason) {
  if (ori_marking || ori_heap.in_gc) return;
  double t0 = ori_now_ms();
  for (int s = ORI_OLD_SPACE; s <= ORI_MAP_SPACE; s++) ori_paged_give_back_lab((OriSpace)s);
  ori_finish_sweeping();
  marker_reset(&marker, false, reason);
  ori_compact_select(ORI_COMPACT_BUDGET);
  ori_visit_roots(&marker.v);
  // Young objects are roots too (they are never marked): grey their old
  // referents now, or the whole marking would wait for the final pause.
  // Marking starts right after a scavenge, so few young objects exist.
  trace_young_roots(&marker);
  ori_marking = true;
  marker.step_ms += ori_now_ms() - t0;
  marker.steps++;
}

void ori_marking_note_black(void *obj, size_t size) {
  if (mark(obj)) ori_page_of(obj)->marked_bytes += size;
  ori_push(&marker.black, &marker.nblack, &marker.cap_black, obj);
}

void ori_marking_blacken(void *obj, size_t size) {
  if (mark(obj)) ori_page_of(obj)->marked_bytes += size;
}

// Grey the old object at p, or around it unless exact (a JSValue names an
// object's start; a raw pointer may be interior). Its page, or NULL.
static OriPage *grey_old(const void *p, bool exact) {
  if (ori_is_young(p)) return NULL;
  OriPage *pg = ori_page_of(p);
  if (!pg) return NULL;
  void *obj = (void *)p;
  if (!exact && !ori_test(pg->start, ori_bit(pg, p))) obj = ori_object_at(p);
  if (!obj) return NULL;
  queue(&marker, pg, obj);  // (an interior pointer's object is on pg)
  return pg;
}

void ori_marking_barrier(const void *where, const void *p, OriStoreKind kind) {
  if (ori_heap.in_gc) return;
  OriPage *pg = grey_old(p, kind != ORI_STORE_POINTER);
  if (pg && (pg->flags & ORI_PAGE_EVACUATE) && ori_compacting)
    ori_compact_note_store(where, kind);
}

void ori_marking_grey(const void *p) { grey_old(p, false); }

// The pause that ends marking (incremental or not) and starts sweeping.
static void finalize(Marker *m) {
  m->in_pause = true;
  ori_scan_stack(stack_hit, m, false);
  ori_visit_roots(&m->v);
  if (!m->young_too) trace_young_roots(m);
  for (size_t i = 0; i < m->nblack; i++) trace_one(m, m->black[i]);
  drain(m, 0);
  ephemerons(m);
  ori_heap.ndirty = keep_marked(ori_heap.dirty, ori_heap.ndirty, true);
  ori_heap.nfresh = keep_marked(ori_heap.fresh, ori_heap.nfresh, false);
  // Marking is complete: the candidates' live objects move now, and the
  // weak hooks see where they went.
  if (ori_compacting) ori_compact_evacuate();
  ori_run_weak_hooks(&m->v);
  ori_compact_release();
  start_sweeping();
  ori_slots_drop_dead();
  if (m->young_too) {
    // Dead young objects lose their start bits: they may point to old
    // objects being freed, and nothing may find them again.
    for (OriPage *pg = ori_heap.space[ORI_NEW_SPACE].pages; pg; pg = pg->next) {
      for (size_t w = 0; w < ORI_BITMAP_WORDS; w++) pg->start[w] &= pg->mark[w];
      memset(pg->mark, 0, sizeof pg->mark);
    }
  }
  ori_marking = false;
}

static void finish_cycle(Marker *m, double pause_ms) {
  ori_heap.gc_count++;
  ori_heap.mark_compacts++;
  if (ori_heap.config.verify_heap) ori_verify_heap("after mark-compact");
  char reason[200];
  if (m->young_too) {
    snprintf(reason, sizeof reason, "%s", m->reason);
  } else {
    snprintf(reason, sizeof reason,
             "%s (+ %.1f ms in %u steps since start of marking, biggest step %.1f ms, "
             "walltime since start of marking %.0f ms)",
             m->reason, m->step_ms, m->steps, m->max_step_ms, ori_now_ms() - m->start_ms);
  }
  ori_trace_line("Mark-Compact", m->before_mb, (double)ori_heap_used() / (1 << 20), pause_ms,
                 reason);
}

void ori_marking_step(size_t budget) {
  if (!ori_marking || ori_heap.in_gc) return;
  double t0 = ori_now_ms();
  ori_heap.in_gc = true;
  bool done = drain(&marker, budget);
  double ms = ori_now_ms() - t0;
  marker.step_ms += ms;
  marker.steps++;
  if (ms > marker.max_step_ms) marker.max_step_ms = ms;
  if (done) {
    t0 = ori_now_ms();
    finalize(&marker);
    ori_heap.in_gc = false;
    finish_cycle(&marker, ori_now_ms() - t0);
    ori_after_full_gc();
    return;
  }
  ori_heap.in_gc = false;
}

void ori_mark_compact(const char *reason) {
  double t0 = ori_now_ms();
  ori_heap.in_gc = true;
  if (ori_marking) {
    // Finish the incremental cycle in one pause.
    finalize(&marker);
  } else {
    for (int s = ORI_OLD_SPACE; s <= ORI_MAP_SPACE; s++) ori_paged_give_back_lab((OriSpace)s);
    ori_finish_sweeping();
    marker_reset(&marker, true, reason);
    ori_compact_select(ORI_COMPACT_BUDGET_FULL);
    finalize(&marker);
  }
  ori_heap.in_gc = false;
  finish_cycle(&marker, ori_now_ms() - t0);
}

#endif
