/*
 * tests/unit/runtime/test_promise.c — the C API of runtime/promise.h, the
 * one the interpreter's async functions build on: settling promises made
 * with js_promise_new, awaiting through js_promise_then_native, the
 * PromiseResolve shortcut, thenable adoption with its two extra ticks,
 * and the unhandled-rejection tracker. Handlers are natives that append
 * "tag:value" to a log, so each test checks the exact job order.
 */
#include <stdlib.h>
#include <string.h>

#include "runtime/promise.h"
#include "runtime/runtime.h"
#include "tests/unit/check.h"

static JSVM *vm;
static char log_buf[512];

// A handler: appends "<magic>:<ToString(argument)> " to the log. Magic
// 'T' handlers throw their argument back (to test propagation).
static JSValue logger(JSVM *v, JSValue self, int argc, JSValue *argv, JSValue nt) {
  int tag = js_native_magic(v);
  JSValue s = js_to_string(v, js_arg(0));
  char *text = js_is_exception(s) ? strdup("?") : js_string_utf8(v, s, NULL);
  size_t n = strlen(log_buf);
  snprintf(log_buf + n, sizeof log_buf - n, "%c:%s ", tag, text);
  free(text);
  if (tag == 'T') return js_throw(v, js_arg(0));
  return JS_UNDEFINED;
}

static JSValue handler(int tag) { return js_new_native(vm, "h", logger, 1, tag); }

// Drain the queue and return the log (then cleared for the next test).
static const char *drain(void) {
  static char out[512];
  CHECK(js_run_jobs(vm));
  snprintf(out, sizeof out, "%s", log_buf);
  log_buf[0] = 0;
  return out;
}

static JSPromiseObject *P(JSValue v) { return js_heap(v); }

static void test_settle_and_await(void) {
  JSValue p = js_promise_new(vm);
  CHECK(js_is_promise(p));
  CHECK(!js_is_promise(js_new_object(vm)));
  CHECK(P(p)->state == JS_PROMISE_PENDING);
  js_promise_then_native(vm, p, handler('a'), handler('b'));
  js_promise_then_native(vm, p, handler('c'), JS_UNDEFINED);
  CHECK_STR(drain(), "");  // nothing runs while pending
  js_promise_resolve_fn(vm, p, js_from_int32(42));
  js_promise_resolve_fn(vm, p, js_from_int32(7));   // ignored: first call wins
  js_promise_reject_fn(vm, p, js_from_int32(9));    // ignored too
  CHECK(P(p)->state == JS_PROMISE_FULFILLED);
  CHECK_STR(drain(), "a:42 c:42 ");
  // A settled promise queues the reaction at once.
  js_promise_then_native(vm, p, handler('d'), JS_UNDEFINED);
  CHECK_STR(drain(), "d:42 ");

  JSValue r = js_promise_new(vm);
  js_promise_reject_fn(vm, r, js_atom(vm, "no"));
  CHECK(P(r)->state == JS_PROMISE_REJECTED);
  js_promise_then_native(vm, r, handler('x'), handler('e'));
  CHECK_STR(drain(), "e:no ");
  CHECK(!js_promise_report_unhandled(vm));  // handled by the then above
}

static void test_promise_resolve(void) {
  JSValue p = js_promise_new(vm);
  CHECK(js_same_bits(js_promise_resolve(vm, p), p));  // a %Promise%: itself
  JSValue q = js_promise_resolve(vm, js_from_int32(5));
  CHECK(js_is_promise(q) && !js_same_bits(q, p));
  CHECK(P(q)->state == JS_PROMISE_FULFILLED);
  CHECK(js_number_value(P(q)->result) == 5);
  // A promise whose constructor is something else gets wrapped; the
  // wrapper then adopts it through p.then, whose species lookup throws
  // on that constructor, so the wrapper ends up rejected.
  js_define_value(vm, p, vm->atom[JS_ATOM_constructor], js_from_int32(0), JS_ATTR_DEFAULT);
  JSValue w = js_promise_resolve(vm, p);
  CHECK(!js_same_bits(w, p));
  js_promise_then_native(vm, w, JS_UNDEFINED, handler('w'));
  CHECK(strncmp(drain(), "w:TypeError: ", 13) == 0);
}

