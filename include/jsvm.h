/*
 * include/jsvm.h — the public embedding API of jsvm.
 *
 * Invariants: this header is all an embedder (and bin/jsvm.c) may use;
 * nothing here exposes an engine-internal type. Every entry point reports
 * failure through its return value and prints diagnostics in node's
 * format to stderr; none of them aborts the process on bad input.
 *
 * Today the engine parses and checks programs; running them comes with
 * the interpreter (ignition/).
 */
#ifndef JSVM_H
#define JSVM_H

#include <stdbool.h>
#include <stddef.h>

#define JSVM_EXIT_OK 0
#define JSVM_EXIT_ERROR 1          /* uncaught exception or SyntaxError */
#define JSVM_EXIT_USAGE 9          /* bad command line, as node uses 9 */

/* What to do with a program; filled by the command line or an embedder. */
typedef struct JsvmOptions {
  bool module;                     /* --module (or a .mjs file) */
  bool strict;                     /* --use-strict */
  bool print_ast;                  /* --print-ast */
  bool print_cst;                  /* --print-cst (tree-sitter's tree) */
  bool print_bytecode;             /* --print-bytecode */
  const char *bytecode_filter;     /* --print-bytecode-filter=NAME */
  bool jitless;                    /* --jitless */
  bool trace_gc, trace_gc_verbose; /* --trace-gc, --trace-gc-verbose */
  bool trace_gc_nvp;               /* --trace-gc-nvp: phase times */
  bool trace_opt, trace_deopt;     /* --trace-opt, --trace-deopt */
  bool expose_gc;                  /* --expose-gc */
  bool expose_test262;             /* --expose-test262: test262's $262 object */
  unsigned gc_stress;              /* --gc-stress[=N]: collect every N allocs */
  bool verify_heap;                /* --verify-heap */
  unsigned max_old_space_mb;       /* --max-old-space-size=MB (0: default) */
  unsigned max_semi_space_mb;      /* --max-semi-space-size=MB (0: default) */
  unsigned stack_size_kb;          /* --stack-size=KB (0: default) */
  bool regexp_fallback_set;        /* --regexp-backtracks-before-fallback=N: */
  unsigned regexp_backtracks_before_fallback; /* N backtracks before the
                                      linear RegExp matcher (0: at once) */
} JsvmOptions;

/* jsvm_check: parse and run every early error on a program, like
 * `node --check`. Returns JSVM_EXIT_OK or JSVM_EXIT_ERROR (after printing
 * the SyntaxError as file:line:col, the line, a caret and the message). */
int jsvm_check(const JsvmOptions *opt, const char *filename,
               const char *source, size_t len);

/* jsvm_run: check, then run a program (the debug printers first, when
 * asked). Returns the process exit status the program asks for. */
int jsvm_run(const JsvmOptions *opt, const char *filename, const char *source,
             size_t len, int argc, char **argv);

/* jsvm_version: "0.1.0". */
const char *jsvm_version(void);

#endif
