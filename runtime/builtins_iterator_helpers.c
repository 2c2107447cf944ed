/*
 * runtime/builtins_iterator_helpers.c — the iterator_helpers family
 * (ECMA-262 2025 §27.1.3-4 and the stage-4 follow-ups test262 carries
 * without a proposal flag): the abstract %Iterator% constructor,
 * Iterator.from with %WrapForValidIteratorPrototype%, Iterator.concat,
 * Iterator.zip / zipKeyed, the lazy Iterator.prototype methods (map,
 * filter, take, drop, flatMap, chunks, windows) returning
 * %IteratorHelperPrototype% objects, the eager ones (reduce, toArray,
 * forEach, some, every, find, includes), @@dispose, and the
 * SetterThatIgnoresPrototypeProperties accessors @@toStringTag and
 * constructor.
 *
 * Invariants:
 *  - A helper is a JSIteratorObject of brand JS_ITER_HELPER. The spec
 *    describes it as a generator over an abstract closure; here each
 *    kind (it->kind, a HelperKind) is a C state machine whose step
 *    function runs the closure from one Yield to the next. it->flags is
 *    the [[GeneratorState]] (GEN_*): a step runs with GEN_RUNNING, so
 *    that re-entering next() or return() from user code it calls throws
 *    "Generator is already running", as the spec's GeneratorValidate does.
 *  - it->target is the [[UnderlyingIterator]] (undefined once it is
 *    exhausted, and for concat and zip, which keep theirs in the state
 *    store); it->state is a JSArrayStore of S_COUNT slots (below) holding
 *    the rest of the closure's captured variables; it->index is the
 *    closure's counter (map, filter, flatMap), its remaining count (take,
 *    drop: UINT64_MAX stands for +inf), its size (chunks, windows) or its
 *    position in the iterable list (concat).
 *  - A completed helper drops target and state, so that the iterators it
 *    held can be collected; nothing reads them after GEN_DONE.
 *  - Closing follows the spec's IfAbruptCloseIterator exactly: an error
 *    from the underlying iterator's own next/done/value never closes it;
 *    an error from a callback (or a failed argument check) closes it with
 *    the error winning over anything return() does.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "runtime/iterator.h"

/* {==== Shared pieces ====} */

// The largest limit take/drop accept (2^53 - 1), per ecma262#3776.
#define MAX_SAFE_INTEGER 9007199254740991.0
// take/drop's remaining count standing for +inf (limits are <= 2^53-1).
#define COUNT_INFINITE UINT64_MAX

// A short rendering of v for error messages, V8-style: primitives as
// their ToString (never calling user code), objects as #<Object>.
// Returns a malloc'd string.
static char *describe(JSVM *vm, JSValue v) {
  if (js_is_object(v)) return strdup(js_is_callable(v) ? "function" : "#<Object>");
  if (js_is_symbol(v)) return strdup("Symbol()");
  JSValue s = js_to_string(vm, v);
  if (js_is_exception(s)) {
    js_take_exception(vm);
    return strdup("value");
  }
  return js_string_utf8(vm, s, NULL);
}

// IteratorClose(iterated, throw completion) for an iterated record whose
// next method was never read: the pending exception stays pending,
// whatever return() does. Always false, for `return close_pending(...)`.
static bool close_pending(JSVM *vm, JSValue obj) {
  JSIterRecord rec = {obj, JS_UNDEFINED, false};
  js_iterator_close(vm, &rec, true);
  return false;
}

// The same for a full record, returning -1 for the step functions.
static int close_throwing(JSVM *vm, const JSIterRecord *rec) {
  js_iterator_close(vm, rec, true);
  return -1;
}

// Step 2 of every prototype method: the receiver must be an object.
static bool require_object_this(JSVM *vm, JSValue self, const char *method) {
  if (js_is_object(self)) return true;
  js_throw_type_error(vm, "Iterator.prototype.%s called on non-object", method);
  return false;
}

// GetIteratorFlattenable(obj, primitiveHandling) (§7.4.13): strings
// pass only when `strings` (iterate-string-primitives); an object without
// @@iterator is taken as the iterator itself.
static bool get_iterator_flattenable(JSVM *vm, JSValue obj, bool strings,
                                     JSIterRecord *rec) {
  if (!js_is_object(obj) && !(strings && js_is_string(obj))) {
    char *what = describe(vm, obj);
    js_throw_type_error(vm, "%s is not an object", what);
    free(what);
    return false;
  }
  JSValue method = js_get_method(vm, obj, vm->symbol[JS_SYMBOL_iterator]);
  if (js_is_exception(method)) return false;
  JSValue iter = obj;
  if (!js_is_undefined(method)) {
    iter = js_call(vm, method, obj, 0, NULL);
    if (js_is_exception(iter)) return false;
  }
  if (!js_is_object(iter)) {
    js_throw_type_error(vm, "Result of the Symbol.iterator method is not an object");
    return false;
  }
  return js_get_iterator_direct(vm, iter, rec);
}

/* {==== Helper objects: state and the generator protocol ====} */

// The generator states (it->flags): the spec's suspended-start,
// suspended-yield, executing and completed.
enum { GEN_START, GEN_YIELD, GEN_RUNNING, GEN_DONE };

// What a helper runs (it->kind). zip and zipKeyed share H_ZIP (the keys
// list in S_BUF tells them apart).
typedef enum HelperKind {
  H_MAP,
  H_FILTER,
  H_TAKE,
  H_DROP,
  H_FLATMAP,
  H_CHUNKS,
  H_WINDOWS,
  H_CONCAT,
  H_ZIP,
  H_KIND_COUNT
} HelperKind;

// Slots of a helper's state store.
enum {
  S_NEXT,        // the underlying iterator's [[NextMethod]]
  S_FN,          // map/filter/flatMap: the callback; concat: the list of
                 // (method, iterable) pairs; zip: the iterator list (see
                 // the zip section)
  S_INNER,       // flatMap/concat: the inner iterator, or undefined
  S_INNER_NEXT,  // its next method
  S_BUF,         // chunks/windows: the buffer (JSArrayStore or
                 // undefined when empty); zipKeyed: the keys
  S_ARG,         // windows: allow-partial (bool); zip: the mode (int32)
  S_COUNT
};

static JSArrayStore *hstate(JSIteratorObject *it) { return js_heap(it->state); }
static JSValue hget(JSIteratorObject *it, int slot) { return hstate(it)->v[slot]; }
static void hset(JSIteratorObject *it, int slot, JSValue v) {
  JSArrayStore *s = hstate(it);
  ORI_STORE(s, v[slot], v);
}

// The [[UnderlyingIterator]] record (next was read once, at creation).
static JSIterRecord underlying(JSIteratorObject *it) {
  return (JSIterRecord){it->target, hget(it, S_NEXT), false};
}

// The underlying iterator reported done: nothing may close it any more.
static void mark_exhausted(JSIteratorObject *it) { ORI_STORE(it, target, JS_UNDEFINED); }

