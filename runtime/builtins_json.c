/*
 * runtime/builtins_json.c — the JSON object: JSON.parse (ECMA-262 §25.5.1)
 * with the reviver's source-text context, JSON.stringify (§25.5.2),
 * JSON.rawJSON / JSON.isRawJSON, and JSON[Symbol.toStringTag].
 *
 * Invariants:
 *  - The parser reads the flat form of the source string through
 *    js_flat_char; the flat string is referenced from the parser struct on
 *    the C stack, so the conservative scan pins it while we read.
 *  - Syntax errors carry V8's messages (node 20's wording), chosen at the
 *    same points V8's JsonParser chooses them, so that programs comparing
 *    messages see what they see under node.
 *  - Nesting recurses on the C stack; every object/array level (parse,
 *    reviver walk, stringify) calls js_check_stack first, so absurdly deep
 *    input ends in "RangeError: Maximum call stack size exceeded", never
 *    in a crash.
 *  - Temporary lists of values (array elements being parsed, the
 *    stringify stack, the property list) are JSArrayStores, heap objects
 *    the collector traces, held in C locals or stack structs.
 */
#include <stdlib.h>
#include <string.h>

#include "runtime/inspect.h"
#include "runtime/map.h"
#include "runtime/numconv.h"
#include "runtime/proxy.h"
#include "runtime/runtime.h"

/* {==== Shared helpers ====} */

// IsArray (§7.2.2): 1, 0, or -1 when v is (or wraps) a revoked proxy.
// (JSON needs IsArray in three places: the reviver walk, the replacer
// list and serialization.)
static int is_array(JSVM *vm, JSValue v) {
  return js_is_proxy(v) ? js_proxy_is_array(vm, v) : js_is_array(v);
}

// The property key for index i (any integer up to 2^53 - 1).
static JSValue index_key(JSVM *vm, double i) {
  if (i < 4294967295.0) return js_index_key((uint32_t)i);
  // Beyond the array-index range an integer key is an ordinary string
  // key ("4294967295"), which js_to_property_key spells and interns.
  return js_to_property_key(vm, js_from_number(i));
}

/* {==== JSON.parse: the scanner ====} */

// V8's one-character token classes; an error message depends on the
// class of the character the parser stopped at.
typedef enum Token {
  T_STRING, T_NUMBER, T_LBRACK, T_LBRACE, T_RBRACK, T_RBRACE,
  T_TRUE, T_FALSE, T_NULL, T_WS, T_COLON, T_COMMA, T_ILLEGAL, T_EOS
} Token;

// Messages with a position (V8's kJsonParse* templates in node 20).
typedef enum Msg {
  M_NONE,
  M_UNEXPECTED_NUMBER,
  M_UNEXPECTED_STRING,
  M_PROP_NAME_OR_RBRACE,
  M_COMMA_OR_RBRACK,
  M_COMMA_OR_RBRACE,
  M_COLON,
  M_UNTERMINATED_STRING,
  M_CONTROL_CHAR,
  M_BAD_UNICODE,
  M_BAD_ESCAPE,
  M_NO_NUMBER_AFTER_MINUS,
  M_EXPONENT_MISSING,
  M_UNTERMINATED_FRACTION,
  M_NON_WHITESPACE_AFTER,
  M_DOUBLE_QUOTED_NAME,
} Msg;

// Indexed by Msg; the wording is V8's (src/common/message-template.h).
static const char *const msg_text[] = {
    "",
    "Unexpected number",
    "Unexpected string",
    "Expected property name or '}'",
    "Expected ',' or ']' after array element",
    "Expected ',' or '}' after property value",
    "Expected ':' after property name",
    "Unterminated string",
    "Bad control character in string literal",
    "Bad Unicode escape",
    "Bad escaped character",
    "No number after minus sign",
    "Exponent part is missing a number",
    "Unterminated fractional number",
    "Unexpected non-whitespace character after JSON at position %u",
    "Expected double-quoted property name",
};

// The cursor over the source. Nothing else is state: values are built
// as they are parsed, and the C recursion is the nesting stack.
typedef struct Parser {
  JSVM *vm;
  JSValue source;     // the text being parsed (for error messages)
  JSString *flat;     // its flat form, pinned by this reference
  uint32_t pos, len;
} Parser;

// The code unit at the cursor, or -1 at the end (V8's kEndOfString).
static inline int peek_char(const Parser *p) {
  return p->pos < p->len ? js_flat_char(p->flat, p->pos) : -1;
}

static Token token_of(int c) {
  if (c < 0) return T_EOS;
  // V8's one_char_json_tokens table: '-' and digits start numbers, the
  // three literals are told by their first letter.
  switch (c) {
    case '"': return T_STRING;
    case '-': return T_NUMBER;
    case '[': return T_LBRACK;
    case '{': return T_LBRACE;
    case ']': return T_RBRACK;
    case '}': return T_RBRACE;
    case 't': return T_TRUE;
    case 'f': return T_FALSE;
    case 'n': return T_NULL;
    case ' ': case '\t': case '\r': case '\n': return T_WS;
    case ':': return T_COLON;
    case ',': return T_COMMA;
  }
  return (c >= '0' && c <= '9') ? T_NUMBER : T_ILLEGAL;
}

// Skip JSON white space; the token at the cursor afterwards.
static Token next_token(Parser *p) {
  while (p->pos < p->len) {
    Token t = token_of(js_flat_char(p->flat, p->pos));
    if (t != T_WS) return t;
    p->pos++;
  }
  return T_EOS;
}

/* {==== JSON.parse: errors ====} */

// V8 shows no context for the inputs people pass by mistake.
static bool is_special_source(const Parser *p) {
  static const char *const special[] = {"[object Object]", "undefined", "Infinity", "NaN"};
  for (size_t k = 0; k < sizeof special / sizeof *special; k++) {
    size_t n = strlen(special[k]);
    if (n != p->len) continue;
    size_t i = 0;
    while (i < n && js_flat_char(p->flat, (uint32_t)i) == (uint8_t)special[k][i]) i++;
    if (i == n) return true;
  }
  return false;
}

// Source units [from, to) into an error message (clamped to the end).
static void append_source(JSStrBuf *sb, const Parser *p, uint32_t from, uint32_t to) {
  for (uint32_t i = from; i < to && i < p->len; i++) js_sb_char(sb, js_flat_char(p->flat, i));
}

