// SPDX-License-Identifier: GPL-2.0
/* Unit tests: honeynet.conf: two honeypots, every refusal with its file and line, bounds, the host checks. */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "honeynet_conf.h"
#include "lab_defs.h"
#include "random_text.h"
#include "suites.h"

static struct honeynet_conf conf;
static char err[512];

/* Lines 1-2, then web on 3-7 and db on 8-12. */
#define G "mode = nat\noutside_if = lo\n"
#define WEB "[honeypot web]\npublic = 203.0.113.10\ninternal = 10.0.0.2\n" \
	    "root_fs = /srv/web.img\npersona = /srv/persona\n"
#define DB "[honeypot db]\npublic = 203.0.113.11\ninternal = 10.0.0.3\n" \
	   "root_fs = /srv/db.img\npersona = /srv/persona\n"
/* A third honeypot, lines 13-17 after G WEB DB. */
#define X "[honeypot x]\npublic = 203.0.113.12\ninternal = 10.0.0.4\n" \
	  "root_fs = /r\npersona = /p\n"

static int parse(const char *text)
{
	err[0] = '\0';
	return honeynet_conf_parse(&conf, "t.conf", text, err, sizeof(err));
}

static const char *addr(struct in_addr a)
{
	static char text[INET_ADDRSTRLEN];

	return inet_ntop(AF_INET, &a, text, sizeof(text));
}

START_TEST(two_honeypots)
{
	static const char text[] =
		"# a honeywall\n" G "limit_udp = 7\nscale = day\nbudget = 2G\n"
		"archive = /srv/archive\n"
		"[honeypot web]  # the first\r\n"
		"public = 203.0.113.10\ninternal = 10.0.0.2\n"
		"root_fs = /srv/web.img\npersona = /srv/persona\n"
		"tap = tap7\nmem = 512\ncpu = 1\nlimit_tcp = 3\nrevert = never\n"
		"jail_uid = 70000\nbudget = 10M\n"
		"\n[ honeypot   db ]\n"
		"public = 203.0.113.11\ninternal = 10.0.0.3\n"
		"root_fs = /srv/db.img\npersona = /srv/persona\ncpu = any";
	const struct hn_honeypot *web = &conf.honeypot[0], *db = &conf.honeypot[1];

	ck_assert_msg(parse(text) == 0, "%s", err);
	ck_assert_str_eq(conf.file, "t.conf");
	ck_assert_str_eq(conf.archive, "/srv/archive");
	ck_assert_uint_eq(conf.budget, 2ULL << 30);
	ck_assert_int_eq(conf.dc.mode, DC_MODE_NAT);
	ck_assert_int_eq(conf.dc.scale, DC_SCALE_DAY);
	ck_assert_str_eq(conf.dc.outside_if, "lo");
	ck_assert_str_eq(conf.dc.inside_if, "");
	ck_assert_uint_eq(conf.n_honeypots, 2);
	ck_assert_uint_eq(conf.dc.n_honeypots, 2);
	ck_assert_str_eq(addr(conf.dc.honeypot[0].public_addr), "203.0.113.10");
	ck_assert_str_eq(addr(conf.dc.honeypot[1].internal_addr), "10.0.0.3");
	ck_assert_int_eq(conf.dc.honeypot[1].has_internal, 1);

	ck_assert_str_eq(web->name, "web");
	ck_assert_uint_eq(web->line, 8);
	ck_assert_str_eq(web->tap, "tap7");
	ck_assert_str_eq(web->root_fs, "/srv/web.img");
	ck_assert_uint_eq(web->mem_mb, 512);
	ck_assert_int_eq(web->cpu, 1);
	ck_assert_uint_eq(web->limit[DC_PROTO_TCP], 3);
	ck_assert_uint_eq(web->limit[DC_PROTO_UDP], 7);
	ck_assert_int_eq(web->revert, HN_REVERT_NEVER);
	ck_assert_uint_eq(web->jail_uid, 70000);
	ck_assert_uint_eq(web->budget, 10ULL << 20);
	ck_assert_uint_eq(web->key_line[HN_KEY_MEM], 14);

	ck_assert_str_eq(db->name, "db");
	ck_assert_str_eq(db->tap, "hn-db");
	ck_assert_str_eq(db->persona, "/srv/persona");
	ck_assert_uint_eq(db->mem_mb, LAB_MEM_DEFAULT);
	ck_assert_int_eq(db->cpu, HN_CPU_ANY);
	ck_assert_uint_eq(db->limit[DC_PROTO_TCP], 9);
	ck_assert_uint_eq(db->limit[DC_PROTO_UDP], 7);
	ck_assert_uint_eq(db->limit[DC_PROTO_OTHER], 10);
	ck_assert_int_eq(db->revert, HN_REVERT_EVERY_START);
	ck_assert_uint_eq(db->jail_uid, HN_JAIL_UID_BASE + 1);
	ck_assert_uint_eq(db->budget, 2ULL << 30);
	ck_assert_uint_eq(db->key_line[HN_KEY_MEM], 0);
}
END_TEST

