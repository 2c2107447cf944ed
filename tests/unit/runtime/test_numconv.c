/*
 * tests/unit/runtime/test_numconv.c — number <-> string conversions
 * (runtime/numconv.h): the spec's examples, the edge cases of each
 * grammar, and randomized checks against glibc as the oracle (shortest
 * round-trip digits, toFixed away from ties, correctly rounded reading of
 * decimal, hex and binary digit strings).
 */
#include <float.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#include "runtime/numconv.h"
#include "tests/unit/check.h"

/* {==== Helpers ====} */

// Each wrapper returns a static buffer: one CHECK uses one result.
static const char *dtoa(double d) {
  static char buf[JS_DTOA_BUFSIZE];
  js_dtoa(d, buf);
  return buf;
}

static const char *radix(double d, int r) {
  static char buf[JS_DTOA_RADIX_BUFSIZE];
  js_dtoa_radix(d, r, buf, sizeof buf);
  return buf;
}

static const char *fixed(double d, int f) {
  static char buf[JS_DTOA_FORMAT_BUFSIZE];
  if (js_dtoa_fixed(d, f, buf, sizeof buf) < 0) return "RangeError";
  return buf;
}

static const char *expo(double d, int f) {
  static char buf[JS_DTOA_FORMAT_BUFSIZE];
  if (js_dtoa_exponential(d, f, buf, sizeof buf) < 0) return "RangeError";
  return buf;
}

static const char *prec(double d, int p) {
  static char buf[JS_DTOA_FORMAT_BUFSIZE];
  if (js_dtoa_precision(d, p, buf, sizeof buf) < 0) return "RangeError";
  return buf;
}

static double num(const char *s) {
  return js_string_to_number_latin1((const uint8_t *)s, strlen(s));
}

static double pfloat(const char *s) {
  return js_parse_float_latin1((const uint8_t *)s, strlen(s));
}

static double pint(const char *s, int r) {
  return js_parse_int_latin1((const uint8_t *)s, strlen(s), r);
}

// Widens an ASCII string to UTF-16 so both readers see the same input.
static size_t widen(const char *s, uint16_t *out) {
  size_t n = strlen(s);
  for (size_t i = 0; i < n; i++) out[i] = (uint8_t)s[i];
  return n;
}

// Same double, bit for bit (so -0 differs from 0), or both NaN.
static bool same(double a, double b) {
  if (isnan(a) || isnan(b)) return isnan(a) && isnan(b);
  return memcmp(&a, &b, sizeof a) == 0;
}

// A deterministic xorshift64* generator: the random tests never flake.
static uint64_t rng_state = 0x9E3779B97F4A7C15ull;
static uint64_t rng(void) {
  rng_state ^= rng_state >> 12;
  rng_state ^= rng_state << 25;
  rng_state ^= rng_state >> 27;
  return rng_state * 0x2545F4914F6CDD1Dull;
}

/* {==== Number::toString ====} */

