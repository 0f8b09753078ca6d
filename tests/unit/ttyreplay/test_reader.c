// SPDX-License-Identifier: GPL-2.0
/* Unit tests: reading records from gzip and plain files, and their damage. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sample.h"
#include "session.h"
#include "suites.h"
#include "ttylog_read.h"

/* Reads path to the end; returns the status, counts records in *n. */
static enum tl_status read_all(const char *path, unsigned long *n, char *why,
			       size_t whylen)
{
	struct tl_reader rd;
	struct ttylog_rec r;
	const unsigned char *d;
	enum tl_status st;
	char err[256];

	ck_assert_msg(tl_open(&rd, path, err, sizeof(err)) == 0, "%s", err);
	while ((st = tl_next(&rd, &r, &d)) == TL_RECORD)
		ck_assert_uint_le(r.len, TTYLOG_MAX_LEN);
	*n = rd.records;
	snprintf(why, whylen, "%s", rd.why);
	tl_close(&rd);
	return st;
}

START_TEST(valid_gz_and_plain)
{
	size_t len;
	unsigned char *p = sample_encode(sample_session, sample_session_len, &len);
	unsigned long n;
	char why[256];
	int gz;

	for (gz = 0; gz <= 1; gz++) {
		const char *path = sample_file(p, len, gz);

		ck_assert_int_eq(read_all(path, &n, why, sizeof(why)), TL_END);
		ck_assert_uint_eq(n, sample_session_len);
		unlink(path);
	}
	free(p);
}
END_TEST

START_TEST(fields_and_payload)
{
	const char *path = sample_gz();
	struct tl_reader rd;
	struct ttylog_rec r;
	const unsigned char *d;
	char err[64];

	ck_assert_int_eq(tl_open(&rd, path, err, sizeof(err)), 0);
	ck_assert_int_eq(tl_next(&rd, &r, &d), TL_RECORD);
	ck_assert_uint_eq(r.op, TTYLOG_OP_OPEN);
	ck_assert_uint_eq(r.tty, 3);
	ck_assert_uint_eq(r.len, 0);
	ck_assert_int_eq(tl_next(&rd, &r, &d), TL_RECORD);
	ck_assert_uint_eq(r.dir, 2);
	ck_assert_uint_eq(r.usec, 100000);
	ck_assert_uint_eq(r.len, 14);
	ck_assert_int_eq(memcmp(d, "root@web01:~# ", 14), 0);
	ck_assert_uint_eq(rd.offset, 24 + 24 + 14);
	tl_close(&rd);
	unlink(path);
}
END_TEST

/* Every cut of the plain file: the whole records before the cut, then a
 * "truncated" reason, and TL_END exactly at record boundaries. */
START_TEST(plain_cut_at_every_offset)
{
	size_t len, cut, bound, k;
	unsigned char *p = sample_encode(sample_session, 6, &len);
	unsigned long n;
	char why[256];

	for (cut = 1; cut < len; cut++) {
		const char *path = sample_file(p, cut, 0);
		enum tl_status st = read_all(path, &n, why, sizeof(why));

		for (k = 0, bound = 0; k < 6; k++) {
			size_t next = bound + TTYLOG_HEADER_SIZE +
				      strlen(sample_session[k].data);

			if (next > cut)
				break;
			bound = next;
		}
		ck_assert_uint_eq(n, k);
		ck_assert_int_eq(st, bound == cut ? TL_END : TL_DAMAGED);
		if (st == TL_DAMAGED)
			ck_assert_msg(strstr(why, "truncated") && strstr(why, "file ends"),
				      "cut %zu: %s", cut, why);
		unlink(path);
	}
	free(p);
}
END_TEST

/* Every cut of the gzip file: never a crash, never more records than there
 * are, a cut stream said so; the full file reads whole. */
START_TEST(gz_cut_at_every_offset)
{
	size_t len, glen, cut;
	unsigned char *p = sample_encode(sample_session, sample_session_len, &len);
	char gzpath[64];	/* sample_file's own buffers rotate in the loop */
	unsigned char *g;

	snprintf(gzpath, sizeof(gzpath), "%s", sample_file(p, len, 1));
	g = slurp(gzpath, &glen);
	unsigned long n, prev = 0;
	char why[256];

	for (cut = 1; cut <= glen; cut++) {
		const char *path = sample_file(g, cut, 0);
		enum tl_status st = read_all(path, &n, why, sizeof(why));

		ck_assert_uint_le(n, sample_session_len);
		ck_assert_uint_ge(n, prev);	/* more file, never fewer records */
		prev = n;
		if (cut < glen)
			ck_assert_msg(st == TL_DAMAGED, "cut %zu read as whole", cut);
		else
			ck_assert_int_eq(st, TL_END);
		unlink(path);
	}
	ck_assert_uint_eq(prev, sample_session_len);
	unlink(gzpath);
	free(g);
	free(p);
}
END_TEST

