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

/* Hands an attempt to its log point's chain, which logs it and gives the verdict. */
static void put_log(struct out *o, const char *dir, const char *cls,
		    const char *verdict)
{
	put(o, "goto log_%s_%s_%s", dir, cls, verdict);
}

/* One token bucket per direction, shared by its classes: a flood one way
 * cannot use up the other's log. Each table has its own pair (nft objects
 * belong to one table), so bridge mode's guard logs on its own buckets. */
static void put_log_limits(struct out *o, const struct dc_config *cfg)
{
	static const char *const dirs[] = { NFLOG_DIR_IN, NFLOG_DIR_OUT };
	size_t i;

	for (i = 0; i < 2; i++)
		put(o, "\tlimit log_%s {\n\t\trate %u/%s burst %u packets\n\t}\n",
		    dirs[i], cfg->log_rate, dc_scale_name(cfg->log_scale),
		    cfg->log_burst);
}

/* The exact numbers stay in the kernel, whatever hostd misses:
 * `nft list counters` shows how many of each were logged and unlogged. */
static void put_log_counters(struct out *o, const struct dc_config *cfg,
			     const struct log_point *pt, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (pt[i].nat_only && cfg->mode != DC_MODE_NAT)
			continue;
		put(o, "\tcounter logged_%s_%s_%s { }\n"
		    "\tcounter unlogged_%s_%s_%s { }\n",
		    pt[i].dir, pt[i].cls, pt[i].verdict,
		    pt[i].dir, pt[i].cls, pt[i].verdict);
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
static void put_log_chain(struct out *o, const struct dc_config *cfg,
			  const struct log_point *pt)
{
	const char *v = strcmp(pt->verdict, NFLOG_ALLOW) ? "drop" : "accept";

	put(o, "\tchain log_%s_%s_%s {\n", pt->dir, pt->cls, pt->verdict);
	put(o, "\t\tlimit name \"log_%s\" counter name \"logged_%s_%s_%s\" "
	    "log prefix \"%s: \" log group %u prefix \"" NFLOG_PREFIX_FMT "\" %s\n",
	    pt->dir, pt->dir, pt->cls, pt->verdict, pt->klog, cfg->nflog_group,
	    pt->dir, pt->cls, pt->verdict, v);
	put(o, "\t\tcounter name \"unlogged_%s_%s_%s\" log group %u snaplen 0 "
	    "prefix \"" NFLOG_PREFIX_FMT "\" %s\n\t}\n",
	    pt->dir, pt->cls, pt->verdict, cfg->unlogged_group,
	    pt->dir, pt->cls, pt->verdict, v);
}

/* Limits, counters and chains of a table's log points, before the chains that goto them. */
static void put_log_points(struct out *o, const struct dc_config *cfg,
			   const struct log_point *pt, size_t n)
{
	size_t i;

	put_log_limits(o, cfg);
	put_log_counters(o, cfg, pt, n);
	for (i = 0; i < n; i++)
		if (!pt[i].nat_only || cfg->mode == DC_MODE_NAT)
			put_log_chain(o, cfg, &pt[i]);
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

/* The addresses the filter sees: forward runs after DNAT and before SNAT,
 * so in NAT mode that is each honeypot's internal address. */
static void put_honeypot_set(struct out *o, const struct dc_config *cfg)
{
	struct in_addr a[DC_MAX_HONEYPOTS];
	size_t i;

	for (i = 0; i < cfg->n_honeypots; i++)
		a[i] = cfg->honeypot[i].has_internal ?
		       cfg->honeypot[i].internal_addr :
		       cfg->honeypot[i].public_addr;
	put_set(o, "honeypots", a, cfg->n_honeypots);
}

/* One dynamic set per protocol class, keyed by honeypot, each element
 * holding that honeypot's token bucket. Only honeypot sources reach the
 * rules that fill them, so DC_MAX_HONEYPOTS elements never run out (a full
 * set would make `add` fail and the limit rule not match). */
static void put_sets(struct out *o, const struct dc_config *cfg)
{
	size_t i;

	put_honeypot_set(o, cfg);
	put_set(o, "resolvers", cfg->resolver, cfg->n_resolvers);
	put_set(o, "managers", cfg->manager, cfg->n_managers);
	for (i = 0; i < DC_NPROTO; i++)
		put(o, "\tset out_%s {\n\t\ttype ipv4_addr\n\t\tsize %d\n"
		    "\t\tflags dynamic\n\t}\n",
		    dc_proto_name((enum dc_proto)i), DC_MAX_HONEYPOTS);
}

/* The honeywall host itself: its management address may reach it, a
 * honeypot never (a compromised one must not attack the wall), and nothing
 * else may start a connection to it. */
static void put_input(struct out *o, const struct dc_config *cfg)
{
	put(o, "\tchain input {\n"
	    "\t\ttype filter hook input priority filter; policy drop;\n"
	    "\t\tiif \"lo\" accept\n"
	    "\t\tct state established,related accept\n");
	if (cfg->mode == DC_MODE_NAT)
		put(o, "\t\tiifname \"%s\" ", cfg->inside_if);
	else
		put(o, "\t\tip saddr @honeypots ");
	put_log(o, NFLOG_DIR_OUT, NFLOG_CLASS_WALL, NFLOG_DROP);
	put(o, "\n\t\tip saddr @managers accept\n\t}\n");
}

/*
 * A first packet sent again before any reply (a SYN retransmitted to a
 * silent host) is still ct state new, but its entry is confirmed only if
 * an earlier copy got through: accept it without spending another token,
 * so the limits count connections, not packets.
 * Bridged IPv4 reaches this hook through br_netfilter with the bridge as
 * both interfaces, so bridge mode tells the directions apart by address;
 * the bridge table has already dropped sources that lie about theirs.
 */
static void put_forward(struct out *o, const struct dc_config *cfg)
{
	const char *out = cfg->outside_if, *in = cfg->inside_if;

	if (cfg->mode == DC_MODE_BRIDGE)
		out = in = cfg->bridge_if;
	put(o, "\tchain forward {\n"
	    "\t\ttype filter hook forward priority filter; policy drop;\n");
	if (cfg->mode == DC_MODE_BRIDGE)
		put(o, "\t\tmeta mark set meta mark | " DC_SEEN_MARK "\n");
	put(o, "\t\tct state established,related accept\n"
	    "\t\tct state invalid drop\n"
	    "\t\tct state new ct status confirmed accept\n"
	    "\t\tiifname \"%s\" oifname \"%s\" ip daddr @honeypots ct state new jump inbound\n"
	    "\t\tiifname \"%s\" oifname \"%s\" ip saddr @honeypots ct state new jump outbound\n",
	    out, in, in, out);
	if (cfg->mode == DC_MODE_NAT) {
		put(o, "\t\tiifname \"%s\" ", in);
		put_log(o, NFLOG_DIR_OUT, NFLOG_CLASS_STRAY, NFLOG_DROP);
		put(o, "\n");
	}
	put(o, "\t}\n");
}

static void put_inbound(struct out *o)
{
	size_t i;

	put(o, "\tchain inbound {\n");
	for (i = 0; i < DC_NPROTO; i++) {
		if (i == DC_PROTO_OTHER)
			put(o, "\t\t");
		else
			put(o, "\t\tmeta l4proto %s ", dc_proto_name((enum dc_proto)i));
		put_log(o, NFLOG_DIR_IN, dc_proto_name((enum dc_proto)i), NFLOG_ALLOW);
		put(o, "\n");
	}
	put(o, "\t}\n");
}

/* Each protocol's limit counts new connections per honeypot: a token
 * bucket holding `limit` tokens that refills at limit per scale, as the
 * paper's `-m limit --limit 9/hour --limit-burst 9`. */
static void put_limit(struct out *o, const struct dc_config *cfg,
		      enum dc_proto p)
{
	const char *name = dc_proto_name(p);
	char match[32] = "";

	/* Other is whatever the earlier protocols' rules left: no match. */
	if (p != DC_PROTO_OTHER)
		snprintf(match, sizeof(match), "meta l4proto %s ", name);
	put(o, "\t\t%sadd @out_%s { ip saddr limit rate over %u/%s burst %u packets } ",
	    match, name, cfg->limit[p], dc_scale_name(cfg->scale), cfg->limit[p]);
	put_log(o, NFLOG_DIR_OUT, name, NFLOG_DROP);
	put(o, "\n\t\t%s", match);
	put_log(o, NFLOG_DIR_OUT, name, NFLOG_ALLOW);
	put(o, "\n");
}

/* DNS to a named resolver comes first so it never spends a limit's token. */
static void put_outbound(struct out *o, const struct dc_config *cfg)
{
	size_t i;

	put(o, "\tchain outbound {\n"
	    "\t\tip daddr @resolvers meta l4proto { tcp, udp } th dport 53 ");
	put_log(o, NFLOG_DIR_OUT, NFLOG_CLASS_DNS, NFLOG_ALLOW);
	put(o, "\n");
	for (i = 0; i < DC_NPROTO; i++)
		put_limit(o, cfg, (enum dc_proto)i);
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

/*
 * Fail closed when br_netfilter is off (bridge-nf-call-iptables=0 or the
 * module missing): bridged IPv4 then never meets the inet table, so any
 * that arrives here without the inet forward chain's mark is dropped.
 * br_netfilter's own forward hook sits at priority -1, so this chain runs
 * after the inet verdict.
 */
static void put_bridge_guard(struct out *o, const struct dc_config *cfg)
{
	put(o, "\tchain forward {\n"
	    "\t\ttype filter hook forward priority 100; policy accept;\n"
	    "\t\tether type ip meta mark & " DC_SEEN_MARK " == 0 iifname \"%s\" ",
	    cfg->inside_if);
	put_log(o, NFLOG_DIR_OUT, NFLOG_CLASS_UNFILTERED, NFLOG_DROP);
	put(o, "\n\t\tether type ip meta mark & " DC_SEEN_MARK " == 0 ");
	put_log(o, NFLOG_DIR_IN, NFLOG_CLASS_UNFILTERED, NFLOG_DROP);
	put(o, "\n\t}\n");
}

/*
 * Bridge mode's layer-2 guard, before br_netfilter hands IPv4 to the inet
 * table: the honeypot side may send only IPv4 and ARP from a honeypot's own
 * address (anything else would slip past the inet table's limits or forge
 * the direction), and the outside may not claim a honeypot's address.
 */
static void put_bridge_table(struct out *o, const struct dc_config *cfg)
{
	const char *in = cfg->inside_if, *out = cfg->outside_if;

	put(o, "table bridge " DC_TABLE_BR " {\n");
	put_honeypot_set(o, cfg);
	put_log_points(o, cfg, bridge_points, NPOINTS(bridge_points));
	put(o, "\tchain prerouting {\n"
	    "\t\ttype filter hook prerouting priority filter; policy accept;\n"
	    "\t\tiifname \"%s\" ether type ip ip saddr @honeypots accept\n"
	    "\t\tiifname \"%s\" ether type arp arp saddr ip @honeypots accept\n"
	    "\t\tiifname \"%s\" ",
	    in, in, in);
	put_log(o, NFLOG_DIR_OUT, NFLOG_CLASS_STRAY, NFLOG_DROP);
	put(o, "\n\t\tiifname \"%s\" ether type != { ip, arp } drop\n"
	    "\t\tiifname \"%s\" ether type ip ip saddr @honeypots drop\n"
	    "\t\tiifname \"%s\" ether type arp arp saddr ip @honeypots drop\n"
	    "\t}\n",
	    out, out, out);
	put_bridge_guard(o, cfg);
	put(o, "}\n");
}

int dc_ruleset_render(const struct dc_config *cfg, char *buf, size_t len)
{
	struct out o = { .buf = buf, .len = len };

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
	put_inbound(&o);
	put_outbound(&o, cfg);
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
