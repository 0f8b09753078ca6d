// SPDX-License-Identifier: GPL-2.0
/* Unit tests: the Data Control config: defaults, parsing, refusals, hostile input. */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dc_config.h"
#include "random_text.h"
#include "suites.h"

static struct dc_config cfg;
static char err[512];

#define NAT_MIN "honeypot = 203.0.113.10 10.0.0.2\noutside_if = outside\n"

static const char *addr(struct in_addr a)
{
	static char text[INET_ADDRSTRLEN];

	return inet_ntop(AF_INET, &a, text, sizeof(text));
}

START_TEST(defaults)
{
	ck_assert_int_eq(dc_config_parse(&cfg, NAT_MIN, err, sizeof(err)), 0);
	ck_assert_int_eq(cfg.mode, DC_MODE_NAT);
	ck_assert_int_eq(cfg.scale, DC_SCALE_HOUR);
	ck_assert_uint_eq(cfg.limit[DC_PROTO_TCP], 9);
	ck_assert_uint_eq(cfg.limit[DC_PROTO_UDP], 20);
	ck_assert_uint_eq(cfg.limit[DC_PROTO_ICMP], 50);
	ck_assert_uint_eq(cfg.limit[DC_PROTO_OTHER], 10);
	ck_assert_uint_eq(cfg.nflog_group, 5);
	ck_assert_uint_eq(cfg.unlogged_group, 6);
	ck_assert_uint_eq(cfg.log_rate, 20);
	ck_assert_int_eq(cfg.log_scale, DC_SCALE_SECOND);
	ck_assert_uint_eq(cfg.log_burst, 100);
	ck_assert_str_eq(cfg.outside_if, "outside");
	ck_assert_str_eq(cfg.inside_if, "tap0");
	ck_assert_uint_eq(cfg.n_honeypots, 1);
	ck_assert_str_eq(addr(cfg.honeypot[0].public_addr), "203.0.113.10");
	ck_assert_str_eq(addr(cfg.honeypot[0].internal_addr), "10.0.0.2");
	ck_assert_int_eq(cfg.honeypot[0].has_internal, 1);
	ck_assert_uint_eq(cfg.n_resolvers, 0);
	ck_assert_uint_eq(cfg.n_managers, 0);
}
END_TEST

/* Comments, odd spacing, CRLF line ends and no final newline are all fine. */
START_TEST(every_setting)
{
	static const char text[] =
		"# a honeywall\r\n"
		"  mode=bridge   # layer 2\r\n"
		"\n\t\n"
		"honeypot =\t198.51.100.7\n"
		"honeypot = 198.51.100.8 # another\n"
		"outside_if = eth1\ninside_if = tap3\nbridge_if = br7\n"
		"limit_tcp = 1\nlimit_udp = 2\nlimit_icmp = 3\nlimit_other = 1000000\n"
		"scale = day\nnflog_group = 0\nunlogged_group = 65535\n"
		"log_rate = 7/minute\nlog_burst = 1\n"
		"dns_resolver = 192.0.2.53\ndns_resolver = 192.0.2.54\n"
		"manager = 192.0.2.5";

	ck_assert_int_eq(dc_config_parse(&cfg, text, err, sizeof(err)), 0);
	ck_assert_int_eq(cfg.mode, DC_MODE_BRIDGE);
	ck_assert_int_eq(cfg.scale, DC_SCALE_DAY);
	ck_assert_uint_eq(cfg.n_honeypots, 2);
	ck_assert_str_eq(addr(cfg.honeypot[1].public_addr), "198.51.100.8");
	ck_assert_int_eq(cfg.honeypot[1].has_internal, 0);
	ck_assert_str_eq(cfg.bridge_if, "br7");
	ck_assert_uint_eq(cfg.limit[DC_PROTO_ICMP], 3);
	ck_assert_uint_eq(cfg.limit[DC_PROTO_OTHER], 1000000);
	ck_assert_uint_eq(cfg.nflog_group, 0);
	ck_assert_uint_eq(cfg.unlogged_group, 65535);
	ck_assert_uint_eq(cfg.log_rate, 7);
	ck_assert_int_eq(cfg.log_scale, DC_SCALE_MINUTE);
	ck_assert_uint_eq(cfg.log_burst, 1);
	ck_assert_uint_eq(cfg.n_resolvers, 2);
	ck_assert_str_eq(addr(cfg.resolver[1]), "192.0.2.54");
	ck_assert_str_eq(addr(cfg.manager[0]), "192.0.2.5");
}
END_TEST

