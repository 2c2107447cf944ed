/*
 * runtime/numconv.c — number <-> string conversions (see numconv.h).
 *
 * Decimal digits always come from glibc: printf is exact at any precision
 * and strtod is correctly rounded, so the shortest round-trip digits are a
 * search over precisions, and toFixed & co. only need our own handling of
 * exact ties (the spec picks the larger n, printf picks the even one).
 * Digit strings in other radices go through a small exact big integer.
 */
#include "runtime/numconv.h"

#include <float.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char radix_chars[] = "0123456789abcdefghijklmnopqrstuvwxyz";

/* {==== Shared helpers for the writers ====} */

// Every writer builds its result in a local buffer of known size, then
// hands it over with snprintf's contract (truncate, NUL, return the full
// length), so no writer has to check the caller's capacity as it goes.
static int emit(const char *s, int n, char *buf, size_t cap) {
  if (cap > 0) {
    size_t m = (size_t)n < cap ? (size_t)n : cap - 1;
    memcpy(buf, s, m);
    buf[m] = '\0';
  }
  return n;
}

// js_dtoa into a buffer of any capacity: the fallback of every formatter
// for NaN, the infinities and (toFixed) magnitudes from 1e21 up.
static int dtoa_into(double d, char *buf, size_t cap) {
  char tmp[JS_DTOA_BUFSIZE];
  return emit(tmp, js_dtoa(d, tmp), buf, cap);
}

// Collects the digits of glibc's "%e" or "%f" output of a non-negative
// value into digs. Whatever is not a digit before the 'e' is taken as the
// decimal point, whichever (possibly multibyte) point the locale uses.
// *intlen gets the number of digits before the point, *exp10 the exponent
// after 'e' (0 for "%f"). Returns the number of digits.
static int split_printed(const char *s, char *digs, int *intlen, int *exp10) {
  int n = 0;
  *intlen = -1;
  *exp10 = 0;
  for (; *s != '\0' && *s != 'e'; s++) {
    if (*s >= '0' && *s <= '9')
      digs[n++] = *s;
    else if (*intlen < 0)
      *intlen = n;
  }
  if (*intlen < 0) *intlen = n;
  if (*s == 'e') *exp10 = atoi(s + 1);
  return n;
}

// Adds one unit in the last place of an n-digit string. Returns true when
// the carry runs out of the first digit: the digits are then all '0' and
// the caller decides where the leading 1 goes.
static bool increment_digits(char *digs, int n) {
  for (int i = n - 1; i >= 0; i--) {
    if (digs[i] != '9') {
      digs[i]++;
      return false;
    }
    digs[i] = '0';
  }
  return true;
}

// Room for DEC_MAX_DIGITS digits, a sticky digit and "e-100000".
#define DIGITS_TO_DOUBLE_CAP 840

// The double nearest to the integer digs[0..n) times 10^scale. The string
// handed to strtod has no decimal point, so the locale cannot matter.
// n is at most DEC_MAX_DIGITS + 1 and |scale| at most 100000.
static double digits_to_double(const char *digs, int n, long scale) {
  char tmp[DIGITS_TO_DOUBLE_CAP];
  snprintf(tmp, sizeof tmp, "%.*se%ld", n, digs, scale);
  return strtod(tmp, NULL);
}

// The exponential layout shared by Number::toString, toExponential and
// toPrecision: "d", "d.ddd", then "e+N" or "e-N". Returns chars written.
static int put_exponential(char *p, const char *digs, int n, int e) {
  char *s = p;
  *p++ = digs[0];
  if (n > 1) {
    *p++ = '.';
    memcpy(p, digs + 1, (size_t)(n - 1));
    p += n - 1;
  }
  // |e| <= 400 here; written by hand so no buffer size is guessed at.
  *p++ = 'e';
  *p++ = e < 0 ? '-' : '+';
  int mag = e < 0 ? -e : e, scale = 1;
  while (scale * 10 <= mag) scale *= 10;
  for (; scale > 0; scale /= 10) *p++ = (char)('0' + mag / scale % 10);
  return (int)(p - s);
}

/* {==== Number::toString: shortest round-trip digits ====} */

