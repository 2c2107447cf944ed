/*
 * runtime/builtins_regexp.c — the `regexp` builtin family: the RegExp
 * constructor (ECMA-262 §22.2.4), RegExpAlloc/RegExpInitialize/
 * RegExpCreate, RegExpBuiltinExec and RegExpExec (§22.2.7), and the
 * RegExp.prototype methods other than the Symbol-keyed ones
 * (builtins_regexp_symbol.c): exec, test, toString, compile (Annex B),
 * and the flags/source getters.
 *
 * Invariants:
 *  - Every RegExp object starts on one map (realm intrinsic RegExpMap)
 *    whose only property is lastIndex (writable, not enumerable, not
 *    configurable) in in-object slot 0; a subclass instance moves to its
 *    own prototype right after allocation.
 *  - [[OriginalSource]], [[OriginalFlags]] and the compiled matcher only
 *    change together, in js_regexp_initialize; readers take the program
 *    after any user code (ToLength of lastIndex) has run, since compile()
 *    may have replaced it.
 *  - Compiled programs are immutable, so identical (pattern, flags) pairs
 *    share one through a small cache (realm intrinsic RegExpCache): a
 *    literal in a loop compiles once.
 */
#include <stdlib.h>
#include <string.h>

#include "runtime/map.h"
#include "runtime/regexp.h"

/* {==== Flags ====} */

// RegExpInitialize step 5's check: each of "dgimsuvy" at most once, and
// not both u and v.
int rx_parse_flags(const JSString *f) {
  int bits = 0;
  for (uint32_t i = 0; i < f->length; i++) {
    uint16_t c = js_flat_char(f, i);
    const char *at = c && c < 128 ? strchr(RX_FLAG_CHARS, c) : NULL;
    if (!at) return -1;
    int bit = 1 << (at - RX_FLAG_CHARS);
    if (bits & bit) return -1;
    bits |= bit;
  }
  if ((bits & RX_FLAG_U) && (bits & RX_FLAG_V)) return -1;
  return bits;
}

/* {==== Allocation and initialization ====} */

// The map of RegExp instances with the default prototype.
static JSMap *regexp_map(JSVM *vm) {
  JSValue m = js_intrinsic(vm, RegExpMap);
  if (js_is_heap(m)) return js_heap(m);
  JSMap *root = js_new_map(vm, JS_TYPE_RegExp, js_intrinsic(vm, RegExpPrototype),
                           sizeof(JSRegExpObject), 4);
  JSMap *map = js_map_add(vm, root, vm->atom[JS_ATOM_lastIndex], JS_ATTR_WRITABLE);
  js_intrinsic(vm, RegExpMap) = js_val(map);
  return map;
}

// RegExpAlloc (§22.2.3.2): the prototype comes from newTarget first (a
// getter there runs before the pattern is looked at), then the object
// with its non-configurable lastIndex.
JSValue js_regexp_alloc(JSVM *vm, JSValue new_target) {
  JSValue proto = js_get_prototype_from_ctor(vm, new_target, JS_INTRINSIC_RegExpPrototype);
  if (js_is_exception(proto)) return proto;
  JSRegExpObject *re = (JSRegExpObject *)js_new_object_of(vm, regexp_map(vm));
  // Fresh object: raw stores. lastIndex (slot 0) starts undefined.
  re->source = re->flags = re->program = re->names = JS_UNDEFINED;
  re->legacy = js_same_bits(new_target, js_intrinsic(vm, RegExp));
  JSValue obj = js_val(re);
  if (!js_same_bits(proto, js_intrinsic(vm, RegExpPrototype)) &&
      js_set_prototype_of(vm, obj, proto) < 0)
    return JS_EXCEPTION;
  return obj;
}

#define CACHE_SIZE 64

// The cache slot for (pattern, bits): 4 values per entry (pattern, bits,
// program, names) in a JSArrayStore.
static JSArrayStore *cache(JSVM *vm) {
  JSValue c = js_intrinsic(vm, RegExpCache);
  if (js_is_heap(c)) return js_heap(c);
  JSArrayStore *st = js_new_store(vm, 4 * CACHE_SIZE);
  for (uint32_t i = 0; i < 4 * CACHE_SIZE; i++) st->v[i] = JS_UNDEFINED;  // fresh
  js_intrinsic(vm, RegExpCache) = js_val(st);
  return st;
}

