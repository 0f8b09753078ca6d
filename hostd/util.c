/* Helpers every part uses: messages on stderr, whole writes, the clock, RFC 3339 times. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "util.h"

void report(const char *fmt, ...)
{
	va_list ap;

	fputs("hostd: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int write_all(int fd, const void *buf, size_t n, size_t *done)
{
	const char *p = buf;
	ssize_t k;

	*done = 0;
	while (*done < n) {
		k = write(fd, p + *done, n - *done);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			return -1;
		if (k == 0) {
			errno = EIO;	/* a write that takes nothing would spin */
			return -1;
		}
		*done += (size_t)k;
	}
	return 0;
}

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
