/* Unit tests: the lab's NAT ruleset against its golden text. */
#include <string.h>

#include "lab_net.h"
#include "suites.h"

static const char golden[] =
	"table ip honeynet_nat\n"
	"delete table ip honeynet_nat\n"
	"table ip honeynet_nat {\n"
	"\tchain prerouting {\n"
	"\t\ttype nat hook prerouting priority dstnat;\n"
	"\t\tip daddr 203.0.113.10 dnat to 10.0.0.2\n"
	"\t}\n"
	"\tchain postrouting {\n"
	"\t\ttype nat hook postrouting priority srcnat;\n"
	"\t\tip saddr 10.0.0.2 snat to 203.0.113.10\n"
	"\t}\n"
	"}\n";

START_TEST(nat_golden)
{
	char buf[1024];

	ck_assert_int_eq(lab_net_nat_rules(buf, sizeof(buf)), 0);
	ck_assert_str_eq(buf, golden);
}
END_TEST

START_TEST(nat_too_small)
{
	char buf[64];

	ck_assert_int_eq(lab_net_nat_rules(buf, sizeof(buf)), -1);
}
END_TEST

Suite *lab_net_suite(void)
{
	Suite *s = suite_create("lab_net");
	TCase *tc = tcase_create("nat");

	tcase_add_test(tc, nat_golden);
	tcase_add_test(tc, nat_too_small);
	suite_add_tcase(s, tc);
	return s;
}
