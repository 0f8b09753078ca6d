// SPDX-License-Identifier: GPL-2.0
/* Unit tests: hostd's and the guest kernel's command line as the lab and a honeypot build them, and whether hostd lives. */
#include <limits.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "guest_start.h"
#include "lab_spec.h"
#include "suites.h"

static void set_paths(struct lab_config *cfg)
{
	strcpy(cfg->hostd, "/b/bin/hostd");
	strcpy(cfg->kernel, "/b/linux");
	strcpy(cfg->rootfs, "/b/root_fs");
}

/* The lab's guest_spec for cfg, and its command line. */
static int lab_cmdline(struct guest_cmdline *cl, const struct lab_config *cfg,
		       const char *run_dir)
{
	static struct lab_spec spec;

	if (lab_spec_make(&spec, cfg, run_dir))
		return -1;
	return guest_cmdline(cl, &spec.g);
}

START_TEST(cmdline)
{
	struct lab_config cfg = { .mem_mb = 384, .tty_log = 1,
				  .masquerade = 1, .jail = 1, .budget = 3ULL << 30 };
	struct guest_cmdline cl;
	static const char *const want[] = {
		"/b/bin/hostd", "--run-dir", "/a/run1", "--rootfs", "/b/root_fs",
		"--flush-ms", "50", "--capture", "tap0", "--nflog", "5,6",
		"--user", "nobody", "--budget", "3221225472", "--jail", "on",
		"--jail-uid", "64200",
		"--jail-ro", "/b/root_fs=/image/root_fs",
		"--jail-ro", "/a/run1/persona=/persona",
		"--jail-rw", "/a/run1/disk=/disk", "--jail-rw", "/a/run1/uml=/uml",
		"--", "/b/linux",
		"ubd0=/disk/disk.cow,/image/root_fs", "mem=384M", "eth0=tuntap,,,",
		"umid=lab", "uml_dir=/uml", "hppfs=/persona",
	};
	size_t i;

	set_paths(&cfg);
	ck_assert_int_eq(lab_cmdline(&cl, &cfg, "/a/run1"), 0);
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		ck_assert_str_eq(cl.argv[i], want[i]);
	ck_assert_ptr_null(cl.argv[i]);
}
END_TEST

/* --jail off (benchmarks): the kernel reaches the run's files by their host paths. */
START_TEST(cmdline_jail_off)
{
	struct lab_config cfg = { .mem_mb = 256, .tty_log = 1, .masquerade = 1 };
	struct guest_cmdline cl;
	size_t i;

	set_paths(&cfg);
	ck_assert_int_eq(lab_cmdline(&cl, &cfg, "/a/run1"), 0);
	for (i = 0; strcmp(cl.argv[i], "--jail"); i++)
		;
	ck_assert_str_eq(cl.argv[i + 1], "off");
	for (; strcmp(cl.argv[i], "--"); i++)
		;
	ck_assert_str_eq(cl.argv[i + 2], "ubd0=/a/run1/disk/disk.cow,/b/root_fs");
	ck_assert_str_eq(cl.argv[i + 6], "uml_dir=/a/run1/uml");
	ck_assert_str_eq(cl.argv[i + 7], "hppfs=/a/run1/persona");
}
END_TEST

/* A deployed honeypot: its own tap, limits, groups, address, and a kept disk elsewhere. */
START_TEST(cmdline_honeypot)
{
	struct guest_spec g = {
		.hostd = "/s/hostd", .kernel = "/l/linux", .rootfs = "/v/web/root_fs",
		.run_dir = "/a/web/r1", .disk_dir = "/v/web/disk", .tap = "hn-web",
		.umid = "web", .ip = "ip=10.0.0.3::10.0.0.1:255.255.255.0::eth0:off",
		.nflog = "7,8", .limits = "tcp=5,udp=20,icmp=50,other=10",
		.jail_uid = "64201", .cpu = "0", .mem_mb = 512, .budget = 1 << 30,
		.jail = 1, .tty_log = 1, .masquerade = 1,
	};
	static const char *const want[] = {
		"/s/hostd", "--run-dir", "/a/web/r1", "--rootfs", "/v/web/root_fs",
		"--flush-ms", "50", "--capture", "hn-web", "--nflog", "7,8",
		"--limits", "tcp=5,udp=20,icmp=50,other=10",
		"--user", "nobody", "--budget", "1073741824", "--jail", "on",
		"--jail-uid", "64201", "--cpu", "0",
		"--jail-ro", "/v/web/root_fs=/image/root_fs",
		"--jail-ro", "/a/web/r1/persona=/persona",
		"--jail-rw", "/v/web/disk=/disk", "--jail-rw", "/a/web/r1/uml=/uml",
		"--", "/l/linux",
		"ubd0=/disk/disk.cow,/image/root_fs", "mem=512M", "eth0=tuntap,hn-web",
		"umid=web", "uml_dir=/uml", "hppfs=/persona",
		"ip=10.0.0.3::10.0.0.1:255.255.255.0::eth0:off",
	};
	struct guest_cmdline cl;
	size_t i;

	ck_assert_int_eq(guest_cmdline(&cl, &g), 0);
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++)
		ck_assert_str_eq(cl.argv[i], want[i]);
	ck_assert_ptr_null(cl.argv[i]);
}
END_TEST

