/*
 * ignition/gen_pattern.c — destructuring: binding patterns (declarations,
 * parameters, catch) and assignment patterns. The value being
 * destructured arrives in the accumulator. Array patterns follow the
 * iterator protocol and close the iterator when they stop early or when
 * a nested target throws.
 */
#include <string.h>

#include "ignition/gen.h"

static void target(Gen *g, PrsNode *t, bool binding, bool init);

// `target = default`: the default applies when the value is undefined.
static void with_default(Gen *g, PrsAssignPattern *p, bool binding, bool init) {
  int skip = gen_label(g);
  GEN1(g, JumpIfNotUndefined, skip);
  gen_named_expr(g, p->init, p->target);
  gen_bind(g, skip);
  target(g, p->target, binding, init);
}

// Store acc into a simple target; for assignment patterns, the target
// reference is evaluated after the value was produced (a documented
// deviation from the spec's order for member targets is avoided by the
// callers preparing references first where it matters).
static void simple(Gen *g, PrsNode *t, bool binding, bool init) {
  if (PRS_IS(t, Ident)) {
    gen_store_ident(g, PRS_AS(t, Ident), init);
    return;
  }
  int v = gen_temp(g);
  GEN1(g, Star, v);
  Ref r;
  gen_ref_prepare(g, t, &r);
  GEN1(g, Ldar, v);
  gen_ref_store(g, &r);
  gen_release(g, v);
  (void)binding;
}

static void object_pattern(Gen *g, PrsObjectPattern *p, bool binding, bool init) {
  int v = gen_temp(g);
  GEN1(g, Star, v);
  int ok = gen_label(g);
  GEN1(g, JumpIfNotUndefinedOrNull, ok);
  gen_call_runtime(g, IGN_RT_ThrowPatternNotObject, v, 1);
  gen_bind(g, ok);
  // Keys already taken, for a rest element.
  uint32_t n = p->props.len;
  int keys = gen_temps(g, n + 2);
  uint32_t nkeys = 0;
  for (uint32_t i = 0; i < n; i++) {
    PrsNode *e = p->props.items[i];
    if (PRS_IS(e, Rest)) {
      GEN0(g, CreateEmptyObjectLiteral);
      GEN1(g, Star, keys);
      GEN2(g, Mov, v, keys + 1);
      gen_call_runtime(g, IGN_RT_CopyDataProperties, keys, nkeys + 2);
      GEN1(g, Ldar, keys);
      target(g, PRS_AS(e, Rest)->arg, binding, init);
      continue;
    }
    PrsPatternProp *pp = PRS_AS(e, PatternProp);
    gen_mark_computed(e, pp->key);
    int k = keys + 2 + (int)nkeys++;
    gen_key_to(g, pp->key, k);
    PrsNode *t = pp->value;
    PrsNode *inner = PRS_IS(t, AssignPattern) ? PRS_AS(t, AssignPattern)->target : t;
    bool prepared = !binding && !PRS_IS(inner, Ident) && !PRS_IS(inner, ObjectPattern) &&
                    !PRS_IS(inner, ArrayPattern);
    Ref r;
    if (prepared) gen_ref_prepare(g, inner, &r);
    GEN1(g, Ldar, k);
    GEN2(g, GetKeyedProperty, v, gen_slot(g, IGN_SLOT_LOAD));
    if (PRS_IS(t, AssignPattern)) {
      int skip = gen_label(g);
      GEN1(g, JumpIfNotUndefined, skip);
      gen_named_expr(g, PRS_AS(t, AssignPattern)->init, inner);
      gen_bind(g, skip);
    }
    if (prepared) {
      gen_ref_store(g, &r);
      if (r.obj >= 0) gen_release(g, r.obj);
      else if (r.key >= 0) gen_release(g, r.key);
    } else {
      target(g, inner, binding, init);
    }
  }
  GEN1(g, Ldar, v);
  gen_release(g, v);
}

// One iterator step into acc: the next value, or undefined once done
// (and done is then true).
static void step(Gen *g, int iter, int next, int done) {
  int finished = gen_label(g), end = gen_label(g);
  GEN1(g, Ldar, done);
  GEN1(g, JumpIfTrue, finished);
  // If next() throws, the iterator counts as done: it is not closed.
  GEN0(g, LdaTrue);
  GEN1(g, Star, done);
  GEN4(g, CallProperty, next, iter, 1, gen_slot(g, IGN_SLOT_CALL));
  int ok = gen_label(g), r = gen_temp(g);
  GEN1(g, Star, r);
  GEN1(g, JumpIfJSReceiver, ok);
  gen_call_runtime(g, IGN_RT_ThrowIteratorResultNotObject, r, 1);
  gen_bind(g, ok);
  GEN3(g, GetNamedProperty, r, gen_const(g, g->vm->atom[JS_ATOM_done]),
       gen_slot(g, IGN_SLOT_LOAD));
  int not_done = gen_label(g);
  GEN1(g, JumpIfToBooleanFalse, not_done);
  gen_bind(g, finished);
  GEN0(g, LdaUndefined);
  GEN1(g, Jump, end);
  gen_bind(g, not_done);
  GEN0(g, LdaFalse);
  GEN1(g, Star, done);
  GEN3(g, GetNamedProperty, r, gen_const(g, g->vm->atom[JS_ATOM_value]),
       gen_slot(g, IGN_SLOT_LOAD));
  gen_bind(g, end);
  gen_release(g, r);
}