/* A honeywall.conf's honeypots all get its one inside_if, its limits and
 * its groups: what the ruleset renders for each. */
START_TEST(honeypots_get_the_globals)
{
	size_t i;

	ck_assert_int_eq(dc_config_parse(&cfg, "honeypot = 198.51.100.7 10.0.0.2\n"
					 "honeypot = 198.51.100.8 10.0.0.3\n"
					 "outside_if = eth1\ninside_if = tap3\nlimit_tcp = 4\n"
					 "limit_other = 7\nnflog_group = 11\nunlogged_group = 12\n",
					 err, sizeof(err)), 0);
	for (i = 0; i < 2; i++) {
		ck_assert_str_eq(cfg.honeypot[i].inside_if, "tap3");
		ck_assert_uint_eq(cfg.honeypot[i].limit[DC_PROTO_TCP], 4);
		ck_assert_uint_eq(cfg.honeypot[i].limit[DC_PROTO_UDP], 20);
		ck_assert_uint_eq(cfg.honeypot[i].limit[DC_PROTO_OTHER], 7);
		ck_assert_uint_eq(cfg.honeypot[i].nflog_group, 11);
		ck_assert_uint_eq(cfg.honeypot[i].unlogged_group, 12);
	}
}
END_TEST

static const struct {
	const char *text;
	const char *says;
} refused[] = {
	{ "", "honeypot: none given" },
	{ "outside_if = eth0\n", "honeypot: none given" },
	{ "honeypot = 203.0.113.10 10.0.0.2\n", "outside_if: missing" },
	{ NAT_MIN "colour = red\n", "line 3: unknown setting \"colour\"" },
	{ NAT_MIN "limit_tcp\n", "line 3: \"limit_tcp\": expected `setting = value`" },
	{ NAT_MIN " = 4\n", "line 3: a setting name is needed" },
	{ NAT_MIN "scale =   # none\n", "line 3: scale: needs a value" },
	{ NAT_MIN "mode = nat\nmode = nat\n", "line 4: mode: already set on line 3" },
	{ NAT_MIN "outside_if = x\n", "line 3: outside_if: already set on line 2" },
	{ NAT_MIN "mode = routed\n", "line 3: mode = routed: unknown mode" },
	{ NAT_MIN "scale = week\n", "line 3: scale = week: unknown scale" },
	{ NAT_MIN "limit_tcp = 0\n", "line 3: limit_tcp = 0: need a whole number" },
	{ NAT_MIN "limit_udp = -1\n", "line 3: limit_udp = -1: need a whole number" },
	{ NAT_MIN "limit_icmp = ten\n", "line 3: limit_icmp = ten: need" },
	{ NAT_MIN "limit_other = 9x\n", "line 3: limit_other = 9x: need" },
	{ NAT_MIN "limit_tcp = 1000001\n", "line 3: limit_tcp = 1000001: need" },
	{ NAT_MIN "limit_tcp = 99999999999999999999999\n", "limit_tcp = 9999" },
	{ NAT_MIN "limit_tcp = 1 2\n", "line 3: limit_tcp = 1 2: need" },
	{ NAT_MIN "nflog_group = 65536\n", "line 3: nflog_group = 65536: need a group" },
	{ NAT_MIN "unlogged_group = -1\n", "line 3: unlogged_group = -1: need a group" },
	{ NAT_MIN "unlogged_group = 5\n", "line 3: nflog_group and unlogged_group: both are 5" },
	{ NAT_MIN "nflog_group = 6\n", "line 3: nflog_group and unlogged_group: both are 6" },
	{ NAT_MIN "log_rate = 20\n", "line 3: log_rate = 20: need N/SCALE" },
	{ NAT_MIN "log_rate = 0/second\n", "line 3: log_rate = 0/second: need N/SCALE" },
	{ NAT_MIN "log_rate = 20/week\n", "line 3: log_rate = 20/week: need N/SCALE" },
	{ NAT_MIN "log_rate = /second\n", "line 3: log_rate = /second: need" },
	{ NAT_MIN "log_rate = 20/second/2\n", "log_rate = 20/second/2: need" },
	{ NAT_MIN "log_rate = 1000001/second\n", "log_rate = 1000001/second: need" },
	{ NAT_MIN "log_rate = 99999999999999999999/second\n", "log_rate = 9999" },
	{ NAT_MIN "log_burst = 0\n", "line 3: log_burst = 0: need a whole number of attempts" },
	{ NAT_MIN "log_burst = 1e3\n", "line 3: log_burst = 1e3: need" },
	{ "honeypot = 203.0.113.300 10.0.0.2\n", "line 1: honeypot = 203.0.113.300: not a unicast IPv4" },
	{ "honeypot = 203.0.113.10 10.0.0\n", "line 1: honeypot = 10.0.0: not a unicast" },
	{ "honeypot = 2001:db8::1\n", "honeypot = 2001:db8::1: not a unicast" },
	{ "honeypot = 0.0.0.0 10.0.0.2\n", "honeypot = 0.0.0.0: not a unicast" },
	{ "honeypot = 127.0.0.1 10.0.0.2\n", "honeypot = 127.0.0.1: not" },
	{ "honeypot = 224.0.0.1 10.0.0.2\n", "honeypot = 224.0.0.1: not" },
	{ "honeypot = 255.255.255.255 10.0.0.2\n", "honeypot = 255.255.255.255: not" },
	{ "honeypot = 203.0.113.010 10.0.0.2\n", "honeypot = 203.0.113.010: not" },
	{ "honeypot = 1.2.3.4 5.6.7.8 9.9.9.9\n", "line 1: honeypot = 1.2.3.4 5.6.7.8 9.9.9.9: at most two" },
	{ "honeypot = 1.2.3.4 1.2.3.4\n", "line 1: honeypot: 1.2.3.4 is given twice" },
	{ NAT_MIN "honeypot = 203.0.113.11 10.0.0.2\n", "line 3: honeypot: 10.0.0.2 is given twice" },
	{ NAT_MIN "honeypot = 10.0.0.2 10.0.0.3\n", "line 3: honeypot: 10.0.0.2 is given twice" },
	{ NAT_MIN "honeypot = 203.0.113.11\n", "line 3: honeypot: NAT mode needs a public and an internal" },
	{ "mode = bridge\n" NAT_MIN, "line 2: honeypot: bridge mode takes one address" },
	{ NAT_MIN "dns_resolver = 8.8.8\n", "line 3: dns_resolver = 8.8.8: not a unicast" },
	{ NAT_MIN "dns_resolver = 9.9.9.9\ndns_resolver = 9.9.9.9\n", "line 4: dns_resolver: 9.9.9.9 is given twice" },
	{ NAT_MIN "manager = localhost\n", "line 3: manager = localhost: not a unicast" },
	{ NAT_MIN "inside_if = outside\n", "outside_if and inside_if: both are outside" },
	{ NAT_MIN "inside_if = a/b\n", "line 3: inside_if = a/b: not a valid interface name" },
	{ NAT_MIN "inside_if = eth0:1\n", "inside_if = eth0:1: not a valid" },
	{ NAT_MIN "inside_if = tap\"0\n", "inside_if = tap\"0: not a valid" },
	{ NAT_MIN "inside_if = tap*\n", "inside_if = tap*: not a valid" },
	{ NAT_MIN "inside_if = tap 0\n", "inside_if = tap 0: not a valid" },
	{ NAT_MIN "inside_if = ..\n", "inside_if = ..: not a valid" },
	{ NAT_MIN "inside_if = abcdefghijklmnop\n", "inside_if = abcdefghijklmnop: not a valid" },
	{ NAT_MIN "bridge_if = br0\n", "line 3: bridge_if: only used in bridge mode" },
	{ "mode = bridge\nhoneypot = 1.2.3.4\noutside_if = br0\n", "bridge_if br0: must differ" },
};

