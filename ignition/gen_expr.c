/*
 * ignition/gen_expr.c — expressions. The result of gen_expr is in the
 * accumulator; operands that must survive another evaluation go to
 * temporaries allocated in stack order and released on the way out.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ignition/gen.h"
#include "runtime/bigint.h"

/* {==== Literals ====} */

static void number(Gen *g, double d) {
  if (d == 0 && !signbit(d)) {
    GEN0(g, LdaZero);
  } else if (d >= INT32_MIN && d <= INT32_MAX && d == (int32_t)d && !(d == 0)) {
    GEN1(g, LdaSmi, (int32_t)d);
  } else {
    GEN1(g, LdaConstant, gen_const(g, js_from_number(d)));
  }
}

static void string_lit(Gen *g, PrsAtom *a) { GEN1(g, LdaConstant, gen_const_atom(g, a)); }

// A BigInt literal: the front end hands over its value as decimal digits,
// made a BigInt constant here (V8 keeps them in the pool the same way).
static void bigint_lit(Gen *g, PrsBigInt *n) {
  JSValue v = js_bigint_from_text(g->vm, n->digits->text, n->digits->len, 10);
  // Only a literal of more than 2^30 bits fails (300 million digits).
  if (js_is_exception(v)) {
    js_take_exception(g->vm);
    gen_error(g, &n->base, "Maximum BigInt size exceeded");
  }
  GEN1(g, LdaConstant, gen_const(g, v));
}

// A template literal: cooked strings and substitutions concatenated left
// to right, each substitution through ToString (so symbols throw).
static void template_lit(Gen *g, PrsTemplate *t) {
  PrsTemplatePart *q0 = PRS_AS(t->quasis.items[0], TemplatePart);
  string_lit(g, q0->cooked);
  if (t->exprs.len == 0) return;
  int acc = gen_temp(g);
  for (uint32_t i = 0; i < t->exprs.len; i++) {
    GEN1(g, Star, acc);
    gen_expr(g, t->exprs.items[i]);
    GEN0(g, ToString);
    GEN2(g, Add, acc, gen_slot(g, IGN_SLOT_BINARY));
    PrsTemplatePart *q = PRS_AS(t->quasis.items[i + 1], TemplatePart);
    if (q->cooked->len) {
      GEN1(g, Star, acc);
      string_lit(g, q->cooked);
      GEN2(g, Add, acc, gen_slot(g, IGN_SLOT_BINARY));
    }
  }
  gen_release(g, acc);
}

// The site of a tagged template: cooked strings (undefined when invalid),
// then raw strings, then a cache slot for the frozen template object.
static int template_site(Gen *g, PrsTemplate *t) {
  uint32_t n = t->quasis.len;
  JSArrayStore *site = js_new_store(g->vm, 2 * n + 1);
  for (uint32_t i = 0; i < n; i++) {
    PrsTemplatePart *q = PRS_AS(t->quasis.items[i], TemplatePart);
    site->v[i] = q->cooked ? gen_atom_string(g, q->cooked) : JS_UNDEFINED;
    site->v[n + i] = gen_atom_string(g, q->raw);
  }
  site->v[2 * n] = JS_UNDEFINED;
  site->used = n;
  return gen_const(g, js_val(site));
}

static int args_with_spread(PrsList *args) {
  for (uint32_t i = 0; i < args->len; i++)
    if (PRS_IS(args->items[i], Spread)) return 1;
  return 0;
}

static void tagged_template(Gen *g, PrsTaggedTemplate *t) {
  PrsTemplate *tpl = PRS_AS(t->quasi, Template);
  uint32_t n = tpl->exprs.len;
  int callee = gen_temp(g);
  int args = gen_temps(g, n + 2);  // receiver, template object, subs
  PrsNode *tag = t->tag;
  if (PRS_IS(tag, Member) || PRS_IS(tag, Index)) {
    gen_callee_and_receiver(g, tag, callee, args);
  } else {
    gen_expr_to(g, tag, callee);
    GEN0(g, LdaUndefined);
    GEN1(g, Star, args);
  }
  int k = gen_temp(g);
  GEN1(g, LdaConstant, template_site(g, tpl));
  GEN1(g, Star, k);
  gen_call_runtime(g, IGN_RT_GetTemplateObject, k, 1);
  GEN1(g, Star, args + 1);
  for (uint32_t i = 0; i < n; i++) gen_expr_to(g, tpl->exprs.items[i], args + 2 + (int)i);
  gen_expr_pos(g, &t->base);
  GEN4(g, CallProperty, callee, args, n + 2, gen_slot(g, IGN_SLOT_CALL));
  gen_release(g, callee);
}

/* {==== Arrays and objects ====} */

static void array_lit(Gen *g, PrsArray *a) {
  int arr = gen_temp(g);
  GEN1(g, CreateEmptyArrayLiteral, gen_slot(g, IGN_SLOT_LITERAL));
  GEN1(g, Star, arr);
  for (uint32_t i = 0; i < a->elements.len; i++) {
    PrsNode *e = a->elements.items[i];
    if (PRS_IS(e, Hole)) {
      GEN0(g, LdaTheHole);
      GEN1(g, ArrayPush, arr);
    } else if (PRS_IS(e, Spread)) {
      int args = gen_temps(g, 2);
      GEN2(g, Mov, arr, args);
      gen_expr_to(g, PRS_AS(e, Spread)->arg, args + 1);
      gen_call_runtime(g, IGN_RT_SpreadIntoArray, args, 2);
      gen_release(g, args);
    } else {
      gen_expr(g, e);
      GEN1(g, ArrayPush, arr);
    }
  }
  GEN1(g, Ldar, arr);
  gen_release(g, arr);
}