// One probe of the shortest-digits search: do p digits suffice for ax?
// The p-digit decimal nearest to ax is the only candidate, except just
// above a power of two, where the gap below ax is half the gap above it:
// there the nearest candidate may fall below the rounding interval while
// the next p-digit decimal up is still inside it. On success digs holds
// the p digits and *e the exponent (ax = d.ddd × 10^e).
static bool try_precision(double ax, int p, bool pow2, char *digs, int *e) {
  char tmp[40];
  int intlen;
  snprintf(tmp, sizeof tmp, "%.*e", p - 1, ax);
  split_printed(tmp, digs, &intlen, e);
  double back = digits_to_double(digs, p, *e - (p - 1));
  if (back == ax) return true;
  if (!pow2 || back > ax) return false;
  // The candidate one unit up; "999" carries to "100" one decade higher.
  if (increment_digits(digs, p)) {
    digs[0] = '1';
    (*e)++;
  }
  return digits_to_double(digs, p, *e - (p - 1)) == ax;
}

// Integers below 2^53 are their own shortest digits: their rounding
// interval is at most one unit wide, so no other decimal with as few
// significant digits lies in it. This skips the search for the common case.
static int integer_digits(double ax, char *digs, int *e) {
  char rev[24];
  int n = 0;
  for (uint64_t v = (uint64_t)ax; v != 0; v /= 10) rev[n++] = (char)('0' + v % 10);
  for (int i = 0; i < n; i++) digs[i] = rev[n - 1 - i];
  *e = n - 1;
  return n;
}

// The smallest precision in lo..hi at which try_precision succeeds for
// ax, hi being known to succeed, with its digits left in digs. Success is
// monotonic in the precision (the p + 1 digit decimals include every
// p-digit one), so a binary search finds it.
static int search_precision(double ax, int lo, int hi, char *digs, int *e) {
  int ex;
  bool pow2 = frexp(ax, &ex) == 0.5;
  while (lo < hi) {
    int mid = (lo + hi) / 2;
    if (try_precision(ax, mid, pow2, digs, e))
      hi = mid;
    else
      lo = mid + 1;
  }
  try_precision(ax, lo, pow2, digs, e);  // refill digs for the winner
  return lo;
}

// The fewest digits k (ax = d.ddd × 10^e) that read back as ax, for
// finite ax > 0; 17 digits always do. digs needs 24 bytes.
//
// For normal numbers one probe at 15 digits settles most cases: half an
// ulp is at most 2^-53·ax (1.1e-16·ax) while 15-digit decimals are at
// least 1e-15·ax apart, so at most one of them reads back as ax, and it
// is then the nearest. Hence if any k <= 15 digits work, they are the
// nearest 15 digits less their trailing zeros; if none do, k is 16 or 17.
// Subnormals have wider intervals ("5e-324") and get the full search.
static int shortest_digits(double ax, char *digs, int *e) {
  int n;
  if (ax < 0x1p53 && ax == floor(ax))
    n = integer_digits(ax, digs, e);
  else if (ax < DBL_MIN)
    n = search_precision(ax, 1, 17, digs, e);
  else if (try_precision(ax, 15, false, digs, e))
    n = 15;
  else
    n = search_precision(ax, 16, 17, digs, e);
  while (n > 1 && digs[n - 1] == '0') n--;
  return n;
}

// Number::toString's layout (§6.1.6.1.20 steps 6-12) of k digits whose
// value is 0.digs × 10^n: plain up to 21 integer digits, "0.000ddd" down
// to 1e-6, exponential otherwise. Returns chars written (no NUL).
static int format_number(bool neg, const char *digs, int k, int n, char *out) {
  char *p = out;
  if (neg) *p++ = '-';
  if (k <= n && n <= 21) {
    memcpy(p, digs, (size_t)k);
    memset(p + k, '0', (size_t)(n - k));
    p += n;
  } else if (0 < n && n <= 21) {
    memcpy(p, digs, (size_t)n);
    p += n;
    *p++ = '.';
    memcpy(p, digs + n, (size_t)(k - n));
    p += k - n;
  } else if (-6 < n && n <= 0) {
    *p++ = '0';
    *p++ = '.';
    memset(p, '0', (size_t)-n);
    p += -n;
    memcpy(p, digs, (size_t)k);
    p += k;
  } else {
    p += put_exponential(p, digs, k, n - 1);
  }
  return (int)(p - out);
}

