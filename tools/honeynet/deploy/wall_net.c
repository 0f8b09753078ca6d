// SPDX-License-Identifier: GPL-2.0
/* The honeywall's network for deployed honeypots: taps, addresses, sysctls, the ruleset. */
#include <arpa/inet.h>
#include <net/if.h>
#include <stdio.h>
#include <string.h>

#include "dc_ruleset.h"
#include "deploy_paths.h"
#include "report.h"
#include "run_cmd.h"
#include "small_file.h"
#include "wall_net.h"

/* Large enough for the ruleset of DC_MAX_HONEYPOTS honeypots. */
#define WALL_RULESET_MAX (256 * 1024)

/* The root_fs's own eth0 (rootfs/overlay/etc/systemd/network): a honeypot
 * that is exactly this needs no ip= on the kernel's command line. */
#define ROOTFS_ADDR "10.0.0.2"
#define ROOTFS_GATEWAY "10.0.0.1"
#define ROOTFS_PREFIX 24

#define CMD(...) ((const char *const[]){ __VA_ARGS__, NULL })

static int sysctl_set(const char *kv)
{
	return run_cmd(CMD("sysctl", "-q", "-w", kv), NULL, 0);
}

static void addr_text(struct in_addr a, char *buf, size_t len)
{
	inet_ntop(AF_INET, &a, buf, (socklen_t)len);
}

static int load_ruleset(const struct honeynet_conf *conf, const char *copy_dir)
{
	static char rules[WALL_RULESET_MAX];

	if (dc_ruleset_render(&conf->dc, rules, sizeof(rules))) {
		report("%s: the Data Control ruleset is larger than %d bytes; nothing started",
		       conf->file, WALL_RULESET_MAX);
		return -1;
	}
	/* A copy of what was loaded, for the operator and the run's record. */
	if (copy_dir && small_file_save(copy_dir, "honeywall.nft", rules, 0640))
		return -1;
	if (run_cmd(CMD("nft", "-f", "-"), rules, 0)) {
		report("Data Control ruleset did not load; no honeypot started");
		return -1;
	}
	return 0;
}

/* NAT: the honeywall owns each public address, answers ARP for it and DNATs it. */
static int public_addrs(const struct honeynet_conf *conf, int add)
{
	char a[INET_ADDRSTRLEN + 3];
	size_t i;
	int rc = 0;

	for (i = 0; i < conf->dc.n_honeypots; i++) {
		addr_text(conf->dc.honeypot[i].public_addr, a, sizeof(a));
		strcat(a, "/32");
		if (run_cmd(CMD("ip", "addr", add ? "add" : "del", a, "dev",
				conf->dc.outside_if), NULL, !add))
			rc = -1;
	}
	return rc;
}

/* Bridge mode: bridge_if joins outside_if and the taps; made here only
 * when the host does not have it, and then removed by wall_down. */
static int bridge_up(const struct honeynet_conf *conf)
{
	const char *br = conf->dc.bridge_if;

	if (if_nametoindex(br) == 0) {
		if (run_cmd(CMD("ip", "link", "add", br, "type", "bridge"), NULL, 0) ||
		    deploy_mark_bridge(br))
			return -1;
	}
	if (run_cmd(CMD("ip", "link", "set", conf->dc.outside_if, "master", br), NULL, 0) ||
	    run_cmd(CMD("ip", "link", "set", br, "up"), NULL, 0) ||
	    run_cmd(CMD("ip", "link", "set", conf->dc.outside_if, "up"), NULL, 0))
		return -1;
	/* br_netfilter hands bridged IPv4 to the inet table's limits; without
	 * it the bridge table's guard drops it all (fail closed). */
	run_cmd(CMD("modprobe", "-q", "br_netfilter"), NULL, 1);
	return sysctl_set("net.bridge.bridge-nf-call-iptables=1");
}

int wall_up(const struct honeynet_conf *conf, const char *copy_dir)
{
	if (load_ruleset(conf, copy_dir))
		return -1;
	if (conf->dc.mode == DC_MODE_BRIDGE)
		return bridge_up(conf);
	if (public_addrs(conf, 1))
		return -1;
	return sysctl_set("net.ipv4.ip_forward=1");
}

