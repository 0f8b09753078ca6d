// SPDX-License-Identifier: GPL-2.0
/* Connection events: Data Control's NFLOG groups (libpcap "nflog:GROUP[,UNLOGGED]") as net.* events. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "connlog.h"
#include "hostd.h"
#include "report.h"

#ifndef DLT_NFLOG
#define DLT_NFLOG 239
#endif

static void unparsed(struct connlog *c, uint64_t ns, const struct nflog_msg *m, const char *what)
{
	struct jline *j = record_event_at(c->rec, ns, "net.unparsed");

	c->unparsed++;
	if (m && m->prefix)
		jl_str(j, "prefix", m->prefix, m->prefix_len);
	else
		jl_null(j, "prefix");
	jl_cstr(j, "what", what);
	record_emit(c->rec);
}

/* proto, ip_proto, src, dst, then the ports or the ICMP type and code. */
static void put_packet(struct jline *j, const struct ip_info *ip)
{
	char a[64];

	jl_cstr(j, "proto", ip_proto_name(ip->proto));
	jl_u64(j, "ip_proto", ip->proto);
	ip_addr_text(ip, ip->src, a, sizeof(a));
	jl_cstr(j, "src", a);
	ip_addr_text(ip, ip->dst, a, sizeof(a));
	jl_cstr(j, "dst", a);
	if (ip->has_ports) {
		jl_u64(j, "sport", ip->sport);
		jl_u64(j, "dport", ip->dport);
	}
	if (ip->has_icmp) {
		jl_u64(j, "icmp_type", ip->icmp_type);
		jl_u64(j, "icmp_code", ip->icmp_code);
	}
}

static void outbound(struct connlog *c, uint64_t ns, const struct nf_prefix *pf,
		     const struct ip_info *ip)
{
	struct jline *j = record_event_at(c->rec, ns, "net.outbound");
	uint64_t n;

	put_packet(j, ip);
	if (pf->cls == NF_DNS) {
		/* DNS to a named resolver spends no limit. */
		jl_bool(j, "dns", 1);
		jl_null(j, "count");
		jl_null(j, "limit");
	} else {
		n = conncount_hit(&c->cc, ip->src, pf->cls, (int64_t)(ns / 1000000000ULL));
		jl_cstr(j, "class", nf_class_name(pf->cls));
		jl_u64(j, "count", n);
		jl_u64(j, "limit", c->limit[pf->cls]);
	}
	jl_cstr(j, "verdict", pf->allow ? "allowed" : "blocked");
	record_emit(c->rec);
}

static void event(struct connlog *c, uint64_t ns, const struct nf_prefix *pf,
		  const struct ip_info *ip)
{
	struct jline *j;

	c->events++;
	if (pf->cls == NF_WALL || pf->cls == NF_STRAY || pf->cls == NF_UNFILTERED) {
		j = record_event_at(c->rec, ns, "net.blocked");
		put_packet(j, ip);
		jl_cstr(j, "direction", pf->dir == NF_IN ? "in" : "out");
		jl_cstr(j, "reason", nf_class_name(pf->cls));
		record_emit(c->rec);
	} else if (pf->dir == NF_IN) {
		j = record_event_at(c->rec, ns, "net.inbound");
		put_packet(j, ip);
		jl_cstr(j, "verdict", "allowed");
		record_emit(c->rec);
	} else {
		outbound(c, ns, pf, ip);
	}
}

/*
 * The ruleset sends an attempt here instead of to GROUP once its
 * direction's log rate is spent: one count, no event, so a flood costs
 * hostd a counter and the archive one summary per HOSTD_UNLOGGED_EVERY_MS.
 * The message carries no packet (snaplen 0): the prefix, which only the
 * ruleset writes, says what it was.
 */
static int is_unlogged(const struct connlog *c, const struct nflog_msg *m)
{
	return c->unlogged_group >= 0 && m->group == (uint16_t)c->unlogged_group;
}

static void summary(struct connlog *c)
{
	struct jline *j;

	if (c->un.pending == 0)
		return;
	j = record_event(c->rec, "net.unlogged");
	unlogged_put(&c->un, j);
	record_emit(c->rec);
}

void connlog_packet(struct connlog *c, const unsigned char *p, size_t n, uint64_t ts_ns,
		    uint64_t mono_ms)
{
	struct nflog_msg m;
	struct nf_prefix pf;
	struct ip_info ip;
	char why[160];

	c->messages++;
	if (nflog_parse(p, n, &m, why, sizeof(why)) < 0) {
		unparsed(c, ts_ns, NULL, why);
		return;
	}
	if (m.has_ts)
		ts_ns = m.ts_ns;
	if (!m.prefix || nf_prefix_parse(m.prefix, m.prefix_len, &pf) < 0) {
		unparsed(c, ts_ns, &m, "prefix: expected \"hn in|out CLASS allow|drop\" as the ruleset writes");
		return;
	}
	if (is_unlogged(c, &m)) {
		unlogged_add(&c->un, &pf, ts_ns, mono_ms);
		return;
	}
	if (!m.payload) {
		unparsed(c, ts_ns, &m, "no packet (NFULA_PAYLOAD) in the message");
		return;
	}
	if (ip_parse(m.payload, m.payload_len, &ip, why, sizeof(why)) < 0) {
		unparsed(c, ts_ns, &m, why);
		return;
	}
	event(c, ts_ns, &pf, &ip);
}