int js_dtoa(double d, char *buf) {
  const char *fixed = NULL;
  if (isnan(d))
    fixed = "NaN";
  else if (isinf(d))
    fixed = d > 0 ? "Infinity" : "-Infinity";
  else if (d == 0)
    fixed = "0";  // both zeros: ToString(-0) is "0"
  if (fixed != NULL) return emit(fixed, (int)strlen(fixed), buf, JS_DTOA_BUFSIZE);
  // The spec's n is one more than the scientific exponent: 0.digs × 10^n.
  char digs[24];
  int e;
  int k = shortest_digits(fabs(d), digs, &e);
  // At most 25 chars ("-0.0000012345678901234567"), so buf is enough.
  int n = format_number(d < 0, digs, k, e + 1, buf);
  buf[n] = '\0';
  return n;
}

/* {==== toFixed, toExponential, toPrecision ====} */

// Extra digits printed past the rounding position. They decide the
// rounding unless they read exactly "5000…0", which printf may have
// rounded from either side of the true tie; we then print exactly.
#define GUARD_DIGITS 20
// At least every double's fraction digits (1074) and significant digits
// (767), so that printing this many more is exact.
#define EXACT_DIGITS 1100
// "%f" of a value below 1e21 or "%e": 22 integer digits, a point of up to
// 4 bytes, 100 + EXACT_DIGITS digits, "e+308" and the NUL.
#define PRINT_CAP 1300

// Prints ax >= 0 in "%e" (sci) or "%f" form with `extra` digits beyond
// prec after the point, and splits it as split_printed does.
static int print_digits(double ax, bool sci, int prec, char *digs, int *intlen,
                        int *exp10) {
  char tmp[PRINT_CAP];
  if (sci)
    snprintf(tmp, sizeof tmp, "%.*e", prec, ax);
  else
    snprintf(tmp, sizeof tmp, "%.*f", prec, ax);
  return split_printed(tmp, digs, intlen, exp10);
}

// ax >= 0 in "%e" (sci, ax > 0) or "%f" form with prec digits after the
// point, rounded half up on the exact binary value: the spec's "if there
// are two such n, pick the larger n", where printf would pick the even one.
// Returns the digit count; *intlen and *exp10 as in split_printed.
static int print_half_up(double ax, bool sci, int prec, char *digs, int *intlen,
                         int *exp10) {
  int n = print_digits(ax, sci, prec + GUARD_DIGITS, digs, intlen, exp10);
  n -= GUARD_DIGITS;
  bool tie_like = digs[n] == '5';
  for (int i = n + 1; i < n + GUARD_DIGITS && tie_like; i++) tie_like = digs[i] == '0';
  if (tie_like) {
    // Exact digits: the first one past the position alone decides now.
    n = print_digits(ax, sci, prec + EXACT_DIGITS, digs, intlen, exp10);
    n -= EXACT_DIGITS;
  }
  if (digs[n] >= '5' && increment_digits(digs, n)) {
    if (sci) {
      digs[0] = '1';  // 9.99e4 -> 1.00e5: same digit count
      (*exp10)++;
    } else {
      memmove(digs + 1, digs, (size_t)n);  // 99.9 -> 100.0: one more
      digs[0] = '1';
      n++;
      (*intlen)++;
    }
  }
  return n;
}

int js_dtoa_fixed(double d, int fractionDigits, char *buf, size_t cap) {
  // The spec checks the range first, then falls back to ToString.
  if (fractionDigits < 0 || fractionDigits > 100) return -1;
  if (isnan(d) || fabs(d) >= 1e21) return dtoa_into(d, buf, cap);
  char digs[PRINT_CAP], out[JS_DTOA_FORMAT_BUFSIZE];
  int intlen, e;
  // The digits are exact integer digits (printf's "%f" is exact), then
  // exactly fractionDigits more: n in the spec, with its point placed.
  print_half_up(fabs(d), false, fractionDigits, digs, &intlen, &e);
  char *p = out;
  if (d < 0) *p++ = '-';  // also "-0.00" for tiny negatives; -0 is not < 0
  memcpy(p, digs, (size_t)intlen);
  p += intlen;
  if (fractionDigits > 0) {
    *p++ = '.';
    memcpy(p, digs + intlen, (size_t)fractionDigits);
    p += fractionDigits;
  }
  return emit(out, (int)(p - out), buf, cap);
}

