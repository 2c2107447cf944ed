/*
 * parser/literals.c — decoding of string, template, numeric, BigInt and
 * identifier source text (ECMA-262 2025 §12.7 and §12.9, Annex B.1.1/B.1.2).
 *
 * Invariants (on top of those in literals.h):
 * - Output is WTF-8 and never holds an encoded surrogate *pair*: a low
 *   surrogate appended right after a high one produced by the same call is
 *   joined into one supplementary code point, so "\uD83D\uDE00" gives the
 *   same bytes as the emoji written directly (see append_cp).
 * - Source text is read as WTF-8, i.e. UTF-8 in which lone surrogates may
 *   appear as three-byte sequences: eval() hands us runtime strings, which
 *   may hold lone surrogates. Overlong forms, truncated sequences and values
 *   above U+10FFFF are rejected ("Invalid UTF-8 in source text").
 * - *flags, when given, is overwritten (not or-ed into) by every call.
 * - err and err_at may be NULL when the caller only wants a yes/no answer.
 * - Decimal numbers go through strtod, which glibc rounds correctly, on a
 *   cleaned copy that holds only ASCII digits, `e` and `-`: there is no
 *   radix character in it, so LC_NUMERIC (the only locale category strtod
 *   reads) cannot change the result, whatever setlocale() the embedder ran.
 *   That keeps this file free of global state (no cached locale_t).
 * - Nothing here keeps a pointer into `s` or `out` after returning.
 */
#include "parser/literals.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser/unicode_id.h"

/* {==== Errors and small helpers ====} */

// Texts follow V8's SyntaxError messages where V8 has one.
static const char MSG_TOKEN[] = "Invalid or unexpected token";
static const char MSG_HEX[] = "Invalid hexadecimal escape sequence";
static const char MSG_UNICODE[] = "Invalid Unicode escape sequence";
static const char MSG_CODE_POINT[] = "Undefined Unicode code-point";
static const char MSG_UTF8[] = "Invalid UTF-8 in source text";
static const char MSG_TEMPLATE_OCTAL[] =
    "Octal escape sequences are not allowed in template strings";
static const char MSG_TEMPLATE_89[] =
    "\\8 and \\9 are not allowed in template strings";
static const char MSG_SEP_DOUBLE[] =
    "Only one underscore is allowed as numeric separator";
static const char MSG_SEP_TRAILING[] =
    "Numeric separators are not allowed at the end of numeric literals";
static const char MSG_SEP_ZERO[] =
    "Numeric separator can not be used after leading 0.";

// A pending error: the helpers fill it, the public entry points publish it.
typedef struct Fault {
  const char *msg;
  size_t at;
} Fault;

// fault: record msg at byte offset `at`; returns false so callers can
// `return fault(...)` in one line.
static bool fault(Fault *f, const char *msg, size_t at) {
  f->msg = msg;
  f->at = at;
  return false;
}

// publish: copy a failure out to the caller's (optional) err/err_at.
static bool publish(bool ok, const Fault *f, const char **err,
                    size_t *err_at) {
  if (!ok && err) *err = f->msg;
  if (!ok && err_at) *err_at = f->at;
  return ok;
}

// xmalloc: the out-of-memory policy of buf.c (a clean exit, never NULL).
static void *xmalloc(size_t size) {
  void *p = malloc(size);
  if (!p) {
    fputs("FATAL ERROR: out of memory in the parser\n", stderr);
    exit(70);
  }
  return p;
}

// hex_value: the value of an ASCII hex digit, or -1 for anything else.
static int hex_value(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  // Folding case with |0x20 only maps letters onto letters, so it is safe.
  unsigned char l = c | 0x20;
  if (l >= 'a' && l <= 'f') return l - 'a' + 10;
  return -1;
}

static bool is_decimal(unsigned char c) { return c >= '0' && c <= '9'; }

// decode_utf8: the code point whose lead byte is s[0] (>= 0x80), reading at
// most n bytes. Returns its length, or 0 when the bytes are not WTF-8.
//   C2..DF  1 continuation byte   U+0080..U+07FF
//   E0..EF  2 continuation bytes  U+0800..U+FFFF (surrogates included)
//   F0..F4  3 continuation bytes  U+10000..U+10FFFF
static size_t decode_utf8(const unsigned char *s, size_t n, uint32_t *cp) {
  unsigned char c = s[0];
  size_t len;
  uint32_t v, min;
  // The lead byte fixes the length; C0/C1 and F5.. can never start one.
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2, v = c & 0x1F, min = 0x80;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3, v = c & 0x0F, min = 0x800;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4, v = c & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (n < len) return 0;
  for (size_t k = 1; k < len; k++) {
    if ((s[k] & 0xC0) != 0x80) return 0;
    v = v << 6 | (s[k] & 0x3F);
  }
  // `min` rejects overlong forms; surrogates are allowed on purpose (WTF-8).
  if (v < min || v > 0x10FFFF) return 0;
  *cp = v;
  return len;
}

