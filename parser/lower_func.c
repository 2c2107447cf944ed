/*
 * parser/lower_func.c — functions, arrows, methods and classes: their
 * contexts (strictness, async/generator, super, new.target), parameter
 * lists, and the class-body early errors (constructors, private names,
 * special field and method names).
 */
#include <string.h>

#include "parser/keywords.h"
#include "parser/lower.h"


/* {==== Contexts ====} */

// A fresh context for a non-arrow function: nothing lexical is inherited
// except strictness.
static void enter_function(Lower *L, Func *f, bool is_async, bool is_generator) {
  memset(f, 0, sizeof *f);
  f->outer = L->fn;
  f->is_function = true;
  f->strict = L->fn->strict;
  f->is_async = is_async;
  f->is_generator = is_generator;
  f->new_target = true;
  L->fn = f;
}

static void leave_function(Lower *L, Func *f) { L->fn = f->outer; }

/* {==== Parameters ====} */

static bool params_simple(const PrsList *params) {
  for (uint32_t i = 0; i < params->len; i++)
    if (!PRS_IS(params->items[i], Ident)) return false;
  return true;
}

// formal_parameters (or a lone identifier for `x => ...`) into a list.
static PrsList lower_params(Lower *L, TSNode n) {
  L->fn->in_params = true;
  PrsList list;
  if (lower_kind(n) != CST_formal_parameters) {
    list = lower_list(L, 1);
    list.items[0] = lower_binding(L, n);
  } else {
    uint32_t base = lower_items(L, n);
    uint32_t count = 0;
    for (uint32_t i = base; i < L->nkids; i++) count += !is_token(&L->kids[i]);
    list = lower_list(L, count);
    uint32_t out = 0;
    for (uint32_t i = base; i < L->nkids; i++) {
      Kid k = L->kids[i];
      if (is_token(&k)) continue;
      PrsNode *p = lower_binding(L, k.node);
      if (PRS_IS(p, Rest)) {
        // A rest parameter is last, with no trailing comma.
        if (out + 1 != count) lower_error(L, k.node, "Rest parameter must be last formal parameter");
        if (i + 1 < L->nkids && L->kids[i + 1].kind == CST_T_comma)
          lower_error(L, L->kids[i + 1].node, "A rest parameter or binding pattern may not have a trailing comma");
      }
      list.items[out++] = p;
    }
    lower_pop(L, base);
  }
  L->fn->in_params = false;
  return list;
}

// "use strict" in a body whose parameters are not simple is an error, and
// the directive makes the name and parameters strict retroactively, so the
// body's prologue is read before anything else.
static void prescan_strict(Lower *L, TSNode body, bool *use_strict, TSNode *where) {
  *use_strict = false;
  if (!ts_node_is_null(body) && lower_kind(body) == CST_statement_block)
    *use_strict = lower_scan_prologue(L, body, 0, where);
  if (*use_strict) L->fn->strict = true;
}

static void finish_function(Lower *L, PrsFunction *f, TSNode body,
                            bool use_strict, TSNode where) {
  bool simple = params_simple(&f->params);
  if (simple) f->base.flags |= PRS_FLAG_SimpleParams;
  if (use_strict) {
    f->base.flags |= PRS_FLAG_UseStrict;
    if (!simple)
      lower_error(L, where, "Illegal 'use strict' directive in function with non-simple parameter list");
  }
  if (lower_kind(body) == CST_statement_block) {
    f->body = lower_body(L, body, 0, true);
  } else {
    // Arrow with an expression body: body = [expression]. A body that
    // starts with `{` is a block, never an object: tree-sitter sometimes
    // reads `() => {} = 1` otherwise.
    if (L->src[ts_node_start_byte(body)] == '{')
      lower_error(L, body, "Unexpected token '{'");
    f->base.flags |= PRS_FLAG_ExprBody;
    f->body = lower_list(L, 1);
    f->body.items[0] = lower_expression(L, body);
    if (f->body.items[0]->kind == PRS_Sequence && !(f->body.items[0]->flags & PRS_FLAG_Parenthesized))
      lower_error(L, body, "Unexpected token ','");
  }
  if (L->fn->strict) f->base.flags |= PRS_FLAG_Strict;
}

/* {==== Function declarations and expressions ====} */