int js_dtoa_exponential(double d, int fractionDigits, char *buf, size_t cap) {
  // Here the spec checks finiteness before the range.
  if (!isfinite(d)) return dtoa_into(d, buf, cap);
  if (fractionDigits < -1 || fractionDigits > 100) return -1;
  char digs[PRINT_CAP], out[JS_DTOA_FORMAT_BUFSIZE];
  int n, intlen, e = 0;
  double ax = fabs(d);
  if (ax == 0) {
    n = fractionDigits < 0 ? 1 : fractionDigits + 1;  // "0e+0", "0.00e+0"
    memset(digs, '0', (size_t)n);
  } else if (fractionDigits < 0) {
    n = shortest_digits(ax, digs, &e);  // undefined: as many as needed
  } else {
    n = print_half_up(ax, true, fractionDigits, digs, &intlen, &e);
  }
  // As in toFixed, only a true negative gets the sign (not -0).
  char *p = out;
  if (d < 0) *p++ = '-';
  p += put_exponential(p, digs, n, e);
  return emit(out, (int)(p - out), buf, cap);
}

// toPrecision's layout (steps 10-12) of exactly prec digits d.ddd × 10^e.
static int put_precision(char *p, const char *digs, int prec, int e) {
  if (e < -6 || e >= prec) return put_exponential(p, digs, prec, e);
  char *s = p;
  if (e >= 0) {
    memcpy(p, digs, (size_t)(e + 1));
    p += e + 1;
    if (e + 1 < prec) {
      *p++ = '.';
      memcpy(p, digs + e + 1, (size_t)(prec - e - 1));
      p += prec - e - 1;
    }
  } else {
    *p++ = '0';
    *p++ = '.';
    memset(p, '0', (size_t)(-(e + 1)));
    p += -(e + 1);
    memcpy(p, digs, (size_t)prec);
    p += prec;
  }
  return (int)(p - s);
}

int js_dtoa_precision(double d, int precision, char *buf, size_t cap) {
  if (!isfinite(d)) return dtoa_into(d, buf, cap);
  if (precision < 1 || precision > 100) return -1;
  char digs[PRINT_CAP], out[JS_DTOA_FORMAT_BUFSIZE];
  int intlen, e = 0;
  double ax = fabs(d);
  // precision significant digits are "%e" with precision - 1 after the
  // point; the exponent after rounding decides the layout.
  if (ax == 0)
    memset(digs, '0', (size_t)precision);  // e = 0: "0", "0.00"
  else
    print_half_up(ax, true, precision - 1, digs, &intlen, &e);
  char *p = out;
  if (d < 0) *p++ = '-';
  p += put_precision(p, digs, precision, e);
  return emit(out, (int)(p - out), buf, cap);
}

/* {==== Exact big integers (digit strings in any radix) ====} */

// 36 limbs = 1152 bits. Past 2^1120 (a carry out of the last limb) the
// value is Infinity whatever follows: later digits only make it larger.
#define BIG_LIMBS 36

typedef struct Big {
  uint32_t w[BIG_LIMBS];  // little-endian limbs; w[n - 1] != 0 unless n == 0
  int n;
  bool huge;  // overflowed the limbs: the value is past any double
} Big;

// b = b * m + a, the step of reading one digit.
static void big_mul_add(Big *b, uint32_t m, uint32_t a) {
  if (b->huge) return;
  uint64_t carry = a;
  for (int i = 0; i < b->n; i++) {
    uint64_t t = (uint64_t)b->w[i] * m + carry;
    b->w[i] = (uint32_t)t;
    carry = t >> 32;
  }
  if (carry == 0) return;
  if (b->n == BIG_LIMBS)
    b->huge = true;
  else
    b->w[b->n++] = (uint32_t)carry;
}

// Bit i of b (i >= 0 and below the bit length).
static unsigned big_bit(const Big *b, int i) {
  return (b->w[i / 32] >> (i % 32)) & 1u;
}

