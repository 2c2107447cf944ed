/*
 * runtime/builtins_atomics.c — the Atomics namespace (ECMA-262 §25.4):
 * add, and, compareExchange, exchange, isLockFree, load, or, store, sub,
 * xor, wait, waitAsync, notify and pause on the integer typed arrays
 * (Int8..Uint32, BigInt64, BigUint64).
 *
 * Invariants:
 *  - Other agents are other processes (host/test262_agent.c) sharing a
 *    SharedArrayBuffer's bytes through the arena of
 *    runtime/shared_memory.h, so every element access here is a real
 *    atomic instruction (sequentially consistent) on aligned memory.
 *  - Validation follows the spec's order exactly: ValidateIntegerTypedArray,
 *    then ValidateAtomicAccess (ToIndex against the length seen before the
 *    index was converted), then the value conversions (user code may
 *    detach or shrink the buffer), then RevalidateAtomicAccess.
 *  - Waiters: the main agent can suspend ([[CanBlock]] true, as the main
 *    thread of d8 and node). On a block of the shared arena, the
 *    WaiterList is the arena's (shared_memory.h): other agents wait and
 *    notify there. On a buffer of this process alone a synchronous wait
 *    has nobody to wake it, so it sleeps out its timeout and answers
 *    "timed-out" (forever without one).
 *  - Asynchronous waiters (waitAsync) live in the realm's AtomicsWaiters
 *    store (a GC root): slot 0 says whether the timeout job is queued,
 *    then W_SLOTS values per waiter, oldest first (see W_BUFFER below).
 *    notify takes them in that order and resolves each promise with "ok"
 *    from a job; the timeout job resolves the expired ones with
 *    "timed-out" and those another agent notified with "ok", and, while
 *    others wait, queues itself again, sleeping until the next deadline
 *    or notification when nothing else is queued (there is no event loop
 *    to wait in).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "runtime/bigint.h"
#include "runtime/builtins_typedarray.h"
#include "runtime/promise.h"
#include "runtime/shared_memory.h"

/* {==== Validation (§25.4.3) ====} */

// V8's form of a value in these messages: [object Int8Array] for objects.
static void throw_not(JSVM *vm, JSValue v, const char *what) {
  char *d = js_ta_describe(vm, v);
  if (!d) return;  // its ToString threw: that exception stands
  if (d[0] == '#' && d[1] == '<') {
    size_t n = strlen(d);
    js_throw_type_error(vm, "[object %.*s] is not %s.", (int)(n - 3), d + 2, what);
  } else {
    js_throw_type_error(vm, "%s is not %s.", d, what);
  }
  free(d);
}

// ValidateIntegerTypedArray(v, waitable): the typed array and, in *len,
// TypedArrayLength of its witness record; NULL after a TypeError.
// waitable admits Int32 and BigInt64 only, else every integer kind but
// Uint8Clamped.
static JSTypedArray *validate_integer(JSVM *vm, JSValue v, bool waitable, const char *method,
                                      uint64_t *len) {
  if (!js_is_typed_array(v)) {
    throw_not(vm, v, waitable ? "an int32 or BigInt64 typed array" : "an integer typed array");
    return NULL;
  }
  JSTypedArray *t = js_typed_array_validate(vm, v, method, len);
  if (!t) return NULL;
  bool ok = false;
  switch ((JSTAKind)t->kind) {
    case JS_TA_Int32: case JS_TA_BigInt64: ok = true; break;
    case JS_TA_Int8: case JS_TA_Uint8: case JS_TA_Int16: case JS_TA_Uint16: case JS_TA_Uint32:
    case JS_TA_BigUint64:
      ok = !waitable;
      break;
    case JS_TA_Uint8Clamped: case JS_TA_Float16: case JS_TA_Float32: case JS_TA_Float64:
    case JS_TA_DataView:
      ok = false;
      break;
  }
  if (!ok) {
    throw_not(vm, v, waitable ? "an int32 or BigInt64 typed array" : "an integer typed array");
    return NULL;
  }
  return t;
}

