// SPDX-License-Identifier: GPL-2.0
/* The Data Control nftables ruleset (the rc.firewall role), rendered from a dc_config. */
#include <arpa/inet.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "dc_ruleset.h"
#include "nflog_prefix.h"

/* An append-only view of the caller's buffer; full records that some text
 * did not fit, so one check at the end covers every write. */
struct out {
	char *buf;
	size_t len;
	size_t pos;
	int full;
};

/* The bit bridge mode's inet forward chain sets on every packet it sees. */
#define DC_SEEN_MARK "0x10000000"

static void put(struct out *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void put(struct out *o, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (o->full)
		return;
	va_start(ap, fmt);
	n = vsnprintf(o->buf + o->pos, o->len - o->pos, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= o->len - o->pos)
		o->full = 1;
	else
		o->pos += (size_t)n;
}

/*
 * One place a connection attempt is logged: the paper's kernel log prefix
 * (at most 29 characters, iptables' cap) and the NFLOG prefix that hostd
 * parses (common/nflog_prefix.h).
 */
struct log_point {
	const char *klog;
	const char *dir;
	const char *cls;
	const char *verdict;
	int nat_only;
};

static const struct log_point inet_points[] = {
	{ "DROP HONEYWALL", NFLOG_DIR_OUT, NFLOG_CLASS_WALL, NFLOG_DROP, 0 },
	{ "DROP STRAY", NFLOG_DIR_OUT, NFLOG_CLASS_STRAY, NFLOG_DROP, 1 },
	{ "INBOUND TCP", NFLOG_DIR_IN, NFLOG_CLASS_TCP, NFLOG_ALLOW, 0 },
	{ "INBOUND UDP", NFLOG_DIR_IN, NFLOG_CLASS_UDP, NFLOG_ALLOW, 0 },
	{ "INBOUND ICMP", NFLOG_DIR_IN, NFLOG_CLASS_ICMP, NFLOG_ALLOW, 0 },
	{ "INBOUND OTHER", NFLOG_DIR_IN, NFLOG_CLASS_OTHER, NFLOG_ALLOW, 0 },
	{ "OUTG DNS", NFLOG_DIR_OUT, NFLOG_CLASS_DNS, NFLOG_ALLOW, 0 },
	{ "DROP TCP", NFLOG_DIR_OUT, NFLOG_CLASS_TCP, NFLOG_DROP, 0 },
	{ "OUTG CONN TCP", NFLOG_DIR_OUT, NFLOG_CLASS_TCP, NFLOG_ALLOW, 0 },
	{ "DROP UDP", NFLOG_DIR_OUT, NFLOG_CLASS_UDP, NFLOG_DROP, 0 },
	{ "OUTG CONN UDP", NFLOG_DIR_OUT, NFLOG_CLASS_UDP, NFLOG_ALLOW, 0 },
	{ "DROP ICMP", NFLOG_DIR_OUT, NFLOG_CLASS_ICMP, NFLOG_DROP, 0 },
	{ "OUTG CONN ICMP", NFLOG_DIR_OUT, NFLOG_CLASS_ICMP, NFLOG_ALLOW, 0 },
	{ "DROP OTHER", NFLOG_DIR_OUT, NFLOG_CLASS_OTHER, NFLOG_DROP, 0 },
	{ "OUTG CONN OTHER", NFLOG_DIR_OUT, NFLOG_CLASS_OTHER, NFLOG_ALLOW, 0 },
};

static const struct log_point bridge_points[] = {
	{ "DROP STRAY", NFLOG_DIR_OUT, NFLOG_CLASS_STRAY, NFLOG_DROP, 0 },
	{ "DROP UNFILTERED", NFLOG_DIR_OUT, NFLOG_CLASS_UNFILTERED, NFLOG_DROP, 0 },
	{ "DROP UNFILTERED", NFLOG_DIR_IN, NFLOG_CLASS_UNFILTERED, NFLOG_DROP, 0 },
};

#define NPOINTS(a) (sizeof(a) / sizeof((a)[0]))

/*
 * Every object of honeypot i is named h<i>_...: its log buckets, counters
 * and log chains are its own, so one honeypot's flood never blinds
 * another's log, and its log chains write to its own NFLOG groups, which
 * only its hostd reads.
 */

/* Hands an attempt to its log point's chain, which logs it and gives the verdict. */
static void put_log(struct out *o, size_t i, const char *dir, const char *cls,
		    const char *verdict)
{
	put(o, "goto h%zu_log_%s_%s_%s", i, dir, cls, verdict);
}

/* The address the filter sees: forward runs after DNAT and before SNAT,
 * so in NAT mode that is the honeypot's internal address. */
static void own_addr(const struct dc_config *cfg, size_t i, char *text)
{
	const struct dc_honeypot *h = &cfg->honeypot[i];

	inet_ntop(AF_INET, h->has_internal ? &h->internal_addr : &h->public_addr,
		  text, INET_ADDRSTRLEN);
}

/* honeywall.conf's honeypots share one tap: a rule that matches the tap
 * alone is rendered for the first of them, which catches them all (their
 * log groups are the same). */
static int first_on_tap(const struct dc_config *cfg, size_t i)
{
	size_t j;

	for (j = 0; j < i; j++) {
		if (strcmp(cfg->honeypot[j].inside_if, cfg->honeypot[i].inside_if) == 0)
			return 0;
	}
	return 1;
}

/* One token bucket per direction, shared by its classes: a flood one way
 * cannot use up the other's log. Each table has its own pair (nft objects
 * belong to one table), so bridge mode's guard logs on its own buckets. */
static void put_log_limits(struct out *o, const struct dc_config *cfg, size_t i)
{
	static const char *const dirs[] = { NFLOG_DIR_IN, NFLOG_DIR_OUT };
	size_t d;

	for (d = 0; d < 2; d++)
		put(o, "\tlimit h%zu_log_%s {\n\t\trate %u/%s burst %u packets\n\t}\n",
		    i, dirs[d], cfg->log_rate, dc_scale_name(cfg->log_scale),
		    cfg->log_burst);
}

static int renders(const struct dc_config *cfg, const struct log_point *pt)
{
	return !pt->nat_only || cfg->mode == DC_MODE_NAT;
}

/* The exact numbers stay in the kernel, whatever hostd misses:
 * `nft list counters` shows how many of each were logged and unlogged. */
static void put_log_counters(struct out *o, const struct dc_config *cfg, size_t i,
			     const struct log_point *pt, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++) {
		if (!renders(cfg, &pt[k]))
			continue;
		put(o, "\tcounter h%zu_logged_%s_%s_%s { }\n"
		    "\tcounter h%zu_unlogged_%s_%s_%s { }\n",
		    i, pt[k].dir, pt[k].cls, pt[k].verdict,
		    i, pt[k].dir, pt[k].cls, pt[k].verdict);
	}
}

