// SPDX-License-Identifier: GPL-2.0
/* The live poll loop: reads the stream, flushes on a timer, watches the guest and the signals. */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "hostd.h"
#include "loop.h"
#include "clock.h"
#include "report.h"

/* Set by the handlers, read by the loop: nothing else happens in a handler. */
static volatile sig_atomic_t stop_sig;
static volatile sig_atomic_t child_exited;

static void on_stop(int sig)
{
	stop_sig = sig;
}

static void on_child(int sig)
{
	(void)sig;
	child_exited = 1;
}

void loop_signals(sigset_t *waitmask)
{
	struct sigaction sa;
	sigset_t block;

	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_stop;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sa.sa_handler = on_child;
	sa.sa_flags = SA_NOCLDSTOP;
	sigaction(SIGCHLD, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sa.sa_flags = 0;
	sigaction(SIGPIPE, &sa, NULL);
	/* Blocked except inside ppoll: a signal can never slip in before the wait. */
	sigemptyset(&block);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGHUP);
	sigaddset(&block, SIGCHLD);
	sigprocmask(SIG_BLOCK, &block, waitmask);
	sigdelset(waitmask, SIGTERM);
	sigdelset(waitmask, SIGINT);
	sigdelset(waitmask, SIGHUP);
	sigdelset(waitmask, SIGCHLD);
}

int loop_stop_signal(void)
{
	return stop_sig;
}

static void guest_exit_event(struct run *r)
{
	struct jline *j = record_event(r->rec, "guest.exit");

	jl_i64(j, "pid", r->g->pid);
	if (WIFEXITED(r->g->status))
		jl_i64(j, "exit_status", WEXITSTATUS(r->g->status));
	else
		jl_null(j, "exit_status");
	if (WIFSIGNALED(r->g->status))
		jl_i64(j, "signal", WTERMSIG(r->g->status));
	else
		jl_null(j, "signal");
	record_emit(r->rec);
}

static void reap(struct run *r, int wait)
{
	if (!r->g->exited && guest_reap(r->g, wait)) {
		r->exit_ms = mono_ms();
		guest_exit_event(r);
	}
	rootfs_reap(r->rootfs);
}

/* Reads what the pipe holds now (a bounded number of chunks); -1 when it is empty. */
static int read_stream(struct run *r)
{
	static unsigned char buf[HOSTD_READ_CHUNK];
	ssize_t k;
	int i;

	for (i = 0; i < HOSTD_READS_PER_WAKE && !r->eof; i++) {
		k = read(r->g->log_fd, buf, sizeof(buf));
		if (k > 0) {
			archive_feed(r->a, buf, (size_t)k);
			continue;
		}
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0 && errno == EAGAIN)
			return -1;
		if (k < 0)
			report("stream: %s; treating it as ended", strerror(errno));
		r->eof = 1;
		archive_end_stream(r->a);
	}
	return 0;
}

static void suspend(struct run *r)
{
	struct jline *j;

	guest_pause(r->g);
	r->suspended = 1;
	record_release_reserve(r->rec);
	report("%s; %s, nothing more is read. Free space, then stop hostd "
	       "(SIGTERM) to close the archive; what was written is kept",
	       record_fail_msg(r->rec),
	       r->g->paused ? "guest paused" :
	       r->g->killed ? "the guest could not be paused and was killed" :
	       "no guest is running");
	j = record_event(r->rec, "hostd.suspend");
	jl_cstr(j, "what", record_fail_msg(r->rec));
	jl_bool(j, "guest_paused", r->g->paused);
	jl_bool(j, "guest_killed", r->g->killed);
	record_emit(r->rec);
}

/* Helpers that kept the stream open after the kernel exited were killed; stop waiting. */
static void give_up_eof(struct run *r)
{
	report("stream: still open %d ms after the guest exited; closing it",
	       HOSTD_EOF_GRACE_MS);
	guest_kill(r->g);
	read_stream(r);
	r->eof = 1;
	archive_end_stream(r->a);
}

