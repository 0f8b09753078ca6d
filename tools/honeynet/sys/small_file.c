// SPDX-License-Identifier: GPL-2.0
/* Small whole files (a key, an id, a record) read or written at once, never via a symlink. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "report.h"
#include "small_file.h"
#include "write_all.h"

int small_file_read(const char *path, char *buf, size_t cap, size_t *len)
{
	struct stat st;
	size_t got = 0;
	ssize_t n;
	int fd, saved;

	fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return -1;
	if (fstat(fd, &st) < 0)
		goto out_close;
	if (!S_ISREG(st.st_mode)) {
		errno = EINVAL;
		goto out_close;
	}
	while (got < cap) {
		n = read(fd, buf + got, cap - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			goto out_close;
		if (n == 0)
			break;
		got += (size_t)n;
	}
	if (got == cap) {
		errno = EFBIG;
		goto out_close;
	}
	close(fd);
	buf[got] = '\0';
	*len = got;
	return 0;
out_close:
	saved = errno;
	close(fd);
	errno = saved;
	return -1;
}

int small_file_write(const char *path, const void *buf, size_t len, mode_t mode)
{
	size_t done;
	int fd, saved;

	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
	if (fd < 0)
		return -1;
	if (write_all(fd, buf, len, &done) < 0 || fsync(fd) < 0) {
		saved = errno;
		close(fd);
		unlink(path);
		errno = saved;
		return -1;
	}
	return close(fd);
}

int small_file_save(const char *dir, const char *name, const char *text, mode_t mode)
{
	char path[PATH_MAX];

	if (snprintf(path, sizeof(path), "%s/%s", dir, name) >= (int)sizeof(path)) {
		report("%s: path too long", dir);
		return -1;
	}
	if ((unlink(path) < 0 && errno != ENOENT) ||
	    small_file_write(path, text, strlen(text), mode) < 0) {
		report_errno("%s", path);
		return -1;
	}
	return 0;
}
