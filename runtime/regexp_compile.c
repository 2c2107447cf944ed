/*
 * runtime/regexp_compile.c — RegExp compilation: validate the pattern
 * with the parser's early-error check, build its tree (regexp_parse.c),
 * simplify it, and emit the bytecode of runtime/regexp.h that the
 * backtracking matcher (regexp_exec.c) runs, followed (when the pattern
 * has no backreference or lookaround) by the unrolled code of the
 * linear matcher it falls back to.
 *
 * Invariants:
 *  - Code is emitted for one direction at a time: lookbehind bodies are
 *    compiled backwards (sequences reversed, every character operation
 *    flagged RX_BACK, a group's end saved before its start), as the
 *    spec's direction argument does.
 *  - A quantifier whose body is one character (and has no groups) is one
 *    STAR instruction, which keeps a single backtracking record however
 *    many characters it takes; other quantifiers are LOOP/LOOPEND pairs
 *    with a counter register (unless unbounded from 0) and a position
 *    register for the empty check (only when the body can match empty).
 *  - The linear code runs forwards only and uses no register: every
 *    quantifier is unrolled, so what a thread of the linear matcher can
 *    still match depends on its instruction, its position and one bit.
 *  - The tree's recursion depth is bounded by the parser, so the
 *    recursive walks here cannot exhaust the C stack.
 */
#include <stdlib.h>
#include <string.h>

#include "parser/regexp_syntax.h"
#include "runtime/regexp.h"

/* The compiler's state: the code and class data being emitted (malloc'd
 * growable arrays, copied into the program's JSBytes at the end). */
typedef struct Comp {
  uint32_t *code;
  uint32_t len, cap;
  uint32_t *data;      /* class data, appended after the code */
  uint32_t dlen, dcap;
  uint32_t nregs;
  bool u;              /* u or v: characters are code points */
  RxTree *tree;
  /* the linear code (lin_* below): where it starts, the most words it
     may take, whether it went past that, its character instructions */
  uint32_t lin_start, lin_limit, lin_threads;
  bool lin_too_big;
} Comp;

// Make *buf hold at least want words, doubling so that appending one
// word at a time stays linear.
static void grow(uint32_t **buf, uint32_t *cap, uint32_t want) {
  if (want <= *cap) return;
  uint32_t n = *cap ? *cap : 64;
  while (n < want) n *= 2;
  uint32_t *b = realloc(*buf, (size_t)n * sizeof *b);
  if (!b) abort();
  *buf = b;
  *cap = n;
}

// Append one word; its position.
static uint32_t emit(Comp *C, uint32_t w) {
  grow(&C->code, &C->cap, C->len + 1);
  C->code[C->len] = w;
  return C->len++;
}

/* {==== Tree measures ====} */

// Widths saturate at RX_INFINITY: x{1000}{1000}... must not wrap round
// to a small (or zero) width and mislead the empty checks.
static uint32_t sat_add(uint32_t a, uint32_t b) {
  return a >= RX_INFINITY - b ? RX_INFINITY : a + b;
}
static uint32_t sat_mul(uint32_t a, uint32_t b) {
  if (!a || !b) return 0;
  return a >= RX_INFINITY / b ? RX_INFINITY : a * b;
}

// The fewest code units a node can match. Zero means "may match empty":
// such a loop body needs the empty check's position register.
static uint32_t min_width(const RxNode *n) {
  uint32_t w = 0, m = RX_INFINITY;
  switch ((RxKind)n->kind) {
    case RXN_CHAR: case RXN_SET: case RXN_DOT: return 1;
    // Assertions consume nothing; a backreference may be to an empty or
    // undefined group.
    case RXN_EMPTY: case RXN_BOL: case RXN_EOL: case RXN_WORDB: case RXN_BACKREF:
    case RXN_LOOK: return 0;
    case RXN_GROUP: return min_width(n->kid);
    case RXN_REPEAT: return sat_mul(n->c, min_width(n->kid));
    case RXN_ALT:
      for (const RxNode *k = n->kid; k; k = k->next) {
        uint32_t x = min_width(k);
        if (x < m) m = x;
      }
      return m;
    case RXN_SEQ:
      for (const RxNode *k = n->kid; k; k = k->next) w = sat_add(w, min_width(k));
      return w;
  }
  return 0;
}

