// SPDX-License-Identifier: GPL-2.0
/* `honeynet up|down|status|restart|watch`: the deployed honeypots of a honeynet.conf. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "deploy_cmd.h"
#include "deploy_paths.h"
#include "deploy_status.h"
#include "guest_state.h"
#include "install_paths.h"
#include "parse_uint.h"
#include "report.h"
#include "run_dir.h"
#include "ssh_probe.h"
#include "supervisor.h"
#include "wall_net.h"
#include "watch_cmd.h"

#define BOOT_TIMEOUT_DEFAULT 120
#define BOOT_TIMEOUT_MAX 600
/* A clean stop of every guest takes at most GUEST_HALT_GRACE + GUEST_KILL_GRACE
 * each, one after the other; down waits for all of it. */
#define DOWN_WAIT_SECS (DC_MAX_HONEYPOTS * (GUEST_HALT_GRACE + 2 * GUEST_KILL_GRACE))

static const char *const cmds[] = { "up", "down", "status", "restart", "watch" };

int deploy_is_cmd(const char *cmd)
{
	size_t i;

	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		if (strcmp(cmd, cmds[i]) == 0)
			return 1;
	return 0;
}

static int load(struct honeynet_conf *conf, const char *path)
{
	char err[512];

	if (geteuid() != 0) {
		report("the honeynet needs root (taps, nftables, namespaces, cgroups); run it as root");
		return -1;
	}
	if (honeynet_conf_load(conf, path, err, sizeof(err))) {
		report("%s; nothing changed", err);
		return -1;
	}
	return 0;
}

/* hostd beside this program; the kernel as installed or built, unless the config names one. */
static int find_tools(struct deploy_tools *t, const struct honeynet_conf *conf,
		      const char *bindir)
{
	struct install_paths p;

	if (install_paths_find(&p, bindir)) {
		report_errno("%s: where hostd and the kernel are", bindir);
		return -1;
	}
	snprintf(t->hostd, sizeof(t->hostd), "%s", p.hostd);
	snprintf(t->kernel, sizeof(t->kernel), "%s", conf->kernel[0] ? conf->kernel : p.kernel);
	if (access(t->hostd, X_OK) < 0 || access(t->kernel, X_OK) < 0) {
		report_errno("%s", access(t->hostd, X_OK) < 0 ? t->hostd : t->kernel);
		return -1;
	}
	return 0;
}

/* Marks the honeypots named (all when none is), refusing a name the config lacks. */
static int choose(const struct honeynet_conf *conf, int argc, char *argv[], int *want)
{
	int i, k;

	for (k = 0; k < (int)conf->n_honeypots; k++)
		want[k] = argc == 0;
	for (i = 0; i < argc; i++) {
		k = hn_honeypot_index(conf, argv[i]);
		if (k < 0) {
			report("%s: no honeypot %s in it", conf->file, argv[i]);
			return -1;
		}
		want[k] = 1;
	}
	return 0;
}

/* The background supervisor: its own session, its messages on the
 * caller's stderr until it is up (so a failed start says why there),
 * then in ARCHIVE/honeynet.log. */
static int up_background(struct supervisor_opts *o)
{
	static char log[PATH_MAX];
	int p[2], null;
	char ok = 0;
	pid_t pid;

	if (snprintf(log, sizeof(log), "%s/honeynet.log", o->conf->archive) >= (int)sizeof(log) ||
	    mkdir_parents(o->conf->archive) < 0 || pipe2(p, O_CLOEXEC) < 0) {
		report_errno("archive %s", o->conf->archive);
		return 1;
	}
	pid = fork();
	if (pid < 0) {
		report_errno("fork");
		return 1;
	}
	if (pid == 0) {
		close(p[0]);
		null = open("/dev/null", O_RDONLY | O_CLOEXEC);
		if (setsid() < 0 || null < 0 || dup2(null, STDIN_FILENO) < 0)
			_exit(1);
		o->ready_fd = p[1];
		o->log = log;
		_exit(supervise(o) ? 1 : 0);
	}
	close(p[1]);
	if (read(p[0], &ok, 1) != 1 || ok != '1')
		return 1;
	printf("honeynet up: supervisor %ld, log %s\n", (long)pid, log);
	return deploy_status(o->conf, NULL) ? 1 : 0;
}

