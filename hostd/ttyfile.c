/* One session's .ttylog.gz: Cowrie records through zlib, flushed so a crash loses at most a second. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hostd.h"
#include "ttyfile.h"
#include "write_all.h"

/* Room deflate is given per call; more is added as output grows. */
#define OUT_STEP 16384

static void free_all(struct ttyfile *t)
{
	if (t->z_ok)
		deflateEnd(&t->z);
	t->z_ok = 0;
	sha256_drop(&t->sha);
	free(t->pend);
	t->pend = NULL;
	t->pend_len = t->pend_cap = 0;
}

int ttyfile_open(struct ttyfile *t, int dirfd, const char *name)
{
	int err;

	memset(t, 0, sizeof(*t));
	t->fd = openat(dirfd, name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
	if (t->fd < 0)
		return -1;
	/* windowBits + 16: a gzip header and trailer, so zcat reads the file. */
	if (deflateInit2(&t->z, HOSTD_GZ_LEVEL, Z_DEFLATED,
			 HOSTD_GZ_WINDOW_BITS + 16, HOSTD_GZ_MEM_LEVEL,
			 Z_DEFAULT_STRATEGY) != Z_OK || sha256_begin(&t->sha) < 0) {
		err = ENOMEM;
		goto out_close;
	}
	t->z_ok = 1;
	return 0;

out_close:
	free_all(t);
	close(t->fd);
	unlinkat(dirfd, name, 0);
	t->fd = -1;
	errno = err;
	return -1;
}

/* Writes what is pending; on failure keeps the rest for a later try. */
static int drain(struct ttyfile *t)
{
	size_t done;
	int r;

	if (!t->pend_len)
		return 0;
	r = write_all(t->fd, t->pend, t->pend_len, &done);
	sha256_add(&t->sha, t->pend, done);
	t->written += done;
	memmove(t->pend, t->pend + done, t->pend_len - done);
	t->pend_len -= done;
	if (r < 0) {
		if (!t->failed)
			t->err = errno;
		t->failed = 1;
		return -1;
	}
	return 0;
}

static int grow(struct ttyfile *t)
{
	size_t cap = t->pend_cap ? t->pend_cap * 2 : OUT_STEP * 2;
	unsigned char *p;

	if (cap > HOSTD_PENDING_MAX)
		cap = HOSTD_PENDING_MAX;
	if (cap - t->pend_len < OUT_STEP / 4) {
		t->failed = 1;	/* the disk has refused megabytes: give up on this data */
		if (!t->err)
			t->err = ENOSPC;
		return -1;
	}
	p = realloc(t->pend, cap);
	if (!p)
		return -1;
	t->pend = p;
	t->pend_cap = cap;
	return 0;
}

/* Runs deflate over n bytes with flush mode f, gathering the output in pend. */
static int deflate_into(struct ttyfile *t, const void *in, size_t n, int f)
{
	int zr;

	t->z.next_in = (Bytef *)(uintptr_t)in;
	t->z.avail_in = (uInt)n;
	do {
		if (t->pend_cap - t->pend_len < OUT_STEP / 4 && grow(t) < 0)
			return -1;
		t->z.next_out = t->pend + t->pend_len;
		t->z.avail_out = (uInt)(t->pend_cap - t->pend_len);
		zr = deflate(&t->z, f);
		t->pend_len = (size_t)(t->z.next_out - t->pend);
		if (zr == Z_STREAM_ERROR)
			return -1;
	} while (t->z.avail_in > 0 || t->z.avail_out == 0 ||
		 (f == Z_FINISH && zr != Z_STREAM_END));
	return 0;
}

int ttyfile_put(struct ttyfile *t, const struct ttylog_rec *r, const void *data)
{
	unsigned char h[TTYLOG_HEADER_SIZE];

	if (t->fd < 0)
		return -1;
	ttylog_put(h, r);
	if (deflate_into(t, h, sizeof(h), Z_NO_FLUSH) < 0 ||
	    (r->len && deflate_into(t, data, r->len, Z_NO_FLUSH) < 0))
		return -1;
	t->dirty = 1;
	if (t->pend_len >= HOSTD_WRITE_BATCH)
		return drain(t);
	return 0;
}

int ttyfile_flush(struct ttyfile *t)
{
	int f = Z_SYNC_FLUSH;

	if (t->fd < 0)
		return -1;
	if (t->dirty) {
		if (++t->syncs >= HOSTD_FULL_FLUSH_EVERY) {
			f = Z_FULL_FLUSH;
			t->syncs = 0;
		}
		if (deflate_into(t, NULL, 0, f) < 0)
			return -1;
		t->dirty = 0;
	}
	return drain(t);
}

int ttyfile_close(struct ttyfile *t, char hex[SHA256_HEX])
{
	int r = 0, err = 0;

	hex[0] = '\0';
	if (t->fd < 0)
		return -1;
	if (deflate_into(t, NULL, 0, Z_FINISH) < 0 || drain(t) < 0 ||
	    fsync(t->fd) < 0) {
		r = -1;
		err = t->failed ? t->err : errno;
	}
	if (close(t->fd) < 0 && !r) {
		r = -1;
		err = errno;
	}
	t->fd = -1;
	if (!r)
		sha256_end(&t->sha, hex);
	free_all(t);
	errno = err;
	return r;
}
