// SPDX-License-Identifier: GPL-2.0
/* The lab as a honeynet.conf: its one honeypot and honeywall, set up as honeynet up does. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lab_conf.h"
#include "lab_defs.h"
#include "netns.h"
#include "report.h"
#include "snprintf_fits.h"
#include "small_file.h"
#include "wall_net.h"

/* The honeypot's name in the lab's config. */
#define LAB_HONEYPOT "lab"

/* The mode's part: NAT behind the root_fs's own 10.0.0.1; bridge on the
 * outside link, whose router hn-inet plays. */
static int mode_text(const struct lab_config *cfg, char *buf, size_t len)
{
	if (cfg->mode == LAB_MODE_BRIDGE)
		return snprintf_fits(snprintf(buf, len,
				     "mode = bridge\noutside_if = %s\nbridge_if = %s\n"
				     "gateway = %s\nprefix = %s\n"
				     "[honeypot " LAB_HONEYPOT "]\npublic = %s\n",
				     LAB_IF_WALL_OUT, LAB_IF_BRIDGE, LAB_ADDR_ROUTER,
				     LAB_PREFIX_OUT, LAB_ADDR_PUBLIC), len);
	return snprintf_fits(snprintf(buf, len,
			     "mode = nat\noutside_if = %s\ngateway = %s\nprefix = %s\n"
			     "[honeypot " LAB_HONEYPOT "]\npublic = %s\ninternal = %s\n",
			     LAB_IF_WALL_OUT, LAB_ADDR_WALL_TAP, LAB_PREFIX_TAP,
			     LAB_ADDR_PUBLIC, LAB_ADDR_GUEST), len);
}

int lab_conf_text(const struct lab_config *cfg, char *buf, size_t len)
{
	char mode[512];
	const char *cpu = cfg->cpu[0] ? cfg->cpu : NULL;

	if (cfg->rootfs[0] != '/' || cfg->persona[0] != '/' || mode_text(cfg, mode, sizeof(mode)))
		return -1;
	return snprintf_fits(snprintf(buf, len,
			     "# The lab's honeynet (made by honeynet lab up): one honeypot.\n"
			     "%stap = %s\nroot_fs = %s\npersona = %s\nmem = %u\n"
			     "jail_uid = %s\n%s%s%s",
			     mode, LAB_IF_TAP, cfg->rootfs, cfg->persona, cfg->mem_mb,
			     LAB_JAIL_UID, cpu ? "cpu = " : "", cpu ? cpu : "",
			     cpu ? "\n" : ""), len);
}

int lab_conf_make(struct honeynet_conf *conf, const struct lab_config *cfg,
		  char *text, size_t len)
{
	char err[512];

	if (lab_conf_text(cfg, text, len)) {
		report("lab config: the root_fs and persona need absolute paths of at most %d bytes",
		       CONF_LINE_MAX - 16);
		return -1;
	}
	if (honeynet_conf_parse(conf, "the lab's honeynet.conf", text, err, sizeof(err))) {
		report("%s", err);
		return -1;
	}
	return 0;
}

/* A config names files by absolute path; --rootfs and --persona may be relative. */
static int absolute(struct lab_config *abs, const struct lab_config *cfg)
{
	*abs = *cfg;
	if (!realpath(cfg->rootfs, abs->rootfs)) {
		report_errno("root_fs %s", cfg->rootfs);
		return -1;
	}
	if (!realpath(cfg->persona, abs->persona)) {
		report_errno("persona %s", cfg->persona);
		return -1;
	}
	return 0;
}

int lab_conf_apply(const struct lab_config *cfg, const char *run_dir)
{
	static struct honeynet_conf conf;
	static struct lab_config abs;
	char text[LAB_CONF_TEXT_MAX];
	int self, rc;

	if (absolute(&abs, cfg) || lab_conf_make(&conf, &abs, text, sizeof(text)) ||
	    small_file_save(run_dir, "honeynet.conf", text, 0640))
		return -1;
	self = netns_visit(LAB_NS_WALL);
	if (self < 0)
		return -1;
	rc = wall_up(&conf, run_dir) || hp_net_up(&conf, 0) ? -1 : 0;
	netns_leave(self);
	return rc;
}