/*
 * A log point's chain: within its direction's rate, both logs; over it,
 * the unlogged group with no packet (snaplen 0), which hostd only counts
 * and summarises (net.unlogged), so a flood costs a counter, not an event
 * each. hostd drops its privileges and cannot read nft counters, hence a
 * second group rather than counters alone. Both rules give the same
 * verdict: the log rate never changes what passes.
 */
static void put_log_chain(struct out *o, const struct dc_config *cfg, size_t i,
			  const struct log_point *pt)
{
	const struct dc_honeypot *h = &cfg->honeypot[i];
	const char *v = strcmp(pt->verdict, NFLOG_ALLOW) ? "drop" : "accept";

	put(o, "\tchain h%zu_log_%s_%s_%s {\n", i, pt->dir, pt->cls, pt->verdict);
	put(o, "\t\tlimit name \"h%zu_log_%s\" counter name \"h%zu_logged_%s_%s_%s\" "
	    "log prefix \"%s: \" log group %u prefix \"" NFLOG_PREFIX_FMT "\" %s\n",
	    i, pt->dir, i, pt->dir, pt->cls, pt->verdict, pt->klog, h->nflog_group,
	    pt->dir, pt->cls, pt->verdict, v);
	put(o, "\t\tcounter name \"h%zu_unlogged_%s_%s_%s\" log group %u snaplen 0 "
	    "prefix \"" NFLOG_PREFIX_FMT "\" %s\n\t}\n",
	    i, pt->dir, pt->cls, pt->verdict, h->unlogged_group,
	    pt->dir, pt->cls, pt->verdict, v);
}

