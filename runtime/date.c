/*
 * runtime/date.c — time values: the spec's day/time arithmetic
 * (ECMA-262 §21.4.1), the local time zone through the C library,
 * Date.parse's grammar (ISO 8601 plus V8's legacy forms) and the string
 * forms of a date. The C API is runtime/date.h.
 *
 * Invariants:
 *  - Whole days are counted in int64 from the epoch; the civil calendar
 *    (proleptic Gregorian, astronomical years) is converted with the
 *    era-based days-from-civil formulas, exact for any year that fits an
 *    int, so no loops over years or months.
 *  - The zone offset at an instant is localtime_r's tm_gmtoff (seconds,
 *    so historical offsets like New York's -4:56:02 are exact). Instants
 *    beyond the clip range by more than ten days are given offset 0: no
 *    time value can come from them (V8 bounds its date cache the same).
 *  - The parser reads code units; a NUL ends the input, as in V8, whose
 *    legacy parser is the reference for which non-ISO strings are dates.
 */
#include "runtime/date.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "runtime/runtime.h"

/* {==== Arithmetic ====} */

// ToIntegerOrInfinity of a finite double: truncation, with -0 made +0.
static double to_integer(double d) { return trunc(d) + 0.0; }

double js_date_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  // Whole milliseconds: Date.now() is an integer (TimeClip needs none).
  return (double)ts.tv_sec * 1000.0 + (double)(ts.tv_nsec / 1000000);
}

// MakeTime (§21.4.1.28): the sum is formed in the spec's order, as IEEE
// doubles, so huge components round exactly as in other engines.
double js_date_make_time(double hour, double min, double sec, double ms) {
  if (!isfinite(hour) || !isfinite(min) || !isfinite(sec) || !isfinite(ms)) return NAN;
  double h = to_integer(hour), m = to_integer(min), s = to_integer(sec);
  double milli = to_integer(ms);
  return ((h * JS_MS_PER_HOUR + m * JS_MS_PER_MINUTE) + s * JS_MS_PER_SECOND) + milli;
}

// Days from 1970-01-01 to year-month-01 (month 1..12), proleptic
// Gregorian: shift the year to start in March so the leap day is last,
// then count whole 400-year eras (146097 days each).
static int64_t days_from_civil(int64_t y, int month) {
  y -= month <= 2;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;                                   // 0..399
  int64_t doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5;  // Mar 1 = 0
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;           // 0..146096
  return era * 146097 + doe - 719468;  // 719468: 0000-03-01 to the epoch
}

// MakeDay (§21.4.1.29). "If this is not possible" is read as V8 reads it:
// years beyond ±1,000,000 or months beyond ±10,000,000 give NaN (their
// dates are far outside the clip range anyway).
double js_date_make_day(double year, double month, double date) {
  if (!isfinite(year) || !isfinite(month) || !isfinite(date)) return NAN;
  double y = to_integer(year), m = to_integer(month), dt = to_integer(date);
  if (fabs(y) > 1e6 || fabs(m) > 1e7) return NAN;
  // ym = y + floor(m / 12), mn = m modulo 12 (the result's sign is 12's).
  double ym = y + floor(m / 12.0);
  int mn = (int)(m - floor(m / 12.0) * 12.0);
  double day = (double)days_from_civil((int64_t)ym, mn + 1);
  return day + dt - 1;
}

// MakeDate (§21.4.1.30): a non-finite product or sum is NaN.
double js_date_make_date(double day, double time) {
  if (!isfinite(day) || !isfinite(time)) return NAN;
  double tv = day * JS_MS_PER_DAY + time;
  return isfinite(tv) ? tv : NAN;
}

// TimeClip (§21.4.1.31): the result is an integer and never -0.
double js_date_time_clip(double t) {
  if (!isfinite(t) || fabs(t) > JS_DATE_MAX_TIME) return NAN;
  return to_integer(t);
}

// MakeFullYear: two-digit years belong to the 1900s (Date(99, 0) and
// setYear(99) are 1999).
double js_date_make_full_year(double year) {
  if (year != year) return NAN;
  double t = to_integer(year);
  return t >= 0 && t <= 99 ? 1900 + t : t;
}

// Day(t) (§21.4.1.3): floor, so instants before the epoch belong to the
// day they fall in, not the next one.
double js_date_day(double t) { return floor(t / JS_MS_PER_DAY); }

// TimeWithinDay (§21.4.1.3): t modulo msPerDay, the sign of the divisor.
double js_date_time_within_day(double t) {
  double r = fmod(t, JS_MS_PER_DAY);
  return r < 0 ? r + JS_MS_PER_DAY : r + 0.0;
}

// YearFromTime etc. all at once: whole days are split off, then the day
// count goes through the inverse of days_from_civil.
void js_date_fields(double t, JSDateFields *f) {
  int64_t days = (int64_t)js_date_day(t);
  int64_t ms = (int64_t)js_date_time_within_day(t);
  f->weekday = (int)(((days + 4) % 7 + 7) % 7);  // 1970-01-01 was a Thursday
  f->hour = (int)(ms / 3600000);
  f->minute = (int)(ms / 60000 % 60);
  f->second = (int)(ms / 1000 % 60);
  f->ms = (int)(ms % 1000);
  // Count from 0000-03-01 so that eras and years end with the leap day.
  int64_t z = days + 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;                                 // 0..146096
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // 0..399
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);         // 0..365
  int64_t mp = (5 * doy + 2) / 153;                               // Mar = 0
  f->day = (int)(doy - (153 * mp + 2) / 5 + 1);
  f->month = (int)(mp < 10 ? mp + 2 : mp - 10);
  f->year = (int)(yoe + era * 400 + (f->month <= 1));
}

