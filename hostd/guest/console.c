// SPDX-License-Identifier: GPL-2.0
/* The guest kernel's console: a pipe the kernel writes, relayed by the loop into console.log up to a cap. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bytesize.h"
#include "console.h"
#include "hostd.h"
#include "report.h"
#include "write_all.h"

int console_open(struct console *c, int dirfd, const char *run_dir, uint64_t cap, int *wr)
{
	struct stat st;
	int p[2];

	memset(c, 0, sizeof(*c));
	c->rd = -1;
	c->cap = cap;
	c->fd = openat(dirfd, "console.log", O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0640);
	if (c->fd < 0 || fstat(c->fd, &st) < 0) {
		report("%s/console.log: %s; guest not started", run_dir, strerror(errno));
		return -1;
	}
	c->written = (uint64_t)st.st_size;
	if (pipe2(p, O_CLOEXEC) < 0) {
		report("console pipe: %s; guest not started", strerror(errno));
		close(c->fd);
		return -1;
	}
	/* Best effort: a bigger pipe lets the kernel write its console while the loop is busy. */
	if (fcntl(p[0], F_SETPIPE_SZ, HOSTD_CONSOLE_PIPE) < 0)
		errno = 0;
	/* Only hostd's end: the kernel's end stays blocking, as the file it replaces was. */
	if (fcntl(p[0], F_SETFL, O_NONBLOCK) < 0) {
		report("console pipe: %s; guest not started", strerror(errno));
		close(p[0]);
		close(p[1]);
		close(c->fd);
		return -1;
	}
	c->rd = p[0];
	*wr = p[1];
	return 0;
}

/* Said once: console.log reached its cap. */
static void cut_event(struct console *c, struct record *rec)
{
	char cap[32];
	struct jline *j;

	bytesize_format(c->cap, cap, sizeof(cap));
	report("%s/console.log: reached its cap of %s; the rest of the console is counted, not written",
	       record_path(rec), cap);
	j = record_event(rec, "console.cut");
	jl_u64(j, "cap", c->cap);
	jl_u64(j, "written", c->written);
	record_emit(rec);
}

/* n bytes read: into console.log up to the cap, the rest counted. */
static void relay(struct console *c, struct record *rec, const unsigned char *buf, size_t n)
{
	size_t room = c->written < c->cap ? (size_t)(c->cap - c->written) : 0;
	size_t k = n < room ? n : room, done = 0;

	if (k && write_all(c->fd, buf, k, &done) < 0)
		record_fail_file(rec, "archive", "console.log", errno);
	c->written += done;
	if (k == n)
		return;
	if (!c->cut)
		cut_event(c, rec);
	c->cut += n - k;
}

/* Reads up to max chunks, until the pipe is empty for now or at EOF. */
static void pump(struct console *c, struct record *rec, int max)
{
	static unsigned char buf[HOSTD_READ_CHUNK];
	ssize_t k;
	int i;

	for (i = 0; i < max && c->rd >= 0 && !record_failed(rec); i++) {
		k = read(c->rd, buf, sizeof(buf));
		if (k > 0) {
			relay(c, rec, buf, (size_t)k);
			continue;
		}
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0 && errno == EAGAIN)
			return;
		if (k < 0)
			report("console pipe: %s; no more of the console is read", strerror(errno));
		close(c->rd);
		c->rd = -1;
	}
}

void console_read(struct console *c, struct record *rec)
{
	pump(c, rec, HOSTD_READS_PER_WAKE);
}

void console_close(struct console *c, struct record *rec)
{
	char cut[32];

	/* Bounded by what a full pipe holds: a writer that escaped the guest's group cannot keep hostd here. */
	pump(c, rec, 2 * HOSTD_CONSOLE_PIPE / HOSTD_READ_CHUNK + 2);
	if (c->rd >= 0)
		close(c->rd);
	c->rd = -1;
	if (c->fd >= 0 && close(c->fd) < 0)
		record_fail_file(rec, "archive", "console.log", errno);
	c->fd = -1;
	if (!c->cut)
		return;
	bytesize_format(c->cut, cut, sizeof(cut));
	report("%s/console.log: %s of the console beyond its cap were counted, not written",
	       record_path(rec), cut);
}
