/* SPDX-License-Identifier: GPL-2.0 */
/* Room for a run on the archive's filesystem, checked before anything of a guest starts. */
#ifndef RUN_SPACE_H
#define RUN_SPACE_H

#include <stddef.h>
#include <stdint.h>

/* The check's figures, in bytes. */
struct run_space {
	uint64_t free;		/* free to unprivileged users on the archive's filesystem */
	uint64_t rootfs;	/* the root_fs's size: what disk.cow can grow to */
	uint64_t budget;	/* --budget, or budget_policy.h's default for free */
	uint64_t capture;	/* the capture's share of budget */
};

/*
 * Fills s for free, rootfs and the --budget asked for (0: the default).
 * Returns 1 if free holds the COW's worst case plus the capture's share,
 * else 0.
 */
int run_space_fits(struct run_space *s, uint64_t free_bytes, uint64_t rootfs,
		   uint64_t budget);

/* "archive DIR: 1.2 GiB free, needs 3.0 GiB (root_fs 2.0 GiB + capture
 * 1.0 GiB); guest not started" into buf. */
void run_space_refusal(const struct run_space *s, const char *archive, char *buf,
		       size_t len);

/* Measures archive's filesystem and the root_fs; on room for a run with the
 * budget asked (0: the default), *budget gets the run's budget and 0 is
 * returned, else -1 after saying why. */
int run_space_check(const char *archive, const char *rootfs, uint64_t asked,
		    uint64_t *budget);

#endif
