/*
 * runtime/builtins_date.c — the `date` builtin family: the Date
 * constructor, Date.now/parse/UTC and every Date.prototype method
 * (ECMA-262 §21.4, Annex B.2.3 getYear/setYear/toGMTString). The time
 * arithmetic, the time zone, parsing and formatting are runtime/date.c's.
 *
 * Invariants:
 *  - A Date instance is a JSDateObject (JS_TYPE_Date) whose value is a
 *    clipped time value (date.h). Instances whose prototype is the
 *    realm's Date.prototype share the map in the DateMap intrinsic; a
 *    subclass instance (new.target with another prototype) gets a map of
 *    its own, as collections do.
 *  - Every method checks its receiver first (thisTimeValue: a TypeError
 *    worded as V8 words it), then converts its arguments in order, and
 *    only then looks at the time value: conversions run even for an
 *    invalid date, exactly as the spec's steps order them (node 20 stops
 *    converting setter arguments early there; test262 follows the spec).
 *  - Date.prototype is an ordinary object (no [[DateValue]]), so its own
 *    methods throw on it, as in ES2015 and later.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/date.h"
#include "runtime/runtime.h"

static JSValue date_get(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt);
static JSValue date_value_of(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt);

/* {==== Instances ====} */

// A Date object with the given prototype and time value.
static JSValue new_date(JSVM *vm, JSValue proto, double tv) {
  JSMap *map = js_heap(js_intrinsic(vm, DateMap));
  if (proto.bits != map->proto.bits)
    map = js_new_map(vm, JS_TYPE_Date, proto, sizeof(JSDateObject), 2);
  JSDateObject *d = (JSDateObject *)js_new_object_of(vm, map);
  d->value = tv == tv ? tv : NAN;  // canonical NaN; a double, no barrier
  return js_val(d);
}

/* {==== Receivers ====} */

// The name of the constructor found as a data property "constructor" on
// v or its prototypes, read without running user code (no getters, no
// proxies), or NULL. malloc'd.
static char *ctor_name(JSVM *vm, JSValue v) {
  for (int depth = 0; js_is_object(v) && depth < 64; depth++) {
    if (js_is_type(v, JS_TYPE_Proxy)) return NULL;
    JSPropDesc d;
    int r = js_get_own_property(vm, v, vm->atom[JS_ATOM_constructor], &d);
    if (r < 0) {
      js_take_exception(vm);  // ordinary objects cannot throw here
      return NULL;
    }
    if (r == 0) {
      v = js_obj(v)->map->proto;
      continue;
    }
    // An accessor is not called (V8 does not either).
    if (!d.has_value || !js_is_function(d.value)) return NULL;
    JSValue name = js_fn(d.value)->shared->name;
    return js_is_string(name) && js_string_length(name) ? js_string_utf8(vm, name, NULL) : NULL;
  }
  return NULL;
}

// A receiver as V8's messages show it: primitives as their string
// (symbols as Symbol(desc)), arrays as [object Array], functions by their
// source, other objects as #<Ctor> or [object Object]. malloc'd.
static char *receiver_text(JSVM *vm, JSValue v) {
  if (js_is_array(v)) return strdup("[object Array]");
  JSValue s = JS_UNDEFINED;
  if (js_is_callable(v)) s = js_function_source(vm, v);
  else if (js_is_symbol(v)) s = ((JSSymbol *)js_heap(v))->description;
  else if (!js_is_object(v)) s = js_to_string(vm, v);  // cannot throw
  if (js_is_symbol(v) || js_is_callable(v)) {
    const char *fmt = js_is_symbol(v) ? "Symbol(%s)" : "%s";
    char *inner = js_is_string(s) ? js_string_utf8(vm, s, NULL) : strdup(js_is_symbol(v) ? "" : "function");
    size_t n = strlen(inner) + 16;
    char *text = malloc(n);
    snprintf(text, n, fmt, inner);
    free(inner);
    return text;
  }
  if (js_is_string(s)) return js_string_utf8(vm, s, NULL);
  char *name = ctor_name(vm, v);
  if (!name) return strdup("[object Object]");
  size_t n = strlen(name) + 4;
  char *text = malloc(n);
  snprintf(text, n, "#<%s>", name);
  free(name);
  return text;
}

