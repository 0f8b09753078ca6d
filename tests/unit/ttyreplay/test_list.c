// SPDX-License-Identifier: GPL-2.0
/* Unit tests: --list lines, typed-command summaries and tty names. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sample.h"
#include "session_list.h"
#include "suites.h"
#include "typed_lines.h"

static const char *typed(const char *keys)
{
	static struct typed_lines t;

	typed_lines_init(&t);
	typed_lines_feed(&t, (const unsigned char *)keys, strlen(keys));
	return typed_lines_summary(&t);
}

START_TEST(typed_summaries)
{
	ck_assert_str_eq(typed(""), "-");
	ck_assert_str_eq(typed("ls -la\rwhoami\n"), "ls -la; whoami");
	ck_assert_str_eq(typed("lx\x7fs\r"), "ls");			/* backspace */
	ck_assert_str_eq(typed("rm -rf /\x15id\r"), "id");		/* ^U */
	ck_assert_str_eq(typed("cat foo bar\x17\x17" "baz\r"), "cat baz");	/* ^W */
	ck_assert_str_eq(typed("ls\x1b[A\x1bOB\r"), "ls");		/* arrow keys */
	/* ESC and the next key are one Alt-key; other controls vanish */
	ck_assert_str_eq(typed("echo \x1b]0;x\x07\x01\x02hi\r"), "echo 0;xhi");
	ck_assert_str_eq(typed("caf\xc3\xa9\r\r   \r"), "caf");		/* non-ASCII dropped */
	ck_assert_str_eq(typed("unfinished"), "unfinished");
	ck_assert_str_eq(typed("a\rb\rc\rd\re\rf\r"), "a; b; c; d; e...");
}
END_TEST

START_TEST(typed_long)
{
	char keys[400];
	const char *got;

	memset(keys, 'x', 300);
	strcpy(keys + 300, "\r");
	got = typed(keys);
	ck_assert_uint_eq(strlen(got), TYPED_SUMMARY_MAX + 3);
	ck_assert_str_eq(got + TYPED_SUMMARY_MAX, "...");
	memset(keys, 0, sizeof(keys));
	for (int i = 0; i < 20; i++)
		strcat(keys, "abcdefghijklm\r");
	got = typed(keys);
	ck_assert_uint_le(strlen(got), TYPED_SUMMARY_MAX + 3);
}
END_TEST

START_TEST(tty_names)
{
	char b[64];

	tty_name_from_path("a/tty/000003-pts-0.ttylog.gz", b, sizeof(b));
	ck_assert_str_eq(b, "pts/0");
	tty_name_from_path("000012-ttyS0.ttylog", b, sizeof(b));
	ck_assert_str_eq(b, "ttyS0");
	tty_name_from_path("x/session.ttylog.gz", b, sizeof(b));
	ck_assert_str_eq(b, "?");
	tty_name_from_path("000001-\x1b]0;x.ttylog.gz", b, sizeof(b));
	ck_assert_str_eq(b, "?");
	tty_name_from_path("000001-.ttylog.gz", b, sizeof(b));
	ck_assert_str_eq(b, "?");
}
END_TEST

/* An archive with one run: both sessions of the file, one line each. */
START_TEST(list_archive)
{
	char root[] = "/tmp/ttyreplay-unit-arch-XXXXXX", cmd[600], want[1200];
	const char *gz = sample_gz();
	char *buf;
	size_t len;
	FILE *m;

	ck_assert_ptr_nonnull(mkdtemp(root));
	snprintf(cmd, sizeof(cmd), "mkdir -p %s/20261127T034512Z-1/tty && "
		 "cp %s %s/20261127T034512Z-1/tty/000003-pts-0.ttylog.gz && "
		 "echo x > %s/20261127T034512Z-1/events.jsonl", root, gz, root, root);
	ck_assert_int_eq(system(cmd), 0);
	m = open_memstream(&buf, &len);
	ck_assert_int_eq(session_list(root, m), 0);
	fclose(m);
	snprintf(want, sizeof(want),
		 "%s/20261127T034512Z-1/tty/000003-pts-0.ttylog.gz 2026-11-27T03:45:12Z "
		 "00:00:04 3 pts/0 15 90 closed ls; secret; exit\n"
		 "%s/20261127T034512Z-1/tty/000003-pts-0.ttylog.gz 2026-11-27T03:45:13Z "
		 "00:00:03 9 pts/0 0 24 open -\n", root, root);
	ck_assert_str_eq(buf, want);
	free(buf);
	/* the run dir and the tty dir list the same sessions */
	snprintf(cmd, sizeof(cmd), "%s/20261127T034512Z-1/tty/", root);
	m = open_memstream(&buf, &len);
	ck_assert_int_eq(session_list(cmd, m), 0);
	fclose(m);
	ck_assert_ptr_nonnull(strstr(buf, "tty/000003-pts-0.ttylog.gz 2026"));
	ck_assert_ptr_null(strstr(buf, "//"));
	free(buf);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", root);
	ck_assert_int_eq(system(cmd), 0);
	unlink(gz);
}
END_TEST

/* A cut file is listed up to the cut (status 3), a bad one is not (1). */
START_TEST(list_damage)
{
	char root[] = "/tmp/ttyreplay-unit-arch-XXXXXX", path[600];
	size_t n;
	unsigned char *p = sample_encode(sample_session, 4, &n);
	FILE *f, *m;
	char *buf;
	size_t len;

	ck_assert_ptr_nonnull(mkdtemp(root));
	snprintf(path, sizeof(path), "%s/000001-pts-1.ttylog", root);
	f = fopen(path, "wb");
	ck_assert_int_eq(fwrite(p, 1, n - 1, f), n - 1);
	fclose(f);
	m = open_memstream(&buf, &len);
	ck_assert_int_eq(session_list(root, m), 3);
	fclose(m);
	ck_assert_ptr_nonnull(strstr(buf, " 3 pts/1 1 14 cut l\n"));
	free(buf);
	snprintf(path, sizeof(path), "%s/000002-pts-2.ttylog", root);
	f = fopen(path, "wb");
	fputs("this is not a ttylog, just some text", f);
	fclose(f);
	m = open_memstream(&buf, &len);
	ck_assert_int_eq(session_list(root, m), 1);
	fclose(m);
	ck_assert_ptr_null(strstr(buf, "pts/2"));
	free(buf);
	unlink(path);
	snprintf(path, sizeof(path), "%s/000001-pts-1.ttylog", root);
	unlink(path);
	rmdir(root);
	ck_assert_int_eq(session_list(root, stdout), 1);	/* gone */
	free(p);
}
END_TEST

Suite *list_suite(void)
{
	Suite *s = suite_create("list");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, typed_summaries);
	tcase_add_test(tc, typed_long);
	tcase_add_test(tc, tty_names);
	tcase_add_test(tc, list_archive);
	tcase_add_test(tc, list_damage);
	suite_add_tcase(s, tc);
	return s;
}