// ValidateAtomicAccess: ToIndex(index), which must be below len (the
// length validation saw); the byte index in the buffer, or -1.
static int64_t validate_access(JSVM *vm, const JSTypedArray *t, uint64_t len, JSValue index) {
  double i;
  if (!js_to_integer_or_infinity(vm, index, &i)) return -1;
  // ToIndex's range, then the array's: one message for both, as V8's.
  if (i < 0 || i > 9007199254740991.0 || i >= (double)len) {
    js_throw_range_error(vm, "Invalid atomic access index");
    return -1;
  }
  return (int64_t)(((uint64_t)i << t->shift) + t->byte_offset);
}

// RevalidateAtomicAccess: the conversions since validation ran user
// code; the array must still be in bounds and the element inside the
// buffer. false after a TypeError / RangeError.
static bool revalidate(JSVM *vm, JSTypedArray *t, int64_t byte_index, const char *method) {
  if (js_ta_out_of_bounds(t)) {
    bool detached = js_array_buffer(t->buffer)->flags & JS_AB_DETACHED;
    js_throw_type_error(vm, "Cannot perform %s on %s", method,
                        detached ? "a detached ArrayBuffer" : "an out of bounds TypedArray");
    return false;
  }
  if ((uint64_t)byte_index >= js_array_buffer(t->buffer)->byte_length) {
    js_throw_range_error(vm, "Invalid atomic access index");
    return false;
  }
  return true;
}

/* {==== Element bytes ====} */

// The raw bytes of an element (little-endian host: the low bytes of a
// uint64_t), and back.
static uint64_t read_raw(const uint8_t *p, uint32_t size) {
  uint64_t x = 0;
  memcpy(&x, p, size);
  return x;
}
static void write_raw(uint8_t *p, uint32_t size, uint64_t x) { memcpy(p, &x, size); }

// The same accesses made atomically: a SharedArrayBuffer's bytes may be
// shared with other agents, which are other processes (host/
// test262_agent.c). Elements are aligned (a view's offset is a multiple
// of its element size and blocks are 16-byte aligned).
#define ATOMIC_SIZES(DO) \
  switch (size) {        \
    case 1: DO(uint8_t);  \
    case 2: DO(uint16_t); \
    case 4: DO(uint32_t); \
    default: DO(uint64_t); \
  }
static uint64_t atomic_read(const uint8_t *p, uint32_t size) {
#define LOAD(T) return __atomic_load_n((const T *)p, __ATOMIC_SEQ_CST)
  ATOMIC_SIZES(LOAD)
#undef LOAD
}
static void atomic_write(uint8_t *p, uint32_t size, uint64_t x) {
#define STORE(T) __atomic_store_n((T *)p, (T)x, __ATOMIC_SEQ_CST); return
  ATOMIC_SIZES(STORE)
#undef STORE
}
// Compare-and-swap of the element's bits: the old bits.
static uint64_t atomic_cas(uint8_t *p, uint32_t size, uint64_t expected, uint64_t replacement) {
#define CAS(T)                                                                              \
  {                                                                                         \
    T e = (T)expected;                                                                      \
    __atomic_compare_exchange_n((T *)p, &e, (T)replacement, false, __ATOMIC_SEQ_CST,        \
                                __ATOMIC_SEQ_CST);                                          \
    return e;                                                                               \
  }
  ATOMIC_SIZES(CAS)
#undef CAS
}

// The element value of raw bytes (RawBytesToNumeric): a Number, or a
// BigInt for the BigInt kinds.
static JSValue raw_value(JSVM *vm, int kind, uint64_t raw) {
  uint8_t tmp[8];
  write_raw(tmp, 8, raw);
  return js_ta_load(vm, kind, tmp);
}

// The value argument of a modifying operation, converted: ToBigInt for
// the BigInt kinds, else 𝔽(ToIntegerOrInfinity) (-0 made +0). *raw gets
// NumericToRawBytes of it (ToInt8 etc. modulo the element size). The
// converted value itself (what store returns), or JS_EXCEPTION.
static JSValue convert(JSVM *vm, int kind, JSValue v, uint64_t *raw) {
  uint8_t tmp[8];
  if (js_ta_kind_is_bigint(kind)) {
    JSValue b = js_to_bigint(vm, v);
    if (js_is_exception(b)) return b;
    *raw = js_bigint_to_uint64(b);
    return b;
  }
  double d;
  if (!js_to_integer_or_infinity(vm, v, &d)) return JS_EXCEPTION;
  if (d == 0) d = 0;
  js_ta_store(kind, tmp, d);
  *raw = read_raw(tmp, js_ta_element_size(kind));
  return js_from_number(d);
}

