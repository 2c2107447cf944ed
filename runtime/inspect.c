/*
 * runtime/inspect.c — node's util.inspect: how console.log shows a value.
 * The algorithm is node's lib/internal/util/inspect.js (v20) transcribed:
 * formatValue / formatRaw build a list of entry strings per object, and
 * reduceToSingleString decides between one line ("{ a: 1, b: 2 }") and
 * one entry per line, with groupArrayElements lining up long arrays of
 * short entries in columns. Function names below follow node's, so the
 * two can be read side by side.
 *
 * Invariants:
 *  - Every intermediate text is a heap string and every list of them a
 *    JSArrayStore, so an exception thrown by user code (a getter, a
 *    Symbol.toStringTag, a constructor's name) needs no clean-up: each
 *    function returns JS_EXCEPTION (or false / NULL) and callers pass it
 *    on. Builders (JSStrBuf) never live across a call that can throw.
 *  - ctx->seen holds the objects being formatted (outermost first), for
 *    cycle detection; ctx->circular numbers the objects found in a cycle
 *    (<ref *N> / [Circular *N]). Both are heap lists reachable from the
 *    Ctx on the C stack.
 *  - Property values are read from own descriptors: getters are shown as
 *    [Getter] and never called (node's default getters: false).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/collections.h"
#include "runtime/dict.h"
#include "runtime/inspect.h"
#include "runtime/iterator.h"
#include "runtime/numconv.h"
#include "runtime/proxy.h"
#include "runtime/runtime.h"
#if __has_include("runtime/promise.h")
#include "runtime/promise.h"
#define HAVE_PROMISE_H 1
#endif

/* {==== Context ====} */

// Entry list kinds (node's kObjectType, kArrayType, kArrayExtrasType).
enum { K_OBJECT, K_ARRAY, K_ARRAY_EXTRAS };

// The state of one inspection (node's ctx object). Everything but the
// options changes while the walk descends: indent grows by two per level
// of entries, current_depth records the depth of the object whose
// entries were formatted last (reduceToSingleString reads it).
typedef struct Ctx {
  JSVM *vm;
  JSInspectOptions opt;
  int indent;              // ctx.indentationLvl
  int current_depth;       // ctx.currentDepth
  JSArrayStore *seen;      // objects being formatted
  JSArrayStore *circular;  // objects given a <ref *N> (N = index + 1)
} Ctx;

// The compact option: how many inner levels may be joined on one line.
enum { COMPACT = 3 };
// Objects nested deeper than this are not formatted (see formatRaw).
enum { MAX_NESTING = 1000 };

// node's defaults as console.log uses them (no colors, compact 3).
void js_inspect_defaults(JSInspectOptions *o) {
  o->depth = 2;
  o->show_hidden = false;
  o->break_length = 80;
  o->max_array_length = 100;
  o->max_string_length = 10000;
  o->custom_inspect = true;
}

// One option: a number, a boolean (as 0/1) or null (no limit); *set
// false when the option is absent or of another type.
static bool read_option(JSVM *vm, JSValue options, const char *name, double *out, bool *set) {
  JSValue v = js_get_str(vm, options, name);
  if (js_is_exception(v)) return false;
  // null is node's way to say "no limit" (depth: null, maxArrayLength:
  // null); booleans serve showHidden and customInspect.
  *set = true;
  if (js_is_null(v)) {
    *out = INFINITY;
  } else if (js_is_number(v)) {
    *out = js_number_value(v);
  } else if (js_is_bool(v)) {
    *out = js_bool(v);
  } else {
    *set = false;
  }
  return true;
}

// Lengths above 2^32 (Infinity for null) mean "no limit".
static uint32_t clamp_u32(double d) { return d < 0 ? 0 : d > 4e9 ? UINT32_MAX : (uint32_t)d; }

// Options are read with [[Get]] (they may be getters), in node's order of
// declaration; unknown ones are ignored, as util.inspect ignores them.
bool js_inspect_read_options(JSVM *vm, JSValue options, JSInspectOptions *o) {
  if (!js_is_object(options)) return true;
  double d;
  bool set;
  if (!read_option(vm, options, "depth", &d, &set)) return false;
  if (set) o->depth = d;
  if (!read_option(vm, options, "showHidden", &d, &set)) return false;
  if (set) o->show_hidden = d != 0;
  if (!read_option(vm, options, "breakLength", &d, &set)) return false;
  if (set) o->break_length = d > 1e9 ? 1000000000 : d < 0 ? 0 : (int)d;
  if (!read_option(vm, options, "maxArrayLength", &d, &set)) return false;
  if (set) o->max_array_length = clamp_u32(d);
  if (!read_option(vm, options, "maxStringLength", &d, &set)) return false;
  if (set) o->max_string_length = clamp_u32(d);
  if (!read_option(vm, options, "customInspect", &d, &set)) return false;
  if (set) o->custom_inspect = d != 0;
  return true;
}

static JSValue formatValue(Ctx *c, JSValue v, int recurse);

/* {==== String helpers ====} */

// Short names for the string operations every formatter needs: texts are
// heap strings so that lists of them can live in JSArrayStores.
static JSValue lit(JSVM *vm, const char *s) { return js_string_from_cstr(vm, s); }

static uint32_t slen(JSValue s) { return js_string_length(s); }

// Whether s contains the ASCII text needle at or after from: the index,
// or -1.
static int64_t find(JSVM *vm, JSValue s, const char *needle, uint32_t from) {
  JSString *f = js_string_flat(vm, js_str(s));
  size_t n = strlen(needle);
  // A naive search: the texts searched are short (names, stacks, one
  // entry), and the needles a few characters.
  for (uint32_t i = from; i + n <= f->length; i++) {
    size_t k = 0;
    while (k < n && js_flat_char(f, i + (uint32_t)k) == (uint8_t)needle[k]) k++;
    if (k == n) return i;
  }
  return -1;
}

// s.indexOf(needle, from) for a string needle.
static int64_t index_of(JSVM *vm, JSValue s, JSValue needle, uint32_t from) {
  JSString *f = js_string_flat(vm, js_str(s)), *g = js_string_flat(vm, js_str(needle));
  for (uint32_t i = from; i + g->length <= f->length; i++) {
    uint32_t k = 0;
    while (k < g->length && js_flat_char(f, i + k) == js_flat_char(g, k)) k++;
    if (k == g->length) return i;
  }
  return -1;
}

// str.includes(needle) for an ASCII needle.
static bool has(JSVM *vm, JSValue s, const char *needle) { return find(vm, s, needle, 0) >= 0; }

// str.startsWith(prefix).
static bool starts_with(JSVM *vm, JSValue s, JSValue prefix) {
  uint32_t n = slen(prefix);
  if (n > slen(s)) return false;
  JSString *a = js_string_flat(vm, js_str(s)), *b = js_string_flat(vm, js_str(prefix));
  for (uint32_t i = 0; i < n; i++)
    if (js_flat_char(a, i) != js_flat_char(b, i)) return false;
  return true;
}

// str.endsWith(suffix) for an ASCII suffix.
static bool ends_with_ascii(JSVM *vm, JSValue s, const char *suffix) {
  uint32_t n = (uint32_t)strlen(suffix);
  return slen(s) >= n && find(vm, s, suffix, slen(s) - n) >= 0;
}

// str === text for an ASCII text (constructor names, kinds).
static bool equals_ascii(JSVM *vm, JSValue s, const char *text) {
  return slen(s) == strlen(text) && find(vm, s, text, 0) == 0;
}

// str.slice(from, to) with both ends clamped, as slice clamps them.
static JSValue substr(JSVM *vm, JSValue s, uint32_t from, uint32_t to) {
  if (to > slen(s)) to = slen(s);
  if (from > to) from = to;
  return js_string_substring(vm, s, from, to);
}

// a + b + c (any may be NULL-free heap strings); JS_EXCEPTION if too long.
static JSValue cat3(JSVM *vm, JSValue a, JSValue b, JSValue cc) {
  JSStrBuf sb;
  // One builder rather than two concatenations: no rope is made for
  // texts that are read again right away.
  js_sb_init(&sb, vm);
  js_sb_string(&sb, a);
  js_sb_string(&sb, b);
  js_sb_string(&sb, cc);
  return js_sb_finish(&sb);
}

// n spaces (none for n <= 0, which callers compute freely).
static void sb_spaces(JSStrBuf *sb, int n) {
  for (int i = 0; i < n; i++) js_sb_char(sb, ' ');
}

// str.replaceAll('\n', '\n' + ' '.repeat(n)).
static JSValue indent_lines(JSVM *vm, JSValue s, int n) {
  if (n <= 0 || !has(vm, s, "\n")) return s;
  // Most texts have no newline: they are returned as they are.
  JSString *f = js_string_flat(vm, js_str(s));
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  for (uint32_t i = 0; i < f->length; i++) {
    uint16_t ch = js_flat_char(f, i);
    js_sb_char(&sb, ch);
    if (ch == '\n') sb_spaces(&sb, n);
  }
  return js_sb_finish(&sb);
}

/* {==== Escaping (strEscape) ====} */

// The escape for unit ch, or NULL when it stands for itself. quote is
// the delimiter in use: only a single quote is ever escaped (the other
// delimiters are chosen because they do not occur).
static const char *escape_of(uint16_t ch, int quote, char *buf) {
  static const char *const named[] = {[8] = "\\b", [9] = "\\t", [10] = "\\n",
                                      [12] = "\\f", [13] = "\\r"};
                                      // node's meta table: the C escapes it knows by name, \xXX for the rest
                                      // (upper-case hex, as node writes them).
  if (ch < 0x20) {
    if (ch < 14 && named[ch]) return named[ch];
    snprintf(buf, 8, "\\x%02X", ch);
    return buf;
  }
  // A quote is escaped only when it is the delimiter; the backslash always.
  if (ch == '\'' && quote == '\'') return "\\'";
  if (ch == '\\') return "\\\\";
  // DEL and the C1 controls are invisible on a terminal: escaped too.
  if (ch >= 0x7F && ch <= 0x9F) {
    snprintf(buf, 8, "\\x%02X", ch);
    return buf;
  }
  return NULL;
}

// Append s escaped (no delimiters): control characters, the backslash,
// the quote, and lone surrogates as \uXXXX.
static void sb_escaped(JSStrBuf *sb, JSValue s, int quote) {
  JSString *f = js_string_flat(sb->vm, js_str(s));
  char buf[8];
  for (uint32_t i = 0; i < f->length; i++) {
    uint16_t ch = js_flat_char(f, i);
    const char *esc = escape_of(ch, quote, buf);
    if (esc) {
      js_sb_ascii(sb, esc);
    } else if (ch >= 0xD800 && ch <= 0xDFFF) {
      // Surrogates print only as a pair; a lone one would become U+FFFD
      // on output, so node shows its code (lower-case hex, no padding
      // needed: surrogates have four digits).
      uint16_t next = i + 1 < f->length ? js_flat_char(f, i + 1) : 0;
      if (ch <= 0xDBFF && next >= 0xDC00 && next <= 0xDFFF) {
        js_sb_char(sb, ch);  // a proper pair
        js_sb_char(sb, next);
        i++;
      } else {
        js_sb_printf(sb, "\\u%x", ch);
      }
    } else {
      js_sb_char(sb, ch);
    }
  }
}