// The most code units a node can match (RX_INFINITY: unbounded). Only
// whether it is zero matters (a body that can only match empty).
static uint32_t max_width(const RxNode *n) {
  uint32_t w = 0, m = 0;
  switch ((RxKind)n->kind) {
    // With u a character may be a surrogate pair: two units.
    case RXN_CHAR: return n->c > 0xFFFF ? 2 : 1;
    case RXN_SET: case RXN_DOT: return 2;
    case RXN_EMPTY: case RXN_BOL: case RXN_EOL: case RXN_WORDB: case RXN_LOOK: return 0;
    case RXN_BACKREF: return RX_INFINITY;
    case RXN_GROUP: return max_width(n->kid);
    case RXN_REPEAT: {
      uint32_t k = max_width(n->kid);
      return k == 0 ? 0 : n->max == RX_INFINITY ? RX_INFINITY : sat_mul(n->max, k);
    }
    case RXN_ALT:
      for (const RxNode *k = n->kid; k; k = k->next) {
        uint32_t x = max_width(k);
        if (x > m) m = x;
      }
      return m;
    case RXN_SEQ:
      for (const RxNode *k = n->kid; k; k = k->next) w = sat_add(w, max_width(k));
      return w;
  }
  return RX_INFINITY;
}

/* {==== Simplification ====} */

// One character, whatever it is: CHAR, SET, DOT.
static bool single_char(const RxNode *n) {
  return n->kind == RXN_CHAR || n->kind == RXN_SET || n->kind == RXN_DOT;
}

// The set a CHAR or SET node matches (closed under case when i). A SET
// was closed by the parser; a CHAR under i stands for its case class
// (every character with the same Canonicalize), found here.
static void node_set(const Comp *C, const RxNode *n, RxSet *out) {
  if (n->kind == RXN_SET) {
    rx_set_add_set(out, n->set);
    return;
  }
  uint32_t orbit[16];
  int k = (n->flags & RXN_ICASE) ? rx_case_orbit(n->c, C->u, orbit, 16) : 1;
  if (!(n->flags & RXN_ICASE)) orbit[0] = n->c;
  for (int i = 0; i < k; i++) rx_set_add(out, orbit[i], orbit[i]);
}

// a|b|[cd] where every alternative is one CHAR or SET: one set (the
// alternatives all end at the same place, so their order is moot).
static void merge_alternatives(Comp *C, RxNode *alt) {
  for (RxNode *k = alt->kid; k; k = k->next)
    if (k->kind != RXN_CHAR && k->kind != RXN_SET) return;
  RxSet *s = rx_tree_set(C->tree);
  for (RxNode *k = alt->kid; k; k = k->next) node_set(C, k, s);
  alt->kind = RXN_SET;
  alt->set = s;
  alt->kid = NULL;
}

// Simplify the tree in place, children first so that nested alternatives
// of single characters collapse from the inside out. (a|b)* then has a
// one-set body: no SPLIT, no choice record per iteration.
static void simplify(Comp *C, RxNode *n) {
  for (RxNode *k = n->kid; k; k = k->next) simplify(C, k);
  if (n->kind == RXN_ALT) merge_alternatives(C, n);
}

/* {==== Character operations ====} */

// Class data for a set; its offset into the data area. Layout: range
// count, a 256-bit bitmap for the Latin-1 characters (the common case is
// one test), then the ranges for bisection.
static uint32_t emit_class(Comp *C, const RxSet *s) {
  uint32_t off = C->dlen;
  grow(&C->data, &C->dcap, C->dlen + 9 + 2 * s->n);
  uint32_t *d = C->data + off;
  d[0] = s->n;
  memset(d + 1, 0, 8 * sizeof *d);
  // The bitmap answers for characters below 256 without a search.
  for (uint32_t i = 0; i < s->n && s->r[2 * i] < 256; i++) {
    uint32_t hi = s->r[2 * i + 1] < 255 ? s->r[2 * i + 1] : 255;
    for (uint32_t c = s->r[2 * i]; c <= hi; c++) d[1 + c / 32] |= 1u << (c % 32);
  }
  if (s->n) memcpy(d + 9, s->r, (size_t)s->n * 2 * sizeof *d);
  C->dlen += 9 + 2 * s->n;
  return off;
}

