// SPDX-License-Identifier: GPL-2.0
/* Least privilege: after the root-only opens, hostd runs as --user with no capabilities. */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <linux/capability.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "privdrop.h"
#include "report.h"

int privdrop_lookup(struct privdrop *pd, const char *user)
{
	struct passwd *pw;

	errno = 0;
	pw = getpwnam(user);
	if (!pw) {
		report("--user %s: %s; nothing started", user,
		       errno ? strerror(errno) : "no such user");
		return -1;
	}
	if (pw->pw_uid == 0) {
		report("--user %s: uid 0 is root; name an unprivileged user", user);
		return -1;
	}
	pd->user = user;
	pd->uid = pw->pw_uid;
	pd->gid = pw->pw_gid;
	return 0;
}

int privdrop_chown(const struct privdrop *pd, int dirfd, const char *run_dir)
{
	/* meta.json too: on a full disk it is rewritten in place, not replaced. */
	static const char *const given[] = { "tty", "pcap", "meta.json" };
	size_t i;

	if (fchown(dirfd, pd->uid, pd->gid) < 0) {
		report("%s: chown to %s: %s; guest stopped", run_dir, pd->user, strerror(errno));
		return -1;
	}
	for (i = 0; i < sizeof(given) / sizeof(given[0]); i++) {
		if (fchownat(dirfd, given[i], pd->uid, pd->gid, AT_SYMLINK_NOFOLLOW) < 0 &&
		    errno != ENOENT) {
			report("%s/%s: chown to %s: %s; guest stopped", run_dir, given[i],
			       pd->user, strerror(errno));
			return -1;
		}
	}
	return 0;
}

/*
 * No capability at all: the guest runs as the jail's own uid, so hostd
 * pauses it through the cgroup handle it opened as root and leaves kills
 * to the guard (guest.c); it needs no CAP_KILL over the host's processes.
 */
static int caps_are_none(void)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct d[2];

	if (syscall(SYS_capget, &h, d) < 0)
		return 0;
	return !d[0].effective && !d[0].permitted && !d[0].inheritable &&
	       !d[1].effective && !d[1].permitted && !d[1].inheritable;
}

static int verify(const struct privdrop *pd)
{
	uid_t ru, eu, su;
	gid_t rg, eg, sg, groups[4];

	if (getresuid(&ru, &eu, &su) < 0 || getresgid(&rg, &eg, &sg) < 0)
		return -1;
	if (ru != pd->uid || eu != pd->uid || su != pd->uid ||
	    rg != pd->gid || eg != pd->gid || sg != pd->gid)
		return -1;
	if (getgroups(4, groups) != 1 || groups[0] != pd->gid)
		return -1;
	if (setuid(0) == 0 || setgid(0) == 0)
		return -1;
	return caps_are_none() ? 0 : -1;
}

int privdrop_apply(const struct privdrop *pd)
{
	const char *step = "setgroups";

	if (setgroups(1, &pd->gid) < 0)
		goto out_fail;
	step = "setresgid";
	if (setresgid(pd->gid, pd->gid, pd->gid) < 0)
		goto out_fail;
	step = "setresuid";
	/* Without PR_SET_KEEPCAPS the change from root clears every capability. */
	if (setresuid(pd->uid, pd->uid, pd->uid) < 0)
		goto out_fail;
	step = "ambient capabilities";
	if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0L, 0L, 0L) < 0)
		goto out_fail;
	step = "no_new_privs";
	if (prctl(PR_SET_NO_NEW_PRIVS, 1L, 0L, 0L, 0L) < 0)
		goto out_fail;
	step = "verify";
	if (verify(pd) < 0) {
		errno = EPERM;
		goto out_fail;
	}
	return 0;

out_fail:
	report("--user %s: %s: %s; guest stopped", pd->user, step, strerror(errno));
	return -1;
}
