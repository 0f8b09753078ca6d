/* SPDX-License-Identifier: GPL-2.0 */
/* The run's record: the run directory, its events.jsonl and the failure state that pauses the guest. */
#ifndef RECORD_H
#define RECORD_H

#include <limits.h>
#include <stdint.h>

#include "events.h"

/*
 * The TTY archive, the capture, the connection log and the console each
 * write into the run directory through this object, never through each
 * other: it owns the directory's fd and path, the events file, and the
 * first failure, which the loop turns into a paused guest and exit 4.
 */
struct record {
	char run_dir[PATH_MAX];
	int dirfd;
	int reserve_fd;		/* HOSTD_RESERVE bytes held for the failure's words; -1 once given back */
	int failed;		/* recording failed: fail_msg says where and why */
	char fail_msg[PATH_MAX + 256];
	struct events ev;
};

/*
 * Creates run_dir if missing, a new events.jsonl in it (an existing one
 * is refused: one run directory per run) and the reserve. Returns a heap
 * record, or NULL after saying why on stderr.
 */
struct record *record_open(const char *run_dir);

/* Gives back the reserve (once the guest is paused), then flushes, fsyncs and closes events.jsonl and the directory; free(r) after. 0, or -1 if the record failed. */
int record_close(struct record *r);

/* The run directory's path, for messages. */
const char *record_path(const struct record *r);

/* The run directory, to create the files a concern owns in it (openat); valid until record_close. */
int record_dirfd(const struct record *r);

/* Creates the subdirectory name if missing and opens it. The fd, or -1 with errno. */
int record_subdir(struct record *r, const char *name);

/*
 * Recording failed: the loop pauses the guest, says the message once and
 * exits 4 at stop. Only the first failure is kept (it is the cause).
 */
void record_fail(struct record *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* record_fail for a file of the run: "WHO RUN_DIR/PATH: strerror(err)" (err 0: EIO). */
void record_fail_file(struct record *r, const char *who, const char *path, int err);

/*
 * Gives the reserve back to the filesystem, so that what hostd says of a
 * failure fits on a full disk. Call it once nothing else writes: the guest
 * paused, the capture stopped (it writes nothing after a failure).
 */
void record_release_reserve(struct record *r);

/* Whether recording failed, and why (NULL if it did not). */
int record_failed(const struct record *r);
const char *record_fail_msg(const struct record *r);

/*
 * Starts an event line stamped now (record_event) or at ns (the record's
 * own time); the caller adds members, then record_emit writes it. A write
 * that fails fails the record.
 */
struct jline *record_event(struct record *r, const char *type);
struct jline *record_event_at(struct record *r, uint64_t ns, const char *type);
void record_emit(struct record *r);

/* Retries event bytes the disk refused earlier. 0 when none is left pending, else -1 (the record failed). */
int record_flush(struct record *r);

#endif
