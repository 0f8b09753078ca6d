// SPDX-License-Identifier: GPL-2.0
/* A guest: its kernel run by hostd in the honeywall's namespace, watched, halted cleanly. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "file_tail.h"
#include "guest_start.h"
#include "mconsole.h"
#include "netns.h"
#include "report.h"
#include "snprintf_fits.h"

int guest_console_path(const char *run_dir, char *buf, size_t len)
{
	int n = snprintf(buf, len, "%s/console.log", run_dir);

	return n < 0 || (size_t)n >= len ? -1 : 0;
}

static void show_tail(const char *run_dir, const char *name)
{
	char path[PATH_MAX];

	if (snprintf(path, sizeof(path), "%s/%s", run_dir, name) >= (int)sizeof(path))
		return;
	fprintf(stderr, "--- last lines of %s ---\n", path);
	if (file_tail(path, GUEST_CONSOLE_TAIL, stderr) < 0)
		fprintf(stderr, "(%s: %s)\n", path, strerror(errno));
	fprintf(stderr, "---\n");
}

void guest_show_record(const char *run_dir)
{
	show_tail(run_dir, "hostd.log");
	show_tail(run_dir, "console.log");
}

int guest_persona_path(const char *run_dir, char *buf, size_t len)
{
	int n = snprintf(buf, len, "%s/" GUEST_PERSONA_DIR, run_dir);

	return n < 0 || (size_t)n >= len ? -1 : 0;
}

/* The root_fs in the jail: not directly in /, where UML's COW code cannot resolve a backing file. */
#define JAIL_ROOTFS "/image/root_fs"

/* The run's directory hostd gives the jail writable for uml_dir (the mconsole socket). */
#define UML_DIR "uml"

/* The tap the kernel's honeypot defaults open when eth0=tuntap names none. */
#define DEFAULT_TAP "tap0"

static int search_for_others(const char *dir)
{
	struct stat st;

	if (stat(dir, &st) < 0 || chmod(dir, (st.st_mode & 07777) | S_IXOTH) < 0) {
		report_errno("%s", dir);
		return -1;
	}
	return 0;
}

static int search_for_others_parent(const char *run_dir)
{
	char parent[PATH_MAX];
	char *slash;

	snprintf(parent, sizeof(parent), "%s", run_dir);
	slash = strrchr(parent, '/');
	if (!slash || slash == parent)
		return 0;
	*slash = '\0';
	return search_for_others(parent);
}

static int make_dir(const char *path)
{
	if (mkdir(path, 0700) < 0 && errno != EEXIST) {
		report_errno("%s", path);
		return -1;
	}
	return 0;
}

int guest_dirs(const struct guest_spec *spec)
{
	char path[PATH_MAX];

	/* --jail off: the kernel, as the jail's uid, reaches its files by their host
	 * paths; search, not read, on the run directory and the archive above it
	 * lets it (the files in them are 0640). */
	if (!spec->jail && (search_for_others(spec->run_dir) < 0 ||
			    search_for_others_parent(spec->run_dir) < 0))
		return -1;
	if (snprintf(path, sizeof(path), "%s/" UML_DIR, spec->run_dir) >= (int)sizeof(path)) {
		report("%s: run directory path too long", spec->run_dir);
		return -1;
	}
	return make_dir(spec->disk_dir) < 0 || make_dir(path) < 0 ? -1 : 0;
}

int guest_mconsole_path(const char *run_dir, const char *umid, char *buf,
			size_t len)
{
	int n = snprintf(buf, len, "%s/" UML_DIR "/%s/mconsole", run_dir, umid);

	return n < 0 || (size_t)n >= len ? -1 : 0;
}

static int bind_arg(char *buf, size_t len, const char *host, const char *suffix,
		const char *in_jail)
{
	return snprintf_fits(snprintf(buf, len, "%s%s=%s", host, suffix, in_jail), len);
}

/* hostd's binds: HOST=JAIL for the root_fs, the persona, the COW's and the umid's directories. */
static int binds(struct guest_cmdline *cl, const struct guest_spec *spec)
{
	return bind_arg(cl->bind_rootfs, sizeof(cl->bind_rootfs), spec->rootfs, "", JAIL_ROOTFS) ||
	       bind_arg(cl->bind_persona, sizeof(cl->bind_persona), spec->run_dir,
		    "/" GUEST_PERSONA_DIR, "/persona") ||
	       bind_arg(cl->bind_disk, sizeof(cl->bind_disk), spec->disk_dir, "", "/disk") ||
	       bind_arg(cl->bind_uml, sizeof(cl->bind_uml), spec->run_dir, "/" UML_DIR, "/uml") ? -1 : 0;
}

/* The kernel's paths, as it sees them: the jail's fixed places, or (--jail
 * off) the host's. */
