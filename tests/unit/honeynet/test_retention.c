// SPDX-License-Identifier: GPL-2.0
/* Unit tests: archive retention by age and by size, the current run and foreign files kept. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dir_tree.h"
#include "retention.h"
#include "run_dir.h"
#include "small_file.h"
#include "suites.h"

#define DAY 86400
#define MIB (1024 * 1024)
/* 2026-11-27 03:45:12 UTC */
#define NOW ((time_t)1795751112)

struct arch {
	char top[64];
	char dir[128];		/* ARCHIVE/NAME */
	char outside[128];	/* beside it: what a symlink points at */
	char log[8192];
	FILE *logf;
};

static void arch_make(struct arch *a)
{
	snprintf(a->top, sizeof(a->top), "/tmp/hn-unit-ret-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(a->top));
	snprintf(a->dir, sizeof(a->dir), "%s/archive/web", a->top);
	snprintf(a->outside, sizeof(a->outside), "%s/outside", a->top);
	ck_assert_int_eq(mkdir_parents(a->dir), 0);
	ck_assert_int_eq(mkdir(a->outside, 0700), 0);
	memset(a->log, 0, sizeof(a->log));
	a->logf = fmemopen(a->log, sizeof(a->log) - 1, "w");
	ck_assert_ptr_nonnull(a->logf);
}

static void arch_free(struct arch *a)
{
	fclose(a->logf);
	ck_assert_int_eq(dir_tree_remove(a->top), 0);
}

/* A file of size bytes of data (not a hole: it takes its size on disk). */
static void file_of(const char *path, size_t size)
{
	char *buf = malloc(size + 1);

	ck_assert_ptr_nonnull(buf);
	memset(buf, 'x', size);
	ck_assert_msg(small_file_write(path, buf, size, 0640) == 0, "%s: %s", path,
		      strerror(errno));
	free(buf);
}

/* A run directory started age seconds before NOW, holding size bytes; its name in name. */
static void run_of(struct arch *a, time_t age, uint32_t id, size_t size, char *name)
{
	char path[256];

	ck_assert_int_eq(run_dir_name(NOW - age, id, name, 32), 0);
	snprintf(path, sizeof(path), "%s/%s", a->dir, name);
	ck_assert_int_eq(mkdir(path, 0750), 0);
	snprintf(path, sizeof(path), "%s/%s/console.log", a->dir, name);
	file_of(path, size);
}

static int exists(const struct arch *a, const char *name)
{
	char path[256];
	struct stat st;

	snprintf(path, sizeof(path), "%s/%s", a->dir, name);
	return lstat(path, &st) == 0;
}

static int prune(struct arch *a, const char *keep, unsigned int days, uint64_t bytes)
{
	int rc = retention_prune(a->dir, keep, days, bytes, NOW, a->logf);

	fflush(a->logf);
	return rc;
}

static int lines(const char *s)
{
	int n = 0;

	for (; *s; s++)
		n += *s == '\n';
	return n;
}

START_TEST(older_than_keep_days_removed)
{
	struct arch a;
	char r10[32], r5[32], r1[32], path[256];

	arch_make(&a);
	run_of(&a, 10 * DAY, 1, 100, r10);
	run_of(&a, 5 * DAY, 2, 100, r5);
	run_of(&a, 1 * DAY, 3, 100, r1);
	ck_assert_int_eq(prune(&a, NULL, 0, 0), 0);
	ck_assert(exists(&a, r10));
	ck_assert_int_eq(prune(&a, r1, 3, 0), 0);
	ck_assert(!exists(&a, r10));
	ck_assert(!exists(&a, r5));
	ck_assert(exists(&a, r1));
	ck_assert_int_eq(lines(a.log), 2);
	snprintf(path, sizeof(path), "honeynet: retention: removed %s/%s", a.dir, r10);
	ck_assert_msg(strstr(a.log, path) && strstr(a.log, "keep_days 3"), "%s", a.log);
	arch_free(&a);
}
END_TEST

START_TEST(current_run_never_removed)
{
	struct arch a;
	char old[32], mid[32];

	arch_make(&a);
	run_of(&a, 30 * DAY, 1, MIB, old);
	run_of(&a, 20 * DAY, 2, MIB, mid);
	ck_assert_int_eq(prune(&a, old, 1, 1), 0);
	ck_assert(exists(&a, old));
	ck_assert(!exists(&a, mid));
	arch_free(&a);
}
END_TEST

START_TEST(oldest_removed_while_over_keep_size)
{
	struct arch a;
	char r3[32], r2[32], r1[32], r0[32];

	arch_make(&a);
	run_of(&a, 3 * DAY, 1, MIB, r3);
	run_of(&a, 2 * DAY, 2, MIB, r2);
	run_of(&a, 1 * DAY, 3, MIB, r1);
	run_of(&a, 0, 4, MIB, r0);
	/* 4 MiB and some directories, over 2.5 MiB: the two oldest go. */
	ck_assert_int_eq(prune(&a, r0, 0, 5 * MIB / 2), 0);
	ck_assert(!exists(&a, r3));
	ck_assert(!exists(&a, r2));
	ck_assert(exists(&a, r1));
	ck_assert(exists(&a, r0));
	ck_assert_int_eq(lines(a.log), 2);
	ck_assert_msg(strstr(a.log, "over keep_size 2.5 MiB"), "%s", a.log);
	/* Under the cap now: nothing more. */
	ck_assert_int_eq(prune(&a, r0, 0, 5 * MIB / 2), 0);
	ck_assert(exists(&a, r1));
	arch_free(&a);
}
END_TEST

/* Only names run_dir_name makes, and only directories, are runs. */
START_TEST(foreign_names_untouched)
{
	static const char *const dirs[] = {
		"20201127T034512Z-0BADCAFE", "20201127T034512Z-0badcafe1",
		"20201327T034512Z-0badcafe", "x20201127T034512Z-0badcaf", "keep-me",
	};
	struct arch a;
	char path[256], run[32];
	size_t i;

	arch_make(&a);
	for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", a.dir, dirs[i]);
		ck_assert_int_eq(mkdir(path, 0750), 0);
		snprintf(path, sizeof(path), "%s/%s/data", a.dir, dirs[i]);
		file_of(path, MIB);
	}
	snprintf(path, sizeof(path), "%s/20201127T034512Z-00000001", a.dir);
	file_of(path, MIB);
	run_of(&a, 400 * DAY, 9, 100, run);
	ck_assert_int_eq(prune(&a, NULL, 1, 1), 0);
	ck_assert(!exists(&a, run));
	for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++)
		ck_assert_msg(exists(&a, dirs[i]), "%s removed", dirs[i]);
	ck_assert(exists(&a, "20201127T034512Z-00000001"));
	ck_assert_int_eq(lines(a.log), 1);
	arch_free(&a);
}
END_TEST

