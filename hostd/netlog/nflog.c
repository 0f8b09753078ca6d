// SPDX-License-Identifier: GPL-2.0
/* NFLOG messages (libpcap's DLT_NFLOG) and the IP packets in them, parsed with a bound on every read. */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "nflog.h"
#include "nflog_prefix.h"

#define IPPROTO_ICMP_ 1
#define IPPROTO_TCP_ 6
#define IPPROTO_UDP_ 17
#define IPPROTO_ICMPV6_ 58
#define IPPROTO_SCTP_ 132

/* Reads at p + off only if want bytes are there; the callers check first. */
static uint16_t be16_at(const unsigned char *p, size_t off)
{
	return (uint16_t)(p[off] << 8 | p[off + 1]);
}

static uint64_t be64_at(const unsigned char *p, size_t off)
{
	uint64_t v = 0;
	size_t i;

	for (i = 0; i < 8; i++)
		v = v << 8 | p[off + i];
	return v;
}

/* The kernel writes TLV lengths and types in its own byte order, which is hostd's. */
static uint16_t host16_at(const unsigned char *p, size_t off)
{
	uint16_t v;

	memcpy(&v, p + off, sizeof(v));
	return v;
}

static int need(size_t n, size_t off, size_t want, const char *what, char *why, size_t whylen)
{
	if (off <= n && n - off >= want)
		return 0;
	snprintf(why, whylen, "truncated %s at offset %zu: need %zu bytes, have %zu",
		 what, off, want, off <= n ? n - off : 0);
	return -1;
}

static void take_tlv(struct nflog_msg *m, uint16_t type, const unsigned char *v, size_t vlen)
{
	uint64_t sec, usec;

	switch (type) {
	case NFULA_PREFIX:
		m->prefix = v;
		m->prefix_len = strnlen((const char *)v, vlen);
		break;
	case NFULA_PAYLOAD:
		m->payload = v;
		m->payload_len = vlen;
		break;
	case NFULA_TIMESTAMP:
		if (vlen < 16)
			break;	/* malformed: hostd's clock is used instead */
		sec = be64_at(v, 0);
		usec = be64_at(v, 8);
		if (usec < 1000000 && sec < UINT64_C(1) << 33) {
			m->has_ts = 1;
			m->ts_ns = sec * 1000000000ULL + usec * 1000ULL;
		}
		break;
	default:
		break;
	}
}

int nflog_parse(const unsigned char *p, size_t n, struct nflog_msg *m, char *why, size_t whylen)
{
	size_t off = NFLOG_HDR_SIZE, len, step;
	uint16_t type;

	memset(m, 0, sizeof(*m));
	if (need(n, 0, NFLOG_HDR_SIZE, "NFLOG header", why, whylen) < 0)
		return -1;
	m->family = p[0];
	m->group = be16_at(p, 2);
	while (off < n) {
		if (need(n, off, NFLOG_TLV_SIZE, "TLV header", why, whylen) < 0)
			return -1;
		len = host16_at(p, off);
		type = host16_at(p, off + 2) & 0x3fff;	/* without NLA_F_NESTED, NLA_F_NET_BYTEORDER */
		if (len < NFLOG_TLV_SIZE) {
			snprintf(why, whylen, "TLV length at offset %zu: expected at least %d, found %zu",
				 off, NFLOG_TLV_SIZE, len);
			return -1;
		}
		if (need(n, off, len, "TLV", why, whylen) < 0)
			return -1;
		take_tlv(m, type, p + off + NFLOG_TLV_SIZE, len - NFLOG_TLV_SIZE);
		step = (len + 3) & ~(size_t)3;	/* TLVs are padded to 4 bytes; the last may not be */
		off = step <= n - off ? off + step : n;
	}
	return 0;
}

static int l4_parse(const unsigned char *p, size_t n, size_t off, struct ip_info *ip,
		    char *why, size_t whylen)
{
	switch (ip->proto) {
	case IPPROTO_TCP_:
	case IPPROTO_UDP_:
	case IPPROTO_SCTP_:
		if (need(n, off, 4, "ports", why, whylen) < 0)
			return -1;
		ip->has_ports = 1;
		ip->sport = be16_at(p, off);
		ip->dport = be16_at(p, off + 2);
		return 0;
	case IPPROTO_ICMP_:
	case IPPROTO_ICMPV6_:
		if (need(n, off, 2, "ICMP type and code", why, whylen) < 0)
			return -1;
		ip->has_icmp = 1;
		ip->icmp_type = p[off];
		ip->icmp_code = p[off + 1];
		return 0;
	default:
		return 0;
	}
}

