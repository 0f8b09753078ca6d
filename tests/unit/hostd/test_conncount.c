// SPDX-License-Identifier: GPL-2.0
/* Unit tests: the hourly attempt counter: counts, classes, honeypots, the window's rollover, eviction. */
#include <string.h>

#include "conncount.h"
#include "suites.h"

#define HOUR 1795845600	/* 2026-11-28T06:00:00Z */

static void addr(unsigned char a[16], unsigned int last)
{
	memset(a, 0, 16);
	a[0] = 10;
	a[3] = (unsigned char)last;
	a[2] = (unsigned char)(last >> 8);
}

START_TEST(counts_per_class_and_honeypot)
{
	static struct conncount cc;
	unsigned char a[16], b[16];

	conncount_init(&cc, 3600);
	addr(a, 2);
	addr(b, 3);
	ck_assert_uint_eq(conncount_hit(&cc, a, NF_TCP, HOUR + 5), 1);
	ck_assert_uint_eq(conncount_hit(&cc, a, NF_TCP, HOUR + 6), 2);
	ck_assert_uint_eq(conncount_hit(&cc, a, NF_UDP, HOUR + 7), 1);
	ck_assert_uint_eq(conncount_hit(&cc, b, NF_TCP, HOUR + 8), 1);
	ck_assert_uint_eq(conncount_hit(&cc, a, NF_TCP, HOUR + 9), 3);
	ck_assert_uint_eq(conncount_hit(&cc, a, NF_OTHER, HOUR + 9), 1);
	ck_assert_uint_eq(conncount_hit(&cc, a, NF_DNS, HOUR + 9), 0);	/* not a limited class */
}
END_TEST

START_TEST(window_rollover)
{
	static struct conncount cc;
	unsigned char a[16];

	conncount_init(&cc, 3600);
	addr(a, 2);
	ck_assert_uint_eq(conncount_hit(&cc, a, NF_ICMP, HOUR - 2), 1);
	ck_assert_uint_eq(conncount_hit(&cc, a, NF_ICMP, HOUR - 1), 2);
	ck_assert_uint_eq(conncount_hit(&cc, a, NF_ICMP, HOUR), 1);	/* a new hour */
	ck_assert_uint_eq(conncount_hit(&cc, a, NF_ICMP, HOUR + 3599), 2);
	ck_assert_uint_eq(conncount_hit(&cc, a, NF_ICMP, HOUR + 3600), 1);
	ck_assert_uint_eq(conncount_hit(&cc, a, NF_ICMP, HOUR + 3 * 3600 + 10), 1);	/* hours skipped */
	ck_assert_uint_eq(conncount_hit(&cc, a, NF_ICMP, HOUR - 5), 1);	/* clock back: that hour anew */
}
END_TEST

/* More honeypots than slots: the least recently seen is forgotten, the others keep counting. */
START_TEST(eviction)
{
	static struct conncount cc;
	unsigned char a[16];
	unsigned int i;

	conncount_init(&cc, 3600);
	for (i = 0; i < HOSTD_CONN_SOURCES; i++) {
		addr(a, i);
		ck_assert_uint_eq(conncount_hit(&cc, a, NF_TCP, HOUR + i), 1);
	}
	addr(a, 1000);
	ck_assert_uint_eq(conncount_hit(&cc, a, NF_TCP, HOUR + 100), 1);	/* evicts source 0 */
	addr(a, 1);
	ck_assert_uint_eq(conncount_hit(&cc, a, NF_TCP, HOUR + 101), 2);
	addr(a, 0);
	ck_assert_uint_eq(conncount_hit(&cc, a, NF_TCP, HOUR + 102), 1);
}
END_TEST

Suite *conncount_suite(void)
{
	Suite *s = suite_create("conncount");
	TCase *t = tcase_create("hour");

	tcase_add_test(t, counts_per_class_and_honeypot);
	tcase_add_test(t, window_rollover);
	tcase_add_test(t, eviction);
	suite_add_tcase(s, t);
	return s;
}
