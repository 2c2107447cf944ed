/*
 * runtime/builtins_string.c — the `string` builtin family: the String
 * constructor (ECMA-262 §22.1.1), String.fromCharCode / fromCodePoint /
 * raw (§22.1.2), String.prototype's methods (§22.1.3) except the pattern
 * ones (builtins_string_pattern.c) and the Unicode algorithms
 * (builtins_string_unicode.c), the string iterator (§22.1.5) and the
 * Annex B methods (substr, trimLeft/trimRight, the HTML methods).
 *
 * Invariants:
 *  - Methods follow the spec's step order exactly, since user code runs
 *    in conversions (ToString, ToIntegerOrInfinity) and test262 observes
 *    the order; every conversion's exception is returned at once.
 *  - Positions are ToIntegerOrInfinity results (doubles, possibly
 *    infinite) until clamped to the string's length, which fits uint32.
 *  - Strings are read through their flat form (js_string_flat); the flat
 *    string is a C local, so it stays pinned while later calls allocate.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/builtins_string.h"
#include "runtime/iterator.h"

/* {==== Shared helpers ====} */

JSValue js_this_string(JSVM *vm, JSValue self, const char *method) {
  // RequireObjectCoercible, with V8's wording of the TypeError.
  // A symbol-keyed method reads "String.prototype[Symbol.iterator]".
  if (js_is_nullish(self))
    return js_throw_type_error(vm, "String.prototype%s%s called on null or undefined",
                               method[0] == '[' ? "" : ".", method);
  return js_to_string(vm, self);
}

// A position from ToIntegerOrInfinity, clamped to 0..len.
static uint32_t clamp_pos(double d, uint32_t len) {
  if (d <= 0) return 0;
  if (d >= len) return len;
  return (uint32_t)d;
}

// Whether flat h has flat n's units at offset at (at + n->length <= h).
static bool units_at(const JSString *h, uint32_t at, const JSString *n) {
  for (uint32_t k = 0; k < n->length; k++)
    if (js_flat_char(h, at + k) != js_flat_char(n, k)) return false;
  return true;
}

int64_t js_string_index_of(JSVM *vm, JSValue s, JSValue search, uint32_t from) {
  JSString *h = js_string_flat(vm, js_str(s)), *n = js_string_flat(vm, js_str(search));
  uint32_t len = h->length, m = n->length;
  // StringIndexOf (§6.1.4.1): the empty string is found at from itself.
  if (m == 0) return from <= len ? (int64_t)from : -1;
  if (m > len) return -1;
  // Candidates are found by their first unit, then compared in full.
  uint16_t first = js_flat_char(n, 0);
  // One-byte haystack: memchr finds candidates for the first unit (a
  // unit above 0xFF cannot occur in it at all).
  if (!(h->flags & JS_STR_TWO_BYTE)) {
    if (first > 0xFF) return -1;
    for (uint32_t i = from; i + m <= len;) {
      const uint8_t *p = memchr(h->u.c8 + i, first, len - m + 1 - i);
      if (!p) return -1;
      i = (uint32_t)(p - h->u.c8);
      if (units_at(h, i, n)) return i;
      i++;
    }
    return -1;
  }
  // Two-byte haystack: a plain scan (the needle may be either width).
  for (uint32_t i = from; i + m <= len; i++)
    if (h->u.c16[i] == first && units_at(h, i, n)) return i;
  return -1;
}

int js_string_is_regexp(JSVM *vm, JSValue v) {
  // IsRegExp (§7.2.8): @@match decides when present, else [[RegExpMatcher]].
  if (!js_is_object(v)) return 0;
  JSValue m = js_get(vm, v, vm->symbol[JS_SYMBOL_match]);
  if (js_is_exception(m)) return -1;
  if (!js_is_undefined(m)) return js_to_boolean(m);
  return js_is_type(v, JS_TYPE_RegExp);
}

// SymbolDescriptiveString (§20.4.3.3.1): "Symbol(description)".
static JSValue symbol_descriptive(JSVM *vm, JSValue sym) {
  // An undefined description prints as "Symbol()".
  JSValue d = ((JSSymbol *)js_heap(sym))->description;
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  js_sb_ascii(&sb, "Symbol(");
  if (js_is_string(d)) js_sb_string(&sb, d);
  js_sb_char(&sb, ')');
  return js_sb_finish(&sb);
}

/* {==== The constructor and its functions ====} */