// The cheapest operation matching one character of set s: a single
// character (CHAR), a case pair like a/A (CHAR2), or a CLASS.
static void emit_set(Comp *C, const RxSet *s, uint32_t back) {
  if (s->n == 1 && s->r[0] == s->r[1]) {
    emit(C, RX_OP_CHAR | back);
    emit(C, s->r[0]);
  } else if (rx_set_size(s) == 2) {
    uint32_t a = s->r[0], b = s->n == 1 ? s->r[1] : s->r[2];
    emit(C, RX_OP_CHAR2 | back);
    emit(C, a);
    emit(C, b);
  } else {
    emit(C, RX_OP_CLASS | back);
    emit(C, emit_class(C, s));
  }
}

// A one-character node: . as ANY/ANYALL (no case, no set needed), the
// others through their sets.
static void emit_char_node(Comp *C, const RxNode *n, uint32_t back) {
  RxSet s;
  rx_set_init(&s);
  if (n->kind == RXN_DOT) {
    emit(C, ((n->flags & RXN_DOTALL) ? RX_OP_ANYALL : RX_OP_ANY) | back);
  } else {
    node_set(C, n, &s);
    emit_set(C, &s, back);
  }
  rx_set_free(&s);
}

// A literal the STR instruction can take: a CHAR without i that is not
// a surrogate when characters are code points (a lone surrogate must
// not match half of a pair).
static bool plain_char(const Comp *C, const RxNode *n) {
  if (n->kind != RXN_CHAR || (n->flags & RXN_ICASE)) return false;
  return !C->u || n->c < 0xD800 || (n->c > 0xDFFF && n->c <= 0xFFFF);
}

/* {==== Structure ====} */

static void compile(Comp *C, const RxNode *n, uint32_t back);

// A run of plain characters as one STR (or CHAR for a single one). The
// units are stored in forward order either way; backwards, STR compares
// the n units that end at the position.
static void emit_run(Comp *C, const RxNode *const *run, uint32_t n, uint32_t back) {
  if (n == 1) {
    emit(C, RX_OP_CHAR | back);
    emit(C, run[0]->c);
    return;
  }
  emit(C, RX_OP_STR | back);
  emit(C, n);
  for (uint32_t i = 0; i < n; i++) emit(C, run[i]->c);
}

// A sequence: its items in order (reversed when backwards), runs of
// plain characters merged into STR instructions.
static void compile_seq(Comp *C, const RxNode *n, uint32_t back) {
  uint32_t count = 0;
  for (const RxNode *k = n->kid; k; k = k->next) count++;
  const RxNode **items = malloc((count ? count : 1) * sizeof *items);
  if (!items) abort();
  count = 0;
  for (const RxNode *k = n->kid; k; k = k->next) items[count++] = k;
  // Walk forwards or backwards over item groups [i, j).
  for (uint32_t step = 0; step < count;) {
    uint32_t i, j;
    if (!back) {
      i = step;
      for (j = i + 1; plain_char(C, items[i]) && j < count && plain_char(C, items[j]); j++) {}
    } else {
      j = count - step;
      for (i = j - 1; plain_char(C, items[j - 1]) && i > 0 && plain_char(C, items[i - 1]); i--) {}
    }
    if (plain_char(C, items[i])) emit_run(C, items + i, j - i, back);
    else compile(C, items[i], back);
    step += j - i;
  }
  free(items);
}

// a|b|c as SPLIT L1; a; JMP end; L1: SPLIT L2; b; JMP end; L2: c; end:
// The order of the alternatives is the order they are tried in, in
// either direction (a lookbehind still prefers its first alternative).
static void compile_alt(Comp *C, const RxNode *n, uint32_t back) {
  uint32_t njumps = 0, *jumps = NULL;
  for (const RxNode *k = n->kid; k; k = k->next) {
    if (!k->next) {
      compile(C, k, back);
      break;
    }
    // SPLIT: this alternative first, the next one on failure.
    uint32_t split = emit(C, RX_OP_SPLIT);
    emit(C, 0);
    compile(C, k, back);
    jumps = realloc(jumps, (njumps + 1) * sizeof *jumps);
    if (!jumps) abort();
    jumps[njumps++] = emit(C, RX_OP_JMP);
    emit(C, 0);
    C->code[split + 1] = C->len;
  }
  for (uint32_t i = 0; i < njumps; i++) C->code[jumps[i] + 1] = C->len;
  free(jumps);
}