// The double nearest to b, ties to even: the top 64 bits give the 53 kept
// ones and the rounding bits, every lower bit only matters as "sticky".
static double big_to_double(const Big *b) {
  if (b->huge) return INFINITY;
  if (b->n == 0) return 0.0;
  int nbits = (b->n - 1) * 32 + (32 - __builtin_clz(b->w[b->n - 1]));
  int lo = nbits - 64;  // negative for short values: zeros shift in
  uint64_t top = 0;
  for (int i = nbits - 1; i >= lo; i--) top = top << 1 | (i >= 0 ? big_bit(b, i) : 0u);
  bool sticky = false;
  for (int i = 0; i < lo && !sticky; i++) sticky = big_bit(b, i) != 0;
  uint64_t mant = top >> 11, rest = top & 0x7FF;
  if (rest > 0x400 || (rest == 0x400 && (sticky || (mant & 1))))
    mant++;  // may reach 2^53: still exact, and ldexp overflows to Infinity
  return ldexp((double)mant, lo + 11);
}

// b = x for an integral finite x >= 2^64: its 53-bit significand placed at
// its binary exponent (at most 971, well inside the limbs).
static void big_from_integer(Big *b, double x) {
  int ex;
  uint64_t mant = (uint64_t)ldexp(frexp(x, &ex), 53);
  int shift = ex - 53, word = shift / 32, bit = shift % 32;
  memset(b, 0, sizeof *b);
  b->w[word] = (uint32_t)(mant << bit);
  b->w[word + 1] = (uint32_t)(mant >> (32 - bit));
  b->w[word + 2] = bit != 0 ? (uint32_t)(mant >> (64 - bit)) : 0;
  b->n = word + 3;
  while (b->n > 0 && b->w[b->n - 1] == 0) b->n--;
}

// b = b / r, returning b % r (schoolbook, from the top limb down).
static uint32_t big_divmod(Big *b, uint32_t r) {
  uint64_t rem = 0;
  for (int i = b->n - 1; i >= 0; i--) {
    uint64_t cur = rem << 32 | b->w[i];
    b->w[i] = (uint32_t)(cur / r);
    rem = cur % r;
  }
  while (b->n > 0 && b->w[b->n - 1] == 0) b->n--;
  return (uint32_t)rem;
}

/* {==== toString(radix) ====} */

// The integer part ip (integral, finite, >= 0) in the radix, exactly;
// values from 2^64 go through the big integer. Returns chars written.
static int radix_integer(double ip, int radix, char *out) {
  char rev[1100];  // 2^1024 has 1025 binary digits
  int n = 0;
  if (ip < 0x1p64) {
    uint64_t v = (uint64_t)ip;
    do {
      rev[n++] = radix_chars[v % (unsigned)radix];
      v /= (unsigned)radix;
    } while (v != 0);
  } else {
    Big b;
    big_from_integer(&b, ip);
    do rev[n++] = radix_chars[big_divmod(&b, (uint32_t)radix)];
    while (b.n > 0);
  }
  for (int i = 0; i < n; i++) out[i] = rev[n - 1 - i];
  return n;
}

// The digit value of one of radix_chars.
static int char_digit(char c) {
  return c <= '9' ? c - '0' : c - 'a' + 10;
}

// The fraction digits of ax (fraction = ax - floor(ax)), as V8's
// DoubleToRadixCString makes them: digits are emitted while the remainder
// is at least delta, half the gap from ax to the next double (scaled with
// the remainder), i.e. until the digits pin down ax; the last digit is
// rounded half to even, which may carry left, and out of the fraction
// (*carry: the integer part gains one). Returns the number of digits.
static int radix_fraction(double ax, double fraction, int radix, char *out,
                          int cap, bool *carry) {
  double delta = 0.5 * (nextafter(ax, INFINITY) - ax);
  if (delta < DBL_TRUE_MIN) delta = DBL_TRUE_MIN;  // half of 5e-324 is 0
  int n = 0;
  *carry = false;
  while (fraction >= delta && n < cap) {
    fraction *= radix;  // the scaled remainder stays below radix
    delta *= radix;
    int digit = (int)fraction;
    out[n++] = radix_chars[digit];
    fraction -= digit;
    if (fraction > 0.5 || (fraction == 0.5 && (digit & 1))) {
      if (fraction + delta > 1) {
        // Round up: trailing top digits become zeros and are dropped.
        while (n > 0 && out[n - 1] == radix_chars[radix - 1]) n--;
        if (n == 0)
          *carry = true;
        else
          out[n - 1] = radix_chars[char_digit(out[n - 1]) + 1];
        break;
      }
    }
  }
  return n;
}

