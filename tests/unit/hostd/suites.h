/* SPDX-License-Identifier: GPL-2.0 */
/* The Check suites of hostd's unit tests, one per file, run by unit_main.c. */
#ifndef SUITES_H
#define SUITES_H

#include <check.h>

Suite *wire_suite(void);
Suite *payload_suite(void);
Suite *session_suite(void);
Suite *json_suite(void);
Suite *ttyfile_suite(void);
Suite *archive_suite(void);
Suite *pcapfile_suite(void);
Suite *rotate_suite(void);
Suite *nflog_suite(void);
Suite *conncount_suite(void);
Suite *netopts_suite(void);
Suite *connlog_suite(void);
Suite *pktqueue_suite(void);
Suite *cgroup_suite(void);
Suite *jail_opts_suite(void);
Suite *cpu_pin_suite(void);
Suite *budget_suite(void);
Suite *console_suite(void);
Suite *guest_suite(void);

#endif
