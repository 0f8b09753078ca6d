// SPDX-License-Identifier: GPL-2.0
/* Unit tests: where honeynet finds hostd, the kernel, root_fs and persona, installed or built. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "install_paths.h"
#include "suites.h"

static char top[] = "/tmp/hn-unit-paths-XXXXXX";

static void setup(void)
{
	strcpy(top, "/tmp/hn-unit-paths-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(top));
}

static void teardown(void)
{
	char cmd[PATH_MAX + 16];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", top);
	ck_assert_int_eq(system(cmd), 0);
}

/* Makes top/rel, with its parents. */
static void make_dir(const char *rel)
{
	char path[PATH_MAX], *s;

	snprintf(path, sizeof(path), "%s/%s", top, rel);
	for (s = path + strlen(top) + 1; (s = strchr(s, '/')); s++) {
		*s = '\0';
		ck_assert(mkdir(path, 0755) == 0 || errno == EEXIST);
		*s = '/';
	}
	ck_assert_int_eq(mkdir(path, 0755), 0);
}

static void make_file(const char *rel)
{
	char path[PATH_MAX];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", top, rel);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(fclose(f), 0);
}

/* Fills p for top/bindir; the paths in p start with top/bindir/. */
static void find(struct install_paths *p, const char *bindir)
{
	char dir[PATH_MAX];

	snprintf(dir, sizeof(dir), "%s/%s", top, bindir);
	ck_assert_int_eq(install_paths_find(p, dir), 0);
}

/* path is top/rel. */
static void ck_path(const char *path, const char *rel)
{
	char want[PATH_MAX];

	snprintf(want, sizeof(want), "%s/%s", top, rel);
	ck_assert_str_eq(path, want);
}

START_TEST(build_tree)
{
	struct install_paths p;

	make_dir("build/bin");
	make_dir("rootfs/persona/proc");
	make_file("build/bin/hostd");
	make_file("build/linux");
	make_file("build/root_fs");
	find(&p, "build/bin");
	ck_path(p.hostd, "build/bin/../bin/hostd");
	ck_path(p.kernel, "build/bin/../linux");
	ck_path(p.root_fs, "build/bin/../root_fs");
	ck_path(p.persona, "build/bin/../../rootfs/persona/proc");
	ck_assert_int_eq(access(p.hostd, F_OK), 0);
	ck_assert_int_eq(access(p.kernel, F_OK), 0);
	ck_assert_int_eq(access(p.root_fs, F_OK), 0);
	ck_assert_int_eq(access(p.persona, F_OK), 0);
}
END_TEST

START_TEST(installed)
{
	struct install_paths p;

	make_dir("usr/sbin");
	make_dir("usr/lib/honeynet");
	make_dir("usr/share/honeynet/persona/proc");
	make_file("usr/sbin/hostd");
	make_file("usr/lib/honeynet/linux");
	make_file("usr/share/honeynet/root_fs");
	find(&p, "usr/sbin");
	ck_path(p.hostd, "usr/sbin/hostd");
	ck_path(p.kernel, "usr/sbin/../lib/honeynet/linux");
	ck_path(p.root_fs, "usr/sbin/../share/honeynet/root_fs");
	ck_path(p.persona, "usr/sbin/../share/honeynet/persona/proc");
	ck_assert_int_eq(access(p.hostd, F_OK), 0);
	ck_assert_int_eq(access(p.kernel, F_OK), 0);
	ck_assert_int_eq(access(p.root_fs, F_OK), 0);
	ck_assert_int_eq(access(p.persona, F_OK), 0);
}
END_TEST

/* An installed tree whose kernel is missing is still one: the error then
 * names the installed kernel, not a build tree's. */
START_TEST(installed_without_kernel)
{
	struct install_paths p;

	make_dir("usr/sbin");
	make_dir("usr/lib/honeynet");
	find(&p, "usr/sbin");
	ck_path(p.kernel, "usr/sbin/../lib/honeynet/linux");
}
END_TEST

/* lib/honeynet must be a directory: a file of that name is no install. */
START_TEST(mark_not_a_directory)
{
	struct install_paths p;

	make_dir("usr/sbin");
	make_dir("usr/lib");
	make_file("usr/lib/honeynet");
	find(&p, "usr/sbin");
	ck_path(p.kernel, "usr/sbin/../linux");
}
END_TEST

START_TEST(missing_bindir)
{
	struct install_paths p;

	find(&p, "nowhere/bin");
	ck_path(p.hostd, "nowhere/bin/../bin/hostd");
}
END_TEST

START_TEST(path_too_long)
{
	struct install_paths p;
	char dir[PATH_MAX];
	size_t i;

	/* Names of 99 bytes, so only the whole path is too long. */
	for (i = 0; i < sizeof(dir) - 20; i++)
		dir[i] = i % 100 ? 'a' : '/';
	dir[i] = '\0';
	errno = 0;
	ck_assert_int_eq(install_paths_find(&p, dir), -1);
	ck_assert_int_eq(errno, ENAMETOOLONG);
}
END_TEST

/* A layout that cannot be told is an error, not a guess. */
START_TEST(unreadable_layout)
{
	struct install_paths p;
	char loop[PATH_MAX], dir[PATH_MAX];

	snprintf(loop, sizeof(loop), "%s/loop", top);
	ck_assert_int_eq(symlink(loop, loop), 0);
	snprintf(dir, sizeof(dir), "%s/loop/sbin", top);
	errno = 0;
	ck_assert_int_eq(install_paths_find(&p, dir), -1);
	ck_assert_int_eq(errno, ELOOP);
}
END_TEST

Suite *install_paths_suite(void)
{
	Suite *s = suite_create("install_paths");
	TCase *tc = tcase_create("layouts");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, build_tree);
	tcase_add_test(tc, installed);
	tcase_add_test(tc, installed_without_kernel);
	tcase_add_test(tc, mark_not_a_directory);
	tcase_add_test(tc, missing_bindir);
	tcase_add_test(tc, path_too_long);
	tcase_add_test(tc, unreadable_layout);
	suite_add_tcase(s, tc);
	return s;
}
