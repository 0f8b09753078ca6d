// SPDX-License-Identifier: GPL-2.0
/* A directory tree measured or removed without following a symlink or leaving its filesystem. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dir_tree.h"
#include "report.h"

/* Deeper than any archive or state directory we make; bounds the recursion. */
#define DIR_TREE_MAX_DEPTH 32

struct walk {
	char path[PATH_MAX];	/* where the walk is, for messages */
	size_t len;
	dev_t dev;		/* the top's filesystem: a mount below is not entered */
	int remove;
	uint64_t bytes;
};

static int walk_dir(struct walk *w, int dfd, unsigned int depth);

static int fail(const struct walk *w)
{
	report("%s: %s", w->path, strerror(errno));
	return -1;
}

/* Appends "/name" to w->path for the messages below it; -1 if too long. */
static int walk_push(struct walk *w, const char *name)
{
	int n = snprintf(w->path + w->len, sizeof(w->path) - w->len, "/%s", name);

	if (n < 0 || (size_t)n >= sizeof(w->path) - w->len) {
		w->path[w->len] = '\0';
		errno = ENAMETOOLONG;
		return fail(w);
	}
	w->len += (size_t)n;
	return 0;
}

/*
 * Every step is relative to an open directory and never follows a symlink
 * (AT_SYMLINK_NOFOLLOW, O_NOFOLLOW): a symlink below, or a directory swapped
 * for one while we walk, is removed or counted as itself, so the walk never
 * reaches outside the tree it was given.
 */
static int walk_entry(struct walk *w, int dfd, const char *name, unsigned int depth)
{
	size_t at = w->len;
	struct stat st;
	int fd, rc = 0;

	if (walk_push(w, name) < 0)
		return -1;
	if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) < 0)
		return fail(w);
	w->bytes += (uint64_t)st.st_blocks * 512;
	if (S_ISDIR(st.st_mode)) {
		fd = openat(dfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		if (fd < 0)
			return fail(w);
		/* What was opened, not what was stat'ed: it may have been swapped. */
		if (fstat(fd, &st) < 0) {
			fail(w);
			close(fd);
			return -1;
		}
		if (st.st_dev != w->dev) {
			report("%s: another filesystem mounted here; not entered", w->path);
			close(fd);
			return -1;
		}
		rc = walk_dir(w, fd, depth + 1);
	}
	if (rc == 0 && w->remove &&
	    unlinkat(dfd, name, S_ISDIR(st.st_mode) ? AT_REMOVEDIR : 0) < 0)
		rc = fail(w);
	if (rc == 0) {
		w->len = at;
		w->path[at] = '\0';
	}
	return rc;
}

/* Walks the entries of dfd, which it closes. */
static int walk_dir(struct walk *w, int dfd, unsigned int depth)
{
	struct dirent *de;
	DIR *d;
	int rc = 0;

	if (depth > DIR_TREE_MAX_DEPTH) {
		report("%s: more than %d levels deep", w->path, DIR_TREE_MAX_DEPTH);
		close(dfd);
		return -1;
	}
	d = fdopendir(dfd);
	if (!d) {
		fail(w);
		close(dfd);
		return -1;
	}
	/* Unlinking an entry readdir has returned does not hide the ones it has not. */
	errno = 0;
	while (rc == 0 && (de = readdir(d))) {
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."))
			rc = walk_entry(w, dirfd(d), de->d_name, depth);
		errno = 0;
	}
	if (rc == 0 && errno)
		rc = fail(w);
	closedir(d);
	return rc;
}

static int walk_top(struct walk *w, const char *path)
{
	struct stat st;
	int fd, n;

	n = snprintf(w->path, sizeof(w->path), "%s", path);
	if (n < 0 || (size_t)n >= sizeof(w->path)) {
		report("%.64s...: path too long", path);
		return -1;
	}
	w->len = (size_t)n;
	fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return fail(w);
	if (fstat(fd, &st) < 0) {
		fail(w);
		close(fd);
		return -1;
	}
	w->dev = st.st_dev;
	w->bytes += (uint64_t)st.st_blocks * 512;
	return walk_dir(w, fd, 0);
}

int dir_tree_usage(const char *path, uint64_t *bytes)
{
	struct walk w = { .remove = 0 };

	if (walk_top(&w, path) < 0)
		return -1;
	*bytes += w.bytes;
	return 0;
}

int dir_tree_remove(const char *path)
{
	struct walk w = { .remove = 1 };

	if (walk_top(&w, path) < 0)
		return -1;
	if (rmdir(path) < 0) {
		report("%s: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}
