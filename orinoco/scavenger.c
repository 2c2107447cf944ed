/*
 * orinoco/scavenger.c — the young generation's collector (Cheney's copy)
 * and the remembered set it relies on.
 *
 * A scavenge flips the semispaces: the active pages become from-space.
 * Objects the C stack points into are pinned: their page is promoted in
 * place (it joins old space and is swept with the marks the scavenge
 * leaves). Every other object reachable from the roots, the remembered
 * set and the fresh old objects is copied: to the new semispace the first
 * time, to old space when it already survived one scavenge (its page is a
 * survivor page). Copies are scanned in allocation order (Cheney);
 * promoted and pinned objects through a worklist.
 *
 * The remembered set has three parts: the slot set (slot_set.c: JSValue
 * slots the barrier recorded), dirty objects (re-traced whole: raw
 * pointer stores, ori_remember) and fresh objects (allocated old since
 * the last scavenge, so possibly initialized without barriers).
 *
 * Invariants:
 *  - During a scavenge a from-space object that has been copied has its
 *    map word replaced by the copy's address with bit 0 set.
 *  - After a scavenge every old object that points to a young one is
 *    dirty (in ori_heap.dirty with its dirty bit set), and the fresh list
 *    is empty: invariant (a) of orinoco.h.
 *  - Weak holders are traced strongly by a scavenge (visitor.weak_refs is
 *    false); only full collections clear weak references to objects.
 */
#include <stdlib.h>
#include <string.h>

#include "orinoco/heap.h"

#ifndef JSVM_GC_BOEHM

typedef struct Scavenger {
  OriVisitor v;
  OriPage *to_pages, *to_tail;  /* the new semispace, in allocation order */
  char *top, *limit;            /* its allocation buffer */
  OriPage *scan_page;           /* Cheney's scan position */
  char *scan;
  void **work;                  /* promoted and pinned objects to scan */
  size_t nwork, cap_work;
  OriPage *kept;                /* pinned pages that stay young */
  void **held;                  /* old objects the C stack holds */
  size_t nheld, cap_held;
  bool tracing_old;             /* the object being traced is old */
  bool by_slot;                 /* ... and is remembered by slot */
  bool found_young;             /* ... and points to a young object */
  bool found_candidate;         /* ... or to an evacuation candidate's */
  void **pinned_refs;           /* pinned objects that point to one */
  size_t npinned_refs, cap_pinned_refs;
  size_t survived, promoted, pinned;
} Scavenger;

/* {==== The remembered set ====} */

void ori_record_write(void *obj) {
  OriPage *pg = ori_page_of(obj);
  // Young objects (a pinned page's, during a scavenge) need no entry.
  if (!pg || (pg->flags & ORI_PAGE_YOUNG)) return;
  size_t bit = ori_bit(pg, obj);
  if (ori_test(pg->dirty, bit)) return;
  ori_set(pg->dirty, bit);
  ori_push(&ori_heap.dirty, &ori_heap.ndirty, &ori_heap.cap_dirty, obj);
}

void ori_record_slot_ptr(const void *slot) {
  void *obj = ori_object_at(slot);
  if (obj) ori_record_write(obj);
}

void ori_remember(void *obj) {
  if (!ori_is_young(obj)) ori_record_write(obj);
}

void ori_note_fresh(void *obj) {
  ori_push(&ori_heap.fresh, &ori_heap.nfresh, &ori_heap.cap_fresh, obj);
}

/* {==== Copying ====} */

static bool is_forwarded(const void *obj) { return *(const uintptr_t *)obj & 1; }
static void *forwardee(const void *obj) { return (void *)(*(const uintptr_t *)obj & ~(uintptr_t)1); }

// (The young map, not the page header: its bytes are dense in cache,
// whereas page headers all share the same cache sets.)
static bool in_from_space(const void *p) {
  uintptr_t a = (uintptr_t)p - ori_heap_base;
  return a < ori_heap_end - ori_heap_base && ori_young_map[a >> ORI_PAGE_BITS] == 2;
}

