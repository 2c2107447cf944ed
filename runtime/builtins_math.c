/*
 * runtime/builtins_math.c — the `math` builtin family: the Math object
 * (ECMA-262 §21.3), its value properties and every function, f16round
 * included.
 *
 * Invariants:
 *  - Every argument is converted with ToNumber in order before anything
 *    is computed (max, min and hypot convert all of them even after a
 *    NaN), since the conversions can run user code that observes order.
 *  - Results follow the spec's special cases, which differ from C's libm
 *    in a few places: pow with a NaN exponent or (±1, ±∞), Math.round's
 *    ties toward +∞ and its -0 results, max/min's ordering of -0 below +0,
 *    hypot's Infinity-before-NaN. Elsewhere glibc's IEEE-754 results are
 *    the spec's.
 *  - Math.sumPrecise adds exactly, in a fixed-point accumulator wide
 *    enough for any sum of up to 2^53 doubles, and rounds once at the end.
 *  - Math.random is xorshift128+ on process-wide state seeded once from
 *    the clock and the state's address; it is not cryptographic.
 */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <time.h>

#include "runtime/iterator.h"
#include "runtime/runtime.h"

/* {==== The one-argument functions ====} */

// Math.round (§21.3.2.28): ties go toward +∞, and results in (-0.5, 0)
// keep the sign (-0). floor plus the exact difference x - floor(x)
// avoids the x + 0.5 rounding error (0.49999999999999994 + 0.5 == 1).
static double js_round(double x) {
  if (!isfinite(x) || x == 0) return x;
  if (x > 0 && x < 0.5) return 0.0;
  if (x < 0 && x >= -0.5) return -0.0;
  double r = floor(x);
  return x - r >= 0.5 ? r + 1 : r;
}

// Math.sign: NaN and both zeros are returned as they are.
static double js_sign(double x) {
  if (x != x || x == 0) return x;
  return x > 0 ? 1 : -1;
}

static double js_fround(double x) { return (double)(float)x; }

// Math.f16round (§21.3.2.17): the nearest IEEE binary16 value, ties to
// even, computed in double arithmetic (no double rounding through float).
static double js_f16round(double x) {
  if (x != x || isinf(x) || x == 0) return x;
  double a = fabs(x);
  // At or past 65520 (the midpoint of the largest half, 65504, and 2^16)
  // the result rounds to infinity.
  if (a >= 65520.0) return copysign(INFINITY, x);
  // The spacing of halfs around a: 2^(e-10) for normals (e >= -14), else
  // the subnormal spacing 2^-24.
  int e;
  frexp(a, &e);  // a = m * 2^e with m in [0.5, 1): exponent e - 1
  int exp = e - 1 < -14 ? -14 : e - 1;
  double ulp = ldexp(1.0, exp - 10);
  // nearbyint rounds to even in the default rounding mode; scaling by a
  // power of two is exact.
  double r = nearbyint(a / ulp) * ulp;
  return copysign(r, x);
}

static double js_abs(double x) { return fabs(x); }

// glibc's cbrt is off by an ulp on some exact cubes (cbrt(27) gives
// 3.0000000000000004); the long double root rounds to the exact value.
static double js_cbrt(double x) { return (double)cbrtl(x); }

// The unary functions in installation order; the magic indexes this.
static const struct {
  const char *name;
  double (*fn)(double);
} unary[] = {
    {"abs", js_abs},     {"acos", acos},     {"acosh", acosh},
    {"asin", asin},      {"asinh", asinh},   {"atan", atan},
    {"atanh", atanh},    {"cbrt", js_cbrt},     {"ceil", ceil},
    {"cos", cos},        {"cosh", cosh},     {"exp", exp},
    {"expm1", expm1},    {"floor", floor},   {"fround", js_fround},
    {"f16round", js_f16round},               {"log", log},
    {"log1p", log1p},    {"log10", log10},   {"log2", log2},
    {"round", js_round}, {"sign", js_sign},  {"sin", sin},
    {"sinh", sinh},      {"sqrt", sqrt},     {"tan", tan},
    {"tanh", tanh},      {"trunc", trunc},
};

static JSValue math_unary(JSVM *vm, JSValue self, int argc, JSValue *argv,
                          JSValue nt) {
  double x;
  if (!js_to_number(vm, js_arg(0), &x)) return JS_EXCEPTION;
  return js_from_number(unary[js_native_magic(vm)].fn(x));
}

