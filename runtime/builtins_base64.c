/*
 * runtime/builtins_base64.c — the `base64` family: the Uint8Array
 * base64 and hex methods of ES2026 (§23.3.3.x, the former
 * proposal-arraybuffer-base64): Uint8Array.fromBase64, Uint8Array.fromHex
 * and Uint8Array.prototype.toBase64, toHex, setFromBase64, setFromHex,
 * with the abstract operations FromBase64, DecodeBase64Chunk,
 * SkipAsciiWhitespace and FromHex. They are installed onto the existing
 * Uint8Array constructor and prototype, so the family runs after
 * `typedarray` (runtime.h JS_BUILTIN_FAMILIES); it reads them from the
 * typedarray family's internals (builtins_typedarray.h).
 *
 * Invariants:
 *  - The decoders (from_base64, from_hex) run no user code and allocate
 *    nothing: every observable step (option getters, the receiver's
 *    out-of-bounds check) happens before them, so setFromBase64 and
 *    setFromHex decode straight into the target's bytes, and what they
 *    write before an error is exactly the spec's [[Bytes]] written by
 *    SetUint8ArrayBytes before the SyntaxError is thrown.
 *  - A decoder never writes more than max bytes: FromBase64 stops before
 *    a chunk that could not fit (its steps 9.h-i), FromHex at max bytes.
 *  - Strings are flattened before any raw pointer into a typed array's
 *    buffer is taken (flattening allocates); nothing allocates while a
 *    decoder or encoder holds a data or character pointer, except in
 *    toBase64/toHex, which allocate the result first and read the
 *    buffer's data pointer afterwards (allocation never detaches).
 *  - Option values must already be Strings (no ToString): an object such
 *    as Object("base64") is a TypeError, as the spec requires.
 */
#include <stdlib.h>
#include <string.h>

#include "runtime/builtins_typedarray.h"

/* {==== Alphabets ====} */