/* Without archive, budget or cpu: the documented defaults. */
START_TEST(defaults)
{
	ck_assert_msg(parse(G WEB) == 0, "%s", err);
	ck_assert_str_eq(conf.archive, "/var/lib/honeynet/archive");
	ck_assert_uint_eq(conf.budget, 0);
	ck_assert_uint_eq(conf.honeypot[0].budget, 0);
	ck_assert_int_eq(conf.honeypot[0].cpu, HN_CPU_UNSET);
	ck_assert_str_eq(conf.honeypot[0].tap, "hn-web");
	ck_assert_uint_eq(conf.honeypot[0].jail_uid, HN_JAIL_UID_BASE);
	ck_assert_uint_eq(conf.dc.nflog_group, DC_NFLOG_GROUP_DEFAULT);
}
END_TEST

/* Without the new settings: the gateway and prefix of the lab's NAT
 * network, no retention limits, the kernel beside honeynet, each host
 * named as its honeypot, and two NFLOG groups a honeypot from 5/6 on. */
START_TEST(new_settings_default)
{
	ck_assert_msg(parse(G WEB DB) == 0, "%s", err);
	ck_assert_str_eq(addr(conf.gateway), HN_GATEWAY_NAT_DEFAULT);
	ck_assert_str_eq(addr(conf.gateway), LAB_ADDR_WALL_TAP);
	ck_assert_uint_eq(conf.prefix, 24);
	ck_assert_uint_eq(conf.keep_days, 0);
	ck_assert_uint_eq(conf.keep_size, 0);
	ck_assert_str_eq(conf.kernel, "");
	ck_assert_str_eq(conf.honeypot[0].hostname, "web");
	ck_assert_str_eq(conf.honeypot[1].hostname, "db");
	ck_assert_uint_eq(conf.honeypot[1].keep_days, 0);
	ck_assert_uint_eq(conf.honeypot[1].keep_size, 0);
	ck_assert_uint_eq(conf.dc.honeypot[0].nflog_group, 5);
	ck_assert_uint_eq(conf.dc.honeypot[0].unlogged_group, 6);
	ck_assert_uint_eq(conf.dc.honeypot[1].nflog_group, 7);
	ck_assert_uint_eq(conf.dc.honeypot[1].unlogged_group, 8);
}
END_TEST

START_TEST(new_settings)
{
	static const char text[] =
		"mode = bridge\noutside_if = lo\ngateway = 198.51.100.1\nprefix = 16\n"
		"keep_days = 30\nkeep_size = 50G\nkernel = /opt/hn/linux\n"
		"nflog_group = 20\nunlogged_group = 30\n"
		"[honeypot web]\npublic = 198.51.3.10\nroot_fs = /r\npersona = /p\n"
		"hostname = www-1\nkeep_days = 0\nkeep_size = 0\n"
		"nflog_group = 100\nunlogged_group = 0\n"
		"[honeypot db]\npublic = 198.51.3.11\nroot_fs = /r\npersona = /p\n"
		"keep_days = 36500\nkeep_size = 1M\n"
		"[honeypot mail]\npublic = 198.51.3.12\nroot_fs = /r\npersona = /p\n"
		"hostname = a0123456789012345678901234567890123456789012345678901234567890z\n"
		"unlogged_group = 65535\n";

	ck_assert_msg(parse(text) == 0, "%s", err);
	ck_assert_str_eq(addr(conf.gateway), "198.51.100.1");
	ck_assert_uint_eq(conf.prefix, 16);
	ck_assert_uint_eq(conf.keep_days, 30);
	ck_assert_uint_eq(conf.keep_size, 50ULL << 30);
	ck_assert_str_eq(conf.kernel, "/opt/hn/linux");
	ck_assert_str_eq(conf.honeypot[0].hostname, "www-1");
	ck_assert_uint_eq(conf.honeypot[0].keep_days, 0);
	ck_assert_uint_eq(conf.honeypot[0].keep_size, 0);
	ck_assert_uint_eq(conf.dc.honeypot[0].nflog_group, 100);
	ck_assert_uint_eq(conf.dc.honeypot[0].unlogged_group, 0);
	ck_assert_str_eq(conf.honeypot[1].hostname, "db");
	ck_assert_uint_eq(conf.honeypot[1].keep_days, 36500);
	ck_assert_uint_eq(conf.honeypot[1].keep_size, 1ULL << 20);
	/* The defaults count from the global pair by the honeypot's place. */
	ck_assert_uint_eq(conf.dc.honeypot[1].nflog_group, 22);
	ck_assert_uint_eq(conf.dc.honeypot[1].unlogged_group, 32);
	ck_assert_uint_eq(strlen(conf.honeypot[2].hostname), 63);
	ck_assert_uint_eq(conf.honeypot[2].keep_days, 30);
	ck_assert_uint_eq(conf.honeypot[2].keep_size, 50ULL << 30);
	ck_assert_uint_eq(conf.dc.honeypot[2].nflog_group, 24);
	ck_assert_uint_eq(conf.dc.honeypot[2].unlogged_group, 65535);
	/* A /15 holds 10.0.0.2 and 10.1.0.1. */
	ck_assert_msg(parse("gateway = 10.1.0.1\nprefix = 15\n" G WEB) == 0, "%s", err);
	ck_assert_uint_eq(conf.prefix, 15);
}
END_TEST

/* The Data Control view holds each honeypot's tap and limits, as the
 * ruleset renders them. */
