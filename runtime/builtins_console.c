/*
 * runtime/builtins_console.c — the console object, as node has it: log,
 * info, debug, dirxml (stdout), error, warn, trace (stderr), assert, count
 * and countReset, time / timeLog / timeEnd, group / groupCollapsed /
 * groupEnd, dir, table (node's box-drawn tables) and clear.
 *
 * Invariants:
 *  - Lines are formatted the way node's util.formatWithOptions does
 *    (format_args below: %s %d %i %f %j %o %O %c %% in a leading string,
 *    the other arguments inspected and joined by spaces) and written
 *    whole, each followed by "\n", with the group indentation in front of
 *    every line. stdout is flushed before anything goes to stderr so the
 *    two streams interleave as node's synchronous writes do.
 *  - The per-VM state (group depth, counters, timers) lives in C memory
 *    keyed by label text: no JSValue is kept outside the heap.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "ignition/ignition.h"
#include "runtime/inspect.h"
#include "runtime/numconv.h"
#include "runtime/runtime.h"

/* {==== Per-VM state ====} */

// A count or timer label. Labels are compared as text (WTF-8 bytes and a
// length, so that labels with NULs or lone surrogates stay distinct).
typedef struct Label {
  char *text;               // WTF-8 of the label
  size_t len;
  double value;             // a count, or a start time in ms
} Label;

typedef struct LabelSet {
  Label *v;
  size_t n, cap;
} LabelSet;

typedef struct ConsoleState {
  JSVM *vm;
  int group;                // indentation in spaces (2 per group)
  LabelSet counts, timers;
  struct ConsoleState *next;
} ConsoleState;

// One state per VM, found by a short walk (a process has few VMs).
// (A process normally has one VM; embedders with several get one
// console state each, like node's per-Console maps.)
static ConsoleState *states;

static ConsoleState *state_of(JSVM *vm) {
  for (ConsoleState *s = states; s; s = s->next)
    if (s->vm == vm) return s;
  ConsoleState *s = calloc(1, sizeof *s);
  s->vm = vm;
  s->next = states;
  states = s;
  return s;
}

// A linear search: programs use a handful of labels.
static Label *label_find(LabelSet *set, const char *text, size_t len) {
  for (size_t i = 0; i < set->n; i++)
    if (set->v[i].len == len && memcmp(set->v[i].text, text, len) == 0) return &set->v[i];
  return NULL;
}

static Label *label_add(LabelSet *set, const char *text, size_t len) {
  if (set->n == set->cap) {
    // Doubling, so adding n labels costs O(n) copies in all.
    set->cap = set->cap ? set->cap * 2 : 8;
    set->v = realloc(set->v, set->cap * sizeof *set->v);
  }
  Label *l = &set->v[set->n++];
  l->text = malloc(len + 1);
  memcpy(l->text, text, len + 1);
  l->len = len;
  l->value = 0;
  return l;
}

// Order does not matter: the last label takes the removed one's place.
static void label_remove(LabelSet *set, Label *l) {
  free(l->text);
  *l = set->v[--set->n];
}

// A monotonic clock, like process.hrtime: wall-clock changes do not
// affect timers.
static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* {==== Output ====} */

// Write one formatted message: the group indentation before it and after
// each of its newlines, then a newline.
static void write_line(JSVM *vm, FILE *out, JSValue text) {
  int indent = state_of(vm)->group;
  if (out != vm->out) fflush(vm->out);
  // stdout is buffered when it is a pipe; flushing it before stderr keeps
  // the two in program order, as node's synchronous writes are.
  // kGroupIndent: before the text and after each of its newlines.
  if (indent) {
    JSStrBuf sb;
    js_sb_init(&sb, vm);
    JSString *f = js_string_flat(vm, js_str(text));
    for (int i = 0; i < indent; i++) js_sb_char(&sb, ' ');
    for (uint32_t i = 0; i < f->length; i++) {
      uint16_t ch = js_flat_char(f, i);
      js_sb_char(&sb, ch);
      for (int k = 0; ch == '\n' && k < indent; k++) js_sb_char(&sb, ' ');
    }
    JSValue s = js_sb_finish(&sb);
    if (js_is_exception(s)) {
      js_take_exception(vm);  // too long to indent: print it as it is
    } else {
      text = s;
    }
  }
  js_print_value(vm, out, text);
  fputc('\n', out);
  // The text goes out as UTF-8 (lone surrogates as U+FFFD).
  if (out != vm->out) fflush(out);
}

