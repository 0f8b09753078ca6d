/* Data Capture: the guest's interface through libpcap into rotated gzip pcap files under RUN_DIR/pcap. */
#ifndef CAPTURE_H
#define CAPTURE_H

#include <pcap/pcap.h>
#include <stdint.h>

#include "archive.h"
#include "rotate.h"

struct capture {
	pcap_t *p;
	int fd;				/* selectable, non-blocking */
	char iface[32];
	struct archive *a;		/* events, and the fail-closed state */
	int dirfd;			/* RUN_DIR/pcap */
	unsigned int flush_ms;
	uint64_t last_flush_ms;
	struct pcap_stat last;		/* at the last capture.stats */
	uint64_t last_dropped_hostd;
	uint64_t file_packets0, file_bytes0;	/* totals when the open file began */
	uint64_t packets, bytes;	/* written, all files */
	int read_failed;		/* a pcap read error was reported */
	struct rotor rot;
};

/*
 * Opens IFACE (promiscuous, HOSTD_PCAP_SNAPLEN) and RUN_DIR/pcap with its
 * first file. Needs root (or CAP_NET_RAW); call before dropping privileges.
 * Returns a heap capture, or NULL after saying why.
 */
struct capture *capture_open(struct archive *a, const char *iface, unsigned int period,
			     unsigned int flush_ms);

/* Reads what the ring holds now. */
void capture_read(struct capture *c);

/* Rotation on the boundary, the idle flush, retries of failed steps. */
void capture_tick(struct capture *c, uint64_t now, uint64_t mono_now_ms);

/* Milliseconds until capture_tick has something to do. */
int capture_timeout_ms(const struct capture *c, uint64_t now, uint64_t mono_now_ms);

/* Reads what is left, writes capture.stats (reason "stop"), finishes the file, frees c. */
void capture_close(struct capture *c);

#endif
