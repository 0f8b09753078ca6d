// SPDX-License-Identifier: GPL-2.0
/* Unit tests: the lab's honeywall config in each mode, through the operator's parser. */
#include <string.h>

#include "dc_config.h"
#include "dc_ruleset.h"
#include "lab_dc.h"
#include "suites.h"

static void parse_mode(enum lab_mode mode, struct dc_config *cfg)
{
	char text[1024], err[512] = "";

	ck_assert_int_eq(lab_dc_config_text(mode, text, sizeof(text)), 0);
	ck_assert_msg(dc_config_parse(cfg, text, err, sizeof(err)) == 0,
		      "lab config refused: %s", err);
}

START_TEST(nat_config)
{
	struct dc_config cfg;
	static char rules[32768];

	parse_mode(LAB_MODE_NAT, &cfg);
	ck_assert_int_eq(cfg.mode, DC_MODE_NAT);
	ck_assert_uint_eq(cfg.n_honeypots, 1);
	ck_assert(cfg.honeypot[0].has_internal);
	ck_assert_str_eq(cfg.outside_if, "outside");
	ck_assert_str_eq(cfg.inside_if, "tap0");
	/* The paper's limits: the lab keeps the defaults. */
	ck_assert_uint_eq(cfg.limit[DC_PROTO_TCP], 9);
	ck_assert_uint_eq(cfg.limit[DC_PROTO_UDP], 20);
	ck_assert_uint_eq(cfg.limit[DC_PROTO_ICMP], 50);
	ck_assert_uint_eq(cfg.limit[DC_PROTO_OTHER], 10);
	ck_assert_int_eq(dc_ruleset_render(&cfg, rules, sizeof(rules)), 0);
	ck_assert_ptr_nonnull(strstr(rules, "dnat"));
}
END_TEST

START_TEST(bridge_config)
{
	struct dc_config cfg;
	static char rules[32768];

	parse_mode(LAB_MODE_BRIDGE, &cfg);
	ck_assert_int_eq(cfg.mode, DC_MODE_BRIDGE);
	ck_assert(!cfg.honeypot[0].has_internal);
	ck_assert_str_eq(cfg.bridge_if, "br0");
	ck_assert_int_eq(dc_ruleset_render(&cfg, rules, sizeof(rules)), 0);
	ck_assert_ptr_null(strstr(rules, "dnat"));
	ck_assert_ptr_nonnull(strstr(rules, "table bridge"));
}
END_TEST

START_TEST(text_too_small)
{
	char buf[16];

	ck_assert_int_eq(lab_dc_config_text(LAB_MODE_NAT, buf, sizeof(buf)), -1);
	ck_assert_int_eq(lab_dc_config_text(LAB_MODE_BRIDGE, buf, sizeof(buf)), -1);
}
END_TEST

Suite *lab_dc_suite(void)
{
	Suite *s = suite_create("lab_dc");
	TCase *tc = tcase_create("lab_dc");

	tcase_add_test(tc, nat_config);
	tcase_add_test(tc, bridge_config);
	tcase_add_test(tc, text_too_small);
	suite_add_tcase(s, tc);
	return s;
}
