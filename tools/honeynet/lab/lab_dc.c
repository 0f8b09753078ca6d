// SPDX-License-Identifier: GPL-2.0
/* Data Control in the lab: the honeywall config for the lab's mode, applied in hn-wall. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "dc_config.h"
#include "dc_ruleset.h"
#include "lab_dc.h"
#include "lab_defs.h"
#include "report.h"
#include "run_cmd.h"

/* Large enough for any ruleset dc_ruleset_render makes for the lab. */
#define LAB_RULESET_MAX 32768

/* The lab states its setup in the operator's own config language, so the
 * lab exercises the same parser and checks a real deployment does. */
int lab_dc_config_text(enum lab_mode mode, char *buf, size_t len)
{
	int n;

	if (mode == LAB_MODE_BRIDGE)
		n = snprintf(buf, len,
			     "# The lab's honeywall (bridge mode), made by honeynet lab up.\n"
			     "mode = bridge\n"
			     "honeypot = %s\n"
			     "outside_if = %s\n"
			     "inside_if = %s\n"
			     "bridge_if = %s\n",
			     LAB_ADDR_PUBLIC, LAB_IF_WALL_OUT, LAB_IF_TAP,
			     LAB_IF_BRIDGE);
	else
		n = snprintf(buf, len,
			     "# The lab's honeywall (NAT mode), made by honeynet lab up.\n"
			     "mode = nat\n"
			     "honeypot = %s %s\n"
			     "outside_if = %s\n"
			     "inside_if = %s\n",
			     LAB_ADDR_PUBLIC, LAB_ADDR_GUEST, LAB_IF_WALL_OUT,
			     LAB_IF_TAP);
	return n < 0 || (size_t)n >= len ? -1 : 0;
}

static int save(const char *run_dir, const char *name, const char *text)
{
	char path[4096];
	size_t len = strlen(text);
	int fd;

	if (snprintf(path, sizeof(path), "%s/%s", run_dir, name) >= (int)sizeof(path)) {
		report("%s: path too long", run_dir);
		return -1;
	}
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
	if (fd < 0 || write(fd, text, len) != (ssize_t)len || fsync(fd) < 0) {
		report_errno("%s", path);
		if (fd >= 0)
			close(fd);
		return -1;
	}
	return close(fd);
}

int lab_dc_apply(enum lab_mode mode, const char *run_dir)
{
	static const char *const nft[] = { "ip", "netns", "exec", LAB_NS_WALL,
					   "nft", "-f", "-", NULL };
	static char rules[LAB_RULESET_MAX];
	struct dc_config cfg;
	char text[1024], err[512];

	if (lab_dc_config_text(mode, text, sizeof(text))) {
		report("lab honeywall config: larger than %zu bytes", sizeof(text));
		return -1;
	}
	if (dc_config_parse(&cfg, text, err, sizeof(err))) {
		report("lab honeywall config: %s", err);
		return -1;
	}
	if (dc_ruleset_render(&cfg, rules, sizeof(rules))) {
		report("lab honeywall ruleset: larger than %d bytes", LAB_RULESET_MAX);
		return -1;
	}
	if (save(run_dir, "honeywall.conf", text) || save(run_dir, "honeywall.nft", rules))
		return -1;
	if (run_cmd(nft, rules, 0)) {
		report("Data Control ruleset did not load; the guest is not started (see %s/honeywall.nft)",
		       run_dir);
		return -1;
	}
	return 0;
}
