// SPDX-License-Identifier: GPL-2.0
/* Fuzz target: ttyreplay's ttylog reader and session follower over hostile files, against a model of the layout. */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "session.h"
#include "ttylog_read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The corpus its replay (replay_main.c) reads when given none, from the repo root. */
const char fuzz_corpus[] = "tests/fuzz/corpus-ttyreplay";

/*
 * The first byte picks how the rest becomes a file: mode 0 as it is,
 * 1 gzipped, 2 gzipped and cut short, 3 gzipped with one byte flipped
 * (the byte's high six bits say where). An archive's tty files reach
 * ttyreplay from a run whose guest was the attacker's, so every byte is
 * hostile.
 *
 * Oracles beyond "no crash": for the uncompressed bytes (modes 0 and 1)
 * the reader returns exactly the records a model of the 24-byte
 * little-endian layout finds, with their bytes, and ends cleanly exactly
 * when the model does; a cut file yields a prefix of them and says it is
 * damaged; a corrupt one yields only records whose header is valid; and
 * the session follower returns exactly the first session's records up to
 * and with its CLOSE.
 */

#define CHECK(c) do { if (!(c)) abort(); } while (0)

static char path[256];

static void remove_file(void)
{
	unlink(path);
}

static void setup(void)
{
	const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
	int fd;

	snprintf(path, sizeof(path), "%s/ttyreplay-fuzz-XXXXXX", base);
	fd = mkstemp(path);
	if (fd < 0)
		abort();
	close(fd);
	atexit(remove_file);
}

static uint32_t le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* One record as the model finds it in the uncompressed bytes. */
struct mrec {
	size_t off;		/* of its header */
	uint32_t op, tty, len, dir;
};

/* The model: headers back to back, op 1..4, dir 0..3, len at most 1 MiB, payload whole. 1 if it ends cleanly. */
static int model(const unsigned char *p, size_t n, struct mrec *r, size_t cap, size_t *nr)
{
	size_t off = 0;

	*nr = 0;
	while (n - off >= 24 && *nr < cap) {
		struct mrec m = { off, le32(p + off), le32(p + off + 4), le32(p + off + 8),
				  le32(p + off + 12) };

		if (m.op < 1 || m.op > 4 || m.dir > 3 || m.len > (1U << 20) ||
		    m.len > n - off - 24)
			return 0;
		r[(*nr)++] = m;
		off += 24 + m.len;
	}
	return off == n;
}

/* gzip of p[0..n) into out (cap bytes); returns its length. */
static size_t gzip(const unsigned char *p, size_t n, unsigned char *out, size_t cap)
{
	z_stream z;
	size_t len;

	memset(&z, 0, sizeof(z));
	CHECK(deflateInit2(&z, 1, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY) == Z_OK);
	z.next_in = (unsigned char *)p;
	z.avail_in = (uInt)n;
	z.next_out = out;
	z.avail_out = (uInt)cap;
	CHECK(deflate(&z, Z_FINISH) == Z_STREAM_END);
	len = z.total_out;
	deflateEnd(&z);
	return len;
}

static void write_file(const unsigned char *p, size_t n)
{
	int fd = open(path, O_WRONLY | O_TRUNC);

	CHECK(fd >= 0 && write(fd, p, n) == (ssize_t)n);
	close(fd);
}

/* Records at most this many are modelled; the input limit keeps below it. */
#define FUZZ_TL_RECORDS 4096

/* The reader against the model: exact for modes 0 and 1, a prefix when cut, valid headers when corrupt. */
static void check_reader(const unsigned char *p, const struct mrec *r, size_t nr, int clean,
			 unsigned int mode, size_t filelen)
{
	struct tl_reader rd;
	struct ttylog_rec rec;
	const unsigned char *d;
	enum tl_status st;
	char err[256];
	size_t k = 0;

	if (tl_open(&rd, path, err, sizeof(err)) < 0) {
		CHECK(filelen == 0);
		return;
	}
	CHECK(filelen > 0);
	while ((st = tl_next(&rd, &rec, &d)) == TL_RECORD) {
		CHECK(rec.op >= 1 && rec.op <= 4 && rec.dir <= 3 && rec.len <= (1U << 20));
		if (mode != 3) {
			CHECK(k < nr && rec.op == r[k].op && rec.tty == r[k].tty &&
			      rec.len == r[k].len && rec.dir == r[k].dir);
			CHECK(memcmp(d, p + r[k].off + 24, rec.len) == 0);
		}
		k++;
	}
	CHECK(rd.records == k);
	if (mode <= 1)
		CHECK((st == TL_END) == clean && k == nr);
	if (mode == 2)
		CHECK(st == TL_DAMAGED);
	if (st == TL_DAMAGED)
		CHECK(memchr(rd.why, '\0', sizeof(rd.why)) && rd.why[0]);
	tl_close(&rd);
}

/* The session follower: the first record's tty, its records in order, through its CLOSE. */
static void check_session(const struct mrec *r, size_t nr, unsigned int mode)
{
	struct session s;
	struct ttylog_rec rec;
	const unsigned char *d;
	char err[256];
	size_t k = 0;
	int got;

	if (session_open(&s, path, 0, 0, err, sizeof(err)) < 0)
		return;
	while ((got = session_next(&s, &rec, &d)) == 1) {
		if (mode <= 1) {
			while (k < nr && r[k].tty != r[0].tty)
				k++;
			CHECK(k < nr && rec.op == r[k].op && rec.tty == r[k].tty);
			k++;
		}
		CHECK(rec.tty == s.tty);
		if (rec.op == 2)
			break;
	}
	CHECK(session_next(&s, &rec, &d) == 0);
	got = session_status(&s, err, sizeof(err));
	CHECK(got >= -1 && got <= 1 && (got == 0 || err[0]));
	session_close(&s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct mrec r[FUZZ_TL_RECORDS];
	static unsigned char z[1 << 17];
	unsigned int mode;
	size_t nr, zn, where;
	int clean;

	if (!path[0])
		setup();
	if (size == 0 || size > 65536)
		return 0;
	mode = data[0] & 3;
	where = data[0] >> 2;
	data++;
	size--;
	clean = model(data, size, r, FUZZ_TL_RECORDS, &nr);
	if (mode == 0) {
		/* gzdopen reads a file that starts like gzip as gzip: the model is for the rest. */
		if (size >= 2 && data[0] == 0x1f && data[1] == 0x8b)
			mode = 3;
		write_file(data, size);
		zn = size;
	} else {
		zn = gzip(data, size, z, sizeof(z));
		if (mode == 2)
			zn = zn * where / 64;
		if (mode == 3)
			z[zn * where / 64] ^= 0x5a;
		write_file(z, zn);
	}
	check_reader(data, r, nr, clean, mode, zn);
	check_session(r, nr, mode);
	return 0;
}