/* Each honeypot's limits, counters and chains of a table's log points,
 * before the chains that goto them. */
static void put_log_points(struct out *o, const struct dc_config *cfg,
			   const struct log_point *pt, size_t n)
{
	size_t i, k;

	for (i = 0; i < cfg->n_honeypots; i++) {
		put_log_limits(o, cfg, i);
		put_log_counters(o, cfg, i, pt, n);
		for (k = 0; k < n; k++)
			if (renders(cfg, &pt[k]))
				put_log_chain(o, cfg, i, &pt[k]);
	}
}

static void put_set(struct out *o, const char *name, const struct in_addr *a,
		    size_t n)
{
	char text[INET_ADDRSTRLEN];
	size_t i;

	put(o, "\tset %s {\n\t\ttype ipv4_addr\n", name);
	for (i = 0; i < n; i++) {
		inet_ntop(AF_INET, &a[i], text, sizeof(text));
		put(o, "%s%s", i ? ", " : "\t\telements = { ", text);
	}
	put(o, "%s\t}\n", n ? " }\n" : "");
}

/* One dynamic set per protocol class, keyed by honeypot, each element
 * holding that honeypot's token bucket (its own outbound chain adds only
 * its own address, with its own limit). Only honeypot sources reach the
 * rules that fill them, so DC_MAX_HONEYPOTS elements never run out (a full
 * set would make `add` fail and the limit rule not match). */
static void put_sets(struct out *o, const struct dc_config *cfg)
{
	size_t i;

	put_set(o, "resolvers", cfg->resolver, cfg->n_resolvers);
	put_set(o, "managers", cfg->manager, cfg->n_managers);
	for (i = 0; i < DC_NPROTO; i++)
		put(o, "\tset out_%s {\n\t\ttype ipv4_addr\n\t\tsize %d\n"
		    "\t\tflags dynamic\n\t}\n",
		    dc_proto_name((enum dc_proto)i), DC_MAX_HONEYPOTS);
}

/* The honeywall host itself: its management address may reach it, a
 * honeypot never (a compromised one must not attack the wall), and nothing
 * else may start a connection to it. NAT mode knows a honeypot by its tap,
 * whatever source it claims; bridge mode by its address, which the bridge
 * table lets no one else use. */
static void put_input(struct out *o, const struct dc_config *cfg)
{
	char addr[INET_ADDRSTRLEN];
	size_t i;

	put(o, "\tchain input {\n"
	    "\t\ttype filter hook input priority filter; policy drop;\n"
	    "\t\tiif \"lo\" accept\n"
	    "\t\tct state established,related accept\n");
	for (i = 0; i < cfg->n_honeypots; i++) {
		if (cfg->mode == DC_MODE_NAT) {
			if (!first_on_tap(cfg, i))
				continue;
			put(o, "\t\tiifname \"%s\" ", cfg->honeypot[i].inside_if);
		} else {
			own_addr(cfg, i, addr);
			put(o, "\t\tip saddr %s ", addr);
		}
		put_log(o, i, NFLOG_DIR_OUT, NFLOG_CLASS_WALL, NFLOG_DROP);
		put(o, "\n");
	}
	put(o, "\t\tip saddr @managers accept\n\t}\n");
}

/* Into honeypot i's own chains: new connections from the outside to its
 * address on its tap, and from its address on its tap to the outside.
 * Bridged IPv4 reaches this hook through br_netfilter with the bridge as
 * both interfaces, so bridge mode tells the honeypots and directions apart
 * by address alone; the bridge table has already dropped sources that lie
 * about theirs and anything from one tap to another. */