// process.emitWarning's look, for misuse of labels (stderr).
static void warn(JSVM *vm, const char *fmt, const char *label) {
  fflush(vm->out);
  // node defers warnings to the next tick; jsvm prints them at once.
  fprintf(vm->err, "(jsvm:%d) Warning: ", (int)getpid());
  fprintf(vm->err, fmt, label);
  fputc('\n', vm->err);
  fflush(vm->err);
}

/* {==== util.format ====} */

// String(v): like ToString, but symbols give "Symbol(desc)".
static JSValue string_of(JSVM *vm, JSValue v) {
  if (!js_is_symbol(v)) return js_to_string(vm, v);
  JSValue desc = ((JSSymbol *)js_heap(v))->description;
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  js_sb_ascii(&sb, "Symbol(");
  if (js_is_string(desc)) js_sb_string(&sb, desc);
  js_sb_char(&sb, ')');
  return js_sb_finish(&sb);
}

// A BigInt as util.format prints it: its digits and "n".
static JSValue bigint_text(JSVM *vm, JSValue v) {
  JSValue s = js_to_string(vm, v);
  if (js_is_exception(s)) return s;
  return js_string_concat(vm, s, js_atom(vm, "n"));
}

// %s: numbers as inspect prints them, objects with a built-in toString
// inspected at depth 0, everything else String().
static JSValue format_s(JSVM *vm, JSValue v) {
  // (Numbers are formatted rather than converted so that -0 stays -0.)
  if (js_is_number(v)) return js_inspect_number(vm, js_number_value(v));
  if (js_is_type(v, JS_TYPE_BigInt)) return bigint_text(vm, v);
  if (!js_is_object(v) || js_is_callable(v)) return string_of(vm, v);
  int r = js_inspect_has_builtin_to_string(vm, v);
  if (r < 0) return JS_EXCEPTION;
  if (!r) return string_of(vm, v);
  JSInspectOptions o;
  js_inspect_defaults(&o);
  o.depth = 0;
  // Objects that would print "[object Object]" are inspected instead,
  // one level deep.
  return js_inspect_with(vm, v, &o);
}

// parseInt(String(v)) or parseFloat(String(v)).
static JSValue number_prefix(JSVM *vm, JSValue v, bool integer) {
  JSValue s = js_to_string(vm, v);
  if (js_is_exception(s)) return s;
  JSString *f = js_string_flat(vm, js_str(s));
  double d;
  // Radix 0: parseInt's default (10, or 16 after "0x").
  if (f->flags & JS_STR_TWO_BYTE) {
    d = integer ? js_parse_int_utf16(f->u.c16, f->length, 0) : js_parse_float_utf16(f->u.c16, f->length);
  } else {
    d = integer ? js_parse_int_latin1(f->u.c8, f->length, 0) : js_parse_float_latin1(f->u.c8, f->length);
  }
  return js_inspect_number(vm, d);
}

// %d %i %f: BigInts keep their digits, symbols are NaN.
static JSValue format_numeric(JSVM *vm, JSValue v, int conv) {
  if (conv != 'f' && js_is_type(v, JS_TYPE_BigInt)) return bigint_text(vm, v);
  if (js_is_symbol(v)) return js_atom(vm, "NaN");
  if (conv == 'd') {
    double d;
    // Number(v): ToNumber, which runs valueOf for objects.
    if (!js_to_number(vm, v, &d)) return JS_EXCEPTION;
    return js_inspect_number(vm, d);
  }
  return number_prefix(vm, v, conv == 'i');
}

// %j: JSON.stringify, with "[Circular]" for a cyclic value.
static JSValue format_j(JSVM *vm, JSValue v) {
  JSValue s = js_json_stringify(vm, v);
  if (js_is_undefined(s)) return js_atom(vm, "undefined");
  // undefined, functions and symbols have no JSON text: `${undefined}`.
  if (!js_is_exception(s)) return s;
  JSValue err = js_take_exception(vm);
  JSValue msg = js_is_type(err, JS_TYPE_Error) ? js_get(vm, err, vm->atom[JS_ATOM_message]) : JS_UNDEFINED;
  if (js_is_exception(msg)) return msg;
  // node compares the first line of the message with the one a known
  // cycle produces; any other error goes on.
  static const char circular[] = "Converting circular structure to JSON";
  if (js_is_string(msg) && js_string_length(msg) >= sizeof circular - 1) {
    JSValue head = js_string_substring(vm, msg, 0, sizeof circular - 1);
    if (js_string_equal(vm, head, js_atom(vm, circular))) return js_atom(vm, "[Circular]");
  }
  js_throw(vm, err);
  return JS_EXCEPTION;
}

