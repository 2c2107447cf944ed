/*
 * runtime/string.c — JS strings and symbols: creation from Latin-1, UTF-16
 * and WTF-8, concatenation into cons strings (ropes) and their flattening,
 * hashing, the interned-string table, comparison, the JSStrBuf builder.
 *
 * Invariants:
 *  - A flat string holds `length` code units right after its header, in
 *    u.c8 (one-byte, Latin-1) or u.c16 (JS_STR_TWO_BYTE); the array runs
 *    past the union. Strings never change once handed out.
 *  - A cons string (JS_STR_CONS) is "live" while right != NULL: its text
 *    is left then right, both non-empty. Flattening turns it into an
 *    indirect reference in place: left = the flat copy, right = NULL. An
 *    indirect's left is always flat. A cons is two-byte iff either half
 *    is, so a one-byte cons never contains a two-byte piece.
 *  - Width is a storage choice, not a value: code that compares, hashes
 *    or interns looks at code units, never at the width flag. We narrow
 *    where it is cheap (js_string_from_utf16), nobody may rely on it.
 *  - The hash is over UTF-16 code units, never 0 (0 = not computed).
 *  - vm->strings holds flat strings marked JS_STR_INTERNED, at most one
 *    per content; each is classified JS_STR_INDEX (with s->index) or
 *    JS_STR_NOT_INDEX when inserted. The table is malloc'd: the collector
 *    will treat its slots as weak roots.
 *  - Flattening allocates with the cons string's own map, so the helpers
 *    that only flatten do not need the VM (js_same_value has none).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/runtime.h"

/* {==== Allocation ====} */

// Out of C memory for a side buffer: there is no JS error to throw that
// would help, so end the process the way the heap limit does.
static void *xrealloc(void *p, size_t size) {
  void *q = realloc(p, size ? size : 1);
  if (!q) {
    fflush(stdout);
    fprintf(stderr, "FATAL ERROR: out of memory in the string runtime\n");
    abort();
  }
  return q;
}

// A flat string of `length` units with the given map (a cons string's own
// map when flattening, so that no VM is needed).
static JSString *alloc_flat(JSMap *map, uint32_t length, bool two_byte) {
  size_t size = offsetof(JSString, u) + (size_t)length * (two_byte ? 2 : 1);
  if (size < sizeof(JSString)) size = sizeof(JSString);
  JSString *s = ori_alloc(size);
  // Fresh young object: raw stores are allowed.
  s->map = map;
  s->length = length;
  s->flags = two_byte ? JS_STR_TWO_BYTE : 0;
  return s;
}

// The caller fills the characters before anyone else sees the string;
// hash and flags beyond the width start out zero (not computed, unknown).
JSString *js_string_alloc(JSVM *vm, uint32_t length, bool two_byte) {
  return alloc_flat(vm->string_map, length, two_byte);
}

// Shared results: the empty string and one-char Latin-1 strings come from
// the VM's tables once they exist (js_strings_init), else are allocated.
static JSValue shared_short(JSVM *vm, uint32_t n, uint16_t c) {
  if (n == 0 && js_is_string(vm->atom[JS_ATOM_empty])) return vm->atom[JS_ATOM_empty];
  if (n == 1 && c < 256 && js_is_string(vm->single_char[c])) return vm->single_char[c];
  return JS_UNDEFINED;
}

// The one error of this file: a result longer than JS_STRING_MAX_LENGTH.
// The message is V8's, which tests and programs match on.
static JSValue too_long(JSVM *vm) {
  js_throw_range_error(vm, "Invalid string length");
  return JS_EXCEPTION;
}

JSValue js_string_from_latin1(JSVM *vm, const uint8_t *s, size_t n) {
  // The check comes first: n is size_t and the length field is 32 bits.
  if (n > JS_STRING_MAX_LENGTH) return too_long(vm);
  // Sharing is safe because strings are immutable once handed out.
  JSValue shared = shared_short(vm, (uint32_t)n, n ? s[0] : 0);
  if (!js_is_undefined(shared)) return shared;
  // Latin-1 bytes are one-byte code units as they are: a plain copy.
  JSString *r = js_string_alloc(vm, (uint32_t)n, false);
  if (n) memcpy(r->u.c8, s, n);
  return js_val(r);
}

