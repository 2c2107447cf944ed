/*
 * parser/atom.h — interned strings (identifiers, property keys, literals).
 *
 * Invariants: within one PrsAtoms table two atoms are equal iff their
 * pointers are equal, so names compare with ==. Atom text is WTF-8 (see
 * buf.h), NUL-terminated, and lives in the table's arena. The table is
 * per parse; the runtime re-interns atoms into its own heap strings.
 */
#ifndef JSVM_PARSER_ATOM_H
#define JSVM_PARSER_ATOM_H

#include <stdbool.h>
#include <stdint.h>

#include "parser/arena.h"

typedef struct PrsAtom {
  struct PrsAtom *next;   /* hash chain */
  uint32_t hash;
  uint32_t len;           /* bytes, not counting the NUL */
  uint16_t tag;           /* free for the owner: the lowering marks
                             reserved and contextual words here */
  char text[];
} PrsAtom;

typedef struct PrsAtoms {
  PrsArena *arena;
  PrsAtom **buckets;      /* malloc'd; size is a power of two */
  uint32_t mask;
  uint32_t count;
} PrsAtoms;

/* prs_atoms_init / prs_atoms_free: the table (atoms stay in the arena). */
void prs_atoms_init(PrsAtoms *t, PrsArena *arena);
void prs_atoms_free(PrsAtoms *t);

/* prs_atom: the unique atom for these n bytes. */
PrsAtom *prs_atom(PrsAtoms *t, const char *s, uint32_t n);

/* prs_atom_is: whether atom a spells the C string s. */
bool prs_atom_is(const PrsAtom *a, const char *s);

#endif