int js_dtoa_radix(double d, int radix, char *buf, size_t cap) {
  if (radix < 2 || radix > 36) return -1;
  if (radix == 10 || !isfinite(d)) return dtoa_into(d, buf, cap);
  // Integer and fraction are converted separately: the integer exactly,
  // the fraction first, since rounding its last digit may carry into ip.
  char out[JS_DTOA_RADIX_BUFSIZE], frac[JS_DTOA_RADIX_BUFSIZE];
  double ax = fabs(d), ip = floor(ax);
  bool carry;
  int nf = radix_fraction(ax, ax - ip, radix, frac, (int)sizeof frac - 4, &carry);
  // A fraction exists only below 2^52, where ip + 1 is exact.
  if (carry) ip += 1;
  char *p = out;
  if (d < 0) *p++ = '-';  // -0 is not < 0, and prints "0"
  p += radix_integer(ip, radix, p);
  if (nf > 0) {
    *p++ = '.';
    memcpy(p, frac, (size_t)nf);
    p += nf;
  }
  return emit(out, (int)(p - out), buf, cap);
}

/* {==== Reading: code units, white space, literals ====} */

// A string's code units, Latin-1 or UTF-16, so that one parser serves
// both representations. Only [0, len) is ever read.
typedef struct Units {
  const void *p;
  size_t len;
  bool wide;
} Units;

static uint32_t unit_at(const Units *u, size_t i) {
  return u->wide ? ((const uint16_t *)u->p)[i] : ((const uint8_t *)u->p)[i];
}

// WhiteSpace and LineTerminator (§12.2, §12.3): what StrWhiteSpaceChar,
// parseInt and parseFloat skip. USP is Unicode's Zs category.
static bool is_js_space(uint32_t c) {
  switch (c) {
    case 0x09: case 0x0A: case 0x0B: case 0x0C: case 0x0D: case 0x20:
    case 0xA0: case 0x1680: case 0x2028: case 0x2029: case 0x202F:
    case 0x205F: case 0x3000: case 0xFEFF:
      return true;
    default:
      return c >= 0x2000 && c <= 0x200A;  // the rest of Zs
  }
}

bool js_is_white_space(uint32_t c) { return is_js_space(c); }

static size_t skip_space(const Units *u, size_t i) {
  while (i < u->len && is_js_space(unit_at(u, i))) i++;
  return i;
}

// The value of an ASCII letter or digit as a digit, 99 for anything else
// (so that "v >= radix" rejects it for every radix).
static int digit_value(uint32_t c) {
  if (c >= '0' && c <= '9') return (int)(c - '0');
  uint32_t lower = c | 0x20;  // maps only 'A'..'Z' onto 'a'..'z' here
  if (lower >= 'a' && lower <= 'z') return (int)(lower - 'a') + 10;
  return 99;
}

// Reads the longest run of radix digits from i into b; returns its end.
static size_t scan_radix(const Units *u, size_t i, int radix, Big *b) {
  for (; i < u->len; i++) {
    int v = digit_value(unit_at(u, i));
    if (v >= radix) break;
    big_mul_add(b, (uint32_t)radix, (uint32_t)v);
  }
  return i;
}

// "Infinity" at i: returns its end, or i when it is not there.
static size_t scan_infinity(const Units *u, size_t i) {
  static const char word[] = "Infinity";
  if (u->len - i < 8) return i;
  for (size_t k = 0; k < 8; k++)
    if (unit_at(u, i + k) != (uint32_t)word[k]) return i;
  return i + 8;
}

/* {==== Decimal literals ====} */

// Significant digits kept. Midpoints between adjacent doubles have at most
// 768 significant digits, so no midpoint lies strictly between two
// 800-digit decimals: a nonzero tail past the kept digits can be replaced
// by a single sticky 1 without changing how the value rounds.
#define DEC_MAX_DIGITS 800
// An exponent this large in magnitude puts any kept value far out of a
// double's range (to 0 or Infinity), so larger ones saturate here.
#define DEC_MAX_SCALE 100000
#define EXPONENT_SATURATE 1000000000

