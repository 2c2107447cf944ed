/*
 * ignition/runtime_calls.c — the functions CallRuntime reaches
 * (runtime_calls.def): the rarer or bigger operations the bytecode does
 * not inline. Each takes its arguments as a register window.
 */
#include <stdlib.h>
#include <string.h>

#include "ignition/gen.h"
#include "ignition/interp.h"
#include "ignition/runtime_calls.h"
#include "runtime/dict.h"
#include "runtime/disposable.h"
#include "runtime/regexp.h"

#define RT(name) static JSValue rt_##name(JSVM *vm, JSValue *a, uint32_t n, IgnFrame *f)

/* {==== Globals ====} */

static JSValue redeclared(JSVM *vm, JSValue name) {
  char *s = js_string_utf8(vm, name, NULL);
  js_throw_syntax_error(vm, "Identifier '%s' has already been declared", s);
  free(s);
  return JS_EXCEPTION;
}

// GlobalDeclarationInstantiation: the declaration list is pairs of name
// and kind (gen.c's global_declarations).
RT(DeclareGlobals) {
  JSArrayStore *l = js_heap(a[0]);
  JSRealm *r = vm->realm;
  JSDict *lex = js_heap(r->global_lexicals);
  for (uint32_t i = 0; i + 1 < l->used; i += 2) {
    JSValue name = l->v[i];
    int kind = js_int32(l->v[i + 1]);
    if (kind >= 2) {
      if (js_dict_find(lex, name))
        return redeclared(vm, name);
      JSPropDesc d;
      int has = js_get_own_property(vm, r->global, name, &d);
      if (has < 0) return JS_EXCEPTION;
      if (has && !(d.attrs & JS_ATTR_CONFIGURABLE))
        return redeclared(vm, name);
    } else if (js_dict_find(lex, name)) {
      return redeclared(vm, name);
    }
  }
  for (uint32_t i = 0; i + 1 < l->used; i += 2) {
    JSValue name = l->v[i];
    int kind = js_int32(l->v[i + 1]);
    if (kind >= 2) {
      // let/const/class start in their TDZ; const is not writable.
      lex = js_dict_put(vm, lex, name, JS_HOLE, kind == 3 ? 0 : JS_ATTR_WRITABLE);
      continue;
    }
    int has = js_has_own_property(vm, r->global, name);
    if (has < 0) return JS_EXCEPTION;
    if (!has && js_define_value(vm, r->global, name, JS_UNDEFINED,
                                JS_ATTR_WRITABLE | JS_ATTR_ENUMERABLE) < 0)
      return JS_EXCEPTION;
  }
  r->global_lexicals = js_val(lex);
  vm->proto_epoch++;  // cached global lookups may be shadowed now
  return JS_UNDEFINED;
}

RT(InitGlobalLexical) {
  JSDict *lex = js_heap(vm->realm->global_lexicals);
  JSDictEntry *e = js_dict_find(lex, a[0]);
  if (e) ORI_STORE_SLOT(lex, &e->value, a[1]);
  return a[1];
}

/* {==== Errors ====} */

RT(ThrowNotCallable) { return js_throw_not_callable(vm, a[0]); }
RT(ThrowIteratorResultNotObject) {
  return js_throw_type_error(vm, "Iterator result is not an object");
}
RT(ThrowConstAssign) { return js_throw_type_error(vm, "Assignment to constant variable."); }
RT(NewTypeError) {
  char *m = js_string_utf8(vm, a[0], NULL);
  js_throw_type_error(vm, "%s", m);
  free(m);
  return JS_EXCEPTION;
}
RT(ThrowSuperNotCalled) {
  return js_throw_reference_error(vm, "Must call super constructor in derived class before "
                                      "accessing 'this' or returning from derived constructor");
}
RT(DeleteSuperError) { return js_throw_reference_error(vm, "Unsupported reference to 'super'"); }
RT(ThrowInvalidAssignTarget) {
  return js_throw_reference_error(vm, "Invalid left-hand side in assignment");
}
RT(ThrowPatternNotObject) {
  return js_throw_type_error(vm, "Cannot destructure '%s' as it is %s.",
                             js_is_null(a[0]) ? "null" : "undefined",
                             js_is_null(a[0]) ? "null" : "undefined");
}

