// SPDX-License-Identifier: GPL-2.0
/* Entering the lab's named network namespaces (made by `ip netns add`). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "netns.h"
#include "report.h"

static int netns_path(const char *name, char *buf, size_t len)
{
	int n = snprintf(buf, len, "/run/netns/%s", name);

	return n < 0 || (size_t)n >= len ? -1 : 0;
}

int netns_exists(const char *name)
{
	char path[PATH_MAX];
	struct stat st;

	if (netns_path(name, path, sizeof(path)))
		return 0;
	return stat(path, &st) == 0;
}

static int netns_open(const char *name)
{
	char path[PATH_MAX];
	int fd;

	if (netns_path(name, path, sizeof(path))) {
		report("netns %s: name too long", name);
		return -1;
	}
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		report_errno("netns %s: %s", name, path);
	return fd;
}

int netns_enter(const char *name)
{
	int fd = netns_open(name);
	int rc;

	if (fd < 0)
		return -1;
	rc = setns(fd, CLONE_NEWNET);
	if (rc < 0)
		report_errno("netns %s: setns", name);
	close(fd);
	return rc;
}

int netns_visit(const char *name)
{
	int self = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);

	if (self < 0) {
		report_errno("/proc/self/ns/net");
		return -1;
	}
	if (netns_enter(name) < 0) {
		close(self);
		return -1;
	}
	return self;
}

void netns_leave(int self)
{
	if (setns(self, CLONE_NEWNET) < 0) {
		/* Staying in the wrong namespace would misdirect every later step. */
		report_errno("netns: cannot return to the original namespace");
		abort();
	}
	close(self);
}

int netns_socket(const char *name, int domain, int type)
{
	int self, sock;

	if (!name) {
		sock = socket(domain, type | SOCK_CLOEXEC, 0);
		if (sock < 0)
			report_errno("socket");
		return sock;
	}
	self = netns_visit(name);
	if (self < 0)
		return -1;
	sock = socket(domain, type | SOCK_CLOEXEC, 0);
	if (sock < 0)
		report_errno("netns %s: socket", name);
	netns_leave(self);
	return sock;
}

/* Whether process pid's network namespace is the one st describes. */
static int pid_in_ns(const char *pid, const struct stat *st)
{
	char path[64];
	struct stat pst;

	if (snprintf(path, sizeof(path), "/proc/%s/ns/net", pid) >= (int)sizeof(path))
		return 0;
	if (stat(path, &pst) < 0)
		return 0;
	return pst.st_dev == st->st_dev && pst.st_ino == st->st_ino;
}

int netns_kill_all(const char *name, int sig)
{
	char path[PATH_MAX];
	struct dirent *de;
	struct stat st;
	int count = 0;
	DIR *proc;

	if (netns_path(name, path, sizeof(path)) || stat(path, &st) < 0)
		return -1;
	proc = opendir("/proc");
	if (!proc) {
		report_errno("/proc");
		return -1;
	}
	while ((de = readdir(proc))) {
		if (de->d_name[0] < '1' || de->d_name[0] > '9')
			continue;
		if (!pid_in_ns(de->d_name, &st))
			continue;
		if (kill((pid_t)atoi(de->d_name), sig) == 0)
			count++;
	}
	closedir(proc);
	return count;
}
