// SPDX-License-Identifier: GPL-2.0
/* SHA-256 through libcrypto's EVP: incremental for files hostd writes, whole for files it reads. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <openssl/evp.h>

#include "sha256.h"

int sha256_begin(struct sha256 *s)
{
	EVP_MD_CTX *c = EVP_MD_CTX_new();

	if (c && EVP_DigestInit_ex(c, EVP_sha256(), NULL) != 1) {
		EVP_MD_CTX_free(c);
		c = NULL;
	}
	s->ctx = c;
	return c ? 0 : -1;
}

void sha256_add(struct sha256 *s, const void *p, size_t n)
{
	if (s->ctx && n && EVP_DigestUpdate(s->ctx, p, n) != 1)
		sha256_drop(s);
}

int sha256_end(struct sha256 *s, char hex[SHA256_HEX])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int n = 0, i;
	int ok = s->ctx && EVP_DigestFinal_ex(s->ctx, md, &n) == 1 && n == 32;

	hex[0] = '\0';
	sha256_drop(s);
	if (!ok)
		return -1;
	for (i = 0; i < n; i++)
		snprintf(hex + 2 * i, 3, "%02x", md[i]);
	return 0;
}

void sha256_drop(struct sha256 *s)
{
	EVP_MD_CTX_free(s->ctx);
	s->ctx = NULL;
}

int sha256_file(const char *path, char hex[SHA256_HEX], off_t *size)
{
	unsigned char buf[1 << 16];
	struct sha256 s;
	ssize_t k;
	int fd, err;

	*size = 0;
	hex[0] = '\0';
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	if (sha256_begin(&s) < 0) {
		close(fd);
		errno = ENOMEM;
		return -1;
	}
	while ((k = read(fd, buf, sizeof(buf))) != 0) {
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0) {
			err = errno;
			sha256_drop(&s);
			close(fd);
			errno = err;
			return -1;
		}
		sha256_add(&s, buf, (size_t)k);
		*size += k;
	}
	close(fd);
	if (sha256_end(&s, hex) < 0) {
		errno = EIO;
		return -1;
	}
	return 0;
}