static int kernel_paths(struct guest_cmdline *cl, const struct guest_spec *spec)
{
	const char *rootfs = spec->jail ? JAIL_ROOTFS : spec->rootfs;
	const char *disk = spec->jail ? "/disk" : spec->disk_dir;
	const char *run = spec->jail ? "" : spec->run_dir;

	if (snprintf_fits(snprintf(cl->ubd, sizeof(cl->ubd), "ubd0=%s/disk.cow,%s", disk, rootfs),
		 sizeof(cl->ubd)) ||
	    snprintf_fits(snprintf(cl->uml_dir, sizeof(cl->uml_dir), "uml_dir=%s/" UML_DIR, run),
		 sizeof(cl->uml_dir)))
		return -1;
	if (!spec->masquerade)
		return snprintf_fits(snprintf(cl->hppfs, sizeof(cl->hppfs), "hppfs=off"), sizeof(cl->hppfs));
	return snprintf_fits(snprintf(cl->hppfs, sizeof(cl->hppfs), "hppfs=%s/" GUEST_PERSONA_DIR, run),
		    sizeof(cl->hppfs));
}

/* The kernel's eth0: the honeypot defaults' tap0 as they are, any other named. */
static int eth0_arg(struct guest_cmdline *cl, const struct guest_spec *spec)
{
	int n = strcmp(spec->tap, DEFAULT_TAP) == 0 ?
		snprintf(cl->eth0, sizeof(cl->eth0), "eth0=tuntap,,,") :
		snprintf(cl->eth0, sizeof(cl->eth0), "eth0=tuntap,%s", spec->tap);

	if (n < 0 || (size_t)n >= sizeof(cl->eth0))
		return -1;
	n = snprintf(cl->umid, sizeof(cl->umid), "umid=%s", spec->umid);
	return n < 0 || (size_t)n >= sizeof(cl->umid) ? -1 : 0;
}

/* hostd's options before the jail's: the archive, the capture, the log groups. */
static const char **hostd_opts(const char **a, struct guest_cmdline *cl,
			       const struct guest_spec *spec)
{
	snprintf(cl->budget, sizeof(cl->budget), "%llu", (unsigned long long)spec->budget);
	*a++ = spec->hostd;
	*a++ = "--run-dir";
	*a++ = spec->run_dir;
	*a++ = "--rootfs";
	*a++ = spec->rootfs;
	*a++ = "--flush-ms";
	*a++ = GUEST_TTY_FLUSH_MS;
	*a++ = "--capture";
	*a++ = spec->tap;
	*a++ = "--nflog";
	*a++ = spec->nflog;
	if (spec->limits) {
		*a++ = "--limits";
		*a++ = spec->limits;
	}
	*a++ = "--user";
	*a++ = GUEST_HOSTD_USER;
	*a++ = "--budget";
	*a++ = cl->budget;
	return a;
}

static const char **jail_opts(const char **a, struct guest_cmdline *cl,
			      const struct guest_spec *spec)
{
	*a++ = "--jail";
	*a++ = spec->jail ? "on" : "off";
	*a++ = "--jail-uid";
	*a++ = spec->jail_uid;
	if (spec->cpu[0]) {
		*a++ = "--cpu";
		*a++ = spec->cpu;
	}
	*a++ = "--jail-ro";
	*a++ = cl->bind_rootfs;
	if (spec->masquerade) {
		*a++ = "--jail-ro";
		*a++ = cl->bind_persona;
	}
	*a++ = "--jail-rw";
	*a++ = cl->bind_disk;
	*a++ = "--jail-rw";
	*a++ = cl->bind_uml;
	return a;
}

/*
 * The root_fs is never written: the guest writes to a copy-on-write file,
 * in the run directory (which also keeps the attacker's disk changes with
 * the rest of the run's record) or, for a honeypot that keeps its disk, in
 * its own state directory. The kernel's honeypot defaults do the rest (root
 * on the first disk, the console on stdout only, eth0 on the host's tap0);
 * hostd adds tty_log_fd. The /proc persona is the run's own copy, made from
 * the host's CPU at the start. hostd jails the kernel: it sees the root_fs,
 * the persona, the COW's and its umid's directories at fixed paths of its
 * jail, and opens its tap (made for its uid) as that uid.
 */
int guest_cmdline(struct guest_cmdline *cl, const struct guest_spec *spec)
{
	const char **a = cl->argv;

	if (binds(cl, spec) || kernel_paths(cl, spec) || eth0_arg(cl, spec))
		return -1;
	snprintf(cl->mem, sizeof(cl->mem), "mem=%uM", spec->mem_mb);
	a = hostd_opts(a, cl, spec);
	a = jail_opts(a, cl, spec);
	*a++ = "--";
	*a++ = spec->kernel;
	*a++ = cl->ubd;
	*a++ = cl->mem;
	*a++ = cl->eth0;
	*a++ = cl->umid;
	*a++ = cl->uml_dir;
	*a++ = cl->hppfs;
	if (spec->ip)
		*a++ = spec->ip;
	if (!spec->tty_log)
		*a++ = "tty_log=off";
	*a = NULL;
	/* A fixed array: growing the line past it must fail loudly, here. */
	if (a >= cl->argv + sizeof(cl->argv) / sizeof(cl->argv[0]))
		abort();
	return 0;
}

