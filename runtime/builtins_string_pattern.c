/*
 * runtime/builtins_string_pattern.c — the String.prototype methods that
 * take a pattern: match, matchAll, replace, replaceAll, search, split
 * (ECMA-262 §22.1.3), and GetSubstitution (§22.1.3.19.1), which RegExp's
 * @@replace shares (runtime.h: js_get_substitution).
 *
 * Invariants:
 *  - An object argument with the matching well-known method (@@match,
 *    @@matchAll, @@replace, @@search, @@split) is handed the work: that is
 *    how RegExp objects (and user objects) take over. Only the string
 *    paths are done here. Primitive arguments never have those methods
 *    looked up (ES2025: "If regexp is an Object", which test262 checks
 *    with getters on String.prototype); ES2024 said "not nullish".
 *  - The paths that must create a RegExp (match, matchAll and search with
 *    a non-RegExp argument) call RegExpCreate (js_regexp_create).
 *  - Match positions are code-unit indices below 2^30 (the longest
 *    string), so uint32_t holds them.
 */
#include <stdlib.h>

#include "runtime/builtins_string.h"
#include "runtime/regexp.h"

/* {==== GetSubstitution ====} */

// $<name>: the named group's capture, ToString'd ("" when undefined).
// Returns the units consumed from the template at t[at] ("$<" included),
// or 0 when the reference is not one (no '>' or no named groups).
static uint32_t named_ref(JSVM *vm, JSStrBuf *sb, const JSString *t, uint32_t at,
                          JSValue named, bool *failed) {
  if (js_is_undefined(named)) return 0;
  uint32_t gt = at + 2;
  while (gt < t->length && js_flat_char(t, gt) != '>') gt++;
  if (gt >= t->length) return 0;
  JSValue name = js_string_substring(vm, js_val(t), at + 2, gt);
  JSValue key = js_to_property_key(vm, name);
  JSValue cap = js_is_exception(key) ? key : js_get(vm, named, key);
  if (!js_is_exception(cap) && !js_is_undefined(cap)) cap = js_to_string(vm, cap);
  if (js_is_exception(cap)) {
    *failed = true;
    return 1;
  }
  if (!js_is_undefined(cap)) js_sb_string(sb, cap);
  return gt + 1 - at;
}

// $n and $nn: the capture numbered by one or two digits at t[at + 1];
// two digits only when that capture exists (else "$1" then "0"). Returns
// the units consumed, or 0 when the digits name no capture.
static uint32_t numbered_ref(JSStrBuf *sb, const JSString *t, uint32_t at,
                             int ncaptures, const JSValue *captures) {
  uint16_t d1 = js_flat_char(t, at + 1);
  uint16_t d2 = at + 2 < t->length ? js_flat_char(t, at + 2) : 0;
  int index = d1 - '0', digits = 1;
  if (d2 >= '0' && d2 <= '9') {
    int two = index * 10 + (d2 - '0');
    if (two <= ncaptures) index = two, digits = 2;
  }
  if (index < 1 || index > ncaptures) return 0;
  // An undefined capture (a group that did not participate) adds "".
  if (!js_is_undefined(captures[index - 1])) js_sb_string(sb, captures[index - 1]);
  return 1 + (uint32_t)digits;
}

JSValue js_get_substitution(JSVM *vm, JSValue matched, JSValue str, uint32_t position,
                            int ncaptures, const JSValue *captures, JSValue named,
                            JSValue replacement) {
  // The template is read unit by unit; only '$' followed by one of the
  // reference characters is special, everything else is copied.
  JSString *t = js_string_flat(vm, js_str(replacement));
  uint32_t len = js_string_length(str);
  uint32_t tail = position + js_string_length(matched);
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  for (uint32_t k = 0; k < t->length;) {
    uint16_t c = js_flat_char(t, k);
    uint16_t n = k + 1 < t->length ? js_flat_char(t, k + 1) : 0;
    uint32_t used = 0;
    bool failed = false;
    if (c != '$' || k + 1 >= t->length) {
      used = 0;  // a plain unit (or a lone '$' at the end)
    } else if (n == '$') {
      js_sb_char(&sb, '$'), used = 2;
    } else if (n == '&') {
      js_sb_string(&sb, matched), used = 2;
    } else if (n == '`') {
      js_sb_string(&sb, js_string_substring(vm, str, 0, position)), used = 2;
    } else if (n == '\'') {
      // tail may pass the end when a RegExp exec lies about its match.
      if (tail < len) js_sb_string(&sb, js_string_substring(vm, str, tail, len));
      used = 2;
    } else if (n >= '0' && n <= '9') {
      used = numbered_ref(&sb, t, k, ncaptures, captures);
    } else if (n == '<') {
      used = named_ref(vm, &sb, t, k, named, &failed);
    }
    if (failed) {
      js_sb_free(&sb);
      return JS_EXCEPTION;
    }
    // Not a reference: the unit stands for itself.
    if (!used) js_sb_char(&sb, c), used = 1;
    k += used;
  }
  return js_sb_finish(&sb);
}

