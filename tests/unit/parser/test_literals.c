/*
 * tests/unit/parser/test_literals.c — parser/literals.c: strings, templates,
 * numbers, BigInts, identifiers and the generated Unicode tables.
 *
 * Invariants: every helper resets the shared buffer first, so no check
 * depends on another; random cases use a fixed-seed generator, so a run
 * is reproducible; the process stays in the "C" locale, so strtod here is
 * a valid reference for the decimal and hexadecimal conversions.
 */
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser/literals.h"
#include "tests/unit/check.h"

/* {==== Helpers ====} */

static PrsBuf buf;
static const char *err;
static size_t err_at;
static uint32_t flags;

// The decoders, run on a NUL-terminated source; NULL means "rejected".
static const char *str(const char *src) {
  prs_buf_reset(&buf);
  err = NULL;
  flags = 0xFFFF;  // must be overwritten by the call
  if (!prs_lit_string(src, strlen(src), &buf, &flags, &err, &err_at))
    return NULL;
  return prs_buf_cstr(&buf);
}

static const char *cooked(const char *src) {
  prs_buf_reset(&buf);
  err = NULL;
  if (!prs_lit_template_cooked(src, strlen(src), &buf, &err, &err_at))
    return NULL;
  return prs_buf_cstr(&buf);
}

static const char *raw(const char *src) {
  prs_buf_reset(&buf);
  prs_lit_template_raw(src, strlen(src), &buf);
  return prs_buf_cstr(&buf);
}

static const char *big(const char *src) {
  prs_buf_reset(&buf);
  err = NULL;
  if (!prs_lit_bigint(src, strlen(src), &buf, &err, &err_at)) return NULL;
  return prs_buf_cstr(&buf);
}

static const char *ident(const char *src) {
  prs_buf_reset(&buf);
  err = NULL;
  flags = 0xFFFF;
  if (!prs_lit_identifier(src, strlen(src), &buf, &flags, &err, &err_at))
    return NULL;
  return prs_buf_cstr(&buf);
}

// num: the value, or NAN when rejected (no literal's value is NaN).
static double num(const char *src) {
  double v = -1;
  err = NULL;
  flags = 0xFFFF;
  if (!prs_lit_number(src, strlen(src), &v, &flags, &err, &err_at))
    return NAN;
  return v;
}

// The output holds exactly these bytes (it may contain NULs).
#define CHECK_BYTES(lit) \
  CHECK(buf.len == sizeof(lit) - 1 && memcmp(buf.data, lit, buf.len) == 0)

// A rejection with this message at this offset.
#define CHECK_ERR(call, msg, at) \
  do {                           \
    CHECK((call) == NULL);       \
    CHECK_STR(err, msg);         \
    CHECK(err_at == (at));       \
  } while (0)

static uint64_t rng_state = 0x9E3779B97F4A7C15u;

// rng: xorshift64, fixed seed: reproducible "random" cases.
static uint64_t rng(void) {
  rng_state ^= rng_state << 13;
  rng_state ^= rng_state >> 7;
  rng_state ^= rng_state << 17;
  return rng_state;
}

/* {==== Strings ====} */

// Single escapes, \0, \x, \u in both forms, identity escapes, and raw
// text copied through unchanged; only escapes set HAS_ESCAPE.
static void test_string_simple_escapes(void) {
  CHECK_STR(str("abc"), "abc");
  CHECK(flags == 0);
  CHECK_STR(str(""), "");
  CHECK_STR(str("\\b\\f\\n\\r\\t\\v"), "\b\f\n\r\t\v");
  CHECK(flags == PRS_LIT_HAS_ESCAPE);
  CHECK(str("a\\0b") != NULL);
  CHECK_BYTES("a\0b");
  CHECK(flags == PRS_LIT_HAS_ESCAPE);  // \0 alone is not legacy octal
  CHECK_STR(str("\\'\\\"\\\\"), "'\"\\");
  // Identity escapes, ASCII and not.
  CHECK_STR(str("\\q\\a\\$"), "qa$");
  CHECK_STR(str("\\\xC3\xA9"), "\xC3\xA9");
  CHECK_STR(str("\\x41\\x7a\\xFF"), "Az\xC3\xBF");
  CHECK_STR(str("\\u0041\\u00e9\\u4E00"), "A\xC3\xA9\xE4\xB8\x80");
  CHECK_STR(str("\\u{41}\\u{0000000041}\\u{10FFFF}"), "AA\xF4\x8F\xBF\xBF");
  CHECK_STR(str("\\u{1F600}"), "\xF0\x9F\x98\x80");
  // Raw non-ASCII and raw U+2028/U+2029 (allowed since ES2019).
  CHECK_STR(str("caf\xC3\xA9 \xE2\x80\xA8\xE2\x80\xA9"),
            "caf\xC3\xA9 \xE2\x80\xA8\xE2\x80\xA9");
  CHECK(flags == 0);
}

