/*
 * ignition/gc.c — the interpreter's roots: the VM stack and its frames,
 * the state a pending throw or resumption keeps, and every compiled
 * function's constant pool and inline caches (malloc'd, so the collector
 * sees them only through here).
 *
 * Invariants:
 *  - The live part of the VM stack is [stack, sp): frames are pushed by
 *    writing their slots and then raising sp, with no allocation between.
 *  - Every IgnCode is registered when assembled and stays registered: its
 *    constants and caches are roots for as long as the process runs (code
 *    is not freed yet; a function's code lives as long as the script).
 *  - Inline cache entries hold maps, holder objects, call targets and
 *    pointers into the global object's dictionary (interior pointers):
 *    all are visited as raw pointers, so moves update them.
 */
#include <stdlib.h>

#include "ignition/interp.h"

static struct {
  IgnCode **v;
  size_t n, cap;
} codes;

void ign_gc_register_code(IgnCode *code) {
  if (codes.n == codes.cap) {
    codes.cap = codes.cap ? codes.cap * 2 : 256;
    codes.v = realloc(codes.v, codes.cap * sizeof *codes.v);
    if (!codes.v) abort();
  }
  codes.v[codes.n++] = code;
}

static void trace_code(IgnCode *c, OriVisitor *v) {
  for (uint32_t i = 0; i < c->nconstants; i++) ORI_VISIT(v, &c->constants[i]);
  ORI_VISIT(v, &c->name);
  IgnIC *ics = c->feedback;
  if (!ics) return;
  for (uint32_t s = 0; s < c->nslots; s++) {
    for (int w = 0; w < IGN_IC_WAYS; w++) {
      ORI_VISIT_PTR(v, &ics[s].map[w]);
      ORI_VISIT_PTR(v, &ics[s].extra[w]);
      ORI_VISIT_PTR(v, &ics[s].holder_map[w]);
    }
  }
}

static void trace_state(void *ctx, OriVisitor *v) {
  JSVM *vm = ctx;
  IgnState *st = vm->ign;
  if (!st) return;
  for (JSValue *p = st->stack; p < st->sp; p++) ORI_VISIT(v, p);
  for (uint32_t i = 0; i < st->nframes; i++) ORI_VISIT_PTR(v, &st->frames[i].fn);
  ORI_VISIT(v, &st->throw_value);
  ORI_VISIT(v, &st->resume_value);
  ORI_VISIT_PTR(v, &st->return_box_map);
  ORI_VISIT(v, &st->async_from_sync_key);
  for (size_t i = 0; i < codes.n; i++) trace_code(codes.v[i], v);
}

void ign_gc_init(JSVM *vm) { ori_add_tracer(trace_state, vm); }