// strEscape: quoted with single quotes, unless the text has some and
// double quotes or (then) backticks avoid escaping them.
static void sb_quoted(JSStrBuf *sb, JSValue s) {
  JSVM *vm = sb->vm;
  // The delimiter is the first of ' " ` that needs no escaping (a
  // backtick also needs the text to be free of "${"), else '.
  int quote = '\'';
  if (has(vm, s, "'")) {
    if (!has(vm, s, "\"")) {
      quote = '"';
    } else if (!has(vm, s, "`") && !has(vm, s, "${")) {
      quote = '`';
    }
  }
  js_sb_char(sb, (uint16_t)quote);
  sb_escaped(sb, s, quote);
  js_sb_char(sb, (uint16_t)quote);
}

/* {==== Primitives (formatPrimitive) ====} */

// formatNumber: Number::toString, except that -0 keeps its sign (node
// tests Object.is(n, -0)).
static void sb_number(JSStrBuf *sb, double d) {
  char buf[JS_DTOA_BUFSIZE];
  if (d == 0 && signbit(d)) {
    js_sb_ascii(sb, "-0");
    return;
  }
  js_dtoa(d, buf);
  js_sb_ascii(sb, buf);
}

// The same as a string, for util.format's %d / %i / %f / %s.
JSValue js_inspect_number(JSVM *vm, double d) {
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  sb_number(&sb, d);
  return js_sb_finish(&sb);
}

// SymbolDescriptiveString: "Symbol(desc)".
static void sb_symbol(JSStrBuf *sb, JSValue sym) {
  JSValue desc = ((JSSymbol *)js_heap(sym))->description;
  js_sb_ascii(sb, "Symbol(");
  if (js_is_string(desc)) js_sb_string(sb, desc);
  js_sb_char(sb, ')');
}

// A string value inside an object: quoted, and when long, split after
// each newline into quoted pieces joined by " +" line breaks.
static JSValue format_string(Ctx *c, JSValue s) {
  JSVM *vm = c->vm;
  JSValue trailer = JS_UNDEFINED;
  // maxStringLength cuts the text (by code units, as slice does) and
  // says how much was left out after the closing quote.
  if (slen(s) > c->opt.max_string_length) {
    uint32_t rest = slen(s) - c->opt.max_string_length;
    s = substr(vm, s, 0, c->opt.max_string_length);
    JSStrBuf t;
    js_sb_init(&t, vm);
    js_sb_printf(&t, "... %u more character%s", rest, rest > 1 ? "s" : "");
    trailer = js_sb_finish(&t);
  }
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  uint32_t n = slen(s);
  // Too long for the rest of the line (and longer than node's
  // kMinLineLength): split after each "\n", keeping the newline in the
  // piece before it, one quoted piece per line. Each piece picks its
  // own delimiter, as node escapes them one by one.
  if (n > 16 && (int)n > c->opt.break_length - c->indent - 4) {
    JSString *f = js_string_flat(vm, js_str(s));
    uint32_t start = 0;
    for (uint32_t i = 0; i < n; i++) {
      if (js_flat_char(f, i) != '\n' && i + 1 < n) continue;
      if (start) {
        js_sb_ascii(&sb, " +\n");
        sb_spaces(&sb, c->indent + 2);
      }
      sb_quoted(&sb, js_string_substring(vm, s, start, i + 1));
      start = i + 1;
    }
  } else {
    sb_quoted(&sb, s);
  }
  if (js_is_string(trailer)) js_sb_string(&sb, trailer);
  return js_sb_finish(&sb);
}

// formatPrimitive, for everything but objects.
static JSValue formatPrimitive(Ctx *c, JSValue v) {
  JSVM *vm = c->vm;
  // Strings may be split over lines; everything else is one token.
  if (js_is_string(v)) return format_string(c, v);
  // BigInts print as their digits and "n".
  if (js_is_type(v, JS_TYPE_BigInt)) {
    JSValue s = js_to_string(vm, v);
    if (js_is_exception(s)) return s;
    return cat3(vm, s, lit(vm, "n"), vm->atom[JS_ATOM_empty]);
  }
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  if (js_is_number(v)) {
    sb_number(&sb, js_number_value(v));
  } else if (js_is_bool(v)) {
    js_sb_ascii(&sb, js_bool(v) ? "true" : "false");
  } else if (js_is_null(v)) {
    js_sb_ascii(&sb, "null");
  } else if (js_is_symbol(v)) {
    sb_symbol(&sb, v);
  } else {
    // undefined is all that is left (the hole and the TDZ marker never
    // reach here: they are not values).
    js_sb_ascii(&sb, "undefined");
  }
  return js_sb_finish(&sb);
}

/* {==== Display width (getStringWidth) ====} */

// node's isFullWidthCodePoint (without ICU): East Asian wide and
// fullwidth ranges and the emoji blocks.
static bool full_width(uint32_t cp) {
  return cp >= 0x1100 &&
         (cp <= 0x115F || cp == 0x2329 || cp == 0x232A ||
          (cp >= 0x2E80 && cp <= 0x3247 && cp != 0x303F) ||
          (cp >= 0x3250 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0xA4C6) ||
          (cp >= 0xA960 && cp <= 0xA97C) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
          (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE10 && cp <= 0xFE19) ||
          (cp >= 0xFE30 && cp <= 0xFE6B) || (cp >= 0xFF01 && cp <= 0xFF60) ||
          (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1B000 && cp <= 0x1B001) ||
          (cp >= 0x1F200 && cp <= 0x1F251) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
          (cp >= 0x20000 && cp <= 0x3FFFD));
}

// node's isZeroWidthCodePoint: controls, combining marks, variation
// selectors and the zero-width spaces.
static bool zero_width(uint32_t cp) {
  return cp <= 0x1F || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0x300 && cp <= 0x36F) ||
         (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x20D0 && cp <= 0x20FF) ||
         (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xFE20 && cp <= 0xFE2F) ||
         (cp >= 0xE0100 && cp <= 0xE01EF);
}

// Columns the text takes on a terminal: wide East Asian characters and
// emoji count two, combining marks and controls none.
static uint32_t string_width(JSVM *vm, JSValue s) {
  JSString *f = js_string_flat(vm, js_str(s));
  // Surrogate pairs are measured as the code point they spell.
  uint32_t w = 0;
  for (uint32_t i = 0; i < f->length; i++) {
    uint32_t cp = js_flat_char(f, i);
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < f->length) {
      uint32_t lo = js_flat_char(f, i + 1);
      if (lo >= 0xDC00 && lo <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        i++;
      }
    }
    w += full_width(cp) ? 2 : zero_width(cp) ? 0 : 1;
  }
  return w;
}

uint32_t js_inspect_string_width(JSVM *vm, JSValue s) { return string_width(vm, s); }

/* {==== Constructor names, tags, prefixes ====} */

// obj's own data property `name` (no getter runs), or undefined: how
// the realm's own methods are found when user code may have replaced
// the ones on the instance's prototype chain.
static JSValue own_data(JSVM *vm, JSValue obj, const char *name) {
  JSPropDesc d;
  if (!js_is_object(obj)) return JS_UNDEFINED;
  int r = js_get_own_property(vm, obj, js_to_property_key(vm, js_atom(vm, name)), &d);
  return r == 1 && d.has_value ? d.value : JS_UNDEFINED;
}

// internalGetConstructorName: the class V8 would name for the object
// itself, whatever its prototype chain says.
static const char *class_name(JSValue v) {
  JSType t = js_cell_type(js_heap(v));
  // Only the kinds node's output can show (in "Object <...>" and the
  // null-prototype prefixes) need a name of their own.
  if (t == JS_TYPE_ArrayObject) return "Array";
  if (t == JS_TYPE_Function || t == JS_TYPE_BoundFunction) return "Function";
  if (t == JS_TYPE_Error) return "Error";
  if (t == JS_TYPE_Date) return "Date";
  if (t == JS_TYPE_RegExp) return "RegExp";
  if (t == JS_TYPE_MapObject) return "Map";
  if (t == JS_TYPE_SetObject) return "Set";
  if (t == JS_TYPE_WeakMapObject) return "WeakMap";
  if (t == JS_TYPE_WeakSetObject) return "WeakSet";
  if (t == JS_TYPE_Promise) return "Promise";
  return "Object";
}

// `tmp instanceof ctor`, a throw counting as false (node's isInstanceof).
static bool instance_of(JSVM *vm, JSValue tmp, JSValue ctor) {
  int r = js_instance_of(vm, tmp, ctor);
  // A throwing Symbol.hasInstance or a non-object prototype must not
  // stop the printing: the candidate is just skipped.
  if (r < 0) js_take_exception(vm);
  return r == 1;
}

// "res <inner>", the shape of constructor names for odd prototype chains.
static JSValue with_angle(JSVM *vm, const char *res, JSValue inner) {
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  js_sb_ascii(&sb, res);
  js_sb_ascii(&sb, " <");
  js_sb_string(&sb, inner);
  js_sb_char(&sb, '>');
  return js_sb_finish(&sb);
}

// getConstructorName: the name of the first constructor up the chain
// that obj is an instance of; null for a chain that starts with null;
// "Object <...>" shapes for chains without any named constructor.
static JSValue constructor_name(Ctx *c, JSValue obj, int recurse) {
  JSVM *vm = c->vm;
  JSValue o = obj, first = JS_UNDEFINED;
  while (js_is_object(o)) {
    // Object.prototype and Function.prototype answer for themselves, in
    // case their constructor property was tampered with: obj is an
    // instance when they are on its chain, i.e. when o is not obj itself.
    bool well_known = o.bits == js_intrinsic(vm, ObjectPrototype).bits ||
                      o.bits == js_intrinsic(vm, FunctionPrototype).bits;
    if (well_known && o.bits != obj.bits)
      return lit(vm, o.bits == js_intrinsic(vm, ObjectPrototype).bits ? "Object" : "Function");
    JSPropDesc d;
    int r = js_get_own_property(vm, o, vm->atom[JS_ATOM_constructor], &d);
    // The descriptor is read without running a getter; the function's
    // name is then read like node reads it (a static getter may run).
    if (r < 0) return JS_EXCEPTION;
    if (r && d.has_value && js_is_callable(d.value)) {
      JSValue name = js_get(vm, d.value, vm->atom[JS_ATOM_name]);
      if (js_is_exception(name)) return name;
      bool empty = js_is_string(name) && slen(name) == 0;
      if (!empty && instance_of(vm, obj, d.value)) return js_to_string(vm, name);
    }
    // firstProto: obj's own prototype, for the fallbacks below.
    o = js_get_prototype_of(vm, o);
    if (js_is_exception(o)) return o;
    if (js_is_undefined(first)) first = o;
  }
  // A chain without a named constructor that is not just null: V8's class
  // name plus what the prototype looks like, at most one level down
  // (node's "<Complex prototype>" past the depth limit).
  if (js_is_null(first)) return JS_NULL;
  const char *res = class_name(obj);
  if (recurse > c->opt.depth) return with_angle(vm, res, lit(vm, "Complex prototype"));
  // Without a depth limit a long chain of nameless prototypes recurses
  // once per link.
  if (!js_check_stack(vm)) return JS_EXCEPTION;
  JSValue proto_name = constructor_name(c, first, recurse + 1);
  if (js_is_exception(proto_name)) return proto_name;
  if (js_is_null(proto_name)) {
    // The prototype itself is shown, as briefly as possible.
    Ctx inner = *c;
    inner.opt.depth = -1;
    inner.indent = 0;
    inner.seen = js_new_store(vm, 4);
    inner.circular = js_new_store(vm, 2);
    proto_name = formatValue(&inner, first, 0);
    if (js_is_exception(proto_name)) return proto_name;
  }
  return with_angle(vm, res, proto_name);
}