// Malformed \x and \u escapes, with V8's messages and the offset of the
// backslash; raw terminators and a dangling backslash are token errors.
static void test_string_bad_escapes(void) {
  const char *hex = "Invalid hexadecimal escape sequence";
  const char *uni = "Invalid Unicode escape sequence";
  const char *cp = "Undefined Unicode code-point";
  CHECK_ERR(str("ab\\x4"), hex, 2);
  CHECK_ERR(str("\\xg1"), hex, 0);
  CHECK_ERR(str("\\x"), hex, 0);
  CHECK_ERR(str("a\\u004"), uni, 1);
  CHECK_ERR(str("\\u004g"), uni, 0);
  CHECK_ERR(str("\\u{}"), uni, 0);
  CHECK_ERR(str("\\u{41"), uni, 0);
  CHECK_ERR(str("\\u{4x}"), uni, 0);
  CHECK_ERR(str("\\u"), uni, 0);
  CHECK_ERR(str("\\u{110000}"), cp, 0);
  CHECK_ERR(str("\\u{FFFFFFFFFFFFFFFFFFFF}"), cp, 0);  // no wrap-around
  // Raw line terminators and a final backslash cannot be in a string body.
  CHECK_ERR(str("a\nb"), "Invalid or unexpected token", 1);
  CHECK_ERR(str("a\rb"), "Invalid or unexpected token", 1);
  CHECK_ERR(str("ab\\"), "Invalid or unexpected token", 2);
}

// Annex B.1.2 octal escapes (up to \377, two digits after 4-7) and \8 \9:
// decoded, but flagged so that strict code can reject them.
static void test_string_legacy(void) {
  CHECK(str("\\00") != NULL);
  CHECK_BYTES("\0");
  CHECK(flags == (PRS_LIT_HAS_ESCAPE | PRS_LIT_LEGACY_OCTAL));
  CHECK_STR(str("\\012"), "\n");
  CHECK(flags & PRS_LIT_LEGACY_OCTAL);
  CHECK_STR(str("\\377"), "\xC3\xBF");  // 255 = U+00FF
  CHECK_STR(str("\\400"), " 0");        // 4-7 take two digits: \40 then 0
  CHECK_STR(str("\\777"), "?7");
  CHECK_STR(str("\\7"), "\x07");
  CHECK_STR(str("\\18"), "\x01" "8");
  CHECK_STR(str("\\1"), "\x01");
  CHECK(flags & PRS_LIT_LEGACY_OCTAL);
  // \0 before 8 or 9 is legacy octal too (Annex B), the digit stays.
  CHECK(str("\\08") != NULL);
  CHECK_BYTES("\0" "8");
  CHECK(flags == (PRS_LIT_HAS_ESCAPE | PRS_LIT_LEGACY_OCTAL));
  CHECK_STR(str("\\8\\9"), "89");
  CHECK(flags == (PRS_LIT_HAS_ESCAPE | PRS_LIT_NON_OCTAL_DECIMAL));
}

// Backslash before LF, CR, CRLF, LS or PS: no value, flagged.
static void test_string_line_continuations(void) {
  const uint32_t lc = PRS_LIT_HAS_ESCAPE | PRS_LIT_LINE_CONTINUATION;
  CHECK_STR(str("a\\\nb"), "ab");
  CHECK(flags == lc);
  CHECK_STR(str("a\\\r\nb"), "ab");  // CRLF is one terminator
  CHECK(flags == lc);
  CHECK_STR(str("a\\\rb"), "ab");
  CHECK_STR(str("a\\\r\n\\\nb"), "ab");
  CHECK_STR(str("a\\\xE2\x80\xA8" "b"), "ab");
  CHECK_STR(str("a\\\xE2\x80\xA9" "b"), "ab");
  CHECK(flags == lc);
  // \ CR LF LF: the second LF is raw, hence an error.
  CHECK(str("a\\\r\n\nb") == NULL);
}

