/*
 * orinoco/orinoco.h — the heap: allocation, the write barrier, roots.
 *
 * Invariants (the collector issue builds the spaces and collections behind
 * this interface; every caller already goes through it):
 *  - Every heap object is allocated by ori_alloc (or ori_alloc_in for a
 *    chosen space). Memory comes back zeroed and 8-byte aligned, and every
 *    object begins with a pointer to its map (runtime/object.h); orinoco
 *    learns an object's size and pointer fields from the body descriptor
 *    table the runtime registers (ori_set_layout).
 *  - (a) every pointer from an old object to a young one is in the
 *    remembered set; (b) while marking, no black object points to a white
 *    one. Both are kept by ORI_STORE / ori_write_barrier: every store of a
 *    value into a heap object goes through them. A raw store is allowed
 *    only into an object allocated since the last allocation-free point
 *    (a fresh young object), with a comment saying so.
 *  - Roots: the C stack and registers are scanned conservatively, so a
 *    heap pointer or JSValue in a C local is safe. A pointer kept where
 *    the collector cannot see (malloc'd memory, a static) must be
 *    registered with ori_add_root for as long as it is kept.
 *
 * Current collector: none yet. Memory is bump-allocated from 1 MB chunks
 * (large objects get their own mapping) and never reclaimed; the heap
 * limit is enforced. The collector issue replaces heap.c, not its callers.
 */
#ifndef JSVM_ORINOCO_H
#define JSVM_ORINOCO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "runtime/value.h"

typedef enum OriSpace {
  ORI_NEW_SPACE,
  ORI_OLD_SPACE,
  ORI_CODE_SPACE,
  ORI_MAP_SPACE,
  ORI_LO_SPACE,
} OriSpace;

typedef struct OriConfig {
  size_t max_old_space_mb;   /* 0 = default (4096) */
  size_t max_semi_space_mb;  /* 0 = default (16) */
  bool trace_gc, trace_gc_verbose, verify_heap;
  uint32_t gc_stress;        /* collect every N allocations; 0 = never */
} OriConfig;

/* ori_init: set up the heap; call once before any allocation. */
void ori_init(const OriConfig *config);

/* ori_alloc: a zeroed young object of size bytes (rounded up to 8). On
 * exhaustion it prints node's fatal heap-limit message and exits. */
void *ori_alloc(size_t size);

/* ori_alloc_in: the same in a given space (maps, bytecode, big arrays). */
void *ori_alloc_in(OriSpace space, size_t size);

/* ori_try_alloc: NULL instead of the fatal exit, for allocations whose
 * size comes from the program (huge strings, arrays): the caller throws
 * a RangeError. */
void *ori_try_alloc(size_t size);

/* ori_write_barrier: record that slot (inside obj) now holds v. Restores
 * invariants (a) and (b). */
static inline void ori_write_barrier(void *obj, JSValue *slot, JSValue v) {
  (void)obj;
  (void)slot;
  (void)v;  // nothing to record until the collector exists
}

/* ORI_STORE: the one way to store a JSValue into a heap object's field. */
#define ORI_STORE(obj, field, v)                      \
  do {                                                \
    JSValue ori_v_ = (v);                             \
    /* the field is evaluated once (it may be v[i++]) */ \
    JSValue *ori_p_ = &(obj)->field;                  \
    *ori_p_ = ori_v_;                                 \
    ori_write_barrier((obj), ori_p_, ori_v_);         \
  } while (0)

/* ORI_STORE_SLOT: store into a JSValue slot of obj given by address (an
 * element of an array inside obj, an entry of a table). */
#define ORI_STORE_SLOT(obj, slotp, v)                 \
  do {                                                \
    JSValue ori_v_ = (v);                             \
    JSValue *ori_p_ = (slotp);                        \
    *ori_p_ = ori_v_;                                 \
    ori_write_barrier((obj), ori_p_, ori_v_);         \
  } while (0)

/* ORI_STORE_PTR: the same for a field holding a raw heap pointer. */
#define ORI_STORE_PTR(obj, field, p) ((obj)->field = (p))

/* ori_add_root / ori_remove_root: a JSValue slot outside the heap that
 * the collector must treat as a root (and update if objects move). */
void ori_add_root(JSValue *slot);
void ori_remove_root(JSValue *slot);

/* Statistics for --trace-gc and tests. */
size_t ori_bytes_allocated(void);

#endif
