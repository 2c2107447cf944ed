/*
 * runtime/heap_roots.c — what the runtime gives the collector: the body
 * descriptors (layout.c), the VM's and the realm's roots, and the weak
 * tables it keeps outside the heap (interned strings, root maps, array
 * buffer blocks).
 *
 * Invariants:
 *  - Every heap pointer stored in the JSVM or a JSRealm (all malloc'd;
 *    the realms are vm->realms) is visited by trace_vm; a new field there
 *    must be added here.
 *  - The job queue's live entries are [job_head, job_head + job_count)
 *    modulo job_cap; only those are visited.
 *  - Array buffer blocks are malloc'd; the block of a buffer that dies is
 *    freed by its finalizer, and the bytes count as external memory.
 */
#include <stdlib.h>

#include "runtime/map.h"
#include "runtime/runtime.h"
#include "runtime/typedarray.h"


static void trace_lists(OriVisitor *v);

static void trace_realm(JSRealm *r, OriVisitor *v) {
  ORI_VISIT(v, &r->global);
  ORI_VISIT(v, &r->global_lexicals);
  for (int i = 0; i < JS_INTRINSIC_COUNT; i++) ORI_VISIT(v, &r->intrinsic[i]);
  JSMap **maps[] = {&r->object_map, &r->array_map, &r->function_map,
                    &r->strict_function_map, &r->arrow_map, &r->method_map,
                    &r->constructor_map, &r->class_map, &r->arguments_map,
                    &r->generator_function_map, &r->async_function_map,
                    &r->async_generator_function_map};
  for (size_t i = 0; i < sizeof maps / sizeof maps[0]; i++) ORI_VISIT_PTR(v, maps[i]);
  for (int i = 0; i < 8; i++) ORI_VISIT_PTR(v, &r->error_map[i]);
  for (int i = 0; i < 5; i++) ORI_VISIT_PTR(v, &r->primitive_map[i]);
  for (int i = 0; i < 8; i++) ORI_VISIT_PTR(v, &r->iterator_map[i]);
}

static void trace_jobs(JSVM *vm, OriVisitor *v) {
  for (uint32_t i = 0; i < vm->job_count; i++) {
    JSJob *j = &vm->jobs[(vm->job_head + i) % vm->job_cap];
    ORI_VISIT(v, &j->fn);
    for (int k = 0; k < 3; k++) ORI_VISIT(v, &j->args[k]);
  }
}

static void trace_vm(void *ctx, OriVisitor *v) {
  JSVM *vm = ctx;
  ORI_VISIT(v, &vm->exception);
  for (int i = 0; i < JS_ATOM_COUNT; i++) ORI_VISIT(v, &vm->atom[i]);
  for (int i = 0; i < JS_SYMBOL_COUNT; i++) ORI_VISIT(v, &vm->symbol[i]);
  ORI_VISIT(v, &vm->symbol_registry);
  JSMap **maps[] = {&vm->meta_map, &vm->string_map, &vm->symbol_map,
                    &vm->array_store_map, &vm->bytes_map, &vm->dict_map,
                    &vm->shared_map, &vm->env_map, &vm->feedback_map,
                    &vm->accessor_map, &vm->bigint_map, &vm->hash_table_map,
                    &vm->transitions_map};
  for (size_t i = 0; i < sizeof maps / sizeof maps[0]; i++) ORI_VISIT_PTR(v, maps[i]);
  for (int i = 0; i < 256; i++) ORI_VISIT(v, &vm->single_char[i]);
  trace_jobs(vm, v);
  ORI_VISIT(v, &vm->callee);
  ORI_VISIT(v, &vm->script_name);
  trace_lists(v);
  // Every realm is a root (vm->realm is one of them): functions and
  // objects of any realm may be reachable from any other.
  for (uint32_t i = 0; i < vm->nrealms; i++) trace_realm(vm->realms[i], v);
#ifdef JSVM_GC_BOEHM
  // Boehm runs no weak hooks: what orinoco holds weakly is strong here.
  for (uint32_t i = 0; vm->strings.slots && i <= vm->strings.mask; i++)
    ORI_VISIT_PTR(v, &vm->strings.slots[i]);
  js_map_cache_trace(v);
#endif
}

/* {==== WeakRef targets kept during a job, registries to clean up ====} */

// A malloc'd list of values held strongly (a root).
typedef struct ValueList {
  JSValue *v;
  uint32_t n, cap;
} ValueList;

static ValueList kept, cleanups;

static void list_add(ValueList *l, JSValue v) {
  if (l->n == l->cap) {
    l->cap = l->cap ? l->cap * 2 : 16;
    l->v = realloc(l->v, l->cap * sizeof *l->v);
    if (!l->v) abort();
  }
  l->v[l->n++] = v;
}

void js_keep_during_job(JSVM *vm, JSValue v) {
  (void)vm;
  if (js_is_heap(v)) list_add(&kept, v);
}

void js_clear_kept_objects(JSVM *vm) {
  (void)vm;
  kept.n = 0;
}

void js_gc_note_cleanup(JSValue registry) { list_add(&cleanups, registry); }

bool js_gc_take_cleanup(JSVM *vm, JSValue *registry) {
  (void)vm;
  if (!cleanups.n) return false;
  *registry = cleanups.v[--cleanups.n];
  return true;
}

static void trace_lists(OriVisitor *v) {
  for (uint32_t i = 0; i < kept.n; i++) ORI_VISIT(v, &kept.v[i]);
  for (uint32_t i = 0; i < cleanups.n; i++) ORI_VISIT(v, &cleanups.v[i]);
}

/* {==== Array buffer blocks ====} */

// A buffer that died frees its block.
static void free_block(void *obj) {
  JSArrayBuffer *b = obj;
  ori_external_add(-(ptrdiff_t)b->capacity);
  free(b->data);
}

void js_gc_track_buffer(JSArrayBuffer *b) {
  ori_set_finalizer(b, free_block);
  ori_external_add((ptrdiff_t)b->capacity);
}

static void weak_vm(void *ctx, OriVisitor *v) {
  JSVM *vm = ctx;
  js_string_table_sweep(vm, v);
  js_map_cache_sweep(v);
}

void js_gc_init(JSVM *vm) {
  js_layout_init();
  ori_add_tracer(trace_vm, vm);
  ori_add_weak_hook(weak_vm, vm);
}
