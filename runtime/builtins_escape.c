/*
 * runtime/builtins_escape.c — the Annex B global functions escape and
 * unescape (ECMA-262 §B.2.1): percent-encoding of UTF-16 code units,
 * "%XX" below 256 and "%uXXXX" above, with A-Z a-z 0-9 and @*_+-./ left
 * as they are.
 *
 * Invariants: both work on code units, never code points (a surrogate
 * pair escapes as two %u sequences), and unescape leaves every '%' that
 * does not start a complete, well-formed sequence as it is.
 */
#include "runtime/runtime.h"

// The characters escape leaves alone (§B.2.1.1 step 4: the ASCII word
// characters and "@*+-./").
static bool unescaped(uint16_t c) {
  if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return true;
  return c == '@' || c == '*' || c == '_' || c == '+' || c == '-' || c == '.' || c == '/';
}

// escape(string) (§B.2.1.1).
static JSValue global_escape(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  static const char hex[] = "0123456789ABCDEF";
  JSValue s = js_to_string(vm, js_arg(0));
  if (js_is_exception(s)) return s;
  JSString *f = js_string_flat(vm, js_str(s));
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  for (uint32_t i = 0; i < f->length; i++) {
    uint16_t c = js_flat_char(f, i);
    if (unescaped(c)) {
      js_sb_char(&sb, c);
      continue;
    }
    js_sb_char(&sb, '%');
    if (c >= 256) {
      js_sb_char(&sb, 'u');
      js_sb_char(&sb, (uint16_t)hex[c >> 12]);
      js_sb_char(&sb, (uint16_t)hex[(c >> 8) & 15]);
    }
    js_sb_char(&sb, (uint16_t)hex[(c >> 4) & 15]);
    js_sb_char(&sb, (uint16_t)hex[c & 15]);
  }
  return js_sb_finish(&sb);
}

// The value of hex digit c, or -1.
static int hex_value(uint16_t c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The number spelled by n hex digits of f from i, or -1 if one is not.
static int32_t hex_run(const JSString *f, uint32_t i, int n) {
  int32_t v = 0;
  for (int k = 0; k < n; k++) {
    int d = hex_value(js_flat_char(f, i + (uint32_t)k));
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

// unescape(string) (§B.2.1.2).
static JSValue global_unescape(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  JSValue s = js_to_string(vm, js_arg(0));
  if (js_is_exception(s)) return s;
  JSString *f = js_string_flat(vm, js_str(s));
  uint32_t len = f->length;
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  for (uint32_t k = 0; k < len; k++) {
    uint16_t c = js_flat_char(f, k);
    if (c == '%') {
      int32_t v = -1;
      // "%uXXXX" first, then "%XX"; a malformed one stays as it is.
      if (k + 6 <= len && js_flat_char(f, k + 1) == 'u') v = hex_run(f, k + 2, 4);
      if (v >= 0) {
        k += 5;
      } else if (k + 3 <= len && (v = hex_run(f, k + 1, 2)) >= 0) {
        k += 2;
      }
      if (v >= 0) c = (uint16_t)v;
    }
    js_sb_char(&sb, c);
  }
  return js_sb_finish(&sb);
}

void js_init_escape(JSVM *vm) {
  JSValue g = vm->realm->global;
  js_def_method(vm, g, "escape", global_escape, 1);
  js_def_method(vm, g, "unescape", global_unescape, 1);
}