// String(value) (§22.1.1.1): a plain call converts, symbols included; new
// String makes a wrapper whose prototype comes from new.target.
static JSValue string_ctor(JSVM *vm, JSValue self, int argc, JSValue *argv,
                           JSValue nt) {
  // No argument at all is "", but String(undefined) is "undefined".
  JSValue s = vm->atom[JS_ATOM_empty];
  if (argc > 0) {
    if (js_is_undefined(nt) && js_is_symbol(argv[0])) return symbol_descriptive(vm, argv[0]);
    s = js_to_string(vm, argv[0]);
    if (js_is_exception(s)) return s;
  }
  if (js_is_undefined(nt)) return s;
  JSValue proto = js_get_prototype_from_ctor(vm, nt, JS_INTRINSIC_StringPrototype);
  if (js_is_exception(proto)) return proto;
  // StringCreate: ToObject's wrapper (its length and exotic indices come
  // with it), re-parented for subclasses.
  JSValue obj = js_to_object(vm, s);
  if (js_is_exception(obj)) return obj;
  if (proto.bits != js_intrinsic(vm, StringPrototype).bits &&
      js_set_prototype_of(vm, obj, proto) < 0)
    return JS_EXCEPTION;
  return obj;
}

// String.fromCharCode(...codeUnits): ToUint16 of each argument.
static JSValue string_from_char_code(JSVM *vm, JSValue self, int argc,
                                     JSValue *argv, JSValue nt) {
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  for (int i = 0; i < argc; i++) {
    uint32_t u;
    if (!js_to_uint32(vm, argv[i], &u)) {
      js_sb_free(&sb);
      return JS_EXCEPTION;
    }
    js_sb_char(&sb, (uint16_t)u);
  }
  return js_sb_finish(&sb);
}

// String.fromCodePoint(...codePoints): each must be an integral Number
// in 0..0x10FFFF, else a RangeError naming it.
static JSValue string_from_code_point(JSVM *vm, JSValue self, int argc,
                                      JSValue *argv, JSValue nt) {
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  for (int i = 0; i < argc; i++) {
    double d;
    if (!js_to_number(vm, argv[i], &d)) {
      js_sb_free(&sb);
      return JS_EXCEPTION;
    }
    // NaN fails every comparison, so it lands here too.
    if (!(d >= 0 && d <= 0x10FFFF && d == trunc(d))) {
      js_sb_free(&sb);
      JSValue str = js_number_to_string(vm, d);
      char *text = js_string_utf8(vm, str, NULL);
      js_throw_range_error(vm, "Invalid code point %s", text);
      free(text);
      return JS_EXCEPTION;
    }
    js_sb_codepoint(&sb, (uint32_t)d);
  }
  return js_sb_finish(&sb);
}

// Append ToString(v) to sb; false on exception (sb freed).
static bool sb_append_value(JSStrBuf *sb, JSValue v) {
  JSValue s = js_to_string(sb->vm, v);
  if (js_is_exception(s)) {
    js_sb_free(sb);
    return false;
  }
  js_sb_string(sb, s);
  return true;
}

// String.raw(template, ...substitutions) (§22.1.2.4): the raw literal
// pieces interleaved with the substitutions.
static JSValue string_raw(JSVM *vm, JSValue self, int argc, JSValue *argv,
                          JSValue nt) {
  // cooked.raw is the array of raw literal pieces; any array-like works.
  JSValue cooked = js_to_object(vm, js_arg(0));
  if (js_is_exception(cooked)) return cooked;
  JSValue raw = js_get(vm, cooked, vm->atom[JS_ATOM_raw]);
  if (js_is_exception(raw)) return raw;
  JSValue literals = js_to_object(vm, raw);
  if (js_is_exception(literals)) return literals;
  double count;
  if (!js_length_of_array_like(vm, literals, &count)) return JS_EXCEPTION;
  if (count <= 0) return vm->atom[JS_ATOM_empty];
  // Substitutions past the last literal's gap are ignored; missing ones
  // leave the gap empty.
  int nsubs = argc > 1 ? argc - 1 : 0;
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  for (double i = 0;; i++) {
    JSValue lit = js_get(vm, literals, js_to_property_key(vm, js_from_number(i)));
    if (js_is_exception(lit) || !sb_append_value(&sb, lit)) {
      js_sb_free(&sb);
      return JS_EXCEPTION;
    }
    if (i + 1 == count) break;
    if (i < nsubs && !sb_append_value(&sb, argv[(int)i + 1])) return JS_EXCEPTION;
    // A huge length of empty pieces would loop for a long time before
    // the builder's final check: stop as soon as it has failed.
    if (sb.failed) break;
  }
  return js_sb_finish(&sb);
}

/* {==== Characters and code points ====} */

// The string and ToIntegerOrInfinity(position) that most of these start
// with; false on exception.
static bool string_and_pos(JSVM *vm, JSValue self, JSValue pos, const char *name,
                           JSValue *s, double *d) {
  *s = js_this_string(vm, self, name);
  if (js_is_exception(*s)) return false;
  return js_to_integer_or_infinity(vm, pos, d);
}

