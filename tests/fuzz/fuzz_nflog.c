// SPDX-License-Identifier: GPL-2.0
/* Fuzz target: hostile NFLOG messages through nflog_parse, ip_parse and connlog_packet, against a model. */
#include <arpa/inet.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "connlog.h"
#include "jsoncheck.h"
#include "nflog.h"
#include "record.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The corpus its replay (replay_main.c) reads when given none, from the repo root. */
const char fuzz_corpus[] = "tests/fuzz/corpus-nflog";

/*
 * The input is a list of messages, each a 16-bit little-endian length
 * and that many bytes (cut at the input's end). A message is what
 * Data Control's NFLOG group would hand hostd: it comes from packets the
 * guest made, so every byte is the attacker's to choose.
 *
 * Oracles beyond "no crash": nflog_parse and ip_parse agree with a
 * model written from the formats (the TLV walk, which TLV wins, the IP
 * header's bounds); what they return lies inside the message; and
 * connlog_packet writes exactly one event per message, one JSON object
 * that a real parser reads, of the type the model predicts, naming the
 * addresses and ports the model read.
 */

#define CHECK(c) do { if (!(c)) abort(); } while (0)

static char dir[256], events_path[sizeof(dir) + 16];
static struct record *rec;

static void remove_dir(void)
{
	char path[sizeof(dir) + 16];

	if (rec) {
		record_close(rec);
		free(rec);
	}
	snprintf(path, sizeof(path), "%s/events.jsonl", dir);
	unlink(path);
	rmdir(dir);
}

/* One run record per process, on tmpfs when there is one; events.jsonl is emptied per input. */
static void setup(void)
{
	const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";

	snprintf(dir, sizeof(dir), "%s/hostd-fuzz-nflog-XXXXXX", base);
	if (!mkdtemp(dir))
		abort();
	rec = record_open(dir);
	if (!rec)
		abort();
	snprintf(events_path, sizeof(events_path), "%s/events.jsonl", dir);
	atexit(remove_dir);
}

/* What the model reads out of one message. */
struct model {
	int ok;			/* the TLV walk held */
	const unsigned char *prefix, *payload;
	size_t prefix_len, payload_len;
	int ip_ok;
	int version;
	const unsigned char *src, *dst;	/* inside payload */
	int ports, icmp;
	const unsigned char *l4;	/* inside payload */
};

static uint16_t host16(const unsigned char *p)
{
	uint16_t v;

	memcpy(&v, p, 2);
	return v;
}

/* The TLVs: 4-byte header, each length at least 4 and inside the message, padded to 4; the last of a type wins. */
static void model_tlvs(const unsigned char *p, size_t n, struct model *m)
{
	size_t off = 4, len;

	m->ok = n >= 4;
	while (m->ok && off < n) {
		if (n - off < 4)
			m->ok = 0;
		else if ((len = host16(p + off)) < 4 || len > n - off)
			m->ok = 0;
		else {
			switch (host16(p + off + 2) & 0x3fff) {
			case NFULA_PREFIX:
				m->prefix = p + off + 4;
				m->prefix_len = strnlen((const char *)p + off + 4, len - 4);
				break;
			case NFULA_PAYLOAD:
				m->payload = p + off + 4;
				m->payload_len = len - 4;
				break;
			}
			off += (len + 3) / 4 * 4;
		}
	}
}