/* --cpu goes to hostd as it was given; without it, hostd chooses. */
START_TEST(cmdline_cpu)
{
	struct lab_config cfg = { .mem_mb = 256, .tty_log = 1, .jail = 1, .cpu = "any" };
	struct guest_cmdline cl;
	size_t i;

	set_paths(&cfg);
	ck_assert_int_eq(lab_cmdline(&cl, &cfg, "/a/run1"), 0);
	for (i = 0; strcmp(cl.argv[i], "--"); i++)
		if (strcmp(cl.argv[i], "--cpu") == 0)
			break;
	ck_assert_str_eq(cl.argv[i], "--cpu");
	ck_assert_str_eq(cl.argv[i + 1], "any");
}
END_TEST

START_TEST(mconsole_path)
{
	char buf[40];

	ck_assert_int_eq(guest_mconsole_path("/a/r", "lab", buf, sizeof(buf)), 0);
	ck_assert_str_eq(buf, "/a/r/uml/lab/mconsole");
	ck_assert_int_eq(guest_mconsole_path("/a/very/long/run/dir", "lab", buf, 24), -1);
}
END_TEST

START_TEST(cmdline_bridge)
{
	struct lab_config cfg = { .mem_mb = 256, .mode = LAB_MODE_BRIDGE,
				  .tty_log = 1 };
	struct guest_cmdline cl;
	size_t i;

	set_paths(&cfg);
	ck_assert_int_eq(lab_cmdline(&cl, &cfg, "/a/run1"), 0);
	for (i = 0; cl.argv[i + 1]; i++)
		;
	ck_assert_str_eq(cl.argv[i],
			 "ip=203.0.113.10::203.0.113.1:255.255.255.0::eth0:off");
}
END_TEST

START_TEST(cmdline_masquerade_off)
{
	struct lab_config cfg = { .mem_mb = 256, .tty_log = 0 };
	struct guest_cmdline cl;
	size_t i;

	set_paths(&cfg);
	ck_assert_int_eq(lab_cmdline(&cl, &cfg, "/a/run1"), 0);
	for (i = 0; cl.argv[i + 2]; i++)
		;
	ck_assert_str_eq(cl.argv[i], "hppfs=off");
	ck_assert_str_eq(cl.argv[i + 1], "tty_log=off");
}
END_TEST

START_TEST(persona_path)
{
	char buf[32];

	ck_assert_int_eq(guest_persona_path("/a/r", buf, sizeof(buf)), 0);
	ck_assert_str_eq(buf, "/a/r/persona");
	ck_assert_int_eq(guest_persona_path("/a/very/long/run/dir", buf,
						16), -1);
}
END_TEST

START_TEST(console_path)
{
	char buf[32];

	ck_assert_int_eq(guest_console_path("/a/r", buf, sizeof(buf)), 0);
	ck_assert_str_eq(buf, "/a/r/console.log");
	ck_assert_int_eq(guest_console_path("/a/very/long/run/dir", buf, 16), -1);
}
END_TEST

START_TEST(alive_rejects_other_program)
{
	/* pid 1 is alive but is not hostd. */
	ck_assert_int_eq(guest_alive(1, "/nonexistent/linux"), 0);
}
END_TEST

/* The positive case: a live process running exe is alive; our child is, until it has exited. */
START_TEST(alive_accepts_running_exe)
{
	struct timespec tick = { 0, 10 * 1000 * 1000 };
	char self[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	pid_t child;
	int i;

	ck_assert_int_gt(n, 0);
	self[n] = '\0';
	/* The test binary stands in for a hostd that is not our child. */
	ck_assert_int_eq(guest_alive(getpid(), self), 1);
	child = fork();
	ck_assert_int_ge(child, 0);
	if (child == 0) {
		nanosleep(&(struct timespec){ 0, 200 * 1000 * 1000 }, NULL);
		_exit(0);
	}
	ck_assert_int_eq(guest_alive(child, "/nonexistent/hostd"), 1);
	for (i = 0; i < 500 && guest_alive(child, self); i++)
		nanosleep(&tick, NULL);
	ck_assert_int_lt(i, 500);
	ck_assert_int_eq(guest_alive(child, self), 0);
}
END_TEST

Suite *guest_suite(void)
{
	Suite *s = suite_create("guest_start");
	TCase *tc = tcase_create("guest");

	tcase_add_test(tc, cmdline);
	tcase_add_test(tc, cmdline_jail_off);
	tcase_add_test(tc, cmdline_cpu);
	tcase_add_test(tc, cmdline_honeypot);
	tcase_add_test(tc, mconsole_path);
	tcase_add_test(tc, cmdline_bridge);
	tcase_add_test(tc, cmdline_masquerade_off);
	tcase_add_test(tc, persona_path);
	tcase_add_test(tc, console_path);
	tcase_add_test(tc, alive_rejects_other_program);
	tcase_add_test(tc, alive_accepts_running_exe);
	suite_add_tcase(s, tc);
	return s;
}