// The Symbol.toStringTag worth showing: a non-empty string that is not
// an own enumerable property (which would be listed anyway); else "".
static JSValue get_tag(Ctx *c, JSValue v) {
  JSVM *vm = c->vm;
  JSValue key = vm->symbol[JS_SYMBOL_toStringTag];
  // Read with [[Get]]: class getters for Symbol.toStringTag count.
  JSValue tag = js_get(vm, v, key);
  if (js_is_exception(tag)) return tag;
  if (!js_is_string(tag) || slen(tag) == 0) return vm->atom[JS_ATOM_empty];
  JSPropDesc d;
  int r = js_get_own_property(vm, v, key, &d);
  if (r < 0) return JS_EXCEPTION;
  // (With showHidden the own tag is listed as a hidden key instead.)
  if (r && (c->opt.show_hidden || (d.attrs & JS_ATTR_ENUMERABLE))) return vm->atom[JS_ATOM_empty];
  return tag;
}

// getPrefix: "Foo ", "Foo(3) [tag] ", "[Array(3): null prototype] ".
static JSValue get_prefix(JSVM *vm, JSValue ctor, JSValue tag, const char *fallback,
                          const char *size) {
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  if (js_is_null(ctor)) {
    js_sb_printf(&sb, "[%s%s: null prototype] ", fallback, size);
    // Without a constructor the kind (fallback) stands in for it.
    if (slen(tag) && !equals_ascii(vm, tag, fallback)) {
      sb.len--;  // the tag goes before the final space
      js_sb_ascii(&sb, " [");
      js_sb_string(&sb, tag);
      js_sb_ascii(&sb, "] ");
    }
    return js_sb_finish(&sb);
  }
  // A tag equal to the constructor name would only repeat it.
  js_sb_string(&sb, ctor);
  js_sb_ascii(&sb, size);
  if (slen(tag) && !js_string_equal(vm, tag, ctor)) {
    js_sb_ascii(&sb, " [");
    js_sb_string(&sb, tag);
    js_sb_char(&sb, ']');
  }
  js_sb_char(&sb, ' ');
  return js_sb_finish(&sb);
}

// getCtxStyle: the prefix of an object of no particular kind.
static JSValue ctx_style(JSVM *vm, JSValue v, JSValue ctor, JSValue tag) {
  // Only null-prototype objects need a kind name; a tag that says the
  // same is replaced by "Object" so that it is not shown twice.
  const char *fallback = "";
  if (js_is_null(ctor)) {
    fallback = class_name(v);
    if (equals_ascii(vm, tag, fallback)) fallback = "Object";
  }
  return get_prefix(vm, ctor, tag, fallback, "");
}

/* {==== Keys ====} */

// Array indices are numbers as property keys (runtime.h), so telling
// them from named keys needs no string parsing.
static bool is_index_key(JSValue key) {
  uint32_t i;
  return js_key_is_index(key, &i);
}

// getKeys: own enumerable string keys then enumerable symbols (all own
// keys with showHidden).
static JSArrayStore *get_keys(Ctx *c, JSValue v) {
  // [[OwnPropertyKeys]] order: indices, strings, then symbols, which is
  // Object.keys followed by the enumerable symbols, as node lists them.
  int flags = JS_KEYS_STRINGS | JS_KEYS_SYMBOLS;
  if (!c->opt.show_hidden) flags |= JS_KEYS_ENUMERABLE_ONLY;
  return js_own_keys(c->vm, v, flags);
}

// getOwnNonIndexProperties: the same without array indices.
static JSArrayStore *non_index_keys(Ctx *c, JSValue v) {
  JSArrayStore *all = get_keys(c, v);
  if (!all) return NULL;
  uint32_t n = 0;
  for (uint32_t i = 0; i < all->used; i++)
    if (!is_index_key(all->v[i])) ORI_STORE_SLOT(all, &all->v[n++], all->v[i]);
    // Compacted in place: the list is ours (js_own_keys made it).
  all->used = n;
  return all;
}

// Keys compare by bits (interned strings, symbols, index numbers).
static bool key_listed(JSArrayStore *keys, JSValue key) {
  for (uint32_t i = 0; i < keys->used; i++)
    if (keys->v[i].bits == key.bits) return true;
  return false;
}

// keys.splice(keys.indexOf(key), 1), for every occurrence.
static void remove_key(JSArrayStore *keys, JSValue key) {
  uint32_t n = 0;
  for (uint32_t i = 0; i < keys->used; i++)
    if (keys->v[i].bits != key.bits) ORI_STORE_SLOT(keys, &keys->v[n++], keys->v[i]);
  keys->used = n;
}

/* {==== Properties (formatProperty) ====} */

// The key part of "key: value": identifiers bare, other strings quoted,
// symbols and hidden keys in brackets.
static void sb_key(Ctx *c, JSStrBuf *sb, JSValue key, bool enumerable) {
  JSVM *vm = c->vm;
  // Symbol keys show their description escaped, quote included, the
  // way strEscapeSequencesReplacer treats them (no delimiters).
  if (js_is_symbol(key)) {
    JSStrBuf t;
    js_sb_init(&t, vm);
    sb_symbol(&t, key);
    JSValue text = js_sb_finish(&t);
    js_sb_char(sb, '[');
    if (!js_is_exception(text)) sb_escaped(sb, text, '\'');
    js_sb_char(sb, ']');
    return;
  }
  JSValue s = js_key_to_string(vm, key);
  if (js_is_exception(s)) return;
  // Index keys arrive as numbers: spelled out, they are not identifiers
  // and come out quoted ('0'), as in node.
  // Written as a computed key so that it cannot be read as the
  // prototype-setting form of an object literal.
  if (equals_ascii(vm, s, "__proto__")) {
    js_sb_ascii(sb, "['__proto__']");
  } else if (!enumerable) {
    // Hidden keys (showHidden) are bracketed, unquoted.
    js_sb_char(sb, '[');
    sb_escaped(sb, s, '\'');
    js_sb_char(sb, ']');
  } else {
    // keyStrRegExp: /^[a-zA-Z_][a-zA-Z_0-9]*$/
    JSString *f = js_string_flat(vm, js_str(s));
    bool ident = f->length > 0;
    for (uint32_t i = 0; i < f->length && ident; i++) {
      uint16_t ch = js_flat_char(f, i);
      ident = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_' ||
              (i > 0 && ch >= '0' && ch <= '9');
    }
    if (ident) {
      js_sb_string(sb, s);
    } else {
      sb_quoted(sb, s);
    }
  }
}

// formatProperty: "key: value" (just the value for array elements).
static JSValue formatProperty(Ctx *c, JSValue obj, int recurse, JSValue key, int type) {
  JSVM *vm = c->vm;
  JSPropDesc d;
  int r = js_get_own_property(vm, obj, key, &d);
  // The descriptor, not [[Get]]: accessors are named, never called.
  if (r < 0) return JS_EXCEPTION;
  if (r == 0) {
    // Listed but gone (or never own): read it, as enumerable. (A getter
    // of an earlier key may have deleted it; node falls back to
    // value[key] the same way.)
    memset(&d, 0, sizeof d);
    d.value = js_get(vm, obj, key);
    if (js_is_exception(d.value)) return d.value;
    d.has_value = true;
    d.attrs = JS_ATTR_ENUMERABLE;
  }
  JSValue str;
  // The value is indented two more than its key (node's diff of 2 when
  // compact is not true).
  if (d.has_value && !js_is_undefined(d.value)) {
    c->indent += 2;
    str = formatValue(c, d.value, recurse);
    c->indent -= 2;
    if (js_is_exception(str)) return str;
  } else if (d.has_get && !js_is_undefined(d.get)) {
    str = lit(vm, d.has_set && !js_is_undefined(d.set) ? "[Getter/Setter]" : "[Getter]");
  } else if (d.has_set && !js_is_undefined(d.set)) {
    str = lit(vm, "[Setter]");
  } else {
    str = lit(vm, "undefined");
  }
  // Elements are positional; everything else says its key.
  if (type == K_ARRAY) return str;
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  sb_key(c, &sb, key, (d.attrs & JS_ATTR_ENUMERABLE) != 0);
  js_sb_ascii(&sb, ": ");
  js_sb_string(&sb, str);
  return js_sb_finish(&sb);
}

/* {==== Arrays and collections ====} */

// "... 1 more item" / "... 20 more items" past maxArrayLength.
static JSValue remaining_text(JSVM *vm, double n) {
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  js_sb_printf(&sb, "... %.0f more item%s", n, n > 1 ? "s" : "");
  return js_sb_finish(&sb);
}

// "<1 empty item>" / "<5 empty items>" for a run of holes.
static JSValue empty_items(JSVM *vm, double n) {
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  js_sb_printf(&sb, "<%.0f empty item%s>", n, n > 1 ? "s" : "");
  return js_sb_finish(&sb);
}

// Push s (a string or JS_EXCEPTION) onto *out; false on exception.
static bool push(Ctx *c, JSArrayStore **out, JSValue s) {
  if (js_is_exception(s)) return false;
  // The list may move when it grows: the caller's pointer is updated.
  *out = js_store_push(c->vm, *out, s);
  return true;
}

// formatSpecialArray: an array with holes, from index i on, walking its
// keys: runs of missing indices become "<N empty items>".
static bool format_special_array(Ctx *c, JSValue v, int recurse, uint32_t max_len,
                                 JSArrayStore **out, uint32_t i) {
  JSVM *vm = c->vm;
  // Object.keys(value): ascending indices first, so keys[i] is the first
  // index at or after the hole that sent us here (0..i-1 all exist).
  JSArrayStore *keys = js_own_keys(vm, v, JS_KEYS_STRINGS | JS_KEYS_ENUMERABLE_ONLY);
  if (!keys) return false;
  double index = i;
  for (; i < keys->used && (*out)->used < max_len; i++) {
    JSValue key = keys->v[i];
    uint32_t k;
    // Named keys come after the indices: the first one ends the walk.
    if (!js_key_is_index(key, &k)) break;
    if (k != index) {
      // A gap between the last index shown and this one: one entry
      // counts the whole run of holes.
      if (!push(c, out, empty_items(vm, k - index))) return false;
      index = k;
      if ((*out)->used == max_len) break;
    }
    if (!push(c, out, formatProperty(c, v, recurse, key, K_ARRAY))) return false;
    index++;
  }
  // Holes at the end are listed unless the output is full, in which case
  // the rest counts as "more items".
  double remaining = ((JSArrayObject *)js_heap(v))->length - index;
  if ((*out)->used != max_len) {
    if (remaining > 0 && !push(c, out, empty_items(vm, remaining))) return false;
  } else if (remaining > 0) {
    if (!push(c, out, remaining_text(vm, remaining))) return false;
  }
  return true;
}

