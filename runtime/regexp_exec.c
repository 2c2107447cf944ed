/*
 * runtime/regexp_exec.c — the RegExp matcher: a backtracking interpreter
 * of the bytecode of runtime/regexp.h, and the scan for the first
 * position where a match starts.
 *
 * Invariants:
 *  - No recursion: every choice point and every undo of a capture or
 *    register is a record on an explicit stack of 32-bit words. A record
 *    ends with its tag word (kind in the low 4 bits, an index above), so
 *    the stack is popped from the top. Past RX_STACK_LIMIT words the
 *    match fails with RangeError "Maximum call stack size exceeded".
 *  - Captures and registers change only through set_cap/set_reg, which
 *    log the old value, so backtracking restores exactly the state the
 *    spec's continuation-passing matchers would see.
 *  - A lookaround pushes a LOOK marker. When its body matches, the
 *    choice points above the marker are discarded (a lookaround is
 *    atomic) but the undo records stay, so backtracking past it still
 *    restores what the body captured.
 *  - The subject string is flat and not moved while matching: nothing
 *    here allocates on the JS heap.
 */
#include <stdlib.h>
#include <string.h>

#include "runtime/regexp.h"

/* The backtracking stack's limit in words (128 MB). */
#define RX_STACK_LIMIT (32u << 20)

/* Backtracking records, by the kind in their tag word (words below it):
 *   T_CHOICE [pos]            resume at pc (the tag's index) at pos
 *   T_CAP    [old]            restore caps[index] (an undo)
 *   T_REG    [old]            restore regs[index] (an undo)
 *   T_STAR   [a][pos]         the STAR at pc index can give back (greedy:
 *                             a = the lowest position) or take more (lazy:
 *                             a = the count so far)
 *   T_LOOK   [pos]            the lookaround at pc index started at pos */
enum { T_CHOICE, T_CAP, T_REG, T_STAR, T_LOOK };
static const uint8_t record_words[] = {2, 2, 2, 3, 2};

/* One rx_exec call's state: the subject, the program, the group and
 * register arrays, and the backtracking stack (a buffer on the C stack
 * first, moved to malloc'd memory when it outgrows it). */
typedef struct Ctx {
  const uint8_t *c8;     /* the subject: one of these */
  const uint16_t *c16;
  uint32_t len;
  bool u;                /* characters are code points */
  const uint32_t *code, *data;
  int32_t *caps;
  uint32_t ncaps;
  int32_t *regs;
  uint32_t *stack;
  uint32_t sp, cap;
  bool heap_stack;       /* stack is malloc'd (else the caller's buffer) */
  bool overflow;
  uint32_t star_end;     /* where the STAR at pc 0 stopped taking */
  uint64_t steps;        /* failures so far (backtracks) and characters
                            taken by STARs, all starts */
  uint64_t budget;       /* past this many, run gives up (RUN_GAVE_UP) */
} Ctx;

/* What run returns when its budget of backtracks is spent. */
#define RUN_GAVE_UP (-2)

/* {==== Characters ====} */

// Code unit i of the subject, whichever width it is stored in.
static inline uint32_t unit(const Ctx *x, uint32_t i) {
  return x->c8 ? x->c8[i] : x->c16[i];
}

static inline bool is_lead(uint32_t c) { return (c & 0xFC00) == 0xD800; }
static inline bool is_trail(uint32_t c) { return (c & 0xFC00) == 0xDC00; }

// The character at p (p < len) and its width in units.
static inline uint32_t char_at(const Ctx *x, uint32_t p, uint32_t *w) {
  uint32_t c = unit(x, p);
  *w = 1;
  if (x->u && is_lead(c) && p + 1 < x->len && is_trail(unit(x, p + 1))) {
    *w = 2;
    return 0x10000 + ((c - 0xD800) << 10) + (unit(x, p + 1) - 0xDC00);
  }
  return c;
}

// The character that ends at p (p > 0) and its width.
static inline uint32_t char_before(const Ctx *x, uint32_t p, uint32_t *w) {
  uint32_t c = unit(x, p - 1);
  *w = 1;
  if (x->u && is_trail(c) && p >= 2 && is_lead(unit(x, p - 2))) {
    *w = 2;
    return 0x10000 + ((unit(x, p - 2) - 0xD800) << 10) + (c - 0xDC00);
  }
  return c;
}

// LineTerminator: what . (without s), ^ and $ (with m) care about.
static inline bool is_line_terminator(uint32_t c) {
  return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029;
}

// IsWordChar: [A-Za-z0-9_], plus U+017F and U+212A when ext (with u/v
// and i, the characters that fold into that set, §22.2.2.9.4).
static inline bool is_word(uint32_t c, bool ext) {
  if (c < 128)
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  return ext && (c == 0x17F || c == 0x212A);
}

// Membership in class data: the bitmap below 256, else bisection.
static bool class_has(const uint32_t *d, uint32_t c) {
  if (c < 256) return (d[1 + c / 32] >> (c % 32)) & 1;
  uint32_t lo = 0, hi = d[0];
  const uint32_t *r = d + 9;
  while (lo < hi) {
    uint32_t mid = (lo + hi) / 2;
    if (r[2 * mid + 1] < c) lo = mid + 1;
    else hi = mid;
  }
  return lo < d[0] && r[2 * lo] <= c;
}

