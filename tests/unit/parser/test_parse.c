/*
 * tests/unit/parser/test_parse.c — the front end's public API: prs_parse,
 * prs_free, the AST structs, the scope information and the syntax errors.
 *
 * Invariants: every test parses its own source and frees its own AST, so
 * no check depends on another; the helpers never dereference a node
 * before checking its kind, so a wrong tree makes CHECKs fail instead of
 * crashing the executable.
 */
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser/parser.h"
#include "parser/scope.h"
#include "tests/unit/check.h"

/* {==== Helpers ====} */

static PrsSyntaxError err;

// parse: a NUL-terminated source as a script or a module.
static PrsAst *parse_opt(const char *src, bool module) {
  PrsOptions opt = {.module = module, .strict = false};
  memset(&err, 0, sizeof err);
  return prs_parse(src, strlen(src), &opt, &err);
}
static PrsAst *parse(const char *src) { return parse_opt(src, false); }

// body: the top-level statement list of a Script or Module.
static PrsList *body(PrsAst *ast) {
  static PrsList empty;
  if (!ast || !ast->root) return &empty;
  if (PRS_IS(ast->root, Script)) return &PRS_AS(ast->root, Script)->body;
  if (PRS_IS(ast->root, Module)) return &PRS_AS(ast->root, Module)->body;
  return &empty;
}

static PrsNode *stmt(PrsAst *ast, uint32_t i) {
  PrsList *b = body(ast);
  return i < b->len ? b->items[i] : NULL;
}

// expr: the expression of top-level statement i (an ExprStmt), or NULL.
static PrsNode *expr(PrsAst *ast, uint32_t i) {
  PrsNode *s = stmt(ast, i);
  return PRS_IS(s, ExprStmt) ? PRS_AS(s, ExprStmt)->expr : NULL;
}

// decl: declarator j of the VarDecl n, or NULL.
static PrsDeclarator *decl(PrsNode *n, uint32_t j) {
  if (!PRS_IS(n, VarDecl) || j >= PRS_AS(n, VarDecl)->decls.len) return NULL;
  PrsNode *d = PRS_AS(n, VarDecl)->decls.items[j];
  return PRS_IS(d, Declarator) ? PRS_AS(d, Declarator) : NULL;
}

// init: the initializer of the first declarator of top-level statement i.
static PrsNode *init(PrsAst *ast, uint32_t i) {
  PrsDeclarator *d = decl(stmt(ast, i), 0);
  return d ? d->init : NULL;
}

// item: element i of an Array node, or NULL.
static PrsNode *item(PrsNode *n, uint32_t i) {
  if (!PRS_IS(n, Array) || i >= PRS_AS(n, Array)->elements.len) return NULL;
  return PRS_AS(n, Array)->elements.items[i];
}

static PrsNode *list_at(PrsList *l, uint32_t i) {
  return l && i < l->len ? l->items[i] : NULL;
}

// num: the value of a Number node (NaN-free sentinel -1 when not a Number).
static double num(PrsNode *n) {
  return PRS_IS(n, Number) ? PRS_AS(n, Number)->value : -1.0;
}

static const char *str_of(PrsNode *n) {
  if (PRS_IS(n, String) && PRS_AS(n, String)->value)
    return PRS_AS(n, String)->value->text;
  return NULL;
}

static const char *ident_name(PrsNode *n) {
  return PRS_IS(n, Ident) && PRS_AS(n, Ident)->name ? PRS_AS(n, Ident)->name->text
                                                    : NULL;
}

static bool has(PrsNode *n, uint32_t flag) { return n && (n->flags & flag); }

// fn: a Function node (declaration at top level, or the init of a var).
static PrsFunction *fn(PrsNode *n) {
  if (PRS_IS(n, Function)) return PRS_AS(n, Function);
  if (PRS_IS(n, Export)) return fn(PRS_AS(n, Export)->decl);
  return NULL;
}

static PrsNode *fbody(PrsFunction *f, uint32_t i) {
  return f ? list_at(&f->body, i) : NULL;
}

// var_in: the binding called name declared in scope s, or NULL.
static PrsVar *var_in(PrsScope *s, const char *name) {
  if (!s) return NULL;
  for (PrsVar *v = s->vars; v; v = v->next)
    if (v->name && strcmp(v->name->text, name) == 0) return v;
  return NULL;
}

static PrsScope *root_scope(PrsAst *ast) {
  if (!ast) return NULL;
  if (PRS_IS(ast->root, Script)) return PRS_AS(ast->root, Script)->scope;
  if (PRS_IS(ast->root, Module)) return PRS_AS(ast->root, Module)->scope;
  return NULL;
}

// find_ident: the first Ident named name, in a depth-first walk of n that
// uses the generated field descriptors (so it sees every child).
static PrsIdent *find_ident(PrsNode *n, const char *name, bool binding) {
  if (!n || n->kind >= PRS_KIND_COUNT) return NULL;
  if (PRS_IS(n, Ident) && PRS_AS(n, Ident)->name &&
      strcmp(PRS_AS(n, Ident)->name->text, name) == 0 &&
      has(n, PRS_FLAG_Binding) == binding)
    return PRS_AS(n, Ident);
  const PrsField *f = prs_kind_info[n->kind].fields();
  for (; f && f->name; f++) {
    char *at = (char *)n + f->offset;
    PrsIdent *r = NULL;
    if (f->kind == PRS_FIELD_NODE) {
      r = find_ident(*(PrsNode **)at, name, binding);
    } else if (f->kind == PRS_FIELD_LIST) {
      PrsList *l = (PrsList *)at;
      for (uint32_t i = 0; i < l->len && !r; i++)
        r = find_ident(l->items[i], name, binding);
    }
    if (r) return r;
  }
  return NULL;
}
static PrsIdent *ref(PrsAst *ast, const char *name) {
  return ast ? find_ident(ast->root, name, false) : NULL;
}

// fails: src is rejected with a message containing msg at line:col.
static bool fails_opt(const char *src, bool module, const char *msg,
                      uint32_t line, uint32_t col) {
  PrsAst *ast = parse_opt(src, module);
  bool ok = !ast && strstr(err.message, msg) && err.line == line && err.col == col;
  if (!ok)
    fprintf(stderr, "  source %s\n    expected %u:%u \"%s\"\n    got %s %u:%u \"%s\"\n",
            src, line, col, msg, ast ? "an AST," : "", err.line, err.col,
            err.message);
  prs_free(ast);
  return ok;
}
static bool fails(const char *src, const char *msg, uint32_t line, uint32_t col) {
  return fails_opt(src, false, msg, line, col);
}

// accepts: src parses (as a script or a module).
static bool accepts(const char *src, bool module) {
  PrsAst *ast = parse_opt(src, module);
  if (!ast) fprintf(stderr, "  source %s\n    rejected: %u:%u %s\n", src, err.line,
                    err.col, err.message);
  prs_free(ast);
  return ast != NULL;
}

#define OFFSET_OF(src, needle) ((uint32_t)(strstr((src), (needle)) - (src)))

/* {==== Positions ====} */