static void test_dtoa_examples(void) {
  CHECK_STR(dtoa(NAN), "NaN");
  CHECK_STR(dtoa(INFINITY), "Infinity");
  CHECK_STR(dtoa(-INFINITY), "-Infinity");
  CHECK_STR(dtoa(0.0), "0");
  CHECK_STR(dtoa(-0.0), "0");
  CHECK_STR(dtoa(1e20), "100000000000000000000");
  CHECK_STR(dtoa(1e21), "1e+21");
  CHECK_STR(dtoa(1.5e-7), "1.5e-7");
  CHECK_STR(dtoa(1e-6), "0.000001");
  CHECK_STR(dtoa(1e-7), "1e-7");
  CHECK_STR(dtoa(-1e-7), "-1e-7");
  CHECK_STR(dtoa(5e-324), "5e-324");
  CHECK_STR(dtoa(-5e-324), "-5e-324");
  CHECK_STR(dtoa(DBL_MAX), "1.7976931348623157e+308");
  CHECK_STR(dtoa(0.1 + 0.2), "0.30000000000000004");
  CHECK_STR(dtoa(0.1), "0.1");
  CHECK_STR(dtoa(-1.5), "-1.5");
  CHECK_STR(dtoa(100), "100");
  CHECK_STR(dtoa(123e-20), "1.23e-18");
  CHECK_STR(dtoa(9007199254740992.0), "9007199254740992");
  CHECK_STR(dtoa(9007199254740994.0), "9007199254740994");
  CHECK_STR(dtoa(0x1p63), "9223372036854776000");
  CHECK_STR(dtoa(0x1p64), "18446744073709552000");
  CHECK_STR(dtoa(1e23), "1e+23");
  CHECK_STR(dtoa(1.2345678901234568e20), "123456789012345680000");
  CHECK_STR(dtoa(0.000001234), "0.000001234");
  CHECK_STR(dtoa(1.5e-323), "1.5e-323");
  CHECK_STR(dtoa(DBL_MIN), "2.2250738585072014e-308");
  CHECK_STR(dtoa(4.35), "4.35");
  CHECK_STR(dtoa(123.456), "123.456");
  CHECK_STR(dtoa(-1e300), "-1e+300");
  CHECK_STR(dtoa(2147483647.0), "2147483647");
  CHECK_STR(dtoa(-2147483648.0), "-2147483648");
  CHECK_STR(dtoa(1.0 / 3.0), "0.3333333333333333");
  CHECK_STR(dtoa(12345678.9), "12345678.9");
  CHECK_STR(dtoa(0x1p-1022 * 0x1p-52), "5e-324");
  CHECK(js_dtoa(-1.5, (char[JS_DTOA_BUFSIZE]){0}) == 4);
}

// Significant digits of a js_dtoa result (sign, point, exponent, leading
// and trailing zeros are not digits).
static int sig_digits(const char *s, char *digs) {
  int n = 0;
  for (; *s != '\0' && *s != 'e'; s++)
    if (*s >= '0' && *s <= '9' && (n > 0 || *s != '0')) digs[n++] = *s;
  while (n > 0 && digs[n - 1] == '0') n--;
  digs[n] = '\0';
  return n;
}

// Does some (k)-digit decimal near d read back as d? Tries printf's
// nearest and its neighbours one unit either side, which covers the
// asymmetric intervals next to powers of two.
static bool k_digits_roundtrip(double d, int k) {
  char tmp[64];
  snprintf(tmp, sizeof tmp, "%.*e", k - 1, d);
  if (strtod(tmp, NULL) == d) return true;
  char *e = strchr(tmp, 'e');
  int ex = atoi(e + 1);
  char digs[32];
  int n = 0;
  for (char *p = tmp; p < e; p++)
    if (*p >= '0' && *p <= '9') digs[n++] = *p;
  digs[n] = '\0';
  unsigned long long m = strtoull(digs, NULL, 10);
  for (int delta = -1; delta <= 1; delta += 2) {
    char cand[64];
    snprintf(cand, sizeof cand, "%llue%d", m + (unsigned long long)delta, ex - (k - 1));
    if (strtod(cand, NULL) == d) return true;
  }
  return false;
}

// d prints as its shortest round-trip digits: reads back exactly, fewer
// digits never would, and they are printf's nearest k digits when those
// round-trip (the spec's "closest" rule).
static bool shortest_ok(double d) {
  const char *s = dtoa(d);
  if (strtod(s, NULL) != d) return false;
  char digs[32];
  int k = sig_digits(s, digs);
  if (k > 1 && k_digits_roundtrip(fabs(d), k - 1)) return false;
  char tmp[64], near[32];
  snprintf(tmp, sizeof tmp, "%.*e", k - 1, fabs(d));
  if (strtod(tmp, NULL) == fabs(d)) {
    sig_digits(tmp, near);
    if (strcmp(near, digs) != 0) return false;
  }
  return true;
}

