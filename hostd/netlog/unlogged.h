/* SPDX-License-Identifier: GPL-2.0 */
/* Attempts the ruleset did not log (over its log rate): counted by prefix, summarised as net.unlogged. */
#ifndef UNLOGGED_H
#define UNLOGGED_H

#include <stdint.h>

#include "events.h"
#include "nflog.h"

struct unlogged {
	uint64_t n[2][NF_NCLASS][2];	/* since the last summary: direction, class, allow */
	uint64_t pending;		/* attempts since the last summary */
	uint64_t total;			/* attempts in the whole run */
	uint64_t first_ns, last_ns;	/* the times of the first and last pending attempt */
	uint64_t due_ms;		/* monotonic: when the pending ones are summarised */
};

void unlogged_init(struct unlogged *u);

/* Counts one attempt of prefix pf seen at ts_ns; the first of a period sets its summary due. */
void unlogged_add(struct unlogged *u, const struct nf_prefix *pf, uint64_t ts_ns,
		  uint64_t mono_ms);

/* Milliseconds until the summary is due (0: now), or -1 when nothing is pending. */
int64_t unlogged_wait_ms(const struct unlogged *u, uint64_t mono_ms);

/*
 * A net.unlogged summary's members into j: first, last, attempts, and
 * counts {"DIR CLASS VERDICT": n} for each non-zero prefix, in the
 * ruleset's prefix words; then a new period starts.
 */
void unlogged_put(struct unlogged *u, struct jline *j);

#endif
