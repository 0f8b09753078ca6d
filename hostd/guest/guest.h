/* SPDX-License-Identifier: GPL-2.0 */
/* The guest kernel as hostd's child: jailed, its stream fd, pdeathsig, a guard, pause and kill. */
#ifndef GUEST_H
#define GUEST_H

#include <sys/types.h>

#include "jail.h"

struct guest {
	pid_t pid;	/* the jail's init (or, --jail off, the kernel), also its process group; 0: none */
	int log_fd;	/* the stream's read end, non-blocking */
	int exited;
	int status;	/* wait status once exited */
	int paused;
	int killed;	/* by guest_pause, which could not pause it */
	const struct jail *jail;
	pid_t guard;	/* kills the guest if hostd dies (guest.c); 0: none */
	int guard_fd;	/* the guard's pipe, write end: only hostd holds it */
};

/*
 * Starts argv[0] with argv (which must already carry tty_log_fd=N) in jail
 * j (jail.h; made ready by jail_prepare): stdin /dev/null, stdout and
 * stderr console_fd, the stream pipe's write end as fd HOSTD_LOG_FD,
 * SIGKILL when hostd dies; then the guard, which ends every process of
 * the guest (UML's host helpers too) when hostd dies. Returns 0, or -1
 * after saying why (a failed jail step or exec included).
 */
int guest_start(struct guest *g, char *const *argv, int console_fd, const struct jail *j);

/*
 * guest_pause freezes (jailed: the cgroup) or stops (SIGSTOP) the guest,
 * and kills it (killed) when that fails; guest_kill kills every process
 * of it.
 */
void guest_pause(struct guest *g);
void guest_kill(struct guest *g);

/*
 * Reaps the guest if it exited (blocking if wait); what is left of it is
 * killed first. Returns 1 once it has exited.
 */
int guest_reap(struct guest *g, int wait);

#endif
