// SPDX-License-Identifier: GPL-2.0
/* `honeynet ruleset`: a honeywall config checked and rendered for nft, for a real host. */
#include <stdio.h>
#include <string.h>

#include "dc_config.h"
#include "dc_ruleset.h"
#include "report.h"
#include "ruleset_cmd.h"

int ruleset_main(int argc, char *argv[])
{
	static char rules[DC_RULESET_MAX];
	struct dc_config cfg;
	char err[512];

	if (argc != 1) {
		report("ruleset: give one config file, or --remove");
		return 2;
	}
	if (strcmp(argv[0], "--remove") == 0) {
		fputs(dc_ruleset_delete_script(), stdout);
		return 0;
	}
	if (dc_config_load(&cfg, argv[0], err, sizeof(err)) ||
	    dc_config_check_interfaces(&cfg, err, sizeof(err))) {
		report("%s: %s; nothing rendered", argv[0], err);
		return 1;
	}
	if (dc_ruleset_render(&cfg, rules, sizeof(rules))) {
		report("%s: ruleset larger than %d bytes", argv[0], DC_RULESET_MAX);
		return 1;
	}
	if (fputs(rules, stdout) == EOF || fflush(stdout) == EOF) {
		report_errno("ruleset: stdout");
		return 1;
	}
	return 0;
}
