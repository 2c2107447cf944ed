/*
 * runtime/numconv.h — the ECMAScript conversions between numbers and
 * strings: Number::toString (shortest round-trip digits), toString(radix),
 * toFixed, toExponential, toPrecision, StringToNumber, parseInt and
 * parseFloat. Pure C over libc/libm: no JSValue, no heap, no allocation.
 *
 * Invariants:
 *  - Every result is exact or correctly rounded where the spec asks for
 *    it: decimal digits come from glibc's printf/strtod (both correctly
 *    rounded, printf exact for any precision), with our own handling of
 *    the spec's "pick the larger n" ties, which glibc rounds to even.
 *    Integer digit strings in any radix are accumulated exactly and
 *    rounded half-to-even once, never summed in a double.
 *  - Output is ASCII and independent of the C locale: we never hand the
 *    locale's decimal point to strtod and never copy printf's.
 *  - The writers (js_dtoa*) follow snprintf's convention: they return the
 *    length of the whole result and write at most cap - 1 characters plus
 *    a NUL; a buffer of the size named by the matching *_BUFSIZE macro is
 *    always big enough. They return -1 (writing nothing) for an argument
 *    out of range, where the built-in must throw a RangeError.
 *  - The readers take code units (Latin-1 bytes or UTF-16 units) with an
 *    explicit length; the strings need no NUL and may contain NULs.
 *
 * Callers must never: pass a buffer smaller than the *_BUFSIZE macro
 * and assume an untruncated result; call the readers with a NULL pointer
 * and a non-zero length.
 */
#ifndef JSVM_RUNTIME_NUMCONV_H
#define JSVM_RUNTIME_NUMCONV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* {==== Number to string ====} */

/* Room for any js_dtoa result: "-1.7976931348623157e+308" is 24 chars. */
#define JS_DTOA_BUFSIZE 32

/* Room for any js_dtoa_radix result: radix 2 of 5e-324 is "0." and 1074
 * digits; the longest integer part (1024 binary digits) has no fraction. */
#define JS_DTOA_RADIX_BUFSIZE 1100

/* Room for any js_dtoa_fixed / _exponential / _precision result: at most
 * a sign, 21 integer digits, a point and 100 fraction digits (toFixed), or
 * 101 digits and "e+308" (toExponential). */
#define JS_DTOA_FORMAT_BUFSIZE 128

/* Number::toString(d) (ECMA-262 §6.1.6.1.20): the fewest digits that read
 * back as d (the closest such when several), as "123", "0.001", "1.5e-7",
 * "1e+21", "NaN", "-Infinity"; both zeros give "0". buf must hold
 * JS_DTOA_BUFSIZE bytes. Returns the length (NUL not counted). */
int js_dtoa(double d, char *buf);

/* Number.prototype.toString(radix) for radix 2..36 (10 is js_dtoa).
 * The integer part is exact in every radix; the fraction is V8's: digits
 * until the remainder is below half an ulp of d, rounded to even. Returns
 * -1 for a radix outside 2..36. */
int js_dtoa_radix(double d, int radix, char *buf, size_t cap);

/* Number.prototype.toFixed(fractionDigits): fractionDigits 0..100 (else
 * -1); |d| >= 1e21 and NaN give js_dtoa(d). Rounds the exact binary value,
 * ties away from zero: (1.005).toFixed(2) = "1.00", (2.5).toFixed(0) = "3",
 * (-2.5).toFixed(0) = "-3"; negative values keep their "-" ("-0.00"). */
int js_dtoa_fixed(double d, int fractionDigits, char *buf, size_t cap);

/* Number.prototype.toExponential(fractionDigits): fractionDigits 0..100,
 * or -1 for undefined (as many digits as js_dtoa needs); other values give
 * -1. Non-finite d gives js_dtoa(d) whatever fractionDigits is, as the
 * spec checks finiteness first. (123456).toExponential(2) = "1.23e+5". */
int js_dtoa_exponential(double d, int fractionDigits, char *buf, size_t cap);

/* Number.prototype.toPrecision(precision) for precision 1..100 (else -1;
 * an undefined precision is the caller's ToString). Exponential form when
 * the exponent e < -6 or e >= precision. Non-finite d gives js_dtoa(d). */
int js_dtoa_precision(double d, int precision, char *buf, size_t cap);

/* {==== String to number ====} */

/* StringToNumber (§7.1.4.1.1) on a whole string: JS white space and line
 * terminators trimmed, empty gives 0, "Infinity" with an optional sign,
 * decimal literals ("5.", ".5", "1e-7"), unsigned 0x/0o/0b integers of any
 * length; no numeric separators, no BigInt suffix; else NaN. */
double js_string_to_number_latin1(const uint8_t *s, size_t len);
double js_string_to_number_utf16(const uint16_t *s, size_t len);

/* js_is_white_space: WhiteSpace or LineTerminator (§12.2, §12.3), the
 * StrWhiteSpaceChar set that StringToNumber and StringToBigInt trim. */
bool js_is_white_space(uint32_t c);

/* parseFloat: leading white space skipped, then the longest prefix that
 * is a StrDecimalLiteral (sign, "Infinity", digits, point, exponent); NaN
 * when there is none. parseFloat("-.5e-1x") = -0.05. */
double js_parse_float_latin1(const uint8_t *s, size_t len);
double js_parse_float_utf16(const uint16_t *s, size_t len);

/* parseInt: radix is ToInt32 of the argument, 0 meaning unspecified (10,
 * or 16 after a 0x/0X prefix); a radix outside 2..36 gives NaN. Leading
 * white space and one sign are skipped, then digits up to the first that
 * is not valid in the radix; none gives NaN. The value is exact, rounded
 * once to the nearest double, in every radix. "-0" gives -0. */
double js_parse_int_latin1(const uint8_t *s, size_t len, int radix);
double js_parse_int_utf16(const uint16_t *s, size_t len, int radix);

#endif
