// SPDX-License-Identifier: GPL-2.0
/* Fuzz target: hostd's stream parser, payload decoders, session table and JSON escaping, all in memory. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "chunk.h"
#include "events.h"
#include "jsoncheck.h"
#include "session.h"
#include "wire_parse.h"
#include "wire_payload.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The corpus its replay (replay_main.c) reads when given none, from the repo root. */
const char fuzz_corpus[] = "tests/fuzz/corpus-wire";

/*
 * What one pass over the input saw. Oracles beyond "no crash": each
 * record is the input's own bytes at its offset, records never overlap,
 * an error is never said twice for one damaged stretch, a resync names
 * the record that follows it, and the trace (every callback, hashed) is
 * the same however the input was chunked.
 */
struct pass {
	const uint8_t *in;
	size_t size;
	uint32_t trace;		/* crc32 over every callback's fields */
	uint64_t end;		/* where the last record ended */
	int damaged;		/* an error was said and no resync yet */
	uint64_t damage_off;
	uint64_t resync_off;	/* UINT64_MAX: no resync waiting for its record */
	struct session_table t;
	uint32_t model[HOSTD_MAX_SESSIONS];	/* open ids, least recently active first */
	size_t n_model;
};

#define CHECK(c) do { if (!(c)) abort(); } while (0)

static void trace(struct pass *p, const void *v, size_t n)
{
	p->trace = (uint32_t)crc32(p->trace, v, (uInt)n);
}

static int hex(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decodes what json_escape wrote; returns the byte count, or -1 if it is not JSON string text. */
static long unescape(const char *s, size_t n, unsigned char *out)
{
	size_t i;
	long k = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x20 || c == 0x7f || c == '"')
			return -1;
		if (c != '\\') {
			out[k++] = c;
		} else if (i + 1 < n && (s[i + 1] == '"' || s[i + 1] == '\\')) {
			out[k++] = (unsigned char)s[++i];
		} else if (i + 5 < n && strncmp(s + i, "\\u00", 4) == 0 &&
			   hex(s[i + 4]) >= 0 && hex(s[i + 5]) >= 0) {
			out[k++] = (unsigned char)(hex(s[i + 4]) * 16 + hex(s[i + 5]));
			i += 5;
		} else {
			return -1;
		}
	}
	return k;
}

/* json_escape keeps every byte: escaped and decoded again, n bytes come back unchanged. */
static void check_escape(const unsigned char *s, size_t n)
{
	static char esc[6 * TTY_LOG_ARGV_MAX + 1];
	static unsigned char back[TTY_LOG_ARGV_MAX];
	size_t len = json_escape(esc, sizeof(esc), s, n);

	CHECK(len != (size_t)-1 && len == strlen(esc));
	CHECK(unescape(esc, len, back) == (long)n && memcmp(back, s, n) == 0);
}

/* An event's members, as archive.c makes them: one whole JSON object. */
static void check_jline(const unsigned char *name, size_t name_n,
			const unsigned char *argv, size_t argv_n)
{
	static char buf[HOSTD_EVENT_MAX];
	struct jline j;

	jl_init(&j, buf, sizeof(buf));
	jl_open(&j, NULL);
	jl_str(&j, "tty", name, name_n);
	jl_argv(&j, "argv", argv, argv_n);
	jl_close(&j);
	CHECK(!j.overflow && json_object_ok(buf, j.len));
}

/* A file name for the session: "tty/", digits, safe bytes only, ".ttylog.gz". */
static void check_file_name(uint32_t id, const unsigned char *name, size_t n)
{
	char f[SESSION_FILE_MAX];
	size_t i, len;

	CHECK(session_file_name(f, sizeof(f), id, name, n, id % 128) == 0);
	len = strlen(f);
	CHECK(strncmp(f, "tty/", 4) == 0 && len > 14);
	CHECK(strcmp(f + len - 10, ".ttylog.gz") == 0);
	for (i = 4; i < len; i++)
		CHECK(strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._+-~",
			     f[i]));
}

