/*
 * parser/lower_expr.c — expressions: CST to AST, literals decoded, and the
 * early errors an expression can raise on its own (strict-mode literals,
 * invalid regular expressions, template escapes, operator mixing rules,
 * super/new.target/import.meta placement, yield and await contexts).
 *
 * Invariants:
 *  - Every function here returns a complete AST node or does not return:
 *    an early error longjmps out through lower_error (see lower.h).
 *  - tree-sitter's grammar is looser than ECMA-262's: it resolves operator
 *    conflicts with its own precedence table, reads `await` and `yield`
 *    without knowing the function kind, and has no [Yield]/[Await]/[In]
 *    parameters. Each of those is re-checked here against L->fn.
 *  - Kids gathered with lower_items are addressed by index and copied to a
 *    local Kid before any recursive call: a nested lowering may grow, and
 *    so move, the kids stack.
 *  - Section numbers refer to ECMA-262 2025 (16th edition).
 */
#include <string.h>

#include "parser/keywords.h"
#include "parser/literals.h"
#include "parser/lower.h"
#include "parser/regexp_syntax.h"


/* {==== Literals ====} */

// lower_number: a NumericLiteral (§12.9.3) as a Number or, with the `n`
// suffix, a BigInt whose digits are kept as canonical decimal text. The
// early errors raised here: the literal's own grammar (prs_lit_*), the
// character right after it, and the strict-mode legacy forms.
static PrsNode *lower_number(Lower *L, TSNode n) {
  uint32_t len;
  const char *s = lower_text(L, n, &len);
  // "The SourceCharacter immediately following a NumericLiteral must not
  // be an IdentifierStart or DecimalDigit" (3in x, 1_, 0x1g).
  // tree-sitter's lexer just ends the number token there and starts a new
  // one, so without this `3in x` would parse as `3 in x`.
  uint32_t end = ts_node_end_byte(n);
  if (end < L->len) {
    unsigned char c = (unsigned char)L->src[end];
    if (c == '$' || c == '_' || c == '\\' || (c >= '0' && c <= '9') ||
        ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
      lower_error_at(L, end, "Invalid or unexpected token");
  }
  // prs_lit_* report a failure as a message and a byte offset into s.
  const char *err;
  size_t at;
  // tree-sitter has one `number` node for both kinds: the suffix decides.
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
  // §12.9.3.1: LegacyOctalIntegerLiteral (010) and
  // NonOctalDecimalIntegerLiteral (08, 09.5) are Syntax Errors in strict
  // code. L->fn->strict is settled before the function's contents are
  // lowered (lower_scan_prologue runs first), so a later "use strict"
  // directive still applies.
  if (L->fn->strict && (flags & PRS_LIT_LEGACY_OCTAL))
    lower_error(L, n, "Octal literals are not allowed in strict mode.");
  if (L->fn->strict && (flags & PRS_LIT_NON_OCTAL_DECIMAL))
    lower_error(L, n, "Decimals with leading zeros are not allowed in strict mode.");
  return &num->base;
}

// lower_string_value: the SV of a StringLiteral (§12.9.4), escapes
// decoded, as an atom. Atoms hold WTF-8, so a lone surrogate written as
// \uD800 survives (module export names reject it, lower_module.c).
PrsAtom *lower_string_at(Lower *L, uint32_t start, uint32_t end) {
  const char *err;
  size_t at;
  uint32_t flags = 0;
  // The span includes the quotes; the body is between them.
  uint32_t body = end - start >= 2 ? end - start - 2 : 0;
  prs_buf_reset(&L->buf);
  if (!prs_lit_string(L->src + start + 1, body, &L->buf, &flags, &err, &at))
    lower_error_at(L, start + 1 + (uint32_t)at, "%s", err);
  // §12.9.4.1: LegacyOctalEscapeSequence ("\01") and
  // NonOctalDecimalEscapeSequence ("\8", "\9") are Syntax Errors in
  // strict code (module code always is).
  bool strict = L->fn->strict || L->module;
  if (strict && (flags & PRS_LIT_LEGACY_OCTAL))
    lower_error_at(L, start, "Octal escape sequences are not allowed in strict mode.");
  if (strict && (flags & PRS_LIT_NON_OCTAL_DECIMAL))
    lower_error_at(L, start, "\\8 and \\9 are not allowed in strict mode.");
  return lower_buf_atom(L);
}

PrsAtom *lower_string_value(Lower *L, TSNode n) {
  return lower_string_at(L, ts_node_start_byte(n), ts_node_end_byte(n));
}

static PrsNode *lower_string(Lower *L, TSNode n) {
  PrsString *s = LOWER_NEW(L, String, n);
  s->value = lower_string_value(L, n);
  return &s->base;
}

// lower_regex: a RegularExpressionLiteral. §13.2.7.1: it is a Syntax
// Error if IsValidRegularExpressionLiteral is false, i.e. the flags are
// not distinct letters of "dgimsuvy" (with at most one of u and v), or the
// body is not a Pattern under those flags. tree-sitter only tokenizes the
// literal, so the whole check is ours (regexp_syntax.c).
static PrsNode *lower_regex(Lower *L, TSNode n) {
  PrsRegex *r = LOWER_NEW(L, Regex, n);
  TSNode pattern = lower_field(L, n, FLD_pattern);
  TSNode flags = lower_field(L, n, FLD_flags);
  // The flags field is absent when there are no flags; the pattern is
  // guarded the same way so that a damaged tree cannot crash us.
  uint32_t plen = 0, flen = 0;
  const char *p = "", *f = "";
  if (!ts_node_is_null(pattern)) p = lower_text(L, pattern, &plen);
  if (!ts_node_is_null(flags)) f = lower_text(L, flags, &flen);
  // A regular expression literal cannot span lines: no CR, LF, U+2028 or
  // U+2029 (E2 80 A8/A9) in it, even escaped.
  // (§12.9.5: RegularExpressionNonTerminator excludes every
  // LineTerminator; tree-sitter's regex token does not enforce that.)
  for (uint32_t i = 0; i < plen; i++) {
    unsigned char c = (unsigned char)p[i];
    if (c == '\n' || c == '\r' ||
        (c == 0xE2 && i + 2 < plen && (unsigned char)p[i + 1] == 0x80 &&
         ((unsigned char)p[i + 2] == 0xA8 || (unsigned char)p[i + 2] == 0xA9)))
      lower_error(L, n, "Invalid regular expression: missing /");
  }
  // On failure `at` is a byte offset into the pattern or, when in_flags,
  // into the flags: the error position is rebased on the right node.
  const char *err;
  size_t at;
  bool in_flags = false;
  if (!prs_regexp_check(p, plen, f, flen, &err, &at, &in_flags)) {
    uint32_t where = in_flags ? ts_node_start_byte(flags) : ts_node_start_byte(pattern);
    if (in_flags) lower_error_at(L, where + (uint32_t)at, "Invalid regular expression flags");
    lower_error_at(L, where + (uint32_t)at, "Invalid regular expression: /%.*s/%.*s: %s",
                   (int)(plen > 60 ? 60 : plen), p, (int)flen, f, err);
  }
  // Both are kept as source text; they are known valid from here on.
  r->pattern = prs_atom(&L->ast->atoms, p, plen);
  r->flags = prs_atom(&L->ast->atoms, f, flen);
  return &r->base;
}

/* {==== Templates ====} */

// One chunk of template text [s, e): raw always, cooked unless invalid.
// s and e are byte offsets into L->src, not a tree-sitter node's bounds,
// so the part is positioned by hand; n only supplies the node's origin.
// §13.2.8.1: a NotEscapeSequence (\01, \xZ, \u{110000}) is a Syntax
// Error only in an untagged template; in a tagged one (`tagged`) the
// chunk's cooked value is undefined (NULL here) and only its raw text
// (TRV, §12.9.6) is kept.
static PrsNode *template_part(Lower *L, TSNode n, uint32_t s, uint32_t e,
                              bool tagged) {
  PrsTemplatePart *part = LOWER_NEW(L, TemplatePart, n);
  // The chunk's own position: the template's, moved over the text between
  // (byte columns, like every node; a chunk may start on a later line).
  for (uint32_t i = part->base.start; i < s; i++) {
    if (L->src[i] == '\n') part->base.line++, part->base.col = 1;
    else part->base.col++;
  }
  part->base.start = s;
  part->base.end = e;
  const char *err;
  size_t at;
  prs_buf_reset(&L->buf);
  if (prs_lit_template_cooked(L->src + s, e - s, &L->buf, &err, &at)) {
    part->cooked = lower_buf_atom(L);
  } else if (!tagged) {
    lower_error_at(L, s + (uint32_t)at, "%s", err);
  }
  // The raw value always exists: it is what the tag sees as strings.raw.
  prs_buf_reset(&L->buf);
  prs_lit_template_raw(L->src + s, e - s, &L->buf);
  part->raw = lower_buf_atom(L);
  return &part->base;
}

// The chunks are cut from the source text between the backticks and the
// substitutions, not from tree-sitter's fragments: a tagged template may
// hold escapes the grammar could not tokenize.
// `tagged`: n is the quasi of a tagged template (see template_part).
static PrsNode *lower_template(Lower *L, TSNode n, bool tagged) {
  PrsTemplate *t = LOWER_NEW(L, Template, n);
  uint32_t base = lower_items(L, n);
  // Count substitutions first: the lists are fixed-size arena arrays, with
  // always one more text chunk than substitutions (chunks may be empty).
  uint32_t subs = 0;
  for (uint32_t i = base; i < L->nkids; i++)
    subs += L->kids[i].kind == CST_template_substitution;
  t->quasis = lower_list(L, subs + 1);
  t->exprs = lower_list(L, subs);
  // text_start walks the source: just past the opening backtick, then
  // just past the `}` closing each substitution.
  uint32_t text_start = ts_node_start_byte(n) + 1, k = 0;
  for (uint32_t i = base; i < L->nkids; i++) {
    if (L->kids[i].kind != CST_template_substitution) continue;
    TSNode sub = L->kids[i].node;
    t->quasis.items[k] = template_part(L, n, text_start, ts_node_start_byte(sub), tagged);
    // Comments inside ${ } are named children too: skip to the expression.
    TSNode e = ts_node_named_child(sub, 0);
    while (lower_kind(e) == CST_comment) e = ts_node_next_named_sibling(e);
    t->exprs.items[k++] = lower_expression(L, e);
    text_start = ts_node_end_byte(sub);
  }
  // The last chunk ends before the closing backtick.
  t->quasis.items[k] = template_part(L, n, text_start, ts_node_end_byte(n) - 1, tagged);
  lower_pop(L, base);
  return &t->base;
}

/* {==== Arrays, objects, arguments ====} */

// lower_spread: `...e` in an array literal, argument list or object
// literal; the operand is an AssignmentExpression.
static PrsNode *lower_spread(Lower *L, TSNode n) {
  PrsSpread *s = LOWER_NEW(L, Spread, n);
  s->arg = lower_expression(L, ts_node_named_child(n, 0));
  return &s->base;
}

// An element of an array literal or an argument list: spread or not.
static PrsNode *lower_element(Lower *L, const Kid *k) {
  return k->kind == CST_spread_element ? lower_spread(L, k->node)
                                       : lower_expression(L, k->node);
}

// Elements and holes: a comma that follows `[` or another comma is a hole.
// (§13.2.4 Elision). A trailing comma adds no hole: `[a,]` has one
// element, `[a,,]` two. Two passes: size the arena list, then fill it.
static PrsNode *lower_array(Lower *L, TSNode n) {
  PrsArray *a = LOWER_NEW(L, Array, n);
  uint32_t base = lower_items(L, n);
  a->elements = lower_list(L, lower_count_elements(L, base));
  bool after_sep = true;
  uint32_t out = 0;
  for (uint32_t i = base; i < L->nkids; i++) {
    // By value: lowering the element may move the kids stack.
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

// lower_arguments: the Arguments of a call or `new` (§13.3.8) as a list of
// expressions and Spread nodes, in order. A trailing comma is allowed
// (`f(a,)`), an elision is not; tree-sitter's error recovery lets the
// latter through as a stray comma, hence the scan for separators.
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
    // By value, as in lower_array.
    Kid k = L->kids[i];
    if (!is_token(&k)) list.items[out++] = lower_element(L, &k);
  }
  lower_pop(L, base);
  return list;
}

// lower_property_key: a PropertyName (§13.2.5) or ClassElementName. Names
// may be reserved words here (`{if: 1}`), so an identifier is decoded but
// not checked as a reference. A computed key returns its expression: the
// caller sets PRS_FLAG_Computed from the CST kind.
PrsNode *lower_property_key(Lower *L, TSNode n) {
  switch ((unsigned)lower_kind(n)) {
    case CST_property_identifier:
    case CST_identifier:
    // Shorthands and patterns reach here with their own CST kinds.
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
      // §15.7.1: it is a Syntax Error if the StringValue of a
      // PrivateIdentifier ClassElementName is "#constructor". (Object
      // literals reject private keys altogether, in lower_object.)
      if (prs_atom_is(p->name, "#constructor"))
        lower_error(L, n, "Classes may not have a private field named '#constructor'");
      return &p->base;
    }
    case CST_string: return lower_string(L, n);
    case CST_number: return lower_number(L, n);
    case CST_computed_property_name: {
      // Skip comments: in `[/* c */ k]` the comment is the first child.
      TSNode e = ts_node_named_child(n, 0);
      while (lower_kind(e) == CST_comment) e = ts_node_next_named_sibling(e);
      return lower_expression(L, e);
    }
    default: lower_error(L, n, "Unexpected token");
  }
}

