// SPDX-License-Identifier: GPL-2.0
/* Runs every hostd unit suite; the exit status says whether any test failed. */
#include "run_suites.h"
#include "suites.h"

int main(void)
{
	return RUN_SUITES(wire_suite, payload_suite, session_suite, json_suite,
			  ttyfile_suite, archive_suite, pcapfile_suite,
			  rotate_suite, nflog_suite, conncount_suite,
			  netopts_suite, connlog_suite, pktqueue_suite,
			  cgroup_suite, jail_opts_suite, budget_suite, console_suite,
			  cpu_pin_suite, guest_suite);
}
