/* SPDX-License-Identifier: GPL-2.0 */
/* Where honeynet finds hostd, the guest kernel and the default root_fs and persona. */
#ifndef INSTALL_PATHS_H
#define INSTALL_PATHS_H

#include <limits.h>

struct install_paths {
	char hostd[PATH_MAX];
	char kernel[PATH_MAX];
	char root_fs[PATH_MAX];
	char persona[PATH_MAX];	/* the default /proc persona directory */
};

/*
 * Fills p for the honeynet program in bindir (its own directory). Installed
 * (bindir is PREFIX/sbin, told by PREFIX/lib/honeynet being a directory):
 * hostd beside it, PREFIX/lib/honeynet/linux, PREFIX/share/honeynet/root_fs
 * and PREFIX/share/honeynet/persona/proc. Otherwise the build tree
 * (bindir is build/bin): build/bin/hostd, build/linux, build/root_fs and
 * the repository's rootfs/persona/proc. Each path is bindir joined to a
 * relative one, as the files need not exist yet. -1 with errno
 * ENAMETOOLONG if a path would not fit, or stat's errno if bindir's
 * layout cannot be told.
 */
int install_paths_find(struct install_paths *p, const char *bindir);

#endif
