// SPDX-License-Identifier: GPL-2.0
/* The last lines of a log file, to show an operator why a boot failed. */
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file_tail.h"

/* How far back from the end to look: a boot log's last screens. */
#define TAIL_WINDOW 65536

int file_tail(const char *path, unsigned int n, FILE *out)
{
	static char buf[TAIL_WINDOW];
	struct stat st;
	off_t start;
	ssize_t got;
	unsigned int seen;
	size_t i;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	if (fstat(fd, &st) < 0)
		goto out_close;
	start = st.st_size > TAIL_WINDOW ? st.st_size - TAIL_WINDOW : 0;
	got = pread(fd, buf, sizeof(buf), start);
	if (got < 0)
		goto out_close;
	close(fd);
	if (n == 0)
		return 0;
	i = (size_t)got;
	/* A final newline ends the last line; it does not start a new one. */
	if (i && buf[i - 1] == '\n')
		i--;
	for (seen = 0; i > 0; i--) {
		if (buf[i - 1] == '\n' && ++seen == n)
			break;
	}
	fwrite(buf + i, 1, (size_t)got - i, out);
	return 0;
out_close:
	close(fd);
	return -1;
}