static void test_dtoa_shortest(void) {
  int bad = 0;
  // Random bit patterns: every exponent, denormals included.
  for (int i = 0; i < 4000; i++) {
    uint64_t bits = rng();
    double d;
    memcpy(&d, &bits, sizeof d);
    if (!isfinite(d)) continue;
    bad += !shortest_ok(d);
  }
  // Short decimals, the common case in programs.
  for (int i = 0; i < 2000; i++) {
    double d = (double)(int64_t)(rng() % 2000001 - 1000000) / (double)(1 + rng() % 10000);
    bad += !shortest_ok(d);
  }
  // Every power of two, where the rounding interval is lopsided.
  for (int e = -1074; e <= 1023; e++) bad += !shortest_ok(ldexp(1.0, e));
  CHECK(bad == 0);
  CHECK(shortest_ok(0x1p53 + 2) && shortest_ok(DBL_MIN) && shortest_ok(5e-324));
}

/* {==== toString(radix) ====} */

static void test_radix(void) {
  CHECK_STR(radix(0.5, 2), "0.1");
  CHECK_STR(radix(255.5, 16), "ff.8");
  CHECK_STR(radix(-255.5, 2), "-11111111.1");
  CHECK(strncmp(radix(0.1, 3), "0.0022002200220022", 18) == 0);
  CHECK_STR(radix(0.1, 2), "0.0001100110011001100110011001100110011001100110011001101");
  CHECK_STR(radix(1.0 / 3.0, 3), "0.1");
  CHECK_STR(radix(0.5, 36), "0.i");
  CHECK_STR(radix(35, 36), "z");
  CHECK_STR(radix(-255, 16), "-ff");
  CHECK_STR(radix(0.0, 2), "0");
  CHECK_STR(radix(-0.0, 16), "0");
  CHECK_STR(radix(NAN, 2), "NaN");
  CHECK_STR(radix(-INFINITY, 16), "-Infinity");
  CHECK_STR(radix(0.1, 10), "0.1");
  CHECK_STR(radix(0x1p64, 16), "10000000000000000");
  char want[80] = "1";
  memset(want + 1, '0', 60);
  want[61] = '\0';
  CHECK_STR(radix(0x1p60, 2), want);
  char buf[8];
  CHECK(js_dtoa_radix(1, 1, buf, sizeof buf) == -1);
  CHECK(js_dtoa_radix(1, 37, buf, sizeof buf) == -1);
  // The smallest denormal: "0." then 1073 zeros and a 1.
  const char *tiny = radix(5e-324, 2);
  CHECK(strlen(tiny) == 1076 && tiny[1075] == '1' && strspn(tiny + 2, "0") == 1073);
  // Large integers are exact in every radix: parseInt reads them back.
  const char *big = radix(1e308, 2);
  CHECK(strlen(big) == 1024);
  CHECK(pint(big, 2) == 1e308);
  CHECK(pint(radix(DBL_MAX, 3), 3) == DBL_MAX);
  CHECK(pint(radix(0x1p100, 7), 7) == 0x1p100);
  CHECK(pint(radix(-123456789012345678.0, 36), 36) == -123456789012345678.0);
}

/* {==== toFixed, toExponential, toPrecision ====} */

