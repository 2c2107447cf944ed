/*
 * orinoco/heap.c — the heap's front door: initialization, the allocation
 * paths and the policy that decides when to scavenge and when to run a
 * full mark-compact, the heap limit, and --trace-gc's lines.
 *
 * Invariants:
 *  - Objects up to ORI_MAX_YOUNG bytes start young; bigger ones go to the
 *    large object space. Objects allocated outside new space are noted as
 *    fresh (invariant (a) of orinoco.h).
 *  - A full collection runs when the old generation has grown past
 *    old_limit, which is set after each full collection from the live
 *    size (growing factor ORI_GROWTH), and never above the heap limit.
 *  - Past --max-old-space-size, even after a full collection, the process
 *    ends with node's fatal message (or ori_try_alloc returns NULL).
 */
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "orinoco/heap.h"

#ifndef JSVM_GC_BOEHM

#define ORI_MAX_YOUNG ((size_t)32 << 10)
#define ORI_GROWTH 1.75
#define ORI_MIN_OLD_LIMIT ((size_t)8 << 20)
#define ORI_MIN_EXTERNAL_LIMIT ((size_t)64 << 20)
// Allocation paces the marker: a step of ORI_STEP_BYTES traced for every
// ORI_STEP_EVERY bytes allocated (--gc-stress: many small steps).
#define ORI_STEP_EVERY ((size_t)256 << 10)
#define ORI_STEP_BYTES ((size_t)512 << 10)
// ... and the sweeper: pages swept per space for every ORI_STEP_EVERY.
#define ORI_SWEEP_STEP_PAGES 4

OriHeap ori_heap;

double ori_now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