// A property key known at compile time: its constant (a string, or a
// number for numeric keys); -1 for computed keys.
static int static_key(Gen *g, PrsNode *key, bool *numeric) {
  *numeric = false;
  if (key->flags & PRS_FLAG_Computed) return -1;
  int k = -1;
  if (PRS_IS(key, PropName)) k = gen_const_atom(g, PRS_AS(key, PropName)->name);
  if (PRS_IS(key, String)) k = gen_const_atom(g, PRS_AS(key, String)->value);
  // A name that spells an array index ({'0': x}) is an element.
  if (k >= 0) {
    *numeric = (js_str(g->consts[k])->flags & JS_STR_INDEX) != 0;
    return k;
  }
  if (PRS_IS(key, Ident)) return gen_const_atom(g, PRS_AS(key, Ident)->name);
  if (PRS_IS(key, Number)) {
    *numeric = true;
    return gen_const(g, js_from_number(PRS_AS(key, Number)->value));
  }
  return -1;
}

// Load a property key into reg as a property key value (ToPropertyKey).
void gen_key_to(Gen *g, PrsNode *key, int reg) {
  bool numeric;
  int k = static_key(g, key, &numeric);
  if (k >= 0) {
    GEN1(g, LdaConstant, k);
  } else {
    gen_expr(g, key);
  }
  GEN0(g, ToName);
  GEN1(g, Star, reg);
}

static bool is_anonymous_fn(PrsNode *v) {
  if (PRS_IS(v, Function)) return !PRS_AS(v, Function)->name;
  if (PRS_IS(v, Class)) return !PRS_AS(v, Class)->name;
  return false;
}

// The name a static key gives an anonymous function ("get x" etc. are
// added by the runtime for accessors).
JSValue gen_key_name(Gen *g, PrsNode *key) {
  bool numeric;
  int k = static_key(g, key, &numeric);
  if (k < 0) return JS_UNDEFINED;
  JSValue v = g->consts[k];
  return numeric ? js_intern(g->vm, js_to_string(g->vm, v)) : v;
}

// Evaluate a property value; anonymous functions take the key's name.
static void named_value(Gen *g, PrsNode *value, JSValue name) {
  if (is_anonymous_fn(value) && !js_is_undefined(name)) {
    if (PRS_IS(value, Function)) gen_closure_named(g, value, name);
    else gen_class_named(g, PRS_AS(value, Class), name);
    return;
  }
  gen_expr(g, value);
}

static void object_method(Gen *g, int obj, PrsProperty *p, PrsFunction *f) {
  bool accessor = f->base.flags & (PRS_FLAG_Getter | PRS_FLAG_Setter);
  int args = gen_temps(g, 3);
  GEN2(g, Mov, obj, args);
  gen_key_to(g, p->key, args + 1);
  gen_closure_named(g, &f->base, gen_key_name(g, p->key));
  GEN1(g, Star, args + 2);
  IgnRuntimeId id = (f->base.flags & PRS_FLAG_Getter) ? IGN_RT_DefineGetter
                    : (f->base.flags & PRS_FLAG_Setter) ? IGN_RT_DefineSetter
                                                        : IGN_RT_DefineClassMethod;
  // Object literal methods are enumerable: DefineClassMethod's flag 1.
  if (!accessor) {
    int t = gen_temps(g, 4);
    GEN2(g, Mov, args, t);
    GEN2(g, Mov, args + 1, t + 1);
    GEN2(g, Mov, args + 2, t + 2);
    GEN0(g, LdaTrue);
    GEN1(g, Star, t + 3);
    gen_call_runtime(g, id, t, 4);
  } else {
    gen_call_runtime(g, id, args, 3);
  }
  gen_release(g, args);
}

static void object_prop(Gen *g, int obj, PrsNode *n) {
  if (PRS_IS(n, Spread)) {
    int args = gen_temps(g, 2);
    GEN2(g, Mov, obj, args);
    gen_expr_to(g, PRS_AS(n, Spread)->arg, args + 1);
    gen_call_runtime(g, IGN_RT_CopyDataProperties, args, 2);
    gen_release(g, args);
    return;
  }
  PrsProperty *p = PRS_AS(n, Property);
  gen_mark_computed(n, p->key);
  if (PRS_IS(p->value, Function) && (p->value->flags & PRS_FLAG_Method)) {
    object_method(g, obj, p, PRS_AS(p->value, Function));
    return;
  }
  if (n->flags & PRS_FLAG_Proto) {
    int args = gen_temps(g, 2);
    GEN2(g, Mov, obj, args);
    gen_expr_to(g, p->value, args + 1);
    gen_call_runtime(g, IGN_RT_SetPrototypeLiteral, args, 2);
    gen_release(g, args);
    return;
  }
  bool numeric;
  int k = static_key(g, p->key, &numeric);
  if (k >= 0 && !numeric) {
    named_value(g, p->value, g->consts[k]);
    GEN3(g, DefineNamedOwnProperty, obj, k, gen_slot(g, IGN_SLOT_STORE));
    return;
  }
  int key = gen_temp(g);
  gen_key_to(g, p->key, key);
  bool anon = is_anonymous_fn(p->value);
  if (k >= 0) named_value(g, p->value, gen_key_name(g, p->key));
  else gen_expr(g, p->value);
  // Flag 1: a computed key names the anonymous function at run time.
  GEN3(g, DefineKeyedOwnProperty, obj, key, (k < 0 && anon) ? 1 : 0);
  gen_release(g, key);
}

static void object_lit(Gen *g, PrsObject *o) {
  int obj = gen_temp(g);
  // Size the object for its literal's properties: no out-of-line store.
  if (o->props.len > JS_DEFAULT_INLINE_SLOTS) GEN1(g, CreateObjectLiteral, (int32_t)o->props.len);
  else GEN0(g, CreateEmptyObjectLiteral);
  GEN1(g, Star, obj);
  for (uint32_t i = 0; i < o->props.len; i++) object_prop(g, obj, o->props.items[i]);
  GEN1(g, Ldar, obj);
  gen_release(g, obj);
}

/* {==== Operators ====} */

