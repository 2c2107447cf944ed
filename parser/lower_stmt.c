/*
 * parser/lower_stmt.c — statements: CST to AST, with the early errors
 * that depend on where a statement stands (return outside functions,
 * break/continue targets, labels, declarations in single-statement
 * positions, with in strict code, for-in/of heads).
 */
#include <string.h>

#include "parser/keywords.h"
#include "parser/lower.h"


// The statement or expression a wrapper like parenthesized_expression,
// else_clause or expression_statement holds: its first named child.
static TSNode inner(Lower *L, TSNode n) {
  uint32_t base = lower_items(L, n);
  TSNode r = LOWER_NULL_NODE;
  for (uint32_t i = base; i < L->nkids; i++)
    if (!is_token(&L->kids[i])) {
      r = L->kids[i].node;
      break;
    }
  lower_pop(L, base);
  if (ts_node_is_null(r)) lower_error(L, n, "Unexpected token");
  return r;
}

/* {==== Directive prologues and statement lists ====} */

// Whether a statement is a directive: an expression statement made of a
// single string literal token (not parenthesized, nothing after it).
static bool directive_text(Lower *L, TSNode stmt, TSNode *str) {
  if (lower_kind(stmt) != CST_expression_statement) return false;
  TSNode e = ts_node_named_child(stmt, 0);
  if (ts_node_is_null(e) || lower_kind(e) != CST_string) return false;
  *str = e;
  return true;
}

// Scan the prologue of a statement list before lowering it, because a
// "use strict" anywhere in it makes the whole body (and the function's
// name and parameters) strict. Returns the "use strict" node, if any.
// Only the leading statements are visited: the cursor stops at the first
// one that is not a directive.
bool lower_scan_prologue(Lower *L, TSNode list, uint32_t skip, TSNode *use) {
  bool found = false;
  TSTreeCursor *c = &L->cursor;
  ts_tree_cursor_reset(c, list);
  if (!ts_tree_cursor_goto_first_child(c)) return false;
  uint32_t index = 0;
  do {
    TSNode k = ts_tree_cursor_current_node(c);
    if (index++ < skip || !ts_node_is_named(k)) continue;
    PrsCst kind = lower_kind(k);
    if (kind == CST_comment || kind == CST_html_comment) continue;
    TSNode str;
    if (!directive_text(L, k, &str)) break;
    uint32_t len;
    const char *s = lower_text(L, str, &len);
    // Only the exact code units: "use\x20strict" is not the directive.
    if (len == 12 && memcmp(s + 1, "use strict", 10) == 0 && !found) {
      found = true;
      *use = str;
    }
  } while (ts_tree_cursor_goto_next_sibling(c));
  return found;
}

/* {==== `let` followed by a line break ====} */

static void check_initializers(Lower *L, PrsVarDecl *d, TSNode n);

// tree-sitter inserts a semicolon after a `let` that ends a line, but
// `let` + newline + `x = 1` is one declaration: ASI applies only where the
// next token cannot continue, and a binding can follow `let`. Whether
// statement s is such a lone `let` (sloppy code: in strict code `let` is
// reserved and the reference check reports it).
static bool lone_let(Lower *L, TSNode s, TSNode next) {
  if (lower_kind(s) != CST_expression_statement) return false;
  // `let` alone: no `;`, at most comments after it.
  uint32_t count = ts_node_child_count(s);
  for (uint32_t i = 1; i < count; i++)
    if (lower_kind(ts_node_child(s, i)) != CST_comment) return false;
  TSNode e = ts_node_child(s, 0);
  uint32_t len;
  const char *t = lower_text(L, e, &len);
  return lower_kind(e) == CST_identifier && len == 3 && memcmp(t, "let", 3) == 0 &&
         lower_kind(next) == CST_expression_statement &&
         ts_node_start_point(next).row > ts_node_start_point(s).row;
}

// The declaration `let` + the next statement's expression, reread as
// declarators (a, a = 1, [a] = b, and lists of those).
static PrsNode *let_declaration(Lower *L, TSNode let, TSNode next) {
  PrsVarDecl *d = LOWER_NEW(L, VarDecl, let);
  d->base.op = PRS_OP_Let;
  d->base.end = ts_node_end_byte(next);
  PrsNode *e = lower_expression(L, inner(L, next));
  PrsList items = {&e, 1};
  if (PRS_IS(e, Sequence) && !(e->flags & PRS_FLAG_Parenthesized)) items = PRS_AS(e, Sequence)->exprs;
  d->decls = lower_list(L, items.len);
  for (uint32_t i = 0; i < items.len; i++) {
    PrsNode *item = items.items[i];
    PrsDeclarator *decl = (PrsDeclarator *)lower_new(L, PRS_Declarator, next);
    decl->base.start = item->start;
    if (PRS_IS(item, Assign) && item->op == PRS_OP_Assign && !(item->flags & PRS_FLAG_Parenthesized)) {
      decl->target = lower_expression_to_binding(L, PRS_AS(item, Assign)->target, next);
      decl->init = PRS_AS(item, Assign)->value;
    } else {
      decl->target = lower_expression_to_binding(L, item, next);
    }
    if (PRS_IS(decl->target, Ident) && PRS_AS(decl->target, Ident)->name->tag == KW_LET)
      lower_error_at(L, item->start, "let is disallowed as a lexically bound name");
    d->decls.items[i] = &decl->base;
  }
  check_initializers(L, d, next);
  return &d->base;
}