static int ip4_parse(const unsigned char *p, size_t n, struct ip_info *ip, char *why, size_t whylen)
{
	size_t ihl;

	if (need(n, 0, 20, "IPv4 header", why, whylen) < 0)
		return -1;
	ihl = (size_t)(p[0] & 0x0f) * 4;
	if (ihl < 20) {
		snprintf(why, whylen, "IPv4 header length at offset 0: expected at least 20, found %zu", ihl);
		return -1;
	}
	if (need(n, 0, ihl, "IPv4 options", why, whylen) < 0)
		return -1;
	ip->version = 4;
	ip->proto = p[9];
	memcpy(ip->src, p + 12, 4);
	memcpy(ip->dst, p + 16, 4);
	if (be16_at(p, 6) & 0x1fff)
		return 0;	/* a later fragment: no L4 header */
	return l4_parse(p, n, ihl, ip, why, whylen);
}

static int ip6_parse(const unsigned char *p, size_t n, struct ip_info *ip, char *why, size_t whylen)
{
	if (need(n, 0, 40, "IPv6 header", why, whylen) < 0)
		return -1;
	ip->version = 6;
	ip->proto = p[6];	/* extension headers are not walked: their number is reported */
	memcpy(ip->src, p + 8, 16);
	memcpy(ip->dst, p + 24, 16);
	return l4_parse(p, n, 40, ip, why, whylen);
}

int ip_parse(const unsigned char *p, size_t n, struct ip_info *ip, char *why, size_t whylen)
{
	memset(ip, 0, sizeof(*ip));
	if (need(n, 0, 1, "IP version", why, whylen) < 0)
		return -1;
	switch (p[0] >> 4) {
	case 4: return ip4_parse(p, n, ip, why, whylen);
	case 6: return ip6_parse(p, n, ip, why, whylen);
	default:
		snprintf(why, whylen, "IP version at offset 0: expected 4 or 6, found %u", p[0] >> 4);
		return -1;
	}
}

void ip_addr_text(const struct ip_info *ip, const unsigned char *addr, char *out, size_t cap)
{
	if (!inet_ntop(ip->version == 6 ? AF_INET6 : AF_INET, addr, out, (socklen_t)cap))
		snprintf(out, cap, "?");
}

const char *ip_proto_name(uint8_t proto)
{
	switch (proto) {
	case IPPROTO_TCP_: return "tcp";
	case IPPROTO_UDP_: return "udp";
	case IPPROTO_ICMP_: return "icmp";
	case IPPROTO_ICMPV6_: return "icmpv6";
	default: return "other";
	}
}

/* In enum nf_class's order. */
static const char *const class_names[] = {
	NFLOG_CLASS_TCP, NFLOG_CLASS_UDP, NFLOG_CLASS_ICMP, NFLOG_CLASS_OTHER,
	NFLOG_CLASS_DNS, NFLOG_CLASS_WALL, NFLOG_CLASS_STRAY, NFLOG_CLASS_UNFILTERED,
};

const char *nf_class_name(enum nf_class c)
{
	return (unsigned int)c < sizeof(class_names) / sizeof(class_names[0]) ? class_names[c] : "?";
}

/* Which (direction, class, verdict) the ruleset writes. */
static int valid(const struct nf_prefix *pf)
{
	if (pf->cls <= NF_OTHER)
		return pf->dir == NF_OUT || pf->allow;
	if (pf->cls == NF_DNS)
		return pf->dir == NF_OUT && pf->allow;
	if (pf->cls == NF_UNFILTERED)
		return !pf->allow;
	return pf->dir == NF_OUT && !pf->allow;	/* wall, stray */
}

int nf_prefix_parse(const unsigned char *s, size_t n, struct nf_prefix *pf)
{
	char buf[64], canon[64], dir[8], cls[16], verdict[8], extra[2];
	size_t i;

	if (n && s[n - 1] == '\0')
		n--;
	if (n >= sizeof(buf) || memchr(s, '\0', n))
		return -1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	/* Exactly as the ruleset writes it: three words, single spaces. */
	if (sscanf(buf, NFLOG_PREFIX_TAG " %7s %15s %7s %1s", dir, cls, verdict, extra) != 3)
		return -1;
	snprintf(canon, sizeof(canon), NFLOG_PREFIX_FMT, dir, cls, verdict);
	if (strcmp(canon, buf))
		return -1;
	if (strcmp(dir, NFLOG_DIR_IN) && strcmp(dir, NFLOG_DIR_OUT))
		return -1;
	pf->dir = strcmp(dir, NFLOG_DIR_IN) ? NF_OUT : NF_IN;
	if (strcmp(verdict, NFLOG_ALLOW) && strcmp(verdict, NFLOG_DROP))
		return -1;
	pf->allow = !strcmp(verdict, NFLOG_ALLOW);
	for (i = 0; i < sizeof(class_names) / sizeof(class_names[0]); i++)
		if (!strcmp(cls, class_names[i]))
			break;
	if (i == sizeof(class_names) / sizeof(class_names[0]))
		return -1;
	pf->cls = (enum nf_class)i;
	return valid(pf) ? 0 : -1;
}
