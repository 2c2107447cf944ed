/*
 * runtime/shared_memory.c — the process-shared arena of
 * runtime/shared_memory.h: SharedArrayBuffer blocks and the Atomics
 * waiter list, shared by the agents (processes) of host/test262_agent.c.
 *
 * Layout: a ShmControl (locks, bell, waiter table) at the start of one
 * MAP_SHARED | MAP_ANONYMOUS | MAP_NORESERVE mapping, then the blocks:
 * each a 16-byte header (its size with the header, how many processes
 * hold it, in use or free) followed by its bytes, one after another to
 * the end of the mapping (first fit, split on allocation, merged with
 * free neighbours on release). Pages are committed as they are touched,
 * so the reservation costs nothing until used.
 *
 * Invariants:
 *  - Every field of the arena is read and written under one of its two
 *    futex locks (alloc_lock: the blocks; wait_lock: the waiters and the
 *    sequence counter), except a waiter's state and the bell, which are
 *    also futex words read without the lock (and only written under it).
 *  - A process holds a lock only briefly and never across anything that
 *    can fork or allocate in the GC heap.
 *  - `held` (private to each process) counts the references this
 *    process's buffer objects took; js_shm_after_fork empties it.
 */
#include <limits.h>
#include <linux/futex.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "runtime/builtins_typedarray.h"
#include "runtime/shared_memory.h"

// 64 MB of address space; buffers above 16 MB stay private (calloc).
#define ARENA_SIZE ((size_t)64 << 20)
#define BLOCK_MAX ((uint64_t)16 << 20)

enum { W_FREE, W_WAITING, W_NOTIFIED };

typedef struct ShmWaiter {
  uintptr_t addr;   /* the element's address */
  uint64_t seq;     /* position in the WaiterList */
  uint32_t state;   /* W_*; the futex word of a synchronous waiter */
  int32_t pid;      /* the process that waits */
  uint32_t async;   /* a waitAsync waiter (settled by its process) */
  uint32_t unused;
} ShmWaiter;

typedef struct ShmControl {
  uint32_t alloc_lock, wait_lock;
  uint32_t bell;    /* bumped and woken when an async waiter is notified */
  uint32_t unused;
  uint64_t seq;
  ShmWaiter waiters[JS_SHM_MAX_WAITERS];
} ShmControl;

typedef struct Block {
  uint64_t size;    /* with this header; a multiple of 16 */
  uint32_t refs;    /* processes holding it; 0 = free */
  uint32_t unused;
} Block;

#define HEAP_START (((sizeof(ShmControl) + 15) / 16) * 16)

static uint8_t *arena;  // NULL until js_shm_enable

// This process's references: block data -> count (a short list).
static struct {
  uint8_t **data;
  uint32_t *count;
  uint32_t n, cap;
} held;

static ShmControl *control(void) { return (ShmControl *)arena; }

/* {==== Futexes ====} */

static long futex(uint32_t *word, int op, uint32_t val, const struct timespec *ts) {
  return syscall(SYS_futex, word, op, val, ts, NULL, 0);
}