/* {==== Two arguments ====} */

// Number::exponentiate (§6.1.6.1.3) where it differs from C's pow: a NaN
// exponent is NaN even for base 1, and (±1) ** ±∞ is NaN, not 1.
static double js_pow(double base, double exponent) {
  if (exponent != exponent) return NAN;
  if (exponent == 0) return 1;
  if ((base == 1 || base == -1) && isinf(exponent)) return NAN;
  return pow(base, exponent);
}

// atan2 (magic 0) and pow (magic 1): both arguments converted first.
static JSValue math_binary(JSVM *vm, JSValue self, int argc, JSValue *argv,
                           JSValue nt) {
  double x, y;
  if (!js_to_number(vm, js_arg(0), &x) || !js_to_number(vm, js_arg(1), &y))
    return JS_EXCEPTION;
  return js_from_number(js_native_magic(vm) ? js_pow(x, y) : atan2(x, y));
}

// Math.clz32: leading zero bits of ToUint32(x); 32 for 0.
static JSValue math_clz32(JSVM *vm, JSValue self, int argc, JSValue *argv,
                          JSValue nt) {
  uint32_t n;
  if (!js_to_uint32(vm, js_arg(0), &n)) return JS_EXCEPTION;
  return js_from_int32(n ? __builtin_clz(n) : 32);
}

// Math.imul: the low 32 bits of the product, as int32.
static JSValue math_imul(JSVM *vm, JSValue self, int argc, JSValue *argv,
                         JSValue nt) {
  uint32_t a, b;
  if (!js_to_uint32(vm, js_arg(0), &a) || !js_to_uint32(vm, js_arg(1), &b))
    return JS_EXCEPTION;
  return js_from_int32((int32_t)(a * b));
}

/* {==== Any number of arguments ====} */

// ToNumber of every argument, in order, into out (argc entries; callers
// pass a buffer of argc). false on exception.
static bool numbers_of(JSVM *vm, int argc, JSValue *argv, double *out) {
  for (int i = 0; i < argc; i++)
    if (!js_to_number(vm, argv[i], &out[i])) return false;
  return true;
}

// The argument list converted to a malloc'd double array (NULL with the
// exception pending, or a RangeError when out of memory).
static double *number_list(JSVM *vm, int argc, JSValue *argv) {
  double *v = malloc((size_t)(argc ? argc : 1) * sizeof *v);
  if (!v) {
    js_throw_range_error(vm, "Out of memory");
    return NULL;
  }
  if (!numbers_of(vm, argc, argv, v)) {
    free(v);
    return NULL;
  }
  return v;
}

// Math.max (magic 0) and Math.min (magic 1): NaN wins, and -0 counts as
// smaller than +0.
static JSValue math_max_min(JSVM *vm, JSValue self, int argc, JSValue *argv,
                            JSValue nt) {
  bool min = js_native_magic(vm);
  double *v = number_list(vm, argc, argv);
  if (!v) return JS_EXCEPTION;
  double r = min ? INFINITY : -INFINITY;
  for (int i = 0; i < argc; i++) {
    double x = v[i];
    if (x != x) {
      r = NAN;
      break;
    }
    // Equal zeros of different signs: max takes +0, min takes -0.
    if (x == 0 && r == 0) {
      if (min ? signbit(x) : !signbit(x)) r = x;
    } else if (min ? x < r : x > r) {
      r = x;
    }
  }
  free(v);
  return js_from_number(r);
}

// Math.hypot (§21.3.2.18): Infinity if any argument is infinite (even
// with a NaN), else NaN if any is NaN; otherwise the root of the sum of
// squares, scaled by the largest magnitude so that nothing overflows or
// underflows, and summed with Kahan's compensation.
static JSValue math_hypot(JSVM *vm, JSValue self, int argc, JSValue *argv,
                          JSValue nt) {
  double *v = number_list(vm, argc, argv);
  if (!v) return JS_EXCEPTION;
  bool nan = false, inf = false;
  double max = 0;
  for (int i = 0; i < argc; i++) {
    if (isinf(v[i])) inf = true;
    if (v[i] != v[i]) nan = true;
    if (fabs(v[i]) > max) max = fabs(v[i]);
  }
  double r;
  if (inf) {
    r = INFINITY;
  } else if (nan) {
    r = NAN;
  } else if (max == 0) {
    r = 0;  // all zeros (either sign) give +0
  } else {
    double sum = 0, comp = 0;
    for (int i = 0; i < argc; i++) {
      double q = v[i] / max, term = q * q - comp, t = sum + term;
      comp = (t - sum) - term;
      sum = t;
    }
    r = sqrt(sum) * max;
  }
  free(v);
  return js_from_number(r);
}

