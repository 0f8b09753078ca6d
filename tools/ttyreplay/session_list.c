// SPDX-License-Identifier: GPL-2.0
/* --list: one line per tty session found under an archive directory. */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "eio.h"
#include "session_list.h"
#include "ttylog_read.h"
#include "typed_lines.h"

struct summary {
	uint32_t id;
	int64_t first_us, last_us;
	unsigned long long in, out;
	int closed, seen;
	struct typed_lines typed;
};

struct paths {
	char **v;
	size_t n, cap;
};

static int has_suffix(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);

	return a >= b && strcmp(s + a - b, suffix) == 0;
}

static int is_ttylog_name(const char *name)
{
	return has_suffix(name, ".ttylog.gz") || has_suffix(name, ".ttylog");
}

void tty_name_from_path(const char *path, char *buf, size_t len)
{
	const char *base = strrchr(path, '/');
	size_t i, n;

	base = base ? base + 1 : path;
	n = strlen(base);
	n -= has_suffix(base, ".gz") ? 3 : 0;
	n -= n >= 7 && strncmp(base + n - 7, ".ttylog", 7) == 0 ? 7 : 0;
	/* hostd's names: six digits of session, '-', the tty with '/' as '-'. */
	for (i = 0; i < 6 && i < n && base[i] >= '0' && base[i] <= '9'; i++)
		;
	if (i != 6 || n < 8 || base[6] != '-' || n - 7 >= len) {
		snprintf(buf, len, "?");
		return;
	}
	for (i = 7; i < n; i++) {
		char c = base[i];

		if (!(c == '-' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9'))) {
			snprintf(buf, len, "?");
			return;
		}
		buf[i - 7] = c == '-' ? '/' : c;
	}
	buf[n - 7] = '\0';
}

static void add_path(struct paths *ps, const char *path)
{
	if (ps->n == ps->cap) {
		ps->cap = ps->cap ? ps->cap * 2 : 64;
		ps->v = xrealloc(ps->v, ps->cap * sizeof(ps->v[0]));
	}
	ps->v[ps->n++] = xasprintf("%s", path);
}

/* Collects ttylog files under dir, depth levels down; symlinks not followed. */
static int walk(struct paths *ps, const char *dir, int depth)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int bad = 0;

	if (!d) {
		warn_msg("%s: %s", dir, strerror(errno));
		return 1;
	}
	while ((e = readdir(d))) {
		struct stat st;
		char *p;

		if (e->d_name[0] == '.')
			continue;
		p = xasprintf(has_suffix(dir, "/") ? "%s%s" : "%s/%s", dir,
			      e->d_name);
		if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode) && depth > 1)
			bad |= walk(ps, p, depth - 1);
		else if (lstat(p, &st) == 0 && S_ISREG(st.st_mode) &&
			 is_ttylog_name(e->d_name))
			add_path(ps, p);
		free(p);
	}
	closedir(d);
	return bad;
}

static struct summary *find(struct summary *s, size_t *n, uint32_t id,
			    unsigned long *extra)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (s[i].id == id)
			return &s[i];
	if (*n == LIST_SESSIONS_MAX) {
		++*extra;
		return NULL;
	}
	memset(&s[*n], 0, sizeof(s[0]));
	s[*n].id = id;
	typed_lines_init(&s[*n].typed);
	return &s[(*n)++];
}

static void account(struct summary *m, const struct ttylog_rec *r,
		    const unsigned char *data)
{
	int64_t t = (int64_t)r->sec * 1000000 + r->usec;

	if (!m->seen++)
		m->first_us = t;
	m->last_us = t;
	if (r->op == TTYLOG_OP_CLOSE)
		m->closed = 1;
	if (r->op != TTYLOG_OP_WRITE)
		return;
	if (r->dir == TTYLOG_DIR_READ) {
		m->in += r->len;
		typed_lines_feed(&m->typed, data, r->len);
	} else if (r->dir == TTYLOG_DIR_WRITE) {
		m->out += r->len;
	}
}

static void print_line(FILE *out, const char *path, const char *tty,
		       struct summary *m, int damaged)
{
	time_t start = (time_t)(m->first_us / 1000000);
	int64_t dur = m->last_us > m->first_us ?
		(m->last_us - m->first_us) / 1000000 : 0;
	char when[32];
	struct tm tm;

	if (!gmtime_r(&start, &tm) ||
	    !strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm))
		snprintf(when, sizeof(when), "?");
	fprintf(out, "%s %s %02lld:%02lld:%02lld %lu %s %llu %llu %s %s\n", path,
		when, (long long)(dur / 3600), (long long)(dur / 60 % 60),
		(long long)(dur % 60), (unsigned long)m->id, tty, m->in, m->out,
		m->closed ? "closed" : damaged ? "cut" : "open",
		typed_lines_summary(&m->typed));
}

/* Lists the sessions of one file. Returns 0, 1 (unreadable), 3 (damaged). */
static int list_file(const char *path, FILE *out)
{
	static struct summary s[LIST_SESSIONS_MAX];
	struct tl_reader rd;
	struct ttylog_rec r;
	const unsigned char *data;
	enum tl_status st;
	size_t n = 0, i;
	unsigned long extra = 0;
	char err[256], tty[64];

	if (tl_open(&rd, path, err, sizeof(err))) {
		warn_msg("%s: %s", path, err);
		return 1;
	}
	while ((st = tl_next(&rd, &r, &data)) == TL_RECORD) {
		struct summary *m = find(s, &n, r.tty, &extra);

		if (m)
			account(m, &r, data);
	}
	if (rd.records == 0) {
		warn_msg("%s: %s%s", path, st == TL_END ? "no records" :
			 strncmp(rd.why, "bad", 3) == 0 ? "not a ttylog file: " :
			 "no complete record: ", st == TL_END ? "" : rd.why);
		tl_close(&rd);
		return 1;
	}
	tty_name_from_path(path, tty, sizeof(tty));
	for (i = 0; i < n; i++)
		print_line(out, path, tty, &s[i], st == TL_DAMAGED);
	if (extra)
		warn_msg("%s: %lu records of more than %d sessions not listed",
			 path, extra, LIST_SESSIONS_MAX);
	if (st == TL_DAMAGED)
		warn_msg("%s: warning: %s; listed up to there", path, rd.why);
	tl_close(&rd);
	return st == TL_DAMAGED ? 3 : 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* 1 (an error) outranks 3 (damage), which outranks 0. */
static int worse(int a, int b)
{
	return a == 1 || b == 1 ? 1 : a > b ? a : b;
}

int session_list(const char *dir, FILE *out)
{
	struct paths ps = { 0 };
	struct stat st;
	int status = 0;
	size_t i;

	if (stat(dir, &st) < 0) {
		warn_msg("%s: %s", dir, strerror(errno));
		return 1;
	}
	if (S_ISDIR(st.st_mode))
		status = walk(&ps, dir, LIST_DEPTH);
	else
		add_path(&ps, dir);
	if (ps.n)
		qsort(ps.v, ps.n, sizeof(ps.v[0]), by_name);
	else if (!status)
		warn_msg("%s: no tty sessions (*.ttylog.gz) found", dir);
	for (i = 0; i < ps.n; i++) {
		status = worse(status, list_file(ps.v[i], out));
		free(ps.v[i]);
	}
	free(ps.v);
	return status;
}