PrsNode *lower_function(Lower *L, TSNode n) {
  PrsFunction *f = LOWER_NEW(L, Function, n);
  PrsCst k = lower_kind(n);
  bool decl = k == CST_function_declaration || k == CST_generator_function_declaration;
  bool gen = k == CST_generator_function || k == CST_generator_function_declaration;
  bool async = lower_kind(ts_node_child(n, 0)) == CST_T_async;
  if (decl) f->base.flags |= PRS_FLAG_Declaration;
  if (gen) f->base.flags |= PRS_FLAG_Generator;
  if (async) f->base.flags |= PRS_FLAG_Async;
  TSNode name = lower_field(L, n, FLD_name);
  TSNode params = lower_field(L, n, FLD_parameters);
  TSNode body = lower_field(L, n, FLD_body);
  Func ctx;
  enter_function(L, &ctx, async, gen);
  bool use_strict;
  TSNode where;
  prescan_strict(L, body, &use_strict, &where);
  if (!ts_node_is_null(name)) {
    // A declaration's name belongs to the enclosing context (for yield and
    // await), an expression's to the function itself; strictness is the
    // function's own either way.
    Func *fn = L->fn;
    if (decl) {
      bool saved = ctx.outer->strict;
      ctx.outer->strict = ctx.strict;
      L->fn = ctx.outer;
      f->name = lower_binding(L, name);
      ctx.outer->strict = saved;
      L->fn = fn;
    } else {
      f->name = lower_binding(L, name);
    }
  }
  f->params = lower_params(L, params);
  finish_function(L, f, body, use_strict, where);
  leave_function(L, &ctx);
  return &f->base;
}

// The parts of an arrow in one pass over its children, checking on the
// way `async` [no LineTerminator here] ArrowFormalParameters and
// ArrowParameters [no LineTerminator here] `=>`.
static void arrow_parts(Lower *L, TSNode n, bool *async, TSNode *params, TSNode *body) {
  uint32_t base = lower_kids(L, n);
  TSNode arrow = LOWER_NULL_NODE;
  *async = base < L->nkids && L->kids[base].kind == CST_T_async;
  for (uint32_t i = base; i < L->nkids; i++) {
    Kid k = L->kids[i];
    if (k.field == FLD_parameters || k.field == FLD_parameter) *params = k.node;
    else if (k.field == FLD_body) *body = k.node;
    else if (!ts_node_is_named(k.node) && ts_node_end_byte(k.node) - ts_node_start_byte(k.node) == 2 &&
             L->src[ts_node_start_byte(k.node)] == '=')
      arrow = k.node;
  }
  lower_pop(L, base);
  if (!ts_node_is_null(arrow) &&
      ts_node_start_point(arrow).row != ts_node_end_point(*params).row)
    lower_error(L, arrow, "Unexpected token '=>'");
  if (*async && ts_node_start_point(*params).row != ts_node_start_point(n).row)
    lower_error(L, *params, "Unexpected token");
}

PrsNode *lower_arrow(Lower *L, TSNode n) {
  PrsFunction *f = LOWER_NEW(L, Function, n);
  bool async;
  TSNode params = LOWER_NULL_NODE, body = params;
  arrow_parts(L, n, &async, &params, &body);
  f->base.flags |= PRS_FLAG_Arrow | (async ? PRS_FLAG_Async : 0);
  Func *outer = L->fn;
  Func ctx = *outer;  // arrows inherit super, new.target, field rules
  ctx.outer = outer;
  ctx.is_function = true;
  ctx.is_async = async;
  ctx.is_generator = false;
  ctx.loop_depth = ctx.breakable = 0;
  ctx.labels = NULL;
  L->fn = &ctx;
  bool use_strict;
  TSNode where;
  prescan_strict(L, body, &use_strict, &where);
  // Arrow parameters inherit [Await] (and the static-block ban on await)
  // from the enclosing context; the body is a function boundary for both.
  ctx.is_async = async || outer->is_async;
  ctx.is_generator = outer->is_generator;  // yield in them is an error
  f->params = lower_params(L, params);
  ctx.is_async = async;
  ctx.is_generator = false;
  ctx.static_block = false;
  finish_function(L, f, body, use_strict, where);
  L->fn = outer;
  return &f->base;
}

/* {==== Methods ====} */

