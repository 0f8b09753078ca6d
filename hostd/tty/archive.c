// SPDX-License-Identifier: GPL-2.0
/* The TTY archive: turns checked stream records into tty files and events in the run's record, and keeps the counts. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "archive.h"
#include "clock.h"
#include "report.h"
#include "wire_payload.h"

/* A file of the archive could not be written. */
static void fail(struct archive *a, const char *path, int err)
{
	record_fail_file(a->rec, "archive", path, err);
}

/* A stream.error about one record that made no sense. */
static void rec_error(struct archive *a, const struct wire_rec *r,
		      const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void rec_error(struct archive *a, const struct wire_rec *r,
		      const char *fmt, ...)
{
	struct jline *j = record_event_at(a->rec, r->time_ns, "stream.error");
	char what[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	a->c.stream_errors++;
	jl_u64(j, "offset", r->offset);
	jl_u64(j, "session", r->session);
	jl_cstr(j, "what", what);
	record_emit(a->rec);
}

static void on_error(void *ctx, uint64_t offset, const char *what)
{
	struct archive *a = ctx;
	struct jline *j = record_event(a->rec, "stream.error");

	a->c.stream_errors++;
	jl_u64(j, "offset", offset);
	jl_cstr(j, "what", what);
	record_emit(a->rec);
}

static void on_resync(void *ctx, uint64_t offset, uint64_t skipped)
{
	struct archive *a = ctx;
	struct jline *j = record_event(a->rec, "stream.resync");

	jl_u64(j, "offset", offset);
	jl_u64(j, "skipped", skipped);
	record_emit(a->rec);
}

static struct ttylog_rec tty_rec(const struct wire_rec *r, uint32_t op,
				 uint32_t dir, uint32_t len)
{
	struct ttylog_rec t = {
		.op = op, .tty = r->session, .len = len, .dir = dir,
		.sec = (uint32_t)(r->time_ns / 1000000000ULL),
		.usec = (uint32_t)(r->time_ns % 1000000000ULL / 1000),
	};
	return t;
}

static void check_tty(struct archive *a, struct session *s, int r)
{
	if (r < 0)
		fail(a, s->file, errno);
}

/* Creates the session's file, trying "~N" names for a reused id. */
static int create_file(struct archive *a, struct session *s, const struct wire_rec *r)
{
	unsigned int n;

	for (n = 0; n < HOSTD_NAME_COLLISIONS; n++) {
		session_file_name(s->file, sizeof(s->file), s->id, s->name,
				  s->name_len, n);
		if (ttyfile_open(&s->tf, record_dirfd(a->rec), s->file) == 0)
			return 0;
		if (errno != EEXIST) {
			fail(a, s->file, errno);
			return -1;
		}
	}
	rec_error(a, r, "session %u: %d files of that id exist already; session not recorded",
		  r->session, HOSTD_NAME_COLLISIONS);
	return -1;
}

static void close_session(struct archive *a, struct session *s, uint64_t ns,
			  const char *reason);

/*
 * The table is full: the session least recently active makes room, so
 * sessions held open (hundreds of idle ptys) can never keep a new one from
 * being recorded. Its file is finished and complete (tty.close, reason
 * "evicted"); a later record of it resumes it in a new file of the same
 * name with "~N" (tty.open, resumed). Safe against a hostile stream: the
 * table and the ghost ring are fixed arrays, and a record of any id, open,
 * evicted or never seen, lands in one of the cases here; a subverted
 * kernel can choose whom to evict, but it could already choose what to send.
 */
static void evict(struct archive *a, struct session *s, const struct wire_rec *r)
{
	struct jline *j = record_event_at(a->rec, r->time_ns, "tty.evicted");

	jl_u64(j, "session", s->id);
	jl_str(j, "tty", s->name, s->name_len);
	jl_secs(j, "age", (int64_t)(r->time_ns - s->open_ns));
	jl_u64(j, "for", r->session);
	record_emit(a->rec);
	a->c.evictions++;
	session_remember(&a->sessions, s);
	close_session(a, s, r->time_ns, "evicted");
}

/* A slot for a new session, evicting one if the table is full. */
static struct session *new_session(struct archive *a, const struct wire_rec *r)
{
	struct session *s = session_add(&a->sessions, r->session);

	if (!s) {
		evict(a, session_lru(&a->sessions), r);
		s = session_add(&a->sessions, r->session);
	}
	return s;
}

/* how: NULL for an OPEN record, else the tty.open member saying why not ("implicit", "resumed"). */
static struct session *open_session(struct archive *a, const struct wire_rec *r,
				    const struct wire_open *o, const char *how)
{
	struct session *s = new_session(a, r);
	struct ttylog_rec t = tty_rec(r, TTYLOG_OP_OPEN, 0, 0);
	struct jline *j;

	if (!s)
		return NULL;
	s->parent = o->parent;
	s->major = o->major;
	s->minor = o->minor;
	s->name_len = o->name_n;
	memcpy(s->name, o->name, o->name_n);
	s->open_ns = r->time_ns;
	if (create_file(a, s, r) < 0) {
		session_remove(&a->sessions, s);
		a->c.dropped_records++;
		return NULL;
	}
	a->c.sessions++;
	check_tty(a, s, ttyfile_put(&s->tf, &t, NULL));
	check_tty(a, s, ttyfile_flush(&s->tf));
	j = record_event_at(a->rec, r->time_ns, "tty.open");
	jl_u64(j, "session", s->id);
	jl_str(j, "tty", s->name, s->name_len);
	if (o->parent)
		jl_u64(j, "parent", o->parent);
	else
		jl_null(j, "parent");
	jl_u64(j, "major", o->major);
	jl_u64(j, "minor", o->minor);
	jl_cstr(j, "file", s->file);
	if (how)
		jl_bool(j, how, 1);
	record_emit(a->rec);
	return s;
}

/* A record of an evicted session: it goes on in a new file, under its own name. */
static struct session *resume_session(struct archive *a, const struct wire_rec *r,
				      struct session_ghost *g)
{
	struct session_ghost copy = *g;	/* evicting for it may reuse g's slot */
	struct wire_open o = {
		.parent = copy.parent, .major = copy.major, .minor = copy.minor,
		.name = copy.name, .name_n = copy.name_len,
	};

	session_ghost_forget(g);
	return open_session(a, r, &o, "resumed");
}

static void close_session(struct archive *a, struct session *s, uint64_t ns,
			  const char *reason)
{
	struct wire_rec r = { .session = s->id, .time_ns = ns };
	struct ttylog_rec t = tty_rec(&r, TTYLOG_OP_CLOSE, 0, 0);
	char hex[SHA256_HEX];
	struct jline *j;

	check_tty(a, s, ttyfile_put(&s->tf, &t, NULL));
	check_tty(a, s, ttyfile_close(&s->tf, hex));
	j = record_event_at(a->rec, ns, "tty.close");
	jl_u64(j, "session", s->id);
	jl_str(j, "tty", s->name, s->name_len);
	jl_secs(j, "duration", (int64_t)(ns - s->open_ns));
	jl_u64(j, "bytes_in", s->bytes_in);
	jl_u64(j, "bytes_out", s->bytes_out);
	jl_cstr(j, "file", s->file);
	jl_cstr(j, "sha256", hex[0] ? hex : NULL);
	jl_cstr(j, "reason", reason);
	record_emit(a->rec);
	session_remove(&a->sessions, s);
}

static void do_open(struct archive *a, const struct wire_rec *r)
{
	struct wire_open o;
	char why[200];
	int d = wire_open_decode(r, &o, why, sizeof(why));

	if (d)
		rec_error(a, r, "%s", why);
	if (d < 0)
		return;
	if (r->session == 0) {
		rec_error(a, r, "OPEN for session 0, which means no session; ignored");
		return;
	}
	if (session_find(&a->sessions, r->session)) {
		rec_error(a, r, "duplicate OPEN for session %u, which is open; ignored",
			  r->session);
		return;
	}
	open_session(a, r, &o, NULL);
}

static void do_close(struct archive *a, const struct wire_rec *r)
{
	struct session *s = session_find(&a->sessions, r->session);
	struct session_ghost *g = s ? NULL : session_ghost_find(&a->sessions, r->session);

	if (g) {
		/* An evicted session ended: its file was finished then. */
		session_ghost_forget(g);
		return;
	}
	if (!s) {
		rec_error(a, r, "CLOSE for session %u, which is not open; ignored",
			  r->session);
		return;
	}
	close_session(a, s, r->time_ns, "close");
}

static void do_data(struct archive *a, const struct wire_rec *r)
{
	struct session *s = session_find(&a->sessions, r->session);
	struct wire_open none = { .name = (const unsigned char *)"" };
	struct session_ghost *g;
	struct ttylog_rec t;

	if (r->dir != TTY_LOG_DIR_INPUT && r->dir != TTY_LOG_DIR_OUTPUT) {
		rec_error(a, r, "DATA direction: expected 1 or 2, found %u; dropped",
			  r->dir);
		return;
	}
	if (!s && r->session == 0) {
		rec_error(a, r, "DATA for session 0, which means no session; dropped");
		return;
	}
	if (!s && (g = session_ghost_find(&a->sessions, r->session)) != NULL) {
		s = resume_session(a, r, g);
	} else if (!s) {
		/* The OPEN was lost (damage, loss): keep the data anyway. */
		rec_error(a, r, "DATA for session %u, which is not open; recording it as an unnamed session",
			  r->session);
		s = open_session(a, r, &none, "implicit");
	}
	if (!s)
		return;
	if (r->dir == TTY_LOG_DIR_INPUT)
		s->bytes_in += r->len;
	else
		s->bytes_out += r->len;
	t = tty_rec(r, TTYLOG_OP_WRITE, r->dir == TTY_LOG_DIR_INPUT ?
		    TTYLOG_DIR_READ : TTYLOG_DIR_WRITE, r->len);
	check_tty(a, s, ttyfile_put(&s->tf, &t, r->payload));
}

static void do_hangup(struct archive *a, const struct wire_rec *r)
{
	struct session *s = session_find(&a->sessions, r->session);
	struct jline *j;

	if (!s && session_ghost_find(&a->sessions, r->session))
		return;	/* an evicted session's: nothing open to flush */
	if (!s) {
		rec_error(a, r, "HANGUP for session %u, which is not open; ignored",
			  r->session);
		return;
	}
	check_tty(a, s, ttyfile_flush(&s->tf));
	j = record_event_at(a->rec, r->time_ns, "tty.hangup");
	jl_u64(j, "session", s->id);
	jl_str(j, "tty", s->name, s->name_len);
	record_emit(a->rec);
}

static void do_exec(struct archive *a, const struct wire_rec *r)
{
	struct wire_exec e;
	char why[200];
	int d = wire_exec_decode(r, &e, why, sizeof(why));
	struct jline *j;
	size_t fn;

	if (d)
		rec_error(a, r, "%s", why);
	if (d < 0)
		return;
	a->c.execs++;
	fn = e.filename_n;
	if (fn && e.filename[fn - 1] == '\0')
		fn--;		/* a terminating NUL is not part of the name */
	j = record_event_at(a->rec, r->time_ns, "exec");
	if (r->session)
		jl_u64(j, "session", r->session);
	else
		jl_null(j, "session");
	jl_u64(j, "pid", e.pid);
	jl_u64(j, "ppid", e.ppid);
	jl_u64(j, "uid", e.uid);
	jl_u64(j, "euid", e.euid);
	jl_str(j, "filename", e.filename, fn);
	jl_argv(j, "argv", e.argv, e.argv_n);
	jl_u64(j, "argc", e.argc);
	jl_bool(j, "truncated", e.truncated || d > 0);
	record_emit(a->rec);
}

static void do_loss(struct archive *a, const struct wire_rec *r)
{
	struct wire_loss l;
	char why[200];
	int d = wire_loss_decode(r, &l, why, sizeof(why));
	struct jline *j;

	if (d)
		rec_error(a, r, "%s", why);
	if (d < 0)
		return;
	a->c.losses++;
	a->c.lost_records += l.records;
	a->c.lost_bytes += l.bytes;
	j = record_event_at(a->rec, r->time_ns, "stream.loss");
	jl_u64(j, "records", l.records);
	jl_u64(j, "bytes", l.bytes);
	record_emit(a->rec);
}

static void on_record(void *ctx, const struct wire_rec *r)
{
	struct archive *a = ctx;

	a->c.records++;
	switch (r->type) {
	case TTY_LOG_OPEN: do_open(a, r); break;
	case TTY_LOG_CLOSE: do_close(a, r); break;
	case TTY_LOG_DATA: do_data(a, r); break;
	case TTY_LOG_EXEC: do_exec(a, r); break;
	case TTY_LOG_HANGUP: do_hangup(a, r); break;
	case TTY_LOG_LOSS: do_loss(a, r); break;
	default:
		rec_error(a, r, "record type: expected 1..6, found %u; skipped",
			  r->type);
	}
}

struct archive *archive_open(struct record *rec, unsigned int flush_ms)
{
	struct archive *a = calloc(1, sizeof(*a));
	struct wire_sink sink = { on_record, on_error, on_resync, NULL };
	int fd;

	if (!a) {
		report("%s: %s; cannot start", record_path(rec), strerror(errno));
		return NULL;
	}
	fd = record_subdir(rec, "tty");
	if (fd < 0) {
		report("%s/tty: %s; cannot create the tty directory", record_path(rec),
		       strerror(errno));
		free(a);
		return NULL;
	}
	close(fd);	/* the files are made as tty/NAME in the run directory: events name them so */
	a->rec = rec;
	session_table_init(&a->sessions);
	a->flush_ms = flush_ms;
	a->last_flush_ms = mono_ms();
	sink.ctx = a;
	wire_init(&a->wp, &sink);
	return a;
}

void archive_feed(struct archive *a, const void *buf, size_t n)
{
	wire_feed(&a->wp, buf, n);
	a->c.bytes = wire_offset(&a->wp);
}

void archive_end_stream(struct archive *a)
{
	if (a->ended)
		return;
	a->ended = 1;
	wire_end(&a->wp);
	a->c.bytes = wire_offset(&a->wp);
}

static void flush_all(struct archive *a)
{
	size_t i;
	struct session *s;

	for (i = 0; i < HOSTD_MAX_SESSIONS; i++) {
		s = &a->sessions.s[i];
		if (s->used)
			check_tty(a, s, ttyfile_flush(&s->tf));
	}
	record_flush(a->rec);
}

void archive_tick(struct archive *a, uint64_t mono_now_ms)
{
	if (mono_now_ms - a->last_flush_ms < a->flush_ms)
		return;
	a->last_flush_ms = mono_now_ms;
	flush_all(a);
}

uint64_t archive_timeout_ms(const struct archive *a, uint64_t mono_now_ms)
{
	uint64_t due = a->last_flush_ms + a->flush_ms;

	return due > mono_now_ms ? due - mono_now_ms : 0;
}

int archive_close(struct archive *a, const char *reason)
{
	uint64_t ns = now_ns();
	size_t i;

	archive_end_stream(a);
	for (i = 0; i < HOSTD_MAX_SESSIONS; i++)
		if (a->sessions.s[i].used)
			close_session(a, &a->sessions.s[i], ns, reason);
	return record_failed(a->rec) ? -1 : 0;
}