/* {==== Read-modify-write ====} */

/* The operations of AtomicReadModifyWrite, as magic numbers. */
enum { OP_ADD, OP_AND, OP_EXCHANGE, OP_OR, OP_SUB, OP_XOR };
static const char *const op_names[] = {"Atomics.add", "Atomics.and", "Atomics.exchange",
                                       "Atomics.or", "Atomics.sub", "Atomics.xor"};

// The element's bits op'd with v atomically, wrapping modulo the element
// size; the old bits.
static uint64_t atomic_rmw(uint8_t *p, uint32_t size, int op, uint64_t v) {
#define RMW(T)                                                              \
  {                                                                         \
    T *q = (T *)p, x = (T)v;                                                \
    switch (op) {                                                           \
      case OP_ADD: return __atomic_fetch_add(q, x, __ATOMIC_SEQ_CST);       \
      case OP_AND: return __atomic_fetch_and(q, x, __ATOMIC_SEQ_CST);       \
      case OP_EXCHANGE: return __atomic_exchange_n(q, x, __ATOMIC_SEQ_CST); \
      case OP_OR: return __atomic_fetch_or(q, x, __ATOMIC_SEQ_CST);         \
      case OP_SUB: return __atomic_fetch_sub(q, x, __ATOMIC_SEQ_CST);       \
      default: return __atomic_fetch_xor(q, x, __ATOMIC_SEQ_CST);           \
    }                                                                       \
  }
  ATOMIC_SIZES(RMW)
#undef RMW
}

// Atomics.add/and/exchange/or/sub/xor (typedArray, index, value):
// AtomicReadModifyWrite (§25.4.3.17). The element's old value.
static JSValue atomics_rmw(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  (void)self, (void)nt;
  int op = js_native_magic(vm);
  uint64_t len, v;
  JSTypedArray *t = validate_integer(vm, js_arg(0), false, op_names[op], &len);
  if (!t) return JS_EXCEPTION;
  int64_t at = validate_access(vm, t, len, js_arg(1));
  if (at < 0) return JS_EXCEPTION;
  if (js_is_exception(convert(vm, t->kind, js_arg(2), &v))) return JS_EXCEPTION;
  if (!revalidate(vm, t, at, op_names[op])) return JS_EXCEPTION;
  uint32_t size = js_ta_element_size(t->kind);
  uint64_t old = atomic_rmw(js_array_buffer(t->buffer)->data + at, size, op, v);
  return raw_value(vm, t->kind, old);
}

// Atomics.compareExchange(typedArray, index, expectedValue,
// replacementValue) (§25.4.5): the replacement goes in when the element's
// bytes equal the expected value's (converted to the element type); the
// old value either way.
static JSValue atomics_compare_exchange(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                        JSValue nt) {
  (void)self, (void)nt;
  const char *method = "Atomics.compareExchange";
  uint64_t len, expected, replacement;
  JSTypedArray *t = validate_integer(vm, js_arg(0), false, method, &len);
  if (!t) return JS_EXCEPTION;
  int64_t at = validate_access(vm, t, len, js_arg(1));
  if (at < 0) return JS_EXCEPTION;
  if (js_is_exception(convert(vm, t->kind, js_arg(2), &expected))) return JS_EXCEPTION;
  if (js_is_exception(convert(vm, t->kind, js_arg(3), &replacement))) return JS_EXCEPTION;
  if (!revalidate(vm, t, at, method)) return JS_EXCEPTION;
  uint32_t size = js_ta_element_size(t->kind);
  uint64_t old = atomic_cas(js_array_buffer(t->buffer)->data + at, size, expected, replacement);
  return raw_value(vm, t->kind, old);
}

