/* SPDX-License-Identifier: GPL-2.0 */
/* The watch feed as a command: on stdout until Ctrl-C (SIGINT, SIGTERM, SIGHUP). */
#ifndef WATCH_CMD_H
#define WATCH_CMD_H

#include <stddef.h>

#include "watch_follow.h"

/* Follows the n sources on stdout until a stop signal; returns the exit status (0, or 1 if stdout failed). */
int watch_run(const struct watch_src *src, size_t n);

#endif
