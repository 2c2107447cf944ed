/*
 * ignition/gen_stmt.c — statements: declarations, control flow, loops
 * (with per-iteration contexts for captured loop bindings), switch,
 * labels, try/catch/finally (jumps out of a finally-protected region are
 * routed through the finally block by token), with, for-in and for-of
 * (closing the iterator on every abrupt exit).
 */
#include <stdlib.h>
#include <string.h>

#include "ignition/gen.h"

static void push_control(Gen *g, GenControl *c, int kind, PrsAtom **labels,
                         uint32_t nlabels) {
  memset(c, 0, sizeof *c);
  c->kind = kind;
  c->labels = labels;
  c->nlabels = nlabels;
  c->break_label = gen_label(g);
  c->continue_label = gen_label(g);
  c->context_reg = -1;
  c->outer = g->control;
  g->control = c;
}

static void pop_control(Gen *g, GenControl *c) {
  g->control = c->outer;
  free(c->targets);
}

// The labels of a statement are collected while descending through
// Labeled nodes and handed to the loop or block they label.
static PrsAtom *label_buf[64];
static uint32_t label_count;

static void take_labels(PrsAtom ***labels, uint32_t *n) {
  *n = label_count;
  *labels = NULL;
  if (label_count) {
    *labels = malloc(label_count * sizeof **labels);
    memcpy(*labels, label_buf, label_count * sizeof **labels);
  }
  label_count = 0;
}

/* {==== Leaving through break, continue, return ====} */

// Route a jump through a finally: remember the target, set the token and
// enter the finally block; its dispatch resumes the jump from there.
static void route_through_finally(Gen *g, GenControl *f, GenJumpKind kind,
                                  GenControl *target) {
  uint32_t k = f->ntargets++;
  f->targets = realloc(f->targets, f->ntargets * sizeof *f->targets);
  f->targets[k].target = target;
  f->targets[k].kind = kind;
  if (kind == GEN_RETURN) GEN1(g, Star, f->value_reg);
  GEN1(g, LdaSmi, (int32_t)k);
  GEN1(g, Star, f->token_reg);
  GEN1(g, Jump, f->finally_label);
}

void gen_jump_out(Gen *g, GenJumpKind kind, GenControl *target) {
  for (GenControl *c = g->control; c && c != target; c = c->outer) {
    switch (c->kind) {
      case CTL_CONTEXT:
        if (kind != GEN_RETURN && c->context_reg >= 0) GEN1(g, PopContext, c->context_reg);
        break;
      case CTL_ITERATOR:
        // continue on the for-of's own loop keeps iterating.
        if (kind == GEN_CONTINUE && c->outer == target) break;
        if (kind == GEN_RETURN) {
          int t = gen_temp(g);
          GEN1(g, Star, t);  // keep the return value across the close
          gen_call_runtime(g, IGN_RT_IteratorClose, c->iter_reg, 1);
          GEN1(g, Ldar, t);
          gen_release(g, t);
        } else {
          gen_call_runtime(g, IGN_RT_IteratorClose, c->iter_reg, 1);
        }
        break;
      case CTL_FINALLY:
        route_through_finally(g, c, kind, target);
        return;
      case CTL_LOOP:
      case CTL_BLOCK:
      case CTL_SWITCH:
        break;
    }
  }
  if (kind == GEN_RETURN) {
    gen_return(g);
  } else if (target) {
    GEN1(g, Jump, kind == GEN_BREAK ? target->break_label : target->continue_label);
  }
}

static GenControl *find_target(Gen *g, PrsAtom *label, bool is_continue) {
  for (GenControl *c = g->control; c; c = c->outer) {
    if (c->kind == CTL_CONTEXT || c->kind == CTL_FINALLY || c->kind == CTL_ITERATOR)
      continue;
    if (label) {
      for (uint32_t i = 0; i < c->nlabels; i++)
        if (c->labels[i] == label && (!is_continue || c->kind == CTL_LOOP)) return c;
      continue;
    }
    if (c->kind == CTL_LOOP || (!is_continue && c->kind == CTL_SWITCH)) return c;
  }
  return NULL;  // the front end guarantees a target exists
}

/* {==== Declarations ====} */