/* {==== Object and array literals ====} */

static JSValue define_accessor(JSVM *vm, JSValue *a, bool getter, bool enumerable) {
  JSPropDesc d = {0};
  d.has_enumerable = d.has_configurable = true;
  d.attrs = JS_ATTR_CONFIGURABLE | (enumerable ? JS_ATTR_ENUMERABLE : 0);
  if (getter) {
    d.has_get = true;
    d.get = a[2];
  } else {
    d.has_set = true;
    d.set = a[2];
  }
  js_set_function_name(vm, a[2], a[1], getter ? "get" : "set");
  if (js_is_function(a[2])) js_fn(a[2])->home_object = a[0];
  if (js_define_own_property(vm, a[0], a[1], &d, true) < 0) return JS_EXCEPTION;
  return a[0];
}

RT(DefineGetter) { return define_accessor(vm, a, true, true); }
RT(DefineSetter) { return define_accessor(vm, a, false, true); }
RT(DefineClassGetter) { return define_accessor(vm, a, true, false); }
RT(DefineClassSetter) { return define_accessor(vm, a, false, false); }

// object, key, method [, enumerable]: methods are named after their key
// and remember their home object (for super).
RT(DefineClassMethod) {
  js_set_function_name(vm, a[2], a[1], NULL);
  if (js_is_function(a[2])) js_fn(a[2])->home_object = a[0];
  bool enumerable = n > 3 && js_to_boolean(a[3]);
  int attrs = JS_ATTR_WRITABLE | JS_ATTR_CONFIGURABLE | (enumerable ? JS_ATTR_ENUMERABLE : 0);
  if (js_define_value(vm, a[0], a[1], a[2], attrs) < 0) return JS_EXCEPTION;
  return a[0];
}

// target, source, excluded keys...: CopyDataProperties.
RT(CopyDataProperties) {
  JSValue src = a[1];
  if (js_is_nullish(src)) return a[0];
  JSValue from = js_to_object(vm, src);
  if (js_is_exception(from)) return from;
  JSArrayStore *keys = js_own_keys(vm, from, JS_KEYS_STRINGS | JS_KEYS_SYMBOLS);
  if (!keys) return JS_EXCEPTION;
  for (uint32_t i = 0; i < keys->used; i++) {
    JSValue k = keys->v[i];
    bool excluded = false;
    for (uint32_t j = 2; j < n && !excluded; j++) excluded = js_same_value(a[j], k);
    if (excluded) continue;
    JSPropDesc d;
    int r = js_get_own_property(vm, from, k, &d);
    if (r < 0) return JS_EXCEPTION;
    if (!r || !(d.attrs & JS_ATTR_ENUMERABLE)) continue;
    JSValue v = js_get(vm, from, k);
    if (js_is_exception(v)) return v;
    if (js_create_data_property_or_throw(vm, a[0], k, v) < 0) return JS_EXCEPTION;
  }
  return a[0];
}

RT(SetPrototypeLiteral) {
  if (js_is_object(a[1]) || js_is_null(a[1])) js_set_prototype_of(vm, a[0], a[1]);
  return a[0];
}

// array, iterable: append every value the iterable produces.
RT(SpreadIntoArray) {
  JSValue it = ign_get_iterator(vm, a[1]);
  if (js_is_exception(it)) return it;
  JSValue next = js_get(vm, it, vm->atom[JS_ATOM_next]);
  if (js_is_exception(next)) return next;
  for (;;) {
    JSValue r = js_call(vm, next, it, 0, NULL);
    if (js_is_exception(r)) return r;
    if (!js_is_object(r)) return js_throw_type_error(vm, "Iterator result is not an object");
    JSValue done = js_get(vm, r, vm->atom[JS_ATOM_done]);
    if (js_is_exception(done)) return done;
    if (js_to_boolean(done)) return a[0];
    JSValue v = js_get(vm, r, vm->atom[JS_ATOM_value]);
    if (js_is_exception(v)) return v;
    if (js_array_push(vm, a[0], v) < 0) return JS_EXCEPTION;
  }
}