// The address space this process may still map (RLIMIT_AS), generously
// estimated when unlimited.
static size_t address_space_room(void) {
  struct rlimit rl;
  if (getrlimit(RLIMIT_AS, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY) return SIZE_MAX;
  // The C stack, the binary and malloc's arenas need room too.
  size_t used = (size_t)2 << 30;
  return rl.rlim_cur > used ? (size_t)rl.rlim_cur - used : (size_t)256 << 20;
}

void ori_init(const OriConfig *config) {
  if (ori_heap.start_ms != 0) return;
  if (config) ori_heap.config = *config;
  size_t old_mb = ori_heap.config.max_old_space_mb ? ori_heap.config.max_old_space_mb : 4096;
  size_t semi_mb = ori_heap.config.max_semi_space_mb ? ori_heap.config.max_semi_space_mb : 16;
  ori_heap.max_old_bytes = old_mb << 20;
  ori_heap.max_semi_bytes = semi_mb << 20;
  ori_heap.old_limit = ORI_MIN_OLD_LIMIT;
  ori_heap.external_limit = ORI_MIN_EXTERNAL_LIMIT;
  ori_heap.start_ms = ori_now_ms();
  ori_heap.stress_countdown = ori_heap.config.gc_stress;
  // Room for the old generation at its limit, both semispaces, and the
  // fragmentation of large runs; only address space, nothing committed.
  size_t want = 2 * ori_heap.max_old_bytes + 4 * ori_heap.max_semi_bytes + ((size_t)1 << 30);
  size_t room = address_space_room();
  if (want > room / 2) {
    // Under an address-space limit (ulimit -v), take half of what is left
    // and scale the old generation's limit down to fit.
    want = room / 2;
    size_t old_max = (want - 4 * ori_heap.max_semi_bytes) / 2;
    if (ori_heap.max_old_bytes > old_max) ori_heap.max_old_bytes = old_max;
  }
  ori_pages_init(want);
  ori_new_space_init();
}

void ori_set_layout(const OriLayout *layout) { ori_heap.layout = layout; }

void ori_fatal_heap_limit(void) {
  // Node prints this and aborts; we exit non-zero the same way, after
  // flushing what the program already wrote.
  fflush(stdout);
  fprintf(stderr,
          "\n<--- Last few GCs --->\n\nFATAL ERROR: Reached heap limit "
          "Allocation failed - JavaScript heap out of memory\n");
  _exit(134);
}

static size_t old_generation_size(void) {
  size_t n = 0;
  for (int s = ORI_OLD_SPACE; s < ORI_SPACE_COUNT; s++) n += ori_heap.space[s].size;
  return n;
}

size_t ori_heap_used(void) {
  return old_generation_size() + ori_heap.space[ORI_NEW_SPACE].size;
}

size_t ori_bytes_allocated(void) { return ori_heap.allocated; }
uint32_t ori_gc_count(void) { return ori_heap.gc_count; }

void ori_push(void ***a, size_t *n, size_t *cap, void *p) {
  if (*n == *cap) {
    *cap = *cap ? *cap * 2 : 1024;
    *a = realloc(*a, *cap * sizeof **a);
    if (!*a) ori_fatal_heap_limit();
  }
  (*a)[(*n)++] = p;
}

/* {==== Collection policy ====} */

void ori_collect(const char *reason) {
  if (ori_heap.in_gc) return;
  ori_mark_compact(reason);
  ori_after_full_gc();
}

void ori_after_full_gc(void) {
  size_t live = old_generation_size();
  size_t limit = (size_t)((double)live * ORI_GROWTH);
  if (limit < ORI_MIN_OLD_LIMIT) limit = ORI_MIN_OLD_LIMIT;
  if (limit > ori_heap.max_old_bytes) limit = ori_heap.max_old_bytes;
  ori_heap.old_limit = limit;
  ori_heap.full_requested = false;
  ori_heap.external_limit = 2 * ori_heap.external + ORI_MIN_EXTERNAL_LIMIT;
  if (live > ori_heap.max_old_bytes) ori_fatal_heap_limit();
}

// The old generation's pressure, after a scavenge or an old allocation:
// close to the limit, start marking incrementally, so that the full
// collection's pause is only its final step; far past it (marking could
// not keep up), finish at once.
static void old_generation_pressure(void) {
  size_t old = old_generation_size(), limit = ori_heap.old_limit, committed = 0;
  for (int s = ORI_OLD_SPACE; s < ORI_SPACE_COUNT; s++) committed += ori_heap.space[s].committed;
  if (old > 2 * limit) {
    ori_collect("allocation failure");
  } else if (!ori_marking && (old > limit / 4 * 3 || committed > 2 * limit)) {
    // (Committed pages far above the live size: fragmentation that only a
    // full collection, which gives empty pages back, can undo.)
    ori_marking_start("finalize incremental marking via stack guard");
  }
}

void ori_collect_young(const char *reason) {
  if (ori_heap.in_gc) return;
  ori_scavenge(reason);
  old_generation_pressure();
  // Each scavenge also advances marking (it promoted objects).
  if (ori_marking) ori_marking_step(2 * ORI_STEP_BYTES);
}

// The mutator's share of the old generation's work, paced by allocation:
// a marking step while marking; otherwise a few pages of lazy sweeping,
// so that a scavenge promoting objects rarely has to sweep in its pause.
static void allocation_step(void) {
  static size_t last;
  // Under --gc-stress, many small steps interleave with the mutator.
  size_t every = ori_heap.config.gc_stress ? 4096 : ORI_STEP_EVERY;
  if (ori_heap.allocated - last < every) return;
  last = ori_heap.allocated;
  if (ori_marking) {
    ori_marking_step(ori_heap.config.gc_stress ? 16384 : ORI_STEP_BYTES);
  } else if (ori_heap.sweeping && !ori_heap.in_gc) {
    ori_heap.sweeping = ori_sweep_step(ORI_SWEEP_STEP_PAGES);
  }
}

// --gc-stress: every Nth allocation collects: mostly scavenges, every
// sixteenth a full collection, and an incremental marking cycle started
// in between, so that every collector path is exercised.
static void stress(void) {
  if (--ori_heap.stress_countdown) return;
  ori_heap.stress_countdown = ori_heap.config.gc_stress;
  if (ori_heap.in_gc) return;
  uint32_t n = ++ori_heap.stress_count;
  if (n % 16 == 0) {
    ori_collect("stress");
  } else if (n % 16 == 8 && !ori_marking) {
    // Exercise incremental marking: start a cycle; the pace below steps
    // it in small increments until it finishes by itself.
    ori_marking_start("stress");
  } else {
    ori_collect_young("stress");
  }
}

/* {==== Allocation ====} */

// Old-generation allocation: collect when the generation is over its
// limit, and fail past the heap limit.
static void *alloc_old(OriSpace space, size_t size) {
  if (!ori_heap.in_gc) old_generation_pressure();
  if (old_generation_size() + size > ori_heap.max_old_bytes) return NULL;
  void *p = space == ORI_LO_SPACE ? ori_lo_alloc(size) : ori_paged_alloc(space, size);
  if (p && !ori_heap.in_gc) ori_note_fresh(p);
  if (p && ori_marking) ori_marking_note_black(p, size);
  return p;
}

void *ori_try_alloc(size_t size) {
  size = (size + 7) & ~(size_t)7;
  if (ori_heap.start_ms == 0) ori_init(NULL);
  if (ori_heap.config.gc_stress) stress();
  if (ori_heap.full_requested && !ori_heap.in_gc) ori_collect("external memory pressure");
  ori_heap.allocated += size;
  allocation_step();
  if (size > ORI_MAX_YOUNG) return alloc_old(ORI_LO_SPACE, size);
  void *p = ori_new_space_alloc(size);
  if (!p) {
    ori_collect_young("allocation failure");
    p = ori_new_space_alloc(size);
  }
  // A new space that survival has filled: this object starts old.
  return p ? p : alloc_old(ORI_OLD_SPACE, size);
}

void *ori_alloc(size_t size) {
  void *p = ori_try_alloc(size);
  if (!p) ori_fatal_heap_limit();
  return p;
}

void *ori_alloc_atomic(size_t size) { return ori_alloc(size); }

void *ori_alloc_in(OriSpace space, size_t size) {
  if (space == ORI_NEW_SPACE) return ori_alloc(size);
  size = (size + 7) & ~(size_t)7;
  if (ori_heap.start_ms == 0) ori_init(NULL);
  if (ori_heap.config.gc_stress) stress();
  ori_heap.allocated += size;
  if (size > ORI_MAX_YOUNG) space = ORI_LO_SPACE;
  void *p = alloc_old(space, size);
  if (!p) ori_fatal_heap_limit();
  return p;
}

void ori_external_add(ptrdiff_t delta) {
  if (delta < 0 && (size_t)-delta > ori_heap.external) delta = -(ptrdiff_t)ori_heap.external;
  ori_heap.external += (size_t)delta;
  // Blocks outside the heap still need their owners collected: past the
  // limit, the next allocation runs a full collection.
  if (ori_heap.external > ori_heap.external_limit) ori_heap.full_requested = true;
}

bool ori_contains(const void *p) { return ori_object_at(p) == p; }

/* {==== --trace-gc ====} */

void ori_trace_line(const char *kind, double before_mb, double after_mb,
                    double ms, const char *reason) {
  static double last_end;
  double now = ori_now_ms();
  ori_heap.total_pause_ms += ms;
  if (ms > ori_heap.max_pause_ms) ori_heap.max_pause_ms = ms;
  if (!ori_heap.config.trace_gc) {
    last_end = now;
    return;
  }
  double elapsed = now - ori_heap.start_ms;
  double since = now - (last_end ? last_end : ori_heap.start_ms);
  double avg_mu = elapsed > 0 ? 1.0 - ori_heap.total_pause_ms / elapsed : 1.0;
  double cur_mu = since > 0 ? 1.0 - ms / since : 1.0;
  if (avg_mu < 0) avg_mu = 0;
  if (cur_mu < 0) cur_mu = 0;
  double committed = (double)ori_pages_committed() / (1 << 20);
  fflush(stdout);
  printf("[%d:%p] %8.0f ms: %s %.1f (%.1f) -> %.1f (%.1f) MB, %.2f / 0.00 ms  "
         "(average mu = %.3f, current mu = %.3f) %s; \n",
         (int)getpid(), (void *)&ori_heap, elapsed, kind, before_mb, committed,
         after_mb, committed, ms, avg_mu, cur_mu, reason);
  fflush(stdout);
  last_end = now;
}

void ori_report(void) {
  if (!ori_heap.config.trace_gc_verbose) return;
  static const char *names[] = {"new_space", "old_space", "code_space", "map_space",
                                "lo_space"};
  printf("Memory allocator,       used: %6zu KB, committed: %6zu KB\n",
         ori_heap_used() >> 10, ori_pages_committed() >> 10);
  for (int s = 0; s < ORI_SPACE_COUNT; s++)
    printf("%-24s used: %6zu KB, committed: %6zu KB\n", names[s],
           ori_heap.space[s].size >> 10, ori_heap.space[s].committed >> 10);
  printf("Allocated in total: %.1f MB\n", (double)ori_heap.allocated / (1 << 20));
  printf("Total GC pause: %.2f ms (%u collections: %u scavenges, %u mark-compacts), "
         "max pause %.2f ms\n",
         ori_heap.total_pause_ms, ori_heap.gc_count, ori_heap.scavenges,
         ori_heap.mark_compacts, ori_heap.max_pause_ms);
  ori_compact_report();
}

#endif
