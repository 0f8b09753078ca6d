/* SPDX-License-Identifier: GPL-2.0 */
/* A client for the UML management console, to halt the guest from the host. */
#ifndef MCONSOLE_H
#define MCONSOLE_H

#include <stddef.h>

/*
 * Sends command (e.g. "cad", "halt", "version") to the mconsole socket at
 * path and copies the first reply's text into reply. The kernel answers to
 * an abstract address, which lives in a network namespace: the client's
 * socket is made in ns, the guest kernel's namespace. Returns 0 if the
 * guest kernel accepted the command, -1 (with a report) otherwise.
 */
int mconsole_send(const char *ns, const char *path, const char *command,
		  char *reply, size_t replylen);

#endif
