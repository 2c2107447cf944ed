/*
 * runtime/builtins_symbol.c — the Symbol function, the global symbol
 * registry (Symbol.for / Symbol.keyFor), the well-known symbols and
 * Symbol.prototype (ECMA-262 §20.4).
 *
 * Invariants:
 *  - The registry (vm->symbol_registry) is a JSDict from the interned key
 *    string to its symbol; a registered symbol carries JS_SYM_REGISTERED
 *    and its description is exactly its key, so keyFor needs no search.
 *  - Symbol is a constructor in the spec's sense (it has [[Construct]])
 *    but `new Symbol()` throws; symbol wrappers come only from ToObject.
 */
#include "runtime/dict.h"
#include "runtime/runtime.h"

/* {==== The function and the registry ====} */

static JSValue symbol_ctor(JSVM *vm, JSValue self, int argc, JSValue *argv,
                           JSValue nt) {
  if (!js_is_undefined(nt)) return js_throw_type_error(vm, "Symbol is not a constructor");
  JSValue desc = js_arg(0);
  // An absent description stays undefined (distinct from "").
  if (!js_is_undefined(desc)) {
    desc = js_to_string(vm, desc);
    if (js_is_exception(desc)) return desc;
  }
  return js_new_symbol(vm, desc);
}

// Symbol.for (§20.4.2.2): one symbol per key string for the whole VM
// (the registry is shared by all realms, as the spec requires).
static JSValue symbol_for(JSVM *vm, JSValue self, int argc, JSValue *argv,
                          JSValue nt) {
  JSValue s = js_to_string(vm, js_arg(0));
  if (js_is_exception(s)) return s;
  // Interned keys compare by bits, as the dict requires.
  JSValue key = js_intern(vm, s);
  JSDict *reg = js_heap(vm->symbol_registry);
  JSDictEntry *e = js_dict_find(reg, key);
  if (e) return e->value;
  JSValue sym = js_new_symbol(vm, key);
  ((JSSymbol *)js_heap(sym))->flags |= JS_SYM_REGISTERED;
  // The registry may be replaced when it grows.
  vm->symbol_registry = js_val(js_dict_put(vm, reg, key, sym, 0));
  return sym;
}

// Symbol.keyFor (§20.4.2.6): the key of a registered symbol, undefined for
// any other (well-known symbols included); non-symbols are a TypeError.
static JSValue symbol_key_for(JSVM *vm, JSValue self, int argc, JSValue *argv,
                              JSValue nt) {
  JSValue sym = js_arg(0);
  if (!js_is_symbol(sym)) return js_throw_type_error(vm, "Symbol.keyFor: argument is not a symbol");
  JSSymbol *s = js_heap(sym);
  return (s->flags & JS_SYM_REGISTERED) ? s->description : JS_UNDEFINED;
}

/* {==== Symbol.prototype ====} */

// thisSymbolValue (§20.4.3): a symbol, or a wrapper's [[SymbolData]].
static bool this_symbol(JSVM *vm, JSValue v, JSValue *out, const char *method) {
  if (js_is_type(v, JS_TYPE_Primitive)) v = ((JSPrimitiveObject *)js_heap(v))->value;
  if (js_is_symbol(v)) {
    *out = v;
    return true;
  }
  js_throw_type_error(vm, "%s requires that 'this' be a Symbol", method);
  return false;
}

// SymbolDescriptiveString (§20.4.3.3.1): "Symbol(" description ")".
static JSValue descriptive_string(JSVM *vm, JSValue sym) {
  JSValue d = ((JSSymbol *)js_heap(sym))->description;
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  js_sb_ascii(&sb, "Symbol(");
  if (js_is_string(d)) js_sb_string(&sb, d);
  js_sb_char(&sb, ')');
  return js_sb_finish(&sb);
}

// Symbol.prototype.toString (§20.4.3.3): the explicit conversion that
// implicit ones ("" + sym) refuse.
static JSValue symbol_to_string(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                JSValue nt) {
  JSValue sym;
  if (!this_symbol(vm, self, &sym, "Symbol.prototype.toString")) return JS_EXCEPTION;
  return descriptive_string(vm, sym);
}

// Symbol.prototype.valueOf (§20.4.3.4): unwraps a Symbol object.
static JSValue symbol_value_of(JSVM *vm, JSValue self, int argc, JSValue *argv,
                               JSValue nt) {
  JSValue sym;
  if (!this_symbol(vm, self, &sym, "Symbol.prototype.valueOf")) return JS_EXCEPTION;
  return sym;
}

// Symbol.prototype[@@toPrimitive](hint): the hint is ignored.
static JSValue symbol_to_primitive(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                   JSValue nt) {
  JSValue sym;
  if (!this_symbol(vm, self, &sym, "Symbol.prototype [ @@toPrimitive ]")) return JS_EXCEPTION;
  return sym;
}

// get Symbol.prototype.description (§20.4.3.2): the [[Description]],
// undefined for Symbol() (while Symbol("") has "").
static JSValue symbol_description(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                  JSValue nt) {
  JSValue sym;
  if (!this_symbol(vm, self, &sym, "Symbol.prototype.description")) return JS_EXCEPTION;
  return ((JSSymbol *)js_heap(sym))->description;
}

/* {==== Installation ====} */

// Symbol gets for/keyFor and the well-known symbols as statics; the
// prototype gets its methods, the description getter and the tags.
void js_init_symbol(JSVM *vm) {
  JSValue proto = js_intrinsic(vm, SymbolPrototype);
  JSValue ctor = js_new_native_ctor(vm, "Symbol", symbol_ctor, 0, proto);
  js_def_method(vm, ctor, "for", symbol_for, 1);
  js_def_method(vm, ctor, "keyFor", symbol_key_for, 1);
  // The well-known symbols: Symbol.iterator etc., frozen properties.
  static const char *const names[] = {
#define JS_SYM_NAME(n) #n,
      JS_WELL_KNOWN_SYMBOLS(JS_SYM_NAME)
#undef JS_SYM_NAME
  };
  for (int i = 0; i < JS_SYMBOL_COUNT; i++) js_def_value(vm, ctor, names[i], vm->symbol[i], 0);
  js_def_method(vm, proto, "toString", symbol_to_string, 0);
  js_def_method(vm, proto, "valueOf", symbol_value_of, 0);
  js_def_getter(vm, proto, "description", symbol_description, NULL);
  // @@toPrimitive and @@toStringTag are read-only but configurable.
  JSValue tp = js_new_native(vm, "[Symbol.toPrimitive]", symbol_to_primitive, 1, 0);
  js_define_value(vm, proto, vm->symbol[JS_SYMBOL_toPrimitive], tp, JS_ATTR_CONFIGURABLE);
  js_define_value(vm, proto, vm->symbol[JS_SYMBOL_toStringTag], js_atom(vm, "Symbol"),
                  JS_ATTR_CONFIGURABLE);
  js_def_value(vm, vm->realm->global, "Symbol", ctor, JS_ATTR_METHOD);
}