// A capturing group: SAVE its two ends around its body. The matcher
// logs the old values, so a failed attempt leaves the group as it was.
static void compile_group(Comp *C, const RxNode *n, uint32_t back) {
  // Backwards the end is known first (§22.2.2.8's direction).
  uint32_t first = 2 * n->c + (back ? 1 : 0), last = 2 * n->c + (back ? 0 : 1);
  emit(C, RX_OP_SAVE);
  emit(C, first);
  compile(C, n->kid, back);
  emit(C, RX_OP_SAVE);
  emit(C, last);
}

// A lookaround: LOOK cont; body; LOOKEND; cont:. The body runs forwards
// for a lookahead and backwards for a lookbehind, whatever direction
// the lookaround itself sits in (§22.2.2.4's Assertion rules).
static void compile_look(Comp *C, const RxNode *n) {
  uint32_t at = emit(C, RX_OP_LOOK | ((n->flags & RXN_NEG) ? RX_NEG : 0));
  emit(C, 0);
  compile(C, n->kid, (n->flags & RXN_BEHIND) ? RX_BACK : 0);
  emit(C, RX_OP_LOOKEND);
  C->code[at + 1] = C->len;
}

// The general loop (§22.2.2.3.1 RepeatMatcher): SETREG cnt 0; head: LOOP
// (enter the body or leave, pushing the other choice: greedy prefers
// the body); POSREG (where this iteration started, for the empty check);
// RESET (the body's groups start undefined); body; LOOPEND (refuse an
// empty iteration past the minimum, count it, back to head).
static void compile_loop(Comp *C, const RxNode *n, uint32_t min, uint32_t max, uint32_t back) {
  const RxNode *kid = n->kid;
  bool greedy = (n->flags & RXN_GREEDY) != 0;
  uint32_t cnt = (min == 0 && max == RX_INFINITY) ? RX_NONE : C->nregs++;
  uint32_t pos = min_width(kid) == 0 ? C->nregs++ : RX_NONE;
  if (cnt != RX_NONE) {
    emit(C, RX_OP_SETREG);
    emit(C, cnt);
    emit(C, 0);
  }
  uint32_t head = emit(C, RX_OP_LOOP | (greedy ? RX_GREEDY : 0));
  emit(C, cnt);
  emit(C, min);
  emit(C, max);
  emit(C, 0);
  if (pos != RX_NONE) {
    emit(C, RX_OP_POSREG);
    emit(C, pos);
  }
  // Groups inside restart undefined each iteration, unless the body is
  // exactly one group that every iteration sets anyway.
  bool one_group = kid->kind == RXN_GROUP && n->cap_hi == n->cap_lo + 1;
  if (n->cap_hi > n->cap_lo && !one_group) {
    emit(C, RX_OP_RESET);
    emit(C, 2 * n->cap_lo);
    emit(C, 2 * n->cap_hi);
  }
  compile(C, kid, back);
  emit(C, RX_OP_LOOPEND);
  emit(C, cnt);
  emit(C, pos);
  emit(C, min);
  emit(C, head);
  C->code[head + 4] = C->len;
}

// A quantified node, in the cheapest form that keeps its meaning.
static void compile_repeat(Comp *C, const RxNode *n, uint32_t back) {
  uint32_t min = n->c, max = n->max;
  // A body that only ever matches empty: iterations past the first add
  // nothing, and optional ones are refused by the empty check.
  if (max_width(n->kid) == 0) {
    if (min > 1) min = 1;
    max = min;
  }
  if (max == 0) return;
  if (min == 1 && max == 1) {
    compile(C, n->kid, back);
    return;
  }
  // One character and no groups: nothing to reset or check for empty,
  // so STAR runs the whole loop with at most one backtracking record.
  if (single_char(n->kid) && n->cap_hi == n->cap_lo) {
    emit(C, RX_OP_STAR | ((n->flags & RXN_GREEDY) ? RX_GREEDY : 0) | back);
    emit(C, min);
    emit(C, max);
    emit_char_node(C, n->kid, back);
    return;
  }
  compile_loop(C, n, min, max, back);
}

// \N or \k<name>: all the groups of that name (at most one of which
// can have participated, since duplicates sit in different alternatives).
static void compile_backref(Comp *C, const RxNode *n, uint32_t back) {
  emit(C, RX_OP_BACKREF | back | ((n->flags & RXN_ICASE) ? RX_ICASE : 0));
  emit(C, n->ngroups);
  for (uint32_t i = 0; i < n->ngroups; i++) emit(C, n->groups[i]);
}