// CreateIteratorFromClosure(closure, "Iterator Helper",
// %IteratorHelperPrototype%): a helper of kind over rec (NULL for concat
// and zip), suspended at its start.
static JSIteratorObject *new_helper(JSVM *vm, HelperKind kind, const JSIterRecord *rec) {
  JSArrayStore *s = js_new_store(vm, S_COUNT);
  // Fresh store: raw stores.
  for (int i = 0; i < S_COUNT; i++) s->v[i] = JS_UNDEFINED;
  s->v[S_NEXT] = rec ? rec->next : JS_UNDEFINED;
  s->used = S_COUNT;
  JSValue h = js_new_iterator(vm, JS_ITER_HELPER, rec ? rec->iterator : JS_UNDEFINED,
                              JS_ITER_KIND_VALUES);
  JSIteratorObject *it = js_heap(h);
  // it was allocated after s: still the youngest object, a raw store is safe.
  it->state = js_val(s);
  it->kind = (uint8_t)kind;
  it->flags = GEN_START;
  return it;
}

// The generator completed: let go of everything it held.
static void finish(JSIteratorObject *it) {
  it->flags = GEN_DONE;
  ORI_STORE(it, target, JS_UNDEFINED);
  ORI_STORE(it, state, JS_UNDEFINED);
}

static bool zip_close_all(JSVM *vm, JSArrayStore *iters, bool throwing);

// Resuming a suspended helper with a return completion, or return() in
// suspended-start: close what the closure holds open. flatMap closes its
// inner iterator first, and if that throws closes the outer one with the
// error (IfAbruptCloseIterator(backupCompletion, iterated)); concat only
// ever holds an inner one; zip closes every open iterator, last first.
static bool close_helper(JSVM *vm, JSIteratorObject *it) {
  if (it->kind == H_ZIP) return zip_close_all(vm, js_heap(hget(it, S_FN)), false);
  JSIterRecord rec = underlying(it);
  JSValue inner = hget(it, S_INNER);
  if (js_is_object(inner)) {
    JSIterRecord in = {inner, hget(it, S_INNER_NEXT), false};
    if (!js_iterator_close(vm, &in, false)) {
      if (js_is_object(rec.iterator)) js_iterator_close(vm, &rec, true);
      return false;
    }
  }
  if (!js_is_object(rec.iterator)) return true;
  return js_iterator_close(vm, &rec, false);
}

// A step runs the closure to its next Yield: 1 with *out the yielded
// value, 0 when the closure returned, -1 when it threw.
typedef int (*HelperStep)(JSVM *vm, JSIteratorObject *it, JSValue *out);
static const HelperStep helper_steps[H_KIND_COUNT];

// %IteratorHelperPrototype%.next (§27.1.2.1.1): GeneratorResume.
static JSValue helper_next(JSVM *vm, JSValue self, int argc, JSValue *argv,
                           JSValue new_target) {
  JSIteratorObject *it = js_iterator_this(vm, self, JS_ITER_HELPER, "next");
  if (!it) return JS_EXCEPTION;
  if (it->flags == GEN_RUNNING) return js_throw_type_error(vm, "Generator is already running");
  if (it->flags == GEN_DONE) return js_create_iter_result(vm, JS_UNDEFINED, true);
  it->flags = GEN_RUNNING;
  JSValue v = JS_UNDEFINED;
  int r = helper_steps[it->kind](vm, it, &v);
  if (r != 1) {
    // Returned or threw: the generator is completed either way.
    finish(it);
    return r < 0 ? JS_EXCEPTION : js_create_iter_result(vm, JS_UNDEFINED, true);
  }
  it->flags = GEN_YIELD;
  return js_create_iter_result(vm, v, false);
}

// %IteratorHelperPrototype%.return (§27.1.2.1.2).
static JSValue helper_return(JSVM *vm, JSValue self, int argc, JSValue *argv,
                             JSValue new_target) {
  JSIteratorObject *it = js_iterator_this(vm, self, JS_ITER_HELPER, "return");
  if (!it) return JS_EXCEPTION;
  if (it->flags == GEN_RUNNING) return js_throw_type_error(vm, "Generator is already running");
  if (it->flags == GEN_DONE) return js_create_iter_result(vm, JS_UNDEFINED, true);
  // suspended-start: completed *before* the close, so that a next() from
  // the underlying return() sees a finished generator, not a running one;
  // suspended-yield: the return completion resumes the closure at its
  // Yield, which closes (running meanwhile) and then completes.
  bool started = it->flags == GEN_YIELD;
  it->flags = started ? GEN_RUNNING : GEN_DONE;
  bool ok = close_helper(vm, it);
  finish(it);
  return ok ? js_create_iter_result(vm, JS_UNDEFINED, true) : JS_EXCEPTION;
}

/* {==== The closures of map, filter, take, drop, flatMap ====} */

// map (§27.1.4.8 step 6): yield mapper(value, counter).
static int step_map(JSVM *vm, JSIteratorObject *it, JSValue *out) {
  JSIterRecord rec = underlying(it);
  JSValue v;
  // "? IteratorStepValue": the iterator's own errors propagate unclosed.
  int r = js_iterator_step_value(vm, &rec, &v);
  if (r <= 0) return r;
  // The mapper is called with this undefined and the counter as a Number.
  JSValue args[2] = {v, js_from_number((double)it->index)};
  JSValue mapped = js_call(vm, hget(it, S_FN), JS_UNDEFINED, 2, args);
  // IfAbruptCloseIterator(mapped, iterated).
  if (js_is_exception(mapped)) return close_throwing(vm, &rec);
  // The spec bumps the counter after the Yield resumes normally; doing
  // it now is the same, since a return() at the Yield ends the closure.
  it->index++;
  *out = mapped;
  return 1;
}

// filter (§27.1.4.5 step 6): yield the values the predicate selects.
static int step_filter(JSVM *vm, JSIteratorObject *it, JSValue *out) {
  JSIterRecord rec = underlying(it);
  for (;;) {
    JSValue v;
    int r = js_iterator_step_value(vm, &rec, &v);
    if (r <= 0) return r;
    JSValue args[2] = {v, js_from_number((double)it->index)};
    JSValue selected = js_call(vm, hget(it, S_FN), JS_UNDEFINED, 2, args);
    if (js_is_exception(selected)) return close_throwing(vm, &rec);
    // Every value counts, selected or not.
    it->index++;
    if (js_to_boolean(selected)) {
      *out = v;
      return 1;
    }
  }
}

// take (§27.1.4.11 step 10): past the limit the underlying iterator is
// closed (a normal close: its return() errors and non-object results
// count), without reading one more value.
static int step_take(JSVM *vm, JSIteratorObject *it, JSValue *out) {
  JSIterRecord rec = underlying(it);
  // remaining = 0: "return ? IteratorClose(iterated, ReturnCompletion)".
  if (it->index == 0) return js_iterator_close(vm, &rec, false) ? 0 : -1;
  // The count drops before the step, as in the spec: a failed step ends
  // the helper anyway.
  if (it->index != COUNT_INFINITE) it->index--;
  return js_iterator_step_value(vm, &rec, out);
}

// drop (§27.1.4.3 step 10): skip with IteratorStep (values unread),
// then pass everything through. The count drops to 0 on the way, so the
// skipping happens once.
static int step_drop(JSVM *vm, JSIteratorObject *it, JSValue *out) {
  JSIterRecord rec = underlying(it);
  // drop(Infinity) skips forever: only the iterator's end stops it.
  while (it->index > 0) {
    if (it->index != COUNT_INFINITE) it->index--;
    int r = js_iterator_step(vm, &rec);
    if (r <= 0) return r;
  }
  return js_iterator_step_value(vm, &rec, out);
}

