// SPDX-License-Identifier: GPL-2.0
/* meta.json: the run's identity, configuration, times and counters, replaced atomically. */
#include <errno.h>
#include <fcntl.h>
#include <linux/falloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "events.h"
#include "hostd.h"
#include "meta.h"
#include "report.h"
#include "write_all.h"

/* The kernel command line can be long; each byte escapes to at most 6. */
#define META_MAX (4 * HOSTD_EVENT_MAX)

static void put_guest(struct jline *j, const struct meta *m)
{
	jl_open(j, "guest");
	if (m->guest_pid)
		jl_i64(j, "pid", m->guest_pid);
	else
		jl_null(j, "pid");
	if (m->guest_exited && WIFEXITED(m->guest_status))
		jl_i64(j, "exit_status", WEXITSTATUS(m->guest_status));
	else
		jl_null(j, "exit_status");
	if (m->guest_exited && WIFSIGNALED(m->guest_status))
		jl_i64(j, "signal", WTERMSIG(m->guest_status));
	else
		jl_null(j, "signal");
	if (m->guest_cpu >= 0)
		jl_i64(j, "cpu", m->guest_cpu);
	else
		jl_null(j, "cpu");
	jl_close(j);
}

/* The kernel's argv twice: as an array, and joined with spaces as a shell would show it. */
static void put_cmdline(struct jline *j, char *const *argv, int n)
{
	size_t len = 1, k = 0, l;
	char *buf;
	int i;

	jl_strv(j, "cmdline", argv, n);
	for (i = 0; i < n; i++)
		len += strlen(argv[i]) + 1;
	buf = malloc(len);
	if (!buf) {
		jl_null(j, "cmdline_text");
		return;
	}
	for (i = 0; i < n; i++) {
		l = strlen(argv[i]);
		memcpy(buf + k, argv[i], l);
		k += l;
		buf[k++] = ' ';
	}
	jl_str(j, "cmdline_text", buf, k ? k - 1 : 0);
	free(buf);
}

static void put_kernel(struct jline *j, const struct meta *m)
{
	jl_open(j, "kernel");
	jl_cstr(j, "path", m->kernel);
	jl_cstr(j, "sha256", m->kernel_sha[0] ? m->kernel_sha : NULL);
	if (m->kernel_size >= 0)
		jl_i64(j, "size", m->kernel_size);
	else
		jl_null(j, "size");
	jl_close(j);
	put_cmdline(j, m->cmdline, m->cmdline_n);
}

static void put_rootfs(struct jline *j, const struct rootfs_id *r)
{
	if (!r || !r->path) {
		jl_null(j, "root_fs");
		return;
	}
	jl_open(j, "root_fs");
	jl_cstr(j, "path", r->path);
	if (r->size >= 0)
		jl_i64(j, "size", r->size);
	else
		jl_null(j, "size");
	jl_ts(j, "mtime", r->mtime_ns);
	jl_cstr(j, "manifest_sha256", r->manifest_sha[0] ? r->manifest_sha : NULL);
	jl_cstr(j, "sha256", r->sha[0] ? r->sha : NULL);
	jl_cstr(j, "hash", r->hash_state);
	jl_close(j);
}

static void put_counters(struct jline *j, const struct archive_counters *c)
{
	jl_open(j, "counters");
	jl_u64(j, "records", c->records);
	jl_u64(j, "bytes", c->bytes);
	jl_u64(j, "sessions", c->sessions);
	jl_u64(j, "exec_events", c->execs);
	jl_u64(j, "stream_errors", c->stream_errors);
	jl_u64(j, "losses", c->losses);
	jl_u64(j, "lost_records", c->lost_records);
	jl_u64(j, "lost_bytes", c->lost_bytes);
	jl_u64(j, "dropped_records", c->dropped_records);
	jl_u64(j, "evictions", c->evictions);
	jl_close(j);
}

/* Data Capture and connection events as configured; null when off. */
static void put_net(struct jline *j, const struct meta *m)
{
	if (m->capture) {
		jl_open(j, "capture");
		jl_cstr(j, "iface", m->capture);
		jl_u64(j, "rotate", m->rotate);
		jl_close(j);
	} else {
		jl_null(j, "capture");
	}
	if (m->nflog >= 0 && m->limits) {
		jl_open(j, "nflog");
		jl_i64(j, "group", m->nflog);
		jl_open(j, "limits");
		jl_u64(j, "tcp", m->limits[0]);
		jl_u64(j, "udp", m->limits[1]);
		jl_u64(j, "icmp", m->limits[2]);
		jl_u64(j, "other", m->limits[3]);
		jl_close(j);
		jl_close(j);
	} else {
		jl_null(j, "nflog");
	}
	jl_cstr(j, "user", m->user);
}

