/*
 * parser/lower.c — the lowering's plumbing and the prs_parse driver:
 * tree-sitter parse, rejection of ERROR/MISSING nodes, the program node,
 * then scope analysis. See lower.h for the invariants.
 */
// mremap is a GNU extension; it must be asked for before any system header.
#define _GNU_SOURCE
#include "parser/lower.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "parser/keywords.h"
#include "parser/literals.h"
#include "parser/scope.h"

/* {==== Errors ====} */

// Line and column (in characters, 1-based) of a byte offset. Only ever
// computed for the one error a parse reports, so a linear scan is fine.
// offset is clamped to len; *line and *col are 1-based. Columns count
// UTF-8 characters (code points), not bytes and not UTF-16 units.
static void locate(const char *src, uint32_t len, uint32_t offset,
                   uint32_t *line, uint32_t *col) {
  uint32_t l = 1, c = 1;
  if (offset > len) offset = len;
  for (uint32_t i = 0; i < offset; i++) {
    unsigned char ch = (unsigned char)src[i];
    // Line terminators: LF, CR (a CRLF pair counts once), U+2028, U+2029.
    bool crlf = ch == '\r' && i + 1 < len && src[i + 1] == '\n';
    bool ls = ch == 0xE2 && i + 2 < len && (unsigned char)src[i + 1] == 0x80 &&
              ((unsigned char)src[i + 2] == 0xA8 || (unsigned char)src[i + 2] == 0xA9);
    // A U+2028/9 counts as a line break only once all three of its bytes
    // lie before offset; otherwise its lead byte counts as a character.
    if (ch == '\n' || (ch == '\r' && !crlf) || (ls && i + 2 < offset)) {
      l++;
      c = 1;
      if (ls) i += 2;
    } else if ((ch & 0xC0) != 0x80) {
      c++;  // count characters, not UTF-8 continuation bytes
    }
  }
  *line = l;
  *col = c;
}

// The one exit of every SyntaxError: fill L->err (message truncated to
// its buffer), then longjmp to prs_parse's setjmp, which frees everything
// (lower.h invariant). Nothing in between runs cleanup code.
static _Noreturn void fail_v(Lower *L, uint32_t offset, const char *fmt,
                             va_list ap) {
  PrsSyntaxError *e = L->err;
  vsnprintf(e->message, sizeof e->message, fmt, ap);
  e->offset = offset;
  locate(L->src, L->len, offset, &e->line, &e->col);
  longjmp(L->fail, 1);
}

// Errors are positioned at the start of n; lower_error_at is for
// positions inside a node (an escape in a name, a token in a string).
void lower_error(Lower *L, TSNode n, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fail_v(L, ts_node_start_byte(n), fmt, ap);
}

void lower_error_at(Lower *L, uint32_t offset, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fail_v(L, offset, fmt, ap);
}

/* {==== Children and nodes ====} */

// The kids stack is mapped directly rather than malloc'd: big blocks
// freed to malloc raise its mmap threshold, after which every parse's
// stack came from the heap and its free made malloc consolidate the
// heap tree-sitter had just filled (6% of a large parse's time).
// Doubles the capacity (4096 kids to begin with). A failure is fatal:
// parsing cannot report out-of-memory as a SyntaxError.
static void grow_kids(Lower *L) {
  size_t old = L->kids_cap * sizeof(Kid);
  size_t cap = L->kids_cap ? L->kids_cap * 2 : 4096;
  void *p = old ? mremap(L->kids, old, cap * sizeof(Kid), MREMAP_MAYMOVE)
                : mmap(NULL, cap * sizeof(Kid), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) {
    fputs("FATAL ERROR: out of memory in the parser\n", stderr);
    exit(70);
  }
  L->kids = p;
  L->kids_cap = (uint32_t)cap;
}

