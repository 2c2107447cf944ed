/*
 * parser/cst.c — symbol and field maps between tree-sitter and our enums.
 */
#include "parser/cst.h"

#include <stdlib.h>
#include <string.h>

// tree-sitter's symbol for ERROR nodes (ts_builtin_sym_error in its private
// headers): the largest TSSymbol.
#define SYM_ERROR ((TSSymbol)-1)

static const char *const cst_names[CST_COUNT] = {
    [CST_NONE] = "?",
    [CST_ERROR] = "ERROR",
#define PRS_CST(name) [CST_##name] = #name,
#define PRS_CST_TOKEN(id, text) [CST_T_##id] = text,
#include "parser/cst_kinds.def"
};

static const char *const field_names[FLD_COUNT] = {
    [FLD_NONE] = "",
#define PRS_CST_FIELD(name) [FLD_##name] = #name,
#include "parser/cst_kinds.def"
};

static uint16_t *kind_of_symbol;  // indexed by TSSymbol; see cst.h
const uint16_t *prs_cst_kind_table;
uint32_t prs_cst_symbol_count;
static uint8_t *op_of_symbol;     // indexed by TSSymbol
static uint8_t *field_of_id;      // indexed by TSFieldId
static uint32_t symbol_count, field_count;

// The maps are built once per process and never freed: they live as long
// as the grammar they describe.
static void *table(size_t n) {
  void *p = calloc(n ? n : 1, 1);
  if (!p) abort();  // at start-up, before anything could be reported
  return p;
}

// Several symbols can carry one name (aliases, and named vs anonymous
// tokens such as the keyword `import` and the node `import`), so every
// symbol is visited and matched on both its name and its namedness.
static void map_symbols(const TSLanguage *lang) {
  symbol_count = ts_language_symbol_count(lang);
  kind_of_symbol = table(symbol_count * sizeof *kind_of_symbol);
  op_of_symbol = table(symbol_count);
  for (uint32_t s = 0; s < symbol_count; s++) {
    const char *name = ts_language_symbol_name(lang, (TSSymbol)s);
    if (!name) continue;
    bool named = ts_language_symbol_type(lang, (TSSymbol)s) == TSSymbolTypeRegular;
    if (named) kind_of_symbol[s] = PRS_CST_NAMED;
    for (int k = CST_ERROR + 1; k < CST_COUNT; k++) {
      bool is_token = k > CST_ERROR && strcmp(cst_names[k], name) == 0;
      if (!is_token) continue;
      // Named kinds come before tokens in the enum: pick by namedness.
#define PRS_CST_TOKEN(id, text) (k == CST_T_##id) ||
      bool token_kind = (
#include "parser/cst_kinds.def"
          false);
      if (token_kind != named) {
        kind_of_symbol[s] |= (uint16_t)k;
        break;
      }
    }
    if (!named)
      for (int op = 1; op < PRS_OP_COUNT; op++)
        if (strcmp(prs_op_text[op], name) == 0) op_of_symbol[s] = (uint8_t)op;
  }
}

// Field ids are dense from 1; index 0 (no field) maps to FLD_NONE.
static void map_fields(const TSLanguage *lang) {
  field_count = ts_language_field_count(lang);
  field_of_id = table(field_count + 1);
  for (uint32_t f = 1; f <= field_count; f++) {
    const char *name = ts_language_field_name_for_id(lang, (TSFieldId)f);
    for (int k = 1; name && k < FLD_COUNT; k++)
      if (strcmp(field_names[k], name) == 0) field_of_id[f] = (uint8_t)k;
  }
}

// Idempotent: every prs_parse calls it, only the first does the work.
// (Not thread-safe the first time; jsvm parses on one thread.)
void prs_cst_init(void) {
  if (kind_of_symbol) return;
  const TSLanguage *lang = tree_sitter_javascript();
  map_symbols(lang);
  map_fields(lang);
  prs_cst_kind_table = kind_of_symbol;
  prs_cst_symbol_count = symbol_count;
}

PrsCstField prs_cst_field(TSFieldId field) {
  return field <= field_count ? (PrsCstField)field_of_id[field] : FLD_NONE;
}

PrsOp prs_cst_op(TSSymbol symbol) {
  return symbol < symbol_count ? (PrsOp)op_of_symbol[symbol] : PRS_OP_None;
}

const char *prs_cst_name(PrsCst kind) { return cst_names[kind]; }
