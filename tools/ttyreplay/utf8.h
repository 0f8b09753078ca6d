/* SPDX-License-Identifier: GPL-2.0 */
/* UTF-8 validation and JSON string text for the asciicast export. */
#ifndef UTF8_H
#define UTF8_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Length of the valid UTF-8 character at p (1..4); 0 if p[0..n) is a valid
 * but unfinished start of one; -1 if p[0] starts no valid character. */
int utf8_char_len(const unsigned char *p, size_t n);

/* How many bytes at the end of p[0..n) are an unfinished character. */
size_t utf8_tail(const unsigned char *p, size_t n);

/* Bytes that were not UTF-8: how many, and where the first was. */
struct utf8_report {
	unsigned long bad;
	uint64_t first;		/* offset in its stream */
	char first_stream;	/* 'o' or 'i' */
};

/* Writes p[0..n) as a JSON string (quotes included); each byte that is not
 * UTF-8 becomes U+FFFD and is counted in rep (base: p's stream offset). */
void json_string(FILE *out, const unsigned char *p, size_t n, uint64_t base,
		 char stream, struct utf8_report *rep);

#endif