// One pass over n's children onto the kids stack; with `fields`, their
// field names too, which also fills lower_field's cache for n (reading a
// field name costs a lookup per child, so lists that need none skip it).
// Returns the index of the first kid pushed. Kinds come from our symbol
// table (prs_cst_kind), so the rest of the lowering never compares
// tree-sitter's symbol numbers, which change between grammar versions.
static uint32_t gather(Lower *L, TSNode n, bool fields) {
  uint32_t base = L->nkids;
  TSTreeCursor *c = &L->cursor;
  ts_tree_cursor_reset(c, n);
  FieldCache *fc = &L->fields;
  // The cache is filled on the side: a later lower_field(n, ...) answers
  // from it without a second pass (ids alone are not unique, see FieldCache).
  fc->node = fields ? n.id : NULL;
  fc->start = ts_node_start_byte(n);
  fc->count = 0;
  fc->complete = true;
  if (!ts_tree_cursor_goto_first_child(c)) return base;
  do {
    TSNode k = ts_tree_cursor_current_node(c);
    TSSymbol sym = ts_node_symbol(k);
    PrsCst kind = prs_cst_kind(sym);
    // Comments are extras that tree-sitter puts anywhere in the tree; no
    // lowering function wants them as kids.
    if (kind == CST_comment) continue;
    if (kind == CST_html_comment) {
      // Annex B's HTML-like comments exist only in scripts.
      if (L->module) lower_error(L, k, "Unexpected token '<'");
      continue;
    }
    if (L->nkids == L->kids_cap) grow_kids(L);
    Kid *kid = &L->kids[L->nkids++];
    kid->node = k;
    kid->kind = (uint8_t)kind;
    kid->named = prs_cst_named(sym);
    kid->field = fields ? (uint8_t)prs_cst_field(ts_tree_cursor_current_field_id(c)) : FLD_NONE;
    // Unfielded kids stay on the stack but need no cache slot.
    if (kid->field == FLD_NONE) continue;
    if (fc->count < FIELD_CACHE_SIZE) {
      fc->field[fc->count] = kid->field;
      fc->nodes[fc->count++] = k;
    } else {
      fc->complete = false;
    }
  } while (ts_tree_cursor_goto_next_sibling(c));
  return base;
}

// Both return the index of the first kid and leave them until lower_pop.
uint32_t lower_kids(Lower *L, TSNode n) { return gather(L, n, true); }

uint32_t lower_items(Lower *L, TSNode n) { return gather(L, n, false); }

// Field lookups come in runs on one node (left, operator, right), so the
// fields of the last node asked about are kept: one cursor pass answers
// the whole run. Nodes with more fielded children than the cache holds
// are scanned directly.
static void fill_field_cache(Lower *L, TSNode n) {
  FieldCache *fc = &L->fields;
  fc->node = n.id;
  fc->start = ts_node_start_byte(n);
  fc->count = 0;
  fc->complete = true;
  TSTreeCursor *c = &L->cursor;
  ts_tree_cursor_reset(c, n);
  if (!ts_tree_cursor_goto_first_child(c)) return;
  do {
    TSFieldId id = ts_tree_cursor_current_field_id(c);
    if (!id) continue;
    if (fc->count == FIELD_CACHE_SIZE) {
      fc->complete = false;
      return;
    }
    fc->field[fc->count] = (uint8_t)prs_cst_field(id);
    fc->nodes[fc->count++] = ts_tree_cursor_current_node(c);
  } while (ts_tree_cursor_goto_next_sibling(c));
}

// Returns the first child of n in field f, or a null node (check with
// ts_node_is_null). A child in a field is never a comment.
TSNode lower_field(Lower *L, TSNode n, PrsCstField f) {
  FieldCache *fc = &L->fields;
  if (fc->node != n.id || fc->start != ts_node_start_byte(n)) fill_field_cache(L, n);
  for (uint32_t i = 0; i < fc->count; i++)
    if (fc->field[i] == f) return fc->nodes[i];
  // More fielded children than the cache holds: scan the node again.
  if (!fc->complete) {
    TSTreeCursor *c = &L->cursor;
    ts_tree_cursor_reset(c, n);
    if (ts_tree_cursor_goto_first_child(c)) do {
        if (prs_cst_field(ts_tree_cursor_current_field_id(c)) == f)
          return ts_tree_cursor_current_node(c);
      } while (ts_tree_cursor_goto_next_sibling(c));
  }
  TSNode none = LOWER_NULL_NODE;
  return none;
}