// formatArray: the first 100 elements, then how many more there are.
static bool format_array(Ctx *c, JSValue v, int recurse, JSArrayStore **out) {
  JSVM *vm = c->vm;
  uint32_t vlen = ((JSArrayObject *)js_heap(v))->length;
  uint32_t len = vlen < c->opt.max_array_length ? vlen : c->opt.max_array_length;
  // At most maxArrayLength elements (holes counting as one entry per
  // run), then "... N more items".
  for (uint32_t i = 0; i < len; i++) {
    int r = js_has_own_property(vm, v, js_index_key(i));
    // The first hole switches to the key walk, which skips holes in runs
    // instead of testing every index of a sparse array.
    if (r < 0) return false;
    if (!r) return format_special_array(c, v, recurse, len, out, i);
    if (!push(c, out, formatProperty(c, v, recurse, js_index_key(i), K_ARRAY))) return false;
  }
  if (vlen > len && !push(c, out, remaining_text(vm, vlen - len))) return false;
  return true;
}

// Call the realm's own Map/Set prototype function `name` (not whatever
// user code put on the instance): undefined when it does not exist yet.
static JSValue call_intrinsic(JSVM *vm, JSValue proto, const char *name, JSValue self) {
  JSValue fn = own_data(vm, proto, name);
  // Families install their prototypes' methods as they arrive; until
  // then the kind is shown like an ordinary object.
  if (!js_is_callable(fn)) return JS_UNDEFINED;
  return js_call(vm, fn, self, 0, NULL);
}

// The size getter of a Map or Set prototype, called on v; -1 when the
// family has not installed it (or on exception, then pending).
static double collection_size(JSVM *vm, JSValue proto, JSValue v) {
  JSPropDesc d;
  // size is an accessor on the prototype (§24.1.3.10): its getter is
  // called directly with v, whatever v's own chain says.
  int r = js_get_own_property(vm, proto, vm->atom[JS_ATOM_size], &d);
  if (r != 1 || !d.has_get || !js_is_callable(d.get)) return -1;
  JSValue n = js_call(vm, d.get, v, 0, NULL);
  return js_is_number(n) ? js_number_value(n) : -1;
}

// formatSet / formatMap: the entries in insertion order, through the
// intrinsic iterator ("k => v" for maps).
static bool format_collection(Ctx *c, JSValue v, bool is_map, int recurse, JSArrayStore **out) {
  JSVM *vm = c->vm;
  JSValue proto = is_map ? js_intrinsic(vm, MapPrototype) : js_intrinsic(vm, SetPrototype);
  // Iterating through the realm's own methods shows the real contents
  // even when user code replaced Map.prototype[Symbol.iterator].
  JSValue it = call_intrinsic(vm, proto, is_map ? "entries" : "values", v);
  if (js_is_exception(it)) return false;
  if (!js_is_object(it)) return true;
  JSValue next = js_get(vm, it, vm->atom[JS_ATOM_next]);
  if (js_is_exception(next)) return false;
  // Entries are indented like property values (node adds 2 around them).
  double size = collection_size(vm, proto, v), shown = 0;
  c->indent += 2;
  bool ok = true;
  while (ok) {
    JSValue res = js_call(vm, next, it, 0, NULL);
    JSValue done = js_is_exception(res) ? res : js_get(vm, res, vm->atom[JS_ATOM_done]);
    if (js_is_exception(done)) { ok = false; break; }
    // maxArrayLength applies to collections too; the rest is counted.
    if (js_to_boolean(done) || shown >= c->opt.max_array_length) break;
    JSValue item = js_get(vm, res, vm->atom[JS_ATOM_value]);
    if (js_is_exception(item)) { ok = false; break; }
    JSValue text;
    if (is_map) {
      // Map entries are [key, value] pairs: "key => value".
      JSValue k = js_get_index(vm, item, 0), val = js_get_index(vm, item, 1);
      JSValue ks = js_is_exception(k) ? k : formatValue(c, k, recurse);
      JSValue vs = js_is_exception(ks) || js_is_exception(val) ? JS_EXCEPTION : formatValue(c, val, recurse);
      text = js_is_exception(vs) ? vs : cat3(vm, ks, lit(vm, " => "), vs);
    } else {
      text = formatValue(c, item, recurse);
    }
    ok = push(c, out, text);
    shown++;
  }
  c->indent -= 2;
  if (ok && size > shown) ok = push(c, out, remaining_text(vm, size - shown));
  return ok;
}

/* {==== Layout (groupArrayElements, reduceToSingleString) ====} */

// Whether every one of the first n elements of value is a number or a
// BigInt: then grouped columns are right-aligned.
static bool all_numeric(JSVM *vm, JSValue value, uint32_t n) {
  // node reads value[i] for every entry (the "more items" one included):
  // a getter that throws just means "not all numbers".
  if (js_is_undefined(value)) return true;
  for (uint32_t i = 0; i < n; i++) {
    JSValue e = js_get_index(vm, value, i);
    if (js_is_exception(e)) {
      js_take_exception(vm);
      return false;
    }
    if (!js_is_number(e) && !js_is_type(e, JS_TYPE_BigInt)) return false;
  }
  return true;
}

// The column count node picks: about square in characters (which are
// 2.5 times as high as wide), within the line and at most 15 (and 4 per
// compact level). 0 when grouping does not pay.
static uint32_t group_columns(Ctx *c, const uint32_t *widths, uint32_t n, uint32_t entries) {
  enum { SEP = 2 };  // ", " between entries
  // total: the width of the whole list with separators; max: the widest.
  double total = 0, max = 0;
  for (uint32_t i = 0; i < n; i++) {
    total += widths[i] + SEP;
    if (max < widths[i]) max = widths[i];
  }
  // actual_max: the width one column needs with its separator.
  double actual_max = max + SEP;
  // At least three entries must fit side by side, and one entry may not
  // be much longer than the rest (the gaps would be huge).
  if (!(actual_max * 3 + c->indent < c->opt.break_length &&
        (total / actual_max > 5 || max <= 6)))
    return 0;
  double bias = sqrt(actual_max - total / entries);
  double biased_max = fmax(actual_max - 3 - bias, 1);
  // Short entries get a bias towards more columns; Math.round is
  // floor(x + 0.5) for these positive values.
  double cols = fmin(fmin(floor(sqrt(2.5 * biased_max * n) / biased_max + 0.5),
                          floor((c->opt.break_length - c->indent) / actual_max)),
                     fmin(COMPACT * 4, 15));
  return cols <= 1 ? 0 : (uint32_t)cols;
}

// One grouped row: entries [i, max) padded to their column's width.
static JSValue group_row(JSVM *vm, JSArrayStore *out, const uint32_t *widths,
                         const uint32_t *col_width, uint32_t i, uint32_t max, bool pad_start) {
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  for (uint32_t j = i; j < max; j++) {
    bool last = j == max - 1;
    // padStart / padEnd of "entry, " to the column width (the last one
    // without its separator, and not padded at all when left-aligned).
    int pad = (int)col_width[j - i] - (int)widths[j] - (last ? 2 : 0);
    if (pad_start) sb_spaces(&sb, last ? pad : pad - 2);
    js_sb_string(&sb, out->v[j]);
    if (!last) {
      js_sb_ascii(&sb, ", ");
      if (!pad_start) sb_spaces(&sb, pad - 2);
    }
  }
  return js_sb_finish(&sb);
}

// groupArrayElements: more than six entries of similar, short width are
// laid out in rows of columns. Returns the new list (or out unchanged).
static JSArrayStore *group_elements(Ctx *c, JSArrayStore *out, JSValue value) {
  JSVM *vm = c->vm;
  uint32_t n = out->used;
  bool more = c->opt.max_array_length < out->used;  // "... more items" stays apart
  if (more) n--;
  // Display widths (getStringWidth), not lengths: wide characters take
  // two columns. The "more items" entry is not measured.
  uint32_t *widths = malloc(sizeof *widths * (n + 1));
  for (uint32_t i = 0; i < n; i++) widths[i] = string_width(vm, out->v[i]);
  uint32_t cols = group_columns(c, widths, n, out->used);
  if (cols == 0) {
    free(widths);
    return out;
  }
  // Each column is as wide as its widest entry plus the separator.
  uint32_t *col_width = calloc(cols, sizeof *col_width);
  for (uint32_t i = 0; i < cols; i++) {
    for (uint32_t j = i; j < n; j += cols)
      if (widths[j] > col_width[i]) col_width[i] = widths[j];
    col_width[i] += 2;
  }
  // Numbers line up on the right (padStart), anything else on the left.
  bool pad_start = all_numeric(vm, value, out->used);
  JSArrayStore *rows = js_new_store(vm, n / cols + 2);
  for (uint32_t i = 0; i < n; i += cols) {
    uint32_t max = i + cols < n ? i + cols : n;
    // The last row may be shorter than the others.
    JSValue row = group_row(vm, out, widths, col_width, i, max, pad_start);
    if (js_is_exception(row)) {
      rows = NULL;
      break;
    }
    rows = js_store_push(vm, rows, row);
  }
  free(widths);
  free(col_width);
  // The "... N more items" line goes last, on its own.
  if (rows && more) rows = js_store_push(vm, rows, out->v[n]);
  return rows;
}

// isBelowBreakLength: the entries fit on one line of breakLength.
static bool below_break_length(Ctx *c, JSArrayStore *out, uint32_t start, JSValue base) {
  // Every entry costs its length plus a separator; start accounts for the
  // braces, the indentation and node's constant 10.
  double total = (double)out->used + start;
  if (total + out->used > c->opt.break_length) return false;
  for (uint32_t i = 0; i < out->used; i++) {
    total += slen(out->v[i]);
    if (total > c->opt.break_length) return false;
  }
  return slen(base) == 0 || !has(c->vm, base, "\n");
}

// Append the entries separated by sep and indent spaces.
static void join(JSStrBuf *sb, JSArrayStore *out, const char *sep, int indent) {
  for (uint32_t i = 0; i < out->used; i++) {
    if (i) {
      js_sb_ascii(sb, sep);
      sb_spaces(sb, indent);
    }
    js_sb_string(sb, out->v[i]);
  }
}

// reduceToSingleString (compact = 3): "base { a, b }" when the entries
// of the innermost levels fit in the line, else one entry per line.
static JSValue reduce_to_single_string(Ctx *c, JSArrayStore *out, JSValue base, JSValue brace0,
                                       const char *brace1, int extras, int recurse, JSValue value) {
  JSVM *vm = c->vm;
  uint32_t entries = out->used;
  // Grouping changes the entry count, which then rules out one line.
  if (extras == K_ARRAY_EXTRAS && entries > 6) {
    out = group_elements(c, out, value);
    if (!out) return JS_EXCEPTION;
  }
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  if (slen(base)) {
    // base (a function's or error's text, a <ref *N>) comes first.
    js_sb_string(&sb, base);
    js_sb_char(&sb, ' ');
  }
  js_sb_string(&sb, brace0);
  // Only the innermost COMPACT levels may be joined: current_depth is
  // the depth of the object formatted last, i.e. the deepest one below.
  if (c->current_depth - recurse < COMPACT && entries == out->used) {
    uint32_t start = out->used + (uint32_t)c->indent + slen(brace0) + slen(base) + 10;
    if (below_break_length(c, out, start, base)) {
      uint32_t mark = sb.len;
      // Try the one-line form; cut it off again if an entry spans lines.
      js_sb_char(&sb, ' ');
      join(&sb, out, ", ", 0);
      // An entry with a line break of its own forces the long form.
      bool newline = false;
      for (uint32_t i = 0; i < out->used && !newline; i++) newline = has(vm, out->v[i], "\n");
      if (!newline) {
        js_sb_char(&sb, ' ');
        js_sb_ascii(&sb, brace1);
        return js_sb_finish(&sb);
      }
      sb.len = mark;
    }
  }
  js_sb_char(&sb, '\n');
  sb_spaces(&sb, c->indent + 2);
  join(&sb, out, ",\n", c->indent + 2);
  // The long form: one entry per line, two spaces in from the braces.
  js_sb_char(&sb, '\n');
  sb_spaces(&sb, c->indent);
  js_sb_ascii(&sb, brace1);
  return js_sb_finish(&sb);
}

