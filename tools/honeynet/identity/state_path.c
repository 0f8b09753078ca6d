// SPDX-License-Identifier: GPL-2.0
/* Paths in a honeypot's state directory, and the one form of message about them. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "report.h"
#include "state_path.h"

int identity_fail(const char *path, const char *why)
{
	report("identity %s: %s; honeypot not started", path, why);
	return -1;
}

int identity_fail_errno(const char *path)
{
	return identity_fail(path, strerror(errno));
}

int state_path(char *buf, size_t len, const char *dir, const char *name)
{
	int n = snprintf(buf, len, "%s/%s", dir, name);

	if (n < 0 || (size_t)n >= len)
		return identity_fail(dir, "path too long");
	return 0;
}
