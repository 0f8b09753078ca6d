// SPDX-License-Identifier: GPL-2.0
/* The files of a honeypot's identity: where they are kept and where the guest finds them. */
#include <stddef.h>

#include "identity_files.h"

#define PRIVATE_KEY "-----BEGIN OPENSSH PRIVATE KEY-----\n"

/* The three keys ssh-keygen -A makes on a stock Debian bookworm; each
 * private key right before its public one, which ssh-keygen makes with it. */
const struct identity_file identity_files[IDENTITY_FILES] = {
	{ "ssh_host_ed25519_key", "/etc/ssh/ssh_host_ed25519_key", 0600, ID_PRIVATE_KEY,
	  "ed25519", NULL, PRIVATE_KEY },
	{ "ssh_host_ed25519_key.pub", "/etc/ssh/ssh_host_ed25519_key.pub", 0644, ID_PUBLIC_KEY,
	  "ed25519", NULL, "ssh-ed25519 " },
	{ "ssh_host_ecdsa_key", "/etc/ssh/ssh_host_ecdsa_key", 0600, ID_PRIVATE_KEY,
	  "ecdsa", NULL, PRIVATE_KEY },
	{ "ssh_host_ecdsa_key.pub", "/etc/ssh/ssh_host_ecdsa_key.pub", 0644, ID_PUBLIC_KEY,
	  "ecdsa", NULL, "ecdsa-sha2-nistp256 " },
	{ "ssh_host_rsa_key", "/etc/ssh/ssh_host_rsa_key", 0600, ID_PRIVATE_KEY,
	  "rsa", "3072", PRIVATE_KEY },
	{ "ssh_host_rsa_key.pub", "/etc/ssh/ssh_host_rsa_key.pub", 0644, ID_PUBLIC_KEY,
	  "rsa", "3072", "ssh-rsa " },
	{ "machine-id", "/etc/machine-id", 0444, ID_MACHINE_ID, NULL, NULL, NULL },
	{ "hostname", "/etc/hostname", 0644, ID_HOSTNAME, NULL, NULL, NULL },
};
