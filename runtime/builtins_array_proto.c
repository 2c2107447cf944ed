/*
 * runtime/builtins_array_proto.c — the Array.prototype methods that read
 * or rearrange elements without callbacks (§23.1.3): at, concat,
 * copyWithin, fill, join, toString, toLocaleString, pop, push, shift,
 * unshift, reverse, slice, splice, toReversed, toSpliced, with.
 *
 * Invariants: every method is generic (any array-like receiver, lengths
 * up to 2^53-1) and performs the spec's observable operations in the
 * spec's order. The fast paths (push, pop, shift, unshift, reverse) run
 * only when js_arr_dense holds for an extensible Array with a writable
 * length, where the same result is reached without any user code; they
 * store through ORI_STORE like everything else.
 */
#include <math.h>
#include <stdlib.h>

#include "runtime/builtins_array.h"
#include "runtime/elements.h"

/* {==== Shared pieces ====} */

// The spec's TypeError for a result longer than 2^53-1 (no V8 wording
// exists: V8 cannot build such an array-like either).
static JSValue throw_too_long(JSVM *vm) {
  return js_throw_type_error(vm, "Array length exceeds the maximum safe integer");
}

// An Array that js_arr_dense accepts and whose length and extent may
// change without any check failing: extensible, length writable.
static JSArrayObject *fast_array(JSValue o, JSArrayStore **store) {
  if (!js_is_array(o)) return NULL;
  // A non-extensible Array with no elements yet still has a NULL store,
  // which js_arr_dense accepts: the flag must be tested here.
  JSArrayObject *a = js_heap(o);
  if (a->length_readonly || (a->base.map->flags & JS_MAP_NOT_EXTENSIBLE)) return NULL;
  return js_arr_dense(o, a->length, store) ? a : NULL;
}

// Element i of a fast array's store: a hole or a slot past the store
// reads as undefined (nothing on the prototype chain has elements).
static JSValue fast_get(const JSArrayStore *s, uint32_t i) {
  if (!s || i >= s->length || js_is_hole(s->v[i])) return JS_UNDEFINED;
  return s->v[i];
}

// Whether s holds every index below len (no holes, nothing past it).
static bool fast_packed(const JSArrayStore *s, double len) {
  // O(len), but only on paths that are O(len) anyway (reverse, unshift).
  if (len == 0) return true;
  if (!s || s->length < len) return false;
  for (uint32_t i = 0; i < (uint32_t)len; i++)
    if (js_is_hole(s->v[i])) return false;
  return true;
}

// Move one element as the shifting loops of shift, unshift, splice and
// copyWithin do: Set(to, Get(from)) when from exists, else delete to.
static int move_element(JSVM *vm, JSValue o, double from, double to) {
  int has = js_arr_has(vm, o, from);
  if (has < 0) return -1;
  if (!has) return js_arr_delete(vm, o, to);
  JSValue v = js_arr_get(vm, o, from);
  if (js_is_exception(v)) return -1;
  return js_arr_set(vm, o, to, v);
}

/* {==== at, concat ====} */

// Array.prototype.at(index) (§23.1.3.1).
static JSValue array_at(JSVM *vm, JSValue self, int argc, JSValue *argv,
                        JSValue new_target) {
  double len, rel;
  JSValue o = js_arr_this(vm, self, "Array.prototype.at", &len);
  if (js_is_exception(o)) return o;
  if (!js_to_integer_or_infinity(vm, js_arg(0), &rel)) return JS_EXCEPTION;
  // Negative counts back from the end; out of range is undefined, not
  // clamped (unlike slice's arguments).
  double k = rel >= 0 ? rel : len + rel;
  if (k < 0 || k >= len) return JS_UNDEFINED;
  return js_arr_get(vm, o, k);
}

// IsConcatSpreadable(O) (§23.1.3.2.1): 1, 0 or -1.
static int concat_spreadable(JSVM *vm, JSValue e) {
  if (!js_is_object(e)) return 0;
  // An explicit @@isConcatSpreadable overrides IsArray either way.
  JSValue s = js_get(vm, e, vm->symbol[JS_SYMBOL_isConcatSpreadable]);
  if (js_is_exception(s)) return -1;
  if (!js_is_undefined(s)) return js_to_boolean(s);
  return js_arr_is_array(vm, e);
}

