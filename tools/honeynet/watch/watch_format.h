/* SPDX-License-Identifier: GPL-2.0 */
/* One events.jsonl line as one line of the watch feed: printable ASCII, at most WATCH_WIDTH columns. */
#ifndef WATCH_FORMAT_H
#define WATCH_FORMAT_H

#include <stddef.h>

/* An 80-column terminal's width less one: a line that fills the last column wraps on some. */
#define WATCH_WIDTH 79
/* The peer column: an IPv4 address's widest form; a longer address pushes the rest right. */
#define WATCH_PEER_COLS 15

/*
 * Formats the events.jsonl line line[0..n) (no newline) of honeypot name
 * into out as "HH:MM:SS NAME  PEER  what" (UTC, the event's time; NAME
 * padded to name_cols so several honeypots line up; PEER "-" when the
 * event names none) and returns its length. out is NUL-terminated and
 * holds only bytes 0x20..0x7e, at most WATCH_WIDTH of them: every other
 * byte of a string is written \xNN, a backslash \\, and a line cut at the
 * width ends in "...". A line that is not one flat JSON object gets a line
 * saying so; an unknown type a line naming it.
 */
size_t watch_format(char out[WATCH_WIDTH + 1], const char *name, size_t name_cols,
		    const char *line, size_t n);

/*
 * The feed's own line about honeypot name (a new run, a skipped line):
 * "HH:MM:SS NAME  -  text", stamp ("HH:MM:SS") NULL for "--:--:--", with the same
 * escaping and width as watch_format.
 */
size_t watch_note(char out[WATCH_WIDTH + 1], const char *stamp, const char *name,
		  size_t name_cols, const char *text);

#endif
