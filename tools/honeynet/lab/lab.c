// SPDX-License-Identifier: GPL-2.0
/* `honeynet lab`: the whole lab brought up, run in the foreground, or down. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "lab.h"
#include "guest_procs.h"
#include "guest_start.h"
#include "lab_conf.h"
#include "lab_defs.h"
#include "lab_spec.h"
#include "lab_net.h"
#include "run_space.h"
#include "guest_state.h"
#include "netns.h"
#include "persona_cmd.h"
#include "report.h"
#include "run_dir.h"
#include "ssh_probe.h"
#include "watch_follow.h"

static volatile sig_atomic_t stop_requested;

static void on_stop_signal(int sig)
{
	(void)sig;
	stop_requested = 1;
}

static int check_inputs(const struct lab_config *cfg)
{
	if (geteuid() != 0) {
		report("the lab needs root (namespaces, tap0, nftables); run it as root");
		return -1;
	}
	if (access(cfg->hostd, X_OK) < 0) {
		report_errno("hostd %s; build it with 'make'", cfg->hostd);
		return -1;
	}
	if (access(cfg->kernel, X_OK) < 0) {
		report_errno("kernel %s; build it with 'make'", cfg->kernel);
		return -1;
	}
	if (access(cfg->rootfs, R_OK) < 0) {
		report_errno("root_fs %s; build it with 'make'", cfg->rootfs);
		return -1;
	}
	/* A persona that does not load stops the lab before it starts. */
	if (cfg->masquerade && persona_check(cfg->persona))
		return -1;
	return 0;
}

/*
 * Polls until sshd answers through NAT, the guest dies, or time runs out.
 * Every 100 ms: once the guest's network is up, a probe is refused at once
 * until sshd listens, and lab up's wall time (what the operator waits, and
 * a benchmark figure) should not move in steps of 5 % of a boot, as it did
 * at 250 ms. Each refused probe is a logged attempt: about ten a second
 * while the guest makes its host keys, well inside the log rate's burst.
 */
static int wait_for_sshd(const struct lab_config *cfg, const struct guest_state *st)
{
	struct timespec tick = { 0, 100 * 1000 * 1000 };
	time_t deadline = time(NULL) + cfg->boot_timeout;
	int rc;

	while (!stop_requested) {
		if (!guest_alive(st->hostd_pid, st->hostd)) {
			report("hostd and the guest exited while booting");
			guest_show_record(st->run_dir);
			return -1;
		}
		rc = ssh_probe(LAB_NS_INET, LAB_ADDR_PUBLIC);
		if (rc != 0)
			return rc > 0 ? 0 : -1;
		if (time(NULL) >= deadline) {
			report("sshd did not answer on %s:22 from %s within %u s",
			       LAB_ADDR_PUBLIC, LAB_NS_INET, cfg->boot_timeout);
			guest_show_record(st->run_dir);
			guest_show_procs(LAB_JAIL_UID_NUM);
			return -1;
		}
		nanosleep(&tick, NULL);
	}
	report("interrupted while waiting for the guest");
	return -1;
}

/* The run's persona: the configured one, with this host's CPU. */
static int make_persona(const struct lab_config *cfg, const char *run_dir)
{
	char out[PATH_MAX];

	if (!cfg->masquerade)
		return 0;
	if (guest_persona_path(run_dir, out, sizeof(out))) {
		report("%s: run directory path too long", run_dir);
		return -1;
	}
	return persona_make(cfg->persona, out, "/proc/cpuinfo");
}

static int start_guest(const struct lab_config *cfg, struct guest_state *st)
{
	struct lab_spec spec;

	memset(st, 0, sizeof(*st));
	if (run_dir_create(cfg->archive, st->run_dir, sizeof(st->run_dir)))
		return -1;
	if (lab_spec_make(&spec, cfg, st->run_dir)) {
		report("%s: run directory path too long", st->run_dir);
		return -1;
	}
	if (make_persona(cfg, st->run_dir) || guest_dirs(&spec.g))
		return -1;
	if (lab_net_up(cfg->mode) || lab_conf_apply(cfg, st->run_dir))
		return -1;
	snprintf(st->hostd, sizeof(st->hostd), "%s", cfg->hostd);
	if (guest_start(&spec.g, &st->hostd_pid))
		return -1;
	return guest_state_save(st, LAB_STATE_FILE);
}