static void on_packet(u_char *user, const struct pcap_pkthdr *h, const u_char *data)
{
	uint64_t ns = (uint64_t)h->ts.tv_sec * 1000000000ULL + (uint64_t)h->ts.tv_usec * 1000ULL;

	connlog_packet((struct connlog *)user, data, h->caplen, ns, mono_ms());
}

void connlog_read(struct connlog *c)
{
	struct jline *j;
	char what[PCAP_ERRBUF_SIZE + 64];

	if (!c->p)
		return;
	/* One datagram a call (-1: all its messages, none left in libpcap's buffer unpolled). */
	errno = 0;
	if (pcap_dispatch(c->p, -1, on_packet, (u_char *)c) >= 0 || errno == EAGAIN ||
	    errno == EWOULDBLOCK)
		return;
	c->errors++;
	snprintf(what, sizeof(what), "nflog %d: %s; connection events were lost", c->group,
		 pcap_geterr(c->p));
	if (!c->error_said)
		report("%s", what);
	c->error_said = 1;
	j = record_event(c->rec, "hostd.error");
	jl_cstr(j, "what", what);
	jl_cstr(j, "event", "net");
	record_emit(c->rec);
}

/* libpcap binds every group of "nflog:A,B" on one socket; the message header says which. */
static pcap_t *open_group(int group, int unlogged_group)
{
	char dev[32], err[PCAP_ERRBUF_SIZE] = "";
	pcap_t *p;
	int r;

	if (unlogged_group >= 0)
		snprintf(dev, sizeof(dev), "nflog:%d,%d", group, unlogged_group);
	else
		snprintf(dev, sizeof(dev), "nflog:%d", group);
	p = pcap_create(dev, err);
	if (!p) {
		report("%s: %s; guest not started", dev, err);
		return NULL;
	}
	pcap_set_snaplen(p, HOSTD_NFLOG_SNAPLEN);
	pcap_set_buffer_size(p, HOSTD_NFLOG_BUFFER);
	r = pcap_activate(p);
	if (r < 0 || pcap_datalink(p) != DLT_NFLOG) {
		report("%s: %s (%s); guest not started", dev, r < 0 ? pcap_statustostr(r) :
		       "not DLT_NFLOG", pcap_geterr(p));
		pcap_close(p);
		return NULL;
	}
	return p;
}

void connlog_init(struct connlog *c, struct record *rec, int group, int unlogged_group,
		  const unsigned int limit[NF_NLIMITED])
{
	memset(c, 0, sizeof(*c));
	c->fd = -1;
	c->rec = rec;
	c->group = group;
	c->unlogged_group = unlogged_group;
	memcpy(c->limit, limit, sizeof(c->limit));
	conncount_init(&c->cc, HOSTD_CONN_WINDOW_S);
	unlogged_init(&c->un);
}

struct connlog *connlog_open(struct record *rec, int group, int unlogged_group,
			     const unsigned int limit[NF_NLIMITED])
{
	struct connlog *c = malloc(sizeof(*c));
	char err[PCAP_ERRBUF_SIZE];

	if (!c)
		return NULL;
	connlog_init(c, rec, group, unlogged_group, limit);
	c->p = open_group(group, unlogged_group);
	if (!c->p)
		goto out_free;
	c->fd = pcap_get_selectable_fd(c->p);
	if (c->fd < 0 || pcap_setnonblock(c->p, 1, err) < 0 ||
	    fcntl(c->fd, F_SETFD, FD_CLOEXEC) < 0) {
		report("nflog:%d: no pollable descriptor; guest not started", group);
		pcap_close(c->p);
		goto out_free;
	}
	return c;

out_free:
	free(c);
	return NULL;
}

int64_t connlog_wait_ms(const struct connlog *c, uint64_t mono_ms)
{
	return unlogged_wait_ms(&c->un, mono_ms);
}

void connlog_tick(struct connlog *c, uint64_t mono_ms)
{
	if (unlogged_wait_ms(&c->un, mono_ms) == 0)
		summary(c);
}

void connlog_end(struct connlog *c)
{
	struct pcap_stat st;
	struct jline *j;

	connlog_read(c);
	summary(c);
	memset(&st, 0, sizeof(st));
	if (c->p)
		pcap_stats(c->p, &st);
	/* libpcap retries a read that found the socket overrun (ENOBUFS) and counts it as a drop. */
	if (st.ps_drop)
		report("nflog %d: the socket overflowed %u times; connection events were lost",
		       c->group, st.ps_drop);
	j = record_event(c->rec, "nflog.stats");
	jl_u64(j, "group", (uint64_t)c->group);
	if (c->unlogged_group >= 0)
		jl_u64(j, "unlogged_group", (uint64_t)c->unlogged_group);
	else
		jl_null(j, "unlogged_group");
	jl_u64(j, "messages", c->messages);
	jl_u64(j, "events", c->events);
	jl_u64(j, "unlogged", c->un.total);
	jl_u64(j, "unparsed", c->unparsed);
	jl_u64(j, "overflows", st.ps_drop);
	jl_u64(j, "read_errors", c->errors);
	record_emit(c->rec);
	if (c->p)
		pcap_close(c->p);
	c->p = NULL;
}

void connlog_close(struct connlog *c)
{
	if (!c)
		return;
	connlog_end(c);
	free(c);
}
