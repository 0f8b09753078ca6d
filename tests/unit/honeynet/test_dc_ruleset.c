// SPDX-License-Identifier: GPL-2.0
/* Unit tests: the Data Control nft ruleset against golden files in golden/. */
#include <stdio.h>
#include <string.h>

#include "dc_config.h"
#include "dc_ruleset.h"
#include "suites.h"

#define RULESET_MAX 16384

/* tests/integration/76-ruleset-goldens.sh loads each golden file (`nft -c
 * -f`, then `nft -f`) in a scratch namespace, in make check. */
static const struct {
	const char *golden;
	const char *config;
} cases[] = {
	{ "nat-default.nft",
	  "honeypot = 203.0.113.10 10.0.0.2\noutside_if = outside\n" },
	{ "bridge-default.nft",
	  "mode = bridge\nhoneypot = 203.0.113.10\noutside_if = outside\n" },
	{ "nat-two-honeypots-dns.nft",
	  "honeypot = 203.0.113.10 10.0.0.2\nhoneypot = 203.0.113.11 10.0.0.3\n"
	  "outside_if = eth1\ninside_if = tap1\n"
	  "limit_tcp = 3\nlimit_udp = 4\nlimit_icmp = 5\nlimit_other = 1\n"
	  "scale = minute\nnflog_group = 7\n"
	  "unlogged_group = 9\nlog_rate = 5/minute\nlog_burst = 10\n"
	  "dns_resolver = 203.0.113.53\ndns_resolver = 198.51.100.53\n"
	  "manager = 192.0.2.5\n" },
	{ "bridge-two-honeypots-dns.nft",
	  "mode = bridge\nhoneypot = 203.0.113.10\nhoneypot = 203.0.113.12\n"
	  "outside_if = eth1\ninside_if = tap0\nbridge_if = br-hn\n"
	  "scale = day\ndns_resolver = 203.0.113.53\nmanager = 192.0.2.5\n" },
};

static char golden[RULESET_MAX];
static char rendered[RULESET_MAX];
static struct dc_config cfg;

static void read_golden(const char *name)
{
	const char *slash = strrchr(__FILE__, '/');
	char path[512];
	size_t n;
	FILE *f;

	snprintf(path, sizeof(path), "%.*s/golden/%s",
		 slash ? (int)(slash - __FILE__) : 1, slash ? __FILE__ : ".", name);
	f = fopen(path, "r");
	ck_assert_msg(f != NULL, "cannot open %s", path);
	n = fread(golden, 1, sizeof(golden) - 1, f);
	ck_assert_uint_lt(n, sizeof(golden) - 1);
	golden[n] = '\0';
	fclose(f);
}

static void parse_case(int i)
{
	char err[256];

	ck_assert_msg(dc_config_parse(&cfg, cases[i].config, err, sizeof(err)) == 0,
		      "%s: %s", cases[i].golden, err);
}

START_TEST(matches_golden)
{
	parse_case(_i);
	read_golden(cases[_i].golden);
	ck_assert_int_eq(dc_ruleset_render(&cfg, rendered, sizeof(rendered)), 0);
	ck_assert_msg(strcmp(rendered, golden) == 0,
		      "%s differs; rendered:\n%s", cases[_i].golden, rendered);
}
END_TEST

/* Every length short of the text and its NUL is refused, and the first
 * that fits is accepted: nothing is silently cut. */
START_TEST(buffer_too_small)
{
	size_t need, len;

	parse_case(_i);
	ck_assert_int_eq(dc_ruleset_render(&cfg, rendered, sizeof(rendered)), 0);
	need = strlen(rendered) + 1;
	for (len = 0; len < need; len++)
		ck_assert_int_eq(dc_ruleset_render(&cfg, rendered, len), -1);
	ck_assert_int_eq(dc_ruleset_render(&cfg, rendered, need), 0);
}
END_TEST

/* iptables capped a log prefix at 29 characters; the paper's readers
 * (and ours) expect prefixes no longer than that. */
START_TEST(kernel_prefixes_fit)
{
	const char *p = rendered;

	parse_case(_i);
	ck_assert_int_eq(dc_ruleset_render(&cfg, rendered, sizeof(rendered)), 0);
	while ((p = strstr(p, "log prefix \"")) != NULL) {
		p += strlen("log prefix \"");
		ck_assert_int_le((int)strcspn(p, "\""), 29);
	}
}
END_TEST

START_TEST(delete_script)
{
	ck_assert_str_eq(dc_ruleset_delete_script(),
			 "table inet honeynet_dc\n"
			 "delete table inet honeynet_dc\n"
			 "table bridge honeynet_dc_br\n"
			 "delete table bridge honeynet_dc_br\n");
}
END_TEST

Suite *dc_ruleset_suite(void)
{
	Suite *s = suite_create("dc_ruleset");
	TCase *tc = tcase_create("render");
	int n = (int)(sizeof(cases) / sizeof(cases[0]));

	tcase_add_loop_test(tc, matches_golden, 0, n);
	tcase_add_loop_test(tc, buffer_too_small, 0, n);
	tcase_add_loop_test(tc, kernel_prefixes_fit, 0, n);
	tcase_add_test(tc, delete_script);
	suite_add_tcase(s, tc);
	return s;
}
