/*
 * host/test262_agent.c — `$262.agent`, test262's multi-agent host API
 * (INTERPRETING.md, "Host-Defined Functions"), which the Atomics tests use
 * to wait in one agent and notify from another.
 *
 * jsvm's heap and runtime are process-global singletons, so an agent is a
 * process: $262.agent.start(src) fork()s, and the child runs src as a
 * script in its copy of the VM, with a $262 whose agent has the agent-side
 * API. SharedArrayBuffer bytes are shared through the arena of
 * runtime/shared_memory.h (mapped before the first fork, at the same
 * address everywhere), as are the Atomics waiters.
 *
 *   main agent:  start(src), broadcast(sab[, n]), getReport(), sleep(ms),
 *                monotonicNow()
 *   agents:      receiveBroadcast(fn), report(msg), leaving(), sleep(ms),
 *                monotonicNow()
 *
 * Channels, one pair of pipes per agent: broadcasts go down as fixed-size
 * Broadcast records (the block's address and lengths, and the number);
 * frames come up (a type byte, a 32-bit length, the bytes): a report, or
 * the ack that a broadcast was received (broadcast blocks until every
 * live agent acked). The parent reads its ends without blocking and
 * queues the reports for getReport.
 *
 * Invariants:
 *  - A child never returns into its parent's frames: it runs its script
 *    and jobs, then the broadcasts its callback asks for, and _exit()s
 *    (no atexit handlers, no flushing of stdio buffers copied from the
 *    parent, which flushes before forking). Its stdout is its stderr:
 *    nothing but reports reaches the parent's output.
 *  - A child dies with its parent (PR_SET_PDEATHSIG), so a test's
 *    processes all end when it does, even when it hangs or is killed.
 *  - The parent's pending jobs, async waiters and agents are not the
 *    child's: it drops its copies of them first thing.
 */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <time.h>
#include <unistd.h>

#include "host/host.h"
#include "ignition/ignition.h"
#include "parser/parser.h"
#include "runtime/bigint.h"
#include "runtime/runtime.h"
#include "runtime/shared_memory.h"

/* What broadcast sends each agent. */
typedef struct Broadcast {
  uint64_t data;      /* the arena block's address (the same in every agent) */
  uint64_t len, max;  /* byte length; maximum when growable */
  uint32_t growable;
  uint32_t kind;      /* the number: 0 undefined, 1 Number, 2 BigInt */
  double number;
  int64_t bigint;
} Broadcast;

enum { FRAME_REPORT = 'R', FRAME_ACK = 'A', FRAME_HEADER = 5 };

typedef struct Agent {
  int to_child, from_child;  /* pipe ends (from_child is non-blocking) */
  bool eof;                  /* the child closed its end: it is gone */
  uint32_t sent, acked;      /* broadcasts written / acknowledged */
  char *buf;                 /* bytes read, not yet a whole frame */
  size_t len, cap;
} Agent;

static Agent *agents;
static uint32_t n_agents, cap_agents;

// Reports received, oldest first (malloc'd UTF-8).
static struct {
  char **text;
  size_t *len;
  uint32_t head, n, cap;
} reports;

// In a child: its channel, its callback (a GC root) and leaving().
static bool in_child;
static int child_in = -1, child_out = -1;
static JSValue child_callback;
static bool child_leaving;

/* {==== Shared by both sides ====} */

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

// sleep(ms): suspend this agent about ms milliseconds.
static JSValue agent_sleep(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  (void)self, (void)nt;
  double ms;
  if (!js_to_number(vm, js_arg(0), &ms)) return JS_EXCEPTION;
  if (!(ms > 0)) return JS_UNDEFINED;
  if (ms > 1e9) ms = 1e9;
  struct timespec ts = {.tv_sec = (time_t)(ms / 1e3), .tv_nsec = (long)fmod(ms * 1e6, 1e9)};
  while (nanosleep(&ts, &ts) < 0 && errno == EINTR) continue;
  return JS_UNDEFINED;
}

