/*
 * runtime/builtins_string_unicode.c — the Unicode algorithms behind
 * String.prototype.toLowerCase/toUpperCase (full, locale-insensitive case
 * mapping with Final_Sigma) and String.prototype.normalize (UAX #15: NFC,
 * NFD, NFKC, NFKD), over the tables of runtime/string_tables.h.
 *
 * Invariants:
 *  - Strings are read as UTF-16: a surrogate pair is one code point, a
 *    lone surrogate is a code point of its own that no table maps (it has
 *    no case, no decomposition and combining class 0), so it comes out
 *    unchanged, as the spec's CodePointAt-based steps require.
 *  - The tables are sorted by code point and read only through the
 *    bisection helpers below; they are const data (no heap references).
 *  - Work buffers of code points are malloc'd and freed before return;
 *    none of them holds a heap pointer, so nothing here needs rooting.
 */
#include <stdlib.h>

#include "runtime/builtins_string.h"

/* {==== Table layouts (filled by the generated header) ====} */

/* count code points start, start+step, ...: each maps to cp + delta. */
typedef struct StrCaseRun {
  uint32_t start;
  uint16_t count;
  uint8_t step;
  int32_t delta;
} StrCaseRun;

/* A full mapping to up to three code points (SpecialCasing.txt). */
typedef struct StrSpecialCase {
  uint32_t cp;
  uint8_t n;
  uint32_t to[3];
} StrSpecialCase;

typedef struct StrRange {
  uint32_t lo, hi;
} StrRange;

typedef struct StrCccRun {
  uint32_t lo, hi;
  uint8_t ccc;
} StrCccRun;

/* cp decomposes into str_decomp_pool[offset .. offset + len). */
typedef struct StrDecomp {
  uint32_t cp;
  uint8_t compat;
  uint8_t len;
  uint16_t offset;
} StrDecomp;

typedef struct StrComp {
  uint32_t first, second, composite;
} StrComp;

#include "runtime/string_tables.h"

#define COUNT(a) (sizeof(a) / sizeof *(a))

/* {==== Lookups ====} */

// The run that could contain cp (the last whose start is <= cp), then the
// stride test: runs of step 2 skip every other code point.
static uint32_t map_simple(const StrCaseRun *t, size_t n, uint32_t cp) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (t[mid].start <= cp) lo = mid + 1;
    else hi = mid;
  }
  if (lo == 0) return cp;
  // Inside the run's span, but only every step-th code point maps.
  const StrCaseRun *r = &t[lo - 1];
  uint32_t off = cp - r->start;
  if (off % r->step || off / r->step >= r->count) return cp;
  return (uint32_t)((int32_t)cp + r->delta);
}

static const StrSpecialCase *find_special(const StrSpecialCase *t, size_t n,
                                          uint32_t cp) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (t[mid].cp == cp) return &t[mid];
    if (t[mid].cp < cp) lo = mid + 1;
    else hi = mid;
  }
  return NULL;
}

static bool in_ranges(const StrRange *t, size_t n, uint32_t cp) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (cp < t[mid].lo) hi = mid;
    else if (cp > t[mid].hi) lo = mid + 1;
    else return true;
  }
  return false;
}

// Canonical_Combining_Class: 0 for everything outside the runs.
static int ccc_of(uint32_t cp) {
  if (cp < 0x300) return 0;  // nothing below U+0300 combines
  size_t lo = 0, hi = COUNT(str_ccc);
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (cp < str_ccc[mid].lo) hi = mid;
    else if (cp > str_ccc[mid].hi) lo = mid + 1;
    else return str_ccc[mid].ccc;
  }
  return 0;
}

static const StrDecomp *find_decomp(uint32_t cp) {
  size_t lo = 0, hi = COUNT(str_decomp);
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (str_decomp[mid].cp == cp) return &str_decomp[mid];
    if (str_decomp[mid].cp < cp) lo = mid + 1;
    else hi = mid;
  }
  return NULL;
}

/* {==== Reading UTF-16 by code point ====} */

static bool is_lead(uint32_t c) { return c >= 0xD800 && c <= 0xDBFF; }
static bool is_trail(uint32_t c) { return c >= 0xDC00 && c <= 0xDFFF; }

// The code point at unit *i (advancing past it): a pair combines, a lone
// surrogate is returned as itself.
static uint32_t next_cp(const JSString *f, uint32_t *i) {
  uint32_t c = js_flat_char(f, (*i)++);
  if (is_lead(c) && *i < f->length) {
    uint32_t d = js_flat_char(f, *i);
    if (is_trail(d)) {
      (*i)++;
      return 0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00);
    }
  }
  return c;
}