// append_cp: append cp as WTF-8. A low surrogate that follows a high one
// written by this same call (output since `start`) is joined with it into
// one code point: WTF-8 must never hold an encoded surrogate pair.
static void append_cp(PrsBuf *out, size_t start, uint32_t cp) {
  if (cp >= 0xDC00 && cp <= 0xDFFF && out->len - start >= 3) {
    const unsigned char *t =
        (const unsigned char *)out->data + out->len - 3;
    // 0xED is always a lead byte, so this is a whole 3-byte high surrogate.
    if (t[0] == 0xED && t[1] >= 0xA0 && t[1] <= 0xAF) {
      uint32_t hi = 0xD000u | (uint32_t)(t[1] & 0x3F) << 6 | (t[2] & 0x3F);
      out->len -= 3;
      cp = 0x10000 + ((hi - 0xD800) << 10) + (cp - 0xDC00);
    }
  }
  prs_buf_code_point(out, cp);
}

// copy_non_ascii: validate the multi-byte character at s[*ip] and append it.
static bool copy_non_ascii(const char *s, size_t n, size_t *ip, PrsBuf *out,
                           size_t start, Fault *f) {
  uint32_t cp;
  size_t i = *ip;
  size_t len = decode_utf8((const unsigned char *)s + i, n - i, &cp);
  if (!len) return fault(f, MSG_UTF8, i);
  // Only a surrogate can need joining; everything else is copied verbatim.
  if (cp >= 0xD800 && cp <= 0xDFFF) {
    append_cp(out, start, cp);
  } else {
    prs_buf_push(out, s + i, len);
  }
  *ip = i + len;
  return true;
}

// line_terminator_len: the length of the LineTerminatorSequence at s[i]
// (LF, CR, CRLF, U+2028, U+2029), or 0 when there is none.
static size_t line_terminator_len(const char *s, size_t n, size_t i) {
  if (s[i] == '\n') return 1;
  if (s[i] == '\r') return i + 1 < n && s[i + 1] == '\n' ? 2 : 1;
  // U+2028 and U+2029 are E2 80 A8 and E2 80 A9 in UTF-8.
  if ((unsigned char)s[i] == 0xE2 && i + 2 < n &&
      (unsigned char)s[i + 1] == 0x80 &&
      ((unsigned char)s[i + 2] & 0xFE) == 0xA8)
    return 3;
  return 0;
}

/* {==== Unicode identifier properties ====} */

// in_ranges: binary search in a generated table (sorted, disjoint ranges).
// About ten probes for either table; only non-ASCII code points get here,
// and those are rare in real sources, so no second-level index is kept.
static bool in_ranges(const PrsCpRange *r, size_t count, uint32_t cp) {
  size_t lo = 0, hi = count;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (cp < r[mid].lo) {
      hi = mid;
    } else if (cp > r[mid].hi) {
      lo = mid + 1;
    } else {
      return true;
    }
  }
  return false;
}

// ASCII answers are inline: nearly every identifier char the parser sees.
static bool ascii_id_start(uint32_t c) {
  uint32_t l = c | 0x20;
  return (l >= 'a' && l <= 'z') || c == '$' || c == '_';
}

bool prs_unicode_id_start(uint32_t cp) {
  if (cp < 0x80) return ascii_id_start(cp);
  return in_ranges(prs_id_start_ranges, PRS_ID_START_RANGES_COUNT, cp);
}

bool prs_unicode_id_continue(uint32_t cp) {
  if (cp < 0x80) return ascii_id_start(cp) || is_decimal((unsigned char)cp);
  // ZWNJ and ZWJ are IdentifierPartChar in JS though not ID_Continue.
  if (cp == 0x200C || cp == 0x200D) return true;
  return in_ranges(prs_id_continue_ranges, PRS_ID_CONTINUE_RANGES_COUNT, cp);
}

/* {==== Escapes shared by strings, templates and identifiers ====} */

// single_escape: the value of a SingleEscapeCharacter that is not its own
// value (\b \f \n \r \t \v), or -1.
static int single_escape(unsigned char c) {
  switch (c) {
    case 'b': return '\b';
    case 'f': return '\f';
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    case 'v': return '\v';
    default: return -1;  // a char, not an enum: `default` is allowed here
  }
}

// read_hex_escape: "xHH" with s[*ip] == 'x'; on success *ip is after it.
static bool read_hex_escape(const char *s, size_t n, size_t *ip,
                            uint32_t *cp) {
  size_t i = *ip;
  int hi = i + 1 < n ? hex_value(s[i + 1]) : -1;
  int lo = i + 2 < n ? hex_value(s[i + 2]) : -1;
  if (hi < 0 || lo < 0) return false;
  *cp = (uint32_t)(hi << 4 | lo);
  *ip = i + 3;
  return true;
}

