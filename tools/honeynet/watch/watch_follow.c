// SPDX-License-Identifier: GPL-2.0
/* The watch feed: follows the newest run's events.jsonl of each honeypot and prints each event as a line. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "report.h"
#include "run_dir.h"
#include "watch_follow.h"
#include "watch_format.h"

/* One honeypot's place in its archive. */
struct follow {
	const struct watch_src *src;
	char run[RUN_DIR_NAME_LEN + 1];	/* the run followed; "" before the first */
	int fd;				/* its events.jsonl; -1 until it exists */
	char *buf;			/* WATCH_LINE_MAX bytes: the line not yet ended */
	size_t len;
	int skipping;			/* inside a line too long for buf: drop to its end */
	int said;			/* the errno last reported, so a lasting failure is said once */
};

/* f->said for an events.jsonl that is not a regular file (no errno is negative). */
#define SAID_NOT_REGULAR (-1)

struct watch {
	struct follow *f;
	size_t n;
	size_t name_cols;
};

static void say_once(struct follow *f, const char *what)
{
	if (f->said == errno)
		return;
	f->said = errno;
	report_errno("watch %s: %s", f->src->name, what);
}

static void put_line(FILE *out, const char *line)
{
	fputs(line, out);
	fputc('\n', out);
}

static void note(struct watch *w, struct follow *f, const char *stamp, const char *text,
		 FILE *out)
{
	char line[WATCH_WIDTH + 1];

	watch_note(line, stamp, f->src->name, w->name_cols, text);
	put_line(out, line);
}

/* The newest run directory in dir into best ("" if none); -1 with errno if dir cannot be read. */
static int newest_run(const char *dir, char best[RUN_DIR_NAME_LEN + 1])
{
	struct dirent *d;
	DIR *dp = opendir(dir);

	best[0] = '\0';
	if (!dp)
		return -1;
	/* The names start with the UTC start time at fixed width: the greatest is the newest. */
	while ((d = readdir(dp)) != NULL) {
		if (run_dir_name_ok(d->d_name) && strcmp(d->d_name, best) > 0)
			memcpy(best, d->d_name, RUN_DIR_NAME_LEN + 1);
	}
	closedir(dp);
	return 0;
}

static void format_lines(struct watch *w, struct follow *f, size_t from, FILE *out)
{
	char line[WATCH_WIDTH + 1];
	size_t start = 0, i;

	for (i = from; i < f->len; i++) {
		if (f->buf[i] != '\n')
			continue;
		if (f->skipping)
			f->skipping = 0;
		else if (watch_format(line, f->src->name, w->name_cols, f->buf + start,
				      i - start))
			put_line(out, line);
		start = i + 1;
	}
	memmove(f->buf, f->buf + start, f->len - start);
	f->len -= start;
}

/* Reads to the end of the file, printing each whole line. */
static void read_lines(struct watch *w, struct follow *f, FILE *out)
{
	char text[64];
	ssize_t got;

	for (;;) {
		if (f->len == WATCH_LINE_MAX) {
			/* hostd writes no such line: a damaged file; its rest is not a line to show. */
			snprintf(text, sizeof(text), "an event line over %d B skipped",
				 WATCH_LINE_MAX);
			note(w, f, NULL, text, out);
			f->len = 0;
			f->skipping = 1;
		}
		got = read(f->fd, f->buf + f->len, WATCH_LINE_MAX - f->len);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			say_once(f, "reading events.jsonl");
		if (got <= 0)
			return;
		f->len += (size_t)got;
		format_lines(w, f, f->len - (size_t)got, out);
	}
}

static void close_run(struct watch *w, struct follow *f, FILE *out)
{
	if (f->fd < 0)
		return;
	read_lines(w, f, out);
	if (f->len && !f->skipping)
		note(w, f, NULL, "the run's last event line was never finished", out);
	close(f->fd);
	f->fd = -1;
	f->len = 0;
	f->skipping = 0;
}

/* A run's start, "HH:MM:SS", from its name (20261203T170416Z-...). */
static void run_start(const char *run, char stamp[9])
{
	snprintf(stamp, 9, "%.2s:%.2s:%.2s", run + 9, run + 11, run + 13);
}