// Concatenate a spreadable E into A at *n (holes stay holes, but count).
static int concat_spread(JSVM *vm, JSValue a, JSValue e, double *n) {
  double len;
  if (!js_length_of_array_like(vm, e, &len)) return -1;
  if (*n + len > JS_MAX_SAFE_INTEGER) {
    throw_too_long(vm);
    return -1;
  }
  for (double k = 0; k < len; k++, (*n)++) {
    // Absent elements leave holes in A: skip a known-empty run at once.
    double j = js_arr_next_present(vm, e, k, len);
    *n += j - k;
    k = j;
    if (k >= len) break;
    int has = js_arr_has(vm, e, k);
    if (has < 0) return -1;
    if (!has) continue;
    JSValue v = js_arr_get(vm, e, k);
    if (js_is_exception(v) || js_arr_create(vm, a, *n, v) < 0) return -1;
  }
  return 1;
}

// Array.prototype.concat(...items) (§23.1.3.2).
static JSValue array_concat(JSVM *vm, JSValue self, int argc, JSValue *argv,
                            JSValue new_target) {
  if (js_is_nullish(self))
    return js_throw_type_error(vm, "Array.prototype.concat called on null or undefined");
  JSValue o = js_to_object(vm, self);
  if (js_is_exception(o)) return o;
  JSValue a = js_arr_species_create(vm, o, 0);
  if (js_is_exception(a)) return a;
  // n is the next index of A; the receiver is item -1, then argv.
  double n = 0;
  for (int i = -1; i < argc; i++) {
    JSValue e = i < 0 ? o : argv[i];
    int spread = concat_spreadable(vm, e);
    if (spread < 0) return JS_EXCEPTION;
    if (spread) {
      if (concat_spread(vm, a, e, &n) < 0) return JS_EXCEPTION;
      continue;
    }
    // A non-spreadable item is one element, whatever it is.
    if (n >= JS_MAX_SAFE_INTEGER) return throw_too_long(vm);
    if (js_arr_create(vm, a, n, e) < 0) return JS_EXCEPTION;
    n++;
  }
  // The length is set explicitly: trailing holes must count too.
  return js_arr_set_length(vm, a, n) < 0 ? JS_EXCEPTION : a;
}

/* {==== copyWithin, fill ====} */

// Array.prototype.copyWithin(target, start [, end]) (§23.1.3.4).
static JSValue array_copy_within(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                 JSValue new_target) {
  double len, to, from, final;
  JSValue o = js_arr_this(vm, self, "Array.prototype.copyWithin", &len);
  if (js_is_exception(o)) return o;
  // Three conversions in argument order (each may run user code).
  if (!js_arr_relative(vm, js_arg(0), len, 0, &to) ||
      !js_arr_relative(vm, js_arg(1), len, 0, &from) ||
      !js_arr_relative(vm, js_arg(2), len, len, &final))
    return JS_EXCEPTION;
  double count = final - from < len - to ? final - from : len - to;
  double dir = 1;
  // Overlapping with the source ahead of the target: copy backwards.
  if (from < to && to < from + count) {
    dir = -1;
    from += count - 1;
    to += count - 1;
  }
  for (; count > 0; count--, from += dir, to += dir)
    if (move_element(vm, o, from, to) < 0) return JS_EXCEPTION;
  return o;
}

// Array.prototype.fill(value [, start [, end]]) (§23.1.3.7).
static JSValue array_fill(JSVM *vm, JSValue self, int argc, JSValue *argv,
                          JSValue new_target) {
  double len, k, final;
  JSValue o = js_arr_this(vm, self, "Array.prototype.fill", &len);
  if (js_is_exception(o)) return o;
  if (!js_arr_relative(vm, js_arg(1), len, 0, &k) ||
      !js_arr_relative(vm, js_arg(2), len, len, &final))
    return JS_EXCEPTION;
  JSArrayStore *s;
  JSArrayObject *a = k < final ? fast_array(o, &s) : NULL;
  if (a) {
    // A fast array (no setters or read-only elements anywhere): the
    // store grows once to the end, or it is a RangeError at once when
    // the heap cannot hold it (new Array(2**32 - 1).fill(0)).
    if (!js_elem_ensure(vm, &a->base, (uint32_t)final)) return JS_EXCEPTION;
    s = (JSArrayStore *)a->base.elements;
    for (uint32_t i = (uint32_t)k; i < (uint32_t)final; i++) ORI_STORE(s, v[i], js_arg(0));
    return o;
  }
  // Set, not define: setters and read-only elements are honoured.
  for (; k < final; k++)
    if (js_arr_set(vm, o, k, js_arg(0)) < 0) return JS_EXCEPTION;
  return o;
}

