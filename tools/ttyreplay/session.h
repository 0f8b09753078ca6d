/* SPDX-License-Identifier: GPL-2.0 */
/* One session's records out of a ttylog file that may hold several. */
#ifndef SESSION_H
#define SESSION_H

#include <stdint.h>

#include "ttylog_read.h"

struct session {
	struct tl_reader rd;
	const char *path;
	uint32_t tty;		/* the session id followed */
	int tty_given;		/* tty was chosen by the caller (--tty) */
	int started;		/* a record of this session was seen */
	int done;		/* its CLOSE was seen, or the file ended */
	int damaged;		/* reading stopped at damage: rd.why says why */
};

/* Opens path to follow session tty (or, if tty_given is 0, the first
 * session in the file). Returns 0, or -1 with the reason in err. */
int session_open(struct session *s, const char *path, int tty_given,
		 uint32_t tty, char *err, size_t errlen);

/* The session's next record, skipping other sessions' records. Returns 1,
 * 0 at its CLOSE or at the end of the file (or damage: s->damaged). */
int session_next(struct session *s, struct ttylog_rec *rec,
		 const unsigned char **data);

/* After the last session_next: 0 if the session was read whole; -1 if the
 * file was empty, damaged before the session began, or lacks the session
 * (reason in err, no path); 1 if damaged after some records (warn). */
int session_status(const struct session *s, char *err, size_t errlen);

void session_close(struct session *s);

#endif