// The resource list register of the innermost disposal region (the
// statement list a using declaration stands in directly).
static int using_list_reg(Gen *g) {
  for (GenControl *c = g->control; c; c = c->outer)
    if (c->kind == CTL_FINALLY && c->disposal) return c->list_reg;
  return -1;  // the front end only lets using stand in a statement list
}

// using x = v / await using x = v: InitializeBinding adds v to the
// list's resources (AddDisposableResource) before the binding is set, so
// a refused resource leaves x in its TDZ. The value stays in acc.
static void add_resource(Gen *g, PrsVarDecl *d) {
  int reg = using_list_reg(g);
  if (reg < 0) return;
  int args = gen_temps(g, 3);
  GEN1(g, Star, args + 1);
  GEN2(g, Mov, reg, args);
  if (d->base.op == PRS_OP_AwaitUsing) GEN0(g, LdaTrue);
  else GEN0(g, LdaFalse);
  GEN1(g, Star, args + 2);
  gen_call_runtime(g, IGN_RT_AddDisposableResource, args, 3);
  GEN1(g, Star, reg);
  GEN1(g, Ldar, args + 1);
  gen_release(g, args);
}

static void var_decl(Gen *g, PrsVarDecl *d) {
  bool lexical = d->base.op != PRS_OP_Var;
  bool using = d->base.op == PRS_OP_Using || d->base.op == PRS_OP_AwaitUsing;
  for (uint32_t i = 0; i < d->decls.len; i++) {
    PrsDeclarator *dc = PRS_AS(d->decls.items[i], Declarator);
    if (!dc->init) {
      if (!lexical) continue;  // `var x;` does nothing at run time
      GEN0(g, LdaUndefined);
    } else {
      gen_stmt_pos(g, &dc->base);
      gen_named_expr(g, dc->init, dc->target);
    }
    if (using) add_resource(g, d);
    gen_binding_init(g, dc->target, lexical);
  }
}

// Annex B.3.3: evaluating a block's function declaration also assigns
// the function to the var of the same name in the enclosing function.
static void annex_b_function(Gen *g, PrsFunction *f) {
  PrsIdent *id = PRS_AS(f->name, Ident);
  gen_load_var(g, id->var, false, id->name);
  PrsScope *fs = g->scope;
  while (fs && fs->kind != PRS_SCOPE_FUNCTION && fs->kind != PRS_SCOPE_SCRIPT &&
         fs->kind != PRS_SCOPE_BODY)
    fs = fs->outer;
  // A body scope holds the vars when parameters have expressions.
  PrsVar *v = NULL;
  for (PrsScope *s = fs; s && !v; s = s->kind == PRS_SCOPE_BODY ? s->outer : NULL)
    for (PrsVar *w = s->vars; w; w = w->next)
      if (w->name == id->name && !w->lexical) { v = w; break; }
  if (v) gen_store_var(g, v, true, id->name, false);
}

/* {==== Blocks and simple statements ====} */

static void block(Gen *g, PrsBlock *b) {
  GenControl ctl;
  PrsAtom **labels;
  uint32_t nlabels;
  take_labels(&labels, &nlabels);
  GenControl brk;
  bool labelled = nlabels > 0;
  if (labelled) push_control(g, &brk, CTL_BLOCK, labels, nlabels);
  gen_enter_scope(g, b->scope, &ctl);
  if (b->scope) gen_hoist_functions(g, &b->body, b->scope);
  gen_statements(g, &b->body);
  gen_leave_scope(g, b->scope, &ctl);
  if (labelled) {
    gen_bind(g, brk.break_label);
    pop_control(g, &brk);
    free(labels);
  }
}

static void if_stmt(Gen *g, PrsIf *s) {
  int else_label = gen_label(g), end = gen_label(g);
  gen_test(g, s->test, else_label, false);
  gen_statement(g, s->then);
  if (s->otherwise) {
    GEN1(g, Jump, end);
    gen_bind(g, else_label);
    gen_statement(g, s->otherwise);
  } else {
    gen_bind(g, else_label);
  }
  gen_bind(g, end);
}

static void return_stmt(Gen *g, PrsReturn *r) {
  gen_stmt_pos(g, &r->base);
  if (r->arg) gen_expr(g, r->arg);
  else GEN0(g, LdaUndefined);
  // An async generator awaits the value it returns.
  if (r->arg && (g->fn_flags & JS_FN_ASYNC) && (g->fn_flags & JS_FN_GENERATOR)) gen_suspend(g, true);
  gen_jump_out(g, GEN_RETURN, NULL);
}