START_TEST(dc_view_per_honeypot)
{
	ck_assert_msg(parse(G "limit_udp = 7\n" WEB "tap = tap7\nlimit_tcp = 3\n" DB) == 0,
		      "%s", err);
	ck_assert_str_eq(conf.dc.inside_if, "");
	ck_assert_str_eq(conf.dc.honeypot[0].inside_if, "tap7");
	ck_assert_str_eq(conf.dc.honeypot[1].inside_if, "hn-db");
	ck_assert_uint_eq(conf.dc.honeypot[0].limit[DC_PROTO_TCP], 3);
	ck_assert_uint_eq(conf.dc.honeypot[0].limit[DC_PROTO_UDP], 7);
	ck_assert_uint_eq(conf.dc.honeypot[1].limit[DC_PROTO_TCP], 9);
	ck_assert_uint_eq(conf.dc.honeypot[1].limit[DC_PROTO_UDP], 7);
	ck_assert_int_eq(memcmp(conf.dc.honeypot[1].limit, conf.honeypot[1].limit,
				sizeof(conf.honeypot[1].limit)), 0);
}
END_TEST

START_TEST(honeypot_index)
{
	ck_assert_msg(parse(G WEB DB) == 0, "%s", err);
	ck_assert_int_eq(hn_honeypot_index(&conf, "web"), 0);
	ck_assert_int_eq(hn_honeypot_index(&conf, "db"), 1);
	ck_assert_int_eq(hn_honeypot_index(&conf, "d"), -1);
	ck_assert_int_eq(hn_honeypot_index(&conf, "dbx"), -1);
	ck_assert_int_eq(hn_honeypot_index(&conf, ""), -1);
}
END_TEST

/* The lab's jail uid is the first honeypot's default. */
START_TEST(lab_jail_uid_is_the_first)
{
	ck_assert_uint_eq(strtoul(LAB_JAIL_UID, NULL, 10), HN_JAIL_UID_BASE);
}
END_TEST

