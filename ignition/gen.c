/*
 * ignition/gen.c — the generator's driver: compiling one function or
 * script (prologue, parameters, body), emitting instructions, labels,
 * constants, feedback slots, registers, and where each variable lives.
 * Statements, expressions and patterns are in gen_stmt.c, gen_expr.c
 * and gen_pattern.c.
 */
#include <stdlib.h>
#include <string.h>

#include "ignition/gen.h"
#include "ignition/interp.h"

/* {==== Emission ====} */

static void *grow(void *p, uint32_t *cap, uint32_t need, size_t elem) {
  if (need <= *cap) return p;
  uint32_t n = *cap ? *cap * 2 : 64;
  while (n < need) n *= 2;
  p = realloc(p, n * elem);
  if (!p) abort();
  *cap = n;
  return p;
}

void gen_emit(Gen *g, IgnOpcode op, int32_t a, int32_t b, int32_t c, int32_t d) {
  g->insns = grow(g->insns, &g->cap_insns, g->ninsns + 1, sizeof *g->insns);
  IgnInsn *i = &g->insns[g->ninsns++];
  i->op = (uint8_t)op;
  i->opnd[0] = a;
  i->opnd[1] = b;
  i->opnd[2] = c;
  i->opnd[3] = d;
  // A pending source position attaches to the first instruction after it.
  i->pos = (uint8_t)g->pending_pos;
  i->src = g->pending_src;
  g->pending_pos = 0;
}

void gen_stmt_pos(Gen *g, const PrsNode *n) {
  g->pending_pos = 1;
  g->pending_src = n->start;
}

void gen_expr_pos(Gen *g, const PrsNode *n) {
  if (g->pending_pos == 1) return;  // a statement position wins
  g->pending_pos = 2;
  g->pending_src = n->start;
}

int gen_label(Gen *g) {
  g->labels = grow(g->labels, &g->cap_labels, g->nlabels + 1, sizeof *g->labels);
  g->labels[g->nlabels] = -1;
  return (int)g->nlabels++;
}

void gen_bind(Gen *g, int label) { g->labels[label] = (int32_t)g->ninsns; }

_Noreturn void gen_error(Gen *g, const PrsNode *at, const char *msg) {
  g->fail_message = msg;
  g->fail_node = (PrsNode *)at;
  longjmp(*g->fail, 1);
}

/* {==== Constants, slots, registers ====} */

JSValue gen_atom_string(Gen *g, const PrsAtom *a) {
  return js_intern(g->vm, js_string_from_utf8(g->vm, a->text, a->len));
}

int gen_const(Gen *g, JSValue v) {
  // Strings are interned and numbers compared by bits: linear dedup is
  // fine for the pool sizes functions have; huge pools stop deduping.
  uint32_t from = g->nconsts > 256 ? g->nconsts - 256 : 0;
  for (uint32_t i = from; i < g->nconsts; i++)
    if (g->consts[i].bits == v.bits && (js_is_string(v) || !js_is_heap(v))) return (int)i;
  g->consts = grow(g->consts, &g->cap_consts, g->nconsts + 1, sizeof *g->consts);
  g->consts[g->nconsts] = v;
  return (int)g->nconsts++;
}

int gen_const_atom(Gen *g, const PrsAtom *a) { return gen_const(g, gen_atom_string(g, a)); }

int gen_slot(Gen *g, IgnSlotKind kind) {
  g->slots = grow(g->slots, &g->cap_slots, g->nslots + 1, 1);
  g->slots[g->nslots] = (uint8_t)kind;
  return (int)g->nslots++;
}

int gen_temp(Gen *g) {
  int r = (int)g->next_temp++;
  if (g->next_temp > g->max_regs) g->max_regs = g->next_temp;
  if (g->next_temp > 0x7FFFFFF) gen_error(g, g->fnode, "too many registers");
  return r;
}

int gen_temps(Gen *g, uint32_t n) {
  int first = (int)g->next_temp;
  for (uint32_t i = 0; i < n; i++) gen_temp(g);
  return first;
}

