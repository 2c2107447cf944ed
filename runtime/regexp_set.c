/*
 * runtime/regexp_set.c — sets of code points for the RegExp compiler:
 * character classes, property escapes and the v flag's set operations.
 *
 * Invariants: a set is always normalized — its ranges sorted, disjoint
 * and never adjacent (lo of one > hi of the previous + 1) — so equal sets
 * have equal representations and membership is one bisection. The memory
 * is malloc'd (sets live only while a pattern is compiled); running out
 * of memory aborts, like every other malloc failure of the compiler.
 */
#include <stdlib.h>
#include <string.h>

#include "runtime/regexp.h"

// realloc that never fails (see the header: exhaustion aborts).
static void *xrealloc(void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q) abort();
  return q;
}

// An empty set owns no memory until its first range.
void rx_set_init(RxSet *s) {
  s->r = NULL;
  s->n = s->cap = 0;
}

void rx_set_free(RxSet *s) {
  free(s->r);
  rx_set_init(s);
}

// Room for `want` ranges.
static void reserve(RxSet *s, uint32_t want) {
  if (want <= s->cap) return;
  uint32_t cap = s->cap ? s->cap : 8;
  while (cap < want) cap *= 2;
  s->r = xrealloc(s->r, (size_t)cap * 2 * sizeof *s->r);
  s->cap = cap;
}

// The first range whose hi + 1 >= c (the first that c touches or
// precedes), or s->n.
static uint32_t lower_bound(const RxSet *s, uint32_t c) {
  uint32_t lo = 0, hi = s->n;
  while (lo < hi) {
    uint32_t mid = (lo + hi) / 2;
    if ((uint64_t)s->r[2 * mid + 1] + 1 < c) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

void rx_set_add(RxSet *s, uint32_t lo, uint32_t hi) {
  if (lo > hi) return;
  // Appending past the end is the common case (ranges come sorted).
  if (s->n && s->r[2 * s->n - 1] + 1 < lo) {
    reserve(s, s->n + 1);
    s->r[2 * s->n] = lo;
    s->r[2 * s->n + 1] = hi;
    s->n++;
    return;
  }
  uint32_t i = lower_bound(s, lo), j = i;
  // Ranges i..j-1 overlap or touch lo..hi: they merge into one.
  while (j < s->n && s->r[2 * j] <= (uint64_t)hi + 1) {
    if (s->r[2 * j] < lo) lo = s->r[2 * j];
    if (s->r[2 * j + 1] > hi) hi = s->r[2 * j + 1];
    j++;
  }
  if (j == i) {
    // Nothing to merge with: open a slot at i.
    reserve(s, s->n + 1);
    memmove(s->r + 2 * i + 2, s->r + 2 * i, (size_t)(s->n - i) * 2 * sizeof *s->r);
    s->n++;
  } else if (j > i + 1) {
    // Several ranges collapse into slot i.
    memmove(s->r + 2 * i + 2, s->r + 2 * j, (size_t)(s->n - j) * 2 * sizeof *s->r);
    s->n -= j - i - 1;
  }
  s->r[2 * i] = lo;
  s->r[2 * i + 1] = hi;
}

// Union by insertion: t is sorted, so each add lands at or near the end.
void rx_set_add_set(RxSet *s, const RxSet *t) {
  for (uint32_t i = 0; i < t->n; i++) rx_set_add(s, t->r[2 * i], t->r[2 * i + 1]);
}

void rx_set_copy(RxSet *dst, const RxSet *src) {
  dst->n = 0;
  reserve(dst, src->n);
  if (src->n) memcpy(dst->r, src->r, (size_t)src->n * 2 * sizeof *src->r);
  dst->n = src->n;
}

void rx_set_invert(RxSet *s, uint32_t max) {
  RxSet out;
  rx_set_init(&out);
  uint32_t next = 0;
  // The gaps between ranges (and before the first, after the last).
  for (uint32_t i = 0; i < s->n && s->r[2 * i] <= max; i++) {
    if (s->r[2 * i] > next) rx_set_add(&out, next, s->r[2 * i] - 1);
    next = s->r[2 * i + 1] + 1;
  }
  if (next <= max) rx_set_add(&out, next, max);
  free(s->r);
  *s = out;
}

void rx_set_intersect(RxSet *s, const RxSet *t) {
  RxSet out;
  rx_set_init(&out);
  uint32_t i = 0, j = 0;
  // Walk both lists; each step retires the range that ends first.
  while (i < s->n && j < t->n) {
    uint32_t lo = s->r[2 * i] > t->r[2 * j] ? s->r[2 * i] : t->r[2 * j];
    uint32_t hi = s->r[2 * i + 1] < t->r[2 * j + 1] ? s->r[2 * i + 1] : t->r[2 * j + 1];
    if (lo <= hi) rx_set_add(&out, lo, hi);
    if (s->r[2 * i + 1] < t->r[2 * j + 1]) i++;
    else j++;
  }
  free(s->r);
  *s = out;
}

void rx_set_subtract(RxSet *s, const RxSet *t) {
  // s - t = s & ~t.
  RxSet inv;
  rx_set_init(&inv);
  rx_set_copy(&inv, t);
  rx_set_invert(&inv, RX_MAX_CP);
  rx_set_intersect(s, &inv);
  rx_set_free(&inv);
}

// Membership: bisect for the first range ending at or after c.
bool rx_set_has(const RxSet *s, uint32_t c) {
  uint32_t lo = 0, hi = s->n;
  while (lo < hi) {
    uint32_t mid = (lo + hi) / 2;
    if (s->r[2 * mid + 1] < c) lo = mid + 1;
    else hi = mid;
  }
  return lo < s->n && s->r[2 * lo] <= c;
}

// Counted in 64 bits: the full range alone is 0x110000 code points, and
// callers only ask whether a set is small.
uint32_t rx_set_size(const RxSet *s) {
  uint64_t n = 0;
  for (uint32_t i = 0; i < s->n; i++) n += (uint64_t)s->r[2 * i + 1] - s->r[2 * i] + 1;
  return n > UINT32_MAX ? UINT32_MAX : (uint32_t)n;
}
