// SPDX-License-Identifier: GPL-2.0
/* Messages and checked helpers for the command line: "ttyreplay: ...". */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "eio.h"

static void vwarn(const char *fmt, va_list ap)
{
	fflush(stdout);		/* keep stdout and stderr in order on a terminal */
	fputs(PROG ": ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void warn_msg(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
}

void die(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
	exit(status);
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (!q)
		die(EXIT_DATA, "out of memory");
	return q;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;
	int r;

	va_start(ap, fmt);
	r = vasprintf(&s, fmt, ap);
	va_end(ap);
	if (r < 0)
		die(EXIT_DATA, "out of memory");
	return s;
}

void eout_open(struct eout *o, const char *path)
{
	o->path = xasprintf("%s", path);
	o->tmp = xasprintf("%s.tmp", path);
	o->f = fopen(o->tmp, "wb");
	if (!o->f)
		die(EXIT_DATA, "%s: %s", o->tmp, strerror(errno));
}

void eout_commit(struct eout *o)
{
	int bad = fflush(o->f) || ferror(o->f);

	if (fclose(o->f) || bad) {
		unlink(o->tmp);
		die(EXIT_DATA, "%s: write failed: %s", o->tmp, strerror(errno));
	}
	if (rename(o->tmp, o->path)) {
		int e = errno;

		unlink(o->tmp);
		die(EXIT_DATA, "%s: %s", o->path, strerror(e));
	}
	free(o->path);
	free(o->tmp);
}

void eout_abort(struct eout *o)
{
	fclose(o->f);
	unlink(o->tmp);
	free(o->path);
	free(o->tmp);
}
