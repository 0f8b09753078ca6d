// SPDX-License-Identifier: GPL-2.0
/* The tests' own TTY log stream encoder (zlib crc32), separate from the kernel's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "byteorder.h"
#include "enc.h"
#include "tty_log_wire.h"

static void le64(unsigned char *p, uint64_t v)
{
	put_le32(p, (uint32_t)v);
	put_le32(p + 4, (uint32_t)(v >> 32));
}

size_t enc_rec(unsigned char *out, unsigned int type, uint32_t session,
	       unsigned int dir, uint64_t t, const void *payload, uint32_t len)
{
	uLong crc;

	memset(out, 0, TTY_LOG_HEADER_SIZE);
	put_le32(out, TTY_LOG_MAGIC);
	put_le16(out + 4, TTY_LOG_VERSION);
	put_le16(out + 6, type);
	put_le32(out + 8, session);
	put_le32(out + 12, len);
	le64(out + 16, t);
	out[24] = (unsigned char)dir;
	if (len)
		memcpy(out + TTY_LOG_HEADER_SIZE, payload, len);
	crc = crc32(0L, out, TTY_LOG_HEADER_SIZE + len);
	put_le32(out + 28, (uint32_t)crc);
	return TTY_LOG_HEADER_SIZE + len;
}

size_t enc_open(unsigned char *out, uint32_t session, uint32_t parent,
		const char *name)
{
	unsigned char p[TTY_LOG_OPEN_SIZE + 256];
	size_t n = strlen(name);

	put_le32(p, parent);
	put_le32(p + 4, 136);
	put_le32(p + 8, session);
	put_le32(p + 12, (uint32_t)n);
	memcpy(p + TTY_LOG_OPEN_SIZE, name, n);
	return enc_rec(out, TTY_LOG_OPEN, session, 0, ENC_T0, p,
		       (uint32_t)(TTY_LOG_OPEN_SIZE + n));
}

size_t enc_data(unsigned char *out, uint32_t session, unsigned int dir,
		const char *s)
{
	return enc_rec(out, TTY_LOG_DATA, session, dir, ENC_T0 + 1000000000ULL,
		       s, (uint32_t)strlen(s));
}

size_t enc_close(unsigned char *out, uint32_t session)
{
	return enc_rec(out, TTY_LOG_CLOSE, session, 0, ENC_T0 + 2500000000ULL,
		       NULL, 0);
}

size_t enc_exec(unsigned char *out, uint32_t session, uint32_t pid,
		const char *filename, const char *argv, size_t n, uint32_t argc)
{
	unsigned char p[TTY_LOG_MAX_PAYLOAD];
	size_t fl = strlen(filename);

	memset(p, 0, TTY_LOG_EXEC_SIZE);
	put_le32(p, pid);
	put_le32(p + 4, 1);
	put_le32(p + 8, 1000);
	put_le32(p + 12, 0);
	put_le32(p + 16, (uint32_t)fl);
	put_le32(p + 20, (uint32_t)n);
	put_le32(p + 24, argc);
	memcpy(p + TTY_LOG_EXEC_SIZE, filename, fl);
	memcpy(p + TTY_LOG_EXEC_SIZE + fl, argv, n);
	return enc_rec(out, TTY_LOG_EXEC, session, 0, ENC_T0, p,
		       (uint32_t)(TTY_LOG_EXEC_SIZE + fl + n));
}

size_t enc_loss(unsigned char *out, uint64_t records, uint64_t bytes)
{
	unsigned char p[TTY_LOG_LOSS_SIZE];

	le64(p, records);
	le64(p + 8, bytes);
	return enc_rec(out, TTY_LOG_LOSS, 0, 0, ENC_T0, p, sizeof(p));
}

static char dir[64];

void test_dir_remove(void)
{
	char cmd[96];

	if (!dir[0])
		return;
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	if (system(cmd) != 0)
		abort();
}

const char *test_dir(void)
{
	snprintf(dir, sizeof(dir), "/tmp/hostd-unit-%ld", (long)getpid());
	test_dir_remove();
	return dir;
}

char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long len;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	rewind(f);
	buf = malloc((size_t)len + 1);
	*n = fread(buf, 1, (size_t)len, f);
	buf[*n] = '\0';
	fclose(f);
	return buf;
}

unsigned char *gunzip(const char *path, size_t *n, int *complete)
{
	size_t zn, cap = 1 << 20;
	unsigned char *in = (unsigned char *)slurp(path, &zn);
	unsigned char *out = malloc(cap);
	z_stream z;
	int r;

	memset(&z, 0, sizeof(z));
	inflateInit2(&z, 15 + 16);
	z.next_in = in;
	z.avail_in = (uInt)zn;
	z.next_out = out;
	z.avail_out = (uInt)cap;
	r = inflate(&z, Z_SYNC_FLUSH);
	*complete = r == Z_STREAM_END;
	*n = cap - z.avail_out;
	inflateEnd(&z);
	free(in);
	return out;
}

size_t enc_tlv(unsigned char *out, size_t at, uint16_t type, const void *v, size_t n)
{
	uint16_t len = (uint16_t)(4 + n);

	memcpy(out + at, &len, 2);
	memcpy(out + at + 2, &type, 2);
	memcpy(out + at + 4, v, n);
	memset(out + at + 4 + n, 0, (4 - (4 + n) % 4) % 4);
	return at + ((4 + n + 3) & ~(size_t)3);
}