START_TEST(refusals)
{
	int rc = dc_config_parse(&cfg, refused[_i].text, err, sizeof(err));

	ck_assert_int_eq(rc, -1);
	ck_assert_msg(strstr(err, refused[_i].says),
		      "case %d: message \"%s\" lacks \"%s\"", _i, err,
		      refused[_i].says);
}
END_TEST

/* Appends n lines "<start><i>" for i from 1, each a distinct address. */
static void append_lines(char *text, size_t len, const char *start, int n)
{
	int i;

	for (i = 1; i <= n; i++)
		snprintf(text + strlen(text), len - strlen(text), "%s%d\n", start, i);
}

START_TEST(list_bounds)
{
	static char text[8192];

	strcpy(text, "mode = bridge\noutside_if = eth0\n");
	append_lines(text, sizeof(text), "honeypot = 203.0.113.", 1 + DC_MAX_HONEYPOTS);
	ck_assert_int_eq(dc_config_parse(&cfg, text, err, sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "line 19: honeypot: more than 16 honeypots"));
	strcpy(text, NAT_MIN);
	append_lines(text, sizeof(text), "dns_resolver = 192.0.2.", 1 + DC_MAX_RESOLVERS);
	ck_assert_int_eq(dc_config_parse(&cfg, text, err, sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "line 11: dns_resolver: more than 8 addresses"));
	strcpy(text, NAT_MIN);
	append_lines(text, sizeof(text), "manager = 192.0.2.", 1 + DC_MAX_MANAGERS);
	ck_assert_int_eq(dc_config_parse(&cfg, text, err, sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "line 11: manager: more than 8"));
}
END_TEST