/* {==== The local time zone ====} */

// Past this (the clip range plus ten days) an instant gets offset 0.
#define OFFSET_RANGE (JS_DATE_MAX_TIME + 864000000.0)

// The broken-down local time of instant t (ms) by the C library, with a
// one-entry cache: getters and formatters ask about the same second again
// and again. False when t is out of range or libc cannot represent it.
static bool local_tm(double t, struct tm *out) {
  static bool ready, cached;
  static time_t cached_sec;
  static struct tm cached_tm;
  if (!(fabs(t) <= OFFSET_RANGE)) return false;
  if (!ready) {
    tzset();  // localtime_r need not read TZ itself (POSIX)
    ready = true;
  }
  time_t sec = (time_t)floor(t / 1000.0);
  if (!cached || sec != cached_sec) {
    if (!localtime_r(&sec, &cached_tm)) return false;
    cached_sec = sec;
    cached = true;
  }
  *out = cached_tm;
  return true;
}

// Out of range or unrepresentable instants count as UTC (see above).
double js_date_offset(double t) {
  struct tm tm;
  return local_tm(t, &tm) ? (double)tm.tm_gmtoff * 1000.0 : 0.0;
}

// LocalTime(t) (§21.4.1.25): t plus the offset in force at t.
double js_date_local_time(double t) {
  if (t != t) return NAN;
  return t + js_date_offset(t);
}

// UTC(t) (§21.4.1.26): the instant u with u + offset(u) = t. The offsets
// a day either side bound the candidates (zones change at most once in
// two days); of two solutions (a repeated hour) the earlier instant wins,
// and with none (a skipped hour) the offset before the transition.
double js_date_utc(double t) {
  if (!isfinite(t)) return NAN;
  if (fabs(t) > OFFSET_RANGE) return t;
  double before = js_date_offset(t - JS_MS_PER_DAY);
  double after = js_date_offset(t + JS_MS_PER_DAY);
  double best = NAN;
  double cand[2] = {before, after};
  for (int i = 0; i < 2; i++) {
    double u = t - cand[i];
    if (js_date_offset(u) == cand[i] && !(u >= best)) best = u;
  }
  return best == best ? best : t - before;
}

// Long names of the zones whose abbreviations libc reports, as ICU (and
// so node) prints them. Some abbreviations mean different zones: the
// offset (minutes east; ANY_OFFSET for all) picks the right one.
#define ANY_OFFSET INT_MIN
static const struct ZoneName {
  const char *abbr;
  int offset;
  const char *name;
} zone_names[] = {
    {"UTC", ANY_OFFSET, "Coordinated Universal Time"},
    {"GMT", ANY_OFFSET, "Greenwich Mean Time"},
    {"BST", ANY_OFFSET, "British Summer Time"},
    {"IST", 60, "Irish Standard Time"},
    {"IST", 120, "Israel Standard Time"},
    {"IST", 330, "India Standard Time"},
    {"IDT", ANY_OFFSET, "Israel Daylight Time"},
    {"WET", ANY_OFFSET, "Western European Standard Time"},
    {"WEST", ANY_OFFSET, "Western European Summer Time"},
    {"CET", ANY_OFFSET, "Central European Standard Time"},
    {"CEST", ANY_OFFSET, "Central European Summer Time"},
    {"EET", ANY_OFFSET, "Eastern European Standard Time"},
    {"EEST", ANY_OFFSET, "Eastern European Summer Time"},
    {"MSK", ANY_OFFSET, "Moscow Standard Time"},
    {"EST", ANY_OFFSET, "Eastern Standard Time"},
    {"EDT", ANY_OFFSET, "Eastern Daylight Time"},
    {"CST", -360, "Central Standard Time"},
    {"CST", 480, "China Standard Time"},
    {"CDT", ANY_OFFSET, "Central Daylight Time"},
    {"MST", ANY_OFFSET, "Mountain Standard Time"},
    {"MDT", ANY_OFFSET, "Mountain Daylight Time"},
    {"PST", -480, "Pacific Standard Time"},
    {"PST", 480, "Philippine Standard Time"},
    {"PDT", ANY_OFFSET, "Pacific Daylight Time"},
    {"AKST", ANY_OFFSET, "Alaska Standard Time"},
    {"AKDT", ANY_OFFSET, "Alaska Daylight Time"},
    {"HST", ANY_OFFSET, "Hawaii-Aleutian Standard Time"},
    {"HDT", ANY_OFFSET, "Hawaii-Aleutian Daylight Time"},
    {"AST", -240, "Atlantic Standard Time"},
    {"ADT", ANY_OFFSET, "Atlantic Daylight Time"},
    {"NST", ANY_OFFSET, "Newfoundland Standard Time"},
    {"NDT", ANY_OFFSET, "Newfoundland Daylight Time"},
    {"JST", ANY_OFFSET, "Japan Standard Time"},
    {"KST", ANY_OFFSET, "Korean Standard Time"},
    {"HKT", ANY_OFFSET, "Hong Kong Standard Time"},
    {"PKT", ANY_OFFSET, "Pakistan Standard Time"},
    {"WIB", ANY_OFFSET, "Western Indonesia Time"},
    {"SAST", ANY_OFFSET, "South Africa Standard Time"},
    {"WAT", ANY_OFFSET, "West Africa Time"},
    {"CAT", ANY_OFFSET, "Central Africa Time"},
    {"EAT", ANY_OFFSET, "East Africa Time"},
    {"AEST", ANY_OFFSET, "Australian Eastern Standard Time"},
    {"AEDT", ANY_OFFSET, "Australian Eastern Daylight Time"},
    {"ACST", ANY_OFFSET, "Australian Central Standard Time"},
    {"ACDT", ANY_OFFSET, "Australian Central Daylight Time"},
    {"AWST", ANY_OFFSET, "Australian Western Standard Time"},
    {"NZST", ANY_OFFSET, "New Zealand Standard Time"},
    {"NZDT", ANY_OFFSET, "New Zealand Daylight Time"},
};

