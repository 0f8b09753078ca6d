// SPDX-License-Identifier: GPL-2.0
/* Runs a program under one part of the jail, made by hostd's own code, so the bench can price that part alone. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cgroup.h"
#include "hostd.h"
#include "jail_seccomp.h"
#include "report.h"

/*
 * Usage: jail_part cgroup|seccomp PROGRAM [ARG...]
 * cgroup: a run's cgroup as hostd makes it (cgroup_create, hostd's default
 * limits for a guest of its default memory), PROGRAM in it, the cgroup
 * removed after; exits with PROGRAM's status. seccomp: the jail's filter
 * (jail_seccomp_load), then PROGRAM.
 */

static int in_cgroup(char **argv)
{
	const struct cg_limits lim = {
		.mem_bytes = (uint64_t)(HOSTD_GUEST_MEM_MB + HOSTD_JAIL_TMP_EXTRA_MB +
					HOSTD_JAIL_MEM_EXTRA_MB) << 20,
		.pids = HOSTD_JAIL_PIDS,
		.cpu_pct = HOSTD_JAIL_CPU_PCT,
	};
	struct cgroup cg;
	char name[64];
	int st, r = 1;
	pid_t pid;

	snprintf(name, sizeof(name), "bench-%ld", (long)getpid());
	if (cgroup_create(&cg, "/sys/fs/cgroup", name, &lim) < 0)
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
