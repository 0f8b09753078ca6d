// SPDX-License-Identifier: GPL-2.0
/* Byte counts as people write them: "8M", "20G" in, "1.2 GiB" out. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytesize.h"

/* The power of 1024 a suffix names (0 for none), or -1 if it is not one. */
static int suffix_shift(const char *end)
{
	static const char units[] = "KMGT";
	const char *u;

	if (*end == '\0')
		return 0;
	u = strchr(units, end[0] & ~0x20);
	if (!u || *u == '\0')
		return -1;
	end++;
	if (strcmp(end, "") && strcmp(end, "B") && strcmp(end, "iB"))
		return -1;
	return 10 * (int)(u - units + 1);
}

int bytesize_parse(const char *s, uint64_t min, uint64_t max, uint64_t *out)
{
	unsigned long long v;
	char *end;
	int shift;

	/* strtoull would take a sign or leading space. */
	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtoull(s, &end, 10);
	shift = suffix_shift(end);
	if (errno || shift < 0 || v > (UINT64_MAX >> shift))
		return -1;
	v <<= shift;
	if (v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

void bytesize_format(uint64_t n, char *buf, size_t len)
{
	static const char *const units[] = { "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };
	double v = (double)n;
	size_t u = 0;

	if (n < 1024) {
		snprintf(buf, len, "%llu B", (unsigned long long)n);
		return;
	}
	v /= 1024;
	while (v >= 1024 && u + 1 < sizeof(units) / sizeof(units[0])) {
		v /= 1024;
		u++;
	}
	snprintf(buf, len, "%.1f %s", v, units[u]);
}
