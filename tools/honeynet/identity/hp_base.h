/* SPDX-License-Identifier: GPL-2.0 */
/* A honeypot's base image: a sparse copy of the pristine root_fs with its identity written in. */
#ifndef HP_BASE_H
#define HP_BASE_H

#include <stddef.h>

/*
 * Makes state_dir/root_fs from root_fs and the identity in id_dir unless it
 * is there and root_fs has not changed since it was made (see
 * hp_identity_prepare). 0, or -1 after a report.
 */
int hp_base_ensure(const char *state_dir, const char *root_fs, const char *id_dir,
		   const char *hostname, char *base, size_t baselen, int *remade);

#endif
