/*
 * tests/unit/check.h — the smallest possible unit-test kit.
 *
 * Invariants: a test file is one executable whose main() runs CHECKs and
 * ends with `return check_report(__FILE__);`. A failed CHECK prints its
 * file:line and the expression, and makes the executable exit non-zero,
 * which is what ctest reads. No test depends on another's state.
 */
#ifndef JSVM_TESTS_CHECK_H
#define JSVM_TESTS_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_failures;
static int check_count;

/* CHECK(cond): record a failure (and keep going) when cond is false. */
#define CHECK(cond)                                                        \
  do {                                                                     \
    check_count++;                                                         \
    if (!(cond)) {                                                         \
      check_failures++;                                                    \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__,     \
              #cond);                                                      \
    }                                                                      \
  } while (0)

/* CHECK_STR(a, b): two NUL-terminated strings are equal. */
#define CHECK_STR(a, b)                                                    \
  do {                                                                     \
    const char *check_a_ = (a), *check_b_ = (b);                           \
    check_count++;                                                         \
    if (!check_a_ || !check_b_ || strcmp(check_a_, check_b_) != 0) {       \
      check_failures++;                                                    \
      fprintf(stderr, "%s:%d: expected \"%s\", got \"%s\"\n", __FILE__,    \
              __LINE__, check_b_ ? check_b_ : "(null)",                    \
              check_a_ ? check_a_ : "(null)");                             \
    }                                                                      \
  } while (0)

/* check_report: print a summary line; the exit status ctest reads. */
static inline int check_report(const char *file) {
  printf("%s: %d checks, %d failed\n", file, check_count, check_failures);
  return check_failures ? 1 : 0;
}

#endif
