// SPDX-License-Identifier: GPL-2.0
/* Unit tests: the archive budget: sizes in and out, the policy's figures, the run directory's scan and its end. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "budget.h"
#include "budget_policy.h"
#include "bytesize.h"
#include "clock.h"
#include "enc.h"
#include "suites.h"

static const char *dir;

static void setup(void)
{
	dir = test_dir();
}

static void teardown(void)
{
	test_dir_remove();
}

START_TEST(sizes_in)
{
	static const char *const bad[] = {
		"", "M", "-1", "+1", " 1", "1 ", "1.5G", "1KK", "1X", "1Mi", "1MiBs",
		"16777216T", "99999999999999999999",
	};
	uint64_t v = 7;
	size_t i;

	ck_assert_int_eq(bytesize_parse("1048576", 0, UINT64_MAX, &v), 0);
	ck_assert_uint_eq(v, 1048576);
	ck_assert_int_eq(bytesize_parse("8M", 0, UINT64_MAX, &v), 0);
	ck_assert_uint_eq(v, 8ULL << 20);
	ck_assert_int_eq(bytesize_parse("8m", 0, UINT64_MAX, &v), 0);
	ck_assert_uint_eq(v, 8ULL << 20);
	ck_assert_int_eq(bytesize_parse("3GiB", 0, UINT64_MAX, &v), 0);
	ck_assert_uint_eq(v, 3ULL << 30);
	ck_assert_int_eq(bytesize_parse("64KB", 0, UINT64_MAX, &v), 0);
	ck_assert_uint_eq(v, 64ULL << 10);
	ck_assert_int_eq(bytesize_parse("2T", 0, UINT64_MAX, &v), 0);
	ck_assert_uint_eq(v, 2ULL << 40);
	ck_assert_int_eq(bytesize_parse("16777215T", 0, UINT64_MAX, &v), 0);
	ck_assert_uint_eq(v, 16777215ULL << 40);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_msg(bytesize_parse(bad[i], 0, UINT64_MAX, &v) < 0, "%s", bad[i]);
	v = 7;
	ck_assert_int_eq(bytesize_parse("1023K", BUDGET_MIN, BUDGET_MAX, &v), -1);
	ck_assert_int_eq(bytesize_parse("1025T", BUDGET_MIN, BUDGET_MAX, &v), 0);
	ck_assert_int_eq(bytesize_parse("1048577T", BUDGET_MIN, BUDGET_MAX, &v), -1);
	ck_assert_int_eq(bytesize_parse("1M", BUDGET_MIN, BUDGET_MAX, &v), 0);
	ck_assert_uint_eq(v, BUDGET_MIN);
}
END_TEST

START_TEST(sizes_out)
{
	char b[32];

	bytesize_format(0, b, sizeof(b));
	ck_assert_str_eq(b, "0 B");
	bytesize_format(1023, b, sizeof(b));
	ck_assert_str_eq(b, "1023 B");
	bytesize_format(1024, b, sizeof(b));
	ck_assert_str_eq(b, "1.0 KiB");
	bytesize_format(1288490189, b, sizeof(b));
	ck_assert_str_eq(b, "1.2 GiB");
	bytesize_format(3ULL << 30, b, sizeof(b));
	ck_assert_str_eq(b, "3.0 GiB");
	bytesize_format(5ULL << 19, b, sizeof(b));
	ck_assert_str_eq(b, "2.5 MiB");
	bytesize_format(UINT64_MAX, b, sizeof(b));
	ck_assert_str_eq(b, "16.0 EiB");
}
END_TEST

START_TEST(policy)
{
	ck_assert_uint_eq(budget_default(10ULL << 30), 5ULL << 30);
	ck_assert_uint_eq(budget_default(0), BUDGET_MIN);
	ck_assert_uint_eq(budget_default(BUDGET_MIN), BUDGET_MIN);
	ck_assert_uint_eq(budget_default(UINT64_MAX), BUDGET_MAX);
	ck_assert_uint_eq(budget_capture_share(8ULL << 20), 4ULL << 20);
	ck_assert_uint_eq(budget_capture_share(101), 50);
	ck_assert_uint_eq(budget_capture_share(BUDGET_MAX), BUDGET_MAX / 2);
	ck_assert_uint_eq(budget_capture_share(0), 0);
	ck_assert_int_eq(budget_fits(10, 5, 5), 1);
	ck_assert_int_eq(budget_fits(10, 6, 5), 0);
	ck_assert_int_eq(budget_fits(10, 0, 11), 0);
	ck_assert_int_eq(budget_fits(10, 10, 0), 1);
	ck_assert_int_eq(budget_fits(100, UINT64_MAX, 1), 0);
	ck_assert_int_eq(budget_fits(UINT64_MAX, UINT64_MAX - 1, 2), 0);
}
END_TEST

/* dir/name, in one of two buffers used in turn. */
static const char *at(const char *name)
{
	static char p[2][512];
	static int i;

	i ^= 1;
	snprintf(p[i], sizeof(p[i]), "%s/%s", dir, name);
	return p[i];
}

static uint64_t blocks(const char *name)
{
	struct stat st;

	ck_assert_int_eq(lstat(at(name), &st), 0);
	return (uint64_t)st.st_blocks * 512;
}

