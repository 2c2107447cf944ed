/*
 * runtime/bigint.c — BigInt values on GMP (see runtime/bigint.h): cells,
 * conversions to and from Numbers and strings, ToBigInt, comparisons,
 * and the BigInt:: operators of ECMA-262 §6.1.6.2.
 *
 * Invariants (besides the header's):
 *  - GMP sees a heap BigInt only through view(): mpz_roinit_n over the
 *    cell's limbs, read-only. Results go into mpz temporaries (malloc'd
 *    by GMP) and from_mpz copies them into a fresh cell; every temporary
 *    is cleared on every path.
 *  - Before GMP computes something that can grow (*, **, <<, parsing), a
 *    lower bound of the result's length is checked against
 *    JS_BIGINT_MAX_BITS, so GMP never runs out of memory (it would
 *    abort) on sizes the program chose; from_mpz checks the exact length.
 *  - A limb is GMP's mp_limb_t: 64 bits without nails (asserted below).
 */
#include <gmp.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/bigint.h"
#include "runtime/numconv.h"

_Static_assert(sizeof(mp_limb_t) == sizeof(uint64_t) && GMP_NUMB_BITS == 64,
               "JSBigInt limbs are GMP limbs: 64 bits, no nails");

/* {==== Cells and views ====} */

static JSValue too_big(JSVM *vm) {
  return js_throw_range_error(vm, "Maximum BigInt size exceeded");
}

// A fresh cell with room for n limbs; sign and limbs are the caller's.
static JSBigInt *alloc_cell(JSVM *vm, uint32_t n) {
  JSBigInt *b = ori_alloc(sizeof(JSBigInt) + (size_t)n * sizeof(uint64_t));
  // Fresh young object: raw stores are allowed (and it has no pointers).
  b->map = vm->bigint_map;
  b->nlimbs = n;
  return b;
}

// The cell holding z's value (GMP keeps z normalized), or RangeError
// when it is longer than the limit. The caller clears z.
static JSValue from_mpz(JSVM *vm, mpz_srcptr z) {
  size_t n = mpz_size(z);
  if (n && mpz_sizeinbase(z, 2) > JS_BIGINT_MAX_BITS) return too_big(vm);
  JSBigInt *b = alloc_cell(vm, (uint32_t)n);
  if (n) memcpy(b->limbs, mpz_limbs_read(z), n * sizeof(uint64_t));
  b->sign = mpz_sgn(z);
  return js_val(b);
}

// from_mpz, then mpz_clear: the ending of every GMP computation.
static JSValue finish(JSVM *vm, mpz_ptr z) {
  JSValue r = from_mpz(vm, z);
  mpz_clear(z);
  return r;
}

// A read-only mpz over v's limbs (tmp is its storage). Nothing may
// write through it; it stays valid while no JS allocation happens.
static mpz_srcptr view(mpz_ptr tmp, JSValue v) {
  const JSBigInt *b = js_bigint(v);
  mp_size_t n = (mp_size_t)b->nlimbs;
  return mpz_roinit_n(tmp, (const mp_limb_t *)b->limbs, b->sign < 0 ? -n : n);
}

// The length of |b| in bits (0 for 0n).
static uint64_t bit_length(const JSBigInt *b) {
  if (!b->nlimbs) return 0;
  uint64_t top = b->limbs[b->nlimbs - 1];
  return (uint64_t)(b->nlimbs - 1) * 64 + (uint64_t)(64 - __builtin_clzll(top));
}

JSValue js_throw_bigint_mix(JSVM *vm) {
  return js_throw_type_error(vm, "Cannot mix BigInt and other types, use explicit conversions");
}

/* {==== Making BigInts ====} */

JSValue js_bigint_from_uint64(JSVM *vm, uint64_t x) {
  JSBigInt *b = alloc_cell(vm, x != 0);
  if (x) {
    b->limbs[0] = x;
    b->sign = 1;
  }
  return js_val(b);
}

JSValue js_bigint_from_int64(JSVM *vm, int64_t x) {
  // The magnitude of INT64_MIN is 2^63: negate in unsigned arithmetic.
  uint64_t mag = x < 0 ? -(uint64_t)x : (uint64_t)x;
  JSBigInt *b = alloc_cell(vm, mag != 0);
  if (mag) {
    b->limbs[0] = mag;
    b->sign = x < 0 ? -1 : 1;
  }
  return js_val(b);
}

