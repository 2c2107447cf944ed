/*
 * ignition/gen.h — the bytecode generator's state, shared by its files
 * (gen.c: driver, emission, registers, labels, scopes and variables;
 * gen_stmt.c; gen_expr.c; gen_pattern.c; gen_class.c).
 *
 * Invariants:
 *  - Instructions are collected in a list with symbolic labels and only
 *    encoded at the end (assemble.c), so jumps get the narrowest operand
 *    width that fits and never overflow.
 *  - Registers: r0 .. locals-1 hold the function's register variables
 *    (scope analysis numbered them); temporaries are allocated above, in
 *    stack order (gen_temp / gen_release). A variable that is a simple
 *    parameter is addressed as the parameter operand itself.
 *  - The runtime context always matches the innermost scope with a
 *    context (gen_scope_has_context) enclosing the code being emitted:
 *    entering such a scope pushes one, leaving pops it, and a jump out
 *    of a scope (break, continue, return through finally) restores the
 *    saved context register of the target.
 */
#ifndef JSVM_IGNITION_GEN_H
#define JSVM_IGNITION_GEN_H

#include <setjmp.h>

#include "ignition/code.h"
#include "ignition/runtime_calls.h"

typedef struct IgnInsn {
  uint8_t op;             /* IgnOpcode */
  uint8_t pos;            /* 0 none, 1 statement (S>), 2 expression (E>) */
  int32_t opnd[4];        /* JUMP operands hold a label id */
  uint32_t src;           /* source byte offset for pos */
} IgnInsn;

/* A place break/continue/return may leave through. */
typedef enum GenJumpKind { GEN_BREAK, GEN_CONTINUE, GEN_RETURN } GenJumpKind;

typedef struct GenControl {
  struct GenControl *outer;
  enum { CTL_LOOP, CTL_BLOCK, CTL_SWITCH, CTL_FINALLY, CTL_ITERATOR,
         CTL_CONTEXT } kind;
  PrsAtom **labels;       /* label set of this statement */
  uint32_t nlabels;
  int break_label, continue_label;
  int context_reg;        /* CTL_CONTEXT: the saved outer context */
  /* CTL_FINALLY: the finally's dispatch: token and value registers */
  int token_reg, value_reg, finally_label;
  uint32_t ntargets;      /* finally: jump targets routed through it */
  struct { struct GenControl *target; GenJumpKind kind; } *targets;
  int iter_reg;           /* CTL_ITERATOR: the iterator to close */
  /* CTL_FINALLY around a statement list with using declarations
   * (gen_stmt.c's disposal_region): list_reg holds its resource list */
  bool disposal;
  int list_reg;
} GenControl;

/* The finally dispatch's token for a throw completion (gen_stmt.c); the
 * DisposeResources runtime calls read it too. */
#define GEN_TOKEN_RETHROW (-2)

typedef struct Gen {
  JSVM *vm;
  IgnScript *script;
  PrsNode *fnode;           /* PrsFunction, PrsScript, class member... */
  PrsScope *fscope;         /* the frame's scope */
  PrsScope *scope;          /* innermost scope of the code being emitted */
  PrsScope *script_scope;   /* the script's scope (NULL compiling a function) */
  bool strict;
  uint32_t fn_flags;        /* JS_FN_* of the function */
  /* instructions and labels */
  IgnInsn *insns;
  uint32_t ninsns, cap_insns;
  int32_t *labels;          /* label -> instruction index (-1 unbound) */
  uint32_t nlabels, cap_labels;
  uint32_t pending_pos, pending_src;
  /* registers */
  uint32_t nparams;
  uint32_t locals;          /* registers numbered by scope analysis */
  uint32_t next_temp, max_regs;
  /* constants and feedback */
  JSValue *consts;
  uint32_t nconsts, cap_consts;
  uint8_t *slots;
  uint32_t nslots, cap_slots;
  /* exception handlers: label triples */
  struct { int start, end, handler, ctx_reg; bool is_catch; } *handlers;
  uint32_t nhandlers, cap_handlers;
  GenControl *control;
  int loop_depth;
  int generator_reg;        /* generator object, or -1 */
  int new_target_reg;       /* register holding new.target, or -1 */
  int completion_reg;
  int optional_nil;         /* label a ?. short-circuits to, or -1 */
  bool value_unused;        /* the next Update's value is discarded */       /* scripts and eval: the completion value */
  /* suspend points of a generator: resume labels */
  int *resume_labels;
  uint32_t nresumes, cap_resumes;
  jmp_buf *fail;            /* out-of-memory / too-large bailout */
  const char *fail_message;
  PrsNode *fail_node;
} Gen;