// The node spans n's source range and starts with no flags; line and col
// are 1-based, col in bytes (tree-sitter's column), unlike error columns.
PrsNode *lower_new(Lower *L, PrsKind k, TSNode n) {
  PrsNode *node = prs_arena_alloc(&L->ast->arena, prs_kind_info[k].size);
  TSPoint p = ts_node_start_point(n);
  node->kind = (uint8_t)k;
  node->start = ts_node_start_byte(n);
  node->end = ts_node_end_byte(n);
  node->line = p.row + 1;
  node->col = p.column + 1;
  L->ast->node_count++;
  return node;
}

// Items are left for the caller to fill; an empty list has NULL items.
PrsList lower_list(Lower *L, uint32_t len) {
  PrsList l = {NULL, len};
  if (len) l.items = prs_arena_alloc(&L->ast->arena, len * sizeof(PrsNode *));
  return l;
}

// Verbatim: no escape decoding, for names already known to be plain.
// The decoded name must still be a valid IdentifierName (§12.7.1:
// "\u0061wait" is the name await, and an escape cannot produce a
// character outside ID_Start/ID_Continue).
PrsAtom *lower_name(Lower *L, TSNode n, bool *escaped) {
  uint32_t len;
  const char *s = lower_text(L, n, &len);
  *escaped = memchr(s, '\\', len) != NULL;
  // Unescaped names are valid as tree-sitter tokenized them (its
  // identifier classes follow a newer Unicode than Debian's data files, so
  // they are not re-checked); escapes are decoded and checked here.
  if (!*escaped) return prs_atom(&L->ast->atoms, s, len);
  const char *err;
  size_t at;
  uint32_t flags = 0;
  prs_buf_reset(&L->buf);
  if (!prs_lit_identifier(s, len, &L->buf, &flags, &err, &at))
    lower_error_at(L, ts_node_start_byte(n) + (uint32_t)at, "%s", err);
  return prs_atom(&L->ast->atoms, L->buf.data, (uint32_t)L->buf.len);
}

// Private names keep their '#', so `#x` and `x` are different atoms.
PrsAtom *lower_private_name(Lower *L, TSNode n) {
  uint32_t len;
  const char *s = lower_text(L, n, &len);
  if (!memchr(s, '\\', len)) return prs_atom(&L->ast->atoms, s, len);
  // #\u{6F} and #o are one name: decode the part after the '#'.
  const char *err;
  size_t at;
  uint32_t flags = 0;
  prs_buf_reset(&L->buf);
  prs_buf_byte(&L->buf, '#');
  if (!prs_lit_identifier(s + 1, len - 1, &L->buf, &flags, &err, &at))
    lower_error_at(L, ts_node_start_byte(n) + 1 + (uint32_t)at, "%s", err);
  return prs_atom(&L->ast->atoms, L->buf.data, (uint32_t)L->buf.len);
}

// Every recursive lowering entry point (statements, expressions, patterns)
// calls this; LOWER_MAX_DEPTH keeps deep nesting from overflowing the C
// stack, turning it into a SyntaxError like other engines' "too deep".
void lower_enter(Lower *L, TSNode n) {
  if (++L->depth > LOWER_MAX_DEPTH)
    lower_error(L, n, "Maximum nesting depth exceeded");
}

/* {==== tree-sitter's own errors ====} */

// Tagged templates may hold escapes the grammar cannot tokenize (`\u{`):
// the spec makes their cooked value undefined, so tree-sitter's ERROR
// nodes inside a tagged template's text are not errors of ours.
// Returns whether n lies in the text (not a ${} substitution) of a
// template that is the tag's argument, i.e. whose parent is a call.
static bool in_tagged_template(TSNode n) {
  for (TSNode p = ts_node_parent(n); !ts_node_is_null(p); p = ts_node_parent(p)) {
    PrsCst k = lower_kind(p);
    if (k == CST_template_substitution) return false;
    if (k == CST_template_string) {
      TSNode call = ts_node_parent(p);
      return !ts_node_is_null(call) && lower_kind(call) == CST_call_expression;
    }
  }
  return false;
}

