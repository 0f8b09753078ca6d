/* SPDX-License-Identifier: GPL-2.0 */
/* The guest's /proc/cpuinfo, derived from the host's for one virtual CPU. */
#ifndef PERSONA_CPUINFO_H
#define PERSONA_CPUINFO_H

#include <stddef.h>

/* Enough for one x86 CPU's block, flags and bugs included. */
#define CPUINFO_MAX 16384

/*
 * From the host's /proc/cpuinfo text host[0..len), writes to out the one
 * block a Debian KVM guest with one vCPU on that CPU shows: processor 0's
 * fields in x86's order, one core and one sibling, no "vmx flags" line,
 * and "hypervisor" among the flags. Nothing else of the host's is copied.
 * Returns the length written, or -1 with err naming what is missing.
 */
int persona_cpuinfo(const char *host, size_t len, char *out, size_t cap,
		    char *err, size_t errlen);

#endif