// The text for conversion letter conv applied to v; undefined when conv
// is not one (the "%x" then stays as it is).
static JSValue substitute(JSVM *vm, int conv, JSValue v) {
  JSInspectOptions o;
  js_inspect_defaults(&o);
  switch (conv) {
    case 's': return format_s(vm, v);
    // %O is inspect with the console's options; %o adds showHidden and
    // looks four levels deep; %c (CSS) prints nothing.
    case 'd': case 'i': case 'f': return format_numeric(vm, v, conv);
    case 'j': return format_j(vm, v);
    case 'O': return js_inspect_with(vm, v, &o);
    case 'o':
      o.show_hidden = true;
      o.depth = 4;
      return js_inspect_with(vm, v, &o);
    case 'c': return vm->atom[JS_ATOM_empty];
  }
  return JS_UNDEFINED;
}

// Append s (a string, or JS_EXCEPTION) to the piece list.
static bool piece(JSVM *vm, JSArrayStore **parts, JSValue s) {
  if (js_is_exception(s)) return false;
  *parts = js_store_push(vm, *parts, s);
  return true;
}

// The pieces joined: the line's text (JS_EXCEPTION only when too long).
static JSValue concat_all(JSVM *vm, JSArrayStore *parts) {
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  for (uint32_t i = 0; i < parts->used; i++) js_sb_string(&sb, parts->v[i]);
  return js_sb_finish(&sb);
}

// The leading format string: substitutions consume arguments from argv[1]
// on. Returns how many arguments it used (0 when nothing was substituted,
// so that the string is printed as an ordinary argument), or -1.
static int format_leading(JSVM *vm, JSValue first, int argc, JSValue *argv, JSArrayStore **parts) {
  int a = 0;
  uint32_t n = js_string_length(first), last = 0;
  // a: arguments consumed; last: where the unprocessed text starts. A
  // '%' in the final position cannot start a conversion.
  for (uint32_t i = 0; i + 1 < n; i++) {
    if (js_string_char_code(vm, first, i) != '%') continue;
    int next = js_string_char_code(vm, first, ++i);
    if (next == '%') {
      // "%%" is a percent sign, whether or not arguments are left.
      if (!piece(vm, parts, js_string_substring(vm, first, last, i))) return -1;
      last = i + 1;
      continue;
    }
    // Without arguments left, conversions stay as written ("%s").
    if (a + 1 == argc) continue;
    JSValue t = substitute(vm, next, argv[a + 1]);
    if (js_is_undefined(t)) continue;  // not a conversion: keep the text
    if (js_is_exception(t)) return -1;
    a++;
    if (last != i - 1 && !piece(vm, parts, js_string_substring(vm, first, last, i - 1))) return -1;
    if (!piece(vm, parts, t)) return -1;
    last = i + 1;
  }
  // Nothing substituted: the caller prints the string as it is (node
  // leaves lastPos at 0, so even its "%%" stay doubled then).
  if (last == 0) return 0;
  if (last < n && !piece(vm, parts, js_string_substring(vm, first, last, n))) return -1;
  return a + 1;
}

// util.formatWithOptions(o, ...argv): the text of one console line.
static JSValue format_args(JSVM *vm, int argc, JSValue *argv, const JSInspectOptions *o) {
  // A lone string is printed exactly, '%' sequences and all.
  if (argc == 1 && js_is_string(argv[0])) return argv[0];
  JSArrayStore *parts = js_new_store(vm, 8);
  int a = 0;
  if (argc > 0 && js_is_string(argv[0])) {
    a = format_leading(vm, argv[0], argc, argv, &parts);
    if (a < 0) return JS_EXCEPTION;
  }
  bool space = a > 0;
  for (; a < argc; a++) {
    // The remaining arguments: strings raw, other values inspected, all
    // separated by single spaces.
    if (space && !piece(vm, &parts, js_atom(vm, " "))) return JS_EXCEPTION;
    JSValue v = argv[a];
    if (!piece(vm, &parts, js_is_string(v) ? v : js_inspect_with(vm, v, o))) return JS_EXCEPTION;
    space = true;
  }
  return concat_all(vm, parts);
}

/* {==== The methods ====} */

// The stream a logging method writes to, as its native's magic number.
enum { TO_STDOUT, TO_STDERR };

// log, info, debug, dirxml (magic TO_STDOUT); error, warn (TO_STDERR).
static JSValue console_log(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  JSInspectOptions o;
  js_inspect_defaults(&o);
  JSValue text = format_args(vm, argc, argv, &o);
  if (js_is_exception(text)) return text;
  write_line(vm, js_native_magic(vm) == TO_STDERR ? vm->err : vm->out, text);
  return JS_UNDEFINED;
}

