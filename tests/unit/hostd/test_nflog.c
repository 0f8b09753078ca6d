// SPDX-License-Identifier: GPL-2.0
/* Unit tests: the NFLOG TLV parser (valid, cut at every offset, hostile lengths), prefixes, IP headers. */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>

#include "enc.h"
#include "nflog.h"
#include "suites.h"

static unsigned char m[512];
static size_t mn;

/* Appends one TLV in host byte order, padded to 4 bytes. */
static void tlv(uint16_t type, const void *v, size_t n)
{
	mn = enc_tlv(m, mn, type, v, n);
}

/* An IPv4 TCP SYN 10.0.0.2:40000 -> 203.0.113.200:80 (20 + 20 bytes). */
static size_t ip4_tcp(unsigned char *p)
{
	static const unsigned char h[] = {
		0x45, 0, 0, 40, 0, 1, 0x40, 0, 64, 6, 0, 0, 10, 0, 0, 2, 203, 0, 113, 200,
		0x9c, 0x40, 0, 80, 0, 0, 0, 1, 0, 0, 0, 0, 0x50, 0x02, 0xff, 0xff, 0, 0, 0, 0,
	};
	memcpy(p, h, sizeof(h));
	return sizeof(h);
}

/* The message the ruleset makes: header (AF_INET, group 5), packet hdr, prefix, timestamp, payload. */
static void build(void)
{
	static const unsigned char hdr[4] = { 0x08, 0x00, 3, 0 };
	unsigned char ts[16] = { 0 }, pkt[64];
	size_t k = ip4_tcp(pkt);

	ts[7] = 0x10;		/* 16 s */
	ts[15] = 0x05;		/* 5 us */
	m[0] = 2;
	m[1] = 0;
	m[2] = 0;
	m[3] = 5;
	mn = 4;
	tlv(1, hdr, sizeof(hdr));
	tlv(NFULA_PREFIX, "hn out tcp allow", 17);
	tlv(NFULA_TIMESTAMP, ts, sizeof(ts));
	tlv(NFULA_PAYLOAD, pkt, k);
}

START_TEST(valid_message)
{
	struct nflog_msg g;
	struct ip_info ip;
	struct nf_prefix pf;
	char why[160], a[64];

	build();
	ck_assert_int_eq(nflog_parse(m, mn, &g, why, sizeof(why)), 0);
	ck_assert_uint_eq(g.family, 2);
	ck_assert_uint_eq(g.group, 5);
	ck_assert_uint_eq(g.prefix_len, 16);
	ck_assert(!memcmp(g.prefix, "hn out tcp allow", 16));
	ck_assert(g.has_ts);
	ck_assert_uint_eq(g.ts_ns, 16000005000ULL);
	ck_assert_uint_eq(g.payload_len, 40);
	ck_assert_int_eq(nf_prefix_parse(g.prefix, g.prefix_len, &pf), 0);
	ck_assert_int_eq(pf.dir, NF_OUT);
	ck_assert_int_eq(pf.cls, NF_TCP);
	ck_assert(pf.allow);
	ck_assert_int_eq(ip_parse(g.payload, g.payload_len, &ip, why, sizeof(why)), 0);
	ck_assert_int_eq(ip.version, 4);
	ck_assert_uint_eq(ip.proto, 6);
	ck_assert(ip.has_ports);
	ck_assert_uint_eq(ip.sport, 40000);
	ck_assert_uint_eq(ip.dport, 80);
	ip_addr_text(&ip, ip.src, a, sizeof(a));
	ck_assert_str_eq(a, "10.0.0.2");
	ip_addr_text(&ip, ip.dst, a, sizeof(a));
	ck_assert_str_eq(a, "203.0.113.200");
}
END_TEST