// Object.freeze's effect on an array of strings (template objects).
static void freeze(JSVM *vm, JSValue o) {
  JSArrayStore *keys = js_own_keys(vm, o, JS_KEYS_STRINGS);
  JSPropDesc d = {0};
  d.has_configurable = d.has_writable = true;
  for (uint32_t i = 0; keys && i < keys->used; i++)
    js_define_own_property(vm, o, keys->v[i], &d, false);
  js_prevent_extensions(vm, o);
}

// The template object of a tagged template site, made once and frozen.
RT(GetTemplateObject) {
  JSArrayStore *site = js_heap(a[0]);
  uint32_t k = site->used;
  if (!js_is_undefined(site->v[2 * k])) return site->v[2 * k];
  JSValue cooked = js_new_array_from(vm, k, site->v);
  JSValue raw = js_new_array_from(vm, k, site->v + k);
  freeze(vm, raw);
  js_define_value(vm, cooked, vm->atom[JS_ATOM_raw], raw, 0);
  freeze(vm, cooked);
  ORI_STORE(site, v[2 * k], cooked);
  return cooked;
}

/* {==== Iteration ====} */

RT(CreateIterResult) {
  JSValue o = js_new_object(vm);
  js_define_value(vm, o, vm->atom[JS_ATOM_value], a[0], JS_ATTR_DEFAULT);
  js_define_value(vm, o, vm->atom[JS_ATOM_done], js_from_bool(js_to_boolean(a[1])), JS_ATTR_DEFAULT);
  return o;
}

// IteratorClose on a normal completion (break, return): errors from
// return() and a non-object result propagate.
RT(IteratorClose) {
  JSValue ret = js_get_method(vm, a[0], vm->atom[JS_ATOM_return]);
  if (js_is_exception(ret) || js_is_undefined(ret)) return ret;
  JSValue r = js_call(vm, ret, a[0], 0, NULL);
  if (js_is_exception(r)) return r;
  if (!js_is_object(r)) return js_throw_type_error(vm, "Iterator result is not an object");
  return JS_UNDEFINED;
}

// IteratorClose on a throw completion: the original exception wins.
RT(IteratorCloseQuiet) {
  JSValue saved = js_take_exception(vm);
  JSValue ret = js_get_method(vm, a[0], vm->atom[JS_ATOM_return]);
  if (!js_is_exception(ret) && !js_is_undefined(ret)) js_call(vm, ret, a[0], 0, NULL);
  if (vm->has_exception) js_take_exception(vm);
  (void)saved;
  return JS_UNDEFINED;
}

RT(ToPropertyKey) { return js_to_property_key(vm, a[0]); }

/* {==== Calls ====} */

RT(CallWithArray) {
  JSArrayStore *args = js_list_from_array_like(vm, a[2]);
  if (!args) return JS_EXCEPTION;
  return js_call(vm, a[0], a[1], (int)args->used, args->v);
}

RT(ConstructWithArray) {
  JSArrayStore *args = js_list_from_array_like(vm, a[1]);
  if (!args) return JS_EXCEPTION;
  return js_construct(vm, a[0], (int)args->used, args->v, a[2]);
}

// A loop's per-iteration copy of its context (closures made in one
// iteration keep that iteration's bindings).
RT(CloneContext) {
  JSValue *slot = &f->fp[-(int32_t)f->code->nparams - 2];
  JSEnv *e = js_heap(*slot);
  JSEnv *c = ign_new_env(vm, e->parent, e->scope_info, e->length);
  memcpy(c->slots, e->slots, e->length * sizeof(JSValue));  // c is fresh
  *slot = js_val(c);
  return JS_UNDEFINED;
}

/* {==== using declarations (runtime/disposable.h) ====} */

// A statement list's resource list lives in a register: undefined while
// empty, else the JSArrayStore of runtime/disposable.h (it may move as
// it grows, so the new one is returned for the register).
static JSArrayStore *resource_list(JSValue v) {
  return js_is_undefined(v) ? NULL : (JSArrayStore *)js_heap(v);
}

