/* SPDX-License-Identifier: GPL-2.0 */
/* One run of one deployed honeypot: started with its identity, watched, stopped. */
#ifndef HP_RUN_H
#define HP_RUN_H

#include <limits.h>
#include <signal.h>
#include <stddef.h>
#include <time.h>

#include "guest_start.h"
#include "guest_state.h"
#include "honeynet_conf.h"

/* The programs a run needs: found beside honeynet, or the config's kernel. */
struct deploy_tools {
	char hostd[PATH_MAX];
	char kernel[PATH_MAX];
};

/* A run and the buffers its guest_spec points into. */
struct hp_run {
	struct guest_state st;		/* hostd's pid and exe, the run directory */
	struct guest_spec g;
	const char *name;		/* the honeypot's, in the config */
	time_t started;
	char base[PATH_MAX];		/* the honeypot's own image, with its identity */
	char disk_dir[PATH_MAX];	/* RUN/disk, or STATE/disk for revert = never */
	char ip[96];
	char nflog[32];
	char limits[96];
	char uid[16];
	char cpu[16];
};

/*
 * Starts honeypot i: its identity and base image (made once), its run
 * directory ARCHIVE/NAME/<UTC>-<id> after the disk check, the run's persona,
 * then hostd and the jailed kernel on cpu (-1: hostd's default, -2: any).
 * The tap and the ruleset must be up. 0, or -1 after saying why.
 */
int hp_run_start(struct hp_run *r, const struct honeynet_conf *conf, size_t i,
		 const struct deploy_tools *t, int cpu);

/* Waits until the honeypot's sshd answers (NAT: at its internal address,
 * from the honeywall), hostd exits, *stop is set or timeout seconds pass.
 * 0 when it answers; -1 after saying why not, with the console's tail. */
int hp_run_ready(const struct hp_run *r, const struct honeynet_conf *conf,
		 size_t i, unsigned int timeout, volatile sig_atomic_t *stop);

/* Powers the guest off cleanly (then hostd stops it, then it is killed). */
int hp_run_stop(const struct hp_run *r);

/* Only asks the guest to power off, and returns at once: 0, or -1 when it
 * could not be asked (the caller then stops hostd itself). */
int hp_run_ask_stop(const struct hp_run *r);

/* The same for a run known only by its state file (a supervisor that was
 * killed left it): the mconsole is found from the run directory. */
int hp_stop_state(const struct honeynet_conf *conf, size_t i,
		  const struct guest_state *st);

/* Whether honeypot i's sshd answers now: 1 yes, 0 not yet, -1 error. In
 * bridge mode the honeywall has no address to ask from: always 1. */
int hp_answers(const struct honeynet_conf *conf, size_t i);

/* Writes the run's state file (DEPLOY_RUN_DIR/NAME.state). */
int hp_run_save(const struct hp_run *r);

#endif
