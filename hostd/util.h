/* Helpers every part uses: messages on stderr, whole writes, the clock, RFC 3339 times. */
#ifndef UTIL_H
#define UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* "hostd: " + the formatted message + newline, on stderr. */
void report(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * Writes all n bytes, retrying on EINTR and short writes. Returns 0, or -1
 * with errno set; *done says how many bytes did land either way.
 */
int write_all(int fd, const void *buf, size_t n, size_t *done);

/* CLOCK_REALTIME and CLOCK_MONOTONIC in nanoseconds. */
uint64_t now_ns(void);
uint64_t mono_ms(void);

/* "2026-11-27T03:45:12.123456Z" from nanoseconds since the epoch. */
#define TS_LEN 32
void ts_format(char out[TS_LEN], uint64_t ns);

#endif