JSValue js_bigint_from_double(JSVM *vm, double d) {
  // NumberToBigInt: only integral Numbers (IsIntegralNumber) convert.
  if (!isfinite(d) || trunc(d) != d) {
    char buf[JS_DTOA_BUFSIZE];
    js_dtoa(d, buf);
    return js_throw_range_error(
        vm, "The number %s cannot be converted to a BigInt because it is not an integer", buf);
  }
  // Below 2^63 in magnitude the C conversion is exact; -0 gives 0n.
  if (fabs(d) < 9223372036854775808.0) return js_bigint_from_int64(vm, (int64_t)d);
  mpz_t r;
  // mpz_set_d truncates, which is exact for an integral double.
  mpz_init_set_d(r, d);
  return finish(vm, r);
}

// The value of digit c in radixes up to 36, or 99 for a non-digit.
static int digit_value(uint32_t c) {
  if (c >= '0' && c <= '9') return (int)(c - '0');
  if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return (int)((c | 0x20) - 'a' + 10);
  return 99;
}

JSValue js_bigint_from_text(JSVM *vm, const char *digits, size_t n, int radix) {
  // Leading zeros add nothing; what is left bounds the length from below:
  // k significant digits are at least (k - 1) * log2(radix) + 1 bits.
  while (n > 1 && digits[0] == '0') digits++, n--;
  if ((double)(n - 1) * log2(radix) >= JS_BIGINT_MAX_BITS) return too_big(vm);
  // Up to 19 decimal digits (16 hex ones, 64 binary ones) fit a limb:
  // no GMP.
  if ((double)n * log2(radix) <= 64) {
    uint64_t x = 0;
    for (size_t i = 0; i < n; i++) x = x * (uint64_t)radix + (uint64_t)digit_value((uint8_t)digits[i]);
    return js_bigint_from_uint64(vm, x);
  }
  // mpz_set_str wants a NUL-terminated string (and skips white space,
  // which callers never pass).
  char *s = malloc(n + 1);
  if (!s) return too_big(vm);
  memcpy(s, digits, n);
  s[n] = 0;
  mpz_t r;
  mpz_init(r);
  mpz_set_str(r, s, radix);
  free(s);
  return finish(vm, r);
}

// The radix of a 0x / 0o / 0b prefix's letter, else 0.
static int prefix_radix(uint32_t c) {
  switch (c | 0x20) {
    case 'x': return 16;
    case 'o': return 8;
    case 'b': return 2;
  }
  return 0;
}

JSValue js_string_to_bigint(JSVM *vm, JSValue str) {
  JSString *s = js_string_flat(vm, js_str(str));
  uint32_t lo = 0, hi = s->length;
  // StringIntegerLiteral: StrWhiteSpace around the literal, which may be
  // empty (0n).
  while (lo < hi && js_is_white_space(js_flat_char(s, lo))) lo++;
  while (hi > lo && js_is_white_space(js_flat_char(s, hi - 1))) hi--;
  if (lo == hi) return js_bigint_from_uint64(vm, 0);
  int radix = 10;
  bool neg = false;
  uint16_t c0 = js_flat_char(s, lo);
  if (hi - lo > 2 && c0 == '0' && prefix_radix(js_flat_char(s, lo + 1))) {
    // NonDecimalIntegerLiteral: no sign allowed, no separators.
    radix = prefix_radix(js_flat_char(s, lo + 1));
    lo += 2;
  } else if (c0 == '+' || c0 == '-') {
    neg = c0 == '-';
    lo++;
  }
  if (lo == hi) return JS_UNDEFINED;  // "+", "-"
  char *digits = malloc(hi - lo);
  if (!digits) return too_big(vm);
  for (uint32_t i = lo; i < hi; i++) {
    uint16_t c = js_flat_char(s, i);
    if (digit_value(c) >= radix) {
      free(digits);
      return JS_UNDEFINED;
    }
    digits[i - lo] = (char)c;
  }
  JSValue r = js_bigint_from_text(vm, digits, hi - lo, radix);
  free(digits);
  // r is a fresh cell: its sign may still be set in place (0n stays 0).
  if (neg && !js_is_exception(r) && js_bigint(r)->sign) js_bigint(r)->sign = -1;
  return r;
}

// A short text of primitive p for ToBigInt's messages (malloc'd).
static char *describe(JSVM *vm, JSValue p) {
  if (js_is_symbol(p)) return strdup("Symbol()");
  JSValue s = js_to_string(vm, p);
  if (js_is_exception(s)) {
    js_take_exception(vm);  // a primitive's ToString cannot throw here
    return strdup("value");
  }
  return js_string_utf8(vm, s, NULL);
}