// The modifiers written before a method's name.
typedef struct MethodHead {
  bool is_static, is_async, is_generator, is_get, is_set;
  TSNode name, params, body;
} MethodHead;

static void method_head(Lower *L, TSNode n, MethodHead *h) {
  memset(h, 0, sizeof *h);
  uint32_t base = lower_kids(L, n);
  for (uint32_t i = base; i < L->nkids; i++) {
    Kid k = L->kids[i];
    switch ((unsigned)k.field) {
      case FLD_name: h->name = k.node; continue;
      case FLD_parameters: h->params = k.node; continue;
      case FLD_body: h->body = k.node; continue;
      default: break;
    }
    if (!ts_node_is_null(h->name)) continue;  // only tokens before the name
    switch ((unsigned)k.kind) {
      case CST_T_static: h->is_static = true; break;
      case CST_T_static_get: h->is_static = h->is_get = true; break;
      case CST_T_async: h->is_async = true; break;
      case CST_T_star: h->is_generator = true; break;
      case CST_T_get: h->is_get = true; break;
      case CST_T_set: h->is_set = true; break;
      default: break;
    }
  }
  lower_pop(L, base);
}

PrsNode *lower_method(Lower *L, TSNode n, bool in_class, bool derived,
                      PrsNode **key_out, uint32_t *flags_out) {
  MethodHead h;
  method_head(L, n, &h);
  PrsNode *key = lower_property_key(L, h.name);
  bool computed = lower_kind(h.name) == CST_computed_property_name;
  bool ctor = in_class && !h.is_static && !computed && lower_key_is(key, KW_CONSTRUCTOR);
  if (ctor && (h.is_get || h.is_set)) lower_error(L, h.name, "Class constructor may not be an accessor");
  if (ctor && h.is_generator) lower_error(L, h.name, "Class constructor may not be a generator");
  if (ctor && h.is_async) lower_error(L, h.name, "Class constructor may not be an async method");
  if (in_class && h.is_static && !computed && lower_key_is(key, KW_PROTOTYPE))
    lower_error(L, h.name, "Classes may not have a static property named 'prototype'");
  PrsFunction *f = LOWER_NEW(L, Function, n);
  f->base.flags |= PRS_FLAG_Method | (h.is_async ? PRS_FLAG_Async : 0) |
                   (h.is_generator ? PRS_FLAG_Generator : 0) |
                   (h.is_get ? PRS_FLAG_Getter : 0) | (h.is_set ? PRS_FLAG_Setter : 0) |
                   (ctor ? PRS_FLAG_Constructor : 0) | (ctor && derived ? PRS_FLAG_Derived : 0);
  Func ctx;
  enter_function(L, &ctx, h.is_async, h.is_generator);
  ctx.super_property = true;
  ctx.super_call = ctor && derived;
  bool use_strict;
  TSNode where;
  prescan_strict(L, h.body, &use_strict, &where);
  f->params = lower_params(L, h.params);
  if (h.is_get && f->params.len != 0) lower_error(L, h.params, "Getter must not have any formal parameters.");
  if (h.is_set && (f->params.len != 1 || PRS_IS(f->params.items[0], Rest)))
    lower_error(L, h.params, "Setter must have exactly one formal parameter.");
  finish_function(L, f, h.body, use_strict, where);
  leave_function(L, &ctx);
  *key_out = key;
  *flags_out |= (computed ? PRS_FLAG_Computed : 0) | (h.is_static ? PRS_FLAG_Static : 0) |
                PRS_FLAG_Method | (h.is_get ? PRS_FLAG_Getter : 0) |
                (h.is_set ? PRS_FLAG_Setter : 0) | (ctor ? PRS_FLAG_Constructor : 0);
  return &f->base;
}

/* {==== Private names ====} */

void lower_private_ref(Lower *L, PrsAtom *name, TSNode n) {
  for (PrivateEnv *e = L->privates; e; e = e->outer)
    for (uint32_t i = 0; i < e->count; i++)
      if (e->names[i] == name) return;
  lower_error(L, n, "Private field '%s' must be declared in an enclosing class", name->text);
}

// Kinds of private declarations, for the duplicate rule: a name may be
// declared twice only as one getter and one setter of the same placement.
enum { PRIV_OTHER = 1, PRIV_GET = 2, PRIV_SET = 4, PRIV_STATIC = 8 };

