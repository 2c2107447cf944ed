/*
 * parser/arena.c — bump allocator (see arena.h).
 */
#include "parser/arena.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

struct PrsArenaChunk {
  PrsArenaChunk *prev;
  size_t size;
  // data follows, 8-aligned because the header is two words
};

// Chunks come straight from mmap: they are zero-filled for free, and
// returning them does not make malloc consolidate the heap that
// tree-sitter has just churned through (which calloc/free chunks did).
enum { CHUNK_SIZE = 1024 * 1024 };

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
