/* SPDX-License-Identifier: GPL-2.0 */
/* Bounded decimal numbers from the command line and config files. */
#ifndef PARSE_UINT_H
#define PARSE_UINT_H

/*
 * A decimal in [min, max] that is the whole of s: no sign, no space, no
 * suffix. Returns 0 with *out set, or -1 and *out untouched.
 */
int parse_uint(const char *s, unsigned int min, unsigned int max,
	       unsigned int *out);

#endif
