/*
 * parser/parser.h — the front end: source text to a checked AST.
 *
 * Invariants:
 *  - prs_parse either returns an AST that passed every early error of
 *    ECMA-262 for its goal (script or module), with scopes analysed, or
 *    returns NULL with *err describing the first SyntaxError in source
 *    order of discovery. It never crashes on any input: invalid UTF-8,
 *    binary data and absurd nesting all end in one of those two outcomes.
 *  - The AST borrows nothing from the caller: source text that the AST
 *    needs (names, strings) is copied into its arena, so the caller may
 *    free the source right after prs_parse returns.
 *  - Nothing here touches the JS heap; the parser runs before the runtime.
 *
 * Callers must never: use nodes after prs_free; assume the tree-sitter
 * tree is alive (it is gone once prs_parse returns); call prs_parse on a
 * small stack. The front end recurses once per nesting level and accepts
 * up to LOWER_MAX_DEPTH (200,000) levels, which needs about 1.5 KB of
 * stack per level: run it on a thread with a large stack, as bin/jsvm.c
 * does (1 GB reserved; the kernel commits only what is touched).
 */
#ifndef JSVM_PARSER_H
#define JSVM_PARSER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "parser/arena.h"
#include "parser/ast.h"
#include "parser/atom.h"

typedef struct PrsOptions {
  bool module;          /* goal symbol Module (implies strict) */
  bool strict;          /* script starts in strict mode (--use-strict) */
  bool eval;            /* eval code: its lexical declarations (and, when
                           strict, its vars) are local to it */
  bool eval_new_target; /* eval code inside a function: new.target allowed */
  bool eval_super;      /* eval code inside a method: super.x allowed */
} PrsOptions;

typedef struct PrsSyntaxError {
  uint32_t offset;      /* byte offset of the fault */
  uint32_t line, col;   /* 1-based; col in characters of the line */
  char message[256];    /* without the "SyntaxError: " prefix */
} PrsSyntaxError;

typedef struct PrsAst {
  PrsArena arena;       /* owns every node, atom and scope */
  PrsAtoms atoms;
  PrsNode *root;        /* PRS_Script or PRS_Module */
  uint32_t node_count;
  size_t source_len;
} PrsAst;

/* prs_parse: parse and check len bytes of UTF-8 source. */
PrsAst *prs_parse(const char *source, size_t len, const PrsOptions *opt,
                  PrsSyntaxError *err);

/* prs_free: release an AST and everything in it. NULL is allowed. */
void prs_free(PrsAst *ast);

/* prs_print_ast: the readable dump used by --print-ast and golden tests. */
void prs_print_ast(FILE *out, const PrsAst *ast);

/* prs_print_error: node's format: "file:line:col", the source line, a
 * caret under the column, then "SyntaxError: message". */
void prs_print_error(FILE *out, const char *filename, const char *source,
                     size_t len, const PrsSyntaxError *err);

/* prs_print_cst: tree-sitter's own tree, for debugging the lowering. */
void prs_print_cst(FILE *out, const char *source, size_t len);

#endif
