// SPDX-License-Identifier: GPL-2.0
/* Whole writes to a file descriptor, through short writes and EINTR. */
#include <errno.h>
#include <unistd.h>

#include "write_all.h"

int write_all(int fd, const void *buf, size_t n, size_t *done)
{
	const char *p = buf;
	ssize_t k;

	*done = 0;
	while (*done < n) {
		k = write(fd, p + *done, n - *done);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			return -1;
		if (k == 0) {
			errno = EIO;	/* a write that takes nothing would spin */
			return -1;
		}
		*done += (size_t)k;
	}
	return 0;
}
