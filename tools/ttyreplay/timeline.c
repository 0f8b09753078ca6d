// SPDX-License-Identifier: GPL-2.0
/* The pause before each record: recorded delta, clamped, capped, scaled. */
#include "timeline.h"

void timeline_init(struct timeline *tl, double speed, double maxidle,
		   double bound)
{
	tl->speed = speed > 0 ? speed : 1.0;
	tl->maxidle = maxidle;
	tl->bound = bound;
	tl->started = 0;
	tl->prev_us = 0;
	tl->elapsed = 0;
}

double timeline_next(struct timeline *tl, uint32_t sec, uint32_t usec)
{
	/* usec comes from a hostile file: a value over a second still adds up
	 * in 64 bits without overflow. */
	int64_t now = (int64_t)sec * 1000000 + (int64_t)usec;
	double d;

	if (!tl->started) {
		tl->started = 1;
		tl->prev_us = now;
		return 0;
	}
	d = (double)(now - tl->prev_us) / 1e6;
	/* Follow the new clock after a backward step, so the next gap is real. */
	tl->prev_us = now;
	if (d < 0)
		d = 0;
	if (tl->maxidle >= 0 && d > tl->maxidle)
		d = tl->maxidle;
	if (tl->bound > 0 && d > tl->bound)
		d = tl->bound;
	d /= tl->speed;
	tl->elapsed += d;
	return d;
}
