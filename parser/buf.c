/*
 * parser/buf.c — growable byte buffer (see buf.h for the invariants).
 */
#include "parser/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void prs_buf_free(PrsBuf *b) {
  free(b->data);
  b->data = NULL;
  b->len = b->cap = 0;
}

// Grow to hold `need` more bytes plus the NUL that prs_buf_cstr writes.
static void reserve(PrsBuf *b, size_t need) {
  if (b->len + need + 1 <= b->cap) return;
  size_t cap = b->cap ? b->cap * 2 : 64;
  while (cap < b->len + need + 1) cap *= 2;
  char *p = realloc(b->data, cap);
  if (!p) {
    fputs("FATAL ERROR: out of memory in the parser\n", stderr);
    exit(70);
  }
  b->data = p;
  b->cap = cap;
}

// The decoders push a few bytes at a time; doubling keeps that amortised
// O(1), and the buffer is reused across literals (prs_buf_reset).
void prs_buf_push(PrsBuf *b, const char *s, size_t n) {
  reserve(b, n);
  memcpy(b->data + b->len, s, n);
  b->len += n;
}

void prs_buf_byte(PrsBuf *b, char c) {
  reserve(b, 1);
  b->data[b->len++] = c;
}

void prs_buf_code_point(PrsBuf *b, uint32_t cp) {
  char out[4];
  size_t n;
  if (cp < 0x80) {
    out[0] = (char)cp;
    n = 1;
  } else if (cp < 0x800) {
    out[0] = (char)(0xC0 | (cp >> 6));
    out[1] = (char)(0x80 | (cp & 0x3F));
    n = 2;
  } else if (cp < 0x10000) {
    // Lone surrogates land here too: that is what makes this WTF-8.
    out[0] = (char)(0xE0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    n = 3;
  } else {
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    n = 4;
  }
  prs_buf_push(b, out, n);
}

const char *prs_buf_cstr(PrsBuf *b) {
  reserve(b, 0);
  b->data[b->len] = '\0';
  return b->data;
}