static const struct {
	const char *text;
	const char *says;	/* the whole message starts so */
} refused[] = {
	/* The global part. */
	{ "colour = red\n" G WEB, "t.conf:1: unknown setting \"colour\"" },
	{ "honeypot = 1.2.3.4 10.0.0.2\n" G WEB,
	  "t.conf:1: honeypot: in honeynet.conf each honeypot is a [honeypot NAME] section" },
	{ "inside_if = tap0\n" G WEB, "t.conf:1: inside_if: in honeynet.conf each honeypot names its own" },
	{ "archive = var/x\n" G WEB, "t.conf:1: archive = var/x: need an absolute path" },
	{ "archive = /a\narchive = /b\n" G WEB, "t.conf:2: archive: already set on line 1" },
	{ "budget = 10\n" G WEB, "t.conf:1: budget = 10: need bytes, or a number with K, M, G or T" },
	{ "mode = nat\n" G WEB, "t.conf:2: mode: already set on line 1" },
	{ "limit_tcp = 0\n" G WEB, "t.conf:1: limit_tcp = 0: need a whole number of connections" },
	{ G "nflog_group = 6\n" WEB, "t.conf:3: nflog_group and unlogged_group: both are 6" },
	{ G, "t.conf: no [honeypot NAME] section; at least one honeypot is needed" },
	{ "mode = nat\n" WEB, "t.conf: outside_if: missing" },
	{ "limit_tcp\n" G WEB, "t.conf:1: \"limit_tcp\": expected `setting = value`" },
	/* Section headers. */
	{ G WEB DB "[honeypot web]\n", "t.conf:13: [honeypot web]: also on line 3" },
	{ G "[honeypot Web]\n", "t.conf:3: [honeypot Web]: a name is 1 to 32 of a-z 0-9 - _" },
	{ G "[honeypot -x]\n", "t.conf:3: [honeypot -x]: a name is" },
	{ G "[honeypot _x]\n", "t.conf:3: [honeypot _x]: a name is" },
	{ G "[honeypot ../x]\n", "t.conf:3: [honeypot ../x]: a name is" },
	{ G "[honeypot a/b]\n", "t.conf:3: [honeypot a/b]: a name is" },
	{ G "[honeypot abcdefghijklmnopqrstuvwxyz0123456]\n", "t.conf:3: [honeypot abcdefghijklmnopqrstuvwxyz0123456]: a name is" },
	{ G "[honeypot]\n", "t.conf:3: [honeypot]: unknown section; use [honeypot NAME]" },
	{ G "[]\n", "t.conf:3: []: unknown section" },
	{ G "[server web]\n", "t.conf:3: [server]: unknown section" },
	{ G "[honeypot web db]\n", "t.conf:3: [honeypot]: unknown section" },
	{ G "[honeypot web\n", "t.conf:3: \"[honeypot web\": a section header ends in ']'" },
	/* A honeypot's settings. */
	{ G WEB DB "colour = red\n", "t.conf:13: honeypot db: unknown setting \"colour\"" },
	{ G WEB DB "mode = bridge\n",
	  "t.conf:13: honeypot db: mode: a global setting; it goes before the first [honeypot NAME]" },
	{ G WEB DB "archive = /x\n", "t.conf:13: honeypot db: archive: a global setting" },
	{ G WEB DB "mem = 256\nmem = 512\n", "t.conf:14: honeypot db: mem: already set on line 13" },
	{ G WEB DB "mem = 99999\n", "t.conf:13: honeypot db: mem = 99999: need MiB from 64 to 4096" },
	{ G WEB DB "mem = 63\n", "t.conf:13: honeypot db: mem = 63: need MiB" },
	{ G WEB DB "mem = 4097\n", "t.conf:13: honeypot db: mem = 4097: need MiB" },
	{ G WEB DB "mem = 256M\n", "t.conf:13: honeypot db: mem = 256M: need MiB" },
	{ G WEB DB "cpu = 1024\n", "t.conf:13: honeypot db: cpu = 1024: need a CPU number from 0 to 1023, or any" },
	{ G WEB DB "cpu = -1\n", "t.conf:13: honeypot db: cpu = -1: need a CPU number" },
	{ G WEB DB "cpu = all\n", "t.conf:13: honeypot db: cpu = all: need a CPU number" },
	{ G WEB DB "revert = sometimes\n", "t.conf:13: honeypot db: revert = sometimes: use every-start or never" },
	{ G WEB DB "jail_uid = 0\n", "t.conf:13: honeypot db: jail_uid = 0: need a uid from 1 to 2147483646" },
	{ G WEB DB "jail_uid = 2147483647\n", "t.conf:13: honeypot db: jail_uid = 2147483647: need a uid" },
	{ G WEB DB "budget = 1023K\n", "t.conf:13: honeypot db: budget = 1023K: need bytes" },
	{ G WEB DB "limit_tcp = 0\n", "t.conf:13: honeypot db: limit_tcp = 0: need a whole number of connections" },
	{ G WEB DB "limit_other = 1000001\n", "t.conf:13: honeypot db: limit_other = 1000001: need" },
	{ G WEB DB "tap = a/b\n", "t.conf:13: honeypot db: tap = a/b: not a valid interface name" },
	{ G WEB DB "tap = abcdefghijklmnop\n", "t.conf:13: honeypot db: tap = abcdefghijklmnop: not a valid" },
	{ G WEB DB "[honeypot x]\nroot_fs = x.img\n", "t.conf:14: honeypot x: root_fs = x.img: need an absolute path" },
	{ G WEB DB "[honeypot x]\npersona = ./p\n", "t.conf:14: honeypot x: persona = ./p: need an absolute path" },
	{ G WEB DB "[honeypot x]\npublic = 203.0.113.1000\n", "t.conf:14: honeypot x: public = 203.0.113.1000: not a unicast IPv4" },
	{ G WEB DB "[honeypot x]\npublic = 127.0.0.1\n", "t.conf:14: honeypot x: public = 127.0.0.1: not a unicast" },
	/* Addresses are each one honeypot's, once. */
	{ G WEB DB "[honeypot x]\npublic = 203.0.113.10\n", "t.conf:14: honeypot x: public: 203.0.113.10 is given twice" },
	{ G WEB DB "[honeypot x]\ninternal = 10.0.0.2\n", "t.conf:14: honeypot x: internal: 10.0.0.2 is given twice" },
	{ G WEB DB "[honeypot x]\npublic = 10.0.0.3\n", "t.conf:14: honeypot x: public: 10.0.0.3 is given twice" },
	{ G WEB DB "[honeypot x]\npublic = 203.0.113.12\ninternal = 203.0.113.12\n",
	  "t.conf:15: honeypot x: internal: 203.0.113.12 is given twice" },
	{ "mode = bridge\noutside_if = lo\n" WEB,
	  "t.conf:5: honeypot web: internal = 10.0.0.2: bridge mode has no internal address" },
	/* What each honeypot needs, named at its section's line. */
	{ G WEB DB "[honeypot x]\ninternal = 10.0.0.4\nroot_fs = /r\npersona = /p\n",
	  "t.conf:13: honeypot x: public: missing; the address attackers reach is needed" },
	{ G WEB DB "[honeypot x]\npublic = 203.0.113.12\nroot_fs = /r\npersona = /p\n",
	  "t.conf:13: honeypot x: internal: missing; NAT mode needs the honeypot's own address" },
	{ G WEB DB "[honeypot x]\npublic = 203.0.113.12\ninternal = 10.0.0.4\npersona = /p\n",
	  "t.conf:13: honeypot x: root_fs: missing" },
	{ G WEB DB "[honeypot x]\npublic = 203.0.113.12\ninternal = 10.0.0.4\nroot_fs = /r\n",
	  "t.conf:13: honeypot x: persona: missing" },
	/* Each honeypot's own tap, CPU and jail uid. */
	{ G WEB DB X "tap = hn-web\n", "t.conf:18: honeypot x: tap hn-web: also honeypot web's" },
	{ G WEB "tap = hn-db\n" DB, "t.conf:9: honeypot db: tap hn-db: also honeypot web's" },
	{ G WEB DB X "tap = lo\n", "t.conf:18: honeypot x: tap lo: also outside_if" },
	{ "mode = bridge\noutside_if = lo\nbridge_if = br1\n[honeypot web]\npublic = 203.0.113.10\n"
	  "root_fs = /r\npersona = /p\ntap = br1\ngateway = 203.0.113.1\n",
	  "t.conf:9: honeypot web: gateway: a global setting" },
	{ "mode = bridge\noutside_if = lo\nbridge_if = br1\ngateway = 203.0.113.1\n[honeypot web]\n"
	  "public = 203.0.113.10\nroot_fs = /r\npersona = /p\ntap = br1\n",
	  "t.conf:9: honeypot web: tap br1: also bridge_if" },
	{ G WEB "cpu = 1\n" DB "cpu = 1\n", "t.conf:14: honeypot db: cpu 1: also honeypot web's" },
	{ G WEB DB "jail_uid = 64200\n", "t.conf:13: honeypot db: jail_uid 64200: also honeypot web's" },
	{ G WEB "jail_uid = 64201\n" DB, "t.conf:9: honeypot db: jail_uid 64201: also honeypot web's" },
	{ G WEB DB "[honeypot abcdefghijklm]\npublic = 203.0.113.12\ninternal = 10.0.0.4\nroot_fs = /r\npersona = /p\n",
	  "t.conf:13: honeypot abcdefghijklm: tap: the default hn-abcdefghijklm is longer than 15 bytes" },
	{ G WEB DB "[honeypot archive]\npublic = 203.0.113.12\ninternal = 10.0.0.4\nroot_fs = /r\npersona = /p\n",
	  "t.conf:13: honeypot archive: its state directory /var/lib/honeynet/archive is the archive" },
	/* The gateway: an address, on each honeypot's link, none's own. */
	{ "gateway = 10.0.0.300\n" G WEB, "t.conf:1: gateway = 10.0.0.300: not a unicast IPv4 address" },
	{ "gateway = 127.0.0.1\n" G WEB, "t.conf:1: gateway = 127.0.0.1: not a unicast IPv4 address" },
	{ "gateway = 10.0.0.1\ngateway = 10.0.0.1\n" G WEB, "t.conf:2: gateway: already set on line 1" },
	{ "gateway = 10.0.0.2\n" G WEB,
	  "t.conf:6: honeypot web: internal 10.0.0.2: also the gateway; a honeypot's default route is another host" },
	{ "gateway = 203.0.113.10\n" G WEB, "t.conf:5: honeypot web: public 203.0.113.10: also the gateway;" },
	{ G WEB DB "[honeypot x]\npublic = 203.0.113.12\ninternal = 10.0.0.1\nroot_fs = /r\npersona = /p\n",
	  "t.conf:15: honeypot x: internal 10.0.0.1: also the gateway (the default);" },
	{ "gateway = 10.1.0.1\n" G WEB,
	  "t.conf:6: honeypot web: internal 10.0.0.2: not within /24 of gateway 10.1.0.1; a default route must be on the honeypot's link" },
	{ "prefix = 30\n" G WEB X, "t.conf:11: honeypot x: internal 10.0.0.4: not within /30 of gateway 10.0.0.1" },
	{ "mode = bridge\noutside_if = lo\n[honeypot web]\npublic = 203.0.113.10\nroot_fs = /r\npersona = /p\n",
	  "t.conf: gateway: missing; bridge mode needs the outside network's router" },
	{ "mode = bridge\noutside_if = lo\ngateway = 198.51.100.1\n[honeypot web]\npublic = 203.0.113.10\n"
	  "root_fs = /r\npersona = /p\n",
	  "t.conf:5: honeypot web: public 203.0.113.10: not within /24 of gateway 198.51.100.1" },
	{ "prefix = 7\n" G WEB, "t.conf:1: prefix = 7: need a netmask length from 8 to 30" },
	{ "prefix = 31\n" G WEB, "t.conf:1: prefix = 31: need a netmask length" },
	{ "prefix = /24\n" G WEB, "t.conf:1: prefix = /24: need a netmask length" },
	{ G WEB DB "prefix = 24\n", "t.conf:13: honeypot db: prefix: a global setting" },
	/* Retention and the kernel. */
	{ "keep_days = 36501\n" G WEB, "t.conf:1: keep_days = 36501: need whole days from 0 (keep every run) to 36500" },
	{ "keep_days = -1\n" G WEB, "t.conf:1: keep_days = -1: need whole days" },
	{ G WEB DB "keep_days = 1w\n", "t.conf:13: honeypot db: keep_days = 1w: need whole days" },
	{ "keep_size = 10\n" G WEB,
	  "t.conf:1: keep_size = 10: need 0 (no cap), bytes, or a number with K, M, G or T (powers of 1024), at least 1M" },
	{ G WEB DB "keep_size = 1023K\n", "t.conf:13: honeypot db: keep_size = 1023K: need 0 (no cap), bytes" },
	{ G WEB DB "keep_size = 0\nkeep_size = 0\n", "t.conf:14: honeypot db: keep_size: already set on line 13" },
	{ "kernel = boot/linux\n" G WEB, "t.conf:1: kernel = boot/linux: need an absolute path" },
	{ G WEB DB "kernel = /k\n", "t.conf:13: honeypot db: kernel: a global setting" },
	/* Host names. */
	{ G WEB DB "hostname = Db\n",
	  "t.conf:13: honeypot db: hostname = Db: not a host name (1 to 63 of a-z 0-9 -, not starting or ending with -)" },
	{ G WEB DB "hostname = -db\n", "t.conf:13: honeypot db: hostname = -db: not a host name" },
	{ G WEB DB "hostname = db-\n", "t.conf:13: honeypot db: hostname = db-: not a host name" },
	{ G WEB DB "hostname = db.example.org\n", "t.conf:13: honeypot db: hostname = db.example.org: not a host name" },
	{ G WEB DB "hostname = d_b\n", "t.conf:13: honeypot db: hostname = d_b: not a host name" },
	{ G WEB DB "hostname = a0123456789012345678901234567890123456789012345678901234567890zz\n",
	  "t.conf:13: honeypot db: hostname = a0123456789012345678901234567890123456789012345678901234567890zz: not a host name" },
	{ "hostname = web\n" G WEB, "t.conf:1: unknown setting \"hostname\"" },
	{ G WEB DB "[honeypot my_db]\npublic = 203.0.113.12\ninternal = 10.0.0.4\nroot_fs = /r\npersona = /p\n",
	  "t.conf:13: honeypot my_db: hostname: the default my_db is not a host name (1 to 63 of a-z 0-9 -, "
	  "not starting or ending with -); name one (hostname = ...)" },
	/* NFLOG groups: each honeypot's two, every one in the file distinct. */
	{ G WEB DB "nflog_group = 65536\n", "t.conf:13: honeypot db: nflog_group = 65536: need a group number from 0 to 65535" },
	{ G WEB DB "unlogged_group = x\n", "t.conf:13: honeypot db: unlogged_group = x: need a group number" },
	{ G WEB DB "unlogged_group = 7\n",
	  "t.conf:13: honeypot db: nflog_group and unlogged_group: both are 7; they must differ" },
	{ G WEB DB "nflog_group = 8\n", "t.conf:13: honeypot db: nflog_group and unlogged_group: both are 8" },
	{ G WEB DB "nflog_group = 6\n",
	  "t.conf:13: honeypot db: nflog_group 6: also honeypot web's unlogged_group; each NFLOG group is one honeypot's" },
	{ G WEB DB "unlogged_group = 5\n", "t.conf:13: honeypot db: unlogged_group 5: also honeypot web's nflog_group" },
	{ G WEB "unlogged_group = 7\n" DB,
	  "t.conf:9: honeypot db: nflog_group 7 (the default): also honeypot web's unlogged_group" },
	{ G "nflog_group = 7\nunlogged_group = 9\n" WEB DB,
	  "t.conf:10: honeypot db: nflog_group 9 (the default): also honeypot web's unlogged_group" },
	{ G WEB "nflog_group = 20\n" DB X "unlogged_group = 20\n",
	  "t.conf:19: honeypot x: unlogged_group 20: also honeypot web's nflog_group" },
	{ "nflog_group = 65533\nunlogged_group = 65534\n" G WEB DB,
	  "t.conf:10: honeypot db: unlogged_group: the default 65534 + 2 * 1 is more than 65535; set one" },
	{ "nflog_group = 65534\nunlogged_group = 1\n" G WEB DB,
	  "t.conf:10: honeypot db: nflog_group: the default 65534 + 2 * 1 is more than 65535; set one" },
};

