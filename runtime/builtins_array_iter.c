/*
 * runtime/builtins_array_iter.c — the Array.prototype methods that visit
 * elements in order (§23.1.3): every, some, forEach, map, filter, find,
 * findIndex, findLast, findLastIndex, reduce, reduceRight, indexOf,
 * lastIndexOf, includes, flat, flatMap; sorting (sort, toSorted); and
 * the array iterator (keys, values = [@@iterator], entries, and
 * %ArrayIteratorPrototype%.next / [@@toStringTag]).
 *
 * Invariants: callbacks may change the array under the loop, so every
 * step re-reads through the js_arr_* helpers (no cached stores across a
 * call). The searching methods' fast paths run only while js_arr_dense
 * holds, and compare without calling user code (strict equality and
 * SameValueZero never do). Sorting copies the elements into a heap
 * JSArrayStore, merge-sorts it there (stable; a throwing comparator or
 * ToString aborts the sort at once and nothing is written back), then
 * writes back as SortIndexedProperties prescribes.
 */
#include "runtime/builtins_array.h"
#include "runtime/iterator.h"
#include "runtime/typedarray.h"

/* {==== every, some, forEach, map, filter ====} */

enum { VISIT_EVERY, VISIT_SOME, VISIT_FOR_EACH, VISIT_MAP, VISIT_FILTER };
static const char *const visit_names[] = {
    "Array.prototype.every", "Array.prototype.some", "Array.prototype.forEach",
    "Array.prototype.map", "Array.prototype.filter"};

// What the loop does with one callback result: 1 go on, 0 stop with the
// early answer (every/some), -1 exception.
static int visit_result(JSVM *vm, int kind, JSValue a, double k, double *to,
                        JSValue v, JSValue r) {
  // kind is a VISIT_* constant (an int: the native's magic number).
  switch (kind) {
    case VISIT_EVERY: return js_to_boolean(r) ? 1 : 0;
    case VISIT_SOME: return js_to_boolean(r) ? 0 : 1;
    case VISIT_FOR_EACH: return 1;
    case VISIT_MAP: return js_arr_create(vm, a, k, r);
    case VISIT_FILTER:
      if (!js_to_boolean(r)) return 1;
      return js_arr_create(vm, a, (*to)++, v);
  }
  return 1;
}

// The five methods share one loop (§23.1.3.6, .29, .15, .21, .8); the
// native's magic says which. Absent elements are skipped, not visited.
static JSValue array_visit(JSVM *vm, JSValue self, int argc, JSValue *argv,
                           JSValue new_target) {
  int kind = js_native_magic(vm);
  double len, to = 0;
  JSValue o = js_arr_this(vm, self, visit_names[kind], &len);
  if (js_is_exception(o)) return o;
  JSValue fn = js_arg(0), this_arg = js_arg(1), a = JS_UNDEFINED;
  // The callable check comes after LengthOfArrayLike (observable order).
  if (!js_is_callable(fn)) return js_throw_not_callable(vm, fn);
  // map's result has the source's length up front; filter's grows.
  if (kind == VISIT_MAP || kind == VISIT_FILTER) {
    a = js_arr_species_create(vm, o, kind == VISIT_MAP ? len : 0);
    if (js_is_exception(a)) return a;
  }
  // len was read once: elements appended by the callback are not seen,
  // deleted ones fail HasProperty and are skipped.
  for (double k = 0; k < len; k++) {
    if ((k = js_arr_next_present(vm, o, k, len)) >= len) break;
    int has = js_arr_has(vm, o, k);
    if (has < 0) return JS_EXCEPTION;
    if (!has) continue;
    JSValue v = js_arr_get(vm, o, k);
    if (js_is_exception(v)) return v;
    // callback(element, index, object), with this = thisArg.
    JSValue args[3] = {v, js_from_number(k), o};
    JSValue r = js_call(vm, fn, this_arg, 3, args);
    if (js_is_exception(r)) return r;
    int go = visit_result(vm, kind, a, k, &to, v, r);
    if (go < 0) return JS_EXCEPTION;
    if (go == 0) return js_from_bool(kind == VISIT_SOME);
  }
  // Ran to the end: every is true, some false, map/filter give A.
  if (kind == VISIT_EVERY || kind == VISIT_SOME) return js_from_bool(kind == VISIT_EVERY);
  return kind == VISIT_FOR_EACH ? JS_UNDEFINED : a;
}

