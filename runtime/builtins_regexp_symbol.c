/*
 * runtime/builtins_regexp_symbol.c — the Symbol-keyed methods through
 * which String.prototype.match/matchAll/replace/search/split reach a
 * RegExp (ECMA-262 §22.2.6.8-14), %RegExpStringIteratorPrototype%
 * (§22.2.9), RegExp[Symbol.species]'s users, and RegExp.escape.
 *
 * Invariants:
 *  - These methods work on any object, through the observable protocol
 *    (Get "flags", Get/Set "lastIndex", RegExpExec which calls a user's
 *    exec), step by step as the spec orders them; they never look at a
 *    RegExp's internal slots directly.
 *  - Strings are flattened once up front; positions read back from
 *    match objects are clamped before use, since a user's exec may
 *    return anything.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/iterator.h"
#include "runtime/regexp.h"

/* {==== Helpers ====} */

// RegExp.prototype[@@x] called on a non-object.
static bool need_object(JSVM *vm, JSValue self, const char *method) {
  if (js_is_object(self)) return true;
  js_throw_type_error(vm, "Method RegExp.prototype.%s called on incompatible receiver %s",
                      method, js_is_nullish(self) ? (js_is_null(self) ? "null" : "undefined")
                                                  : "a primitive");
  return false;
}

// ToString(Get(rx, "flags")); with whether it has g and u-or-v.
static JSValue read_flags(JSVM *vm, JSValue rx, bool *global, bool *unicode) {
  JSValue f = js_get(vm, rx, vm->atom[JS_ATOM_flags]);
  if (js_is_exception(f) || js_is_exception(f = js_to_string(vm, f))) return JS_EXCEPTION;
  JSString *fs = js_string_flat(vm, js_str(f));
  *global = *unicode = false;
  for (uint32_t i = 0; i < fs->length; i++) {
    uint16_t c = js_flat_char(fs, i);
    if (c == 'g') *global = true;
    if (c == 'u' || c == 'v') *unicode = true;
  }
  return f;
}

// After an empty match: lastIndex = AdvanceStringIndex(S, ToLength(lastIndex)).
static bool bump_last_index(JSVM *vm, JSValue rx, const JSString *s, bool unicode) {
  JSValue li = js_get(vm, rx, vm->atom[JS_ATOM_lastIndex]);
  double idx;
  if (js_is_exception(li) || !js_to_length(vm, li, &idx)) return false;
  double next = js_regexp_advance(s, idx, unicode);
  return js_set(vm, rx, vm->atom[JS_ATOM_lastIndex], js_from_number(next), true) >= 0;
}

// ToString(Get(result, "0")).
static JSValue match_string(JSVM *vm, JSValue result) {
  JSValue m = js_get_index(vm, result, 0);
  if (js_is_exception(m)) return m;
  return js_to_string(vm, m);
}

/* {==== Fast paths ====} */

// Whether the flat string s contains unit c.
static bool has_char(const JSString *s, uint16_t c) {
  for (uint32_t i = 0; i < s->length; i++)
    if (js_flat_char(s, i) == c) return true;
  return false;
}

// Whether the global exec loop of @@match/@@replace may run directly:
// nothing in it is observable, and the flags read agree with the
// RegExp's own (a patched flags getter could claim g or u falsely).
static bool fast_global(JSVM *vm, JSValue rx, bool unicode) {
  if (!js_regexp_pristine(vm, rx)) return false;
  uint32_t bits = js_regexp(rx)->bits;
  return (bits & RX_FLAG_G) && unicode == ((bits & (RX_FLAG_U | RX_FLAG_V)) != 0);
}

// @@match's global loop on a pristine RegExp: the matched strings.
static JSValue match_fast(JSVM *vm, JSValue rx, JSValue s) {
  RxMatch m;
  int64_t count = js_regexp_all_matches(vm, rx, s, &m);
  if (count <= 0) return count < 0 ? JS_EXCEPTION : JS_NULL;
  JSValue a = js_new_array(vm, 0);
  for (int64_t i = 0; i < count; i++) {
    const int32_t *c = m.caps + i * 2 * m.ncaps;
    JSValue str = js_string_substring(vm, s, (uint32_t)c[0], (uint32_t)c[1]);
    if (js_is_exception(str) || js_array_push(vm, a, str) < 0) {
      js_regexp_match_free(&m);
      return JS_EXCEPTION;
    }
  }
  js_regexp_match_free(&m);
  return a;
}

