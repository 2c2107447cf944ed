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
// Returns the first named child; an absent one means tree-sitter built a
// wrapper around nothing (error recovery), reported as a SyntaxError.
// Uses lower_items: fields are not needed, and it leaves the field cache
// of the caller's node alone.
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
// *str receives the string node. The rest of the Directive definition
// (§11.2.1: the whole ExpressionStatement is one StringLiteral) follows
// from tree-sitter's shape: `"a" + b` or `("a")` has another first child.
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
// skip: children to pass over first (the program's hashbang line).
// The cursor is L->cursor, shared with gather: nothing may be gathered
// between the reset and the end of the loop. Anonymous children (braces)
// and comments are not statements and do not end the prologue.
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
    // §11.2.1: a Use Strict Directive is "use strict" or 'use strict' with no
    // escape or line continuation, so the raw text is compared, quotes aside.
    // The first one found is kept as the error position for finish_function.
    if (len == 12 && memcmp(s + 1, "use strict", 10) == 0 && !found) {
      found = true;
      *use = str;
    }
  } while (ts_tree_cursor_goto_next_sibling(c));
  return found;
}

/* {==== `let` followed by a line break ====} */

// Defined with the declarations below; let_declaration needs it.
static void check_initializers(Lower *L, PrsVarDecl *d, TSNode n);

// tree-sitter inserts a semicolon after a `let` that ends a line, but
// `let` + newline + `x = 1` is one declaration: ASI applies only where the
// next token cannot continue, and a binding can follow `let`. Whether
// statement s is such a lone `let` (sloppy code: in strict code `let` is
// reserved and the reference check reports it).
// s is the `let` statement and next the statement after it in the same
// list; a lexical declaration is only ever a StatementListItem (§14.2), so
// callers only ask in statement lists, never in single-statement positions
// where `let` followed by a line break is the identifier `let`.
static bool lone_let(Lower *L, TSNode s, TSNode next) {
  if (lower_kind(s) != CST_expression_statement) return false;
  // `let` alone: no `;`, at most comments after it.
  uint32_t count = ts_node_child_count(s);
  for (uint32_t i = 1; i < count; i++)
    if (lower_kind(ts_node_child(s, i)) != CST_comment) return false;
  // ASI split them only if a line break follows `let`: on one line
  // tree-sitter would have parsed a declaration.
  return lower_is_word(L, ts_node_child(s, 0), "let") &&
         lower_kind(next) == CST_expression_statement &&
         ts_node_start_point(next).row > ts_node_start_point(s).row;
}

