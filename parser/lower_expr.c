/*
 * parser/lower_expr.c — expressions: CST to AST, literals decoded, and the
 * early errors an expression can raise on its own (strict-mode literals,
 * invalid regular expressions, template escapes, operator mixing rules,
 * super/new.target/import.meta placement, yield and await contexts).
 */
#include <string.h>

#include "parser/keywords.h"
#include "parser/literals.h"
#include "parser/lower.h"
#include "parser/regexp_syntax.h"


/* {==== Literals ====} */

static PrsNode *lower_number(Lower *L, TSNode n) {
  uint32_t len;
  const char *s = lower_text(L, n, &len);
  // "The SourceCharacter immediately following a NumericLiteral must not
  // be an IdentifierStart or DecimalDigit" (3in x, 1_, 0x1g).
  uint32_t end = ts_node_end_byte(n);
  if (end < L->len) {
    unsigned char c = (unsigned char)L->src[end];
    if (c == '$' || c == '_' || c == '\\' || (c >= '0' && c <= '9') ||
        ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
      lower_error_at(L, end, "Invalid or unexpected token");
  }
  const char *err;
  size_t at;
  if (len && s[len - 1] == 'n') {
    PrsBigInt *b = LOWER_NEW(L, BigInt, n);
    prs_buf_reset(&L->buf);
    if (!prs_lit_bigint(s, len, &L->buf, &err, &at))
      lower_error_at(L, ts_node_start_byte(n) + (uint32_t)at, "%s", err);
    b->digits = prs_atom(&L->ast->atoms, L->buf.data, (uint32_t)L->buf.len);
    return &b->base;
  }
  PrsNumber *num = LOWER_NEW(L, Number, n);
  uint32_t flags = 0;
  if (!prs_lit_number(s, len, &num->value, &flags, &err, &at))
    lower_error_at(L, ts_node_start_byte(n) + (uint32_t)at, "%s", err);
  if (L->fn->strict && (flags & PRS_LIT_LEGACY_OCTAL))
    lower_error(L, n, "Octal literals are not allowed in strict mode.");
  if (L->fn->strict && (flags & PRS_LIT_NON_OCTAL_DECIMAL))
    lower_error(L, n, "Decimals with leading zeros are not allowed in strict mode.");
  return &num->base;
}

PrsAtom *lower_string_value(Lower *L, TSNode n) {
  uint32_t len;
  const char *s = lower_text(L, n, &len);
  const char *err;
  size_t at;
  uint32_t flags = 0;
  // The node spans the quotes; the body is between them.
  prs_buf_reset(&L->buf);
  if (!prs_lit_string(s + 1, len >= 2 ? len - 2 : 0, &L->buf, &flags, &err, &at))
    lower_error_at(L, ts_node_start_byte(n) + 1 + (uint32_t)at, "%s", err);
  if (L->fn->strict && (flags & PRS_LIT_LEGACY_OCTAL))
    lower_error(L, n, "Octal escape sequences are not allowed in strict mode.");
  if (L->fn->strict && (flags & PRS_LIT_NON_OCTAL_DECIMAL))
    lower_error(L, n, "\\8 and \\9 are not allowed in strict mode.");
  return prs_atom(&L->ast->atoms, L->buf.data ? L->buf.data : "", (uint32_t)L->buf.len);
}

static PrsNode *lower_string(Lower *L, TSNode n) {
  PrsString *s = LOWER_NEW(L, String, n);
  s->value = lower_string_value(L, n);
  return &s->base;
}

static PrsNode *lower_regex(Lower *L, TSNode n) {
  PrsRegex *r = LOWER_NEW(L, Regex, n);
  TSNode pattern = lower_field(L, n, FLD_pattern);
  TSNode flags = lower_field(L, n, FLD_flags);
  uint32_t plen = 0, flen = 0;
  const char *p = "", *f = "";
  if (!ts_node_is_null(pattern)) p = lower_text(L, pattern, &plen);
  if (!ts_node_is_null(flags)) f = lower_text(L, flags, &flen);
  // A regular expression literal cannot span lines: no CR, LF, U+2028 or
  // U+2029 (E2 80 A8/A9) in it, even escaped.
  for (uint32_t i = 0; i < plen; i++) {
    unsigned char c = (unsigned char)p[i];
    if (c == '\n' || c == '\r' ||
        (c == 0xE2 && i + 2 < plen && (unsigned char)p[i + 1] == 0x80 &&
         ((unsigned char)p[i + 2] == 0xA8 || (unsigned char)p[i + 2] == 0xA9)))
      lower_error(L, n, "Invalid regular expression: missing /");
  }
  const char *err;
  size_t at;
  bool in_flags = false;
  if (!prs_regexp_check(p, plen, f, flen, &err, &at, &in_flags)) {
    uint32_t where = in_flags ? ts_node_start_byte(flags) : ts_node_start_byte(pattern);
    if (in_flags) lower_error_at(L, where + (uint32_t)at, "Invalid regular expression flags");
    lower_error_at(L, where + (uint32_t)at, "Invalid regular expression: /%.*s/%.*s: %s",
                   (int)(plen > 60 ? 60 : plen), p, (int)flen, f, err);
  }
  r->pattern = prs_atom(&L->ast->atoms, p, plen);
  r->flags = prs_atom(&L->ast->atoms, f, flen);
  return &r->base;
}

/* {==== Templates ====} */

// One chunk of template text [s, e): raw always, cooked unless invalid.
static PrsNode *template_part(Lower *L, TSNode n, uint32_t s, uint32_t e,
                              bool tagged) {
  PrsTemplatePart *part = LOWER_NEW(L, TemplatePart, n);
  part->base.start = s;
  part->base.end = e;
  const char *err;
  size_t at;
  prs_buf_reset(&L->buf);
  if (prs_lit_template_cooked(L->src + s, e - s, &L->buf, &err, &at)) {
    part->cooked = prs_atom(&L->ast->atoms, L->buf.data ? L->buf.data : "", (uint32_t)L->buf.len);
  } else if (!tagged) {
    lower_error_at(L, s + (uint32_t)at, "%s", err);
  }
  prs_buf_reset(&L->buf);
  prs_lit_template_raw(L->src + s, e - s, &L->buf);
  part->raw = prs_atom(&L->ast->atoms, L->buf.data ? L->buf.data : "", (uint32_t)L->buf.len);
  return &part->base;
}

// The chunks are cut from the source text between the backticks and the
// substitutions, not from tree-sitter's fragments: a tagged template may
// hold escapes the grammar could not tokenize.
static PrsNode *lower_template(Lower *L, TSNode n, bool tagged) {
  PrsTemplate *t = LOWER_NEW(L, Template, n);
  uint32_t base = lower_items(L, n);
  uint32_t subs = 0;
  for (uint32_t i = base; i < L->nkids; i++)
    subs += L->kids[i].kind == CST_template_substitution;
  t->quasis = lower_list(L, subs + 1);
  t->exprs = lower_list(L, subs);
  uint32_t text_start = ts_node_start_byte(n) + 1, k = 0;
  for (uint32_t i = base; i < L->nkids; i++) {
    if (L->kids[i].kind != CST_template_substitution) continue;
    TSNode sub = L->kids[i].node;
    t->quasis.items[k] = template_part(L, n, text_start, ts_node_start_byte(sub), tagged);
    TSNode e = ts_node_named_child(sub, 0);
    while (lower_kind(e) == CST_comment) e = ts_node_next_named_sibling(e);
    t->exprs.items[k++] = lower_expression(L, e);
    text_start = ts_node_end_byte(sub);
  }
  t->quasis.items[k] = template_part(L, n, text_start, ts_node_end_byte(n) - 1, tagged);
  lower_pop(L, base);
  return &t->base;
}

/* {==== Arrays, objects, arguments ====} */

static PrsNode *lower_spread(Lower *L, TSNode n) {
  PrsSpread *s = LOWER_NEW(L, Spread, n);
  s->arg = lower_expression(L, ts_node_named_child(n, 0));
  return &s->base;
}

static PrsNode *lower_element(Lower *L, const Kid *k) {
  return k->kind == CST_spread_element ? lower_spread(L, k->node)
                                       : lower_expression(L, k->node);
}

// Elements and holes: a comma that follows `[` or another comma is a hole.
static PrsNode *lower_array(Lower *L, TSNode n) {
  PrsArray *a = LOWER_NEW(L, Array, n);
  uint32_t base = lower_items(L, n);
  uint32_t count = 0;
  bool after_sep = true;
  for (uint32_t i = base; i < L->nkids; i++) {
    Kid *k = &L->kids[i];
    bool comma = k->kind == CST_T_comma;
    if (!is_token(k)) count++, after_sep = false;
    else if (comma) count += after_sep, after_sep = true;
  }
  a->elements = lower_list(L, count);
  uint32_t out = 0;
  after_sep = true;
  for (uint32_t i = base; i < L->nkids; i++) {
    Kid k = L->kids[i];
    if (!is_token(&k)) {
      a->elements.items[out++] = lower_element(L, &k);
      after_sep = false;
    } else if (k.kind == CST_T_comma) {
      if (after_sep) a->elements.items[out++] = lower_new(L, PRS_Hole, k.node);
      after_sep = true;
    }
  }
  lower_pop(L, base);
  return &a->base;
}

PrsList lower_arguments(Lower *L, TSNode n) {
  uint32_t base = lower_items(L, n);
  uint32_t count = 0;
  bool after_sep = true;
  for (uint32_t i = base; i < L->nkids; i++) {
    count += !is_token(&L->kids[i]);
    if (L->kids[i].kind == CST_T_comma) {
      // Arguments have no elisions: `f(1,,2)` and `f(,)` are errors.
      if (after_sep) lower_error(L, L->kids[i].node, "Unexpected token ','");
      after_sep = true;
    } else if (!is_token(&L->kids[i])) {
      after_sep = false;
    }
  }
  PrsList list = lower_list(L, count);
  uint32_t out = 0;
  for (uint32_t i = base; i < L->nkids; i++) {
    Kid k = L->kids[i];
    if (!is_token(&k)) list.items[out++] = lower_element(L, &k);
  }
  lower_pop(L, base);
  return list;
}

PrsNode *lower_property_key(Lower *L, TSNode n) {
  switch ((unsigned)lower_kind(n)) {
    case CST_property_identifier:
    case CST_identifier:
    case CST_shorthand_property_identifier:
    case CST_shorthand_property_identifier_pattern: {
      PrsPropName *p = LOWER_NEW(L, PropName, n);
      bool escaped;
      p->name = lower_name(L, n, &escaped);
      return &p->base;
    }
    case CST_private_property_identifier: {
      PrsPrivateName *p = LOWER_NEW(L, PrivateName, n);
      p->name = lower_private_name(L, n);
      if (prs_atom_is(p->name, "#constructor"))
        lower_error(L, n, "Classes may not have a private field named '#constructor'");
      return &p->base;
    }
    case CST_string: return lower_string(L, n);
    case CST_number: return lower_number(L, n);
    case CST_computed_property_name: {
      TSNode e = ts_node_named_child(n, 0);
      while (lower_kind(e) == CST_comment) e = ts_node_next_named_sibling(e);
      return lower_expression(L, e);
    }
    default: lower_error(L, n, "Unexpected token");
  }
}

static PrsNode *lower_pair(Lower *L, TSNode n, int *protos) {
  PrsProperty *p = LOWER_NEW(L, Property, n);
  TSNode key = lower_field(L, n, FLD_key);
  TSNode value = lower_field(L, n, FLD_value);
  p->key = lower_property_key(L, key);
  if (lower_kind(key) == CST_computed_property_name) {
    p->base.flags |= PRS_FLAG_Computed;
  } else if (lower_key_is(p->key, KW_PROTO)) {
    // `__proto__: v` sets the prototype; a second one is an early error
    // (but not in a pattern, which the caller re-checks as a target).
    p->base.flags |= PRS_FLAG_Proto;
    (*protos)++;
  }
  p->value = lower_expression(L, value);
  return &p->base;
}

static PrsNode *lower_shorthand(Lower *L, TSNode n) {
  PrsProperty *p = LOWER_NEW(L, Property, n);
  p->base.flags |= PRS_FLAG_Shorthand;
  p->key = lower_property_key(L, n);
  PrsIdent *id = LOWER_NEW(L, Ident, n);
  bool escaped;
  id->name = lower_name(L, n, &escaped);
  lower_check_reference_name(L, id->name, escaped, n);
  p->value = &id->base;
  return &p->base;
}

static PrsNode *lower_object(Lower *L, TSNode n) {
  PrsObject *o = LOWER_NEW(L, Object, n);
  uint32_t base = lower_items(L, n);
  uint32_t count = 0;
  for (uint32_t i = base; i < L->nkids; i++) count += !is_token(&L->kids[i]);
  o->props = lower_list(L, count);
  uint32_t out = 0;
  int protos = 0;
  for (uint32_t i = base; i < L->nkids; i++) {
    Kid k = L->kids[i];
    if (is_token(&k)) continue;
    PrsNode *p;
    switch ((unsigned)k.kind) {
      case CST_pair: p = lower_pair(L, k.node, &protos); break;
      case CST_shorthand_property_identifier: p = lower_shorthand(L, k.node); break;
      case CST_spread_element: p = lower_spread(L, k.node); break;
      case CST_method_definition: {
        PrsProperty *m = LOWER_NEW(L, Property, k.node);
        m->value = lower_method(L, k.node, false, false, &m->key, &m->base.flags);
        if (PRS_IS(m->key, PrivateName)) lower_error(L, k.node, "Unexpected identifier");
        p = &m->base;
        break;
      }
      default: lower_error(L, k.node, "Unexpected token");
    }
    o->props.items[out++] = p;
  }
  lower_pop(L, base);
  // tree-sitter parses a literal that is really a pattern (`({...} = x)`)
  // as object_pattern, so an `object` here is always an expression.
  if (protos > 1)
    lower_error(L, n, "Duplicate __proto__ fields are not allowed in object literals");
  return &o->base;
}

/* {==== Precedence ====} */

// tree-sitter's grammar resolves some conflicts loosely (it accepts
// `x + y = 1` as `x + (y = 1)`), so every operand is checked against the
// precedence level the spec's grammar requires there. Levels follow the
// spec's expression productions, lowest first.
enum {
  PREC_SEQUENCE, PREC_ASSIGN, PREC_CONDITIONAL, PREC_NULLISH, PREC_OR, PREC_AND,
  PREC_BITOR, PREC_BITXOR, PREC_BITAND, PREC_EQUALITY, PREC_RELATIONAL,
  PREC_SHIFT, PREC_ADDITIVE, PREC_MULTIPLICATIVE, PREC_EXP, PREC_UNARY,
  PREC_UPDATE, PREC_LHS,
};

// Operators that are not binary have no entry: 0 reads as "not binary".
static const uint8_t binary_level[PRS_OP_COUNT] = {
    [PRS_OP_Nullish] = PREC_NULLISH,
    [PRS_OP_Or] = PREC_OR,
    [PRS_OP_And] = PREC_AND,
    [PRS_OP_BitOr] = PREC_BITOR,
    [PRS_OP_BitXor] = PREC_BITXOR,
    [PRS_OP_BitAnd] = PREC_BITAND,
    [PRS_OP_Eq] = PREC_EQUALITY, [PRS_OP_Ne] = PREC_EQUALITY,
    [PRS_OP_StrictEq] = PREC_EQUALITY, [PRS_OP_StrictNe] = PREC_EQUALITY,
    [PRS_OP_Lt] = PREC_RELATIONAL, [PRS_OP_Le] = PREC_RELATIONAL,
    [PRS_OP_Gt] = PREC_RELATIONAL, [PRS_OP_Ge] = PREC_RELATIONAL,
    [PRS_OP_In] = PREC_RELATIONAL, [PRS_OP_Instanceof] = PREC_RELATIONAL,
    [PRS_OP_Shl] = PREC_SHIFT, [PRS_OP_Sar] = PREC_SHIFT, [PRS_OP_Shr] = PREC_SHIFT,
    [PRS_OP_Add] = PREC_ADDITIVE, [PRS_OP_Sub] = PREC_ADDITIVE,
    [PRS_OP_Mul] = PREC_MULTIPLICATIVE, [PRS_OP_Div] = PREC_MULTIPLICATIVE,
    [PRS_OP_Mod] = PREC_MULTIPLICATIVE,
    [PRS_OP_Exp] = PREC_EXP,
};

static int binary_prec(PrsOp op) { return binary_level[op]; }

static int prec(const PrsNode *e) {
  if (e->flags & PRS_FLAG_Parenthesized) return PREC_LHS;
  if (PRS_IS(e, Sequence)) return PREC_SEQUENCE;
  if (PRS_IS(e, Assign) || PRS_IS(e, Yield)) return PREC_ASSIGN;
  if (PRS_IS(e, Function) && (e->flags & PRS_FLAG_Arrow)) return PREC_ASSIGN;
  if (PRS_IS(e, Conditional)) return PREC_CONDITIONAL;
  if (PRS_IS(e, Binary) || PRS_IS(e, Logical)) return binary_prec((PrsOp)e->op);
  if (PRS_IS(e, Unary) || PRS_IS(e, Await)) return PREC_UNARY;
  if (PRS_IS(e, Update)) return PREC_UPDATE;
  return PREC_LHS;
}

// Require operand e (from CST node n) to be at least at level min.
static void need_prec(Lower *L, const PrsNode *e, int min, TSNode n) {
  if (prec(e) < min) lower_error(L, n, "Unexpected token");
}

/* {==== Operators ====} */

static bool is_plain(PrsNode *e, PrsKind k) {
  return e->kind == k && !(e->flags & PRS_FLAG_Parenthesized);
}

static PrsNode *lower_binary(Lower *L, TSNode n) {
  TSNode left = lower_field(L, n, FLD_left);
  TSNode op = lower_field(L, n, FLD_operator);
  TSNode right = lower_field(L, n, FLD_right);
  PrsOp o = prs_cst_op(ts_node_symbol(op));
  PrsNode *l;
  if (lower_kind(left) == CST_private_property_identifier) {
    // `#x in obj`: the only place a private name stands alone.
    if (o != PRS_OP_In) lower_error(L, left, "Unexpected token '%s'", "#");
    l = lower_property_key(L, left);
    lower_private_ref(L, PRS_AS(l, PrivateName)->name, left);
  } else {
    l = lower_expression(L, left);
  }
  PrsNode *r = lower_expression(L, right);
  int p = binary_prec(o);
  // Left-associative except **, whose left side is an UpdateExpression.
  if (o == PRS_OP_Exp) {
    need_prec(L, r, PREC_EXP, right);
    if (prec(l) < PREC_UNARY) need_prec(L, l, PREC_UPDATE, left);
  } else if (o == PRS_OP_Nullish) {
    // a ?? b: both sides are BitwiseOR-level or another ?? on the left.
    if (!(is_plain(l, PRS_Logical) && l->op == PRS_OP_Nullish)) need_prec(L, l, PREC_BITOR, left);
    need_prec(L, r, PREC_BITOR, right);
  } else {
    if (!(is_plain(l, PRS_Logical) && l->op == PRS_OP_Nullish && p <= PREC_OR))
      need_prec(L, l, p, left);
    need_prec(L, r, p + 1, right);
  }
  if (o == PRS_OP_Exp && is_plain(l, PRS_Unary))
    lower_error(L, left, "Unary operator used immediately before exponentiation expression. Parenthesis must be used to disambiguate operator precedence");
  if (o == PRS_OP_Exp && is_plain(l, PRS_Await))
    lower_error(L, left, "Unary operator used immediately before exponentiation expression. Parenthesis must be used to disambiguate operator precedence");
  bool logical = o == PRS_OP_And || o == PRS_OP_Or || o == PRS_OP_Nullish;
  if (logical) {
    // ?? cannot mix with && or || without parentheses.
    PrsNode *sides[2] = {l, r};
    for (int i = 0; i < 2; i++) {
      if (!is_plain(sides[i], PRS_Logical)) continue;
      bool inner_nullish = sides[i]->op == PRS_OP_Nullish;
      if (inner_nullish != (o == PRS_OP_Nullish))
        lower_error(L, op, "Unexpected token '%s'", prs_op_text[o]);
    }
    PrsLogical *lg = LOWER_NEW(L, Logical, n);
    lg->base.op = (uint8_t)o;
    lg->left = l, lg->right = r;
    return &lg->base;
  }
  PrsBinary *b = LOWER_NEW(L, Binary, n);
  b->base.op = (uint8_t)o;
  b->left = l, b->right = r;
  return &b->base;
}

static PrsOp unary_op(TSNode op) {
  PrsOp o = prs_cst_op(ts_node_symbol(op));
  if (o == PRS_OP_Sub) return PRS_OP_Neg;
  if (o == PRS_OP_Add) return PRS_OP_Plus;
  return o;
}

static PrsNode *lower_unary(Lower *L, TSNode n) {
  PrsUnary *u = LOWER_NEW(L, Unary, n);
  TSNode op = lower_field(L, n, FLD_operator);
  u->base.op = (uint8_t)unary_op(op);
  if (u->base.op == PRS_OP_None) {
    // typeof/void/delete are keywords: match their text.
    uint32_t len;
    const char *s = lower_text(L, op, &len);
    u->base.op = (uint8_t)(s[0] == 't' ? PRS_OP_Typeof : s[0] == 'v' ? PRS_OP_Void : PRS_OP_Delete);
  }
  TSNode argn = lower_field(L, n, FLD_argument);
  u->arg = lower_expression(L, argn);
  need_prec(L, u->arg, PREC_UNARY, argn);
  if (u->base.op == PRS_OP_Delete) {
    PrsNode *a = u->arg;
    if (L->fn->strict && PRS_IS(a, Ident))
      lower_error(L, n, "Delete of an unqualified identifier in strict mode.");
    if (PRS_IS(a, PrivateMember)) lower_error(L, n, "Private fields can not be deleted");
    if (PRS_IS(a, OptionalChain) && PRS_IS(PRS_AS(a, OptionalChain)->expr, PrivateMember))
      lower_error(L, n, "Private fields can not be deleted");
  }
  return &u->base;
}

static PrsNode *lower_update(Lower *L, TSNode n) {
  PrsUpdate *u = LOWER_NEW(L, Update, n);
  TSNode op = lower_field(L, n, FLD_operator);
  TSNode arg = lower_field(L, n, FLD_argument);
  u->base.op = (uint8_t)prs_cst_op(ts_node_symbol(op));
  if (ts_node_start_byte(op) < ts_node_start_byte(arg)) u->base.flags |= PRS_FLAG_Prefix;
  u->arg = lower_expression(L, arg);
  need_prec(L, u->arg, PREC_LHS, arg);
  lower_check_simple_target(L, u->arg, arg);
  return &u->base;
}

static PrsNode *lower_assignment(Lower *L, TSNode n, bool compound) {
  PrsAssign *a = LOWER_NEW(L, Assign, n);
  TSNode left = lower_field(L, n, FLD_left);
  TSNode right = lower_field(L, n, FLD_right);
  if (compound) {
    a->base.op = (uint8_t)prs_cst_op(ts_node_symbol(lower_field(L, n, FLD_operator)));
    a->target = lower_expression(L, left);
    lower_check_simple_target(L, a->target, left);
    // The Annex B allowance for f() = 1 does not cover &&= ||= ??=.
    bool logical = a->base.op == PRS_OP_AndAssign || a->base.op == PRS_OP_OrAssign ||
                   a->base.op == PRS_OP_NullishAssign;
    if (logical && PRS_IS(a->target, Call)) lower_error(L, left, "Invalid left-hand side in assignment");
  } else {
    a->base.op = PRS_OP_Assign;
    a->target = lower_assign_target(L, left);
  }
  a->value = lower_expression(L, right);
  return &a->base;
}

static PrsNode *lower_conditional(Lower *L, TSNode n) {
  PrsConditional *c = LOWER_NEW(L, Conditional, n);
  TSNode test = lower_field(L, n, FLD_condition);
  TSNode then = lower_field(L, n, FLD_consequence);
  TSNode otherwise = lower_field(L, n, FLD_alternative);
  c->test = lower_expression(L, test);
  c->then = lower_expression(L, then);
  c->otherwise = lower_expression(L, otherwise);
  need_prec(L, c->test, PREC_NULLISH, test);
  need_prec(L, c->then, PREC_ASSIGN, then);
  need_prec(L, c->otherwise, PREC_ASSIGN, otherwise);
  return &c->base;
}

static PrsNode *lower_sequence(Lower *L, TSNode n) {
  PrsSequence *s = LOWER_NEW(L, Sequence, n);
  uint32_t base = lower_items(L, n);
  uint32_t count = 0;
  for (uint32_t i = base; i < L->nkids; i++) count += !is_token(&L->kids[i]);
  s->exprs = lower_list(L, count);
  uint32_t out = 0;
  for (uint32_t i = base; i < L->nkids; i++) {
    Kid k = L->kids[i];
    if (!is_token(&k)) s->exprs.items[out++] = lower_expression(L, k.node);
  }
  lower_pop(L, base);
  return &s->base;
}

/* {==== Calls, members and optional chains ====} */

static PrsNode *lower_chain(Lower *L, TSNode n, bool *optional);
static PrsNode *await_operand(Lower *L, TSNode call);

// The object of a member/call: continues the chain unless parenthesized.
static PrsNode *lower_chain_object(Lower *L, TSNode n, bool *optional) {
  PrsCst k = lower_kind(n);
  if (k == CST_member_expression || k == CST_subscript_expression ||
      k == CST_call_expression)
    return lower_chain(L, n, optional);
  if (k == CST_super) return lower_new(L, PRS_Super, n);
  PrsNode *e = lower_expression(L, n);
  need_prec(L, e, PREC_LHS, n);
  return e;
}

static void check_super_property(Lower *L, TSNode n) {
  if (!L->fn->super_property) lower_error(L, n, "'super' keyword unexpected here");
}

static PrsNode *lower_member(Lower *L, TSNode n, bool *optional) {
  TSNode obj = lower_field(L, n, FLD_object);
  TSNode prop = lower_field(L, n, FLD_property);
  bool opt = !ts_node_is_null(lower_field(L, n, FLD_optional_chain));
  PrsNode *o = lower_chain_object(L, obj, optional);
  if (PRS_IS(o, Super)) {
    if (opt) lower_error(L, n, "'super' keyword unexpected here");
    check_super_property(L, obj);
  }
  *optional |= opt;
  PrsNode *m;
  if (lower_kind(prop) == CST_private_property_identifier) {
    if (PRS_IS(o, Super)) lower_error(L, prop, "Unexpected private field");
    PrsPrivateMember *pm = LOWER_NEW(L, PrivateMember, n);
    pm->object = o;
    pm->name = lower_private_name(L, prop);
    lower_private_ref(L, pm->name, prop);
    m = &pm->base;
  } else {
    PrsMember *mm = LOWER_NEW(L, Member, n);
    bool escaped;
    mm->object = o;
    mm->name = lower_name(L, prop, &escaped);
    m = &mm->base;
  }
  if (opt) m->flags |= PRS_FLAG_Optional;
  return m;
}

// `await[a, b]` read as a subscript: the array literal [a, b] it awaits.
static PrsNode *await_array(Lower *L, TSNode n) {
  PrsArray *a = LOWER_NEW(L, Array, n);
  a->base.start = ts_node_end_byte(lower_field(L, n, FLD_object));
  PrsNode *e = lower_expression(L, lower_field(L, n, FLD_index));
  if (PRS_IS(e, Sequence) && !(e->flags & PRS_FLAG_Parenthesized)) {
    a->elements = PRS_AS(e, Sequence)->exprs;
  } else {
    a->elements = lower_list(L, 1);
    a->elements.items[0] = e;
  }
  return &a->base;
}

static PrsNode *lower_subscript(Lower *L, TSNode n, bool *optional) {
  if (n.id == L->await_call) return await_array(L, n);
  PrsIndex *ix = LOWER_NEW(L, Index, n);
  TSNode obj = lower_field(L, n, FLD_object);
  TSNode index = lower_field(L, n, FLD_index);
  bool opt = !ts_node_is_null(lower_field(L, n, FLD_optional_chain));
  ix->object = lower_chain_object(L, obj, optional);
  if (PRS_IS(ix->object, Super)) {
    if (opt) lower_error(L, n, "'super' keyword unexpected here");
    check_super_property(L, obj);
  }
  *optional |= opt;
  if (opt) ix->base.flags |= PRS_FLAG_Optional;
  ix->index = lower_expression(L, index);
  return &ix->base;
}

static PrsNode *lower_import_call(Lower *L, TSNode n, TSNode args) {
  PrsImportCall *ic = LOWER_NEW(L, ImportCall, n);
  PrsList list = lower_arguments(L, args);
  if (list.len < 1 || list.len > 2)
    lower_error(L, args, "import() requires a specifier and at most one options argument");
  for (uint32_t i = 0; i < list.len; i++)
    if (PRS_IS(list.items[i], Spread)) lower_error(L, args, "Unexpected token '...'");
  ic->source = list.items[0];
  ic->options = list.len > 1 ? list.items[1] : NULL;
  return &ic->base;
}

static PrsNode *lower_call(Lower *L, TSNode n, bool *optional) {
  if (n.id == L->await_call) return await_operand(L, n);
  TSNode fn = lower_field(L, n, FLD_function);
  TSNode args = lower_field(L, n, FLD_arguments);
  bool opt = !ts_node_is_null(lower_field(L, n, FLD_optional_chain));
  if (lower_kind(fn) == CST_import) {
    if (opt) lower_error(L, n, "Unexpected token '?.'");
    return lower_import_call(L, n, args);
  }
  if (lower_kind(args) == CST_template_string) {
    PrsTaggedTemplate *t = LOWER_NEW(L, TaggedTemplate, n);
    bool inner_opt = false;
    t->tag = lower_chain_object(L, fn, &inner_opt);
    if (inner_opt || opt) lower_error(L, args, "Invalid tagged template on optional chain");
    if (PRS_IS(t->tag, Super)) lower_error(L, fn, "'super' keyword unexpected here");
    t->quasi = lower_template(L, args, true);
    return &t->base;
  }
  PrsCall *c = LOWER_NEW(L, Call, n);
  c->callee = lower_chain_object(L, fn, optional);
  if (PRS_IS(c->callee, Super)) {
    if (!L->fn->super_call) lower_error(L, fn, "'super' keyword unexpected here");
    if (opt) lower_error(L, n, "'super' keyword unexpected here");
  }
  *optional |= opt;
  if (opt) c->base.flags |= PRS_FLAG_Optional;
  c->args = lower_arguments(L, args);
  return &c->base;
}

static PrsNode *lower_chain(Lower *L, TSNode n, bool *optional) {
  lower_enter(L, n);
  PrsNode *r;
  switch ((unsigned)lower_kind(n)) {
    case CST_member_expression: r = lower_member(L, n, optional); break;
    case CST_subscript_expression: r = lower_subscript(L, n, optional); break;
    case CST_call_expression: r = lower_call(L, n, optional); break;
    default: lower_error(L, n, "Unexpected token");
  }
  lower_leave(L);
  return r;
}

// Where await is a keyword, tree-sitter still reads `await (x).y` as the
// call `await(x)` followed by `.y`. Find such a call at the base of a
// chain: the whole chain is then the operand of an await.
static TSNode await_call_base(Lower *L, TSNode n) {
  TSNode none = LOWER_NULL_NODE;
  if (!L->fn->is_async || L->fn->static_block) return none;
  for (;;) {
    PrsCst k = lower_kind(n);
    if (k == CST_call_expression) {
      TSNode fn = lower_field(L, n, FLD_function);
      uint32_t len;
      const char *s = lower_text(L, fn, &len);
      if (lower_kind(fn) == CST_identifier && len == 5 && memcmp(s, "await", 5) == 0 &&
          lower_kind(lower_field(L, n, FLD_arguments)) == CST_arguments)
        return n;
      n = fn;
    } else if (k == CST_subscript_expression) {
      // `await [x]?.[0]` arrives as the subscript `await[x]`.
      TSNode obj = lower_field(L, n, FLD_object);
      uint32_t len;
      const char *s = lower_text(L, obj, &len);
      if (lower_kind(obj) == CST_identifier && len == 5 && memcmp(s, "await", 5) == 0 &&
          ts_node_is_null(lower_field(L, n, FLD_optional_chain)))
        return n;
      n = obj;
    } else if (k == CST_member_expression) {
      n = lower_field(L, n, FLD_object);
    } else {
      return none;
    }
  }
}

// `await(a, b)` read as a call: its arguments as one parenthesized operand.
static PrsNode *await_operand(Lower *L, TSNode call) {
  PrsList args = lower_arguments(L, lower_field(L, call, FLD_arguments));
  if (args.len == 0) lower_error(L, call, "Unexpected token ')'");
  PrsNode *e = args.items[0];
  if (args.len > 1) {
    PrsSequence *s = LOWER_NEW(L, Sequence, call);
    s->exprs = args;
    e = &s->base;
  }
  for (uint32_t i = 0; i < args.len; i++)
    if (PRS_IS(args.items[i], Spread)) lower_error(L, call, "Unexpected token '...'");
  e->flags |= PRS_FLAG_Parenthesized;
  return e;
}

// The top of a member/call chain: wrap it where a ?. short-circuits to.
static PrsNode *lower_chain_top(Lower *L, TSNode n) {
  TSNode awaited = await_call_base(L, n);
  const void *saved = L->await_call;
  if (!ts_node_is_null(awaited)) L->await_call = awaited.id;
  bool optional = false;
  PrsNode *e = lower_chain(L, n, &optional);
  if (optional) {
    PrsOptionalChain *oc = LOWER_NEW(L, OptionalChain, n);
    oc->expr = e;
    e = &oc->base;
  }
  L->await_call = saved;
  if (ts_node_is_null(awaited)) return e;
  if (L->fn->in_params) lower_error(L, n, "Illegal await-expression in formal parameters of async function");
  PrsAwait *a = LOWER_NEW(L, Await, n);
  a->arg = e;
  return &a->base;
}

static PrsNode *lower_new_expr(Lower *L, TSNode n) {
  PrsNew *nw = LOWER_NEW(L, New, n);
  TSNode ctor = lower_field(L, n, FLD_constructor);
  TSNode args = lower_field(L, n, FLD_arguments);
  if (lower_kind(ctor) == CST_import) lower_error(L, ctor, "Cannot use new with import");
  nw->callee = lower_expression(L, ctor);
  need_prec(L, nw->callee, PREC_LHS, ctor);
  if (PRS_IS(nw->callee, OptionalChain))
    lower_error(L, ctor, "Invalid optional chain from new expression");
  // new's operand is a MemberExpression: a call anywhere down its chain
  // (new f().x, new import(m).x) would need parentheses.
  for (PrsNode *c = nw->callee; c && !(c->flags & PRS_FLAG_Parenthesized);) {
    if (PRS_IS(c, Call) || PRS_IS(c, ImportCall))
      lower_error(L, ctor, "Unexpected token");
    c = PRS_IS(c, Member) ? PRS_AS(c, Member)->object
        : PRS_IS(c, Index) ? PRS_AS(c, Index)->object
        : PRS_IS(c, PrivateMember) ? PRS_AS(c, PrivateMember)->object : NULL;
  }
  if (!ts_node_is_null(args)) {
    if (lower_kind(args) == CST_template_string) lower_error(L, args, "Unexpected template string");
    nw->args = lower_arguments(L, args);
  }
  return &nw->base;
}

/* {==== Meta properties, yield, await ====} */

static PrsNode *lower_meta(Lower *L, TSNode n) {
  TSNode first = ts_node_child(n, 0);
  if (lower_kind(first) == CST_T_new) {
    if (!L->fn->new_target) lower_error(L, n, "new.target expression is not allowed here");
    return lower_new(L, PRS_NewTarget, n);
  }
  if (!L->module) lower_error(L, n, "Cannot use 'import.meta' outside a module");
  return lower_new(L, PRS_ImportMeta, n);
}

// A yield_expression with nothing after `yield`: in sloppy code outside
// generators, tree-sitter's "yield" is just an identifier.
bool lower_bare_yield_is_name(Lower *L, TSNode n) {
  return !L->fn->is_generator && !L->fn->strict && ts_node_named_child_count(n) == 0 &&
         ts_node_child_count(n) == 1;
}

static PrsNode *lower_yield(Lower *L, TSNode n) {
  if (lower_bare_yield_is_name(L, n)) {
    PrsIdent *id = LOWER_NEW(L, Ident, n);
    id->name = prs_atom(&L->ast->atoms, "yield", 5);
    return &id->base;
  }
  if (!L->fn->is_generator) {
    if (L->fn->strict) lower_error(L, n, "Unexpected strict mode reserved word");
    lower_error(L, n, "Unexpected identifier 'yield'");
  }
  if (L->fn->in_params) lower_error(L, n, "Yield expression not allowed in formal parameter");
  PrsYield *y = LOWER_NEW(L, Yield, n);
  uint32_t base = lower_items(L, n);
  TSNode arg = LOWER_NULL_NODE;
  for (uint32_t i = base; i < L->nkids; i++) {
    if (L->kids[i].kind == CST_T_star) {
      y->base.flags |= PRS_FLAG_Delegate;
      // `yield` [no LineTerminator here] `*`
      if (ts_node_start_point(L->kids[i].node).row != ts_node_start_point(n).row)
        lower_error(L, L->kids[i].node, "Unexpected token '*'");
    }
    if (!is_token(&L->kids[i])) arg = L->kids[i].node;
  }
  lower_pop(L, base);
  if (!ts_node_is_null(arg)) y->arg = lower_expression(L, arg);
  return &y->base;
}

static PrsNode *lower_await(Lower *L, TSNode n) {
  TSNode arg = ts_node_named_child(n, 0);
  while (lower_kind(arg) == CST_comment) arg = ts_node_next_named_sibling(arg);
  if (!L->fn->is_async && !L->module && !L->fn->static_block &&
      lower_kind(arg) == CST_parenthesized_expression) {
    // In a script, outside async functions, `await(x)` calls a function
    // named await: tree-sitter read it as an await expression.
    PrsCall *c = LOWER_NEW(L, Call, n);
    PrsIdent *id = LOWER_NEW(L, Ident, n);
    id->name = prs_atom(&L->ast->atoms, "await", 5);
    c->callee = &id->base;
    PrsNode *e = lower_expression(L, arg);
    e->flags &= ~(uint32_t)PRS_FLAG_Parenthesized;
    if (PRS_IS(e, Sequence)) {
      c->args = PRS_AS(e, Sequence)->exprs;
    } else {
      c->args = lower_list(L, 1);
      c->args.items[0] = e;
    }
    return &c->base;
  }
  if (!L->fn->is_async || L->fn->static_block) {
    if (L->fn->static_block || L->module) lower_error(L, n, "Unexpected reserved word");
    lower_error(L, n, "await is only valid in async functions and the top level bodies of modules");
  }
  if (L->fn->in_params) lower_error(L, n, "Illegal await-expression in formal parameters of async function");
  PrsAwait *a = LOWER_NEW(L, Await, n);
  a->arg = lower_expression(L, arg);
  return &a->base;
}

/* {==== Identifiers ====} */

static PrsNode *lower_identifier(Lower *L, TSNode n) {
  PrsIdent *id = LOWER_NEW(L, Ident, n);
  bool escaped;
  id->name = lower_name(L, n, &escaped);
  lower_check_reference_name(L, id->name, escaped, n);
  return &id->base;
}

/* {==== Dispatch ====} */

static PrsNode *lower_paren(Lower *L, TSNode n) {
  TSNode e = ts_node_named_child(n, 0);
  while (!ts_node_is_null(e) && lower_kind(e) == CST_comment) e = ts_node_next_named_sibling(e);
  PrsNode *r = lower_expression(L, e);
  r->flags |= PRS_FLAG_Parenthesized;
  return r;
}

static PrsNode *lower_expression_kind(Lower *L, TSNode n) {
  switch ((unsigned)lower_kind(n)) {
    case CST_identifier:
    case CST_undefined:
    case CST_shorthand_property_identifier: return lower_identifier(L, n);
    case CST_this: return lower_new(L, PRS_This, n);
    case CST_null: return lower_new(L, PRS_Null, n);
    case CST_true: return lower_new(L, PRS_True, n);
    case CST_false: return lower_new(L, PRS_False, n);
    case CST_number: return lower_number(L, n);
    case CST_string: return lower_string(L, n);
    case CST_regex: return lower_regex(L, n);
    case CST_template_string: return lower_template(L, n, false);
    case CST_array: return lower_array(L, n);
    case CST_object: return lower_object(L, n);
    case CST_parenthesized_expression: return lower_paren(L, n);
    case CST_sequence_expression: return lower_sequence(L, n);
    case CST_assignment_expression: return lower_assignment(L, n, false);
    case CST_augmented_assignment_expression: return lower_assignment(L, n, true);
    case CST_binary_expression: return lower_binary(L, n);
    case CST_unary_expression: return lower_unary(L, n);
    case CST_update_expression: return lower_update(L, n);
    case CST_ternary_expression: return lower_conditional(L, n);
    case CST_member_expression:
    case CST_subscript_expression:
    case CST_call_expression: return lower_chain_top(L, n);
    case CST_new_expression: return lower_new_expr(L, n);
    case CST_meta_property: return lower_meta(L, n);
    case CST_yield_expression: return lower_yield(L, n);
    case CST_await_expression: return lower_await(L, n);
    case CST_function_expression:
    case CST_generator_function: return lower_function(L, n);
    case CST_arrow_function: return lower_arrow(L, n);
    case CST_class: return lower_class(L, n);
    case CST_super: lower_error(L, n, "'super' keyword unexpected here");
    case CST_import: lower_error(L, n, "Unexpected token 'import'");
    case CST_spread_element: lower_error(L, n, "Unexpected token '...'");
    case CST_jsx_element:
    case CST_jsx_self_closing_element:
      lower_error(L, n, "Unexpected token '<' (JSX is not JavaScript)");
    case CST_array_pattern:
    case CST_object_pattern: lower_error(L, n, "Invalid destructuring assignment target");
    default: lower_error(L, n, "Unexpected token");
  }
}

PrsNode *lower_expression(Lower *L, TSNode n) {
  if (ts_node_is_null(n)) lower_error_at(L, L->len, "Unexpected end of input");
  lower_enter(L, n);
  PrsNode *e = lower_expression_kind(L, n);
  lower_leave(L);
  return e;
}
