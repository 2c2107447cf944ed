/*
 * orinoco/compactor.c — evacuation of fragmented old-space pages (V8's
 * evacuation candidates). When a marking cycle starts, the emptiest
 * old-space pages are chosen. While marking runs, every reference into
 * them is recorded: by the marker for the objects it traces, by the
 * marking barrier for the stores the mutator makes, by the scavenger for
 * the objects it promotes. In the final pause the candidates' live
 * objects are copied to fresh pages, the recorded references, the roots
 * and the remembered set are updated, the weak hooks follow the moves
 * (ori_compact_forward), and the candidates are given back.
 *
 * Invariants:
 *  - Candidates are old-space pages, never large, code or map pages, and
 *    nothing is allocated on them after selection: their free ranges
 *    leave the free lists (the allocation buffer was given back before).
 *  - From selection to evacuation, every reference to a live object on a
 *    candidate is recorded (a JSValue slot, a raw-pointer slot, or its
 *    holder, to re-trace whole), except references held by roots (all
 *    visited again), by objects on candidates (traced again once copied)
 *    and, while marking runs incrementally, by young objects (they move;
 *    the final pause traces every one of them and records theirs).
 *  - A candidate the C stack points into is not evacuated (the objects
 *    there are pinned), and none is when fresh pages cannot be had: the
 *    references recorded into such pages are left as they are, and the
 *    objects of a pinned candidate are traced like moved ones (their own
 *    references were not recorded).
 *  - Until a candidate is given back, each object moved from it holds
 *    its new address, with bit 0 set, in place of its map; its start and
 *    mark bits stay, so interior pointers still resolve to it.
 */
#include <stdlib.h>
#include <string.h>

#include "orinoco/heap.h"

#ifndef JSVM_GC_BOEHM

/* A page is a candidate while its objects fill less than this. */
#define ORI_COMPACT_MAX_LIVE ((ORI_PAGE_SIZE - ORI_AREA_OFFSET) / 2)
#define ORI_AREA_BYTES (ORI_PAGE_SIZE - ORI_AREA_OFFSET)

bool ori_compacting;

typedef struct Vec {
  void **v;
  size_t n, cap;
} Vec;

static struct {
  Vec pages;                  /* the candidates */
  Vec pinned;                 /* candidates the C stack turned out to pin */
  Vec refs[3];                /* recorded references, by OriStoreKind */
  Vec targets;                /* the fresh pages objects moved to */
  size_t moved, freed_pages;  /* totals for --trace-gc-verbose */
  uint32_t cycles;
} cx;

static void vec_push(Vec *a, void *p) { ori_push(&a->v, &a->n, &a->cap, p); }

/* {==== Choosing candidates ====} */

static int by_live(const void *a, const void *b) {
  const OriPage *x = *(OriPage *const *)a, *y = *(OriPage *const *)b;
  return (x->live > y->live) - (x->live < y->live);
}

// The candidates' free ranges leave the free lists.
static void drop_free_ranges(OriSpaceState *sp) {
  for (int b = 0; b < ORI_FREE_BUCKETS; b++) {
    OriFree **pf = &sp->free[b];
    while (*pf) {
      if (ori_on_candidate(*pf)) {
        *pf = (*pf)->next;
      } else {
        pf = &(*pf)->next;
      }
    }
  }
}

void ori_compact_select(size_t budget) {
  OriSpaceState *sp = &ori_heap.space[ORI_OLD_SPACE];
  cx.pages.n = 0;
  for (OriPage *pg = sp->pages; pg; pg = pg->next)
    if (!(pg->flags & ORI_PAGE_LARGE) && pg->live < ORI_COMPACT_MAX_LIVE && pg != sp->lab_page)
      vec_push(&cx.pages, pg);
  if (cx.pages.n < 2) {
    cx.pages.n = 0;
    return;
  }
  qsort(cx.pages.v, cx.pages.n, sizeof *cx.pages.v, by_live);
  size_t n = 0, bytes = 0;
  while (n < cx.pages.n && bytes + ((OriPage *)cx.pages.v[n])->live <= budget)
    bytes += ((OriPage *)cx.pages.v[n++])->live;
  // Two half-empty pages free one: fewer is not worth the pause.
  cx.pages.n = n >= 2 ? n : 0;
  if (!cx.pages.n) return;
  for (size_t i = 0; i < cx.pages.n; i++) ((OriPage *)cx.pages.v[i])->flags |= ORI_PAGE_EVACUATE;
  drop_free_ranges(sp);
  ori_compacting = true;
}

/* {==== Recording ====} */

void ori_compact_record(void *where, OriStoreKind kind) {
  Vec *a = &cx.refs[kind];
  // (A table filled while marking runs is recorded at every store.)
  if (kind == ORI_STORE_OBJECT && a->n && a->v[a->n - 1] == where) return;
  vec_push(a, where);
}