// The declaration `let` + the next statement's expression, reread as
// declarators (a, a = 1, [a] = b, and lists of those).
// Returns one VarDecl (PRS_OP_Let) spanning both CST statements. The
// expression is reread as BindingList (§14.3.1): `a = 1` declarators come
// from assignments, patterns from array/object literals through
// lower_expression_to_binding, which reports what cannot be a binding.
static PrsNode *let_declaration(Lower *L, TSNode let, TSNode next) {
  PrsVarDecl *d = LOWER_NEW(L, VarDecl, let);
  d->base.op = PRS_OP_Let;
  d->base.end = ts_node_end_byte(next);
  PrsNode *e = lower_expression(L, inner(L, next));
  PrsList items = {&e, 1};
  // An unparenthesized comma separates declarators; a parenthesized one is
  // not a declaration at all (lower_expression_to_binding rejects it).
  if (PRS_IS(e, Sequence) && !(e->flags & PRS_FLAG_Parenthesized)) items = PRS_AS(e, Sequence)->exprs;
  d->decls = lower_list(L, items.len);
  for (uint32_t i = 0; i < items.len; i++) {
    PrsNode *item = items.items[i];
    PrsDeclarator *decl = (PrsDeclarator *)lower_new(L, PRS_Declarator, next);
    decl->base.start = item->start;
    // A parenthesized or compound (`+=`) assignment is not `Binding = Init`.
    if (PRS_IS(item, Assign) && item->op == PRS_OP_Assign && !(item->flags & PRS_FLAG_Parenthesized)) {
      decl->target = lower_expression_to_binding(L, PRS_AS(item, Assign)->target, next);
      decl->init = PRS_AS(item, Assign)->value;
    } else {
      decl->target = lower_expression_to_binding(L, item, next);
    }
    // §14.3.1: "It is a Syntax Error if the BoundNames of BindingList contains
    // "let"." Only a bare name is checked here (see lower_declaration).
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
// field: FLD_NONE to take every named kid (a block or program body), or
// the field holding a case clause's statements. directives: flag the
// leading directive prologue (function bodies and scripts). Returns a list
// whose length is the number of AST statements, one less for each `let`
// pair that was joined.
static PrsList lower_statements(Lower *L, uint32_t from, uint32_t to, int field, bool directives) {
#define WANTED(i) (field ? L->kids[i].field == field : !is_token(&L->kids[i]))
  uint32_t count = 0;
  for (uint32_t i = from; i < to; i++) count += WANTED(i);
  PrsList list = lower_list(L, count);
  uint32_t out = 0;
  // Prologue flags stop at the first non-directive (§11.2.1), so
  // `"a"; f(); "b";` flags only "a".
  bool prologue = directives;
  for (uint32_t i = from; i < to; i++) {
    if (!WANTED(i)) continue;
    TSNode s = L->kids[i].node;
    TSNode str;
    // The next wanted kid, skipping tokens (`{`, `;`) and other fields.
    uint32_t next = i + 1;
    while (next < to && !WANTED(next)) next++;
    // Only in sloppy code: strict code reserves `let` (§13.1.1), so a lone
    // `let` there is an error that lower_check_reference_name reports.
    if (next < to && !L->fn->strict && lone_let(L, s, L->kids[next].node)) {
      list.items[out++] = let_declaration(L, s, L->kids[next].node);
      // The slot counted for the second statement is left unused; shrinking
      // len keeps the list honest (the arena slot is simply wasted).
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

// n's children from index `skip` on are statements (plus braces and
// comments, which gather and WANTED drop).
PrsList lower_body(Lower *L, TSNode n, uint32_t skip, bool directives) {
  uint32_t base = lower_items(L, n);
  PrsList list = lower_statements(L, base + skip, L->nkids, FLD_NONE, directives);
  lower_pop(L, base);
  return list;
}

/* {==== Single-statement positions ====} */

// Whether a (possibly multiply) labelled statement labels a function.
// §14.13 IsLabelledFunction: `a: b: function f() {}` labels a function
// through any number of labels.
static bool labels_a_function(Lower *L, TSNode n) {
  while (lower_kind(n) == CST_labeled_statement) n = lower_field(L, n, FLD_body);
  PrsCst k = lower_kind(n);
  return k == CST_function_declaration || k == CST_generator_function_declaration;
}

// The body of if/while/for/with/labels: no lexical declarations, and
// function declarations only where Annex B allows them.
// Statement positions (§14.6-§14.11, §14.13) take a Statement, never a
// Declaration; tree-sitter 0.25 accepts any declaration there. if_body:
// n is the consequent or alternative of an `if`, the one place Annex B.3.3
// (FunctionDeclarations in IfStatement Statement Clauses) lets a plain
// sloppy function declaration stand.
static PrsNode *lower_substatement(Lower *L, TSNode n, bool if_body) {
  PrsCst k = lower_kind(n);
  // §14.6.1, §14.7.1: "It is a Syntax Error if IsLabelledFunction(Statement)
  // is true." (Annex B.3.1 allows labelled functions only as list items.)
  if (k == CST_labeled_statement && labels_a_function(L, n))
    lower_error(L, n, "In strict mode code, functions can only be declared at top level or inside a block.");
  if (k == CST_lexical_declaration || k == CST_class_declaration ||
      k == CST_using_declaration)
    lower_error(L, n, "Lexical declaration cannot appear in a single-statement context");
  // Annex B.3.3 covers plain FunctionDeclarations only: generators and async
  // functions are never allowed in a single-statement position.
  if (k == CST_generator_function_declaration)
    lower_error(L, n, "Generators can only be declared at the top level or inside a block");
  if (k == CST_function_declaration) {
    if (L->fn->strict)
      lower_error(L, n, "In strict mode code, functions can only be declared at top level or inside a block.");
    if (!if_body)
      lower_error(L, n, "In non-strict mode code, functions can only be declared at top level, inside a block, or as the body of an if statement.");
    // async functions are function_declaration nodes too, told by their first
    // token.
    TSNode first = ts_node_child(n, 0);
    if (lower_kind(first) == CST_T_async)
      lower_error(L, n, "Async functions can only be declared at the top level or inside a block.");
    // Annex B.3.3: it behaves as if it were the only statement of a block.
    // The synthetic block gives the function its own block scope in scope.c,
    // so B.3.2's var hoisting then applies to it like any block function.
    PrsBlock *b = LOWER_NEW(L, Block, n);
    b->body = lower_list(L, 1);
    b->body.items[0] = lower_statement(L, n);
    return &b->base;
  }
  return lower_statement(L, n);
}

/* {==== Declarations ====} */

// From the children gathered at base (the first is the keyword).
// Returns the PrsOp of a declaration node of kind k: `var`, `let`, `const`,
// `using` or `await using`. tree-sitter has one lexical_declaration node for
// let and const, told apart by the keyword token.
static PrsOp declaration_op(Lower *L, uint32_t base, PrsCst k) {
  if (k == CST_variable_declaration) return PRS_OP_Var;
  PrsCst first = base < L->nkids ? (PrsCst)L->kids[base].kind : CST_NONE;
  if (k == CST_using_declaration) return first == CST_T_await ? PRS_OP_AwaitUsing : PRS_OP_Using;
  return first == CST_T_const ? PRS_OP_Const : PRS_OP_Let;
}

// Where `using` and `await using` may stand (explicit resource management).
// op is the declaration's PrsOp. The rules come from the explicit resource
// management proposal (not yet in ECMA-262 2025): a using declaration may
// not stand directly in a Script's top level or in a case clause, and
// `await using` needs an [Await] context. A static block is never [Await]
// even inside an async function.
static void check_using(Lower *L, TSNode n, int op) {
  if (L->script_top) lower_error(L, n, "Using declaration is not allowed at the top level of a script");
  if (L->case_clause) lower_error(L, n, "Using declaration is not allowed directly in a case clause");
  if (op == PRS_OP_AwaitUsing && (!L->fn->is_async || L->fn->static_block))
    lower_error(L, n, "'await using' is only valid in async functions and modules");
}

// var, let, const and using declarations. Returns a PrsVarDecl with one
// Declarator per variable_declarator. Initializers are not required here
// (check_initializers does that), because the same node type is used in
// for-in/of heads, where there is none.
PrsNode *lower_declaration(Lower *L, TSNode n) {
  PrsCst k = lower_kind(n);
  PrsVarDecl *d = LOWER_NEW(L, VarDecl, n);
  uint32_t base = lower_items(L, n);
  d->base.op = (uint8_t)declaration_op(L, base, k);
  if (d->base.op == PRS_OP_Using || d->base.op == PRS_OP_AwaitUsing) check_using(L, n, d->base.op);
  uint32_t count = 0;
  // Other kids are keywords and commas.
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
    // PRS_OP_Using and PRS_OP_AwaitUsing come last in PrsOp: `>=` means
    // either. The proposal allows only a BindingIdentifier after `using`.
    if (d->base.op >= PRS_OP_Using && !PRS_IS(decl->target, Ident))
      lower_error(L, name, "Using declarations may not have binding patterns");
    // §14.3.1: "It is a Syntax Error if the BoundNames of BindingList contains
    // "let"" (for let and const; `var let` is fine in sloppy code). Only a
    // bare name is checked: a name inside a pattern is not.
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
// n is the declaration (unused; errors point at the declarator). Called by
// lower_statement and for(;;) heads, not for-in/of heads.
static void check_initializers(Lower *L, PrsVarDecl *d, TSNode n) {
  for (uint32_t i = 0; i < d->decls.len; i++) {
    PrsDeclarator *decl = PRS_AS(d->decls.items[i], Declarator);
    if (decl->init) continue;
    // §14.3.1: "It is a Syntax Error if Initializer is not present and
    // IsConstantDeclaration of the LexicalDeclaration containing this
    // LexicalBinding is true"; using declarations likewise need a value.
    if (d->base.op == PRS_OP_Const || d->base.op >= PRS_OP_Using)
      lower_error_at(L, decl->base.start, "Missing initializer in %s declaration",
                     prs_op_text[d->base.op]);
    // §14.3.1/§14.3.2: a BindingPattern declarator has a mandatory Initializer
    // in the grammar (LexicalBinding : BindingPattern Initializer).
    if (!PRS_IS(decl->target, Ident))
      lower_error_at(L, decl->base.start, "Missing initializer in destructuring declaration");
  }
}

/* {==== Loops ====} */

// Run a loop body with the loop's break/continue context.
// loop_depth enables bare `continue`, breakable bare `break` (§14.8.1,
// §14.9.1). The head is lowered outside: a `break` there could only sit in
// a function, which has its own counts anyway.
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
// e is the lowered initializer (expression or VarDecl), NULL allowed.
// tree-sitter 0.25 does not implement [~In], so `for (a in b;;)` would be
// accepted as a for(;;) with a `in` test; this rejects it the way the
// grammar would, from the AST. Parenthesized subexpressions are [+In]
// again, as are the positions not visited (arguments, brackets, ...).
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
  // An arrow's expression body inherits [?In] (ConciseBody[?In]).
  } else if (PRS_IS(e, Function) && (e->flags & PRS_FLAG_ExprBody)) {
    check_no_in(L, PRS_AS(e, Function)->body.items[0]);
  // LexicalDeclaration[~In] and VariableDeclarationList[~In]: the [~In]
  // reaches every initializer.
  } else if (PRS_IS(e, VarDecl)) {
    for (uint32_t i = 0; i < PRS_AS(e, VarDecl)->decls.len; i++)
      check_no_in(L, PRS_AS(PRS_AS(e, VarDecl)->decls.items[i], Declarator)->init);
  }
}

// for (init; test; update) body. Children are scanned by field because
// tree-sitter gives empty positions as `;` tokens or empty_statement kids.
static PrsNode *lower_for(Lower *L, TSNode n) {
  PrsFor *f = LOWER_NEW(L, For, n);
  uint32_t base = lower_kids(L, n);
  TSNode body = LOWER_NULL_NODE;
  for (uint32_t i = base; i < L->nkids; i++) {
    Kid k = L->kids[i];
    if (k.field == FLD_body) body = k.node;
    // An empty initializer or test can come as an empty_statement (`;`).
    if (k.kind == CST_empty_statement || is_token(&k)) continue;
    // §14.7.4 ForStatement: the initializer is `var` VariableDeclarationList,
    // a LexicalDeclaration (both [~In]), or an Expression[~In].
    if (k.field == FLD_initializer) {
      if (k.kind == CST_variable_declaration || k.kind == CST_lexical_declaration ||
          k.kind == CST_using_declaration) {
        f->init = lower_declaration(L, k.node);
        check_initializers(L, PRS_AS(f->init, VarDecl), k.node);
        check_no_in(L, f->init);
      } else {
        // tree-sitter wraps an expression initializer with its `;`.
        // An expression, bare or wrapped in an expression_statement.
        TSNode e = k.kind == CST_expression_statement ? inner(L, k.node) : k.node;
        f->init = lower_expression(L, e);
        check_no_in(L, f->init);
      }
    // The test is `Expression ;` in tree-sitter's tree, like the initializer.
    } else if (k.field == FLD_condition) {
      TSNode c = k.kind == CST_expression_statement ? inner(L, k.node) : k.node;
      f->test = lower_expression(L, c);
    } else if (k.field == FLD_increment) {
      f->update = lower_expression(L, k.node);
    }
  }
  lower_pop(L, base);
  // The body is lowered after the kids are popped: it gathers kids itself.
  f->body = lower_loop_body(L, body);
  return &f->base;
}

// The head of for-in/of: `kind left` is a declaration, `left` alone an
// assignment target. tree-sitter gives kind, left, operator, right, body.
// tree-sitter reads `for await (let [x] of y)` as the subscript `let[x]`;
// a for-in/of head never starts with `let [` as an expression, so it is
// a declaration whose pattern is the subscript.
// Returns a `let` VarDecl whose single declarator is an array pattern made
// from the subscript's index (its comma list gives the elements).
static PrsNode *let_subscript_head(Lower *L, TSNode left) {
  TSNode obj = lower_field(L, left, FLD_object);
  TSNode index = lower_field(L, left, FLD_index);
  PrsVarDecl *d = LOWER_NEW(L, VarDecl, left);
  d->base.op = PRS_OP_Let;
  d->decls = lower_list(L, 1);
  PrsDeclarator *decl = LOWER_NEW(L, Declarator, left);
  PrsArrayPattern *p = LOWER_NEW(L, ArrayPattern, left);
  // The pattern starts at the `[`, just after the `let` identifier.
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

// Whether a for-in/of left side is tree-sitter's `let[...]` subscript.
static bool is_let_subscript(Lower *L, TSNode left) {
  if (lower_kind(left) != CST_subscript_expression) return false;
  return lower_is_word(L, lower_field(L, left, FLD_object), "let");
}

// kind: the declaration keyword node (null when the head is a bare
// left-hand side); value: an initializer (`for (var x = 1 in o)`); of: a
// for-of head; is_await: `for await`; using_await: the head is `await
// using`. Returns a VarDecl with one declarator or an assignment target.
static PrsNode *lower_for_head(Lower *L, TSNode kind, TSNode left,
                               TSNode value, bool of, bool is_await, bool using_await) {
  if (ts_node_is_null(kind) && is_let_subscript(L, left)) return let_subscript_head(L, left);
  if (ts_node_is_null(kind)) {
    // A bare left-hand side has no initializer (tree-sitter's value field
    // appears on `for (x = 1 in o)`), §14.7.5.
    if (!ts_node_is_null(value)) lower_error(L, value, "Invalid left-hand side in for-in loop");
    // §14.7.5: `for ( [lookahead ∉ { let, async of }] LeftHandSideExpression
    // of AssignmentExpression )`.
    // `for (async of x)` is ambiguous with an async arrow: forbidden.
    // (`for await (async of x)` is fine: no arrow can start there.)
    if (of && !is_await && lower_is_word(L, left, "async"))
      lower_error(L, left, "The left-hand side of a for-of loop may not be 'async'.");
    // for-of: lookahead ≠ let, so not `let.x` or `let[0]` either.
    if (of && lower_is_word(L, lower_first_leaf(left), "let"))
      lower_error(L, left, "The left-hand side of a for-of loop may not be 'let'.");
    return lower_assign_target(L, left);
  }
  // A declaration head: ForDeclaration (let/const/using) or `var`
  // ForBinding (§14.7.5).
  PrsVarDecl *d = LOWER_NEW(L, VarDecl, kind);
  PrsCst kk = lower_kind(kind);
  d->base.op = kk == CST_T_var ? PRS_OP_Var : kk == CST_T_let ? PRS_OP_Let
             : kk == CST_T_const ? PRS_OP_Const : using_await ? PRS_OP_AwaitUsing : PRS_OP_Using;
  // The proposal allows using declarations in for-of heads only.
  if (d->base.op >= PRS_OP_Using) {
    if (!of) lower_error(L, kind, "Using declarations are not allowed in for-in loops");
    if (d->base.op == PRS_OP_AwaitUsing && (!L->fn->is_async || L->fn->static_block))
      lower_error(L, kind, "'await using' is only valid in async functions and modules");
  }
  d->decls = lower_list(L, 1);
  PrsDeclarator *decl = LOWER_NEW(L, Declarator, left);
  // ForBinding / ForDeclaration: a name or pattern, no initializer.
  decl->target = lower_binding(L, left);
  if (d->base.op >= PRS_OP_Using && !PRS_IS(decl->target, Ident))
    lower_error(L, left, "Using declarations may not have binding patterns");
  // §14.7.5.1: "It is a Syntax Error if the BoundNames of ForDeclaration
  // contains "let"."
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

// for-in, for-of and for-await-of all come as for_in_statement; the
// operator token and an `await` token tell them apart.
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
      // The `await` of `for await` is an unfielded token.
      default: if (k.kind == CST_T_await) is_await = true; break;
    }
  }
  lower_pop(L, base);
  // §14.7.5: `for await` exists only in [+Await] contexts and only with `of`;
  // a static block is never [+Await].
  if (is_await && (!of || !L->fn->is_async || L->fn->static_block))
    lower_error(L, n, "Unexpected reserved word");
  PrsNode *head = lower_for_head(L, kind, left, value, of, is_await, using_await);
  PrsNode *rhs = lower_expression(L, right);
  // §14.7.5: the right side of for-of is an AssignmentExpression; for-in's
  // is an Expression, where a comma is fine.
  if (of && PRS_IS(rhs, Sequence) && !(rhs->flags & PRS_FLAG_Parenthesized))
    lower_error(L, right, "Unexpected token ','");
  // The loop body is lowered last so that its loop depth does not cover the
  // head (the head is not inside the iteration).
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

// while and do-while (is_do): same fields, condition wrapped in a
// parenthesized_expression.
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

// Labels are per Func (a function boundary starts a new chain), so this
// finds only labels of the current function, innermost first.
static Label *find_label(Lower *L, PrsAtom *name) {
  for (Label *l = L->fn->labels; l; l = l->outer)
    if (l->name == name) return l;
  return NULL;
}

// break/continue with an optional label. §14.8.1: "It is a Syntax Error if
// this ContinueStatement is not nested, directly or indirectly (but not
// crossing function or static initialization block boundaries), within an
// IterationStatement"; §14.9.1 likewise for break, with switch allowed.
// Labelled jumps: §14.13.1 ContainsUndefinedBreakTarget and
// ContainsUndefinedContinueTarget.
static PrsNode *lower_jump(Lower *L, TSNode n, bool is_break) {
  TSNode label = lower_field(L, n, FLD_label);
  PrsAtom *name = NULL;
  if (!ts_node_is_null(label)) {
    bool escaped;
    name = lower_name(L, label, &escaped);
    Label *target = find_label(L, name);
    if (!target) lower_error(L, label, "Undefined label '%s'", name->text);
    // A continue target must label an IterationStatement (through more
    // labels: `a: b: while (x) continue a;` is fine).
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
// Uses the raw field id rather than lower_field because the caller
// (lower_labeled) holds fields of its own node in the field cache.
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

// §14.13.1: "It is a Syntax Error if any source text is matched by this
// production" for a label already in the enclosing label set
// (ContainsDuplicateLabels); labels follow the LabelIdentifier rules for
// yield and await, hence lower_check_reference_name.
static PrsNode *lower_labeled(Lower *L, TSNode n) {
  TSNode label = lower_field(L, n, FLD_label);
  TSNode body = lower_field(L, n, FLD_body);
  bool escaped;
  PrsAtom *name = lower_name(L, label, &escaped);
  lower_check_reference_name(L, name, escaped, label);
  if (find_label(L, name)) lower_error(L, label, "Label '%s' has already been declared", name->text);
  // Label lives on this C frame for the lowering of the body only.
  Label l = {name, labels_a_loop(body), L->fn->labels};
  L->fn->labels = &l;
  PrsLabeled *s = LOWER_NEW(L, Labeled, n);
  s->label = name;
  // Annex B.3.1: `l: function f(){}` in sloppy code (never generators,
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

// if/else. The alternative comes wrapped in an else_clause.
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

// A statement_block; its scope is made by scope.c. Also used for the
// try/catch/finally blocks, which are plain Blocks in the AST.
static PrsNode *lower_block(Lower *L, TSNode n) {
  PrsBlock *b = LOWER_NEW(L, Block, n);
  b->body = lower_body(L, n, 0, false);
  return &b->base;
}

// The catch clause's parameter and block are fields of the catch_clause
// node. A missing parameter (`catch {`) is optional catch binding.
static PrsNode *lower_try(Lower *L, TSNode n) {
  PrsTry *t = LOWER_NEW(L, Try, n);
  TSNode block = lower_field(L, n, FLD_body);
  TSNode handler = lower_field(L, n, FLD_handler);
  TSNode finalizer = lower_field(L, n, FLD_finalizer);
  t->block = lower_block(L, block);
  if (!ts_node_is_null(handler)) {
    TSNode param = lower_field(L, handler, FLD_parameter);
    TSNode body = lower_field(L, handler, FLD_body);
    // Duplicate names in the parameter and its clash with the block's lexical
    // names (§14.15.1) are checked by scope.c.
    if (!ts_node_is_null(param)) t->param = lower_binding(L, param);
    t->handler = lower_block(L, body);
  }
  if (!ts_node_is_null(finalizer))
    t->finalizer = lower_block(L, lower_field(L, finalizer, FLD_body));
  return &t->base;
}

// A case or default clause (default has no value field). Its statements
// are the kids in the body field; they go through lower_statements so the
// `let` + newline repair works inside clauses too.
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

// The discriminant is outside the case block: a break in it (only possible
// inside a function) is not governed by this switch.
static PrsNode *lower_switch(Lower *L, TSNode n) {
  PrsSwitch *s = LOWER_NEW(L, Switch, n);
  TSNode value = lower_field(L, n, FLD_value);
  TSNode body = lower_field(L, n, FLD_body);
  s->discriminant = lower_expression(L, inner(L, value));
  uint32_t base = lower_items(L, body);
  uint32_t count = 0;
  bool seen_default = false;
  // §14.12: CaseBlock allows one DefaultClause, which tree-sitter's grammar
  // does not enforce.
  for (uint32_t i = base; i < L->nkids; i++) {
    if (L->kids[i].kind == CST_switch_default) {
      if (seen_default)
        lower_error(L, L->kids[i].node, "More than one default clause in switch statement");
      seen_default = true;
    }
    count += !is_token(&L->kids[i]);
  }
  s->cases = lower_list(L, count);
  // A bare `break` is valid inside the cases (§14.9.1), but not `continue`
  // unless an enclosing loop exists.
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

// §14.11.1: "It is a Syntax Error if the source text matched by this
// production is contained in strict mode code."
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
// is_throw selects throw: both are a keyword and an optional expression.
// return's [no LineTerminator here] is tree-sitter's ASI; throw's is
// checked here: `throw` + newline cannot be followed by its operand.
static PrsNode *lower_return(Lower *L, TSNode n, bool is_throw) {
  TSNode e = ts_node_named_child(n, 0);
  // A comment can be the first named child of `return /* x */;`.
  while (!ts_node_is_null(e) && (lower_kind(e) == CST_comment || lower_kind(e) == CST_html_comment))
    e = ts_node_next_named_sibling(e);
  if (is_throw && !ts_node_is_null(e) &&
      ts_node_start_point(e).row != ts_node_start_point(n).row)
    lower_error(L, e, "Illegal newline after throw");
  PrsNode *arg = ts_node_is_null(e) ? NULL : lower_expression(L, e);
  if (is_throw) {
    PrsThrow *t = LOWER_NEW(L, Throw, n);
    t->arg = arg;
    return &t->base;
  }
  // ReturnStatement is valid only in [+Return] contexts (§15.2: function
  // bodies); script, module and static-block code have is_function false.
  if (!L->fn->is_function) lower_error(L, n, "Illegal return statement");
  PrsReturn *r = LOWER_NEW(L, Return, n);
  r->arg = arg;
  return &r->base;
}

// ExpressionStatement's lookahead restriction: not `{`, `function`,
// `class`, `let [` or `async function` (tree-sitter does not enforce it).
static void check_statement_start(Lower *L, TSNode n) {
  TSNode t = lower_first_leaf(n);
  PrsCst k = lower_kind(t);
  // tree-sitter does not reject these since it resolves its conflicts by
  // precedence: it can read `function(){}()` or `class{}.x` at a statement
  // start as expressions. The spec says they begin declarations, which then
  // fail; the error is reported at the token.
  if (k == CST_T_lbrace || k == CST_T_function || k == CST_T_class)
    lower_error(L, t, "Unexpected token '%s'", prs_cst_name(k));
  // `async function` only on one line: `async \n function f(){}` is the
  // identifier async, ASI, then a declaration.
  if (k == CST_T_async || k == CST_identifier) {
    uint32_t len;
    const char *s = lower_text(L, t, &len);
    // (The token may be the keyword `async`, not an identifier node.)
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
// Returns the Block. obj is an object node in statement position.
static PrsNode *object_as_block(Lower *L, TSNode obj);

// The value of a `label: value` pair, as the labelled statement.
// Returns the labelled statement for the value v of the first pair.
static PrsNode *pair_value_statement(Lower *L, TSNode v) {
  PrsCst k = lower_kind(v);
  if (k == CST_object) return object_as_block(L, v);
  // A class or generator is a declaration that no label may hold, since
  // LabelledItem is Statement or FunctionDeclaration (§14.13).
  if (k == CST_class || k == CST_generator_function)
    lower_error(L, v, "Unexpected token");
  if (k == CST_function_expression) {
    // Annex B.3.1's labelled function declaration: sloppy, plain, named.
    if (L->fn->strict || lower_kind(ts_node_child(v, 0)) == CST_T_async ||
        ts_node_is_null(lower_field(L, v, FLD_name)))
      lower_error(L, v, "In strict mode code, functions can only be declared at top level or inside a block.");
    PrsNode *f = lower_function(L, v);
    f->flags |= PRS_FLAG_Declaration;
    return f;
  }
  // Anything else is an expression statement.
  PrsExprStmt *s = LOWER_NEW(L, ExprStmt, v);
  s->expr = lower_expression(L, v);
  return &s->base;
}

// Shorthand entries after the first, as the rest of a comma expression.
// first is the leading expression, [from, to) the kids that follow it;
// at positions the node. `{a, b}` is the block containing `a, b;`, so
// every later item must be a shorthand (an identifier).
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

// See the comment on its declaration above for what it accepts.
static PrsNode *object_as_block(Lower *L, TSNode obj) {
  PrsBlock *b = LOWER_NEW(L, Block, obj);
  uint32_t base = lower_items(L, obj);
  uint32_t first = base, end = L->nkids, count = 0;
  // first becomes the index of the first named kid (after the `{`).
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
  // `{a: X ...}`: the pair's key is the label, its value the statement.
  if (head.kind == CST_pair) {
    TSNode key = lower_field(L, head.node, FLD_key);
    TSNode value = lower_field(L, head.node, FLD_value);
    // Only an identifier can be a label: `{"a": 1}` and `{[a]: 1}` are not.
    if (lower_kind(key) != CST_property_identifier) lower_error(L, key, "Unexpected token");
    PrsLabeled *l = LOWER_NEW(L, Labeled, head.node);
    bool escaped;
    l->label = lower_name(L, key, &escaped);
    // The recovered label obeys the rules of a written one: a name that
    // may be a reference here, not already an enclosing label.
    lower_check_reference_name(L, l->label, escaped, key);
    if (find_label(L, l->label))
      lower_error(L, key, "Label '%s' has already been declared", l->label->text);
    Label label = {l->label, false, L->fn->labels};
    L->fn->labels = &label;
    // A lone pair labels a statement; with more entries the pair's value
    // starts a comma expression: `{a: b, c}` is `a: b, c;`.
    if (count == 1) {
      l->body = pair_value_statement(L, value);
    } else {
      PrsExprStmt *s = LOWER_NEW(L, ExprStmt, value);
      s->expr = with_shorthands(L, lower_expression(L, value), first + 1, first + count, value);
      l->body = &s->base;
    }
    L->fn->labels = label.outer;
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

// An expression_statement. Returns an ExprStmt, or a Block when
// tree-sitter read a block as an object literal (see object_as_block).
static PrsNode *lower_expression_statement(Lower *L, TSNode n) {
  TSNode e = inner(L, n);
  if (lower_kind(e) == CST_object) return object_as_block(L, e);
  check_statement_start(L, n);
  PrsExprStmt *s = LOWER_NEW(L, ExprStmt, n);
  s->expr = lower_expression(L, e);
  return &s->base;
}

/* {==== Dispatch ====} */

// Dispatch on the CST kind. Returns the AST statement. Statement-list
// flags (module_item, script_top, case_clause) are saved here and
// restored on the way out, so every return path keeps them balanced.
PrsNode *lower_statement(Lower *L, TSNode n) {
  lower_enter(L, n);
  PrsNode *r;
  // import/export are items of the module body only, so the flag is on
  // while lowering exactly those statements, and off for anything nested.
  bool module_item = L->module_item, script_top = L->script_top, case_clause = L->case_clause;
  // These describe the statement list a statement stands in directly, so
  // they hold for this statement and not for anything nested in it.
  L->module_item = L->script_top = L->case_clause = false;
  // A using declaration is the one statement that looks at where it stands
  // (check_using), so it alone keeps the flags of its list.
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
      // for-in/of heads reuse lower_declaration without this check, hence here.
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