/* IPv4 (20..60-byte header; a later fragment has no ports) or IPv6 (40 bytes, first next header). */
static void model_ip(struct model *m)
{
	const unsigned char *p = m->payload;
	size_t n = m->payload_len, hl, need;
	unsigned int proto;

	if (n < 1)
		return;
	m->version = p[0] >> 4;
	if (m->version == 4) {
		hl = (size_t)(p[0] & 15) * 4;
		if (n < 20 || hl < 20 || n < hl)
			return;
		proto = p[9];
		m->src = p + 12;
		m->dst = p + 16;
		if ((p[6] & 0x1f) || p[7])
			proto = 0;	/* a later fragment: L4 is not looked at */
	} else if (m->version == 6) {
		hl = 40;
		if (n < 40)
			return;
		proto = p[6];
		m->src = p + 8;
		m->dst = p + 24;
	} else {
		return;
	}
	m->ports = proto == 6 || proto == 17 || proto == 132;
	m->icmp = proto == 1 || proto == 58;
	need = m->ports ? 4 : m->icmp ? 2 : 0;
	if (n - hl < need)
		return;
	m->l4 = p + hl;
	m->ip_ok = 1;
}

/* Every prefix Data Control's ruleset writes, and the event each makes. */
static const struct {
	const char *prefix;
	const char *type;
} prefixes[] = {
	{ "hn out tcp allow", "net.outbound" }, { "hn out tcp drop", "net.outbound" },
	{ "hn out udp allow", "net.outbound" }, { "hn out udp drop", "net.outbound" },
	{ "hn out icmp allow", "net.outbound" }, { "hn out icmp drop", "net.outbound" },
	{ "hn out other allow", "net.outbound" }, { "hn out other drop", "net.outbound" },
	{ "hn out dns allow", "net.outbound" },
	{ "hn in tcp allow", "net.inbound" }, { "hn in udp allow", "net.inbound" },
	{ "hn in icmp allow", "net.inbound" }, { "hn in other allow", "net.inbound" },
	{ "hn out wall drop", "net.blocked" }, { "hn out stray drop", "net.blocked" },
	{ "hn in unfiltered drop", "net.blocked" }, { "hn out unfiltered drop", "net.blocked" },
};

/* The event type the model expects for one message. */
static const char *model_type(const struct model *m)
{
	size_t i;

	if (!m->ok || !m->prefix)
		return "net.unparsed";
	for (i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++) {
		if (strlen(prefixes[i].prefix) == m->prefix_len &&
		    memcmp(prefixes[i].prefix, m->prefix, m->prefix_len) == 0)
			return m->payload && m->ip_ok ? prefixes[i].type : "net.unparsed";
	}
	return "net.unparsed";
}

static int inside(const unsigned char *x, size_t xn, const unsigned char *p, size_t n)
{
	return x >= p && x <= p + n && xn <= (size_t)(p + n - x);
}

/* nflog_parse and ip_parse against the model, and their results inside the message. */
static void check_parsers(const unsigned char *p, size_t n, const struct model *m)
{
	struct nflog_msg msg;
	struct ip_info ip;
	char why[160];

	CHECK((nflog_parse(p, n, &msg, why, sizeof(why)) == 0) == m->ok);
	if (!m->ok) {
		CHECK(memchr(why, '\0', sizeof(why)) && strstr(why, "offset "));
		return;
	}
	CHECK(msg.prefix == m->prefix && msg.prefix_len == m->prefix_len);
	CHECK(msg.payload == m->payload && msg.payload_len == m->payload_len);
	CHECK(!msg.prefix || inside(msg.prefix, msg.prefix_len, p, n));
	CHECK(!msg.payload || inside(msg.payload, msg.payload_len, p, n));
	if (!m->payload)
		return;
	CHECK((ip_parse(m->payload, m->payload_len, &ip, why, sizeof(why)) == 0) == m->ip_ok);
	if (!m->ip_ok)
		return;
	CHECK(ip.version == m->version);
	CHECK(memcmp(ip.src, m->src, m->version == 4 ? 4 : 16) == 0);
	CHECK(memcmp(ip.dst, m->dst, m->version == 4 ? 4 : 16) == 0);
	CHECK(ip.has_ports == m->ports && ip.has_icmp == m->icmp);
	if (ip.has_ports)
		CHECK(ip.sport == (m->l4[0] << 8 | m->l4[1]) && ip.dport == (m->l4[2] << 8 | m->l4[3]));
	if (ip.has_icmp)
		CHECK(ip.icmp_type == m->l4[0] && ip.icmp_code == m->l4[1]);
}

