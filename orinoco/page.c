/*
 * orinoco/page.c — the heap's address space: one reservation, cut into
 * 256 KB pages, a page table from page number to run head, and the
 * search from an interior pointer to its object.
 *
 * Invariants:
 *  - The reservation is mapped once (no commit charge: MAP_NORESERVE);
 *    the kernel provides zeroed memory on first touch. A freed run is
 *    either kept in a small cache (zeroed again when reused, cheaper than
 *    faulting fresh memory in) or released with MADV_DONTNEED.
 *  - table[i] is the head of the run holding page i, or NULL when page i
 *    is free.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "orinoco/heap.h"

#ifndef JSVM_GC_BOEHM

uintptr_t ori_heap_base, ori_heap_end;
uint8_t *ori_young_map;

static struct {
  OriPage **table;           /* page number -> run head */
  size_t npages;             /* pages in the reservation */
  size_t high;               /* pages below this have been used */
  OriPage **cache;           /* freed single pages kept for reuse */
  size_t ncache, cap_cache;
  size_t committed;          /* bytes in live runs */
} pages;

void ori_pages_init(size_t reserve) {
  reserve = (reserve + ORI_PAGE_SIZE - 1) & ~(ORI_PAGE_SIZE - 1);
  // Over-reserve by a page to align the start.
  char *p = mmap(NULL, reserve + ORI_PAGE_SIZE, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED) {
    fprintf(stderr, "FATAL ERROR: cannot reserve the heap's address space\n");
    exit(134);
  }
  uintptr_t base = ((uintptr_t)p + ORI_PAGE_SIZE - 1) & ~(uintptr_t)(ORI_PAGE_SIZE - 1);
  ori_heap_base = base;
  ori_heap_end = base + reserve;
  pages.npages = reserve / ORI_PAGE_SIZE;
  pages.table = calloc(pages.npages, sizeof *pages.table);
  ori_young_map = calloc(pages.npages, 1);
  pages.cap_cache = 256;
  pages.cache = malloc(pages.cap_cache * sizeof *pages.cache);
  if (!pages.table || !pages.cache || !ori_young_map) ori_fatal_heap_limit();
  ori_slots_init(pages.npages);
}

// The table entry of a cached page: taken for first fit, not a page for
// ori_page_of.
static OriPage cached_marker;

static size_t page_index(const void *p) {
  return ((uintptr_t)p - ori_heap_base) >> ORI_PAGE_BITS;
}

OriPage *ori_page_of(const void *p) {
  uintptr_t a = (uintptr_t)p;
  if (a < ori_heap_base || a >= ori_heap_end) return NULL;
  OriPage *pg = pages.table[page_index(p)];
  return pg == &cached_marker ? NULL : pg;
}

// A run of n free pages: from the cache for single pages, else past the
// high-water mark, else the first fit among freed pages.
static char *find_run(uint32_t n) {
  if (n == 1 && pages.ncache) return (char *)pages.cache[--pages.ncache];
  if (pages.high + n <= pages.npages) {
    char *p = (char *)ori_heap_base + pages.high * ORI_PAGE_SIZE;
    pages.high += n;
    return p;
  }
  size_t run = 0;
  for (size_t i = 0; i < pages.high; i++) {
    run = pages.table[i] ? 0 : run + 1;
    if (run == n) return (char *)ori_heap_base + (i + 1 - n) * ORI_PAGE_SIZE;
  }
  return NULL;
}

OriPage *ori_page_new(OriSpace space, uint32_t n) {
  char *p = find_run(n);
  if (!p) return NULL;
  OriPage *pg = (OriPage *)p;
  bool recycled = pg->npages != 0;  // cached pages keep their old header
  if (recycled) memset(p, 0, ORI_PAGE_SIZE);
  pg->space = (uint8_t)space;
  pg->npages = n;
  pg->area = p + ORI_AREA_OFFSET;
  pg->end = p + (size_t)n * ORI_PAGE_SIZE;
  size_t first = page_index(p);
  for (uint32_t i = 0; i < n; i++) pages.table[first + i] = pg;
  ori_slots_clear_range(p, (size_t)n * ORI_PAGE_SIZE);
  pages.committed += (size_t)n * ORI_PAGE_SIZE;
  return pg;
}

