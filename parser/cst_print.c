/*
 * parser/cst_print.c — dump tree-sitter's tree (jsvm --print-cst), for
 * debugging the lowering: one node a line, indented, with its field name.
 */
#include <stdlib.h>

#include "parser/cst.h"
#include "parser/parser.h"

static void print_node(FILE *out, const char *src, TSTreeCursor *c, int depth) {
  TSNode n = ts_tree_cursor_current_node(c);
  const char *field = ts_tree_cursor_current_field_name(c);
  TSPoint p = ts_node_start_point(n);
  fprintf(out, "%*s%s%s%s%s", depth * 2, "", field ? field : "",
          field ? ": " : "", ts_node_is_named(n) ? "" : "'",
          ts_node_is_missing(n) ? "MISSING " : "");
  fputs(ts_node_type(n), out);
  fprintf(out, " %u:%u", p.row + 1, p.column + 1);
  if (ts_node_child_count(n) == 0 && ts_node_is_named(n)) {
    uint32_t s = ts_node_start_byte(n), e = ts_node_end_byte(n);
    if (e - s > 40) e = s + 40;
    fprintf(out, " `%.*s`", (int)(e - s), src + s);
  }
  fputc('\n', out);
  if (ts_tree_cursor_goto_first_child(c)) {
    do print_node(out, src, c, depth + 1);
    while (ts_tree_cursor_goto_next_sibling(c));
    ts_tree_cursor_goto_parent(c);
  }
}

void prs_print_cst(FILE *out, const char *source, size_t len) {
  TSParser *p = ts_parser_new();
  ts_parser_set_language(p, tree_sitter_javascript());
  TSTree *t = ts_parser_parse_string(p, NULL, source, (uint32_t)len);
  TSTreeCursor c = ts_tree_cursor_new(ts_tree_root_node(t));
  print_node(out, source, &c, 0);
  ts_tree_cursor_delete(&c);
  ts_tree_delete(t);
  ts_parser_delete(p);
}
