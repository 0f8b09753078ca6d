/* SPDX-License-Identifier: GPL-2.0 */
/* Entering named network namespaces (made by `ip netns add`): the lab's, a test's. */
#ifndef NETNS_H
#define NETNS_H

#include <sys/types.h>

/* Moves the calling process into namespace name; -1 and a report on error. */
int netns_enter(const char *name);

/* Moves the calling process into namespace name until netns_leave: returns
 * what netns_leave takes back to, or -1 and a report on error. Commands run
 * meanwhile (ip, nft, sysctl) act in name. */
int netns_visit(const char *name);

/* Back to the namespace netns_visit left; aborts if that fails, as every
 * later step would act in the wrong namespace. */
void netns_leave(int self);

/* A socket of the given type made inside namespace name (NULL: the
 * caller's own), the caller's namespace restored afterwards; -1 and a
 * report on error. */
int netns_socket(const char *name, int domain, int type);

/* Whether namespace name exists. */
int netns_exists(const char *name);

/* Sends sig to every process whose network namespace is name; returns how
 * many were signalled, or -1 if the namespace cannot be read. */
int netns_kill_all(const char *name, int sig);

#endif