// Atomics.load(typedArray, index) (§25.4.9).
static JSValue atomics_load(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  (void)self, (void)nt;
  uint64_t len;
  JSTypedArray *t = validate_integer(vm, js_arg(0), false, "Atomics.load", &len);
  if (!t) return JS_EXCEPTION;
  int64_t at = validate_access(vm, t, len, js_arg(1));
  if (at < 0 || !revalidate(vm, t, at, "Atomics.load")) return JS_EXCEPTION;
  uint32_t size = js_ta_element_size(t->kind);
  return raw_value(vm, t->kind, atomic_read(js_array_buffer(t->buffer)->data + at, size));
}

// Atomics.store(typedArray, index, value) (§25.4.12): the converted
// value, not what the element keeps (store(i8, 0, 300) is 300).
static JSValue atomics_store(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  (void)self, (void)nt;
  uint64_t len, raw;
  JSTypedArray *t = validate_integer(vm, js_arg(0), false, "Atomics.store", &len);
  if (!t) return JS_EXCEPTION;
  int64_t at = validate_access(vm, t, len, js_arg(1));
  if (at < 0) return JS_EXCEPTION;
  JSValue v = convert(vm, t->kind, js_arg(2), &raw);
  if (js_is_exception(v) || !revalidate(vm, t, at, "Atomics.store")) return JS_EXCEPTION;
  atomic_write(js_array_buffer(t->buffer)->data + at, js_ta_element_size(t->kind), raw);
  return v;
}

// Atomics.isLockFree(size) (§25.4.7): 1, 2, 4 and 8 byte accesses are
// lock-free on every supported target (V8's answers).
static JSValue atomics_is_lock_free(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                    JSValue nt) {
  (void)self, (void)nt;
  double n;
  if (!js_to_integer_or_infinity(vm, js_arg(0), &n)) return JS_EXCEPTION;
  return js_from_bool(n == 1 || n == 2 || n == 4 || n == 8);
}

// Atomics.pause([N]) (§25.4.10): a spin-wait hint; N must be undefined
// or an integral Number. Nothing to wait for on one thread.
static JSValue atomics_pause(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  (void)self, (void)nt;
  JSValue n = js_arg(0);
  if (!js_is_undefined(n)) {
    double d = js_is_number(n) ? js_number_value(n) : NAN;
    if (!isfinite(d) || d != trunc(d))
      return js_throw_type_error(vm, "Atomics.pause argument must be undefined or an integer");
  }
  return JS_UNDEFINED;
}

/* {==== Waiting and notifying (§25.4.3.14 DoWait, §25.4.15 notify) ====} */

// Now on the monotonic clock, in milliseconds.
static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

// The slots of a waiter in the store: the SharedArrayBuffer, the byte
// index, the promise, the deadline and the waiter's id in the shared
// waiter list (-1 unless the buffer is in the shared arena).
enum { W_BUFFER, W_INDEX, W_PROMISE, W_DEADLINE, W_SHARED, W_SLOTS };

// Sleep ms milliseconds (+Infinity: for ever).
static void sleep_ms(double ms) {
  while (ms > 0) {
    double step = ms > 1e9 ? 1e9 : ms;
    struct timespec ts = {.tv_sec = (time_t)(step / 1e3),
                          .tv_nsec = (long)fmod(step * 1e6, 1e9)};
    nanosleep(&ts, NULL);
    if (!isinf(ms)) ms -= step;
  }
}

// The waiter store (see the header), created on first use.
static JSArrayStore *waiters(JSVM *vm) {
  JSValue w = js_intrinsic(vm, AtomicsWaiters);
  if (js_is_heap(w)) return js_heap(w);
  JSArrayStore *st = js_new_store(vm, 1 + 2 * W_SLOTS);
  // Fresh, young: raw stores are fine.
  for (uint32_t i = 0; i < 1 + 2 * W_SLOTS; i++) st->v[i] = JS_UNDEFINED;
  st->v[0] = JS_FALSE;
  st->used = 1;
  js_intrinsic(vm, AtomicsWaiters) = js_val(st);
  return st;
}

// The slots of waiter k.
static JSValue *waiter(JSArrayStore *st, uint32_t k) { return &st->v[1 + W_SLOTS * k]; }

// Drop waiter k (its slots), keeping the others in order.
static void remove_waiter(JSArrayStore *st, uint32_t k) {
  for (uint32_t i = 1 + W_SLOTS * k; i + W_SLOTS < st->used; i++)
    ORI_STORE_SLOT(st, &st->v[i], st->v[i + W_SLOTS]);
  st->used -= W_SLOTS;
  for (uint32_t i = st->used; i < st->used + W_SLOTS; i++) st->v[i] = JS_UNDEFINED;
}

