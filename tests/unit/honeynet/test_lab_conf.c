// SPDX-License-Identifier: GPL-2.0
/* Unit tests: the lab's honeynet.conf in each mode, through the operator's parser. */
#include <string.h>

#include "dc_ruleset.h"
#include "lab_conf.h"
#include "suites.h"

static void lab_cfg(struct lab_config *cfg, enum lab_mode mode)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->mode = mode;
	cfg->mem_mb = 384;
	strcpy(cfg->rootfs, "/b/root_fs");
	strcpy(cfg->persona, "/r/persona/proc");
}

START_TEST(nat_config)
{
	static struct honeynet_conf conf;
	static char rules[DC_RULESET_MAX];
	char text[LAB_CONF_TEXT_MAX];
	struct lab_config cfg;

	lab_cfg(&cfg, LAB_MODE_NAT);
	ck_assert_int_eq(lab_conf_make(&conf, &cfg, text, sizeof(text)), 0);
	/* The text saved in the run is the one parsed. */
	ck_assert_ptr_nonnull(strstr(text, "tap = tap0\nroot_fs = /b/root_fs\n"));
	ck_assert_int_eq(conf.dc.mode, DC_MODE_NAT);
	ck_assert_uint_eq(conf.n_honeypots, 1);
	ck_assert(conf.dc.honeypot[0].has_internal);
	ck_assert_str_eq(conf.dc.outside_if, "outside");
	ck_assert_str_eq(conf.honeypot[0].tap, "tap0");
	ck_assert_str_eq(conf.honeypot[0].root_fs, "/b/root_fs");
	ck_assert_uint_eq(conf.honeypot[0].mem_mb, 384);
	ck_assert_uint_eq(conf.honeypot[0].jail_uid, 64200);
	ck_assert_int_eq(conf.honeypot[0].cpu, HN_CPU_UNSET);
	/* The paper's limits and hostd's groups: the lab keeps the defaults. */
	ck_assert_uint_eq(conf.honeypot[0].limit[DC_PROTO_TCP], 9);
	ck_assert_uint_eq(conf.honeypot[0].limit[DC_PROTO_UDP], 20);
	ck_assert_uint_eq(conf.honeypot[0].limit[DC_PROTO_ICMP], 50);
	ck_assert_uint_eq(conf.honeypot[0].limit[DC_PROTO_OTHER], 10);
	ck_assert_uint_eq(conf.dc.honeypot[0].nflog_group, 5);
	ck_assert_uint_eq(conf.dc.honeypot[0].unlogged_group, 6);
	ck_assert_int_eq(dc_ruleset_render(&conf.dc, rules, sizeof(rules)), 0);
	ck_assert_ptr_nonnull(strstr(rules, "dnat"));
	ck_assert_ptr_nonnull(strstr(rules, "\"tap0\""));
}
END_TEST

START_TEST(bridge_config)
{
	static struct honeynet_conf conf;
	static char rules[DC_RULESET_MAX];
	char text[LAB_CONF_TEXT_MAX];
	struct lab_config cfg;

	lab_cfg(&cfg, LAB_MODE_BRIDGE);
	strcpy(cfg.cpu, "any");
	ck_assert_int_eq(lab_conf_make(&conf, &cfg, text, sizeof(text)), 0);
	ck_assert_int_eq(conf.dc.mode, DC_MODE_BRIDGE);
	ck_assert(!conf.dc.honeypot[0].has_internal);
	ck_assert_str_eq(conf.dc.bridge_if, "br0");
	ck_assert_int_eq(conf.honeypot[0].cpu, HN_CPU_ANY);
	ck_assert_int_eq(dc_ruleset_render(&conf.dc, rules, sizeof(rules)), 0);
	ck_assert_ptr_null(strstr(rules, "dnat"));
	ck_assert_ptr_nonnull(strstr(rules, "table bridge"));
}
END_TEST

/* A config names files by absolute path, and the text must fit. */
START_TEST(text_refused)
{
	struct lab_config cfg;
	char buf[16], big[LAB_CONF_TEXT_MAX];

	lab_cfg(&cfg, LAB_MODE_NAT);
	ck_assert_int_eq(lab_conf_text(&cfg, buf, sizeof(buf)), -1);
	ck_assert_int_eq(lab_conf_text(&cfg, big, sizeof(big)), 0);
	strcpy(cfg.rootfs, "build/root_fs");
	ck_assert_int_eq(lab_conf_text(&cfg, big, sizeof(big)), -1);
}
END_TEST

Suite *lab_conf_suite(void)
{
	Suite *s = suite_create("lab_conf");
	TCase *tc = tcase_create("lab_conf");

	tcase_add_test(tc, nat_config);
	tcase_add_test(tc, bridge_config);
	tcase_add_test(tc, text_refused);
	suite_add_tcase(s, tc);
	return s;
}
