// SPDX-License-Identifier: GPL-2.0
/* Unit tests: `honeynet lab` argument parsing, defaults and refusals. */
#include <string.h>

#include "lab_config.h"
#include "parse_uint.h"
#include "lab_defs.h"
#include "suites.h"

static struct lab_config cfg;
static char err[512];

#define PARSE(...) \
	lab_config_parse(&cfg, (int)(sizeof((char *[]){ __VA_ARGS__ }) / sizeof(char *)), \
			 (char *[]){ __VA_ARGS__ }, "/opt/hn/bin", err, sizeof(err))

START_TEST(up_defaults)
{
	ck_assert_int_eq(PARSE("up"), 0);
	ck_assert_int_eq(cfg.action, LAB_UP);
	ck_assert_int_eq(cfg.mode, LAB_MODE_NAT);
	ck_assert_str_eq(cfg.hostd, "/opt/hn/bin/../bin/hostd");
	ck_assert_str_eq(cfg.kernel, "/opt/hn/bin/../linux");
	ck_assert_str_eq(cfg.rootfs, "/opt/hn/bin/../root_fs");
	ck_assert_str_eq(cfg.archive, "/opt/hn/bin/../archive");
	ck_assert_uint_eq(cfg.mem_mb, LAB_MEM_DEFAULT);
	ck_assert_uint_eq(cfg.boot_timeout, LAB_BOOT_TIMEOUT_DEFAULT);
	ck_assert_int_eq(cfg.tty_log, 1);
	ck_assert_str_eq(cfg.persona, "/opt/hn/bin/../../rootfs/persona/proc");
	ck_assert_int_eq(cfg.masquerade, 1);
	ck_assert_uint_eq(cfg.budget, 0);
	ck_assert_str_eq(cfg.cpu, "");
}
END_TEST

START_TEST(up_options)
{
	ck_assert_int_eq(PARSE("up", "--archive", "/srv/a", "--kernel", "/k",
			       "--rootfs", "/r", "--mem", "512", "--timeout",
			       "30", "--mode", "nat", "--budget", "20G", "--cpu", "1"), 0);
	ck_assert_str_eq(cfg.cpu, "1");
	ck_assert_uint_eq(cfg.budget, 20ULL << 30);
	ck_assert_str_eq(cfg.archive, "/srv/a");
	ck_assert_str_eq(cfg.kernel, "/k");
	ck_assert_str_eq(cfg.rootfs, "/r");
	ck_assert_uint_eq(cfg.mem_mb, 512);
	ck_assert_uint_eq(cfg.boot_timeout, 30);
}
END_TEST

START_TEST(other_actions)
{
	ck_assert_int_eq(PARSE("down"), 0);
	ck_assert_int_eq(cfg.action, LAB_DOWN);
	ck_assert_int_eq(PARSE("run", "--mem", "128"), 0);
	ck_assert_int_eq(cfg.action, LAB_RUN);
	ck_assert_int_eq(PARSE("status"), 0);
	ck_assert_int_eq(cfg.action, LAB_STATUS);
	ck_assert_int_eq(PARSE("up", "--tty-log", "off"), 0);
	ck_assert_int_eq(cfg.tty_log, 0);
	ck_assert_int_eq(PARSE("up", "--masquerade", "off", "--persona", "/p"),
			 0);
	ck_assert_int_eq(cfg.masquerade, 0);
	ck_assert_str_eq(cfg.persona, "/p");
	ck_assert_int_eq(PARSE("up", "--mode", "bridge"), 0);
	ck_assert_int_eq(cfg.mode, LAB_MODE_BRIDGE);
}
END_TEST

