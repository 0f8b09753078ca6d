// SPDX-License-Identifier: GPL-2.0
/* Unit tests: the console relay: everything under the cap reaches console.log, the rest is counted, said once. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "console.h"
#include "enc.h"
#include "record.h"
#include "suites.h"

static const char *dir;
static struct record *rec;

static void setup(void)
{
	dir = test_dir();
	rec = record_open(dir);
	ck_assert_ptr_nonnull(rec);
}

static void teardown(void)
{
	if (rec) {
		record_close(rec);
		free(rec);
	}
	test_dir_remove();
}

static char *file(const char *name, size_t *n)
{
	char p[512];

	snprintf(p, sizeof(p), "%s/%s", dir, name);
	return slurp(p, n);
}

static int count(const char *hay, const char *needle)
{
	int c = 0;

	while ((hay = strstr(hay, needle))) {
		c++;
		hay++;
	}
	return c;
}

static void feed(int wr, const char *s)
{
	ck_assert_int_eq(write(wr, s, strlen(s)), (ssize_t)strlen(s));
}

START_TEST(cap_cuts_and_counts)
{
	struct console c;
	char *log, *ev;
	size_t n;
	int wr;

	ck_assert_int_eq(console_open(&c, record_dirfd(rec), dir, 100, &wr), 0);
	feed(wr, "Linux version 6.1\n");			/* 18 */
	console_read(&c, rec);
	log = file("console.log", &n);
	ck_assert_uint_eq(n, 18);
	ck_assert_int_eq(memcmp(log, "Linux version 6.1\n", 18), 0);
	free(log);
	for (n = 0; n < 10; n++)
		feed(wr, "0123456789");			/* 100 more: 18 over */
	console_read(&c, rec);
	feed(wr, "after the cap\n");			/* 14 more, all over */
	close(wr);
	console_close(&c, rec);
	ck_assert_uint_eq(c.written, 100);
	ck_assert_uint_eq(c.cut, 18 + 14);
	ck_assert_int_eq(record_failed(rec), 0);
	log = file("console.log", &n);
	ck_assert_uint_eq(n, 100);
	/* 18 + 82: eight blocks of digits, and the ninth cut after "01". */
	ck_assert_int_eq(memcmp(log + 18, "0123456789", 10), 0);
	ck_assert_int_eq(memcmp(log + 88, "0123456789", 10), 0);
	ck_assert_int_eq(memcmp(log + 98, "01", 2), 0);
	free(log);
	ck_assert_int_eq(record_flush(rec), 0);
	ev = file("events.jsonl", &n);
	ck_assert_int_eq(count(ev, "\"type\":\"console.cut\""), 1);
	ck_assert_ptr_nonnull(strstr(ev, "\"type\":\"console.cut\",\"cap\":100,\"written\":100}"));
	free(ev);
}
END_TEST

/* Under the cap nothing is lost: 3 MiB through a pipe read as the loop would, in bursts. */
START_TEST(nothing_lost_under_the_cap)
{
	struct console c;
	unsigned char *want = malloc(3 << 20);
	char *log;
	size_t n, i, k;
	int wr;

	for (i = 0; i < (3 << 20); i++)
		want[i] = (unsigned char)(i * 7 + i / 4096);
	ck_assert_int_eq(console_open(&c, record_dirfd(rec), dir, 16 << 20, &wr), 0);
	for (i = 0; i < (3 << 20); i += k) {
		k = (3 << 20) - i < 40000 ? (3 << 20) - i : 40000;
		ck_assert_int_eq(write(wr, want + i, k), (ssize_t)k);
		console_read(&c, rec);
	}
	close(wr);
	console_close(&c, rec);
	ck_assert_uint_eq(c.written, 3 << 20);
	ck_assert_uint_eq(c.cut, 0);
	log = file("console.log", &n);
	ck_assert_uint_eq(n, 3 << 20);
	ck_assert_int_eq(memcmp(log, want, n), 0);
	free(log);
	free(want);
}
END_TEST

/* The loop must never wait on the console: an empty pipe returns at once. */
START_TEST(empty_pipe_does_not_block)
{
	struct console c;
	int wr;

	ck_assert_int_eq(console_open(&c, record_dirfd(rec), dir, 100, &wr), 0);
	console_read(&c, rec);
	ck_assert_uint_eq(c.written, 0);
	ck_assert_int_ge(c.rd, 0);
	ck_assert_int_ne(fcntl(c.rd, F_GETFL) & O_NONBLOCK, 0);
	ck_assert_int_eq(fcntl(wr, F_GETFL) & O_NONBLOCK, 0);
	close(wr);
	console_read(&c, rec);
	ck_assert_int_eq(c.rd, -1);	/* EOF: every writer gone */
	console_close(&c, rec);
}
END_TEST

Suite *console_suite(void)
{
	Suite *s = suite_create("console");
	TCase *t = tcase_create("relay");

	tcase_add_checked_fixture(t, setup, teardown);
	tcase_add_test(t, cap_cuts_and_counts);
	tcase_add_test(t, nothing_lost_under_the_cap);
	tcase_add_test(t, empty_pipe_does_not_block);
	suite_add_tcase(s, t);
	return s;
}
