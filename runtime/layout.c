/*
 * runtime/layout.c — body descriptors: for every JSType, how big an
 * object is and which of its fields hold heap pointers. orinoco knows
 * objects only through these (ori_set_layout), so a new heap type or a
 * new pointer field must be described here.
 *
 * Invariants:
 *  - size() reads only the object's own header fields and its map, which
 *    is never young and never moves.
 *  - trace() visits every field that may hold a heap pointer: JSValue
 *    fields with ORI_VISIT, raw pointer fields with ORI_VISIT_PTR. Raw
 *    pointers to malloc'd memory (IgnCode, the AST, buffer blocks) are
 *    not visited; what they hold is rooted elsewhere (ignition/gc.c).
 *  - A JS object's fields are: the JSObject header, its type's own
 *    fields, then inline_count in-object slots at map->inline_start.
 *  - Weak holders (WeakMap, WeakSet, WeakRef, FinalizationRegistry) report
 *    themselves when the visitor implements weakness, and keep their
 *    tables alive without tracing them.
 */
#include <stddef.h>

#include "ignition/interp.h"
#include "runtime/collections.h"
#include "runtime/iterator.h"
#include "runtime/promise.h"
#include "runtime/proxy.h"
#include "runtime/regexp.h"
#include "runtime/runtime.h"
#include "runtime/typedarray.h"
#include "runtime/weakref.h"

/* {==== Sizes ====} */

// A BigInt's header (runtime/bigint.h): map, limb count, sign, limbs.
typedef struct BigIntHeader {
  JSMap *map;
  uint32_t nlimbs;
  int32_t sign;
} BigIntHeader;

static size_t string_size(const JSString *s) {
  if (s->flags & JS_STR_CONS) return sizeof(JSString);
  size_t n = offsetof(JSString, u) + (size_t)s->length * ((s->flags & JS_STR_TWO_BYTE) ? 2 : 1);
  return n < sizeof(JSString) ? sizeof(JSString) : n;
}

static size_t cell_size(const void *obj) {
  const JSMap *map = ((const JSCell *)obj)->map;
  switch ((unsigned)map->type) {
    case JS_TYPE_Map:
      return sizeof(JSMap) + ((const JSMap *)obj)->desc_capacity * sizeof(JSDescriptor);
    case JS_TYPE_String:
      return string_size(obj);
    case JS_TYPE_BigInt:
      return sizeof(BigIntHeader) + ((const BigIntHeader *)obj)->nlimbs * sizeof(uint64_t);
    case JS_TYPE_Array:
    case JS_TYPE_HashTable:
      return sizeof(JSArrayStore) + ((const JSArrayStore *)obj)->length * sizeof(JSValue);
    case JS_TYPE_Bytes:
      return sizeof(JSBytes) + ((const JSBytes *)obj)->length;
    case JS_TYPE_Dict:
      return sizeof(JSDict) + ((const JSDict *)obj)->capacity * sizeof(JSDictEntry);
    case JS_TYPE_Env:
      return sizeof(JSEnv) + ((const JSEnv *)obj)->length * sizeof(JSValue);
    case JS_TYPE_Transitions: {
      const JSTransitions *t = obj;
      return sizeof(JSTransitions) + t->capacity * sizeof t->t[0];
    }
    case JS_TYPE_Symbol:
      return sizeof(JSSymbol);
    case JS_TYPE_Shared:
      return sizeof(JSShared);
    case JS_TYPE_Accessor:
      return sizeof(JSAccessor);
  }
  // Every JS object has a fixed size, recorded in its map.
  return map->instance_size;
}

/* {==== Internal cells ====} */

static void trace_map(JSMap *m, OriVisitor *v) {
  ORI_VISIT(v, &m->proto);
  for (uint32_t i = 0; i < m->nprops; i++) ORI_VISIT(v, &m->descs[i].key);
  ORI_VISIT_PTR(v, &m->back);
  ORI_VISIT_PTR(v, &m->transitions);
}

static void trace_values(JSValue *p, size_t n, OriVisitor *v) {
  for (size_t i = 0; i < n; i++) ORI_VISIT(v, &p[i]);
}

static void trace_dict(JSDict *d, OriVisitor *v) {
  for (uint32_t i = 0; i < d->capacity; i++) {
    ORI_VISIT(v, &d->e[i].key);
    ORI_VISIT(v, &d->e[i].value);
  }
}

static void trace_transitions(JSTransitions *t, OriVisitor *v) {
  for (uint32_t i = 0; i < t->count; i++) {
    ORI_VISIT(v, &t->t[i].key);
    ORI_VISIT_PTR(v, &t->t[i].target);
  }
}

static void trace_shared(JSShared *s, OriVisitor *v) {
  ORI_VISIT(v, &s->name);
  ORI_VISIT(v, &s->source);
  ORI_VISIT(v, &s->script_name);
}