/* {==== join, toString, toLocaleString ====} */

// The arrays being joined on this thread, innermost first: a cyclic
// array joins as "" where it recurs (V8's behaviour; the spec would
// recurse until the stack overflows). The frames live on the C stack,
// so the conservative scan keeps their objects alive.
typedef struct JoinFrame {
  JSValue obj;
  struct JoinFrame *prev;
} JoinFrame;
static __thread JoinFrame *join_stack;

static bool join_active(JSValue o) {
  for (JoinFrame *f = join_stack; f; f = f->prev)
    if (f->obj.bits == o.bits) return true;
  return false;
}

// Element k's contribution: "" for undefined and null, else ToString (of
// its toLocaleString() result for toLocaleString).
static JSValue join_element(JSVM *vm, JSValue o, double k, bool locale) {
  JSValue e = js_arr_get(vm, o, k);
  if (js_is_exception(e) || js_is_nullish(e)) return js_is_exception(e) ? e : JS_UNDEFINED;
  if (locale) {
    // Invoke(element, "toLocaleString").
    JSValue f = js_get_str(vm, e, "toLocaleString");
    if (js_is_exception(f)) return f;
    if (!js_is_callable(f)) return js_throw_not_callable(vm, f);
    e = js_call(vm, f, e, 0, NULL);
    if (js_is_exception(e)) return e;
  }
  return js_to_string(vm, e);
}

// The loop shared by join and toLocaleString, over a receiver already on
// the join stack. Runs of absent elements are skipped in one step.
static JSValue join_loop(JSVM *vm, JSValue o, double len, JSValue sep, bool locale) {
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  bool has_sep = js_string_length(sep) > 0;
  // A builder past the longest string stops the loop; finish then throws
  // the RangeError (a huge sparse array cannot make us spin for ages).
  for (double k = 0; k < len && !sb.failed; k++) {
    // Each absent element contributes only its separator.
    double j = js_arr_next_present(vm, o, k, len);
    for (; k < j && has_sep && !sb.failed; k++)
      if (k > 0) js_sb_string(&sb, sep);
    k = j;
    if (k >= len) break;
    if (k > 0) js_sb_string(&sb, sep);
    JSValue s = join_element(vm, o, k, locale);
    if (js_is_exception(s)) {
      js_sb_free(&sb);
      return s;
    }
    if (js_is_string(s)) js_sb_string(&sb, s);
  }
  return js_sb_finish(&sb);
}

// join_loop with o pushed on the join stack for its duration.
static JSValue join_guarded(JSVM *vm, JSValue o, double len, JSValue sep, bool locale) {
  if (join_active(o)) return vm->atom[JS_ATOM_empty];
  // Nested arrays recurse through ToString: bound the C stack.
  if (!js_check_stack(vm)) return JS_EXCEPTION;
  JoinFrame frame = {o, join_stack};
  join_stack = &frame;
  JSValue r = join_loop(vm, o, len, sep, locale);
  join_stack = frame.prev;
  return r;
}

// Array.prototype.join(separator) (§23.1.3.18).
static JSValue array_join(JSVM *vm, JSValue self, int argc, JSValue *argv,
                          JSValue new_target) {
  double len;
  JSValue o = js_arr_this(vm, self, "Array.prototype.join", &len);
  if (js_is_exception(o)) return o;
  JSValue sep = js_arg(0);
  sep = js_is_undefined(sep) ? js_string_from_cstr(vm, ",") : js_to_string(vm, sep);
  if (js_is_exception(sep)) return sep;
  return join_guarded(vm, o, len, sep, false);
}

