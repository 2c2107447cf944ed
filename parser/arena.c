/*
 * parser/arena.c — bump allocator (see arena.h).
 */
#include "parser/arena.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

// A chunk is one mapping: this header, then the bump area. Chunks form a
// list from the newest back (prev), which is all prs_arena_free needs.
struct PrsArenaChunk {
  PrsArenaChunk *prev;
  size_t size;      // of the whole mapping, header included (for munmap)
  // data follows, 8-aligned because the header is two words
};

// Chunks come straight from mmap: they are zero-filled for free, and
// returning them does not make malloc consolidate the heap that
// tree-sitter has just churned through (which calloc/free chunks did).
enum { CHUNK_SIZE = 1024 * 1024 };

// Start a new chunk with room for at least `need` bytes; the rest of the
// current chunk is abandoned (nodes are small, so little is lost), and an
// oversized request gets a chunk of its own size.
static void *fresh_chunk(PrsArena *a, size_t need) {
  size_t size = need + sizeof(PrsArenaChunk) > CHUNK_SIZE
                    ? need + sizeof(PrsArenaChunk)
                    : CHUNK_SIZE;
  PrsArenaChunk *c = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (c == MAP_FAILED) {
    fputs("FATAL ERROR: out of memory in the parser\n", stderr);
    exit(70);
  }
  c->prev = a->chunk;
  c->size = size;
  a->chunk = c;
  a->total += size;
  a->ptr = (char *)(c + 1);
  a->limit = (char *)c + size;
  return a->ptr;
}

void *prs_arena_alloc(PrsArena *a, size_t n) {
  // Round up so that every allocation stays 8-aligned: node structs hold
  // pointers and doubles.
  n = (n + 7) & ~(size_t)7;
  if ((size_t)(a->limit - a->ptr) < n) fresh_chunk(a, n);
  void *p = a->ptr;
  a->ptr += n;
  return p;
}

char *prs_arena_dup(PrsArena *a, const char *s, size_t n) {
  char *p = prs_arena_alloc(a, n + 1);
  memcpy(p, s, n);
  return p;  // already NUL-terminated: arena memory is zeroed
}

void prs_arena_free(PrsArena *a) {
  PrsArenaChunk *c = a->chunk;
  while (c) {
    PrsArenaChunk *prev = c->prev;
    munmap(c, c->size);
    c = prev;
  }
  a->chunk = NULL;
  a->ptr = a->limit = NULL;
  a->total = 0;
}