/* {==== Helpers ====} */

// GetMethod(v, @@sym) for a non-nullish v; `undefined` when absent.
static JSValue pattern_method(JSVM *vm, JSValue v, int sym) {
  return js_get_method(vm, v, vm->symbol[sym]);
}

// RegExpCreate(pattern, flags) then Invoke(rx, @@sym, « s »): the path of
// match, matchAll and search for an argument that is not a RegExp.
static JSValue regexp_create_invoke(JSVM *vm, JSValue pattern, const char *flags,
                                    int sym, JSValue s) {
  JSValue rx = js_regexp_create(vm, pattern, flags ? js_atom(vm, flags) : JS_UNDEFINED);
  if (js_is_exception(rx)) return rx;
  return js_invoke(vm, rx, vm->symbol[sym], 1, &s);
}

// The RequireObjectCoercible(this) that every method starts with.
static bool coercible(JSVM *vm, JSValue self, const char *name) {
  if (!js_is_nullish(self)) return true;
  js_throw_type_error(vm, "String.prototype.%s called on null or undefined", name);
  return false;
}

/* {==== match, matchAll, search ====} */

// match (magic 0) and search (magic 1): @@match / @@search of the
// argument, else a new RegExp's.
static JSValue string_match_search(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                   JSValue nt) {
  bool search = js_native_magic(vm);
  int sym = search ? JS_SYMBOL_search : JS_SYMBOL_match;
  if (!coercible(vm, self, search ? "search" : "match")) return JS_EXCEPTION;
  JSValue re = js_arg(0);
  if (js_is_object(re)) {
    JSValue m = pattern_method(vm, re, sym);
    if (js_is_exception(m)) return m;
    if (!js_is_undefined(m)) return js_call(vm, m, re, 1, &self);
  }
  JSValue s = js_to_string(vm, self);
  if (js_is_exception(s)) return s;
  return regexp_create_invoke(vm, re, NULL, sym, s);
}

// matchAll(regexp): a RegExp argument must be global.
static JSValue string_match_all(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                JSValue nt) {
  if (!coercible(vm, self, "matchAll")) return JS_EXCEPTION;
  JSValue re = js_arg(0);
  if (js_is_object(re)) {
    int is_re = js_string_is_regexp(vm, re);
    if (is_re < 0) return JS_EXCEPTION;
    if (is_re) {
      JSValue flags = js_get(vm, re, vm->atom[JS_ATOM_flags]);
      if (js_is_exception(flags)) return flags;
      if (js_is_nullish(flags))
        return js_throw_type_error(vm, "String.prototype.matchAll called with a "
                                   "RegExp whose flags are null or undefined");
      JSValue fs = js_to_string(vm, flags);
      if (js_is_exception(fs)) return fs;
      if (js_string_index_of(vm, fs, vm->single_char['g'], 0) < 0)
        return js_throw_type_error(vm, "String.prototype.matchAll called with a "
                                   "non-global RegExp argument");
    }
    JSValue m = pattern_method(vm, re, JS_SYMBOL_matchAll);
    if (js_is_exception(m)) return m;
    if (!js_is_undefined(m)) return js_call(vm, m, re, 1, &self);
  }
  JSValue s = js_to_string(vm, self);
  if (js_is_exception(s)) return s;
  return regexp_create_invoke(vm, re, "g", JS_SYMBOL_matchAll, s);
}

/* {==== replace, replaceAll ====} */

// The replacement for a match of search at pos in s: the function's
// result (ToString'd) or the template's substitution.
static JSValue replacement_for(JSVM *vm, JSValue search, JSValue s, uint32_t pos,
                               JSValue replace_value) {
  if (!js_is_callable(replace_value))
    return js_get_substitution(vm, search, s, pos, 0, NULL, JS_UNDEFINED, replace_value);
  JSValue args[3] = {search, js_from_number(pos), s};
  JSValue r = js_call(vm, replace_value, JS_UNDEFINED, 3, args);
  if (js_is_exception(r)) return r;
  return js_to_string(vm, r);
}