static IgnOpcode binary_opcode(PrsOp op) {
  switch (op) {
    case PRS_OP_Add: case PRS_OP_AddAssign: return IGN_Add;
    case PRS_OP_Sub: case PRS_OP_SubAssign: return IGN_Sub;
    case PRS_OP_Mul: case PRS_OP_MulAssign: return IGN_Mul;
    case PRS_OP_Div: case PRS_OP_DivAssign: return IGN_Div;
    case PRS_OP_Mod: case PRS_OP_ModAssign: return IGN_Mod;
    case PRS_OP_Exp: case PRS_OP_ExpAssign: return IGN_Exp;
    case PRS_OP_Shl: case PRS_OP_ShlAssign: return IGN_ShiftLeft;
    case PRS_OP_Sar: case PRS_OP_SarAssign: return IGN_ShiftRight;
    case PRS_OP_Shr: case PRS_OP_ShrAssign: return IGN_ShiftRightLogical;
    case PRS_OP_BitAnd: case PRS_OP_BitAndAssign: return IGN_BitwiseAnd;
    case PRS_OP_BitOr: case PRS_OP_BitOrAssign: return IGN_BitwiseOr;
    case PRS_OP_BitXor: case PRS_OP_BitXorAssign: return IGN_BitwiseXor;
    case PRS_OP_Eq: return IGN_TestEqual;
    case PRS_OP_Ne: return IGN_TestEqual;
    case PRS_OP_StrictEq: return IGN_TestEqualStrict;
    case PRS_OP_StrictNe: return IGN_TestEqualStrict;
    case PRS_OP_Lt: return IGN_TestLessThan;
    case PRS_OP_Le: return IGN_TestLessThanOrEqual;
    case PRS_OP_Gt: return IGN_TestGreaterThan;
    case PRS_OP_Ge: return IGN_TestGreaterThanOrEqual;
    case PRS_OP_In: return IGN_TestIn;
    case PRS_OP_Instanceof: return IGN_TestInstanceOf;
    case PRS_OP_None: case PRS_OP_And: case PRS_OP_Or: case PRS_OP_Nullish:
    case PRS_OP_Not: case PRS_OP_BitNot: case PRS_OP_Neg: case PRS_OP_Plus:
    case PRS_OP_Typeof: case PRS_OP_Void: case PRS_OP_Delete: case PRS_OP_Inc:
    case PRS_OP_Dec: case PRS_OP_Assign: case PRS_OP_AndAssign:
    case PRS_OP_OrAssign: case PRS_OP_NullishAssign: case PRS_OP_Var:
    case PRS_OP_Let: case PRS_OP_Const: case PRS_OP_Using:
    case PRS_OP_AwaitUsing: case PRS_OP_COUNT:
      break;
  }
  return IGN_Illegal;
}

// The Smi forms for `x op small-integer-literal`.
static IgnOpcode smi_opcode(IgnOpcode op) {
  static const IgnOpcode pairs[][2] = {
      {IGN_Add, IGN_AddSmi}, {IGN_Sub, IGN_SubSmi}, {IGN_Mul, IGN_MulSmi},
      {IGN_Div, IGN_DivSmi}, {IGN_Mod, IGN_ModSmi},
      {IGN_BitwiseOr, IGN_BitwiseOrSmi}, {IGN_BitwiseAnd, IGN_BitwiseAndSmi},
      {IGN_ShiftLeft, IGN_ShiftLeftSmi}, {IGN_ShiftRight, IGN_ShiftRightSmi}};
  for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++)
    if (pairs[i][0] == op) return pairs[i][1];
  return IGN_Illegal;
}

static bool small_int(PrsNode *n, int32_t *v) {
  if (!PRS_IS(n, Number)) return false;
  double d = PRS_AS(n, Number)->value;
  if (d < -128 || d > 127 || d != (int32_t)d || (d == 0 && signbit(d))) return false;
  *v = (int32_t)d;
  return true;
}

// Whether evaluating n may assign the register variable v (only syntactic
// assignments can: a register variable is never captured).
static bool assigns(PrsNode *n, PrsVar *v) {
  if (!n) return false;
  if (PRS_IS(n, Assign) && PRS_IS(PRS_AS(n, Assign)->target, Ident) &&
      PRS_AS(PRS_AS(n, Assign)->target, Ident)->var == v)
    return true;
  if (PRS_IS(n, Update) && PRS_IS(PRS_AS(n, Update)->arg, Ident) &&
      PRS_AS(PRS_AS(n, Update)->arg, Ident)->var == v)
    return true;
  if (PRS_IS(n, Function) || PRS_IS(n, Class)) return false;
  // Destructuring can assign too: be conservative about patterns.
  if (PRS_IS_PATTERN(n)) return true;
  for (const PrsField *f = prs_kind_info[n->kind].fields(); f->name; f++) {
    char *p = (char *)n + f->offset;
    if (f->kind == PRS_FIELD_NODE && assigns(*(PrsNode **)p, v)) return true;
    if (f->kind == PRS_FIELD_LIST) {
      PrsList *l = (PrsList *)p;
      for (uint32_t i = 0; i < l->len; i++)
        if (assigns(l->items[i], v)) return true;
    }
  }
  return false;
}

// A left operand that is a register variable can be used in place when
// the right operand cannot assign it (V8's register optimizer does the
// same): saves a Mov. -1 when a temporary is needed.
int gen_operand_register(Gen *g, PrsNode *left, PrsNode *right) {
  if (!PRS_IS(left, Ident) || (left->flags & PRS_FLAG_HoleCheck)) return -1;
  PrsVar *v = PRS_AS(left, Ident)->var;
  if (!v || v->location != PRS_LOC_REGISTER) return -1;
  if (assigns(right, v)) return -1;
  return gen_var_operand(g, v);
}

// acc = left OP right for arithmetic, bitwise and comparison operators.
static void binary(Gen *g, PrsBinary *b) {
  PrsOp op = (PrsOp)b->base.op;
  if (op == PRS_OP_In && PRS_IS(b->left, PrivateName)) {
    int args = gen_temps(g, 2);
    gen_expr_to(g, b->right, args);
    gen_private_name(g, PRS_AS(b->left, PrivateName)->var, args + 1);
    gen_call_runtime(g, IGN_RT_PrivateIn, args, 2);
    gen_release(g, args);
    return;
  }
  IgnOpcode code = binary_opcode(op);
  int32_t imm;
  if (smi_opcode(code) != IGN_Illegal && small_int(b->right, &imm)) {
    gen_expr(g, b->left);
    gen_expr_pos(g, &b->base);
    gen_emit(g, smi_opcode(code), imm, gen_slot(g, IGN_SLOT_BINARY), 0, 0);
    return;
  }
  int first = (int)g->next_temp;
  int l = gen_operand_register(g, b->left, b->right);
  if (l < 0) {
    l = gen_temp(g);
    gen_expr_to(g, b->left, l);
  }
  gen_expr(g, b->right);
  gen_expr_pos(g, &b->base);
  bool compare = code >= IGN_TestEqual && code <= IGN_TestIn;
  gen_emit(g, code, l, gen_slot(g, compare ? IGN_SLOT_COMPARE : IGN_SLOT_BINARY), 0, 0);
  if (op == PRS_OP_Ne || op == PRS_OP_StrictNe) GEN0(g, LogicalNot);
  gen_release(g, first);
}

