/* SPDX-License-Identifier: GPL-2.0 */
/* `honeynet ruleset`: a honeywall config checked and rendered for nft, for a real host. */
#ifndef RULESET_CMD_H
#define RULESET_CMD_H

/* argv[0] is the config path (or --remove); prints the nft script to stdout.
 * Returns the exit status: 0 done, 1 refused config, 2 usage. */
int ruleset_main(int argc, char *argv[]);

#endif