/* {==== find, findIndex, findLast, findLastIndex ====} */

enum { FIND_VALUE = 1, FIND_LAST = 2 };
static const char *const find_names[] = {
    "Array.prototype.findIndex", "Array.prototype.find",
    "Array.prototype.findLastIndex", "Array.prototype.findLast"};

// FindViaPredicate (§23.1.3.12.1): every index is visited, holes
// included (as undefined); magic holds FIND_VALUE | FIND_LAST.
static JSValue array_find(JSVM *vm, JSValue self, int argc, JSValue *argv,
                          JSValue new_target) {
  int how = js_native_magic(vm);
  double len;
  JSValue o = js_arr_this(vm, self, find_names[how], &len);
  if (js_is_exception(o)) return o;
  JSValue fn = js_arg(0), this_arg = js_arg(1);
  if (!js_is_callable(fn)) return js_throw_not_callable(vm, fn);
  bool last = how & FIND_LAST;
  // No HasProperty here: find* visit holes too, and no skipping is
  // allowed (the predicate sees every index).
  for (double i = 0; i < len; i++) {
    double k = last ? len - 1 - i : i;
    JSValue v = js_arr_get(vm, o, k);
    if (js_is_exception(v)) return v;
    JSValue args[3] = {v, js_from_number(k), o};
    JSValue r = js_call(vm, fn, this_arg, 3, args);
    if (js_is_exception(r)) return r;
    // The answer is the value seen by the predicate, not a re-read.
    if (js_to_boolean(r)) return how & FIND_VALUE ? v : js_from_number(k);
  }
  return how & FIND_VALUE ? JS_UNDEFINED : js_from_int32(-1);
}

/* {==== reduce, reduceRight ====} */

// reduce (§23.1.3.24) and, with magic 1, reduceRight (§23.1.3.25).
static JSValue array_reduce(JSVM *vm, JSValue self, int argc, JSValue *argv,
                            JSValue new_target) {
  bool right = js_native_magic(vm);
  double len;
  JSValue o = js_arr_this(vm, self, right ? "Array.prototype.reduceRight"
                                          : "Array.prototype.reduce", &len);
  if (js_is_exception(o)) return o;
  JSValue fn = js_arg(0);
  if (!js_is_callable(fn)) return js_throw_not_callable(vm, fn);
  if (len == 0 && argc < 2)
    return js_throw_type_error(vm, "Reduce of empty array with no initial value");
  // k walks 0..len-1 (or back); step moves it, `next` skips known holes.
  double k = right ? len - 1 : 0, step = right ? -1 : 1;
  JSValue acc = JS_UNDEFINED;
  // "initialValue is present" is about the argument count: an explicit
  // undefined is a real initial value.
  bool have = argc >= 2;
  if (have) acc = argv[1];
  for (; right ? k >= 0 : k < len; k += step) {
    k = right ? js_arr_prev_present(vm, o, k) : js_arr_next_present(vm, o, k, len);
    if (right ? k < 0 : k >= len) break;
    int has = js_arr_has(vm, o, k);
    if (has < 0) return JS_EXCEPTION;
    if (!has) continue;
    JSValue v = js_arr_get(vm, o, k);
    if (js_is_exception(v)) return v;
    if (!have) {
      // No initial value: the first present element is the start.
      acc = v;
      have = true;
      continue;
    }
    // callback(accumulator, element, index, object), this undefined.
    JSValue args[4] = {acc, v, js_from_number(k), o};
    acc = js_call(vm, fn, JS_UNDEFINED, 4, args);
    if (js_is_exception(acc)) return acc;
  }
  if (!have) return js_throw_type_error(vm, "Reduce of empty array with no initial value");
  return acc;
}

