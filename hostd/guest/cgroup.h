/* SPDX-License-Identifier: GPL-2.0 */
/* The jail's cgroup: memory, pids and CPU limits, freeze and kill, on cgroup v2 or the v1 controllers. */
#ifndef CGROUP_H
#define CGROUP_H

#include <stdint.h>

/* v2: one directory; v1: one per controller, in this order. */
enum cg_ctl { CG_MEMORY, CG_PIDS, CG_CPU, CG_FREEZER, CG_NCTL };

struct cg_limits {
	uint64_t mem_bytes;	/* memory.max / memory.limit_in_bytes */
	uint64_t pids;		/* pids.max */
	unsigned int cpu_pct;	/* share of one CPU: 100 = one whole CPU */
};

struct cgroup {
	int v2;
	int ndirs;			/* 1 on v2, CG_NCTL on v1 */
	char dir[CG_NCTL][256];
	int freeze_fd;	/* v2 cgroup.freeze, v1 freezer.state: opened by root, written by hostd after its drop */
	int kill_fd;	/* v2 cgroup.kill; -1 on v1 */
	int procs_fd;	/* the freezer's (v1) or the group's (v2) cgroup.procs, for the kill of every task */
};

/*
 * Makes ROOT/<controller>/honeynet-NAME (v1) or ROOT/honeynet-NAME (v2) with
 * the limits set, and opens the freeze and kill handles. ROOT is
 * /sys/fs/cgroup except in unit tests. v2 is chosen when ROOT has
 * cgroup.controllers listing memory, pids and cpu. Returns 0, or -1 after
 * saying why (why: the step and its reason).
 */
int cgroup_create(struct cgroup *cg, const char *root, const char *name,
		  const struct cg_limits *lim);

/* In the child about to be jailed: moves the caller into every directory. 0 or -1 (errno). */
int cgroup_join(const struct cgroup *cg);

/* The directory of the freeze handle: the group's on v2, the freezer's on v1. */
const char *cgroup_freeze_dir(const struct cgroup *cg);

/* Freezes or thaws every task (the fail-closed pause). 0 or -1 (errno);
 * on v1 a freeze waits up to 1 s for every task, else EBUSY. */
int cgroup_freeze(const struct cgroup *cg, int frozen);

/* Kills every task: cgroup.kill on v2; freeze, SIGKILL each, thaw on v1. 0 or -1 (errno). */
int cgroup_kill(const struct cgroup *cg);

/* 1 when no task is left in the group. */
int cgroup_empty(const struct cgroup *cg);

/* Closes the handles; with rm, removes the (empty) directories too. */
void cgroup_close(struct cgroup *cg, int rm);

#endif
