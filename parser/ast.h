/*
 * parser/ast.h — the AST built from tree-sitter's tree (see ast_nodes.def).
 *
 * Invariants:
 *  - Nodes live in the PrsAst's arena and die with it; they are never
 *    freed or shared between two ASTs.
 *  - Every node starts with PrsNode; a node of kind K is a PrsK (e.g. a
 *    PRS_Binary node is a PrsBinary), so casting by kind is safe.
 *  - Positions: start/end are byte offsets into the source; line and col
 *    are 1-based, col counted in bytes of UTF-8 from the start of the line.
 *  - Lists never contain NULL (array holes are PRS_Hole nodes).
 *  - An AST that prs_parse returned passed every early error: consumers
 *    (scope analysis, the bytecode generator) may rely on its validity.
 */
#ifndef JSVM_PARSER_AST_H
#define JSVM_PARSER_AST_H

#include <stddef.h>
#include <stdint.h>

#include "parser/atom.h"

typedef enum PrsKind {
#define PRS_NODE(kind, desc, fields) PRS_##kind,
#include "parser/ast_nodes.def"
  PRS_KIND_COUNT
} PrsKind;

/* Range markers so that groups of kinds are tested with two compares. */
#define PRS_FIRST_STATEMENT PRS_Block
#define PRS_LAST_STATEMENT PRS_Export
#define PRS_FIRST_PATTERN PRS_ObjectPattern
#define PRS_LAST_PATTERN PRS_Rest

/* Flag bits: PRS_FLAG_<Name> == 1u << index in ast_nodes.def. */
enum PrsFlagIndex {
#define PRS_FLAG(name) PRS_FLAGBIT_##name,
#include "parser/ast_nodes.def"
  PRS_FLAG_COUNT
};
enum PrsFlag {
#define PRS_FLAG(name) PRS_FLAG_##name = 1u << PRS_FLAGBIT_##name,
#include "parser/ast_nodes.def"
};

typedef enum PrsOp {
#define PRS_OP(name, text) PRS_OP_##name,
#include "parser/ast_nodes.def"
  PRS_OP_COUNT
} PrsOp;

typedef struct PrsScope PrsScope;
typedef struct PrsVar PrsVar;

/* The header of every node. */
typedef struct PrsNode {
  uint8_t kind;     /* PrsKind */
  uint8_t op;       /* PrsOp, for the kinds that have an operator */
  uint16_t unused;
  uint32_t flags;   /* PrsFlag bits */
  uint32_t start, end;
  uint32_t line, col;
} PrsNode;

typedef struct PrsList {
  PrsNode **items;
  uint32_t len;
} PrsList;

/* One struct per kind, generated: PrsBinary { PrsNode base; left; right }. */
#define PRS_F_NODE(name) PrsNode *name;
#define PRS_F_LIST(name) PrsList name;
#define PRS_F_ATOM(name) PrsAtom *name;
#define PRS_F_NUM(name) double name;
#define PRS_F_SCOPE(name) PrsScope *name;
#define PRS_F_VAR(name) PrsVar *name;
#define PRS_NODE(kind, desc, fields) \
  typedef struct Prs##kind {         \
    PrsNode base;                    \
    fields                           \
  } Prs##kind;
#include "parser/ast_nodes.def"

/* Field descriptors, for code that treats every node alike (printer,
 * generic walks). Generated from the same table. */
typedef enum PrsFieldKind {
  PRS_FIELD_NODE,
  PRS_FIELD_LIST,
  PRS_FIELD_ATOM,
  PRS_FIELD_NUM,
  PRS_FIELD_SCOPE,
  PRS_FIELD_VAR,
} PrsFieldKind;

typedef struct PrsField {
  const char *name;
  uint16_t kind;    /* PrsFieldKind */
  uint16_t offset;  /* from the start of the node */
} PrsField;

typedef struct PrsKindInfo {
  const char *name;         /* "Binary" */
  const char *description;
  /* the kind's fields, ending with an entry whose name is NULL */
  const PrsField *(*fields)(void);
  uint32_t size;            /* sizeof the node struct */
} PrsKindInfo;

extern const PrsKindInfo prs_kind_info[PRS_KIND_COUNT];
extern const char *const prs_flag_name[PRS_FLAG_COUNT];
extern const char *const prs_op_text[PRS_OP_COUNT];

/* Kind tests. */
#define PRS_IS(node, K) ((node) && (node)->kind == PRS_##K)
#define PRS_AS(node, K) ((Prs##K *)(node))
#define PRS_IS_STATEMENT(n) \
  ((n)->kind >= PRS_FIRST_STATEMENT && (n)->kind <= PRS_LAST_STATEMENT)
#define PRS_IS_PATTERN(n) \
  ((n)->kind >= PRS_FIRST_PATTERN && (n)->kind <= PRS_LAST_PATTERN)

#endif
