/* SPDX-License-Identifier: GPL-2.0 */
/* Messages and checked helpers for the command line: "ttyreplay: ...". */
#ifndef EIO_H
#define EIO_H

#include <stddef.h>
#include <stdio.h>

/* Exit statuses, as --help and the man page give them. */
#define EXIT_OK 0
#define EXIT_DATA 1	/* a file is missing, unreadable, empty or not a ttylog */
#define EXIT_USAGE 2
#define EXIT_DAMAGED 3	/* cut or corrupt: used up to the damage, warned */

#define PROG "ttyreplay"

/* "ttyreplay: " fmt "\n" on stderr. */
void warn_msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* warn_msg, then exit(status). */
void die(int status, const char *fmt, ...)
	__attribute__((format(printf, 2, 3), noreturn));

void *xrealloc(void *p, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* An output file written as path.tmp and renamed into place by ecommit, so
 * an interrupted export never leaves half a file under the real name. */
struct eout {
	FILE *f;
	char *path, *tmp;
};

void eout_open(struct eout *o, const char *path);
void eout_commit(struct eout *o);
void eout_abort(struct eout *o);

#endif
