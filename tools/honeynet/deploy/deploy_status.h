/* SPDX-License-Identifier: GPL-2.0 */
/* `honeynet status`: each deployed honeypot's state, run and archive, one block each. */
#ifndef DEPLOY_STATUS_H
#define DEPLOY_STATUS_H

#include "honeynet_conf.h"

/* Prints every honeypot's status, or only name's (NULL: all); -1 if name
 * is not in conf or a state file is unreadable. */
int deploy_status(const struct honeynet_conf *conf, const char *name);

#endif