static void put_forward_jumps(struct out *o, const struct dc_config *cfg, size_t i)
{
	const char *out = cfg->outside_if, *tap = cfg->honeypot[i].inside_if;
	char addr[INET_ADDRSTRLEN];

	if (cfg->mode == DC_MODE_BRIDGE)
		out = tap = cfg->bridge_if;
	own_addr(cfg, i, addr);
	put(o, "\t\tiifname \"%s\" oifname \"%s\" ip daddr %s ct state new jump h%zu_inbound\n"
	    "\t\tiifname \"%s\" oifname \"%s\" ip saddr %s ct state new jump h%zu_outbound\n",
	    out, tap, addr, i, tap, out, addr, i);
}

/*
 * A first packet sent again before any reply (a SYN retransmitted to a
 * silent host) is still ct state new, but its entry is confirmed only if
 * an earlier copy got through: accept it without spending another token,
 * so the limits count connections, not packets.
 * In NAT mode whatever else comes from a tap is stray: to the wall's other
 * side, to another honeypot's tap, or from an address not the honeypot's.
 */
static void put_forward(struct out *o, const struct dc_config *cfg)
{
	size_t i;

	put(o, "\tchain forward {\n"
	    "\t\ttype filter hook forward priority filter; policy drop;\n");
	if (cfg->mode == DC_MODE_BRIDGE)
		put(o, "\t\tmeta mark set meta mark | " DC_SEEN_MARK "\n");
	put(o, "\t\tct state established,related accept\n"
	    "\t\tct state invalid drop\n"
	    "\t\tct state new ct status confirmed accept\n");
	for (i = 0; i < cfg->n_honeypots; i++)
		put_forward_jumps(o, cfg, i);
	for (i = 0; cfg->mode == DC_MODE_NAT && i < cfg->n_honeypots; i++) {
		if (!first_on_tap(cfg, i))
			continue;
		put(o, "\t\tiifname \"%s\" ", cfg->honeypot[i].inside_if);
		put_log(o, i, NFLOG_DIR_OUT, NFLOG_CLASS_STRAY, NFLOG_DROP);
		put(o, "\n");
	}
	put(o, "\t}\n");
}

static void put_inbound(struct out *o, size_t i)
{
	size_t p;

	put(o, "\tchain h%zu_inbound {\n", i);
	for (p = 0; p < DC_NPROTO; p++) {
		if (p == DC_PROTO_OTHER)
			put(o, "\t\t");
		else
			put(o, "\t\tmeta l4proto %s ", dc_proto_name((enum dc_proto)p));
		put_log(o, i, NFLOG_DIR_IN, dc_proto_name((enum dc_proto)p), NFLOG_ALLOW);
		put(o, "\n");
	}
	put(o, "\t}\n");
}

/* Each protocol's limit counts the honeypot's new connections: a token
 * bucket holding `limit` tokens that refills at limit per scale, as the
 * paper's `-m limit --limit 9/hour --limit-burst 9`. */
static void put_limit(struct out *o, const struct dc_config *cfg, size_t i,
		      enum dc_proto p)
{
	const char *name = dc_proto_name(p);
	unsigned int limit = cfg->honeypot[i].limit[p];
	char match[32] = "";

	/* Other is whatever the earlier protocols' rules left: no match. */
	if (p != DC_PROTO_OTHER)
		snprintf(match, sizeof(match), "meta l4proto %s ", name);
	put(o, "\t\t%sadd @out_%s { ip saddr limit rate over %u/%s burst %u packets } ",
	    match, name, limit, dc_scale_name(cfg->scale), limit);
	put_log(o, i, NFLOG_DIR_OUT, name, NFLOG_DROP);
	put(o, "\n\t\t%s", match);
	put_log(o, i, NFLOG_DIR_OUT, name, NFLOG_ALLOW);
	put(o, "\n");
}

