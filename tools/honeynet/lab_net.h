/* The lab's network: namespaces hn-inet and hn-wall, the veth pair, tap0, NAT. */
#ifndef LAB_NET_H
#define LAB_NET_H

#include <stddef.h>

/* Builds the lab network; on any failure removes what it made and returns -1. */
int lab_net_up(void);

/* Removes the lab's namespaces and everything in them; safe to run twice. */
int lab_net_down(void);

/* The NAT ruleset nft loads into hn-wall, rendered into buf; -1 if too small. */
int lab_net_nat_rules(char *buf, size_t len);

#endif
