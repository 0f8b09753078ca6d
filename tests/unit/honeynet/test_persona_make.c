// SPDX-License-Identifier: GPL-2.0
/* Unit tests: `honeynet persona make` and check on personas in a temp dir. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "persona.h"
#include "persona_cmd.h"
#include "suites.h"

static char dir[64], from[128], out[128], cpuinfo[PATH_MAX];

static void put(const char *rel, const char *text)
{
	char path[PATH_MAX];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", from, rel);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	ck_assert_int_eq(fclose(f), 0);
}

static void setup(void)
{
	char net[PATH_MAX];

	snprintf(dir, sizeof(dir), "/tmp/persona-make.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(from, sizeof(from), "%s/from", dir);
	snprintf(out, sizeof(out), "%s/out", dir);
	snprintf(cpuinfo, sizeof(cpuinfo), "%s/cpuinfo-intel.in", GOLDEN_DIR);
	ck_assert_int_eq(mkdir(from, 0755), 0);
	snprintf(net, sizeof(net), "%s/net", from);
	ck_assert_int_eq(mkdir(net, 0755), 0);
	put("meminfo.filter", "replace \"a\" \"b\"\n");
	put("net/dev", "Inter-|\n");
	put("exitcode.remove", "");
}

static void teardown(void)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}

START_TEST(make_copies_and_adds_cpuinfo)
{
	struct persona_error err;
	struct persona *p;
	const struct persona_entry *e;

	ck_assert_int_eq(persona_make(from, out, cpuinfo), 0);
	p = persona_load(out, &err);
	ck_assert_ptr_nonnull(p);
	ck_assert_uint_eq(p->nentries, 4);
	e = persona_find(p, "cpuinfo");
	ck_assert_ptr_nonnull(e);
	ck_assert_int_eq(e->kind, PERSONA_REPLACE);
	ck_assert_int_eq(strncmp(e->data, "processor\t: 0\nvendor_id", 23), 0);
	ck_assert_int_eq(persona_find(p, "net/dev")->kind, PERSONA_REPLACE);
	ck_assert_int_eq(persona_find(p, "exitcode")->kind, PERSONA_REMOVE);
	persona_free(p);
	ck_assert_int_eq(persona_check(out), 0);
}
END_TEST

START_TEST(make_refuses_existing_out)
{
	ck_assert_int_eq(mkdir(out, 0755), 0);
	ck_assert_int_eq(persona_make(from, out, cpuinfo), -1);
}
END_TEST

START_TEST(make_refuses_own_cpuinfo)
{
	struct stat st;

	put("cpuinfo.filter", "delete \"x\"\n");
	ck_assert_int_eq(persona_make(from, out, cpuinfo), -1);
	ck_assert_int_eq(stat(out, &st), -1);
}
END_TEST

START_TEST(make_refuses_broken_persona)
{
	struct stat st;

	put("meminfo.filter", "replace \"a\"\n");
	ck_assert_int_eq(persona_check(from), -1);
	ck_assert_int_eq(persona_make(from, out, cpuinfo), -1);
	ck_assert_int_eq(stat(out, &st), -1);
}
END_TEST

START_TEST(make_refuses_non_x86_host)
{
	snprintf(cpuinfo, sizeof(cpuinfo), "%s/meminfo.filter", from);
	ck_assert_int_eq(persona_make(from, out, cpuinfo), -1);
}
END_TEST

Suite *persona_make_suite(void)
{
	Suite *s = suite_create("persona_make");
	TCase *tc = tcase_create("make");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, make_copies_and_adds_cpuinfo);
	tcase_add_test(tc, make_refuses_existing_out);
	tcase_add_test(tc, make_refuses_own_cpuinfo);
	tcase_add_test(tc, make_refuses_broken_persona);
	tcase_add_test(tc, make_refuses_non_x86_host);
	suite_add_tcase(s, tc);
	return s;
}