void ori_compact_note_store(const void *where, OriStoreKind kind) {
  OriPage *pg = ori_page_of(where);
  // Roots are visited again, young holders traced in the final pause,
  // holders on candidates traced once moved.
  if (!pg || (pg->flags & (ORI_PAGE_YOUNG | ORI_PAGE_EVACUATE))) return;
  ori_compact_record((void *)where, kind);
}

void ori_compact_pin(const void *obj) {
  OriPage *pg = ori_page_of(obj);
  if (pg) pg->flags &= (uint8_t)~ORI_PAGE_EVACUATE;
}

/* {==== Forwarding ====} */

static bool is_forwarded(const void *obj) { return *(const uintptr_t *)obj & 1; }

// The marked object on candidate pg that contains p: the nearest start
// bit at or below p that is also marked (dead objects never moved).
static char *object_on(OriPage *pg, const void *p) {
  size_t i = ori_bit(pg, p), w = i >> 6, first = ori_bit(pg, pg->area) >> 6;
  uint64_t bits = pg->start[w] & pg->mark[w] & (~0ull >> (63 - (i & 63)));
  while (!bits) {
    if (w == first) return NULL;
    w--;
    bits = pg->start[w] & pg->mark[w];
  }
  return (char *)pg + ((w << 6) + 63 - (size_t)__builtin_clzll(bits)) * 8;
}

void *ori_compact_forward(const void *p) {
  OriPage *pg = ori_page_of(p);
  if (!pg || !(pg->flags & ORI_PAGE_EVACUATE) || (const char *)p < pg->area) return (void *)p;
  char *obj = object_on(pg, p);
  if (!obj || !is_forwarded(obj)) return (void *)p;
  char *to = (char *)(*(uintptr_t *)obj & ~(uintptr_t)1);
  return to + ((const char *)p - obj);
}

/* {==== Evacuation ====} */

// The fresh pages the copies need, counted the way evacuate fills them;
// false (and none taken) when the heap cannot give that many.
static bool take_targets(void) {
  size_t need = 0, room = 0;
  for (size_t i = 0; i < cx.pages.n; i++) {
    char *obj;
    for (OriObjects it = ori_objects(cx.pages.v[i], true); (obj = ori_objects_next(&it));) {
      size_t size = ori_size_of(obj);
      if (size > room) {
        need++;
        room = ORI_AREA_BYTES;
      }
      room -= size;
    }
  }
  cx.targets.n = 0;
  for (size_t i = 0; i < need; i++) {
    OriPage *pg = ori_page_new(ORI_OLD_SPACE, 1);
    if (!pg) {
      while (cx.targets.n) ori_page_free(cx.targets.v[--cx.targets.n]);
      return false;
    }
    vec_push(&cx.targets, pg);
  }
  return true;
}

// Copy obj (size bytes) to `to` on page tp: the copy is marked (sweeping
// keeps it), keeps its remembered-set entries, and obj forwards to it.
static void move(char *obj, size_t size, char *to, OriPage *tp) {
  memcpy(to, obj, size);
  size_t bit = ori_bit(tp, to);
  ori_set(tp->start, bit);
  ori_set(tp->mark, bit);
  tp->marked_bytes += size;
  tp->live += size;
  OriPage *from = ori_page_of(obj);
  if (ori_test(from->dirty, ori_bit(from, obj))) ori_set(tp->dirty, bit);
  ori_slots_move(obj, to, size);
  *(uintptr_t *)obj = (uintptr_t)to | 1;
  cx.moved += size;
}

static void copy_objects(void) {
  size_t t = 0;
  OriPage *tp = NULL;
  char *top = NULL, *limit = NULL;
  for (size_t i = 0; i < cx.pages.n; i++) {
    char *obj;
    for (OriObjects it = ori_objects(cx.pages.v[i], true); (obj = ori_objects_next(&it));) {
      size_t size = ori_size_of(obj);
      if ((size_t)(limit - top) < size) {
        tp = cx.targets.v[t++];
        top = tp->area;
        limit = tp->area + ORI_AREA_BYTES;
      }
      move(obj, size, top, tp);
      top += size;
    }
  }
}

/* {==== Updating references ====} */

static void update_value(OriVisitor *v, JSValue *slot) {
  (void)v;
  if (!js_is_heap(*slot)) return;
  void *p = js_heap(*slot);
  void *q = ori_compact_forward(p);
  if (q != p) *slot = js_from_heap(q);
}

static void update_ptr(OriVisitor *v, void **slot) {
  (void)v;
  if (*slot) *slot = ori_compact_forward(*slot);
}

static bool update_is_live(OriVisitor *v, JSValue *slot) {
  update_value(v, slot);
  return true;
}

static void ignore_holder(OriVisitor *v, void *obj) {
  (void)v;
  (void)obj;
}