JSValue js_to_bigint(JSVM *vm, JSValue v) {
  JSValue p = js_to_primitive(vm, v, JS_HINT_NUMBER);
  if (js_is_exception(p)) return p;
  if (js_is_bigint(p)) return p;
  if (js_is_bool(p)) return js_bigint_from_uint64(vm, js_bool(p));
  JSValue r = js_is_string(p) ? js_string_to_bigint(vm, p) : JS_UNDEFINED;
  if (!js_is_undefined(r)) return r;  // a BigInt or an exception
  // Unparsable strings are SyntaxErrors; Numbers, undefined, null and
  // symbols TypeErrors (Table 12), all in V8's words.
  char *text = describe(vm, p);
  if (js_is_string(p)) js_throw_syntax_error(vm, "Cannot convert %s to a BigInt", text);
  else js_throw_type_error(vm, "Cannot convert %s to a BigInt", text);
  free(text);
  return JS_EXCEPTION;
}

/* {==== Reading BigInts ====} */

JSValue js_bigint_to_string(JSVM *vm, JSValue x, int radix) {
  const JSBigInt *b = js_bigint(x);
  if (!b->sign) return vm->single_char['0'];
  if (b->nlimbs == 1 && radix == 10) {
    // One limb in decimal: printf's digits, no GMP.
    char buf[24];
    int n = snprintf(buf, sizeof buf, "%s%llu", b->sign < 0 ? "-" : "",
                     (unsigned long long)b->limbs[0]);
    return js_string_from_latin1(vm, (const uint8_t *)buf, (size_t)n);
  }
  mpz_t t;
  mpz_srcptr z = view(t, x);
  // sizeinbase may be one too large; the sign needs one more, NUL too.
  size_t cap = mpz_sizeinbase(z, radix) + 2;
  if (cap > (size_t)JS_STRING_MAX_LENGTH + 3)
    return js_throw_range_error(vm, "Invalid string length");
  char *buf = malloc(cap);
  if (!buf) return js_throw_range_error(vm, "Invalid string length");
  mpz_get_str(buf, radix, z);
  size_t n = strlen(buf);
  JSValue s = n > JS_STRING_MAX_LENGTH
                  ? js_throw_range_error(vm, "Invalid string length")
                  : js_string_from_latin1(vm, (const uint8_t *)buf, n);
  free(buf);
  return s;
}

double js_bigint_to_double(JSValue x) {
  const JSBigInt *b = js_bigint(x);
  uint32_t n = b->nlimbs;
  if (!n) return 0;
  double d;
  uint64_t bits = bit_length(b);
  if (n == 1) {
    // The C conversion of a uint64_t rounds to nearest, ties to even.
    d = (double)b->limbs[0];
  } else if (bits > 1024) {
    d = INFINITY;
  } else {
    // The top 64 bits, and a sticky bit for any 1 below them, in bit 0:
    // far under the 53 kept, so one correctly rounded conversion of m
    // rounds the whole value (ties only when everything below is 0).
    unsigned lz = (unsigned)__builtin_clzll(b->limbs[n - 1]);
    uint64_t top = b->limbs[n - 1], next = b->limbs[n - 2];
    uint64_t m = lz ? (top << lz) | (next >> (64 - lz)) : top;
    bool sticky = (lz ? next << lz : next) != 0;
    for (uint32_t i = 0; !sticky && i + 2 < n; i++) sticky = b->limbs[i] != 0;
    // ldexp is exact, or overflows to infinity past the double range.
    d = ldexp((double)(m | sticky), (int)(bits - 64));
  }
  return b->sign < 0 ? -d : d;
}

uint64_t js_bigint_to_uint64(JSValue x) {
  // Modulo 2^64 only the low limb counts; -m is 2^64 - m there.
  const JSBigInt *b = js_bigint(x);
  uint64_t low = b->nlimbs ? b->limbs[0] : 0;
  return b->sign < 0 ? -low : low;
}

uint32_t js_bigint_hash(JSValue x) {
  // FNV-style over the limbs, then murmur3's finalizer to spread them.
  const JSBigInt *b = js_bigint(x);
  uint64_t h = 0xcbf29ce484222325ull ^ (uint64_t)(int64_t)b->sign;
  for (uint32_t i = 0; i < b->nlimbs; i++) h = (h ^ b->limbs[i]) * 0x100000001b3ull;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  return (uint32_t)h;
}

/* {==== Comparisons ====} */

