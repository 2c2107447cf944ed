/*
 * orinoco/mark_compact.c — the full collection: mark everything reachable
 * (young and old), resolve ephemerons and weak references, then sweep the
 * old generation. Young objects are left to the next scavenge, which
 * copies only what is live anyway.
 *
 * Invariants:
 *  - Marking starts with every page swept and every mark bit clear; it
 *    ends with the mark bits of exactly the reachable objects set.
 *  - Marking rebuilds the remembered set: every marked old object that
 *    points to a young one is dirty afterwards, and the fresh list is
 *    emptied (all its live objects have been traced).
 *  - Weak holders (WeakMap/WeakSet tables, WeakRef) report themselves
 *    while traced; their entries' values are marked only once their keys
 *    are (ephemerons), iterated to a fixpoint; then dead keys are cleared.
 */
#include <stdlib.h>
#include <string.h>

#include "orinoco/heap.h"

#ifndef JSVM_GC_BOEHM

typedef struct Marker {
  OriVisitor v;
  void **work;
  size_t nwork, cap_work;
  void **holders;              /* weak holders met while tracing */
  size_t nholders, cap_holders;
  bool tracing_old, found_young;
  size_t marked_bytes;
} Marker;

static void push(void ***a, size_t *n, size_t *cap, void *p) {
  if (*n == *cap) {
    *cap = *cap ? *cap * 2 : 4096;
    *a = realloc(*a, *cap * sizeof **a);
    if (!*a) ori_fatal_heap_limit();
  }
  (*a)[(*n)++] = p;
}

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

static void note_target(Marker *m, const void *p) {
  if (m->tracing_old && ori_is_young(p)) m->found_young = true;
}

static void visit_value(OriVisitor *v, JSValue *slot) {
  Marker *m = (Marker *)v;
  if (!js_is_heap(*slot)) return;
  void *p = js_heap(*slot);
  note_target(m, p);
  if (mark(p)) push(&m->work, &m->nwork, &m->cap_work, p);
}

static void visit_ptr(OriVisitor *v, void **slot) {
  Marker *m = (Marker *)v;
  void *p = *slot;
  if (!p || ori_page_of(p) == NULL) return;
  void *obj = ori_object_at(p);
  if (!obj) return;
  note_target(m, obj);
  if (mark(obj)) push(&m->work, &m->nwork, &m->cap_work, obj);
}

static void visit_no_trace(OriVisitor *v, JSValue *slot) {
  Marker *m = (Marker *)v;
  if (!js_is_heap(*slot)) return;
  void *p = js_heap(*slot);
  note_target(m, p);
  mark(p);
}

static void weak_holder(OriVisitor *v, void *obj) {
  Marker *m = (Marker *)v;
  push(&m->holders, &m->nholders, &m->cap_holders, obj);
}

static bool is_live(OriVisitor *v, JSValue *slot) {
  (void)v;
  return !js_is_heap(*slot) || is_marked(js_heap(*slot));
}

// An object the C stack points into: marked, and if old, remembered until
// the next scavenge (the C code may store young values into it without a
// barrier; see scavenger.c's pin).
static void stack_hit(void *obj, void *ctx) {
  Marker *m = ctx;
  if (!ori_is_young(obj)) ori_note_fresh(obj);
  if (mark(obj)) push(&m->work, &m->nwork, &m->cap_work, obj);
}

static void drain(Marker *m) {
  while (m->nwork) {
    void *obj = m->work[--m->nwork];
    m->tracing_old = !ori_is_young(obj);
    m->found_young = false;
    ori_heap.layout->trace(obj, &m->v);
    if (m->found_young) ori_record_write(obj);
  }
  m->tracing_old = false;
}

// Ephemerons: mark the values of entries whose keys are marked, until
// nothing changes.
static void ephemerons(Marker *m) {
  bool progress = true;
  while (progress) {
    progress = false;
    for (size_t i = 0; i < m->nholders; i++) {
      m->tracing_old = !ori_is_young(m->holders[i]);
      m->found_young = false;
      if (ori_heap.layout->ephemeron(m->holders[i], &m->v)) progress = true;
      if (m->found_young) ori_record_write(m->holders[i]);
      drain(m);
    }
  }
  for (size_t i = 0; i < m->nholders; i++) ori_heap.layout->clear_dead(m->holders[i], &m->v);
}

// Forget the remembered set and the fresh list: marking rebuilds them.
static void reset_remembered(void) {
  for (size_t i = 0; i < ori_heap.ndirty; i++) {
    OriPage *pg = ori_page_of(ori_heap.dirty[i]);
    ori_clear(pg->dirty, ori_bit(pg, ori_heap.dirty[i]));
  }
  ori_heap.ndirty = 0;
  ori_heap.nfresh = 0;
}

/* {==== Sweeping ====} */

// Sweep a paged space: every page now; empty pages go back.
static void sweep_space(OriSpace space) {
  OriSpaceState *sp = &ori_heap.space[space];
  ori_free_lists_clear(space);
  sp->size = 0;
  OriPage **link = &sp->pages;
  while (*link) {
    OriPage *pg = *link;
    ori_sweep_page(pg);
    if (pg->live == 0) {
      *link = pg->next;
      sp->committed -= ORI_PAGE_SIZE;
      ori_page_free(pg);
      continue;
    }
    sp->size += pg->live;
    link = &pg->next;
  }
}

// Young objects are not freed here (the next scavenge copies only live
// ones), but the dead ones lose their start bits: they may point to old
// objects just freed, and nothing may find them again (a conservative
// hit, --verify-heap's walk).
static void clear_young_marks(void) {
  for (OriPage *pg = ori_heap.space[ORI_NEW_SPACE].pages; pg; pg = pg->next) {
    for (size_t w = 0; w < ORI_BITMAP_WORDS; w++) pg->start[w] &= pg->mark[w];
    memset(pg->mark, 0, sizeof pg->mark);
  }
}

void ori_mark_compact(const char *reason) {
  double t0 = ori_now_ms();
  double before = (double)ori_heap_used() / (1 << 20);
  ori_heap.in_gc = true;
  for (int s = ORI_OLD_SPACE; s <= ORI_MAP_SPACE; s++) ori_paged_give_back_lab((OriSpace)s);
  ori_finish_sweeping();
  reset_remembered();
  Marker m = {.v = {.value = visit_value, .ptr = visit_ptr, .weak_holder = weak_holder,
                    .is_live = is_live, .weak_refs = true, .value_no_trace = visit_no_trace}};
  ori_scan_stack(stack_hit, &m, false);
  ori_visit_roots(&m.v);
  drain(&m);
  ephemerons(&m);
  ori_run_weak_hooks(&m.v);
  free(m.work);
  free(m.holders);
  for (int s = ORI_OLD_SPACE; s <= ORI_MAP_SPACE; s++) sweep_space((OriSpace)s);
  ori_lo_sweep();
  clear_young_marks();
  ori_heap.in_gc = false;
  ori_heap.gc_count++;
  ori_heap.mark_compacts++;
  if (ori_heap.config.verify_heap) ori_verify_heap("after mark-compact");
  ori_trace_line("Mark-Compact", before, (double)ori_heap_used() / (1 << 20),
                 ori_now_ms() - t0, reason);
}

#endif
