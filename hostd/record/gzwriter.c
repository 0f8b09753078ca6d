// SPDX-License-Identifier: GPL-2.0
/* A gzip file written from memory: deflate into a buffer, append whole stretches, keep what the disk refused. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gzwriter.h"
#include "hostd.h"

/* Room deflate is given per call; more is added as output grows. */
#define OUT_STEP 16384

int gzw_fail(struct gzwriter *g, int err)
{
	g->failed = 1;
	g->err = err;
	errno = err;
	return -1;
}

static void free_all(struct gzwriter *g)
{
	if (g->z_ok)
		deflateEnd(&g->z);
	g->z_ok = 0;
	sha256_drop(&g->sha);
	free(g->pend);
	g->pend = NULL;
	g->pend_len = g->pend_cap = 0;
}

int gzw_open(struct gzwriter *g, int dirfd, const char *name, const struct gz_conf *c)
{
	memset(g, 0, sizeof(*g));
	g->fd = openat(dirfd, name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
	if (g->fd < 0)
		return -1;
	/* windowBits + 16: a gzip header and trailer, so zcat and tshark read the file. */
	if (deflateInit2(&g->z, c->level, Z_DEFLATED, c->window_bits + 16, c->mem_level,
			 Z_DEFAULT_STRATEGY) != Z_OK)
		goto out_close;
	g->z_ok = 1;
	g->hashing = c->hash;
	if (g->hashing && sha256_begin(&g->sha) < 0)
		goto out_close;
	return 0;

out_close:
	free_all(g);
	close(g->fd);
	unlinkat(dirfd, name, 0);
	g->fd = -1;
	errno = ENOMEM;
	return -1;
}

static int grow(struct gzwriter *g)
{
	size_t cap = g->pend_cap ? g->pend_cap * 2 : OUT_STEP * 2;
	unsigned char *p = realloc(g->pend, cap);

	if (!p)
		return -1;
	g->pend = p;
	g->pend_cap = cap;
	return 0;
}

/* Runs deflate over n bytes with flush mode fl, gathering the output in pend. */
static int deflate_into(struct gzwriter *g, const void *in, size_t n, int fl)
{
	int zr;

	if (g->fd < 0 || !g->z_ok)
		return gzw_fail(g, EBADF);
	g->z.next_in = (Bytef *)(uintptr_t)in;
	g->z.avail_in = (uInt)n;
	do {
		if (g->pend_cap - g->pend_len < OUT_STEP / 4 && grow(g) < 0)
			return gzw_fail(g, ENOMEM);
		g->z.next_out = g->pend + g->pend_len;
		g->z.avail_out = (uInt)(g->pend_cap - g->pend_len);
		zr = deflate(&g->z, fl);
		g->pend_len = (size_t)(g->z.next_out - g->pend);
		if (zr == Z_STREAM_ERROR)
			return gzw_fail(g, ENOMEM);
	} while (g->z.avail_in > 0 || g->z.avail_out == 0 ||
		 (fl == Z_FINISH && zr != Z_STREAM_END));
	return 0;
}

int gzw_add(struct gzwriter *g, const void *p, size_t n)
{
	if (deflate_into(g, p, n, Z_NO_FLUSH) < 0)
		return -1;
	g->dirty = 1;
	return 0;
}

int gzw_full(const struct gzwriter *g)
{
	return g->pend_len >= HOSTD_PENDING_MAX;
}

int gzw_write(struct gzwriter *g)
{
	size_t done = 0;
	ssize_t k;
	int e;

	if (g->fd < 0)
		return gzw_fail(g, EBADF);
	while (done < g->pend_len) {
		k = pwrite(g->fd, g->pend + done, g->pend_len - done, (off_t)(g->written + done));
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			e = k < 0 ? errno : EIO;
			/* Best effort: a reader then stops at the last whole stretch. */
			if (ftruncate(g->fd, (off_t)g->written) < 0)
				errno = 0;
			return gzw_fail(g, e);
		}
		done += (size_t)k;
	}
	if (g->hashing)
		sha256_add(&g->sha, g->pend, done);
	g->written += done;
	g->pend_len = 0;
	return 0;
}

int gzw_flush(struct gzwriter *g)
{
	int fl = Z_SYNC_FLUSH;

	if (g->dirty && g->z_ok) {
		if (++g->syncs >= HOSTD_FULL_FLUSH_EVERY) {
			fl = Z_FULL_FLUSH;	/* a reader can restart here after damage */
			g->syncs = 0;
		}
		if (deflate_into(g, NULL, 0, fl) < 0)
			return -1;
		g->dirty = 0;
	}
	return gzw_write(g);
}

int gzw_finish(struct gzwriter *g)
{
	if (g->z_ok) {
		if (deflate_into(g, NULL, 0, Z_FINISH) < 0)
			return -1;
		deflateEnd(&g->z);
		g->z_ok = 0;
		g->dirty = 0;
	}
	return gzw_write(g);
}

int gzw_close(struct gzwriter *g, char *hex)
{
	int r = 0, err = 0;

	if (hex)
		hex[0] = '\0';
	if (g->fd < 0)
		return 0;
	if (fsync(g->fd) < 0) {
		r = -1;
		err = errno;
	}
	if (close(g->fd) < 0 && !r) {
		r = -1;
		err = errno;
	}
	g->fd = -1;
	if (!r && hex && g->hashing)
		sha256_end(&g->sha, hex);
	free_all(g);
	errno = err;
	return r;
}

void gzw_abandon(struct gzwriter *g)
{
	if (g->fd >= 0)
		close(g->fd);
	g->fd = -1;
	free_all(g);
}
