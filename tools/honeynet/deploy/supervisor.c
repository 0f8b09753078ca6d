// SPDX-License-Identifier: GPL-2.0
/* The deployed honeynet's supervisor: up, keep each guest running, down on SIGTERM. */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "deploy_paths.h"
#include "retention.h"
#include "report.h"
#include "sd_notify.h"
#include "supervisor.h"
#include "wall_net.h"

/* A guest that ends within this of its start is dying, not just ending:
 * each further start waits twice as long, up to the cap. */
#define DYING_SECS 60
#define BACKOFF_MIN 2
#define BACKOFF_MAX 300
/* Old runs are pruned at each start and then this often. */
#define PRUNE_EVERY_SECS 3600

/* How far an operator's restart has gone in ending the old guest. */
enum ending { ENDING_NO, ENDING_ASKED, ENDING_TERMED, ENDING_KILLED };

struct slot {
	struct hp_run run;
	int running;
	int cpu;
	time_t next_start;	/* when a dead guest is started again */
	unsigned int backoff;
	enum ending ending;
	time_t term_at, kill_at;	/* when an ending guest's hostd is stopped, killed */
};

static volatile sig_atomic_t stop_requested;
static volatile sig_atomic_t restart_requested;

static void on_stop(int sig)
{
	(void)sig;
	stop_requested = 1;
}

static void on_restart(int sig)
{
	(void)sig;
	restart_requested = 1;
}

static int handlers(void)
{
	struct sigaction stop = { .sa_handler = on_stop };
	struct sigaction restart = { .sa_handler = on_restart };
	struct sigaction ign = { .sa_handler = SIG_IGN };

	sigemptyset(&stop.sa_mask);
	sigemptyset(&restart.sa_mask);
	sigemptyset(&ign.sa_mask);
	/* No reload: a changed config takes effect with a restart. */
	if (sigaction(SIGTERM, &stop, NULL) || sigaction(SIGINT, &stop, NULL) ||
	    sigaction(SIGUSR1, &restart, NULL) || sigaction(SIGHUP, &ign, NULL) ||
	    sigaction(SIGPIPE, &ign, NULL)) {
		report_errno("sigaction");
		return -1;
	}
	return 0;
}