// Emit the code of node n, matching forwards, or backwards when back is
// RX_BACK (inside a lookbehind).
static void compile(Comp *C, const RxNode *n, uint32_t back) {
  switch ((RxKind)n->kind) {
    case RXN_EMPTY: return;
    case RXN_CHAR: case RXN_SET: case RXN_DOT: emit_char_node(C, n, back); return;
    case RXN_BOL: case RXN_EOL:
      emit(C, (n->kind == RXN_BOL ? RX_OP_BOL : RX_OP_EOL) |
                  ((n->flags & RXN_MULTI) ? RX_MULTI : 0));
      return;
    case RXN_WORDB:
      emit(C, RX_OP_WORDB | ((n->flags & RXN_NEG) ? RX_NEG : 0) |
                  ((n->flags & RXN_ICASE) ? RX_EXTWORD : 0));
      return;
    case RXN_BACKREF: compile_backref(C, n, back); return;
    case RXN_GROUP: compile_group(C, n, back); return;
    case RXN_LOOK: compile_look(C, n); return;
    case RXN_REPEAT: compile_repeat(C, n, back); return;
    case RXN_ALT: compile_alt(C, n, back); return;
    case RXN_SEQ: compile_seq(C, n, back); return;
  }
}

/* {==== The linear code ====} */

// The linear matcher (regexp_exec.c) runs threads in lockstep over the
// input, one per instruction at most (§22.2.2's priority order kept by
// the order of the thread list), so a thread's future must depend on
// nothing but its instruction and position: no backreference (it reads
// the groups), no lookaround (a nested match), no counter registers.
// Quantifiers are therefore unrolled: min copies of the body, then a
// loop (unbounded) or max - min optional copies. An optional iteration
// of a body that can match empty is refused when it matched empty
// (RepeatMatcher step 2.b); LBEGIN/LEND mark it, and the matcher keeps
// one bit per thread (nothing consumed since the innermost LBEGIN),
// which is all the refusal depends on: an inner iteration ends only
// through a LEND that saw something consumed, and then the enclosing
// one has consumed too.

// Linear code is possible: no backreference and no lookaround.
static bool linear_ok(const RxNode *n) {
  if (n->kind == RXN_BACKREF || n->kind == RXN_LOOK) return false;
  for (const RxNode *k = n->kid; k; k = k->next)
    if (!linear_ok(k)) return false;
  return true;
}

static void lin_node(Comp *C, const RxNode *n);

// The unrolled code outgrew its limit: stop emitting (the caller drops
// it all, and the backtracker stays the only matcher).
static bool lin_full(Comp *C) {
  if (C->len - C->lin_start > C->lin_limit) C->lin_too_big = true;
  return C->lin_too_big;
}

// One iteration of quantifier n's body: its groups reset (RepeatMatcher
// step 4 clears them each time), inside LBEGIN/LEND when check.
static void lin_body(Comp *C, const RxNode *n, bool check) {
  if (n->cap_hi > n->cap_lo) {
    emit(C, RX_OP_RESET);
    emit(C, 2 * n->cap_lo);
    emit(C, 2 * n->cap_hi);
  }
  if (check) emit(C, RX_OP_LBEGIN);
  lin_node(C, n->kid);
  if (check) emit(C, RX_OP_LEND);
}

// Any number of iterations. Greedy: head: SPLIT end; body; JMP head.
// Lazy: head: SPLIT body; JMP end; body: ...; JMP head. (SPLIT goes on
// first and tries its target when that fails.)
static void lin_star(Comp *C, const RxNode *n, bool check, bool greedy) {
  uint32_t head = emit(C, RX_OP_SPLIT), exit_jump = 0;
  emit(C, 0);
  if (!greedy) {
    exit_jump = emit(C, RX_OP_JMP);
    emit(C, 0);
    C->code[head + 1] = C->len;
  }
  lin_body(C, n, check);
  emit(C, RX_OP_JMP);
  emit(C, head);
  C->code[(greedy ? head : exit_jump) + 1] = C->len;
}

