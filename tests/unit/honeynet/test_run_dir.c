// SPDX-License-Identifier: GPL-2.0
/* Unit tests: run directory names and creation under the archive. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "run_dir.h"
#include "suites.h"

START_TEST(name_format)
{
	char buf[64];

	/* 2026-11-27 03:45:12 UTC */
	ck_assert_int_eq(run_dir_name(1795751112, 0x0badcafe, buf, sizeof(buf)), 0);
	ck_assert_str_eq(buf, "20261127T034512Z-0badcafe");
	ck_assert_int_eq(run_dir_name(0, 1, buf, sizeof(buf)), 0);
	ck_assert_str_eq(buf, "19700101T000000Z-00000001");
	ck_assert_int_eq(run_dir_name(0, 1, buf, 10), -1);
}
END_TEST

START_TEST(name_recognised)
{
	char buf[64];

	ck_assert_int_eq(run_dir_name(1795751112, 0x0badcafe, buf, sizeof(buf)), 0);
	ck_assert_int_eq(run_dir_name_ok(buf), 1);
	ck_assert_int_eq(strlen(buf), RUN_DIR_NAME_LEN);
	ck_assert_int_eq(run_dir_name_ok("19700101T000000Z-00000001"), 1);
	/* What else an archive directory may hold, and near misses. */
	ck_assert_int_eq(run_dir_name_ok("."), 0);
	ck_assert_int_eq(run_dir_name_ok(".."), 0);
	ck_assert_int_eq(run_dir_name_ok("events.jsonl"), 0);
	ck_assert_int_eq(run_dir_name_ok(""), 0);
	ck_assert_int_eq(run_dir_name_ok("20261127T034512Z-0badcaf"), 0);
	ck_assert_int_eq(run_dir_name_ok("20261127T034512Z-0badcafe0"), 0);
	ck_assert_int_eq(run_dir_name_ok("20261127T034512Z-0BADCAFE"), 0);
	ck_assert_int_eq(run_dir_name_ok("20261127T034512Z-0badcafg"), 0);
	ck_assert_int_eq(run_dir_name_ok("2026112xT034512Z-0badcafe"), 0);
	ck_assert_int_eq(run_dir_name_ok("20261127 034512Z-0badcafe"), 0);
	ck_assert_int_eq(run_dir_name_ok("20261127T034512Z_0badcafe"), 0);
}
END_TEST

START_TEST(create_nested)
{
	char top[] = "/tmp/hn-unit-XXXXXX", archive[256], run[512];
	struct stat st;

	ck_assert_ptr_nonnull(mkdtemp(top));
	snprintf(archive, sizeof(archive), "%s/a/b", top);
	ck_assert_int_eq(run_dir_create(archive, run, sizeof(run)), 0);
	ck_assert_int_eq(strncmp(run, archive, strlen(archive)), 0);
	ck_assert_int_eq(stat(run, &st), 0);
	ck_assert(S_ISDIR(st.st_mode));
	rmdir(run);
	rmdir(archive);
	snprintf(archive, sizeof(archive), "%s/a", top);
	rmdir(archive);
	rmdir(top);
}
END_TEST

START_TEST(create_refuses_file)
{
	char top[] = "/tmp/hn-unit-XXXXXX", file[256], sub[300], run[512];
	FILE *f;

	ck_assert_ptr_nonnull(mkdtemp(top));
	snprintf(file, sizeof(file), "%s/plain", top);
	f = fopen(file, "w");
	ck_assert_ptr_nonnull(f);
	fclose(f);
	snprintf(sub, sizeof(sub), "%s/x", file);
	ck_assert_int_eq(run_dir_create(sub, run, sizeof(run)), -1);
	unlink(file);
	rmdir(top);
}
END_TEST

Suite *run_dir_suite(void)
{
	Suite *s = suite_create("run_dir");
	TCase *tc = tcase_create("run_dir");

	tcase_add_test(tc, name_format);
	tcase_add_test(tc, name_recognised);
	tcase_add_test(tc, create_nested);
	tcase_add_test(tc, create_refuses_file);
	suite_add_tcase(s, tc);
	return s;
}