static void throw_stmt(Gen *g, PrsThrow *t) {
  gen_expr(g, t->arg);
  gen_stmt_pos(g, &t->base);
  GEN0(g, Throw);
}

/* {==== Loops ====} */

// A loop body: labels are bound around it by the caller.
static void loop_back(Gen *g, int head, GenControl *c) {
  GEN3(g, JumpLoop, head, g->loop_depth, gen_slot(g, IGN_SLOT_LOOP));
  (void)c;
}

static void while_stmt(Gen *g, PrsWhile *w) {
  GenControl c;
  PrsAtom **labels;
  uint32_t n;
  take_labels(&labels, &n);
  push_control(g, &c, CTL_LOOP, labels, n);
  int head = gen_label(g);
  gen_bind(g, head);
  gen_test(g, w->test, c.break_label, false);
  g->loop_depth++;
  gen_statement(g, w->body);
  g->loop_depth--;
  // continue jumps forward to here: only JumpLoop goes backwards.
  gen_bind(g, c.continue_label);
  loop_back(g, head, &c);
  gen_bind(g, c.break_label);
  pop_control(g, &c);
  free(labels);
}

static void do_while(Gen *g, PrsDoWhile *w) {
  GenControl c;
  PrsAtom **labels;
  uint32_t n;
  take_labels(&labels, &n);
  push_control(g, &c, CTL_LOOP, labels, n);
  int head = gen_label(g);
  gen_bind(g, head);
  g->loop_depth++;
  gen_statement(g, w->body);
  g->loop_depth--;
  gen_bind(g, c.continue_label);
  gen_test(g, w->test, c.break_label, false);
  loop_back(g, head, &c);
  gen_bind(g, c.break_label);
  pop_control(g, &c);
  free(labels);
}

static void for_stmt(Gen *g, PrsFor *f) {
  GenControl c, scope_ctl;
  PrsAtom **labels;
  uint32_t n;
  take_labels(&labels, &n);
  gen_enter_scope(g, f->scope, &scope_ctl);
  if (f->init) {
    if (PRS_IS(f->init, VarDecl)) var_decl(g, PRS_AS(f->init, VarDecl));
    else gen_expr(g, f->init);
  }
  push_control(g, &c, CTL_LOOP, labels, n);
  int head = gen_label(g);
  gen_bind(g, head);
  if (f->test) gen_test(g, f->test, c.break_label, false);
  g->loop_depth++;
  gen_statement(g, f->body);
  g->loop_depth--;
  gen_bind(g, c.continue_label);
  // Closures made in this iteration keep its bindings: the next one
  // works on a copy of the loop's context.
  if (scope_ctl.context_reg >= 0) gen_call_runtime(g, IGN_RT_CloneContext, 0, 0);
  if (f->update) gen_effect(g, f->update);
  loop_back(g, head, &c);
  gen_bind(g, c.break_label);
  pop_control(g, &c);
  gen_leave_scope(g, f->scope, &scope_ctl);
  free(labels);
}

// The left side of for-in/of: a declaration (fresh binding per
// iteration, in the loop's scope) or an assignment target. Value in acc.
static void for_each_target(Gen *g, PrsNode *left) {
  if (PRS_IS(left, VarDecl)) {
    PrsVarDecl *d = PRS_AS(left, VarDecl);
    PrsDeclarator *dc = PRS_AS(d->decls.items[0], Declarator);
    gen_binding_init(g, dc->target, d->base.op != PRS_OP_Var);
  } else {
    gen_assign_target(g, left, false);
  }
}

// Annex B: for (var x = init in obj) evaluates the initializer first.
static void for_in_initializer(Gen *g, PrsNode *left) {
  if (!PRS_IS(left, VarDecl)) return;
  PrsDeclarator *dc = PRS_AS(PRS_AS(left, VarDecl)->decls.items[0], Declarator);
  if (!dc->init) return;
  gen_named_expr(g, dc->init, dc->target);
  gen_binding_init(g, dc->target, false);
}

