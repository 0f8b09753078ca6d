/* SPDX-License-Identifier: GPL-2.0 */
/* The jail's seccomp allow-list: the host system calls a UML kernel and its helpers make. */
#ifndef JAIL_SECCOMP_H
#define JAIL_SECCOMP_H

/*
 * Loads the filter into the calling process (inherited by every process it
 * creates): a listed call runs, any other kills the whole process. Needs
 * no_new_privs. Returns 0, or -1 with errno set.
 */
int jail_seccomp_load(void);

#endif
