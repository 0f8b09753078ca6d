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

struct record *record_open(const char *run_dir)
{
	struct record *r = calloc(1, sizeof(*r));

	if (!r) {
		report("%s: %s; cannot start", run_dir, strerror(errno));
		return NULL;
	}
	r->ev.fd = -1;
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
	return r;

out_close:
	close(r->dirfd);
out_free:
	free(r);
	return NULL;
}

int record_close(struct record *r)
{
	if (events_close(&r->ev) < 0)
		record_fail_file(r, "archive", "events.jsonl", errno);
	close(r->dirfd);
	r->dirfd = -1;
	return r->failed ? -1 : 0;
}
