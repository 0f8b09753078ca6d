/* SPDX-License-Identifier: GPL-2.0 */
/* events.jsonl: one JSON object a line, built with escaping that survives hostile bytes. */
#ifndef EVENTS_H
#define EVENTS_H

#include <stddef.h>
#include <stdint.h>

#include "hostd.h"

/*
 * A JSON text built into a caller's buffer. Keys are trusted literals;
 * string values are escaped. Text that would not fit sets overflow.
 */
struct jline {
	char *buf;
	size_t cap;
	size_t len;
	int overflow;
	int comma;	/* the next member needs a comma before it */
};

void jl_init(struct jline *j, char *buf, size_t cap);
void jl_open(struct jline *j, const char *key);	/* key NULL: the top object */
void jl_close(struct jline *j);
void jl_str(struct jline *j, const char *key, const void *s, size_t n);
void jl_cstr(struct jline *j, const char *key, const char *s);	/* NULL: null */
void jl_u64(struct jline *j, const char *key, uint64_t v);
void jl_i64(struct jline *j, const char *key, int64_t v);
void jl_null(struct jline *j, const char *key);
void jl_bool(struct jline *j, const char *key, int v);
void jl_secs(struct jline *j, const char *key, int64_t ns);	/* 1.234567 */
void jl_ts(struct jline *j, const char *key, uint64_t ns);	/* RFC 3339 */
/* A JSON array of the NUL-separated strings in p (a last one may lack its NUL). */
void jl_argv(struct jline *j, const char *key, const unsigned char *p, size_t n);

/* A JSON array of n C strings. */
void jl_strv(struct jline *j, const char *key, char *const *v, int n);

/*
 * Escapes n bytes as the inside of a JSON string by common/json_str.h's
 * policy with neither knob: '"' and '\' get a backslash; control bytes and
 * DEL become \u00XX; valid UTF-8 passes through; every byte that is not
 * part of valid UTF-8 becomes \u00XX of its value. Returns the length
 * (NUL-terminated), or (size_t)-1 if cap was too small.
 */
size_t json_escape(char *out, size_t cap, const void *s, size_t n);

/* The events file: whole lines, written as they are made, errors kept. */
struct events {
	int fd;
	int failed;		/* a write failed; err says why */
	int err;
	uint64_t lines;
	char *pend;		/* bytes not yet written */
	size_t pend_len, pend_cap;
	struct jline j;
	uint64_t ns;		/* of the line being built */
	char type[32];
	char buf[HOSTD_EVENT_MAX];
};

/* Creates dir/events.jsonl (refuses an existing one); returns 0 or -1 with errno. */
int events_open(struct events *e, int dirfd);

/* Starts a line {"ts":...,"type":...; add members to the returned jline. */
struct jline *events_begin(struct events *e, uint64_t ns, const char *type);

/* Ends the line and writes it (and anything pending). Returns 0 or -1 (failed set). */
int events_emit(struct events *e);

/* Retries pending bytes; 0 when nothing is left pending. */
int events_flush(struct events *e);

/* Flushes, fsyncs and closes; returns 0 or -1 with errno. */
int events_close(struct events *e);

#endif
