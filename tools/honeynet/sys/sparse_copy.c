// SPDX-License-Identifier: GPL-2.0
/* A copy of a disk image that keeps its holes, so a 2 GiB root_fs costs what it holds. */
#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sparse_copy.h"
#include "write_all.h"

/* The buffer of the read/write fallback. */
#define SPARSE_COPY_BUF (1 << 20)

/* Between filesystems of different types copy_file_range says EXDEV (Linux
 * 5.19 on); read and write instead. */
static int copy_by_hand(int in, int out, off_t off, off_t len)
{
	char *buf = malloc(SPARSE_COPY_BUF);
	size_t want, done;
	ssize_t n;
	int saved;

	if (!buf)
		return -1;
	while (len > 0) {
		want = len < SPARSE_COPY_BUF ? (size_t)len : SPARSE_COPY_BUF;
		n = pread(in, buf, want, off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (n == 0)
				errno = EIO;
			goto out_free;
		}
		if (lseek(out, off, SEEK_SET) < 0 || write_all(out, buf, (size_t)n, &done) < 0)
			goto out_free;
		off += n;
		len -= n;
	}
	free(buf);
	return 0;
out_free:
	saved = errno;
	free(buf);
	errno = saved;
	return -1;
}

static int copy_range(int in, int out, off_t off, off_t len)
{
	loff_t from = off, to = off;
	ssize_t n;

	while (len > 0) {
		n = copy_file_range(in, &from, out, &to, (size_t)len, 0);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && (errno == EXDEV || errno == ENOSYS || errno == EOPNOTSUPP))
			return copy_by_hand(in, out, from, len);
		if (n <= 0) {
			if (n == 0)
				errno = EIO;
			return -1;
		}
		len -= n;
	}
	return 0;
}

int sparse_copy(int in, int out)
{
	off_t data = 0, hole;
	struct stat st;

	if (fstat(in, &st) < 0)
		return -1;
	for (;;) {
		data = lseek(in, data, SEEK_DATA);
		if (data < 0 && errno == ENXIO)
			break;
		if (data < 0)
			return -1;
		hole = lseek(in, data, SEEK_HOLE);
		if (hole < 0)
			return -1;
		if (copy_range(in, out, data, hole - data) < 0)
			return -1;
		data = hole;
	}
	return ftruncate(out, st.st_size);
}
