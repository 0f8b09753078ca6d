/* SPDX-License-Identifier: GPL-2.0 */
/* Runs a host command (ip, nft) to completion and reports how it failed. */
#ifndef RUN_CMD_H
#define RUN_CMD_H

/*
 * Runs argv (a NULL-terminated list, argv[0] looked up in PATH) with input
 * on its stdin (NULL for /dev/null). Returns 0 if it exited 0; otherwise
 * reports the command and its status and returns -1. quiet silences the
 * command's own stderr, for steps whose failure is expected (teardown).
 */
int run_cmd(const char *const argv[], const char *input, int quiet);

#endif
