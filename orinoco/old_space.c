/*
 * orinoco/old_space.c — the paged spaces (old, code, map): allocation in
 * a linear buffer carved from free ranges, free lists by size, and the
 * sweeper, which runs lazily: a page marked by the last mark-compact is
 * swept when allocation needs room, or all at once before the next
 * collection.
 *
 * Invariants:
 *  - A free range is at least 16 bytes and holds an OriFree header; it is
 *    in the bucket floor(log2(size)). Free memory has no start bits.
 *  - The linear buffer [top, limit) is zeroed when carved, so objects come
 *    back zeroed as ori_alloc promises.
 *  - Unswept pages (ORI_PAGE_UNSWEPT) keep the last marking's mark bits;
 *    the sweeper clears them.
 */
#include <string.h>

#include "orinoco/heap.h"

#ifndef JSVM_GC_BOEHM

static unsigned bucket_of(size_t size) {
  unsigned b = 63u - (unsigned)__builtin_clzll(size);
  return b < ORI_FREE_BUCKETS ? b : ORI_FREE_BUCKETS - 1;
}

static void add_free(OriSpaceState *sp, char *p, size_t size) {
  if (size < sizeof(OriFree)) return;  // too small to hold: a lost gap
  OriFree *f = (OriFree *)p;
  unsigned b = bucket_of(size);
  f->size = size;
  f->next = sp->free[b];
  sp->free[b] = f;
}

// A free range of at least size bytes, unlinked, or NULL.
static OriFree *take_free(OriSpaceState *sp, size_t size) {
  // Any range of a higher bucket fits: take the head of the highest one
  // (constant time). The range becomes the linear buffer, so a large one
  // serves many allocations (promotion in a scavenge makes thousands)
  // before the next refill. Only then search the size's own bucket,
  // whose ranges may be too small, and only a few of them.
  unsigned own = bucket_of(size);
  for (unsigned b = ORI_FREE_BUCKETS - 1; b > own; b--) {
    OriFree *f = sp->free[b];
    if (f) {
      sp->free[b] = f->next;
      return f;
    }
  }
  int budget = 16;
  for (OriFree **pf = &sp->free[own]; *pf && budget-- > 0; pf = &(*pf)->next) {
    if ((*pf)->size >= size) {
      OriFree *f = *pf;
      *pf = f->next;
      return f;
    }
  }
  return NULL;
}

void ori_free_lists_clear(OriSpace space) {
  OriSpaceState *sp = &ori_heap.space[space];
  memset(sp->free, 0, sizeof sp->free);
  sp->top = sp->limit = NULL;
  sp->lab_page = NULL;
}

void ori_paged_give_back_lab(OriSpace space) {
  OriSpaceState *sp = &ori_heap.space[space];
  if (sp->top) add_free(sp, sp->top, (size_t)(sp->limit - sp->top));
  sp->top = sp->limit = NULL;
  sp->lab_page = NULL;
}

/* {==== Sweeping ====} */

static bool page_is_empty(const OriPage *pg) {
  for (size_t w = 0; w < ORI_BITMAP_WORDS; w++)
    if (pg->mark[w]) return false;
  return true;
}

// Free every unmarked object of pg: clear its start bit and put the gaps
// between live objects on the free list.
void ori_sweep_page(OriPage *pg) {
  OriSpaceState *sp = &ori_heap.space[pg->space];
  pg->flags &= (uint8_t)~ORI_PAGE_UNSWEPT;
  if (page_is_empty(pg)) {
    // Nothing marked: the page goes back (release_empty_pages); no free
    // ranges.
    pg->flags |= ORI_PAGE_EMPTY;
    memset(pg->start, 0, sizeof pg->start);
    memset(pg->dirty, 0, sizeof pg->dirty);
    pg->live = 0;
    return;
  }
  char *free_start = pg->area, *obj;
  size_t live = 0;
  for (OriObjects it = ori_objects(pg, false); (obj = ori_objects_next(&it));) {
    size_t i = ori_bit(pg, obj);
    if (!ori_test(pg->mark, i)) {
      ori_clear(pg->start, i);
      ori_clear(pg->dirty, i);
      continue;
    }
    if (obj > free_start) add_free(sp, free_start, (size_t)(obj - free_start));
    size_t size = ori_size_of(obj);
    live += size;
    free_start = obj + size;
  }
  if (pg->end > free_start) add_free(sp, free_start, (size_t)(pg->end - free_start));
  memset(pg->mark, 0, sizeof pg->mark);
  pg->live = live;
}