// WTF-8 output: lone surrogates as 3-byte sequences, escaped pairs joined.
static void test_string_wtf8(void) {
  // Lone surrogates are three-byte WTF-8 sequences.
  CHECK_STR(str("\\uD800"), "\xED\xA0\x80");
  CHECK_STR(str("\\uDC00"), "\xED\xB0\x80");
  CHECK_STR(str("\\uDFFF"), "\xED\xBF\xBF");
  CHECK_STR(str("\\u{D83D}"), "\xED\xA0\xBD");
  // A pair made of escapes is one code point, as if written directly.
  CHECK_STR(str("\\uD83D\\uDE00"), "\xF0\x9F\x98\x80");
  CHECK_STR(str("\\uD83D\\u{DE00}"), "\xF0\x9F\x98\x80");
  CHECK_STR(str("\\ud83d\\ude00!"), "\xF0\x9F\x98\x80!");
  // A WTF-8 high surrogate in the source (eval of a runtime string) joins.
  CHECK_STR(str("\xED\xA0\xBD\\uDE00"), "\xF0\x9F\x98\x80");
  // Reversed or separated halves stay lone.
  CHECK_STR(str("\\uDE00\\uD83D"), "\xED\xB8\x80\xED\xA0\xBD");
  CHECK_STR(str("\\uD83Dx\\uDE00"), "\xED\xA0\xBDx\xED\xB8\x80");
  CHECK_STR(str("\\uD800\\uD800"), "\xED\xA0\x80\xED\xA0\x80");
  // Output is appended; what was there before is never joined with.
  prs_buf_reset(&buf);
  prs_buf_push(&buf, "\xED\xA0\xBD", 3);
  CHECK(prs_lit_string("\\uDE00", 6, &buf, NULL, NULL, NULL));
  CHECK(buf.len == 6 && memcmp(buf.data, "\xED\xA0\xBD\xED\xB8\x80", 6) == 0);
}

// Source text must be WTF-8; the decoders never read past n.
static void test_string_bad_utf8(void) {
  const char *m = "Invalid UTF-8 in source text";
  CHECK_ERR(str("a\x80"), m, 1);
  CHECK_ERR(str("\xC0\x80"), m, 0);           // overlong NUL
  CHECK_ERR(str("\xE0\x80\xAF"), m, 0);       // overlong '/'
  CHECK_ERR(str("\xE2\x82"), m, 0);           // truncated
  CHECK_ERR(str("\xF4\x90\x80\x80"), m, 0);   // above U+10FFFF
  CHECK_ERR(str("\xC3" "A"), m, 0);           // bad continuation
  CHECK_STR(str("\xF0\x9F\x98\x80"), "\xF0\x9F\x98\x80");
  // Length-bounded: no reading past n even without a terminator.
  prs_buf_reset(&buf);
  CHECK(!prs_lit_string("ab\xC3\xA9", 3, &buf, NULL, NULL, NULL));
  prs_buf_reset(&buf);
  CHECK(prs_lit_string("abc\\n", 3, &buf, NULL, NULL, NULL));
  CHECK_STR(prs_buf_cstr(&buf), "abc");
}

/* {==== Templates ====} */

// TV: string escapes minus the legacy ones, CR/CRLF read as LF, and
// line continuations contribute nothing.
static void test_template_cooked(void) {
  CHECK_STR(cooked("a\\nb\\x41\\u0042\\u{43}"), "a\nbABC");
  CHECK(cooked("\\0") != NULL);
  CHECK_BYTES("\0");
  CHECK_STR(cooked("a\r\nb\rc\nd"), "a\nb\nc\nd");
  CHECK_STR(cooked("a\\\r\nb\\\nc\\\rd"), "abcd");  // continuations vanish
  CHECK_STR(cooked("\\\xE2\x80\xA8"), "");
  CHECK_STR(cooked("\xE2\x80\xA8"), "\xE2\x80\xA8");  // LS stays LS
  CHECK_STR(cooked("\\uD83D\\uDE00\\uD800"), "\xF0\x9F\x98\x80\xED\xA0\x80");
  CHECK_STR(cooked("\\q\\`\\$"), "q`$");
}

// NotEscapeSequences: the cooked value is undefined (false returned).
static void test_template_invalid(void) {
  const char *oct = "Octal escape sequences are not allowed in template strings";
  const char *e89 = "\\8 and \\9 are not allowed in template strings";
  CHECK_ERR(cooked("a\\01"), oct, 1);
  CHECK_ERR(cooked("\\00"), oct, 0);
  CHECK_ERR(cooked("\\08"), oct, 0);
  CHECK_ERR(cooked("\\1"), oct, 0);
  CHECK_ERR(cooked("\\7"), oct, 0);
  CHECK_ERR(cooked("\\8"), e89, 0);
  CHECK_ERR(cooked("\\9"), e89, 0);
  CHECK_ERR(cooked("\\x1"), "Invalid hexadecimal escape sequence", 0);
  CHECK_ERR(cooked("\\xz"), "Invalid hexadecimal escape sequence", 0);
  CHECK_ERR(cooked("\\u12"), "Invalid Unicode escape sequence", 0);
  CHECK_ERR(cooked("\\u{"), "Invalid Unicode escape sequence", 0);
  CHECK_ERR(cooked("\\u{110000}"), "Undefined Unicode code-point", 0);
  CHECK(cooked("\xFF") == NULL);
}