// Whether the one-character instruction at op accepts character c.
static inline bool char_matches(const Ctx *x, const uint32_t *op, uint32_t c) {
  switch (op[0] & 0xFF) {
    case RX_OP_CHAR: return c == op[1];
    case RX_OP_CHAR2: return c == op[1] || c == op[2];
    case RX_OP_CLASS: return class_has(x->data + op[1], c);
    case RX_OP_ANY: return !is_line_terminator(c);
    case RX_OP_ANYALL: return true;
    default: return false;  // not a one-character instruction
  }
}

// A one-character instruction at op against the character at (or,
// backwards, before) pos: the new position, or -1.
static int64_t match1(const Ctx *x, const uint32_t *op, uint32_t pos) {
  uint32_t c, width;
  if (op[0] & RX_BACK) {
    if (pos == 0) return -1;
    c = char_before(x, pos, &width);
  } else {
    if (pos >= x->len) return -1;
    c = char_at(x, pos, &width);
  }
  if (!char_matches(x, op, c)) return -1;
  return (op[0] & RX_BACK) ? (int64_t)pos - width : (int64_t)pos + width;
}

// The words of the instruction at op: the opcode table's operand count,
// except for the variable-length STR and BACKREF (count in op[1]) and
// STAR (followed by its one-character instruction).
static uint32_t op_words(const uint32_t *op) {
  static const uint8_t operands[] = {
#define RX_OP_SIZE(name, n) n,
      RX_OPCODES(RX_OP_SIZE)
#undef RX_OP_SIZE
  };
  uint32_t k = op[0] & 0xFF;
  if (k == RX_OP_STR || k == RX_OP_BACKREF) return 2 + op[1];
  if (k == RX_OP_STAR) return 3 + op_words(op + 3);
  return 1u + operands[k];
}

/* {==== The stack ====} */

// Room for n more words; false (overflow noted) past the limit. The
// stack doubles, so pushes stay amortized O(1).
static bool reserve(Ctx *x, uint32_t n) {
  if (x->sp + n <= x->cap) return true;
  if (x->sp + n > RX_STACK_LIMIT) {
    x->overflow = true;
    return false;
  }
  uint32_t cap = x->cap * 2;
  while (cap < x->sp + n) cap *= 2;
  if (cap > RX_STACK_LIMIT) cap = RX_STACK_LIMIT;
  uint32_t *s = x->heap_stack ? realloc(x->stack, (size_t)cap * sizeof *s)
                              : malloc((size_t)cap * sizeof *s);
  if (!s) {
    x->overflow = true;
    return false;
  }
  if (!x->heap_stack) memcpy(s, x->stack, (size_t)x->sp * sizeof *s);
  x->stack = s;
  x->cap = cap;
  x->heap_stack = true;
  return true;
}

// Push a two-word record: a, then the tag (kind | index << 4).
static inline bool push2(Ctx *x, uint32_t a, uint32_t kind, uint32_t index) {
  if (x->sp + 2 > x->cap && !reserve(x, 2)) return false;
  x->stack[x->sp++] = a;
  x->stack[x->sp++] = kind | index << 4;
  return true;
}

static inline bool push3(Ctx *x, uint32_t a, uint32_t b, uint32_t kind, uint32_t index) {
  if (x->sp + 3 > x->cap && !reserve(x, 3)) return false;
  x->stack[x->sp++] = a;
  x->stack[x->sp++] = b;
  x->stack[x->sp++] = kind | index << 4;
  return true;
}

// caps[slot] = v, logging the old value; nothing to log when it does
// not change (restoring it would be a no-op).
static inline bool set_cap(Ctx *x, uint32_t slot, int32_t v) {
  if (x->caps[slot] == v) return true;
  if (!push2(x, (uint32_t)x->caps[slot], T_CAP, slot)) return false;
  x->caps[slot] = v;
  return true;
}

// regs[r] = v, logged the same way.
static inline bool set_reg(Ctx *x, uint32_t r, int32_t v) {
  if (x->regs[r] == v) return true;
  if (!push2(x, (uint32_t)x->regs[r], T_REG, r)) return false;
  x->regs[r] = v;
  return true;
}

/* {==== Quantified single characters ====} */

// Up to limit repetitions of a one-character instruction forwards over
// code units (no u flag): the count taken, *p moved past them. The
// common classes get a tight loop of their own.
static uint32_t repeat_units(const Ctx *x, const uint32_t *op, uint32_t *p, uint32_t limit) {
  uint32_t i = *p, end = x->len - i < limit ? x->len : i + limit;
  switch (op[0] & 0xFF) {
    case RX_OP_CLASS: {
      const uint32_t *d = x->data + op[1];
      if (x->c8) {
        while (i < end && (d[1 + x->c8[i] / 32] >> (x->c8[i] % 32)) & 1) i++;
      } else {
        while (i < end && class_has(d, x->c16[i])) i++;
      }
      break;
    }
    case RX_OP_CHAR:
      while (i < end && unit(x, i) == op[1]) i++;
      break;
    case RX_OP_ANY:
      while (i < end && !is_line_terminator(unit(x, i))) i++;
      break;
    default:
      while (i < end && match1(x, op, i) >= 0) i++;
      break;
  }
  uint32_t n = i - *p;
  *p = i;
  return n;
}

