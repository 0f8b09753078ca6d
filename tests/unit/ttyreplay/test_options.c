// SPDX-License-Identifier: GPL-2.0
/* Unit tests: the command line, its defaults and its refusals. */
#include <string.h>

#include "options.h"
#include "suites.h"

static struct options o;
static char err[256];

/* argv outlives the call: o.args points into it after the parse. */
static char *store[16];

static int parse(char **argv, int argc)
{
	memcpy(store, argv, (size_t)argc * sizeof(argv[0]));
	store[argc] = NULL;
	return options_parse(&o, argc, store, err, sizeof(err));
}

#define PARSE(...) \
	parse((char *[]){ "ttyreplay", __VA_ARGS__ }, \
	      (int)(sizeof((char *[]){ "ttyreplay", __VA_ARGS__ }) / sizeof(char *)))

START_TEST(defaults)
{
	ck_assert_int_eq(PARSE("s.ttylog.gz"), 0);
	ck_assert_int_eq(o.mode, MODE_REPLAY);
	ck_assert_double_eq(o.speed, 1);
	ck_assert_double_lt(o.maxidle, 0);
	ck_assert_int_eq(o.input | o.raw | o.tty_given, 0);
	ck_assert_int_eq(o.nargs, 1);
	ck_assert_str_eq(o.args[0], "s.ttylog.gz");
}
END_TEST

START_TEST(replay_options)
{
	ck_assert_int_eq(PARSE("-s", "2.5", "-m", "0.5", "--input", "--raw",
			       "--tty", "7", "f"), 0);
	ck_assert_double_eq(o.speed, 2.5);
	ck_assert_double_eq(o.maxidle, 0.5);
	ck_assert_int_eq(o.input && o.raw && o.tty_given, 1);
	ck_assert_uint_eq(o.tty, 7);
	ck_assert_int_eq(PARSE("f", "-s", "1000", "-t", "4294967295"), 0);
	ck_assert_double_eq(o.speed, 1000);
	ck_assert_uint_eq(o.tty, 4294967295U);
}
END_TEST

START_TEST(modes)
{
	ck_assert_int_eq(PARSE("--list", "a", "b"), 0);
	ck_assert_int_eq(o.mode, MODE_LIST);
	ck_assert_int_eq(o.nargs, 2);
	ck_assert_int_eq(PARSE("--export", "asciicast", "f"), 0);
	ck_assert_int_eq(o.export, EXPORT_ASCIICAST);
	ck_assert_int_eq(PARSE("--export", "script", "--out", "p", "f"), 0);
	ck_assert_int_eq(o.export, EXPORT_SCRIPT);
	ck_assert_str_eq(o.out, "p");
	ck_assert_int_eq(PARSE("-e", "ttyrec", "f"), 0);
	ck_assert_int_eq(o.export, EXPORT_TTYREC);
	ck_assert_int_eq(PARSE("--export=ttylog", "-o", "x", "f"), 0);
	ck_assert_int_eq(o.export, EXPORT_TTYLOG);
	ck_assert_int_eq(PARSE("--help"), 0);
	ck_assert_int_eq(o.mode, MODE_HELP);
}
END_TEST

static const struct {
	const char *argv[6];
	int argc;
	const char *says;
} refused[] = {
	{ { "ttyreplay" }, 1, "need a SESSION file" },
	{ { "ttyreplay", "a", "b" }, 3, "one SESSION file at a time" },
	{ { "ttyreplay", "-s", "0", "f" }, 4, "-s 0: need a speed factor" },
	{ { "ttyreplay", "-s", "nan", "f" }, 4, "-s nan:" },
	{ { "ttyreplay", "-s", "2x", "f" }, 4, "-s 2x:" },
	{ { "ttyreplay", "-m", "-1", "f" }, 4, "-m -1: need seconds" },
	{ { "ttyreplay", "-m", "inf", "f" }, 4, "-m inf:" },
	{ { "ttyreplay", "-t", "x", "f" }, 4, "--tty x: need a session id" },
	{ { "ttyreplay", "-t", "-1", "f" }, 4, "--tty -1:" },
	{ { "ttyreplay", "-t", "4294967296", "f" }, 4, "--tty 4294967296:" },
	{ { "ttyreplay", "--export", "gif", "f" }, 4, "--export gif: need asciicast" },
	{ { "ttyreplay", "--export", "script", "f" }, 4, "--export script: need --out" },
	{ { "ttyreplay", "--export", "ttyrec", "--input", "f" }, 5, "--input and --raw are for replay" },
	{ { "ttyreplay", "--out", "x", "f" }, 4, "--out is for --export" },
	{ { "ttyreplay", "--list" }, 2, "--list: need a directory" },
	{ { "ttyreplay", "--bogus", "f" }, 3, "--bogus: unknown option" },
	{ { "ttyreplay", "f", "-s" }, 3, "-s: unknown option or missing value" },
};

START_TEST(refusals)
{
	char *argv[7] = { 0 };

	memcpy(argv, refused[_i].argv, sizeof(refused[_i].argv));
	ck_assert_int_eq(parse(argv, refused[_i].argc), -1);
	ck_assert_msg(strncmp(err, refused[_i].says, strlen(refused[_i].says)) == 0,
		      "case %d: %s", _i, err);
}
END_TEST

Suite *options_suite(void)
{
	Suite *s = suite_create("options");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, defaults);
	tcase_add_test(tc, replay_options);
	tcase_add_test(tc, modes);
	tcase_add_loop_test(tc, refusals, 0, (int)(sizeof(refused) / sizeof(refused[0])));
	suite_add_tcase(s, tc);
	return s;
}
