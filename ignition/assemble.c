/*
 * ignition/assemble.c — encoding the generator's instruction list into
 * bytecode. Every instruction gets the narrowest operand scale (1, 2 or
 * 4 bytes, with the Wide / ExtraWide prefix) that holds all its operands;
 * jump distances depend on the layout, so scales are grown until no jump
 * changes (they only grow, so this terminates).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ignition/gen.h"

static uint32_t scale_for(IgnOperandKind k, int32_t v) {
  if (ign_is_signed(k)) {
    if (v >= -128 && v <= 127) return 1;
    if (v >= -32768 && v <= 32767) return 2;
    return 4;
  }
  uint32_t u = (uint32_t)v;
  return u <= 0xFF ? 1 : u <= 0xFFFF ? 2 : 4;
}

// The scale an instruction's non-jump operands need.
static uint32_t base_scale(const IgnInsn *in) {
  const IgnOpcodeInfo *info = &ign_opcode_info[in->op];
  uint32_t s = 1;
  for (uint32_t k = 0; k < info->count; k++) {
    if (info->operands[k] == IGN_OPND_JUMP) continue;
    uint32_t need = scale_for((IgnOperandKind)info->operands[k], in->opnd[k]);
    if (need > s) s = need;
  }
  return s;
}

static uint32_t jump_operand_index(const IgnInsn *in) {
  const IgnOpcodeInfo *info = &ign_opcode_info[in->op];
  for (uint32_t k = 0; k < info->count; k++)
    if (info->operands[k] == IGN_OPND_JUMP) return k;
  return 0;
}

// Lay out offsets; grow scales of jumps that do not fit. Returns the
// total length.
static uint32_t layout(Gen *g, uint8_t *scale, uint32_t *offset) {
  for (;;) {
    uint32_t off = 0;
    for (uint32_t i = 0; i < g->ninsns; i++) {
      offset[i] = off;
      off += ign_insn_size((IgnOpcode)g->insns[i].op, scale[i]);
    }
    offset[g->ninsns] = off;
    bool changed = false;
    for (uint32_t i = 0; i < g->ninsns; i++) {
      IgnInsn *in = &g->insns[i];
      if (!ign_is_jump((IgnOpcode)in->op)) continue;
      uint32_t target = offset[g->labels[in->opnd[jump_operand_index(in)]]];
      // Only JumpLoop goes backwards; anything else is a generator bug.
      if ((in->op == IGN_JumpLoop) != (target <= offset[i])) {
        fprintf(stderr, "jsvm: internal error: %s jumps the wrong way\n", ign_opcode_name[in->op]);
        abort();
      }
      uint32_t dist = target > offset[i] ? target - offset[i] : offset[i] - target;
      uint32_t need = scale_for(IGN_OPND_UIMM, (int32_t)dist);
      if (need > scale[i]) {
        scale[i] = (uint8_t)need;
        changed = true;
      }
    }
    if (!changed) return off;
  }
}

static void put(uint8_t *p, uint32_t scale, int32_t v) {
  if (scale == 1) {
    p[0] = (uint8_t)v;
  } else if (scale == 2) {
    uint16_t u = (uint16_t)v;
    memcpy(p, &u, 2);
  } else {
    memcpy(p, &v, 4);
  }
}

static void encode(Gen *g, const uint8_t *scale, const uint32_t *offset, uint8_t *out) {
  for (uint32_t i = 0; i < g->ninsns; i++) {
    IgnInsn *in = &g->insns[i];
    uint8_t *p = out + offset[i];
    if (scale[i] == 2) *p++ = IGN_Wide;
    if (scale[i] == 4) *p++ = IGN_ExtraWide;
    *p++ = in->op;
    const IgnOpcodeInfo *info = &ign_opcode_info[in->op];
    for (uint32_t k = 0; k < info->count; k++) {
      int32_t v = in->opnd[k];
      if (info->operands[k] == IGN_OPND_JUMP) {
        uint32_t target = offset[g->labels[v]];
        v = (int32_t)(target > offset[i] ? target - offset[i] : offset[i] - target);
      }
      put(p, scale[i], v);
      p += scale[i];
    }
  }
}

static void positions(Gen *g, const uint32_t *offset, IgnCode *code) {
  uint32_t n = 0;
  for (uint32_t i = 0; i < g->ninsns; i++) n += g->insns[i].pos != 0;
  code->positions = malloc((n + 1) * sizeof *code->positions);
  for (uint32_t i = 0; i < g->ninsns; i++) {
    if (!g->insns[i].pos) continue;
    IgnPosition *p = &code->positions[code->npositions++];
    p->offset = offset[i];
    p->source = g->insns[i].src;
    p->statement = g->insns[i].pos == 1;
  }
}

void ign_assemble(Gen *g, IgnCode *code) {
  uint8_t *scale = malloc(g->ninsns + 1);
  uint32_t *offset = malloc((g->ninsns + 1) * sizeof *offset);
  for (uint32_t i = 0; i < g->ninsns; i++) scale[i] = (uint8_t)base_scale(&g->insns[i]);
  code->length = layout(g, scale, offset);
  code->bytecode = malloc(code->length + 1);
  encode(g, scale, offset, code->bytecode);
  positions(g, offset, code);
  code->handlers = malloc((g->nhandlers + 1) * sizeof *code->handlers);
  for (uint32_t i = 0; i < g->nhandlers; i++) {
    IgnHandler *h = &code->handlers[i];
    h->start = offset[g->labels[g->handlers[i].start]];
    h->end = offset[g->labels[g->handlers[i].end]];
    h->handler = offset[g->labels[g->handlers[i].handler]];
    h->ctx_reg = g->handlers[i].ctx_reg;
    h->is_catch = g->handlers[i].is_catch;
  }
  code->nhandlers = g->nhandlers;
  code->nregs = g->max_regs;
  code->nparams = g->nparams;
  code->strict = g->strict;
  code->nconstants = g->nconsts;
  code->constants = malloc((g->nconsts + 1) * sizeof(JSValue));
  if (g->nconsts) memcpy(code->constants, g->consts, g->nconsts * sizeof(JSValue));
  code->nslots = g->nslots;
  code->slot_kinds = malloc(g->nslots + 1);
  if (g->nslots) memcpy(code->slot_kinds, g->slots, g->nslots);
  free(scale);
  free(offset);
}
