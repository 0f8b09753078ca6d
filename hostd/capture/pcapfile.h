/* SPDX-License-Identifier: GPL-2.0 */
/* One capture file: classic pcap records through gzip, written so the file on disk always ends at a record. */
#ifndef PCAPFILE_H
#define PCAPFILE_H

#include <stdint.h>

#include "gzwriter.h"
#include "hostd.h"

#define PCAP_MAGIC_USEC 0xa1b2c3d4U
#define PCAP_HEADER_SIZE 24
#define PCAP_REC_SIZE 16
#define PCAP_LINKTYPE_ETHERNET 1
#define PCAP_LINKTYPE_RAW 101

/* A capture file: its gzip writer (gzwriter.h) and the counts; memory is bounded while the disk refuses. */
struct pcapfile {
	struct gzwriter gz;
	/* Records gathered for one deflate call: zlib's cost per call outweighs a small packet's. */
	unsigned char stage[HOSTD_PCAP_STAGE];
	size_t stage_len;
	size_t since_sync;	/* uncompressed bytes since the last sync flush */
	uint64_t packets;	/* records accepted */
	uint64_t bytes;		/* captured bytes accepted (record data) */
	uint64_t dropped;	/* records refused: pend full while the disk refused */
};

/* pcap's file header, little-endian (24 bytes). */
void pcap_header(unsigned char out[PCAP_HEADER_SIZE], uint32_t snaplen, uint32_t linktype);

/* One record header, little-endian (16 bytes). */
void pcap_rec_header(unsigned char out[PCAP_REC_SIZE], uint32_t sec, uint32_t usec,
		     uint32_t caplen, uint32_t len);

/* libpcap's DLT_ value as the LINKTYPE_ value a file carries. */
uint32_t pcap_linktype(int dlt);

/* Creates dirfd/name (O_EXCL) and starts the gzip stream with the file header. Returns 0 or -1 with errno. */
int pcapfile_open(struct pcapfile *f, int dirfd, const char *name, uint32_t snaplen,
		  uint32_t linktype);

/* Adds one record (caplen bytes of data, len on the wire). Returns 0, 1 if it was dropped, -1 on a write failure. */
int pcapfile_put(struct pcapfile *f, uint32_t sec, uint32_t usec, uint32_t caplen,
		 uint32_t len, const void *data);

/* Sync flush (a full flush every HOSTD_FULL_FLUSH_EVERY) and write; retries what is pending. 0 or -1. */
int pcapfile_flush(struct pcapfile *f);

/* Ends the gzip stream and writes it: 0 or -1 (then the data is pending; call again to retry). */
int pcapfile_finish(struct pcapfile *f);

/* fsync and close. 0, or -1 with errno (never retried: the data may be gone). */
int pcapfile_close(struct pcapfile *f);

/* Closes without writing more (after a failure); frees everything. */
void pcapfile_abandon(struct pcapfile *f);

#endif
