/* SPDX-License-Identifier: GPL-2.0 */
/* Reads Cowrie ttylog records from a gzip (or plain) file, stopping at damage. */
#ifndef TTYLOG_READ_H
#define TTYLOG_READ_H

#include <stdint.h>
#include <zlib.h>

#include "ttylog.h"

/* What tl_next returned. */
enum tl_status {
	TL_RECORD,	/* *rec and *data hold the next record */
	TL_END,		/* clean end of file */
	TL_DAMAGED,	/* cut or corrupt from here on; rd->why says where and how */
};

struct tl_reader {
	gzFile gz;
	uint64_t offset;	/* uncompressed offset of the next record */
	unsigned long records;	/* records returned so far */
	unsigned char *buf;	/* payload of the last record */
	size_t cap;
	char why[200];		/* the reason reading stopped early */
};

/* Opens path. Returns 0, or -1 with the reason (no path) in err. A missing,
 * unreadable, non-regular or zero-length file is refused here. */
int tl_open(struct tl_reader *rd, const char *path, char *err, size_t errlen);

/* The next record; *data (rec->len bytes) stays valid until the next call. */
enum tl_status tl_next(struct tl_reader *rd, struct ttylog_rec *rec,
		       const unsigned char **data);

void tl_close(struct tl_reader *rd);

#endif