// flatMap (§27.1.4.7 step 6): each mapped value is flattened (strings
// rejected) and drained before the next outer value is read. An error
// from the inner iterator closes the outer one.
static int step_flatmap(JSVM *vm, JSIteratorObject *it, JSValue *out) {
  JSIterRecord rec = underlying(it);
  // Loops while inner iterators come up empty; a step ends at a Yield of
  // an inner value or at the outer iterator's end.
  for (;;) {
    JSValue inner = hget(it, S_INNER);
    if (js_is_object(inner)) {
      // The inner loop (step 6.b.viii): IfAbruptCloseIterator(innerValue,
      // iterated) closes the outer iterator, not the failing inner one.
      JSIterRecord in = {inner, hget(it, S_INNER_NEXT), false};
      int r = js_iterator_step_value(vm, &in, out);
      if (r < 0) return close_throwing(vm, &rec);
      if (r > 0) return 1;
      // innerAlive = false: back to the outer iterator.
      hset(it, S_INNER, JS_UNDEFINED);
    }
    JSValue v;
    int r = js_iterator_step_value(vm, &rec, &v);
    if (r <= 0) return r;
    JSValue args[2] = {v, js_from_number((double)it->index)};
    JSValue mapped = js_call(vm, hget(it, S_FN), JS_UNDEFINED, 2, args);
    if (js_is_exception(mapped)) return close_throwing(vm, &rec);
    // reject-primitives: a mapper returning a string is an error, not a
    // sequence of characters.
    JSIterRecord in;
    if (!get_iterator_flattenable(vm, mapped, false, &in)) return close_throwing(vm, &rec);
    it->index++;
    hset(it, S_INNER, in.iterator);
    hset(it, S_INNER_NEXT, in.next);
  }
}

/* {==== The closures of chunks and windows ====} */

// The buffer list (NULL while empty).
static JSArrayStore *buffer(JSIteratorObject *it) {
  JSValue b = hget(it, S_BUF);
  return js_is_heap(b) ? js_heap(b) : NULL;
}

// CreateArrayFromList(buffer): a fresh array each time (test262 checks
// that yielded arrays are distinct).
static JSValue buffer_array(JSVM *vm, JSArrayStore *buf) {
  return js_new_array_from(vm, buf->used, buf->v);
}

// chunks (iterator-chunking): yield full chunks, then a partial last one.
// After the last chunk the underlying iterator is exhausted (target
// undefined), so a return() there closes nothing.
static int step_chunks(JSVM *vm, JSIteratorObject *it, JSValue *out) {
  if (!js_is_object(it->target)) return 0;
  JSIterRecord rec = underlying(it);
  for (;;) {
    JSValue v;
    int r = js_iterator_step_value(vm, &rec, &v);
    if (r < 0) return -1;
    JSArrayStore *buf = buffer(it);
    if (r == 0) {
      // "Perform ? Yield(buffer)" with no close around it: the source is
      // done, so a return() at this Yield must not reach it.
      mark_exhausted(it);
      if (!buf || buf->used == 0) return 0;
      *out = buffer_array(vm, buf);
      hset(it, S_BUF, JS_UNDEFINED);
      return 1;
    }
    // js_store_push may move the list to a bigger store: store it back.
    buf = js_store_push(vm, buf, v);
    hset(it, S_BUF, js_val(buf));
    if (buf->used == it->index) {
      // A new list for the next chunk: the old one's values may go.
      *out = buffer_array(vm, buf);
      hset(it, S_BUF, JS_UNDEFINED);
      return 1;
    }
  }
}

// Drop the first value of buf (the window slides by one).
static void buffer_shift(JSArrayStore *buf) {
  for (uint32_t i = 1; i < buf->used; i++) ORI_STORE_SLOT(buf, &buf->v[i - 1], buf->v[i]);
  buf->used--;
  buf->v[buf->used] = JS_UNDEFINED;  // an immediate: no barrier needed
}

// windows (iterator-chunking): every full window of it->index values;
// with "allow-partial", an iterator shorter than one window yields what
// it had.
static int step_windows(JSVM *vm, JSIteratorObject *it, JSValue *out) {
  if (!js_is_object(it->target)) return 0;
  JSIterRecord rec = underlying(it);
  for (;;) {
    JSValue v;
    int r = js_iterator_step_value(vm, &rec, &v);
    if (r < 0) return -1;
    JSArrayStore *buf = buffer(it);
    if (r == 0) {
      // As for chunks, the last (partial) window is yielded with the
      // source already done.
      mark_exhausted(it);
      bool partial = js_to_boolean(hget(it, S_ARG));
      if (!partial || !buf || buf->used == 0 || buf->used >= it->index) return 0;
      *out = buffer_array(vm, buf);
      return 1;
    }
    // A full buffer was yielded last time: slide it by one value.
    if (buf && buf->used == it->index) buffer_shift(buf);
    buf = js_store_push(vm, buf, v);
    hset(it, S_BUF, js_val(buf));
    // Only full windows go out (until the end, above).
    if (buf->used == it->index) {
      *out = buffer_array(vm, buf);
      return 1;
    }
  }
}

/* {==== Iterator.concat (iterator-sequencing) ====} */

// The closure: open each iterable in turn (its @@iterator method was
// read by Iterator.concat itself) and pass its values through. Errors
// from an inner iterator do not close it (the spec's "?").
static int step_concat(JSVM *vm, JSIteratorObject *it, JSValue *out) {
  for (;;) {
    JSValue inner = hget(it, S_INNER);
    if (js_is_object(inner)) {
      // "? IteratorStepValue(iteratorRecord)": a failing inner iterator
      // ends the helper and is not closed.
      JSIterRecord in = {inner, hget(it, S_INNER_NEXT), false};
      int r = js_iterator_step_value(vm, &in, out);
      if (r != 0) return r;
      hset(it, S_INNER, JS_UNDEFINED);
    }
    // The next iterable, if any: its method was read once by
    // Iterator.concat and is called only now (lazily, in order).
    JSArrayStore *list = js_heap(hget(it, S_FN));
    if (it->index >= list->used) return 0;
    JSValue method = list->v[it->index], iterable = list->v[it->index + 1];
    it->index += 2;
    JSValue iter = js_call(vm, method, iterable, 0, NULL);
    if (js_is_exception(iter)) return -1;
    if (!js_is_object(iter)) {
      js_throw_type_error(vm, "Result of the Symbol.iterator method is not an object");
      return -1;
    }
    JSIterRecord in;
    if (!js_get_iterator_direct(vm, iter, &in)) return -1;
    hset(it, S_INNER, in.iterator);
    hset(it, S_INNER_NEXT, in.next);
  }
}

