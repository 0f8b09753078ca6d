// SPDX-License-Identifier: GPL-2.0
/* Where honeynet finds hostd, the guest kernel and the default root_fs and persona. */
#include <errno.h>
#include <stdio.h>
#include <sys/stat.h>

#include "install_paths.h"

/* One layout's files, relative to the directory honeynet is in. */
struct layout {
	const char *hostd, *kernel, *root_fs, *persona;
};

/* make install's (mk/install.mk): PREFIX/sbin/honeynet. */
static const struct layout installed = {
	.hostd = "hostd",
	.kernel = "../lib/honeynet/linux",
	.root_fs = "../share/honeynet/root_fs",
	.persona = "../share/honeynet/persona/proc",
};

/* The build tree's: build/bin/honeynet, in the repository. */
static const struct layout build_tree = {
	.hostd = "../bin/hostd",
	.kernel = "../linux",
	.root_fs = "../root_fs",
	.persona = "../../rootfs/persona/proc",
};

/* Only an installed tree has it: the kernel's directory. */
#define INSTALLED_MARK "../lib/honeynet"

static int join(char dst[PATH_MAX], const char *bindir, const char *rel)
{
	int n = snprintf(dst, PATH_MAX, "%s/%s", bindir, rel);

	if (n < 0 || n >= PATH_MAX) {
		errno = ENAMETOOLONG;
		return -1;
	}
	return 0;
}

/* 1: bindir is an installed sbin/; 0: a build tree's bin/; -1 with errno. */
static int is_installed(const char *bindir)
{
	char mark[PATH_MAX];
	struct stat st;

	if (join(mark, bindir, INSTALLED_MARK))
		return -1;
	if (stat(mark, &st) == 0)
		return S_ISDIR(st.st_mode);
	if (errno == ENOENT || errno == ENOTDIR)
		return 0;
	return -1;
}

int install_paths_find(struct install_paths *p, const char *bindir)
{
	const struct layout *l;
	int inst = is_installed(bindir);

	if (inst < 0)
		return -1;
	l = inst ? &installed : &build_tree;
	if (join(p->hostd, bindir, l->hostd) || join(p->kernel, bindir, l->kernel) ||
	    join(p->root_fs, bindir, l->root_fs) || join(p->persona, bindir, l->persona))
		return -1;
	return 0;
}
