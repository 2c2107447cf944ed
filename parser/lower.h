/*
 * parser/lower.h — shared state of the CST-to-AST lowering (internal to
 * parser/; not part of the module's public API).
 *
 * Invariants:
 *  - The lowering walks tree-sitter's tree once, top-down, and builds the
 *    AST bottom-up; each lower_* function returns a complete node.
 *  - Children are gathered with one TreeCursor pass per node onto a shared
 *    stack (Lower.kids), so walking a node with n children is O(n): random
 *    access through ts_node_child would be O(n^2) on long lists.
 *    Kids are addressed by index, never by pointer, because nested calls
 *    may grow (reallocate) the stack.
 *  - The first SyntaxError aborts the whole lowering with longjmp to
 *    prs_parse; everything allocated lives in the arena or in Lower and is
 *    released there, so an abort leaks nothing.
 *  - Context that early errors need (strictness, function kind, labels,
 *    loop nesting) lives in the Func chain, one per function being lowered.
 */
#ifndef JSVM_PARSER_LOWER_H
#define JSVM_PARSER_LOWER_H

#include <setjmp.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "parser/buf.h"
#include "parser/cst.h"
#include "parser/keywords.h"
#include "parser/parser.h"

/* One child of a CST node: the node, its kind and the field it fills. */
typedef struct Kid {
  TSNode node;
  uint8_t kind;   /* PrsCst */
  uint8_t field;  /* PrsCstField */
  bool named;     /* a named node, not an anonymous token */
} Kid;

/* is_token: whether a gathered child is an anonymous token (punctuation,
 * keywords) rather than a named node. */
static inline bool is_token(const Kid *k) { return !k->named; }

/* A label in scope: `name:` on a statement, and whether it is a loop
 * (only loop labels are valid `continue` targets). */
typedef struct Label {
  PrsAtom *name;
  bool loop;
  struct Label *outer;
} Label;

/* Per-function context. Arrows get their own Func but inherit what the
 * spec makes lexical (super, new.target, arguments-in-field rules). */
typedef struct Func {
  struct Func *outer;
  bool is_function;       /* false at script/module top level */
  bool strict;
  bool is_async, is_generator;
  bool in_params;         /* lowering this function's parameter list */
  bool super_property;    /* super.x allowed (methods, fields, their arrows) */
  bool super_call;        /* super() allowed (derived constructors) */
  bool new_target;        /* new.target allowed */
  bool class_field;       /* field initializer: `arguments` forbidden */
  bool static_block;      /* class static block: await forbidden */
  uint32_t loop_depth;    /* enclosing loops, for bare continue */
  uint32_t breakable;     /* enclosing loops and switches, for bare break */
  Label *labels;
} Func;

/* The private names a class body declares, for checking references
 * (which may come before the declaration, so a body is pre-scanned). */
typedef struct PrivateEnv {
  struct PrivateEnv *outer;
  PrsAtom **names;
  uint32_t count;
} PrivateEnv;

/* The fielded children of the node lower_field last looked at. */
#define FIELD_CACHE_SIZE 8
typedef struct FieldCache {
  const void *node;       /* TSNode.id of the cached node */
  uint32_t start;         /* and its start byte (ids are subtree pointers) */
  uint32_t count;
  bool complete;          /* false: the node has more fields than fit */
  uint8_t field[FIELD_CACHE_SIZE];
  TSNode nodes[FIELD_CACHE_SIZE];
} FieldCache;

/* An import-attributes clause tree-sitter could not parse (see
 * lower_patch_attributes): the text [with_start, end) follows the module
 * specifier string that ends at source_end. */
typedef struct AttrPatch {
  uint32_t source_end;
  uint32_t with_start;
  uint32_t brace;       /* offset of the `{` */
  uint32_t end;         /* just past the `}` */
} AttrPatch;

typedef struct Lower {
  PrsAst *ast;
  const char *src;
  uint32_t len;
  bool module;
  bool eval;              /* PrsOptions.eval */
  TSTreeCursor cursor;
  FieldCache fields;      /* see lower_field */
  Kid *kids;              /* stack of gathered children (see invariants) */
  uint32_t nkids, kids_cap;
  PrsBuf buf;             /* scratch for literal decoding */
  PrsSyntaxError *err;
  jmp_buf fail;
  uint32_t depth;         /* recursion depth, bounded by LOWER_MAX_DEPTH */
  Func *fn;
  Func top;
  PrivateEnv *privates;   /* innermost class body being lowered */
  bool module_item;       /* lowering a statement of the module's body */
  bool script_top;        /* lowering a statement of a script's body */
  bool case_clause;       /* lowering a statement of a case clause */
  const void *await_call; /* a call `await(...)` that is really `await (...)` */
  AttrPatch *patches;     /* attribute clauses blanked out for tree-sitter */
  uint32_t npatches;
  TSTree *tree;           /* the tree being lowered (freed by prs_parse) */
  char *ts_source;        /* the text tree-sitter parsed, if not the source */
  bool ok;                /* the lowering and scope analysis completed */
} Lower;

