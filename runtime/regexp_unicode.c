/*
 * runtime/regexp_unicode.c — the Unicode data of the RegExp engine:
 * \p{...} property lookups and the two Canonicalize functions of
 * ECMA-262 §22.2.2.7.3 (simple case folding with u/v, the toUppercase
 * rule without), with the case-equivalence classes the compiler closes
 * character sets under.
 *
 * Invariants:
 *  - The data is runtime/regexp_tables.h, generated from the UCD by
 *    tools/gen_regexp_tables.py (it documents the encoding). The same
 *    UCD version feeds the parser's property names, so every name the
 *    early-error check accepts is found here.
 *  - The case tables are decoded once, on first use, into static arrays
 *    (plain numbers, no heap references); they are never freed.
 */
#include <stdlib.h>
#include <string.h>

#include "runtime/regexp.h"

typedef struct RxGcName {
  const char *name;
  uint32_t mask;     /* bits of rx_gc_leaf */
} RxGcName;
typedef struct RxPropName {
  const char *name;
  uint32_t list;     /* index into rx_lists */
} RxPropName;
typedef struct RxStrProp {
  const char *name;
  uint32_t list;     /* the single code point members */
  const char *strings;
} RxStrProp;

#include "runtime/regexp_tables.h"

/* {==== Decoding ====} */

// The value of one base64 character of the tables' alphabet.
static uint32_t b64(char c) {
  if (c >= 'A' && c <= 'Z') return (uint32_t)(c - 'A');
  if (c >= 'a' && c <= 'z') return (uint32_t)(c - 'a' + 26);
  if (c >= '0' && c <= '9') return (uint32_t)(c - '0' + 52);
  return c == '+' ? 62 : 63;
}

// One number: five-bit groups, least significant first; a group with
// bit 5 set has more after it.
static uint32_t varint(const char **p) {
  uint32_t v = 0, shift = 0, d;
  do {
    d = b64(*(*p)++);
    v |= (d & 31) << shift;
    shift += 5;
  } while (d & 32);
  return v;
}

// Signed numbers are stored zigzag: 0, -1, 1, -2 ... as 0, 1, 2, 3 ...
static int32_t unzigzag(uint32_t v) {
  return (v & 1) ? -(int32_t)(v >> 1) - 1 : (int32_t)(v >> 1);
}

// Add rx_lists[idx] to s.
static void add_list(RxSet *s, uint32_t idx) {
  const char *p = rx_lists[idx];
  uint32_t next = 0;
  while (*p) {
    uint32_t lo = next + varint(&p);
    uint32_t hi = lo + varint(&p);
    rx_set_add(s, lo, hi);
    next = hi + 1;
  }
}

/* {==== Case folding ====} */

// A decoded fold table: members of case classes sorted by code point
// (cp/canon), and the same pairs sorted by class (orbit_*).
typedef struct FoldTable {
  uint32_t n;
  uint32_t *cp, *canon;          /* by code point */
  uint32_t *orbit_canon, *orbit_cp;  /* by (canon, code point) */
} FoldTable;

static FoldTable fold_tables[2];   // [0] non-unicode, [1] unicode

// qsort's comparator sees only the indices; the keys they index are
// reached through this (decoding runs once, single-threaded).
static const uint32_t *sort_key;
static int by_key(const void *a, const void *b) {
  uint32_t i = *(const uint32_t *)a, j = *(const uint32_t *)b;
  // Only the class order matters between classes; members by value.
  if (sort_key[2 * i] != sort_key[2 * j]) return sort_key[2 * i] < sort_key[2 * j] ? -1 : 1;
  return sort_key[2 * i + 1] < sort_key[2 * j + 1] ? -1 : 1;
}

