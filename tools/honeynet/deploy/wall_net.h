/* SPDX-License-Identifier: GPL-2.0 */
/* The honeywall's network for deployed honeypots: taps, addresses, sysctls, the ruleset. */
#ifndef WALL_NET_H
#define WALL_NET_H

#include <stddef.h>

#include "honeynet_conf.h"

/*
 * Everything runs in the caller's network namespace: on a real host the
 * host's own, in tests one of theirs. wall_up loads the Data Control
 * ruleset (one nft transaction: it replaces an earlier one whole), sets the
 * mode's sysctls and, in NAT mode, puts each public address on outside_if;
 * in bridge mode it makes bridge_if when missing and adds outside_if to it.
 * The ruleset is loaded first, so no tap carries a packet before Data
 * Control holds. run_dir (may be NULL) keeps a copy of the ruleset.
 */
int wall_up(const struct honeynet_conf *conf, const char *copy_dir);

/* Undoes wall_up, quietly for what is already gone; 0, or -1 after
 * reporting what could not be removed. */
int wall_down(const struct honeynet_conf *conf);

/* Makes honeypot i's tap, owned by its jail uid (the jailed kernel opens
 * it as that uid), with no IPv6 and, in NAT mode, the gateway address and a
 * route to the honeypot's internal address; in bridge mode a port of
 * bridge_if. An existing tap of that name is an error (not ours to take). */
int hp_net_up(const struct honeynet_conf *conf, size_t i);

/* Removes honeypot i's tap if it exists. */
int hp_net_down(const struct honeynet_conf *conf, size_t i);

/* The kernel's ip= argument for honeypot i into buf, or "" when the
 * root_fs's own network (10.0.0.2/24 behind 10.0.0.1) is the honeypot's. */
int hp_kernel_ip(const struct honeynet_conf *conf, size_t i, char *buf,
		 size_t len);

#endif