static void test_fixed(void) {
  CHECK_STR(fixed(1.005, 2), "1.00");
  CHECK_STR(fixed(1.45, 1), "1.4");
  CHECK_STR(fixed(0.5, 0), "1");
  CHECK_STR(fixed(1.5, 0), "2");
  CHECK_STR(fixed(2.5, 0), "3");
  CHECK_STR(fixed(-2.5, 0), "-3");
  CHECK_STR(fixed(1.25, 1), "1.3");
  CHECK_STR(fixed(99.5, 0), "100");
  CHECK_STR(fixed(9.995, 2), "9.99");
  CHECK_STR(fixed(0.05, 1), "0.1");
  CHECK_STR(fixed(123.456, 2), "123.46");
  CHECK_STR(fixed(0, 2), "0.00");
  CHECK_STR(fixed(-0.0, 2), "0.00");
  CHECK_STR(fixed(-1e-7, 2), "-0.00");
  CHECK_STR(fixed(1e21, 2), "1e+21");
  CHECK_STR(fixed(-1e21, 2), "-1e+21");
  CHECK_STR(fixed(1e20, 2), "100000000000000000000.00");
  CHECK_STR(fixed(1000000000000000128.0, 0), "1000000000000000128");
  CHECK_STR(fixed(0.1, 20), "0.10000000000000000555");
  CHECK_STR(fixed(NAN, 2), "NaN");
  CHECK_STR(fixed(INFINITY, 2), "Infinity");
  CHECK_STR(fixed(1.23, -1), "RangeError");
  CHECK_STR(fixed(1.23, 101), "RangeError");
  CHECK_STR(fixed(NAN, 101), "RangeError");  // the range is checked first
  char zeros[104] = "0.";
  memset(zeros + 2, '0', 100);
  zeros[102] = '\0';
  CHECK_STR(fixed(5e-324, 100), zeros);
  // Truncation follows snprintf: full length returned, NUL written.
  char small[3];
  CHECK(js_dtoa_fixed(1.5, 2, small, sizeof small) == 4 && strcmp(small, "1.") == 0);
}

// The spec's toFixed of an exact tie |x| = (n + 1/2) / 10^f: printf
// with one more digit is exact (it ends in 5), so drop that 5 and add one
// unit to what is left.
static void fixed_tie(double x, int f, char *want, size_t cap) {
  char *s = want + 2;  // room for a carried 1 and a sign
  int n = snprintf(s, cap - 2, "%.*f", f + 1, fabs(x)) - 1;
  s[n] = '\0';
  if (f == 0) s[--n] = '\0';  // "2.5" -> "2." -> "2"
  int i = n - 1;
  for (; i >= 0 && (s[i] == '9' || s[i] == '.'); i--)
    if (s[i] == '9') s[i] = '0';
  if (i >= 0)
    s[i]++;
  else
    *--s = '1';  // "9.9" -> "10.0"
  if (x < 0) *--s = '-';
  memmove(want, s, strlen(s) + 1);
}

// Away from exact ties toFixed is printf's "%.*f"; at one (x·2^(f+1) an
// odd integer) it is the larger of the two.
static void test_fixed_random(void) {
  int bad = 0, ties = 0;
  for (int i = 0; i < 3000; i++) {
    double x = (double)(rng() % 100000000) / (double)(1u << (rng() % 12));
    int f = (int)(rng() % 12);
    if ((rng() & 1) && x != 0) x = -x;  // -0 would print "0.00", not "-0.00"
    char want[160];
    double t = ldexp(fabs(x), f + 1);
    if (t == floor(t) && fmod(t, 2) == 1) {
      fixed_tie(x, f, want, sizeof want);  // printf would round to even
      ties++;
    } else {
      snprintf(want, sizeof want, "%.*f", f, x);
    }
    bad += strcmp(fixed(x, f), want) != 0;
  }
  CHECK(bad == 0);
  CHECK(ties > 100);  // the ties did get tested
  char w[32];
  fixed_tie(-99.5, 0, w, sizeof w);
  CHECK_STR(w, "-100");
  fixed_tie(0.125, 2, w, sizeof w);
  CHECK_STR(w, "0.13");
}