void gen_release(Gen *g, int first) {
  if ((uint32_t)first < g->next_temp) g->next_temp = (uint32_t)first;
}

void gen_call_runtime(Gen *g, IgnRuntimeId id, int first, uint32_t n) {
  GEN3(g, CallRuntime, (int32_t)id, first, (int32_t)n);
}

/* {==== Where variables live ====} */

// A scope gets a runtime context when variables live there, when it is
// a `with`, or when a sloppy direct eval may add bindings to it.
bool gen_scope_has_context(const PrsScope *s) {
  if (!s) return false;
  // Eval code's own captured bindings live in a context of its own.
  if (s->kind == PRS_SCOPE_SCRIPT) return s->eval && s->context_slots > 0;
  if (s->kind == PRS_SCOPE_WITH) return true;
  if (s->context_slots > 0) return true;
  return s->kind == PRS_SCOPE_FUNCTION && s->has_direct_eval && !s->strict;
}

// How many context links separate the current scope's context from
// target's. Only scopes with contexts count.
int gen_context_depth(Gen *g, PrsScope *target) {
  int depth = 0;
  PrsScope *s = g->scope;
  // The current context is that of the innermost context scope enclosing
  // s; walk to target counting the contexts passed.
  while (s && !gen_scope_has_context(s)) s = s->outer;
  for (; s && s != target; s = s->outer)
    if (gen_scope_has_context(s)) depth++;
  return depth;
}

int gen_var_operand(Gen *g, PrsVar *v) {
  (void)g;
  return (int32_t)v->index;
}

// Whether an unresolved name must be looked up by name at run time
// (a with or sloppy eval between here and the script) or is a global.
static bool needs_lookup(Gen *g) {
  for (PrsScope *s = g->scope; s; s = s->outer)
    // Eval code (and functions in it) see the caller's variables by name.
    if (s->eval || s->dynamic || s->kind == PRS_SCOPE_WITH ||
        (s->has_direct_eval && !s->strict && s->kind == PRS_SCOPE_FUNCTION))
      return true;
  return false;
}

static bool is_const_var(const PrsVar *v) {
  return v->kind == PRS_VAR_CONST || v->kind == PRS_VAR_IMPORT;
}

void gen_load_var(Gen *g, PrsVar *v, bool hole_check, PrsAtom *name) {
  switch ((PrsVarLocation)v->location) {
    case PRS_LOC_REGISTER:
      GEN1(g, Ldar, gen_var_operand(g, v));
      break;
    case PRS_LOC_CONTEXT: {
      int depth = gen_context_depth(g, v->scope);
      if (depth == 0) GEN1(g, LdaCurrentContextSlot, (int32_t)v->index);
      else GEN2(g, LdaContextSlot, (int32_t)v->index, depth);
      break;
    }
    case PRS_LOC_GLOBAL:
    case PRS_LOC_MODULE:
      // A sloppy eval's vars are its caller's (found by name).
      if (v->scope->eval) GEN1(g, LdaLookupSlot, gen_const_atom(g, name));
      else GEN2(g, LdaGlobal, gen_const_atom(g, name), gen_slot(g, IGN_SLOT_GLOBAL));
      return;  // the global path checks the TDZ itself
  }
  if (hole_check) GEN1(g, ThrowReferenceErrorIfHole, gen_const_atom(g, name));
}

void gen_load_ident(Gen *g, PrsIdent *id, bool inside_typeof) {
  PrsVar *v = id->var;
  if (!v) {
    int name = gen_const_atom(g, id->name);
    if (needs_lookup(g)) {
      if (inside_typeof) GEN1(g, LdaLookupSlotInsideTypeof, name);
      else GEN1(g, LdaLookupSlot, name);
    } else if (inside_typeof) {
      GEN2(g, LdaGlobalInsideTypeof, name, gen_slot(g, IGN_SLOT_GLOBAL));
    } else {
      GEN2(g, LdaGlobal, name, gen_slot(g, IGN_SLOT_GLOBAL));
    }
    return;
  }
  if (v->location == PRS_LOC_GLOBAL && inside_typeof) {
    GEN2(g, LdaGlobalInsideTypeof, gen_const_atom(g, id->name), gen_slot(g, IGN_SLOT_GLOBAL));
    return;
  }
  gen_load_var(g, v, id->base.flags & PRS_FLAG_HoleCheck, id->name);
}