// Array.prototype.toLocaleString() (§23.1.3.32); the list separator of
// the (only) locale is ",".
static JSValue array_to_locale_string(JSVM *vm, JSValue self, int argc,
                                      JSValue *argv, JSValue new_target) {
  double len;
  JSValue o = js_arr_this(vm, self, "Array.prototype.toLocaleString", &len);
  if (js_is_exception(o)) return o;
  return join_guarded(vm, o, len, js_string_from_cstr(vm, ","), true);
}

// %Object.prototype.toString% for toString's fallback (§20.1.3.6): the
// builtin tag, unless @@toStringTag names another.
static JSValue object_to_string(JSVM *vm, JSValue o) {
  const char *tag = "Object";
  int is_array = js_arr_is_array(vm, o);
  if (is_array < 0) return JS_EXCEPTION;
  if (is_array) tag = "Array";
  else if (js_is_callable(o)) tag = "Function";
  else if (js_is_type(o, JS_TYPE_Arguments)) tag = "Arguments";
  else if (js_is_type(o, JS_TYPE_Error)) tag = "Error";
  else if (js_is_type(o, JS_TYPE_Date)) tag = "Date";
  else if (js_is_type(o, JS_TYPE_RegExp)) tag = "RegExp";
  else if (js_is_type(o, JS_TYPE_Primitive)) {
    JSValue v = ((JSPrimitiveObject *)js_heap(o))->value;
    if (js_is_bool(v)) tag = "Boolean";
    else if (js_is_number(v)) tag = "Number";
    else if (js_is_string(v)) tag = "String";
  }
  // A string @@toStringTag (own or inherited) replaces the builtin tag.
  JSValue t = js_get(vm, o, vm->symbol[JS_SYMBOL_toStringTag]);
  if (js_is_exception(t)) return t;
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  js_sb_ascii(&sb, "[object ");
  if (js_is_string(t)) js_sb_string(&sb, t);
  else js_sb_ascii(&sb, tag);
  js_sb_char(&sb, ']');
  return js_sb_finish(&sb);
}

// Array.prototype.toString() (§23.1.3.36): this.join(), or
// Object.prototype.toString when join is not callable.
static JSValue array_to_string(JSVM *vm, JSValue self, int argc, JSValue *argv,
                               JSValue new_target) {
  if (js_is_nullish(self))
    return js_throw_type_error(vm, "Array.prototype.toString called on null or undefined");
  JSValue o = js_to_object(vm, self);
  if (js_is_exception(o)) return o;
  JSValue join = js_get(vm, o, vm->atom[JS_ATOM_join]);
  if (js_is_exception(join)) return join;
  if (!js_is_callable(join)) return object_to_string(vm, o);
  return js_call(vm, join, o, 0, NULL);
}

/* {==== push, pop ====} */

// Array.prototype.push(...items) (§23.1.3.23).
static JSValue array_push(JSVM *vm, JSValue self, int argc, JSValue *argv,
                          JSValue new_target) {
  JSArrayStore *s;
  JSArrayObject *fa = fast_array(self, &s);
  // Staying below 2^32-1 keeps every new key an element index.
  if (fa && (double)fa->length + argc < JS_MAX_ARRAY_LENGTH) {
    // Appending to a plain Array: no setter can intercept, length grows.
    for (int i = 0; i < argc; i++)
      if (js_array_push(vm, self, argv[i]) < 0) return JS_EXCEPTION;
    return js_from_number(fa->length);
  }
  // The generic path: any receiver, setters and read-only lengths, and
  // indices past 2^32-2 (named properties, then a RangeError on length).
  double len;
  JSValue o = js_arr_this(vm, self, "Array.prototype.push", &len);
  if (js_is_exception(o)) return o;
  if (len + argc > JS_MAX_SAFE_INTEGER) return throw_too_long(vm);
  for (int i = 0; i < argc; i++, len++)
    if (js_arr_set(vm, o, len, argv[i]) < 0) return JS_EXCEPTION;
  if (js_arr_set_length(vm, o, len) < 0) return JS_EXCEPTION;
  return js_from_number(len);
}