JSValue js_string_from_utf16(JSVM *vm, const uint16_t *s, size_t n) {
  // Same order as from_latin1: length check, shared strings, then copy.
  if (n > JS_STRING_MAX_LENGTH) return too_long(vm);
  JSValue shared = shared_short(vm, (uint32_t)n, n ? s[0] : 0);
  if (!js_is_undefined(shared)) return shared;
  // Narrow to one byte when every unit fits: half the memory, and the
  // Latin-1 fast paths elsewhere apply.
  // OR-ing the units answers "any above 0xFF?" without a branch per unit.
  uint16_t max = 0;
  for (size_t i = 0; i < n; i++) max |= s[i];
  JSString *r = js_string_alloc(vm, (uint32_t)n, max > 0xFF);
  if (max > 0xFF) {
    memcpy(r->u.c16, s, n * 2);
  } else {
    for (size_t i = 0; i < n; i++) r->u.c8[i] = (uint8_t)s[i];
  }
  return js_val(r);
}

/* {==== WTF-8 ====} */

// Decode one code point at s[*pos] (the WHATWG decoder, except that
// ED A0..BF is accepted: WTF-8 spells lone surrogates that way). An
// invalid sequence yields U+FFFD and consumes only its valid prefix, so
// the offending byte starts the next sequence.
static uint32_t utf8_next(const uint8_t *s, size_t n, size_t *pos) {
  size_t i = *pos;
  uint8_t b = s[i++];
  uint32_t cp;
  int need;
  uint8_t lo = 0x80, hi = 0xBF;   // range of the next continuation byte
  if (b < 0x80) {
    *pos = i;
    return b;
  } else if (b >= 0xC2 && b <= 0xDF) {
    need = 1, cp = b & 0x1F;
  } else if (b >= 0xE0 && b <= 0xEF) {
    need = 2, cp = b & 0x0F;
    if (b == 0xE0) lo = 0xA0;     // no overlong 3-byte forms
  } else if (b >= 0xF0 && b <= 0xF4) {
    need = 3, cp = b & 0x07;
    if (b == 0xF0) lo = 0x90;     // no overlong 4-byte forms
    if (b == 0xF4) hi = 0x8F;     // nothing past U+10FFFF
  } else {
    // 0x80..0xC1 (a stray continuation or an overlong 2-byte lead) and
    // 0xF5..0xFF never start a sequence.
    *pos = i;
    return 0xFFFD;
  }
  // Only the first continuation byte has a narrowed range; the rest are
  // plain 0x80..0xBF. Running out of input is the same as a bad byte.
  while (need--) {
    if (i >= n || s[i] < lo || s[i] > hi) {
      *pos = i;
      return 0xFFFD;
    }
    cp = cp << 6 | (s[i++] & 0x3F);
    lo = 0x80, hi = 0xBF;
  }
  *pos = i;
  return cp;
}

JSValue js_string_from_utf8(JSVM *vm, const char *str, size_t n) {
  const uint8_t *s = (const uint8_t *)str;
  // Most text (source names, atoms, messages) is ASCII, which is already
  // Latin-1: find the ASCII prefix and skip decoding when it is all.
  size_t ascii = 0;
  while (ascii < n && s[ascii] < 0x80) ascii++;
  if (ascii == n) return js_string_from_latin1(vm, s, n);
  // Each byte yields at most one unit (a 4-byte sequence yields two), so
  // n units are enough.
  uint16_t *buf = xrealloc(NULL, n * sizeof *buf);
  size_t len = 0;
  for (size_t i = 0; i < ascii; i++) buf[len++] = s[i];
  for (size_t i = ascii; i < n;) {
    uint32_t cp = utf8_next(s, n, &i);
    // Astral code points are stored as a surrogate pair; 3-byte encoded
    // surrogates arrive here as single units and stay lone.
    if (cp > 0xFFFF) {
      buf[len++] = (uint16_t)(0xD800 + ((cp - 0x10000) >> 10));
      buf[len++] = (uint16_t)(0xDC00 + (cp & 0x3FF));
    } else {
      buf[len++] = (uint16_t)cp;
    }
  }
  // from_utf16 narrows when the text was Latin-1 after all ("é").
  JSValue r = js_string_from_utf16(vm, buf, len);
  free(buf);
  return r;
}

// C strings are taken as UTF-8: that is what the CLI and embedders pass.
JSValue js_string_from_cstr(JSVM *vm, const char *s) {
  return js_string_from_utf8(vm, s, strlen(s));
}

