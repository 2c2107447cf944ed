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

#include "parser/parser.h"

void prs_print_error(FILE *out, const char *filename, const char *source,
                     size_t len, const PrsSyntaxError *err) {
  fprintf(out, "%s:%" PRIu32 ":%" PRIu32 "\n", filename, err->line, err->col);
  // The offending line: from the last newline before the offset to the
  // next one, capped so a minified file does not flood the terminal.
  size_t at = err->offset > len ? len : err->offset;
  size_t start = at, end = at;
  while (start > 0 && source[start - 1] != '\n') start--;
  while (end < len && source[end] != '\n' && source[end] != '\r') end++;
  size_t shown_from = start, caret = 0;
  if (at - start > 120) shown_from = at - 60;  // long line: a window around it
  if (end - shown_from > 200) end = shown_from + 200;
  for (size_t i = shown_from; i < end; i++) {
    unsigned char c = (unsigned char)source[i];
    fputc(c == '\t' || c >= 0x20 || c >= 0x80 ? c : ' ', out);
  }
  fputc('\n', out);
  // Caret under the column: tabs copied so it lines up, one space per
  // character otherwise (UTF-8 continuation bytes take no column).
  for (size_t i = shown_from; i < at && i < end; i++) {
    unsigned char c = (unsigned char)source[i];
    if ((c & 0xC0) == 0x80) continue;
    fputc(c == '\t' ? '\t' : ' ', out);
    caret++;
  }
  fputs("^\n\n", out);
  fprintf(out, "SyntaxError: %s\n", err->message);
  (void)caret;
}
