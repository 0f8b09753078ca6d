/* SPDX-License-Identifier: GPL-2.0 */
/* The asciicast export's JSON strings: common/json_str.h's policy with short escapes and U+FFFD, bad bytes counted. */
#ifndef ASCIICAST_JSON_H
#define ASCIICAST_JSON_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "utf8.h"

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
