/* SPDX-License-Identifier: GPL-2.0 */
/* The files of a honeypot's identity: where they are kept and where the guest finds them. */
#ifndef IDENTITY_FILES_H
#define IDENTITY_FILES_H

#include <sys/types.h>

enum identity_kind { ID_PRIVATE_KEY, ID_PUBLIC_KEY, ID_MACHINE_ID, ID_HOSTNAME };

struct identity_file {
	const char *name;	/* in STATE/identity/ */
	const char *guest_path;	/* in the honeypot's base image */
	mode_t mode;		/* in both, owned by root */
	enum identity_kind kind;
	const char *key_type;	/* ssh-keygen -t; keys only */
	const char *key_bits;	/* ssh-keygen -b, NULL for the type's one size */
	const char *prefix;	/* what the file must start with; keys only */
};

#define IDENTITY_FILES 8

extern const struct identity_file identity_files[IDENTITY_FILES];

#endif
