// SPDX-License-Identifier: GPL-2.0
/* Whether an sshd answers at an address, asked from inside a namespace. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "netns.h"
#include "report.h"
#include "ssh_probe.h"

/* A single attempt's budget in milliseconds, for connecting and for the banner. */
#define PROBE_CONNECT_MS 1000
#define PROBE_BANNER_MS 3000

static int wait_for(int fd, short events, int ms)
{
	struct pollfd pfd = { .fd = fd, .events = events };
	int rc;

	do
		rc = poll(&pfd, 1, ms);
	while (rc < 0 && errno == EINTR);
	return rc > 0 && (pfd.revents & events);
}

static int connect_within(int fd, const struct sockaddr_in *sa)
{
	int soerr = 0;
	socklen_t len = sizeof(soerr);

	if (connect(fd, (const struct sockaddr *)sa, sizeof(*sa)) == 0)
		return 1;
	if (errno != EINPROGRESS)
		return 0;
	if (!wait_for(fd, POLLOUT, PROBE_CONNECT_MS))
		return 0;
	if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &soerr, &len) < 0 || soerr)
		return 0;
	return 1;
}

int ssh_probe(const char *ns, const char *addr)
{
	struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = htons(22) };
	char banner[8];
	ssize_t n;
	int fd, ok = 0;

	if (inet_pton(AF_INET, addr, &sa.sin_addr) != 1) {
		report("ssh probe: %s: not an IPv4 address", addr);
		return -1;
	}
	fd = netns_socket(ns, AF_INET, SOCK_STREAM | SOCK_NONBLOCK);
	if (fd < 0)
		return -1;
	if (connect_within(fd, &sa) && wait_for(fd, POLLIN, PROBE_BANNER_MS)) {
		n = recv(fd, banner, sizeof(banner), 0);
		ok = n >= 4 && memcmp(banner, "SSH-", 4) == 0;
	}
	close(fd);
	return ok;
}
