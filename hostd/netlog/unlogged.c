// SPDX-License-Identifier: GPL-2.0
/* Attempts the ruleset did not log (over its log rate): counted by prefix, summarised as net.unlogged. */
#include <stdio.h>
#include <string.h>

#include "hostd.h"
#include "nflog_prefix.h"
#include "unlogged.h"

void unlogged_init(struct unlogged *u)
{
	memset(u, 0, sizeof(*u));
}

void unlogged_add(struct unlogged *u, const struct nf_prefix *pf, uint64_t ts_ns,
		  uint64_t mono_ms)
{
	if (u->pending == 0) {
		u->first_ns = ts_ns;
		u->due_ms = mono_ms + HOSTD_UNLOGGED_EVERY_MS;
	}
	u->last_ns = ts_ns;
	u->n[pf->dir][pf->cls][pf->allow != 0]++;
	u->pending++;
	u->total++;
}

int64_t unlogged_wait_ms(const struct unlogged *u, uint64_t mono_ms)
{
	if (u->pending == 0)
		return -1;
	return u->due_ms > mono_ms ? (int64_t)(u->due_ms - mono_ms) : 0;
}

void unlogged_put(struct unlogged *u, struct jline *j)
{
	static const char *const dirs[2] = { NFLOG_DIR_IN, NFLOG_DIR_OUT };
	static const char *const verdicts[2] = { NFLOG_DROP, NFLOG_ALLOW };
	char key[40];
	size_t d, c, v;

	jl_ts(j, "first", u->first_ns);
	jl_ts(j, "last", u->last_ns);
	jl_u64(j, "attempts", u->pending);
	jl_open(j, "counts");
	for (d = 0; d < 2; d++) {
		for (c = 0; c < NF_NCLASS; c++) {
			for (v = 0; v < 2; v++) {
				if (u->n[d][c][v] == 0)
					continue;
				/* Our own words only: the key needs no escaping. */
				snprintf(key, sizeof(key), "%s %s %s", dirs[d],
					 nf_class_name((enum nf_class)c), verdicts[v]);
				jl_u64(j, key, u->n[d][c][v]);
			}
		}
	}
	jl_close(j);
	memset(u->n, 0, sizeof(u->n));
	u->pending = 0;
}