// Room in the new semispace (its pages are not limited: survivors never
// exceed what from-space held).
static char *to_space_alloc(Scavenger *s, size_t size) {
  if ((size_t)(s->limit - s->top) < size) {
    OriPage *pg = ori_page_new(ORI_NEW_SPACE, 1);
    if (!pg) ori_fatal_heap_limit();
    pg->flags = ORI_PAGE_SURVIVOR;
    ori_page_set_young(pg, true);
    if (s->to_tail) {
      s->to_tail->end = s->top;  // the scan stops at the filled part
      s->to_tail->next = pg;
    } else {
      s->to_pages = pg;
    }
    s->to_tail = pg;
    s->top = pg->area;
    s->limit = pg->area + (ORI_PAGE_SIZE - ORI_AREA_OFFSET);
    if (!s->scan_page) {
      s->scan_page = pg;
      s->scan = pg->area;
    }
  }
  char *p = s->top;
  s->top += size;
  OriPage *pg = s->to_tail;
  ori_set(pg->start, ori_bit(pg, p));
  return p;
}

static void *copy_object(Scavenger *s, void *obj) {
  size_t size = ori_size_of(obj);
  OriPage *pg = ori_page_of(obj);
  void *to = NULL;
  if (pg->flags & ORI_PAGE_SURVIVOR) {
    to = ori_paged_alloc(ORI_OLD_SPACE, size);
    if (to) {
      s->promoted += size;
      ori_push(&s->work, &s->nwork, &s->cap_work, to);
    }
  }
  if (!to) {
    to = to_space_alloc(s, size);
    s->survived += size;
  }
  memcpy(to, obj, size);
  *(uintptr_t *)obj = (uintptr_t)to | 1;
  // Promoted while marking: black (its trace below greys what it holds).
  if (ori_marking && !ori_is_young(to)) ori_marking_blacken(to, size);
  return to;
}

// The live address of young object obj (copying it if needed), or obj on
// a pinned page (marked and queued on first reach).
static void *evacuate(Scavenger *s, void *obj) {
  if (is_forwarded(obj)) return forwardee(obj);
  OriPage *pg = ori_page_of(obj);
  if (pg->flags & ORI_PAGE_PINNED) {
    size_t bit = ori_bit(pg, obj);
    if (!ori_test(pg->mark, bit)) {
      ori_set(pg->mark, bit);
      ori_push(&s->work, &s->nwork, &s->cap_work, obj);
    }
    return obj;
  }
  return copy_object(s, obj);
}

// The object in from-space containing p (copied or not).
static char *from_object_at(const void *p) {
  OriPage *pg = ori_page_of(p);
  for (size_t i = ori_bit(pg, p);; i--) {
    if (ori_test(pg->start, i)) return (char *)pg + i * 8;
  }
}

// After a slot of the object being traced was resolved to p: an old
// object pointing to a young one stays remembered, by the slot itself
// when it is a JSValue slot (value_slot) of an object remembered by slot,
// else as a whole; while marking, an old object's old referents are
// greyed (the promoted and pinned objects the scavenger traces are
// black, so this keeps invariant (b) for them).
static void note_target(Scavenger *s, const void *p, JSValue *value_slot) {
  if (!s->tracing_old) return;
  // (A pinned page's objects count as young: the page may stay young.)
  if (ori_is_young(p)) {
    // Pinned objects are traced as old too, but their page is still
    // young: promoted in place (its objects then remembered whole as
    // fresh) or kept young. A slot bit there would outlive its object.
    if (!value_slot || !s->by_slot) {
      s->found_young = true;
    } else if (!ori_is_young(value_slot)) {
      ori_record_slot(value_slot);
    }
  } else if (ori_marking) {
    ori_marking_grey(p);
    if (ori_compacting && ori_on_candidate(p)) s->found_candidate = true;
  }
}

// The object a JSValue slot names, evacuated (the slot updated), or NULL.
static void *update_value(Scavenger *s, JSValue *slot) {
  if (!js_is_heap(*slot)) return NULL;
  void *p = js_heap(*slot);
  if (in_from_space(p)) {
    p = evacuate(s, p);
    *slot = js_from_heap(p);
  }
  return p;
}

static void visit_value(OriVisitor *v, JSValue *slot) {
  Scavenger *s = (Scavenger *)v;
  void *p = update_value(s, slot);
  if (p) note_target(s, p, slot);
}

// A slot of the slot set: evacuate its referent; it stays in the set
// while it holds a young value. (No greying while marking: the holder is
// not black because of this scavenge, and the marking barrier saw the
// store.)
static bool visit_slot(JSValue *slot, void *ctx) {
  void *p = update_value(ctx, slot);
  return p && ori_is_young(p);
}

static void visit_ptr(OriVisitor *v, void **slot) {
  Scavenger *s = (Scavenger *)v;
  char *p = *slot;
  if (!p || !in_from_space(p)) {
    if (p) note_target(s, p, NULL);
    return;
  }
  char *obj = from_object_at(p);
  char *to = evacuate(s, obj);
  *slot = to + (p - obj);
  note_target(s, to, NULL);
}