// read_unicode_escape: "uHHHH" or "u{H...}" with s[*ip] == 'u'. Returns
// NULL on success (*ip after it), else the error message.
static const char *read_unicode_escape(const char *s, size_t n, size_t *ip,
                                       uint32_t *cp) {
  size_t i = *ip + 1;
  uint32_t v = 0;
  if (i < n && s[i] == '{') {
    size_t digits = 0;
    bool too_big = false;
    for (i++; i < n && hex_value(s[i]) >= 0; i++, digits++) {
      v = v * 16 + (uint32_t)hex_value(s[i]);
      // Saturate so that thousands of digits cannot wrap v around.
      if (v > 0x10FFFF) too_big = true, v = 0x110000;
    }
    if (digits == 0 || i >= n || s[i] != '}') return MSG_UNICODE;
    if (too_big) return MSG_CODE_POINT;
    i++;
  } else {
    for (int k = 0; k < 4; k++, i++) {
      if (i >= n || hex_value(s[i]) < 0) return MSG_UNICODE;
      v = v * 16 + (uint32_t)hex_value(s[i]);
    }
  }
  *ip = i;
  *cp = v;
  return NULL;
}

// legacy_octal: Annex B's LegacyOctalEscapeSequence, s[*ip] in '0'..'7'.
// A first digit 0-3 allows three digits (at most \377 = 255), 4-7 two.
static uint32_t legacy_octal(const char *s, size_t n, size_t *ip) {
  size_t i = *ip;
  uint32_t v = (uint32_t)(s[i++] - '0');
  size_t max = v <= 3 ? 3 : 2;
  for (size_t k = 1; k < max && i < n && s[i] >= '0' && s[i] <= '7'; k++)
    v = v * 8 + (uint32_t)(s[i++] - '0');
  *ip = i;
  return v;
}

// escape_common: the escapes strings and templates decode alike (single
// escapes, \x, \u, identity escapes), s[*ip] being the char after the
// backslash at `at`. Digits must have been handled by the caller, and so
// must line terminators: the two differ between strings and templates.
// Errors are reported at the backslash, where V8 puts its caret too.
static bool escape_common(const char *s, size_t n, size_t *ip, size_t at,
                          PrsBuf *out, size_t start, Fault *f) {
  size_t i = *ip;
  unsigned char c = (unsigned char)s[i];
  uint32_t cp;
  int single = single_escape(c);
  if (single >= 0) {
    prs_buf_byte(out, (char)single);
    *ip = i + 1;
    return true;
  }
  if (c == 'x') {
    if (!read_hex_escape(s, n, &i, &cp)) return fault(f, MSG_HEX, at);
  } else if (c == 'u') {
    const char *msg = read_unicode_escape(s, n, &i, &cp);
    if (msg) return fault(f, msg, at);
  } else if (c >= 0x80) {
    // An identity escape of a non-ASCII char is that char.
    return copy_non_ascii(s, n, ip, out, start, f);
  } else {
    cp = c, i++;
  }
  append_cp(out, start, cp);
  *ip = i;
  return true;
}

/* {==== String literals ====} */

// The grammar decoded here (§12.9.4 with Annex B.1.2):
//   EscapeSequence :: CharacterEscapeSequence
//                   | 0 (no DecimalDigit after it)
//                   | LegacyOctalEscapeSequence      (flagged)
//                   | NonOctalDecimalEscapeSequence  (\8 \9, flagged)
//                   | HexEscapeSequence | UnicodeEscapeSequence
//   LineContinuation :: \ LineTerminatorSequence     (flagged, no value)
// A CharacterEscapeSequence is a SingleEscapeCharacter or any other
// non-terminator char, which stands for itself (the "identity escape").
// The body text is split into runs copied in bulk and the few places
// (backslash, raw terminator, non-ASCII) that need a decision.

// plain_run_end: the end of the run of ASCII bytes from i that need no
// decoding; `stop_lf` says whether a raw LF ends it (strings) or not.
static size_t plain_run_end(const char *s, size_t n, size_t i, bool stop_lf) {
  while (i < n) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x80 || c == '\\' || c == '\r' || (c == '\n' && stop_lf)) break;
    i++;
  }
  return i;
}

// string_digit_escape: \0..\9 in a string, s[*ip] being the digit.
static void string_digit_escape(const char *s, size_t n, size_t *ip,
                                PrsBuf *out, uint32_t *fl) {
  size_t i = *ip;
  char c = s[i];
  if (c == '8' || c == '9') {
    // NonOctalDecimalEscapeSequence: the digit itself, strict mode error.
    *fl |= PRS_LIT_NON_OCTAL_DECIMAL;
    prs_buf_byte(out, c);
    *ip = i + 1;
  } else if (c == '0' && !(i + 1 < n && is_decimal(s[i + 1]))) {
    // \0 not followed by a digit is the ordinary NUL escape.
    prs_buf_byte(out, '\0');
    *ip = i + 1;
  } else {
    // Everything else, including \0 before 8 or 9, is legacy octal.
    *fl |= PRS_LIT_LEGACY_OCTAL;
    prs_buf_code_point(out, legacy_octal(s, n, ip));
  }
}

