/* SPDX-License-Identifier: GPL-2.0 */
/* `honeynet up|down|status|restart|watch`: the deployed honeypots of a honeynet.conf. */
#ifndef DEPLOY_CMD_H
#define DEPLOY_CMD_H

/* cmd is "up", "down", "status", "restart" or "watch"; config the honeynet.conf;
 * bindir honeynet's own directory (hostd and the kernel are found from
 * it); argv the words after cmd. Returns the exit status. */
int deploy_main(const char *cmd, const char *config, const char *bindir,
		int argc, char *argv[]);

/* Whether cmd is one of deploy_main's. */
int deploy_is_cmd(const char *cmd);

#endif
