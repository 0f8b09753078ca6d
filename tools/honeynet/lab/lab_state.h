/* SPDX-License-Identifier: GPL-2.0 */
/* The running lab's state file: which hostd process and archive are its. */
#ifndef LAB_STATE_H
#define LAB_STATE_H

#include <limits.h>
#include <stddef.h>
#include <sys/types.h>

struct lab_state {
	pid_t hostd_pid;	/* hostd, the guest kernel's parent */
	char hostd[PATH_MAX];	/* hostd's executable, to tell a reused pid */
	char run_dir[PATH_MAX];	/* this run's archive directory */
};

/* Renders st as "key=value" lines into buf; -1 if it does not fit. */
int lab_state_format(const struct lab_state *st, char *buf, size_t len);

/* Parses text written by lab_state_format; -1 with a message in err on any
 * unknown key, missing key, bad number or overlong value. */
int lab_state_parse(struct lab_state *st, const char *text, char *err,
		    size_t errlen);

/* Writes st to path atomically (path.tmp, then rename). */
int lab_state_save(const struct lab_state *st, const char *path);

/* Reads path into st: 1 if loaded, 0 if there is no state, -1 on error. */
int lab_state_load(struct lab_state *st, const char *path);

#endif
