// SPDX-License-Identifier: GPL-2.0
/* Exports a session as asciicast v2 (asciinema): both streams, timed. */
#include <string.h>

#include "export.h"
#include "timeline.h"

/* One stream's bytes not yet written: a character cut between records. */
struct carry {
	unsigned char b[4];
	size_t n;
	uint64_t offset;	/* stream offset of b[0] */
};

/* An event's text is cut in pieces of this size (same time), no malloc. */
#define EVENT_CHUNK 4096

/* Writes one event of at most EVENT_CHUNK bytes; a character split across
 * records waits for its end. */
static void event(FILE *out, double t, char kind, struct carry *c,
		  const unsigned char *p, size_t n, int last,
		  struct utf8_report *rep)
{
	unsigned char buf[EVENT_CHUNK + 4];
	size_t total = c->n + n, keep;

	memcpy(buf, c->b, c->n);
	if (n)
		memcpy(buf + c->n, p, n);
	keep = last ? 0 : utf8_tail(buf, total);
	if (total > keep) {
		fprintf(out, "[%.6f, \"%c\", ", t, kind);
		json_string(out, buf, total - keep, c->offset, kind, rep);
		fputs("]\n", out);
	}
	memcpy(c->b, buf + total - keep, keep);
	c->offset += total - keep;
	c->n = keep;
}

static void events(FILE *out, double t, char kind, struct carry *c,
		   const unsigned char *p, size_t n, struct utf8_report *rep)
{
	size_t off, k;

	for (off = 0; off < n; off += k) {
		k = n - off < EVENT_CHUNK ? n - off : EVENT_CHUNK;
		event(out, t, kind, c, p + off, k, 0, rep);
	}
}

static void header(FILE *out, const struct ttylog_rec *first)
{
	fprintf(out, "{\"version\": 2, \"width\": %d, \"height\": %d, "
		"\"timestamp\": %lu", EXPORT_WIDTH, EXPORT_HEIGHT,
		(unsigned long)first->sec);
	fputs(", \"env\": {\"TERM\": \"xterm\"}}\n", out);
}

int export_asciicast(struct session *s, const struct export_opts *o,
		     FILE *out, struct utf8_report *rep)
{
	struct carry co = { .n = 0 }, ci = { .n = 0 };
	struct timeline tl;
	struct ttylog_rec r;
	const unsigned char *data;

	memset(rep, 0, sizeof(*rep));
	timeline_init(&tl, o->speed, o->maxidle, 0);
	while (session_next(s, &r, &data)) {
		int in = r.dir == TTYLOG_DIR_READ;

		if (!tl.started)
			header(out, &r);
		else if (r.op != TTYLOG_OP_WRITE)
			continue;
		timeline_next(&tl, r.sec, r.usec);
		if (r.op == TTYLOG_OP_WRITE && (in || r.dir == TTYLOG_DIR_WRITE))
			events(out, tl.elapsed, in ? 'i' : 'o', in ? &ci : &co,
			       data, r.len, rep);
	}
	/* What is still held at the end is an unfinished character: U+FFFD. */
	if (co.n)
		event(out, tl.elapsed, 'o', &co, NULL, 0, 1, rep);
	if (ci.n)
		event(out, tl.elapsed, 'i', &ci, NULL, 0, 1, rep);
	return fflush(out) || ferror(out) ? -1 : 0;
}