int lab_up(const struct lab_config *cfg)
{
	struct lab_config run = *cfg;
	struct guest_state st;

	/* The disk is checked before anything starts; hostd gets the budget checked. */
	if (check_inputs(cfg) || run_space_check(cfg->archive, cfg->rootfs, cfg->budget, &run.budget))
		return -1;
	if (mkdir_parents(LAB_RUN_DIR) < 0) {
		report_errno("%s", LAB_RUN_DIR);
		return -1;
	}
	if (guest_state_load(&st, LAB_STATE_FILE) != 0 ||
	    netns_exists(LAB_NS_WALL) || netns_exists(LAB_NS_INET)) {
		report("the lab is already up (or was not taken down); run 'honeynet lab down' first");
		return -1;
	}
	if (start_guest(&run, &st) || wait_for_sshd(&run, &st)) {
		lab_down();
		return -1;
	}
	printf("lab up: guest %s (public %s), archive %s\n", LAB_ADDR_GUEST,
	       LAB_ADDR_PUBLIC, st.run_dir);
	printf("attack it: ip netns exec %s ssh root@%s\n", LAB_NS_INET,
	       LAB_ADDR_PUBLIC);
	return 0;
}

/* UML leaves its umid directory behind when it does not exit cleanly: its socket is no record. */
static void remove_umid_dir(const char *run_dir)
{
	char sock[PATH_MAX];
	char *slash;

	if (guest_mconsole_path(run_dir, LAB_UMID, sock, sizeof(sock)))
		return;
	unlink(sock);
	slash = strrchr(sock, '/');
	strcpy(slash, "/pid");
	unlink(sock);
	*slash = '\0';
	rmdir(sock);
}

/* The lab's guest as it was started; only its names and run directory matter to stopping it. */
static int lab_stop_guest(const struct guest_state *st)
{
	struct lab_config cfg = { .jail = 1 };
	struct lab_spec spec;

	if (lab_spec_make(&spec, &cfg, st->run_dir)) {
		report("%s: run directory path too long", st->run_dir);
		return -1;
	}
	return guest_stop(st->hostd_pid, st->hostd, &spec.g);
}

int lab_down(void)
{
	struct guest_state st;
	int loaded, rc = 0;

	loaded = guest_state_load(&st, LAB_STATE_FILE);
	if (loaded < 0)
		return -1;
	if (loaded && lab_stop_guest(&st))
		rc = -1;
	if (lab_net_down())
		rc = -1;
	if (loaded)
		remove_umid_dir(st.run_dir);
	if (unlink(LAB_STATE_FILE) < 0 && errno != ENOENT) {
		report_errno("%s", LAB_STATE_FILE);
		rc = -1;
	}
	if (rc == 0)
		printf("lab down%s%s\n", loaded ? ": archive " : "",
		       loaded ? st.run_dir : "");
	return rc;
}

static int install_stop_handlers(void)
{
	struct sigaction sa = { .sa_handler = on_stop_signal };

	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGINT, &sa, NULL) || sigaction(SIGTERM, &sa, NULL) ||
	    sigaction(SIGHUP, &sa, NULL)) {
		report_errno("sigaction");
		return -1;
	}
	return 0;
}

int lab_run(const struct lab_config *cfg)
{
	struct timespec tick = { 0, WATCH_POLL_MS * 1000L * 1000L };
	const struct watch_src src = { "lab", cfg->archive };
	char console[PATH_MAX];
	struct guest_state st;
	struct watch *w;

	if (install_stop_handlers() || lab_up(cfg))
		return -1;
	if (guest_state_load(&st, LAB_STATE_FILE) != 1 ||
	    guest_console_path(st.run_dir, console, sizeof(console)) ||
	    !(w = watch_open(&src, 1))) {
		lab_down();
		return -1;
	}
	printf("the guest console goes to %s\nwhat attackers do follows; Ctrl-C stops the lab\n",
	       console);
	fflush(stdout);
	while (!stop_requested && guest_alive(st.hostd_pid, st.hostd) &&
	       watch_poll(w, stdout) == 0)
		nanosleep(&tick, NULL);
	if (!stop_requested && guest_alive(st.hostd_pid, st.hostd))
		report("stdout: %s; taking the lab down", strerror(errno));
	else if (!stop_requested)
		report("the guest exited by itself; taking the lab down");
	if (lab_down()) {
		watch_close(w);
		return -1;
	}
	/* The run's last events (the guest's exit, the capture's count) come with the poweroff. */
	watch_poll(w, stdout);
	watch_close(w);
	return 0;
}

int lab_status(void)
{
	struct guest_state st;
	int loaded = guest_state_load(&st, LAB_STATE_FILE);

	if (loaded < 0)
		return -1;
	if (!loaded) {
		printf("lab down\n");
		return netns_exists(LAB_NS_WALL) || netns_exists(LAB_NS_INET) ? 1 : 0;
	}
	printf("lab up: hostd pid %ld %s, archive %s\n", (long)st.hostd_pid,
	       guest_alive(st.hostd_pid, st.hostd) ? "running" : "not running",
	       st.run_dir);
	return 0;
}
