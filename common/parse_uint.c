// SPDX-License-Identifier: GPL-2.0
/* Bounded decimal numbers from the command line and config files. */
#include <errno.h>
#include <stdlib.h>

#include "parse_uint.h"

int parse_uint(const char *s, unsigned int min, unsigned int max,
	       unsigned int *out)
{
	unsigned long v;
	char *end;

	/* strtoul would take a sign or leading space. */
	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || *end || v < min || v > max)
		return -1;
	*out = (unsigned int)v;
	return 0;
}
