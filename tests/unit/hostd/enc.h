/* SPDX-License-Identifier: GPL-2.0 */
/* The tests' own TTY log stream encoder (zlib crc32), separate from the kernel's. */
#ifndef ENC_H
#define ENC_H

#include <stddef.h>
#include <stdint.h>

#define ENC_T0 1795844712123456789ULL	/* 2026-11-28T05:45:12.123456789Z */

/* Each writes one record at out and returns its length. */
size_t enc_rec(unsigned char *out, unsigned int type, uint32_t session,
	       unsigned int dir, uint64_t t, const void *payload, uint32_t len);
size_t enc_open(unsigned char *out, uint32_t session, uint32_t parent,
		const char *name);
size_t enc_data(unsigned char *out, uint32_t session, unsigned int dir,
		const char *s);
size_t enc_close(unsigned char *out, uint32_t session);
/* argv: n bytes of NUL-terminated strings. */
size_t enc_exec(unsigned char *out, uint32_t session, uint32_t pid,
		const char *filename, const char *argv, size_t n,
		uint32_t argc);
size_t enc_loss(unsigned char *out, uint64_t records, uint64_t bytes);

/* Writes one NFLOG TLV (host byte order, padded to 4 bytes) at out + at; returns the end. */
size_t enc_tlv(unsigned char *out, size_t at, uint16_t type, const void *v, size_t n);

/* A run directory under /tmp, made fresh; the path is static. */
const char *test_dir(void);
void test_dir_remove(void);
/* Reads a whole file into a malloc'd NUL-terminated buffer; *n its length. */
char *slurp(const char *path, size_t *n);
/* Inflates a gzip file (as far as it decodes); returns malloc'd bytes. */
unsigned char *gunzip(const char *path, size_t *n, int *complete);

#endif