// string_escape: the escape whose backslash is s[*ip].
static bool string_escape(const char *s, size_t n, size_t *ip, PrsBuf *out,
                          size_t start, uint32_t *fl, Fault *f) {
  size_t at = *ip, i = at + 1;
  *fl |= PRS_LIT_HAS_ESCAPE;
  // A final backslash would have escaped the closing quote.
  if (i >= n) return fault(f, MSG_TOKEN, at);
  size_t lt = line_terminator_len(s, n, i);
  if (lt) {
    // LineContinuation: contributes nothing to the value.
    *fl |= PRS_LIT_LINE_CONTINUATION;
    *ip = i + lt;
    return true;
  }
  if (is_decimal(s[i])) {
    string_digit_escape(s, n, &i, out, fl);
    *ip = i;
    return true;
  }
  *ip = i;
  return escape_common(s, n, ip, at, out, start, f);
}

// string_body: the loop of prs_lit_string.
static bool string_body(const char *s, size_t n, PrsBuf *out, uint32_t *fl,
                        Fault *f) {
  size_t start = out->len, i = 0;
  while (i < n) {
    size_t end = plain_run_end(s, n, i, true);
    if (end > i) {
      prs_buf_push(out, s + i, end - i);
      i = end;
    } else if (s[i] == '\\') {
      if (!string_escape(s, n, &i, out, start, fl, f)) return false;
    } else if (s[i] == '\n' || s[i] == '\r') {
      // Only U+2028/U+2029 may appear raw in a string (ES2019).
      return fault(f, MSG_TOKEN, i);
    } else if (!copy_non_ascii(s, n, &i, out, start, f)) {
      return false;
    }
  }
  return true;
}

bool prs_lit_string(const char *s, size_t n, PrsBuf *out, uint32_t *flags,
                    const char **err, size_t *err_at) {
  Fault f = {NULL, 0};
  uint32_t fl = 0;
  bool ok = string_body(s, n, out, &fl, &f);
  if (flags) *flags = fl;
  return publish(ok, &f, err, err_at);
}

/* {==== Template literals ====} */

// Templates share the escapes of strings with three differences (§12.9.6,
// §13.2.8.3): no legacy octal or \8 \9 (they are NotEscapeSequences that
// leave the cooked value undefined), raw line terminators are allowed, and
// both TV and TRV read CR and CRLF as LF. The caller runs the cooked and the
// raw decoders separately, since a tagged template needs both values.

// template_escape: the escape whose backslash is s[*ip], by the TV rules:
// digits other than a lone \0 are NotEscapeSequences (no cooked value).
static bool template_escape(const char *s, size_t n, size_t *ip, PrsBuf *out,
                            size_t start, Fault *f) {
  size_t at = *ip, i = at + 1;
  if (i >= n) return fault(f, MSG_TOKEN, at);
  size_t lt = line_terminator_len(s, n, i);
  if (lt) {
    // The TV of a LineContinuation is empty.
    *ip = i + lt;
    return true;
  }
  char c = s[i];
  if (c == '8' || c == '9') return fault(f, MSG_TEMPLATE_89, at);
  if (c >= '1' && c <= '7') return fault(f, MSG_TEMPLATE_OCTAL, at);
  if (c == '0') {
    if (i + 1 < n && is_decimal(s[i + 1]))
      return fault(f, MSG_TEMPLATE_OCTAL, at);
    prs_buf_byte(out, '\0');
    *ip = i + 1;
    return true;
  }
  *ip = i;
  return escape_common(s, n, ip, at, out, start, f);
}

bool prs_lit_template_cooked(const char *s, size_t n, PrsBuf *out,
                             const char **err, size_t *err_at) {
  Fault f = {NULL, 0};
  size_t start = out->len, i = 0;
  bool ok = true;
  while (ok && i < n) {
    size_t end = plain_run_end(s, n, i, false);
    if (end > i) {
      prs_buf_push(out, s + i, end - i);
      i = end;
    } else if (s[i] == '\\') {
      ok = template_escape(s, n, &i, out, start, &f);
    } else if (s[i] == '\r') {
      // CR and CRLF are both LF in the TV (and the TRV).
      prs_buf_byte(out, '\n');
      i += line_terminator_len(s, n, i);
    } else {
      ok = copy_non_ascii(s, n, &i, out, start, &f);
    }
  }
  return publish(ok, &f, err, err_at);
}

