/* SPDX-License-Identifier: GPL-2.0 */
/* The clock: real and monotonic time, and RFC 3339 timestamps for events. */
#ifndef CLOCK_H
#define CLOCK_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* CLOCK_REALTIME and CLOCK_MONOTONIC in nanoseconds. */
uint64_t now_ns(void);
uint64_t mono_ms(void);

/* "2026-11-27T03:45:12.123456Z" from nanoseconds since the epoch. */
#define TS_LEN 32
void ts_format(char out[TS_LEN], uint64_t ns);

#endif
