/*
 * ignition/interp.c — the dispatch loop. One source builds with computed
 * goto (IGN_COMPUTED_GOTO) or as a switch. pc, fp and acc live in locals;
 * every handler that can allocate, throw or call saves pc into the frame
 * first (SAVE), so stack traces and handlers see the right instruction.
 * Handlers do the fast path inline and call ign_* slow paths (interp_slow.c)
 * for everything else, as Lua's OP_GETTABLE calls luaV_finishget.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ignition/interp.h"
#include "ignition/runtime_calls.h"
#include "runtime/elements.h"
#include "runtime/map.h"
#include "runtime/typedarray.h"

/* Operand counts, for the instruction length: IGN_NOPS_<Name>. */
enum {
#define IGN_BYTECODE(name, acc, a, b, c, d)                           \
  IGN_NOPS_##name = (IGN_OPND_##a != IGN_OPND_NONE) +                 \
                    (IGN_OPND_##b != IGN_OPND_NONE) +                 \
                    (IGN_OPND_##c != IGN_OPND_NONE) +                 \
                    (IGN_OPND_##d != IGN_OPND_NONE),
#include "ignition/bytecodes.def"
};

static inline int32_t rd_signed(const uint8_t *p, int scale) {
  if (scale == 1) return (int8_t)p[0];
  if (scale == 2) {
    int16_t v;
    memcpy(&v, p, 2);
    return v;
  }
  int32_t v;
  memcpy(&v, p, 4);
  return v;
}

static inline uint32_t rd_unsigned(const uint8_t *p, int scale) {
  if (scale == 1) return p[0];
  if (scale == 2) {
    uint16_t v;
    memcpy(&v, p, 2);
    return v;
  }
  uint32_t v;
  memcpy(&v, p, 4);
  return v;
}

/* Operand access: operand i of the current instruction. */
#define OPS(i) rd_signed(pc + 1 + (i) * scale, scale)
#define OPU(i) rd_unsigned(pc + 1 + (i) * scale, scale)
#define REG(i) fp[OPS(i)]
#define CONST(i) consts[OPU(i)]
#define IC(i) (&fb[OPU(i)])
#define THIS_SLOT (fp[-(int32_t)code->nparams - 1])
#define CONTEXT_SLOT (fp[-(int32_t)code->nparams - 2])
#define CLOSURE_SLOT (fp[-(int32_t)code->nparams - 3])
#define CURRENT_ENV (js_is_heap(CONTEXT_SLOT) ? (JSEnv *)js_heap(CONTEXT_SLOT) : NULL)

#define IGN_SAVE_STATE() (f->pc = insn)
#define IGN_LOAD_STATE()                       \
  do {                                         \
    f = &st->frames[st->nframes - 1];          \
    fp = f->fp;                                \
    code = f->code;                            \
    consts = code->constants;                  \
    fb = code->feedback ? code->feedback : ign_feedback(vm, f->fn); \
  } while (0)

#ifdef IGN_COMPUTED_GOTO
#define IGN_DISPATCH() \
  do {                 \
    insn = pc;         \
    goto *dispatch_table[*pc]; \
  } while (0)
#define IGN_CASE(name) L_##name: for (const int NOPS = IGN_NOPS_##name; NOPS >= 0;)
#define IGN_PREFIX_DISPATCH() goto *dispatch_table[*pc]
#else
#define IGN_DISPATCH() \
  do {                 \
    insn = pc;         \
    goto dispatch;     \
  } while (0)
#define IGN_CASE(name) case IGN_##name: for (const int NOPS = IGN_NOPS_##name; NOPS >= 0;)
#define IGN_PREFIX_DISPATCH() goto dispatch_prefixed
#endif

#define IGN_NEXT()                    \
  do {                                \
    pc += 1 + NOPS * scale;           \
    scale = 1;                        \
    IGN_DISPATCH();                   \
  } while (0)
#define IGN_JUMP_TO(target) \
  do {                      \
    pc = (target);          \
    scale = 1;              \
    IGN_DISPATCH();         \
  } while (0)
/* A slow-path result: propagate exceptions, else into acc and on. */
#define IGN_RESULT(expr)                     \
  do {                                       \
    JSValue res_ = (expr);                   \
    if (js_is_exception(res_)) goto exception; \
    acc = res_;                              \
    IGN_NEXT();                              \
  } while (0)
#define IGN_CHECK(ok)               \
  do {                              \
    if (!(ok)) goto exception;      \
  } while (0)

/* {==== Helpers the handlers share ====} */

// Operand kinds for arithmetic and compare feedback beyond the fast
// paths: strings, or anything else.
static inline uint16_t feedback_kind(JSValue a, JSValue b) {
  if (js_is_string(a) || js_is_string(b)) return IGN_FB_STRING;
  if (js_is_number(a) && js_is_number(b)) return IGN_FB_NUMBER;
  return IGN_FB_ANY;
}

// Call-target feedback: the one function seen, or megamorphic.
static inline void call_feedback(IgnIC *ic, JSValue callee) {
  void *target = js_is_heap(callee) ? js_heap(callee) : NULL;
  if (ic->state == IGN_IC_UNINIT) {
    ic->extra[0] = target;
    ic->state = IGN_IC_MONO;
  } else if (ic->state == IGN_IC_MONO && ic->extra[0] != target) {
    ic->state = IGN_IC_MEGA;
  }
  ic->count++;
}

static inline bool both_int32(JSValue a, JSValue b) { return js_is_int32(a) && js_is_int32(b); }

// Int32 fast paths of the arithmetic bytecodes; false when the slow path
// must run (non-int32 operands or overflow).
static inline bool int_arith(IgnOpcode op, int32_t x, int32_t y, JSValue *out) {
  int32_t r;
  switch ((unsigned)op) {
    case IGN_Add: case IGN_AddSmi:
      if (__builtin_add_overflow(x, y, &r)) return false;
      break;
    case IGN_Sub: case IGN_SubSmi:
      if (__builtin_sub_overflow(x, y, &r)) return false;
      break;
    case IGN_Mul: case IGN_MulSmi:
      if (__builtin_mul_overflow(x, y, &r) || (r == 0 && (x < 0 || y < 0))) return false;
      break;
    case IGN_BitwiseOr: case IGN_BitwiseOrSmi: r = x | y; break;
    case IGN_BitwiseAnd: case IGN_BitwiseAndSmi: r = x & y; break;
    case IGN_BitwiseXor: r = x ^ y; break;
    case IGN_ShiftLeft: case IGN_ShiftLeftSmi: r = (int32_t)((uint32_t)x << (y & 31)); break;
    case IGN_ShiftRight: case IGN_ShiftRightSmi: r = x >> (y & 31); break;
    case IGN_Mod: case IGN_ModSmi:
      if (x < 0 || y <= 0) return false;
      r = x % y;
      break;
    default: return false;
  }
  *out = js_from_int32(r);
  return true;
}

// Double fast path for + - * /.
static inline bool num_arith(IgnOpcode op, JSValue a, JSValue b, JSValue *out) {
  if (!js_is_number(a) || !js_is_number(b)) return false;
  double x = js_number_value(a), y = js_number_value(b);
  switch ((unsigned)op) {
    case IGN_Add: case IGN_AddSmi: *out = js_from_number(x + y); return true;
    case IGN_Sub: case IGN_SubSmi: *out = js_from_number(x - y); return true;
    case IGN_Mul: case IGN_MulSmi: *out = js_from_number(x * y); return true;
    case IGN_Div: case IGN_DivSmi: *out = js_from_number(x / y); return true;
    default: return false;
  }
}

static inline int int_compare(IgnOpcode op, int32_t x, int32_t y) {
  switch ((unsigned)op) {
    case IGN_TestLessThan: return x < y;
    case IGN_TestGreaterThan: return x > y;
    case IGN_TestLessThanOrEqual: return x <= y;
    case IGN_TestGreaterThanOrEqual: return x >= y;
    case IGN_TestEqual: return x == y;
    default: return -1;
  }
}

static inline int num_compare(IgnOpcode op, double x, double y) {
  switch ((unsigned)op) {
    case IGN_TestLessThan: return x < y;
    case IGN_TestGreaterThan: return x > y;
    case IGN_TestLessThanOrEqual: return x <= y;
    case IGN_TestGreaterThanOrEqual: return x >= y;
    case IGN_TestEqual: case IGN_TestEqualStrict: return x == y;
    default: return -1;
  }
}

// A named-property load through the inline cache; false on a miss.
static inline bool ic_load(JSVM *vm, IgnIC *ic, JSValue o, JSValue *out) {
  if (!js_is_heap(o) || ic->n == 0) return false;
  JSObject *obj = js_heap(o);
  JSMap *m = obj->map;
  for (uint32_t i = 0; i < ic->n; i++) {
    if (ic->map[i] != m) continue;
    JSValue v;
    switch (ic->kind[i]) {
      case IGN_ICK_FIELD: v = *js_object_slot(obj, ic->data[i]); break;
      case IGN_ICK_PROTO_FIELD: {
        // Valid while no prototype changed shape (vm->proto_epoch).
        JSObject *h = ic->extra[i];
        if (h->map != ic->holder_map[i] || ic->epoch != vm->proto_epoch) return false;
        v = *js_object_slot(h, ic->data[i]);
        break;
      }
      case IGN_ICK_ARRAY_LENGTH:
        *out = js_from_number(((JSArrayObject *)obj)->length);
        return true;
      default: return false;
    }
    if (js_is_hole(v)) return false;  // a lazily made prototype object
    *out = v;
    return true;
  }
  return false;
}

// The getter an accessor entry of the cache names for o, or undefined.
static inline JSValue ic_getter(JSVM *vm, IgnIC *ic, JSValue o) {
  if (!js_is_heap(o) || ic->n == 0) return JS_UNDEFINED;
  JSMap *m = ((JSObject *)js_heap(o))->map;
  for (uint32_t i = 0; i < ic->n; i++) {
    if (ic->map[i] != m || ic->kind[i] != IGN_ICK_GETTER) continue;
    JSObject *h = ic->extra[i] ? ic->extra[i] : js_heap(o);
    if (ic->extra[i] && (h->map != ic->holder_map[i] || ic->epoch != vm->proto_epoch))
      return JS_UNDEFINED;
    JSValue acc = *js_object_slot(h, ic->data[i]);
    return ((JSAccessor *)js_heap(acc))->getter;
  }
  return JS_UNDEFINED;
}

// A named-property store through the inline cache; false on a miss.
static inline bool ic_store(JSVM *vm, IgnIC *ic, JSValue o, JSValue v) {
  if (!js_is_heap(o) || ic->n == 0) return false;
  JSObject *obj = js_heap(o);
  JSMap *m = obj->map;
  for (uint32_t i = 0; i < ic->n; i++) {
    if (ic->map[i] != m) continue;
    if (ic->kind[i] == IGN_ICK_FIELD) {
      JSValue *slot = js_object_slot(obj, ic->data[i]);
      *slot = v;
      ori_write_barrier(obj, slot, v);
      return true;
    }
    if (ic->kind[i] != IGN_ICK_TRANSITION || ic->epoch != vm->proto_epoch) return false;
    JSMap *target = ic->extra[i];
    uint32_t slot = ic->data[i];
    // The new slot must already have room (in-object or out-of-line).
    if (slot >= m->inline_count) {
      JSArrayStore *ps = (JSArrayStore *)obj->props;
      if (!ps || ps->length <= slot - m->inline_count) return false;
    }
    obj->map = target;
    JSValue *p = js_object_slot(obj, slot);
    *p = v;
    ori_write_barrier(obj, p, v);
    return true;
  }
  return false;
}

// Element load from a dense array or object: false when not simple.
static inline bool fast_element(JSValue o, JSValue key, JSValue *out) {
  if (!js_is_int32(key) || !js_is_heap(o)) return false;
  JSObject *obj = js_heap(o);
  JSType t = (JSType)obj->map->type;
  if (t == JS_TYPE_TypedArray) return js_typed_array_fast_get(obj, js_int32(key), out);
  if ((t != JS_TYPE_ArrayObject && t != JS_TYPE_Object) || !js_elements_dense(obj)) return false;
  JSArrayStore *s = (JSArrayStore *)obj->elements;
  int32_t i = js_int32(key);
  if (i < 0 || (uint32_t)i >= s->length) return false;
  if (t == JS_TYPE_ArrayObject && (uint32_t)i >= ((JSArrayObject *)obj)->length) return false;
  JSValue v = s->v[i];
  if (js_is_hole(v)) return false;
  *out = v;
  return true;
}

static inline bool fast_store_element(JSVM *vm, JSValue o, JSValue key, JSValue v) {
  if (!js_is_int32(key) || !js_is_heap(o)) return false;
  JSObject *obj = js_heap(o);
  JSType t = (JSType)obj->map->type;
  if (t == JS_TYPE_TypedArray) return js_typed_array_fast_set(obj, js_int32(key), v);
  if ((t != JS_TYPE_ArrayObject && t != JS_TYPE_Object) || !js_elements_dense(obj)) return false;
  JSArrayStore *s = (JSArrayStore *)obj->elements;
  int32_t i = js_int32(key);
  if (i < 0 || (uint32_t)i >= s->length) return false;
  if (js_is_hole(s->v[i])) {
    // Filling a hole adds a property: only safe when no prototype has
    // elements (an indexed setter there would have to run).
    if (vm->proto_elements || (obj->map->flags & JS_MAP_NOT_EXTENSIBLE)) return false;
    if (t == JS_TYPE_ArrayObject) {
      JSArrayObject *a = (JSArrayObject *)obj;
      if ((uint32_t)i >= a->length) {
        if (a->length_readonly) return false;
        a->length = (uint32_t)i + 1;
      }
    }
  }
  ORI_STORE(s, v[i], v);
  return true;
}

/* {==== The loop ====} */

JSValue ign_execute(JSVM *vm) {
  IgnState *st = ign_state(vm);
  IgnFrame *f;
  JSValue *fp, *consts;
  IgnCode *code;
  IgnIC *fb;
  const uint8_t *pc, *insn;
  JSValue acc = JS_UNDEFINED;
  int scale = 1;
  // A call in progress (do_call): set by the call bytecodes and by
  // property loads that run a getter.
  JSValue callee, self, new_target, *argv;
  int argc;
  uint32_t call_flags;
  const uint8_t *next_pc;
#ifdef IGN_COMPUTED_GOTO
  static const void *const dispatch_table[] = {
#define IGN_BYTECODE(name, acc_, a, b, c, d) &&L_##name,
#include "ignition/bytecodes.def"
  };
  _Static_assert(sizeof dispatch_table / sizeof *dispatch_table == IGN_OPCODE_COUNT,
                 "dispatch table out of sync with bytecodes.def");
#endif
  IGN_LOAD_STATE();
  pc = f->pc;
  if (st->resuming) {
    // A generator resumes: with a value at its resume point, or with a
    // throw (or a return box) raised at its suspension.
    st->resuming = false;
    if (st->resume_mode == IGN_RESUME_NEXT) {
      acc = st->resume_value;
      IGN_DISPATCH();
    }
    insn = pc;
    js_throw(vm, st->resume_mode == IGN_RESUME_THROW ? st->resume_value
                                                      : ign_return_box(vm, st->resume_value));
    goto exception;
  }
  IGN_DISPATCH();
#ifndef IGN_COMPUTED_GOTO
dispatch:
dispatch_prefixed:
  switch ((IgnOpcode)*pc) {
#endif

  /* {==== Prefixes ====} */
  IGN_CASE(Wide) {
    // Wide: the next instruction's operands are 16-bit.
    scale = 2;
    pc++;
    IGN_PREFIX_DISPATCH();
  }
  IGN_CASE(ExtraWide) {
    // ExtraWide: the next instruction's operands are 32-bit.
    scale = 4;
    pc++;
    IGN_PREFIX_DISPATCH();
  }

  /* {==== Loads ====} */
  IGN_CASE(LdaZero) { acc = js_from_int32(0); IGN_NEXT(); }
  IGN_CASE(LdaSmi) { acc = js_from_int32(OPS(0)); IGN_NEXT(); }
  IGN_CASE(LdaUndefined) { acc = JS_UNDEFINED; IGN_NEXT(); }
  IGN_CASE(LdaNull) { acc = JS_NULL; IGN_NEXT(); }
  IGN_CASE(LdaTheHole) { acc = JS_HOLE; IGN_NEXT(); }
  IGN_CASE(LdaTrue) { acc = JS_TRUE; IGN_NEXT(); }
  IGN_CASE(LdaFalse) { acc = JS_FALSE; IGN_NEXT(); }
  IGN_CASE(LdaConstant) { acc = CONST(0); IGN_NEXT(); }
  IGN_CASE(Ldar) { acc = REG(0); IGN_NEXT(); }
  IGN_CASE(Star) { REG(0) = acc; IGN_NEXT(); }
  IGN_CASE(Mov) { REG(1) = REG(0); IGN_NEXT(); }

  /* {==== Globals and contexts ====} */
  IGN_CASE(LdaGlobal) {
    // LdaGlobal <name> <slot>: acc = the global binding name.
    IgnIC *ic = IC(1);
    JSObject *g = js_obj(vm->realm->global);
    if (ic->state == IGN_IC_MONO && ic->map[0] == (JSMap *)g->props &&
        ic->epoch == vm->proto_epoch) {
      JSDictEntry *e = ic->extra[0];
      if (e->key.bits == CONST(0).bits) {
        acc = e->value;
        IGN_NEXT();
      }
    }
    IGN_SAVE_STATE();
    IGN_RESULT(ign_load_global(vm, CONST(0), ic, false));
  }
  IGN_CASE(LdaGlobalInsideTypeof) {
    // LdaGlobalInsideTypeof <name> <slot>: undefined when not declared.
    IGN_SAVE_STATE();
    IGN_RESULT(ign_load_global(vm, CONST(0), NULL, true));
  }
  IGN_CASE(StaGlobal) {
    // StaGlobal <name> <slot> <strict>: the global binding name = acc.
    IGN_SAVE_STATE();
    IGN_CHECK(ign_store_global(vm, CONST(0), acc, IC(1), OPU(2) & 1));
    IGN_NEXT();
  }
  IGN_CASE(PushContext) {
    // PushContext <r>: r = current context; current = acc.
    REG(0) = CONTEXT_SLOT;
    CONTEXT_SLOT = acc;
    IGN_NEXT();
  }
  IGN_CASE(PopContext) {
    // PopContext <r>: current context = r.
    CONTEXT_SLOT = REG(0);
    IGN_NEXT();
  }
  IGN_CASE(LdaCurrentContextSlot) {
    acc = CURRENT_ENV->slots[OPU(0)];
    IGN_NEXT();
  }
  IGN_CASE(LdaContextSlot) {
    // LdaContextSlot <slot> <depth>: from the context depth levels out.
    JSEnv *e = CURRENT_ENV;
    for (uint32_t d = OPU(1); d > 0; d--) e = e->parent;
    acc = e->slots[OPU(0)];
    IGN_NEXT();
  }
  IGN_CASE(StaCurrentContextSlot) {
    JSEnv *e = CURRENT_ENV;
    ORI_STORE(e, slots[OPU(0)], acc);
    IGN_NEXT();
  }
  IGN_CASE(StaContextSlot) {
    JSEnv *e = CURRENT_ENV;
    for (uint32_t d = OPU(1); d > 0; d--) e = e->parent;
    ORI_STORE(e, slots[OPU(0)], acc);
    IGN_NEXT();
  }
  IGN_CASE(LdaLookupSlot) {
    IGN_SAVE_STATE();
    IGN_RESULT(ign_lookup(vm, CURRENT_ENV, CONST(0), false));
  }
  IGN_CASE(LdaLookupSlotInsideTypeof) {
    IGN_SAVE_STATE();
    IGN_RESULT(ign_lookup(vm, CURRENT_ENV, CONST(0), true));
  }
  IGN_CASE(StaLookupSlot) {
    IGN_SAVE_STATE();
    IGN_CHECK(ign_store_lookup(vm, CURRENT_ENV, CONST(0), acc, OPU(1) & 1));
    IGN_NEXT();
  }

  /* {==== Properties ====} */
  IGN_CASE(GetNamedProperty) {
    // GetNamedProperty <obj> <name> <slot>: acc = obj.name.
    JSValue o = REG(0);
    if (ic_load(vm, IC(2), o, &acc)) IGN_NEXT();
    // A getter found through the cache runs as a call from here (no C
    // recursion), returning into acc.
    JSValue getter = ic_getter(vm, IC(2), o);
    if (js_is_function(getter)) {
      callee = getter;
      self = o;
      argv = NULL;
      argc = 0;
      new_target = JS_UNDEFINED;
      call_flags = 0;
      next_pc = pc + 1 + NOPS * scale;
      goto do_call;
    }
    IGN_SAVE_STATE();
    IGN_RESULT(ign_get_named(vm, o, CONST(1), IC(2)));
  }
  IGN_CASE(GetKeyedProperty) {
    // GetKeyedProperty <obj> <slot>: acc = obj[acc].
    JSValue o = REG(0);
    if (fast_element(o, acc, &acc)) IGN_NEXT();
    IGN_SAVE_STATE();
    IGN_RESULT(ign_get_keyed(vm, o, acc, IC(1)));
  }
  IGN_CASE(SetNamedProperty) {
    // SetNamedProperty <obj> <name> <slot>: obj.name = acc.
    JSValue o = REG(0);
    if (ic_store(vm, IC(2), o, acc)) IGN_NEXT();
    IGN_SAVE_STATE();
    IGN_CHECK(ign_set_named(vm, o, CONST(1), acc, IC(2), code->strict));
    IGN_NEXT();
  }
  IGN_CASE(SetKeyedProperty) {
    // SetKeyedProperty <obj> <key> <slot>: obj[key] = acc.
    JSValue o = REG(0);
    if (fast_store_element(vm, o, REG(1), acc)) IGN_NEXT();
    IGN_SAVE_STATE();
    IGN_CHECK(ign_set_keyed(vm, o, REG(1), acc, code->strict));
    IGN_NEXT();
  }
  IGN_CASE(DefineNamedOwnProperty) {
    // DefineNamedOwnProperty <obj> <name> <slot>: define obj.name = acc.
    JSValue o = REG(0);
    if (ic_store(vm, IC(2), o, acc)) IGN_NEXT();
    IGN_SAVE_STATE();
    IGN_CHECK(ign_define_named(vm, o, CONST(1), acc, IC(2)));
    IGN_NEXT();
  }
  IGN_CASE(DefineKeyedOwnProperty) {
    // DefineKeyedOwnProperty <obj> <key> <flags>: define obj[key] = acc;
    // flag 1 names an anonymous function after the key.
    IGN_SAVE_STATE();
    if ((OPU(2) & 1) && js_is_function(acc)) js_set_function_name(vm, acc, REG(1), NULL);
    IGN_CHECK(js_define_value(vm, REG(0), REG(1), acc, JS_ATTR_DEFAULT) >= 0);
    IGN_NEXT();
  }
  IGN_CASE(ArrayPush) {
    // ArrayPush <array>: append acc (the hole makes an elision).
    JSArrayObject *a = js_heap(REG(0));
    uint32_t i = a->length;
    if (js_is_hole(acc)) {
      a->length = i + 1;
    } else {
      IGN_SAVE_STATE();
      IGN_CHECK(js_elem_put(vm, &a->base, i, acc));
      a->length = i + 1;
    }
    IGN_NEXT();
  }
  IGN_CASE(DeletePropertyStrict) {
    IGN_SAVE_STATE();
    JSValue o = js_to_object(vm, REG(0));
    if (js_is_exception(o)) goto exception;
    JSValue k = js_to_property_key(vm, acc);
    if (js_is_exception(k)) goto exception;
    int r = js_delete_property(vm, o, k, true);
    if (r < 0) goto exception;
    acc = js_from_bool(r);
    IGN_NEXT();
  }
  IGN_CASE(DeletePropertySloppy) {
    IGN_SAVE_STATE();
    JSValue o = js_to_object(vm, REG(0));
    if (js_is_exception(o)) goto exception;
    JSValue k = js_to_property_key(vm, acc);
    if (js_is_exception(k)) goto exception;
    int r = js_delete_property(vm, o, k, false);
    if (r < 0) goto exception;
    acc = js_from_bool(r);
    IGN_NEXT();
  }

  /* {==== Arithmetic ====} */
#define BINARY_HANDLER(name)                                              \
  IGN_CASE(name) {                                                        \
    JSValue l_ = REG(0), r_;                                              \
    IgnIC *fb_ = IC(1);                                                   \
    if (both_int32(l_, acc) &&                                            \
        int_arith(IGN_##name, js_int32(l_), js_int32(acc), &r_)) {        \
      fb_->bits |= IGN_FB_INT32;                                          \
      acc = r_;                                                           \
      IGN_NEXT();                                                         \
    }                                                                     \
    if (num_arith(IGN_##name, l_, acc, &r_)) {                            \
      fb_->bits |= IGN_FB_NUMBER;                                         \
      acc = r_;                                                           \
      IGN_NEXT();                                                         \
    }                                                                     \
    fb_->bits |= feedback_kind(l_, acc);                                  \
    IGN_SAVE_STATE();                                                     \
    IGN_RESULT(ign_binary(vm, IGN_##name, l_, acc));                      \
  }
  BINARY_HANDLER(Add)
  BINARY_HANDLER(Sub)
  BINARY_HANDLER(Mul)
  BINARY_HANDLER(Div)
  BINARY_HANDLER(Mod)
  BINARY_HANDLER(Exp)
  BINARY_HANDLER(BitwiseOr)
  BINARY_HANDLER(BitwiseXor)
  BINARY_HANDLER(BitwiseAnd)
  BINARY_HANDLER(ShiftLeft)
  BINARY_HANDLER(ShiftRight)
  BINARY_HANDLER(ShiftRightLogical)
#undef BINARY_HANDLER
#define SMI_HANDLER(name, op)                                             \
  IGN_CASE(name) {                                                        \
    JSValue r_;                                                           \
    int32_t imm_ = OPS(0);                                                \
    IgnIC *fb_ = IC(1);                                                   \
    if (js_is_int32(acc) && int_arith(IGN_##name, js_int32(acc), imm_, &r_)) { \
      fb_->bits |= IGN_FB_INT32;                                          \
      acc = r_;                                                           \
      IGN_NEXT();                                                         \
    }                                                                     \
    if (num_arith(IGN_##name, acc, js_from_int32(imm_), &r_)) {           \
      fb_->bits |= IGN_FB_NUMBER;                                         \
      acc = r_;                                                           \
      IGN_NEXT();                                                         \
    }                                                                     \
    fb_->bits |= feedback_kind(acc, acc);                                 \
    IGN_SAVE_STATE();                                                     \
    IGN_RESULT(ign_binary(vm, IGN_##op, acc, js_from_int32(imm_)));       \
  }
  SMI_HANDLER(AddSmi, Add)
  SMI_HANDLER(SubSmi, Sub)
  SMI_HANDLER(MulSmi, Mul)
  SMI_HANDLER(DivSmi, Div)
  SMI_HANDLER(ModSmi, Mod)
  SMI_HANDLER(BitwiseOrSmi, BitwiseOr)
  SMI_HANDLER(BitwiseAndSmi, BitwiseAnd)
  SMI_HANDLER(ShiftLeftSmi, ShiftLeft)
  SMI_HANDLER(ShiftRightSmi, ShiftRight)
#undef SMI_HANDLER
  IGN_CASE(Inc) {
    if (js_is_int32(acc) && js_int32(acc) != INT32_MAX) {
      acc = js_from_int32(js_int32(acc) + 1);
      IGN_NEXT();
    }
    IGN_SAVE_STATE();
    IGN_RESULT(ign_unary(vm, IGN_Inc, acc));
  }
  IGN_CASE(Dec) {
    if (js_is_int32(acc) && js_int32(acc) != INT32_MIN) {
      acc = js_from_int32(js_int32(acc) - 1);
      IGN_NEXT();
    }
    IGN_SAVE_STATE();
    IGN_RESULT(ign_unary(vm, IGN_Dec, acc));
  }
  IGN_CASE(Negate) {
    if (js_is_int32(acc) && js_int32(acc) != 0 && js_int32(acc) != INT32_MIN) {
      acc = js_from_int32(-js_int32(acc));
      IGN_NEXT();
    }
    IGN_SAVE_STATE();
    IGN_RESULT(ign_unary(vm, IGN_Negate, acc));
  }
  IGN_CASE(BitwiseNot) {
    if (js_is_int32(acc)) {
      acc = js_from_int32(~js_int32(acc));
      IGN_NEXT();
    }
    IGN_SAVE_STATE();
    IGN_RESULT(ign_unary(vm, IGN_BitwiseNot, acc));
  }
  IGN_CASE(ToNumeric) {
    if (js_is_number(acc)) IGN_NEXT();
    IGN_SAVE_STATE();
    IGN_RESULT(ign_unary(vm, IGN_ToNumeric, acc));
  }
  IGN_CASE(ToNumber) {
    // ToNumber [slot]: acc = ToNumber(acc), unary + (BigInts throw).
    if (js_is_number(acc)) IGN_NEXT();
    IGN_SAVE_STATE();
    IGN_RESULT(ign_unary(vm, IGN_ToNumber, acc));
  }
  IGN_CASE(ToString) {
    if (js_is_string(acc)) IGN_NEXT();
    IGN_SAVE_STATE();
    IGN_RESULT(js_to_string(vm, acc));
  }
  IGN_CASE(ToName) {
    // ToName: acc = ToPropertyKey(acc).
    IGN_SAVE_STATE();
    IGN_RESULT(js_to_property_key(vm, acc));
  }
  IGN_CASE(ToObject) {
    IGN_SAVE_STATE();
    JSValue o = js_to_object(vm, acc);
    if (js_is_exception(o)) goto exception;
    REG(0) = o;
    IGN_NEXT();
  }
  IGN_CASE(LogicalNot) { acc = js_from_bool(!js_bool(acc)); IGN_NEXT(); }
  IGN_CASE(ToBooleanLogicalNot) { acc = js_from_bool(!js_to_boolean(acc)); IGN_NEXT(); }
  IGN_CASE(TypeOf) { acc = js_typeof(vm, acc); IGN_NEXT(); }

  /* {==== Comparisons ====} */
#define COMPARE_HANDLER(name)                                             \
  IGN_CASE(name) {                                                        \
    JSValue l_ = REG(0);                                                  \
    IgnIC *fb_ = IC(1);                                                   \
    if (both_int32(l_, acc)) {                                            \
      int r_ = int_compare(IGN_##name, js_int32(l_), js_int32(acc));      \
      if (r_ >= 0) {                                                      \
        fb_->bits |= IGN_FB_INT32;                                        \
        acc = js_from_bool(r_);                                           \
        IGN_NEXT();                                                       \
      }                                                                   \
    }                                                                     \
    if (js_is_number(l_) && js_is_number(acc)) {                          \
      int r_ = num_compare(IGN_##name, js_number_value(l_), js_number_value(acc)); \
      if (r_ >= 0) {                                                      \
        fb_->bits |= both_int32(l_, acc) ? IGN_FB_INT32 : IGN_FB_NUMBER;  \
        acc = js_from_bool(r_);                                           \
        IGN_NEXT();                                                       \
      }                                                                   \
    }                                                                     \
    fb_->bits |= feedback_kind(l_, acc);                                  \
    IGN_SAVE_STATE();                                                     \
    IGN_RESULT(ign_compare(vm, IGN_##name, l_, acc));                     \
  }
  COMPARE_HANDLER(TestEqual)
  COMPARE_HANDLER(TestLessThan)
  COMPARE_HANDLER(TestGreaterThan)
  COMPARE_HANDLER(TestLessThanOrEqual)
  COMPARE_HANDLER(TestGreaterThanOrEqual)
  COMPARE_HANDLER(TestInstanceOf)
  COMPARE_HANDLER(TestIn)
#undef COMPARE_HANDLER
  IGN_CASE(TestEqualStrict) {
    JSValue l_ = REG(0);
    if (js_is_number(l_) && js_is_number(acc)) {
      acc = js_from_bool(js_number_value(l_) == js_number_value(acc));
      IGN_NEXT();
    }
    // Besides numbers, only strings and BigInts compare by content.
    if (!(js_is_string(l_) && js_is_string(acc)) &&
        !(js_is_type(l_, JS_TYPE_BigInt) && js_is_type(acc, JS_TYPE_BigInt))) {
      acc = js_from_bool(l_.bits == acc.bits);
      IGN_NEXT();
    }
    acc = js_from_bool(js_strict_equals(vm, l_, acc));
    IGN_NEXT();
  }
  IGN_CASE(TestNull) { acc = js_from_bool(js_is_null(acc)); IGN_NEXT(); }
  IGN_CASE(TestUndefined) { acc = js_from_bool(js_is_undefined(acc)); IGN_NEXT(); }
  IGN_CASE(TestUndetectable) { acc = js_from_bool(js_is_nullish(acc)); IGN_NEXT(); }

  /* {==== Calls ====} */
  IGN_CASE(CallProperty) {
    // CallProperty <fn> <args> <count> <slot>: args[0] is the receiver.
    callee = REG(0);
    argv = &REG(1);
    self = argv[0];
    argv++;
    argc = (int)OPU(2) - 1;
    new_target = JS_UNDEFINED;
    call_flags = 0;
    next_pc = pc + 1 + NOPS * scale;
    call_feedback(IC(3), callee);
    goto do_call;
  }
  IGN_CASE(CallUndefinedReceiver) {
    // CallUndefinedReceiver <fn> <args> <count> <slot>.
    callee = REG(0);
    argv = &REG(1);
    argc = (int)OPU(2);
    self = JS_UNDEFINED;
    new_target = JS_UNDEFINED;
    call_flags = 0;
    next_pc = pc + 1 + NOPS * scale;
    call_feedback(IC(3), callee);
    goto do_call;
  }
  IGN_CASE(CallWithSpread) {
    IGN_SAVE_STATE();
    js_throw_type_error(vm, "CallWithSpread is not emitted");
    goto exception;
  }
  IGN_CASE(Construct) {
    // Construct <fn> <args> <count> <slot>: new.target in acc.
    callee = REG(0);
    argv = &REG(1);
    argc = (int)OPU(2);
    new_target = acc;
    call_flags = IGN_FRAME_CONSTRUCT;
    next_pc = pc + 1 + NOPS * scale;
    call_feedback(IC(3), callee);
    goto do_call;
  }
  IGN_CASE(ConstructWithSpread) {
    IGN_SAVE_STATE();
    js_throw_type_error(vm, "ConstructWithSpread is not emitted");
    goto exception;
  }
  do_call : {
    // JS functions run in this loop; everything else through js_call.
    IGN_SAVE_STATE();
    f->ret_pc = next_pc;
    if (js_is_function(callee)) {
      JSFunction *fn = js_fn(callee);
      uint32_t sf = fn->shared->flags;
      bool construct = call_flags & IGN_FRAME_CONSTRUCT;
      if (!(sf & JS_FN_NATIVE) && (construct ? (sf & JS_FN_CONSTRUCTOR) != 0 : !(sf & JS_FN_CLASS))) {
        if (construct) {
          if (sf & JS_FN_DERIVED) {
            self = JS_HOLE;
          } else {
            JSValue proto = js_get_prototype_from_ctor(vm, new_target, JS_INTRINSIC_ObjectPrototype);
            if (js_is_exception(proto)) goto exception;
            self = js_new_object_proto(vm, proto);
          }
        }
        if (!ign_push_frame(vm, fn, self, argc, argv, new_target, call_flags)) goto exception;
        IGN_LOAD_STATE();
        IGN_JUMP_TO(code->bytecode);
      }
    }
    JSValue r = (call_flags & IGN_FRAME_CONSTRUCT)
                    ? js_construct(vm, callee, argc, argv, new_target)
                    : js_call(vm, callee, self, argc, argv);
    if (js_is_exception(r)) goto exception;
    acc = r;
    IGN_JUMP_TO(f->ret_pc);
  }
  IGN_CASE(CallRuntime) {
    // CallRuntime <id> <args> <count>.
    IGN_SAVE_STATE();
    IGN_RESULT(ign_runtime_fn[OPU(0)](vm, &REG(1), OPU(2), f));
  }

  /* {==== Making objects ====} */
  IGN_CASE(CreateClosure) {
    // CreateClosure <shared> <slot> <flags>.
    IGN_SAVE_STATE();
    acc = ign_new_closure(vm, js_heap(CONST(0)), CURRENT_ENV, f);
    IGN_NEXT();
  }
  IGN_CASE(CreateObjectLiteral) {
    uint32_t n = OPU(0);
    JSMap *m = js_map_root(vm, js_intrinsic(vm, ObjectPrototype), n > 64 ? 64 : n);
    acc = js_val(js_new_object_of(vm, m));
    IGN_NEXT();
  }
  IGN_CASE(CreateEmptyObjectLiteral) {
    acc = js_new_object(vm);
    IGN_NEXT();
  }
  IGN_CASE(CreateEmptyArrayLiteral) {
    acc = js_new_array(vm, 0);
    IGN_NEXT();
  }
  IGN_CASE(CreateArrayLiteral) {
    // CreateArrayLiteral <boilerplate> <slot>: a copy of a constant array.
    JSArrayStore *b = js_heap(CONST(0));
    acc = js_new_array_from(vm, b->used, b->v);
    IGN_NEXT();
  }
  IGN_CASE(CreateFunctionContext) {
    // CreateFunctionContext <scope info> <slots>: the frame's context.
    JSEnv *e = ign_new_env(vm, CURRENT_ENV, CONST(0), OPU(1));
    e->flags |= JS_ENV_FUNCTION;
    CONTEXT_SLOT = js_val(e);
    IGN_NEXT();
  }
  IGN_CASE(CreateBlockContext) {
    JSArrayStore *info = js_heap(CONST(0));
    acc = js_val(ign_new_env(vm, CURRENT_ENV, CONST(0), info->used));
    IGN_NEXT();
  }
  IGN_CASE(CreateCatchContext) {
    JSArrayStore *info = js_heap(CONST(1));
    JSEnv *e = ign_new_env(vm, CURRENT_ENV, CONST(1), info->used);
    if (info->used) e->slots[0] = REG(0);
    acc = js_val(e);
    IGN_NEXT();
  }
  IGN_CASE(CreateWithContext) {
    // CreateWithContext <object> <scope info>: a with statement's scope.
    JSEnv *e = ign_new_env(vm, CURRENT_ENV, JS_UNDEFINED, 0);
    e->with_object = REG(0);
    acc = js_val(e);
    IGN_NEXT();
  }
  IGN_CASE(CreateMappedArguments) {
    IGN_SAVE_STATE();
    acc = ign_create_arguments(vm, f, CONST(0));
    IGN_NEXT();
  }
  IGN_CASE(CreateUnmappedArguments) {
    IGN_SAVE_STATE();
    acc = ign_create_arguments(vm, f, JS_UNDEFINED);
    IGN_NEXT();
  }
  IGN_CASE(CreateRestParameter) {
    IGN_SAVE_STATE();
    acc = ign_create_rest(vm, f);
    IGN_NEXT();
  }

  /* {==== Jumps ====} */
  IGN_CASE(Jump) { IGN_JUMP_TO(insn + OPU(0)); }
  IGN_CASE(JumpLoop) {
    // JumpLoop <distance> <depth> <slot>: a back edge, counted for the JIT.
    IC(2)->count++;
    IGN_JUMP_TO(insn - OPU(0));
  }
#define COND_JUMP(name, cond)            \
  IGN_CASE(name) {                       \
    if (cond) IGN_JUMP_TO(insn + OPU(0)); \
    IGN_NEXT();                          \
  }
  COND_JUMP(JumpIfTrue, acc.bits == JS_TRUE.bits)
  COND_JUMP(JumpIfFalse, acc.bits == JS_FALSE.bits)
  COND_JUMP(JumpIfToBooleanTrue, js_to_boolean(acc))
  COND_JUMP(JumpIfToBooleanFalse, !js_to_boolean(acc))
  COND_JUMP(JumpIfNull, js_is_null(acc))
  COND_JUMP(JumpIfNotNull, !js_is_null(acc))
  COND_JUMP(JumpIfUndefined, js_is_undefined(acc))
  COND_JUMP(JumpIfNotUndefined, !js_is_undefined(acc))
  COND_JUMP(JumpIfUndefinedOrNull, js_is_nullish(acc))
  COND_JUMP(JumpIfNotUndefinedOrNull, !js_is_nullish(acc))
  COND_JUMP(JumpIfJSReceiver, js_is_object(acc))
  COND_JUMP(JumpIfNotHole, !js_is_hole(acc))
#undef COND_JUMP
  IGN_CASE(ForInNext) {
    // ForInNext <enumerator> <distance>: acc = next key, or jump when done.
    IGN_SAVE_STATE();
    JSValue k = ign_for_in_next(vm, REG(0));
    if (js_is_exception(k)) goto exception;
    if (js_is_hole(k)) IGN_JUMP_TO(insn + OPU(1));
    acc = k;
    IGN_NEXT();
  }

  /* {==== Iteration ====} */
  IGN_CASE(ForInEnumerate) {
    IGN_SAVE_STATE();
    IGN_RESULT(ign_for_in_enumerate(vm, REG(0)));
  }
  IGN_CASE(GetIterator) {
    IGN_SAVE_STATE();
    IGN_RESULT(ign_get_iterator(vm, REG(0)));
  }

  /* {==== Leaving ====} */
  IGN_CASE(Return) {
    // Return: leave the frame with acc.
    goto do_return;
  }
  IGN_CASE(Throw) {
    IGN_SAVE_STATE();
    js_throw(vm, acc);
    goto exception;
  }
  IGN_CASE(ReThrow) {
    // ReThrow: like Throw, keeping the original throw site.
    IGN_SAVE_STATE();
    vm->exception = acc;
    vm->has_exception = true;
    goto exception;
  }
  IGN_CASE(ThrowReferenceErrorIfHole) {
    if (!js_is_hole(acc)) IGN_NEXT();
    IGN_SAVE_STATE();
    ign_throw_hole(vm, CONST(0));
    goto exception;
  }
  IGN_CASE(ThrowSuperNotCalledIfHole) {
    if (!js_is_hole(acc)) IGN_NEXT();
    IGN_SAVE_STATE();
    js_throw_reference_error(vm, "Must call super constructor in derived class before "
                                 "accessing 'this' or returning from derived constructor");
    goto exception;
  }
  IGN_CASE(ThrowSuperAlreadyCalledIfNotHole) {
    if (js_is_hole(acc)) IGN_NEXT();
    IGN_SAVE_STATE();
    js_throw_reference_error(vm, "Super constructor may only be called once");
    goto exception;
  }
  IGN_CASE(ThrowConstAssignment) {
    IGN_SAVE_STATE();
    js_throw_type_error(vm, "Assignment to constant variable.");
    goto exception;
  }

  /* {==== Generators (compiled by a later brick) ====} */
  IGN_CASE(SuspendGenerator) {
    // SuspendGenerator <gen> <regs> <count> <flags>: move the frame into
    // the generator and leave it with acc (flag 1: yield* handles modes).
    JSGenerator *gen = js_heap(REG(0));
    uint32_t n = (uint32_t)(fp + code->nregs - f->base);
    if (!gen->frame || gen->frame->length < n) ORI_STORE_PTR(gen, frame, js_new_store(vm, n));
    for (uint32_t i = 0; i < n; i++) ORI_STORE_SLOT(gen->frame, &gen->frame->v[i], f->base[i]);
    gen->frame->used = n;
    gen->suspend_offset = (uint32_t)(insn - code->bytecode);
    gen->resume_offset = (uint32_t)(pc + 1 + NOPS * scale - code->bytecode);
    gen->raw = (uint8_t)(OPU(3) & 3);
    gen->state = IGN_GEN_SUSPENDED;
    goto do_leave;
  }
  IGN_CASE(ResumeGenerator) { goto illegal; }
  IGN_CASE(SwitchOnGeneratorState) { goto illegal; }

  /* {==== Misc ====} */
  IGN_CASE(Debugger) { IGN_NEXT(); }
  IGN_CASE(Illegal) { goto illegal; }
#ifndef IGN_COMPUTED_GOTO
  }
#endif

illegal:
  IGN_SAVE_STATE();
  js_throw_type_error(vm, "internal error: illegal bytecode %u", *pc);
  goto exception;

do_return : {
  // [[Construct]]: objects are returned as they are; anything else gives
  // the receiver (derived constructors allow only undefined).
  if ((f->flags & IGN_FRAME_CONSTRUCT) && !js_is_object(acc)) {
    JSValue receiver = THIS_SLOT;
    if (f->fn->shared->flags & JS_FN_DERIVED) {
      IGN_SAVE_STATE();
      // [[Construct]] throws these after the callee's context is gone:
      // the errors are the caller's realm's.
      JSRealm *callee_realm = vm->realm;
      if (f->flags & IGN_FRAME_REALM) vm->realm = f->caller_realm;
      if (!js_is_undefined(acc)) {
        js_throw_type_error(vm, "Derived constructors may only return object or undefined");
        vm->realm = callee_realm;
        goto exception;
      }
      if (js_is_hole(receiver)) {
        js_throw_reference_error(vm, "Must call super constructor in derived class before "
                                     "accessing 'this' or returning from derived constructor");
        vm->realm = callee_realm;
        goto exception;
      }
      vm->realm = callee_realm;
    }
    acc = receiver;
  }
  goto do_leave;
}

do_leave : {
  // One test on the way out of a same-realm JS-to-JS call.
  uint32_t leave_flags = f->flags;
  st->sp = f->base;
  st->nframes--;
  if (leave_flags & (IGN_FRAME_ENTRY | IGN_FRAME_REALM)) {
    if (leave_flags & IGN_FRAME_REALM) vm->realm = f->caller_realm;
    if (leave_flags & IGN_FRAME_ENTRY) return acc;
  }
  IGN_LOAD_STATE();
  IGN_JUMP_TO(f->ret_pc);
}

exception : {
  // Unwind to the innermost handler covering the throwing instruction,
  // popping frames; an entry frame hands the exception to its C caller.
  ign_record_throw(vm, f);
  for (;;) {
    uint32_t off = (uint32_t)(f->pc - code->bytecode);
    for (uint32_t i = 0; i < code->nhandlers; i++) {
      IgnHandler *h = &code->handlers[i];
      if (off < h->start || off >= h->end) continue;
      // A generator's return passes catch clauses (finally blocks run).
      if (h->is_catch && ign_is_return_box(vm, vm->exception)) continue;
      acc = js_take_exception(vm);
      CONTEXT_SLOT = fp[h->ctx_reg];
      st->sp = fp + code->nregs;
      IGN_JUMP_TO(code->bytecode + h->handler);
    }
    bool entry = f->flags & IGN_FRAME_ENTRY;
    st->sp = f->base;
    if (f->flags & IGN_FRAME_REALM) vm->realm = f->caller_realm;
    st->nframes--;
    if (entry) return JS_EXCEPTION;
    IGN_LOAD_STATE();
  }
}
}
