/*
 * runtime/convert.c — the abstract operations that convert and compare
 * values (ECMA-262 §7.1, §7.2): ToBoolean, ToNumber, ToString, ToObject,
 * ToPrimitive, ToPropertyKey, the integer conversions, SameValue and the
 * three equalities, typeof.
 *
 * Invariants:
 *  - Every function that can run user code (a valueOf, toString or
 *    Symbol.toPrimitive method reached through ToPrimitive) can throw and
 *    says so by its return value (runtime.h's convention); the others
 *    never throw.
 *  - Property keys come out canonical: an array index is a number
 *    (js_index_key), never a string; any other string key is interned.
 *  - Wrapper objects (ToObject) use one map per realm and primitive kind,
 *    made on first use and cached in realm->primitive_map; the collector
 *    must treat that array as realm roots.
 *  - BigInts (runtime/bigint.h) compare by value wherever numbers and
 *    strings do: SameValue, SameValueZero, IsStrictlyEqual and
 *    IsLooselyEqual never look at a BigInt's identity.
 */
#include <math.h>
#include <stdio.h>

#include "runtime/bigint.h"
#include "runtime/numconv.h"
#include "runtime/runtime.h"

/* {==== ToBoolean, ToNumber, ToNumeric ====} */

// ToBoolean (§7.1.2) never throws and never calls user code, so it needs
// no VM: the interpreter's conditional jumps call it directly.
bool js_to_boolean(JSValue v) {
  if (js_is_bool(v)) return js_bool(v);
  if (js_is_int32(v)) return js_int32(v) != 0;
  if (js_is_double(v)) {
    double d = js_double(v);
    return d == d && d != 0;  // NaN and both zeros are false
  }
  if (js_is_string(v)) return js_str(v)->length != 0;
  // 0n is the one false BigInt (normalized: zero has no limbs).
  if (js_is_bigint(v)) return js_bigint(v)->sign != 0;
  // Objects and symbols are true.
  if (js_is_heap(v)) return true;
  return false;  // undefined, null and the internal immediates
}

// StringToNumber on the flat text, in whichever width it is stored.
// It never throws: unparsable text is NaN, not an error.
static double string_to_number(JSVM *vm, JSValue s) {
  JSString *f = js_string_flat(vm, js_str(s));
  if (f->flags & JS_STR_TWO_BYTE) return js_string_to_number_utf16(f->u.c16, f->length);
  return js_string_to_number_latin1(f->u.c8, f->length);
}

// Throw a TypeError and give the bool functions' "exception" result.
static bool throw_false(JSVM *vm, const char *msg) {
  js_throw_type_error(vm, "%s", msg);
  return false;
}

// ToNumber (§7.1.4). The order of the tests puts numbers, the common
// case in arithmetic slow paths, first.
bool js_to_number(JSVM *vm, JSValue v, double *out) {
  // The loop runs at most twice: an object becomes a primitive first.
  for (;;) {
    if (js_is_int32(v)) {
      *out = js_int32(v);
      return true;
    }
    if (js_is_double(v)) {
      *out = js_double(v);
      return true;
    }
    if (js_is_string(v)) {
      *out = string_to_number(vm, v);
      return true;
    }
    // true is 1; false and null are 0.
    if (js_is_bool(v) || js_is_null(v)) {
      *out = js_is_bool(v) && js_bool(v);
      return true;
    }
    // Symbols and BigInts refuse implicit conversion to Number (a BigInt
    // must go through Number(x), which handles it before calling us).
    if (js_is_symbol(v)) return throw_false(vm, "Cannot convert a Symbol value to a number");
    if (js_is_type(v, JS_TYPE_BigInt))
      return throw_false(vm, "Cannot convert a BigInt value to a number");
    if (!js_is_object(v)) {
      *out = NAN;  // undefined
      return true;
    }
    // An object: its valueOf/toString (or @@toPrimitive) may run code
    // and throw; the primitive it yields goes round once more.
    v = js_to_primitive(vm, v, JS_HINT_NUMBER);
    if (js_is_exception(v)) return false;
  }
}