START_TEST(refusals)
{
	ck_assert_int_eq(parse(refused[_i].text), -1);
	ck_assert_msg(strncmp(err, refused[_i].says, strlen(refused[_i].says)) == 0,
		      "case %d: message \"%s\" does not start \"%s\"", _i, err,
		      refused[_i].says);
}
END_TEST

/* Appends the section of honeypot number i (1, 2, ...) with its own
 * addresses (10.0.0.1 is the gateway's). */
static void append_honeypot(char *text, size_t len, const char *name, int i)
{
	snprintf(text + strlen(text), len - strlen(text),
		 "[honeypot %s]\npublic = 203.0.113.%d\ninternal = 10.0.0.%d\n"
		 "root_fs = /r\npersona = /p\n", name, i, i + 1);
}

START_TEST(bounds)
{
	static char text[8192];
	char name[16];
	int i;

	ck_assert_msg(parse(G WEB "mem = 64\njail_uid = 1\n" DB "mem = 4096\njail_uid = 2147483646\n") == 0,
		      "%s", err);
	ck_assert_uint_eq(conf.honeypot[0].mem_mb, 64);
	ck_assert_uint_eq(conf.honeypot[1].jail_uid, 2147483646);
	/* 32 bytes of name with its own tap; 12 bytes make a 15-byte default tap. */
	ck_assert_msg(parse(G "[honeypot abcdefghijklmnopqrstuvwxyz012345]\npublic = 203.0.113.1\n"
			    "internal = 10.0.0.3\nroot_fs = /r\npersona = /p\ntap = t1\n"
			    "[honeypot abcdefghijkl]\npublic = 203.0.113.2\n"
			    "internal = 10.0.0.2\nroot_fs = /r\npersona = /p\ncpu = 1023\n") == 0,
		      "%s", err);
	ck_assert_str_eq(conf.honeypot[1].tap, "hn-abcdefghijkl");
	strcpy(text, G);
	for (i = 1; i <= DC_MAX_HONEYPOTS; i++) {
		snprintf(name, sizeof(name), "h%d", i);
		append_honeypot(text, sizeof(text), name, i);
	}
	ck_assert_msg(parse(text) == 0, "%s", err);
	ck_assert_uint_eq(conf.honeypot[DC_MAX_HONEYPOTS - 1].jail_uid,
			  HN_JAIL_UID_BASE + DC_MAX_HONEYPOTS - 1);
	ck_assert_uint_eq(conf.dc.honeypot[DC_MAX_HONEYPOTS - 1].nflog_group,
			  5 + 2 * (DC_MAX_HONEYPOTS - 1));
	ck_assert_uint_eq(conf.dc.honeypot[DC_MAX_HONEYPOTS - 1].unlogged_group,
			  6 + 2 * (DC_MAX_HONEYPOTS - 1));
	append_honeypot(text, sizeof(text), "h17", 17);
	ck_assert_int_eq(parse(text), -1);
	ck_assert_str_eq(err, "t.conf:83: [honeypot h17]: more than 16 honeypots");
}
END_TEST