static void test_exponential(void) {
  CHECK_STR(expo(123456, 2), "1.23e+5");
  CHECK_STR(expo(123456, -1), "1.23456e+5");
  CHECK_STR(expo(0, -1), "0e+0");
  CHECK_STR(expo(-0.0, -1), "0e+0");
  CHECK_STR(expo(0, 2), "0.00e+0");
  CHECK_STR(expo(1.5, -1), "1.5e+0");
  CHECK_STR(expo(-1.5, 0), "-2e+0");
  CHECK_STR(expo(25, 0), "3e+1");
  CHECK_STR(expo(1.25, 1), "1.3e+0");
  CHECK_STR(expo(1.35, 1), "1.4e+0");
  CHECK_STR(expo(9.99, 1), "1.0e+1");
  CHECK_STR(expo(1e21, -1), "1e+21");
  CHECK_STR(expo(1e-7, 3), "1.000e-7");
  CHECK_STR(expo(5e-324, -1), "5e-324");
  CHECK_STR(expo(5e-324, 2), "4.94e-324");
  CHECK_STR(expo(DBL_MAX, 0), "2e+308");
  CHECK_STR(expo(0.1 + 0.2, -1), "3.0000000000000004e-1");
  CHECK_STR(expo(INFINITY, 200), "Infinity");  // finiteness is checked first
  CHECK_STR(expo(NAN, -5), "NaN");
  CHECK_STR(expo(1, 101), "RangeError");
  CHECK_STR(expo(1, -2), "RangeError");
  char buf[JS_DTOA_FORMAT_BUFSIZE];
  CHECK(js_dtoa_exponential(-DBL_MAX, 100, buf, sizeof buf) == 108);
}

static void test_precision(void) {
  CHECK_STR(prec(123.456, 4), "123.5");
  CHECK_STR(prec(123.456, 3), "123");
  CHECK_STR(prec(123.456, 1), "1e+2");
  CHECK_STR(prec(0.000123, 2), "0.00012");
  CHECK_STR(prec(123456, 2), "1.2e+5");
  CHECK_STR(prec(1e21, 3), "1.00e+21");
  CHECK_STR(prec(0, 3), "0.00");
  CHECK_STR(prec(0, 1), "0");
  CHECK_STR(prec(-0.0, 2), "0.0");
  CHECK_STR(prec(1e-7, 1), "1e-7");
  CHECK_STR(prec(1e-6, 1), "0.000001");
  CHECK_STR(prec(1.5e-7, 3), "1.50e-7");
  CHECK_STR(prec(-1.5, 1), "-2");
  CHECK_STR(prec(2.5, 1), "3");
  CHECK_STR(prec(99.99, 3), "100");
  CHECK_STR(prec(99.99, 2), "1.0e+2");
  CHECK_STR(prec(5e-324, 3), "4.94e-324");
  CHECK_STR(prec(0.1, 21), "0.100000000000000005551");
  CHECK_STR(prec(NAN, 0), "NaN");
  CHECK_STR(prec(-INFINITY, 1), "-Infinity");
  CHECK_STR(prec(1, 0), "RangeError");
  CHECK_STR(prec(1, 101), "RangeError");
  const char *p100 = prec(1, 100);
  CHECK(strlen(p100) == 101 && strncmp(p100, "1.000", 5) == 0);
}

/* {==== StringToNumber ====} */