// The offset just past the last character that is not white space.
// Used to tell "Unexpected end of input" from an unexpected token.
static uint32_t content_end(Lower *L) {
  uint32_t e = L->len;
  while (e > 0 && (L->src[e - 1] == ' ' || L->src[e - 1] == '\t' ||
                   L->src[e - 1] == '\n' || L->src[e - 1] == '\r'))
    e--;
  return e;
}

// Describe the token where an ERROR starts the way V8 does. An error that
// runs to the end of the text means the program stopped short.
// tree-sitter recovers from errors by skipping tokens (an ERROR node) or
// inventing them (a MISSING node); either way only the position is ours to
// report, so the message is rebuilt from the source text there.
static _Noreturn void report_cst_error(Lower *L, TSNode n) {
  uint32_t at = ts_node_start_byte(n);
  uint32_t end = content_end(L);
  if (ts_node_end_byte(n) >= end && !ts_node_is_missing(n)) {
    // Unless the error is just its last token being unexpected (`a b`).
    TSNode last = n;
    while (ts_node_child_count(last) > 0) last = ts_node_child(last, ts_node_child_count(last) - 1);
    if (ts_node_start_byte(last) != at || ts_node_child_count(n) > 1)
      lower_error_at(L, end, "Unexpected end of input");
  }
  if (ts_node_is_missing(n)) {
    const char *t = ts_node_type(n);
    if (at >= content_end(L)) lower_error_at(L, at, "Unexpected end of input");
    // A missing operand (a named node such as an identifier) is better
    // told as the token that stands where it should have been.
    if (ts_node_is_named(n)) {
      uint32_t p = at;
      while (p < L->len && (L->src[p] == ' ' || L->src[p] == '\t' || L->src[p] == '\n' || L->src[p] == '\r')) p++;
      if (p < L->len) lower_error_at(L, p, "Unexpected token '%c'", L->src[p]);
    }
    lower_error_at(L, at, "missing %s", t);
  }
  // Find the first leaf inside the error to name it.
  // An ERROR node: its first leaf is the first token tree-sitter skipped.
  TSNode leaf = lower_first_leaf(n);
  uint32_t s = ts_node_start_byte(leaf), e = ts_node_end_byte(leaf);
  if (s >= L->len) lower_error_at(L, s, "Unexpected end of input");
  // Keep the quoted token short (a skipped string or template may be long).
  if (e - s > 40 || e <= s) e = s + 1;
  const char *what = ts_node_is_named(leaf) && lower_kind(leaf) == CST_identifier
                         ? "identifier" : "token";
  lower_error_at(L, s, "Unexpected %s '%.*s'", what, (int)(e - s), L->src + s);
}

// Depth-first over the subtrees that contain an error (tree-sitter keeps a
// has_error bit per node), reporting the first in source order.
// Done before lowering, so that lowering never meets ERROR nodes and can
// trust tree-sitter's shape everywhere else.
static void check_cst_errors(Lower *L, TSNode root) {
  if (!ts_node_has_error(root)) return;
  TSTreeCursor c = ts_tree_cursor_new(root);
  bool descend = true;
  for (;;) {
    TSNode n = ts_tree_cursor_current_node(&c);
    // descend is false when the cursor just came back up to n: its subtree
    // has been seen already.
    if (descend && (ts_node_is_error(n) || ts_node_is_missing(n)) &&
        !in_tagged_template(n)) {
      // report_cst_error does not return: free the cursor first.
      ts_tree_cursor_delete(&c);
      report_cst_error(L, n);
    }
    if (descend && ts_node_has_error(n) && ts_tree_cursor_goto_first_child(&c))
      continue;
    if (ts_tree_cursor_goto_next_sibling(&c)) {
      descend = true;
      continue;
    }
    if (!ts_tree_cursor_goto_parent(&c)) break;
    descend = false;
  }
  ts_tree_cursor_delete(&c);
}

/* {==== Template escapes the grammar cannot tokenize ====} */

