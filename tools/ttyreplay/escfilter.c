// SPDX-License-Identifier: GPL-2.0
/* Keeps a replayed session from acting on the analyst's own terminal. */
/*
 * A recorded session is attacker-written bytes. Played raw, an OSC can set
 * the analyst's window title or clipboard (OSC 52), a DCS/APC/PM/SOS string
 * reaches terminal-specific handlers, and a CSI such as DSR (ESC[6n), DA
 * (ESC[c) or window operations (ESC[...t) makes the terminal answer or act.
 * This filter passes text, C0 controls, ordinary ESC sequences and a
 * whitelist of CSI sequences (cursor, erase, scroll, colours, modes), and
 * shows everything else visibly in caret notation ("^[]0;title^G"), cut
 * after ESC_SHOW_MAX bytes with "...". Nothing it emits starts a string or
 * a reporting sequence, so the terminal's parser cannot be steered.
 * It assumes a UTF-8 terminal: valid UTF-8 passes, the C1 code points
 * U+0080..U+009F (which xterm obeys as controls) are shown as <U+009B>, and
 * bytes that are not UTF-8 become U+FFFD, as such a terminal shows them.
 */
#include <string.h>

#include "escfilter.h"

enum {
	GROUND,
	ESC,		/* after ESC */
	ESC_INTER,	/* ESC and intermediates, e.g. ESC ( B */
	CSI,		/* ESC [ ... held until its final byte */
	CSI_SHOW,	/* a neutralised CSI, shown up to its final byte */
	STR,		/* DCS, SOS, PM, APC: shown until ST */
	OSC,		/* OSC: shown until ST or BEL */
	STR_ESC,	/* ESC inside a string: ST or a new sequence */
	OSC_ESC,
};

#define C_ESC 0x1b
#define C_BEL 0x07
#define C_CAN 0x18
#define C_SUB 0x1a
#define C_ENQ 0x05	/* makes some terminals send their answerback */

void escfilter_init(struct escfilter *f, int crlf)
{
	memset(f, 0, sizeof(*f));
	f->state = GROUND;
	f->crlf = crlf;
}

/* One byte in caret notation (cat -v style), never a control. */
static void show_byte(FILE *out, unsigned char c)
{
	if (c < 0x20)
		fprintf(out, "^%c", c + 0x40);
	else if (c == 0x7f)
		fputs("^?", out);
	else if (c >= 0x80)
		fprintf(out, "\\x%02X", c);
	else
		putc(c, out);
}

/* Shows a byte of a neutralised sequence, up to ESC_SHOW_MAX of them. */
static void show(struct escfilter *f, FILE *out, unsigned char c)
{
	if (f->shown < ESC_SHOW_MAX)
		show_byte(out, c);
	else if (f->shown == ESC_SHOW_MAX)
		fputs("...", out);
	f->shown++;
}

static void show_held(struct escfilter *f, FILE *out)
{
	size_t i;

	for (i = 0; i < f->len; i++)
		show(f, out, f->seq[i]);
	f->len = 0;
}

static void hold(struct escfilter *f, unsigned char c)
{
	f->seq[f->len++] = c;
}

/* Whether a finished CSI (held in f->seq) only moves, erases or colours. */
static int csi_allowed(const struct escfilter *f)
{
	unsigned char final = f->seq[f->len - 1];
	unsigned char prefix = f->len > 3 ? f->seq[2] : 0;
	unsigned char inter = 0;
	size_t i;

	for (i = 2; i + 1 < f->len; i++)
		if (f->seq[i] >= 0x20 && f->seq[i] <= 0x2f)
			inter = f->seq[i];
	if (prefix && !strchr("<=>?", prefix))
		prefix = 0;
	if (inter == ' ' && !prefix)
		return final == 'q';		/* cursor style */
	if (inter == '!' && !prefix)
		return final == 'p';		/* soft reset */
	if (inter)
		return 0;
	if (prefix == '?')
		return final && strchr("hlJK", final) != NULL;	/* modes */
	if (prefix)
		return 0;
	/* Not n (DSR), c (DA), t (window), x, i (print), p, q, y: they report
	 * or act outside the screen. */
	return final && strchr("@ABCDEFGHIJKLMPSTXZ`abdefghlmrsu", final) != NULL;
}

static void ground(struct escfilter *f, unsigned char c, FILE *out);

/* The byte after ESC. */
static void after_esc(struct escfilter *f, unsigned char c, FILE *out)
{
	f->shown = 0;
	if (c == '[') {
		f->len = 0;
		hold(f, C_ESC);
		hold(f, c);
		f->state = CSI;
	} else if (c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_') {
		show(f, out, C_ESC);
		show(f, out, c);
		f->state = c == ']' ? OSC : STR;
	} else if (c >= 0x20 && c <= 0x2f) {
		f->len = 0;
		hold(f, C_ESC);
		hold(f, c);
		f->state = ESC_INTER;
	} else if (c == 'Z') {			/* DECID: the terminal answers */
		fputs("^[Z", out);
		f->state = GROUND;
	} else if (c >= 0x30 && c <= 0x7e) {
		putc(C_ESC, out);
		putc(c, out);
		f->state = GROUND;
	} else {				/* ESC cancelled by a control */
		fputs("^[", out);
		f->state = GROUND;
		ground(f, c, out);
	}
}

/* ESC ( B and the like: designations and DEC line attributes, harmless. */
static void esc_inter(struct escfilter *f, unsigned char c, FILE *out)
{
	if (c >= 0x20 && c <= 0x2f && f->len < ESC_SEQ_MAX) {
		hold(f, c);
		return;
	}
	if (c >= 0x30 && c <= 0x7e) {
		hold(f, c);
		fwrite(f->seq, 1, f->len, out);
		f->len = 0;
		f->state = GROUND;
		return;
	}
	show_held(f, out);
	f->state = GROUND;
	ground(f, c, out);
}