// Zones whose abbreviations are numbers ("-03", "+0545") or mean another
// zone elsewhere (Taipei's CST), by tz database name: standard and
// daylight names as ICU gives them.
static const struct ZoneById {
  const char *id, *standard, *daylight;
} zones_by_id[] = {
    {"America/Sao_Paulo", "Brasilia Standard Time", "Brasilia Summer Time"},
    {"America/Argentina/Buenos_Aires", "Argentina Standard Time", "Argentina Summer Time"},
    {"America/Santiago", "Chile Standard Time", "Chile Summer Time"},
    {"America/Bogota", "Colombia Standard Time", "Colombia Summer Time"},
    {"America/Lima", "Peru Standard Time", "Peru Summer Time"},
    {"America/Caracas", "Venezuela Time", "Venezuela Time"},
    {"Asia/Kathmandu", "Nepal Time", "Nepal Time"},
    {"Australia/Lord_Howe", "Lord Howe Standard Time", "Lord Howe Daylight Time"},
    {"Asia/Dubai", "Gulf Standard Time", "Gulf Standard Time"},
    {"Asia/Riyadh", "Arabian Standard Time", "Arabian Daylight Time"},
    {"Asia/Baghdad", "Arabian Standard Time", "Arabian Daylight Time"},
    {"Asia/Tehran", "Iran Standard Time", "Iran Daylight Time"},
    {"Asia/Kabul", "Afghanistan Time", "Afghanistan Time"},
    {"Asia/Tashkent", "Uzbekistan Standard Time", "Uzbekistan Summer Time"},
    {"Asia/Dhaka", "Bangladesh Standard Time", "Bangladesh Summer Time"},
    {"Asia/Yangon", "Myanmar Time", "Myanmar Time"},
    {"Asia/Bangkok", "Indochina Time", "Indochina Time"},
    {"Asia/Ho_Chi_Minh", "Indochina Time", "Indochina Time"},
    {"Asia/Singapore", "Singapore Standard Time", "Singapore Standard Time"},
    {"Asia/Kuala_Lumpur", "Malaysia Time", "Malaysia Time"},
    {"Asia/Taipei", "Taiwan Standard Time", "Taiwan Daylight Time"},
    {"Europe/Istanbul", "T\xfcrkiye Standard Time", "T\xfcrkiye Summer Time"},
};

// The tz database name of the local zone: TZ (without a leading ':'), or
// where /etc/localtime points inside zoneinfo/; "" when unknown.
static const char *zone_id(void) {
  static char id[128];
  static bool ready;
  if (ready) return id;
  ready = true;
  const char *tz = getenv("TZ");
  if (tz) {
    snprintf(id, sizeof id, "%s", tz[0] == ':' ? tz + 1 : tz);
    return id;
  }
  char link[256];
  ssize_t n = readlink("/etc/localtime", link, sizeof link - 1);
  if (n <= 0) return id;
  link[n] = 0;
  const char *z = strstr(link, "zoneinfo/");
  if (z) snprintf(id, sizeof id, "%s", z + strlen("zoneinfo/"));
  return id;
}

// The long name for a broken-down local time: by zone name, then by
// abbreviation (and offset), else "GMT+05:45" for numeric abbreviations
// (as ICU says when it has no name) or the abbreviation itself.
static void name_for(const struct tm *tm, char *buf, size_t cap) {
  const char *id = zone_id();
  for (size_t i = 0; i < sizeof zones_by_id / sizeof *zones_by_id; i++) {
    if (strcmp(zones_by_id[i].id, id) != 0) continue;
    snprintf(buf, cap, "%s", tm->tm_isdst > 0 ? zones_by_id[i].daylight : zones_by_id[i].standard);
    return;
  }
  const char *abbr = tm->tm_zone ? tm->tm_zone : "";
  int off = (int)(tm->tm_gmtoff / 60);
  for (size_t i = 0; i < sizeof zone_names / sizeof *zone_names; i++) {
    const struct ZoneName *z = &zone_names[i];
    if (strcmp(z->abbr, abbr) == 0 && (z->offset == ANY_OFFSET || z->offset == off)) {
      snprintf(buf, cap, "%s", z->name);
      return;
    }
  }
  if (abbr[0] == '+' || abbr[0] == '-' || abbr[0] == '\0') {
    int a = off < 0 ? -off : off;
    snprintf(buf, cap, "GMT%c%02d:%02d", off < 0 ? '-' : '+', a / 60, a % 60);
  } else {
    snprintf(buf, cap, "%s", abbr);
  }
}

void js_date_zone_name(double t, char *buf, size_t cap) {
  struct tm tm;
  if (!local_tm(t, &tm)) {
    snprintf(buf, cap, "Coordinated Universal Time");
    return;
  }
  // Local mean time (before a zone's first rule) has no name of its own:
  // ICU names it after the zone's modern rules on the same day of the
  // year, so ask about that day in 2023.
  if (tm.tm_zone && strcmp(tm.tm_zone, "LMT") == 0) {
    JSDateFields f;
    js_date_fields(t, &f);
    double day = js_date_make_day(2023, f.month, f.day);
    struct tm modern;
    if (local_tm(js_date_make_date(day, js_date_time_within_day(t)), &modern)) tm = modern;
  }
  name_for(&tm, buf, cap);
}