// Iterator.concat(...items): every item must be an object with an
// @@iterator method, checked (and the method read) up front.
static JSValue iterator_concat(JSVM *vm, JSValue self, int argc, JSValue *argv,
                               JSValue new_target) {
  // The spec's list of Records { [[OpenMethod]], [[Iterable]] }, two
  // slots each; the helper's [[UnderlyingIterators]] list is empty.
  JSArrayStore *list = js_new_store(vm, 2 * (uint32_t)argc);
  for (int i = 0; i < argc; i++) {
    if (!js_is_object(argv[i])) {
      char *what = describe(vm, argv[i]);
      js_throw_type_error(vm, "%s is not an object", what);
      free(what);
      return JS_EXCEPTION;
    }
    JSValue method = js_get_method(vm, argv[i], vm->symbol[JS_SYMBOL_iterator]);
    if (js_is_exception(method)) return method;
    if (js_is_undefined(method)) {
      char *what = describe(vm, argv[i]);
      js_throw_type_error(vm, "%s is not iterable", what);
      free(what);
      return JS_EXCEPTION;
    }
    // Calls ran since the store was made: barriered stores.
    ORI_STORE(list, v[2 * i], method);
    ORI_STORE(list, v[2 * i + 1], argv[i]);
  }
  list->used = 2 * (uint32_t)argc;
  JSIteratorObject *it = new_helper(vm, H_CONCAT, NULL);
  hset(it, S_FN, js_val(list));
  return js_val(it);
}

/* {==== Iterator.zip and Iterator.zipKeyed (joint-iteration) ====} */

// The zip modes (S_ARG).
enum { ZIP_SHORTEST, ZIP_LONGEST, ZIP_STRICT };

// The iterator list (S_FN) holds three slots per input: the iterator,
// its next method, its padding. The iterator slot turns null when it
// leaves openIters (exhausted or failed), so that openIters is the
// non-null entries, in input order; in "longest" mode a null entry also
// stands for the spec's iters[i] = null.
#define ZIP_STRIDE 3u

static uint32_t zip_count(JSArrayStore *iters) { return iters ? iters->used / ZIP_STRIDE : 0; }

static void zip_remove(JSArrayStore *iters, uint32_t i) {
  iters->v[i * ZIP_STRIDE] = JS_NULL;  // an immediate: no barrier needed
}

// IteratorCloseAll(openIters, completion): close in reverse order; once
// one close fails its error is the completion the rest see. iters may be
// NULL (nothing opened yet). True only for a normal completion that no
// close spoiled.
static bool zip_close_all(JSVM *vm, JSArrayStore *iters, bool throwing) {
  for (uint32_t i = zip_count(iters); i-- > 0;) {
    JSValue iter = iters->v[i * ZIP_STRIDE];
    if (js_is_null(iter)) continue;
    JSIterRecord rec = {iter, iters->v[i * ZIP_STRIDE + 1], false};
    if (!js_iterator_close(vm, &rec, throwing)) throwing = true;
  }
  return !throwing;
}

// Throw a TypeError, then close everything still open with it.
static int zip_fail(JSVM *vm, JSArrayStore *iters, const char *msg) {
  js_throw_type_error(vm, "%s", msg);
  zip_close_all(vm, iters, true);
  return -1;
}

// "strict" mode, input i just ended: every other input must end now too
// (the first one to end must be input 0, and the rest are stepped once).
static int zip_strict_end(JSVM *vm, JSArrayStore *iters, uint32_t i) {
  static const char msg[] = "Iterator.zip: iterators have different lengths (strict mode)";
  if (i != 0) return zip_fail(vm, iters, msg);
  for (uint32_t k = 1; k < zip_count(iters); k++) {
    JSIterRecord rec = {iters->v[k * ZIP_STRIDE], iters->v[k * ZIP_STRIDE + 1], false};
    int r = js_iterator_step(vm, &rec);
    if (r < 0) {
      zip_remove(iters, k);
      zip_close_all(vm, iters, true);
      return -1;
    }
    if (r > 0) return zip_fail(vm, iters, msg);
    zip_remove(iters, k);
  }
  return 0;
}

// Whether any input is still open.
static bool zip_any_open(JSArrayStore *iters) {
  for (uint32_t i = 0; i < zip_count(iters); i++)
    if (!js_is_null(iters->v[i * ZIP_STRIDE])) return true;
  return false;
}

// finishResults: an array for zip, a null-prototype object keyed like
// the input for zipKeyed.
static JSValue zip_finish(JSVM *vm, JSIteratorObject *it, JSArrayStore *results) {
  JSValue keys = hget(it, S_BUF);
  if (!js_is_heap(keys)) return js_new_array_from(vm, results->used, results->v);
  JSValue obj = js_new_object_proto(vm, JS_NULL);
  JSArrayStore *ks = js_heap(keys);
  for (uint32_t i = 0; i < results->used; i++)
    if (js_create_data_property_or_throw(vm, obj, ks->v[i], results->v[i]) < 0) return JS_EXCEPTION;
  return obj;
}

// IteratorZip's closure (step 3): one value from every input per step.
static int step_zip(JSVM *vm, JSIteratorObject *it, JSValue *out) {
  JSArrayStore *iters = js_heap(hget(it, S_FN));
  int mode = js_int32(hget(it, S_ARG));
  uint32_t n = zip_count(iters);
  if (n == 0) return 0;
  // The results list lives on the heap (the values must stay visible to
  // the collector while the next inputs run).
  JSArrayStore *results = js_new_store(vm, n);
  for (uint32_t i = 0; i < n; i++) {
    // A finished input ("longest" mode only) contributes its padding.
    JSValue iter = iters->v[i * ZIP_STRIDE], result = iters->v[i * ZIP_STRIDE + 2];
    if (!js_is_null(iter)) {
      JSIterRecord rec = {iter, iters->v[i * ZIP_STRIDE + 1], false};
      int r = js_iterator_step_value(vm, &rec, &result);
      if (r < 0) {
        // The failing input leaves openIters first: it is not closed.
        zip_remove(iters, i);
        zip_close_all(vm, iters, true);
        return -1;
      }
      if (r == 0) {
        zip_remove(iters, i);
        // shortest: the first end ends everything (a normal close).
        if (mode == ZIP_SHORTEST) return zip_close_all(vm, iters, false) ? 0 : -1;
        if (mode == ZIP_STRICT) return zip_strict_end(vm, iters, i);
        // longest: go on with padding until the last input ends.
        if (!zip_any_open(iters)) return 0;
        result = iters->v[i * ZIP_STRIDE + 2];
      }
    }
    // User code ran since results was made: barriered store.
    ORI_STORE(results, v[i], result);
  }
  results->used = n;
  // (Defining fresh keys on a fresh null-prototype object cannot fail;
  // the check only keeps the error convention.)
  *out = zip_finish(vm, it, results);
  if (js_is_exception(*out)) {
    zip_close_all(vm, iters, true);
    return -1;
  }
  return 1;
}

// Zip options (steps 2-7): mode and, for "longest", the padding option.
static bool zip_options(JSVM *vm, JSValue options, int *mode, JSValue *padding) {
  *mode = ZIP_SHORTEST;
  *padding = JS_UNDEFINED;
  // GetOptionsObject: undefined reads as an empty object.
  if (js_is_undefined(options)) return true;
  if (!js_is_object(options)) {
    js_throw_type_error(vm, "Iterator.zip: options must be an object");
    return false;
  }
  JSValue m = js_get_str(vm, options, "mode");
  if (js_is_exception(m)) return false;
  if (!js_is_undefined(m)) {
    static const char *const names[] = {"shortest", "longest", "strict"};
    *mode = -1;
    for (int i = 0; i < 3 && js_is_string(m); i++)
      if (js_string_equal(vm, m, js_atom(vm, names[i]))) *mode = i;
    if (*mode < 0) {
      js_throw_type_error(vm, "Iterator.zip: mode must be \"shortest\", \"longest\" or \"strict\"");
      return false;
    }
  }
  if (*mode != ZIP_LONGEST) return true;
  *padding = js_get_str(vm, options, "padding");
  if (js_is_exception(*padding)) return false;
  if (!js_is_undefined(*padding) && !js_is_object(*padding)) {
    js_throw_type_error(vm, "Iterator.zip: padding must be an object");
    return false;
  }
  return true;
}

