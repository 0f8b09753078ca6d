// SPDX-License-Identifier: GPL-2.0
/* Unit tests: the guest's fail-closed pause: frozen when the freeze works, killed when it fails. */
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "guest.h"
#include "suites.h"

/* A stand-in guest: a child that waits to be killed, in a jail whose v2 freeze handle is fd. */
static void stand_in(struct guest *g, struct jail *j, int fd)
{
	memset(j, 0, sizeof(*j));
	j->on = 1;
	j->cg.v2 = 1;
	j->cg.ndirs = 1;
	strcpy(j->cg.dir[0], "/sys/fs/cgroup/honeynet-unit");
	j->cg.freeze_fd = fd;
	j->cg.kill_fd = j->cg.procs_fd = -1;
	memset(g, 0, sizeof(*g));
	g->jail = j;
	g->pid = fork();
	ck_assert_int_ge(g->pid, 0);
	if (g->pid == 0) {
		pause();
		_exit(0);
	}
}

static int killed_by_sigkill(pid_t pid)
{
	int st;

	ck_assert_int_eq(waitpid(pid, &st, 0), pid);
	return WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL;
}

START_TEST(pause_freezes)
{
	struct guest g;
	struct jail j;
	char buf[8] = "";
	int fd = memfd_create("cgroup.freeze", 0);	/* a writable handle with no path to clean up */

	ck_assert_int_ge(fd, 0);
	stand_in(&g, &j, fd);
	guest_pause(&g);
	ck_assert_int_eq(g.paused, 1);
	ck_assert_int_eq(g.killed, 0);
	ck_assert_int_eq(pread(fd, buf, sizeof(buf) - 1, 0), 1);
	ck_assert_str_eq(buf, "1");
	/* Not killed by the pause: still there for this test to end. */
	ck_assert_int_eq(waitpid(g.pid, NULL, WNOHANG), 0);
	kill(g.pid, SIGKILL);
	ck_assert(killed_by_sigkill(g.pid));
	close(fd);
}
END_TEST

/* A freeze that fails (here a handle that cannot be written) must not
 * leave the guest running unrecorded: it is killed. */
START_TEST(pause_that_fails_kills)
{
	struct guest g;
	struct jail j;
	int fd = open("/dev/null", O_RDONLY);

	ck_assert_int_ge(fd, 0);
	stand_in(&g, &j, fd);
	guest_pause(&g);
	ck_assert_int_eq(g.paused, 0);
	ck_assert_int_eq(g.killed, 1);
	ck_assert(killed_by_sigkill(g.pid));
	close(fd);
}
END_TEST

Suite *guest_suite(void)
{
	Suite *s = suite_create("guest");
	TCase *tc = tcase_create("pause");

	tcase_add_test(tc, pause_freezes);
	tcase_add_test(tc, pause_that_fails_kills);
	suite_add_tcase(s, tc);
	return s;
}