// thisTimeValue (§21.4.4): the receiver's [[DateValue]], or V8's
// TypeError, which comes in two wordings: the getters, getTime and
// valueOf say "this is not a Date object."; the other methods name
// themselves (through the callee, so toGMTString says toUTCString).
static bool this_time(JSVM *vm, JSValue self, double *out) {
  if (js_is_date(self)) {
    *out = js_date_value(self);
    return true;
  }
  JSNative fn = js_fn(js_native_callee(vm))->shared->native;
  if (fn == date_get || fn == date_value_of) {
    js_throw_type_error(vm, "this is not a Date object.");
    return false;
  }
  char *name = js_string_utf8(vm, js_fn(js_native_callee(vm))->shared->name, NULL);
  char *what = receiver_text(vm, self);
  js_throw_type_error(vm, "Method Date.prototype.%s called on incompatible receiver %s", name, what);
  free(name);
  free(what);
  return false;
}

// Store a clipped time value; NaN canonical (date.h). A double is no
// heap reference, so no barrier is needed.
static void set_time(JSValue self, double tv) {
  ((JSDateObject *)js_heap(self))->value = tv == tv ? tv : NAN;
}

/* {==== The constructor (§21.4.2) ====} */

// Date(year, month[, date[, hours[, minutes[, seconds[, ms]]]]]): every
// argument is converted (in order, even after a NaN), missing ones take
// their defaults, two-digit years mean 19xx, and the result is local.
static bool components_value(JSVM *vm, int argc, JSValue *argv, bool local, double *out) {
  double c[7] = {NAN, 0, 1, 0, 0, 0, 0};
  int n = argc < 7 ? argc : 7;
  for (int i = 0; i < n; i++)
    if (!js_to_number(vm, argv[i], &c[i])) return false;
  double yr = js_date_make_full_year(c[0]);
  double date = js_date_make_date(js_date_make_day(yr, c[1], c[2]),
                                  js_date_make_time(c[3], c[4], c[5], c[6]));
  *out = js_date_time_clip(local ? js_date_utc(date) : date);
  return true;
}

// One argument: a Date's own value (no conversion), else ToPrimitive and
// then a string is parsed and anything else is ToNumber'd.
static bool single_value(JSVM *vm, JSValue v, double *out) {
  if (js_is_date(v)) {
    *out = js_date_value(v);
    return true;
  }
  JSValue p = js_to_primitive(vm, v, JS_HINT_DEFAULT);
  if (js_is_exception(p)) return false;
  double tv;
  if (js_is_string(p)) tv = js_date_parse_string(vm, p);
  else if (!js_to_number(vm, p, &tv)) return false;
  *out = js_date_time_clip(tv);
  return true;
}

// Date(...values) (§21.4.2.1): with new, a Date whose time value comes
// from now, one value, or the components.
static JSValue date_ctor(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  // Called as a function: the current time as toString shows it; the
  // arguments are ignored (not even converted).
  if (js_is_undefined(nt)) return js_date_string(vm, js_date_now(), JS_DATE_FMT_FULL);
  double tv;
  if (argc == 0) tv = js_date_now();
  else if (argc == 1 && !single_value(vm, argv[0], &tv)) return JS_EXCEPTION;
  else if (argc >= 2 && !components_value(vm, argc, argv, true, &tv)) return JS_EXCEPTION;
  // OrdinaryCreateFromConstructor comes after the conversions (step 6).
  JSValue proto = js_get_prototype_from_ctor(vm, nt, JS_INTRINSIC_DatePrototype);
  if (js_is_exception(proto)) return proto;
  return new_date(vm, proto, tv);
}

