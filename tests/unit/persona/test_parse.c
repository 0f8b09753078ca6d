// SPDX-License-Identifier: GPL-2.0
/* Unit tests: persona file names and filter files, valid and malformed. */
#include <stdio.h>
#include <string.h>

#include "persona.h"
#include "suites.h"

static struct persona_filter filter;
static struct persona_error err;

static void check_name(const char *rel, const char *pattern,
		       enum persona_kind kind)
{
	char buf[PERSONA_PATH_MAX + 1];
	enum persona_kind k;

	ck_assert_msg(persona_parse_name(rel, buf, &k, &err) == 0, "%s: %s",
		      rel, err.msg);
	ck_assert_str_eq(buf, pattern);
	ck_assert_int_eq(k, kind);
}

static void check_bad_name(const char *rel, const char *msg)
{
	char buf[PERSONA_PATH_MAX + 1];
	enum persona_kind k;

	ck_assert_msg(persona_parse_name(rel, buf, &k, &err) == -1, "%s", rel);
	ck_assert_msg(strstr(err.msg, msg), "%s: \"%s\" lacks \"%s\"", rel,
		      err.msg, msg);
}

START_TEST(names)
{
	check_name("cpuinfo", "cpuinfo", PERSONA_REPLACE);
	check_name("exitcode.remove", "exitcode", PERSONA_REMOVE);
	check_name("meminfo.filter", "meminfo", PERSONA_FILTER);
	check_name("*/maps.filter", "*/maps", PERSONA_FILTER);
	check_name("*/net/dev", "*/net/dev", PERSONA_REPLACE);
	check_name("tty/driver/serial.remove", "tty/driver/serial",
		   PERSONA_REMOVE);
	check_name("a.filter.remove", "a.filter", PERSONA_REMOVE);
	check_name("x_y:z@1+2-3.4", "x_y:z@1+2-3.4", PERSONA_REPLACE);
	check_name("sysrq-trigger.remove", "sysrq-trigger", PERSONA_REMOVE);
	check_name("a/b/c/d/e/f/g/h", "a/b/c/d/e/f/g/h", PERSONA_REPLACE);
}
END_TEST

