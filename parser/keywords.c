/*
 * parser/keywords.c — the word lists of ECMA-262 §12.7.2 (reserved words)
 * and the contextual names the early errors single out.
 */
#include "parser/keywords.h"

#include <string.h>

static const char *const reserved[] = {
    "await", "break", "case", "catch", "class", "const", "continue",
    "debugger", "default", "delete", "do", "else", "enum", "export",
    "extends", "false", "finally", "for", "function", "if", "import", "in",
    "instanceof", "new", "null", "return", "super", "switch", "this",
    "throw", "true", "try", "typeof", "var", "void", "while", "with",
    "yield", NULL};

static const char *const strict_reserved[] = {
    "implements", "interface", "package", "private", "protected", "public",
    "static", NULL};

// Interning the words first means that when the source later names one,
// prs_atom finds this atom and its tag comes for free.
static void tag_all(PrsAtoms *t, const char *const *words, PrsKeyword tag) {
  for (; *words; words++)
    prs_atom(t, *words, (uint32_t)strlen(*words))->tag = (uint16_t)tag;
}

static void tag(PrsAtoms *t, const char *word, PrsKeyword kw) {
  prs_atom(t, word, (uint32_t)strlen(word))->tag = (uint16_t)kw;
}

void prs_keywords_intern(PrsAtoms *t) {
  tag_all(t, reserved, KW_RESERVED);
  tag_all(t, strict_reserved, KW_STRICT);
  // await and yield are only sometimes reserved: they get their own tags
  // (overriding KW_RESERVED above) and the context decides.
  tag(t, "await", KW_AWAIT);
  tag(t, "yield", KW_YIELD);
  tag(t, "let", KW_LET);
  tag(t, "eval", KW_EVAL);
  tag(t, "arguments", KW_ARGUMENTS);
  tag(t, "constructor", KW_CONSTRUCTOR);
  tag(t, "__proto__", KW_PROTO);
  tag(t, "prototype", KW_PROTOTYPE);
}
