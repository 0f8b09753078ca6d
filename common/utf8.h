/* SPDX-License-Identifier: GPL-2.0 */
/* UTF-8 validation: complete characters only, no overlong forms, surrogates or code points past U+10FFFF. */
#ifndef UTF8_H
#define UTF8_H

#include <stddef.h>

/* Length of the valid UTF-8 character at p (1..4); 0 if p[0..n) is a valid
 * but unfinished start of one; -1 if p[0] starts no valid character. */
int utf8_char_len(const unsigned char *p, size_t n);

/* How many bytes at the end of p[0..n) are an unfinished character. */
size_t utf8_tail(const unsigned char *p, size_t n);

#endif
