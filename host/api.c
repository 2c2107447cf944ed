/*
 * host/api.c — the include/jsvm.h entry points.
 */
#include <stdio.h>

#include <stdlib.h>

#include "host/host.h"
#include "ignition/ignition.h"
#include "parser/parser.h"
#include "runtime/promise.h"
#include "runtime/runtime.h"

#ifndef JSVM_VERSION
#define JSVM_VERSION "0.1.0"
#endif

const char *jsvm_version(void) { return JSVM_VERSION; }

// Parse with the options' goal; print the error and return NULL on failure.
static PrsAst *parse(const JsvmOptions *opt, const char *filename,
                     const char *source, size_t len) {
  PrsOptions po = {.module = opt->module, .strict = opt->strict};
  PrsSyntaxError err;
  PrsAst *ast = prs_parse(source, len, &po, &err);
  if (!ast) prs_print_error(stderr, filename, source, len, &err);
  return ast;
}

// --check: the whole front end, then nothing. Success means the program
// passed every early error; the AST is dropped at once.
int jsvm_check(const JsvmOptions *opt, const char *filename,
               const char *source, size_t len) {
  PrsAst *ast = parse(opt, filename, source, len);
  if (!ast) return JSVM_EXIT_ERROR;
  prs_free(ast);
  return JSVM_EXIT_OK;
}

// The uncaught-exception report, as node prints it: the throw site (file
// and line, the source line, a caret under the column), then the error's
// stack (or "Uncaught <value>" for non-errors).
static void report_uncaught(JSVM *vm, JSValue exc) {
  IgnLocation loc;
  fflush(stdout);
  if (ign_error_location(vm, exc, &loc)) {
    fprintf(stderr, "%s:%u\n%.*s\n", loc.file, loc.line, (int)loc.line_len, loc.line_text);
    for (uint32_t i = 1; i < loc.col; i++) fputc(' ', stderr);
    fputs("^\n\n", stderr);
  }
  JSValue stack = JS_UNDEFINED;
  if (js_is_type(exc, JS_TYPE_Error)) {
    stack = js_get(vm, exc, vm->atom[JS_ATOM_stack]);
    if (js_is_exception(stack)) stack = js_take_exception(vm), stack = JS_UNDEFINED;
  }
  if (js_is_string(stack)) {
    char *s = js_string_utf8(vm, stack, NULL);
    fprintf(stderr, "%s\n", s);
    free(s);
  } else {
    JSValue text = js_inspect(vm, exc);
    if (js_is_exception(text)) text = js_take_exception(vm), text = js_string_from_cstr(vm, "exception");
    char *s = js_string_utf8(vm, text, NULL);
    fprintf(stderr, "Uncaught %s\n", s);
    free(s);
  }
}

// gc() under --expose-gc (V8's flag): a full collection now.
static JSValue host_gc(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  (void)vm, (void)self, (void)argc, (void)argv, (void)nt;
  ori_collect("testing");
  return JS_UNDEFINED;
}

static JSVM *new_vm(const JsvmOptions *opt) {
  OriConfig oc = {.max_old_space_mb = opt->max_old_space_mb,
                  .max_semi_space_mb = opt->max_semi_space_mb,
                  .trace_gc = opt->trace_gc,
                  .trace_gc_verbose = opt->trace_gc_verbose,
                  .trace_gc_nvp = opt->trace_gc_nvp,
                  .verify_heap = opt->verify_heap,
                  .gc_stress = opt->gc_stress};
  ori_init(&oc);
  JSVM *vm = js_vm_new();
  IgnOptions io = {.print_bytecode = opt->print_bytecode,
                   .print_filter = opt->bytecode_filter,
                   .out = stdout};
  // --stack-size is in KB as in V8; our frames are JSValues on a VM stack
  // of that many KB (16 MB by default: about 10^5 typical frames).
  ign_init(vm, &io, opt->stack_size_kb ? opt->stack_size_kb : 16 * 1024);
  vm->expose_gc = opt->expose_gc;
  if (opt->expose_gc) js_def_method(vm, vm->realm->global, "gc", host_gc, 0);
  vm->regexp_fallback_set = opt->regexp_fallback_set;
  vm->regexp_backtracks_before_fallback = opt->regexp_backtracks_before_fallback;
  return vm;
}

// Running a program: the debug printers first (--print-cst prints even a
// program that fails to parse, which is when it is needed), then the
// checks, then execution; the job queue drains after the script.
int jsvm_run(const JsvmOptions *opt, const char *filename, const char *source,
             size_t len, int argc, char **argv) {
  (void)argc;
  (void)argv;
  if (opt->print_cst) prs_print_cst(stdout, source, len);
  PrsAst *ast = parse(opt, filename, source, len);
  if (!ast) return JSVM_EXIT_ERROR;
  if (opt->print_ast) {
    prs_print_ast(stdout, ast);
    prs_free(ast);
    return JSVM_EXIT_OK;
  }
  if (opt->print_cst) {
    prs_free(ast);
    return JSVM_EXIT_OK;
  }
  if (opt->module) {
    fprintf(stderr, "%s: ES modules are not supported yet (the host brick brings them)\n", filename);
    prs_free(ast);
    return JSVM_EXIT_ERROR;
  }
  JSVM *vm = new_vm(opt);
  if (opt->expose_test262) host_install_test262(vm);
  // The AST stays alive: inner functions compile on their first call.
  JSValue r = ign_run_script(vm, ast, filename, source, len);
  if (!js_is_exception(r) && js_run_jobs(vm)) {
    fflush(stdout);
    // A promise rejected with no handler once the queue drained: node
    // reports it and exits 1 (test262's hosts do not: its tests leave
    // rejections unhandled on purpose).
    if (!opt->expose_test262 && js_promise_report_unhandled(vm)) return JSVM_EXIT_ERROR;
    ori_report();
    return JSVM_EXIT_OK;
  }
  report_uncaught(vm, js_take_exception(vm));
  ori_report();
  return JSVM_EXIT_ERROR;
}