START_TEST(long_line)
{
	static char text[CONF_LINE_MAX + 256];

	strcpy(text, G WEB "# ");
	memset(text + strlen(text), 'x', CONF_LINE_MAX);
	ck_assert_int_eq(parse(text), -1);
	ck_assert_str_eq(err, "t.conf:8: honeypot web: longer than 255 bytes");
}
END_TEST

/* Seeded random text from the format's own characters: any result but a
 * crash (the sanitized binary catches overruns) is acceptable. */
START_TEST(hostile_text)
{
	static const char alphabet[] = "[honeypot web]\n=public 10.0.0.2 tap mem cpu"
				       " 0123456789#\r\t:/\"*any\xff\x01 root_fs";
	char text[600];
	unsigned int seed = 4242;
	int round;

	for (round = 0; round < 20000; round++) {
		random_text(text, sizeof(text), alphabet, &seed);
		if (parse(text) != 0)
			ck_assert_uint_gt(strlen(err), 0);
	}
}
END_TEST

/* The global part means exactly what the same lines mean in honeywall.conf. */
START_TEST(global_part_is_honeywall_conf)
{
	static const char global[] =
		"mode = nat\noutside_if = eth1\nlimit_tcp = 4\nlimit_icmp = 8\n"
		"scale = minute\nnflog_group = 7\nunlogged_group = 8\n"
		"log_rate = 5/minute\nlog_burst = 9\ndns_resolver = 192.0.2.53\n"
		"manager = 192.0.2.5\n";
	static char text[2048];
	struct dc_config wall;

	snprintf(text, sizeof(text), "%shoneypot = 203.0.113.10 10.0.0.2\n"
		 "honeypot = 203.0.113.11 10.0.0.3\ninside_if = hn-web\n", global);
	ck_assert_msg(dc_config_parse(&wall, text, err, sizeof(err)) == 0, "%s", err);
	snprintf(text, sizeof(text), "%s" WEB DB, global);
	ck_assert_msg(parse(text) == 0, "%s", err);
	strcpy(conf.dc.inside_if, "hn-web");
	/* But for what is each honeypot's own: db's tap and groups. */
	strcpy(wall.honeypot[1].inside_if, "hn-db");
	wall.honeypot[1].nflog_group = 9;
	wall.honeypot[1].unlogged_group = 10;
	ck_assert_int_eq(memcmp(&wall, &conf.dc, sizeof(wall)), 0);
}
END_TEST