// Drepper's mutex ("Futexes Are Tricky", mutex2): 0 free, 1 locked,
// 2 locked with waiters.
static void lock(uint32_t *f) {
  uint32_t c = 0;
  if (__atomic_compare_exchange_n(f, &c, 1, false, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) return;
  if (c != 2) c = __atomic_exchange_n(f, 2, __ATOMIC_ACQUIRE);
  while (c != 0) {
    futex(f, FUTEX_WAIT, 2, NULL);
    c = __atomic_exchange_n(f, 2, __ATOMIC_ACQUIRE);
  }
}

static void unlock(uint32_t *f) {
  if (__atomic_fetch_sub(f, 1, __ATOMIC_RELEASE) != 1) {
    __atomic_store_n(f, 0, __ATOMIC_RELEASE);
    futex(f, FUTEX_WAKE, 1, NULL);
  }
}

// Sleep on *word while it holds val, at most ms milliseconds (+Infinity:
// no limit). Returns early on a wake-up, a signal or a changed word.
static void futex_sleep(uint32_t *word, uint32_t val, double ms) {
  if (isinf(ms)) {
    futex(word, FUTEX_WAIT, val, NULL);
    return;
  }
  if (ms <= 0) return;
  struct timespec ts = {.tv_sec = (time_t)(ms / 1e3), .tv_nsec = (long)fmod(ms * 1e6, 1e9)};
  futex(word, FUTEX_WAIT, val, &ts);
}

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* {==== The arena ====} */

bool js_shm_enable(void) {
  if (arena) return true;
  void *p = mmap(NULL, ARENA_SIZE, PROT_READ | PROT_WRITE,
                 MAP_SHARED | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED) return false;
  arena = p;
  // Fresh mapping: all zero (locks free, waiters W_FREE); one free block.
  Block *b = (Block *)(arena + HEAP_START);
  b->size = ARENA_SIZE - HEAP_START;
  return true;
}

bool js_shm_owns(const void *p) {
  return arena && (const uint8_t *)p >= arena + HEAP_START && (const uint8_t *)p < arena + ARENA_SIZE;
}

static Block *block_of(uint8_t *data) { return (Block *)(data - sizeof(Block)); }
static Block *next_block(Block *b) { return (Block *)((uint8_t *)b + b->size); }
static bool in_heap(Block *b) { return (uint8_t *)b < arena + ARENA_SIZE; }

// Count one more reference of this process to data.
static void held_add(uint8_t *data) {
  for (uint32_t i = 0; i < held.n; i++)
    if (held.data[i] == data) {
      held.count[i]++;
      return;
    }
  if (held.n == held.cap) {
    uint32_t cap = held.cap ? held.cap * 2 : 16;
    uint8_t **d = realloc(held.data, cap * sizeof *d);
    uint32_t *c = d ? realloc(held.count, cap * sizeof *c) : NULL;
    if (d) held.data = d;
    if (!c) abort();  // out of memory keeping a few pointers
    held.count = c;
    held.cap = cap;
  }
  held.data[held.n] = data;
  held.count[held.n++] = 1;
}

// Drop one reference of this process to data; false if it had none.
static bool held_drop(uint8_t *data) {
  for (uint32_t i = 0; i < held.n; i++) {
    if (held.data[i] != data) continue;
    if (--held.count[i] == 0) {
      held.data[i] = held.data[--held.n];
      held.count[i] = held.count[held.n];
    }
    return true;
  }
  return false;
}

uint8_t *js_shm_alloc(uint64_t len) {
  if (!arena || len > BLOCK_MAX) return NULL;
  uint64_t need = sizeof(Block) + ((len ? len : 1) + 15) / 16 * 16;
  ShmControl *c = control();
  lock(&c->alloc_lock);
  Block *b = (Block *)(arena + HEAP_START);
  while (in_heap(b) && (b->refs || b->size < need)) b = next_block(b);
  if (!in_heap(b)) {
    unlock(&c->alloc_lock);
    return NULL;
  }
  // Split off the tail when it can hold a block of its own.
  if (b->size - need >= 2 * sizeof(Block)) {
    Block *rest = (Block *)((uint8_t *)b + need);
    rest->size = b->size - need;
    rest->refs = 0;
    b->size = need;
  }
  b->refs = 1;
  unlock(&c->alloc_lock);
  uint8_t *data = (uint8_t *)(b + 1);
  // Released blocks keep their old bytes: a new buffer reads zeros.
  memset(data, 0, (size_t)(b->size - sizeof(Block)));
  held_add(data);
  return data;
}

void js_shm_retain(uint8_t *data) {
  lock(&control()->alloc_lock);
  block_of(data)->refs++;
  unlock(&control()->alloc_lock);
}

void js_shm_adopt(uint8_t *data) { held_add(data); }

// Give back one process reference; the last one frees the block, merged
// with the free blocks around it (one walk from the start finds them).
static void release(uint8_t *data) {
  ShmControl *c = control();
  lock(&c->alloc_lock);
  Block *b = block_of(data);
  if (--b->refs == 0) {
    Block *prev = NULL, *x = (Block *)(arena + HEAP_START);
    while (x != b) prev = x, x = next_block(x);
    Block *n = next_block(b);
    if (in_heap(n) && n->refs == 0) b->size += n->size;
    if (prev && prev->refs == 0) prev->size += b->size;
  }
  unlock(&c->alloc_lock);
}

void js_shm_after_fork(void) { held.n = 0; }

/* {==== Buffer objects ====} */

// A dead buffer object: its process's reference goes (when it took one:
// a copy inherited from the parent took none).
static void free_block(void *obj) {
  JSArrayBuffer *b = obj;
  ori_external_add(-(ptrdiff_t)b->capacity);
  if (held_drop(b->data)) release(b->data);
}

void js_shm_track_buffer(JSArrayBuffer *b) {
  ori_set_finalizer(b, free_block);
  ori_external_add((ptrdiff_t)b->capacity);
}

JSValue js_shm_wrap_buffer(JSVM *vm, uint8_t *data, uint64_t len, bool growable, uint64_t max) {
  JSValue proto = js_ta_internals(vm)[TI_PROTO + TC_SHARED_ARRAY_BUFFER];
  JSArrayBuffer *b = (JSArrayBuffer *)js_ta_new_object(vm, TC_SHARED_ARRAY_BUFFER, proto);
  // Fresh object, raw fields only.
  b->data = data;
  b->byte_length = len;
  b->capacity = growable ? max : len;
  b->max_byte_length = growable ? max : len;
  b->flags = JS_AB_SHARED | (growable ? JS_AB_RESIZABLE : 0);
  js_shm_adopt(data);
  js_shm_track_buffer(b);
  return js_val(b);
}

/* {==== Waiters ====} */

// The element's current raw bits (4 or 8 bytes), read atomically.
static uint64_t load(void *p, uint32_t size) {
  if (size == 8) return __atomic_load_n((uint64_t *)p, __ATOMIC_SEQ_CST);
  return __atomic_load_n((uint32_t *)p, __ATOMIC_SEQ_CST);
}

// Under wait_lock: a free slot made a waiter on p, or NULL.
static ShmWaiter *add_waiter(void *p, bool async) {
  ShmControl *c = control();
  for (int i = 0; i < JS_SHM_MAX_WAITERS; i++) {
    ShmWaiter *w = &c->waiters[i];
    if (w->state != W_FREE) continue;
    w->addr = (uintptr_t)p;
    w->seq = c->seq++;
    w->pid = getpid();
    w->async = async;
    __atomic_store_n(&w->state, W_WAITING, __ATOMIC_SEQ_CST);
    return w;
  }
  return NULL;
}

JSShmWait js_shm_wait(void *p, uint32_t size, uint64_t v, double timeout_ms) {
  ShmControl *c = control();
  lock(&c->wait_lock);
  if (load(p, size) != v) {
    unlock(&c->wait_lock);
    return JS_SHM_NOT_EQUAL;
  }
  ShmWaiter *w = add_waiter(p, false);
  unlock(&c->wait_lock);
  if (!w) return JS_SHM_FULL;
  double deadline = now_ms() + timeout_ms;
  // Wake-ups may be spurious (signals, a stale word): re-check the state
  // and the clock every time.
  while (__atomic_load_n(&w->state, __ATOMIC_SEQ_CST) == W_WAITING) {
    double left = isinf(timeout_ms) ? timeout_ms : deadline - now_ms();
    if (left <= 0) break;
    futex_sleep(&w->state, W_WAITING, left);
  }
  // Timed out, unless a notify took it in the meantime.
  lock(&c->wait_lock);
  JSShmWait r = w->state == W_NOTIFIED ? JS_SHM_OK : JS_SHM_TIMED_OUT;
  w->state = W_FREE;
  unlock(&c->wait_lock);
  return r;
}

JSShmWait js_shm_wait_async(void *p, uint32_t size, uint64_t v, int *id) {
  ShmControl *c = control();
  lock(&c->wait_lock);
  if (load(p, size) != v) {
    unlock(&c->wait_lock);
    return JS_SHM_NOT_EQUAL;
  }
  ShmWaiter *w = add_waiter(p, true);
  unlock(&c->wait_lock);
  if (!w) return JS_SHM_FULL;
  *id = (int)(w - c->waiters);
  return JS_SHM_OK;
}

bool js_shm_async_notified(int id) {
  ShmControl *c = control();
  ShmWaiter *w = &c->waiters[id];
  if (__atomic_load_n(&w->state, __ATOMIC_SEQ_CST) != W_NOTIFIED) return false;
  lock(&c->wait_lock);
  w->state = W_FREE;
  unlock(&c->wait_lock);
  return true;
}

bool js_shm_async_cancel(int id) {
  ShmControl *c = control();
  lock(&c->wait_lock);
  bool timed_out = c->waiters[id].state == W_WAITING;
  c->waiters[id].state = W_FREE;
  unlock(&c->wait_lock);
  return timed_out;
}

// Under wait_lock: the oldest waiter on addr still waiting, or NULL.
static ShmWaiter *oldest_waiter(uintptr_t addr) {
  ShmWaiter *best = NULL;
  for (int i = 0; i < JS_SHM_MAX_WAITERS; i++) {
    ShmWaiter *w = &control()->waiters[i];
    if (w->state == W_WAITING && w->addr == addr && (!best || w->seq < best->seq)) best = w;
  }
  return best;
}

uint32_t js_shm_notify(void *p, double count, int *own, uint32_t *n_own) {
  ShmControl *c = control();
  uint32_t n = 0;
  bool ring = false;
  pid_t self = getpid();
  *n_own = 0;
  lock(&c->wait_lock);
  for (ShmWaiter *w; n < count && (w = oldest_waiter((uintptr_t)p)); n++) {
    if (w->async && w->pid == self) {
      // Ours: the caller settles it now, as a notify in one agent does.
      w->state = W_FREE;
      own[(*n_own)++] = (int)(w - c->waiters);
      continue;
    }
    __atomic_store_n(&w->state, W_NOTIFIED, __ATOMIC_SEQ_CST);
    if (w->async) ring = true;
    else futex(&w->state, FUTEX_WAKE, INT_MAX, NULL);
  }
  if (ring) {
    __atomic_fetch_add(&c->bell, 1, __ATOMIC_SEQ_CST);
    futex(&c->bell, FUTEX_WAKE, INT_MAX, NULL);
  }
  unlock(&c->wait_lock);
  return n;
}

uint32_t js_shm_bell(void) {
  return arena ? __atomic_load_n(&control()->bell, __ATOMIC_SEQ_CST) : 0;
}

void js_shm_bell_wait(uint32_t seen, double ms) { futex_sleep(&control()->bell, seen, ms); }
