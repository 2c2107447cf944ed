/*
 * runtime/regexp.h — the RegExp engine shared by its files: the pattern
 * parser (regexp_parse.c), character sets and Unicode data
 * (regexp_set.c, regexp_unicode.c), the compiler to bytecode
 * (regexp_compile.c), the backtracking matcher (regexp_exec.c) and the
 * builtins (builtins_regexp*.c). Only js_regexp_create is meant for the
 * rest of the VM (the interpreter's regular expression literals).
 *
 * Invariants:
 *  - A compiled pattern is an RxProgram inside a JSBytes cell: plain
 *    words, no heap pointers, so it never needs tracing or fixing up.
 *  - Positions are UTF-16 code unit indices into a flat string. Without
 *    the u or v flag a character is a code unit; with them, a code
 *    point (a well-formed surrogate pair counts as one character).
 *  - The matcher never recurses on the C stack: backtracking state lives
 *    on an explicit, bounded stack; overflowing it is the RangeError
 *    "Maximum call stack size exceeded", never a crash.
 *  - Patterns are validated by the parser's early-error check
 *    (parser/regexp_syntax.h) before compilation, so the compiler meets
 *    only valid syntax; it still refuses anything it does not expect.
 */
#ifndef JSVM_RUNTIME_REGEXP_H
#define JSVM_RUNTIME_REGEXP_H

#include "runtime/runtime.h"

/* {==== Flags ====} */

/* The flags, one bit each, in the order `flags` spells them. */
enum {
  RX_FLAG_D = 1,    /* hasIndices */
  RX_FLAG_G = 2,    /* global */
  RX_FLAG_I = 4,    /* ignoreCase */
  RX_FLAG_M = 8,    /* multiline */
  RX_FLAG_S = 16,   /* dotAll */
  RX_FLAG_U = 32,   /* unicode */
  RX_FLAG_V = 64,   /* unicodeSets */
  RX_FLAG_Y = 128,  /* sticky */
};
#define RX_FLAG_CHARS "dgimsuvy"

/* rx_parse_flags: the bits of a flags string, or -1 when a character is
 * not a flag, repeats, or u and v are both there. */
int rx_parse_flags(const JSString *flags);

/* {==== RegExp objects ====} */

/* A RegExp instance. lastIndex is an ordinary own data property (the
 * first in-object slot of every RegExp map); the rest are the spec's
 * internal slots. Before RegExpInitialize runs (a subclass prototype
 * getter may see the object), source is undefined. */
typedef struct JSRegExpObject {
  JSObject base;
  JSValue source;    /* [[OriginalSource]]: the pattern string */
  JSValue flags;     /* [[OriginalFlags]]: the flags string */
  JSValue program;   /* JSBytes holding the RxProgram */
  JSValue names;     /* JSArrayStore: the name of each group (string or
                        undefined) by group number, or undefined when the
                        pattern has no named group */
  uint32_t bits;     /* RX_FLAG_* of flags */
  uint32_t legacy;   /* made by %RegExp% itself (Annex B compile allowed) */
} JSRegExpObject;

static inline JSRegExpObject *js_regexp(JSValue v) {
  return (JSRegExpObject *)js_heap(v);
}
/* js_is_regexp_object: v has [[RegExpMatcher]] (an initialized RegExp). */
static inline bool js_is_regexp_object(JSValue v) {
  return js_is_type(v, JS_TYPE_RegExp) && js_is_heap(js_regexp(v)->program);
}

/* js_regexp_create: RegExpCreate(pattern, flags) (ECMA-262 §22.2.3.1):
 * a new %RegExp% instance, or JS_EXCEPTION (SyntaxError for a bad
 * pattern or flags, or what ToString threw). Regular expression literals
 * call it with the literal's pattern and flags strings. */
JSValue js_regexp_create(JSVM *vm, JSValue pattern, JSValue flags);

/* js_regexp_alloc: RegExpAlloc(newTarget), and js_regexp_initialize:
 * RegExpInitialize(obj, pattern, flags). Both JS_EXCEPTION on error. */
