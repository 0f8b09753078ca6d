// SPDX-License-Identifier: GPL-2.0
/* Archive retention: a honeypot's oldest run directories removed by age and by total size. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bytesize.h"
#include "dir_tree.h"
#include "report.h"
#include "retention.h"
#include "run_dir.h"

/* "20261127T034512Z-0badcafe" and its NUL. */
#define RUN_NAME_SIZE 26

struct run {
	char name[RUN_NAME_SIZE];
	time_t start;
};

struct runs {
	struct run *v;
	size_t n, cap;
};

/*
 * A run directory's start from its name; -1 unless the name is exactly one
 * run_dir_name makes: it is formatted back and compared, so an operator's
 * own files and directories beside the runs are never taken for one.
 */
static int run_start(const char *name, time_t *start)
{
	char again[RUN_NAME_SIZE], *end;
	unsigned long id;
	struct tm tm;
	const char *rest;
	time_t t;

	if (strlen(name) != RUN_NAME_SIZE - 1)
		return -1;
	memset(&tm, 0, sizeof(tm));
	rest = strptime(name, "%Y%m%dT%H%M%SZ-", &tm);
	if (!rest)
		return -1;
	errno = 0;
	id = strtoul(rest, &end, 16);
	if (errno || *end || id > UINT32_MAX)
		return -1;
	t = timegm(&tm);
	if (t == (time_t)-1 || run_dir_name(t, (uint32_t)id, again, sizeof(again)) ||
	    strcmp(again, name))
		return -1;
	*start = t;
	return 0;
}

static int run_add(struct runs *r, const char *name, time_t start)
{
	struct run *v;

	if (r->n == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 64;
		v = reallocarray(r->v, r->cap, sizeof(*v));
		if (!v)
			return -1;
		r->v = v;
	}
	memcpy(r->v[r->n].name, name, RUN_NAME_SIZE);
	r->v[r->n].start = start;
	r->n++;
	return 0;
}

/* The fixed-width UTC stamp leads the name: name order is start order. */
static int run_cmp(const void *a, const void *b)
{
	return strcmp(((const struct run *)a)->name, ((const struct run *)b)->name);
}

/* The run directories in dir, oldest first; a symlink with a run's name is not one. */
static int runs_list(const char *dir, struct runs *r)
{
	struct dirent *de;
	struct stat st;
	time_t start;
	DIR *d;
	int rc = 0;

	d = opendir(dir);
	if (!d) {
		report("retention %s: %s; nothing removed", dir, strerror(errno));
		return -1;
	}
	errno = 0;
	while (rc == 0 && (de = readdir(d))) {
		if (run_start(de->d_name, &start) == 0 &&
		    fstatat(dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
		    S_ISDIR(st.st_mode) && run_add(r, de->d_name, start) < 0)
			rc = -1;
		errno = 0;
	}
	if (rc == 0 && errno)
		rc = -1;
	if (rc < 0)
		report("retention %s: %s; nothing removed", dir, strerror(errno));
	closedir(d);
	if (rc == 0)
		qsort(r->v, r->n, sizeof(*r->v), run_cmp);
	return rc;
}

/* Removes dir/name, says why on log, and takes what it held off *total. */
static int run_remove(const char *dir, const char *name, uint64_t *total,
		      const char *why, FILE *log)
{
	char path[4096], held[32];
	uint64_t bytes = 0;
	int n;

	n = snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (n < 0 || (size_t)n >= sizeof(path)) {
		report("retention %s: path too long; run directory kept", dir);
		return -1;
	}
	if (dir_tree_usage(path, &bytes) < 0 || dir_tree_remove(path) < 0) {
		report("retention %s: not removed; archive may exceed its budget", path);
		return -1;
	}
	*total = *total > bytes ? *total - bytes : 0;
	bytesize_format(bytes, held, sizeof(held));
	fprintf(log, "honeynet: retention: removed %s (%s); %s\n", path, held, why);
	fflush(log);
	return 0;
}

static int prune(const char *dir, const char *keep, unsigned int keep_days,
		 uint64_t keep_bytes, time_t now, FILE *log, struct runs *r)
{
	char why[128], total_s[32], cap_s[32];
	uint64_t total = 0;
	size_t i;

	if (keep_bytes && dir_tree_usage(dir, &total) < 0) {
		report("retention %s: cannot measure; nothing removed", dir);
		return -1;
	}
	for (i = 0; i < r->n; i++) {
		struct run *run = &r->v[i];
		int old = keep_days && now - run->start > (time_t)keep_days * 86400;

		if (keep && strcmp(run->name, keep) == 0)
			continue;
		if (old) {
			snprintf(why, sizeof(why), "older than keep_days %u", keep_days);
		} else if (keep_bytes && total > keep_bytes) {
			bytesize_format(total, total_s, sizeof(total_s));
			bytesize_format(keep_bytes, cap_s, sizeof(cap_s));
			snprintf(why, sizeof(why), "%s held %s, over keep_size %s",
				 dir, total_s, cap_s);
		} else {
			continue;
		}
		if (run_remove(dir, run->name, &total, why, log) < 0)
			return -1;
	}
	return 0;
}

int retention_prune(const char *dir, const char *keep, unsigned int keep_days,
		    uint64_t keep_bytes, time_t now, FILE *log)
{
	struct runs r = { 0 };
	int rc;

	if (!keep_days && !keep_bytes)
		return 0;
	rc = runs_list(dir, &r);
	if (rc == 0)
		rc = prune(dir, keep, keep_days, keep_bytes, now, log, &r);
	free(r.v);
	return rc;
}
