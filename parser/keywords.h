/*
 * parser/keywords.h — reserved and contextual words, as atom tags.
 *
 * Invariants: prs_keywords_intern runs on every fresh atom table before
 * any name is interned, so that a name's category is a field read
 * (atom->tag) instead of string compares on the hot path.
 */
#ifndef JSVM_PARSER_KEYWORDS_H
#define JSVM_PARSER_KEYWORDS_H

#include "parser/atom.h"

typedef enum PrsKeyword {
  KW_NONE,
  KW_RESERVED,      /* break case ... with, enum, null, true, false */
  KW_STRICT,        /* implements interface package private protected public static */
  KW_LET,           /* strict-reserved, and never a lexically bound name */
  KW_YIELD,         /* strict-reserved; a keyword in generators */
  KW_AWAIT,         /* reserved in modules, async functions, static blocks */
  KW_EVAL,
  KW_ARGUMENTS,
  KW_CONSTRUCTOR,
  KW_PROTO,         /* __proto__ */
  KW_PROTOTYPE,
} PrsKeyword;

/* prs_keywords_intern: intern every word above into t and tag it. */
void prs_keywords_intern(PrsAtoms *t);

#endif