/* {==== indexOf, lastIndexOf, includes ====} */

// The start index of indexOf/includes from fromIndex (steps 4-10):
// false on exception; *k >= len means "not found" at once.
static bool search_start(JSVM *vm, JSValue from, double len, double *k) {
  double n;
  // undefined gives 0; +Infinity gives a start past the end (not found),
  // -Infinity clamps to 0 like any large negative offset.
  if (!js_to_integer_or_infinity(vm, from, &n)) return false;
  if (n >= 0) {
    *k = n;
  } else {
    *k = len + n;
    if (*k < 0) *k = 0;
  }
  return true;
}

// Array.prototype.indexOf(searchElement [, fromIndex]) (§23.1.3.17).
static JSValue array_index_of(JSVM *vm, JSValue self, int argc, JSValue *argv,
                              JSValue new_target) {
  double len, k;
  JSValue o = js_arr_this(vm, self, "Array.prototype.indexOf", &len);
  if (js_is_exception(o)) return o;
  // An empty receiver answers before fromIndex is converted.
  if (len == 0) return js_from_int32(-1);
  if (!search_start(vm, js_arg(1), len, &k)) return JS_EXCEPTION;
  JSValue x = js_arg(0);
  // Tested after the conversion above, which may have changed o.
  JSArrayStore *s;
  if (js_arr_dense(o, len, &s)) {
    // Holes and the slots past the store are absent: skipped.
    uint32_t end = !s ? 0 : s->length < len ? s->length : (uint32_t)len;
    // IsStrictlyEqual runs no user code: the store cannot change here.
    for (double i = k; i < end; i++)
      if (!js_is_hole(s->v[(uint32_t)i]) && js_strict_equals(vm, s->v[(uint32_t)i], x))
        return js_from_number(i);
    return js_from_int32(-1);
  }
  for (; k < len; k++) {
    if ((k = js_arr_next_present(vm, o, k, len)) >= len) break;
    int has = js_arr_has(vm, o, k);
    if (has < 0) return JS_EXCEPTION;
    if (!has) continue;
    JSValue v = js_arr_get(vm, o, k);
    if (js_is_exception(v)) return v;
    if (js_strict_equals(vm, v, x)) return js_from_number(k);
  }
  return js_from_int32(-1);
}

// Array.prototype.lastIndexOf(searchElement [, fromIndex]) (§23.1.3.20).
static JSValue array_last_index_of(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                   JSValue new_target) {
  double len, n, k;
  JSValue o = js_arr_this(vm, self, "Array.prototype.lastIndexOf", &len);
  if (js_is_exception(o)) return o;
  if (len == 0) return js_from_int32(-1);
  // An absent fromIndex means len-1; an explicit undefined means 0.
  n = len - 1;
  if (argc > 1 && !js_to_integer_or_infinity(vm, argv[1], &n)) return JS_EXCEPTION;
  k = n >= 0 ? (n < len - 1 ? n : len - 1) : len + n;
  JSValue x = js_arg(0);
  JSArrayStore *s;
  if (js_arr_dense(o, len, &s)) {
    // Start at the last slot the store has: everything above is absent.
    for (double i = s && k >= s->length ? (double)s->length - 1 : k; s && i >= 0; i--)
      if (!js_is_hole(s->v[(uint32_t)i]) && js_strict_equals(vm, s->v[(uint32_t)i], x))
        return js_from_number(i);
    return js_from_int32(-1);
  }
  for (; k >= 0; k--) {
    if ((k = js_arr_prev_present(vm, o, k)) < 0) break;
    int has = js_arr_has(vm, o, k);
    if (has < 0) return JS_EXCEPTION;
    if (!has) continue;
    JSValue v = js_arr_get(vm, o, k);
    if (js_is_exception(v)) return v;
    if (js_strict_equals(vm, v, x)) return js_from_number(k);
  }
  return js_from_int32(-1);
}

