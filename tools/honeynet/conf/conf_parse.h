/* SPDX-License-Identifier: GPL-2.0 */
/* The `setting = value` line format of honeywall.conf and honeynet.conf: lines, sections, settings, messages. */
#ifndef CONF_PARSE_H
#define CONF_PARSE_H

#include <stddef.h>

/* Bounds: a config is read whole into memory, a line into a fixed buffer. */
#define CONF_LINE_MAX 256
#define CONF_FILE_MAX 65536

/* Where a message points: file and line, and the section being read. */
struct conf_parse {
	const char *file;	/* messages start "FILE:LINE: "; NULL: "line LINE: " */
	unsigned int line;	/* 0: the file as a whole */
	const char *section;	/* "honeypot web" inside one, named after the line */
	char *err;
	size_t errlen;
};

/* One setting a section (or the global part) accepts. */
struct conf_key {
	const char *name;
	int (*set)(void *ctx, const char *key, const char *value);
	int repeatable;
};

/* Writes the message, prefixed with where it points, to p->err; returns -1. */
int conf_fail(struct conf_parse *p, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/*
 * Each line of text that is not blank or a comment (`#` to the line's end)
 * goes to fn with p->line set: `key = value` trimmed of blanks, or a
 * `[header]` as its inside with value NULL. Stops at fn's first non-zero
 * result and returns it; refuses lines of CONF_LINE_MAX bytes or more.
 */
int conf_parse_text(struct conf_parse *p, const char *text,
		    int (*fn)(struct conf_parse *p, void *ctx, char *key, char *value),
		    void *ctx);

/*
 * Calls the set() of key's entry in keys[0..n) with ctx. lines[i] is the
 * line keys[i] was last set on (0: never): a second setting of a key that
 * is not repeatable is refused, naming the first. Returns set()'s result,
 * or 1 with nothing done when no entry is key.
 */
int conf_set(struct conf_parse *p, const struct conf_key *keys, size_t n,
	     unsigned int *lines, void *ctx, const char *key, const char *value);

/* Index of name in keys[0..n), or n. */
size_t conf_key_index(const struct conf_key *keys, size_t n, const char *name);

/*
 * Reads path whole (at most CONF_FILE_MAX bytes, no NUL byte) into a new
 * NUL-terminated *text the caller frees. -1 with "PATH: why" in err if not.
 */
int conf_read_file(const char *path, char **text, char *err, size_t errlen);

#endif
