/* SPDX-License-Identifier: GPL-2.0 */
/* NFLOG messages (libpcap's DLT_NFLOG) and the IP packets in them, parsed with a bound on every read. */
#ifndef NFLOG_H
#define NFLOG_H

#include <stddef.h>
#include <stdint.h>

/* TLV types (linux/netfilter/nfnetlink_log.h). */
#define NFULA_PACKET_HDR 1
#define NFULA_TIMESTAMP 3
#define NFULA_PAYLOAD 9
#define NFULA_PREFIX 10
#define NFLOG_HDR_SIZE 4	/* family, version, resource id (the group), big-endian */
#define NFLOG_TLV_SIZE 4	/* length (with this header), type; host byte order, as the kernel wrote them */

struct nflog_msg {
	uint8_t family;		/* AF_INET, AF_INET6 */
	uint16_t group;
	const unsigned char *prefix;	/* not NUL-terminated; NULL if absent */
	size_t prefix_len;
	const unsigned char *payload;	/* the IP packet (as far as copied); NULL if absent */
	size_t payload_len;
	int has_ts;
	uint64_t ts_ns;
};

/*
 * Parses one DLT_NFLOG packet of n bytes. Returns 0, or -1 with why
 * naming the offset, what was expected and what was found.
 */
int nflog_parse(const unsigned char *p, size_t n, struct nflog_msg *m, char *why, size_t whylen);

struct ip_info {
	int version;		/* 4 or 6 */
	uint8_t proto;		/* IP protocol (IPv6: the first next header) */
	unsigned char src[16], dst[16];	/* 4 bytes used for IPv4 */
	int has_ports;		/* TCP, UDP (and SCTP): sport, dport */
	uint16_t sport, dport;
	int has_icmp;		/* ICMP, ICMPv6: type, code */
	uint8_t icmp_type, icmp_code;
};

/* Parses an IP packet's header and the L4 ports or ICMP type. Returns 0, or -1 with why. */
int ip_parse(const unsigned char *p, size_t n, struct ip_info *ip, char *why, size_t whylen);

/* "1.2.3.4" or an IPv6 text into out (46 bytes are enough). */
void ip_addr_text(const struct ip_info *ip, const unsigned char *addr, char *out, size_t cap);

/* "tcp", "udp", "icmp", "icmpv6", or "other". */
const char *ip_proto_name(uint8_t proto);

/* The ruleset's prefix (common/nflog_prefix.h), parsed. */
enum nf_dir { NF_IN, NF_OUT };
enum nf_class { NF_TCP, NF_UDP, NF_ICMP, NF_OTHER, NF_DNS, NF_WALL, NF_STRAY, NF_UNFILTERED };
#define NF_NLIMITED 4	/* tcp, udp, icmp, other: the classes with a limit */
#define NF_NCLASS 8

struct nf_prefix {
	enum nf_dir dir;
	enum nf_class cls;
	int allow;
};

/* Parses a prefix (n bytes, a trailing NUL allowed). Returns 0, or -1 if it is not one the ruleset writes. */
int nf_prefix_parse(const unsigned char *s, size_t n, struct nf_prefix *pf);

const char *nf_class_name(enum nf_class c);

#endif
