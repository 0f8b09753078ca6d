// SPDX-License-Identifier: GPL-2.0
/* Unit tests: OPEN, EXEC and LOSS payloads, whole, short and lying about their lengths. */
#include <string.h>

#include "enc.h"
#include "suites.h"
#include "wire_payload.h"

static char why[256];

/* A wire_rec over an encoded record (payload after the header). */
static struct wire_rec as_rec(const unsigned char *b, size_t n)
{
	struct wire_rec r = { .len = (uint32_t)(n - TTY_LOG_HEADER_SIZE),
			      .payload = b + TTY_LOG_HEADER_SIZE };
	return r;
}

START_TEST(open_whole)
{
	unsigned char b[256];
	struct wire_open o;
	struct wire_rec r = as_rec(b, enc_open(b, 4, 2, "pts/1"));

	ck_assert_int_eq(wire_open_decode(&r, &o, why, sizeof(why)), 0);
	ck_assert_uint_eq(o.parent, 2);
	ck_assert_uint_eq(o.minor, 4);
	ck_assert_uint_eq(o.name_n, 5);
	ck_assert_int_eq(memcmp(o.name, "pts/1", 5), 0);
}
END_TEST

START_TEST(open_lies)
{
	unsigned char b[256];
	struct wire_open o;
	struct wire_rec r = as_rec(b, enc_open(b, 4, 0, "pts/1"));

	b[TTY_LOG_HEADER_SIZE + 12] = 200;	/* name_len past the payload */
	ck_assert_int_eq(wire_open_decode(&r, &o, why, sizeof(why)), 1);
	ck_assert_uint_eq(o.name_n, 5);
	ck_assert_ptr_nonnull(strstr(why, "name_len 200"));
	r.len = 10;	/* shorter than the struct */
	ck_assert_int_eq(wire_open_decode(&r, &o, why, sizeof(why)), -1);
	ck_assert_str_eq(why, "OPEN payload: expected at least 16 bytes, found 10");
}
END_TEST

START_TEST(open_long_name_capped)
{
	unsigned char b[512];
	char name[200];
	struct wire_open o;
	struct wire_rec r;

	memset(name, 'a', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	r = as_rec(b, enc_open(b, 1, 0, name));
	ck_assert_int_eq(wire_open_decode(&r, &o, why, sizeof(why)), 1);
	ck_assert_uint_eq(o.name_n, TTY_LOG_NAME_MAX);
}
END_TEST

START_TEST(exec_whole_and_lying)
{
	static const char argv[] = "sh\0-c\0id\0";
	unsigned char b[1024];
	struct wire_exec e;
	struct wire_rec r = as_rec(b, enc_exec(b, 1, 77, "/bin/sh", argv, sizeof(argv) - 1, 3));

	ck_assert_int_eq(wire_exec_decode(&r, &e, why, sizeof(why)), 0);
	ck_assert_uint_eq(e.pid, 77);
	ck_assert_uint_eq(e.uid, 1000);
	ck_assert_uint_eq(e.filename_n, 7);
	ck_assert_uint_eq(e.argv_n, sizeof(argv) - 1);
	ck_assert_uint_eq(e.argc, 3);
	b[TTY_LOG_HEADER_SIZE + 16] = 0xff;	/* filename_len 255: eats argv */
	ck_assert_int_eq(wire_exec_decode(&r, &e, why, sizeof(why)), 1);
	ck_assert_uint_eq(e.filename_n + e.argv_n, r.len - TTY_LOG_EXEC_SIZE);
	b[TTY_LOG_HEADER_SIZE + 19] = 0xff;	/* filename_len > 4 GB */
	ck_assert_int_eq(wire_exec_decode(&r, &e, why, sizeof(why)), 1);
	ck_assert_uint_le(e.filename_n, TTY_LOG_FILENAME_MAX);
	r.len = 31;
	ck_assert_int_eq(wire_exec_decode(&r, &e, why, sizeof(why)), -1);
}
END_TEST

START_TEST(loss_sizes)
{
	unsigned char b[256];
	struct wire_loss l;
	struct wire_rec r = as_rec(b, enc_loss(b, 5, 1ULL << 40));

	ck_assert_int_eq(wire_loss_decode(&r, &l, why, sizeof(why)), 0);
	ck_assert_uint_eq(l.records, 5);
	ck_assert_uint_eq(l.bytes, 1ULL << 40);
	r.len = 15;
	ck_assert_int_eq(wire_loss_decode(&r, &l, why, sizeof(why)), -1);
	ck_assert_str_eq(why, "LOSS payload: expected 16 bytes, found 15");
}
END_TEST

Suite *payload_suite(void)
{
	Suite *s = suite_create("payload");
	TCase *t = tcase_create("decode");

	tcase_add_test(t, open_whole);
	tcase_add_test(t, open_lies);
	tcase_add_test(t, open_long_name_capped);
	tcase_add_test(t, exec_whole_and_lying);
	tcase_add_test(t, loss_sizes);
	suite_add_tcase(s, t);
	return s;
}