/* DNS to a named resolver comes first so it never spends a limit's token. */
static void put_outbound(struct out *o, const struct dc_config *cfg, size_t i)
{
	size_t p;

	put(o, "\tchain h%zu_outbound {\n"
	    "\t\tip daddr @resolvers meta l4proto { tcp, udp } th dport 53 ", i);
	put_log(o, i, NFLOG_DIR_OUT, NFLOG_CLASS_DNS, NFLOG_ALLOW);
	put(o, "\n");
	for (p = 0; p < DC_NPROTO; p++)
		put_limit(o, cfg, i, (enum dc_proto)p);
	put(o, "\t}\n");
}

static void put_nat(struct out *o, const struct dc_config *cfg)
{
	char pub[INET_ADDRSTRLEN], in[INET_ADDRSTRLEN];
	size_t i;
	int snat;

	for (snat = 0; snat < 2; snat++) {
		put(o, "\tchain %s {\n\t\ttype nat hook %s priority %s; policy accept;\n",
		    snat ? "postrouting" : "prerouting",
		    snat ? "postrouting" : "prerouting", snat ? "srcnat" : "dstnat");
		for (i = 0; i < cfg->n_honeypots; i++) {
			inet_ntop(AF_INET, &cfg->honeypot[i].public_addr, pub, sizeof(pub));
			inet_ntop(AF_INET, &cfg->honeypot[i].internal_addr, in, sizeof(in));
			put(o, snat ? "\t\toifname \"%s\" ip saddr %s snat ip to %s\n" :
				      "\t\tiifname \"%s\" ip daddr %s dnat ip to %s\n",
			    cfg->outside_if, snat ? in : pub, snat ? pub : in);
		}
		put(o, "\t}\n");
	}
}

/* The addresses the outside port may not claim. */
static void put_honeypot_set(struct out *o, const struct dc_config *cfg)
{
	struct in_addr a[DC_MAX_HONEYPOTS];
	size_t i;

	for (i = 0; i < cfg->n_honeypots; i++)
		a[i] = cfg->honeypot[i].public_addr;
	put_set(o, "honeypots", a, cfg->n_honeypots);
}

/*
 * Bridge mode's layer-2 guard, before br_netfilter hands IPv4 to the inet
 * table: each tap may send only IPv4 and ARP from its own honeypot's
 * address (anything else would slip past the inet table's limits, forge
 * the direction or pass for another honeypot), and the outside may not
 * claim any honeypot's address. Every tap's accepts come before any tap's
 * drop, as honeywall.conf's honeypots share one.
 */
static void put_bridge_prerouting(struct out *o, const struct dc_config *cfg)
{
	const char *out = cfg->outside_if;
	char addr[INET_ADDRSTRLEN];
	size_t i;

	put(o, "\tchain prerouting {\n"
	    "\t\ttype filter hook prerouting priority filter; policy accept;\n");
	for (i = 0; i < cfg->n_honeypots; i++) {
		const char *tap = cfg->honeypot[i].inside_if;

		own_addr(cfg, i, addr);
		put(o, "\t\tiifname \"%s\" ether type ip ip saddr %s accept\n"
		    "\t\tiifname \"%s\" ether type arp arp saddr ip %s accept\n",
		    tap, addr, tap, addr);
	}
	for (i = 0; i < cfg->n_honeypots; i++) {
		if (!first_on_tap(cfg, i))
			continue;
		put(o, "\t\tiifname \"%s\" ", cfg->honeypot[i].inside_if);
		put_log(o, i, NFLOG_DIR_OUT, NFLOG_CLASS_STRAY, NFLOG_DROP);
		put(o, "\n");
	}
	put(o, "\t\tiifname \"%s\" ether type != { ip, arp } drop\n"
	    "\t\tiifname \"%s\" ether type ip ip saddr @honeypots drop\n"
	    "\t\tiifname \"%s\" ether type arp arp saddr ip @honeypots drop\n"
	    "\t}\n",
	    out, out, out);
}

/*
 * A tap's frames go to the outside port only, never to another honeypot's
 * tap; at priority filter this runs before br_netfilter's forward hook
 * (-1), so such a frame spends no limit's token. IPv4 is logged as stray;
 * ARP, which floods to every port, is dropped unlogged, or each request
 * would be an event per other tap.
 */
