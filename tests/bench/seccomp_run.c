// SPDX-License-Identifier: GPL-2.0
/* Runs a program under the jail's own seccomp allow-list, so the bench can price that part alone. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "jail_seccomp.h"

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: seccomp_run PROGRAM [ARG...]\n");
		return 2;
	}
	/* The filter needs no_new_privs without CAP_SYS_ADMIN, as in the jail. */
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0) {
		fprintf(stderr, "seccomp_run: no_new_privs: %s\n", strerror(errno));
		return 1;
	}
	if (jail_seccomp_load() < 0) {
		fprintf(stderr, "seccomp_run: loading the jail's filter: %s\n", strerror(errno));
		return 1;
	}
	execv(argv[1], argv + 1);
	fprintf(stderr, "seccomp_run: %s: %s\n", argv[1], strerror(errno));
	return 1;
}