static int poll_timeout(const struct run *r)
{
	uint64_t now = mono_ms(), t = archive_timeout_ms(r->a, now);

	if (r->g->exited && !r->eof && t > HOSTD_EOF_GRACE_MS)
		t = HOSTD_EOF_GRACE_MS;
	if ((uint64_t)budget_timeout_ms(r->budget, now) < t)
		t = (uint64_t)budget_timeout_ms(r->budget, now);
	if (r->cap) {
		uint64_t c = (uint64_t)capture_timeout_ms(r->cap, now_ns(), now);

		t = c < t ? c : t;
	}
	if (r->nl && connlog_wait_ms(r->nl, now) >= 0) {
		uint64_t s = (uint64_t)connlog_wait_ms(r->nl, now);

		t = s < t ? s : t;
	}
	return (int)t;
}

/* The capture's and the NFLOG socket's fds join the poll; they are read even while suspended. */
static int net_fds(const struct run *r, struct pollfd *p, int *cap_i, int *nl_i)
{
	int n = 0;

	*cap_i = *nl_i = -1;
	if (r->cap) {
		p[n].fd = r->cap->fd;
		p[n].events = POLLIN;
		*cap_i = n++;
	}
	if (r->nl) {
		p[n].fd = r->nl->fd;
		p[n].events = POLLIN;
		*nl_i = n++;
	}
	return n;
}

static void wait_once(struct run *r, const sigset_t *waitmask)
{
	struct pollfd p[5];
	struct timespec ts;
	int n, t = poll_timeout(r), log_i = -1, hash_i = -1, con_i = -1, cap_i, nl_i;

	n = net_fds(r, p, &cap_i, &nl_i);
	if (!r->eof && !r->suspended) {
		p[n].fd = r->g->log_fd;
		p[n].events = POLLIN;
		log_i = n++;
	}
	if (r->con->rd >= 0 && !r->suspended) {
		p[n].fd = r->con->rd;
		p[n].events = POLLIN;
		con_i = n++;
	}
	if (r->rootfs->fd >= 0) {
		p[n].fd = r->rootfs->fd;
		p[n].events = POLLIN;
		hash_i = n++;
	}
	ts.tv_sec = t / 1000;
	ts.tv_nsec = (long)(t % 1000) * 1000000L;
	if (ppoll(p, (nfds_t)n, &ts, waitmask) <= 0)
		return;
	if (log_i >= 0 && p[log_i].revents)
		read_stream(r);
	if (con_i >= 0 && p[con_i].revents)
		console_read(r->con, r->rec);
	if (hash_i >= 0 && p[hash_i].revents)
		rootfs_poll(r->rootfs);
	if (cap_i >= 0 && p[cap_i].revents)
		capture_read(r->cap);
	if (nl_i >= 0 && p[nl_i].revents)
		connlog_read(r->nl);
}

enum loop_end loop_run(struct run *r, const sigset_t *waitmask)
{
	for (;;) {
		if (stop_sig)
			return LOOP_SIGNAL;
		if (child_exited) {
			child_exited = 0;
			reap(r, 0);
		}
		if (record_failed(r->rec) && !r->suspended)
			suspend(r);
		if (!r->suspended && r->g->exited && r->eof)
			return LOOP_DONE;
		if (!r->suspended && r->g->exited && !r->eof &&
		    mono_ms() - r->exit_ms >= HOSTD_EOF_GRACE_MS)
			give_up_eof(r);
		wait_once(r, waitmask);
		archive_tick(r->a, mono_ms());
		budget_tick(r->budget, r->rec, mono_ms());
		if (r->cap)
			capture_tick(r->cap, now_ns(), mono_ms());
		if (r->nl)
			connlog_tick(r->nl, mono_ms());
	}
}

void loop_stop_guest(struct run *r)
{
	guest_kill(r->g);
	reap(r, 1);
	if (!r->suspended && !r->eof) {
		/* Every writer is dead now: read to EOF (or EAGAIN if one escaped the group). */
		while (!r->eof && read_stream(r) == 0)
			;
	}
}