// ToNumeric (§7.1.3): what the arithmetic operators apply to operands,
// so that BigInt operands survive instead of failing in ToNumber.
JSValue js_to_numeric(JSVM *vm, JSValue v) {
  if (js_is_number(v)) return v;  // kept as is: no re-boxing
  JSValue p = js_to_primitive(vm, v, JS_HINT_NUMBER);
  if (js_is_exception(p)) return p;
  // A BigInt is already numeric; everything else goes through ToNumber.
  if (js_is_type(p, JS_TYPE_BigInt)) return p;
  double d;
  if (!js_to_number(vm, p, &d)) return JS_EXCEPTION;
  // int32-tagged when integral, keeping later arithmetic on the fast path.
  return js_from_number(d);
}

/* {==== Number::toString and ToString ====} */

JSValue js_number_to_string(JSVM *vm, double d) {
  char buf[JS_DTOA_BUFSIZE];
  // Integers that fit an int32 (both zeros included: -0 prints "0") skip
  // the shortest-digits machinery; 0..9 are the shared one-char strings.
  if (d >= -2147483648.0 && d <= 2147483647.0 && d == (double)(int32_t)d) {
    int32_t i = (int32_t)d;
    if (i >= 0 && i <= 9) return vm->single_char['0' + i];
    // %d of an int32 is exactly Number::toString's digits for it.
    int n = snprintf(buf, sizeof buf, "%d", i);
    return js_string_from_latin1(vm, (const uint8_t *)buf, (size_t)n);
  }
  // Everything else (fractions, huge values, NaN, infinities) needs the
  // shortest round-trip digits and the spec's exponent rules.
  int n = js_dtoa(d, buf);
  return js_string_from_latin1(vm, (const uint8_t *)buf, (size_t)n);
}

// ToString (§7.1.17). Results for the fixed values are the VM's atoms, so
// converting null, true or undefined allocates nothing.
JSValue js_to_string(JSVM *vm, JSValue v) {
  // At most twice round: an object becomes a primitive first.
  for (;;) {
    if (js_is_string(v)) return v;
    if (js_is_number(v)) return js_number_to_string(vm, js_number_value(v));
    if (js_is_null(v)) return vm->atom[JS_ATOM_null];
    if (js_is_bool(v)) return vm->atom[js_bool(v) ? JS_ATOM_true : JS_ATOM_false];
    // String(sym) works, but only because String handles symbols before
    // calling ToString; implicit conversion ("" + sym) must throw.
    if (js_is_symbol(v)) {
      js_throw_type_error(vm, "Cannot convert a Symbol value to a string");
      return JS_EXCEPTION;
    }
    if (js_is_bigint(v)) return js_bigint_to_string(vm, v, 10);
    if (!js_is_object(v)) return vm->atom[JS_ATOM_undefined];
    // Objects prefer toString over valueOf here (hint string).
    v = js_to_primitive(vm, v, JS_HINT_STRING);
    if (js_is_exception(v)) return v;
  }
}

/* {==== ToObject ====} */

// Wrapper kinds, in realm->primitive_map order.
enum { PRIM_BOOLEAN, PRIM_NUMBER, PRIM_STRING, PRIM_SYMBOL, PRIM_BIGINT, PRIM_COUNT };
static const int prim_proto[PRIM_COUNT] = {
    JS_INTRINSIC_BooleanPrototype, JS_INTRINSIC_NumberPrototype,
    JS_INTRINSIC_StringPrototype,  JS_INTRINSIC_SymbolPrototype,
    JS_INTRINSIC_BigIntPrototype,
};

