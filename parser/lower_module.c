/*
 * parser/lower_module.c — import and export declarations: their AST and
 * the early errors of module items that do not need scopes (placement,
 * string names that are not well-formed Unicode, import attributes).
 * Duplicate exports and exports of undeclared names are checked by the
 * scope pass (scope.c), which knows the module's declarations.
 *
 * tree-sitter-javascript 0.25 does not know every form of import
 * attributes (§16.2.2 WithClause); lower_patch_attributes works around
 * that by blanking such clauses out of the text before a second parse and
 * parsing them here by hand (patched_attributes).
 *
 * Section numbers refer to ECMA-262 2025 (16th edition).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "parser/keywords.h"
#include "parser/literals.h"
#include "parser/lower.h"


// (§16.2 ModuleItem: ImportDeclaration and ExportDeclaration are not
// StatementListItems.) tree-sitter accepts both anywhere, and in scripts;
// `what` is the keyword, for the message. L->module_item is set by the
// caller for a statement directly in the module's body.
// Module items stand only at the top level of a module.
static void check_placement(Lower *L, TSNode n, const char *what) {
  if (!L->module)
    lower_error(L, n, "Cannot use %s statement outside a module", what);
  if (!L->module_item)
    lower_error(L, n, "Unexpected token '%s'", what);
}

// §16.2.1.1: it is a Syntax Error if IsStringWellFormedUnicode of the SV of
// a StringLiteral ModuleExportName is false.
// A string used as a module export name must not hold lone surrogates.
static bool well_formed(const PrsAtom *a) {
  const unsigned char *s = (const unsigned char *)a->text;
  // ED A0..BF is exactly the lead of U+D800..U+DFFF; pairs were joined
  // into one 4-byte sequence when the literal was decoded.
  // WTF-8 encodes a surrogate as ED A0..BF xx.
  for (uint32_t i = 0; i + 1 < a->len; i++)
    if (s[i] == 0xED && s[i + 1] >= 0xA0) return false;
  return true;
}

// An identifier or string naming an export or import.
// *is_string tells the caller which form was used: the grammar allows a
// string only in some positions (ModuleExportName, not ImportedBinding).
static PrsAtom *module_name(Lower *L, TSNode n, bool *is_string) {
  *is_string = lower_kind(n) == CST_string;
  if (!*is_string) {
    // Any IdentifierName is allowed (`export {x as default}`): no reserved
    // word checks here; callers that need them make them.
    bool escaped;
    return lower_name(L, n, &escaped);
  }
  PrsAtom *a = lower_string_value(L, n);
  if (!well_formed(a)) lower_error(L, n, "Invalid module export name: contains unpaired surrogate");
  return a;
}

/* {==== Attribute clauses the grammar misses ====} */

// is_space: the whitespace clause scanning skips (ASCII only: the patched
// clauses come from the same text tree-sitter failed to parse).
static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The `}` closing the clause whose `{` is at `open`; strings may hold
// braces. 0 when unterminated.
// The scan is lexical only: a string is skipped up to its matching quote
// (a backslash escapes the next byte); the `}` found is just past the end
// of what patched_attributes will read.
static uint32_t clause_end(Lower *L, uint32_t open) {
  for (uint32_t i = open + 1; i < L->len; i++) {
    char c = L->src[i];
    if (c == '}') return i + 1;
    if (c != '"' && c != '\'') continue;
    for (i++; i < L->len && L->src[i] != c; i++)
      if (L->src[i] == '\\') i++;
  }
  return 0;
}

// A `with` token that follows a module specifier: the text before it is a
// string literal preceded by `from` or `import`, and `{` follows it.
// On success fills *p and returns true. The scan is textual, on L->src,
// because in a tree with errors tree-sitter may have put the `with`, the
// string and the `{` in different ERROR nodes.
static bool attribute_clause_at(Lower *L, uint32_t with, AttrPatch *p) {
  uint32_t i = with, j = with + 4;
  while (i > 0 && is_space(L->src[i - 1])) i--;
  if (i == 0 || (L->src[i - 1] != '"' && L->src[i - 1] != '\'')) return false;
  char q = L->src[i - 1];
  uint32_t s = i - 1;
  // Back to the opening quote: a quote preceded by a backslash is escaped.
  while (s > 0 && !(L->src[s - 1] == q && (s < 2 || L->src[s - 2] != '\\'))) s--;
  if (s == 0) return false;
  uint32_t k = s - 1;
  while (k > 0 && is_space(L->src[k - 1])) k--;
  // Only the keyword right before the string is checked: the rest of the
  // declaration is left to the second parse.
  bool from = k >= 4 && memcmp(L->src + k - 4, "from", 4) == 0;
  bool import = k >= 6 && memcmp(L->src + k - 6, "import", 6) == 0;
  if (!from && !import) return false;
  while (j < L->len && is_space(L->src[j])) j++;
  if (j >= L->len || L->src[j] != '{') return false;
  p->source_end = i;
  p->with_start = with;
  p->brace = j;
  p->end = clause_end(L, j);
  return p->end != 0;
}