START_TEST(long_line)
{
	static char text[CONF_LINE_MAX + 64];

	strcpy(text, NAT_MIN "# ");
	memset(text + strlen(text), 'x', CONF_LINE_MAX - 3);
	ck_assert_int_eq(dc_config_parse(&cfg, text, err, sizeof(err)), 0);
	strcat(text, "x");
	ck_assert_int_eq(dc_config_parse(&cfg, text, err, sizeof(err)), -1);
	ck_assert_str_eq(err, "line 3: longer than 255 bytes");
}
END_TEST

/* A message cut short still ends in NUL, and no buffer at all is fine. */
START_TEST(small_err_buffer)
{
	char tiny[8];

	memset(tiny, 'z', sizeof(tiny));
	ck_assert_int_eq(dc_config_parse(&cfg, NAT_MIN "x = y\n", tiny,
					 sizeof(tiny)), -1);
	ck_assert_str_eq(tiny, "line 3:");
	ck_assert_int_eq(dc_config_parse(&cfg, "x = y\n", tiny, 3), -1);
	ck_assert_str_eq(tiny, "li");
	ck_assert_int_eq(dc_config_parse(&cfg, "x = y\n", NULL, 0), -1);
}
END_TEST

/* Seeded random lines built from the format's own characters: any result
 * but a crash (the sanitized binary catches overruns) is acceptable. */