// String.prototype.at(index): relative indexing from the end.
static JSValue string_at(JSVM *vm, JSValue self, int argc, JSValue *argv,
                         JSValue nt) {
  JSValue s;
  double k;
  if (!string_and_pos(vm, self, js_arg(0), "at", &s, &k)) return JS_EXCEPTION;
  // Negative indices count from the end: -1 is the last unit.
  double len = js_string_length(s);
  if (k < 0) k += len;
  if (k < 0 || k >= len) return JS_UNDEFINED;
  return js_string_substring(vm, s, (uint32_t)k, (uint32_t)k + 1);
}

// charAt(pos): the one-unit string at pos, "" out of range (never
// undefined, unlike at). One-unit Latin-1 results are the VM's shared
// single-char strings, so this allocates only for wider units.
static JSValue string_char_at(JSVM *vm, JSValue self, int argc, JSValue *argv,
                              JSValue nt) {
  JSValue s;
  double k;
  if (!string_and_pos(vm, self, js_arg(0), "charAt", &s, &k)) return JS_EXCEPTION;
  if (k < 0 || k >= js_string_length(s)) return vm->atom[JS_ATOM_empty];
  return js_string_substring(vm, s, (uint32_t)k, (uint32_t)k + 1);
}

// charCodeAt(pos): the code unit as a Number, NaN out of range. A
// surrogate pair is two units here; codePointAt combines them.
static JSValue string_char_code_at(JSVM *vm, JSValue self, int argc,
                                   JSValue *argv, JSValue nt) {
  JSValue s;
  double k;
  if (!string_and_pos(vm, self, js_arg(0), "charCodeAt", &s, &k)) return JS_EXCEPTION;
  if (k < 0 || k >= js_string_length(s)) return js_from_double(NAN);
  return js_from_int32(js_string_char_code(vm, s, (uint32_t)k));
}

// CodePointAt (§11.1.4): the code point at unit k of flat f, and the
// number of units it spans (2 for a pair, else 1).
static uint32_t code_point_at(const JSString *f, uint32_t k, int *units) {
  uint32_t c = js_flat_char(f, k);
  *units = 1;
  if (c < 0xD800 || c > 0xDBFF || k + 1 >= f->length) return c;
  uint32_t d = js_flat_char(f, k + 1);
  if (d < 0xDC00 || d > 0xDFFF) return c;
  *units = 2;
  return 0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00);
}

// codePointAt(pos): undefined out of range; a lead surrogate at pos
// combines with a following trail, anything else is its own unit.
static JSValue string_code_point_at(JSVM *vm, JSValue self, int argc,
                                    JSValue *argv, JSValue nt) {
  JSValue s;
  double k;
  if (!string_and_pos(vm, self, js_arg(0), "codePointAt", &s, &k)) return JS_EXCEPTION;
  if (k < 0 || k >= js_string_length(s)) return JS_UNDEFINED;
  int units;
  JSString *f = js_string_flat(vm, js_str(s));
  return js_from_int32((int32_t)code_point_at(f, (uint32_t)k, &units));
}

// String.prototype.concat(...args): each argument's ToString appended.
static JSValue string_concat(JSVM *vm, JSValue self, int argc, JSValue *argv,
                             JSValue nt) {
  JSValue r = js_this_string(vm, self, "concat");
  for (int i = 0; i < argc && !js_is_exception(r); i++) {
    JSValue next = js_to_string(vm, argv[i]);
    if (js_is_exception(next)) return next;
    r = js_string_concat(vm, r, next);
  }
  return r;
}

/* {==== Searching ====} */

// The common start of includes, startsWith and endsWith: the string, the
// search string (which must not be a RegExp) and position; false on
// exception.
static bool search_args(JSVM *vm, JSValue self, JSValue search, const char *name,
                        JSValue *s, JSValue *needle) {
  *s = js_this_string(vm, self, name);
  if (js_is_exception(*s)) return false;
  int re = js_string_is_regexp(vm, search);
  if (re < 0) return false;
  if (re) {
    js_throw_type_error(vm, "First argument to String.prototype.%s must not be a "
                        "regular expression", name);
    return false;
  }
  *needle = js_to_string(vm, search);
  return !js_is_exception(*needle);
}

// Whether flat s has needle's units at `at` (in bounds checked here).
static bool matches_at(JSVM *vm, JSValue s, JSValue needle, double at) {
  JSString *h = js_string_flat(vm, js_str(s)), *n = js_string_flat(vm, js_str(needle));
  if (at < 0 || at + n->length > h->length) return false;
  return units_at(h, (uint32_t)at, n);
}

// includes(searchString, position): StringIndexOf from the clamped
// position; a RegExp argument is refused (search_args).
static JSValue string_includes(JSVM *vm, JSValue self, int argc, JSValue *argv,
                               JSValue nt) {
  JSValue s, needle;
  double pos;
  if (!search_args(vm, self, js_arg(0), "includes", &s, &needle)) return JS_EXCEPTION;
  if (!js_to_integer_or_infinity(vm, js_arg(1), &pos)) return JS_EXCEPTION;
  uint32_t start = clamp_pos(pos, js_string_length(s));
  return js_from_bool(js_string_index_of(vm, s, needle, start) >= 0);
}

