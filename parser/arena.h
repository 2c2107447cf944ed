/*
 * parser/arena.h — bump allocation for the AST, atoms and scopes.
 *
 * Invariants: everything allocated from an arena lives exactly as long as
 * the arena (prs_arena_free releases it all at once); nothing allocated
 * here is ever freed one by one. Memory is 8-byte aligned and zeroed.
 * Out of memory ends the process with a clean fatal message, never NULL.
 */
#ifndef JSVM_PARSER_ARENA_H
#define JSVM_PARSER_ARENA_H

#include <stddef.h>

typedef struct PrsArenaChunk PrsArenaChunk;

typedef struct PrsArena {
  PrsArenaChunk *chunk;   /* current chunk (a list through ->prev) */
  char *ptr, *limit;      /* free space in the current chunk */
  size_t total;           /* bytes reserved, for --print-ast statistics */
} PrsArena;

/* prs_arena_alloc: n zeroed bytes, 8-aligned. */
void *prs_arena_alloc(PrsArena *a, size_t n);

/* prs_arena_dup: a NUL-terminated copy of n bytes. */
char *prs_arena_dup(PrsArena *a, const char *s, size_t n);

/* prs_arena_free: release every chunk; the arena is empty afterwards. */
void prs_arena_free(PrsArena *a);

#endif