// A new wrapper of the given kind holding v ([[BooleanData]] and so on).
static JSValue new_wrapper(JSVM *vm, int kind, JSValue v) {
  JSRealm *realm = vm->realm;
  if (!realm->primitive_map[kind]) {
    // One shared map per kind: wrappers are rare enough that made-on-
    // demand is cheaper than making all five at realm creation.
    realm->primitive_map[kind] =
        js_new_map(vm, JS_TYPE_Primitive, realm->intrinsic[prim_proto[kind]],
                   sizeof(JSPrimitiveObject), 0);
  }
  JSPrimitiveObject *o = (JSPrimitiveObject *)js_new_object_of(vm, realm->primitive_map[kind]);
  ORI_STORE(o, value, v);
  JSValue r = js_val(o);
  // String wrappers own a fixed length (§10.4.3.4); their index
  // properties come from object.c's exotic hooks, not from here.
  if (kind == PRIM_STRING &&
      js_define_value(vm, r, vm->atom[JS_ATOM_length],
                      js_from_int32((int32_t)js_string_length(v)), 0) < 0)
    return JS_EXCEPTION;
  return r;
}

// ToObject (§7.1.18): objects are returned unchanged (not copied), every
// other primitive except null and undefined gets a fresh wrapper.
JSValue js_to_object(JSVM *vm, JSValue v) {
  if (js_is_object(v)) return v;
  if (js_is_bool(v)) return new_wrapper(vm, PRIM_BOOLEAN, v);
  if (js_is_number(v)) return new_wrapper(vm, PRIM_NUMBER, v);
  if (js_is_string(v)) return new_wrapper(vm, PRIM_STRING, v);
  if (js_is_symbol(v)) return new_wrapper(vm, PRIM_SYMBOL, v);
  if (js_is_type(v, JS_TYPE_BigInt)) return new_wrapper(vm, PRIM_BIGINT, v);
  // Only null and undefined (and internal immediates) are left.
  js_throw_type_error(vm, "Cannot convert undefined or null to object");
  return JS_EXCEPTION;
}

/* {==== ToPrimitive ====} */

// V8's message for both failure modes of ToPrimitive.
static JSValue not_primitive(JSVM *vm) {
  js_throw_type_error(vm, "Cannot convert object to primitive value");
  return JS_EXCEPTION;
}

// OrdinaryToPrimitive (§7.1.1.1): valueOf then toString, or the other way
// round for hint string; the first callable giving a primitive wins.
static JSValue ordinary_to_primitive(JSVM *vm, JSValue o, int hint) {
  int order[2] = {JS_ATOM_valueOf, JS_ATOM_toString};
  if (hint == JS_HINT_STRING) order[0] = JS_ATOM_toString, order[1] = JS_ATOM_valueOf;
  for (int i = 0; i < 2; i++) {
    // A getter may throw; a non-callable value is skipped, not an error.
    JSValue m = js_get(vm, o, vm->atom[order[i]]);
    if (js_is_exception(m)) return m;
    if (!js_is_callable(m)) continue;
    JSValue r = js_call(vm, m, o, 0, NULL);
    if (js_is_exception(r) || !js_is_object(r)) return r;
  }
  return not_primitive(vm);
}

// ToPrimitive (§7.1.1). Primitives pass through untouched, so callers can
// apply it to any value.
JSValue js_to_primitive(JSVM *vm, JSValue v, int hint) {
  if (!js_is_object(v)) return v;
  // GetMethod: undefined and null mean "absent"; any other non-callable
  // value makes js_get_method throw the TypeError.
  JSValue exotic = js_get_method(vm, v, vm->symbol[JS_SYMBOL_toPrimitive]);
  if (js_is_exception(exotic)) return exotic;
  if (js_is_undefined(exotic)) return ordinary_to_primitive(vm, v, hint);
  // @@toPrimitive gets the hint as a string ("default" stays "default";
  // only OrdinaryToPrimitive treats it as "number").
  int atom = hint == JS_HINT_NUMBER   ? JS_ATOM_number
             : hint == JS_HINT_STRING ? JS_ATOM_string
                                      : JS_ATOM_default;
  // Called with the object as this and the hint as the one argument.
  JSValue arg = vm->atom[atom];
  JSValue r = js_call(vm, exotic, v, 1, &arg);
  if (js_is_exception(r)) return r;
  if (js_is_object(r)) return not_primitive(vm);
  return r;
}

