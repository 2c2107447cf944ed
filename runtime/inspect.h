/*
 * runtime/inspect.h — what runtime/inspect.c shares with the console
 * family (builtins_console.c): node's util.inspect with options, the
 * pieces of util.format that print numbers, and JSON.stringify for %j. Not part of the runtime API
 * (runtime.h has js_inspect / js_print_value for everyone else).
 *
 * Invariants: results are heap strings or JS_EXCEPTION (user code runs
 * during inspection: getters of Symbol.toStringTag, constructor names,
 * error stacks, toString of %s arguments); nothing here writes output.
 */
#ifndef JSVM_RUNTIME_INSPECT_H
#define JSVM_RUNTIME_INSPECT_H

#include "runtime/runtime.h"

/* The util.inspect options jsvm honours (node's names and defaults). */
typedef struct JSInspectOptions {
  double depth;              /* levels below the value; INFINITY: no limit */
  bool show_hidden;          /* non-enumerable keys too, shown as [key] */
  int break_length;          /* 80: the width an entry list may take */
  uint32_t max_array_length; /* 100 elements, then "... N more items" */
  uint32_t max_string_length; /* 10000 units, then "... N more characters" */
  bool custom_inspect;       /* call [Symbol.for('nodejs.util.inspect.custom')] */
} JSInspectOptions;

/* js_inspect_defaults: node's inspectDefaultOptions. */
void js_inspect_defaults(JSInspectOptions *o);

/* js_inspect_read_options: override *o with the util.inspect options
 * object given (depth, showHidden, breakLength, maxArrayLength,
 * maxStringLength, customInspect; null means no limit). Anything but an
 * object changes nothing. false on exception (a getter threw). */
bool js_inspect_read_options(JSVM *vm, JSValue options, JSInspectOptions *o);

/* js_inspect_with: util.inspect(v, o). */
JSValue js_inspect_with(JSVM *vm, JSValue v, const JSInspectOptions *o);

/* js_inspect_string_width: the columns s takes on a terminal (node's
 * getStringWidth: wide East Asian characters count two, combining marks
 * and controls none). */
uint32_t js_inspect_string_width(JSVM *vm, JSValue s);

/* js_inspect_number: node's formatNumber (-0 prints as "-0"). */
JSValue js_inspect_number(JSVM *vm, double d);

/* js_inspect_has_builtin_to_string: node's hasBuiltInToString, which
 * decides whether %s prints an object through inspect (true) or through
 * String(). 1, 0, or -1 on exception. */
int js_inspect_has_builtin_to_string(JSVM *vm, JSValue v);

/* js_json_stringify: JSON.stringify(v) without replacer or gap (util's
 * %j); defined in builtins_json.c. A string, undefined, or JS_EXCEPTION. */
JSValue js_json_stringify(JSVM *vm, JSValue v);

#endif
