/*
 * parser/buf.h — a growable byte buffer used while decoding literals.
 *
 * Invariants: data is malloc'd (or NULL when cap == 0) and always has room
 * for a terminating NUL after len bytes, so prs_buf_cstr never reallocates.
 * Strings in the front end are WTF-8: UTF-8 that may also encode lone
 * surrogates (U+D800..U+DFFF) as three-byte sequences, because JS strings
 * are UTF-16 and a literal like "\uD800" is a valid one-unit string.
 */
#ifndef JSVM_PARSER_BUF_H
#define JSVM_PARSER_BUF_H

#include <stddef.h>
#include <stdint.h>

typedef struct PrsBuf {
  char *data;
  size_t len;
  size_t cap;
} PrsBuf;

/* prs_buf_reset: empty the buffer, keeping its memory. */
static inline void prs_buf_reset(PrsBuf *b) { b->len = 0; }

/* prs_buf_free: release the memory; the buffer may be reused afterwards. */
void prs_buf_free(PrsBuf *b);

/* prs_buf_push: append n bytes. Aborts cleanly on out-of-memory. */
void prs_buf_push(PrsBuf *b, const char *s, size_t n);

/* prs_buf_byte: append one byte. */
void prs_buf_byte(PrsBuf *b, char c);

/* prs_buf_code_point: append cp (0..0x10FFFF, surrogates allowed) as WTF-8. */
void prs_buf_code_point(PrsBuf *b, uint32_t cp);

/* prs_buf_cstr: the contents, NUL-terminated (valid until the next push). */
const char *prs_buf_cstr(PrsBuf *b);

#endif
