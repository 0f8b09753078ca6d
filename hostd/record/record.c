// SPDX-License-Identifier: GPL-2.0
/* The run's record: the run directory, its events.jsonl and the failure state that pauses the guest. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "clock.h"
#include "hostd.h"
#include "record.h"
#include "report.h"

void record_fail(struct record *r, const char *fmt, ...)
{
	va_list ap;

	if (r->failed)
		return;
	r->failed = 1;
	va_start(ap, fmt);
	vsnprintf(r->fail_msg, sizeof(r->fail_msg), fmt, ap);
	va_end(ap);
}

void record_fail_file(struct record *r, const char *who, const char *path, int err)
{
	record_fail(r, "%s %s/%s: %s", who, r->run_dir, path, strerror(err ? err : EIO));
}

int record_failed(const struct record *r)
{
	return r->failed;
}

const char *record_fail_msg(const struct record *r)
{
	return r->failed ? r->fail_msg : NULL;
}

const char *record_path(const struct record *r)
{
	return r->run_dir;
}

int record_dirfd(const struct record *r)
{
	return r->dirfd;
}

int record_subdir(struct record *r, const char *name)
{
	if (mkdirat(r->dirfd, name, 0750) < 0 && errno != EEXIST)
		return -1;
	return openat(r->dirfd, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
}

struct jline *record_event_at(struct record *r, uint64_t ns, const char *type)
{
	return events_begin(&r->ev, ns, type);
}

struct jline *record_event(struct record *r, const char *type)
{
	return record_event_at(r, now_ns(), type);
}

void record_emit(struct record *r)
{
	if (events_emit(&r->ev) < 0)
		record_fail_file(r, "archive", "events.jsonl", r->ev.err);
}

int record_flush(struct record *r)
{
	if (r->ev.pend_len && events_flush(&r->ev) < 0) {
		record_fail_file(r, "archive", "events.jsonl", r->ev.err);
		return -1;
	}
	return r->ev.pend_len ? -1 : 0;
}

/*
 * The reserve is a file unlinked as soon as it is made: its blocks count
 * on the filesystem while hostd holds it open, no name of it stays in the
 * archive, and the kernel gives them back if hostd dies.
 */
static int reserve_open(struct record *r)
{
	static const char name[] = ".hostd-reserve";
	int err;

	r->reserve_fd = openat(r->dirfd, name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (r->reserve_fd < 0)
		err = errno;
	else if (unlinkat(r->dirfd, name, 0) < 0)
		err = errno;
	else
		err = posix_fallocate(r->reserve_fd, 0, HOSTD_RESERVE);
	if (!err)
		return 0;
	report("%s/%s: %s; no room for %d KiB kept against a full disk, cannot start",
	       r->run_dir, name, strerror(err), HOSTD_RESERVE >> 10);
	record_release_reserve(r);
	return -1;
}

void record_release_reserve(struct record *r)
{
	if (r->reserve_fd >= 0)
		close(r->reserve_fd);
	r->reserve_fd = -1;
}

struct record *record_open(const char *run_dir)
{
	struct record *r = calloc(1, sizeof(*r));

	if (!r) {
		report("%s: %s; cannot start", run_dir, strerror(errno));
		return NULL;
	}
	r->ev.fd = -1;
	r->reserve_fd = -1;
	snprintf(r->run_dir, sizeof(r->run_dir), "%s", run_dir);
	if (mkdir(run_dir, 0750) < 0 && errno != EEXIST) {
		report("%s: %s; cannot create the run directory", run_dir, strerror(errno));
		goto out_free;
	}
	r->dirfd = open(run_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (r->dirfd < 0) {
		report("%s: %s; cannot open the run directory", run_dir, strerror(errno));
		goto out_free;
	}
	if (events_open(&r->ev, r->dirfd) < 0) {
		report("%s/events.jsonl: %s; use a new run directory for each run",
		       run_dir, strerror(errno));
		goto out_close;
	}
	if (reserve_open(r) < 0)
		goto out_events;
	return r;

out_events:
	events_close(&r->ev);
out_close:
	close(r->dirfd);
out_free:
	free(r);
	return NULL;
}

int record_close(struct record *r)
{
	record_release_reserve(r);
	if (events_close(&r->ev) < 0)
		record_fail_file(r, "archive", "events.jsonl", errno);
	close(r->dirfd);
	r->dirfd = -1;
	return r->failed ? -1 : 0;
}