static void test_string_to_number(void) {
  CHECK(same(num(""), 0.0));
  CHECK(same(num(" \t\n "), 0.0));
  CHECK(same(num(" 12 "), 12));
  CHECK(same(num("1e1000"), INFINITY));
  CHECK(same(num("-1e1000"), -INFINITY));
  CHECK(same(num("-0"), -0.0));
  CHECK(same(num("0x"), NAN));
  CHECK(same(num("0x10"), 16));
  CHECK(same(num("0X1f"), 31));
  CHECK(same(num("0o17"), 15));
  CHECK(same(num("0b101"), 5));
  CHECK(same(num("0b2"), NAN));
  CHECK(same(num("0o8"), NAN));
  CHECK(same(num("-0x10"), NAN));
  CHECK(same(num("+0x10"), NAN));
  CHECK(same(num("0x1_0"), NAN));
  CHECK(same(num("1_000"), NAN));
  CHECK(same(num("1n"), NAN));
  CHECK(same(num("\xa0" "12"), 12));  // NBSP is a Latin-1 unit too
  CHECK(same(num("+.5"), 0.5));
  CHECK(same(num("-.5"), -0.5));
  CHECK(same(num("5."), 5));
  CHECK(same(num("."), NAN));
  CHECK(same(num("+"), NAN));
  CHECK(same(num("++1"), NAN));
  CHECK(same(num("e5"), NAN));
  CHECK(same(num("1e"), NAN));
  CHECK(same(num("1e+"), NAN));
  CHECK(same(num("1E-5"), 1e-5));
  CHECK(same(num("Infinity"), INFINITY));
  CHECK(same(num("+Infinity"), INFINITY));
  CHECK(same(num(" -Infinity "), -INFINITY));
  CHECK(same(num("Infinityx"), NAN));
  CHECK(same(num("infinity"), NAN));
  CHECK(same(num("inf"), NAN));
  CHECK(same(num("nan"), NAN));
  CHECK(same(num("0x1p3"), NAN));
  CHECK(same(num("1 2"), NAN));
  CHECK(same(num("0.1"), 0.1));
  CHECK(same(num("123e-20"), 123e-20));
  CHECK(same(num("007"), 7));
  CHECK(same(num("1e99999999999999999999"), INFINITY));
  CHECK(same(num("1e-99999999999999999999"), 0.0));
  CHECK(same(num("-0e99999999999"), -0.0));
  CHECK(same(num("2.2250738585072011e-308"), 2.2250738585072011e-308));
  CHECK(same(num("4.9406564584124654e-324"), 5e-324));
  CHECK(same(num("2.4703282292062328e-324"), 5e-324));  // just above half
  CHECK(same(num("2.4703282292062327e-324"), 0.0));     // just below half
  CHECK(same(num("1.7976931348623158e308"), DBL_MAX));
  CHECK(same(num("1.7976931348623159e308"), INFINITY));
  // A NUL inside the string is just an invalid unit, not an end.
  CHECK(same(js_string_to_number_latin1((const uint8_t *)"1\0" "2", 3), NAN));
  CHECK(same(js_string_to_number_latin1(NULL, 0), 0.0));
}

static void test_string_to_number_utf16(void) {
  uint16_t s[64];
  const uint16_t ws[] = {0xA0, '1', '2', 0x2028};
  CHECK(same(js_string_to_number_utf16(ws, 4), 12));
  const uint16_t bom[] = {0xFEFF, '5', 0x2029};
  CHECK(same(js_string_to_number_utf16(bom, 3), 5));
  const uint16_t zs[] = {0x1680, 0x2000, 0x200A, 0x202F, '7', 0x205F, 0x3000, 0x0B, 0x0C};
  CHECK(same(js_string_to_number_utf16(zs, 9), 7));
  const uint16_t mvs[] = {0x180E, '1'};  // no longer white space (Unicode 6.3)
  CHECK(same(js_string_to_number_utf16(mvs, 2), NAN));
  const uint16_t zwsp[] = {0x200B, '1'};  // Cf, not Zs
  CHECK(same(js_string_to_number_utf16(zwsp, 2), NAN));
  const uint16_t fullwidth[] = {0xFF11};  // a digit, but not an ASCII one
  CHECK(same(js_string_to_number_utf16(fullwidth, 1), NAN));
  const uint16_t high[] = {'1', 0x0130};  // 0x130 | 0x20 is not a letter
  CHECK(same(js_string_to_number_utf16(high, 2), NAN));
  CHECK(same(js_string_to_number_utf16(s, widen("0x10", s)), 16));
  CHECK(same(js_string_to_number_utf16(s, widen(" -1.5e3 ", s)), -1500));
  CHECK(same(js_string_to_number_utf16(s, widen("Infinity", s)), INFINITY));
}

