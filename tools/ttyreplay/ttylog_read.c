// SPDX-License-Identifier: GPL-2.0
/* Reads Cowrie ttylog records from a gzip (or plain) file, stopping at damage. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ttylog_read.h"

int tl_open(struct tl_reader *rd, const char *path, char *err, size_t errlen)
{
	struct stat st;
	int fd;

	memset(rd, 0, sizeof(*rd));
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &st) < 0) {
		snprintf(err, errlen, "%s", strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	if (!S_ISREG(st.st_mode) || st.st_size == 0) {
		snprintf(err, errlen, "%s", S_ISDIR(st.st_mode) ? "is a directory" :
			 !S_ISREG(st.st_mode) ? "not a regular file" : "empty file");
		close(fd);
		return -1;
	}
	/* gzdopen also reads an uncompressed file as is (Cowrie's own logs). */
	rd->gz = gzdopen(fd, "rb");
	if (!rd->gz) {
		snprintf(err, errlen, "cannot open: out of memory");
		close(fd);
		return -1;
	}
	return 0;
}

/* Reads exactly n bytes. Returns how many it got; fewer means end or damage. */
static size_t read_full(gzFile gz, unsigned char *p, size_t n)
{
	size_t got = 0;

	while (got < n) {
		int r = gzread(gz, p + got, (unsigned int)(n - got));

		if (r <= 0)
			break;
		got += (size_t)r;
	}
	return got;
}

/* Says why a read came up short: a cut file, bad compressed data, or I/O. */
static enum tl_status damaged(struct tl_reader *rd, const char *what,
			      size_t need, size_t have)
{
	unsigned long long off = (unsigned long long)rd->offset;
	int code;
	const char *msg = gzerror(rd->gz, &code);

	if (code == Z_OK || code == Z_BUF_ERROR)
		snprintf(rd->why, sizeof(rd->why),
			 "truncated %s at offset %llu: need %zu bytes, have %zu (%s)",
			 what, off, need, have, code == Z_OK ? "file ends" :
			 "compressed stream cut short");
	else if (code == Z_ERRNO)
		snprintf(rd->why, sizeof(rd->why), "read error at offset %llu: %s",
			 off, strerror(errno));
	else
		snprintf(rd->why, sizeof(rd->why),
			 "corrupt compressed data at offset %llu: %s", off, msg);
	return TL_DAMAGED;
}

/* Grows the payload buffer; len is already capped at TTYLOG_MAX_LEN. */
static int reserve(struct tl_reader *rd, size_t len)
{
	unsigned char *p;

	if (len <= rd->cap)
		return 0;
	p = realloc(rd->buf, len);
	if (!p)
		return -1;
	rd->buf = p;
	rd->cap = len;
	return 0;
}

enum tl_status tl_next(struct tl_reader *rd, struct ttylog_rec *rec,
		       const unsigned char **data)
{
	unsigned char hdr[TTYLOG_HEADER_SIZE];
	size_t got = read_full(rd->gz, hdr, sizeof(hdr));

	if (got == 0) {
		int code;

		gzerror(rd->gz, &code);
		if (code == Z_OK)
			return TL_END;
	}
	if (got < sizeof(hdr))
		return damaged(rd, "record header", sizeof(hdr), got);
	if (ttylog_get(hdr, rec)) {
		snprintf(rd->why, sizeof(rd->why),
			 "bad record header at offset %llu: op %lu, dir %lu, len %lu",
			 (unsigned long long)rd->offset, (unsigned long)rec->op,
			 (unsigned long)rec->dir, (unsigned long)rec->len);
		return TL_DAMAGED;
	}
	if (reserve(rd, rec->len ? rec->len : 1)) {
		snprintf(rd->why, sizeof(rd->why),
			 "out of memory for a %lu-byte record at offset %llu",
			 (unsigned long)rec->len, (unsigned long long)rd->offset);
		return TL_DAMAGED;
	}
	got = read_full(rd->gz, rd->buf, rec->len);
	if (got < rec->len)
		return damaged(rd, "record payload", rec->len, got);
	*data = rd->buf;
	rd->offset += sizeof(hdr) + rec->len;
	rd->records++;
	return TL_RECORD;
}

void tl_close(struct tl_reader *rd)
{
	if (rd->gz)
		gzclose_r(rd->gz);
	free(rd->buf);
	memset(rd, 0, sizeof(rd[0]));
}
