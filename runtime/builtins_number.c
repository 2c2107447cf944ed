/*
 * runtime/builtins_number.c — the `number` builtin family: the Number
 * constructor and its properties (ECMA-262 §21.1.1-2) and
 * Number.prototype's methods (§21.1.3). The digit work is numconv.h's.
 *
 * Invariants:
 *  - Number.parseFloat and Number.parseInt are the very function objects
 *    of the globals parseFloat and parseInt (§21.1.2.12-13). The `uri`
 *    family owns the globals and installs them first (JS_BUILTIN_FAMILIES
 *    lists `number` after it); if they are missing we make them here and
 *    install the globals too, so the identity holds either way.
 *  - Methods of Number.prototype accept a Number or a Number wrapper as
 *    this (thisNumberValue) and throw a TypeError otherwise, before any
 *    argument is converted.
 *  - Number(bigint) is the BigInt's value rounded to nearest (𝔽), the
 *    one conversion of a BigInt to a Number that does not throw.
 */
#include <float.h>
#include <math.h>
#include <stdlib.h>

#include "runtime/bigint.h"
#include "runtime/numconv.h"
#include "runtime/runtime.h"

/* {==== The constructor ====} */

// Number(value) (§21.1.1.1): ToNumeric, or +0 without an argument; new
// Number wraps the value in an object with new.target's prototype.
static JSValue number_ctor(JSVM *vm, JSValue self, int argc, JSValue *argv,
                           JSValue nt) {
  // Number() is +0, but Number(undefined) is NaN: argc tells them apart.
  JSValue n = js_from_int32(0);
  if (argc > 0) {
    n = js_to_numeric(vm, argv[0]);
    if (js_is_exception(n)) return n;
    // A BigInt becomes 𝔽(ℝ(prim)), rounded to nearest.
    if (js_is_bigint(n)) n = js_from_number(js_bigint_to_double(n));
  }
  if (js_is_undefined(nt)) return n;
  JSValue proto = js_get_prototype_from_ctor(vm, nt, JS_INTRINSIC_NumberPrototype);
  if (js_is_exception(proto)) return proto;
  // OrdinaryCreateFromConstructor with [[NumberData]]: ToObject's wrapper,
  // re-parented for subclasses.
  JSValue obj = js_to_object(vm, n);
  if (js_is_exception(obj)) return obj;
  if (proto.bits != js_intrinsic(vm, NumberPrototype).bits &&
      js_set_prototype_of(vm, obj, proto) < 0)
    return JS_EXCEPTION;
  return obj;
}

/* {==== Number.isFinite and friends ====} */

// isFinite (0), isInteger (1), isNaN (2), isSafeInteger (3): no
// conversion, anything but a Number is false.
static JSValue number_test(JSVM *vm, JSValue self, int argc, JSValue *argv,
                           JSValue nt) {
  // Unlike the global isNaN/isFinite, no ToNumber: "5" is not a number.
  JSValue v = js_arg(0);
  if (!js_is_number(v)) return JS_FALSE;
  double d = js_number_value(v);
  switch (js_native_magic(vm)) {
    case 0: return js_from_bool(isfinite(d));
    case 1: return js_from_bool(isfinite(d) && trunc(d) == d);
    case 2: return js_from_bool(d != d);
    case 3: return js_from_bool(isfinite(d) && trunc(d) == d &&
                                fabs(d) <= 9007199254740991.0);
  }
  return JS_FALSE;
}

/* {==== parseFloat and parseInt (when the uri family has none) ====} */

static JSValue number_parse_float(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                  JSValue nt) {
  JSValue s = js_to_string(vm, js_arg(0));
  if (js_is_exception(s)) return s;
  // numconv reads either width directly: no copy of the text.
  JSString *f = js_string_flat(vm, js_str(s));
  double d = (f->flags & JS_STR_TWO_BYTE) ? js_parse_float_utf16(f->u.c16, f->length)
                                          : js_parse_float_latin1(f->u.c8, f->length);
  return js_from_number(d);
}