static int up(const struct honeynet_conf *conf, const char *bindir, int argc,
	      char *argv[])
{
	static struct supervisor_opts o;
	int foreground = 0, i = 0;

	memset(&o, 0, sizeof(o));
	o.conf = conf;
	o.boot_timeout = BOOT_TIMEOUT_DEFAULT;
	o.ready_fd = -1;
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--foreground") == 0)
			foreground = 1;
		else if (strcmp(argv[i], "--timeout") == 0 && i + 1 < argc &&
			 parse_uint(argv[i + 1], 1, BOOT_TIMEOUT_MAX, &o.boot_timeout) == 0)
			i++;
		else {
			report("up: %s: not an option (--foreground, --timeout 1..%d)",
			       argv[i], BOOT_TIMEOUT_MAX);
			return 2;
		}
	}
	if (choose(conf, argc - i, argv + i, o.want) || find_tools(&o.tools, conf, bindir))
		return 1;
	if (foreground)
		return supervise(&o) ? 1 : 0;
	return up_background(&o);
}

/* The supervisor's pid while it holds the lock; 0 when none runs. */
static pid_t supervisor_pid(void)
{
	char buf[24] = "";
	int fd = open(DEPLOY_LOCK_FILE, O_RDWR | O_CLOEXEC);
	unsigned int pid;
	ssize_t n;

	if (fd < 0)
		return 0;
	if (flock(fd, LOCK_EX | LOCK_NB) == 0) {
		close(fd);
		return 0;
	}
	close(fd);
	fd = open(DEPLOY_PID_FILE, O_RDONLY | O_CLOEXEC);
	n = fd < 0 ? -1 : read(fd, buf, sizeof(buf) - 1);
	if (fd >= 0)
		close(fd);
	if (n <= 0)
		return -1;
	buf[strcspn(buf, "\n")] = '\0';
	return parse_uint(buf, 2, INT32_MAX, &pid) == 0 ? (pid_t)pid : -1;
}

static int wait_supervisor_gone(unsigned int secs)
{
	struct timespec tick = { 0, 200 * 1000 * 1000 };
	unsigned int i;

	for (i = 0; i < secs * 5; i++) {
		if (supervisor_pid() == 0)
			return 0;
		nanosleep(&tick, NULL);
	}
	return -1;
}

/* What a supervisor that was killed left: guests, taps, the ruleset, state files. */
static int leftovers(const struct honeynet_conf *conf)
{
	struct guest_state st;
	char path[PATH_MAX];
	size_t i;
	int rc = 0;

	for (i = 0; i < conf->n_honeypots; i++) {
		if (deploy_run_file(conf->honeypot[i].name, "state", path, sizeof(path)))
			continue;
		if (guest_state_load(&st, path) == 1 && hp_stop_state(conf, i, &st))
			rc = -1;
		unlink(path);
		if (hp_net_down(conf, i))
			rc = -1;
	}
	if (wall_down(conf))
		rc = -1;
	unlink(DEPLOY_PID_FILE);
	return rc;
}

static int down(const struct honeynet_conf *conf)
{
	pid_t pid = supervisor_pid();

	if (pid < 0) {
		report("%s is held but %s names no process; not stopping blindly",
		       DEPLOY_LOCK_FILE, DEPLOY_PID_FILE);
		return 1;
	}
	if (pid > 0) {
		if (kill(pid, SIGTERM) < 0 && errno != ESRCH) {
			report_errno("supervisor %ld", (long)pid);
			return 1;
		}
		if (wait_supervisor_gone(DOWN_WAIT_SECS)) {
			report("supervisor %ld did not stop within %d s", (long)pid, DOWN_WAIT_SECS);
			return 1;
		}
	}
	if (leftovers(conf))
		return 1;
	printf("honeynet down\n");
	return 0;
}

