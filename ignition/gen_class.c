/*
 * ignition/gen_class.c — class definitions (ECMA-262 15.7.14): the
 * heritage, the constructor (compiled from its method, or a native
 * default constructor), methods and accessors on the prototype or the
 * constructor, and fields. Each field initializer and static block is a
 * function of its own (scope analysis gives them their own frames);
 * instance fields are recorded on the constructor and run by
 * InitializeFields when an instance is made, static ones right after the
 * class binding is initialized, in source order with static blocks.
 */
#include <stdlib.h>
#include <string.h>

#include "ignition/gen.h"

// The constructor method of a class, or NULL for the default one.
static PrsFunction *constructor_of(PrsClass *c) {
  for (uint32_t i = 0; i < c->members.len; i++) {
    PrsNode *m = c->members.items[i];
    if (PRS_IS(m, ClassMember) && PRS_AS(m, ClassMember)->value &&
        (PRS_AS(m, ClassMember)->value->flags & PRS_FLAG_Constructor))
      return PRS_AS(PRS_AS(m, ClassMember)->value, Function);
  }
  return NULL;
}

// A closure for the class constructor (flags make it a class: [[Call]]
// throws, derived constructors start without `this`).
static void constructor_closure(Gen *g, PrsClass *c, JSValue name) {
  PrsFunction *ctor = constructor_of(c);
  bool derived = c->heritage != NULL;
  uint32_t flags = JS_FN_CLASS | JS_FN_CONSTRUCTOR | JS_FN_STRICT | JS_FN_METHOD |
                   (derived ? JS_FN_DERIVED : 0);
  JSShared *s;
  if (ctor) {
    s = js_new_shared(g->vm, name, flags, 0);
    s->lazy = ctor;
    s->length = 0;
    for (uint32_t i = 0; i < ctor->params.len; i++, s->length++)
      if (PRS_IS(ctor->params.items[i], AssignPattern) || PRS_IS(ctor->params.items[i], Rest)) break;
  } else {
    s = ign_default_constructor_shared(g->vm, name, flags);
  }
  s->script = g->script;
  // toString of a class gives the whole class text.
  s->src_start = c->base.start;
  s->src_end = c->base.end;
  GEN3(g, CreateClosure, gen_const(g, js_val(s)), gen_slot(g, IGN_SLOT_LITERAL), 0);
}

// A function for a field initializer or static block (compiled from the
// member node itself; `this` is the instance or the class).
static void member_function(Gen *g, PrsNode *member, JSValue name) {
  if (js_is_undefined(name)) name = g->vm->atom[JS_ATOM_empty];
  JSShared *s = js_new_shared(g->vm, name, JS_FN_STRICT | JS_FN_METHOD, 0);
  s->lazy = member;
  s->script = g->script;
  s->src_start = member->start;
  s->src_end = member->end;
  GEN3(g, CreateClosure, gen_const(g, js_val(s)), gen_slot(g, IGN_SLOT_LITERAL), 0);
}

// A private method or accessor: instance ones are recorded for
// InitializeFields (they join every instance before its fields), static
// ones go onto the constructor now. Either way its home object is set.
static void private_method(Gen *g, PrsClassMember *m, int ctor, int proto) {
  bool is_static = m->base.flags & PRS_FLAG_Static;
  uint32_t f = m->value->flags;
  int kind = (f & PRS_FLAG_Getter) ? 2 : (f & PRS_FLAG_Setter) ? 3 : 1;
  int args = gen_temps(g, 4), home = gen_temps(g, 2);
  GEN2(g, Mov, ctor, args);
  gen_private_name(g, PRS_AS(m->key, PrivateName)->var, args + 1);
  gen_closure_named(g, m->value, gen_atom_string(g, PRS_AS(m->key, PrivateName)->name));
  GEN1(g, Star, args + 2);
  GEN2(g, Mov, args + 2, home);
  GEN2(g, Mov, is_static ? ctor : proto, home + 1);
  gen_call_runtime(g, IGN_RT_SetHomeObject, home, 2);
  GEN1(g, LdaSmi, kind);
  GEN1(g, Star, args + 3);
  gen_call_runtime(g, is_static ? IGN_RT_PrivateDefine : IGN_RT_AddField, args, 4);
  gen_release(g, args);
}

static void method(Gen *g, PrsClassMember *m, int ctor, int proto) {
  if (PRS_IS(m->key, PrivateName)) {
    private_method(g, m, ctor, proto);
    return;
  }
  int args = gen_temps(g, 3);
  GEN2(g, Mov, (m->base.flags & PRS_FLAG_Static) ? ctor : proto, args);
  gen_key_to(g, m->key, args + 1);
  gen_closure_named(g, m->value, gen_key_name(g, m->key));
  GEN1(g, Star, args + 2);
  uint32_t f = m->value->flags;
  IgnRuntimeId id = (f & PRS_FLAG_Getter) ? IGN_RT_DefineClassGetter
                    : (f & PRS_FLAG_Setter) ? IGN_RT_DefineClassSetter
                                            : IGN_RT_DefineClassMethod;
  gen_call_runtime(g, id, args, 3);
  gen_release(g, args);
}

