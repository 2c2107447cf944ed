/*
 * host/api.c — the include/jsvm.h entry points.
 */
#include <stdio.h>

#include "host/host.h"
#include "parser/parser.h"

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

// Running a program: the debug printers first (--print-cst prints even a
// program that fails to parse, which is when it is needed), then the
// checks, then execution, which the interpreter issue brings.
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
  prs_free(ast);
  if (opt->print_cst) return JSVM_EXIT_OK;
  // The interpreter is the next brick (ignition/): say so plainly rather
  // than pretend the program ran.
  fprintf(stderr,
          "jsvm: %s: checked, but not yet executable: this build of jsvm has "
          "no interpreter yet (try --check or --print-ast)\n",
          filename);
  return JSVM_EXIT_ERROR;
}
