// SPDX-License-Identifier: GPL-2.0
/* `honeynet status`: each deployed honeypot's state, run and archive, one block each. */
#include <libgen.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
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

/* What a run's events say so far. hostd writes each event's type right
 * after its time, so a line's type is found without parsing the rest. */
struct run_counts {
	unsigned long sessions;		/* tty.open */
	unsigned long inbound;		/* net.inbound */
	unsigned long outbound;		/* net.outbound and net.blocked */
};

static int has_type(const char *line, const char *type)
{
	char key[64];

	snprintf(key, sizeof(key), "\"type\":\"%s\"", type);
	return strstr(line, key) != NULL;
}

static void count_events(const char *run_dir, struct run_counts *c)
{
	char path[PATH_MAX], line[1024];
	FILE *f;

	memset(c, 0, sizeof(*c));
	if (snprintf(path, sizeof(path), "%s/events.jsonl", run_dir) >= (int)sizeof(path))
		return;
	f = fopen(path, "re");
	if (!f)
		return;
	/* A line longer than the buffer is read in pieces; only a piece that
	 * starts a line can hold its type, so the rest cannot count twice. */
	while (fgets(line, sizeof(line), f)) {
		if (line[0] != '{')
			continue;
		c->sessions += has_type(line, "tty.open");
		c->inbound += has_type(line, "net.inbound");
		c->outbound += has_type(line, "net.outbound") + has_type(line, "net.blocked");
	}
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