// STAR at pc: take the minimum (lazy) or as many as allowed (greedy),
// leaving one record to give characters back or take more. -1: fail.
static int64_t star(Ctx *x, uint32_t pc, uint32_t pos) {
  const uint32_t *op = x->code + pc;
  uint32_t min = op[1], max = op[2], count = 0, p = pos, minpos = pos;
  bool greedy = (op[0] & RX_GREEDY) != 0;
  uint32_t limit = greedy ? max : min;
  // Fast path: . with s (and no u) covers a whole block of units.
  if ((op[3] & 0xFF) == RX_OP_ANYALL && !x->u) {
    uint32_t room = (op[3] & RX_BACK) ? pos : x->len - pos;
    count = room < limit ? room : limit;
    p = (op[3] & RX_BACK) ? pos - count : pos + count;
    if (count < min) return -1;
    minpos = (op[3] & RX_BACK) ? pos - min : pos + min;
  } else if (!x->u && !(op[3] & RX_BACK)) {
    // Code units forwards: every character is one unit wide.
    count = repeat_units(x, op + 3, &p, limit);
    if (count < min) return -1;
    minpos = pos + min;
  } else {
    while (count < limit) {
      int64_t np = match1(x, op + 3, p);
      if (np < 0) break;
      p = (uint32_t)np;
      if (++count == min) minpos = p;
    }
    if (count < min) return -1;
  }
  if (pc == 0) x->star_end = p;
  // The characters taken count against the budget as backtracks do: a
  // STAR retried again and again rescans its run each time.
  x->steps += count;
  if (greedy ? count > min : count < max) {
    if (!push3(x, greedy ? minpos : count, p, T_STAR, pc)) return -2;
  }
  return p;
}

// One character given back by a greedy STAR: the position before the
// last character taken (after it, backwards), never past minpos.
static uint32_t give_back(const Ctx *x, uint32_t p, uint32_t minpos, bool back) {
  if (!back) {
    if (x->u && p >= minpos + 2 && is_trail(unit(x, p - 1)) && is_lead(unit(x, p - 2)))
      return p - 2;
    return p - 1;
  }
  if (x->u && p + 2 <= minpos && is_lead(unit(x, p)) && is_trail(unit(x, p + 1))) return p + 2;
  return p + 1;
}

// Backtrack into a STAR record at the top of the stack: true with the
// position to resume at, false when it is exhausted (and popped).
static bool star_retry(Ctx *x, uint32_t pc, uint32_t *pos) {
  const uint32_t *op = x->code + pc;
  uint32_t *rec = x->stack + x->sp - 3;
  uint32_t p = rec[1];
  if (op[0] & RX_GREEDY) {
    uint32_t minpos = rec[0];
    const uint32_t *next = op + op_words(op);
    bool back = (op[0] & RX_BACK) != 0;
    // $ (without m) matches only at the end, which the STAR did not
    // reach: fewer characters cannot help.
    if (!back && (next[0] & (0xFF | RX_MULTI)) == RX_OP_EOL) {
      x->sp -= 3;
      return false;
    }
    // Skip positions where a literal that follows cannot match.
    bool lit = !x->u && !back && (next[0] & (0xFF | RX_BACK)) == RX_OP_CHAR;
    do {
      if (p == minpos) {
        x->sp -= 3;
        return false;
      }
      p = give_back(x, p, minpos, back);
    } while (lit && unit(x, p) != next[1] && p != minpos);
    if (lit && unit(x, p) != next[1]) {
      x->sp -= 3;
      return false;
    }
    if (p == minpos) x->sp -= 3;
    else rec[1] = p;
    *pos = p;
    return true;
  }
  // Lazy: take one more character, if allowed and possible.
  uint32_t count = rec[0];
  int64_t np = count < op[2] ? match1(x, op + 3, p) : -1;
  if (np < 0) {
    x->sp -= 3;
    return false;
  }
  if (++count >= op[2]) {
    x->sp -= 3;
  } else {
    rec[0] = count;
    rec[1] = (uint32_t)np;
  }
  *pos = (uint32_t)np;
  return true;
}

/* {==== Backtracking and lookarounds ====} */

// Pop records until one resumes matching: true with pc and pos set,
// false when the stack is empty (no match from this start). Undo
// records are applied on the way, newest first, which rebuilds the
// captures and registers as they were when the choice was made.
static bool backtrack(Ctx *x, uint32_t *pc, uint32_t *pos) {
  while (x->sp) {
    uint32_t tag = x->stack[x->sp - 1], idx = tag >> 4;
    switch (tag & 15) {
      case T_CHOICE:
        *pos = x->stack[x->sp - 2];
        *pc = idx;
        x->sp -= 2;
        return true;
      case T_CAP:
        x->caps[idx] = (int32_t)x->stack[x->sp - 2];
        x->sp -= 2;
        break;
      case T_REG:
        x->regs[idx] = (int32_t)x->stack[x->sp - 2];
        x->sp -= 2;
        break;
      case T_STAR:
        if (star_retry(x, idx, pos)) {
          *pc = idx + op_words(x->code + idx);
          return true;
        }
        break;
      case T_LOOK:
        // The body failed: a negative lookaround succeeds here.
        x->sp -= 2;
        if (x->code[idx] & RX_NEG) {
          *pos = x->stack[x->sp];
          *pc = x->code[idx + 1];
          return true;
        }
        break;
      default:
        return false;  // not a record kind: cannot happen
    }
  }
  return false;
}

// The word index just past the innermost LOOK marker (its record is the
// two words before it). Lookarounds nested in the body have been
// resolved (their markers removed) before the outer one ends.
static uint32_t find_look(const Ctx *x) {
  uint32_t i = x->sp;
  while (i && (x->stack[i - 1] & 15) != T_LOOK) i -= record_words[x->stack[i - 1] & 15];
  return i;
}