// "Unexpected token 'x', <source or an excerpt> is not valid JSON": short
// sources (< 21 units) are quoted whole, longer ones as ten units either
// side of the bad one, with ellipses where text was cut.
static void unexpected_token_text(JSStrBuf *sb, const Parser *p) {
  // kMaxContextCharacters and kMinOriginalSourceLengthForContext.
  enum { CONTEXT = 10, MIN_FOR_CONTEXT = 2 * CONTEXT + 1 };
  uint32_t pos = p->pos;
  js_sb_ascii(sb, "Unexpected token '");
  js_sb_char(sb, js_flat_char(p->flat, pos));
  js_sb_ascii(sb, "', ");
  if (p->len < MIN_FOR_CONTEXT) {
    js_sb_char(sb, '"');
    append_source(sb, p, 0, p->len);
    js_sb_ascii(sb, "\" is not valid JSON");
  } else if (pos < CONTEXT) {
    js_sb_char(sb, '"');
    append_source(sb, p, 0, pos + CONTEXT);
    js_sb_ascii(sb, "\"... is not valid JSON");
  } else if (pos < p->len - CONTEXT) {
    js_sb_ascii(sb, "...\"");
    append_source(sb, p, pos - CONTEXT, pos + CONTEXT);
    js_sb_ascii(sb, "\"... is not valid JSON");
  } else {
    js_sb_ascii(sb, "...\"");
    append_source(sb, p, pos - CONTEXT, p->len);
    js_sb_ascii(sb, "\" is not valid JSON");
  }
}

// ReportUnexpectedToken: throw the SyntaxError for stopping at the cursor
// on token t; msg, when given, overrides the message V8 derives from t.
static JSValue parse_error(Parser *p, Token t, Msg msg) {
  JSStrBuf sb;
  js_sb_init(&sb, p->vm);
  if (msg == M_NONE && t == T_NUMBER) msg = M_UNEXPECTED_NUMBER;
  if (msg == M_NONE && t == T_STRING) msg = M_UNEXPECTED_STRING;
  // LookUpErrorMessageForJsonToken: a number or string where none may be
  // has its own message; the end of input another; anything else quotes
  // the source around the bad character.
  if (msg != M_NONE) {
    // Every template but one reads "<what> in JSON at position N".
    if (strstr(msg_text[msg], "%u")) {
      js_sb_printf(&sb, msg_text[msg], p->pos);
    } else {
      js_sb_printf(&sb, "%s in JSON at position %u", msg_text[msg], p->pos);
    }
  } else if (t == T_EOS) {
    js_sb_ascii(&sb, "Unexpected end of JSON input");
  } else if (is_special_source(p)) {
    js_sb_char(&sb, '"');
    append_source(&sb, p, 0, p->len);
    js_sb_ascii(&sb, "\" is not valid JSON");
  } else {
    unexpected_token_text(&sb, p);
  }
  JSValue text = js_sb_finish(&sb);
  if (js_is_exception(text)) return text;
  // A SyntaxError of the current realm, with the stack of the caller.
  return js_throw(p->vm, js_new_error(p->vm, JS_ERR_SyntaxError, text));
}

// ReportUnexpectedCharacter: the error for the character at the cursor.
static JSValue unexpected_char(Parser *p) {
  return parse_error(p, token_of(peek_char(p)), M_NONE);
}

/* {==== JSON.parse: values ====} */

static JSValue parse_value(Parser *p, JSValue *rec);