/* Nesting beyond this is reported as a SyntaxError rather than risking
 * the C stack (the parser runs on a large thread stack; see bin/). */
#define LOWER_MAX_DEPTH 200000

/* {==== lower.c: plumbing ====} */

/* lower_error: report a SyntaxError at node n (printf-style) and abort. */
_Noreturn void lower_error(Lower *L, TSNode n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* lower_error_at: the same at a byte offset. */
_Noreturn void lower_error_at(Lower *L, uint32_t offset, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* lower_kids: push n's children (comments skipped) onto the kids stack;
 * returns the index of the first. Pop them with lower_pop(L, base). */
uint32_t lower_kids(Lower *L, TSNode n);
/* lower_items: the same without field names (Kid.field is FLD_NONE), for
 * list-like nodes whose children are told apart by kind alone. */
uint32_t lower_items(Lower *L, TSNode n);
static inline void lower_pop(Lower *L, uint32_t base) { L->nkids = base; }

/* lower_count_elements: slots of an array literal or pattern gathered
 * from base on: its elements plus one hole per comma that follows `[` or
 * another comma (a trailing comma adds none: `[a,]` has one, `[a,,]` two). */
static inline uint32_t lower_count_elements(Lower *L, uint32_t base) {
  uint32_t count = 0;
  bool after_sep = true;
  for (uint32_t i = base; i < L->nkids; i++) {
    if (L->kids[i].named) count++, after_sep = false;
    else if (L->kids[i].kind == CST_T_comma) count += after_sep, after_sep = true;
  }
  return count;
}

/* lower_count_named: how many gathered kids from base on are named nodes
 * (in list-like nodes, one per element: the tokens are the separators). */
static inline uint32_t lower_count_named(Lower *L, uint32_t base) {
  uint32_t count = 0;
  for (uint32_t i = base; i < L->nkids; i++) count += L->kids[i].named;
  return count;
}

/* lower_field: the first child of n in field f (ts_node_null if none). */
TSNode lower_field(Lower *L, TSNode n, PrsCstField f);

/* lower_kind: our kind of a CST node. */
static inline PrsCst lower_kind(TSNode n) {
  // A missing optional child is a null node (id NULL): ask nothing of it.
  return n.id == NULL ? CST_NONE : prs_cst_kind(ts_node_symbol(n));
}

/* lower_new: a node of kind k positioned at CST node n. */
PrsNode *lower_new(Lower *L, PrsKind k, TSNode n);
#define LOWER_NEW(L, K, n) ((Prs##K *)lower_new((L), PRS_##K, (n)))

/* lower_list: an arena list of `len` slots, to be filled by the caller. */
PrsList lower_list(Lower *L, uint32_t len);

/* lower_text: the source text of n (not NUL-terminated) and its length. */
static inline const char *lower_text(Lower *L, TSNode n, uint32_t *len) {
  uint32_t s = ts_node_start_byte(n), e = ts_node_end_byte(n);
  *len = e - s;
  return L->src + s;
}

/* lower_first_leaf: the leftmost token of n (n itself for a leaf). */
static inline TSNode lower_first_leaf(TSNode n) {
  while (ts_node_child_count(n) > 0) n = ts_node_child(n, 0);
  return n;
}

/* lower_is_word: n is an identifier spelled exactly `word` (no escapes:
 * an escaped `l\u0065t` never plays the contextual keyword). */
static inline bool lower_is_word(Lower *L, TSNode n, const char *word) {
  uint32_t len;
  const char *s = lower_text(L, n, &len);
  return lower_kind(n) == CST_identifier && len == strlen(word) && memcmp(s, word, len) == 0;
}

/* lower_buf_atom: the atom of what the decoders left in L->buf (whose data
 * stays NULL until something is written: "" stands in then). */
static inline PrsAtom *lower_buf_atom(Lower *L) {
  return prs_atom(&L->ast->atoms, L->buf.data ? L->buf.data : "", (uint32_t)L->buf.len);
}

/* lower_string_at: the value of the string literal whose quotes span
 * [start, end) of the source, with the strict-mode escape errors. */
PrsAtom *lower_string_at(Lower *L, uint32_t start, uint32_t end);


/* lower_name: the atom of an identifier-like node, with \u escapes decoded
 * and validated; *escaped says whether any escape was used. */
PrsAtom *lower_name(Lower *L, TSNode n, bool *escaped);

/* lower_private_name: the atom of a #name, escapes decoded ("#o"). */
PrsAtom *lower_private_name(Lower *L, TSNode n);

/* lower_key_is: whether a property key spells the word kw, as a name or a
 * string ("constructor" and 'constructor' both count; computed keys never
 * reach here as names). */
static inline bool lower_key_is(const PrsNode *key, PrsKeyword kw) {
  if (PRS_IS(key, PropName)) return PRS_AS(key, PropName)->name->tag == kw;
  if (PRS_IS(key, String)) return PRS_AS(key, String)->value->tag == kw;
  return false;
}

/* A null TSNode, for optional children not (yet) found. */
#define LOWER_NULL_NODE ((TSNode){{0}, NULL, NULL})

/* lower_enter / lower_leave: bound recursion depth. */
void lower_enter(Lower *L, TSNode n);
static inline void lower_leave(Lower *L) { L->depth--; }

/* {==== lower_stmt.c ====} */
PrsNode *lower_statement(Lower *L, TSNode n);
/* lower_body: the statements among n's children, after skipping `skip`
 * children; with `directives`, the prologue's statements are flagged as
 * directives (the caller has already applied any "use strict"). */
PrsList lower_body(Lower *L, TSNode n, uint32_t skip, bool directives);
/* lower_scan_prologue: whether the statement list n (from child `skip`)
 * has a "use strict" directive; *use is its string node. */
bool lower_scan_prologue(Lower *L, TSNode n, uint32_t skip, TSNode *use);
/* lower_declaration: a var/let/const/using declaration. */
PrsNode *lower_declaration(Lower *L, TSNode n);

/* {==== lower_expr.c ====} */
PrsNode *lower_expression(Lower *L, TSNode n);
/* lower_property_key: a key in an object, class or pattern. */
PrsNode *lower_property_key(Lower *L, TSNode n);
/* lower_string_value: the atom of a string node's value. */
PrsAtom *lower_string_value(Lower *L, TSNode n);
/* lower_bare_yield_is_name: whether a yield_expression is really the
 * identifier `yield` (sloppy code outside generators, no operand). */
bool lower_bare_yield_is_name(Lower *L, TSNode n);
/* lower_arguments: an `arguments` CST node into a list. */
PrsList lower_arguments(Lower *L, TSNode n);

/* {==== lower_func.c ====} */
PrsNode *lower_function(Lower *L, TSNode n);
PrsNode *lower_arrow(Lower *L, TSNode n);
PrsNode *lower_class(Lower *L, TSNode n);
/* lower_private_ref: check that #name (at n) is declared by an enclosing
 * class. */
void lower_private_ref(Lower *L, PrsAtom *name, TSNode n);
/* lower_method: a method_definition in an object literal or class. */
PrsNode *lower_method(Lower *L, TSNode n, bool in_class, bool derived,
                      PrsNode **key_out, uint32_t *flags_out);

/* {==== lower_pattern.c ====} */
/* lower_binding: a binding target (declarations, parameters, catch). */
PrsNode *lower_binding(Lower *L, TSNode n);
/* lower_assign_target: the left side of = (patterns allowed). */
PrsNode *lower_assign_target(Lower *L, TSNode n);
/* lower_expression_to_binding: an expression reread as a binding pattern. */
PrsNode *lower_expression_to_binding(Lower *L, PrsNode *e, TSNode n);
/* lower_check_simple_target: the operand of ++/-- or compound assignment
 * must be a name or a property reference. */
void lower_check_simple_target(Lower *L, PrsNode *e, TSNode n);
/* lower_check_binding_name: early errors of a bound identifier. */
void lower_check_binding_name(Lower *L, PrsAtom *name, TSNode n);
/* lower_check_reference_name: early errors of an identifier reference. */
void lower_check_reference_name(Lower *L, PrsAtom *name, bool escaped, TSNode n);

/* {==== lower_module.c ====} */
/* lower_patch_attributes: find the `with { ... }` clauses of imports and
 * exports that tree-sitter 0.25's grammar rejects (after `export ... from`,
 * after a line break, with a trailing comma); blank them out in *text (a
 * private copy, made on demand) and record them in L->patches. Returns
 * whether the caller must parse *text again. */
bool lower_patch_attributes(Lower *L, TSNode root, char **text);
PrsNode *lower_import(Lower *L, TSNode n);
PrsNode *lower_export(Lower *L, TSNode n);

#endif
