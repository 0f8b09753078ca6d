// SPDX-License-Identifier: GPL-2.0
/* The capture's file rotation: a resumable state machine with named states, on wall-clock boundaries. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "hostd.h"
#include "rotate.h"
#include "safename.h"

int64_t rot_boundary(int64_t t, unsigned int period)
{
	int64_t p = period ? (int64_t)period : 1;
	int64_t q = t / p;

	if (t < 0 && q * p != t)
		q--;	/* floor, for a clock before 1970 */
	return (q + 1) * p;
}

void rot_name(char *out, size_t cap, const char *base, int64_t t, unsigned int n)
{
	time_t s = (time_t)t;
	struct tm tm;
	char ts[32], suffix[16];

	if (!gmtime_r(&s, &tm) || !strftime(ts, sizeof(ts), "%Y%m%dT%H%M%SZ", &tm))
		snprintf(ts, sizeof(ts), "%lld", (long long)t);
	safename_copy(suffix, n);
	snprintf(out, cap, "%s-%s%s.pcap.gz", base, ts, suffix);
}

void rot_base(char *out, size_t cap, const char *iface)
{
	if (safename(out, cap, iface, strlen(iface), '_') == 0 && cap > 3)
		snprintf(out, cap, "if");
}

void rot_init(struct rotor *r, int dirfd, const char *dir, const char *iface,
	      uint32_t snaplen, uint32_t linktype, unsigned int period)
{
	memset(r, 0, sizeof(*r));
	r->st = ROT_REOPEN;
	r->dirfd = dirfd;
	r->f.gz.fd = -1;
	snprintf(r->dir, sizeof(r->dir), "%s", dir);
	rot_base(r->base, sizeof(r->base), iface);
	r->snaplen = snaplen;
	r->linktype = linktype;
	r->period = period;
}

const char *rot_state_name(enum rot_state st)
{
	static const char *const names[] = { "WRITING", "SYNC", "RENAME", "REOPEN", "DONE" };

	return (unsigned int)st < sizeof(names) / sizeof(names[0]) ? names[st] : "?";
}

int rot_due(const struct rotor *r, int64_t now_s)
{
	return r->st == ROT_WRITING && (now_s >= r->next || now_s < r->start - (int64_t)r->period);
}

void rot_begin(struct rotor *r, int stopping)
{
	r->file_packets = 0;
	r->file_bytes = 0;
	r->dropped = 0;
	r->stopping = stopping;
	if (r->st == ROT_WRITING)
		r->st = ROT_SYNC;
	else if (stopping && r->st == ROT_REOPEN)
		r->st = ROT_DONE;	/* no file open: nothing to finish */
}

static int failed(struct rotor *r, const char *path, int err, uint64_t mono_now_ms)
{
	r->err = err ? err : EIO;
	snprintf(r->err_path, sizeof(r->err_path), "%s", path);
	r->retry_ms = mono_now_ms + HOSTD_RETRY_MS;
	return -1;
}

/* SYNC: end the stream and write it (retried), then fsync once. */
static int do_sync(struct rotor *r, uint64_t mono_now_ms)
{
	if (pcapfile_finish(&r->f) < 0)
		return failed(r, r->part, r->f.gz.err, mono_now_ms);
	r->files++;
	r->bytes_done += r->f.gz.written;
	if (pcapfile_close(&r->f) < 0) {
		/* Never retry an fsync: the file stays .part (unfinished) and a new one starts. */
		failed(r, r->part, errno, mono_now_ms);
		r->retry_ms = 0;
		r->st = r->stopping ? ROT_DONE : ROT_REOPEN;
		return -1;
	}
	r->st = ROT_RENAME;
	return 0;
}

static int do_rename(struct rotor *r, uint64_t mono_now_ms)
{
	if (renameat(r->dirfd, r->part, r->dirfd, r->name) < 0)
		return failed(r, r->part, errno, mono_now_ms);
	if (fsync(r->dirfd) < 0)
		errno = 0;	/* the rename is done; a lost directory entry is found as .part */
	r->st = r->stopping ? ROT_DONE : ROT_REOPEN;
	return 0;
}

/* Creates NAME.part, or NAME~N.part if the clock went back onto a name in use. */
static int open_named(struct rotor *r)
{
	unsigned int n;

	for (n = 1; n <= HOSTD_NAME_COLLISIONS; n++) {
		rot_name(r->name, sizeof(r->name), r->base, r->start, n);
		snprintf(r->part, sizeof(r->part), "%s.part", r->name);
		if (faccessat(r->dirfd, r->name, F_OK, 0) == 0) {
			errno = EEXIST;
			continue;
		}
		if (pcapfile_open(&r->f, r->dirfd, r->part, r->snaplen, r->linktype) == 0)
			return 0;
		if (errno != EEXIST)
			return -1;
	}
	return -1;
}