static const struct {
	const char *argv[4];
	int argc;
	const char *says;
} refused[] = {
	{ { "sideways" }, 1, "lab sideways: unknown action" },
	{ { "up", "--mem" }, 2, "--mem: needs a value" },
	{ { "up", "--mem", "12" }, 3, "--mem 12: need MiB from 64" },
	{ { "up", "--mem", "99999" }, 3, "--mem 99999: need MiB" },
	{ { "up", "--mem", "-5" }, 3, "--mem -5: need MiB" },
	{ { "up", "--mem", "256k" }, 3, "--mem 256k: need MiB" },
	{ { "up", "--mem", "" }, 3, "--mem : need MiB" },
	{ { "up", "--timeout", "0" }, 3, "--timeout 0: need seconds" },
	{ { "up", "--timeout", "601" }, 3, "--timeout 601: need seconds" },
	{ { "up", "--mode", "routed" }, 3, "--mode routed: unknown mode; use nat or bridge" },
	{ { "up", "--archive", "" }, 3, "--archive: a path of 1 to" },
	{ { "up", "--color", "red" }, 3, "--color: unknown option" },
	{ { "up", "--tty-log", "maybe" }, 3, "--tty-log maybe: use on or off" },
	{ { "up", "--masquerade", "1" }, 3, "--masquerade 1: use on or off" },
	{ { "up", "--persona", "" }, 3, "--persona: a path of 1 to" },
	{ { "up", "--budget", "1023K" }, 3, "--budget 1023K: need bytes, or a number with K, M, G or T" },
	{ { "up", "--budget", "5X" }, 3, "--budget 5X: need bytes" },
	{ { "up", "--budget", "-1G" }, 3, "--budget -1G: need bytes" },
	{ { "up", "--cpu", "1024" }, 3, "--cpu 1024: need a CPU number from 0 to 1023, or any" },
	{ { "up", "--cpu", "all" }, 3, "--cpu all: need a CPU number" },
	{ { "up", "--cpu", "" }, 3, "--cpu : need a CPU number" },
	{ { "down", "--mem", "64" }, 3, "lab down: takes no options" },
	{ { "status", "x" }, 2, "lab status: takes no options" },
};

START_TEST(refusals)
{
	int rc = lab_config_parse(&cfg, refused[_i].argc,
				  (char **)refused[_i].argv, "/b", err,
				  sizeof(err));

	ck_assert_int_eq(rc, -1);
	ck_assert_msg(strstr(err, refused[_i].says),
		      "case %d: message \"%s\" lacks \"%s\"", _i, err,
		      refused[_i].says);
}
END_TEST

START_TEST(no_action)
{
	ck_assert_int_eq(lab_config_parse(&cfg, 0, (char *[]){ NULL }, "/b",
					  err, sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "an action is needed"));
}
END_TEST

START_TEST(overlong_path)
{
	static char longpath[PATH_MAX + 10];

	memset(longpath, 'a', sizeof(longpath) - 1);
	ck_assert_int_eq(PARSE("up", "--kernel", longpath), -1);
	ck_assert_ptr_nonnull(strstr(err, "--kernel: a path of 1 to"));
	ck_assert_int_eq(lab_config_parse(&cfg, 1, (char *[]){ "up", NULL },
					  longpath, err, sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "program directory path too long"));
}
END_TEST

START_TEST(uint_parser)
{
	unsigned int v = 7;

	ck_assert_int_eq(parse_uint("42", 0, 100, &v), 0);
	ck_assert_uint_eq(v, 42);
	ck_assert_int_eq(parse_uint("0", 0, 100, &v), 0);
	ck_assert_int_eq(parse_uint("+1", 0, 100, &v), -1);
	ck_assert_int_eq(parse_uint(" 1", 0, 100, &v), -1);
	ck_assert_int_eq(parse_uint("1 ", 0, 100, &v), -1);
	ck_assert_int_eq(parse_uint("101", 0, 100, &v), -1);
	ck_assert_int_eq(parse_uint("99999999999999999999", 0, 100, &v), -1);
	ck_assert_uint_eq(v, 0);
}
END_TEST

Suite *lab_config_suite(void)
{
	Suite *s = suite_create("lab_config");
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, up_defaults);
	tcase_add_test(tc, up_options);
	tcase_add_test(tc, other_actions);
	tcase_add_loop_test(tc, refusals, 0,
			    (int)(sizeof(refused) / sizeof(refused[0])));
	tcase_add_test(tc, no_action);
	tcase_add_test(tc, overlong_path);
	tcase_add_test(tc, uint_parser);
	suite_add_tcase(s, tc);
	return s;
}
