/* SPDX-License-Identifier: GPL-2.0 */
/* A honeypot's lasting identity (ssh host keys, machine-id, hostname) and its base image. */
#ifndef HP_IDENTITY_H
#define HP_IDENTITY_H

#include <stddef.h>

/*
 * Makes the honeypot's identity once, in state_dir (/var/lib/honeynet/NAME,
 * made 0700) under identity/: ssh host keys (ed25519, ecdsa, rsa 3072,
 * comment root@hostname), machine-id and hostname; later calls use it as it
 * is, and refuse one that is incomplete or damaged, naming the file, or one
 * made for another hostname. Then makes state_dir/root_fs, the honeypot's
 * base image: a sparse copy of root_fs (never written) with the identity in
 * its /etc, remade only when it is missing or root_fs changed since
 * (state_dir/root_fs.source). Its path goes to base; *remade is 1 if it was
 * (re)made now, so a COW kept over the old one no longer fits, else 0: the
 * base is then left untouched, its mtime too (a UML COW header records it).
 * 0, or -1 after "identity PATH: why; honeypot not started".
 */
int hp_identity_prepare(const char *state_dir, const char *root_fs, const char *hostname,
			char *base, size_t baselen, int *remade);

/* state_dir/disk, made 0700 if missing: where a revert=never honeypot keeps its COW. */
int hp_identity_cow_dir(const char *state_dir, char *buf, size_t len);

#endif
