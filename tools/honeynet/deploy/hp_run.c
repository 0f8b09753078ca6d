// SPDX-License-Identifier: GPL-2.0
/* One run of one deployed honeypot: started with its identity, watched, stopped. */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "deploy_paths.h"
#include "guest_procs.h"
#include "hp_identity.h"
#include "hp_run.h"
#include "persona_cmd.h"
#include "report.h"
#include "snprintf_fits.h"
#include "run_dir.h"
#include "run_space.h"
#include "ssh_probe.h"
#include "wall_net.h"

/* Bridge mode: the honeywall has no address on the honeypots' segment (it
 * is invisible there), so it cannot ask sshd; a guest that has run this
 * long without its hostd ending counts as up. */
#define BRIDGE_SETTLE_SECS 20

/* A kept disk.cow over a base image made anew no longer matches it: UML
 * would refuse it. The honeypot starts from its new base instead. */
static int drop_stale_cow(const char *disk_dir, const char *name)
{
	char cow[PATH_MAX];

	if (snprintf_fits(snprintf(cow, sizeof(cow), "%s/disk.cow", disk_dir), sizeof(cow)))
		return -1;
	if (unlink(cow) == 0)
		report("honeypot %s: its base image was made anew (root_fs changed); "
		       "the kept %s no longer matches it and was removed", name, cow);
	else if (errno != ENOENT) {
		report_errno("%s; honeypot %s not started", cow, name);
		return -1;
	}
	return 0;
}

/*
 * The honeypot's identity, base image and where its disk.cow lives. Both
 * are bound into the guest kernel's jail by hostd's --jail-ro/--jail-rw,
 * the one mechanism every run uses, and neither opens a way out to a
 * hostile guest root: the base image (STATE/root_fs) is bound read-only
 * and holds nothing the guest lacks (its host keys are inside the guest
 * already); the disk directory (STATE/disk for revert = never) is bound
 * read-write but holds only this honeypot's own disk.cow.
 */
static int prepare_disk(struct hp_run *r, const struct hn_honeypot *h)
{
	char state[PATH_MAX];
	int remade = 0;

	if (deploy_state_dir(h->name, state, sizeof(state))) {
		report("honeypot %s: state directory path too long", h->name);
		return -1;
	}
	if (hp_identity_prepare(state, h->root_fs, h->hostname, r->base,
				sizeof(r->base), &remade))
		return -1;
	if (h->revert == HN_REVERT_EVERY_START)
		return snprintf_fits(snprintf(r->disk_dir, sizeof(r->disk_dir), "%s/disk",
				     r->st.run_dir), sizeof(r->disk_dir));
	if (hp_identity_cow_dir(state, r->disk_dir, sizeof(r->disk_dir)))
		return -1;
	return remade ? drop_stale_cow(r->disk_dir, h->name) : 0;
}

/* The run directory, after the check that its filesystem has room. */
static int make_run_dir(struct hp_run *r, const struct honeynet_conf *conf,
			const struct hn_honeypot *h, uint64_t *budget)
{
	char dir[PATH_MAX];

	if (deploy_archive_dir(conf, h->name, dir, sizeof(dir))) {
		report("honeypot %s: archive path too long", h->name);
		return -1;
	}
	if (mkdir_parents(dir) < 0) {
		report_errno("archive %s; honeypot %s not started", dir, h->name);
		return -1;
	}
	if (run_space_check(dir, h->root_fs, h->budget ? h->budget : conf->budget, budget))
		return -1;
	return run_dir_create(dir, r->st.run_dir, sizeof(r->st.run_dir));
}

static void cpu_word(char *buf, size_t len, int cpu)
{
	if (cpu == HN_CPU_ANY)
		snprintf(buf, len, "any");
	else if (cpu < 0)
		buf[0] = '\0';
	else
		snprintf(buf, len, "%d", cpu);
}

