// SPDX-License-Identifier: GPL-2.0
/* Unit tests: the stream parser on valid, cut, corrupted, random and oversized input. */
#include <stdlib.h>
#include <string.h>

#include "enc.h"
#include "suites.h"
#include "wire_parse.h"

#define MAX_GOT 512

/* What the parser reported, in order. */
struct got {
	int nrec, nerr, nresync;
	uint32_t type[MAX_GOT], session[MAX_GOT], len[MAX_GOT];
	uint64_t off[MAX_GOT], time[MAX_GOT];
	unsigned int dir[MAX_GOT];
	uint32_t sum[MAX_GOT];	/* of the payload */
	uint64_t err_off[MAX_GOT];
	char err[MAX_GOT][160];
	uint64_t skipped[MAX_GOT];
};

static struct got got;
static struct wire_parser *wp;

static uint32_t sum(const unsigned char *p, uint32_t n)
{
	uint32_t s = 7;

	while (n--)
		s = s * 31 + *p++;
	return s;
}

static void on_rec(void *ctx, const struct wire_rec *r)
{
	int i = got.nrec++;

	(void)ctx;
	ck_assert_int_lt(i, MAX_GOT);
	got.type[i] = r->type;
	got.session[i] = r->session;
	got.len[i] = r->len;
	got.off[i] = r->offset;
	got.time[i] = r->time_ns;
	got.dir[i] = r->dir;
	got.sum[i] = sum(r->payload, r->len);
}

static void on_err(void *ctx, uint64_t off, const char *what)
{
	int i = got.nerr++;

	(void)ctx;
	ck_assert_int_lt(i, MAX_GOT);
	got.err_off[i] = off;
	strncpy(got.err[i], what, sizeof(got.err[i]) - 1);
}

static void on_resync(void *ctx, uint64_t off, uint64_t skipped)
{
	(void)ctx;
	(void)off;
	got.skipped[got.nresync++] = skipped;
}

static void start(void)
{
	struct wire_sink s = { on_rec, on_err, on_resync, NULL };

	memset(&got, 0, sizeof(got));
	if (!wp)
		wp = malloc(sizeof(*wp));
	wire_init(wp, &s);
}

/* Feeds buf in chunks of size chunk (0: whole), then ends the stream. */
static void run(const unsigned char *buf, size_t n, size_t chunk)
{
	size_t k;

	start();
	while (n) {
		k = chunk && chunk < n ? chunk : n;
		wire_feed(wp, buf, k);
		buf += k;
		n -= k;
	}
	wire_end(wp);
}

/* A stream of every record type; offs gets each record's offset. */
static size_t every_type(unsigned char *b, size_t *offs, int *nrec)
{
	static const char argv[] = "ls\0-la\0";
	size_t n = 0;
	int i = 0;

	offs[i++] = n, n += enc_open(b + n, 1, 0, "pts/0");
	offs[i++] = n, n += enc_data(b + n, 1, 1, "ls -la\r");
	offs[i++] = n, n += enc_data(b + n, 1, 2, "total 0\r\n");
	offs[i++] = n, n += enc_exec(b + n, 1, 42, "/bin/ls", argv, sizeof(argv) - 1, 2);
	offs[i++] = n, n += enc_rec(b + n, TTY_LOG_HANGUP, 1, 0, ENC_T0, NULL, 0);
	offs[i++] = n, n += enc_loss(b + n, 3, 300);
	offs[i++] = n, n += enc_close(b + n, 1);
	*nrec = i;
	return n;
}

START_TEST(valid_every_type)
{
	unsigned char b[4096];
	size_t offs[16];
	int n, i;
	size_t len = every_type(b, offs, &n);

	run(b, len, 0);
	ck_assert_int_eq(got.nrec, n);
	ck_assert_int_eq(got.nerr, 0);
	for (i = 0; i < n; i++)
		ck_assert_uint_eq(got.off[i], offs[i]);
	ck_assert_uint_eq(got.type[0], TTY_LOG_OPEN);
	ck_assert_uint_eq(got.type[1], TTY_LOG_DATA);
	ck_assert_uint_eq(got.dir[1], 1);
	ck_assert_uint_eq(got.dir[2], 2);
	ck_assert_uint_eq(got.len[1], 7);
	ck_assert_uint_eq(got.sum[1], sum((const unsigned char *)"ls -la\r", 7));
	ck_assert_uint_eq(got.time[1], ENC_T0 + 1000000000ULL);
	ck_assert_uint_eq(got.type[3], TTY_LOG_EXEC);
	ck_assert_uint_eq(got.type[4], TTY_LOG_HANGUP);
	ck_assert_uint_eq(got.type[5], TTY_LOG_LOSS);
	ck_assert_uint_eq(got.type[6], TTY_LOG_CLOSE);
	ck_assert_uint_eq(wire_offset(wp), len);
}
END_TEST