// The compiled program of pattern under bits, from the cache when there.
static JSValue compile_cached(JSVM *vm, JSValue pattern, uint32_t bits, JSValue *names) {
  JSArrayStore *c = cache(vm);
  uint32_t h = (js_string_hash(vm, js_str(pattern)) ^ bits * 0x9E3779B9u) % CACHE_SIZE;
  JSValue *e = c->v + 4 * h;
  if (js_is_string(e[0]) && js_number_value(e[1]) == bits && js_string_equal(vm, e[0], pattern)) {
    *names = e[3];
    return e[2];
  }
  JSValue prog = rx_compile(vm, pattern, bits, names);
  if (js_is_exception(prog)) return prog;
  ORI_STORE_SLOT(c, &e[0], pattern);
  ORI_STORE_SLOT(c, &e[1], js_from_int32((int32_t)bits));
  ORI_STORE_SLOT(c, &e[2], prog);
  ORI_STORE_SLOT(c, &e[3], *names);
  return prog;
}

// RegExpInitialize (§22.2.3.3): ToString both, check the flags, compile,
// then Set lastIndex to 0 (a [[Set]]: it throws when compile() runs on
// an object whose lastIndex was made read-only).
JSValue js_regexp_initialize(JSVM *vm, JSValue obj, JSValue pattern, JSValue flags) {
  JSValue p = js_is_undefined(pattern) ? vm->atom[JS_ATOM_empty] : js_to_string(vm, pattern);
  if (js_is_exception(p)) return p;
  JSValue f = js_is_undefined(flags) ? vm->atom[JS_ATOM_empty] : js_to_string(vm, flags);
  if (js_is_exception(f)) return f;
  int bits = rx_parse_flags(js_string_flat(vm, js_str(f)));
  if (bits < 0) {
    char *text = js_string_utf8(vm, f, NULL);
    js_throw_syntax_error(vm, "Invalid flags supplied to RegExp constructor '%s'", text);
    free(text);
    return JS_EXCEPTION;
  }
  JSValue names = JS_UNDEFINED;
  JSValue prog = compile_cached(vm, p, (uint32_t)bits, &names);
  if (js_is_exception(prog)) return prog;
  JSRegExpObject *re = js_regexp(obj);
  ORI_STORE(re, source, p);
  ORI_STORE(re, flags, f);
  ORI_STORE(re, program, prog);
  ORI_STORE(re, names, names);
  re->bits = (uint32_t)bits;
  if (js_set(vm, obj, vm->atom[JS_ATOM_lastIndex], js_from_int32(0), true) < 0) return JS_EXCEPTION;
  return obj;
}

JSValue js_regexp_create(JSVM *vm, JSValue pattern, JSValue flags) {
  JSValue obj = js_regexp_alloc(vm, js_intrinsic(vm, RegExp));
  if (js_is_exception(obj)) return obj;
  return js_regexp_initialize(vm, obj, pattern, flags);
}

/* {==== The constructor ====} */

int js_regexp_is_regexp(JSVM *vm, JSValue v) {
  // IsRegExp (§7.2.8): @@match decides when present.
  if (!js_is_object(v)) return 0;
  JSValue m = js_get(vm, v, vm->symbol[JS_SYMBOL_match]);
  if (js_is_exception(m)) return -1;
  if (!js_is_undefined(m)) return js_to_boolean(m);
  return js_is_regexp_object(v);
}

// RegExp(pattern, flags) (§22.2.4.1): a RegExp-like pattern (IsRegExp)
// lends its source and flags; a real RegExp lends its internal slots.
static JSValue regexp_ctor(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  JSValue pattern = js_arg(0), flags = js_arg(1);
  int is_re = js_regexp_is_regexp(vm, pattern);
  if (is_re < 0) return JS_EXCEPTION;
  if (js_is_undefined(nt)) {
    // A call: RegExp(re) hands back re itself when nothing changes.
    nt = js_native_callee(vm);
    if (is_re && js_is_undefined(flags)) {
      JSValue c = js_get(vm, pattern, vm->atom[JS_ATOM_constructor]);
      if (js_is_exception(c)) return c;
      if (js_same_bits(c, nt)) return pattern;
    }
  }
  JSValue p = pattern, f = flags;
  if (js_is_regexp_object(pattern)) {
    p = js_regexp(pattern)->source;
    if (js_is_undefined(flags)) f = js_regexp(pattern)->flags;
  } else if (is_re) {
    p = js_get(vm, pattern, vm->atom[JS_ATOM_source]);
    if (js_is_exception(p)) return p;
    if (js_is_undefined(flags)) {
      f = js_get(vm, pattern, vm->atom[JS_ATOM_flags]);
      if (js_is_exception(f)) return f;
    }
  }
  JSValue obj = js_regexp_alloc(vm, nt);
  if (js_is_exception(obj)) return obj;
  return js_regexp_initialize(vm, obj, p, f);
}

/* {==== Receivers ====} */