// Array.prototype.includes(searchElement [, fromIndex]) (§23.1.3.16):
// SameValueZero, and holes read as undefined.
static JSValue array_includes(JSVM *vm, JSValue self, int argc, JSValue *argv,
                              JSValue new_target) {
  double len, k;
  JSValue o = js_arr_this(vm, self, "Array.prototype.includes", &len);
  if (js_is_exception(o)) return o;
  if (len == 0) return JS_FALSE;
  if (!search_start(vm, js_arg(1), len, &k)) return JS_EXCEPTION;
  JSValue x = js_arg(0);
  JSArrayStore *s;
  if (js_arr_dense(o, len, &s)) {
    // SameValueZero runs no user code either; holes read as undefined.
    uint32_t end = !s ? 0 : s->length < len ? s->length : (uint32_t)len;
    for (double i = k; i < end; i++) {
      JSValue v = s->v[(uint32_t)i];
      if (js_same_value_zero(js_is_hole(v) ? JS_UNDEFINED : v, x)) return JS_TRUE;
    }
    // Every index from the store's end to len reads as undefined.
    return js_from_bool(js_is_undefined(x) && (k > end ? k : end) < len);
  }
  for (; k < len; k++) {
    // A provably absent run reads as undefined: a hit for undefined, a
    // run to skip for anything else.
    double j = js_arr_next_present(vm, o, k, len);
    if (j > k) {
      if (js_is_undefined(x)) return JS_TRUE;
      if ((k = j) >= len) break;
    }
    JSValue v = js_arr_get(vm, o, k);
    if (js_is_exception(v)) return v;
    if (js_same_value_zero(v, x)) return JS_TRUE;
  }
  return JS_FALSE;
}

/* {==== flat, flatMap ====} */

// FlattenIntoArray (§23.1.3.13.1): the next target index, or -1.
static double flatten(JSVM *vm, JSValue target, JSValue source, double source_len,
                      double start, double depth, JSValue mapper, JSValue this_arg) {
  // Each nesting level recurses: deep (or cyclic, with Infinity) input
  // ends in a RangeError, not a crash.
  if (!js_check_stack(vm)) return -1;
  double t = start;
  for (double k = 0; k < source_len; k++) {
    if ((k = js_arr_next_present(vm, source, k, source_len)) >= source_len) break;
    int has = js_arr_has(vm, source, k);
    if (has < 0) return -1;
    if (!has) continue;
    JSValue e = js_arr_get(vm, source, k);
    if (js_is_exception(e)) return -1;
    if (!js_is_undefined(mapper)) {
      JSValue args[3] = {e, js_from_number(k), source};
      e = js_call(vm, mapper, this_arg, 3, args);
      if (js_is_exception(e)) return -1;
    }
    int nested = depth > 0 ? js_arr_is_array(vm, e) : 0;
    if (nested < 0) return -1;
    if (nested) {
      double elen;
      if (!js_length_of_array_like(vm, e, &elen)) return -1;
      t = flatten(vm, target, e, elen, t, depth - 1, JS_UNDEFINED, JS_UNDEFINED);
      if (t < 0) return -1;
      continue;
    }
    // A leaf element: one more index of the target.
    if (t >= JS_MAX_SAFE_INTEGER) {
      js_throw_type_error(vm, "Array length exceeds the maximum safe integer");
      return -1;
    }
    if (js_arr_create(vm, target, t++, e) < 0) return -1;
  }
  return t;
}

// Array.prototype.flat([depth]) (§23.1.3.13).
static JSValue array_flat(JSVM *vm, JSValue self, int argc, JSValue *argv,
                          JSValue new_target) {
  double len, depth = 1;
  JSValue o = js_arr_this(vm, self, "Array.prototype.flat", &len);
  if (js_is_exception(o)) return o;
  // flat() means depth 1; NaN and negatives mean 0 (a shallow copy).
  if (!js_is_undefined(js_arg(0))) {
    if (!js_to_integer_or_infinity(vm, argv[0], &depth)) return JS_EXCEPTION;
    if (depth < 0) depth = 0;
  }
  JSValue a = js_arr_species_create(vm, o, 0);
  if (js_is_exception(a)) return a;
  if (flatten(vm, a, o, len, 0, depth, JS_UNDEFINED, JS_UNDEFINED) < 0) return JS_EXCEPTION;
  return a;
}