// Stores acc to v. init: the binding's initialization (no TDZ or const
// check). Assignments to const throw after the TDZ check, as the spec's
// order requires (reading the binding's state first).
void gen_store_var(Gen *g, PrsVar *v, bool init, PrsAtom *name, bool hole_check) {
  if (v->location == PRS_LOC_GLOBAL && v->scope->eval) {
    GEN2(g, StaLookupSlot, gen_const_atom(g, name), g->strict);
    return;
  }
  if (v->location == PRS_LOC_GLOBAL || v->location == PRS_LOC_MODULE) {
    int k = gen_const_atom(g, name);
    if (init && v->lexical) {
      int t = gen_temps(g, 2);
      GEN1(g, Star, t + 1);
      GEN1(g, LdaConstant, k);
      GEN1(g, Star, t);
      GEN1(g, Ldar, t + 1);
      gen_call_runtime(g, IGN_RT_InitGlobalLexical, t, 2);
      GEN1(g, Ldar, t + 1);
      gen_release(g, t);
    } else {
      GEN3(g, StaGlobal, k, gen_slot(g, IGN_SLOT_GLOBAL), g->strict);
    }
    return;
  }
  if (!init && (is_const_var(v) || v->kind == PRS_VAR_SELF)) {
    // const: TDZ check first, then the TypeError. A function expression's
    // own name is silently immutable in sloppy code.
    if (v->lexical && hole_check) {
      int t = gen_temp(g);
      GEN1(g, Star, t);
      gen_load_var(g, v, true, name);
      GEN1(g, Ldar, t);
      gen_release(g, t);
    }
    if (v->kind == PRS_VAR_SELF && !g->strict) return;
    GEN1(g, ThrowConstAssignment, gen_const_atom(g, name));
    return;
  }
  if (!init && v->lexical && hole_check) {
    // let: assignment before initialization is a ReferenceError.
    int t = gen_temp(g);
    GEN1(g, Star, t);
    gen_load_var(g, v, true, name);
    GEN1(g, Ldar, t);
    gen_release(g, t);
  }
  switch ((PrsVarLocation)v->location) {
    case PRS_LOC_REGISTER:
      GEN1(g, Star, gen_var_operand(g, v));
      break;
    case PRS_LOC_CONTEXT: {
      int depth = gen_context_depth(g, v->scope);
      if (depth == 0) GEN1(g, StaCurrentContextSlot, (int32_t)v->index);
      else GEN2(g, StaContextSlot, (int32_t)v->index, depth);
      break;
    }
    case PRS_LOC_GLOBAL:
    case PRS_LOC_MODULE:
      break;
  }
}

void gen_store_ident(Gen *g, PrsIdent *id, bool init) {
  if (!id->var) {
    int name = gen_const_atom(g, id->name);
    if (needs_lookup(g)) GEN2(g, StaLookupSlot, name, g->strict);
    else GEN3(g, StaGlobal, name, gen_slot(g, IGN_SLOT_GLOBAL), g->strict);
    return;
  }
  gen_store_var(g, id->var, init, id->name, id->base.flags & PRS_FLAG_HoleCheck);
}

/* {==== Scopes ====} */

// The names of s's context slots, for lookups by name (with, eval) and
// for debugging: a JSArrayStore indexed by slot, `used` = slot count.
static int scope_info(Gen *g, PrsScope *s) {
  JSArrayStore *names = js_new_store(g->vm, s->context_slots);
  for (uint32_t i = 0; i < s->context_slots; i++) names->v[i] = JS_UNDEFINED;
  for (PrsVar *v = s->vars; v; v = v->next)
    if (v->location == PRS_LOC_CONTEXT && v->index < s->context_slots)
      names->v[v->index] = gen_atom_string(g, v->name);
  names->used = s->context_slots;
  return gen_const(g, js_val(names));
}