JSValue js_regexp_alloc(JSVM *vm, JSValue new_target);
JSValue js_regexp_initialize(JSVM *vm, JSValue obj, JSValue pattern, JSValue flags);

/* js_regexp_is_regexp: IsRegExp(v): 1, 0, or -1 on exception. */
int js_regexp_is_regexp(JSVM *vm, JSValue v);
/* One match of js_regexp_match: the group boundaries (caps[2k], caps[2k+1],
 * -1 when group k did not participate) and what the RegExp was when it
 * matched (compile() may change it afterwards). */
typedef struct RxMatch {
  int32_t *caps;
  uint32_t ncaps;
  uint32_t bits;         /* RX_FLAG_* */
  JSValue program, names;
  int32_t local[32];     /* caps' storage when small */
} RxMatch;
/* js_regexp_match: RegExpBuiltinExec(r, s) but for building the result
 * array (lastIndex read and written as the spec does): 1 with m filled, 0
 * for no match, -1 on exception. Call js_regexp_match_free after. */
int js_regexp_match(JSVM *vm, JSValue r, JSValue s, RxMatch *m);
void js_regexp_match_free(RxMatch *m);
/* js_regexp_match_array: the array RegExpBuiltinExec returns for m. */
JSValue js_regexp_match_array(JSVM *vm, JSValue s, const RxMatch *m);
/* js_regexp_groups: the groups object of a match (null prototype), or
 * undefined when the pattern has no named group. */
JSValue js_regexp_groups(JSVM *vm, JSValue s, const RxMatch *m);
/* js_regexp_pristine: r is a RegExp whose exec is unobservable: it has
 * no own property but lastIndex (still a writable data property), its
 * prototype is %RegExp.prototype%, and that object's exec is still the
 * builtin. Fast paths may then match directly instead of through
 * RegExpExec's result arrays. */
bool js_regexp_pristine(JSVM *vm, JSValue r);
/* js_regexp_all_matches: for a pristine (js_regexp_pristine) global
 * RegExp r, the loop @@match and @@replace run: exec from lastIndex 0
 * until it fails, stepping past empty matches; lastIndex ends 0. The
 * match count, with m->caps holding 2 * m->ncaps words per match (free
 * with js_regexp_match_free), or -1 on exception. */
int64_t js_regexp_all_matches(JSVM *vm, JSValue r, JSValue s, RxMatch *m);
/* js_regexp_builtin_exec: RegExpBuiltinExec(r, s) for an initialized
 * RegExp r and a string s: the match array, null, or JS_EXCEPTION. */
JSValue js_regexp_builtin_exec(JSVM *vm, JSValue r, JSValue s);
/* js_regexp_exec: RegExpExec(r, s): r's own exec when callable (its
 * result checked to be an object or null), else the builtin one. */
JSValue js_regexp_exec(JSVM *vm, JSValue r, JSValue s);
/* js_regexp_advance: AdvanceStringIndex(s, index, unicode) for the flat
 * string s. */
double js_regexp_advance(const JSString *s, double index, bool unicode);
/* js_regexp_legacy_update: record a successful match of r on s for the
 * legacy static properties (RegExp.$1 and friends); a match by an object
 * that is not %RegExp%'s own makes them unavailable instead. */
void js_regexp_legacy_update(JSVM *vm, JSValue r, JSValue s, const int32_t *caps,
                             uint32_t ncaps);
/* js_init_regexp_symbols: the Symbol-keyed methods of RegExp.prototype,
 * %RegExpStringIteratorPrototype% and RegExp.escape
 * (builtins_regexp_symbol.c); called by js_init_regexp. */
void js_init_regexp_symbols(JSVM *vm, JSValue ctor, JSValue proto);

/* {==== The compiled program ====} */

/* Set in RxProgram.info: what the scan for a start position may use. */
enum {
  RX_INFO_ANCHORED = 1,     /* every match starts at 0 (leading ^, no m) */
  RX_INFO_FIRST_CHAR = 2,   /* every match starts with unit first_char */
  RX_INFO_FIRST_SET = 4,    /* every match starts with a unit in first_map
                               (units >= 256 only if first_high) */
  RX_INFO_LEADING_STAR = 8, /* the code starts with an unbounded greedy
                               STAR: a failed attempt at i also fails at
                               every start up to where that STAR stopped */
};