// V8's rendering of a bad receiver in "incompatible receiver" messages.
static JSValue throw_incompatible(JSVM *vm, const char *method, JSValue self) {
  if (js_is_object(self))
    return js_throw_type_error(vm, "Method %s called on incompatible receiver #<%s>", method,
                               js_is_callable(self) ? "Function" : "Object");
  JSValue s = js_is_symbol(self) ? JS_UNDEFINED : js_to_string(vm, self);
  if (js_is_exception(s)) return s;
  char *text = js_is_string(s) ? js_string_utf8(vm, s, NULL) : NULL;
  js_throw_type_error(vm, "Method %s called on incompatible receiver %s", method,
                      text ? text : "Symbol()");
  free(text);
  return JS_EXCEPTION;
}

// RegExp.prototype methods that take any object as this.
static bool need_object(JSVM *vm, JSValue self, const char *method) {
  if (js_is_object(self)) return true;
  throw_incompatible(vm, method, self);
  return false;
}

/* {==== RegExpBuiltinExec ====} */

static int set_last_index(JSVM *vm, JSValue r, double v) {
  return js_set(vm, r, vm->atom[JS_ATOM_lastIndex], js_from_number(v), true);
}

// The [start, end] pair of group i, or undefined.
static JSValue index_pair(JSVM *vm, const int32_t *caps, uint32_t i) {
  if (caps[2 * i] < 0) return JS_UNDEFINED;
  JSValue pair[2] = {js_from_int32(caps[2 * i]), js_from_int32(caps[2 * i + 1])};
  return js_new_array_from(vm, 2, pair);
}

// The groups objects of a match (§22.2.7.2 steps 30-33, and
// MakeMatchIndicesIndexPairArray's): each name gets the value of the one
// group of that name that participated, else undefined.
static int fill_groups(JSVM *vm, JSValue name_store, JSValue groups, JSValue igroups,
                       const JSValue *values, const int32_t *caps, uint32_t n) {
  JSArrayStore *names = js_heap(name_store);
  for (uint32_t i = 1; i < n; i++) {
    JSValue name = names->v[i];
    if (!js_is_string(name)) continue;
    // A later group of the same name that matched must not be shadowed:
    // skip this one when an earlier group of the name participated.
    bool taken = false;
    for (uint32_t j = 1; j < i && !taken; j++)
      taken = js_same_bits(names->v[j], name) && !js_is_undefined(values[j]);
    if (taken) continue;
    if (js_create_data_property_or_throw(vm, groups, name, values[i]) < 0) return -1;
    if (!js_is_undefined(igroups)) {
      JSValue pair = index_pair(vm, caps, i);
      if (js_create_data_property_or_throw(vm, igroups, name, pair) < 0) return -1;
    }
  }
  return 0;
}

// The match array of m in S (steps 20-35).
static JSValue match_array(JSVM *vm, const RxMatch *m, JSValue s) {
  const int32_t *caps = m->caps;
  uint32_t n = m->ncaps;
  JSValue *values = malloc(n * sizeof *values);
  if (!values) abort();
  // The captures live in malloc'd memory: a root range as they fill in.
  uint32_t filled = 0;
  ori_push_roots(&values, &filled);
  for (uint32_t i = 0; i < n; i++, filled++)
    values[i] = caps[2 * i] < 0 ? JS_UNDEFINED
                                : js_string_substring(vm, s, (uint32_t)caps[2 * i],
                                                      (uint32_t)caps[2 * i + 1]);
  JSValue a = js_new_array_from(vm, n, values);
  bool has_groups = js_is_heap(m->names), d = (m->bits & RX_FLAG_D) != 0;
  JSValue groups = has_groups ? js_new_object_proto(vm, JS_NULL) : JS_UNDEFINED;
  JSValue indices = JS_UNDEFINED, igroups = JS_UNDEFINED;
  if (d) {
    indices = js_new_array(vm, 0);
    for (uint32_t i = 0; i < n; i++) js_array_push(vm, indices, index_pair(vm, caps, i));
    if (has_groups) igroups = js_new_object_proto(vm, JS_NULL);
  }
  int ok = js_create_data_property_or_throw(vm, a, vm->atom[JS_ATOM_index], js_from_int32(caps[0]));
  if (ok >= 0) ok = js_create_data_property_or_throw(vm, a, vm->atom[JS_ATOM_input], s);
  if (ok >= 0) ok = js_create_data_property_or_throw(vm, a, vm->atom[JS_ATOM_groups], groups);
  if (ok >= 0 && has_groups) ok = fill_groups(vm, m->names, groups, igroups, values, caps, n);
  if (ok >= 0 && d) {
    ok = js_create_data_property_or_throw(vm, indices, vm->atom[JS_ATOM_groups], igroups);
    if (ok >= 0) ok = js_create_data_property_or_throw(vm, a, vm->atom[JS_ATOM_indices], indices);
  }
  ori_pop_roots();
  free(values);
  return ok < 0 ? JS_EXCEPTION : a;
}

