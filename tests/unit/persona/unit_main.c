// SPDX-License-Identifier: GPL-2.0
/* Runs every persona unit suite; the exit status says whether any test failed. */
#include "run_suites.h"
#include "suites.h"

int main(void)
{
	return RUN_SUITES(persona_apply_suite, persona_parse_suite,
			  persona_load_suite);
}
