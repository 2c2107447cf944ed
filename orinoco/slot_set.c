/*
 * orinoco/slot_set.c — the remembered set's slot half: one bit per word
 * of the heap's reservation, set by the write barrier for a JSValue slot
 * of an old object that now holds a young value (V8's OLD_TO_NEW slot
 * set). A scavenge visits exactly those slots instead of re-tracing the
 * objects holding them, and the barrier does not need to find the object.
 *
 * Invariants:
 *  - ori_slot_bits has bit (a - base) / 8 for the word at address a; the
 *    word is a JSValue field of a live old object, or of one that died in
 *    a marking whose dead objects are not swept yet (their bits are
 *    cleared in the final pause, before their memory can be reused).
 *  - ori_slot_pages[i] is nonzero when page i may have slot bits: the
 *    scavenger reads only those pages' bits.
 *  - A page coming into use or given back has no slot bits (page.c calls
 *    ori_slots_clear_range), and young pages have none: a young object's
 *    slot may be copied away or die at any scavenge.
 *  - Raw-pointer fields are never in the slot set: their stores remember
 *    the whole object (ori_record_slot_ptr), because the scavenger reads a
 *    slot as a JSValue.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "orinoco/heap.h"

#ifndef JSVM_GC_BOEHM

uint64_t *ori_slot_bits;
uint8_t *ori_slot_pages;

#define WORDS_PER_PAGE (ORI_PAGE_SIZE / 8 / 64)

void ori_slots_init(size_t npages) {
  // One bit per heap word: 1/64 of the reservation, untouched until used.
  size_t bytes = npages * WORDS_PER_PAGE * 8;
  void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  ori_slot_pages = calloc(npages, 1);
  if (p == MAP_FAILED || !ori_slot_pages) ori_fatal_heap_limit();
  ori_slot_bits = p;
}

void ori_slots_clear_range(const void *start, size_t bytes) {
  size_t first = ori_page_index(start), n = bytes / ORI_PAGE_SIZE;
  for (size_t i = first; i < first + n; i++) {
    if (!ori_slot_pages[i]) continue;
    memset(ori_slot_bits + i * WORDS_PER_PAGE, 0, WORDS_PER_PAGE * 8);
    ori_slot_pages[i] = 0;
  }
}

bool ori_slot_recorded(const void *slot) {
  size_t w = ((uintptr_t)slot - ori_heap_base) >> 3;
  return (ori_slot_bits[w >> 6] >> (w & 63)) & 1;
}

// Slots are visited in batches: every slot and every object it names is
// a likely cache miss (old objects all over the heap, young ones in the
// order they were allocated), so a batch first prefetches the slots, then
// the objects they hold, and only then visits them.
#define BATCH 128

typedef struct Batch {
  JSValue *slot[BATCH];
  size_t n;
  bool (*visit)(JSValue *slot, void *ctx);
  void *ctx;
} Batch;

// Visit the batch; a slot stays recorded only if visit returns true (it
// still holds a young value).
static void run_batch(Batch *b) {
  for (size_t i = 0; i < b->n; i++) {
    JSValue v = *b->slot[i];
    if (js_is_heap(v)) __builtin_prefetch(js_heap(v));
  }
  for (size_t i = 0; i < b->n; i++)
    if (b->visit(b->slot[i], b->ctx)) ori_record_slot(b->slot[i]);
  b->n = 0;
}

// The slots of page i, each visited once. (Bits are cleared as they are
// taken and set again for the slots kept; a visit may record new slots,
// which stay.)
static void page_slots(size_t i, Batch *b) {
  uint64_t *bm = ori_slot_bits + i * WORDS_PER_PAGE;
  char *page = (char *)ori_heap_base + i * ORI_PAGE_SIZE;
  ori_slot_pages[i] = 0;
  for (size_t w = 0; w < WORDS_PER_PAGE; w++) {
    uint64_t bits = bm[w];
    if (!bits) continue;
    bm[w] = 0;
    for (; bits; bits &= bits - 1) {
      JSValue *slot = (JSValue *)(page + ((w << 6) + (size_t)__builtin_ctzll(bits)) * 8);
      __builtin_prefetch(slot);
      b->slot[b->n++] = slot;
      if (b->n == BATCH) run_batch(b);
    }
  }
}

void ori_slots_visit(bool (*visit)(JSValue *slot, void *ctx), void *ctx) {
  size_t npages = (ori_heap_end - ori_heap_base) >> ORI_PAGE_BITS;
  Batch b = {.n = 0, .visit = visit, .ctx = ctx};
  for (size_t i = 0; i < npages; i++)
    if (ori_slot_pages[i]) page_slots(i, &b);
  run_batch(&b);
}

void ori_slots_move(const void *from, const void *to, size_t bytes) {
  if (!ori_slot_pages[ori_page_index(from)]) return;
  size_t f = ((uintptr_t)from - ori_heap_base) >> 3, t = ((uintptr_t)to - ori_heap_base) >> 3;
  for (size_t i = 0; i < bytes / 8; i++) {
    if (!((ori_slot_bits[(f + i) >> 6] >> ((f + i) & 63)) & 1)) continue;
    ori_slot_bits[(t + i) >> 6] |= 1ull << ((t + i) & 63);
    ori_slot_pages[ori_page_index(to)] = 1;
  }
}

// For ori_slots_drop_dead: a slot in a dead object is forgotten.
static bool in_live_object(JSValue *slot, void *ctx) {
  (void)ctx;
  return ori_object_at(slot) != NULL;
}

void ori_slots_drop_dead(void) {
  // Called in the final pause: unswept pages' start bits name live
  // objects only with their mark bits (ori_object_at checks), and large
  // objects are swept already (their pages' bits cleared when freed).
  ori_slots_visit(in_live_object, NULL);
}

#endif
