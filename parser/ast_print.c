/*
 * parser/ast_print.c — the --print-ast dump. Generic over node kinds: it
 * walks the field descriptors generated from ast_nodes.def, so a new kind
 * or field prints without touching this file.
 *
 * Format, one node a line, children indented by two spaces:
 *   Kind[ op][ Flag...] @line:col[ field=value...]
 *     field: Child ...
 *     list[N]:
 *       Item ...
 * Scopes print as `scope: <kind>[ strict][ eval] { name:kind:location[#i]... }`
 * and a resolved identifier as `-> name:kind:location[#i]` (`-> dynamic`
 * or `-> global?` when resolved at run time).
 */
#include <inttypes.h>

#include "parser/parser.h"
#include "parser/scope.h"

// Atoms are WTF-8: print them quoted, with escapes for control
// characters, quotes, backslashes and lone surrogates.
static void print_atom(FILE *out, const PrsAtom *a) {
  if (!a) {
    fputs("null", out);
    return;
  }
  fputc('"', out);
  const unsigned char *s = (const unsigned char *)a->text;
  for (uint32_t i = 0; i < a->len; i++) {
    unsigned char c = s[i];
    if (c == '"' || c == '\\') fprintf(out, "\\%c", c);
    else if (c == '\n') fputs("\\n", out);
    else if (c < 0x20 || c == 0x7F) fprintf(out, "\\x%02X", c);
    else if (c == 0xED && i + 2 < a->len && s[i + 1] >= 0xA0) {
      unsigned cp = ((c & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
      fprintf(out, "\\u%04X", cp);
      i += 2;
    } else fputc(c, out);
  }
  fputc('"', out);
}

// name:kind:location, plus the slot for the locations that have one
// (globals are found by name, so they have none).
static void print_var(FILE *out, const PrsVar *v) {
  fprintf(out, "%s:%s:%s", v->name->text, prs_var_kind_name[v->kind],
          prs_var_location_name[v->location]);
  if (v->location == PRS_LOC_REGISTER || v->location == PRS_LOC_CONTEXT ||
      v->location == PRS_LOC_MODULE)
    fprintf(out, "#%" PRIu32, v->index);
}

// A scope on one line: its kind, the facts the generator will act on
// (strict, eval, dynamic lookups, arguments, this), then its variables in
// declaration order.
static void print_scope(FILE *out, const PrsScope *s) {
  fprintf(out, "%s", prs_scope_kind_name[s->kind]);
  if (s->strict) fputs(" strict", out);
  if (s->has_direct_eval) fputs(" eval", out);
  if (s->dynamic) fputs(" dynamic", out);
  if (s->uses_arguments) fputs(" arguments", out);
  if (s->uses_this) fputs(" this", out);
  fputs(" {", out);
  for (const PrsVar *v = s->vars; v; v = v->next) {
    fputc(' ', out);
    print_var(out, v);
  }
  fputs(" }", out);
}

static void print_node(FILE *out, const PrsNode *n, int depth);

// Indentation, capped: past 64 levels the depth is printed as a number,
// so absurdly deep programs give output linear in their size.
static void indent(FILE *out, int depth) {
  if (depth <= 64) fprintf(out, "%*s", depth * 2, "");
  else fprintf(out, "[%d] ", depth);
}

// Kind, operator, flags by name, and where the node starts.
static void print_header(FILE *out, const PrsNode *n) {
  fputs(prs_kind_info[n->kind].name, out);
  if (n->op != PRS_OP_None) fprintf(out, " %s", prs_op_text[n->op]);
  for (int f = 0; f < PRS_FLAG_COUNT; f++)
    if (n->flags & (1u << f)) fprintf(out, " %s", prs_flag_name[f]);
  fprintf(out, " @%" PRIu32 ":%" PRIu32, n->line, n->col);
}

// Inline fields (atoms, numbers, resolutions) go on the node's own line.
static void print_inline_fields(FILE *out, const PrsNode *n) {
  for (const PrsField *f = prs_kind_info[n->kind].fields(); f->name; f++) {
    const char *p = (const char *)n + f->offset;
    switch ((PrsFieldKind)f->kind) {
      case PRS_FIELD_ATOM:
        if (!*(PrsAtom *const *)p) break;
        fprintf(out, " %s=", f->name);
        print_atom(out, *(PrsAtom *const *)p);
        break;
      case PRS_FIELD_NUM: fprintf(out, " %s=%.17g", f->name, *(const double *)p); break;
      case PRS_FIELD_VAR:
        if (n->flags & PRS_FLAG_Binding) break;
        fputs(" -> ", out);
        if (*(PrsVar *const *)p) print_var(out, *(PrsVar *const *)p);
        else fputs("unresolved", out);
        break;
      case PRS_FIELD_NODE:
      case PRS_FIELD_LIST:
      case PRS_FIELD_SCOPE:
        break;
    }
  }
}

// Child nodes, lists and scopes each on their own lines, labelled with the
// field name, in the order ast_nodes.def declares the fields.
static void print_children(FILE *out, const PrsNode *n, int depth) {
  for (const PrsField *f = prs_kind_info[n->kind].fields(); f->name; f++) {
    const char *p = (const char *)n + f->offset;
    switch ((PrsFieldKind)f->kind) {
      case PRS_FIELD_NODE:
        if (!*(PrsNode *const *)p) break;
        indent(out, depth);
        fprintf(out, "%s: ", f->name);
        print_node(out, *(PrsNode *const *)p, depth);
        break;
      case PRS_FIELD_LIST: {
        const PrsList *l = (const PrsList *)p;
        if (!l->len) break;
        indent(out, depth);
        fprintf(out, "%s[%" PRIu32 "]:\n", f->name, l->len);
        for (uint32_t i = 0; i < l->len; i++) {
          indent(out, depth + 1);
          print_node(out, l->items[i], depth + 1);
        }
        break;
      }
      case PRS_FIELD_SCOPE:
        if (!*(PrsScope *const *)p) break;
        indent(out, depth);
        fprintf(out, "%s: ", f->name);
        print_scope(out, *(PrsScope *const *)p);
        fputc('\n', out);
        break;
      case PRS_FIELD_ATOM:
      case PRS_FIELD_NUM:
      case PRS_FIELD_VAR:
        break;
    }
  }
}

// The caller has written the indentation (and a field label).
static void print_node(FILE *out, const PrsNode *n, int depth) {
  print_header(out, n);
  print_inline_fields(out, n);
  fputc('\n', out);
  print_children(out, n, depth + 1);
}

void prs_print_ast(FILE *out, const PrsAst *ast) {
  print_node(out, ast->root, 0);
}