/* A symlink in a run, or named like one, is removed as a link: its target stays, uncounted. */
START_TEST(symlinks_not_followed)
{
	struct arch a;
	char run[32], keep[32], path[256], target[256], fake[64];
	struct stat st;

	arch_make(&a);
	snprintf(target, sizeof(target), "%s/big", a.outside);
	file_of(target, 4 * MIB);
	run_of(&a, 10 * DAY, 1, 100, run);
	run_of(&a, 0, 2, 100, keep);
	snprintf(path, sizeof(path), "%s/%s/link", a.dir, run);
	ck_assert_int_eq(symlink(a.outside, path), 0);
	snprintf(path, sizeof(path), "%s/%s/link-big", a.dir, keep);
	ck_assert_int_eq(symlink(target, path), 0);
	ck_assert_int_eq(run_dir_name(NOW - 20 * DAY, 3, fake, sizeof(fake)), 0);
	snprintf(path, sizeof(path), "%s/%s", a.dir, fake);
	ck_assert_int_eq(symlink(a.outside, path), 0);

	/* 4 MiB behind a link does not push the archive over 1 MiB. */
	ck_assert_int_eq(prune(&a, keep, 0, MIB), 0);
	ck_assert(exists(&a, run));
	ck_assert_int_eq(lines(a.log), 0);

	ck_assert_int_eq(prune(&a, keep, 5, 0), 0);
	ck_assert(!exists(&a, run));
	ck_assert(exists(&a, fake));
	ck_assert_int_eq(stat(target, &st), 0);
	ck_assert_int_eq(st.st_size, 4 * MIB);
	arch_free(&a);
}
END_TEST

START_TEST(missing_archive_reported)
{
	ck_assert_int_eq(retention_prune("/nonexistent/hn-unit/web", NULL, 1, 0, NOW, stderr), -1);
}
END_TEST

Suite *retention_suite(void)
{
	Suite *s = suite_create("retention");
	TCase *tc = tcase_create("retention");

	tcase_add_test(tc, older_than_keep_days_removed);
	tcase_add_test(tc, current_run_never_removed);
	tcase_add_test(tc, oldest_removed_while_over_keep_size);
	tcase_add_test(tc, foreign_names_untouched);
	tcase_add_test(tc, symlinks_not_followed);
	tcase_add_test(tc, missing_archive_reported);
	suite_add_tcase(s, tc);
	return s;
}