// Tools that point at source (error carets, source maps, debuggers) rely on
// line/col being 1-based with col in UTF-8 bytes, start/end being byte
// offsets, and CRLF counting as one line break while a lone CR counts as one.
static void test_positions(void) {
  const char *src = "var a = 1;\r\nlet bb\r= 2;\n  f(\xC3\xA9, x);\n";
  PrsAst *ast = parse(src);
  CHECK(ast != NULL);
  CHECK(body(ast)->len == 3);

  PrsNode *s0 = stmt(ast, 0);
  CHECK(PRS_IS(s0, VarDecl) && s0->op == PRS_OP_Var);
  CHECK(s0 && s0->line == 1 && s0->col == 1);
  CHECK(s0 && s0->start == 0 && s0->end == 10);

  // After a CRLF: line 2, and the offsets still count both bytes.
  PrsNode *s1 = stmt(ast, 1);
  CHECK(PRS_IS(s1, VarDecl) && s1->op == PRS_OP_Let);
  CHECK(s1 && s1->line == 2 && s1->col == 1 && s1->start == 12);
  PrsDeclarator *d = decl(s1, 0);
  CHECK(d && ident_name(d->target) && strcmp(ident_name(d->target), "bb") == 0);
  CHECK(d && d->target->line == 2 && d->target->col == 5);
  CHECK(d && d->target->start == 16 && d->target->end == 18);
  // After a lone CR: a new line.
  CHECK(d && PRS_IS(d->init, Number));
  CHECK(d && d->init && d->init->line == 3 && d->init->col == 3);
  CHECK(d && d->init && d->init->start == OFFSET_OF(src, "2;") &&
        d->init->end == d->init->start + 1);

  // col counts bytes: x comes after the two-byte é.
  PrsNode *call = expr(ast, 2);
  CHECK(PRS_IS(call, Call));
  CHECK(stmt(ast, 2) && stmt(ast, 2)->line == 4 && stmt(ast, 2)->col == 3);
  PrsNode *a0 = PRS_IS(call, Call) ? list_at(&PRS_AS(call, Call)->args, 0) : NULL;
  PrsNode *a1 = PRS_IS(call, Call) ? list_at(&PRS_AS(call, Call)->args, 1) : NULL;
  CHECK_STR(ident_name(a0), "\xC3\xA9");
  CHECK(a0 && a0->col == 5 && a0->end - a0->start == 2);
  CHECK_STR(ident_name(a1), "x");
  CHECK(a1 && a1->line == 4 && a1->col == 9);
  CHECK(a1 && a1->start == OFFSET_OF(src, "x);") && a1->end == a1->start + 1);
  CHECK(call && call->end == OFFSET_OF(src, ");\n") + 1);
  prs_free(ast);

  // The root spans the program; a nested node on a later line.
  const char *src2 = "if (a) {\n\tb = c;\n}";
  ast = parse(src2);
  CHECK(ast && ast->root->line == 1 && ast->root->col == 1 && ast->root->start == 0);
  CHECK(ast && ast->source_len == strlen(src2));
  PrsNode *asg = PRS_IS(stmt(ast, 0), If) ? PRS_AS(stmt(ast, 0), If)->then : NULL;
  asg = PRS_IS(asg, Block) ? list_at(&PRS_AS(asg, Block)->body, 0) : NULL;
  asg = PRS_IS(asg, ExprStmt) ? PRS_AS(asg, ExprStmt)->expr : NULL;
  CHECK(PRS_IS(asg, Assign) && asg->op == PRS_OP_Assign);
  CHECK(asg && asg->line == 2 && asg->col == 2 && asg->start == 10 && asg->end == 15);
  prs_free(ast);

  // Errors: err.col counts characters (not bytes), err.offset bytes.
  CHECK(!parse("\"\xC3\xA9\xC3\xA9\"; let a; let a;"));
  CHECK(err.line == 1 && err.col == 18 && err.offset == 19);
  CHECK(!parse("let a;\r\nlet a;"));
  CHECK(err.line == 2 && err.col == 5 && err.offset == 12);
}

/* {==== Literal values ====} */

// The bytecode generator takes literal values straight from the AST:
// numbers already converted, strings decoded into WTF-8 atoms.
static void test_numbers(void) {
  PrsAst *ast = parse(
      "x = [0x1F, 0o17, 0b101, 1_000_000, 1e3, 2.5e-3, .5, 0.1, 017, 08,"
      " 1e400, 5e-324, 0xFFFF_FFFF, 9007199254740993, 0.1e1_0, 0, 1.];");
  PrsNode *a = PRS_IS(expr(ast, 0), Assign) ? PRS_AS(expr(ast, 0), Assign)->value : NULL;
  CHECK(PRS_IS(a, Array) && PRS_AS(a, Array)->elements.len == 17);
  CHECK(num(item(a, 0)) == 31);
  CHECK(num(item(a, 1)) == 15);
  CHECK(num(item(a, 2)) == 5);
  CHECK(num(item(a, 3)) == 1000000);
  CHECK(num(item(a, 4)) == 1000);
  CHECK(num(item(a, 5)) == 2.5e-3);
  CHECK(num(item(a, 6)) == 0.5);
  CHECK(num(item(a, 7)) == 0.1);
  CHECK(num(item(a, 8)) == 15);          // legacy octal
  CHECK(num(item(a, 9)) == 8);           // 08 is decimal
  CHECK(num(item(a, 10)) > 1.7976931348623157e308);  // Infinity
  CHECK(num(item(a, 11)) == 5e-324);     // smallest subnormal
  CHECK(num(item(a, 12)) == 4294967295.0);
  CHECK(num(item(a, 13)) == 9007199254740992.0);  // round to even
  CHECK(num(item(a, 14)) == 1e9);
  CHECK(num(item(a, 15)) == 0);
  CHECK(num(item(a, 16)) == 1);
  prs_free(ast);

  // 0.1 + 0.2 stays a Binary of two Numbers: no folding in the parser.
  ast = parse("0.1+0.2");
  PrsNode *b = expr(ast, 0);
  CHECK(PRS_IS(b, Binary) && b->op == PRS_OP_Add);
  CHECK(b && num(PRS_AS(b, Binary)->left) == 0.1 && num(PRS_AS(b, Binary)->right) == 0.2);
  prs_free(ast);

  // BigInt digits come out in decimal, whatever the radix.
  ast = parse("x = [123n, 0x1Fn, 0o777n, 0b1010n, 0n, 1_000n, "
              "0xFFFFFFFFFFFFFFFFFFFFn];");
  a = PRS_IS(expr(ast, 0), Assign) ? PRS_AS(expr(ast, 0), Assign)->value : NULL;
  const char *want[] = {"123", "31", "511", "10", "0", "1000",
                        "1208925819614629174706175"};
  for (uint32_t i = 0; i < 7; i++) {
    PrsNode *n = item(a, i);
    CHECK(PRS_IS(n, BigInt));
    CHECK_STR(PRS_IS(n, BigInt) ? PRS_AS(n, BigInt)->digits->text : NULL, want[i]);
  }
  prs_free(ast);
}

static void test_strings(void) {
  PrsAst *ast = parse(
      "x = ['\\x41\\u0042\\u{43}\\n\\t\\0', '\\uD800', '\\uD83D\\uDE00',"
      " '\\u{1F600}', 'a\\\nb', '\xC3\xA9', \"\\'\\\"\\\\\", '\\101', '\\uDC00x', ''];");
  PrsNode *a = PRS_IS(expr(ast, 0), Assign) ? PRS_AS(expr(ast, 0), Assign)->value : NULL;
  CHECK(PRS_IS(a, Array) && PRS_AS(a, Array)->elements.len == 10);
  PrsNode *s0 = item(a, 0);
  CHECK(PRS_IS(s0, String) && PRS_AS(s0, String)->value->len == 6);
  CHECK(PRS_IS(s0, String) && memcmp(PRS_AS(s0, String)->value->text, "ABC\n\t\0", 7) == 0);
  // A lone surrogate is kept as its 3-byte WTF-8 form.
  CHECK_STR(str_of(item(a, 1)), "\xED\xA0\x80");
  CHECK(PRS_IS(item(a, 1), String) && PRS_AS(item(a, 1), String)->value->len == 3);
  // A pair of escapes forms one code point (4 bytes of UTF-8).
  CHECK_STR(str_of(item(a, 2)), "\xF0\x9F\x98\x80");
  CHECK_STR(str_of(item(a, 3)), "\xF0\x9F\x98\x80");
  CHECK(str_of(item(a, 2)) && str_of(item(a, 2)) == str_of(item(a, 3)));  // interned
  CHECK_STR(str_of(item(a, 4)), "ab");     // line continuation
  CHECK_STR(str_of(item(a, 5)), "\xC3\xA9");
  CHECK_STR(str_of(item(a, 6)), "'\"\\");
  CHECK_STR(str_of(item(a, 7)), "A");      // legacy octal escape (sloppy)
  CHECK_STR(str_of(item(a, 8)), "\xED\xB0\x80x");  // lone low surrogate
  CHECK_STR(str_of(item(a, 9)), "");
  prs_free(ast);
}

