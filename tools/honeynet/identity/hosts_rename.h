/* SPDX-License-Identifier: GPL-2.0 */
/* /etc/hosts's 127.0.1.1 line moved from the image's hostname to the honeypot's. */
#ifndef HOSTS_RENAME_H
#define HOSTS_RENAME_H

#include <stddef.h>

/*
 * Writes hosts (the text of an /etc/hosts) to out with the names on its
 * 127.0.1.1 lines renamed, as Debian's installer writes them: old becomes
 * new's first label, and old.DOMAIN becomes new if new has a dot, else
 * new.DOMAIN. Every other byte is kept. Returns 1 if anything was renamed,
 * 0 if not, -1 if out (outlen bytes with its NUL) is too small.
 */
int hosts_rename(const char *hosts, const char *old, const char *new_name,
		 char *out, size_t outlen);

#endif
