/*
 * parser/atom.c — string interning by chained hashing (see atom.h).
 */
#include "parser/atom.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// FNV-1a: identifiers are short, so a simple byte hash is the fastest.
static uint32_t hash_bytes(const char *s, uint32_t n) {
  uint32_t h = 2166136261u;
  for (uint32_t i = 0; i < n; i++) h = (h ^ (uint8_t)s[i]) * 16777619u;
  return h;
}

static PrsAtom **new_buckets(uint32_t size) {
  PrsAtom **b = calloc(size, sizeof *b);
  if (!b) {
    fputs("FATAL ERROR: out of memory in the parser\n", stderr);
    exit(70);
  }
  return b;
}

void prs_atoms_init(PrsAtoms *t, PrsArena *arena) {
  t->arena = arena;
  t->mask = 1023;
  t->count = 0;
  t->buckets = new_buckets(t->mask + 1);
}

void prs_atoms_free(PrsAtoms *t) {
  free(t->buckets);
  t->buckets = NULL;
}

// Double the table when it is as full as it has buckets (load factor 1).
static void grow(PrsAtoms *t) {
  uint32_t size = (t->mask + 1) * 2;
  PrsAtom **b = new_buckets(size);
  for (uint32_t i = 0; i <= t->mask; i++) {
    PrsAtom *a = t->buckets[i];
    while (a) {
      PrsAtom *next = a->next;
      a->next = b[a->hash & (size - 1)];
      b[a->hash & (size - 1)] = a;
      a = next;
    }
  }
  free(t->buckets);
  t->buckets = b;
  t->mask = size - 1;
}

PrsAtom *prs_atom(PrsAtoms *t, const char *s, uint32_t n) {
  uint32_t h = hash_bytes(s, n);
  for (PrsAtom *a = t->buckets[h & t->mask]; a; a = a->next)
    if (a->hash == h && a->len == n && memcmp(a->text, s, n) == 0) return a;
  if (t->count > t->mask) grow(t);
  PrsAtom *a = prs_arena_alloc(t->arena, sizeof(PrsAtom) + n + 1);
  a->hash = h;
  a->len = n;
  memcpy(a->text, s, n);
  a->next = t->buckets[h & t->mask];
  t->buckets[h & t->mask] = a;
  t->count++;
  return a;
}

bool prs_atom_is(const PrsAtom *a, const char *s) {
  return a && strlen(s) == a->len && memcmp(a->text, s, a->len) == 0;
}
