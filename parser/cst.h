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

/* The maps, read inline on the lowering's hot path. Entry s of
 * prs_cst_kind_table is PrsCst of symbol s, with PRS_CST_NAMED or'ed in
 * when the symbol is a named node (not an anonymous token). */
#define PRS_CST_NAMED 0x8000u
extern const uint16_t *prs_cst_kind_table;
extern uint32_t prs_cst_symbol_count;

/* prs_cst_kind: our kind for a node's symbol. */
static inline PrsCst prs_cst_kind(TSSymbol symbol) {
  if (symbol >= prs_cst_symbol_count) return symbol == (TSSymbol)-1 ? CST_ERROR : CST_NONE;
  return (PrsCst)(prs_cst_kind_table[symbol] & ~PRS_CST_NAMED);
}

/* prs_cst_named: whether a symbol is a named node. */
static inline bool prs_cst_named(TSSymbol symbol) {
  return symbol < prs_cst_symbol_count && (prs_cst_kind_table[symbol] & PRS_CST_NAMED);
}

/* prs_cst_field: our field for a grammar field id. */
PrsCstField prs_cst_field(TSFieldId field);

/* prs_cst_op: the binary/assignment operator a token symbol spells, or
 * PRS_OP_None (the unary minus and plus are resolved by the caller). */
PrsOp prs_cst_op(TSSymbol symbol);

/* prs_cst_name: a kind's grammar name, for debugging output. */
const char *prs_cst_name(PrsCst kind);

#endif