// The statements among the gathered kids [from, to) that `want` accepts
// (named kids, or those of one field), with the `let`-newline repair and
// directive flags. Shared by statement lists and case clauses.
static PrsList lower_statements(Lower *L, uint32_t from, uint32_t to, int field, bool directives) {
#define WANTED(i) (field ? L->kids[i].field == field : !is_token(&L->kids[i]))
  uint32_t count = 0;
  for (uint32_t i = from; i < to; i++) count += WANTED(i);
  PrsList list = lower_list(L, count);
  uint32_t out = 0;
  bool prologue = directives;
  for (uint32_t i = from; i < to; i++) {
    if (!WANTED(i)) continue;
    TSNode s = L->kids[i].node;
    TSNode str;
    uint32_t next = i + 1;
    while (next < to && !WANTED(next)) next++;
    if (next < to && !L->fn->strict && lone_let(L, s, L->kids[next].node)) {
      list.items[out++] = let_declaration(L, s, L->kids[next].node);
      list.len--;  // two CST statements made one declaration
      i = next;
      prologue = false;
      continue;
    }
    PrsNode *stmt = lower_statement(L, s);
    if (prologue && directive_text(L, s, &str)) {
      stmt->flags |= PRS_FLAG_Directive;
    } else {
      prologue = false;
    }
    list.items[out++] = stmt;
  }
#undef WANTED
  return list;
}

PrsList lower_body(Lower *L, TSNode n, uint32_t skip, bool directives) {
  uint32_t base = lower_items(L, n);
  PrsList list = lower_statements(L, base + skip, L->nkids, FLD_NONE, directives);
  lower_pop(L, base);
  return list;
}

/* {==== Single-statement positions ====} */

// Whether a (possibly multiply) labelled statement labels a function.
static bool labels_a_function(Lower *L, TSNode n) {
  while (lower_kind(n) == CST_labeled_statement) n = lower_field(L, n, FLD_body);
  PrsCst k = lower_kind(n);
  return k == CST_function_declaration || k == CST_generator_function_declaration;
}

// The body of if/while/for/with/labels: no lexical declarations, and
// function declarations only where Annex B allows them.
static PrsNode *lower_substatement(Lower *L, TSNode n, bool if_body) {
  PrsCst k = lower_kind(n);
  if (k == CST_labeled_statement && labels_a_function(L, n))
    lower_error(L, n, "In strict mode code, functions can only be declared at top level or inside a block.");
  if (k == CST_lexical_declaration || k == CST_class_declaration ||
      k == CST_using_declaration)
    lower_error(L, n, "Lexical declaration cannot appear in a single-statement context");
  if (k == CST_generator_function_declaration)
    lower_error(L, n, "Generators can only be declared at the top level or inside a block");
  if (k == CST_function_declaration) {
    if (L->fn->strict)
      lower_error(L, n, "In strict mode code, functions can only be declared at top level or inside a block.");
    if (!if_body)
      lower_error(L, n, "In non-strict mode code, functions can only be declared at top level, inside a block, or as the body of an if statement.");
    TSNode first = ts_node_child(n, 0);
    if (lower_kind(first) == CST_T_async)
      lower_error(L, n, "Async functions can only be declared at the top level or inside a block.");
    // Annex B.3.3: it behaves as if it were the only statement of a block.
    PrsBlock *b = LOWER_NEW(L, Block, n);
    b->body = lower_list(L, 1);
    b->body.items[0] = lower_statement(L, n);
    return &b->base;
  }
  return lower_statement(L, n);
}

/* {==== Declarations ====} */

// From the children gathered at base (the first is the keyword).
static PrsOp declaration_op(Lower *L, uint32_t base, PrsCst k) {
  if (k == CST_variable_declaration) return PRS_OP_Var;
  PrsCst first = base < L->nkids ? (PrsCst)L->kids[base].kind : CST_NONE;
  if (k == CST_using_declaration) return first == CST_T_await ? PRS_OP_AwaitUsing : PRS_OP_Using;
  return first == CST_T_const ? PRS_OP_Const : PRS_OP_Let;
}

// Where `using` and `await using` may stand (explicit resource management).
static void check_using(Lower *L, TSNode n, int op) {
  if (L->script_top) lower_error(L, n, "Using declaration is not allowed at the top level of a script");
  if (L->case_clause) lower_error(L, n, "Using declaration is not allowed directly in a case clause");
  if (op == PRS_OP_AwaitUsing && (!L->fn->is_async || L->fn->static_block))
    lower_error(L, n, "'await using' is only valid in async functions and modules");
}

