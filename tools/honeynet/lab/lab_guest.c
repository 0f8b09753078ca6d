// SPDX-License-Identifier: GPL-2.0
/* The guest: its kernel run by hostd in hn-wall, watched, halted cleanly. */
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

#include "lab_defs.h"
#include "lab_guest.h"
#include "mconsole.h"
#include "netns.h"
#include "report.h"

int lab_guest_console_path(const char *run_dir, char *buf, size_t len)
{
	int n = snprintf(buf, len, "%s/console.log", run_dir);

	return n < 0 || (size_t)n >= len ? -1 : 0;
}

/* The run's persona, made by lab up, beside the archive it masks. */
#define PERSONA_DIR "persona"

int lab_guest_persona_path(const char *run_dir, char *buf, size_t len)
{
	int n = snprintf(buf, len, "%s/" PERSONA_DIR, run_dir);

	return n < 0 || (size_t)n >= len ? -1 : 0;
}

/* The root_fs in the jail: not directly in /, where UML's COW code cannot resolve a backing file. */
#define JAIL_ROOTFS "/image/root_fs"

/* The run's directories hostd gives the jail, writable: the COW's, and uml_dir (the mconsole socket). */
#define DISK_DIR "disk"
#define UML_DIR "uml"

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

int lab_guest_dirs(const char *run_dir, int jail)
{
	static const char *const dirs[] = { DISK_DIR, UML_DIR };
	char path[PATH_MAX];
	size_t i;

	/* --jail off: the kernel, as the jail's uid, reaches its files by their host
	 * paths; search, not read, on the run directory and the archive above it
	 * lets it (the files in them are 0640). */
	if (!jail && (search_for_others(run_dir) < 0 || search_for_others_parent(run_dir) < 0))
		return -1;
	for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
		if (snprintf(path, sizeof(path), "%s/%s", run_dir, dirs[i]) >= (int)sizeof(path)) {
			report("%s: run directory path too long", run_dir);
			return -1;
		}
		if (mkdir(path, 0700) < 0) {
			report_errno("%s", path);
			return -1;
		}
	}
	return 0;
}

int lab_guest_mconsole_path(const char *run_dir, char *buf, size_t len)
{
	int n = snprintf(buf, len, "%s/" UML_DIR "/" LAB_UMID "/mconsole", run_dir);

	return n < 0 || (size_t)n >= len ? -1 : 0;
}

/* Where the kernel finds a run file: the jail's fixed place, or (--jail off) the host's path. */
static int place(char *buf, size_t len, const struct lab_config *cfg,
		 const char *run_dir, const char *name, const char *in_jail)
{
	int n = cfg->jail ? snprintf(buf, len, "%s", in_jail) :
		snprintf(buf, len, "%s/%s", run_dir, name);

	return n < 0 || (size_t)n >= len ? -1 : 0;
}

/* hostd's binds: HOST=JAIL for the root_fs, the persona, the COW's and the umid's directories. */
static int binds(struct guest_cmdline *cl, const struct lab_config *cfg, const char *run_dir)
{
	int n = snprintf(cl->bind_rootfs, sizeof(cl->bind_rootfs), "%s=" JAIL_ROOTFS, cfg->rootfs);

	if (n < 0 || (size_t)n >= sizeof(cl->bind_rootfs))
		return -1;
	n = snprintf(cl->bind_persona, sizeof(cl->bind_persona), "%s/" PERSONA_DIR "=/persona",
		     run_dir);
	if (n < 0 || (size_t)n >= sizeof(cl->bind_persona))
		return -1;
	n = snprintf(cl->bind_disk, sizeof(cl->bind_disk), "%s/" DISK_DIR "=/disk", run_dir);
	if (n < 0 || (size_t)n >= sizeof(cl->bind_disk))
		return -1;
	n = snprintf(cl->bind_uml, sizeof(cl->bind_uml), "%s/" UML_DIR "=/uml", run_dir);
	return n < 0 || (size_t)n >= sizeof(cl->bind_uml) ? -1 : 0;
}

/* The kernel's paths, as it sees them. */
static int kernel_paths(struct guest_cmdline *cl, const struct lab_config *cfg,
			const char *run_dir)
{
	char disk[PATH_MAX], persona[PATH_MAX], uml[PATH_MAX];
	const char *rootfs = cfg->jail ? JAIL_ROOTFS : cfg->rootfs;
	int n;

	if (place(disk, sizeof(disk), cfg, run_dir, DISK_DIR, "/disk") ||
	    place(persona, sizeof(persona), cfg, run_dir, PERSONA_DIR, "/persona") ||
	    place(uml, sizeof(uml), cfg, run_dir, UML_DIR, "/uml"))
		return -1;
	n = snprintf(cl->ubd, sizeof(cl->ubd), "ubd0=%s/disk.cow,%s", disk, rootfs);
	if (n < 0 || (size_t)n >= sizeof(cl->ubd))
		return -1;
	n = cfg->masquerade ? snprintf(cl->hppfs, sizeof(cl->hppfs), "hppfs=%s", persona) :
		snprintf(cl->hppfs, sizeof(cl->hppfs), "hppfs=off");
	if (n < 0 || (size_t)n >= sizeof(cl->hppfs))
		return -1;
	n = snprintf(cl->uml_dir, sizeof(cl->uml_dir), "uml_dir=%s", uml);
	return n < 0 || (size_t)n >= sizeof(cl->uml_dir) ? -1 : 0;
}

