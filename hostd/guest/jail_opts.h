/* SPDX-License-Identifier: GPL-2.0 */
/* The jail's options (--jail, --jail-uid, --jail-ro, --jail-rw, --jail-limits) and the limits derived from mem=. */
#ifndef JAIL_OPTS_H
#define JAIL_OPTS_H

#include <stddef.h>
#include <stdint.h>

#include "jail.h"

/* Jail on, HOSTD_JAIL_UID, no binds, limits not yet derived. */
void jail_opts_init(struct jail *j);

/* Each returns 0, or -1 with why ("--jail maybe: expected on or off"). */
int jail_opt_mode(struct jail *j, const char *s, char *why, size_t whylen);
int jail_opt_uid(struct jail *j, const char *s, char *why, size_t whylen);
/* "mem=SIZE,pids=N,cpu=PCT": any subset; SIZE in bytes or with K, M or G. */
int jail_opt_limits(struct jail *j, const char *s, char *why, size_t whylen);

/*
 * The limits not given by --jail-limits, from the kernel's mem= argument
 * (HOSTD_GUEST_MEM_MB without one) and the root_fs's size (0: unknown).
 * Returns 0, or -1 with why when mem= is not a size.
 */
int jail_derive_limits(struct jail *j, char *const *kargv, uint64_t rootfs_size,
		       char *why, size_t whylen);

#endif