// parseInt(string, radix): ToString before ToInt32(radix), as the spec
// orders them; numconv does the rest (0 means "10, or 16 after 0x").
static JSValue number_parse_int(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                JSValue nt) {
  JSValue s = js_to_string(vm, js_arg(0));
  if (js_is_exception(s)) return s;
  int32_t radix;
  if (!js_to_int32(vm, js_arg(1), &radix)) return JS_EXCEPTION;
  JSString *f = js_string_flat(vm, js_str(s));
  double d = (f->flags & JS_STR_TWO_BYTE)
                 ? js_parse_int_utf16(f->u.c16, f->length, radix)
                 : js_parse_int_latin1(f->u.c8, f->length, radix);
  return js_from_number(d);
}

/* {==== Number.prototype ====} */

// thisNumberValue (§21.1.3.7.1); false after the TypeError naming method.
static bool this_number(JSVM *vm, JSValue self, const char *method, double *out) {
  if (js_is_number(self)) {
    *out = js_number_value(self);
    return true;
  }
  if (js_is_type(self, JS_TYPE_Primitive)) {
    JSValue v = ((JSPrimitiveObject *)js_obj(self))->value;
    if (js_is_number(v)) {
      *out = js_number_value(v);
      return true;
    }
  }
  js_throw_type_error(vm, "Number.prototype.%s requires that 'this' be a Number", method);
  return false;
}

// A numconv result (n chars in buf) as a string.
static JSValue ascii_result(JSVM *vm, const char *buf, int n) {
  return js_string_from_latin1(vm, (const uint8_t *)buf, (size_t)n);
}

static JSValue number_to_exponential(JSVM *vm, JSValue self, int argc,
                                     JSValue *argv, JSValue nt) {
  double x, f = 0;
  if (!this_number(vm, self, "toExponential", &x)) return JS_EXCEPTION;
  bool undef = js_is_undefined(js_arg(0));
  if (!js_to_integer_or_infinity(vm, js_arg(0), &f)) return JS_EXCEPTION;
  // Non-finite values print before the range check (§21.1.3.2 step 4).
  if (!isfinite(x)) return js_number_to_string(vm, x);
  if (f < 0 || f > 100)
    return js_throw_range_error(vm, "toExponential() argument must be between 0 and 100");
  char buf[JS_DTOA_FORMAT_BUFSIZE];
  int n = js_dtoa_exponential(x, undef ? -1 : (int)f, buf, sizeof buf);
  return ascii_result(vm, buf, n);
}

static JSValue number_to_fixed(JSVM *vm, JSValue self, int argc, JSValue *argv,
                               JSValue nt) {
  double x, f;
  if (!this_number(vm, self, "toFixed", &x)) return JS_EXCEPTION;
  if (!js_to_integer_or_infinity(vm, js_arg(0), &f)) return JS_EXCEPTION;
  // The range check comes before the finiteness of x here (§21.1.3.3).
  if (f < 0 || f > 100)
    return js_throw_range_error(vm, "toFixed() digits argument must be between 0 and 100");
  if (!isfinite(x)) return js_number_to_string(vm, x);
  char buf[JS_DTOA_FORMAT_BUFSIZE];
  int n = js_dtoa_fixed(x, (int)f, buf, sizeof buf);
  return ascii_result(vm, buf, n);
}

static JSValue number_to_precision(JSVM *vm, JSValue self, int argc,
                                   JSValue *argv, JSValue nt) {
  double x, p;
  if (!this_number(vm, self, "toPrecision", &x)) return JS_EXCEPTION;
  // No precision: plain ToString, before (and instead of) any check.
  if (js_is_undefined(js_arg(0))) return js_number_to_string(vm, x);
  if (!js_to_integer_or_infinity(vm, js_arg(0), &p)) return JS_EXCEPTION;
  if (!isfinite(x)) return js_number_to_string(vm, x);
  if (p < 1 || p > 100)
    return js_throw_range_error(vm, "toPrecision() argument must be between 1 and 100");
  char buf[JS_DTOA_FORMAT_BUFSIZE];
  int n = js_dtoa_precision(x, (int)p, buf, sizeof buf);
  return ascii_result(vm, buf, n);
}

