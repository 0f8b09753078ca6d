// SPDX-License-Identifier: GPL-2.0
/* One capture file: classic pcap records through gzip, written so the file on disk always ends at a record. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "byteorder.h"
#include "hostd.h"
#include "pcapfile.h"

void pcap_header(unsigned char out[PCAP_HEADER_SIZE], uint32_t snaplen, uint32_t linktype)
{
	put_le32(out, PCAP_MAGIC_USEC);
	put_le16(out + 4, 2);		/* version 2.4 */
	put_le16(out + 6, 4);
	put_le32(out + 8, 0);		/* thiszone */
	put_le32(out + 12, 0);		/* sigfigs */
	put_le32(out + 16, snaplen);
	put_le32(out + 20, linktype);
}

void pcap_rec_header(unsigned char out[PCAP_REC_SIZE], uint32_t sec, uint32_t usec,
		     uint32_t caplen, uint32_t len)
{
	put_le32(out, sec);
	put_le32(out + 4, usec);
	put_le32(out + 8, caplen);
	put_le32(out + 12, len);
}

uint32_t pcap_linktype(int dlt)
{
	/* Linux's DLT_RAW is 12 (or 14 elsewhere); files say LINKTYPE_RAW. Ethernet and NFLOG match. */
	if (dlt == 12 || dlt == 14)
		return PCAP_LINKTYPE_RAW;
	return (uint32_t)dlt;
}

/* One file open at a time: gzip's default level, a full 32 KiB window. */
static const struct gz_conf pcap_gz = {
	.level = HOSTD_PCAP_GZ_LEVEL, .window_bits = HOSTD_PCAP_GZ_WINDOW_BITS,
	.mem_level = HOSTD_PCAP_GZ_MEM_LEVEL, .hash = 0,
};

int pcapfile_open(struct pcapfile *f, int dirfd, const char *name, uint32_t snaplen,
		  uint32_t linktype)
{
	unsigned char h[PCAP_HEADER_SIZE];

	memset(f, 0, sizeof(*f));
	if (gzw_open(&f->gz, dirfd, name, &pcap_gz) < 0)
		return -1;
	pcap_header(h, snaplen, linktype);
	if (gzw_add(&f->gz, h, sizeof(h)) < 0) {
		gzw_abandon(&f->gz);
		unlinkat(dirfd, name, 0);
		errno = ENOMEM;
		return -1;
	}
	return 0;
}

/* Deflates what the stage holds. 0, or -1 (gz.err). */
static int unstage(struct pcapfile *f)
{
	size_t n = f->stage_len;

	f->stage_len = 0;
	return n ? gzw_add(&f->gz, f->stage, n) : 0;
}

int pcapfile_put(struct pcapfile *f, uint32_t sec, uint32_t usec, uint32_t caplen,
		 uint32_t len, const void *data)
{
	size_t n = PCAP_REC_SIZE + (size_t)caplen;

	if (gzw_full(&f->gz)) {
		f->dropped++;	/* the disk has refused megabytes: this packet is lost, and counted */
		return 1;
	}
	if (f->stage_len + n > sizeof(f->stage) && unstage(f) < 0)
		return -1;
	if (n > sizeof(f->stage)) {
		unsigned char h[PCAP_REC_SIZE];

		pcap_rec_header(h, sec, usec, caplen, len);
		if (gzw_add(&f->gz, h, sizeof(h)) < 0 || gzw_add(&f->gz, data, caplen) < 0)
			return -1;
	} else {
		pcap_rec_header(f->stage + f->stage_len, sec, usec, caplen, len);
		memcpy(f->stage + f->stage_len + PCAP_REC_SIZE, data, caplen);
		f->stage_len += n;
	}
	f->packets++;
	f->bytes += caplen;
	f->since_sync += n;
	if (f->since_sync >= HOSTD_PCAP_SYNC_BYTES)
		return pcapfile_flush(f);
	return 0;
}

int pcapfile_flush(struct pcapfile *f)
{
	if (unstage(f) < 0)
		return -1;
	f->since_sync = 0;
	return gzw_flush(&f->gz);
}

int pcapfile_finish(struct pcapfile *f)
{
	if (unstage(f) < 0)
		return -1;
	return gzw_finish(&f->gz);
}

int pcapfile_close(struct pcapfile *f)
{
	return gzw_close(&f->gz, NULL);
}

void pcapfile_abandon(struct pcapfile *f)
{
	gzw_abandon(&f->gz);
}
