/*
 * runtime/realm.c — js_vm_new: the VM's internal maps, the interned
 * atoms and well-known symbols, and the first realm with its intrinsics;
 * js_new_realm for the others ($262.createRealm). Builtin families fill
 * the prototypes made here (runtime.h's JS_BUILTIN_FAMILIES), so that
 * every family can refer to every prototype no matter the order they run
 * in.
 *
 * Invariants:
 *  - Atoms, well-known symbols and the Symbol.for registry belong to the
 *    VM (the agent) and are shared by every realm; everything else a
 *    family installs lives in vm->realm while it runs.
 *  - Realms are malloc'd, listed in vm->realms (the collector traces
 *    them all) and never freed: functions point at theirs raw.
 */
#define _GNU_SOURCE  // pthread_getattr_np
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/dict.h"
#include "runtime/map.h"
#include "runtime/runtime.h"

static JSMap *cell_map(JSVM *vm, JSType type) {
  return js_new_map(vm, type, JS_NULL, 0, 0);
}

static void make_cell_maps(JSVM *vm) {
  JSMap *meta = ori_alloc_in(ORI_MAP_SPACE, sizeof(JSMap));
  meta->map = meta;  // the meta map describes itself
  meta->type = JS_TYPE_Map;
  meta->proto = JS_NULL;
  meta->descs = (JSDescriptor *)(meta + 1);
  vm->meta_map = meta;
  vm->string_map = cell_map(vm, JS_TYPE_String);
  vm->symbol_map = cell_map(vm, JS_TYPE_Symbol);
  vm->array_store_map = cell_map(vm, JS_TYPE_Array);
  vm->bytes_map = cell_map(vm, JS_TYPE_Bytes);
  vm->dict_map = cell_map(vm, JS_TYPE_Dict);
  vm->shared_map = cell_map(vm, JS_TYPE_Shared);
  vm->env_map = cell_map(vm, JS_TYPE_Env);
  vm->feedback_map = cell_map(vm, JS_TYPE_Feedback);
  vm->accessor_map = cell_map(vm, JS_TYPE_Accessor);
  vm->bigint_map = cell_map(vm, JS_TYPE_BigInt);
  vm->hash_table_map = cell_map(vm, JS_TYPE_HashTable);
  vm->transitions_map = cell_map(vm, JS_TYPE_Transitions);
}

static void make_atoms_and_symbols(JSVM *vm) {
  static const char *const atoms[] = {
#define JS_ATOM(id, text) text,
#include "runtime/atoms.def"
  };
  for (int i = 0; i < JS_ATOM_COUNT; i++) vm->atom[i] = js_atom(vm, atoms[i]);
  static const char *const syms[] = {
#define JS_SYM_NAME(n) "Symbol." #n,
      JS_WELL_KNOWN_SYMBOLS(JS_SYM_NAME)
#undef JS_SYM_NAME
  };
  for (int i = 0; i < JS_SYMBOL_COUNT; i++) {
    vm->symbol[i] = js_new_symbol(vm, js_atom(vm, syms[i]));
    ((JSSymbol *)js_heap(vm->symbol[i]))->flags |= JS_SYM_WELL_KNOWN;
  }
}

// A function map: length and name (configurable), then optionally a
// prototype property with the given attributes.
static JSMap *function_map(JSVM *vm, JSValue proto, int proto_attrs, bool ctor) {
  JSMap *m = js_new_map(vm, JS_TYPE_Function, proto, sizeof(JSFunction), 3);
  if (ctor) m->flags |= JS_MAP_CONSTRUCTOR;
  m = js_map_add(vm, m, vm->atom[JS_ATOM_length], JS_ATTR_CONFIGURABLE);
  m = js_map_add(vm, m, vm->atom[JS_ATOM_name], JS_ATTR_CONFIGURABLE);
  if (proto_attrs >= 0) m = js_map_add(vm, m, vm->atom[JS_ATOM_prototype], (uint32_t)proto_attrs);
  return m;
}

static JSValue return_undefined(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                JSValue nt) {
  return JS_UNDEFINED;
}

static void make_function_maps(JSVM *vm, JSRealm *r) {
  JSValue op = r->intrinsic[JS_INTRINSIC_ObjectPrototype];
  // %Function.prototype% is itself a function (returning undefined).
  JSMap *fp_map = function_map(vm, op, -1, false);
  JSShared *s = js_new_shared(vm, vm->atom[JS_ATOM_empty], JS_FN_NATIVE | JS_FN_STRICT, 0);
  s->native = return_undefined;
  JSValue fp = js_val(js_new_function_object(vm, fp_map, s));
  r->intrinsic[JS_INTRINSIC_FunctionPrototype] = fp;
  r->method_map = function_map(vm, fp, -1, false);
  r->arrow_map = r->method_map;
  r->function_map = function_map(vm, fp, JS_ATTR_WRITABLE, true);
  r->strict_function_map = r->function_map;
  r->constructor_map = r->function_map;
  r->class_map = function_map(vm, fp, 0, true);
}