// InitializeBinding's AddDisposableResource(list, value, hint).
RT(AddDisposableResource) {
  JSArrayStore *list = resource_list(a[0]);
  if (!js_add_disposable_resource(vm, &list, a[1], js_bool(a[2]))) return JS_EXCEPTION;
  return list ? js_val(list) : JS_UNDEFINED;
}

// DisposeResources(list, completion) when a using list's block exits; the
// completion is the finally's token and value. A throw completion (or a
// disposal error) leaves as an exception.
RT(DisposeResources) {
  bool throwing = js_int32(a[1]) == GEN_TOKEN_RETHROW;
  if (throwing) js_throw(vm, a[2]);
  return js_dispose_resources(vm, resource_list(a[0]), throwing) ? JS_UNDEFINED : JS_EXCEPTION;
}

// The same for a list with await using declarations: a promise the code
// then awaits (its rejection is the final throw completion), or
// undefined when nothing was ever added (then nothing is awaited, and a
// throw completion is rethrown at once).
RT(DisposeResourcesAsync) {
  bool throwing = js_int32(a[1]) == GEN_TOKEN_RETHROW;
  JSArrayStore *list = resource_list(a[0]);
  if (!list) return throwing ? js_throw(vm, a[2]) : JS_UNDEFINED;
  if (throwing) js_throw(vm, a[2]);
  return js_dispose_resources_async(vm, list, throwing);
}

/* {==== Functions and classes ====} */

RT(SetFunctionName) {
  js_set_function_name(vm, a[0], a[1], NULL);
  return a[0];
}

RT(SetHomeObject) {
  if (js_is_function(a[0])) js_fn(a[0])->home_object = a[1];
  return a[0];
}

RT(GetSuperConstructor) {
  JSValue p = js_obj(a[0])->map->proto;
  if (!js_is_constructor(p)) return js_throw_type_error(vm, "Super constructor is not a constructor");
  return p;
}

// The object super.x starts from: the home object's prototype.
static JSValue super_base(JSVM *vm, JSValue closure) {
  JSValue home = js_fn(closure)->home_object;
  // Arrows take their home object from the enclosing method's closure.
  if (!js_is_object(home)) return js_throw_syntax_error(vm, "'super' keyword unexpected here");
  return js_obj(home)->map->proto;
}

RT(SuperGet) {
  JSValue base = super_base(vm, a[0]);
  if (js_is_exception(base)) return base;
  if (js_is_null(base)) return js_throw_type_error(vm, "Cannot read properties of null");
  return js_get_with_receiver(vm, base, a[1], a[2]);
}

RT(SuperSet) {
  JSValue base = super_base(vm, a[0]);
  if (js_is_exception(base)) return base;
  if (js_is_null(base)) return js_throw_type_error(vm, "Cannot set properties of null");
  if (js_set_with_receiver(vm, base, a[1], a[2], a[3], true) < 0) return JS_EXCEPTION;
  return a[2];
}

// DefineField: run the initializer with the object as this, then
// CreateDataPropertyOrThrow (a private name: a private field).
static JSValue define_field(JSVM *vm, JSValue obj, JSValue key, JSValue init) {
  JSValue v = JS_UNDEFINED;
  if (js_is_callable(init)) {
    v = js_call(vm, init, obj, 0, NULL);
    if (js_is_exception(v)) return v;
    // Anonymous functions take the field's name.
    if (js_is_function(v) && js_is_string(js_fn(v)->shared->name) &&
        js_string_length(js_fn(v)->shared->name) == 0 && !js_is_symbol(key))
      js_set_function_name(vm, v, key, NULL);
  }
  if (js_is_symbol(key) && (((JSSymbol *)js_heap(key))->flags & JS_SYM_PRIVATE))
    return js_private_define(vm, obj, key, v, 0) < 0 ? JS_EXCEPTION : obj;
  if (js_create_data_property_or_throw(vm, obj, key, v) < 0) return JS_EXCEPTION;
  return obj;
}