// Date.now() (§21.4.3.1): whole milliseconds of the system clock.
static JSValue date_now(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  return js_from_number(js_date_now());
}

// Date.parse(string) (§21.4.3.2): ToString, then the formats of date.c.
static JSValue date_parse(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  JSValue s = js_to_string(vm, js_arg(0));
  if (js_is_exception(s)) return s;
  return js_from_number(js_date_parse_string(vm, s));
}

// Date.UTC (§21.4.3.4): the components as UTC; a missing month is 0.
static JSValue date_utc(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  // Only the year is required (Date.UTC(2000) is 2000-01-01); with no
  // argument at all the year is ToNumber(undefined), NaN.
  double tv;
  if (!components_value(vm, argc, argv, false, &tv)) return JS_EXCEPTION;
  return js_from_number(tv);
}

/* {==== Getters ====} */

// The field each getter reads; the magic is field | UTC_BIT.
enum { F_DATE, F_DAY, F_FULL_YEAR, F_HOURS, F_MS, F_MINUTES, F_MONTH, F_SECONDS,
       F_TIME, F_TZ_OFFSET, F_YEAR };
#define UTC_BIT 16

// Every getter (§21.4.4.2-20, B.2.3.1): NaN for an invalid date, else
// the field of LocalTime(t), or of t for the UTC ones.
static JSValue date_get(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  int magic = js_native_magic(vm), field = magic & (UTC_BIT - 1);
  double t;
  if (!this_time(vm, self, &t)) return JS_EXCEPTION;
  if (t != t || field == F_TIME) return js_from_number(t);
  if (field == F_TZ_OFFSET) {
    // (t - LocalTime(t)) / msPerMinute, in whole minutes as V8 reports it
    // (offsets with seconds, like New York's 1800 -4:56:02, are cut).
    return js_from_number(trunc(-js_date_offset(t) / JS_MS_PER_MINUTE) + 0.0);
  }
  JSDateFields f;
  js_date_fields((magic & UTC_BIT) ? t : js_date_local_time(t), &f);
  int v = 0;
  switch (field) {
    case F_DATE: v = f.day; break;
    case F_DAY: v = f.weekday; break;
    case F_FULL_YEAR: v = f.year; break;
    case F_HOURS: v = f.hour; break;
    case F_MS: v = f.ms; break;
    case F_MINUTES: v = f.minute; break;
    case F_MONTH: v = f.month; break;
    case F_SECONDS: v = f.second; break;
    case F_YEAR: v = f.year - 1900; break;  // Annex B getYear
    case F_TIME: case F_TZ_OFFSET: break;   // answered above
  }
  return js_from_int32(v);
}

/* {==== Setters ====}
 *
 * Each setter replaces a run of the seven components (year, month, date,
 * hours, minutes, seconds, ms) starting at its own: setHours(h, m, s, ms)
 * replaces components 3..6 as far as arguments are present. The magic is
 * first | max_args << 3 | UTC_SET. */

enum { C_YEAR, C_MONTH, C_DATE, C_HOURS, C_MINUTES, C_SECONDS, C_MS };
#define UTC_SET 64
#define SETTER(first, max) ((first) | (max) << 3)

