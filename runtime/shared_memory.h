/*
 * runtime/shared_memory.h — memory that several agents (processes) see at
 * the same address: the data blocks of SharedArrayBuffers and the waiter
 * list of Atomics.wait / waitAsync / notify.
 *
 * jsvm's heap and runtime are process-global, so a second agent is a
 * second process (host/test262_agent.c forks one per $262.agent.start).
 * For the agents to share a SharedArrayBuffer's bytes, the bytes live in
 * an arena mapped MAP_SHARED | MAP_ANONYMOUS before the first fork: every
 * process forked afterwards maps it at the same address, and a block the
 * parent allocates later is visible in children that already run.
 *
 * Invariants:
 *  - The arena exists only after js_shm_enable() (called by the test262
 *    host when it installs $262); until then js_shm_alloc answers NULL and
 *    SharedArrayBuffers keep calloc'd blocks, as before.
 *  - A block carries a count of the processes holding it (shared) and each
 *    process counts its own holders (private): a finalizer releases only
 *    references its process took, so a child collecting the copies of its
 *    parent's buffers it inherited by fork() frees nothing of the parent's.
 *  - A block's address is stable and 16-byte aligned; a growable buffer's
 *    block is allocated at its maximum length, so growing never moves it.
 *  - Waiters are kept in the arena under a futex lock (no
 *    FUTEX_PRIVATE_FLAG: the futex words are shared between processes).
 *    Each waiter is keyed by the element's address and ordered by a global
 *    sequence number (the spec's WaiterList order). A synchronous waiter
 *    sleeps on its own state word; notify moves it to NOTIFIED and wakes
 *    it. An asynchronous waiter belongs to the process that made it: a
 *    notify from that process hands it back to the caller at once (to
 *    settle its promise), one from another process marks it and rings the
 *    bell, a futex word every process with async waiters polls.
 */
#ifndef JSVM_RUNTIME_SHARED_MEMORY_H
#define JSVM_RUNTIME_SHARED_MEMORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "runtime/runtime.h"
#include "runtime/typedarray.h"

/* The most waiters (sync and async, all processes) at one time. */
#define JS_SHM_MAX_WAITERS 512

/* js_shm_enable: map the arena (once; later calls do nothing). false if
 * the mapping failed (SharedArrayBuffers then stay process-private). */
bool js_shm_enable(void);

/* js_shm_owns: p points into the arena. */
bool js_shm_owns(const void *p);

/* js_shm_alloc: a zeroed block of len bytes (at least one), held once by
 * this process, or NULL (no arena, or no room: the caller falls back to
 * calloc). */
uint8_t *js_shm_alloc(uint64_t len);

/* js_shm_retain: one more process reference to the block at data, taken
 * on behalf of another process, which adopts it with js_shm_adopt. */
void js_shm_retain(uint8_t *data);
void js_shm_adopt(uint8_t *data);

/* js_shm_track_buffer: b's arena block is released when b dies (the
 * arena's counterpart of js_gc_track_buffer). */
void js_shm_track_buffer(JSArrayBuffer *b);

/* js_shm_wrap_buffer: a SharedArrayBuffer of this realm over an arena
 * block another process allocated (and retained for this one):
 * byte length len, growable up to max when growable. */
JSValue js_shm_wrap_buffer(JSVM *vm, uint8_t *data, uint64_t len, bool growable, uint64_t max);

/* js_shm_after_fork: in a new child: it holds no references yet (those
 * its copied objects show are its parent's). */
void js_shm_after_fork(void);

/* {==== Waiters ====} */

typedef enum JSShmWait {
  JS_SHM_NOT_EQUAL,   /* the element did not hold the expected value */
  JS_SHM_OK,          /* notified */
  JS_SHM_TIMED_OUT,
  JS_SHM_FULL,        /* no free waiter slot */
} JSShmWait;

/* js_shm_wait: Atomics.wait on the element at p (size 4 or 8 bytes)
 * expected to hold v: block until notified or timeout_ms (+Infinity:
 * none) passed. p must be in the arena. */
JSShmWait js_shm_wait(void *p, uint32_t size, uint64_t v, double timeout_ms);

/* js_shm_wait_async: Atomics.waitAsync's critical section: when the
 * element holds v, add an async waiter owned by this process and store
 * its id in *id (JS_SHM_OK). */
JSShmWait js_shm_wait_async(void *p, uint32_t size, uint64_t v, int *id);

/* js_shm_async_notified: async waiter id was notified (by any process);
 * its slot is freed then. */
bool js_shm_async_notified(int id);

/* js_shm_async_cancel: waiter id timed out: remove it, unless a notify
 * got it first (then it is freed too and the answer is false). */
bool js_shm_async_cancel(int id);

/* js_shm_notify: wake up to count waiters on the element at p in order;
 * how many. This process's own async waiters among them are freed and
 * their ids written to own[] (room for JS_SHM_MAX_WAITERS), *n_own of
 * them, in order, for the caller to settle. */
uint32_t js_shm_notify(void *p, double count, int *own, uint32_t *n_own);

/* js_shm_bell / js_shm_bell_wait: the async notification bell. Read it
 * before checking one's waiters, then wait while it still has that value
 * (at most ms milliseconds; +Infinity: until it rings). */
uint32_t js_shm_bell(void);
void js_shm_bell_wait(uint32_t seen, double ms);

#endif