// startsWith(searchString, position): a match exactly at the clamped
// position; past the end there is no room, so only "" matches there.
static JSValue string_starts_with(JSVM *vm, JSValue self, int argc,
                                  JSValue *argv, JSValue nt) {
  JSValue s, needle;
  double pos;
  if (!search_args(vm, self, js_arg(0), "startsWith", &s, &needle)) return JS_EXCEPTION;
  if (!js_to_integer_or_infinity(vm, js_arg(1), &pos)) return JS_EXCEPTION;
  return js_from_bool(matches_at(vm, s, needle, clamp_pos(pos, js_string_length(s))));
}

// endsWith(searchString, endPosition): a match ending exactly at the
// clamped end position (the string's length by default).
static JSValue string_ends_with(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                JSValue nt) {
  JSValue s, needle;
  double pos;
  if (!search_args(vm, self, js_arg(0), "endsWith", &s, &needle)) return JS_EXCEPTION;
  uint32_t len = js_string_length(s);
  // An undefined end position is the length (not ToIntegerOrInfinity's 0).
  if (js_is_undefined(js_arg(1))) {
    pos = len;
  } else if (!js_to_integer_or_infinity(vm, js_arg(1), &pos)) {
    return JS_EXCEPTION;
  }
  double end = clamp_pos(pos, len);
  return js_from_bool(matches_at(vm, s, needle, end - js_string_length(needle)));
}

// indexOf(searchString, position): unlike includes, any argument is
// accepted (a RegExp is just ToString'd), and the result is the index.
static JSValue string_index_of(JSVM *vm, JSValue self, int argc, JSValue *argv,
                               JSValue nt) {
  JSValue s = js_this_string(vm, self, "indexOf");
  if (js_is_exception(s)) return s;
  JSValue needle = js_to_string(vm, js_arg(0));
  if (js_is_exception(needle)) return needle;
  double pos;
  if (!js_to_integer_or_infinity(vm, js_arg(1), &pos)) return JS_EXCEPTION;
  uint32_t start = clamp_pos(pos, js_string_length(s));
  return js_from_number((double)js_string_index_of(vm, s, needle, start));
}

// lastIndexOf(searchString, position): NaN (and so undefined) searches
// from the end; the match may start at most at the clamped position.
static JSValue string_last_index_of(JSVM *vm, JSValue self, int argc,
                                    JSValue *argv, JSValue nt) {
  JSValue s = js_this_string(vm, self, "lastIndexOf");
  if (js_is_exception(s)) return s;
  JSValue needle = js_to_string(vm, js_arg(0));
  if (js_is_exception(needle)) return needle;
  double num;
  if (!js_to_number(vm, js_arg(1), &num)) return JS_EXCEPTION;
  // Not ToIntegerOrInfinity: its NaN would be 0, but here NaN means
  // "from the end" (§22.1.3.11 step 6).
  double pos = num != num ? INFINITY : trunc(num);
  JSString *h = js_string_flat(vm, js_str(s)), *n = js_string_flat(vm, js_str(needle));
  if (n->length > h->length) return js_from_int32(-1);
  // The last place a match can start: the position, but no later than
  // leaves room for the whole search string.
  uint32_t start = clamp_pos(pos, h->length);
  if (start > h->length - n->length) start = h->length - n->length;
  for (int64_t i = start; i >= 0; i--)
    if (units_at(h, (uint32_t)i, n)) return js_from_number((double)i);
  return js_from_int32(-1);
}

/* {==== Well-formedness, comparison, normalization ====} */

// isWellFormed(): whether no surrogate is unpaired. One-byte strings
// hold no surrogates at all, so they answer without a scan.
static JSValue string_is_well_formed(JSVM *vm, JSValue self, int argc,
                                     JSValue *argv, JSValue nt) {
  JSValue s = js_this_string(vm, self, "isWellFormed");
  if (js_is_exception(s)) return s;
  JSString *f = js_string_flat(vm, js_str(s));
  if (!(f->flags & JS_STR_TWO_BYTE)) return JS_TRUE;  // no surrogates
  for (uint32_t k = 0; k < f->length;) {
    int units;
    uint32_t cp = code_point_at(f, k, &units);
    if (cp >= 0xD800 && cp <= 0xDFFF) return JS_FALSE;  // a lone surrogate
    k += (uint32_t)units;
  }
  return JS_TRUE;
}

// toWellFormed: every lone surrogate becomes U+FFFD.
static JSValue string_to_well_formed(JSVM *vm, JSValue self, int argc,
                                     JSValue *argv, JSValue nt) {
  JSValue s = js_this_string(vm, self, "toWellFormed");
  if (js_is_exception(s)) return s;
  // One-byte strings have no surrogates: already well formed.
  JSString *f = js_string_flat(vm, js_str(s));
  if (!(f->flags & JS_STR_TWO_BYTE)) return s;
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  for (uint32_t k = 0; k < f->length;) {
    int units;
    uint32_t cp = code_point_at(f, k, &units);
    js_sb_codepoint(&sb, cp >= 0xD800 && cp <= 0xDFFF ? 0xFFFD : cp);
    k += (uint32_t)units;
  }
  return js_sb_finish(&sb);
}