static void declare_private(Lower *L, PrivateEnv *env, uint8_t *kinds,
                            PrsAtom *name, uint8_t kind, TSNode n) {
  for (uint32_t i = 0; i < env->count; i++) {
    if (env->names[i] != name) continue;
    uint8_t prev = kinds[i];
    // A getter/setter pair completes a name: anything more is a duplicate.
    bool complete = (prev & (PRIV_GET | PRIV_SET)) == (PRIV_GET | PRIV_SET);
    bool pair = !complete && ((prev | kind) & (PRIV_GET | PRIV_SET)) == (PRIV_GET | PRIV_SET) &&
                !((prev | kind) & PRIV_OTHER) && (prev & PRIV_STATIC) == (kind & PRIV_STATIC) &&
                (prev & (PRIV_GET | PRIV_SET)) != (kind & (PRIV_GET | PRIV_SET));
    if (!pair) lower_error(L, n, "Identifier '%s' has already been declared", name->text);
    kinds[i] |= kind;
    return;
  }
  env->names[env->count] = name;
  kinds[env->count++] = kind;
}

// Pre-scan a class body for the private names it declares.
static void scan_privates(Lower *L, TSNode body, PrivateEnv *env) {
  uint32_t base = lower_kids(L, body);
  uint32_t count = L->nkids - base;
  env->names = prs_arena_alloc(&L->ast->arena, (count + 1) * sizeof(PrsAtom *));
  uint8_t *kinds = prs_arena_alloc(&L->ast->arena, count + 1);
  for (uint32_t i = base; i < L->nkids; i++) {
    TSNode m = L->kids[i].node;
    PrsCst k = L->kids[i].kind;
    if (k != CST_method_definition && k != CST_field_definition) continue;
    TSNode name = ts_node_child_by_field_name(m, k == CST_field_definition ? "property" : "name",
                                              k == CST_field_definition ? 8 : 4);
    if (ts_node_is_null(name) || lower_kind(name) != CST_private_property_identifier) continue;
    uint8_t kind = PRIV_OTHER;
    for (uint32_t c = 0; c < ts_node_child_count(m); c++) {
      TSNode t = ts_node_child(m, c);
      if (ts_node_eq(t, name)) break;
      PrsCst tk = lower_kind(t);
      if (tk == CST_T_static || tk == CST_T_static_get) kind |= PRIV_STATIC;
      if (tk == CST_T_get || tk == CST_T_static_get) kind = (kind & PRIV_STATIC) | PRIV_GET;
      if (tk == CST_T_set) kind = (kind & PRIV_STATIC) | PRIV_SET;
    }
    declare_private(L, env, kinds, lower_private_name(L, name), kind, name);
  }
  lower_pop(L, base);
}

/* {==== Classes ====} */

// A field initializer or static block runs like a method body.
static void enter_initializer(Lower *L, Func *f, bool static_block) {
  enter_function(L, f, false, false);
  f->is_function = !static_block;  // no `return` in static blocks
  f->super_property = true;
  f->class_field = true;
  f->static_block = static_block;
}

static PrsNode *lower_field_def(Lower *L, TSNode n) {
  PrsClassMember *m = LOWER_NEW(L, ClassMember, n);
  m->base.flags |= PRS_FLAG_Field;
  TSNode prop = lower_field(L, n, FLD_property);
  TSNode value = lower_field(L, n, FLD_value);
  if (lower_kind(ts_node_child(n, 0)) == CST_T_static) m->base.flags |= PRS_FLAG_Static;
  m->key = lower_property_key(L, prop);
  bool computed = lower_kind(prop) == CST_computed_property_name;
  if (computed) m->base.flags |= PRS_FLAG_Computed;
  if (!computed && lower_key_is(m->key, KW_CONSTRUCTOR))
    lower_error(L, prop, "Classes may not have a field named 'constructor'");
  if (!computed && (m->base.flags & PRS_FLAG_Static) && lower_key_is(m->key, KW_PROTOTYPE))
    lower_error(L, prop, "Classes may not have a static property named 'prototype'");
  if (!ts_node_is_null(value)) {
    Func ctx;
    enter_initializer(L, &ctx, false);
    m->value = lower_expression(L, value);
    leave_function(L, &ctx);
  }
  return &m->base;
}

