/* Connection events: Data Control's NFLOG group (libpcap "nflog:GROUP") as net.* events. */
#ifndef CONNLOG_H
#define CONNLOG_H

#include <pcap/pcap.h>
#include <stdint.h>

#include "archive.h"
#include "conncount.h"
#include "nflog.h"

struct connlog {
	pcap_t *p;
	int fd;			/* selectable, non-blocking */
	int group;
	struct archive *a;
	unsigned int limit[NF_NLIMITED];
	struct conncount cc;
	uint64_t messages, events, unparsed, errors;
	int error_said;
};

/* Sets up c with no socket: connlog_packet works, connlog_end writes nflog.stats. */
void connlog_init(struct connlog *c, struct archive *a, int group,
		  const unsigned int limit[NF_NLIMITED]);

/* Opens nflog:GROUP (needs CAP_NET_ADMIN: before dropping privileges). Returns NULL after saying why. */
struct connlog *connlog_open(struct archive *a, int group, const unsigned int limit[NF_NLIMITED]);

/* Reads what the socket holds now and writes one event per logged packet. */
void connlog_read(struct connlog *c);

/*
 * One DLT_NFLOG packet (captured at ts_ns) to its event: net.inbound,
 * net.outbound, net.blocked, or net.unparsed with why. For tests too.
 */
void connlog_packet(struct connlog *c, const unsigned char *p, size_t n, uint64_t ts_ns);

/* Reads what is left, writes nflog.stats, closes the socket. */
void connlog_end(struct connlog *c);

/* connlog_end, then frees c. */
void connlog_close(struct connlog *c);

#endif