// LOOKEND: the body matched. A positive lookaround keeps the body's
// undo records but drops its choice points and the marker, then goes on
// from the saved position (true). A negative one fails (false): its
// body's effects are undone and the marker popped.
static bool look_end(Ctx *x, uint32_t *pc, uint32_t *pos) {
  uint32_t i = find_look(x), look_pc = x->stack[i - 1] >> 4, saved = x->stack[i - 2];
  if (x->code[look_pc] & RX_NEG) {
    while (x->sp > i) {
      uint32_t tag = x->stack[x->sp - 1];
      if ((tag & 15) == T_CAP) x->caps[tag >> 4] = (int32_t)x->stack[x->sp - 2];
      if ((tag & 15) == T_REG) x->regs[tag >> 4] = (int32_t)x->stack[x->sp - 2];
      x->sp -= record_words[tag & 15];
    }
    x->sp -= 2;
    return false;
  }
  // Copy the undo records above sp (newest first), then back down over
  // the marker in their original order.
  if (!reserve(x, x->sp - i)) return false;
  uint32_t top = x->sp, t = top;
  for (uint32_t j = top; j > i;) {
    uint32_t tag = x->stack[j - 1], n = record_words[tag & 15];
    if ((tag & 15) == T_CAP || (tag & 15) == T_REG) {
      x->stack[t++] = x->stack[j - 2];
      x->stack[t++] = tag;
    }
    j -= n;
  }
  uint32_t d = i - 2;
  for (uint32_t k = t; k > top; k -= 2) {
    x->stack[d++] = x->stack[k - 2];
    x->stack[d++] = x->stack[k - 1];
  }
  x->sp = d;
  *pos = saved;
  *pc += 1;
  return true;
}

/* {==== Backreferences ====} */

// Compare the capture st..en with the subject at p (or ending at p,
// backwards) without case, character by character as Canonicalize
// sees them (code points with u): the end position or -1.
static int64_t backref_icase(const Ctx *x, uint32_t st, uint32_t en, uint32_t p, bool back) {
  uint32_t wa, wb;
  if (!back) {
    for (uint32_t i = st; i < en; i += wa, p += wb) {
      if (p >= x->len) return -1;
      uint32_t a = char_at(x, i, &wa), b = char_at(x, p, &wb);
      if (a != b && rx_canon(a, x->u) != rx_canon(b, x->u)) return -1;
    }
    return p;
  }
  for (uint32_t i = en; i > st; i -= wa, p -= wb) {
    if (p == 0) return -1;
    uint32_t a = char_before(x, i, &wa), b = char_before(x, p, &wb);
    if (a != b && rx_canon(a, x->u) != rx_canon(b, x->u)) return -1;
  }
  return p;
}

// BACKREF at op: the new position, or -1.
static int64_t backref(const Ctx *x, const uint32_t *op, uint32_t pos) {
  int32_t st = -1, en = -1;
  // Of several groups of one name at most one has participated.
  for (uint32_t i = 0; i < op[1] && st < 0; i++) {
    uint32_t g = op[2 + i];
    if (x->caps[2 * g] >= 0 && x->caps[2 * g + 1] >= 0) {
      st = x->caps[2 * g];
      en = x->caps[2 * g + 1];
    }
  }
  if (st < 0) return pos;  // an undefined group matches empty
  bool back = (op[0] & RX_BACK) != 0;
  if (op[0] & RX_ICASE) return backref_icase(x, (uint32_t)st, (uint32_t)en, pos, back);
  uint32_t n = (uint32_t)(en - st);
  if (back ? pos < n : (uint64_t)pos + n > x->len) return -1;
  uint32_t from = back ? pos - n : pos;
  for (uint32_t i = 0; i < n; i++)
    if (unit(x, (uint32_t)st + i) != unit(x, from + i)) return -1;
  // With code points, the match must not end (or start) inside a pair.
  uint32_t a = back ? from : from + n;
  if (x->u && a > 0 && a < x->len && is_trail(unit(x, a)) && is_lead(unit(x, a - 1))) return -1;
  return back ? from : from + n;
}

/* {==== The interpreter ====} */

// LOOP at pc: enter the body or leave, pushing the alternative. Below
// the minimum the body is the only way; at the maximum leaving is; in
// between, greedy tries the body first and lazy the continuation.
static bool loop_head(Ctx *x, uint32_t *pc, uint32_t pos) {
  const uint32_t *op = x->code + *pc;
  uint32_t cnt = op[1] == RX_NONE ? 0 : (uint32_t)x->regs[op[1]];
  uint32_t min = op[2], max = op[3], exit = op[4], body = *pc + 5;
  if (cnt >= max) {
    *pc = exit;
  } else if (cnt < min) {
    *pc = body;
  } else if (op[0] & RX_GREEDY) {
    // Another iteration first; leaving is the fallback.
    if (!push2(x, pos, T_CHOICE, exit)) return false;
    *pc = body;
  } else {
    if (!push2(x, pos, T_CHOICE, body)) return false;
    *pc = exit;
  }
  return true;
}

