/* SPDX-License-Identifier: GPL-2.0 */
/* Data Control in the lab: the honeywall config for the lab's mode, applied in hn-wall. */
#ifndef LAB_DC_H
#define LAB_DC_H

#include <stddef.h>

#include "lab_config.h"

/* The lab's honeywall config text for mode; -1 if buf is too small. */
int lab_dc_config_text(enum lab_mode mode, char *buf, size_t len);

/*
 * Parses the lab's config, renders the ruleset, keeps both in run_dir
 * (honeywall.conf, honeywall.nft) as the record of what was enforced, and
 * loads the ruleset into hn-wall in one nft transaction. The guest must
 * not start if this fails: -1 and a report.
 */
int lab_dc_apply(enum lab_mode mode, const char *run_dir);

#endif
