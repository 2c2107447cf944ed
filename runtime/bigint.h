/*
 * runtime/bigint.h — BigInt values (ECMA-262 §6.1.6.2): the heap layout
 * and the BigInt:: operations, the conversions to and from Numbers and
 * strings, ToBigInt, and what the interpreter, the comparisons, the
 * collections and the typed arrays need of them. The arithmetic is GMP's
 * (runtime/bigint.c); the BigInt global is builtins_bigint.c.
 *
 * Invariants:
 *  - A BigInt is an immutable JSBigInt cell of type JS_TYPE_BigInt whose
 *    map is vm->bigint_map (one per VM, like strings' and symbols').
 *  - It holds no pointers: the magnitude is `nlimbs` little-endian 64-bit
 *    limbs, normalized (the top limb is non-zero); zero is nlimbs 0 and
 *    sign 0, every other value has sign -1 or 1. So two BigInts are equal
 *    iff sign, nlimbs and limbs are equal (js_bigint_equal), and there is
 *    no negative zero.
 *  - No BigInt is longer than JS_BIGINT_MAX_BITS bits (V8's limit): an
 *    operation whose result would be longer throws RangeError "Maximum
 *    BigInt size exceeded" before GMP is asked to compute it.
 *  - GMP works on read-only views of the heap limbs and on malloc'd
 *    temporaries; a result is copied into a fresh cell. No GMP call
 *    allocates from the JS heap, so views stay valid during a call.
 *  - Error convention as runtime.h: JS_EXCEPTION means an exception is
 *    pending.
 */
#ifndef JSVM_RUNTIME_BIGINT_H
#define JSVM_RUNTIME_BIGINT_H

#include "runtime/runtime.h"

/* {==== Layout ====} */

typedef struct JSBigInt {
  JSMap *map;
  uint32_t nlimbs;    /* limbs in use; 0 for 0n */
  int32_t sign;       /* -1, 0 or 1 */
  uint64_t limbs[];   /* magnitude, least significant limb first */
} JSBigInt;

/* The longest BigInt, in bits (V8: BigInt::kMaxLengthBits). */
#define JS_BIGINT_MAX_BITS (1u << 30)

static inline bool js_is_bigint(JSValue v) { return js_is_type(v, JS_TYPE_BigInt); }
static inline JSBigInt *js_bigint(JSValue v) { return (JSBigInt *)js_heap(v); }

/* {==== Making BigInts ====} */

JSValue js_bigint_from_int64(JSVM *vm, int64_t x);
JSValue js_bigint_from_uint64(JSVM *vm, uint64_t x);
/* js_bigint_from_double: NumberToBigInt (§21.2.1.1.1): RangeError "The
 * number 1.5 cannot be converted to a BigInt because it is not an
 * integer" for NaN, infinities and fractions. */
JSValue js_bigint_from_double(JSVM *vm, double d);
/* js_bigint_from_text: digits (no sign, no separators, no prefix) of
 * radix 2..36, as the front end hands BigInt literals over (decimal). */
JSValue js_bigint_from_text(JSVM *vm, const char *digits, size_t n, int radix);
/* js_string_to_bigint: StringToBigInt (§7.1.14): the BigInt, or
 * undefined when str is not a StringIntegerLiteral (white space trimmed;
 * empty is 0n; decimal with an optional sign; 0x/0o/0b without one). */
JSValue js_string_to_bigint(JSVM *vm, JSValue str);
/* js_to_bigint: ToBigInt (§7.1.13): ToPrimitive (hint number), then
 * booleans, BigInts and strings convert; undefined, null, Numbers and
 * symbols throw TypeError, unparsable strings SyntaxError. */
JSValue js_to_bigint(JSVM *vm, JSValue v);

/* {==== Reading BigInts ====} */

/* js_bigint_to_string: BigInt::toString(x, radix), radix 2..36, digits
 * in lowercase; RangeError "Invalid string length" when too long. */
JSValue js_bigint_to_string(JSVM *vm, JSValue x, int radix);
/* js_bigint_to_double: 𝔽(ℝ(x)): rounded to nearest, ties to even;
 * beyond the double range ±Infinity. */
double js_bigint_to_double(JSValue x);
/* js_bigint_to_uint64: ℝ(x) modulo 2^64 (ToBigUint64; as int64_t it is
 * ToBigInt64). */
uint64_t js_bigint_to_uint64(JSValue x);
/* js_bigint_hash: a hash of the value (equal BigInts hash alike). */
uint32_t js_bigint_hash(JSValue x);

/* {==== Comparisons ====} */

bool js_bigint_equal(JSValue a, JSValue b);
/* js_bigint_compare: <0, 0, >0 as a < b, a == b, a > b. */
int js_bigint_compare(JSValue a, JSValue b);
/* js_bigint_compare_number: the same against a Number that is not NaN
 * (infinities allowed), exactly (1n < 1.5). */
int js_bigint_compare_number(JSValue a, double d);

/* {==== Operators ====} */

/* The operators of Table 2 (§6.1.6.2) that take two BigInts. */
typedef enum JSBigIntOp {
  JS_BIGINT_ADD,
  JS_BIGINT_SUB,
  JS_BIGINT_MUL,
  JS_BIGINT_DIV,   /* truncates toward zero; RangeError on 0n */
  JS_BIGINT_MOD,   /* the remainder takes the dividend's sign */
  JS_BIGINT_EXP,   /* RangeError for a negative exponent */
  JS_BIGINT_AND,
  JS_BIGINT_OR,
  JS_BIGINT_XOR,
  JS_BIGINT_SHL,   /* x * 2^y; a negative y shifts right */
  JS_BIGINT_SAR,   /* floor(x / 2^y) */
  JS_BIGINT_SHR,   /* >>>: always TypeError */
} JSBigIntOp;

/* js_bigint_binary: a op b for two BigInts (or JS_EXCEPTION). */
JSValue js_bigint_binary(JSVM *vm, JSBigIntOp op, JSValue a, JSValue b);

typedef enum JSBigIntUnaryOp {
  JS_BIGINT_NEG,
  JS_BIGINT_NOT,   /* -x - 1 */
  JS_BIGINT_INC,
  JS_BIGINT_DEC,
} JSBigIntUnaryOp;

JSValue js_bigint_unary(JSVM *vm, JSBigIntUnaryOp op, JSValue a);

/* js_bigint_as_n: BigInt.asIntN (is_signed) / BigInt.asUintN with the
 * bit count already through ToIndex (0..2^53-1). */
JSValue js_bigint_as_n(JSVM *vm, JSValue x, uint64_t bits, bool is_signed);

/* js_throw_bigint_mix: TypeError "Cannot mix BigInt and other types, use
 * explicit conversions" (what a BigInt op Number throws). */
JSValue js_throw_bigint_mix(JSVM *vm);

#endif
