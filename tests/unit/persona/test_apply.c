// SPDX-License-Identifier: GPL-2.0
/* Unit tests: /proc paths to patterns, lookups, and filters applied to text. */
#include <stdio.h>
#include <string.h>

#include "persona.h"
#include "suites.h"

static struct persona_filter filter;
static char out[4096];

/* Parses rules into filter (they must parse) and applies them to in. */
static size_t apply(const char *rules, const char *in, size_t inlen,
		    size_t cap)
{
	struct persona_error err;
	size_t n;

	ck_assert_msg(persona_parse_filter(rules, strlen(rules), &filter,
					   &err) == 0,
		      "line %u: %s", err.line, err.msg);
	memset(out, '#', sizeof(out));
	n = persona_filter_apply(&filter, in, inlen, cap ? out : NULL, cap);
	if (n < sizeof(out) && n <= cap)
		out[n] = '\0';
	return n;
}

#define CHECK_APPLY(rules, in, want) do { \
	ck_assert_uint_eq(apply(rules, in, strlen(in), sizeof(out) - 1), \
			  strlen(want)); \
	ck_assert_str_eq(out, want); \
} while (0)

static void check_norm(const char *in, const char *want)
{
	char buf[PERSONA_PATH_MAX + 1];

	ck_assert_int_eq(persona_normalize(in, strlen(in), buf), 0);
	ck_assert_str_eq(buf, want);
}

START_TEST(normalize)
{
	check_norm("1234/maps", "*/maps");
	check_norm("1234/task/1240/maps", "*/maps");
	check_norm("1234/task/1240", "*");
	check_norm("1234/task", "*/task");
	check_norm("1234", "*");
	check_norm("net/dev", "net/dev");
	check_norm("1234/net/dev", "*/net/dev");
	check_norm("sys/kernel/x", "sys/kernel/x");
	check_norm("cpuinfo", "cpuinfo");
	check_norm("irq/10/smp_affinity", "irq/*/smp_affinity");
	check_norm("12a/maps", "12a/maps");
	check_norm("task/12", "task/*");
}
END_TEST

START_TEST(normalize_length)
{
	char buf[PERSONA_PATH_MAX + 1], in[PERSONA_PATH_MAX + 8];

	/* Only len bytes count: the rest of the buffer is not the path. */
	ck_assert_int_eq(persona_normalize("1234/mapsXX", 9, buf), 0);
	ck_assert_str_eq(buf, "*/maps");
	memset(in, 'a', sizeof(in));
	ck_assert_int_eq(persona_normalize(in, PERSONA_PATH_MAX, buf), 0);
	ck_assert_uint_eq(strlen(buf), PERSONA_PATH_MAX);
	ck_assert_int_eq(persona_normalize(in, PERSONA_PATH_MAX + 1, buf), -1);
	/* A long pid shrinks to "*", so the result fits. */
	memset(in, '7', PERSONA_PATH_MAX + 4);
	memcpy(in + PERSONA_PATH_MAX + 4, "/env", 4);
	ck_assert_int_eq(persona_normalize(in, sizeof(in), buf), 0);
	ck_assert_str_eq(buf, "*/env");
}
END_TEST

START_TEST(find)
{
	static struct persona p;

	p.nentries = 2;
	strcpy(p.entry[0].path, "cpuinfo");
	strcpy(p.entry[1].path, "*/maps");
	ck_assert_ptr_eq(persona_find(&p, "*/maps"), &p.entry[1]);
	ck_assert_ptr_eq(persona_find(&p, "cpuinfo"), &p.entry[0]);
	ck_assert_ptr_null(persona_find(&p, "cpuinf"));
	ck_assert_ptr_null(persona_find(&p, "1/maps"));
}
END_TEST

START_TEST(delete_lines)
{
	CHECK_APPLY("delete \"ubd\"\n", "a\nx ubd y\nb\n", "a\nb\n");
	CHECK_APPLY("delete-prefix \"ab\"\n", "ab1\nxab\nab\na\n",
		    "xab\na\n");
	CHECK_APPLY("delete \"aab\"\n", "aaab\naab\naaxab\n", "aaxab\n");
	CHECK_APPLY("delete \"abab\"\n", "ababab\nabaab\n", "abaab\n");
	/* A record shorter than the prefix does not start with it. */
	CHECK_APPLY("delete-prefix \"abc\"\n", "ab\n", "ab\n");
}
END_TEST

START_TEST(replace_grow_shrink)
{
	CHECK_APPLY("replace \"a\" \"xyz\"\n", "banana\n", "bxyznxyznxyz\n");
	CHECK_APPLY("replace \"ana\" \"-\"\n", "banana\n", "b-na\n");
	CHECK_APPLY("replace \"aa\" \"a\"\n", "aaaaa\n", "aaa\n");
	/* The replacement is not scanned again. */
	CHECK_APPLY("replace \"a\" \"aa\"\n", "aa\n", "aaaa\n");
	CHECK_APPLY("replace \"x\" \"\"\n", "xaxbx\nx\n", "ab\n\n");
	/* A partial match at the record's end is kept as it was. */
	CHECK_APPLY("replace \"abc\" \"Z\"\n", "xab\nabab\nabcab\n",
		    "xab\nabab\nZab\n");
	CHECK_APPLY("replace \"aab\" \"Z\"\n", "aaab\n", "aZ\n");
}
END_TEST

