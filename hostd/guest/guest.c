// SPDX-License-Identifier: GPL-2.0
/* The guest kernel as hostd's child: jailed, its stream fd, pdeathsig, a guard, pause and kill. */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "guest.h"
#include "hostd.h"
#include "report.h"
#include "write_all.h"

/* Signals hostd handles; the child gets them back at their defaults. */
static const int handled[] = { SIGTERM, SIGINT, SIGHUP, SIGCHLD, SIGPIPE };

/* What hostd tells the guard on its pipe; EOF (hostd died) means kill. */
#define GUARD_KILL 'k'
#define GUARD_PAUSE 'p'	/* --jail off only: a jailed guest is frozen through hostd's cgroup handle */

static void child_fds(int log_w, int console_fd, int devnull)
{
	if (dup2(devnull, STDIN_FILENO) < 0 || dup2(console_fd, STDOUT_FILENO) < 0 ||
	    dup2(console_fd, STDERR_FILENO) < 0)
		_exit(126);
	/* dup2 clears close-on-exec on the new fd: fd 3 is the only extra one inherited. */
	if (dup2(log_w, HOSTD_LOG_FD) < 0)
		_exit(126);
}

/* The fds the child keeps, moved above HOSTD_LOG_FD so the dup2s cannot clobber them. */
struct child_fds {
	int log_w, err_w, ns_wr, ns_rd;
};

static void child(char *const *argv, struct child_fds f, int console_fd,
		  const struct jail *j, pid_t parent)
{
	int devnull = open("/dev/null", O_RDONLY | O_CLOEXEC);
	sigset_t none;
	size_t i;

	/* The kernel dies with hostd: a guest never runs unrecorded. In a new
	 * pid namespace the parent is outside it, and getppid() says 0. */
	if (prctl(PR_SET_PDEATHSIG, SIGKILL) < 0 ||
	    (getppid() != parent && !(j->on && getppid() == 0)))
		_exit(126);
	if (setsid() < 0 || devnull < 0)
		_exit(126);
	for (i = 0; i < sizeof(handled) / sizeof(handled[0]); i++)
		signal(handled[i], SIG_DFL);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	f.log_w = fcntl(f.log_w, F_DUPFD_CLOEXEC, HOSTD_LOG_FD + 1);
	f.err_w = fcntl(f.err_w, F_DUPFD_CLOEXEC, HOSTD_LOG_FD + 1);
	f.ns_wr = fcntl(f.ns_wr, F_DUPFD_CLOEXEC, HOSTD_LOG_FD + 1);
	f.ns_rd = fcntl(f.ns_rd, F_DUPFD_CLOEXEC, HOSTD_LOG_FD + 1);
	if (f.log_w < 0 || f.err_w < 0 || f.ns_wr < 0 || f.ns_rd < 0)
		_exit(126);
	child_fds(f.log_w, console_fd, devnull);
	jail_enter(j, argv, f.err_w, f.ns_wr, f.ns_rd);
}

/* Reads the child's failed step: 0 bytes (EOF on close-on-exec) means the kernel ran. */
static int start_result(int err_r, struct jail_err *e)
{
	ssize_t k;

	memset(e, 0, sizeof(*e));
	do
		k = read(err_r, e, sizeof(*e));
	while (k < 0 && errno == EINTR);
	if (k == 0)
		return 0;
	if (k != (ssize_t)sizeof(*e)) {
		e->err = EPROTO;
		snprintf(e->what, sizeof(e->what), "start");
	}
	e->what[sizeof(e->what) - 1] = '\0';
	return -1;
}

static void grow_pipe(int fd)
{
	/* Best effort: a bigger pipe absorbs the guest's bursts; pipe-max-size caps it. */
	if (fcntl(fd, F_SETPIPE_SZ, HOSTD_PIPE_SIZE) < 0)
		errno = 0;
}

/* The jail's user: the guard kills through the cgroup, or by pid as the same uid. */
static int guard_become(const struct jail *j)
{
	if (setgroups(1, &j->gid) < 0 || setresgid(j->gid, j->gid, j->gid) < 0 ||
	    setresuid(j->uid, j->uid, j->uid) < 0)
		return -1;
	return prctl(PR_SET_NO_NEW_PRIVS, 1L, 0L, 0L, 0L);
}

/* Ends every process of the guest: the cgroup when jailed, else the process group. */
static void guard_kill(const struct jail *j, pid_t pgid)
{
	struct timespec tick = { 0, 20 * 1000 * 1000 };
	int i;

	if (!j->on) {
		kill(-pgid, SIGKILL);
		return;
	}
	/* v1 kills task by task: repeat until the group is empty or a second has passed. */
	for (i = 0; i < 50 && cgroup_kill(&j->cg) == 0 && !cgroup_empty(&j->cg); i++)
		nanosleep(&tick, NULL);
}