/* {==== Functions, errors and boxed primitives ====} */

// getClassBase: "[class A extends B]".
static JSValue class_base(Ctx *c, JSValue v, JSValue ctor, JSValue tag) {
  JSVM *vm = c->vm;
  JSValue name = JS_UNDEFINED;
  int r = js_has_own_property(vm, v, vm->atom[JS_ATOM_name]);
  // Only an own name counts: a class inherits its parent's name property.
  if (r < 0) return JS_EXCEPTION;
  if (r) {
    name = js_get(vm, v, vm->atom[JS_ATOM_name]);
    if (js_is_exception(name)) return name;
  }
  // (hasName && value.name) || '(anonymous)': an inherited or falsy name
  // does not count.
  if (!js_to_boolean(name)) name = lit(vm, "(anonymous)");
  name = js_to_string(vm, name);
  if (js_is_exception(name)) return name;
  JSValue super_name = JS_UNDEFINED;
  if (!js_is_null(ctor)) {
    // The superclass is what `extends` evaluated to: the class's
    // [[Prototype]], named by its name property.
    JSValue proto = js_get_prototype_of(vm, v);
    if (js_is_exception(proto)) return proto;
    super_name = js_get(vm, proto, vm->atom[JS_ATOM_name]);
    if (js_is_exception(super_name)) return super_name;
    // `if (superName)`: an empty or missing name is not shown.
    super_name = js_to_boolean(super_name) ? js_to_string(vm, super_name) : JS_UNDEFINED;
    if (js_is_exception(super_name)) return super_name;
  }
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  js_sb_ascii(&sb, "[class ");
  js_sb_string(&sb, name);
  // A class whose prototype chain is unusual says so, like functions.
  if (!js_is_null(ctor) && !equals_ascii(vm, ctor, "Function")) {
    js_sb_ascii(&sb, " [");
    js_sb_string(&sb, ctor);
    js_sb_char(&sb, ']');
  }
  if (slen(tag) && (js_is_null(ctor) || !js_string_equal(vm, tag, ctor))) {
    js_sb_ascii(&sb, " [");
    js_sb_string(&sb, tag);
    js_sb_char(&sb, ']');
  }
  if (js_is_null(ctor)) {
    js_sb_ascii(&sb, " extends [null prototype]");
    // The superclass is the name of the class's [[Prototype]], read when
    // the chain exists (Function.prototype's name is "", not shown).
  } else if (js_is_string(super_name)) {
    js_sb_ascii(&sb, " extends ");
    js_sb_string(&sb, super_name);
  }
  js_sb_char(&sb, ']');
  return js_sb_finish(&sb);
}

// getFunctionBase: "[Function: f]", "[AsyncGeneratorFunction (anonymous)]",
// "[class X]"; a constructor other than the kind's own is appended.
static JSValue function_base(Ctx *c, JSValue v, JSValue ctor, JSValue tag) {
  JSVM *vm = c->vm;
  // node tells classes by their source text; the shared flags say the
  // same thing directly. Bound functions have no flags of their own.
  uint32_t flags = js_is_function(v) ? js_fn(v)->shared->flags : 0;
  if (flags & JS_FN_CLASS) return class_base(c, v, ctor, tag);
  // The kind of function, as node derives it from isAsyncFunction /
  // isGeneratorFunction.
  const char *type = (flags & JS_FN_ASYNC) && (flags & JS_FN_GENERATOR) ? "AsyncGeneratorFunction"
                     : (flags & JS_FN_ASYNC)                            ? "AsyncFunction"
                     : (flags & JS_FN_GENERATOR)                        ? "GeneratorFunction"
                                                                        : "Function";
  JSValue name = js_get(vm, v, vm->atom[JS_ATOM_name]);
  if (js_is_exception(name)) return name;
  // value.name === '' means anonymous; any other name (even a non-string
  // one) is converted for display.
  bool anonymous = js_is_string(name) && slen(name) == 0;
  if (!anonymous) name = js_is_symbol(name) ? lit(vm, "Symbol()") : js_to_string(vm, name);
  if (js_is_exception(name)) return name;
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  js_sb_printf(&sb, "[%s", type);
  if (js_is_null(ctor)) js_sb_ascii(&sb, " (null prototype)");
  if (anonymous) {
    js_sb_ascii(&sb, " (anonymous)");
  } else {
    js_sb_ascii(&sb, ": ");
    js_sb_string(&sb, name);
  }
  js_sb_char(&sb, ']');
  // e.g. Function.prototype, whose constructor name is "Object".
  if (!js_is_null(ctor) && !equals_ascii(vm, ctor, type)) {
    js_sb_char(&sb, ' ');
    js_sb_string(&sb, ctor);
  }
  if (slen(tag) && (js_is_null(ctor) || !js_string_equal(vm, tag, ctor))) {
    js_sb_ascii(&sb, " [");
    js_sb_string(&sb, tag);
    js_sb_char(&sb, ']');
  }
  return js_sb_finish(&sb);
}

// Error.prototype.toString's result, for errors without a stack.
// (node calls Error.prototype.toString itself; this is its algorithm,
// §20.5.3.4, so that a replaced toString does not matter.)
static JSValue error_to_string(JSVM *vm, JSValue err) {
  JSValue name = js_get(vm, err, vm->atom[JS_ATOM_name]);
  if (js_is_exception(name)) return name;
  name = js_is_undefined(name) ? lit(vm, "Error") : js_to_string(vm, name);
  // §20.5.3.4 steps 3-9: name defaults to "Error", message to "", and
  // the separator is only there when both are non-empty.
  if (js_is_exception(name)) return name;
  JSValue msg = js_get(vm, err, vm->atom[JS_ATOM_message]);
  if (js_is_exception(msg)) return msg;
  msg = js_is_undefined(msg) ? vm->atom[JS_ATOM_empty] : js_to_string(vm, msg);
  if (js_is_exception(msg)) return msg;
  if (slen(name) == 0) return msg;
  if (slen(msg) == 0) return name;
  return cat3(vm, name, lit(vm, ": "), msg);
}

// An ASCII letter or digit, or one of the punctuation characters extra.
static bool name_char(uint16_t ch, const char *extra) {
  if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')) return true;
  return ch > 0 && ch < 128 && strchr(extra, ch) != NULL;
}

// The constructor name node guesses from the stack of an error whose
// prototype chain starts with null: /^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n {4}at)/
// or /^([a-z_A-Z0-9-]*Error)$/. The length of the match, or 0.
static uint32_t guess_error_name(JSVM *vm, JSValue stack) {
  JSString *f = js_string_flat(vm, js_str(stack));
  uint32_t n = f->length, i = 1;
  // The first regexp: the character class excludes ':' and '\n', so the
  // maximal run is the only candidate and no backtracking is needed.
  uint16_t c0 = n ? js_flat_char(f, 0) : 0;
  if (c0 >= 'A' && c0 <= 'Z') {
    while (i < n && name_char(js_flat_char(f, i), "_ []()-")) i++;
    if (i > 1 && i < n && (js_flat_char(f, i) == ':' || find(vm, stack, "\n    at", i) == i)) return i;
  }
  for (i = 0; i < n; i++)
    if (!name_char(js_flat_char(f, i), "_-")) return 0;
    // The second: the whole stack is one word ending in "Error".
  return ends_with_ascii(vm, stack, "Error") ? n : 0;
}

// improveStack: make the first line name the constructor when it differs
// from the error's name ("MyErr [Error]: x").
static JSValue improve_stack(Ctx *c, JSValue stack, JSValue ctor, JSValue name, JSValue tag) {
  JSVM *vm = c->vm;
  uint32_t len = slen(name);
  // Only stacks that start like a normal error ("TypeError: ...") are
  // touched; a stack may hold anything.
  bool regular = ends_with_ascii(vm, name, "Error") && starts_with(vm, stack, name) &&
                 (slen(stack) == len || js_string_char_code(vm, stack, len) == ':' ||
                  js_string_char_code(vm, stack, len) == '\n');
  if (!js_is_null(ctor) && !regular) return stack;
  JSValue fallback = lit(vm, "Error");
  if (js_is_null(ctor)) {
    len = guess_error_name(vm, stack);
    if (len) fallback = substr(vm, stack, 0, len);
    // A null-prototype error has no constructor to show: the name is
    // taken from the stack's first word instead.
  }
  // getPrefix(constructor, tag, fallback) without its trailing space.
  char *fb = js_string_utf8(vm, fallback, NULL);
  JSValue prefix = get_prefix(vm, ctor, tag, fb, "");
  free(fb);
  if (js_is_exception(prefix)) return prefix;
  prefix = substr(vm, prefix, 0, slen(prefix) - 1);
  if (js_string_equal(vm, name, prefix)) return stack;
  // Nothing to improve when the constructor is the name ("TypeError").
  JSValue rest = substr(vm, stack, len, slen(stack));
  // The prefix contains the name ("Foo [TypeError]"): it replaces it.
  if (index_of(vm, prefix, name, 0) >= 0) {
    if (len == 0) return cat3(vm, prefix, lit(vm, ": "), stack);
    return cat3(vm, prefix, vm->atom[JS_ATOM_empty], rest);
  }
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  js_sb_string(&sb, prefix);
  js_sb_ascii(&sb, " [");
  js_sb_string(&sb, name);
  js_sb_char(&sb, ']');
  js_sb_string(&sb, rest);
  return js_sb_finish(&sb);
}