static void for_in(Gen *g, PrsForIn *f) {
  GenControl c, scope_ctl, tdz;
  PrsAtom **labels;
  uint32_t n;
  take_labels(&labels, &n);
  for_in_initializer(g, f->left);
  // The expression sees the loop's lexical names in their TDZ.
  gen_enter_scope(g, f->scope, &tdz);
  gen_expr(g, f->right);
  gen_leave_scope(g, f->scope, &tdz);
  int end = gen_label(g);
  GEN1(g, JumpIfUndefinedOrNull, end);
  int obj = gen_temp(g), e = gen_temp(g);
  GEN1(g, Star, obj);
  GEN1(g, ForInEnumerate, obj);
  GEN1(g, Star, e);
  push_control(g, &c, CTL_LOOP, labels, n);
  int head = gen_label(g);
  gen_bind(g, head);
  GEN2(g, ForInNext, e, c.break_label);
  // Entering the scope puts its bindings in their TDZ through acc.
  int key = gen_temp(g);
  GEN1(g, Star, key);
  gen_enter_scope(g, f->scope, &scope_ctl);
  GEN1(g, Ldar, key);
  for_each_target(g, f->left);
  g->loop_depth++;
  gen_statement(g, f->body);
  g->loop_depth--;
  gen_leave_scope(g, f->scope, &scope_ctl);
  gen_bind(g, c.continue_label);
  loop_back(g, head, &c);
  gen_bind(g, c.break_label);
  pop_control(g, &c);
  gen_bind(g, end);
  gen_release(g, obj);
  free(labels);
}

void gen_handler(Gen *g, int start, int end, int handler, int ctx_reg) {
  g->handlers = realloc(g->handlers, (g->nhandlers + 1) * sizeof *g->handlers);
  g->handlers[g->nhandlers].start = start;
  g->handlers[g->nhandlers].end = end;
  g->handlers[g->nhandlers].handler = handler;
  g->handlers[g->nhandlers].ctx_reg = ctx_reg;
  g->handlers[g->nhandlers].is_catch = false;
  g->nhandlers++;
}

void gen_catch_handler(Gen *g, int start, int end, int handler, int ctx_reg) {
  gen_handler(g, start, end, handler, ctx_reg);
  g->handlers[g->nhandlers - 1].is_catch = true;
}

// for (x of it): the body runs inside a handler that closes the iterator
// when the body throws; break and return close it through CTL_ITERATOR.
static void for_of(Gen *g, PrsForOf *f) {
  GenControl c, scope_ctl, tdz, iter_ctl;
  PrsAtom **labels;
  uint32_t n;
  take_labels(&labels, &n);
  bool is_await = f->base.flags & PRS_FLAG_Await;
  gen_enter_scope(g, f->scope, &tdz);
  gen_expr(g, f->right);
  gen_leave_scope(g, f->scope, &tdz);
  int iter = gen_temp(g), next = gen_temp(g), ctx = gen_temp(g);
  GEN1(g, Star, iter);
  if (is_await) gen_call_runtime(g, IGN_RT_GetAsyncIterator, iter, 1);
  else GEN2(g, GetIterator, iter, gen_slot(g, IGN_SLOT_LOAD));
  GEN1(g, Star, iter);
  GEN3(g, GetNamedProperty, iter, gen_const(g, g->vm->atom[JS_ATOM_next]),
       gen_slot(g, IGN_SLOT_LOAD));
  GEN1(g, Star, next);
  GEN2(g, Mov, GEN_CONTEXT(g), ctx);
  push_control(g, &c, CTL_LOOP, labels, n);
  int head = gen_label(g);
  gen_bind(g, head);
  GEN4(g, CallProperty, next, iter, 1, gen_slot(g, IGN_SLOT_CALL));
  if (is_await) gen_suspend(g, true);
  int ok = gen_label(g);
  GEN1(g, JumpIfJSReceiver, ok);
  int t = gen_temp(g);
  GEN1(g, Star, t);
  gen_call_runtime(g, IGN_RT_ThrowIteratorResultNotObject, t, 1);
  gen_bind(g, ok);
  GEN1(g, Star, t);
  GEN3(g, GetNamedProperty, t, gen_const(g, g->vm->atom[JS_ATOM_done]),
       gen_slot(g, IGN_SLOT_LOAD));
  GEN1(g, JumpIfToBooleanTrue, c.break_label);
  GEN3(g, GetNamedProperty, t, gen_const(g, g->vm->atom[JS_ATOM_value]),
       gen_slot(g, IGN_SLOT_LOAD));
  gen_release(g, t);
  int try_start = gen_label(g), try_end = gen_label(g), handler = gen_label(g);
  gen_bind(g, try_start);
  memset(&iter_ctl, 0, sizeof iter_ctl);
  iter_ctl.kind = CTL_ITERATOR;
  iter_ctl.iter_reg = iter;
  iter_ctl.context_reg = -1;
  iter_ctl.outer = g->control;
  g->control = &iter_ctl;
  int value = gen_temp(g);
  GEN1(g, Star, value);
  gen_enter_scope(g, f->scope, &scope_ctl);
  GEN1(g, Ldar, value);
  for_each_target(g, f->left);
  g->loop_depth++;
  gen_statement(g, f->body);
  g->loop_depth--;
  gen_leave_scope(g, f->scope, &scope_ctl);
  gen_release(g, value);
  g->control = iter_ctl.outer;
  gen_bind(g, try_end);
  gen_bind(g, c.continue_label);
  loop_back(g, head, &c);
  // The body threw: close the iterator (its errors are dropped) and
  // rethrow the original exception.
  gen_bind(g, handler);
  int exc = gen_temp(g);
  GEN1(g, Star, exc);
  gen_call_runtime(g, IGN_RT_IteratorCloseQuiet, iter, 1);
  GEN1(g, Ldar, exc);
  GEN0(g, ReThrow);
  gen_handler(g, try_start, try_end, handler, ctx);
  gen_bind(g, c.break_label);
  pop_control(g, &c);
  gen_release(g, iter);
  free(labels);
}