// For weak hooks: old objects count as live (a scavenge does not know);
// a young one lives if it was copied or reached on a pinned page.
static bool is_live(OriVisitor *v, JSValue *slot) {
  (void)v;
  if (!js_is_heap(*slot)) return true;
  void *p = js_heap(*slot);
  if (!in_from_space(p)) return true;
  if (is_forwarded(p)) {
    *slot = js_from_heap(forwardee(p));
    return true;
  }
  OriPage *pg = ori_page_of(p);
  return (pg->flags & ORI_PAGE_PINNED) && ori_test(pg->mark, ori_bit(pg, p));
}

/* {==== The scavenge ====} */

// Trace an old object (dirty, fresh, promoted or pinned); keep it in the
// remembered set if it still points to a young object.
// While the compactor records references, an old object pointing to a
// candidate's object is recorded whole (a pinned one only once its page
// is promoted: see finish).
static void trace_old(Scavenger *s, void *obj) {
  s->tracing_old = true;
  s->found_young = s->found_candidate = false;
  s->by_slot = ori_remembered_by_slot(obj);
  ori_heap.layout->trace(obj, &s->v);
  s->tracing_old = false;
  if (s->found_young) ori_record_write(obj);
  if (!s->found_candidate) return;
  if (ori_is_young(obj)) {
    ori_push(&s->pinned_refs, &s->npinned_refs, &s->cap_pinned_refs, obj);
  } else {
    ori_compact_record(obj, ORI_STORE_OBJECT);
  }
}

// An object the C stack points into. A young one is pinned: its page
// stays where it is. An old one is traced now and remembered until the
// next scavenge, because the C code holding it may store young values
// into it without a barrier (it may have allocated it itself, young,
// before a collection promoted it in place).
static void pin(void *obj, void *ctx) {
  Scavenger *s = ctx;
  OriPage *pg = ori_page_of(obj);
  size_t bit = ori_bit(pg, obj);
  if (pg->flags & ORI_PAGE_YOUNG) {
    pg->flags |= ORI_PAGE_PINNED;
    if (ori_test(pg->mark, bit)) return;
    ori_set(pg->mark, bit);
  }
  // (Old pages' mark bits belong to the marker: an old object held twice
  // is listed twice, which costs a second trace and nothing else.)
  ori_push(&s->held, &s->nheld, &s->cap_held, obj);
}

static void process_remembered(Scavenger *s) {
  void **dirty = ori_heap.dirty;
  size_t n = ori_heap.ndirty;
  ori_heap.dirty = NULL;
  ori_heap.ndirty = ori_heap.cap_dirty = 0;
  for (size_t i = 0; i < n; i++) {
    OriPage *pg = ori_page_of(dirty[i]);
    ori_clear(pg->dirty, ori_bit(pg, dirty[i]));
  }
  ori_slots_visit(visit_slot, s);
  for (size_t i = 0; i < n; i++) trace_old(s, dirty[i]);
  free(dirty);
  for (size_t i = 0; i < ori_heap.nfresh; i++) trace_old(s, ori_heap.fresh[i]);
  ori_heap.nfresh = 0;
}

// Scan copies (Cheney) and queued old objects until both run dry.
static void drain(Scavenger *s) {
  for (;;) {
    if (s->nwork) {
      trace_old(s, s->work[--s->nwork]);
      continue;
    }
    if (!s->scan_page) return;
    char *end = s->scan_page == s->to_tail ? s->top : s->scan_page->end;
    if (s->scan < end) {
      void *obj = s->scan;
      s->scan += ori_size_of(obj);
      ori_heap.layout->trace(obj, &s->v);
      continue;
    }
    if (s->scan_page == s->to_tail) return;
    s->scan_page = s->scan_page->next;
    s->scan = s->scan_page->area;
  }
}

// Flip: the active semispace becomes from-space; the mutator's buffer is
// closed.
static OriPage *flip(void) {
  OriSpaceState *ns = &ori_heap.space[ORI_NEW_SPACE];
  OriPage *from = ns->pages;
  for (OriPage *pg = from; pg; pg = pg->next) {
    pg->flags |= ORI_PAGE_FROM;
    ori_young_map[ori_page_index(pg)] = 2;
  }
  ns->pages = NULL;
  ns->top = ns->limit = NULL;
  ns->lab_page = NULL;
  ns->committed = 0;
  ns->size = 0;
  return from;
}