static int int_cmp(const void *a, const void *b)
{
	return (*(const int *)a > *(const int *)b) - (*(const int *)a < *(const int *)b);
}

/* The guard keeps only its pipe and the cgroup's handles (-1 when a layout has none). */
static void close_others(int rd, const struct cgroup *cg)
{
	int keep[] = { rd, cg->freeze_fd, cg->procs_fd, cg->kill_fd };
	unsigned int lo = STDERR_FILENO + 1;
	size_t i;

	qsort(keep, sizeof(keep) / sizeof(keep[0]), sizeof(keep[0]), int_cmp);
	for (i = 0; i < sizeof(keep) / sizeof(keep[0]); i++) {
		if (keep[i] < (int)lo)
			continue;
		if ((unsigned int)keep[i] > lo && close_range(lo, keep[i] - 1, 0) < 0)
			report("guard: close_range %u-%d: %s", lo, keep[i] - 1, strerror(errno));
		lo = keep[i] + 1;
	}
	if (close_range(lo, ~0U, 0) < 0)
		report("guard: close_range %u-: %s", lo, strerror(errno));
}

/*
 * The guard, a child of hostd in a session of its own: it waits on a pipe
 * whose write end only hostd holds. If hostd dies (SIGKILL included) the
 * pipe reaches EOF and the guard ends every process of the guest: the
 * kernel dies of PR_SET_PDEATHSIG anyway, but UML's host helpers (the
 * processes that run guest code, the stub and I/O helpers) would otherwise
 * run on, holding tap0. It runs as the jail's uid with no capabilities:
 * enough to signal the guest's processes, nothing else of the host.
 * GUARD_KILL from hostd (or EOF): kill every process left, then exit;
 * GUARD_PAUSE: stop the unjailed group. It keeps no other fd: not the
 * capture socket, not the archive.
 */
static void guard(int rd, pid_t pgid, const struct jail *j)
{
	static const int quiet[] = { SIGINT, SIGTERM, SIGHUP };
	char b = 0;
	ssize_t k;
	size_t i;

	close_others(rd, &j->cg);
	if (setsid() < 0 || guard_become(j) < 0) {
		guard_kill(j, pgid);	/* cannot watch: fail closed now */
		_exit(126);
	}
	for (i = 0; i < sizeof(quiet) / sizeof(quiet[0]); i++)
		signal(quiet[i], SIG_IGN);	/* only hostd's end ends it */
	for (;;) {
		do
			k = read(rd, &b, 1);
		while (k < 0 && errno == EINTR);
		if (k != 1 || b != GUARD_PAUSE)
			break;
		kill(-pgid, SIGSTOP);
	}
	guard_kill(j, pgid);
	_exit(0);
}

/* Forks the guard for the started guest. 0, or -1 after saying why. */
static int start_guard(struct guest *g)
{
	int gp[2];

	if (pipe2(gp, O_CLOEXEC) < 0) {
		report("guard pipe: %s; guest not started", strerror(errno));
		return -1;
	}
	g->guard = fork();
	if (g->guard == 0) {
		close(gp[1]);
		guard(gp[0], g->pid, g->jail);
	}
	close(gp[0]);
	if (g->guard < 0) {
		report("guard: fork: %s; guest not started", strerror(errno));
		g->guard = 0;
		close(gp[1]);
		return -1;
	}
	g->guard_fd = gp[1];
	return 0;
}

/* The guard kills what is left of the guest (on GUARD_KILL, or on EOF if that write fails) and exits. */
static void end_guard(struct guest *g)
{
	char b = GUARD_KILL;

	if (g->guard <= 0)
		return;
	if (write(g->guard_fd, &b, 1) != 1)
		errno = 0;
	close(g->guard_fd);
	waitpid(g->guard, NULL, 0);
	g->guard = 0;
}

/* hostd's half of the user-namespace handshake; 0, or -1 after saying why. */
static int map_ids(struct guest *g, int ns_r, int ns_w)
{
	char b;
	ssize_t k;

	if (!g->jail->on)
		return 0;
	do
		k = read(ns_r, &b, 1);
	while (k < 0 && errno == EINTR);
	if (k != 1)
		return 1;	/* the child failed before: start_result says how */
	if (jail_map_ids(g->jail, g->pid) < 0)
		return -1;
	return write(ns_w, "", 1) == 1 ? 0 : -1;
}

