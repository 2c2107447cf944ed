/*
 * orinoco/roots.c — where collections start: registered slots, root
 * tracers, pushed root ranges, weak hooks, and the conservative scan of
 * the C stack and registers.
 *
 * Invariants:
 *  - The conservative scan reads every aligned word between the current
 *    stack pointer (after setjmp has spilled the callee-saved registers
 *    into this frame) and the stack base, and reports each object that a
 *    word points into, as a raw pointer or as a boxed JSValue. It is
 *    exempt from the address sanitizer: it reads other frames on purpose.
 *  - Root ranges are LIFO: pops match pushes.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <setjmp.h>
#include <stdlib.h>

#include "orinoco/heap.h"

typedef struct Tracer {
  OriTracer fn;
  void *ctx;
} Tracer;

typedef struct Range {
  JSValue **base;
  const uint32_t *n;
} Range;

static struct {
  JSValue **slots;
  size_t nslots, cap_slots;
  Tracer *tracers, *weak;
  size_t ntracers, cap_tracers, nweak, cap_weak;
  Range *ranges;
  size_t nranges, cap_ranges;
} roots;

// Grow a malloc'd array of elem-size items to hold one more.
static void *grow(void *a, size_t *cap, size_t n, size_t elem) {
  if (n < *cap) return a;
  *cap = *cap ? *cap * 2 : 16;
  a = realloc(a, *cap * elem);
  if (!a) ori_fatal_heap_limit();
  return a;
}

void ori_add_root(JSValue *slot) {
  roots.slots = grow(roots.slots, &roots.cap_slots, roots.nslots, sizeof *roots.slots);
  roots.slots[roots.nslots++] = slot;
}

void ori_remove_root(JSValue *slot) {
  for (size_t i = roots.nslots; i-- > 0;) {
    if (roots.slots[i] == slot) {
      roots.slots[i] = roots.slots[--roots.nslots];
      return;
    }
  }
}

void ori_add_tracer(OriTracer fn, void *ctx) {
  roots.tracers = grow(roots.tracers, &roots.cap_tracers, roots.ntracers, sizeof(Tracer));
  roots.tracers[roots.ntracers++] = (Tracer){fn, ctx};
}

void ori_remove_tracer(OriTracer fn, void *ctx) {
  for (size_t i = roots.ntracers; i-- > 0;) {
    if (roots.tracers[i].fn == fn && roots.tracers[i].ctx == ctx) {
      roots.tracers[i] = roots.tracers[--roots.ntracers];
      return;
    }
  }
}

void ori_add_weak_hook(OriTracer fn, void *ctx) {
  roots.weak = grow(roots.weak, &roots.cap_weak, roots.nweak, sizeof(Tracer));
  roots.weak[roots.nweak++] = (Tracer){fn, ctx};
}

void ori_push_roots(JSValue **base, const uint32_t *n) {
  roots.ranges = grow(roots.ranges, &roots.cap_ranges, roots.nranges, sizeof(Range));
  roots.ranges[roots.nranges++] = (Range){base, n};
}

void ori_pop_roots(void) { roots.nranges--; }

void ori_visit_roots(OriVisitor *v) {
  for (size_t i = 0; i < roots.nslots; i++) v->value(v, roots.slots[i]);
  for (size_t i = 0; i < roots.nranges; i++) {
    JSValue *base = *roots.ranges[i].base;
    uint32_t n = *roots.ranges[i].n;
    for (uint32_t k = 0; k < n; k++) v->value(v, &base[k]);
  }
  for (size_t i = 0; i < roots.ntracers; i++) roots.tracers[i].fn(roots.tracers[i].ctx, v);
}

static void run_finalizers(OriVisitor *v);

void ori_run_weak_hooks(OriVisitor *v) {
  for (size_t i = 0; i < roots.nweak; i++) roots.weak[i].fn(roots.weak[i].ctx, v);
  run_finalizers(v);
}

/* {==== Finalizers ====} */

typedef struct Finalizer {
  JSValue obj;
  void (*fn)(void *obj);
} Finalizer;

static struct {
  Finalizer *v;
  size_t n, cap;
} finalizers;

#ifndef JSVM_GC_BOEHM
void ori_set_finalizer(void *obj, void (*fn)(void *obj)) {
  finalizers.v = grow(finalizers.v, &finalizers.cap, finalizers.n, sizeof(Finalizer));
  finalizers.v[finalizers.n++] = (Finalizer){js_from_heap(obj), fn};
}
#endif

