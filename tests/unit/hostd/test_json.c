// SPDX-License-Identifier: GPL-2.0
/* Unit tests: JSON escaping of hostile bytes, the line builder, and the fuzz targets' JSON oracle. */
#include <string.h>

#include "events.h"
#include "jsoncheck.h"
#include "suites.h"

static char out[4096];

static const char *esc(const char *s, size_t n)
{
	ck_assert_uint_ne(json_escape(out, sizeof(out), s, n), (size_t)-1);
	return out;
}

START_TEST(plain_and_specials)
{
	ck_assert_str_eq(esc("ls -la", 6), "ls -la");
	ck_assert_str_eq(esc("a\"b\\c", 5), "a\\\"b\\\\c");
	ck_assert_str_eq(esc("\n\r\t\x1b[0m", 7), "\\u000a\\u000d\\u0009\\u001b[0m");
	ck_assert_str_eq(esc("\0x\x7f", 3), "\\u0000x\\u007f");
	ck_assert_str_eq(esc("/", 1), "/");
}
END_TEST

START_TEST(valid_utf8_passes)
{
	ck_assert_str_eq(esc("\xc3\xa9t\xc3\xa9", 5), "\xc3\xa9t\xc3\xa9");
	ck_assert_str_eq(esc("\xe2\x82\xac", 3), "\xe2\x82\xac");
	ck_assert_str_eq(esc("\xf0\x9f\x98\x80", 4), "\xf0\x9f\x98\x80");
	ck_assert_str_eq(esc("\xf4\x8f\xbf\xbf", 4), "\xf4\x8f\xbf\xbf");
}
END_TEST

/* Each byte outside valid UTF-8 becomes \u00XX of its value. */
START_TEST(invalid_utf8_escaped)
{
	ck_assert_str_eq(esc("\xff", 1), "\\u00ff");
	ck_assert_str_eq(esc("\xc3", 1), "\\u00c3");		/* cut sequence */
	ck_assert_str_eq(esc("\xc3(", 2), "\\u00c3(");
	ck_assert_str_eq(esc("\xc0\xaf", 2), "\\u00c0\\u00af");	/* overlong '/' */
	ck_assert_str_eq(esc("\xe0\x80\xaf", 3), "\\u00e0\\u0080\\u00af");
	ck_assert_str_eq(esc("\xed\xa0\x80", 3), "\\u00ed\\u00a0\\u0080");	/* surrogate */
	ck_assert_str_eq(esc("\xf4\x90\x80\x80", 4), "\\u00f4\\u0090\\u0080\\u0080");
	ck_assert_str_eq(esc("\xf8\x88\x80\x80\x80", 5),
			 "\\u00f8\\u0088\\u0080\\u0080\\u0080");
	ck_assert_str_eq(esc("\x80", 1), "\\u0080");
}
END_TEST

/* Every single byte and every byte pair escapes to printable ASCII or valid UTF-8. */
START_TEST(all_bytes_printable)
{
	unsigned char in[2];
	size_t i, n;
	int a, b;

	for (a = 0; a < 256; a++) {
		for (b = 0; b < 256; b++) {
			in[0] = (unsigned char)a;
			in[1] = (unsigned char)b;
			n = json_escape(out, sizeof(out), in, 2);
			ck_assert_uint_ne(n, (size_t)-1);
			for (i = 0; i < n; i++)
				ck_assert_int_ge((unsigned char)out[i], 0x20);
		}
	}
}
END_TEST

START_TEST(too_small)
{
	ck_assert_uint_eq(json_escape(out, 4, "\xff", 1), (size_t)-1);
	ck_assert_uint_eq(json_escape(out, 7, "\xff", 1), 6);
}
END_TEST

START_TEST(line_builder)
{
	char buf[512];
	struct jline j;
	static const unsigned char argv[] = "sh\0-c\0\0x\xff";

	jl_init(&j, buf, sizeof(buf));
	jl_open(&j, NULL);
	jl_ts(&j, "ts", 1795844712123456789ULL);
	jl_u64(&j, "n", 18446744073709551615ULL);
	jl_i64(&j, "neg", -5);
	jl_null(&j, "none");
	jl_bool(&j, "t", 1);
	jl_secs(&j, "d", 1500000);
	jl_secs(&j, "nd", -2500000000LL);
	jl_argv(&j, "argv", argv, sizeof(argv) - 1);
	jl_open(&j, "o");
	jl_cstr(&j, "k", "v");
	jl_close(&j);
	jl_close(&j);
	ck_assert_int_eq(j.overflow, 0);
	ck_assert_str_eq(buf, "{\"ts\":\"2026-11-28T05:45:12.123456Z\",\"n\":18446744073709551615,"
			 "\"neg\":-5,\"none\":null,\"t\":true,\"d\":0.001500,\"nd\":-2.500000,"
			 "\"argv\":[\"sh\",\"-c\",\"\",\"x\\u00ff\"],\"o\":{\"k\":\"v\"}}");
	jl_init(&j, buf, 10);
	jl_cstr(&j, "key", "a long value");
	ck_assert_int_eq(j.overflow, 1);
}
END_TEST

/* The fuzz oracle is a parser: what only looks balanced is refused, and the line builder's output is read. */
START_TEST(oracle_parses)
{
	static const char *const bad[] = {
		"{[}]", "{\"a\":1,}", "{\"a\" 1}", "{\"a\":1}{}", "{\"a\":01}", "[1]",
		"{\"a\":1,\"a\":2}", "{\"a\":\"\\q\"}", "{\"a\":\"x\ty\"}", "{\"a\":tru}",
	};
	char buf[256];
	struct jline j;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_msg(!json_object_ok(bad[i], strlen(bad[i])), "accepted %s", bad[i]);
	jl_init(&j, buf, sizeof(buf));
	jl_open(&j, NULL);
	jl_str(&j, "s", "\0\x1b\xff\"\\", 5);
	jl_bool(&j, "t", 1);
	jl_null(&j, "n");
	jl_open(&j, "o");
	jl_u64(&j, "k", 1);
	jl_close(&j);
	jl_close(&j);
	ck_assert(json_object_ok(buf, j.len));
}
END_TEST

Suite *json_suite(void)
{
	Suite *s = suite_create("json");
	TCase *t = tcase_create("escape");

	tcase_add_test(t, plain_and_specials);
	tcase_add_test(t, valid_utf8_passes);
	tcase_add_test(t, invalid_utf8_escaped);
	tcase_add_test(t, all_bytes_printable);
	tcase_add_test(t, too_small);
	tcase_add_test(t, line_builder);
	tcase_add_test(t, oracle_parses);
	suite_add_tcase(s, t);
	return s;
}
