/* SPDX-License-Identifier: GPL-2.0 */
/* The first command lines an attacker typed, rebuilt from raw keystrokes. */
#ifndef TYPED_LINES_H
#define TYPED_LINES_H

#include <stddef.h>

#define TYPED_LINE_MAX 80	/* a line is cut here while it is typed */
#define TYPED_SUMMARY_MAX 72	/* the joined summary is cut here, with "..." */
#define TYPED_LINES_KEPT 5	/* lines joined into the summary */

struct typed_lines {
	char line[TYPED_LINE_MAX + 1];
	size_t len;
	int esc;		/* 0, or inside an escape sequence (arrow keys) */
	unsigned int kept;
	int more;		/* lines or text left out of the summary */
	int dotted;		/* "..." already added */
	char summary[TYPED_SUMMARY_MAX + 8];	/* + "; ", "...", NUL */
};

void typed_lines_init(struct typed_lines *t);

/* Feeds keystrokes: editing keys applied, controls and non-ASCII dropped. */
void typed_lines_feed(struct typed_lines *t, const unsigned char *p, size_t n);

/* The summary, "cmd1; cmd2; ...", or "-" if nothing was typed. The line
 * still being typed at the end counts. */
const char *typed_lines_summary(struct typed_lines *t);

#endif