/* The address the model read, as text, equals the event's member key. */
static void check_addr(json_t *ev, const char *key, const struct model *m, const unsigned char *a)
{
	char text[64];
	const char *got = json_string_value(json_object_get(ev, key));

	CHECK(inet_ntop(m->version == 4 ? AF_INET : AF_INET6, a, text, sizeof(text)));
	CHECK(got && strcmp(got, text) == 0);
}

/* The one event connlog_packet wrote for this message. */
static void check_event(json_t *ev, const struct model *m)
{
	const char *type = json_string_value(json_object_get(ev, "type"));
	const char *want = model_type(m);

	CHECK(json_is_string(json_object_get(ev, "ts")));
	CHECK(type && strcmp(type, want) == 0);
	if (strcmp(want, "net.unparsed") == 0) {
		CHECK(json_is_string(json_object_get(ev, "what")));
		return;
	}
	check_addr(ev, "src", m, m->src);
	check_addr(ev, "dst", m, m->dst);
	if (m->ports && m->l4) {
		CHECK(json_integer_value(json_object_get(ev, "sport")) == (m->l4[0] << 8 | m->l4[1]));
		CHECK(json_integer_value(json_object_get(ev, "dport")) == (m->l4[2] << 8 | m->l4[3]));
	}
}

/* events.jsonl now: one line per message, each checked against its model. */
static void check_events(const struct model *models, size_t nmsg)
{
	static char buf[1 << 20];
	char path[sizeof(dir) + 16];
	size_t k = 0, start = 0, i;
	ssize_t n;
	json_t *ev;
	int fd;

	CHECK(record_flush(rec) == 0);
	snprintf(path, sizeof(path), "%s/events.jsonl", dir);
	fd = open(path, O_RDONLY);
	CHECK(fd >= 0);
	n = read(fd, buf, sizeof(buf));
	close(fd);
	CHECK(n >= 0 && (size_t)n < sizeof(buf));
	for (i = 0; i < (size_t)n; i++) {
		if (buf[i] != '\n')
			continue;
		CHECK(k < nmsg);
		ev = json_object_parse(buf + start, i - start);
		CHECK(ev);
		check_event(ev, &models[k++]);
		json_decref(ev);
		start = i + 1;
	}
	CHECK(start == (size_t)n && k == nmsg);
}

/* Messages per input: more are left unread (the limit keeps one input's work bounded). */
#define FUZZ_NFLOG_MSGS 64

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const unsigned int limits[NF_NLIMITED] = { 2, 3, 4, 5 };
	static struct model models[FUZZ_NFLOG_MSGS];
	uint64_t ns = UINT64_C(1795845600000000000);
	struct connlog c;
	size_t nmsg = 0, len;

	if (!rec)
		setup();
	CHECK(truncate(events_path, 0) == 0);	/* events.jsonl is appended to (O_APPEND) */
	connlog_init(&c, rec, 5, -1, limits);
	while (size >= 2 && nmsg < FUZZ_NFLOG_MSGS) {
		len = (size_t)(data[0] | data[1] << 8);
		data += 2;
		size -= 2;
		if (len > size)
			len = size;
		memset(&models[nmsg], 0, sizeof(models[nmsg]));
		model_tlvs(data, len, &models[nmsg]);
		if (models[nmsg].ok && models[nmsg].payload)
			model_ip(&models[nmsg]);
		check_parsers(data, len, &models[nmsg]);
		connlog_packet(&c, data, len, ns, ns / 1000000);
		ns += UINT64_C(600000000000);	/* ten minutes: hour windows open and close */
		nmsg++;
		data += len;
		size -= len;
	}
	CHECK(c.messages == nmsg && c.events + c.unparsed == nmsg);
	check_events(models, nmsg);
	CHECK(!record_failed(rec));
	return 0;
}
