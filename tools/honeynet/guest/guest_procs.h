/* SPDX-License-Identifier: GPL-2.0 */
/* What a guest's host processes are doing, for a guest that does not answer. */
#ifndef GUEST_PROCS_H
#define GUEST_PROCS_H

/* On stderr, one line for each host process of uid (the guest's jail uid):
 * pid, name, state and the kernel function it waits in, then its kernel
 * stack's first frames: what an operator needs to tell a slow boot from a
 * stuck one. */
void guest_show_procs(unsigned int uid);

#endif
