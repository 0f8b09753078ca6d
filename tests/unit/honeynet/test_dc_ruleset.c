// SPDX-License-Identifier: GPL-2.0
/* Unit tests: the Data Control nft ruleset against golden files in golden/. */
#include <stdio.h>
#include <string.h>

#include "dc_config.h"
#include "dc_ruleset.h"
#include "honeynet_conf.h"
#include "suites.h"

#define RULESET_MAX 65536

/* Two honeypots in a honeynet.conf, each with its own tap, limits and
 * groups: web on its default tap with its own TCP limit, db on a tap it
 * names with its own groups. */
#define HN_NAT "mode = nat\noutside_if = eth1\nlimit_udp = 4\n" \
	"dns_resolver = 203.0.113.53\nmanager = 192.0.2.5\n" \
	"[honeypot web]\npublic = 203.0.113.10\ninternal = 10.0.0.2\n" \
	"root_fs = /r\npersona = /p\nlimit_tcp = 3\n" \
	"[honeypot db]\npublic = 203.0.113.11\ninternal = 10.0.0.3\n" \
	"root_fs = /r\npersona = /p\ntap = tap-db\nnflog_group = 20\nunlogged_group = 21\n"
#define HN_BRIDGE "mode = bridge\noutside_if = eth1\nbridge_if = br-hn\n" \
	"gateway = 203.0.113.1\nscale = minute\n" \
	"[honeypot web]\npublic = 203.0.113.10\nroot_fs = /r\npersona = /p\n" \
	"[honeypot db]\npublic = 203.0.113.12\nroot_fs = /r\npersona = /p\n" \
	"tap = tap-db\nlimit_icmp = 5\n"

/* tests/integration/76-ruleset-goldens.sh loads each golden file (`nft -c
 * -f`, then `nft -f`) in a scratch namespace, in make check; a case with
 * honeynet set is a honeynet.conf, the others honeywall.confs. */
static const struct {
	const char *golden;
	const char *config;
	int honeynet;
} cases[] = {
	{ "nat-default.nft",
	  "honeypot = 203.0.113.10 10.0.0.2\noutside_if = outside\n", 0 },
	{ "bridge-default.nft",
	  "mode = bridge\nhoneypot = 203.0.113.10\noutside_if = outside\n", 0 },
	{ "nat-two-honeypots-dns.nft",
	  "honeypot = 203.0.113.10 10.0.0.2\nhoneypot = 203.0.113.11 10.0.0.3\n"
	  "outside_if = eth1\ninside_if = tap1\n"
	  "limit_tcp = 3\nlimit_udp = 4\nlimit_icmp = 5\nlimit_other = 1\n"
	  "scale = minute\nnflog_group = 7\n"
	  "unlogged_group = 9\nlog_rate = 5/minute\nlog_burst = 10\n"
	  "dns_resolver = 203.0.113.53\ndns_resolver = 198.51.100.53\n"
	  "manager = 192.0.2.5\n", 0 },
	{ "bridge-two-honeypots-dns.nft",
	  "mode = bridge\nhoneypot = 203.0.113.10\nhoneypot = 203.0.113.12\n"
	  "outside_if = eth1\ninside_if = tap0\nbridge_if = br-hn\n"
	  "scale = day\ndns_resolver = 203.0.113.53\nmanager = 192.0.2.5\n", 0 },
	{ "nat-honeynet-two.nft", HN_NAT, 1 },
	{ "bridge-honeynet-two.nft", HN_BRIDGE, 1 },
};

static char golden[RULESET_MAX];
static char rendered[RULESET_MAX];
static struct dc_config cfg;
static struct honeynet_conf conf;

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

/* A honeynet.conf's Data Control is its dc, what honeynet up renders. */
static void parse_case(int i)
{
	char err[256];

	if (cases[i].honeynet) {
		ck_assert_msg(honeynet_conf_parse(&conf, "t.conf", cases[i].config, err,
						  sizeof(err)) == 0, "%s: %s", cases[i].golden, err);
		cfg = conf.dc;
		return;
	}
	ck_assert_msg(dc_config_parse(&cfg, cases[i].config, err, sizeof(err)) == 0,
		      "%s: %s", cases[i].golden, err);
}

static void render_text(const char *text, int honeynet)
{
	char err[256];

	if (honeynet) {
		ck_assert_msg(honeynet_conf_parse(&conf, "t.conf", text, err, sizeof(err)) == 0,
			      "%s", err);
		cfg = conf.dc;
	} else {
		ck_assert_msg(dc_config_parse(&cfg, text, err, sizeof(err)) == 0, "%s", err);
	}
	ck_assert_int_eq(dc_ruleset_render(&cfg, rendered, sizeof(rendered)), 0);
}

/* Whether the rendered ruleset has line (without its tabs) in it. */
static void assert_line(const char *line)
{
	const char *p = rendered;
	size_t n = strlen(line);

	while ((p = strstr(p, line)) != NULL) {
		if ((p == rendered || p[-1] == '\t') && p[n] == '\n')
			return;
		p += n;
	}
	ck_abort_msg("no line \"%s\" in:\n%s", line, rendered);
}

