/*
 * runtime/regexp_parse.c — the RegExp pattern parser: pattern text to the
 * tree of runtime/regexp.h, following ECMA-262 2025 §22.2.1 (and Annex
 * B.1.2 without the u and v flags), with each character class already
 * turned into a set of code points and the i flag folded into it.
 *
 * Invariants:
 *  - The pattern was accepted by the early-error check (prs_regexp_check)
 *    first, so this parser reads only valid syntax; it still checks every
 *    step it takes and reports an internal error instead of reading past
 *    the end or building a wrong tree.
 *  - With u or v the pattern is read as code points (surrogate pairs
 *    joined), without them as code units, as the spec's grammar does.
 *  - Everything allocated belongs to the tree's arena (nodes, strings)
 *    or is registered with it (sets); rx_tree_free releases it all.
 *  - Recursion (groups, nested v-mode classes) is bounded by MAX_DEPTH,
 *    which the early-error check enforces too.
 *  - Class sets under v with i are built in case-folded space (the
 *    spec's MaybeSimpleCaseFolding, complements within the folded
 *    characters); every class set is finally closed under case when i
 *    is in force, so the matcher compares raw characters only.
 */
#include <stdlib.h>
#include <string.h>

#include "runtime/regexp.h"

#define MAX_DEPTH 2600

/* {==== The arena ====} */

typedef struct Chunk {
  struct Chunk *next;
  size_t used, cap;
  max_align_t data[];
} Chunk;

typedef struct Arena {
  Chunk *head;
  RxSet **sets;          /* sets whose ranges must be freed */
  uint32_t nsets, capsets;
} Arena;

// malloc that never returns NULL: the compiler has no way to report
// exhaustion midway, and the VM treats it as fatal anyway.
static void *xmalloc(size_t n) {
  void *p = malloc(n ? n : 1);
  if (!p) abort();
  return p;
}

// Zeroed memory that lives as long as the tree.
static void *arena_alloc(Arena *a, size_t n) {
  n = (n + 15) & ~(size_t)15;
  if (!a->head || a->head->cap - a->head->used < n) {
    size_t cap = n > 16384 ? n : 16384;
    Chunk *c = xmalloc(sizeof *c + cap);
    c->next = a->head;
    c->used = 0;
    c->cap = cap;
    a->head = c;
  }
  void *p = (char *)a->head->data + a->head->used;
  a->head->used += n;
  memset(p, 0, n);
  return p;
}

// A set owned by the tree.
static RxSet *arena_set(Arena *a) {
  RxSet *s = arena_alloc(a, sizeof *s);
  if (a->nsets == a->capsets) {
    a->capsets = a->capsets ? a->capsets * 2 : 16;
    RxSet **n = realloc(a->sets, a->capsets * sizeof *n);
    if (!n) abort();
    a->sets = n;
  }
  a->sets[a->nsets++] = s;
  return s;
}

RxSet *rx_tree_set(RxTree *t) { return arena_set(t->arena); }

// Free the sets' ranges first (their RxSet structs are arena memory),
// then every chunk.
void rx_tree_free(RxTree *t) {
  Arena *a = t->arena;
  if (!a) return;
  for (uint32_t i = 0; i < a->nsets; i++) rx_set_free(a->sets[i]);
  free(a->sets);
  for (Chunk *c = a->head, *next; c; c = next) {
    next = c->next;
    free(c);
  }
  free(a);
  t->arena = NULL;
}

/* {==== Parser state ====} */

typedef struct Parser {
  uint32_t *p;          /* the pattern's characters */
  uint32_t n, pos;
  bool u, v;            /* u or v: code points, strict grammar; v: sets */
  bool named;           /* some group has a name (\k is then a reference) */
  uint8_t fl;           /* RXN_ICASE | RXN_MULTI | RXN_DOTALL in force */
  uint32_t ncaps;       /* capturing groups (the pre-scan counts them) */
  uint32_t next_cap;    /* the number of the next group met */
  uint32_t **names;     /* names[k]: group k's name as code points */
  uint32_t *name_len;
  Arena *arena;
  const char *err;
  unsigned depth;
} Parser;

// The character at pos (or pos + k), -1 past the end. Syntax is ASCII,
// so comparing against a syntax character is always exact.
static int32_t cur(const Parser *P) {
  return P->pos < P->n ? (int32_t)P->p[P->pos] : -1;
}
static int32_t peek(const Parser *P, uint32_t k) {
  return P->pos + k < P->n ? (int32_t)P->p[P->pos + k] : -1;
}

// Record the first internal error; callers unwind with NULL / false.
static void *fail(Parser *P, const char *msg) {
  if (!P->err) P->err = msg;
  return NULL;
}

// The i flag in force here (modifiers change it per group) and the
// largest character: code points with u/v, code units without.
static bool icase(const Parser *P) { return (P->fl & RXN_ICASE) != 0; }
static uint32_t max_char(const Parser *P) { return P->u ? RX_MAX_CP : 0xFFFF; }

// A node carrying the i/m/s flags in force where it was written.
static RxNode *new_node(Parser *P, RxKind kind) {
  RxNode *n = arena_alloc(P->arena, sizeof *n);
  n->kind = (uint8_t)kind;
  n->flags = P->fl;
  return n;
}

static RxNode *char_node(Parser *P, uint32_t c) {
  RxNode *n = new_node(P, RXN_CHAR);
  n->c = c;
  return n;
}

