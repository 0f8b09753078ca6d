// SPDX-License-Identifier: GPL-2.0
/* Runs every ttyreplay unit suite; the exit status says whether all passed. */
#include "run_suites.h"
#include "suites.h"

int main(void)
{
	return RUN_SUITES(reader_suite, timeline_suite, escfilter_suite,
			  replay_suite, export_suite, list_suite, options_suite);
}