/* The lock says a supervisor runs; the pid file says which. */
static int take_lock(void)
{
	char pid[24];
	int fd, pfd, n;

	if (deploy_run_dir_make())
		return -1;
	fd = open(DEPLOY_LOCK_FILE, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0) {
		report_errno("%s", DEPLOY_LOCK_FILE);
		return -1;
	}
	if (flock(fd, LOCK_EX | LOCK_NB) < 0) {
		report("the honeynet is already up (%s is held); 'honeynet status' shows it",
		       DEPLOY_LOCK_FILE);
		close(fd);
		return -1;
	}
	n = snprintf(pid, sizeof(pid), "%ld\n", (long)getpid());
	pfd = open(DEPLOY_PID_FILE, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (pfd < 0 || write(pfd, pid, (size_t)n) != n) {
		report_errno("%s", DEPLOY_PID_FILE);
		close(fd);
		if (pfd >= 0)
			close(pfd);
		return -1;
	}
	close(pfd);
	return fd;
}

/* CPUs: each honeypot's own, or (not set) the highest allowed CPU no
 * other honeypot has, so hostd's own work stays on the lowest. */
static void choose_cpus(const struct supervisor_opts *o, struct slot *s)
{
	const struct honeynet_conf *conf = o->conf;
	int taken[CPU_SETSIZE] = { 0 };
	cpu_set_t allowed;
	size_t i;
	int c;

	if (sched_getaffinity(0, sizeof(allowed), &allowed) < 0)
		CPU_ZERO(&allowed);
	for (i = 0; i < conf->n_honeypots; i++) {
		s[i].cpu = conf->honeypot[i].cpu;
		if (s[i].cpu >= 0 && s[i].cpu < CPU_SETSIZE)
			taken[s[i].cpu] = 1;
	}
	for (i = 0; i < conf->n_honeypots; i++) {
		if (s[i].cpu != HN_CPU_UNSET || !o->want[i])
			continue;
		for (c = CPU_SETSIZE - 1; c >= 0; c--)
			if (CPU_ISSET(c, &allowed) && !taken[c])
				break;
		/* More honeypots than CPUs: hostd chooses, and they share. */
		s[i].cpu = c >= 0 ? c : HN_CPU_UNSET;
		if (c >= 0)
			taken[c] = 1;
	}
}

static void prune(const struct supervisor_opts *o, size_t i, const struct slot *s)
{
	const struct hn_honeypot *h = &o->conf->honeypot[i];
	char dir[PATH_MAX], run[PATH_MAX];

	if (deploy_archive_dir(o->conf, h->name, dir, sizeof(dir)))
		return;
	snprintf(run, sizeof(run), "%s", s->run.st.run_dir);
	retention_prune(dir, s->running ? basename(run) : NULL, h->keep_days,
			h->keep_size, time(NULL), stderr);
}

static int start_one(const struct supervisor_opts *o, size_t i, struct slot *s)
{
	if (hp_run_start(&s->run, o->conf, i, &o->tools, s->cpu))
		return -1;
	s->running = 1;
	fprintf(stderr, "honeynet: honeypot %s: started, run %s\n",
		o->conf->honeypot[i].name, s->run.st.run_dir);
	prune(o, i, s);
	return 0;
}

static void stop_one(struct slot *s)
{
	char path[PATH_MAX];

	if (!s->running)
		return;
	hp_run_stop(&s->run);
	s->running = 0;
	if (deploy_run_file(s->run.name, "state", path, sizeof(path)) == 0)
		unlink(path);
}

/* Undoes everything: guests, taps, the honeywall, the runtime files. */
static void teardown(const struct supervisor_opts *o, struct slot *s)
{
	size_t i;

	sd_notify_send("STOPPING=1");
	for (i = 0; i < o->conf->n_honeypots; i++)
		stop_one(&s[i]);
	for (i = 0; i < o->conf->n_honeypots; i++)
		if (o->want[i])
			hp_net_down(o->conf, i);
	wall_down(o->conf);
	unlink(DEPLOY_PID_FILE);
}

static int bring_up(const struct supervisor_opts *o, struct slot *s)
{
	size_t i;

	if (wall_up(o->conf, DEPLOY_RUN_DIR))
		return -1;
	for (i = 0; i < o->conf->n_honeypots; i++)
		if (o->want[i] && hp_net_up(o->conf, i))
			return -1;
	/* All boot at once; then each is waited for. */
	for (i = 0; i < o->conf->n_honeypots; i++)
		if (o->want[i] && start_one(o, i, &s[i]))
			return -1;
	for (i = 0; i < o->conf->n_honeypots; i++)
		if (o->want[i] && hp_run_ready(&s[i].run, o->conf, i, o->boot_timeout,
					       &stop_requested))
			return -1;
	return 0;
}

/* Why hostd ended, from its exit status (hostd(8) EXIT STATUS). */
static const char *why_ended(int status, char *buf, size_t len)
{
	static const char *const by_code[] = {
		"the guest powered itself off",
		"the guest kernel failed",
		"hostd refused its command line",
		"hostd was stopped by a signal",
		"recording failed, so the guest was paused and ended",
		"hostd could not set the guest up",
	};

	if (WIFSIGNALED(status))
		snprintf(buf, len, "hostd was killed by signal %d", WTERMSIG(status));
	else if (WEXITSTATUS(status) < (int)(sizeof(by_code) / sizeof(by_code[0])))
		snprintf(buf, len, "%s", by_code[WEXITSTATUS(status)]);
	else
		snprintf(buf, len, "hostd exited with status %d", WEXITSTATUS(status));
	return buf;
}

/* The ended run's own record says why it ended, as its last event. The
 * line holds only our words and a checked honeypot name: nothing to escape. */
static void record_end(const struct slot *s, const char *why, int status)
{
	char path[PATH_MAX], ts[32], line[512];
	struct timespec now;
	struct tm tm;
	int fd, n;

	clock_gettime(CLOCK_REALTIME, &now);
	gmtime_r(&now.tv_sec, &tm);
	strftime(ts, sizeof(ts), "%Y-%m-%dT%H:%M:%S", &tm);
	n = snprintf(line, sizeof(line),
		     "{\"ts\":\"%s.%06ldZ\",\"type\":\"guest.ended\",\"honeypot\":\"%s\","
		     "\"reason\":\"%s\",\"hostd_status\":%d}\n",
		     ts, now.tv_nsec / 1000, s->run.name, why, status);
	if (snprintf(path, sizeof(path), "%s/events.jsonl", s->run.st.run_dir) >= (int)sizeof(path))
		return;
	fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC);
	if (fd < 0 || write(fd, line, (size_t)n) != n)
		report_errno("%s: the end of the run not recorded", path);
	if (fd >= 0)
		close(fd);
}

/* A guest that ended: recorded, and started again after its pause. */
static void on_ended(struct slot *s, int status, const char *why_given)
{
	char why[128];
	time_t now = time(NULL);

	if (why_given)
		snprintf(why, sizeof(why), "%s", why_given);
	else
		why_ended(status, why, sizeof(why));
	record_end(s, why, status);
	s->running = 0;
	if (why_given || now - s->run.started >= DYING_SECS)
		s->backoff = why_given ? 0 : BACKOFF_MIN;
	else
		s->backoff = s->backoff ? (s->backoff * 2 > BACKOFF_MAX ? BACKOFF_MAX :
					   s->backoff * 2) : BACKOFF_MIN;
	s->next_start = now + s->backoff;
	fprintf(stderr, "honeynet: honeypot %s: %s (run %s); starting it again in %u s\n",
		s->run.name, why, s->run.st.run_dir, s->backoff);
}

/* `honeynet restart NAME` left NAME.restart and sent SIGUSR1. The guest is
 * only asked to power off here; reap and hurry see it end, so the loop
 * goes on watching every other honeypot meanwhile. */