static void trace_env(JSEnv *e, OriVisitor *v) {
  ORI_VISIT_PTR(v, &e->parent);
  ORI_VISIT(v, &e->scope_info);
  ORI_VISIT(v, &e->with_object);
  ORI_VISIT(v, &e->extension);
  trace_values(e->slots, e->length, v);
}

// Cells (types before Object); false for JS objects.
static bool trace_cell(void *obj, JSType type, OriVisitor *v) {
  switch ((unsigned)type) {
    case JS_TYPE_Map: trace_map(obj, v); return true;
    case JS_TYPE_String: {
      JSString *s = obj;
      if (s->flags & JS_STR_CONS) {
        ORI_VISIT_PTR(v, &s->u.cons.left);
        ORI_VISIT_PTR(v, &s->u.cons.right);
      }
      return true;
    }
    case JS_TYPE_Symbol: ORI_VISIT(v, &((JSSymbol *)obj)->description); return true;
    case JS_TYPE_BigInt:
    case JS_TYPE_Bytes:
    case JS_TYPE_Feedback:
      return true;
    case JS_TYPE_Array: {
      JSArrayStore *a = obj;
      trace_values(a->v, a->length, v);
      return true;
    }
    case JS_TYPE_HashTable: js_table_trace(obj, v); return true;
    case JS_TYPE_Dict: trace_dict(obj, v); return true;
    case JS_TYPE_Shared: trace_shared(obj, v); return true;
    case JS_TYPE_Env: trace_env(obj, v); return true;
    case JS_TYPE_Accessor:
      ORI_VISIT(v, &((JSAccessor *)obj)->getter);
      ORI_VISIT(v, &((JSAccessor *)obj)->setter);
      return true;
    case JS_TYPE_Transitions: trace_transitions(obj, v); return true;
  }
  return false;
}

/* {==== JS objects ====} */

static void trace_function(JSFunction *f, OriVisitor *v) {
  ORI_VISIT_PTR(v, &f->shared);
  ORI_VISIT_PTR(v, &f->env);
  ORI_VISIT_PTR(v, &f->feedback);
  ORI_VISIT(v, &f->home_object);
  ORI_VISIT(v, &f->this_value);
  ORI_VISIT(v, &f->new_target);
  ORI_VISIT(v, &f->fields);
}

static void trace_generator(JSGenerator *g, OriVisitor *v) {
  ORI_VISIT_PTR(v, &g->fn);
  ORI_VISIT_PTR(v, &g->frame);
  ORI_VISIT(v, &g->promise);
  ORI_VISIT(v, &g->queue);
}

static void trace_regexp(JSRegExpObject *r, OriVisitor *v) {
  ORI_VISIT(v, &r->source);
  ORI_VISIT(v, &r->flags);
  ORI_VISIT(v, &r->program);
  ORI_VISIT(v, &r->names);
}

// WeakMap/WeakSet: in a full collection the table is kept but not traced;
// its entries are ephemerons (see js_table_ephemeron).
static void trace_weak_collection(JSCollection *c, OriVisitor *v) {
  if (!v->weak_refs) {
    ORI_VISIT(v, &c->table);
    return;
  }
  v->value_no_trace(v, &c->table);
  v->weak_holder(v, c);
}

// The fields a type adds to JSObject.
static void trace_own_fields(JSObject *o, JSType type, OriVisitor *v) {
  switch ((unsigned)type) {
    case JS_TYPE_Arguments:
      ORI_VISIT_PTR(v, &((JSArgumentsObject *)o)->env);
      ORI_VISIT_PTR(v, &((JSArgumentsObject *)o)->map);
      return;
    case JS_TYPE_Error: ORI_VISIT(v, &((JSErrorObject *)o)->stack_trace); return;
    case JS_TYPE_Primitive: ORI_VISIT(v, &((JSPrimitiveObject *)o)->value); return;
    case JS_TYPE_RegExp: trace_regexp((JSRegExpObject *)o, v); return;
    case JS_TYPE_MapObject:
    case JS_TYPE_SetObject: ORI_VISIT(v, &((JSCollection *)o)->table); return;
    case JS_TYPE_WeakMapObject:
    case JS_TYPE_WeakSetObject: trace_weak_collection((JSCollection *)o, v); return;
    case JS_TYPE_Promise:
      ORI_VISIT(v, &((JSPromiseObject *)o)->result);
      ORI_VISIT_PTR(v, &((JSPromiseObject *)o)->reactions);
      return;
    case JS_TYPE_Generator: trace_generator((JSGenerator *)o, v); return;
    case JS_TYPE_Iterator:
      ORI_VISIT(v, &((JSIteratorObject *)o)->target);
      ORI_VISIT(v, &((JSIteratorObject *)o)->state);
      return;
    case JS_TYPE_Proxy:
      ORI_VISIT(v, &((JSProxyObject *)o)->target);
      ORI_VISIT(v, &((JSProxyObject *)o)->handler);
      return;
    case JS_TYPE_TypedArray: ORI_VISIT(v, &((JSTypedArray *)o)->buffer); return;
    // WeakRef targets and registry targets/tokens are weak in full
    // collections (see the weak holders below).
    case JS_TYPE_WeakRef:
      if (v->weak_refs) {
        v->weak_holder(v, o);
      } else {
        ORI_VISIT(v, &((JSWeakRef *)o)->target);
      }
      return;
    case JS_TYPE_FinalizationRegistry: {
      JSFinalizationRegistry *r = (JSFinalizationRegistry *)o;
      ORI_VISIT(v, &r->cleanup);
      if (v->weak_refs) {
        v->value_no_trace(v, &r->cells);
        v->weak_holder(v, o);
      } else {
        ORI_VISIT(v, &r->cells);
      }
      return;
    }
    case JS_TYPE_Function: trace_function((JSFunction *)o, v); return;
    case JS_TYPE_BoundFunction:
      ORI_VISIT(v, &((JSBoundFunction *)o)->target);
      ORI_VISIT(v, &((JSBoundFunction *)o)->this_value);
      ORI_VISIT_PTR(v, &((JSBoundFunction *)o)->args);
      return;
  }
  // Object, ArrayObject, Date, ArrayBuffer, Global: no pointer fields of
  // their own.
}

