// SPDX-License-Identifier: GPL-2.0
/* The first command lines an attacker typed, rebuilt from raw keystrokes. */
/*
 * Only printable ASCII reaches the summary, so a listing is safe to print on
 * a terminal whatever the attacker typed. Lines typed with echo off
 * (passwords) cannot be told apart from commands here and are shown too.
 */
#include <string.h>

#include "typed_lines.h"

void typed_lines_init(struct typed_lines *t)
{
	memset(t, 0, sizeof(*t));
}

/* Appends a finished line to the summary. */
static void keep_line(struct typed_lines *t)
{
	size_t have = strlen(t->summary), room;
	size_t len = t->len;

	while (len && t->line[len - 1] == ' ')
		len--;
	if (len == 0)
		return;
	if (t->kept == TYPED_LINES_KEPT || have >= TYPED_SUMMARY_MAX) {
		t->more = 1;
		return;
	}
	if (t->kept++) {
		memcpy(t->summary + have, "; ", 3);
		have += 2;
	}
	room = TYPED_SUMMARY_MAX > have ? TYPED_SUMMARY_MAX - have : 0;
	if (len > room) {
		len = room;
		t->more = 1;
	}
	memcpy(t->summary + have, t->line, len);
	t->summary[have + len] = '\0';
}

/* Skips an escape sequence typed as a key: ESC [ ... final or ESC O x. */
static void in_escape(struct typed_lines *t, unsigned char c)
{
	if (t->esc == 1)
		t->esc = (c == '[' || c == 'O') ? 2 : 0;
	else if (c >= 0x40 && c <= 0x7e)
		t->esc = 0;
}

static void key(struct typed_lines *t, unsigned char c)
{
	if (t->esc) {
		in_escape(t, c);
		return;
	}
	if (c == 0x1b) {
		t->esc = 1;
	} else if (c == '\r' || c == '\n') {
		keep_line(t);
		t->len = 0;
	} else if (c == 0x7f || c == 0x08) {		/* erase a character */
		if (t->len)
			t->len--;
	} else if (c == 0x15 || c == 0x03) {		/* ^U, ^C: the line is gone */
		t->len = 0;
	} else if (c == 0x17) {				/* ^W: erase a word */
		while (t->len && t->line[t->len - 1] == ' ')
			t->len--;
		while (t->len && t->line[t->len - 1] != ' ')
			t->len--;
	} else if (c == '\t') {
		c = ' ';
	}
	if (c >= 0x20 && c < 0x7f && t->len < TYPED_LINE_MAX &&
	    (t->len || c != ' '))
		t->line[t->len++] = (char)c;
}

void typed_lines_feed(struct typed_lines *t, const unsigned char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		key(t, p[i]);
}

const char *typed_lines_summary(struct typed_lines *t)
{
	if (t->len) {
		keep_line(t);
		t->len = 0;
	}
	if (!t->kept)
		return "-";
	if (t->more && !t->dotted) {
		strcat(t->summary, "...");
		t->dotted = 1;
	}
	return t->summary;
}
