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
int lab_guest_stop(pid_t pid, const char *exe);

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
	char budget[24];
	const char *argv[40];
};

/* Fills cl for cfg and run_dir (cfg->budget set: lab up works it out
 * first); -1 if a path does not fit. */
int lab_guest_cmdline(struct guest_cmdline *cl, const struct lab_config *cfg,
		      const char *run_dir);

#endif