START_TEST(hostile_text)
{
	static const char alphabet[] = "honeypot=limit_tcp mode bridge 0123456789"
				       ".#\n\r\t:/\"*abcxyz\xff\x01 =scale";
	char text[600];
	unsigned int seed = 12345;
	int round;

	for (round = 0; round < 20000; round++) {
		random_text(text, sizeof(text), alphabet, &seed);
		err[0] = '\0';
		if (dc_config_parse(&cfg, text, err, sizeof(err)) != 0)
			ck_assert_uint_gt(strlen(err), 0);
	}
}
END_TEST

static void write_file(const char *path, const char *data, size_t n)
{
	FILE *f = fopen(path, "w");

	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(data, 1, n, f), n);
	ck_assert_int_eq(fclose(f), 0);
}

START_TEST(load_files)
{
	char path[] = "/tmp/dc-config-test-XXXXXX";
	static char big[CONF_FILE_MAX + 1];
	int fd = mkstemp(path);

	ck_assert_int_ge(fd, 0);
	close(fd);
	write_file(path, NAT_MIN, strlen(NAT_MIN));
	ck_assert_int_eq(dc_config_load(&cfg, path, err, sizeof(err)), 0);
	write_file(path, NAT_MIN "\0x", strlen(NAT_MIN) + 2);
	ck_assert_int_eq(dc_config_load(&cfg, path, err, sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "contains a NUL byte"));
	memset(big, '#', sizeof(big));
	write_file(path, big, sizeof(big));
	ck_assert_int_eq(dc_config_load(&cfg, path, err, sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "longer than 65536 bytes"));
	unlink(path);
	ck_assert_int_eq(dc_config_load(&cfg, path, err, sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "No such file"));
}
END_TEST

/* The shipped sample must parse, so it cannot drift from the parser. */
START_TEST(example_parses)
{
	char path[512];
	const char *slash = strrchr(__FILE__, '/');
	int dirlen = slash ? (int)(slash - __FILE__) : 1;

	snprintf(path, sizeof(path), "%.*s/../../../tools/honeynet/conf/honeywall.conf.example",
		 dirlen, slash ? __FILE__ : ".");
	ck_assert_msg(dc_config_load(&cfg, path, err, sizeof(err)) == 0, "%s", err);
	ck_assert_str_eq(addr(cfg.honeypot[0].internal_addr), "10.0.0.2");
}
END_TEST

START_TEST(interfaces)
{
	ck_assert_int_eq(dc_config_parse(&cfg, "honeypot = 1.2.3.4 10.0.0.2\n"
					 "outside_if = lo\ninside_if = nosuch-if0\n",
					 err, sizeof(err)), 0);
	ck_assert_int_eq(dc_config_check_interfaces(&cfg, err, sizeof(err)), -1);
	ck_assert_str_eq(err, "inside_if = nosuch-if0: no such interface here");
	strcpy(cfg.honeypot[0].inside_if, "lo");
	ck_assert_int_eq(dc_config_check_interfaces(&cfg, err, sizeof(err)), 0);
	cfg.mode = DC_MODE_BRIDGE;
	ck_assert_int_eq(dc_config_check_interfaces(&cfg, err, sizeof(err)), -1);
	ck_assert_str_eq(err, "bridge_if = br0: no such interface here");
}
END_TEST

Suite *dc_config_suite(void)
{
	Suite *s = suite_create("dc_config");
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, defaults);
	tcase_add_test(tc, every_setting);
	tcase_add_test(tc, honeypots_get_the_globals);
	tcase_add_loop_test(tc, refusals, 0,
			    (int)(sizeof(refused) / sizeof(refused[0])));
	tcase_add_test(tc, list_bounds);
	tcase_add_test(tc, long_line);
	tcase_add_test(tc, small_err_buffer);
	tcase_add_test(tc, hostile_text);
	tcase_add_test(tc, load_files);
	tcase_add_test(tc, example_parses);
	tcase_add_test(tc, interfaces);
	suite_add_tcase(s, tc);
	return s;
}
