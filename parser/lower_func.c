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
// Everything else starts cleared: labels, loop depth and `breakable` because
// break/continue never cross a function boundary (§14.8.1, §14.9.1), super
// and class-field rules because only methods and initializers grant them
// (the callers set those flags after this). new.target is valid in every
// non-arrow function: only Script and Module code reject it (§16.1.1,
// §16.2.1.1). f lives on the caller's C stack; leave_function must run on
// every normal path (an error longjmps past it, but then L->fn is dead).
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

// Restores the enclosing context; f must be the innermost one.
static void leave_function(Lower *L, Func *f) { L->fn = f->outer; }

/* {==== Parameters ====} */

// IsSimpleParameterList (§15.1.3): true when every parameter is a plain
// identifier, with no default, pattern or rest. It decides the "use strict"
// early error below, whether duplicates are allowed in sloppy functions,
// and whether the body needs its own scope (scope.c, PRS_SCOPE_BODY).
static bool params_simple(const PrsList *params) {
  for (uint32_t i = 0; i < params->len; i++)
    if (!PRS_IS(params->items[i], Ident)) return false;
  return true;
}

// formal_parameters (or a lone identifier for `x => ...`) into a list.
// Returns one list item per parameter (bindings, patterns with defaults,
// a Rest). Sets in_params for the duration so that lower_expr can reject
// yield/await expressions in defaults (§15.5.1, §15.8.1: it is a Syntax
// Error if FormalParameters Contains YieldExpression/AwaitExpression).
// Duplicate names are not checked here: that needs strictness and the
// function kind together, and is done by scope.c's bind_param.
static PrsList lower_params(Lower *L, TSNode n) {
  L->fn->in_params = true;
  PrsList list;
  // An arrow's lone identifier parameter (`x => x`) is a bare identifier in
  // tree-sitter's tree, not a formal_parameters node.
  if (lower_kind(n) != CST_formal_parameters) {
    list = lower_list(L, 1);
    list.items[0] = lower_binding(L, n);
  } else {
    // lower_items, not lower_kids: parameters carry no field names, and the
    // commas must stay in the gathered kids for the trailing-comma check below.
    uint32_t base = lower_items(L, n);
    uint32_t count = lower_count_named(L, base);
    // Slots are counted first: lower_list needs the final length up front
    // (the arena list is not growable).
    list = lower_list(L, count);
    uint32_t out = 0;
    for (uint32_t i = base; i < L->nkids; i++) {
      Kid k = L->kids[i];
      if (is_token(&k)) continue;
      PrsNode *p = lower_binding(L, k.node);
      // tree-sitter 0.25 accepts `(...a, b)` and `(...a,)`; the spec's grammar
      // does not (FunctionRestParameter ends the list, §15.1).
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
  // Not restored to a saved value: parameter lists do not nest inside one
  // Func (a nested function gets its own Func), so false is always right.
  L->fn->in_params = false;
  return list;
}

// "use strict" in a body whose parameters are not simple is an error, and
// the directive makes the name and parameters strict retroactively, so the
// body's prologue is read before anything else.
// *use_strict and *where (the directive's string node, for the error
// position) are consumed by finish_function. Setting L->fn->strict before
// the name and parameters are lowered implements §11.2.2: a function whose
// body has a Use Strict Directive is strict code in its entirety, so
// `function eval() { "use strict" }` and `function f(a, a) { "use strict" }`
// are errors. An arrow's expression body has no prologue.
static void prescan_strict(Lower *L, TSNode body, bool *use_strict, TSNode *where) {
  *use_strict = false;
  if (!ts_node_is_null(body) && lower_kind(body) == CST_statement_block)
    *use_strict = lower_scan_prologue(L, body, 0, where);
  if (*use_strict) L->fn->strict = true;
}

// Flags the node, lowers the body, and reports the early errors that need
// both the parameters and the body: §15.2.1 (and its twins for arrows,
// methods, generators, async): "It is a Syntax Error if
// FunctionBodyContainsUseStrict of FunctionBody is true and
// IsSimpleParameterList of FormalParameters is false."
// The body is lowered in the function's own context (L->fn), which the
// caller has already entered.
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
    // directives=true: the prologue's statements get PRS_FLAG_Directive. Their
    // strictness was applied by prescan_strict, before the parameters.
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
    // ConciseBody is an AssignmentExpression (§15.3), so an unparenthesized
    // comma expression cannot be the body: `x => a, b` is the sequence
    // `(x => a), b`, and only grammar recovery gives an arrow a Sequence body.
    if (f->body.items[0]->kind == PRS_Sequence && !(f->body.items[0]->flags & PRS_FLAG_Parenthesized))
      lower_error(L, body, "Unexpected token ','");
  }
  // Read after the body: strictness is known since prescan_strict, and is
  // inherited from the enclosing code when there is no directive.
  if (L->fn->strict) f->base.flags |= PRS_FLAG_Strict;
}