void js_regexp_match_free(RxMatch *m) {
  if (m->caps && m->caps != m->local) free(m->caps);
  m->caps = NULL;
}

// RegExpBuiltinExec steps 1-18: everything up to building the result.
int js_regexp_match(JSVM *vm, JSValue r, JSValue s, RxMatch *m) {
  m->caps = NULL;
  JSValue li = js_get(vm, r, vm->atom[JS_ATOM_lastIndex]);
  if (js_is_exception(li)) return -1;
  double last;
  if (!js_to_length(vm, li, &last)) return -1;
  // Flags and matcher after ToLength: its valueOf may have run compile().
  JSRegExpObject *re = js_regexp(r);
  uint32_t bits = re->bits;
  bool global = bits & RX_FLAG_G, sticky = bits & RX_FLAG_Y;
  if (!global && !sticky) last = 0;
  JSString *flat = js_string_flat(vm, js_str(s));
  if (last > flat->length) {
    if ((global || sticky) && set_last_index(vm, r, 0) < 0) return -1;
    return 0;
  }
  m->program = re->program;
  m->names = re->names;
  m->bits = bits;
  const RxProgram *prog = rx_program(m->program);
  m->ncaps = prog->ncaps;
  m->caps = 2 * m->ncaps <= 32 ? m->local : malloc(2 * m->ncaps * sizeof *m->caps);
  if (!m->caps) abort();
  int found = rx_exec(vm, prog, flat, (uint32_t)last, sticky, m->caps);
  if (found < 0) return -1;
  // lastIndex: past the match (g or y), or back to 0 after a failure.
  if ((global || sticky) && set_last_index(vm, r, found ? m->caps[1] : 0) < 0) return -1;
  if (found) js_regexp_legacy_update(vm, r, s, m->caps, m->ncaps);
  return found;
}

JSValue js_regexp_match_array(JSVM *vm, JSValue s, const RxMatch *m) {
  return match_array(vm, m, s);
}

JSValue js_regexp_groups(JSVM *vm, JSValue s, const RxMatch *m) {
  if (!js_is_heap(m->names)) return JS_UNDEFINED;
  JSArrayStore *values = js_new_store(vm, m->ncaps);
  for (uint32_t i = 0; i < m->ncaps; i++) {
    JSValue v = JS_UNDEFINED;
    if (m->caps[2 * i] >= 0)
      v = js_string_substring(vm, s, (uint32_t)m->caps[2 * i], (uint32_t)m->caps[2 * i + 1]);
    ORI_STORE_SLOT(values, &values->v[i], v);
  }
  JSValue groups = js_new_object_proto(vm, JS_NULL);
  if (fill_groups(vm, m->names, groups, JS_UNDEFINED, values->v, m->caps, m->ncaps) < 0)
    return JS_EXCEPTION;
  return groups;
}

int64_t js_regexp_all_matches(JSVM *vm, JSValue r, JSValue s, RxMatch *m) {
  JSRegExpObject *re = js_regexp(r);
  JSString *flat = js_string_flat(vm, js_str(s));
  m->program = re->program;
  m->names = re->names;
  m->bits = re->bits;
  const RxProgram *prog = rx_program(m->program);
  m->ncaps = prog->ncaps;
  uint32_t w = 2 * m->ncaps, cap = 0;
  int64_t count = 0;
  int32_t *buf = NULL, local[64], *caps = w <= 64 ? local : malloc(w * sizeof *caps);
  if (!caps) abort();
  bool unicode = m->bits & (RX_FLAG_U | RX_FLAG_V), sticky = m->bits & RX_FLAG_Y;
  // lastIndex lives in local li: the loop's Gets and Sets of it are
  // unobservable on a pristine RegExp (an own writable data property).
  double li = 0;
  while (li <= flat->length) {
    int found = rx_exec(vm, prog, flat, (uint32_t)li, sticky, caps);
    if (found < 0) count = -1;
    if (found <= 0) break;
    if ((uint64_t)(count + 1) * w > cap) {
      cap = cap ? cap * 2 : 16 * w;
      int32_t *nb = realloc(buf, (size_t)cap * sizeof *nb);
      if (!nb) abort();
      buf = nb;
    }
    memcpy(buf + count * w, caps, w * sizeof *caps);
    count++;
    li = caps[1];
    if (caps[0] == caps[1]) li = js_regexp_advance(flat, li, unicode);
  }
  if (count > 0) js_regexp_legacy_update(vm, r, s, buf + (count - 1) * w, m->ncaps);
  if (caps != local) free(caps);
  // The last exec failed: it set lastIndex to 0.
  ORI_STORE_SLOT(js_obj(r), &js_inline_slots(js_obj(r))[0], js_from_int32(0));
  m->caps = buf;
  if (count < 0) js_regexp_match_free(m);
  return count;
}