// The first ERROR leaf whose text starts with a backslash, if any.
static TSNode first_escape_error(Lower *L, TSNode root) {
  TSTreeCursor c = ts_tree_cursor_new(root);
  TSNode found = LOWER_NULL_NODE;
  for (bool down = true;;) {
    TSNode n = ts_tree_cursor_current_node(&c);
    if (down && ts_node_is_error(n) && ts_node_child_count(n) == 0 &&
        ts_node_start_byte(n) < L->len && L->src[ts_node_start_byte(n)] == '\\') {
      found = n;
      break;
    }
    if (down && ts_node_has_error(n) && ts_tree_cursor_goto_first_child(&c)) continue;
    if (ts_tree_cursor_goto_next_sibling(&c)) {
      down = true;
      continue;
    }
    down = false;
    if (!ts_tree_cursor_goto_parent(&c)) break;
  }
  ts_tree_cursor_delete(&c);
  return found;
}

// Whether offset lies in the text of a template literal of tree root.
static bool in_template_text(TSNode root, uint32_t at) {
  for (TSNode n = ts_node_descendant_for_byte_range(root, at, at + 1); !ts_node_is_null(n);
       n = ts_node_parent(n)) {
    PrsCst k = lower_kind(n);
    if (k == CST_template_substitution) return false;
    if (k == CST_template_string) return true;
  }
  return false;
}

// Tagged templates may hold escapes that are invalid (`\xZ`, `\unicode`):
// their cooked value is then undefined. tree-sitter's tokenizer rejects
// them and loses the template. When an error starts at a backslash, blank
// that backslash in tree-sitter's copy of the text and parse again; keep
// the result only if every blanked spot lies in template text (anything
// else was a real error). Text and escapes are always read from the
// original source, where the cooking check rejects untagged templates.
static TSNode patch_template_escapes(Lower *L, TSParser *parser, TSNode root) {
  uint32_t spots[16], count = 0;
  TSNode e;
  while (count < 16 && !ts_node_is_null(e = first_escape_error(L, root))) {
    if (!L->ts_source) {
      L->ts_source = malloc(L->len ? L->len : 1);
      if (!L->ts_source) return root;
      memcpy(L->ts_source, L->src, L->len);
    }
    spots[count] = ts_node_start_byte(e);
    L->ts_source[spots[count++]] = ' ';
    ts_tree_delete(L->tree);
    L->tree = ts_parser_parse_string(parser, NULL, L->ts_source, L->len);
    root = ts_tree_root_node(L->tree);
  }
  bool all_in_templates = true;
  for (uint32_t i = 0; i < count && all_in_templates; i++)
    all_in_templates = in_template_text(root, spots[i]);
  if (all_in_templates) return root;
  // Undo: the original text, and its own (genuine) errors.
  for (uint32_t i = 0; i < count; i++) L->ts_source[spots[i]] = '\\';
  ts_tree_delete(L->tree);
  L->tree = ts_parser_parse_string(parser, NULL, L->ts_source, L->len);
  return ts_tree_root_node(L->tree);
}

/* {==== Source checks ====} */