// formatError: the stack (or [Name: message] without frames), with the
// keys that only repeat what the stack shows dropped, and cause/errors
// added.
static JSValue format_error(Ctx *c, JSValue err, JSValue ctor, JSValue tag, JSArrayStore **keysp) {
  JSVM *vm = c->vm;
  JSArrayStore *keys = *keysp;
  JSValue name = js_get(vm, err, vm->atom[JS_ATOM_name]);
  if (js_is_exception(name)) return name;
  name = js_is_nullish(name) ? lit(vm, "Error") : js_to_string(vm, name);
  if (js_is_exception(name)) return name;
  // Errors print their stack (node's getStackString), which starts with
  // "Name: message"; without one, what toString would say.
  JSValue stack = js_get(vm, err, vm->atom[JS_ATOM_stack]);
  if (js_is_exception(stack)) return stack;
  stack = js_to_boolean(stack) ? js_to_string(vm, stack) : error_to_string(vm, err);
  if (js_is_exception(stack)) return stack;
  // removeDuplicateErrorKeys: own name/message/stack keys whose text the
  // stack already shows are not listed again.
  static const int dup[] = {JS_ATOM_name, JS_ATOM_message, JS_ATOM_stack};
  for (int i = 0; i < 3 && !c->opt.show_hidden; i++) {
    JSValue key = vm->atom[dup[i]];
    if (!key_listed(keys, key)) continue;
    JSValue val = js_get(vm, err, key);
    if (js_is_exception(val)) return val;
    if (!js_is_string(val) || index_of(vm, stack, val, 0) >= 0) remove_key(keys, key);
  }
  // The error's own cause and errors are worth showing even when hidden.
  int r = js_has_property(vm, err, vm->atom[JS_ATOM_cause]);
  if (r < 0) return JS_EXCEPTION;
  if (r && !key_listed(keys, vm->atom[JS_ATOM_cause])) keys = js_store_push(vm, keys, vm->atom[JS_ATOM_cause]);
  JSValue errors = js_get(vm, err, vm->atom[JS_ATOM_errors]);
  if (js_is_exception(errors)) return errors;
  // AggregateError's errors (an own, non-enumerable array) likewise.
  if (js_is_array(errors) && !key_listed(keys, vm->atom[JS_ATOM_errors]))
    keys = js_store_push(vm, keys, vm->atom[JS_ATOM_errors]);
  *keysp = keys;
  stack = improve_stack(c, stack, ctor, name, tag);
  if (js_is_exception(stack)) return stack;
  // Frames are searched for after the message, which may contain "\n    at".
  JSValue msg = js_get(vm, err, vm->atom[JS_ATOM_message]);
  if (js_is_exception(msg)) return msg;
  int64_t pos = -1;
  if (js_to_boolean(msg)) {
    // The position just past the message in the stack, where the frames
    // can start.
    msg = js_to_string(vm, msg);
    if (js_is_exception(msg)) return msg;
    pos = index_of(vm, stack, msg, 0);
    if (pos == 0) pos = -1;  // node's `indexOf(...) || -1`
    if (pos != -1) pos += slen(msg);
  }
  // No frames: the error is bracketed, like a value ("[Error: x]").
  // With frames, node only rewrites them to elide those the cause
  // shares, which jsvm does not do: the stack is kept as it is.
  if (find(vm, stack, "\n    at", pos < 0 ? 0 : (uint32_t)pos) < 0) {
    stack = cat3(vm, lit(vm, "["), stack, lit(vm, "]"));
    if (js_is_exception(stack)) return stack;
  }
  // Continuation lines line up with the entry the error is part of.
  return indent_lines(vm, stack, c->indent);
}

// getBoxedBase: "[Number: 3]", "[String (Foo): 'x'] [tag]".
static JSValue boxed_base(Ctx *c, JSValue v, JSValue ctor, JSValue tag, JSArrayStore *keys) {
  JSVM *vm = c->vm;
  JSValue inner = ((JSPrimitiveObject *)js_heap(v))->value;
  // [[NumberData]] and friends: the wrapper's primitive decides the kind.
  const char *type = js_is_number(inner) ? "Number"
                     : js_is_string(inner) ? "String"
                     : js_is_bool(inner)   ? "Boolean"
                     : js_is_symbol(inner) ? "Symbol"
                                           : "BigInt";
  if (js_is_string(inner)) {
    // The characters are listed as index keys: they would only repeat.
    // They are the first keys ([[OwnPropertyKeys]] puts indices first).
    uint32_t n = 0, skip = slen(inner);
    for (uint32_t i = 0; i < keys->used; i++)
      if (i >= skip) ORI_STORE_SLOT(keys, &keys->v[n++], keys->v[i]);
    keys->used = n;
  }
  // The primitive as inspect shows it ('x' quoted, -0, Symbol(d), 1n).
  JSValue prim = formatPrimitive(c, inner);
  if (js_is_exception(prim)) return prim;
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  js_sb_printf(&sb, "[%s", type);
  if (js_is_null(ctor)) {
    js_sb_ascii(&sb, " (null prototype)");
  } else if (!equals_ascii(vm, ctor, type)) {
    js_sb_ascii(&sb, " (");
    js_sb_string(&sb, ctor);
    js_sb_char(&sb, ')');
  }
  js_sb_ascii(&sb, ": ");
  js_sb_string(&sb, prim);
  js_sb_char(&sb, ']');
  if (slen(tag) && (js_is_null(ctor) || !js_string_equal(vm, tag, ctor))) {
    js_sb_ascii(&sb, " [");
    js_sb_string(&sb, tag);
    js_sb_char(&sb, ']');
  }
  return js_sb_finish(&sb);
}

/* {==== Objects (formatRaw) ====} */

// What formatRaw decides about an object before listing its entries.
enum { F_NONE, F_ARRAY, F_SET, F_MAP, F_WEAK, F_PROMISE, F_COLL_ITER };
typedef struct Shape {
  JSValue ctor;          // constructor name, or null
  JSValue tag;           // Symbol.toStringTag worth showing, or ""
  JSValue base;          // text before the braces ("[Function: f]")
  JSValue brace0;        // opening brace with its prefix ("Foo {")
  const char *brace1;
  JSArrayStore *keys;    // the properties to list
  int formatter;         // F_*: entries other than properties
  int extras;            // K_OBJECT or K_ARRAY_EXTRAS
  JSValue done;          // the finished text when there is nothing to list
} Shape;

// brace0 = prefix + brace; false when prefix is (or the result would be)
// an exception, so that callers can chain it with the prefix's maker.
static bool set_brace(JSVM *vm, Shape *s, JSValue prefix, const char *brace) {
  if (js_is_exception(prefix)) return false;
  s->brace0 = cat3(vm, prefix, lit(vm, brace), vm->atom[JS_ATOM_empty]);
  return !js_is_exception(s->brace0);
}

// Map and Set iterators (getIteratorBraces): "[Map Iterator] {", or
// "[Map Entries] {" for one that yields [key, value] pairs, a tag other
// than the usual one first ("[Foo] [Set Iterator] {"). 1, 0 or -1.
static int describe_coll_iterator(Ctx *c, JSValue v, Shape *s) {
  JSVM *vm = c->vm;
  JSIteratorObject *it = js_heap(v);
  if (it->brand != JS_ITER_MAP && it->brand != JS_ITER_SET) return 0;
  const char *type = it->brand == JS_ITER_MAP ? "Map" : "Set";
  char usual[16];
  snprintf(usual, sizeof usual, "%s Iterator", type);
  s->keys = get_keys(c, v);
  if (!s->keys) return -1;
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  js_sb_char(&sb, '[');
  if (slen(s->tag) && !equals_ascii(vm, s->tag, usual)) {
    js_sb_string(&sb, s->tag);
    js_sb_ascii(&sb, "] [");
  }
  // formatIterator turns " Iterator] {" into " Entries] {" for pairs.
  js_sb_printf(&sb, "%s %s] {", type, it->kind == JS_ITER_KIND_ENTRIES ? "Entries" : "Iterator");
  s->brace0 = js_sb_finish(&sb);
  s->formatter = F_COLL_ITER;
  return js_is_exception(s->brace0) ? -1 : 1;
}

// formatSetIterInner / formatMapIterInner: the items the iterator has
// yet to yield (it does not move), pairs as "[ key, value ]", at most
// maxArrayLength of them and then how many more.
static bool format_coll_iterator(Ctx *c, JSValue v, int recurse, JSArrayStore **out) {
  JSVM *vm = c->vm;
  bool pairs = false;
  JSArrayStore *items = js_collection_iterator_items(vm, v, &pairs);
  if (!items) return true;
  uint32_t step = pairs ? 2 : 1, n = items->used / step;
  uint32_t shown = n < c->opt.max_array_length ? n : c->opt.max_array_length;
  bool ok = true;
  c->indent += 2;
  for (uint32_t i = 0; ok && i < shown; i++) {
    JSValue text = formatValue(c, items->v[i * step], recurse);
    if (pairs && !js_is_exception(text)) {
      // A pair is laid out as a two-element array of its own.
      JSArrayStore *kv = js_store_push(vm, js_new_store(vm, 2), text);
      JSValue vs = formatValue(c, items->v[i * step + 1], recurse);
      text = vs;
      if (!js_is_exception(vs))
        text = reduce_to_single_string(c, js_store_push(vm, kv, vs), vm->atom[JS_ATOM_empty],
                                       lit(vm, "["), "]", K_ARRAY_EXTRAS, recurse, JS_UNDEFINED);
    }
    ok = push(c, out, text);
  }
  c->indent -= 2;
  if (ok && n > shown) ok = push(c, out, remaining_text(vm, n - shown));
  return ok;
}

// The iterable kinds: arrays, Sets and Maps. 1 handled, 0 not, -1 thrown.
static int describe_iterable(Ctx *c, JSValue v, Shape *s) {
  JSVM *vm = c->vm;
  char size[32];
  if (js_is_array(v)) {
    uint32_t len = ((JSArrayObject *)js_heap(v))->length;
    // Ordinary arrays have no prefix; subclasses, null-prototype arrays
    // and tagged ones show "Foo(3) [" with the length.
    snprintf(size, sizeof size, "(%u)", len);
    // Index keys are elements: only the other keys are listed after them.
    JSValue prefix = vm->atom[JS_ATOM_empty];
    if (!equals_ascii(vm, s->ctor, "Array") || slen(s->tag))
      prefix = get_prefix(vm, s->ctor, s->tag, "Array", size);
    s->keys = non_index_keys(c, v);
    if (!s->keys || !set_brace(vm, s, prefix, "[")) return -1;
    s->brace1 = "]";
    if (len == 0 && s->keys->used == 0) s->done = cat3(vm, s->brace0, lit(vm, "]"), vm->atom[JS_ATOM_empty]);
    s->extras = K_ARRAY_EXTRAS;
    s->formatter = F_ARRAY;
    return 1;
  }
  if (js_is_type(v, JS_TYPE_Iterator)) return describe_coll_iterator(c, v, s);
  bool is_set = js_is_type(v, JS_TYPE_SetObject), is_map = js_is_type(v, JS_TYPE_MapObject);
  if (!is_set && !is_map) return 0;
  JSValue proto = is_map ? js_intrinsic(vm, MapPrototype) : js_intrinsic(vm, SetPrototype);
  // The size comes from the intrinsic getter, for the same reason as the
  // entries do; a Map subclass still shows its own constructor name.
  double n = collection_size(vm, proto, v);
  if (vm->has_exception) return -1;
  if (n < 0) return 0;  // the collections family is not there yet
  snprintf(size, sizeof size, "(%.0f)", n);
  s->keys = get_keys(c, v);
  if (!s->keys || !set_brace(vm, s, get_prefix(vm, s->ctor, s->tag, is_map ? "Map" : "Set", size), "{"))
    return -1;
  if (n == 0 && s->keys->used == 0) s->done = cat3(vm, s->brace0, lit(vm, "}"), vm->atom[JS_ATOM_empty]);
  s->formatter = is_map ? F_MAP : F_SET;
  return 1;
}

// Whether Error.prototype is on v's prototype chain (node's isError adds
// `instanceof Error` to the [[ErrorData]] check).
static bool is_error(JSVM *vm, JSValue v) {
  // Walked on the maps directly: no trap or getter runs for this test.
  if (js_is_type(v, JS_TYPE_Error)) return true;
  JSValue ep = js_intrinsic(vm, ErrorPrototype);
  for (JSValue p = js_obj(v)->map->proto; js_is_object(p); p = js_obj(p)->map->proto)
    if (p.bits == ep.bits) return true;
  return false;
}