// What replace and replaceAll share after the @@replace check: the
// string, the search string, and the replace value (ToString'd unless
// callable); false on exception.
static bool replace_args(JSVM *vm, JSValue self, JSValue *s, JSValue *search,
                         JSValue *replace_value) {
  *s = js_to_string(vm, self);
  if (js_is_exception(*s)) return false;
  *search = js_to_string(vm, *search);
  if (js_is_exception(*search)) return false;
  if (js_is_callable(*replace_value)) return true;
  *replace_value = js_to_string(vm, *replace_value);
  return !js_is_exception(*replace_value);
}

// replace(searchValue, replaceValue): the first occurrence only.
static JSValue string_replace(JSVM *vm, JSValue self, int argc, JSValue *argv,
                              JSValue nt) {
  if (!coercible(vm, self, "replace")) return JS_EXCEPTION;
  JSValue search = js_arg(0), rv = js_arg(1), s;
  if (js_is_object(search)) {
    JSValue m = pattern_method(vm, search, JS_SYMBOL_replace);
    if (js_is_exception(m)) return m;
    JSValue args[2] = {self, rv};
    if (!js_is_undefined(m)) return js_call(vm, m, search, 2, args);
  }
  if (!replace_args(vm, self, &s, &search, &rv)) return JS_EXCEPTION;
  // No occurrence: the string itself (the replacer is never called).
  int64_t pos = js_string_index_of(vm, s, search, 0);
  if (pos < 0) return s;
  JSValue rep = replacement_for(vm, search, s, (uint32_t)pos, rv);
  if (js_is_exception(rep)) return rep;
  // preceding + replacement + following.
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  js_sb_string(&sb, js_string_substring(vm, s, 0, (uint32_t)pos));
  js_sb_string(&sb, rep);
  js_sb_string(&sb, js_string_substring(vm, s, (uint32_t)pos + js_string_length(search),
                                        js_string_length(s)));
  return js_sb_finish(&sb);
}

// replaceAll's check of a RegExp argument: its flags must include "g".
static bool check_global(JSVM *vm, JSValue re) {
  int is_re = js_string_is_regexp(vm, re);
  if (is_re <= 0) return is_re == 0;
  JSValue flags = js_get(vm, re, vm->atom[JS_ATOM_flags]);
  if (js_is_exception(flags)) return false;
  if (js_is_nullish(flags)) {
    js_throw_type_error(vm, "String.prototype.replaceAll called with a RegExp whose "
                        "flags are null or undefined");
    return false;
  }
  JSValue fs = js_to_string(vm, flags);
  if (js_is_exception(fs)) return false;
  if (js_string_index_of(vm, fs, vm->single_char['g'], 0) >= 0) return true;
  js_throw_type_error(vm, "replaceAll must be called with a global RegExp");
  return false;
}

// Every position of search in s, non-overlapping, each advancing by at
// least one unit (so "" matches between all units); malloc'd list.
static uint32_t *match_positions(JSVM *vm, JSValue s, JSValue search, size_t *count) {
  uint32_t m = js_string_length(search), advance = m ? m : 1;
  size_t n = 0, cap = 16;
  uint32_t *list = malloc(cap * sizeof *list);
  for (int64_t p = js_string_index_of(vm, s, search, 0); p >= 0 && list;
       p = js_string_index_of(vm, s, search, (uint32_t)p + advance)) {
    if (n == cap) {
      uint32_t *bigger = realloc(list, cap * 2 * sizeof *list);
      if (!bigger) free(list);
      list = bigger, cap *= 2;
      if (!list) break;
    }
    list[n++] = (uint32_t)p;
    if ((uint64_t)p + advance > js_string_length(s)) break;
  }
  *count = n;
  return list;
}