/* Cut at every offset: either an error that names the offset, or the TLVs that fit, never a read past n. */
START_TEST(truncated_everywhere)
{
	struct nflog_msg g;
	struct ip_info ip;
	unsigned char *cut;
	char why[160];
	size_t n;

	build();
	for (n = 0; n < mn; n++) {
		cut = malloc(n ? n : 1);
		memcpy(cut, m, n);
		why[0] = '\0';
		if (nflog_parse(cut, n, &g, why, sizeof(why)) < 0) {
			ck_assert_msg(strstr(why, "offset") != NULL, "n=%zu: %s", n, why);
		} else {
			ck_assert_msg(n >= 4, "n=%zu parsed", n);
			ck_assert(!g.payload || g.payload + g.payload_len <= cut + n);
			ck_assert(!g.prefix || g.prefix + g.prefix_len <= cut + n);
			if (g.payload)
				ip_parse(g.payload, g.payload_len, &ip, why, sizeof(why));
		}
		free(cut);
	}
	ck_assert_int_eq(nflog_parse(m, 3, &g, why, sizeof(why)), -1);
	ck_assert_str_eq(why, "truncated NFLOG header at offset 0: need 4 bytes, have 3");
}
END_TEST

static void set_len(size_t off, uint16_t len)
{
	memcpy(m + off, &len, 2);
}

START_TEST(hostile_lengths)
{
	struct nflog_msg g;
	char why[160];
	uint16_t t;

	build();
	set_len(4, 0);
	ck_assert_int_eq(nflog_parse(m, mn, &g, why, sizeof(why)), -1);
	ck_assert_str_eq(why, "TLV length at offset 4: expected at least 4, found 0");
	set_len(4, 3);
	ck_assert_int_eq(nflog_parse(m, mn, &g, why, sizeof(why)), -1);
	set_len(4, 0xffff);
	ck_assert_int_eq(nflog_parse(m, mn, &g, why, sizeof(why)), -1);
	ck_assert_msg(strstr(why, "truncated TLV at offset 4: need 65535 bytes") != NULL, "%s", why);
	/* A length of exactly the rest is fine; one more is not. */
	build();
	set_len(mn - 44, 44);
	ck_assert_int_eq(nflog_parse(m, mn, &g, why, sizeof(why)), 0);
	ck_assert_uint_eq(g.payload_len, 40);
	set_len(mn - 44, 45);
	ck_assert_int_eq(nflog_parse(m, mn, &g, why, sizeof(why)), -1);
	/* A short timestamp is ignored; a prefix without NUL stops at its TLV. */
	mn = 4;
	tlv(NFULA_TIMESTAMP, "12345678", 8);
	tlv(NFULA_PREFIX, "hn in tcp allowXXXX", 15);
	t = NFULA_PREFIX | 0x8000;	/* NLA_F_NESTED is masked off */
	memcpy(m + 4 + 12 + 2, &t, 2);
	ck_assert_int_eq(nflog_parse(m, mn, &g, why, sizeof(why)), 0);
	ck_assert(!g.has_ts);
	ck_assert_uint_eq(g.prefix_len, 15);
	ck_assert(!g.payload);
}
END_TEST

START_TEST(prefixes)
{
	static const struct { const char *s; int ok; enum nf_dir d; enum nf_class c; int allow; } cases[] = {
		{ "hn in tcp allow", 1, NF_IN, NF_TCP, 1 },
		{ "hn in other allow", 1, NF_IN, NF_OTHER, 1 },
		{ "hn out udp drop", 1, NF_OUT, NF_UDP, 0 },
		{ "hn out icmp allow", 1, NF_OUT, NF_ICMP, 1 },
		{ "hn out dns allow", 1, NF_OUT, NF_DNS, 1 },
		{ "hn out wall drop", 1, NF_OUT, NF_WALL, 0 },
		{ "hn out stray drop", 1, NF_OUT, NF_STRAY, 0 },
		{ "hn out unfiltered drop", 1, NF_OUT, NF_UNFILTERED, 0 },
		{ "hn in unfiltered drop", 1, NF_IN, NF_UNFILTERED, 0 },
		{ "hn in tcp drop", 0, 0, 0, 0 },
		{ "hn out dns drop", 0, 0, 0, 0 },
		{ "hn out wall allow", 0, 0, 0, 0 },
		{ "hn  out tcp allow", 0, 0, 0, 0 },
		{ "hn out tcp allow ", 0, 0, 0, 0 },
		{ "hn\tout tcp allow", 0, 0, 0, 0 },
		{ "hn out tcp allow x", 0, 0, 0, 0 },
		{ "hn out gre allow", 0, 0, 0, 0 },
		{ "HN out tcp allow", 0, 0, 0, 0 },
		{ "INBOUND TCP: ", 0, 0, 0, 0 },
		{ "", 0, 0, 0, 0 },
	};
	struct nf_prefix pf;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int r = nf_prefix_parse((const unsigned char *)cases[i].s, strlen(cases[i].s) + 1, &pf);

		ck_assert_msg((r == 0) == cases[i].ok, "%s", cases[i].s);
		if (!cases[i].ok)
			continue;
		ck_assert_int_eq(pf.dir, cases[i].d);
		ck_assert_int_eq(pf.cls, cases[i].c);
		ck_assert_int_eq(pf.allow, cases[i].allow);
	}
	ck_assert_int_eq(nf_prefix_parse((const unsigned char *)"hn in tcp\0allow", 15, &pf), -1);
	ck_assert_str_eq(nf_class_name(NF_UNFILTERED), "unfiltered");
}
END_TEST

