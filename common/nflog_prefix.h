/* SPDX-License-Identifier: GPL-2.0 */
/* The NFLOG prefix: the contract between the Data Control ruleset and hostd. */
#ifndef NFLOG_PREFIX_H
#define NFLOG_PREFIX_H

/*
 * Every log rule of the ruleset (tools/honeynet/dc/dc_ruleset.c) gives its
 * NFLOG messages the prefix "hn DIR CLASS VERDICT", single spaces, and
 * hostd (hostd/nflog.c) accepts exactly the prefixes written so. Both
 * spell it with these words and nothing else.
 */
#define NFLOG_PREFIX_TAG "hn"
#define NFLOG_PREFIX_FMT NFLOG_PREFIX_TAG " %s %s %s"	/* DIR, CLASS, VERDICT */

#define NFLOG_DIR_IN "in"
#define NFLOG_DIR_OUT "out"

/* The protocol classes each have an hourly limit outbound. */
#define NFLOG_CLASS_TCP "tcp"
#define NFLOG_CLASS_UDP "udp"
#define NFLOG_CLASS_ICMP "icmp"
#define NFLOG_CLASS_OTHER "other"
/* Outbound DNS to the configured resolvers, never limited. */
#define NFLOG_CLASS_DNS "dns"
/* Blocked outright: to the honeywall itself, from a source that is no
 * honeypot, and (bridge mode) what bypassed the inet table. */
#define NFLOG_CLASS_WALL "wall"
#define NFLOG_CLASS_STRAY "stray"
#define NFLOG_CLASS_UNFILTERED "unfiltered"

#define NFLOG_ALLOW "allow"
#define NFLOG_DROP "drop"

#endif