JSValue js_regexp_builtin_exec(JSVM *vm, JSValue r, JSValue s) {
  RxMatch m;
  int found = js_regexp_match(vm, r, s, &m);
  JSValue result = found < 0 ? JS_EXCEPTION : found ? match_array(vm, &m, s) : JS_NULL;
  js_regexp_match_free(&m);
  return result;
}

// RegExpExec (§22.2.7.1): a user's exec wins; its result must be an
// object or null.
JSValue js_regexp_exec(JSVM *vm, JSValue r, JSValue s) {
  // The builtin exec found the ordinary way would just be called.
  if (js_regexp_pristine(vm, r)) return js_regexp_builtin_exec(vm, r, s);
  JSValue exec = js_get(vm, r, vm->atom[JS_ATOM_exec]);
  if (js_is_exception(exec)) return exec;
  if (js_is_callable(exec)) {
    JSValue res = js_call(vm, exec, r, 1, &s);
    if (js_is_exception(res) || js_is_object(res) || js_is_null(res)) return res;
    return js_throw_type_error(vm, "object returned by exec must be an object or null");
  }
  if (!js_is_regexp_object(r)) return throw_incompatible(vm, "RegExp.prototype.exec", r);
  return js_regexp_builtin_exec(vm, r, s);
}

// AdvanceStringIndex (§22.2.7.3): past a whole surrogate pair with u.
double js_regexp_advance(const JSString *f, double index, bool unicode) {
  if (!unicode || index + 1 >= f->length) return index + 1;
  uint32_t i = (uint32_t)index;
  uint16_t c = js_flat_char(f, i), d = js_flat_char(f, i + 1);
  return (c & 0xFC00) == 0xD800 && (d & 0xFC00) == 0xDC00 ? index + 2 : index + 1;
}

/* {==== exec, test, toString, compile ====} */

static JSValue proto_exec(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt);

bool js_regexp_pristine(JSVM *vm, JSValue r) {
  if (!js_is_regexp_object(r) || js_obj(r)->map != regexp_map(vm)) return false;
  // The default map: no own exec, prototype %RegExp.prototype%, whose
  // exec must still be the builtin data property.
  JSPropDesc d;
  if (js_get_own_property(vm, js_intrinsic(vm, RegExpPrototype), vm->atom[JS_ATOM_exec], &d) != 1)
    return false;
  if (!d.has_value || !js_is_function(d.value)) return false;
  JSShared *sh = js_fn(d.value)->shared;
  return (sh->flags & JS_FN_NATIVE) && sh->native == proto_exec;
}


// RegExp.prototype.exec(string): only real RegExps ([[RegExpMatcher]]).
static JSValue proto_exec(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  if (!js_is_regexp_object(self)) return throw_incompatible(vm, "RegExp.prototype.exec", self);
  JSValue s = js_to_string(vm, js_arg(0));
  if (js_is_exception(s)) return s;
  return js_regexp_builtin_exec(vm, self, s);
}

// RegExp.prototype.test(string): RegExpExec(this, S) !== null.
static JSValue proto_test(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  if (!need_object(vm, self, "RegExp.prototype.test")) return JS_EXCEPTION;
  JSValue s = js_to_string(vm, js_arg(0));
  if (js_is_exception(s)) return s;
  // No result array is needed when exec is the builtin one.
  if (js_regexp_pristine(vm, self)) {
    RxMatch rm;
    int found = js_regexp_match(vm, self, s, &rm);
    js_regexp_match_free(&rm);
    return found < 0 ? JS_EXCEPTION : js_from_bool(found);
  }
  JSValue m = js_regexp_exec(vm, self, s);
  if (js_is_exception(m)) return m;
  return js_from_bool(!js_is_null(m));
}

// RegExp.prototype.toString(): "/" + source + "/" + flags, read through
// Get (so it works on any object).
static JSValue proto_to_string(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  if (!need_object(vm, self, "RegExp.prototype.toString")) return JS_EXCEPTION;
  JSValue src = js_get(vm, self, vm->atom[JS_ATOM_source]);
  if (js_is_exception(src) || js_is_exception(src = js_to_string(vm, src))) return JS_EXCEPTION;
  JSValue fl = js_get(vm, self, vm->atom[JS_ATOM_flags]);
  if (js_is_exception(fl) || js_is_exception(fl = js_to_string(vm, fl))) return JS_EXCEPTION;
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  js_sb_char(&sb, '/');
  js_sb_string(&sb, src);
  js_sb_char(&sb, '/');
  js_sb_string(&sb, fl);
  return js_sb_finish(&sb);
}

