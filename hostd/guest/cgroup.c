// SPDX-License-Identifier: GPL-2.0
/* The jail's cgroup: memory, pids and CPU limits, freeze and kill, on cgroup v2 or the v1 controllers. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cgroup.h"
#include "report.h"
#include "write_all.h"

/*
 * Every run's cgroup is "honeynet-" NAME directly under the root (v2) or
 * each v1 controller, not a level further down: a guest system call is a
 * round trip between two of its host processes, and that round trip
 * (tests/bench/ptrace_floor.c, under the whole jail, 100 paired rounds on
 * a v1 host) took 2.4 % longer in a cgroup two levels deep than in one a
 * level deep, which cost nothing measurable against none.
 */
#define CG_PREFIX "honeynet-"
/* Seconds after which an empty run cgroup is a leftover, not one being set up. */
#define CG_SWEEP_AGE 120
/* v1 controller mount names, in enum cg_ctl's order. */
static const char *const v1_ctl[CG_NCTL] = { "memory", "pids", "cpu", "freezer" };
/* The CPU period both layouts use: quota = pct * period / 100. */
#define CG_CPU_PERIOD_US 100000ULL
/* How long the v1 pause waits for every task to be frozen: 1 s. */
#define CG_FREEZE_TRIES 50
#define CG_FREEZE_TICK_MS 20

