/* SPDX-License-Identifier: GPL-2.0 */
/* One host CPU for the guest: choosing it, moving hostd off it, pinning the jail's child to it. */
#ifndef CPU_PIN_H
#define CPU_PIN_H

#include <stddef.h>

/* --cpu's default: the last CPU hostd may run on. */
#define CPU_PIN_AUTO (-1)
/* --cpu any: the guest is not pinned (for benchmarks). */
#define CPU_PIN_ANY (-2)

/* --cpu N|any. Returns 0, or -1 with why ("--cpu x: expected a CPU number or any"). */
int cpu_pin_opt(int *cpu, const char *s, char *why, size_t whylen);

/*
 * Before any thread or child of hostd exists: turns CPU_PIN_AUTO into a
 * CPU, checks that a given one is among hostd's, and moves hostd to the
 * others when there are others (its threads and children inherit that).
 * Returns 0, or -1 after saying why.
 */
int cpu_pin_plan(int *cpu);

/* In the guest's child, before the kernel runs: only CPU (nothing for CPU_PIN_ANY). 0, or -1 with errno. */
int cpu_pin_self(int cpu);

#endif