// Decode a fold table: count the pairs, then fill both views.
static void decode_fold(FoldTable *t, const char *text) {
  uint32_t n = 0;
  for (const char *p = text; *p;) {
    varint(&p);
    varint(&p);
    n++;
  }
  t->cp = malloc(n * sizeof *t->cp);
  t->canon = malloc(n * sizeof *t->canon);
  t->orbit_canon = malloc(n * sizeof *t->orbit_canon);
  t->orbit_cp = malloc(n * sizeof *t->orbit_cp);
  uint32_t *keys = malloc(2 * n * sizeof *keys), *idx = malloc(n * sizeof *idx);
  if (!t->cp || !t->canon || !t->orbit_canon || !t->orbit_cp || !keys || !idx) abort();
  uint32_t cp = 0;
  const char *p = text;
  for (uint32_t i = 0; i < n; i++) {
    cp += varint(&p);
    t->cp[i] = cp;
    t->canon[i] = (uint32_t)((int32_t)cp + unzigzag(varint(&p)));
    keys[2 * i] = t->canon[i];
    keys[2 * i + 1] = cp;
    idx[i] = i;
  }
  // The class view: sort the pair indices by (canon, code point).
  sort_key = keys;
  qsort(idx, n, sizeof *idx, by_key);
  for (uint32_t i = 0; i < n; i++) {
    t->orbit_canon[i] = keys[2 * idx[i]];
    t->orbit_cp[i] = keys[2 * idx[i] + 1];
  }
  free(keys);
  free(idx);
  t->n = n;
}

// The fold table of one mode, decoded on first use.
static const FoldTable *fold_table(bool unicode) {
  FoldTable *t = &fold_tables[unicode];
  if (!t->cp) decode_fold(t, unicode ? rx_fold_u : rx_fold_nu);
  return t;
}

// Index of c in a sorted array of n, or -1.
static int32_t find(const uint32_t *a, uint32_t n, uint32_t c) {
  uint32_t lo = 0, hi = n;
  while (lo < hi) {
    uint32_t mid = (lo + hi) / 2;
    if (a[mid] < c) lo = mid + 1;
    else hi = mid;
  }
  return lo < n && a[lo] == c ? (int32_t)lo : -1;
}

uint32_t rx_canon(uint32_t c, bool unicode) {
  // ASCII without a table: u folds to lower case, non-u maps to upper.
  if (c < 128) {
    if (unicode) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    return (c >= 'a' && c <= 'z') ? c - 32 : c;
  }
  const FoldTable *t = fold_table(unicode);
  int32_t i = find(t->cp, t->n, c);
  return i < 0 ? c : t->canon[i];
}

int rx_case_orbit(uint32_t c, bool unicode, uint32_t *out, int max) {
  const FoldTable *t = fold_table(unicode);
  uint32_t k = rx_canon(c, unicode);
  int32_t i = find(t->orbit_canon, t->n, k);
  // Not in any class of two or more: the character alone.
  if (i < 0) {
    out[0] = c;
    return 1;
  }
  // find() returns the first pair of the class (lower bound).
  int n = 0;
  for (uint32_t j = (uint32_t)i; j < t->n && t->orbit_canon[j] == k && n < max; j++)
    out[n++] = t->orbit_cp[j];
  return n;
}

void rx_set_close_case(RxSet *s, bool unicode) {
  const FoldTable *t = fold_table(unicode);
  RxSet add;
  rx_set_init(&add);
  // A class joins s when any member is in s; its run in orbit order is
  // [i, j).
  for (uint32_t i = 0, j; i < t->n; i = j) {
    bool hit = false;
    for (j = i; j < t->n && t->orbit_canon[j] == t->orbit_canon[i]; j++)
      hit = hit || rx_set_has(s, t->orbit_cp[j]);
    if (hit)
      for (uint32_t k = i; k < j; k++) rx_set_add(&add, t->orbit_cp[k], t->orbit_cp[k]);
  }
  rx_set_add_set(s, &add);
  rx_set_free(&add);
}