void gen_init_lexicals(Gen *g, PrsScope *s) {
  for (PrsVar *v = s->vars; v; v = v->next) {
    if (!v->lexical || v->location == PRS_LOC_GLOBAL) continue;
    GEN0(g, LdaTheHole);
    gen_store_var(g, v, true, v->name, false);
  }
}

void gen_enter_scope(Gen *g, PrsScope *s, GenControl *ctl) {
  memset(ctl, 0, sizeof *ctl);
  ctl->kind = CTL_CONTEXT;
  ctl->context_reg = -1;
  ctl->break_label = ctl->continue_label = -1;
  if (!s) return;
  if (gen_scope_has_context(s)) {
    int r = gen_temp(g);
    GEN1(g, CreateBlockContext, scope_info(g, s));
    GEN1(g, PushContext, r);
    ctl->context_reg = r;
    ctl->outer = g->control;
    g->control = ctl;
  }
  g->scope = s;
  gen_init_lexicals(g, s);
}

void gen_leave_scope(Gen *g, PrsScope *s, GenControl *ctl) {
  if (!s) return;
  if (ctl->context_reg >= 0) {
    GEN1(g, PopContext, ctl->context_reg);
    g->control = ctl->outer;
    gen_release(g, ctl->context_reg);
  }
  g->scope = s->outer;
}

static PrsVar *find_var(PrsScope *s, PrsAtom *name) {
  for (PrsVar *v = s->vars; v; v = v->next)
    if (v->name == name) return v;
  return NULL;
}

void gen_hoist_functions(Gen *g, PrsList *body, PrsScope *s) {
  for (uint32_t i = 0; i < body->len; i++) {
    PrsNode *n = body->items[i];
    // export function f() {} declares f too.
    if (PRS_IS(n, Export) && PRS_AS(n, Export)->decl) n = PRS_AS(n, Export)->decl;
    if (!PRS_IS(n, Function) || !(n->flags & PRS_FLAG_Declaration)) continue;
    PrsFunction *f = PRS_AS(n, Function);
    PrsIdent *id = PRS_AS(f->name, Ident);
    gen_closure(g, n);
    PrsVar *v = id->var ? id->var : find_var(s, id->name);
    if (v) gen_store_var(g, v, true, id->name, false);
    else gen_store_ident(g, id, true);
  }
}

/* {==== Functions and scripts ====} */

// The function's own frame-level context, made in the prologue.
static void function_context(Gen *g, PrsScope *s) {
  if (!gen_scope_has_context(s)) return;
  GEN2(g, CreateFunctionContext, scope_info(g, s), (int32_t)s->context_slots);
}

static PrsVar *param_var(PrsNode *p) {
  return PRS_IS(p, Ident) ? PRS_AS(p, Ident)->var : NULL;
}

// Simple parameter lists: each parameter register variable *is* its
// parameter slot; captured ones are copied into the context.
static void simple_params(Gen *g, PrsFunction *f) {
  for (uint32_t i = 0; i < f->params.len; i++) {
    PrsVar *v = param_var(f->params.items[i]);
    int32_t operand = (int32_t)i - (int32_t)g->nparams;
    if (!v) continue;
    // With duplicate names (sloppy), the last parameter wins.
    if (v->location == PRS_LOC_REGISTER) {
      v->index = (uint32_t)operand;
    } else {
      GEN1(g, Ldar, operand);
      gen_store_var(g, v, true, v->name, false);
    }
  }
}

