// SPDX-License-Identifier: GPL-2.0
/* A client for the UML management console, to halt the guest from the host. */
#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "mconsole.h"
#include "netns.h"
#include "report.h"

/* The wire protocol of arch/um/drivers/mconsole.h, in the host's byte order. */
#define MCONSOLE_MAGIC 0xcafebabeU
#define MCONSOLE_VERSION 2
#define MCONSOLE_MAX_DATA 512
#define MCONSOLE_HEADER 12

/* Milliseconds to wait for the guest kernel to answer. */
#define MCONSOLE_REPLY_MS 5000

static void put_u32(unsigned char *p, uint32_t v)
{
	memcpy(p, &v, sizeof(v));
}

static uint32_t get_u32(const unsigned char *p)
{
	uint32_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

static int connect_dgram(const char *ns, const char *path)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	sa_family_t autobind = AF_UNIX;
	int fd;

	if (strlen(path) >= sizeof(sa.sun_path)) {
		report("mconsole %s: path too long", path);
		return -1;
	}
	strcpy(sa.sun_path, path);
	fd = netns_socket(ns, AF_UNIX, SOCK_DGRAM);
	if (fd < 0)
		return -1;
	/* The kernel replies to the sender's address, so the client needs one:
	 * binding just the family gets an autobound abstract name. */
	if (bind(fd, (struct sockaddr *)&autobind, sizeof(autobind)) < 0 ||
	    connect(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
		report_errno("mconsole %s", path);
		close(fd);
		return -1;
	}
	return fd;
}

static int await_reply(int fd, const char *path, unsigned char *buf,
		       size_t len, ssize_t *got)
{
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	int rc;

	do
		rc = poll(&pfd, 1, MCONSOLE_REPLY_MS);
	while (rc < 0 && errno == EINTR);
	if (rc <= 0) {
		report("mconsole %s: no reply within %d ms", path, MCONSOLE_REPLY_MS);
		return -1;
	}
	*got = recv(fd, buf, len, 0);
	if (*got < 0) {
		report_errno("mconsole %s: recv", path);
		return -1;
	}
	return 0;
}

int mconsole_send(const char *ns, const char *path, const char *command,
		  char *reply, size_t replylen)
{
	unsigned char req[MCONSOLE_HEADER + MCONSOLE_MAX_DATA] = { 0 };
	unsigned char rep[MCONSOLE_HEADER + MCONSOLE_MAX_DATA];
	size_t clen = strlen(command);
	uint32_t err, len;
	ssize_t got;
	int fd;

	if (clen >= MCONSOLE_MAX_DATA) {
		report("mconsole: command too long (%zu bytes)", clen);
		return -1;
	}
	fd = connect_dgram(ns, path);
	if (fd < 0)
		return -1;
	put_u32(req, MCONSOLE_MAGIC);
	put_u32(req + 4, MCONSOLE_VERSION);
	put_u32(req + 8, (uint32_t)clen);
	memcpy(req + MCONSOLE_HEADER, command, clen);
	if (send(fd, req, sizeof(req), 0) < 0) {
		report_errno("mconsole %s: send %s", path, command);
		goto out_close;
	}
	if (await_reply(fd, path, rep, sizeof(rep), &got))
		goto out_close;
	close(fd);
	if (got < MCONSOLE_HEADER) {
		report("mconsole %s: short reply (%zd bytes)", path, got);
		return -1;
	}
	err = get_u32(rep);
	len = get_u32(rep + 8);
	if (len > (size_t)got - MCONSOLE_HEADER)
		len = (uint32_t)((size_t)got - MCONSOLE_HEADER);
	if (replylen)
		snprintf(reply, replylen, "%.*s", (int)len,
			 (const char *)rep + MCONSOLE_HEADER);
	if (err) {
		report("mconsole %s: %s: refused: %.*s", path, command, (int)len,
		       (const char *)rep + MCONSOLE_HEADER);
		return -1;
	}
	return 0;
out_close:
	close(fd);
	return -1;
}