void rx_set_canonicalize(RxSet *s) {
  const FoldTable *t = fold_table(true);
  RxSet add, drop;
  rx_set_init(&add);
  rx_set_init(&drop);
  // Each member that folds elsewhere leaves and brings its folding in.
  for (uint32_t i = 0; i < t->n; i++) {
    if (t->canon[i] == t->cp[i] || !rx_set_has(s, t->cp[i])) continue;
    rx_set_add(&drop, t->cp[i], t->cp[i]);
    rx_set_add(&add, t->canon[i], t->canon[i]);
  }
  rx_set_subtract(s, &drop);
  rx_set_add_set(s, &add);
  rx_set_free(&add);
  rx_set_free(&drop);
}

void rx_set_fold_universe(RxSet *s) {
  const FoldTable *t = fold_table(true);
  RxSet drop;
  rx_set_init(&drop);
  for (uint32_t i = 0; i < t->n; i++)
    if (t->canon[i] != t->cp[i]) rx_set_add(&drop, t->cp[i], t->cp[i]);
  s->n = 0;
  rx_set_add(s, 0, RX_MAX_CP);
  rx_set_subtract(s, &drop);
  rx_set_free(&drop);
}

/* {==== Properties ====} */

// Bisection over a name table of n rows of `size` bytes whose first
// member is the name.
static const void *lookup(const void *rows, size_t n, size_t size, const char *name) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    const char *key = *(const char *const *)((const char *)rows + mid * size);
    int c = strcmp(key, name);
    if (c == 0) return (const char *)rows + mid * size;
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  return NULL;
}

#define LOOKUP(table, name) \
  lookup(table, sizeof table / sizeof *table, sizeof *table, name)

// \p{gc=X}: the union of X's two-letter categories (L is five of them).
static bool add_gc(const char *value, RxSet *s) {
  const RxGcName *g = LOOKUP(rx_gc_names, value);
  if (!g) return false;
  for (uint32_t b = 0; b < sizeof rx_gc_leaf; b++)
    if (g->mask & (1u << b)) add_list(s, rx_gc_leaf[b]);
  return true;
}

// Script, Script_Extensions and binary properties: one list each.
static bool add_named(const RxPropName *p, RxSet *s) {
  if (!p) return false;
  add_list(s, p->list);
  return true;
}

int rx_property(const char *text, size_t len, RxSet *s) {
  char buf[96];
  if (len >= sizeof buf) return 0;
  memcpy(buf, text, len);
  buf[len] = 0;
  char *eq = strchr(buf, '=');
  // A lone name: a General_Category value or a binary property.
  if (!eq) return add_gc(buf, s) || add_named(LOOKUP(rx_bin_names, buf), s);
  *eq = 0;
  const char *value = eq + 1;
  if (!strcmp(buf, "General_Category") || !strcmp(buf, "gc")) return add_gc(value, s);
  if (!strcmp(buf, "Script") || !strcmp(buf, "sc"))
    return add_named(LOOKUP(rx_sc_names, value), s);
  if (!strcmp(buf, "Script_Extensions") || !strcmp(buf, "scx"))
    return add_named(LOOKUP(rx_scx_names, value), s);
  return 0;
}

// Append one word to a growing string list.
static void push_word(RxStrings *out, uint32_t w) {
  if (out->nwords == out->cap) {
    out->cap = out->cap ? out->cap * 2 : 256;
    out->words = realloc(out->words, out->cap * sizeof *out->words);
    if (!out->words) abort();
  }
  out->words[out->nwords++] = w;
}

int rx_string_property(const char *text, size_t len, RxSet *s, RxStrings *out) {
  char buf[64];
  if (len >= sizeof buf) return 0;
  memcpy(buf, text, len);
  buf[len] = 0;
  const RxStrProp *p = LOOKUP(rx_str_names, buf);
  if (!p) return 0;
  add_list(s, p->list);
  // Strings: a length, then code points as deltas from the previous one.
  const char *q = p->strings;
  uint32_t prev = 0;
  while (*q) {
    uint32_t n = varint(&q);
    push_word(out, n);
    for (uint32_t i = 0; i < n; i++) {
      prev = (uint32_t)((int32_t)prev + unzigzag(varint(&q)));
      push_word(out, prev);
    }
  }
  return 1;
}
