// SPDX-License-Identifier: GPL-2.0
/* Plays one stream of a session to a terminal with its recorded timing. */
#include <errno.h>
#include <math.h>
#include <time.h>

#include "escfilter.h"
#include "replay.h"
#include "timeline.h"

void replay_sleep(void *ctx, double seconds)
{
	struct timespec ts;

	(void)ctx;
	ts.tv_sec = (time_t)seconds;
	ts.tv_nsec = (long)((seconds - floor(seconds)) * 1e9);
	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

/* Whether a record belongs on the chosen stream (or is the session's first,
 * which starts the clock). */
static int shown(const struct ttylog_rec *r, unsigned int dir)
{
	return r->op == TTYLOG_OP_WRITE && r->dir == dir;
}

int replay_session(struct session *s, const struct replay_opts *o, FILE *out,
		   replay_sleep_fn sleeper, void *ctx)
{
	unsigned int dir = o->input ? TTYLOG_DIR_READ : TTYLOG_DIR_WRITE;
	struct timeline tl;
	struct escfilter f;
	struct ttylog_rec r;
	const unsigned char *data;
	double d;

	timeline_init(&tl, o->speed, o->maxidle, REPLAY_PAUSE_MAX);
	escfilter_init(&f, o->input);
	while (session_next(s, &r, &data)) {
		if (tl.started && !shown(&r, dir))
			continue;
		d = timeline_next(&tl, r.sec, r.usec);
		if (!shown(&r, dir))
			continue;
		if (d > 0) {
			fflush(out);	/* show what came before the pause */
			sleeper(ctx, d);
		}
		if (o->raw)
			fwrite(data, 1, r.len, out);
		else
			escfilter_feed(&f, data, r.len, out);
	}
	if (!o->raw)
		escfilter_finish(&f, out);
	return fflush(out) || ferror(out) ? -1 : 0;
}
