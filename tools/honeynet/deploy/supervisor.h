/* SPDX-License-Identifier: GPL-2.0 */
/* The deployed honeynet's supervisor: up, keep each guest running, down on SIGTERM. */
#ifndef SUPERVISOR_H
#define SUPERVISOR_H

#include "honeynet_conf.h"
#include "hp_run.h"

/* Whom to run and how long a boot may take. */
struct supervisor_opts {
	const struct honeynet_conf *conf;
	struct deploy_tools tools;
	int want[DC_MAX_HONEYPOTS];	/* 1: this honeypot is started */
	unsigned int boot_timeout;	/* seconds for each sshd to answer */
	int ready_fd;			/* told "1" once all answer, then closed; -1: none */
	const char *log;		/* stdout and stderr go here once up; NULL: they stay */
};

/*
 * Holds DEPLOY_LOCK_FILE for its life (one supervisor a host), brings the
 * honeywall and every wanted honeypot up, says it is ready (ready_fd and
 * systemd's READY=1) once each sshd answers, then restarts a guest that
 * ends (after a pause that grows while it keeps dying), prunes old runs,
 * and on SIGTERM or SIGINT powers every guest off and removes what it
 * made. 0 after a clean stop; -1 when the start failed (all undone).
 */
int supervise(const struct supervisor_opts *o);

#endif
