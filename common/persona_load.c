// SPDX-License-Identifier: GPL-2.0
/* Reads a persona directory from the host into a struct persona. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "persona.h"

/* The walk: the persona being filled, and where the first fault goes. */
struct walk {
	const char *root;
	char *path;		/* PATH_MAX bytes: off the stack, which is */
	struct persona *p;	/* the UML kernel's at boot */
	struct persona_error *err;
};

static int fault(struct walk *w, const char *rel, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/*
 * Names rel as the faulty file, for a message set already; a path too
 * long to keep whole is cut (it is not a valid name anyway).
 */
static int fault_in(struct walk *w, const char *rel)
{
	size_t n = strnlen(rel, sizeof(w->err->file) - 1);

	memcpy(w->err->file, rel, n);
	w->err->file[n] = '\0';
	return -1;
}

static int fault(struct walk *w, const char *rel, const char *fmt, ...)
{
	va_list ap;

	fault_in(w, rel);
	w->err->line = 0;
	va_start(ap, fmt);
	vsnprintf(w->err->msg, sizeof(w->err->msg), fmt, ap);
	va_end(ap);
	return -1;
}

static const char *kind_of(mode_t mode)
{
	if (S_ISLNK(mode))
		return "a symbolic link";
	if (S_ISCHR(mode) || S_ISBLK(mode))
		return "a device";
	if (S_ISFIFO(mode))
		return "a fifo";
	if (S_ISSOCK(mode))
		return "a socket";
	return "not a regular file";
}

/*
 * Reads the regular file at path, at most PERSONA_FILE_MAX bytes, into a
 * new buffer (*data, *len).
 */
static int read_file(struct walk *w, const char *path, const char *rel,
		     char **data, size_t *len)
{
	struct stat st;
	ssize_t n;
	char *buf;
	int fd;

	fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return fault(w, rel, "cannot read: %s", strerror(errno));
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return fault(w, rel, "not a regular file");
	}
	if (st.st_size > PERSONA_FILE_MAX) {
		close(fd);
		return fault(w, rel, "oversize: %lld bytes, at most %d",
			     (long long)st.st_size, PERSONA_FILE_MAX);
	}
	buf = malloc((size_t)st.st_size + 1);
	if (!buf) {
		close(fd);
		return fault(w, rel, "out of memory");
	}
	n = read(fd, buf, (size_t)st.st_size + 1);
	close(fd);
	/* A file that grew under us is as oversize as one that was. */
	if (n < 0 || n > st.st_size) {
		free(buf);
		return fault(w, rel, n < 0 ? "cannot read: %s" :
				     "changed while being read%s",
			     n < 0 ? strerror(errno) : "");
	}
	*data = buf;
	*len = (size_t)n;
	return 0;
}