PrsNode *lower_declaration(Lower *L, TSNode n) {
  PrsCst k = lower_kind(n);
  PrsVarDecl *d = LOWER_NEW(L, VarDecl, n);
  uint32_t base = lower_items(L, n);
  d->base.op = (uint8_t)declaration_op(L, base, k);
  if (d->base.op == PRS_OP_Using || d->base.op == PRS_OP_AwaitUsing) check_using(L, n, d->base.op);
  uint32_t count = 0;
  for (uint32_t i = base; i < L->nkids; i++)
    count += L->kids[i].kind == CST_variable_declarator;
  d->decls = lower_list(L, count);
  uint32_t out = 0;
  for (uint32_t i = base; i < L->nkids; i++) {
    if (L->kids[i].kind != CST_variable_declarator) continue;
    TSNode dn = L->kids[i].node;
    PrsDeclarator *decl = LOWER_NEW(L, Declarator, dn);
    TSNode name = lower_field(L, dn, FLD_name);
    TSNode value = lower_field(L, dn, FLD_value);
    decl->target = lower_binding(L, name);
    if (d->base.op >= PRS_OP_Using && !PRS_IS(decl->target, Ident))
      lower_error(L, name, "Using declarations may not have binding patterns");
    if (d->base.op != PRS_OP_Var && PRS_IS(decl->target, Ident) &&
        PRS_AS(decl->target, Ident)->name->tag == KW_LET)
      lower_error(L, name, "let is disallowed as a lexically bound name");
    if (!ts_node_is_null(value)) decl->init = lower_expression(L, value);
    d->decls.items[out++] = &decl->base;
  }
  lower_pop(L, base);
  return &d->base;
}

// Declarations without an initializer where one is required. Done by the
// caller because for-in/of heads legitimately have none.
static void check_initializers(Lower *L, PrsVarDecl *d, TSNode n) {
  for (uint32_t i = 0; i < d->decls.len; i++) {
    PrsDeclarator *decl = PRS_AS(d->decls.items[i], Declarator);
    if (decl->init) continue;
    if (d->base.op == PRS_OP_Const || d->base.op >= PRS_OP_Using)
      lower_error_at(L, decl->base.start, "Missing initializer in %s declaration",
                     prs_op_text[d->base.op]);
    if (!PRS_IS(decl->target, Ident))
      lower_error_at(L, decl->base.start, "Missing initializer in destructuring declaration");
  }
}

/* {==== Loops ====} */

// Run a loop body with the loop's break/continue context.
static PrsNode *lower_loop_body(Lower *L, TSNode body) {
  L->fn->loop_depth++;
  L->fn->breakable++;
  PrsNode *b = lower_substatement(L, body, false);
  L->fn->loop_depth--;
  L->fn->breakable--;
  return b;
}

// A for(;;) initializer is parsed with [~In]: an `in` operator there
// needs parentheses (else the loop would read as for-in). The check
// follows the operand positions that pass [~In] down.
static void check_no_in(Lower *L, PrsNode *e) {
  if (!e || (e->flags & PRS_FLAG_Parenthesized)) return;
  if (PRS_IS(e, Binary) || PRS_IS(e, Logical)) {
    // Binary and Logical share the {left, right} layout.
    if (e->op == PRS_OP_In) lower_error_at(L, e->start, "Unexpected token 'in'");
    check_no_in(L, PRS_AS(e, Binary)->left);
    check_no_in(L, PRS_AS(e, Binary)->right);
  } else if (PRS_IS(e, Conditional)) {
    check_no_in(L, PRS_AS(e, Conditional)->test);
    check_no_in(L, PRS_AS(e, Conditional)->otherwise);
  } else if (PRS_IS(e, Assign)) {
    check_no_in(L, PRS_AS(e, Assign)->value);
  } else if (PRS_IS(e, Sequence)) {
    for (uint32_t i = 0; i < PRS_AS(e, Sequence)->exprs.len; i++)
      check_no_in(L, PRS_AS(e, Sequence)->exprs.items[i]);
  } else if (PRS_IS(e, Unary) || PRS_IS(e, Await) || PRS_IS(e, Yield)) {
    // Unary, Await and Yield share the {arg} layout.
    check_no_in(L, PRS_AS(e, Unary)->arg);
  } else if (PRS_IS(e, Function) && (e->flags & PRS_FLAG_ExprBody)) {
    check_no_in(L, PRS_AS(e, Function)->body.items[0]);
  } else if (PRS_IS(e, VarDecl)) {
    for (uint32_t i = 0; i < PRS_AS(e, VarDecl)->decls.len; i++)
      check_no_in(L, PRS_AS(PRS_AS(e, VarDecl)->decls.items[i], Declarator)->init);
  }
}