// A recorded holder is re-traced if it lives: barrier-recorded ones may
// have died (young ones are recorded only when traced, so they live).
static bool holder_lives(const void *obj) {
  OriPage *pg = ori_page_of(obj);
  if (!pg || (pg->flags & ORI_PAGE_EVACUATE)) return false;
  return (pg->flags & ORI_PAGE_YOUNG) || ori_test(pg->mark, ori_bit(pg, obj));
}

// The recorded objects, each once: a big table re-traced a thousand
// times would cost more than the whole pause.
static void unique_objects(Vec *a) {
  if (a->n < 2) return;
  qsort(a->v, a->n, sizeof *a->v, ori_address_order);
  size_t n = 0;
  for (size_t i = 0; i < a->n; i++)
    if (!n || a->v[n - 1] != a->v[i]) a->v[n++] = a->v[i];
  a->n = n;
}

static void forward_list(void **list, size_t n) {
  for (size_t i = 0; i < n; i++) list[i] = ori_compact_forward(list[i]);
}

// Moved objects, and those of pinned candidates: every reference they
// hold may name a moved object.
static void trace_marked(const Vec *pages, OriVisitor *upd) {
  char *obj;
  for (size_t i = 0; i < pages->n; i++)
    for (OriObjects it = ori_objects(pages->v[i], true); (obj = ori_objects_next(&it));)
      ori_heap.layout->trace(obj, upd);
}

static void update_references(void) {
  OriVisitor upd = {.value = update_value, .ptr = update_ptr, .weak_holder = ignore_holder,
                    .is_live = update_is_live, .weak_refs = false,
                    .value_no_trace = update_value};
  trace_marked(&cx.targets, &upd);
  trace_marked(&cx.pinned, &upd);
  Vec *values = &cx.refs[ORI_STORE_VALUE], *ptrs = &cx.refs[ORI_STORE_POINTER];
  Vec *objects = &cx.refs[ORI_STORE_OBJECT];
  unique_objects(objects);
  for (size_t i = 0; i < values->n; i++)
    if (!ori_on_candidate(values->v[i])) update_value(&upd, values->v[i]);
  for (size_t i = 0; i < ptrs->n; i++)
    if (!ori_on_candidate(ptrs->v[i])) update_ptr(&upd, ptrs->v[i]);
  for (size_t i = 0; i < objects->n; i++)
    if (holder_lives(objects->v[i])) ori_heap.layout->trace(objects->v[i], &upd);
  ori_visit_roots(&upd);
  forward_list(ori_heap.dirty, ori_heap.ndirty);
  forward_list(ori_heap.fresh, ori_heap.nfresh);
}

static void end_recording(void) {
  ori_compacting = false;
  for (int k = 0; k < 3; k++) {
    // A huge list is not kept for the next cycle.
    if (cx.refs[k].cap > ((size_t)1 << 20)) {
      free(cx.refs[k].v);
      cx.refs[k] = (Vec){0};
    }
    cx.refs[k].n = 0;
  }
}

void ori_compact_evacuate(void) {
  // Pinned candidates dropped out (ori_compact_pin).
  size_t n = 0;
  cx.pinned.n = 0;
  for (size_t i = 0; i < cx.pages.n; i++) {
    OriPage *pg = cx.pages.v[i];
    if (pg->flags & ORI_PAGE_EVACUATE) {
      cx.pages.v[n++] = pg;
    } else {
      vec_push(&cx.pinned, pg);
    }
  }
  cx.pages.n = n;
  if (n && !take_targets()) {
    for (size_t i = 0; i < n; i++) ((OriPage *)cx.pages.v[i])->flags &= (uint8_t)~ORI_PAGE_EVACUATE;
    cx.pages.n = 0;
  }
  if (cx.pages.n) {
    OriSpaceState *sp = &ori_heap.space[ORI_OLD_SPACE];
    for (size_t i = 0; i < cx.targets.n; i++) {
      OriPage *tp = cx.targets.v[i];
      tp->next = sp->pages;
      sp->pages = tp;
      sp->committed += ORI_PAGE_SIZE;
    }
    copy_objects();
    update_references();
    cx.cycles++;
  }
  end_recording();
}

void ori_compact_release(void) {
  OriSpaceState *sp = &ori_heap.space[ORI_OLD_SPACE];
  if (!cx.pages.n) return;
  OriPage **link = &sp->pages;
  while (*link) {
    OriPage *pg = *link;
    if (pg->flags & ORI_PAGE_EVACUATE) {
      *link = pg->next;
      sp->committed -= ORI_PAGE_SIZE;
      ori_page_free(pg);
      cx.freed_pages++;
      continue;
    }
    link = &pg->next;
  }
  cx.pages.n = 0;
}

void ori_compact_report(void) {
  printf("Compaction: %u evacuations, %zu pages evacuated, %.1f MB moved\n", cx.cycles,
         cx.freed_pages, (double)cx.moved / (1 << 20));
}

#endif