// Called by prs_parse after the first parse. tree-sitter 0.25 rejects some
// valid `with` clauses (after `export ... from`, after a line break, with
// a trailing comma), leaving ERROR nodes. The clauses are blanked
// out (which the grammar then parses as plain imports and exports) and
// L->patches lets lower_attributes find them again by the end offset of
// the module specifier.
bool lower_patch_attributes(Lower *L, TSNode root, char **text) {
  // Scripts have no import declarations; an error-free tree needs no patch.
  if (!L->module || !ts_node_has_error(root)) return false;
  TSTreeCursor c = ts_tree_cursor_new(root);
  bool changed = false;
  // Visit every leaf in order, looking for `with` tokens.
  for (bool down = true;;) {
    if (down && ts_tree_cursor_goto_first_child(&c)) continue;
    TSNode n = ts_tree_cursor_current_node(&c);
    uint32_t len;
    const char *t = lower_text(L, n, &len);
    AttrPatch p;
    if (ts_node_child_count(n) == 0 && len == 4 && memcmp(t, "with", 4) == 0 &&
        attribute_clause_at(L, ts_node_start_byte(n), &p)) {
      // Copy on the first patch only: L->src stays the original text,
      // which positions and patched_attributes read.
      if (!*text) {
        *text = malloc(L->len ? L->len : 1);
        if (!*text) break;
        memcpy(*text, L->src, L->len);
      }
      // Blank the clause, keeping line breaks so positions stay put.
      for (uint32_t i = p.with_start; i < p.end; i++)
        if (!is_space((*text)[i])) (*text)[i] = ' ';
      L->patches = realloc(L->patches, (L->npatches + 1) * sizeof *L->patches);
      if (!L->patches) break;
      L->patches[L->npatches++] = p;
      changed = true;
    }
    // Next leaf: a sibling, else up until a parent has a next sibling.
    if (ts_tree_cursor_goto_next_sibling(&c)) {
      down = true;
      continue;
    }
    down = false;
    if (!ts_tree_cursor_goto_parent(&c)) break;
  }
  ts_tree_cursor_delete(&c);
  return changed;
}

// p comes from lower_patch_attributes, so the braces are balanced and
// strings are closed before p->end; at is the import or export node the
// attributes are positioned by. §16.2.2 (WithClause early errors): it is
// a Syntax Error if two entries have the same key.
// Attributes from the source text of a patched clause: { key: "v", ... }
// with keys written as identifiers or strings, a trailing comma allowed.
static PrsList patched_attributes(Lower *L, TSNode at, const AttrPatch *p) {
  PrsList list = {NULL, 0};
  uint32_t i = p->brace + 1, cap = 0;
  for (;;) {
    while (i < p->end && is_space(L->src[i])) i++;
    if (L->src[i] == '}') return list;
    uint32_t key_start = i;
    PrsAtom *key;
    if (L->src[i] == '"' || L->src[i] == '\'') {
      char q = L->src[i++];
      while (i < p->end && L->src[i] != q) i += L->src[i] == '\\' ? 2 : 1;
      key = lower_string_at(L, key_start, ++i);
    } else {
      while (i < p->end && (isalnum((unsigned char)L->src[i]) || L->src[i] == '_' || L->src[i] == '$')) i++;
      if (i == key_start) lower_error_at(L, i, "Invalid import attribute");
      key = prs_atom(&L->ast->atoms, L->src + key_start, i - key_start);
    }
    while (i < p->end && is_space(L->src[i])) i++;
    if (L->src[i] != ':') lower_error_at(L, i, "Unexpected token");
    for (i++; i < p->end && is_space(L->src[i]);) i++;
    if (L->src[i] != '"' && L->src[i] != '\'') lower_error_at(L, i, "Import attribute value must be a string");
    char q = L->src[i];
    uint32_t vs = i++;
    while (i < p->end && L->src[i] != q) i += L->src[i] == '\\' ? 2 : 1;
    PrsAtom *value = lower_string_at(L, vs, ++i);
    PrsImportAttribute *a = LOWER_NEW(L, ImportAttribute, at);
    a->base.start = key_start;
    a->key = key;
    a->value = value;
    for (uint32_t j = 0; j < list.len; j++)
      if (PRS_AS(list.items[j], ImportAttribute)->key == key)
        lower_error_at(L, key_start, "Import attribute has duplicate key '%s'", key->text);
    if (list.len == cap) {
      // Lists are arena arrays: grow by copying (clauses are tiny).
      PrsList bigger = lower_list(L, cap = cap ? cap * 2 : 4);
      if (list.len) memcpy(bigger.items, list.items, list.len * sizeof(PrsNode *));
      bigger.len = list.len;
      list = bigger;
    }
    list.items[list.len++] = &a->base;
    while (i < p->end && is_space(L->src[i])) i++;
    if (L->src[i] == ',') i++;
    else if (L->src[i] != '}') lower_error_at(L, i, "Unexpected token");
  }
}