/* Writes n bytes of 'x' at offset off into dir/name (created if missing). */
static void put(const char *name, off_t off, size_t n)
{
	char *buf = malloc(n);
	int fd;

	memset(buf, 'x', n);
	fd = open(at(name), O_WRONLY | O_CREAT, 0644);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(pwrite(fd, buf, n, off), (ssize_t)n);
	ck_assert_int_eq(fsync(fd), 0);
	close(fd);
	free(buf);
}

static int open_dir(const char *name)
{
	int fd = open(at(name), O_RDONLY | O_DIRECTORY);

	ck_assert_int_ge(fd, 0);
	return fd;
}

START_TEST(scan_counts_allocated)
{
	struct budget b;
	int fd;

	ck_assert_int_eq(mkdir(dir, 0755), 0);
	ck_assert_int_eq(mkdir(at("pcap"), 0755), 0);
	/* A 1 GiB sparse disk.cow with one 64 KiB stretch: only the stretch counts. */
	put("disk.cow", 512 << 20, 65536);
	ck_assert_int_eq(truncate(at("disk.cow"), 1 << 30), 0);
	put("pcap/tap0.pcap.gz", 0, 100000);
	put("events.jsonl", 0, 300);
	ck_assert_int_eq(symlink("/etc", at("link")), 0);
	fd = open_dir(".");
	budget_init(&b, fd, 8ULL << 20);
	ck_assert_uint_eq(b.capture_share, 4ULL << 20);
	ck_assert_uint_eq(b.used, blocks(".") + blocks("disk.cow") + blocks("pcap") +
			  blocks("pcap/tap0.pcap.gz") + blocks("events.jsonl") + blocks("link"));
	ck_assert_uint_lt(b.used, 1 << 20);
	ck_assert_uint_ge(b.used, 65536 + 100000);
	put("disk.cow", 0, 1 << 20);
	ck_assert_uint_ge(budget_scan(&b), (1 << 20) + 65536 + 100000);
	close(fd);
}
END_TEST

/* A subdirectory hostd cannot read any more (root's persona/ after the drop) keeps its last figure. */
START_TEST(unreadable_keeps_figure)
{
	struct budget b;
	uint64_t first, later;
	char sub[512];
	int fd;

	ck_assert_int_eq(mkdir(dir, 0755), 0);
	ck_assert_int_eq(chmod(dir, 0755), 0);
	snprintf(sub, sizeof(sub), "%s", at("persona"));
	ck_assert_int_eq(mkdir(sub, 0755), 0);
	put("persona/cpuinfo", 0, 200000);
	fd = open_dir(".");
	budget_init(&b, fd, 8ULL << 20);
	first = b.used;
	ck_assert_uint_ge(first, 200000);
	ck_assert_int_eq(chmod(sub, 0), 0);
	/* As root, look as an unprivileged user would, as hostd after --user. */
	if (geteuid() == 0)
		ck_assert_int_eq(seteuid(65534), 0);
	later = budget_scan(&b);
	if (getuid() == 0)
		ck_assert_int_eq(seteuid(0), 0);
	ck_assert_int_eq(chmod(sub, 0755), 0);
	ck_assert_uint_eq(later, first);
	ck_assert_int_eq(b.n_dirs, 1);
	ck_assert_int_eq(b.dirs[0].said, 1);
	close(fd);
}
END_TEST

START_TEST(end_fails_the_archive)
{
	struct record *rec = record_open(dir);
	struct budget b;
	uint64_t t;
	char want[600];

	ck_assert_ptr_nonnull(rec);
	budget_init(&b, record_dirfd(rec), BUDGET_MIN);
	t = mono_ms();
	ck_assert_int_le(budget_timeout_ms(&b, t), HOSTD_BUDGET_SCAN_MS);
	put("disk.cow", 0, 512 << 10);
	budget_tick(&b, rec, t + HOSTD_BUDGET_SCAN_MS);
	ck_assert_int_eq(record_failed(rec), 0);
	put("disk.cow", 512 << 10, 1 << 20);
	/* Not yet due: the scan waits for its timer. */
	budget_tick(&b, rec, t + HOSTD_BUDGET_SCAN_MS + 1);
	ck_assert_int_eq(record_failed(rec), 0);
	ck_assert_int_eq(budget_timeout_ms(&b, t + HOSTD_BUDGET_SCAN_MS + 1),
			 HOSTD_BUDGET_SCAN_MS - 1);
	budget_tick(&b, rec, t + 2 * HOSTD_BUDGET_SCAN_MS);
	ck_assert_int_eq(record_failed(rec), 1);
	ck_assert_uint_ge(b.used, 3 << 19);
	snprintf(want, sizeof(want), "archive %s: budget of 1.0 MiB (1048576 bytes) used up: "
		 "the run directory holds ", dir);
	ck_assert_msg(strncmp(record_fail_msg(rec), want, strlen(want)) == 0, "%s", record_fail_msg(rec));
	ck_assert_int_eq(b.said, 1);
	record_close(rec);
	free(rec);
}
END_TEST

Suite *budget_suite(void)
{
	Suite *s = suite_create("budget");
	TCase *t = tcase_create("budget");

	tcase_add_checked_fixture(t, setup, teardown);
	tcase_add_test(t, sizes_in);
	tcase_add_test(t, sizes_out);
	tcase_add_test(t, policy);
	tcase_add_test(t, scan_counts_allocated);
	tcase_add_test(t, unreadable_keeps_figure);
	tcase_add_test(t, end_fails_the_archive);
	suite_add_tcase(s, t);
	return s;
}
