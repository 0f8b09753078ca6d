// SPDX-License-Identifier: GPL-2.0
/* The hostile TTY stream's framing: feed bytes, get checked records, resync after damage. */
#include <stdio.h>
#include <string.h>
#include <zlib.h>

#include "wire_le.h"
#include "wire_parse.h"

_Static_assert(WIRE_BUF_SIZE >= 2 * WIRE_REC_MAX, "a record and a partial one must fit");

enum check { REC_OK, REC_MORE, REC_BAD };

/* "HNTL": the magic as it appears in the byte stream. */
static const unsigned char magic_bytes[4] = { 'H', 'N', 'T', 'L' };

void wire_init(struct wire_parser *w, const struct wire_sink *sink)
{
	w->sink = *sink;
	w->have = 0;
	w->buf_off = 0;
	w->resyncing = 0;
	w->damage_off = 0;
}

uint64_t wire_offset(const struct wire_parser *w)
{
	return w->buf_off + w->have;
}

static uint32_t record_crc(const unsigned char *hdr, const unsigned char *payload,
			   uint32_t len)
{
	unsigned char h[TTY_LOG_HEADER_SIZE];
	uLong crc;

	memcpy(h, hdr, sizeof(h));
	memset(h + 28, 0, 4);
	crc = crc32(0L, h, sizeof(h));
	return (uint32_t)crc32(crc, payload, len);
}

/* Reads the header at p (avail bytes); says why it is not a record. */
static enum check check_record(const unsigned char *p, size_t avail,
			       struct wire_rec *r, char *why, size_t whylen)
{
	struct le_cur c;
	uint32_t magic, version, crc, want;

	le_init(&c, p, avail);
	magic = le_u32(&c);
	if (magic != TTY_LOG_MAGIC) {
		snprintf(why, whylen, "bad magic: expected 0x%08x, found 0x%08x",
			 TTY_LOG_MAGIC, magic);
		return REC_BAD;
	}
	version = le_u16(&c);
	r->type = le_u16(&c);
	r->session = le_u32(&c);
	r->len = le_u32(&c);
	r->time_ns = le_u64(&c);
	r->dir = le_u8(&c);
	le_bytes(&c, 3);
	crc = le_u32(&c);
	if (c.bad)
		return REC_MORE;
	if (version != TTY_LOG_VERSION) {
		snprintf(why, whylen, "bad version: expected %d, found %u",
			 TTY_LOG_VERSION, version);
		return REC_BAD;
	}
	if (r->len > TTY_LOG_MAX_PAYLOAD) {
		snprintf(why, whylen, "bad length: expected at most %d, found %u",
			 TTY_LOG_MAX_PAYLOAD, r->len);
		return REC_BAD;
	}
	r->payload = le_bytes(&c, r->len);
	if (!r->payload)
		return REC_MORE;
	want = record_crc(p, r->payload, r->len);
	if (crc != want) {
		snprintf(why, whylen, "bad crc: expected 0x%08x, found 0x%08x",
			 want, crc);
		return REC_BAD;
	}
	return REC_OK;
}

/* In resync, steps pos to the next possible magic; returns 0 if none is whole yet. */
static int seek_magic(const struct wire_parser *w, size_t *pos)
{
	const unsigned char *m = memmem(w->buf + *pos, w->have - *pos,
					magic_bytes, sizeof(magic_bytes));
	size_t keep;

	if (m) {
		*pos = (size_t)(m - w->buf);
		return 1;
	}
	/* Keep a tail that may be the start of a magic split across feeds. */
	keep = w->have - *pos < 3 ? w->have - *pos : 3;
	*pos = w->have - keep;
	return 0;
}

static void found_damage(struct wire_parser *w, uint64_t off, const char *why)
{
	if (w->resyncing)
		return;		/* one report per damaged stretch */
	w->resyncing = 1;
	w->damage_off = off;
	w->sink.error(w->sink.ctx, off, why);
}

static void found_record(struct wire_parser *w, struct wire_rec *r)
{
	if (w->resyncing) {
		w->resyncing = 0;
		w->sink.resync(w->sink.ctx, r->offset, r->offset - w->damage_off);
	}
	w->sink.record(w->sink.ctx, r);
}

/* A record cut by the end of the stream: damage like any other. */
static void truncated(struct wire_parser *w, size_t pos, const struct wire_rec *r)
{
	char why[128];
	size_t avail = w->have - pos;
	size_t need = avail < TTY_LOG_HEADER_SIZE ? (size_t)TTY_LOG_HEADER_SIZE :
		      (size_t)TTY_LOG_HEADER_SIZE + r->len;

	snprintf(why, sizeof(why),
		 "truncated record at end of stream: need %zu bytes, have %zu",
		 need, avail);
	found_damage(w, w->buf_off + pos, why);
}

/*
 * Takes every complete record in buf; returns the bytes consumed. At the
 * end of the stream (final), a record still incomplete is damage: the scan
 * goes on past it, so a corrupted length cannot hide the records after it.
 */
static size_t parse(struct wire_parser *w, int final)
{
	size_t pos = 0;
	struct wire_rec r;
	char why[128];

	while (pos < w->have) {
		if (w->resyncing && !seek_magic(w, &pos) && !final)
			break;
		r.offset = w->buf_off + pos;
		r.len = 0;
		switch (w->have - pos < TTY_LOG_HEADER_SIZE ? REC_MORE :
			check_record(w->buf + pos, w->have - pos, &r, why, sizeof(why))) {
		case REC_MORE:
			if (!final)
				return pos;
			truncated(w, pos, &r);
			pos++;
			break;
		case REC_BAD:
			found_damage(w, r.offset, why);
			pos++;
			break;
		case REC_OK:
			found_record(w, &r);
			pos += TTY_LOG_HEADER_SIZE + r.len;
			break;
		}
	}
	return pos;
}

void wire_feed(struct wire_parser *w, const void *data, size_t n)
{
	const unsigned char *d = data;
	size_t k, used;

	while (n > 0) {
		k = sizeof(w->buf) - w->have;
		if (k > n)
			k = n;
		memcpy(w->buf + w->have, d, k);
		w->have += k;
		d += k;
		n -= k;
		used = parse(w, 0);
		if (!used)
			continue;	/* a partial record: nothing to shift */
		memmove(w->buf, w->buf + used, w->have - used);
		w->have -= used;
		w->buf_off += used;
	}
}

void wire_end(struct wire_parser *w)
{
	parse(w, 1);
	w->buf_off += w->have;
	w->have = 0;
	w->resyncing = 0;
}
