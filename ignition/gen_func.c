/*
 * ignition/gen_func.c — returns, and the parts of the generator that the
 * later bricks fill in: generators and async functions, direct
 * eval and private names. Until then each reports a clear "not supported
 * yet" SyntaxError at compile time instead of running wrong code.
 */
#include "ignition/gen.h"

void gen_return(Gen *g) { GEN0(g, Return); }

void gen_suspend(Gen *g, bool is_await) {
  (void)is_await;
  gen_error(g, g->fnode, "generators and async functions are not supported yet");
}

void gen_yield(Gen *g, PrsYield *y) {
  gen_error(g, &y->base, "generators are not supported yet");
}

void gen_private_name(Gen *g, PrsAtom *name, int reg) {
  (void)name;
  (void)reg;
  gen_error(g, g->fnode, "private names are not supported yet");
}

// Until direct eval exists, eval(...) calls the function it names with
// an undefined receiver, which for the global eval is an indirect eval.
void gen_direct_eval(Gen *g, int fn, int args, uint32_t n) {
  GEN4(g, CallUndefinedReceiver, fn, args + 1, n, gen_slot(g, IGN_SLOT_CALL));
}