/* {==== switch, labels, with ====} */

static void switch_stmt(Gen *g, PrsSwitch *s) {
  GenControl c, scope_ctl;
  PrsAtom **labels;
  uint32_t n;
  take_labels(&labels, &n);
  int d = gen_temp(g);
  gen_expr_to(g, s->discriminant, d);
  gen_enter_scope(g, s->scope, &scope_ctl);
  for (uint32_t i = 0; s->scope && i < s->cases.len; i++)
    gen_hoist_functions(g, &PRS_AS(s->cases.items[i], Case)->body, s->scope);
  push_control(g, &c, CTL_SWITCH, labels, n);
  int *case_labels = malloc((s->cases.len + 1) * sizeof *case_labels);
  int default_label = -1;
  for (uint32_t i = 0; i < s->cases.len; i++) {
    PrsCase *k = PRS_AS(s->cases.items[i], Case);
    case_labels[i] = gen_label(g);
    if (!k->test) {
      default_label = case_labels[i];
      continue;
    }
    gen_expr(g, k->test);
    GEN2(g, TestEqualStrict, d, gen_slot(g, IGN_SLOT_COMPARE));
    GEN1(g, JumpIfTrue, case_labels[i]);
  }
  GEN1(g, Jump, default_label >= 0 ? default_label : c.break_label);
  for (uint32_t i = 0; i < s->cases.len; i++) {
    gen_bind(g, case_labels[i]);
    gen_statements(g, &PRS_AS(s->cases.items[i], Case)->body);
  }
  gen_bind(g, c.break_label);
  pop_control(g, &c);
  gen_leave_scope(g, s->scope, &scope_ctl);
  gen_release(g, d);
  free(case_labels);
  free(labels);
}

static void labeled(Gen *g, PrsLabeled *l) {
  if (label_count < 64) label_buf[label_count++] = l->label;
  PrsNode *body = l->body;
  // Labels stick to loops, blocks and further labels; anything else gets
  // a plain break target.
  unsigned k = body->kind;
  if (k == PRS_For || k == PRS_ForIn || k == PRS_ForOf || k == PRS_While ||
      k == PRS_DoWhile || k == PRS_Block || k == PRS_Labeled || k == PRS_Switch) {
    gen_statement(g, body);
    return;
  }
  GenControl c;
  PrsAtom **labels;
  uint32_t n;
  take_labels(&labels, &n);
  push_control(g, &c, CTL_BLOCK, labels, n);
  gen_statement(g, body);
  gen_bind(g, c.break_label);
  pop_control(g, &c);
  free(labels);
}