// Parameters with defaults, patterns or a rest element: evaluated left
// to right from the argument slots, each binding leaving its TDZ when
// initialized.
static void complex_params(Gen *g, PrsFunction *f) {
  for (PrsVar *v = f->scope->vars; v; v = v->next) {
    if (v->kind != PRS_VAR_PARAM) continue;
    GEN0(g, LdaTheHole);
    gen_store_var(g, v, true, v->name, false);
  }
  for (uint32_t i = 0; i < f->params.len; i++) {
    PrsNode *p = f->params.items[i];
    if (PRS_IS(p, Rest)) {
      GEN0(g, CreateRestParameter);
      gen_binding_init(g, PRS_AS(p, Rest)->arg, true);
      continue;
    }
    GEN1(g, Ldar, (int32_t)i - (int32_t)g->nparams);
    gen_binding_init(g, p, true);
  }
}

// The context slot of each parameter position, for a mapped arguments
// object (the hole where a later parameter of the same name wins).
static int parameter_map(Gen *g, PrsFunction *f) {
  JSArrayStore *m = js_new_store(g->vm, f->params.len);
  for (uint32_t i = 0; i < f->params.len; i++) {
    PrsVar *v = param_var(f->params.items[i]);
    m->v[i] = v && v->location == PRS_LOC_CONTEXT ? js_from_int32((int32_t)v->index) : JS_HOLE;
    for (uint32_t j = i + 1; j < f->params.len; j++)
      if (param_var(f->params.items[j]) == v) m->v[i] = JS_HOLE;
  }
  m->used = f->params.len;
  return gen_const(g, js_val(m));
}

static void arguments_object(Gen *g, PrsFunction *f) {
  PrsScope *s = f->scope;
  if (!s->uses_arguments) return;
  PrsVar *v = NULL;
  for (PrsVar *w = s->vars; w; w = w->next)
    if (w->kind == PRS_VAR_ARGUMENTS) v = w;
  if (!v) return;
  bool mapped = !s->strict && (f->base.flags & PRS_FLAG_SimpleParams);
  if (mapped) GEN1(g, CreateMappedArguments, parameter_map(g, f));
  else GEN0(g, CreateUnmappedArguments);
  gen_store_var(g, v, true, v->name, false);
}

// A body scope (parameters with expressions): its vars named like a
// parameter start with the parameter's value, the others undefined.
static void enter_body_scope(Gen *g, PrsFunction *f, GenControl *ctl) {
  PrsScope *b = f->body_scope;
  gen_enter_scope(g, b, ctl);
  for (PrsVar *v = b->vars; v; v = v->next) {
    if (v->lexical) continue;
    PrsVar *p = find_var(f->scope, v->name);
    if (p && p->kind == PRS_VAR_PARAM) {
      g->scope = f->scope;
      gen_load_var(g, p, false, p->name);
      g->scope = b;
    } else {
      GEN0(g, LdaUndefined);
    }
    gen_store_var(g, v, true, v->name, false);
  }
}

static uint32_t count_params(PrsFunction *f) {
  uint32_t n = 0;
  for (uint32_t i = 0; i < f->params.len; i++)
    if (!PRS_IS(f->params.items[i], Rest)) n++;
  return n;
}

// A base class constructor defines the instance fields first thing
// (derived ones do it when super() returns).
static void base_constructor_fields(Gen *g, PrsFunction *f) {
  uint32_t fl = f->base.flags;
  if (!(fl & PRS_FLAG_Constructor) || (fl & PRS_FLAG_Derived)) return;
  int args = gen_temps(g, 2);
  GEN2(g, Mov, GEN_THIS(g), args);
  GEN2(g, Mov, GEN_CLOSURE(g), args + 1);
  gen_call_runtime(g, IGN_RT_InitializeFields, args, 2);
  gen_release(g, args);
}

// CreateGenerator into a register that lives as long as the frame.
static void create_generator(Gen *g) {
  g->generator_reg = gen_temp(g);
  gen_call_runtime(g, IGN_RT_CreateGenerator, GEN_CLOSURE(g), 1);
  GEN1(g, Star, g->generator_reg);
}