// One or more iterations of a body that cannot match empty (so no
// check): body: ...; then greedy SPLIT end; JMP body, lazy SPLIT body.
static void lin_plus(Comp *C, const RxNode *n, bool greedy) {
  uint32_t body = C->len;
  lin_body(C, n, false);
  uint32_t split = emit(C, RX_OP_SPLIT);
  emit(C, body);
  if (greedy) {
    emit(C, RX_OP_JMP);
    emit(C, body);
    C->code[split + 1] = C->len;
  }
}

// Point a chain of forward jumps at the current position. Until their
// target is known, the target words chain them: each holds the position
// of the previous one (RX_NONE ends the chain).
static void patch_chain(Comp *C, uint32_t chain) {
  while (chain != RX_NONE) {
    uint32_t prev = C->code[chain];
    C->code[chain] = C->len;
    chain = prev;
  }
}

// count optional iterations, each entered only after the one before:
// greedy SPLIT end; body (each SPLIT leaves for the common end), lazy
// SPLIT body; JMP end; body. The exits are chained (patch_chain).
static void lin_optional(Comp *C, const RxNode *n, uint32_t count, bool check, bool greedy) {
  uint32_t chain = RX_NONE;
  for (uint32_t i = 0; i < count && !lin_full(C); i++) {
    uint32_t split = emit(C, RX_OP_SPLIT);
    uint32_t operand = emit(C, chain);
    if (!greedy) {
      emit(C, RX_OP_JMP);
      operand = emit(C, chain);
      C->code[split + 1] = C->len;
    }
    chain = operand;
    lin_body(C, n, check);
  }
  patch_chain(C, chain);
}

// Quantifier n unrolled. Only iterations past the minimum are checked
// for emptiness, as in RepeatMatcher; a body that cannot match empty
// needs no check, and then x{n,} is x{n-1} and a loop of x+.
static void lin_repeat(Comp *C, const RxNode *n) {
  uint32_t min = n->c, max = n->max;
  // As compile_repeat: a body that only matches empty needs one go.
  if (max_width(n->kid) == 0) {
    if (min > 1) min = 1;
    max = min;
  }
  bool greedy = (n->flags & RXN_GREEDY) != 0, nullable = min_width(n->kid) == 0;
  bool plus = max == RX_INFINITY && min > 0 && !nullable;
  for (uint32_t i = 0; i + plus < min && !lin_full(C); i++) lin_body(C, n, false);
  if (lin_full(C)) return;
  if (plus) lin_plus(C, n, greedy);
  else if (max == RX_INFINITY) lin_star(C, n, nullable, greedy);
  else lin_optional(C, n, max - min, nullable, greedy);
}

// Emit the linear code of node n (forwards: no lookbehind gets here).
static void lin_node(Comp *C, const RxNode *n) {
  if (lin_full(C)) return;
  switch ((RxKind)n->kind) {
    case RXN_CHAR: case RXN_SET: case RXN_DOT:
      emit_char_node(C, n, 0);
      C->lin_threads++;
      return;
    case RXN_GROUP:
      emit(C, RX_OP_SAVE);
      emit(C, 2 * n->c);
      lin_node(C, n->kid);
      emit(C, RX_OP_SAVE);
      emit(C, 2 * n->c + 1);
      return;
    case RXN_ALT: {
      // As compile_alt, the exits chained as in lin_optional.
      uint32_t chain = RX_NONE;
      for (const RxNode *k = n->kid; k; k = k->next) {
        if (!k->next) {
          lin_node(C, k);
          break;
        }
        uint32_t split = emit(C, RX_OP_SPLIT);
        emit(C, 0);
        lin_node(C, k);
        emit(C, RX_OP_JMP);
        chain = emit(C, chain);
        C->code[split + 1] = C->len;
      }
      patch_chain(C, chain);
      return;
    }
    case RXN_SEQ:
      for (const RxNode *k = n->kid; k; k = k->next) lin_node(C, k);
      return;
    case RXN_REPEAT: lin_repeat(C, n); return;
    // The rest is the same code as the backtracker's (linear_ok has
    // kept out backreferences and lookarounds).
    case RXN_EMPTY: case RXN_BOL: case RXN_EOL: case RXN_WORDB: case RXN_BACKREF: case RXN_LOOK:
      compile(C, n, 0);
      return;
  }
}