void prs_lit_template_raw(const char *s, size_t n, PrsBuf *out) {
  size_t i = 0;
  // The TRV is the text itself except that CR and CRLF read as LF, also
  // inside a backslash-newline. Bytes are copied unvalidated: the cooked
  // pass (always run for a template) is the one that reports bad UTF-8.
  while (i < n) {
    const char *cr = memchr(s + i, '\r', n - i);
    size_t end = cr ? (size_t)(cr - s) : n;
    prs_buf_push(out, s + i, end - i);
    if (!cr) break;
    prs_buf_byte(out, '\n');
    i = end + line_terminator_len(s, n, end);
  }
}

/* {==== Numeric literals: digits and separators ====} */

// The NumericLiteral grammar (§12.9.3, Annex B.1.1), in short:
//   DecimalLiteral :: DecimalIntegerLiteral . DecimalDigits? ExponentPart?
//                   | . DecimalDigits ExponentPart?
//                   | DecimalIntegerLiteral ExponentPart?
//   DecimalIntegerLiteral :: 0 | NonZeroDigit (_? DecimalDigits)?
//                          | NonOctalDecimalIntegerLiteral (no separators)
//   0x / 0o / 0b followed by digits of that radix, separators allowed;
//   LegacyOctalIntegerLiteral :: 0 OctalDigit+ (no separators, no fraction).
// Every `_` must sit between two digits of the same run, which is what
// scan_digits enforces for each run (integer, fraction, exponent, digits
// after a prefix) on its own.

// is_digit_of: c is a digit of radix 2, 8, 10 or 16.
static bool is_digit_of(unsigned char c, int radix) {
  int v = hex_value(c);
  return v >= 0 && v < radix;
}

// radix_prefix: the radix named by the letter after a leading 0 (0x 0o 0b,
// either case), or 0 when it names none.
static int radix_prefix(char c) {
  switch (c | 0x20) {
    case 'x': return 16;
    case 'o': return 8;
    case 'b': return 2;
    default: return 0;  // a char, not an enum
  }
}

// scan_digits: a run of radix digits from *ip in which `_` may stand alone
// between two digits (NumericLiteralSeparator). Stops at any other char;
// *count gets the number of digits read (0 when none).
static bool scan_digits(const char *s, size_t n, size_t *ip, int radix,
                        size_t *count, Fault *f) {
  size_t i = *ip, k = 0;
  while (i < n) {
    if (is_digit_of(s[i], radix)) {
      k++, i++;
      continue;
    }
    if (s[i] != '_') break;
    // Since a separator is always followed by a digit (checked below),
    // k > 0 means the char before this `_` is a digit.
    if (k == 0) return fault(f, MSG_TOKEN, i);
    if (i + 1 < n && s[i + 1] == '_') return fault(f, MSG_SEP_DOUBLE, i + 1);
    if (i + 1 >= n || !is_digit_of(s[i + 1], radix))
      return fault(f, MSG_SEP_TRAILING, i);
    i++;
  }
  *ip = i;
  *count = k;
  return true;
}

/* {==== Numeric literals: values ====} */

// round_bits: the double nearest to m * 2^extra, where `sticky` says
// whether any 1 bits were dropped below m (they break ties upwards).
// m holds up to 64 significant bits; the 53 kept are q, the rest `rem`,
// and `half` is the weight of the first dropped bit. A tie (rem == half
// with nothing set below) goes to the even q, anything above it goes up.
static double round_bits(uint64_t m, int64_t extra, bool sticky) {
  if (m == 0) return 0.0;
  int len = 64 - __builtin_clzll(m);
  int shift = len > 53 ? len - 53 : 0;
  uint64_t q = m >> shift;
  if (shift > 0) {
    uint64_t rem = m & ((UINT64_C(1) << shift) - 1);
    uint64_t half = UINT64_C(1) << (shift - 1);
    // Round half to even, as IEEE 754 and the spec's "rounded" ask.
    if (rem > half || (rem == half && (sticky || (q & 1)))) q++;
  }
  // Past 2^1024 the result is Infinity anyway; clamping keeps ldexp's int.
  if (extra + shift > 2000) return INFINITY;
  // q <= 2^53 is exact as a double, so ldexp is the only (exact) step.
  return ldexp((double)q, (int)(extra + shift));
}

// binary_value: the value of digits (with `_`) of radix 2^bits, correctly
// rounded. Keeps the top 64 significant bits and a sticky bit for the rest.
static double binary_value(const char *s, size_t n, int bits) {
  uint64_t m = 0;
  int64_t extra = 0;
  bool sticky = false;
  for (size_t i = 0; i < n; i++) {
    if (s[i] == '_') continue;
    unsigned d = (unsigned)hex_value(s[i]);
    for (int b = bits - 1; b >= 0; b--) {
      unsigned bit = d >> b & 1;
      // While m's top bit is clear a shift loses nothing.
      if (m >> 63 == 0) {
        m = m << 1 | bit;
      } else {
        extra++;
        sticky |= bit;
      }
    }
  }
  return round_bits(m, extra, sticky);
}

