/*
 * tools/parse_bench.c — front-end speed against tree-sitter's bare parse.
 *
 *   parse_bench [--rounds N] [--module] [--only bare|full] [--no-fork] FILE
 *
 * In one process run it alternates N rounds of two variants on the same
 * bytes: "bare" is tree-sitter alone (new parser, set language, parse,
 * delete tree); "full" is the whole front end (prs_parse + prs_free: the
 * tree-sitter parse, lowering to our AST, scope analysis, early errors).
 * Alternating, rather than running all of one then all of the other,
 * spreads frequency scaling and cache noise over both variants evenly.
 *
 * Peak memory: each variant first runs once in its own forked child, and
 * the child's ru_maxrss (from wait4) is its peak, unmixed with the other
 * variant's. The children are forked before the parent parses anything,
 * because a child inherits the parent's high-water mark at fork; a third
 * child that only holds the file gives the baseline both peaks include.
 *
 * --only and --no-fork exist for profilers (callgrind follows forks and
 * would mix the variants into one profile).
 *
 * Everything runs on a thread with a 1 GB stack, as bin/jsvm.c does: the
 * front end recurses on the tree, and the bare variant runs on the same
 * thread so the two see the same stack and caches.
 */
#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <tree_sitter/api.h>

#include "parser/parser.h"

// The grammar's entry point; parser/cst.h declares it too, but that header
// is the front end's internal one.
const TSLanguage *tree_sitter_javascript(void);

enum { WORKER_STACK = 1024u * 1024u * 1024u };  // reserved, not committed
enum { MAX_ROUNDS = 1000 };

typedef enum Variant { VARIANT_NONE, VARIANT_BARE, VARIANT_FULL } Variant;

typedef struct Bench {
  const char *path;
  char *src;
  size_t len;
  PrsOptions opt;
  int rounds;
  Variant only;            // VARIANT_NONE: both
  bool fork_peaks;
  // Results, filled in by the worker thread.
  double bare[MAX_ROUNDS], full[MAX_ROUNDS];  // seconds per round
  uint32_t node_count;
  size_t arena_bytes;
  bool ts_has_error;       // tree-sitter's tree had ERROR/MISSING nodes
  int status;
} Bench;

/* {==== Small helpers ====} */

// --cpu times the parsing thread's own CPU time instead of the wall clock:
// on a shared, noisy machine the time it was not scheduled then drops out.
static clockid_t bench_clock = CLOCK_MONOTONIC;