static void put_bridge_ports(struct out *o, const struct dc_config *cfg)
{
	size_t i;

	put(o, "\tchain ports {\n"
	    "\t\ttype filter hook forward priority filter; policy accept;\n");
	for (i = 0; i < cfg->n_honeypots; i++) {
		const char *tap = cfg->honeypot[i].inside_if;

		if (!first_on_tap(cfg, i))
			continue;
		put(o, "\t\tiifname \"%s\" oifname != \"%s\" ether type ip ",
		    tap, cfg->outside_if);
		put_log(o, i, NFLOG_DIR_OUT, NFLOG_CLASS_STRAY, NFLOG_DROP);
		put(o, "\n\t\tiifname \"%s\" oifname != \"%s\" drop\n", tap,
		    cfg->outside_if);
	}
	put(o, "\t}\n");
}

/*
 * Fail closed when br_netfilter is off (bridge-nf-call-iptables=0 or the
 * module missing): bridged IPv4 then never meets the inet table, so any
 * that arrives here without the inet forward chain's mark is dropped,
 * logged as its honeypot's: from its tap outbound, to its tap inbound,
 * and unlogged when through a port the config does not name.
 * br_netfilter's own forward hook sits at priority -1, so this chain runs
 * after the inet verdict.
 */
static void put_bridge_guard(struct out *o, const struct dc_config *cfg)
{
	size_t i;
	int in;

	put(o, "\tchain forward {\n"
	    "\t\ttype filter hook forward priority 100; policy accept;\n");
	for (in = 0; in < 2; in++) {
		for (i = 0; i < cfg->n_honeypots; i++) {
			if (!first_on_tap(cfg, i))
				continue;
			put(o, "\t\tether type ip meta mark & " DC_SEEN_MARK " == 0 %s \"%s\" ",
			    in ? "oifname" : "iifname", cfg->honeypot[i].inside_if);
			put_log(o, i, in ? NFLOG_DIR_IN : NFLOG_DIR_OUT,
				NFLOG_CLASS_UNFILTERED, NFLOG_DROP);
			put(o, "\n");
		}
	}
	put(o, "\t\tether type ip meta mark & " DC_SEEN_MARK " == 0 drop\n\t}\n");
}

static void put_bridge_table(struct out *o, const struct dc_config *cfg)
{
	put(o, "table bridge " DC_TABLE_BR " {\n");
	put_honeypot_set(o, cfg);
	put_log_points(o, cfg, bridge_points, NPOINTS(bridge_points));
	put_bridge_prerouting(o, cfg);
	put_bridge_ports(o, cfg);
	put_bridge_guard(o, cfg);
	put(o, "}\n");
}

int dc_ruleset_render(const struct dc_config *cfg, char *buf, size_t len)
{
	struct out o = { .buf = buf, .len = len };
	size_t i;

	if (len == 0)
		return -1;
	put(&o, "# honeynet Data Control (the rc.firewall role): %s mode.\n%s",
	    cfg->mode == DC_MODE_NAT ? "NAT" : "bridge",
	    dc_ruleset_delete_script());
	put(&o, "table inet " DC_TABLE " {\n");
	put_sets(&o, cfg);
	put_log_points(&o, cfg, inet_points, NPOINTS(inet_points));
	put_input(&o, cfg);
	put_forward(&o, cfg);
	for (i = 0; i < cfg->n_honeypots; i++) {
		put_inbound(&o, i);
		put_outbound(&o, cfg, i);
	}
	if (cfg->mode == DC_MODE_NAT)
		put_nat(&o, cfg);
	put(&o, "}\n");
	if (cfg->mode == DC_MODE_BRIDGE)
		put_bridge_table(&o, cfg);
	return o.full ? -1 : 0;
}

/* Declaring a table first makes its deletion succeed when it is absent. */
const char *dc_ruleset_delete_script(void)
{
	return "table inet " DC_TABLE "\n"
	       "delete table inet " DC_TABLE "\n"
	       "table bridge " DC_TABLE_BR "\n"
	       "delete table bridge " DC_TABLE_BR "\n";
}
