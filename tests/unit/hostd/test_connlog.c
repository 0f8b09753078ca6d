// SPDX-License-Identifier: GPL-2.0
/* Unit tests: NFLOG messages to net.* events: counts against the limits, DNS, blocked, unparsed, read errors. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "record.h"
#include "connlog.h"
#include "enc.h"
#include "hostd.h"
#include "suites.h"

#define NS 1795845600000000000ULL	/* 2026-11-28T06:00:00Z */

static unsigned char m[256];
static size_t mn;

static void tlv(uint16_t type, const void *v, size_t n)
{
	mn = enc_tlv(m, mn, type, v, n);
}

/* A message with prefix and an IPv4 packet of protocol proto from 10.0.0.<src> to port dport. */
static void msg(const char *prefix, unsigned char proto, unsigned char src, unsigned int dport)
{
	unsigned char p[28] = { 0x45, 0, 0, 28, 0, 0, 0, 0, 64, proto, 0, 0, 10, 0, 0, src,
				203, 0, 113, 200, 0x9c, 0x40, (unsigned char)(dport >> 8),
				(unsigned char)dport };

	memset(m, 0, sizeof(m));
	m[0] = 2;
	m[3] = 5;
	mn = 4;
	tlv(NFULA_PREFIX, prefix, strlen(prefix) + 1);
	tlv(NFULA_PAYLOAD, p, sizeof(p));
}

/* What the ruleset sends over its log rate: group 6, the prefix, no packet (snaplen 0). */
static void unlogged_msg(const char *prefix)
{
	memset(m, 0, sizeof(m));
	m[0] = 2;
	m[3] = 6;
	mn = 4;
	tlv(NFULA_PREFIX, prefix, strlen(prefix) + 1);
}

static int has(const char *hay, const char *needle)
{
	return strstr(hay, needle) != NULL;
}

static int count(const char *hay, const char *needle)
{
	int n = 0;

	for (; (hay = strstr(hay, needle)); hay++)
		n++;
	return n;
}