// Array.prototype.pop() (§23.1.3.22).
static JSValue array_pop(JSVM *vm, JSValue self, int argc, JSValue *argv,
                         JSValue new_target) {
  JSArrayStore *s;
  JSArrayObject *fa = fast_array(self, &s);
  if (fa && fa->length > 0) {
    // Get, delete and the length update, done directly: the element is
    // own and plain (or absent with nothing inherited), length writable.
    uint32_t last = fa->length - 1;
    JSValue v = fast_get(s, last);
    if (s && last < s->length) s->v[last] = JS_HOLE;  // the delete
    js_array_set_length(vm, fa, last);
    return v;
  }
  double len;
  JSValue o = js_arr_this(vm, self, "Array.prototype.pop", &len);
  if (js_is_exception(o)) return o;
  // Even an empty receiver gets its length written (as 0).
  if (len == 0) return js_arr_set_length(vm, o, 0) < 0 ? JS_EXCEPTION : JS_UNDEFINED;
  JSValue v = js_arr_get(vm, o, len - 1);
  if (js_is_exception(v)) return v;
  if (js_arr_delete(vm, o, len - 1) < 0 || js_arr_set_length(vm, o, len - 1) < 0)
    return JS_EXCEPTION;
  return v;
}

/* {==== shift, unshift ====} */

// shift on a fast array: slide the store down by one.
static JSValue shift_fast(JSVM *vm, JSArrayObject *a, JSArrayStore *s) {
  uint32_t len = a->length;
  JSValue first = fast_get(s, 0);
  // Slots past the store are holes already: only the store moves.
  uint32_t n = !s ? 0 : s->length < len ? s->length : len;
  // A hole copied down is the spec's delete of the target; the last slot
  // becomes a hole (the final DeletePropertyOrThrow).
  for (uint32_t i = 1; i < n; i++) ORI_STORE(s, v[i - 1], s->v[i]);
  if (n) s->v[n - 1] = JS_HOLE;
  js_array_set_length(vm, a, len - 1);
  return first;
}

// Array.prototype.shift() (§23.1.3.27).
static JSValue array_shift(JSVM *vm, JSValue self, int argc, JSValue *argv,
                           JSValue new_target) {
  JSArrayStore *s;
  JSArrayObject *fa = fast_array(self, &s);
  if (fa && fa->length > 0) return shift_fast(vm, fa, s);
  double len;
  JSValue o = js_arr_this(vm, self, "Array.prototype.shift", &len);
  if (js_is_exception(o)) return o;
  if (len == 0) return js_arr_set_length(vm, o, 0) < 0 ? JS_EXCEPTION : JS_UNDEFINED;
  JSValue first = js_arr_get(vm, o, 0);
  if (js_is_exception(first)) return first;
  // Slide every element down one, holes moving as deletions.
  for (double k = 1; k < len; k++)
    if (move_element(vm, o, k, k - 1) < 0) return JS_EXCEPTION;
  if (js_arr_delete(vm, o, len - 1) < 0 || js_arr_set_length(vm, o, len - 1) < 0)
    return JS_EXCEPTION;
  return first;
}

// unshift on a fast array: grow the store, slide it up, fill the front.
static JSValue unshift_fast(JSVM *vm, JSArrayObject *a, int argc, JSValue *argv) {
  uint32_t len = a->length, n = (uint32_t)argc;
  JSObject *o = &a->base;
  // Grow first: ensure may replace the store, so read it afterwards.
  if (!js_elem_ensure(vm, o, len + n)) return JS_EXCEPTION;
  JSArrayStore *s = (JSArrayStore *)o->elements;
  for (uint32_t i = len; i-- > 0;) ORI_STORE(s, v[i + n], s->v[i]);
  for (uint32_t i = 0; i < n; i++) ORI_STORE(s, v[i], argv[i]);
  a->length = len + n;
  return js_from_number(a->length);
}

