/* SPDX-License-Identifier: GPL-2.0 */
/* A gzip file written from memory: deflate into a buffer, append whole stretches, keep what the disk refused. */
#ifndef GZWRITER_H
#define GZWRITER_H

#include <stddef.h>
#include <stdint.h>
#include <zlib.h>

#include "sha256.h"

/* deflateInit2's tuning, and whether to hash what reaches the file. */
struct gz_conf {
	int level;
	int window_bits;	/* the window: 2^window_bits bytes (gzip's header is added) */
	int mem_level;
	int hash;		/* keep a sha256 of the file's bytes */
};

/*
 * Records are deflated into pend; a write appends all of pend at the
 * file's end (pwrite at 'written'). A short or failed write is cut off
 * again (ftruncate), so the file always ends where a whole stretch ended
 * (at a flush point when the writer flushed first): a reader decodes every
 * record in it, none cut. The stretch stays in pend and is tried again.
 */
struct gzwriter {
	int fd;			/* -1: not open */
	int z_ok;		/* deflateInit2 succeeded and the stream is not ended */
	z_stream z;
	int hashing;
	struct sha256 sha;	/* of the bytes in the file */
	unsigned char *pend;	/* compressed bytes not yet in the file */
	size_t pend_len, pend_cap;
	int dirty;		/* input since the last flush */
	unsigned int syncs;	/* sync flushes since the last full flush */
	int failed;		/* a write (or deflate) failed: err says why; bytes stay in pend */
	int err;
	uint64_t written;	/* bytes in the file, each stretch whole */
};

/* Creates dirfd/name (O_EXCL: EEXIST if taken) and starts the gzip stream. 0, or -1 with errno. */
int gzw_open(struct gzwriter *g, int dirfd, const char *name, const struct gz_conf *c);

/* Deflates n more bytes into memory (nothing is written). 0, or -1 (ENOMEM in err). */
int gzw_add(struct gzwriter *g, const void *p, size_t n);

/* Whether HOSTD_PENDING_MAX compressed bytes wait: the disk has refused megabytes. */
int gzw_full(const struct gzwriter *g);

/* Marks the writer failed with err (kept for the caller, and in errno); returns -1. */
int gzw_fail(struct gzwriter *g, int err);

/* Appends what is pending. 0, or -1 (err says why; kept for the next try). */
int gzw_write(struct gzwriter *g);

/*
 * Makes everything so far decodable from the file: Z_SYNC_FLUSH, or
 * Z_FULL_FLUSH every HOSTD_FULL_FLUSH_EVERY flushes (a reader can restart
 * there after damage), then gzw_write. Flushes nothing if nothing changed.
 */
int gzw_flush(struct gzwriter *g);

/* Ends the gzip stream and writes it. 0, or -1: call again to retry the write. */
int gzw_finish(struct gzwriter *g);

/* fsync and close (never retried: the data may be gone); hex (if not NULL) gets the sha256 if hashing. 0, or -1 with errno. */
int gzw_close(struct gzwriter *g, char *hex);

/* Closes without writing more; frees everything. */
void gzw_abandon(struct gzwriter *g);

#endif
