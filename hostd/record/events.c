// SPDX-License-Identifier: GPL-2.0
/* events.jsonl: one JSON object a line, built with escaping that survives hostile bytes. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clock.h"
#include "events.h"
#include "json_str.h"
#include "write_all.h"

void jl_init(struct jline *j, char *buf, size_t cap)
{
	j->buf = buf;
	j->cap = cap;
	j->len = 0;
	j->overflow = 0;
	j->comma = 0;
	if (cap)
		buf[0] = '\0';
}

/* Appends n bytes, keeping room for a NUL; sets overflow instead of cutting. */
static void put(struct jline *j, const char *s, size_t n)
{
	if (j->overflow || n >= j->cap - j->len) {
		j->overflow = 1;
		return;
	}
	memcpy(j->buf + j->len, s, n);
	j->len += n;
	j->buf[j->len] = '\0';
}

static void puts_(struct jline *j, const char *s)
{
	put(j, s, strlen(s));
}

static void put_cb(void *ctx, const char *s, size_t n)
{
	put(ctx, s, n);
}

/* common/json_str.h's policy with neither knob: every byte value stays visible. */
static void put_escaped(struct jline *j, const unsigned char *s, size_t n)
{
	json_str(s, n, 0, put_cb, j, NULL);
}

size_t json_escape(char *out, size_t cap, const void *s, size_t n)
{
	struct jline j;

	jl_init(&j, out, cap);
	if (!cap)
		return (size_t)-1;
	put_escaped(&j, s, n);
	return j.overflow ? (size_t)-1 : j.len;
}

static void key(struct jline *j, const char *k)
{
	if (j->comma)
		put(j, ",", 1);
	j->comma = 1;
	if (k) {
		put(j, "\"", 1);
		puts_(j, k);
		put(j, "\":", 2);
	}
}

void jl_open(struct jline *j, const char *k)
{
	if (k)
		key(j, k);
	put(j, "{", 1);
	j->comma = 0;
}

void jl_close(struct jline *j)
{
	put(j, "}", 1);
	j->comma = 1;
}

void jl_str(struct jline *j, const char *k, const void *s, size_t n)
{
	key(j, k);
	put(j, "\"", 1);
	put_escaped(j, s, n);
	put(j, "\"", 1);
}

void jl_cstr(struct jline *j, const char *k, const char *s)
{
	if (s)
		jl_str(j, k, s, strlen(s));
	else
		jl_null(j, k);
}

void jl_u64(struct jline *j, const char *k, uint64_t v)
{
	char n[24];

	key(j, k);
	put(j, n, (size_t)snprintf(n, sizeof(n), "%" PRIu64, v));
}

void jl_i64(struct jline *j, const char *k, int64_t v)
{
	char n[24];

	key(j, k);
	put(j, n, (size_t)snprintf(n, sizeof(n), "%" PRId64, v));
}

void jl_null(struct jline *j, const char *k)
{
	key(j, k);
	put(j, "null", 4);
}

void jl_bool(struct jline *j, const char *k, int v)
{
	key(j, k);
	puts_(j, v ? "true" : "false");
}

void jl_secs(struct jline *j, const char *k, int64_t ns)
{
	uint64_t a = ns < 0 ? (uint64_t)0 - (uint64_t)ns : (uint64_t)ns;
	char n[32];

	key(j, k);
	put(j, n, (size_t)snprintf(n, sizeof(n), "%s%" PRIu64 ".%06" PRIu64,
				   ns < 0 ? "-" : "", (uint64_t)(a / 1000000000U),
				   (uint64_t)(a % 1000000000U / 1000)));
}

void jl_ts(struct jline *j, const char *k, uint64_t ns)
{
	char ts[TS_LEN];

	ts_format(ts, ns);
	jl_cstr(j, k, ts);
}

void jl_argv(struct jline *j, const char *k, const unsigned char *p, size_t n)
{
	const unsigned char *end = p + n, *nul;

	key(j, k);
	put(j, "[", 1);
	while (p < end) {
		nul = memchr(p, '\0', (size_t)(end - p));
		if (!nul)
			nul = end;
		if (j->len && j->buf[j->len - 1] != '[')
			put(j, ",", 1);
		put(j, "\"", 1);
		put_escaped(j, p, (size_t)(nul - p));
		put(j, "\"", 1);
		p = nul + (nul < end);
	}
	put(j, "]", 1);
}