// Templates: tag functions see cooked and raw strings; cooked is NULL for
// an invalid escape, which only a tagged template may contain.
static void test_templates(void) {
  PrsAst *ast = parse("x = `a\\n${y}b\\u0041${z}`;");
  PrsNode *t = PRS_IS(expr(ast, 0), Assign) ? PRS_AS(expr(ast, 0), Assign)->value : NULL;
  CHECK(PRS_IS(t, Template));
  PrsTemplate *tt = PRS_IS(t, Template) ? PRS_AS(t, Template) : NULL;
  CHECK(tt && tt->quasis.len == 3 && tt->exprs.len == 2);
  PrsNode *q0 = tt ? list_at(&tt->quasis, 0) : NULL;
  PrsNode *q1 = tt ? list_at(&tt->quasis, 1) : NULL;
  PrsNode *q2 = tt ? list_at(&tt->quasis, 2) : NULL;
  CHECK(PRS_IS(q0, TemplatePart) && PRS_IS(q1, TemplatePart) && PRS_IS(q2, TemplatePart));
  CHECK_STR(PRS_IS(q0, TemplatePart) ? PRS_AS(q0, TemplatePart)->cooked->text : NULL, "a\n");
  CHECK_STR(PRS_IS(q0, TemplatePart) ? PRS_AS(q0, TemplatePart)->raw->text : NULL, "a\\n");
  CHECK_STR(PRS_IS(q1, TemplatePart) ? PRS_AS(q1, TemplatePart)->cooked->text : NULL, "bA");
  CHECK_STR(PRS_IS(q1, TemplatePart) ? PRS_AS(q1, TemplatePart)->raw->text : NULL, "b\\u0041");
  CHECK_STR(PRS_IS(q2, TemplatePart) ? PRS_AS(q2, TemplatePart)->cooked->text : NULL, "");
  CHECK_STR(ident_name(tt ? list_at(&tt->exprs, 0) : NULL), "y");
  CHECK_STR(ident_name(tt ? list_at(&tt->exprs, 1) : NULL), "z");
  prs_free(ast);

  // Tagged: an invalid escape leaves cooked NULL but raw intact.
  ast = parse("tag`${1}\\unicode`;");
  PrsNode *tg = expr(ast, 0);
  CHECK(PRS_IS(tg, TaggedTemplate));
  PrsNode *quasi = PRS_IS(tg, TaggedTemplate) ? PRS_AS(tg, TaggedTemplate)->quasi : NULL;
  CHECK_STR(ident_name(PRS_IS(tg, TaggedTemplate) ? PRS_AS(tg, TaggedTemplate)->tag : NULL),
            "tag");
  CHECK(PRS_IS(quasi, Template) && PRS_AS(quasi, Template)->quasis.len == 2);
  q0 = PRS_IS(quasi, Template) ? list_at(&PRS_AS(quasi, Template)->quasis, 0) : NULL;
  q1 = PRS_IS(quasi, Template) ? list_at(&PRS_AS(quasi, Template)->quasis, 1) : NULL;
  CHECK_STR(PRS_IS(q0, TemplatePart) && PRS_AS(q0, TemplatePart)->cooked
                ? PRS_AS(q0, TemplatePart)->cooked->text : NULL, "");
  CHECK(PRS_IS(q1, TemplatePart) && PRS_AS(q1, TemplatePart)->cooked == NULL);
  CHECK_STR(PRS_IS(q1, TemplatePart) ? PRS_AS(q1, TemplatePart)->raw->text : NULL,
            "\\unicode");
  prs_free(ast);
  ast = parse("tag`\\xZ`;");
  tg = expr(ast, 0);
  quasi = PRS_IS(tg, TaggedTemplate) ? PRS_AS(tg, TaggedTemplate)->quasi : NULL;
  q0 = PRS_IS(quasi, Template) ? list_at(&PRS_AS(quasi, Template)->quasis, 0) : NULL;
  CHECK(PRS_IS(q0, TemplatePart) && PRS_AS(q0, TemplatePart)->cooked == NULL);
  CHECK_STR(PRS_IS(q0, TemplatePart) ? PRS_AS(q0, TemplatePart)->raw->text : NULL, "\\xZ");
  prs_free(ast);

  // CRLF and lone CR inside a template become LF in both cooked and raw.
  ast = parse("t`a\r\nb\rc`");
  tg = expr(ast, 0);
  quasi = PRS_IS(tg, TaggedTemplate) ? PRS_AS(tg, TaggedTemplate)->quasi : NULL;
  q0 = PRS_IS(quasi, Template) ? list_at(&PRS_AS(quasi, Template)->quasis, 0) : NULL;
  CHECK_STR(PRS_IS(q0, TemplatePart) ? PRS_AS(q0, TemplatePart)->cooked->text : NULL, "a\nb\nc");
  CHECK_STR(PRS_IS(q0, TemplatePart) ? PRS_AS(q0, TemplatePart)->raw->text : NULL, "a\nb\nc");
  prs_free(ast);
}

// Regex literals keep pattern and flags as written; the runtime compiles.
static void test_regex(void) {
  PrsAst *ast = parse("x = /a[/]b\\/c/gimsuy; y = /(?<n>\\d+)\\k<n>/dv; z = /=/;");
  PrsNode *r = PRS_IS(expr(ast, 0), Assign) ? PRS_AS(expr(ast, 0), Assign)->value : NULL;
  CHECK(PRS_IS(r, Regex));
  CHECK_STR(PRS_IS(r, Regex) ? PRS_AS(r, Regex)->pattern->text : NULL, "a[/]b\\/c");
  CHECK_STR(PRS_IS(r, Regex) ? PRS_AS(r, Regex)->flags->text : NULL, "gimsuy");
  r = PRS_IS(expr(ast, 1), Assign) ? PRS_AS(expr(ast, 1), Assign)->value : NULL;
  CHECK_STR(PRS_IS(r, Regex) ? PRS_AS(r, Regex)->pattern->text : NULL, "(?<n>\\d+)\\k<n>");
  CHECK_STR(PRS_IS(r, Regex) ? PRS_AS(r, Regex)->flags->text : NULL, "dv");
  r = PRS_IS(expr(ast, 2), Assign) ? PRS_AS(expr(ast, 2), Assign)->value : NULL;
  CHECK_STR(PRS_IS(r, Regex) ? PRS_AS(r, Regex)->pattern->text : NULL, "=");
  CHECK(PRS_IS(r, Regex) && PRS_AS(r, Regex)->flags && PRS_AS(r, Regex)->flags->len == 0);
  prs_free(ast);
}

/* {==== Operators and flags ====} */