// localeCompare(that): jsvm has no collation data, so the order is that
// of code points; both sides are compared in NFC, so that canonically
// equivalent strings compare equal (0) as the spec requires.
static JSValue string_locale_compare(JSVM *vm, JSValue self, int argc,
                                     JSValue *argv, JSValue nt) {
  JSValue s = js_this_string(vm, self, "localeCompare");
  if (js_is_exception(s)) return s;
  JSValue that = js_to_string(vm, js_arg(0));
  if (js_is_exception(that)) return that;
  JSValue a = js_string_normalize(vm, s, JS_NF_C);
  if (js_is_exception(a)) return a;
  JSValue b = js_string_normalize(vm, that, JS_NF_C);
  if (js_is_exception(b)) return b;
  // Code point order (not code unit order): astral characters sort
  // after U+FFFF as they would in any real collation.
  JSString *x = js_string_flat(vm, js_str(a)), *y = js_string_flat(vm, js_str(b));
  uint32_t i = 0, j = 0;
  while (i < x->length && j < y->length) {
    int ux, uy;
    uint32_t cx = code_point_at(x, i, &ux), cy = code_point_at(y, j, &uy);
    if (cx != cy) return js_from_int32(cx < cy ? -1 : 1);
    i += (uint32_t)ux, j += (uint32_t)uy;
  }
  if (i < x->length) return js_from_int32(1);
  return js_from_int32(j < y->length ? -1 : 0);
}

// normalize(form): "NFC" by default; any other spelling (even "nfc") is
// a RangeError, with V8's message. The work is builtins_string_unicode.c's.
static JSValue string_normalize(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                JSValue nt) {
  static const char *const forms[] = {"NFC", "NFD", "NFKC", "NFKD"};
  JSValue s = js_this_string(vm, self, "normalize");
  if (js_is_exception(s)) return s;
  int form = JS_NF_C;
  if (!js_is_undefined(js_arg(0))) {
    JSValue f = js_to_string(vm, js_arg(0));
    if (js_is_exception(f)) return f;
    form = -1;
    for (int k = 0; k < 4; k++)
      if (js_string_equal(vm, f, js_atom(vm, forms[k]))) form = k;
    if (form < 0)
      return js_throw_range_error(vm, "The normalization form should be one of "
                                  "NFC, NFD, NFKC, NFKD.");
  }
  return js_string_normalize(vm, s, form);
}

/* {==== Padding, repetition, slicing ====} */

// StringPad (§22.1.3.17.2): fill up to maxLength with repetitions of the
// filler (default " "), truncated, before (start) or after the string.
static JSValue string_pad(JSVM *vm, JSValue self, int argc, JSValue *argv,
                          JSValue nt) {
  bool at_start = js_native_magic(vm);
  JSValue s = js_this_string(vm, self, at_start ? "padStart" : "padEnd");
  if (js_is_exception(s)) return s;
  double max;
  if (!js_to_length(vm, js_arg(0), &max)) return JS_EXCEPTION;
  uint32_t len = js_string_length(s);
  if (max <= len) return s;
  JSValue filler = vm->single_char[' '];
  if (!js_is_undefined(js_arg(1))) {
    filler = js_to_string(vm, js_arg(1));
    if (js_is_exception(filler)) return filler;
  }
  uint32_t flen = js_string_length(filler);
  if (flen == 0) return s;
  // Checked after the filler's ToString (spec order), before building.
  if (max > JS_STRING_MAX_LENGTH) return js_throw_range_error(vm, "Invalid string length");
  // Whole copies of the filler, then a truncated one (StringPad step 5).
  uint32_t fill = (uint32_t)max - len;
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  if (!at_start) js_sb_string(&sb, s);
  for (uint32_t done = 0; done < fill; done += flen) {
    JSValue piece = fill - done >= flen ? filler
                                        : js_string_substring(vm, filler, 0, fill - done);
    js_sb_string(&sb, piece);
  }
  if (at_start) js_sb_string(&sb, s);
  return js_sb_finish(&sb);
}