// TRV: the text as written, CR/CRLF read as LF, never an error.
static void test_template_raw(void) {
  CHECK_STR(raw("a\\nb"), "a\\nb");
  CHECK_STR(raw("\\01\\x\\u{"), "\\01\\x\\u{");  // raw never fails
  CHECK_STR(raw("a\r\nb"), "a\nb");
  CHECK_STR(raw("a\rb"), "a\nb");
  CHECK_STR(raw("\r\r\n\n"), "\n\n\n");
  CHECK_STR(raw("a\\\r\nb"), "a\\\nb");  // inside a continuation as well
  CHECK_STR(raw("\r"), "\n");
  CHECK_STR(raw(""), "");
  CHECK_STR(raw("\xE2\x80\xA8"), "\xE2\x80\xA8");
}

/* {==== Numbers ====} */

// Decimal literals in every shape the grammar allows, separators included;
// the expected values are C literals, which the compiler rounds exactly.
static void test_number_decimal(void) {
  CHECK(num("0") == 0 && flags == 0);
  CHECK(num("7") == 7);
  CHECK(num("1_000_000") == 1000000);
  CHECK(num("1.5") == 1.5);
  CHECK(num(".5") == 0.5);
  CHECK(num("5.") == 5);
  CHECK(num("5.e1") == 50);
  CHECK(num("1e3") == 1000);
  CHECK(num("1E+3") == 1000);
  CHECK(num("1e-3") == 0.001);
  CHECK(num("0.1") == 0.1);
  CHECK(num("0e5") == 0);
  CHECK(num("0.0_1") == 0.01);
  CHECK(num("1_0.0_1e1_0") == 10.01e10);
  CHECK(num(".1_2e-1_0") == .12e-10);
  CHECK(num("123e25") == 123e25);
  CHECK(num("0.000001") == 0.000001);
  CHECK(num("1e23") == 1e23);
  CHECK(num("8.98846567431158e307") == 8.98846567431158e307);
}

// Hard cases for correct rounding: ties, the subnormal edge, overflow,
// huge exponents and mantissas longer than the stack buffer.
static void test_number_decimal_rounding(void) {
  CHECK(num("9007199254740993") == 9007199254740992.0);  // tie to even
  CHECK(num("9007199254740995") == 9007199254740996.0);
  CHECK(num("1.7976931348623157e308") == 1.7976931348623157e308);
  CHECK(num("1.7976931348623159e308") == INFINITY);
  CHECK(num("4.9e-324") == 4.9e-324);
  CHECK(num("2.4703282292062327e-324") == 0);
  CHECK(num("2.4703282292062328e-324") == 4.9e-324);
  CHECK(num("2.2250738585072011e-308") == 2.2250738585072011e-308);
  CHECK(num("0.1000000000000000055511151231257827021181583404541015625") ==
        0.1);
  CHECK(num("1e400") == INFINITY);
  CHECK(num("1e-400") == 0);
  CHECK(num("1e99999999999999999999999999") == INFINITY);
  CHECK(num("1e-99999999999999999999999999") == 0);
  CHECK(num("0e99999999999999999999999999") == 0);
  // A long mantissa (heap buffer) with a compensating exponent.
  char text[1200];
  strcpy(text, "0.");
  memset(text + 2, '0', 1000);
  strcpy(text + 1002, "1e1001");  // 10^-1001 * 10^1001
  CHECK(num(text) == 1);
  memset(text, '1', 1000);
  strcpy(text + 1000, "e-1000");  // 0.111...
  CHECK(num(text) == 1.0 / 9.0);
}

// decimal_vs_strtod: random decimal literals agree with glibc's strtod
// (correctly rounded): exercises both the fast path and the slow one.
static void test_number_decimal_random(void) {
  int bad = 0;
  for (int k = 0; k < 20000; k++) {
    char text[64];
    int digits = 1 + (int)(rng() % 24), len = 0;
    int dot = (int)(rng() % (unsigned)(digits + 2));
    text[len++] = (char)('1' + rng() % 9);
    for (int d = 1; d < digits; d++) {
      if (d == dot) text[len++] = '.';
      text[len++] = (char)('0' + rng() % 10);
    }
    if (rng() % 2)
      len += snprintf(text + len, 16, "e%d", (int)(rng() % 700) - 350);
    text[len] = '\0';
    double want = strtod(text, NULL), got = num(text);
    if (got != want && bad++ == 0)
      fprintf(stderr, "decimal mismatch: %s: %.17g vs %.17g\n", text, got,
              want);
  }
  CHECK(bad == 0);
}

