/* SPDX-License-Identifier: GPL-2.0 */
/* The Data Control nftables ruleset (the rc.firewall role), rendered from a dc_config. */
#ifndef DC_RULESET_H
#define DC_RULESET_H

#include <stddef.h>

#include "dc_config.h"

/* The tables the ruleset owns; nothing else in the namespace is touched. */
#define DC_TABLE "honeynet_dc"       /* family inet: filter, limits, NAT */
#define DC_TABLE_BR "honeynet_dc_br" /* family bridge: bridge mode's port checks */

/* Enough for the ruleset of DC_MAX_HONEYPOTS honeypots (about 9 KiB each)
 * with room to spare; the unit tests render sixteen into it. */
#define DC_RULESET_MAX 262144

/*
 * Renders the whole ruleset as an nft script for `nft -f -`: it deletes
 * both tables (whether or not they exist) and builds the ones the mode
 * needs, in one transaction, so it replaces an earlier version (of either
 * mode) atomically. Returns 0, or -1 if buf (len bytes) is too small.
 */
int dc_ruleset_render(const struct dc_config *cfg, char *buf, size_t len);

/* An nft script that removes both tables; harmless when they are absent. */
const char *dc_ruleset_delete_script(void);

#endif