// InitializeInstanceElements: the constructor's list holds key, value,
// kind triples; private methods and accessors go first, then fields.
static JSValue initialize_fields(JSVM *vm, JSValue obj, JSValue ctor) {
  JSValue list = js_fn(ctor)->fields;
  if (!js_is_heap(list)) return obj;
  JSArrayStore *l = js_heap(list);
  for (uint32_t i = 0; i + 2 < l->used; i += 3) {
    int kind = js_int32(l->v[i + 2]);
    if (kind && js_private_define(vm, obj, l->v[i], l->v[i + 1], kind) < 0) return JS_EXCEPTION;
  }
  for (uint32_t i = 0; i + 2 < l->used; i += 3)
    if (js_int32(l->v[i + 2]) == 0 && js_is_exception(define_field(vm, obj, l->v[i], l->v[i + 1])))
      return JS_EXCEPTION;
  return obj;
}

RT(InitializeFields) { return initialize_fields(vm, a[0], a[1]); }
RT(DefineField) { return define_field(vm, a[0], a[1], a[2]); }

RT(AddField) {
  JSFunction *ctor = js_fn(a[0]);
  JSArrayStore *l = js_is_heap(ctor->fields) ? js_heap(ctor->fields) : NULL;
  l = js_store_push(vm, l, a[1]);
  l = js_store_push(vm, l, a[2]);
  l = js_store_push(vm, l, a[3]);
  ctor->fields = js_val(l);
  if (js_is_function(a[2])) js_fn(a[2])->home_object = ctor->home_object;
  return JS_UNDEFINED;
}

RT(NewPrivateName) {
  JSValue sym = js_new_symbol(vm, a[0]);
  ((JSSymbol *)js_heap(sym))->flags |= JS_SYM_PRIVATE;
  return sym;
}

RT(PrivateGet) { return js_private_get(vm, a[0], a[1]); }
RT(PrivateSet) { return js_private_set(vm, a[0], a[1], a[2]) < 0 ? JS_EXCEPTION : a[2]; }
RT(PrivateIn) {
  int r = js_private_has(vm, a[0], a[1]);
  return r < 0 ? JS_EXCEPTION : js_from_bool(r);
}
RT(PrivateDefine) {
  return js_private_define(vm, a[0], a[1], a[2], js_int32(a[3])) < 0 ? JS_EXCEPTION : a[0];
}

// ClassDefinitionEvaluation's prototype and constructor links: returns
// the prototype object.
RT(CreateClass) {
  JSValue ctor = a[0], proto_parent = js_intrinsic(vm, ObjectPrototype);
  JSValue ctor_parent = js_intrinsic(vm, FunctionPrototype);
  if (js_to_boolean(a[2])) {
    JSValue h = a[1];
    if (js_is_null(h)) {
      proto_parent = JS_NULL;
    } else {
      if (!js_is_constructor(h))
        return js_throw_type_error(vm, "Class extends value is not a constructor or null");
      proto_parent = js_get(vm, h, vm->atom[JS_ATOM_prototype]);
      if (js_is_exception(proto_parent)) return proto_parent;
      if (!js_is_object(proto_parent) && !js_is_null(proto_parent))
        return js_throw_type_error(vm, "Class extends value does not have valid prototype property");
      ctor_parent = h;
    }
  }
  JSValue proto = js_new_object_proto(vm, proto_parent);
  JSFunction *fn = js_fn(ctor);
  // class_map's slot 2 is `prototype` (non-writable): set it before
  // anything can read (and lazily fill) it.
  js_inline_slots(&fn->base)[2] = proto;
  fn->home_object = proto;
  js_define_value(vm, proto, vm->atom[JS_ATOM_constructor], ctor, JS_ATTR_METHOD);
  if (js_set_prototype_of(vm, ctor, ctor_parent) < 0) return JS_EXCEPTION;
  return proto;
}

// The default constructor: `constructor() {}` or, derived,
// `constructor(...args) { super(...args); }`, then the fields.
static JSValue default_constructor(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                   JSValue new_target) {
  JSValue callee = vm->callee;
  if (js_is_undefined(new_target)) return js_throw_type_error(vm, "Class constructor cannot be invoked without 'new'");
  JSValue obj;
  if (js_fn(callee)->shared->flags & JS_FN_DERIVED) {
    JSValue parent = js_obj(callee)->map->proto;
    if (!js_is_constructor(parent)) return js_throw_type_error(vm, "Super constructor is not a constructor");
    obj = js_construct(vm, parent, argc, argv, new_target);
  } else {
    JSValue proto = js_get_prototype_from_ctor(vm, new_target, JS_INTRINSIC_ObjectPrototype);
    if (js_is_exception(proto)) return proto;
    obj = js_new_object_proto(vm, proto);
  }
  if (js_is_exception(obj)) return obj;
  return initialize_fields(vm, obj, callee);
}