static void logical(Gen *g, PrsLogical *l) {
  int end = gen_label(g);
  gen_expr(g, l->left);
  if (l->base.op == PRS_OP_And) GEN1(g, JumpIfToBooleanFalse, end);
  else if (l->base.op == PRS_OP_Or) GEN1(g, JumpIfToBooleanTrue, end);
  else GEN1(g, JumpIfNotUndefinedOrNull, end);
  gen_expr(g, l->right);
  gen_bind(g, end);
}

static void conditional(Gen *g, PrsConditional *c) {
  int other = gen_label(g), end = gen_label(g);
  gen_test(g, c->test, other, false);
  gen_expr(g, c->then);
  GEN1(g, Jump, end);
  gen_bind(g, other);
  gen_expr(g, c->otherwise);
  gen_bind(g, end);
}

void gen_test(Gen *g, PrsNode *n, int false_label, bool jump_if) {
  // Conditions of logical operators branch directly instead of making a
  // boolean first.
  if (PRS_IS(n, Unary) && n->op == PRS_OP_Not) {
    gen_test(g, PRS_AS(n, Unary)->arg, false_label, !jump_if);
    return;
  }
  if (PRS_IS(n, Logical) && n->op != PRS_OP_Nullish) {
    PrsLogical *l = PRS_AS(n, Logical);
    bool is_and = n->op == PRS_OP_And;
    if (is_and == !jump_if) {
      // and, jumping when false: either side false jumps.
      gen_test(g, l->left, false_label, jump_if);
      gen_test(g, l->right, false_label, jump_if);
    } else {
      int skip = gen_label(g);
      gen_test(g, l->left, skip, !jump_if);
      gen_test(g, l->right, false_label, jump_if);
      gen_bind(g, skip);
    }
    return;
  }
  gen_expr(g, n);
  bool boolean = PRS_IS(n, Binary) && binary_opcode((PrsOp)n->op) >= IGN_TestEqual &&
                 binary_opcode((PrsOp)n->op) <= IGN_TestIn;
  if (boolean) gen_emit(g, jump_if ? IGN_JumpIfTrue : IGN_JumpIfFalse, false_label, 0, 0, 0);
  else gen_emit(g, jump_if ? IGN_JumpIfToBooleanTrue : IGN_JumpIfToBooleanFalse, false_label, 0, 0, 0);
}

/* {==== Property access ====} */

// Short-circuit of a ?. link: the object is in acc.
static void optional_check(Gen *g, PrsNode *n) {
  if ((n->flags & PRS_FLAG_Optional) && g->optional_nil >= 0)
    GEN1(g, JumpIfUndefinedOrNull, g->optional_nil);
}

static bool is_super(PrsNode *n) { return PRS_IS(n, Super); }

// super.key with key in reg: SuperGet(closure, key, this).
static void super_get(Gen *g, int key) {
  int args = gen_temps(g, 3);
  GEN2(g, Mov, GEN_CLOSURE(g), args);
  GEN2(g, Mov, key, args + 1);
  GEN1(g, Ldar, GEN_THIS(g));
  GEN1(g, Star, args + 2);
  gen_call_runtime(g, IGN_RT_SuperGet, args, 3);
  gen_release(g, args);
}

static void member_key_to(Gen *g, PrsNode *n, int reg) {
  if (PRS_IS(n, Member)) {
    GEN1(g, LdaConstant, gen_const_atom(g, PRS_AS(n, Member)->name));
    GEN1(g, Star, reg);
  } else {
    gen_expr(g, PRS_AS(n, Index)->index);
    GEN0(g, ToName);
    GEN1(g, Star, reg);
  }
}

// Load obj.name / obj[key] / obj.#x where the object is already in reg.
static void load_member_from(Gen *g, PrsNode *n, int obj) {
  if (PRS_IS(n, Member)) {
    gen_expr_pos(g, n);
    GEN3(g, GetNamedProperty, obj, gen_const_atom(g, PRS_AS(n, Member)->name),
         gen_slot(g, IGN_SLOT_LOAD));
  } else if (PRS_IS(n, Index)) {
    gen_expr(g, PRS_AS(n, Index)->index);
    gen_expr_pos(g, n);
    GEN2(g, GetKeyedProperty, obj, gen_slot(g, IGN_SLOT_LOAD));
  } else {
    int args = gen_temps(g, 2);
    GEN2(g, Mov, obj, args);
    gen_private_name(g, PRS_AS(n, PrivateMember)->var, args + 1);
    gen_call_runtime(g, IGN_RT_PrivateGet, args, 2);
    gen_release(g, args);
  }
}

static PrsNode *member_object(PrsNode *n) {
  if (PRS_IS(n, Member)) return PRS_AS(n, Member)->object;
  if (PRS_IS(n, Index)) return PRS_AS(n, Index)->object;
  return PRS_AS(n, PrivateMember)->object;
}

static void member(Gen *g, PrsNode *n) {
  PrsNode *o = member_object(n);
  if (is_super(o)) {
    int key = gen_temp(g);
    member_key_to(g, n, key);
    super_get(g, key);
    gen_release(g, key);
    return;
  }
  int obj = gen_temp(g);
  gen_expr(g, o);
  optional_check(g, n);
  GEN1(g, Star, obj);
  load_member_from(g, n, obj);
  gen_release(g, obj);
}

