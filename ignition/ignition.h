/*
 * ignition/ignition.h — the bytecode, its generator and the interpreter.
 *
 * Invariants: the bytecodes are declared once in ignition/bytecodes.def
 * and everything else (enum, names, sizes, dispatch table, printer) is
 * derived from it; interpreter frames live on the VM stack, never in C
 * locals, and JS-to-JS calls do not recurse in C; every property, call
 * and arithmetic bytecode names a feedback slot.
 */
#ifndef JSVM_IGNITION_H
#define JSVM_IGNITION_H

#include <stdio.h>

#include "runtime/runtime.h"

struct PrsAst;

typedef struct IgnOptions {
  bool print_bytecode;
  const char *print_filter;   /* only functions with this name */
  FILE *out;
} IgnOptions;

/* ign_init: the interpreter state (VM stack) for vm. */
void ign_init(JSVM *vm, const IgnOptions *opt, size_t stack_kb);

/* ign_run_script: compile and run a parsed script; the AST is kept (inner
 * functions compile lazily). Returns the completion value or
 * JS_EXCEPTION. source is the script's text (copied). */
JSValue ign_run_script(JSVM *vm, struct PrsAst *ast, const char *filename,
                       const char *source, size_t len);

/* ign_call: [[Call]] / [[Construct]] of a bytecode function (called by
 * js_call/js_construct for non-native functions). */
JSValue ign_call(JSVM *vm, JSValue fn, JSValue self, int argc, JSValue *argv,
                 JSValue new_target);

/* ign_async_from_sync_iterator: CreateAsyncFromSyncIterator (§27.1.6.1)
 * of the sync iterator record (iterator, next): an object of
 * %AsyncFromSyncIteratorPrototype%. JS_EXCEPTION only on allocation
 * failure. */
JSValue ign_async_from_sync_iterator(JSVM *vm, JSValue iterator, JSValue next);

/* ign_stack_string: "\n    at f (file:line:col)" lines for the current
 * JS frames (the empty string outside JS). */
JSValue ign_stack_string(JSVM *vm);
/* ign_stack_string_above: the same, leaving out the frames of the
 * innermost call of fn and every frame above it (all of them when fn is
 * not running); fn undefined leaves out nothing. Both show at most
 * Error.stackTraceLimit frames (V8's: an own data property of %Error%;
 * not a number: none). */
JSValue ign_stack_string_above(JSVM *vm, JSValue fn);

/* ign_error_location: where exception was thrown (the innermost JS frame
 * at the throw), for uncaught exception reports: file, line, column and
 * the source line. False when it was not thrown from JS code. */
typedef struct IgnLocation {
  const char *file;
  uint32_t line, col;
  const char *line_text;
  uint32_t line_len;
} IgnLocation;
bool ign_error_location(JSVM *vm, JSValue exception, IgnLocation *loc);

#endif