// The linear code of the whole pattern after the backtracker's, when
// the pattern allows it and unrolled it stays within a few times the
// backtracker's size (else lin_start ends 0: no linear code). Its
// class data stays only if it stays.
static void compile_linear(Comp *C, const RxNode *root) {
  if (!linear_ok(root)) return;
  uint32_t dlen = C->dlen;
  C->lin_start = C->len;
  C->lin_limit = 8 * C->len + 1024;
  lin_node(C, root);
  emit(C, RX_OP_MATCH);
  C->lin_threads++;
  if (lin_full(C)) {
    C->len = C->lin_start;
    C->dlen = dlen;
    C->lin_start = 0;
  }
}

/* {==== Where a match can start ====} */

// Add the units a match of n can start with to s; true when n can also
// match empty (so what follows may start the match). *unknown is set
// when any unit may start it.
static bool first_units(const Comp *C, const RxNode *n, RxSet *s, bool *unknown) {
  switch ((RxKind)n->kind) {
    case RXN_EMPTY: case RXN_BOL: case RXN_EOL: case RXN_WORDB: case RXN_LOOK:
      return true;
    case RXN_BACKREF: case RXN_DOT:
      *unknown = true;
      return true;
    case RXN_CHAR: case RXN_SET: {
      RxSet cs;
      rx_set_init(&cs);
      node_set(C, n, &cs);
      // A code point above the BMP starts with its lead surrogate.
      for (uint32_t i = 0; i < cs.n; i++) {
        uint32_t lo = cs.r[2 * i], hi = cs.r[2 * i + 1];
        if (lo > 0xFFFF) lo = 0xD800 + ((lo - 0x10000) >> 10);
        if (hi > 0xFFFF) hi = 0xD800 + ((hi - 0x10000) >> 10);
        rx_set_add(s, lo, hi);
      }
      rx_set_free(&cs);
      return false;
    }
    case RXN_GROUP: return first_units(C, n->kid, s, unknown);
    case RXN_REPEAT: return first_units(C, n->kid, s, unknown) || n->c == 0;
    case RXN_ALT: {
      bool empty = false;
      for (const RxNode *k = n->kid; k; k = k->next) empty |= first_units(C, k, s, unknown);
      return empty;
    }
    case RXN_SEQ:
      for (const RxNode *k = n->kid; k; k = k->next)
        if (!first_units(C, k, s, unknown)) return false;
      return true;
  }
  return true;
}

// RX_INFO_LEADING_STAR: the pattern is X* Y with X one character and X*
// greedy, unbounded and outside any group. What Y does from a position
// p depends only on p (it starts with every group undefined), and a
// start inside the run of X that a failed attempt took tries Y at a
// subset of the same positions, so those starts can be skipped.
static bool leading_star(const RxNode *root) {
  if (root->kind != RXN_SEQ) return false;
  const RxNode *star = root->kid;
  return star->kind == RXN_REPEAT && star->max == RX_INFINITY && (star->flags & RXN_GREEDY) &&
         single_char(star->kid) && star->cap_hi == star->cap_lo;
}

// Fill the program's start-position hints: the scan in rx_exec uses them
// to skip positions where no match can start (memchr for one literal).
static void start_info(const Comp *C, const RxNode *root, RxProgram *prog) {
  if (leading_star(root)) prog->info |= RX_INFO_LEADING_STAR;
  const RxNode *lead = root->kind == RXN_SEQ ? root->kid : root;
  if (lead && lead->kind == RXN_BOL && !(lead->flags & RXN_MULTI)) prog->info |= RX_INFO_ANCHORED;
  RxSet s;
  bool unknown = false;
  rx_set_init(&s);
  if (!first_units(C, root, &s, &unknown) && !unknown && s.n) {
    if (s.n == 1 && s.r[0] == s.r[1]) {
      prog->info |= RX_INFO_FIRST_CHAR;
      prog->first_char = s.r[0];
    } else {
      prog->info |= RX_INFO_FIRST_SET;
      for (uint32_t i = 0; i < s.n; i++) {
        if (s.r[2 * i + 1] >= 256) prog->first_high = 1;
        for (uint32_t c = s.r[2 * i]; c <= s.r[2 * i + 1] && c < 256; c++)
          prog->first_map[c / 32] |= 1u << (c % 32);
      }
    }
  }
  rx_set_free(&s);
}

/* {==== Entry ====} */

