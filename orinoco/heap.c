/*
 * orinoco/heap.c — allocation before the collector exists: bump pointer
 * in 1 MB chunks, large objects in their own mapping, nothing reclaimed.
 * The limit (--max-old-space-size) is enforced so that runaway programs
 * end with node's fatal message rather than exhausting the machine.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "orinoco/orinoco.h"

#define CHUNK_SIZE (1u << 20)
#define LARGE_OBJECT (CHUNK_SIZE / 4)

static struct {
  char *top, *limit;          // the current chunk's free range
  size_t allocated;           // bytes handed out
  size_t max_bytes;           // the heap limit
  JSValue **roots;            // registered handles
  size_t nroots, cap_roots;
} heap;

void ori_init(const OriConfig *config) {
  size_t mb = config && config->max_old_space_mb ? config->max_old_space_mb : 4096;
  heap.max_bytes = mb << 20;
}

// Node prints this and aborts; we exit non-zero the same way, after
// flushing what the program already wrote.
static void fatal_heap_limit(void) {
  fflush(stdout);
  fprintf(stderr,
          "\n<--- Last few GCs --->\n\nFATAL ERROR: Reached heap limit "
          "Allocation failed - JavaScript heap out of memory\n");
  _exit(134);
}

static void *map_pages(size_t size) {
  void *p = mmap(NULL, size, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  return p == MAP_FAILED ? NULL : p;
}

void *ori_try_alloc(size_t size) {
  size = (size + 7) & ~(size_t)7;
  if (heap.max_bytes == 0) ori_init(NULL);
  if (heap.allocated + size > heap.max_bytes) return NULL;
  if (size >= LARGE_OBJECT) {
    // A large object gets its own zeroed mapping (never moved).
    void *p = map_pages(size);
    if (p) heap.allocated += size;
    return p;
  }
  if ((size_t)(heap.limit - heap.top) < size) {
    char *chunk = map_pages(CHUNK_SIZE);
    if (!chunk) return NULL;
    heap.top = chunk;
    heap.limit = chunk + CHUNK_SIZE;
  }
  // Fresh mappings are zero-filled and nothing is reused, so no memset.
  void *p = heap.top;
  heap.top += size;
  heap.allocated += size;
  return p;
}

void *ori_alloc(size_t size) {
  void *p = ori_try_alloc(size);
  if (!p) fatal_heap_limit();
  return p;
}

void *ori_alloc_in(OriSpace space, size_t size) {
  (void)space;  // one space until the collector splits them
  return ori_alloc(size);
}

void ori_add_root(JSValue *slot) {
  if (heap.nroots == heap.cap_roots) {
    heap.cap_roots = heap.cap_roots ? heap.cap_roots * 2 : 64;
    heap.roots = realloc(heap.roots, heap.cap_roots * sizeof *heap.roots);
    if (!heap.roots) fatal_heap_limit();
  }
  heap.roots[heap.nroots++] = slot;
}

void ori_remove_root(JSValue *slot) {
  for (size_t i = heap.nroots; i-- > 0;) {
    if (heap.roots[i] == slot) {
      heap.roots[i] = heap.roots[--heap.nroots];
      return;
    }
  }
}

size_t ori_bytes_allocated(void) { return heap.allocated; }