/* {==== Parsing: tokens ====}
 *
 * Date.parse follows V8's DateParser: a tokenizer (numbers, the symbols
 * : - + . ), words, white space, parenthesized comments) feeds first an
 * ISO 8601 reader and then, for whatever it leaves, a legacy reader that
 * collects day, time and zone components in "composers". */

#define NONE INT_MAX            // a component not given
#define MAX_DIGITS 9            // digits of a numeral that count

typedef enum TokKind { TK_INVALID, TK_UNKNOWN, TK_SPACE, TK_NUMBER, TK_SYMBOL,
                       TK_END, TK_WORD } TokKind;
typedef enum WordKind { W_OTHER, W_MONTH, W_ZONE, W_TSEP, W_AMPM } WordKind;

typedef struct Token {
  TokKind kind;
  WordKind word;   // TK_WORD: what the word is
  int length;      // characters
  int value;       // number, symbol char, month 1..12, zone hours, am/pm 0/12
} Token;

typedef struct Scanner {
  const void *s;
  size_t n, pos;   // pos: the index after ch (V8's reader convention)
  bool two_byte;
  uint32_t ch;     // current character; 0 at the end
  Token next;      // the one-token lookahead
} Scanner;

// Move to the next character. Past the end ch reads 0, which is also how
// an embedded NUL ends the input (V8's reader has the same convention).
static void sc_advance(Scanner *sc) {
  if (sc->pos < sc->n)
    sc->ch = sc->two_byte ? ((const uint16_t *)sc->s)[sc->pos] : ((const uint8_t *)sc->s)[sc->pos];
  else
    sc->ch = 0;
  sc->pos++;
}

static bool is_digit(uint32_t c) { return c >= '0' && c <= '9'; }

// WhiteSpace of ECMA-262 §12.2 (the Zs category and friends); line
// terminators are white space to the scanner only below 'A' (LF, CR).
static bool is_space(uint32_t c) {
  return c == 9 || c == 11 || c == 12 || c == ' ' || c == 0xA0 || c == 0xFEFF ||
         c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F ||
         c == 0x3000;
}
// Range tests never accept NONE (a component not given).
static bool in_range(int x, int lo, int hi) { return x != NONE && x >= lo && x <= hi; }

// The words the legacy format knows, by their (lower-case) first three
// letters: only month names may be longer than their entry.
static const struct Keyword {
  char pre[4];
  WordKind kind;
  int value;
} keywords[] = {
    {"jan", W_MONTH, 1}, {"feb", W_MONTH, 2}, {"mar", W_MONTH, 3},
    {"apr", W_MONTH, 4}, {"may", W_MONTH, 5}, {"jun", W_MONTH, 6},
    {"jul", W_MONTH, 7}, {"aug", W_MONTH, 8}, {"sep", W_MONTH, 9},
    {"oct", W_MONTH, 10}, {"nov", W_MONTH, 11}, {"dec", W_MONTH, 12},
    {"am", W_AMPM, 0}, {"pm", W_AMPM, 12},
    {"ut", W_ZONE, 0}, {"utc", W_ZONE, 0}, {"z", W_ZONE, 0}, {"gmt", W_ZONE, 0},
    {"cdt", W_ZONE, -5}, {"cst", W_ZONE, -6}, {"edt", W_ZONE, -4},
    {"est", W_ZONE, -5}, {"mdt", W_ZONE, -6}, {"mst", W_ZONE, -7},
    {"pdt", W_ZONE, -7}, {"pst", W_ZONE, -8}, {"t", W_TSEP, 0},
};

// A word: every character from 'A' up but white space (so any other
// non-ASCII one) belongs to it; its first three characters, lowered,
// pick the keyword.
static Token scan_word(Scanner *sc) {
  uint32_t pre[3] = {0, 0, 0};
  int len = 0;
  for (; sc->ch >= 'A' && !is_space(sc->ch); sc_advance(sc), len++)
    if (len < 3) pre[len] = sc->ch | 0x20;  // ASCII letters to lower case
  Token t = {TK_WORD, W_OTHER, len, 0};
  for (size_t i = 0; i < sizeof keywords / sizeof *keywords; i++) {
    const struct Keyword *k = &keywords[i];
    if (pre[0] != (uint8_t)k->pre[0] || pre[1] != (uint8_t)k->pre[1] ||
        pre[2] != (uint8_t)k->pre[2])
      continue;
    if (len <= 3 || k->kind == W_MONTH) {
      t.word = k->kind;
      t.value = k->value;
    }
    break;
  }
  return t;
}

// A parenthesized comment, nesting counted, up to its close or the end.
static void skip_parens(Scanner *sc) {
  int balance = 0;
  do {
    if (sc->ch == ')') balance--;
    else if (sc->ch == '(') balance++;
    sc_advance(sc);
  } while (balance > 0 && sc->ch);
}

