/*
 * parser/regexp_syntax.h — the early-error check of regular expression
 * literals (ECMA-262 §22.2.1 with Annex B.1.2 for non-Unicode patterns).
 *
 * Invariants: the check is pure and reads only the bytes given. The pattern
 * is the source text between the slashes, as UTF-8. It validates exactly
 * what a conforming engine rejects when parsing a literal, nothing more:
 * the flags (only d g i m s u v y, none twice, never u with v) and the
 * pattern under the grammar the flags select (Annex B extensions without
 * u/v; the strict grammar with u; class set expressions with v), named
 * groups (valid names, duplicates only in different alternatives), \k
 * references to existing names, \p{...} names and values from Unicode
 * data generated at build time, quantifier bounds ({2,1} is an error),
 * modifiers (?ims-ims:...).
 */
#ifndef JSVM_PARSER_REGEXP_SYNTAX_H
#define JSVM_PARSER_REGEXP_SYNTAX_H

#include <stdbool.h>
#include <stddef.h>

/* prs_regexp_check: true when /pattern/flags is a valid literal. Otherwise
 * *err is a static message such as "Invalid regular expression: /(/:
 * Unterminated group" is built by the caller from it (err holds just the
 * reason, e.g. "Unterminated group" or "Invalid regular expression flags")
 * and *err_at is the byte offset within the pattern (or within the flags,
 * when *in_flags is set) of the fault. */
bool prs_regexp_check(const char *pattern, size_t pattern_len,
                      const char *flags, size_t flags_len,
                      const char **err, size_t *err_at, bool *in_flags);

#endif
