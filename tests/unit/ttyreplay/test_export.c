// SPDX-License-Identifier: GPL-2.0
/* Unit tests: each export of the sample session against its golden file. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "export.h"
#include "sample.h"
#include "suites.h"

static const struct export_opts plain = { 1, -1 };

static void open_sample(struct session *s, const char **path)
{
	char err[320];

	*path = sample_gz();
	ck_assert_int_eq(session_open(s, *path, 0, 0, err, sizeof(err)), 0);
}

static void done(struct session *s, const char *path, char *buf)
{
	char err[320];

	ck_assert_int_eq(session_status(s, err, sizeof(err)), 0);
	session_close(s);
	unlink(path);
	free(buf);
}

static int asciicast(struct session *s, FILE *out, FILE *timing)
{
	struct utf8_report rep;
	int r = export_asciicast(s, &plain, out, &rep);

	(void)timing;
	ck_assert_uint_eq(rep.bad, 0);	/* "caf\xc3" + "\xa9": one character */
	return r;
}

static int script(struct session *s, FILE *out, FILE *timing)
{
	return export_script(s, &plain, out, timing);
}

static int ttyrec(struct session *s, FILE *out, FILE *timing)
{
	(void)timing;
	return export_ttyrec(s, &plain, out);
}

static int ttylog(struct session *s, FILE *out, FILE *timing)
{
	(void)timing;
	return export_ttylog(s, out);
}

/* Each export of the sample session: its output (and script's timing) against the golden files. */
static const struct golden_case {
	int (*run)(struct session *s, FILE *out, FILE *timing);
	const char *golden, *timing_golden;	/* timing_golden NULL: no timing file */
} goldens[] = {
	{ asciicast, "sample.cast", NULL },
	{ script, "sample.script.data", "sample.script.timing" },
	{ ttyrec, "sample.ttyrec", NULL },
	{ ttylog, "sample.ttylog", NULL },
};

START_TEST(export_golden)
{
	const struct golden_case *c = &goldens[_i];
	struct session s;
	const char *path;
	char *buf, *timing;
	size_t len, tlen;
	FILE *m, *t;

	open_sample(&s, &path);
	m = open_memstream(&buf, &len);
	t = open_memstream(&timing, &tlen);
	ck_assert_int_eq(c->run(&s, m, t), 0);
	fclose(m);
	fclose(t);
	golden_check(c->golden, (unsigned char *)buf, len);
	if (c->timing_golden)
		golden_check(c->timing_golden, (unsigned char *)timing, tlen);
	else
		ck_assert_uint_eq(tlen, 0);
	free(timing);
	done(&s, path, buf);
}
END_TEST

/* The ttylog export of a session is its own records, byte for byte. */
START_TEST(ttylog_is_the_records)
{
	struct srec only3[32];
	struct session s;
	const char *path;
	char *buf;
	unsigned char *want;
	size_t len, wlen, i, n = 0;
	FILE *m;

	for (i = 0; i < sample_session_len; i++)
		if (sample_session[i].tty == 3)
			only3[n++] = sample_session[i];
	want = sample_encode(only3, n, &wlen);
	open_sample(&s, &path);
	m = open_memstream(&buf, &len);
	ck_assert_int_eq(export_ttylog(&s, m), 0);
	fclose(m);
	ck_assert_uint_eq(len, wlen);
	ck_assert_int_eq(memcmp(buf, want, len), 0);
	free(want);
	done(&s, path, buf);
}
END_TEST

/* Bytes that are not UTF-8: U+FFFD in the JSON, counted, first offset. */
static const struct srec not_utf8[] = {
	{ TTYLOG_OP_WRITE, 1, 2, 10, 0, "ok" },
	{ TTYLOG_OP_WRITE, 1, 1, 10, 1, "in" },
	{ TTYLOG_OP_WRITE, 1, 2, 10, 2, "a\xff\x80z\xe2\x82" },
};

START_TEST(asciicast_bad_utf8)
{
	size_t n, len;
	unsigned char *p = sample_encode(not_utf8, 3, &n);
	const char *path = sample_file(p, n, 1);
	struct session s;
	struct utf8_report rep;
	char err[320], *buf;
	FILE *m = open_memstream(&buf, &len);

	ck_assert_int_eq(session_open(&s, path, 0, 0, err, sizeof(err)), 0);
	ck_assert_int_eq(export_asciicast(&s, &plain, m, &rep), 0);
	fclose(m);
	ck_assert_uint_eq(rep.bad, 4);	/* ff, 80, and the unfinished e2 82 */
	ck_assert_uint_eq(rep.first, 3);	/* output offset: "ok" "a" then ff */
	ck_assert_int_eq(rep.first_stream, 'o');
	ck_assert_ptr_nonnull(strstr(buf, "[0.000002, \"o\", \"a\\ufffd\\ufffdz\"]\n"));
	ck_assert_ptr_nonnull(strstr(buf, "[0.000002, \"o\", \"\\ufffd\\ufffd\"]\n"));
	session_close(&s);
	unlink(path);
	free(buf);
	free(p);
}
END_TEST

/* JSON escapes: quotes, backslash, every control character. */
START_TEST(json_escapes)
{
	unsigned char all[32 + 3];
	struct utf8_report rep = { 0, 0, 0 };
	char *buf;
	size_t len, i;
	FILE *m = open_memstream(&buf, &len);

	for (i = 0; i < 32; i++)
		all[i] = (unsigned char)i;
	memcpy(all + 32, "\"\\\x7f", 3);
	json_string(m, all, sizeof(all), 0, 'o', &rep);
	fclose(m);
	ck_assert_str_eq(buf, "\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006"
			 "\\u0007\\b\\t\\n\\u000b\\f\\r\\u000e\\u000f\\u0010\\u0011"
			 "\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019"
			 "\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f\\\"\\\\\\u007f\"");
	ck_assert_uint_eq(rep.bad, 0);
	free(buf);
}
END_TEST

START_TEST(utf8_lengths)
{
	ck_assert_int_eq(utf8_char_len((const unsigned char *)"a", 1), 1);
	ck_assert_int_eq(utf8_char_len((const unsigned char *)"\xc3\xa9", 2), 2);
	ck_assert_int_eq(utf8_char_len((const unsigned char *)"\xc3", 1), 0);
	ck_assert_int_eq(utf8_char_len((const unsigned char *)"\xc0\x80", 2), -1);
	ck_assert_int_eq(utf8_char_len((const unsigned char *)"\xe0\x80\x80", 3), -1);
	ck_assert_int_eq(utf8_char_len((const unsigned char *)"\xf0\x9f\x98\x80", 4), 4);
	ck_assert_int_eq(utf8_char_len((const unsigned char *)"\xf4\x90\x80\x80", 4), -1);
	ck_assert_uint_eq(utf8_tail((const unsigned char *)"ab\xf0\x9f\x98", 5), 3);
	ck_assert_uint_eq(utf8_tail((const unsigned char *)"ab\xc3\xa9", 4), 0);
	ck_assert_uint_eq(utf8_tail((const unsigned char *)"ab\xc3(", 4), 0);
}
END_TEST

Suite *export_suite(void)
{
	Suite *s = suite_create("export");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, export_golden, 0, (int)(sizeof(goldens) / sizeof(goldens[0])));
	tcase_add_test(tc, ttylog_is_the_records);
	tcase_add_test(tc, asciicast_bad_utf8);
	tcase_add_test(tc, json_escapes);
	tcase_add_test(tc, utf8_lengths);
	suite_add_tcase(s, tc);
	return s;
}
