/* SPDX-License-Identifier: GPL-2.0 */
/* One session's .ttylog.gz: Cowrie records through zlib, flushed so a crash loses at most a second. */
#ifndef TTYFILE_H
#define TTYFILE_H

#include "gzwriter.h"
#include "sha256.h"
#include "ttylog.h"

struct ttyfile {
	struct gzwriter gz;	/* the file, its deflate state, the pending bytes, the sha256 */
};

/* Creates dirfd/name (refusing an existing file). Returns 0, or -1 with errno (EEXIST: name taken). */
int ttyfile_open(struct ttyfile *t, int dirfd, const char *name);

/* Appends one record (header r, r->len bytes of data). Returns 0, or -1 with errno on a write failure. */
int ttyfile_put(struct ttyfile *t, const struct ttylog_rec *r, const void *data);

/*
 * Makes everything so far decodable from the file: Z_SYNC_FLUSH, or
 * Z_FULL_FLUSH every HOSTD_FULL_FLUSH_EVERY flushes (a reader can restart
 * there after damage). Does nothing if nothing changed. Returns 0, or -1 with errno.
 */
int ttyfile_flush(struct ttyfile *t);

/* Ends the gzip stream, fsyncs, closes; hex gets the file's sha256 ("" if incomplete). Returns 0, or -1 with errno. */
int ttyfile_close(struct ttyfile *t, char hex[SHA256_HEX]);

#endif