static void function_body(Gen *g, PrsFunction *f) {
  GenControl body;
  if (f->body_scope) enter_body_scope(g, f, &body);
  PrsScope *vs = f->body_scope ? f->body_scope : f->scope;
  if (!f->body_scope) gen_init_lexicals(g, f->scope);
  if (f->base.flags & PRS_FLAG_ExprBody) {
    gen_expr(g, f->body.items[0]);
    gen_return(g);
    return;
  }
  gen_hoist_functions(g, &f->body, vs);
  // A generator returns its generator object once the declarations are
  // instantiated; the body runs on the first next().
  if (g->fn_flags & JS_FN_GENERATOR) {
    create_generator(g);
    GEN4(g, SuspendGenerator, g->generator_reg, 0, (int32_t)g->locals, 0);
  }
  gen_statements(g, &f->body);
  GEN0(g, LdaUndefined);
  gen_return(g);
}

// A named function expression's own name (scope.c adds it last, so any
// parameter or var of the same name shadows it): the closure itself.
static void self_binding(Gen *g, PrsFunction *f) {
  for (PrsVar *v = f->scope->vars; v; v = v->next) {
    if (v->kind != PRS_VAR_SELF) continue;
    GEN1(g, Ldar, GEN_CLOSURE(g));
    gen_store_var(g, v, true, v->name, false);
  }
}

static void compile_function(Gen *g, PrsFunction *f) {
  g->fscope = g->scope = f->scope;
  g->strict = f->scope->strict;
  g->nparams = count_params(f);
  g->locals = g->next_temp = g->max_regs = f->scope->registers;
  uint32_t fl = f->base.flags;
  if ((fl & PRS_FLAG_Constructor) && (fl & PRS_FLAG_Derived)) g->fn_flags |= JS_FN_DERIVED;
  if (fl & PRS_FLAG_Generator) g->fn_flags |= JS_FN_GENERATOR;
  if (fl & PRS_FLAG_Async) g->fn_flags |= JS_FN_ASYNC;
  function_context(g, f->scope);
  // An async function's promise exists before its parameters are bound:
  // anything thrown from here on rejects it.
  bool async_fn = (fl & PRS_FLAG_Async) && !(fl & PRS_FLAG_Generator);
  int ctx = -1, start = -1, end = -1, handler = -1;
  if (async_fn) {
    create_generator(g);
    ctx = gen_temp(g);
    GEN2(g, Mov, GEN_CONTEXT(g), ctx);
    start = gen_label(g), end = gen_label(g), handler = gen_label(g);
    gen_bind(g, start);
  }
  base_constructor_fields(g, f);
  self_binding(g, f);
  if (fl & PRS_FLAG_SimpleParams) simple_params(g, f);
  arguments_object(g, f);
  if (!(fl & PRS_FLAG_SimpleParams)) complex_params(g, f);
  function_body(g, f);
  if (async_fn) {
    gen_bind(g, end);
    gen_bind(g, handler);
    int args = gen_temps(g, 2);
    GEN1(g, Star, args + 1);
    GEN2(g, Mov, g->generator_reg, args);
    gen_call_runtime(g, IGN_RT_AsyncFunctionReject, args, 2);
    GEN0(g, Return);
    gen_handler(g, start, end, handler, ctx);
  }
}

// The declarations a script makes, for DeclareGlobals: pairs of name and
// kind (0 var, 1 function, 2 let, 3 const, 4 class).
static int global_declarations(Gen *g, PrsScope *s) {
  JSArrayStore *l = js_new_store(g->vm, s->var_count * 2 + 2);
  uint32_t n = 0;
  for (PrsVar *v = s->vars; v; v = v->next) {
    if (v->location != PRS_LOC_GLOBAL) continue;  // eval code's own bindings
    int kind = v->kind == PRS_VAR_FUNCTION ? 1 : v->kind == PRS_VAR_LET ? 2
               : v->kind == PRS_VAR_CONST ? 3 : v->kind == PRS_VAR_CLASS ? 4 : 0;
    if (n + 2 > l->length) break;
    l->v[n++] = gen_atom_string(g, v->name);
    l->v[n++] = js_from_int32(kind);
  }
  l->used = n;
  return gen_const(g, js_val(l));
}