/* {==== @@match, @@search ====} */

// RegExp.prototype[@@match](string) (§22.2.6.8): one exec without g,
// else every match's string (lastIndex from 0, stepping past empty ones).
static JSValue sym_match(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  if (!need_object(vm, self, "@@match")) return JS_EXCEPTION;
  JSValue s = js_to_string(vm, js_arg(0));
  if (js_is_exception(s)) return s;
  JSString *fs = js_string_flat(vm, js_str(s));
  bool global, unicode;
  if (js_is_exception(read_flags(vm, self, &global, &unicode))) return JS_EXCEPTION;
  if (!global) return js_regexp_exec(vm, self, s);
  if (js_set(vm, self, vm->atom[JS_ATOM_lastIndex], js_from_int32(0), true) < 0)
    return JS_EXCEPTION;
  if (fast_global(vm, self, unicode)) return match_fast(vm, self, s);
  JSValue a = js_new_array(vm, 0);
  for (uint32_t n = 0;; n++) {
    JSValue result = js_regexp_exec(vm, self, s);
    if (js_is_exception(result)) return result;
    if (js_is_null(result)) return n == 0 ? JS_NULL : a;
    JSValue str = match_string(vm, result);
    if (js_is_exception(str)) return str;
    if (js_create_data_property_or_throw(vm, a, js_index_key(n), str) < 0) return JS_EXCEPTION;
    if (js_string_length(str) == 0 && !bump_last_index(vm, self, fs, unicode))
      return JS_EXCEPTION;
  }
}

// RegExp.prototype[@@search](string) (§22.2.6.12): the first match's
// index; lastIndex is put back as it was.
static JSValue sym_search(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  if (!need_object(vm, self, "@@search")) return JS_EXCEPTION;
  JSValue s = js_to_string(vm, js_arg(0));
  if (js_is_exception(s)) return s;
  JSValue key = vm->atom[JS_ATOM_lastIndex];
  JSValue prev = js_get(vm, self, key);
  if (js_is_exception(prev)) return prev;
  if (!js_same_value(prev, js_from_int32(0)) && js_set(vm, self, key, js_from_int32(0), true) < 0)
    return JS_EXCEPTION;
  JSValue result = js_regexp_exec(vm, self, s);
  if (js_is_exception(result)) return result;
  JSValue now = js_get(vm, self, key);
  if (js_is_exception(now)) return now;
  if (!js_same_value(now, prev) && js_set(vm, self, key, prev, true) < 0) return JS_EXCEPTION;
  if (js_is_null(result)) return js_from_int32(-1);
  return js_get(vm, result, vm->atom[JS_ATOM_index]);
}

/* {==== @@matchAll and %RegExpStringIteratorPrototype% ====} */

enum { ITER_GLOBAL = 1, ITER_UNICODE = 2 };

// RegExp.prototype[@@matchAll](string) (§22.2.6.9): an iterator over a
// copy of this (made by the species constructor, so later changes to
// this do not disturb it).
static JSValue sym_match_all(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  if (!need_object(vm, self, "@@matchAll")) return JS_EXCEPTION;
  JSValue s = js_to_string(vm, js_arg(0));
  if (js_is_exception(s)) return s;
  JSValue c = js_species_constructor(vm, self, js_intrinsic(vm, RegExp));
  if (js_is_exception(c)) return c;
  bool global, unicode;
  JSValue flags = read_flags(vm, self, &global, &unicode);
  if (js_is_exception(flags)) return flags;
  JSValue args[2] = {self, flags};
  JSValue matcher = js_construct(vm, c, 2, args, c);
  if (js_is_exception(matcher)) return matcher;
  JSValue li = js_get(vm, self, vm->atom[JS_ATOM_lastIndex]);
  double idx;
  if (js_is_exception(li) || !js_to_length(vm, li, &idx)) return JS_EXCEPTION;
  if (js_set(vm, matcher, vm->atom[JS_ATOM_lastIndex], js_from_number(idx), true) < 0)
    return JS_EXCEPTION;
  JSValue it = js_new_iterator(vm, JS_ITER_REGEXP_STRING, matcher, JS_ITER_KIND_VALUES);
  JSIteratorObject *io = js_heap(it);
  ORI_STORE(io, state, s);
  io->flags = (uint16_t)((global ? ITER_GLOBAL : 0) | (unicode ? ITER_UNICODE : 0));
  return it;
}