// A page promoted in place while marking: its objects are black (the
// scavenge traced the live ones, greying their referents).
static void blacken_page(OriPage *pg) {
  char *obj;
  for (OriObjects it = ori_objects(pg, false); (obj = ori_objects_next(&it));)
    ori_marking_blacken(obj, ori_size_of(obj));
}

// Bytes of the objects marked on a pinned page (the ones the scavenge
// reached).
static size_t marked_bytes(OriPage *pg) {
  size_t live = 0;
  char *obj;
  for (OriObjects it = ori_objects(pg, true); (obj = ori_objects_next(&it));)
    live += ori_size_of(obj);
  return live;
}

// A mostly live pinned page is promoted in place: it joins old space,
// swept with the marks the scavenge left, its objects remembered whole
// until the next scavenge (they were traced as young, so the remembered
// set does not know them).
static void promote_in_place(Scavenger *s, OriPage *pg) {
  OriSpaceState *old = &ori_heap.space[ORI_OLD_SPACE];
  pg->flags = 0;
  ori_page_set_young(pg, false);
  pg->space = ORI_OLD_SPACE;
  pg->next = old->pages;
  old->pages = pg;
  old->committed += ORI_PAGE_SIZE;
  ori_sweep_page(pg);  // frees the unmarked, clears the marks
  old->size += pg->live;
  if (ori_marking) blacken_page(pg);
  char *obj;
  for (OriObjects it = ori_objects(pg, false); (obj = ori_objects_next(&it));) ori_note_fresh(obj);
  s->promoted += pg->live;
}

// A mostly dead pinned page stays young (promoting it would strand its
// free space in old space until a full collection): its dead objects
// lose their start bits, and the next scavenge copies the live ones out
// unless they are pinned again.
static void keep_young(Scavenger *s, OriPage *pg, size_t live) {
  OriSpaceState *ns = &ori_heap.space[ORI_NEW_SPACE];
  for (size_t w = 0; w < ORI_BITMAP_WORDS; w++) pg->start[w] &= pg->mark[w];
  memset(pg->mark, 0, sizeof pg->mark);
  memset(pg->dirty, 0, sizeof pg->dirty);
  pg->flags = ORI_PAGE_SURVIVOR;
  ori_page_set_young(pg, true);
  pg->next = s->kept;
  s->kept = pg;
  ns->committed += ORI_PAGE_SIZE;
  s->survived += live;
}

// After the copy: pinned pages are promoted or kept, the others freed;
// the copies become the semispace.
static void finish(Scavenger *s, OriPage *from) {
  OriSpaceState *ns = &ori_heap.space[ORI_NEW_SPACE];
  if (s->to_tail) s->to_tail->end = s->top;
  for (OriPage *pg = s->to_pages; pg; pg = pg->next) ns->committed += ORI_PAGE_SIZE;
  while (from) {
    OriPage *pg = from;
    from = pg->next;
    if (!(pg->flags & ORI_PAGE_PINNED)) {
      ori_page_free(pg);
      continue;
    }
    size_t live = marked_bytes(pg);
    s->pinned += live;
    if (live > (ORI_PAGE_SIZE - ORI_AREA_OFFSET) / 2) {
      promote_in_place(s, pg);
    } else {
      keep_young(s, pg, live);
    }
  }
  ns->pages = s->to_pages;
  if (s->kept) {
    OriPage *last = s->kept;
    while (last->next) last = last->next;
    last->next = ns->pages;
    ns->pages = s->kept;
  }
  ns->size = s->survived;
  for (size_t i = 0; i < s->npinned_refs; i++)
    if (!ori_is_young(s->pinned_refs[i])) ori_compact_record(s->pinned_refs[i], ORI_STORE_OBJECT);
  free(s->pinned_refs);
}