typedef struct RxProgram {
  uint32_t flags;       /* RX_FLAG_* */
  uint32_t ncaps;       /* capture groups, group 0 included */
  uint32_t nregs;       /* loop registers */
  uint32_t code_len;    /* words of code, class data included */
  uint32_t data_off;    /* where the class data starts in code[] */
  uint32_t info;        /* RX_INFO_* */
  uint32_t first_char;  /* RX_INFO_FIRST_CHAR */
  uint32_t first_high;  /* RX_INFO_FIRST_SET: some unit >= 256 may start */
  uint32_t first_map[8];/* RX_INFO_FIRST_SET: bitmap of units < 256 */
  uint32_t lin_pc;      /* where the linear matcher's code starts in code[]
                           (0: none, the backtracker is the only matcher) */
  uint32_t lin_len;     /* its words */
  uint32_t lin_threads; /* its character and MATCH instructions: the most
                           threads one position can hold */
  uint32_t code[];      /* the bytecode (regexp_compile.c documents it) */
} RxProgram;

/* The bytecode: each instruction is an opcode word (the opcode in the low
 * byte, RX_BACK set for the backward matching of lookbehinds, other
 * flag bits per opcode) followed by its operand words. Targets are word
 * offsets into code[]; CLASS operands are offsets into the class data
 * (code + data_off): [range count][bitmap of 0..255, 8 words][lo, hi...].
 * code[] holds the backtracker's code from 0, then (when lin_pc != 0)
 * the linear matcher's code from lin_pc: the same instructions without
 * lookarounds, backreferences, STR, STAR, registers or loops (every
 * quantifier unrolled into SPLITs and JMPs, optional iterations of a
 * body that can match empty inside LBEGIN/LEND), then the class data.
 * X(name, operand words). */
#define RX_OPCODES(X)                                                   \
  X(MATCH, 0)      /* success */                                        \
  X(CHAR, 1)       /* c: one character equal to c */                    \
  X(CHAR2, 2)      /* a b: one character equal to a or b */             \
  X(STR, 1)        /* n, then n code units: those units */              \
  X(CLASS, 1)      /* data offset: one character in the set */          \
  X(ANY, 0)        /* one character but a line terminator */            \
  X(ANYALL, 0)     /* one character */                                  \
  X(BOL, 0)        /* ^ (RX_MULTI: after a line terminator too) */      \
  X(EOL, 0)        /* $ (RX_MULTI: before a line terminator too) */     \
  X(WORDB, 0)      /* \b (RX_NEG: \B; RX_EXTWORD: u+i word set) */     \
  X(BACKREF, 1)    /* n, then n groups (RX_ICASE) */                    \
  X(JMP, 1)        /* target */                                         \
  X(SPLIT, 1)      /* target: try next, on failure target */           \
  X(SAVE, 1)       /* slot: caps[slot] = position */                    \
  X(RESET, 2)      /* lo hi: caps[lo..hi) = -1 */                       \
  X(SETREG, 2)     /* r v: regs[r] = v */                               \
  X(POSREG, 1)     /* r: regs[r] = position */                          \
  X(LOOP, 4)       /* cnt min max exit: loop head (RX_GREEDY) */        \
  X(LOOPEND, 4)    /* cnt pos min head: loop tail, empty check */       \
  X(STAR, 2)       /* min max, then a one-character op (RX_GREEDY) */   \
  X(LOOK, 1)       /* cont: lookaround start (RX_NEG) */                \
  X(LOOKEND, 0)    /* lookaround body matched */                        \
  X(LBEGIN, 0)     /* linear code: an optional iteration starts */      \
  X(LEND, 0)       /* linear code: it ends; refused if it was empty */