// The code point ending just before unit *i (moving *i back over it).
static uint32_t prev_cp(const JSString *f, uint32_t *i) {
  uint32_t c = js_flat_char(f, --(*i));
  if (is_trail(c) && *i > 0) {
    uint32_t d = js_flat_char(f, *i - 1);
    if (is_lead(d)) {
      (*i)--;
      return 0x10000 + ((d - 0xD800) << 10) + (c - 0xDC00);
    }
  }
  return c;
}

/* {==== Case mapping ====} */

// Final_Sigma (Unicode §3.13, table 3-17): before the sigma, a cased
// letter followed by case-ignorable ones only; after it, no such run
// reaching a cased letter. A letter that is both (U+0345 YPOGEGRAMMENI)
// is skipped as case-ignorable, as ICU and V8 do and test262 expects:
// "\u0345\u03A3" lowercases to a non-final sigma.
static bool cased_run(const JSString *f, uint32_t i, bool forward) {
  while (forward ? i < f->length : i > 0) {
    uint32_t cp = forward ? next_cp(f, &i) : prev_cp(f, &i);
    if (!in_ranges(str_case_ignorable, COUNT(str_case_ignorable), cp))
      return in_ranges(str_cased, COUNT(str_cased), cp);
  }
  return false;
}

static bool final_sigma(const JSString *f, uint32_t at, uint32_t after) {
  return cased_run(f, at, false) && !cased_run(f, after, true);
}

// Append the full mapping of the code point cp (ending at unit `after`,
// starting at `at`) to sb.
static void map_cp(JSStrBuf *sb, const JSString *f, uint32_t cp, uint32_t at,
                   uint32_t after, bool upper) {
  if (!upper && cp == 0x3A3) {
    // GREEK CAPITAL LETTER SIGMA: the one conditional, language-
    // insensitive mapping of SpecialCasing.txt.
    js_sb_codepoint(sb, final_sigma(f, at, after) ? 0x3C2 : 0x3C3);
    return;
  }
  const StrSpecialCase *sp =
      upper ? find_special(str_upper_special, COUNT(str_upper_special), cp)
            : find_special(str_lower_special, COUNT(str_lower_special), cp);
  // A full mapping may lengthen the string ('ß' -> "SS").
  if (sp) {
    for (int k = 0; k < sp->n; k++) js_sb_codepoint(sb, sp->to[k]);
    return;
  }
  js_sb_codepoint(sb, upper ? map_simple(str_upper_runs, COUNT(str_upper_runs), cp)
                            : map_simple(str_lower_runs, COUNT(str_lower_runs), cp));
}

// ASCII text maps within ASCII one unit at a time; most strings are
// ASCII, so they skip the tables entirely.
static JSValue case_ascii(JSVM *vm, JSValue s, const JSString *f, bool upper) {
  JSString *r = js_string_alloc(vm, f->length, false);
  for (uint32_t i = 0; i < f->length; i++) {
    uint8_t c = f->u.c8[i];
    if (upper && c >= 'a' && c <= 'z') c -= 32;
    if (!upper && c >= 'A' && c <= 'Z') c += 32;
    r->u.c8[i] = c;
  }
  return js_val(r);
}

JSValue js_string_case(JSVM *vm, JSValue s, bool upper) {
  JSString *f = js_string_flat(vm, js_str(s));
  bool ascii = !(f->flags & JS_STR_TWO_BYTE);
  for (uint32_t i = 0; ascii && i < f->length; i++) ascii = f->u.c8[i] < 0x80;
  if (f->length == 0) return s;
  if (ascii) return case_ascii(vm, s, f, upper);
  // The general path: code point by code point through the tables. f
  // stays pinned (a C local) while the builder allocates.
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  for (uint32_t i = 0; i < f->length;) {
    uint32_t at = i;
    uint32_t cp = next_cp(f, &i);
    map_cp(&sb, f, cp, at, i, upper);
  }
  return js_sb_finish(&sb);
}

/* {==== Normalization (UAX #15) ====} */

// Hangul syllables decompose and compose by arithmetic (Unicode §3.12).
enum {
  SBASE = 0xAC00, LBASE = 0x1100, VBASE = 0x1161, TBASE = 0x11A7,
  LCOUNT = 19, VCOUNT = 21, TCOUNT = 28, NCOUNT = VCOUNT * TCOUNT,
  SCOUNT = LCOUNT * NCOUNT,
};

// A growable array of code points; `failed` once it would exceed the
// longest string (every code point is at least one unit).
typedef struct CpBuf {
  uint32_t *v;
  size_t n, cap;
  bool failed;
} CpBuf;

static void cp_push(CpBuf *b, uint32_t cp) {
  if (b->failed) return;
  if (b->n >= JS_STRING_MAX_LENGTH) {
    b->failed = true;
    return;
  }
  if (b->n == b->cap) {
    size_t cap = b->cap ? b->cap * 2 : 64;
    uint32_t *v = realloc(b->v, cap * sizeof *v);
    if (!v) {
      b->failed = true;
      return;
    }
    b->v = v, b->cap = cap;
  }
  b->v[b->n++] = cp;
}

