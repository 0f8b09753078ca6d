// SPDX-License-Identifier: GPL-2.0
/* Unit tests: a stream through the archive writer: events, tty files, hostile sessions, a flood. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "archive.h"
#include "enc.h"
#include "suites.h"

static const char *dir;
static unsigned char *b;
static size_t n;

static void setup(void)
{
	dir = test_dir();
	b = malloc(1 << 20);
	n = 0;
}

static void teardown(void)
{
	free(b);
	test_dir_remove();
}

/* Archives b[0..n) in chunks of 13 bytes; returns the counters. */
static struct archive_counters archive_stream(void)
{
	struct record *rec = record_open(dir);
	struct archive *a = rec ? archive_open(rec, 1000) : NULL;
	struct archive_counters c;
	size_t i, k;

	ck_assert_ptr_nonnull(a);
	for (i = 0; i < n; i += k) {
		k = n - i < 13 ? n - i : 13;
		archive_feed(a, b + i, k);
	}
	ck_assert_int_eq(archive_close(a, "test end"), 0);
	ck_assert_int_eq(record_close(rec), 0);
	c = a->c;
	free(a);
	free(rec);
	return c;
}

static char *events(void)
{
	char p[256];
	size_t len;

	snprintf(p, sizeof(p), "%s/events.jsonl", dir);
	return slurp(p, &len);
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

START_TEST(one_session)
{
	static const char argv[] = "id\0";
	struct archive_counters c;
	char p[256], *ev, *close_line, hex[SHA256_HEX];
	unsigned char *d;
	struct ttylog_rec r;
	size_t len;
	off_t size;
	int complete;

	n += enc_open(b + n, 3, 1, "pts/0");
	n += enc_data(b + n, 3, 1, "id\r");
	n += enc_exec(b + n, 3, 99, "/usr/bin/id", argv, sizeof(argv) - 1, 1);
	n += enc_data(b + n, 3, 2, "uid=0(root)\r\n");
	n += enc_rec(b + n, TTY_LOG_HANGUP, 3, 0, ENC_T0, NULL, 0);
	n += enc_loss(b + n, 2, 40);
	n += enc_close(b + n, 3);
	c = archive_stream();
	ck_assert_uint_eq(c.records, 7);
	ck_assert_uint_eq(c.sessions, 1);
	ck_assert_uint_eq(c.execs, 1);
	ck_assert_uint_eq(c.stream_errors, 0);
	ck_assert_uint_eq(c.lost_records, 2);
	ck_assert_uint_eq(c.bytes, n);

	ev = events();
	ck_assert_ptr_nonnull(strstr(ev, "{\"ts\":\"2026-11-28T05:45:12.123456Z\",\"type\":\"tty.open\","
				     "\"session\":3,\"tty\":\"pts/0\",\"parent\":1,\"major\":136,"
				     "\"minor\":3,\"file\":\"tty/000003-pts-0.ttylog.gz\"}\n"));
	ck_assert_ptr_nonnull(strstr(ev, "\"type\":\"exec\",\"session\":3,\"pid\":99,\"ppid\":1,"
				     "\"uid\":1000,\"euid\":0,\"filename\":\"/usr/bin/id\","
				     "\"argv\":[\"id\"],\"argc\":1,\"truncated\":false}\n"));
	ck_assert_ptr_nonnull(strstr(ev, "\"type\":\"tty.hangup\",\"session\":3,\"tty\":\"pts/0\"}"));
	ck_assert_ptr_nonnull(strstr(ev, "\"type\":\"stream.loss\",\"records\":2,\"bytes\":40}"));
	close_line = strstr(ev, "\"type\":\"tty.close\"");
	ck_assert_ptr_nonnull(close_line);
	ck_assert_ptr_nonnull(strstr(close_line, "\"duration\":2.500000,\"bytes_in\":3,"
				     "\"bytes_out\":13,\"file\":\"tty/000003-pts-0.ttylog.gz\""));

	snprintf(p, sizeof(p), "%s/tty/000003-pts-0.ttylog.gz", dir);
	ck_assert_int_eq(sha256_file(p, hex, &size), 0);
	ck_assert_ptr_nonnull(strstr(close_line, hex));
	d = gunzip(p, &len, &complete);
	ck_assert_int_eq(complete, 1);
	ck_assert_uint_eq(len, 4 * 24 + 3 + 13);
	ttylog_get(d, &r);
	ck_assert_uint_eq(r.op, TTYLOG_OP_OPEN);
	ck_assert_uint_eq(r.tty, 3);
	ck_assert_uint_eq(r.sec, 1795844712);
	ck_assert_uint_eq(r.usec, 123456);
	ttylog_get(d + 24, &r);
	ck_assert_uint_eq(r.op, TTYLOG_OP_WRITE);
	ck_assert_uint_eq(r.dir, 1);
	ck_assert_uint_eq(r.sec, 1795844713);
	ttylog_get(d + 51, &r);
	ck_assert_uint_eq(r.dir, 2);
	ck_assert_uint_eq(r.len, 13);
	ttylog_get(d + 88, &r);
	ck_assert_uint_eq(r.op, TTYLOG_OP_CLOSE);
	free(d);
	free(ev);
}
END_TEST

START_TEST(hostile_sessions)
{
	struct archive_counters c;
	char *ev;

	n += enc_open(b + n, 1, 0, "pts/1");
	n += enc_open(b + n, 1, 0, "pts/1");		/* duplicate */
	n += enc_close(b + n, 8);			/* never opened */
	n += enc_rec(b + n, TTY_LOG_HANGUP, 8, 0, ENC_T0, NULL, 0);
	n += enc_data(b + n, 5, 2, "orphan");		/* implicit session */
	n += enc_data(b + n, 0, 2, "nowhere");		/* session 0 */
	n += enc_data(b + n, 1, 9, "bad dir");
	n += enc_rec(b + n, 77, 1, 0, ENC_T0, "?", 1);	/* unknown type */
	n += enc_open(b + n, 0, 0, "pts/9");		/* session 0 */
	memcpy(b + n, "junk", 4), n += 4;
	n += enc_open(b + n, 2, 0, "../\xff\x01");
	c = archive_stream();
	ck_assert_uint_eq(c.stream_errors, 9);
	ck_assert_uint_eq(c.sessions, 3);
	ev = events();
	ck_assert_ptr_nonnull(strstr(ev, "duplicate OPEN for session 1"));
	ck_assert_ptr_nonnull(strstr(ev, "CLOSE for session 8, which is not open"));
	ck_assert_ptr_nonnull(strstr(ev, "HANGUP for session 8, which is not open"));
	ck_assert_ptr_nonnull(strstr(ev, "DATA for session 5, which is not open"));
	ck_assert_ptr_nonnull(strstr(ev, "\"file\":\"tty/000005-unnamed.ttylog.gz\",\"implicit\":true"));
	ck_assert_ptr_nonnull(strstr(ev, "DATA for session 0"));
	ck_assert_ptr_nonnull(strstr(ev, "DATA direction: expected 1 or 2, found 9"));
	ck_assert_ptr_nonnull(strstr(ev, "record type: expected 1..6, found 77"));
	ck_assert_ptr_nonnull(strstr(ev, "OPEN for session 0"));
	ck_assert_ptr_nonnull(strstr(ev, "\"type\":\"stream.error\",\"offset\":"));
	ck_assert_ptr_nonnull(strstr(ev, "\"what\":\"bad magic: expected 0x4c544e48, found 0x6b6e756a\""));
	ck_assert_ptr_nonnull(strstr(ev, "\"type\":\"stream.resync\""));
	ck_assert_ptr_nonnull(strstr(ev, "\"tty\":\"../\\u00ff\\u0001\""));
	ck_assert_ptr_nonnull(strstr(ev, "tty/000002-..-__.ttylog.gz"));
	ck_assert_int_eq(count(ev, "\"reason\":\"test end\""), 3);
	free(ev);
}
END_TEST

/* Opens sessions first..last, named pts/N. */
static void open_many(uint32_t first, uint32_t last)
{
	char name[16];
	uint32_t i;

	for (i = first; i <= last; i++) {
		snprintf(name, sizeof(name), "pts/%u", i);
		n += enc_open(b + n, i, 0, name);
	}
}

/*
 * More sessions than the table holds, held open: each new one evicts the
 * least recently active, whose file is finished; later records of an
 * evicted session resume it under its name, or are let go quietly.
 */
START_TEST(session_flood)
{
	struct archive_counters c;
	unsigned char *tty;
	char p[256], *ev;
	size_t len;
	int complete;

	open_many(1, HOSTD_MAX_SESSIONS);
	n += enc_data(b + n, 1, 2, "busy");
	open_many(HOSTD_MAX_SESSIONS + 1, HOSTD_MAX_SESSIONS + 44);
	n += enc_close(b + n, 3);
	n += enc_data(b + n, 4, 1, "resumed");
	n += enc_rec(b + n, TTY_LOG_HANGUP, 5, 0, ENC_T0, NULL, 0);
	n += enc_data(b + n, 3, 2, "late");
	c = archive_stream();
	ck_assert_uint_eq(c.sessions, HOSTD_MAX_SESSIONS + 44 + 2);
	ck_assert_uint_eq(c.evictions, 44 + 2);
	ck_assert_uint_eq(c.dropped_records, 0);
	ev = events();
	ck_assert_int_eq(count(ev, "\"type\":\"tty.evicted\""), 46);
	ck_assert_int_eq(count(ev, "\"reason\":\"evicted\""), 46);
	ck_assert_ptr_null(strstr(ev, "\"type\":\"tty.evicted\",\"session\":1,"));
	snprintf(p, sizeof(p), "\"type\":\"tty.evicted\",\"session\":2,\"tty\":\"pts/2\","
		 "\"age\":0.000000,\"for\":%d}", HOSTD_MAX_SESSIONS + 1);
	ck_assert_ptr_nonnull(strstr(ev, p));
	ck_assert_ptr_nonnull(strstr(ev, "\"type\":\"tty.evicted\",\"session\":47,"));
	ck_assert_ptr_nonnull(strstr(ev, "\"file\":\"tty/000004-pts-4~2.ttylog.gz\",\"resumed\":true"));
	ck_assert_ptr_null(strstr(ev, "CLOSE for session 3"));
	ck_assert_ptr_null(strstr(ev, "HANGUP for session 5"));
	ck_assert_ptr_nonnull(strstr(ev, "DATA for session 3, which is not open"));
	ck_assert_ptr_nonnull(strstr(ev, "\"file\":\"tty/000003-unnamed.ttylog.gz\",\"implicit\":true"));
	ck_assert_int_eq(count(ev, "\"reason\":\"test end\""), HOSTD_MAX_SESSIONS);
	free(ev);
	snprintf(p, sizeof(p), "%s/tty/000002-pts-2.ttylog.gz", dir);
	tty = gunzip(p, &len, &complete);
	ck_assert_ptr_nonnull(tty);
	ck_assert_int_eq(complete, 1);
	ck_assert_uint_eq(len, 2 * TTYLOG_HEADER_SIZE);
	free(tty);
}
END_TEST

START_TEST(reused_id)
{
	char p[256];
	struct stat st;
	int i;

	for (i = 0; i < 3; i++) {
		n += enc_open(b + n, 7, 0, "pts/0");
		n += enc_data(b + n, 7, 2, "hi");
		n += enc_close(b + n, 7);
	}
	archive_stream();
	snprintf(p, sizeof(p), "%s/tty/000007-pts-0~3.ttylog.gz", dir);
	ck_assert_int_eq(stat(p, &st), 0);
}
END_TEST

START_TEST(refuses_used_run_dir)
{
	struct record *rec;

	archive_stream();
	rec = record_open(dir);
	ck_assert_ptr_null(rec);
}
END_TEST

Suite *archive_suite(void)
{
	Suite *s = suite_create("archive");
	TCase *t = tcase_create("stream");

	tcase_add_checked_fixture(t, setup, teardown);
	tcase_add_test(t, one_session);
	tcase_add_test(t, hostile_sessions);
	tcase_add_test(t, session_flood);
	tcase_add_test(t, reused_id);
	tcase_add_test(t, refuses_used_run_dir);
	suite_add_tcase(s, t);
	return s;
}