/* {==== Property keys ====} */

// The key for string s: its array index as a number, else the interned
// string (interning classifies indices once per distinct string).
static JSValue string_key(JSVM *vm, JSValue s) {
  JSValue in = js_intern(vm, s);
  JSString *is = js_str(in);
  if (is->flags & JS_STR_INDEX) return js_index_key(is->index);
  return in;
}

JSValue js_to_property_key(JSVM *vm, JSValue v) {
  // Fast paths: the common keys need no string at all.
  if (js_is_int32(v) && js_int32(v) >= 0) return v;
  if (js_is_string(v)) return string_key(vm, v);
  if (js_is_symbol(v)) return v;
  if (js_is_double(v)) {
    double d = js_double(v);
    // An integral double in index range is the index; -0 passes too and
    // gives 0, which is what its string "0" would give.
    if (d >= 0 && d <= 4294967294.0 && d == (double)(uint32_t)d)
      return js_index_key((uint32_t)d);
  }
  // ToPropertyKey (§7.1.19): ToPrimitive with hint string, keeping a
  // symbol result as the key, else ToString of the primitive.
  if (js_is_object(v)) {
    v = js_to_primitive(vm, v, JS_HINT_STRING);
    if (js_is_exception(v)) return v;
    if (js_is_symbol(v)) return v;
  }
  // What is left (negative or fractional numbers, NaN, booleans, null,
  // undefined) never spells an index, but string_key's test is one flag.
  JSValue s = js_to_string(vm, v);
  if (js_is_exception(s)) return s;
  return string_key(vm, s);
}

// The inverse of the key canonicalization above: index keys are numbers,
// their spelling is Number::toString's (integers print plainly).
JSValue js_key_to_string(JSVM *vm, JSValue key) {
  if (js_is_number(key)) return js_number_to_string(vm, js_number_value(key));
  return key;
}

/* {==== Integer conversions ====} */

int32_t js_double_to_int32(double d) {
  // In range: the C conversion truncates toward zero, as ToInt32 does.
  if (d >= -2147483648.0 && d <= 2147483647.0) return (int32_t)d;
  if (!isfinite(d)) return 0;  // NaN (which failed the test above) too
  // Modulo 2^32: fmod is exact, and its result keeps t's sign.
  double m = fmod(trunc(d), 4294967296.0);
  if (m < 0) m += 4294967296.0;
  // m is in [0, 2^32): the uint32 is exact; reading it as int32 wraps.
  return (int32_t)(uint32_t)m;
}

// ToInt32 (§7.1.6): the bitwise operators' conversion; int32-tagged
// values, the usual operands, skip ToNumber entirely.
bool js_to_int32(JSVM *vm, JSValue v, int32_t *out) {
  if (js_is_int32(v)) {
    *out = js_int32(v);
    return true;
  }
  double d;
  if (!js_to_number(vm, v, &d)) return false;
  *out = js_double_to_int32(d);
  return true;
}

bool js_to_uint32(JSVM *vm, JSValue v, uint32_t *out) {
  // ToUint32 and ToInt32 agree modulo 2^32: same bits, other reading.
  int32_t i;
  if (!js_to_int32(vm, v, &i)) return false;
  *out = (uint32_t)i;
  return true;
}

// ToIntegerOrInfinity (§7.1.5): NaN is 0, infinities stay, the rest is
// truncated toward zero. Used for positions and counts in builtins.
bool js_to_integer_or_infinity(JSVM *vm, JSValue v, double *out) {
  double d;
  if (!js_to_number(vm, v, &d)) return false;
  if (d != d) {
    *out = 0;
  } else {
    *out = trunc(d) + 0.0;  // + 0.0 turns -0 into +0
  }
  return true;
}