// 0x 0o 0b in both cases; values past 2^53 round half to even on bits.
static void test_number_radix(void) {
  CHECK(num("0x1F") == 31 && flags == 0);
  CHECK(num("0XfF") == 255);
  CHECK(num("0x1_0") == 16);
  CHECK(num("0o17") == 15);
  CHECK(num("0O7") == 7);
  CHECK(num("0b101") == 5);
  CHECK(num("0B1") == 1);
  CHECK(num("0b1_0_1") == 5);
  CHECK(num("0x0") == 0);
  // Beyond 2^53: round half to even on the bits.
  CHECK(num("0x20000000000001") == 9007199254740992.0);
  CHECK(num("0x20000000000002") == 9007199254740994.0);
  CHECK(num("0x20000000000003") == 9007199254740996.0);
  CHECK(num("0x1fffffffffffff") == 9007199254740991.0);
  CHECK(num("0xFFFFFFFFFFFFFFFF") == 18446744073709551616.0);
  CHECK(num("0b111111111111111111111111111111111111111111111111111111") ==
        18014398509481984.0);  // 54 ones round up to 2^54
  // A tie within the first 64 bits broken by a 1 far below (sticky bit).
  CHECK(num("0x200000000000010000000000000000001") ==
        ldexp(9007199254740994.0, 76));
  CHECK(num("0x200000000000010000000000000000000") ==
        ldexp(9007199254740992.0, 76));
  char text[400] = "0x";
  memset(text + 2, 'f', 256);  // 2^1024 - 1 rounds to 2^1024
  text[258] = '\0';
  CHECK(num(text) == INFINITY);
  text[257] = '\0';  // 2^1020 - 1
  CHECK(num(text) == ldexp(1, 1020));
}

// bits_to_hex: the bit string (MSB first) as a "0x..." string for strtod.
static void bits_to_hex(const char *bits, int nbits, char *out) {
  int pad = (4 - nbits % 4) % 4, len = 2, acc = 0, have = pad;
  strcpy(out, "0x");
  for (int i = 0; i < nbits; i++) {
    acc = acc * 2 + (bits[i] - '0');
    if (++have == 4) {
      out[len++] = "0123456789abcdef"[acc];
      acc = have = 0;
    }
  }
  out[len] = '\0';
}

// Random binary and octal literals against strtod's hex parsing.
static void test_number_radix_random(void) {
  int bad = 0;
  for (int k = 0; k < 5000; k++) {
    char bits[200], lit[220], hex[80];
    int nbits = 1 + (int)(rng() % 150);
    bits[0] = '1';
    for (int i = 1; i < nbits; i++) {
      // Long runs of equal bits make ties and near-ties likely.
      bits[i] = rng() % 4 ? bits[i - 1] : (char)('0' + rng() % 2);
    }
    bits[nbits] = '\0';
    snprintf(lit, sizeof lit, "0b%s", bits);
    bits_to_hex(bits, nbits, hex);
    double want = strtod(hex, NULL);
    if (num(lit) != want && bad++ == 0)
      fprintf(stderr, "binary mismatch: %s\n", lit);
    if (nbits % 3 == 0) {
      // The same bits as octal, with and without the 0o prefix.
      int len = snprintf(lit, sizeof lit, "0o");
      for (int i = 0; i < nbits; i += 3)
        lit[len++] = (char)('0' + (bits[i] - '0') * 4 +
                            (bits[i + 1] - '0') * 2 + (bits[i + 2] - '0'));
      lit[len] = '\0';
      if (num(lit) != want && bad++ == 0)
        fprintf(stderr, "octal mismatch: %s\n", lit);
      lit[1] = '0';  // "00..." is a legacy octal literal
      if (num(lit) != want && bad++ == 0)
        fprintf(stderr, "legacy octal mismatch: %s\n", lit);
    }
  }
  CHECK(bad == 0);
}

