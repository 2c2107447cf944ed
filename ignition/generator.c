/*
 * ignition/generator.c — generators: creating the generator object when
 * a generator function is called, resuming a suspended frame (the frame's
 * slots are copied back onto the VM stack and execution continues at the
 * resume point), %GeneratorPrototype%'s next/return/throw, and the
 * return box that carries a return() through finally blocks.
 */
#include <stdlib.h>
#include <string.h>

#include "ignition/interp.h"
#include "runtime/map.h"
#include "runtime/promise.h"

/* {==== The return box ====} */

JSValue ign_return_box(JSVM *vm, JSValue value) {
  IgnState *st = ign_state(vm);
  if (!st->return_box_map) st->return_box_map = js_new_map(vm, JS_TYPE_Array, JS_NULL, 0, 0);
  JSArrayStore *b = js_new_store(vm, 1);
  b->map = st->return_box_map;
  b->v[0] = value;  // fresh cell: raw store
  b->used = 1;
  return js_val(b);
}

bool ign_is_return_box(JSVM *vm, JSValue v) {
  IgnState *st = ign_state(vm);
  return st->return_box_map && js_is_heap(v) &&
         ((JSCell *)js_heap(v))->map == st->return_box_map;
}

JSValue ign_return_box_value(JSValue box) { return ((JSArrayStore *)js_heap(box))->v[0]; }

/* {==== Creating and resuming ====} */

// Called by the generator function's prologue: the generator object,
// whose prototype is the function's `prototype` (or the intrinsic).
JSValue ign_create_generator(JSVM *vm, JSValue closure) {
  JSFunction *fn = js_fn(closure);
  bool async = fn->shared->flags & JS_FN_ASYNC;
  bool gen = fn->shared->flags & JS_FN_GENERATOR;
  int kind = !async ? IGN_GEN_SYNC : gen ? IGN_GEN_ASYNC_GENERATOR : IGN_GEN_ASYNC;
  JSValue proto = JS_NULL;
  if (gen) {
    proto = js_get(vm, closure, vm->atom[JS_ATOM_prototype]);
    if (js_is_exception(proto)) return proto;
    if (!js_is_object(proto))
      proto = vm->realm->intrinsic[async ? JS_INTRINSIC_AsyncGeneratorPrototype
                                         : JS_INTRINSIC_GeneratorPrototype];
  }
  JSMap *m = js_map_root_of(vm, JS_TYPE_Generator, sizeof(JSGenerator), proto, 0);
  JSGenerator *g = (JSGenerator *)js_new_object_of(vm, m);
  g->fn = fn;
  g->kind = (uint8_t)kind;
  g->state = IGN_GEN_START;
  g->promise = g->queue = JS_UNDEFINED;
  if (kind == IGN_GEN_ASYNC) g->promise = js_promise_new(vm);
  return js_val(g);
}

JSValue ign_resume(JSVM *vm, JSGenerator *gen, JSValue value, int mode) {
  IgnState *st = ign_state(vm);
  IgnCode *code = gen->fn->shared->code;
  uint32_t n = gen->frame->used;
  if ((size_t)(st->stack_end - st->sp) < n + 16 || st->nframes + 1 >= st->max_frames)
    return js_throw_range_error(vm, "Maximum call stack size exceeded");
  if (!js_check_stack(vm)) return JS_EXCEPTION;
  JSValue *base = st->sp;
  memcpy(base, gen->frame->v, n * sizeof(JSValue));
  IgnFrame *f = &st->frames[st->nframes++];
  f->base = base;
  f->fp = base + 4 + code->nparams;
  f->code = code;
  f->fn = gen->fn;
  f->argv = NULL;
  f->argc = 0;
  // The body runs in its function's realm whoever resumes it.
  JSRealm *realm = gen->fn->shared->realm;
  f->flags = IGN_FRAME_ENTRY | (realm != vm->realm ? IGN_FRAME_REALM : 0);
  f->caller_realm = vm->realm;
  vm->realm = realm;
  st->sp = base + n;
  gen->state = IGN_GEN_RUNNING;
  gen->resume_mode = (uint8_t)mode;
  // yield* sees every mode as a value and dispatches on it itself.
  if (gen->raw & 1) mode = IGN_RESUME_NEXT;
  f->pc = code->bytecode + (mode == IGN_RESUME_NEXT ? gen->resume_offset : gen->suspend_offset);
  st->resuming = true;
  st->resume_mode = (uint8_t)mode;
  st->resume_value = value;
  JSValue r = ign_execute(vm);
  if (gen->state == IGN_GEN_RUNNING) gen->state = IGN_GEN_DONE;
  return r;
}

/* {==== %GeneratorPrototype% ====} */

static JSValue iter_result(JSVM *vm, JSValue value, bool done) {
  JSValue o = js_new_object(vm);
  js_define_value(vm, o, vm->atom[JS_ATOM_value], value, JS_ATTR_DEFAULT);
  js_define_value(vm, o, vm->atom[JS_ATOM_done], js_from_bool(done), JS_ATTR_DEFAULT);
  return o;
}