// console.trace(...data): "Trace: <message>" and the stack, on stderr.
static JSValue console_trace(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  JSInspectOptions o;
  js_inspect_defaults(&o);
  JSValue msg = format_args(vm, argc, argv, &o);
  if (js_is_exception(msg)) return msg;
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  // The shape of an Error named "Trace": an empty message leaves just
  // the name, then the frames of the caller.
  js_sb_ascii(&sb, "Trace");
  if (js_string_length(msg)) {
    js_sb_ascii(&sb, ": ");
    js_sb_string(&sb, msg);
  }
  js_sb_string(&sb, ign_stack_string(vm));
  JSValue text = js_sb_finish(&sb);
  if (js_is_exception(text)) return text;
  write_line(vm, vm->err, text);
  return JS_UNDEFINED;
}

// console.assert(value, ...data): when value is falsy, warn with
// "Assertion failed" (": " and the first datum's string when given).
static JSValue console_assert(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  // The first datum becomes "Assertion failed: <it>" (template-literal
  // conversion, so a symbol throws), and the rest is formatted by warn.
  if (js_to_boolean(js_arg(0))) return JS_UNDEFINED;
  JSValue args[argc > 1 ? argc - 1 : 1];
  int n = argc > 1 ? argc - 1 : 1;
  for (int i = 1; i < argc; i++) args[i - 1] = argv[i];
  if (argc <= 1) {
    args[0] = js_atom(vm, "Assertion failed");
  } else {
    JSValue first = js_to_string(vm, argv[1]);
    if (js_is_exception(first)) return first;
    args[0] = js_string_concat(vm, js_atom(vm, "Assertion failed: "), first);
    if (js_is_exception(args[0])) return args[0];
  }
  JSInspectOptions o;
  js_inspect_defaults(&o);
  JSValue text = format_args(vm, n, args, &o);
  if (js_is_exception(text)) return text;
  write_line(vm, vm->err, text);
  return JS_UNDEFINED;
}

// The label argument: `${label}` with "default" for undefined.
// (A default parameter: only undefined means "default"; null is "null".)
static JSValue label_arg(JSVM *vm, JSValue v) {
  return js_is_undefined(v) ? js_atom(vm, "default") : js_to_string(vm, v);
}

// console.count(label): "label: N" on stdout.
static JSValue console_count(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  JSValue label = label_arg(vm, js_arg(0));
  if (js_is_exception(label)) return label;
  size_t len;
  char *text = js_string_utf8(vm, label, &len);
  LabelSet *set = &state_of(vm)->counts;
  Label *l = label_find(set, text, len);
  if (!l) l = label_add(set, text, len);
  // Counting starts at 1, per console.spec.whatwg.org's count().
  free(text);
  l->value++;
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  js_sb_string(&sb, label);
  js_sb_printf(&sb, ": %.0f", l->value);
  JSValue line = js_sb_finish(&sb);
  if (js_is_exception(line)) return line;
  write_line(vm, vm->out, line);
  return JS_UNDEFINED;
}

// console.countReset(label)
static JSValue console_count_reset(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  JSValue label = label_arg(vm, js_arg(0));
  if (js_is_exception(label)) return label;
  size_t len;
  char *text = js_string_utf8(vm, label, &len);
  LabelSet *set = &state_of(vm)->counts;
  Label *l = label_find(set, text, len);
  if (l) {
    label_remove(set, l);
  } else {
    // node warns rather than throws for an unknown label.
    warn(vm, "Count for '%s' does not exist", text);
  }
  free(text);
  return JS_UNDEFINED;
}

// Number(x.toFixed(3)) as text: at most three decimals, no trailing zeros.
static void sb_fixed3(JSStrBuf *sb, double x, bool trim) {
  char buf[JS_DTOA_FORMAT_BUFSIZE];
  int n = js_dtoa_fixed(x, 3, buf, sizeof buf);
  // trim: Number(x.toFixed(3)) drops trailing zeros ("1.5ms", "2ms").
  if (trim && n > 0) {
    char out[JS_DTOA_BUFSIZE];
    js_dtoa(js_string_to_number_latin1((const uint8_t *)buf, (size_t)n), out);
    js_sb_ascii(sb, out);
  } else {
    js_sb_ascii(sb, buf);
  }
}

