/*
 * runtime/builtins_uri.c — the global functions of ECMA-262 §19.2 that
 * are not eval: parseInt, parseFloat, isNaN, isFinite, and the URI
 * functions encodeURI, encodeURIComponent, decodeURI, decodeURIComponent.
 *
 * Invariants:
 *  - Number parsing is numconv's (runtime/numconv.h), on the string's flat
 *    code units in whichever width they are stored.
 *  - Encode works on code points (a lone surrogate is a URIError) and
 *    writes UTF-8 octets as %XX with upper-case hex; Decode accepts only
 *    shortest-form UTF-8 of scalar values (no surrogates, at most
 *    U+10FFFF) and keeps an escape verbatim when it decodes to a character
 *    of the preserve set. Every malformed input throws URIError.
 *  - Builders are malloc'd (JSStrBuf) and the flat source string is held
 *    in a C local, so no heap object moves under the loops.
 */
#include <math.h>
#include <string.h>

#include "runtime/numconv.h"
#include "runtime/runtime.h"

/* {==== Numbers ====} */

// parseInt (§19.2.5): numconv applies the radix rules (0 means 10 or a
// 0x prefix; outside 2..36 is NaN) and the exact rounding.
static JSValue global_parse_int(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                JSValue nt) {
  // ToString(string) strictly before ToInt32(radix): both may run code.
  JSValue s = js_to_string(vm, js_arg(0));
  if (js_is_exception(s)) return s;
  int32_t radix;
  if (!js_to_int32(vm, js_arg(1), &radix)) return JS_EXCEPTION;
  JSString *f = js_string_flat(vm, js_str(s));
  double d = (f->flags & JS_STR_TWO_BYTE) ? js_parse_int_utf16(f->u.c16, f->length, radix)
                                          : js_parse_int_latin1(f->u.c8, f->length, radix);
  return js_from_number(d);
}

// parseFloat (§19.2.4): the longest StrDecimalLiteral prefix after
// leading white space; hex, octal and binary prefixes are not recognized.
static JSValue global_parse_float(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                  JSValue nt) {
  JSValue s = js_to_string(vm, js_arg(0));
  if (js_is_exception(s)) return s;
  JSString *f = js_string_flat(vm, js_str(s));
  double d = (f->flags & JS_STR_TWO_BYTE) ? js_parse_float_utf16(f->u.c16, f->length)
                                          : js_parse_float_latin1(f->u.c8, f->length);
  return js_from_number(d);
}

// isNaN (magic 0) and isFinite (magic 1): ToNumber, then the test.
static JSValue global_is_nan_or_finite(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                       JSValue nt) {
  double d;
  if (!js_to_number(vm, js_arg(0), &d)) return JS_EXCEPTION;
  return js_from_bool(js_native_magic(vm) ? isfinite(d) : isnan(d));
}

/* {==== Encode ====} */

// The characters of the spec's uriUnreserved (with alphanumerics) that
// are never escaped; encodeURI adds uriReserved and '#'.
static const char unreserved_marks[] = "-_.!~*'()";
static const char reserved_set[] = ";/?:@&=+$,#";

// Whether code unit c is copied as is: ASCII alphanumerics, the marks,
// and for encodeURI the reserved set too. NUL never is (strchr's match
// on the terminator must not count).
static bool is_unescaped(uint16_t c, bool whole_uri) {
  if (c >= 128 || c == 0) return false;
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  if (strchr(unreserved_marks, c)) return true;
  return whole_uri && strchr(reserved_set, c);
}

// Throw URIError: URI malformed (V8's message), dropping the builder.
static JSValue uri_error(JSVM *vm, JSStrBuf *sb, ...) {
  js_sb_free(sb);
  va_list ap;
  va_start(ap, sb);
  js_throw_error(vm, JS_ERR_URIError, "URI malformed", ap);
  va_end(ap);
  return JS_EXCEPTION;
}

// The UTF-8 octets of cp as %XX escapes.
static void put_utf8_escapes(JSStrBuf *sb, uint32_t cp) {
  uint8_t b[4];
  int n;
  if (cp < 0x80) {
    b[0] = (uint8_t)cp, n = 1;
  } else if (cp < 0x800) {
    b[0] = (uint8_t)(0xC0 | cp >> 6), n = 2;
  } else if (cp < 0x10000) {
    b[0] = (uint8_t)(0xE0 | cp >> 12), n = 3;
  } else {
    b[0] = (uint8_t)(0xF0 | cp >> 18), n = 4;
  }
  // Continuation octets carry six bits each, lowest last.
  for (int i = n - 1; i > 0; i--, cp >>= 6) b[i] = (uint8_t)(0x80 | (cp & 0x3F));
  for (int i = 0; i < n; i++) js_sb_printf(sb, "%%%02X", b[i]);
}

