/* SPDX-License-Identifier: GPL-2.0 */
/* What `honeynet lab` was asked to do, parsed and checked from its arguments. */
#ifndef LAB_CONFIG_H
#define LAB_CONFIG_H

#include <limits.h>
#include <stddef.h>
#include <stdint.h>

enum lab_action { LAB_UP, LAB_DOWN, LAB_RUN, LAB_STATUS };
enum lab_mode { LAB_MODE_NAT, LAB_MODE_BRIDGE };

struct lab_config {
	enum lab_action action;
	enum lab_mode mode;
	char hostd[PATH_MAX];
	char kernel[PATH_MAX];
	char rootfs[PATH_MAX];
	char archive[PATH_MAX];
	unsigned int mem_mb;
	unsigned int boot_timeout;
	int tty_log;		/* 0: the kernel's tty log off (for benchmarks) */
	char persona[PATH_MAX];	/* the /proc persona each run's is made from */
	int masquerade;		/* 0: hppfs=off, /proc unmasked (for benchmarks) */
	int jail;		/* 0: hostd --jail off (for benchmarks) */
	uint64_t budget;	/* --budget bytes; 0: budget_policy.h's default */
	char cpu[8];		/* --cpu N or any, for hostd; "": hostd's default */
};

/*
 * Parses the words after "lab" (argv[0] is the action). hostd, and the
 * kernel, root_fs and persona not given, are install_paths_find()'s for
 * bindir (in the build tree: build/bin/hostd, build/linux, build/root_fs,
 * the repository's rootfs/persona/proc); the archive defaults to
 * bindir/../archive. On error writes a message naming the argument to err
 * and returns -1.
 */
int lab_config_parse(struct lab_config *cfg, int argc, char *const argv[],
		     const char *bindir, char *err, size_t errlen);

#endif
