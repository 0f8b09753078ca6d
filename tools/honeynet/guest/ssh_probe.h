/* SPDX-License-Identifier: GPL-2.0 */
/* Whether an sshd answers at an address, asked from inside a namespace. */
#ifndef SSH_PROBE_H
#define SSH_PROBE_H

/* One attempt: connects from namespace ns to addr:22 and reads the banner.
 * 1 if an SSH banner came back, 0 if not (yet), -1 on a local error. */
int ssh_probe(const char *ns, const char *addr);

#endif
