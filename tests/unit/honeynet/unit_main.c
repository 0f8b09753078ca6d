// SPDX-License-Identifier: GPL-2.0
/* Runs every honeynet unit suite; the exit status says whether any test failed. */
#include "run_suites.h"
#include "suites.h"

int main(void)
{
	return RUN_SUITES(lab_config_suite, guest_state_suite, run_dir_suite,
			  file_tail_suite, lab_conf_suite, guest_suite,
			  dc_config_suite, dc_ruleset_suite, honeynet_conf_suite,
			  persona_cpuinfo_suite, persona_make_suite,
			  run_space_suite, hp_identity_suite, retention_suite,
			  install_paths_suite, watch_json_suite,
			  watch_format_suite, watch_follow_suite);
}
