// SPDX-License-Identifier: GPL-2.0
/* Unit tests: the jail's options and the limits derived from the kernel's mem=. */
#include <string.h>

#include "hostd.h"
#include "jail_opts.h"
#include "suites.h"

#define MIB (1ULL << 20)

START_TEST(defaults_from_mem)
{
	char *kargv[] = { "/b/linux", "ubd0=x", "mem=384M", NULL };
	struct jail j;
	char why[320];

	jail_opts_init(&j);
	ck_assert_int_eq(j.on, 1);
	ck_assert_uint_eq(j.uid, HOSTD_JAIL_UID);
	ck_assert_int_eq(jail_derive_limits(&j, kargv, 2048 * MIB, why, sizeof(why)), 0);
	ck_assert_uint_eq(j.tmp_bytes, (384 + HOSTD_JAIL_TMP_EXTRA_MB) * MIB);
	ck_assert_uint_eq(j.lim.mem_bytes, (384 + HOSTD_JAIL_TMP_EXTRA_MB + HOSTD_JAIL_MEM_EXTRA_MB) * MIB);
	ck_assert_uint_eq(j.lim.pids, HOSTD_JAIL_PIDS);
	ck_assert_uint_eq(j.lim.cpu_pct, HOSTD_JAIL_CPU_PCT);
	ck_assert_uint_eq(j.fsize, 384 * MIB + HOSTD_JAIL_MEMFILE_GAP);
}

/* A root_fs bigger than the memory file's reach: the COW's worst case sets the limit. */
START_TEST(fsize_from_rootfs)
{
	char *kargv[] = { "/b/linux", "mem=256M", NULL };
	struct jail j;
	char why[320];

	jail_opts_init(&j);
	ck_assert_int_eq(jail_derive_limits(&j, kargv, 8192 * MIB, why, sizeof(why)), 0);
	ck_assert_uint_eq(j.fsize, 8192 * MIB + HOSTD_JAIL_FSIZE_EXTRA);
}
END_TEST

START_TEST(no_mem_and_no_rootfs)
{
	char *kargv[] = { "/b/linux", NULL };
	struct jail j;
	char why[320];

	jail_opts_init(&j);
	ck_assert_int_eq(jail_derive_limits(&j, kargv, 0, why, sizeof(why)), 0);
	ck_assert_uint_eq(j.tmp_bytes, (HOSTD_GUEST_MEM_MB + HOSTD_JAIL_TMP_EXTRA_MB) * MIB);
	ck_assert_uint_eq(j.fsize, HOSTD_JAIL_FSIZE_DEFAULT);
}
END_TEST

START_TEST(limits_given_win)
{
	char *kargv[] = { "/b/linux", "mem=1G", NULL };
	struct jail j;
	char why[320];

	jail_opts_init(&j);
	ck_assert_int_eq(jail_opt_limits(&j, "mem=2G,pids=64,cpu=150", why, sizeof(why)), 0);
	ck_assert_int_eq(jail_derive_limits(&j, kargv, 0, why, sizeof(why)), 0);
	ck_assert_uint_eq(j.lim.mem_bytes, 2048 * MIB);
	ck_assert_uint_eq(j.lim.pids, 64);
	ck_assert_uint_eq(j.lim.cpu_pct, 150);
	ck_assert_uint_eq(j.tmp_bytes, (1024 + HOSTD_JAIL_TMP_EXTRA_MB) * MIB);
}
END_TEST

START_TEST(refusals)
{
	static const char *const bad_limits[] = { "mem=10M", "mem=", "mem=5X", "pids=3", "cpu=0",
						  "cpu=10001", "swap=1", "mem=99999999999999999999" };
	static const char *const bad_uid[] = { "0", "999", "65534", "70000", "x", "" };
	static const char *const bad_bind[] = { "/a", "=/b", "/a=b", "/a=/", "/a=/linux",
						"/a=/x/../y", "/a=" };
	char *bad_mem[] = { "/b/linux", "mem=lots", NULL };
	struct jail j;
	char why[320];
	size_t i;

	jail_opts_init(&j);
	for (i = 0; i < sizeof(bad_limits) / sizeof(bad_limits[0]); i++)
		ck_assert_msg(jail_opt_limits(&j, bad_limits[i], why, sizeof(why)) < 0, "%s", bad_limits[i]);
	for (i = 0; i < sizeof(bad_uid) / sizeof(bad_uid[0]); i++)
		ck_assert_msg(jail_opt_uid(&j, bad_uid[i], why, sizeof(why)) < 0, "%s", bad_uid[i]);
	ck_assert_str_eq(why, "--jail-uid : expected 1000..65533 (uid and gid)");
	for (i = 0; i < sizeof(bad_bind) / sizeof(bad_bind[0]); i++)
		ck_assert_msg(jail_add_bind(&j, bad_bind[i], 0, why, sizeof(why)) < 0, "%s", bad_bind[i]);
	ck_assert_int_eq(j.nbinds, 0);
	ck_assert_int_eq(jail_opt_mode(&j, "maybe", why, sizeof(why)), -1);
	ck_assert_str_eq(why, "--jail maybe: expected on or off");
	ck_assert_int_eq(jail_derive_limits(&j, bad_mem, 0, why, sizeof(why)), -1);
	ck_assert_str_eq(why, "mem=lots: expected a size such as 256M");
}
END_TEST

START_TEST(binds_and_mode)
{
	struct jail j;
	char why[320];
	int i;

	jail_opts_init(&j);
	ck_assert_int_eq(jail_opt_mode(&j, "off", why, sizeof(why)), 0);
	ck_assert_int_eq(j.on, 0);
	ck_assert_int_eq(jail_opt_uid(&j, "64001", why, sizeof(why)), 0);
	ck_assert_uint_eq(j.gid, 64001);
	ck_assert_int_eq(jail_add_bind(&j, "/r/disk=/disk", 1, why, sizeof(why)), 0);
	ck_assert_str_eq(j.binds[0].src, "/r/disk");
	ck_assert_str_eq(j.binds[0].dst, "/disk");
	ck_assert_int_eq(j.binds[0].rw, 1);
	for (i = 1; i < JAIL_MAX_BINDS; i++)
		ck_assert_int_eq(jail_add_bind(&j, "/a=/b", 0, why, sizeof(why)), 0);
	ck_assert_int_eq(jail_add_bind(&j, "/a=/b", 0, why, sizeof(why)), -1);
}
END_TEST

Suite *jail_opts_suite(void)
{
	Suite *s = suite_create("jail_opts");
	TCase *tc = tcase_create("jail_opts");

	tcase_add_test(tc, defaults_from_mem);
	tcase_add_test(tc, fsize_from_rootfs);
	tcase_add_test(tc, no_mem_and_no_rootfs);
	tcase_add_test(tc, limits_given_win);
	tcase_add_test(tc, refusals);
	tcase_add_test(tc, binds_and_mode);
	suite_add_tcase(s, tc);
	return s;
}