// ToLength (§7.1.20): an integer clamped to 0..2^53-1 (the largest
// length for which every index is an exact double).
bool js_to_length(JSVM *vm, JSValue v, double *out) {
  double d;
  if (!js_to_integer_or_infinity(vm, v, &d)) return false;
  if (d <= 0) d = 0;
  if (d > 9007199254740991.0) d = 9007199254740991.0;
  *out = d;
  return true;
}

bool js_to_index(JSVM *vm, JSValue v, double *out) {
  double d = 0;
  // ToIndex (§7.1.22): undefined is 0; anything else must be an integer
  // in 0..2^53-1 after ToIntegerOrInfinity.
  if (!js_is_undefined(v) && !js_to_integer_or_infinity(vm, v, &d)) return false;
  if (d < 0 || d > 9007199254740991.0) {
    js_throw_range_error(vm, "Invalid index");
    return false;
  }
  *out = d;
  return true;
}

/* {==== SameValue and the equalities ====} */

// Note: js_same_value has no VM, so it compares strings with a NULL one;
// string.c documents that comparing (flattening) never needs the VM.
static bool same_number(double x, double y, bool zero_signs_differ) {
  if (x != x) return y != y;  // NaN is the same as NaN
  if (x == 0 && y == 0 && zero_signs_differ) return signbit(x) == signbit(y);
  return x == y;
}

// SameValue (§7.2.11): Object.is, and how property attributes compare.
bool js_same_value(JSValue a, JSValue b) {
  // An int32 and a double can hold the same number: compare values.
  if (js_is_number(a) && js_is_number(b))
    return same_number(js_number_value(a), js_number_value(b), true);
  if (js_is_string(a) && js_is_string(b)) return js_string_equal(NULL, a, b);
  // BigInts compare by value too; all else is identity.
  if (js_is_bigint(a) && js_is_bigint(b)) return js_bigint_equal(a, b);
  return js_same_bits(a, b);
}

// SameValueZero (§7.2.12): includes(), Map and Set keys.
bool js_same_value_zero(JSValue a, JSValue b) {
  if (js_is_number(a) && js_is_number(b))
    return same_number(js_number_value(a), js_number_value(b), false);
  if (js_is_string(a) && js_is_string(b)) return js_string_equal(NULL, a, b);
  if (js_is_bigint(a) && js_is_bigint(b)) return js_bigint_equal(a, b);
  return js_same_bits(a, b);
}

// IsStrictlyEqual (§7.2.15): ===, switch cases, indexOf.
bool js_strict_equals(JSVM *vm, JSValue a, JSValue b) {
  // IEEE comparison: NaN !== NaN, 0 === -0, int32 1 === double 1.0.
  if (js_is_number(a) && js_is_number(b)) return js_number_value(a) == js_number_value(b);
  if (js_is_string(a) && js_is_string(b)) return js_string_equal(vm, a, b);
  if (js_is_bigint(a) && js_is_bigint(b)) return js_bigint_equal(a, b);
  return js_same_bits(a, b);
}

// The language types, as IsLooselyEqual tells them apart.
typedef enum Kind {
  K_UNDEFINED, K_NULL, K_BOOLEAN, K_NUMBER, K_STRING, K_SYMBOL, K_BIGINT, K_OBJECT
} Kind;

// The Type() of the spec. Internal cells never reach the comparisons;
// if one did it would count as an object (compared by identity).
static Kind kind_of(JSValue v) {
  if (js_is_number(v)) return K_NUMBER;
  if (js_is_bool(v)) return K_BOOLEAN;
  if (js_is_null(v)) return K_NULL;
  if (!js_is_heap(v)) return K_UNDEFINED;  // and the internal immediates
  if (js_is_string(v)) return K_STRING;
  if (js_is_symbol(v)) return K_SYMBOL;
  if (js_is_type(v, JS_TYPE_BigInt)) return K_BIGINT;
  return K_OBJECT;
}

// BigInt n == string s: StringToBigInt(s), then BigInt::equal. Digits
// too many for a BigInt (RangeError from the parser) equal no BigInt.
static int bigint_equals_string(JSVM *vm, JSValue n, JSValue s) {
  JSValue m = js_string_to_bigint(vm, s);
  if (js_is_exception(m)) {
    js_take_exception(vm);
    return 0;
  }
  return !js_is_undefined(m) && js_bigint_equal(n, m);
}