// Append an input's record (padding filled in later).
static JSArrayStore *zip_push(JSVM *vm, JSArrayStore *iters, const JSIterRecord *rec) {
  iters = js_store_push(vm, iters, rec->iterator);
  iters = js_store_push(vm, iters, rec->next);
  return js_store_push(vm, iters, JS_UNDEFINED);
}

// Iterator.zip's inputs (steps 10-12): every value of the iterables
// iterable, flattened (strings rejected). A failure closes what was
// opened, the inputs last first and then the outer iterator.
static bool zip_collect(JSVM *vm, JSValue iterables, JSArrayStore **out) {
  JSIterRecord input;
  if (!js_get_iterator(vm, iterables, &input)) return false;
  JSArrayStore *iters = NULL;
  for (;;) {
    JSValue next;
    // IfAbruptCloseIterators(next, iters): the outer iterator failed
    // itself, so only the inputs opened so far are closed.
    int r = js_iterator_step_value(vm, &input, &next);
    if (r < 0) return zip_close_all(vm, iters, true);
    if (r == 0) break;
    JSIterRecord rec;
    if (!get_iterator_flattenable(vm, next, false, &rec)) {
      zip_close_all(vm, iters, true);
      return js_iterator_close(vm, &input, true);
    }
    iters = zip_push(vm, iters, &rec);
  }
  *out = iters;
  return true;
}

// Iterator.zipKeyed's inputs: the enumerable own properties of iterables
// whose values are not undefined, in [[OwnPropertyKeys]] order; the keys
// are kept for the results.
static bool zip_collect_keyed(JSVM *vm, JSValue iterables, JSArrayStore **out,
                              JSArrayStore **keys_out) {
  JSArrayStore *all = js_own_keys(vm, iterables, JS_KEYS_STRINGS | JS_KEYS_SYMBOLS);
  if (!all) return false;
  JSArrayStore *iters = NULL, *keys = NULL;
  for (uint32_t i = 0; i < all->used; i++) {
    JSValue key = all->v[i];
    // [[GetOwnProperty]] then [[Get]], both observable through proxies;
    // either failing closes the inputs opened so far.
    JSPropDesc d;
    int r = js_get_own_property(vm, iterables, key, &d);
    if (r < 0) return zip_close_all(vm, iters, true);
    if (r == 0 || !(d.attrs & JS_ATTR_ENUMERABLE)) continue;
    JSValue value = js_get(vm, iterables, key);
    if (js_is_exception(value)) return zip_close_all(vm, iters, true);
    if (js_is_undefined(value)) continue;
    keys = js_store_push(vm, keys, key);
    JSIterRecord rec;
    if (!get_iterator_flattenable(vm, value, false, &rec)) return zip_close_all(vm, iters, true);
    iters = zip_push(vm, iters, &rec);
  }
  *out = iters;
  *keys_out = keys;
  return true;
}

// The padding (step 14) of zip: the first n values of the padding
// iterable, closed if it has more; missing ones stay undefined.
static bool zip_padding(JSVM *vm, JSArrayStore *iters, JSValue padding) {
  JSIterRecord prec;
  if (!js_get_iterator(vm, padding, &prec)) return zip_close_all(vm, iters, true);
  for (uint32_t i = 0; i < zip_count(iters); i++) {
    JSValue v;
    int r = js_iterator_step_value(vm, &prec, &v);
    if (r < 0) return zip_close_all(vm, iters, true);
    // usingIterator = false: the slots left keep their undefined.
    if (r == 0) return true;
    ORI_STORE(iters, v[i * ZIP_STRIDE + 2], v);
  }
  // Still usingIterator after n values: close it (normally; its errors
  // close the inputs too).
  if (!js_iterator_close(vm, &prec, false)) return zip_close_all(vm, iters, true);
  return true;
}

// The padding of zipKeyed: padding[key] for each key.
static bool zip_padding_keyed(JSVM *vm, JSArrayStore *iters, JSArrayStore *keys,
                              JSValue padding) {
  for (uint32_t i = 0; i < zip_count(iters); i++) {
    JSValue v = js_get(vm, padding, keys->v[i]);
    if (js_is_exception(v)) return zip_close_all(vm, iters, true);
    ORI_STORE(iters, v[i * ZIP_STRIDE + 2], v);
  }
  return true;
}

// Iterator.zip(iterables [, options]) and, with magic 1,
// Iterator.zipKeyed(iterables [, options]).
static JSValue iterator_zip(JSVM *vm, JSValue self, int argc, JSValue *argv,
                            JSValue new_target) {
  bool keyed = js_native_magic(vm) == 1;
  JSValue iterables = js_arg(0);
  if (!js_is_object(iterables))
    return js_throw_type_error(vm, "Iterator.%s: iterables must be an object",
                               keyed ? "zipKeyed" : "zip");
  int mode;
  JSValue padding;
  if (!zip_options(vm, js_arg(1), &mode, &padding)) return JS_EXCEPTION;
  JSArrayStore *iters = NULL, *keys = NULL;
  bool ok = keyed ? zip_collect_keyed(vm, iterables, &iters, &keys)
                  : zip_collect(vm, iterables, &iters);
  if (!ok) return JS_EXCEPTION;
  if (!iters) iters = js_new_store(vm, 0);
  if (mode == ZIP_LONGEST && !js_is_undefined(padding)) {
    ok = keyed ? zip_padding_keyed(vm, iters, keys, padding) : zip_padding(vm, iters, padding);
    if (!ok) return JS_EXCEPTION;
  }
  JSIteratorObject *it = new_helper(vm, H_ZIP, NULL);
  hset(it, S_FN, js_val(iters));
  hset(it, S_ARG, js_from_int32(mode));
  // A keys store (even an empty one) is what marks a zipKeyed helper.
  hset(it, S_BUF, keyed ? js_val(keys ? keys : js_new_store(vm, 0)) : JS_UNDEFINED);
  return js_val(it);
}

static const HelperStep helper_steps[H_KIND_COUNT] = {
    [H_MAP] = step_map,         [H_FILTER] = step_filter, [H_TAKE] = step_take,
    [H_DROP] = step_drop,       [H_FLATMAP] = step_flatmap, [H_CHUNKS] = step_chunks,
    [H_WINDOWS] = step_windows, [H_CONCAT] = step_concat, [H_ZIP] = step_zip,
};

/* {==== Iterator.prototype's lazy methods ====} */

// map, filter, flatMap (steps 1-5): the callback must be callable; if
// not, the receiver is closed (its next is never read) with the error.
static JSValue callback_helper(JSVM *vm, JSValue self, JSValue fn, HelperKind kind,
                               const char *method) {
  if (!require_object_this(vm, self, method)) return JS_EXCEPTION;
  if (!js_is_callable(fn)) {
    js_throw_not_callable(vm, fn);
    close_pending(vm, self);
    return JS_EXCEPTION;
  }
  JSIterRecord rec;
  if (!js_get_iterator_direct(vm, self, &rec)) return JS_EXCEPTION;
  JSIteratorObject *it = new_helper(vm, kind, &rec);
  hset(it, S_FN, fn);
  return js_val(it);
}

