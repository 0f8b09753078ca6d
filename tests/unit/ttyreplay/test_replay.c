// SPDX-License-Identifier: GPL-2.0
/* Unit tests: replay timing through a fake sleeper, streams, sessions. */
#include <math.h>
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

/* The attacker types before anything is shown: the direction field still
 * decides (Cowrie's playlog would take the keystrokes for the screen). */
static const struct srec typed_first[] = {
	{ TTYLOG_OP_WRITE, 5, 1, 10, 0, "whoami\r" },
	{ TTYLOG_OP_WRITE, 5, 2, 10, 5, "root\r\n" },
};

/* A clock that jumps a day ahead waits REPLAY_PAUSE_MAX, not a day. */
static const struct srec jump[] = {
	{ TTYLOG_OP_WRITE, 1, 2, 100, 0, "a" },
	{ TTYLOG_OP_WRITE, 1, 2, 86500, 0, "b" },
	{ TTYLOG_OP_WRITE, 1, 2, 50, 0, "c" },
};

#define NREC(a) (sizeof(a) / sizeof((a)[0]))

/* One replay: the file, the options, and everything it must give. */
struct replay_case {
	const char *name;
	const struct srec *recs;	/* NULL: the sample session */
	size_t n_recs;
	size_t cut;		/* bytes cut off the file's end */
	struct replay_opts o;	/* speed, maxidle, input, raw */
	int tty_given;
	uint32_t tty;
	int status;		/* session_status: 1 for a cut file */
	const char *out;
	int n_sleeps;
	double sleeps[8];
};

static const struct replay_case cases[] = {
	/* 0.1 to the prompt, 0.901 to "l", 0.2, 0.8, 0.001, 0.998 to "caf",
	 * 0.0001, 1.0004 to "logout": every pause of the output stream. */
	{ "output stream and delays", NULL, 0, 0, { 1, -1, 0, 0 }, 0, 0, 0,
	  "root@web01:~# ls\r\nbin  etc\r\n^[]0;pwned^G\x1b[1;31mred\x1b[0m"
	  "^[[6nroot@web01:~# caf\xc3\xa9 \"q\"\\\r\nlogout\r\n",
	  8, { 0.1, 0.901, 0.2, 0.8, 0.001, 0.998, 0.0001, 1.0004 } },
	/* -m 0.5 caps each pause, then -s 10 divides it. */
	{ "speed and maxidle", NULL, 0, 0, { 10, 0.5, 0, 0 }, 0, 0, 0,
	  "root@web01:~# ls\r\nbin  etc\r\n^[]0;pwned^G\x1b[1;31mred\x1b[0m"
	  "^[[6nroot@web01:~# caf\xc3\xa9 \"q\"\\\r\nlogout\r\n",
	  8, { 0.01, 0.05, 0.02, 0.05, 0.0001, 0.05, 0.00001, 0.05 } },
	/* --input: keystrokes, echo-off password included; the step back to
	 * "secret" is clamped to no pause, and "exit" comes 3 s after it. */
	{ "input stream", NULL, 0, 0, { 1, -1, 1, 0 }, 0, 0, 0,
	  "ls\r\nsecret\r\nexit\r\n",
	  4, { 1, 0.2, 0.8, 3 } },
	{ "trusts direction", typed_first, NREC(typed_first), 0, { 1, -1, 0, 1 }, 0, 0, 0,
	  "root\r\n", 1, { 0.000005 } },
	/* From its OPEN: 0.001 s, then 3.997 s (under REPLAY_PAUSE_MAX). */
	{ "other session", NULL, 0, 0, { 1, -1, 0, 1 }, 1, 9, 0,
	  "OTHER SESSIONAFTER CLOSE", 2, { 0.001, 3.997 } },
	/* A file cut mid-record plays up to the cut and says so. */
	{ "cut file", sample_session, 4, 1, { 1, -1, 0, 1 }, 0, 0, 1,
	  "root@web01:~# ", 1, { 0.1 } },
	{ "clock jumps", jump, NREC(jump), 0, { 1, -1, 0, 1 }, 0, 0, 0,
	  "abc", 1, { REPLAY_PAUSE_MAX } },
};

START_TEST(replay_case)
{
	const struct replay_case *c = &cases[_i];
	size_t n;
	unsigned char *p = c->recs ? sample_encode(c->recs, c->n_recs, &n) : NULL;
	const char *path = p ? sample_file(p, n - c->cut, 1) : sample_gz();
	struct sleeps sl;
	char *out;
	size_t len;
	int i;

	ck_assert_msg(play(path, &c->o, c->tty_given, c->tty, &sl, &out, &len) == c->status,
		      "%s: status: expected %d", c->name, c->status);
	ck_assert_msg(strcmp(out, c->out) == 0, "%s: output: expected \"%s\", got \"%s\"",
		      c->name, c->out, out);
	ck_assert_msg(sl.n == c->n_sleeps, "%s: expected %d pauses, got %d",
		      c->name, c->n_sleeps, sl.n);
	for (i = 0; i < sl.n; i++)
		ck_assert_msg(fabs(sl.d[i] - c->sleeps[i]) < 1e-9,
			      "%s: pause %d: expected %.9f s, got %.9f s",
			      c->name, i, c->sleeps[i], sl.d[i]);
	free(out);
	unlink(path);
	free(p);
}
END_TEST

Suite *replay_suite(void)
{
	Suite *s = suite_create("replay");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, replay_case, 0, (int)NREC(cases));
	suite_add_tcase(s, tc);
	return s;
}