// lower_attributes: the attributes of the import or export n, or an empty
// list. A clause tree-sitter could not parse was blanked out; it is found
// by the end of n's module specifier, which blanking does not move.
/* {==== Attributes: with { type: "json" } ====} */

static PrsList lower_attributes(Lower *L, TSNode n) {
  PrsList none = {NULL, 0};
  TSNode source = lower_field(L, n, FLD_source);
  for (uint32_t i = 0; i < L->npatches && !ts_node_is_null(source); i++)
    if (L->patches[i].source_end == ts_node_end_byte(source))
      return patched_attributes(L, n, &L->patches[i]);
  // Otherwise tree-sitter parsed the clause as an import_attribute holding
  // an object literal: only its shape is ours to check.
  uint32_t base = lower_kids(L, n);
  TSNode obj = LOWER_NULL_NODE;
  for (uint32_t i = base; i < L->nkids; i++)
    if (L->kids[i].kind == CST_import_attribute) obj = ts_node_named_child(L->kids[i].node, 0);
  lower_pop(L, base);
  if (ts_node_is_null(obj)) return none;
  base = lower_kids(L, obj);
  uint32_t count = lower_count_named(L, base);
  PrsList list = lower_list(L, count);
  uint32_t out = 0;
  for (uint32_t i = base; i < L->nkids; i++) {
    Kid k = L->kids[i];
    if (is_token(&k)) continue;
    // §16.2.2 WithEntries : AttributeKey : StringLiteral; AttributeKey is
    // an IdentifierName or a StringLiteral. An object literal allows more
    // (computed keys, methods, spreads, other values), so those are errors.
    if (k.kind != CST_pair) lower_error(L, k.node, "Invalid import attribute");
    TSNode key = lower_field(L, k.node, FLD_key);
    TSNode value = lower_field(L, k.node, FLD_value);
    if (lower_kind(value) != CST_string) lower_error(L, value, "Import attribute value must be a string");
    PrsImportAttribute *a = LOWER_NEW(L, ImportAttribute, k.node);
    bool is_string;
    if (lower_kind(key) == CST_string) a->key = lower_string_value(L, key);
    else if (lower_kind(key) == CST_property_identifier) a->key = module_name(L, key, &is_string);
    else lower_error(L, key, "Invalid import attribute key");
    a->value = lower_string_value(L, value);
    // §16.2.2: keys must be distinct (atoms are interned, so comparing
    // pointers compares strings).
    for (uint32_t j = 0; j < out; j++)
      if (PRS_AS(list.items[j], ImportAttribute)->key == a->key)
        lower_error(L, key, "Import attribute has duplicate key '%s'", a->key->text);
    list.items[out++] = &a->base;
  }
  lower_pop(L, base);
  return list;
}

/* {==== import ====} */

// import_binding: one ImportSpecifier. n is the local name node (an
// ImportedBinding, lowered with lower_binding so that the binding rules
// apply, e.g. `await` is reserved in modules); imported is the export name
// (NULL for a namespace import); flags marks default or namespace.
static PrsNode *import_binding(Lower *L, TSNode n, PrsAtom *imported, uint32_t flags) {
  PrsImportSpec *s = LOWER_NEW(L, ImportSpec, n);
  s->base.flags |= flags;
  s->imported = imported;
  s->local = lower_binding(L, n);
  return &s->base;
}

// count_import_bindings: an upper bound on the specifiers of an
// import_clause, for sizing the list. Named children may include comments,
// so the caller trims the list to the count it actually filled.
static uint32_t count_import_bindings(Lower *L, TSNode clause) {
  uint32_t count = 0;
  uint32_t base = lower_kids(L, clause);
  for (uint32_t i = base; i < L->nkids; i++) {
    PrsCst k = L->kids[i].kind;
    if (k == CST_identifier || k == CST_namespace_import) count++;
    if (k == CST_named_imports) count += ts_node_named_child_count(L->kids[i].node);
  }
  lower_pop(L, base);
  return count;
}

