// SPDX-License-Identifier: GPL-2.0
/* Unit tests: lab up's room check: the COW's worst case plus the capture's share, and the refusal's words. */
#include <string.h>

#include "budget_policy.h"
#include "run_space.h"
#include "suites.h"

#define GiB (1ULL << 30)

START_TEST(refusal_names_the_shortfall)
{
	struct run_space s;
	char msg[256];

	ck_assert_int_eq(run_space_fits(&s, 1288490189, 2 * GiB, 2 * GiB), 0);
	ck_assert_uint_eq(s.budget, 2 * GiB);
	ck_assert_uint_eq(s.capture, GiB);
	run_space_refusal(&s, "/srv/archive", msg, sizeof(msg));
	ck_assert_str_eq(msg, "archive /srv/archive: 1.2 GiB free, needs 3.0 GiB "
			 "(root_fs 2.0 GiB + capture 1.0 GiB); guest not started");
}
END_TEST

START_TEST(default_budget)
{
	struct run_space s;

	/* 10 GiB free: a 5 GiB budget, 2.5 GiB of it the capture's; 4.5 GiB fit. */
	ck_assert_int_eq(run_space_fits(&s, 10 * GiB, 2 * GiB, 0), 1);
	ck_assert_uint_eq(s.budget, 5 * GiB);
	ck_assert_uint_eq(s.capture, 5 * GiB / 2);
	/* The edge: free = root_fs + a quarter of free fits, a byte less does not. */
	ck_assert_int_eq(run_space_fits(&s, 4 * GiB, 3 * GiB, 0), 1);
	ck_assert_int_eq(run_space_fits(&s, 4 * GiB - 4, 3 * GiB, 0), 0);
	/* An empty disk: the smallest budget, still refused. */
	ck_assert_int_eq(run_space_fits(&s, 0, 2 * GiB, 0), 0);
	ck_assert_uint_eq(s.budget, BUDGET_MIN);
}
END_TEST

START_TEST(given_budget)
{
	struct run_space s;

	/* A small budget needs little beyond the root_fs. */
	ck_assert_int_eq(run_space_fits(&s, 2 * GiB + (4 << 20), 2 * GiB, 8 << 20), 1);
	ck_assert_int_eq(run_space_fits(&s, 2 * GiB + (4 << 20) - 1, 2 * GiB, 8 << 20), 0);
	ck_assert_uint_eq(s.capture, 4 << 20);
}
END_TEST

Suite *run_space_suite(void)
{
	Suite *s = suite_create("run_space");
	TCase *t = tcase_create("room");

	tcase_add_test(t, refusal_names_the_shortfall);
	tcase_add_test(t, default_budget);
	tcase_add_test(t, given_budget);
	suite_add_tcase(s, t);
	return s;
}