START_TEST(bad_names)
{
	char longname[PERSONA_PATH_MAX + 2];

	check_bad_name(".remove", "no name before");
	check_bad_name("net/.filter", "no name before");
	check_bad_name("", "empty path component");
	check_bad_name("a//b", "empty path component");
	check_bad_name("a/", "empty path component");
	check_bad_name("/a", "empty path component");
	check_bad_name("../cpuinfo", "\"..\" is not allowed");
	check_bad_name("./cpuinfo", "\".\" is not allowed");
	check_bad_name("a b", "character 0x20 in \"a b\"");
	check_bad_name("a*/maps", "character 0x2a in \"a*\"");
	check_bad_name("**", "character 0x2a");
	check_bad_name("a/b/c/d/e/f/g/h/i", "more than 8 path components");
	check_bad_name("sys/kernel/hostname", "/proc/sys is not masked");
	check_bad_name("sys.remove", "/proc/sys is not masked");
	memset(longname, 'a', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = '\0';
	check_bad_name(longname, "pattern of 129 bytes; at most 128");
}
END_TEST

START_TEST(filter_valid)
{
	static const char text[] =
		"# the UML lines\n"
		"\n"
		"delete \"SIGIO\"\n"
		"  delete-prefix\t\"ubd\"  \n"
		"replace \"a\\\"b\\\\c\" \"\\n\\t\\0\\x41\\xfF\"\n"
		"append \"\"\n"
		"separator nul";

	ck_assert_int_eq(persona_parse_filter(text, strlen(text), &filter,
					      &err), 0);
	ck_assert_int_eq(filter.sep, '\0');
	ck_assert_uint_eq(filter.nrules, 4);
	ck_assert_int_eq(filter.rule[0].op, PERSONA_OP_DELETE);
	ck_assert_uint_eq(filter.rule[0].alen, 5);
	ck_assert_mem_eq(filter.rule[0].a, "SIGIO", 5);
	ck_assert_int_eq(filter.rule[1].op, PERSONA_OP_DELETE_PREFIX);
	ck_assert_int_eq(filter.rule[2].op, PERSONA_OP_REPLACE);
	ck_assert_uint_eq(filter.rule[2].alen, 5);
	ck_assert_mem_eq(filter.rule[2].a, "a\"b\\c", 5);
	ck_assert_uint_eq(filter.rule[2].blen, 5);
	ck_assert_mem_eq(filter.rule[2].b, "\n\t\0A\xff", 5);
	ck_assert_int_eq(filter.rule[3].op, PERSONA_OP_APPEND);
	ck_assert_uint_eq(filter.rule[3].alen, 0);
	ck_assert_int_eq(persona_parse_filter("", 0, &filter, &err), 0);
	ck_assert_int_eq(filter.sep, '\n');
	ck_assert_uint_eq(filter.nrules, 0);
}
END_TEST

START_TEST(filter_longest)
{
	char text[PERSONA_TEXT_MAX + 32];
	int n;

	n = snprintf(text, sizeof(text), "append \"%0*d\"\n", PERSONA_TEXT_MAX,
		     0);
	ck_assert_int_eq(persona_parse_filter(text, (size_t)n, &filter,
					      &err), 0);
	ck_assert_uint_eq(filter.rule[0].alen, PERSONA_TEXT_MAX);
	n = snprintf(text, sizeof(text), "append \"%0*d\"\n",
		     PERSONA_TEXT_MAX + 1, 0);
	ck_assert_int_eq(persona_parse_filter(text, (size_t)n, &filter,
					      &err), -1);
	ck_assert_str_eq(err.msg, "string longer than 256 bytes");
}
END_TEST

static const struct {
	const char *text;
	unsigned int line;
	const char *msg;
} bad_filters[] = {
	{ "frob \"x\"\n", 1, "unknown rule \"frob\"" },
	{ "\n# c\nreplace \"a\"\n", 3, "replace needs two strings" },
	{ "replace \"a\" b\n", 1, "replace needs two strings" },
	{ "delete\n", 1, "delete needs a string" },
	{ "append x\n", 1, "append needs a string" },
	{ "delete \"abc\n", 1, "unterminated string" },
	{ "delete \"abc\\", 1, "unterminated string" },
	{ "delete \"a\\q\"\n", 1, "bad escape \\q" },
	{ "delete \"a\\x4\"\n", 1, "bad escape \\x4\"" },
	{ "delete \"\"\n", 1, "delete of an empty string" },
	{ "delete-prefix \"\"\n", 1, "delete-prefix of an empty string" },
	{ "replace \"\" \"x\"\n", 1, "replace of an empty string" },
	{ "delete \"a\" \"b\"\n", 1, "trailing text after the rule: \"\"b\"\"" },
	{ "delete \"a\" # no\n", 1, "trailing text after the rule" },
	{ "delete \"a\"\r\n", 1, "trailing text after the rule" },
	{ "separator tab\n", 1, "separator must be nul or newline, not \"tab\"" },
	{ "separator\n", 1, "separator must be nul or newline" },
	{ "separator nul\nseparator nul\n", 2, "separator given twice" },
	{ "separator nul x\n", 1, "trailing text after the rule" },
};

START_TEST(filter_malformed)
{
	const char *text = bad_filters[_i].text;

	ck_assert_int_eq(persona_parse_filter(text, strlen(text), &filter,
					      &err), -1);
	ck_assert_uint_eq(err.line, bad_filters[_i].line);
	ck_assert_msg(strncmp(err.msg, bad_filters[_i].msg,
			      strlen(bad_filters[_i].msg)) == 0,
		      "\"%s\" does not start \"%s\"", err.msg,
		      bad_filters[_i].msg);
}
END_TEST

START_TEST(too_many_rules)
{
	char text[(PERSONA_RULES_MAX + 1) * 16];
	size_t o = 0;
	int i;

	for (i = 0; i < PERSONA_RULES_MAX + 1; i++)
		o += (size_t)snprintf(text + o, sizeof(text) - o,
				      "delete \"%d\"\n", i);
	ck_assert_int_eq(persona_parse_filter(text, o, &filter, &err), -1);
	ck_assert_uint_eq(err.line, PERSONA_RULES_MAX + 1);
	ck_assert_str_eq(err.msg, "more than 32 rules");
	/* One rule fewer is fine. */
	o = (size_t)(strrchr(text, 'd') - text);
	ck_assert_int_eq(persona_parse_filter(text, o, &filter, &err), 0);
	ck_assert_uint_eq(filter.nrules, PERSONA_RULES_MAX);
}
END_TEST

START_TEST(error_format)
{
	struct persona_error e = { "meminfo.filter", 3, "unknown rule \"x\"" };
	char buf[256];

	persona_error_format(&e, buf, sizeof(buf));
	ck_assert_str_eq(buf, "meminfo.filter:3: unknown rule \"x\"");
	e.line = 0;
	persona_error_format(&e, buf, sizeof(buf));
	ck_assert_str_eq(buf, "meminfo.filter: unknown rule \"x\"");
	persona_error_format(&e, buf, 5);
	ck_assert_str_eq(buf, "memi");
}
END_TEST

Suite *persona_parse_suite(void)
{
	Suite *s = suite_create("persona_parse");
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, names);
	tcase_add_test(tc, bad_names);
	tcase_add_test(tc, filter_valid);
	tcase_add_test(tc, filter_longest);
	tcase_add_loop_test(tc, filter_malformed, 0,
			    sizeof(bad_filters) / sizeof(bad_filters[0]));
	tcase_add_test(tc, too_many_rules);
	tcase_add_test(tc, error_format);
	suite_add_tcase(s, tc);
	return s;
}
