// SPDX-License-Identifier: GPL-2.0
/* Unit tests: the jail's cgroup on fake v1 and v2 trees: directories, limits, freeze, kill handles. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "cgroup.h"
#include "suites.h"

static char root[64];

static void put(const char *rel, const char *text)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", root, rel);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
}

static void dir(const char *rel)
{
	char path[512];

	snprintf(path, sizeof(path), "%s/%s", root, rel);
	ck_assert_int_eq(mkdir(path, 0755), 0);
}

static char *get(const char *rel)
{
	static char buf[256];
	char path[512];
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "%s/%s", root, rel);
	fd = open(path, O_RDONLY);
	ck_assert_int_ge(fd, 0);
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	ck_assert_int_ge(n, 0);
	buf[n] = '\0';
	return buf;
}

/* The control files a kernel would show in a new cgroup, here plain files. */
static void v2_files(const char *d)
{
	static const char *const files[] = { "cgroup.subtree_control", "memory.max", "pids.max",
					     "cpu.max", "cgroup.freeze", "cgroup.kill", "cgroup.procs" };
	char rel[256];
	size_t i;

	dir(d);
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		snprintf(rel, sizeof(rel), "%s/%s", d, files[i]);
		put(rel, "");
	}
}

/* An empty directory last changed ten minutes ago: past the sweep's age. */
static void old_dir(const char *rel)
{
	const struct timeval then[2] = { { time(NULL) - 600, 0 }, { time(NULL) - 600, 0 } };
	char path[512];

	dir(rel);
	snprintf(path, sizeof(path), "%s/%s", root, rel);
	ck_assert_int_eq(utimes(path, then), 0);
}

static void rm_root(void)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf %s", root);
	ck_assert_int_eq(system(cmd), 0);
}

static const struct cg_limits lim = { 512ULL << 20, 300, 50 };

START_TEST(v2_limits_and_handles)
{
	struct cgroup cg;

	strcpy(root, "/tmp/cg-unit-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(root));
	put("cgroup.controllers", "cpuset cpu io memory hugetlb pids rdma misc\n");
	put("cgroup.subtree_control", "");
	v2_files("honeynet-run1");
	ck_assert_int_eq(cgroup_create(&cg, root, "run1", &lim), 0);
	ck_assert_int_eq(cg.v2, 1);
	ck_assert_int_eq(cg.ndirs, 1);
	ck_assert_str_eq(get("cgroup.subtree_control"), "+memory +pids +cpu");
	ck_assert_str_eq(get("honeynet-run1/memory.max"), "536870912");
	ck_assert_str_eq(get("honeynet-run1/pids.max"), "300");
	ck_assert_str_eq(get("honeynet-run1/cpu.max"), "50000 100000");
	ck_assert_int_eq(cgroup_freeze(&cg, 1), 0);
	ck_assert_str_eq(get("honeynet-run1/cgroup.freeze"), "1");
	ck_assert_int_eq(cgroup_kill(&cg), 0);
	ck_assert_str_eq(get("honeynet-run1/cgroup.kill"), "1");
	ck_assert_int_eq(cgroup_empty(&cg), 1);
	cgroup_close(&cg, 0);
	rm_root();
}
END_TEST

/* The hybrid layout of hosts like this one: an empty cgroup2 root, every controller on v1. */
START_TEST(v1_limits_and_handles)
{
	static const char *const ctl[] = { "memory", "pids", "cpu", "freezer" };
	static const char *const files[] = { "memory.limit_in_bytes", "pids.max", "cpu.cfs_period_us",
					     "cpu.cfs_quota_us", "freezer.state", "cgroup.procs" };
	struct cgroup cg;
	char rel[256];
	size_t i, k;

	strcpy(root, "/tmp/cg-unit-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(root));
	put("cgroup.controllers", "");
	for (i = 0; i < 4; i++) {
		dir(ctl[i]);
		snprintf(rel, sizeof(rel), "%s/honeynet-run1", ctl[i]);
		dir(rel);
		for (k = 0; k < sizeof(files) / sizeof(files[0]); k++) {
			snprintf(rel, sizeof(rel), "%s/honeynet-run1/%s", ctl[i], files[k]);
			put(rel, "");
		}
	}
	/* A stale run's empty cgroup is swept; one another hostd made a moment
	 * ago and has not joined yet stays, and so does an old one not ours;
	 * the new one is made beside them. */
	old_dir("pids/honeynet-old");
	old_dir("pids/system.slice");
	dir("pids/honeynet-starting");
	ck_assert_int_eq(cgroup_create(&cg, root, "run1", &lim), 0);
	snprintf(rel, sizeof(rel), "%s/pids/honeynet-starting", root);
	ck_assert_int_eq(access(rel, F_OK), 0);
	snprintf(rel, sizeof(rel), "%s/pids/system.slice", root);
	ck_assert_int_eq(access(rel, F_OK), 0);
	ck_assert_int_eq(cg.v2, 0);
	ck_assert_int_eq(cg.ndirs, 4);
	ck_assert_int_eq(cg.kill_fd, -1);
	snprintf(rel, sizeof(rel), "%s/pids/honeynet-old", root);
	ck_assert_int_eq(access(rel, F_OK), -1);
	ck_assert_str_eq(get("memory/honeynet-run1/memory.limit_in_bytes"), "536870912");
	ck_assert_str_eq(get("pids/honeynet-run1/pids.max"), "300");
	ck_assert_str_eq(get("cpu/honeynet-run1/cpu.cfs_period_us"), "100000");
	ck_assert_str_eq(get("cpu/honeynet-run1/cpu.cfs_quota_us"), "50000");
	ck_assert_int_eq(cgroup_freeze(&cg, 1), 0);
	ck_assert_str_eq(get("freezer/honeynet-run1/freezer.state"), "FROZEN");
	/* v1's kill: freeze, kill each listed task (none here), thaw. */
	ck_assert_int_eq(cgroup_kill(&cg), 0);
	ck_assert_str_eq(get("freezer/honeynet-run1/freezer.state"), "THAWED");
	/* A group that never reads FROZEN (a task the freezer cannot stop): the
	 * pause says so after its wait; the kill, which needs no FROZEN, goes on. */
	put("freezer/honeynet-run1/freezer.state", "FREEZING\n");
	errno = 0;
	ck_assert_int_eq(cgroup_freeze(&cg, 1), -1);
	ck_assert_int_eq(errno, EBUSY);
	ck_assert_int_eq(cgroup_kill(&cg), 0);
	cgroup_close(&cg, 0);
	rm_root();
}
END_TEST

START_TEST(missing_controller_file_fails)
{
	struct cgroup cg;

	strcpy(root, "/tmp/cg-unit-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(root));
	put("cgroup.controllers", "memory pids cpu\n");
	put("cgroup.subtree_control", "");
	/* No memory.max: a kernel without the memory controller. */
	ck_assert_int_eq(cgroup_create(&cg, root, "run1", &lim), -1);
	ck_assert_int_eq(cg.freeze_fd, -1);
	rm_root();
}
END_TEST

Suite *cgroup_suite(void)
{
	Suite *s = suite_create("cgroup");
	TCase *tc = tcase_create("cgroup");

	tcase_add_test(tc, v2_limits_and_handles);
	tcase_add_test(tc, v1_limits_and_handles);
	tcase_add_test(tc, missing_controller_file_fails);
	suite_add_tcase(s, tc);
	return s;
}