JSShared *ign_default_constructor_shared(JSVM *vm, JSValue name, uint32_t flags) {
  JSShared *s = js_new_shared(vm, name, flags | JS_FN_NATIVE, 0);
  s->native = default_constructor;
  return s;
}

RT(DirectEval) { return ign_direct_eval(vm, a, n, f); }
RT(DeclareEvalVars) { return ign_declare_eval_vars(vm, a[0], f); }

RT(ObjectCreateNull) { return js_new_object_proto(vm, JS_NULL); }
RT(LoadHomeObjectProto) { return super_base(vm, a[0]); }

/* {==== Generators ====} */

RT(CreateGenerator) { return ign_create_generator(vm, a[0]); }

RT(GeneratorResumeMode) {
  return js_from_int32(((JSGenerator *)js_heap(a[0]))->resume_mode);
}

RT(AsyncFunctionAwait) { return ign_async_await(vm, a[0], a[1]); }
RT(AsyncFunctionResolve) { return ign_async_resolve(vm, a[0], a[1]); }
RT(AsyncFunctionReject) { return ign_async_reject(vm, a[0], a[1]); }

RT(AsyncGeneratorYield) { return ign_async_generator_yield(vm, a[0], a[1]); }
RT(GetAsyncIterator) { return ign_get_async_iterator(vm, a[0]); }

RT(ThrowReturnBox) { return js_throw(vm, ign_return_box(vm, a[0])); }

// One step of yield* (ECMA-262 15.5.5): call the inner iterator's next,
// throw or return for the way the outer generator was resumed.
RT(YieldStar) {
  JSValue iter = a[0], received = a[2];
  int mode = js_int32(a[1]);
  if (mode == IGN_RESUME_NEXT) {
    JSValue next = js_get(vm, iter, vm->atom[JS_ATOM_next]);
    if (js_is_exception(next)) return next;
    JSValue r = js_call(vm, next, iter, 1, &received);
    if (js_is_exception(r) || js_is_object(r)) return r;
    return js_throw_type_error(vm, "Iterator result is not an object");
  }
  int atom = mode == IGN_RESUME_THROW ? JS_ATOM_throw : JS_ATOM_return;
  JSValue m = js_get_method(vm, iter, vm->atom[atom]);
  if (js_is_exception(m)) return m;
  if (js_is_undefined(m)) {
    if (mode == IGN_RESUME_RETURN) return js_throw(vm, ign_return_box(vm, received));
    // No throw method: close the iterator, then it is a protocol error.
    JSValue ret = js_get_method(vm, iter, vm->atom[JS_ATOM_return]);
    if (js_is_exception(ret)) return ret;
    if (!js_is_undefined(ret)) {
      JSValue c = js_call(vm, ret, iter, 0, NULL);
      if (js_is_exception(c)) return c;
    }
    return js_throw_type_error(vm, "The iterator does not provide a 'throw' method");
  }
  JSValue r = js_call(vm, m, iter, 1, &received);
  if (js_is_exception(r) || js_is_object(r)) return r;
  return js_throw_type_error(vm, "Iterator result is not an object");
}

/* {==== Not there yet ====} */

#define NOT_YET(name, what) \
  RT(name) { return js_throw_syntax_error(vm, "%s are not supported yet", what); }
RT(CreateRegExp) { return js_regexp_create(vm, a[0], a[1]); }
NOT_YET(ImportCall, "dynamic imports")

/* {==== The table ====} */

const IgnRuntimeFn ign_runtime_fn[IGN_RT_COUNT] = {
#define IGN_RUNTIME(name, nargs) rt_##name,
#include "ignition/runtime_calls.def"
};

const char *const ign_runtime_name[IGN_RT_COUNT] = {
#define IGN_RUNTIME(name, nargs) #name,
#include "ignition/runtime_calls.def"
};
