/* SPDX-License-Identifier: GPL-2.0 */
/* net.outbound's count: each honeypot's connection attempts per protocol class within the current UTC hour. */
#ifndef CONNCOUNT_H
#define CONNCOUNT_H

#include <stdint.h>

#include "hostd.h"
#include "nflog.h"

struct conn_src {
	int used;
	unsigned char addr[16];		/* IPv4 in the first 4 bytes, rest 0 */
	int64_t last;			/* seconds: the last attempt, for eviction */
	int64_t window[NF_NLIMITED];	/* which window count[] is of */
	uint64_t count[NF_NLIMITED];
};

struct conncount {
	unsigned int window_s;
	struct conn_src src[HOSTD_CONN_SOURCES];
};

void conncount_init(struct conncount *cc, unsigned int window_s);

/*
 * Counts one attempt (allowed or blocked) of honeypot addr in class cls
 * (< NF_NLIMITED) at time t (seconds) and returns its number in t's window:
 * 1 for the first of the hour. The window is floor(t / window_s).
 */
uint64_t conncount_hit(struct conncount *cc, const unsigned char addr[16], enum nf_class cls, int64_t t);

#endif