/* {==== Emission (gen.c) ====} */

void gen_emit(Gen *g, IgnOpcode op, int32_t a, int32_t b, int32_t c, int32_t d);
#define GEN0(g, op) gen_emit((g), IGN_##op, 0, 0, 0, 0)
#define GEN1(g, op, a) gen_emit((g), IGN_##op, (a), 0, 0, 0)
#define GEN2(g, op, a, b) gen_emit((g), IGN_##op, (a), (b), 0, 0)
#define GEN3(g, op, a, b, c) gen_emit((g), IGN_##op, (a), (b), (c), 0)
#define GEN4(g, op, a, b, c, d) gen_emit((g), IGN_##op, (a), (b), (c), (d))
/* gen_position: the next instruction carries node's position. */
void gen_stmt_pos(Gen *g, const PrsNode *n);
void gen_expr_pos(Gen *g, const PrsNode *n);
int gen_label(Gen *g);
void gen_bind(Gen *g, int label);
int gen_const(Gen *g, JSValue v);            /* dedups strings/numbers */
int gen_const_atom(Gen *g, const PrsAtom *a);  /* interned string */
int gen_slot(Gen *g, IgnSlotKind kind);
int gen_temp(Gen *g);
int gen_temps(Gen *g, uint32_t n);           /* n consecutive */
void gen_release(Gen *g, int first);         /* free temps >= first */
JSValue gen_atom_string(Gen *g, const PrsAtom *a);
/* gen_error: abandon compilation with a SyntaxError/RangeError. */
_Noreturn void gen_error(Gen *g, const PrsNode *at, const char *msg);

/* {==== Scopes and variables (gen.c) ====} */

bool gen_scope_has_context(const PrsScope *s);
/* gen_enter_scope: push s's context if it has one (and declare its
 * functions / TDZ holes); returns the control entry to pass to leave. */
void gen_enter_scope(Gen *g, PrsScope *s, GenControl *ctl);
void gen_leave_scope(Gen *g, PrsScope *s, GenControl *ctl);
/* gen_hoist_functions: instantiate the function declarations of a
 * block/function/script scope body. */
void gen_hoist_functions(Gen *g, PrsList *body, PrsScope *s);
void gen_init_lexicals(Gen *g, PrsScope *s);
/* Load / store an identifier reference (acc). */
void gen_load_ident(Gen *g, PrsIdent *id, bool inside_typeof);
void gen_store_ident(Gen *g, PrsIdent *id, bool init);
void gen_load_var(Gen *g, PrsVar *v, bool hole_check, PrsAtom *name);
void gen_store_var(Gen *g, PrsVar *v, bool init, PrsAtom *name, bool hole_check);
int gen_var_operand(Gen *g, PrsVar *v);       /* register vars */
int gen_context_depth(Gen *g, PrsScope *target);
/* Frame slots below the parameters (code.h): this, the current context,
 * the closure and new.target (or the generator object on resumption). */
#define GEN_THIS(g) (-(int32_t)(g)->nparams - 1)
#define GEN_CONTEXT(g) (-(int32_t)(g)->nparams - 2)
#define GEN_CLOSURE(g) (-(int32_t)(g)->nparams - 3)
#define GEN_NEW_TARGET(g) (-(int32_t)(g)->nparams - 4)

/* {==== References (gen_expr.c) ====} */

/* A place a value can be stored: its parts are evaluated first
 * (gen_ref_prepare), then loaded or stored through acc. */
typedef struct Ref {
  enum { REF_IDENT, REF_NAMED, REF_KEYED, REF_PRIVATE, REF_SUPER, REF_INVALID } kind;
  PrsNode *node;
  int obj, key;            /* registers, or -1 */
} Ref;
void gen_ref_prepare(Gen *g, PrsNode *t, Ref *r);
void gen_ref_load(Gen *g, Ref *r);
void gen_ref_store(Gen *g, Ref *r);