// Array.prototype.unshift(...items) (§23.1.3.38).
static JSValue array_unshift(JSVM *vm, JSValue self, int argc, JSValue *argv,
                             JSValue new_target) {
  JSArrayStore *s;
  JSArrayObject *fa = fast_array(self, &s);
  // Only a packed store: holes must move as holes, and a sparse write far
  // past the store would change its form under the loop.
  // It also writes indices the array never had: not on a prototype,
  // whose element bookkeeping belongs to the core's define path.
  if (fa && argc > 0 && (double)fa->length + argc < JS_MAX_ARRAY_LENGTH &&
      !(fa->base.map->flags & JS_MAP_PROTOTYPE) &&
      fa->length + (uint32_t)argc <= 1u << 24 && fast_packed(s, fa->length))
    return unshift_fast(vm, fa, argc, argv);
  double len;
  JSValue o = js_arr_this(vm, self, "Array.prototype.unshift", &len);
  if (js_is_exception(o)) return o;
  if (argc > 0) {
    if (len + argc > JS_MAX_SAFE_INTEGER) return throw_too_long(vm);
    // Make room from the top down, so nothing is overwritten unread.
    for (double k = len; k > 0; k--)
      if (move_element(vm, o, k - 1, k + argc - 1) < 0) return JS_EXCEPTION;
    for (int j = 0; j < argc; j++)
      if (js_arr_set(vm, o, j, argv[j]) < 0) return JS_EXCEPTION;
  }
  if (js_arr_set_length(vm, o, len + argc) < 0) return JS_EXCEPTION;
  return js_from_number(len + argc);
}

/* {==== reverse ====} */

// One step of reverse: swap the pair (lower, upper), or move whichever
// exists and delete the other (§23.1.3.26 steps 7.e-h).
static int reverse_pair(JSVM *vm, JSValue o, double lower, double upper) {
  JSValue lv = JS_UNDEFINED, uv = JS_UNDEFINED;
  // The spec's order: has(lower), get(lower), has(upper), get(upper).
  int lower_has = js_arr_has(vm, o, lower);
  if (lower_has < 0) return -1;
  if (lower_has && js_is_exception(lv = js_arr_get(vm, o, lower))) return -1;
  int upper_has = js_arr_has(vm, o, upper);
  if (upper_has < 0) return -1;
  if (upper_has && js_is_exception(uv = js_arr_get(vm, o, upper))) return -1;
  // Then lower is written (or deleted) before upper.
  if (upper_has) {
    if (js_arr_set(vm, o, lower, uv) < 0) return -1;
  } else if (lower_has) {
    if (js_arr_delete(vm, o, lower) < 0) return -1;
  }
  if (lower_has) return js_arr_set(vm, o, upper, lv);
  if (upper_has) return js_arr_delete(vm, o, upper);
  return 1;
}

// Array.prototype.reverse() (§23.1.3.26).
static JSValue array_reverse(JSVM *vm, JSValue self, int argc, JSValue *argv,
                             JSValue new_target) {
  double len;
  JSValue o = js_arr_this(vm, self, "Array.prototype.reverse", &len);
  if (js_is_exception(o)) return o;
  // Reading and writing plain own elements runs no user code, so the
  // swaps can be done in the store itself.
  JSArrayStore *s;
  if (js_arr_dense(o, len, &s) && len > 1 && fast_packed(s, len)) {
    // Every element is an own plain data property: swap in place.
    for (uint32_t i = 0, j = (uint32_t)len - 1; i < j; i++, j--) {
      JSValue t = s->v[i];
      ORI_STORE(s, v[i], s->v[j]);
      ORI_STORE(s, v[j], t);
    }
    return o;
  }
  // The generic swap of §23.1.3.26, pair by pair from the outside in.
  double middle = floor(len / 2);
  for (double lower = 0; lower < middle; lower++)
    if (reverse_pair(vm, o, lower, len - lower - 1) < 0) return JS_EXCEPTION;
  return o;
}

/* {==== slice, splice ====} */

// Array.prototype.slice(start, end) (§23.1.3.28).
static JSValue array_slice(JSVM *vm, JSValue self, int argc, JSValue *argv,
                           JSValue new_target) {
  double len, k, final;
  JSValue o = js_arr_this(vm, self, "Array.prototype.slice", &len);
  if (js_is_exception(o)) return o;
  if (!js_arr_relative(vm, js_arg(0), len, 0, &k) ||
      !js_arr_relative(vm, js_arg(1), len, len, &final))
    return JS_EXCEPTION;
  double count = final - k > 0 ? final - k : 0;
  JSValue a = js_arr_species_create(vm, o, count);
  if (js_is_exception(a)) return a;
  // n tracks k - start: holes are skipped in O but keep their place in A.
  double n = 0;
  for (; k < final; k++, n++) {
    double j = js_arr_next_present(vm, o, k, final);
    n += j - k;
    k = j;
    if (k >= final) break;
    int has = js_arr_has(vm, o, k);
    if (has < 0) return JS_EXCEPTION;
    if (!has) continue;
    JSValue v = js_arr_get(vm, o, k);
    if (js_is_exception(v) || js_arr_create(vm, a, n, v) < 0) return JS_EXCEPTION;
  }
  return js_arr_set_length(vm, a, n) < 0 ? JS_EXCEPTION : a;
}