// %RegExpStringIteratorPrototype%.next (§22.2.9.2.1).
static JSValue iter_next(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  JSIteratorObject *it = js_iterator_this(vm, self, JS_ITER_REGEXP_STRING,
                                          "%RegExpStringIterator%.prototype.next");
  if (!it) return JS_EXCEPTION;
  if (js_is_undefined(it->target)) return js_create_iter_result(vm, JS_UNDEFINED, true);
  JSValue rx = it->target, s = it->state;
  JSValue match = js_regexp_exec(vm, rx, s);
  if (js_is_exception(match)) return match;
  if (js_is_null(match) || !(it->flags & ITER_GLOBAL)) {
    ORI_STORE(it, target, JS_UNDEFINED);
    if (js_is_null(match)) return js_create_iter_result(vm, JS_UNDEFINED, true);
    return js_create_iter_result(vm, match, false);
  }
  JSValue str = match_string(vm, match);
  if (js_is_exception(str)) return str;
  if (js_string_length(str) == 0 &&
      !bump_last_index(vm, rx, js_string_flat(vm, js_str(s)), it->flags & ITER_UNICODE))
    return JS_EXCEPTION;
  return js_create_iter_result(vm, match, false);
}

/* {==== @@replace ====} */

// The replacement text for one match result (§22.2.6.11 steps 14.a-o);
// *position and *match_len are where it goes in S.
static JSValue one_replacement(JSVM *vm, JSValue result, JSValue s, JSValue replace,
                               double *position, uint32_t *match_len) {
  double rlen, pos;
  if (!js_length_of_array_like(vm, result, &rlen)) return JS_EXCEPTION;
  uint32_t ncaps = rlen > 1 ? (rlen > 0xFFFFFFF ? 0xFFFFFFF : (uint32_t)(rlen - 1)) : 0;
  JSValue matched = match_string(vm, result);
  if (js_is_exception(matched)) return matched;
  *match_len = js_string_length(matched);
  JSValue p = js_get(vm, result, vm->atom[JS_ATOM_index]);
  if (js_is_exception(p) || !js_to_integer_or_infinity(vm, p, &pos)) return JS_EXCEPTION;
  double len = js_string_length(s);
  *position = pos < 0 ? 0 : pos > len ? len : pos;
  // matched, captures..., position, S, [groups]: the replacer's arguments.
  JSArrayStore *args = js_new_store(vm, ncaps + 4);
  ORI_STORE_SLOT(args, &args->v[0], matched);
  for (uint32_t n = 1; n <= ncaps; n++) {
    JSValue c = js_get_index(vm, result, n);
    if (js_is_exception(c)) return c;
    if (!js_is_undefined(c) && js_is_exception(c = js_to_string(vm, c))) return c;
    ORI_STORE_SLOT(args, &args->v[n], c);
  }
  JSValue named = js_get(vm, result, vm->atom[JS_ATOM_groups]);
  if (js_is_exception(named)) return named;
  if (js_is_callable(replace)) {
    uint32_t argc = ncaps + 3;
    ORI_STORE_SLOT(args, &args->v[ncaps + 1], js_from_number(*position));
    ORI_STORE_SLOT(args, &args->v[ncaps + 2], s);
    if (!js_is_undefined(named)) ORI_STORE_SLOT(args, &args->v[argc++], named);
    JSValue r = js_call(vm, replace, JS_UNDEFINED, (int)argc, args->v);
    if (js_is_exception(r)) return r;
    return js_to_string(vm, r);
  }
  if (!js_is_undefined(named) && js_is_exception(named = js_to_object(vm, named))) return named;
  return js_get_substitution(vm, matched, s, (uint32_t)*position, (int)ncaps, args->v + 1,
                             named, replace);
}