// Every component setter (§21.4.4.20-34): the new fields go through
// MakeDay/MakeTime/MakeDate, back through UTC() for the local ones, and
// TimeClip; the result is stored and returned.
static JSValue date_set(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  int magic = js_native_magic(vm), first = magic & 7, max = (magic >> 3) & 7;
  bool utc = (magic & UTC_SET) != 0;
  double t, v[4];
  if (!this_time(vm, self, &t)) return JS_EXCEPTION;
  // The first argument is always converted; the others when present.
  int n = argc < max ? argc : max;
  if (n == 0) n = 1;
  for (int i = 0; i < n; i++)
    if (!js_to_number(vm, js_arg(i), &v[i])) return JS_EXCEPTION;
  if (t != t) {
    // setFullYear starts from +0 on an invalid date; the others stay NaN.
    if (first != C_YEAR) return js_from_double(NAN);
    t = 0;
  } else if (!utc) {
    t = js_date_local_time(t);
  }
  // The current fields, then the given ones over them: MakeDay of the
  // fields of t is Day(t), and MakeTime of them TimeWithinDay(t).
  JSDateFields f;
  js_date_fields(t, &f);
  double c[7] = {f.year, f.month, f.day, f.hour, f.minute, f.second, f.ms};
  for (int i = 0; i < n; i++) c[first + i] = v[i];
  double date = js_date_make_date(js_date_make_day(c[0], c[1], c[2]),
                                  js_date_make_time(c[3], c[4], c[5], c[6]));
  double u = js_date_time_clip(utc ? date : js_date_utc(date));
  set_time(self, u);
  return js_from_number(u);
}

// setTime(time) (§21.4.4.27): TimeClip(ToNumber(time)).
static JSValue date_set_time(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  double t, v;
  if (!this_time(vm, self, &t) || !js_to_number(vm, js_arg(0), &v)) return JS_EXCEPTION;
  double u = js_date_time_clip(v);
  set_time(self, u);
  return js_from_number(u);
}

// setYear(year) (Annex B.2.3.2): like setFullYear(MakeFullYear(year)),
// keeping month and date; a NaN year makes the date invalid.
static JSValue date_set_year(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  double t, y;
  if (!this_time(vm, self, &t) || !js_to_number(vm, js_arg(0), &y)) return JS_EXCEPTION;
  t = t != t ? 0 : js_date_local_time(t);
  JSDateFields f;
  js_date_fields(t, &f);
  double d = js_date_make_day(js_date_make_full_year(y), f.month, f.day);
  double u = js_date_time_clip(js_date_utc(js_date_make_date(d, js_date_time_within_day(t))));
  set_time(self, u);
  return js_from_number(u);
}

/* {==== Conversions to strings and primitives ====} */

// toString, toDateString, toTimeString, toUTCString (= toGMTString) and
// the toLocale* forms: the magic is the JSDateFormat.
static JSValue date_format(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  double t;
  if (!this_time(vm, self, &t)) return JS_EXCEPTION;
  return js_date_string(vm, t, (JSDateFormat)js_native_magic(vm));
}

// toISOString (§21.4.4.36): an invalid date has no ISO form.
static JSValue date_to_iso(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  double t;
  if (!this_time(vm, self, &t)) return JS_EXCEPTION;
  if (t != t) return js_throw_range_error(vm, "Invalid time value");
  return js_date_string(vm, t, JS_DATE_FMT_ISO);
}

// toJSON (§21.4.4.37): generic; a non-finite number primitive gives null,
// anything else whatever this.toISOString() gives.
static JSValue date_to_json(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  JSValue o = js_to_object(vm, self);
  if (js_is_exception(o)) return o;
  JSValue tv = js_to_primitive(vm, o, JS_HINT_NUMBER);
  if (js_is_exception(tv)) return tv;
  if (js_is_number(tv) && !isfinite(js_number_value(tv))) return JS_NULL;
  JSValue f = js_get_str(vm, o, "toISOString");
  if (js_is_exception(f)) return f;
  if (!js_is_callable(f)) return js_throw_type_error(vm, "toISOString is not a function");
  return js_call(vm, f, o, 0, NULL);
}

// valueOf (§21.4.4.44): the time value itself (getTime is date_get).
static JSValue date_value_of(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  double t;
  if (!this_time(vm, self, &t)) return JS_EXCEPTION;
  return js_from_number(t);
}