static void with_stmt(Gen *g, PrsWith *w) {
  int obj = gen_temp(g), saved = gen_temp(g);
  gen_expr(g, w->object);
  GEN1(g, ToObject, obj);
  GEN2(g, CreateWithContext, obj, gen_const(g, JS_UNDEFINED));
  GEN1(g, PushContext, saved);
  GenControl ctl;
  memset(&ctl, 0, sizeof ctl);
  ctl.kind = CTL_CONTEXT;
  ctl.context_reg = saved;
  ctl.outer = g->control;
  g->control = &ctl;
  PrsScope *outer = g->scope;
  if (w->scope) g->scope = w->scope;
  gen_statement(g, w->body);
  g->scope = outer;
  g->control = ctl.outer;
  GEN1(g, PopContext, saved);
  gen_release(g, obj);
}

/* {==== try ====} */

// catch (param) { body }: the exception is in acc.
static void catch_clause(Gen *g, PrsTry *t) {
  GenControl ctl;
  // Entering the scope uses acc (contexts, TDZ holes): keep the exception.
  int exc = gen_temp(g);
  GEN1(g, Star, exc);
  gen_enter_scope(g, t->scope, &ctl);
  GEN1(g, Ldar, exc);
  if (t->param) gen_binding_init(g, t->param, true);
  gen_statement(g, t->handler);
  gen_leave_scope(g, t->scope, &ctl);
}

static void try_catch(Gen *g, PrsTry *t, PrsNode *block_node) {
  int ctx = gen_temp(g);
  GEN2(g, Mov, GEN_CONTEXT(g), ctx);
  int start = gen_label(g), end = gen_label(g), handler = gen_label(g), done = gen_label(g);
  gen_bind(g, start);
  gen_statement(g, block_node);
  gen_bind(g, end);
  GEN1(g, Jump, done);
  gen_bind(g, handler);
  catch_clause(g, t);
  gen_bind(g, done);
  gen_catch_handler(g, start, end, handler, ctx);
}

// Tokens of the finally dispatch: normal completion, rethrow, or the
// index of a routed jump (break/continue/return) recorded in targets.
#define TOKEN_FALLTHROUGH -1
#define TOKEN_RETHROW GEN_TOKEN_RETHROW

static void finally_dispatch(Gen *g, GenControl *f) {
  int t = gen_temp(g);
  GEN1(g, Ldar, f->token_reg);
  GEN1(g, Star, t);
  int not_throw = gen_label(g);
  GEN1(g, LdaSmi, TOKEN_RETHROW);
  GEN2(g, TestEqualStrict, t, gen_slot(g, IGN_SLOT_COMPARE));
  GEN1(g, JumpIfFalse, not_throw);
  GEN1(g, Ldar, f->value_reg);
  GEN0(g, ReThrow);
  gen_bind(g, not_throw);
  for (uint32_t k = 0; k < f->ntargets; k++) {
    int next = gen_label(g);
    GEN1(g, LdaSmi, (int32_t)k);
    GEN2(g, TestEqualStrict, t, gen_slot(g, IGN_SLOT_COMPARE));
    GEN1(g, JumpIfFalse, next);
    if (f->targets[k].kind == GEN_RETURN) GEN1(g, Ldar, f->value_reg);
    gen_jump_out(g, f->targets[k].kind, f->targets[k].target);
    gen_bind(g, next);
  }
  gen_release(g, t);
}

// The end of a finally's protected region [.., end): falling off it
// enters the finally with the fall-through token; the handler (at
// handler) enters it with the exception and the rethrow token.
static void protected_end(Gen *g, GenControl *f, int end, int handler) {
  gen_bind(g, end);
  g->control = f->outer;
  GEN1(g, LdaSmi, TOKEN_FALLTHROUGH);
  GEN1(g, Star, f->token_reg);
  GEN1(g, Jump, f->finally_label);
  gen_bind(g, handler);
  GEN1(g, Star, f->value_reg);
  GEN1(g, LdaSmi, TOKEN_RETHROW);
  GEN1(g, Star, f->token_reg);
  gen_bind(g, f->finally_label);
}