static void csi(struct escfilter *f, unsigned char c, FILE *out)
{
	if (c == C_ESC || c == C_CAN || c == C_SUB || c >= 0x80) {
		show_held(f, out);		/* cut short: never reached the terminal */
		f->state = GROUND;
		ground(f, c, out);
		return;
	}
	if (f->len == ESC_SEQ_MAX) {		/* too long to be honest */
		show_held(f, out);
		f->state = CSI_SHOW;
		show(f, out, c);
		if (c >= 0x40 && c <= 0x7e)
			f->state = GROUND;
		return;
	}
	hold(f, c);
	if (c < 0x40 || c > 0x7e)
		return;
	if (csi_allowed(f))
		fwrite(f->seq, 1, f->len, out);
	else
		show_held(f, out);
	f->len = 0;
	f->state = GROUND;
}

static void csi_show(struct escfilter *f, unsigned char c, FILE *out)
{
	if (c == C_ESC || c == C_CAN || c == C_SUB || c >= 0x80) {
		f->state = GROUND;
		ground(f, c, out);
		return;
	}
	show(f, out, c);
	if (c >= 0x40 && c <= 0x7e)
		f->state = GROUND;
}

/* Inside a neutralised string: everything shown until its terminator. */
static void string(struct escfilter *f, unsigned char c, FILE *out)
{
	int osc = f->state == OSC;

	if (c == C_ESC) {
		f->state = osc ? OSC_ESC : STR_ESC;
		return;
	}
	show(f, out, c);
	if (c == C_CAN || c == C_SUB || (osc && c == C_BEL))
		f->state = GROUND;
}

/* ESC inside a string: ESC \ ends it; anything else ends it and starts anew. */
static void string_esc(struct escfilter *f, unsigned char c, FILE *out)
{
	if (c == '\\') {
		show(f, out, C_ESC);
		show(f, out, c);
		f->state = GROUND;
		return;
	}
	f->state = ESC;
	after_esc(f, c, out);
}

/* U+FFFD for bytes that are not UTF-8. */
static void replacement(FILE *out)
{
	fputs("\xEF\xBF\xBD", out);
}

/* Starts a UTF-8 sequence at lead byte c; returns 0 if c cannot lead one. */
static int utf8_lead(struct escfilter *f, unsigned char c)
{
	f->u8lo = 0x80;
	f->u8hi = 0xbf;
	if (c >= 0xc2 && c <= 0xdf)
		f->u8need = 1;
	else if (c >= 0xe0 && c <= 0xef)
		f->u8need = 2;
	else if (c >= 0xf0 && c <= 0xf4)
		f->u8need = 3;
	else
		return 0;
	/* No overlong forms, surrogates or code points past U+10FFFF. */
	if (c == 0xe0)
		f->u8lo = 0xa0;
	else if (c == 0xed)
		f->u8hi = 0x9f;
	else if (c == 0xf0)
		f->u8lo = 0x90;
	else if (c == 0xf4)
		f->u8hi = 0x8f;
	f->len = 0;
	hold(f, c);
	return 1;
}

/* A continuation byte of the UTF-8 sequence being held. */
static void utf8_cont(struct escfilter *f, unsigned char c, FILE *out)
{
	if (c < f->u8lo || c > f->u8hi) {
		f->u8need = 0;
		f->len = 0;
		replacement(out);
		ground(f, c, out);
		return;
	}
	hold(f, c);
	f->u8lo = 0x80;
	f->u8hi = 0xbf;
	if (--f->u8need)
		return;
	if (f->len == 2 && f->seq[0] == 0xc2 && f->seq[1] < 0xa0)
		fprintf(out, "<U+%04X>", f->seq[1]);	/* a C1 control */
	else
		fwrite(f->seq, 1, f->len, out);
	f->len = 0;
}

static void ground(struct escfilter *f, unsigned char c, FILE *out)
{
	if (f->u8need) {
		utf8_cont(f, c, out);
		return;
	}
	if (c == C_ESC)
		f->state = ESC;
	else if (c == C_ENQ)
		fputs("^E", out);
	else if (c == '\r' && f->crlf)
		fputs("\r\n", out);
	else if (c < 0x80)
		putc(c, out);
	else if (!utf8_lead(f, c))
		replacement(out);
}

static void step(struct escfilter *f, unsigned char c, FILE *out)
{
	switch (f->state) {
	case GROUND:
		ground(f, c, out);
		break;
	case ESC:
		after_esc(f, c, out);
		break;
	case ESC_INTER:
		esc_inter(f, c, out);
		break;
	case CSI:
		csi(f, c, out);
		break;
	case CSI_SHOW:
		csi_show(f, c, out);
		break;
	case STR:
	case OSC:
		string(f, c, out);
		break;
	default:
		string_esc(f, c, out);
		break;
	}
}

void escfilter_feed(struct escfilter *f, const unsigned char *p, size_t n,
		    FILE *out)
{
	size_t i;

	for (i = 0; i < n; i++)
		step(f, p[i], out);
}

void escfilter_finish(struct escfilter *f, FILE *out)
{
	if (f->u8need)
		replacement(out);
	else if (f->state == ESC || f->state == STR_ESC || f->state == OSC_ESC)
		fputs("^[", out);
	else if (f->state == CSI || f->state == ESC_INTER)
		show_held(f, out);
	escfilter_init(f, f->crlf);
}
