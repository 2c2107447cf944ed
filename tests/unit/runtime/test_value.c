/*
 * tests/unit/runtime/test_value.c — the NaN-boxed JSValue (runtime/value.h):
 * every kind round-trips, kinds never overlap, NaNs are canonical, and
 * js_from_number picks int32 exactly when the value is an int32 (not -0).
 */
#include <math.h>
#include <stdlib.h>

#include "runtime/value.h"
#include "tests/unit/check.h"

// How many of the kind predicates hold for v: exactly one must, for every
// value (heap, int32, double, or one of the immediates).
static int kinds(JSValue v) {
  return js_is_double(v) + js_is_int32(v) + js_is_heap(v) + js_is_undefined(v) +
         js_is_null(v) + js_is_bool(v) + js_is_hole(v) + js_is_uninitialized(v);
}

// Doubles are stored as themselves, including the edge cases an engine
// must keep exact: -0, infinities, denormals, the largest finite values.
static void test_doubles(void) {
  const double ds[] = {0.0, -0.0, 1.5, -1.5, 1e308, -1e308, 5e-324, -5e-324,
                       INFINITY, -INFINITY, 4294967296.0, 0.1, 9007199254740993.0};
  for (size_t i = 0; i < sizeof ds / sizeof ds[0]; i++) {
    JSValue v = js_from_double(ds[i]);
    CHECK(js_is_double(v));
    CHECK(js_is_number(v));
    CHECK(kinds(v) == 1);
    CHECK(memcmp(&ds[i], &v.bits, 8) == 0);  // bit-exact, -0 included
  }
  // -0 keeps its sign through the box.
  CHECK(signbit(js_double(js_from_double(-0.0))));
}

// Every NaN becomes the canonical one, so that no double can look like a
// tagged value (a NaN with a payload in the tag space would).
static void test_nans(void) {
  uint64_t payloads[] = {0x7FF8000000000000ull, 0xFFF8000000000000ull, 0x7FF0000000000001ull,
                         0xFFF9000012345678ull, 0xFFFFFFFFFFFFFFFFull, 0x7FFFFFFFFFFFFFFFull};
  for (size_t i = 0; i < sizeof payloads / sizeof payloads[0]; i++) {
    double d;
    memcpy(&d, &payloads[i], 8);
    JSValue v = js_from_double(d);
    CHECK(v.bits == JS_NAN_BITS);
    CHECK(js_is_double(v) && kinds(v) == 1);
    CHECK(isnan(js_double(v)));
  }
  CHECK(js_from_number(NAN).bits == JS_NAN_BITS);
}

// int32 values round-trip over the whole range, and are never doubles.
static void test_int32(void) {
  const int32_t is[] = {0, 1, -1, 42, INT32_MAX, INT32_MIN, 0x7FFF, -0x8000};
  for (size_t i = 0; i < sizeof is / sizeof is[0]; i++) {
    JSValue v = js_from_int32(is[i]);
    CHECK(js_is_int32(v) && js_is_number(v) && !js_is_double(v));
    CHECK(kinds(v) == 1);
    CHECK(js_int32(v) == is[i]);
    CHECK(js_number_value(v) == (double)is[i]);
  }
}

// js_from_number: int32 form exactly for int32 values other than -0.
static void test_from_number(void) {
  CHECK(js_is_int32(js_from_number(7.0)) && js_int32(js_from_number(7.0)) == 7);
  CHECK(js_is_int32(js_from_number(-2147483648.0)));
  CHECK(js_is_int32(js_from_number(2147483647.0)));
  CHECK(js_is_double(js_from_number(2147483648.0)));
  CHECK(js_is_double(js_from_number(-2147483649.0)));
  CHECK(js_is_double(js_from_number(0.5)));
  CHECK(js_is_double(js_from_number(-0.0)));
  CHECK(signbit(js_number_value(js_from_number(-0.0))));
  CHECK(js_is_int32(js_from_number(0.0)));
  CHECK(js_is_double(js_from_number(INFINITY)));
  CHECK(js_is_double(js_from_number(1e20)));
}

// The immediates are distinct, of their own kind, and booleans read back.
static void test_immediates(void) {
  JSValue imms[] = {JS_UNDEFINED, JS_NULL, JS_FALSE, JS_TRUE, JS_HOLE, JS_UNINITIALIZED};
  for (size_t i = 0; i < 6; i++) {
    CHECK(kinds(imms[i]) == 1);
    CHECK(!js_is_number(imms[i]) && !js_is_heap(imms[i]));
    for (size_t j = 0; j < 6; j++) CHECK(js_same_bits(imms[i], imms[j]) == (i == j));
  }
  CHECK(js_is_bool(JS_TRUE) && js_is_bool(JS_FALSE) && !js_is_bool(JS_NULL));
  CHECK(js_bool(js_from_bool(true)) && !js_bool(js_from_bool(false)));
  CHECK(js_is_nullish(JS_NULL) && js_is_nullish(JS_UNDEFINED) && !js_is_nullish(JS_FALSE));
}

// Heap pointers round-trip exactly (real malloc'd addresses, 8-aligned).
static void test_heap(void) {
  for (int i = 0; i < 100; i++) {
    void *p = malloc((size_t)(16 + i * 24));
    JSValue v = js_from_heap(p);
    CHECK(js_is_heap(v) && kinds(v) == 1 && !js_is_number(v));
    CHECK(js_heap(v) == p);
    free(p);
  }
  static double stack_object;  // a static's address works the same way
  CHECK(js_heap(js_from_heap(&stack_object)) == &stack_object);
}

int main(void) {
  test_doubles();
  test_nans();
  test_int32();
  test_from_number();
  test_immediates();
  test_heap();
  return check_report(__FILE__);
}