// lower_named_imports: `{ a, b as c, "s" as d }`, appended to *list from
// index *out (which is advanced).
static void lower_named_imports(Lower *L, TSNode n, PrsList *list, uint32_t *out) {
  uint32_t base = lower_kids(L, n);
  for (uint32_t i = base; i < L->nkids; i++) {
    if (L->kids[i].kind != CST_import_specifier) continue;
    TSNode spec = L->kids[i].node;
    TSNode name = lower_field(L, spec, FLD_name);
    TSNode alias = lower_field(L, spec, FLD_alias);
    bool is_string;
    PrsAtom *imported = module_name(L, name, &is_string);
    // §16.2.2 ImportSpecifier : ImportedBinding | ModuleExportName as
    // ImportedBinding: a string name needs an alias to bind.
    if (ts_node_is_null(alias)) {
      if (is_string) lower_error(L, name, "Unexpected string");
      alias = name;
    }
    list->items[(*out)++] = import_binding(L, alias, imported, 0);
  }
  lower_pop(L, base);
}

// lower_import: §16.2.2 ImportDeclaration. `import "m"` has no clause;
// otherwise the clause holds a default binding, a namespace import and/or
// named imports, in that order.
PrsNode *lower_import(Lower *L, TSNode n) {
  check_placement(L, n, "import");
  PrsImport *im = LOWER_NEW(L, Import, n);
  im->source = lower_string_value(L, lower_field(L, n, FLD_source));
  im->attributes = lower_attributes(L, n);
  // The clause has no field name in tree-sitter's grammar: find it by kind.
  uint32_t base = lower_kids(L, n);
  TSNode clause = LOWER_NULL_NODE;
  for (uint32_t i = base; i < L->nkids; i++)
    if (L->kids[i].kind == CST_import_clause) clause = L->kids[i].node;
  lower_pop(L, base);
  if (ts_node_is_null(clause)) return &im->base;
  im->specifiers = lower_list(L, count_import_bindings(L, clause));
  uint32_t out = 0;
  // A default import binds the export named "default".
  PrsAtom *default_name = prs_atom(&L->ast->atoms, "default", 7);
  base = lower_kids(L, clause);
  for (uint32_t i = base; i < L->nkids; i++) {
    Kid k = L->kids[i];
    if (k.kind == CST_identifier) {
      im->specifiers.items[out++] = import_binding(L, k.node, default_name, PRS_FLAG_Default);
    } else if (k.kind == CST_namespace_import) {
      TSNode id = ts_node_named_child(k.node, 0);
      im->specifiers.items[out++] = import_binding(L, id, NULL, PRS_FLAG_Star);
    } else if (k.kind == CST_named_imports) {
      lower_named_imports(L, k.node, &im->specifiers, &out);
    }
  }
  lower_pop(L, base);
  im->specifiers.len = out;
  return &im->base;
}

/* {==== export ====} */

// lower_export_clause: `{ a, b as c }`, with or without `from`. ex->source
// must already be set: it changes what the local names may be.
static void lower_export_clause(Lower *L, PrsExport *ex, TSNode clause) {
  uint32_t base = lower_kids(L, clause);
  uint32_t count = 0;
  for (uint32_t i = base; i < L->nkids; i++) count += L->kids[i].kind == CST_export_specifier;
  ex->specifiers = lower_list(L, count);
  uint32_t out = 0;
  for (uint32_t i = base; i < L->nkids; i++) {
    if (L->kids[i].kind != CST_export_specifier) continue;
    TSNode spec = L->kids[i].node;
    TSNode name = lower_field(L, spec, FLD_name);
    TSNode alias = lower_field(L, spec, FLD_alias);
    PrsExportSpec *s = LOWER_NEW(L, ExportSpec, spec);
    bool is_string, alias_string;
    s->local = module_name(L, name, &is_string);
    // (§16.2.3.1: ReferencedBindings of NamedExports may not contain a
    // StringLiteral, and none may be a ReservedWord or one of implements,
    // interface, let, package, private, protected, public, static.)
    // Without `from`, the local side names a binding: no strings, and no
    // reserved words (checked when the scope pass resolves it).
    if (is_string && !ex->source) lower_error(L, name, "Unexpected string");
    if (!is_string && !ex->source) {
      if (s->local->tag == KW_RESERVED || (s->local->tag == KW_AWAIT))
        lower_error(L, name, "Unexpected reserved word");
      if (s->local->tag == KW_STRICT || s->local->tag == KW_LET || s->local->tag == KW_YIELD)
        lower_error(L, name, "Unexpected strict mode reserved word");
    }
    s->exported = ts_node_is_null(alias) ? s->local : module_name(L, alias, &alias_string);
    ex->specifiers.items[out++] = &s->base;
  }
  lower_pop(L, base);
}