static PrsNode *lower_for(Lower *L, TSNode n) {
  PrsFor *f = LOWER_NEW(L, For, n);
  uint32_t base = lower_kids(L, n);
  TSNode body = LOWER_NULL_NODE;
  for (uint32_t i = base; i < L->nkids; i++) {
    Kid k = L->kids[i];
    if (k.field == FLD_body) body = k.node;
    if (k.kind == CST_empty_statement || is_token(&k)) continue;
    if (k.field == FLD_initializer) {
      if (k.kind == CST_variable_declaration || k.kind == CST_lexical_declaration ||
          k.kind == CST_using_declaration) {
        f->init = lower_declaration(L, k.node);
        check_initializers(L, PRS_AS(f->init, VarDecl), k.node);
        check_no_in(L, f->init);
      } else {
        // An expression, bare or wrapped in an expression_statement.
        TSNode e = k.kind == CST_expression_statement ? inner(L, k.node) : k.node;
        f->init = lower_expression(L, e);
        check_no_in(L, f->init);
      }
    } else if (k.field == FLD_condition) {
      TSNode c = k.kind == CST_expression_statement ? inner(L, k.node) : k.node;
      f->test = lower_expression(L, c);
    } else if (k.field == FLD_increment) {
      f->update = lower_expression(L, k.node);
    }
  }
  lower_pop(L, base);
  f->body = lower_loop_body(L, body);
  return &f->base;
}

// The head of for-in/of: `kind left` is a declaration, `left` alone an
// assignment target. tree-sitter gives kind, left, operator, right, body.
// tree-sitter reads `for await (let [x] of y)` as the subscript `let[x]`;
// a for-in/of head never starts with `let [` as an expression, so it is
// a declaration whose pattern is the subscript.
static PrsNode *let_subscript_head(Lower *L, TSNode left) {
  TSNode obj = lower_field(L, left, FLD_object);
  TSNode index = lower_field(L, left, FLD_index);
  PrsVarDecl *d = LOWER_NEW(L, VarDecl, left);
  d->base.op = PRS_OP_Let;
  d->decls = lower_list(L, 1);
  PrsDeclarator *decl = LOWER_NEW(L, Declarator, left);
  PrsArrayPattern *p = LOWER_NEW(L, ArrayPattern, left);
  p->base.start = ts_node_end_byte(obj);
  PrsNode *e = lower_expression(L, index);
  if (PRS_IS(e, Sequence) && !(e->flags & PRS_FLAG_Parenthesized)) {
    p->elements = PRS_AS(e, Sequence)->exprs;
  } else {
    p->elements = lower_list(L, 1);
    p->elements.items[0] = e;
  }
  decl->target = lower_expression_to_binding(L, &p->base, index);
  d->decls.items[0] = &decl->base;
  return &d->base;
}

static bool is_let_subscript(Lower *L, TSNode left) {
  if (lower_kind(left) != CST_subscript_expression) return false;
  TSNode obj = lower_field(L, left, FLD_object);
  uint32_t len;
  const char *s = lower_text(L, obj, &len);
  return lower_kind(obj) == CST_identifier && len == 3 && memcmp(s, "let", 3) == 0;
}

static PrsNode *lower_for_head(Lower *L, TSNode kind, TSNode left,
                               TSNode value, bool of, bool is_await, bool using_await) {
  if (ts_node_is_null(kind) && is_let_subscript(L, left)) return let_subscript_head(L, left);
  if (ts_node_is_null(kind)) {
    if (!ts_node_is_null(value)) lower_error(L, value, "Invalid left-hand side in for-in loop");
    // `for (async of x)` is ambiguous with an async arrow: forbidden.
    uint32_t len;
    const char *s = lower_text(L, left, &len);
    // (`for await (async of x)` is fine: no arrow can start there.)
    if (of && !is_await && lower_kind(left) == CST_identifier && len == 5 &&
        memcmp(s, "async", 5) == 0)
      lower_error(L, left, "The left-hand side of a for-of loop may not be 'async'.");
    // for-of: lookahead ≠ let, so not `let.x` or `let[0]` either.
    TSNode first = left;
    while (ts_node_child_count(first) > 0) first = ts_node_child(first, 0);
    const char *fs = lower_text(L, first, &len);
    if (of && lower_kind(first) == CST_identifier && len == 3 && memcmp(fs, "let", 3) == 0)
      lower_error(L, left, "The left-hand side of a for-of loop may not be 'let'.");
    return lower_assign_target(L, left);
  }
  PrsVarDecl *d = LOWER_NEW(L, VarDecl, kind);
  PrsCst kk = lower_kind(kind);
  d->base.op = kk == CST_T_var ? PRS_OP_Var : kk == CST_T_let ? PRS_OP_Let
             : kk == CST_T_const ? PRS_OP_Const : using_await ? PRS_OP_AwaitUsing : PRS_OP_Using;
  if (d->base.op >= PRS_OP_Using) {
    if (!of) lower_error(L, kind, "Using declarations are not allowed in for-in loops");
    if (d->base.op == PRS_OP_AwaitUsing && (!L->fn->is_async || L->fn->static_block))
      lower_error(L, kind, "'await using' is only valid in async functions and modules");
  }
  d->decls = lower_list(L, 1);
  PrsDeclarator *decl = LOWER_NEW(L, Declarator, left);
  decl->target = lower_binding(L, left);
  if (d->base.op >= PRS_OP_Using && !PRS_IS(decl->target, Ident))
    lower_error(L, left, "Using declarations may not have binding patterns");
  if (d->base.op != PRS_OP_Var && PRS_IS(decl->target, Ident) &&
      PRS_AS(decl->target, Ident)->name->tag == KW_LET)
    lower_error(L, left, "let is disallowed as a lexically bound name");
  if (!ts_node_is_null(value)) {
    // Annex B.3.5: `for (var x = init in obj)` in sloppy code only.
    if (of || L->fn->strict || d->base.op != PRS_OP_Var || !PRS_IS(decl->target, Ident))
      lower_error(L, value, "for-%s loop variable declaration may not have an initializer.",
                  of ? "of" : "in");
    decl->init = lower_expression(L, value);
  }
  d->decls.items[0] = &decl->base;
  return &d->base;
}