// The start and skip/delete count of splice and toSpliced (§23.1.3.31
// steps 3-9): false on exception.
static bool splice_range(JSVM *vm, int argc, JSValue *argv, double len,
                         double *start, double *count) {
  if (!js_arr_relative(vm, js_arg(0), len, 0, start)) return false;
  // "Not present" is about the argument count, not about undefined:
  // splice(0) deletes everything, splice(0, undefined) nothing.
  if (argc == 0) {
    *count = 0;
  } else if (argc == 1) {
    *count = len - *start;
  } else {
    double dc;
    if (!js_to_integer_or_infinity(vm, argv[1], &dc)) return false;
    double room = len - *start;
    *count = dc < 0 ? 0 : dc > room ? room : dc;
  }
  return true;
}

// Copy the deleted elements [start, start+count) of O into A.
static int splice_copy_out(JSVM *vm, JSValue o, JSValue a, double start, double count) {
  // Holes stay holes in A; its length is set explicitly at the end.
  for (double k = 0; k < count; k++) {
    int has = js_arr_has(vm, o, start + k);
    if (has < 0) return -1;
    if (!has) continue;
    JSValue v = js_arr_get(vm, o, start + k);
    if (js_is_exception(v) || js_arr_create(vm, a, k, v) < 0) return -1;
  }
  return js_arr_set_length(vm, a, count);
}

// Shift the tail of O so that `items` slots replace `del` ones at start.
static int splice_shift(JSVM *vm, JSValue o, double len, double start, double del,
                        double items) {
  // Shrinking moves the tail down (front to back) then deletes the now
  // unused top; growing moves it up back to front (§23.1.3.31 11-12).
  if (items < del) {
    for (double k = start; k < len - del; k++)
      if (move_element(vm, o, k + del, k + items) < 0) return -1;
    for (double k = len; k > len - del + items; k--)
      if (js_arr_delete(vm, o, k - 1) < 0) return -1;
  } else if (items > del) {
    for (double k = len - del; k > start; k--)
      if (move_element(vm, o, k + del - 1, k + items - 1) < 0) return -1;
  }
  return 1;
}

// Array.prototype.splice(start, deleteCount, ...items) (§23.1.3.31).
static JSValue array_splice(JSVM *vm, JSValue self, int argc, JSValue *argv,
                            JSValue new_target) {
  double len, start, del;
  JSValue o = js_arr_this(vm, self, "Array.prototype.splice", &len);
  if (js_is_exception(o)) return o;
  if (!splice_range(vm, argc, argv, len, &start, &del)) return JS_EXCEPTION;
  int nitems = argc > 2 ? argc - 2 : 0;
  if (len + nitems - del > JS_MAX_SAFE_INTEGER) return throw_too_long(vm);
  // A receives the deleted elements (and gets its length set) before O
  // changes at all.
  JSValue a = js_arr_species_create(vm, o, del);
  if (js_is_exception(a)) return a;
  if (splice_copy_out(vm, o, a, start, del) < 0 ||
      splice_shift(vm, o, len, start, del, nitems) < 0)
    return JS_EXCEPTION;
  // The new items go into the gap, then the length is fixed up.
  for (int i = 0; i < nitems; i++)
    if (js_arr_set(vm, o, start + i, argv[i + 2]) < 0) return JS_EXCEPTION;
  if (js_arr_set_length(vm, o, len - del + nitems) < 0) return JS_EXCEPTION;
  return a;
}

/* {==== Copying methods: toReversed, toSpliced, with (ES2023) ====} */

// Array.prototype.toReversed() (§23.1.3.33).
static JSValue array_to_reversed(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                 JSValue new_target) {
  double len;
  JSValue o = js_arr_this(vm, self, "Array.prototype.toReversed", &len);
  if (js_is_exception(o)) return o;
  // Always a plain Array (no species), holes read through as undefined.
  JSValue a = js_arr_create_array(vm, len);
  if (js_is_exception(a)) return a;
  for (double k = 0; k < len; k++) {
    JSValue v = js_arr_get(vm, o, len - k - 1);
    if (js_is_exception(v) || js_arr_create(vm, a, k, v) < 0) return JS_EXCEPTION;
  }
  return a;
}

