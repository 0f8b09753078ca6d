/* SPDX-License-Identifier: GPL-2.0 */
/* The lab as a honeynet.conf: its one honeypot and honeywall, set up as honeynet up does. */
#ifndef LAB_CONF_H
#define LAB_CONF_H

#include <stddef.h>

#include "honeynet_conf.h"
#include "lab_config.h"

/* Large enough for the lab's config, its paths included. */
#define LAB_CONF_TEXT_MAX 4096

/* The lab's honeynet.conf text for cfg: the mode, its namespaces'
 * interfaces and addresses, one honeypot "lab" on tap0 with cfg's root_fs,
 * persona, memory and CPU. -1 if a path is not absolute or it does not fit. */
int lab_conf_text(const struct lab_config *cfg, char *buf, size_t len);

/* That text, left in text (len bytes), parsed into conf by the operator's
 * own parser; -1 after saying why. */
int lab_conf_make(struct honeynet_conf *conf, const struct lab_config *cfg,
		  char *text, size_t len);

/*
 * In hn-wall, what honeynet up does on a real host: the Data Control
 * ruleset, the mode's sysctls, the public address, tap0 for the jail's uid.
 * The config and the ruleset loaded are kept in run_dir (honeynet.conf,
 * honeywall.nft). 0, or -1 after saying why.
 */
int lab_conf_apply(const struct lab_config *cfg, const char *run_dir);

#endif