static PrsNode *lower_for_in(Lower *L, TSNode n) {
  TSNode kind = LOWER_NULL_NODE, left = kind, right = kind, body = kind,
         value = kind;
  bool of = false, is_await = false, using_await = false;
  uint32_t base = lower_kids(L, n);
  for (uint32_t i = base; i < L->nkids; i++) {
    Kid k = L->kids[i];
    switch ((unsigned)k.field) {
      case FLD_kind:
        // `for (await using x of y)` has two kind tokens.
        if (k.kind == CST_T_await) using_await = true;
        else kind = k.node;
        break;
      case FLD_left: left = k.node; break;
      case FLD_right: right = k.node; break;
      case FLD_body: body = k.node; break;
      case FLD_value: value = k.node; break;
      case FLD_operator: of = k.kind == CST_T_of; break;
      default: if (k.kind == CST_T_await) is_await = true; break;
    }
  }
  lower_pop(L, base);
  if (is_await && (!of || !L->fn->is_async || L->fn->static_block))
    lower_error(L, n, "Unexpected reserved word");
  PrsNode *head = lower_for_head(L, kind, left, value, of, is_await, using_await);
  PrsNode *rhs = lower_expression(L, right);
  if (of && PRS_IS(rhs, Sequence) && !(rhs->flags & PRS_FLAG_Parenthesized))
    lower_error(L, right, "Unexpected token ','");
  PrsNode *b = lower_loop_body(L, body);
  if (of) {
    PrsForOf *f = LOWER_NEW(L, ForOf, n);
    f->left = head, f->right = rhs, f->body = b;
    if (is_await) f->base.flags |= PRS_FLAG_Await;
    return &f->base;
  }
  PrsForIn *f = LOWER_NEW(L, ForIn, n);
  f->left = head, f->right = rhs, f->body = b;
  return &f->base;
}

static PrsNode *lower_while(Lower *L, TSNode n, bool is_do) {
  TSNode cond = lower_field(L, n, FLD_condition);
  TSNode body = lower_field(L, n, FLD_body);
  if (is_do) {
    PrsDoWhile *d = LOWER_NEW(L, DoWhile, n);
    d->body = lower_loop_body(L, body);
    d->test = lower_expression(L, inner(L, cond));
    return &d->base;
  }
  PrsWhile *w = LOWER_NEW(L, While, n);
  w->test = lower_expression(L, inner(L, cond));
  w->body = lower_loop_body(L, body);
  return &w->base;
}

/* {==== Jumps and labels ====} */

static Label *find_label(Lower *L, PrsAtom *name) {
  for (Label *l = L->fn->labels; l; l = l->outer)
    if (l->name == name) return l;
  return NULL;
}

static PrsNode *lower_jump(Lower *L, TSNode n, bool is_break) {
  TSNode label = lower_field(L, n, FLD_label);
  PrsAtom *name = NULL;
  if (!ts_node_is_null(label)) {
    bool escaped;
    name = lower_name(L, label, &escaped);
    Label *target = find_label(L, name);
    if (!target) lower_error(L, label, "Undefined label '%s'", name->text);
    if (!is_break && !target->loop)
      lower_error(L, label, "Illegal continue statement: '%s' does not denote an iteration statement", name->text);
  } else if (is_break ? !L->fn->breakable : !L->fn->loop_depth) {
    lower_error(L, n, is_break ? "Illegal break statement"
                               : "Illegal continue statement: no surrounding iteration statement");
  }
  if (is_break) {
    PrsBreak *b = LOWER_NEW(L, Break, n);
    b->label = name;
    return &b->base;
  }
  PrsContinue *c = LOWER_NEW(L, Continue, n);
  c->label = name;
  return &c->base;
}