static void try_finally(Gen *g, PrsTry *t) {
  GenControl f;
  memset(&f, 0, sizeof f);
  f.kind = CTL_FINALLY;
  f.context_reg = -1;
  int ctx = gen_temp(g);
  f.token_reg = gen_temp(g);
  f.value_reg = gen_temp(g);
  f.finally_label = gen_label(g);
  GEN2(g, Mov, GEN_CONTEXT(g), ctx);
  int start = gen_label(g), end = gen_label(g), handler = gen_label(g);
  f.outer = g->control;
  g->control = &f;
  gen_bind(g, start);
  if (t->handler) try_catch(g, t, t->block);
  else gen_statement(g, t->block);
  protected_end(g, &f, end, handler);
  gen_handler(g, start, end, handler, ctx);
  gen_statement(g, t->finalizer);
  finally_dispatch(g, &f);
  free(f.targets);
  gen_release(g, ctx);
}

static void try_stmt(Gen *g, PrsTry *t) {
  if (t->finalizer) try_finally(g, t);
  else try_catch(g, t, t->block);
}

/* {==== Dispatch ====} */

static void expr_stmt(Gen *g, PrsExprStmt *s) {
  gen_stmt_pos(g, &s->base);
  if (g->completion_reg >= 0) {
    gen_expr(g, s->expr);
    GEN1(g, Star, g->completion_reg);
  } else {
    gen_effect(g, s->expr);
  }
}

static void function_decl(Gen *g, PrsNode *n) {
  // Hoisted at scope entry; Annex B block functions copy out here.
  if (n->flags & PRS_FLAG_AnnexB) annex_b_function(g, PRS_AS(n, Function));
}

// The declaration's binding is the outer one (kind class), not the inner
// name binding the class scope has for its own body.
static void class_decl(Gen *g, PrsClass *c) {
  gen_class(g, c);
  PrsIdent *id = PRS_AS(c->name, Ident);
  for (PrsScope *s = g->scope; s; s = s->outer)
    for (PrsVar *v = s->vars; v; v = v->next)
      if (v->name == id->name && v->kind == PRS_VAR_CLASS) {
        gen_store_var(g, v, true, id->name, false);
        return;
      }
  gen_store_ident(g, id, true);
}

void gen_statement(Gen *g, PrsNode *n) {
  switch ((PrsKind)n->kind) {
    case PRS_Block: block(g, PRS_AS(n, Block)); return;
    case PRS_VarDecl: var_decl(g, PRS_AS(n, VarDecl)); return;
    case PRS_ExprStmt: expr_stmt(g, PRS_AS(n, ExprStmt)); return;
    case PRS_Empty: return;
    case PRS_If: if_stmt(g, PRS_AS(n, If)); return;
    case PRS_For: for_stmt(g, PRS_AS(n, For)); return;
    case PRS_ForIn: for_in(g, PRS_AS(n, ForIn)); return;
    case PRS_ForOf: for_of(g, PRS_AS(n, ForOf)); return;
    case PRS_While: while_stmt(g, PRS_AS(n, While)); return;
    case PRS_DoWhile: do_while(g, PRS_AS(n, DoWhile)); return;
    case PRS_Return: return_stmt(g, PRS_AS(n, Return)); return;
    case PRS_Break:
      gen_stmt_pos(g, n);
      gen_jump_out(g, GEN_BREAK, find_target(g, PRS_AS(n, Break)->label, false));
      return;
    case PRS_Continue:
      gen_stmt_pos(g, n);
      gen_jump_out(g, GEN_CONTINUE, find_target(g, PRS_AS(n, Continue)->label, true));
      return;
    case PRS_Throw: throw_stmt(g, PRS_AS(n, Throw)); return;
    case PRS_Try: try_stmt(g, PRS_AS(n, Try)); return;
    case PRS_Switch: switch_stmt(g, PRS_AS(n, Switch)); return;
    case PRS_Labeled: labeled(g, PRS_AS(n, Labeled)); return;
    case PRS_With: with_stmt(g, PRS_AS(n, With)); return;
    case PRS_Debugger: gen_stmt_pos(g, n); GEN0(g, Debugger); return;
    case PRS_Function: function_decl(g, n); return;
    case PRS_Class: class_decl(g, PRS_AS(n, Class)); return;
    case PRS_Import: case PRS_Export:
      gen_error(g, n, "modules are not supported yet");
    case PRS_Script: case PRS_Module: case PRS_Declarator: case PRS_Case:
    case PRS_ImportSpec: case PRS_ExportSpec: case PRS_ImportAttribute:
    case PRS_ClassMember: case PRS_StaticBlock: case PRS_Ident:
    case PRS_PrivateName: case PRS_PropName: case PRS_This: case PRS_Super:
    case PRS_Null: case PRS_True: case PRS_False: case PRS_Number:
    case PRS_BigInt: case PRS_String: case PRS_Regex: case PRS_Template:
    case PRS_TemplatePart: case PRS_TaggedTemplate: case PRS_Array:
    case PRS_Hole: case PRS_Object: case PRS_Property: case PRS_Spread:
    case PRS_Unary: case PRS_Update: case PRS_Binary: case PRS_Logical:
    case PRS_Assign: case PRS_Conditional: case PRS_Call: case PRS_New:
    case PRS_Member: case PRS_Index: case PRS_PrivateMember:
    case PRS_OptionalChain: case PRS_Sequence: case PRS_Yield: case PRS_Await:
    case PRS_NewTarget: case PRS_ImportMeta: case PRS_ImportCall:
    case PRS_ObjectPattern: case PRS_PatternProp: case PRS_ArrayPattern:
    case PRS_AssignPattern: case PRS_Rest: case PRS_KIND_COUNT:
      gen_error(g, n, "internal error: not a statement");
  }
}