static const char b64_std[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
static const char b64_url[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

// The value of each ASCII character in the two alphabets; 255 marks
// anything else ('=' and whitespace too: the decoder handles them apart).
static const uint8_t b64_std_value[128] = {
    255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
    255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
    255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,  62, 255, 255, 255,  63,
     52,  53,  54,  55,  56,  57,  58,  59,  60,  61, 255, 255, 255, 255, 255, 255,
    255,   0,   1,   2,   3,   4,   5,   6,   7,   8,   9,  10,  11,  12,  13,  14,
     15,  16,  17,  18,  19,  20,  21,  22,  23,  24,  25, 255, 255, 255, 255, 255,
    255,  26,  27,  28,  29,  30,  31,  32,  33,  34,  35,  36,  37,  38,  39,  40,
     41,  42,  43,  44,  45,  46,  47,  48,  49,  50,  51, 255, 255, 255, 255, 255,
};
static const uint8_t b64_url_value[128] = {
    255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
    255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
    255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,  62, 255, 255,
     52,  53,  54,  55,  56,  57,  58,  59,  60,  61, 255, 255, 255, 255, 255, 255,
    255,   0,   1,   2,   3,   4,   5,   6,   7,   8,   9,  10,  11,  12,  13,  14,
     15,  16,  17,  18,  19,  20,  21,  22,  23,  24,  25, 255, 255, 255, 255,  63,
    255,  26,  27,  28,  29,  30,  31,  32,  33,  34,  35,  36,  37,  38,  39,  40,
     41,  42,  43,  44,  45,  46,  47,  48,  49,  50,  51, 255, 255, 255, 255, 255,
};

static inline unsigned b64_value(uint16_t c, bool url) {
  if (c >= 128) return 255;
  return url ? b64_url_value[c] : b64_std_value[c];
}

/* {==== FromBase64 / FromHex (no user code, no allocation) ====} */

typedef enum B64Last { B64_LOOSE, B64_STRICT, B64_STOP_BEFORE_PARTIAL } B64Last;

// The record FromBase64 and FromHex return: [[Read]], the length of
// [[Bytes]] (the bytes themselves went to the caller's buffer) and
// [[Error]] as the SyntaxError's message, NULL for none.
typedef struct B64Result {
  uint64_t read;
  uint64_t written;
  const char *error;
} B64Result;

// The decoder's state: the input, where the bytes go, the pending
// partial chunk (chunk_len sextets accumulated in chunk).
typedef struct B64Dec {
  const JSString *s;
  uint32_t len;
  bool url;
  B64Last last;
  uint8_t *out;
  uint64_t max;        /* maxLength; UINT64_MAX when absent */
  uint32_t chunk;
  int chunk_len;
} B64Dec;

// SkipAsciiWhitespace: the first index at or after i that is not TAB,
// LF, FF, CR or SPACE.
static uint32_t skip_ascii_whitespace(const JSString *s, uint32_t i) {
  for (; i < s->length; i++) {
    uint16_t c = js_flat_char(s, i);
    if (c != 0x09 && c != 0x0A && c != 0x0C && c != 0x0D && c != 0x20) break;
  }
  return i;
}

// DecodeBase64Chunk for the pending partial chunk (2 or 3 sextets, as if
// padded with 'A's): appends 1 or 2 bytes, or sets the SyntaxError when
// throw_on_extra_bits and the padding bits are not zero.
static void decode_partial_chunk(B64Dec *d, B64Result *r, bool throw_on_extra_bits) {
  uint32_t c = d->chunk;
  if (d->chunk_len == 2) {
    if (throw_on_extra_bits && (c & 0xF)) {
      r->error = "Invalid base64 string: nonzero padding bits";
      return;
    }
    d->out[r->written++] = (uint8_t)(c >> 4);
  } else {
    if (throw_on_extra_bits && (c & 0x3)) {
      r->error = "Invalid base64 string: nonzero padding bits";
      return;
    }
    d->out[r->written++] = (uint8_t)(c >> 10);
    d->out[r->written++] = (uint8_t)(c >> 2);
  }
}

// FromBase64 step 9.b: the input is exhausted (index = length).
static void at_end(B64Dec *d, B64Result *r) {
  if (d->chunk_len > 0) {
    switch (d->last) {
      case B64_STOP_BEFORE_PARTIAL:
        return;   // read stays at the end of the last whole chunk
      case B64_LOOSE:
        if (d->chunk_len == 1) {
          r->error = "Invalid base64 string: a lone character at the end";
          return;
        }
        decode_partial_chunk(d, r, false);
        break;
      case B64_STRICT:
        r->error = "Invalid base64 string: missing padding";
        return;
    }
  }
  r->read = d->len;
}

// FromBase64 step 9.e: an '=' was read and i is the index after it.
static void at_padding(B64Dec *d, B64Result *r, uint32_t i) {
  if (d->chunk_len < 2) {
    r->error = "Invalid base64 string: padding too early";
    return;
  }
  i = skip_ascii_whitespace(d->s, i);
  if (d->chunk_len == 2) {
    // Two sextets need "==": a single '=' at the end is a partial chunk.
    if (i == d->len) {
      if (d->last != B64_STOP_BEFORE_PARTIAL)
        r->error = "Invalid base64 string: incomplete padding";
      return;
    }
    if (js_flat_char(d->s, i) == '=') i = skip_ascii_whitespace(d->s, i + 1);
  }
  if (i < d->len) {
    r->error = "Invalid base64 string: unexpected character after padding";
    return;
  }
  decode_partial_chunk(d, r, d->last == B64_STRICT);
  if (!r->error) r->read = d->len;
}

// The common case done fast: whole chunks of four alphabet characters
// with room for their three bytes, from i with no chunk pending. Stops
// at anything else (whitespace, '=', an invalid character, the last
// chunk that might not fit) for the general loop. Returns the new index.
static uint32_t decode_whole_chunks(B64Dec *d, B64Result *r, uint32_t i) {
  const JSString *s = d->s;
  if (s->flags & JS_STR_TWO_BYTE) return i;
  const uint8_t *c = s->u.c8;
  const uint8_t *tab = d->url ? b64_url_value : b64_std_value;
  while (i + 4 <= d->len && d->max - r->written >= 3) {
    if ((c[i] | c[i + 1] | c[i + 2] | c[i + 3]) & 0x80) break;
    unsigned a = tab[c[i]], b = tab[c[i + 1]], e = tab[c[i + 2]], f = tab[c[i + 3]];
    if ((a | b | e | f) & 0x80) break;
    uint32_t x = a << 18 | b << 12 | e << 6 | f;
    uint8_t *o = d->out + r->written;
    o[0] = (uint8_t)(x >> 16);
    o[1] = (uint8_t)(x >> 8);
    o[2] = (uint8_t)x;
    r->written += 3;
    i += 4;
    r->read = i;
  }
  return i;
}

// FromBase64(string, alphabet, lastChunkHandling, maxLength) (ES2026),
// writing [[Bytes]] to out (room for max bytes, or for every byte the
// string can give when max is UINT64_MAX).
static B64Result from_base64(const JSString *s, bool url, B64Last last, uint8_t *out,
                             uint64_t max) {
  B64Result r = {0, 0, NULL};
  B64Dec d = {s, s->length, url, last, out, max, 0, 0};
  if (max == 0) return r;
  uint32_t i = 0;
  for (;;) {
    if (d.chunk_len == 0) {
      i = decode_whole_chunks(&d, &r, i);
      // Step 9.l.v: a full target ends the decoding right after a chunk.
      if (r.written == max) return r;
    }
    i = skip_ascii_whitespace(s, i);
    if (i == d.len) {
      at_end(&d, &r);
      return r;
    }
    uint16_t c = js_flat_char(s, i++);
    if (c == '=') {
      at_padding(&d, &r, i);
      return r;
    }
    unsigned v = b64_value(c, url);
    if (v == 255) {
      r.error = "Invalid base64 string: unexpected character";
      return r;
    }
    // Steps h-i: a chunk whose bytes could not all fit is not started;
    // stopping here leaves room to check for padding (read unchanged).
    uint64_t remaining = max - r.written;
    if ((remaining == 1 && d.chunk_len == 2) || (remaining == 2 && d.chunk_len == 3))
      return r;
    d.chunk = d.chunk << 6 | v;
    if (++d.chunk_len == 4) {
      out[r.written++] = (uint8_t)(d.chunk >> 16);
      out[r.written++] = (uint8_t)(d.chunk >> 8);
      out[r.written++] = (uint8_t)d.chunk;
      d.chunk = 0;
      d.chunk_len = 0;
      r.read = i;
      if (r.written == max) return r;
    }
  }
}

static inline int hex_value(uint16_t c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// FromHex(string, maxLength): pairs of hex digits into out (room for max
// bytes); an odd length is an error before anything is read.
static B64Result from_hex(const JSString *s, uint8_t *out, uint64_t max) {
  B64Result r = {0, 0, NULL};
  uint32_t len = s->length;
  if (len % 2 != 0) {
    r.error = "Invalid hex string: odd length";
    return r;
  }
  while (r.read < len && r.written < max) {
    int hi = hex_value(js_flat_char(s, (uint32_t)r.read));
    int lo = hex_value(js_flat_char(s, (uint32_t)r.read + 1));
    if (hi < 0 || lo < 0) {
      r.error = "Invalid hex string: unexpected character";
      return r;
    }
    r.read += 2;
    out[r.written++] = (uint8_t)(hi << 4 | lo);
  }
  return r;
}

/* {==== Encoders ====} */

// The length of the base64 text of n bytes.
static uint64_t base64_length(uint64_t n, bool omit_padding) {
  uint64_t rest = n % 3;
  return n / 3 * 4 + (rest == 0 ? 0 : omit_padding ? rest + 1 : 4);
}

// RFC 4648 §4 (or §5 for base64url) encoding of n bytes at p into out.
static void encode_base64(const uint8_t *p, uint64_t n, uint8_t *out, bool url,
                          bool omit_padding) {
  const char *abc = url ? b64_url : b64_std;
  uint64_t i = 0;
  for (; i + 3 <= n; i += 3) {
    uint32_t x = (uint32_t)p[i] << 16 | (uint32_t)p[i + 1] << 8 | p[i + 2];
    *out++ = (uint8_t)abc[x >> 18];
    *out++ = (uint8_t)abc[(x >> 12) & 63];
    *out++ = (uint8_t)abc[(x >> 6) & 63];
    *out++ = (uint8_t)abc[x & 63];
  }
  if (i == n) return;
  // One or two bytes left: two or three characters, then the padding.
  uint32_t x = (uint32_t)p[i] << 16 | (i + 1 < n ? (uint32_t)p[i + 1] << 8 : 0);
  *out++ = (uint8_t)abc[x >> 18];
  *out++ = (uint8_t)abc[(x >> 12) & 63];
  if (i + 1 < n) *out++ = (uint8_t)abc[(x >> 6) & 63];
  else if (!omit_padding) *out++ = '=';
  if (!omit_padding) *out = '=';
}

static void encode_hex(const uint8_t *p, uint64_t n, uint8_t *out) {
  static const char digits[] = "0123456789abcdef";
  for (uint64_t i = 0; i < n; i++) {
    *out++ = (uint8_t)digits[p[i] >> 4];
    *out++ = (uint8_t)digits[p[i] & 15];
  }
}

/* {==== Arguments and options ====} */

// ValidateUint8Array's test: [[TypedArrayName]] is "Uint8Array" (not
// Uint8ClampedArray, not a DataView).
static bool is_uint8_array(JSValue v) {
  return js_is_typed_array(v) && js_typed_array(v)->kind == JS_TA_Uint8;
}

// Whether v is a String equal to the ASCII text lit (no conversion).
static bool string_is(JSVM *vm, JSValue v, const char *lit) {
  if (!js_is_string(v)) return false;
  size_t n = strlen(lit);
  JSString *s = js_string_flat(vm, js_str(v));
  if (s->length != n) return false;
  for (size_t i = 0; i < n; i++)
    if (js_flat_char(s, (uint32_t)i) != (uint8_t)lit[i]) return false;
  return true;
}

// GetOptionsObject: undefined stands for a fresh null-prototype object
// (whose properties all read undefined, so none is made); other
// non-objects are a TypeError. False on exception.
static bool get_options_object(JSVM *vm, JSValue options, JSValue *out) {
  if (js_is_undefined(options) || js_is_object(options)) {
    *out = options;
    return true;
  }
  js_throw_type_error(vm, "Options argument must be an object");
  return false;
}

// Get(opts, name) of an options record; undefined when opts is.
static JSValue get_option(JSVM *vm, JSValue opts, const char *name) {
  if (js_is_undefined(opts)) return JS_UNDEFINED;
  return js_get_str(vm, opts, name);
}

// The "alphabet" option: *url gets whether it is "base64url".
static bool get_alphabet(JSVM *vm, JSValue opts, bool *url) {
  JSValue a = get_option(vm, opts, "alphabet");
  if (js_is_exception(a)) return false;
  *url = false;
  if (js_is_undefined(a) || string_is(vm, a, "base64")) return true;
  if (string_is(vm, a, "base64url")) {
    *url = true;
    return true;
  }
  js_throw_type_error(vm, "expected alphabet to be either \"base64\" or \"base64url\"");
  return false;
}

// The "lastChunkHandling" option (fromBase64, setFromBase64).
static bool get_last_chunk_handling(JSVM *vm, JSValue opts, B64Last *last) {
  JSValue v = get_option(vm, opts, "lastChunkHandling");
  if (js_is_exception(v)) return false;
  *last = B64_LOOSE;
  if (js_is_undefined(v) || string_is(vm, v, "loose")) return true;
  if (string_is(vm, v, "strict")) {
    *last = B64_STRICT;
    return true;
  }
  if (string_is(vm, v, "stop-before-partial")) {
    *last = B64_STOP_BEFORE_PARTIAL;
    return true;
  }
  js_throw_type_error(vm, "expected lastChunkHandling to be either \"loose\", \"strict\", "
                          "or \"stop-before-partial\"");
  return false;
}

// The options of fromBase64 / setFromBase64, in the spec's order:
// GetOptionsObject, alphabet, lastChunkHandling.
static bool get_decode_options(JSVM *vm, JSValue options, bool *url, B64Last *last) {
  JSValue opts;
  return get_options_object(vm, options, &opts) && get_alphabet(vm, opts, url) &&
         get_last_chunk_handling(vm, opts, last);
}

static JSValue not_a_string(JSVM *vm, const char *method) {
  return js_throw_type_error(vm, "%s: argument is not a string", method);
}

/* {==== Uint8Array.fromBase64 / fromHex ====} */

// Steps shared by fromBase64 and fromHex once decoding succeeded:
// AllocateTypedArray(%Uint8Array%, n) and the copy of the bytes.
static JSValue new_uint8_array(JSVM *vm, const uint8_t *bytes, uint64_t n) {
  JSValue ta = js_new_typed_array(vm, JS_TA_Uint8, n);
  if (js_is_exception(ta)) return JS_EXCEPTION;
  if (n) memcpy(js_ta_data(js_typed_array(ta)), bytes, n);
  return ta;
}

// Uint8Array.fromBase64(string [, options]). The receiver is ignored:
// the result is always a plain %Uint8Array%.
static JSValue u8_from_base64(JSVM *vm, JSValue self, int argc, JSValue *argv,
                              JSValue new_target) {
  JSValue str = js_arg(0);
  if (!js_is_string(str)) return not_a_string(vm, "Uint8Array.fromBase64");
  bool url;
  B64Last last;
  if (!get_decode_options(vm, js_arg(1), &url, &last)) return JS_EXCEPTION;
  JSString *s = js_string_flat(vm, js_str(str));
  // Every 4 characters give at most 3 bytes, a final partial chunk 2.
  uint8_t *bytes = malloc((size_t)s->length / 4 * 3 + 3);
  if (!bytes) return js_throw_range_error(vm, "Array buffer allocation failed");
  B64Result r = from_base64(s, url, last, bytes, UINT64_MAX);
  JSValue ta = r.error ? js_throw_syntax_error(vm, "%s", r.error)
                       : new_uint8_array(vm, bytes, r.written);
  free(bytes);
  return ta;
}

// Uint8Array.fromHex(string).
static JSValue u8_from_hex(JSVM *vm, JSValue self, int argc, JSValue *argv,
                           JSValue new_target) {
  JSValue str = js_arg(0);
  if (!js_is_string(str)) return not_a_string(vm, "Uint8Array.fromHex");
  JSString *s = js_string_flat(vm, js_str(str));
  uint8_t *bytes = malloc((size_t)s->length / 2 + 1);
  if (!bytes) return js_throw_range_error(vm, "Array buffer allocation failed");
  B64Result r = from_hex(s, bytes, UINT64_MAX);
  JSValue ta = r.error ? js_throw_syntax_error(vm, "%s", r.error)
                       : new_uint8_array(vm, bytes, r.written);
  free(bytes);
  return ta;
}

/* {==== Uint8Array.prototype.toBase64 / toHex ====} */

// A fresh one-byte string of n characters to fill in, or NULL after a
// RangeError when n is over the string length limit. n > 0.
static JSString *alloc_ascii(JSVM *vm, uint64_t n) {
  if (n > JS_STRING_MAX_LENGTH) {
    js_throw_range_error(vm, "Invalid string length");
    return NULL;
  }
  return js_string_alloc(vm, (uint32_t)n, false);
}

// Uint8Array.prototype.toBase64([options]): the options are read before
// GetUint8ArrayBytes checks the buffer (a getter may detach it).
static JSValue u8_to_base64(JSVM *vm, JSValue self, int argc, JSValue *argv,
                            JSValue new_target) {
  static const char method[] = "Uint8Array.prototype.toBase64";
  if (!is_uint8_array(self)) return js_ta_incompatible(vm, method, self);
  JSValue opts;
  bool url;
  if (!get_options_object(vm, js_arg(0), &opts) || !get_alphabet(vm, opts, &url))
    return JS_EXCEPTION;
  JSValue omit = get_option(vm, opts, "omitPadding");
  if (js_is_exception(omit)) return JS_EXCEPTION;
  bool omit_padding = js_to_boolean(omit);
  uint64_t len;
  JSTypedArray *t = js_typed_array_validate(vm, self, method, &len);
  if (!t) return JS_EXCEPTION;
  uint64_t n = base64_length(len, omit_padding);
  if (n == 0) return vm->atom[JS_ATOM_empty];
  JSString *out = alloc_ascii(vm, n);
  if (!out) return JS_EXCEPTION;
  // The data pointer is read after the allocation (which cannot detach).
  encode_base64(js_ta_data(t), len, out->u.c8, url, omit_padding);
  return js_val(out);
}

// Uint8Array.prototype.toHex().
static JSValue u8_to_hex(JSVM *vm, JSValue self, int argc, JSValue *argv,
                         JSValue new_target) {
  static const char method[] = "Uint8Array.prototype.toHex";
  if (!is_uint8_array(self)) return js_ta_incompatible(vm, method, self);
  uint64_t len;
  JSTypedArray *t = js_typed_array_validate(vm, self, method, &len);
  if (!t) return JS_EXCEPTION;
  if (len == 0) return vm->atom[JS_ATOM_empty];
  JSString *out = alloc_ascii(vm, len * 2);
  if (!out) return JS_EXCEPTION;
  encode_hex(js_ta_data(t), len, out->u.c8);
  return js_val(out);
}

/* {==== Uint8Array.prototype.setFromBase64 / setFromHex ====} */

// The end of setFromBase64 / setFromHex: throw the decoder's error (the
// bytes before it are written already), else { read, written }.
static JSValue set_result(JSVM *vm, const B64Result *r) {
  if (r->error) return js_throw_syntax_error(vm, "%s", r->error);
  JSValue obj = js_new_object(vm);
  JSValue read_key = js_to_property_key(vm, js_atom(vm, "read"));
  if (js_create_data_property_or_throw(vm, obj, read_key, js_from_number((double)r->read)) < 0)
    return JS_EXCEPTION;
  JSValue written_key = js_to_property_key(vm, js_atom(vm, "written"));
  if (js_create_data_property_or_throw(vm, obj, written_key,
                                       js_from_number((double)r->written)) < 0)
    return JS_EXCEPTION;
  return obj;
}

// Uint8Array.prototype.setFromBase64(string [, options]): decodes into
// the receiver's bytes, at most its length.
static JSValue u8_set_from_base64(JSVM *vm, JSValue self, int argc, JSValue *argv,
                                  JSValue new_target) {
  static const char method[] = "Uint8Array.prototype.setFromBase64";
  if (!is_uint8_array(self)) return js_ta_incompatible(vm, method, self);
  JSValue str = js_arg(0);
  if (!js_is_string(str)) return not_a_string(vm, method);
  bool url;
  B64Last last;
  if (!get_decode_options(vm, js_arg(1), &url, &last)) return JS_EXCEPTION;
  uint64_t len;
  JSTypedArray *t = js_typed_array_validate(vm, self, method, &len);
  if (!t) return JS_EXCEPTION;
  // Flattening allocates: done before the buffer's data pointer is taken.
  JSString *s = js_string_flat(vm, js_str(str));
  B64Result r = from_base64(s, url, last, js_ta_data(t), len);
  return set_result(vm, &r);
}

// Uint8Array.prototype.setFromHex(string).
static JSValue u8_set_from_hex(JSVM *vm, JSValue self, int argc, JSValue *argv,
                               JSValue new_target) {
  static const char method[] = "Uint8Array.prototype.setFromHex";
  if (!is_uint8_array(self)) return js_ta_incompatible(vm, method, self);
  JSValue str = js_arg(0);
  if (!js_is_string(str)) return not_a_string(vm, method);
  uint64_t len;
  JSTypedArray *t = js_typed_array_validate(vm, self, method, &len);
  if (!t) return JS_EXCEPTION;
  JSString *s = js_string_flat(vm, js_str(str));
  B64Result r = from_hex(s, js_ta_data(t), len);
  return set_result(vm, &r);
}

/* {==== Installation ====} */

// The family's installer: after `typedarray`, whose %Uint8Array% and
// %Uint8Array.prototype% it extends.
void js_init_base64(JSVM *vm) {
  JSValue *in = js_ta_internals(vm);
  // Copied out first: the store may move while methods are allocated.
  JSValue ctor = in[TI_CTOR + JS_TA_Uint8];
  JSValue proto = in[TI_PROTO + JS_TA_Uint8];
  js_def_method(vm, ctor, "fromBase64", u8_from_base64, 1);
  js_def_method(vm, ctor, "fromHex", u8_from_hex, 1);
  js_def_method(vm, proto, "toBase64", u8_to_base64, 0);
  js_def_method(vm, proto, "toHex", u8_to_hex, 0);
  js_def_method(vm, proto, "setFromBase64", u8_set_from_base64, 1);
  js_def_method(vm, proto, "setFromHex", u8_set_from_hex, 1);
}
