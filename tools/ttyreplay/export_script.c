// SPDX-License-Identifier: GPL-2.0
/* Exports a session as util-linux script -B data plus advanced timing. */
#include <time.h>

#include "export.h"
#include "timeline.h"

/* script's own date format in START_TIME and the data file's first line. */
static void script_time(char *buf, size_t len, uint32_t sec)
{
	time_t t = (time_t)sec;
	struct tm tm;

	if (!gmtime_r(&t, &tm) || !strftime(buf, len, "%Y-%m-%d %H:%M:%S+00:00", &tm))
		snprintf(buf, len, "1970-01-01 00:00:00+00:00");
}

static void start(FILE *data, FILE *timing, const struct ttylog_rec *first)
{
	char when[64];

	script_time(when, sizeof(when), first->sec);
	/* scriptreplay skips the data file's first line, as script writes one. */
	fprintf(data, "Script started on %s [ttyreplay export of session %lu]\n",
		when, (unsigned long)first->tty);
	fprintf(timing, "H 0.000000 START_TIME %s\n", when);
}

int export_script(struct session *s, const struct export_opts *o,
		  FILE *data, FILE *timing)
{
	struct timeline tl;
	struct ttylog_rec r;
	const unsigned char *p;
	double last = 0;

	timeline_init(&tl, o->speed, o->maxidle, 0);
	while (session_next(s, &r, &p)) {
		if (!tl.started)
			start(data, timing, &r);
		else if (r.op != TTYLOG_OP_WRITE)
			continue;
		timeline_next(&tl, r.sec, r.usec);
		/* Empty writes carry their time to the next entry. */
		if (r.op != TTYLOG_OP_WRITE || r.len == 0 ||
		    (r.dir != TTYLOG_DIR_READ && r.dir != TTYLOG_DIR_WRITE))
			continue;
		fprintf(timing, "%c %.6f %lu\n",
			r.dir == TTYLOG_DIR_READ ? 'I' : 'O', tl.elapsed - last,
			(unsigned long)r.len);
		fwrite(p, 1, r.len, data);
		last = tl.elapsed;
	}
	if (tl.started)
		fprintf(timing, "H %.6f DURATION %.6f\n", tl.elapsed - last,
			tl.elapsed);
	if (fflush(data) || ferror(data) || fflush(timing) || ferror(timing))
		return -1;
	return 0;
}