// Annex B RegExp.prototype.compile(pattern, flags): re-initialize this.
static JSValue proto_compile(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  if (!js_is_regexp_object(self)) return throw_incompatible(vm, "RegExp.prototype.compile", self);
  // Legacy RegExp features: not on subclass instances.
  if (!js_regexp(self)->legacy)
    return js_throw_type_error(vm, "RegExp.prototype.compile called on a subclass instance");
  JSValue p = js_arg(0), f = js_arg(1);
  if (js_is_regexp_object(p)) {
    if (!js_is_undefined(f))
      return js_throw_type_error(vm, "Cannot supply flags when constructing one RegExp from another");
    f = js_regexp(p)->flags;
    p = js_regexp(p)->source;
  }
  return js_regexp_initialize(vm, self, p, f);
}

/* {==== Getters ====} */

// The flag getters (global, ignoreCase, ...): magic is the flag's bit.
// RegExp.prototype itself answers undefined (§22.2.6.4.1 RegExpHasFlag).
static JSValue get_flag(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  static const char *const names[] = {"hasIndices", "global", "ignoreCase", "multiline",
                                      "dotAll", "unicode", "unicodeSets", "sticky"};
  int bit = js_native_magic(vm);
  if (js_is_regexp_object(self)) return js_from_bool(js_regexp(self)->bits & (uint32_t)bit);
  if (js_same_bits(self, js_intrinsic(vm, RegExpPrototype))) return JS_UNDEFINED;
  int k = 0;
  while ((1 << k) != bit) k++;
  char method[48];
  snprintf(method, sizeof method, "RegExp.prototype.%s", names[k]);
  return throw_incompatible(vm, method, self);
}

// get RegExp.prototype.flags: each flag getter, read in spec order.
static JSValue get_flags(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  static const char *const props[] = {"hasIndices", "global", "ignoreCase", "multiline",
                                      "dotAll", "unicode", "unicodeSets", "sticky"};
  if (!need_object(vm, self, "RegExp.prototype.flags")) return JS_EXCEPTION;
  char out[9];
  size_t n = 0;
  for (int i = 0; i < 8; i++) {
    JSValue v = js_get_str(vm, self, props[i]);
    if (js_is_exception(v)) return v;
    if (js_to_boolean(v)) out[n++] = RX_FLAG_CHARS[i];
  }
  return js_string_from_latin1(vm, (const uint8_t *)out, n);
}

// EscapeRegExpPattern (§22.2.6.13.1): "/" and line terminators escaped
// so that "/" + source + "/" reads back as the same literal.
static JSValue escape_pattern(JSVM *vm, JSValue src) {
  JSString *f = js_string_flat(vm, js_str(src));
  if (f->length == 0) return js_atom(vm, "(?:)");
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  bool escaped = false, in_class = false;
  for (uint32_t i = 0; i < f->length; i++) {
    uint16_t c = js_flat_char(f, i);
    const char *lt = c == '\n' ? "n" : c == '\r' ? "r" : c == 0x2028 ? "u2028"
                   : c == 0x2029 ? "u2029" : NULL;
    if (lt) {
      // An escaped terminator keeps its backslash: "\<LF>" -> "\n".
      if (!escaped) js_sb_char(&sb, '\\');
      js_sb_ascii(&sb, lt);
      escaped = false;
      continue;
    }
    if (c == '/' && !escaped && !in_class) js_sb_char(&sb, '\\');
    js_sb_char(&sb, c);
    if (escaped) {
      escaped = false;
    } else if (c == '\\') {
      escaped = true;
    } else if (c == '[') {
      in_class = true;
    } else if (c == ']') {
      in_class = false;
    }
  }
  return js_sb_finish(&sb);
}

// get RegExp.prototype.source: the escaped pattern; "(?:)" for the
// prototype itself (§22.2.6.13).
static JSValue get_source(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  if (js_is_regexp_object(self)) return escape_pattern(vm, js_regexp(self)->source);
  if (js_same_bits(self, js_intrinsic(vm, RegExpPrototype))) return js_atom(vm, "(?:)");
  return throw_incompatible(vm, "RegExp.prototype.source", self);
}

// get RegExp[@@species]: this.
static JSValue get_species(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  return self;
}

/* {==== Legacy static properties (Annex B proposal) ====} */