/* hostd's own messages go beside the archive it writes. */
static int hostd_log_path(const char *run_dir, char *buf, size_t len)
{
	int n = snprintf(buf, len, "%s/hostd.log", run_dir);

	return n < 0 || (size_t)n >= len ? -1 : 0;
}

static void child(const struct guest_cmdline *cl, const char *netns, const char *log)
{
	int in, out;

	if (setsid() < 0 || (netns && netns_enter(netns) < 0))
		_exit(126);
	in = open("/dev/null", O_RDONLY);
	out = open(log, O_WRONLY | O_CREAT | O_APPEND, 0640);
	if (in < 0 || out < 0 || dup2(in, STDIN_FILENO) < 0 ||
	    dup2(out, STDOUT_FILENO) < 0 || dup2(out, STDERR_FILENO) < 0)
		_exit(126);
	/* Nothing of the caller's reaches hostd or the guest: not a lock, not
	 * a socket an attacker could find among the kernel's host fds. */
	if (close_range(3, ~0U, 0) < 0)
		_exit(126);
	execv(cl->argv[0], (char *const *)cl->argv);
	fprintf(stderr, "honeynet: %s: %s\n", cl->argv[0], strerror(errno));
	_exit(127);
}

int guest_start(const struct guest_spec *spec, pid_t *pid)
{
	struct guest_cmdline cl;
	char log[PATH_MAX];

	if (guest_cmdline(&cl, spec) ||
	    hostd_log_path(spec->run_dir, log, sizeof(log))) {
		report("%s: run directory path too long", spec->run_dir);
		return -1;
	}
	*pid = fork();
	if (*pid < 0) {
		report_errno("hostd %s: fork", spec->hostd);
		return -1;
	}
	if (*pid == 0)
		child(&cl, spec->netns, log);
	return 0;
}

/* /proc/PID/exe names exe, or exe " (deleted)" after a rebuild. */
static int exe_is(pid_t pid, const char *path)
{
	char link[64], exe[PATH_MAX], real[PATH_MAX];
	ssize_t n;
	size_t rlen;

	snprintf(link, sizeof(link), "/proc/%ld/exe", (long)pid);
	n = readlink(link, exe, sizeof(exe) - 1);
	if (n < 0 || !realpath(path, real))
		return 0;
	exe[n] = '\0';
	rlen = strlen(real);
	return strncmp(exe, real, rlen) == 0 &&
	       (exe[rlen] == '\0' || strcmp(exe + rlen, " (deleted)") == 0);
}

int guest_alive(pid_t pid, const char *exe)
{
	int status;
	pid_t r = waitpid(pid, &status, WNOHANG);

	if (r == pid)
		return 0;
	/* Our own child is alive whatever it runs: until its exec it is
	 * still a copy of honeynet, so its exe says nothing yet. */
	if (r == 0)
		return 1;
	if (errno != ECHILD)
		return 0;
	return exe_is(pid, exe);
}

static int wait_exit(pid_t pid, const char *exe, unsigned int secs)
{
	struct timespec tick = { 0, 100 * 1000 * 1000 };
	unsigned int i;

	for (i = 0; i < secs * 10; i++) {
		if (!guest_alive(pid, exe))
			return 0;
		nanosleep(&tick, NULL);
	}
	return -1;
}

/* Sends sig to hostd and gives it secs to exit. */
static int signal_and_wait(pid_t pid, const char *exe, int sig,
			   unsigned int secs)
{
	if (kill(pid, sig) < 0 && errno != ESRCH) {
		report_errno("hostd %ld: kill", (long)pid);
		return -1;
	}
	return wait_exit(pid, exe, secs);
}

int guest_ask_poweroff(const struct guest_spec *spec)
{
	char sock[PATH_MAX];

	if (guest_mconsole_path(spec->run_dir, spec->umid, sock, sizeof(sock))) {
		report("%s: run directory path too long", spec->run_dir);
		return -1;
	}
	return mconsole_send(spec->netns, sock, "cad", NULL, 0);
}

int guest_stop(pid_t pid, const char *exe, const struct guest_spec *spec)
{
	if (!guest_alive(pid, exe))
		return 0;
	if (guest_ask_poweroff(spec) < 0)
		report("guest: no poweroff through the mconsole; stopping hostd %ld, which kills the guest",
		       (long)pid);
	else if (wait_exit(pid, exe, GUEST_HALT_GRACE) == 0)
		return 0;
	else
		report("guest: no clean poweroff within %d s; stopping hostd %ld, which kills the guest",
		       GUEST_HALT_GRACE, (long)pid);
	if (signal_and_wait(pid, exe, SIGTERM, GUEST_KILL_GRACE) == 0)
		return 0;
	report("hostd %ld: still running; killing it", (long)pid);
	return signal_and_wait(pid, exe, SIGKILL, GUEST_KILL_GRACE);
}
