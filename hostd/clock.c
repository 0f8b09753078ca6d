// SPDX-License-Identifier: GPL-2.0
/* The clock: real and monotonic time, and RFC 3339 timestamps for events. */
#include <errno.h>
#include <stdio.h>
#include <time.h>

#include "clock.h"

uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

uint64_t mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000ULL + (uint64_t)ts.tv_nsec / 1000000;
}

void ts_format(char out[TS_LEN], uint64_t ns)
{
	time_t sec = (time_t)(ns / 1000000000ULL);
	unsigned int usec = (unsigned int)(ns % 1000000000ULL / 1000);
	struct tm tm;
	size_t k;

	if (!gmtime_r(&sec, &tm)) {
		snprintf(out, TS_LEN, "1970-01-01T00:00:00.000000Z");
		return;
	}
	k = strftime(out, TS_LEN, "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(out + k, TS_LEN - k, ".%06uZ", usec);
}