// GeneratorResume / GeneratorResumeAbrupt for next, throw and return.
static JSValue generator_resume(JSVM *vm, JSValue self, JSValue value, int mode) {
  if (!js_is_type(self, JS_TYPE_Generator) ||
      ((JSGenerator *)js_heap(self))->kind != IGN_GEN_SYNC)
    return js_throw_type_error(vm, "next method called on incompatible receiver");
  JSGenerator *gen = js_heap(self);
  if (gen->state == IGN_GEN_RUNNING) return js_throw_type_error(vm, "Generator is already running");
  if (gen->state == IGN_GEN_START && mode != IGN_RESUME_NEXT) gen->state = IGN_GEN_DONE;
  if (gen->state == IGN_GEN_DONE) {
    if (mode == IGN_RESUME_THROW) return js_throw(vm, value);
    return iter_result(vm, mode == IGN_RESUME_RETURN ? value : JS_UNDEFINED, true);
  }
  JSValue r = ign_resume(vm, gen, value, mode);
  if (js_is_exception(r)) {
    gen->state = IGN_GEN_DONE;
    if (ign_is_return_box(vm, vm->exception))
      return iter_result(vm, ign_return_box_value(js_take_exception(vm)), true);
    return r;
  }
  // A suspension left an iterator result in acc; a return finished.
  if (gen->state == IGN_GEN_SUSPENDED) return r;
  gen->state = IGN_GEN_DONE;
  return iter_result(vm, r, true);
}

static JSValue gen_next(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  return generator_resume(vm, self, js_arg(0), IGN_RESUME_NEXT);
}
static JSValue gen_return(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  return generator_resume(vm, self, js_arg(0), IGN_RESUME_RETURN);
}
static JSValue gen_throw(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  return generator_resume(vm, self, js_arg(0), IGN_RESUME_THROW);
}

void ign_install_generators(JSVM *vm) {
  ign_install_async_generators(vm);
  JSRealm *r = vm->realm;
  JSValue gp = r->intrinsic[JS_INTRINSIC_GeneratorPrototype];
  JSValue gfp = r->intrinsic[JS_INTRINSIC_GeneratorFunctionPrototype];
  js_def_method(vm, gp, "next", gen_next, 1);
  js_def_method(vm, gp, "return", gen_return, 1);
  js_def_method(vm, gp, "throw", gen_throw, 1);
  js_define_value(vm, gp, vm->symbol[JS_SYMBOL_toStringTag], js_atom(vm, "Generator"),
                  JS_ATTR_CONFIGURABLE);
  js_define_value(vm, gp, vm->atom[JS_ATOM_constructor], gfp, JS_ATTR_CONFIGURABLE);
  js_define_value(vm, gfp, vm->atom[JS_ATOM_prototype], gp, JS_ATTR_CONFIGURABLE);
  js_define_value(vm, gfp, vm->symbol[JS_SYMBOL_toStringTag], js_atom(vm, "GeneratorFunction"),
                  JS_ATTR_CONFIGURABLE);
}

/* {==== Async functions ====} */

// The reactions of an await: resume the suspended function with the
// settled value (as a throw when rejected). The generator rides in the
// native's home_object slot, unused by natives.
static JSValue await_settled(JSVM *vm, JSValue value, int mode) {
  JSGenerator *gen = js_heap(js_fn(vm->callee)->home_object);
  JSValue r = ign_resume(vm, gen, value, mode);
  if (gen->kind == IGN_GEN_ASYNC_GENERATOR) {
    ign_async_generator_resumed(vm, gen, r);
    return JS_UNDEFINED;
  }
  // The body's own handler settles the promise; nothing escapes to here
  // except a failure to resume (no stack left), which rejects it.
  if (js_is_exception(r)) js_promise_reject_fn(vm, gen->promise, js_take_exception(vm));
  return JS_UNDEFINED;
}

static JSValue await_fulfilled(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  return await_settled(vm, js_arg(0), IGN_RESUME_NEXT);
}

static JSValue await_rejected(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  return await_settled(vm, js_arg(0), IGN_RESUME_THROW);
}

JSValue ign_async_await(JSVM *vm, JSValue genv, JSValue value) {
  JSGenerator *gen = js_heap(genv);
  JSValue p = js_promise_resolve(vm, value);
  if (js_is_exception(p)) return p;
  JSValue on_f = js_new_native(vm, "", await_fulfilled, 1, 0);
  JSValue on_r = js_new_native(vm, "", await_rejected, 1, 0);
  js_fn(on_f)->home_object = genv;
  js_fn(on_r)->home_object = genv;
  js_promise_then_native(vm, p, on_f, on_r);
  // The frame suspends with the promise: the first await hands it to the
  // caller; later ones return it to the job that resumed the frame.
  // (Async generators have no promise of their own: their requests do.)
  return gen->promise;
}

JSValue ign_async_resolve(JSVM *vm, JSValue genv, JSValue value) {
  JSGenerator *gen = js_heap(genv);
  js_promise_resolve_fn(vm, gen->promise, value);
  if (vm->has_exception) return JS_EXCEPTION;
  return gen->promise;
}

JSValue ign_async_reject(JSVM *vm, JSValue genv, JSValue reason) {
  JSGenerator *gen = js_heap(genv);
  js_promise_reject_fn(vm, gen->promise, reason);
  return gen->promise;
}