// Annex B.1.1: 0777 is octal, 089 and 08.5 are decimal; both flagged.
static void test_number_legacy(void) {
  CHECK(num("0777") == 511 && flags == PRS_LIT_LEGACY_OCTAL);
  CHECK(num("00") == 0 && flags == PRS_LIT_LEGACY_OCTAL);
  CHECK(num("010") == 8 && flags == PRS_LIT_LEGACY_OCTAL);
  CHECK(num("07777777777777777777777") == ldexp(1, 66));
  CHECK(num("089") == 89 && flags == PRS_LIT_NON_OCTAL_DECIMAL);
  CHECK(num("08") == 8 && flags == PRS_LIT_NON_OCTAL_DECIMAL);
  CHECK(num("0778") == 778 && flags == PRS_LIT_NON_OCTAL_DECIMAL);
  CHECK(num("08.5") == 8.5 && flags == PRS_LIT_NON_OCTAL_DECIMAL);
  CHECK(num("09e1") == 90);
  CHECK(num("09.") == 9);
  // The spec allows separators in the fraction and exponent after 08.
  CHECK(num("08.5_1") == 8.51);
  CHECK(num("08e1_0") == 8e10);
  CHECK(isnan(num("07.5")));   // legacy octal takes no fraction
  CHECK(isnan(num("07e1")));   // nor an exponent
  CHECK(isnan(num("00.5")));
}

// Misplaced separators (with V8's messages) and malformed literals.
static void test_number_reject(void) {
  const char *tok = "Invalid or unexpected token";
  const char *dbl = "Only one underscore is allowed as numeric separator";
  const char *trail =
      "Numeric separators are not allowed at the end of numeric literals";
  const char *zero = "Numeric separator can not be used after leading 0.";
  CHECK(isnan(num("")));
  CHECK(isnan(num(".")));
  CHECK(isnan(num("_1")));
  CHECK(isnan(num("1_")) && strcmp(err, trail) == 0 && err_at == 1);
  CHECK(isnan(num("1__0")) && strcmp(err, dbl) == 0 && err_at == 2);
  CHECK(isnan(num("1_.5")) && strcmp(err, trail) == 0);
  CHECK(isnan(num("1._5")) && strcmp(err, tok) == 0 && err_at == 2);
  CHECK(isnan(num("1_e1")) && strcmp(err, trail) == 0);
  CHECK(isnan(num("1e_1")));
  CHECK(isnan(num("1e+_1")));
  CHECK(isnan(num("1e1_")));
  CHECK(isnan(num("1e1__0")));
  CHECK(isnan(num("0.5_")));
  CHECK(isnan(num("0_1")) && strcmp(err, zero) == 0 && err_at == 1);
  CHECK(isnan(num("0_0")));
  CHECK(isnan(num("07_7")) && strcmp(err, zero) == 0 && err_at == 2);
  CHECK(isnan(num("08_1")) && strcmp(err, zero) == 0);
  CHECK(isnan(num("0x")));
  CHECK(isnan(num("0x_1")));
  CHECK(isnan(num("0x1_")));
  CHECK(isnan(num("0x1__1")));
  CHECK(isnan(num("0b")));
  CHECK(isnan(num("0b2")));
  CHECK(isnan(num("0o8")));
  CHECK(isnan(num("0xg")));
  CHECK(isnan(num("0x1.5")));
  CHECK(isnan(num("1e")));
  CHECK(isnan(num("1e+")));
  CHECK(isnan(num("1.2.3")));
  CHECK(isnan(num("1n")));
  CHECK(isnan(num("1a")) && err_at == 1);
  CHECK(isnan(num("-1")));
}

/* {==== BigInt ====} */

// dec_mul_add: the decimal digit string d (MSB first) = d * mul + add, by
// schoolbook arithmetic: an independent check of the library's limbs.
static void dec_mul_add(char *d, int mul, int add) {
  size_t len = strlen(d);
  int carry = add;
  for (size_t i = len; i-- > 0;) {
    int t = (d[i] - '0') * mul + carry;
    d[i] = (char)('0' + t % 10);
    carry = t / 10;
  }
  while (carry) {
    memmove(d + 1, d, strlen(d) + 1);
    d[0] = (char)('0' + carry % 10);
    carry /= 10;
  }
}

// BigInt values in every radix, printed as canonical decimal.
static void test_bigint_small(void) {
  CHECK_STR(big("0n"), "0");
  CHECK_STR(big("7n"), "7");
  CHECK_STR(big("1_000n"), "1000");
  CHECK_STR(big("123456789012345678901234567890n"),
            "123456789012345678901234567890");
  CHECK_STR(big("0x1_Fn"), "31");
  CHECK_STR(big("0B101n"), "5");
  CHECK_STR(big("0O17n"), "15");
  CHECK_STR(big("0x0n"), "0");
  CHECK_STR(big("0x000001n"), "1");
  CHECK_STR(big("0b0_0n"), "0");
  CHECK_STR(big("0x3B9ACA00n"), "1000000000");  // exactly one limb base
  CHECK_STR(big("0x3B9AC9FFn"), "999999999");
  CHECK_STR(big("0x10000000000000000n"), "18446744073709551616");
  CHECK_STR(big("0xffffffffffffffffffffn"), "1208925819614629174706175");
}

