/*
 * parser/cst.h — tree-sitter's concrete syntax tree, seen through dense
 * enums (cst_kinds.def) so the lowering never compares type names.
 *
 * Invariants: prs_cst_init runs once per process before any lookup (it is
 * idempotent and cheap); the tables are read-only afterwards, so parses
 * on several threads may share them.
 */
#ifndef JSVM_PARSER_CST_H
#define JSVM_PARSER_CST_H

#include <stdint.h>
#include <tree_sitter/api.h>

#include "parser/ast.h"

typedef enum PrsCst {
  CST_NONE,       /* a symbol the lowering does not know by name */
  CST_ERROR,      /* tree-sitter's ERROR node */
#define PRS_CST(name) CST_##name,
#define PRS_CST_TOKEN(id, text) CST_T_##id,
#include "parser/cst_kinds.def"
  CST_COUNT
} PrsCst;

typedef enum PrsCstField {
  FLD_NONE,
#define PRS_CST_FIELD(name) FLD_##name,
#include "parser/cst_kinds.def"
  FLD_COUNT
} PrsCstField;

/* The grammar (tree-sitter-javascript's generated language). */
const TSLanguage *tree_sitter_javascript(void);

/* prs_cst_init: build the symbol and field maps. */
void prs_cst_init(void);

/* prs_cst_kind: our kind for a node's symbol. */
PrsCst prs_cst_kind(TSSymbol symbol);

/* prs_cst_field: our field for a grammar field id. */
PrsCstField prs_cst_field(TSFieldId field);

/* prs_cst_op: the binary/assignment operator a token symbol spells, or
 * PRS_OP_None (the unary minus and plus are resolved by the caller). */
PrsOp prs_cst_op(TSSymbol symbol);

/* prs_cst_name: a kind's grammar name, for debugging output. */
const char *prs_cst_name(PrsCst kind);

#endif
