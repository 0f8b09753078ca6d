/* SPDX-License-Identifier: GPL-2.0 */
/* Test inputs built in code: ttylog records, files, and golden compares. */
#ifndef SAMPLE_H
#define SAMPLE_H

#include <stddef.h>
#include <stdint.h>

#include "ttylog.h"

struct srec {
	uint32_t op, tty, dir, sec, usec;
	const char *data;	/* NUL-terminated; len = strlen */
};

/* The session every golden file is made from (sample.c says what it holds). */
extern const struct srec sample_session[];
extern const size_t sample_session_len;

/* Serialises records into a malloc'd buffer (*len bytes). */
unsigned char *sample_encode(const struct srec *r, size_t n, size_t *len);

/* Writes bytes to a new temporary file, gzip-compressed if gz. Returns its
 * path (static buffer rotated over 4 calls); the caller unlinks it. */
const char *sample_file(const unsigned char *p, size_t len, int gz);

/* The sample session as a .ttylog.gz temporary file. */
const char *sample_gz(void);

/* Compares p[0..len) with GOLDEN_DIR/name; with TTYREPLAY_UPDATE_GOLDEN=1
 * rewrites it and fails, so an update never passes unreviewed. */
void golden_check(const char *name, const unsigned char *p, size_t len);

/* Reads a whole file into a malloc'd buffer. */
unsigned char *slurp(const char *path, size_t *len);

#endif