static void compile_script(Gen *g, PrsScript *sc) {
  g->fscope = g->scope = g->script_scope = sc->scope;
  g->strict = sc->scope->strict;
  g->locals = g->next_temp = g->max_regs = sc->scope->registers;
  bool eval = sc->scope->eval;
  if (eval) function_context(g, sc->scope);
  if (sc->scope->vars) {
    // Eval code declares its (sloppy) vars in its caller's var scope.
    int t = gen_temp(g);
    GEN1(g, LdaConstant, global_declarations(g, sc->scope));
    GEN1(g, Star, t);
    gen_call_runtime(g, eval ? IGN_RT_DeclareEvalVars : IGN_RT_DeclareGlobals, t, 1);
    gen_release(g, t);
  }
  if (eval) gen_init_lexicals(g, sc->scope);
  gen_hoist_functions(g, &sc->body, sc->scope);
  g->completion_reg = gen_temp(g);
  GEN0(g, LdaUndefined);
  GEN1(g, Star, g->completion_reg);
  gen_statements(g, &sc->body);
  GEN1(g, Ldar, g->completion_reg);
  gen_return(g);
}

// A field initializer: `return <value>` in the field's own scope.
static void compile_field(Gen *g, PrsClassMember *m) {
  g->fscope = g->scope = m->scope;
  g->strict = true;
  g->locals = g->next_temp = g->max_regs = m->scope->registers;
  function_context(g, m->scope);
  if (m->value) gen_expr(g, m->value);
  else GEN0(g, LdaUndefined);
  gen_return(g);
}

// A static block: its statements, run with the class as this.
static void compile_static_block(Gen *g, PrsStaticBlock *b) {
  g->fscope = g->scope = b->scope;
  g->strict = true;
  g->locals = g->next_temp = g->max_regs = b->scope->registers;
  function_context(g, b->scope);
  gen_init_lexicals(g, b->scope);
  gen_hoist_functions(g, &b->body, b->scope);
  gen_statements(g, &b->body);
  GEN0(g, LdaUndefined);
  gen_return(g);
}

static void gen_free(Gen *g) {
  free(g->insns);
  free(g->labels);
  free(g->consts);
  free(g->slots);
  free(g->handlers);
  free(g->resume_labels);
}

IgnCode *ign_compile(JSVM *vm, IgnScript *script, PrsNode *node, PrsScope *scope) {
  (void)scope;
  Gen g;
  memset(&g, 0, sizeof g);
  g.vm = vm;
  g.script = script;
  g.fnode = node;
  g.generator_reg = g.new_target_reg = g.completion_reg = -1;
  jmp_buf fail;
  g.fail = &fail;
  // The constant pool is malloc'd while it grows: a root until assembled.
  ori_push_roots(&g.consts, &g.nconsts);
  if (setjmp(fail)) {
    ori_pop_roots();
    uint32_t line = 0, col = 0;
    if (g.fail_node) ign_source_line_col(script, g.fail_node->start, &line, &col);
    js_throw_range_error(vm, "%s (%u:%u)", g.fail_message, line, col);
    gen_free(&g);
    return NULL;
  }
  if (PRS_IS(node, Script)) compile_script(&g, PRS_AS(node, Script));
  else if (PRS_IS(node, ClassMember)) compile_field(&g, PRS_AS(node, ClassMember));
  else if (PRS_IS(node, StaticBlock)) compile_static_block(&g, PRS_AS(node, StaticBlock));
  else compile_function(&g, PRS_AS(node, Function));
  IgnCode *code = calloc(1, sizeof *code);
  code->script = script;
  code->node = node;
  ign_assemble(&g, code);
  ign_gc_register_code(code);
  ori_pop_roots();
  gen_free(&g);
  return code;
}
