// SPDX-License-Identifier: GPL-2.0
/* One session's .ttylog.gz: Cowrie records through zlib, flushed so a crash loses at most a second. */
#include <errno.h>

#include "hostd.h"
#include "ttyfile.h"

/* Per-file deflate state is small (hostd.h): 256 sessions may be open at once. */
static const struct gz_conf tty_gz = {
	.level = HOSTD_GZ_LEVEL, .window_bits = HOSTD_GZ_WINDOW_BITS,
	.mem_level = HOSTD_GZ_MEM_LEVEL, .hash = 1,
};

int ttyfile_open(struct ttyfile *t, int dirfd, const char *name)
{
	return gzw_open(&t->gz, dirfd, name, &tty_gz);
}

int ttyfile_put(struct ttyfile *t, const struct ttylog_rec *r, const void *data)
{
	unsigned char h[TTYLOG_HEADER_SIZE];

	if (gzw_full(&t->gz)) {
		/* The disk has refused megabytes: tty data is never dropped silently, so fail. */
		return gzw_fail(&t->gz, ENOSPC);
	}
	ttylog_put(h, r);
	if (gzw_add(&t->gz, h, sizeof(h)) < 0 || (r->len && gzw_add(&t->gz, data, r->len) < 0))
		return -1;
	if (t->gz.pend_len >= HOSTD_WRITE_BATCH)
		return gzw_write(&t->gz);
	return 0;
}

int ttyfile_flush(struct ttyfile *t)
{
	return gzw_flush(&t->gz);
}

int ttyfile_close(struct ttyfile *t, char hex[SHA256_HEX])
{
	int err;

	hex[0] = '\0';
	if (t->gz.fd < 0) {
		errno = EBADF;
		return -1;
	}
	if (gzw_finish(&t->gz) < 0) {
		err = t->gz.err;
		gzw_abandon(&t->gz);
		errno = err;
		return -1;
	}
	return gzw_close(&t->gz, hex);
}