// The lazy methods taking a callback, told apart by their magic (a
// HelperKind): Iterator.prototype.map / filter / flatMap.
static JSValue iterator_proto_callback_helper(JSVM *vm, JSValue self, int argc,
                                              JSValue *argv, JSValue new_target) {
  HelperKind kind = (HelperKind)js_native_magic(vm);
  const char *name = kind == H_MAP ? "map" : kind == H_FILTER ? "filter" : "flatMap";
  return callback_helper(vm, self, js_arg(0), kind, name);
}

// Throw a RangeError about the limit d (fmt has one %s for it; "%s must
// be positive" is V8's wording), then close the receiver with it.
static bool limit_error(JSVM *vm, JSValue self, const char *fmt, double d) {
  JSValue s = js_number_to_string(vm, d);
  char *text = js_is_exception(s) ? NULL : js_string_utf8(vm, s, NULL);
  js_throw_range_error(vm, fmt, text ? text : "limit");
  free(text);
  return close_pending(vm, self);
}

// take/drop steps 1-10: ToNumber(limit) (its errors close the receiver),
// then NaN, finite values above 2^53-1 and negative integers are
// RangeErrors that close it too. *count is the integer limit,
// COUNT_INFINITE for +inf.
static bool limit_prologue(JSVM *vm, JSValue self, JSValue limit, const char *method,
                           JSIterRecord *rec, uint64_t *count) {
  if (!require_object_this(vm, self, method)) return false;
  double d;
  if (!js_to_number(vm, limit, &d)) return close_pending(vm, self);
  if (isnan(d)) return limit_error(vm, self, "%s must be positive", d);
  if (isfinite(d) && d > MAX_SAFE_INTEGER)
    return limit_error(vm, self, "%s must be a safe integer", d);
  // ToIntegerOrInfinity: truncation; -0.5 becomes -0, which is fine.
  d = trunc(d);
  if (d < 0) return limit_error(vm, self, "%s must be positive", d);
  if (!js_get_iterator_direct(vm, self, rec)) return false;
  *count = isinf(d) ? COUNT_INFINITE : (uint64_t)d;
  return true;
}

// Iterator.prototype.take (magic H_TAKE) and drop (magic H_DROP).
static JSValue iterator_proto_limit_helper(JSVM *vm, JSValue self, int argc,
                                           JSValue *argv, JSValue new_target) {
  HelperKind kind = (HelperKind)js_native_magic(vm);
  JSIterRecord rec;
  uint64_t count;
  if (!limit_prologue(vm, self, js_arg(0), kind == H_TAKE ? "take" : "drop", &rec, &count))
    return JS_EXCEPTION;
  JSIteratorObject *it = new_helper(vm, kind, &rec);
  it->index = count;
  return js_val(it);
}

// chunks/windows size checks: a Number (never coerced: TypeError), an
// integral one (TypeError), in 1..2^32-1 (RangeError); each failure
// closes the receiver.
static bool size_check(JSVM *vm, JSValue self, JSValue size, const char *method,
                       uint32_t *out) {
  if (!require_object_this(vm, self, method)) return false;
  // NaN and +-Infinity are Numbers but not integral: TypeErrors too.
  double d = js_is_number(size) ? js_number_value(size) : NAN;
  if (!js_is_number(size) || !isfinite(d) || d != trunc(d)) {
    js_throw_type_error(vm, "Iterator.prototype.%s: size must be an integral number", method);
    return close_pending(vm, self);
  }
  // -0 is integral and below 1: a RangeError.
  if (d < 1 || d > 4294967295.0) {
    js_throw_range_error(vm, "Iterator.prototype.%s: size must be between 1 and 2^32-1", method);
    return close_pending(vm, self);
  }
  *out = (uint32_t)d;
  return true;
}

// Iterator.prototype.chunks(chunkSize) (iterator-chunking).
static JSValue iterator_proto_chunks(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                     JSValue new_target) {
  uint32_t size;
  if (!size_check(vm, self, js_arg(0), "chunks", &size)) return JS_EXCEPTION;
  JSIterRecord rec;
  if (!js_get_iterator_direct(vm, self, &rec)) return JS_EXCEPTION;
  JSIteratorObject *it = new_helper(vm, H_CHUNKS, &rec);
  it->index = size;
  return js_val(it);
}

// Iterator.prototype.windows(windowSize [, undersized]): undersized is
// undefined, "only-full" or "allow-partial" (anything else, a String
// object included, is a TypeError that closes the receiver).
static JSValue iterator_proto_windows(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                      JSValue new_target) {
  uint32_t size;
  if (!size_check(vm, self, js_arg(0), "windows", &size)) return JS_EXCEPTION;
  JSValue undersized = js_arg(1);
  bool partial = false;
  if (!js_is_undefined(undersized)) {
    partial = js_is_string(undersized) &&
              js_string_equal(vm, undersized, js_atom(vm, "allow-partial"));
    if (!partial && !(js_is_string(undersized) &&
                      js_string_equal(vm, undersized, js_atom(vm, "only-full")))) {
      js_throw_type_error(vm, "Iterator.prototype.windows: undersized must be "
                              "\"only-full\" or \"allow-partial\"");
      close_pending(vm, self);
      return JS_EXCEPTION;
    }
  }
  JSIterRecord rec;
  if (!js_get_iterator_direct(vm, self, &rec)) return JS_EXCEPTION;
  JSIteratorObject *it = new_helper(vm, H_WINDOWS, &rec);
  it->index = size;
  hset(it, S_ARG, js_from_bool(partial));
  return js_val(it);
}

/* {==== Iterator.prototype's eager methods ====} */

// The eager methods' steps 1-5 (reduce, forEach, some, every, find).
static bool eager_prologue(JSVM *vm, JSValue self, JSValue fn, const char *method,
                           JSIterRecord *rec) {
  if (!require_object_this(vm, self, method)) return false;
  if (!js_is_callable(fn)) {
    js_throw_not_callable(vm, fn);
    return close_pending(vm, self);
  }
  return js_get_iterator_direct(vm, self, rec);
}

// Iterator.prototype.reduce(reducer [, initialValue]) (§27.1.4.9):
// without an initial value the first value is the accumulator.
static JSValue iterator_proto_reduce(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                     JSValue new_target) {
  JSValue fn = js_arg(0);
  JSIterRecord rec;
  if (!eager_prologue(vm, self, fn, "reduce", &rec)) return JS_EXCEPTION;
  JSValue acc = js_arg(1);
  double counter = 0;
  // "initialValue is not present" is about argc: an explicit undefined
  // is an initial value.
  if (argc < 2) {
    int r = js_iterator_step_value(vm, &rec, &acc);
    if (r < 0) return JS_EXCEPTION;
    if (r == 0) return js_throw_type_error(vm, "Reduce of a done iterator with no initial value");
    counter = 1;
  }
  for (;; counter++) {
    JSValue v;
    int r = js_iterator_step_value(vm, &rec, &v);
    if (r < 0) return JS_EXCEPTION;
    if (r == 0) return acc;
    JSValue args[3] = {acc, v, js_from_number(counter)};
    acc = js_call(vm, fn, JS_UNDEFINED, 3, args);
    // IfAbruptCloseIterator(result, iterated).
    if (js_is_exception(acc)) {
      close_throwing(vm, &rec);
      return JS_EXCEPTION;
    }
  }
}