// The code generator evaluates the tree as shaped: precedence and
// associativity must already be resolved, and ?. chains delimited.
static void test_operators(void) {
  PrsAst *ast = parse("a + b * c; a ** b ** c; a ?? b; a || b && c; a - b - c;"
                      " (a + b) * c; x ? y : z ? u : v; x += 1; ++i; i--;"
                      " typeof a; !a;");
  PrsNode *e = expr(ast, 0);
  CHECK(PRS_IS(e, Binary) && e->op == PRS_OP_Add);
  PrsNode *r = e ? PRS_AS(e, Binary)->right : NULL;
  CHECK(PRS_IS(r, Binary) && r->op == PRS_OP_Mul);
  CHECK_STR(ident_name(e ? PRS_AS(e, Binary)->left : NULL), "a");

  e = expr(ast, 1);  // a ** (b ** c)
  CHECK(PRS_IS(e, Binary) && e->op == PRS_OP_Exp);
  CHECK_STR(ident_name(e ? PRS_AS(e, Binary)->left : NULL), "a");
  r = e ? PRS_AS(e, Binary)->right : NULL;
  CHECK(PRS_IS(r, Binary) && r->op == PRS_OP_Exp);
  CHECK_STR(ident_name(r ? PRS_AS(r, Binary)->left : NULL), "b");

  e = expr(ast, 2);
  CHECK(PRS_IS(e, Logical) && e->op == PRS_OP_Nullish);

  e = expr(ast, 3);  // a || (b && c)
  CHECK(PRS_IS(e, Logical) && e->op == PRS_OP_Or);
  r = e ? PRS_AS(e, Logical)->right : NULL;
  CHECK(PRS_IS(r, Logical) && r->op == PRS_OP_And);

  e = expr(ast, 4);  // (a - b) - c
  CHECK(PRS_IS(e, Binary) && e->op == PRS_OP_Sub);
  PrsNode *l = e ? PRS_AS(e, Binary)->left : NULL;
  CHECK(PRS_IS(l, Binary) && l->op == PRS_OP_Sub);
  CHECK_STR(ident_name(e ? PRS_AS(e, Binary)->right : NULL), "c");

  e = expr(ast, 5);  // parentheses are kept as a flag, not a node
  CHECK(PRS_IS(e, Binary) && e->op == PRS_OP_Mul && !has(e, PRS_FLAG_Parenthesized));
  l = e ? PRS_AS(e, Binary)->left : NULL;
  CHECK(PRS_IS(l, Binary) && l->op == PRS_OP_Add && has(l, PRS_FLAG_Parenthesized));

  e = expr(ast, 6);  // x ? y : (z ? u : v)
  CHECK(PRS_IS(e, Conditional));
  CHECK(e && PRS_IS(PRS_AS(e, Conditional)->otherwise, Conditional));

  e = expr(ast, 7);
  CHECK(PRS_IS(e, Assign) && e->op == PRS_OP_AddAssign);
  e = expr(ast, 8);
  CHECK(PRS_IS(e, Update) && e->op == PRS_OP_Inc && has(e, PRS_FLAG_Prefix));
  e = expr(ast, 9);
  CHECK(PRS_IS(e, Update) && e->op == PRS_OP_Dec && !has(e, PRS_FLAG_Prefix));
  e = expr(ast, 10);
  CHECK(PRS_IS(e, Unary) && e->op == PRS_OP_Typeof);
  e = expr(ast, 11);
  CHECK(PRS_IS(e, Unary) && e->op == PRS_OP_Not);
  prs_free(ast);
}

// OptionalChain marks where a ?. short-circuits to: it wraps the whole
// chain, and only the link written ?. carries the Optional flag.
static void test_optional_chains(void) {
  PrsAst *ast = parse("a?.b.c; a?.(); a.b?.[c](); (a?.b).c; a?.b?.c;");
  PrsNode *e = expr(ast, 0);
  CHECK(PRS_IS(e, OptionalChain));
  PrsNode *m = e ? PRS_AS(e, OptionalChain)->expr : NULL;
  CHECK(PRS_IS(m, Member) && !has(m, PRS_FLAG_Optional));
  CHECK(m && PRS_AS(m, Member)->name && strcmp(PRS_AS(m, Member)->name->text, "c") == 0);
  PrsNode *in = m ? PRS_AS(m, Member)->object : NULL;
  CHECK(PRS_IS(in, Member) && has(in, PRS_FLAG_Optional));
  CHECK_STR(ident_name(in ? PRS_AS(in, Member)->object : NULL), "a");

  e = expr(ast, 1);
  CHECK(PRS_IS(e, OptionalChain));
  PrsNode *c = e ? PRS_AS(e, OptionalChain)->expr : NULL;
  CHECK(PRS_IS(c, Call) && has(c, PRS_FLAG_Optional));

  e = expr(ast, 2);  // OptionalChain(Call(Index?(Member(a, b), c)))
  CHECK(PRS_IS(e, OptionalChain));
  c = e ? PRS_AS(e, OptionalChain)->expr : NULL;
  CHECK(PRS_IS(c, Call) && !has(c, PRS_FLAG_Optional));
  PrsNode *ix = c ? PRS_AS(c, Call)->callee : NULL;
  CHECK(PRS_IS(ix, Index) && has(ix, PRS_FLAG_Optional));
  CHECK(ix && PRS_IS(PRS_AS(ix, Index)->object, Member) &&
        !has(PRS_AS(ix, Index)->object, PRS_FLAG_Optional));

  // Parentheses end the chain: .c is outside and applies to the result.
  e = expr(ast, 3);
  CHECK(PRS_IS(e, Member) && !has(e, PRS_FLAG_Optional));
  PrsNode *oc = e ? PRS_AS(e, Member)->object : NULL;
  CHECK(PRS_IS(oc, OptionalChain) && has(oc, PRS_FLAG_Parenthesized));

  // Two ?. links in one chain: still a single OptionalChain at the top.
  e = expr(ast, 4);
  CHECK(PRS_IS(e, OptionalChain));
  m = e ? PRS_AS(e, OptionalChain)->expr : NULL;
  CHECK(PRS_IS(m, Member) && has(m, PRS_FLAG_Optional));
  in = m ? PRS_AS(m, Member)->object : NULL;
  CHECK(PRS_IS(in, Member) && has(in, PRS_FLAG_Optional));
  prs_free(ast);
}

/* {==== Scopes ====} */

// var is hoisted to the function scope, let/const stay in their block;
// unreferenced-from-closures variables live in registers.
static void test_scope_hoisting(void) {
  PrsAst *ast = parse("function f(p) { { var v; let l; const k = 1; } var w; }");
  PrsFunction *f = fn(stmt(ast, 0));
  CHECK(f && f->scope && f->scope->kind == PRS_SCOPE_FUNCTION);
  PrsScope *fs = f ? f->scope : NULL;
  PrsVar *v = var_in(fs, "v");
  CHECK(v && v->kind == PRS_VAR_VAR && v->location == PRS_LOC_REGISTER && !v->lexical);
  CHECK(var_in(fs, "w") && var_in(fs, "p") && var_in(fs, "p")->kind == PRS_VAR_PARAM);
  CHECK(var_in(fs, "l") == NULL && var_in(fs, "k") == NULL);
  PrsNode *blk = fbody(f, 0);
  CHECK(PRS_IS(blk, Block) && PRS_AS(blk, Block)->scope);
  PrsScope *bs = PRS_IS(blk, Block) ? PRS_AS(blk, Block)->scope : NULL;
  CHECK(bs && bs->kind == PRS_SCOPE_BLOCK && bs->outer == fs && bs->function == fs);
  PrsVar *l = var_in(bs, "l"), *k = var_in(bs, "k");
  CHECK(l && l->kind == PRS_VAR_LET && l->lexical && l->location == PRS_LOC_REGISTER);
  CHECK(k && k->kind == PRS_VAR_CONST && k->lexical);
  CHECK(var_in(bs, "v") == NULL);
  CHECK(fs && fs->outer == root_scope(ast));
  prs_free(ast);
}