/* Any chunking gives the same records: chunk-boundary bugs show here. */
START_TEST(every_chunk_size)
{
	unsigned char b[4096];
	size_t offs[16], chunk;
	int n;
	size_t len = every_type(b, offs, &n);

	for (chunk = 1; chunk <= len; chunk++) {
		run(b, len, chunk);
		ck_assert_int_eq(got.nrec, n);
		ck_assert_int_eq(got.nerr, 0);
		ck_assert_uint_eq(got.off[n - 1], offs[n - 1]);
	}
}
END_TEST

START_TEST(truncated_at_every_offset)
{
	unsigned char b[4096];
	size_t offs[16], cut;
	int n, whole;
	size_t len = every_type(b, offs, &n);

	for (cut = 0; cut < len; cut++) {
		run(b, cut, 0);
		for (whole = 0; whole < n && offs[whole] < cut &&
		     (whole + 1 < n ? offs[whole + 1] : len) <= cut; whole++)
			;
		ck_assert_int_eq(got.nrec, whole);
		if (cut == offs[whole] || cut == 0) {
			ck_assert_int_eq(got.nerr, 0);
		} else {
			ck_assert_int_eq(got.nerr, 1);
			ck_assert_uint_eq(got.err_off[0], offs[whole]);
			ck_assert_ptr_nonnull(strstr(got.err[0], "truncated record"));
		}
	}
}
END_TEST

/* Damage to any one byte costs that record only, said once. */
START_TEST(corrupt_each_byte)
{
	unsigned char b[4096], c[4096];
	size_t offs[16], pos;
	int n, hit, i, j;
	size_t len = every_type(b, offs, &n);

	for (pos = 0; pos < len; pos++) {
		memcpy(c, b, len);
		c[pos] ^= 0xff;
		for (hit = n - 1; offs[hit] > pos; hit--)
			;
		run(c, len, 0);
		ck_assert_msg(got.nrec == n - 1, "byte %zu: %d records", pos, got.nrec);
		ck_assert_msg(got.nerr == 1, "byte %zu: %d errors", pos, got.nerr);
		ck_assert_uint_eq(got.err_off[0], offs[hit]);
		for (i = 0, j = 0; i < n; i++)
			if (i != hit)
				ck_assert_uint_eq(got.off[j++], offs[i]);
		if (hit < n - 1) {
			ck_assert_int_eq(got.nresync, 1);
			ck_assert_uint_eq(got.skipped[0], offs[hit + 1] - offs[hit]);
		}
	}
}
END_TEST

START_TEST(garbage_then_resync)
{
	unsigned char b[8192];
	size_t offs[16], g = 1000, i;
	int n;
	size_t len;

	srand(1);
	for (i = 0; i < g; i++)
		b[i] = (unsigned char)(rand() % 200 + 1);	/* never "HNTL": 'H' is 72, kept */
	for (i = 0; i + 3 < g; i++)
		if (memcmp(b + i, "HNTL", 4) == 0)
			b[i] = 0;
	len = g + every_type(b + g, offs, &n);
	run(b, len, 7);
	ck_assert_int_eq(got.nrec, n);
	ck_assert_int_eq(got.nerr, 1);
	ck_assert_uint_eq(got.err_off[0], 0);
	ck_assert_ptr_nonnull(strstr(got.err[0], "bad magic"));
	ck_assert_int_eq(got.nresync, 1);
	ck_assert_uint_eq(got.skipped[0], g);
}
END_TEST

START_TEST(crc_mismatch)
{
	unsigned char b[256];
	size_t n = enc_data(b, 1, 2, "hello");

	b[28] ^= 1;
	run(b, n, 0);
	ck_assert_int_eq(got.nrec, 0);
	ck_assert_int_eq(got.nerr, 1);
	ck_assert_ptr_nonnull(strstr(got.err[0], "bad crc: expected 0x"));
}
END_TEST

