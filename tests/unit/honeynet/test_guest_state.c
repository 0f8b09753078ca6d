// SPDX-License-Identifier: GPL-2.0
/* Unit tests: the lab state file, round trip and hostile contents. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "guest_state.h"
#include "suites.h"

START_TEST(round_trip)
{
	struct guest_state a = { .hostd_pid = 4242 }, b;
	char buf[8192], err[256];

	strcpy(a.hostd, "/w/build/bin/hostd");
	strcpy(a.run_dir, "/w/build/archive/20261127T034512Z-0badcafe");
	ck_assert_int_eq(guest_state_format(&a, buf, sizeof(buf)), 0);
	ck_assert_int_eq(guest_state_parse(&b, buf, err, sizeof(err)), 0);
	ck_assert_int_eq(b.hostd_pid, 4242);
	ck_assert_str_eq(b.hostd, a.hostd);
	ck_assert_str_eq(b.run_dir, a.run_dir);
}
END_TEST

START_TEST(format_too_small)
{
	struct guest_state a = { .hostd_pid = 1 };
	char buf[8];

	strcpy(a.hostd, "/k");
	strcpy(a.run_dir, "/r");
	ck_assert_int_eq(guest_state_format(&a, buf, sizeof(buf)), -1);
}
END_TEST

static const struct {
	const char *text;
	const char *says;
} bad[] = {
	{ "", "incomplete" },
	{ "pid=1\nhostd=/k\n", "incomplete" },
	{ "pid=0\nhostd=/k\nrun_dir=/r\n", "pid 0: not a process id" },
	{ "pid=-3\nhostd=/k\nrun_dir=/r\n", "not a process id" },
	{ "pid=12x\nhostd=/k\nrun_dir=/r\n", "not a process id" },
	{ "pid=99999999999999999999\nhostd=/k\nrun_dir=/r\n", "not a process id" },
	{ "pid=1\nhostd=\nrun_dir=/r\n", "hostd: empty" },
	{ "pid=1\nhostd=/k\nrun_dir=/r\nuser=x\n", "unknown key: user" },
	{ "pid=1\ngarbage\n", "line without '='" },
};

START_TEST(refuses_bad)
{
	struct guest_state st;
	char err[256];

	ck_assert_int_eq(guest_state_parse(&st, bad[_i].text, err, sizeof(err)), -1);
	ck_assert_msg(strstr(err, bad[_i].says), "case %d: \"%s\" lacks \"%s\"",
		      _i, err, bad[_i].says);
}
END_TEST

START_TEST(refuses_overlong_value)
{
	size_t n = PATH_MAX + 32;
	char *text = malloc(n + 64), err[256];
	struct guest_state st;

	ck_assert_ptr_nonnull(text);
	strcpy(text, "pid=1\nrun_dir=/r\nhostd=");
	memset(text + strlen(text), 'k', n);
	text[23 + n] = '\0';
	ck_assert_int_eq(guest_state_parse(&st, text, err, sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "hostd: empty or longer than"));
	free(text);
}
END_TEST

START_TEST(save_and_load)
{
	char dir[] = "/tmp/hn-unit-XXXXXX", path[256];
	struct guest_state a = { .hostd_pid = 77 }, b;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/lab.state", dir);
	ck_assert_int_eq(guest_state_load(&b, path), 0);
	strcpy(a.hostd, "/k");
	strcpy(a.run_dir, "/r");
	ck_assert_int_eq(guest_state_save(&a, path), 0);
	ck_assert_int_eq(guest_state_load(&b, path), 1);
	ck_assert_int_eq(b.hostd_pid, 77);
	unlink(path);
	rmdir(dir);
}
END_TEST

Suite *guest_state_suite(void)
{
	Suite *s = suite_create("guest_state");
	TCase *tc = tcase_create("state");

	tcase_add_test(tc, round_trip);
	tcase_add_test(tc, format_too_small);
	tcase_add_loop_test(tc, refuses_bad, 0, (int)(sizeof(bad) / sizeof(bad[0])));
	tcase_add_test(tc, refuses_overlong_value);
	tcase_add_test(tc, save_and_load);
	suite_add_tcase(s, tc);
	return s;
}