static bool is_digit(int32_t c) { return c >= '0' && c <= '9'; }
static int hex_value(int32_t c) {
  if (is_digit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
static bool is_letter(int32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/* {==== Escapes ====} */

// n hex digits at pos (all or nothing: Annex B's \x1 is "x1").
static bool scan_hex(Parser *P, int n, uint32_t *v) {
  uint32_t x = 0;
  for (int i = 0; i < n; i++) {
    int h = hex_value(peek(P, (uint32_t)i));
    if (h < 0) return false;
    x = x * 16 + (uint32_t)h;
  }
  P->pos += (uint32_t)n;
  *v = x;
  return true;
}

// After "\u": \u{...} and surrogate pairs when `full` (u/v mode, group
// names); false (pos unchanged) when malformed.
static bool unicode_escape(Parser *P, bool full, uint32_t *cp) {
  uint32_t start = P->pos;
  if (full && cur(P) == '{') {
    uint32_t v = 0, nd = 0;
    P->pos++;
    for (int h; (h = hex_value(cur(P))) >= 0; P->pos++, nd++)
      v = v > RX_MAX_CP ? v : v * 16 + (uint32_t)h;
    if (!nd || v > RX_MAX_CP || cur(P) != '}') {
      P->pos = start;
      return false;
    }
    P->pos++;
    *cp = v;
    return true;
  }
  if (!scan_hex(P, 4, cp)) return false;
  // \uLead\uTrail is one code point in u/v mode (§22.2.1.1).
  uint32_t mid = P->pos, lo;
  if (full && *cp >= 0xD800 && *cp <= 0xDBFF && cur(P) == '\\' && peek(P, 1) == 'u') {
    P->pos += 2;
    if (scan_hex(P, 4, &lo) && lo >= 0xDC00 && lo <= 0xDFFF) {
      *cp = 0x10000 + ((*cp - 0xD800) << 10) + (lo - 0xDC00);
      return true;
    }
    P->pos = mid;
  }
  return true;
}

// Annex B LegacyOctalEscapeSequence at pos: up to three digits, < 0400.
static uint32_t legacy_octal(Parser *P) {
  uint32_t v = (uint32_t)(cur(P) - '0');
  P->pos++;
  if (cur(P) >= '0' && cur(P) <= '7') {
    v = v * 8 + (uint32_t)(cur(P) - '0');
    P->pos++;
    if (v < 040 && cur(P) >= '0' && cur(P) <= '7') {
      v = v * 8 + (uint32_t)(cur(P) - '0');
      P->pos++;
    }
  }
  return v;
}

// CharacterEscape (pos after the backslash): the character it stands
// for. in_class selects Annex B's class rules (\c with digits or _).
// Sets *backslash when the escape is Annex B's lone "\" (\c not followed
// by a control letter): the backslash is the character, pos stays on c.
static uint32_t char_escape(Parser *P, bool in_class, bool *backslash) {
  int32_t c = cur(P);
  *backslash = false;
  switch (c) {
    case 'f': P->pos++; return '\f';
    case 'n': P->pos++; return '\n';
    case 'r': P->pos++; return '\r';
    case 't': P->pos++; return '\t';
    case 'v': P->pos++; return '\v';
    case 'c': {
      // \cX is X mod 32; Annex B also takes digits and _ in a class.
      int32_t l = peek(P, 1);
      if (is_letter(l) || (in_class && !P->u && (is_digit(l) || l == '_'))) {
        P->pos += 2;
        return (uint32_t)l % 32;
      }
      *backslash = true;
      return '\\';
    }
    case 'x': {
      uint32_t v;
      P->pos++;
      if (scan_hex(P, 2, &v)) return v;
      return 'x';  // Annex B: an identity escape
    }
    case 'u': {
      uint32_t v;
      P->pos++;
      if (unicode_escape(P, P->u, &v)) return v;
      return 'u';
    }
    case '0':
      // \0 alone is NUL; followed by a digit it is Annex B octal.
      if (!is_digit(peek(P, 1)) || P->u) {
        P->pos++;
        return 0;
      }
      return legacy_octal(P);
    default:
      break;
  }
  // \1-\7 reach here only where they are not backreferences (in a
  // class, or above the group count without u): Annex B octal.
  if (c >= '1' && c <= '7' && !P->u) return legacy_octal(P);
  // Identity escapes: the character itself.
  P->pos++;
  return (uint32_t)c;
}

/* {==== Group names ====} */

// RegExpIdentifierName at pos (after "<") up to ">", as code points into
// a fresh arena buffer; pos ends after ">".
static uint32_t *group_name(Parser *P, uint32_t *len) {
  // The escapes only shrink a name, so its raw length bounds the result.
  uint32_t start = P->pos, cap = 0;
  while (P->pos < P->n && P->p[P->pos] != '>') P->pos++, cap++;
  uint32_t *out = arena_alloc(P->arena, (cap + 1) * sizeof *out);
  P->pos = start;
  uint32_t k = 0;
  while (P->pos < P->n && P->p[P->pos] != '>') {
    uint32_t c = P->p[P->pos++];
    if (c == '\\' && cur(P) == 'u') {
      P->pos++;
      // Names always take the u-mode escapes (\u{...}, joined pairs).
      if (!unicode_escape(P, true, &c)) return fail(P, "bad group name");
    } else if (c >= 0xD800 && c <= 0xDBFF && cur(P) >= 0xDC00 && cur(P) <= 0xDFFF) {
      c = 0x10000 + ((c - 0xD800) << 10) + ((uint32_t)cur(P) - 0xDC00);
      P->pos++;
    }
    out[k++] = c;
  }
  if (cur(P) != '>') return fail(P, "bad group name");
  P->pos++;
  *len = k;
  return out;
}

// Past a character class starting at i ("["), for the pre-scan: nested
// classes count only with v.
static uint32_t skip_class(const Parser *P, uint32_t i) {
  int depth = 0;
  while (i < P->n) {
    uint32_t c = P->p[i++];
    if (c == '\\') i++;
    else if (c == '[' && (P->v || depth == 0)) depth++;
    else if (c == ']' && --depth == 0) break;
  }
  return i;
}

// The pre-scan: count the capturing groups and read their names, since
// \N and \k<name> may refer to groups further on.
static bool prescan(Parser *P) {
  uint32_t cap = 8;
  P->names = arena_alloc(P->arena, cap * sizeof *P->names);
  P->name_len = arena_alloc(P->arena, cap * sizeof *P->name_len);
  // Escapes and classes hold no groups; "(?" opens one only as "(?<name>".
  for (uint32_t i = 0; i < P->n;) {
    uint32_t c = P->p[i];
    if (c == '\\') { i += 2; continue; }
    if (c == '[') { i = skip_class(P, i); continue; }
    i++;
    if (c != '(') continue;
    bool named = i + 1 < P->n && P->p[i] == '?' && P->p[i + 1] == '<' &&
                 i + 2 < P->n && P->p[i + 2] != '=' && P->p[i + 2] != '!';
    if (i < P->n && P->p[i] == '?' && !named) continue;
    if (++P->ncaps >= cap) {
      // Double the name tables (arena memory: the old ones are dropped).
      uint32_t **nn = arena_alloc(P->arena, 2 * cap * sizeof *nn);
      uint32_t *nl = arena_alloc(P->arena, 2 * cap * sizeof *nl);
      memcpy(nn, P->names, cap * sizeof *nn);
      memcpy(nl, P->name_len, cap * sizeof *nl);
      P->names = nn, P->name_len = nl, cap *= 2;
    }
    if (named) {
      P->pos = i + 2;
      P->names[P->ncaps] = group_name(P, &P->name_len[P->ncaps]);
      if (!P->names[P->ncaps]) return false;
      P->named = true;
      i = P->pos;
    }
  }
  P->pos = 0;
  return true;
}

/* {==== Character class escapes ====} */

// WhiteSpace and LineTerminator: the \s set (§22.2.2.9 CharacterClassEscape).
static void add_space(RxSet *s) {
  static const uint32_t ws[] = {0x9, 0xD, 0x20, 0x20, 0xA0, 0xA0, 0x1680, 0x1680,
                                0x2000, 0x200A, 0x2028, 0x2029, 0x202F, 0x202F,
                                0x205F, 0x205F, 0x3000, 0x3000, 0xFEFF, 0xFEFF};
  for (size_t i = 0; i < sizeof ws / sizeof *ws; i += 2) rx_set_add(s, ws[i], ws[i + 1]);
}

// WordCharacters(rer): with u/v and i, also the two characters whose
// folding is a basic word character (U+017F, U+212A).
static void add_word(const Parser *P, RxSet *s) {
  rx_set_add(s, '0', '9');
  rx_set_add(s, 'A', 'Z');
  rx_set_add(s, '_', '_');
  rx_set_add(s, 'a', 'z');
  if (P->u && icase(P)) {
    rx_set_add(s, 0x17F, 0x17F);
    rx_set_add(s, 0x212A, 0x212A);
  }
}

// MaybeSimpleCaseFolding: with v and i, sets live in folded space.
static void maybe_fold(const Parser *P, RxSet *s) {
  if (P->v && icase(P)) rx_set_canonicalize(s);
}

// CharacterComplement(rer, s): within AllCharacters(rer).
static void complement(const Parser *P, RxSet *s) {
  if (P->v && icase(P)) {
    RxSet all;
    rx_set_init(&all);
    rx_set_fold_universe(&all);
    rx_set_subtract(&all, s);
    rx_set_free(s);
    *s = all;
  } else {
    rx_set_invert(s, max_char(P));
  }
}

/* A v-mode class value: characters and strings of two or more (or zero)
 * characters. Strings live in the arena; the array is malloc'd. */
typedef struct RxStr {
  uint32_t len;
  uint32_t *cp;
} RxStr;
typedef struct ClassVal {
  RxSet set;
  RxStr *strs;
  uint32_t nstrs, cap;
} ClassVal;

// ClassVal lifetime: cv_free releases the set and the string array (the
// strings themselves are arena memory).
static void cv_init(ClassVal *cv) {
  rx_set_init(&cv->set);
  cv->strs = NULL;
  cv->nstrs = cv->cap = 0;
}
static void cv_free(ClassVal *cv) {
  rx_set_free(&cv->set);
  free(cv->strs);
  cv_init(cv);
}

// Add a string (folded under v+i); one character goes into the set.
static void cv_add_string(Parser *P, ClassVal *cv, const uint32_t *cp, uint32_t len) {
  if (len == 1) {
    uint32_t c = P->v && icase(P) ? rx_canon(cp[0], true) : cp[0];
    rx_set_add(&cv->set, c, c);
    return;
  }
  if (cv->nstrs == cv->cap) {
    cv->cap = cv->cap ? cv->cap * 2 : 8;
    RxStr *n = realloc(cv->strs, cv->cap * sizeof *n);
    if (!n) abort();
    cv->strs = n;
  }
  uint32_t *copy = arena_alloc(P->arena, (len + 1) * sizeof *copy);
  for (uint32_t i = 0; i < len; i++) copy[i] = icase(P) ? rx_canon(cp[i], true) : cp[i];
  cv->strs[cv->nstrs++] = (RxStr){len, copy};
}

// \p{...} / \P{...} at pos (after the letter): into cv (strings only
// with v). negate: \P.
static bool property_escape(Parser *P, bool negate, ClassVal *cv) {
  // The name is ASCII: copy it out for the table lookups.
  if (cur(P) != '{') return fail(P, "bad property");
  uint32_t start = ++P->pos;
  char buf[96];
  size_t k = 0;
  while (P->pos < P->n && P->p[P->pos] != '}') {
    if (P->p[P->pos] >= 0x80 || k + 1 >= sizeof buf) return fail(P, "bad property");
    buf[k++] = (char)P->p[P->pos++];
  }
  if (cur(P) != '}') return fail(P, "bad property");
  P->pos++;
  (void)start;
  RxSet s;
  rx_set_init(&s);
  // A property of code points, else (v only, never negated) of strings.
  if (!rx_property(buf, k, &s)) {
    RxStrings strs = {0};
    if (negate || !P->v || !rx_string_property(buf, k, &s, &strs)) {
      rx_set_free(&s);
      free(strs.words);
      return fail(P, "Invalid property name");
    }
    for (uint32_t i = 0; i < strs.nwords; i += 1 + strs.words[i])
      cv_add_string(P, cv, strs.words + i + 1, strs.words[i]);
    free(strs.words);
  }
  // \P{X}: CharacterComplement(MaybeSimpleCaseFolding(X)).
  maybe_fold(P, &s);
  if (negate) complement(P, &s);
  rx_set_add_set(&cv->set, &s);
  rx_set_free(&s);
  return true;
}

// CharacterClassEscape (d D s S w W p P) at pos: into cv. False if the
// character at pos is not one.
static bool class_escape(Parser *P, ClassVal *cv, bool *ok) {
  int32_t c = cur(P);
  *ok = true;
  if ((c == 'p' || c == 'P') && P->u) {
    P->pos++;
    *ok = property_escape(P, c == 'P', cv);
    return true;
  }
  RxSet s;
  rx_set_init(&s);
  switch (c) {
    case 'd': case 'D': rx_set_add(&s, '0', '9'); break;
    case 's': case 'S': add_space(&s); break;
    case 'w': case 'W': add_word(P, &s); break;
    default: return false;
  }
  P->pos++;
  // The upper-case escapes are complements of the lower-case sets.
  maybe_fold(P, &s);
  if (c == 'D' || c == 'S' || c == 'W') complement(P, &s);
  rx_set_add_set(&cv->set, &s);
  rx_set_free(&s);
  return true;
}

/* {==== Class strings and the final class node ====} */

// Class strings compare longest first, then by code points: the order
// the spec tries them in (§22.2.2.7 CompileAtom: "descending length").
static int str_cmp(const void *a, const void *b) {
  const RxStr *x = a, *y = b;
  if (x->len != y->len) return x->len > y->len ? -1 : 1;  // longest first
  for (uint32_t i = 0; i < x->len; i++)
    if (x->cp[i] != y->cp[i]) return x->cp[i] < y->cp[i] ? -1 : 1;
  return 0;
}

// Sort (longest first) and drop duplicates, so that the intersection and
// difference below can bisect and the alternatives come out in order.
static void cv_normalize(ClassVal *cv) {
  if (cv->nstrs < 2) return;
  qsort(cv->strs, cv->nstrs, sizeof *cv->strs, str_cmp);
  uint32_t k = 1;
  for (uint32_t i = 1; i < cv->nstrs; i++)
    if (str_cmp(&cv->strs[i], &cv->strs[k - 1])) cv->strs[k++] = cv->strs[i];
  cv->nstrs = k;
}

// Whether cv (normalized) holds string s.
static bool cv_has(const ClassVal *cv, const RxStr *s) {
  return cv->nstrs && bsearch(s, cv->strs, cv->nstrs, sizeof *s, str_cmp);
}

// a &= b (intersect) or a -= b (subtract), strings included.
static void cv_combine(ClassVal *a, ClassVal *b, bool intersect) {
  cv_normalize(a);
  cv_normalize(b);
  if (intersect) rx_set_intersect(&a->set, &b->set);
  else rx_set_subtract(&a->set, &b->set);
  uint32_t k = 0;
  for (uint32_t i = 0; i < a->nstrs; i++)
    if (cv_has(b, &a->strs[i]) == intersect) a->strs[k++] = a->strs[i];
  a->nstrs = k;
}

// a |= b. Strings may repeat until cv_normalize.
static void cv_union(ClassVal *a, ClassVal *b) {
  rx_set_add_set(&a->set, &b->set);
  for (uint32_t i = 0; i < b->nstrs; i++) {
    if (a->nstrs == a->cap) {
      a->cap = a->cap ? a->cap * 2 : 8;
      RxStr *n = realloc(a->strs, a->cap * sizeof *n);
      if (!n) abort();
      a->strs = n;
    }
    a->strs[a->nstrs++] = b->strs[i];
  }
}

// The node for a finished class value: its set (closed under case when
// i), preceded by its strings, longest first, and followed by the empty
// string if it is a member (§22.2.2.7 CompileAtom with v).
static RxNode *class_node(Parser *P, ClassVal *cv) {
  RxNode *set = new_node(P, RXN_SET);
  set->set = arena_set(P->arena);
  *set->set = cv->set;
  rx_set_init(&cv->set);
  if (icase(P)) rx_set_close_case(set->set, P->u);
  if (!cv->nstrs) return set;
  cv_normalize(cv);
  RxNode *alt = new_node(P, RXN_ALT), **tail = &alt->kid;
  bool empty = false;
  for (uint32_t i = 0; i < cv->nstrs; i++) {
    if (!cv->strs[i].len) {
      empty = true;
      continue;
    }
    RxNode *seq = new_node(P, RXN_SEQ), **st = &seq->kid;
    for (uint32_t j = 0; j < cv->strs[i].len; j++) {
      *st = char_node(P, cv->strs[i].cp[j]);
      st = &(*st)->next;
    }
    *tail = seq;
    tail = &seq->next;
  }
  *tail = set;
  tail = &set->next;
  if (empty) *tail = new_node(P, RXN_EMPTY);
  return alt;
}

/* {==== Classes without v ====} */

// One ClassAtom: a character (*c) or a class escape (into cv, *is_set).
// In a class \b is backspace and (with u) \- is "-".
static bool class_atom(Parser *P, ClassVal *cv, uint32_t *c, bool *is_set) {
  *is_set = false;
  uint32_t ch = P->p[P->pos++];
  if (ch != '\\') {
    *c = ch;
    return true;
  }
  if (P->pos >= P->n) return fail(P, "\\ at end of pattern");
  int32_t e = cur(P);
  bool ok, backslash;
  if (e == 'b') {
    P->pos++;
    *c = '\b';
    return true;
  }
  if (e == '-' && P->u) {
    P->pos++;
    *c = '-';
    return true;
  }
  if (class_escape(P, cv, &ok)) {
    *is_set = true;
    return ok;
  }
  // \8 and \9 are identity escapes in a class (Annex B); \1-\7 octal.
  *c = char_escape(P, true, &backslash);
  return true;
}

// NonemptyClassRanges, after "[" or "[^", up to and past "]". A "-"
// makes a range only between two atoms: at either end it is itself.
static bool class_ranges(Parser *P, ClassVal *cv) {
  while (cur(P) != ']') {
    if (P->pos >= P->n) return fail(P, "Unterminated character class");
    uint32_t a, b;
    bool aset, bset;
    if (!class_atom(P, cv, &a, &aset)) return false;
    if (cur(P) == '-' && peek(P, 1) != ']' && peek(P, 1) >= 0) {
      P->pos++;
      if (!class_atom(P, cv, &b, &bset)) return false;
      // Annex B: a range with a class escape at either end is the union
      // of both ends and "-".
      if (aset || bset) {
        if (!aset) rx_set_add(&cv->set, a, a);
        if (!bset) rx_set_add(&cv->set, b, b);
        rx_set_add(&cv->set, '-', '-');
      } else {
        if (a > b) return fail(P, "Range out of order in character class");
        rx_set_add(&cv->set, a, b);
      }
    } else if (!aset) {
      rx_set_add(&cv->set, a, a);
    }
  }
  P->pos++;
  return true;
}

/* {==== Classes with v (set notation) ====} */

static bool class_set_expression(Parser *P, ClassVal *cv);

// ClassSetCharacter at pos, or false (nothing consumed) if pos does not
// start one: the v grammar reserves ( ) [ ] { } / - | unescaped, and a
// few escapes (\d, \p, \q ...) are operands rather than characters.
static bool class_set_char(Parser *P, uint32_t *c) {
  int32_t ch = cur(P);
  if (ch < 0) return false;
  if (ch != '\\') {
    if (strchr("()[]{}/-|", ch) && ch < 0x80) return false;
    P->pos++;
    *c = (uint32_t)ch;
    return true;
  }
  int32_t e = peek(P, 1);
  if (e < 0 || (e < 0x80 && strchr("dDsSwWpPq", e))) return false;
  P->pos++;
  if (e == 'b') {
    P->pos++;
    *c = '\b';
    return true;
  }
  // \ ClassSetReservedPunctuator stands for itself.
  if (e < 0x80 && strchr("&-!#%,:;<=>@`~", e)) {
    P->pos++;
    *c = (uint32_t)e;
    return true;
  }
  bool backslash;
  *c = char_escape(P, true, &backslash);
  return !backslash || fail(P, "Invalid escape");
}

// \q{a|bc|} after "\q": each alternative is a string member of the
// class (one character goes into the set; an empty one is allowed).
static bool class_strings(Parser *P, ClassVal *cv) {
  if (cur(P) != '{') return fail(P, "Invalid escape");
  P->pos++;
  uint32_t *buf = xmalloc((P->n + 1) * sizeof *buf), len = 0;
  for (;;) {
    uint32_t c;
    if (cur(P) == '|' || cur(P) == '}') {
      cv_add_string(P, cv, buf, len);
      len = 0;
      if (P->p[P->pos++] == '}') break;
      continue;
    }
    if (!class_set_char(P, &c)) {
      free(buf);
      return fail(P, "Invalid class string");
    }
    buf[len++] = c;
  }
  free(buf);
  return true;
}

// ClassSetOperand (or, in a union, a ClassSetRange) into cv: a nested
// class (negated within AllCharacters), \q{...}, a class escape, or a
// character or range (folded under i).
static bool class_set_operand(Parser *P, ClassVal *cv, bool allow_range) {
  uint32_t a, b;
  bool ok;
  if (cur(P) == '[') {
    P->pos++;
    if (++P->depth > MAX_DEPTH) return fail(P, "Regular expression too large");
    bool neg = cur(P) == '^';
    if (neg) P->pos++;
    ClassVal inner;
    cv_init(&inner);
    ok = class_set_expression(P, &inner);
    P->depth--;
    if (ok && neg) complement(P, &inner.set);
    if (ok) cv_union(cv, &inner);
    cv_free(&inner);
    return ok;
  }
  if (cur(P) == '\\' && peek(P, 1) == 'q') {
    P->pos += 2;
    return class_strings(P, cv);
  }
  if (cur(P) == '\\') {
    P->pos++;
    if (class_escape(P, cv, &ok)) return ok;
    P->pos--;
  }
  if (!class_set_char(P, &a)) return fail(P, "Invalid set operation in character class");
  if (allow_range && cur(P) == '-' && peek(P, 1) != '-') {
    P->pos++;
    if (!class_set_char(P, &b) || a > b) return fail(P, "Range out of order in character class");
    RxSet r;
    rx_set_init(&r);
    rx_set_add(&r, a, b);
    maybe_fold(P, &r);
    rx_set_add_set(&cv->set, &r);
    rx_set_free(&r);
    return true;
  }
  if (P->v && icase(P)) a = rx_canon(a, true);
  rx_set_add(&cv->set, a, a);
  return true;
}

// ClassSetExpression up to and past "]": a union, or a chain of && or --
// operations (one kind per level, as the grammar requires).
static bool class_set_expression(Parser *P, ClassVal *cv) {
  if (cur(P) == ']') {
    P->pos++;
    return true;
  }
  if (!class_set_operand(P, cv, true)) return false;
  bool inter = cur(P) == '&' && peek(P, 1) == '&';
  bool sub = cur(P) == '-' && peek(P, 1) == '-';
  while (cur(P) != ']') {
    if (P->pos >= P->n) return fail(P, "Unterminated character class");
    ClassVal next;
    cv_init(&next);
    if (inter || sub) {
      // Each operator must be the chain's own.
      if (cur(P) != (inter ? '&' : '-') || peek(P, 1) != cur(P)) {
        cv_free(&next);
        return fail(P, "Invalid set operation in character class");
      }
      P->pos += 2;
    }
    bool ok = class_set_operand(P, &next, !(inter || sub));
    if (ok) {
      if (inter || sub) cv_combine(cv, &next, inter);
      else cv_union(cv, &next);
    }
    cv_free(&next);
    if (!ok) return false;
  }
  P->pos++;
  return true;
}

// A character class at pos ("["): its node. Without v this is
// NonemptyClassRanges; with v a ClassSetExpression.
static RxNode *char_class(Parser *P) {
  P->pos++;
  bool neg = cur(P) == '^';
  if (neg) P->pos++;
  ClassVal cv;
  cv_init(&cv);
  bool ok = P->v ? class_set_expression(P, &cv) : class_ranges(P, &cv);
  if (!ok) {
    cv_free(&cv);
    return NULL;
  }
  if (neg) {
    // Without v, [^...] under i matches what the closed set does not:
    // close first, then invert (CharacterSetMatcher with invert).
    if (!P->v && icase(P)) rx_set_close_case(&cv.set, P->u);
    complement(P, &cv.set);
  }
  // class_node closes the set under case when i; an inverted closed set
  // is already closed (a union of whole case classes), so that is a no-op.
  RxNode *n = class_node(P, &cv);
  cv_free(&cv);
  return n;
}

/* {==== Atoms, terms, alternatives ====} */

static RxNode *disjunction(Parser *P);

// DecimalDigits at pos, saturating at RX_INFINITY - 1.
static uint32_t read_number(Parser *P) {
  uint64_t v = 0;
  while (is_digit(cur(P))) {
    v = v * 10 + (uint64_t)(cur(P) - '0');
    if (v > RX_INFINITY - 1) v = RX_INFINITY - 1;
    P->pos++;
  }
  return (uint32_t)v;
}

// A quantifier at pos: true with its bounds (pos moves past it), or
// false with nothing consumed (an Annex B "{" that is just a character).
static bool quantifier(Parser *P, uint32_t *min, uint32_t *max, bool *greedy) {
  int32_t c = cur(P);
  uint32_t start = P->pos;
  if (c == '*' || c == '+' || c == '?') {
    *min = c == '+';
    *max = c == '?' ? 1 : RX_INFINITY;
    P->pos++;
  } else if (c == '{' && is_digit(peek(P, 1))) {
    P->pos++;
    *min = *max = read_number(P);
    if (cur(P) == ',') {
      P->pos++;
      // {n,} has no upper bound; a huge written bound is as good as none.
      *max = is_digit(cur(P)) ? read_number(P) : RX_INFINITY;
      if (*max == RX_INFINITY - 1) *max = RX_INFINITY;
    }
    if (cur(P) != '}') {
      P->pos = start;
      return false;
    }
    P->pos++;
  } else {
    return false;
  }
  *greedy = cur(P) != '?';
  if (!*greedy) P->pos++;
  return true;
}

// A backreference node to the given groups (several for a duplicated
// name: whichever participated is the one compared).
static RxNode *backref(Parser *P, const uint32_t *groups, uint32_t n) {
  RxNode *b = new_node(P, RXN_BACKREF);
  b->groups = arena_alloc(P->arena, (n ? n : 1) * sizeof *b->groups);
  memcpy(b->groups, groups, n * sizeof *groups);
  b->ngroups = n;
  return b;
}

// \k<name> after "\k": every group of that name (duplicates allowed in
// different alternatives).
static RxNode *named_backref(Parser *P) {
  if (cur(P) != '<') return fail(P, "Invalid named reference");
  P->pos++;
  uint32_t len, n = 0;
  uint32_t *name = group_name(P, &len);
  if (!name) return NULL;
  uint32_t *groups = arena_alloc(P->arena, (P->ncaps + 1) * sizeof *groups);
  for (uint32_t k = 1; k <= P->ncaps; k++)
    if (P->names[k] && P->name_len[k] == len && !memcmp(P->names[k], name, len * sizeof *name))
      groups[n++] = k;
  if (!n) return fail(P, "Invalid named capture referenced");
  return backref(P, groups, n);
}

// AtomEscape (pos after the backslash).
static RxNode *atom_escape(Parser *P) {
  int32_t c = cur(P);
  if (c < 0) return fail(P, "\\ at end of pattern");
  if (c >= '1' && c <= '9') {
    uint32_t start = P->pos, n = read_number(P);
    // Annex B: a number above the group count is an octal or identity
    // escape instead (\8, \9 stand for themselves).
    if (P->u || n <= P->ncaps) return backref(P, &n, 1);
    P->pos = start;
    if (c >= '8') {
      P->pos++;
      return char_node(P, (uint32_t)c);
    }
    return char_node(P, legacy_octal(P));
  }
  if (c == 'k' && (P->u || P->named)) {
    P->pos++;
    return named_backref(P);
  }
  ClassVal cv;
  bool ok, backslash;
  cv_init(&cv);
  if (class_escape(P, &cv, &ok)) {
    RxNode *n = ok ? class_node(P, &cv) : NULL;
    cv_free(&cv);
    return n;
  }
  cv_free(&cv);
  uint32_t ch = char_escape(P, false, &backslash);
  return char_node(P, ch);
}

// Modifiers after "(?": [ims]* [- [ims]*] ":" applied to P->fl (the
// caller restores P->fl after the group). "(?:" is the empty case.
static bool modifiers(Parser *P) {
  bool on = true;
  for (int32_t c; (c = cur(P)) != ':'; P->pos++) {
    uint8_t bit = c == 'i' ? RXN_ICASE : c == 'm' ? RXN_MULTI : c == 's' ? RXN_DOTALL : 0;
    if (c == '-' && on) {
      on = false;
      continue;
    }
    if (!bit) return fail(P, "Invalid group");
    if (on) P->fl |= bit;
    else P->fl &= (uint8_t)~bit;
  }
  P->pos++;
  return true;
}

// A group at pos ("("): its node. *quantifiable is false for lookbehinds
// and, with u/v, lookaheads.
static RxNode *group(Parser *P, bool *quantifiable) {
  if (++P->depth > MAX_DEPTH) return fail(P, "Regular expression too large");
  P->pos++;
  uint8_t saved = P->fl;
  RxNode *n = NULL;
  int32_t c1 = peek(P, 1), c2 = peek(P, 2);
  if (cur(P) == '?' && (c1 == '=' || c1 == '!' || (c1 == '<' && (c2 == '=' || c2 == '!')))) {
    bool behind = c1 == '<';
    n = new_node(P, RXN_LOOK);
    n->flags |= (uint8_t)(behind ? RXN_BEHIND : 0);
    n->flags |= (uint8_t)((behind ? c2 : c1) == '!' ? RXN_NEG : 0);
    P->pos += behind ? 3 : 2;
    *quantifiable = !behind && !P->u;
    if (!(n->kid = disjunction(P))) return NULL;
  } else if (cur(P) == '?' && c1 != '<') {
    // (?:...) and modifier groups are just their contents.
    P->pos++;
    if (!modifiers(P)) return NULL;
    n = disjunction(P);
  } else {
    n = new_node(P, RXN_GROUP);
    n->c = P->next_cap++;
    if (cur(P) == '?') {
      uint32_t len;
      P->pos += 2;
      if (!group_name(P, &len)) return NULL;
    }
    if (!(n->kid = disjunction(P))) return NULL;
  }
  P->fl = saved;
  if (!n) return NULL;
  if (cur(P) != ')') return fail(P, "Unterminated group");
  P->pos++;
  P->depth--;
  return n;
}

// Term: an assertion, or an atom with an optional quantifier. The
// groups the atom opens are [cap_lo, next_cap) (numbered in order of
// their left parentheses), which a quantifier resets per iteration.
static RxNode *term(Parser *P) {
  int32_t c = cur(P);
  uint32_t cap_lo = P->next_cap;
  bool quantifiable = true;
  RxNode *atom;
  if (c == '^' || c == '$') {
    P->pos++;
    return new_node(P, c == '^' ? RXN_BOL : RXN_EOL);
  }
  if (c == '\\' && (peek(P, 1) == 'b' || peek(P, 1) == 'B')) {
    RxNode *b = new_node(P, RXN_WORDB);
    b->flags |= (uint8_t)(peek(P, 1) == 'B' ? RXN_NEG : 0);
    // \b under u/v and i counts U+017F and U+212A as word characters.
    if (!P->u) b->flags &= (uint8_t)~RXN_ICASE;
    P->pos += 2;
    return b;
  }
  if (c == '(') {
    atom = group(P, &quantifiable);
  } else if (c == '.') {
    P->pos++;
    atom = new_node(P, RXN_DOT);
  } else if (c == '[') {
    atom = char_class(P);
  } else if (c == '\\') {
    P->pos++;
    atom = atom_escape(P);
  } else if (c == '*' || c == '+' || c == '?' || c == ')' || c == '|') {
    return fail(P, "Nothing to repeat");
  } else {
    P->pos++;
    atom = char_node(P, (uint32_t)c);
  }
  if (!atom) return NULL;
  uint32_t min, max;
  bool greedy;
  if (!quantifiable || !quantifier(P, &min, &max, &greedy)) return atom;
  RxNode *r = new_node(P, RXN_REPEAT);
  r->c = min;
  r->max = max;
  r->flags |= (uint8_t)(greedy ? RXN_GREEDY : 0);
  r->cap_lo = cap_lo;
  r->cap_hi = P->next_cap;
  r->kid = atom;
  return r;
}

// Alternative: terms up to "|", ")" or the end, as a SEQ (one term
// stays as it is, none is EMPTY).
static RxNode *alternative(Parser *P) {
  RxNode *seq = new_node(P, RXN_SEQ), **tail = &seq->kid;
  uint32_t count = 0;
  while (P->pos < P->n && cur(P) != '|' && cur(P) != ')') {
    RxNode *t = term(P);
    if (!t) return NULL;
    *tail = t;
    tail = &t->next;
    count++;
  }
  if (count == 0) return new_node(P, RXN_EMPTY);
  return count == 1 ? seq->kid : seq;
}

// Disjunction: alternatives separated by "|"; one alternative stays as
// it is, several make an ALT in source order (the order they are tried).
static RxNode *disjunction(Parser *P) {
  RxNode *first = alternative(P);
  if (!first || cur(P) != '|') return first;
  RxNode *alt = new_node(P, RXN_ALT), **tail = &alt->kid;
  *tail = first;
  tail = &first->next;
  while (cur(P) == '|') {
    P->pos++;
    RxNode *a = alternative(P);
    if (!a) return NULL;
    *tail = a;
    tail = &a->next;
  }
  return alt;
}

/* {==== Entry ====} */

// The pattern's characters: code points with u/v, else code units.
static void load_pattern(Parser *P, const uint16_t *units, uint32_t len) {
  P->p = arena_alloc(P->arena, ((size_t)len + 1) * sizeof *P->p);
  uint32_t k = 0;
  for (uint32_t i = 0; i < len; i++) {
    uint32_t c = units[i];
    if (P->u && c >= 0xD800 && c <= 0xDBFF && i + 1 < len && units[i + 1] >= 0xDC00 &&
        units[i + 1] <= 0xDFFF) {
      c = 0x10000 + ((c - 0xD800) << 10) + (units[++i] - 0xDC00u);
    }
    P->p[k++] = c;
  }
  P->n = k;
}

// The group names as UTF-16, into the tree (they become property keys
// of groups objects, which are strings of code units).
static void export_names(Parser *P, RxTree *out) {
  out->names = arena_alloc(P->arena, (P->ncaps + 1) * sizeof *out->names);
  out->name_len = arena_alloc(P->arena, (P->ncaps + 1) * sizeof *out->name_len);
  out->has_names = P->named;
  for (uint32_t k = 1; k <= P->ncaps; k++) {
    if (!P->names[k]) continue;
    uint16_t *u = arena_alloc(P->arena, (2 * P->name_len[k] + 1) * sizeof *u);
    uint32_t n = 0;
    for (uint32_t i = 0; i < P->name_len[k]; i++) {
      uint32_t c = P->names[k][i];
      if (c > 0xFFFF) {
        u[n++] = (uint16_t)(0xD800 + ((c - 0x10000) >> 10));
        u[n++] = (uint16_t)(0xDC00 + ((c - 0x10000) & 0x3FF));
      } else {
        u[n++] = (uint16_t)c;
      }
    }
    out->names[k] = u;
    out->name_len[k] = n;
  }
}

bool rx_parse(const uint16_t *units, uint32_t len, uint32_t flags, RxTree *out,
              const char **err) {
  Parser P;
  memset(&P, 0, sizeof P);
  memset(out, 0, sizeof *out);
  P.v = (flags & RX_FLAG_V) != 0;
  P.u = P.v || (flags & RX_FLAG_U);
  P.fl = (uint8_t)(((flags & RX_FLAG_I) ? RXN_ICASE : 0) | ((flags & RX_FLAG_M) ? RXN_MULTI : 0) |
                   ((flags & RX_FLAG_S) ? RXN_DOTALL : 0));
  P.arena = xmalloc(sizeof *P.arena);
  memset(P.arena, 0, sizeof *P.arena);
  out->arena = P.arena;
  load_pattern(&P, units, len);
  // Groups are counted and named before parsing: \N and \k<name> may
  // come before the group they refer to.
  if (prescan(&P)) {
    P.next_cap = 1;
    out->root = disjunction(&P);
    if (!P.err && P.pos != P.n) fail(&P, "Unmatched ')'");
  }
  if (P.err || !out->root) {
    *err = P.err ? P.err : "Invalid regular expression";
    rx_tree_free(out);
    return false;
  }
  out->ncaps = P.ncaps + 1;
  export_names(&P, out);
  return true;
}
