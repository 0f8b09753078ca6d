// SPDX-License-Identifier: GPL-2.0
/* Room for a run on the archive's filesystem, checked before anything of a guest starts. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <sys/stat.h>

#include "budget_policy.h"
#include "bytesize.h"
#include "run_space.h"
#include "report.h"

int run_space_fits(struct run_space *s, uint64_t free_bytes, uint64_t rootfs,
		   uint64_t budget)
{
	s->free = free_bytes;
	s->rootfs = rootfs;
	s->budget = budget ? budget : budget_default(free_bytes);
	s->capture = budget_capture_share(s->budget);
	/* Both are at most BUDGET_MAX or a file's size: the sum cannot overflow. */
	return free_bytes >= rootfs + s->capture;
}

void run_space_refusal(const struct run_space *s, const char *archive, char *buf,
		       size_t len)
{
	char free_s[32], need[32], rootfs[32], capture[32];

	bytesize_format(s->free, free_s, sizeof(free_s));
	bytesize_format(s->rootfs + s->capture, need, sizeof(need));
	bytesize_format(s->rootfs, rootfs, sizeof(rootfs));
	bytesize_format(s->capture, capture, sizeof(capture));
	snprintf(buf, len, "archive %s: %s free, needs %s (root_fs %s + capture %s); guest not started",
		 archive, free_s, need, rootfs, capture);
}

int run_space_check(const char *archive, const char *rootfs, uint64_t asked,
		    uint64_t *budget)
{
	struct run_space s;
	struct stat st;
	uint64_t free_bytes;
	char msg[PATH_MAX + 256];

	if (budget_fs_free(archive, &free_bytes) < 0) {
		report_errno("archive %s: free space; guest not started", archive);
		return -1;
	}
	if (stat(rootfs, &st) < 0) {
		report_errno("root_fs %s; guest not started", rootfs);
		return -1;
	}
	if (!run_space_fits(&s, free_bytes, (uint64_t)st.st_size, asked)) {
		run_space_refusal(&s, archive, msg, sizeof(msg));
		report("%s", msg);
		return -1;
	}
	*budget = s.budget;
	return 0;
}