static void switch_run(struct watch *w, struct follow *f, const char *run, FILE *out)
{
	char text[RUN_DIR_NAME_LEN + 32], stamp[9];
	int first = f->run[0] == '\0';

	close_run(w, f, out);
	memcpy(f->run, run, RUN_DIR_NAME_LEN + 1);
	run_start(run, stamp);
	snprintf(text, sizeof(text), "%s run %s", first ? "following" : "new", run);
	note(w, f, stamp, text, out);
}

static void open_run(struct follow *f)
{
	char path[PATH_MAX];
	struct stat st;

	if (snprintf(path, sizeof(path), "%s/%s/events.jsonl", f->src->dir, f->run) >=
	    (int)sizeof(path)) {
		errno = ENAMETOOLONG;
		say_once(f, f->src->dir);
		return;
	}
	/*
	 * Only a regular file is read: a FIFO or a device in its place (a
	 * tampered archive) must neither block the feed in open() nor feed
	 * it endlessly, and a symlink must not lead it elsewhere.
	 */
	f->fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
	if (f->fd < 0) {
		/* hostd creates it a moment after the directory: wait for it quietly. */
		if (errno != ENOENT)
			say_once(f, path);
		return;
	}
	if (fstat(f->fd, &st) < 0) {
		say_once(f, path);
	} else if (!S_ISREG(st.st_mode)) {
		if (f->said != SAID_NOT_REGULAR)
			report("watch %s: %s: not a regular file; not read", f->src->name, path);
		f->said = SAID_NOT_REGULAR;
	} else {
		return;
	}
	close(f->fd);
	f->fd = -1;
}

static void waiting(struct watch *w, struct follow *f, FILE *out)
{
	char text[PATH_MAX + 32];

	f->said = ENOENT;
	snprintf(text, sizeof(text), "waiting for %s", f->src->dir);
	note(w, f, NULL, text, out);
}

static void poll_one(struct watch *w, struct follow *f, FILE *out)
{
	char run[RUN_DIR_NAME_LEN + 1];

	if (newest_run(f->src->dir, run) < 0) {
		/* An archive not made yet is waited for, said once in the feed. */
		if (errno != ENOENT)
			say_once(f, f->src->dir);
		else if (f->said != ENOENT)
			waiting(w, f, out);
		return;
	}
	if (run[0] && strcmp(run, f->run) > 0)
		switch_run(w, f, run, out);
	if (f->run[0] && f->fd < 0)
		open_run(f);
	if (f->fd >= 0)
		read_lines(w, f, out);
}

int watch_poll(struct watch *w, FILE *out)
{
	size_t i;

	for (i = 0; i < w->n; i++)
		poll_one(w, &w->f[i], out);
	if (fflush(out) == EOF || ferror(out))
		return -1;
	return 0;
}

struct watch *watch_open(const struct watch_src *src, size_t n)
{
	struct watch *w = calloc(1, sizeof(*w));
	size_t i;

	if (!w || !(w->f = calloc(n ? n : 1, sizeof(*w->f))))
		goto out_free;
	for (i = 0; i < n; i++) {
		w->f[i].src = &src[i];
		w->f[i].fd = -1;
		w->f[i].buf = malloc(WATCH_LINE_MAX);
		w->n = i + 1;
		if (!w->f[i].buf)
			goto out_free;
		if (strlen(src[i].name) > w->name_cols)
			w->name_cols = strlen(src[i].name);
	}
	if (w->name_cols > WATCH_NAME_COLS_MAX)
		w->name_cols = WATCH_NAME_COLS_MAX;
	return w;

out_free:
	report("watch: out of memory; no feed");
	watch_close(w);
	return NULL;
}

void watch_close(struct watch *w)
{
	size_t i;

	if (!w)
		return;
	for (i = 0; i < w->n; i++) {
		if (w->f[i].fd >= 0)
			close(w->f[i].fd);
		free(w->f[i].buf);
	}
	free(w->f);
	free(w);
}

int watch_follow(const struct watch_src *src, size_t n, volatile sig_atomic_t *stop, FILE *out)
{
	struct timespec tick = { 0, WATCH_POLL_MS * 1000L * 1000L };
	struct watch *w = watch_open(src, n);
	int rc = 0;

	if (!w)
		return -1;
	while (!*stop && rc == 0) {
		rc = watch_poll(w, out);
		if (rc == 0)
			nanosleep(&tick, NULL);
	}
	watch_close(w);
	return rc;
}