// Dates and regular expressions show what their intrinsic toISOString /
// toString say; undefined when those do not exist yet.
static JSValue date_or_regexp_base(Ctx *c, JSValue v, bool date) {
  JSVM *vm = c->vm;
  if (!date) return call_intrinsic(vm, js_intrinsic(vm, RegExpPrototype), "toString", v);
  JSValue t = call_intrinsic(vm, js_intrinsic(vm, DatePrototype), "getTime", v);
  if (js_is_exception(t) || js_is_undefined(t)) return t;
  // An invalid date has no ISO form (toISOString throws): node shows
  // toString's "Invalid Date" instead.
  bool invalid = js_is_double(t) && js_double(t) != js_double(t);
  return call_intrinsic(vm, js_intrinsic(vm, DatePrototype), invalid ? "toString" : "toISOString", v);
}

// The remaining kinds: functions, plain objects, RegExp, Date, errors,
// weak collections, boxed primitives, and objects of any other class.
static bool describe_plain(Ctx *c, JSValue v, int recurse, Shape *s) {
  JSVM *vm = c->vm;
  s->keys = get_keys(c, v);
  if (!s->keys) return false;
  bool no_keys = s->keys->used == 0;
  // The kinds are tried in node's order; the first that applies decides
  // the base text and braces. Objects with nothing to list are finished
  // here (s->done), the others get their entries in formatRaw.
  JSType t = js_cell_type(js_heap(v));
  // Functions show as their base text, plus any own enumerable keys.
  if (js_is_callable(v)) {
    s->base = function_base(c, v, s->ctor, s->tag);
    if (no_keys) s->done = s->base;
    return !js_is_exception(s->base);
  }
  // Plain objects (constructor Object): no prefix, except arguments
  // objects and a tag ("Object [JSON] {").
  if (js_is_string(s->ctor) && equals_ascii(vm, s->ctor, "Object")) {
    if (t == JS_TYPE_Arguments) {
      s->brace0 = lit(vm, "[Arguments] {");
    } else if (slen(s->tag) && !set_brace(vm, s, get_prefix(vm, s->ctor, s->tag, "Object", ""), "{")) {
      return false;
    }
    if (no_keys) s->done = cat3(vm, s->brace0, lit(vm, "}"), vm->atom[JS_ATOM_empty]);
    return true;
  }
  if (t == JS_TYPE_RegExp || t == JS_TYPE_Date) {
    bool date = t == JS_TYPE_Date;
    JSValue base = date_or_regexp_base(c, v, date);
    if (js_is_exception(base)) return false;
    // Subclasses and tags prefix the text ("Foo [RegExp] /x/").
    if (js_is_string(base)) {
      JSValue prefix = get_prefix(vm, s->ctor, s->tag, date ? "Date" : "RegExp", "");
      if (js_is_exception(prefix)) return false;
      if (!equals_ascii(vm, prefix, date ? "Date " : "RegExp ")) base = cat3(vm, prefix, base, vm->atom[JS_ATOM_empty]);
      s->base = base;
      if (no_keys || (!date && recurse > c->opt.depth)) s->done = base;
      return !js_is_exception(base);
    }
  }
  // Errors show their stack; their other own keys follow in braces.
  if (is_error(vm, v)) {
    s->base = format_error(c, v, s->ctor, s->tag, &s->keys);
    if (s->keys->used == 0) s->done = s->base;
    return !js_is_exception(s->base);
  }
  // Weak collections cannot be enumerated: node says so.
  if (t == JS_TYPE_WeakMapObject || t == JS_TYPE_WeakSetObject) {
    s->formatter = F_WEAK;
    return set_brace(vm, s, get_prefix(vm, s->ctor, s->tag, class_name(v), ""), "{");
  }
  if (t == JS_TYPE_Promise) {
    s->formatter = F_PROMISE;
    return set_brace(vm, s, get_prefix(vm, s->ctor, s->tag, "Promise", ""), "{");
  }
  // Boxed primitives: Number, String, Boolean, Symbol, BigInt wrappers.
  if (t == JS_TYPE_Primitive) {
    s->base = boxed_base(c, v, s->ctor, s->tag, s->keys);
    if (s->keys->used == 0) s->done = s->base;
    return !js_is_exception(s->base);
  }
  JSValue style = ctx_style(vm, v, s->ctor, s->tag);
  if (!set_brace(vm, s, style, "{")) return false;
  if (no_keys) s->done = cat3(vm, s->brace0, lit(vm, "}"), vm->atom[JS_ATOM_empty]);
  return true;
}

// formatPromise: "<pending>", the value, or "<rejected> reason".
// The state is read from the object, as node reads it through V8: no
// then() runs.
static bool format_promise(Ctx *c, JSValue v, int recurse, JSArrayStore **out) {
#ifdef HAVE_PROMISE_H
  JSPromiseObject *p = (JSPromiseObject *)js_heap(v);
  if (p->state == JS_PROMISE_PENDING) return push(c, out, lit(c->vm, "<pending>"));
  bool rejected = p->state == JS_PROMISE_REJECTED;
  c->indent += 2;
  JSValue str = formatValue(c, p->result, recurse);
  c->indent -= 2;
  if (rejected && !js_is_exception(str)) str = cat3(c->vm, lit(c->vm, "<rejected> "), str, c->vm->atom[JS_ATOM_empty]);
  return push(c, out, str);
#else
  // Without the Promise family's layout the state cannot be read.
  (void)v, (void)recurse;
  return push(c, out, lit(c->vm, "<unknown>"));
#endif
}

// The entries besides the properties: elements, collection items.
static bool format_entries(Ctx *c, JSValue v, const Shape *s, int recurse, JSArrayStore **out) {
  // Properties come after these (extra keys of arrays, Map entries
  // before the Map's own keys).
  switch (s->formatter) {
    case F_ARRAY: return format_array(c, v, recurse, out);
    case F_SET: return format_collection(c, v, false, recurse, out);
    case F_MAP: return format_collection(c, v, true, recurse, out);
    case F_WEAK: return push(c, out, lit(c->vm, "<items unknown>"));
    case F_PROMISE: return format_promise(c, v, recurse, out);
    case F_COLL_ITER: return format_coll_iterator(c, v, recurse, out);
  }
  return true;
}

// Past the depth limit an object is only named: [Object], [Foo], [Array].
static JSValue too_deep(Ctx *c, JSValue v, const Shape *s) {
  JSVM *vm = c->vm;
  JSValue style = ctx_style(vm, v, s->ctor, s->tag);
  if (js_is_exception(style)) return style;
  // Named objects are bracketed; null-prototype ones already are.
  style = substr(vm, style, 0, slen(style) - 1);
  if (js_is_null(s->ctor)) return style;
  return cat3(vm, lit(vm, "["), style, lit(vm, "]"));
}

// The <ref *N> marker for an object that turned out to be in a cycle.
// Objects enter ctx->circular when a descendant refers back to them, so
// by the time their own entries are done, the marker is known.
static JSValue ref_marker(Ctx *c, JSValue v, JSValue base) {
  JSVM *vm = c->vm;
  for (uint32_t i = 0; i < c->circular->used; i++) {
    if (c->circular->v[i].bits != v.bits) continue;
    JSStrBuf sb;
    js_sb_init(&sb, vm);
    js_sb_printf(&sb, "<ref *%u>", i + 1);
    if (slen(base)) {
      js_sb_char(&sb, ' ');
      js_sb_string(&sb, base);
    }
    return js_sb_finish(&sb);
  }
  return base;
}

// formatRaw: describe the object (kind, prefix, keys), stop early when
// there is nothing to list or it is too deep, else format its entries
// one level down and lay them out. `recurse` is the object's depth.
static JSValue formatRaw(Ctx *c, JSValue v, int recurse) {
  JSVM *vm = c->vm;
  // node catches the stack overflow and says so in place of the object.
  // V8's stack ends node's recursion about a thousand objects deep; the
  // output's indentation makes deeper text quadratic in size, so jsvm
  // stops there too (its own stack is far larger).
  if (recurse > MAX_NESTING || !js_check_stack(vm)) {
    if (vm->has_exception) js_take_exception(vm);
    JSStrBuf sb;
    js_sb_init(&sb, vm);
    js_sb_printf(&sb, "[%s: Inspection interrupted prematurely. Maximum call stack size exceeded.]",
                 class_name(v));
    return js_sb_finish(&sb);
  }
  Shape s = {.base = vm->atom[JS_ATOM_empty], .brace1 = "}", .extras = K_OBJECT,
             .formatter = F_NONE, .done = JS_UNDEFINED};
             // Defaults: an ordinary object "{ ... }" with no base text.
  s.ctor = constructor_name(c, v, recurse);
  if (js_is_exception(s.ctor)) return s.ctor;
  s.tag = get_tag(c, v);
  if (js_is_exception(s.tag)) return s.tag;
  s.brace0 = lit(vm, "{");
  int handled = 0;
  // node only tries the iterable kinds for objects with Symbol.iterator
  // (or no constructor, where the check could be misleading).
  int iterable = js_is_null(s.ctor) ? 1 : js_has_property(vm, v, vm->symbol[JS_SYMBOL_iterator]);
  if (iterable < 0) return JS_EXCEPTION;
  if (iterable) handled = describe_iterable(c, v, &s);
  if (handled < 0) return JS_EXCEPTION;
  if (!handled && !describe_plain(c, v, recurse, &s)) return JS_EXCEPTION;
  if (!js_is_undefined(s.done)) return s.done;
  if (recurse > c->opt.depth) return too_deep(c, v, &s);
  // Objects are finished early only after their kind is known, so that
  // "[Foo]" and "[]" name them correctly.
  recurse++;
  c->seen = js_store_push(vm, c->seen, v);
  c->current_depth = recurse;
  // From here on v is on the seen list, so a reference back to it from
  // its entries prints as [Circular *N].
  JSArrayStore *out = js_new_store(vm, 8);
  if (!format_entries(c, v, &s, recurse, &out)) return JS_EXCEPTION;
  for (uint32_t i = 0; i < s.keys->used; i++)
    if (!push(c, &out, formatProperty(c, v, recurse, s.keys->v[i], s.extras))) return JS_EXCEPTION;
  // The marker goes in front of the base, or alone before the braces.
  s.base = ref_marker(c, v, s.base);
  if (js_is_exception(s.base)) return s.base;
  c->seen->used--;
  return reduce_to_single_string(c, out, s.base, s.brace0, s.brace1, s.extras, recurse, v);
}

/* {==== %s: hasBuiltInToString ====} */

