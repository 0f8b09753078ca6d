// SPDX-License-Identifier: GPL-2.0
/* Unit tests: rotation boundaries on the clock, file names, and the state machine through a failure. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "enc.h"
#include "hostd.h"
#include "rotate.h"
#include "suites.h"

#define T0 1795844712	/* 2026-11-28T05:45:12Z */

static const char *dir;
static int dirfd_;

static void setup(void)
{
	dir = test_dir();
	ck_assert_int_eq(mkdir(dir, 0700), 0);
	dirfd_ = open(dir, O_RDONLY | O_DIRECTORY);
}

static void teardown(void)
{
	close(dirfd_);
	test_dir_remove();
}

static int exists(const char *name)
{
	return faccessat(dirfd_, name, F_OK, 0) == 0;
}

START_TEST(boundaries)
{
	ck_assert_int_eq(rot_boundary(T0, 3600), 1795845600);	/* 06:00:00 */
	ck_assert_int_eq(rot_boundary(1795845600, 3600), 1795845600 + 3600);	/* on it: the next */
	ck_assert_int_eq(rot_boundary(1795845599, 3600), 1795845600);
	ck_assert_int_eq(rot_boundary(T0, 1), T0 + 1);
	ck_assert_int_eq(rot_boundary(T0, 7), (T0 / 7 + 1) * 7);
	ck_assert_int_eq(rot_boundary(T0, 86400), 1795910400);	/* next UTC midnight */
	ck_assert_int_eq(rot_boundary(0, 60), 60);
	ck_assert_int_eq(rot_boundary(-1, 60), 0);
	ck_assert_int_eq(rot_boundary(-60, 60), 0);
	ck_assert_int_eq(rot_boundary(-61, 60), -60);
}
END_TEST

START_TEST(names)
{
	char n[ROT_NAME_MAX], b[32];

	rot_name(n, sizeof(n), "tap0", T0, 0);
	ck_assert_str_eq(n, "tap0-20261128T054512Z.pcap.gz");
	rot_name(n, sizeof(n), "tap0", T0, 3);
	ck_assert_str_eq(n, "tap0-20261128T054512Z~3.pcap.gz");
	rot_base(b, sizeof(b), "tap0");
	ck_assert_str_eq(b, "tap0");
	rot_base(b, sizeof(b), "a/b c\x01.d-+_");
	ck_assert_str_eq(b, "a_b_c_.d-+_");
	rot_base(b, sizeof(b), "");
	ck_assert_str_eq(b, "if");
	ck_assert_str_eq(rot_state_name(ROT_SYNC), "SYNC");
	ck_assert_str_eq(rot_state_name(ROT_REOPEN), "REOPEN");
}
END_TEST

/* The first file starts now, .part while written; at the boundary it is renamed and the next starts on it. */
START_TEST(rotates_on_the_boundary)
{
	struct rotor r;
	unsigned char p[60] = { 1, 2, 3 };
	int64_t b = rot_boundary(T0, 3600);

	rot_init(&r, dirfd_, dir, "tap0", 262144, 1, 3600);
	ck_assert_int_eq(r.st, ROT_REOPEN);
	ck_assert_int_eq(rot_put(&r, T0, 0, 60, 60, p), 0);
	ck_assert_uint_eq(r.dropped, 1);	/* no file yet: counted */
	ck_assert_int_eq(rot_step(&r, T0, 1000), 0);
	ck_assert_int_eq(r.st, ROT_WRITING);
	ck_assert_str_eq(r.name, "tap0-20261128T054512Z.pcap.gz");
	ck_assert(exists("tap0-20261128T054512Z.pcap.gz.part"));
	ck_assert_int_eq(r.next, b);
	ck_assert_int_eq(rot_put(&r, T0, 0, 60, 60, p), 0);
	ck_assert_int_eq(rot_flush(&r), 0);
	ck_assert(!rot_due(&r, b - 1));
	ck_assert(rot_due(&r, b));
	rot_begin(&r, 0);
	ck_assert_int_eq(r.st, ROT_SYNC);
	ck_assert_int_eq(rot_step(&r, b, 2000), 0);
	ck_assert_int_eq(r.st, ROT_WRITING);
	ck_assert(exists("tap0-20261128T054512Z.pcap.gz"));
	ck_assert(!exists("tap0-20261128T054512Z.pcap.gz.part"));
	ck_assert_str_eq(r.name, "tap0-20261128T060000Z.pcap.gz");
	ck_assert(exists("tap0-20261128T060000Z.pcap.gz.part"));
	ck_assert_int_eq(r.next, b + 3600);
	ck_assert_uint_eq(r.files, 1);
	/* Stop: SYNC, RENAME, DONE; nothing .part is left. */
	rot_begin(&r, 1);
	ck_assert_int_eq(rot_step(&r, b + 10, 3000), 0);
	ck_assert_int_eq(r.st, ROT_DONE);
	ck_assert(exists("tap0-20261128T060000Z.pcap.gz"));
	ck_assert(!exists("tap0-20261128T060000Z.pcap.gz.part"));
}
END_TEST

