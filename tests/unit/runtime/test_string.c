/*
 * tests/unit/runtime/test_string.c — strings (runtime/string.c) and
 * conversions (runtime/convert.c): ropes and their flattening (including
 * million-deep chains), interning and array-index detection, WTF-8, hash
 * equality across widths, the builder, ordering, and the ToNumber /
 * ToString / ToPropertyKey / ToInt32 / equality / typeof tables.
 */
#include <math.h>
#include <stddef.h>
#include <stdlib.h>

#include "runtime/runtime.h"
#include "tests/unit/check.h"

static JSVM *vm;

// A string from a C literal (UTF-8).
static JSValue S(const char *s) { return js_string_from_cstr(vm, s); }

// A string's WTF-8 text; a small ring of buffers keeps CHECK_STR simple
// without leaking one allocation per check.
static const char *U(JSValue v) {
  static char *ring[8];
  static int next;
  free(ring[next]);
  ring[next] = js_string_utf8(vm, v, NULL);
  const char *r = ring[next];
  next = (next + 1) % 8;
  return r;
}

// A flat two-byte string holding units u (even when all fit in one byte:
// the runtime must not care about the width). The units run past the
// union in the header, so they are written through a plain pointer.
static JSValue two_byte(const uint16_t *u, uint32_t n) {
  JSString *s = js_string_alloc(vm, n, true);
  memcpy((char *)s + offsetof(JSString, u), u, n * sizeof *u);
  return js_val(s);
}

// Drop a pending exception, saying whether there was one.
static bool threw(void) {
  bool had = vm->has_exception;
  if (had) js_take_exception(vm);
  return had;
}

// Drop a pending exception, saying whether its message was msg.
static bool threw_with(const char *msg) {
  if (!vm->has_exception) return false;
  JSValue e = js_take_exception(vm);
  JSValue m = js_get(vm, e, vm->atom[JS_ATOM_message]);
  return js_is_string(m) && strcmp(U(m), msg) == 0;
}

/* {==== Ropes ====} */

static void test_concat_basics(void) {
  JSValue e = S(""), a = S("abc");
  CHECK(js_same_bits(js_string_concat(vm, e, a), a));  // empty side: the other
  CHECK(js_same_bits(js_string_concat(vm, a, e), a));
  JSValue shortv = js_string_concat(vm, S("ab"), S("cd"));
  CHECK(!(js_str(shortv)->flags & JS_STR_CONS));       // short: copied flat
  CHECK_STR(U(shortv), "abcd");
  JSValue c = js_string_concat(vm, S("hello, "), S("world!"));
  CHECK(js_str(c)->flags & JS_STR_CONS);               // 13 units: a cons
  CHECK(js_string_length(c) == 13);
  JSString *f = js_string_flat(vm, js_str(c));
  CHECK(!(f->flags & JS_STR_CONS));
  CHECK(memcmp(f->u.c8, "hello, world!", 13) == 0);
  // Flattened in place: the cons now points at its flat copy.
  CHECK(js_str(c)->u.cons.left == f && js_str(c)->u.cons.right == NULL);
  CHECK(js_string_flat(vm, js_str(c)) == f);
  CHECK(js_string_char_code(vm, c, 7) == 'w');
  // A two-byte half makes a two-byte result.
  JSValue w = js_string_concat(vm, S("0123456789"), S("\xC4\x80xyz"));
  CHECK(js_str(w)->flags & JS_STR_TWO_BYTE);
  CHECK_STR(U(w), "0123456789\xC4\x80xyz");
}

// n concatenations of one-char strings, appended (left-nested) or
// prepended (right-nested); the expected text is built alongside.
static void deep_chain(uint32_t n, bool left) {
  char *want = malloc(n + 1);
  JSValue s = S("");
  for (uint32_t i = 0; i < n; i++) {
    uint8_t c = (uint8_t)('a' + i % 26);
    JSValue one = vm->single_char[c];
    s = left ? js_string_concat(vm, s, one) : js_string_concat(vm, one, s);
    want[left ? i : n - 1 - i] = (char)c;
  }
  want[n] = 0;
  CHECK(js_string_length(s) == n);
  JSString *f = js_string_flat(vm, js_str(s));
  CHECK(f->length == n && !(f->flags & JS_STR_CONS));
  CHECK(memcmp(f->u.c8, want, n) == 0);
  free(want);
}

