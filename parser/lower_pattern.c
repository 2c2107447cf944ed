/*
 * parser/lower_pattern.c — binding and assignment targets: identifiers,
 * destructuring patterns, and the early errors of names (reserved words,
 * eval/arguments, yield/await by context) and of targets (what may stand
 * left of `=`, `+=` or `++`).
 *
 * Two routes lead to a target. Where tree-sitter already built a pattern
 * node (array_pattern, object_pattern, assignment_pattern, ...), it is
 * lowered directly with a TargetFn deciding what a leaf may be. Where
 * tree-sitter kept the expression form (object and array literals used as
 * a cover grammar, §13.2.5 and §13.15.5), the expression is lowered first
 * and its nodes are rewritten in place into pattern kinds.
 *
 * Section numbers refer to ECMA-262 2025 (16th edition).
 */
#include <string.h>

#include "parser/keywords.h"
#include "parser/lower.h"


/* {==== Kind rewrites ====} */

// A literal reread as a pattern changes its kind in place; these pairs
// must keep one layout (ast_nodes.def declares both sides).
// Rewriting in place keeps node identity and position, and avoids a copy
// of every list.
#define SAME_LAYOUT(A, fa, B, fb)                                          \
  _Static_assert(sizeof(Prs##A) == sizeof(Prs##B) &&                       \
                     offsetof(Prs##A, fa) == offsetof(Prs##B, fb),         \
                 #A " and " #B " must share a layout")
SAME_LAYOUT(Array, elements, ArrayPattern, elements);
SAME_LAYOUT(Object, props, ObjectPattern, props);
SAME_LAYOUT(Property, key, PatternProp, key);
SAME_LAYOUT(Property, value, PatternProp, value);
SAME_LAYOUT(Spread, arg, Rest, arg);
SAME_LAYOUT(Assign, target, AssignPattern, target);
SAME_LAYOUT(Assign, value, AssignPattern, init);

/* {==== Names ====} */

// lower_check_reference_name: §13.1.1 early errors of an Identifier-
// Reference named `name` (at n). `escaped` says whether its source spelled
// a \u escape: a reserved word may not be written with escapes either
// (§12.7.2), and lower_name has already decoded them. Returns normally
// when the name is allowed in the current context (L->fn, L->module).
void lower_check_reference_name(Lower *L, PrsAtom *name, bool escaped, TSNode n) {
  Func *f = L->fn;
  switch ((PrsKeyword)name->tag) {
    // Ordinary names and contextual words that are never reserved.
    case KW_NONE:
    case KW_EVAL:
    case KW_CONSTRUCTOR:
    case KW_PROTO:
    case KW_PROTOTYPE:
      return;
    case KW_RESERVED:
      // tree-sitter reserves most keywords itself; words it does not
      // (enum) and escaped spellings (v\u0061r) reach here.
      if (escaped) lower_error(L, n, "Keyword must not contain escaped characters");
      lower_error(L, n, "Unexpected token '%s'", name->text);
    // §13.1.1: implements, interface, let, package, private, protected,
    // public, static are Syntax Errors as identifiers in strict code.
    case KW_STRICT:
    case KW_LET:
      if (f->strict) lower_error(L, n, "Unexpected strict mode reserved word");
      return;
    case KW_YIELD:
      // §13.1.1: yield is reserved in strict code, and is not an
      // IdentifierReference in a generator ([Yield] set).
      if (f->strict) lower_error(L, n, "Unexpected strict mode reserved word");
      if (f->is_generator) lower_error(L, n, "Unexpected identifier 'yield'");
      return;
    case KW_AWAIT:
      // §13.1.1: await is reserved in modules, is an operator in async
      // functions, and is forbidden in class static blocks (§15.7.1).
      if (L->module || f->is_async || f->static_block)
        lower_error(L, n, "Unexpected reserved word");
      return;
    case KW_ARGUMENTS:
      // §15.7.1: ContainsArguments of a field Initializer or a static
      // block must be false (arrows inherit class_field).
      if (f->class_field)
        lower_error(L, n, "'arguments' is not allowed in class field initializer or static initialization block");
      return;
  }
}

// lower_check_binding_name: §13.1.1: it is a Syntax Error if a
// BindingIdentifier in strict code is "arguments" or "eval". The other
// rules of names are the caller's (binding_ident applies the reference
// ones); this one also serves simple assignment targets.
void lower_check_binding_name(Lower *L, PrsAtom *name, TSNode n) {
  if (L->fn->strict && (name->tag == KW_EVAL || name->tag == KW_ARGUMENTS))
    lower_error(L, n, "Unexpected eval or arguments in strict mode");
}

// binding_ident: a BindingIdentifier (declarations, parameters, catch,
// import bindings). Returns an Ident flagged PRS_FLAG_Binding, which scope
// analysis reads as a declaration rather than a use.
static PrsNode *binding_ident(Lower *L, TSNode n) {
  PrsIdent *id = LOWER_NEW(L, Ident, n);
  id->base.flags |= PRS_FLAG_Binding;
  bool escaped;
  id->name = lower_name(L, n, &escaped);
  // A binding named arguments is fine in a field initializer (only the
  // reference is banned), so bypass that one rule.
  if (id->name->tag != KW_ARGUMENTS) lower_check_reference_name(L, id->name, escaped, n);
  lower_check_binding_name(L, id->name, n);
  return &id->base;
}

/* {==== Patterns from the CST ====} */

// TargetFn: what a pattern leaf may be; lower_binding (identifiers only)
// or lower_assign_target (any simple reference, §13.15.5.1). The pattern
// walkers below are shared and pass it down unchanged.
typedef PrsNode *(*TargetFn)(Lower *L, TSNode n);

static PrsNode *lower_pattern_element(Lower *L, TSNode n, TargetFn target);

// rest_of: `...x` in an array or (object true) object pattern. Rest has
// no initializer in either grammar (BindingRestElement, AssignmentRest-
// Element, §14.3.3 and §13.15.5); tree-sitter accepts one.
static PrsNode *rest_of(Lower *L, TSNode n, TargetFn target, bool object) {
  PrsRest *r = LOWER_NEW(L, Rest, n);
  TSNode arg = ts_node_named_child(n, 0);
  PrsCst k = lower_kind(arg);
  if (k == CST_assignment_pattern || k == CST_assignment_expression)
    lower_error(L, arg, "Rest element may not have a default initializer");
  // §14.3.3 BindingRestProperty : ... BindingIdentifier, and §13.15.5.1:
  // an AssignmentRestProperty's target may not be an array or object
  // literal.
  // An object rest takes a simple target only: no nested pattern.
  if (object && (k == CST_object_pattern || k == CST_array_pattern))
    lower_error(L, arg, "`...` must be followed by an assignable reference in assignment contexts");
  r->arg = target(L, arg);
  return &r->base;
}

// with_default: `target = init` in a pattern (SingleNameBinding or
// AssignmentElement with an Initializer).
static PrsNode *with_default(Lower *L, TSNode n, TargetFn target) {
  PrsAssignPattern *a = LOWER_NEW(L, AssignPattern, n);
  a->target = target(L, lower_field(L, n, FLD_left));
  a->init = lower_expression(L, lower_field(L, n, FLD_right));
  return &a->base;
}

// array_pattern: elements and holes, as in lower_array (a comma following
// `[` or another comma is a hole; a trailing comma adds none).
static PrsNode *array_pattern(Lower *L, TSNode n, TargetFn target) {
  PrsArrayPattern *p = LOWER_NEW(L, ArrayPattern, n);
  uint32_t base = lower_items(L, n);
  p->elements = lower_list(L, lower_count_elements(L, base));
  bool after_sep = true;
  uint32_t out = 0;
  for (uint32_t i = base; i < L->nkids; i++) {
    // By value: lowering an element may move the kids stack.
    Kid k = L->kids[i];
    if (k.kind == CST_T_comma) {
      if (after_sep) p->elements.items[out++] = lower_new(L, PRS_Hole, k.node);
      after_sep = true;
      continue;
    }
    if (is_token(&k)) continue;
    after_sep = false;
    if (k.kind == CST_rest_pattern) {
      // §14.3.3/§13.15.5: the rest element is last, with no comma after
      // it either (`[...a,] = x` is a Syntax Error).
      bool last = true;
      for (uint32_t j = i + 1; j < L->nkids; j++)
        if (L->kids[j].kind == CST_T_comma || !is_token(&L->kids[j])) last = false;
      if (!last) lower_error(L, k.node, "Rest element must be last element");
      p->elements.items[out++] = rest_of(L, k.node, target, false);
    } else {
      p->elements.items[out++] = lower_pattern_element(L, k.node, target);
    }
  }
  lower_pop(L, base);
  return &p->base;
}

// `a` or `a = 1` in an object pattern: the key is the name itself.
static PrsNode *shorthand_prop(Lower *L, TSNode n, TSNode name, TSNode init,
                               TargetFn target) {
  // The key keeps the name as written; the target applies the early
  // errors of a binding or a reference to the same node.
  PrsPatternProp *pp = LOWER_NEW(L, PatternProp, n);
  pp->base.flags |= PRS_FLAG_Shorthand;
  pp->key = lower_property_key(L, name);
  PrsNode *t = target(L, name);
  if (!ts_node_is_null(init)) {
    PrsAssignPattern *a = LOWER_NEW(L, AssignPattern, n);
    a->target = t;
    a->init = lower_expression(L, init);
    t = &a->base;
  }
  pp->value = t;
  return &pp->base;
}

// object_pattern_prop: one property of an object pattern. tree-sitter
// uses the pattern kinds when it knew it was parsing a pattern, and the
// expression kinds (shorthand_property_identifier, pair, spread_element)
// inside assignment patterns it first read as literals; both are mapped
// the same way here.
static PrsNode *object_pattern_prop(Lower *L, const Kid *k, TargetFn target) {
  TSNode none = LOWER_NULL_NODE;
  switch ((unsigned)k->kind) {
    case CST_shorthand_property_identifier_pattern:
    case CST_shorthand_property_identifier:
      return shorthand_prop(L, k->node, k->node, none, target);
    // `{a = 1}`: a CoverInitializedName, which is only valid in a pattern.
    case CST_object_assignment_pattern:
      return shorthand_prop(L, k->node, lower_field(L, k->node, FLD_left),
                            lower_field(L, k->node, FLD_right), target);
    case CST_pair_pattern:
    case CST_pair: {
      PrsPatternProp *pp = LOWER_NEW(L, PatternProp, k->node);
      TSNode key = lower_field(L, k->node, FLD_key);
      pp->key = lower_property_key(L, key);
      if (lower_kind(key) == CST_computed_property_name) pp->base.flags |= PRS_FLAG_Computed;
      // A private name is not a PropertyName: `{#x: a} = o` is invalid.
      if (PRS_IS(pp->key, PrivateName)) lower_error(L, key, "Unexpected identifier");
      pp->value = lower_pattern_element(L, lower_field(L, k->node, FLD_value), target);
      return &pp->base;
    }
    case CST_rest_pattern:
    case CST_spread_element:
      return rest_of(L, k->node, target, true);
    default:
      lower_error(L, k->node, "Invalid destructuring assignment target");
  }
}

// object_pattern: properties in order; a rest property must be last and
// have no trailing comma (§14.3.3 / §13.15.5 grammar).
static PrsNode *object_pattern(Lower *L, TSNode n, TargetFn target) {
  PrsObjectPattern *p = LOWER_NEW(L, ObjectPattern, n);
  uint32_t base = lower_items(L, n);
  // Every named kid is one property: the tokens are braces and commas.
  uint32_t count = lower_count_named(L, base);
  p->props = lower_list(L, count);
  uint32_t out = 0;
  for (uint32_t i = base; i < L->nkids; i++) {
    // By value: lowering the property may move the kids stack.
    Kid k = L->kids[i];
    if (is_token(&k)) continue;
    PrsNode *prop = object_pattern_prop(L, &k, target);
    if (PRS_IS(prop, Rest)) {
      if (out + 1 != count) lower_error(L, k.node, "Rest element must be last element");
      if (i + 1 < L->nkids && L->kids[i + 1].kind == CST_T_comma)
        lower_error(L, k.node, "Rest element must be last element");
    }
    p->props.items[out++] = prop;
  }
  lower_pop(L, base);
  return &p->base;
}

// lower_pattern_element: an element or property value that may carry a
// default (`x = 1`).
static PrsNode *lower_pattern_element(Lower *L, TSNode n, TargetFn target) {
  PrsCst k = lower_kind(n);
  if (k == CST_assignment_pattern) return with_default(L, n, target);
  // tree-sitter builds assignment_pattern for defaults in binding
  // contexts; the expression form is a default only in assignment targets
  // (lower_binding rejects it).
  if (k == CST_assignment_expression && target != lower_binding) {
    // In an assignment pattern, `[a = 1] = x` arrives as an expression.
    return with_default(L, n, target);
  }
  return target(L, n);
}

/* {==== Expressions reread as bindings ====} */

// Turn an expression already lowered into the binding pattern it spells
// (for places where tree-sitter read a declaration as an expression).
// Returns e itself, its kinds rewritten (Array to ArrayPattern, Spread to
// Rest, Property to PatternProp, Assign to AssignPattern); n is the CST node
// errors are reported at, since the pieces have no CST node of their own.
PrsNode *lower_expression_to_binding(Lower *L, PrsNode *e, TSNode n) {
  // A parenthesized expression is never a binding pattern (§14.3.3).
  if (e->flags & PRS_FLAG_Parenthesized) lower_error(L, n, "Invalid destructuring assignment target");
  if (PRS_IS(e, Ident)) {
    e->flags |= PRS_FLAG_Binding;
    lower_check_binding_name(L, PRS_AS(e, Ident)->name, n);
    return e;
  }
  if (PRS_IS(e, Assign) && e->op == PRS_OP_Assign) {
    PrsAssignPattern *a = (PrsAssignPattern *)e;
    // Assign {target, value} and AssignPattern {target, init} share a layout.
    e->kind = PRS_AssignPattern;
    a->target = lower_expression_to_binding(L, a->target, n);
    return e;
  }
  // ArrayPattern too: the target of an `=` met inside was lowered by
  // lower_assign_target and may already be a pattern.
  if (PRS_IS(e, Array) || PRS_IS(e, ArrayPattern)) {
    PrsList *l = &PRS_AS(e, Array)->elements;
    for (uint32_t i = 0; i < l->len; i++) {
      PrsNode *el = l->items[i];
      if (PRS_IS(el, Hole)) continue;
      if (PRS_IS(el, Spread) || PRS_IS(el, Rest)) {
        if (i + 1 != l->len) lower_error(L, n, "Rest element must be last element");
        el->kind = PRS_Rest;
        PRS_AS(el, Rest)->arg = lower_expression_to_binding(L, PRS_AS(el, Rest)->arg, n);
      } else {
        l->items[i] = lower_expression_to_binding(L, el, n);
      }
    }
    e->kind = PRS_ArrayPattern;
    return e;
  }
  if (PRS_IS(e, Object) || PRS_IS(e, ObjectPattern)) {
    PrsList *l = &PRS_AS(e, Object)->props;
    for (uint32_t i = 0; i < l->len; i++) {
      PrsNode *p = l->items[i];
      if (PRS_IS(p, Spread) || PRS_IS(p, Rest)) {
        // The rest's target is rewritten but not restricted to a
        // BindingIdentifier here, nor is the rest required to be last.
        p->kind = PRS_Rest;
        PRS_AS(p, Rest)->arg = lower_expression_to_binding(L, PRS_AS(p, Rest)->arg, n);
        continue;
      }
      // Methods, getters and setters are not PatternProps.
      if (p->flags & PRS_FLAG_Method) lower_error(L, n, "Invalid destructuring assignment target");
      p->kind = PRS_PatternProp;
      PRS_AS(p, PatternProp)->value = lower_expression_to_binding(L, PRS_AS(p, PatternProp)->value, n);
    }
    e->kind = PRS_ObjectPattern;
    return e;
  }
  if (PRS_IS(e, AssignPattern)) {
    PRS_AS(e, AssignPattern)->target = lower_expression_to_binding(L, PRS_AS(e, AssignPattern)->target, n);
    return e;
  }
  lower_error(L, n, "Invalid destructuring assignment target");
}

/* {==== Bindings ====} */

// lower_binding: a binding target for declarations, parameters and catch:
// identifiers and patterns whose leaves are BindingIdentifiers (§14.3.3).
// Returns the lowered target; every early error aborts the lowering.
PrsNode *lower_binding(Lower *L, TSNode n) {
  lower_enter(L, n);
  PrsNode *r;
  switch ((unsigned)lower_kind(n)) {
    case CST_identifier:
    case CST_undefined:
    case CST_shorthand_property_identifier_pattern:
    case CST_shorthand_property_identifier: r = binding_ident(L, n); break;
    case CST_array_pattern: r = array_pattern(L, n, lower_binding); break;
    case CST_object_pattern: r = object_pattern(L, n, lower_binding); break;
    case CST_assignment_pattern: r = with_default(L, n, lower_binding); break;
    case CST_rest_pattern: r = rest_of(L, n, lower_binding, false); break;
    // In sloppy code outside generators `yield` is an identifier, but
    // tree-sitter still parses it as a yield_expression.
    case CST_yield_expression:
      if (lower_bare_yield_is_name(L, n)) {
        r = binding_ident(L, n);
        break;
      }
      lower_error(L, n, "Invalid destructuring assignment target");
    default: lower_error(L, n, "Invalid destructuring assignment target");
  }
  lower_leave(L);
  return r;
}

/* {==== Assignment targets ====} */

// AssignmentTargetType (§13.15.1, §13.4.1) is simple for identifiers and
// property references. e has been lowered already; n is its CST node,
// for the error position.
void lower_check_simple_target(Lower *L, PrsNode *e, TSNode n) {
  if (PRS_IS(e, Ident)) {
    // §13.1.1: eval and arguments cannot be assigned in strict code.
    PrsKeyword kw = (PrsKeyword)PRS_AS(e, Ident)->name->tag;
    if (L->fn->strict && (kw == KW_EVAL || kw == KW_ARGUMENTS))
      lower_error(L, n, "Unexpected eval or arguments in strict mode");
    return;
  }
  if (PRS_IS(e, Member) || PRS_IS(e, Index) || PRS_IS(e, PrivateMember)) return;
  // Annex B (web compatibility): f() = 1 is a runtime ReferenceError in
  // sloppy code; strict code rejects it early.
  if (PRS_IS(e, Call) && !L->fn->strict) return;
  lower_error(L, n, "Invalid left-hand side in assignment");
}

// An object or array literal (from an expression) reinterpreted as a
// pattern: the grammar's cover grammar, where tree-sitter kept the
// expression form (e.g. nested inside parentheses).
static PrsNode *expression_to_pattern(Lower *L, PrsNode *e, TSNode n);

// element_to_pattern: an element or property value of a literal reread as
// a pattern. An unparenthesized `x = 1` there becomes a default
// (AssignmentElement Initializer); its target was lowered through
// lower_assign_target already, so it is a valid target.
static PrsNode *element_to_pattern(Lower *L, PrsNode *e, TSNode n) {
  if (PRS_IS(e, Assign) && e->op == PRS_OP_Assign && !(e->flags & PRS_FLAG_Parenthesized)) {
    PrsAssignPattern *a = (PrsAssignPattern *)lower_new(L, PRS_AssignPattern, n);
    *(PrsNode *)a = *e;
    a->base.kind = PRS_AssignPattern;
    a->target = PRS_AS(e, Assign)->target;
    a->init = PRS_AS(e, Assign)->value;
    return &a->base;
  }
  return expression_to_pattern(L, e, n);
}

// Returns e, its kinds rewritten in place; anything else must be a simple
// target (§13.15.5.1 DestructuringAssignmentTarget).
static PrsNode *expression_to_pattern(Lower *L, PrsNode *e, TSNode n) {
  // §13.15.5.1: a literal must cover an AssignmentPattern, and a
  // parenthesized one does not: `([a]) = x` is a Syntax Error.
  if ((e->flags & PRS_FLAG_Parenthesized) && (PRS_IS(e, Object) || PRS_IS(e, Array)))
    lower_error(L, n, "Invalid destructuring assignment target");
  if (PRS_IS(e, Array)) {
    PrsArray *a = PRS_AS(e, Array);
    for (uint32_t i = 0; i < a->elements.len; i++) {
      PrsNode *el = a->elements.items[i];
      if (PRS_IS(el, Spread)) {
        if (i + 1 != a->elements.len) lower_error(L, n, "Rest element must be last element");
        el->kind = PRS_Rest;
        PRS_AS(el, Rest)->arg = expression_to_pattern(L, PRS_AS(el, Rest)->arg, n);
      } else if (!PRS_IS(el, Hole)) {
        a->elements.items[i] = element_to_pattern(L, el, n);
      }
    }
    e->kind = PRS_ArrayPattern;
    return e;
  }
  if (PRS_IS(e, Object)) {
    PrsObject *o = PRS_AS(e, Object);
    for (uint32_t i = 0; i < o->props.len; i++) {
      PrsNode *p = o->props.items[i];
      if (PRS_IS(p, Spread)) {
        // The rest's argument is left as lowered: it is neither rewritten
        // nor checked as a simple target here.
        p->kind = PRS_Rest;
        continue;
      }
      if (p->flags & PRS_FLAG_Method) lower_error(L, n, "Invalid destructuring assignment target");
      p->kind = PRS_PatternProp;
      PrsProperty *prop = (PrsProperty *)p;
      prop->value = element_to_pattern(L, prop->value, n);
    }
    e->kind = PRS_ObjectPattern;
    return e;
  }
  // §13.15.5.1: nested targets must be simple, and the web-compat
  // exception for calls does not reach into patterns: `[f()] = x` is a
  // Syntax Error even in sloppy code.
  lower_check_simple_target(L, e, n);
  if (PRS_IS(e, Call)) lower_error(L, n, "Invalid destructuring assignment target");
  return e;
}

// lower_assign_target: the left side of `=` (§13.15.1): a pattern, or a
// simple target. tree-sitter builds pattern nodes where it can; any other
// node is lowered as an expression and then reread (expression_to_pattern).
PrsNode *lower_assign_target(Lower *L, TSNode n) {
  lower_enter(L, n);
  PrsNode *r;
  switch ((unsigned)lower_kind(n)) {
    case CST_array_pattern: r = array_pattern(L, n, lower_assign_target); break;
    case CST_object_pattern: r = object_pattern(L, n, lower_assign_target); break;
    case CST_assignment_pattern: r = with_default(L, n, lower_assign_target); break;
    // A shorthand in an assignment pattern is an IdentifierReference, so
    // the reference rules apply, then those of a simple target.
    case CST_shorthand_property_identifier_pattern:
    case CST_shorthand_property_identifier: {
      PrsIdent *id = LOWER_NEW(L, Ident, n);
      bool escaped;
      id->name = lower_name(L, n, &escaped);
      lower_check_reference_name(L, id->name, escaped, n);
      r = &id->base;
      lower_check_simple_target(L, r, n);
      break;
    }
    default: {
      PrsNode *e = lower_expression(L, n);
      // §13.15.1: an OptionalChain is not a valid assignment target.
      if (PRS_IS(e, OptionalChain)) lower_error(L, n, "Invalid left-hand side in assignment");
      r = expression_to_pattern(L, e, n);
      break;
    }
  }
  lower_leave(L);
  return r;
}