// Resolving with a promise adopts its state two jobs later (the
// PromiseResolveThenableJob, then the inner then's reaction), exactly as
// `await` and node order it against a plain chain.
static void test_thenable_ticks(void) {
  JSValue inner = js_promise_new(vm);
  js_promise_resolve_fn(vm, inner, js_atom(vm, "in"));
  JSValue outer = js_promise_new(vm);
  js_promise_resolve_fn(vm, outer, inner);
  CHECK(P(outer)->state == JS_PROMISE_PENDING);  // locked in, not settled
  js_promise_then_native(vm, outer, handler('o'), JS_UNDEFINED);
  JSValue t1 = js_promise_new(vm);
  js_promise_resolve_fn(vm, t1, js_from_int32(1));
  js_promise_then_native(vm, t1, handler('1'), JS_UNDEFINED);
  JSValue d = js_promise_then_derived(vm, t1, JS_UNDEFINED, JS_UNDEFINED);
  js_promise_then_native(vm, d, handler('2'), JS_UNDEFINED);
  JSValue d2 = js_promise_then_derived(vm, d, JS_UNDEFINED, JS_UNDEFINED);
  js_promise_then_native(vm, d2, handler('3'), JS_UNDEFINED);
  CHECK_STR(drain(), "1:1 2:1 o:in 3:1 ");
}

static void test_self_resolution(void) {
  JSValue p = js_promise_new(vm);
  js_promise_resolve_fn(vm, p, p);
  CHECK(P(p)->state == JS_PROMISE_REJECTED);
  CHECK(js_is_type(P(p)->result, JS_TYPE_Error));
  js_promise_then_native(vm, p, JS_UNDEFINED, handler('e'));
  CHECK_STR(drain(), "e:TypeError: Chaining cycle detected for promise #<Promise> ");
}

static void test_derived_and_errors(void) {
  // A throwing handler rejects the derived promise.
  JSValue p = js_promise_resolve(vm, js_atom(vm, "v"));
  JSValue d = js_promise_then_derived(vm, p, handler('T'), JS_UNDEFINED);
  js_promise_then_native(vm, d, JS_UNDEFINED, handler('r'));
  CHECK_STR(drain(), "T:v r:v ");
  // Without a capability the exception leaves the job queue.
  JSValue q = js_promise_resolve(vm, js_atom(vm, "boom"));
  js_promise_then_native(vm, q, handler('T'), JS_UNDEFINED);
  CHECK(!js_run_jobs(vm));
  CHECK(vm->has_exception);
  js_take_exception(vm);
  log_buf[0] = 0;
}

static void test_unhandled(void) {
  FILE *sink = tmpfile();
  FILE *saved = vm->err;
  vm->err = sink;
  JSValue a = js_promise_new(vm);
  js_promise_reject_fn(vm, a, js_from_int32(1));
  JSValue b = js_promise_new(vm);
  js_promise_reject_fn(vm, b, js_from_int32(2));
  js_promise_then_native(vm, a, JS_UNDEFINED, handler('h'));
  CHECK_STR(drain(), "h:1 ");
  CHECK(js_promise_report_unhandled(vm));   // b
  CHECK(!js_promise_report_unhandled(vm));  // reported once, then forgotten
  char text[400] = {0};
  rewind(sink);
  CHECK(fread(text, 1, sizeof text - 1, sink) > 0);
  CHECK(strstr(text, "The promise rejected with the reason \"2\".") != NULL);
  vm->err = saved;
  fclose(sink);
  // Many rejections handled in time never pile up as reports.
  for (int i = 0; i < 1000; i++) {
    JSValue r = js_promise_new(vm);
    js_promise_reject_fn(vm, r, js_from_int32(i));
    js_promise_then_native(vm, r, JS_UNDEFINED, JS_UNDEFINED);
  }
  CHECK(!js_promise_report_unhandled(vm));
}

int main(void) {
  vm = js_vm_new();
  test_settle_and_await();
  test_promise_resolve();
  test_thenable_ticks();
  test_self_resolution();
  test_derived_and_errors();
  test_unhandled();
  return check_report(__FILE__);
}