// node's formatTime: "1.234ms", "2.500s", "1:02.345 (m:ss.mmm)",
// "1:01:02.345 (h:mm:ss.mmm)".
static JSValue format_time(JSVM *vm, double ms) {
  double hours = 0, minutes = 0, seconds = 0;
  if (ms >= 1000) {
    // Split into h/m/s only as far as the duration needs.
    if (ms >= 60000) {
      if (ms >= 3600000) {
        hours = floor(ms / 3600000);
        ms = fmod(ms, 3600000);
      }
      minutes = floor(ms / 60000);
      ms = fmod(ms, 60000);
    }
    seconds = ms / 1000;
  }
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  // seconds.toFixed(3).split('.'): whole seconds (padded to two
  // digits) and milliseconds are printed apart.
  if (hours != 0 || minutes != 0) {
    char buf[JS_DTOA_FORMAT_BUFSIZE];
    js_dtoa_fixed(seconds, 3, buf, sizeof buf);
    char *dot = strchr(buf, '.');
    *dot = 0;
    if (hours != 0) {
      js_sb_printf(&sb, "%.0f:%02.0f", hours, minutes);
    } else {
      js_sb_printf(&sb, "%.0f", minutes);
    }
    js_sb_printf(&sb, ":%s%s.%s (%sm:ss.mmm)", strlen(buf) < 2 ? "0" : "", buf, dot + 1,
                 hours != 0 ? "h:m" : "");
  } else if (seconds != 0) {
    sb_fixed3(&sb, seconds, false);
    js_sb_char(&sb, 's');
  } else {
    sb_fixed3(&sb, ms, true);
    js_sb_ascii(&sb, "ms");
  }
  return js_sb_finish(&sb);
}

// console.time(label): start a timer (a warning when it already runs).
static JSValue console_time(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  JSValue label = label_arg(vm, js_arg(0));
  if (js_is_exception(label)) return label;
  size_t len;
  char *text = js_string_utf8(vm, label, &len);
  LabelSet *set = &state_of(vm)->timers;
  // A running timer is not restarted.
  if (label_find(set, text, len)) {
    warn(vm, "Label '%s' already exists for console.time()", text);
  } else {
    label_add(set, text, len)->value = now_ms();
  }
  free(text);
  return JS_UNDEFINED;
}

// console.timeLog(label, ...data) (magic 0) and console.timeEnd(label)
// (magic 1, which also stops the timer): "label: 1.234ms [data]".
static JSValue console_time_log(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  bool end = js_native_magic(vm) == 1;
  JSValue label = label_arg(vm, js_arg(0));
  if (js_is_exception(label)) return label;
  size_t len;
  char *text = js_string_utf8(vm, label, &len);
  LabelSet *set = &state_of(vm)->timers;
  Label *l = label_find(set, text, len);
  if (!l) {
    warn(vm, end ? "No such label '%s' for console.timeEnd()" : "No such label '%s' for console.timeLog()",
         text);
    free(text);
    return JS_UNDEFINED;
  }
  free(text);
  double elapsed = now_ms() - l->value;
  if (end) label_remove(set, l);
  // The line is built by the log formatter: '%s: %s' then the extra data.
  JSValue time = format_time(vm, elapsed);
  if (js_is_exception(time)) return time;
  // self.log('%s: %s', label, formatted, ...data)
  int n = end ? 3 : (argc > 1 ? argc + 2 : 3);
  JSValue args[n];
  args[0] = js_atom(vm, "%s: %s");
  args[1] = label;
  args[2] = time;
  for (int i = 3; i < n; i++) args[i] = argv[i - 2];
  JSInspectOptions o;
  js_inspect_defaults(&o);
  JSValue line = format_args(vm, n, args, &o);
  if (js_is_exception(line)) return line;
  write_line(vm, vm->out, line);
  return JS_UNDEFINED;
}

// console.group(...label) and groupCollapsed: log the label, indent by 2.
static JSValue console_group(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  // The label is logged at the outer level; what follows is indented.
  if (argc > 0) {
    JSInspectOptions o;
    js_inspect_defaults(&o);
    JSValue text = format_args(vm, argc, argv, &o);
    if (js_is_exception(text)) return text;
    write_line(vm, vm->out, text);
  }
  state_of(vm)->group += 2;
  return JS_UNDEFINED;
}

static JSValue console_group_end(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  ConsoleState *s = state_of(vm);
  s->group = s->group >= 2 ? s->group - 2 : 0;
  // An extra groupEnd is harmless.
  return JS_UNDEFINED;
}