// The full (recursive) decomposition of cp: canonical mappings always,
// compatibility ones for the K forms. Recursion depth is the UCD's
// nesting depth (a handful), never the input's length.
static void decompose(CpBuf *b, uint32_t cp, bool compat) {
  // A precomposed Hangul syllable: L V, or L V T when it has a final.
  if (cp >= SBASE && cp < SBASE + SCOUNT) {
    uint32_t s = cp - SBASE;
    cp_push(b, LBASE + s / NCOUNT);
    cp_push(b, VBASE + (s % NCOUNT) / TCOUNT);
    if (s % TCOUNT) cp_push(b, TBASE + s % TCOUNT);
    return;
  }
  const StrDecomp *d = cp < 0xA0 ? NULL : find_decomp(cp);
  // No mapping (or only a compatibility one, for NFC/NFD): cp itself.
  if (!d || (d->compat && !compat)) {
    cp_push(b, cp);
    return;
  }
  for (int k = 0; k < d->len; k++) decompose(b, str_decomp_pool[d->offset + k], compat);
}

// Canonical Ordering: each run of non-starters sorted by combining class,
// stably (insertion sort; runs are short in real text).
static void canonical_order(CpBuf *b) {
  for (size_t i = 1; i < b->n; i++) {
    int c = ccc_of(b->v[i]);
    if (c == 0) continue;
    uint32_t cp = b->v[i];
    size_t j = i;
    while (j > 0 && ccc_of(b->v[j - 1]) > c) {
      b->v[j] = b->v[j - 1];
      j--;
    }
    b->v[j] = cp;
  }
}

// The primary composite of a + b, or 0 when there is none.
static uint32_t compose_pair(uint32_t a, uint32_t b) {
  if (a >= LBASE && a < LBASE + LCOUNT && b >= VBASE && b < VBASE + VCOUNT)
    return SBASE + ((a - LBASE) * VCOUNT + (b - VBASE)) * TCOUNT;
  if (a >= SBASE && a < SBASE + SCOUNT && (a - SBASE) % TCOUNT == 0 &&
      b > TBASE && b < TBASE + TCOUNT)
    return a + (b - TBASE);
  size_t lo = 0, hi = COUNT(str_comp);
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    const StrComp *c = &str_comp[mid];
    if (c->first == a && c->second == b) return c->composite;
    if (c->first < a || (c->first == a && c->second < b)) lo = mid + 1;
    else hi = mid;
  }
  return 0;
}

// Canonical Composition (UAX #15 §X1, the sample code's loop): each
// character joins the last starter unless a character between them is
// blocking (a starter, or of a class >= its own). In place.
static void compose(CpBuf *b) {
  if (b->n == 0) return;
  size_t starter = 0, out = 1;
  int last = ccc_of(b->v[0]);
  // A leading non-starter has no starter to join: block it with class 256.
  if (last != 0) last = 256;
  for (size_t i = 1; i < b->n; i++) {
    uint32_t cp = b->v[i];
    int c = ccc_of(cp);
    uint32_t comp = last == 256 ? 0 : compose_pair(b->v[starter], cp);
    if (comp && (last < c || last == 0)) {
      b->v[starter] = comp;
      continue;
    }
    if (c == 0) starter = out;
    last = c;
    b->v[out++] = cp;
  }
  b->n = out;
}

// Text that no form changes: below U+00A0 nothing decomposes, composes
// or combines; for NFC (which keeps Latin-1's precomposed letters) the
// bound is U+0300, where the combining marks begin.
static bool is_stable(const JSString *f, int form) {
  uint32_t bound = form == JS_NF_C ? 0x300 : 0xA0;
  for (uint32_t i = 0; i < f->length; i++)
    if (js_flat_char(f, i) >= bound) return false;
  return true;
}

JSValue js_string_normalize(JSVM *vm, JSValue s, int form) {
  JSString *f = js_string_flat(vm, js_str(s));
  if (is_stable(f, form)) return s;
  // UAX #15's three steps over the whole string: full decomposition,
  // canonical ordering, then (for the C forms) canonical composition.
  bool compat = form == JS_NF_KC || form == JS_NF_KD;
  CpBuf b = {0};
  for (uint32_t i = 0; i < f->length;) decompose(&b, next_cp(f, &i), compat);
  canonical_order(&b);
  if (form == JS_NF_C || form == JS_NF_KC) compose(&b);
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  // A failed buffer (too long or out of memory) becomes the builder's
  // "Invalid string length" RangeError.
  if (b.failed) sb.failed = true;
  for (size_t i = 0; i < b.n && !b.failed; i++) js_sb_codepoint(&sb, b.v[i]);
  free(b.v);
  return js_sb_finish(&sb);
}
