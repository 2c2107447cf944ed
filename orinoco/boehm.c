/*
 * orinoco/boehm.c — the build-time fallback (-DJSVM_GC=boehm): orinoco's
 * interface on top of Boehm GC. Every object is allocated in a Boehm
 * "kind" whose mark procedure is our body descriptors (runtime/layout.c):
 * Boehm cannot see NaN-boxed pointers, so it must not scan our objects
 * itself. Our roots (registered slots, root tracers, root ranges) and the
 * C stack decoded both ways are pushed from Boehm's push-other-roots hook.
 *
 * Invariants:
 *  - Nothing moves and nothing is generational here: the write barrier is
 *    compiled out (orinoco.h) and the remembered-set entry points are
 *    no-ops. Weak hooks do not run, so tables the orinoco collector treats
 *    as weak are traced strongly by their owners in this build.
 *  - Finalizers (ori_set_finalizer) go to GC_register_finalizer_no_order.
 *  - The mark procedure tolerates an object whose map is not set yet (a
 *    collection inside the allocation that follows its own).
 */
#ifdef JSVM_GC_BOEHM

#include <gc/gc.h>
#include <gc/gc_mark.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "orinoco/heap.h"

OriHeap ori_heap;
uintptr_t ori_heap_base, ori_heap_end;
static uint8_t no_young_pages[1];
uint8_t *ori_young_map = no_young_pages;

static unsigned object_kind;
static void **object_free_list;
static GC_push_other_roots_proc previous_push;

/* {==== Marking through the body descriptors ====} */

typedef struct MarkVisitor {
  OriVisitor v;
  struct GC_ms_entry *msp, *lim;
} MarkVisitor;

static void mark_value(OriVisitor *v, JSValue *slot) {
  MarkVisitor *m = (MarkVisitor *)v;
  if (js_is_heap(*slot))
    m->msp = GC_MARK_AND_PUSH(js_heap(*slot), m->msp, m->lim, (void **)slot);
}

static void mark_ptr(OriVisitor *v, void **slot) {
  MarkVisitor *m = (MarkVisitor *)v;
  if (*slot) m->msp = GC_MARK_AND_PUSH(*slot, m->msp, m->lim, slot);
}

static void weak_holder(OriVisitor *v, void *obj) {
  (void)v;
  (void)obj;
}

static struct GC_ms_entry *mark_proc(GC_word *addr, struct GC_ms_entry *msp,
                                     struct GC_ms_entry *lim, GC_word env) {
  (void)env;
  if (!*(void **)addr) return msp;  // map not set yet: nothing to trace
  MarkVisitor m = {.v = {.value = mark_value, .ptr = mark_ptr, .weak_holder = weak_holder,
                         .weak_refs = false, .value_no_trace = mark_value},
                   .msp = msp, .lim = lim};
  ori_heap.layout->trace(addr, &m.v);
  return m.msp;
}

/* {==== Roots ====} */

// Decoded root words, pushed as one range; rebuilt at every collection
// (Boehm scans the range before the collection ends).
static struct {
  void **v;
  size_t n, cap;
} found;

static void add_found(void *p) {
  if (found.n == found.cap) {
    found.cap = found.cap ? found.cap * 2 : 4096;
    found.v = realloc(found.v, found.cap * sizeof *found.v);
    if (!found.v) ori_fatal_heap_limit();
  }
  found.v[found.n++] = p;
}

static void root_value(OriVisitor *v, JSValue *slot) {
  (void)v;
  if (js_is_heap(*slot)) add_found(js_heap(*slot));
}

static void root_ptr(OriVisitor *v, void **slot) {
  (void)v;
  if (*slot) add_found(*slot);
}

__attribute__((no_sanitize_address, noinline)) static void scan_stack(void) {
  jmp_buf regs;
  setjmp(regs);
  uintptr_t *lo = (uintptr_t *)(void *)&regs, *hi = ori_heap.stack_base;
  for (uintptr_t *w = lo; hi && w < hi; w++) {
    uintptr_t x = *w;
    if ((x >> JS_TAG_SHIFT) == JS_TAG_HEAP) add_found((void *)(x & JS_PAYLOAD_MASK));
  }
}

static void GC_CALLBACK push_roots(void) {
  if (previous_push) previous_push();
  found.n = 0;
  OriVisitor v = {.value = root_value, .ptr = root_ptr, .weak_holder = weak_holder,
                  .weak_refs = false, .value_no_trace = root_value};
  ori_visit_roots(&v);
  scan_stack();
  if (found.n) GC_push_all(found.v, found.v + found.n);
}

/* {==== --trace-gc ====} */

static double gc_start_ms;
static size_t gc_start_used;

static void GC_CALLBACK on_event(GC_EventType e) {
  if (e == GC_EVENT_START) {
    gc_start_ms = ori_now_ms();
    gc_start_used = GC_get_heap_size() - GC_get_free_bytes();
  } else if (e == GC_EVENT_END) {
    ori_heap.gc_count++;
    ori_heap.mark_compacts++;
    double after = (double)(GC_get_heap_size() - GC_get_free_bytes()) / (1 << 20);
    ori_trace_line("Mark-Compact (boehm)", (double)gc_start_used / (1 << 20), after,
                   ori_now_ms() - gc_start_ms, "allocation failure");
  }
}