// repeat(count): RangeError for negative or infinite counts (V8's
// "Invalid count value: -1"), and for results past the longest string.
static JSValue string_repeat(JSVM *vm, JSValue self, int argc, JSValue *argv,
                             JSValue nt) {
  JSValue s;
  double n;
  if (!string_and_pos(vm, self, js_arg(0), "repeat", &s, &n)) return JS_EXCEPTION;
  if (n < 0 || isinf(n)) {
    JSValue str = js_number_to_string(vm, n);
    char *text = js_string_utf8(vm, str, NULL);
    js_throw_range_error(vm, "Invalid count value: %s", text);
    free(text);
    return JS_EXCEPTION;
  }
  // Any count of "" is "" (even 2^40 of them): no length error then.
  uint32_t len = js_string_length(s);
  if (n == 0 || len == 0) return vm->atom[JS_ATOM_empty];
  if (n * len > JS_STRING_MAX_LENGTH) return js_throw_range_error(vm, "Invalid string length");
  // Binary powering over ropes: log2(n) concatenations, and one copy
  // when the result is first read (js_string_concat's cons strings).
  JSValue r = vm->atom[JS_ATOM_empty], power = s;
  for (uint32_t count = (uint32_t)n;;) {
    if (count & 1) {
      r = js_string_concat(vm, r, power);
      if (js_is_exception(r)) return r;
    }
    count >>= 1;
    if (!count) return r;
    power = js_string_concat(vm, power, power);
    if (js_is_exception(power)) return power;
  }
}

// slice(start, end): negative positions count from the end.
static JSValue string_slice(JSVM *vm, JSValue self, int argc, JSValue *argv,
                            JSValue nt) {
  JSValue s;
  double from, to;
  if (!string_and_pos(vm, self, js_arg(0), "slice", &s, &from)) return JS_EXCEPTION;
  double len = js_string_length(s);
  to = len;
  if (!js_is_undefined(js_arg(1)) && !js_to_integer_or_infinity(vm, js_arg(1), &to))
    return JS_EXCEPTION;
  // Relative positions: negative ones count back from the end.
  from = from < 0 ? fmax(len + from, 0) : fmin(from, len);
  to = to < 0 ? fmax(len + to, 0) : fmin(to, len);
  if (from >= to) return vm->atom[JS_ATOM_empty];
  return js_string_substring(vm, s, (uint32_t)from, (uint32_t)to);
}

// substring(start, end): clamped, and swapped when start > end.
static JSValue string_substring(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                JSValue nt) {
  JSValue s;
  double a, b;
  if (!string_and_pos(vm, self, js_arg(0), "substring", &s, &a)) return JS_EXCEPTION;
  uint32_t len = js_string_length(s);
  b = len;
  if (!js_is_undefined(js_arg(1)) && !js_to_integer_or_infinity(vm, js_arg(1), &b))
    return JS_EXCEPTION;
  uint32_t x = clamp_pos(a, len), y = clamp_pos(b, len);
  return js_string_substring(vm, s, x < y ? x : y, x < y ? y : x);
}

// substr(start, length) (Annex B.2.2.1): a start and a count.
static JSValue string_substr(JSVM *vm, JSValue self, int argc, JSValue *argv,
                             JSValue nt) {
  JSValue s;
  double start, count;
  if (!string_and_pos(vm, self, js_arg(0), "substr", &s, &start)) return JS_EXCEPTION;
  double size = js_string_length(s);
  if (start < 0) start = fmax(size + start, 0);  // -Infinity gives 0
  start = fmin(start, size);
  count = size;
  if (!js_is_undefined(js_arg(1)) && !js_to_integer_or_infinity(vm, js_arg(1), &count))
    return JS_EXCEPTION;
  count = fmin(fmax(count, 0), size);
  double end = fmin(start + count, size);
  if (start >= end) return vm->atom[JS_ATOM_empty];
  return js_string_substring(vm, s, (uint32_t)start, (uint32_t)end);
}

/* {==== Case, trimming, toString ====} */

// toLowerCase, toUpperCase and the toLocale* forms (magic bit 0: upper).
// There is no locale data: the locale forms map like the plain ones.
static JSValue string_case(JSVM *vm, JSValue self, int argc, JSValue *argv,
                           JSValue nt) {
  static const char *const names[] = {"toLowerCase", "toUpperCase",
                                      "toLocaleLowerCase", "toLocaleUpperCase"};
  int magic = js_native_magic(vm);
  JSValue s = js_this_string(vm, self, names[magic]);
  if (js_is_exception(s)) return s;
  return js_string_case(vm, s, magic & 1);
}

// WhiteSpace and LineTerminator (§12.2, §12.3): the set TrimString strips.
static bool is_js_space(uint16_t c) {
  if (c < 0x80) return c == ' ' || (c >= 0x09 && c <= 0x0D);
  switch (c) {
    case 0xA0: case 0x1680: case 0x2028: case 0x2029: case 0x202F:
    case 0x205F: case 0x3000: case 0xFEFF:
      return true;
  }
  return c >= 0x2000 && c <= 0x200A;
}

