/* SPDX-License-Identifier: GPL-2.0 */
/* The watch feed: follows the newest run's events.jsonl of each honeypot and prints each event as a line. */
#ifndef WATCH_FOLLOW_H
#define WATCH_FOLLOW_H

#include <signal.h>
#include <stddef.h>
#include <stdio.h>

/* How often the archive is looked at again (ms): an event is on screen within this. */
#define WATCH_POLL_MS 200
/* The longest events.jsonl line read whole: hostd's HOSTD_EVENT_MAX, so none it writes is skipped. */
#define WATCH_LINE_MAX 65536
/* The widest the name column gets, however long a honeypot's name. */
#define WATCH_NAME_COLS_MAX 16

/* A honeypot: its name for the feed, and the directory of its run directories (ARCHIVE/NAME). */
struct watch_src {
	const char *name;
	const char *dir;
};

struct watch;

/* Starts following n sources (kept by pointer, not copied); NULL and a report if out of memory. */
struct watch *watch_open(const struct watch_src *src, size_t n);

/*
 * Prints what each source gained since the last call: every whole new
 * line of its newest run's events.jsonl, from the file's start, a line
 * when a newer run directory appears (the old one's rest printed first),
 * a line for an event line longer than WATCH_LINE_MAX (skipped, never
 * split). A partial last line waits for its end. A missing directory is
 * waited for (said once in the feed), a missing events.jsonl quietly; one
 * that is not a regular file is not read; another failure is reported on
 * stderr once.
 * Flushes out; returns 0, or -1 if writing to it failed.
 */
int watch_poll(struct watch *w, FILE *out);

void watch_close(struct watch *w);

/* watch_poll every WATCH_POLL_MS until *stop is set: 0, or -1 if out failed. */
int watch_follow(const struct watch_src *src, size_t n, volatile sig_atomic_t *stop, FILE *out);

#endif
