// SPDX-License-Identifier: GPL-2.0
/* The root_fs's identity for meta.json, without slowing the boot: a manifest's hash, or a background hash. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rootfs.h"
#include "clock.h"
#include "report.h"
#include "write_all.h"

/* ioprio_set(2) values: idle class, so the guest's own disk reads come first. */
#define IOPRIO_WHO_PROCESS 1
#define IOPRIO_IDLE (3 << 13)

static void hasher(const char *path, int out)
{
	char hex[SHA256_HEX];
	off_t size;
	size_t done;

	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (nice(19) < 0 && errno)
		errno = 0;
	syscall(SYS_ioprio_set, IOPRIO_WHO_PROCESS, 0, IOPRIO_IDLE);
	if (sha256_file(path, hex, &size) == 0)
		write_all(out, hex, 64, &done);
	_exit(0);
}

static void start_hasher(struct rootfs_id *r)
{
	int p[2];

	if (pipe2(p, O_CLOEXEC) < 0) {
		r->hash_state = "failed";
		return;
	}
	r->pid = fork();
	if (r->pid == 0) {
		close(p[0]);
		hasher(r->path, p[1]);
	}
	close(p[1]);
	if (r->pid < 0) {
		r->pid = 0;
		close(p[0]);
		r->hash_state = "failed";
		return;
	}
	r->fd = p[0];
	r->hash_state = "running";
}

void rootfs_start(struct rootfs_id *r, const char *path)
{
	char man[PATH_MAX];
	struct stat st;
	off_t size;

	memset(r, 0, sizeof(*r));
	r->fd = -1;
	r->size = -1;
	r->hash_state = "none";
	r->path = path;
	if (!path)
		return;
	if (stat(path, &st) < 0) {
		report("%s: %s; root_fs identity not recorded", path, strerror(errno));
		r->hash_state = "failed";
		return;
	}
	r->size = st.st_size;
	r->mtime_ns = (uint64_t)st.st_mtim.tv_sec * 1000000000ULL +
		      (uint64_t)st.st_mtim.tv_nsec;
	snprintf(man, sizeof(man), "%s.manifest", path);
	if (sha256_file(man, r->manifest_sha, &size) == 0) {
		r->hash_state = "manifest";
		return;
	}
	start_hasher(r);
}

int rootfs_poll(struct rootfs_id *r)
{
	ssize_t k;

	if (r->fd < 0)
		return 1;
	k = read(r->fd, r->sha + r->got, 64 - r->got);
	if (k < 0 && (errno == EINTR || errno == EAGAIN))
		return 0;
	if (k > 0) {
		r->got += (size_t)k;
		if (r->got < 64)
			return 0;
	}
	r->sha[r->got] = '\0';
	r->hash_state = r->got == 64 ? "done" : "failed";
	if (r->got != 64)
		r->sha[0] = '\0';
	close(r->fd);
	r->fd = -1;
	return 1;
}

void rootfs_reap(struct rootfs_id *r)
{
	if (r->pid > 0 && waitpid(r->pid, NULL, WNOHANG) == r->pid)
		r->pid = 0;
}

void rootfs_finish(struct rootfs_id *r, unsigned int wait_ms)
{
	uint64_t end = mono_ms() + wait_ms, now;
	struct pollfd p;

	while (r->fd >= 0 && (now = mono_ms()) < end) {
		p.fd = r->fd;
		p.events = POLLIN;
		if (poll(&p, 1, (int)(end - now)) > 0)
			rootfs_poll(r);
	}
	if (r->fd >= 0) {
		close(r->fd);
		r->fd = -1;
		r->hash_state = "unfinished";
	}
	if (r->pid > 0) {
		kill(r->pid, SIGKILL);
		waitpid(r->pid, NULL, 0);
		r->pid = 0;
	}
}