// monotonicNow(): milliseconds on the monotonic clock (DOMHighResTimeStamp).
static JSValue agent_monotonic_now(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                   JSValue nt) {
  (void)vm, (void)self, (void)argc, (void)argv, (void)nt;
  return js_from_double(now_ms());
}

// Write all n bytes (a pipe may take them in parts); false if the
// reader is gone.
static bool write_all(int fd, const void *p, size_t n) {
  const char *c = p;
  while (n) {
    ssize_t w = write(fd, c, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return false;
    c += w, n -= (size_t)w;
  }
  return true;
}

/* {==== The main agent ====} */

static void queue_report(const char *text, size_t len) {
  if (reports.n == reports.cap) {
    reports.cap = reports.cap ? 2 * reports.cap : 16;
    reports.text = realloc(reports.text, reports.cap * sizeof *reports.text);
    reports.len = realloc(reports.len, reports.cap * sizeof *reports.len);
    if (!reports.text || !reports.len) abort();
  }
  char *copy = malloc(len + 1);
  if (!copy) abort();
  memcpy(copy, text, len);
  reports.text[reports.n] = copy;
  reports.len[reports.n++] = len;
}

// Take agent a's complete frames out of its buffer.
static void take_frames(Agent *a) {
  size_t off = 0;
  while (a->len - off >= FRAME_HEADER) {
    uint32_t n;
    memcpy(&n, a->buf + off + 1, 4);
    if (a->len - off - FRAME_HEADER < n) break;
    if (a->buf[off] == FRAME_ACK) a->acked++;
    else queue_report(a->buf + off + FRAME_HEADER, n);
    off += FRAME_HEADER + n;
  }
  memmove(a->buf, a->buf + off, a->len - off);
  a->len -= off;
}

// Read whatever agent a has sent, without blocking.
static void pump(Agent *a) {
  while (!a->eof) {
    if (a->cap - a->len < 4096) {
      a->cap = a->cap * 2 + 4096;
      a->buf = realloc(a->buf, a->cap);
      if (!a->buf) abort();
    }
    ssize_t r = read(a->from_child, a->buf + a->len, a->cap - a->len);
    if (r > 0) a->len += (size_t)r;
    else if (r == 0) a->eof = true;
    else if (errno != EINTR) break;  // EAGAIN: nothing more for now
  }
  take_frames(a);
}

static void child_main(JSVM *vm, char *source, size_t len, int in, int out);

// start(src): a new agent running src; returns once it is forked.
static JSValue agent_start(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  (void)self, (void)nt;
  JSValue text = js_to_string(vm, js_arg(0));
  if (js_is_exception(text)) return text;
  if (!js_shm_enable()) return js_throw_type_error(vm, "$262.agent: no shared memory");
  if (n_agents == cap_agents) {
    uint32_t cap = cap_agents ? 2 * cap_agents : 8;
    Agent *v = realloc(agents, cap * sizeof *v);
    if (!v) return js_throw_range_error(vm, "$262.agent: out of memory");
    agents = v, cap_agents = cap;
  }
  size_t len;
  char *source = js_string_utf8(vm, text, &len);
  int down[2], up[2];
  if (pipe(down) < 0) {
    free(source);
    return js_throw_type_error(vm, "$262.agent: pipe failed");
  }
  if (pipe(up) < 0) {
    close(down[0]), close(down[1]), free(source);
    return js_throw_type_error(vm, "$262.agent: pipe failed");
  }
  // A broadcast to an agent that is gone must not kill the main agent.
  signal(SIGPIPE, SIG_IGN);
  fflush(stdout);
  fflush(stderr);
  pid_t pid = fork();
  if (pid == 0) {
    close(down[1]), close(up[0]);
    child_main(vm, source, len, down[0], up[1]);  // never returns
  }
  free(source);
  close(down[0]), close(up[1]);
  if (pid < 0) {
    close(down[1]), close(up[0]);
    return js_throw_type_error(vm, "$262.agent: fork failed");
  }
  fcntl(up[0], F_SETFL, fcntl(up[0], F_GETFL) | O_NONBLOCK);
  agents[n_agents++] = (Agent){.to_child = down[1], .from_child = up[0]};
  return JS_UNDEFINED;
}

// broadcast(sab[, n]): send the buffer and number to every agent and
// wait until each has received it.
static JSValue agent_broadcast(JSVM *vm, JSValue self, int argc, JSValue *argv,
                               JSValue nt) {
  (void)self, (void)nt;
  JSValue buf = js_arg(0), n = js_arg(1);
  if (!js_is_array_buffer(buf) || !(js_array_buffer(buf)->flags & JS_AB_SHARED))
    return js_throw_type_error(vm, "$262.agent.broadcast: not a SharedArrayBuffer");
  JSArrayBuffer *b = js_array_buffer(buf);
  if (!js_shm_owns(b->data))
    return js_throw_type_error(vm, "$262.agent.broadcast: buffer is not shareable");
  Broadcast m = {.data = (uint64_t)(uintptr_t)b->data, .len = b->byte_length,
                 .max = b->max_byte_length, .growable = (b->flags & JS_AB_RESIZABLE) != 0};
  if (js_is_number(n)) m.kind = 1, m.number = js_number_value(n);
  else if (js_is_bigint(n)) m.kind = 2, m.bigint = (int64_t)js_bigint_to_uint64(n);
  for (uint32_t i = 0; i < n_agents; i++) {
    Agent *a = &agents[i];
    if (a->eof) continue;
    // The agent's reference to the block, which it adopts.
    js_shm_retain(b->data);
    if (write_all(a->to_child, &m, sizeof m)) a->sent++;
  }
  // Every live agent acknowledges (reports read meanwhile are queued).
  for (uint32_t i = 0; i < n_agents; i++) {
    Agent *a = &agents[i];
    for (pump(a); !a->eof && a->acked < a->sent; pump(a)) {
      struct pollfd p = {.fd = a->from_child, .events = POLLIN};
      poll(&p, 1, -1);
    }
  }
  return JS_UNDEFINED;
}

// getReport(): the oldest report not yet taken, or null.
static JSValue agent_get_report(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                JSValue nt) {
  (void)self, (void)argc, (void)argv, (void)nt;
  for (uint32_t i = 0; i < n_agents; i++) pump(&agents[i]);
  if (reports.head == reports.n) return JS_NULL;
  char *text = reports.text[reports.head];
  JSValue s = js_string_from_utf8(vm, text, reports.len[reports.head]);
  free(text);
  if (++reports.head == reports.n) reports.head = reports.n = 0;
  return s;
}

/* {==== Agents ====} */

// The child's frame up to the main agent.
static void send_frame(char type, const char *text, size_t len) {
  char *f = malloc(FRAME_HEADER + len);
  if (!f) abort();
  uint32_t n = (uint32_t)len;
  f[0] = type;
  memcpy(f + 1, &n, 4);
  memcpy(f + FRAME_HEADER, text, len);
  write_all(child_out, f, FRAME_HEADER + len);
  free(f);
}

// receiveBroadcast(fn): fn(sab, n) runs for each broadcast once this
// agent's script and jobs are done.
static JSValue agent_receive_broadcast(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                       JSValue nt) {
  (void)self, (void)nt;
  if (!js_is_callable(js_arg(0))) return js_throw_not_callable(vm, js_arg(0));
  child_callback = js_arg(0);
  return JS_UNDEFINED;
}

// report(msg): ToString(msg) to the main agent.
static JSValue agent_report(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  (void)self, (void)nt;
  JSValue text = js_to_string(vm, js_arg(0));
  if (js_is_exception(text)) return text;
  size_t len;
  char *s = js_string_utf8(vm, text, &len);
  send_frame(FRAME_REPORT, s, len);
  free(s);
  return JS_UNDEFINED;
}

// leaving(): this agent is done once its current work is.
static JSValue agent_leaving(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  (void)vm, (void)self, (void)argc, (void)argv, (void)nt;
  child_leaving = true;
  return JS_UNDEFINED;
}

// An agent's uncaught exception goes to its stderr; the agent ends.
static void child_die(JSVM *vm) {
  JSValue exc = js_take_exception(vm);
  JSValue text = js_to_string(vm, exc);
  char *s = js_is_exception(text) ? NULL : js_string_utf8(vm, text, NULL);
  fprintf(stderr, "$262.agent: uncaught %s\n", s ? s : "exception");
  free(s);
  fflush(stdout);
  fflush(stderr);
  _exit(1);
}

// Read exactly one broadcast; false at the end of the channel.
static bool read_broadcast(Broadcast *m) {
  char *p = (char *)m;
  size_t n = sizeof *m;
  while (n) {
    ssize_t r = read(child_in, p, n);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return false;
    p += r, n -= (size_t)r;
  }
  return true;
}

// The agent's life after its script: a broadcast at a time to its
// callback, with the jobs that follow, until it leaves or the main agent
// goes away.
static void child_serve(JSVM *vm) {
  Broadcast m;
  while (!child_leaving && js_is_callable(child_callback) && read_broadcast(&m)) {
    send_frame(FRAME_ACK, "", 0);
    JSValue args[2];
    args[0] = js_shm_wrap_buffer(vm, (uint8_t *)(uintptr_t)m.data, m.len, m.growable, m.max);
    args[1] = m.kind == 1 ? js_from_number(m.number)
              : m.kind == 2 ? js_bigint_from_int64(vm, m.bigint)
                            : JS_UNDEFINED;
    if (js_is_exception(js_call(vm, child_callback, JS_UNDEFINED, 2, args)) || !js_run_jobs(vm))
      child_die(vm);
  }
}

// The child after fork(): drop what is the parent's, then run.
static void child_main(JSVM *vm, char *source, size_t len, int in, int out) {
  pid_t parent = getppid();
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != parent) _exit(0);  // it died before prctl
  dup2(2, 1);
  for (uint32_t i = 0; i < n_agents; i++) close(agents[i].to_child), close(agents[i].from_child);
  n_agents = 0;
  reports.head = reports.n = 0;
  js_shm_after_fork();
  vm->job_count = 0;
  // The parent's waitAsync waiters (builtins_atomics.c's store) stay its own.
  js_intrinsic(vm, AtomicsWaiters) = JS_UNDEFINED;
  in_child = true;
  child_in = in, child_out = out;
  child_callback = JS_UNDEFINED;
  ori_add_root(&child_callback);
  host_install_test262(vm);  // a $262 whose agent is the agent side
  PrsOptions po = {.module = false, .strict = false};
  PrsSyntaxError err;
  PrsAst *ast = prs_parse(source, len, &po, &err);
  if (!ast) {
    fprintf(stderr, "$262.agent: SyntaxError: %s\n", err.message);
    _exit(1);
  }
  if (js_is_exception(ign_run_script(vm, ast, "agent", source, len)) || !js_run_jobs(vm))
    child_die(vm);
  child_serve(vm);
  fflush(stdout);
  fflush(stderr);
  _exit(0);
}

/* {==== Installation ====} */

void host_install_test262_agent(JSVM *vm, JSValue t262) {
  JSValue agent = js_new_object(vm);
  if (in_child) {
    js_def_method(vm, agent, "receiveBroadcast", agent_receive_broadcast, 1);
    js_def_method(vm, agent, "report", agent_report, 1);
    js_def_method(vm, agent, "leaving", agent_leaving, 0);
  } else {
    // The arena must exist before the first fork (shared_memory.h).
    js_shm_enable();
    js_def_method(vm, agent, "start", agent_start, 1);
    js_def_method(vm, agent, "broadcast", agent_broadcast, 2);
    js_def_method(vm, agent, "getReport", agent_get_report, 0);
  }
  js_def_method(vm, agent, "sleep", agent_sleep, 1);
  js_def_method(vm, agent, "monotonicNow", agent_monotonic_now, 0);
  js_def_value(vm, t262, "agent", agent, JS_ATTR_METHOD);
}