// Nodes whose two halves are both ropes make the flattener keep a stack;
// 3000 of them in a row outgrow its inline part.
static void test_bushy_rope(void) {
  JSValue t = js_string_concat(vm, S("0123456789"), S("ABCDEFGHIJ"));  // a cons
  JSValue s = js_string_concat(vm, S("start-of-rope"), S("!"));
  for (int i = 0; i < 3000; i++) s = js_string_concat(vm, s, t);
  CHECK(js_string_length(s) == 14 + 3000 * 20);
  char *u = js_string_utf8(vm, s, NULL);
  CHECK(strncmp(u, "start-of-rope!0123456789ABCDEFGHIJ0123", 38) == 0);
  CHECK(strcmp(u + strlen(u) - 20, "0123456789ABCDEFGHIJ") == 0);
  free(u);
}

static void test_too_long(void) {
  // Ropes make huge lengths cheap: doubling reaches the limit quickly.
  JSValue s = S("0123456789abcdef");
  int steps = 0;
  while (!js_is_exception(s) && steps < 40) s = js_string_concat(vm, s, s), steps++;
  CHECK(js_is_exception(s) && threw_with("Invalid string length"));
  CHECK(steps == 26);  // 16 * 2^26 = 2^30 > JS_STRING_MAX_LENGTH
}

/* {==== Interning ====} */

static void test_interning(void) {
  JSValue a = js_atom(vm, "hello");
  CHECK(js_same_bits(a, js_atom(vm, "hello")));
  CHECK(js_str(a)->flags & JS_STR_INTERNED);
  CHECK(js_same_bits(js_intern(vm, S("hello")), a));
  CHECK(js_same_bits(js_intern(vm, js_string_concat(vm, S("hel"), S("lo"))), a));
  // A two-byte spelling of the same text is the same key.
  const uint16_t hello16[] = {'h', 'e', 'l', 'l', 'o'};
  CHECK(js_same_bits(js_intern(vm, two_byte(hello16, 5)), a));
  // A flat string not yet interned becomes the instance itself.
  JSValue fresh = S("never-seen-before");
  CHECK(js_same_bits(js_intern(vm, fresh), fresh));
  CHECK(js_same_bits(js_atom(vm, "never-seen-before"), fresh));
  // A long rope interns to its flat copy.
  JSValue rope = js_string_concat(vm, S("a-rather-long-"), S("key-name"));
  JSValue r = js_intern(vm, rope);
  CHECK(!(js_str(r)->flags & JS_STR_CONS));
  CHECK(js_same_bits(js_atom(vm, "a-rather-long-key-name"), r));
  CHECK(js_same_bits(js_atom(vm, "x"), vm->single_char['x']));
  CHECK(js_same_bits(js_atom(vm, "\xC3\xA9t\xC3\xA9"), js_atom(vm, "\xC3\xA9t\xC3\xA9")));
  // Many atoms force the table to grow; identity survives.
  char buf[32];
  for (int i = 0; i < 5000; i++) snprintf(buf, sizeof buf, "k%d", i), js_atom(vm, buf);
  CHECK(js_same_bits(js_atom(vm, "hello"), a));
  CHECK(js_same_bits(js_atom(vm, "k1234"), js_intern(vm, S("k1234"))));
}

static bool is_index(const char *s, uint32_t want) {
  JSString *i = js_str(js_atom(vm, s));
  return (i->flags & JS_STR_INDEX) && !(i->flags & JS_STR_NOT_INDEX) && i->index == want;
}
static bool not_index(const char *s) {
  JSString *i = js_str(js_atom(vm, s));
  return (i->flags & JS_STR_NOT_INDEX) && !(i->flags & JS_STR_INDEX);
}

static void test_index_detection(void) {
  CHECK(is_index("0", 0));
  CHECK(is_index("42", 42));
  CHECK(is_index("4294967294", 4294967294u));
  CHECK(is_index("2147483648", 2147483648u));
  CHECK(not_index("4294967295"));
  CHECK(not_index("99999999999"));
  CHECK(not_index("01"));
  CHECK(not_index("-0"));
  CHECK(not_index("1.5"));
  CHECK(not_index(""));
  CHECK(not_index("1e3"));
  CHECK(not_index(" 1"));
}