enum {
#define RX_OP_ENUM(name, n) RX_OP_##name,
  RX_OPCODES(RX_OP_ENUM)
#undef RX_OP_ENUM
  RX_OP_COUNT
};
/* Opcode word flag bits. */
enum {
  RX_BACK = 0x100,     /* match backwards (lookbehind bodies) */
  RX_GREEDY = 0x200,   /* LOOP, STAR */
  RX_NEG = 0x400,      /* LOOK, WORDB */
  RX_MULTI = 0x800,    /* BOL, EOL */
  RX_ICASE = 0x1000,   /* BACKREF */
  RX_EXTWORD = 0x2000, /* WORDB */
};
/* A register or capture operand meaning "none". */
#define RX_NONE 0xFFFFFFFFu

static inline const RxProgram *rx_program(JSValue bytes) {
  return (const RxProgram *)((JSBytes *)js_heap(bytes))->b;
}

/* rx_compile: compile pattern (a string) under flags into a JSBytes
 * holding its RxProgram; *names gets the group-name store (see
 * JSRegExpObject.names). JS_EXCEPTION (SyntaxError) when the pattern is
 * invalid, too large or nested too deeply. */
JSValue rx_compile(JSVM *vm, JSValue pattern, uint32_t flags, JSValue *names);

/* rx_exec: search s (flat) for a match starting at index start or later
 * (exactly at start when sticky). 1 with caps[0..2*ncaps) filled (start
 * and end of each group, -1 when it did not participate), 0 when there
 * is none, -1 with RangeError pending when the backtracking stack
 * overflowed. The backtracker runs first, on a budget of backtracks
 * (vm->regexp_backtracks_before_fallback when set, else proportional to
 * the input's length times the linear code's size); a program with
 * linear code then finishes the search with the linear matcher, which
 * gives the same result in time linear in the input (as V8 falls back
 * to its experimental engine). A budget of 0 goes straight to it. */
int rx_exec(JSVM *vm, const RxProgram *prog, const JSString *s, uint32_t start,
            bool sticky, int32_t *caps);

/* {==== The pattern tree (regexp_parse.c -> regexp_compile.c) ====} */

typedef enum RxKind {
  RXN_EMPTY,     /* matches the empty string */
  RXN_CHAR,      /* one character c (a code point with u/v) */
  RXN_SET,       /* one character of set (closed under case when i) */
  RXN_DOT,       /* . */
  RXN_BOL,       /* ^ */
  RXN_EOL,       /* $ */
  RXN_WORDB,     /* \b (RXN_NEG: \B) */
  RXN_BACKREF,   /* \N or \k<name>: ngroups group numbers in groups */
  RXN_GROUP,     /* (...) capturing group c, or c == 0: (?:...) */
  RXN_LOOK,      /* (?=) (?!) (?<=) (?<!) */
  RXN_REPEAT,    /* kid{c, max}; captures [cap_lo, cap_hi) inside */
  RXN_ALT,       /* kid | kid->next | ... */
  RXN_SEQ,       /* kid kid->next ... */
} RxKind;

/* Node flags: the i/m/s flags in force where the node was written (the
 * (?ims-ims:) modifiers change them per group), and per-kind bits. */
enum {
  RXN_ICASE = 1,
  RXN_MULTI = 2,
  RXN_DOTALL = 4,
  RXN_GREEDY = 8,   /* RXN_REPEAT */
  RXN_NEG = 16,     /* RXN_LOOK negative, RXN_WORDB \B */
  RXN_BEHIND = 32,  /* RXN_LOOK lookbehind */
};

#define RX_INFINITY UINT32_MAX

typedef struct RxNode {
  uint8_t kind;          /* RxKind */
  uint8_t flags;         /* RXN_* */
  uint32_t c;            /* CHAR: character; GROUP: group; REPEAT: min */
  uint32_t max;          /* REPEAT: max (RX_INFINITY) */
  uint32_t cap_lo, cap_hi;  /* REPEAT: groups inside (reset per iteration) */
  uint32_t ngroups;      /* BACKREF */
  uint32_t *groups;      /* BACKREF: candidate groups (duplicate names) */
  struct RxSet *set;     /* SET */
  struct RxNode *kid;    /* first child */
  struct RxNode *next;   /* next sibling */
} RxNode;