// The global constructors node knows at start-up (builtInObjects).
// (The global names matching /^[A-Z][a-zA-Z0-9]+$/ when node starts; a
// fixed list, so that scripts defining globals do not change %s.)
static bool builtin_name(JSVM *vm, JSValue name) {
  static const char *const names[] = {
      "Object", "Function", "Array", "Number", "Boolean", "String", "Symbol", "BigInt",
      "Date", "Promise", "RegExp", "Error", "AggregateError", "EvalError", "RangeError",
      "ReferenceError", "SyntaxError", "TypeError", "URIError", "ArrayBuffer",
      "SharedArrayBuffer", "DataView", "Int8Array", "Uint8Array", "Uint8ClampedArray",
      "Int16Array", "Uint16Array", "Int32Array", "Uint32Array", "Float32Array",
      "Float64Array", "BigInt64Array", "BigUint64Array", "Map", "Set", "WeakMap", "WeakSet",
      "WeakRef", "FinalizationRegistry", "Proxy", "Reflect", "JSON", "Math", "Atomics",
      "Intl", "WebAssembly", "Buffer", "URL", "URLSearchParams", "TextEncoder",
      "TextDecoder", "AbortController", "AbortSignal", "EventTarget", "Event", "Blob"};
  if (!js_is_string(name)) return false;
  for (size_t i = 0; i < sizeof names / sizeof *names; i++)
    if (equals_ascii(vm, name, names[i])) return true;
  return false;
}

// Whether obj has own property key: 1, 0, -1.
// (Primitives' prototypes are objects, so p is always one here.)
static int own(JSVM *vm, JSValue obj, JSValue key) {
  return js_is_object(obj) ? js_has_own_property(vm, obj, key) : 0;
}

// The object on v's chain (v excluded) owning toString (when look_string)
// or Symbol.toPrimitive (when look_prim); null when none does.
static JSValue owner_of(JSVM *vm, JSValue v, bool look_string, bool look_prim) {
  JSValue p = v;
  for (;;) {
    p = js_get_prototype_of(vm, p);
    // Proxies are not followed yet: their [[GetPrototypeOf]] is theirs.
    if (js_is_exception(p) || !js_is_object(p)) return p;
    int a = look_string ? own(vm, p, vm->atom[JS_ATOM_toString]) : 0;
    int b = look_prim ? own(vm, p, vm->symbol[JS_SYMBOL_toPrimitive]) : 0;
    if (a < 0 || b < 0) return JS_EXCEPTION;
    if (a || b) return p;
  }
}

// Step by step node's hasBuiltInToString: an object whose toString (or
// Symbol.toPrimitive) comes from a built-in prototype is inspected by
// %s; one with its own is converted with String().
int js_inspect_has_builtin_to_string(JSVM *vm, JSValue v) {
  // typeof value.toString / value[Symbol.toPrimitive]: both read up
  // front (node reads the second only in some branches; neither order
  // is observable without getters on those names).
  JSValue to_string = js_get(vm, v, vm->atom[JS_ATOM_toString]);
  if (js_is_exception(to_string)) return -1;
  JSValue to_prim = js_get(vm, v, vm->symbol[JS_SYMBOL_toPrimitive]);
  if (js_is_exception(to_prim)) return -1;
  bool look_string = true, look_prim = true;
  // No usable toString: only a Symbol.toPrimitive can make String()
  // differ from inspect.
  if (!js_is_callable(to_string)) {
    if (!js_is_callable(to_prim)) return 1;
    int r = own(vm, v, vm->symbol[JS_SYMBOL_toPrimitive]);
    if (r) return r < 0 ? -1 : 0;
    look_string = false;
  } else {
    int r = own(vm, v, vm->atom[JS_ATOM_toString]);
    if (r) return r < 0 ? -1 : 0;
    if (!js_is_callable(to_prim)) {
      look_prim = false;
    } else {
      r = own(vm, v, vm->symbol[JS_SYMBOL_toPrimitive]);
      if (r) return r < 0 ? -1 : 0;
    }
  }
  // The method comes from a prototype: built-in when that prototype's
  // constructor is one of node's built-in globals.
  JSValue p = owner_of(vm, v, look_string, look_prim);
  if (js_is_exception(p)) return -1;
  if (!js_is_object(p)) return 1;
  JSPropDesc d;
  int r = js_get_own_property(vm, p, vm->atom[JS_ATOM_constructor], &d);
  if (r < 0) return -1;
  if (r == 0 || !d.has_value || !js_is_callable(d.value)) return 0;
  JSValue name = js_get(vm, d.value, vm->atom[JS_ATOM_name]);
  if (js_is_exception(name)) return -1;
  return builtin_name(vm, name);
}

/* {==== Custom inspection: [Symbol.for('nodejs.util.inspect.custom')] ====} */

// util.inspect as a function, for custom inspectors' third argument.
static JSValue native_inspect(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  JSInspectOptions o;
  js_inspect_defaults(&o);
  if (!js_inspect_read_options(vm, js_arg(1), &o)) return JS_EXCEPTION;
  return js_inspect_with(vm, js_arg(0), &o);
}

// The registered symbol, or undefined when no script asked for it (then
// no object can have it as a key).
static JSValue custom_symbol(JSVM *vm) {
  JSDictEntry *e = js_dict_find(js_heap(vm->symbol_registry), js_atom(vm, "nodejs.util.inspect.custom"));
  // The registry is keyed by interned strings (builtins_symbol.c).
  return e ? e->value : JS_UNDEFINED;
}

// The options object a custom inspector receives: the remaining depth and
// the other settings, under node's names.
static JSValue options_object(Ctx *c, int recurse) {
  JSVM *vm = c->vm;
  JSValue o = js_new_object(vm);
  double depth = c->opt.depth - recurse;
  // node passes its whole (copied) options object; these are the ones
  // jsvm has, under the same names.
  JSValue d = isinf(depth) ? JS_NULL : js_from_number(depth);
  if (js_set(vm, o, js_to_property_key(vm, js_atom(vm, "depth")), d, false) < 0 ||
      js_set(vm, o, js_to_property_key(vm, js_atom(vm, "showHidden")), js_from_bool(c->opt.show_hidden), false) < 0 ||
      js_set(vm, o, js_to_property_key(vm, js_atom(vm, "breakLength")), js_from_int32(c->opt.break_length), false) < 0)
    return JS_EXCEPTION;
  return o;
}

// formatValue's custom inspection: the text of v[custom](depth, options,
// inspect), or undefined when v has no custom inspector (or is a
// prototype, or the inspector returned v itself).
static JSValue custom_inspect(Ctx *c, JSValue v, int recurse) {
  JSVM *vm = c->vm;
  JSValue sym = custom_symbol(vm);
  if (!js_is_symbol(sym)) return JS_UNDEFINED;
  JSValue fn = js_get(vm, v, sym);
  if (js_is_exception(fn)) return fn;
  if (!js_is_callable(fn)) return JS_UNDEFINED;
  // Prototype objects (value.constructor.prototype === value) are skipped.
  JSValue ctor = js_get(vm, v, vm->atom[JS_ATOM_constructor]);
  if (js_is_exception(ctor)) return ctor;
  if (js_to_boolean(ctor)) {
    JSValue proto = js_get(vm, ctor, vm->atom[JS_ATOM_prototype]);
    if (js_is_exception(proto)) return proto;
    if (proto.bits == v.bits) return JS_UNDEFINED;
  }
  // (depth - recurseTimes, or null without a limit; options; inspect)
  JSValue args[3] = {JS_NULL, options_object(c, recurse), js_new_native(vm, "inspect", native_inspect, 2, 0)};
  if (js_is_exception(args[1])) return args[1];
  double depth = c->opt.depth - recurse;
  if (!isinf(depth)) args[0] = js_from_number(depth);
  JSValue ret = js_call(vm, fn, v, 3, args);
  if (js_is_exception(ret) || ret.bits == v.bits) return js_is_exception(ret) ? ret : JS_UNDEFINED;
  // Another value is formatted in place of v; a string is used as it is,
  // its continuation lines indented to the current level.
  if (!js_is_string(ret)) return formatValue(c, ret, recurse);
  return indent_lines(vm, ret, c->indent);
}

/* {==== Values (formatValue) and the entry points ====} */

// formatValue: primitives directly; objects through a custom inspector,
// as a back reference, or by formatRaw.
static JSValue formatValue(Ctx *c, JSValue v, int recurse) {
  if (!js_is_object(v)) return formatPrimitive(c, v);
  // A proxy shows its target, read without running any trap (node's
  // showProxy: false); a revoked one shows as <Revoked Proxy>.
  while (js_is_proxy(v)) {
    v = ((JSProxyObject *)js_heap(v))->target;
    if (js_is_null(v)) return lit(c->vm, "<Revoked Proxy>");
  }
  if (c->opt.custom_inspect) {
    JSValue custom = custom_inspect(c, v, recurse);
    if (!js_is_undefined(custom)) return custom;
  }
  // A value already being formatted closes a cycle: number it.
  for (uint32_t i = 0; i < c->seen->used; i++) {
    if (c->seen->v[i].bits != v.bits) continue;
    uint32_t n = 0;
    while (n < c->circular->used && c->circular->v[n].bits != v.bits) n++;
    // Numbers are handed out in the order cycles are found.
    if (n == c->circular->used) c->circular = js_store_push(c->vm, c->circular, v);
    JSStrBuf sb;
    js_sb_init(&sb, c->vm);
    js_sb_printf(&sb, "[Circular *%u]", n + 1);
    return js_sb_finish(&sb);
  }
  return formatRaw(c, v, recurse);
}

// A fresh context per call: nothing carries over between inspections.
JSValue js_inspect_with(JSVM *vm, JSValue v, const JSInspectOptions *o) {
  Ctx c = {.vm = vm, .opt = *o, .indent = 0, .current_depth = 0};
  c.seen = js_new_store(vm, 8);
  c.circular = js_new_store(vm, 2);
  return formatValue(&c, v, 0);
}

JSValue js_inspect(JSVM *vm, JSValue v) {
  JSInspectOptions o;
  js_inspect_defaults(&o);
  return js_inspect_with(vm, v, &o);
}

// Strings print as they are; other values as inspect shows them. Lone
// surrogates become U+FFFD, as node's UTF-8 output does.
void js_print_value(JSVM *vm, FILE *out, JSValue v) {
  JSValue s = js_is_string(v) ? v : js_inspect(vm, v);
  if (js_is_exception(s)) {
    // Printing must not fail: an exception from a getter or a custom
    // inspector is dropped and a marker printed instead.
    js_take_exception(vm);
    fputs("<exception while printing>", out);
    return;
  }
  JSString *f = js_string_flat(vm, js_str(s));
  for (uint32_t i = 0; i < f->length; i++) {
    uint32_t cp = js_flat_char(f, i);
    if (cp >= 0xD800 && cp <= 0xDFFF) {
      uint32_t lo = i + 1 < f->length ? js_flat_char(f, i + 1) : 0;
      if (cp <= 0xDBFF && lo >= 0xDC00 && lo <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        i++;
      } else {
        cp = 0xFFFD;
      }
    }
    // UTF-8 by hand: the text may hold NULs, which fputs would stop at.
    if (cp < 0x80) {
      fputc((int)cp, out);
    } else if (cp < 0x800) {
      fputc(0xC0 | (int)(cp >> 6), out);
      fputc(0x80 | (int)(cp & 0x3F), out);
    } else if (cp < 0x10000) {
      fputc(0xE0 | (int)(cp >> 12), out);
      fputc(0x80 | (int)((cp >> 6) & 0x3F), out);
      fputc(0x80 | (int)(cp & 0x3F), out);
    } else {
      fputc(0xF0 | (int)(cp >> 18), out);
      fputc(0x80 | (int)((cp >> 12) & 0x3F), out);
      fputc(0x80 | (int)((cp >> 6) & 0x3F), out);
      fputc(0x80 | (int)(cp & 0x3F), out);
    }
  }
}