/* {==== Function declarations and expressions ====} */

// function_declaration, function_expression and their generator forms.
// Returns a PrsFunction with PRS_FLAG_Declaration for declarations (scope.c
// binds their name in the enclosing scope) and none for expressions (their
// name is the function's own, PRS_VAR_SELF).
PrsNode *lower_function(Lower *L, TSNode n) {
  PrsFunction *f = LOWER_NEW(L, Function, n);
  PrsCst k = lower_kind(n);
  bool decl = k == CST_function_declaration || k == CST_generator_function_declaration;
  bool gen = k == CST_generator_function || k == CST_generator_function_declaration;
  // tree-sitter has no async_function node: `async` is just the first token.
  // Comments never come first, as a node starts at its first real token.
  bool async = lower_kind(ts_node_child(n, 0)) == CST_T_async;
  if (decl) f->base.flags |= PRS_FLAG_Declaration;
  if (gen) f->base.flags |= PRS_FLAG_Generator;
  if (async) f->base.flags |= PRS_FLAG_Async;
  TSNode name = lower_field(L, n, FLD_name);
  TSNode params = lower_field(L, n, FLD_parameters);
  TSNode body = lower_field(L, n, FLD_body);
  // The context is entered before the name is lowered: a function
  // expression's name takes its [Yield]/[Await] from the function itself
  // (§15.2: `function BindingIdentifier[~Yield, ~Await]`, §15.5:
  // `function * BindingIdentifier[+Yield, ~Await]`), so
  // `(function* yield() {})` is an error.
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
    // §15.2.1: "If the source text matched by FormalParameters is strict mode
    // code ..." applies to the name too, so the outer context is lent the
    // function's strictness while the name is lowered, then given back.
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
// *params and *body receive the fields; *async whether the first token is
// `async`. tree-sitter 0.25 does not enforce the two [no LineTerminator
// here] restrictions of §15.3 and §15.9, so they are checked by rows here.
static void arrow_parts(Lower *L, TSNode n, bool *async, TSNode *params, TSNode *body) {
  uint32_t base = lower_kids(L, n);
  TSNode arrow = LOWER_NULL_NODE;
  *async = base < L->nkids && L->kids[base].kind == CST_T_async;
  for (uint32_t i = base; i < L->nkids; i++) {
    Kid k = L->kids[i];
    if (k.field == FLD_parameters || k.field == FLD_parameter) *params = k.node;
    else if (k.field == FLD_body) *body = k.node;
    // The `=>` token has no kind of its own in our table: an anonymous
    // two-byte token starting with '=' is it (`==` cannot stand there).
    else if (!ts_node_is_named(k.node) && ts_node_end_byte(k.node) - ts_node_start_byte(k.node) == 2 &&
             L->src[ts_node_start_byte(k.node)] == '=')
      arrow = k.node;
  }
  lower_pop(L, base);
  // A row change between the end of the parameters and `=>` means a line
  // terminator in between (§15.3: ArrowParameters [no LineTerminator here] =>).
  if (!ts_node_is_null(arrow) &&
      ts_node_start_point(arrow).row != ts_node_end_point(*params).row)
    lower_error(L, arrow, "Unexpected token '=>'");
  // §15.9: async [no LineTerminator here] ArrowFormalParameters; the arrow
  // starts at `async`, so compare its row with the parameters'.
  if (*async && ts_node_start_point(*params).row != ts_node_start_point(n).row)
    lower_error(L, *params, "Unexpected token");
}

// Arrows reuse the enclosing Func's fields rather than enter_function:
// §15.3 makes `this`, super, new.target and `arguments` lexical, so the
// permissions (super_property, super_call, new_target, class_field) are the
// enclosing function's. Only function-local state is reset.
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
  // Labels and loops do not cross into the arrow's body (§14.8.1/§14.9.1:
  // a break or continue target must be inside the same function).
  ctx.loop_depth = ctx.breakable = 0;
  ctx.labels = NULL;
  L->fn = &ctx;
  bool use_strict;
  TSNode where;
  prescan_strict(L, body, &use_strict, &where);
  // Arrow parameters inherit [Await] (and the static-block ban on await)
  // from the enclosing context; the body is a function boundary for both.
  ctx.is_async = async || outer->is_async;
  // §15.3.1: ArrowParameters are parsed with the enclosing [Yield, Await]
  // (as a CoverParenthesizedExpressionAndArrowParameterList), and "It is a
  // Syntax Error if ArrowParameters Contains YieldExpression" — so in a
  // generator `yield` in them is parsed as an expression, then rejected.
  ctx.is_generator = outer->is_generator;  // yield in them is an error
  f->params = lower_params(L, params);
  // The body: ConciseBody[?In] takes [+Await] only for async arrows and
  // never [Yield]; and a static block's ban on `await` (§15.7.1,
  // ClassStaticBlockStatementList) stops at the arrow as a function boundary.
  ctx.is_async = async;
  ctx.is_generator = false;
  ctx.static_block = false;
  finish_function(L, f, body, use_strict, where);
  L->fn = outer;
  return &f->base;
}