// OrdinaryToPrimitive (§7.1.1.1): the named methods in turn; the first
// callable one returning a primitive wins.
static JSValue ordinary_to_primitive(JSVM *vm, JSValue o, bool string_first) {
  int order[2] = {JS_ATOM_valueOf, JS_ATOM_toString};
  if (string_first) order[0] = JS_ATOM_toString, order[1] = JS_ATOM_valueOf;
  for (int i = 0; i < 2; i++) {
    JSValue m = js_get(vm, o, vm->atom[order[i]]);
    if (js_is_exception(m)) return m;
    if (!js_is_callable(m)) continue;
    JSValue r = js_call(vm, m, o, 0, NULL);
    if (js_is_exception(r) || !js_is_object(r)) return r;
  }
  return js_throw_type_error(vm, "Cannot convert object to primitive value");
}

// Date.prototype[@@toPrimitive](hint) (§21.4.4.45): "string" and
// "default" try toString first, "number" valueOf; any other hint throws.
static JSValue date_to_primitive(JSVM *vm, JSValue self, int argc, JSValue *argv, JSValue nt) {
  if (!js_is_object(self)) {
    JSValue s = js_is_symbol(self) ? js_atom(vm, "Symbol()") : js_to_string(vm, self);
    if (js_is_exception(s)) return s;
    char *text = js_string_utf8(vm, s, NULL);
    js_throw_type_error(vm, "Method Date.prototype [ @@toPrimitive ] called on incompatible receiver %s",
                        text);
    free(text);
    return JS_EXCEPTION;
  }
  JSValue hint = js_arg(0);
  if (js_is_string(hint)) {
    if (js_string_equal(vm, hint, vm->atom[JS_ATOM_string]) ||
        js_string_equal(vm, hint, vm->atom[JS_ATOM_default]))
      return ordinary_to_primitive(vm, self, true);
    if (js_string_equal(vm, hint, vm->atom[JS_ATOM_number]))
      return ordinary_to_primitive(vm, self, false);
  }
  // V8 names the hint in the message (a string hint as it is).
  JSValue s = js_is_symbol(hint) ? js_atom(vm, "Symbol()") : js_to_string(vm, hint);
  if (js_is_exception(s)) return s;
  char *text = js_string_utf8(vm, s, NULL);
  js_throw_type_error(vm, "Invalid hint: %s", text);
  free(text);
  return JS_EXCEPTION;
}

/* {==== Installation ====} */

