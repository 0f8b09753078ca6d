// SPDX-License-Identifier: GPL-2.0
/* Unit tests: the watch feed following a temporary archive as hostd would write it. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "suites.h"
#include "watch_follow.h"
#include "watch_format.h"

#define RUN1 "20261203T170416Z-74ac8bc7"
#define RUN2 "20261203T180000Z-00000001"
#define OLDER "20261203T160000Z-ffffffff"

#define HANGUP(s) "{\"ts\":\"2026-12-03T17:05:00.0Z\",\"type\":\"tty.hangup\",\"session\":" #s ",\"tty\":\"pts/0\"}\n"
#define SAID(s) "session " #s " hung up (pts/0)"

/* The feed's output, read back after each poll. */
struct feed {
	char *buf;
	size_t len, seen;
	FILE *out;
};

static char top[64];

static void feed_open(struct feed *f)
{
	memset(f, 0, sizeof(*f));
	f->out = open_memstream(&f->buf, &f->len);
	ck_assert_ptr_nonnull(f->out);
}

/* Polls once; returns what it printed (until the next call). */
static const char *poll_text(struct watch *w, struct feed *f)
{
	static char got[1 << 16];
	size_t n;

	ck_assert_int_eq(watch_poll(w, f->out), 0);
	n = f->len - f->seen;
	ck_assert_uint_lt(n, sizeof(got));
	memcpy(got, f->buf + f->seen, n);
	got[n] = '\0';
	f->seen = f->len;
	return got;
}

static void feed_close(struct feed *f)
{
	fclose(f->out);
	free(f->buf);
}

static void path_of(char *buf, size_t len, const char *a, const char *b)
{
	snprintf(buf, len, "%s/%s%s%s", top, a, b ? "/" : "", b ? b : "");
}

static void mkdir_in(const char *name)
{
	char p[256];

	path_of(p, sizeof(p), name, NULL);
	ck_assert_int_eq(mkdir(p, 0750), 0);
}

/* Appends text to RUN/events.jsonl as hostd does (O_APPEND). */
static void append(const char *run, const char *text, size_t n)
{
	char p[256];
	int fd;

	path_of(p, sizeof(p), run, "events.jsonl");
	fd = open(p, O_WRONLY | O_CREAT | O_APPEND, 0640);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, text, n), (ssize_t)n);
	close(fd);
}

static void append_s(const char *run, const char *text)
{
	append(run, text, strlen(text));
}

/* Every line of the feed is printable ASCII of at most WATCH_WIDTH columns. */
static void assert_lines_safe(const struct feed *f)
{
	size_t i, col = 0;

	for (i = 0; i < f->len; i++) {
		if (f->buf[i] == '\n') {
			col = 0;
			continue;
		}
		ck_assert(f->buf[i] >= 0x20 && f->buf[i] < 0x7f);
		ck_assert_uint_le(++col, WATCH_WIDTH);
	}
}

static void setup(void)
{
	snprintf(top, sizeof(top), "/tmp/hn-unit-watch-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(top));
}

static void teardown(void)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", top);
	ck_assert_int_eq(system(cmd), 0);
}

START_TEST(pieces)
{
	const struct watch_src src = { "web", top };
	const char *line = HANGUP(1);
	struct watch *w = watch_open(&src, 1);
	struct feed f;

	feed_open(&f);
	ck_assert_ptr_nonnull(w);
	/* Nothing yet, then a directory that is not a run: nothing to say. */
	ck_assert_str_eq(poll_text(w, &f), "");
	mkdir_in("notes");
	ck_assert_str_eq(poll_text(w, &f), "");
	/* The run appears before hostd creates its events file. */
	mkdir_in(RUN1);
	ck_assert_str_eq(poll_text(w, &f), "17:04:16 web  -                following run " RUN1 "\n");
	ck_assert_str_eq(poll_text(w, &f), "");
	/* A line written in three pieces is printed once, whole. */
	append(RUN1, line, 10);
	ck_assert_str_eq(poll_text(w, &f), "");
	append(RUN1, line + 10, strlen(line) - 11);
	ck_assert_str_eq(poll_text(w, &f), "");
	append_s(RUN1, "\n");
	ck_assert_str_eq(poll_text(w, &f), "17:05:00 web  -                " SAID(1) "\n");
	/* Two lines and the start of a third in one write. */
	append_s(RUN1, HANGUP(2) HANGUP(3) "{\"ts\":");
	ck_assert_str_eq(poll_text(w, &f),
			 "17:05:00 web  -                " SAID(2) "\n"
			 "17:05:00 web  -                " SAID(3) "\n");
	append_s(RUN1, "\"x\"}\n");
	ck_assert_str_eq(poll_text(w, &f), "--:--:-- web  -                event without a type\n");
	assert_lines_safe(&f);
	watch_close(w);
	feed_close(&f);
}
END_TEST