/* {==== Methods ====} */

// tree-sitter 0.25 has one method_definition node for object literals and
// classes, with the modifiers as anonymous tokens before the `name` field.
// The modifiers written before a method's name.
typedef struct MethodHead {
  bool is_static, is_async, is_generator, is_get, is_set;
  TSNode name, params, body;
  uint32_t after_static;  /* start of the first token after `static` (or 0) */
} MethodHead;

// Fills *h from n's children. Only tokens before the name are modifiers:
// after it, `get`/`set`/`static` can only be parts of the parameter list or
// body, which are separate fields anyway.
static void method_head(Lower *L, TSNode n, MethodHead *h) {
  memset(h, 0, sizeof *h);
  uint32_t base = lower_kids(L, n);
  for (uint32_t i = base; i < L->nkids; i++) {
    Kid k = L->kids[i];
    // A static method's source text starts after `static` (§15.7.1:
    // the MethodDefinition, whose text Function.prototype.toString gives).
    bool after = h->is_static && !h->after_static && ts_node_is_null(h->name) &&
                 k.kind != CST_T_static && k.kind != CST_T_static_get && !ts_node_is_extra(k.node);
    if (after) h->after_static = ts_node_start_byte(k.node);
    switch ((unsigned)k.field) {
      case FLD_name: h->name = k.node; continue;
      case FLD_parameters: h->params = k.node; continue;
      case FLD_body: h->body = k.node; continue;
      default: break;
    }
    if (!ts_node_is_null(h->name)) continue;  // only tokens before the name
    switch ((unsigned)k.kind) {
      case CST_T_static: h->is_static = true; break;
      // The grammar lexes `static get` followed by a line break as one token
      // (its conflict resolution for that layout): it stands for both modifiers.
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

// A method_definition in an object literal (in_class false) or a class
// body. derived: the class has an `extends` clause, so its constructor may
// call super(). Returns the PrsFunction; *key_out receives the property key
// and *flags_out gets the member flags (Static, Computed, Getter, Setter,
// Constructor) OR-ed in, for the caller's ClassMember or Property node.
PrsNode *lower_method(Lower *L, TSNode n, bool in_class, bool derived,
                      PrsNode **key_out, uint32_t *flags_out) {
  MethodHead h;
  method_head(L, n, &h);
  PrsNode *key = lower_property_key(L, h.name);
  bool computed = lower_kind(h.name) == CST_computed_property_name;
  // §15.7.1: the constructor is the non-static method whose PropName is
  // "constructor"; a computed ["constructor"] is an ordinary method, and a
  // static one is an ordinary static method. A #constructor is rejected by
  // lower_property_key.
  bool ctor = in_class && !h.is_static && !computed && lower_key_is(key, KW_CONSTRUCTOR);
  // §15.7.1: "It is a Syntax Error if PropName of MethodDefinition is
  // "constructor" and SpecialMethod of MethodDefinition is true" (getters,
  // setters, generators and async methods are special methods).
  if (ctor && (h.is_get || h.is_set)) lower_error(L, h.name, "Class constructor may not be an accessor");
  if (ctor && h.is_generator) lower_error(L, h.name, "Class constructor may not be a generator");
  if (ctor && h.is_async) lower_error(L, h.name, "Class constructor may not be an async method");
  // §15.7.1: "It is a Syntax Error if PropName of MethodDefinition is
  // "prototype"" for a static MethodDefinition (it would clobber F.prototype).
  if (in_class && h.is_static && !computed && lower_key_is(key, KW_PROTOTYPE))
    lower_error(L, h.name, "Classes may not have a static property named 'prototype'");
  PrsFunction *f = LOWER_NEW(L, Function, n);
  if (h.after_static) f->base.start = h.after_static;
  f->base.flags |= PRS_FLAG_Method | (h.is_async ? PRS_FLAG_Async : 0) |
                   (h.is_generator ? PRS_FLAG_Generator : 0) |
                   (h.is_get ? PRS_FLAG_Getter : 0) | (h.is_set ? PRS_FLAG_Setter : 0) |
                   (ctor ? PRS_FLAG_Constructor : 0) | (ctor && derived ? PRS_FLAG_Derived : 0);
  Func ctx;
  enter_function(L, &ctx, h.is_async, h.is_generator);
  // Every method has a [[HomeObject]], so super.x is valid in object-literal
  // methods too (§15.4.1: SuperCall is rejected, SuperProperty is not).
  ctx.super_property = true;
  // §15.7.1: "It is a Syntax Error if PropName of MethodDefinition is not
  // "constructor" and HasDirectSuper of MethodDefinition is true", and a base
  // class's constructor may not call super() either (ClassTail early error).
  ctx.super_call = ctor && derived;
  bool use_strict;
  TSNode where;
  prescan_strict(L, h.body, &use_strict, &where);
  f->params = lower_params(L, h.params);
  // §15.4.1: a getter has an empty parameter list (grammar: `get Name ( )`).
  if (h.is_get && f->params.len != 0) lower_error(L, h.params, "Getter must not have any formal parameters.");
  // PropertySetParameterList is exactly one FormalParameter (§15.4): a
  // pattern or a default is fine, a rest parameter is not.
  if (h.is_set && (f->params.len != 1 || PRS_IS(f->params.items[0], Rest)))
    lower_error(L, h.params, "Setter must have exactly one formal parameter.");
  finish_function(L, f, h.body, use_strict, where);
  leave_function(L, &ctx);
  *key_out = key;
  // The member flags repeat Getter/Setter/Constructor on the ClassMember (or
  // Property) because the generator defines the property from the member,
  // without looking into the function node.
  *flags_out |= (computed ? PRS_FLAG_Computed : 0) | (h.is_static ? PRS_FLAG_Static : 0) |
                PRS_FLAG_Method | (h.is_get ? PRS_FLAG_Getter : 0) |
                (h.is_set ? PRS_FLAG_Setter : 0) | (ctor ? PRS_FLAG_Constructor : 0);
  return &f->base;
}

/* {==== Private names ====} */

// AllPrivateIdentifiersValid (required by the Script and Module early errors,
// §16.1.1, §16.2.1.1): every #name must be declared by an enclosing class.
// The check runs while lowering, which works for references that come
// before their declaration because scan_privates pre-scans each class body.
// Outer classes' names are visible (lexically nested private environments).
void lower_private_ref(Lower *L, PrsAtom *name, TSNode n) {
  for (PrivateEnv *e = L->privates; e; e = e->outer)
    for (uint32_t i = 0; i < e->count; i++)
      if (e->names[i] == name) return;
  lower_error(L, n, "Private field '%s' must be declared in an enclosing class", name->text);
}

// Kinds of private declarations, for the duplicate rule: a name may be
// declared twice only as one getter and one setter of the same placement.
enum { PRIV_OTHER = 1, PRIV_GET = 2, PRIV_SET = 4, PRIV_STATIC = 8 };

// §15.7.1: "It is a Syntax Error if PrivateBoundIdentifiers of
// ClassElementList contains any duplicate entries, unless the name is used
// once for a getter and once for a setter and in no other entries, and the
// getter and setter are either both static or both non-static."
// kinds[i] records what has been declared for env->names[i]; kind is the
// new declaration's PRIV_* mask. Linear search: classes are small.
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
  // Capacity was reserved by scan_privates (one slot per class element).
  env->names[env->count] = name;
  kinds[env->count++] = kind;
}

// Pre-scan a class body for the private names it declares.
// The names are needed before the body is lowered, since a method may use
// #x above the field that declares it. tree-sitter's own fields are read
// here (ts_node_child_by_field_name) rather than lower_field, because the
// outer kids/field-cache state belongs to this loop.
// env->names is sized for every child: at most one name per element.
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
    // Only private names are collected; public keys need no declaration.
    if (ts_node_is_null(name) || lower_kind(name) != CST_private_property_identifier) continue;
    uint8_t kind = PRIV_OTHER;
    // The modifiers are the tokens before the name (as in method_head); a
    // getter or setter replaces PRIV_OTHER, and `static` is kept beside it.
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
// Field initializers and static blocks are evaluated as if they were method
// bodies (ClassFieldDefinitionEvaluation and ClassStaticBlockDefinitionEvaluation
// in §15.7): `this` is the instance or class, super.x is valid, new.target is
// undefined but allowed, and arguments is forbidden (class_field, §15.7.1:
// ContainsArguments). They are never async or generators, so `await` and
// `yield` are identifiers or errors there, whatever encloses the class.
static void enter_initializer(Lower *L, Func *f, bool static_block) {
  enter_function(L, f, false, false);
  f->is_function = !static_block;  // no `return` in static blocks
  f->super_property = true;
  f->class_field = true;
  f->static_block = static_block;
}

// A field_definition: `static`? key (= value)?. The value is lowered in an
// initializer context; the key is evaluated in the class's context when the
// class is defined, so it is lowered outside it.
static PrsNode *lower_field_def(Lower *L, TSNode n) {
  PrsClassMember *m = LOWER_NEW(L, ClassMember, n);
  m->base.flags |= PRS_FLAG_Field;
  TSNode prop = lower_field(L, n, FLD_property);
  TSNode value = lower_field(L, n, FLD_value);
  if (lower_kind(ts_node_child(n, 0)) == CST_T_static) m->base.flags |= PRS_FLAG_Static;
  m->key = lower_property_key(L, prop);
  bool computed = lower_kind(prop) == CST_computed_property_name;
  if (computed) m->base.flags |= PRS_FLAG_Computed;
  // §15.7.1: "It is a Syntax Error if PropName of FieldDefinition is
  // "constructor"" (static or not); §15.7.1 also forbids a static field
  // named "prototype". Computed keys are checked at run time instead.
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

// `static { ... }`: §15.7.1: the block's statements may not contain
// `await` (static_block), `return` (is_function false), `arguments`, or
// super() — all enforced through the initializer context.
static PrsNode *lower_static_block(Lower *L, TSNode n) {
  PrsStaticBlock *b = LOWER_NEW(L, StaticBlock, n);
  Func ctx;
  enter_initializer(L, &ctx, true);
  b->body = lower_body(L, lower_field(L, n, FLD_body), 0, false);
  leave_function(L, &ctx);
  return &b->base;
}

// One element of a class body into a ClassMember or StaticBlock.
// *has_ctor tracks constructors across the body for the duplicate rule.
static PrsNode *lower_member_def(Lower *L, const Kid *k, bool derived, bool *has_ctor) {
  switch ((unsigned)k->kind) {
    case CST_field_definition: return lower_field_def(L, k->node);
    case CST_class_static_block: return lower_static_block(L, k->node);
    case CST_method_definition: {
      PrsClassMember *m = LOWER_NEW(L, ClassMember, k->node);
      m->value = lower_method(L, k->node, true, derived, &m->key, &m->base.flags);
      if (m->base.flags & PRS_FLAG_Constructor) {
        // §15.7.1: "It is a Syntax Error if PrototypePropertyNameList of
        // ClassElementList contains more than one occurrence of "constructor"".
        if (*has_ctor) lower_error(L, k->node, "A class may only have one constructor");
        *has_ctor = true;
      }
      return &m->base;
    }
    // Other named nodes (tree-sitter accepts more in a class body than the
    // spec, e.g. under error recovery) are not class elements.
    default: lower_error(L, k->node, "Unexpected token");
  }
}

// Lowers each element of the class_body into c->members, in order.
static void lower_class_body(Lower *L, PrsClass *c, TSNode body, bool derived) {
  uint32_t base = lower_kids(L, body);
  uint32_t count = 0;
  for (uint32_t i = base; i < L->nkids; i++)
    // Decorators are counted out only so the count matches the loop below,
    // which rejects the first one anyway.
    count += !is_token(&L->kids[i]) && L->kids[i].kind != CST_decorator;
  c->members = lower_list(L, count);
  uint32_t out = 0;
  bool has_ctor = false;
  for (uint32_t i = base; i < L->nkids; i++) {
    Kid k = L->kids[i];
    if (is_token(&k)) continue;
    // tree-sitter 0.25 parses the decorators proposal; ECMA-262 2025 has none.
    if (k.kind == CST_decorator) lower_error(L, k.node, "Decorators are not supported");
    c->members.items[out++] = lower_member_def(L, &k, derived, &has_ctor);
  }
  lower_pop(L, base);
}

// class_declaration or class (expression). Returns a PrsClass; scope.c
// binds a declaration's name in the enclosing scope (lexically) and every
// class's name again inside the class scope (PRS_VAR_SELF).
PrsNode *lower_class(Lower *L, TSNode n) {
  PrsClass *c = LOWER_NEW(L, Class, n);
  if (lower_kind(n) == CST_class_declaration) c->base.flags |= PRS_FLAG_Declaration;
  // §11.2.2: "All parts of a ClassDeclaration or a ClassExpression are strict
  // mode code", the name and heritage included.
  // All parts of a class are strict code.
  bool was_strict = L->fn->strict;
  L->fn->strict = true;
  c->base.flags |= PRS_FLAG_Strict;
  TSNode name = lower_field(L, n, FLD_name);
  TSNode body = lower_field(L, n, FLD_body);
  // The heritage is not a field in tree-sitter's tree, so the children are
  // scanned for it (and for decorators, which are rejected).
  TSNode heritage = LOWER_NULL_NODE;
  uint32_t base = lower_kids(L, n);
  for (uint32_t i = base; i < L->nkids; i++) {
    if (L->kids[i].kind == CST_class_heritage) heritage = L->kids[i].node;
    if (L->kids[i].kind == CST_decorator) lower_error(L, L->kids[i].node, "Decorators are not supported");
  }
  lower_pop(L, base);
  if (!ts_node_is_null(name)) c->name = lower_binding(L, name);
  if (!ts_node_is_null(heritage)) {
    // class_heritage holds `extends` and the expression; comments are extras
    // and can sit between them as named children.
    c->base.flags |= PRS_FLAG_Derived;
    TSNode e = ts_node_named_child(heritage, 0);
    while (lower_kind(e) == CST_comment) e = ts_node_next_named_sibling(e);
    c->heritage = lower_expression(L, e);
    // tree-sitter parses any expression after `extends`; the spec allows only
    // a LeftHandSideExpression (§15.7), so anything built from an operator of
    // lower precedence than a call is an error unless parenthesized.
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
  // The heritage is lowered above with the outer private environment
  // (ClassDefinitionEvaluation runs ClassHeritage with outerPrivateEnvironment,
  // as AllPrivateIdentifiersValid checks it), so the class's
  // own private names become visible only now, for the body.
  PrivateEnv env = {L->privates, NULL, 0};
  scan_privates(L, body, &env);
  L->privates = &env;
  lower_class_body(L, c, body, !ts_node_is_null(heritage));
  L->privates = env.outer;
  L->fn->strict = was_strict;
  return &c->base;
}