// Variables a closure captures go to the context; the others stay in
// registers. References point at their binding.
static void test_scope_capture(void) {
  PrsAst *ast = parse("function f() { let a = 1, b = 2; return () => a + b2; "
                      "var b2; } ");
  PrsFunction *f = fn(stmt(ast, 0));
  PrsScope *fs = f ? f->scope : NULL;
  PrsVar *a = var_in(fs, "a"), *b = var_in(fs, "b"), *b2 = var_in(fs, "b2");
  CHECK(a && a->captured && a->location == PRS_LOC_CONTEXT);
  CHECK(b && !b->captured && b->location == PRS_LOC_REGISTER);
  CHECK(b2 && b2->captured && b2->location == PRS_LOC_CONTEXT);
  CHECK(a && b2 && a->index != b2->index && a->index < fs->context_slots &&
        b2->index < fs->context_slots);
  CHECK(fs && fs->context_slots == 2);
  PrsIdent *ra = ref(ast, "a");
  CHECK(ra && ra->var == a);
  PrsNode *ret = fbody(f, 1);
  PrsNode *arrow = PRS_IS(ret, Return) ? PRS_AS(ret, Return)->arg : NULL;
  CHECK(PRS_IS(arrow, Function) && has(arrow, PRS_FLAG_Arrow) &&
        has(arrow, PRS_FLAG_ExprBody));
  CHECK(PRS_IS(arrow, Function) && PRS_AS(arrow, Function)->scope &&
        PRS_AS(arrow, Function)->scope->is_arrow);
  prs_free(ast);
}

// Script top level: var/function/let/const/class are all PRS_LOC_GLOBAL;
// unknown names stay unresolved (var == NULL) for a run-time lookup.
static void test_scope_script_globals(void) {
  PrsAst *ast = parse("var g; let h; const c = 1; class K {} function k() { return g + u; }");
  PrsScope *s = root_scope(ast);
  CHECK(s && s->kind == PRS_SCOPE_SCRIPT && s->outer == NULL);
  CHECK(var_in(s, "g") && var_in(s, "g")->location == PRS_LOC_GLOBAL &&
        var_in(s, "g")->kind == PRS_VAR_VAR);
  CHECK(var_in(s, "h") && var_in(s, "h")->location == PRS_LOC_GLOBAL &&
        var_in(s, "h")->lexical);
  CHECK(var_in(s, "c") && var_in(s, "c")->kind == PRS_VAR_CONST);
  CHECK(var_in(s, "K") && var_in(s, "K")->kind == PRS_VAR_CLASS &&
        var_in(s, "K")->location == PRS_LOC_GLOBAL);
  CHECK(var_in(s, "k") && var_in(s, "k")->kind == PRS_VAR_FUNCTION &&
        var_in(s, "k")->location == PRS_LOC_GLOBAL);
  CHECK(s && s->var_count == 5);
  PrsIdent *g = ref(ast, "g"), *u = ref(ast, "u");
  CHECK(g && g->var == var_in(s, "g"));
  CHECK(u && u->var == NULL);
  prs_free(ast);
}

// Modules: top-level bindings live in the module context, imports are
// PRS_LOC_MODULE cells; the module is strict.
static void test_scope_module(void) {
  PrsAst *ast = parse_opt("import {x as xx} from 'm'; import d, * as ns from 'n';"
                          " let y; export function z() { return xx + y; } var w;", true);
  CHECK(ast && PRS_IS(ast->root, Module) && has(ast->root, PRS_FLAG_Strict));
  PrsScope *s = root_scope(ast);
  CHECK(s && s->kind == PRS_SCOPE_MODULE && s->strict);
  PrsVar *xx = var_in(s, "xx"), *d = var_in(s, "d"), *ns = var_in(s, "ns");
  CHECK(xx && xx->kind == PRS_VAR_IMPORT && xx->location == PRS_LOC_MODULE);
  CHECK(d && d->kind == PRS_VAR_IMPORT && d->location == PRS_LOC_MODULE);
  CHECK(ns && ns->kind == PRS_VAR_IMPORT && ns->location == PRS_LOC_MODULE);
  CHECK(var_in(s, "x") == NULL);
  CHECK(var_in(s, "y") && var_in(s, "y")->location == PRS_LOC_CONTEXT);
  CHECK(var_in(s, "z") && var_in(s, "z")->location == PRS_LOC_CONTEXT);
  CHECK(var_in(s, "w") && var_in(s, "w")->location == PRS_LOC_CONTEXT);
  PrsIdent *r = ref(ast, "xx");
  CHECK(r && r->var == xx);
  PrsNode *i0 = stmt(ast, 0);
  CHECK(PRS_IS(i0, Import) && PRS_AS(i0, Import)->source &&
        strcmp(PRS_AS(i0, Import)->source->text, "m") == 0);
  PrsNode *sp = PRS_IS(i0, Import) ? list_at(&PRS_AS(i0, Import)->specifiers, 0) : NULL;
  CHECK(PRS_IS(sp, ImportSpec) && strcmp(PRS_AS(sp, ImportSpec)->imported->text, "x") == 0);
  CHECK_STR(PRS_IS(sp, ImportSpec) ? ident_name(PRS_AS(sp, ImportSpec)->local) : NULL, "xx");
  PrsNode *i1 = stmt(ast, 1);
  PrsNode *sd = PRS_IS(i1, Import) ? list_at(&PRS_AS(i1, Import)->specifiers, 0) : NULL;
  PrsNode *ss = PRS_IS(i1, Import) ? list_at(&PRS_AS(i1, Import)->specifiers, 1) : NULL;
  CHECK(has(sd, PRS_FLAG_Default) && has(ss, PRS_FLAG_Star));
  PrsNode *ex = stmt(ast, 3);
  CHECK(PRS_IS(ex, Export) && fn(ex) && has(&fn(ex)->base, PRS_FLAG_Strict));
  prs_free(ast);
}

// `arguments` inside a non-arrow function creates one implicit binding,
// which arrows share (and therefore capture).
static void test_scope_arguments(void) {
  PrsAst *ast = parse("function f() { return arguments[0]; }"
                      " function g() { return () => arguments; }"
                      " function h(arguments) { return arguments; }"
                      " function k() { return 1; }");
  PrsScope *fs = fn(stmt(ast, 0)) ? fn(stmt(ast, 0))->scope : NULL;
  PrsVar *av = var_in(fs, "arguments");
  CHECK(fs && fs->uses_arguments);
  CHECK(av && av->kind == PRS_VAR_ARGUMENTS && av->location == PRS_LOC_REGISTER);
  PrsIdent *r = ref(ast, "arguments");
  CHECK(r && r->var == av);

  PrsScope *gs = fn(stmt(ast, 1)) ? fn(stmt(ast, 1))->scope : NULL;
  PrsVar *ag = var_in(gs, "arguments");
  CHECK(gs && gs->uses_arguments);
  CHECK(ag && ag->kind == PRS_VAR_ARGUMENTS && ag->captured &&
        ag->location == PRS_LOC_CONTEXT);

  // A parameter named arguments shadows the object: no implicit binding.
  PrsScope *hs = fn(stmt(ast, 2)) ? fn(stmt(ast, 2))->scope : NULL;
  CHECK(var_in(hs, "arguments") && var_in(hs, "arguments")->kind == PRS_VAR_PARAM);

  PrsScope *ks = fn(stmt(ast, 3)) ? fn(stmt(ast, 3))->scope : NULL;
  CHECK(ks && !ks->uses_arguments && var_in(ks, "arguments") == NULL);
  prs_free(ast);
}

