// SPDX-License-Identifier: GPL-2.0
/* A running guest's state file: which hostd process and archive are its. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "guest_state.h"
#include "report.h"
#include "write_all.h"
#include "parse_uint.h"

/* A state file is a few short lines; anything larger is not ours. */
#define GUEST_STATE_MAX (3 * PATH_MAX)

int guest_state_format(const struct guest_state *st, char *buf, size_t len)
{
	int n = snprintf(buf, len, "pid=%ld\nhostd=%s\nrun_dir=%s\n",
			 (long)st->hostd_pid, st->hostd, st->run_dir);

	return n < 0 || (size_t)n >= len ? -1 : 0;
}

static int copy_value(char *dst, const char *v, size_t vlen, const char *key,
		      char *err, size_t errlen)
{
	if (vlen == 0 || vlen >= PATH_MAX) {
		snprintf(err, errlen, "%s: empty or longer than %d bytes", key,
			 PATH_MAX - 1);
		return -1;
	}
	memcpy(dst, v, vlen);
	dst[vlen] = '\0';
	return 0;
}

static int parse_line(struct guest_state *st, const char *line, size_t len,
		      unsigned int *seen, char *err, size_t errlen)
{
	const char *eq = memchr(line, '=', len);
	const char *v;
	size_t klen, vlen;
	char num[16];
	unsigned int pid;

	if (!eq) {
		snprintf(err, errlen, "line without '=': %.*s", (int)len, line);
		return -1;
	}
	klen = (size_t)(eq - line);
	v = eq + 1;
	vlen = len - klen - 1;
	if (klen == 3 && memcmp(line, "pid", 3) == 0) {
		if (vlen >= sizeof(num)) {
			snprintf(err, errlen, "pid: not a process id");
			return -1;
		}
		memcpy(num, v, vlen);
		num[vlen] = '\0';
		if (parse_uint(num, 1, 0x3fffffff, &pid)) {
			snprintf(err, errlen, "pid %s: not a process id", num);
			return -1;
		}
		st->hostd_pid = (pid_t)pid;
		*seen |= 1;
		return 0;
	}
	if (klen == 5 && memcmp(line, "hostd", 5) == 0) {
		*seen |= 2;
		return copy_value(st->hostd, v, vlen, "hostd", err, errlen);
	}
	if (klen == 7 && memcmp(line, "run_dir", 7) == 0) {
		*seen |= 4;
		return copy_value(st->run_dir, v, vlen, "run_dir", err, errlen);
	}
	snprintf(err, errlen, "unknown key: %.*s", (int)klen, line);
	return -1;
}

int guest_state_parse(struct guest_state *st, const char *text, char *err,
		    size_t errlen)
{
	unsigned int seen = 0;

	memset(st, 0, sizeof(*st));
	while (*text) {
		const char *nl = strchr(text, '\n');
		size_t len = nl ? (size_t)(nl - text) : strlen(text);

		if (len && parse_line(st, text, len, &seen, err, errlen))
			return -1;
		text += len + (nl ? 1 : 0);
	}
	if (seen != 7) {
		snprintf(err, errlen, "incomplete: needs pid, hostd and run_dir");
		return -1;
	}
	return 0;
}

int guest_state_save(const struct guest_state *st, const char *path)
{
	char buf[GUEST_STATE_MAX], tmp[PATH_MAX];
	size_t done;
	int fd;

	if (guest_state_format(st, buf, sizeof(buf)) ||
	    snprintf(tmp, sizeof(tmp), "%s.tmp", path) >= (int)sizeof(tmp)) {
		report("%s: state too long", path);
		return -1;
	}
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0) {
		report_errno("%s", tmp);
		return -1;
	}
	if (write_all(fd, buf, strlen(buf), &done) || fsync(fd)) {
		report_errno("%s", tmp);
		close(fd);
		unlink(tmp);
		return -1;
	}
	close(fd);
	if (rename(tmp, path)) {
		report_errno("%s", path);
		unlink(tmp);
		return -1;
	}
	return 0;
}

int guest_state_load(struct guest_state *st, const char *path)
{
	char buf[GUEST_STATE_MAX + 1], err[256];
	ssize_t n;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 && errno == ENOENT)
		return 0;
	if (fd < 0) {
		report_errno("%s", path);
		return -1;
	}
	n = read(fd, buf, sizeof(buf));
	close(fd);
	if (n < 0 || n > GUEST_STATE_MAX) {
		report("%s: unreadable or too large; remove it by hand", path);
		return -1;
	}
	buf[n] = '\0';
	if (guest_state_parse(st, buf, err, sizeof(err))) {
		report("%s: %s; remove it by hand", path, err);
		return -1;
	}
	return 1;
}
