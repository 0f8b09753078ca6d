// SPDX-License-Identifier: GPL-2.0
/* Unit tests: the watch feed's bounded reader of one flat JSON object. */
#include <string.h>

#include "suites.h"
#include "watch_json.h"

static int parse(const char *s, struct wj_object *o)
{
	return wj_parse(s, strlen(s), o);
}

START_TEST(members_and_kinds)
{
	struct wj_object o;
	const struct wj_member *m;
	uint64_t v;

	ck_assert_int_eq(parse(" {\"s\":\"a\\\"b\", \"n\":-1.5e3,\"t\":true,\"f\":false,"
			       "\"z\":null,\"v\":[\"x\",\"y\"],\"e\":[],\"o\":{\"k\":[1,{\"a\":[]}]},"
			       "\"u\":18446744073709551615} \n", &o), 0);
	ck_assert_uint_eq(o.n, 9);
	m = wj_str(&o, "s");
	ck_assert_ptr_nonnull(m);
	ck_assert_uint_eq(m->val_n, 4);
	ck_assert_int_eq(memcmp(m->val, "a\\\"b", 4), 0);
	ck_assert_int_eq(wj_get(&o, "n")->kind, WJ_NUM);
	ck_assert_int_eq(wj_u64(&o, "n", &v), -1);	/* not whole */
	ck_assert_int_eq(wj_get(&o, "t")->kind, WJ_TRUE);
	ck_assert_int_eq(wj_get(&o, "f")->kind, WJ_FALSE);
	ck_assert_int_eq(wj_get(&o, "z")->kind, WJ_NULL);
	ck_assert_int_eq(wj_get(&o, "v")->kind, WJ_STRV);
	ck_assert_int_eq(wj_get(&o, "e")->kind, WJ_STRV);
	ck_assert_int_eq(wj_get(&o, "o")->kind, WJ_OTHER);
	ck_assert_ptr_null(wj_str(&o, "t"));
	ck_assert_ptr_null(wj_get(&o, "missing"));
	ck_assert_int_eq(wj_u64(&o, "u", &v), 0);
	ck_assert(v == UINT64_MAX);
	ck_assert_int_eq(parse("{\"u\":18446744073709551616}", &o), 0);
	ck_assert_int_eq(wj_u64(&o, "u", &v), -1);	/* one past: refused, not wrapped */
	ck_assert_int_eq(parse("{}", &o), 0);
	ck_assert_uint_eq(o.n, 0);
	/* Arrays that are not all strings are read over, not walked. */
	ck_assert_int_eq(parse("{\"a\":[\"x\",1]}", &o), 0);
	ck_assert_int_eq(wj_get(&o, "a")->kind, WJ_OTHER);
}
END_TEST

START_TEST(strv_walk)
{
	struct wj_object o;
	const struct wj_member *m;
	const char *s;
	size_t n, pos = 0;

	ck_assert_int_eq(parse("{\"argv\":[ \"ls\" , \"-l\",\"\",\"a,b]\" ]}", &o), 0);
	m = wj_get(&o, "argv");
	ck_assert_int_eq(wj_strv_next(m, &pos, &s, &n), 1);
	ck_assert(n == 2 && memcmp(s, "ls", 2) == 0);
	ck_assert_int_eq(wj_strv_next(m, &pos, &s, &n), 1);
	ck_assert(n == 2 && memcmp(s, "-l", 2) == 0);
	ck_assert_int_eq(wj_strv_next(m, &pos, &s, &n), 1);
	ck_assert_uint_eq(n, 0);
	ck_assert_int_eq(wj_strv_next(m, &pos, &s, &n), 1);
	ck_assert(n == 4 && memcmp(s, "a,b]", 4) == 0);
	ck_assert_int_eq(wj_strv_next(m, &pos, &s, &n), 0);
	pos = 0;
	ck_assert_int_eq(parse("{\"argv\":[]}", &o), 0);
	ck_assert_int_eq(wj_strv_next(wj_get(&o, "argv"), &pos, &s, &n), 0);
}
END_TEST

START_TEST(string_decode)
{
	static const char t[] = "a\\n\\u001b\\u00e9\\u2028\\\\\\/\"";
	size_t i = 0, n = strlen(t) - 1;	/* the text between the quotes */

	ck_assert_uint_eq(wj_str_next(t, n, &i), 'a');
	ck_assert_uint_eq(wj_str_next(t, n, &i), '\n');
	ck_assert_uint_eq(wj_str_next(t, n, &i), 0x1b);
	ck_assert_uint_eq(wj_str_next(t, n, &i), 0xe9);
	ck_assert_uint_eq(wj_str_next(t, n, &i), 0x2028);
	ck_assert_uint_eq(wj_str_next(t, n, &i), '\\');
	ck_assert_uint_eq(wj_str_next(t, n, &i), '/');
	ck_assert_uint_eq(i, n);
}
END_TEST

START_TEST(refused)
{
	static const char *const bad[] = {
		"", " ", "{", "}", "[]", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "{,}",
		"{\"a\":1 \"b\":2}", "{\"a\":\"x}", "{\"a\":\"\\q\"}", "{\"a\":\"\\u12\"}",
		"{\"a\":nul}", "{\"a\":+1}", "{\"a\":.5}", "{\"a\":[1,]}", "{\"a\":[,1]}",
		"{\"a\":{\"b\"}}", "{\"a\":{\"b\":1,}}", "{\"a\":[}", "{\"a\":{]}", "{} {}",
		"{\"a\":[[[[[[[[[1]]]]]]]]]}",	/* 9 deep: past WJ_MAX_DEPTH */
		"{a:1}", "{\"a\":1}\x01",
	};
	struct wj_object o;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_msg(parse(bad[i], &o) == -1, "accepted %s", bad[i]);
	/* The length bounds the text: a valid object cut short is refused. */
	ck_assert_int_eq(wj_parse("{\"a\":1}", 6, &o), -1);
	ck_assert_int_eq(wj_parse("{\"a\":\"\\u0041\"}", 10, &o), -1);
	/* As deep as allowed (8) is fine. */
	ck_assert_int_eq(parse("{\"a\":[[[[[[[[1]]]]]]]]}", &o), 0);
}
END_TEST

Suite *watch_json_suite(void)
{
	Suite *s = suite_create("watch_json");
	TCase *tc = tcase_create("watch_json");

	tcase_add_test(tc, members_and_kinds);
	tcase_add_test(tc, strv_walk);
	tcase_add_test(tc, string_decode);
	tcase_add_test(tc, refused);
	suite_add_tcase(s, tc);
	return s;
}