// Encode (§19.2.6.5); magic 1 is encodeURI (reserved characters kept).
static JSValue global_encode(JSVM *vm, JSValue self, int argc, JSValue *argv,
                             JSValue nt) {
  bool whole_uri = js_native_magic(vm);
  JSValue s = js_to_string(vm, js_arg(0));
  if (js_is_exception(s)) return s;
  JSString *f = js_string_flat(vm, js_str(s));
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  for (uint32_t k = 0; k < f->length; k++) {
    uint16_t c = js_flat_char(f, k);
    if (is_unescaped(c, whole_uri)) {
      js_sb_char(&sb, c);
      continue;
    }
    uint32_t cp = c;
    // CodePointAt: a lead surrogate needs its trail; lone halves fail.
    if (c >= 0xDC00 && c <= 0xDFFF) return uri_error(vm, &sb);
    if (c >= 0xD800 && c <= 0xDBFF) {
      uint16_t t = k + 1 < f->length ? js_flat_char(f, k + 1) : 0;
      if (t < 0xDC00 || t > 0xDFFF) return uri_error(vm, &sb);
      cp = 0x10000 + ((uint32_t)(c - 0xD800) << 10) + (t - 0xDC00);
      k++;
    }
    put_utf8_escapes(&sb, cp);
  }
  return js_sb_finish(&sb);
}

/* {==== Decode ====} */

// A hex digit's value (either case), or -1.
static int hex_digit(uint16_t c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// "%XX" at k (ParseHexOctet after the percent sign): the octet, or -1.
static int escape_at(const JSString *f, uint32_t k) {
  if (k + 2 >= f->length || js_flat_char(f, k) != '%') return -1;
  int hi = hex_digit(js_flat_char(f, k + 1)), lo = hex_digit(js_flat_char(f, k + 2));
  return hi < 0 || lo < 0 ? -1 : hi << 4 | lo;
}

// The code point of the UTF-8 sequence of escapes starting at *k (whose
// first octet is lead >= 0x80); *k ends on its last character. -1 when
// malformed: bad lead, missing or bad continuation, overlong form,
// surrogate or beyond U+10FFFF.
static int32_t decode_sequence(const JSString *f, uint32_t *k, int lead) {
  int n = (lead & 0xE0) == 0xC0 ? 2 : (lead & 0xF0) == 0xE0 ? 3 : (lead & 0xF8) == 0xF0 ? 4 : 0;
  if (!n) return -1;  // a continuation octet first, or 5+ leading ones
  uint32_t cp = (uint32_t)lead & (0x7Fu >> n);
  for (int j = 1; j < n; j++) {
    int b = escape_at(f, *k + 1);
    if (b < 0 || (b & 0xC0) != 0x80) return -1;
    cp = cp << 6 | (uint32_t)(b & 0x3F);
    *k += 3;
  }
  static const uint32_t min_cp[5] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < min_cp[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return -1;
  return (int32_t)cp;
}

// Decode (§19.2.6.6); magic 1 is decodeURI, whose escapes of reserved
// characters (and '#') stay as written.
static JSValue global_decode(JSVM *vm, JSValue self, int argc, JSValue *argv,
                             JSValue nt) {
  bool whole_uri = js_native_magic(vm);
  JSValue s = js_to_string(vm, js_arg(0));
  if (js_is_exception(s)) return s;
  JSString *f = js_string_flat(vm, js_str(s));
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  for (uint32_t k = 0; k < f->length; k++) {
    uint16_t c = js_flat_char(f, k);
    if (c != '%') {
      js_sb_char(&sb, c);
      continue;
    }
    int b = escape_at(f, k);
    if (b < 0) return uri_error(vm, &sb);
    uint32_t start = k;
    k += 2;
    if (b >= 0x80) {
      int32_t cp = decode_sequence(f, &k, b);
      if (cp < 0) return uri_error(vm, &sb);
      js_sb_codepoint(&sb, (uint32_t)cp);
    } else if (whole_uri && b && strchr(reserved_set, b)) {
      // Preserved: copy the three characters, keeping their case.
      for (uint32_t i = start; i <= k; i++) js_sb_char(&sb, js_flat_char(f, i));
    } else {
      js_sb_char(&sb, (uint16_t)b);
    }
  }
  return js_sb_finish(&sb);
}

/* {==== Installation ====} */

// All eight are plain functions on the global object (writable,
// configurable, not enumerable, like every global function).
void js_init_uri(JSVM *vm) {
  JSValue g = vm->realm->global;
  js_def_method(vm, g, "parseInt", global_parse_int, 2);
  js_def_method(vm, g, "parseFloat", global_parse_float, 1);
  js_def_method_magic(vm, g, "isNaN", global_is_nan_or_finite, 1, 0);
  js_def_method_magic(vm, g, "isFinite", global_is_nan_or_finite, 1, 1);
  js_def_method_magic(vm, g, "encodeURI", global_encode, 1, 1);
  js_def_method_magic(vm, g, "encodeURIComponent", global_encode, 1, 0);
  js_def_method_magic(vm, g, "decodeURI", global_decode, 1, 1);
  js_def_method_magic(vm, g, "decodeURIComponent", global_decode, 1, 0);
}