START_TEST(new_run)
{
	const struct watch_src src = { "web", top };
	struct watch *w = watch_open(&src, 1);
	struct feed f;

	feed_open(&f);
	mkdir_in(RUN1);
	append_s(RUN1, HANGUP(1));
	ck_assert_ptr_nonnull(strstr(poll_text(w, &f), SAID(1)));
	/* The old run's last lines (one unfinished) come before the new run's. */
	append_s(RUN1, HANGUP(2) "{\"ts\"");
	mkdir_in(RUN2);
	append_s(RUN2, HANGUP(7));
	ck_assert_str_eq(poll_text(w, &f),
			 "17:05:00 web  -                " SAID(2) "\n"
			 "--:--:-- web  -                the run's last event line was never finished\n"
			 "18:00:00 web  -                new run " RUN2 "\n"
			 "17:05:00 web  -                " SAID(7) "\n");
	/* An older run appearing (a restored backup) is no new run; the old one is left. */
	mkdir_in(OLDER);
	append_s(OLDER, HANGUP(8));
	append_s(RUN1, HANGUP(9));
	ck_assert_str_eq(poll_text(w, &f), "");
	append_s(RUN2, HANGUP(10));
	ck_assert_str_eq(poll_text(w, &f), "17:05:00 web  -                " SAID(10) "\n");
	assert_lines_safe(&f);
	watch_close(w);
	feed_close(&f);
}
END_TEST

START_TEST(oversize_line)
{
	const struct watch_src src = { "web", top };
	struct watch *w = watch_open(&src, 1);
	size_t n = WATCH_LINE_MAX + 100, half = n / 2;
	char *big = malloc(n);
	const char *got;
	struct feed f;

	ck_assert_ptr_nonnull(big);
	memset(big, 'a', n);
	memcpy(big, "{\"ts\":\"2026-12-03T17:05:00.0Z\",\"type\":\"exec\",\"argv\":[\"", 54);
	feed_open(&f);
	mkdir_in(RUN1);
	append_s(RUN1, HANGUP(1));
	poll_text(w, &f);
	/* Half of it, a poll, the rest and its end, then a line after it. */
	append(RUN1, big, half);
	ck_assert_str_eq(poll_text(w, &f), "");
	append(RUN1, big + half, n - half);
	append_s(RUN1, "\"]}\n" HANGUP(2));
	got = poll_text(w, &f);
	ck_assert_str_eq(got, "--:--:-- web  -                an event line over 65536 B skipped\n"
			 "17:05:00 web  -                " SAID(2) "\n");
	/* Exactly a full buffer with its newline next: the same, and the next line whole. */
	append(RUN1, big, WATCH_LINE_MAX);
	append_s(RUN1, "\n" HANGUP(3));
	got = poll_text(w, &f);
	ck_assert_str_eq(got, "--:--:-- web  -                an event line over 65536 B skipped\n"
			 "17:05:00 web  -                " SAID(3) "\n");
	/* One byte less than the buffer, with its newline, is a line (cut to the width). */
	big[WATCH_LINE_MAX - 2] = '\n';
	append(RUN1, big, WATCH_LINE_MAX - 1);
	got = poll_text(w, &f);
	ck_assert_ptr_nonnull(strstr(got, "unreadable event line (65534 B)"));
	assert_lines_safe(&f);
	free(big);
	watch_close(w);
	feed_close(&f);
}
END_TEST

START_TEST(waiting_and_not_regular)
{
	char dir[128], fifo[256], want[256];
	const struct watch_src src = { "web", dir };
	struct watch *w = watch_open(&src, 1);
	struct feed f;

	snprintf(dir, sizeof(dir), "%s/later", top);
	feed_open(&f);
	snprintf(want, sizeof(want), "--:--:-- web  -                waiting for %s\n", dir);
	ck_assert_str_eq(poll_text(w, &f), want);
	ck_assert_str_eq(poll_text(w, &f), "");
	mkdir_in("later");
	mkdir_in("later/" RUN1);
	/* A FIFO in the file's place is not opened for reading: the poll returns. */
	path_of(fifo, sizeof(fifo), "later/" RUN1, "events.jsonl");
	ck_assert_int_eq(mkfifo(fifo, 0600), 0);
	ck_assert_str_eq(poll_text(w, &f), "17:04:16 web  -                following run " RUN1 "\n");
	ck_assert_str_eq(poll_text(w, &f), "");
	ck_assert_int_eq(unlink(fifo), 0);
	append_s("later/" RUN1, HANGUP(4));
	ck_assert_str_eq(poll_text(w, &f), "17:05:00 web  -                " SAID(4) "\n");
	watch_close(w);
	feed_close(&f);
}
END_TEST

START_TEST(two_sources)
{
	char a[128], b[128];
	struct watch_src src[2] = { { "a", a }, { "honeypot2", b } };
	struct watch *w;
	struct feed f;

	snprintf(a, sizeof(a), "%s/a", top);
	snprintf(b, sizeof(b), "%s/honeypot2", top);
	mkdir_in("a");
	mkdir_in("honeypot2");
	mkdir_in("a/" RUN1);
	mkdir_in("honeypot2/" RUN2);
	append_s("a/" RUN1, HANGUP(1));
	append_s("honeypot2/" RUN2, HANGUP(2));
	feed_open(&f);
	w = watch_open(src, 2);
	ck_assert_ptr_nonnull(w);
	/* Names padded to the longest, so the columns line up. */
	ck_assert_str_eq(poll_text(w, &f),
			 "17:04:16 a          -                following run " RUN1 "\n"
			 "17:05:00 a          -                " SAID(1) "\n"
			 "18:00:00 honeypot2  -                following run " RUN2 "\n"
			 "17:05:00 honeypot2  -                " SAID(2) "\n");
	watch_close(w);
	feed_close(&f);
}
END_TEST

Suite *watch_follow_suite(void)
{
	Suite *s = suite_create("watch_follow");
	TCase *tc = tcase_create("watch_follow");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, pieces);
	tcase_add_test(tc, new_run);
	tcase_add_test(tc, oversize_line);
	tcase_add_test(tc, waiting_and_not_regular);
	tcase_add_test(tc, two_sources);
	suite_add_tcase(s, tc);
	return s;
}