// console.dir(value, options): inspect with node's options (depth,
// showHidden, breakLength, maxArrayLength, maxStringLength), and without
// custom inspect functions unless options asks for them.
static JSValue console_dir(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  JSInspectOptions o;
  js_inspect_defaults(&o);
  o.custom_inspect = false;
  if (!js_inspect_read_options(vm, js_arg(1), &o)) return JS_EXCEPTION;
  JSValue text = js_inspect_with(vm, js_arg(0), &o);
  if (js_is_exception(text)) return text;
  write_line(vm, vm->out, text);
  return JS_UNDEFINED;
}

// console.clear(): only clears a terminal; output here is not one.
static JSValue console_clear(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  return JS_UNDEFINED;
}

/* {==== console.table ====} */

// node's _inspect for a cell: one line (breakLength Infinity), at most
// three array elements, and objects with more than two keys as [Object].
static JSValue cell_text(JSVM *vm, JSValue v) {
  JSInspectOptions o;
  js_inspect_defaults(&o);
  o.depth = 0;
  o.max_array_length = 3;
  o.break_length = 1000000000;
  if (js_is_object(v) && !js_is_array(v)) {
    JSArrayStore *keys = js_own_keys(vm, v, JS_KEYS_STRINGS | JS_KEYS_ENUMERABLE_ONLY);
    if (!keys) return JS_EXCEPTION;
    if (keys->used > 2) o.depth = -1;
  }
  return js_inspect_with(vm, v, &o);
}

// column[i] = text, growing the (holey) column array as needed.
static bool put_cell(JSVM *vm, JSValue column, uint32_t i, JSValue text) {
  if (js_is_exception(text)) return false;
  return js_set_index(vm, column, i, text, true) >= 0;
}

// The cell at row j of a column: its text, or "" for a hole.
static JSValue cell_at(JSVM *vm, JSValue column, uint32_t j) {
  int r = js_has_own_property(vm, column, js_index_key(j));
  if (r <= 0) return vm->atom[JS_ATOM_empty];
  JSValue v = js_get_index(vm, column, j);
  return js_is_string(v) ? v : vm->atom[JS_ATOM_empty];
}

// One row: "│ " cells padded to their column's width, joined by " │ ",
// then " │".
static void render_row(JSVM *vm, JSStrBuf *sb, JSArrayStore *cells, const uint32_t *widths) {
  // Box-drawing characters are not Latin-1: they go in as UTF-16 units.
  js_sb_char(sb, 0x2502);
  js_sb_char(sb, ' ');
  for (uint32_t i = 0; i < cells->used; i++) {
    js_sb_string(sb, cells->v[i]);
    uint32_t w = js_inspect_string_width(vm, cells->v[i]);
    for (uint32_t k = w; k < widths[i]; k++) js_sb_char(sb, ' ');
    if (i + 1 < cells->used) {
      js_sb_char(sb, ' ');
      js_sb_char(sb, 0x2502);
      js_sb_char(sb, ' ');
    }
  }
  js_sb_char(sb, ' ');
  js_sb_char(sb, 0x2502);
}

// A horizontal rule: left, the columns' dashes joined by mid, right.
static void render_rule(JSStrBuf *sb, const uint32_t *widths, uint32_t n, uint16_t left,
                        uint16_t mid, uint16_t right) {
  js_sb_char(sb, left);
  for (uint32_t i = 0; i < n; i++) {
    if (i) js_sb_char(sb, mid);
    for (uint32_t k = 0; k < widths[i] + 2; k++) js_sb_char(sb, 0x2500);
  }
  js_sb_char(sb, right);
}

// node's cli_table: the head row, a rule, then one row per index up to
// the longest column; every column as wide as its widest cell.
static JSValue render_table(JSVM *vm, JSArrayStore *head, JSArrayStore *cols) {
  uint32_t n = head->used, rows = 0;
  uint32_t *widths = calloc(n ? n : 1, sizeof *widths);
  for (uint32_t i = 0; i < n; i++) {
    widths[i] = js_inspect_string_width(vm, head->v[i]);
    uint32_t len = ((JSArrayObject *)js_heap(cols->v[i]))->length;
    if (len > rows) rows = len;
  }
  for (uint32_t i = 0; i < n; i++)
    for (uint32_t j = 0; j < rows; j++) {
      uint32_t w = js_inspect_string_width(vm, cell_at(vm, cols->v[i], j));
      if (w > widths[i]) widths[i] = w;
    }
  JSStrBuf sb;
  js_sb_init(&sb, vm);
  render_rule(&sb, widths, n, 0x250C, 0x252C, 0x2510);  // ┌ ┬ ┐
  js_sb_char(&sb, '\n');
  render_row(vm, &sb, head, widths);
  js_sb_char(&sb, '\n');
  render_rule(&sb, widths, n, 0x251C, 0x253C, 0x2524);  // ├ ┼ ┤
  js_sb_char(&sb, '\n');
  JSArrayStore *cells = js_new_store(vm, n ? n : 1);
  for (uint32_t j = 0; j < rows; j++) {
    cells->used = 0;
    for (uint32_t i = 0; i < n; i++) cells = js_store_push(vm, cells, cell_at(vm, cols->v[i], j));
    render_row(vm, &sb, cells, widths);
    js_sb_char(&sb, '\n');
  }
  render_rule(&sb, widths, n, 0x2514, 0x2534, 0x2518);  // └ ┴ ┘
  free(widths);
  return js_sb_finish(&sb);
}