// The replacement for match m (one match's view of all_matches' result).
static JSValue fast_replacement(JSVM *vm, JSValue s, const RxMatch *m, JSValue replace,
                                JSArrayStore *args) {
  const int32_t *c = m->caps;
  uint32_t n = m->ncaps - 1;
  JSValue matched = js_string_substring(vm, s, (uint32_t)c[0], (uint32_t)c[1]);
  if (js_is_exception(matched)) return matched;
  ORI_STORE_SLOT(args, &args->v[0], matched);
  for (uint32_t k = 1; k <= n; k++) {
    JSValue v = c[2 * k] < 0 ? JS_UNDEFINED
                             : js_string_substring(vm, s, (uint32_t)c[2 * k], (uint32_t)c[2 * k + 1]);
    ORI_STORE_SLOT(args, &args->v[k], v);
  }
  JSValue groups = js_regexp_groups(vm, s, m);
  if (js_is_exception(groups)) return groups;
  if (!js_is_callable(replace))
    return js_get_substitution(vm, matched, s, (uint32_t)c[0], (int)n, args->v + 1, groups,
                               replace);
  uint32_t argc = n + 3;
  ORI_STORE_SLOT(args, &args->v[n + 1], js_from_int32(c[0]));
  ORI_STORE_SLOT(args, &args->v[n + 2], s);
  if (!js_is_undefined(groups)) ORI_STORE_SLOT(args, &args->v[argc++], groups);
  JSValue r = js_call(vm, replace, JS_UNDEFINED, (int)argc, args->v);
  return js_is_exception(r) ? r : js_to_string(vm, r);
}

// @@replace's global case on a pristine RegExp: all matches found
// directly, then replaced in order (the spec's two phases).
static JSValue replace_fast(JSVM *vm, JSValue rx, JSValue s, JSValue replace) {
  RxMatch m;
  int64_t count = js_regexp_all_matches(vm, rx, s, &m);
  if (count < 0) return JS_EXCEPTION;
  JSString *fs = js_string_flat(vm, js_str(s));
  JSArrayStore *args = js_new_store(vm, m.ncaps + 3);
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  uint32_t next = 0;
  // A template without "$" is its own substitution for every match.
  bool plain = !js_is_callable(replace) && !has_char(js_string_flat(vm, js_str(replace)), '$');
  for (int64_t i = 0; i < count; i++) {
    RxMatch one = m;
    one.caps = m.caps + i * 2 * m.ncaps;
    JSValue rep = plain ? replace : fast_replacement(vm, s, &one, replace, args);
    if (js_is_exception(rep)) {
      js_sb_free(&sb);
      js_regexp_match_free(&m);
      return rep;
    }
    uint32_t pos = (uint32_t)one.caps[0];
    for (uint32_t k = next; k < pos; k++) js_sb_char(&sb, js_flat_char(fs, k));
    js_sb_string(&sb, rep);
    next = (uint32_t)one.caps[1];
  }
  js_regexp_match_free(&m);
  for (uint32_t k = next; k < fs->length; k++) js_sb_char(&sb, js_flat_char(fs, k));
  return js_sb_finish(&sb);
}

