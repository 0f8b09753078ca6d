// SPDX-License-Identifier: GPL-2.0
/* UTF-8 validation: complete characters only, no overlong forms, surrogates or code points past U+10FFFF. */
#include "utf8.h"

int utf8_char_len(const unsigned char *p, size_t n)
{
	unsigned char c = p[0], lo = 0x80, hi = 0xbf;
	int need;
	size_t i;

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		need = 1;
	else if (c >= 0xe0 && c <= 0xef)
		need = 2;
	else if (c >= 0xf0 && c <= 0xf4)
		need = 3;
	else
		return -1;
	/* No overlong forms, surrogates or code points past U+10FFFF. */
	if (c == 0xe0)
		lo = 0xa0;
	else if (c == 0xed)
		hi = 0x9f;
	else if (c == 0xf0)
		lo = 0x90;
	else if (c == 0xf4)
		hi = 0x8f;
	for (i = 1; i <= (size_t)need; i++) {
		if (i >= n)
			return 0;
		if (p[i] < lo || p[i] > hi)
			return -1;
		lo = 0x80;
		hi = 0xbf;
	}
	return need + 1;
}

size_t utf8_tail(const unsigned char *p, size_t n)
{
	size_t k;

	/* An unfinished character starts at most 3 bytes from the end. */
	for (k = 1; k <= 3 && k <= n; k++) {
		if (p[n - k] < 0x80)
			return 0;
		if (p[n - k] >= 0xc0)
			return utf8_char_len(p + n - k, k) == 0 ? k : 0;
	}
	return 0;
}
