/*
 * orinoco/new_space.c — the young generation's allocation: a bump
 * pointer through the active semispace's pages.
 *
 * Invariants:
 *  - space[ORI_NEW_SPACE].pages are the active semispace's pages, all
 *    flagged ORI_PAGE_YOUNG; the buffer [top, limit) is the tail of the
 *    last one. committed never exceeds capacity except transiently during
 *    a scavenge (the other semispace is built from fresh pages).
 *  - Every object allocated has its start bit set, so the space can be
 *    walked and interior pointers resolved.
 *  - capacity starts at 1 MB; scavenger.c's resize_semispace doubles it
 *    (up to --max-semi-space-size) when a scavenge finds more than half
 *    of it alive and pauses are short, and shrinks it (to 2 pages at
 *    least) when pauses overshoot their target.
 */
#include "orinoco/heap.h"

#ifndef JSVM_GC_BOEHM

void ori_new_space_init(void) {
  OriSpaceState *ns = &ori_heap.space[ORI_NEW_SPACE];
  ns->capacity = (size_t)1 << 20;
  if (ns->capacity > ori_heap.max_semi_bytes) ns->capacity = ori_heap.max_semi_bytes;
}

// A fresh page for the semispace, or NULL when the semispace is full.
static bool next_page(OriSpaceState *ns) {
  if (ns->committed + ORI_PAGE_SIZE > ns->capacity) return false;
  OriPage *pg = ori_page_new(ORI_NEW_SPACE, 1);
  if (!pg) return false;
  ori_page_set_young(pg, true);
  pg->next = ns->pages;
  ns->pages = pg;
  ns->committed += ORI_PAGE_SIZE;
  ns->top = pg->area;
  ns->limit = pg->end;
  ns->lab_page = pg;
  return true;
}

void *ori_new_space_alloc(size_t size) {
  OriSpaceState *ns = &ori_heap.space[ORI_NEW_SPACE];
  if ((size_t)(ns->limit - ns->top) < size) {
    if (!next_page(ns)) return NULL;
  }
  char *p = ns->top;
  ns->top += size;
  ns->size += size;
  OriPage *pg = ns->lab_page;
  ori_set(pg->start, ori_bit(pg, p));
  return p;
}

#endif
