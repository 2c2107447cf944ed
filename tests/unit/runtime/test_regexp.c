/*
 * tests/unit/runtime/test_regexp.c — the RegExp engine below the
 * builtins (runtime/regexp.h): code point sets stay normalized through
 * every operation, the two Canonicalize functions and their case
 * classes, \p{...} lookups, and rx_compile/rx_exec on their own (groups,
 * sticky starts, the explicit stack's overflow turning into RangeError).
 */
#include <stdlib.h>

#include "runtime/regexp.h"
#include "runtime/runtime.h"
#include "tests/unit/check.h"

static JSVM *vm;

// Whether s is exactly the ranges given as lo, hi pairs.
static bool set_is(const RxSet *s, const uint32_t *r, uint32_t n) {
  if (s->n != n) return false;
  for (uint32_t i = 0; i < 2 * n; i++)
    if (s->r[i] != r[i]) return false;
  return true;
}

static void test_sets(void) {
  RxSet s, t;
  rx_set_init(&s);
  rx_set_init(&t);
  // Out-of-order, overlapping and adjacent ranges merge into one.
  rx_set_add(&s, 10, 20);
  rx_set_add(&s, 30, 40);
  rx_set_add(&s, 21, 29);
  CHECK(set_is(&s, (uint32_t[]){10, 40}, 1));
  rx_set_add(&s, 50, 50);
  rx_set_add(&s, 0, 5);
  CHECK(set_is(&s, (uint32_t[]){0, 5, 10, 40, 50, 50}, 3));
  // One range swallowing several.
  rx_set_add(&s, 3, 45);
  CHECK(set_is(&s, (uint32_t[]){0, 45, 50, 50}, 2));
  CHECK(rx_set_has(&s, 45) && !rx_set_has(&s, 46) && rx_set_has(&s, 50));
  CHECK(rx_set_size(&s) == 47);
  rx_set_invert(&s, 100);
  CHECK(set_is(&s, (uint32_t[]){46, 49, 51, 100}, 2));
  rx_set_add(&t, 48, 60);
  RxSet u;
  rx_set_init(&u);
  rx_set_copy(&u, &s);
  rx_set_intersect(&u, &t);
  CHECK(set_is(&u, (uint32_t[]){48, 49, 51, 60}, 2));
  rx_set_subtract(&s, &t);
  CHECK(set_is(&s, (uint32_t[]){46, 47, 61, 100}, 2));
  // The complement of nothing is everything.
  RxSet e;
  rx_set_init(&e);
  rx_set_invert(&e, RX_MAX_CP);
  CHECK(set_is(&e, (uint32_t[]){0, RX_MAX_CP}, 1));
  rx_set_free(&s);
  rx_set_free(&t);
  rx_set_free(&u);
  rx_set_free(&e);
}

static void test_case_folding(void) {
  // With u: simple case folding (lower case, and the special letters).
  CHECK(rx_canon('A', true) == 'a' && rx_canon('a', true) == 'a');
  CHECK(rx_canon(0x17F, true) == 's' && rx_canon(0x212A, true) == 'k');
  CHECK(rx_canon(0x1E9E, true) == 0xDF);
  CHECK(rx_canon(0x10400, true) == 0x10428);
  // Without u: toUpperCase, never from non-ASCII to ASCII.
  CHECK(rx_canon('a', false) == 'A' && rx_canon(0x17F, false) == 0x17F);
  CHECK(rx_canon(0xDF, false) == 0xDF);  // "SS" is two units
  CHECK(rx_canon(0x3C2, false) == 0x3A3);
  uint32_t orbit[8];
  int n = rx_case_orbit('k', true, orbit, 8);
  CHECK(n == 3);
  n = rx_case_orbit('k', false, orbit, 8);
  CHECK(n == 2);
  // Closing {a} under case adds A; {k} with u adds K and U+212A.
  RxSet s;
  rx_set_init(&s);
  rx_set_add(&s, 'k', 'k');
  rx_set_close_case(&s, true);
  CHECK(rx_set_has(&s, 'K') && rx_set_has(&s, 0x212A) && rx_set_size(&s) == 3);
  // The v flag's folded space: U+212A folds onto k.
  rx_set_canonicalize(&s);
  CHECK(set_is(&s, (uint32_t[]){'k', 'k'}, 1));
  rx_set_free(&s);
}