// The next token from the characters; words, numbers and parentheses
// consume a run, everything else one character.
static Token scan(Scanner *sc) {
  size_t start = sc->pos;
  uint32_t c = sc->ch;
  if (c == 0) return (Token){TK_END, W_OTHER, 0, -1};
  if (is_digit(c)) {
    // Leading zeros are skipped, then only nine digits count; the length
    // keeps all of them (so "0010" is no two-digit hour).
    int v = 0, i = 0;
    while (sc->ch == '0') sc_advance(sc);
    for (; is_digit(sc->ch); sc_advance(sc), i++)
      if (i < MAX_DIGITS) v = v * 10 + (int)(sc->ch - '0');
    return (Token){TK_NUMBER, W_OTHER, (int)(sc->pos - start), v};
  }
  if (c == ':' || c == '-' || c == '+' || c == '.' || c == ')') {
    sc_advance(sc);
    return (Token){TK_SYMBOL, W_OTHER, 1, (int)c};
  }
  if (c >= 'A' && !is_space(c)) return scan_word(sc);
  // U+2028/2029 are words (above): of the line terminators only LF and CR
  // separate like white space.
  if (is_space(c) || c == '\n' || c == '\r') {
    sc_advance(sc);
    return (Token){TK_SPACE, W_OTHER, 1, -1};
  }
  if (c == '(') skip_parens(sc);
  else sc_advance(sc);
  return (Token){TK_UNKNOWN, W_OTHER, 1, -1};
}

// Consume the lookahead token (returned) and scan the one after it.
static Token sc_next(Scanner *sc) {
  Token t = sc->next;
  sc->next = scan(sc);
  return t;
}

// Token tests. A "fixed" number has exactly len digits (leading zeros
// included), which is how the ISO reader tells YYYY from MM; the keyword
// Z must be the single letter (a longer word is not a zone).
static bool tok_symbol(Token t, int c) { return t.kind == TK_SYMBOL && t.value == c; }
static bool tok_sign(Token t) { return tok_symbol(t, '+') || tok_symbol(t, '-'); }
static bool tok_fixed(Token t, int len) { return t.kind == TK_NUMBER && t.length == len; }
static bool tok_word(Token t, WordKind k) { return t.kind == TK_WORD && t.word == k; }
static bool tok_z(Token t) { return tok_word(t, W_ZONE) && t.length == 1 && t.value == 0; }

// Consume the lookahead when it is the symbol c.
static bool sc_skip(Scanner *sc, int c) {
  if (!tok_symbol(sc->next, c)) return false;
  sc->next = scan(sc);
  return true;
}

/* {==== Parsing: composers ====}
 *
 * The legacy reader does not know the order of the fields up front: it
 * collects date numbers, time numbers and zone parts as they come, and
 * the composers' write functions decide what they mean at the end. */

typedef struct DayComp {
  int comp[3], index, named_month;
  bool iso;          // components are year, month, day in that order
} DayComp;
typedef struct TimeComp {
  int comp[4], index, hour_offset;   // hour_offset: 0 am, 12 pm
} TimeComp;
typedef struct ZoneComp {
  int sign, hour, minute;
} ZoneComp;

// Minutes and seconds share their range.
static bool is_minute(int x) { return in_range(x, 0, 59); }

// Appending a component fails once all are there (a fourth date number
// makes the string no date).
static bool day_add(DayComp *d, int n) {
  if (d->index >= 3) return false;
  d->comp[d->index++] = n;
  return true;
}

static bool time_add(TimeComp *t, int n) {
  if (t->index >= 4) return false;
  t->comp[t->index++] = n;
  return true;
}
// The last time component given: the rest are zero.
static bool time_add_final(TimeComp *t, int n) {
  if (!time_add(t, n)) return false;
  while (t->index < 4) t->comp[t->index++] = 0;
  return true;
}
// Whether n may be the next time component (minutes, seconds or ms).
static bool time_expecting(const TimeComp *t, int n) {
  return (t->index == 1 && is_minute(n)) || (t->index == 2 && is_minute(n)) ||
         (t->index == 3 && in_range(n, 0, 999));
}

// A named zone ("EST", "Z"): whole hours east of UTC.
static void zone_set(ZoneComp *z, int hours) {
  z->sign = hours < 0 ? -1 : 1;
  z->hour = hours < 0 ? -hours : hours;
  z->minute = 0;
}
// After "+hh:" the next number is the offset's minutes.
static bool zone_expecting(const ZoneComp *z, int n) {
  return z->hour != NONE && z->minute == NONE && is_minute(n);
}
// "GMT"/"UTC" read so far: a sign now starts an offset from it.
static bool zone_is_utc(const ZoneComp *z) { return z->hour == 0 && z->minute == 0; }

// Milliseconds from a fraction's digits: the first three significant
// digits, the numeral's length telling how many zeros led it.
static int read_ms(Token t) {
  int v = t.value, len = t.length;
  if (len == 1) return v * 100;
  if (len == 2) return v * 10;
  if (len > MAX_DIGITS) len = MAX_DIGITS;
  for (; len > 3; len--) v /= 10;
  return v;
}

/* {==== Parsing: the ISO 8601 format (§21.4.1.32) ====} */