// Array.prototype.flatMap(mapper [, thisArg]) (§23.1.3.14).
static JSValue array_flat_map(JSVM *vm, JSValue self, int argc, JSValue *argv,
                              JSValue new_target) {
  double len;
  JSValue o = js_arr_this(vm, self, "Array.prototype.flatMap", &len);
  if (js_is_exception(o)) return o;
  if (!js_is_callable(js_arg(0))) return js_throw_not_callable(vm, js_arg(0));
  JSValue a = js_arr_species_create(vm, o, 0);
  if (js_is_exception(a)) return a;
  // One level only: the mapper's arrays are spread, their arrays not.
  if (flatten(vm, a, o, len, 0, 1, argv[0], js_arg(1)) < 0) return JS_EXCEPTION;
  return a;
}

/* {==== Sorting ====} */

static int decimal_digits(uint64_t v) {
  int n = 1;
  while (v >= 10) v /= 10, n++;
  return n;
}

// Default order of two int32s: by their decimal strings, without making
// them. '-' sorts before every digit; between two digit strings, padding
// the shorter with zeros to the same width decides, and a tie means it
// is a prefix of the other (so it comes first).
static int compare_int_strings(int32_t x, int32_t y) {
  if ((x < 0) != (y < 0)) return x < 0 ? -1 : 1;
  uint64_t a = x < 0 ? (uint64_t)(-(int64_t)x) : (uint64_t)x;
  uint64_t b = y < 0 ? (uint64_t)(-(int64_t)y) : (uint64_t)y;
  int da = decimal_digits(a), db = decimal_digits(b);
  for (int i = da; i < db; i++) a *= 10;
  for (int i = db; i < da; i++) b *= 10;
  if (a != b) return a < b ? -1 : 1;
  return da < db ? -1 : da > db;
}

// SortCompare (§23.1.3.30.2) into *out (<0, 0, >0); false on exception.
static bool sort_compare(JSVM *vm, JSValue cmp, JSValue x, JSValue y, int *out) {
  // undefined sorts last and is never passed to the comparator.
  if (js_is_undefined(x) || js_is_undefined(y)) {
    *out = js_is_undefined(x) - js_is_undefined(y);
    return true;
  }
  if (!js_is_undefined(cmp)) {
    JSValue args[2] = {x, y};
    JSValue r = js_call(vm, cmp, JS_UNDEFINED, 2, args);
    double d;
    if (js_is_exception(r) || !js_to_number(vm, r, &d)) return false;
    *out = d < 0 ? -1 : d > 0;  // NaN counts as equal
    return true;
  }
  // The default order is by ToString; small integers skip the strings.
  if (js_is_int32(x) && js_is_int32(y)) {
    *out = compare_int_strings(js_int32(x), js_int32(y));
    return true;
  }
  // ToString may run user code (and throw, e.g. for a symbol).
  JSValue xs = js_to_string(vm, x);
  if (js_is_exception(xs)) return false;
  JSValue ys = js_to_string(vm, y);
  if (js_is_exception(ys)) return false;
  *out = js_string_compare(vm, xs, ys);
  return true;
}

// Stable insertion sort of v[lo, hi): the runs merge sort starts from.
static bool insertion_sort(JSVM *vm, JSValue cmp, JSArrayStore *a, uint32_t lo,
                           uint32_t hi) {
  for (uint32_t i = lo + 1; i < hi; i++) {
    JSValue x = a->v[i];
    uint32_t j = i;
    for (; j > lo; j--) {
      int c;
      if (!sort_compare(vm, cmp, a->v[j - 1], x, &c)) return false;
      if (c <= 0) break;  // equal elements keep their order
      ORI_STORE(a, v[j], a->v[j - 1]);
    }
    ORI_STORE(a, v[j], x);
  }
  return true;
}

