/* SPDX-License-Identifier: GPL-2.0 */
/* meta.json: the run's identity, configuration, times and counters, replaced atomically. */
#ifndef META_H
#define META_H

#include <stdint.h>
#include <sys/types.h>

#include "archive.h"
#include "budget.h"
#include "console.h"
#include "rootfs.h"
#include "sha256.h"

struct meta {
	const char *run_dir;
	const char *mode;		/* "live" or "parse" */
	const char *state;		/* "running", "stopped", "signalled", "failed" */
	uint64_t start_ns, stop_ns;	/* stop 0: still running */
	const char *input;		/* --parse FILE */
	const char *kernel;
	char kernel_sha[SHA256_HEX];
	int64_t kernel_size;		/* -1: unknown */
	char *const *cmdline;		/* the kernel's argv, as given to it */
	int cmdline_n;
	unsigned int flush_ms;
	pid_t guest_pid;
	int guest_cpu;			/* its one host CPU; < 0: not pinned */
	int guest_exited;
	int guest_status;		/* a wait status */
	const struct rootfs_id *rootfs;
	const struct archive_counters *c;
	const char *fail_msg;		/* NULL: no failure */
	int dirfd;			/* > 0: the run directory, opened before a privilege drop */
	const char *capture;		/* --capture IFACE, or NULL */
	unsigned int rotate;
	int nflog;			/* --nflog GROUP, or -1 */
	const unsigned int *limits;	/* --limits (tcp, udp, icmp, other), with nflog */
	const char *user;		/* --user, or NULL */
	const struct budget *budget;	/* live mode, once set up */
	const struct console *console;	/* live mode, once set up */
};

/* Writes run_dir/meta.json (in dirfd if set) through meta.json.tmp, fsync and rename. Returns 0, or -1 after saying why. */
int meta_write(const struct meta *m);

#endif