// lower_pair: `key: value` in an object literal. *protos counts the
// non-computed `__proto__` keys (identifier or string spelling), which
// lower_object needs for the duplicate-__proto__ rule.
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

// lower_shorthand: `{a}`, PropertyDefinition : IdentifierReference. Key
// and value are two nodes spelling one name; the value is a reference, so
// §13.1.1's early errors apply to it (`{yield}` in a generator, `{await}`
// in a module, an escaped reserved word).
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

// lower_object: an ObjectLiteral (§13.2.5). §13.2.5.1 early errors
// checked here: two `__proto__: v` data properties, and a method with a
// private name (PrivateBoundIdentifiers of MethodDefinition must be empty).
static PrsNode *lower_object(Lower *L, TSNode n) {
  PrsObject *o = LOWER_NEW(L, Object, n);
  uint32_t base = lower_items(L, n);
  // The tokens are braces and commas: each named kid is one property.
  uint32_t count = lower_count_named(L, base);
  o->props = lower_list(L, count);
  uint32_t out = 0;
  int protos = 0;
  for (uint32_t i = base; i < L->nkids; i++) {
    // By value: lowering the property may move the kids stack.
    Kid k = L->kids[i];
    if (is_token(&k)) continue;
    PrsNode *p;
    switch ((unsigned)k.kind) {
      case CST_pair: p = lower_pair(L, k.node, &protos); break;
      case CST_shorthand_property_identifier: p = lower_shorthand(L, k.node); break;
      case CST_spread_element: p = lower_spread(L, k.node); break;
      case CST_method_definition: {
        // in_class = false, derived = false: no private names and no
        // super() (§13.2.5.1: HasDirectSuper must be false).
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
// PREC_LHS stands for LeftHandSideExpression and everything tighter:
// member, call, primary, and any parenthesized expression.
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

// binary_prec: the level of a binary operator (0 if it is not one).
static int binary_prec(PrsOp op) { return binary_level[op]; }

// prec: the loosest production e derives from, as a PREC_ level. Anything
// parenthesized is a PrimaryExpression whatever it holds; arrows and yield
// are AssignmentExpressions; await is a UnaryExpression (§15.8).
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
  if (prec(e) >= min) return;
  // Name the mistake the way V8 does for the common cases: `a + b = c`
  // is an assignment to `a + b`; `a + () => b` an arrow out of place.
  if (PRS_IS(e, Assign)) lower_error(L, n, "Invalid left-hand side in assignment");
  if (PRS_IS(e, Function)) lower_error(L, n, "Malformed arrow function parameter list");
  lower_error(L, n, "Unexpected token");
}

/* {==== Operators ====} */

// is_plain: e has kind k and no parentheses. The operator mixing rules
// only concern bare operands: `(a ?? b) || c` is fine.
static bool is_plain(PrsNode *e, PrsKind k) {
  return e->kind == k && !(e->flags & PRS_FLAG_Parenthesized);
}

// lower_binary: binary_expression covers every binary level from ?? to **
// (§13.6 to §13.13). tree-sitter resolves them with its own precedence
// table and accepts some operand shapes the spec's grammar cannot derive,
// so each side is re-checked with need_prec. &&, || and ?? become Logical
// nodes (they short-circuit), the rest Binary nodes.
static PrsNode *lower_binary(Lower *L, TSNode n) {
  TSNode left = lower_field(L, n, FLD_left);
  TSNode op = lower_field(L, n, FLD_operator);
  TSNode right = lower_field(L, n, FLD_right);
  PrsOp o = prs_cst_op(ts_node_symbol(op));
  PrsNode *l;
  if (lower_kind(left) == CST_private_property_identifier) {
    // `#x in obj`: the only place a private name stands alone.
    // (§13.10 RelationalExpression : PrivateIdentifier in ShiftExpression;
    // #x must be declared by an enclosing class, see lower_private_ref.)
    if (o != PRS_OP_In) lower_error(L, left, "Unexpected token '%s'", "#");
    l = lower_property_key(L, left);
    lower_private_ref(L, PRS_AS(l, PrivateName)->name, left);
  } else {
    l = lower_expression(L, left);
  }
  PrsNode *r = lower_expression(L, right);
  int p = binary_prec(o);
  // Left-associative except **, whose left side is an UpdateExpression.
  // §13.6: ExponentiationExpression : UpdateExpression ** Exponentiation-
  // Expression. A UnaryExpression on the left passes here so that the
  // dedicated message below can report it.
  if (o == PRS_OP_Exp) {
    need_prec(L, r, PREC_EXP, right);
    if (prec(l) < PREC_UNARY) need_prec(L, l, PREC_UPDATE, left);
  } else if (o == PRS_OP_Nullish) {
    // a ?? b: both sides are BitwiseOR-level or another ?? on the left.
    // (§13.13: CoalesceExpressionHead : CoalesceExpression |
    // BitwiseORExpression.)
    if (!(is_plain(l, PRS_Logical) && l->op == PRS_OP_Nullish)) need_prec(L, l, PREC_BITOR, left);
    need_prec(L, r, PREC_BITOR, right);
  } else {
    // Left side at the operator's level, right side one level tighter. A
    // bare ?? left of && or || is let through: the mixing check below
    // reports it with a clearer message.
    if (!(is_plain(l, PRS_Logical) && l->op == PRS_OP_Nullish && p <= PREC_OR))
      need_prec(L, l, p, left);
    need_prec(L, r, p + 1, right);
  }
  // §13.6: `-a ** b` and `await a ** b` have no derivation; the operand
  // (or the whole unary expression) must be parenthesized.
  if (o == PRS_OP_Exp && is_plain(l, PRS_Unary))
    lower_error(L, left, "Unary operator used immediately before exponentiation expression. Parenthesis must be used to disambiguate operator precedence");
  if (o == PRS_OP_Exp && is_plain(l, PRS_Await))
    lower_error(L, left, "Unary operator used immediately before exponentiation expression. Parenthesis must be used to disambiguate operator precedence");
  bool logical = o == PRS_OP_And || o == PRS_OP_Or || o == PRS_OP_Nullish;
  if (logical) {
    // ?? cannot mix with && or || without parentheses.
    // (§13.13: a ShortCircuitExpression is a LogicalORExpression or a
    // CoalesceExpression, never a mix of the two.)
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

// unary_op: the PrsOp of a unary operator token. + and - share their CST
// symbols with the binary operators, hence the remap; typeof, void and
// delete are keywords and map to PRS_OP_None.
static PrsOp unary_op(TSNode op) {
  PrsOp o = prs_cst_op(ts_node_symbol(op));
  if (o == PRS_OP_Sub) return PRS_OP_Neg;
  if (o == PRS_OP_Add) return PRS_OP_Plus;
  return o;
}

// lower_unary: §13.5; the operand must itself be a UnaryExpression.
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
  // §13.5.1.1: `delete x` of a bare identifier is a Syntax Error in strict
  // code, and so is `delete` of a private reference (a.#x, a?.#x), which
  // can only occur in (strict) class bodies. Both rules look through
  // parentheses, as PRS_IS does: the flag does not change the kind.
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

// lower_update: prefix or postfix ++/--. §13.4.1: it is a Syntax Error if
// AssignmentTargetType of the operand is not simple (calls are let through
// in sloppy code, as for assignment: see lower_check_simple_target).
static PrsNode *lower_update(Lower *L, TSNode n) {
  PrsUpdate *u = LOWER_NEW(L, Update, n);
  TSNode op = lower_field(L, n, FLD_operator);
  TSNode arg = lower_field(L, n, FLD_argument);
  u->base.op = (uint8_t)prs_cst_op(ts_node_symbol(op));
  // The CST has no prefix marker: the operator's position tells.
  if (ts_node_start_byte(op) < ts_node_start_byte(arg)) u->base.flags |= PRS_FLAG_Prefix;
  u->arg = lower_expression(L, arg);
  need_prec(L, u->arg, PREC_LHS, arg);
  lower_check_simple_target(L, u->arg, arg);
  return &u->base;
}

// lower_assignment: `=` (compound false), or an AssignmentOperator or a
// logical assignment (compound true), §13.15. For `=` an object or array
// literal on the left is reread as a pattern (§13.15.5, in
// lower_assign_target); the compound forms need a simple target
// (§13.15.1).
static PrsNode *lower_assignment(Lower *L, TSNode n, bool compound) {
  PrsAssign *a = LOWER_NEW(L, Assign, n);
  TSNode left = lower_field(L, n, FLD_left);
  TSNode right = lower_field(L, n, FLD_right);
  if (compound) {
    a->base.op = (uint8_t)prs_cst_op(ts_node_symbol(lower_field(L, n, FLD_operator)));
    a->target = lower_expression(L, left);
    lower_check_simple_target(L, a->target, left);
    // §13.15.1: for &&=, ||= and ??= AssignmentTargetType must be simple.
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

// lower_conditional: §13.14 ConditionalExpression : ShortCircuitExpression
// ? AssignmentExpression : AssignmentExpression. tree-sitter's ternary
// takes any expression in each slot; need_prec enforces these levels
// (e.g. the test cannot be a bare assignment, arrow or yield).
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

// lower_sequence: §13.16 Expression : Expression , AssignmentExpression,
// as one flat list of the sequence_expression's named kids.
static PrsNode *lower_sequence(Lower *L, TSNode n) {
  PrsSequence *s = LOWER_NEW(L, Sequence, n);
  uint32_t base = lower_items(L, n);
  uint32_t count = lower_count_named(L, base);
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

// Mutually recursive with the functions below.
static PrsNode *lower_chain(Lower *L, TSNode n, bool *optional);
static PrsNode *await_operand(Lower *L, TSNode call);

// The object of a member/call: continues the chain unless parenthesized.
// *optional is set when a ?. occurs anywhere below, so that
// lower_chain_top wraps the whole chain in an OptionalChain. `super` is
// returned bare: only its parent knows whether it is super.x, super[x] or
// super(), and each has its own context rule.
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

// check_super_property: SuperProperty is allowed in methods, field
// initializers, static blocks and the arrows inside them (§15.2.1 and
// §16.1.1 forbid it in plain functions and scripts); L->fn->super_property
// carries that, arrows inheriting it.
static void check_super_property(Lower *L, TSNode n) {
  if (!L->fn->super_property) lower_error(L, n, "'super' keyword unexpected here");
}

// lower_member: a.b, a?.b or a.#x. *optional is or-ed with whether this
// link is optional (see lower_chain_object).
static PrsNode *lower_member(Lower *L, TSNode n, bool *optional) {
  TSNode obj = lower_field(L, n, FLD_object);
  TSNode prop = lower_field(L, n, FLD_property);
  bool opt = !ts_node_is_null(lower_field(L, n, FLD_optional_chain));
  PrsNode *o = lower_chain_object(L, obj, optional);
  // SuperProperty takes only `.` and `[ ]` (§13.3.7): no `super?.x`.
  if (PRS_IS(o, Super)) {
    if (opt) lower_error(L, n, "'super' keyword unexpected here");
    check_super_property(L, obj);
  }
  *optional |= opt;
  PrsNode *m;
  if (lower_kind(prop) == CST_private_property_identifier) {
    // SuperProperty has no private form: `super.#x` is not derivable.
    if (PRS_IS(o, Super)) lower_error(L, prop, "Unexpected private field");
    PrsPrivateMember *pm = LOWER_NEW(L, PrivateMember, n);
    pm->object = o;
    pm->name = lower_private_name(L, prop);
    // (§15.7.1 AllPrivateIdentifiersValid.)
    lower_private_ref(L, pm->name, prop);
    m = &pm->base;
  } else {
    PrsMember *mm = LOWER_NEW(L, Member, n);
    // Any IdentifierName may follow `.`, reserved words included: the
    // name is decoded but not checked as a reference.
    bool escaped;
    mm->object = o;
    mm->name = lower_name(L, prop, &escaped);
    m = &mm->base;
  }
  if (opt) m->flags |= PRS_FLAG_Optional;
  return m;
}

// `await[a, b]` read as a subscript: the array literal [a, b] it awaits.
// Only reached for the node await_call_base found. The array starts where
// `await` ends, which is close to its `[`.
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

// lower_subscript: a[i] or a?.[i]; *optional as for lower_member.
static PrsNode *lower_subscript(Lower *L, TSNode n, bool *optional) {
  if (n.id == L->await_call) return await_array(L, n);
  PrsIndex *ix = LOWER_NEW(L, Index, n);
  TSNode obj = lower_field(L, n, FLD_object);
  TSNode index = lower_field(L, n, FLD_index);
  bool opt = !ts_node_is_null(lower_field(L, n, FLD_optional_chain));
  ix->object = lower_chain_object(L, obj, optional);
  // As for lower_member: no super?.[x], and super[x] needs the context.
  if (PRS_IS(ix->object, Super)) {
    if (opt) lower_error(L, n, "'super' keyword unexpected here");
    check_super_property(L, obj);
  }
  *optional |= opt;
  if (opt) ix->base.flags |= PRS_FLAG_Optional;
  ix->index = lower_expression(L, index);
  return &ix->base;
}

// lower_import_call: §13.3.10 ImportCall : import ( AssignmentExpression
// ,opt ) | import ( AssignmentExpression , AssignmentExpression ,opt ).
// tree-sitter parses it as an ordinary call with general arguments, so the
// count (a specifier and at most one options object) and the absence of
// spreads are checked here.
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

// lower_call: tree-sitter's call_expression covers plain calls `f(x)`,
// tagged templates f`x` (arguments is a template_string) and `import(x)`
// (function is the import keyword). *optional as for lower_member.
static PrsNode *lower_call(Lower *L, TSNode n, bool *optional) {
  // An `await(...)` that await_call_base found: really `await (...)`.
  if (n.id == L->await_call) return await_operand(L, n);
  TSNode fn = lower_field(L, n, FLD_function);
  TSNode args = lower_field(L, n, FLD_arguments);
  bool opt = !ts_node_is_null(lower_field(L, n, FLD_optional_chain));
  if (lower_kind(fn) == CST_import) {
    // import is not an expression, so `import?.()` is not derivable.
    if (opt) lower_error(L, n, "Unexpected token '?.'");
    return lower_import_call(L, n, args);
  }
  if (lower_kind(args) == CST_template_string) {
    // §13.3.1: it is a Syntax Error if an OptionalChain holds a
    // TemplateLiteral (a?.b`x`); super`x` is not derivable either.
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
  // §15.7.1: SuperCall only in derived-class constructors and their
  // arrows (L->fn->super_call); SuperCall : super Arguments has no ?..
  if (PRS_IS(c->callee, Super)) {
    if (!L->fn->super_call) lower_error(L, fn, "'super' keyword unexpected here");
    if (opt) lower_error(L, n, "'super' keyword unexpected here");
  }
  *optional |= opt;
  if (opt) c->base.flags |= PRS_FLAG_Optional;
  c->args = lower_arguments(L, args);
  return &c->base;
}

// lower_chain: one link of a member/call chain. Chains can be very long,
// so each link counts against the depth bound (lower_enter).
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
// Returns that base (the call or subscript node) or a null node. Only the
// function/object fields are followed: arguments and indices are separate
// expressions. In a static block `await` is reserved, not an operator, so
// the identifier is reported by the reference checks instead.
static TSNode await_call_base(Lower *L, TSNode n) {
  TSNode none = LOWER_NULL_NODE;
  if (!L->fn->is_async || L->fn->static_block) return none;
  for (;;) {
    PrsCst k = lower_kind(n);
    if (k == CST_call_expression) {
      TSNode fn = lower_field(L, n, FLD_function);
      // Spelled literally: an escaped `aw\u0061it` is never the operator.
      // An `await` tagged template is not an await either.
      if (lower_is_word(L, fn, "await") &&
          lower_kind(lower_field(L, n, FLD_arguments)) == CST_arguments)
        return n;
      n = fn;
    } else if (k == CST_subscript_expression) {
      // `await [x]?.[0]` arrives as the subscript `await[x]`.
      TSNode obj = lower_field(L, n, FLD_object);
      if (lower_is_word(L, obj, "await") &&
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
// (§15.8 AwaitExpression : await UnaryExpression: the list is reread as
// a parenthesized Expression, so `await()` and `await(...x)` are errors.)
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
// §13.3.9: `a?.b.c` short-circuits as a whole, so one OptionalChain node
// wraps the outermost link of a chain containing ?.; parentheses end a
// chain (lower_chain_object lowers a parenthesized object on its own).
static PrsNode *lower_chain_top(Lower *L, TSNode n) {
  TSNode awaited = await_call_base(L, n);
  // Saved and restored: chains nest (in arguments and indices), and each
  // chain has its own base.
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
  // §15.8.1: FormalParameters of an async function may not Contain an
  // AwaitExpression.
  if (L->fn->in_params) lower_error(L, n, "Illegal await-expression in formal parameters of async function");
  PrsAwait *a = LOWER_NEW(L, Await, n);
  a->arg = e;
  return &a->base;
}

// lower_new_expr: §13.3.5 `new MemberExpression Arguments` or `new
// NewExpression` (args absent).
static PrsNode *lower_new_expr(Lower *L, TSNode n) {
  PrsNew *nw = LOWER_NEW(L, New, n);
  TSNode ctor = lower_field(L, n, FLD_constructor);
  TSNode args = lower_field(L, n, FLD_arguments);
  // ImportCall is a CallExpression, not a MemberExpression.
  if (lower_kind(ctor) == CST_import) lower_error(L, ctor, "Cannot use new with import");
  nw->callee = lower_expression(L, ctor);
  need_prec(L, nw->callee, PREC_LHS, ctor);
  // An OptionalChain is not a MemberExpression either: `new a?.b()`.
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
  // tree-sitter-javascript 0.25's new_expression only takes `arguments`
  // here (new f`x` arrives with the tagged template as the constructor);
  // the template_string test is a guard.
  if (!ts_node_is_null(args)) {
    if (lower_kind(args) == CST_template_string) lower_error(L, args, "Unexpected template string");
    nw->args = lower_arguments(L, args);
  }
  return &nw->base;
}

/* {==== Meta properties, yield, await ====} */

// lower_meta: new.target and import.meta (§13.3.12). §13.3.12.1:
// import.meta is a Syntax Error unless the goal symbol is Module.
// new.target is allowed in non-arrow functions and what inherits from
// them (arrows, field initializers, static blocks); scripts may not
// contain it (§16.1.1). L->fn->new_target carries that.
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
// Returns true only for a lone `yield` token (no operand, no `*`): §13.1.1
// allows yield as an IdentifierReference only outside generators and
// strict code, but tree-sitter always produces a yield_expression.
bool lower_bare_yield_is_name(Lower *L, TSNode n) {
  return !L->fn->is_generator && !L->fn->strict && ts_node_named_child_count(n) == 0 &&
         ts_node_child_count(n) == 1;
}

// lower_yield: §15.5 YieldExpression. Outside generators `yield` is an
// identifier, so anything more than a bare one is an error there. In a
// generator's parameters it is an early error too (§15.5.1:
// FormalParameters Contains YieldExpression).
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
  // Kids: the `yield` keyword, an optional `*`, an optional operand.
  uint32_t base = lower_items(L, n);
  TSNode arg = LOWER_NULL_NODE;
  for (uint32_t i = base; i < L->nkids; i++) {
    if (L->kids[i].kind == CST_T_star) {
      y->base.flags |= PRS_FLAG_Delegate;
      // `yield` [no LineTerminator here] `*`
      // Rows differ for any line terminator between them, including one
      // inside a multi-line comment, which also counts (§12.4).
      if (ts_node_start_point(L->kids[i].node).row != ts_node_start_point(n).row)
        lower_error(L, L->kids[i].node, "Unexpected token '*'");
    }
    if (!is_token(&L->kids[i])) arg = L->kids[i].node;
  }
  // Pop before lowering the operand: `arg` is a TSNode copy, not a kid.
  lower_pop(L, base);
  if (!ts_node_is_null(arg)) y->arg = lower_expression(L, arg);
  return &y->base;
}

// lower_await: §15.8 AwaitExpression. tree-sitter reads `await x` as an
// await_expression in every context; whether await is an operator depends
// on L->fn (an async function, or a module's top level) and it never is
// one in a class static block (§15.7.1: ClassStaticBlockStatementList
// Contains await is a Syntax Error).
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
    // The parentheses become the call's argument list: a top-level comma
    // expression inside is split into separate arguments.
    e->flags &= ~(uint32_t)PRS_FLAG_Parenthesized;
    if (PRS_IS(e, Sequence)) {
      c->args = PRS_AS(e, Sequence)->exprs;
    } else {
      c->args = lower_list(L, 1);
      c->args.items[0] = e;
    }
    return &c->base;
  }
  // Not an operator here: a reserved word in modules and static blocks
  // (§13.1.1), otherwise an identifier, which cannot take an operand.
  if (!L->fn->is_async || L->fn->static_block) {
    if (L->fn->static_block || L->module) lower_error(L, n, "Unexpected reserved word");
    lower_error(L, n, "await is only valid in async functions and the top level bodies of modules");
  }
  // §15.8.1: FormalParameters of an async function may not Contain an
  // AwaitExpression.
  if (L->fn->in_params) lower_error(L, n, "Illegal await-expression in formal parameters of async function");
  PrsAwait *a = LOWER_NEW(L, Await, n);
  a->arg = lower_expression(L, arg);
  return &a->base;
}

/* {==== Identifiers ====} */

// lower_identifier: an IdentifierReference; §13.1.1's early errors apply
// (reserved and escaped words, yield/await by context, `arguments` in a
// field initializer). tree-sitter gives `undefined` its own node kind, but
// it is an ordinary identifier.
static PrsNode *lower_identifier(Lower *L, TSNode n) {
  PrsIdent *id = LOWER_NEW(L, Ident, n);
  bool escaped;
  id->name = lower_name(L, n, &escaped);
  lower_check_reference_name(L, id->name, escaped, n);
  return &id->base;
}

/* {==== Dispatch ====} */

// lower_paren: the inner expression with PRS_FLAG_Parenthesized set (no
// node of its own). The flag makes prec() treat it as a PrimaryExpression
// and stops the cover-grammar rereads (patterns, chains) at it.
static PrsNode *lower_paren(Lower *L, TSNode n) {
  TSNode e = ts_node_named_child(n, 0);
  while (!ts_node_is_null(e) && lower_kind(e) == CST_comment) e = ts_node_next_named_sibling(e);
  PrsNode *r = lower_expression(L, e);
  r->flags |= PRS_FLAG_Parenthesized;
  return r;
}

// One case per CST kind that can stand as an expression. The error cases
// are kinds tree-sitter accepts as expressions where ECMA-262 does not: a
// pattern outside an assignment, JSX, a bare super or import.
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
    // lower_error does not return: these cases do not fall through.
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

// lower_expression: any expression node. A null node (a required child
// that is absent, as in `()` or a truncated input) is reported at the end
// of the input.
PrsNode *lower_expression(Lower *L, TSNode n) {
  if (ts_node_is_null(n)) lower_error_at(L, L->len, "Unexpected end of input");
  lower_enter(L, n);
  PrsNode *e = lower_expression_kind(L, n);
  lower_leave(L);
  return e;
}