/* {==== WTF-8, hashing, comparison ====} */

static void test_utf8(void) {
  JSValue e = S("h\xC3\xA9llo");            // é: one unit, stays one-byte
  CHECK(js_string_length(e) == 5 && !(js_str(e)->flags & JS_STR_TWO_BYTE));
  CHECK_STR(U(e), "h\xC3\xA9llo");
  JSValue euro = S("\xE2\x82\xAC");          // U+20AC: two-byte
  CHECK(js_string_length(euro) == 1 && js_string_char_code(vm, euro, 0) == 0x20AC);
  JSValue astral = S("a\xF0\x9F\x98\x80" "b");  // U+1F600: a surrogate pair
  CHECK(js_string_length(astral) == 4);
  CHECK(js_string_char_code(vm, astral, 1) == 0xD83D);
  CHECK(js_string_char_code(vm, astral, 2) == 0xDE00);
  CHECK_STR(U(astral), "a\xF0\x9F\x98\x80" "b");
  // Lone surrogates round-trip as 3-byte sequences.
  JSValue lone = S("x\xED\xA0\x80y\xED\xB0\x80");
  CHECK(js_string_length(lone) == 4);
  CHECK(js_string_char_code(vm, lone, 1) == 0xD800);
  CHECK(js_string_char_code(vm, lone, 3) == 0xDC00);
  CHECK_STR(U(lone), "x\xED\xA0\x80y\xED\xB0\x80");
  // A reversed pair is two lone surrogates, not a character.
  uint16_t rev[] = {0xDE00, 0xD83D};
  CHECK_STR(U(js_string_from_utf16(vm, rev, 2)), "\xED\xB8\x80\xED\xA0\xBD");
  // Invalid bytes each become U+FFFD; the byte after a cut sequence stays.
  CHECK_STR(U(S("a\x80" "b")), "a\xEF\xBF\xBD" "b");
  CHECK_STR(U(S("\xFF")), "\xEF\xBF\xBD");
  CHECK_STR(U(S("\xC3" "A")), "\xEF\xBF\xBD" "A");
  CHECK_STR(U(S("\xE0\x80\x80")), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong
  size_t n = 0;
  char *z = js_string_utf8(vm, js_string_from_latin1(vm, (const uint8_t *)"a\0b", 3), &n);
  CHECK(n == 3 && z[1] == 0 && z[2] == 'b');
  free(z);
  // from_utf16 narrows when it can.
  uint16_t narrow[] = {'a', 0xE9, 'z'};
  CHECK(!(js_str(js_string_from_utf16(vm, narrow, 3))->flags & JS_STR_TWO_BYTE));
}

static void test_hash(void) {
  const uint16_t units[] = {'a', 0xE9, 'c'};
  JSString *w = js_str(two_byte(units, 3));
  uint8_t b[] = {'a', 0xE9, 'c'};
  JSValue one = js_string_from_latin1(vm, b, 3);
  uint32_t h = js_string_hash(vm, w);
  CHECK(h != 0 && h == js_string_hash(vm, js_str(one)));
  CHECK(js_string_equal(vm, js_val(w), one));
  CHECK(js_str(one)->hash == h);  // cached
  JSValue rope = js_string_concat(vm, S("0123456789"), S("abcdef"));
  CHECK(js_string_hash(vm, js_str(rope)) == js_string_hash(vm, js_str(S("0123456789abcdef"))));
  CHECK(js_string_hash(vm, js_str(S(""))) != 0);
  CHECK(!js_string_equal(vm, S("abc"), S("abd")));
  CHECK(!js_string_equal(vm, S("abc"), S("ab")));
}

static void test_compare(void) {
  CHECK(js_string_compare(vm, S("a"), S("b")) < 0);
  CHECK(js_string_compare(vm, S("b"), S("a")) > 0);
  CHECK(js_string_compare(vm, S("a"), S("ab")) < 0);
  CHECK(js_string_compare(vm, S(""), S("a")) < 0);
  CHECK(js_string_compare(vm, S("abc"), S("abc")) == 0);
  CHECK(js_string_compare(vm, S("\xC4\x80"), S("z")) > 0);   // U+0100 > 'z'
  // Code-unit order: U+1F600 (0xD83D ...) sorts before U+FFFF.
  CHECK(js_string_compare(vm, S("\xF0\x9F\x98\x80"), S("\xEF\xBF\xBF")) < 0);
  JSValue s = S("hello, world");
  CHECK_STR(U(js_string_substring(vm, s, 7, 12)), "world");
  CHECK_STR(U(js_string_substring(vm, s, 7, 99)), "world");  // clamped
  CHECK(js_string_length(js_string_substring(vm, s, 9, 3)) == 0);
  CHECK_STR(U(js_string_substring(vm, S("\xE2\x82\xAC" "ab"), 1, 3)), "ab");
}

/* {==== The builder and symbols ====} */

static void test_builder(void) {
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  js_sb_ascii(&sb, "caf");
  js_sb_char(&sb, 0xE9);
  CHECK(!sb.two_byte);
  js_sb_char(&sb, 0x100);                  // widens, keeping what came before
  CHECK(sb.two_byte);
  js_sb_codepoint(&sb, 0x1F600);
  js_sb_printf(&sb, "-%d-%s", 42, "\xC3\xA9");
  js_sb_string(&sb, js_string_concat(vm, S("0123456789"), S("ABC")));
  JSValue r = js_sb_finish(&sb);
  CHECK_STR(U(r), "caf\xC3\xA9\xC4\x80\xF0\x9F\x98\x80-42-\xC3\xA9" "0123456789ABC");
  // Long printf output takes the heap path.
  js_sb_init(&sb, vm);
  js_sb_printf(&sb, "%0300d", 7);
  r = js_sb_finish(&sb);
  CHECK(js_string_length(r) == 300 && js_string_char_code(vm, r, 299) == '7');
  // A one-byte builder stays one-byte, even with two-byte-stored input.
  js_sb_init(&sb, vm);
  const uint16_t ok16[] = {'o', 'k'};
  js_sb_string(&sb, two_byte(ok16, 2));
  CHECK(!sb.two_byte);
  CHECK_STR(U(js_sb_finish(&sb)), "ok");
  // Past the maximum length: finish throws (no memory is touched).
  js_sb_init(&sb, vm);
  js_sb_ascii(&sb, "x");
  js_sb_latin1(&sb, (const uint8_t *)"", (size_t)JS_STRING_MAX_LENGTH);
  CHECK(sb.failed);
  CHECK(js_is_exception(js_sb_finish(&sb)) && threw_with("Invalid string length"));
}

static void test_symbols(void) {
  JSValue a = js_new_symbol(vm, S("desc")), b = js_new_symbol(vm, JS_UNDEFINED);
  CHECK(js_is_symbol(a) && js_is_symbol(b) && !js_same_bits(a, b));
  JSSymbol *sa = js_heap(a), *sb = js_heap(b);
  CHECK(sa->hash && sb->hash && sa->hash != sb->hash);
  CHECK(js_is_undefined(sb->description));
  CHECK_STR(U(sa->description), "desc");
}

/* {==== Conversions ====} */

static double num(JSValue v) {
  double d = -12345;
  if (!js_to_number(vm, v, &d)) threw();
  return d;
}

static void test_to_number(void) {
  CHECK(num(S("42")) == 42);
  CHECK(num(S(" \n12.5\t")) == 12.5);
  CHECK(num(S("")) == 0);
  CHECK(num(S("0x10")) == 16);
  CHECK(isnan(num(S("abc"))));
  CHECK(num(S("-Infinity")) == -INFINITY);
  CHECK(num(S("\xE2\x80\x83" "7")) == 7);  // em space (two-byte) trimmed
  CHECK(num(JS_NULL) == 0 && num(JS_TRUE) == 1 && num(JS_FALSE) == 0);
  CHECK(isnan(num(JS_UNDEFINED)));
  CHECK(num(js_from_int32(-3)) == -3 && num(js_from_double(2.5)) == 2.5);
  double d;
  CHECK(!js_to_number(vm, js_new_symbol(vm, JS_UNDEFINED), &d) &&
        threw_with("Cannot convert a Symbol value to a number"));
  JSValue n = js_to_numeric(vm, S("7"));
  CHECK(js_is_int32(n) && js_int32(n) == 7);
}

static void test_to_string(void) {
  CHECK_STR(U(js_to_string(vm, js_from_double(1.5))), "1.5");
  CHECK_STR(U(js_to_string(vm, js_from_double(-0.0))), "0");
  CHECK_STR(U(js_to_string(vm, js_from_double(1e21))), "1e+21");
  CHECK_STR(U(js_to_string(vm, js_from_double(NAN))), "NaN");
  CHECK_STR(U(js_to_string(vm, js_from_double(-INFINITY))), "-Infinity");
  CHECK_STR(U(js_to_string(vm, js_from_double(0.1 + 0.2))), "0.30000000000000004");
  CHECK_STR(U(js_to_string(vm, js_from_int32(-5))), "-5");
  CHECK_STR(U(js_to_string(vm, js_from_int32(INT32_MIN))), "-2147483648");
  CHECK(js_same_bits(js_to_string(vm, js_from_int32(7)), vm->single_char['7']));
  CHECK(js_same_bits(js_to_string(vm, js_from_double(3.0)), vm->single_char['3']));
  CHECK_STR(U(js_to_string(vm, js_from_double(4294967295.0))), "4294967295");
  CHECK_STR(U(js_to_string(vm, JS_NULL)), "null");
  CHECK_STR(U(js_to_string(vm, JS_UNDEFINED)), "undefined");
  CHECK_STR(U(js_to_string(vm, JS_TRUE)), "true");
  CHECK(js_is_exception(js_to_string(vm, js_new_symbol(vm, JS_UNDEFINED))) &&
        threw_with("Cannot convert a Symbol value to a string"));
}

static bool key_is(JSValue key, double want) {
  return js_is_number(key) && js_number_value(key) == want;
}

static void test_property_keys(void) {
  CHECK(key_is(js_to_property_key(vm, S("42")), 42));
  CHECK(js_is_int32(js_to_property_key(vm, S("42"))));
  CHECK(key_is(js_to_property_key(vm, js_from_double(42.0)), 42));
  CHECK(key_is(js_to_property_key(vm, js_from_double(-0.0)), 0));
  CHECK(key_is(js_to_property_key(vm, S("4294967294")), 4294967294.0));
  CHECK(key_is(js_to_property_key(vm, js_from_double(4294967294.0)), 4294967294.0));
  JSValue k = js_to_property_key(vm, js_from_double(4294967295.0));
  CHECK(js_is_string(k) && js_same_bits(k, js_atom(vm, "4294967295")));
  k = js_to_property_key(vm, js_from_double(1.5));
  CHECK(js_same_bits(k, js_atom(vm, "1.5")));
  k = js_to_property_key(vm, js_from_int32(-1));
  CHECK(js_same_bits(k, js_atom(vm, "-1")));
  CHECK(js_same_bits(js_to_property_key(vm, S("-0")), js_atom(vm, "-0")));
  CHECK(js_same_bits(js_to_property_key(vm, S("01")), js_atom(vm, "01")));
  CHECK(js_same_bits(js_to_property_key(vm, JS_NULL), js_atom(vm, "null")));
  CHECK(js_same_bits(js_to_property_key(vm, js_string_concat(vm, S("some-long-"), S("name"))),
                     js_atom(vm, "some-long-name")));
  JSValue sym = js_new_symbol(vm, JS_UNDEFINED);
  CHECK(js_same_bits(js_to_property_key(vm, sym), sym));
  CHECK_STR(U(js_key_to_string(vm, js_index_key(4294967294u))), "4294967294");
  CHECK_STR(U(js_key_to_string(vm, js_index_key(12))), "12");
  CHECK(js_same_bits(js_key_to_string(vm, js_atom(vm, "x")), js_atom(vm, "x")));
}

static int32_t i32(double d) {
  int32_t r = 0;
  CHECK(js_to_int32(vm, js_from_double(d), &r));
  return r;
}

static void test_integers(void) {
  CHECK(i32(4294967296.0 + 5) == 5);
  CHECK(i32(-1) == -1);
  CHECK(i32(2147483648.0) == INT32_MIN);
  CHECK(i32(-2147483649.0) == INT32_MAX);
  CHECK(i32(NAN) == 0 && i32(INFINITY) == 0 && i32(-INFINITY) == 0);
  CHECK(i32(1e20) == 1661992960 && i32(-1e20) == -1661992960);
  CHECK(i32(3.9) == 3 && i32(-3.9) == -3);
  CHECK(i32(12884901895.9) == 7);
  CHECK(js_double_to_int32(9007199254740994.0) == 2);
  uint32_t u = 0;
  CHECK(js_to_uint32(vm, js_from_int32(-1), &u) && u == 4294967295u);
  CHECK(js_to_uint32(vm, js_from_double(-2147483649.0), &u) && u == 2147483647u);
  CHECK(js_to_uint32(vm, S("4294967297"), &u) && u == 1);
  double d;
  CHECK(js_to_integer_or_infinity(vm, js_from_double(-0.5), &d) && d == 0 && !signbit(d));
  CHECK(js_to_integer_or_infinity(vm, js_from_double(NAN), &d) && d == 0);
  CHECK(js_to_integer_or_infinity(vm, js_from_double(-INFINITY), &d) && d == -INFINITY);
  CHECK(js_to_length(vm, js_from_double(-5), &d) && d == 0);
  CHECK(js_to_length(vm, js_from_double(1e300), &d) && d == 9007199254740991.0);
  CHECK(js_to_length(vm, S("3.7"), &d) && d == 3);
  CHECK(js_to_index(vm, JS_UNDEFINED, &d) && d == 0);
  CHECK(js_to_index(vm, js_from_double(8.5), &d) && d == 8);
  CHECK(!js_to_index(vm, js_from_int32(-1), &d) && threw_with("Invalid index"));
  CHECK(!js_to_index(vm, js_from_double(1e300), &d) && threw());
}

static void test_equality(void) {
  JSValue nan = js_from_double(NAN), pz = js_from_double(0.0), nz = js_from_double(-0.0);
  JSValue one_i = js_from_int32(1), one_d = js_from_double(1.0);
  // SameValue: NaN is NaN, zeros differ; SameValueZero: zeros equal.
  CHECK(js_same_value(nan, nan) && !js_same_value(pz, nz) && js_same_value(one_i, one_d));
  CHECK(js_same_value_zero(nan, nan) && js_same_value_zero(pz, nz));
  CHECK(js_same_value_zero(js_from_int32(0), nz));
  CHECK(js_same_value(S("abc"), js_string_concat(vm, S("a"), S("bc"))));
  CHECK(!js_same_value(S("1"), one_i));
  // ===: IEEE numbers, strings by content.
  CHECK(!js_strict_equals(vm, nan, nan) && js_strict_equals(vm, pz, nz));
  CHECK(js_strict_equals(vm, one_i, one_d));
  JSValue rope = js_string_concat(vm, S("0123456789"), S("abcdef"));
  CHECK(js_strict_equals(vm, rope, S("0123456789abcdef")));
  CHECK(!js_strict_equals(vm, S("1"), one_i));
  CHECK(!js_strict_equals(vm, JS_NULL, JS_UNDEFINED));
  // ==: the coercions.
  CHECK(js_loose_equals(vm, S("1"), one_i) == 1);
  CHECK(js_loose_equals(vm, one_d, S("1.0")) == 1);
  CHECK(js_loose_equals(vm, JS_NULL, JS_UNDEFINED) == 1);
  CHECK(js_loose_equals(vm, JS_NULL, js_from_int32(0)) == 0);
  CHECK(js_loose_equals(vm, JS_UNDEFINED, JS_FALSE) == 0);
  CHECK(js_loose_equals(vm, S(""), js_from_int32(0)) == 1);
  CHECK(js_loose_equals(vm, S(" \n"), js_from_int32(0)) == 1);
  CHECK(js_loose_equals(vm, nan, nan) == 0);
  CHECK(js_loose_equals(vm, JS_TRUE, one_i) == 1);
  CHECK(js_loose_equals(vm, JS_TRUE, S("1")) == 1);
  CHECK(js_loose_equals(vm, JS_FALSE, S("0")) == 1);
  CHECK(js_loose_equals(vm, JS_TRUE, js_from_int32(2)) == 0);
  CHECK(js_loose_equals(vm, S("a"), S("a")) == 1);
  JSValue sym = js_new_symbol(vm, JS_UNDEFINED);
  CHECK(js_loose_equals(vm, sym, sym) == 1);
  CHECK(js_loose_equals(vm, sym, js_new_symbol(vm, JS_UNDEFINED)) == 0);
  CHECK(js_to_boolean(S("0")) && !js_to_boolean(S("")) && !js_to_boolean(nz));
  CHECK(!js_to_boolean(nan) && js_to_boolean(sym) && !js_to_boolean(JS_NULL));
}

// Natives for the object cases: valueOf gives 42, toString "str", an
// @@toPrimitive method hands back its hint, a bad one returns an object.
static JSValue value_of_42(JSVM *v, JSValue self, int argc, JSValue *argv, JSValue nt) {
  return js_from_int32(42);
}
static JSValue to_string_str(JSVM *v, JSValue self, int argc, JSValue *argv, JSValue nt) {
  return S("str");
}
static JSValue echo_hint(JSVM *v, JSValue self, int argc, JSValue *argv, JSValue nt) {
  return js_arg(0);
}
static JSValue give_object(JSVM *v, JSValue self, int argc, JSValue *argv, JSValue nt) {
  return self;
}

// Objects in the conversion and equality tables: OrdinaryToPrimitive's
// two orders, @@toPrimitive with its hints, and the TypeErrors.
static void test_to_primitive(void) {
  JSValue o = js_new_object(vm);
  js_def_method(vm, o, "valueOf", value_of_42, 0);
  js_def_method(vm, o, "toString", to_string_str, 0);
  CHECK(num(o) == 42);                                  // number: valueOf first
  CHECK_STR(U(js_to_string(vm, o)), "str");             // string: toString first
  CHECK(js_same_bits(js_to_property_key(vm, o), js_atom(vm, "str")));
  CHECK(js_loose_equals(vm, o, js_from_int32(42)) == 1);  // default: valueOf
  CHECK(js_loose_equals(vm, o, S("42")) == 1);
  CHECK(js_loose_equals(vm, o, S("str")) == 0);
  CHECK(js_loose_equals(vm, o, o) == 1);
  CHECK(js_loose_equals(vm, o, js_new_object(vm)) == 0);
  CHECK(js_loose_equals(vm, o, JS_NULL) == 0);
  CHECK(js_loose_equals(vm, o, JS_UNDEFINED) == 0);
  CHECK(js_strict_equals(vm, o, o) && !js_strict_equals(vm, o, js_from_int32(42)));
  JSValue n = js_to_numeric(vm, o);
  CHECK(js_is_int32(n) && js_int32(n) == 42);
  // No valueOf or toString at all (null prototype): a TypeError.
  JSValue bare = js_new_object_proto(vm, JS_NULL);
  CHECK(js_is_exception(js_to_primitive(vm, bare, JS_HINT_DEFAULT)) &&
        threw_with("Cannot convert object to primitive value"));
  CHECK(js_is_exception(js_to_string(vm, bare)) && threw());
  CHECK(js_loose_equals(vm, bare, js_from_int32(1)) == -1 && threw());
  // @@toPrimitive sees "default", "number" or "string".
  JSValue h = js_new_object(vm);
  js_def_method_key(vm, h, vm->symbol[JS_SYMBOL_toPrimitive], "[Symbol.toPrimitive]",
                    echo_hint, 1);
  CHECK_STR(U(js_to_string(vm, h)), "string");
  CHECK_STR(U(js_to_primitive(vm, h, JS_HINT_NUMBER)), "number");
  CHECK(js_loose_equals(vm, h, S("default")) == 1);
  CHECK(isnan(num(h)));                                 // ToNumber("number")
  JSValue bad = js_new_object(vm);
  js_def_method_key(vm, bad, vm->symbol[JS_SYMBOL_toPrimitive], "[Symbol.toPrimitive]",
                    give_object, 1);
  CHECK(js_is_exception(js_to_primitive(vm, bad, JS_HINT_STRING)) && threw());
}

// ToObject: wrappers get the realm's prototypes and share a map per kind;
// a String wrapper owns a fixed length.
static void test_to_object(void) {
  JSValue w = js_to_object(vm, js_from_int32(5));
  CHECK(js_is_type(w, JS_TYPE_Primitive));
  CHECK(js_same_bits(((JSPrimitiveObject *)js_obj(w))->value, js_from_int32(5)));
  CHECK(js_same_bits(js_get_prototype_of(vm, w), js_intrinsic(vm, NumberPrototype)));
  CHECK(js_obj(w)->map == js_obj(js_to_object(vm, js_from_double(1.5)))->map);
  JSValue b = js_to_object(vm, JS_TRUE);
  CHECK(js_same_bits(js_get_prototype_of(vm, b), js_intrinsic(vm, BooleanPrototype)));
  JSValue sym = js_new_symbol(vm, JS_UNDEFINED);
  JSValue sw = js_to_object(vm, sym);
  CHECK(js_same_bits(js_get_prototype_of(vm, sw), js_intrinsic(vm, SymbolPrototype)));
  JSValue str = js_to_object(vm, S("abc"));
  CHECK(js_same_bits(js_get_prototype_of(vm, str), js_intrinsic(vm, StringPrototype)));
  JSValue len = js_get(vm, str, vm->atom[JS_ATOM_length]);
  CHECK(js_is_number(len) && js_number_value(len) == 3);
  JSPropDesc d;
  CHECK(js_get_own_property(vm, str, vm->atom[JS_ATOM_length], &d) == 1);
  CHECK((d.attrs & (JS_ATTR_WRITABLE | JS_ATTR_ENUMERABLE | JS_ATTR_CONFIGURABLE)) == 0);
  JSValue o = js_new_object(vm);
  CHECK(js_same_bits(js_to_object(vm, o), o));
  // With the builtins' valueOf and toString (Object, Number, String).
  CHECK_STR(U(js_to_string(vm, o)), "[object Object]");
  CHECK(js_loose_equals(vm, o, S("[object Object]")) == 1);
  CHECK(js_loose_equals(vm, w, js_from_int32(5)) == 1);
  CHECK(js_loose_equals(vm, w, S("5")) == 1);
  CHECK(js_loose_equals(vm, str, S("abc")) == 1);
  CHECK(!js_strict_equals(vm, str, S("abc")));
  CHECK(js_loose_equals(vm, b, js_from_int32(1)) == 1);
  CHECK(js_is_exception(js_to_object(vm, JS_NULL)) &&
        threw_with("Cannot convert undefined or null to object"));
  CHECK(js_is_exception(js_to_object(vm, JS_UNDEFINED)) && threw());
}

static void test_typeof(void) {
  CHECK_STR(U(js_typeof(vm, JS_UNDEFINED)), "undefined");
  CHECK_STR(U(js_typeof(vm, JS_NULL)), "object");
  CHECK_STR(U(js_typeof(vm, JS_TRUE)), "boolean");
  CHECK_STR(U(js_typeof(vm, js_from_double(1.5))), "number");
  CHECK_STR(U(js_typeof(vm, js_from_int32(1))), "number");
  CHECK_STR(U(js_typeof(vm, S("s"))), "string");
  CHECK_STR(U(js_typeof(vm, js_new_symbol(vm, JS_UNDEFINED))), "symbol");
  CHECK_STR(U(js_typeof(vm, js_new_object(vm))), "object");
  CHECK_STR(U(js_typeof(vm, js_new_native(vm, "f", echo_hint, 0, 0))), "function");
  CHECK(js_same_bits(js_typeof(vm, JS_NULL), vm->atom[JS_ATOM_object]));
}

int main(void) {
  vm = js_vm_new();
  test_concat_basics();
  deep_chain(1000000, true);
  deep_chain(1000000, false);
  test_bushy_rope();
  test_too_long();
  test_interning();
  test_index_detection();
  test_utf8();
  test_hash();
  test_compare();
  test_builder();
  test_symbols();
  test_to_number();
  test_to_string();
  test_property_keys();
  test_integers();
  test_equality();
  test_to_primitive();
  test_to_object();
  test_typeof();
  return check_report(__FILE__);
}
