/* The guest kernel as hostd's child: its own process group, the stream fd, pdeathsig, a guard, pause and kill. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "guest.h"
#include "hostd.h"
#include "report.h"
#include "write_all.h"

/* Signals hostd handles; the child gets them back at their defaults. */
static const int handled[] = { SIGTERM, SIGINT, SIGHUP, SIGCHLD, SIGPIPE };

static void child_fds(int log_w, int console_fd, int devnull)
{
	if (dup2(devnull, STDIN_FILENO) < 0 || dup2(console_fd, STDOUT_FILENO) < 0 ||
	    dup2(console_fd, STDERR_FILENO) < 0)
		_exit(126);
	/* dup2 clears close-on-exec on the new fd: fd 3 is the only extra one inherited. */
	if (dup2(log_w, HOSTD_LOG_FD) < 0)
		_exit(126);
}

static void child(char *const *argv, int log_w, int console_fd, int err_w,
		  pid_t parent)
{
	int devnull = open("/dev/null", O_RDONLY | O_CLOEXEC);
	sigset_t none;
	size_t i, done;
	int e;

	/* The kernel dies with hostd: a guest never runs unrecorded. */
	if (prctl(PR_SET_PDEATHSIG, SIGKILL) < 0 || getppid() != parent)
		_exit(126);
	if (setsid() < 0 || devnull < 0)
		_exit(126);
	for (i = 0; i < sizeof(handled) / sizeof(handled[0]); i++)
		signal(handled[i], SIG_DFL);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	/* Move the fds we keep above HOSTD_LOG_FD so the dup2s cannot clobber them. */
	log_w = fcntl(log_w, F_DUPFD_CLOEXEC, HOSTD_LOG_FD + 1);
	err_w = fcntl(err_w, F_DUPFD_CLOEXEC, HOSTD_LOG_FD + 1);
	if (log_w < 0 || err_w < 0)
		_exit(126);
	child_fds(log_w, console_fd, devnull);
	execv(argv[0], argv);
	e = errno;
	write_all(err_w, &e, sizeof(e), &done);
	_exit(127);
}

/* Reads the child's exec errno: 0 bytes (EOF on close-on-exec) means it ran. */
static int exec_result(int err_r)
{
	ssize_t k;
	int e = 0;

	do
		k = read(err_r, &e, sizeof(e));
	while (k < 0 && errno == EINTR);
	return k == (ssize_t)sizeof(e) ? e : 0;
}

static void grow_pipe(int fd)
{
	/* Best effort: a bigger pipe absorbs the guest's bursts; pipe-max-size caps it. */
	if (fcntl(fd, F_SETPIPE_SZ, HOSTD_PIPE_SIZE) < 0)
		errno = 0;
}

/*
 * The guard, a child of hostd in a session of its own: it waits on a pipe
 * whose write end only hostd holds. If hostd dies (SIGKILL included) the
 * pipe reaches EOF and the guard kills the guest's process group: the
 * kernel dies of PR_SET_PDEATHSIG anyway, but UML's host helpers (the
 * processes that run guest code, the stub and I/O helpers) are the
 * kernel's children and would otherwise run on, holding tap0. A byte from
 * hostd means it reaps the guest itself: the guard exits without killing,
 * before the group id can be reused. It keeps no other fd: not the
 * capture socket, not the archive.
 */
static void guard(int rd, pid_t pgid)
{
	static const int quiet[] = { SIGINT, SIGTERM, SIGHUP };
	char b;
	ssize_t k;
	size_t i;

	if (setsid() < 0 || dup2(rd, HOSTD_LOG_FD) < 0 ||
	    close_range(HOSTD_LOG_FD + 1, ~0U, 0) < 0) {
		kill(-pgid, SIGKILL);	/* cannot watch: fail closed now */
		_exit(126);
	}
	for (i = 0; i < sizeof(quiet) / sizeof(quiet[0]); i++)
		signal(quiet[i], SIG_IGN);	/* only hostd's end ends it */
	do
		k = read(HOSTD_LOG_FD, &b, 1);
	while (k < 0 && errno == EINTR);
	if (k != 1)
		kill(-pgid, SIGKILL);
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
		guard(gp[0], g->pid);
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

/* hostd reaps the guest itself: the guard exits without a kill. */
static void release_guard(struct guest *g)
{
	if (g->guard <= 0)
		return;
	if (write(g->guard_fd, "", 1) != 1)
		kill(g->guard, SIGKILL);	/* it would kill the (dead) group on EOF: stop it first */
	close(g->guard_fd);
	waitpid(g->guard, NULL, 0);
	g->guard = 0;
}

int guest_start(struct guest *g, char *const *argv, int console_fd)
{
	int lp[2], ep[2], e;
	pid_t parent = getpid();

	memset(g, 0, sizeof(*g));
	g->log_fd = -1;
	if (pipe2(lp, O_CLOEXEC) < 0 || pipe2(ep, O_CLOEXEC) < 0) {
		report("stream pipe: %s; guest not started", strerror(errno));
		return -1;
	}
	grow_pipe(lp[0]);
	g->pid = fork();
	if (g->pid == 0)
		child(argv, lp[1], console_fd, ep[1], parent);
	close(lp[1]);
	close(ep[1]);
	if (g->pid < 0) {
		report("%s: fork: %s; guest not started", argv[0], strerror(errno));
		close(lp[0]);
		close(ep[0]);
		return -1;
	}
	e = exec_result(ep[0]);
	close(ep[0]);
	g->log_fd = lp[0];
	fcntl(g->log_fd, F_SETFL, O_NONBLOCK);
	if (e) {
		report("%s: %s; guest not started", argv[0], strerror(e));
		guest_reap(g, 1);
		return -1;
	}
	if (start_guard(g) < 0) {
		guest_kill(g);
		guest_reap(g, 1);
		return -1;
	}
	return 0;
}

void guest_pause(struct guest *g)
{
	if (g->pid > 0 && !g->exited && kill(-g->pid, SIGSTOP) == 0)
		g->paused = 1;
}

void guest_kill(struct guest *g)
{
	/* Once reaped, the id may be reused: its helpers were killed at reap time. */
	if (g->pid > 0 && !g->exited)
		kill(-g->pid, SIGKILL);
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
	kill(-g->pid, SIGKILL);	/* helpers the kernel left behind */
	release_guard(g);
	if (waitpid(g->pid, &st, 0) != g->pid)
		return 0;
	g->exited = 1;
	g->status = st;
	return 1;
}