static void restarts(struct slot *s, size_t n)
{
	char path[PATH_MAX];
	time_t now = time(NULL);
	size_t i;

	for (i = 0; i < n; i++) {
		if (!s[i].running || s[i].ending != ENDING_NO ||
		    deploy_run_file(s[i].run.name, "restart", path, sizeof(path)) ||
		    unlink(path) < 0)
			continue;
		s[i].ending = ENDING_ASKED;
		s[i].term_at = now + GUEST_HALT_GRACE;
		if (hp_run_ask_stop(&s[i].run) < 0) {
			fprintf(stderr, "honeynet: honeypot %s: no poweroff through the mconsole; "
				"stopping hostd, which kills the guest\n", s[i].run.name);
			s[i].term_at = now;
		}
		s[i].kill_at = s[i].term_at + GUEST_KILL_GRACE;
	}
}

/* A hostd already gone (ESRCH) is reap's to see. */
static void signal_hostd(struct slot *s, int sig, enum ending next)
{
	if (kill(s->run.st.hostd_pid, sig) < 0 && errno != ESRCH)
		report_errno("honeypot %s: hostd %ld: kill", s->run.name, (long)s->run.st.hostd_pid);
	s->ending = next;
}

/* An ending guest that outstays its grace: hostd is stopped, then killed. */
static void hurry(struct slot *s, size_t n)
{
	time_t now = time(NULL);
	size_t i;

	for (i = 0; i < n; i++) {
		if (!s[i].running || s[i].ending == ENDING_NO || s[i].ending == ENDING_KILLED)
			continue;
		if (now >= s[i].kill_at && s[i].ending == ENDING_TERMED)
			signal_hostd(&s[i], SIGKILL, ENDING_KILLED);
		else if (now >= s[i].term_at && s[i].ending == ENDING_ASKED)
			signal_hostd(&s[i], SIGTERM, ENDING_TERMED);
	}
}

static void reap(struct slot *s, size_t n)
{
	size_t i;
	int status;

	for (i = 0; i < n; i++) {
		if (!s[i].running ||
		    waitpid(s[i].run.st.hostd_pid, &status, WNOHANG) != s[i].run.st.hostd_pid)
			continue;
		on_ended(&s[i], status, s[i].ending != ENDING_NO ? "restarted by the operator" : NULL);
		s[i].ending = ENDING_NO;
	}
}

static void restart_due(const struct supervisor_opts *o, struct slot *s)
{
	time_t now = time(NULL);
	size_t i;

	for (i = 0; i < o->conf->n_honeypots; i++) {
		if (!o->want[i] || s[i].running || now < s[i].next_start)
			continue;
		if (start_one(o, i, &s[i]) < 0) {
			s[i].backoff = s[i].backoff ? s[i].backoff * 2 : BACKOFF_MIN;
			if (s[i].backoff > BACKOFF_MAX)
				s[i].backoff = BACKOFF_MAX;
			s[i].next_start = now + s[i].backoff;
			fprintf(stderr, "honeynet: honeypot %s: start failed; trying again in %u s\n",
				o->conf->honeypot[i].name, s[i].backoff);
		}
	}
}

static void watch_loop(const struct supervisor_opts *o, struct slot *s)
{
	struct timespec tick = { 0, 250 * 1000 * 1000 };
	time_t last_prune = time(NULL);
	size_t i, n = o->conf->n_honeypots;

	while (!stop_requested) {
		if (restart_requested) {
			restart_requested = 0;
			restarts(s, n);
		}
		hurry(s, n);
		reap(s, n);
		restart_due(o, s);
		if (time(NULL) - last_prune >= PRUNE_EVERY_SECS) {
			last_prune = time(NULL);
			for (i = 0; i < n; i++)
				if (o->want[i])
					prune(o, i, &s[i]);
		}
		nanosleep(&tick, NULL);
	}
}

/* Up: the caller that waits is told, and (in the background) the
 * messages from now on go to the log instead of its terminal. */
static void tell_ready(const struct supervisor_opts *o)
{
	char ok = '1';
	int fd;

	if (o->log) {
		fd = open(o->log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0640);
		if (fd < 0 || dup2(fd, STDOUT_FILENO) < 0 || dup2(fd, STDERR_FILENO) < 0)
			report_errno("%s: messages stay where they were", o->log);
		if (fd >= 0)
			close(fd);
	}
	if (o->ready_fd < 0)
		return;
	if (write(o->ready_fd, &ok, 1) != 1)
		report_errno("up: telling the caller");
	close(o->ready_fd);
}

int supervise(const struct supervisor_opts *o)
{
	static struct slot s[DC_MAX_HONEYPOTS];
	int lock;

	memset(s, 0, sizeof(s));
	sd_notify_take();
	if (handlers())
		return -1;
	lock = take_lock();
	if (lock < 0)
		return -1;
	choose_cpus(o, s);
	if (bring_up(o, s)) {
		report("up failed; removing what was made");
		teardown(o, s);
		close(lock);
		return -1;
	}
	tell_ready(o);
	sd_notify_send("READY=1\nSTATUS=every honeypot's sshd answers");
	fprintf(stderr, "honeynet: up\n");
	watch_loop(o, s);
	fprintf(stderr, "honeynet: stopping\n");
	teardown(o, s);
	close(lock);
	return 0;
}