/* {==== using declarations ====} */

// Which using declarations stand directly in a statement list: 0 none,
// 1 using only, 2 some await using.
static int using_kind(PrsList *l) {
  int kind = 0;
  for (uint32_t i = 0; i < l->len; i++) {
    PrsNode *n = l->items[i];
    if (!PRS_IS(n, VarDecl)) continue;
    if (n->op == PRS_OP_AwaitUsing) return 2;
    if (n->op == PRS_OP_Using) kind = 1;
  }
  return kind;
}

// A statement list with using declarations (explicit resource
// management, ES2026 §14.2.2 Block evaluation, §16.1 for scripts and
// modules): its statements run as in try { ... } finally {
// DisposeResources(list, completion) }, the resources collected in a
// list register that starts undefined. The finally is try_finally's,
// with the disposal before the token dispatch: a throw completion is
// rethrown by the runtime call (possibly as a SuppressedError), any
// other completion goes on unless disposal throws. With await using the
// disposal is awaited (one Await of the promise the runtime returns, not
// the spec's Await per resource: an async disposal may settle a turn or
// so later than the spec's).
static void disposal_region(Gen *g, PrsList *l, bool async) {
  GenControl f;
  memset(&f, 0, sizeof f);
  f.kind = CTL_FINALLY;
  f.context_reg = -1;
  f.disposal = true;
  int ctx = gen_temp(g);
  // list, token, value: consecutive, the runtime calls' arguments.
  f.list_reg = gen_temps(g, 3);
  f.token_reg = f.list_reg + 1;
  f.value_reg = f.list_reg + 2;
  f.finally_label = gen_label(g);
  GEN2(g, Mov, GEN_CONTEXT(g), ctx);
  GEN0(g, LdaUndefined);
  GEN1(g, Star, f.list_reg);
  int start = gen_label(g), end = gen_label(g), handler = gen_label(g);
  f.outer = g->control;
  g->control = &f;
  gen_bind(g, start);
  for (uint32_t i = 0; i < l->len; i++) gen_statement(g, l->items[i]);
  protected_end(g, &f, end, handler);
  gen_handler(g, start, end, handler, ctx);
  if (async) {
    int skip = gen_label(g);
    gen_call_runtime(g, IGN_RT_DisposeResourcesAsync, f.list_reg, 3);
    GEN1(g, JumpIfUndefined, skip);
    gen_suspend(g, true);
    gen_bind(g, skip);
  } else {
    gen_call_runtime(g, IGN_RT_DisposeResources, f.list_reg, 3);
  }
  finally_dispatch(g, &f);
  free(f.targets);
  gen_release(g, ctx);
}

void gen_statements(Gen *g, PrsList *l) {
  int kind = using_kind(l);
  if (kind) {
    disposal_region(g, l, kind == 2);
    return;
  }
  for (uint32_t i = 0; i < l->len; i++) gen_statement(g, l->items[i]);
}