// Long and awkward literals against glibc's strtod: kept digits, the
// sticky tail, leading zeros and huge exponents.
static void test_long_decimals(void) {
  static char s[3000];
  int bad = 0;
  for (int i = 0; i < 300; i++) {
    int n = 1 + (int)(rng() % 1200), k = 0;
    if (rng() & 1) s[k++] = '-';
    int point = (int)(rng() % (unsigned)(n + 1));
    for (int j = 0; j < n; j++) {
      if (j == point) s[k++] = '.';
      s[k++] = (char)('0' + rng() % 10);
    }
    if (rng() & 1) k += sprintf(s + k, "e%d", (int)(rng() % 800) - 400);
    s[k] = '\0';
    bad += !same(num(s), strtod(s, NULL));
  }
  CHECK(bad == 0);
  // A midpoint followed by 900 zeros then a 1 rounds up, not to even.
  int k = sprintf(s, "9007199254740993");
  memset(s + k, '0', 900);
  strcpy(s + k + 900, "1e-901");
  CHECK(same(num(s), 9007199254740994.0));
  s[k + 900] = '0';  // now an exact tie: to even
  CHECK(same(num(s), 9007199254740992.0));
  // Leading fraction zeros move the point.
  strcpy(s, "0.");
  memset(s + 2, '0', 999);
  strcpy(s + 1001, "1e1000");
  CHECK(same(num(s), 1.0));
  memset(s, '1', 2000);
  s[2000] = '\0';
  CHECK(same(num(s), INFINITY));
}

// Hex and binary literals of any length, against strtod on hex floats.
static void test_nondecimal_rounding(void) {
  CHECK(same(num("0x1fffffffffffff1"), 0x1fffffffffffff0p0));
  CHECK(same(num("0x20000000000001"), 0x1p53));      // tie: to even
  CHECK(same(num("0x20000000000003"), 0x1p53 + 4));  // tie: to even
  CHECK(same(num("0x200000000000011"), 0x1p57 + 32));
  static char s[400], h[410];
  int bad = 0;
  for (int i = 0; i < 1000; i++) {
    int n = 1 + (int)(rng() % 300);
    strcpy(s, "0x");
    for (int j = 0; j < n; j++) s[2 + j] = "0123456789abcdefABCDEF"[rng() % 22];
    s[2 + n] = '\0';
    snprintf(h, sizeof h, "%sp0", s);
    bad += !same(num(s), strtod(h, NULL));
  }
  // Binary strings: each group of four bits is one hex digit.
  for (int i = 0; i < 500; i++) {
    int n = 4 * (1 + (int)(rng() % 70));
    strcpy(s, "0b");
    strcpy(h, "0x");
    for (int j = 0; j < n; j += 4) {
      unsigned v = (unsigned)(rng() % 16);
      for (int b = 3; b >= 0; b--) s[2 + j + 3 - b] = (char)('0' + ((v >> b) & 1));
      h[2 + j / 4] = "0123456789abcdef"[v];
    }
    s[2 + n] = '\0';
    strcpy(h + 2 + n / 4, "p0");
    bad += !same(num(s), strtod(h, NULL));
  }
  CHECK(bad == 0);
  CHECK(same(num("0o777"), 511));
  CHECK(same(num("0o1000000000000000000001"), 0x1p63));
}

/* {==== parseInt, parseFloat ====} */