// LOOPEND at pc: refuse an empty iteration once the minimum is met
// (RepeatMatcher's step 2.b), else count it and go round. -1: fail.
static int loop_tail(Ctx *x, uint32_t *pc, uint32_t pos) {
  const uint32_t *op = x->code + *pc;
  uint32_t cnt = op[1] == RX_NONE ? 0 : (uint32_t)x->regs[op[1]];
  if (op[2] != RX_NONE && (int32_t)pos == x->regs[op[2]] && cnt >= op[3]) return -1;
  if (op[1] != RX_NONE && !set_reg(x, op[1], (int32_t)(cnt + 1))) return 0;
  *pc = op[4];
  return 1;
}

// ^, $ and \b / \B at pos. They look at units only: no line terminator
// or word character is a surrogate.
static bool assertion(const Ctx *x, uint32_t w, uint32_t pos) {
  bool multi = (w & RX_MULTI) != 0;
  switch (w & 0xFF) {
    case RX_OP_BOL: return pos == 0 || (multi && is_line_terminator(unit(x, pos - 1)));
    case RX_OP_EOL: return pos == x->len || (multi && is_line_terminator(unit(x, pos)));
    default: {
      bool ext = (w & RX_EXTWORD) != 0;
      bool a = pos > 0 && is_word(unit(x, pos - 1), ext);
      bool b = pos < x->len && is_word(unit(x, pos), ext);
      return (a != b) != ((w & RX_NEG) != 0);
    }
  }
}

// STR at op against the subject at pos (forward or backward). Its units
// are never surrogates under u, so unit equality is character equality.
static int64_t match_str(const Ctx *x, const uint32_t *op, uint32_t pos) {
  uint32_t n = op[1];
  if (op[0] & RX_BACK) {
    if (pos < n) return -1;
    pos -= n;
  } else if ((uint64_t)pos + n > x->len) {
    return -1;
  }
  for (uint32_t i = 0; i < n; i++)
    if (unit(x, pos + i) != op[2 + i]) return -1;
  return (op[0] & RX_BACK) ? pos : pos + n;
}

// The instructions that read the input without touching the stack:
// the new position, or -1 when they do not match here.
static int64_t step_input(const Ctx *x, const uint32_t *op, uint32_t pos) {
  uint32_t w = op[0];
  switch (w & 0xFF) {
    case RX_OP_CHAR:
      // The common cases inline: one code unit, forwards.
      if (!(w & RX_BACK) && !x->u)
        return pos < x->len && unit(x, pos) == op[1] ? (int64_t)pos + 1 : -1;
      return match1(x, op, pos);
    case RX_OP_CLASS:
      if (!(w & RX_BACK) && !x->u)
        return pos < x->len && class_has(x->data + op[1], unit(x, pos)) ? (int64_t)pos + 1 : -1;
      return match1(x, op, pos);
    case RX_OP_CHAR2: case RX_OP_ANY: case RX_OP_ANYALL: return match1(x, op, pos);
    case RX_OP_STR: return match_str(x, op, pos);
    case RX_OP_BACKREF: return backref(x, op, pos);
    default: return assertion(x, w, pos) ? (int64_t)pos : -1;  // BOL, EOL, WORDB
  }
}

// The instructions that only write captures and registers; false when
// the stack overflowed.
static bool step_state(Ctx *x, const uint32_t *op, uint32_t pos) {
  switch (op[0] & 0xFF) {
    case RX_OP_SAVE: return set_cap(x, op[1], (int32_t)pos);
    case RX_OP_RESET:
      for (uint32_t s = op[1]; s < op[2]; s++)
        if (!set_cap(x, s, -1)) return false;
      return true;
    case RX_OP_SETREG: return set_reg(x, op[1], (int32_t)op[2]);
    default: return set_reg(x, op[1], (int32_t)pos);  // POSREG
  }
}

// One attempt at a match starting at start: 1, 0, -1 on overflow, or
// RUN_GAVE_UP once the budget of backtracks (over all starts) is spent.
static int run(Ctx *x, uint32_t start) {
  const uint32_t *code = x->code;
  uint32_t pc = 0, pos = start;
  int64_t np;
  x->sp = 0;
  // Every group -1 (all bits set): one memset.
  memset(x->caps, 0xFF, 2 * x->ncaps * sizeof *x->caps);
  for (;;) {
    switch (code[pc] & 0xFF) {
      case RX_OP_MATCH:
        x->caps[0] = (int32_t)start;
        x->caps[1] = (int32_t)pos;
        return 1;
      case RX_OP_CHAR: case RX_OP_CHAR2: case RX_OP_STR: case RX_OP_CLASS: case RX_OP_ANY:
      case RX_OP_ANYALL: case RX_OP_BOL: case RX_OP_EOL: case RX_OP_WORDB: case RX_OP_BACKREF:
        if ((np = step_input(x, code + pc, pos)) < 0) goto fail;
        pos = (uint32_t)np;
        pc += op_words(code + pc);
        continue;
      case RX_OP_SAVE: case RX_OP_RESET: case RX_OP_SETREG: case RX_OP_POSREG:
        if (!step_state(x, code + pc, pos)) return -1;
        pc += op_words(code + pc);
        continue;
      case RX_OP_JMP:
        pc = code[pc + 1];
        continue;
      case RX_OP_SPLIT:
        if (!push2(x, pos, T_CHOICE, code[pc + 1])) return -1;
        pc += 2;
        continue;
      case RX_OP_LOOP:
        if (!loop_head(x, &pc, pos)) return -1;
        continue;
      case RX_OP_LOOPEND: {
        int r = loop_tail(x, &pc, pos);
        if (r == 0) return -1;
        if (r < 0) goto fail;
        continue;
      }
      case RX_OP_STAR:
        if ((np = star(x, pc, pos)) == -2) return -1;
        if (np < 0) goto fail;
        pos = (uint32_t)np;
        pc += op_words(code + pc);
        continue;
      case RX_OP_LOOK:
        if (!push2(x, pos, T_LOOK, pc)) return -1;
        pc += 2;
        continue;
      case RX_OP_LOOKEND:
        if (look_end(x, &pc, &pos)) continue;
        if (x->overflow) return -1;
        goto fail;
      default:
        return 0;  // not an opcode: cannot happen
    }
  fail:
    if (++x->steps > x->budget) return RUN_GAVE_UP;
    if (!backtrack(x, &pc, &pos)) return 0;
  }
}