// The front end works on UTF-8; reject anything else up front so that no
// later stage ever meets a malformed sequence.
// Returns only if all of the text is valid; the error points at the lead
// byte of the first bad sequence.
static void check_utf8(Lower *L) {
  const unsigned char *s = (const unsigned char *)L->src;
  uint32_t i = 0, n = L->len;
  while (i < n) {
    // Eight ASCII bytes at a time: the common case for source code.
    if (i + 8 <= n) {
      uint64_t w;
      memcpy(&w, s + i, 8);
      if (!(w & 0x8080808080808080ull)) {
        i += 8;
        continue;
      }
    }
    if (s[i] < 0x80) {
      i++;
      continue;
    }
    uint32_t need, cp;
    if ((s[i] & 0xE0) == 0xC0) need = 1, cp = s[i] & 0x1F;
    else if ((s[i] & 0xF0) == 0xE0) need = 2, cp = s[i] & 0x0F;
    else if ((s[i] & 0xF8) == 0xF0) need = 3, cp = s[i] & 0x07;
    else lower_error_at(L, i, "Invalid UTF-8 sequence in source text");
    for (uint32_t k = 1; k <= need; k++) {
      if (i + k >= n || (s[i + k] & 0xC0) != 0x80)
        lower_error_at(L, i, "Invalid UTF-8 sequence in source text");
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    // Overlong forms, encoded surrogates and values past U+10FFFF.
    static const uint32_t min_cp[4] = {0, 0x80, 0x800, 0x10000};
    if (cp < min_cp[need] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      lower_error_at(L, i, "Invalid UTF-8 sequence in source text");
    i += need + 1;
  }
}

// tree-sitter's grammar does not treat a lone CR as a line terminator
// (in comments, for ASI). JS does, and wherever a CR may appear its
// meaning is the same as LF's (templates normalise CR to LF; in strings
// only a line continuation may hold one). So tree-sitter gets a copy with
// lone CRs turned into LFs (same length, same offsets), while all text
// keeps coming from the original source.
// Returns the copy (the caller frees it) or NULL when there is no lone CR,
// or when out of memory, in which case tree-sitter parses the original
// and only a lone CR's role as a line break is lost.
static char *normalize_cr(const char *src, uint32_t len) {
  const char *cr = memchr(src, '\r', len);
  // CRLF pairs are fine as they are: copy only for a lone CR.
  while (cr && cr + 1 < src + len && cr[1] == '\n')
    cr = memchr(cr + 2, '\r', (size_t)(src + len - cr - 2));
  if (!cr) return NULL;
  char *copy = malloc(len ? len : 1);
  if (!copy) return NULL;
  memcpy(copy, src, len);
  for (uint32_t i = (uint32_t)(cr - src); i < len; i++)
    if (copy[i] == '\r' && (i + 1 >= len || copy[i + 1] != '\n')) copy[i] = '\n';
  return copy;
}

// U+180E (MONGOLIAN VOWEL SEPARATOR) stopped being white space in
// Unicode 6.3, but tree-sitter still skips it: outside strings, comments,
// templates and regular expressions it is an error.
// Done after check_cst_errors, on the tree: only the node kind at the
// offset tells whether the character is inside a literal or comment.
static void check_mvs(Lower *L, TSNode root) {
  const char *p = L->src, *end = L->src + L->len;
  while ((p = memchr(p, 0xE1, (size_t)(end - p))) != NULL) {
    if (end - p >= 3 && (unsigned char)p[1] == 0xA0 && (unsigned char)p[2] == 0x8E) {
      uint32_t at = (uint32_t)(p - L->src);
      TSNode n = ts_node_descendant_for_byte_range(root, at, at + 3);
      PrsCst k = lower_kind(n);
      if (k != CST_string_fragment && k != CST_comment && k != CST_template_string &&
          k != CST_regex_pattern && k != CST_string && k != CST_html_comment)
        lower_error_at(L, at, "Invalid or unexpected token");
    }
    p++;
  }
}

/* {==== The program ====} */

// Returns the Script or Module node. Module code is always strict
// (§11.2.2); a script is strict under --use-strict or by its directive.
static PrsNode *lower_program(Lower *L, TSNode root) {
  uint32_t base = lower_kids(L, root);
  // A hashbang is a comment that only the first line may hold.
  uint32_t first = base < L->nkids && L->kids[base].kind == CST_hash_bang_line;
  if (first && ts_node_start_byte(L->kids[base].node) != 0)
    lower_error(L, L->kids[base].node, "Invalid or unexpected token");
  lower_pop(L, base);
  // module_item and script_top mark the statements of the top-level list
  // only (see lower_statement): import/export and using declarations care.
  PrsNode *prog;
  if (L->module) {
    PrsModule *m = LOWER_NEW(L, Module, root);
    m->base.flags |= PRS_FLAG_Strict;
    L->module_item = true;
    m->body = lower_body(L, root, first, false);
    L->module_item = false;
    prog = &m->base;
  } else {
    PrsScript *s = LOWER_NEW(L, Script, root);
    TSNode use;
    // The prologue is read first: "use strict" applies to the whole script,
    // statements before it included (§11.2.2).
    if (lower_scan_prologue(L, root, first, &use)) L->top.strict = true;
    L->script_top = true;
    s->body = lower_body(L, root, first, true);
    L->script_top = false;
    if (L->top.strict) s->base.flags |= PRS_FLAG_Strict;
    prog = &s->base;
  }
  return prog;
}

// Zeroes all of L (including the error state and kid stack), so the
// setjmp in prs_parse starts from a known state.
static void lower_init(Lower *L, PrsAst *ast, const char *src, uint32_t len,
                       const PrsOptions *opt, PrsSyntaxError *err) {
  memset(L, 0, sizeof *L);
  L->ast = ast;
  L->src = src;
  L->len = len;
  L->module = opt->module;
  L->eval = opt->eval;
  L->err = err;
  L->top.strict = opt->module || opt->strict;
  // Top-level await is allowed in modules only.
  L->top.is_async = opt->module;
  L->fn = &L->top;
  // Eval code inherits what its caller may use.
  if (opt->eval_new_target) L->top.new_target = true;
  if (opt->eval_super) L->top.super_property = true;
  // Keyword atoms are interned first so that PrsAtom.tag identifies them.
  prs_keywords_intern(&ast->atoms);
}

// The parser's entry point (parser.h). Returns the AST, or NULL with *err
// filled in (or, out of memory, with an empty message). All scratch state
// (tree, cursor, kids, buffers) is freed before returning either way.
PrsAst *prs_parse(const char *source, size_t len, const PrsOptions *opt,
                  PrsSyntaxError *err) {
  prs_cst_init();
  memset(err, 0, sizeof *err);
  PrsAst *ast = calloc(1, sizeof *ast);
  if (!ast) return NULL;
  prs_atoms_init(&ast->atoms, &ast->arena);
  ast->source_len = len;
  Lower L;
  // tree-sitter counts bytes in 32 bits.
  const uint32_t n = len > UINT32_MAX / 2 ? UINT32_MAX / 2 : (uint32_t)len;
  lower_init(&L, ast, source, n, opt, err);
  TSParser *parser = ts_parser_new();
  // A parser per call: no parse state is shared between calls.
  ts_parser_set_language(parser, tree_sitter_javascript());
  // Everything assigned between setjmp and a longjmp lives in L (locals
  // would be indeterminate after the jump, C11 7.13.2.1).
  L.cursor = ts_tree_cursor_new((TSNode)LOWER_NULL_NODE);
  if (setjmp(L.fail) == 0) {
    // Checked inside the setjmp so that the error takes the common path.
    if (len > n) lower_error_at(&L, 0, "Source text too large (limit 2 GB)");
    check_utf8(&L);
    L.ts_source = normalize_cr(source, n);
    L.tree = ts_parser_parse_string(parser, NULL, L.ts_source ? L.ts_source : source, n);
    TSNode root = ts_tree_root_node(L.tree);
    if (lower_patch_attributes(&L, root, &L.ts_source)) {
      // Parse again without the attribute clauses the grammar misses.
      ts_tree_delete(L.tree);
      L.tree = ts_parser_parse_string(parser, NULL, L.ts_source, n);
      root = ts_tree_root_node(L.tree);
    }
    root = patch_template_escapes(&L, parser, root);
    // Order matters: tree-sitter's errors first (the tree cannot be trusted
    // otherwise), then the MVS check, which reads node kinds.
    check_cst_errors(&L, root);
    check_mvs(&L, root);
    ast->root = lower_program(&L, root);
    prs_scope_analyze(&L);
    L.ok = true;
  }
  ts_tree_cursor_delete(&L.cursor);
  free(L.ts_source);
  free(L.patches);
  // kids is an mmap'd region (grow_kids), so munmap rather than free.
  if (L.kids) munmap(L.kids, L.kids_cap * sizeof(Kid));
  prs_buf_free(&L.buf);
  if (L.tree) ts_tree_delete(L.tree);
  ts_parser_delete(parser);
  if (!L.ok) {
    prs_free(ast);
    return NULL;
  }
  return ast;
}

void prs_free(PrsAst *ast) {
  if (!ast) return;
  prs_atoms_free(&ast->atoms);
  prs_arena_free(&ast->arena);
  free(ast);
}
