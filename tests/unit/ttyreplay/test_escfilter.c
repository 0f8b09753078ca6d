// SPDX-License-Identifier: GPL-2.0
/* Unit tests: the terminal-safety filter, whole and split at every byte. */
#include <stdlib.h>
#include <string.h>

#include "escfilter.h"
#include "suites.h"

/* Filters in[0..n) fed in pieces cut at the offsets in cuts (0-ended). */
static char *run(const char *in, size_t n, int crlf, const size_t *cuts)
{
	static char out[8192];
	struct escfilter f;
	FILE *m = fmemopen(out, sizeof(out) - 1, "w");
	size_t at = 0;

	ck_assert_ptr_nonnull(m);
	memset(out, 0, sizeof(out));
	escfilter_init(&f, crlf);
	for (; cuts && *cuts; cuts++) {
		escfilter_feed(&f, (const unsigned char *)in + at, *cuts - at, m);
		at = *cuts;
	}
	escfilter_feed(&f, (const unsigned char *)in + at, n - at, m);
	escfilter_finish(&f, m);
	fclose(m);
	return out;
}

static const struct {
	const char *in, *out;
} cases[] = {
	{ "plain text\r\n", "plain text\r\n" },
	{ "\x1b[1;31mred\x1b[0m", "\x1b[1;31mred\x1b[0m" },		/* SGR passes */
	{ "\x1b[2J\x1b[H\x1b[10;5H\x1b[K\x1b[3A", "\x1b[2J\x1b[H\x1b[10;5H\x1b[K\x1b[3A" },
	{ "\x1b[?1049h\x1b[?25l\x1b[1;24r", "\x1b[?1049h\x1b[?25l\x1b[1;24r" },
	{ "\x1b(B\x1b" "7\x1b" "8\x1b" "M", "\x1b(B\x1b" "7\x1b" "8\x1b" "M" },
	{ "\x1b[2 q", "\x1b[2 q" },				/* cursor style */
	{ "a\x1b]0;pwned\x07" "b", "a^[]0;pwned^Gb" },		/* OSC title, BEL */
	{ "\x1b]2;t\x1b\\x", "^[]2;t^[\\x" },			/* OSC, ST */
	{ "\x1b]52;c;cm0gLXJmIH4=\x07", "^[]52;c;cm0gLXJmIH4=^G" },	/* clipboard */
	{ "\x1bP$qm\x1b\\", "^[P$qm^[\\" },				/* DCS DECRQSS */
	{ "\x1bP\x07$qm\x1b\\ok", "^[P^G$qm^[\\ok" },		/* BEL ends no DCS */
	{ "\x1b_Gpayload\x1b\\", "^[_Gpayload^[\\" },		/* APC */
	{ "\x1b^pm\x1b\\\x1bXsos\x1b\\", "^[^pm^[\\^[Xsos^[\\" },	/* PM, SOS */
	{ "\x1b[6n\x1b[5n\x1b[?6n", "^[[6n^[[5n^[[?6n" },		/* DSR */
	{ "\x1b[c\x1b[>c\x1b[=c\x1b[0c", "^[[c^[[>c^[[=c^[[0c" },	/* DA */
	{ "\x1b[8;100;100t\x1b[21t", "^[[8;100;100t^[[21t" },	/* window ops */
	{ "\x1b[?1$p\x1b[>q\x1b[5i", "^[[?1$p^[[>q^[[5i" },		/* reports, print */
	{ "\x1bZ\x05", "^[Z^E" },					/* DECID, ENQ */
	{ "\x1b]0;a\x1b[6n", "^[]0;a^[[6n" },			/* ESC ends the OSC */
	{ "\x1b]0;a\x18z", "^[]0;a^Xz" },				/* CAN aborts */
	{ "\x1b[1;2\x1b[m", "^[[1;2\x1b[m" },			/* CSI cut by ESC */
	{ "caf\xc3\xa9 \xe2\x82\xac", "caf\xc3\xa9 \xe2\x82\xac" },	/* UTF-8 */
	{ "\xc2\x9b" "6n\xc2\x9d" "0;x", "<U+009B>6n<U+009D>0;x" },	/* C1 */
	{ "a\x9b" "6n\xff\xc3(", "a\xef\xbf\xbd" "6n\xef\xbf\xbd\xef\xbf\xbd(" },
	{ "\xed\xa0\x80", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" },	/* surrogate */
	{ "end\x1b[1;3", "end^[[1;3" },				/* unfinished */
	{ "end\x1b", "end^[" },
	{ "end\xe2\x82", "end\xef\xbf\xbd" },
};

START_TEST(table)
{
	const char *in = cases[_i].in;
	char *got = run(in, strlen(in), 0, NULL);

	ck_assert_msg(strcmp(got, cases[_i].out) == 0, "case %d: got \"%s\"", _i, got);
}
END_TEST

/* A sequence split between records, at any byte: the same output. */
START_TEST(split_anywhere)
{
	const char *in = cases[_i].in;
	size_t n = strlen(in), a, b;
	char whole[8192];

	strcpy(whole, run(in, n, 0, NULL));
	for (a = 1; a < n; a++) {
		size_t one[2] = { a, 0 };

		ck_assert_str_eq(run(in, n, 0, one), whole);
		for (b = a + 1; b < n; b++) {
			size_t two[3] = { a, b, 0 };

			ck_assert_str_eq(run(in, n, 0, two), whole);
		}
	}
}
END_TEST

/* A long string shows ESC_SHOW_MAX bytes, "...", then passes text after. */
START_TEST(long_string_capped)
{
	char in[5000], want[200];
	char *got;

	memcpy(in, "\x1b]52;c;", 7);
	memset(in + 7, 'A', 4000);
	strcpy(in + 4007, "\x07" "after");
	got = run(in, strlen(in), 0, NULL);
	memset(want, 0, sizeof(want));
	memcpy(want, "^[]52;c;", 8);
	memset(want + 8, 'A', ESC_SHOW_MAX - 7);
	strcat(want, "...after");
	ck_assert_str_eq(got, want);
}
END_TEST

/* A CSI longer than ESC_SEQ_MAX is shown, never held without end. */
START_TEST(long_csi)
{
	char in[300];
	char *got;

	in[0] = '\x1b';
	in[1] = '[';
	memset(in + 2, '1', 200);
	strcpy(in + 202, "mX");
	got = run(in, strlen(in), 0, NULL);
	ck_assert_ptr_null(strchr(got, '\x1b'));
	ck_assert_ptr_nonnull(strstr(got, "...X"));
}
END_TEST

START_TEST(crlf_for_input)
{
	ck_assert_str_eq(run("ls\rpw\r", 6, 1, NULL), "ls\r\npw\r\n");
	ck_assert_str_eq(run("ls\r", 3, 0, NULL), "ls\r");
}
END_TEST

/* Nothing the filter emits starts a string or a report, whatever comes in. */
START_TEST(random_bytes_never_unsafe)
{
	unsigned int seed = 777;
	char in[256];
	int round;
	size_t i;

	for (round = 0; round < 2000; round++) {
		const char *got;

		for (i = 0; i < sizeof(in); i++) {
			static const char pick[] = "\x1b[]P_^X0;6nct?$>\x07\\\x9b\xc2";

			in[i] = rand_r(&seed) % 2 ? pick[rand_r(&seed) % (sizeof(pick) - 1)] :
				(char)rand_r(&seed);
		}
		got = run(in, sizeof(in), 0, NULL);
		for (i = 0; got[i]; i++) {
			if (got[i] != '\x1b')
				continue;
			ck_assert_msg(!strchr("]P_^XZ", got[i + 1]), "round %d: ESC %c", round, got[i + 1]);
		}
		ck_assert_ptr_null(strstr(got, "\xc2\x9b"));
		ck_assert_ptr_null(strstr(got, "\x05"));
	}
}
END_TEST

Suite *escfilter_suite(void)
{
	Suite *s = suite_create("escfilter");
	TCase *tc = tcase_create("core");
	int n = (int)(sizeof(cases) / sizeof(cases[0]));

	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, table, 0, n);
	tcase_add_loop_test(tc, split_anywhere, 0, n);
	tcase_add_test(tc, long_string_capped);
	tcase_add_test(tc, long_csi);
	tcase_add_test(tc, crlf_for_input);
	tcase_add_test(tc, random_bytes_never_unsafe);
	suite_add_tcase(s, tc);
	return s;
}