static double now(void) {
  struct timespec ts;
  clock_gettime(bench_clock, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

// Read a whole file into a malloc'd buffer.
static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 20, n = 0;
  char *buf = malloc(cap);
  while (buf) {
    n += fread(buf + n, 1, cap - n, f);
    if (n < cap) break;
    char *grown = realloc(buf, cap *= 2);
    if (!grown) free(buf);
    buf = grown;
  }
  int failed = ferror(f);
  fclose(f);
  if (!buf || failed) {
    free(buf);
    return NULL;
  }
  *len = n;
  return buf;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

// Median of n samples (sorts them in place).
static double median(double *v, int n) {
  qsort(v, (size_t)n, sizeof *v, cmp_double);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// MB/s with MB = 1e6 bytes.
static double mbps(size_t bytes, double seconds) {
  return seconds > 0 ? (double)bytes / 1e6 / seconds : 0;
}

/* {==== The two variants ====} */

// Bare tree-sitter: the same parser calls prs_parse makes for its parse.
static bool run_bare(Bench *b) {
  TSParser *parser = ts_parser_new();
  ts_parser_set_language(parser, tree_sitter_javascript());
  TSTree *tree = ts_parser_parse_string(parser, NULL, b->src, (uint32_t)b->len);
  if (!tree) {
    ts_parser_delete(parser);
    return false;
  }
  b->ts_has_error = ts_node_has_error(ts_tree_root_node(tree));
  ts_tree_delete(tree);
  ts_parser_delete(parser);
  return true;
}

// The full front end; on a SyntaxError prints it and returns false.
static bool run_full(Bench *b) {
  PrsSyntaxError err;
  PrsAst *ast = prs_parse(b->src, b->len, &b->opt, &err);
  if (!ast) {
    prs_print_error(stderr, b->path, b->src, b->len, &err);
    fprintf(stderr, "parse_bench: at byte offset %u\n", err.offset);
    return false;
  }
  b->node_count = ast->node_count;
  b->arena_bytes = ast->arena.total;
  prs_free(ast);
  return true;
}

static bool run_variant(Bench *b, Variant v) {
  switch (v) {
    case VARIANT_BARE: return run_bare(b);
    case VARIANT_FULL: return run_full(b);
    case VARIANT_NONE: return true;  // the baseline child: file only
  }
  return false;
}

/* {==== Threads and children ====} */

typedef struct Job {
  Bench *b;
  Variant variant;         // for a one-shot child
  bool ok;
} Job;

static void *one_shot(void *arg) {
  Job *job = arg;
  job->ok = run_variant(job->b, job->variant);
  return NULL;
}

// The timed rounds, alternating bare and full.
static void *rounds(void *arg) {
  Job *job = arg;
  Bench *b = job->b;
  job->ok = true;
  for (int i = 0; i < b->rounds; i++) {
    if (b->only != VARIANT_FULL) {
      double t0 = now();
      if (!run_bare(b)) {
        fputs("parse_bench: tree-sitter returned no tree\n", stderr);
        job->ok = false;
        return NULL;
      }
      b->bare[i] = now() - t0;
    }
    if (b->only != VARIANT_BARE) {
      double t0 = now();
      if (!run_full(b)) {
        job->ok = false;
        return NULL;
      }
      b->full[i] = now() - t0;
    }
  }
  return NULL;
}

// Run fn(job) on a thread with a 1 GB stack; false if it reports failure.
static bool on_big_stack(void *(*fn)(void *), Job *job) {
  pthread_attr_t attr;
  pthread_t worker;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, WORKER_STACK);
  if (pthread_create(&worker, &attr, fn, job) != 0) {
    fn(job);  // no thread: the main stack has to do
  } else {
    pthread_join(worker, NULL);
  }
  pthread_attr_destroy(&attr);
  return job->ok;
}

// Peak RSS in KiB of a child that runs variant v once; -1 on failure.
static long child_peak_kib(Bench *b, Variant v) {
  fflush(NULL);
  pid_t pid = fork();
  if (pid < 0) return -1;
  if (pid == 0) {
    Job job = {b, v, false};
    _exit(on_big_stack(one_shot, &job) ? 0 : 1);
  }
  int status;
  struct rusage ru;
  if (wait4(pid, &status, 0, &ru) != pid) return -1;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return -1;
  return ru.ru_maxrss;  // Linux: KiB
}

/* {==== Report ====} */

static void report_variant(const char *name, double *t, int n, size_t len,
                           long peak_kib) {
  double med = median(t, n);  // sorted now, so t[0] is the minimum
  printf("  %-5s median %8.2f ms  min %8.2f ms   %7.2f MB/s (median)  "
         "%7.2f MB/s (best)",
         name, med * 1e3, t[0] * 1e3, mbps(len, med), mbps(len, t[0]));
  if (peak_kib >= 0) printf("   peak RSS %7.1f MB", (double)peak_kib / 1024);
  putchar('\n');
}

static void report(Bench *b, long base, long bare_peak, long full_peak) {
  int n = b->rounds;
  // Per-round pairs first, while the samples are still in round order: a
  // bare run and the full run right after it see the same machine load.
  static double paired[MAX_ROUNDS];
  if (b->only == VARIANT_NONE)
    for (int i = 0; i < n; i++) paired[i] = b->bare[i] / b->full[i];
  printf("file %s: %zu bytes (%.2f MB), %s goal, %d round%s\n", b->path,
         b->len, (double)b->len / 1e6, b->opt.module ? "module" : "script", n,
         n == 1 ? "" : "s");
  if (b->only != VARIANT_FULL)
    report_variant("bare", b->bare, n, b->len, bare_peak);
  if (b->only != VARIANT_BARE)
    report_variant("full", b->full, n, b->len, full_peak);
  if (b->only == VARIANT_NONE) {
    // Throughput ratio full/bare = time ratio bare/full (samples sorted by
    // report_variant, so [0] is the minimum).
    printf("  full/bare throughput: %.1f%% (medians), %.1f%% (minimums), "
           "%.1f%% (median of per-round pairs)\n",
           100 * median(b->bare, n) / median(b->full, n),
           100 * b->bare[0] / b->full[0], 100 * median(paired, n));
  }
  if (base >= 0)
    printf("  baseline RSS (file loaded, nothing parsed): %.1f MB\n",
           (double)base / 1024);
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  printf("  this process peak RSS (all rounds): %.1f MB\n",
         (double)ru.ru_maxrss / 1024);
  if (b->only != VARIANT_BARE)
    printf("  AST: %u nodes, %zu arena bytes (%.1f MB, %.2f bytes/source byte)\n",
           b->node_count, b->arena_bytes, (double)b->arena_bytes / 1e6,
           b->len ? (double)b->arena_bytes / (double)b->len : 0);
  if (b->only != VARIANT_FULL && b->ts_has_error)
    puts("  note: tree-sitter's tree has ERROR/MISSING nodes");
}

/* {==== Command line ====} */

static void usage(FILE *out) {
  fputs("Usage: parse_bench [--rounds N] [--module] [--only bare|full]"
        " [--no-fork] FILE\n"
        "  --rounds N        timed rounds of each variant (default 5)\n"
        "  --module          parse with the Module goal (default Script)\n"
        "  --only bare|full  time one variant only (for profilers)\n"
        "  --no-fork         skip the forked peak-memory runs\n"
        "  --cpu             time thread CPU time, not wall time (noisy machines)\n",
        out);
}

// Returns -1 to go on, or an exit status.
static int parse_args(Bench *b, int argc, char **argv) {
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
      usage(stdout);
      return 0;
    } else if (strcmp(a, "--module") == 0) {
      b->opt.module = true;
    } else if (strcmp(a, "--no-fork") == 0) {
      b->fork_peaks = false;
    } else if (strcmp(a, "--cpu") == 0) {
      bench_clock = CLOCK_THREAD_CPUTIME_ID;
    } else if (strcmp(a, "--rounds") == 0 && i + 1 < argc) {
      char *end;
      long n = strtol(argv[++i], &end, 10);
      if (*end || n < 1 || n > MAX_ROUNDS) {
        fprintf(stderr, "parse_bench: --rounds takes 1..%d\n", MAX_ROUNDS);
        return 2;
      }
      b->rounds = (int)n;
    } else if (strcmp(a, "--only") == 0 && i + 1 < argc) {
      const char *v = argv[++i];
      b->only = strcmp(v, "bare") == 0   ? VARIANT_BARE
                : strcmp(v, "full") == 0 ? VARIANT_FULL
                                         : VARIANT_NONE;
      if (b->only == VARIANT_NONE) {
        fprintf(stderr, "parse_bench: --only takes bare or full\n");
        return 2;
      }
    } else if (a[0] == '-' || b->path) {
      usage(stderr);
      return 2;
    } else {
      b->path = a;
    }
  }
  if (!b->path) {
    usage(stderr);
    return 2;
  }
  return -1;
}

