/* SPDX-License-Identifier: GPL-2.0 */
/* The guest kernel's jail: its own uid, namespaces, a pivot_root'ed directory, no capabilities, seccomp, a cgroup. */
#ifndef JAIL_H
#define JAIL_H

#include <stdint.h>
#include <sys/types.h>

#include "cgroup.h"

/* Where the kernel binary appears inside the jail (argv[0] is exec'd there). */
#define JAIL_KERNEL "/linux"
/* Host paths bound into the jail (--jail-ro / --jail-rw), beside the kernel. */
#define JAIL_MAX_BINDS 12

struct jail_bind {
	char src[256];	/* host path */
	char dst[64];	/* absolute path inside the jail */
	int rw;
};

struct jail {
	int on;			/* 0 (--jail off, benchmarks and stand-ins): only the uid changes */
	int cpu;		/* --cpu: the one host CPU of the guest, or CPU_PIN_ANY (cpu_pin.h) */
	uid_t uid;
	gid_t gid;
	struct jail_bind binds[JAIL_MAX_BINDS];
	int nbinds;
	uint64_t tmp_bytes;	/* the tmpfs that holds UML's memory file */
	uint64_t fsize;		/* RLIMIT_FSIZE: the largest file the kernel may write (its COW) */
	struct cg_limits lim;
	struct cgroup cg;	/* made by jail_prepare, when on */
};

/* What a failed step in the jailed child tells hostd. */
struct jail_err {
	int err;		/* errno */
	char what[244];		/* the step and its object: "pivot_root /run/hostd-jail" */
};

/*
 * --jail-ro SRC=DST and --jail-rw SRC=DST: one bind. Returns 0, or -1 with
 * why filled (DST must be absolute, short, not / and not the kernel's place).
 */
int jail_add_bind(struct jail *j, const char *spec, int rw, char *why, size_t len);

/*
 * Root's part before the fork: the uid is not root and not taken by a named
 * account, rw bind sources become root's with the jail's group (mode 2775), the kernel's loader
 * and libraries are added to the binds, the cgroup NAME is made with the
 * limits. Returns 0, or -1 after saying why.
 */
int jail_prepare(struct jail *j, const char *kernel, const char *name);

/*
 * The jailed child's set-up, up to the exec of the kernel; called in the
 * child of jail_clone. On failure it writes a struct jail_err to err_fd and
 * exits 126. userns_rd/userns_wr: the handshake with hostd, which writes the
 * child's uid and gid maps (jail_map_ids). On success it does not return:
 * the child becomes the jail's init and the kernel runs as its child.
 */
void jail_enter(const struct jail *j, char *const *argv, int err_fd,
		int userns_wr, int userns_rd) __attribute__((noreturn));

/* fork() into the jail's new mount, pid, ipc and uts namespaces (a plain fork when off). */
pid_t jail_clone(const struct jail *j);

/* hostd's side of the handshake: the child's one-id uid and gid maps. 0, or -1 after saying why. */
int jail_map_ids(const struct jail *j, pid_t child);

#endif
