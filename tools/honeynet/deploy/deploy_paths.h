/* SPDX-License-Identifier: GPL-2.0 */
/* Where deployed honeypots keep their runtime state, lasting state and runs. */
#ifndef DEPLOY_PATHS_H
#define DEPLOY_PATHS_H

#include <stddef.h>

#include "honeynet_conf.h"

/* Runtime state, gone at reboot: the supervisor's pid and lock, each
 * honeypot's NAME.state and NAME.restart. Apart from the lab's files. */
#define DEPLOY_RUN_DIR "/run/honeynet/deploy"
#define DEPLOY_PID_FILE DEPLOY_RUN_DIR "/honeynet.pid"
#define DEPLOY_LOCK_FILE DEPLOY_RUN_DIR "/honeynet.lock"

/* DEPLOY_RUN_DIR/NAME.<ext> into buf; -1 if it does not fit. */
int deploy_run_file(const char *name, const char *ext, char *buf, size_t len);

/* A honeypot's lasting state (identity, base image, kept disk):
 * HN_STATE_DIR/NAME. */
int deploy_state_dir(const char *name, char *buf, size_t len);

/* The directory of a honeypot's runs: ARCHIVE/NAME. */
int deploy_archive_dir(const struct honeynet_conf *conf, const char *name,
		       char *buf, size_t len);

/* Makes DEPLOY_RUN_DIR (0700) and its parents. */
int deploy_run_dir_make(void);

/* Bridge mode: whether up made bridge (and so down removes it). */
int deploy_mark_bridge(const char *bridge);
int deploy_bridge_marked(const char *bridge);
void deploy_unmark_bridge(void);

#endif