// Append the WTF-8 form of code point cp to out (room for 4 bytes).
// Surrogates (0xD800..0xDFFF) take the 3-byte form like any other BMP
// unit: that is exactly WTF-8's encoding of a lone surrogate.
static size_t utf8_put(uint8_t *out, uint32_t cp) {
  if (cp < 0x80) {
    out[0] = (uint8_t)cp;
    return 1;
  }
  if (cp < 0x800) {
    out[0] = (uint8_t)(0xC0 | cp >> 6);
    out[1] = (uint8_t)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = (uint8_t)(0xE0 | cp >> 12);
    out[1] = (uint8_t)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (uint8_t)(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = (uint8_t)(0xF0 | cp >> 18);
  out[1] = (uint8_t)(0x80 | ((cp >> 12) & 0x3F));
  out[2] = (uint8_t)(0x80 | ((cp >> 6) & 0x3F));
  out[3] = (uint8_t)(0x80 | (cp & 0x3F));
  return 4;
}

// The code point starting at unit *i of flat f: a surrogate pair combines,
// a lone surrogate stays itself (WTF-8 encodes it in 3 bytes).
static uint32_t flat_codepoint(const JSString *f, uint32_t *i) {
  uint32_t c = js_flat_char(f, (*i)++);
  if (c >= 0xD800 && c <= 0xDBFF && *i < f->length) {
    uint32_t d = js_flat_char(f, *i);
    if (d >= 0xDC00 && d <= 0xDFFF) {
      (*i)++;
      return 0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00);
    }
  }
  return c;
}

char *js_string_utf8(JSVM *vm, JSValue v, size_t *len) {
  JSString *f = js_string_flat(vm, js_str(v));
  // Worst case 3 bytes per unit: a pair is 2 units and 4 bytes. Sizing
  // for the worst case avoids a counting pass; the slack is short-lived.
  uint8_t *out = xrealloc(NULL, (size_t)f->length * 3 + 1);
  size_t n = 0;
  // One-byte text has no surrogates: each unit is a code point by itself.
  if (!(f->flags & JS_STR_TWO_BYTE)) {
    for (uint32_t i = 0; i < f->length; i++) n += utf8_put(out + n, f->u.c8[i]);
  } else {
    for (uint32_t i = 0; i < f->length;) n += utf8_put(out + n, flat_codepoint(f, &i));
  }
  // NUL-terminated for C callers, but the length is authoritative: JS
  // strings may contain U+0000, which encodes as a 0 byte.
  out[n] = 0;
  if (len) *len = n;
  return (char *)out;
}

/* {==== Concatenation and flattening ====} */

// A cons string that still has two halves (not yet flattened).
static bool is_live_cons(const JSString *s) {
  return (s->flags & JS_STR_CONS) && s->u.cons.right != NULL;
}

// A flattened cons stands for its flat copy; anything else for itself.
static JSString *unwrap(JSString *s) {
  return ((s->flags & JS_STR_CONS) && !s->u.cons.right) ? s->u.cons.left : s;
}

// Copy flat src into flat dst at unit offset `at`, converting widths.
// Same widths copy with memcpy; one-byte into two-byte widens per unit.
static void copy_units(JSString *dst, uint32_t at, const JSString *src) {
  uint32_t n = src->length;
  bool dwide = dst->flags & JS_STR_TWO_BYTE, swide = src->flags & JS_STR_TWO_BYTE;
  if (dwide && swide) {
    memcpy(dst->u.c16 + at, src->u.c16, (size_t)n * 2);
  } else if (dwide) {
    for (uint32_t i = 0; i < n; i++) dst->u.c16[at + i] = src->u.c8[i];
  } else if (!swide) {
    memcpy(dst->u.c8 + at, src->u.c8, n);
  } else {
    // Unreachable by the width invariant (a one-byte string never holds a
    // two-byte piece); truncate rather than overrun if it is ever broken.
    for (uint32_t i = 0; i < n; i++) dst->u.c8[at + i] = (uint8_t)src->u.c16[i];
  }
}

// A piece of the rope still to copy, and where it goes.
typedef struct Piece {
  JSString *s;
  uint32_t at;
} Piece;

// Write the text of the live cons `root` into flat dst without C
// recursion. Walking down, a flat half is copied at once and we continue
// with the cons half, so left- and right-leaning chains (the shapes that
// s += x loops build) need no stack at all; only a node with two cons
// halves pushes one of them, onto a stack that grows on the C heap.
static void write_rope(JSString *root, JSString *dst) {
  Piece local[64], *stack = local;
  size_t n = 0, cap = 64;
  JSString *s = root;
  uint32_t at = 0;
  for (;;) {
    // Walk down one path of the tree; each step places a flat half or
    // defers one rope half, so the loop ends at a flat piece.
    while (is_live_cons(s)) {
      // Already-flattened halves are read through their flat copy.
      JSString *l = unwrap(s->u.cons.left), *r = unwrap(s->u.cons.right);
      uint32_t rat = at + l->length;  // where the right half starts
      if (!is_live_cons(r)) {
        copy_units(dst, rat, r);
        s = l;
      } else if (!is_live_cons(l)) {
        copy_units(dst, at, l);
        s = r, at = rat;
      } else {
        // Both halves are ropes: keep the right one for later. The first
        // 64 fit in the C frame; deeper bushy trees move to the C heap.
        if (n == cap) {
          Piece *bigger = xrealloc(stack == local ? NULL : stack, cap * 2 * sizeof *stack);
          if (stack == local) memcpy(bigger, local, sizeof local);
          stack = bigger, cap *= 2;
        }
        stack[n++] = (Piece){r, rat};
        s = l;
      }
    }
    // The path ended at a flat piece; resume with the latest deferred
    // rope. Offsets were recorded, so the order of copies is free.
    copy_units(dst, at, s);
    if (n == 0) break;
    n--;
    s = stack[n].s, at = stack[n].at;
  }
  if (stack != local) free(stack);
}

// The flat form of s, flattening a live cons in place (see invariants).
static JSString *flat_of(JSString *s) {
  if (!(s->flags & JS_STR_CONS)) return s;
  if (!s->u.cons.right) return s->u.cons.left;
  // The rope's width flag is the OR of its pieces', so this width holds
  // every unit without a scan.
  JSString *f = alloc_flat(s->map, s->length, s->flags & JS_STR_TWO_BYTE);
  write_rope(s, f);
  f->hash = s->hash;  // a hash computed on the rope carries over
  // Later reads go straight to f: the cons becomes an indirect reference,
  // and its halves become garbage.
  ORI_STORE_PTR(s, u.cons.left, f);
  ORI_STORE_PTR(s, u.cons.right, (JSString *)NULL);
  return f;
}

JSString *js_string_flat(JSVM *vm, JSString *s) {
  (void)vm;  // flat_of allocates with the cons string's own map
  return flat_of(s);
}

JSValue js_string_concat(JSVM *vm, JSValue a, JSValue b) {
  // A flattened operand is used through its flat copy, so ropes never
  // nest indirections.
  JSString *x = unwrap(js_str(a)), *y = unwrap(js_str(b));
  // An empty side adds nothing: reuse the other (strings are immutable).
  if (x->length == 0) return b;
  if (y->length == 0) return a;
  // 64-bit sum: two lengths near the limit must not wrap around.
  uint64_t len = (uint64_t)x->length + y->length;
  if (len > JS_STRING_MAX_LENGTH) return too_long(vm);
  bool wide = (x->flags | y->flags) & JS_STR_TWO_BYTE;
  if (len < 13) {
    // Short results are cheaper copied than kept as a rope node (a cons
    // header is as big as 16 Latin-1 chars) and will be read soon anyway.
    JSString *fx = flat_of(x), *fy = flat_of(y);
    JSString *r = js_string_alloc(vm, (uint32_t)len, wide);
    copy_units(r, 0, fx);
    copy_units(r, fx->length, fy);
    return js_val(r);
  }
  // A rope node costs O(1) whatever the lengths: repeated s += x stays
  // linear overall, and the copy happens once, when someone reads.
  JSString *c = ori_alloc(sizeof(JSString));
  // Fresh young object: raw stores are allowed.
  c->map = vm->string_map;
  c->length = (uint32_t)len;
  c->flags = JS_STR_CONS | (wide ? JS_STR_TWO_BYTE : 0);
  c->u.cons.left = x;
  c->u.cons.right = y;
  return js_val(c);
}

/* {==== Hashing and interning ====} */

// FNV-1a over 16-bit code units: one-byte and two-byte spellings of the
// same text hash alike because both feed the same unit values.
#define HASH_SEED 2166136261u
#define HASH_STEP(h, c) (((h) ^ (uint32_t)(c)) * 16777619u)

// Latin-1 text, whether a string's bytes or a C atom's ASCII.
static uint32_t hash_latin1(const uint8_t *s, size_t n) {
  uint32_t h = HASH_SEED;
  for (size_t i = 0; i < n; i++) h = HASH_STEP(h, s[i]);
  return h ? h : 1;   // 0 means "not computed"
}

// A flat string's hash, in its storage width (uncached: callers cache).
static uint32_t hash_flat(const JSString *f) {
  if (!(f->flags & JS_STR_TWO_BYTE)) return hash_latin1(f->u.c8, f->length);
  uint32_t h = HASH_SEED;
  for (uint32_t i = 0; i < f->length; i++) h = HASH_STEP(h, f->u.c16[i]);
  return h ? h : 1;
}

// Hashing reads every unit, so a rope is flattened first (it would be for
// any other read too); both the rope and its flat copy cache the result.
uint32_t js_string_hash(JSVM *vm, JSString *s) {
  if (s->hash) return s->hash;
  JSString *f = js_string_flat(vm, s);
  if (!f->hash) f->hash = hash_flat(f);
  s->hash = f->hash;  // also cached on the cons
  return f->hash;
}

// Whether flat f's units equal the Latin-1 bytes s[0..n).
// This is also the one-byte/two-byte mixed case of equals_flat.
static bool equals_latin1(const JSString *f, const uint8_t *s, size_t n) {
  if (f->length != n) return false;
  if (!(f->flags & JS_STR_TWO_BYTE)) return memcmp(f->u.c8, s, n) == 0;
  for (size_t i = 0; i < n; i++)
    if (f->u.c16[i] != s[i]) return false;
  return true;
}

// Whether two flat strings hold the same units, whatever their widths.
static bool equals_flat(const JSString *a, const JSString *b) {
  if (a->length != b->length) return false;
  // A mixed pair goes through equals_latin1 with the one-byte side as
  // the bytes; only two two-byte strings compare with memcmp on units.
  if (!(b->flags & JS_STR_TWO_BYTE)) return equals_latin1(a, b->u.c8, b->length);
  if (!(a->flags & JS_STR_TWO_BYTE)) return equals_latin1(b, a->u.c8, a->length);
  return memcmp(a->u.c16, b->u.c16, (size_t)a->length * 2) == 0;
}

// Probe sequence: linear, from the hash's slot. The table is never full
// (load stays at most 50%), so every probe ends at a NULL slot.
// Entries are compared by hash first: full compares happen only on a
// probable match.
static JSString *table_find(JSStringTable *t, const JSString *f, uint32_t h) {
  if (!t->slots) return NULL;  // before js_strings_init
  for (uint32_t i = h & t->mask;; i = (i + 1) & t->mask) {
    JSString *e = t->slots[i];
    if (!e) return NULL;
    if (e->hash == h && equals_flat(e, f)) return e;
  }
}

// The same lookup keyed by Latin-1 bytes, so js_atom finds existing
// atoms without allocating a temporary string.
static JSString *table_find_latin1(JSStringTable *t, const uint8_t *s, size_t n,
                                   uint32_t h) {
  if (!t->slots) return NULL;
  for (uint32_t i = h & t->mask;; i = (i + 1) & t->mask) {
    JSString *e = t->slots[i];
    if (!e) return NULL;
    if (e->hash == h && equals_latin1(e, s, n)) return e;
  }
}

// Place f (hash computed) in the first free slot of its probe sequence.
static void table_place(JSStringTable *t, JSString *f) {
  uint32_t i = f->hash & t->mask;
  while (t->slots[i]) i = (i + 1) & t->mask;
  t->slots[i] = f;
}

// Make room for one more entry, doubling past 50% load.
static void table_reserve(JSStringTable *t) {
  uint32_t cap = t->slots ? t->mask + 1 : 0;
  if (cap && (t->count + 1) * 2 <= cap) return;
  // 1024 slots hold the atoms and one-char strings made at VM start.
  uint32_t ncap = cap ? cap * 2 : 1024;
  JSString **old = t->slots;
  t->slots = xrealloc(NULL, ncap * sizeof *t->slots);
  memset(t->slots, 0, ncap * sizeof *t->slots);
  // Rehash: the cached hashes make this a pass of table_place calls.
  t->mask = ncap - 1;
  for (uint32_t i = 0; i < cap; i++)
    if (old[i]) table_place(t, old[i]);
  free(old);
}

// After a collection: drop interned strings that died (the table holds
// them weakly) and follow the ones that moved, rehashing into a fresh
// array (hashes are cached, so nothing allocates on the heap).
void js_string_table_sweep(JSVM *vm, OriVisitor *v) {
  JSStringTable *t = &vm->strings;
  if (!t->slots) return;
  uint32_t cap = t->mask + 1;
  JSString **old = t->slots;
  t->slots = xrealloc(NULL, cap * sizeof *t->slots);
  memset(t->slots, 0, cap * sizeof *t->slots);
  t->count = 0;
  for (uint32_t i = 0; i < cap; i++) {
    if (!old[i]) continue;
    JSValue s = js_val(old[i]);
    if (!v->is_live(v, &s)) continue;
    table_place(t, js_str(s));
    t->count++;
  }
  free(old);
}

// Canonical array index: "0", or digits without a leading zero whose
// value is at most 2^32 - 2 (2^32 - 1 is the one excluded length value).
static void classify_index(JSString *f) {
  uint32_t n = f->length;
  // Presume "not an index" and upgrade only when every test passes.
  f->flags |= JS_STR_NOT_INDEX;
  // 4294967294 has 10 digits; the empty string is no number at all.
  if (n == 0 || n > 10) return;
  if (js_flat_char(f, 0) == '0' && n > 1) return;
  uint64_t v = 0;
  for (uint32_t i = 0; i < n; i++) {
    uint16_t c = js_flat_char(f, i);
    if (c < '0' || c > '9') return;
    v = v * 10 + (c - '0');  // 10 digits fit easily in 64 bits
  }
  if (v > 4294967294u) return;
  f->flags = (f->flags & ~(uint32_t)JS_STR_NOT_INDEX) | JS_STR_INDEX;
  f->index = (uint32_t)v;
}

// Make flat f (not yet interned, hash computed) the table's instance.
static void table_insert(JSVM *vm, JSString *f) {
  classify_index(f);
  f->flags |= JS_STR_INTERNED;
  table_reserve(&vm->strings);
  table_place(&vm->strings, f);
  vm->strings.count++;
}

JSValue js_intern(JSVM *vm, JSValue v) {
  JSString *s = js_str(v);
  // Property keys arrive interned most of the time: one flag test.
  if (s->flags & JS_STR_INTERNED) return v;
  // Interned strings are flat, so the table compares flat text only; a
  // rope that was interned before resolves through its flat copy here.
  JSString *f = js_string_flat(vm, s);
  if (f->flags & JS_STR_INTERNED) return js_val(f);
  uint32_t h = js_string_hash(vm, f);
  JSString *e = table_find(&vm->strings, f, h);
  if (e) return js_val(e);
  // f is immutable and nobody depends on its flags, so it can become the
  // interned instance itself instead of a copy.
  table_insert(vm, f);
  return js_val(f);
}

JSValue js_atom(JSVM *vm, const char *cstr) {
  size_t n = strlen(cstr);
  const uint8_t *s = (const uint8_t *)cstr;
  // Non-ASCII names need decoding before their hash is known.
  for (size_t i = 0; i < n; i++)
    if (s[i] >= 0x80) return js_intern(vm, js_string_from_utf8(vm, cstr, n));
  // ASCII (the usual case): look up before allocating anything. The byte
  // hash equals the unit hash, so a hit is the same as js_intern's.
  uint32_t h = hash_latin1(s, n);
  JSString *e = table_find_latin1(&vm->strings, s, n, h);
  if (e) return js_val(e);
  return js_intern(vm, js_string_from_latin1(vm, s, n));
}

void js_strings_init(JSVM *vm) {
  table_reserve(&vm->strings);
  // The 256 one-char Latin-1 strings are interned up front: charAt and
  // friends return them without allocating, and they double as atoms.
  for (int c = 0; c < 256; c++) {
    JSString *s = js_string_alloc(vm, 1, false);
    s->u.c8[0] = (uint8_t)c;
    s->hash = hash_flat(s);
    table_insert(vm, s);
    vm->single_char[c] = js_val(s);
  }
}

/* {==== Access and comparison ====} */

JSValue js_string_substring(JSVM *vm, JSValue v, uint32_t start, uint32_t end) {
  uint32_t len = js_str(v)->length;
  // Clamp like String.prototype.substring's final step: callers pass
  // already-converted positions, possibly past the end.
  if (end > len) end = len;
  if (start > end) start = end;
  if (start == 0 && end == len) return v;  // strings are immutable
  JSString *f = js_string_flat(vm, js_str(v));
  // A copy, not a slice: a short piece must not keep a huge string alive.
  // f is pinned while the C stack holds it, so its chars stay put across
  // the allocation.
  if (f->flags & JS_STR_TWO_BYTE) return js_string_from_utf16(vm, f->u.c16 + start, end - start);
  return js_string_from_latin1(vm, f->u.c8 + start, end - start);
}

bool js_string_equal(JSVM *vm, JSValue a, JSValue b) {
  if (js_same_bits(a, b)) return true;
  JSString *x = js_str(a), *y = js_str(b);
  if (x->length != y->length) return false;
  // Two distinct interned strings differ (the table is unique), and so do
  // strings whose cached hashes differ.
  if ((x->flags & y->flags) & JS_STR_INTERNED) return false;
  if (x->hash && y->hash && x->hash != y->hash) return false;
  return equals_flat(js_string_flat(vm, x), js_string_flat(vm, y));
}

int js_string_compare(JSVM *vm, JSValue a, JSValue b) {
  JSString *x = js_string_flat(vm, js_str(a)), *y = js_string_flat(vm, js_str(b));
  // Compare the common prefix; if it is equal the shorter string is less.
  uint32_t n = x->length < y->length ? x->length : y->length;
  // Code-unit order (IsLessThan on strings), not code-point order.
  for (uint32_t i = 0; i < n; i++) {
    int d = (int)js_flat_char(x, i) - (int)js_flat_char(y, i);
    if (d) return d;
  }
  return x->length < y->length ? -1 : x->length > y->length;
}

// Flattening on first access makes indexing a rope O(1) afterwards.
uint16_t js_string_char_code(JSVM *vm, JSValue s, uint32_t i) {
  return js_flat_char(js_string_flat(vm, js_str(s)), i);
}

/* {==== The builder ====} */

// No buffer until the first append: many builders stay short or empty.
void js_sb_init(JSStrBuf *sb, JSVM *vm) {
  memset(sb, 0, sizeof *sb);
  sb->vm = vm;
}

// Room for `extra` more units; false (and failed set) past the maximum
// string length, which finish then reports as a RangeError.
static bool sb_reserve(JSStrBuf *sb, size_t extra) {
  if (sb->failed) return false;
  size_t need = (size_t)sb->len + extra;
  if (need > JS_STRING_MAX_LENGTH) {
    sb->failed = true;
    return false;
  }
  if (need <= sb->cap) return true;
  // Doubling keeps appends amortized O(1); the cap never exceeds the
  // longest legal string, so a huge builder fails before it allocates.
  size_t cap = sb->cap ? sb->cap : 32;
  while (cap < need) cap *= 2;
  if (cap > JS_STRING_MAX_LENGTH) cap = JS_STRING_MAX_LENGTH;
  if (sb->two_byte) {
    sb->b16 = xrealloc(sb->b16, cap * 2);
  } else {
    sb->b8 = xrealloc(sb->b8, cap);
  }
  sb->cap = (uint32_t)cap;
  return true;
}

// Switch the buffer to UTF-16, the first time a unit above 0xFF arrives.
// Callers reserve first, so cap already covers the unit being added.
static void sb_widen(JSStrBuf *sb) {
  sb->b16 = xrealloc(NULL, (size_t)(sb->cap ? sb->cap : 1) * 2);
  for (uint32_t i = 0; i < sb->len; i++) sb->b16[i] = sb->b8[i];
  free(sb->b8);
  sb->b8 = NULL;
  sb->two_byte = true;
}

// After a failure every append is a no-op; finish reports the error.
void js_sb_char(JSStrBuf *sb, uint16_t c) {
  if (!sb_reserve(sb, 1)) return;
  if (c > 0xFF && !sb->two_byte) sb_widen(sb);
  if (sb->two_byte) {
    sb->b16[sb->len++] = c;
  } else {
    sb->b8[sb->len++] = (uint8_t)c;
  }
}

// Astral code points become a surrogate pair, high unit first.
void js_sb_codepoint(JSStrBuf *sb, uint32_t cp) {
  if (cp > 0x10FFFF) cp = 0xFFFD;  // not a code point: the replacement char
  if (cp <= 0xFFFF) {
    js_sb_char(sb, (uint16_t)cp);
    return;
  }
  js_sb_char(sb, (uint16_t)(0xD800 + ((cp - 0x10000) >> 10)));
  js_sb_char(sb, (uint16_t)(0xDC00 + (cp & 0x3FF)));
}

// Latin-1 never forces widening; into a wide buffer it widens per unit.
void js_sb_latin1(JSStrBuf *sb, const uint8_t *s, size_t n) {
  if (!sb_reserve(sb, n)) return;
  if (sb->two_byte) {
    for (size_t i = 0; i < n; i++) sb->b16[sb->len + i] = s[i];
  } else if (n) {
    memcpy(sb->b8 + sb->len, s, n);
  }
  sb->len += (uint32_t)n;
}

// ASCII is Latin-1; any byte >= 0x80 is taken as a Latin-1 char too.
void js_sb_ascii(JSStrBuf *sb, const char *s) {
  js_sb_latin1(sb, (const uint8_t *)s, strlen(s));
}

// Append UTF-16 units, widening only if one of them needs it.
static void sb_utf16(JSStrBuf *sb, const uint16_t *s, size_t n) {
  if (!sb_reserve(sb, n)) return;
  // Two-byte storage does not mean wide text (see the invariants): scan,
  // and stay one-byte when every unit fits.
  uint16_t max = 0;
  for (size_t i = 0; i < n && !sb->two_byte; i++) max |= s[i];
  if (max > 0xFF) sb_widen(sb);
  if (sb->two_byte) {
    memcpy(sb->b16 + sb->len, s, n * 2);
  } else {
    for (size_t i = 0; i < n; i++) sb->b8[sb->len + i] = (uint8_t)s[i];
  }
  sb->len += (uint32_t)n;
}

// A rope argument is flattened (it will be read in full anyway).
void js_sb_string(JSStrBuf *sb, JSValue v) {
  JSString *f = js_string_flat(sb->vm, js_str(v));
  if (f->flags & JS_STR_TWO_BYTE) {
    sb_utf16(sb, f->u.c16, f->length);
  } else {
    js_sb_latin1(sb, f->u.c8, f->length);
  }
}

// printf output is read as WTF-8, so names that came from js_string_utf8
// (error messages quoting a property) round-trip intact.
void js_sb_printf(JSStrBuf *sb, const char *fmt, ...) {
  char local[256], *buf = local;
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(local, sizeof local, fmt, ap);
  va_end(ap);
  if (n < 0) return;  // an encoding error in fmt: append nothing
  // vsnprintf said how long the whole output is: format again into a
  // buffer that fits (a va_list cannot be reused, so start it afresh).
  if ((size_t)n >= sizeof local) {
    buf = xrealloc(NULL, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(buf, (size_t)n + 1, fmt, ap);
    va_end(ap);
  }
  const uint8_t *s = (const uint8_t *)buf;
  for (size_t i = 0; i < (size_t)n;) js_sb_codepoint(sb, utf8_next(s, (size_t)n, &i));
  if (buf != local) free(buf);
}

// The heap string is a fresh copy of the buffer, which then goes away;
// from_utf16 narrows a builder widened by chars that were later dropped.
JSValue js_sb_finish(JSStrBuf *sb) {
  JSValue r;
  if (sb->failed) {
    r = too_long(sb->vm);
  } else if (sb->two_byte) {
    r = js_string_from_utf16(sb->vm, sb->b16, sb->len);
  } else {
    r = js_string_from_latin1(sb->vm, sb->b8, sb->len);
  }
  js_sb_free(sb);
  return r;
}

// Leaves sb empty and reusable, still bound to its VM.
void js_sb_free(JSStrBuf *sb) {
  free(sb->b8);
  free(sb->b16);
  JSVM *vm = sb->vm;
  js_sb_init(sb, vm);
}

/* {==== Symbols ====} */

// Symbols hash by identity: a per-process counter scrambled (murmur3's
// finalizer) so that consecutive symbols spread over hash tables.
static uint32_t next_symbol_hash(void) {
  static uint32_t counter;
  uint32_t h = ++counter;
  h ^= h >> 16;
  h *= 0x85EBCA6Bu;
  h ^= h >> 13;
  h *= 0xC2B2AE35u;
  h ^= h >> 16;
  return h ? h : 1;
}

// The description is kept as given (a string or undefined): Symbol()
// and Symbol("") differ in .description, so no normalizing.
JSValue js_new_symbol(JSVM *vm, JSValue description) {
  JSSymbol *sym = ori_alloc(sizeof *sym);
  // Fresh young object: raw stores are allowed.
  sym->map = vm->symbol_map;
  sym->description = description;
  sym->hash = next_symbol_hash();
  sym->flags = 0;
  return js_val(sym);
}