static void example_path(char *path, size_t len, const char *name)
{
	const char *slash = strrchr(__FILE__, '/');
	int dirlen = slash ? (int)(slash - __FILE__) : 1;

	snprintf(path, len, "%.*s/../../../tools/honeynet/conf/%s", dirlen,
		 slash ? __FILE__ : ".", name);
}

/* The shipped sample must parse, so it cannot drift from the parser. */
START_TEST(example_parses)
{
	char path[512], *text;

	example_path(path, sizeof(path), "honeynet.conf.example");
	ck_assert_msg(conf_read_file(path, &text, err, sizeof(err)) == 0, "%s", err);
	ck_assert_msg(honeynet_conf_parse(&conf, path, text, err, sizeof(err)) == 0, "%s", err);
	free(text);
	ck_assert_uint_eq(conf.n_honeypots, 2);
	ck_assert_str_eq(conf.honeypot[0].name, "web");
	ck_assert_uint_eq(conf.honeypot[0].limit[DC_PROTO_TCP], 5);
	ck_assert_str_eq(conf.honeypot[1].tap, "hn-db");
	ck_assert_int_eq(conf.honeypot[1].revert, HN_REVERT_NEVER);
	ck_assert_str_eq(addr(conf.gateway), "10.0.0.1");
	ck_assert_uint_eq(conf.prefix, 24);
	ck_assert_str_eq(conf.honeypot[0].hostname, "www");
	ck_assert_str_eq(conf.honeypot[1].hostname, "db");
	ck_assert_uint_eq(conf.dc.honeypot[1].nflog_group, 7);
	ck_assert_uint_eq(conf.dc.honeypot[1].unlogged_group, 8);
}
END_TEST

/* honeywall.conf keeps its own syntax: a section is refused there. */
START_TEST(honeywall_conf_unchanged)
{
	char path[512];
	struct dc_config wall;

	example_path(path, sizeof(path), "honeywall.conf.example");
	ck_assert_msg(dc_config_load(&wall, path, err, sizeof(err)) == 0, "%s", err);
	ck_assert_str_eq(wall.inside_if, "tap0");
	ck_assert_int_eq(dc_config_parse(&wall, "outside_if = eth0\n[honeypot web]\n", err,
					 sizeof(err)), -1);
	ck_assert_str_eq(err, "line 2: [honeypot web]: a honeywall config has no sections");
}
END_TEST

static char dir[] = "/tmp/hn-conf-test-XXXXXX";

static void make_host_files(void)
{
	char path[128];
	FILE *f;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/root_fs", dir);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(fclose(f), 0);
	snprintf(path, sizeof(path), "%s/persona", dir);
	ck_assert_int_eq(mkdir(path, 0700), 0);
}

static void remove_host_files(void)
{
	char path[128];

	snprintf(path, sizeof(path), "%s/root_fs", dir);
	unlink(path);
	snprintf(path, sizeof(path), "%s/persona", dir);
	rmdir(path);
	rmdir(dir);
}