static int pipes(int lp[2], int ep[2], int up[2], int dp[2])
{
	if (pipe2(lp, O_CLOEXEC) < 0 || pipe2(ep, O_CLOEXEC) < 0 ||
	    pipe2(up, O_CLOEXEC) < 0 || pipe2(dp, O_CLOEXEC) < 0) {
		report("stream pipe: %s; guest not started", strerror(errno));
		return -1;
	}
	return 0;
}

/* After the fork: the child's set-up result, the id maps in between. 0, or -1 after saying why. */
static int await_start(struct guest *g, const char *kernel, int ep_r, int up_r, int dp_w)
{
	struct jail_err e;
	int m = map_ids(g, up_r, dp_w);

	close(dp_w);
	if (start_result(ep_r, &e) < 0) {
		if (g->jail->on)
			report("jail: %s: %s; guest not started", e.what, strerror(e.err));
		else
			report("%s: %s: %s; guest not started", kernel, e.what, strerror(e.err));
		return -1;
	}
	return m < 0 ? -1 : 0;
}

int guest_start(struct guest *g, char *const *argv, int console_fd, const struct jail *j)
{
	int lp[2], ep[2], up[2], dp[2], r;
	pid_t parent = getpid();

	memset(g, 0, sizeof(*g));
	g->log_fd = -1;
	g->jail = j;
	if (pipes(lp, ep, up, dp) < 0)
		return -1;
	grow_pipe(lp[0]);
	g->pid = jail_clone(j);
	if (g->pid == 0)
		child(argv, (struct child_fds){ lp[1], ep[1], up[1], dp[0] }, console_fd, j, parent);
	close(lp[1]);
	close(ep[1]);
	close(up[1]);
	close(dp[0]);
	if (g->pid < 0) {
		report("%s: fork: %s; guest not started", argv[0], strerror(errno));
		close(lp[0]);
		close(ep[0]);
		close(up[0]);
		close(dp[1]);
		return -1;
	}
	r = await_start(g, argv[0], ep[0], up[0], dp[1]);
	close(ep[0]);
	close(up[0]);
	g->log_fd = lp[0];
	fcntl(g->log_fd, F_SETFL, O_NONBLOCK);
	if (r < 0 || start_guard(g) < 0) {
		guest_kill(g);
		guest_reap(g, 1);
		return -1;
	}
	return 0;
}

/* Every process of the guest: through the guard, or (before it runs, hostd still root) directly. */
static void kill_all(struct guest *g)
{
	if (g->guard > 0)
		end_guard(g);
	else
		kill(g->jail->on ? g->pid : -g->pid, SIGKILL);	/* the jail's init takes its namespace along */
}

/*
 * Fail closed: a guest that cannot be paused would go on unrecorded, so
 * it is killed instead; what the archive holds is kept.
 */
void guest_pause(struct guest *g)
{
	char b = GUARD_PAUSE;

	if (g->pid <= 0 || g->exited)
		return;
	if (g->jail->on ? cgroup_freeze(&g->jail->cg, 1) == 0 :
	    g->guard > 0 && write(g->guard_fd, &b, 1) == 1) {
		g->paused = 1;
		return;
	}
	if (g->jail->on)
		report_errno("guest: freeze cgroup %s; killing the guest",
			     cgroup_freeze_dir(&g->jail->cg));
	else
		report_errno("guest: pause through the guard; killing the guest");
	kill_all(g);
	g->killed = 1;
}

void guest_kill(struct guest *g)
{
	/* Once reaped, the id may be reused: its helpers were killed at reap time. */
	if (g->pid > 0 && !g->exited)
		kill_all(g);
}

int guest_reap(struct guest *g, int wait)
{
	siginfo_t si;
	int st;

	if (g->pid <= 0 || g->exited)
		return g->exited;
	/* Look without reaping, so the group id cannot be reused while we kill it. */
	memset(&si, 0, sizeof(si));
	if (waitid(P_PID, (id_t)g->pid, &si, WEXITED | WNOWAIT | (wait ? 0 : WNOHANG)) < 0 ||
	    si.si_pid != g->pid)
		return 0;
	kill_all(g);	/* helpers the kernel left behind */
	if (waitpid(g->pid, &st, 0) != g->pid)
		return 0;
	/* The jail's init exits 128 + N when the kernel died of signal N: report the signal. */
	if (g->jail->on && WIFEXITED(st) && WEXITSTATUS(st) > 128 && WEXITSTATUS(st) < 128 + NSIG)
		st = W_EXITCODE(0, WEXITSTATUS(st) - 128);
	g->exited = 1;
	g->status = st;
	return 1;
}