// The prototypes whose [[Prototype]] is not %Object.prototype%.
static const struct { int id, parent; } proto_parents[] = {
    {JS_INTRINSIC_ArrayIteratorPrototype, JS_INTRINSIC_IteratorPrototype},
    {JS_INTRINSIC_StringIteratorPrototype, JS_INTRINSIC_IteratorPrototype},
    {JS_INTRINSIC_MapIteratorPrototype, JS_INTRINSIC_IteratorPrototype},
    {JS_INTRINSIC_SetIteratorPrototype, JS_INTRINSIC_IteratorPrototype},
    {JS_INTRINSIC_RegExpStringIteratorPrototype, JS_INTRINSIC_IteratorPrototype},
    {JS_INTRINSIC_GeneratorPrototype, JS_INTRINSIC_IteratorPrototype},
    {JS_INTRINSIC_AsyncGeneratorPrototype, JS_INTRINSIC_AsyncIteratorPrototype},
    {JS_INTRINSIC_AsyncFromSyncIteratorPrototype, JS_INTRINSIC_AsyncIteratorPrototype},
    {JS_INTRINSIC_EvalErrorPrototype, JS_INTRINSIC_ErrorPrototype},
    {JS_INTRINSIC_RangeErrorPrototype, JS_INTRINSIC_ErrorPrototype},
    {JS_INTRINSIC_ReferenceErrorPrototype, JS_INTRINSIC_ErrorPrototype},
    {JS_INTRINSIC_SyntaxErrorPrototype, JS_INTRINSIC_ErrorPrototype},
    {JS_INTRINSIC_TypeErrorPrototype, JS_INTRINSIC_ErrorPrototype},
    {JS_INTRINSIC_URIErrorPrototype, JS_INTRINSIC_ErrorPrototype},
    {JS_INTRINSIC_AggregateErrorPrototype, JS_INTRINSIC_ErrorPrototype},
    {JS_INTRINSIC_GeneratorFunctionPrototype, JS_INTRINSIC_FunctionPrototype},
    {JS_INTRINSIC_AsyncFunctionPrototype, JS_INTRINSIC_FunctionPrototype},
    {JS_INTRINSIC_AsyncGeneratorFunctionPrototype, JS_INTRINSIC_FunctionPrototype},
};

static JSValue wrapper(JSVM *vm, JSValue proto, JSValue value) {
  JSMap *m = js_new_map(vm, JS_TYPE_Primitive, proto, sizeof(JSPrimitiveObject), 4);
  JSPrimitiveObject *o = (JSPrimitiveObject *)js_new_object_of(vm, m);
  o->value = value;  // fresh object: raw store
  return js_val(o);
}

// Every "...Prototype" intrinsic not made yet becomes an ordinary object;
// the wrapper prototypes carry their [[XData]] as the spec requires.
static void make_prototypes(JSVM *vm, JSRealm *r) {
  JSValue op = r->intrinsic[JS_INTRINSIC_ObjectPrototype];
  r->intrinsic[JS_INTRINSIC_IteratorPrototype] = js_new_object_proto(vm, op);
  r->intrinsic[JS_INTRINSIC_AsyncIteratorPrototype] = js_new_object_proto(vm, op);
  r->intrinsic[JS_INTRINSIC_ErrorPrototype] = js_new_object_proto(vm, op);
  for (size_t i = 0; i < sizeof proto_parents / sizeof *proto_parents; i++)
    r->intrinsic[proto_parents[i].id] =
        js_new_object_proto(vm, r->intrinsic[proto_parents[i].parent]);
  r->intrinsic[JS_INTRINSIC_StringPrototype] = wrapper(vm, op, vm->atom[JS_ATOM_empty]);
  r->intrinsic[JS_INTRINSIC_NumberPrototype] = wrapper(vm, op, js_from_int32(0));
  r->intrinsic[JS_INTRINSIC_BooleanPrototype] = wrapper(vm, op, JS_FALSE);
  static const int plain[] = {
      JS_INTRINSIC_SymbolPrototype, JS_INTRINSIC_BigIntPrototype,
      JS_INTRINSIC_PromisePrototype, JS_INTRINSIC_MapPrototype,
      JS_INTRINSIC_SetPrototype, JS_INTRINSIC_WeakMapPrototype,
      JS_INTRINSIC_WeakSetPrototype, JS_INTRINSIC_RegExpPrototype,
      JS_INTRINSIC_DatePrototype};
  for (size_t i = 0; i < sizeof plain / sizeof *plain; i++)
    r->intrinsic[plain[i]] = js_new_object_proto(vm, op);
  // String wrappers own a length.
  js_define_value(vm, r->intrinsic[JS_INTRINSIC_StringPrototype],
                  vm->atom[JS_ATOM_length], js_from_int32(0), 0);
}