START_TEST(ip_headers)
{
	unsigned char p[64];
	struct ip_info ip;
	char why[160], a[64];
	size_t k;

	k = ip4_tcp(p);
	p[9] = 1;		/* ICMP: type 8 code 0 where the ports were */
	p[20] = 8;
	p[21] = 0;
	ck_assert_int_eq(ip_parse(p, k, &ip, why, sizeof(why)), 0);
	ck_assert(ip.has_icmp && !ip.has_ports);
	ck_assert_uint_eq(ip.icmp_type, 8);
	ck_assert_str_eq(ip_proto_name(ip.proto), "icmp");
	p[9] = 47;		/* GRE: the number only */
	ck_assert_int_eq(ip_parse(p, 20, &ip, why, sizeof(why)), 0);
	ck_assert(!ip.has_icmp && !ip.has_ports);
	ck_assert_str_eq(ip_proto_name(47), "other");
	p[9] = 17;		/* UDP cut in its ports */
	ck_assert_int_eq(ip_parse(p, 22, &ip, why, sizeof(why)), -1);
	ck_assert_str_eq(why, "truncated ports at offset 20: need 4 bytes, have 2");
	p[6] = 0x00;
	p[7] = 0x10;		/* a later fragment: no ports read */
	ck_assert_int_eq(ip_parse(p, 22, &ip, why, sizeof(why)), 0);
	ck_assert(!ip.has_ports);
	p[0] = 0x44;		/* IHL 16 bytes */
	ck_assert_int_eq(ip_parse(p, k, &ip, why, sizeof(why)), -1);
	ck_assert_str_eq(why, "IPv4 header length at offset 0: expected at least 20, found 16");
	p[0] = 0x4f;		/* IHL 60 > 40 */
	ck_assert_int_eq(ip_parse(p, k, &ip, why, sizeof(why)), -1);
	p[0] = 0x55;
	ck_assert_int_eq(ip_parse(p, k, &ip, why, sizeof(why)), -1);
	ck_assert_str_eq(why, "IP version at offset 0: expected 4 or 6, found 5");
	ck_assert_int_eq(ip_parse(p, 0, &ip, why, sizeof(why)), -1);
	/* IPv6 UDP 2001:db8::1 -> 2001:db8::2 port 53 */
	memset(p, 0, sizeof(p));
	p[0] = 0x60;
	p[6] = 17;
	p[8] = 0x20; p[9] = 0x01; p[10] = 0x0d; p[11] = 0xb8; p[23] = 1;
	p[24] = 0x20; p[25] = 0x01; p[26] = 0x0d; p[27] = 0xb8; p[39] = 2;
	p[42] = 0; p[43] = 53;
	ck_assert_int_eq(ip_parse(p, 48, &ip, why, sizeof(why)), 0);
	ck_assert_int_eq(ip.version, 6);
	ck_assert_uint_eq(ip.dport, 53);
	ip_addr_text(&ip, ip.dst, a, sizeof(a));
	ck_assert_str_eq(a, "2001:db8::2");
	ck_assert_int_eq(ip_parse(p, 39, &ip, why, sizeof(why)), -1);
}
END_TEST

Suite *nflog_suite(void)
{
	Suite *s = suite_create("nflog");
	TCase *t = tcase_create("parse");

	tcase_add_test(t, valid_message);
	tcase_add_test(t, truncated_everywhere);
	tcase_add_test(t, hostile_lengths);
	tcase_add_test(t, prefixes);
	tcase_add_test(t, ip_headers);
	suite_add_tcase(s, t);
	return s;
}