// Sweep one unswept page of the space; false when none is left.
static bool sweep_one(OriSpaceState *sp) {
  OriPage *pg = sp->unswept;
  if (!pg) return false;
  sp->unswept = pg->next_unswept;
  ori_sweep_page(pg);
  return true;
}

// Give back the pages a sweep found empty (they hold no free ranges).
static void release_empty_pages(OriSpaceState *sp) {
  OriPage **link = &sp->pages;
  while (*link) {
    OriPage *pg = *link;
    if ((pg->flags & ORI_PAGE_EMPTY) && pg != sp->lab_page) {
      *link = pg->next;
      sp->committed -= ORI_PAGE_SIZE;
      ori_page_free(pg);
      continue;
    }
    link = &pg->next;
  }
}

void ori_finish_sweeping(void) {
  for (int s = ORI_OLD_SPACE; s <= ORI_MAP_SPACE; s++) {
    OriSpaceState *sp = &ori_heap.space[s];
    while (sweep_one(sp)) {
    }
    release_empty_pages(sp);
  }
}

bool ori_sweep_step(size_t npages) {
  bool left = false;
  for (int s = ORI_OLD_SPACE; s <= ORI_CODE_SPACE; s++) {
    OriSpaceState *sp = &ori_heap.space[s];
    for (size_t i = 0; i < npages && sweep_one(sp); i++) {
    }
    release_empty_pages(sp);
    left |= sp->unswept != NULL;
  }
  return left;
}

void ori_sweep_space_now(OriSpace space) {
  OriSpaceState *sp = &ori_heap.space[space];
  while (sweep_one(sp)) {
  }
  release_empty_pages(sp);
}

/* {==== Allocation ====} */

static bool refill(OriSpaceState *sp, OriSpace space, size_t size) {
  ori_paged_give_back_lab(space);
  OriFree *f;
  // (A scavenge promoting objects takes a new page rather than sweep in
  // its pause: the mutator's allocation steps sweep the rest.)
  while (!(f = take_free(sp, size)))
    if (ori_heap.in_gc || !sweep_one(sp)) break;
  if (f) {
    sp->top = (char *)f;
    sp->limit = (char *)f + f->size;
    sp->lab_page = ori_page_of(f);
    memset(sp->top, 0, (size_t)(sp->limit - sp->top));
    return true;
  }
  if (size > ORI_PAGE_SIZE - ORI_AREA_OFFSET) return false;
  OriPage *pg = ori_page_new(space, 1);
  if (!pg) return false;
  pg->next = sp->pages;
  sp->pages = pg;
  sp->committed += ORI_PAGE_SIZE;
  sp->top = pg->area;
  sp->limit = pg->end;
  sp->lab_page = pg;
  return true;
}

void *ori_paged_alloc(OriSpace space, size_t size) {
  OriSpaceState *sp = &ori_heap.space[space];
  if ((size_t)(sp->limit - sp->top) < size && !refill(sp, space, size)) return NULL;
  char *p = sp->top;
  sp->top += size;
  sp->size += size;
  OriPage *pg = sp->lab_page;
  ori_set(pg->start, ori_bit(pg, p));
  pg->live += size;  // (the compactor's estimate of how full pg is)
  return p;
}

#endif