bool js_bigint_equal(JSValue a, JSValue b) {
  // Normalized cells: equal values have identical fields.
  const JSBigInt *x = js_bigint(a), *y = js_bigint(b);
  return x->sign == y->sign && x->nlimbs == y->nlimbs &&
         memcmp(x->limbs, y->limbs, x->nlimbs * sizeof(uint64_t)) == 0;
}

int js_bigint_compare(JSValue a, JSValue b) {
  mpz_t ta, tb;
  return mpz_cmp(view(ta, a), view(tb, b));
}

int js_bigint_compare_number(JSValue a, double d) {
  // GMP compares with the double's exact value, fraction included;
  // it accepts infinities too, but saying so here costs nothing.
  if (isinf(d)) return d > 0 ? -1 : 1;
  mpz_t t;
  return mpz_cmp_d(view(t, a), d);
}

/* {==== Operators ====} */

// x << n (left) or x >> n (floor division by 2^n) for x != 0; n is a
// magnitude that may be any size (UINT64_MAX stands for "huge").
static JSValue shift_by(JSVM *vm, JSValue a, uint64_t n, bool left) {
  const JSBigInt *x = js_bigint(a);
  uint64_t bits = bit_length(x);
  mpz_t t, r;
  if (left) {
    // The result is exactly bits + n bits long.
    if (n > JS_BIGINT_MAX_BITS || bits + n > JS_BIGINT_MAX_BITS) return too_big(vm);
    mpz_init(r);
    mpz_mul_2exp(r, view(t, a), (mp_bitcnt_t)n);
    return finish(vm, r);
  }
  // Shifting every bit out leaves 0, or -1 for negatives (floor).
  if (n >= bits) return js_bigint_from_int64(vm, x->sign < 0 ? -1 : 0);
  mpz_init(r);
  mpz_fdiv_q_2exp(r, view(t, a), (mp_bitcnt_t)n);
  return finish(vm, r);
}

// BigInt::leftShift / signedRightShift: a negative count shifts the
// other way (x << -n is x >> n).
static JSValue shift(JSVM *vm, JSValue a, JSValue b, bool right) {
  const JSBigInt *x = js_bigint(a), *y = js_bigint(b);
  if (!x->sign || !y->sign) return a;
  uint64_t n = y->nlimbs > 1 ? UINT64_MAX : y->limbs[0];
  return shift_by(vm, a, n, (y->sign > 0) != right);
}

// BigInt::exponentiate (§6.1.6.2.3).
static JSValue power(JSVM *vm, JSValue a, JSValue b) {
  const JSBigInt *x = js_bigint(a), *y = js_bigint(b);
  if (y->sign < 0) return js_throw_range_error(vm, "Exponent must be non-negative");
  if (!y->sign) return js_bigint_from_uint64(vm, 1);
  // 0n, 1n and -1n stay small whatever the exponent: -1n to an even
  // power is 1n, to an odd one -1n.
  if (!x->sign) return a;
  if (x->nlimbs == 1 && x->limbs[0] == 1)
    return x->sign > 0 || (y->limbs[0] & 1) ? a : js_bigint_from_uint64(vm, 1);
  // |x| >= 2, so x ** e has more than e bits; below that bound the
  // estimate e * log2|x| (a little above the truth) decides.
  if (y->nlimbs > 1 || y->limbs[0] > JS_BIGINT_MAX_BITS) return too_big(vm);
  uint64_t e = y->limbs[0];
  mpz_t t, r;
  mpz_srcptr z = view(t, a);
  long exp2;
  double mant = mpz_get_d_2exp(&exp2, z);  // |x| = |mant| * 2^exp2
  if ((double)e * (log2(fabs(mant)) + (double)exp2) > (double)JS_BIGINT_MAX_BITS + 1)
    return too_big(vm);
  mpz_init(r);
  mpz_pow_ui(r, z, (unsigned long)e);
  return finish(vm, r);
}

