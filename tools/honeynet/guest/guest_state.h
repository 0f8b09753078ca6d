/* SPDX-License-Identifier: GPL-2.0 */
/* A running guest's state file: which hostd process and archive are its. */
#ifndef GUEST_STATE_H
#define GUEST_STATE_H

#include <limits.h>
#include <stddef.h>
#include <sys/types.h>

struct guest_state {
	pid_t hostd_pid;	/* hostd, the guest kernel's parent */
	char hostd[PATH_MAX];	/* hostd's executable, to tell a reused pid */
	char run_dir[PATH_MAX];	/* this run's archive directory */
};

/* Renders st as "key=value" lines into buf; -1 if it does not fit. */
int guest_state_format(const struct guest_state *st, char *buf, size_t len);

/* Parses text written by guest_state_format; -1 with a message in err on any
 * unknown key, missing key, bad number or overlong value. */
int guest_state_parse(struct guest_state *st, const char *text, char *err,
		    size_t errlen);

/* Writes st to path atomically (path.tmp, then rename). */
int guest_state_save(const struct guest_state *st, const char *path);

/* Reads path into st: 1 if loaded, 0 if there is no state, -1 on error. */
int guest_state_load(struct guest_state *st, const char *path);

#endif