// The semispace's next size. A pause has a part that grows with the
// semispace (copying what survives: copy_ms) and a part that does not
// (the C stack, the roots, what the stack holds: fixed_ms). The
// semispace shrinks in proportion when copying overshoots the target
// (splay-like programs where most young objects live: smaller, more
// frequent scavenges); it doubles, up to --max-semi-space-size, when
// more than half survived and either copying stays well under the
// target or the fixed part dominates (a deep C stack holding much of
// the heap: fewer scavenges amortize it).
static void resize_semispace(const Scavenger *s, double copy_ms, double fixed_ms) {
  OriSpaceState *ns = &ori_heap.space[ORI_NEW_SPACE];
  size_t min = 2 * ORI_PAGE_SIZE;
  bool high_survival = s->survived + s->pinned > ns->capacity / 2;
  if (copy_ms > ORI_SCAVENGE_TARGET_MS && copy_ms > fixed_ms && ns->capacity > min) {
    size_t want = (size_t)((double)ns->capacity * ORI_SCAVENGE_TARGET_MS / copy_ms);
    want &= ~(ORI_PAGE_SIZE - 1);
    ns->capacity = want > min ? want : min;
  } else if (high_survival && ns->capacity < ori_heap.max_semi_bytes &&
             (copy_ms * 2 <= ORI_SCAVENGE_TARGET_MS || fixed_ms > copy_ms)) {
    // Doubling from just under half the target would overshoot it when
    // survival stays high: grow so that copying would take 3/4 of it.
    double grow = fixed_ms > copy_ms ? 2.0 : 0.75 * ORI_SCAVENGE_TARGET_MS / copy_ms;
    if (grow > 2.0) grow = 2.0;
    size_t want = (size_t)((double)ns->capacity * grow) & ~(ORI_PAGE_SIZE - 1);
    if (want > ns->capacity) ns->capacity = want;
  }
  // The mutator always gets at least a page beyond what survived.
  if (ns->capacity < ns->committed + ORI_PAGE_SIZE) ns->capacity = ns->committed + ORI_PAGE_SIZE;
}


// --trace-gc-nvp: the scavenge's phases (ms) and remembered-set sizes, as
// name=value pairs like V8's, to find what a long pause was spent on.
static void trace_nvp(const double *t, size_t ndirty, size_t nfresh, const Scavenger *s) {
  printf("pause=%.2f scavenge.stack=%.2f scavenge.roots=%.2f scavenge.remembered=%.2f "
         "scavenge.copy=%.2f scavenge.weak=%.2f scavenge.finish=%.2f dirty=%zu fresh=%zu "
         "held=%zu survived=%zu promoted=%zu pinned=%zu\n",
         t[6] - t[0], t[1] - t[0], t[2] - t[1], t[3] - t[2], t[4] - t[3], t[5] - t[4],
         t[6] - t[5], ndirty, nfresh, s->nheld, s->survived, s->promoted, s->pinned);
}

void ori_scavenge(const char *reason) {
  double t[7];
  t[0] = ori_now_ms();
  double before = (double)ori_heap_used() / (1 << 20);
  size_t ndirty = ori_heap.ndirty, nfresh = ori_heap.nfresh;
  ori_heap.in_gc = true;
  ori_paged_give_back_lab(ORI_OLD_SPACE);
  OriPage *from = flip();
  Scavenger s = {.v = {.value = visit_value, .ptr = visit_ptr, .is_live = is_live,
                       .weak_refs = false, .value_no_trace = visit_value}};
  // Pin first, so that nothing on a pinned page is copied.
  ori_scan_stack(pin, &s, false);
  t[1] = ori_now_ms();
  ori_visit_roots(&s.v);
  t[2] = ori_now_ms();
  process_remembered(&s);
  double held_ms = ori_now_ms();
  for (size_t i = 0; i < s.nheld; i++) trace_old(&s, s.held[i]);
  t[3] = ori_now_ms();
  held_ms = t[3] - held_ms;
  drain(&s);
  t[4] = ori_now_ms();
  ori_run_weak_hooks(&s.v);
  t[5] = ori_now_ms();
  finish(&s, from);
  // Objects the C stack holds stay remembered (see pin), and so do the
  // pinned ones, now old: their holders may still store into them.
  for (size_t i = 0; i < s.nheld; i++)
    if (!ori_is_young(s.held[i])) ori_note_fresh(s.held[i]);
  free(s.held);
  free(s.work);
  ori_heap.in_gc = false;
  ori_heap.gc_count++;
  ori_heap.scavenges++;
  t[6] = ori_now_ms();
  double fixed_ms = (t[2] - t[0]) + held_ms + (t[5] - t[4]);
  resize_semispace(&s, t[6] - t[0] - fixed_ms, fixed_ms);
  if (ori_heap.config.verify_heap) ori_verify_heap("after scavenge");
  if (ori_heap.config.trace_gc_nvp) trace_nvp(t, ndirty, nfresh, &s);
  ori_trace_line("Scavenge", before, (double)ori_heap_used() / (1 << 20), t[6] - t[0], reason);
}

#endif