/* {==== The interface ====} */

double ori_now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

void ori_init(const OriConfig *config) {
  if (ori_heap.start_ms != 0) return;
  if (config) ori_heap.config = *config;
  size_t old_mb = ori_heap.config.max_old_space_mb ? ori_heap.config.max_old_space_mb : 4096;
  ori_heap.max_old_bytes = old_mb << 20;
  ori_heap.start_ms = ori_now_ms();
  GC_INIT();
  GC_set_max_heap_size(ori_heap.max_old_bytes);
  object_free_list = GC_new_free_list();
  object_kind = GC_new_kind(object_free_list, GC_MAKE_PROC(GC_new_proc(mark_proc), 0), 0, 1);
  previous_push = GC_get_push_other_roots();
  GC_set_push_other_roots(push_roots);
  GC_set_on_collection_event(on_event);
}

void ori_set_layout(const OriLayout *layout) { ori_heap.layout = layout; }

void ori_fatal_heap_limit(void) {
  fflush(stdout);
  fprintf(stderr,
          "\n<--- Last few GCs --->\n\nFATAL ERROR: Reached heap limit "
          "Allocation failed - JavaScript heap out of memory\n");
  _exit(134);
}

void *ori_try_alloc(size_t size) {
  if (ori_heap.start_ms == 0) ori_init(NULL);
  if (size > ori_heap.max_old_bytes) return NULL;
  ori_heap.allocated += size;
  if (ori_heap.config.gc_stress && --ori_heap.stress_countdown == 0) {
    ori_heap.stress_countdown = ori_heap.config.gc_stress;
    GC_gcollect();
  }
  return GC_generic_malloc(size ? size : 8, (int)object_kind);
}

void *ori_alloc(size_t size) {
  void *p = ori_try_alloc(size);
  if (!p) ori_fatal_heap_limit();
  return p;
}

void *ori_alloc_in(OriSpace space, size_t size) {
  (void)space;
  return ori_alloc(size);
}

void *ori_alloc_atomic(size_t size) { return ori_alloc(size); }

void ori_record_slot_ptr(const void *slot) { (void)slot; }
void ori_record_write(void *obj) { (void)obj; }
void ori_remember(void *obj) { (void)obj; }
void ori_note_fresh(void *obj) { (void)obj; }

static void GC_CALLBACK run_finalizer(void *obj, void *fn) {
  ((void (*)(void *))fn)(obj);
}

void ori_set_finalizer(void *obj, void (*fn)(void *obj)) {
  GC_register_finalizer_no_order(obj, run_finalizer, (void *)fn, NULL, NULL);
}

void ori_external_add(ptrdiff_t delta) {
  if (delta < 0 && (size_t)-delta > ori_heap.external) delta = -(ptrdiff_t)ori_heap.external;
  ori_heap.external += (size_t)delta;
  // Blocks outside the heap are invisible to Boehm's pacing: collect
  // after every 64 MB of them.
  if (ori_heap.external > ori_heap.external_limit + ((size_t)64 << 20)) {
    GC_gcollect();
    ori_heap.external_limit = ori_heap.external;
  }
}

void ori_collect(const char *reason) {
  (void)reason;
  GC_gcollect();
}

void ori_collect_young(const char *reason) { ori_collect(reason); }

bool ori_contains(const void *p) { return GC_base((void *)p) == p; }
size_t ori_bytes_allocated(void) { return ori_heap.allocated; }
size_t ori_heap_used(void) { return GC_get_heap_size() - GC_get_free_bytes(); }
uint32_t ori_gc_count(void) { return (uint32_t)GC_get_gc_no(); }

void ori_trace_line(const char *kind, double before_mb, double after_mb, double ms,
                    const char *reason) {
  ori_heap.total_pause_ms += ms;
  if (ms > ori_heap.max_pause_ms) ori_heap.max_pause_ms = ms;
  if (!ori_heap.config.trace_gc) return;
  double elapsed = ori_now_ms() - ori_heap.start_ms;
  double mu = elapsed > 0 ? 1.0 - ori_heap.total_pause_ms / elapsed : 1.0;
  double committed = (double)GC_get_heap_size() / (1 << 20);
  printf("[%d:%p] %8.0f ms: %s %.1f (%.1f) -> %.1f (%.1f) MB, %.2f / 0.00 ms  "
         "(average mu = %.3f, current mu = %.3f) %s; \n",
         (int)getpid(), (void *)&ori_heap, elapsed, kind, before_mb, committed, after_mb,
         committed, ms, mu < 0 ? 0 : mu, mu < 0 ? 0 : mu, reason);
}

void ori_report(void) {
  if (!ori_heap.config.trace_gc_verbose) return;
  printf("Boehm GC heap: %zu KB, free %zu KB; allocated in total %.1f MB; "
         "%u collections, total pause %.2f ms, max pause %.2f ms\n",
         GC_get_heap_size() >> 10, GC_get_free_bytes() >> 10,
         (double)ori_heap.allocated / (1 << 20), (unsigned)GC_get_gc_no(),
         ori_heap.total_pause_ms, ori_heap.max_pause_ms);
}

#endif
