// SPDX-License-Identifier: GPL-2.0
/* Messages on stderr, each prefixed with the program's name. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "report.h"

const char *report_prog = "uml-honeynet";

static void __attribute__((format(printf, 1, 0)))
vreport(const char *fmt, va_list ap, const char *reason)
{
	fprintf(stderr, "%s: ", report_prog);
	vfprintf(stderr, fmt, ap);
	if (reason)
		fprintf(stderr, ": %s", reason);
	fputc('\n', stderr);
}

void report(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(fmt, ap, NULL);
	va_end(ap);
}

void report_errno(const char *fmt, ...)
{
	const char *reason = strerror(errno);
	va_list ap;

	va_start(ap, fmt);
	vreport(fmt, ap, reason);
	va_end(ap);
}