START_TEST(bad_version)
{
	unsigned char b[256];
	size_t n = enc_data(b, 1, 2, "hello");

	b[4] = 2;
	n += enc_data(b + n, 1, 2, "again");
	run(b, n, 0);
	ck_assert_int_eq(got.nrec, 1);
	ck_assert_int_eq(got.nerr, 1);
	ck_assert_str_eq(got.err[0], "bad version: expected 1, found 2");
}
END_TEST

/* A length over the bound is refused before anything waits for or allocates it. */
START_TEST(oversized_length)
{
	static unsigned char b[3 * TTY_LOG_MAX_PAYLOAD];
	static unsigned char p[TTY_LOG_MAX_PAYLOAD + 1];
	size_t n;

	n = enc_rec(b, TTY_LOG_DATA, 1, 2, ENC_T0, p, TTY_LOG_MAX_PAYLOAD + 1);
	n += enc_data(b + n, 1, 2, "after");
	run(b, n, 0);
	ck_assert_int_eq(got.nrec, 1);
	ck_assert_uint_eq(got.len[0], 5);
	ck_assert_str_eq(got.err[0], "bad length: expected at most 4096, found 4097");
	/* a maximal record is fine */
	n = enc_rec(b, TTY_LOG_DATA, 1, 2, ENC_T0, p, TTY_LOG_MAX_PAYLOAD);
	run(b, n, 1000);
	ck_assert_int_eq(got.nrec, 1);
	ck_assert_int_eq(got.nerr, 0);
	/* a header claiming 0xffffffff bytes */
	n = enc_rec(b, TTY_LOG_DATA, 1, 2, ENC_T0, NULL, 0);
	memset(b + 12, 0xff, 4);
	run(b, n, 0);
	ck_assert_int_eq(got.nrec, 0);
	ck_assert_int_eq(got.nerr, 1);
}
END_TEST

/* Random bytes around valid records: no crash, and every record is found. */
START_TEST(random_input)
{
	static unsigned char b[65536];
	size_t n, k, i, chunk;
	int round, want;

	srand(42);
	for (round = 0; round < 300; round++) {
		n = 0;
		want = 0;
		while (n < sizeof(b) - 8192) {
			k = (size_t)(rand() % 300);
			for (i = 0; i < k; i++)
				b[n + i] = (unsigned char)rand();
			n += k;
			if (rand() % 2) {
				n += enc_data(b + n, (uint32_t)rand(), 2, "payload");
				want++;
			}
			if (rand() % 50 == 0)
				break;
		}
		chunk = (size_t)(rand() % 5000);
		run(b, n, chunk);
		ck_assert_int_eq(got.nrec, want);
	}
	/* pure noise */
	for (round = 0; round < 200; round++) {
		for (i = 0; i < 4096; i++)
			b[i] = (unsigned char)rand();
		run(b, 4096, (size_t)(rand() % 100));
		ck_assert_int_eq(got.nrec, 0);
		ck_assert_int_ge(got.nerr, 1);
	}
}
END_TEST

/* A magic split across feeds is still found after damage. */
START_TEST(magic_split_in_resync)
{
	unsigned char b[512];
	size_t n = 0, i;

	memcpy(b, "junkjunk", 8);
	n = 8 + enc_data(b + 8, 3, 1, "x");
	for (i = 1; i < n; i++) {
		start();
		wire_feed(wp, b, i);
		wire_feed(wp, b + i, n - i);
		wire_end(wp);
		ck_assert_int_eq(got.nrec, 1);
		ck_assert_int_eq(got.nerr, 1);
	}
}
END_TEST

Suite *wire_suite(void)
{
	Suite *s = suite_create("wire");
	TCase *t = tcase_create("parse");

	tcase_set_timeout(t, 60);
	tcase_add_test(t, valid_every_type);
	tcase_add_test(t, every_chunk_size);
	tcase_add_test(t, truncated_at_every_offset);
	tcase_add_test(t, corrupt_each_byte);
	tcase_add_test(t, garbage_then_resync);
	tcase_add_test(t, crc_mismatch);
	tcase_add_test(t, bad_version);
	tcase_add_test(t, oversized_length);
	tcase_add_test(t, random_input);
	tcase_add_test(t, magic_split_in_resync);
	suite_add_tcase(s, t);
	return s;
}