static int add_entry(struct walk *w, const char *path, const char *rel)
{
	struct persona_entry *e;
	const struct persona_entry *other;
	struct persona_filter *f;
	char *data = NULL;
	size_t len = 0;

	if (w->p->nentries >= PERSONA_ENTRIES_MAX)
		return fault(w, rel, "more than %d entries", PERSONA_ENTRIES_MAX);
	e = &w->p->entry[w->p->nentries];
	if (persona_parse_name(rel, e->path, &e->kind, w->err))
		return fault_in(w, rel);
	other = persona_find(w->p, e->path);
	if (other)
		return fault(w, rel, "masks \"%s\", as an earlier file does",
			     other->path);
	if (read_file(w, path, rel, &data, &len))
		return -1;
	switch (e->kind) {
	case PERSONA_REMOVE:
		free(data);
		if (len)
			return fault(w, rel, "a .remove marker must be empty, not %zu bytes",
				     len);
		break;
	case PERSONA_REPLACE:
		e->data = data;
		e->len = len;
		break;
	case PERSONA_FILTER:
		f = malloc(sizeof(*f));
		if (!f) {
			free(data);
			return fault(w, rel, "out of memory");
		}
		if (persona_parse_filter(data, len, f, w->err)) {
			free(data);
			free(f);
			return fault_in(w, rel);
		}
		free(data);
		e->filter = f;
		break;
	}
	w->p->nentries++;
	return 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * The names in dir but "." and "..", sorted so faults come in one order;
 * *names is NULL for an empty directory.
 */
static int list_dir(struct walk *w, const char *dir, const char *rel,
		    char ***names, size_t *count)
{
	char **list = NULL, **grown;
	size_t n = 0, cap = 0;
	struct dirent *d;
	DIR *dp = opendir(dir);

	if (!dp)
		return fault(w, *rel ? rel : ".",
			     "cannot read the directory: %s",
			     strerror(errno));
	while ((d = readdir(dp))) {
		if (strcmp(d->d_name, ".") == 0 || strcmp(d->d_name, "..") == 0)
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 16;
			grown = realloc(list, cap * sizeof(*list));
			if (!grown)
				goto out_nomem;
			list = grown;
		}
		list[n] = malloc(strlen(d->d_name) + 1);
		if (!list[n])
			goto out_nomem;
		strcpy(list[n++], d->d_name);
	}
	closedir(dp);
	if (n > 1)
		qsort(list, n, sizeof(*list), by_name);
	*names = list;
	*count = n;
	return 0;

out_nomem:
	closedir(dp);
	while (n > 0)
		free(list[--n]);
	free(list);
	return fault(w, rel, "out of memory");
}

/* Walks the directory at rel (depth components below the root). */
static int walk_dir(struct walk *w, const char *rel, unsigned int depth)
{
	char sub[PERSONA_PATH_MAX + 32];
	struct stat st;
	char **names = NULL;
	size_t n = 0, i;
	int rc = 0;

	snprintf(w->path, PATH_MAX, "%s/%s", w->root, rel);
	if (list_dir(w, w->path, rel, &names, &n))
		return -1;
	for (i = 0; i < n && rc == 0; i++) {
		if (snprintf(sub, sizeof(sub), "%s%s%s", *rel ? rel : "",
			     *rel ? "/" : "", names[i]) >= (int)sizeof(sub) ||
		    snprintf(w->path, PATH_MAX, "%s/%s", w->root, sub) >=
			    PATH_MAX) {
			rc = fault(w, names[i], "path too long");
			break;
		}
		if (lstat(w->path, &st) < 0)
			rc = fault(w, sub, "%s", strerror(errno));
		else if (S_ISDIR(st.st_mode) && depth + 1 >= PERSONA_DEPTH_MAX)
			rc = fault(w, sub, "directories nested more than %d deep",
				   PERSONA_DEPTH_MAX - 1);
		else if (S_ISDIR(st.st_mode))
			rc = walk_dir(w, sub, depth + 1);
		else if (!S_ISREG(st.st_mode))
			rc = fault(w, sub, "%s; a persona holds regular files and directories only",
				   kind_of(st.st_mode));
		else
			rc = add_entry(w, w->path, sub);
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return rc;
}

struct persona *persona_load(const char *dir, struct persona_error *err)
{
	struct walk w = { .root = dir, .err = err };
	struct stat st;

	memset(err, 0, sizeof(*err));
	if (stat(dir, &st) < 0) {
		fault(&w, ".", "%s", strerror(errno));
		return NULL;
	}
	if (!S_ISDIR(st.st_mode)) {
		fault(&w, ".", "not a directory");
		return NULL;
	}
	w.p = calloc(1, sizeof(*w.p));
	w.path = malloc(PATH_MAX);
	if (!w.p || !w.path) {
		fault(&w, ".", "out of memory");
		goto fail;
	}
	if (walk_dir(&w, "", 0))
		goto fail;
	free(w.path);
	return w.p;
fail:
	free(w.path);
	persona_free(w.p);
	return NULL;
}

void persona_free(struct persona *p)
{
	unsigned int i;

	if (!p)
		return;
	for (i = 0; i < p->nentries; i++) {
		free((void *)p->entry[i].data);
		free((void *)p->entry[i].filter);
	}
	free(p);
}