/*
 * The root_fs is never written: the guest writes to a copy-on-write file in
 * the run directory, which also keeps the attacker's disk changes with the
 * rest of the run's record. The kernel's honeypot defaults do the rest (root
 * on the first disk, the console on stdout only, eth0 on the host's tap0);
 * hostd adds tty_log_fd. The /proc persona is the run's own copy, made
 * from the host's CPU at lab up. hostd jails the kernel: it sees the root_fs,
 * the persona, the COW's and its umid's directories at fixed paths of its
 * jail, and opens tap0 (made for its uid) as that uid.
 */
int lab_guest_cmdline(struct guest_cmdline *cl, const struct lab_config *cfg,
		      const char *run_dir)
{
	const char **a = cl->argv;

	if (binds(cl, cfg, run_dir) || kernel_paths(cl, cfg, run_dir))
		return -1;
	snprintf(cl->mem, sizeof(cl->mem), "mem=%uM", cfg->mem_mb);
	snprintf(cl->budget, sizeof(cl->budget), "%llu", (unsigned long long)cfg->budget);
	*a++ = cfg->hostd;
	*a++ = "--run-dir";
	*a++ = run_dir;
	*a++ = "--rootfs";
	*a++ = cfg->rootfs;
	*a++ = "--flush-ms";
	*a++ = LAB_TTY_FLUSH_MS;
	*a++ = "--capture";
	*a++ = LAB_IF_TAP;
	*a++ = "--nflog";
	*a++ = LAB_NFLOG_GROUP;
	*a++ = "--user";
	*a++ = LAB_HOSTD_USER;
	*a++ = "--budget";
	*a++ = cl->budget;
	*a++ = "--jail";
	*a++ = cfg->jail ? "on" : "off";
	*a++ = "--jail-uid";
	*a++ = LAB_JAIL_UID;
	if (cfg->cpu[0]) {
		*a++ = "--cpu";
		*a++ = cfg->cpu;
	}
	*a++ = "--jail-ro";
	*a++ = cl->bind_rootfs;
	if (cfg->masquerade) {
		*a++ = "--jail-ro";
		*a++ = cl->bind_persona;
	}
	*a++ = "--jail-rw";
	*a++ = cl->bind_disk;
	*a++ = "--jail-rw";
	*a++ = cl->bind_uml;
	*a++ = "--";
	*a++ = cfg->kernel;
	*a++ = cl->ubd;
	*a++ = cl->mem;
	*a++ = "eth0=tuntap,,,";
	*a++ = "umid=" LAB_UMID;
	*a++ = cl->uml_dir;
	*a++ = cl->hppfs;
	if (cfg->mode == LAB_MODE_BRIDGE)
		*a++ = LAB_GUEST_IP_BRIDGE;
	if (!cfg->tty_log)
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

static void child(const struct guest_cmdline *cl, const char *log)
{
	int in, out;

	if (setsid() < 0 || netns_enter(LAB_NS_WALL) < 0)
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

int lab_guest_start(const struct lab_config *cfg, const char *run_dir,
		    pid_t *pid)
{
	struct guest_cmdline cl;
	char log[PATH_MAX];

	if (lab_guest_cmdline(&cl, cfg, run_dir) ||
	    hostd_log_path(run_dir, log, sizeof(log))) {
		report("%s: run directory path too long", run_dir);
		return -1;
	}
	*pid = fork();
	if (*pid < 0) {
		report_errno("hostd %s: fork", cfg->hostd);
		return -1;
	}
	if (*pid == 0)
		child(&cl, log);
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

int lab_guest_alive(pid_t pid, const char *exe)
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
		if (!lab_guest_alive(pid, exe))
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

int lab_guest_stop(pid_t pid, const char *exe, const char *run_dir)
{
	char sock[PATH_MAX];

	if (!lab_guest_alive(pid, exe))
		return 0;
	if (lab_guest_mconsole_path(run_dir, sock, sizeof(sock))) {
		report("%s: run directory path too long", run_dir);
		return -1;
	}
	/* A paused guest (hostd could not record) cannot answer the mconsole. */
	if (mconsole_send(LAB_NS_WALL, sock, "cad", NULL, 0) < 0)
		report("guest: no poweroff through the mconsole; stopping hostd %ld, which kills the guest",
		       (long)pid);
	else if (wait_exit(pid, exe, LAB_HALT_GRACE) == 0)
		return 0;
	else
		report("guest: no clean poweroff within %d s; stopping hostd %ld, which kills the guest",
		       LAB_HALT_GRACE, (long)pid);
	if (signal_and_wait(pid, exe, SIGTERM, LAB_KILL_GRACE) == 0)
		return 0;
	report("hostd %ld: still running; killing it", (long)pid);
	return signal_and_wait(pid, exe, SIGKILL, LAB_KILL_GRACE);
}
