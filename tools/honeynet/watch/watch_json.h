/* SPDX-License-Identifier: GPL-2.0 */
/* A bounded reader of one flat JSON object (an events.jsonl line), for display only. */
#ifndef WATCH_JSON_H
#define WATCH_JSON_H

#include <stddef.h>
#include <stdint.h>

/* More members than hostd writes in any event (capture.stats: 15). */
#define WJ_MAX_MEMBERS 32
/* Nesting a skipped value may have (net.unlogged's counts: 1). */
#define WJ_MAX_DEPTH 8

enum wj_kind {
	WJ_STR,		/* val: the text between the quotes, escapes not decoded */
	WJ_NUM,		/* val: the number's text */
	WJ_TRUE,
	WJ_FALSE,
	WJ_NULL,
	WJ_STRV,	/* an array of strings; val: from '[' to ']' */
	WJ_OTHER,	/* an object or another array: well formed, not read */
};

/* Spans point into the line parsed; nothing is copied. */
struct wj_member {
	const char *key;	/* between the quotes, escapes not decoded */
	size_t key_n;
	enum wj_kind kind;
	const char *val;
	size_t val_n;
};

struct wj_object {
	struct wj_member m[WJ_MAX_MEMBERS];
	size_t n;
};

/*
 * Reads s[0..n) as one JSON object, spaces around it allowed. Never reads
 * past s + n and needs no NUL. Returns 0, or -1 if the text is not one
 * object, a value is malformed, nesting is deeper than WJ_MAX_DEPTH or
 * there are more than WJ_MAX_MEMBERS members.
 */
int wj_parse(const char *s, size_t n, struct wj_object *o);

/* The first member named key (a key written with escapes never matches); NULL if none. */
const struct wj_member *wj_get(const struct wj_object *o, const char *key);

/* The member as an unsigned integer: 0, or -1 if absent, not a number, not whole or too big. */
int wj_u64(const struct wj_object *o, const char *key, uint64_t *v);

/* The member's string span; NULL if absent or not a string. */
const struct wj_member *wj_str(const struct wj_object *o, const char *key);

/*
 * Walks the strings of a WJ_STRV member: *pos starts at 0; each call sets
 * *s, *n to the next string's escaped text and returns 1, then 0 at the end.
 */
int wj_strv_next(const struct wj_member *m, size_t *pos, const char **s, size_t *n);

/*
 * Decodes the next character of a string's escaped text t[0..n) at *i:
 * returns its code point (a \uXXXX escape's value, or one raw byte, so a
 * raw UTF-8 character comes as its bytes) and advances *i. The text came
 * through wj_parse, so every escape in it is complete.
 */
uint32_t wj_str_next(const char *t, size_t n, size_t *i);

#endif
