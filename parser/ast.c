/*
 * parser/ast.c — the tables derived from ast_nodes.def.
 */
#include "parser/ast.h"

// A field macro cannot name the struct it belongs to, so each kind's field
// array lives in a small function where the typedef `Self` names it; the
// arrays are static and constant-initialized, so the call costs nothing.
#define PRS_F_NODE(n) {#n, PRS_FIELD_NODE, (uint16_t)offsetof(Self, n)},
#define PRS_F_LIST(n) {#n, PRS_FIELD_LIST, (uint16_t)offsetof(Self, n)},
#define PRS_F_ATOM(n) {#n, PRS_FIELD_ATOM, (uint16_t)offsetof(Self, n)},
#define PRS_F_NUM(n) {#n, PRS_FIELD_NUM, (uint16_t)offsetof(Self, n)},
#define PRS_F_SCOPE(n) {#n, PRS_FIELD_SCOPE, (uint16_t)offsetof(Self, n)},
#define PRS_F_VAR(n) {#n, PRS_FIELD_VAR, (uint16_t)offsetof(Self, n)},
#define PRS_NODE(K, desc, fields)                              \
  static const PrsField *fields_of_##K(void) {                 \
    typedef Prs##K Self __attribute__((unused));               \
    static const PrsField f[] = {fields{NULL, 0, 0}};          \
    return f;                                                  \
  }
#include "parser/ast_nodes.def"

const PrsKindInfo prs_kind_info[PRS_KIND_COUNT] = {
#define PRS_NODE(K, desc, fields) {#K, desc, fields_of_##K, sizeof(Prs##K)},
#include "parser/ast_nodes.def"
};

const char *const prs_flag_name[PRS_FLAG_COUNT] = {
#define PRS_FLAG(name) #name,
#include "parser/ast_nodes.def"
};

const char *const prs_op_text[PRS_OP_COUNT] = {
#define PRS_OP(name, text) text,
#include "parser/ast_nodes.def"
};
