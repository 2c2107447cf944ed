/*
 * parser/diag.c — SyntaxError reports in node's layout:
 *
 *   file.js:3
 *   let let = 1;
 *       ^^^
 *   SyntaxError: let is disallowed as a lexically bound name
 *
 * except that the first line carries the column too (file:line:col), which
 * the issue tracker and editors both want.
 */
#include <inttypes.h>
#include <stdbool.h>

#include "parser/parser.h"

// Line terminators, as prs_parse counts lines: LF, CR, U+2028, U+2029.
static bool is_terminator(const char *s, size_t len, size_t i) {
  unsigned char c = (unsigned char)s[i];
  if (c == '\n' || c == '\r') return true;
  return c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
         ((unsigned char)s[i + 2] == 0xA8 || (unsigned char)s[i + 2] == 0xA9);
}

// Whether byte i is the last byte of a line terminator.
static bool ends_line(const char *s, size_t len, size_t i) {
  if (s[i] == '\n' || s[i] == '\r') return true;
  return i >= 2 && (unsigned char)s[i - 2] == 0xE2 && is_terminator(s, len, i - 2);
}

void prs_print_error(FILE *out, const char *filename, const char *source,
                     size_t len, const PrsSyntaxError *err) {
  fprintf(out, "%s:%" PRIu32 ":%" PRIu32 "\n", filename, err->line, err->col);
  // The offending line: from the last newline before the offset to the
  // next one, capped so a minified file does not flood the terminal.
  size_t at = err->offset > len ? len : err->offset;
  size_t start = at, end = at;
  while (start > 0 && !ends_line(source, len, start - 1)) start--;
  while (end < len && !is_terminator(source, len, end)) end++;
  size_t shown_from = start;
  if (at - start > 120) shown_from = at - 60;  // long line: a window around it
  if (end - shown_from > 200) end = shown_from + 200;
  for (size_t i = shown_from; i < end; i++) {
    unsigned char c = (unsigned char)source[i];
    fputc(c == '\t' || c >= 0x20 ? c : ' ', out);
  }
  fputc('\n', out);
  // Caret under the column: tabs copied so it lines up, one space per
  // character otherwise (UTF-8 continuation bytes take no column).
  for (size_t i = shown_from; i < at && i < end; i++) {
    unsigned char c = (unsigned char)source[i];
    if ((c & 0xC0) == 0x80) continue;
    fputc(c == '\t' ? '\t' : ' ', out);
  }
  fputs("^\n\n", out);
  fprintf(out, "SyntaxError: %s\n", err->message);
}