// Merge the sorted runs src[lo, mid) and src[mid, hi) into dst.
static bool merge_runs(JSVM *vm, JSValue cmp, const JSArrayStore *src, JSArrayStore *dst,
                       uint32_t lo, uint32_t mid, uint32_t hi) {
  uint32_t i = lo, j = mid, k = lo;
  while (i < mid && j < hi) {
    int c;
    if (!sort_compare(vm, cmp, src->v[i], src->v[j], &c)) return false;
    // Ties take the left run's element: that is what makes it stable.
    // (ORI_STORE names its field twice: no side effects inside it.)
    JSValue x = c <= 0 ? src->v[i++] : src->v[j++];
    ORI_STORE(dst, v[k], x);
    k++;
  }
  for (; i < mid; i++, k++) ORI_STORE(dst, v[k], src->v[i]);
  for (; j < hi; j++, k++) ORI_STORE(dst, v[k], src->v[j]);
  return true;
}

#define SORT_RUN 8

// Bottom-up merge sort of items->v[0, used); the result ends up in
// *items (which may be swapped with the scratch store). False on
// exception.
static bool merge_sort(JSVM *vm, JSValue cmp, JSArrayStore **items) {
  JSArrayStore *a = *items;
  uint32_t n = a->used;
  // Runs of SORT_RUN by insertion sort first (few compares, no scratch),
  // then merge passes that double the run width, ping-ponging between
  // the two stores (both on the heap, so the collector sees the values).
  for (uint32_t lo = 0; lo < n; lo += SORT_RUN)
    if (!insertion_sort(vm, cmp, a, lo, lo + SORT_RUN < n ? lo + SORT_RUN : n)) return false;
  if (n <= SORT_RUN) return true;
  JSArrayStore *b = js_new_store(vm, n);
  b->used = n;
  // 64-bit bounds: lo + 2w must not wrap for stores near 2^32 values.
  for (uint64_t w = SORT_RUN; w < n; w *= 2) {
    for (uint64_t lo = 0; lo < n; lo += 2 * w) {
      uint64_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
      if (!merge_runs(vm, cmp, a, b, (uint32_t)lo, (uint32_t)mid, (uint32_t)hi)) return false;
    }
    JSArrayStore *t = a;
    a = b;
    b = t;
  }
  *items = a;
  return true;
}

// SortIndexedProperties (§23.1.3.30.1): the values at 0..len-1, sorted.
// skip_holes leaves absent indices out (sort); otherwise they read as
// Get would (toSorted). NULL on exception.
static JSArrayStore *sort_indexed(JSVM *vm, JSValue o, double len, JSValue cmp,
                                  bool skip_holes) {
  // The list grows as elements arrive: len may be huge while few exist.
  JSArrayStore *items = js_new_store(vm, len < 64 ? (uint32_t)len + 1 : 64);
  for (double k = 0; k < len; k++) {
    if (skip_holes) {
      if ((k = js_arr_next_present(vm, o, k, len)) >= len) break;
      int has = js_arr_has(vm, o, k);
      if (has < 0) return NULL;
      if (!has) continue;
    }
    JSValue v = js_arr_get(vm, o, k);
    if (js_is_exception(v)) return NULL;
    // A store counts in uint32: past that the list cannot be held.
    if (items->used == UINT32_MAX) {
      js_throw_range_error(vm, "Invalid array length");
      return NULL;
    }
    items = js_store_push(vm, items, v);
  }
  return merge_sort(vm, cmp, &items) ? items : NULL;
}