// A direct eval can see every name in scope: the Call is flagged, each
// enclosing scope knows, and every visible variable moves to the context.
static void test_scope_direct_eval(void) {
  PrsAst *ast = parse("var top; function f(p) { var a; let b; eval('a');"
                      " function g() { return 1; } }"
                      " function h() { var c; (0, eval)('c'); }");
  PrsFunction *f = fn(stmt(ast, 1));
  PrsScope *fs = f ? f->scope : NULL;
  PrsNode *call = PRS_IS(fbody(f, 2), ExprStmt) ? PRS_AS(fbody(f, 2), ExprStmt)->expr : NULL;
  CHECK(PRS_IS(call, Call) && has(call, PRS_FLAG_DirectEval));
  CHECK(fs && fs->has_direct_eval);
  CHECK(root_scope(ast) && root_scope(ast)->has_direct_eval);
  CHECK(fs && fs->dynamic);  // sloppy eval may add vars here
  CHECK(var_in(fs, "p") && var_in(fs, "p")->location == PRS_LOC_CONTEXT);
  CHECK(var_in(fs, "a") && var_in(fs, "a")->location == PRS_LOC_CONTEXT);
  CHECK(var_in(fs, "b") && var_in(fs, "b")->location == PRS_LOC_CONTEXT);
  CHECK(var_in(fs, "g") && var_in(fs, "g")->location == PRS_LOC_CONTEXT);

  // An indirect eval changes nothing.
  PrsFunction *h = fn(stmt(ast, 2));
  PrsNode *ic = PRS_IS(fbody(h, 1), ExprStmt) ? PRS_AS(fbody(h, 1), ExprStmt)->expr : NULL;
  CHECK(PRS_IS(ic, Call) && !has(ic, PRS_FLAG_DirectEval));
  CHECK(h && h->scope && !h->scope->has_direct_eval);
  CHECK(var_in(h ? h->scope : NULL, "c") &&
        var_in(h->scope, "c")->location == PRS_LOC_REGISTER);
  prs_free(ast);

  // In strict code eval cannot add vars: still direct, not dynamic.
  ast = parse("function f() { 'use strict'; var a; eval('a'); }");
  PrsScope *ss = fn(stmt(ast, 0)) ? fn(stmt(ast, 0))->scope : NULL;
  CHECK(ss && ss->has_direct_eval && ss->strict && !ss->dynamic);
  CHECK(var_in(ss, "a") && var_in(ss, "a")->location == PRS_LOC_CONTEXT);
  prs_free(ast);
}

// Inside `with`, a name may be a property of the object: references are
// left unresolved (var == NULL) and the outer variables go to the context.
static void test_scope_with(void) {
  PrsAst *ast = parse("function f(o) { var a, b; with (o) { a; } b; }");
  PrsFunction *f = fn(stmt(ast, 0));
  PrsScope *fs = f ? f->scope : NULL;
  PrsNode *w = fbody(f, 1);
  CHECK(PRS_IS(w, With) && PRS_AS(w, With)->scope &&
        PRS_AS(w, With)->scope->kind == PRS_SCOPE_WITH &&
        PRS_AS(w, With)->scope->dynamic);
  PrsIdent *ra = ref(ast, "a"), *rb = ref(ast, "b"), *ro = ref(ast, "o");
  CHECK(ra && ra->var == NULL);
  CHECK(rb && rb->var == var_in(fs, "b") && rb->var != NULL);
  CHECK(ro && ro->var == var_in(fs, "o"));
  CHECK(var_in(fs, "a") && var_in(fs, "a")->location == PRS_LOC_CONTEXT);
  prs_free(ast);
}

// HoleCheck tells the generator where a let/const/class may still be in
// its temporal dead zone; it must be set wherever that is possible.
static void test_scope_tdz(void) {
  PrsAst *ast = parse("x; let x; let w = w; function k() { return z; } let z;"
                      " let y = 1; y;");
  PrsNode *e0 = expr(ast, 0);
  CHECK(PRS_IS(e0, Ident) && has(e0, PRS_FLAG_HoleCheck));
  PrsNode *w = init(ast, 2);
  CHECK(PRS_IS(w, Ident) && has(w, PRS_FLAG_HoleCheck));
  CHECK(PRS_IS(w, Ident) && PRS_AS(w, Ident)->var == var_in(root_scope(ast), "w"));
  PrsIdent *z = ref(ast, "z");
  CHECK(z && has(&z->base, PRS_FLAG_HoleCheck));
  PrsNode *y = expr(ast, 6);
  CHECK(PRS_IS(y, Ident) && !has(y, PRS_FLAG_HoleCheck));
  // A binding occurrence is never hole-checked.
  PrsDeclarator *d = decl(stmt(ast, 1), 0);
  CHECK(d && has(d->target, PRS_FLAG_Binding) && !has(d->target, PRS_FLAG_HoleCheck));
  prs_free(ast);
}

// Annex B.3.3: in sloppy code a function declared in a block is also a
// var of the enclosing function; in strict code it is block-scoped only.
static void test_scope_annex_b(void) {
  PrsAst *ast = parse("function f() { { function g() {} } g; }");
  PrsFunction *f = fn(stmt(ast, 0));
  PrsNode *blk = fbody(f, 0);
  PrsNode *g = PRS_IS(blk, Block) ? list_at(&PRS_AS(blk, Block)->body, 0) : NULL;
  CHECK(PRS_IS(g, Function) && has(g, PRS_FLAG_AnnexB) && has(g, PRS_FLAG_Declaration));
  PrsVar *outer = var_in(f ? f->scope : NULL, "g");
  CHECK(outer && outer->kind == PRS_VAR_VAR);
  PrsVar *inner = PRS_IS(blk, Block) ? var_in(PRS_AS(blk, Block)->scope, "g") : NULL;
  CHECK(inner && inner->kind == PRS_VAR_FUNCTION && inner != outer);
  PrsIdent *r = ref(ast, "g");
  CHECK(r && r->var == outer);
  prs_free(ast);

  ast = parse("'use strict'; function f() { { function g() {} } }");
  f = fn(stmt(ast, 1));
  blk = fbody(f, 0);
  g = PRS_IS(blk, Block) ? list_at(&PRS_AS(blk, Block)->body, 0) : NULL;
  CHECK(PRS_IS(g, Function) && !has(g, PRS_FLAG_AnnexB));
  CHECK(f && var_in(f->scope, "g") == NULL);
  prs_free(ast);

  // Not hoisted when it would clash with a let of the same name.
  ast = parse("function f() { let g; { function g() {} } }");
  f = fn(stmt(ast, 0));
  blk = fbody(f, 1);
  g = PRS_IS(blk, Block) ? list_at(&PRS_AS(blk, Block)->body, 0) : NULL;
  CHECK(PRS_IS(g, Function) && !has(g, PRS_FLAG_AnnexB));
  CHECK(f && var_in(f->scope, "g") && var_in(f->scope, "g")->kind == PRS_VAR_LET);
  prs_free(ast);
}

// Strictness decides many early errors and the run-time semantics; it is
// recorded on the root, functions and classes, and their scopes.
static void test_strict(void) {
  PrsAst *ast = parse("'use strict'; function f() {} ");
  CHECK(ast && has(ast->root, PRS_FLAG_Strict));
  CHECK(has(stmt(ast, 0), PRS_FLAG_Directive));
  CHECK(fn(stmt(ast, 1)) && has(stmt(ast, 1), PRS_FLAG_Strict));
  CHECK(root_scope(ast) && root_scope(ast)->strict);
  prs_free(ast);

  ast = parse("function f() { 'use strict'; return function g() {}; } function h() {}"
              " class C { m() {} } x = 'use strict';");
  PrsFunction *f = fn(stmt(ast, 0));
  CHECK(f && has(&f->base, PRS_FLAG_Strict) && has(&f->base, PRS_FLAG_UseStrict));
  CHECK(f && f->scope && f->scope->strict);
  PrsNode *ret = fbody(f, 1);
  PrsNode *g = PRS_IS(ret, Return) ? PRS_AS(ret, Return)->arg : NULL;
  CHECK(PRS_IS(g, Function) && has(g, PRS_FLAG_Strict) && !has(g, PRS_FLAG_UseStrict));
  CHECK(!has(stmt(ast, 1), PRS_FLAG_Strict));  // h is sloppy
  CHECK(!has(ast->root, PRS_FLAG_Strict));
  PrsNode *c = stmt(ast, 2);
  CHECK(PRS_IS(c, Class) && has(c, PRS_FLAG_Strict));
  PrsNode *m = PRS_IS(c, Class) ? list_at(&PRS_AS(c, Class)->members, 0) : NULL;
  CHECK(PRS_IS(m, ClassMember) && PRS_IS(PRS_AS(m, ClassMember)->value, Function) &&
        has(PRS_AS(m, ClassMember)->value, PRS_FLAG_Strict));
  CHECK(!has(stmt(ast, 3), PRS_FLAG_Directive));  // not in a prologue
  prs_free(ast);

  // A directive after another directive still counts; after a statement not.
  ast = parse("'a'; 'use strict'; with (o) {}");
  CHECK(ast == NULL && strstr(err.message, "Strict mode code may not include a with"));
  prs_free(ast);
  ast = parse("x; 'use strict'; with (o) {}");
  CHECK(ast != NULL && !has(ast ? ast->root : NULL, PRS_FLAG_Strict));
  prs_free(ast);

  // PrsOptions.strict starts the script strict.
  PrsOptions opt = {.module = false, .strict = true};
  ast = prs_parse("with (o) {}", 11, &opt, &err);
  CHECK(ast == NULL && strstr(err.message, "Strict mode code may not include a with"));
  ast = prs_parse("x", 1, &opt, &err);
  CHECK(ast && has(ast->root, PRS_FLAG_Strict));
  prs_free(ast);
}