// IsLooselyEqual (§7.2.14), the == operator. The step numbers below are
// ES2024's; step 4 (document.all) has no counterpart in jsvm.
int js_loose_equals(JSVM *vm, JSValue a, JSValue b) {
  // Each round replaces one operand by a "more primitive" value (object →
  // primitive → number), so the loop ends within a few rounds.
  for (;;) {
    Kind ka = kind_of(a), kb = kind_of(b);
    // Step 1: same type is strict equality.
    if (ka == kb) return js_strict_equals(vm, a, b);
    // Steps 2-3: null and undefined equal each other and nothing else.
    if (ka <= K_NULL && kb <= K_NULL) return 1;  // null == undefined
    // Steps 5-6: StringToNumber never throws, so the string side converts
    // in place.
    if (ka == K_NUMBER && kb == K_STRING) return js_number_value(a) == string_to_number(vm, b);
    if (ka == K_STRING && kb == K_NUMBER) return string_to_number(vm, a) == js_number_value(b);
    // Steps 7-8: BigInt vs string compares with StringToBigInt (an
    // unparsable string equals no BigInt); 13-14: BigInt vs number by
    // mathematical value.
    if ((ka == K_BIGINT && kb == K_STRING) || (ka == K_STRING && kb == K_BIGINT))
      return bigint_equals_string(vm, ka == K_BIGINT ? a : b, ka == K_BIGINT ? b : a);
    if ((ka == K_BIGINT && kb == K_NUMBER) || (ka == K_NUMBER && kb == K_BIGINT)) {
      double d = js_number_value(ka == K_NUMBER ? a : b);
      return d == d && js_bigint_compare_number(ka == K_BIGINT ? a : b, d) == 0;
    }
    // Steps 9-10: a boolean becomes 0 or 1 and the comparison restarts
    // (so true == "1" goes on to number == string).
    if (ka == K_BOOLEAN) {
      a = js_from_int32(js_bool(a));
      continue;
    }
    if (kb == K_BOOLEAN) {
      b = js_from_int32(js_bool(b));
      continue;
    }
    // Steps 11-12: an object against a number, string, symbol or BigInt
    // is converted with hint default (Date objects prefer strings there).
    bool pa = ka >= K_NUMBER && ka <= K_BIGINT, pb = kb >= K_NUMBER && kb <= K_BIGINT;
    if (ka == K_OBJECT && pb) {
      a = js_to_primitive(vm, a, JS_HINT_DEFAULT);
      if (js_is_exception(a)) return -1;
      continue;
    }
    if (kb == K_OBJECT && pa) {
      b = js_to_primitive(vm, b, JS_HINT_DEFAULT);
      if (js_is_exception(b)) return -1;
      continue;
    }
    // Step 15: everything else (an object against null, etc.) is unequal.
    return 0;
  }
}

/* {==== typeof ====} */

// typeof (§13.5.3): the interned atoms, so the common typeof x === "..."
// compares two interned strings (bits first).
JSValue js_typeof(JSVM *vm, JSValue v) {
  int atom = JS_ATOM_undefined;
  switch (kind_of(v)) {
    case K_UNDEFINED: atom = JS_ATOM_undefined; break;
    case K_NULL: atom = JS_ATOM_object; break;  // the historical quirk
    case K_BOOLEAN: atom = JS_ATOM_boolean; break;
    case K_NUMBER: atom = JS_ATOM_number; break;
    case K_STRING: atom = JS_ATOM_string; break;
    case K_SYMBOL: atom = JS_ATOM_symbol; break;
    case K_BIGINT: atom = JS_ATOM_bigint; break;
    case K_OBJECT: atom = js_is_callable(v) ? JS_ATOM_function : JS_ATOM_object; break;
  }
  return vm->atom[atom];
}