/* {==== The scan ====} */

// The next position at or after i where a match may start (len + 1 when
// none): the program's first-character hints. A single literal scans
// with memchr over one-byte strings.
static uint32_t next_start(const Ctx *x, const RxProgram *prog, uint32_t i) {
  if (prog->info & RX_INFO_FIRST_CHAR) {
    uint32_t c = prog->first_char;
    if (x->c8) {
      if (c > 255) return x->len + 1;
      const uint8_t *hit = memchr(x->c8 + i, (int)c, x->len - i);
      return hit ? (uint32_t)(hit - x->c8) : x->len + 1;
    }
    for (; i < x->len; i++)
      if (x->c16[i] == c) return i;
    return x->len + 1;
  }
  if (prog->info & RX_INFO_FIRST_SET) {
    for (; i < x->len; i++) {
      uint32_t c = unit(x, i);
      if (c < 256 ? (prog->first_map[c / 32] >> (c % 32)) & 1 : prog->first_high) return i;
    }
    return x->len + 1;
  }
  return i;
}

// next_start, but never inside a surrogate pair that the scan stepped
// over (with code points, a start there would split a character).
static inline uint32_t scan_start(const Ctx *x, const RxProgram *prog, uint32_t from) {
  uint32_t i = next_start(x, prog, from);
  while (x->u && i > from && i < x->len && is_trail(unit(x, i)) && is_lead(unit(x, i - 1)))
    i = next_start(x, prog, i + 1);
  return i;
}

// The width of the character at i (i < len): where the scan goes next.
static uint32_t width_at(const Ctx *x, uint32_t i) {
  return (x->u && is_lead(unit(x, i)) && i + 1 < x->len && is_trail(unit(x, i + 1))) ? 2 : 1;
}

/* {==== The linear matcher ====} */

/* The threads at one position, in priority order: each one's
 * instruction (a one-character instruction or MATCH of the linear code)
 * and its groups, 2 * ncaps words each. */
typedef struct LinList {
  uint32_t *pc;
  int32_t *caps;
  uint32_t n;
} LinList;

/* The linear matcher's state besides the Ctx, whose caps array holds the
 * groups of the thread being followed and whose stack is the closure's
 * (choice records and group undo records, as the backtracker's). */
typedef struct Lin {
  Ctx *x;
  const RxProgram *prog;
  uint32_t *seen;     /* per (instruction, empty bit): the stamp of the
                         last position whose closure reached it */
  uint32_t stamp;
  LinList list[2];
} Lin;

// Append a thread at pc, with the working groups, to list. Each
// instruction gets one thread per position, so lin_threads is room.
static void lin_add(Lin *L, LinList *list, uint32_t pc) {
  uint32_t n2 = 2 * L->x->ncaps;
  list->pc[list->n] = pc;
  memcpy(list->caps + (size_t)list->n * n2, L->x->caps, n2 * sizeof *list->caps);
  list->n++;
}

// Undo group changes back to the newest choice above base: true with its
// instruction and empty bit, false when there is none left.
static bool lin_pop(Ctx *x, uint32_t base, uint32_t *pc, uint32_t *bit) {
  while (x->sp > base) {
    uint32_t tag = x->stack[x->sp - 1], a = x->stack[x->sp - 2];
    x->sp -= 2;
    if ((tag & 15) == T_CHOICE) {
      *pc = tag >> 4;
      *bit = a;
      return true;
    }
    x->caps[tag >> 4] = (int32_t)a;  // T_CAP: the only other kind here
  }
  return false;
}

