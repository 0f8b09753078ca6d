/* SPDX-License-Identifier: GPL-2.0 */
/* The capture's file rotation: a resumable state machine with named states, on wall-clock boundaries. */
#ifndef ROTATE_H
#define ROTATE_H

#include <limits.h>
#include <stdint.h>

#include "pcapfile.h"

/*
 * WRITING: records go to the open NAME.pcap.gz.part.
 * SYNC:    the gzip stream is ended, written and fsynced (a failed write
 *          is retried; a failed fsync is not: the file stays .part and
 *          the next one is started).
 * RENAME:  NAME.pcap.gz.part becomes NAME.pcap.gz (retried).
 * REOPEN:  the next .part is created, named for the boundary (retried).
 * DONE:    stopped; nothing is open.
 * Records that arrive while no file is open are counted as dropped.
 */
enum rot_state { ROT_WRITING, ROT_SYNC, ROT_RENAME, ROT_REOPEN, ROT_DONE };

#define ROT_NAME_MAX 96

struct rotor {
	enum rot_state st;
	int dirfd;			/* RUN_DIR/pcap */
	char dir[PATH_MAX + 8];		/* its path, for messages */
	char base[32];			/* the interface, safe for a file name */
	uint32_t snaplen, linktype;
	unsigned int period;		/* seconds */
	int64_t start;			/* the open file's start (seconds since the epoch) */
	int64_t next;			/* the boundary that ends it */
	int stopping;			/* after RENAME: DONE, not REOPEN */
	char name[ROT_NAME_MAX];	/* the open file's final name */
	char part[ROT_NAME_MAX + 8];	/* ... and its name while written */
	uint64_t retry_ms;		/* a failed step runs again at this monotonic time */
	int err;			/* the last failure: errno, and the path it named */
	char err_path[ROT_NAME_MAX + 8];
	uint64_t dropped;		/* records with no file, or refused while the disk refused: this period */
	uint64_t dropped_all;		/* ... all periods */
	uint64_t file_packets, file_bytes;	/* written this period (records, captured bytes) */
	uint64_t packets, bytes;	/* written in all periods */
	uint64_t files;			/* files finished */
	uint64_t bytes_done;		/* compressed bytes of the files finished */
	struct pcapfile f;
};

/* The first boundary after t (seconds) on multiples of period since the epoch. */
int64_t rot_boundary(int64_t t, unsigned int period);

/* "BASE-20261127T034512Z.pcap.gz" for a start time t (seconds, UTC); n > 1 adds "~n" before ".pcap.gz". */
void rot_name(char *out, size_t cap, const char *base, int64_t t, unsigned int n);

/* Keeps [A-Za-z0-9._+-] of an interface name, others as '_'. */
void rot_base(char *out, size_t cap, const char *iface);

/* Sets up the machine in REOPEN for a first file starting now; call rot_step. */
void rot_init(struct rotor *r, int dirfd, const char *dir, const char *iface,
	      uint32_t snaplen, uint32_t linktype, unsigned int period);

/* Whether the boundary has passed (or the clock went back more than a period). */
int rot_due(const struct rotor *r, int64_t now_s);

/* Leaves WRITING for SYNC (a boundary passed, or stop if stopping); a new period of counts starts. */
void rot_begin(struct rotor *r, int stopping);

/* The counts a capture.stats reports: this period's (since the last rot_begin) and the totals. */
struct rot_counts {
	uint64_t file_packets, file_bytes;	/* written this period */
	uint64_t packets, bytes;		/* written, all periods */
	uint64_t dropped, dropped_all;		/* no file, or refused: this period, all periods */
	uint64_t files;				/* files finished */
};
struct rot_counts rot_counts(const struct rotor *r);

/* The open file's final name, or NULL while none is written to (not WRITING). */
const char *rot_file(const struct rotor *r);

/* The name the open or last file has while written (NAME.part), for messages. */
const char *rot_part(const struct rotor *r);

/* Whether the machine stopped (DONE), and the name of its state. */
int rot_done(const struct rotor *r);
const char *rot_state(const struct rotor *r);

/* The last failure: its errno, and *path the file it named. */
int rot_error(const struct rotor *r, const char **path);

/* Whether records were added since the last sync flush. */
int rot_unsynced(const struct rotor *r);

/* t bounded by the time until the boundary (while writing; now_ms on the UTC clock) and until a retry. */
uint64_t rot_timeout_ms(const struct rotor *r, int64_t now_ms, uint64_t mono_now_ms, uint64_t t);

/* Lets a failed step run again at the next rot_step, without waiting for its retry time. */
void rot_retry_now(struct rotor *r);

/* Leaves the open file as it is (a .part), closed; for a stop that could not finish it. */
void rot_abandon(struct rotor *r);

/*
 * Runs the machine as far as it goes now. Returns 0, or -1 when a step
 * failed: err and err_path say what, and the step runs again at retry_ms.
 */
int rot_step(struct rotor *r, int64_t now_s, uint64_t mono_now_ms);

/* One record into the open file; with none open it is counted as dropped. 0, or -1 (a write failed). */
int rot_put(struct rotor *r, uint32_t sec, uint32_t usec, uint32_t caplen, uint32_t len,
	    const void *data);

/*
 * Bytes the capture holds on disk or will, never fewer: the finished files,
 * and the open one's written and pending bytes plus what deflate still
 * holds (at most the uncompressed bytes since its last sync flush, and
 * deflate's worst-case growth of them).
 */
uint64_t rot_disk_bytes(const struct rotor *r);

/* The idle flush. 0 or -1. */
int rot_flush(struct rotor *r);

const char *rot_state_name(enum rot_state st);

#endif