/* Waits for NAME's state to name a run other than old, then for its sshd. */
static int wait_new_run(const struct honeynet_conf *conf, size_t i, const char *old)
{
	struct timespec tick = { 0, 250 * 1000 * 1000 };
	const long wait = GUEST_HALT_GRACE + 2 * GUEST_KILL_GRACE + BOOT_TIMEOUT_DEFAULT;
	time_t deadline = time(NULL) + wait;
	struct guest_state st;
	char path[PATH_MAX];

	if (deploy_run_file(conf->honeypot[i].name, "state", path, sizeof(path)))
		return -1;
	while (time(NULL) < deadline) {
		if (guest_state_load(&st, path) == 1 && strcmp(st.run_dir, old) != 0 &&
		    hp_answers(conf, i) > 0) {
			printf("honeypot %s restarted: run %s\n", conf->honeypot[i].name, st.run_dir);
			return 0;
		}
		nanosleep(&tick, NULL);
	}
	report("honeypot %s: no new run answering within %ld s; see 'honeynet status'",
	       conf->honeypot[i].name, wait);
	return -1;
}

static int restart_one(const struct honeynet_conf *conf, const char *name, pid_t pid)
{
	struct guest_state st;
	char state[PATH_MAX], mark[PATH_MAX];
	int i = hn_honeypot_index(conf, name), fd;

	if (i < 0) {
		report("%s: no honeypot %s in it", conf->file, name);
		return 1;
	}
	if (deploy_run_file(name, "state", state, sizeof(state)) ||
	    deploy_run_file(name, "restart", mark, sizeof(mark)) ||
	    guest_state_load(&st, state) != 1) {
		report("honeypot %s is not running; 'honeynet up %s' starts it", name, name);
		return 1;
	}
	fd = open(mark, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0 || kill(pid, SIGUSR1) < 0) {
		report_errno("restart %s", name);
		if (fd >= 0)
			close(fd);
		return 1;
	}
	close(fd);
	return wait_new_run(conf, (size_t)i, st.run_dir) ? 1 : 0;
}

static int restart(const struct honeynet_conf *conf, const char *bindir, int argc,
		   char *argv[])
{
	pid_t pid = supervisor_pid();

	if (argc > 1) {
		report("restart: give at most one honeypot");
		return 2;
	}
	if (argc == 1) {
		if (pid <= 0) {
			report("the honeynet is not up; 'honeynet up' starts it");
			return 1;
		}
		return restart_one(conf, argv[0], pid);
	}
	if (down(conf))
		return 1;
	return up(conf, bindir, 0, NULL);
}

/* The feed of every honeypot's runs, or one's. */
static int watch(const struct honeynet_conf *conf, int argc, char *argv[])
{
	static char dirs[DC_MAX_HONEYPOTS][PATH_MAX];
	struct watch_src src[DC_MAX_HONEYPOTS];
	size_t i, n = 0;

	if (argc > 1) {
		report("watch: give at most one honeypot");
		return 2;
	}
	if (argc == 1 && hn_honeypot_index(conf, argv[0]) < 0) {
		report("%s: no honeypot %s in it", conf->file, argv[0]);
		return 1;
	}
	for (i = 0; i < conf->n_honeypots; i++) {
		const char *name = conf->honeypot[i].name;

		if ((argc == 1 && strcmp(argv[0], name) != 0) ||
		    deploy_archive_dir(conf, name, dirs[n], sizeof(dirs[n])))
			continue;
		src[n].name = name;
		src[n].dir = dirs[n];
		n++;
	}
	return watch_run(src, n);
}

int deploy_main(const char *cmd, const char *config, const char *bindir,
		int argc, char *argv[])
{
	static struct honeynet_conf conf;

	if (load(&conf, config))
		return 1;
	if (strcmp(cmd, "up") == 0)
		return up(&conf, bindir, argc, argv);
	if (strcmp(cmd, "down") == 0) {
		if (argc) {
			report("down: takes no arguments (it stops every honeypot)");
			return 2;
		}
		return down(&conf);
	}
	if (strcmp(cmd, "restart") == 0)
		return restart(&conf, bindir, argc, argv);
	if (strcmp(cmd, "watch") == 0)
		return watch(&conf, argc, argv);
	if (argc > 1) {
		report("status: give at most one honeypot");
		return 2;
	}
	return deploy_status(&conf, argc ? argv[0] : NULL) ? 1 : 0;
}
