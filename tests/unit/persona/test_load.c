// SPDX-License-Identifier: GPL-2.0
/* Unit tests: persona directories loaded, refused with file and line, freed. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "persona.h"
#include "suites.h"

static char root[64];
static struct persona_error err;

/* Writes content to root/rel, making the directories on the way. */
static void put_file(const char *rel, const char *content, size_t len)
{
	char path[PATH_MAX];
	char *slash;
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%s", root, rel);
	for (slash = strchr(path + strlen(root) + 1, '/'); slash;
	     slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		ck_assert(mkdir(path, 0755) == 0 || errno == EEXIST);
		*slash = '/';
	}
	fp = fopen(path, "w");
	ck_assert_ptr_nonnull(fp);
	ck_assert_uint_eq(fwrite(content, 1, len, fp), len);
	ck_assert_int_eq(fclose(fp), 0);
}

#define PUT(rel, s) put_file(rel, s, strlen(s))

static void mkdir_in_root(const char *rel)
{
	char path[PATH_MAX];

	snprintf(path, sizeof(path), "%s/%s", root, rel);
	ck_assert_int_eq(mkdir(path, 0755), 0);
}

static void setup(void)
{
	snprintf(root, sizeof(root), "/tmp/persona-test.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(root));
}

static void teardown(void)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	ck_assert_int_eq(system(cmd), 0);
}

/* Loads root, which must fail in file (at line) with a message holding msg. */
static void check_refused(const char *file, unsigned int line, const char *msg)
{
	struct persona *p = persona_load(root, &err);

	ck_assert_ptr_null(p);
	ck_assert_str_eq(err.file, file);
	ck_assert_uint_eq(err.line, line);
	ck_assert_msg(strstr(err.msg, msg), "\"%s\" lacks \"%s\"", err.msg,
		      msg);
}

START_TEST(valid)
{
	const struct persona_entry *e;
	struct persona *p;
	char buf[64];
	size_t n;

	PUT("cpuinfo", "processor\t: 0\n");
	PUT("exitcode.remove", "");
	PUT("meminfo.filter", "replace \"VmallocTotal\" \"V\"\n");
	PUT("*/maps.filter", "delete \"[stub]\"\n");
	PUT("*/net/dev", "");
	PUT("tty/driver/serial.remove", "");
	mkdir_in_root("empty");
	p = persona_load(root, &err);
	ck_assert_msg(p != NULL, "%s:%u: %s", err.file, err.line, err.msg);
	ck_assert_uint_eq(p->nentries, 6);
	e = persona_find(p, "cpuinfo");
	ck_assert_ptr_nonnull(e);
	ck_assert_int_eq(e->kind, PERSONA_REPLACE);
	ck_assert_uint_eq(e->len, 14);
	ck_assert_mem_eq(e->data, "processor\t: 0\n", 14);
	e = persona_find(p, "*/net/dev");
	ck_assert_int_eq(e->kind, PERSONA_REPLACE);
	ck_assert_uint_eq(e->len, 0);
	ck_assert_int_eq(persona_find(p, "exitcode")->kind, PERSONA_REMOVE);
	ck_assert_int_eq(persona_find(p, "tty/driver/serial")->kind,
			 PERSONA_REMOVE);
	e = persona_find(p, "*/maps");
	ck_assert_int_eq(e->kind, PERSONA_FILTER);
	n = persona_filter_apply(e->filter, "a\n[stub]\n", 9, buf, sizeof(buf));
	ck_assert_mem_eq(buf, "a\n", n);
	ck_assert_int_eq(persona_find(p, "meminfo")->kind, PERSONA_FILTER);
	/* Sorted: "*" comes before letters. */
	ck_assert_str_eq(p->entry[0].path, "*/maps");
	persona_free(p);
}
END_TEST

START_TEST(star_dirs_and_depth)
{
	struct persona *p;

	PUT("*/task/*/environ.filter", "separator nul\n");
	PUT("a/b/c/d/e/f/g/h", "x");
	p = persona_load(root, &err);
	ck_assert_msg(p != NULL, "%s:%u: %s", err.file, err.line, err.msg);
	ck_assert_ptr_nonnull(persona_find(p, "*/task/*/environ"));
	ck_assert_ptr_nonnull(persona_find(p, "a/b/c/d/e/f/g/h"));
	persona_free(p);
	mkdir_in_root("a/b/c/d/e/f/g/i");
	check_refused("a/b/c/d/e/f/g/i", 0, "nested more than 7 deep");
}
END_TEST

static const struct {
	const char *file;
	const char *text;
	unsigned int line;
	const char *msg;
} bad_files[] = {
	{ "net/dev.filter", "# ok\ndelete \"x\"\nfrob\n", 3,
	  "unknown rule \"frob\"" },
	{ "meminfo.filter", "replace \"a\"\n", 1, "replace needs two strings" },
	{ "*/environ.filter", "\n\n\ndelete \"a\\q\"\n", 4, "bad escape \\q" },
	{ "exitcode.remove", "x", 0, "must be empty, not 1 bytes" },
	{ "bad name", "", 0, "character 0x20 in \"bad name\"" },
	{ ".remove", "", 0, "no name before its suffix" },
	{ "sys/kernel/ostype", "Linux\n", 0, "/proc/sys is not masked" },
};

