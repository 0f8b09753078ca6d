/* SPDX-License-Identifier: GPL-2.0 */
/* SHA-256 through libcrypto's EVP: incremental for files hostd writes, whole for files it reads. */
#ifndef SHA256_H
#define SHA256_H

#include <stddef.h>
#include <sys/types.h>

#define SHA256_HEX 65	/* 64 hex digits and a NUL */

struct sha256 {
	void *ctx;	/* EVP_MD_CTX; NULL if libcrypto could not start one */
};

int sha256_begin(struct sha256 *s);
void sha256_add(struct sha256 *s, const void *p, size_t n);
/* Writes the hex digest and frees the context; returns -1 (hex = "") on failure. */
int sha256_end(struct sha256 *s, char hex[SHA256_HEX]);
void sha256_drop(struct sha256 *s);

/* Hashes the file at path; *size gets its length. Returns 0, or -1 with errno. */
int sha256_file(const char *path, char hex[SHA256_HEX], off_t *size);

#endif
