/* SPDX-License-Identifier: GPL-2.0 */
/* The Check suites of the unit tests, one per file, run by unit_main.c. */
#ifndef SUITES_H
#define SUITES_H

#include <check.h>

Suite *lab_config_suite(void);
Suite *guest_state_suite(void);
Suite *run_dir_suite(void);
Suite *file_tail_suite(void);
Suite *lab_conf_suite(void);
Suite *guest_suite(void);
Suite *dc_config_suite(void);
Suite *dc_ruleset_suite(void);
Suite *honeynet_conf_suite(void);
Suite *persona_cpuinfo_suite(void);
Suite *persona_make_suite(void);
Suite *run_space_suite(void);
Suite *hp_identity_suite(void);
Suite *retention_suite(void);
Suite *install_paths_suite(void);
Suite *watch_json_suite(void);
Suite *watch_format_suite(void);
Suite *watch_follow_suite(void);

#endif