START_TEST(malformed)
{
	PUT("cpuinfo", "ok\n");
	PUT(bad_files[_i].file, bad_files[_i].text);
	PUT("zoneinfo.filter", "delete \"x\"\n");
	check_refused(bad_files[_i].file, bad_files[_i].line,
		      bad_files[_i].msg);
}
END_TEST

START_TEST(first_fault_in_sorted_order)
{
	PUT("b.filter", "frob\n");
	PUT("a.filter", "\nfrob\n");
	PUT("c/d.filter", "frob\n");
	check_refused("a.filter", 2, "unknown rule");
}
END_TEST

START_TEST(oversize)
{
	static char big[PERSONA_FILE_MAX + 1];
	struct persona *p;

	memset(big, 'x', sizeof(big));
	put_file("version", big, PERSONA_FILE_MAX);
	p = persona_load(root, &err);
	ck_assert_ptr_nonnull(p);
	ck_assert_uint_eq(persona_find(p, "version")->len, PERSONA_FILE_MAX);
	persona_free(p);
	put_file("version", big, sizeof(big));
	check_refused("version", 0, "oversize: 65537 bytes, at most 65536");
}
END_TEST

START_TEST(too_many_entries)
{
	char name[32];
	struct persona *p;
	int i;

	for (i = 0; i < PERSONA_ENTRIES_MAX; i++) {
		snprintf(name, sizeof(name), "e%03d.remove", i);
		PUT(name, "");
	}
	p = persona_load(root, &err);
	ck_assert_ptr_nonnull(p);
	ck_assert_uint_eq(p->nentries, PERSONA_ENTRIES_MAX);
	persona_free(p);
	PUT("z.filter", "delete \"x\"\n");
	check_refused("z.filter", 0, "more than 256 entries");
}
END_TEST

START_TEST(duplicates)
{
	PUT("cpuinfo", "x\n");
	PUT("cpuinfo.filter", "delete \"x\"\n");
	check_refused("cpuinfo.filter", 0, "masks \"cpuinfo\", as an earlier file does");
}
END_TEST

START_TEST(duplicate_remove)
{
	PUT("*/maps.filter", "delete \"x\"\n");
	PUT("*/maps.remove", "");
	check_refused("*/maps.remove", 0, "masks \"*/maps\"");
}
END_TEST

START_TEST(symlink_refused)
{
	char path[PATH_MAX];

	PUT("cpuinfo", "x\n");
	snprintf(path, sizeof(path), "%s/version", root);
	ck_assert_int_eq(symlink("/etc/hostname", path), 0);
	check_refused("version", 0, "a symbolic link; a persona holds regular files and directories only");
}
END_TEST

START_TEST(symlinked_dir_refused)
{
	char path[PATH_MAX];

	PUT("net/dev", "x\n");
	snprintf(path, sizeof(path), "%s/tty", root);
	ck_assert_int_eq(symlink("net", path), 0);
	check_refused("tty", 0, "a symbolic link");
}
END_TEST

START_TEST(fifo_refused)
{
	char path[PATH_MAX];

	snprintf(path, sizeof(path), "%s/kmsg", root);
	ck_assert_int_eq(mkfifo(path, 0600), 0);
	check_refused("kmsg", 0, "a fifo");
}
END_TEST

START_TEST(not_a_directory)
{
	char path[PATH_MAX];

	snprintf(path, sizeof(path), "%s/missing", root);
	ck_assert_ptr_null(persona_load(path, &err));
	ck_assert_str_eq(err.file, ".");
	ck_assert_str_eq(err.msg, "No such file or directory");
	PUT("file", "x");
	snprintf(path, sizeof(path), "%s/file", root);
	ck_assert_ptr_null(persona_load(path, &err));
	ck_assert_str_eq(err.file, ".");
	ck_assert_str_eq(err.msg, "not a directory");
}
END_TEST

START_TEST(empty_persona)
{
	struct persona *p = persona_load(root, &err);

	ck_assert_ptr_nonnull(p);
	ck_assert_uint_eq(p->nentries, 0);
	persona_free(p);
	persona_free(NULL);
}
END_TEST

Suite *persona_load_suite(void)
{
	Suite *s = suite_create("persona_load");
	TCase *tc = tcase_create("load");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, valid);
	tcase_add_test(tc, star_dirs_and_depth);
	tcase_add_loop_test(tc, malformed, 0,
			    sizeof(bad_files) / sizeof(bad_files[0]));
	tcase_add_test(tc, first_fault_in_sorted_order);
	tcase_add_test(tc, oversize);
	tcase_add_test(tc, too_many_entries);
	tcase_add_test(tc, duplicates);
	tcase_add_test(tc, duplicate_remove);
	tcase_add_test(tc, symlink_refused);
	tcase_add_test(tc, symlinked_dir_refused);
	tcase_add_test(tc, fifo_refused);
	tcase_add_test(tc, not_a_directory);
	tcase_add_test(tc, empty_persona);
	suite_add_tcase(s, tc);
	return s;
}