static void test_properties(void) {
  RxSet s;
  rx_set_init(&s);
  CHECK(rx_property("Lu", 2, &s) == 1);
  CHECK(rx_set_has(&s, 'A') && !rx_set_has(&s, 'a') && rx_set_has(&s, 0x391));
  s.n = 0;
  CHECK(rx_property("Script=Greek", 12, &s) == 1);
  CHECK(rx_set_has(&s, 0x3B1) && !rx_set_has(&s, 'a'));
  s.n = 0;
  CHECK(rx_property("L", 1, &s) == 1 && rx_set_has(&s, 'a') && rx_set_has(&s, 'A'));
  s.n = 0;
  CHECK(rx_property("ASCII_Hex_Digit", 15, &s) == 1 && rx_set_size(&s) == 22);
  CHECK(rx_property("NotAProperty", 12, &s) == 0);
  CHECK(rx_property("Script=Nope", 11, &s) == 0);
  RxStrings strs = {0};
  s.n = 0;
  CHECK(rx_string_property("RGI_Emoji_Flag_Sequence", 23, &s, &strs) == 1);
  CHECK(strs.nwords > 0 && strs.words[0] == 2);
  free(strs.words);
  rx_set_free(&s);
}

// Compile pattern (ASCII) under flags; the program's JSBytes.
static JSValue compile(const char *pattern, uint32_t flags) {
  JSValue names;
  return rx_compile(vm, js_string_from_cstr(vm, pattern), flags, &names);
}

static void test_exec(void) {
  int32_t caps[8];
  JSValue p = compile("(a+)(b)?c", 0);
  CHECK(!js_is_exception(p));
  JSString *s = js_str(js_string_from_cstr(vm, "xxaac"));
  CHECK(rx_exec(vm, rx_program(p), s, 0, false, caps) == 1);
  CHECK(caps[0] == 2 && caps[1] == 5 && caps[2] == 2 && caps[3] == 4 && caps[4] == -1);
  // Sticky: only at the start given.
  CHECK(rx_exec(vm, rx_program(p), s, 0, true, caps) == 0);
  CHECK(rx_exec(vm, rx_program(p), s, 2, true, caps) == 1);
  // Lookbehind runs backwards; its group is still start < end.
  p = compile("(?<=(a+))c", 0);
  CHECK(rx_exec(vm, rx_program(p), s, 0, false, caps) == 1);
  CHECK(caps[0] == 4 && caps[2] == 2 && caps[3] == 4);
  // A bad pattern is a SyntaxError.
  CHECK(js_is_exception(compile("(", 0)));
  js_take_exception(vm);
  // Too many backtracking records: RangeError, not a crash.
  JSValue big = js_string_from_cstr(vm, "x");
  for (int i = 0; i < 24; i++) big = js_string_concat(vm, big, big);
  p = compile("(?:(x)|y)*", 0);
  CHECK(rx_exec(vm, rx_program(p), js_string_flat(vm, js_str(big)), 0, false, caps) == -1);
  CHECK(vm->has_exception);
  js_take_exception(vm);
  // Linear code only without backreferences and lookarounds.
  CHECK(rx_program(compile("(a+)+b", 0))->lin_pc != 0);
  CHECK(rx_program(compile("(a)\\1", 0))->lin_pc == 0);
  CHECK(rx_program(compile("a(?=b)", 0))->lin_pc == 0);
  // Exponential for the backtracker: its budget runs out, the linear
  // matcher answers (2^40 steps otherwise).
  p = compile("(a+)+b|(a)$", 0);
  s = js_str(js_string_from_cstr(vm, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
  CHECK(rx_exec(vm, rx_program(p), s, 0, false, caps) == 1);
  CHECK(caps[0] == 39 && caps[1] == 40 && caps[2] == -1 && caps[4] == 39);
  // A budget of 0: the linear matcher alone, sticky starts included.
  vm->regexp_fallback_set = true;
  vm->regexp_backtracks_before_fallback = 0;
  p = compile("(a+)(b)?c", 0);
  s = js_str(js_string_from_cstr(vm, "xxaac"));
  CHECK(rx_exec(vm, rx_program(p), s, 0, false, caps) == 1);
  CHECK(caps[0] == 2 && caps[1] == 5 && caps[2] == 2 && caps[3] == 4 && caps[4] == -1);
  CHECK(rx_exec(vm, rx_program(p), s, 0, true, caps) == 0);
  CHECK(rx_exec(vm, rx_program(p), s, 2, true, caps) == 1);
  vm->regexp_fallback_set = false;
}

int main(void) {
  vm = js_vm_new();
  test_sets();
  test_case_folding();
  test_properties();
  test_exec();
  return check_report(__FILE__);
}