// The job that settles a notified waiter's promise (EnqueueResolveInAgentJob).
static JSValue resolve_job(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  (void)self, (void)nt;
  js_promise_resolve_fn(vm, js_arg(0), js_arg(1));
  return JS_UNDEFINED;
}

// Notify waiter k: drop it and queue the job resolving its promise with
// "ok" (*fn: that job's function, made on first use).
static void notify_waiter(JSVM *vm, JSArrayStore *st, uint32_t k, JSValue *fn) {
  JSValue args[2] = {waiter(st, k)[W_PROMISE], js_atom(vm, "ok")};
  remove_waiter(st, k);
  if (js_is_undefined(*fn)) *fn = js_new_native(vm, "", resolve_job, 2, 0);
  js_enqueue_job(vm, *fn, 2, args);
}

static JSValue timeout_job(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt);

// Queue the timeout job unless it already is.
static void schedule_timeouts(JSVM *vm) {
  JSArrayStore *st = waiters(vm);
  if (js_bool(st->v[0])) return;
  st->v[0] = JS_TRUE;  // not a heap reference: no barrier needed
  JSValue fn = js_new_native(vm, "", timeout_job, 0, 0);
  js_enqueue_job(vm, fn, 0, NULL);
}

// How waiter w ends now: "ok" if another agent notified it, "timed-out"
// past its deadline (unless a notify got there first); NULL: neither.
static const char *waiter_outcome(const JSValue *w, double now) {
  int id = js_int32(w[W_SHARED]);
  if (id >= 0 && js_shm_async_notified(id)) return "ok";
  if (js_number_value(w[W_DEADLINE]) > now) return NULL;
  return id < 0 || js_shm_async_cancel(id) ? "timed-out" : "ok";
}

// EnqueueAtomicsWaitAsyncTimeoutJob's jobs, one for all waiters: settle
// the expired ones with "timed-out" and those other agents notified with
// "ok", then come back while others wait. When no other job is queued it
// first sleeps until the nearest deadline, or until another agent rings
// the bell of runtime/shared_memory.h (there is no event loop to wait in).
static JSValue timeout_job(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  (void)self, (void)argc, (void)argv, (void)nt;
  JSArrayStore *st = waiters(vm);
  uint32_t bell = js_shm_bell();  // before the checks: a later ring is seen
  double now = now_ms(), next = INFINITY;
  bool shared = false;
  for (uint32_t k = 0; 1 + W_SLOTS * k < st->used;) {
    const char *outcome = waiter_outcome(waiter(st, k), now);
    if (outcome) {
      JSValue promise = waiter(st, k)[W_PROMISE];
      remove_waiter(st, k);
      js_promise_resolve_fn(vm, promise, js_atom(vm, outcome));
      continue;
    }
    shared |= js_int32(waiter(st, k)[W_SHARED]) >= 0;
    double deadline = js_number_value(waiter(st, k)[W_DEADLINE]);
    if (deadline < next) next = deadline;
    k++;
  }
  st->v[0] = JS_FALSE;
  if (isinf(next) && !shared) return JS_UNDEFINED;
  if (vm->job_count == 0 && shared) js_shm_bell_wait(bell, next - now_ms());
  else if (vm->job_count == 0) sleep_ms(next - now_ms());
  schedule_timeouts(vm);
  return JS_UNDEFINED;
}

// The {async, value} result object of waitAsync.
static JSValue wait_result(JSVM *vm, bool async, JSValue value) {
  JSValue r = js_new_object(vm);
  if (js_create_data_property_or_throw(vm, r, js_atom(vm, "async"), js_from_bool(async)) < 0 ||
      js_create_data_property_or_throw(vm, r, vm->atom[JS_ATOM_value], value) < 0)
    return JS_EXCEPTION;
  return r;
}

