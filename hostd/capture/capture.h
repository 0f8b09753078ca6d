/* SPDX-License-Identifier: GPL-2.0 */
/* Data Capture: the guest's interface through libpcap into rotated gzip pcap files under RUN_DIR/pcap. */
#ifndef CAPTURE_H
#define CAPTURE_H

#include <pcap/pcap.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>

#include "budget.h"
#include "pktqueue.h"
#include "record.h"
#include "rotate.h"

/*
 * Two threads. The reader (started by capture_start) only moves packets
 * from libpcap's ring into q, so the ring drains even while zlib or the
 * disk is slow; it owns the pcap handle, except that pcap_stats is called
 * by the loop: plock serialises the two (held around each pcap_dispatch
 * and each pcap_stats, never while waiting). Everything else (the files,
 * the counts, the record) belongs to the loop's thread, the writer. The
 * reader says "packets queued" through the eventfd fd, which the loop
 * polls; the loop says "stop" through stop_fd.
 */
struct capture {
	pcap_t *p;
	int pcap_fd;			/* the handle's, non-blocking: the reader polls it */
	int fd;				/* eventfd the loop polls: packets queued, or the reader stopped */
	int stop_fd;			/* eventfd: the reader finishes draining and exits */
	pthread_mutex_t plock;		/* the pcap handle */
	pthread_t reader;
	int reader_on;			/* started and not yet joined */
	struct pktq q;
	atomic_int read_err;		/* the reader stopped on a read error (release after read_msg) */
	char read_msg[PCAP_ERRBUF_SIZE];
	char iface[32];
	struct record *rec;		/* events, and the fail-closed state */
	int dirfd;			/* RUN_DIR/pcap */
	unsigned int flush_ms;
	uint64_t last_flush_ms;
	struct pcap_stat last;		/* at the last capture.stats */
	uint64_t last_dropped_queue;	/* queue full, at the last capture.stats */
	int read_failed;		/* a pcap read error was reported */
	const struct budget *budget;	/* its capture_share bounds pcap/ */
	int full;			/* the share is used up: packets are counted, not written */
	uint64_t dropped_budget;	/* not written for that, the budget's end or a failed record, all files */
	struct rotor rot;
};

/*
 * Opens IFACE (promiscuous, HOSTD_PCAP_SNAPLEN) and RUN_DIR/pcap with its
 * first file; pcap/ may hold the budget's capture_share, and nothing more
 * is written once the whole budget is used up. Needs root (or
 * CAP_NET_RAW); call before dropping privileges. Returns a heap capture,
 * or NULL after saying why.
 */
struct capture *capture_open(struct record *rec, const char *iface, unsigned int period,
			     unsigned int flush_ms, const struct budget *b);

/*
 * Starts the reader thread. Call after dropping privileges: a thread keeps
 * the credentials it was created with. 0, or -1 (recording failed: the
 * record says so, the loop pauses the guest).
 */
int capture_start(struct capture *c);

/* The loop's part when fd is readable: compresses what the reader queued (a bounded number). */
void capture_read(struct capture *c);

/* Rotation on the boundary, the idle flush, retries of failed steps, queued packets left over. */
void capture_tick(struct capture *c, uint64_t now, uint64_t mono_now_ms);

/* Milliseconds until capture_tick has something to do. */
int capture_timeout_ms(struct capture *c, uint64_t now, uint64_t mono_now_ms);

/* Stops the reader, writes all it read, capture.stats (reason "stop"), finishes the file, frees c. */
void capture_close(struct capture *c);

#endif
