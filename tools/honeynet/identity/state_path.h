/* SPDX-License-Identifier: GPL-2.0 */
/* Paths in a honeypot's state directory, and the one form of message about them. */
#ifndef STATE_PATH_H
#define STATE_PATH_H

#include <stddef.h>

/* "identity PATH: why; honeypot not started" on stderr; returns -1. */
int identity_fail(const char *path, const char *why);

/* Like identity_fail with strerror(errno) as the reason. */
int identity_fail_errno(const char *path);

/* Writes dir/name into buf; -1 after a report if it does not fit. */
int state_path(char *buf, size_t len, const char *dir, const char *name);

#endif