// Powers of ten that doubles hold exactly (10^22 < 2^53 * 2^22).
static const double POW10[] = {
    1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

// fast_decimal: Clinger's fast path. With at most 15 digits and |adj| <= 22
// both operands are exact doubles, so one IEEE operation rounds correctly.
static bool fast_decimal(const char *d, size_t len, int64_t adj, double *v) {
  if (len > 15) return false;
  uint64_t m = 0;
  for (size_t k = 0; k < len; k++) m = m * 10 + (uint64_t)(d[k] - '0');
  // 123e25 is 123000e22: move exponent into m while m stays exact (< 1e15).
  while (adj > 22 && m < UINT64_C(100000000000000)) m *= 10, adj--;
  if (adj > 22 || adj < -22) return false;
  *v = adj >= 0 ? (double)m * POW10[adj] : (double)m / POW10[-adj];
  return true;
}

// decimal_value: the value of mantissa text s[0..n) (digits, `_`, at most
// one `.`) times 10^exp. Builds "DIGITSe-ADJ" for strtod (no radix char:
// see the header comment on locales).
static double decimal_value(const char *s, size_t n, int64_t exp) {
  char stack[128];
  // n digits at most, plus "e", a sign, 20 exponent digits and a NUL.
  size_t cap = n + 24;
  char *buf = cap <= sizeof stack ? stack : xmalloc(cap);
  size_t len = 0;
  int64_t adj = exp;
  bool in_frac = false;
  for (size_t i = 0; i < n; i++) {
    if (s[i] == '.') in_frac = true;
    if (s[i] == '.' || s[i] == '_') continue;
    // Each fraction digit scales the value down by ten.
    if (in_frac) adj--;
    // Leading zeros carry nothing; dropping them helps the fast path.
    if (len > 0 || s[i] != '0') buf[len++] = s[i];
  }
  // Trailing zeros move into the exponent, for the same reason.
  while (len > 0 && buf[len - 1] == '0') len--, adj++;
  double v = 0.0;
  if (len > 0 && !fast_decimal(buf, len, adj, &v)) {
    snprintf(buf + len, cap - len, "e%lld", (long long)adj);
    v = strtod(buf, NULL);  // ERANGE still yields the rounded 0 or Infinity
  }
  if (buf != stack) free(buf);
  return v;
}

// Exponents are saturated here: anything larger is 0 or Infinity anyway,
// and this keeps exp - (fraction digits) far from int64 overflow.
#define EXP_LIMIT INT64_C(1000000000000000)

// exponent: the ExponentPart at s[*ip] ('e' or 'E'); *exp its value.
static bool exponent(const char *s, size_t n, size_t *ip, int64_t *exp,
                     Fault *f) {
  size_t i = *ip + 1, count;
  bool neg = false;
  if (i < n && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
  size_t start = i;
  if (!scan_digits(s, n, &i, 10, &count, f)) return false;
  if (count == 0) return fault(f, MSG_TOKEN, i);
  int64_t e = 0;
  for (size_t k = start; k < i; k++) {
    if (s[k] == '_') continue;
    e = e < EXP_LIMIT ? e * 10 + (s[k] - '0') : EXP_LIMIT;
  }
  *exp = neg ? -e : e;
  *ip = i;
  return true;
}

// decimal_tail: a DecimalLiteral whose integer part is s[0..i) with
// int_digits digits: the optional fraction and exponent, then the end.
static bool decimal_tail(const char *s, size_t n, size_t i,
                         size_t int_digits, double *v, Fault *f) {
  size_t frac_digits = 0;
  if (i < n && s[i] == '.') {
    i++;
    if (!scan_digits(s, n, &i, 10, &frac_digits, f)) return false;
  }
  // "." alone (or nothing at all) is no number.
  if (int_digits + frac_digits == 0) return fault(f, MSG_TOKEN, 0);
  size_t mantissa_end = i;
  int64_t exp = 0;
  if (i < n && (s[i] | 0x20) == 'e' && !exponent(s, n, &i, &exp, f))
    return false;
  if (i != n) return fault(f, MSG_TOKEN, i);
  *v = decimal_value(s, mantissa_end, exp);
  return true;
}

// legacy_number: a 0 followed by a decimal digit. All octal digits make a
// LegacyOctalIntegerLiteral (octal value, no fraction or exponent); an 8 or
// 9 anywhere makes a NonOctalDecimalIntegerLiteral (decimal, may go on).
// Neither allows separators in its integer part.
static bool legacy_number(const char *s, size_t n, double *v, uint32_t *fl,
                          Fault *f) {
  size_t i = 1;
  bool octal = true;
  for (; i < n && is_decimal(s[i]); i++)
    if (s[i] >= '8') octal = false;
  if (i < n && s[i] == '_') return fault(f, MSG_SEP_ZERO, i);
  if (!octal) {
    *fl |= PRS_LIT_NON_OCTAL_DECIMAL;
    return decimal_tail(s, n, i, i, v, f);
  }
  *fl |= PRS_LIT_LEGACY_OCTAL;
  if (i != n) return fault(f, MSG_TOKEN, i);
  *v = binary_value(s + 1, i - 1, 3);
  return true;
}

// prefixed_number: 0x, 0o or 0b digits, at least one, separators allowed.
static bool prefixed_number(const char *s, size_t n, int radix, double *v,
                            Fault *f) {
  size_t i = 2, count;
  if (!scan_digits(s, n, &i, radix, &count, f)) return false;
  if (count == 0 || i != n) return fault(f, MSG_TOKEN, i);
  *v = binary_value(s + 2, n - 2, radix == 16 ? 4 : radix == 8 ? 3 : 1);
  return true;
}

// number: dispatch on the literal's first two chars. Only a leading 0 is
// ambiguous: 0x/0o/0b, 0_ (always an error), 0 then a digit (legacy forms)
// or a plain decimal such as 0, 0.5 or 0e1.
static bool number(const char *s, size_t n, double *v, uint32_t *fl,
                   Fault *f) {
  if (n >= 2 && s[0] == '0') {
    int radix = radix_prefix(s[1]);
    if (radix) return prefixed_number(s, n, radix, v, f);
    if (s[1] == '_') return fault(f, MSG_SEP_ZERO, 1);
    if (is_decimal(s[1])) return legacy_number(s, n, v, fl, f);
  }
  // From here the integer part is "0" alone or starts with 1-9 (or is
  // empty, as in ".5"), so separators follow the ordinary rules.
  size_t i = 0, int_digits;
  if (!scan_digits(s, n, &i, 10, &int_digits, f)) return false;
  return decimal_tail(s, n, i, int_digits, v, f);
}

bool prs_lit_number(const char *s, size_t n, double *value, uint32_t *flags,
                    const char **err, size_t *err_at) {
  Fault f = {NULL, 0};
  uint32_t fl = 0;
  double v = 0.0;
  bool ok = number(s, n, &v, &fl, &f);
  *value = ok ? v : 0.0;
  if (flags) *flags = fl;
  return publish(ok, &f, err, err_at);
}

/* {==== BigInt literals ====} */

// BigIntLiteral :: NonZeroIntegerLiteral n | 0n | (0x|0o|0b digits) n, with
// separators as for numbers but no legacy forms, fraction or exponent
// (§12.9.3). The value is handed on as canonical decimal text: the runtime
// parses that once into its own representation, and decimal is also what
// golden files and error messages show.

#define LIMB_BASE 1000000000u  // base-1e9 limbs print as 9 decimal digits

// limbs_mul_add: limbs (little-endian, *used of them) = limbs * mul + add.
// mul <= 1e9 and add < mul keep every intermediate below 2^64.
static void limbs_mul_add(uint32_t *limb, size_t *used, uint32_t mul,
                          uint32_t add) {
  uint64_t carry = add;
  for (size_t k = 0; k < *used; k++) {
    uint64_t t = (uint64_t)limb[k] * mul + carry;
    limb[k] = (uint32_t)(t % LIMB_BASE);
    carry = t / LIMB_BASE;
  }
  // The caller sized the array for the whole literal, so this fits.
  while (carry) {
    limb[(*used)++] = (uint32_t)(carry % LIMB_BASE);
    carry /= LIMB_BASE;
  }
}

// limbs_print: append the decimal digits of the limbs ("0" when none).
// Each limb is written right to left into a 9-char scratch; the top limb
// keeps only its significant digits, the others are zero-padded to 9.
static void limbs_print(const uint32_t *limb, size_t used, PrsBuf *out) {
  char digits[9];
  if (used == 0) {
    prs_buf_byte(out, '0');
    return;
  }
  for (size_t k = used; k-- > 0;) {
    uint32_t x = limb[k];
    int d = 9;
    do {
      digits[--d] = (char)('0' + x % 10);
      x /= 10;
    } while (x);
    // Lower limbs keep their leading zeros; the top one must not.
    if (k + 1 != used)
      while (d > 0) digits[--d] = '0';
    prs_buf_push(out, digits + d, (size_t)(9 - d));
  }
}

// radix_to_decimal: digits (with `_`) of radix 2, 8 or 16, in decimal.
// Digits go in by chunks whose multiplier radix^k stays <= 1e9, so a
// literal of D digits costs O(D^2 / 50) limb steps. Per chunk: 16^7 = 2^28,
// 8^9 = 2^27 and 2^29 are the largest powers not above 1e9. Quadratic is
// fine: a 10,000-digit literal is a few million multiply-adds.
static void radix_to_decimal(const char *s, size_t n, int radix,
                             PrsBuf *out) {
  int per = radix == 16 ? 7 : radix == 8 ? 9 : 29;
  // A hex digit is under 1.21 decimal digits and a limb holds 9.
  size_t cap = n / 7 + 2, used = 0;
  uint32_t stack[64];
  uint32_t *limb = cap <= 64 ? stack : xmalloc(cap * sizeof *limb);
  uint32_t chunk = 0, mul = 1;
  int k = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] == '_') continue;
    chunk = chunk * (uint32_t)radix + (uint32_t)hex_value(s[i]);
    mul *= (uint32_t)radix;
    if (++k == per) {
      limbs_mul_add(limb, &used, mul, chunk);
      chunk = 0, mul = 1, k = 0;
    }
  }
  if (k) limbs_mul_add(limb, &used, mul, chunk);
  limbs_print(limb, used, out);
  if (limb != stack) free(limb);
}