// RegExp.prototype[@@replace](string, replaceValue) (§22.2.6.11).
static JSValue sym_replace(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  if (!need_object(vm, self, "@@replace")) return JS_EXCEPTION;
  JSValue s = js_to_string(vm, js_arg(0));
  if (js_is_exception(s)) return s;
  JSString *fs = js_string_flat(vm, js_str(s));
  JSValue replace = js_arg(1);
  if (!js_is_callable(replace) && js_is_exception(replace = js_to_string(vm, replace)))
    return JS_EXCEPTION;
  bool global, unicode;
  if (js_is_exception(read_flags(vm, self, &global, &unicode))) return JS_EXCEPTION;
  if (global && js_set(vm, self, vm->atom[JS_ATOM_lastIndex], js_from_int32(0), true) < 0)
    return JS_EXCEPTION;
  if (global && fast_global(vm, self, unicode)) return replace_fast(vm, self, s, replace);
  // Collect every result first: the spec runs all execs before any
  // replacement is computed.
  JSValue results = js_new_array(vm, 0);
  for (;;) {
    JSValue r = js_regexp_exec(vm, self, s);
    if (js_is_exception(r)) return r;
    if (js_is_null(r)) break;
    if (js_array_push(vm, results, r) < 0) return JS_EXCEPTION;
    if (!global) break;
    JSValue str = match_string(vm, r);
    if (js_is_exception(str)) return str;
    if (js_string_length(str) == 0 && !bump_last_index(vm, self, fs, unicode))
      return JS_EXCEPTION;
  }
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  uint32_t next = 0, count = ((JSArrayObject *)js_obj(results))->length;
  for (uint32_t i = 0; i < count; i++) {
    double position;
    uint32_t mlen;
    JSValue rep = one_replacement(vm, js_get_index(vm, results, i), s, replace, &position, &mlen);
    if (js_is_exception(rep)) {
      js_sb_free(&sb);
      return rep;
    }
    // Matches out of order (a user's exec) are dropped.
    if (position >= next) {
      for (uint32_t k = next; k < (uint32_t)position; k++) js_sb_char(&sb, js_flat_char(fs, k));
      js_sb_string(&sb, rep);
      next = (uint32_t)position + mlen;
    }
  }
  for (uint32_t k = next; k < fs->length; k++) js_sb_char(&sb, js_flat_char(fs, k));
  return js_sb_finish(&sb);
}

/* {==== @@split ====} */


// Append S[from, to) to the array a.
static bool push_slice(JSVM *vm, JSValue a, JSValue s, uint32_t from, uint32_t to) {
  JSValue t = js_string_substring(vm, s, from, to);
  return !js_is_exception(t) && js_array_push(vm, a, t) >= 0;
}

// Push the captures of c (groups 1..n-1) onto a; false on exception.
// *count reaches lim: stop (the caller returns a).
static bool push_captures(JSVM *vm, JSValue a, JSValue s, const int32_t *c, uint32_t n,
                          uint32_t *count, uint32_t lim) {
  for (uint32_t k = 1; k < n && *count < lim; k++) {
    JSValue v = c[2 * k] < 0 ? JS_UNDEFINED
                             : js_string_substring(vm, s, (uint32_t)c[2 * k], (uint32_t)c[2 * k + 1]);
    if (js_is_exception(v) || js_array_push(vm, a, v) < 0) return false;
    ++*count;
  }
  return true;
}

// @@split's loop for a pristine splitter: the same pieces as trying a
// sticky match at every q, found by scanning from q instead.
static JSValue split_fast(JSVM *vm, JSValue splitter, JSValue s, JSValue a, uint32_t lim) {
  JSString *fs = js_string_flat(vm, js_str(s));
  JSValue pbytes = js_regexp(splitter)->program;
  const RxProgram *prog = rx_program(pbytes);
  bool unicode = prog->flags & (RX_FLAG_U | RX_FLAG_V);
  uint32_t n = prog->ncaps, size = fs->length, p = 0, q = 0, count = 0;
  int32_t local[64], *c = 2 * n <= 64 ? local : malloc(2 * n * sizeof *c);
  if (!c) abort();
  JSValue result = a;
  if (size == 0) {
    int found = rx_exec(vm, prog, fs, 0, true, c);
    if (found < 0 || (!found && js_array_push(vm, a, s) < 0)) result = JS_EXCEPTION;
    goto done;
  }
  while (q < size) {
    int found = rx_exec(vm, prog, fs, q, false, c);
    if (found < 0) {
      result = JS_EXCEPTION;
      goto done;
    }
    if (!found || (uint32_t)c[0] >= size) break;
    q = (uint32_t)c[0];
    // An empty match right at p splits nothing: move on one character.
    if ((uint32_t)c[1] == p) {
      q = (uint32_t)js_regexp_advance(fs, q, unicode);
      continue;
    }
    if (!push_slice(vm, a, s, p, q)) result = JS_EXCEPTION;
    if (js_is_exception(result) || ++count == lim) goto done;
    p = q = (uint32_t)c[1];
    js_regexp_legacy_update(vm, splitter, s, c, n);
    if (!push_captures(vm, a, s, c, n, &count, lim)) result = JS_EXCEPTION;
    if (js_is_exception(result) || count == lim) goto done;
  }
  if (!push_slice(vm, a, s, p, size)) result = JS_EXCEPTION;
done:
  if (c != local) free(c);
  return result;
}

