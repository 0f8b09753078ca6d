// SPDX-License-Identifier: GPL-2.0
/* One session's records out of a ttylog file that may hold several. */
#include <stdio.h>
#include <string.h>

#include "session.h"

int session_open(struct session *s, const char *path, int tty_given,
		 uint32_t tty, char *err, size_t errlen)
{
	memset(s, 0, sizeof(*s));
	s->path = path;
	s->tty = tty;
	s->tty_given = tty_given;
	return tl_open(&s->rd, path, err, errlen);
}

int session_next(struct session *s, struct ttylog_rec *rec,
		 const unsigned char **data)
{
	while (!s->done) {
		enum tl_status st = tl_next(&s->rd, rec, data);

		if (st != TL_RECORD) {
			s->damaged = st == TL_DAMAGED;
			s->done = 1;
			break;
		}
		if (!s->started && !s->tty_given)
			s->tty = rec->tty;	/* the first session in the file */
		if (rec->tty != s->tty)
			continue;
		s->started = 1;
		/* Cowrie's playlog also stops at the session's CLOSE. */
		if (rec->op == TTYLOG_OP_CLOSE)
			s->done = 1;
		return 1;
	}
	return 0;
}

int session_status(const struct session *s, char *err, size_t errlen)
{
	if (s->rd.records == 0) {
		if (!s->damaged)
			snprintf(err, errlen, "no records (empty session log)");
		else
			snprintf(err, errlen, "%s: %s",
				 strncmp(s->rd.why, "bad", 3) == 0 ?
				 "not a ttylog file" : "no complete record",
				 s->rd.why);
		return -1;
	}
	if (!s->started) {
		snprintf(err, errlen, "no session %lu in this file%s%s",
			 (unsigned long)s->tty, s->damaged ? " before damage: " : "",
			 s->damaged ? s->rd.why : "");
		return -1;
	}
	if (s->damaged) {
		snprintf(err, errlen, "%s; read up to there", s->rd.why);
		return 1;
	}
	return 0;
}

void session_close(struct session *s)
{
	tl_close(&s->rd);
}
