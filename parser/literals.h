/*
 * parser/literals.h — decoding of the source text of literals and names.
 *
 * Invariants: every function here is pure (no global state), reads only
 * the n bytes it is given (UTF-8 source text, no terminating NUL needed)
 * and appends its result to `out` as WTF-8 (see buf.h). A function that
 * returns false has set *err to a static message in the style of V8's
 * SyntaxError texts and *err_at to the byte offset (from s) of the fault;
 * what it appended to `out` is then meaningless.
 *
 * Strictness is not decided here: legacy forms that only strict mode
 * forbids are reported in *flags, and the caller (who knows whether the
 * code is strict, which a later "use strict" directive can change) decides.
 */
#ifndef JSVM_PARSER_LITERALS_H
#define JSVM_PARSER_LITERALS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "parser/buf.h"

/* Flags reported by the decoders. */
enum {
  PRS_LIT_LEGACY_OCTAL = 1u << 0,   /* "\01", "\7" escapes; 0777, 08 numbers */
  PRS_LIT_NON_OCTAL_DECIMAL = 1u << 1, /* "\8", "\9" escapes; 08, 09.5 numbers */
  PRS_LIT_HAS_ESCAPE = 1u << 2,     /* any backslash escape (identifiers, directives) */
  PRS_LIT_LINE_CONTINUATION = 1u << 3, /* a backslash-newline in a string */
};

/* prs_lit_string: the body of a string literal (between the quotes). Decodes
 * every escape of the spec (\n \xHH \uHHHH \u{H..} \0, legacy octal, line
 * continuations including CRLF, U+2028/2029 allowed unescaped). */
bool prs_lit_string(const char *s, size_t n, PrsBuf *out, uint32_t *flags,
                    const char **err, size_t *err_at);

/* prs_lit_template_cooked: one template chunk (between ` or } and ${ or `).
 * Returns false on an escape that is invalid in templates (octal, \x1, bad
 * \u): untagged templates make that a SyntaxError, tagged ones get an
 * undefined cooked value. CR and CRLF become LF. */
bool prs_lit_template_cooked(const char *s, size_t n, PrsBuf *out,
                             const char **err, size_t *err_at);

/* prs_lit_template_raw: the raw value of a chunk: the text with CR and CRLF
 * turned into LF (the spec's TRV). Never fails. */
void prs_lit_template_raw(const char *s, size_t n, PrsBuf *out);

/* prs_lit_number: a NumericLiteral without the BigInt suffix: decimal with
 * fraction/exponent, 0x 0o 0b, legacy octal 0777 and non-octal 089 (both
 * flagged), numeric separators under the spec's rules (not leading, trailing,
 * doubled, next to . e x, nor in legacy forms). Exact IEEE rounding. */
bool prs_lit_number(const char *s, size_t n, double *value, uint32_t *flags,
                    const char **err, size_t *err_at);

/* prs_lit_bigint: a BigInt literal including its trailing `n`; appends its
 * value as a canonical decimal digit string (no sign, no leading zeros, "0"
 * for zero). Rejects legacy octal, fractions and exponents. */
bool prs_lit_bigint(const char *s, size_t n, PrsBuf *out, const char **err,
                    size_t *err_at);

/* prs_lit_identifier: an IdentifierName as written, possibly with \uHHHH or
 * \u{...} escapes; appends the name's code points. Checks that every code
 * point (escaped or not) is ID_Start (first) or ID_Continue/ZWNJ/ZWJ (rest),
 * from the Unicode data tables generated at build time. Sets
 * PRS_LIT_HAS_ESCAPE when any escape was present (an escaped keyword can
 * never be used as a keyword: the caller checks). */
bool prs_lit_identifier(const char *s, size_t n, PrsBuf *out, uint32_t *flags,
                        const char **err, size_t *err_at);

/* prs_unicode_id_start / prs_unicode_id_continue: the Unicode properties
 * ID_Start and ID_Continue (plus $ and _ for the JS rules: `$`, `_` start,
 * and U+200C/U+200D continue). */
bool prs_unicode_id_start(uint32_t cp);
bool prs_unicode_id_continue(uint32_t cp);

#endif