// No legacy octal, leading zero, fraction, exponent or stray separator.
static void test_bigint_reject(void) {
  CHECK(big("01n") == NULL);
  CHECK(big("00n") == NULL);
  CHECK(big("08n") == NULL);
  CHECK_ERR(big("0_1n"), "Numeric separator can not be used after leading 0.",
            1);
  CHECK(big("1.5n") == NULL);
  CHECK(big("1.n") == NULL);
  CHECK(big(".5n") == NULL);
  CHECK(big("1e3n") == NULL);
  CHECK(big("1_n") == NULL);
  CHECK(big("1__0n") == NULL);
  CHECK(big("0xn") == NULL);
  CHECK(big("0x_1n") == NULL);
  CHECK(big("0b2n") == NULL);
  CHECK(big("n") == NULL);
  CHECK(big("") == NULL);
  CHECK(big("1") == NULL);
  CHECK(big("1nn") == NULL);
  CHECK(big("0xgn") == NULL);
}

// Thousands of digits: the limb conversion against schoolbook decimal.
static void test_bigint_huge(void) {
  // 2^4000 (1205 decimal digits) written in hex, octal and binary.
  static char want[2000], lit[4100];
  strcpy(want, "1");
  for (int k = 0; k < 4000; k++) dec_mul_add(want, 2, 0);
  strcpy(lit, "0x1");
  memset(lit + 3, '0', 1000);
  strcpy(lit + 1003, "n");
  CHECK_STR(big(lit), want);
  strcpy(lit, "0o2");
  memset(lit + 3, '0', 1333);
  strcpy(lit + 1336, "n");
  CHECK_STR(big(lit), want);
  strcpy(lit, "0b1");
  memset(lit + 3, '0', 4000);
  strcpy(lit + 4003, "n");
  CHECK_STR(big(lit), want);
  // 1500 varied hex digits (with separators) against digit-by-digit math.
  int len = snprintf(lit, sizeof lit, "0x");
  strcpy(want, "0");
  for (int k = 0; k < 1500; k++) {
    int d = (int)(rng() % 16);
    lit[len++] = "0123456789abcdef"[d];
    if (k % 5 == 4 && k != 1499) lit[len++] = '_';
    dec_mul_add(want, 16, d);
  }
  strcpy(lit + len, "n");
  // dec_mul_add keeps leading zeros from "0"; the canonical form has none.
  const char *w = want;
  while (w[0] == '0' && w[1]) w++;
  CHECK_STR(big(lit), w);
}

/* {==== Identifiers and Unicode tables ====} */

// ASCII, non-ASCII and escaped names, Other_ID_Start/Continue, ZWNJ/ZWJ.
static void test_identifier_accept(void) {
  CHECK_STR(ident("abc"), "abc");
  CHECK(flags == 0);
  CHECK_STR(ident("$_a1"), "$_a1");
  CHECK_STR(ident("_"), "_");
  CHECK_STR(ident("\\u0061bc"), "abc");
  CHECK(flags == PRS_LIT_HAS_ESCAPE);
  CHECK_STR(ident("a\\u{62}\\u{0063}"), "abc");
  CHECK_STR(ident("a\\u0031"), "a1");
  CHECK_STR(ident("caf\xC3\xA9"), "caf\xC3\xA9");
  CHECK(flags == 0);
  CHECK_STR(ident("\\u00e9"), "\xC3\xA9");
  CHECK_STR(ident("\xE4\xB8\x80"), "\xE4\xB8\x80");      // U+4E00
  CHECK_STR(ident("\xF0\x90\x90\x80"), "\xF0\x90\x90\x80");  // U+10400
  CHECK_STR(ident("\\u{10400}"), "\xF0\x90\x90\x80");
  CHECK_STR(ident("\xE2\x84\x98"), "\xE2\x84\x98");  // U+2118, Other_ID_Start
  CHECK_STR(ident("a\xC2\xB7"), "a\xC2\xB7");  // U+00B7, Other_ID_Continue
  CHECK_STR(ident("a\xE2\x80\x8C\xE2\x80\x8D"), "a\xE2\x80\x8C\xE2\x80\x8D");
  CHECK_STR(ident("a\\u200C\\u200d"), "a\xE2\x80\x8C\xE2\x80\x8D");
  CHECK_STR(ident("a\xD9\xA0"), "a\xD9\xA0");  // U+0660 Arabic-Indic zero
  CHECK_STR(ident("\\u0024"), "$");
}

