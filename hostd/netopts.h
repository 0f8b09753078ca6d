/* SPDX-License-Identifier: GPL-2.0 */
/* The capture and connection-event options: values checked, errors that say what was expected. */
#ifndef NETOPTS_H
#define NETOPTS_H

#include <stddef.h>

#include "nflog.h"

struct netopts {
	const char *capture;		/* --capture IFACE, or NULL */
	unsigned int rotate;		/* --rotate SECS */
	int nflog;			/* --nflog GROUP, or -1 */
	int nflog_unlogged;		/* --nflog GROUP,UNLOGGED: the second, or -1 */
	unsigned int limit[NF_NLIMITED];	/* --limits, by class */
	const char *user;		/* --user USER, or NULL */
};

void netopts_init(struct netopts *n);

/* Each returns 0, or -1 with why ("--rotate 0: expected 1..86400"). */
int netopts_rotate(struct netopts *n, const char *s, char *why, size_t whylen);
/* "GROUP" or "GROUP,UNLOGGED": two different groups, each 0..65535. */
int netopts_nflog(struct netopts *n, const char *s, char *why, size_t whylen);
int netopts_capture(struct netopts *n, const char *s, char *why, size_t whylen);
/* "tcp=9,udp=20,icmp=50,other=10": any subset, each 1..HOSTD_LIMIT_MAX. */
int netopts_limits(struct netopts *n, const char *s, char *why, size_t whylen);

#endif