// Date.prototype's methods in V8's order (so property listings match
// node's): name, native, length (the spec's parameter count) and magic.
static const struct {
  const char *name;
  JSNative fn;
  int length, magic;
} methods[] = {
    {"toString", date_format, 0, JS_DATE_FMT_FULL},
    {"toDateString", date_format, 0, JS_DATE_FMT_DATE},
    {"toTimeString", date_format, 0, JS_DATE_FMT_TIME},
    {"toISOString", date_to_iso, 0, 0},
    {"toUTCString", date_format, 0, JS_DATE_FMT_UTC},
    {"toGMTString", NULL, 0, 0},  // the very function of toUTCString (B.2.3.3)
    {"getDate", date_get, 0, F_DATE},
    {"setDate", date_set, 1, SETTER(C_DATE, 1)},
    {"getDay", date_get, 0, F_DAY},
    {"getFullYear", date_get, 0, F_FULL_YEAR},
    {"setFullYear", date_set, 3, SETTER(C_YEAR, 3)},
    {"getHours", date_get, 0, F_HOURS},
    {"setHours", date_set, 4, SETTER(C_HOURS, 4)},
    {"getMilliseconds", date_get, 0, F_MS},
    {"setMilliseconds", date_set, 1, SETTER(C_MS, 1)},
    {"getMinutes", date_get, 0, F_MINUTES},
    {"setMinutes", date_set, 3, SETTER(C_MINUTES, 3)},
    {"getMonth", date_get, 0, F_MONTH},
    {"setMonth", date_set, 2, SETTER(C_MONTH, 2)},
    {"getSeconds", date_get, 0, F_SECONDS},
    {"setSeconds", date_set, 2, SETTER(C_SECONDS, 2)},
    {"getTime", date_get, 0, F_TIME},
    {"setTime", date_set_time, 1, 0},
    {"getTimezoneOffset", date_get, 0, F_TZ_OFFSET},
    {"getUTCDate", date_get, 0, F_DATE | UTC_BIT},
    {"setUTCDate", date_set, 1, SETTER(C_DATE, 1) | UTC_SET},
    {"getUTCDay", date_get, 0, F_DAY | UTC_BIT},
    {"getUTCFullYear", date_get, 0, F_FULL_YEAR | UTC_BIT},
    {"setUTCFullYear", date_set, 3, SETTER(C_YEAR, 3) | UTC_SET},
    {"getUTCHours", date_get, 0, F_HOURS | UTC_BIT},
    {"setUTCHours", date_set, 4, SETTER(C_HOURS, 4) | UTC_SET},
    {"getUTCMilliseconds", date_get, 0, F_MS | UTC_BIT},
    {"setUTCMilliseconds", date_set, 1, SETTER(C_MS, 1) | UTC_SET},
    {"getUTCMinutes", date_get, 0, F_MINUTES | UTC_BIT},
    {"setUTCMinutes", date_set, 3, SETTER(C_MINUTES, 3) | UTC_SET},
    {"getUTCMonth", date_get, 0, F_MONTH | UTC_BIT},
    {"setUTCMonth", date_set, 2, SETTER(C_MONTH, 2) | UTC_SET},
    {"getUTCSeconds", date_get, 0, F_SECONDS | UTC_BIT},
    {"setUTCSeconds", date_set, 2, SETTER(C_SECONDS, 2) | UTC_SET},
    {"valueOf", date_value_of, 0, 0},
    {"getYear", date_get, 0, F_YEAR},
    {"setYear", date_set_year, 1, 0},
    {"toJSON", date_to_json, 1, 0},
    {"toLocaleString", date_format, 0, JS_DATE_FMT_LOCALE},
    {"toLocaleDateString", date_format, 0, JS_DATE_FMT_LOCALE_DATE},
    {"toLocaleTimeString", date_format, 0, JS_DATE_FMT_LOCALE_TIME},
};

static void install_prototype(JSVM *vm, JSValue proto) {
  JSValue last = JS_UNDEFINED;
  for (size_t i = 0; i < sizeof methods / sizeof *methods; i++) {
    // The NULL entry re-installs the method before it under its name.
    if (!methods[i].fn) js_def_value(vm, proto, methods[i].name, last, JS_ATTR_METHOD);
    else last = js_def_method_magic(vm, proto, methods[i].name, methods[i].fn,
                                    methods[i].length, methods[i].magic);
  }
  // @@toPrimitive is not writable (§21.4.4.45).
  JSValue tp = js_new_native(vm, "[Symbol.toPrimitive]", date_to_primitive, 1, 0);
  js_define_value(vm, proto, vm->symbol[JS_SYMBOL_toPrimitive], tp, JS_ATTR_CONFIGURABLE);
}

// The constructor with its statics, the prototype's methods, the shared
// instance map, and the global binding.
void js_init_date(JSVM *vm) {
  JSValue proto = js_intrinsic(vm, DatePrototype);
  JSValue ctor = js_new_native_ctor(vm, "Date", date_ctor, 7, proto);
  js_def_method(vm, ctor, "now", date_now, 0);
  js_def_method(vm, ctor, "parse", date_parse, 1);
  js_def_method(vm, ctor, "UTC", date_utc, 7);
  install_prototype(vm, proto);
  // The shared map of instances whose prototype is this realm's own.
  JSMap *m = js_new_map(vm, JS_TYPE_Date, proto, sizeof(JSDateObject), 2);
  vm->realm->intrinsic[JS_INTRINSIC_DateMap] = js_val(m);
  js_def_value(vm, vm->realm->global, "Date", ctor, JS_ATTR_METHOD);
}
