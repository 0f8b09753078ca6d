/* The lab's network: namespaces hn-inet and hn-wall, the veth pair, tap0, NAT. */
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
 * namespace's interfaces, routes or firewall. */
static const char *const *const lab_steps[] = {
	(const char *const[]){ "ip", "netns", "add", LAB_NS_INET, NULL },
	(const char *const[]){ "ip", "netns", "add", LAB_NS_WALL, NULL },
	IP_IN(LAB_NS_WALL, "link", "set", "lo", "up"),
	IP_IN(LAB_NS_INET, "link", "set", "lo", "up"),
	IP_IN(LAB_NS_WALL, "link", "add", LAB_IF_WALL_OUT, "type", "veth",
	      "peer", "name", LAB_IF_INET, "netns", LAB_NS_INET),
	IP_IN(LAB_NS_WALL, "addr", "add", LAB_ADDR_WALL_OUT "/" LAB_PREFIX_OUT,
	      "dev", LAB_IF_WALL_OUT),
	/* The public address sits on the outside link so the wall answers ARP
	 * for it; DNAT then sends its traffic on to the guest. */
	IP_IN(LAB_NS_WALL, "addr", "add", LAB_ADDR_PUBLIC "/32", "dev",
	      LAB_IF_WALL_OUT),
	IP_IN(LAB_NS_WALL, "link", "set", LAB_IF_WALL_OUT, "up"),
	IP_IN(LAB_NS_INET, "addr", "add", LAB_ADDR_ATTACKER "/" LAB_PREFIX_OUT,
	      "dev", LAB_IF_INET),
	IP_IN(LAB_NS_INET, "addr", "add", LAB_ADDR_TARGET "/" LAB_PREFIX_OUT,
	      "dev", LAB_IF_INET),
	IP_IN(LAB_NS_INET, "link", "set", LAB_IF_INET, "up"),
	IP_IN(LAB_NS_WALL, "tuntap", "add", "dev", LAB_IF_TAP, "mode", "tap"),
	IP_IN(LAB_NS_WALL, "addr", "add", LAB_ADDR_WALL_TAP "/" LAB_PREFIX_TAP,
	      "dev", LAB_IF_TAP),
	IP_IN(LAB_NS_WALL, "link", "set", LAB_IF_TAP, "up"),
	SYSCTL_IN(LAB_NS_WALL, "net.ipv4.ip_forward=1"),
	NULL,
};

int lab_net_nat_rules(char *buf, size_t len)
{
	int n = snprintf(buf, len,
		"table ip honeynet_nat\n"
		"delete table ip honeynet_nat\n"
		"table ip honeynet_nat {\n"
		"\tchain prerouting {\n"
		"\t\ttype nat hook prerouting priority dstnat;\n"
		"\t\tip daddr %s dnat to %s\n"
		"\t}\n"
		"\tchain postrouting {\n"
		"\t\ttype nat hook postrouting priority srcnat;\n"
		"\t\tip saddr %s snat to %s\n"
		"\t}\n"
		"}\n",
		LAB_ADDR_PUBLIC, LAB_ADDR_GUEST, LAB_ADDR_GUEST, LAB_ADDR_PUBLIC);

	return n < 0 || (size_t)n >= len ? -1 : 0;
}

static int load_nat(void)
{
	static const char *const nft[] = { "ip", "netns", "exec", LAB_NS_WALL,
					   "nft", "-f", "-", NULL };
	char rules[1024];

	if (lab_net_nat_rules(rules, sizeof(rules))) {
		report("NAT ruleset does not fit its buffer");
		return -1;
	}
	return run_cmd(nft, rules, 0);
}

int lab_net_up(void)
{
	size_t i;

	if (netns_exists(LAB_NS_WALL) || netns_exists(LAB_NS_INET)) {
		report("the lab is already up (namespace %s or %s exists); run 'honeynet lab down' first",
		       LAB_NS_WALL, LAB_NS_INET);
		return -1;
	}
	for (i = 0; lab_steps[i]; i++) {
		if (run_cmd(lab_steps[i], NULL, 0))
			goto out_down;
	}
	if (load_nat())
		goto out_down;
	return 0;
out_down:
	report("lab network: setup failed; removing what was made");
	lab_net_down();
	return -1;
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