// The arithmetic and bitwise operators GMP computes directly.
static JSValue gmp_op(JSVM *vm, JSBigIntOp op, JSValue a, JSValue b) {
  mpz_t ta, tb, r;
  mpz_srcptr x = view(ta, a), y = view(tb, b);
  mpz_init(r);
  switch (op) {
    case JS_BIGINT_ADD: mpz_add(r, x, y); break;
    case JS_BIGINT_SUB: mpz_sub(r, x, y); break;
    case JS_BIGINT_MUL: mpz_mul(r, x, y); break;
    // tdiv: the quotient truncates toward zero and the remainder takes
    // the dividend's sign, as BigInt::divide and ::remainder say.
    case JS_BIGINT_DIV: mpz_tdiv_q(r, x, y); break;
    case JS_BIGINT_MOD: mpz_tdiv_r(r, x, y); break;
    // GMP's logical operations use two's complement for negatives (an
    // infinite run of sign bits), exactly BigInt::bitwiseAND etc.
    case JS_BIGINT_AND: mpz_and(r, x, y); break;
    case JS_BIGINT_OR: mpz_ior(r, x, y); break;
    case JS_BIGINT_XOR: mpz_xor(r, x, y); break;
    case JS_BIGINT_EXP:
    case JS_BIGINT_SHL:
    case JS_BIGINT_SAR:
    case JS_BIGINT_SHR: break;  // handled by the caller
  }
  return finish(vm, r);
}

JSValue js_bigint_binary(JSVM *vm, JSBigIntOp op, JSValue a, JSValue b) {
  const JSBigInt *x = js_bigint(a), *y = js_bigint(b);
  switch (op) {
    case JS_BIGINT_SHR:
      return js_throw_type_error(vm, "BigInts have no unsigned right shift, use >> instead");
    case JS_BIGINT_SHL: return shift(vm, a, b, false);
    case JS_BIGINT_SAR: return shift(vm, a, b, true);
    case JS_BIGINT_EXP: return power(vm, a, b);
    case JS_BIGINT_MUL:
      // A product of nonzero values has at least bx + by - 1 bits.
      if (x->sign && y->sign && bit_length(x) + bit_length(y) - 1 > JS_BIGINT_MAX_BITS)
        return too_big(vm);
      break;
    case JS_BIGINT_DIV:
    case JS_BIGINT_MOD:
      if (!y->sign) return js_throw_range_error(vm, "Division by zero");
      break;
    case JS_BIGINT_ADD:
    case JS_BIGINT_SUB:
    case JS_BIGINT_AND:
    case JS_BIGINT_OR:
    case JS_BIGINT_XOR: break;
  }
  return gmp_op(vm, op, a, b);
}

JSValue js_bigint_unary(JSVM *vm, JSBigIntUnaryOp op, JSValue a) {
  const JSBigInt *x = js_bigint(a);
  mpz_t t, r;
  switch (op) {
    case JS_BIGINT_NEG: {
      // A copy with the sign flipped (there is no -0n).
      if (!x->sign) return a;
      JSBigInt *c = alloc_cell(vm, x->nlimbs);
      x = js_bigint(a);  // (the cell does not move, but reload anyway)
      memcpy(c->limbs, x->limbs, x->nlimbs * sizeof(uint64_t));
      c->sign = -x->sign;
      return js_val(c);
    }
    case JS_BIGINT_NOT: mpz_init(r); mpz_com(r, view(t, a)); break;
    case JS_BIGINT_INC: mpz_init(r); mpz_add_ui(r, view(t, a), 1); break;
    case JS_BIGINT_DEC: mpz_init(r); mpz_sub_ui(r, view(t, a), 1); break;
  }
  return finish(vm, r);
}

JSValue js_bigint_as_n(JSVM *vm, JSValue a, uint64_t bits, bool is_signed) {
  const JSBigInt *x = js_bigint(a);
  if (bits == 0) return js_bigint_from_uint64(vm, 0);
  uint64_t len = bit_length(x);
  // Values that already fit come back unchanged: 0 <= x < 2^bits for
  // asUintN; |x| < 2^(bits-1) (a superset test suffices: len < bits)
  // for asIntN, whose edge -2^(bits-1) GMP handles below.
  if (!is_signed && x->sign >= 0 && len <= bits) return a;
  if (is_signed && len < bits) return a;
  // A negative x modulo 2^bits has bits bits: too long past the limit.
  if (bits > JS_BIGINT_MAX_BITS) return too_big(vm);
  mpz_t t, r;
  mpz_init(r);
  // fdiv_r gives the residue in [0, 2^bits); the signed reading subtracts
  // 2^bits when the top bit is set.
  mpz_fdiv_r_2exp(r, view(t, a), (mp_bitcnt_t)bits);
  if (is_signed && mpz_tstbit(r, (mp_bitcnt_t)(bits - 1))) {
    mpz_t p;
    mpz_init(p);
    mpz_setbit(p, (mp_bitcnt_t)bits);
    mpz_sub(r, r, p);
    mpz_clear(p);
  }
  return finish(vm, r);
}
