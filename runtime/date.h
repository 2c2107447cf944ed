/*
 * runtime/date.h — time values (ECMA-262 §21.4.1): the spec's day and
 * time arithmetic, the local time zone, the Date.parse grammar and the
 * string forms of a date. The Date builtins (builtins_date.c) are built on
 * it; anything else that reads or renders dates (inspect, JSON, a host)
 * may use it too. Everything here but js_date_parse_string and
 * js_date_string is plain C over libc: no JSValue, no heap.
 *
 * Invariants:
 *  - A time value is a double: NaN (an invalid date) or an integral
 *    number of milliseconds since 1970-01-01T00:00:00Z with magnitude at
 *    most JS_DATE_MAX_TIME (TimeClip's range), never -0.
 *  - Local time follows the C library's rules for the zone in TZ (or
 *    /etc/localtime): the offset at a UTC instant is localtime_r's
 *    tm_gmtoff, asked per instant, so DST and historical offsets are the
 *    tz database's. UTC(t) of a local time that a transition skips or
 *    repeats takes the offset in force before the transition (§21.4.1.26).
 *  - A Date object (JS_TYPE_Date) is a JSDateObject; its [[DateValue]] is
 *    a time value whose bits always read as a double JSValue (NaN is
 *    stored canonical), so a collector scanning the field finds no
 *    pointer there.
 *
 * Callers must never: store a non-clipped value in a JSDateObject; pass a
 * non-finite time to js_date_fields.
 */
#ifndef JSVM_RUNTIME_DATE_H
#define JSVM_RUNTIME_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "runtime/object.h"

#define JS_MS_PER_SECOND 1000.0
#define JS_MS_PER_MINUTE 60000.0
#define JS_MS_PER_HOUR 3600000.0
#define JS_MS_PER_DAY 86400000.0
/* TimeClip's bound: 100,000,000 days either side of the epoch. */
#define JS_DATE_MAX_TIME 8.64e15

/* A Date instance: an ordinary object plus [[DateValue]]. */
typedef struct JSDateObject {
  JSObject base;
  double value;
} JSDateObject;

static inline bool js_is_date(JSValue v) { return js_is_type(v, JS_TYPE_Date); }
/* js_date_value: [[DateValue]] of a Date object (js_is_date holds). */
static inline double js_date_value(JSValue v) {
  return ((JSDateObject *)js_heap(v))->value;
}

/* {==== Arithmetic (§21.4.1) ====} */

/* js_date_now: the current time value (CLOCK_REALTIME, whole ms). */
double js_date_now(void);
/* MakeTime, MakeDay, MakeDate and TimeClip, step for step: NaN for a
 * non-finite argument or a result that cannot be represented. */
double js_date_make_time(double hour, double min, double sec, double ms);
double js_date_make_day(double year, double month, double date);
double js_date_make_date(double day, double time);
double js_date_time_clip(double t);
/* MakeFullYear (§21.4.1.31): 0..99 mean 1900..1999; NaN stays NaN. */
double js_date_make_full_year(double year);

/* The broken-down fields of a (local or UTC) time value. */
typedef struct JSDateFields {
  int year;       /* astronomical: 0 is 1 BC */
  int month;      /* 0..11 */
  int day;        /* 1..31 */
  int weekday;    /* 0 = Sunday */
  int hour, minute, second, ms;
} JSDateFields;
/* js_date_fields: YearFromTime, MonthFromTime, ... of a finite t with
 * |t| <= about 1e16 (time values shifted by a time-zone offset). */
void js_date_fields(double t, JSDateFields *f);
/* Day(t) and TimeWithinDay(t) of a finite t. */
double js_date_day(double t);
double js_date_time_within_day(double t);

/* {==== The local time zone ====} */

/* js_date_offset: the zone's offset from UTC (ms, east positive) at the
 * UTC instant t; 0 for NaN and for instants far outside the clip range. */
double js_date_offset(double t);
/* LocalTime(t) and UTC(t) (§21.4.1.25-26); NaN in, NaN out. */
double js_date_local_time(double t);
double js_date_utc(double t);
/* js_date_zone_name: the zone's long name at UTC instant t as node shows
 * it in toString ("Coordinated Universal Time", "Eastern Daylight Time");
 * names not in our table come out as the C library's abbreviation or as
 * "GMT+05:45". Writes Latin-1 ("Türkiye"), at most cap - 1 chars plus a NUL. */
void js_date_zone_name(double t, char *buf, size_t cap);

/* {==== Parsing ====} */

/* js_date_parse: Date.parse of code units s[0..n) (Latin-1 when two_byte
 * is false, else UTF-16): the ISO 8601 Date Time String Format of
 * §21.4.1.32 (expanded years, date-only forms UTC, date-time forms
 * without offset local), then the toString/toUTCString forms and the
 * legacy formats V8 accepts ("Jan 1 2000 10:00:00 GMT+0100",
 * "1/2/2000 3:04 PM"). NaN when the string is none of them. */
double js_date_parse(const void *s, size_t n, bool two_byte);
/* js_date_parse_string: the same for a string value. */
double js_date_parse_string(JSVM *vm, JSValue str);

/* {==== Formatting ====} */

typedef enum JSDateFormat {
  JS_DATE_FMT_FULL,        /* toString: "Tue Jan 02 2024 03:04:05 GMT+0000 (...)" */
  JS_DATE_FMT_DATE,        /* toDateString: "Tue Jan 02 2024" */
  JS_DATE_FMT_TIME,        /* toTimeString: "03:04:05 GMT+0000 (...)" */
  JS_DATE_FMT_UTC,         /* toUTCString: "Tue, 02 Jan 2024 03:04:05 GMT" */
  JS_DATE_FMT_ISO,         /* toISOString: "2024-01-02T03:04:05.000Z" */
  JS_DATE_FMT_LOCALE,      /* toLocaleString (en-US): "1/2/2024, 3:04:05 AM" */
  JS_DATE_FMT_LOCALE_DATE, /* toLocaleDateString: "1/2/2024" */
  JS_DATE_FMT_LOCALE_TIME, /* toLocaleTimeString: "3:04:05 AM" */
} JSDateFormat;
/* Room for any formatted date (the zone name is cut at 64 bytes). */
#define JS_DATE_BUFSIZE 160
/* js_date_format: t in the given form; "Invalid Date" for NaN (every
 * form; toISOString's RangeError is the caller's). Returns the length. */
int js_date_format(double t, JSDateFormat fmt, char *buf, size_t cap);
/* js_date_string: the same as a string value. */
JSValue js_date_string(JSVM *vm, double t, JSDateFormat fmt);

#endif