int wall_down(const struct honeynet_conf *conf)
{
	int rc = 0;

	if (conf->dc.mode == DC_MODE_NAT)
		public_addrs(conf, 0);
	else if (deploy_bridge_marked(conf->dc.bridge_if)) {
		if (run_cmd(CMD("ip", "link", "del", conf->dc.bridge_if), NULL, 1) &&
		    if_nametoindex(conf->dc.bridge_if) != 0)
			rc = -1;
		deploy_unmark_bridge();
	}
	if (run_cmd(CMD("nft", "-f", "-"), dc_ruleset_delete_script(), 0))
		rc = -1;
	return rc;
}

static int tap_addrs(const struct honeynet_conf *conf, size_t i)
{
	const char *tap = conf->honeypot[i].tap;
	char gw[INET_ADDRSTRLEN + 3], in[INET_ADDRSTRLEN + 3];

	addr_text(conf->gateway, gw, sizeof(gw));
	strcat(gw, "/32");
	addr_text(conf->dc.honeypot[i].internal_addr, in, sizeof(in));
	strcat(in, "/32");
	/* The gateway on every tap, and a host route per honeypot: no tap is
	 * on a subnet with another, so a honeypot reaches no other honeypot
	 * except through the forward chain, which drops it. */
	return run_cmd(CMD("ip", "addr", "add", gw, "dev", tap), NULL, 0) ||
	       run_cmd(CMD("ip", "link", "set", tap, "up"), NULL, 0) ||
	       run_cmd(CMD("ip", "route", "add", in, "dev", tap), NULL, 0) ? -1 : 0;
}

int hp_net_up(const struct honeynet_conf *conf, size_t i)
{
	const struct hn_honeypot *h = &conf->honeypot[i];
	char uid[16], v6[64];

	if (if_nametoindex(h->tap) != 0) {
		report("honeypot %s: tap %s exists already; run 'honeynet down' or remove it",
		       h->name, h->tap);
		return -1;
	}
	snprintf(uid, sizeof(uid), "%u", h->jail_uid);
	snprintf(v6, sizeof(v6), "net.ipv6.conf.%s.disable_ipv6=1", h->tap);
	if (run_cmd(CMD("ip", "tuntap", "add", "dev", h->tap, "mode", "tap",
			"user", uid, "group", uid), NULL, 0) ||
	    sysctl_set(v6))
		return -1;
	if (conf->dc.mode == DC_MODE_NAT)
		return tap_addrs(conf, i);
	return run_cmd(CMD("ip", "link", "set", h->tap, "master", conf->dc.bridge_if), NULL, 0) ||
	       run_cmd(CMD("ip", "link", "set", h->tap, "up"), NULL, 0) ? -1 : 0;
}

int hp_net_down(const struct honeynet_conf *conf, size_t i)
{
	const char *tap = conf->honeypot[i].tap;

	if (if_nametoindex(tap) == 0)
		return 0;
	return run_cmd(CMD("ip", "link", "del", tap), NULL, 0);
}

static void mask_text(unsigned int prefix, char *buf, size_t len)
{
	struct in_addr m = { htonl(prefix ? ~0U << (32 - prefix) : 0) };

	addr_text(m, buf, len);
}

int hp_kernel_ip(const struct honeynet_conf *conf, size_t i, char *buf,
		 size_t len)
{
	const struct dc_honeypot *a = &conf->dc.honeypot[i];
	char self[INET_ADDRSTRLEN], gw[INET_ADDRSTRLEN], mask[INET_ADDRSTRLEN];
	int n;

	addr_text(a->has_internal ? a->internal_addr : a->public_addr, self, sizeof(self));
	addr_text(conf->gateway, gw, sizeof(gw));
	mask_text(conf->prefix, mask, sizeof(mask));
	if (a->has_internal && strcmp(self, ROOTFS_ADDR) == 0 &&
	    strcmp(gw, ROOTFS_GATEWAY) == 0 && conf->prefix == ROOTFS_PREFIX) {
		buf[0] = '\0';
		return 0;
	}
	n = snprintf(buf, len, "ip=%s::%s:%s::eth0:off", self, gw, mask);
	return n < 0 || (size_t)n >= len ? -1 : 0;
}