// Bad first or later chars, raw or escaped, and malformed escapes.
static void test_identifier_reject(void) {
  const char *tok = "Invalid or unexpected token";
  const char *uni = "Invalid Unicode escape sequence";
  CHECK(ident("") == NULL);
  CHECK_ERR(ident("1a"), tok, 0);
  CHECK_ERR(ident("a-b"), tok, 1);
  CHECK_ERR(ident("\\u0031"), uni, 0);  // an escaped digit cannot start
  CHECK_ERR(ident("a\\u002D"), uni, 1);
  CHECK_ERR(ident("\\x41"), uni, 0);
  CHECK_ERR(ident("a\\"), uni, 1);
  CHECK_ERR(ident("\\u00"), uni, 0);
  CHECK_ERR(ident("\\u{110000}"), "Undefined Unicode code-point", 0);
  CHECK_ERR(ident("\\uD800"), uni, 0);         // surrogates are never ID
  CHECK_ERR(ident("\\uD801\\uDC00"), uni, 0);  // not even as a pair
  CHECK_ERR(ident("\xE2\x80\x8C" "a"), tok, 0);  // ZWNJ cannot start
  CHECK_ERR(ident("\xC2\xB7"), tok, 0);
  CHECK_ERR(ident("\xD9\xA0"), tok, 0);
  CHECK_ERR(ident("a\xF0\x9F\x98\x80"), tok, 1);  // emoji are not ID
  CHECK_ERR(ident("a\xE2\xB8\xAF"), tok, 1);      // U+2E2F: Pattern_Syntax
  CHECK_ERR(ident("a b"), tok, 1);
  CHECK_ERR(ident("a\xC3"), "Invalid UTF-8 in source text", 1);
}

// The generated tables (Unicode 15.0) through the public predicates.
static void test_unicode_tables(void) {
  CHECK(prs_unicode_id_start('A') && prs_unicode_id_start('z'));
  CHECK(prs_unicode_id_start('$') && prs_unicode_id_start('_'));
  CHECK(!prs_unicode_id_start('0') && !prs_unicode_id_start(' '));
  CHECK(!prs_unicode_id_start('@') && !prs_unicode_id_start('[') &&
        !prs_unicode_id_start('`') && !prs_unicode_id_start('{'));
  CHECK(prs_unicode_id_continue('0') && prs_unicode_id_continue('9'));
  CHECK(prs_unicode_id_continue('$') && prs_unicode_id_continue('_'));
  CHECK(!prs_unicode_id_continue('-') && !prs_unicode_id_continue(0));
  CHECK(prs_unicode_id_continue(0x200C) && prs_unicode_id_continue(0x200D));
  CHECK(!prs_unicode_id_start(0x200C) && !prs_unicode_id_start(0x200D));
  CHECK(prs_unicode_id_start(0xAA) && prs_unicode_id_start(0x4E00));
  CHECK(prs_unicode_id_start(0x1E94B));   // ADLAM NASALIZATION MARK, 12.0
  CHECK(prs_unicode_id_start(0x11F02));   // KAWI SIGN REPHA, new in 15.0
  CHECK(prs_unicode_id_start(0x31350));   // CJK Ext. H, new in 15.0
  CHECK(!prs_unicode_id_start(0xD7));     // multiplication sign
  CHECK(!prs_unicode_id_start(0x10FFFF) && !prs_unicode_id_continue(0x10FFFF));
  CHECK(!prs_unicode_id_start(0x110000) && !prs_unicode_id_continue(0xFFFFFFFF));
  CHECK(!prs_unicode_id_continue(0xD800));
  CHECK(prs_unicode_id_continue(0x0300) && !prs_unicode_id_start(0x0300));
  CHECK(prs_unicode_id_continue(0xE0100));  // variation selector 17
  // ID_Start is a subset of ID_Continue everywhere.
  int bad = 0;
  for (uint32_t cp = 0; cp <= 0x10FFFF; cp++)
    if (prs_unicode_id_start(cp) && !prs_unicode_id_continue(cp)) bad++;
  CHECK(bad == 0);
}

int main(void) {
  test_string_simple_escapes();
  test_string_bad_escapes();
  test_string_legacy();
  test_string_line_continuations();
  test_string_wtf8();
  test_string_bad_utf8();
  test_template_cooked();
  test_template_invalid();
  test_template_raw();
  test_number_decimal();
  test_number_decimal_rounding();
  test_number_decimal_random();
  test_number_radix();
  test_number_radix_random();
  test_number_legacy();
  test_number_reject();
  test_bigint_small();
  test_bigint_reject();
  test_bigint_huge();
  test_identifier_accept();
  test_identifier_reject();
  test_unicode_tables();
  prs_buf_free(&buf);
  return check_report(__FILE__);
}
