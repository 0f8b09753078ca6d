/* SPDX-License-Identifier: GPL-2.0 */
/* The /proc persona: a host directory tree that masks the guest's /proc. */
#ifndef PERSONA_H
#define PERSONA_H

/*
 * One text for three builds: the UML kernel side (filter only), the UML
 * host side (load and parse, libc) and honeynet's tools and tests. The
 * kernel build copies this file and persona_*.c into arch/um
 * (patches/shared).
 */
#if defined(__KERNEL__) && !defined(__UM_HOST__)
#include <linux/types.h>
#else
#include <stddef.h>
#endif

/*
 * A persona mirrors /proc. A file's path, less its suffix, is the entry it
 * masks; a path component "*" stands for any pid (and for pid/task/tid,
 * so one pattern covers threads). By suffix:
 *   NAME          its content replaces the entry (which need not exist);
 *   NAME.remove   (empty) the entry is gone from lookup and listing;
 *   NAME.filter   rules applied to the live content, a rule a line:
 *     delete "TEXT"          drop each record that contains TEXT
 *     delete-prefix "TEXT"   drop each record that starts with TEXT
 *     replace "OLD" "NEW"    replace each OLD in a record with NEW
 *     append "TEXT"          add the record TEXT at the end
 *     separator nul          records end in NUL, not newline
 *   Blank lines and lines starting with '#' are ignored. Strings take
 *   \n \t \0 \xHH \\ and \" escapes.
 */
#define PERSONA_PATH_MAX	128	/* a pattern, without its NUL */
#define PERSONA_DEPTH_MAX	8	/* components in a pattern */
#define PERSONA_FILE_MAX	65536	/* bytes in one persona file */
#define PERSONA_ENTRIES_MAX	256
#define PERSONA_RULES_MAX	32	/* rules in one filter */
#define PERSONA_TEXT_MAX	256	/* bytes in one rule string */
#define PERSONA_MSG_MAX		160

enum persona_kind {
	PERSONA_REPLACE = 1,
	PERSONA_REMOVE,
	PERSONA_FILTER,
};

enum persona_op {
	PERSONA_OP_DELETE = 1,
	PERSONA_OP_DELETE_PREFIX,
	PERSONA_OP_REPLACE,
	PERSONA_OP_APPEND,
};

struct persona_rule {
	enum persona_op op;
	unsigned int alen;
	unsigned int blen;
	char a[PERSONA_TEXT_MAX];
	char b[PERSONA_TEXT_MAX];
};

struct persona_filter {
	char sep;			/* '\n', or '\0' after "separator nul" */
	unsigned int nrules;
	struct persona_rule rule[PERSONA_RULES_MAX];
};

struct persona_entry {
	char path[PERSONA_PATH_MAX + 1];	/* e.g. "cpuinfo", "*\/maps" */
	enum persona_kind kind;
	const char *data;		/* PERSONA_REPLACE: the content */
	size_t len;
	const struct persona_filter *filter;	/* PERSONA_FILTER */
};

struct persona {
	unsigned int nentries;
	struct persona_entry entry[PERSONA_ENTRIES_MAX];
};

struct persona_error {
	char file[PERSONA_PATH_MAX + 32];	/* relative to the persona */
	unsigned int line;			/* 0: the file as a whole */
	char msg[PERSONA_MSG_MAX];
};

/*
 * Turns a path under /proc ("1234/task/1240/maps", no leading '/') into the
 * pattern that masks it ("*\/maps"): a numeric component becomes "*", and
 * "*\/task/N" folds into "*". Returns 0, or -1 if the result is too long.
 */
int persona_normalize(const char *procpath, size_t len,
		      char out[PERSONA_PATH_MAX + 1]);

/* The entry whose pattern is path exactly, or NULL. */
const struct persona_entry *persona_find(const struct persona *p,
					 const char *path);

/*
 * Applies f to in[0..inlen). Writes at most cap bytes of the result to out
 * (out may be NULL when cap is 0) and returns the result's whole length, so
 * a caller sizes its buffer with a first call. Never fails.
 */
size_t persona_filter_apply(const struct persona_filter *f, const char *in,
			    size_t inlen, char *out, size_t cap);

#if !defined(__KERNEL__) || defined(__UM_HOST__)
/*
 * Parses one filter file's text. Returns 0, or -1 with err->line and
 * err->msg set (err->file is the caller's to fill).
 */
int persona_parse_filter(const char *text, size_t len,
			 struct persona_filter *f, struct persona_error *err);

/*
 * Turns a persona file's path (relative, '/'-separated, suffix included)
 * into its pattern and kind. Returns 0, or -1 with err->msg set.
 */
int persona_parse_name(const char *relpath, char pattern[PERSONA_PATH_MAX + 1],
		       enum persona_kind *kind, struct persona_error *err);

/*
 * Reads the persona under dir into a new struct persona (malloc'd, with its
 * contents; free it with persona_free). Returns NULL with err filled (file
 * and line name the fault) if any file is malformed, oversized, not a
 * regular file or directory, or two files mask the same entry.
 */
struct persona *persona_load(const char *dir, struct persona_error *err);
void persona_free(struct persona *p);

/* "FILE:LINE: MSG" (or "FILE: MSG" when line is 0) into buf. */
void persona_error_format(const struct persona_error *err, char *buf,
			  size_t size);
#endif

#endif