static size_t model_find(const struct pass *p, uint32_t id)
{
	size_t i;

	for (i = 0; i < p->n_model; i++)
		if (p->model[i] == id)
			return i;
	return SIZE_MAX;
}

/* A record found session i of the model: it becomes the most recently active. */
static void model_touch(struct pass *p, size_t i)
{
	uint32_t id = p->model[i];

	memmove(p->model + i, p->model + i + 1, (p->n_model - i - 1) * sizeof(p->model[0]));
	p->model[p->n_model - 1] = id;
}

static void model_drop(struct pass *p, size_t i)
{
	memmove(p->model + i, p->model + i + 1, (p->n_model - i - 1) * sizeof(p->model[0]));
	p->n_model--;
}

/* Full: the least recently active goes, as the archive evicts it, and leaves a ghost. */
static void evict(struct pass *p)
{
	struct session *lru = session_lru(&p->t);
	struct session_ghost *g;
	uint32_t id;

	CHECK(lru && lru->id == p->model[0]);
	id = lru->id;
	session_remember(&p->t, lru);
	session_remove(&p->t, lru);
	model_drop(p, 0);
	g = session_ghost_find(&p->t, id);
	CHECK(g && g->id == id && g->name_len <= TTY_LOG_NAME_MAX);
}

/* A later record of an evicted session uses its ghost once. */
static void forget_ghost(struct pass *p, uint32_t id)
{
	struct session_ghost *g = session_ghost_find(&p->t, id);

	if (!g)
		return;
	session_ghost_forget(g);
	CHECK(!session_ghost_find(&p->t, id));
}

/* The session table agrees with the model: found iff open, in the same order of activity, and a new id always gets a slot. */
static void open_session(struct pass *p, uint32_t id, int resume)
{
	struct session *s;
	size_t i = model_find(p, id);

	if (id == 0 || session_find(&p->t, id)) {
		CHECK(id == 0 || i != SIZE_MAX);
		if (id)
			model_touch(p, i);
		return;
	}
	CHECK(i == SIZE_MAX);
	if (resume)
		forget_ghost(p, id);
	if (p->n_model == HOSTD_MAX_SESSIONS)
		evict(p);
	s = session_add(&p->t, id);
	CHECK(s && s->id == id && s->used);
	p->model[p->n_model++] = id;
	CHECK(p->t.n_open == p->n_model);
}

static void close_session(struct pass *p, uint32_t id)
{
	struct session *s = session_find(&p->t, id);
	size_t i = model_find(p, id);

	CHECK(!s == (i == SIZE_MAX));
	if (!s) {
		forget_ghost(p, id);
		return;
	}
	session_remove(&p->t, s);
	model_drop(p, i);
	CHECK(!session_find(&p->t, id) && p->t.n_open == p->n_model);
}

/* OPEN: the name lies in the payload and within its bound. */
static void on_open(struct pass *p, const struct wire_rec *r)
{
	struct wire_open o;
	char why[200];
	int d = wire_open_decode(r, &o, why, sizeof(why));

	CHECK(d == 0 || strlen(why) > 0);
	if (d < 0) {
		CHECK(r->len < TTY_LOG_OPEN_SIZE);
		return;
	}
	CHECK(o.name == r->payload + TTY_LOG_OPEN_SIZE && o.name_n <= TTY_LOG_NAME_MAX);
	CHECK(TTY_LOG_OPEN_SIZE + o.name_n <= r->len);
	CHECK(d == 1 || (o.name_n == o.name_len && TTY_LOG_OPEN_SIZE + o.name_n == r->len));
	check_escape(o.name, o.name_n);
	check_file_name(r->session, o.name, o.name_n);
	open_session(p, r->session, 0);
}