// DoWait's asynchronous end, from step 21: add a waiter with a pending
// promise (and a deadline t ms from now unless t is +Infinity). id is
// its entry in the shared waiter list, or -1 (this agent's alone).
static JSValue wait_async(JSVM *vm, JSValue buffer, int64_t at, double t, int id) {
  JSValue promise = js_promise_new(vm);
  JSValue entry[W_SLOTS] = {buffer, js_from_number((double)at), promise,
                            js_from_double(isinf(t) ? t : now_ms() + t), js_from_int32(id)};
  JSArrayStore *st = waiters(vm);
  for (int i = 0; i < W_SLOTS; i++) st = js_store_push(vm, st, entry[i]);
  js_intrinsic(vm, AtomicsWaiters) = js_val(st);
  // Another agent's notify is seen only by the timeout job's polling.
  if (!isinf(t) || id >= 0) schedule_timeouts(vm);
  return wait_result(vm, true, promise);
}

// DoWait from step 16 on a block of the shared arena, whose waiters live
// there (runtime/shared_memory.h): other agents may notify them.
static JSValue wait_shared(JSVM *vm, bool async, JSValue buffer, int64_t at, uint32_t size,
                           uint64_t v, double t) {
  uint8_t *p = js_array_buffer(buffer)->data + at;
  int id = -1;
  JSShmWait r;
  if (async && t == 0) r = atomic_read(p, size) == v ? JS_SHM_TIMED_OUT : JS_SHM_NOT_EQUAL;
  else if (async) r = js_shm_wait_async(p, size, v, &id);
  else r = js_shm_wait(p, size, v, t);
  const char *outcome = "ok";
  switch (r) {
    case JS_SHM_NOT_EQUAL: outcome = "not-equal"; break;
    case JS_SHM_TIMED_OUT: outcome = "timed-out"; break;
    case JS_SHM_FULL: return js_throw_range_error(vm, "Too many Atomics waiters");
    case JS_SHM_OK:
      if (async) return wait_async(vm, buffer, at, t, id);
      break;
  }
  return async ? wait_result(vm, false, js_atom(vm, outcome)) : js_atom(vm, outcome);
}

// DoWait(mode, typedArray, index, value, timeout) (§25.4.3.14) for
// Atomics.wait (magic 0) and Atomics.waitAsync (magic 1).
static JSValue atomics_wait(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  (void)self, (void)nt;
  bool async = js_native_magic(vm) != 0;
  const char *method = async ? "Atomics.waitAsync" : "Atomics.wait";
  uint64_t len, v;
  JSTypedArray *t = validate_integer(vm, js_arg(0), true, method, &len);
  if (!t) return JS_EXCEPTION;
  JSValue buffer = t->buffer;
  if (!(js_array_buffer(buffer)->flags & JS_AB_SHARED)) {
    throw_not(vm, js_arg(0), "a shared typed array");
    return JS_EXCEPTION;
  }
  int64_t at = validate_access(vm, t, len, js_arg(1));
  if (at < 0) return JS_EXCEPTION;
  // v: ToBigInt64 or ToInt32 of value, as raw element bits.
  if (t->kind == JS_TA_BigInt64) {
    JSValue b = js_to_bigint(vm, js_arg(2));
    if (js_is_exception(b)) return b;
    v = js_bigint_to_uint64(b);
  } else {
    int32_t i;
    if (!js_to_int32(vm, js_arg(2), &i)) return JS_EXCEPTION;
    v = (uint32_t)i;
  }
  double q;
  if (js_is_undefined(js_arg(3))) q = NAN;
  else if (!js_to_number(vm, js_arg(3), &q)) return JS_EXCEPTION;
  double tmo = isnan(q) || q == INFINITY ? INFINITY : q < 0 ? 0 : q;
  // A SharedArrayBuffer is never detached, and only grows: no recheck.
  uint32_t size = js_ta_element_size(t->kind);
  if (js_shm_owns(js_array_buffer(buffer)->data))
    return wait_shared(vm, async, buffer, at, size, v, tmo);
  if (read_raw(js_array_buffer(buffer)->data + at, size) != v) {
    if (!async) return js_atom(vm, "not-equal");
    return wait_result(vm, false, js_atom(vm, "not-equal"));
  }
  if (async && tmo == 0) return wait_result(vm, false, js_atom(vm, "timed-out"));
  if (async) return wait_async(vm, buffer, at, tmo, -1);
  // Nobody else runs to notify this agent: the timeout is all there is.
  sleep_ms(tmo);
  return js_atom(vm, "timed-out");
}