/* The clock jumped back more than a period: rotate now rather than wait an hour plus the jump. */
START_TEST(clock_back)
{
	struct rotor r;

	rot_init(&r, dirfd_, dir, "tap0", 262144, 1, 60);
	ck_assert_int_eq(rot_step(&r, T0, 1000), 0);
	ck_assert(!rot_due(&r, T0 - 30));
	ck_assert(rot_due(&r, T0 - 61));
	rot_begin(&r, 1);
	ck_assert_int_eq(rot_step(&r, T0, 1000), 0);
}
END_TEST

/* A failed REOPEN keeps its state and a retry deadline, then resumes there; a taken name gets "~2". */
START_TEST(failed_step_resumes)
{
	struct rotor r;
	int fd;

	rot_init(&r, -1, dir, "tap0", 262144, 1, 3600);
	ck_assert_int_eq(rot_step(&r, T0, 1000), -1);
	ck_assert_int_eq(r.st, ROT_REOPEN);
	ck_assert_int_eq(r.err, EBADF);
	ck_assert_str_eq(r.err_path, "tap0-20261128T054512Z.pcap.gz.part");
	ck_assert_uint_eq(r.retry_ms, 1000 + HOSTD_RETRY_MS);
	r.dirfd = dirfd_;
	ck_assert_int_eq(rot_step(&r, T0, 1500), 0);	/* before the deadline: nothing */
	ck_assert_int_eq(r.st, ROT_REOPEN);
	fd = openat(dirfd_, "tap0-20261128T054512Z.pcap.gz", O_CREAT | O_WRONLY, 0600);
	close(fd);
	ck_assert_int_eq(rot_step(&r, T0, 1000 + HOSTD_RETRY_MS), 0);
	ck_assert_int_eq(r.st, ROT_WRITING);
	ck_assert_str_eq(r.name, "tap0-20261128T054512Z~2.pcap.gz");
	rot_begin(&r, 1);
	ck_assert_int_eq(rot_step(&r, T0, 3000), 0);
	ck_assert_int_eq(r.st, ROT_DONE);
}
END_TEST

/* What the capture holds counts against its share: the open file's bytes, then the finished files'. */
START_TEST(disk_bytes)
{
	static unsigned char pkt[1000];
	struct rotor r;
	struct stat st;
	uint64_t open_bytes;
	int i;

	rot_init(&r, dirfd_, dir, "tap0", 262144, 1, 3600);
	ck_assert_uint_eq(rot_disk_bytes(&r), 0);
	ck_assert_int_eq(rot_step(&r, T0, 1000), 0);
	ck_assert_uint_gt(rot_disk_bytes(&r), 0);
	for (i = 0; i < 100; i++)
		ck_assert_int_eq(rot_put(&r, T0, 0, sizeof(pkt), sizeof(pkt), pkt), 0);
	/* Not yet deflated or written: counted as the uncompressed bytes, an upper bound. */
	ck_assert_uint_ge(rot_disk_bytes(&r), 100 * (16 + sizeof(pkt)));
	ck_assert_int_eq(rot_flush(&r), 0);
	open_bytes = rot_disk_bytes(&r);
	ck_assert_uint_eq(open_bytes, r.f.gz.written + r.f.gz.pend_len + 64);
	ck_assert_uint_lt(open_bytes, 100 * (16 + sizeof(pkt)));
	rot_begin(&r, 1);
	ck_assert_int_eq(rot_step(&r, T0, 2000), 0);
	ck_assert_int_eq(r.st, ROT_DONE);
	ck_assert_int_eq(fstatat(dirfd_, "tap0-20261128T054512Z.pcap.gz", &st, 0), 0);
	ck_assert_uint_eq(rot_disk_bytes(&r), (uint64_t)st.st_size);
	ck_assert_uint_le(rot_disk_bytes(&r), open_bytes);
}
END_TEST

Suite *rotate_suite(void)
{
	Suite *s = suite_create("rotate");
	TCase *t = tcase_create("clock");

	tcase_add_checked_fixture(t, setup, teardown);
	tcase_add_test(t, boundaries);
	tcase_add_test(t, names);
	tcase_add_test(t, rotates_on_the_boundary);
	tcase_add_test(t, clock_back);
	tcase_add_test(t, failed_step_resumes);
	tcase_add_test(t, disk_bytes);
	suite_add_tcase(s, t);
	return s;
}
