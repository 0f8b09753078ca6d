/* SPDX-License-Identifier: GPL-2.0 */
/* Readiness for systemd's Type=notify: one datagram to $NOTIFY_SOCKET. */
#ifndef SD_NOTIFY_H
#define SD_NOTIFY_H

/* Takes $NOTIFY_SOCKET out of the environment, kept for sd_notify_send. */
void sd_notify_take(void);

/* Sends state ("READY=1", "STOPPING=1", "STATUS=...") when systemd asked
 * for it ($NOTIFY_SOCKET was set at sd_notify_take); 0 when sent or not asked, -1 after saying why. */
int sd_notify_send(const char *state);

#endif
