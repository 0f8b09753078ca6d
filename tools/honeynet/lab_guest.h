/* The guest kernel process: started in hn-wall, watched, halted cleanly. */
#ifndef LAB_GUEST_H
#define LAB_GUEST_H

#include <limits.h>
#include <stddef.h>
#include <sys/types.h>

#include "lab_config.h"

/* Starts cfg->kernel in the wall namespace with its console going to
 * run_dir/console.log; the pid is written to *pid. */
int lab_guest_start(const struct lab_config *cfg, const char *run_dir,
		    pid_t *pid);

/* Whether pid is still the guest started from kernel (not a reused pid). */
int lab_guest_alive(pid_t pid, const char *kernel);

/* Powers the guest off through the mconsole (ctrl-alt-del, which the root_fs
 * maps to poweroff), then halts, then kills it if it does not exit. */
int lab_guest_stop(pid_t pid, const char *kernel);

/* The guest's console log within a run directory. */
int lab_guest_console_path(const char *run_dir, char *buf, size_t len);

/* The guest kernel's command line; argv points into the buffers beside it. */
struct guest_cmdline {
	char ubd[2 * PATH_MAX + 16];
	char mem[32];
	const char *argv[16];
};

/* Fills cl for cfg and run_dir; -1 if a path does not fit. */
int lab_guest_cmdline(struct guest_cmdline *cl, const struct lab_config *cfg,
		      const char *run_dir);

#endif
