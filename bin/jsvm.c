/*
 * bin/jsvm.c — the jsvm command line. It uses only include/jsvm.h.
 *
 *   jsvm [options] FILE [args]     run a script (.mjs: a module)
 *   jsvm [options] -e CODE         run CODE
 *   jsvm --check FILE              parse and early errors only
 *
 * The work runs on a thread with a large stack: the front end (and later
 * the bytecode generator) recurse on the AST, and deeply nested programs
 * must end in a clean error, never a stack overflow.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "include/jsvm.h"

#if defined(__SANITIZE_ADDRESS__)
// Under ASan: no leak report at exit. The VM's memory (heap chunks,
// compiled code, ASTs kept for lazy compilation) lives as long as the
// process by design; reclaiming it is the collector's job, not exit's.
const char *__asan_default_options(void);
const char *__asan_default_options(void) { return "detect_leaks=0"; }
#endif

// The worker's stack: 1 GB of address space, of which the kernel commits
// only the pages a deep program actually touches. The front end needs
// about 1.5 KB per nesting level and allows 200,000 levels (parser.h).
enum { WORKER_STACK = 1024u * 1024u * 1024u };

// Everything the command line asked for, filled by parse_args and read by
// the worker thread (which gets it through its single void* argument).
typedef struct Cli {
  JsvmOptions opt;
  bool check;
  const char *eval;        // -e CODE
  const char *file;        // script path
  int argc;                // script arguments after the file
  char **argv;
  int status;
} Cli;

static void usage(FILE *out) {
  fputs(
      "Usage: jsvm [options] FILE [args...]\n"
      "       jsvm [options] -e CODE\n"
      "       jsvm --check FILE\n"
      "\n"
      "Options:\n"
      "  -e, --eval CODE            run CODE instead of a file\n"
      "  -c, --check                parse and check FILE (early errors), run nothing\n"
      "  --module                   treat the program as an ES module (.mjs implies it)\n"
      "  --use-strict               treat a script as strict-mode code\n"
      "  --print-ast                print the checked AST with scopes, run nothing\n"
      "  --print-cst                print tree-sitter's tree (debugging the front end)\n"
      "  --print-bytecode           print each function's bytecode (interpreter)\n"
      "  --print-bytecode-filter=NAME  only for functions named NAME\n"
      "  --jitless                  never compile to machine code\n"
      "  --trace-opt, --trace-deopt report optimizing-tier decisions\n"
      "  --trace-gc                 one line per garbage collection\n"
      "  --trace-gc-verbose         per-space sizes after each collection\n"
      "  --trace-gc-nvp             one name=value line per collection: phase times\n"
      "  --expose-gc                define a global gc() function\n"
      "  --expose-test262           define test262's $262 host object\n"
      "  --gc-stress[=N]            collect every N allocations (default 1)\n"
      "  --verify-heap              check the heap after every collection\n"
      "  --max-old-space-size=MB    old generation limit\n"
      "  --max-semi-space-size=MB   new space semispace limit\n"
      "  --stack-size=KB            JS stack limit\n"
      "  --regexp-backtracks-before-fallback=N\n"
      "                             RegExp backtracks before the linear-time matcher\n"
      "                             takes over (0: it alone; default grows with input)\n"
      "  -h, --help                 this text\n"
      "  -v, --version              print the version\n"
      "\n"
      "Not every option has an effect yet: the interpreter, the optimizing tier\n"
      "and the collector are still being built; their flags are accepted now.\n",
      out);
}

// Parse "--name=NUMBER" into *out; false if arg is not that flag.
static bool number_flag(const char *arg, const char *name, unsigned *out,
                        bool *bad) {
  size_t n = strlen(name);
  if (strncmp(arg, name, n) != 0 || arg[n] != '=') return false;
  char *end;
  errno = 0;
  unsigned long v = strtoul(arg + n + 1, &end, 10);
  *bad = errno || *end || end == arg + n + 1 || v > 0xFFFFFFFFul;
  *out = (unsigned)v;
  return true;
}

// The flags that are a plain switch: name and the bool they set. A table
// rather than a chain of strcmp/assign pairs, so that adding a switch is
// one line and --help is the only other place to touch.
static bool switch_flag(Cli *cli, const char *a) {
  static const struct { const char *name; size_t offset; } switches[] = {
      {"--module", offsetof(JsvmOptions, module)},
      {"--use-strict", offsetof(JsvmOptions, strict)},
      {"--print-ast", offsetof(JsvmOptions, print_ast)},
      {"--print-cst", offsetof(JsvmOptions, print_cst)},
      {"--print-bytecode", offsetof(JsvmOptions, print_bytecode)},
      {"--jitless", offsetof(JsvmOptions, jitless)},
      {"--trace-gc", offsetof(JsvmOptions, trace_gc)},
      {"--trace-gc-verbose", offsetof(JsvmOptions, trace_gc_verbose)},
      {"--trace-gc-nvp", offsetof(JsvmOptions, trace_gc_nvp)},
      {"--trace-opt", offsetof(JsvmOptions, trace_opt)},
      {"--trace-deopt", offsetof(JsvmOptions, trace_deopt)},
      {"--expose-gc", offsetof(JsvmOptions, expose_gc)},
      {"--expose-test262", offsetof(JsvmOptions, expose_test262)},
      {"--verify-heap", offsetof(JsvmOptions, verify_heap)},
  };
  for (size_t i = 0; i < sizeof switches / sizeof switches[0]; i++)
    if (strcmp(a, switches[i].name) == 0) {
      *(bool *)((char *)&cli->opt + switches[i].offset) = true;
      return true;
    }
  return false;
}

// Options with a value; returns false (after a message) on a bad value.
static bool value_flag(Cli *cli, const char *a, bool *matched) {
  bool bad = false;
  *matched = true;
  if (strncmp(a, "--print-bytecode-filter=", 24) == 0) {
    cli->opt.print_bytecode = true;
    cli->opt.bytecode_filter = a + 24;
  } else if (strcmp(a, "--gc-stress") == 0) {
    cli->opt.gc_stress = 1;
  } else if (!number_flag(a, "--gc-stress", &cli->opt.gc_stress, &bad) &&
             !number_flag(a, "--max-old-space-size", &cli->opt.max_old_space_mb, &bad) &&
             !number_flag(a, "--max-semi-space-size", &cli->opt.max_semi_space_mb, &bad) &&
             !number_flag(a, "--stack-size", &cli->opt.stack_size_kb, &bad)) {
    *matched = number_flag(a, "--regexp-backtracks-before-fallback",
                           &cli->opt.regexp_backtracks_before_fallback, &bad);
    cli->opt.regexp_fallback_set |= *matched;
  }
  if (bad) fprintf(stderr, "jsvm: bad value in option: %s\n", a);
  return !bad;
}

// Options come first, then the script and its own arguments (as node
// does: `jsvm --check a.js --flag` passes --flag to the script). Returns -1
// to go on, or an exit status (0 after --help/--version, 9 on bad usage).
static int parse_args(Cli *cli, int argc, char **argv) {
  int i = 1;
  for (; i < argc; i++) {
    const char *a = argv[i];
    bool matched;
    if (a[0] != '-' || strcmp(a, "-") == 0) break;
    if (strcmp(a, "--") == 0) { i++; break; }
    if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      usage(stdout);
      return JSVM_EXIT_OK;
    }
    if (strcmp(a, "-v") == 0 || strcmp(a, "--version") == 0) {
      printf("v%s\n", jsvm_version());
      return JSVM_EXIT_OK;
    }
    if (strcmp(a, "-c") == 0 || strcmp(a, "--check") == 0) {
      cli->check = true;
    } else if (strcmp(a, "-e") == 0 || strcmp(a, "--eval") == 0) {
      if (i + 1 >= argc) {
        fprintf(stderr, "jsvm: %s requires an argument\n", a);
        return JSVM_EXIT_USAGE;
      }
      cli->eval = argv[++i];
    } else if (switch_flag(cli, a)) {
      continue;
    } else if (!value_flag(cli, a, &matched)) {
      return JSVM_EXIT_USAGE;
    } else if (!matched) {
      fprintf(stderr, "jsvm: bad option: %s\n", a);
      return JSVM_EXIT_USAGE;
    }
  }
  if (!cli->eval && i < argc) cli->file = argv[i++];
  cli->argc = argc - i;
  cli->argv = argv + i;
  if (!cli->eval && !cli->file) {
    // The REPL comes with the interpreter.
    fputs("jsvm: no script given (see jsvm --help)\n", stderr);
    return JSVM_EXIT_USAGE;
  }
  return -1;
}

// Read a whole file; binary-safe (the parser rejects what is not text).
static char *read_file(const char *path, size_t *len) {
  FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap);
  while (buf) {
    n += fread(buf + n, 1, cap - n, f);
    if (n < cap) break;
    char *grown = realloc(buf, cap *= 2);
    if (!grown) free(buf);
    buf = grown;
  }
  int failed = ferror(f);
  if (f != stdin) fclose(f);
  if (!buf || failed) {
    free(buf);
    return NULL;
  }
  *len = n;
  return buf;
}

// File-name tests: `.mjs` selects the module goal, as in node.
static bool ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  return n >= m && strcmp(s + n - m, suffix) == 0;
}

// The worker: read the program and hand it to the engine. Runs on the big
// stack; its result travels back in cli->status.
static void *cli_work(void *arg) {
  Cli *cli = arg;
  if (cli->eval) {
    cli->status = cli->check
        ? jsvm_check(&cli->opt, "[eval]", cli->eval, strlen(cli->eval))
        : jsvm_run(&cli->opt, "[eval]", cli->eval, strlen(cli->eval),
                   cli->argc, cli->argv);
    return NULL;
  }
  size_t len = 0;
  char *src = read_file(cli->file, &len);
  if (!src) {
    fprintf(stderr, "jsvm: cannot read %s: %s\n", cli->file, strerror(errno));
    cli->status = JSVM_EXIT_ERROR;
    return NULL;
  }
  if (ends_with(cli->file, ".mjs")) cli->opt.module = true;
  cli->status = cli->check
      ? jsvm_check(&cli->opt, cli->file, src, len)
      : jsvm_run(&cli->opt, cli->file, src, len, cli->argc, cli->argv);
  free(src);
  return NULL;
}

// Parse the command line on the main thread (no deep recursion there),
// then do the work on a thread whose stack the front end can rely on.
// JSVM_OPTIONS (like NODE_OPTIONS): space-separated options that go
// before the command line's, so that a test run can add, say,
// --gc-stress --verify-heap to every jsvm it starts.
static char **env_options(int *argc, char **argv) {
  const char *env = getenv("JSVM_OPTIONS");
  if (!env || !*env) return argv;
  char *copy = strdup(env);
  size_t n = 0, cap = (size_t)*argc + strlen(env) / 2 + 2;
  char **out = malloc(cap * sizeof *out);
  if (!copy || !out) return argv;
  out[n++] = argv[0];
  for (char *tok = strtok(copy, " \t"); tok; tok = strtok(NULL, " \t")) out[n++] = tok;
  for (int i = 1; i < *argc; i++) out[n++] = argv[i];
  out[n] = NULL;
  *argc = (int)n;
  return out;
}

int main(int argc, char **argv) {
  Cli cli = {0};
  argv = env_options(&argc, argv);
  int status = parse_args(&cli, argc, argv);
  if (status >= 0) return status;
  pthread_attr_t attr;
  pthread_t worker;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, WORKER_STACK);
  if (pthread_create(&worker, &attr, cli_work, &cli) != 0) {
    // The front end's nesting limit assumes the big stack: without it,
    // deep input could overflow the main stack, so do not try.
    fputs("FATAL ERROR: cannot create the 1 GB-stack worker thread\n", stderr);
    cli.status = JSVM_EXIT_ERROR;
  } else {
    pthread_join(worker, NULL);
  }
  pthread_attr_destroy(&attr);
  fflush(stdout);
  return cli.status;
}