/* Z_SYNC_FLUSH after each record, as hostd writes: a cut after a flush
 * keeps every record before it. */
START_TEST(gz_sync_flush_cut)
{
	size_t len;
	unsigned char *p = sample_encode(sample_session, 4, &len);
	char path[] = "/tmp/ttyreplay-unit-sync-XXXXXX";
	int fd = mkstemp(path);
	gzFile g = gzdopen(fd, "wb");
	unsigned long n;
	char why[256];

	ck_assert_int_eq(gzwrite(g, p, (unsigned int)len), (int)len);
	ck_assert_int_eq(gzflush(g, Z_SYNC_FLUSH), Z_OK);
	/* Simulate the crash: the stream is never closed (no trailer). */
	ck_assert_int_eq(read_all(path, &n, why, sizeof(why)), TL_DAMAGED);
	ck_assert_uint_eq(n, 4);
	ck_assert_ptr_nonnull(strstr(why, "compressed stream cut short"));
	gzclose(g);
	unlink(path);
	free(p);
}
END_TEST

static const struct srec bad_op[] = { { 7, 1, 0, 1, 0, "" } };
static const struct srec bad_dir[] = { { 3, 1, 9, 1, 0, "x" } };

START_TEST(bad_headers)
{
	size_t len;
	unsigned char *p = sample_encode(bad_op, 1, &len);
	const char *path = sample_file(p, len, 1);
	unsigned long n;
	char why[256];

	ck_assert_int_eq(read_all(path, &n, why, sizeof(why)), TL_DAMAGED);
	ck_assert_uint_eq(n, 0);
	ck_assert_ptr_nonnull(strstr(why, "bad record header at offset 0: op 7"));
	unlink(path);
	free(p);
	p = sample_encode(bad_dir, 1, &len);
	path = sample_file(p, len, 0);
	ck_assert_int_eq(read_all(path, &n, why, sizeof(why)), TL_DAMAGED);
	ck_assert_ptr_nonnull(strstr(why, "dir 9"));
	unlink(path);
	free(p);
}
END_TEST

/* A length over TTYLOG_MAX_LEN is damage, refused before any allocation;
 * the largest legal length still reads. */
START_TEST(oversized_lengths)
{
	static const uint32_t lens[] = { TTYLOG_MAX_LEN + 1, 0x7fffffff, 0xffffffff };
	unsigned char hdr[TTYLOG_HEADER_SIZE];
	struct ttylog_rec r = { TTYLOG_OP_WRITE, 1, 0, 2, 5, 0 };
	unsigned long n;
	char why[256];
	size_t i;

	for (i = 0; i < sizeof(lens) / sizeof(lens[0]); i++) {
		const char *path;

		r.len = lens[i];
		ttylog_put(hdr, &r);
		path = sample_file(hdr, sizeof(hdr), 1);
		ck_assert_int_eq(read_all(path, &n, why, sizeof(why)), TL_DAMAGED);
		ck_assert_ptr_nonnull(strstr(why, "bad record header"));
		unlink(path);
	}
	{
		unsigned char *big = calloc(1, TTYLOG_HEADER_SIZE + TTYLOG_MAX_LEN);
		const char *path;

		r.len = TTYLOG_MAX_LEN;
		ttylog_put(big, &r);
		path = sample_file(big, TTYLOG_HEADER_SIZE + TTYLOG_MAX_LEN, 1);
		ck_assert_int_eq(read_all(path, &n, why, sizeof(why)), TL_END);
		ck_assert_uint_eq(n, 1);
		unlink(path);
		free(big);
	}
}
END_TEST

