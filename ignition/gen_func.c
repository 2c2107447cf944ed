/*
 * ignition/gen_func.c — returns, generators (yield, yield*) and await.
 * Parts still to come (async generators, direct eval, private names)
 * report a clear "not supported yet" error at compile time instead of
 * running wrong code.
 */
#include "ignition/gen.h"

// Async functions settle their promise and return it; everything else
// returns acc.
void gen_return(Gen *g) {
  if ((g->fn_flags & JS_FN_ASYNC) && !(g->fn_flags & JS_FN_GENERATOR) && g->generator_reg >= 0) {
    int args = gen_temps(g, 2);
    GEN1(g, Star, args + 1);
    GEN2(g, Mov, g->generator_reg, args);
    gen_call_runtime(g, IGN_RT_AsyncFunctionResolve, args, 2);
    gen_release(g, args);
  }
  GEN0(g, Return);
}

// A suspension: acc leaves the frame; on resumption acc holds the value
// sent in (throws and returns are raised here by the interpreter).
static void suspend(Gen *g, int flags) {
  GEN4(g, SuspendGenerator, g->generator_reg, 0, (int32_t)g->locals, flags);
}

void gen_suspend(Gen *g, bool is_await) {
  (void)is_await;
  if (g->generator_reg < 0) gen_error(g, g->fnode, "await is only valid in async functions");
  // await v: subscribe the resumption to v's settlement, then suspend.
  int args = gen_temps(g, 2);
  GEN1(g, Star, args + 1);
  GEN2(g, Mov, g->generator_reg, args);
  gen_call_runtime(g, IGN_RT_AsyncFunctionAwait, args, 2);
  gen_release(g, args);
  suspend(g, 2);
}

// yield* iterable: forward next/throw/return to the inner iterator until
// it is done (ECMA-262 15.5.5); its results are yielded as they are. In
// an async generator the iterator is async: each inner result is awaited
// and its value is yielded through the request queue.
static void yield_star(Gen *g, PrsYield *y, bool async) {
  int iter = gen_temp(g), args = gen_temps(g, 3), r = gen_temp(g);
  gen_expr(g, y->arg);
  GEN1(g, Star, iter);
  if (async) gen_call_runtime(g, IGN_RT_GetAsyncIterator, iter, 1);
  else GEN2(g, GetIterator, iter, gen_slot(g, IGN_SLOT_LOAD));
  GEN1(g, Star, iter);
  GEN0(g, LdaZero);
  GEN1(g, Star, args + 1);        // mode: next
  GEN0(g, LdaUndefined);
  GEN1(g, Star, args + 2);        // received
  int loop = gen_label(g), not_done = gen_label(g), end = gen_label(g);
  gen_bind(g, loop);
  GEN2(g, Mov, iter, args);
  gen_call_runtime(g, IGN_RT_YieldStar, args, 3);
  if (async) {
    gen_suspend(g, true);
    int ok = gen_label(g);
    GEN1(g, JumpIfJSReceiver, ok);
    GEN1(g, Star, r);
    gen_call_runtime(g, IGN_RT_ThrowIteratorResultNotObject, r, 1);
    gen_bind(g, ok);
  }
  GEN1(g, Star, r);
  GEN3(g, GetNamedProperty, r, gen_const(g, g->vm->atom[JS_ATOM_done]), gen_slot(g, IGN_SLOT_LOAD));
  GEN1(g, JumpIfToBooleanFalse, not_done);
  GEN3(g, GetNamedProperty, r, gen_const(g, g->vm->atom[JS_ATOM_value]), gen_slot(g, IGN_SLOT_LOAD));
  // Done after a return(): the generator returns that value too.
  int t = gen_temp(g);
  GEN1(g, Star, t);
  GEN1(g, LdaSmi, 2);
  GEN2(g, TestEqualStrict, args + 1, gen_slot(g, IGN_SLOT_COMPARE));
  GEN1(g, JumpIfFalse, end);  // end loads the value from t
  gen_call_runtime(g, IGN_RT_ThrowReturnBox, t, 1);
  gen_bind(g, not_done);
  if (async) {
    // Settle the front request with the inner value.
    int ya = gen_temps(g, 2);
    GEN2(g, Mov, g->generator_reg, ya);
    GEN3(g, GetNamedProperty, r, gen_const(g, g->vm->atom[JS_ATOM_value]), gen_slot(g, IGN_SLOT_LOAD));
    GEN1(g, Star, ya + 1);
    gen_call_runtime(g, IGN_RT_AsyncGeneratorYield, ya, 2);
    gen_release(g, ya);
  } else {
    GEN1(g, Ldar, r);
  }
  suspend(g, 1);
  GEN1(g, Star, args + 2);
  gen_call_runtime(g, IGN_RT_GeneratorResumeMode, g->generator_reg, 1);
  GEN1(g, Star, args + 1);
  GEN3(g, JumpLoop, loop, g->loop_depth, gen_slot(g, IGN_SLOT_LOOP));
  gen_bind(g, end);
  GEN1(g, Ldar, t);
  gen_release(g, iter);
}

// yield in an async generator: await the value, settle the front request
// with it, suspend until the next request.
static void async_yield(Gen *g, PrsYield *y) {
  if (y->base.flags & PRS_FLAG_Delegate) {
    yield_star(g, y, true);
    return;
  }
  if (y->arg) gen_expr(g, y->arg);
  else GEN0(g, LdaUndefined);
  gen_suspend(g, true);
  int args = gen_temps(g, 2);
  GEN1(g, Star, args + 1);
  GEN2(g, Mov, g->generator_reg, args);
  gen_call_runtime(g, IGN_RT_AsyncGeneratorYield, args, 2);
  gen_release(g, args);
  suspend(g, 0);
}

void gen_yield(Gen *g, PrsYield *y) {
  if (g->fn_flags & JS_FN_ASYNC) {
    async_yield(g, y);
    return;
  }
  if (y->base.flags & PRS_FLAG_Delegate) {
    yield_star(g, y, false);
    return;
  }
  int args = gen_temps(g, 2);
  if (y->arg) gen_expr(g, y->arg);
  else GEN0(g, LdaUndefined);
  GEN1(g, Star, args);
  GEN0(g, LdaFalse);
  GEN1(g, Star, args + 1);
  gen_call_runtime(g, IGN_RT_CreateIterResult, args, 2);
  gen_release(g, args);
  suspend(g, 0);
}

// A private name's symbol lives in its class scope's binding (#x).
void gen_private_name(Gen *g, PrsVar *var, int reg) {
  gen_load_var(g, var, false, var->name);
  GEN1(g, Star, reg);
}

// eval(...): the runtime decides whether the callee is %eval% (then a
// direct eval in this frame's scope) or an ordinary function.
void gen_direct_eval(Gen *g, int fn, int args, uint32_t n) {
  GEN2(g, Mov, fn, args);
  GEN3(g, CallRuntime, IGN_RT_DirectEval, args, (int32_t)n + 1);
}