// Array.prototype.sort(comparefn) (§23.1.3.30).
static JSValue array_sort(JSVM *vm, JSValue self, int argc, JSValue *argv,
                          JSValue new_target) {
  JSValue cmp = js_arg(0);
  // The comparator is checked before the receiver is even converted.
  if (!js_is_undefined(cmp) && !js_is_callable(cmp))
    return js_throw_type_error(vm, "The comparison function must be either a function or undefined");
  double len;
  JSValue o = js_arr_this(vm, self, "Array.prototype.sort", &len);
  if (js_is_exception(o)) return o;
  JSArrayStore *items = sort_indexed(vm, o, len, cmp, true);
  if (!items) return JS_EXCEPTION;
  // Write back with Set (setters run, read-only elements throw).
  double j = 0;
  for (; j < items->used; j++)
    if (js_arr_set(vm, o, j, items->v[(uint32_t)j]) < 0) return JS_EXCEPTION;
  // The holes that were left out go to the end (deleted there).
  for (; j < len; j++) {
    if ((j = js_arr_next_present(vm, o, j, len)) >= len) break;
    if (js_arr_delete(vm, o, j) < 0) return JS_EXCEPTION;
  }
  return o;
}

// Array.prototype.toSorted(comparefn) (§23.1.3.34).
static JSValue array_to_sorted(JSVM *vm, JSValue self, int argc, JSValue *argv,
                               JSValue new_target) {
  JSValue cmp = js_arg(0);
  if (!js_is_undefined(cmp) && !js_is_callable(cmp))
    return js_throw_type_error(vm, "The comparison function must be either a function or undefined");
  double len;
  JSValue o = js_arr_this(vm, self, "Array.prototype.toSorted", &len);
  if (js_is_exception(o)) return o;
  // ArrayCreate comes first: a length past 2^32-1 throws before any read.
  JSValue a = js_arr_create_array(vm, len);
  if (js_is_exception(a)) return a;
  JSArrayStore *items = sort_indexed(vm, o, len, cmp, false);
  if (!items) return JS_EXCEPTION;
  // items holds exactly len values (holes were read as undefined).
  for (uint32_t j = 0; j < items->used; j++)
    if (js_arr_create(vm, a, j, items->v[j]) < 0) return JS_EXCEPTION;
  return a;
}

/* {==== The array iterator (§23.1.5) ====} */

// keys (magic KEYS), values (VALUES) and entries (ENTRIES):
// CreateArrayIterator(ToObject(this), kind).
static JSValue array_iterator(JSVM *vm, JSValue self, int argc, JSValue *argv,
                              JSValue new_target) {
  static const char *const names[] = {"keys", "values", "entries"};
  if (js_is_nullish(self))
    return js_throw_type_error(vm, "Array.prototype.%s called on null or undefined",
                               names[js_native_magic(vm)]);
  JSValue o = js_to_object(vm, self);
  if (js_is_exception(o)) return o;
  return js_new_iterator(vm, JS_ITER_ARRAY, o, (JSIterKind)js_native_magic(vm));
}

// %ArrayIteratorPrototype%.next() (§23.1.5.2.1).
static JSValue array_iterator_next(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                   JSValue new_target) {
  JSIteratorObject *it = js_iterator_this(vm, self, JS_ITER_ARRAY, "next");
  if (!it) return JS_EXCEPTION;
  // The length is re-read at every step: the array may change between.
  JSValue a = it->target;
  if (js_is_undefined(a)) return js_create_iter_result(vm, JS_UNDEFINED, true);
  double len;
  JSValue v = JS_UNDEFINED;
  if (js_is_typed_array(a)) {
    // Step b: a typed array's length comes from its buffer witness; a
    // detached or shrunk-past view is a TypeError, not an early end.
    const JSTypedArray *t = js_typed_array(a);
    if (js_ta_out_of_bounds(t)) {
      js_throw_type_error(vm, "Cannot perform %%ArrayIteratorPrototype%%.next on "
                              "a detached or out-of-bounds TypedArray");
      goto abrupt;
    }
    len = (double)js_ta_length(t);
  } else if (!js_length_of_array_like(vm, a, &len)) {
    goto abrupt;
  }
  double index = (double)it->index;
  if (index >= len) {
    // Exhausted for good: later growth of the array is not seen.
    ORI_STORE(it, target, JS_UNDEFINED);
    return js_create_iter_result(vm, JS_UNDEFINED, true);
  }
  JSValue key = js_from_number(index);
  if (it->kind != JS_ITER_KIND_KEYS && js_is_exception(v = js_arr_get(vm, a, index)))
    goto abrupt;
  it->index++;
  if (it->kind == JS_ITER_KIND_KEYS) return js_create_iter_result(vm, key, false);
  if (it->kind == JS_ITER_KIND_VALUES) return js_create_iter_result(vm, v, false);
  JSValue pair[2] = {key, v};
  return js_create_iter_result(vm, js_new_array_from(vm, 2, pair), false);
abrupt:
  // The spec's iterator is a generator closure: an abrupt completion
  // ends it, so every later next() reports done.
  ORI_STORE(it, target, JS_UNDEFINED);
  return JS_EXCEPTION;
}

