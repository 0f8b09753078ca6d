// SPDX-License-Identifier: GPL-2.0
/* The lab's one guest described as any guest is: its fixed names and what lab up was asked. */
#include <stdio.h>
#include <string.h>

#include "lab_defs.h"
#include "lab_spec.h"

int lab_spec_make(struct lab_spec *s, const struct lab_config *cfg,
		  const char *run_dir)
{
	struct guest_spec *g = &s->g;
	int n = snprintf(s->disk_dir, sizeof(s->disk_dir), "%s/disk", run_dir);

	if (n < 0 || (size_t)n >= sizeof(s->disk_dir))
		return -1;
	memset(g, 0, sizeof(*g));
	g->hostd = cfg->hostd;
	g->kernel = cfg->kernel;
	g->rootfs = cfg->rootfs;
	g->run_dir = run_dir;
	g->disk_dir = s->disk_dir;
	g->netns = LAB_NS_WALL;
	g->tap = LAB_IF_TAP;
	g->umid = LAB_UMID;
	/* NAT: the root_fs's own 10.0.0.2 behind 10.0.0.1; bridge: the public address. */
	g->ip = cfg->mode == LAB_MODE_BRIDGE ? LAB_GUEST_IP_BRIDGE : NULL;
	g->nflog = LAB_NFLOG_GROUP;
	g->jail_uid = LAB_JAIL_UID;
	g->cpu = cfg->cpu;
	g->mem_mb = cfg->mem_mb;
	g->budget = cfg->budget;
	g->jail = cfg->jail;
	g->tty_log = cfg->tty_log;
	g->masquerade = cfg->masquerade;
	return 0;
}