void gen_callee_and_receiver(Gen *g, PrsNode *m, int callee, int receiver) {
  PrsNode *o = member_object(m);
  if (is_super(o)) {
    int key = gen_temp(g);
    member_key_to(g, m, key);
    super_get(g, key);
    GEN1(g, Star, callee);
    GEN1(g, Ldar, GEN_THIS(g));
    GEN1(g, Star, receiver);
    gen_release(g, key);
    return;
  }
  gen_expr(g, o);
  optional_check(g, m);
  GEN1(g, Star, receiver);
  load_member_from(g, m, receiver);
  GEN1(g, Star, callee);
}

/* {==== Calls ====} */

// Arguments with a spread: one array built like an array literal.
static void args_array_to(Gen *g, PrsList *args, int reg) {
  GEN1(g, CreateEmptyArrayLiteral, gen_slot(g, IGN_SLOT_LITERAL));
  GEN1(g, Star, reg);
  for (uint32_t i = 0; i < args->len; i++) {
    PrsNode *e = args->items[i];
    if (PRS_IS(e, Spread)) {
      int t = gen_temps(g, 2);
      GEN2(g, Mov, reg, t);
      gen_expr_to(g, PRS_AS(e, Spread)->arg, t + 1);
      gen_call_runtime(g, IGN_RT_SpreadIntoArray, t, 2);
      gen_release(g, t);
    } else {
      gen_expr(g, e);
      GEN1(g, ArrayPush, reg);
    }
  }
}

static bool is_member(PrsNode *n) {
  return PRS_IS(n, Member) || PRS_IS(n, Index) || PRS_IS(n, PrivateMember);
}

static void call(Gen *g, PrsCall *c) {
  if (is_super(c->callee)) {
    gen_super_call(g, c);
    return;
  }
  uint32_t n = c->args.len;
  bool spread = args_with_spread(&c->args);
  int fn = gen_temp(g);
  int args = gen_temps(g, spread ? 3 : n + 1);
  bool property = is_member(c->callee);
  if (property) {
    gen_callee_and_receiver(g, c->callee, fn, args);
  } else {
    gen_expr_to(g, c->callee, fn);
    // Only the spread path passes the receiver register along.
    if (spread) {
      GEN0(g, LdaUndefined);
      GEN1(g, Star, args);
    }
  }
  if ((c->base.flags & PRS_FLAG_Optional) && g->optional_nil >= 0) {
    GEN1(g, Ldar, fn);
    GEN1(g, JumpIfUndefinedOrNull, g->optional_nil);
  }
  if (spread) {
    args_array_to(g, &c->args, args + 2);
    GEN2(g, Mov, args, args + 1);
    GEN2(g, Mov, fn, args);
    gen_expr_pos(g, &c->base);
    gen_call_runtime(g, IGN_RT_CallWithArray, args, 3);
  } else if (c->base.flags & PRS_FLAG_DirectEval) {
    for (uint32_t i = 0; i < n; i++) gen_expr_to(g, c->args.items[i], args + 1 + (int)i);
    gen_direct_eval(g, fn, args, n);
  } else {
    for (uint32_t i = 0; i < n; i++) gen_expr_to(g, c->args.items[i], args + 1 + (int)i);
    gen_expr_pos(g, &c->base);
    if (property)
      GEN4(g, CallProperty, fn, args, n + 1, gen_slot(g, IGN_SLOT_CALL));
    else
      GEN4(g, CallUndefinedReceiver, fn, args + 1, n, gen_slot(g, IGN_SLOT_CALL));
  }
  gen_release(g, fn);
}

static void new_expr(Gen *g, PrsNew *nw) {
  uint32_t n = nw->args.len;
  bool spread = args_with_spread(&nw->args);
  int fn = gen_temp(g);
  gen_expr_to(g, nw->callee, fn);
  if (spread) {
    int args = gen_temps(g, 3);
    GEN2(g, Mov, fn, args);
    args_array_to(g, &nw->args, args + 1);
    GEN2(g, Mov, fn, args + 2);
    gen_expr_pos(g, &nw->base);
    gen_call_runtime(g, IGN_RT_ConstructWithArray, args, 3);
  } else {
    int args = gen_temps(g, n ? n : 1);
    for (uint32_t i = 0; i < n; i++) gen_expr_to(g, nw->args.items[i], args + (int)i);
    GEN1(g, Ldar, fn);
    gen_expr_pos(g, &nw->base);
    GEN4(g, Construct, fn, args, n, gen_slot(g, IGN_SLOT_CALL));
  }
  gen_release(g, fn);
}

// super(...args) in a derived constructor: construct the parent with this
// function's new.target, bind `this`, run the field initializers.
void gen_super_call(Gen *g, PrsCall *c) {
  uint32_t n = c->args.len;
  bool spread = args_with_spread(&c->args);
  int ctor = gen_temp(g);
  int t = gen_temp(g);
  GEN2(g, Mov, GEN_CLOSURE(g), t);
  gen_call_runtime(g, IGN_RT_GetSuperConstructor, t, 1);
  GEN1(g, Star, ctor);
  if (spread) {
    int args = gen_temps(g, 3);
    GEN2(g, Mov, ctor, args);
    args_array_to(g, &c->args, args + 1);
    GEN2(g, Mov, GEN_NEW_TARGET(g), args + 2);
    gen_expr_pos(g, &c->base);
    gen_call_runtime(g, IGN_RT_ConstructWithArray, args, 3);
  } else {
    int args = gen_temps(g, n ? n : 1);
    for (uint32_t i = 0; i < n; i++) gen_expr_to(g, c->args.items[i], args + (int)i);
    GEN1(g, Ldar, GEN_NEW_TARGET(g));
    gen_expr_pos(g, &c->base);
    GEN4(g, Construct, ctor, args, n, gen_slot(g, IGN_SLOT_CALL));
  }
  GEN1(g, Star, t);
  GEN1(g, Ldar, GEN_THIS(g));
  GEN0(g, ThrowSuperAlreadyCalledIfNotHole);
  GEN1(g, Ldar, t);
  GEN1(g, Star, GEN_THIS(g));
  int args = gen_temps(g, 2);
  GEN2(g, Mov, t, args);
  GEN2(g, Mov, GEN_CLOSURE(g), args + 1);
  gen_call_runtime(g, IGN_RT_InitializeFields, args, 2);
  GEN1(g, Ldar, t);
  gen_release(g, ctor);
}