static PrsNode *lower_static_block(Lower *L, TSNode n) {
  PrsStaticBlock *b = LOWER_NEW(L, StaticBlock, n);
  Func ctx;
  enter_initializer(L, &ctx, true);
  b->body = lower_body(L, lower_field(L, n, FLD_body), 0, false);
  leave_function(L, &ctx);
  return &b->base;
}

static PrsNode *lower_member_def(Lower *L, const Kid *k, bool derived, bool *has_ctor) {
  switch ((unsigned)k->kind) {
    case CST_field_definition: return lower_field_def(L, k->node);
    case CST_class_static_block: return lower_static_block(L, k->node);
    case CST_method_definition: {
      PrsClassMember *m = LOWER_NEW(L, ClassMember, k->node);
      m->value = lower_method(L, k->node, true, derived, &m->key, &m->base.flags);
      if (m->base.flags & PRS_FLAG_Constructor) {
        if (*has_ctor) lower_error(L, k->node, "A class may only have one constructor");
        *has_ctor = true;
      }
      return &m->base;
    }
    default: lower_error(L, k->node, "Unexpected token");
  }
}

static void lower_class_body(Lower *L, PrsClass *c, TSNode body, bool derived) {
  uint32_t base = lower_kids(L, body);
  uint32_t count = 0;
  for (uint32_t i = base; i < L->nkids; i++)
    count += !is_token(&L->kids[i]) && L->kids[i].kind != CST_decorator;
  c->members = lower_list(L, count);
  uint32_t out = 0;
  bool has_ctor = false;
  for (uint32_t i = base; i < L->nkids; i++) {
    Kid k = L->kids[i];
    if (is_token(&k)) continue;
    if (k.kind == CST_decorator) lower_error(L, k.node, "Decorators are not supported");
    c->members.items[out++] = lower_member_def(L, &k, derived, &has_ctor);
  }
  lower_pop(L, base);
}

PrsNode *lower_class(Lower *L, TSNode n) {
  PrsClass *c = LOWER_NEW(L, Class, n);
  if (lower_kind(n) == CST_class_declaration) c->base.flags |= PRS_FLAG_Declaration;
  // All parts of a class are strict code.
  bool was_strict = L->fn->strict;
  L->fn->strict = true;
  c->base.flags |= PRS_FLAG_Strict;
  TSNode name = lower_field(L, n, FLD_name);
  TSNode body = lower_field(L, n, FLD_body);
  TSNode heritage = LOWER_NULL_NODE;
  uint32_t base = lower_kids(L, n);
  for (uint32_t i = base; i < L->nkids; i++) {
    if (L->kids[i].kind == CST_class_heritage) heritage = L->kids[i].node;
    if (L->kids[i].kind == CST_decorator) lower_error(L, L->kids[i].node, "Decorators are not supported");
  }
  lower_pop(L, base);
  if (!ts_node_is_null(name)) c->name = lower_binding(L, name);
  if (!ts_node_is_null(heritage)) {
    c->base.flags |= PRS_FLAG_Derived;
    TSNode e = ts_node_named_child(heritage, 0);
    while (lower_kind(e) == CST_comment) e = ts_node_next_named_sibling(e);
    c->heritage = lower_expression(L, e);
    // ClassHeritage: extends LeftHandSideExpression.
    bool lhs = (c->heritage->flags & PRS_FLAG_Parenthesized) ||
               !(PRS_IS(c->heritage, Assign) || PRS_IS(c->heritage, Binary) ||
                 PRS_IS(c->heritage, Logical) || PRS_IS(c->heritage, Conditional) ||
                 PRS_IS(c->heritage, Unary) || PRS_IS(c->heritage, Update) ||
                 PRS_IS(c->heritage, Await) || PRS_IS(c->heritage, Yield) ||
                 PRS_IS(c->heritage, Sequence) ||
                 (PRS_IS(c->heritage, Function) && (c->heritage->flags & PRS_FLAG_Arrow)));
    if (!lhs) lower_error(L, e, "Unexpected token");
  }
  PrivateEnv env = {L->privates, NULL, 0};
  scan_privates(L, body, &env);
  L->privates = &env;
  lower_class_body(L, c, body, !ts_node_is_null(heritage));
  L->privates = env.outer;
  L->fn->strict = was_strict;
  return &c->base;
}
