/* SPDX-License-Identifier: GPL-2.0 */
/* Connection events: Data Control's NFLOG groups (libpcap "nflog:GROUP[,UNLOGGED]") as net.* events. */
#ifndef CONNLOG_H
#define CONNLOG_H

#include <pcap/pcap.h>
#include <stdint.h>

#include "conncount.h"
#include "nflog.h"
#include "record.h"
#include "unlogged.h"

struct connlog {
	pcap_t *p;
	int fd;			/* selectable, non-blocking */
	int group;
	int unlogged_group;	/* the attempts over the log rate, counted only; -1: none */
	struct record *rec;	/* where the events go */
	unsigned int limit[NF_NLIMITED];
	struct conncount cc;
	struct unlogged un;
	uint64_t messages, events, unparsed, errors;
	int error_said;
};

/* Sets up c with no socket: connlog_packet works, connlog_end writes nflog.stats. */
void connlog_init(struct connlog *c, struct record *rec, int group, int unlogged_group,
		  const unsigned int limit[NF_NLIMITED]);

/*
 * Opens nflog:GROUP, and UNLOGGED_GROUP on the same socket unless it is -1
 * (needs CAP_NET_ADMIN: before dropping privileges). Returns NULL after saying why.
 */
struct connlog *connlog_open(struct record *rec, int group, int unlogged_group,
			     const unsigned int limit[NF_NLIMITED]);

/* Reads what the socket holds now and writes one event per logged attempt. */
void connlog_read(struct connlog *c);

/*
 * One DLT_NFLOG packet (captured at ts_ns) to its event: net.inbound,
 * net.outbound, net.blocked, or net.unparsed with why; from the unlogged
 * group, a count toward the next net.unlogged (mono_ms: hostd's monotonic
 * clock, which times the summary). For tests too.
 */
void connlog_packet(struct connlog *c, const unsigned char *p, size_t n, uint64_t ts_ns,
		    uint64_t mono_ms);

/* Milliseconds until connlog_tick has a summary to write, or -1 if none is pending. */
int64_t connlog_wait_ms(const struct connlog *c, uint64_t mono_ms);

/* Writes the net.unlogged summary if it is due. */
void connlog_tick(struct connlog *c, uint64_t mono_ms);

/* Reads what is left, writes the pending net.unlogged and nflog.stats, closes the socket. */
void connlog_end(struct connlog *c);

/* connlog_end, then frees c. */
void connlog_close(struct connlog *c);

#endif
