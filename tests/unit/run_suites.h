/* SPDX-License-Identifier: GPL-2.0 */
/* The one Check runner every unit test binary's main calls. */
#ifndef RUN_SUITES_H
#define RUN_SUITES_H

#include <check.h>
#include <stddef.h>

typedef Suite *(*suite_fn)(void);

/* Runs every suite; returns the exit status (0 only if every test passed). */
int run_suites(const suite_fn *suites, size_t n);

#define RUN_SUITES(...) \
	run_suites((const suite_fn[]){ __VA_ARGS__ }, \
		   sizeof((const suite_fn[]){ __VA_ARGS__ }) / sizeof(suite_fn))

#endif