/* What the parser hands the compiler. Everything is owned by `arena`
 * and released by rx_tree_free. */
typedef struct RxTree {
  RxNode *root;
  uint32_t ncaps;        /* groups, group 0 included */
  bool has_names;
  /* names[k] (k < ncaps): group k's name as UTF-16 units (name_len[k]
   * of them), NULL for unnamed groups */
  uint16_t **names;
  uint32_t *name_len;
  void *arena;
} RxTree;

/* rx_parse: build the tree of a pattern already accepted by the early
 * error check (units: the pattern's UTF-16 code units). NULL with *err
 * set (a static message) when it is not accepted after all. */
bool rx_parse(const uint16_t *units, uint32_t len, uint32_t flags, RxTree *out,
              const char **err);
void rx_tree_free(RxTree *t);
/* rx_tree_set: a new empty set owned by the tree (freed with it). */
struct RxSet *rx_tree_set(RxTree *t);

/* {==== Character sets (regexp_set.c) ====} */

/* A set of code points as sorted, disjoint, non-adjacent inclusive
 * ranges r[2k]..r[2k+1]. Heap memory (malloc), freed by rx_set_free. */
typedef struct RxSet {
  uint32_t *r;
  uint32_t n;    /* ranges */
  uint32_t cap;  /* ranges allocated */
} RxSet;

#define RX_MAX_CP 0x10FFFFu

void rx_set_init(RxSet *s);
void rx_set_free(RxSet *s);
/* rx_set_add: add lo..hi (any order of calls; kept normalized). */
void rx_set_add(RxSet *s, uint32_t lo, uint32_t hi);
void rx_set_add_set(RxSet *s, const RxSet *t);      /* s |= t */
void rx_set_intersect(RxSet *s, const RxSet *t);    /* s &= t */
void rx_set_subtract(RxSet *s, const RxSet *t);     /* s -= t */
/* rx_set_invert: s = 0..max minus s. */
void rx_set_invert(RxSet *s, uint32_t max);
bool rx_set_has(const RxSet *s, uint32_t c);
void rx_set_copy(RxSet *dst, const RxSet *src);
/* rx_set_size: the number of code points (saturating at UINT32_MAX). */
uint32_t rx_set_size(const RxSet *s);

/* {==== Unicode data (regexp_unicode.c) ====} */

/* rx_canon: Canonicalize(ch) (§22.2.2.7.3): simple case folding when
 * unicode, else the toUppercase rule over code units. */
uint32_t rx_canon(uint32_t c, bool unicode);
/* rx_set_close_case: add to s every character whose Canonicalize equals
 * that of a member (a class matched under the i flag). */
void rx_set_close_case(RxSet *s, bool unicode);
/* rx_set_canonicalize: replace every member by its simple case folding
 * (the v flag's MaybeSimpleCaseFolding). */
void rx_set_canonicalize(RxSet *s);
/* rx_set_fold_universe: the characters that are their own simple case
 * folding (AllCharacters under the v and i flags). */
void rx_set_fold_universe(RxSet *s);
/* rx_case_orbit: the characters whose Canonicalize equals c's (c
 * included) into out[0..max); returns how many (<= max). */
int rx_case_orbit(uint32_t c, bool unicode, uint32_t *out, int max);

/* rx_property: add the code points of \p{name} / \p{name=value} to s.
 * name is the text between the braces (ASCII). 1 when found, 0 when not
 * a property of code points. */
int rx_property(const char *text, size_t len, RxSet *s);

/* A property of strings (v flag): its single code points and its longer
 * strings, each string as a length followed by its code points. */
typedef struct RxStrings {
  uint32_t *words;
  uint32_t nwords, cap;
} RxStrings;
/* rx_string_property: \p{name} for a property of strings: singles added
 * to s, longer strings appended to out. 1 when found, else 0. */
int rx_string_property(const char *text, size_t len, RxSet *s, RxStrings *out);

#endif
