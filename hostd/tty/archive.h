/* SPDX-License-Identifier: GPL-2.0 */
/* The TTY archive: turns checked stream records into tty files and events in the run's record, and keeps the counts. */
#ifndef ARCHIVE_H
#define ARCHIVE_H

#include <stdint.h>

#include "record.h"
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
	struct record *rec;	/* the run directory, events, the failure state */
	int ended;		/* the stream's end was seen */
	unsigned int flush_ms;
	uint64_t last_flush_ms;
	struct archive_counters c;
	struct session_table sessions;
	struct wire_parser wp;
};

/*
 * Sets up tty/ in rec's run directory. Returns a heap archive, or NULL
 * after saying why on stderr.
 */
struct archive *archive_open(struct record *rec, unsigned int flush_ms);

/* Takes n more stream bytes. */
void archive_feed(struct archive *a, const void *buf, size_t n);

/* The stream ended (EOF): reports a trailing partial record. */
void archive_end_stream(struct archive *a);

/* Sync-flushes dirty tty files and the record's pending events when flush_ms have passed since the last time. */
void archive_tick(struct archive *a, uint64_t mono_now_ms);

/* Milliseconds until archive_tick has a flush to do. */
uint64_t archive_timeout_ms(const struct archive *a, uint64_t mono_now_ms);

/* Closes every open session (tty.close with reason); free(a) after. Returns 0, or -1 if the record failed. */
int archive_close(struct archive *a, const char *reason);

#endif