// A Map or a Set: "(iteration index)", then Key and Values (Map) or just
// Values (Set), iterated with the realm's own entries / values.
static bool table_collection(JSVM *vm, JSValue data, bool is_map, JSArrayStore **head,
                             JSArrayStore **cols) {
  JSValue proto = is_map ? js_intrinsic(vm, MapPrototype) : js_intrinsic(vm, SetPrototype);
  JSPropDesc d;
  const char *method = is_map ? "entries" : "values";
  if (js_get_own_property(vm, proto, js_to_property_key(vm, js_atom(vm, method)), &d) != 1 ||
      !d.has_value || !js_is_callable(d.value))
    return true;
  JSValue it = js_call(vm, d.value, data, 0, NULL);
  JSValue next = js_is_exception(it) ? it : js_get(vm, it, vm->atom[JS_ATOM_next]);
  if (js_is_exception(next)) return false;
  JSValue index = js_new_array(vm, 0), keys = js_new_array(vm, 0), values = js_new_array(vm, 0);
  for (uint32_t i = 0;; i++) {
    JSValue res = js_call(vm, next, it, 0, NULL);
    JSValue done = js_is_exception(res) ? res : js_get(vm, res, vm->atom[JS_ATOM_done]);
    if (js_is_exception(done)) return false;
    if (js_to_boolean(done)) break;
    JSValue item = js_get(vm, res, vm->atom[JS_ATOM_value]);
    if (js_is_exception(item)) return false;
    JSValue value = is_map ? js_get_index(vm, item, 1) : item;
    if (js_is_exception(value) || !put_cell(vm, index, i, cell_text(vm, js_from_int32((int32_t)i))) ||
        !put_cell(vm, values, i, cell_text(vm, value)))
      return false;
    if (is_map && !put_cell(vm, keys, i, cell_text(vm, js_get_index(vm, item, 0)))) return false;
  }
  *head = js_store_push(vm, *head, js_atom(vm, "(iteration index)"));
  *cols = js_store_push(vm, *cols, index);
  if (is_map) {
    *head = js_store_push(vm, *head, js_atom(vm, "Key"));
    *cols = js_store_push(vm, *cols, keys);
  }
  *head = js_store_push(vm, *head, js_atom(vm, "Values"));
  *cols = js_store_push(vm, *cols, values);
  return true;
}

// The cells of row i for one object item: one column per key (the
// properties argument's, or the item's own enumerable ones), "" where
// the item lacks the key.
static bool table_item(JSVM *vm, JSValue columns, uint32_t i, JSValue item, JSValue props) {
  bool primitive = !js_is_object(item);
  JSArrayStore *keys = !js_is_undefined(props) ? js_list_from_array_like(vm, props)
                                               : js_own_keys(vm, item, JS_KEYS_STRINGS | JS_KEYS_ENUMERABLE_ONLY);
  if (!keys) return false;
  for (uint32_t k = 0; k < keys->used; k++) {
    JSValue key = js_to_property_key(vm, keys->v[k]);
    if (js_is_exception(key)) return false;
    JSValue col = js_get(vm, columns, key);
    if (js_is_exception(col)) return false;
    if (js_is_undefined(col)) {
      col = js_new_array(vm, 0);
      if (js_define_value(vm, columns, key, col, JS_ATTR_DEFAULT) < 0) return false;
    }
    int own = primitive ? 0 : js_has_own_property(vm, item, key);
    if (own < 0) return false;
    JSValue text = own ? js_get(vm, item, key) : JS_UNDEFINED;
    if (js_is_exception(text)) return false;
    if (!put_cell(vm, col, i, own ? cell_text(vm, text) : vm->atom[JS_ATOM_empty])) return false;
  }
  return true;
}