/* EXEC: filename and argv lie in the payload, one after the other, within their bounds. */
static void on_exec(const struct wire_rec *r)
{
	struct wire_exec e;
	char why[200];
	int d = wire_exec_decode(r, &e, why, sizeof(why));

	CHECK(d == 0 || strlen(why) > 0);
	if (d < 0) {
		CHECK(r->len < TTY_LOG_EXEC_SIZE);
		return;
	}
	CHECK(e.filename == r->payload + TTY_LOG_EXEC_SIZE && e.filename_n <= TTY_LOG_FILENAME_MAX);
	CHECK(e.argv == e.filename + e.filename_n && e.argv_n <= TTY_LOG_ARGV_MAX);
	CHECK(TTY_LOG_EXEC_SIZE + e.filename_n + e.argv_n <= r->len);
	CHECK(d == 1 || (e.filename_n == e.filename_len && e.argv_n == e.argv_len));
	check_escape(e.filename, e.filename_n);
	check_escape(e.argv, e.argv_n);
	check_jline(e.filename, e.filename_n, e.argv, e.argv_n);
}

static void on_loss(const struct wire_rec *r)
{
	struct wire_loss l;
	char why[200];
	int d = wire_loss_decode(r, &l, why, sizeof(why));

	CHECK(d == 0 || strlen(why) > 0);
	CHECK((d < 0) == (r->len < TTY_LOG_LOSS_SIZE));
	CHECK((d == 0) == (r->len == TTY_LOG_LOSS_SIZE));
}

static void on_record(void *ctx, const struct wire_rec *r)
{
	struct pass *p = ctx;
	uint64_t end = r->offset + TTY_LOG_HEADER_SIZE + r->len;

	CHECK(!p->damaged || p->resync_off == r->offset);
	CHECK(r->offset >= p->end && end <= p->size && r->len <= TTY_LOG_MAX_PAYLOAD);
	CHECK(memcmp(p->in + r->offset, "HNTL", 4) == 0);
	CHECK(r->payload && memcmp(r->payload, p->in + r->offset + TTY_LOG_HEADER_SIZE, r->len) == 0);
	p->damaged = 0;
	p->end = end;
	trace(p, &r->offset, sizeof(r->offset));
	trace(p, &r->len, sizeof(r->len));
	switch (r->type) {
	case TTY_LOG_OPEN: on_open(p, r); break;
	case TTY_LOG_CLOSE: close_session(p, r->session); break;
	case TTY_LOG_DATA: open_session(p, r->session, 1); break;
	case TTY_LOG_EXEC: on_exec(r); break;
	case TTY_LOG_LOSS: on_loss(r); break;
	}
}

static void on_error(void *ctx, uint64_t offset, const char *what)
{
	struct pass *p = ctx;

	CHECK(!p->damaged && offset >= p->end && offset < p->size);
	CHECK(what && what[0]);
	p->damaged = 1;
	p->damage_off = offset;
	p->resync_off = UINT64_MAX;
	trace(p, &offset, sizeof(offset));
	trace(p, what, strlen(what));
}

static void on_resync(void *ctx, uint64_t offset, uint64_t skipped)
{
	struct pass *p = ctx;

	CHECK(p->damaged && p->resync_off == UINT64_MAX);
	CHECK(offset > p->damage_off && skipped == offset - p->damage_off);
	p->resync_off = offset;
	trace(p, &offset, sizeof(offset));
}

/* Feeds the stream in chunks the mode picks; returns the trace. */
static uint32_t run(const uint8_t *in, size_t size, unsigned int mode, uint32_t rng)
{
	static struct wire_parser w;
	static struct pass p;
	struct wire_sink sink = { on_record, on_error, on_resync, &p };
	size_t off = 0, k;

	memset(&p, 0, sizeof(p));
	p.in = in;
	p.size = size;
	p.resync_off = UINT64_MAX;
	session_table_init(&p.t);
	wire_init(&w, &sink);
	while (off < size) {
		k = next_chunk(&rng, mode, size - off);
		wire_feed(&w, in + off, k);
		off += k;
		CHECK(wire_offset(&w) == off);
	}
	wire_end(&w);
	CHECK(wire_offset(&w) == size);
	return p.trace;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned int mode;
	uint32_t whole;

	if (size == 0)
		return 0;
	mode = data[0] & 7;
	whole = run(data + 1, size - 1, 0, 0);
	if (mode != 0)
		CHECK(run(data + 1, size - 1, mode, chunk_seed(data[0])) == whole);
	return 0;
}
