/* SPDX-License-Identifier: GPL-2.0 */
/* `honeynet check`: a honeynet.conf parsed and checked on this host, nothing changed. */
#ifndef CHECK_CMD_H
#define CHECK_CMD_H

/* The words after "check": at most the config's path (default
 * HN_CONF_PATH). Returns the exit status: 0 good, 1 refused, 2 usage. */
int check_main(int argc, char *argv[]);

#endif
