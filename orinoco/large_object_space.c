/*
 * orinoco/large_object_space.c — objects too big for a page: each gets a
 * run of pages of its own, is never moved, and is freed whole by the
 * mark-compact's sweep.
 *
 * Invariants:
 *  - A large object starts at its run's area and its start bit is set;
 *    its mark bit is the run head's.
 *  - Large objects belong to the old generation: they are recorded as
 *    fresh when allocated (orinoco.h's invariant (a)).
 */
#include "orinoco/heap.h"

#ifndef JSVM_GC_BOEHM

void *ori_lo_alloc(size_t size) {
  size_t total = ORI_AREA_OFFSET + size;
  uint32_t n = (uint32_t)((total + ORI_PAGE_SIZE - 1) / ORI_PAGE_SIZE);
  OriPage *pg = ori_page_new(ORI_LO_SPACE, n);
  if (!pg) return NULL;
  OriSpaceState *lo = &ori_heap.space[ORI_LO_SPACE];
  pg->flags = ORI_PAGE_LARGE;
  pg->end = pg->area + size;
  pg->next = lo->pages;
  lo->pages = pg;
  lo->size += size;
  lo->committed += (size_t)n * ORI_PAGE_SIZE;
  ori_set(pg->start, ori_bit(pg, pg->area));
  return pg->area;
}

void ori_lo_sweep(void) {
  OriSpaceState *lo = &ori_heap.space[ORI_LO_SPACE];
  OriPage **link = &lo->pages;
  lo->size = 0;
  while (*link) {
    OriPage *pg = *link;
    size_t bit = ori_bit(pg, pg->area);
    if (ori_test(pg->mark, bit)) {
      ori_clear(pg->mark, bit);
      lo->size += (size_t)(pg->end - pg->area);
      link = &pg->next;
      continue;
    }
    *link = pg->next;
    lo->committed -= (size_t)pg->npages * ORI_PAGE_SIZE;
    ori_page_free(pg);
  }
}

#endif
