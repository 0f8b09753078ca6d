// SPDX-License-Identifier: GPL-2.0
/* The one Check runner every unit test binary's main calls. */
#include <stdlib.h>

#include "run_suites.h"

int run_suites(const suite_fn *suites, size_t n)
{
	SRunner *sr = srunner_create(NULL);
	size_t i;
	int failed;

	for (i = 0; i < n; i++)
		srunner_add_suite(sr, suites[i]());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