// Whether a labelled statement's body is (through more labels) a loop.
static bool labels_a_loop(TSNode body) {
  for (;;) {
    PrsCst k = lower_kind(body);
    if (k == CST_labeled_statement) {
      body = ts_node_child_by_field_id(body, ts_language_field_id_for_name(
                                                 tree_sitter_javascript(), "body", 4));
      continue;
    }
    return k == CST_for_statement || k == CST_for_in_statement ||
           k == CST_while_statement || k == CST_do_statement;
  }
}

static PrsNode *lower_labeled(Lower *L, TSNode n) {
  TSNode label = lower_field(L, n, FLD_label);
  TSNode body = lower_field(L, n, FLD_body);
  bool escaped;
  PrsAtom *name = lower_name(L, label, &escaped);
  lower_check_reference_name(L, name, escaped, label);
  if (find_label(L, name)) lower_error(L, label, "Label '%s' has already been declared", name->text);
  Label l = {name, labels_a_loop(body), L->fn->labels};
  L->fn->labels = &l;
  PrsLabeled *s = LOWER_NEW(L, Labeled, n);
  s->label = name;
  // Annex B.3.2: `l: function f(){}` in sloppy code (never generators,
  // never async, and not as the body of a loop).
  PrsCst bk = lower_kind(body);
  if ((bk == CST_function_declaration && !L->fn->strict &&
       lower_kind(ts_node_child(body, 0)) != CST_T_async) ||
      bk == CST_labeled_statement) {
    // (A nested label is checked by its own lower_labeled.)
    s->body = lower_statement(L, body);
  } else {
    s->body = lower_substatement(L, body, false);
  }
  L->fn->labels = l.outer;
  return &s->base;
}

/* {==== Other statements ====} */

static PrsNode *lower_if(Lower *L, TSNode n) {
  PrsIf *s = LOWER_NEW(L, If, n);
  // Every field first: lower_field remembers one node at a time.
  TSNode cond = lower_field(L, n, FLD_condition);
  TSNode then = lower_field(L, n, FLD_consequence);
  TSNode alt = lower_field(L, n, FLD_alternative);
  s->test = lower_expression(L, inner(L, cond));
  s->then = lower_substatement(L, then, true);
  if (!ts_node_is_null(alt)) s->otherwise = lower_substatement(L, inner(L, alt), true);
  return &s->base;
}

static PrsNode *lower_block(Lower *L, TSNode n) {
  PrsBlock *b = LOWER_NEW(L, Block, n);
  b->body = lower_body(L, n, 0, false);
  return &b->base;
}

static PrsNode *lower_try(Lower *L, TSNode n) {
  PrsTry *t = LOWER_NEW(L, Try, n);
  TSNode block = lower_field(L, n, FLD_body);
  TSNode handler = lower_field(L, n, FLD_handler);
  TSNode finalizer = lower_field(L, n, FLD_finalizer);
  t->block = lower_block(L, block);
  if (!ts_node_is_null(handler)) {
    TSNode param = lower_field(L, handler, FLD_parameter);
    TSNode body = lower_field(L, handler, FLD_body);
    if (!ts_node_is_null(param)) t->param = lower_binding(L, param);
    t->handler = lower_block(L, body);
  }
  if (!ts_node_is_null(finalizer))
    t->finalizer = lower_block(L, lower_field(L, finalizer, FLD_body));
  return &t->base;
}

static PrsNode *lower_case(Lower *L, TSNode n) {
  PrsCase *c = LOWER_NEW(L, Case, n);
  uint32_t base = lower_kids(L, n);
  for (uint32_t i = base; i < L->nkids; i++)
    if (L->kids[i].field == FLD_value) c->test = lower_expression(L, L->kids[i].node);
  // lower_statement clears case_clause for nested statements; it is set
  // for the statements of the clause itself (using declarations check it).
  bool saved = L->case_clause;
  L->case_clause = true;
  c->body = lower_statements(L, base, L->nkids, FLD_body, false);
  L->case_clause = saved;
  lower_pop(L, base);
  return &c->base;
}

static PrsNode *lower_switch(Lower *L, TSNode n) {
  PrsSwitch *s = LOWER_NEW(L, Switch, n);
  TSNode value = lower_field(L, n, FLD_value);
  TSNode body = lower_field(L, n, FLD_body);
  s->discriminant = lower_expression(L, inner(L, value));
  uint32_t base = lower_items(L, body);
  uint32_t count = 0;
  bool seen_default = false;
  for (uint32_t i = base; i < L->nkids; i++) {
    if (L->kids[i].kind == CST_switch_default) {
      if (seen_default)
        lower_error(L, L->kids[i].node, "More than one default clause in switch statement");
      seen_default = true;
    }
    count += !is_token(&L->kids[i]);
  }
  s->cases = lower_list(L, count);
  L->fn->breakable++;
  uint32_t out = 0;
  for (uint32_t i = base; i < L->nkids; i++) {
    if (is_token(&L->kids[i])) continue;
    Kid k = L->kids[i];
    s->cases.items[out++] = lower_case(L, k.node);
  }
  L->fn->breakable--;
  lower_pop(L, base);
  return &s->base;
}