/* Each single byte of the compressed file flipped: no crash, bounded. */
START_TEST(corrupted_bytes)
{
	size_t len, glen, i;
	unsigned char *p = sample_encode(sample_session, sample_session_len, &len);
	char gzpath[64];	/* sample_file's own buffers rotate in the loop */
	unsigned char *g;

	snprintf(gzpath, sizeof(gzpath), "%s", sample_file(p, len, 1));
	g = slurp(gzpath, &glen);
	unsigned long n;
	char why[256];

	for (i = 0; i < glen; i++) {
		const char *path;

		g[i] ^= 0x5a;
		path = sample_file(g, glen, 0);
		read_all(path, &n, why, sizeof(why));
		ck_assert_uint_le(n, sample_session_len);
		unlink(path);
		g[i] ^= 0x5a;
	}
	unlink(gzpath);
	free(g);
	free(p);
}
END_TEST

/* Random files, plain and gzipped, from a fixed seed: never a crash. */
START_TEST(random_input)
{
	unsigned char buf[512];
	unsigned int seed = 12345;
	unsigned long n;
	char why[256];
	int round;
	size_t i, len;

	for (round = 0; round < 200; round++) {
		const char *path;

		len = 1 + (size_t)(rand_r(&seed) % sizeof(buf));
		for (i = 0; i < len; i++)
			buf[i] = (unsigned char)rand_r(&seed);
		if (round % 4 == 0 && len > 24)	/* a valid-looking first header */
			memcpy(buf, "\x03\0\0\0\x01\0\0\0\x05\0\0\0\x02\0\0\0", 16);
		path = sample_file(buf, len, round % 2);
		read_all(path, &n, why, sizeof(why));
		unlink(path);
	}
}
END_TEST

START_TEST(open_refusals)
{
	struct tl_reader rd;
	char err[256], dir[] = "/tmp/ttyreplay-unit-dir-XXXXXX";
	const char *empty = sample_file((const unsigned char *)"", 0, 0);

	ck_assert_int_eq(tl_open(&rd, "/nonexistent/x.ttylog.gz", err, sizeof(err)), -1);
	ck_assert_str_eq(err, "No such file or directory");
	ck_assert_int_eq(tl_open(&rd, empty, err, sizeof(err)), -1);
	ck_assert_str_eq(err, "empty file");
	unlink(empty);
	ck_assert_ptr_nonnull(mkdtemp(dir));
	ck_assert_int_eq(tl_open(&rd, dir, err, sizeof(err)), -1);
	ck_assert_str_eq(err, "is a directory");
	rmdir(dir);
}
END_TEST

/* session_status words for the CLI's errors. */
START_TEST(session_errors)
{
	struct session s;
	struct ttylog_rec r;
	const unsigned char *d;
	char err[320];
	const char *path = sample_file((const unsigned char *)"hello, not a ttylog at all, no", 30, 1);

	ck_assert_int_eq(session_open(&s, path, 0, 0, err, sizeof(err)), 0);
	while (session_next(&s, &r, &d))
		;
	ck_assert_int_eq(session_status(&s, err, sizeof(err)), -1);
	ck_assert_msg(strncmp(err, "not a ttylog file: bad record header at offset 0", 48) == 0, "%s", err);
	session_close(&s);
	unlink(path);

	path = sample_file((const unsigned char *)"", 0, 1);
	ck_assert_int_eq(session_open(&s, path, 0, 0, err, sizeof(err)), 0);
	while (session_next(&s, &r, &d))
		;
	ck_assert_int_eq(session_status(&s, err, sizeof(err)), -1);
	ck_assert_str_eq(err, "no records (empty session log)");
	session_close(&s);
	unlink(path);

	path = sample_gz();
	ck_assert_int_eq(session_open(&s, path, 1, 4, err, sizeof(err)), 0);
	while (session_next(&s, &r, &d))
		;
	ck_assert_int_eq(session_status(&s, err, sizeof(err)), -1);
	ck_assert_str_eq(err, "no session 4 in this file");
	session_close(&s);
	unlink(path);
}
END_TEST

Suite *reader_suite(void)
{
	Suite *s = suite_create("reader");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, valid_gz_and_plain);
	tcase_add_test(tc, fields_and_payload);
	tcase_add_test(tc, plain_cut_at_every_offset);
	tcase_add_test(tc, gz_cut_at_every_offset);
	tcase_add_test(tc, gz_sync_flush_cut);
	tcase_add_test(tc, bad_headers);
	tcase_add_test(tc, oversized_lengths);
	tcase_add_test(tc, corrupted_bytes);
	tcase_add_test(tc, random_input);
	tcase_add_test(tc, open_refusals);
	tcase_add_test(tc, session_errors);
	suite_add_tcase(s, tc);
	return s;
}
