/* Unit tests: replay timing through a fake sleeper, streams, sessions. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "replay.h"
#include "sample.h"
#include "suites.h"
#include "timeline.h"

struct sleeps {
	double d[64];
	int n;
};

static void fake_sleep(void *ctx, double seconds)
{
	struct sleeps *s = ctx;

	if (s->n < 64)
		s->d[s->n++] = seconds;
}

/* Replays path into a string; the sleeps into *sl. Returns the status. */
static int play(const char *path, const struct replay_opts *o, int tty_given,
		uint32_t tty, struct sleeps *sl, char **out, size_t *len)
{
	struct session s;
	char err[320];
	FILE *m = open_memstream(out, len);
	int st;

	memset(sl, 0, sizeof(*sl));
	ck_assert_int_eq(session_open(&s, path, tty_given, tty, err, sizeof(err)), 0);
	ck_assert_int_eq(replay_session(&s, o, m, fake_sleep, sl), 0);
	fclose(m);
	st = session_status(&s, err, sizeof(err));
	session_close(&s);
	return st;
}

START_TEST(output_stream_and_delays)
{
	const char *path = sample_gz();
	struct replay_opts o = { 1, -1, 0, 0 };
	struct sleeps sl;
	char *out;
	size_t len;

	ck_assert_int_eq(play(path, &o, 0, 0, &sl, &out, &len), 0);
	ck_assert_str_eq(out, "root@web01:~# ls\r\nbin  etc\r\n^[]0;pwned^G"
			 "\x1b[1;31mred\x1b[0m^[[6nroot@web01:~# caf\xc3\xa9 \"q\"\\\r\n"
			 "logout\r\n");
	/* 0.1 to the prompt, 0.901 to "l", 0.2, 0.8, 0.001, 0.998 to "caf",
	 * 0.0001, 1.0004 to "logout": every pause of the output stream. */
	ck_assert_int_eq(sl.n, 8);
	ck_assert_double_eq_tol(sl.d[0], 0.1, 1e-9);
	ck_assert_double_eq_tol(sl.d[1], 0.901, 1e-9);
	ck_assert_double_eq_tol(sl.d[2], 0.2, 1e-9);
	ck_assert_double_eq_tol(sl.d[3], 0.8, 1e-9);
	ck_assert_double_eq_tol(sl.d[4], 0.001, 1e-9);
	ck_assert_double_eq_tol(sl.d[5], 0.998, 1e-9);
	ck_assert_double_eq_tol(sl.d[6], 0.0001, 1e-9);
	ck_assert_double_eq_tol(sl.d[7], 1.0004, 1e-9);
	free(out);
	unlink(path);
}
END_TEST

START_TEST(speed_and_maxidle)
{
	const char *path = sample_gz();
	struct replay_opts o = { 10, 0.5, 0, 0 };
	struct sleeps sl;
	char *out;
	size_t len;
	int i;

	ck_assert_int_eq(play(path, &o, 0, 0, &sl, &out, &len), 0);
	for (i = 0; i < sl.n; i++)
		ck_assert_double_le(sl.d[i], 0.05 + 1e-12);
	ck_assert_double_eq_tol(sl.d[0], 0.01, 1e-9);
	free(out);
	unlink(path);
}
END_TEST

/* --input: keystrokes, echo-off password included, the step back clamped. */
START_TEST(input_stream)
{
	const char *path = sample_gz();
	struct replay_opts o = { 1, -1, 1, 0 };
	struct sleeps sl;
	char *out;
	size_t len;
	int i;

	ck_assert_int_eq(play(path, &o, 0, 0, &sl, &out, &len), 0);
	ck_assert_str_eq(out, "ls\r\nsecret\r\nexit\r\n");
	for (i = 0; i < sl.n; i++)
		ck_assert_double_ge(sl.d[i], 0);
	free(out);
	unlink(path);
}
END_TEST

/* The attacker types before anything is shown: the direction field still
 * decides (Cowrie's playlog would take the keystrokes for the screen). */
static const struct srec typed_first[] = {
	{ TTYLOG_OP_WRITE, 5, 1, 10, 0, "whoami\r" },
	{ TTYLOG_OP_WRITE, 5, 2, 10, 5, "root\r\n" },
};

START_TEST(trusts_direction)
{
	size_t n;
	unsigned char *p = sample_encode(typed_first, 2, &n);
	const char *path = sample_file(p, n, 1);
	struct replay_opts o = { 1, -1, 0, 1 };
	struct sleeps sl;
	char *out;
	size_t len;

	ck_assert_int_eq(play(path, &o, 0, 0, &sl, &out, &len), 0);
	ck_assert_str_eq(out, "root\r\n");
	free(out);
	unlink(path);
	free(p);
}
END_TEST

START_TEST(other_session)
{
	const char *path = sample_gz();
	struct replay_opts o = { 1, -1, 0, 1 };
	struct sleeps sl;
	char *out;
	size_t len;

	ck_assert_int_eq(play(path, &o, 1, 9, &sl, &out, &len), 0);
	ck_assert_str_eq(out, "OTHER SESSIONAFTER CLOSE");
	/* from its OPEN: 0.001 s, then 3.997 s (under REPLAY_PAUSE_MAX) */
	ck_assert_int_eq(sl.n, 2);
	ck_assert_double_eq_tol(sl.d[0], 0.001, 1e-9);
	ck_assert_double_eq_tol(sl.d[1], 3.997, 1e-9);
	free(out);
	unlink(path);
}
END_TEST

/* A file cut mid-record plays up to the cut and says so. */
START_TEST(cut_file)
{
	size_t n;
	unsigned char *p = sample_encode(sample_session, 4, &n);
	const char *path = sample_file(p, n - 1, 1);
	struct replay_opts o = { 1, -1, 0, 1 };
	struct sleeps sl;
	char *out;
	size_t len;

	ck_assert_int_eq(play(path, &o, 0, 0, &sl, &out, &len), 1);
	ck_assert_str_eq(out, "root@web01:~# ");
	free(out);
	unlink(path);
	free(p);
}
END_TEST

/* A clock that jumps a day ahead waits REPLAY_PAUSE_MAX, not a day. */
static const struct srec jump[] = {
	{ TTYLOG_OP_WRITE, 1, 2, 100, 0, "a" },
	{ TTYLOG_OP_WRITE, 1, 2, 86500, 0, "b" },
	{ TTYLOG_OP_WRITE, 1, 2, 50, 0, "c" },
};

START_TEST(clock_jumps)
{
	size_t n;
	unsigned char *p = sample_encode(jump, 3, &n);
	const char *path = sample_file(p, n, 1);
	struct replay_opts o = { 1, -1, 0, 1 };
	struct sleeps sl;
	char *out;
	size_t len;

	ck_assert_int_eq(play(path, &o, 0, 0, &sl, &out, &len), 0);
	ck_assert_str_eq(out, "abc");
	ck_assert_int_eq(sl.n, 1);
	ck_assert_double_eq_tol(sl.d[0], REPLAY_PAUSE_MAX, 1e-9);
	free(out);
	unlink(path);
	free(p);
}
END_TEST

Suite *replay_suite(void)
{
	Suite *s = suite_create("replay");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, output_stream_and_delays);
	tcase_add_test(tc, speed_and_maxidle);
	tcase_add_test(tc, input_stream);
	tcase_add_test(tc, trusts_direction);
	tcase_add_test(tc, other_session);
	tcase_add_test(tc, cut_file);
	tcase_add_test(tc, clock_jumps);
	suite_add_tcase(s, tc);
	return s;
}
