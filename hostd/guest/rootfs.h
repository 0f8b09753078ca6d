/* SPDX-License-Identifier: GPL-2.0 */
/* The root_fs's identity for meta.json, without slowing the boot: a manifest's hash, or a background hash. */
#ifndef ROOTFS_H
#define ROOTFS_H

#include <stdint.h>
#include <sys/types.h>

#include "sha256.h"

struct rootfs_id {
	const char *path;	/* NULL: no --rootfs */
	int64_t size;		/* -1 if stat failed */
	uint64_t mtime_ns;
	char manifest_sha[SHA256_HEX];	/* of PATH.manifest, if present */
	char sha[SHA256_HEX];	/* of the image, from the background hasher */
	const char *hash_state;	/* "none", "manifest", "running", "done", "unfinished", "failed" */
	pid_t pid;		/* the hasher, or 0 */
	int fd;			/* its result pipe, or -1 */
	size_t got;		/* hex digits read so far */
};

/* Stats path; hashes PATH.manifest if present, else starts a niced hasher child. */
void rootfs_start(struct rootfs_id *r, const char *path);

/* Reads the hasher's result when fd is readable; returns 1 when it is finished. */
int rootfs_poll(struct rootfs_id *r);

/* Reaps the hasher if it exited (on SIGCHLD). */
void rootfs_reap(struct rootfs_id *r);

/* Waits up to wait_ms for the hash, then kills the hasher (hash_state "unfinished"). */
void rootfs_finish(struct rootfs_id *r, unsigned int wait_ms);

#endif
