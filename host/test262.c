/*
 * host/test262.c — the `$262` host object that test262's harness expects
 * (test262's INTERPRETING.md, "Host-Defined Functions"). jsvm installs it
 * only under --expose-test262, which tests/test262/run.py passes.
 *
 *   $262.global             the global object $262 was defined on
 *   $262.gc()               a full collection (orinoco's ori_collect)
 *   $262.evalScript(src)    ParseScript + ScriptEvaluation in this realm
 *   $262.createRealm()      a new realm (js_new_realm) with its own $262
 *   $262.detachArrayBuffer(buf)  DetachArrayBuffer(buf)
 *   $262.agent              the multi-agent API (host/test262_agent.c)
 *
 * Each realm has its own $262, made while that realm is current: its
 * functions' [[Realm]] is that realm, so evalScript (which runs in the
 * current realm, the callee's) evaluates in the realm it belongs to.
 *
 * Left out on purpose: $262.IsHTMLDDA (present only in hosts that can
 * provide it).
 */
#include <stdlib.h>

#include "host/host.h"
#include "ignition/ignition.h"
#include "parser/parser.h"
#include "runtime/runtime.h"
#include "runtime/typedarray.h"

// $262.gc(): test262 calls it from WeakRef/FinalizationRegistry tests: a
// full collection, as gc() is under --expose-gc.
static JSValue t262_gc(JSVM *vm, JSValue self, int argc, JSValue *argv,
                       JSValue nt) {
  (void)vm, (void)self, (void)argc, (void)argv, (void)nt;
  ori_collect("testing");
  return JS_UNDEFINED;
}

// $262.evalScript(sourceText): INTERPRETING.md's algorithm. A parse error
// is a thrown SyntaxError of the current realm (step 4), not a report on
// stderr; otherwise the script runs as global code of the current realm
// and its completion value is returned (step 6).
static JSValue t262_eval_script(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                JSValue nt) {
  (void)self, (void)nt;
  JSValue text = js_to_string(vm, js_arg(0));
  if (js_is_exception(text)) return text;
  size_t len;
  char *source = js_string_utf8(vm, text, &len);
  PrsOptions po = {.module = false, .strict = false};
  PrsSyntaxError err;
  PrsAst *ast = prs_parse(source, len, &po, &err);
  if (!ast) {
    free(source);
    return js_throw_syntax_error(vm, "%s", err.message);
  }
  // The AST is never freed: inner functions compile lazily from it, and
  // the script's functions may outlive this call (as in host/api.c).
  JSValue r = ign_run_script(vm, ast, "evalScript", source, len);
  free(source);   // ign_run_script keeps its own copy of the text
  return r;
}

static JSValue install(JSVM *vm);

// $262.createRealm(): a fresh realm (its own global object and
// intrinsics) and the $262 of that realm.
static JSValue t262_create_realm(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                 JSValue nt) {
  (void)self, (void)argc, (void)argv, (void)nt;
  JSRealm *r = js_new_realm(vm);
  JSRealm *saved = vm->realm;
  vm->realm = r;
  JSValue t262 = install(vm);
  vm->realm = saved;
  return t262;
}

// $262.detachArrayBuffer(buffer): DetachArrayBuffer (runtime/typedarray.h);
// a TypeError for anything but a (non-shared) ArrayBuffer.
static JSValue t262_detach_array_buffer(JSVM *vm, JSValue self, int argc,
                                        JSValue *argv, JSValue nt) {
  (void)self, (void)nt;
  if (!js_array_buffer_detach(vm, js_arg(0))) return JS_EXCEPTION;
  return JS_NULL;
}

// $262 for the current realm, defined on its global object.
static JSValue install(JSVM *vm) {
  JSValue global = vm->realm->global;
  JSValue t262 = js_new_object(vm);
  // Every property as the harness would define it: writable, configurable,
  // not enumerable, so that property-enumeration tests of the global object
  // are not disturbed by the host.
  js_def_value(vm, t262, "global", global, JS_ATTR_METHOD);
  js_def_method(vm, t262, "gc", t262_gc, 0);
  js_def_method(vm, t262, "evalScript", t262_eval_script, 1);
  js_def_method(vm, t262, "createRealm", t262_create_realm, 0);
  js_def_method(vm, t262, "detachArrayBuffer", t262_detach_array_buffer, 1);
  host_install_test262_agent(vm, t262);
  js_def_value(vm, global, "$262", t262, JS_ATTR_METHOD);
  return t262;
}

void host_install_test262(JSVM *vm) { install(vm); }
