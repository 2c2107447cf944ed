/*
 * orinoco/verify.c — --verify-heap: after each collection, walk every
 * object of every space and every root, and check that each pointer names
 * the start of a live object (interior pointers: a live object), and that invariant (a) holds: an old object
 * pointing to a young one is dirty or fresh, or the slot is in the slot
 * set (and no young object's slot is). A failure prints what was
 * wrong and aborts, so a broken invariant is found where it breaks.
 */
#include <stdlib.h>
#include <string.h>

#include "orinoco/heap.h"

#ifndef JSVM_GC_BOEHM

typedef struct Verifier {
  OriVisitor v;
  void *obj;                 /* the object being checked */
  void *slot;                /* the slot being checked */
  bool old, remembered;
  bool by_slot;              /* its slots may be in the slot set */
  const char *when;
} Verifier;

static void fail(Verifier *vf, const void *target, const char *what) {
  fflush(stdout);
  if (!vf->obj) {
    fprintf(stderr, "verify-heap (%s): root slot %p holds %p: %s\n", vf->when, vf->slot, target,
            what);
    abort();
  }
  OriPage *pg = ori_page_of(target), *own = ori_page_of(vf->obj);
  void *t = ori_object_at(target);
  fprintf(stderr, "slot offset %ld, object size %zu, gc %u\n",
          (long)((char *)vf->slot - (char *)vf->obj), ori_size_of(vf->obj), ori_heap.gc_count);
  fprintf(stderr,
          "verify-heap (%s): object %p (type %d, space %d, flags %d) holds %p "
          "(space %d, flags %d, in object %p of type %d): %s\n",
          vf->when, vf->obj, *(uint8_t *)(*(char **)vf->obj + 8), own->space, own->flags,
          target, pg ? pg->space : -1, pg ? pg->flags : -1, t,
          t ? *(uint8_t *)(*(char **)t + 8) : -1, what);
  abort();
}

// p, held by the slot being checked (a raw pointer one when interior),
// names a live object where it may be; an old-to-young pointer is
// remembered (by its object, or by the slot set for a JSValue slot).
static void check(Verifier *vf, const void *p, bool interior) {
  OriPage *pg = ori_page_of(p);
  if (!pg) {
    if ((uintptr_t)p - ori_heap_base < ori_heap_end - ori_heap_base)
      fail(vf, p, "points into a free page");
    return;  // outside the heap: not ours to check
  }
  void *obj = ori_object_at(p);
  if (!obj || (!interior && obj != p)) fail(vf, p, "not the start of a live object");
  if (pg->flags & ORI_PAGE_FROM) fail(vf, p, "points into from-space");
  bool slot_recorded = !interior && vf->by_slot && ori_slot_recorded(vf->slot);
  if (vf->old && ori_is_young(obj) && !vf->remembered && !slot_recorded)
    fail(vf, p, "old-to-young pointer missing from the remembered set");
  if (!vf->old && slot_recorded) fail(vf, p, "a young object's slot in the slot set");
}

static void visit_value(OriVisitor *v, JSValue *slot) {
  ((Verifier *)v)->slot = slot;
  if (js_is_heap(*slot)) check((Verifier *)v, js_heap(*slot), false);
}

static void visit_ptr(OriVisitor *v, void **slot) {
  ((Verifier *)v)->slot = slot;
  if (*slot) check((Verifier *)v, *slot, true);
}

static void weak_holder(OriVisitor *v, void *obj) {
  (void)v;
  (void)obj;
}

// The fresh list, sorted for lookups (a deep C stack holding a million
// objects makes it that long, and every old object is looked up).
static struct {
  void **v;
  size_t n;
} fresh;

static void sort_fresh(void) {
  free(fresh.v);
  fresh.n = ori_heap.nfresh;
  fresh.v = malloc((fresh.n ? fresh.n : 1) * sizeof *fresh.v);
  if (!fresh.v) ori_fatal_heap_limit();
  if (fresh.n) memcpy(fresh.v, ori_heap.fresh, fresh.n * sizeof *fresh.v);
  qsort(fresh.v, fresh.n, sizeof *fresh.v, ori_address_order);
}

static bool is_fresh(const void *obj) {
  return bsearch(&obj, fresh.v, fresh.n, sizeof *fresh.v, ori_address_order) != NULL;
}

static void verify_page(Verifier *vf, OriPage *pg) {
  char *obj;
  // (On an unswept page only marked objects are alive.)
  for (OriObjects it = ori_objects(pg, pg->flags & ORI_PAGE_UNSWEPT);
       (obj = ori_objects_next(&it));) {
    size_t i = ori_bit(pg, obj);
    vf->obj = obj;
    vf->old = !(pg->flags & ORI_PAGE_YOUNG);
    vf->remembered = ori_test(pg->dirty, i) || (vf->old && is_fresh(vf->obj));
    vf->by_slot = ori_remembered_by_slot(vf->obj);
    ori_heap.layout->trace(vf->obj, &vf->v);
  }
}

void ori_verify_heap(const char *when) {
  Verifier vf = {.v = {.value = visit_value, .ptr = visit_ptr, .weak_holder = weak_holder,
                       .weak_refs = false, .value_no_trace = visit_value},
                 .when = when};
  sort_fresh();
  for (int s = 0; s < ORI_SPACE_COUNT; s++)
    for (OriPage *pg = ori_heap.space[s].pages; pg; pg = pg->next) verify_page(&vf, pg);
  // The roots: every pointer names a live object (a moving collection
  // updated them all).
  vf.obj = NULL;
  vf.old = false;
  vf.by_slot = false;
  ori_visit_roots(&vf.v);
}

#endif
