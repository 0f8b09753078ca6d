// SPDX-License-Identifier: GPL-2.0
/* The lab's network: namespaces hn-inet and hn-wall, the veth pair, a bridge. */
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include "lab_defs.h"
#include "lab_net.h"
#include "netns.h"
#include "report.h"
#include "run_cmd.h"

#define IP_IN(ns, ...) ((const char *const[]){ "ip", "-n", ns, __VA_ARGS__, NULL })
#define SYSCTL_IN(ns, kv) \
	((const char *const[]){ "ip", "netns", "exec", ns, "sysctl", "-q", "-w", kv, NULL })

/* Everything is made with `ip -n NS`, so no step can touch the root
 * namespace's interfaces, routes or firewall. The honeywall has no IPv6:
 * no link-local address of its may answer from the honeypot's side. */
static const char *const *const common_steps[] = {
	(const char *const[]){ "ip", "netns", "add", LAB_NS_INET, NULL },
	(const char *const[]){ "ip", "netns", "add", LAB_NS_WALL, NULL },
	SYSCTL_IN(LAB_NS_WALL, "net.ipv6.conf.all.disable_ipv6=1"),
	SYSCTL_IN(LAB_NS_WALL, "net.ipv6.conf.default.disable_ipv6=1"),
	IP_IN(LAB_NS_WALL, "link", "set", "lo", "up"),
	IP_IN(LAB_NS_INET, "link", "set", "lo", "up"),
	IP_IN(LAB_NS_WALL, "link", "add", LAB_IF_WALL_OUT, "type", "veth",
	      "peer", "name", LAB_IF_INET, "netns", LAB_NS_INET),
	IP_IN(LAB_NS_INET, "addr", "add", LAB_ADDR_ATTACKER "/" LAB_PREFIX_OUT,
	      "dev", LAB_IF_INET),
	IP_IN(LAB_NS_INET, "addr", "add", LAB_ADDR_TARGET "/" LAB_PREFIX_OUT,
	      "dev", LAB_IF_INET),
	IP_IN(LAB_NS_INET, "link", "set", LAB_IF_INET, "up"),
	NULL,
};

/* NAT: the wall's outside address; the lab's honeynet.conf (lab_conf.c)
 * does the rest as honeynet up does on a real host: the public address,
 * tap0, ip_forward, the ruleset. */
static const char *const *const nat_steps[] = {
	IP_IN(LAB_NS_WALL, "addr", "add", LAB_ADDR_WALL_OUT "/" LAB_PREFIX_OUT,
	      "dev", LAB_IF_WALL_OUT),
	IP_IN(LAB_NS_WALL, "link", "set", LAB_IF_WALL_OUT, "up"),
	NULL,
};

/* Bridge (GenII): outside and tap0 are ports of one bridge with no address
 * at all, so the guest is on the outside link itself and nothing of the
 * wall answers it. The bridge is the host's, as an operator's would be
 * (honeynet up adds the taps to it); the outside world's router is
 * 203.0.113.1, in hn-inet. */
static const char *const *const bridge_steps[] = {
	IP_IN(LAB_NS_WALL, "link", "add", LAB_IF_BRIDGE, "type", "bridge"),
	IP_IN(LAB_NS_WALL, "link", "set", LAB_IF_WALL_OUT, "master", LAB_IF_BRIDGE),
	IP_IN(LAB_NS_WALL, "link", "set", LAB_IF_WALL_OUT, "up"),
	IP_IN(LAB_NS_WALL, "link", "set", LAB_IF_BRIDGE, "up"),
	IP_IN(LAB_NS_INET, "addr", "add", LAB_ADDR_ROUTER "/" LAB_PREFIX_OUT,
	      "dev", LAB_IF_INET),
	NULL,
};

static int run_steps(const char *const *const *steps)
{
	size_t i;

	for (i = 0; steps[i]; i++) {
		if (run_cmd(steps[i], NULL, 0))
			return -1;
	}
	return 0;
}

int lab_net_up(enum lab_mode mode)
{
	if (netns_exists(LAB_NS_WALL) || netns_exists(LAB_NS_INET)) {
		report("the lab is already up (namespace %s or %s exists); run 'honeynet lab down' first",
		       LAB_NS_WALL, LAB_NS_INET);
		return -1;
	}
	if (run_steps(common_steps) ||
	    run_steps(mode == LAB_MODE_BRIDGE ? bridge_steps : nat_steps)) {
		report("lab network: setup failed; removing what was made");
		lab_net_down();
		return -1;
	}
	return 0;
}
static int remove_ns(const char *name)
{
	const char *const del[] = { "ip", "netns", "del", name, NULL };
	int tries;

	if (!netns_exists(name))
		return 0;
	/* A namespace outlives `ip netns del` while a process is still in it,
	 * and its interfaces with it: end them first. */
	for (tries = 0; tries < 50 && netns_kill_all(name, SIGKILL) > 0; tries++)
		usleep(100 * 1000);
	return run_cmd(del, NULL, 0);
}

int lab_net_down(void)
{
	int rc = 0;

	if (remove_ns(LAB_NS_WALL))
		rc = -1;
	if (remove_ns(LAB_NS_INET))
		rc = -1;
	return rc;
}
