/*
 * tests/unit/runtime/test_collections.c — the C API of
 * runtime/collections.h: SameValueZero keys (int32 and double forms of
 * one number, -0, NaN, strings by content, objects by identity), and
 * cursors that outlive growth, shrinking, compaction and clear() — the
 * forwarding chain of old tables that keeps Map and Set iterators right.
 */
#include <math.h>

#include "runtime/collections.h"
#include "runtime/runtime.h"
#include "tests/unit/check.h"

static JSVM *vm;

static JSValue new_map(void) {
  return js_collection_new(vm, JS_TYPE_MapObject, js_intrinsic(vm, MapPrototype));
}

static JSValue new_set(void) {
  return js_collection_new(vm, JS_TYPE_SetObject, js_intrinsic(vm, SetPrototype));
}

static JSValue I(int32_t i) { return js_from_int32(i); }

// The int32 payload of v (CHECKed to be one), for compact assertions.
static int32_t int_of(JSValue v) {
  CHECK(js_is_int32(v));
  return js_is_int32(v) ? js_int32(v) : -999;
}

// The capacity (in values) of coll's current table: tells whether a
// churn of adds and deletes kept the table small.
static uint32_t table_values(JSValue coll) {
  return ((JSArrayStore *)js_heap(((JSCollection *)js_heap(coll))->table))->length;
}

static void test_keys(void) {
  JSValue m = new_map();
  CHECK(js_collection_put(vm, m, I(1), I(10)));
  // 1.0 as a double is the same key as int32 1, and so is -0 of +0.
  CHECK(int_of(js_collection_get(vm, m, js_from_double(1.0))) == 10);
  CHECK(js_collection_put(vm, m, js_from_double(-0.0), I(20)));
  CHECK(int_of(js_collection_get(vm, m, I(0))) == 20);
  // The stored key is +0 (canonicalized), not -0.
  JSCollCursor c;
  JSValue k, v;
  js_collection_cursor(m, &c);
  CHECK(js_collection_step(&c, &k, &v) && int_of(k) == 1);
  CHECK(js_collection_step(&c, &k, &v) && js_is_int32(k) && js_int32(k) == 0);
  // NaN equals NaN; 1.5 stays a double key.
  js_collection_put(vm, m, js_from_double(NAN), I(30));
  js_collection_put(vm, m, js_from_double(1.5), I(40));
  CHECK(int_of(js_collection_get(vm, m, js_from_double(0.0 / 0.0))) == 30);
  CHECK(int_of(js_collection_get(vm, m, js_from_double(1.5))) == 40);
  // Strings by content: a concatenation (a cons) finds a flat key.
  JSValue ab = js_string_from_cstr(vm, "abcdefghijklmnopqrstuvwxyz0123456789");
  js_collection_put(vm, m, ab, I(50));
  JSValue cons = js_string_concat(vm, js_string_from_cstr(vm, "abcdefghijklmnopqr"),
                                  js_string_from_cstr(vm, "stuvwxyz0123456789"));
  CHECK(int_of(js_collection_get(vm, m, cons)) == 50);
  // Objects by identity; replacing a value keeps the entry count.
  JSValue o1 = js_new_object(vm), o2 = js_new_object(vm);
  js_collection_put(vm, m, o1, I(60));
  CHECK(js_is_hole(js_collection_get(vm, m, o2)));
  uint32_t n = js_collection_size(m);
  js_collection_put(vm, m, o1, I(61));
  CHECK(js_collection_size(m) == n && int_of(js_collection_get(vm, m, o1)) == 61);
  CHECK(js_collection_delete(vm, m, o1) && !js_collection_delete(vm, m, o1));
  CHECK(js_collection_size(m) == n - 1);
  // A Set answers with its element.
  JSValue s = new_set();
  js_collection_put(vm, s, I(7), JS_UNDEFINED);
  CHECK(int_of(js_collection_get(vm, s, js_from_double(7.0))) == 7);
}

static void test_cursor_growth_and_shrink(void) {
  JSValue s = new_set();
  for (int i = 0; i < 4; i++) js_collection_put(vm, s, I(i), JS_UNDEFINED);
  JSCollCursor c;
  JSValue k, v;
  js_collection_cursor(s, &c);
  CHECK(js_collection_step(&c, &k, &v) && int_of(k) == 0);
  // Grow through several resizes while the cursor waits at index 1.
  for (int i = 4; i < 1000; i++) js_collection_put(vm, s, I(i), JS_UNDEFINED);
  // Delete 1..899: the table shrinks (more resizes, each one compacting).
  for (int i = 1; i < 900; i++) js_collection_delete(vm, s, I(i));
  CHECK(js_collection_size(s) == 101);
  CHECK(js_collection_step(&c, &k, &v) && int_of(k) == 900);
  int count = 1;
  while (js_collection_step(&c, &k, &v)) count++;
  CHECK(count == 100 && int_of(k) == 999);
  // At the end, the cursor still sees later additions.
  js_collection_put(vm, s, I(5000), JS_UNDEFINED);
  CHECK(js_collection_step(&c, &k, &v) && int_of(k) == 5000);
  CHECK(!js_collection_step(&c, &k, &v));
}

static void test_cursor_clear(void) {
  JSValue m = new_map();
  for (int i = 0; i < 20; i++) js_collection_put(vm, m, I(i), I(i * 2));
  JSCollCursor c, fresh;
  JSValue k, v;
  js_collection_cursor(m, &c);
  js_collection_cursor(m, &fresh);
  for (int i = 0; i < 5; i++) CHECK(js_collection_step(&c, &k, &v));
  js_collection_clear(vm, m);
  CHECK(js_collection_size(m) == 0);
  // Grown again past the first table size, then compacted.
  for (int i = 100; i < 140; i++) js_collection_put(vm, m, I(i), I(i));
  for (int i = 100; i < 130; i++) js_collection_delete(vm, m, I(i));
  // Both cursors resume at the first entry added after the clear.
  CHECK(js_collection_step(&c, &k, &v) && int_of(k) == 130 && int_of(v) == 130);
  CHECK(js_collection_step(&fresh, &k, &v) && int_of(k) == 130);
  // Clearing an empty, never-used collection is a no-op for cursors.
  JSValue e = new_map();
  js_collection_cursor(e, &c);
  js_collection_clear(vm, e);
  js_collection_put(vm, e, I(1), I(1));
  CHECK(js_collection_step(&c, &k, &v) && int_of(k) == 1);
}

static void test_churn(void) {
  // One key added and removed 100000 times: tombstones are dropped by
  // same-size compactions, so the table never grows.
  JSValue s = new_set();
  uint32_t start = table_values(s);
  JSCollCursor c;
  JSValue k, v;
  js_collection_cursor(s, &c);
  for (int i = 0; i < 100000; i++) {
    js_collection_put(vm, s, I(i), JS_UNDEFINED);
    js_collection_delete(vm, s, I(i));
  }
  CHECK(table_values(s) == start);
  CHECK(js_collection_size(s) == 0);
  // The cursor created before all that followed every compaction.
  js_collection_put(vm, s, I(-1), JS_UNDEFINED);
  CHECK(js_collection_step(&c, &k, &v) && int_of(k) == -1);
}

int main(void) {
  vm = js_vm_new();
  test_keys();
  test_cursor_growth_and_shrink();
  test_cursor_clear();
  test_churn();
  return check_report(__FILE__);
}
