// SPDX-License-Identifier: GPL-2.0
/* net.outbound's count: each honeypot's connection attempts per protocol class within the current UTC hour. */
#include <string.h>

#include "conncount.h"

void conncount_init(struct conncount *cc, unsigned int window_s)
{
	memset(cc, 0, sizeof(*cc));
	cc->window_s = window_s ? window_s : 1;
}

static int64_t window_of(const struct conncount *cc, int64_t t)
{
	int64_t w = (int64_t)cc->window_s, q = t / w;

	return (t < 0 && q * w != t) ? q - 1 : q;
}

/* The address's entry; a new one in a free slot, or in place of the least recently seen. */
static struct conn_src *entry(struct conncount *cc, const unsigned char addr[16])
{
	struct conn_src *s, *oldest = &cc->src[0];
	size_t i;

	for (i = 0; i < HOSTD_CONN_SOURCES; i++) {
		s = &cc->src[i];
		if (s->used && !memcmp(s->addr, addr, 16))
			return s;
	}
	for (i = 0; i < HOSTD_CONN_SOURCES; i++) {
		s = &cc->src[i];
		if (!s->used) {
			oldest = s;
			break;
		}
		if (s->last < oldest->last)
			oldest = s;
	}
	memset(oldest, 0, sizeof(*oldest));
	oldest->used = 1;
	memcpy(oldest->addr, addr, 16);
	return oldest;
}

uint64_t conncount_hit(struct conncount *cc, const unsigned char addr[16], enum nf_class cls, int64_t t)
{
	struct conn_src *s;
	int64_t w = window_of(cc, t);

	if ((unsigned int)cls >= NF_NLIMITED)
		return 0;
	s = entry(cc, addr);
	s->last = t;
	if (s->window[cls] != w || !s->count[cls]) {
		s->window[cls] = w;
		s->count[cls] = 0;
	}
	return ++s->count[cls];
}