/* RegExp.$1-$9, input ($_), lastMatch ($&), lastParen ($+), leftContext
 * ($`) and rightContext ($'): the last successful match of a RegExp made
 * by %RegExp% itself, kept in realm intrinsic RegExpLegacy, a store of
 * LEGACY_WORDS values: the input, the matched subject (JS_HOLE once a
 * subclass instance matched: the getters then throw), the group count,
 * groups 0-9 and the last group as start/end int32 pairs (-1: none). */
enum { L_INPUT, L_SUBJECT, L_NCAPS, L_CAPS, L_LAST = L_CAPS + 20, LEGACY_WORDS = L_LAST + 2 };

static JSArrayStore *legacy(JSVM *vm) {
  JSValue v = js_intrinsic(vm, RegExpLegacy);
  if (js_is_heap(v)) return js_heap(v);
  JSArrayStore *st = js_new_store(vm, LEGACY_WORDS);
  // Fresh store: raw stores. Before any match everything reads "".
  for (uint32_t i = 0; i < LEGACY_WORDS; i++) st->v[i] = js_from_int32(0);
  st->v[L_INPUT] = st->v[L_SUBJECT] = vm->atom[JS_ATOM_empty];
  st->v[L_NCAPS] = js_from_int32(1);
  for (uint32_t i = L_CAPS + 2; i < L_LAST; i++) st->v[i] = js_from_int32(-1);
  js_intrinsic(vm, RegExpLegacy) = js_val(st);
  return st;
}

void js_regexp_legacy_update(JSVM *vm, JSValue r, JSValue s, const int32_t *caps, uint32_t ncaps) {
  JSArrayStore *st = legacy(vm);
  if (!js_regexp(r)->legacy) {
    // UpdateLegacyRegExpStaticProperties only for %RegExp%'s own objects.
    ORI_STORE_SLOT(st, &st->v[L_INPUT], JS_HOLE);
    ORI_STORE_SLOT(st, &st->v[L_SUBJECT], JS_HOLE);
    return;
  }
  ORI_STORE_SLOT(st, &st->v[L_INPUT], s);
  ORI_STORE_SLOT(st, &st->v[L_SUBJECT], s);
  ORI_STORE_SLOT(st, &st->v[L_NCAPS], js_from_int32((int32_t)ncaps));
  for (uint32_t i = 0; i < 20; i++)
    ORI_STORE_SLOT(st, &st->v[L_CAPS + i], js_from_int32(i < 2 * ncaps ? caps[i] : -1));
  ORI_STORE_SLOT(st, &st->v[L_LAST], js_from_int32(caps[2 * ncaps - 2]));
  ORI_STORE_SLOT(st, &st->v[L_LAST + 1], js_from_int32(caps[2 * ncaps - 1]));
}

// The getters: magic 1-9 for $1-$9, or one of these.
enum { LEG_INPUT = 10, LEG_LAST_MATCH, LEG_LAST_PAREN, LEG_LEFT, LEG_RIGHT };

// The substring of the subject between two stored positions ("" when
// the group did not participate).
static JSValue legacy_slice(JSVM *vm, JSArrayStore *st, uint32_t at) {
  int32_t a = js_int32(st->v[at]), b = js_int32(st->v[at + 1]);
  if (a < 0) return vm->atom[JS_ATOM_empty];
  return js_string_substring(vm, st->v[L_SUBJECT], (uint32_t)a, (uint32_t)b);
}

static JSValue legacy_get(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  int which = js_native_magic(vm);
  if (!js_same_bits(self, js_intrinsic(vm, RegExp)))
    return js_throw_type_error(vm, "RegExp legacy static property accessed on a different receiver");
  JSArrayStore *st = legacy(vm);
  JSValue subject = st->v[L_SUBJECT];
  if (which == LEG_INPUT ? js_is_hole(st->v[L_INPUT]) : js_is_hole(subject))
    return js_throw_type_error(vm, "RegExp legacy static properties are not available");
  int32_t start = js_int32(st->v[L_CAPS]), end = js_int32(st->v[L_CAPS + 1]);
  switch (which) {
    case LEG_INPUT: return st->v[L_INPUT];
    case LEG_LAST_MATCH: return legacy_slice(vm, st, L_CAPS);
    case LEG_LAST_PAREN:
      return js_int32(st->v[L_NCAPS]) > 1 ? legacy_slice(vm, st, L_LAST) : vm->atom[JS_ATOM_empty];
    case LEG_LEFT: return js_string_substring(vm, subject, 0, (uint32_t)start);
    case LEG_RIGHT:
      return js_string_substring(vm, subject, (uint32_t)end, js_string_length(subject));
    default:
      return legacy_slice(vm, st, L_CAPS + 2 * (uint32_t)which);
  }
}