// A decimal literal as read: value = digs × 10^scale (+ sticky tail).
typedef struct Decimal {
  char digs[DEC_MAX_DIGITS + 1];  // significant digits, no leading zeros
  int nd;
  int64_t scale;
  bool sticky;  // a nonzero digit past DEC_MAX_DIGITS was dropped
} Decimal;

// Adds one mantissa digit. A fraction digit that is kept (or a leading
// zero of the fraction) moves the point; a dropped integer digit scales.
static void dec_digit(Decimal *dec, char c, bool in_fraction) {
  if (dec->nd == 0 && c == '0') {
    if (in_fraction) dec->scale--;
  } else if (dec->nd < DEC_MAX_DIGITS) {
    dec->digs[dec->nd++] = c;
    if (in_fraction) dec->scale--;
  } else {
    if (c != '0') dec->sticky = true;
    if (!in_fraction) dec->scale++;
  }
}

static size_t scan_dec_digits(const Units *u, size_t i, Decimal *dec, bool in_fraction) {
  for (; i < u->len; i++) {
    uint32_t c = unit_at(u, i);
    if (c < '0' || c > '9') break;
    dec_digit(dec, (char)c, in_fraction);
  }
  return i;
}

// ExponentPart at u[i] ('e' or 'E'): taken only with at least one digit,
// so that parseFloat("1e+") is 1. Saturates rather than overflowing.
static size_t scan_exponent(const Units *u, size_t i, Decimal *dec) {
  size_t j = i + 1;
  int64_t sign = 1, e = 0;
  if (j < u->len && (unit_at(u, j) == '+' || unit_at(u, j) == '-')) {
    sign = unit_at(u, j) == '-' ? -1 : 1;
    j++;
  }
  size_t k = j;
  for (; k < u->len && unit_at(u, k) >= '0' && unit_at(u, k) <= '9'; k++)
    if (e < EXPONENT_SATURATE) e = e * 10 + (int64_t)(unit_at(u, k) - '0');
  if (k == j) return i;
  dec->scale += sign * e;
  return k;
}

// The longest unsigned decimal literal at i ("12", "1.", ".5", "1.5e-3";
// not "." nor "Infinity"), read into dec. Returns its end, or i if none.
static size_t scan_decimal(const Units *u, size_t i, Decimal *dec) {
  dec->nd = 0;
  dec->scale = 0;
  dec->sticky = false;
  size_t j = scan_dec_digits(u, i, dec, false);
  bool any = j > i;
  if (j < u->len && unit_at(u, j) == '.') {
    size_t k = scan_dec_digits(u, j + 1, dec, true);
    any = any || k > j + 1;
    j = k;
  }
  if (!any) return i;
  if (j < u->len && (unit_at(u, j) | 0x20) == 'e') j = scan_exponent(u, j, dec);
  return j;
}

// Powers of ten that are exact doubles, for the fast path below.
static const double exact_pow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                     1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                     1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

// The double nearest to the literal, negated for a "-" sign ("-0" is -0).
static double decimal_value(Decimal *dec, bool neg) {
  if (dec->nd == 0) return neg ? -0.0 : 0.0;
  int nd = dec->nd;
  int64_t scale = dec->scale;
  double v;
  if (nd <= 15 && !dec->sticky && scale >= -22 && scale <= 22) {
    // Both operands are exact doubles, so one IEEE operation rounds
    // correctly (Clinger's fast path) and strtod is not needed.
    uint64_t m = 0;
    for (int i = 0; i < nd; i++) m = m * 10 + (uint64_t)(dec->digs[i] - '0');
    v = scale < 0 ? (double)m / exact_pow10[-scale] : (double)m * exact_pow10[scale];
  } else {
    if (dec->sticky) {
      dec->digs[nd++] = '1';
      scale--;
    }
    if (scale > DEC_MAX_SCALE) scale = DEC_MAX_SCALE;
    if (scale < -DEC_MAX_SCALE) scale = -DEC_MAX_SCALE;
    v = digits_to_double(dec->digs, nd, (long)scale);
  }
  return neg ? -v : v;
}