// bigint: the literal without its `n` is s[0..body).
static bool bigint(const char *s, size_t n, PrsBuf *out, Fault *f) {
  if (n < 2 || s[n - 1] != 'n') return fault(f, MSG_TOKEN, n ? n - 1 : 0);
  size_t body = n - 1, i = 0, count;
  int radix = body >= 2 && s[0] == '0' ? radix_prefix(s[1]) : 0;
  if (radix) {
    i = 2;
  } else if (body >= 2 && s[0] == '0') {
    // 01n, 0_1n, 0.5n, 0e1n: a BigInt is never legacy nor fractional.
    return fault(f, s[1] == '_' ? MSG_SEP_ZERO : MSG_TOKEN, 1);
  }
  int r = radix ? radix : 10;
  if (!scan_digits(s, body, &i, r, &count, f)) return false;
  if (count == 0 || i != body) return fault(f, MSG_TOKEN, i);
  if (radix) {
    radix_to_decimal(s + 2, body - 2, radix, out);
    return true;
  }
  // Decimal is already canonical (no leading zeros): drop separators only.
  for (size_t k = 0; k < body; k++)
    if (s[k] != '_') prs_buf_byte(out, s[k]);
  return true;
}

bool prs_lit_bigint(const char *s, size_t n, PrsBuf *out, const char **err,
                    size_t *err_at) {
  Fault f = {NULL, 0};
  return publish(bigint(s, n, out, &f), &f, err, err_at);
}