/* G and web with this test's files, then extra on line 8 and on. */
static int check_host(const char *outside, const char *root_fs,
		      const char *persona, const char *extra)
{
	char text[1024];

	snprintf(text, sizeof(text),
		 "mode = nat\noutside_if = %s\n[honeypot web]\npublic = 203.0.113.10\n"
		 "internal = 10.0.0.2\nroot_fs = %s/%s\npersona = %s/%s\n%s",
		 outside, dir, root_fs, dir, persona, extra);
	ck_assert_msg(parse(text) == 0, "%s", err);
	return honeynet_conf_check_host(&conf, err, sizeof(err));
}

static void assert_says(const char *says)
{
	ck_assert_msg(strncmp(err, says, strlen(says)) == 0,
		      "message \"%s\" does not start \"%s\"", err, says);
}

/* kernel, when given, is an executable regular file. */
static void check_kernel(char *says, size_t len)
{
	char path[128];

	ck_assert_msg(check_host("lo", "root_fs", "persona", "") == 0, "%s", err);
	snprintf(conf.kernel, sizeof(conf.kernel), "%s/none", dir);
	ck_assert_int_eq(honeynet_conf_check_host(&conf, err, sizeof(err)), -1);
	snprintf(says, len, "t.conf: kernel = %s/none: No such file or directory", dir);
	assert_says(says);
	snprintf(conf.kernel, sizeof(conf.kernel), "%s/persona", dir);
	ck_assert_int_eq(honeynet_conf_check_host(&conf, err, sizeof(err)), -1);
	snprintf(says, len, "t.conf: kernel = %s/persona: not a regular file", dir);
	assert_says(says);
	snprintf(path, sizeof(path), "%s/root_fs", dir);
	ck_assert_int_eq(chmod(path, 0644), 0);
	snprintf(conf.kernel, sizeof(conf.kernel), "%s", path);
	ck_assert_int_eq(honeynet_conf_check_host(&conf, err, sizeof(err)), -1);
	snprintf(says, len, "t.conf: kernel = %s: Permission denied", path);
	assert_says(says);
	ck_assert_int_eq(chmod(path, 0755), 0);
	ck_assert_msg(honeynet_conf_check_host(&conf, err, sizeof(err)) == 0, "%s", err);
}

START_TEST(host_checks)
{
	char says[256];

	make_host_files();
	ck_assert_msg(check_host("lo", "root_fs", "persona", "cpu = 0\n") == 0, "%s", err);
	ck_assert_int_eq(check_host("nosuch-if0", "root_fs", "persona", ""), -1);
	assert_says("t.conf: outside_if = nosuch-if0: no such interface here");
	ck_assert_int_eq(check_host("lo", "none", "persona", ""), -1);
	snprintf(says, sizeof(says), "t.conf:6: honeypot web: root_fs = %s/none: No such file or directory", dir);
	assert_says(says);
	ck_assert_int_eq(check_host("lo", "persona", "persona", ""), -1);
	snprintf(says, sizeof(says), "t.conf:6: honeypot web: root_fs = %s/persona: not a regular file", dir);
	assert_says(says);
	ck_assert_int_eq(check_host("lo", "root_fs", "none", ""), -1);
	snprintf(says, sizeof(says), "t.conf:7: honeypot web: persona = %s/none: No such file", dir);
	assert_says(says);
	ck_assert_int_eq(check_host("lo", "root_fs", "root_fs", ""), -1);
	snprintf(says, sizeof(says), "t.conf:7: honeypot web: persona = %s/root_fs: not a directory", dir);
	assert_says(says);
	ck_assert_int_eq(check_host("lo", "root_fs", "persona", "cpu = 1023\n"), -1);
	assert_says("t.conf:8: honeypot web: cpu = 1023: not one of the");
	ck_assert_int_eq(check_host("lo", "root_fs", "persona", "jail_uid = 65534\n"), -1);
	assert_says("t.conf:8: honeypot web: jail_uid 65534: user nobody has it; a jail's uid and gid are no account's");
	check_kernel(says, sizeof(says));
	remove_host_files();
}
END_TEST

START_TEST(load_files)
{
	ck_assert_int_eq(honeynet_conf_load(&conf, "/nonexistent/honeynet.conf", err,
					    sizeof(err)), -1);
	ck_assert_str_eq(err, "/nonexistent/honeynet.conf: No such file or directory");
}
END_TEST

Suite *honeynet_conf_suite(void)
{
	Suite *s = suite_create("honeynet_conf");
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, two_honeypots);
	tcase_add_test(tc, defaults);
	tcase_add_test(tc, lab_jail_uid_is_the_first);
	tcase_add_test(tc, new_settings_default);
	tcase_add_test(tc, new_settings);
	tcase_add_test(tc, dc_view_per_honeypot);
	tcase_add_test(tc, honeypot_index);
	tcase_add_loop_test(tc, refusals, 0,
			    (int)(sizeof(refused) / sizeof(refused[0])));
	tcase_add_test(tc, bounds);
	tcase_add_test(tc, long_line);
	tcase_add_test(tc, hostile_text);
	tcase_add_test(tc, global_part_is_honeywall_conf);
	tcase_add_test(tc, example_parses);
	tcase_add_test(tc, honeywall_conf_unchanged);
	tcase_add_test(tc, host_checks);
	tcase_add_test(tc, load_files);
	suite_add_tcase(s, tc);
	return s;
}