// Follow a thread from pc at pos through everything that reads no
// input (SPLIT, JMP, group saves, assertions), depth first in priority
// order (a SPLIT's next instruction before its target, as the
// backtracker tries them), and add a thread to list at every one-
// character instruction or MATCH reached, with the groups as they are
// there. bit: nothing consumed since the innermost LBEGIN. A state
// (instruction, bit) that this position's closures already reached is
// not entered again: the thread that got there first has priority and
// the same future. At a character instruction or MATCH the bit is moot
// (consuming clears it), so those take one thread whatever it is. The
// working groups end as they started. false: the stack overflowed.
static bool lin_closure(Lin *L, LinList *list, uint32_t pc, uint32_t pos) {
  Ctx *x = L->x;
  const uint32_t *code = x->code;
  uint32_t bit = 0, base = x->sp;
  for (;;) {
    uint32_t op = code[pc] & 0xFF;
    bool reads = op == RX_OP_MATCH || op == RX_OP_CHAR || op == RX_OP_CHAR2 ||
                 op == RX_OP_CLASS || op == RX_OP_ANY || op == RX_OP_ANYALL;
    uint32_t *seen = &L->seen[2 * (pc - L->prog->lin_pc) + (reads ? 0 : bit)];
    if (*seen == L->stamp) goto next;
    *seen = L->stamp;
    if (reads) {
      lin_add(L, list, pc);
      // MATCH: the thread's match ends here.
      if (op == RX_OP_MATCH) list->caps[(size_t)(list->n - 1) * 2 * x->ncaps + 1] = (int32_t)pos;
      goto next;
    }
    switch (op) {
      case RX_OP_BOL: case RX_OP_EOL: case RX_OP_WORDB:
        if (!assertion(x, code[pc], pos)) goto next;
        pc++;
        continue;
      case RX_OP_JMP: pc = code[pc + 1]; continue;
      case RX_OP_SPLIT:
        if (!push2(x, bit, T_CHOICE, code[pc + 1])) return false;
        pc += 2;
        continue;
      // SAVE and RESET as step_state does them (not shared, so that the
      // backtracker's copy stays inlined in run).
      case RX_OP_SAVE:
        if (!set_cap(x, code[pc + 1], (int32_t)pos)) return false;
        pc += 2;
        continue;
      case RX_OP_RESET:
        for (uint32_t s = code[pc + 1]; s < code[pc + 2]; s++)
          if (!set_cap(x, s, -1)) return false;
        pc += 3;
        continue;
      case RX_OP_LBEGIN: bit = 1; pc++; continue;
      case RX_OP_LEND:
        // An optional iteration that matched empty is refused.
        if (bit) goto next;
        pc++;
        continue;
      default: goto next;  // not an instruction of linear code
    }
  next:
    if (!lin_pop(x, base, &pc, &bit)) return true;
  }
}

// A new thread at pos: every group undefined, a match starting here.
static bool lin_start(Lin *L, LinList *list, uint32_t pos) {
  for (uint32_t i = 0; i < 2 * L->x->ncaps; i++) L->x->caps[i] = -1;
  L->x->caps[0] = (int32_t)pos;
  return lin_closure(L, list, L->prog->lin_pc, pos);
}

// Step the threads of cur over the character at pos into next (whose
// closures are at the position after it). A MATCH thread met on the way
// is the best match so far: its groups go to out, and the threads after
// it, of lower priority, are dropped. 1 after a MATCH, 0 without, -1 on
// overflow. At the end of the input only MATCH threads count.
static int lin_step(Lin *L, LinList *cur, LinList *next, uint32_t pos, int32_t *out) {
  Ctx *x = L->x;
  uint32_t n2 = 2 * x->ncaps, w = 0, c = pos < x->len ? char_at(x, pos, &w) : 0;
  for (uint32_t i = 0; i < cur->n; i++) {
    const uint32_t *op = x->code + cur->pc[i];
    const int32_t *caps = cur->caps + (size_t)i * n2;
    if ((op[0] & 0xFF) == RX_OP_MATCH) {
      memcpy(out, caps, n2 * sizeof *out);
      return 1;
    }
    if (pos >= x->len || !char_matches(x, op, c)) continue;
    memcpy(x->caps, caps, n2 * sizeof *caps);
    if (!lin_closure(L, next, cur->pc[i] + op_words(op), pos + w)) return -1;
  }
  return 0;
}

// Whether a match may start at i by the first-character hints (O(1),
// unlike next_start, which scans ahead).
static bool may_start_at(const Ctx *x, const RxProgram *prog, uint32_t i) {
  if (!(prog->info & (RX_INFO_FIRST_CHAR | RX_INFO_FIRST_SET))) return true;
  if (i >= x->len) return false;
  uint32_t c = unit(x, i);
  if (prog->info & RX_INFO_FIRST_CHAR) return c == prog->first_char;
  return c < 256 ? (prog->first_map[c / 32] >> (c % 32)) & 1 : prog->first_high;
}

// The search of rx_exec by the linear code, from start on (a start the
// scan accepted): all threads advance together one character at a
// time, a new thread joining at each position (after the others: a
// match starting earlier wins) until some thread has matched. Time is
// O(input length x code size). 1 with out filled, 0, or -1 on overflow.
static int lin_search(Lin *L, uint32_t start, bool more, int32_t *out) {
  Ctx *x = L->x;
  LinList *cur = &L->list[0], *next = &L->list[1];
  uint32_t pos = start;
  int found = 0;
  cur->n = 0;
  L->stamp = 1;
  if (!lin_start(L, cur, pos)) return -1;
  for (;;) {
    if (cur->n == 0) {
      // Nothing alive: on to the next position where a match may start.
      if (found || !more || pos >= x->len) break;
      pos = scan_start(x, L->prog, pos + width_at(x, pos));
      if (pos > x->len) break;
      L->stamp++;
      if (!lin_start(L, cur, pos)) return -1;
      continue;
    }
    L->stamp++;
    next->n = 0;
    int r = lin_step(L, cur, next, pos, out);
    if (r < 0) return -1;
    found |= r;
    if (pos >= x->len) break;
    pos += width_at(x, pos);
    if (!found && more && may_start_at(x, L->prog, pos) && !lin_start(L, next, pos)) return -1;
    LinList *t = cur;
    cur = next;
    next = t;
  }
  return found;
}