// RegExp.input = v (and $_): the input alone changes.
static JSValue legacy_set_input(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  if (!js_same_bits(self, js_intrinsic(vm, RegExp)))
    return js_throw_type_error(vm, "RegExp legacy static property set on a different receiver");
  JSValue s = js_to_string(vm, js_arg(0));
  if (js_is_exception(s)) return s;
  JSArrayStore *st = legacy(vm);
  ORI_STORE_SLOT(st, &st->v[L_INPUT], s);
  return JS_UNDEFINED;
}

static void def_legacy(JSVM *vm, JSValue ctor, const char *name, int which) {
  char buf[40];
  snprintf(buf, sizeof buf, "get %s", name);
  JSPropDesc d = {0};
  d.has_get = d.has_set = d.has_enumerable = d.has_configurable = true;
  d.attrs = JS_ATTR_CONFIGURABLE;
  d.get = js_new_native(vm, buf, legacy_get, 0, which);
  d.set = JS_UNDEFINED;
  if (which == LEG_INPUT) {
    snprintf(buf, sizeof buf, "set %s", name);
    d.set = js_new_native(vm, buf, legacy_set_input, 1, 0);
  }
  js_define_own_property(vm, ctor, js_to_property_key(vm, js_atom(vm, name)), &d, false);
}

static void init_legacy(JSVM *vm, JSValue ctor) {
  static const struct { const char *name; int which; } props[] = {
      {"input", LEG_INPUT}, {"$_", LEG_INPUT}, {"lastMatch", LEG_LAST_MATCH},
      {"$&", LEG_LAST_MATCH}, {"lastParen", LEG_LAST_PAREN}, {"$+", LEG_LAST_PAREN},
      {"leftContext", LEG_LEFT}, {"$`", LEG_LEFT}, {"rightContext", LEG_RIGHT},
      {"$'", LEG_RIGHT}};
  for (size_t i = 0; i < sizeof props / sizeof *props; i++)
    def_legacy(vm, ctor, props[i].name, props[i].which);
  for (int k = 1; k <= 9; k++) {
    char name[3] = {'$', (char)('0' + k), 0};
    def_legacy(vm, ctor, name, k);
  }
}

/* {==== The installer ====} */

// A flag getter: an accessor whose native knows its flag by magic.
static void def_flag_getter(JSVM *vm, JSValue proto, const char *name, int bit) {
  char buf[40];
  snprintf(buf, sizeof buf, "get %s", name);
  JSPropDesc d = {0};
  d.has_get = d.has_set = d.has_enumerable = d.has_configurable = true;
  d.attrs = JS_ATTR_CONFIGURABLE;
  d.get = js_new_native(vm, buf, get_flag, 0, bit);
  d.set = JS_UNDEFINED;
  js_define_own_property(vm, proto, js_to_property_key(vm, js_atom(vm, name)), &d, false);
}

// The family's installer: %RegExp%, RegExp.prototype's properties, the
// Symbol methods and %RegExpStringIteratorPrototype%, the legacy statics.
void js_init_regexp(JSVM *vm) {
  JSValue proto = js_intrinsic(vm, RegExpPrototype);
  JSValue ctor = js_new_native_ctor(vm, "RegExp", regexp_ctor, 2, proto);
  js_intrinsic(vm, RegExp) = ctor;
  js_def_value(vm, vm->realm->global, "RegExp", ctor, JS_ATTR_METHOD);
  js_def_getter_key(vm, ctor, vm->symbol[JS_SYMBOL_species], "[Symbol.species]", get_species,
                    NULL);
  js_def_method(vm, proto, "exec", proto_exec, 1);
  js_def_getter(vm, proto, "flags", get_flags, NULL);
  static const struct { const char *name; int bit; } flags[] = {
      {"dotAll", RX_FLAG_S}, {"global", RX_FLAG_G}, {"hasIndices", RX_FLAG_D},
      {"ignoreCase", RX_FLAG_I}, {"multiline", RX_FLAG_M}, {"sticky", RX_FLAG_Y},
      {"unicode", RX_FLAG_U}, {"unicodeSets", RX_FLAG_V}};
  for (size_t i = 0; i < sizeof flags / sizeof *flags; i++)
    def_flag_getter(vm, proto, flags[i].name, flags[i].bit);
  js_def_getter(vm, proto, "source", get_source, NULL);
  js_def_method(vm, proto, "compile", proto_compile, 2);
  js_def_method(vm, proto, "test", proto_test, 1);
  js_def_method(vm, proto, "toString", proto_to_string, 0);
  js_init_regexp_symbols(vm, ctor, proto);
  init_legacy(vm, ctor);
}