/* {==== Math.sumPrecise ====} */

// An exact sum of doubles: a two's-complement integer counting units of
// 2^-1074 (the smallest subnormal). Doubles reach 2^1024, and 2^53 of them
// add at most 53 bits: 2152 bits plus the sign fit in 36 words.
#define ACC_WORDS 36
typedef struct Acc {
  uint64_t w[ACC_WORDS];
} Acc;

// Add (or subtract) the finite, non-zero x to the accumulator.
static void acc_add(Acc *a, double x) {
  int e;
  double m = frexp(fabs(x), &e);  // |x| = m * 2^e, m in [0.5, 1)
  uint64_t mant = (uint64_t)ldexp(m, 53);
  int shift = e - 53 + 1074;      // where mant's lowest bit goes
  // Subnormals have zeros in their low bits, so this shift is exact.
  if (shift < 0) mant >>= -shift, shift = 0;
  int word = shift / 64, bit = shift % 64;
  uint64_t part[2] = {mant << bit, bit ? mant >> (64 - bit) : 0};
  bool neg = x < 0;
  uint64_t carry = 0;
  // Add or subtract part (then the carry or borrow) from word upward.
  for (int i = word; i < ACC_WORDS; i++) {
    uint64_t p = i - word < 2 ? part[i - word] : 0;
    if (!p && !carry && i - word >= 2) break;
    uint64_t old = a->w[i], r;
    if (neg) {
      r = old - p - carry;
      carry = (old < p) || (old - p < carry);
    } else {
      r = old + p + carry;
      carry = (r < old) || (carry && r == old);
    }
    a->w[i] = r;
  }
}

static bool acc_bit(const Acc *a, int k) { return (a->w[k / 64] >> (k % 64)) & 1; }

// The accumulator's value rounded to the nearest double, ties to even.
static double acc_value(Acc *a) {
  bool neg = a->w[ACC_WORDS - 1] >> 63;
  if (neg) {  // magnitude: two's-complement negation
    uint64_t carry = 1;
    for (int i = 0; i < ACC_WORDS; i++) {
      a->w[i] = ~a->w[i] + carry;
      carry = carry && a->w[i] == 0;
    }
  }
  int top = ACC_WORDS * 64 - 1;
  while (top >= 0 && !acc_bit(a, top)) top--;
  if (top < 0) return 0;  // an exact zero sum is +0
  double r;
  if (top < 53) {
    r = ldexp((double)a->w[0], -1074);  // exact: at most 53 bits
  } else {
    uint64_t mant = 0;
    for (int k = top; k > top - 53; k--) mant = mant << 1 | acc_bit(a, k);
    bool half = acc_bit(a, top - 53), sticky = false;
    for (int k = top - 54; k >= 0 && !sticky; k--) sticky = acc_bit(a, k);
    if (half && (sticky || (mant & 1))) mant++;  // may carry to 2^53: fine
    r = ldexp((double)mant, top - 52 - 1074);    // overflows to Infinity
  }
  return neg ? -r : r;
}

// The spec's summary of what was seen besides finite non-zero values.
enum { SUM_MINUS_ZERO, SUM_FINITE, SUM_PLUS_INF, SUM_MINUS_INF, SUM_NAN };

static int sum_state(int state, double n) {
  if (state == SUM_NAN || n != n) return SUM_NAN;
  if (n == INFINITY) return state == SUM_MINUS_INF ? SUM_NAN : SUM_PLUS_INF;
  if (n == -INFINITY) return state == SUM_PLUS_INF ? SUM_NAN : SUM_MINUS_INF;
  if (n == 0 && signbit(n)) return state;
  return state == SUM_MINUS_ZERO ? SUM_FINITE : state;
}