static void trace(void *obj, OriVisitor *v) {
  JSCell *c = obj;
  ORI_VISIT_PTR(v, &c->map);
  JSType type = (JSType)c->map->type;
  if (trace_cell(obj, type, v)) return;
  JSObject *o = obj;
  ORI_VISIT_PTR(v, &o->props);
  ORI_VISIT_PTR(v, &o->elements);
  trace_own_fields(o, type, v);
  trace_values(js_inline_slots(o), o->map->inline_count, v);
}

/* {==== Weak holders ====} */

// A registry's cells: held values are strong, targets and tokens weak.
static bool registry_ephemeron(JSFinalizationRegistry *r, OriVisitor *v) {
  JSArrayStore *cells = js_heap(r->cells);
  for (uint32_t i = 0; i < cells->used; i += JS_CELL_SIZE) ORI_VISIT(v, &cells->v[i + JS_CELL_HELD]);
  return false;
}

static void clear_weak(JSValue *slot, OriVisitor *v, bool *cleared) {
  if (js_is_heap(*slot) && !v->is_live(v, slot)) {
    *slot = JS_UNDEFINED;
    *cleared = true;
  }
}

static void registry_clear_dead(JSFinalizationRegistry *r, OriVisitor *v) {
  JSArrayStore *cells = js_heap(r->cells);
  bool dead_target = false, dead_token = false, young = false;
  for (uint32_t i = 0; i < cells->used; i += JS_CELL_SIZE) {
    clear_weak(&cells->v[i + JS_CELL_TARGET], v, &dead_target);
    clear_weak(&cells->v[i + JS_CELL_TOKEN], v, &dead_token);
    for (uint32_t k = 0; k < JS_CELL_SIZE; k++)
      young |= js_is_heap(cells->v[i + k]) && ori_is_young(js_heap(cells->v[i + k]));
  }
  // Its cleanup callback runs as a host job once the queue drains.
  if (dead_target) js_gc_note_cleanup(js_val(r));
  if (young) ori_remember(cells);
}

static bool ephemeron(void *obj, OriVisitor *v) {
  switch ((unsigned)js_cell_type(obj)) {
    case JS_TYPE_WeakRef: return false;
    case JS_TYPE_FinalizationRegistry: return registry_ephemeron(obj, v);
  }
  JSCollection *c = obj;
  return js_table_ephemeron((JSArrayStore *)js_heap(c->table), v);
}

static void clear_dead(void *obj, OriVisitor *v) {
  bool cleared = false;
  switch ((unsigned)js_cell_type(obj)) {
    case JS_TYPE_WeakRef: clear_weak(&((JSWeakRef *)obj)->target, v, &cleared); return;
    case JS_TYPE_FinalizationRegistry: registry_clear_dead(obj, v); return;
  }
  JSCollection *c = obj;
  js_table_clear_dead((JSArrayStore *)js_heap(c->table), v);
}

// Map/Set tables hash object keys by address: a scavenge that moves a
// key must trace the whole table (js_table_trace rehashes it), so the
// table is remembered as an object, never by slot.
static bool remember_whole(const void *obj) {
  return js_cell_type(obj) == JS_TYPE_HashTable;
}

static const OriLayout layout = {.size = cell_size,
                                 .trace = trace,
                                 .ephemeron = ephemeron,
                                 .clear_dead = clear_dead,
                                 .remember_whole = remember_whole};

void js_layout_init(void) { ori_set_layout(&layout); }