/* {==== References: assignment targets ====} */

// Evaluate the parts of a reference that come before the value.
void gen_ref_prepare(Gen *g, PrsNode *t, Ref *r) {
  r->node = t;
  r->obj = r->key = -1;
  if (PRS_IS(t, Ident)) {
    r->kind = REF_IDENT;
    return;
  }
  if (!PRS_IS(t, Member) && !PRS_IS(t, Index) && !PRS_IS(t, PrivateMember)) {
    // f() as a target (Annex B, sloppy code): the call runs, then a
    // ReferenceError.
    r->kind = REF_INVALID;
    gen_expr(g, t);
    gen_call_runtime(g, IGN_RT_ThrowInvalidAssignTarget, 0, 0);
    return;
  }
  PrsNode *o = member_object(t);
  if (is_super(o)) {
    r->kind = REF_SUPER;
    r->key = gen_temp(g);
    member_key_to(g, t, r->key);
    return;
  }
  r->obj = gen_temp(g);
  gen_expr_to(g, o, r->obj);
  if (PRS_IS(t, Member)) {
    r->kind = REF_NAMED;
  } else if (PRS_IS(t, Index)) {
    r->kind = REF_KEYED;
    r->key = gen_temp(g);
    // The key is converted by the access itself, after the base is checked
    // (a null base throws before the key's toString runs).
    gen_expr(g, PRS_AS(t, Index)->index);
    GEN1(g, Star, r->key);
  } else {
    r->kind = REF_PRIVATE;
  }
}

void gen_ref_load(Gen *g, Ref *r) {
  switch (r->kind) {
    case REF_IDENT: gen_load_ident(g, PRS_AS(r->node, Ident), false); return;
    case REF_NAMED: load_member_from(g, r->node, r->obj); return;
    case REF_KEYED:
      GEN1(g, Ldar, r->key);
      GEN2(g, GetKeyedProperty, r->obj, gen_slot(g, IGN_SLOT_LOAD));
      return;
    case REF_PRIVATE: load_member_from(g, r->node, r->obj); return;
    case REF_SUPER: super_get(g, r->key); return;
    case REF_INVALID: return;  // prepare threw already
  }
}

// Store acc into the reference; acc is unchanged afterwards.
void gen_ref_store(Gen *g, Ref *r) {
  switch (r->kind) {
    case REF_IDENT: gen_store_ident(g, PRS_AS(r->node, Ident), false); return;
    case REF_NAMED:
      gen_expr_pos(g, r->node);
      GEN3(g, SetNamedProperty, r->obj, gen_const_atom(g, PRS_AS(r->node, Member)->name),
           gen_slot(g, IGN_SLOT_STORE));
      return;
    case REF_KEYED:
      gen_expr_pos(g, r->node);
      GEN3(g, SetKeyedProperty, r->obj, r->key, gen_slot(g, IGN_SLOT_STORE));
      return;
    case REF_PRIVATE: {
      int args = gen_temps(g, 3);
      GEN1(g, Star, args + 2);
      GEN2(g, Mov, r->obj, args);
      gen_private_name(g, PRS_AS(r->node, PrivateMember)->var, args + 1);
      gen_call_runtime(g, IGN_RT_PrivateSet, args, 3);
      GEN1(g, Ldar, args + 2);
      gen_release(g, args);
      return;
    }
    case REF_INVALID: return;
    case REF_SUPER: {
      int args = gen_temps(g, 4);
      GEN1(g, Star, args + 2);
      GEN2(g, Mov, GEN_CLOSURE(g), args);
      GEN2(g, Mov, r->key, args + 1);
      GEN2(g, Mov, GEN_THIS(g), args + 3);
      gen_call_runtime(g, IGN_RT_SuperSet, args, 4);
      GEN1(g, Ldar, args + 2);
      gen_release(g, args);
      return;
    }
  }
}

static void release_ref(Gen *g, Ref *r) {
  if (r->obj >= 0) gen_release(g, r->obj);
  else if (r->key >= 0) gen_release(g, r->key);
}

static bool is_pattern(PrsNode *n) {
  return PRS_IS(n, ObjectPattern) || PRS_IS(n, ArrayPattern);
}

static void assign(Gen *g, PrsAssign *a) {
  PrsOp op = (PrsOp)a->base.op;
  PrsNode *t = a->target;
  if (op == PRS_OP_Assign && is_pattern(t)) {
    gen_expr(g, a->value);
    gen_assign_target(g, t, false);
    return;
  }
  Ref r;
  gen_ref_prepare(g, t, &r);
  if (op == PRS_OP_Assign) {
    if (PRS_IS(t, Ident)) gen_named_expr(g, a->value, t);
    else gen_expr(g, a->value);
    gen_ref_store(g, &r);
  } else if (op == PRS_OP_AndAssign || op == PRS_OP_OrAssign || op == PRS_OP_NullishAssign) {
    int end = gen_label(g);
    gen_ref_load(g, &r);
    if (op == PRS_OP_AndAssign) GEN1(g, JumpIfToBooleanFalse, end);
    else if (op == PRS_OP_OrAssign) GEN1(g, JumpIfToBooleanTrue, end);
    else GEN1(g, JumpIfNotUndefinedOrNull, end);
    if (PRS_IS(t, Ident)) gen_named_expr(g, a->value, t);
    else gen_expr(g, a->value);
    gen_ref_store(g, &r);
    gen_bind(g, end);
  } else {
    int old = gen_temp(g);
    gen_ref_load(g, &r);
    GEN1(g, Star, old);
    gen_expr(g, a->value);
    gen_expr_pos(g, &a->base);
    gen_emit(g, binary_opcode(op), old, gen_slot(g, IGN_SLOT_BINARY), 0, 0);
    gen_ref_store(g, &r);
    gen_release(g, old);
  }
  release_ref(g, &r);
}

