// SPDX-License-Identifier: GPL-2.0
/* Unit tests: --capture, --rotate, --nflog and --limits: accepted values, refused ones and their messages. */
#include <string.h>

#include "hostd.h"
#include "netopts.h"
#include "suites.h"

START_TEST(defaults)
{
	struct netopts n;

	netopts_init(&n);
	ck_assert_ptr_null(n.capture);
	ck_assert_uint_eq(n.rotate, 3600);
	ck_assert_int_eq(n.nflog, -1);
	ck_assert_int_eq(n.nflog_unlogged, -1);
	ck_assert_uint_eq(n.limit[NF_TCP], 9);
	ck_assert_uint_eq(n.limit[NF_UDP], 20);
	ck_assert_uint_eq(n.limit[NF_ICMP], 50);
	ck_assert_uint_eq(n.limit[NF_OTHER], 10);
}
END_TEST

START_TEST(rotate_and_group)
{
	static const char *const bad_rotate[] = { "", "0", "86401", "10x", "-5", " 5", "+5", "99999999999999999999" };
	static const char *const bad_group[] = { "", "65536", "-1", "5,5", "5,", ",6", "5,6,7",
						 "5;6", "5,65536", "5, 6", "12345678,6", "x", "0x5" };
	struct netopts n;
	char why[256];
	size_t i;

	netopts_init(&n);
	ck_assert_int_eq(netopts_rotate(&n, "1", why, sizeof(why)), 0);
	ck_assert_uint_eq(n.rotate, 1);
	ck_assert_int_eq(netopts_rotate(&n, "86400", why, sizeof(why)), 0);
	ck_assert_uint_eq(n.rotate, 86400);
	for (i = 0; i < sizeof(bad_rotate) / sizeof(bad_rotate[0]); i++)
		ck_assert_msg(netopts_rotate(&n, bad_rotate[i], why, sizeof(why)) < 0, "%s", bad_rotate[i]);
	ck_assert_uint_eq(n.rotate, 86400);
	ck_assert_int_eq(netopts_rotate(&n, "0", why, sizeof(why)), -1);
	ck_assert_str_eq(why, "--rotate 0: expected seconds, 1..86400");
	ck_assert_int_eq(netopts_nflog(&n, "0", why, sizeof(why)), 0);
	ck_assert_int_eq(n.nflog, 0);
	ck_assert_int_eq(n.nflog_unlogged, -1);
	ck_assert_int_eq(netopts_nflog(&n, "5,6", why, sizeof(why)), 0);
	ck_assert_int_eq(n.nflog, 5);
	ck_assert_int_eq(n.nflog_unlogged, 6);
	ck_assert_int_eq(netopts_nflog(&n, "65535", why, sizeof(why)), 0);
	ck_assert_int_eq(n.nflog_unlogged, -1);
	for (i = 0; i < sizeof(bad_group) / sizeof(bad_group[0]); i++)
		ck_assert_msg(netopts_nflog(&n, bad_group[i], why, sizeof(why)) < 0, "%s", bad_group[i]);
	ck_assert_int_eq(n.nflog, 65535);
	ck_assert_int_eq(n.nflog_unlogged, -1);
	ck_assert_int_eq(netopts_nflog(&n, "7,7", why, sizeof(why)), -1);
	ck_assert_str_eq(why, "--nflog 7,7: expected an NFLOG group, 0..65535, "
			 "optionally \",\" and another for the unlogged attempts");
}
END_TEST

START_TEST(capture_names)
{
	struct netopts n;
	char why[256];

	netopts_init(&n);
	ck_assert_int_eq(netopts_capture(&n, "tap0", why, sizeof(why)), 0);
	ck_assert_str_eq(n.capture, "tap0");
	ck_assert_int_eq(netopts_capture(&n, "abcdefghijklmno", why, sizeof(why)), 0);
	ck_assert_int_eq(netopts_capture(&n, "abcdefghijklmnop", why, sizeof(why)), -1);
	ck_assert_int_eq(netopts_capture(&n, "", why, sizeof(why)), -1);
	ck_assert_int_eq(netopts_capture(&n, "a/b", why, sizeof(why)), -1);
	ck_assert_int_eq(netopts_capture(&n, "nflog:5", why, sizeof(why)), -1);
	ck_assert_int_eq(netopts_capture(&n, "a b", why, sizeof(why)), -1);
	ck_assert_str_eq(n.capture, "abcdefghijklmno");
}
END_TEST

START_TEST(limits)
{
	static const char *const bad[] = {
		"", ",", "tcp=9,", ",tcp=9", "tcp=9,,udp=1", "tcp=", "tcp=0", "tcp=1000001",
		"bogus=3", "tcp", "=9", "tcp=9x", "TCP=9", "tcp =9", "tcp=-1",
	};
	struct netopts n;
	char why[256];
	size_t i;

	netopts_init(&n);
	ck_assert_int_eq(netopts_limits(&n, "tcp=1,udp=2,icmp=3,other=4", why, sizeof(why)), 0);
	ck_assert_uint_eq(n.limit[NF_TCP], 1);
	ck_assert_uint_eq(n.limit[NF_UDP], 2);
	ck_assert_uint_eq(n.limit[NF_ICMP], 3);
	ck_assert_uint_eq(n.limit[NF_OTHER], 4);
	ck_assert_int_eq(netopts_limits(&n, "udp=1000000", why, sizeof(why)), 0);
	ck_assert_uint_eq(n.limit[NF_UDP], 1000000);
	ck_assert_uint_eq(n.limit[NF_TCP], 1);	/* the others kept */
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_msg(netopts_limits(&n, bad[i], why, sizeof(why)) < 0, "%s", bad[i]);
	/* A refused list changes nothing, even its valid first part. */
	ck_assert_int_eq(netopts_limits(&n, "tcp=7,udp=0", why, sizeof(why)), -1);
	ck_assert_str_eq(why, "--limits: \"udp=0\": expected a limit of 1..1000000");
	ck_assert_uint_eq(n.limit[NF_TCP], 1);
	ck_assert_int_eq(netopts_limits(&n, "gre=1", why, sizeof(why)), -1);
	ck_assert_str_eq(why, "--limits: \"gre=1\": expected tcp=N, udp=N, icmp=N or other=N");
}
END_TEST

Suite *netopts_suite(void)
{
	Suite *s = suite_create("netopts");
	TCase *t = tcase_create("options");

	tcase_add_test(t, defaults);
	tcase_add_test(t, rotate_and_group);
	tcase_add_test(t, capture_names);
	tcase_add_test(t, limits);
	suite_add_tcase(s, t);
	return s;
}