// Iterator.prototype.toArray() (§27.1.4.12).
static JSValue iterator_proto_to_array(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                       JSValue new_target) {
  if (!require_object_this(vm, self, "toArray")) return JS_EXCEPTION;
  JSIterRecord rec;
  if (!js_get_iterator_direct(vm, self, &rec)) return JS_EXCEPTION;
  // Errors of the iterator's own steps propagate; nothing here closes it.
  JSArrayStore *list = js_iterator_to_list(vm, &rec);
  if (!list) return JS_EXCEPTION;
  return js_new_array_from(vm, list->used, list->v);
}

// The callback-per-value methods, by magic.
enum { EAGER_FOR_EACH, EAGER_SOME, EAGER_EVERY, EAGER_FIND };

// Iterator.prototype.forEach / some / every / find (§27.1.4.6, .10, .4,
// .5): fn(value, counter) for each value; some/every/find stop at their
// answer and close the iterator normally (return()'s errors count).
static JSValue iterator_proto_eager(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                    JSValue new_target) {
  static const char *const names[] = {"forEach", "some", "every", "find"};
  int what = js_native_magic(vm);
  JSValue fn = js_arg(0);
  JSIterRecord rec;
  if (!eager_prologue(vm, self, fn, names[what], &rec)) return JS_EXCEPTION;
  // The counter is a double: it is passed as a Number, and no iterator
  // gets past 2^53 values in practice.
  for (double counter = 0;; counter++) {
    JSValue v;
    int r = js_iterator_step_value(vm, &rec, &v);
    if (r < 0) return JS_EXCEPTION;
    if (r == 0) return what == EAGER_SOME ? JS_FALSE : what == EAGER_EVERY ? JS_TRUE : JS_UNDEFINED;
    JSValue args[2] = {v, js_from_number(counter)};
    JSValue res = js_call(vm, fn, JS_UNDEFINED, 2, args);
    if (js_is_exception(res)) {
      close_throwing(vm, &rec);
      return JS_EXCEPTION;
    }
    // forEach never stops; every stops at a falsy answer, some and find
    // at a truthy one.
    if (what == EAGER_FOR_EACH || js_to_boolean(res) == (what == EAGER_EVERY)) continue;
    JSValue answer = what == EAGER_SOME ? JS_TRUE : what == EAGER_EVERY ? JS_FALSE : v;
    return js_iterator_close(vm, &rec, false) ? answer : JS_EXCEPTION;
  }
}

// Iterator.prototype.includes(searchElement [, skippedElements])
// (iterator-includes): SameValueZero, after skipping skippedElements
// values (an integral Number or +-inf, not coerced; negative ones are
// RangeErrors). Argument errors close the receiver.
static JSValue iterator_proto_includes(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                       JSValue new_target) {
  if (!require_object_this(vm, self, "includes")) return JS_EXCEPTION;
  JSValue skip = js_arg(1);
  double to_skip = 0;
  if (!js_is_undefined(skip)) {
    to_skip = js_is_number(skip) ? js_number_value(skip) : NAN;
    if (isnan(to_skip) || (isfinite(to_skip) && to_skip != trunc(to_skip))) {
      js_throw_type_error(vm, "Iterator.prototype.includes: skippedElements must be an "
                              "integral number");
      close_pending(vm, self);
      return JS_EXCEPTION;
    }
    // -Infinity passes the first check and fails this one.
    if (to_skip < 0) {
      js_throw_range_error(vm, "Iterator.prototype.includes: skippedElements must not be negative");
      close_pending(vm, self);
      return JS_EXCEPTION;
    }
  }
  JSIterRecord rec;
  if (!js_get_iterator_direct(vm, self, &rec)) return JS_EXCEPTION;
  JSValue search = js_arg(0);
  for (double skipped = 0;;) {
    JSValue v;
    int r = js_iterator_step_value(vm, &rec, &v);
    if (r < 0) return JS_EXCEPTION;
    if (r == 0) return JS_FALSE;
    if (skipped < to_skip) {
      skipped++;
    } else if (js_same_value_zero(v, search)) {
      return js_iterator_close(vm, &rec, false) ? JS_TRUE : JS_EXCEPTION;
    }
  }
}

/* {==== Iterator.prototype's accessors and @@dispose ====} */

// SetterThatIgnoresPrototypeProperties(this, %Iterator.prototype%, key,
// v): assigning on the prototype itself throws (as if the property were
// a read-only data property there); on an inheriting object it creates
// or sets an own property instead of running into the accessor again.
static JSValue set_ignoring_prototype(JSVM *vm, JSValue self, JSValue key, JSValue v,
                                      const char *name) {
  if (!js_is_object(self))
    return js_throw_type_error(vm, "Cannot assign to property '%s' of a non-object", name);
  if (js_same_bits(self, js_intrinsic(vm, IteratorPrototype)))
    return js_throw_type_error(vm, "Cannot assign to read only property '%s' of object '#<Object>'",
                               name);
  // [[GetOwnProperty]] decides between defining and assigning; either
  // may fail (a non-extensible object, a read-only own property).
  int r = js_get_own_property(vm, self, key, NULL);
  if (r < 0) return JS_EXCEPTION;
  if (r == 0) {
    if (js_create_data_property_or_throw(vm, self, key, v) < 0) return JS_EXCEPTION;
  } else if (js_set(vm, self, key, v, true) < 0) {
    return JS_EXCEPTION;
  }
  return JS_UNDEFINED;
}

// get Iterator.prototype[@@toStringTag]: "Iterator".
static JSValue iterator_proto_tag_get(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                      JSValue new_target) {
  return js_atom(vm, "Iterator");
}

static JSValue iterator_proto_tag_set(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                      JSValue new_target) {
  return set_ignoring_prototype(vm, self, vm->symbol[JS_SYMBOL_toStringTag], js_arg(0),
                                "Symbol(Symbol.toStringTag)");
}

// get Iterator.prototype.constructor: %Iterator%.
static JSValue iterator_proto_ctor_get(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                       JSValue new_target) {
  return js_intrinsic(vm, Iterator);
}

static JSValue iterator_proto_ctor_set(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                       JSValue new_target) {
  return set_ignoring_prototype(vm, self, vm->atom[JS_ATOM_constructor], js_arg(0),
                                "constructor");
}

// Iterator.prototype[@@dispose]() (explicit-resource-management): call
// this.return() if there is one; the result is ignored.
static JSValue iterator_proto_dispose(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                      JSValue new_target) {
  // GetMethod: a non-callable, non-nullish return is a TypeError.
  JSValue ret = js_get_method(vm, self, vm->atom[JS_ATOM_return]);
  if (js_is_exception(ret)) return ret;
  if (!js_is_undefined(ret) && js_is_exception(js_call(vm, ret, self, 0, NULL)))
    return JS_EXCEPTION;
  return JS_UNDEFINED;
}

/* {==== %Iterator%, Iterator.from, %WrapForValidIteratorPrototype% ====} */