static void update(Gen *g, PrsUpdate *u) {
  Ref r;
  gen_ref_prepare(g, u->arg, &r);
  gen_ref_load(g, &r);
  bool inc = u->base.op == PRS_OP_Inc;
  // x++ whose value nobody reads is ++x.
  bool unused = g->value_unused;
  g->value_unused = false;
  if ((u->base.flags & PRS_FLAG_Prefix) || unused) {
    gen_emit(g, inc ? IGN_Inc : IGN_Dec, gen_slot(g, IGN_SLOT_BINARY), 0, 0, 0);
    gen_ref_store(g, &r);
  } else {
    int old = gen_temp(g);
    GEN1(g, ToNumeric, gen_slot(g, IGN_SLOT_BINARY));
    GEN1(g, Star, old);
    gen_emit(g, inc ? IGN_Inc : IGN_Dec, gen_slot(g, IGN_SLOT_BINARY), 0, 0, 0);
    gen_ref_store(g, &r);
    GEN1(g, Ldar, old);
    gen_release(g, old);
  }
  release_ref(g, &r);
}

/* {==== Unary operators ====} */

static void delete_expr(Gen *g, PrsUnary *u) {
  PrsNode *a = u->arg;
  if (PRS_IS(a, OptionalChain)) {
    // delete a?.b: true when the chain short-circuits.
    int saved = g->optional_nil, end = gen_label(g);
    g->optional_nil = gen_label(g);
    delete_expr(g, &(PrsUnary){.base = u->base, .arg = PRS_AS(a, OptionalChain)->expr});
    GEN1(g, Jump, end);
    gen_bind(g, g->optional_nil);
    GEN0(g, LdaTrue);
    gen_bind(g, end);
    g->optional_nil = saved;
    return;
  }
  if (PRS_IS(a, Member) || PRS_IS(a, Index)) {
    if (is_super(member_object(a))) {
      gen_call_runtime(g, IGN_RT_DeleteSuperError, 0, 0);
      return;
    }
    int obj = gen_temp(g);
    gen_expr(g, member_object(a));
    optional_check(g, a);
    GEN1(g, Star, obj);
    if (PRS_IS(a, Member)) GEN1(g, LdaConstant, gen_const_atom(g, PRS_AS(a, Member)->name));
    else gen_expr(g, PRS_AS(a, Index)->index);
    if (g->strict) GEN1(g, DeletePropertyStrict, obj);
    else GEN1(g, DeletePropertySloppy, obj);
    gen_release(g, obj);
    return;
  }
  if (PRS_IS(a, Ident)) {
    PrsIdent *id = PRS_AS(a, Ident);
    // Declared bindings cannot be deleted; globals and unresolved names
    // are properties of the global object (or a with object).
    if (id->var && id->var->location != PRS_LOC_GLOBAL) {
      GEN0(g, LdaFalse);
      return;
    }
    int obj = gen_temp(g);
    GEN2(g, LdaGlobal, gen_const(g, g->vm->atom[JS_ATOM_globalThis]), gen_slot(g, IGN_SLOT_GLOBAL));
    GEN1(g, Star, obj);
    GEN1(g, LdaConstant, gen_const_atom(g, id->name));
    GEN1(g, DeletePropertySloppy, obj);
    gen_release(g, obj);
    return;
  }
  gen_expr(g, a);
  GEN0(g, LdaTrue);
}

static void unary(Gen *g, PrsUnary *u) {
  PrsOp op = (PrsOp)u->base.op;
  if (op == PRS_OP_Delete) {
    delete_expr(g, u);
    return;
  }
  if (op == PRS_OP_Typeof) {
    if (PRS_IS(u->arg, Ident)) gen_load_ident(g, PRS_AS(u->arg, Ident), true);
    else gen_expr(g, u->arg);
    GEN0(g, TypeOf);
    return;
  }
  gen_expr(g, u->arg);
  if (op == PRS_OP_Not) GEN0(g, ToBooleanLogicalNot);
  else if (op == PRS_OP_Void) GEN0(g, LdaUndefined);
  else if (op == PRS_OP_Neg) GEN1(g, Negate, gen_slot(g, IGN_SLOT_BINARY));
  else if (op == PRS_OP_Plus) GEN1(g, ToNumber, gen_slot(g, IGN_SLOT_BINARY));
  else GEN1(g, BitwiseNot, gen_slot(g, IGN_SLOT_BINARY));
}

/* {==== Functions, this, misc ====} */

// The length property: parameters before the first default or rest.
static int expected_length(PrsFunction *f) {
  int n = 0;
  for (uint32_t i = 0; i < f->params.len; i++, n++) {
    PrsNode *p = f->params.items[i];
    if (PRS_IS(p, AssignPattern) || PRS_IS(p, Rest)) break;
  }
  return n;
}

void gen_closure_named(Gen *g, PrsNode *fn, JSValue name) {
  PrsFunction *f = PRS_AS(fn, Function);
  uint32_t flags = 0;
  if (f->scope->strict) flags |= JS_FN_STRICT;
  if (fn->flags & PRS_FLAG_Arrow) flags |= JS_FN_ARROW;
  if (fn->flags & (PRS_FLAG_Method | PRS_FLAG_Getter | PRS_FLAG_Setter)) flags |= JS_FN_METHOD;
  if (fn->flags & PRS_FLAG_Generator) flags |= JS_FN_GENERATOR;
  if (fn->flags & PRS_FLAG_Async) flags |= JS_FN_ASYNC;
  if (!(flags & (JS_FN_ARROW | JS_FN_METHOD | JS_FN_GENERATOR | JS_FN_ASYNC)))
    flags |= JS_FN_CONSTRUCTOR;
  if (js_is_undefined(name))
    name = f->name ? gen_atom_string(g, PRS_AS(f->name, Ident)->name) : g->vm->atom[JS_ATOM_empty];
  JSShared *s = js_new_shared(g->vm, name, flags, expected_length(f));
  s->lazy = f;
  s->script = g->script;
  s->src_start = fn->start;
  s->src_end = fn->end;
  s->nparams = (uint16_t)f->params.len;
  GEN3(g, CreateClosure, gen_const(g, js_val(s)), gen_slot(g, IGN_SLOT_LITERAL), 0);
}

void gen_closure(Gen *g, PrsNode *fn) { gen_closure_named(g, fn, JS_UNDEFINED); }