/* {==== Identifiers ====} */

// IdentifierName :: IdentifierStartChar IdentifierPartChar* (§12.7), where
// either may be written as a \u escape that must itself denote a valid
// char of its position (the escape is not a way around the rules). Keyword
// checks belong to the caller, which gets PRS_LIT_HAS_ESCAPE for that.

// ident_char: decode the code point at s[*ip] (raw or \u escape).
static bool ident_char(const char *s, size_t n, size_t *ip, uint32_t *cp,
                       uint32_t *fl, Fault *f) {
  size_t i = *ip;
  unsigned char c = (unsigned char)s[i];
  if (c == '\\') {
    *fl |= PRS_LIT_HAS_ESCAPE;
    // Only \u escapes exist in names.
    if (i + 1 >= n || s[i + 1] != 'u') return fault(f, MSG_UNICODE, i);
    size_t j = i + 1;
    const char *msg = read_unicode_escape(s, n, &j, cp);
    if (msg) return fault(f, msg, i);
    *ip = j;
  } else if (c < 0x80) {
    *cp = c;
    *ip = i + 1;
  } else {
    size_t len = decode_utf8((const unsigned char *)s + i, n - i, cp);
    if (!len) return fault(f, MSG_UTF8, i);
    *ip = i + len;
  }
  return true;
}

// identifier: the loop of prs_lit_identifier. Escaped code points are
// checked one by one, so an escaped surrogate half is always rejected.
static bool identifier(const char *s, size_t n, PrsBuf *out, uint32_t *fl,
                       Fault *f) {
  if (n == 0) return fault(f, MSG_TOKEN, 0);
  size_t i = 0;
  while (i < n) {
    size_t at = i;
    uint32_t cp;
    if (!ident_char(s, n, &i, &cp, fl, f)) return false;
    bool ok = at == 0 ? prs_unicode_id_start(cp) : prs_unicode_id_continue(cp);
    // V8 blames the escape when the bad code point was written as one.
    if (!ok) return fault(f, s[at] == '\\' ? MSG_UNICODE : MSG_TOKEN, at);
    if (cp < 0x80) {
      prs_buf_byte(out, (char)cp);
    } else {
      prs_buf_code_point(out, cp);
    }
  }
  return true;
}

bool prs_lit_identifier(const char *s, size_t n, PrsBuf *out, uint32_t *flags,
                        const char **err, size_t *err_at) {
  Fault f = {NULL, 0};
  uint32_t fl = 0;
  bool ok = identifier(s, n, out, &fl, &f);
  if (flags) *flags = fl;
  return publish(ok, &f, err, err_at);
}