// RegExp.prototype[@@split](string, limit) (§22.2.6.14): a sticky copy
// of this is tried at each position; captures join the pieces.
static JSValue sym_split(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  if (!need_object(vm, self, "@@split")) return JS_EXCEPTION;
  JSValue s = js_to_string(vm, js_arg(0));
  if (js_is_exception(s)) return s;
  JSString *fs = js_string_flat(vm, js_str(s));
  JSValue c = js_species_constructor(vm, self, js_intrinsic(vm, RegExp));
  if (js_is_exception(c)) return c;
  bool global, unicode;
  JSValue flags = read_flags(vm, self, &global, &unicode);
  if (js_is_exception(flags)) return flags;
  // The splitter is sticky: it is tried at each position in turn.
  if (!has_char(js_string_flat(vm, js_str(flags)), 'y')) {
    flags = js_string_concat(vm, flags, vm->single_char['y']);
    if (js_is_exception(flags)) return flags;
  }
  JSValue args[2] = {self, flags};
  JSValue splitter = js_construct(vm, c, 2, args, c);
  if (js_is_exception(splitter)) return splitter;
  JSValue a = js_new_array(vm, 0);
  uint32_t lim = UINT32_MAX;
  if (!js_is_undefined(js_arg(1)) && !js_to_uint32(vm, js_arg(1), &lim)) return JS_EXCEPTION;
  if (lim == 0) return a;
  // A fresh %RegExp% splitter with the builtin exec: nothing below is
  // observable, so scan for each next match instead of trying each q.
  if (js_same_bits(c, js_intrinsic(vm, RegExp)) && js_regexp_pristine(vm, splitter))
    return split_fast(vm, splitter, s, a, lim);
  uint32_t size = fs->length;
  if (size == 0) {
    JSValue z = js_regexp_exec(vm, splitter, s);
    if (js_is_exception(z)) return z;
    if (js_is_null(z) && js_array_push(vm, a, s) < 0) return JS_EXCEPTION;
    return a;
  }
  uint32_t p = 0, q = 0, count = 0;
  while (q < size) {
    if (js_set(vm, splitter, vm->atom[JS_ATOM_lastIndex], js_from_number(q), true) < 0)
      return JS_EXCEPTION;
    JSValue z = js_regexp_exec(vm, splitter, s);
    if (js_is_exception(z)) return z;
    double e = 0;
    if (!js_is_null(z)) {
      JSValue li = js_get(vm, splitter, vm->atom[JS_ATOM_lastIndex]);
      if (js_is_exception(li) || !js_to_length(vm, li, &e)) return JS_EXCEPTION;
      if (e > size) e = size;
    }
    if (js_is_null(z) || (uint32_t)e == p) {
      q = (uint32_t)js_regexp_advance(fs, q, unicode);
      continue;
    }
    if (!push_slice(vm, a, s, p, q)) return JS_EXCEPTION;
    if (++count == lim) return a;
    p = (uint32_t)e;
    double zlen;
    if (!js_length_of_array_like(vm, z, &zlen)) return JS_EXCEPTION;
    for (double i = 1; i < zlen; i++) {
      JSValue cap = js_get_index(vm, z, (uint32_t)i);
      if (js_is_exception(cap) || js_array_push(vm, a, cap) < 0) return JS_EXCEPTION;
      if (++count == lim) return a;
    }
    q = p;
  }
  if (!push_slice(vm, a, s, p, size)) return JS_EXCEPTION;
  return a;
}

