/*
 * runtime/builtins_bigint.c — the `bigint` builtin family: the BigInt
 * function (ECMA-262 §21.2.1), BigInt.asIntN / asUintN (§21.2.2) and
 * BigInt.prototype (§21.2.3). The values and their arithmetic are
 * runtime/bigint.c's.
 *
 * Invariants:
 *  - BigInt is a constructor in the spec's sense (it has [[Construct]],
 *    so `class extends BigInt` is allowed) but `new BigInt()` throws;
 *    BigInt wrappers come only from ToObject (Object(1n)).
 *  - Methods of BigInt.prototype accept a BigInt or a BigInt wrapper as
 *    this (thisBigIntValue) and throw a TypeError otherwise, before any
 *    argument is converted.
 */
#include <math.h>

#include "runtime/bigint.h"

/* {==== The function ====} */

// BigInt(value) (§21.2.1.1): Numbers must be integral (NumberToBigInt);
// everything else goes through ToBigInt after the same ToPrimitive.
static JSValue bigint_ctor(JSVM *vm, JSValue self, int argc, JSValue *argv,
                           JSValue nt) {
  if (!js_is_undefined(nt)) return js_throw_type_error(vm, "BigInt is not a constructor");
  JSValue prim = js_to_primitive(vm, js_arg(0), JS_HINT_NUMBER);
  if (js_is_exception(prim)) return prim;
  if (js_is_number(prim)) return js_bigint_from_double(vm, js_number_value(prim));
  // ToBigInt's own ToPrimitive leaves a primitive unchanged.
  return js_to_bigint(vm, prim);
}

// asIntN (magic 1) and asUintN (magic 0) (§21.2.2.1-2): bits through
// ToIndex first, then the BigInt through ToBigInt.
static JSValue bigint_as_n(JSVM *vm, JSValue self, int argc, JSValue *argv,
                           JSValue nt) {
  double bits = 0;
  if (!js_is_undefined(js_arg(0))) {
    if (!js_to_integer_or_infinity(vm, js_arg(0), &bits)) return JS_EXCEPTION;
    // ToIndex's range, with V8's message.
    if (bits < 0 || bits > 9007199254740991.0)
      return js_throw_range_error(vm, "Invalid value: not (convertible to) a safe integer");
  }
  JSValue x = js_to_bigint(vm, js_arg(1));
  if (js_is_exception(x)) return x;
  return js_bigint_as_n(vm, x, (uint64_t)bits, js_native_magic(vm));
}

/* {==== BigInt.prototype ====} */

// thisBigIntValue (§21.2.3.4.1): a BigInt, or a wrapper's [[BigIntData]];
// anything else throws "<method> requires that 'this' be a BigInt".
static JSValue this_bigint(JSVM *vm, JSValue self, const char *method) {
  if (js_is_bigint(self)) return self;
  if (js_is_type(self, JS_TYPE_Primitive)) {
    JSValue v = ((JSPrimitiveObject *)js_heap(self))->value;
    if (js_is_bigint(v)) return v;
  }
  return js_throw_type_error(vm, "%s requires that 'this' be a BigInt", method);
}

// toString([radix]) (§21.2.3.3): radix undefined is 10, else 2..36.
static JSValue bigint_to_string(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                JSValue nt) {
  JSValue x = this_bigint(vm, self, "BigInt.prototype.toString");
  if (js_is_exception(x)) return x;
  double radix = 10;
  if (!js_is_undefined(js_arg(0)) && !js_to_integer_or_infinity(vm, js_arg(0), &radix))
    return JS_EXCEPTION;
  if (radix < 2 || radix > 36)
    return js_throw_range_error(vm, "toString() radix argument must be between 2 and 36");
  return js_bigint_to_string(vm, x, (int)radix);
}

// toLocaleString (§21.2.3.2): without ECMA-402, the decimal digits.
static JSValue bigint_to_locale_string(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                       JSValue nt) {
  JSValue x = this_bigint(vm, self, "BigInt.prototype.toLocaleString");
  if (js_is_exception(x)) return x;
  return js_bigint_to_string(vm, x, 10);
}

static JSValue bigint_value_of(JSVM *vm, JSValue self, int argc, JSValue *argv,
                               JSValue nt) {
  return this_bigint(vm, self, "BigInt.prototype.valueOf");
}

/* {==== Installation ====} */

void js_init_bigint(JSVM *vm) {
  JSValue proto = js_intrinsic(vm, BigIntPrototype);
  JSValue ctor = js_new_native_ctor(vm, "BigInt", bigint_ctor, 1, proto);
  js_def_method_magic(vm, ctor, "asIntN", bigint_as_n, 2, 1);
  js_def_method_magic(vm, ctor, "asUintN", bigint_as_n, 2, 0);
  js_def_method(vm, proto, "toLocaleString", bigint_to_locale_string, 0);
  js_def_method(vm, proto, "toString", bigint_to_string, 0);
  js_def_method(vm, proto, "valueOf", bigint_value_of, 0);
  // @@toStringTag is read-only but configurable (§21.2.3.5).
  js_define_value(vm, proto, vm->symbol[JS_SYMBOL_toStringTag], js_atom(vm, "BigInt"),
                  JS_ATTR_CONFIGURABLE);
  js_def_value(vm, vm->realm->global, "BigInt", ctor, JS_ATTR_METHOD);
}
