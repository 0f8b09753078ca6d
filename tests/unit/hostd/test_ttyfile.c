// SPDX-License-Identifier: GPL-2.0
/* Unit tests: the gzip session file: Cowrie records read back, a file cut at a flush, a full disk. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "enc.h"
#include "suites.h"
#include "ttyfile.h"

static char path[256];
static int dirfd_;

static void setup(void)
{
	const char *d = test_dir();

	ck_assert_int_eq(mkdir(d, 0700), 0);
	dirfd_ = open(d, O_RDONLY | O_DIRECTORY);
	snprintf(path, sizeof(path), "%s/s.ttylog.gz", d);
}

static void teardown(void)
{
	close(dirfd_);
	test_dir_remove();
}

static struct ttylog_rec rec(uint32_t op, uint32_t dir, uint32_t len, uint32_t sec)
{
	struct ttylog_rec r = { .op = op, .tty = 5, .len = len, .dir = dir,
				.sec = sec, .usec = 250000 };
	return r;
}

START_TEST(write_and_read_back)
{
	struct ttyfile t;
	struct ttylog_rec r, got;
	char hex[SHA256_HEX], want[SHA256_HEX];
	unsigned char *d;
	size_t n;
	off_t size;
	int complete;

	ck_assert_int_eq(ttyfile_open(&t, dirfd_, "s.ttylog.gz"), 0);
	r = rec(TTYLOG_OP_OPEN, 0, 0, 100);
	ck_assert_int_eq(ttyfile_put(&t, &r, NULL), 0);
	r = rec(TTYLOG_OP_WRITE, TTYLOG_DIR_READ, 3, 101);
	ck_assert_int_eq(ttyfile_put(&t, &r, "id\r"), 0);
	r = rec(TTYLOG_OP_WRITE, TTYLOG_DIR_WRITE, 5, 102);
	ck_assert_int_eq(ttyfile_put(&t, &r, "uid\r\n"), 0);
	r = rec(TTYLOG_OP_CLOSE, 0, 0, 103);
	ck_assert_int_eq(ttyfile_put(&t, &r, NULL), 0);
	ck_assert_int_eq(ttyfile_close(&t, hex), 0);
	ck_assert_int_eq(sha256_file(path, want, &size), 0);
	ck_assert_str_eq(hex, want);

	d = gunzip(path, &n, &complete);
	ck_assert_int_eq(complete, 1);
	ck_assert_uint_eq(n, 4 * TTYLOG_HEADER_SIZE + 8);
	ck_assert_int_eq(ttylog_get(d, &got), 0);
	ck_assert_uint_eq(got.op, TTYLOG_OP_OPEN);
	ck_assert_uint_eq(got.tty, 5);
	ck_assert_int_eq(ttylog_get(d + 24, &got), 0);
	ck_assert_uint_eq(got.op, TTYLOG_OP_WRITE);
	ck_assert_uint_eq(got.dir, TTYLOG_DIR_READ);
	ck_assert_uint_eq(got.len, 3);
	ck_assert_uint_eq(got.sec, 101);
	ck_assert_uint_eq(got.usec, 250000);
	ck_assert_int_eq(memcmp(d + 48, "id\r", 3), 0);
	ck_assert_int_eq(ttylog_get(d + 51, &got), 0);
	ck_assert_uint_eq(got.dir, TTYLOG_DIR_WRITE);
	ck_assert_int_eq(memcmp(d + 75, "uid\r\n", 5), 0);
	ck_assert_int_eq(ttylog_get(d + 80, &got), 0);
	ck_assert_uint_eq(got.op, TTYLOG_OP_CLOSE);
	free(d);
}
END_TEST

/* What a crash leaves: the file as of its last flush decodes in full. */
START_TEST(cut_at_last_flush_decodes)
{
	struct ttyfile t;
	struct ttylog_rec r;
	unsigned char *d;
	char data[100];
	size_t n, i;
	int complete;
	struct stat st;

	ck_assert_int_eq(ttyfile_open(&t, dirfd_, "s.ttylog.gz"), 0);
	for (i = 0; i < 200; i++) {
		snprintf(data, sizeof(data), "line %03zu of output\r\n", i);
		r = rec(TTYLOG_OP_WRITE, TTYLOG_DIR_WRITE, (uint32_t)strlen(data), 1);
		ck_assert_int_eq(ttyfile_put(&t, &r, data), 0);
		if (i % 10 == 9)
			ck_assert_int_eq(ttyfile_flush(&t), 0);
	}
	/* records after the last flush may still be in memory: that is the bounded loss */
	ck_assert_int_eq(stat(path, &st), 0);
	d = gunzip(path, &n, &complete);
	ck_assert_int_eq(complete, 0);
	ck_assert_uint_eq(n, 200 * (TTYLOG_HEADER_SIZE + 20));
	ck_assert_int_eq(memcmp(d + n - 20, "line 199 of output\r\n", 20), 0);
	free(d);
	ck_assert_int_eq(ttyfile_close(&t, data), 0);
}
END_TEST

/* A full disk: the write fails, the error is kept, nothing crashes. */
START_TEST(disk_full)
{
	struct ttyfile t;
	struct ttylog_rec r = rec(TTYLOG_OP_WRITE, TTYLOG_DIR_WRITE, 4, 1);
	char hex[SHA256_HEX];
	int full = open("/dev/full", O_WRONLY);

	ck_assert_int_ge(full, 0);
	ck_assert_int_eq(ttyfile_open(&t, dirfd_, "s.ttylog.gz"), 0);
	dup2(full, t.gz.fd);
	close(full);
	ck_assert_int_eq(ttyfile_put(&t, &r, "data"), 0);
	ck_assert_int_eq(ttyfile_flush(&t), -1);
	ck_assert_int_eq(t.gz.failed, 1);
	ck_assert_int_eq(t.gz.err, ENOSPC);
	ck_assert_uint_gt(t.gz.pend_len, 0);	/* kept for a retry */
	ck_assert_int_eq(ttyfile_close(&t, hex), -1);
	ck_assert_str_eq(hex, "");
}
END_TEST

START_TEST(refuses_existing)
{
	struct ttyfile t;
	char hex[SHA256_HEX];

	ck_assert_int_eq(ttyfile_open(&t, dirfd_, "s.ttylog.gz"), 0);
	ck_assert_int_eq(ttyfile_close(&t, hex), 0);
	ck_assert_int_eq(ttyfile_open(&t, dirfd_, "s.ttylog.gz"), -1);
	ck_assert_int_eq(errno, EEXIST);
}
END_TEST

Suite *ttyfile_suite(void)
{
	Suite *s = suite_create("ttyfile");
	TCase *t = tcase_create("gzip");

	tcase_add_checked_fixture(t, setup, teardown);
	tcase_add_test(t, write_and_read_back);
	tcase_add_test(t, cut_at_last_flush_decodes);
	tcase_add_test(t, disk_full);
	tcase_add_test(t, refuses_existing);
	suite_add_tcase(s, t);
	return s;
}