// trim, trimStart, trimEnd (magic: 0 both ends, 1 start, 2 end).
static JSValue string_trim(JSVM *vm, JSValue self, int argc, JSValue *argv,
                           JSValue nt) {
  static const char *const names[] = {"trim", "trimStart", "trimEnd"};
  int magic = js_native_magic(vm);
  JSValue s = js_this_string(vm, self, names[magic]);
  if (js_is_exception(s)) return s;
  JSString *f = js_string_flat(vm, js_str(s));
  // Scan inward from the ends; the substring shares nothing with s.
  uint32_t a = 0, b = f->length;
  if (magic != 2)
    while (a < b && is_js_space(js_flat_char(f, a))) a++;
  if (magic != 1)
    while (b > a && is_js_space(js_flat_char(f, b - 1))) b--;
  return js_string_substring(vm, s, a, b);
}

// thisStringValue (§22.1.3.35.1): toString and valueOf.
// Both refuse other objects and primitives: they are not generic (the
// magic only picks the method name for the TypeError).
static JSValue string_value_of(JSVM *vm, JSValue self, int argc, JSValue *argv,
                               JSValue nt) {
  // A primitive string, or a wrapper holding one ([[StringData]]).
  if (js_is_string(self)) return self;
  if (js_is_type(self, JS_TYPE_Primitive)) {
    JSValue v = ((JSPrimitiveObject *)js_obj(self))->value;
    if (js_is_string(v)) return v;
  }
  return js_throw_type_error(vm, "String.prototype.%s requires that 'this' be a String",
                             js_native_magic(vm) ? "valueOf" : "toString");
}

/* {==== Annex B: the HTML methods ====} */

// Each method's tag and attribute (NULL: none); the magic indexes this.
static const struct { const char *name, *tag, *attr; } html_methods[] = {
    {"anchor", "a", "name"},    {"big", "big", NULL},
    {"blink", "blink", NULL},   {"bold", "b", NULL},
    {"fixed", "tt", NULL},      {"fontcolor", "font", "color"},
    {"fontsize", "font", "size"}, {"italics", "i", NULL},
    {"link", "a", "href"},      {"small", "small", NULL},
    {"strike", "strike", NULL}, {"sub", "sub", NULL},
    {"sup", "sup", NULL},
};

// CreateHTML (Annex B.2.2.2.1): <tag attr="value">S</tag>, with '"' in
// the value escaped as &quot;.
static JSValue string_html(JSVM *vm, JSValue self, int argc, JSValue *argv,
                           JSValue nt) {
  int m = js_native_magic(vm);
  JSValue s = js_this_string(vm, self, html_methods[m].name);
  if (js_is_exception(s)) return s;
  // The attribute value is converted after this (spec step order).
  JSValue value = JS_UNDEFINED;
  if (html_methods[m].attr) {
    value = js_to_string(vm, js_arg(0));
    if (js_is_exception(value)) return value;
  }
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  js_sb_printf(&sb, "<%s", html_methods[m].tag);
  if (html_methods[m].attr) {
    js_sb_printf(&sb, " %s=\"", html_methods[m].attr);
    JSString *f = js_string_flat(vm, js_str(value));
    for (uint32_t k = 0; k < f->length; k++) {
      uint16_t c = js_flat_char(f, k);
      if (c == '"') js_sb_ascii(&sb, "&quot;");
      else js_sb_char(&sb, c);
    }
    js_sb_char(&sb, '"');
  }
  js_sb_char(&sb, '>');
  js_sb_string(&sb, s);
  js_sb_printf(&sb, "</%s>", html_methods[m].tag);
  return js_sb_finish(&sb);
}

/* {==== The string iterator (§22.1.5) ====} */

// String.prototype[@@iterator]: a %StringIteratorPrototype% object over
// ToString(this) (runtime/iterator.h's JS_ITER_STRING brand: target is
// the string, index the next code unit).
static JSValue string_iterator(JSVM *vm, JSValue self, int argc, JSValue *argv,
                               JSValue nt) {
  JSValue s = js_this_string(vm, self, "[Symbol.iterator]");
  if (js_is_exception(s)) return s;
  return js_new_iterator(vm, JS_ITER_STRING, s, JS_ITER_KIND_VALUES);
}

// %StringIteratorPrototype%.next (§22.1.5.1.1): the next code point as a
// string; once exhausted the target is dropped, so it stays done.
static JSValue string_iterator_next(JSVM *vm, JSValue self, int argc,
                                    JSValue *argv, JSValue nt) {
  JSIteratorObject *it = js_iterator_this(vm, self, JS_ITER_STRING, "next");
  if (!it) return JS_EXCEPTION;
  if (js_is_undefined(it->target)) return js_create_iter_result(vm, JS_UNDEFINED, true);
  JSString *f = js_string_flat(vm, js_str(it->target));
  if (it->index >= f->length) {
    ORI_STORE(it, target, JS_UNDEFINED);
    return js_create_iter_result(vm, JS_UNDEFINED, true);
  }
  int units;
  uint32_t k = (uint32_t)it->index;
  code_point_at(f, k, &units);
  it->index = k + (uint64_t)units;
  JSValue cp = js_string_substring(vm, it->target, k, k + (uint32_t)units);
  return js_create_iter_result(vm, cp, false);
}