/* {==== Statements, expressions, patterns, functions ====} */

void gen_statement(Gen *g, PrsNode *n);
void gen_statements(Gen *g, PrsList *l);
void gen_expr(Gen *g, PrsNode *n);            /* result in acc */
void gen_expr_to(Gen *g, PrsNode *n, int reg); /* result in reg */
/* gen_effect: evaluate n for its effects only (its value is dropped). */
void gen_effect(Gen *g, PrsNode *n);
/* gen_operand_register: a register variable usable in place as the left
 * operand of a binary operator, or -1. */
int gen_operand_register(Gen *g, PrsNode *left, PrsNode *right);
/* gen_test: jump to false_label when n is falsy (else fall through). */
void gen_test(Gen *g, PrsNode *n, int false_label, bool jump_if);
/* Assignment targets and binding patterns: the value is in acc. */
void gen_assign_target(Gen *g, PrsNode *target, bool init);
void gen_binding_init(Gen *g, PrsNode *pattern, bool init);
/* gen_named_expr: evaluate value; an anonymous function or class gets
 * the name of target when it is an identifier. */
void gen_named_expr(Gen *g, PrsNode *value, PrsNode *target);
void gen_handler(Gen *g, int start, int end, int handler, int ctx_reg);
/* gen_catch_handler: the same for a catch clause (see IgnHandler). */
void gen_catch_handler(Gen *g, int start, int end, int handler, int ctx_reg);
void gen_closure_named(Gen *g, PrsNode *fn, JSValue name);
void gen_class_named(Gen *g, PrsClass *c, JSValue name);
/* gen_callee_and_receiver: for a call through a member expression, the
 * function into callee and the object into receiver. */
void gen_callee_and_receiver(Gen *g, PrsNode *member, int callee, int receiver);
void gen_key_to(Gen *g, PrsNode *key, int reg);
/* gen_mark_computed: the front end flags computed keys on their owner
 * (Property, ClassMember, PatternProp); key helpers read it on the key. */
static inline void gen_mark_computed(PrsNode *owner, PrsNode *key) {
  if (key && (owner->flags & PRS_FLAG_Computed)) key->flags |= PRS_FLAG_Computed;
}
/* gen_key_name: the name a static key gives a function, or undefined. */
JSValue gen_key_name(Gen *g, PrsNode *key);
void gen_super_call(Gen *g, PrsCall *c);
/* gen_direct_eval: eval(args) where fn holds the value of `eval` and
 * [args+1, args+1+n) the arguments. */
void gen_direct_eval(Gen *g, int fn, int args, uint32_t n);
/* gen_private_name: the private symbol of a #name binding into reg. */
void gen_private_name(Gen *g, PrsVar *var, int reg);
/* gen_closure: CreateClosure for a function node (acc = closure). */
void gen_closure(Gen *g, PrsNode *fn);
void gen_class(Gen *g, PrsClass *c);
/* gen_call_runtime: CallRuntime id with args in [first, first+n). */
void gen_call_runtime(Gen *g, IgnRuntimeId id, int first, uint32_t n);
/* gen_get_iterator: acc = iterator of obj_reg (sync or async). */
void gen_iterator_close(Gen *g, int iter_reg);
/* gen_jump_out: break/continue/return through finally and contexts. */
void gen_jump_out(Gen *g, GenJumpKind kind, GenControl *target);
void gen_return(Gen *g);                      /* return acc */
/* gen_yield: a suspension point: acc is the value given to the caller;
 * after resumption acc holds the sent value (throw/return handled). */
void gen_suspend(Gen *g, bool is_await);
void gen_yield(Gen *g, PrsYield *y);

/* ign_default_constructor_shared: the native behind a class without a
 * constructor method (runtime_calls.c). */
JSShared *ign_default_constructor_shared(JSVM *vm, JSValue name, uint32_t flags);

/* ign_compile: compile the function/script node into code. NULL with an
 * exception pending on failure. */
IgnCode *ign_compile(JSVM *vm, IgnScript *script, PrsNode *node,
                     PrsScope *scope);
/* ign_assemble: encode g's instruction list into code. */
void ign_assemble(Gen *g, IgnCode *code);

#endif