int main(int argc, char **argv) {
  static Bench b;  // the sample arrays are too big for main's frame
  b.rounds = 5;
  b.fork_peaks = true;
  int status = parse_args(&b, argc, argv);
  if (status >= 0) return status;
  b.src = read_file(b.path, &b.len);
  if (!b.src) {
    fprintf(stderr, "parse_bench: cannot read %s: %s\n", b.path,
            strerror(errno));
    return 1;
  }
  if (b.len > UINT32_MAX / 2) {
    fprintf(stderr, "parse_bench: %s is too big for tree-sitter\n", b.path);
    return 1;
  }
  long base = -1, bare_peak = -1, full_peak = -1;
  if (b.fork_peaks) {
    // Before any parse in this process: see the header comment.
    base = child_peak_kib(&b, VARIANT_NONE);
    if (b.only != VARIANT_FULL) bare_peak = child_peak_kib(&b, VARIANT_BARE);
    if (b.only != VARIANT_BARE) full_peak = child_peak_kib(&b, VARIANT_FULL);
    if ((b.only != VARIANT_FULL && bare_peak < 0) ||
        (b.only != VARIANT_BARE && full_peak < 0)) {
      fputs("parse_bench: a peak-memory run failed (see above)\n", stderr);
      free(b.src);
      return 1;
    }
  }
  Job job = {&b, VARIANT_NONE, false};
  if (!on_big_stack(rounds, &job)) {
    free(b.src);
    return 1;
  }
  report(&b, base, bare_peak, full_peak);
  free(b.src);
  return 0;
}
