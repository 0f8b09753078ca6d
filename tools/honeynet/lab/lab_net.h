/* SPDX-License-Identifier: GPL-2.0 */
/* The lab's network: namespaces hn-inet and hn-wall, the veth pair, tap0, a bridge. */
#ifndef LAB_NET_H
#define LAB_NET_H

#include "lab_config.h"

/* Builds the lab network for mode; on any failure removes what it made and
 * returns -1. The firewall is lab_dc's. */
int lab_net_up(enum lab_mode mode);

/* Removes the lab's namespaces and everything in them; safe to run twice. */
int lab_net_down(void);

#endif