static PrsNode *lower_with(Lower *L, TSNode n) {
  if (L->fn->strict)
    lower_error(L, n, "Strict mode code may not include a with statement");
  PrsWith *w = LOWER_NEW(L, With, n);
  TSNode object = lower_field(L, n, FLD_object);
  TSNode body = lower_field(L, n, FLD_body);
  w->object = lower_expression(L, inner(L, object));
  w->body = lower_substatement(L, body, false);
  return &w->base;
}

// return, throw: an optional expression child.
static PrsNode *lower_return(Lower *L, TSNode n, bool is_throw) {
  TSNode e = ts_node_named_child(n, 0);
  // A comment can be the first named child of `return /* x */;`.
  while (!ts_node_is_null(e) && (lower_kind(e) == CST_comment || lower_kind(e) == CST_html_comment))
    e = ts_node_next_named_sibling(e);
  PrsNode *arg = ts_node_is_null(e) ? NULL : lower_expression(L, e);
  if (is_throw) {
    PrsThrow *t = LOWER_NEW(L, Throw, n);
    t->arg = arg;
    return &t->base;
  }
  if (!L->fn->is_function) lower_error(L, n, "Illegal return statement");
  PrsReturn *r = LOWER_NEW(L, Return, n);
  r->arg = arg;
  return &r->base;
}

// The first token of n.
static TSNode first_token(TSNode n) {
  while (ts_node_child_count(n) > 0) n = ts_node_child(n, 0);
  return n;
}

// ExpressionStatement's lookahead restriction: not `{`, `function`,
// `class`, `let [` or `async function` (tree-sitter does not enforce it).
static void check_statement_start(Lower *L, TSNode n) {
  TSNode t = first_token(n);
  PrsCst k = lower_kind(t);
  if (k == CST_T_lbrace || k == CST_T_function || k == CST_T_class)
    lower_error(L, t, "Unexpected token '%s'", prs_cst_name(k));
  if (k == CST_T_async || k == CST_identifier) {
    uint32_t len;
    const char *s = lower_text(L, t, &len);
    if (len != 5 || memcmp(s, "async", 5) != 0) return;
    // Only now the (costly: it walks from the root) sibling lookup.
    TSNode next = ts_node_next_sibling(t);
    if (ts_node_is_null(next)) next = ts_node_next_sibling(ts_node_parent(t));
    if (lower_kind(next) == CST_T_function &&
        ts_node_start_point(next).row == ts_node_start_point(t).row)
      lower_error(L, t, "Unexpected token 'async'");
  }
}

// A statement that starts with `{` is a block, but tree-sitter reads
// `{a: 1}` (a block holding a labelled statement) as an object literal.
// Reread it: `{}` is empty, `{a: X, b, c}` labels the statement X (or the
// expression X, b, c), `{a, b}` is the expression a, b. Anything else is
// not a block and is an error.
static PrsNode *object_as_block(Lower *L, TSNode obj);

// The value of a `label: value` pair, as the labelled statement.
static PrsNode *pair_value_statement(Lower *L, TSNode v) {
  PrsCst k = lower_kind(v);
  if (k == CST_object) return object_as_block(L, v);
  if (k == CST_class || k == CST_generator_function)
    lower_error(L, v, "Unexpected token");
  if (k == CST_function_expression) {
    // Annex B.3.2's labelled function declaration: sloppy, plain, named.
    if (L->fn->strict || lower_kind(ts_node_child(v, 0)) == CST_T_async ||
        ts_node_is_null(lower_field(L, v, FLD_name)))
      lower_error(L, v, "In strict mode code, functions can only be declared at top level or inside a block.");
    PrsNode *f = lower_function(L, v);
    f->flags |= PRS_FLAG_Declaration;
    return f;
  }
  PrsExprStmt *s = LOWER_NEW(L, ExprStmt, v);
  s->expr = lower_expression(L, v);
  return &s->base;
}

// Shorthand entries after the first, as the rest of a comma expression.
static PrsNode *with_shorthands(Lower *L, PrsNode *first, uint32_t from, uint32_t to, TSNode at) {
  if (from >= to) return first;
  PrsSequence *seq = LOWER_NEW(L, Sequence, at);
  seq->base.start = first->start;
  seq->exprs = lower_list(L, to - from + 1);
  seq->exprs.items[0] = first;
  for (uint32_t i = from; i < to; i++) {
    Kid k = L->kids[i];
    if (k.kind != CST_shorthand_property_identifier) lower_error(L, k.node, "Unexpected token");
    seq->exprs.items[i - from + 1] = lower_expression(L, k.node);
  }
  return &seq->base;
}