/* The guest_spec of honeypot i's run; its strings live in r. */
static int fill_spec(struct hp_run *r, const struct honeynet_conf *conf, size_t i,
		     const struct deploy_tools *t, int cpu, uint64_t budget)
{
	const struct hn_honeypot *h = &conf->honeypot[i];
	const struct dc_honeypot *a = &conf->dc.honeypot[i];
	struct guest_spec *g = &r->g;

	if (hp_kernel_ip(conf, i, r->ip, sizeof(r->ip)))
		return -1;
	snprintf(r->nflog, sizeof(r->nflog), "%u,%u", a->nflog_group, a->unlogged_group);
	snprintf(r->limits, sizeof(r->limits), "tcp=%u,udp=%u,icmp=%u,other=%u",
		 h->limit[DC_PROTO_TCP], h->limit[DC_PROTO_UDP],
		 h->limit[DC_PROTO_ICMP], h->limit[DC_PROTO_OTHER]);
	snprintf(r->uid, sizeof(r->uid), "%u", h->jail_uid);
	cpu_word(r->cpu, sizeof(r->cpu), cpu);
	memset(g, 0, sizeof(*g));
	g->hostd = t->hostd;
	g->kernel = t->kernel;
	g->rootfs = r->base;
	g->run_dir = r->st.run_dir;
	g->disk_dir = r->disk_dir;
	g->tap = h->tap;
	g->umid = h->name;
	g->ip = r->ip[0] ? r->ip : NULL;
	g->nflog = r->nflog;
	g->limits = r->limits;
	g->jail_uid = r->uid;
	g->cpu = r->cpu;
	g->mem_mb = h->mem_mb;
	g->budget = budget;
	g->jail = 1;
	g->tty_log = 1;
	g->masquerade = 1;
	return 0;
}

static int make_persona(const struct hp_run *r, const struct hn_honeypot *h)
{
	char out[PATH_MAX];

	if (guest_persona_path(r->st.run_dir, out, sizeof(out))) {
		report("%s: run directory path too long", r->st.run_dir);
		return -1;
	}
	return persona_make(h->persona, out, "/proc/cpuinfo");
}

int hp_run_start(struct hp_run *r, const struct honeynet_conf *conf, size_t i,
		 const struct deploy_tools *t, int cpu)
{
	const struct hn_honeypot *h = &conf->honeypot[i];
	uint64_t budget;

	memset(r, 0, sizeof(*r));
	r->name = h->name;
	if (make_run_dir(r, conf, h, &budget) || prepare_disk(r, h) ||
	    make_persona(r, h))
		return -1;
	if (fill_spec(r, conf, i, t, cpu, budget)) {
		report("honeypot %s: a path is too long for the kernel's command line", h->name);
		return -1;
	}
	if (guest_dirs(&r->g))
		return -1;
	snprintf(r->st.hostd, sizeof(r->st.hostd), "%s", t->hostd);
	r->started = time(NULL);
	if (guest_start(&r->g, &r->st.hostd_pid))
		return -1;
	return hp_run_save(r);
}

int hp_run_save(const struct hp_run *r)
{
	char path[PATH_MAX];

	if (deploy_run_file(r->name, "state", path, sizeof(path))) {
		report("honeypot %s: state path too long", r->name);
		return -1;
	}
	return guest_state_save(&r->st, path);
}

int hp_answers(const struct honeynet_conf *conf, size_t i)
{
	char addr[INET_ADDRSTRLEN];

	if (conf->dc.mode == DC_MODE_BRIDGE)
		return 1;
	inet_ntop(AF_INET, &conf->dc.honeypot[i].internal_addr, addr, sizeof(addr));
	return ssh_probe(NULL, addr);
}

static int probe_once(const struct honeynet_conf *conf, size_t i,
		      const struct hp_run *r)
{
	if (conf->dc.mode == DC_MODE_BRIDGE)
		return time(NULL) - r->started >= BRIDGE_SETTLE_SECS;
	return hp_answers(conf, i);
}

int hp_run_ready(const struct hp_run *r, const struct honeynet_conf *conf,
		 size_t i, unsigned int timeout, volatile sig_atomic_t *stop)
{
	struct timespec tick = { 0, 250 * 1000 * 1000 };
	time_t deadline = time(NULL) + timeout;
	int rc;

	while (!*stop) {
		if (!guest_alive(r->st.hostd_pid, r->st.hostd)) {
			report("honeypot %s: hostd and the guest exited while booting", r->name);
			guest_show_record(r->st.run_dir);
			return -1;
		}
		rc = probe_once(conf, i, r);
		if (rc != 0)
			return rc > 0 ? 0 : -1;
		if (time(NULL) >= deadline) {
			report("honeypot %s: sshd did not answer within %u s", r->name, timeout);
			guest_show_record(r->st.run_dir);
			guest_show_procs(conf->honeypot[i].jail_uid);
			return -1;
		}
		nanosleep(&tick, NULL);
	}
	report("honeypot %s: interrupted while waiting for the guest", r->name);
	return -1;
}

int hp_run_stop(const struct hp_run *r)
{
	return guest_stop(r->st.hostd_pid, r->st.hostd, &r->g);
}

int hp_run_ask_stop(const struct hp_run *r)
{
	return guest_ask_poweroff(&r->g);
}

int hp_stop_state(const struct honeynet_conf *conf, size_t i,
		  const struct guest_state *st)
{
	struct guest_spec g = { .run_dir = st->run_dir, .umid = conf->honeypot[i].name };

	return guest_stop(st->hostd_pid, st->hostd, &g);
}
