/* SPDX-License-Identifier: GPL-2.0 */
/* The four exports: asciicast v2, script advanced timing, ttyrec, ttylog. */
#ifndef EXPORT_H
#define EXPORT_H

#include <stdio.h>

#include "asciicast_json.h"
#include "session.h"

/* asciicast has no terminal size in a ttylog to copy: the usual default. */
#define EXPORT_WIDTH 80
#define EXPORT_HEIGHT 24

struct export_opts {
	double speed;		/* -s; 1 keeps the recorded timing */
	double maxidle;		/* -m; < 0 keeps every recorded pause */
};

/* Each returns 0, or -1 if writing failed. Exports keep the recorded bytes
 * (no escape filter): they are data for other players. */

/* Header line, then [time, "o"|"i", text] for output and input alike. */
int export_asciicast(struct session *s, const struct export_opts *o,
		     FILE *out, struct utf8_report *rep);

/* util-linux script -B data (both streams) and its advanced timing file. */
int export_script(struct session *s, const struct export_opts *o,
		  FILE *data, FILE *timing);

/* ttyrec: 12-byte header (sec, usec, len, little-endian), output only. */
int export_ttyrec(struct session *s, const struct export_opts *o, FILE *out);

/* The session's own uncompressed Cowrie records, for Cowrie's playlog. */
int export_ttylog(struct session *s, FILE *out);

#endif
