/* SPDX-License-Identifier: GPL-2.0 */
/* The guest: its kernel run by hostd in hn-wall, watched, halted cleanly. */
#ifndef LAB_GUEST_H
#define LAB_GUEST_H

#include <limits.h>
#include <stddef.h>
#include <sys/types.h>

#include "lab_config.h"

/* Starts hostd in the wall namespace, which starts the guest kernel and
 * records the run into run_dir; hostd's pid is written to *pid. */
int lab_guest_start(const struct lab_config *cfg, const char *run_dir,
		    pid_t *pid);

/* Whether pid is still the hostd started from exe (not a reused pid). */
int lab_guest_alive(pid_t pid, const char *exe);

/* Powers the guest off through the mconsole (ctrl-alt-del, which the root_fs
 * maps to poweroff) and waits for hostd to finish the archive; then asks
 * hostd to stop (it kills the guest), then kills hostd. */
int lab_guest_stop(pid_t pid, const char *exe, const char *run_dir);

/* Makes run_dir's disk/ and uml/, which hostd binds into the jail writable
 * (jail 0: --jail off, where the kernel reaches them through run_dir). */
int lab_guest_dirs(const char *run_dir, int jail);

/* The guest's mconsole socket within a run directory. */
int lab_guest_mconsole_path(const char *run_dir, char *buf, size_t len);

/* The guest's console log within a run directory (hostd writes it). */
int lab_guest_console_path(const char *run_dir, char *buf, size_t len);

/* The persona the guest's /proc is masked with, within a run directory. */
int lab_guest_persona_path(const char *run_dir, char *buf, size_t len);

/* hostd's command line, the kernel's after "--"; argv points into the
 * buffers beside it. */
struct guest_cmdline {
	char ubd[2 * PATH_MAX + 16];
	char mem[32];
	char hppfs[PATH_MAX + 16];
	char uml_dir[PATH_MAX + 16];
	char bind_rootfs[PATH_MAX + 16];	/* hostd --jail-ro/--jail-rw HOST=JAIL */
	char bind_persona[PATH_MAX + 16];
	char bind_disk[PATH_MAX + 16];
	char bind_uml[PATH_MAX + 16];
	char budget[24];
	const char *argv[52];
};

/* Fills cl for cfg and run_dir (cfg->budget set: lab up works it out
 * first); -1 if a path does not fit. */
int lab_guest_cmdline(struct guest_cmdline *cl, const struct lab_config *cfg,
		      const char *run_dir);

#endif