static int write_str(const char *dir, const char *file, const char *val)
{
	char path[512];
	size_t done;
	int fd, r;

	if (snprintf(path, sizeof(path), "%s/%s", dir, file) >= (int)sizeof(path)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	r = write_all(fd, val, strlen(val), &done);
	if (close(fd) < 0)
		r = -1;
	return r;
}

static int open_in(const char *dir, const char *file, int flags)
{
	char path[512];

	if (snprintf(path, sizeof(path), "%s/%s", dir, file) >= (int)sizeof(path)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	return open(path, flags | O_CLOEXEC);
}

/* v2 needs all three controllers on offer at the root. */
static int is_v2(const char *root)
{
	char buf[512];
	ssize_t n;
	int fd = open_in(root, "cgroup.controllers", O_RDONLY);

	if (fd < 0)
		return 0;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return 0;
	buf[n] = '\0';
	return strstr(buf, "memory") && strstr(buf, "pids") && strstr(buf, "cpu");
}

/* mkdir that accepts an existing directory: a stale, empty run cgroup is reused. */
static int make_dir(const char *path)
{
	return mkdir(path, 0755) < 0 && errno != EEXIST ? -1 : 0;
}

static int fail(const char *what, const char *where)
{
	report("jail: cgroup %s %s: %s; guest not started", what, where, strerror(errno));
	return -1;
}

/* Runs that ended left their empty cgroups (hostd, no longer root by then,
 * cannot remove them). A live run's cgroup is not empty: rmdir refuses it
 * (EBUSY). One made a moment ago by another hostd that has not yet put its
 * guest in it is empty too: only cgroups older than CG_SWEEP_AGE go. Only
 * ours: the parent is the whole host's root. */
static void sweep(const char *parent)
{
	char path[512];
	struct dirent *d;
	struct stat st;
	DIR *dir = opendir(parent);

	if (!dir)
		return;
	while ((d = readdir(dir))) {
		if (d->d_type != DT_DIR || strncmp(d->d_name, CG_PREFIX, strlen(CG_PREFIX)) != 0 ||
		    fstatat(dirfd(dir), d->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0 ||
		    time(NULL) - st.st_mtime < CG_SWEEP_AGE)
			continue;
		if (snprintf(path, sizeof(path), "%s/%s", parent, d->d_name) < (int)sizeof(path))
			rmdir(path);
	}
	closedir(dir);
}

static int set_dirs(struct cgroup *cg, const char *root, const char *name)
{
	char parent[256];
	int i, n;

	/* v2 hands the controllers down from the root to the run. */
	if (cg->v2 && write_str(root, "cgroup.subtree_control", "+memory +pids +cpu") < 0)
		return fail("subtree_control", root);
	for (i = 0; i < cg->ndirs; i++) {
		if (cg->v2)
			n = snprintf(parent, sizeof(parent), "%s", root);
		else
			n = snprintf(parent, sizeof(parent), "%s/%s", root, v1_ctl[i]);
		if (n >= (int)sizeof(parent) ||
		    snprintf(cg->dir[i], sizeof(cg->dir[i]), "%s/" CG_PREFIX "%s", parent, name) >=
		    (int)sizeof(cg->dir[i])) {
			errno = ENAMETOOLONG;
			return fail("path", name);
		}
		sweep(parent);
		if (make_dir(cg->dir[i]) < 0)
			return fail("mkdir", cg->dir[i]);
	}
	return 0;
}

static int set_limits(const struct cgroup *cg, const struct cg_limits *lim)
{
	const char *d_mem = cg->dir[cg->v2 ? 0 : CG_MEMORY];
	const char *d_pids = cg->dir[cg->v2 ? 0 : CG_PIDS];
	const char *d_cpu = cg->dir[cg->v2 ? 0 : CG_CPU];
	unsigned long long quota = CG_CPU_PERIOD_US * lim->cpu_pct / 100;
	char v[64];

	snprintf(v, sizeof(v), "%" PRIu64, lim->mem_bytes);
	if (write_str(d_mem, cg->v2 ? "memory.max" : "memory.limit_in_bytes", v) < 0)
		return fail("memory limit", d_mem);
	snprintf(v, sizeof(v), "%" PRIu64, lim->pids);
	if (write_str(d_pids, "pids.max", v) < 0)
		return fail("pids.max", d_pids);
	if (cg->v2) {
		snprintf(v, sizeof(v), "%llu %llu", quota, CG_CPU_PERIOD_US);
		if (write_str(d_cpu, "cpu.max", v) < 0)
			return fail("cpu.max", d_cpu);
		return 0;
	}
	snprintf(v, sizeof(v), "%llu", CG_CPU_PERIOD_US);
	if (write_str(d_cpu, "cpu.cfs_period_us", v) < 0)
		return fail("cpu.cfs_period_us", d_cpu);
	snprintf(v, sizeof(v), "%llu", quota);
	if (write_str(d_cpu, "cpu.cfs_quota_us", v) < 0)
		return fail("cpu.cfs_quota_us", d_cpu);
	return 0;
}

const char *cgroup_freeze_dir(const struct cgroup *cg)
{
	return cg->dir[cg->v2 ? 0 : CG_FREEZER];
}

/* The handles hostd and the guard use after they gave up root. */
static int open_handles(struct cgroup *cg)
{
	const char *d = cgroup_freeze_dir(cg);

	/* v1's is read back too: the pause waits for FROZEN (v1_freeze). */
	cg->freeze_fd = open_in(d, cg->v2 ? "cgroup.freeze" : "freezer.state", cg->v2 ? O_WRONLY : O_RDWR);
	if (cg->freeze_fd < 0)
		return fail("freeze handle", d);
	cg->procs_fd = open_in(d, "cgroup.procs", O_RDONLY);
	if (cg->procs_fd < 0)
		return fail("cgroup.procs", d);
	if (!cg->v2)
		return 0;
	cg->kill_fd = open_in(d, "cgroup.kill", O_WRONLY);
	if (cg->kill_fd < 0)
		return fail("cgroup.kill", d);
	return 0;
}

int cgroup_create(struct cgroup *cg, const char *root, const char *name,
		  const struct cg_limits *lim)
{
	memset(cg, 0, sizeof(*cg));
	cg->freeze_fd = cg->kill_fd = cg->procs_fd = -1;
	cg->v2 = is_v2(root);
	cg->ndirs = cg->v2 ? 1 : CG_NCTL;
	if (set_dirs(cg, root, name) < 0 || set_limits(cg, lim) < 0 || open_handles(cg) < 0) {
		cgroup_close(cg, 1);
		return -1;
	}
	return 0;
}

int cgroup_join(const struct cgroup *cg)
{
	int i;

	for (i = 0; i < cg->ndirs; i++)
		if (write_str(cg->dir[i], "cgroup.procs", "0") < 0)
			return -1;
	return 0;
}

/* A held handle: each write is one whole command at offset 0, as cgroupfs takes it. */
static int write_fd(int fd, const char *val)
{
	size_t len = strlen(val);
	ssize_t n = pwrite(fd, val, len, 0);

	if (n < 0)
		return -1;
	if ((size_t)n != len) {
		errno = EIO;
		return -1;
	}
	return 0;
}

/*
 * v1 freezes each task once, as FROZEN is written: one that enters a
 * ptrace stop just then (a guest process trapping to the kernel) stays
 * traced but not frozen, and the group reads FREEZING for good. Each
 * write freezes such tasks, so write until the state reads FROZEN.
 */
static int v1_freeze(const struct cgroup *cg)
{
	const struct timespec tick = { 0, CG_FREEZE_TICK_MS * 1000000L };
	char st[16];
	ssize_t n;
	int i;

	for (i = 0; i < CG_FREEZE_TRIES; i++) {
		if (write_fd(cg->freeze_fd, "FROZEN") < 0)
			return -1;
		n = pread(cg->freeze_fd, st, sizeof(st) - 1, 0);
		if (n < 0)
			return -1;
		st[n] = '\0';
		st[strcspn(st, "\n")] = '\0';
		if (strcmp(st, "FROZEN") == 0)
			return 0;
		nanosleep(&tick, NULL);
	}
	errno = EBUSY;
	return -1;
}

int cgroup_freeze(const struct cgroup *cg, int frozen)
{
	if (cg->v2)
		return write_fd(cg->freeze_fd, frozen ? "1" : "0");
	return frozen ? v1_freeze(cg) : write_fd(cg->freeze_fd, "THAWED");
}

/* v1 has no cgroup.kill: every task listed, each killed while frozen so none can fork away. */
static int kill_each(const struct cgroup *cg)
{
	char buf[8192], *p, *end;
	ssize_t n;
	int r = 0;
	long pid;

	n = pread(cg->procs_fd, buf, sizeof(buf) - 1, 0);
	if (n < 0)
		return -1;
	buf[n] = '\0';
	for (p = buf; *p; p = end) {
		pid = strtol(p, &end, 10);
		if (end == p)
			break;
		if (pid > 0 && kill((pid_t)pid, SIGKILL) < 0 && errno != ESRCH)
			r = -1;
	}
	/* A full buffer may have cut the list: the caller repeats until the group is empty. */
	return r;
}

int cgroup_empty(const struct cgroup *cg)
{
	char b;

	return pread(cg->procs_fd, &b, 1, 0) == 0;
}

int cgroup_kill(const struct cgroup *cg)
{
	int r;

	if (cg->v2)
		return write_fd(cg->kill_fd, "1");
	/* One write stops forks; a traced task left unfrozen cannot fork, and the caller repeats. */
	if (write_fd(cg->freeze_fd, "FROZEN") < 0)
		return -1;
	r = kill_each(cg);
	/* SIGKILL is delivered once the tasks run again. */
	if (cgroup_freeze(cg, 0) < 0)
		r = -1;
	return r;
}

void cgroup_close(struct cgroup *cg, int rm)
{
	int i;

	if (cg->freeze_fd >= 0)
		close(cg->freeze_fd);
	if (cg->kill_fd >= 0)
		close(cg->kill_fd);
	if (cg->procs_fd >= 0)
		close(cg->procs_fd);
	cg->freeze_fd = cg->kill_fd = cg->procs_fd = -1;
	for (i = 0; rm && i < cg->ndirs; i++)
		if (cg->dir[i][0])
			rmdir(cg->dir[i]);
}