// %ArrayIteratorPrototype% (realm.c made it, inheriting from
// %IteratorPrototype%, whose [@@iterator] returns this).
static void install_array_iterator(JSVM *vm) {
  JSValue ip = js_intrinsic(vm, ArrayIteratorPrototype);
  js_def_method(vm, ip, "next", array_iterator_next, 0);
  js_define_value(vm, ip, vm->symbol[JS_SYMBOL_toStringTag],
                  js_string_from_cstr(vm, "Array Iterator"), JS_ATTR_CONFIGURABLE);
}

/* {==== Installation ====} */

// Several methods share one C function told apart by its magic number.
void js_array_install_iter(JSVM *vm, JSValue proto) {
  js_def_method_magic(vm, proto, "every", array_visit, 1, VISIT_EVERY);
  js_def_method_magic(vm, proto, "some", array_visit, 1, VISIT_SOME);
  js_def_method_magic(vm, proto, "forEach", array_visit, 1, VISIT_FOR_EACH);
  js_def_method_magic(vm, proto, "map", array_visit, 1, VISIT_MAP);
  js_def_method_magic(vm, proto, "filter", array_visit, 1, VISIT_FILTER);
  js_def_method_magic(vm, proto, "find", array_find, 1, FIND_VALUE);
  js_def_method_magic(vm, proto, "findIndex", array_find, 1, 0);
  js_def_method_magic(vm, proto, "findLast", array_find, 1, FIND_VALUE | FIND_LAST);
  js_def_method_magic(vm, proto, "findLastIndex", array_find, 1, FIND_LAST);
  js_def_method_magic(vm, proto, "reduce", array_reduce, 1, 0);
  js_def_method_magic(vm, proto, "reduceRight", array_reduce, 1, 1);
  js_def_method(vm, proto, "indexOf", array_index_of, 1);
  js_def_method(vm, proto, "lastIndexOf", array_last_index_of, 1);
  js_def_method(vm, proto, "includes", array_includes, 1);
  js_def_method(vm, proto, "flat", array_flat, 0);
  js_def_method(vm, proto, "flatMap", array_flat_map, 1);
  js_def_method(vm, proto, "sort", array_sort, 1);
  js_def_method(vm, proto, "toSorted", array_to_sorted, 1);
  js_def_method_magic(vm, proto, "keys", array_iterator, 0, JS_ITER_KIND_KEYS);
  js_def_method_magic(vm, proto, "entries", array_iterator, 0, JS_ITER_KIND_ENTRIES);
  JSValue values =
      js_def_method_magic(vm, proto, "values", array_iterator, 0, JS_ITER_KIND_VALUES);
  // [@@iterator] is the very same function object as values.
  js_define_value(vm, proto, vm->symbol[JS_SYMBOL_iterator], values, JS_ATTR_METHOD);
  vm->realm->intrinsic[JS_INTRINSIC_ArrayProtoValues] = values;
  install_array_iterator(vm);
}