// Iterator() (§27.1.3.1): abstract; only subclasses construct it.
static JSValue iterator_ctor(JSVM *vm, JSValue self, int argc, JSValue *argv,
                             JSValue new_target) {
  if (js_is_undefined(new_target))
    return js_throw_type_error(vm, "Constructor Iterator requires 'new'");
  // new.target is the active function only for `new Iterator` itself
  // (Reflect.construct(Iterator, [], X) and super() pass another one).
  if (js_same_bits(new_target, js_native_callee(vm)))
    return js_throw_type_error(vm, "Abstract class Iterator not directly constructable");
  // OrdinaryCreateFromConstructor: new.target's prototype, or this
  // realm's %Iterator.prototype% when that is not an object.
  JSValue proto = js_get_prototype_from_ctor(vm, new_target, JS_INTRINSIC_IteratorPrototype);
  if (js_is_exception(proto)) return proto;
  return js_new_object_proto(vm, proto);
}

// Iterator.from(O) (§27.1.3.2.1): an iterator that already inherits
// from Iterator.prototype is returned as is; anything else is wrapped.
static JSValue iterator_from(JSVM *vm, JSValue self, int argc, JSValue *argv,
                             JSValue new_target) {
  // iterate-string-primitives: Iterator.from("ab") iterates code points.
  JSIterRecord rec;
  if (!get_iterator_flattenable(vm, js_arg(0), true, &rec)) return JS_EXCEPTION;
  // OrdinaryHasInstance reads %Iterator%.prototype (non-writable, so
  // always %Iterator.prototype%) and walks the prototype chain.
  int has = js_ordinary_has_instance(vm, js_intrinsic(vm, Iterator), rec.iterator);
  if (has < 0) return JS_EXCEPTION;
  if (has) return rec.iterator;
  // The wrapper's [[Iterated]]: target the iterator, state its next.
  JSValue w = js_new_iterator(vm, JS_ITER_WRAP, rec.iterator, JS_ITER_KIND_VALUES);
  JSIteratorObject *it = js_heap(w);
  it->state = rec.next;  // fresh object: raw store
  return w;
}

// %WrapForValidIteratorPrototype%.next(): the wrapped next, called on
// the wrapped iterator, its result passed through unchecked.
static JSValue wrap_next(JSVM *vm, JSValue self, int argc, JSValue *argv,
                         JSValue new_target) {
  JSIteratorObject *it = js_iterator_this(vm, self, JS_ITER_WRAP, "next");
  if (!it) return JS_EXCEPTION;
  return js_call(vm, it->state, it->target, 0, NULL);
}

// %WrapForValidIteratorPrototype%.return(): the wrapped iterator's
// return(), or a done result when it has none.
static JSValue wrap_return(JSVM *vm, JSValue self, int argc, JSValue *argv,
                           JSValue new_target) {
  JSIteratorObject *it = js_iterator_this(vm, self, JS_ITER_WRAP, "return");
  if (!it) return JS_EXCEPTION;
  // Unlike IteratorClose, return()'s result is handed back unchecked.
  JSValue iter = it->target;
  JSValue ret = js_get_method(vm, iter, vm->atom[JS_ATOM_return]);
  if (js_is_exception(ret)) return ret;
  if (js_is_undefined(ret)) return js_create_iter_result(vm, JS_UNDEFINED, true);
  return js_call(vm, ret, iter, 0, NULL);
}

/* {==== The family ====} */

// Iterator.prototype's methods and accessors (%Iterator.prototype% is
// realm.c's %IteratorPrototype%; runtime/iterator.c gave it @@iterator).
static void install_prototype(JSVM *vm, JSValue ip) {
  js_def_method_magic(vm, ip, "map", iterator_proto_callback_helper, 1, H_MAP);
  js_def_method_magic(vm, ip, "filter", iterator_proto_callback_helper, 1, H_FILTER);
  js_def_method_magic(vm, ip, "take", iterator_proto_limit_helper, 1, H_TAKE);
  js_def_method_magic(vm, ip, "drop", iterator_proto_limit_helper, 1, H_DROP);
  js_def_method_magic(vm, ip, "flatMap", iterator_proto_callback_helper, 1, H_FLATMAP);
  js_def_method(vm, ip, "chunks", iterator_proto_chunks, 1);
  js_def_method(vm, ip, "windows", iterator_proto_windows, 1);
  js_def_method(vm, ip, "reduce", iterator_proto_reduce, 1);
  js_def_method(vm, ip, "toArray", iterator_proto_to_array, 0);
  js_def_method_magic(vm, ip, "forEach", iterator_proto_eager, 1, EAGER_FOR_EACH);
  js_def_method_magic(vm, ip, "some", iterator_proto_eager, 1, EAGER_SOME);
  js_def_method_magic(vm, ip, "every", iterator_proto_eager, 1, EAGER_EVERY);
  js_def_method_magic(vm, ip, "find", iterator_proto_eager, 1, EAGER_FIND);
  js_def_method(vm, ip, "includes", iterator_proto_includes, 1);
  js_def_method_key(vm, ip, vm->symbol[JS_SYMBOL_dispose], "[Symbol.dispose]",
                    iterator_proto_dispose, 0);
  // Accessors in place of the usual data properties (the constructor
  // data property js_new_native_ctor made is replaced).
  js_def_getter_key(vm, ip, vm->symbol[JS_SYMBOL_toStringTag], "[Symbol.toStringTag]",
                    iterator_proto_tag_get, iterator_proto_tag_set);
  js_def_getter_key(vm, ip, vm->atom[JS_ATOM_constructor], "constructor",
                    iterator_proto_ctor_get, iterator_proto_ctor_set);
}

void js_init_iterator_helpers(JSVM *vm) {
  JSRealm *r = vm->realm;
  JSValue ip = js_intrinsic(vm, IteratorPrototype);
  // The two prototypes js_new_iterator gives JS_ITER_HELPER and
  // JS_ITER_WRAP objects; no such object exists before this runs.
  JSValue hp = js_new_object_proto(vm, ip), wp = js_new_object_proto(vm, ip);
  r->intrinsic[JS_INTRINSIC_IteratorHelperPrototype] = hp;
  r->intrinsic[JS_INTRINSIC_WrapForValidIteratorPrototype] = wp;
  js_def_method(vm, hp, "next", helper_next, 0);
  js_def_method(vm, hp, "return", helper_return, 0);
  js_define_value(vm, hp, vm->symbol[JS_SYMBOL_toStringTag], js_atom(vm, "Iterator Helper"),
                  JS_ATTR_CONFIGURABLE);
  js_def_method(vm, wp, "next", wrap_next, 0);
  js_def_method(vm, wp, "return", wrap_return, 0);

  JSValue ctor = js_new_native_ctor(vm, "Iterator", iterator_ctor, 0, ip);
  r->intrinsic[JS_INTRINSIC_Iterator] = ctor;
  js_def_method(vm, ctor, "from", iterator_from, 1);
  js_def_method(vm, ctor, "concat", iterator_concat, 0);
  js_def_method_magic(vm, ctor, "zip", iterator_zip, 1, 0);
  js_def_method_magic(vm, ctor, "zipKeyed", iterator_zip, 1, 1);
  install_prototype(vm, ip);
  js_def_value(vm, r->global, "Iterator", ctor, JS_ATTR_METHOD);
}