// The time part after 'T': HH:mm[:ss[.sss]][Z|±HH:mm|±HHmm] to the end of
// the input. 24:00 is allowed with zero minutes, seconds and fraction.
static bool iso_time(Scanner *sc, TimeComp *time, ZoneComp *tz) {
  if (!tok_fixed(sc->next, 2) || !in_range(sc->next.value, 0, 24)) return false;
  bool h24 = sc->next.value == 24;
  time_add(time, sc_next(sc).value);
  if (!sc_skip(sc, ':')) return false;
  if (!tok_fixed(sc->next, 2) || !is_minute(sc->next.value) || (h24 && sc->next.value > 0))
    return false;
  time_add(time, sc_next(sc).value);
  if (sc_skip(sc, ':')) {
    if (!tok_fixed(sc->next, 2) || !is_minute(sc->next.value) || (h24 && sc->next.value > 0))
      return false;
    time_add(time, sc_next(sc).value);
    if (sc_skip(sc, '.')) {
      // Any number of fraction digits (at least one), as V8 allows.
      if (sc->next.kind != TK_NUMBER || (h24 && sc->next.value > 0)) return false;
      time_add(time, read_ms(sc_next(sc)));
    }
  }
  if (tok_z(sc->next)) {
    sc_next(sc);
    zone_set(tz, 0);
  } else if (tok_sign(sc->next)) {
    tz->sign = sc_next(sc).value == '+' ? 1 : -1;
    if (tok_fixed(sc->next, 4)) {
      // ±hhmm, an extension of V8's.
      int hm = sc_next(sc).value;
      if (!in_range(hm / 100, 0, 23) || !is_minute(hm % 100)) return false;
      tz->hour = hm / 100;
      tz->minute = hm % 100;
    } else {
      if (!tok_fixed(sc->next, 2) || !in_range(sc->next.value, 0, 23)) return false;
      tz->hour = sc_next(sc).value;
      if (!sc_skip(sc, ':')) return false;
      if (!tok_fixed(sc->next, 2) || !is_minute(sc->next.value)) return false;
      tz->minute = sc_next(sc).value;
    }
  }
  return sc->next.kind == TK_END;
}

// The date part: [±YYYYYY|YYYY][-MM[-DD]]. Returns TK_END when the whole
// input was an ISO string, TK_INVALID when it cannot be a date at all,
// and otherwise the first token it did not use, for the legacy reader
// (which keeps the components read so far).
static Token iso_date_time(Scanner *sc, DayComp *day, TimeComp *time, ZoneComp *tz) {
  if (tok_sign(sc->next)) {
    Token sign = sc_next(sc);
    if (!tok_fixed(sc->next, 6)) return sign;
    int year = sc->next.value;
    if (sign.value == '-' && year == 0) return sign;  // -000000 is not a year
    sc_next(sc);
    day_add(day, sign.value == '-' ? -year : year);
  } else if (tok_fixed(sc->next, 4)) {
    day_add(day, sc_next(sc).value);
  } else {
    return sc_next(sc);
  }
  if (sc_skip(sc, '-')) {
    if (!tok_fixed(sc->next, 2) || !in_range(sc->next.value, 1, 12)) return sc_next(sc);
    day_add(day, sc_next(sc).value);
    if (sc_skip(sc, '-')) {
      if (!tok_fixed(sc->next, 2) || !in_range(sc->next.value, 1, 31)) return sc_next(sc);
      day_add(day, sc_next(sc).value);
    }
  }
  if (!tok_word(sc->next, W_TSEP)) {
    if (sc->next.kind != TK_END) return sc_next(sc);
  } else {
    sc_next(sc);
    if (!iso_time(sc, time, tz)) return (Token){TK_INVALID, W_OTHER, 0, -1};
  }
  // Date-only forms are UTC; date-time forms without an offset are local.
  if (tz->hour == NONE && time->index == 0) zone_set(tz, 0);
  day->iso = true;
  return (Token){TK_END, W_OTHER, 0, -1};
}

/* {==== Parsing: the legacy formats ====} */

typedef struct Legacy {
  Scanner *sc;
  DayComp day;
  TimeComp time;
  ZoneComp tz;
  bool has_number;   // a number was read: stray words and signs now fail
} Legacy;

// A number in legacy text: "n:" and "n::" are times, "n." a time with a
// fraction next, then a zone's minutes, a final time component, or a
// component of the date.
static bool legacy_number(Legacy *lg, Token tok) {
  Scanner *sc = lg->sc;
  int n = tok.value;
  if (sc_skip(sc, ':')) {
    if (sc_skip(sc, ':')) {
      if (lg->time.index != 0) return false;
      time_add(&lg->time, n);
      time_add(&lg->time, 0);
    } else {
      if (!time_add(&lg->time, n)) return false;
      if (tok_symbol(sc->next, '.')) sc_next(sc);
    }
  } else if (sc_skip(sc, '.') && time_expecting(&lg->time, n)) {
    // (V8 consumes the '.' even when the time does not want n.)
    time_add(&lg->time, n);
    if (sc->next.kind != TK_NUMBER) return false;
    time_add_final(&lg->time, read_ms(sc_next(sc)));
  } else if (zone_expecting(&lg->tz, n)) {
    lg->tz.minute = n;
  } else if (time_expecting(&lg->time, n)) {
    time_add_final(&lg->time, n);
    // A finished time must be followed by the end, space, Z or a sign.
    Token p = sc->next;
    if (p.kind != TK_END && p.kind != TK_SPACE && !tok_z(p) && !tok_sign(p)) return false;
  } else {
    if (!day_add(&lg->day, n)) return false;
    sc_skip(sc, '-');
  }
  return true;
}

// A UTC offset after "UTC"/"GMT" or a time: ±h, ±hh, ±hhmm or ±hh:mm.
static bool legacy_offset(Legacy *lg, Token sign) {
  Scanner *sc = lg->sc;
  lg->tz.sign = sign.value == '+' ? 1 : -1;
  int n = 0, len = 0;
  if (sc->next.kind == TK_NUMBER) {
    Token t = sc_next(sc);
    n = t.value;
    len = t.length;
  }
  lg->has_number = true;
  if (tok_symbol(sc->next, ':')) {
    lg->tz.hour = n;
    lg->tz.minute = NONE;  // the minutes come as the next number
  } else if (len == 1 || len == 2) {
    lg->tz.hour = n;
    lg->tz.minute = 0;
  } else if (len == 3 || len == 4) {
    lg->tz.hour = n / 100;
    lg->tz.minute = n % 100;
  } else {
    return false;
  }
  return true;
}

