/* SPDX-License-Identifier: GPL-2.0 */
/* Keeps a replayed session from acting on the analyst's own terminal. */
#ifndef ESCFILTER_H
#define ESCFILTER_H

#include <stddef.h>
#include <stdio.h>

/* The longest control sequence held back while deciding; longer is hostile. */
#define ESC_SEQ_MAX 64

/* How many bytes of a neutralised sequence are shown before "...". */
#define ESC_SHOW_MAX 48

struct escfilter {
	int state;
	int crlf;		/* show a typed CR as CR LF (--input) */
	unsigned char seq[ESC_SEQ_MAX];	/* held bytes: a CSI or a UTF-8 char */
	size_t len;
	size_t shown;		/* bytes shown of the sequence being neutralised */
	unsigned int u8need;	/* continuation bytes still due */
	unsigned char u8lo, u8hi;	/* the range the next one must fall in */
};

void escfilter_init(struct escfilter *f, int crlf);

/* Filters n bytes to out; a sequence may continue in the next call. */
void escfilter_feed(struct escfilter *f, const unsigned char *p, size_t n,
		    FILE *out);

/* Ends the stream: shows what is held of an unfinished sequence. */
void escfilter_finish(struct escfilter *f, FILE *out);

#endif
