/*
 * parser/atom.c — string interning by chained hashing (see atom.h).
 */
#include "parser/atom.h"

#include <string.h>

// Eight bytes a step, each folded in by a multiply and a shift (a
// byte-at-a-time FNV showed up in profiles of large files).
static uint32_t hash_bytes(const char *s, uint32_t n) {
  uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
  uint32_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    memcpy(&w, s + i, 8);
    h = (h ^ w) * 0xFF51AFD7ED558CCDull;
    h ^= h >> 32;
  }
  uint64_t tail = 0;
  memcpy(&tail, s + i, n - i);
  h = (h ^ tail) * 0xC4CEB9FE1A85EC53ull;
  h ^= h >> 29;
  return (uint32_t)h;
}

// Bucket arrays live in the arena too: outgrown ones are simply left
// there (their sizes sum to less than the final array), which is cheaper
// than freeing big blocks back to malloc in the middle of a parse.
static PrsAtom **new_buckets(PrsAtoms *t, uint32_t size) {
  return prs_arena_alloc(t->arena, size * sizeof(PrsAtom *));
}

void prs_atoms_init(PrsAtoms *t, PrsArena *arena) {
  t->arena = arena;
  t->mask = 1023;
  t->count = 0;
  t->buckets = new_buckets(t, t->mask + 1);
}

void prs_atoms_free(PrsAtoms *t) {
  t->buckets = NULL;  // the arena owns the memory
}

// Double the table when it is as full as it has buckets (load factor 1).
static void grow(PrsAtoms *t) {
  uint32_t size = (t->mask + 1) * 2;
  PrsAtom **b = new_buckets(t, size);
  for (uint32_t i = 0; i <= t->mask; i++) {
    PrsAtom *a = t->buckets[i];
    while (a) {
      PrsAtom *next = a->next;
      a->next = b[a->hash & (size - 1)];
      b[a->hash & (size - 1)] = a;
      a = next;
    }
  }
  t->buckets = b;
  t->mask = size - 1;
}

// Lookup first; on a miss the atom is copied into the arena (so callers may
// pass pointers into transient buffers) and pushed on its chain.
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

// For the rare checks against a fixed spelling ("eval", "default"); hot
// paths compare atom pointers or tags instead.
bool prs_atom_is(const PrsAtom *a, const char *s) {
  return a && strlen(s) == a->len && memcmp(a->text, s, a->len) == 0;
}