// lower_export_default: §16.2.3 `export default` HoistableDeclaration,
// ClassDeclaration or AssignmentExpression. tree-sitter puts a named
// declaration in the declaration field (decl) and anything else in the
// value field (value); exactly one of them is set.
static void lower_export_default(Lower *L, PrsExport *ex, TSNode value, TSNode decl) {
  ex->base.flags |= PRS_FLAG_Default;
  if (!ts_node_is_null(decl)) {
    // Only functions and classes can be default-exported declarations.
    PrsCst dk = lower_kind(decl);
    if (dk != CST_function_declaration && dk != CST_generator_function_declaration &&
        dk != CST_class_declaration)
      lower_error(L, decl, "Unexpected token");
    ex->decl = lower_statement(L, decl);
    return;
  }
  PrsCst k = lower_kind(value);
  // (§16.2.3: the AssignmentExpression alternative has the lookahead
  // restriction ∉ { function, async function, class }.)
  // `export default function () {}()` is a declaration followed by junk:
  // the expression form may not start with function or class.
  TSNode first = lower_first_leaf(value);
  PrsCst fk = lower_kind(first);
  bool starts_decl = fk == CST_T_function || fk == CST_T_class ||
                     (fk == CST_T_async && lower_kind(ts_node_next_sibling(first)) == CST_T_function);
  if (starts_decl && k != CST_function_expression && k != CST_generator_function && k != CST_class)
    lower_error(L, value, "Unexpected token");
  // `export default function () {}` and `class {}` are declarations (they
  // hoist), even when anonymous; tree-sitter calls them expressions.
  if (k == CST_function_expression || k == CST_generator_function || k == CST_class) {
    ex->decl = k == CST_class ? lower_class(L, value) : lower_function(L, value);
    ex->decl->flags |= PRS_FLAG_Declaration;
    return;
  }
  ex->decl = lower_expression(L, value);
}

// lower_export: §16.2.3 ExportDeclaration. tree-sitter's export_statement
// has fields for a declaration, a default value and a source; the other
// parts are told apart by kind. The forms are exclusive, checked in order.
PrsNode *lower_export(Lower *L, TSNode n) {
  check_placement(L, n, "export");
  PrsExport *ex = LOWER_NEW(L, Export, n);
  TSNode source = lower_field(L, n, FLD_source);
  // Attributes belong only to re-exports: `export ... from "m" with {...}`.
  if (!ts_node_is_null(source)) {
    ex->source = lower_string_value(L, source);
    ex->attributes = lower_attributes(L, n);
  }
  TSNode decl = LOWER_NULL_NODE, value = decl, clause = decl, ns = decl;
  bool is_default = false, star = false;
  uint32_t base = lower_kids(L, n);
  for (uint32_t i = base; i < L->nkids; i++) {
    Kid k = L->kids[i];
    if (k.field == FLD_declaration) decl = k.node;
    else if (k.field == FLD_value) value = k.node;
    else if (k.kind == CST_export_clause) clause = k.node;
    else if (k.kind == CST_namespace_export) ns = k.node;
    else if (k.kind == CST_T_default) is_default = true;
    else if (k.kind == CST_T_star) star = true;
    // tree-sitter accepts decorators (a proposal); ECMA-262 2025 has none.
    else if (k.kind == CST_decorator) lower_error(L, k.node, "Decorators are not supported");
  }
  lower_pop(L, base);
  if (is_default) {
    lower_export_default(L, ex, value, decl);
  } else if (!ts_node_is_null(decl)) {
    ex->decl = lower_statement(L, decl);
  } else if (!ts_node_is_null(clause)) {
    lower_export_clause(L, ex, clause);
    // `export * from "m"` (no ns) or `export * as ns from "m"`; the
    // source was read above, and the scope pass resolves the names.
  } else if (!ts_node_is_null(ns) || star) {
    ex->base.flags |= PRS_FLAG_Star;
    if (!ts_node_is_null(ns)) {
      PrsExportSpec *s = LOWER_NEW(L, ExportSpec, ns);
      bool is_string;
      s->exported = module_name(L, ts_node_named_child(ns, 0), &is_string);
      ex->specifiers = lower_list(L, 1);
      ex->specifiers.items[0] = &s->base;
    }
  }
  return &ex->base;
}