/* {==== RegExp.escape ====} */

// WhiteSpace or LineTerminator (RegExp.escape hex-escapes them).
static bool is_white_space(uint32_t c) {
  return c == 9 || c == 0xB || c == 0xC || c == 0x20 || c == 0xA0 || c == 0xFEFF || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000 ||
         c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029;
}

// EncodeForRegExpEscape (§22.2.5.1.1) of code point c.
static void escape_one(JSStrBuf *sb, uint32_t c) {
  static const char hex[] = "0123456789abcdef";
  if (c < 128 && strchr("^$\\.*+?()[]{}|/", (int)c) && c) {
    js_sb_char(sb, '\\');
    js_sb_char(sb, (uint16_t)c);
    return;
  }
  const char *ctl = c == 9 ? "t" : c == 10 ? "n" : c == 11 ? "v" : c == 12 ? "f" : c == 13 ? "r" : NULL;
  if (ctl) {
    js_sb_char(sb, '\\');
    js_sb_ascii(sb, ctl);
    return;
  }
  bool punct = c < 128 && c && strchr(",-=<>#&!%:;@~'`\"", (int)c);
  if (punct || is_white_space(c) || (c >= 0xD800 && c <= 0xDFFF)) {
    if (c <= 0xFF) {
      char buf[5] = {'\\', 'x', hex[c >> 4], hex[c & 15], 0};
      js_sb_ascii(sb, buf);
    } else {
      char buf[7] = {'\\', 'u', hex[c >> 12], hex[(c >> 8) & 15], hex[(c >> 4) & 15], hex[c & 15], 0};
      js_sb_ascii(sb, buf);
    }
    return;
  }
  js_sb_codepoint(sb, c);
}

// RegExp.escape(S) (§22.2.5.1): S as a pattern matching itself, safe to
// paste anywhere in a pattern (a leading alphanumeric becomes \xHH).
static JSValue regexp_escape(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  JSValue s = js_arg(0);
  if (!js_is_string(s)) return js_throw_type_error(vm, "RegExp.escape requires a string");
  JSString *f = js_string_flat(vm, js_str(s));
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  for (uint32_t i = 0; i < f->length;) {
    uint32_t c = js_flat_char(f, i++);
    if ((c & 0xFC00) == 0xD800 && i < f->length && (js_flat_char(f, i) & 0xFC00) == 0xDC00)
      c = 0x10000 + ((c - 0xD800) << 10) + (js_flat_char(f, i++) - 0xDC00u);
    // A leading digit or letter would join a preceding \0, \c or \x.
    bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (sb.len == 0 && alnum) {
      char buf[5];
      snprintf(buf, sizeof buf, "\\x%02x", c);
      js_sb_ascii(&sb, buf);
    } else {
      escape_one(&sb, c);
    }
  }
  return js_sb_finish(&sb);
}

/* {==== The installer ====} */

// Installs what this file defines (called by js_init_regexp).
void js_init_regexp_symbols(JSVM *vm, JSValue ctor, JSValue proto) {
  JSValue *sym = vm->symbol;
  js_def_method_key(vm, proto, sym[JS_SYMBOL_match], "[Symbol.match]", sym_match, 1);
  js_def_method_key(vm, proto, sym[JS_SYMBOL_matchAll], "[Symbol.matchAll]", sym_match_all, 1);
  js_def_method_key(vm, proto, sym[JS_SYMBOL_replace], "[Symbol.replace]", sym_replace, 2);
  js_def_method_key(vm, proto, sym[JS_SYMBOL_search], "[Symbol.search]", sym_search, 1);
  js_def_method_key(vm, proto, sym[JS_SYMBOL_split], "[Symbol.split]", sym_split, 2);
  js_def_method(vm, ctor, "escape", regexp_escape, 1);
  JSValue ip = js_intrinsic(vm, RegExpStringIteratorPrototype);
  js_def_method(vm, ip, "next", iter_next, 0);
  js_define_value(vm, ip, vm->symbol[JS_SYMBOL_toStringTag],
                  js_atom(vm, "RegExp String Iterator"), JS_ATTR_CONFIGURABLE);
}