// The value of a hex digit, or -1 (V8's HexValue).
static int hex_digit(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// One escape sequence; the cursor is on the character after the
// backslash. Appends the unit it stands for; false after throwing.
static bool scan_escape(Parser *p, JSStrBuf *sb) {
  int c = peek_char(p);
  // V8 reads the escape letter as a token first: the end of input or a
  // wide character are reported like any unexpected character.
  if (c < 0 || c > 0xFF) {
    unexpected_char(p);
    return false;
  }
  // The single-character escapes and what they stand for.
  static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
  const char *hit = c ? strchr(from, c) : NULL;
  if (hit) {
    js_sb_char(sb, (uint16_t)to[hit - from]);
    p->pos++;
    return true;
  }
  if (c != 'u') {
    parse_error(p, T_ILLEGAL, M_BAD_ESCAPE);
    return false;
  }
  uint32_t v = 0;
  for (int i = 0; i < 4; i++) {
    // The error points at the first character that is not a hex digit
    // (or at the end), as V8's ScanUnicodeCharacter leaves the cursor.
    p->pos++;
    int d = hex_digit(peek_char(p));
    if (d < 0) {
      parse_error(p, T_ILLEGAL, M_BAD_UNICODE);
      return false;
    }
    v = v * 16 + (uint32_t)d;
  }
  p->pos++;
  // A \uXXXX is one code unit, surrogate or not: pairs form by
  // themselves when two escapes follow each other.
  js_sb_char(sb, (uint16_t)v);
  return true;
}

// A string literal; the cursor is on the opening quote. Plain runs are
// copied in one go; escapes go through scan_escape.
static JSValue parse_string(Parser *p) {
  JSVM *vm = p->vm;
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  p->pos++;
  for (;;) {
    uint32_t start = p->pos;
    int c;
    while ((c = peek_char(p)) >= 0x20 && c != '"' && c != '\\') p->pos++;
    // Copy the run [start, pos) straight from the source.
    if (p->flat->flags & JS_STR_TWO_BYTE) {
      for (uint32_t i = start; i < p->pos; i++) js_sb_char(&sb, p->flat->u.c16[i]);
    } else {
      js_sb_latin1(&sb, p->flat->u.c8 + start, p->pos - start);
    }
    if (c == '"') {
      p->pos++;
      return js_sb_finish(&sb);
    }
    bool ok;
    if (c < 0) {
      ok = false;
      parse_error(p, T_ILLEGAL, M_UNTERMINATED_STRING);
    } else if (c == '\\') {
      p->pos++;
      ok = scan_escape(p, &sb);
    } else {
      ok = false;
      parse_error(p, T_ILLEGAL, M_CONTROL_CHAR);
    }
    if (!ok) {
      js_sb_free(&sb);
      return JS_EXCEPTION;
    }
  }
}

// (ASCII digits only: JSON has no other.)
static bool is_digit(int c) { return c >= '0' && c <= '9'; }

static void skip_digits(Parser *p) {
  while (is_digit(peek_char(p))) p->pos++;
}

// A number; the cursor is on '-' or a digit. The grammar is checked here
// (with V8's messages); the value comes from StringToNumber on the slice,
// which is plain ASCII by then.
static JSValue parse_number(Parser *p) {
  uint32_t start = p->pos;
  if (peek_char(p) == '-') p->pos++;
  // The grammar: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
  if (peek_char(p) == '0') {
    p->pos++;
    // A leading zero may only stand alone before '.' or an exponent.
    if (is_digit(peek_char(p))) return parse_error(p, T_NUMBER, M_NONE);
  } else {
    if (!is_digit(peek_char(p))) return parse_error(p, T_ILLEGAL, M_NO_NUMBER_AFTER_MINUS);
    skip_digits(p);
  }
  if (peek_char(p) == '.') {
    p->pos++;
    // The messages point just past the '.', 'e' or sign that lacks digits.
    if (!is_digit(peek_char(p))) return parse_error(p, T_ILLEGAL, M_UNTERMINATED_FRACTION);
    skip_digits(p);
  }
  if (peek_char(p) == 'e' || peek_char(p) == 'E') {
    p->pos++;
    if (peek_char(p) == '-' || peek_char(p) == '+') p->pos++;
    if (!is_digit(peek_char(p))) return parse_error(p, T_ILLEGAL, M_EXPONENT_MISSING);
    skip_digits(p);
  }
  uint32_t n = p->pos - start;
  double d;
  // The slice is a valid StrDecimalLiteral, so StringToNumber gives the
  // correctly rounded value (1e400 is Infinity, -0 stays -0).
  if (p->flat->flags & JS_STR_TWO_BYTE) {
    d = js_string_to_number_utf16(p->flat->u.c16 + start, n);
  } else {
    d = js_string_to_number_latin1(p->flat->u.c8 + start, n);
  }
  return js_from_number(d);
}

// true / false / null; the first letter is known to match. Like V8, a
// mismatch is reported at the first character that differs.
static JSValue parse_literal(Parser *p, const char *word, JSValue v) {
  p->pos++;
  for (const char *w = word + 1; *w; w++) {
    int c = peek_char(p);
    if (c != *w) return unexpected_char(p);
    p->pos++;
  }
  return v;
}

/* {==== JSON.parse: parse records (for the reviver's context) ====} */

// A JSON Parse Record, made only when there is a reviver: a three-slot
// list of the value as parsed, its source text (primitives only), and
// the records of its elements (arrays) or key/record pairs (objects).
static JSValue make_record(JSVM *vm, JSValue value, JSValue source, JSArrayStore *children) {
  JSArrayStore *r = js_new_store(vm, 3);
  // r is fresh: raw stores.
  r->v[0] = value;
  r->v[1] = source;
  r->v[2] = children ? js_val(children) : JS_UNDEFINED;
  r->used = 3;
  return js_val(r);
}

// A record's element or member list, or NULL for primitives.
static JSArrayStore *record_children(JSValue rec) {
  if (!js_is_heap(rec)) return NULL;
  JSValue c = ((JSArrayStore *)js_heap(rec))->v[2];
  return js_is_heap(c) ? (JSArrayStore *)js_heap(c) : NULL;
}

// The record of a primitive that spans [start, pos) of the source.
static bool primitive_record(Parser *p, JSValue v, uint32_t start, JSValue *rec) {
  if (!rec || js_is_exception(v)) return !js_is_exception(v);
  // The source text: digits, literal or quoted string exactly as written.
  JSValue src = js_string_substring(p->vm, p->source, start, p->pos);
  if (js_is_exception(src)) return false;
  *rec = make_record(p->vm, v, src, NULL);
  return true;
}

/* {==== JSON.parse: arrays and objects ====} */

// An array; the cursor is on '['. Elements collect in a heap list first,
// then become the array in one step.
static JSValue parse_array(Parser *p, JSValue *rec) {
  JSVM *vm = p->vm;
  if (!js_check_stack(vm)) return JS_EXCEPTION;
  p->pos++;
  JSArrayStore *elems = js_new_store(vm, 8);
  JSArrayStore *recs = rec ? js_new_store(vm, 8) : NULL;
  // recs: the elements' parse records, in order, when a reviver will
  // want their source.
  if (next_token(p) == T_RBRACK) {
    p->pos++;
  } else {
    for (;;) {
      JSValue r = JS_UNDEFINED;
      JSValue v = parse_value(p, rec ? &r : NULL);
      if (js_is_exception(v)) return v;
      elems = js_store_push(vm, elems, v);
      if (rec) recs = js_store_push(vm, recs, r);
      if (next_token(p) != T_COMMA) break;
      p->pos++;
    }
    if (next_token(p) != T_RBRACK) return parse_error(p, next_token(p), M_COMMA_OR_RBRACK);
    p->pos++;
  }
  // (js_new_array_from copies the values into a fresh dense array.)
  JSValue arr = js_new_array_from(vm, elems->used, elems->v);
  if (rec && !js_is_exception(arr)) *rec = make_record(vm, arr, JS_UNDEFINED, recs);
  return arr;
}

// One "key": value member of an object; the cursor is on the key's quote.
// With records, the key and the value's record are appended to *recs.
static bool parse_member(Parser *p, JSValue obj, JSArrayStore **recs) {
  JSValue name = parse_string(p);
  if (js_is_exception(name)) return false;
  JSValue key = js_to_property_key(p->vm, name);
  // Keys become property keys: "1" is the element 1, other strings are
  // interned.
  if (js_is_exception(key)) return false;
  if (next_token(p) != T_COLON) {
    parse_error(p, next_token(p), M_COLON);
    return false;
  }
  p->pos++;
  JSValue r = JS_UNDEFINED;
  JSValue v = parse_value(p, recs ? &r : NULL);
  if (js_is_exception(v)) return false;
  if (recs) {
    *recs = js_store_push(p->vm, *recs, key);
    *recs = js_store_push(p->vm, *recs, r);
  }
  // CreateDataProperty: a later duplicate key replaces the earlier value,
  // and "__proto__" is an ordinary own property here.
  return js_create_data_property_or_throw(p->vm, obj, key, v) >= 0;
}

// The members after '{' (the cursor is on the first key's quote).
static bool parse_members(Parser *p, JSValue obj, JSArrayStore **recs) {
  for (;;) {
    if (!parse_member(p, obj, recs)) return false;
    if (next_token(p) != T_COMMA) break;
    p->pos++;
    Token t = next_token(p);
    if (t != T_STRING) {
      parse_error(p, t, M_DOUBLE_QUOTED_NAME);
      return false;
    }
  }
  Token t = next_token(p);
  if (t != T_RBRACE) {
    parse_error(p, t, M_COMMA_OR_RBRACE);
    return false;
  }
  return true;
}

// An object; the cursor is on '{'.
static JSValue parse_object(Parser *p, JSValue *rec) {
  JSVM *vm = p->vm;
  if (!js_check_stack(vm)) return JS_EXCEPTION;
  p->pos++;
  JSValue obj = js_new_object(vm);
  JSArrayStore *recs = rec ? js_new_store(vm, 8) : NULL;
  Token t = next_token(p);
  if (t != T_RBRACE) {
    // The first key has its own message: '}' would also have been fine.
    if (t != T_STRING) return parse_error(p, t, M_PROP_NAME_OR_RBRACE);
    if (!parse_members(p, obj, rec ? &recs : NULL)) return JS_EXCEPTION;
  }
  p->pos++;
  if (rec) *rec = make_record(vm, obj, JS_UNDEFINED, recs);
  return obj;
}

// Any value, after optional white space; *rec (when asked for) gets its
// parse record.
static JSValue parse_value(Parser *p, JSValue *rec) {
  Token t = next_token(p);
  uint32_t start = p->pos;
  // start: where the value's text begins, for its parse record.
  JSValue v = JS_UNDEFINED;
  switch (t) {
    case T_STRING: v = parse_string(p); break;
    case T_NUMBER: v = parse_number(p); break;
    case T_LBRACK: return parse_array(p, rec);
    case T_LBRACE: return parse_object(p, rec);
    case T_TRUE: v = parse_literal(p, "true", JS_TRUE); break;
    case T_FALSE: v = parse_literal(p, "false", JS_FALSE); break;
    case T_NULL: v = parse_literal(p, "null", JS_NULL); break;
    case T_RBRACK: case T_RBRACE: case T_WS: case T_COLON: case T_COMMA:
    case T_ILLEGAL: case T_EOS:
      return unexpected_char(p);
  }
  return primitive_record(p, v, start, rec) ? v : JS_EXCEPTION;
}

// A whole JSON text: one value and nothing but white space after it.
static JSValue parse_text(Parser *p, JSValue *rec) {
  JSValue result = parse_value(p, rec);
  if (js_is_exception(result)) return result;
  // After the value only white space may follow (V8's ExpectNext EOS).
  Token t = next_token(p);
  if (t != T_EOS) return parse_error(p, t, M_NON_WHITESPACE_AFTER);
  return result;
}

/* {==== JSON.parse: the reviver walk (InternalizeJSONProperty) ====} */

static JSValue internalize(JSVM *vm, JSValue holder, JSValue key, JSValue reviver, JSValue rec);

// Replace (or, for undefined, delete) val[key] with the revived value.
// Failures to define or delete are ignored, as the spec says.
static bool revive_member(JSVM *vm, JSValue val, JSValue key, JSValue reviver, JSValue rec) {
  JSValue nv = internalize(vm, val, key, reviver, rec);
  if (js_is_exception(nv)) return false;
  // Steps 2.b.iii / 2.c.ii.2-3 of InternalizeJSONProperty: the results of
  // [[Delete]] and CreateDataProperty are not checked, only abrupt ones.
  int r = js_is_undefined(nv) ? js_delete_property(vm, val, key, false)
                              : js_define_value(vm, val, key, nv, JS_ATTR_DEFAULT);
  return r >= 0;
}

// EnumerableOwnProperties(val, key): own string keys whose property is
// enumerable when we get to it (a getter may have deleted later ones).
static JSArrayStore *enumerable_keys(JSVM *vm, JSValue val) {
  JSArrayStore *all = js_own_keys(vm, val, JS_KEYS_STRINGS);
  if (!all) return NULL;
  // [[GetOwnProperty]] runs for each key (a proxy would see every call),
  // and the enumerable flag is the one at that moment.
  JSArrayStore *out = js_new_store(vm, all->used ? all->used : 1);
  for (uint32_t i = 0; i < all->used; i++) {
    JSPropDesc d;
    int r = js_get_own_property(vm, val, all->v[i], &d);
    if (r < 0) return NULL;
    if (r && (d.attrs & JS_ATTR_ENUMERABLE)) out = js_store_push(vm, out, all->v[i]);
  }
  return out;
}

// The record parsed for member key of an object (the last one when the
// key was repeated), or undefined.
static JSValue member_record(JSArrayStore *recs, JSValue key) {
  JSValue found = JS_UNDEFINED;
  // A short scan: objects in JSON text rarely have many members, and
  // only revivers pay for it.
  for (uint32_t i = 0; recs && i + 1 < recs->used; i += 2)
    if (recs->v[i].bits == key.bits) found = recs->v[i + 1];
  return found;
}

// Walk the children of an object or array, reviving each; recs are the
// children's parse records while the value is still the one parsed.
static bool internalize_children(JSVM *vm, JSValue val, JSValue reviver, JSArrayStore *recs) {
  int arr = is_array(vm, val);
  if (arr < 0) return false;
  if (arr) {
    double len;
    if (!js_length_of_array_like(vm, val, &len)) return false;
    // The length is read once (a reviver that grows the array does not
    // extend the walk); each index is visited whether present or not.
    for (double i = 0; i < len; i++) {
      JSValue r = recs && i < recs->used ? recs->v[(uint32_t)i] : JS_UNDEFINED;
      if (!revive_member(vm, val, index_key(vm, i), reviver, r)) return false;
    }
    return true;
  }
  JSArrayStore *keys = enumerable_keys(vm, val);
  if (!keys) return false;
  for (uint32_t i = 0; i < keys->used; i++)
    if (!revive_member(vm, val, keys->v[i], reviver, member_record(recs, keys->v[i]))) return false;
  return true;
}

// InternalizeJSONProperty(holder, name, reviver, parseRecord) (§25.5.1.1,
// with the source-text access of ES2025+): the reviver's third argument
// is a context object whose "source" is the literal's text, as long as
// the value is still the primitive that was parsed.
static JSValue internalize(JSVM *vm, JSValue holder, JSValue key, JSValue reviver, JSValue rec) {
  if (!js_check_stack(vm)) return JS_EXCEPTION;
  JSValue val = js_get(vm, holder, key);
  if (js_is_exception(val)) return val;
  JSValue context = js_new_object(vm);
  JSArrayStore *recs = NULL;
  // The record still describes val only if val is the very value that
  // was parsed there (SameValue): a reviver may have replaced it.
  if (js_is_heap(rec) && js_same_value(((JSArrayStore *)js_heap(rec))->v[0], val)) {
    JSValue src = ((JSArrayStore *)js_heap(rec))->v[1];
    if (!js_is_object(val) &&
        js_create_data_property_or_throw(vm, context, vm->atom[JS_ATOM_source], src) < 0)
      return JS_EXCEPTION;
    recs = record_children(rec);
  }
  if (js_is_object(val) && !internalize_children(vm, val, reviver, recs)) return JS_EXCEPTION;
  JSValue name = js_key_to_string(vm, key);
  if (js_is_exception(name)) return name;
  // The reviver gets the key as a string, the value and the context,
  // with the holder as this.
  JSValue args[3] = {name, val, context};
  return js_call(vm, reviver, holder, 3, args);
}

// JSON.parse(text [, reviver])
static JSValue json_parse(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  (void)self, (void)nt;
  JSValue text = js_to_string(vm, js_arg(0));
  if (js_is_exception(text)) return text;
  JSValue reviver = js_arg(1);
  bool revive = js_is_callable(reviver);
  // Parse records cost memory: they are only made for a reviver.
  Parser p = {vm, text, js_string_flat(vm, js_str(text)), 0, js_string_length(text)};
  JSValue rec = JS_UNDEFINED;
  JSValue result = parse_text(&p, revive ? &rec : NULL);
  if (js_is_exception(result) || !revive) return result;
  // The walk starts from a fresh holder { "": result }.
  JSValue root = js_new_object(vm);
  JSValue empty = vm->atom[JS_ATOM_empty];
  if (js_create_data_property_or_throw(vm, root, empty, result) < 0) return JS_EXCEPTION;
  return internalize(vm, root, empty, reviver, rec);
}

/* {==== JSON.rawJSON and JSON.isRawJSON ====} */

// Raw JSON objects are the only objects with the map kept in the realm's
// RawJSONMap slot: a null prototype, one frozen "rawJSON" property, not
// extensible. That map is their [[IsRawJSON]] internal slot.
static bool is_raw_json(JSVM *vm, JSValue v) {
  JSValue m = js_intrinsic(vm, RawJSONMap);
  return js_is_object(v) && js_is_heap(m) && (void *)js_obj(v)->map == js_heap(m);
}

static void make_raw_json_map(JSVM *vm) {
  JSMap *root = js_new_map(vm, JS_TYPE_Object, JS_NULL, sizeof(JSObject), 1);
  JSMap *m = js_map_add(vm, root, js_to_property_key(vm, js_atom(vm, "rawJSON")), JS_ATTR_ENUMERABLE);
  // No object uses m yet, and no other code reaches root: marking it
  // non-extensible here is safe (SetIntegrityLevel frozen, up front).
  m->flags |= JS_MAP_NOT_EXTENSIBLE;
  js_intrinsic(vm, RawJSONMap) = js_val(m);
}

static bool json_space(uint16_t c) { return c == '\t' || c == '\n' || c == '\r' || c == ' '; }

// JSON.rawJSON(text): a frozen, null-prototype object whose rawJSON
// string JSON.stringify copies verbatim; text must be a primitive JSON
// value without surrounding white space.
static JSValue json_raw_json(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  JSValue text = js_to_string(vm, js_arg(0));
  if (js_is_exception(text)) return text;
  uint32_t n = js_string_length(text);
  if (n == 0 || json_space(js_string_char_code(vm, text, 0)) ||
      json_space(js_string_char_code(vm, text, n - 1)))
    return js_throw_syntax_error(vm, "Invalid value for JSON.rawJSON");
  Parser p = {vm, text, js_string_flat(vm, js_str(text)), 0, n};
  Token t = next_token(&p);
  if (t == T_LBRACE || t == T_LBRACK) return js_throw_syntax_error(vm, "Invalid value for JSON.rawJSON");
  if (js_is_exception(parse_text(&p, NULL))) return JS_EXCEPTION;
  JSObject *o = js_new_object_of(vm, js_heap(js_intrinsic(vm, RawJSONMap)));
  js_inline_slots(o)[0] = text;  // fresh object: raw store
  return js_val(o);
}

// JSON.isRawJSON(O)
static JSValue json_is_raw_json(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  return js_from_bool(is_raw_json(vm, js_arg(0)));
}

/* {==== JSON.stringify ====} */

typedef struct Stringifier {
  JSVM *vm;
  JSStrBuf sb;            // the whole output, appended in order
  JSValue replacer;       // ReplacerFunction, or undefined
  JSArrayStore *props;    // PropertyList (property keys), or NULL
  JSArrayStore *stack;    // objects being serialized, outermost first
  JSArrayStore *path;     // the key each stack entry was reached by
  uint16_t gap[10];
  uint32_t gap_len;
  uint32_t depth;         // nesting level: the indent is gap * depth
  // The stack's objects by address, once it is deep (a linear scan per
  // level would make deep nesting quadratic). Addresses are stable: every
  // object on the stack is also held by a live C frame of the walk, and
  // the conservative scan pins what C frames hold.
  uint64_t *set;
  uint32_t set_cap, set_count;
} Stringifier;

/* {==== The stack as a hash set ====} */

enum { LINEAR_DEPTH = 64 };  // below this, a scan is cheaper than hashing

// The home slot of a value's bits: murmur3's finalizer mixes the
// address bits, whose low ones are always zero (8-byte alignment).
static uint32_t slot_of(uint64_t bits, uint32_t mask) {
  bits ^= bits >> 33;
  bits *= 0xFF51AFD7ED558CCDull;
  bits ^= bits >> 33;
  return (uint32_t)bits & mask;
}

// Whether bits is in the set (linear probing; the table is never full).
static bool set_has(const Stringifier *s, uint64_t bits) {
  if (!s->set) return false;
  uint32_t mask = s->set_cap - 1;
  for (uint32_t i = slot_of(bits, mask);; i = (i + 1) & mask) {
    if (s->set[i] == bits) return true;
    if (s->set[i] == 0) return false;
  }
}

// Place bits in the first free slot of its probe run.
static void set_insert(uint64_t *set, uint32_t cap, uint64_t bits) {
  uint32_t mask = cap - 1, i = slot_of(bits, mask);
  while (set[i]) i = (i + 1) & mask;
  set[i] = bits;
}

// Add bits (never 0: it is a heap pointer's word), growing at half full.
static void set_add(Stringifier *s, uint64_t bits) {
  if ((s->set_count + 1) * 2 > s->set_cap) {
    uint32_t cap = s->set_cap ? s->set_cap * 2 : 256;
    uint64_t *n = calloc(cap, sizeof *n);
    for (uint32_t i = 0; i < s->set_cap; i++)
      if (s->set[i]) set_insert(n, cap, s->set[i]);
    free(s->set);
    s->set = n;
    s->set_cap = cap;
  }
  set_insert(s->set, s->set_cap, bits);
  s->set_count++;
}

// Remove bits, shifting later members of its probe run back so that no
// lookup stops early at the hole (linear probing without tombstones).
static void set_remove(Stringifier *s, uint64_t bits) {
  uint32_t mask = s->set_cap - 1, i = slot_of(bits, mask);
  while (s->set[i] != bits) i = (i + 1) & mask;
  for (uint32_t j = (i + 1) & mask; s->set[j]; j = (j + 1) & mask) {
    uint32_t home = slot_of(s->set[j], mask);
    // Move j into the hole at i unless its home lies cyclically in (i, j].
    bool stays = i <= j ? (home > i && home <= j) : (home > i || home <= j);
    if (!stays) {
      s->set[i] = s->set[j];
      i = j;
    }
  }
  s->set[i] = 0;
  s->set_count--;
}

// QuoteJSONString (§25.5.2.3): the short escapes, \u00XX for the other
// controls, and \uDXXX for surrogates that are not part of a pair (the
// well-formed JSON.stringify rule).
static void quote_units(JSStrBuf *sb, JSString *f) {
  uint32_t n = f->length;
  js_sb_char(sb, '"');
  for (uint32_t i = 0; i < n; i++) {
    uint16_t c = js_flat_char(f, i);
    const char *esc = NULL;
    // The seven characters with a short escape.
    switch (c) {
      case '\b': esc = "\\b"; break;
      case '\t': esc = "\\t"; break;
      case '\n': esc = "\\n"; break;
      case '\f': esc = "\\f"; break;
      case '\r': esc = "\\r"; break;
      case '"': esc = "\\\""; break;
      case '\\': esc = "\\\\"; break;
    }
    if (esc) {
      js_sb_ascii(sb, esc);
      continue;
    }
    bool lone = false;
    if (c >= 0xD800 && c <= 0xDBFF) {
      uint16_t d = i + 1 < n ? js_flat_char(f, i + 1) : 0;
      if (d >= 0xDC00 && d <= 0xDFFF) {
        // A proper pair passes through unchanged.
        js_sb_char(sb, c);
        js_sb_char(sb, d);
        i++;
        continue;
      }
      lone = true;
    } else if (c >= 0xDC00 && c <= 0xDFFF) {
      lone = true;
    }
    if (c < 0x20 || lone) {
      js_sb_printf(sb, "\\u%04x", c);
    } else {
      js_sb_char(sb, c);
    }
  }
  js_sb_char(sb, '"');
}

// The same for a string value (flattened to be read unit by unit).
static void quote_string(JSStrBuf *sb, JSValue s) {
  quote_units(sb, js_string_flat(sb->vm, js_str(s)));
}

// A newline and the indent for the current depth (only when gap != "").
static void newline_indent(Stringifier *s, uint32_t depth) {
  js_sb_char(&s->sb, '\n');
  // The indent string is the gap repeated, never built: it is written.
  for (uint32_t d = 0; d < depth; d++)
    for (uint32_t i = 0; i < s->gap_len; i++) js_sb_char(&s->sb, s->gap[i]);
}

// GetConstructorName as V8's messages use it: the name of the first
// "constructor" data property (a named function) on the prototype chain;
// no getter runs. "Object" when there is none.
static void append_constructor_name(JSVM *vm, JSStrBuf *sb, JSValue o) {
  for (int hops = 0; js_is_object(o) && hops < 1000; hops++) {
    JSPropDesc d;
    // (hops: a bound on odd chains; the message only needs a name)
    if (js_get_own_property(vm, o, vm->atom[JS_ATOM_constructor], &d) == 1 &&
        d.has_value && js_is_function(d.value)) {
      JSPropDesc nd;
      if (js_get_own_property(vm, d.value, vm->atom[JS_ATOM_name], &nd) == 1 &&
          nd.has_value && js_is_string(nd.value) && js_string_length(nd.value)) {
        js_sb_string(sb, nd.value);
        return;
      }
    }
    o = js_obj(o)->map->proto;
  }
  js_sb_ascii(sb, "Object");
}

// "index 3" / "property 'name'" / "<anonymous>", as V8 names a key.
static void append_key(JSVM *vm, JSStrBuf *sb, JSValue key) {
  uint32_t index;
  // V8 names array elements (and integer keys) by their index.
  if (js_key_is_index(key, &index)) {
    js_sb_printf(sb, "index %u", index);
  } else if (js_is_string(key) && js_string_length(key) == 0) {
    js_sb_ascii(sb, "<anonymous>");
  } else {
    js_sb_ascii(sb, "property '");
    js_sb_string(sb, js_is_string(key) ? key : js_key_to_string(vm, key));
    js_sb_char(sb, '\'');
  }
}

// One line of the circle: how stack entry i was reached, and its kind.
static void append_link(Stringifier *s, JSStrBuf *sb, uint32_t i) {
  js_sb_ascii(sb, "\n    |     ");
  append_key(s->vm, sb, s->path->v[i]);
  js_sb_ascii(sb, " -> object with constructor '");
  append_constructor_name(s->vm, sb, s->stack->v[i]);
  js_sb_char(sb, '\'');
}

// V8's TypeError for a cycle: where the circle starts, the keys along it
// (the middle elided when long), and the key that closes it.
static JSValue throw_circular(Stringifier *s, uint32_t start, JSValue key) {
  JSVM *vm = s->vm;
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  js_sb_ascii(&sb, "Converting circular structure to JSON\n    --> starting at object with constructor '");
  append_constructor_name(vm, &sb, s->stack->v[start]);
  js_sb_char(&sb, '\'');
  uint32_t size = s->stack->used;
  uint32_t prefix_end = start + 3 < size ? start + 3 : size;
  // V8 prints the first two links, "...", and the last one when the
  // circle is longer than that (kCircularErrorMessagePrefixCount and
  // PostfixCount, counted from the starting object).
  for (uint32_t i = start + 1; i < prefix_end; i++) append_link(s, &sb, i);
  if (size > prefix_end + 1) js_sb_ascii(&sb, "\n    |     ...");
  for (uint32_t i = size - 1 > prefix_end ? size - 1 : prefix_end; i < size; i++)
    append_link(s, &sb, i);
  js_sb_ascii(&sb, "\n    --- ");
  append_key(vm, &sb, key);
  js_sb_ascii(&sb, " closes the circle");
  JSValue msg = js_sb_finish(&sb);
  if (js_is_exception(msg)) return msg;
  return js_throw(vm, js_new_error(vm, JS_ERR_TypeError, msg));
}

// Enter value (reached by key): the cycle check, the stack check, push.
// The first LINEAR_DEPTH entries are scanned; deeper ones are in the set.
static bool enter(Stringifier *s, JSValue value, JSValue key) {
  uint32_t n = s->stack->used;
  bool deep_hit = n > LINEAR_DEPTH && set_has(s, value.bits);
  // A hit in the set still needs the scan, for the index the message
  // starts from; misses never scan past LINEAR_DEPTH.
  for (uint32_t i = 0; i < (deep_hit ? n : n < LINEAR_DEPTH ? n : LINEAR_DEPTH); i++) {
    if (s->stack->v[i].bits == value.bits) {
      throw_circular(s, i, key);
      return false;
    }
  }
  // A cycle is reported before the stack check: the cycle is the better
  // diagnosis when both apply.
  if (!js_check_stack(s->vm)) return false;
  if (n >= LINEAR_DEPTH) set_add(s, value.bits);
  s->stack = js_store_push(s->vm, s->stack, value);
  s->path = js_store_push(s->vm, s->path, key);
  s->depth++;
  return true;
}

// Pop what enter pushed (the entry's slot keeps its stale value until
// it is overwritten; the list owns it either way).
static void leave(Stringifier *s) {
  uint32_t n = --s->stack->used;
  if (n >= LINEAR_DEPTH) set_remove(s, s->stack->v[n].bits);
  s->path->used--;
  s->depth--;
}

static int serialize_property(Stringifier *s, JSValue holder, JSValue key);

// SerializeJSONObject (§25.5.2.5). Members whose value serializes to
// undefined are written and then cut off again (the output is one buffer).
static int serialize_object(Stringifier *s, JSValue value, JSValue key) {
  JSVM *vm = s->vm;
  if (!enter(s, value, key)) return -1;
  JSArrayStore *keys = s->props ? s->props : enumerable_keys(vm, value);
  if (!keys) return -1;
  // K: the replacer's property list when there is one, else the own
  // enumerable string keys at this moment.
  js_sb_char(&s->sb, '{');
  bool any = false;
  for (uint32_t i = 0; i < keys->used; i++) {
    uint32_t mark = s->sb.len;
    if (any) js_sb_char(&s->sb, ',');
    // The member is written optimistically; the spec builds it apart and
    // appends it only when the value is not undefined.
    if (s->gap_len) newline_indent(s, s->depth);
    JSValue name = js_key_to_string(vm, keys->v[i]);
    if (js_is_exception(name)) return -1;
    quote_string(&s->sb, name);
    js_sb_char(&s->sb, ':');
    if (s->gap_len) js_sb_char(&s->sb, ' ');
    int r = serialize_property(s, value, keys->v[i]);
    if (r < 0) return -1;
    if (r == 0) {
      s->sb.len = mark;  // undefined: the member is dropped
    } else {
      any = true;
    }
  }
  leave(s);
  if (any && s->gap_len) newline_indent(s, s->depth);
  // The closing brace sits at the outer indent; "{}" has no line break.
  js_sb_char(&s->sb, '}');
  return 1;
}

// SerializeJSONArray (§25.5.2.6): undefined elements become null.
static int serialize_array(Stringifier *s, JSValue value, JSValue key) {
  JSVM *vm = s->vm;
  if (!enter(s, value, key)) return -1;
  double len;
  if (!js_length_of_array_like(vm, value, &len)) return -1;
  // LengthOfArrayLike may run a getter (on a proxy); every index below
  // it is serialized, holes as null.
  js_sb_char(&s->sb, '[');
  for (double i = 0; i < len; i++) {
    if (i > 0) js_sb_char(&s->sb, ',');
    if (s->gap_len) newline_indent(s, s->depth);
    int r = serialize_property(s, value, index_key(vm, i));
    if (r < 0) return -1;
    if (r == 0) js_sb_ascii(&s->sb, "null");
    // A huge sparse array must not run the builder far past its limit.
    if (s->sb.failed) break;
  }
  leave(s);
  if (len > 0 && s->gap_len) newline_indent(s, s->depth);
  js_sb_char(&s->sb, ']');
  return 1;
}

// Step 4 of SerializeJSONProperty: wrapper objects stand for their
// primitive (Number and String ones through ToNumber / ToString, which
// may run user code).
static JSValue unwrap_primitive(JSVM *vm, JSValue value) {
  if (!js_is_type(value, JS_TYPE_Primitive)) return value;
  JSValue inner = ((JSPrimitiveObject *)js_heap(value))->value;
  if (js_is_number(inner)) {
    double d;
    if (!js_to_number(vm, value, &d)) return JS_EXCEPTION;
    // ToNumber(value) calls valueOf on the wrapper (user code may have
    // replaced it), as the spec says; booleans and BigInts are read
    // directly from their slot.
    return js_from_number(d);
  }
  if (js_is_string(inner)) return js_to_string(vm, value);
  if (js_is_bool(inner) || js_is_type(inner, JS_TYPE_BigInt)) return inner;
  return value;  // a Symbol wrapper is serialized as an ordinary object
}

// Steps 2-3: toJSON, then the replacer function.
static JSValue transform(Stringifier *s, JSValue holder, JSValue key, JSValue value) {
  JSVM *vm = s->vm;
  JSValue name = JS_UNDEFINED;  // the key as a string, made on demand
  if (js_is_object(value) || js_is_type(value, JS_TYPE_BigInt)) {
    // GetV(value, "toJSON"): BigInts look it up on BigInt.prototype,
    // other primitives never do.
    JSValue to_json = js_get(vm, value, vm->atom[JS_ATOM_toJSON]);
    if (js_is_exception(to_json)) return to_json;
    if (js_is_callable(to_json)) {
      name = js_key_to_string(vm, key);
      if (js_is_exception(name)) return name;
      value = js_call(vm, to_json, value, 1, &name);
      if (js_is_exception(value)) return value;
    }
  }
  // The replacer sees the value after toJSON, with the holder as this.
  if (js_is_undefined(s->replacer)) return value;
  if (js_is_undefined(name)) name = js_key_to_string(vm, key);
  if (js_is_exception(name)) return name;
  JSValue args[2] = {name, value};
  return js_call(vm, s->replacer, holder, 2, args);
}

// SerializeJSONProperty (§25.5.2.2): 1 when text was written, 0 when the
// value serializes to undefined, -1 on exception.
static int serialize_property(Stringifier *s, JSValue holder, JSValue key) {
  JSVM *vm = s->vm;
  JSValue value = js_get(vm, holder, key);
  if (js_is_exception(value)) return -1;
  // Step 1: [[Get]] (getters run, proxies trap); steps 2-4 below.
  value = transform(s, holder, key, value);
  if (js_is_exception(value)) return -1;
  value = unwrap_primitive(vm, value);
  if (js_is_exception(value)) return -1;
  if (is_raw_json(vm, value)) {
    // A raw JSON object stands for its text, copied verbatim.
    JSValue raw = js_get_str(vm, value, "rawJSON");
    if (js_is_exception(raw)) return -1;
    js_sb_string(&s->sb, raw);
    return 1;
  }
  if (js_is_null(value)) {
    js_sb_ascii(&s->sb, "null");
  } else if (js_is_bool(value)) {
    js_sb_ascii(&s->sb, js_bool(value) ? "true" : "false");
  } else if (js_is_string(value)) {
    quote_string(&s->sb, value);
  } else if (js_is_number(value)) {
    double d = js_number_value(value);
    char buf[JS_DTOA_BUFSIZE];
    // Finite numbers as Number::toString writes them (-0 as "0").
    if (d - d == 0) {
      js_dtoa(d, buf);
      js_sb_ascii(&s->sb, buf);
    } else {
      js_sb_ascii(&s->sb, "null");  // NaN and the infinities
    }
  } else if (js_is_type(value, JS_TYPE_BigInt)) {
    js_throw_type_error(vm, "Do not know how to serialize a BigInt");
    return -1;
  } else if (js_is_object(value) && !js_is_callable(value)) {
    // Functions are skipped like undefined; other objects recurse.
    int arr = is_array(vm, value);
    if (arr < 0) return -1;
    return arr ? serialize_array(s, value, key) : serialize_object(s, value, key);
  } else {
    return 0;  // undefined, symbols, functions
  }
  return 1;
}

// Step 4.b: the property list from an array replacer: its string and
// number elements (and their wrappers) as keys, without repeats.
static JSArrayStore *property_list(JSVM *vm, JSValue replacer) {
  double len;
  if (!js_length_of_array_like(vm, replacer, &len)) return NULL;
  JSArrayStore *list = js_new_store(vm, 8);
  for (double k = 0; k < len; k++) {
    // Every element is read (a getter runs even for skipped types).
    JSValue v = js_get(vm, replacer, index_key(vm, k));
    if (js_is_exception(v)) return NULL;
    JSValue item = JS_UNDEFINED;
    if (js_is_string(v) || js_is_number(v)) {
      item = js_to_string(vm, v);
    } else if (js_is_type(v, JS_TYPE_Primitive)) {
      JSValue inner = ((JSPrimitiveObject *)js_heap(v))->value;
      if (js_is_string(inner) || js_is_number(inner)) item = js_to_string(vm, v);
    }
    if (js_is_undefined(item)) continue;
    if (js_is_exception(item)) return NULL;
    JSValue key = js_to_property_key(vm, item);
    if (js_is_exception(key)) return NULL;
    // "If item is not undefined and PropertyList does not contain item":
    // keys compare by bits, so "1" and 1 are the same entry.
    bool seen = false;
    for (uint32_t i = 0; i < list->used && !seen; i++) seen = list->v[i].bits == key.bits;
    if (!seen) list = js_store_push(vm, list, key);
  }
  return list;
}

// Steps 5-8: the gap from the space argument (at most ten units).
static bool set_gap(Stringifier *s, JSValue space) {
  JSVM *vm = s->vm;
  // Number and String wrappers are unwrapped with ToNumber / ToString
  // (user valueOf/toString run); other objects mean no gap.
  if (js_is_type(space, JS_TYPE_Primitive)) {
    JSValue inner = ((JSPrimitiveObject *)js_heap(space))->value;
    if (js_is_number(inner)) {
      double d;
      if (!js_to_number(vm, space, &d)) return false;
      space = js_from_number(d);
    } else if (js_is_string(inner)) {
      space = js_to_string(vm, space);
      if (js_is_exception(space)) return false;
    }
  }
  s->gap_len = 0;
  if (js_is_number(space)) {
    // min(10, ToIntegerOrInfinity(space)) spaces; below 1, none.
    double n;
    if (!js_to_integer_or_infinity(vm, space, &n)) return false;
    if (n > 10) n = 10;
    for (int i = 0; i < n; i++) s->gap[s->gap_len++] = ' ';
  } else if (js_is_string(space)) {
    // The first ten code units, whatever they are.
    uint32_t n = js_string_length(space);
    for (uint32_t i = 0; i < n && i < 10; i++) s->gap[s->gap_len++] = js_string_char_code(vm, space, i);
  }
  return true;
}

// JSON.stringify(value [, replacer [, space]])
static JSValue json_stringify(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  (void)self, (void)nt;
  Stringifier s;
  memset(&s, 0, sizeof s);
  s.vm = vm;
  s.replacer = JS_UNDEFINED;
  JSValue replacer = js_arg(1);
  if (js_is_callable(replacer)) {
    // Step 4: a function replaces values; an array lists the keys to
    // keep; anything else is ignored.
    s.replacer = replacer;
  } else {
    int arr = is_array(vm, replacer);
    if (arr < 0) return JS_EXCEPTION;
    if (arr) {
      s.props = property_list(vm, replacer);
      if (!s.props) return JS_EXCEPTION;
    }
  }
  if (!set_gap(&s, js_arg(2))) return JS_EXCEPTION;
  s.stack = js_new_store(vm, 16);
  s.path = js_new_store(vm, 16);
  // The stack and the keys along it (for the circular-structure message).
  // The walk starts from a fresh holder { "": value }.
  JSValue wrapper = js_new_object(vm);
  JSValue empty = vm->atom[JS_ATOM_empty];
  if (js_create_data_property_or_throw(vm, wrapper, empty, js_arg(0)) < 0) return JS_EXCEPTION;
  js_sb_init(&s.sb, vm);
  int r = serialize_property(&s, wrapper, empty);
  free(s.set);
  // One buffer for the whole text; nothing is written for undefined.
  if (r <= 0) {
    js_sb_free(&s.sb);
    return r < 0 ? JS_EXCEPTION : JS_UNDEFINED;
  }
  return js_sb_finish(&s.sb);
}

// For util.format's %j (the console family): JSON.stringify(v).
JSValue js_json_stringify(JSVM *vm, JSValue v) {
  return json_stringify(vm, JS_UNDEFINED, 1, &v, JS_UNDEFINED);
}

/* {==== Installation ====} */

// JSON is a plain object (§25.5) holding the four functions and its tag.
void js_init_json(JSVM *vm) {
  JSValue json = js_new_object(vm);
  js_def_method(vm, json, "parse", json_parse, 2);
  js_def_method(vm, json, "stringify", json_stringify, 3);
  js_def_method(vm, json, "rawJSON", json_raw_json, 1);
  js_def_method(vm, json, "isRawJSON", json_is_raw_json, 1);
  make_raw_json_map(vm);
  js_define_value(vm, json, vm->symbol[JS_SYMBOL_toStringTag], js_atom(vm, "JSON"),
                  JS_ATTR_CONFIGURABLE);
  js_def_value(vm, vm->realm->global, "JSON", json, JS_ATTR_METHOD);
}