// Atomics.notify on a block of the shared arena: the shared waiter list
// wakes other agents' waiters; this agent's own async waiters come back
// to be settled here, in order.
static uint32_t notify_shared(JSVM *vm, uint8_t *p, double c) {
  int own[JS_SHM_MAX_WAITERS];
  uint32_t n_own;
  uint32_t n = js_shm_notify(p, c, own, &n_own);
  JSArrayStore *st = waiters(vm);
  JSValue fn = JS_UNDEFINED;
  for (uint32_t i = 0; i < n_own; i++) {
    for (uint32_t k = 0; 1 + W_SLOTS * k < st->used; k++) {
      if (js_int32(waiter(st, k)[W_SHARED]) != own[i]) continue;
      notify_waiter(vm, st, k, &fn);
      break;
    }
  }
  return n;
}

// Atomics.notify(typedArray, index, count) (§25.4.15): wake up to count
// waiters on the element, oldest first; how many. In a buffer of this
// agent alone only waitAsync's waiters can be waiting while it runs.
static JSValue atomics_notify(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  (void)self, (void)nt;
  uint64_t len;
  JSTypedArray *t = validate_integer(vm, js_arg(0), true, "Atomics.notify", &len);
  if (!t) return JS_EXCEPTION;
  int64_t at = validate_access(vm, t, len, js_arg(1));
  if (at < 0) return JS_EXCEPTION;
  double c = INFINITY;
  if (!js_is_undefined(js_arg(2))) {
    if (!js_to_integer_or_infinity(vm, js_arg(2), &c)) return JS_EXCEPTION;
    if (c < 0) c = 0;
  }
  JSValue buffer = t->buffer;
  if (!(js_array_buffer(buffer)->flags & JS_AB_SHARED)) return js_from_int32(0);
  uint8_t *p = js_array_buffer(buffer)->data + at;
  if (js_shm_owns(p)) return js_from_number(notify_shared(vm, p, c));
  JSArrayStore *st = waiters(vm);
  JSValue fn = JS_UNDEFINED;
  uint32_t n = 0;
  for (uint32_t k = 0; 1 + W_SLOTS * k < st->used && n < c;) {
    JSValue *w = waiter(st, k);
    if (w[W_BUFFER].bits != buffer.bits || js_number_value(w[W_INDEX]) != (double)at) {
      k++;
      continue;
    }
    notify_waiter(vm, st, k, &fn);
    n++;
  }
  return js_from_number(n);
}

/* {==== Installation ====} */

static const struct {
  const char *name;
  JSNative fn;
  int length, magic;
} atomics_methods[] = {
    // V8's order, then pause.
    {"load", atomics_load, 2, 0},
    {"store", atomics_store, 3, 0},
    {"add", atomics_rmw, 3, OP_ADD},
    {"sub", atomics_rmw, 3, OP_SUB},
    {"and", atomics_rmw, 3, OP_AND},
    {"or", atomics_rmw, 3, OP_OR},
    {"xor", atomics_rmw, 3, OP_XOR},
    {"exchange", atomics_rmw, 3, OP_EXCHANGE},
    {"compareExchange", atomics_compare_exchange, 4, 0},
    {"isLockFree", atomics_is_lock_free, 1, 0},
    {"wait", atomics_wait, 4, 0},
    {"waitAsync", atomics_wait, 4, 1},
    {"notify", atomics_notify, 3, 0},
    {"pause", atomics_pause, 0, 0},
};

void js_init_atomics(JSVM *vm) {
  // Atomics is a plain object, not a function (§25.4).
  JSValue atomics = js_new_object(vm);
  for (size_t i = 0; i < sizeof atomics_methods / sizeof *atomics_methods; i++)
    js_def_method_magic(vm, atomics, atomics_methods[i].name, atomics_methods[i].fn,
                        atomics_methods[i].length, atomics_methods[i].magic);
  js_define_value(vm, atomics, vm->symbol[JS_SYMBOL_toStringTag], js_atom(vm, "Atomics"),
                  JS_ATTR_CONFIGURABLE);
  js_def_value(vm, vm->realm->global, "Atomics", atomics, JS_ATTR_METHOD);
}
