// SPDX-License-Identifier: GPL-2.0
/* Runs a program under one part of the jail, made by hostd's own code, so the bench can price that part alone. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cgroup.h"
#include "jail_opts.h"
#include "jail_seccomp.h"
#include "report.h"

/*
 * Usage: jail_part cgroup|seccomp PROGRAM [ARG...]
 * cgroup: a run's cgroup as hostd makes it (cgroup_create, with the limits
 * jail_derive_limits gives a guest of the default memory), PROGRAM in it, the cgroup
 * removed after; exits with PROGRAM's status. seccomp: the jail's filter
 * (jail_seccomp_load), then PROGRAM.
 */

static int in_cgroup(char **argv)
{
	char *const kargv[] = { "linux", NULL };
	char name[64], why[320];
	struct cgroup cg;
	struct jail j;
	int st, r = 1;
	pid_t pid;

	/* hostd's own derivation: a kernel without mem= gets the default guest's limits. */
	jail_opts_init(&j);
	if (jail_derive_limits(&j, kargv, 0, why, sizeof(why)) < 0) {
		report("%s", why);
		return 1;
	}
	snprintf(name, sizeof(name), "bench-%ld", (long)getpid());
	if (cgroup_create(&cg, "/sys/fs/cgroup", name, &j.lim) < 0)
		return 1;
	pid = fork();
	if (pid == 0) {
		if (cgroup_join(&cg) < 0) {
			report_errno("joining the cgroup %s", name);
			_exit(1);
		}
		execvp(argv[0], argv);
		report_errno("%s", argv[0]);
		_exit(1);
	}
	if (pid < 0)
		report_errno("fork");
	else if (waitpid(pid, &st, 0) < 0)
		report_errno("waitpid %ld", (long)pid);
	else if (WIFEXITED(st))
		r = WEXITSTATUS(st);
	cgroup_close(&cg, 1);
	return r;
}

static int under_seccomp(char **argv)
{
	/* The filter needs no_new_privs without CAP_SYS_ADMIN, as in the jail. */
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0) {
		report_errno("no_new_privs");
		return 1;
	}
	if (jail_seccomp_load() < 0) {
		report_errno("loading the jail's filter");
		return 1;
	}
	execvp(argv[0], argv);
	report_errno("%s", argv[0]);
	return 1;
}

int main(int argc, char **argv)
{
	report_prog = "jail_part";
	if (argc >= 3 && strcmp(argv[1], "cgroup") == 0)
		return in_cgroup(argv + 2);
	if (argc >= 3 && strcmp(argv[1], "seccomp") == 0)
		return under_seccomp(argv + 2);
	report("usage: jail_part cgroup|seccomp PROGRAM [ARG...]");
	return 2;
}