void ori_page_set_young(OriPage *pg, bool young) {
  if (young) {
    pg->flags |= ORI_PAGE_YOUNG;
  } else {
    pg->flags &= (uint8_t)~ORI_PAGE_YOUNG;
  }
  ori_young_map[page_index(pg)] = young;
}

void ori_page_free(OriPage *pg) {
  size_t first = page_index(pg);
  ori_young_map[first] = 0;
  uint32_t n = pg->npages;
  for (uint32_t i = 0; i < n; i++) pages.table[first + i] = NULL;
  ori_slots_clear_range(pg, (size_t)n * ORI_PAGE_SIZE);
  pages.committed -= (size_t)n * ORI_PAGE_SIZE;
  size_t max_cache = 2 * ori_heap.max_semi_bytes / ORI_PAGE_SIZE + 64;
  if (n == 1 && pages.ncache < max_cache) {
    if (pages.ncache == pages.cap_cache) {
      pages.cap_cache *= 2;
      pages.cache = realloc(pages.cache, pages.cap_cache * sizeof *pages.cache);
      if (!pages.cache) ori_fatal_heap_limit();
    }
    pages.cache[pages.ncache++] = pg;  // header kept: npages != 0 marks it
    pages.table[first] = &cached_marker;
    return;
  }
  madvise(pg, (size_t)n * ORI_PAGE_SIZE, MADV_DONTNEED);
}

void ori_page_reset(OriPage *pg, OriSpace space) {
  memset(pg->start, 0, sizeof pg->start);
  memset(pg->mark, 0, sizeof pg->mark);
  memset(pg->dirty, 0, sizeof pg->dirty);
  ori_slots_clear_range(pg, (size_t)pg->npages * ORI_PAGE_SIZE);
  memset(pg->area, 0, (size_t)(pg->end - pg->area));
  pg->flags = 0;
  pg->space = (uint8_t)space;
  pg->live = 0;
}

size_t ori_pages_committed(void) { return pages.committed; }

int ori_address_order(const void *a, const void *b) {
  uintptr_t x = *(const uintptr_t *)a, y = *(const uintptr_t *)b;
  return (x > y) - (x < y);
}

// The highest set bit at or below index i of bm, or SIZE_MAX.
static size_t bit_at_or_below(const uint64_t *bm, size_t i) {
  size_t w = i >> 6;
  uint64_t word = bm[w] & (~0ull >> (63 - (i & 63)));
  for (;;) {
    if (word) return (w << 6) + 63 - (size_t)__builtin_clzll(word);
    if (w == 0) return SIZE_MAX;
    word = bm[--w];
  }
}

void *ori_object_at(const void *p) {
  OriPage *pg = ori_page_of(p);
  if (!pg || (const char *)p < pg->area) return NULL;
  if (pg->flags & ORI_PAGE_LARGE) {
    char *obj = pg->area;
    return ori_test(pg->start, ori_bit(pg, obj)) && (const char *)p < pg->end ? obj : NULL;
  }
  size_t bit = ori_bit(pg, p);
  // On a page marked but not swept yet, only marked objects are alive.
  bool unswept = pg->flags & ORI_PAGE_UNSWEPT;
  // Most candidates point at an object's start: one bit test.
  if (((uintptr_t)p & 7) == 0 && ori_test(pg->start, bit))
    return !unswept || ori_test(pg->mark, bit) ? (void *)p : NULL;
  size_t i = bit_at_or_below(pg->start, bit);
  if (i == SIZE_MAX) return NULL;
  char *obj = (char *)pg + i * 8;
  if (obj < pg->area || (unswept && !ori_test(pg->mark, i))) return NULL;
  // A start bit names a live object, so its size can be read; p must
  // fall inside it (it may be in a free gap after it).
  return (const char *)p < obj + ori_size_of(obj) ? obj : NULL;
}

#endif
