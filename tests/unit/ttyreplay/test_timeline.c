// SPDX-License-Identifier: GPL-2.0
/* Unit tests: pauses from timestamps, clamped, capped and scaled. */
#include "suites.h"
#include "timeline.h"

#define EPS 1e-9

START_TEST(plain_deltas)
{
	struct timeline tl;

	timeline_init(&tl, 1, -1, 0);
	ck_assert_double_eq_tol(timeline_next(&tl, 100, 0), 0, EPS);
	ck_assert_double_eq_tol(timeline_next(&tl, 100, 250000), 0.25, EPS);
	ck_assert_double_eq_tol(timeline_next(&tl, 102, 0), 1.75, EPS);
	ck_assert_double_eq_tol(tl.elapsed, 2.0, EPS);
}
END_TEST

/* A clock step backwards is a pause of 0, and the next gap is measured
 * from the new clock. */
START_TEST(backwards_step)
{
	struct timeline tl;

	timeline_init(&tl, 1, -1, 0);
	timeline_next(&tl, 1000, 0);
	ck_assert_double_eq_tol(timeline_next(&tl, 10, 0), 0, EPS);
	ck_assert_double_eq_tol(timeline_next(&tl, 11, 500000), 1.5, EPS);
	ck_assert_double_eq_tol(timeline_next(&tl, 0, 0), 0, EPS);
	ck_assert_double_eq_tol(tl.elapsed, 1.5, EPS);
}
END_TEST

/* A huge step forward: MAXIDLE if given, else the bound, else recorded. */
START_TEST(huge_step)
{
	struct timeline tl;

	timeline_init(&tl, 1, -1, REPLAY_PAUSE_MAX);
	timeline_next(&tl, 0, 0);
	ck_assert_double_eq_tol(timeline_next(&tl, 0xffffffffU, 999999), REPLAY_PAUSE_MAX, EPS);
	timeline_init(&tl, 1, 2.5, REPLAY_PAUSE_MAX);
	timeline_next(&tl, 0, 0);
	ck_assert_double_eq_tol(timeline_next(&tl, 0xffffffffU, 0), 2.5, EPS);
	ck_assert_double_eq_tol(timeline_next(&tl, 0xffffffffU, 100), 0.0001, EPS);
	timeline_init(&tl, 1, -1, 0);
	timeline_next(&tl, 0, 0);
	ck_assert_double_eq_tol(timeline_next(&tl, 3600, 0), 3600, EPS);
	/* usec over a second (a hostile file) still adds up, no overflow */
	ck_assert_double_eq_tol(timeline_next(&tl, 3600, 0xffffffffU), 4294.967295, 1e-6);
}
END_TEST

START_TEST(speed_and_maxidle)
{
	struct timeline tl;

	timeline_init(&tl, 4, 2, 0);
	timeline_next(&tl, 10, 0);
	ck_assert_double_eq_tol(timeline_next(&tl, 11, 0), 0.25, EPS);
	/* the cap is in recorded seconds, before the speed */
	ck_assert_double_eq_tol(timeline_next(&tl, 20, 0), 0.5, EPS);
	timeline_init(&tl, 0, 0, 0);	/* speed 0 is taken as 1; -m 0: no pauses */
	timeline_next(&tl, 10, 0);
	ck_assert_double_eq_tol(timeline_next(&tl, 30, 0), 0, EPS);
}
END_TEST

Suite *timeline_suite(void)
{
	Suite *s = suite_create("timeline");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, plain_deltas);
	tcase_add_test(tc, backwards_step);
	tcase_add_test(tc, huge_step);
	tcase_add_test(tc, speed_and_maxidle);
	suite_add_tcase(s, tc);
	return s;
}