/* {==== Errors ====} */

// Each invalid program is rejected with V8's message at the exact place,
// which is what the user sees in the caret diagnostic.
static void test_errors(void) {
  CHECK(fails("let a;\nlet a;", "Identifier 'a' has already been declared", 2, 5));
  CHECK(fails("let x = 1; var x;", "Identifier 'x' has already been declared", 1, 16));
  CHECK(fails("try {} catch (e) { let e; }", "Identifier 'e' has already been declared", 1, 24));
  CHECK(fails("{ function f(){} let f; }", "Identifier 'f' has already been declared", 1, 22));
  CHECK(fails("break;", "Illegal break statement", 1, 1));
  CHECK(fails("while (1) {\n  continue foo;\n}", "Undefined label 'foo'", 2, 12));
  CHECK(fails("continue;", "Illegal continue statement: no surrounding iteration", 1, 1));
  CHECK(fails("x: x: ;", "Label 'x' has already been declared", 1, 4));
  CHECK(fails("\n\nreturn 1;", "Illegal return statement", 3, 1));
  CHECK(fails("'use strict'; with (a) {}", "Strict mode code may not include a with statement", 1, 15));
  CHECK(fails("'use strict'; var x = 010;", "Octal literals are not allowed in strict mode.", 1, 23));
  CHECK(fails("function f(a, a) { 'use strict'; }", "Duplicate parameter name not allowed", 1, 15));
  CHECK(fails("const c;", "Missing initializer in const declaration", 1, 7));
  CHECK(fails("let [a];", "Missing initializer in destructuring declaration", 1, 5));
  CHECK(fails("class A { constructor(){} constructor(){} }", "A class may only have one constructor", 1, 27));
  CHECK(fails("class A { get constructor(){} }", "Class constructor may not be an accessor", 1, 15));
  CHECK(fails("class A { static prototype(){} }", "Classes may not have a static property named 'prototype'", 1, 18));
  CHECK(fails("(a, ...b,) => 1", "A rest parameter or binding pattern may not have a trailing comma", 1, 9));
  CHECK(fails("new.target", "new.target expression is not allowed here", 1, 1));
  CHECK(fails("class A extends B { foo(){ super(); } }", "'super' keyword unexpected here", 1, 28));
  CHECK(fails("if (1) let x = 1;", "Lexical declaration cannot appear in a single-statement context", 1, 8));
  CHECK(fails("async function f(a = await 1) {}", "Illegal await-expression in formal parameters", 1, 22));
  CHECK(fails("x = -2 ** 2", "Unary operator used immediately before exponentiation", 1, 5));
  CHECK(fails("a?.b = 1", "Invalid left-hand side in assignment", 1, 1));
  CHECK(fails("function f() { 'use strict'; delete x; }", "Delete of an unqualified identifier in strict mode.", 1, 30));
  CHECK(fails("({ __proto__: 1, __proto__: 2 })", "Duplicate __proto__ fields are not allowed", 1, 2));
  CHECK(fails("import.meta", "Cannot use 'import.meta' outside a module", 1, 1));
  CHECK(fails("x = /a/gg", "Invalid regular expression flags", 1, 9));
  CHECK(fails("x = /(/", "Invalid regular expression: /(/: Unterminated group", 1, 6));
  CHECK(fails("let let = 1;", "let is disallowed as a lexically bound name", 1, 5));
  CHECK(fails("class A { #x; #x; }", "Identifier '#x' has already been declared", 1, 15));
  CHECK(fails("this.#y", "Private field '#y' must be declared in an enclosing class", 1, 6));
  CHECK(fails("function* g() { var yield; }", "Unexpected identifier 'yield'", 1, 21));
  CHECK(fails("a\n=>1", "Unexpected token '=>'", 2, 1));
  CHECK(fails("label: function* g(){}", "Generators can only be declared at the top level", 1, 8));
  CHECK(fails("'use strict'; if (1) function f(){}", "In strict mode code, functions can only be declared", 1, 22));
  CHECK(fails("switch (1) { default: default: }", "More than one default clause in switch statement", 1, 23));
  CHECK(fails("function f(a = 1) { 'use strict'; }", "Illegal 'use strict' directive in function with non-simple", 1, 21));
  CHECK(fails("function g() { 'use strict'; var eval; }", "Unexpected eval or arguments in strict mode", 1, 34));
  CHECK(fails("x = { get a(b) {} }", "Getter must not have any formal parameters.", 1, 12));
  CHECK(fails("new a?.b", "Invalid optional chain from new expression", 1, 5));
  CHECK(fails("x = 0_1;", "Numeric separator can not be used after leading 0.", 1, 6));
  CHECK(fails("x = '\\u{110000}';", "Undefined Unicode code-point", 1, 6));
  CHECK(fails("x = `\\01`;", "Octal escape sequences are not allowed in template strings", 1, 6));
  CHECK(fails("var x = 1 +;", "Unexpected token", 1, 11));
  CHECK(fails("f(1, 2", "Unexpected end of input", 1, 7));
  CHECK(fails("/* never closed", "Unexpected end of input", 1, 16));
  CHECK(fails_opt("export { nope };", true, "Export 'nope' is not defined in module", 1, 10));
  CHECK(fails_opt("export let a = 1;\nexport { a };", true, "Duplicate export of 'a'", 2, 10));
}

// DeepJob: parse depth nested array literals on a thread with a 1 GB
// stack (reserved, not committed), as bin/jsvm.c runs the front end.
typedef struct DeepJob {
  size_t depth;
  bool parsed;
  uint32_t elements, line;
  char message[256];
} DeepJob;

static void *parse_deep(void *arg) {
  DeepJob *job = arg;
  char *src = malloc(2 * job->depth + 1);
  if (!src) return NULL;
  memset(src, '[', job->depth);
  memset(src + job->depth, ']', job->depth);
  src[2 * job->depth] = '\0';
  PrsSyntaxError e;
  PrsOptions opt = {0};
  PrsAst *ast = prs_parse(src, 2 * job->depth, &opt, &e);
  free(src);
  job->parsed = ast != NULL;
  if (ast) {
    PrsNode *x = expr(ast, 0);
    job->elements = PRS_IS(x, Array) ? PRS_AS(x, Array)->elements.len : 0;
  } else {
    job->line = e.line;
    memcpy(job->message, e.message, sizeof job->message);
  }
  prs_free(ast);
  return job;
}

static bool on_big_stack(DeepJob *job) {
  pthread_attr_t attr;
  pthread_t t;
  void *res = NULL;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, (size_t)1024 * 1024 * 1024);
  bool ok = pthread_create(&t, &attr, parse_deep, job) == 0 &&
            pthread_join(t, &res) == 0 && res == job;
  pthread_attr_destroy(&attr);
  return ok;
}

