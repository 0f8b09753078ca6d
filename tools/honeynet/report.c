/* Error and progress messages, all prefixed with the program's name. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "report.h"

static void vreport(const char *fmt, va_list ap, const char *reason)
{
	fputs("honeynet: ", stderr);
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

/* Like report(), with strerror(errno) appended; errno is read first. */
void report_errno(const char *fmt, ...)
{
	const char *reason = strerror(errno);
	va_list ap;

	va_start(ap, fmt);
	vreport(fmt, ap, reason);
	va_end(ap);
}
