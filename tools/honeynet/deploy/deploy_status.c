// SPDX-License-Identifier: GPL-2.0
/* `honeynet status`: each deployed honeypot's state, run and archive, one block each. */
#include <libgen.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "bytesize.h"
#include "deploy_paths.h"
#include "deploy_status.h"
#include "dir_tree.h"
#include "guest_start.h"
#include "guest_state.h"
#include "report.h"
#include "watch_json.h"

/* What a run's events say so far. */
struct run_counts {
	unsigned long sessions;		/* tty.open */
	unsigned long inbound;		/* net.inbound */
	unsigned long outbound;		/* net.outbound and net.blocked */
};

static int type_is(const struct wj_member *t, const char *type)
{
	return t && t->val_n == strlen(type) && memcmp(t->val, type, t->val_n) == 0;
}

/* Each line is parsed whole by the watch feed's bounded reader, so only
 * an event's own type counts, never a type's text inside another value. */
static void count_events(const char *run_dir, struct run_counts *c)
{
	static struct wj_object o;
	const struct wj_member *t;
	char path[PATH_MAX], *line = NULL;
	size_t cap = 0;
	ssize_t n;
	FILE *f;

	memset(c, 0, sizeof(*c));
	if (snprintf(path, sizeof(path), "%s/events.jsonl", run_dir) >= (int)sizeof(path))
		return;
	f = fopen(path, "re");
	if (!f)
		return;
	while ((n = getline(&line, &cap, f)) > 0) {
		if (wj_parse(line, (size_t)n, &o) < 0)
			continue;
		t = wj_str(&o, "type");
		c->sessions += type_is(t, "tty.open");
		c->inbound += type_is(t, "net.inbound");
		c->outbound += type_is(t, "net.outbound") + type_is(t, "net.blocked");
	}
	free(line);
	fclose(f);
}

/* The run's start, from its directory's name (<UTC start>-<id>). */
static time_t run_start(const char *run_dir)
{
	char copy[PATH_MAX];
	struct tm tm;

	snprintf(copy, sizeof(copy), "%s", run_dir);
	memset(&tm, 0, sizeof(tm));
	if (!strptime(basename(copy), "%Y%m%dT%H%M%SZ", &tm))
		return 0;
	return timegm(&tm);
}

static void uptime_text(time_t since, char *buf, size_t len)
{
	long s = since ? (long)(time(NULL) - since) : 0;

	if (s >= 86400)
		snprintf(buf, len, "%ldd%02ldh", s / 86400, s % 86400 / 3600);
	else if (s >= 3600)
		snprintf(buf, len, "%ldh%02ldm", s / 3600, s % 3600 / 60);
	else
		snprintf(buf, len, "%ldm%02lds", s / 60, s % 60);
}

static void print_archive(const struct honeynet_conf *conf, const struct hn_honeypot *h)
{
	char dir[PATH_MAX], used[32], budget[32];
	uint64_t b = h->budget ? h->budget : conf->budget, bytes = 0;

	if (deploy_archive_dir(conf, h->name, dir, sizeof(dir)))
		return;
	if (access(dir, F_OK) < 0)
		snprintf(used, sizeof(used), "no run yet");
	else if (dir_tree_usage(dir, &bytes) < 0)
		snprintf(used, sizeof(used), "unreadable");
	else
		bytesize_format(bytes, used, sizeof(used));
	if (b)
		bytesize_format(b, budget, sizeof(budget));
	else
		snprintf(budget, sizeof(budget), "half the free space");
	printf("  archive %s: %s; budget a run: %s\n", dir, used, budget);
}

static int print_one(const struct honeynet_conf *conf, const struct hn_honeypot *h)
{
	struct guest_state st;
	struct run_counts c;
	char path[PATH_MAX], up[32];
	int loaded;

	if (deploy_run_file(h->name, "state", path, sizeof(path)))
		return -1;
	loaded = guest_state_load(&st, path);
	if (loaded < 0)
		return -1;
	if (!loaded) {
		printf("%s: stopped\n", h->name);
		print_archive(conf, h);
		return 0;
	}
	uptime_text(run_start(st.run_dir), up, sizeof(up));
	count_events(st.run_dir, &c);
	printf("%s: %s, up %s, run %s\n", h->name,
	       guest_alive(st.hostd_pid, st.hostd) ? "running" : "restarting", up, st.run_dir);
	printf("  sessions %lu, connections in %lu, out %lu\n", c.sessions, c.inbound,
	       c.outbound);
	print_archive(conf, h);
	return 0;
}

int deploy_status(const struct honeynet_conf *conf, const char *name)
{
	size_t i;
	int rc = 0, found = 0;

	for (i = 0; i < conf->n_honeypots; i++) {
		if (name && strcmp(name, conf->honeypot[i].name) != 0)
			continue;
		found = 1;
		if (print_one(conf, &conf->honeypot[i]))
			rc = -1;
	}
	if (name && !found) {
		report("%s: no honeypot %s in it", conf->file, name);
		return -1;
	}
	if (fflush(stdout) == EOF) {
		report_errno("status: stdout");
		return -1;
	}
	return rc;
}