// Array.prototype.toSpliced(start, skipCount, ...items) (§23.1.3.35).
static JSValue array_to_spliced(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                JSValue new_target) {
  double len, start, skip;
  JSValue o = js_arr_this(vm, self, "Array.prototype.toSpliced", &len);
  if (js_is_exception(o)) return o;
  if (!splice_range(vm, argc, argv, len, &start, &skip)) return JS_EXCEPTION;
  int nitems = argc > 2 ? argc - 2 : 0;
  // The copy is a plain Array: over 2^32-1 elements is a RangeError.
  double new_len = len + nitems - skip;
  if (new_len > JS_MAX_SAFE_INTEGER) return throw_too_long(vm);
  JSValue a = js_arr_create_array(vm, new_len);
  if (js_is_exception(a)) return a;
  double i = 0;
  // The head, the new items, then the tail read from past the skip.
  for (; i < start; i++) {
    JSValue v = js_arr_get(vm, o, i);
    if (js_is_exception(v) || js_arr_create(vm, a, i, v) < 0) return JS_EXCEPTION;
  }
  for (int j = 0; j < nitems; j++, i++)
    if (js_arr_create(vm, a, i, argv[j + 2]) < 0) return JS_EXCEPTION;
  for (double r = start + skip; i < new_len; i++, r++) {
    JSValue v = js_arr_get(vm, o, r);
    if (js_is_exception(v) || js_arr_create(vm, a, i, v) < 0) return JS_EXCEPTION;
  }
  return a;
}

// Array.prototype.with(index, value) (§23.1.3.39).
static JSValue array_with(JSVM *vm, JSValue self, int argc, JSValue *argv,
                          JSValue new_target) {
  double len, rel;
  JSValue o = js_arr_this(vm, self, "Array.prototype.with", &len);
  if (js_is_exception(o)) return o;
  if (!js_to_integer_or_infinity(vm, js_arg(0), &rel)) return JS_EXCEPTION;
  // Unlike at(), an index out of range is an error here.
  double at = rel >= 0 ? rel : len + rel;
  if (at >= len || at < 0) return js_throw_range_error(vm, "Invalid index : %.17g", rel);
  JSValue a = js_arr_create_array(vm, len);
  if (js_is_exception(a)) return a;
  // Every other index is read (holes as undefined); `at` is not read.
  for (double k = 0; k < len; k++) {
    JSValue v = k == at ? js_arg(1) : js_arr_get(vm, o, k);
    if (js_is_exception(v) || js_arr_create(vm, a, k, v) < 0) return JS_EXCEPTION;
  }
  return a;
}

/* {==== Installation ====} */

// The lengths are the spec's (the count of required parameters).
void js_array_install_proto(JSVM *vm, JSValue proto) {
  js_def_method(vm, proto, "at", array_at, 1);
  js_def_method(vm, proto, "concat", array_concat, 1);
  js_def_method(vm, proto, "copyWithin", array_copy_within, 2);
  js_def_method(vm, proto, "fill", array_fill, 1);
  js_def_method(vm, proto, "join", array_join, 1);
  js_def_method(vm, proto, "pop", array_pop, 0);
  js_def_method(vm, proto, "push", array_push, 1);
  js_def_method(vm, proto, "reverse", array_reverse, 0);
  js_def_method(vm, proto, "shift", array_shift, 0);
  js_def_method(vm, proto, "slice", array_slice, 2);
  js_def_method(vm, proto, "splice", array_splice, 2);
  js_def_method(vm, proto, "toLocaleString", array_to_locale_string, 0);
  js_def_method(vm, proto, "toReversed", array_to_reversed, 0);
  js_def_method(vm, proto, "toSpliced", array_to_spliced, 2);
  js_def_method(vm, proto, "toString", array_to_string, 0);
  js_def_method(vm, proto, "unshift", array_unshift, 1);
  js_def_method(vm, proto, "with", array_with, 2);
}
