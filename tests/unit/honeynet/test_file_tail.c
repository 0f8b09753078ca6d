// SPDX-License-Identifier: GPL-2.0
/* Unit tests: the console log tail shown when a boot fails. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "file_tail.h"
#include "suites.h"

/* Writes content to a temporary file, tails it, returns the tail (static). */
static const char *tail_of(const char *content, size_t len, unsigned int n)
{
	static char out[200000];
	char path[] = "/tmp/hn-unit-tail-XXXXXX";
	int fd = mkstemp(path);
	FILE *mem;

	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, content, len), (ssize_t)len);
	close(fd);
	memset(out, 0, sizeof(out));
	mem = fmemopen(out, sizeof(out) - 1, "w");
	ck_assert_ptr_nonnull(mem);
	ck_assert_int_eq(file_tail(path, n, mem), 0);
	fclose(mem);
	unlink(path);
	return out;
}

START_TEST(last_lines)
{
	ck_assert_str_eq(tail_of("a\nb\nc\n", 6, 2), "b\nc\n");
	ck_assert_str_eq(tail_of("a\nb\nc", 5, 2), "b\nc");
	ck_assert_str_eq(tail_of("a\nb\nc\n", 6, 10), "a\nb\nc\n");
	ck_assert_str_eq(tail_of("a\nb\nc\n", 6, 0), "");
	ck_assert_str_eq(tail_of("", 0, 3), "");
	ck_assert_str_eq(tail_of("\n\n\n", 3, 1), "\n");
}
END_TEST

START_TEST(large_file_window)
{
	size_t len = 150000;
	char *big = malloc(len);
	const char *t;

	ck_assert_ptr_nonnull(big);
	memset(big, 'x', len);
	big[len - 6] = '\n';
	memcpy(big + len - 5, "last\n", 5);
	t = tail_of(big, len, 1);
	ck_assert_str_eq(t, "last\n");
	t = tail_of(big, len, 5);
	ck_assert_uint_eq(strlen(t), 65536);
	free(big);
}
END_TEST

START_TEST(missing_file)
{
	ck_assert_int_eq(file_tail("/nonexistent/hn/console.log", 3, stderr), -1);
}
END_TEST

Suite *file_tail_suite(void)
{
	Suite *s = suite_create("file_tail");
	TCase *tc = tcase_create("tail");

	tcase_add_test(tc, last_lines);
	tcase_add_test(tc, large_file_window);
	tcase_add_test(tc, missing_file);
	suite_add_tcase(s, tc);
	return s;
}
