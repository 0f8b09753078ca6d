// SPDX-License-Identifier: GPL-2.0
/* The archive budget's policy, once: hostd enforces it, honeynet checks the disk against it first. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/statvfs.h>

#include "budget_policy.h"

uint64_t budget_default(uint64_t free_bytes)
{
	uint64_t b = free_bytes / BUDGET_DEFAULT_FREE_DIV;

	if (b < BUDGET_MIN)
		return BUDGET_MIN;
	return b > BUDGET_MAX ? BUDGET_MAX : b;
}

uint64_t budget_capture_share(uint64_t budget)
{
	/* budget <= BUDGET_MAX, so budget / 100 * 100 + the rest cannot overflow. */
	return budget / 100 * BUDGET_CAPTURE_PCT + budget % 100 * BUDGET_CAPTURE_PCT / 100;
}

int budget_fs_free(const char *path, uint64_t *free_bytes)
{
	char p[PATH_MAX];
	struct statvfs st;
	char *slash;

	if (snprintf(p, sizeof(p), "%s", path) >= (int)sizeof(p)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	while (statvfs(p, &st) < 0) {
		slash = strrchr(p, '/');
		if (errno != ENOENT || strcmp(p, ".") == 0)
			return -1;
		if (!slash)
			snprintf(p, sizeof(p), ".");
		else if (slash == p)
			slash[1] = '\0';
		else
			*slash = '\0';
	}
	*free_bytes = (uint64_t)st.f_bavail * st.f_frsize;
	return 0;
}