// The linear matcher over prog's linear code (lin_pc != 0) from start:
// its memory, then lin_search. Same results as rx_exec's scan with run.
static int lin_exec(Ctx *x, const RxProgram *prog, uint32_t start, bool sticky, int32_t *out) {
  if (start > x->len) return 0;
  Lin L = {.x = x, .prog = prog};
  size_t n2 = 2 * (size_t)x->ncaps, nt = prog->lin_threads;
  L.seen = calloc(2 * (size_t)prog->lin_len, sizeof *L.seen);
  uint32_t *pcs = malloc(2 * nt * sizeof *pcs);
  // The two lists' groups, then the working groups (x->caps is out,
  // which must keep the best match while threads move on).
  int32_t *caps = malloc((2 * nt + 1) * n2 * sizeof *caps);
  if (!L.seen || !pcs || !caps) abort();
  x->caps = caps + 2 * nt * n2;
  for (int k = 0; k < 2; k++) {
    L.list[k].pc = pcs + k * nt;
    L.list[k].caps = caps + k * nt * n2;
  }
  x->sp = 0;
  bool more = !sticky && !(prog->info & RX_INFO_ANCHORED);
  int r = lin_search(&L, start, more, out);
  x->caps = out;
  free(L.seen);
  free(pcs);
  free(caps);
  return r;
}

/* {==== Entry ====} */

/* The budget's floor, and the words of linear code per input unit that
 * allow one backtrack. The budget is meant to take about as long to
 * spend as the linear matcher takes (ski rental): a search that falls
 * back then ends within a small multiple of the linear time, and one
 * that does not fall back never backtracked much past that. Measured
 * on /(a+)+b/ over 10^5 a's: about 20 ns a backtrack, 70 ns a character
 * for the linear matcher over its 20 words of code. */
#define RX_BUDGET_BASE 10000u
#define RX_BUDGET_WORDS 4u

// The backtracks run may make (over all starts) before the linear
// matcher takes over: no limit without linear code (the backtracker
// must finish whatever it costs), the command line's number when given,
// else a multiple of what the linear matcher costs at worst (input
// length x code size): a search that needs more is going badly, as the
// exponential /(a+)+b/ does.
static uint64_t budget(const JSVM *vm, const RxProgram *prog, uint32_t len) {
  if (!prog->lin_pc) return UINT64_MAX;
  if (vm->regexp_fallback_set) return vm->regexp_backtracks_before_fallback;
  return RX_BUDGET_BASE + (uint64_t)(len + 1) * prog->lin_len / RX_BUDGET_WORDS;
}

// The backtracker's scan: RegExpBuiltinExec's loop over lastIndex
// (§22.2.7.2 step 13), trying each start in turn (by code points with
// u) until a match; the linear matcher goes on from the start where the
// budget ran out (every earlier start has failed for good).
static int scan(Ctx *x, const RxProgram *prog, uint32_t start, bool sticky, int32_t *caps) {
  bool anchored = (prog->info & RX_INFO_ANCHORED) != 0;
  int r = 0;
  for (uint32_t i = start; i <= x->len;) {
    if (!sticky && !anchored && (i = scan_start(x, prog, i)) > x->len) break;
    x->star_end = i;
    r = run(x, i);
    if (r == RUN_GAVE_UP) return lin_exec(x, prog, i, sticky, caps);
    // A match, an error, or nowhere else to try.
    if (r || sticky || anchored || i >= x->len) break;
    // Starts inside the leading STAR's run would fail the same way.
    if ((prog->info & RX_INFO_LEADING_STAR) && x->star_end > i) i = x->star_end;
    if (i >= x->len) break;
    i += width_at(x, i);
  }
  return r;
}

int rx_exec(JSVM *vm, const RxProgram *prog, const JSString *s, uint32_t start,
            bool sticky, int32_t *caps) {
  uint32_t local_stack[512];
  int32_t local_regs[64];
  Ctx x;
  memset(&x, 0, sizeof x);
  x.len = s->length;
  if (s->flags & JS_STR_TWO_BYTE) x.c16 = s->u.c16;
  else x.c8 = s->u.c8;
  x.u = (prog->flags & (RX_FLAG_U | RX_FLAG_V)) != 0;
  x.code = prog->code;
  x.data = prog->code + prog->data_off;
  x.caps = caps;
  x.ncaps = prog->ncaps;
  x.regs = prog->nregs <= 64 ? local_regs : calloc(prog->nregs, sizeof *x.regs);
  if (!x.regs) abort();
  memset(x.regs, 0, prog->nregs * sizeof *x.regs);
  // Most matches need few records: start on the C stack.
  x.stack = local_stack;
  x.cap = 512;
  x.budget = budget(vm, prog, x.len);
  // With code points, a start inside a pair means the pair (as V8 does).
  if (x.u && start > 0 && start < x.len && is_trail(unit(&x, start)) && is_lead(unit(&x, start - 1)))
    start--;
  // A leading ^ (without m) can only match at 0.
  if ((prog->info & RX_INFO_ANCHORED) && start > 0) start = x.len + 1;
  int r;
  if (x.budget) {
    r = scan(&x, prog, start, sticky, caps);
  } else {
    // A budget of 0: the linear matcher alone, from the first start.
    if (!sticky && !(prog->info & RX_INFO_ANCHORED) && start <= x.len) start = scan_start(&x, prog, start);
    r = lin_exec(&x, prog, start, sticky, caps);
  }
  if (r < 0) js_throw_range_error(vm, "Maximum call stack size exceeded");
  if (x.heap_stack) free(x.stack);
  if (x.regs != local_regs) free(x.regs);
  return r;
}
