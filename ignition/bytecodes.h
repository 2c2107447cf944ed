/*
 * ignition/bytecodes.h — what is derived from bytecodes.def: the opcode
 * enum, operand kinds, accumulator use, names and operand layouts.
 *
 * Invariants: an instruction is [prefix] opcode operand*; all operands of
 * one instruction have the width its prefix gives (1, 2 or 4 bytes), and
 * signed kinds (REG, IMM) are sign-extended from that width.
 */
#ifndef JSVM_IGNITION_BYTECODES_H
#define JSVM_IGNITION_BYTECODES_H

#include <stdbool.h>
#include <stdint.h>

typedef enum IgnOpcode {
#define IGN_BYTECODE(name, acc, a, b, c, d) IGN_##name,
#include "ignition/bytecodes.def"
  IGN_OPCODE_COUNT
} IgnOpcode;

typedef enum IgnOperandKind {
  IGN_OPND_NONE,
  IGN_OPND_REG,
  IGN_OPND_REGS,
  IGN_OPND_COUNT,
  IGN_OPND_IMM,
  IGN_OPND_UIMM,
  IGN_OPND_IDX,
  IGN_OPND_SLOT,
  IGN_OPND_JUMP,
  IGN_OPND_FLAG,
  IGN_OPND_RT,
} IgnOperandKind;

typedef enum IgnAccUse {
  IGN_ACC_NONE,
  IGN_ACC_READ,
  IGN_ACC_WRITE,
  IGN_ACC_READWRITE,
} IgnAccUse;

typedef struct IgnOpcodeInfo {
  uint8_t operands[4];   /* IgnOperandKind, NONE-terminated */
  uint8_t count;         /* number of operands */
  uint8_t acc;           /* IgnAccUse */
} IgnOpcodeInfo;

extern const char *const ign_opcode_name[IGN_OPCODE_COUNT];
extern const IgnOpcodeInfo ign_opcode_info[IGN_OPCODE_COUNT];

/* Jumps are the contiguous range Jump .. ForInNext. */
static inline bool ign_is_jump(IgnOpcode op) {
  return op >= IGN_Jump && op <= IGN_ForInNext;
}
static inline bool ign_is_signed(IgnOperandKind k) {
  return k == IGN_OPND_REG || k == IGN_OPND_REGS || k == IGN_OPND_IMM;
}
/* ign_insn_size: bytes of an instruction at operand scale 1, 2 or 4,
 * including the prefix when the scale is above 1. */
static inline uint32_t ign_insn_size(IgnOpcode op, uint32_t scale) {
  return (scale > 1) + 1 + ign_opcode_info[op].count * scale;
}

#endif