void jl_strv(struct jline *j, const char *k, char *const *v, int n)
{
	int i;

	key(j, k);
	put(j, "[", 1);
	for (i = 0; i < n; i++) {
		if (i)
			put(j, ",", 1);
		put(j, "\"", 1);
		put_escaped(j, (const unsigned char *)v[i], strlen(v[i]));
		put(j, "\"", 1);
	}
	put(j, "]", 1);
}

int events_open(struct events *e, int dirfd)
{
	e->failed = 0;
	e->err = 0;
	e->lines = 0;
	e->pend_len = 0;
	e->pend_cap = 2 * HOSTD_EVENT_MAX;
	e->pend = malloc(e->pend_cap);
	if (!e->pend)
		return -1;
	e->fd = openat(dirfd, "events.jsonl",
		       O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0640);
	if (e->fd < 0) {
		free(e->pend);
		e->pend = NULL;
		return -1;
	}
	return 0;
}

struct jline *events_begin(struct events *e, uint64_t ns, const char *type)
{
	e->ns = ns;
	snprintf(e->type, sizeof(e->type), "%s", type);
	jl_init(&e->j, e->buf, sizeof(e->buf));
	jl_open(&e->j, NULL);
	jl_ts(&e->j, "ts", ns);
	jl_cstr(&e->j, "type", type);
	return &e->j;
}

int events_flush(struct events *e)
{
	size_t done;
	int r = write_all(e->fd, e->pend, e->pend_len, &done);

	memmove(e->pend, e->pend + done, e->pend_len - done);
	e->pend_len -= done;
	if (r < 0 && !e->failed) {
		e->failed = 1;
		e->err = errno;
	}
	return r;
}

/* Makes room for n more pending bytes, up to HOSTD_PENDING_MAX. */
static int grow(struct events *e, size_t n)
{
	size_t cap = e->pend_cap;
	char *p;

	while (cap - e->pend_len < n && cap < HOSTD_PENDING_MAX)
		cap *= 2;
	if (cap > HOSTD_PENDING_MAX)
		cap = HOSTD_PENDING_MAX;
	if (cap - e->pend_len < n) {
		e->failed = 1;	/* the disk has refused megabytes: this line is lost */
		if (!e->err)
			e->err = ENOSPC;
		return -1;
	}
	p = realloc(e->pend, cap);
	if (!p) {
		e->failed = 1;
		e->err = ENOMEM;
		return -1;
	}
	e->pend = p;
	e->pend_cap = cap;
	return 0;
}

/* A line too long for the buffer is replaced by one that says so. */
static void replace_overflow(struct events *e)
{
	char type[sizeof(e->type)];

	memcpy(type, e->type, sizeof(type));
	events_begin(e, e->ns, "hostd.error");
	jl_cstr(&e->j, "what", "event too long for one line; dropped");
	jl_cstr(&e->j, "event", type);
}

int events_emit(struct events *e)
{
	jl_close(&e->j);
	if (e->j.overflow) {
		replace_overflow(e);
		jl_close(&e->j);
	}
	put(&e->j, "\n", 1);
	if (e->j.len > e->pend_cap - e->pend_len && grow(e, e->j.len) < 0)
		return -1;
	memcpy(e->pend + e->pend_len, e->j.buf, e->j.len);
	e->pend_len += e->j.len;
	e->lines++;
	return events_flush(e);
}

int events_close(struct events *e)
{
	int r = 0, err = 0;

	if (e->fd < 0)
		return 0;
	if (e->pend_len && events_flush(e) < 0) {
		r = -1;
		err = errno;
	}
	if (fsync(e->fd) < 0 && !r) {
		r = -1;
		err = errno;
	}
	if (close(e->fd) < 0 && !r) {
		r = -1;
		err = errno;
	}
	e->fd = -1;
	free(e->pend);
	e->pend = NULL;
	errno = err;
	return r;
}
