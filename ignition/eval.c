/*
 * ignition/eval.c — eval: the global function (indirect eval: global
 * code) and direct eval calls, which run in their caller's scope. Eval
 * code is parsed as a script in eval mode (parser.h): its own lexical
 * bindings, and all of them when strict, are local; a sloppy eval's vars
 * join its caller's var scope (a function context's extension object,
 * or the global object) and every free name is looked up by name through
 * the caller's contexts, which scope analysis kept complete for it.
 */
#include <stdlib.h>
#include <string.h>

#include "ignition/gen.h"
#include "ignition/interp.h"
#include "parser/parser.h"

// Compile source as eval code; NULL with a SyntaxError thrown.
static IgnCode *compile_eval(JSVM *vm, JSValue source, const PrsOptions *po, JSValue file) {
  size_t len;
  char *text = js_string_utf8(vm, source, &len);
  PrsSyntaxError err;
  PrsAst *ast = prs_parse(text, len, po, &err);
  if (!ast) {
    js_throw_syntax_error(vm, "%s", err.message[0] ? err.message : "Invalid or unexpected token");
    free(text);
    return NULL;
  }
  char *name = js_string_utf8(vm, file, NULL);
  IgnScript *script = ign_new_script(vm, ast, name, text, len);
  free(name);
  free(text);
  return ign_compile_named(vm, script, ast->root, vm->atom[JS_ATOM_eval]);
}

// Run eval code: in the caller's frame's scope for a direct eval, as
// global code otherwise.
static JSValue run_eval(JSVM *vm, JSValue source, IgnFrame *caller) {
  if (!js_is_string(source)) return source;
  PrsOptions po = {.eval = true};
  JSValue self = vm->realm->global, new_target = JS_UNDEFINED, home = JS_UNDEFINED;
  JSEnv *env = NULL;
  JSValue file = js_is_undefined(vm->script_name) ? vm->atom[JS_ATOM_eval] : vm->script_name;
  if (caller) {
    IgnCode *cc = caller->code;
    po.strict = cc->strict;
    JSValue *fp = caller->fp;
    self = fp[-(int32_t)cc->nparams - 1];
    JSValue ctx = fp[-(int32_t)cc->nparams - 2];
    env = js_is_heap(ctx) ? js_heap(ctx) : NULL;
    new_target = caller->base[0];
    home = caller->fn->home_object;
    po.eval_new_target = !PRS_IS(cc->node, Script);
    po.eval_super = js_is_object(home);
    file = cc->script->name;
  }
  IgnCode *code = compile_eval(vm, source, &po, file);
  if (!code) return JS_EXCEPTION;
  JSShared *s = js_new_shared(vm, vm->atom[JS_ATOM_eval], code->strict ? JS_FN_STRICT : 0, 0);
  s->code = code;
  s->script = code->script;
  s->lazy = code->node;
  JSFunction *fn = js_new_function_object(vm, vm->realm->method_map, s);
  fn->env = env;
  fn->home_object = home;
  if (!js_check_stack(vm)) return JS_EXCEPTION;
  // Eval code keeps its caller's this (no sloppy-mode boxing: the value
  // was bound already), so the frame is pushed as for a strict function.
  IgnFrame *f = ign_push_frame(vm, fn, self, 0, NULL, new_target, IGN_FRAME_ENTRY);
  if (!f) return JS_EXCEPTION;
  return ign_execute(vm);
}

// The %eval% function: indirect eval.
static JSValue global_eval(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  return run_eval(vm, js_arg(0), NULL);
}

JSValue ign_direct_eval(JSVM *vm, JSValue *args, uint32_t n, IgnFrame *caller) {
  JSValue callee = args[0];
  // eval(...) is a direct eval only when eval is the realm's %eval%.
  if (callee.bits != js_intrinsic(vm, Eval).bits)
    return js_call(vm, callee, JS_UNDEFINED, (int)n - 1, args + 1);
  return run_eval(vm, n > 1 ? args[1] : JS_UNDEFINED, caller);
}

// A sloppy eval's var and function declarations: bindings in the
// caller's var scope (its function context's extension object, or the
// global object, where they are configurable, unlike script vars).
JSValue ign_declare_eval_vars(JSVM *vm, JSValue list, IgnFrame *f) {
  JSArrayStore *l = js_heap(list);
  JSValue ctx = f->fp[-(int32_t)f->code->nparams - 2];
  JSEnv *e = js_is_heap(ctx) ? js_heap(ctx) : NULL;
  while (e && !(e->flags & JS_ENV_FUNCTION)) e = e->parent;
  JSValue target = vm->realm->global;
  if (e) {
    if (!js_is_object(e->extension)) e->extension = js_new_object_proto(vm, JS_NULL);
    target = e->extension;
  }
  for (uint32_t i = 0; i + 1 < l->used; i += 2) {
    JSValue name = l->v[i];
    int has = js_has_own_property(vm, target, name);
    if (has < 0) return JS_EXCEPTION;
    if (!has && js_define_value(vm, target, name, JS_UNDEFINED, JS_ATTR_DEFAULT) < 0)
      return JS_EXCEPTION;
  }
  return JS_UNDEFINED;
}

void ign_install_eval(JSVM *vm) {
  JSValue ev = js_def_method(vm, vm->realm->global, "eval", global_eval, 1);
  vm->realm->intrinsic[JS_INTRINSIC_Eval] = ev;
}