static int do_reopen(struct rotor *r, int64_t now_s, uint64_t mono_now_ms)
{
	/* A file starts at its boundary (the first at the start), so names follow the clock. */
	r->start = r->next && now_s >= r->next && now_s < r->next + (int64_t)r->period ?
		   r->next : now_s;
	if (open_named(r) < 0)
		return failed(r, r->part, errno, mono_now_ms);
	r->next = rot_boundary(r->start, r->period);
	r->st = ROT_WRITING;
	return 0;
}

int rot_step(struct rotor *r, int64_t now_s, uint64_t mono_now_ms)
{
	enum rot_state before;
	int rc = 0;

	if (mono_now_ms < r->retry_ms)
		return 0;
	r->retry_ms = 0;
	do {
		before = r->st;
		switch (r->st) {
		case ROT_SYNC: rc = do_sync(r, mono_now_ms); break;
		case ROT_RENAME: rc = do_rename(r, mono_now_ms); break;
		case ROT_REOPEN: rc = r->stopping ? 0 : do_reopen(r, now_s, mono_now_ms); break;
		case ROT_WRITING:
		case ROT_DONE: break;
		}
		if (rc < 0)
			return -1;
	} while (r->st != before);
	return 0;
}

int rot_put(struct rotor *r, uint32_t sec, uint32_t usec, uint32_t caplen, uint32_t len,
	    const void *data)
{
	uint64_t packets = r->f.packets, bytes = r->f.bytes;
	int k;

	if (r->st != ROT_WRITING) {
		r->dropped++;
		r->dropped_all++;
		return 0;
	}
	k = pcapfile_put(&r->f, sec, usec, caplen, len, data);
	/* The file counts what it took, a write failure's record included. */
	r->file_packets += r->f.packets - packets;
	r->packets += r->f.packets - packets;
	r->file_bytes += r->f.bytes - bytes;
	r->bytes += r->f.bytes - bytes;
	if (k > 0) {
		r->dropped++;
		r->dropped_all++;
	}
	if (k < 0) {
		snprintf(r->err_path, sizeof(r->err_path), "%s", r->part);
		r->err = r->f.gz.err;
		return -1;
	}
	return 0;
}

struct rot_counts rot_counts(const struct rotor *r)
{
	struct rot_counts k = {
		.file_packets = r->file_packets, .file_bytes = r->file_bytes,
		.packets = r->packets, .bytes = r->bytes,
		.dropped = r->dropped, .dropped_all = r->dropped_all, .files = r->files,
	};
	return k;
}

const char *rot_file(const struct rotor *r)
{
	return r->st == ROT_WRITING ? r->name : NULL;
}

const char *rot_part(const struct rotor *r)
{
	return r->part;
}

int rot_done(const struct rotor *r)
{
	return r->st == ROT_DONE;
}

const char *rot_state(const struct rotor *r)
{
	return rot_state_name(r->st);
}

int rot_error(const struct rotor *r, const char **path)
{
	*path = r->err_path;
	return r->err;
}

int rot_unsynced(const struct rotor *r)
{
	return r->st == ROT_WRITING && r->f.since_sync != 0;
}

uint64_t rot_timeout_ms(const struct rotor *r, int64_t now_ms, uint64_t mono_now_ms, uint64_t t)
{
	int64_t to_boundary = r->next * 1000 - now_ms;

	if (r->st == ROT_WRITING && to_boundary < (int64_t)t)
		t = to_boundary > 0 ? (uint64_t)to_boundary : 0;
	if (r->retry_ms && r->retry_ms > mono_now_ms && r->retry_ms - mono_now_ms < t)
		t = r->retry_ms - mono_now_ms;
	return t;
}

void rot_retry_now(struct rotor *r)
{
	r->retry_ms = 0;
}

void rot_abandon(struct rotor *r)
{
	pcapfile_abandon(&r->f);
}

uint64_t rot_disk_bytes(const struct rotor *r)
{
	const struct pcapfile *f = &r->f;

	if (f->gz.fd < 0)
		return r->bytes_done;
	/* deflate's worst case grows incompressible input by under 1/2048, plus a
	 * sync marker and the gzip trailer: 64 bytes cover those. */
	return r->bytes_done + f->gz.written + f->gz.pend_len + f->since_sync +
	       f->since_sync / 2048 + 64;
}

int rot_flush(struct rotor *r)
{
	if (r->st != ROT_WRITING)
		return 0;
	if (pcapfile_flush(&r->f) < 0) {
		snprintf(r->err_path, sizeof(r->err_path), "%s", r->part);
		r->err = r->f.gz.err;
		return -1;
	}
	return 0;
}
