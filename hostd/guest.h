/* The guest kernel as hostd's child: its own process group, the stream fd, pdeathsig, a guard, pause and kill. */
#ifndef GUEST_H
#define GUEST_H

#include <sys/types.h>

struct guest {
	pid_t pid;	/* also its process group (setsid); 0: none */
	int log_fd;	/* the stream's read end, non-blocking */
	int exited;
	int status;	/* wait status once exited */
	int paused;
	pid_t guard;	/* kills the group if hostd dies (guest.c); 0: none */
	int guard_fd;	/* the guard's pipe, write end: only hostd holds it */
};

/*
 * Starts argv[0] with argv (which must already carry tty_log_fd=N) in a new
 * session: stdin /dev/null, stdout and stderr console_fd, the stream pipe's
 * write end as fd HOSTD_LOG_FD, SIGKILL when hostd dies; then the guard,
 * which kills the whole group (UML's host helpers too) when hostd dies.
 * Returns 0, or -1 after saying why (exec failures included).
 */
int guest_start(struct guest *g, char *const *argv, int console_fd);

/* Stops (SIGSTOP) or kills (SIGKILL) the guest's whole process group. */
void guest_pause(struct guest *g);
void guest_kill(struct guest *g);

/*
 * Reaps the guest if it exited (blocking if wait); its helpers still in the
 * group are killed first. Returns 1 once it has exited.
 */
int guest_reap(struct guest *g, int wait);

#endif