START_TEST(rules_in_order)
{
	/* A later rule sees what an earlier one made. */
	CHECK_APPLY("replace \"ubd\" \"vda\"\ndelete \"vda\"\n",
		    "ubd0\nsda\n", "sda\n");
	CHECK_APPLY("delete \"vda\"\nreplace \"ubd\" \"vda\"\n",
		    "ubd0\nvda\n", "vda0\n");
	CHECK_APPLY("replace \"a\" \"b\"\nreplace \"b\" \"c\"\n", "ab\n",
		    "cc\n");
	CHECK_APPLY("replace \"ab\" \"X\"\nreplace \"XX\" \"Y\"\n", "abab\n",
		    "Y\n");
	/* The second stage matches across the first one's held bytes. */
	CHECK_APPLY("replace \"zz\" \"q\"\nreplace \"zy\" \"W\"\n", "zy\n",
		    "W\n");
	CHECK_APPLY("replace \"b\" \"xyz\"\ndelete-prefix \"axy\"\n",
		    "ab\nba\n", "xyza\n");
}
END_TEST

START_TEST(append_records)
{
	CHECK_APPLY("append \"x 1\"\nappend \"y\"\n", "a\n", "a\nx 1\ny\n");
	CHECK_APPLY("append \"x\"\n", "", "x\n");
	CHECK_APPLY("append \"\"\n", "a\n", "a\n\n");
	/* The appends stay records of their own after an open last one. */
	CHECK_APPLY("append \"x\"\n", "a\nb", "a\nb\nx\n");
	CHECK_APPLY("append \"x\"\ndelete \"b\"\n", "a\nb", "a\nx\n");
}
END_TEST

START_TEST(no_trailing_separator)
{
	CHECK_APPLY("replace \"1\" \"2\"\n", "a1\nb1", "a2\nb2");
	CHECK_APPLY("delete \"q\"\n", "abc", "abc");
	CHECK_APPLY("delete \"b\"\n", "a\nb", "a\n");
	CHECK_APPLY("delete \"q\"\n", "", "");
	CHECK_APPLY("", "\n\n", "\n\n");
}
END_TEST

START_TEST(separator_nul)
{
	static const char in[] = "HOME=/\0UML=1\0TERM=linux\0";
	static const char want[] = "HOME=/\0TERM=vt100\0LANG=C\0";
	size_t n;

	n = apply("separator nul\ndelete-prefix \"UML=\"\n"
		  "replace \"linux\" \"vt100\"\nappend \"LANG=C\"\n",
		  in, sizeof(in) - 1, sizeof(out));
	ck_assert_uint_eq(n, sizeof(want) - 1);
	ck_assert_mem_eq(out, want, n);
	/* Newlines are plain bytes then. */
	n = apply("separator nul\ndelete \"b\"\n", "a\nb\0c", 5, sizeof(out));
	ck_assert_uint_eq(n, 1);
	ck_assert_mem_eq(out, "c", 1);
}
END_TEST

START_TEST(cap_smaller)
{
	static const char in[] = "one\ntwo ubd\nthree\n";
	size_t full, cap;

	full = apply("replace \"o\" \"OOO\"\ndelete \"ubd\"\nappend \"end\"\n",
		     in, strlen(in), 0);
	ck_assert_uint_eq(full, strlen("OOOne\nthree\nend\n"));
	for (cap = 1; cap <= full; cap++) {
		ck_assert_uint_eq(apply("replace \"o\" \"OOO\"\n"
					"delete \"ubd\"\nappend \"end\"\n",
					in, strlen(in), cap), full);
		ck_assert_mem_eq(out, "OOOne\nthree\nend\n", cap);
		if (cap < full)
			ck_assert_int_eq(out[cap], '#');
	}
}
END_TEST

START_TEST(every_rule_slot)
{
	char rules[PERSONA_RULES_MAX * 24];
	size_t o = 0;
	int i;

	/* 32 chained replaces: a -> b -> ... each one stage later. */
	for (i = 0; i < PERSONA_RULES_MAX; i++)
		o += (size_t)snprintf(rules + o, sizeof(rules) - o,
				      "replace \"%c\" \"%c\"\n", 'A' + i % 26,
				      'A' + (i + 1) % 26);
	CHECK_APPLY(rules, "A\n", "G\n");
}
END_TEST

Suite *persona_apply_suite(void)
{
	Suite *s = suite_create("persona_apply");
	TCase *tc = tcase_create("apply");

	tcase_add_test(tc, normalize);
	tcase_add_test(tc, normalize_length);
	tcase_add_test(tc, find);
	tcase_add_test(tc, delete_lines);
	tcase_add_test(tc, replace_grow_shrink);
	tcase_add_test(tc, rules_in_order);
	tcase_add_test(tc, append_records);
	tcase_add_test(tc, no_trailing_separator);
	tcase_add_test(tc, separator_nul);
	tcase_add_test(tc, cap_smaller);
	tcase_add_test(tc, every_rule_slot);
	suite_add_tcase(s, tc);
	return s;
}
