/*
 * ignition/code.h — a compiled function: bytecode, constant pool,
 * handler table, source positions, feedback layout, and the script it
 * came from. Shared by the generator (which makes it), the interpreter
 * (which runs it) and the printer.
 *
 * Invariants:
 *  - Registers: operand r >= 0 is local register r (fp[r]); parameters
 *    are fp[-nparams .. -1] and `this` is fp[-nparams-1]. frame_size =
 *    nregs.
 *  - Handler ranges are [start, end) bytecode offsets, innermost first
 *    for overlapping ranges; the handler finds the exception in the
 *    accumulator and its saved context in register ctx_reg.
 *  - Positions are sorted by bytecode offset.
 */
#ifndef JSVM_IGNITION_CODE_H
#define JSVM_IGNITION_CODE_H

#include "ignition/bytecodes.h"
#include "parser/parser.h"
#include "parser/scope.h"
#include "runtime/runtime.h"

typedef struct IgnHandler {
  uint32_t start, end, handler;
  int32_t ctx_reg;
  bool is_catch;   /* a catch clause: a generator's return does not stop here */
} IgnHandler;

typedef struct IgnPosition {
  uint32_t offset;        /* bytecode offset */
  uint32_t source;        /* byte offset in the script */
  uint8_t statement;      /* S> (1) or E> (0) */
} IgnPosition;

/* The script a function belongs to: its AST stays alive so that inner
 * functions compile lazily on first call. */
typedef struct IgnScript {
  PrsAst *ast;
  char *source;           /* the UTF-8 text (owned) */
  size_t len;
  JSValue name;           /* file name string (registered root) */
  JSValue source_string;  /* for Function.prototype.toString (root) */
  uint32_t *line_starts;  /* byte offset of each line */
  uint32_t nlines;
} IgnScript;

typedef struct IgnCode {
  uint8_t *bytecode;
  uint32_t length;
  uint32_t nregs, nparams;
  bool strict;
  uint32_t nslots;        /* feedback slots */
  JSValue *constants;     /* registered as roots while alive */
  uint32_t nconstants;
  IgnHandler *handlers;
  uint32_t nhandlers;
  IgnPosition *positions;
  uint32_t npositions;
  uint8_t *slot_kinds;    /* IgnSlotKind of each feedback slot */
  IgnScript *script;
  PrsNode *node;          /* the function (or script) node */
  JSValue name;
  uint32_t invocations;   /* bumped on entry; the JIT reads it */
  void *feedback;         /* IgnIC[nslots] (interp.h), made on first run */
} IgnCode;

typedef enum IgnSlotKind {
  IGN_SLOT_LOAD,          /* named or keyed property load */
  IGN_SLOT_STORE,
  IGN_SLOT_GLOBAL,
  IGN_SLOT_BINARY,        /* operand kinds seen */
  IGN_SLOT_COMPARE,
  IGN_SLOT_CALL,          /* call target */
  IGN_SLOT_LITERAL,       /* a literal's boilerplate or a closure's cell */
  IGN_SLOT_LOOP,          /* back-edge counter */
} IgnSlotKind;

/* ign_position_of: the source line and column (1-based, columns in
 * UTF-16 units as V8 reports them) of a bytecode offset. */
void ign_position_of(const IgnCode *code, uint32_t offset, uint32_t *line,
                     uint32_t *col);
void ign_source_line_col(const IgnScript *s, uint32_t src_offset, uint32_t *line,
                         uint32_t *col);

#endif
