// SPDX-License-Identifier: GPL-2.0
/* Readiness for systemd's Type=notify: one datagram to $NOTIFY_SOCKET. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "report.h"
#include "sd_notify.h"

static char notify_path[sizeof(((struct sockaddr_un *)0)->sun_path) + 1];

/* Only the supervisor may speak for the unit (NotifyAccess=main): hostd,
 * nft and ip must not inherit the socket's name. */
void sd_notify_take(void)
{
	const char *path = getenv("NOTIFY_SOCKET");

	if (path && strlen(path) < sizeof(notify_path))
		strcpy(notify_path, path);
	else if (path)
		report("NOTIFY_SOCKET %.40s...: too long; systemd will not hear from us", path);
	unsetenv("NOTIFY_SOCKET");
}

/* The protocol is this one datagram (sd_notify(3)); libsystemd is not
 * needed for it. A name starting with @ is in the abstract namespace. */
int sd_notify_send(const char *state)
{
	const char *path = notify_path;
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	size_t plen, len = strlen(state);
	socklen_t salen;
	int fd;

	if (!*path)
		return 0;
	plen = strlen(path);
	if ((path[0] != '/' && path[0] != '@') || plen >= sizeof(sa.sun_path)) {
		report("NOTIFY_SOCKET %s: not a socket path; systemd not told %s", path, state);
		return -1;
	}
	memcpy(sa.sun_path, path, plen);
	if (path[0] == '@')
		sa.sun_path[0] = '\0';
	salen = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + plen);
	fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0 || sendto(fd, state, len, MSG_NOSIGNAL, (struct sockaddr *)&sa,
			     salen) != (ssize_t)len) {
		report_errno("NOTIFY_SOCKET %s: %s not sent", path, state);
		if (fd >= 0)
			close(fd);
		return -1;
	}
	close(fd);
	return 0;
}
