// SPDX-License-Identifier: GPL-2.0
/* Test inputs built in code: ttylog records, files, and golden compares. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "sample.h"

#define T0 1795751112U	/* 2026-11-27T03:45:12Z */

/*
 * A login's worth: a prompt, "ls" typed and echoed, output with an OSC
 * title, colours and a DSR split across two records, a password typed with
 * echo off after a clock step backwards, UTF-8 text with a character split
 * across records, then exit and CLOSE. A second session's records (tty 9)
 * are interleaved and must never show.
 */
const struct srec sample_session[] = {
	{ TTYLOG_OP_OPEN, 3, 0, T0, 0, "" },
	{ TTYLOG_OP_WRITE, 3, 2, T0, 100000, "root@web01:~# " },
	{ TTYLOG_OP_WRITE, 3, 1, T0 + 1, 0, "l" },
	{ TTYLOG_OP_WRITE, 3, 2, T0 + 1, 1000, "l" },
	{ TTYLOG_OP_OPEN, 9, 0, T0 + 1, 2000, "" },
	{ TTYLOG_OP_WRITE, 9, 2, T0 + 1, 3000, "OTHER SESSION" },
	{ TTYLOG_OP_WRITE, 3, 1, T0 + 1, 200000, "s" },
	{ TTYLOG_OP_WRITE, 3, 2, T0 + 1, 201000, "s" },
	{ TTYLOG_OP_WRITE, 3, 1, T0 + 2, 0, "\r" },
	{ TTYLOG_OP_WRITE, 3, 2, T0 + 2, 1000,
	  "\r\nbin  etc\r\n\x1b]0;pwned\x07\x1b[1;31mred\x1b[0m\x1b[" },
	{ TTYLOG_OP_WRITE, 3, 2, T0 + 2, 2000, "6nroot@web01:~# " },
	{ TTYLOG_OP_EXEC, 3, 3, T0 + 2, 3000, "/usr/bin/sudo -s" },
	{ TTYLOG_OP_WRITE, 3, 1, T0 + 1, 0, "secret\r" },
	{ TTYLOG_OP_WRITE, 3, 2, T0 + 3, 0, "caf\xc3" },
	{ TTYLOG_OP_WRITE, 3, 2, T0 + 3, 100, "\xa9 \"q\"\\\r\n" },
	{ TTYLOG_OP_WRITE, 3, 1, T0 + 4, 0, "exit\r" },
	{ TTYLOG_OP_WRITE, 3, 2, T0 + 4, 500, "logout\r\n" },
	{ TTYLOG_OP_CLOSE, 3, 0, T0 + 4, 600000, "" },
	{ TTYLOG_OP_WRITE, 9, 2, T0 + 5, 0, "AFTER CLOSE" },
};
const size_t sample_session_len = sizeof(sample_session) / sizeof(sample_session[0]);

unsigned char *sample_encode(const struct srec *r, size_t n, size_t *len)
{
	size_t i, total = 0, at = 0;
	unsigned char *p;

	for (i = 0; i < n; i++)
		total += TTYLOG_HEADER_SIZE + strlen(r[i].data);
	p = malloc(total ? total : 1);
	ck_assert_ptr_nonnull(p);
	for (i = 0; i < n; i++) {
		struct ttylog_rec h = { r[i].op, r[i].tty, (uint32_t)strlen(r[i].data),
					r[i].dir, r[i].sec, r[i].usec };

		ttylog_put(p + at, &h);
		memcpy(p + at + TTYLOG_HEADER_SIZE, r[i].data, h.len);
		at += TTYLOG_HEADER_SIZE + h.len;
	}
	*len = total;
	return p;
}

const char *sample_file(const unsigned char *p, size_t len, int gz)
{
	static char paths[4][64];
	static int next;
	char *path = paths[next++ % 4];
	int fd;

	snprintf(path, 64, "/tmp/ttyreplay-unit-XXXXXX");
	fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	if (gz) {
		gzFile g = gzdopen(fd, "wb");

		ck_assert_ptr_nonnull(g);
		if (len)
			ck_assert_int_eq(gzwrite(g, p, (unsigned int)len), (int)len);
		ck_assert_int_eq(gzclose(g), Z_OK);
	} else {
		ck_assert_int_eq(write(fd, p, len), (ssize_t)len);
		close(fd);
	}
	return path;
}

const char *sample_gz(void)
{
	size_t len;
	unsigned char *p = sample_encode(sample_session, sample_session_len, &len);
	const char *path = sample_file(p, len, 1);

	free(p);
	return path;
}

unsigned char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	unsigned char *p = NULL;
	long n;

	ck_assert_msg(f != NULL, "cannot open %s", path);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	p = malloc(n > 0 ? (size_t)n : 1);
	ck_assert_ptr_nonnull(p);
	ck_assert_uint_eq(fread(p, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	*len = (size_t)n;
	return p;
}

void golden_check(const char *name, const unsigned char *p, size_t len)
{
	char path[512];
	const char *update = getenv("TTYREPLAY_UPDATE_GOLDEN");
	unsigned char *want;
	size_t wlen, i;

	snprintf(path, sizeof(path), "%s/%s", GOLDEN_DIR, name);
	if (update && strcmp(update, "1") == 0) {
		FILE *f = fopen(path, "wb");

		ck_assert_ptr_nonnull(f);
		ck_assert_uint_eq(fwrite(p, 1, len, f), len);
		ck_assert_int_eq(fclose(f), 0);
		/* The code under test wrote it: that proves nothing until a person reviews it. */
		ck_abort_msg("%s: golden rewritten (TTYREPLAY_UPDATE_GOLDEN=1); review git diff, then run without it",
			     name);
	}
	want = slurp(path, &wlen);
	for (i = 0; i < len && i < wlen && p[i] == want[i]; i++)
		;
	ck_assert_msg(len == wlen && i == len,
		      "%s: differs at byte %zu (got %zu bytes, golden %zu)",
		      name, i, len, wlen);
	free(want);
}