static void array_element(Gen *g, PrsNode *e, int iter, int next, int done,
                          bool binding, bool init) {
  if (PRS_IS(e, Hole)) {
    step(g, iter, next, done);
    return;
  }
  if (PRS_IS(e, Rest)) {
    // Collect the rest into a new array.
    int arr = gen_temp(g), loop = gen_label(g), end = gen_label(g);
    GEN1(g, CreateEmptyArrayLiteral, gen_slot(g, IGN_SLOT_LITERAL));
    GEN1(g, Star, arr);
    gen_bind(g, loop);
    step(g, iter, next, done);
    int t = gen_temp(g);
    GEN1(g, Star, t);
    GEN1(g, Ldar, done);
    GEN1(g, JumpIfTrue, end);
    GEN1(g, Ldar, t);
    GEN1(g, ArrayPush, arr);
    GEN3(g, JumpLoop, loop, g->loop_depth, gen_slot(g, IGN_SLOT_LOOP));
    gen_bind(g, end);
    GEN1(g, Ldar, arr);
    gen_release(g, arr);
    target(g, PRS_AS(e, Rest)->arg, binding, init);
    return;
  }
  PrsNode *inner = PRS_IS(e, AssignPattern) ? PRS_AS(e, AssignPattern)->target : e;
  bool prepared = !binding && !PRS_IS(inner, Ident) && !PRS_IS(inner, ObjectPattern) &&
                  !PRS_IS(inner, ArrayPattern);
  Ref r;
  if (prepared) gen_ref_prepare(g, inner, &r);
  step(g, iter, next, done);
  if (PRS_IS(e, AssignPattern)) {
    int skip = gen_label(g);
    GEN1(g, JumpIfNotUndefined, skip);
    gen_named_expr(g, PRS_AS(e, AssignPattern)->init, inner);
    gen_bind(g, skip);
  }
  if (prepared) {
    gen_ref_store(g, &r);
    gen_release(g, r.obj >= 0 ? r.obj : r.key);
  } else {
    target(g, inner, binding, init);
  }
}

static void array_pattern(Gen *g, PrsArrayPattern *p, bool binding, bool init) {
  int v = gen_temp(g), iter = gen_temp(g), next = gen_temp(g), done = gen_temp(g);
  int ctx = gen_temp(g);
  GEN1(g, Star, v);
  GEN2(g, GetIterator, v, gen_slot(g, IGN_SLOT_LOAD));
  GEN1(g, Star, iter);
  GEN3(g, GetNamedProperty, iter, gen_const(g, g->vm->atom[JS_ATOM_next]),
       gen_slot(g, IGN_SLOT_LOAD));
  GEN1(g, Star, next);
  GEN0(g, LdaFalse);
  GEN1(g, Star, done);
  GEN2(g, Mov, GEN_CONTEXT(g), ctx);
  int start = gen_label(g), end = gen_label(g), handler = gen_label(g), out = gen_label(g);
  gen_bind(g, start);
  for (uint32_t i = 0; i < p->elements.len; i++)
    array_element(g, p->elements.items[i], iter, next, done, binding, init);
  gen_bind(g, end);
  // Stopped early: close the iterator (its errors propagate).
  GEN1(g, Ldar, done);
  GEN1(g, JumpIfTrue, out);
  gen_call_runtime(g, IGN_RT_IteratorClose, iter, 1);
  GEN1(g, Jump, out);
  // A target threw: close quietly unless the iterator itself failed.
  gen_bind(g, handler);
  int exc = gen_temp(g), skip = gen_label(g);
  GEN1(g, Star, exc);
  GEN1(g, Ldar, done);
  GEN1(g, JumpIfTrue, skip);
  gen_call_runtime(g, IGN_RT_IteratorCloseQuiet, iter, 1);
  gen_bind(g, skip);
  GEN1(g, Ldar, exc);
  GEN0(g, ReThrow);
  gen_handler(g, start, end, handler, ctx);
  gen_bind(g, out);
  GEN1(g, Ldar, v);
  gen_release(g, v);
}

static void target(Gen *g, PrsNode *t, bool binding, bool init) {
  if (PRS_IS(t, ObjectPattern)) object_pattern(g, PRS_AS(t, ObjectPattern), binding, init);
  else if (PRS_IS(t, ArrayPattern)) array_pattern(g, PRS_AS(t, ArrayPattern), binding, init);
  else if (PRS_IS(t, AssignPattern)) with_default(g, PRS_AS(t, AssignPattern), binding, init);
  else simple(g, t, binding, init);
}

void gen_binding_init(Gen *g, PrsNode *pattern, bool init) {
  target(g, pattern, true, init);
}

void gen_assign_target(Gen *g, PrsNode *t, bool init) {
  target(g, t, false, init);
}