/* {==== Installation ====} */

// String.prototype[@@iterator] and %StringIteratorPrototype%'s own
// properties (its [[Prototype]] %IteratorPrototype% is set by realm.c).
static void init_iterator(JSVM *vm, JSValue proto) {
  js_def_method_key(vm, proto, vm->symbol[JS_SYMBOL_iterator], "[Symbol.iterator]",
                    string_iterator, 0);
  JSValue ip = js_intrinsic(vm, StringIteratorPrototype);
  js_def_method(vm, ip, "next", string_iterator_next, 0);
  js_define_value(vm, ip, vm->symbol[JS_SYMBOL_toStringTag],
                  js_atom(vm, "String Iterator"), JS_ATTR_CONFIGURABLE);
}

// Annex B.2.2: substr, the thirteen HTML methods, trimLeft/trimRight.
// Installed after init_prototype's methods, since the aliases copy them.
static void init_annex_b(JSVM *vm, JSValue proto) {
  js_def_method(vm, proto, "substr", string_substr, 2);
  for (int m = 0; m < (int)(sizeof html_methods / sizeof *html_methods); m++)
    js_def_method_magic(vm, proto, html_methods[m].name, string_html,
                        html_methods[m].attr ? 1 : 0, m);
  // trimLeft and trimRight are the very function objects of trimStart
  // and trimEnd (B.2.2.15-16), so their names stay trimStart/trimEnd.
  js_def_value(vm, proto, "trimLeft", js_get_str(vm, proto, "trimStart"), JS_ATTR_METHOD);
  js_def_value(vm, proto, "trimRight", js_get_str(vm, proto, "trimEnd"), JS_ATTR_METHOD);
}

// String.prototype's methods with their spec lengths, in the spec's
// alphabetical order; the pattern methods live in the pattern file.
static void init_prototype(JSVM *vm, JSValue p) {
  js_def_method(vm, p, "at", string_at, 1);
  js_def_method(vm, p, "charAt", string_char_at, 1);
  js_def_method(vm, p, "charCodeAt", string_char_code_at, 1);
  js_def_method(vm, p, "codePointAt", string_code_point_at, 1);
  js_def_method(vm, p, "concat", string_concat, 1);
  js_def_method(vm, p, "endsWith", string_ends_with, 1);
  js_def_method(vm, p, "includes", string_includes, 1);
  js_def_method(vm, p, "indexOf", string_index_of, 1);
  js_def_method(vm, p, "isWellFormed", string_is_well_formed, 0);
  js_def_method(vm, p, "lastIndexOf", string_last_index_of, 1);
  js_def_method(vm, p, "localeCompare", string_locale_compare, 1);
  js_def_method(vm, p, "normalize", string_normalize, 0);
  js_def_method_magic(vm, p, "padEnd", string_pad, 1, 0);
  js_def_method_magic(vm, p, "padStart", string_pad, 1, 1);
  js_def_method(vm, p, "repeat", string_repeat, 1);
  js_def_method(vm, p, "slice", string_slice, 2);
  js_def_method(vm, p, "startsWith", string_starts_with, 1);
  js_def_method(vm, p, "substring", string_substring, 2);
  js_def_method_magic(vm, p, "toLocaleLowerCase", string_case, 0, 2);
  js_def_method_magic(vm, p, "toLocaleUpperCase", string_case, 0, 3);
  js_def_method_magic(vm, p, "toLowerCase", string_case, 0, 0);
  js_def_method_magic(vm, p, "toString", string_value_of, 0, 0);
  js_def_method_magic(vm, p, "toUpperCase", string_case, 0, 1);
  js_def_method(vm, p, "toWellFormed", string_to_well_formed, 0);
  js_def_method_magic(vm, p, "trim", string_trim, 0, 0);
  js_def_method_magic(vm, p, "trimEnd", string_trim, 0, 2);
  js_def_method_magic(vm, p, "trimStart", string_trim, 0, 1);
  js_def_method_magic(vm, p, "valueOf", string_value_of, 0, 1);
  js_init_string_pattern(vm, p);
  init_iterator(vm, p);
  init_annex_b(vm, p);
}

// The `string` family: %String% (its prototype property and
// String.prototype.constructor come from js_new_native_ctor), its three
// functions, the prototype's methods, and the global binding.
void js_init_string(JSVM *vm) {
  JSValue proto = js_intrinsic(vm, StringPrototype);
  JSValue ctor = js_new_native_ctor(vm, "String", string_ctor, 1, proto);
  js_def_method(vm, ctor, "fromCharCode", string_from_char_code, 1);
  js_def_method(vm, ctor, "fromCodePoint", string_from_code_point, 1);
  js_def_method(vm, ctor, "raw", string_raw, 1);
  init_prototype(vm, proto);
  js_def_value(vm, vm->realm->global, "String", ctor, JS_ATTR_METHOD);
}
