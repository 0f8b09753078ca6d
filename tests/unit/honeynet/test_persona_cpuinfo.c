// SPDX-License-Identifier: GPL-2.0
/* Unit tests: the guest's cpuinfo from a host's, against golden/cpuinfo-*. */
#include <stdio.h>
#include <string.h>

#include "persona_cpuinfo.h"
#include "suites.h"

static char host[65536], want[CPUINFO_MAX], got[CPUINFO_MAX], err[160];

static size_t read_golden(const char *name, char *buf, size_t cap)
{
	char path[512];
	size_t n;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", GOLDEN_DIR, name);
	f = fopen(path, "r");
	ck_assert_msg(f != NULL, "cannot open %s", path);
	n = fread(buf, 1, cap - 1, f);
	ck_assert_uint_lt(n, cap - 1);
	fclose(f);
	buf[n] = '\0';
	return n;
}

static const char *const cpus[] = { "intel", "amd" };

START_TEST(golden)
{
	char name[64];
	size_t hlen, wlen;
	int n;

	snprintf(name, sizeof(name), "cpuinfo-%s.in", cpus[_i]);
	hlen = read_golden(name, host, sizeof(host));
	snprintf(name, sizeof(name), "cpuinfo-%s.out", cpus[_i]);
	wlen = read_golden(name, want, sizeof(want));
	n = persona_cpuinfo(host, hlen, got, sizeof(got), err, sizeof(err));
	ck_assert_msg(n >= 0, "%s", err);
	got[n] = '\0';
	ck_assert_uint_eq((size_t)n, wlen);
	ck_assert_str_eq(got, want);
}
END_TEST

START_TEST(hypervisor_once)
{
	static const char in[] = "processor\t: 0\nvendor_id\t: V\n"
		"cpu family\t: 6\nmodel\t\t: 1\nmodel name\t: M\n"
		"flags\t\t: fpu rdrand hypervisor lahf_lm\n\n";
	static const char out[] = "processor\t: 0\nvendor_id\t: V\n"
		"cpu family\t: 6\nmodel\t\t: 1\nmodel name\t: M\n"
		"flags\t\t: fpu rdrand hypervisor lahf_lm\n\n";
	int n = persona_cpuinfo(in, strlen(in), got, sizeof(got), err,
				sizeof(err));

	ck_assert_int_eq(n, (int)strlen(out));
	ck_assert_mem_eq(got, out, (size_t)n);
}
END_TEST

START_TEST(hypervisor_last_without_leaf1)
{
	static const char in[] = "processor\t: 3\nvendor_id\t: V\n"
		"cpu family\t: 6\nmodel\t\t: 1\nmodel name\t: M\n"
		"flags\t\t: fpu lm\n";
	int n = persona_cpuinfo(in, strlen(in), got, sizeof(got), err,
				sizeof(err));

	ck_assert_int_ge(n, 0);
	got[n] = '\0';
	ck_assert_ptr_nonnull(strstr(got, "processor\t: 0\n"));
	ck_assert_ptr_nonnull(strstr(got, "flags\t\t: fpu lm hypervisor\n\n"));
}
END_TEST

START_TEST(not_x86)
{
	static const char in[] = "processor\t: 0\nBogoMIPS\t: 50.00\n"
		"Features\t: fp asimd\nCPU implementer\t: 0x41\n\n";

	ck_assert_int_eq(persona_cpuinfo(in, strlen(in), got, sizeof(got),
					 err, sizeof(err)), -1);
	ck_assert_str_eq(err, "no \"vendor_id\" line for processor 0; is this an x86 host?");
}
END_TEST

START_TEST(too_small)
{
	size_t hlen = read_golden("cpuinfo-intel.in", host, sizeof(host));

	ck_assert_int_eq(persona_cpuinfo(host, hlen, got, 512, err,
					 sizeof(err)), -1);
	ck_assert_str_eq(err, "more than 512 bytes for one CPU");
}
END_TEST

Suite *persona_cpuinfo_suite(void)
{
	Suite *s = suite_create("persona_cpuinfo");
	TCase *tc = tcase_create("cpuinfo");

	tcase_add_loop_test(tc, golden, 0, sizeof(cpus) / sizeof(cpus[0]));
	tcase_add_test(tc, hypervisor_once);
	tcase_add_test(tc, hypervisor_last_without_leaf1);
	tcase_add_test(tc, not_x86);
	tcase_add_test(tc, too_small);
	suite_add_tcase(s, tc);
	return s;
}