// The early-error check, with V8's message on failure. It reads WTF-8
// (a lone surrogate of the pattern string stays a code point of its
// own), the form the parser's literal check sees too.
static bool validate(JSVM *vm, JSValue pattern, uint32_t flags) {
  size_t plen;
  char *p = js_string_utf8(vm, pattern, &plen);
  char f[9];
  size_t flen = 0;
  for (int i = 0; RX_FLAG_CHARS[i]; i++)
    if (flags & (1u << i)) f[flen++] = RX_FLAG_CHARS[i];
  f[flen] = 0;
  const char *err;
  size_t at;
  bool in_flags = false;
  bool ok = prs_regexp_check(p, plen, f, flen, &err, &at, &in_flags);
  if (!ok)
    js_throw_syntax_error(vm, "Invalid regular expression: /%.*s/%s: %s",
                          (int)(plen > 200 ? 200 : plen), p, f, err);
  free(p);
  return ok;
}

// The compiled program in a JSBytes: header, code, class data. Sizes
// come from the pattern, so allocation may fail: a SyntaxError then, as
// V8 reports patterns too large to compile.
static JSValue package(JSVM *vm, Comp *C, const RxTree *t, uint32_t flags) {
  size_t words = (size_t)C->len + C->dlen;
  size_t size = sizeof(RxProgram) + words * sizeof(uint32_t);
  JSBytes *b = ori_try_alloc(sizeof(JSBytes) + size);
  if (!b || words > UINT32_MAX / 2) return js_throw_syntax_error(vm, "Regular expression too large");
  b->map = vm->bytes_map;
  b->length = (uint32_t)size;
  RxProgram *prog = (RxProgram *)b->b;
  prog->flags = flags;
  prog->ncaps = t->ncaps;
  prog->nregs = C->nregs;
  prog->code_len = (uint32_t)words;
  prog->data_off = C->len;
  prog->lin_pc = C->lin_start;
  prog->lin_len = C->lin_start ? C->len - C->lin_start : 0;
  prog->lin_threads = C->lin_threads;
  memcpy(prog->code, C->code, (size_t)C->len * sizeof *C->code);
  if (C->dlen) memcpy(prog->code + C->len, C->data, (size_t)C->dlen * sizeof *C->data);
  start_info(C, t->root, prog);
  return js_val(b);
}

// The names store (JSRegExpObject.names) of a tree with named groups.
// Names are interned: they become property keys of groups objects.
static JSValue name_store(JSVM *vm, const RxTree *t) {
  if (!t->has_names) return JS_UNDEFINED;
  JSArrayStore *st = js_new_store(vm, t->ncaps);
  for (uint32_t k = 0; k < t->ncaps; k++) {
    JSValue v = JS_UNDEFINED;
    if (t->names[k]) v = js_intern(vm, js_string_from_utf16(vm, t->names[k], t->name_len[k]));
    ORI_STORE_SLOT(st, &st->v[k], v);
  }
  st->used = t->ncaps;
  return js_val(st);
}

JSValue rx_compile(JSVM *vm, JSValue pattern, uint32_t flags, JSValue *names) {
  // Parsing and compiling recurse with the pattern's nesting.
  if (!js_check_stack(vm)) return JS_EXCEPTION;
  if (!validate(vm, pattern, flags)) return JS_EXCEPTION;
  JSString *flat = js_string_flat(vm, js_str(pattern));
  uint32_t len = flat->length;
  uint16_t *units = malloc(((size_t)len + 1) * sizeof *units);
  if (!units) abort();
  for (uint32_t i = 0; i < len; i++) units[i] = js_flat_char(flat, i);
  RxTree t;
  const char *err;
  bool ok = rx_parse(units, len, flags, &t, &err);
  free(units);
  if (!ok) return js_throw_syntax_error(vm, "Invalid regular expression: %s", err);
  Comp C;
  memset(&C, 0, sizeof C);
  C.u = (flags & (RX_FLAG_U | RX_FLAG_V)) != 0;
  C.tree = &t;
  simplify(&C, t.root);
  // The whole pattern, then MATCH, which records group 0.
  compile(&C, t.root, 0);
  emit(&C, RX_OP_MATCH);
  compile_linear(&C, t.root);
  JSValue prog = package(vm, &C, &t, flags);
  free(C.code);
  free(C.data);
  if (!js_is_exception(prog)) *names = name_store(vm, &t);
  rx_tree_free(&t);
  return prog;
}