// Any other object: "(index)" (its keys), a column per key of its
// items, and "Values" for items that are primitives.
static bool table_object(JSVM *vm, JSValue data, JSValue props, JSArrayStore **head,
                         JSArrayStore **cols) {
  JSArrayStore *rows = js_own_keys(vm, data, JS_KEYS_STRINGS | JS_KEYS_ENUMERABLE_ONLY);
  if (!rows) return false;
  // The columns by key, in Object.keys order (a null-prototype object,
  // as node's map: integer keys first).
  JSValue columns = js_new_object_proto(vm, JS_NULL);
  JSValue index = js_new_array(vm, 0), prims = js_new_array(vm, 0);
  bool has_prims = false;
  for (uint32_t i = 0; i < rows->used; i++) {
    JSValue item = js_get(vm, data, rows->v[i]);
    if (js_is_exception(item) || !put_cell(vm, index, i, js_key_to_string(vm, rows->v[i]))) return false;
    if (js_is_undefined(props) && !js_is_object(item)) {
      has_prims = true;
      if (!put_cell(vm, prims, i, cell_text(vm, item))) return false;
    } else if (!table_item(vm, columns, i, item, props)) {
      return false;
    }
  }
  *head = js_store_push(vm, *head, js_atom(vm, "(index)"));
  *cols = js_store_push(vm, *cols, index);
  JSArrayStore *keys = js_own_keys(vm, columns, JS_KEYS_STRINGS);
  if (!keys) return false;
  for (uint32_t k = 0; k < keys->used; k++) {
    *head = js_store_push(vm, *head, js_key_to_string(vm, keys->v[k]));
    *cols = js_store_push(vm, *cols, js_get(vm, columns, keys->v[k]));
  }
  if (has_prims) {
    *head = js_store_push(vm, *head, js_atom(vm, "Values"));
    *cols = js_store_push(vm, *cols, prims);
  }
  return true;
}

// console.table(data, properties): a box-drawn table of data's rows;
// anything that is not an object is logged instead.
static JSValue console_table(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  JSValue data = js_arg(0), props = js_arg(1);
  if (!js_is_undefined(props) && !js_is_array(props))
    return js_throw_type_error(vm, "The \"properties\" argument must be an instance of Array");
  if (!js_is_object(data)) return console_log(vm, self, 1, &data, nt);  // magic 0: stdout
  JSArrayStore *head = js_new_store(vm, 8), *cols = js_new_store(vm, 8);
  bool ok;
  if (js_is_type(data, JS_TYPE_MapObject) || js_is_type(data, JS_TYPE_SetObject)) {
    ok = table_collection(vm, data, js_is_type(data, JS_TYPE_MapObject), &head, &cols);
  } else {
    ok = table_object(vm, data, props, &head, &cols);
  }
  if (!ok) return JS_EXCEPTION;
  JSValue text = render_table(vm, head, cols);
  if (js_is_exception(text)) return text;
  write_line(vm, vm->out, text);
  return JS_UNDEFINED;
}

/* {==== Installation ====} */

void js_init_console(JSVM *vm) {
  JSValue console = js_new_object(vm);
  // The methods are own, writable, configurable functions of a plain
  // object; the aliases share a native through their magic number.
  static const struct { const char *name; int magic; } logs[] = {
      {"log", TO_STDOUT}, {"info", TO_STDOUT}, {"debug", TO_STDOUT}, {"dirxml", TO_STDOUT},
      {"error", TO_STDERR}, {"warn", TO_STDERR}};
  for (size_t i = 0; i < sizeof logs / sizeof *logs; i++)
    js_def_method_magic(vm, console, logs[i].name, console_log, 0, logs[i].magic);
  js_def_method(vm, console, "trace", console_trace, 0);
  js_def_method(vm, console, "assert", console_assert, 0);
  js_def_method(vm, console, "count", console_count, 0);
  js_def_method(vm, console, "countReset", console_count_reset, 0);
  js_def_method(vm, console, "time", console_time, 0);
  js_def_method_magic(vm, console, "timeLog", console_time_log, 0, 0);
  js_def_method_magic(vm, console, "timeEnd", console_time_log, 0, 1);
  js_def_method(vm, console, "group", console_group, 0);
  js_def_method(vm, console, "groupCollapsed", console_group, 0);
  js_def_method(vm, console, "groupEnd", console_group_end, 0);
  js_def_method(vm, console, "dir", console_dir, 0);
  js_def_method(vm, console, "clear", console_clear, 0);
  js_def_method(vm, console, "table", console_table, 1);
  js_define_value(vm, console, vm->symbol[JS_SYMBOL_toStringTag], js_atom(vm, "console"),
                  JS_ATTR_CONFIGURABLE);
  js_def_value(vm, vm->realm->global, "console", console, JS_ATTR_METHOD);
}
