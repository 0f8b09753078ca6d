/* SPDX-License-Identifier: GPL-2.0 */
/* The pause before each record: recorded delta, clamped, capped, scaled. */
#ifndef TIMELINE_H
#define TIMELINE_H

#include <stdint.h>

/*
 * Without -m, a terminal replay still waits at most this long (recorded
 * seconds) between two records: a longer gap is an idle attacker or a host
 * clock step, and waiting it out shows nothing. Exports keep the recorded
 * gaps (bound 0 = none).
 */
#define REPLAY_PAUSE_MAX 60.0

struct timeline {
	double speed;		/* > 0; 2 plays twice as fast */
	double maxidle;		/* cap on a recorded pause, seconds; < 0 none */
	double bound;		/* a further cap (REPLAY_PAUSE_MAX); 0 none */
	int started;
	int64_t prev_us;	/* the previous record's time, microseconds */
	double elapsed;		/* sum of the delays returned so far */
};

void timeline_init(struct timeline *tl, double speed, double maxidle,
		   double bound);

/* The delay in seconds before a record stamped sec.usec: 0 for the first
 * record and when the clock went backwards (a step, never a crash). */
double timeline_next(struct timeline *tl, uint32_t sec, uint32_t usec);

#endif