/* {==== StringToNumber, parseFloat, parseInt ====} */

// The radix of a NonDecimalIntegerLiteral prefix letter, 0 for none.
static int prefix_radix(uint32_t c) {
  switch (c | 0x20) {
    case 'x': return 16;
    case 'o': return 8;
    case 'b': return 2;
    default: return 0;
  }
}

// An optional "+" or "-" at *i; returns true for "-".
static bool scan_sign(const Units *u, size_t *i) {
  if (*i >= u->len) return false;
  uint32_t c = unit_at(u, *i);
  if (c != '+' && c != '-') return false;
  (*i)++;
  return c == '-';
}

// StringToNumber: the whole string, less surrounding white space, must be
// one StrNumericLiteral.
static double string_to_number(const Units *whole) {
  size_t i = skip_space(whole, 0);
  Units u = *whole;
  while (u.len > i && is_js_space(unit_at(&u, u.len - 1))) u.len--;
  if (i == u.len) return 0.0;  // empty or only white space
  if (u.len - i > 2 && unit_at(&u, i) == '0') {
    int radix = prefix_radix(unit_at(&u, i + 1));
    if (radix != 0) {
      // No sign, no separators: every unit after the prefix is a digit.
      Big b = {.n = 0};
      size_t j = scan_radix(&u, i + 2, radix, &b);
      return j == u.len ? big_to_double(&b) : NAN;
    }
  }
  // StrDecimalLiteral: a sign, then "Infinity" or digits, to the end.
  bool neg = scan_sign(&u, &i);
  if (scan_infinity(&u, i) == u.len && u.len > i) return neg ? -INFINITY : INFINITY;
  Decimal dec;
  size_t j = scan_decimal(&u, i, &dec);
  if (j == i || j != u.len) return NAN;
  return decimal_value(&dec, neg);
}

// parseFloat: the longest StrDecimalLiteral prefix after white space.
static double parse_float(const Units *u) {
  size_t i = skip_space(u, 0);
  bool neg = scan_sign(u, &i);
  if (scan_infinity(u, i) > i) return neg ? -INFINITY : INFINITY;
  Decimal dec;
  if (scan_decimal(u, i, &dec) == i) return NAN;
  return decimal_value(&dec, neg);
}

// parseInt (§19.2.5) from its step 4, with radix already ToInt32'd.
static double parse_int(const Units *u, int radix) {
  size_t i = skip_space(u, 0);
  bool neg = scan_sign(u, &i);
  bool strip_prefix = true;
  if (radix != 0) {
    if (radix < 2 || radix > 36) return NAN;
    strip_prefix = radix == 16;
  } else {
    radix = 10;
  }
  if (strip_prefix && u->len - i >= 2 && unit_at(u, i) == '0' &&
      (unit_at(u, i + 1) | 0x20) == 'x') {
    i += 2;
    radix = 16;
  }
  // Exact accumulation, so every radix (not only 2, 4, 8, 10, 16 and 32
  // as the spec requires) gets the correctly rounded value.
  Big b = {.n = 0};
  if (scan_radix(u, i, radix, &b) == i) return NAN;  // no digits (also "0x")
  double v = big_to_double(&b);
  return neg ? -v : v;  // "-0" gives -0, as the spec's step 16 says
}

// The entry points only say which width the units have.
double js_string_to_number_latin1(const uint8_t *s, size_t len) {
  Units u = {s, len, false};
  return string_to_number(&u);
}

double js_string_to_number_utf16(const uint16_t *s, size_t len) {
  Units u = {s, len, true};
  return string_to_number(&u);
}

double js_parse_float_latin1(const uint8_t *s, size_t len) {
  Units u = {s, len, false};
  return parse_float(&u);
}

double js_parse_float_utf16(const uint16_t *s, size_t len) {
  Units u = {s, len, true};
  return parse_float(&u);
}

double js_parse_int_latin1(const uint8_t *s, size_t len, int radix) {
  Units u = {s, len, false};
  return parse_int(&u, radix);
}

double js_parse_int_utf16(const uint16_t *s, size_t len, int radix) {
  Units u = {s, len, true};
  return parse_int(&u, radix);
}