// A field's key, evaluated at class definition (computed keys in order).
static void field_key(Gen *g, PrsClassMember *m, int reg) {
  if (PRS_IS(m->key, PrivateName)) gen_private_name(g, PRS_AS(m->key, PrivateName)->var, reg);
  else gen_key_to(g, m->key, reg);
}

// The initializer function of a field (undefined when it has none).
static void field_init(Gen *g, PrsClassMember *m) {
  if (m->value) member_function(g, &m->base, JS_UNDEFINED);
  else GEN0(g, LdaUndefined);
}

// An instance field is recorded on the constructor; InitializeFields runs
// it for each new instance.
static void instance_field(Gen *g, PrsClassMember *m, int ctor) {
  int args = gen_temps(g, 4);
  GEN2(g, Mov, ctor, args);
  field_key(g, m, args + 1);
  field_init(g, m);
  GEN1(g, Star, args + 2);
  GEN0(g, LdaZero);
  GEN1(g, Star, args + 3);
  gen_call_runtime(g, IGN_RT_AddField, args, 4);
  gen_release(g, args);
}

// Static elements, in source order once the class binding exists.
static void static_elements(Gen *g, PrsClass *c, int ctor, const int *key_regs) {
  for (uint32_t i = 0; i < c->members.len; i++) {
    PrsNode *m = c->members.items[i];
    int call = gen_temps(g, 3);
    if (PRS_IS(m, StaticBlock)) {
      member_function(g, m, JS_UNDEFINED);
      GEN1(g, Star, call);
      GEN2(g, Mov, ctor, call + 1);
      GEN4(g, CallProperty, call, call + 1, 1, gen_slot(g, IGN_SLOT_CALL));
    } else if ((m->flags & PRS_FLAG_Field) && (m->flags & PRS_FLAG_Static)) {
      GEN2(g, Mov, ctor, call);
      GEN2(g, Mov, key_regs[i], call + 1);
      field_init(g, PRS_AS(m, ClassMember));
      GEN1(g, Star, call + 2);
      gen_call_runtime(g, IGN_RT_DefineField, call, 3);
    }
    gen_release(g, call);
  }
}

// Each evaluation of a class makes fresh private names: a symbol per #x,
// in the class scope's binding of that name.
static void private_names(Gen *g, PrsClass *c) {
  for (PrsVar *v = c->scope->vars; v; v = v->next) {
    if (v->name->text[0] != '#') continue;
    int t = gen_temp(g);
    GEN1(g, LdaConstant, gen_const_atom(g, v->name));
    GEN1(g, Star, t);
    gen_call_runtime(g, IGN_RT_NewPrivateName, t, 1);
    gen_store_var(g, v, true, v->name, false);
    gen_release(g, t);
  }
}

void gen_class_named(Gen *g, PrsClass *c, JSValue name) {
  GenControl ctl;
  PrsScope *outer = g->scope;
  gen_enter_scope(g, c->scope, &ctl);
  if (js_is_undefined(name))
    name = c->name ? gen_atom_string(g, PRS_AS(c->name, Ident)->name) : g->vm->atom[JS_ATOM_empty];
  private_names(g, c);
  int args = gen_temps(g, 3), proto = gen_temp(g);
  if (c->heritage) gen_expr(g, c->heritage);
  else GEN0(g, LdaUndefined);
  GEN1(g, Star, args + 1);
  constructor_closure(g, c, name);
  GEN1(g, Star, args);
  if (c->heritage) GEN0(g, LdaTrue);
  else GEN0(g, LdaFalse);
  GEN1(g, Star, args + 2);
  gen_call_runtime(g, IGN_RT_CreateClass, args, 3);
  GEN1(g, Star, proto);
  int ctor = args;
  int *key_regs = calloc(c->members.len + 1, sizeof *key_regs);
  for (uint32_t i = 0; i < c->members.len; i++) {
    PrsNode *m = c->members.items[i];
    if (PRS_IS(m, StaticBlock)) continue;
    PrsClassMember *cm = PRS_AS(m, ClassMember);
    if (cm->value && (cm->value->flags & PRS_FLAG_Constructor)) continue;
    gen_mark_computed(m, cm->key);
    if (!(m->flags & PRS_FLAG_Field)) {
      method(g, cm, ctor, proto);
    } else if (m->flags & PRS_FLAG_Static) {
      key_regs[i] = gen_temp(g);  // defined after the binding, in order
      field_key(g, cm, key_regs[i]);
    } else {
      instance_field(g, cm, ctor);
    }
  }
  // The inner name binding, then static fields and blocks in order.
  if (c->name) {
    GEN1(g, Ldar, ctor);
    PrsIdent *id = PRS_AS(c->name, Ident);
    for (PrsVar *v = c->scope->vars; v; v = v->next)
      if (v->kind == PRS_VAR_SELF) gen_store_var(g, v, true, id->name, false);
  }
  static_elements(g, c, ctor, key_regs);
  free(key_regs);
  GEN1(g, Ldar, ctor);
  gen_leave_scope(g, c->scope, &ctl);
  g->scope = outer;
  gen_release(g, args);
}

void gen_class(Gen *g, PrsClass *c) { gen_class_named(g, c, JS_UNDEFINED); }
