// SPDX-License-Identifier: GPL-2.0
/* One host CPU for the guest: choosing it, moving hostd off it, pinning the jail's child to it. */
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cpu_pin.h"
#include "parse_uint.h"
#include "report.h"

/*
 * Why one CPU: every guest system call is a ptrace round trip between the
 * kernel process and the process that runs guest code; on two CPUs each
 * trip is a cross-CPU wake-up, about five times slower (BENCHMARKS.md).
 * The guest cannot move itself back: sched_setaffinity is not in the
 * jail's seccomp allow-list (jail_seccomp.c).
 */

int cpu_pin_opt(int *cpu, const char *s, char *why, size_t whylen)
{
	unsigned int v;

	if (strcmp(s, "any") == 0) {
		*cpu = CPU_PIN_ANY;
		return 0;
	}
	if (parse_uint(s, 0, CPU_SETSIZE - 1, &v) < 0) {
		snprintf(why, whylen, "--cpu %s: expected a CPU number (0..%d) or any", s,
			 CPU_SETSIZE - 1);
		return -1;
	}
	*cpu = (int)v;
	return 0;
}

/* The highest CPU in set: CPU 0 tends to take the host's interrupts and housekeeping. */
static int last_cpu(const cpu_set_t *set)
{
	int i;

	for (i = CPU_SETSIZE - 1; i >= 0; i--)
		if (CPU_ISSET(i, set))
			return i;
	return -1;
}

int cpu_pin_plan(int *cpu)
{
	cpu_set_t set;

	if (*cpu == CPU_PIN_ANY)
		return 0;
	if (sched_getaffinity(0, sizeof(set), &set) < 0) {
		report("sched_getaffinity: %s; guest not started", strerror(errno));
		return -1;
	}
	if (*cpu == CPU_PIN_AUTO)
		*cpu = last_cpu(&set);
	if (*cpu < 0 || !CPU_ISSET(*cpu, &set)) {
		report("--cpu %d: not one of the CPUs hostd may use (taskset -p %ld); guest not started",
		       *cpu, (long)getpid());
		return -1;
	}
	if (CPU_COUNT(&set) == 1)
		return 0;
	CPU_CLR(*cpu, &set);
	if (sched_setaffinity(0, sizeof(set), &set) < 0) {
		report("sched_setaffinity: hostd off CPU %d: %s; guest not started", *cpu,
		       strerror(errno));
		return -1;
	}
	return 0;
}

int cpu_pin_self(int cpu)
{
	cpu_set_t set;

	if (cpu < 0)
		return 0;
	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	return sched_setaffinity(0, sizeof(set), &set);
}