// replaceAll(searchValue, replaceValue): every occurrence, found before
// any replacement is computed (the replacer cannot change the matches).
static JSValue string_replace_all(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                  JSValue nt) {
  if (!coercible(vm, self, "replaceAll")) return JS_EXCEPTION;
  JSValue search = js_arg(0), rv = js_arg(1), s;
  if (js_is_object(search)) {
    if (!check_global(vm, search)) return JS_EXCEPTION;
    JSValue m = pattern_method(vm, search, JS_SYMBOL_replace);
    if (js_is_exception(m)) return m;
    JSValue args[2] = {self, rv};
    if (!js_is_undefined(m)) return js_call(vm, m, search, 2, args);
  }
  if (!replace_args(vm, self, &s, &search, &rv)) return JS_EXCEPTION;
  size_t n;
  uint32_t *pos = match_positions(vm, s, search, &n);
  if (!pos) return js_throw_range_error(vm, "Invalid string length");
  // end: where the text after the previous match begins.
  uint32_t m = js_string_length(search), end = 0;
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  for (size_t i = 0; i < n; i++) {
    JSValue rep = replacement_for(vm, search, s, pos[i], rv);
    if (js_is_exception(rep)) {
      free(pos);
      js_sb_free(&sb);
      return rep;
    }
    js_sb_string(&sb, js_string_substring(vm, s, end, pos[i]));
    js_sb_string(&sb, rep);
    end = pos[i] + m;
  }
  free(pos);
  js_sb_string(&sb, js_string_substring(vm, s, end, js_string_length(s)));
  return js_sb_finish(&sb);
}

/* {==== split ====} */

// The string path of split: the pieces between occurrences of sep, at
// most lim of them.
static JSValue split_string(JSVM *vm, JSValue s, JSValue sep, uint32_t lim) {
  JSValue arr = js_new_array(vm, 0);
  uint32_t len = js_string_length(s), m = js_string_length(sep), n = 0;
  if (m == 0) {
    // An empty separator splits into code units, the first lim of them.
    for (uint32_t k = 0; k < len && k < lim; k++)
      if (js_array_push(vm, arr, js_string_substring(vm, s, k, k + 1)) < 0)
        return JS_EXCEPTION;
    return arr;
  }
  if (len == 0) return js_array_push(vm, arr, s) < 0 ? JS_EXCEPTION : arr;
  // i: start of the current piece; j: the next separator at or after it.
  uint32_t i = 0;
  for (int64_t j = js_string_index_of(vm, s, sep, 0); j >= 0;
       j = js_string_index_of(vm, s, sep, i)) {
    if (js_array_push(vm, arr, js_string_substring(vm, s, i, (uint32_t)j)) < 0)
      return JS_EXCEPTION;
    if (++n == lim) return arr;
    i = (uint32_t)j + m;
  }
  if (js_array_push(vm, arr, js_string_substring(vm, s, i, len)) < 0) return JS_EXCEPTION;
  return arr;
}

// split(separator, limit): @@split of the separator, else the string
// path; the limit is ToUint32'd before the separator's ToString.
static JSValue string_split(JSVM *vm, JSValue self, int argc, JSValue *argv,
                            JSValue nt) {
  if (!coercible(vm, self, "split")) return JS_EXCEPTION;
  JSValue sep = js_arg(0), limit = js_arg(1);
  if (js_is_object(sep)) {
    JSValue m = pattern_method(vm, sep, JS_SYMBOL_split);
    if (js_is_exception(m)) return m;
    JSValue args[2] = {self, limit};
    if (!js_is_undefined(m)) return js_call(vm, m, sep, 2, args);
  }
  JSValue s = js_to_string(vm, self);
  if (js_is_exception(s)) return s;
  // lim: ToUint32(limit), 2^32 - 1 (no limit in practice) by default.
  uint32_t lim = UINT32_MAX;
  if (!js_is_undefined(limit) && !js_to_uint32(vm, limit, &lim)) return JS_EXCEPTION;
  JSValue r = js_to_string(vm, sep);
  if (js_is_exception(r)) return r;
  if (lim == 0) return js_new_array(vm, 0);
  if (js_is_undefined(sep)) return js_new_array_from(vm, 1, &s);
  return split_string(vm, s, r, lim);
}

/* {==== Installation ====} */

void js_init_string_pattern(JSVM *vm, JSValue proto) {
  js_def_method_magic(vm, proto, "match", string_match_search, 1, 0);
  js_def_method(vm, proto, "matchAll", string_match_all, 1);
  js_def_method(vm, proto, "replace", string_replace, 2);
  js_def_method(vm, proto, "replaceAll", string_replace_all, 2);
  js_def_method_magic(vm, proto, "search", string_match_search, 1, 1);
  js_def_method(vm, proto, "split", string_split, 2);
}