static void make_object_maps(JSVM *vm, JSRealm *r) {
  JSValue op = r->intrinsic[JS_INTRINSIC_ObjectPrototype];
  r->object_map = js_map_root(vm, op, JS_DEFAULT_INLINE);
  JSMap *apm = js_new_map(vm, JS_TYPE_ArrayObject, op, sizeof(JSArrayObject), 0);
  r->intrinsic[JS_INTRINSIC_ArrayPrototype] = js_val(js_new_object_of(vm, apm));
  r->array_map = js_new_map(vm, JS_TYPE_ArrayObject,
                            r->intrinsic[JS_INTRINSIC_ArrayPrototype],
                            sizeof(JSArrayObject), 0);
  for (int k = 0; k <= JS_ERR_AggregateError; k++) {
    JSValue proto = r->intrinsic[JS_INTRINSIC_ErrorPrototype + k];
    r->error_map[k] = js_new_map(vm, JS_TYPE_Error, proto, sizeof(JSErrorObject), 2);
  }
  r->generator_function_map = function_map(
      vm, r->intrinsic[JS_INTRINSIC_GeneratorFunctionPrototype], JS_ATTR_WRITABLE, false);
  r->async_function_map = function_map(vm, r->intrinsic[JS_INTRINSIC_AsyncFunctionPrototype], -1, false);
  r->async_generator_function_map = function_map(
      vm, r->intrinsic[JS_INTRINSIC_AsyncGeneratorFunctionPrototype], JS_ATTR_WRITABLE, false);
  JSMap *gm = js_new_map(vm, JS_TYPE_Global, op, sizeof(JSObject), 0);
  r->global = js_val(js_new_object_of(vm, gm));
  js_object_normalize(vm, js_obj(r->global));
  r->global_lexicals = js_val(js_dict_new(vm, 16));
}

// The realm joins vm->realms before anything is allocated for it, so that
// a collection during its setup traces what is already there.
static void list_realm(JSVM *vm, JSRealm *r) {
  if (vm->nrealms == vm->realms_cap) {
    vm->realms_cap = vm->realms_cap ? vm->realms_cap * 2 : 4;
    vm->realms = realloc(vm->realms, vm->realms_cap * sizeof *vm->realms);
    if (!vm->realms) abort();
  }
  vm->realms[vm->nrealms++] = r;
}

static JSRealm *make_realm(JSVM *vm) {
  JSRealm *r = calloc(1, sizeof *r);
  if (!r) abort();
  for (int i = 0; i < JS_INTRINSIC_COUNT; i++) r->intrinsic[i] = JS_UNDEFINED;
  r->global = r->global_lexicals = JS_UNDEFINED;
  list_realm(vm, r);
  vm->realm = r;
  JSMap *opm = js_new_map(vm, JS_TYPE_Object, JS_NULL, sizeof(JSObject), 0);
  r->intrinsic[JS_INTRINSIC_ObjectPrototype] = js_val(js_new_object_of(vm, opm));
  make_function_maps(vm, r);
  make_prototypes(vm, r);
  make_object_maps(vm, r);
  // The realm is malloc'd: heap_roots.c traces its slots.
  return r;
}

// The C stack's lowest usable address, with a margin for the natives and
// the error path that run after the check.
static void set_stack_limit(JSVM *vm) {
  char here;
  vm->c_stack_base = &here;
  vm->c_stack_limit = (char *)((uintptr_t)&here - ((uintptr_t)1 << 20));
  pthread_attr_t attr;
  void *addr;
  size_t size;
  if (pthread_getattr_np(pthread_self(), &attr) == 0) {
    if (pthread_attr_getstack(&attr, &addr, &size) == 0)
      vm->c_stack_limit = (char *)addr + (size > ((size_t)4 << 20) ? (1u << 20) : size / 4);
    pthread_attr_destroy(&attr);
  }
}

JSVM *js_vm_new(void) {
  JSVM *vm = calloc(1, sizeof *vm);
  js_gc_init(vm);
  vm->exception = JS_UNDEFINED;
  vm->callee = JS_UNDEFINED;
  vm->script_name = JS_UNDEFINED;
  vm->out = stdout;
  vm->err = stderr;
  set_stack_limit(vm);
  ori_set_stack_base(vm->c_stack_base);
  make_cell_maps(vm);
  js_strings_init(vm);
  make_atoms_and_symbols(vm);
  vm->symbol_registry = js_val(js_dict_new(vm, 8));
  make_realm(vm);
  js_init_builtins(vm);
  return vm;
}

JSRealm *js_new_realm(JSVM *vm) {
  // The installers work on vm->realm: the new realm is current while
  // they run, so every native they make gets it as its [[Realm]].
  JSRealm *saved = vm->realm;
  JSRealm *r = make_realm(vm);
  js_init_builtins(vm);
  vm->realm = saved;
  return r;
}
