// SPDX-License-Identifier: GPL-2.0
/* Fuzz target: a hostile TTY stream through hostd's parser and archive writer, in chunks the input picks. */
#include <dirent.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zlib.h>

#include "archive.h"
#include "chunk.h"
#include "jsoncheck.h"
#include "ttylog.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The corpus its replay (replay_main.c) reads when given none, from the repo root. */
const char fuzz_corpus[] = "tests/fuzz/corpus";

static char dir[256];

static void clean(void);

/* Removes the scratch directory when the process exits. */
static void remove_dir(void)
{
	char path[sizeof(dir) + 8];

	clean();
	snprintf(path, sizeof(path), "%s/tty", dir);
	rmdir(path);
	rmdir(dir);
}

/* One scratch run directory per process, on tmpfs when there is one. */
static void setup(void)
{
	const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";

	snprintf(dir, sizeof(dir), "%s/hostd-fuzz-XXXXXX", base);
	if (!mkdtemp(dir))
		abort();
	atexit(remove_dir);
}

/* Empties the run directory for the next input. */
static void clean(void)
{
	char path[sizeof(dir) + 300];
	struct dirent *d;
	DIR *t;

	snprintf(path, sizeof(path), "%s/tty", dir);
	t = opendir(path);
	while (t && (d = readdir(t))) {
		if (d->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/tty/%s", dir, d->d_name);
		unlink(path);
	}
	if (t)
		closedir(t);
	snprintf(path, sizeof(path), "%s/events.jsonl", dir);
	unlink(path);
}

#define CHECK(c) do { if (!(c)) abort(); } while (0)

/*
 * The oracles beyond "no crash". events.jsonl is whole lines, each one
 * JSON object (jansson reads it) of printable text. The run directory
 * holds events.jsonl and tty/ and nothing else, and tty/ exactly the
 * files the tty.open events name. Every tty file gunzips to whole ttylog
 * records of one session, OPEN first and CLOSE last, and its WRITE
 * records are that session's DATA records in the input, byte for byte and
 * in order, as a second parser over the whole input finds them: all of
 * them, unless hostd said it dropped some (session table full, or no free
 * file name for a reused id), then a subsequence.
 */

/* The input's DATA records (directions 1 and 2, session not 0), in order. */
struct expect {
	uint32_t session;
	uint32_t dir;
	size_t off, len;	/* in payload */
};

static struct expect want[1 << 14];
static size_t n_want, used[1 << 14];
static unsigned char payload[1 << 20];
static size_t payload_len;

static void on_want(void *ctx, const struct wire_rec *r)
{
	(void)ctx;
	if (r->type != TTY_LOG_DATA || r->session == 0 ||
	    (r->dir != TTY_LOG_DIR_INPUT && r->dir != TTY_LOG_DIR_OUTPUT))
		return;
	CHECK(n_want < sizeof(want) / sizeof(want[0]) && r->len <= sizeof(payload) - payload_len);
	want[n_want] = (struct expect){ r->session, r->dir == TTY_LOG_DIR_INPUT ?
					TTYLOG_DIR_READ : TTYLOG_DIR_WRITE, payload_len, r->len };
	memcpy(payload + payload_len, r->payload, r->len);
	payload_len += r->len;
	n_want++;
}

static void on_ignore_error(void *ctx, uint64_t off, const char *what)
{
	(void)ctx;
	(void)off;
	(void)what;
}

static void on_ignore_resync(void *ctx, uint64_t off, uint64_t skipped)
{
	(void)ctx;
	(void)off;
	(void)skipped;
}

static void expect_records(const uint8_t *data, size_t size)
{
	static struct wire_parser w;
	struct wire_sink sink = { on_want, on_ignore_error, on_ignore_resync, NULL };

	n_want = payload_len = 0;
	memset(used, 0, sizeof(used));
	wire_init(&w, &sink);
	wire_feed(&w, data, size);
	wire_end(&w);
}

/* The tty files the tty.open events name, in order; set by check_events. */
static char files[256][SESSION_FILE_MAX + 8];
static size_t n_files;
static int dropped_said;

static void take_event(json_t *ev)
{
	const char *type = json_string_value(json_object_get(ev, "type"));
	const char *what = json_string_value(json_object_get(ev, "what"));
	const char *file = json_string_value(json_object_get(ev, "file"));

	CHECK(type && json_is_string(json_object_get(ev, "ts")));
	if (strcmp(type, "stream.error") == 0 && what &&
	    (strstr(what, "dropped until") || strstr(what, "files of that id exist")))
		dropped_said = 1;
	if (strcmp(type, "tty.open") != 0)
		return;
	CHECK(file && strncmp(file, "tty/", 4) == 0 && strlen(file) < sizeof(files[0]));
	CHECK(n_files < sizeof(files) / sizeof(files[0]));
	snprintf(files[n_files++], sizeof(files[0]), "%s", file);
}

static void check_events(void)
{
	static char buf[1 << 22];
	char path[512];
	int fd;
	ssize_t n, i, start = 0;
	json_t *ev;

	n_files = 0;
	dropped_said = 0;
	snprintf(path, sizeof(path), "%s/events.jsonl", dir);
	fd = open(path, O_RDONLY);
	CHECK(fd >= 0);
	n = read(fd, buf, sizeof(buf));
	close(fd);
	CHECK(n >= 0 && n < (ssize_t)sizeof(buf));
	for (i = 0; i < n; i++) {
		if (buf[i] != '\n')
			continue;
		ev = json_object_parse(buf + start, (size_t)(i - start));
		CHECK(ev);
		take_event(ev);
		json_decref(ev);
		start = i + 1;
	}
	CHECK(start == n);
}

/* The run directory and tty/: nothing but what the events name. */
static void check_listing(void)
{
	char path[sizeof(dir) + 8];
	struct dirent *d;
	size_t top = 0, tty = 0, i;
	DIR *dp = opendir(dir);

	CHECK(dp);
	while ((d = readdir(dp))) {
		if (!strcmp(d->d_name, ".") || !strcmp(d->d_name, ".."))
			continue;
		CHECK(strcmp(d->d_name, "events.jsonl") == 0 || strcmp(d->d_name, "tty") == 0);
		top++;
	}
	closedir(dp);
	CHECK(top == 2);
	snprintf(path, sizeof(path), "%s/tty", dir);
	dp = opendir(path);
	CHECK(dp);
	while ((d = readdir(dp))) {
		if (!strcmp(d->d_name, ".") || !strcmp(d->d_name, ".."))
			continue;
		for (i = 0; i < n_files && strcmp(files[i] + 4, d->d_name); i++)
			;
		CHECK(i < n_files);
		tty++;
	}
	closedir(dp);
	CHECK(tty == n_files);
}

/* The next expected record of session id from *k on: exactly the next one, or (after drops) any later one. */
static size_t next_want(size_t k, uint32_t id, const struct ttylog_rec *r, const unsigned char *p)
{
	for (; k < n_want; k++) {
		const struct expect *e = &want[k];

		if (e->session != id || used[k])
			continue;
		if (e->dir == r->dir && e->len == r->len && memcmp(payload + e->off, p, r->len) == 0)
			return k;
		CHECK(dropped_said);
	}
	abort();
}

/* One tty file: gunzipped whole, OPEN ... CLOSE of one session, its WRITEs the input's DATA. */
static void check_tty_file(const char *name)
{
	static unsigned char raw[1 << 22];
	char path[sizeof(dir) + SESSION_FILE_MAX + 8];
	struct ttylog_rec r;
	size_t off = 0, k = 0, n;
	uint32_t id = 0;
	gzFile gz;
	int got;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	gz = gzopen(path, "rb");
	CHECK(gz);
	got = gzread(gz, raw, sizeof(raw));
	CHECK(got >= 0 && (size_t)got < sizeof(raw) && gzclose(gz) == Z_OK);
	n = (size_t)got;
	while (off < n) {
		CHECK(n - off >= TTYLOG_HEADER_SIZE && ttylog_get(raw + off, &r) == 0);
		CHECK(r.len <= n - off - TTYLOG_HEADER_SIZE);
		CHECK((off == 0) == (r.op == TTYLOG_OP_OPEN));
		if (off == 0)
			id = r.tty;
		CHECK(r.tty == id);
		off += TTYLOG_HEADER_SIZE;
		if (r.op == TTYLOG_OP_WRITE) {
			k = next_want(k, id, &r, raw + off);
			used[k++] = 1;
		}
		off += r.len;
		CHECK(r.op != TTYLOG_OP_CLOSE || off == n);
	}
	CHECK(n > 0 && r.op == TTYLOG_OP_CLOSE);
}

static void check_run(void)
{
	size_t i;

	check_events();
	check_listing();
	for (i = 0; i < n_files; i++)
		check_tty_file(files[i]);
	for (i = 0; i < n_want; i++)
		CHECK(used[i] || dropped_said);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct record *rec;
	struct archive *a;
	uint32_t rng;
	unsigned int mode;
	size_t k;

	if (!dir[0])
		setup();
	if (size == 0)
		return 0;
	mode = data[0] & 7;
	rng = chunk_seed(data[0]);
	data++;
	size--;
	expect_records(data, size);
	rec = record_open(dir);
	a = rec ? archive_open(rec, 1000) : NULL;
	if (!a)
		abort();
	while (size > 0) {
		k = next_chunk(&rng, mode, size);
		archive_feed(a, data, k);
		data += k;
		size -= k;
	}
	if (archive_close(a, "fuzz") < 0 || record_close(rec) < 0)
		abort();
	free(a);
	free(rec);
	check_run();
	clean();
	return 0;
}
