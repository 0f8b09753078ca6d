// SPDX-License-Identifier: GPL-2.0
/* The run's archive budget: what the run directory holds on disk, measured on a timer; its end fails the archive. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "budget.h"
#include "budget_policy.h"
#include "bytesize.h"
#include "clock.h"
#include "report.h"

int budget_fits(uint64_t limit, uint64_t used, uint64_t n)
{
	return n <= limit && used <= limit - n;
}

static uint64_t allocated(const struct stat *st)
{
	return (uint64_t)st->st_blocks * 512;
}

static uint64_t subdir_bytes(struct budget *b, int top, const char *name);

/*
 * Adds the allocated bytes of the entries of the directory fd (which it
 * closes) and of the directories below, depth levels down. At the top (b
 * set) each subdirectory goes through subdir_bytes. -1 if any part could
 * not be read. Never follows a symlink: only what the run directory
 * itself holds counts.
 */
static int tree_bytes(struct budget *b, int fd, int depth, uint64_t *sum)
{
	DIR *d = fdopendir(fd);
	struct dirent *e;
	struct stat st;
	int sub, r = 0;

	if (!d) {
		close(fd);
		return -1;
	}
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0) {
			if (errno != ENOENT)	/* gone since readdir: a renamed .part is found next time */
				r = -1;
			continue;
		}
		*sum += allocated(&st);
		if (!S_ISDIR(st.st_mode))
			continue;
		if (b) {
			*sum += subdir_bytes(b, dirfd(d), e->d_name);
			continue;
		}
		sub = depth > 0 ? openat(dirfd(d), e->d_name,
					 O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) : -1;
		if (sub < 0 || tree_bytes(NULL, sub, depth - 1, sum) < 0)
			r = -1;
	}
	closedir(d);
	return r;
}

/* The slot remembering a subdirectory's size, or NULL when the table is full. */
static struct budget_dir *dir_slot(struct budget *b, const char *name)
{
	struct budget_dir *s;
	unsigned int i;

	for (i = 0; i < b->n_dirs; i++)
		if (!strcmp(b->dirs[i].name, name))
			return &b->dirs[i];
	if (b->n_dirs == HOSTD_BUDGET_DIRS || strlen(name) >= sizeof(s->name))
		return NULL;
	s = &b->dirs[b->n_dirs++];
	snprintf(s->name, sizeof(s->name), "%s", name);
	s->bytes = 0;
	return s;
}

/* A subdirectory of the run directory: read now, or its last figure. */
static uint64_t subdir_bytes(struct budget *b, int top, const char *name)
{
	struct budget_dir *s = dir_slot(b, name);
	int fd = openat(top, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	uint64_t sum = 0;

	if (fd >= 0 && tree_bytes(NULL, fd, HOSTD_BUDGET_DEPTH, &sum) == 0) {
		if (s)
			s->bytes = sum;
		return sum;
	}
	if (s && s->bytes > sum)
		sum = s->bytes;
	if (s && !s->said)
		report("budget: %s/ in the run directory: cannot read all of it (%s); counted as "
		       "%llu bytes, its size when last read", name, fd < 0 ? strerror(errno) : "a part of it",
		       (unsigned long long)sum);
	if (s)
		s->said = 1;
	return sum;
}

uint64_t budget_scan(struct budget *b)
{
	int fd = openat(b->dirfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	uint64_t sum;
	struct stat st;

	if (fd < 0 || fstat(fd, &st) < 0) {
		if (fd >= 0)
			close(fd);
		return b->used;	/* nothing new known: the last figure stands */
	}
	sum = allocated(&st);
	/* What could not be read this time counts as much as it did before. */
	if (tree_bytes(b, fd, 0, &sum) < 0 && b->used > sum)
		sum = b->used;
	b->used = sum;
	return sum;
}

void budget_init(struct budget *b, int dirfd, uint64_t total)
{
	memset(b, 0, sizeof(*b));
	b->total = total;
	b->capture_share = budget_capture_share(total);
	b->dirfd = dirfd;
	budget_scan(b);
	b->next_scan_ms = mono_ms() + HOSTD_BUDGET_SCAN_MS;
}

void budget_tick(struct budget *b, struct record *rec, uint64_t mono_now_ms)
{
	char total[32], used[32];
	uint64_t took, end;

	if (b->said || mono_now_ms < b->next_scan_ms)
		return;
	budget_scan(b);
	/* The scan costs time in proportion to the files; wait 100 times that before the next. */
	end = mono_ms();
	took = end > mono_now_ms ? end - mono_now_ms : 0;
	b->next_scan_ms = mono_now_ms + (took * 100 > HOSTD_BUDGET_SCAN_MS ?
					 took * 100 : HOSTD_BUDGET_SCAN_MS);
	if (b->used < b->total)
		return;
	b->said = 1;
	bytesize_format(b->total, total, sizeof(total));
	bytesize_format(b->used, used, sizeof(used));
	record_fail(rec, "archive %s: budget of %s (%llu bytes) used up: the run directory holds %s",
		    record_path(rec), total, (unsigned long long)b->total, used);
}

int budget_timeout_ms(const struct budget *b, uint64_t mono_now_ms)
{
	if (b->said)
		return HOSTD_BUDGET_SCAN_MS;
	return b->next_scan_ms > mono_now_ms ? (int)(b->next_scan_ms - mono_now_ms) : 0;
}