/* The budget and what the run directory held at its last scan; console.log's bytes and cut. */
static void put_limits(struct jline *j, const struct meta *m)
{
	if (m->budget) {
		jl_open(j, "budget");
		jl_u64(j, "bytes", m->budget->total);
		jl_u64(j, "capture_share", m->budget->capture_share);
		jl_u64(j, "used", m->budget->used);
		jl_close(j);
	} else {
		jl_null(j, "budget");
	}
	if (m->console) {
		jl_open(j, "console");
		jl_u64(j, "cap", m->console->cap);
		jl_u64(j, "written", m->console->written);
		jl_u64(j, "cut", m->console->cut);
		jl_close(j);
	} else {
		jl_null(j, "console");
	}
}

static void build(struct jline *j, const struct meta *m)
{
	jl_open(j, NULL);
	jl_cstr(j, "hostd_version", HOSTD_VERSION);
	jl_cstr(j, "mode", m->mode);
	jl_cstr(j, "state", m->state);
	jl_ts(j, "start", m->start_ns);
	if (m->stop_ns)
		jl_ts(j, "stop", m->stop_ns);
	else
		jl_null(j, "stop");
	jl_cstr(j, "run_dir", m->run_dir);
	jl_cstr(j, "input", m->input);
	if (m->kernel)
		put_kernel(j, m);
	else
		jl_null(j, "kernel");
	put_rootfs(j, m->rootfs);
	jl_u64(j, "tty_log_fd", HOSTD_LOG_FD);
	jl_u64(j, "flush_ms", m->flush_ms);
	put_guest(j, m);
	if (m->mode && !strcmp(m->mode, "live")) {
		put_net(j, m);
		put_limits(j, m);
	}
	if (m->c)
		put_counters(j, m->c);
	jl_cstr(j, "failure", m->fail_msg);
	jl_close(j);
}

/*
 * Blocks kept allocated beyond meta.json's size (FALLOC_FL_KEEP_SIZE): on
 * a full disk its last rewrite, the one that says the run failed, must
 * still fit. Every meta.json there has ever been fits in it.
 */
#define META_RESERVE 16384

/* A full disk: meta.json rewritten over its own reserved blocks (not atomic, but written). */
static int rewrite_in_place(int dirfd, const char *buf, size_t n)
{
	int fd = openat(dirfd, "meta.json", O_WRONLY | O_CLOEXEC);
	size_t done = 0;
	ssize_t k;
	int r = 0;

	if (fd < 0)
		return -1;
	while (r == 0 && done < n) {
		k = pwrite(fd, buf + done, n - done, (off_t)done);
		if (k > 0)
			done += (size_t)k;
		else if (k == 0 || errno != EINTR)
			r = -1;
	}
	if (r == 0 && (ftruncate(fd, (off_t)n) < 0 || fsync(fd) < 0))
		r = -1;
	if (close(fd) < 0)
		r = -1;
	return r;
}

/* Writes buf to dir/meta.json.tmp (its reserve allocated), syncs it, renames it over meta.json, syncs dir. */
static int replace_file(int dirfd, const char *buf, size_t n)
{
	size_t done;
	int fd = openat(dirfd, "meta.json.tmp",
			O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
	int err;

	if (fd < 0)
		return errno == ENOSPC ? rewrite_in_place(dirfd, buf, n) : -1;
	if (fallocate(fd, FALLOC_FL_KEEP_SIZE, 0, META_RESERVE) < 0 ||
	    write_all(fd, buf, n, &done) < 0 || fsync(fd) < 0) {
		err = errno;
		close(fd);
		unlinkat(dirfd, "meta.json.tmp", 0);
		if (err == ENOSPC)
			return rewrite_in_place(dirfd, buf, n);
		errno = err;
		return -1;
	}
	if (close(fd) < 0 || renameat(dirfd, "meta.json.tmp", dirfd, "meta.json") < 0)
		return -1;
	return fsync(dirfd);
}

int meta_write(const struct meta *m)
{
	char *buf = malloc(META_MAX);
	struct jline j;
	int dirfd, r = -1;

	if (!buf) {
		report("%s/meta.json: %s; meta.json not written", m->run_dir, strerror(errno));
		return -1;
	}
	jl_init(&j, buf, META_MAX - 1);
	build(&j, m);
	buf[j.len++] = '\n';
	dirfd = m->dirfd > 0 ? fcntl(m->dirfd, F_DUPFD_CLOEXEC, 0) : open(m->run_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (j.overflow)
		errno = E2BIG;
	else if (dirfd >= 0)
		r = replace_file(dirfd, buf, j.len);
	if (r < 0)
		report("%s/meta.json: %s; meta.json not written", m->run_dir, strerror(errno));
	if (dirfd >= 0)
		close(dirfd);
	free(buf);
	return r;
}