// Objects with finalizers are held weakly: a dead one has its finalizer
// run before its memory is reused (weak hooks run before sweeping).
static void run_finalizers(OriVisitor *v) {
  size_t out = 0;
  for (size_t i = 0; i < finalizers.n; i++) {
    Finalizer f = finalizers.v[i];
    if (v->is_live(v, &f.obj)) {
      finalizers.v[out++] = f;
    } else {
      f.fn(js_heap(f.obj));
    }
  }
  finalizers.n = out;
}

/* {==== The conservative stack scan ====} */

void ori_set_stack_base(void *base) {
  // The thread's own stack top is the safest base: every frame of main
  // and above is below it.
  pthread_attr_t attr;
  void *addr;
  size_t size;
  if (pthread_getattr_np(pthread_self(), &attr) == 0) {
    if (pthread_attr_getstack(&attr, &addr, &size) == 0) base = (char *)addr + size;
    pthread_attr_destroy(&attr);
  }
  ori_heap.stack_base = base;
}

#ifndef JSVM_GC_BOEHM

// The objects found so far in one scan: each is reported once, however
// many frames hold it (a deep recursion holds the same few objects in
// every frame, and tracing a big one per frame would be quadratic).
typedef struct SeenSet {
  uintptr_t *slot;
  size_t mask, count;
} SeenSet;

static bool seen_add(SeenSet *s, uintptr_t p) {
  if ((s->count + 1) * 2 > s->mask + 1) {
    size_t cap = (s->mask + 1) * 2;
    uintptr_t *old = s->slot, old_cap = s->mask + 1;
    s->slot = calloc(cap, sizeof *s->slot);
    if (!s->slot) ori_fatal_heap_limit();
    s->mask = cap - 1;
    for (size_t i = 0; i < old_cap; i++) {
      if (!old[i]) continue;
      size_t j = (old[i] >> 3) * 0x9E3779B97F4A7C15ull >> 20 & s->mask;
      while (s->slot[j]) j = (j + 1) & s->mask;
      s->slot[j] = old[i];
    }
    free(old);
  }
  size_t j = (p >> 3) * 0x9E3779B97F4A7C15ull >> 20 & s->mask;
  for (; s->slot[j]; j = (j + 1) & s->mask)
    if (s->slot[j] == p) return false;
  s->slot[j] = p;
  s->count++;
  return true;
}

// The words of [lo, hi) that point into objects: report each object once.
__attribute__((no_sanitize_address, noinline)) static void scan_range(
    uintptr_t *lo, uintptr_t *hi, void (*hit)(void *, void *), void *ctx, bool young_only) {
  SeenSet seen = {calloc(256, sizeof(uintptr_t)), 255, 0};
  if (!seen.slot) ori_fatal_heap_limit();
  uintptr_t last = 0;
  for (uintptr_t *w = lo; w < hi; w++) {
    uintptr_t x = *w;
    if ((x >> JS_TAG_SHIFT) == JS_TAG_HEAP) x &= JS_PAYLOAD_MASK;
    if (x - ori_heap_base >= ori_heap_end - ori_heap_base) continue;
    // Deep recursion repeats the same few pointers frame after frame.
    if (x == last) continue;
    last = x;
    if (young_only) {
      OriPage *pg = ori_page_of((void *)x);
      if (!pg || !(pg->flags & ORI_PAGE_YOUNG)) continue;
    }
    void *obj = ori_object_at((void *)x);
    if (obj && seen_add(&seen, (uintptr_t)obj)) hit(obj, ctx);
  }
  free(seen.slot);
}

__attribute__((no_sanitize_address, noinline)) void ori_scan_stack(
    void (*hit)(void *obj, void *ctx), void *ctx, bool young_only) {
  jmp_buf regs;  // spills callee-saved registers into this frame
  setjmp(regs);
  uintptr_t *lo = (uintptr_t *)((uintptr_t)__builtin_frame_address(0) & ~(uintptr_t)7);
  // The jmp_buf is below the frame address on some ABIs: start at it.
  if ((uintptr_t *)(void *)&regs < lo) lo = (uintptr_t *)(void *)&regs;
  uintptr_t *hi = ori_heap.stack_base;
  if (!hi) return;
  scan_range(lo, hi, hit, ctx, young_only);
}

#endif