// prs_parse never crashes and returns NULL for garbage; empty input is an
// empty program.
static void test_degenerate_inputs(void) {
  PrsAst *ast = parse("");
  CHECK(ast && PRS_IS(ast->root, Script) && body(ast)->len == 0);
  CHECK(ast && root_scope(ast) && root_scope(ast)->var_count == 0);
  prs_free(ast);
  ast = parse_opt("", true);
  CHECK(ast && PRS_IS(ast->root, Module) && body(ast)->len == 0);
  prs_free(ast);

  PrsOptions opt = {0};
  memset(&err, 0, sizeof err);
  ast = prs_parse("\0", 1, &opt, &err);
  CHECK(ast == NULL && err.line == 1 && err.col == 1 && err.message[0]);
  prs_free(ast);

  ast = parse("a;\xFF");
  CHECK(ast == NULL && strstr(err.message, "Invalid UTF-8") && err.offset == 2);
  ast = parse("'\xC3'");  // truncated sequence inside a string
  CHECK(ast == NULL && strstr(err.message, "Invalid UTF-8"));
  ast = parse("\xED\xA0\x80");  // encoded surrogate: not UTF-8
  CHECK(ast == NULL && strstr(err.message, "Invalid UTF-8"));

  ast = parse("}");
  CHECK(ast == NULL && strstr(err.message, "Unexpected token '}'") && err.col == 1);
  ast = parse("   \n  )");
  CHECK(ast == NULL && err.line == 2 && err.col == 3);

  // Absurd nesting: an AST below LOWER_MAX_DEPTH, a clean error above it.
  // Like bin/jsvm.c, this runs the front end on a large thread stack.
  DeepJob ok = {.depth = 100000}, over = {.depth = 300000};
  CHECK(on_big_stack(&ok) && ok.parsed && ok.elements == 1);
#if !defined(__SANITIZE_ADDRESS__)
  // The error unwinds ~90 MB of stack with longjmp, which AddressSanitizer
  // cannot follow (google/sanitizers#189: it aborts in its own CHECK); the
  // plain build and tests/robust cover this input.
  CHECK(on_big_stack(&over) && !over.parsed && over.line == 1 &&
        strstr(over.message, "Maximum nesting depth exceeded"));
#else
  (void)over;
#endif

  // Only a source length decides what is parsed, not a NUL.
  ast = prs_parse("x; y", 2, &opt, &err);
  CHECK(ast && body(ast)->len == 1);
  prs_free(ast);
}

/* {==== Script and module goals ====} */

// import/export and top-level await exist only in modules; in a script
// `await` is an ordinary identifier.
static void test_goals(void) {
  CHECK(fails("import x from 'm';", "Cannot use import statement outside a module", 1, 1));
  CHECK(fails("\nexport const a = 1;", "Cannot use export statement outside a module", 2, 1));
  CHECK(fails("await 1;", "await is only valid in async functions and the top level bodies of modules", 1, 1));
  CHECK(accepts("import x from 'm'; export const a = x;", true));

  PrsAst *ast = parse_opt("await 1;", true);
  CHECK(PRS_IS(expr(ast, 0), Await) && num(PRS_AS(expr(ast, 0), Await)->arg) == 1);
  prs_free(ast);

  ast = parse("var await = 1; await;");
  PrsNode *a = expr(ast, 1);
  CHECK_STR(ident_name(a), "await");
  CHECK(PRS_IS(a, Ident) && PRS_AS(a, Ident)->var == var_in(root_scope(ast), "await"));
  prs_free(ast);
  CHECK(fails_opt("var await = 1;", true, "Unexpected reserved word", 1, 5));
  CHECK(accepts("async function f() { await 1; }", false));
  CHECK(fails_opt("function f() { await 1; }", true, "Unexpected reserved word", 1, 16));

  // Module code is strict: with is out, and so is an octal literal.
  CHECK(fails_opt("with (a) {}", true, "Strict mode code may not include a with statement", 1, 1));
  CHECK(fails_opt("x = 07;", true, "Octal literals are not allowed in strict mode.", 1, 5));

  // export default: the Default flag and the expression.
  ast = parse_opt("export default 42;", true);
  PrsNode *ex = stmt(ast, 0);
  CHECK(PRS_IS(ex, Export) && has(ex, PRS_FLAG_Default));
  CHECK(PRS_IS(ex, Export) && num(PRS_AS(ex, Export)->decl) == 42);
  prs_free(ast);
}

/* {==== API robustness ====} */

// Two parses of one source give two unrelated ASTs; one outlives the other.
static void test_independent_asts(void) {
  const char *src = "let name = 'value'; function f() { return name; }";
  PrsAst *a = parse(src), *b = parse(src);
  CHECK(a && b && a != b && a->root != b->root);
  CHECK(a && b && a->node_count == b->node_count && a->node_count > 0);
  PrsDeclarator *da = decl(stmt(a, 0), 0), *db = decl(stmt(b, 0), 0);
  CHECK(da && db && PRS_AS(da->target, Ident)->name != PRS_AS(db->target, Ident)->name);
  CHECK(root_scope(a) != root_scope(b));
  prs_free(a);
  CHECK_STR(ident_name(db ? db->target : NULL), "name");
  CHECK_STR(str_of(db ? db->init : NULL), "value");
  prs_free(b);
  prs_free(NULL);  // allowed
  CHECK(1);
}

// The AST owns copies of all text: the caller may free the source at once.
static void test_source_freed(void) {
  const char *text = "var \xC3\xA9t\xC3\xA9 = 'caf\\u00e9'; obj.prop; x = `t${1}u`; y = /re/g;";
  size_t n = strlen(text);
  char *src = malloc(n);
  CHECK(src != NULL);
  if (!src) return;
  memcpy(src, text, n);  // not NUL-terminated on purpose
  PrsOptions opt = {0};
  PrsAst *ast = prs_parse(src, n, &opt, &err);
  memset(src, 'Z', n);
  free(src);
  CHECK(ast != NULL);
  PrsDeclarator *d = decl(stmt(ast, 0), 0);
  CHECK_STR(d ? ident_name(d->target) : NULL, "\xC3\xA9t\xC3\xA9");
  CHECK_STR(d ? str_of(d->init) : NULL, "caf\xC3\xA9");
  PrsNode *m = expr(ast, 1);
  CHECK(PRS_IS(m, Member) && strcmp(PRS_AS(m, Member)->name->text, "prop") == 0);
  PrsNode *t = PRS_IS(expr(ast, 2), Assign) ? PRS_AS(expr(ast, 2), Assign)->value : NULL;
  PrsNode *q = PRS_IS(t, Template) ? list_at(&PRS_AS(t, Template)->quasis, 1) : NULL;
  CHECK_STR(PRS_IS(q, TemplatePart) ? PRS_AS(q, TemplatePart)->raw->text : NULL, "u");
  PrsNode *r = PRS_IS(expr(ast, 3), Assign) ? PRS_AS(expr(ast, 3), Assign)->value : NULL;
  CHECK_STR(PRS_IS(r, Regex) ? PRS_AS(r, Regex)->pattern->text : NULL, "re");
  CHECK(var_in(root_scope(ast), "\xC3\xA9t\xC3\xA9") != NULL);
  CHECK(ast && ast->source_len == n);
  prs_free(ast);
}

int main(void) {
  test_positions();
  test_numbers();
  test_strings();
  test_templates();
  test_regex();
  test_operators();
  test_optional_chains();
  test_scope_hoisting();
  test_scope_capture();
  test_scope_script_globals();
  test_scope_module();
  test_scope_arguments();
  test_scope_direct_eval();
  test_scope_with();
  test_scope_tdz();
  test_scope_annex_b();
  test_strict();
  test_errors();
  test_degenerate_inputs();
  test_goals();
  test_independent_asts();
  test_source_freed();
  return check_report(__FILE__);
}