START_TEST(events_from_messages)
{
	const char *dir = test_dir();
	static const unsigned int limits[NF_NLIMITED] = { 2, 20, 50, 10 };
	struct record *rec = record_open(dir);
	struct connlog c;
	char path[256], *ev;
	size_t n;
	int i;

	ck_assert_ptr_nonnull(rec);
	connlog_init(&c, rec, 5, 6, limits);
	for (i = 0; i < 3; i++) {
		msg(i < 2 ? "hn out tcp allow" : "hn out tcp drop", 6, 2, 80);
		connlog_packet(&c, m, mn, NS + (uint64_t)i, 0);
	}
	msg("hn out tcp allow", 6, 3, 22);		/* another honeypot */
	connlog_packet(&c, m, mn, NS, 0);
	msg("hn out tcp allow", 6, 2, 80);		/* the next hour */
	connlog_packet(&c, m, mn, NS + 3600000000000ULL, 0);
	msg("hn out dns allow", 17, 2, 53);
	connlog_packet(&c, m, mn, NS, 0);
	msg("hn out other drop", 47, 2, 0);
	connlog_packet(&c, m, mn, NS, 0);
	msg("hn in tcp allow", 6, 9, 22);
	connlog_packet(&c, m, mn, NS, 0);
	msg("hn out wall drop", 6, 2, 22);
	connlog_packet(&c, m, mn, NS, 0);
	msg("OUTG CONN TCP: ", 6, 2, 22);
	connlog_packet(&c, m, mn, NS, 0);
	connlog_packet(&c, m, 3, NS, 0);
	connlog_end(&c);
	ck_assert_int_eq(record_close(rec), 0);
	free(rec);
	snprintf(path, sizeof(path), "%s/events.jsonl", dir);
	ev = slurp(path, &n);
	ck_assert_ptr_nonnull(ev);
	ck_assert(has(ev, "\"type\":\"net.outbound\",\"proto\":\"tcp\",\"ip_proto\":6,\"src\":\"10.0.0.2\",\"dst\":\"203.0.113.200\",\"sport\":40000,\"dport\":80,\"class\":\"tcp\",\"count\":1,\"limit\":2,\"verdict\":\"allowed\"}"));
	ck_assert(has(ev, "\"count\":2,\"limit\":2,\"verdict\":\"allowed\""));
	ck_assert(has(ev, "\"count\":3,\"limit\":2,\"verdict\":\"blocked\""));
	ck_assert(has(ev, "\"src\":\"10.0.0.3\",\"dst\":\"203.0.113.200\",\"sport\":40000,\"dport\":22,\"class\":\"tcp\",\"count\":1"));
	ck_assert(has(ev, "{\"ts\":\"2026-11-28T07:00:00.000000Z\",\"type\":\"net.outbound\""));
	ck_assert(has(ev, "\"dport\":53,\"dns\":true,\"count\":null,\"limit\":null,\"verdict\":\"allowed\""));
	ck_assert(has(ev, "\"proto\":\"other\",\"ip_proto\":47,\"src\":\"10.0.0.2\",\"dst\":\"203.0.113.200\",\"class\":\"other\",\"count\":1,\"limit\":10,\"verdict\":\"blocked\""));
	ck_assert(has(ev, "\"type\":\"net.inbound\",\"proto\":\"tcp\",\"ip_proto\":6,\"src\":\"10.0.0.9\""));
	ck_assert(has(ev, "\"type\":\"net.blocked\",\"proto\":\"tcp\",\"ip_proto\":6,\"src\":\"10.0.0.2\",\"dst\":\"203.0.113.200\",\"sport\":40000,\"dport\":22,\"direction\":\"out\",\"reason\":\"wall\"}"));
	ck_assert(has(ev, "\"type\":\"net.unparsed\",\"prefix\":\"OUTG CONN TCP: \""));
	ck_assert(has(ev, "\"type\":\"net.unparsed\",\"prefix\":null,\"what\":\"truncated NFLOG header at offset 0: need 4 bytes, have 3\"}"));
	ck_assert(has(ev, "\"type\":\"nflog.stats\",\"group\":5,\"unlogged_group\":6,\"messages\":11,\"events\":9,\"unlogged\":0,\"unparsed\":2"));
	free(ev);
	test_dir_remove();
}
END_TEST

