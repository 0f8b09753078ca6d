/* SPDX-License-Identifier: GPL-2.0 */
/* The run's archive: turns checked stream records into tty files and events, and keeps the counts. */
#ifndef ARCHIVE_H
#define ARCHIVE_H

#include <limits.h>
#include <stdint.h>

#include "events.h"
#include "session.h"
#include "wire_parse.h"

struct archive_counters {
	uint64_t bytes;		/* stream bytes read */
	uint64_t records;	/* records whose header and crc held */
	uint64_t sessions;	/* tty sessions opened */
	uint64_t execs;
	uint64_t stream_errors;	/* damaged stretches and records that made no sense */
	uint64_t losses;	/* LOSS records */
	uint64_t lost_records, lost_bytes;	/* what the kernel said it dropped */
	uint64_t dropped_records;	/* what hostd could not place (no file for its session) */
	uint64_t evictions;	/* sessions closed to make room in a full table */
};

struct archive {
	char run_dir[PATH_MAX];
	int dirfd;
	int ended;		/* the stream's end was seen */
	int failed;		/* a write failed: fail_msg says where and why */
	char fail_msg[PATH_MAX + SESSION_FILE_MAX + 128];
	unsigned int flush_ms;
	uint64_t last_flush_ms;
	struct archive_counters c;
	struct session_table sessions;
	struct events ev;
	struct wire_parser wp;
};

/*
 * Sets up run_dir (created if missing) with tty/ and a new events.jsonl.
 * Returns a heap archive, or NULL after saying why on stderr.
 */
struct archive *archive_open(const char *run_dir, unsigned int flush_ms);

/* Takes n more stream bytes. */
void archive_feed(struct archive *a, const void *buf, size_t n);

/* The stream ended (EOF): reports a trailing partial record. */
void archive_end_stream(struct archive *a);

/* Sync-flushes dirty tty files when flush_ms have passed since the last time. */
void archive_tick(struct archive *a, uint64_t mono_now_ms);

/* Closes every open session (tty.close with reason) and events.jsonl; free(a) after. Returns 0 or -1 (failed). */
int archive_close(struct archive *a, const char *reason);

/*
 * Recording failed: the loop pauses the guest, says fail_msg once and
 * exits 4 at stop. Only the first failure is kept (it is the cause).
 */
void archive_fail(struct archive *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Emits a hostd-side event: the caller adds members to the jline, then archive_emit. */
struct jline *archive_event(struct archive *a, const char *type);
void archive_emit(struct archive *a);

#endif
