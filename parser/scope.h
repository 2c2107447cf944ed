/*
 * parser/scope.h — scope analysis: which names each scope declares, what
 * every identifier resolves to, and where each variable will live.
 *
 * Invariants (after prs_parse returns an AST):
 *  - Every node with a PRS_F_SCOPE field that introduces bindings has its
 *    scope set (Script, Module, Function, Class, Block, For*, Switch, Try
 *    with a catch, StaticBlock, ClassMember fields' initializer scope).
 *    A scope with no bindings may be NULL for blocks.
 *  - Every PRS_Ident reference has var set to the binding it resolves to
 *    statically, or NULL when it is resolved at run time (global object,
 *    or a name that a `with` or a sloppy direct eval may shadow:
 *    PrsScope.dynamic tells which).
 *  - A variable is PRS_LOC_CONTEXT when a closure captures it or when a
 *    direct eval or `with` could reach it; otherwise a function's
 *    variables are PRS_LOC_REGISTER. Script top-level var/function
 *    bindings are PRS_LOC_GLOBAL properties; top-level let/const/class
 *    are PRS_LOC_GLOBAL lexicals (the script's declarative record).
 *  - Context slot indices are dense per scope, 0..context_slots-1.
 */
#ifndef JSVM_PARSER_SCOPE_H
#define JSVM_PARSER_SCOPE_H

#include <stdbool.h>
#include <stdint.h>

#include "parser/ast.h"

typedef enum PrsScopeKind {
  PRS_SCOPE_SCRIPT,
  PRS_SCOPE_MODULE,
  PRS_SCOPE_FUNCTION,   /* parameters and var-scoped body declarations */
  PRS_SCOPE_BLOCK,      /* blocks, loop heads, switch, catch */
  PRS_SCOPE_CLASS,      /* the inner binding of a class's own name */
  PRS_SCOPE_WITH,       /* object environment: everything inside is dynamic */
  PRS_SCOPE_STATIC,     /* class static block or field initializer */
  PRS_SCOPE_BODY,       /* a function body's own var scope, when its
                           parameters have expressions: closures in
                           defaults must not see the body's names. A body
                           var named like a parameter starts with the
                           parameter's value (the generator copies it). */
} PrsScopeKind;

typedef enum PrsVarKind {
  PRS_VAR_VAR,
  PRS_VAR_LET,
  PRS_VAR_CONST,
  PRS_VAR_CLASS,        /* class declaration */
  PRS_VAR_FUNCTION,     /* function declaration */
  PRS_VAR_PARAM,
  PRS_VAR_CATCH,        /* catch parameter */
  PRS_VAR_IMPORT,       /* immutable import binding */
  PRS_VAR_ARGUMENTS,    /* the implicit arguments object */
  PRS_VAR_SELF,         /* a named function expression's or class's own name */
} PrsVarKind;

typedef enum PrsVarLocation {
  PRS_LOC_REGISTER,
  PRS_LOC_CONTEXT,
  PRS_LOC_GLOBAL,
  PRS_LOC_MODULE,
} PrsVarLocation;

struct PrsVar {
  PrsAtom *name;
  PrsScope *scope;
  PrsVar *next;           /* in declaration order */
  uint32_t decl_offset;   /* where it is declared (for TDZ elision) */
  uint32_t index;         /* register or context slot */
  uint8_t kind;           /* PrsVarKind */
  uint8_t location;       /* PrsVarLocation */
  bool captured;          /* referenced from an inner function */
  bool lexical;           /* let/const/class: has a TDZ */
};

struct PrsScope {
  PrsScope *outer;
  PrsScope *function;     /* nearest FUNCTION/SCRIPT/MODULE/STATIC scope
                             (a BODY scope's is its function's) */
  PrsNode *node;          /* the node that owns this scope */
  PrsVar *vars, *vars_tail;
  uint32_t var_count;
  uint32_t context_slots; /* variables that live in this scope's context */
  uint32_t registers;     /* FUNCTION-like scopes: registers for locals */
  void *names;            /* private to scope.c: the name -> binding map */
  uint8_t kind;           /* PrsScopeKind */
  bool strict;
  bool is_arrow;          /* FUNCTION scope of an arrow function */
  bool has_direct_eval;   /* a direct eval runs in this scope or an inner one */
  bool dynamic;           /* names here may be shadowed at run time */
  bool uses_arguments;    /* FUNCTION: needs an arguments object */
  bool uses_this;         /* FUNCTION: refers to this (directly or via arrows) */
  bool eval;              /* SCRIPT of eval code: lexical bindings (all,
                             when strict) are the eval's own, not global */
};

struct Lower;

/* prs_scope_analyze: declare, check redeclarations, resolve, allocate.
 * Reports the first early error through the lowering's error path. */
void prs_scope_analyze(struct Lower *L);

/* Names for printing. */
extern const char *const prs_scope_kind_name[];
extern const char *const prs_var_kind_name[];
extern const char *const prs_var_location_name[];

#endif