/* Attempts over the log rate: counted by prefix, one summary when due and one at the end, never an event each. */
START_TEST(unlogged_summaries)
{
	const char *dir = test_dir();
	static const unsigned int limits[NF_NLIMITED] = { 9, 20, 50, 10 };
	struct record *rec = record_open(dir);
	struct connlog c;
	char path[256], *ev;
	size_t n;
	int i;

	ck_assert_ptr_nonnull(rec);
	connlog_init(&c, rec, 5, 6, limits);
	ck_assert_int_eq(connlog_wait_ms(&c, 1000), -1);
	msg("hn in udp allow", 17, 9, 53);
	connlog_packet(&c, m, mn, NS, 1000);
	for (i = 0; i < 1000; i++) {
		unlogged_msg(i % 4 ? "hn in udp allow" : "hn in tcp allow");
		connlog_packet(&c, m, mn, NS + (uint64_t)i * 1000, 1000 + (uint64_t)i);
	}
	unlogged_msg("hn out tcp drop");
	connlog_packet(&c, m, mn, NS + 2000000, 1500);
	ck_assert_int_eq(connlog_wait_ms(&c, 1500), HOSTD_UNLOGGED_EVERY_MS - 500);
	connlog_tick(&c, 1000 + HOSTD_UNLOGGED_EVERY_MS - 1);
	ck_assert_int_eq(connlog_wait_ms(&c, 1000 + HOSTD_UNLOGGED_EVERY_MS), 0);
	connlog_tick(&c, 1000 + HOSTD_UNLOGGED_EVERY_MS);
	ck_assert_int_eq(connlog_wait_ms(&c, 1000 + HOSTD_UNLOGGED_EVERY_MS), -1);
	connlog_tick(&c, 1000 + 3 * HOSTD_UNLOGGED_EVERY_MS);
	unlogged_msg("hn out wall drop");
	connlog_packet(&c, m, mn, NS + 60000000000ULL, 90000);
	unlogged_msg("hn in wall drop");		/* the ruleset writes no such prefix */
	connlog_packet(&c, m, mn, NS + 60000000000ULL, 90000);
	connlog_end(&c);
	ck_assert_int_eq(record_close(rec), 0);
	free(rec);
	snprintf(path, sizeof(path), "%s/events.jsonl", dir);
	ev = slurp(path, &n);
	ck_assert_ptr_nonnull(ev);
	ck_assert_int_eq(count(ev, "\"type\":\"net.inbound\""), 1);
	ck_assert_int_eq(count(ev, "\"type\":\"net.unlogged\""), 2);
	ck_assert(has(ev, "\"type\":\"net.unlogged\",\"first\":\"2026-11-28T06:00:00.000000Z\","
		      "\"last\":\"2026-11-28T06:00:00.002000Z\",\"attempts\":1001,"
		      "\"counts\":{\"in tcp allow\":250,\"in udp allow\":750,\"out tcp drop\":1}}"));
	ck_assert(has(ev, "\"type\":\"net.unlogged\",\"first\":\"2026-11-28T06:01:00.000000Z\","
		      "\"last\":\"2026-11-28T06:01:00.000000Z\",\"attempts\":1,"
		      "\"counts\":{\"out wall drop\":1}}"));
	ck_assert(has(ev, "\"type\":\"net.unparsed\",\"prefix\":\"hn in wall drop\""));
	ck_assert(has(ev, "\"type\":\"nflog.stats\",\"group\":5,\"unlogged_group\":6,\"messages\":1004,"
		      "\"events\":1,\"unlogged\":1002,\"unparsed\":1"));
	free(ev);
	test_dir_remove();
}
END_TEST

/*
 * A read that fails (a pcap handle with no packets to give stands in for
 * the nflog socket) is a hostd.error event naming the group each time,
 * said on stderr once, and counted in nflog.stats.
 */
START_TEST(read_error_is_an_event)
{
	const char *dir = test_dir();
	static const unsigned int limits[NF_NLIMITED] = { 9, 20, 50, 10 };
	struct record *rec = record_open(dir);
	struct connlog c;
	char path[256], *ev;
	size_t n;

	ck_assert_ptr_nonnull(rec);
	connlog_init(&c, rec, 7, -1, limits);
	c.p = pcap_open_dead(DLT_NFLOG, 65535);
	ck_assert_ptr_nonnull(c.p);
	connlog_read(&c);
	connlog_read(&c);
	ck_assert_uint_eq(c.errors, 2);
	ck_assert_int_eq(c.error_said, 1);
	connlog_end(&c);
	ck_assert_ptr_null(c.p);
	ck_assert_int_eq(record_close(rec), 0);
	free(rec);
	snprintf(path, sizeof(path), "%s/events.jsonl", dir);
	ev = slurp(path, &n);
	ck_assert_ptr_nonnull(ev);
	/* Two reads, and connlog_end's last one. */
	ck_assert_int_eq(count(ev, "\"type\":\"hostd.error\",\"what\":\"nflog 7: "), 3);
	ck_assert_int_eq(count(ev, "; connection events were lost\",\"event\":\"net\"}\n"), 3);
	ck_assert(has(ev, "\"type\":\"nflog.stats\",\"group\":7,\"unlogged_group\":null,"
		      "\"messages\":0,\"events\":0,\"unlogged\":0,\"unparsed\":0,\"overflows\":0,"
		      "\"read_errors\":3}"));
	free(ev);
	test_dir_remove();
}
END_TEST

Suite *connlog_suite(void)
{
	Suite *s = suite_create("connlog");
	TCase *t = tcase_create("events");

	tcase_add_test(t, events_from_messages);
	tcase_add_test(t, unlogged_summaries);
	tcase_add_test(t, read_error_is_an_event);
	suite_add_tcase(s, t);
	return s;
}