// toString(radix): radix 10 (the default) is Number::toString.
static JSValue number_to_string(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                JSValue nt) {
  double x, radix = 10;
  if (!this_number(vm, self, "toString", &x)) return JS_EXCEPTION;
  if (!js_is_undefined(js_arg(0)) && !js_to_integer_or_infinity(vm, js_arg(0), &radix))
    return JS_EXCEPTION;
  if (radix < 2 || radix > 36)
    return js_throw_range_error(vm, "toString() radix must be between 2 and 36");
  // Radix 10 is the shortest round-trip form, with its exponent rules.
  if (radix == 10) return js_number_to_string(vm, x);
  char buf[JS_DTOA_RADIX_BUFSIZE];
  int n = js_dtoa_radix(x, (int)radix, buf, sizeof buf);
  return ascii_result(vm, buf, n);
}

// toLocaleString: without locale data, the plain decimal form.
static JSValue number_to_locale_string(JSVM *vm, JSValue self, int argc,
                                       JSValue *argv, JSValue nt) {
  double x;
  if (!this_number(vm, self, "toLocaleString", &x)) return JS_EXCEPTION;
  return js_number_to_string(vm, x);
}

static JSValue number_value_of(JSVM *vm, JSValue self, int argc, JSValue *argv,
                               JSValue nt) {
  double x;
  if (!this_number(vm, self, "valueOf", &x)) return JS_EXCEPTION;
  return js_from_number(x);
}

/* {==== Installation ====} */

// The global's function if the uri family installed it, else ours, which
// then becomes the global too (see the invariants).
static JSValue shared_global(JSVM *vm, const char *name, JSNative fn, int length) {
  JSValue g = vm->realm->global;
  JSValue key = js_to_property_key(vm, js_atom(vm, name));
  // An own data property that is a function: the uri family's.
  JSPropDesc d;
  if (js_get_own_property(vm, g, key, &d) == 1 && d.has_value && js_is_callable(d.value))
    return d.value;
  JSValue f = js_new_native(vm, name, fn, length, 0);
  js_define_value(vm, g, key, f, JS_ATTR_METHOD);
  return f;
}

static void init_constructor(JSVM *vm, JSValue ctor) {
  static const struct { const char *name; double value; } constants[] = {
      {"EPSILON", DBL_EPSILON},
      {"MAX_SAFE_INTEGER", 9007199254740991.0},
      {"MIN_SAFE_INTEGER", -9007199254740991.0},
      {"MAX_VALUE", DBL_MAX},
      {"MIN_VALUE", 4.9406564584124654e-324},
      {"NaN", NAN},
      {"NEGATIVE_INFINITY", -INFINITY},
      {"POSITIVE_INFINITY", INFINITY},
  };
  // Neither writable, enumerable nor configurable.
  for (size_t i = 0; i < sizeof constants / sizeof *constants; i++)
    js_def_value(vm, ctor, constants[i].name, js_from_number(constants[i].value), 0);
  js_def_method_magic(vm, ctor, "isFinite", number_test, 1, 0);
  js_def_method_magic(vm, ctor, "isInteger", number_test, 1, 1);
  js_def_method_magic(vm, ctor, "isNaN", number_test, 1, 2);
  js_def_method_magic(vm, ctor, "isSafeInteger", number_test, 1, 3);
  js_def_value(vm, ctor, "parseFloat", shared_global(vm, "parseFloat", number_parse_float, 1),
               JS_ATTR_METHOD);
  js_def_value(vm, ctor, "parseInt", shared_global(vm, "parseInt", number_parse_int, 2),
               JS_ATTR_METHOD);
}

void js_init_number(JSVM *vm) {
  JSValue proto = js_intrinsic(vm, NumberPrototype);
  JSValue ctor = js_new_native_ctor(vm, "Number", number_ctor, 1, proto);
  init_constructor(vm, ctor);
  js_def_method(vm, proto, "toExponential", number_to_exponential, 1);
  js_def_method(vm, proto, "toFixed", number_to_fixed, 1);
  js_def_method(vm, proto, "toLocaleString", number_to_locale_string, 0);
  js_def_method(vm, proto, "toPrecision", number_to_precision, 1);
  js_def_method(vm, proto, "toString", number_to_string, 1);
  js_def_method(vm, proto, "valueOf", number_value_of, 0);
  js_def_value(vm, vm->realm->global, "Number", ctor, JS_ATTR_METHOD);
}