// Math.sumPrecise(items): the exact sum of an iterable of Numbers, -0
// when empty or all -0; a non-Number closes the iterator and throws.
static JSValue math_sum_precise(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                JSValue nt) {
  JSValue items = js_arg(0);
  if (js_is_nullish(items))
    return js_throw_type_error(vm, "Math.sumPrecise requires an iterable");
  JSIterRecord rec;
  if (!js_get_iterator(vm, items, &rec)) return JS_EXCEPTION;
  Acc acc = {{0}};
  int state = SUM_MINUS_ZERO;
  for (uint64_t count = 1;; count++) {
    JSValue v;
    int r = js_iterator_step_value(vm, &rec, &v);
    if (r < 0) return JS_EXCEPTION;
    if (r == 0) break;
    if (count >= (1ull << 53) || !js_is_number(v)) {
      if (count >= (1ull << 53)) js_throw_range_error(vm, "Too many values");
      else js_throw_type_error(vm, "Math.sumPrecise requires numbers");
      js_iterator_close(vm, &rec, true);
      return JS_EXCEPTION;
    }
    double n = js_number_value(v);
    state = sum_state(state, n);
    if (state == SUM_FINITE && n != 0 && isfinite(n)) acc_add(&acc, n);
  }
  switch (state) {
    case SUM_NAN: return js_from_double(NAN);
    case SUM_PLUS_INF: return js_from_double(INFINITY);
    case SUM_MINUS_INF: return js_from_double(-INFINITY);
    case SUM_MINUS_ZERO: return js_from_double(-0.0);
  }
  return js_from_number(acc_value(&acc));
}

/* {==== Math.random ====} */

static uint64_t rng_state[2];

// splitmix64: spreads the seed's few bits of entropy over both words.
static uint64_t splitmix(uint64_t *x) {
  uint64_t z = (*x += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

static void rng_seed(void) {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  uint64_t seed = (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
  seed ^= (uint64_t)(uintptr_t)&ts;  // ASLR adds a little more
  rng_state[0] = splitmix(&seed);
  rng_state[1] = splitmix(&seed);
  if (!(rng_state[0] | rng_state[1])) rng_state[1] = 1;  // never all zero
}

// xorshift128+ (Vigna), the generator V8 uses: 53 high-quality bits give
// a double uniformly in [0, 1).
static JSValue math_random(JSVM *vm, JSValue self, int argc, JSValue *argv,
                           JSValue nt) {
  if (!(rng_state[0] | rng_state[1])) rng_seed();
  uint64_t s1 = rng_state[0];
  const uint64_t s0 = rng_state[1];
  rng_state[0] = s0;
  s1 ^= s1 << 23;
  rng_state[1] = s1 ^ s0 ^ (s1 >> 17) ^ (s0 >> 26);
  uint64_t r = rng_state[1] + s0;
  return js_from_double((double)(r >> 11) * 0x1.0p-53);
}

/* {==== Installation ====} */

void js_init_math(JSVM *vm) {
  JSValue math = js_new_object(vm);
  static const struct { const char *name; double value; } constants[] = {
      {"E", M_E},         {"LN10", M_LN10},       {"LN2", M_LN2},
      {"LOG10E", M_LOG10E}, {"LOG2E", M_LOG2E},   {"PI", M_PI},
      {"SQRT1_2", M_SQRT1_2}, {"SQRT2", M_SQRT2},
  };
  // The constants are neither writable, enumerable nor configurable.
  for (size_t i = 0; i < sizeof constants / sizeof *constants; i++)
    js_def_value(vm, math, constants[i].name, js_from_double(constants[i].value), 0);
  for (int i = 0; i < (int)(sizeof unary / sizeof *unary); i++)
    js_def_method_magic(vm, math, unary[i].name, math_unary, 1, i);
  js_def_method_magic(vm, math, "atan2", math_binary, 2, 0);
  js_def_method_magic(vm, math, "pow", math_binary, 2, 1);
  js_def_method(vm, math, "clz32", math_clz32, 1);
  js_def_method(vm, math, "imul", math_imul, 2);
  js_def_method_magic(vm, math, "max", math_max_min, 2, 0);
  js_def_method_magic(vm, math, "min", math_max_min, 2, 1);
  js_def_method(vm, math, "hypot", math_hypot, 2);
  js_def_method(vm, math, "random", math_random, 0);
  js_def_method(vm, math, "sumPrecise", math_sum_precise, 1);
  js_define_value(vm, math, vm->symbol[JS_SYMBOL_toStringTag], js_atom(vm, "Math"),
                  JS_ATTR_CONFIGURABLE);
  js_def_value(vm, vm->realm->global, "Math", math, JS_ATTR_METHOD);
}
