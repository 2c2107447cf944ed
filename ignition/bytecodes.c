/*
 * ignition/bytecodes.c — the tables derived from bytecodes.def.
 */
#include "ignition/bytecodes.h"

const char *const ign_opcode_name[IGN_OPCODE_COUNT] = {
#define IGN_BYTECODE(name, acc, a, b, c, d) #name,
#include "ignition/bytecodes.def"
};

// Count the operands of a row: the first NONE ends the list.
#define IGN_NOPS(a, b, c, d)                                  \
  ((IGN_OPND_##a != IGN_OPND_NONE) + (IGN_OPND_##b != IGN_OPND_NONE) + \
   (IGN_OPND_##c != IGN_OPND_NONE) + (IGN_OPND_##d != IGN_OPND_NONE))

const IgnOpcodeInfo ign_opcode_info[IGN_OPCODE_COUNT] = {
#define IGN_BYTECODE(name, acc, a, b, c, d)                                 \
  {{IGN_OPND_##a, IGN_OPND_##b, IGN_OPND_##c, IGN_OPND_##d},                \
   IGN_NOPS(a, b, c, d), IGN_ACC_##acc},
#include "ignition/bytecodes.def"
};