static bool legacy_word(Legacy *lg, Token tok) {
  Scanner *sc = lg->sc;
  if (tok.word == W_AMPM && lg->time.index != 0) {
    lg->time.hour_offset = tok.value;
  } else if (tok.word == W_MONTH) {
    lg->day.named_month = tok.value;
    sc_skip(sc, '-');
  } else if (tok.word == W_ZONE && lg->has_number) {
    zone_set(&lg->tz, tok.value);
  } else {
    // Words other than these may only come before the first number, and
    // must not run straight into it.
    if (lg->has_number || sc->next.kind == TK_NUMBER) return false;
  }
  return true;
}

// Each token in turn; white space and unknown characters are ignored.
static bool legacy(Legacy *lg, Token tok) {
  Scanner *sc = lg->sc;
  for (; tok.kind != TK_END; tok = sc_next(sc)) {
    bool ok = true;
    if (tok.kind == TK_NUMBER) {
      lg->has_number = true;
      ok = legacy_number(lg, tok);
    } else if (tok.kind == TK_WORD) {
      ok = legacy_word(lg, tok);
    } else if (tok_sign(tok) && (zone_is_utc(&lg->tz) || lg->time.index != 0)) {
      ok = legacy_offset(lg, tok);
    } else if ((tok_sign(tok) || tok_symbol(tok, ')')) && lg->has_number) {
      ok = false;
    }
    if (!ok) return false;
  }
  return true;
}

/* {==== Parsing: the result ====} */

// The date components in order. Without a named month: Y-M-D for ISO
// input or a first number that cannot be a day, else M/D/Y. With one:
// the first number is the year when it cannot be a day. Missing day and
// month are 1 (V8 pads before choosing, so a year is always "given").
static bool day_write(DayComp *d, int *year, int *month, int *day) {
  if (d->index < 1) return false;
  while (d->index < 3) d->comp[d->index++] = 1;
  int y = 0, m, dd;
  if (d->named_month == NONE) {
    if (d->iso || !in_range(d->comp[0], 1, 31)) {
      y = d->comp[0], m = d->comp[1], dd = d->comp[2];
    } else {
      m = d->comp[0], dd = d->comp[1], y = d->comp[2];
    }
  } else {
    m = d->named_month;
    if (!in_range(d->comp[0], 1, 31)) y = d->comp[0], dd = d->comp[1];
    else dd = d->comp[0], y = d->comp[1];
  }
  // Two-digit years of the legacy forms: 0..49 are 2000s, 50..99 1900s.
  if (!d->iso) {
    if (in_range(y, 0, 49)) y += 2000;
    else if (in_range(y, 50, 99)) y += 1900;
  }
  if (!in_range(m, 1, 12) || !in_range(dd, 1, 31)) return false;
  *year = y, *month = m - 1, *day = dd;
  return true;
}

// Hours, minutes, seconds, ms, missing ones 0; with AM/PM the hour must
// be 0..12 and 12 AM is midnight.
static bool time_write(TimeComp *t, int out[4]) {
  while (t->index < 4) t->comp[t->index++] = 0;
  int h = t->comp[0], m = t->comp[1], s = t->comp[2], ms = t->comp[3];
  if (t->hour_offset != NONE) {
    if (!in_range(h, 0, 12)) return false;
    h = h % 12 + t->hour_offset;
  }
  if (!in_range(h, 0, 23) || !is_minute(m) || !is_minute(s) || !in_range(ms, 0, 999)) {
    // Hour 24 is midnight at the end of the day, with nothing after it.
    if (h != 24 || m != 0 || s != 0 || ms != 0) return false;
  }
  out[0] = h, out[1] = m, out[2] = s, out[3] = ms;
  return true;
}

// The offset in seconds (east positive); *given false for local time.
static bool zone_write(ZoneComp *z, double *seconds, bool *given) {
  *given = z->sign != NONE;
  if (!*given) return true;
  double h = z->hour == NONE ? 0 : z->hour, m = z->minute == NONE ? 0 : z->minute;
  double total = h * 3600 + m * 60;
  if (total > 1073741823.0) return false;  // V8's bound (a Smi)
  *seconds = z->sign < 0 ? -total : total;
  return true;
}

// The ISO reader goes first; whatever it could not place goes on to the
// legacy reader with the components read so far. The result is
// MakeDate of the components, shifted by the offset read or by the local
// zone's (UTC()), then clipped.
double js_date_parse(const void *s, size_t n, bool two_byte) {
  Scanner sc = {s, n, 0, two_byte, 0, {TK_END, W_OTHER, 0, -1}};
  sc_advance(&sc);
  sc.next = scan(&sc);
  Legacy lg = {&sc, {{0}, 0, NONE, false}, {{0}, 0, NONE}, {NONE, NONE, NONE}, false};
  Token tok = iso_date_time(&sc, &lg.day, &lg.time, &lg.tz);
  if (tok.kind == TK_INVALID) return NAN;
  // A partial ISO date ("2000-01-01 10:00") counts as numbers read.
  lg.has_number = lg.day.index != 0;
  if (!legacy(&lg, tok)) return NAN;
  int year, month, day, hms[4];
  double offset = 0;
  bool has_offset;
  if (!day_write(&lg.day, &year, &month, &day) || !time_write(&lg.time, hms) ||
      !zone_write(&lg.tz, &offset, &has_offset))
    return NAN;
  double date = js_date_make_date(js_date_make_day(year, month, day),
                                  js_date_make_time(hms[0], hms[1], hms[2], hms[3]));
  if (has_offset) {
    date -= offset * 1000.0;
  } else {
    // Local time; beyond the range a zone could shift into the clip
    // range the date is simply invalid.
    if (!(fabs(date) <= OFFSET_RANGE)) return NAN;
    date = js_date_utc(date);
  }
  return js_date_time_clip(date);
}

