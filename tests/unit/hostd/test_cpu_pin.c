// SPDX-License-Identifier: GPL-2.0
/* Unit tests: --cpu parsing, hostd moved off the guest's CPU, the child pinned to it. */
#include <check.h>
#include <sched.h>
#include <string.h>

#include "cpu_pin.h"
#include "suites.h"

START_TEST(option)
{
	static const char *const bad[] = { "", "x", "-1", "1024", "1.5", "0x1" };
	char why[128];
	int cpu = CPU_PIN_AUTO;
	size_t i;

	ck_assert_int_eq(cpu_pin_opt(&cpu, "3", why, sizeof(why)), 0);
	ck_assert_int_eq(cpu, 3);
	ck_assert_int_eq(cpu_pin_opt(&cpu, "any", why, sizeof(why)), 0);
	ck_assert_int_eq(cpu, CPU_PIN_ANY);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		ck_assert_msg(cpu_pin_opt(&cpu, bad[i], why, sizeof(why)) < 0, "%s", bad[i]);
	ck_assert_str_eq(why, "--cpu 0x1: expected a CPU number (0..1023) or any");
	ck_assert_int_eq(cpu, CPU_PIN_ANY);
}
END_TEST

static int last_of(const cpu_set_t *set)
{
	int i;

	for (i = CPU_SETSIZE - 1; !CPU_ISSET(i, set); i--)
		;
	return i;
}

/* Check forks each test: the affinity changes stay in its process. */
START_TEST(plan_auto_moves_hostd_off)
{
	cpu_set_t before, after;
	int cpu = CPU_PIN_AUTO;

	ck_assert_int_eq(sched_getaffinity(0, sizeof(before), &before), 0);
	ck_assert_int_eq(cpu_pin_plan(&cpu), 0);
	ck_assert_int_eq(cpu, last_of(&before));
	ck_assert_int_eq(sched_getaffinity(0, sizeof(after), &after), 0);
	if (CPU_COUNT(&before) == 1) {
		ck_assert(CPU_EQUAL(&before, &after));
		return;
	}
	ck_assert(!CPU_ISSET(cpu, &after));
	ck_assert_int_eq(CPU_COUNT(&after), CPU_COUNT(&before) - 1);
}
END_TEST

START_TEST(plan_refuses_a_foreign_cpu)
{
	cpu_set_t set;
	int cpu;

	ck_assert_int_eq(sched_getaffinity(0, sizeof(set), &set), 0);
	cpu = last_of(&set) + 1;
	ck_assert_int_eq(cpu_pin_plan(&cpu), -1);
	cpu = CPU_PIN_ANY;
	ck_assert_int_eq(cpu_pin_plan(&cpu), 0);
	ck_assert_int_eq(cpu, CPU_PIN_ANY);
}
END_TEST

START_TEST(self_pinned)
{
	cpu_set_t set;
	int cpu;

	ck_assert_int_eq(sched_getaffinity(0, sizeof(set), &set), 0);
	cpu = last_of(&set);
	ck_assert_int_eq(cpu_pin_self(cpu), 0);
	ck_assert_int_eq(sched_getaffinity(0, sizeof(set), &set), 0);
	ck_assert_int_eq(CPU_COUNT(&set), 1);
	ck_assert(CPU_ISSET(cpu, &set));
	ck_assert_int_eq(cpu_pin_self(CPU_PIN_ANY), 0);
	ck_assert_int_eq(sched_getaffinity(0, sizeof(set), &set), 0);
	ck_assert_int_eq(CPU_COUNT(&set), 1);
}
END_TEST

Suite *cpu_pin_suite(void)
{
	Suite *s = suite_create("cpu_pin");
	TCase *tc = tcase_create("cpu_pin");

	tcase_add_test(tc, option);
	tcase_add_test(tc, plan_auto_moves_hostd_off);
	tcase_add_test(tc, plan_refuses_a_foreign_cpu);
	tcase_add_test(tc, self_pinned);
	suite_add_tcase(s, tc);
	return s;
}