static PrsNode *object_as_block(Lower *L, TSNode obj) {
  PrsBlock *b = LOWER_NEW(L, Block, obj);
  uint32_t base = lower_items(L, obj);
  uint32_t first = base, end = L->nkids, count = 0;
  for (uint32_t i = base; i < end; i++) {
    if (!is_token(&L->kids[i])) count++;
    if (!count) first = i + 1;
  }
  // Keep only the named kids, in order, at [first, first + count).
  uint32_t w = first;
  for (uint32_t i = first; i < end; i++)
    if (!is_token(&L->kids[i])) L->kids[w++] = L->kids[i];
  if (count == 0) {
    lower_pop(L, base);
    return &b->base;
  }
  Kid head = L->kids[first];
  b->body = lower_list(L, 1);
  if (head.kind == CST_pair) {
    TSNode key = lower_field(L, head.node, FLD_key);
    TSNode value = lower_field(L, head.node, FLD_value);
    if (lower_kind(key) != CST_property_identifier) lower_error(L, key, "Unexpected token");
    PrsLabeled *l = LOWER_NEW(L, Labeled, head.node);
    bool escaped;
    l->label = lower_name(L, key, &escaped);
    if (count == 1) {
      l->body = pair_value_statement(L, value);
    } else {
      PrsExprStmt *s = LOWER_NEW(L, ExprStmt, value);
      s->expr = with_shorthands(L, lower_expression(L, value), first + 1, first + count, value);
      l->body = &s->base;
    }
    b->body.items[0] = &l->base;
  } else if (head.kind == CST_shorthand_property_identifier) {
    PrsExprStmt *s = LOWER_NEW(L, ExprStmt, head.node);
    s->expr = with_shorthands(L, lower_expression(L, head.node), first + 1, first + count, head.node);
    b->body.items[0] = &s->base;
  } else {
    lower_error(L, head.node, "Unexpected token");
  }
  lower_pop(L, base);
  return &b->base;
}

static PrsNode *lower_expression_statement(Lower *L, TSNode n) {
  TSNode e = inner(L, n);
  if (lower_kind(e) == CST_object) return object_as_block(L, e);
  check_statement_start(L, n);
  PrsExprStmt *s = LOWER_NEW(L, ExprStmt, n);
  s->expr = lower_expression(L, e);
  return &s->base;
}

/* {==== Dispatch ====} */

PrsNode *lower_statement(Lower *L, TSNode n) {
  lower_enter(L, n);
  PrsNode *r;
  // import/export are items of the module body only, so the flag is on
  // while lowering exactly those statements, and off for anything nested.
  bool module_item = L->module_item, script_top = L->script_top, case_clause = L->case_clause;
  // These describe the statement list a statement stands in directly, so
  // they hold for this statement and not for anything nested in it.
  L->module_item = L->script_top = L->case_clause = false;
  if (lower_kind(n) == CST_using_declaration) L->script_top = script_top, L->case_clause = case_clause;
  if (module_item) {
    PrsCst k = lower_kind(n);
    if (k == CST_import_statement || k == CST_export_statement) L->module_item = true;
  }
  // A switch over the grammar's kinds, of which only statements are
  // handled: cast to unsigned so that the default case is honest.
  switch ((unsigned)lower_kind(n)) {
    case CST_expression_statement: r = lower_expression_statement(L, n); break;
    case CST_variable_declaration:
    case CST_lexical_declaration:
    case CST_using_declaration:
      r = lower_declaration(L, n);
      check_initializers(L, PRS_AS(r, VarDecl), n);
      break;
    case CST_function_declaration:
    case CST_generator_function_declaration: r = lower_function(L, n); break;
    case CST_class_declaration: r = lower_class(L, n); break;
    case CST_statement_block: r = lower_block(L, n); break;
    case CST_if_statement: r = lower_if(L, n); break;
    case CST_for_statement: r = lower_for(L, n); break;
    case CST_for_in_statement: r = lower_for_in(L, n); break;
    case CST_while_statement: r = lower_while(L, n, false); break;
    case CST_do_statement: r = lower_while(L, n, true); break;
    case CST_break_statement: r = lower_jump(L, n, true); break;
    case CST_continue_statement: r = lower_jump(L, n, false); break;
    case CST_return_statement: r = lower_return(L, n, false); break;
    case CST_throw_statement: r = lower_return(L, n, true); break;
    case CST_try_statement: r = lower_try(L, n); break;
    case CST_switch_statement: r = lower_switch(L, n); break;
    case CST_labeled_statement: r = lower_labeled(L, n); break;
    case CST_with_statement: r = lower_with(L, n); break;
    case CST_debugger_statement: r = lower_new(L, PRS_Debugger, n); break;
    case CST_empty_statement: r = lower_new(L, PRS_Empty, n); break;
    case CST_import_statement: r = lower_import(L, n); break;
    case CST_export_statement: r = lower_export(L, n); break;
    default: lower_error(L, n, "Unexpected token");
  }
  L->module_item = module_item;
  L->script_top = script_top;
  L->case_clause = case_clause;
  lower_leave(L);
  return r;
}