/* Whether chain name of table ("inet" or "bridge": both have a forward
 * chain), its text up to its closing brace, holds text. */
static void assert_in_chain(const char *table, const char *name, const char *text)
{
	char head[96];
	const char *start, *end;

	snprintf(head, sizeof(head), "table %s %s {\n", table,
		 strcmp(table, "inet") ? DC_TABLE_BR : DC_TABLE);
	start = strstr(rendered, head);
	ck_assert_msg(start != NULL, "no table %s", table);
	end = strstr(start, "\n}\n");
	ck_assert_ptr_nonnull(end);
	snprintf(head, sizeof(head), "\tchain %s {\n", name);
	start = memmem(start, (size_t)(end - start), head, strlen(head));
	ck_assert_msg(start != NULL, "no chain %s in table %s", name, table);
	end = strstr(start, "\n\t}\n");
	ck_assert_ptr_nonnull(end);
	ck_assert_msg(memmem(start, (size_t)(end - start), text, strlen(text)) != NULL,
		      "chain %s lacks \"%s\"", name, text);
}

static void assert_absent(const char *text)
{
	ck_assert_msg(strstr(rendered, text) == NULL, "\"%s\" rendered", text);
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

/* NAT: each honeypot's tap, address, limits and groups in its own rules
 * and chains; what comes from a tap any other way is that honeypot's stray. */
START_TEST(per_honeypot_nat)
{
	render_text(HN_NAT, 1);
	assert_line("iifname \"eth1\" oifname \"hn-web\" ip daddr 10.0.0.2 ct state new jump h0_inbound");
	assert_line("iifname \"hn-web\" oifname \"eth1\" ip saddr 10.0.0.2 ct state new jump h0_outbound");
	assert_line("iifname \"eth1\" oifname \"tap-db\" ip daddr 10.0.0.3 ct state new jump h1_inbound");
	assert_line("iifname \"tap-db\" oifname \"eth1\" ip saddr 10.0.0.3 ct state new jump h1_outbound");
	assert_in_chain("inet", "forward", "iifname \"hn-web\" goto h0_log_out_stray_drop");
	assert_in_chain("inet", "forward", "iifname \"tap-db\" goto h1_log_out_stray_drop");
	assert_in_chain("inet", "input", "iifname \"hn-web\" goto h0_log_out_wall_drop");
	assert_in_chain("inet", "input", "iifname \"tap-db\" goto h1_log_out_wall_drop");
	/* web's own TCP limit, the global UDP one for both, db's default TCP. */
	assert_in_chain("inet", "h0_outbound", "add @out_tcp { ip saddr limit rate over 3/hour burst 3 packets } goto h0_log_out_tcp_drop");
	assert_in_chain("inet", "h1_outbound", "add @out_tcp { ip saddr limit rate over 9/hour burst 9 packets } goto h1_log_out_tcp_drop");
	assert_in_chain("inet", "h0_outbound", "add @out_udp { ip saddr limit rate over 4/hour");
	assert_in_chain("inet", "h1_outbound", "add @out_udp { ip saddr limit rate over 4/hour");
	assert_in_chain("inet", "h1_outbound", "th dport 53 goto h1_log_out_dns_allow");
	assert_in_chain("inet", "h1_inbound", "meta l4proto udp goto h1_log_in_udp_allow");
	/* web's default groups 5/6, db's own 20/21, each on its own bucket. */
	assert_in_chain("inet", "h0_log_in_udp_allow", "limit name \"h0_log_in\" counter name \"h0_logged_in_udp_allow\"");
	assert_in_chain("inet", "h0_log_in_udp_allow", "log group 5 prefix \"hn in udp allow\" accept");
	assert_in_chain("inet", "h0_log_in_udp_allow", "counter name \"h0_unlogged_in_udp_allow\" log group 6 snaplen 0");
	assert_in_chain("inet", "h1_log_out_tcp_drop", "limit name \"h1_log_out\" counter name \"h1_logged_out_tcp_drop\"");
	assert_in_chain("inet", "h1_log_out_tcp_drop", "log group 20 prefix \"hn out tcp drop\" drop");
	assert_in_chain("inet", "h1_log_out_tcp_drop", "log group 21 snaplen 0");
	assert_line("limit h1_log_in {");
	assert_line("counter h1_unlogged_out_stray_drop { }");
	assert_line("iifname \"eth1\" ip daddr 203.0.113.11 dnat ip to 10.0.0.3");
	assert_line("oifname \"eth1\" ip saddr 10.0.0.3 snat ip to 203.0.113.11");
	assert_absent("log group 7 ");
	assert_absent("@honeypots");
}
END_TEST

/* Bridge: each tap may send only from its own honeypot's address, and
 * only to the outside port; the inet table tells honeypots apart by address. */
START_TEST(per_honeypot_bridge)
{
	render_text(HN_BRIDGE, 1);
	assert_line("iifname \"br-hn\" oifname \"br-hn\" ip daddr 203.0.113.12 ct state new jump h1_inbound");
	assert_line("iifname \"br-hn\" oifname \"br-hn\" ip saddr 203.0.113.10 ct state new jump h0_outbound");
	assert_in_chain("inet", "input", "ip saddr 203.0.113.10 goto h0_log_out_wall_drop");
	assert_in_chain("inet", "input", "ip saddr 203.0.113.12 goto h1_log_out_wall_drop");
	assert_in_chain("inet", "h1_outbound", "add @out_icmp { ip saddr limit rate over 5/minute burst 5 packets }");
	assert_in_chain("inet", "h0_outbound", "add @out_icmp { ip saddr limit rate over 50/minute burst 50 packets }");
	assert_in_chain("bridge", "prerouting", "iifname \"hn-web\" ether type ip ip saddr 203.0.113.10 accept");
	assert_in_chain("bridge", "prerouting", "iifname \"tap-db\" ether type arp arp saddr ip 203.0.113.12 accept");
	assert_in_chain("bridge", "prerouting", "iifname \"tap-db\" goto h1_log_out_stray_drop");
	assert_in_chain("bridge", "prerouting", "iifname \"eth1\" ether type ip ip saddr @honeypots drop");
	assert_absent("iifname \"tap-db\" ether type ip ip saddr 203.0.113.10");
	assert_in_chain("bridge", "ports", "iifname \"hn-web\" oifname != \"eth1\" ether type ip goto h0_log_out_stray_drop");
	assert_in_chain("bridge", "ports", "iifname \"tap-db\" oifname != \"eth1\" drop");
	assert_in_chain("bridge", "forward", "oifname \"tap-db\" goto h1_log_in_unfiltered_drop");
	assert_in_chain("bridge", "forward", "iifname \"hn-web\" goto h0_log_out_unfiltered_drop");
	assert_in_chain("bridge", "h1_log_in_unfiltered_drop", "log group 7 prefix \"hn in unfiltered drop\" drop");
	assert_in_chain("bridge", "h1_log_in_unfiltered_drop", "log group 8 snaplen 0");
	assert_absent("dnat");
}
END_TEST

/* honeywall.conf's honeypots share its one tap: each has its own chains
 * and jumps, and the tap-wide rules come once, after every honeypot's own. */
START_TEST(shared_tap)
{
	const char *stray;

	render_text("honeypot = 203.0.113.10 10.0.0.2\nhoneypot = 203.0.113.11 10.0.0.3\n"
		    "outside_if = eth1\n", 0);
	assert_line("iifname \"tap0\" oifname \"eth1\" ip saddr 10.0.0.3 ct state new jump h1_outbound");
	stray = strstr(rendered, "iifname \"tap0\" goto h0_log_out_stray_drop");
	ck_assert_ptr_nonnull(stray);
	ck_assert_ptr_null(strstr(stray, "jump h1_outbound"));
	assert_absent("goto h1_log_out_stray_drop");
	assert_absent("goto h1_log_out_wall_drop");
	assert_in_chain("inet", "h1_log_out_tcp_allow", "log group 5 prefix");
	render_text("mode = bridge\nhoneypot = 203.0.113.10\nhoneypot = 203.0.113.11\n"
		    "outside_if = eth1\n", 0);
	stray = strstr(rendered, "iifname \"tap0\" goto h0_log_out_stray_drop");
	ck_assert_ptr_nonnull(stray);
	ck_assert_ptr_null(strstr(stray, "arp saddr ip 203.0.113.11 accept"));
	assert_in_chain("inet", "input", "ip saddr 203.0.113.11 goto h1_log_out_wall_drop");
}
END_TEST

/* Sixteen honeypots, each with every log point, fit DC_RULESET_MAX. */
START_TEST(sixteen_fit)
{
	static char text[8192], big[DC_RULESET_MAX];
	char err[256];
	int i;

	snprintf(text, sizeof(text), "mode = nat\noutside_if = eth1\n");
	for (i = 1; i <= DC_MAX_HONEYPOTS; i++)
		snprintf(text + strlen(text), sizeof(text) - strlen(text),
			 "[honeypot h%d]\npublic = 203.0.113.%d\ninternal = 10.0.0.%d\n"
			 "root_fs = /r\npersona = /p\n", i, i, i + 1);
	ck_assert_msg(honeynet_conf_parse(&conf, "t.conf", text, err, sizeof(err)) == 0, "%s", err);
	ck_assert_int_eq(dc_ruleset_render(&conf.dc, big, sizeof(big)), 0);
	ck_assert_ptr_nonnull(strstr(big, "chain h15_log_out_other_allow {"));
	ck_assert_ptr_nonnull(strstr(big, "log group 35 prefix"));
	ck_assert_ptr_nonnull(strstr(big, "log group 36 snaplen 0"));
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
	tcase_add_test(tc, per_honeypot_nat);
	tcase_add_test(tc, per_honeypot_bridge);
	tcase_add_test(tc, shared_tap);
	tcase_add_test(tc, sixteen_fit);
	tcase_add_test(tc, delete_script);
	suite_add_tcase(s, tc);
	return s;
}