void gen_named_expr(Gen *g, PrsNode *value, PrsNode *target) {
  // (function () {}) is still an anonymous function definition (the
  // parentheses are a cover grammar), so it takes the name too.
  if (PRS_IS(target, Ident) && is_anonymous_fn(value)) {
    JSValue name = gen_atom_string(g, PRS_AS(target, Ident)->name);
    if (PRS_IS(value, Function)) gen_closure_named(g, value, name);
    else gen_class_named(g, PRS_AS(value, Class), name);
    return;
  }
  gen_expr(g, value);
}

static void this_expr(Gen *g) {
  GEN1(g, Ldar, GEN_THIS(g));
  if (g->fn_flags & JS_FN_DERIVED) GEN0(g, ThrowSuperNotCalledIfHole);
}

static void optional_chain(Gen *g, PrsOptionalChain *c) {
  int saved = g->optional_nil, end = gen_label(g);
  g->optional_nil = gen_label(g);
  gen_expr(g, c->expr);
  GEN1(g, Jump, end);
  gen_bind(g, g->optional_nil);
  GEN0(g, LdaUndefined);
  gen_bind(g, end);
  g->optional_nil = saved;
}

static void sequence(Gen *g, PrsSequence *s) {
  for (uint32_t i = 0; i < s->exprs.len; i++) gen_expr(g, s->exprs.items[i]);
}

static void regex(Gen *g, PrsRegex *r) {
  int args = gen_temps(g, 2);
  GEN1(g, LdaConstant, gen_const_atom(g, r->pattern));
  GEN1(g, Star, args);
  GEN1(g, LdaConstant, gen_const_atom(g, r->flags));
  GEN1(g, Star, args + 1);
  gen_call_runtime(g, IGN_RT_CreateRegExp, args, 2);
  gen_release(g, args);
}

/* {==== Dispatch ====} */

void gen_effect(Gen *g, PrsNode *n) {
  g->value_unused = PRS_IS(n, Update);
  gen_expr(g, n);
  g->value_unused = false;
}

void gen_expr(Gen *g, PrsNode *n) {
  switch ((PrsKind)n->kind) {
    case PRS_Ident: gen_load_ident(g, PRS_AS(n, Ident), false); return;
    case PRS_This: this_expr(g); return;
    case PRS_Null: GEN0(g, LdaNull); return;
    case PRS_True: GEN0(g, LdaTrue); return;
    case PRS_False: GEN0(g, LdaFalse); return;
    case PRS_Number: number(g, PRS_AS(n, Number)->value); return;
    case PRS_String: string_lit(g, PRS_AS(n, String)->value); return;
    case PRS_Template: template_lit(g, PRS_AS(n, Template)); return;
    case PRS_TaggedTemplate: tagged_template(g, PRS_AS(n, TaggedTemplate)); return;
    case PRS_Regex: regex(g, PRS_AS(n, Regex)); return;
    case PRS_Array: array_lit(g, PRS_AS(n, Array)); return;
    case PRS_Object: object_lit(g, PRS_AS(n, Object)); return;
    case PRS_Function: gen_closure(g, n); return;
    case PRS_Class: gen_class(g, PRS_AS(n, Class)); return;
    case PRS_Unary: unary(g, PRS_AS(n, Unary)); return;
    case PRS_Update: update(g, PRS_AS(n, Update)); return;
    case PRS_Binary: binary(g, PRS_AS(n, Binary)); return;
    case PRS_Logical: logical(g, PRS_AS(n, Logical)); return;
    case PRS_Assign: assign(g, PRS_AS(n, Assign)); return;
    case PRS_Conditional: conditional(g, PRS_AS(n, Conditional)); return;
    case PRS_Call: call(g, PRS_AS(n, Call)); return;
    case PRS_New: new_expr(g, PRS_AS(n, New)); return;
    case PRS_Member: case PRS_Index: case PRS_PrivateMember: member(g, n); return;
    case PRS_OptionalChain: optional_chain(g, PRS_AS(n, OptionalChain)); return;
    case PRS_Sequence: sequence(g, PRS_AS(n, Sequence)); return;
    case PRS_Yield: gen_yield(g, PRS_AS(n, Yield)); return;
    case PRS_Await: gen_expr(g, PRS_AS(n, Await)->arg); gen_suspend(g, true); return;
    case PRS_NewTarget: GEN1(g, Ldar, GEN_NEW_TARGET(g)); return;
    case PRS_BigInt: bigint_lit(g, PRS_AS(n, BigInt)); return;
    case PRS_ImportMeta: case PRS_ImportCall:
      gen_error(g, n, "modules are not supported yet");
    case PRS_Super: case PRS_PrivateName: case PRS_PropName: case PRS_TemplatePart:
    case PRS_Hole: case PRS_Property: case PRS_Spread: case PRS_Script:
    case PRS_Module: case PRS_Block: case PRS_VarDecl: case PRS_Declarator:
    case PRS_ExprStmt: case PRS_Empty: case PRS_If: case PRS_For: case PRS_ForIn:
    case PRS_ForOf: case PRS_While: case PRS_DoWhile: case PRS_Return:
    case PRS_Break: case PRS_Continue: case PRS_Throw: case PRS_Try:
    case PRS_Switch: case PRS_Case: case PRS_Labeled: case PRS_With:
    case PRS_Debugger: case PRS_Import: case PRS_Export: case PRS_ImportSpec:
    case PRS_ExportSpec: case PRS_ImportAttribute: case PRS_ClassMember:
    case PRS_StaticBlock: case PRS_ObjectPattern: case PRS_PatternProp:
    case PRS_ArrayPattern: case PRS_AssignPattern: case PRS_Rest:
    case PRS_KIND_COUNT:
      gen_error(g, n, "internal error: not an expression");
  }
}

void gen_expr_to(Gen *g, PrsNode *n, int reg) {
  // Register variables load straight into the target register.
  if (PRS_IS(n, Ident) && PRS_AS(n, Ident)->var &&
      PRS_AS(n, Ident)->var->location == PRS_LOC_REGISTER &&
      !(n->flags & PRS_FLAG_HoleCheck)) {
    GEN2(g, Mov, gen_var_operand(g, PRS_AS(n, Ident)->var), reg);
    return;
  }
  gen_expr(g, n);
  GEN1(g, Star, reg);
}
