/* SPDX-License-Identifier: GPL-2.0 */
/* Least privilege: after the root-only opens, hostd runs as --user with no capabilities. */
#ifndef PRIVDROP_H
#define PRIVDROP_H

#include <sys/types.h>

struct privdrop {
	const char *user;
	uid_t uid;
	gid_t gid;
};

/* Looks USER up (before anything is opened: NSS may need files). Returns 0, or -1 after saying why. */
int privdrop_lookup(struct privdrop *pd, const char *user);

/*
 * Gives the run directory, its tty/ and pcap/ and meta.json (those that
 * exist) to the user, so it can create tty files, rotate captures and
 * replace meta.json, or on a full disk rewrite it over its own reserved
 * blocks. dirfd is the run directory. Returns 0, or -1 after saying why.
 */
int privdrop_chown(const struct privdrop *pd, int dirfd, const char *run_dir);

/*
 * setgroups(gid), setresgid, setresuid (which clears every capability),
 * the ambient set cleared, no_new_privs; then verifies: every uid and gid
 * is the user's, the only group is gid, setuid(0) fails, and every
 * capability set is empty. Returns 0, or -1 after saying why.
 */
int privdrop_apply(const struct privdrop *pd);

#endif
