// SPDX-License-Identifier: GPL-2.0
/* File names made from names a guest or an operator chose: a safe alphabet, and "~N" for a name in use. */
#include <stdio.h>

#include "safename.h"

static char safe_byte(unsigned char c, char slash)
{
	if (c == '/')
		return slash;
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '+' || c == '-')
		return (char)c;
	return '_';
}

size_t safename(char *out, size_t cap, const void *in, size_t n, char slash)
{
	const unsigned char *p = in;
	size_t i;

	if (!cap)
		return 0;
	for (i = 0; i < n && i + 1 < cap; i++)
		out[i] = safe_byte(p[i], slash);
	out[i] = '\0';
	return i;
}

void safename_copy(char out[16], unsigned int copy)
{
	out[0] = '\0';
	if (copy > 1)
		snprintf(out, 16, "~%u", copy);
}