double js_date_parse_string(JSVM *vm, JSValue str) {
  JSString *f = js_string_flat(vm, js_str(str));
  bool wide = (f->flags & JS_STR_TWO_BYTE) != 0;
  // The characters do not move: parsing allocates nothing.
  return js_date_parse(wide ? (const void *)f->u.c16 : (const void *)f->u.c8, f->length, wide);
}

/* {==== Formatting ====} */

// The English names every string form uses (no locale data).
static const char *const week_days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
static const char *const month_names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// "GMT+hhmm (Zone Name)" for instant t: the offset in whole minutes, cut
// toward zero as V8 does (historical offsets have seconds).
static int zone_suffix(double t, char *buf, size_t cap) {
  char name[64];
  js_date_zone_name(t, name, sizeof name);
  int off = (int)(js_date_offset(t) / JS_MS_PER_MINUTE);
  int a = off < 0 ? -off : off;
  return snprintf(buf, cap, "GMT%c%02d%02d (%s)", off < 0 ? '-' : '+', a / 60, a % 60, name);
}

// The ISO form: years 0..9999 as four digits, others with a sign and six.
static int format_iso(const JSDateFields *f, char *buf, size_t cap) {
  char year[16];
  if (f->year >= 0 && f->year <= 9999) snprintf(year, sizeof year, "%04d", f->year);
  else snprintf(year, sizeof year, "%c%06d", f->year < 0 ? '-' : '+', f->year < 0 ? -f->year : f->year);
  return snprintf(buf, cap, "%s-%02d-%02dT%02d:%02d:%02d.%03dZ", year, f->month + 1, f->day,
                  f->hour, f->minute, f->second, f->ms);
}

// en-US as node's ICU prints it: M/D/Y with the era's year (1 BC is
// year 1), h:mm:ss and AM/PM.
static int format_locale(const JSDateFields *f, JSDateFormat fmt, char *buf, size_t cap) {
  int year = f->year <= 0 ? 1 - f->year : f->year;
  int h12 = f->hour % 12 == 0 ? 12 : f->hour % 12;
  const char *ampm = f->hour < 12 ? "AM" : "PM";
  if (fmt == JS_DATE_FMT_LOCALE_DATE) return snprintf(buf, cap, "%d/%d/%d", f->month + 1, f->day, year);
  if (fmt == JS_DATE_FMT_LOCALE_TIME)
    return snprintf(buf, cap, "%d:%02d:%02d %s", h12, f->minute, f->second, ampm);
  return snprintf(buf, cap, "%d/%d/%d, %d:%02d:%02d %s", f->month + 1, f->day, year, h12,
                  f->minute, f->second, ampm);
}

int js_date_format(double t, JSDateFormat fmt, char *buf, size_t cap) {
  if (t != t) return snprintf(buf, cap, "Invalid Date");
  bool utc = fmt == JS_DATE_FMT_UTC || fmt == JS_DATE_FMT_ISO;
  JSDateFields f;
  js_date_fields(utc ? t : js_date_local_time(t), &f);
  // Negative years print with a sign and four digits: "-0005".
  const char *yfmt = f.year < 0 ? "%05d" : "%04d";
  char date[48], zone[96];
  snprintf(date, sizeof date, "%s %s %02d ", week_days[f.weekday], month_names[f.month], f.day);
  snprintf(date + strlen(date), sizeof date - strlen(date), yfmt, f.year);
  switch (fmt) {
    case JS_DATE_FMT_FULL:
      zone_suffix(t, zone, sizeof zone);
      return snprintf(buf, cap, "%s %02d:%02d:%02d %s", date, f.hour, f.minute, f.second, zone);
    case JS_DATE_FMT_DATE:
      return snprintf(buf, cap, "%s", date);
    case JS_DATE_FMT_TIME:
      zone_suffix(t, zone, sizeof zone);
      return snprintf(buf, cap, "%02d:%02d:%02d %s", f.hour, f.minute, f.second, zone);
    case JS_DATE_FMT_UTC: {
      char year[16];
      snprintf(year, sizeof year, yfmt, f.year);
      return snprintf(buf, cap, "%s, %02d %s %s %02d:%02d:%02d GMT", week_days[f.weekday], f.day,
                      month_names[f.month], year, f.hour, f.minute, f.second);
    }
    case JS_DATE_FMT_ISO:
      return format_iso(&f, buf, cap);
    case JS_DATE_FMT_LOCALE:
    case JS_DATE_FMT_LOCALE_DATE:
    case JS_DATE_FMT_LOCALE_TIME:
      return format_locale(&f, fmt, buf, cap);
  }
  return 0;
}

// The forms are Latin-1 (zone names may hold a u-umlaut), so the string
// is made from bytes as they are.
JSValue js_date_string(JSVM *vm, double t, JSDateFormat fmt) {
  char buf[JS_DATE_BUFSIZE];
  int n = js_date_format(t, fmt, buf, sizeof buf);
  if (n >= (int)sizeof buf) n = (int)sizeof buf - 1;
  return js_string_from_latin1(vm, (const uint8_t *)buf, (size_t)n);
}