static void test_parse_int(void) {
  CHECK(same(pint("  -0x1F", 0), -31));
  CHECK(same(pint("123abc", 0), 123));
  CHECK(same(pint("0x", 0), NAN));
  CHECK(same(pint("0x1F", 16), 31));
  CHECK(same(pint("0x1F", 10), 0));
  CHECK(same(pint("1F", 16), 31));
  CHECK(same(pint("z", 36), 35));
  CHECK(same(pint("Z", 36), 35));
  CHECK(same(pint("10", 1), NAN));
  CHECK(same(pint("10", 37), NAN));
  CHECK(same(pint("10", -1), NAN));
  CHECK(same(pint("-0", 0), -0.0));
  CHECK(same(pint("", 0), NAN));
  CHECK(same(pint("  ", 0), NAN));
  CHECK(same(pint("-", 0), NAN));
  CHECK(same(pint("08", 0), 8));
  CHECK(same(pint("1e3", 0), 1));
  CHECK(same(pint("12", 2), 1));
  CHECK(same(pint("2", 2), NAN));
  CHECK(same(pint("0b11", 0), 0));
  CHECK(same(pint("Infinity", 0), NAN));
  CHECK(same(pint("+42", 0), 42));
  CHECK(same(pint("- 1", 0), NAN));
  CHECK(same(pint("3.9", 0), 3));
  CHECK(same(pint("9007199254740993", 0), 9007199254740992.0));
  CHECK(same(pint("9007199254740995", 0), 9007199254740996.0));
  CHECK(same(pint("123456789012345678901234567890", 10), 1.2345678901234568e29));
  CHECK(same(pint("ffffffffffffffffffff", 16), 0xffffffffffffffffffffp0));
  static char s[2100];
  memset(s, '9', 2000);
  s[2000] = '\0';
  CHECK(same(pint(s, 0), INFINITY));
  memset(s, '0', 2000);
  s[1999] = '7';
  CHECK(same(pint(s, 8), 7));
  uint16_t w[32];
  const uint16_t ws[] = {0x3000, 0xA0, '4', '2', 'x'};
  CHECK(same(js_parse_int_utf16(ws, 5, 0), 42));
  CHECK(same(js_parse_int_utf16(w, widen("-0X10", w), 16), -16));
  CHECK(same(js_parse_int_utf16(w, widen("0x10", w), 8), 0));
}

static void test_parse_float(void) {
  CHECK(same(pfloat("3.14abc"), 3.14));
  CHECK(same(pfloat(".e1"), NAN));
  CHECK(same(pfloat("-.5e-1x"), -0.05));
  CHECK(same(pfloat("Infinityx"), INFINITY));
  CHECK(same(pfloat("-Infinityx"), -INFINITY));
  CHECK(same(pfloat("infinity"), NAN));
  CHECK(same(pfloat("  1e"), 1));
  CHECK(same(pfloat("1e+"), 1));
  CHECK(same(pfloat("1e-2e3"), 0.01));
  CHECK(same(pfloat("0x10"), 0));
  CHECK(same(pfloat("-0"), -0.0));
  CHECK(same(pfloat(""), NAN));
  CHECK(same(pfloat("abc"), NAN));
  CHECK(same(pfloat("+-1"), NAN));
  CHECK(same(pfloat(".5"), 0.5));
  CHECK(same(pfloat("5."), 5));
  CHECK(same(pfloat("1.2.3"), 1.2));
  CHECK(same(pfloat("1e400"), INFINITY));
  CHECK(same(pfloat("1_000"), 1));
  CHECK(same(pfloat("\v\f 2.5 junk"), 2.5));
  uint16_t w[32];
  const uint16_t ls[] = {0x2029, ' ', '7', 0x2028};
  CHECK(same(js_parse_float_utf16(ls, 4), 7));
  CHECK(same(js_parse_float_utf16(w, widen("-1.5e3x", w)), -1500));
}

int main(void) {
  test_dtoa_examples();
  test_dtoa_shortest();
  test_radix();
  test_fixed();
  test_fixed_random();
  test_exponential();
  test_precision();
  test_string_to_number();
  test_string_to_number_utf16();
  test_long_decimals();
  test_nondecimal_rounding();
  test_parse_int();
  test_parse_float();
  return check_report(__FILE__);
}
