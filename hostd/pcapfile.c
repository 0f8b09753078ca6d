/* One capture file: classic pcap records through gzip, written so the file on disk always ends at a record. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hostd.h"
#include "pcapfile.h"

/* Room deflate is given per call; more is added as output grows. */
#define OUT_STEP 65536

static void put_le32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)v;
	p[1] = (unsigned char)(v >> 8);
	p[2] = (unsigned char)(v >> 16);
	p[3] = (unsigned char)(v >> 24);
}

static void put_le16(unsigned char *p, uint16_t v)
{
	p[0] = (unsigned char)v;
	p[1] = (unsigned char)(v >> 8);
}

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

static int grow(struct pcapfile *f)
{
	size_t cap = f->pend_cap ? f->pend_cap * 2 : OUT_STEP * 2;
	unsigned char *p = realloc(f->pend, cap);

	if (!p)
		return -1;
	f->pend = p;
	f->pend_cap = cap;
	return 0;
}

/* Runs deflate over n bytes with flush mode fl, gathering the output in pend. */
static int deflate_into(struct pcapfile *f, const void *in, size_t n, int fl)
{
	int zr;

	f->z.next_in = (Bytef *)(uintptr_t)in;
	f->z.avail_in = (uInt)n;
	do {
		if (f->pend_cap - f->pend_len < OUT_STEP / 4 && grow(f) < 0)
			return -1;
		f->z.next_out = f->pend + f->pend_len;
		f->z.avail_out = (uInt)(f->pend_cap - f->pend_len);
		zr = deflate(&f->z, fl);
		f->pend_len = (size_t)(f->z.next_out - f->pend);
		if (zr == Z_STREAM_ERROR)
			return -1;
	} while (f->z.avail_in > 0 || f->z.avail_out == 0 ||
		 (fl == Z_FINISH && zr != Z_STREAM_END));
	return 0;
}

static void free_all(struct pcapfile *f)
{
	if (f->z_ok)
		deflateEnd(&f->z);
	f->z_ok = 0;
	free(f->pend);
	f->pend = NULL;
	f->pend_len = f->pend_cap = 0;
}

int pcapfile_open(struct pcapfile *f, int dirfd, const char *name, uint32_t snaplen,
		  uint32_t linktype)
{
	unsigned char h[PCAP_HEADER_SIZE];

	memset(f, 0, sizeof(*f));
	f->fd = openat(dirfd, name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
	if (f->fd < 0)
		return -1;
	/* windowBits + 16: a gzip header and trailer, so zcat and tshark read the file. */
	if (deflateInit2(&f->z, HOSTD_PCAP_GZ_LEVEL, Z_DEFLATED, HOSTD_PCAP_GZ_WINDOW_BITS + 16,
			 HOSTD_PCAP_GZ_MEM_LEVEL, Z_DEFAULT_STRATEGY) != Z_OK)
		goto out_close;
	f->z_ok = 1;
	pcap_header(h, snaplen, linktype);
	if (deflate_into(f, h, sizeof(h), Z_NO_FLUSH) < 0)
		goto out_close;
	f->dirty = 1;
	return 0;

out_close:
	free_all(f);
	close(f->fd);
	unlinkat(dirfd, name, 0);
	f->fd = -1;
	errno = ENOMEM;
	return -1;
}

/* Writes what is pending after the file's last whole stretch; a part that landed is cut off again. */
static int drain(struct pcapfile *f)
{
	size_t done = 0;
	ssize_t k;

	while (done < f->pend_len) {
		k = pwrite(f->fd, f->pend + done, f->pend_len - done, (off_t)(f->written + done));
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			f->err = k < 0 ? errno : EIO;
			f->failed = 1;
			/* Best effort: a reader then stops at the last whole record. */
			if (ftruncate(f->fd, (off_t)f->written) < 0)
				errno = 0;
			errno = f->err;
			return -1;
		}
		done += (size_t)k;
	}
	f->written += done;
	f->pend_len = 0;
	return 0;
}

int pcapfile_put(struct pcapfile *f, uint32_t sec, uint32_t usec, uint32_t caplen,
		 uint32_t len, const void *data)
{
	unsigned char h[PCAP_REC_SIZE];

	if (f->fd < 0 || !f->z_ok)
		return -1;
	if (f->pend_len >= HOSTD_PENDING_MAX) {
		f->dropped++;	/* the disk has refused megabytes: this packet is lost, and counted */
		return 1;
	}
	pcap_rec_header(h, sec, usec, caplen, len);
	if (deflate_into(f, h, sizeof(h), Z_NO_FLUSH) < 0 ||
	    deflate_into(f, data, caplen, Z_NO_FLUSH) < 0) {
		f->failed = 1;
		f->err = ENOMEM;
		return -1;
	}
	f->packets++;
	f->bytes += caplen;
	f->dirty = 1;
	f->since_sync += sizeof(h) + caplen;
	if (f->since_sync >= HOSTD_PCAP_SYNC_BYTES)
		return pcapfile_flush(f);
	return 0;
}

int pcapfile_flush(struct pcapfile *f)
{
	int fl = Z_SYNC_FLUSH;

	if (f->fd < 0)
		return -1;
	if (f->dirty && f->z_ok) {
		if (++f->syncs >= HOSTD_FULL_FLUSH_EVERY) {
			fl = Z_FULL_FLUSH;	/* a reader can restart here after damage */
			f->syncs = 0;
		}
		if (deflate_into(f, NULL, 0, fl) < 0) {
			f->failed = 1;
			f->err = ENOMEM;
			return -1;
		}
		f->dirty = 0;
		f->since_sync = 0;
	}
	return drain(f);
}

int pcapfile_finish(struct pcapfile *f)
{
	if (f->fd < 0)
		return -1;
	if (f->z_ok) {
		if (deflate_into(f, NULL, 0, Z_FINISH) < 0) {
			f->failed = 1;
			f->err = ENOMEM;
			return -1;
		}
		deflateEnd(&f->z);
		f->z_ok = 0;
		f->dirty = 0;
	}
	return drain(f);
}

int pcapfile_close(struct pcapfile *f)
{
	int r = 0, err = 0;

	if (f->fd < 0)
		return 0;
	if (fsync(f->fd) < 0) {
		r = -1;
		err = errno;
	}
	if (close(f->fd) < 0 && !r) {
		r = -1;
		err = errno;
	}
	f->fd = -1;
	free_all(f);
	errno = err;
	return r;
}

void pcapfile_abandon(struct pcapfile *f)
{
	if (f->fd >= 0)
		close(f->fd);
	f->fd = -1;
	free_all(f);
}
